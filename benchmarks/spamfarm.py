"""A template grammar for spam-farm captures with known injections.

A content farm copies a real article, wraps it in its page template and
splices a made-up phrase into the headline's title slot and into body
sentences. This module draws whole *template families* at random from a
grammar, so any number of farms can be produced, each one deterministic for
its integer seed:

* **label language** of the site chrome: English, German, French, Spanish,
  Chinese or Japanese (breadcrumb words, date and source labels, widgets,
  list headers, footers);
* **breadcrumb style**: none, on its own line, or opening the title line,
  either spaced ("Home > World > ") or glued to the slot ("Home > Contact");
* a **site-name line** above the title or not, and a site-name suffix on the
  title line or not;
* **title-slot position**: the phrase before or after the headline;
* **separator**: dashes, bars, colons (ASCII or full-width, spaced or
  glued) or brackets around the phrase ("【Phrase】", "[Phrase]");
* a repeated title line (with or without the phrase), header lines,
  counter widgets, list headers with related headlines and footers;
* the **phrase**: a made-up brand (invented word plus generic words), in
  Latin letters or, for Chinese and Japanese farms, sometimes in CJK;
  either rotating (a new one per page) or constant for the site.

:func:`render` builds one page of a family around a real article body and
returns the capture, the same page without injection, and the phrase. Body
text comes from the Article Extraction Benchmark ground truth
(``scrapinghub-aeb``, MIT), loaded by :func:`benchmarks.common.load_aeb`;
it is used here only, never shipped with the library.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import regex

__all__ = [
    "DEV_FAMILIES",
    "HELDOUT_FAMILIES",
    "SPENT_FAMILIES",
    "Family",
    "Page",
    "draw_family",
    "make_phrase",
    "render",
]

#: Family seeds used while developing the stage (fixed).
DEV_FAMILIES = tuple(range(0, 24))
#: The first held-out set. Its figures were read once (71.7 % / 78.0 % fully
#: clean, 101 phrases on un-injected pages); the bugs they showed were then
#: fixed, so these families count as development families from then on.
#: The second held-out set (2000-2011) was read once (98.3 % / 98.3 %, 1 phrase
#: on an un-injected page, before a colon fix); its misses were then
#: diagnosed and fixed, so it too counts as development from then on.
SPENT_FAMILIES = (*range(1000, 1012), *range(2000, 2012))
#: Family seeds never run while developing: the reported figures (fixed).
HELDOUT_FAMILIES = tuple(range(3000, 3012))

# -- vocabularies of site chrome, per label language --------------------------------
# Written for this generator; ordinary words of each language's news sites.
_CRUMBS = {
    "en": ("Home", "News", "World", "Business", "Politics", "Contact", "Latest"),
    "de": ("Startseite", "Nachrichten", "Politik", "Wirtschaft", "Welt", "Aktuell"),
    "fr": ("Accueil", "Actualités", "Monde", "Économie", "Politique", "International"),
    "es": ("Inicio", "Noticias", "Mundo", "Economía", "Política", "Actualidad"),
    "zh": ("首页", "资讯", "新闻", "国际", "财经", "要闻"),
    "ja": ("ホーム", "ニュース", "国際", "経済", "政治", "トピックス"),
}
_HERE = {
    "en": ("You are here: ", "Location: ", "Now reading: ", ""),
    "de": ("Sie sind hier: ", ""),
    "fr": ("Vous êtes ici : ", ""),
    "es": ("Está en: ", ""),
    "zh": ("当前位置：", "您的位置："),
    "ja": ("現在位置：", ""),
}
_SITE_WORDS = {
    "en": (
        ("Prime", "Daily", "Global", "Harbor", "Metro", "Summit"),
        ("Ledger", "Pulse", "Wire", "Post", "Digest"),
    ),
    "de": (
        ("Nordwest", "Neue", "Freie", "Rhein", "Alpen"),
        ("Kurier", "Rundschau", "Zeitung", "Bote", "Presse"),
    ),
    "fr": (
        ("Le Veilleur", "La Gazette", "Le Courrier", "L'Écho"),
        ("Économique", "du Sud", "Libre", "Quotidien"),
    ),
    "es": (("Diario", "El Correo", "La Voz", "Crónica"), ("Global", "del Sur", "Hoy", "Libre")),
    "zh": (("环球", "华夏", "东方", "新时代"), ("财经观察", "新闻网", "日报", "资讯网")),
    "ja": (("東京", "日本", "未来", "朝日"), ("経済新報", "ニュース", "タイムズ", "速報")),
}
_DATE_LABELS = {
    "en": ("Date:", "Posted on ", "Published: ", "Updated "),
    "de": ("Datum: ", "Veröffentlicht am ", "Stand: "),
    "fr": ("Publié le : ", "Date : ", "Mis à jour le "),
    "es": ("Fecha: ", "Publicado el ", "Actualizado: "),
    "zh": ("日期：", "发布时间：", "时间："),
    "ja": ("公開日：", "配信日時：", "更新："),
}
_HEADER_LINES = {
    "en": ("Breaking News", "Follow us", "Our View", "Source: Web", "Editor: Staff", "Top Stories"),
    "de": ("Nachrichten aus aller Welt", "Quelle: Agenturen", "Redaktion", "Eilmeldung"),
    "fr": ("Actualités", "Partager sur Facebook", "Source : agences", "À la une"),
    "es": ("Última hora", "Fuente: agencias", "Redacción", "Compartir"),
    "zh": ("来源：网络整理", "编辑：小编", "作者：佚名", "字号：大 中 小"),
    "ja": ("出典：通信社", "編集部", "シェアする", "速報"),
}
_WIDGETS = {
    "en": ("Great! ({n})", "Share ({n})", "Comments ({n})", "{n} views", "Like ({n})"),
    "de": ("Gefällt mir ({n})", "{n} Kommentare", "{n} Aufrufe"),
    "fr": ("{n} vues", "J'aime ({n})", "{n} commentaires"),
    "es": ("Me gusta {n}", "{n} comentarios", "{n} visitas"),
    "zh": ("阅读（{n}）", "点赞 {n}", "评论（{n}）"),
    "ja": ("いいね！({n})", "{n}件のコメント", "閲覧数 {n}"),
}
_LIST_HEADERS = {
    "en": ("Related", "Top Ten", "You May Like", "Trending Now", "Editor's Picks", "Most Read"),
    "de": ("Ähnliche Artikel", "Meistgelesen", "Das könnte Sie interessieren"),
    "fr": ("À lire aussi", "Les plus lus", "Sur le même sujet"),
    "es": ("Noticias relacionadas", "Lo más leído", "Te puede interesar"),
    "zh": ("相关文章", "热门推荐", "猜你喜欢", "排行榜"),
    "ja": ("関連記事", "人気記事", "おすすめ", "ランキング"),
}
_FOOTERS = {
    "en": ("About Us | Contact | Privacy Policy", "All content copyright {site}", "Copyright © 2024 {site}"),
    "de": ("Impressum · Datenschutz · Kontakt", "© 2024 {site}. Alle Rechte vorbehalten."),
    "fr": ("Mentions légales", "Tous droits réservés", "© 2024 {site}"),
    "es": ("Aviso legal | Política de privacidad | Cookies", "© 2024 {site}. Todos los derechos reservados."),
    "zh": ("Copyright © 2024 {site} 版权所有", "免责声明：本文仅代表作者个人观点，与本站无关。"),
    "ja": ("Copyright © 2024 {site} All Rights Reserved.", "利用規約 | プライバシーポリシー"),
}
_CRUMB_SEPS = (" > ", " » ", " / ", " › ", ">", "＞", " → ", " >> ")
# Separators between the phrase and the headline: "{p}" and "{h}" placeholders.
_DASHES = ("-", "–", "—", " - ", " – ", " — ", "－")
_BARS = ("|", " | ", "｜", " ｜ ", "丨")
_COLONS = (":", ": ", "：", " : ", "::", " :: ")
_BRACKETS = (("【", "】"), ("[", "] "), ("[", "]"), ("(", ") "), ("「", "」"), ("〖", "〗"), ("《", "》"))
_SITE_SEPS = (" - ", " | ", " — ", " -", "_", " – ", "｜", " :: ")
_BULLETS = ("- ", "• ", "", "· ", "▪ ", "* ")

_SYLLABLES = (
    "al", "go", "sen", "sey", "quan", "vex", "tri", "zor", "no", "va", "lux", "mer", "dra", "phi",
    "ton", "kel", "bri", "oth", "qua", "zen", "rix", "mon", "ta", "lo", "fyn", "cor", "dex", "sol",
)  # fmt: skip
_WORDS = (
    ("Strategic", "Policy", "Lab", "Center"),
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
_CJK_HEADS = "鑫瀚泓睿烨珂琰翔昊钰澜骁"
_CJK_TAILS = {
    "zh": ("财富研究中心", "投资学院", "量化智库", "金融策略组", "数字资产交易所"),
    "ja": ("投資アカデミー", "資産研究所", "トレード倶楽部", "金融戦略グループ"),
}


@dataclass(frozen=True)
class Family:
    """The fixed parts of one farm's pages, drawn by :func:`draw_family`."""

    seed: int
    lang: str
    site: str
    site_line: bool  # the site name on its own line above the title
    breadcrumb: str  # "" for none
    breadcrumb_mode: str  # "line" (own line), "spaced" or "glued" (opening the title line)
    position: str  # "prefix" or "suffix": the phrase before or after the headline
    sep: tuple[str, str]  # (before phrase, after phrase) around the phrase in the title
    site_tail: str  # separator + site name after the title ("" for none)
    repeat_title: str  # "none", "plain" (headline only) or "slot" (with the phrase)
    header_lines: tuple[str, ...]
    date_label: str
    widgets: tuple[str, ...]
    list_headers: tuple[str, ...]
    bullet: str
    footer: tuple[str, ...]
    constant_phrase: bool
    cjk_phrase: float  # share of pages whose phrase is written in CJK

    @property
    def name(self) -> str:
        """A short description of the family: seed, language, slot, separator."""
        slot = f"{self.sep[0]}P{self.sep[1]}"
        crumb = self.breadcrumb_mode if self.breadcrumb else "none"
        return f"{self.seed}:{self.lang}/{self.position}/{slot.strip() or '?'}/{crumb}"


