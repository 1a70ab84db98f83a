"""Boilerplate removal for plain-text captures: keep the story, log the rest.

A capture of a web page as text (one block per line, all tags gone) holds the
story and everything around it: menus, share bars, "Advertisement", captions,
link lists, comment counters, copyright footers. This stage classifies every
line from its own shape *and* its context, and deletes the lines that are not
story text, one edit per line with a reason.

How a line is judged (the ideas follow jusText, Pomikálek 2011, and the
body-text extraction of Finn, Kushmerick & Smyth 2001, adapted to text
without tags):

1. **Shape.** Word count, terminal punctuation, share of function words of
   the document's language (``STOPWORDS`` plus the ``function_words`` of
   ``data/boilerplate.json``), title-case and digit ratios, bullets.
   Lines are *prose* (sentence-like), *short sentences*, *other* short lines
   (titles, names, labels), or *bad* (a vocabulary hit, a widget such as
   ``Like! (12)``, a separator such as ``* * *``).
2. **Where the story is.** Every line gets a score, positive for prose and
   negative for the rest; the run of lines with the highest total (a maximum
   sub-array) is the story body. Other dense runs of prose close to it join
   it. Everything outside is page furniture.
3. **Context.** Inside the body, short lines between prose (subheadings,
   short list items) stay; vocabulary hits, widgets, captions and separators
   go. Just after the body, credit lines of the story ("Associated Press
   writer X contributed.", "(Reporting by …; Editing by …)") stay.
4. **What users keep.** Link lists (a short header followed by several
   title-like lines, bulleted or not) after the body go to ``related``;
   ``Tags: a, b`` lines and hashtag-only lines go to ``tags``.

On HTML input (``doc.kind == "html"``) the HTML stage has already kept only
the story, so the stage is conservative: it removes vocabulary hits, icon
widgets and separators and moves tag lines to ``tags``, with no densest-run
search, teasers or link lists (``classify_lines(..., conservative=True)``).

Reasons used: ``widget``, ``separator``, ``related_list`` and ``tags``
(action ``extract``), ``list_header``, ``share``, ``subscribe``,
``newsletter``, ``cookie``, ``advertisement``, ``read_more``, ``comments``,
``copyright``, ``navigation``, ``pagination``, ``caption``, ``author_box``,
``login``, ``teaser``, ``duplicate`` (a paragraph seen before), ``label``
(a short label line before the story), and
``boilerplate_line`` (any other line outside the story).
"""

from __future__ import annotations

import json
import operator
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, NamedTuple

import regex

from newsclean.document import Change, Document
from newsclean.protocol import stage
from newsclean.stages.language import STOPWORDS

__all__ = ["LineDecision", "classify_lines", "remove_boilerplate"]

STAGE = "remove_boilerplate"
_LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")

Kind = Literal["prose", "sentence", "other", "bad"]

