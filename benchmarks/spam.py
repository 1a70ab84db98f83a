"""Measure ``remove_spam_keywords`` on generated spam-farm captures, with and without a site profile.

Every article of the Article Extraction Benchmark is rendered through one of
the spam-farm templates of :mod:`benchmarks.spamfarm` with a made-up phrase
injected into the title slot and 1-3 body positions (after a comma, at a
sentence end, mid-clause). For each template a :class:`~newsclean.profile.SiteProfile`
is learned from other pages of the same template (other articles, other
phrases), then every test page is cleaned

* without a profile (placement only), and
* with the template's learned profile.

Printed: precision and recall of removed phrase occurrences (an edit counts
when it removes exactly the injected occurrence, plus the separator or one
space), the share of pages whose cleaned text equals the cleaned un-injected
original, recall per injection position, precision and recall of removed
template lines, and the number of removals on the un-injected originals and
on plain-text captures of the real benchmark pages (which must be zero).

Run from the project root::

    .venv/bin/python -m benchmarks.spam            # all 181 articles
    .venv/bin/python -m benchmarks.spam --limit 30 # quick
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from typing import Any

from benchmarks.common import add_data_argument, html_to_capture, load_aeb, table
from benchmarks.spamfarm import TEMPLATES, Page, headline_of, render
from newsclean import Pipeline, default_pipeline
from newsclean.document import Document
from newsclean.profile import SiteProfile

STAGE = "remove_spam_keywords"


def _spam_edits(doc: Document) -> list[Any]:
    return [e for e in doc.edits if e.stage == STAGE and e.reason == "spam_keyword"]


def _template_edits(doc: Document) -> list[Any]:
    return [e for e in doc.edits if e.stage == STAGE and e.reason == "template_line"]


def score_phrases(doc: Document, page: Page) -> tuple[int, int, int, Counter[str], Counter[str]]:
    """Return (tp, fp, fn, found-by-kind, truth-by-kind) for one page."""
    truth = list(zip(page.spans, page.kinds, strict=True))
    matched: set[int] = set()
    fp = 0
    for e in _spam_edits(doc):
        hit = None
        if e.start is not None and e.end is not None:
            for j, ((a, b), _) in enumerate(truth):
                if j not in matched and e.start <= a and e.end >= b and (e.end - e.start) - (b - a) <= 2:
                    hit = j
                    break
        if hit is None:
            fp += 1
        else:
            matched.add(hit)
    found = Counter(truth[j][1] for j in matched)
    total = Counter(k for _, k in truth)
    return len(matched), fp, len(truth) - len(matched), found, total


def score_templates(doc: Document, page: Page) -> tuple[int, int, int]:
    """Return (tp, fp, fn) of removed template lines for one page."""
    pred = Counter(e.before.strip() for e in _template_edits(doc))
    true = Counter(page.template_lines)
    tp = sum((pred & true).values())
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--train", type=int, default=20, help="pages per template to learn a profile from")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--pipeline",
        choices=("stage", "default"),
        default="stage",
        help="'stage': fix_encoding + remove_spam_keywords; 'default': the whole default pipeline",
    )
    parser.add_argument("--real", type=int, default=None, help="real captures to check (default: all)")
    parser.add_argument("--show", type=int, default=3, help="print up to N misses and false removals")
    args = parser.parse_args(argv)

    pipe = Pipeline(["fix_encoding", STAGE]) if args.pipeline == "stage" else default_pipeline()
    articles = load_aeb(args.data, args.limit)
    heads = [headline_of(a.html, a.body) for a in articles]
    rng = random.Random(args.seed)

    test: list[tuple[int, Page]] = []
    for i, art in enumerate(articles):
        t = i % len(TEMPLATES)
        related = rng.sample([h for j, h in enumerate(heads) if j != i], min(18, len(heads) - 1))
        test.append((t, render(TEMPLATES[t], heads[i], art.body, related, rng)))

    profiles: list[SiteProfile] = []
    t0 = time.perf_counter()
    learned_pages = 0
    for t, tpl in enumerate(TEMPLATES):
        own = {i for i in range(len(articles)) if i % len(TEMPLATES) == t}
        pool = [i for i in range(len(articles)) if i not in own] or list(range(len(articles)))
        picks = [rng.choice(pool) for _ in range(args.train)]
        train = [
            render(tpl, heads[i], articles[i].body, rng.sample(heads, min(18, len(heads))), rng).capture
            for i in picks
        ]
        learned_pages += len(train)
        profiles.append(SiteProfile.learn(train))
    learn_s = time.perf_counter() - t0

    rows = []
    by_kind_rows = []
    shown = 0
    for mode in ("no profile", "learned profile"):
        tp = fp = fn = 0
        ttp = tfp = tfn = 0
        exact = 0
        orig_spam = 0
        orig_tfp = 0
        keywords_ok = 0
        found_k: Counter[str] = Counter()
        total_k: Counter[str] = Counter()
        for t, page in test:
            profile = profiles[t] if mode == "learned profile" else None
            doc = pipe.run(page.capture, kind="text", profile=profile)
            orig = pipe.run(page.original, kind="text", profile=profile)
            a, b, c, fk, tk = score_phrases(doc, page)
            tp, fp, fn = tp + a, fp + b, fn + c
            found_k.update(fk)
            total_k.update(tk)
            exact += doc.text == orig.text
            keywords_ok += tuple(doc.get("spam_keywords") or ()) == (page.phrase,)
            orig_spam += len(_spam_edits(orig))
            for e in _spam_edits(orig):
                print(
                    f"-- removal on an un-injected original ({mode}, {TEMPLATES[t].name}): {e.before!r} at {e.start}"
                )
            if profile is not None:
                a, b, c = score_templates(doc, page)
                ttp, tfp, tfn = ttp + a, tfp + b, tfn + c
                _, ob, _ = score_templates(orig, page)
                orig_tfp += ob
            if (b or c or doc.text != orig.text) and shown < args.show and mode == "no profile":
                shown += 1
                print(f"-- miss/false removal on template {TEMPLATES[t].name}, phrase {page.phrase!r}")
                for e in _spam_edits(doc):
                    print(f"   removed {e.before!r} at {e.start}")
                print(f"   truth {[(s, k) for s, k in zip(page.spans, page.kinds, strict=True)]}")
        n = len(test)
        rows.append(
            [
                mode,
                _ratio(tp, tp + fp),
                _ratio(tp, tp + fn),
                f"{keywords_ok}/{n}",
                f"{exact}/{n}",
                "-" if mode == "no profile" else _ratio(ttp, ttp + tfp),
                "-" if mode == "no profile" else _ratio(ttp, ttp + tfn),
                orig_spam,
                "-" if mode == "no profile" else orig_tfp,
            ]
        )
        by_kind_rows.append(
            [mode, *(f"{found_k[k]}/{total_k[k]}" for k in ("title", "comma", "sentence_end", "mid_clause"))]
        )

    title_only = sum(1 for _, page in test if set(page.kinds) == {"title"})
    print(
        f"\n{len(test)} generated pages ({len(TEMPLATES)} templates; {title_only} with no body position "
        f"to inject into, so only a profile can find their phrase), pipeline {pipe.names}; "
        f"profiles learned from {args.train} pages per template in {learn_s:.2f} s "
        f"({learned_pages / learn_s:.0f} pages/s)\n"
    )
    print(
        table(
            rows,
            [
                "run",
                "phrase P",
                "phrase R",
                "spam_keywords exact",
                "text exact",
                "template P",
                "template R",
                "spam edits on originals",
                "non-template lines removed on originals",
            ],
        )
    )
    print("\nRecall by injection position")
    print(table(by_kind_rows, ["run", "title", "comma", "sentence_end", "mid_clause"]))

    real = articles if args.real is None else articles[: args.real]
    false_real = []
    for art in real:
        doc = pipe.run(html_to_capture(art.html), kind="text")
        false_real.extend((art.url, e.before) for e in _spam_edits(doc))
    print(
        f"\nspam_keyword edits on {len(real)} real captures (html_to_capture of the benchmark pages): {len(false_real)}"
    )
    for url, before in false_real[: args.show]:
        print(f"   {url}: {before!r}")


if __name__ == "__main__":
    main()
