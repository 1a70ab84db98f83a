"""Render spam-farm captures with known injections, for measuring ``remove_spam_keywords``.

A content farm copies a real article, wraps it in its page template (a
breadcrumb, labels such as "Date:" or "日期：", counter widgets, list headers
of related stories, a footer) and splices a made-up phrase into the headline
slot and into body sentences. :func:`render` does the same with a real
article body, and returns the capture together with its ground truth:

* where every injected phrase occurrence is (offsets into the capture),
* which lines are template lines,
* the same page rendered without any injection (the clean control).

Templates differ in language, separators, breadcrumb style (glued to the
phrase or spaced), widgets and list headers. Everything is deterministic for a
given ``random.Random`` seed. Article bodies and headlines come from the
Article Extraction Benchmark (``scrapinghub-aeb``, MIT), loaded by
:func:`benchmarks.common.load_aeb`.
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass, field

import regex

__all__ = ["TEMPLATES", "Page", "Template", "headline_of", "make_phrase", "render"]


@dataclass(frozen=True)
class Template:
    """The fixed parts of one spam farm's pages."""

    name: str
    site: str
    breadcrumb: str  # text before the title slot on the first line ("" for none)
    title_sep: str  # between the phrase and the headline
    site_sep: str  # between the headline and the site name
    repeat_title: bool  # a second title line without breadcrumb and site name
    header_lines: tuple[str, ...]  # constant lines between the title and the date
    date_label: str
    widgets: tuple[str, ...]  # lines with one varying number, "{n}"
    list_headers: tuple[str, ...]
    bullet: str
    footer: tuple[str, ...]


TEMPLATES: tuple[Template, ...] = (
    Template(
        name="en-glued",
        site="Prime Harbor Ledger",
        breadcrumb="Current:Home > Contact",
        title_sep="-",
        site_sep=" -",
        repeat_title=True,
        header_lines=("Surpassing View",),
        date_label="Date:",
        widgets=("veryGood! ({n})",),
        list_headers=("Related", "Ranking", "Recommendation"),
        bullet="- ",
        footer=(),
    ),
    Template(
        name="zh-fullwidth",
        site="环球财经观察",
        breadcrumb="当前位置：首页 > 资讯 > ",
        title_sep="-",
        site_sep=" - ",
        repeat_title=True,
        header_lines=("来源：网络整理", "编辑：小编"),
        date_label="日期：",
        widgets=("阅读（{n}）", "点赞 {n}"),
        list_headers=("相关文章", "热门推荐"),
        bullet="",
        footer=("Copyright © 2024 环球财经观察 版权所有", "免责声明：本文仅代表作者个人观点，与本站无关。"),
    ),
    Template(
        name="de-bar",
        site="Nordwest Kurier Online",
        breadcrumb="",
        title_sep=" | ",
        site_sep=" | ",
        repeat_title=False,
        header_lines=("Nachrichten aus aller Welt",),
        date_label="Datum: ",
        widgets=("Gefällt mir ({n})", "{n} Kommentare"),
        list_headers=("Ähnliche Artikel", "Meistgelesen"),
        bullet="• ",
        footer=(
            "Impressum · Datenschutz · Kontakt",
            "© 2024 Nordwest Kurier Online. Alle Rechte vorbehalten.",
        ),
    ),
    Template(
        name="es-spaced",
        site="Diario Global Hoy",
        breadcrumb="Inicio » Noticias » ",
        title_sep=" - ",
        site_sep=" - ",
        repeat_title=True,
        header_lines=("Última hora",),
        date_label="Fecha: ",
        widgets=("Me gusta {n}",),
        list_headers=("Noticias relacionadas", "Lo más leído"),
        bullet="- ",
        footer=("Aviso legal | Política de privacidad | Cookies",),
    ),
    Template(
        name="fr-dash",
        site="Le Veilleur Économique",
        breadcrumb="",
        title_sep=" — ",
        site_sep=" — ",
        repeat_title=False,
        header_lines=("Actualités", "Partager sur Facebook"),
        date_label="Publié le : ",
        widgets=("{n} vues",),
        list_headers=("À lire aussi", "Les plus lus"),
        bullet="",
        footer=("Mentions légales", "Tous droits réservés"),
    ),
    Template(
        name="en-trending",
        site="Daily Market Pulse",
        breadcrumb="You are here: Home / World / ",
        title_sep="–",
        site_sep=" | ",
        repeat_title=True,
        header_lines=("Breaking News", "Follow us"),
        date_label="Posted on ",
        widgets=("Share ({n})", "Comments ({n})"),
        list_headers=("Trending Now", "Editor's Picks", "More From Our Network"),
        bullet="- ",
        footer=("About Us | Contact | Privacy Policy", "All content copyright Daily Market Pulse"),
    ),
)

