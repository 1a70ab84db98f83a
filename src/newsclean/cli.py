"""The ``newsclean`` command.

``newsclean clean PATH...`` cleans files, folders (recursively) and ``-``
(standard input) and writes JSON Lines to standard output; ``newsclean learn``
learns a site profile; ``newsclean stages`` lists the stages. Diagnostics go to
standard error; the exit status is 0 when every input was cleaned, 1 when any
failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from newsclean import __version__
from newsclean.errors import NewscleanError

__all__ = ["main"]

#: File endings read when a folder is given.
INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson")
#: Keys of a JSON Lines record that may hold the capture, in order of preference.
RECORD_TEXT_KEYS = ("text", "html", "content", "raw", "body")


@dataclass(frozen=True)
class Item:
    """One capture to clean: where it came from, the raw input, per-item options."""

    name: str
    raw: str | bytes
    url: str | None = None
    captured_at: datetime | None = None


class UsageError(Exception):
    """A command-line mistake (exit status 2)."""


def _err(message: str) -> None:
    print(f"newsclean: {message}", file=sys.stderr)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for f in sorted(files):
                p = Path(root) / f
                if _suffix(p) in INPUT_SUFFIXES and not f.startswith("."):
                    yield p
    else:
        yield path


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gzip.decompress(data)
    return data


def _parse_time(value: Any, where: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{where}: captured_at {value!r} is not an ISO 8601 date-time") from None


def _records(name: str, data: bytes) -> Iterator[Item | tuple[str, str]]:
    """Yield items of a JSON Lines input, or (name, error) for bad lines."""
    for n, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, f"not JSON: {exc.msg}"
            continue
        if isinstance(rec, str):
            yield Item(where, rec)
            continue
        if not isinstance(rec, dict):
            yield where, "a record must be a JSON object or string"
            continue
        key = next((k for k in RECORD_TEXT_KEYS if isinstance(rec.get(k), str)), None)
        if key is None:
            yield where, f"no text field (looked for {', '.join(RECORD_TEXT_KEYS)})"
            continue
        try:
            captured = _parse_time(rec.get("captured_at"), where)
        except ValueError as exc:
            yield where, str(exc)
            continue
        ident = rec.get("id")
        yield Item(f"{name}:{ident}" if ident is not None else where, rec[key], rec.get("url"), captured)


def _items(paths: Sequence[str], *, jsonl_stdin: bool) -> Iterator[Item | tuple[str, str]]:
    for arg in paths:
        if arg == "-":
            data = sys.stdin.buffer.read()
            if jsonl_stdin:
                yield from _records("<stdin>", data)
            else:
                yield Item("<stdin>", data)
            continue
        path = Path(arg)
        if not path.exists():
            yield arg, "no such file or folder"
            continue
        for p in _walk(path):
            try:
                data = _read_bytes(p)
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                yield str(p), f"cannot read: {exc}"
                continue
            if _suffix(p) in (".jsonl", ".ndjson"):
                yield from _records(str(p), data)
            else:
                yield Item(str(p), data)


def _load_keywords(path: str | None) -> list[str]:
    if not path:
        return []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read spam keyword file: {exc}") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _text_output(article: Any) -> str:
    parts = [article.title] if article.title else []
    parts.extend(article.paragraphs)
    return "\n\n".join(parts)


def _cmd_clean(args: argparse.Namespace) -> int:
    from newsclean.api import clean
    from newsclean.defaults import default_pipeline
    from newsclean.pipeline import Pipeline

    keywords = _load_keywords(args.spam_keywords)
    profile = None
    if args.profile:
        from newsclean.profile import SiteProfile

        try:
            profile = SiteProfile.load(args.profile)
        except (OSError, ValueError, NewscleanError) as exc:
            raise UsageError(f"cannot load profile {args.profile}: {exc}") from None
    pipeline = default_pipeline()
    if args.pipeline:
        try:
            pipeline = Pipeline.from_config(json.loads(Path(args.pipeline).read_text(encoding="utf-8")))
        except (OSError, ValueError, NewscleanError) as exc:
            raise UsageError(f"cannot build pipeline from {args.pipeline}: {exc}") from None
    captured_default = _parse_time(args.captured_at, "--captured-at") if args.captured_at else None

    out: IO[str]
    out = sys.stdout if args.output in (None, "-") else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    failed = 0
    first = True
    try:
        if args.format == "json":
            out.write("[")
        for item in _items(args.paths, jsonl_stdin=args.jsonl):
            if isinstance(item, tuple):
                _err(f"{item[0]}: {item[1]}")
                failed += 1
                continue
            try:
                article = clean(
                    item.raw,
                    url=item.url,
                    captured_at=item.captured_at or captured_default,
                    pipeline=pipeline,
                    kind=args.kind,
                    encoding=args.encoding,
                    spam_keywords=keywords,
                    profile=profile,
                    language=args.language,
                )
            except NewscleanError as exc:
                _err(f"{item.name}: {exc}")
                failed += 1
                continue
            if args.explain:
                print(f"== {item.name}\n{article.explain()}", file=sys.stderr)
            if args.format == "text":
                out.write(("" if first else "\n\f\n") + _text_output(article) + "\n")
            else:
                record = {"source": item.name, **article.to_dict()}
                line = json.dumps(record, ensure_ascii=False)
                if args.format == "json":
                    out.write(("\n" if first else ",\n") + line)
                else:
                    out.write(line + "\n")
            first = False
        if args.format == "json":
            out.write("\n]\n")
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _cmd_learn(args: argparse.Namespace) -> int:
    from newsclean.profile import SiteProfile

    captures: list[str] = []
    failed = 0
    from newsclean.inputs import decode_bytes

    for item in _items(args.paths, jsonl_stdin=args.jsonl):
        if isinstance(item, tuple):
            _err(f"{item[0]}: {item[1]}")
            failed += 1
            continue
        raw = item.raw
        if isinstance(raw, bytes):
            try:
                raw = decode_bytes(raw)[0]
            except NewscleanError as exc:
                _err(f"{item.name}: {exc}")
                failed += 1
                continue
        captures.append(raw)
    if not captures:
        raise UsageError("no captures to learn from")
    profile = SiteProfile.learn(captures)
    if args.output in (None, "-"):
        sys.stdout.write(profile.to_json() + "\n")
    else:
        profile.save(args.output)
        _err(f"learned a profile from {len(captures)} captures: {args.output}")
    return 1 if failed else 0


def _cmd_stages(args: argparse.Namespace) -> int:
    from newsclean import registry
    from newsclean.defaults import DEFAULT_STAGES

    default = {name for name, _ in DEFAULT_STAGES}
    print("default pipeline, in order:")
    for name, why in DEFAULT_STAGES:
        print(f"  {name:<22} {why}")
    others = [n for n in registry.names() if n not in default]
    if others:
        print("other registered stages:")
        for name in others:
            print(f"  {name}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``newsclean`` command."""
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean noisy scraped news captures (text or HTML) into articles, logging every change.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser(
        "clean",
        help="clean files, folders or stdin",
        description="Clean captures and write one JSON object per article (JSON Lines) to stdout. "
        f"Folders are read recursively ({', '.join(INPUT_SUFFIXES)}, optionally .gz); "
        "a .jsonl input holds one record per line with a 'text' or 'html' field "
        "(and optional 'id', 'url', 'captured_at').",
    )
    c.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for standard input")
    c.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    c.add_argument("-f", "--format", choices=("jsonl", "json", "text"), default="jsonl", help="output format")
    c.add_argument("--explain", action="store_true", help="print every edit of every article to stderr")
    c.add_argument(
        "--kind", choices=("auto", "text", "html"), default="auto", help="input kind (sniffed by default)"
    )
    c.add_argument("--encoding", help="charset of the input bytes (detected by default)")
    c.add_argument("--language", help="language code of the inputs (detected by default)")
    c.add_argument("--captured-at", metavar="ISO", help="capture time, anchors relative dates")
    c.add_argument("--spam-keywords", metavar="FILE", help="file of known spam phrases, one per line")
    c.add_argument("--profile", metavar="FILE", help="site profile made by 'newsclean learn'")
    c.add_argument("--pipeline", metavar="FILE", help="pipeline config JSON (Pipeline.to_config())")
    c.add_argument("--jsonl", action="store_true", help="read standard input as JSON Lines records")
    c.set_defaults(func=_cmd_clean)

    learn = sub.add_parser(
        "learn",
        help="learn a site profile from many captures of one site",
        description="Learn the template lines and injected phrases that recur across captures of one site.",
    )
    learn.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of one site's captures")
    learn.add_argument("-o", "--output", metavar="OUT", help="profile JSON file (default: stdout)")
    learn.add_argument("--jsonl", action="store_true", help="read standard input as JSON Lines records")
    learn.set_defaults(func=_cmd_learn)

    st = sub.add_parser("stages", help="list the stages of the default pipeline and the registry")
    st.set_defaults(func=_cmd_stages)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = args.func(args)
        return status
    except UsageError as exc:
        _err(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, like Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