def draw_family(seed: int) -> Family:
    """Draw one template family from the grammar; the same seed gives the same family."""
    rng = random.Random(f"family-{seed}")
    lang = rng.choice(("en", "en", "de", "fr", "es", "zh", "ja"))
    first, second = _SITE_WORDS[lang]
    joiner = "" if lang in ("zh", "ja") else " "
    site = f"{rng.choice(first)}{joiner}{rng.choice(second)}"
    crumbs = list(_CRUMBS[lang])
    rng.shuffle(crumbs)
    crumb_sep = rng.choice(_CRUMB_SEPS)
    mode = rng.choice(("none", "line", "spaced", "glued"))
    position = rng.choice(("prefix", "prefix", "suffix"))
    if position == "suffix" and mode == "glued":
        mode = "spaced"
    depth = rng.randint(1, 3)
    breadcrumb = ""
    if mode != "none":
        breadcrumb = rng.choice(_HERE[lang]) + crumb_sep.join(crumbs[:depth])
        if mode == "spaced":
            breadcrumb += crumb_sep if crumb_sep.strip() else " > "
        elif mode == "glued":
            breadcrumb += crumb_sep + crumbs[depth]
    kind = rng.choice(("dash", "dash", "bar", "colon", "bracket"))
    if kind == "bracket":
        left, right = rng.choice(_BRACKETS)
        sep = (left, right) if position == "prefix" else (" " + left, right.rstrip())
    else:
        s = rng.choice({"dash": _DASHES, "bar": _BARS, "colon": _COLONS}[kind])
        if position == "suffix" and kind == "colon":
            s = rng.choice(_DASHES + _BARS)
        sep = ("", s) if position == "prefix" else (s, "")
    site_tail = rng.choice(_SITE_SEPS) + site if rng.random() < 0.7 else ""
    return Family(
        seed=seed,
        lang=lang,
        site=site,
        site_line=rng.random() < 0.4,
        breadcrumb=breadcrumb,
        breadcrumb_mode=mode if mode != "none" else "line",
        position=position,
        sep=sep,
        site_tail=site_tail,
        repeat_title=rng.choice(("none", "plain", "slot")),
        header_lines=tuple(rng.sample(_HEADER_LINES[lang], rng.randint(0, 2))),
        date_label=rng.choice(_DATE_LABELS[lang]),
        widgets=tuple(rng.sample(_WIDGETS[lang], rng.randint(0, 2))),
        list_headers=tuple(rng.sample(_LIST_HEADERS[lang], rng.randint(1, 3))),
        bullet=rng.choice(_BULLETS),
        footer=tuple(f.format(site=site) for f in rng.sample(_FOOTERS[lang], rng.randint(0, 2))),
        constant_phrase=rng.random() < 0.3,
        cjk_phrase=0.5 if lang in ("zh", "ja") else 0.0,
    )