_SYLLABLES = (
    "al", "go", "sen", "sey", "quan", "vex", "tri", "zor", "no", "va", "lux", "mer", "dra", "phi",
    "ton", "kel", "bri", "oth", "qua", "zen", "rix", "mon", "ta", "lo", "fyn", "cor", "dex", "sol",
)  # fmt: skip
_WORDS = (
    ("Quantitative", "Think", "Tank", "Center"),
    ("Capital", "Partners"),
    ("Wealth", "Management", "Institute"),
    ("Digital", "Asset", "Exchange"),
    ("Investment", "Research", "Hub"),
    ("Financial", "Strategy", "Group"),
    ("Blockchain", "Academy"),
    ("Trading", "Signals", "Club"),
    ("Global", "Fund", "Alliance"),
    ("Smart", "Money", "Network"),
    ("Forex", "Insight", "Studio"),
    ("Crypto", "Education", "Center"),
)


def make_phrase(rng: random.Random) -> str:
    """Return a made-up brand phrase: an invented word and up to four generic words."""
    n = rng.choice((2, 3, 3, 4))
    word = "".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize()
    if rng.random() < 0.1:
        return word
    tail = rng.choice(_WORDS)
    k = rng.randint(1, len(tail))
    return " ".join((word, *tail[-k:]))


_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
_SITE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


def headline_of(page_html: str, body: str) -> str:
    """The page's headline: its ``<title>`` without the site name, else the body's first words."""
    m = _TITLE.search(page_html)
    if m:
        title = " ".join(html.unescape(m.group(1)).split())
        parts = [p for p in _SITE_SPLIT.split(title) if p]
        if parts:
            best = max(parts, key=len)
            if len(best.split()) >= 3:
                return best
    words = " ".join(body.split()[:10])
    return words[:80].rstrip(".,;:")


@dataclass
class Page:
    """One rendered capture and its ground truth.

    Attributes:
        capture: The page text with injections.
        original: The same page without any injection (clean control).
        phrase: The injected phrase ("" for none).
        spans: ``(start, end)`` of every injected occurrence in ``capture``.
        kinds: The position kind of each span (title, comma, sentence_end, mid_clause).
        template_lines: The template's lines on this page (as rendered).
    """

    capture: str
    original: str
    phrase: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    template_lines: list[str] = field(default_factory=list)
    template: str = ""


_COMMA = regex.compile(r"(?<=\p{L}),(?= \p{L})")
_SENTENCE_END = regex.compile(r"(?<=\p{L}{2})\.(?= \p{L})")
_MID = regex.compile(r"(?<![\p{L}\p{N}’'.-])\p{Ll}{2,} (?=\p{Ll}{2,}\b)")


def _body_slots(paragraph: str, kind: str) -> list[int]:
    """Offsets in ``paragraph`` where a phrase of ``kind`` can be spliced in."""
    if kind == "comma":
        return [m.end() for m in _COMMA.finditer(paragraph)]
    if kind == "sentence_end":
        return [m.end() for m in _SENTENCE_END.finditer(paragraph)]
    return [m.end() for m in _MID.finditer(paragraph)]