# -- patterns (compiled once) -------------------------------------------------
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_BULLET = regex.compile(r"^(?:[-–—•*·▪►▸‣◦»›+]|\d{1,2}[.)])\s+")
_SEPARATOR = regex.compile(r"^(?:[-_=*~#.·•+<>|/\\]\s*){3,}$")
_TERMINAL = regex.compile(r"[.!?…;:。！？][\"'”’»)\]」』]*$|[\"”’»」』]$")
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’»)\]]*(?:\s|$)")
_STARTS_SENTENCE = regex.compile(r"^[\"'“‘«(\[—–-]?\s*[\p{Lu}\p{N}¿¡]")
# "Great! (4321)", "Like! (1234)", "Likes (12)", "👍 12", "♥ 3", "12 ♥"
_WIDGET = regex.compile(
    r"^(?:\p{L}[\p{L} ]{0,24}[!?]?\s*[(\[]\s*\d[\d,.]*\s*[kKmM]?\s*[)\]]"
    r"|(?:[\p{So}\p{Sk}\p{Cs}]\uFE0F?\s*)+[\d,.]+\s*[kKmM]?"
    r"|[\d,.]+\s*[kKmM]?\s*(?:[\p{So}\p{Sk}]\uFE0F?\s*)+"
    r"|[\p{So}\p{Sk}\s]+"
    r"|\d[\d,.]*\s*[kKmM]?\s*(?:shares?|likes?|views?|reads?|votes?|reactions?|followers?)"
    r"|(?:shares?|likes?|views?|votes?)\s*[:]?\s*\d[\d,.]*\s*[kKmM]?)$"
)
# lines made only of numbers, counters and pagination marks: "16", "1 of 23", "1 / 23", "2/5"
_COUNTER = regex.compile(r"^[(\[]?\d[\d,.]*[)\]]?(?:\s*(?:/|of|von|de|di|van|sur|\|)\s*\d[\d,.]*)?$")
_HASHTAGS = regex.compile(r"^(?:#[\p{L}\p{N}_][\p{L}\p{N}_-]*[\s,;]*){1,40}$")
_HASHTAG = regex.compile(r"#([\p{L}\p{N}_][\p{L}\p{N}_-]*)")
_TAGS_LINE = regex.compile(
    r"^(?:tags?|tagged|tagged with|keywords?|topics?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|themen"
    r"|(?:é|e)tiquettes?|mots[- ]cl(?:é|e)s|sujets|etiquetas|palabras clave|temas|argomenti|parole chiave"
    r"|tag|assuntos|palavras-chave|trefwoorden|onderwerpen)\s*[:：]\s*(?P<tags>\S.{0,600})$",
    regex.IGNORECASE,
)
_TAGS_HEADER = regex.compile(
    r"^(?:tags?|keywords?|schlagw(?:ö|oe)rter|(?:é|e)tiquettes?|mots[- ]cl(?:é|e)s|etiquetas|palabras clave"
    r"|parole chiave|palavras-chave|trefwoorden)\s*[:：]?$",
    regex.IGNORECASE,
)
_TAG_SPLIT = regex.compile(r"\s*[,;|•·]\s*")
# Credit lines that belong to the story (kept next to the body).
_CREDIT = regex.compile(
    r"(?:^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|reported|research|"
    r"translated|translation|fact-checking)\s+by\b"
    r"|\b(?:writers?|correspondents?|reporters?|staff|producers?|journalists?)\b.{0,120}\b"
    r"contributed(?:\s+to)?(?:\s+this)?(?:\s+(?:report|story|article))?\s*[.)]?\s*$"
    r"|\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)\s*\.?\s*$"
    r"|^[—–-]\s*(?:staff|special|associated press|reuters|afp|by)\b"
    r"|^\((?:AP|Reuters|AFP|dpa|Bloomberg|CNN)\)\s*$"
    r"|^(?:mitarbeit|mit material von|avec|con informaci[oó]n de|com informa[cç][oõ]es d[ae])\s*[:]?\s*\S.{0,80}$)",
    regex.IGNORECASE,
)
_CONTINUES = regex.compile(r"^[\p{Ll},;]")
# "jsmith says:", "Anna on 3 May 2019 at 4:36 pm said:": the head of a reader comment
_COMMENT_HEAD = regex.compile(
    r"^\S.{0,80}\s(?:says|said|wrote|writes|replied|dice|dijo|escribió|schreibt|schrieb|a écrit|"
    r"disse|escreveu|zegt|schreef|scrive|ha scritto)\s*:?$",
    regex.IGNORECASE,
)
# A short line with a clock time or an age: the stamp of a reader comment or a feed entry.
_STAMP = regex.compile(
    r"^.{0,40}(?:\b\d{1,2}:\d{2}|\b\d{1,2}[:.]\d{2}\s*[ap]\.?m\b|\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)\s+ago)\b.{0,20}$",
    regex.IGNORECASE,
)
_STRONG_COMMENTS = regex.compile(
    r"\b(?:responses? to|thoughts on|repl(?:y|ies) to|leave a (?:reply|comment)|comments are closed|"
    r"top rated comments|reader comments)\b",
    regex.IGNORECASE,
)
_ELLIPSIS = regex.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
# "Home > News > World", "Mensagens » Autoestima » Title": a breadcrumb trail
_BREADCRUMB = regex.compile(
    r"^(?:[^»›>|/\n]{1,60}\s*[»›>]\s*){1,8}[^»›>|/\n]{1,200}$|^(?:[^|/\n]{1,40}\s[|/]\s){2,8}[^|/\n]{1,120}$"
)
_DIGITS = re.compile(r"\d+")  # stdlib: the same Unicode decimal digits, a faster call
_DATA_ROW = regex.compile(
    r"^(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)", regex.IGNORECASE
)
# The page footer: what follows it is never story text.
_FOOTER = regex.compile(
    r"\ball rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|"
    r"tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|"
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}|\p{L}+\s+\d{4})",
    regex.IGNORECASE,
)
# A link teaser: a title-case headline glued to its summary ("Bill At Troy SteakhouseA party of six…").
_GLUE = regex.compile(r"(?<=[\p{Ll}\d?!.’”\"'%)])(?=\p{Lu}[\p{Ll}\s'’])")
_EDGE = regex.compile(r"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$")
_COUNT_AFFIX = regex.compile(r"^\(?\d[\d,.]*[kKmM]?\)?\s+|\s+\(?\d[\d,.]*[kKmM]?\)?$")
_URL = regex.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\S+$|^@\w+$")
_TIMESTAMP = regex.compile(r"^[\d\s:/.,-]+(?:[ap]\.?m\.?|gmt|utc|et|est|edt|pst|cet)?$", regex.IGNORECASE)

_NO_STOPS = 0.3  # function-word share assumed for languages without a list
_MAX_LINE = 20_000
#: the first code point of the scripts of ``_CJK`` (Hangul Jamo; tests check that none comes earlier)
_CJK_FROM = "\u1100"
#: how a line matched by ``_URL`` starts, when it has no "@"
_URL_STARTS = ("http://", "https://", "www.")
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\d")

# Fast paths. Each string test below is true whenever the pattern it guards
# could match, so a guarded pattern decides exactly as the bare pattern does.
#: Characters that are no letter, digit or mark: ASCII, the Latin-1 punctuation and
#: symbols, general punctuation (quotes, dashes, ellipsis), currency signs, arrows and
#: geometric shapes. On text made only of these (most English text with typographic
#: quotes), stdlib patterns over ASCII letters and digits give the same tokens as
#: ``_WORD``, several times faster.
_PLAIN_CLASS = (
    "\x00-\x7f\xa0-\xa9\xab-\xb1\xb4\xb6-\xb8\xbb\xbf\xd7\xf7"
    "\u2000-\u206f\u20a0-\u20c0\u2190-\u21ff\u25a0-\u25ff"
)
_NOT_PLAIN = re.compile(f"[^{_PLAIN_CLASS}]")
_WORD_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")
_BULLET_FIRST = frozenset("-–—•*·▪►▸‣◦»›+")
_SEPARATOR_FIRST = frozenset("-_=*~#.·•+<>|/\\")
#: first characters of the ASCII branches of ``_WIDGET`` and ``_COUNTER`` (the caret and
#: the backtick are the only ASCII symbols of classes Sk/So; digits and letters are tested apart)
_WIDGET_FIRST = frozenset("([,.^`slv \t")
_CRUMB_MARKS = "»›>|/"
_CREDIT_FIRST = frozenset("—–-(")
_CREDIT_STARTS = (
    "additional",
    "reporting",
    "writing",
    "editing",
    "compiled",
    "reported",
    "research",
    "translated",
    "translation",
    "fact-checking",
    "mitarbeit",
    "mit material von",
    "avec",
    "con informaci",
    "com informa",
)
_COMMENT_VERBS = (
    "says",
    "said",
    "wrote",
    "writes",
    "replied",
    "dice",
    "dijo",
    "escribió",
    "schreibt",
    "schrieb",
    "a écrit",
    "disse",
    "escreveu",
    "zegt",
    "schreef",
    "scrive",
    "ha scritto",
)
_ENDERS = ".!?…;:。！？"
_CLOSERS = "\"'”’»)]」』"
_END_QUOTES = '"”’»」』'
_ASCII_DIGITS = "0123456789"
_TAGS_FIRST = frozenset("tksémpaoe")
_ENDERS_SET = frozenset(_ENDERS)
#: last characters after which ``_ends_sentence`` must look further back
_SLOW_END = frozenset(_CLOSERS + "\n")
#: last characters of the verbs of ``_COMMENT_HEAD`` in any case, and its optional colon
_COMMENT_LAST = frozenset("sdeoótbufSDEOÓTBUFſ:\n")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
#: the ASCII characters of ``_EDGE``: white space, punctuation and symbols
_ASCII_EDGE = " \t\n\v\f\r" + string.punctuation
#: the characters of ``_EDGE`` among the plain ones: all but the format characters
#: (soft hyphen, zero-width and direction marks); tests check this against ``_EDGE``
_PLAIN_EDGE = _ASCII_EDGE + "".join(
    "".join(map(chr, range(a, b + 1)))
    for a, b in (
        (0xA0, 0xA9),
        (0xAB, 0xAC),
        (0xAE, 0xB1),
        (0xB4, 0xB4),
        (0xB6, 0xB8),
        (0xBB, 0xBB),
        (0xBF, 0xBF),
        (0xD7, 0xD7),
        (0xF7, 0xF7),
        (0x2000, 0x200A),
        (0x2010, 0x2029),
        (0x202F, 0x205F),
        (0x20A0, 0x20C0),
        (0x2190, 0x21FF),
        (0x25A0, 0x25FF),
    )
)
_INITIAL = operator.itemgetter(0)