def make_phrase(rng: random.Random, lang: str = "en", *, cjk: bool = False) -> str:
    """Return a made-up brand phrase: an invented word and up to four generic words."""
    if cjk and lang in _CJK_TAILS:
        return "".join(rng.sample(_CJK_HEADS, 2)) + rng.choice(_CJK_TAILS[lang])
    n = rng.choice((2, 3, 3, 4))
    word = "".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize()
    if rng.random() < 0.1:
        return word
    tail = rng.choice(_WORDS)
    k = rng.randint(1, len(tail))
    return " ".join((word, *tail[-k:]))


def family_phrase(family: Family) -> str:
    """The constant phrase of a family (used when ``family.constant_phrase``)."""
    rng = random.Random(f"phrase-{family.seed}")
    return make_phrase(rng, family.lang, cjk=rng.random() < family.cjk_phrase)


@dataclass
class Page:
    """One rendered capture and its ground truth.

    Attributes:
        capture: The page text with injections.
        original: The same page without any injection (clean control).
        body: The article body as rendered (paragraphs, one per line).
        phrase: The injected phrase ("" for none).
        kinds: Where the phrase was put in the body (comma, sentence_end, mid_clause).
        family: The family's name.
    """

    capture: str
    original: str
    body: str
    phrase: str
    kinds: list[str] = field(default_factory=list)
    family: str = ""