def render(
    template: Template,
    headline: str,
    body: str,
    related: list[str],
    rng: random.Random,
    *,
    phrase: str | None = None,
    injections: int | None = None,
) -> Page:
    """Render one page of ``template`` around an article, injecting ``phrase``.

    Args:
        template: The farm's template.
        headline: The article's headline.
        body: The article body (paragraphs separated by blank lines).
        related: Headlines of other articles for the list widgets.
        rng: Source of all random choices.
        phrase: The phrase to inject (a new made-up one if None; "" for none).
        injections: Body occurrences (1 to 3 at random if None).

    Returns:
        The page with its ground truth.
    """
    if phrase is None:
        phrase = make_phrase(rng)
    paragraphs = [" ".join(p.split()) for p in body.split("\n") if p.strip()][:14]
    # Choose the body positions first (paragraph index, offset, kind).
    n_inj = 0 if not phrase else (injections if injections is not None else rng.choice((1, 1, 2, 3)))
    chosen: dict[int, list[tuple[int, str]]] = {}
    for _ in range(n_inj):
        for _attempt in range(60):
            kind = rng.choice(("comma", "sentence_end", "mid_clause"))
            pi = rng.randrange(len(paragraphs))
            offsets = _body_slots(paragraphs[pi], kind)
            used = {o for o, _ in chosen.get(pi, [])}
            offsets = [o for o in offsets if all(abs(o - u) > 40 for u in used)]
            if offsets:
                chosen.setdefault(pi, []).append((rng.choice(offsets), kind))
                break

    lines: list[tuple[str, str, list[tuple[int, str]]]] = []  # (with, without, [(col, kind)])
    template_lines: list[str] = []

    def add(with_text: str, without: str | None = None, cols: list[tuple[int, str]] | None = None) -> None:
        lines.append((with_text, with_text if without is None else without, cols or []))

    def add_template(text: str) -> None:
        template_lines.append(text)
        add(text)

    site_tail = f"{template.site_sep}{template.site}"
    slot = f"{phrase}{template.title_sep}" if phrase else ""
    b = template.breadcrumb
    add(f"{b}{slot}{headline}{site_tail}", f"{b}{headline}{site_tail}", [(len(b), "title")] if phrase else [])
    if template.repeat_title:
        add(f"{slot}{headline}", headline, [(0, "title")] if phrase else [])
    for h in template.header_lines:
        add_template(h)
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    add(f"{template.date_label}{day}")
    for pi, para in enumerate(paragraphs):
        spots = sorted(chosen.get(pi, []))
        if not spots:
            add(para)
            continue
        pieces, cols, pos, shift = [], [], 0, 0
        for off, kind in spots:
            pieces.append(para[pos:off])
            ins = phrase if kind != "mid_clause" else phrase + " "
            cols.append((off + shift, kind))
            pieces.append(ins)
            shift += len(ins)
            pos = off
        pieces.append(para[pos:])
        add("".join(pieces), para, cols)
    for w in template.widgets:
        add_template(w.format(n=rng.randint(10, 99999)))
    pool = list(related)
    rng.shuffle(pool)
    for header in template.list_headers:
        add_template(header)
        for item in pool[: rng.randint(3, 6)]:
            add(f"{template.bullet}{item}")
        pool = pool[6:] + pool[:6]
    for f in template.footer:
        add_template(f)

    capture_lines, original_lines = [], []
    spans: list[tuple[int, int]] = []
    kinds: list[str] = []
    pos = 0
    for with_text, without, cols in lines:
        for col, kind in cols:
            extra = len(template.title_sep) if kind == "title" else 0
            spans.append((pos + col, pos + col + len(phrase) + extra))
            kinds.append(kind)
        capture_lines.append(with_text)
        original_lines.append(without)
        pos += len(with_text) + 1
    return Page(
        capture="\n".join(capture_lines),
        original="\n".join(original_lines),
        phrase=phrase,
        spans=spans,
        kinds=kinds,
        template_lines=template_lines,
        template=template.name,
    )
