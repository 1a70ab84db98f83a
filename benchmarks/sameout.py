"""Which ``clean()`` outputs a code change alters, over every page of the development corpora.

Run from the project folder, once on the code before a change and once after::

    python -m benchmarks.sameout before.json [--data ../shared/data] [--cache DIR]
    python -m benchmarks.sameout after.json --against before.json

Each page of the four body corpora (``benchmarks.corpora``) is cleaned twice, from its
HTML and from its plain-text capture, and the whole Article (``Article.to_dict()``
without ``raw``: text, every field, decisions and edit log) is reduced to a short
digest. The file written maps ``<corpus>/<page>/<html|text>`` to that digest (or to
the name of the error raised). With ``--against``, the outputs whose digest differs
from the earlier file are counted and listed: a pure speed change must list none,
and a quality change lists exactly the pages it meant to move.

This is how the performance and metadata notes in ``docs/`` count "outputs changed":
1,758 outputs (879 pages, two inputs each) when the whole data is present.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from benchmarks.common import add_data_argument
from benchmarks.corpora import CORPORA, Cache, add_captures, load_corpus

#: How many differing keys are listed (the count is always printed).
SHOWN = 40


def digest(article_dict: Mapping[str, object]) -> str:
    """A short digest of an Article's dictionary, ``raw`` left out (the input is the same)."""
    kept = {k: v for k, v in article_dict.items() if k != "raw"}
    blob = json.dumps(kept, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(blob.encode("utf-8"), digest_size=8).hexdigest()


def outputs(data: Path, cache: Cache, corpora: Iterable[str] = CORPORA) -> dict[str, str]:
    """The digest of every page's ``clean(html)`` and ``clean(capture)``, by key."""
    import newsclean

    out: dict[str, str] = {}
    for corpus in corpora:
        pages = load_corpus(data, corpus)
        add_captures(pages, cache)
        for page in pages:
            for kind, source in (("html", page.html), ("text", page.capture)):
                try:
                    value = digest(newsclean.clean(source).to_dict())
                except Exception as exc:  # an error is an output too
                    value = f"error {type(exc).__name__}"
                out[f"{corpus}/{page.id}/{kind}"] = value
    return out


def differing(now: Mapping[str, str], before: Mapping[str, str]) -> list[str]:
    """Keys whose output differs from ``before`` (a key missing there differs too)."""
    return [key for key, value in now.items() if before.get(key) != value]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="JSON file to write the digests to")
    parser.add_argument("--against", type=Path, default=None, help="digests of the code before the change")
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="only this corpus (repeatable)")
    parser.add_argument("--cache", type=Path, default=None, help="cache folder for the text captures")
    add_data_argument(parser)
    args = parser.parse_args(argv)
    now = outputs(args.data, Cache(args.cache), args.corpus or CORPORA)
    args.out.write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(now)} outputs written to {args.out}")
    if args.against is not None:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        diff = differing(now, before)
        print(f"{len(diff)} of {len(now)} outputs differ")
        for key in diff[:SHOWN]:
            print(f"  {key}")
        if len(diff) > SHOWN:
            print(f"  ... and {len(diff) - SHOWN} more")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