# -- vocabularies ---------------------------------------------------------------
@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = resources.files("newsclean.data").joinpath("boilerplate.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def _alternation(entries: Sequence[str]) -> str:
    """A pattern matching any entry, the longest one where several fit (a character trie)."""
    if not entries:
        raise ValueError("a vocabulary group needs at least one entry")
    trie: dict[str, Any] = {}
    for entry in entries:
        node = trie
        for ch in entry:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    alts = [re.escape(ch) + _trie_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return f"(?:{body})?" if len(alts) > 1 or len(body) > 1 else f"{body}?"
    return body


@dataclass(frozen=True, slots=True)
class _Vocab:
    """Compiled vocabularies for one language (plus English).

    Each mode has one alternation of all entries, longest first, and a table
    from entry to reason: the matched text names the concept.
    """

    line: re.Pattern[str]
    line_first: re.Pattern[str]
    line_glued: re.Pattern[str]
    prefix: re.Pattern[str]
    contains: re.Pattern[str]
    reasons: dict[str, dict[str, str]]
    stops: frozenset[str]
    line_heads: frozenset[str]  # how 'line' entries start (see _heads)
    prefix_heads: frozenset[str]


def _heads(entries: Sequence[str]) -> frozenset[str]:
    """The first three characters of each entry, and the entries shorter than that.

    A text can start with an entry only if ``_starts_with_head`` is true for
    it: a set lookup that spares most lines the anchored patterns.
    """
    return frozenset(entry[:3] for entry in entries)


def _starts_with_head(text: str, heads: frozenset[str]) -> bool:
    return text[:3] in heads or text[:2] in heads or text[:1] in heads


#: Vocabulary concepts removed from text that is already the story (HTML input).
_CONSERVATIVE = frozenset(
    {
        "share",
        "subscribe",
        "newsletter",
        "cookie",
        "advertisement",
        "login",
        "list_header",
        "read_more",
        "caption",
        "pagination",
        "comments",
        "copyright",
        "navigation",
        "author_box",
    }
)

#: Concepts whose entries also match long lines (consent banners are long prose).
_UNLIMITED = frozenset({"cookie"})
_SEP = r"[\s|·•,/:»›>-]"


@lru_cache(maxsize=16)
def _vocab(language: str | None) -> _Vocab:
    data = _data()
    langs = ("en", language) if language in _LANGS and language != "en" else ("en",) if language else _LANGS
    reasons: dict[str, dict[str, str]] = {"line": {}, "prefix": {}, "contains": {}}
    for group in data["groups"].values():
        for mode, table in reasons.items():
            for lang in langs:
                for entry in group.get(mode, {}).get(lang, []):
                    table.setdefault(entry.lower(), group["reason"])  # the first concept listing it wins
    stops: frozenset[str] = frozenset()
    if language in STOPWORDS:
        stops = STOPWORDS[language] | frozenset(data["function_words"].get(language, ()))
    line_alt = _alternation(list(reasons["line"]))
    return _Vocab(
        # the text is lower-cased before matching; stdlib re compiles these large patterns fast
        line=re.compile(rf"^(?:(?:{line_alt})(?:{_SEP}*|$))+$"),
        line_first=re.compile(rf"^(?:{line_alt})(?={_SEP}|$)"),
        line_glued=re.compile(rf"^(?:{line_alt})"),
        prefix=re.compile(rf"^(?:{_alternation(list(reasons['prefix']))})(?:\b|(?<=\W))"),
        contains=re.compile(_alternation(list(reasons["contains"]))),
        reasons=reasons,
        stops=stops,
        line_heads=_heads(list(reasons["line"])),
        prefix_heads=_heads(list(reasons["prefix"])),
    )


def _strip_edges(text: str) -> str:
    """``_EDGE.sub("", text)``: white space, punctuation and symbols off both ends."""
    if text and text[0].isalnum() and text[-1].isalnum():
        return text
    text = text.strip(_ASCII_EDGE)
    if not text or ((text[0].isascii() or text[0].isalnum()) and (text[-1].isascii() or text[-1].isalnum())):
        return text  # what is left at both ends is no ASCII edge character and no other one
    stripped: str = _EDGE.sub("", text)
    return stripped


def _vocab_reason(body: str, vocab: _Vocab, words: int, plain: bool) -> str | None:
    """Return the concept reason of a vocabulary hit on ``body`` (a line without its bullet), or None."""
    norm = body
    first, last = norm[:1], norm[-1:]
    if first == "(" or first.isdigit() or last in ")kKmM" or last.isdigit():
        norm = _COUNT_AFFIX.sub("", norm)
    if norm.startswith(("©", "(")):
        norm = norm.lower()
        bare = _strip_edges(norm)
    elif plain:  # the edge characters of plain text are these, in any case
        norm = bare = norm.lower().strip(_PLAIN_EDGE)
    else:
        # lower-casing maps letters to letters: the stripped edges stay stripped
        norm = bare = _strip_edges(norm).lower()
    if not bare:
        return None
    heads = vocab.line_heads  # _starts_with_head, inlined
    if (
        words <= 12
        and (bare[:3] in heads or bare[:2] in heads or bare[:1] in heads)
        and vocab.line.match(bare)
    ):
        m = vocab.line_first.match(bare) or vocab.line_glued.match(bare)
        if m:
            return vocab.reasons["line"].get(m.group(0))
    heads = vocab.prefix_heads
    m = vocab.prefix.match(norm) if norm[:3] in heads or norm[:2] in heads or norm[:1] in heads else None
    if m:
        reason = vocab.reasons["prefix"].get(m.group(0))
        if reason and (words <= 30 or reason in _UNLIMITED):
            return reason
    if words <= 60:
        # every match is an entry with a reason, so the first match decides
        m = vocab.contains.search(norm)
        return vocab.reasons["contains"].get(m.group(0)) if m else None
    if "cookie" in norm:  # a long line: only the concepts of _UNLIMITED count
        for m in vocab.contains.finditer(norm):
            reason = vocab.reasons["contains"].get(m.group(0))
            if reason and reason in _UNLIMITED:
                return reason
    return None


# -- line features --------------------------------------------------------------
class _Feat(NamedTuple):
    """Features of one line (one unit), computed once per distinct text of a page."""

    text: str
    words: int
    kind: Kind
    reason: str | None  # why a 'bad' line is bad
    bullet: bool
    titlelike: bool  # short, no sentence end: a headline or a menu entry
    sentence: bool  # looks like a sentence (capital start, terminal mark)
    credit: bool
    title_ratio: float  # share of capitalised words (lines of 3 words or more, else 0)
    score: float  # weight in the densest-run search (positive for story text)
    # what the kind was judged from, to judge again without function words
    body: str  # the text without its bullet
    tokens: list[str]
    terminal: bool
    hit: str | None  # the reason found from the line's shape and vocabularies
    stops: int  # function words among the tokens (counted for lines of 3 words or more)
    plain: bool  # no letter, digit or mark beyond ASCII
    vocab: bool  # the hit is a vocabulary entry (not a shape such as a widget or a teaser)


#: builds a ``_Feat`` from a tuple of all its fields, without the keyword handling of its constructor
_new_feat = tuple.__new__


def _ends_sentence(text: str) -> bool:
    """True if ``text`` ends like a sentence (the string form of ``_TERMINAL.search``)."""
    if text.endswith("\n"):  # `$` also matches before a final newline
        text = text[:-1]
    if not text:
        return False
    if text[-1] in _END_QUOTES:
        return True
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _ENDERS


def _is_teaser(text: str, plain: bool) -> bool:
    """True for a title-case headline glued to a summary sentence (a link teaser)."""
    findall = _WORD_PLAIN.findall if plain else _WORD.findall
    for m in _GLUE.finditer(text, 0, 200):
        head = findall(text[: m.start()])
        if len(head) < 4:
            continue
        # numbers say nothing about title case ("the 16-inch MacBook" is no headline)
        lettered = [w for w in head if not w[0].isdigit()]
        caps = sum(1 for w in lettered if w[0].isupper())
        if lettered and caps / len(lettered) >= 0.75 and len(findall(text[m.start() :])) >= 4:
            return True
    return False


def _is_plain(text: str) -> bool:
    """True if ``text`` has no letter, digit or mark beyond ASCII (see ``_PLAIN_CLASS``)."""
    return text.isascii() or _NOT_PLAIN.search(text) is None


def _words(text: str) -> list[str]:
    """``_WORD.findall(text)``, with the faster stdlib pattern on plain text."""
    return _WORD_PLAIN.findall(text) if _is_plain(text) else _WORD.findall(text)


def _features(text: str, vocab: _Vocab, use_stops: bool) -> _Feat:
    """Judge one line from its shape, its vocabulary hits and its function words.

    Every regular expression runs behind a cheap string test that is true
    whenever the expression could match, so the decisions are those of the
    bare patterns at a fraction of the cost.
    """
    text = text[:_MAX_LINE]
    first = text[:1]
    m = _BULLET.match(text) if first in _BULLET_FIRST or first.isdigit() else None
    bullet = m is not None
    body = text[m.end() :] if m is not None else text
    plain = body.isascii() or _NOT_PLAIN.search(body) is None  # _is_plain(body)
    if plain:
        tokens = _WORD_PLAIN.findall(body)
        words = len(tokens)
        letters = _ASCII_LETTER.search(body) is not None
    else:
        tokens = _WORD.findall(body)
        words = len(tokens)
        if max(body) >= _CJK_FROM:
            words += len(_CJK.findall(body)) // 2
        letters = _LETTER.search(body) is not None
    last = body[-1:]
    terminal = last in _ENDERS_SET if last not in _SLOW_END else _ends_sentence(body)
    sentence = terminal and _STARTS_SENTENCE.match(body) is not None
    titlelike = 2 <= words <= 25 and not (terminal and body.rstrip()[-1:] in ".;:") and letters
    credit = False
    low = ""
    if words <= 40:
        low = body.casefold()
        credit = (
            body[:1] in _CREDIT_FIRST or low.startswith(_CREDIT_STARTS) or "contributed" in low
        ) and _CREDIT.search(body) is not None
    reason: str | None = None
    from_vocab = False
    if first in _SEPARATOR_FIRST and first and _SEPARATOR.match(text):
        reason = "separator"
    elif not letters or (
        (not body[0].isascii() or body[0] in _WIDGET_FIRST or body[0].isdigit() or last in ")]")
        and (_WIDGET.match(body) or _COUNTER.match(body))
    ):
        reason = "widget"
    elif (" " not in body and ("@" in body or body.startswith(_URL_STARTS)) and _URL.match(body)) or (
        words <= 25
        and (
            "/" in body or "|" in body or ">" in body or (not body.isascii() and ("»" in body or "›" in body))
        )
        and "«" not in body
        and (not _SENTENCE_END.search(body[-2:]) or body.endswith(("…", "...")))
        and _BREADCRUMB.match(body)
    ):
        reason = "navigation"
    elif last in _COMMENT_LAST and _maybe_comment_head(low or body.casefold()) and _COMMENT_HEAD.match(body):
        reason = "comments"
    elif len(tokens) >= 7 and _is_teaser(body, plain):  # a teaser has >= 4 words either side of the glue
        reason = "teaser"
    else:
        reason = _vocab_reason(body, vocab, words, plain)
        from_vocab = reason is not None
    stops = 0
    # the share of function words is read for lines of 8 words or more and for short
    # sentences (see ``_judge`` and ``_stop_density``); other lines skip the count
    if (words >= 8 or (sentence and words >= 3)) and vocab.stops:
        stops = sum(map(vocab.stops.__contains__, map(str.lower, tokens)))
    return _judge(
        text,
        body,
        tokens,
        words,
        bullet,
        terminal,
        sentence,
        titlelike,
        credit,
        reason,
        stops,
        plain,
        from_vocab,
        use_stops,
    )


def _maybe_comment_head(low: str) -> bool:
    """Cheap test that ``_COMMENT_HEAD`` could match: the case-folded line ends with a verb of saying."""
    if low.endswith(":"):
        low = low[:-1]
    return low.rstrip().endswith(_COMMENT_VERBS)


def _judge(
    text: str,
    body: str,
    tokens: list[str],
    words: int,
    bullet: bool,
    terminal: bool,
    sentence: bool,
    titlelike: bool,
    credit: bool,
    hit: str | None,
    stops: int,
    plain: bool,
    from_vocab: bool,
    use_stops: bool,
) -> _Feat:
    """Give a line its kind: prose, a short sentence, another short line, or bad."""
    if hit is not None and not credit:
        return _new_feat(
            _Feat,
            (
                text,
                words,
                "bad",
                hit,
                bullet,
                False,
                sentence,
                credit,
                0.0,
                -6.0 - min(words, 20) * 0.5,
                body,
                tokens,
                terminal,
                hit,
                stops,
                plain,
                from_vocab,
            ),
        )
    share = 0.0
    if words >= 3:  # the share of function words decides prose and sentences only
        if not use_stops:
            share = _NO_STOPS
        elif tokens:
            share = stops / len(tokens)
    title_ratio = 0.0  # used by the kind and by link lists, both for lines of 3 words or more
    if words >= 3 and tokens:
        title_ratio = sum(map(str.isupper, map(_INITIAL, tokens))) / len(tokens)
    kind: Kind
    if (
        words >= 8
        and share >= 0.15
        and (terminal or words >= 20)
        and (title_ratio < 0.7 or words >= 20)
        and _digit_ratio(body, plain) < 0.3
    ):
        kind, score = "prose", float(words)
    elif sentence and words >= 3 and share > 0 and title_ratio < 0.8:
        kind, score = "sentence", words * 0.5
    else:
        kind, score = "other", -5.0 - min(words, 20) * 0.25
    return _new_feat(
        _Feat,
        (
            text,
            words,
            kind,
            None,
            bullet,
            titlelike,
            sentence,
            credit,
            title_ratio,
            score,
            body,
            tokens,
            terminal,
            hit,
            stops,
            plain,
            from_vocab,
        ),
    )


def _rejudge(f: _Feat, use_stops: bool) -> _Feat:
    """Judge a line again, with or without the function words of its language."""
    return _judge(
        f.text,
        f.body,
        f.tokens,
        f.words,
        f.bullet,
        f.terminal,
        f.sentence,
        f.titlelike,
        f.credit,
        f.hit,
        f.stops,
        f.plain,
        f.vocab,
        use_stops,
    )


def _as_bad(f: _Feat, reason: str) -> _Feat:
    """The same line judged bad for ``reason``."""
    return f._replace(
        kind="bad",
        reason=reason,
        titlelike=False,
        sentence=False,
        credit=False,
        title_ratio=0.0,
        score=-6.0 - min(f.words, 20) * 0.5,
    )


def _digit_ratio(body: str, plain: bool) -> float:
    """Share of digits among the characters of ``body``."""
    # plain text has only ASCII digits
    digits = sum(map(body.count, _ASCII_DIGITS)) if plain else len(_DIGIT.findall(body))
    return digits / max(1, len(body))


# -- decisions ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LineDecision:
    """What the classifier decided for one line.

    Attributes:
        keep: True for story text.
        reason: Edit reason for a removed line (None when kept).
        field: ``related`` or ``tags`` when the line's content moves to a field.
        values: The values it contributes to that field.
    """

    keep: bool
    reason: str | None = None
    field: str | None = None
    values: tuple[str, ...] = ()


_KEEP = LineDecision(True)


@lru_cache(maxsize=64)
def _removed(reason: str) -> LineDecision:
    """The shared decision removing a line for ``reason`` (decisions are immutable)."""
    return LineDecision(False, reason)


def _best_run(scores: Sequence[float], lo: int, hi: int) -> tuple[int, int, float]:
    """Maximum-sum run of ``scores[lo:hi]`` as (start, end exclusive, total)."""
    best = (lo, lo, 0.0)
    cur_start, cur = lo, 0.0
    for i in range(lo, hi):
        if cur <= 0:
            cur_start, cur = i, 0.0
        cur += scores[i]
        if cur > best[2]:
            best = (cur_start, i + 1, cur)
    return best


def _comments_start(feats: Sequence[_Feat], b: int) -> bool:
    """True if the comment marker at ``b`` opens a thread of reader comments."""
    if _STRONG_COMMENTS.search(feats[b].text):
        return True
    heads = 0
    for f in feats[b + 1 : b + 30]:
        if _COMMENT_HEAD.match(f.text) or (_STAMP.match(f.text) and f.words <= 10):
            heads += 1
    return heads >= 2


def _body_span(feats: Sequence[_Feat], repeated: Callable[[int, int], bool]) -> tuple[int, int, int]:
    """Return the unit span [start, end) of the story body and where comments begin.

    The search stops at the first comment marker or copyright footer that
    follows a good run of prose: reader comments are prose too, and nothing
    after a page footer is part of the story.
    """
    scores = [f.score for f in feats]
    limit = len(scores)
    after = [0.0] * (limit + 1)  # best run within scores[b:]
    cur = 0.0
    for b in range(limit - 1, -1, -1):
        cur = cur + scores[b] if cur > 0.0 else scores[b]
        after[b] = cur if cur > after[b + 1] else after[b + 1]
    best = cur = 0.0
    for b, f in enumerate(feats):
        if best >= 40 and (
            (f.reason == "comments" and _comments_start(feats, b))
            or (
                f.reason == "copyright"
                and f.words <= 30
                and _FOOTER.search(f.text)
                and best >= after[b] * 0.5
            )
        ):
            limit = b
            break
        cur = cur + scores[b] if cur > 0.0 else scores[b]
        if cur > best:
            best = cur
    start, end, total = _best_run(scores, 0, limit)
    if total <= 0:
        return 0, 0, limit
    start, end = _trim_feed(scores, repeated, start, end)
    return start, end, limit


def _trim_feed(
    scores: Sequence[float], repeated: Callable[[int, int], bool], start: int, end: int
) -> tuple[int, int]:
    """Cut a feed of teasers off either end of the body span.

    A feed repeats one record: a few short lines (headline, author, date)
    and one or two lines of prose (the excerpt). Story paragraphs follow
    each other with at most a short line between them. Three or more such
    records in a row at an end of the span are not story text.
    """
    # segments: (gap_start, prose_start, prose_end)
    segments: list[tuple[int, int, int]] = []
    i = start
    while i < end:
        g = i
        while i < end and scores[i] <= 0:
            i += 1
        p = i
        while i < end and scores[i] > 0:
            i += 1
        segments.append((g, p, i))

    def record(seg: tuple[int, int, int]) -> bool:
        g, p, e = seg
        if not 1 <= e - p <= 2:
            return False
        if p - g >= 2:
            return all(scores[i] <= 90 for i in range(p, e))
        # one repeated line between excerpts ("Share", a row of icons), excerpts short
        return repeated(g, p) and all(scores[i] <= 60 for i in range(p, e))

    k = len(segments)
    while k > 1 and record(segments[k - 1]):
        k -= 1
    if len(segments) - k >= 3:
        end = segments[k][0]
    k = 0
    while k < len(segments) and (record(segments[k]) or (k == 0 and segments[0][2] - segments[0][1] <= 2)):
        k += 1
    if k >= 3 and k < len(segments):
        start = segments[k][0]
        while start < end and scores[start] <= 0:
            start += 1
    return start, end


def _split_tags(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in _TAG_SPLIT.split(text) if t.strip() and len(t.strip()) <= 80)


def _is_link_item(f: _Feat) -> bool:
    """A headline-like line inside the body: part of a link list if several follow each other.

    Data rows of the story (tour dates, results: lines opening with a number
    or a month) are not headlines.
    """
    return (
        f.kind in ("other", "sentence")
        and f.titlelike
        and f.words >= 3
        and not f.bullet
        and not f.credit
        and not _DATA_ROW.match(f.text)
    )


def _is_data_row(f: _Feat) -> bool:
    """A short line of a table of the story: it opens with a number or a month."""
    return f.kind in ("other", "sentence") and f.words <= 30 and _DATA_ROW.match(f.text) is not None


def _is_table_header(f: _Feat) -> bool:
    """A short title over a table ('Tour dates', 'Results')."""
    return f.kind in ("other", "sentence") and f.words <= 8


def _is_list_header(f: _Feat) -> bool:
    """A short line introducing a list of links ('Related', 'More from X:')."""
    if f.reason == "list_header":
        return True
    return f.kind != "prose" and f.words <= 8 and f.text.rstrip().endswith(":")


def _is_headline(f: _Feat) -> bool:
    return f.kind != "bad" and f.titlelike and f.words >= 3 and not f.credit


def classify_lines(
    texts: Sequence[str], language: str | None = None, *, conservative: bool = False
) -> list[LineDecision]:
    """Classify each line of a capture as story text or boilerplate.

    Args:
        texts: The lines (empty lines are kept and ignored).
        language: The document's language code, if known.
        conservative: Judge text that is already the story (the output of
            an HTML extractor): remove only unambiguous clutter (vocabulary
            hits of the concepts in ``_CONSERVATIVE``, widgets, separators)
            and move tag lines to ``tags``; no densest-run search, no link
            lists, no teasers, no labels.

    Returns:
        One :class:`LineDecision` per input line.

    >>> [d.keep for d in classify_lines(["Share", "A long enough sentence about the council and the vote that was held.", "___"])]
    [False, True, False]
    """
    vocab = _vocab(language)
    has_stops = bool(vocab.stops)
    units = _units(texts)
    judged: dict[str, _Feat] = {}  # pages repeat lines: judge each distinct text once
    for _, text in units:
        if text not in judged:
            judged[text] = _features(text, vocab, has_stops)
    if has_stops and _stop_density(units, judged, vocab.stops) < 0.12:
        # No line reads as prose with this language's function words: the
        # language is wrong or unknown; judge by shape alone.
        judged = {text: _rejudge(f, False) for text, f in judged.items()}
    feats = [judged[text] for _, text in units]
    if conservative:
        return _expand(units, _conservative(feats), len(texts))
    repeated = _repeats(feats[:])  # (the kinds before teasers are marked)
    for k in range(1, len(feats)):
        f = feats[k]
        prev = feats[k - 1]
        if f.kind == "prose" and prev.titlelike and prev.kind == "other" and _ELLIPSIS.search(f.text):
            feats[k] = _as_bad(f, "teaser")
    n = len(feats)
    if not n:
        return [_KEEP] * len(texts)
    start, end, comments_from = _body_span(feats, repeated)
    if start == end:
        start, end = 0, n  # no dense prose anywhere: judge every line as if in a story
    # A story that ends on a lead-in ("Tour dates:") goes on with the list it announces.
    if feats[end - 1].text.rstrip().endswith(":") and feats[end - 1].kind != "bad":
        while end < comments_from and feats[end].kind in ("other", "sentence") and feats[end].words <= 30:
            end += 1
    else:
        # A table of the story right after it (tour dates, results): an optional short
        # header, then three or more distinct data rows (lines opening with a number or a month).
        first = end + 1 if end < n and _is_table_header(feats[end]) else end
        rows = first
        while rows < comments_from and _is_data_row(feats[rows]):
            rows += 1
        if rows - first >= 3 and len({f.text for f in feats[first:rows]}) == rows - first:
            end = rows  # (the rows of a table differ; a repeated line is page furniture)
    decisions: list[LineDecision | None] = [None] * n

    _tag_lines(feats, decisions, start, end)

    # Inside the body: link lists, then what is clearly not story text.
    k = start
    while k < end:
        j = k
        while j < end and decisions[j] is None and _is_link_item(feats[j]):
            j += 1
        has_header = k > start and decisions[k - 1] is None and feats[k - 1].reason == "list_header"
        n_items = j - k
        caps = sum(feats[i].title_ratio for i in range(k, j)) / n_items if n_items else 0.0
        if (has_header and n_items >= 2) or (n_items >= 3 and caps >= 0.6):
            if has_header:
                decisions[k - 1] = _removed("list_header")
            for i in range(k, j):
                item = _BULLET.sub("", feats[i].text).strip()
                decisions[i] = LineDecision(False, "related_list", "related", (item,))
        k = max(j, k + 1)
    for k in range(start, end):
        f = feats[k]
        if decisions[k] is not None:
            continue
        if f.kind == "bad" and f.reason is not None:
            decisions[k] = _removed(f.reason)

    # Credit lines just after the body stay with it.
    k = end
    while k < n and k - end < 4:
        f = feats[k]
        if decisions[k] is None and f.credit:
            decisions[k] = _KEEP
            k += 1
            continue
        if f.reason in ("separator", "widget") or f.kind == "bad":
            k += 1
            continue
        break

    # Outside the body: link lists to `related`, the rest with a reason.
    k = 0
    while k < n:
        if start <= k < end or decisions[k] is not None:
            k += 1
            continue
        f = feats[k]
        # After the body, a link list: optional short header, then >= 2 headline-like items.
        if k >= end:
            j = k
            header: int | None = None
            if f.words <= 4 and not f.sentence and (f.kind != "bad" or f.reason == "list_header"):
                header = k
                j = k + 1
            items = []
            while j < n and decisions[j] is None and _is_headline(feats[j]):
                items.append(j)
                j += 1
            if len(items) >= 2 and (
                header is not None or len(items) >= 3 or sum(1 for i in items if feats[i].bullet) >= 2
            ):
                if header is not None:
                    decisions[header] = _removed("list_header")
                for i in items:
                    item = _BULLET.sub("", feats[i].text).strip()
                    decisions[i] = LineDecision(False, "related_list", "related", (item,))
                k = j
                continue
        if f.kind == "bad" and f.reason:
            decisions[k] = _removed(f.reason)
        elif k >= comments_from:
            decisions[k] = _removed("comments")
        elif k < start and f.words <= 4 and not f.sentence and not f.bullet:
            decisions[k] = _removed("label")
        else:
            decisions[k] = _removed("boilerplate_line")
        k += 1

    # A paragraph kept twice with page furniture between the copies is a page that
    # repeats itself (infinite scroll, print copy). Without furniture between them,
    # the repetition is the writer's and stays.
    removed_before = [0] * (n + 1)
    for k in range(n):
        removed_before[k + 1] = removed_before[k] + (decisions[k] is not None)
    kept: dict[str, int] = {}
    for k, f in enumerate(feats):
        if decisions[k] is None and f.words >= 15:
            key = f.text.casefold()
            first = kept.setdefault(key, k)
            if first != k and removed_before[k] > removed_before[first + 1]:
                decisions[k] = _removed("duplicate")

    return _expand(units, decisions, len(texts))


def _repeats(feats: Sequence[_Feat]) -> Callable[[int, int], bool]:
    """A test whether any of ``feats[lo:hi]`` is a short line seen three times or more.

    Lines count as the same when they differ only in case and digits. The
    counts are made on the first call only: most pages never ask.
    """
    flags: list[bool] = []

    def repeated(lo: int, hi: int) -> bool:
        if lo >= hi:
            return False
        if not flags:
            keys: dict[str, str] = {}  # pages repeat lines: mask each distinct text once
            seen: dict[str, int] = {}
            for f in feats:
                if f.kind != "prose":
                    key = keys.get(f.text)
                    if key is None:
                        key = keys[f.text] = _DIGITS.sub("0", f.text.lower())
                    seen[key] = seen.get(key, 0) + 1
            flags.extend(f.kind != "prose" and seen[keys[f.text]] >= 3 for f in feats)
        return any(flags[lo:hi])

    return repeated


def _expand(
    units: Sequence[tuple[list[int], str]], decisions: Sequence[LineDecision | None], n_lines: int
) -> list[LineDecision]:
    """Give every line the decision of its unit (None: keep)."""
    out: list[LineDecision] = [_KEEP] * n_lines
    for (members, _), d in zip(units, decisions, strict=True):
        for i in members:
            out[i] = d if d is not None else _KEEP
            if d is not None and d.field:  # the field values go with the first line only
                d = LineDecision(False, d.reason, d.field, ())
    return out


def _tag_lines(feats: Sequence[_Feat], decisions: list[LineDecision | None], start: int, end: int) -> None:
    """Decide the tag lines: ``Tags: a, b``, hashtag lines, a ``Tags`` header over a line of tags.

    A line with a single hashtag, or a ``Tags`` header, counts only outside
    the body span ``[start, end)``.
    """
    n = len(feats)
    for k, f in enumerate(feats):
        first = f.text[:1]
        if first == "#":
            if _HASHTAGS.match(f.text) and (k >= end or k < start or f.text.count("#") >= 2):
                decisions[k] = LineDecision(False, "tags", "tags", tuple(_HASHTAG.findall(f.text)))
            continue
        if first.casefold() not in _TAGS_FIRST:  # every tags label starts with one of these
            continue
        m = _TAGS_LINE.match(f.text) if ":" in f.text or "：" in f.text else None
        if m:
            decisions[k] = LineDecision(False, "tags", "tags", _split_tags(m.group("tags")))
        elif _TAGS_HEADER.match(f.text) and k + 1 < n and (k + 1 >= end or k < start):
            nxt = feats[k + 1]
            if ("," in nxt.text and nxt.kind != "prose") or nxt.words <= 4:
                decisions[k] = _removed("list_header")
                decisions[k + 1] = LineDecision(False, "tags", "tags", _split_tags(nxt.text))


def _conservative(feats: Sequence[_Feat]) -> list[LineDecision | None]:
    """Decisions for text that is already the story: only unambiguous clutter goes."""
    decisions: list[LineDecision | None] = [None] * len(feats)
    _tag_lines(feats, decisions, 0, len(feats))
    for k, f in enumerate(feats):
        if decisions[k] is None and f.kind == "bad" and f.reason is not None:
            if f.vocab:
                clutter = f.reason in _CONSERVATIVE
            elif f.reason == "widget":
                # bare numbers ("5040", "85%", "1 of 3") are the cells of a table in the story
                clutter = _WIDGET.match(f.body) is not None or _DIGIT.search(f.body) is None
            else:
                clutter = f.reason == "separator"
            if clutter:
                decisions[k] = _removed(f.reason)
    return decisions


def _stop_density(
    units: Sequence[tuple[list[int], str]], feats: dict[str, _Feat], stops: frozenset[str]
) -> float:
    """Share of function words among the words of the longer lines (their first 2,000 characters)."""
    hits = total = 0
    for _, text in units:
        f = feats[text]
        if len(text) <= 2000 and not f.bullet:
            if len(f.tokens) >= 8:
                hits += f.stops
                total += len(f.tokens)
            continue
        tokens = _words(text[:2000])
        if len(tokens) >= 8:
            total += len(tokens)
            hits += sum(1 for t in tokens if t.lower() in stops)
    return hits / total if total else 1.0


def _units(texts: Sequence[str]) -> list[tuple[list[int], str]]:
    """Group non-empty lines into units: a hard-wrapped paragraph is one unit.

    A line that does not end a sentence, followed by a line that starts in
    lower case, continues the same paragraph (text captured from ``<br>``
    breaks or wrapped at a fixed width).
    """
    units: list[tuple[list[int], str]] = []
    prev_open = False
    for i, raw in enumerate(texts):
        text = raw.strip()
        if not text:
            prev_open = False
            continue
        if prev_open and _CONTINUES.match(text):
            members, joined = units[-1]
            members.append(i)  # in place: a long wrapped paragraph stays linear
            if len(joined) < _MAX_LINE:
                units[-1] = (members, f"{joined} {text}"[:_MAX_LINE])
        else:
            units.append(([i], text))
        prev_open = (
            len(text) >= 25
            and not _ends_sentence(text)
            and not (text[0] in _SEPARATOR_FIRST and _SEPARATOR.match(text))
        )
    return units


@stage("remove_boilerplate", requires=("language",), provides=("related", "tags"))
def remove_boilerplate(doc: Document) -> Document:
    """Remove every line that is not story text; link lists go to ``related``, tags to ``tags``.

    >>> doc = Document.from_text(
    ...     "Share this article\\n"
    ...     "The council approved the budget on Tuesday after a long debate about the library.\\n"
    ...     "#Budget #Council"
    ... )
    >>> out = remove_boilerplate(doc)
    >>> out.text, out.get("tags")
    ('The council approved the budget on Tuesday after a long debate about the library.\\n', ('Budget', 'Council'))
    """
    text = doc.text
    texts = text.split("\n")
    # the HTML stage has already kept only the story: remove only clear clutter from it
    decisions = classify_lines(texts, doc.language, conservative=doc.kind == "html")
    changes: list[Change] = []
    related: list[str] = list(doc.get("related", ()))
    tags: list[str] = list(doc.get("tags", ()))
    size = len(text)
    pos = 0
    for line, d in zip(texts, decisions, strict=True):
        start = pos
        pos += len(line) + 1
        if d.keep:
            continue
        # the line with its newline (what ``delete_line`` deletes), built here for speed
        end = pos if pos <= size else size
        if d.field is None:
            changes.append(Change(start, end, "", d.reason or "boilerplate_line"))
            continue
        changes.append(Change(start, end, "", d.reason or "boilerplate_line", "extract"))
        if d.field == "related":
            related.extend(d.values)
        elif d.field == "tags":
            tags.extend(v for v in d.values if v not in tags)
    if not changes:
        return doc
    out = doc.with_edits(STAGE, changes)
    fields: dict[str, Any] = {}
    if related != list(doc.get("related", ())):
        fields["related"] = tuple(related)
    if tags != list(doc.get("tags", ())):
        fields["tags"] = tuple(tags)
    return out.with_fields(**fields) if fields else out