_COMMA = regex.compile(r"(?<=\p{L}),(?= \p{L})")
_SENTENCE_END = regex.compile(r"(?<=\p{L}{2})\.(?= \p{Lu})")
_MID = regex.compile(r"(?<![\p{L}\p{N}’'.-])\p{Ll}{2,} (?=\p{Ll}{2,}\b)")


_CJK_COMMA = regex.compile(
    r"(?<=\p{Han}|\p{Hiragana}|\p{Katakana})[，、](?=\p{Han}|\p{Hiragana}|\p{Katakana})"
)
_CJK_END = regex.compile(r"(?<=\p{Han}|\p{Hiragana}|\p{Katakana})。(?=\p{Han}|\p{Hiragana}|\p{Katakana})")


def _body_slots(paragraph: str, kind: str) -> list[int]:
    """Offsets in ``paragraph`` where a phrase of ``kind`` can be spliced in.

    In CJK text (no spaces) a comma or sentence-end splice goes right after
    the full-width mark; there is no mid-clause splice.
    """
    if kind == "comma":
        found = _COMMA.finditer(paragraph)
        cjk = _CJK_COMMA.finditer(paragraph)
    elif kind == "sentence_end":
        found = _SENTENCE_END.finditer(paragraph)
        cjk = _CJK_END.finditer(paragraph)
    else:
        return [m.end() for m in _MID.finditer(paragraph)]
    return [m.end() for m in found] + [m.end() for m in cjk]


