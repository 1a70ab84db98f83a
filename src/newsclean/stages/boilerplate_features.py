"""Line features for boilerplate removal: the shape of each line, judged once.

Every line (a *unit*: hard-wrapped lines of one paragraph are joined) gets a
:class:`_Feat`: word count, bullet, terminal punctuation, sentence shape,
share of function words of the document's language, title-case ratio, a
vocabulary or shape hit (share bar, widget, breadcrumb, comment head, teaser)
and its *kind* (``prose``, ``sentence``, ``other``, ``bad``). The decisions
(:mod:`newsclean.stages.boilerplate_decisions`) and the page analysis
(:mod:`newsclean.layout`) read these features; nothing re-derives them.

Every threshold is named at module level or in ``data/boilerplate_model.json``
(written by ``python -m benchmarks.fit_extraction``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from newsclean import regexlite as regex
from newsclean.data import alternation, read_json
from newsclean.lazyre import lazy, lazy_re
from newsclean.stages.boilerplate_vocab import _Vocab, _vocab_reason

__all__ = ["Kind"]

Kind = Literal["prose", "sentence", "other", "bad"]


def _line_words(group: str) -> list[str]:
    """The entries of a word group of ``data/boilerplate_lines.json``."""
    words = read_json("boilerplate_lines.json", keys=(group,))[group]["words"]
    return [str(w) for w in words]


def _alternation(group: str) -> str:
    """The case-insensitive pattern of a word group (longest entry first)."""
    return alternation(_line_words(group), ignorecase=True)


def _exact(group: str) -> str:
    """The case-sensitive pattern of a word group (longest entry first)."""
    return alternation(_line_words(group))


#: Blocks where a letter may hide that folds onto a Latin letter ("ſ" onto "s", the
#: Kelvin sign onto "k"): Latin-1 to Latin Extended-B, and Letterlike Symbols.
_FOLDING_BLOCKS = (range(0x80, 0x250), range(0x2100, 0x2150))


def _any_case(letters: set[str]) -> frozenset[str]:
    """``letters`` in both cases, with every character that case-insensitive matching folds onto one."""
    folded = {c.casefold() for c in letters}
    out = {c for ch in letters for c in (ch, ch.lower(), ch.upper()) if len(c) == 1}
    out.update(chr(i) for block in _FOLDING_BLOCKS for i in block if chr(i).casefold() in folded)
    return frozenset(out)


# -- patterns (compiled once) -------------------------------------------------
_WORD = lazy(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*")
_CJK = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_BULLET = lazy(r"^(?:[-–—•*·▪►▸‣◦»›+]|\d{1,2}[.)])\s+")
_SEPARATOR = lazy(r"^(?:[-_=*~#.·•+<>|/\\]\s*+){3,}$")  # the definition; read with ``_is_separator``
_TERMINAL = lazy(r"[.!?…;:。！？][\"'”’»)\]」』]*$|[\"”’»」』]$")
_SENTENCE_END = lazy(r"[.!?…][\"'”’»)\]]*(?:\s|$)")
_STARTS_SENTENCE = lazy(r"^[\"'“‘«(\[—–-]?\s*[\p{Lu}\p{N}¿¡]")
# "Great! (4321)", "Like! (1234)", "Likes (12)", "👍 12", "♥ 3", "12 ♥". Blank runs on
# either side of an optional mark are taken whole (possessive): split two ways at every
# blank, a long run cost the square of its length.
_WIDGET = lazy(
    r"^(?:\p{L}[\p{L} ]{0,24}[!?]?\s*[(\[]\s*+\d[\d,.]*\s*+[kKmM]?\s*+[)\]]"
    r"|(?:[\p{So}\p{Sk}\p{Cs}]\uFE0F?\s*+)+[\d,.]+\s*+[kKmM]?"
    r"|[\d,.]+\s*+[kKmM]?\s*+(?:[\p{So}\p{Sk}]\uFE0F?\s*+)+"
    r"|[\p{So}\p{Sk}\s]+"
    rf"|\d[\d,.]*\s*+[kKmM]?\s*+(?:{_exact('widget_counts')})"
    rf"|(?:{_exact('widget_labels')})\s*+[:]?\s*+\d[\d,.]*\s*+[kKmM]?)$"
)
# lines made only of numbers, counters and pagination marks: "16", "1 of 23", "1 / 23", "2/5"
_COUNTER = lazy(rf"^[(\[]?\d[\d,.]*[)\]]?(?:\s*(?:/|{_exact('counter_joins')}|\|)\s*\d[\d,.]*)?$")
_HASHTAGS = lazy(r"^(?:#[\p{L}\p{N}_][\p{L}\p{N}_-]*[\s,;]*){1,40}$")
_HASHTAG = lazy(r"#([\p{L}\p{N}_][\p{L}\p{N}_-]*)")
_TAGS_LINE = lazy(rf"^(?:{_alternation('tags_labels')})\s*[:：]\s*(?P<tags>\S.{{0,600}})$", regex.IGNORECASE)
_TAGS_HEADER = lazy(rf"^(?:{_alternation('tags_headers')})\s*[:：]?$", regex.IGNORECASE)
# tried from a blank run's first character (or where the search resumes, ``\G``) only, the
# run taken whole: linear on long runs
_TAG_SPLIT = lazy(r"(?:\G|(?<!\s))\s*+[,;|•·]\s*+")
# Credit lines that belong to the story (kept next to the body).
_CREDIT = lazy(
    rf"(?:^\(?\s*(?:(?:{_alternation('credit_prefixes')})\s+)?(?:{_alternation('credit_openers')})\s+by\b"
    rf"|\b(?:{_alternation('credit_roles')})\b.{{0,120}}\b"
    rf"(?:{_alternation('credit_verbs')})(?:\s+to)?(?:\s+this)?(?:\s+(?:{_alternation('credit_works')}))?\s*[.)]?\s*$"
    rf"|\b(?:{_alternation('credit_verbs')})\s+(?:to\s+)?(?:this\s+)?(?:{_alternation('credit_works')})\s*\.?\s*$"
    rf"|^[—–-]\s*(?:{_alternation('credit_dash_openers')})\b"
    rf"|^\((?:{_alternation('credit_agencies')})\)\s*$"
    rf"|^(?:{_alternation('credit_with')})\s*[:]?\s*\S.{{0,80}}$)",
    regex.IGNORECASE,
)
_CONTINUES = lazy(r"^[\p{Ll},;]")
# "jsmith says:", "Anna on 3 May 2019 at 4:36 pm said:": the head of a reader comment
_COMMENT_HEAD = lazy(rf"^\S.{{0,80}}\s(?:{_alternation('comment_verbs')})\s*:?$", regex.IGNORECASE)
# A short line with a clock time or an age: the stamp of a reader comment or a feed entry.
_STAMP = lazy(
    r"^.{0,40}(?:\b\d{1,2}:\d{2}|\b\d{1,2}[:.]\d{2}\s*[ap]\.?m\b"
    rf"|\b\d+\s*(?:{_alternation('age_units')})\s+(?:{_alternation('age_words')}))\b.{{0,20}}$",
    regex.IGNORECASE,
)
_STRONG_COMMENTS = lazy(rf"\b(?:{_alternation('comment_sections')})\b", regex.IGNORECASE)
_ELLIPSIS = lazy(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
# "Home > News > World", "Mensagens » Autoestima » Title": a breadcrumb trail.
# Linear on its own: a crumb and the blanks around its mark are taken possessively, so
# "a  >  a  >  ..." has one way to split instead of one per blank (the backtracking form
# took 3 s on 50 characters). A blank the possessive runs took is lent back by the
# lookbehinds, so an empty crumb or an empty tail after a blank matches as before
# ("a > > b", "a > b > "); tests/stages/test_boilerplate_features.py compares both forms.
_BREADCRUMB = lazy(
    r"^(?:(?:[^»›>|/\n]{1,60}+|(?<=\s))\s*+[»›>]\s*+){1,8}+(?:[^»›>|/\n]{1,200}|(?<=\s))$"
    r"|^(?:[^|/\n]{1,40}\s[|/]\s){2,8}[^|/\n]{1,120}$"
)
_DIGITS = lazy_re(r"\d+")  # stdlib: the same Unicode decimal digits, a faster call
_DATA_ROW = lazy(rf"^(?:\d|(?:{_alternation('data_row_months')})[a-z]*\.?\s+\d)", regex.IGNORECASE)
#: The longest word read between a copyright mark and its year ("© Reuters 2020"). Read to
#: the end of a run of letters from every "copyright" in it, the footer search was
#: quadratic in the run; no owner's name is one word this long.
FOOTER_WORD = 40
# The page footer: what follows it is never story text.
_FOOTER = lazy(
    rf"\b(?:{_alternation('rights_reserved')})|(?:©|\(c\)|copyright)\s*+(?:\d{{4}}|\p{{L}}{{1,{FOOTER_WORD}}}+\s++\d{{4}})",
    regex.IGNORECASE,
)
# A link teaser: a title-case headline glued to its summary ("Bill At Troy SteakhouseA party of six…").
# Candidates only: ``_is_teaser`` drops those after a short word or an opening quote.
_GLUE = lazy(r"(?<=[\p{Ll}\d?!.’”\"'%)])(?=\p{Lu}[\p{Ll}\s'’])")
# Where ``_GLUE`` can match in plain text (no letter or digit beyond ASCII): a capital, the
# character before it and the one after it, found by one stdlib search in C that stops at
# capitals only (the stdlib ``\s`` holds every blank of the ``regex`` one). Most lines have
# no such place: on the AEB lines of 21-200 characters 0.56 us a line against 1.30 for
# ``_GLUE``'s search.
_GLUE_PLAIN = lazy_re(r"[A-Z](?<=[a-z0-9?!.’”\"'%)][A-Z])[a-z\s'’]")
#: The glue after a lower-case letter needs a word of at least this many letters before it:
#: shorter ones are a name's or a brand's own capital ("McDonald", "MacBook", "DiMarzo",
#: "iPhone"), which read as glue made the paragraphs naming them teasers (checked on the four
#: development corpora, ``python -m benchmarks.corpora --only text``).
GLUE_WORD_LETTERS = 4
# An address: one run of non-blanks with an "@" after its first character and a "." at
# least two characters later, before its last. Read as ``^\S+@\S+\.\S+$`` the search
# backtracked over every "@" and "." of a long token (quadratic); the first "@" and the
# first "." after it decide the same.
_URL = lazy(r"^(?:https?://|www\.)\S+$|^(?=\S++$)\S[^@]*+@\S[^.]*+\.\S|^@\w+$")
_TIMESTAMP = lazy(r"^[\d\s:/.,-]+(?:[ap]\.?m\.?|gmt|utc|et|est|edt|pst|cet)?$", regex.IGNORECASE)

_NO_STOPS = 0.3  # function-word share assumed for languages without a list
_MAX_LINE = 20_000
#: the first code point of the scripts of ``_CJK`` (Hangul Jamo; tests check that none comes earlier)
_CJK_FROM = "\u1100"
#: how a line matched by ``_URL`` starts, when it has no "@"
_URL_STARTS = ("http://", "https://", "www.")
_LETTER = lazy(r"\p{L}")
_DIGIT = lazy(r"\d")

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
_NOT_PLAIN = lazy_re(f"[^{_PLAIN_CLASS}]")
_WORD_PLAIN = lazy_re(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")
_BULLET_FIRST = frozenset("-–—•*·▪►▸‣◦»›+")
_SEPARATOR_CHARS = "-_=*~#.·•+<>|/\\"
_SEPARATOR_FIRST = frozenset(_SEPARATOR_CHARS)
#: a character that is neither a mark of ``_SEPARATOR`` nor white space
_NOT_SEPARATOR = lazy(r"[^\-_=*~#.·•+<>|/\\\s]")
#: first characters of the ASCII branches of ``_WIDGET`` and ``_COUNTER`` (the caret and
#: the backtick are the only ASCII symbols of classes Sk/So; digits and letters are tested apart)
_WIDGET_FIRST = frozenset("([,.^` \t") | {w[0] for w in _line_words("widget_labels")}
_CRUMB_MARKS = "»›>|/"
_CREDIT_FIRST = frozenset("—–-(")
#: how a credit line matched by the first and the last branch of ``_CREDIT`` starts (case-folded)
_CREDIT_STARTS = tuple(
    w.casefold() for g in ("credit_prefixes", "credit_openers", "credit_with") for w in _line_words(g)
)
#: the verbs of the contributor branches of ``_CREDIT`` (case-folded)
_CREDIT_VERBS = tuple(w.casefold() for w in _line_words("credit_verbs"))
#: any of ``_CREDIT_VERBS`` anywhere in a case-folded line (one search in C, not a test per verb)
_CREDIT_VERB_IN = lazy_re("|".join(map(re.escape, _CREDIT_VERBS)) or "(?!)")
_COMMENT_VERBS = tuple(_line_words("comment_verbs"))
_ENDERS = ".!?…;:。！？"
_CLOSERS = "\"'”’»)]」』"
_END_QUOTES = '"”’»」』'
_ASCII_DIGITS = "0123456789"
_ASCII_DIGIT_BYTES = _ASCII_DIGITS.encode("ascii")
#: first characters that ``_STARTS_SENTENCE`` matches at once: ASCII capitals and digits
_ASCII_SENTENCE_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + _ASCII_DIGITS)
#: first letters (case-folded) of every tags label
_TAGS_FIRST = frozenset(w[0].casefold() for g in ("tags_labels", "tags_headers") for w in _line_words(g))
_ENDERS_SET = frozenset(_ENDERS)
#: last characters after which ``_ends_sentence`` must look further back
_SLOW_END = frozenset(_CLOSERS + "\n")
#: last characters of the verbs of ``_COMMENT_HEAD`` in any case, and its optional colon
_COMMENT_LAST = _any_case({v[-1] for v in _COMMENT_VERBS}) | frozenset(":\n")
_ASCII_LETTER = lazy_re(r"[A-Za-z]")
_INITIAL = operator.itemgetter(0)


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
    tokens: tuple[str, ...]  # a tuple, as every field: a remembered _Feat is never changed
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


def _is_separator(text: str) -> bool:
    """True if ``_SEPARATOR`` matches ``text``: three or more marks, only marks and white space.

    The same answer as the pattern in one scan and no memory: the pattern's repeated
    group made the ``regex`` module keep a backtracking stack of about 80 bytes a
    character, 84 MB for a line of a million ``"> "`` (``benchmarks.scaling``'s
    ``gt_flood``), and the module kept part of it after the match.
    """
    if text[:1] not in _SEPARATOR_FIRST or _NOT_SEPARATOR.search(text) is not None:
        return False
    return sum(map(text.count, _SEPARATOR_CHARS)) >= 3


def _is_teaser(text: str, plain: bool) -> bool:
    """True for a title-case headline glued to a summary sentence (a link teaser)."""
    if plain and _GLUE_PLAIN.search(text, 0, 200) is None:
        return False  # no capital glued to what comes before it
    findall = _WORD_PLAIN.findall if plain else _WORD.findall
    for m in _GLUE.finditer(text, 0, 200):
        at = m.start()
        before = text[max(0, at - GLUE_WORD_LETTERS) : at]
        if before[-1].isalpha():
            if len(before) < GLUE_WORD_LETTERS or not before.isalpha():
                continue  # a name's own capital (see GLUE_WORD_LETTERS)
        elif before[-1] in "\"'" and (at < 2 or text[at - 2].isspace()):
            continue  # a quotation opened after a blank ('Romans 8:35. "Who…')
        head = findall(text[:at])
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


#: Unit texts up to this many characters are remembered with their features: menu entries,
#: share bars, section names and footers recur across the pages of a site (and across sites:
#: about half the short lines of an AEB page also occur on another AEB page).
MEMO_MAX_CHARS = 200
#: At most this many remembered texts per vocabulary, so memory stays bounded however many
#: captures a process cleans. When the memo is full, the texts looked up again since it was
#: last emptied stay, at most ``MEMO_KEPT_SHARE`` of it, and the others go (``_make_room``).
MEMO_MAX_ENTRIES = 20_000
#: Most of a full memo that its texts looked up again may keep. A stream of captures from
#: many sites repeats a few thousand short texts (menu entries, share bars, footers) among
#: many seen once: emptied whole, the memo judged each of those again after every 20,000
#: new texts (93,685 judgements on a pass over the 879 captures of the four corpora, against
#: 88,023 with no bound at all).
MEMO_KEPT_SHARE = 0.5
#: Longer unit texts (paragraphs) are remembered only among the last few. A page's
#: paragraphs rarely recur on another page, but ``remove_boilerplate`` reads the lines it
#: keeps a second time (its fixed point), and those are mostly paragraphs. At most this many
#: are kept: more than the paragraphs of any development-corpus page (61 at most on AEB).
LONG_MEMO_ENTRIES = 128
#: Only paragraphs up to this many characters are remembered (the longest AEB line has
#: about 2,100), so the long memo holds a few megabytes at most, however odd the input.
LONG_MEMO_MAX_CHARS = 5_000


def _features(text: str, vocab: _Vocab, use_stops: bool) -> _Feat:
    """The features of one unit text: remembered for short texts, computed otherwise.

    Features depend only on the text, the vocabularies and ``use_stops``, and a
    :class:`_Feat` is never changed once built, so one object serves every page
    the text occurs on. The memos hold the features judged as a page judges them,
    with the vocabulary's function words when it has any (``use_stops`` is then
    ``bool(vocab.stops)``), keyed by the text alone: a key tuple with the flag cost
    a tuple, its hash and its comparison on every look-up of every unit. Features
    judged the other way (a page whose words are not those of its language is
    judged again by ``_rejudge``, not here) are computed each time.
    """
    size = len(text)
    if use_stops != bool(vocab.stops) or size > LONG_MEMO_MAX_CHARS:
        return _compute_features(text, vocab, use_stops)
    if size > MEMO_MAX_CHARS:
        memo, limit = vocab.long_memo, LONG_MEMO_ENTRIES
    else:
        memo, limit = vocab.memo, MEMO_MAX_ENTRIES
    found = memo.get(text)
    if found is None:
        found = _compute_features(text, vocab, use_stops)
        if len(memo) >= limit:
            if memo is vocab.memo:
                _make_room(memo, vocab.reused)
            else:
                memo.clear()
        memo[text] = found
    elif memo is vocab.memo:
        vocab.reused.add(text)
    return found


def _make_room(memo: dict[str, _Feat], reused: set[str]) -> None:
    """Empty a full memo of short texts but for the texts looked up again (see :data:`MEMO_KEPT_SHARE`)."""
    kept: dict[str, _Feat] = {}
    room = int(MEMO_MAX_ENTRIES * MEMO_KEPT_SHARE)
    for key in reused:
        if len(kept) >= room:
            break
        found = memo.get(key)
        if found is not None:
            kept[key] = found
    memo.clear()
    memo.update(kept)
    reused.clear()


def _compute_features(text: str, vocab: _Vocab, use_stops: bool) -> _Feat:
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
        tokens = tuple(_WORD_PLAIN.findall(body))
        words = len(tokens)
        letters = _ASCII_LETTER.search(body) is not None
    else:
        tokens = tuple(_WORD.findall(body))
        words = len(tokens)
        if max(body) >= _CJK_FROM:
            words += len(_CJK.findall(body)) // 2
        letters = _LETTER.search(body) is not None
    last = body[-1:]
    first_body = body[:1]
    terminal = last in _ENDERS_SET if last not in _SLOW_END else _ends_sentence(body)
    # an ASCII capital or digit first is a match of ``_STARTS_SENTENCE`` (\p{Lu}, \p{N}) without the call
    sentence = terminal and (first_body in _ASCII_SENTENCE_FIRST or _STARTS_SENTENCE.match(body) is not None)
    titlelike = 2 <= words <= 25 and not (terminal and body.rstrip()[-1:] in ".;:") and letters
    credit = False
    low = ""
    if words <= 40:
        low = body.casefold()
        credit = (
            first_body in _CREDIT_FIRST
            or low.startswith(_CREDIT_STARTS)
            or _CREDIT_VERB_IN.search(low) is not None
        ) and _CREDIT.search(body) is not None
    reason: str | None = None
    from_vocab = False
    if first in _SEPARATOR_FIRST and first and _is_separator(text):
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
    tokens: tuple[str, ...],
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
    if body.isascii():
        # its bytes without the digits, cut in C: about a quarter of the time of ten ``str.count`` passes
        digits = len(body) - len(body.encode("ascii").translate(None, _ASCII_DIGIT_BYTES))
    elif plain:  # plain text has only ASCII digits
        digits = sum(map(body.count, _ASCII_DIGITS))
    else:
        digits = len(_DIGIT.findall(body))
    return digits / max(1, len(body))


def _stop_density(
    units: Sequence[tuple[list[int], str]], feats: Sequence[_Feat], stops: frozenset[str]
) -> float:
    """Share of function words among the words of the longer lines (their first 2,000 characters).

    ``feats`` are the features of the units, in order.
    """
    hits = total = 0
    for (_, text), f in zip(units, feats, strict=True):
        if len(text) <= 2000 and not f.bullet:
            if len(f.tokens) >= 8:
                hits += f.stops
                total += len(f.tokens)
            continue
        tokens = _words(text[:2000])
        if len(tokens) >= 8:
            total += len(tokens)
            hits += sum(map(stops.__contains__, map(str.lower, tokens)))  # (counted in C)
    return hits / total if total else 1.0


#: A line of at least 25 characters that ends on a comma goes on in the next line, whatever
#: that line starts with: a paragraph hard-wrapped before a name ("... began her service
#: with the Women's Royal," / "Naval Service in ..."), a verse, a list written as one
#: sentence. Before, only a next line opening in lower case continued it, and the pieces
#: of such a paragraph were read as short title-like lines (a link list, page furniture).
#: Measured on the four development corpora (``python -m benchmarks.corpora``, text
#: captures): CleanEval 0.8629 -> 0.8641 (ten pages move, three of them by 0.07-0.30 up,
#: one 0.08 down: a list of link titles one of which ends on a comma), Dragnet
#: 0.8436 -> 0.8438, AEB, CleanPortalEval and the HTML path unchanged.
COMMA_CONTINUES = True

#: A line shorter than this many characters continues in the next one (that opens in lower
#: case) only on a hard-wrapped page (:data:`WRAPPED_PAGE_SHARE`): elsewhere short lines
#: are menu entries, labels and names, which open in lower case too ("home page", "about
#: us") and joined would read as prose.
WRAP_MIN_CHARS = 25

#: A page is hard-wrapped when at least this share of its non-empty lines continue a line
#: of :data:`WRAP_MIN_CHARS` or more that ends no sentence, opening in lower case: its text
#: was broken at a fixed width or at the source's line breaks (pages written by hand, whose
#: captures keep those breaks; text from e-mail or print). There the short pieces of a
#: paragraph ("more than" / "two thousand objects back", "into the" / "galleries during
#: the") are one paragraph too: read as short lines, they broke the story
#: into runs of page furniture and the story lost its second half. Chosen on the four
#: development corpora (``python -m benchmarks.corpora --only text``, 2026-12-02) on a
#: plateau: shares of 0.07 to 0.2 raise CleanEval 0.8656 -> 0.8684-0.8693, Dragnet
#: 0.8578 -> 0.8582-0.8583 and AEB by 0.0001, and lower no corpus; 0.03 and 0.05 lower
#: Dragnet or AEB, 0.3 keeps 0.0003 of the gain. The HTML path moves by at most 0.0001
#: (up). Table and leave-one-corpus-out choice: ``docs/extraction.md``.
#: Pages above the share: 1 of 181 on AEB, 5 of 400 on Dragnet, 0 of 71 on
#: CleanPortalEval, 101 of 227 on CleanEval.
WRAPPED_PAGE_SHARE = 0.1


def _hard_wrapped(texts: Sequence[str]) -> bool:
    """True if the lines are hard-wrapped text (see :data:`WRAPPED_PAGE_SHARE`)."""
    _, wraps, lines = _group(texts, wrapped=False)
    return _wrapped_share(wraps, lines)


def _wrapped_share(wraps: int, lines: int) -> bool:
    """True if ``wraps`` continued lines of ``lines`` non-empty ones make a hard-wrapped page."""
    return lines > 1 and wraps >= WRAPPED_PAGE_SHARE * lines


def _units(texts: Sequence[str]) -> list[tuple[list[int], str]]:
    """Group non-empty lines into units: a hard-wrapped paragraph is one unit.

    A line that does not end a sentence, followed by a line that starts in
    lower case, continues the same paragraph (text captured from ``<br>``
    breaks or wrapped at a fixed width); so does any line after one that ends
    on a comma (:data:`COMMA_CONTINUES`). A line shorter than
    :data:`WRAP_MIN_CHARS` continues only on a hard-wrapped page
    (:data:`WRAPPED_PAGE_SHARE`). One blank line between them does not
    end the paragraph: that is how a cleaned Article renders its lines
    (``Article.text``), and cleaning that rendering again must see the same units.
    """
    units, wraps, lines = _group(texts, wrapped=False)
    if _wrapped_share(wraps, lines):
        return _group(texts, wrapped=True)[0]  # (a hard-wrapped page, grouped again: few pages)
    return units


def _group(texts: Sequence[str], *, wrapped: bool) -> tuple[list[tuple[list[int], str]], int, int]:
    """The units of :func:`_units`, short lines going on only if ``wrapped``; with the count of
    lines that continue a long line by opening in lower case, and of non-empty lines."""
    units: list[tuple[list[int], str]] = []
    prev_open = False
    prev_comma = False  # (the line before ends on a comma)
    blank = False
    wraps = lines = 0
    for i, raw in enumerate(texts):
        text = raw.strip()
        if not text:
            if blank:
                prev_open = False
            blank = True
            continue
        blank = False
        lines += 1
        if prev_open and ((lower := _CONTINUES.match(text) is not None) or prev_comma):
            wraps += lower
            members, joined = units[-1]
            members.append(i)  # in place: a long wrapped paragraph stays linear
            if len(joined) < _MAX_LINE:
                units[-1] = (members, f"{joined} {text}"[:_MAX_LINE])
        else:
            units.append(([i], text))
        short = len(text) < WRAP_MIN_CHARS
        if short and not wrapped:
            prev_open = False
            continue
        prev_comma = COMMA_CONTINUES and text[-1] == "," and not short
        # ``_ends_sentence(text)``, read from the last character alone unless it is a closer
        last = text[-1]
        prev_open = not (last in _ENDERS_SET if last not in _SLOW_END else _ends_sentence(text)) and not (
            text[0] in _SEPARATOR_FIRST and _is_separator(text)
        )
    return units, wraps, lines