def _splice(kind: str, phrase: str) -> str:
    return phrase if kind != "mid_clause" else phrase + " "


def render(
    family: Family,
    headline: str,
    body: str,
    related: list[str],
    rng: random.Random,
    *,
    inject: bool = True,
) -> Page:
    """Render one page of ``family`` around an article.

    Args:
        family: The farm's template family.
        headline: The article's headline.
        body: The article body (paragraphs separated by line breaks).
        related: Headlines of other articles for the list widgets.
        rng: Source of the page's random choices.
        inject: False renders the page with no phrase at all.

    Returns:
        The page with its ground truth.
    """
    if not inject:
        phrase = ""
    elif family.constant_phrase:
        phrase = family_phrase(family)
    else:
        phrase = make_phrase(rng, family.lang, cjk=rng.random() < family.cjk_phrase)
    paragraphs = [" ".join(p.split()) for p in body.split("\n") if p.strip()][:14]
    n_inj = rng.choice((1, 1, 2, 3)) if phrase else 0
    chosen: dict[int, list[tuple[int, str]]] = {}
    kinds: list[str] = []
    for _ in range(n_inj):
        for _attempt in range(60):
            kind = rng.choice(("comma", "sentence_end", "mid_clause"))
            pi = rng.randrange(len(paragraphs))
            used = {o for o, _ in chosen.get(pi, [])}
            offsets = [o for o in _body_slots(paragraphs[pi], kind) if all(abs(o - u) > 40 for u in used)]
            if offsets:
                chosen.setdefault(pi, []).append((rng.choice(offsets), kind))
                kinds.append(kind)
                break

    with_lines: list[str] = []
    without_lines: list[str] = []

    def add(with_text: str, without: str | None = None) -> None:
        with_lines.append(with_text)
        without_lines.append(with_text if without is None else without)

    left, right = family.sep
    slotted = (
        f"{left}{phrase}{right}{headline}"
        if family.position == "prefix"
        else f"{headline}{left}{phrase}{right}"
    )
    if not phrase:
        slotted = headline
    if family.site_line:
        add(family.site)
    crumb = family.breadcrumb
    if crumb and family.breadcrumb_mode == "line":
        add(crumb)
        crumb = ""
    add(f"{crumb}{slotted}{family.site_tail}", f"{crumb}{headline}{family.site_tail}")
    if family.repeat_title == "plain":
        add(headline)
    elif family.repeat_title == "slot":
        add(slotted, headline)
    for h in family.header_lines:
        add(h)
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    add(f"{family.date_label}{day}")
    for pi, para in enumerate(paragraphs):
        spots = sorted(chosen.get(pi, []))
        pieces, pos = [], 0
        for off, kind in spots:
            pieces.append(para[pos:off])
            pieces.append(_splice(kind, phrase))
            pos = off
        pieces.append(para[pos:])
        add("".join(pieces), para)
    for w in family.widgets:
        add(w.format(n=rng.randint(10, 99999)))
    pool = list(related)
    rng.shuffle(pool)
    for header in family.list_headers:
        add(header)
        for item in pool[: rng.randint(3, 6)]:
            add(f"{family.bullet}{item}")
        pool = pool[6:] + pool[:6]
    for f in family.footer:
        add(f)
    return Page(
        capture="\n".join(with_lines),
        original="\n".join(without_lines),
        body="\n".join(paragraphs),
        phrase=phrase,
        kinds=kinds,
        family=family.name,
    )
