"""Tests of the fix_encoding stage: one table per reason, clean controls, properties.

A few inputs are ftfy's public test cases (rspeer/python-ftfy, tests/test-cases,
Apache-2.0), marked "ftfy case" where used.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsclean import replay
from newsclean.document import Document
from newsclean.stages.encoding import (
    _MOJIBAKE_CODECS,
    _PAIR_RE,
    FTFY_CONFIG,
    _adjacent_non_ascii,
    _is_pair,
    _suspect_positions,
    fix_encoding,
    needs_repair,
    repair_text,
)


def run(text: str) -> Document:
    doc = fix_encoding(Document.from_text(text))
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text
    return doc


def edits(doc: Document) -> list[tuple[str, str, str]]:
    return [(e.reason, e.before, e.after) for e in doc.edits]


# -- one table per reason -------------------------------------------------------

MOJIBAKE = [
    ("Itâ€™s a deal", "It’s a deal"),
    ("OrlÃ©ans and MÃ¼nchen", "Orléans and München"),
    ("â€œQuotedâ€\x9d, he said", "“Quoted”, he said"),
    ("The priceâ€”highâ€”rose", "The price—high—rose"),
    ("voilÃ le travail", "voilà le travail"),  # a lost no-break space byte (ftfy case)
    ("РґРѕСЂРѕРіРµ Р\x98Р·-РїРѕРґ", "дороге Из-под"),  # UTF-8 read as Windows-1251 (ftfy case)
    ("Le Schtroumpf r√©gime √©quilibr√©", "Le Schtroumpf régime équilibré"),  # MacRoman (ftfy case)
    ("parlé\x85 Tu sais", "parlé… Tu sais"),  # a C1 control meant as Windows-1252 (ftfy case)
    ("SlovenÄ\ufffdina", "Sloven\ufffdina"),  # a lost byte (ftfy case)
    ("Ã¢â‚¬â„¢", "’"),  # mojibake twice over
]


@pytest.mark.parametrize(("text", "expected"), MOJIBAKE)
def test_mojibake(text: str, expected: str) -> None:
    doc = run(text)
    assert doc.text == expected
    assert {e.reason for e in doc.edits} == {"mojibake"}


def test_mojibake_spans_are_small() -> None:
    text = "Plain words, then OrlÃ©ans, then more plain words and Itâ€™s done"
    doc = run(text)
    assert edits(doc) == [("mojibake", "Ã©", "é"), ("mojibake", "â€™", "’")]
    first = doc.edits[0]
    assert (first.start, first.end) == (text.index("Ã©"), text.index("Ã©") + 2)


ENTITIES = [
    ("Fish &amp; chips", "Fish & chips", "&amp;"),
    ("It&#8217;s", "It’s", "&#8217;"),
    ("It&#x2019;s", "It’s", "&#x2019;"),
    ("5&nbsp;km", "5 km", "&nbsp;"),
    ("&lt;b&gt;", "<b>", "&lt;"),
    ("R&amp;amp;D", "R&D", "&amp;amp;"),  # escaped twice: decoded fully, so a second run changes nothing
    ("P&EACUTE;REZ", "PÉREZ", "&EACUTE;"),  # an upper-cased database field
    ("caf&eacute;", "café", "&eacute;"),
    ("it&#146;s", "it’s", "&#146;"),  # Windows-1252 number, read as HTML does
]


@pytest.mark.parametrize(("text", "expected", "before"), ENTITIES)
def test_html_entity(text: str, expected: str, before: str) -> None:
    doc = run(text)
    assert doc.text == expected
    assert doc.edits[0].reason == "html_entity"
    assert doc.edits[0].before == before


@pytest.mark.parametrize(
    "text",
    ["AT&T and R&D", "Q&A;", "a &unknown; entity", "x & y; z", "&amp", "fish&chips"],
)
def test_entity_lookalikes_stay(text: str) -> None:
    assert run(text).edits == ()


CHARS = [
    # (input, expected, reason)
    ("zero\u200bwidth", "zerowidth", "invisible_char"),
    ("word\u2060joiner", "wordjoiner", "invisible_char"),
    ("\ufeffBOM at start", "BOM at start", "invisible_char"),
    ("left\u200eto right", "leftto right", "invisible_char"),
    ("non\u200cjoiner", "nonjoiner", "invisible_char"),
    ("bell\x07 here", "bell here", "control_char"),
    ("nul\x00", "nul", "control_char"),
    ("del\x7f", "del", "control_char"),
    ("\x1b[31mred\x1b[0m text", "red text", "control_char"),
    ("co\u00adop\u00aderate", "cooperate", "soft_hyphen"),
    ("one\r\ntwo", "one\ntwo", "line_ending"),
    ("one\rtwo", "one\ntwo", "line_ending"),
    ("one\u2028two", "one\ntwo", "line_ending"),
    ("one\u2029two", "one\ntwo", "line_ending"),
    ("page\x0cbreak", "page\nbreak", "line_ending"),
    ("ﬁnance and ﬂights", "finance and flights", "ligature"),
    ("Note：the price", "Note:the price", "character_width"),
    ("ＦＵＬＬ width", "FULL width", "character_width"),
    ("lone \ud800 surrogate", "lone \ufffd surrogate", "invalid_char"),
]


@pytest.mark.parametrize(("text", "expected", "reason"), CHARS)
def test_characters(text: str, expected: str, reason: str) -> None:
    doc = run(text)
    assert doc.text == expected
    assert {e.reason for e in doc.edits} == {reason}


NORMALISATION = [
    ("cafe\u0301", "café", "unicode_normalization"),
    ("A\u030angstr\u00f6m", "Ångström", "unicode_normalization"),
    ("\u212b sign", "Å sign", "unicode_normalization"),
    ("two  spaces", "two spaces", "whitespace"),
    ("tab\there", "tab here", "whitespace"),
    ("trailing   \nline", "trailing\nline", "whitespace"),
    ("end of text ", "end of text", "whitespace"),
    ("thin\u2009space", "thin space", "whitespace"),
    ("no\u00a0break", "no break", "nbsp"),
    ("narrow\u202fno-break", "narrow no-break", "nbsp"),
    ("mixed \u00a0 run", "mixed run", "nbsp"),
    ("ideographic\u3000space", "ideographic space", "whitespace"),
]


@pytest.mark.parametrize(("text", "expected", "reason"), NORMALISATION)
def test_normalisation(text: str, expected: str, reason: str) -> None:
    doc = run(text)
    assert doc.text == expected
    assert {e.reason for e in doc.edits} == {reason}


def test_blank_lines_are_kept() -> None:
    assert run("one\n\n\ntwo\n").text == "one\n\n\ntwo\n"
    assert run("one\n   \ntwo").text == "one\n\ntwo"


def test_combined_edits_replay_and_reasons() -> None:
    doc = run("Itâ€™s 5&nbsp;km\u200b from OrlÃ©ans  \r\n")
    assert doc.text == "It’s 5 km from Orléans\n"
    assert [e.reason for e in doc.edits] == [
        "html_entity",
        "mojibake",
        "mojibake",
        "invisible_char",
        "line_ending",
        "whitespace",
    ]


def test_long_line_with_mojibake_is_repaired_locally() -> None:
    line = ("plain words " * 2000) + "OrlÃ©ans " + ("more words " * 2000)
    doc = run(line)
    assert edits(doc) == [("mojibake", "Ã©", "é"), ("whitespace", " ", "")]


# -- clean controls: text the stage must leave alone --------------------------

CLEAN = [
    "The minister said on Tuesday that the bridge “will reopen” by Friday — barring storms… It’s 5 km long.",
    "Le ministre a déclaré : « L’été sera chaud », selon l’AFP. Où est l’hôtel ? Créée en 1998, elle a vécu.",
    "„Das ist eine Überraschung“, sagte die Bürgermeisterin in Düsseldorf. Straße, Größe, Maß.",
    "¿Dónde está la estación? —preguntó el niño. Año 2024, señor Muñoz.",
    "SÃO PAULO — O presidente disse que a inflação caiu. Ações sobem; ÍNDICE BOVESPA em alta.",
    "«Газпром» сообщил о росте добычи — на 5 %. В Москве прошёл саммит… Это «ВС РФ».",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία. «Ναι», είπε ο υπουργός.",
    "Zażółć gęślą jaźń. Przyjechał do Łodzi w środę.",
    "İstanbul’da yağmur bekleniyor; Ankara’da hava güneşli.",
    "東京都は２０２４年、新しい計画を発表した。「安全が第一です」と知事は述べた：詳しくは（下記）。",
    "国务院发布通知：今年经济增长目标为５％左右，记者　王明。",
    "서울시는 새로운 교통 정책을 발표했다. “안전이 최우선”이라고 말했다.",
    "قال الوزير إن الحكومة ستعلن عن خطة جديدة\u200f.",
    "می\u200cخواهم به تهران بروم.",
    "हिन्दी में क्\u200dष समाचार।",
    "Family: 👨\u200d👩\u200d👧 and a flag 🏴\u200d☠️ in the tweet.",
    "Temperatures of 20 °C, a 50 % rise, £5, €10, ¥300, © 2024 Reuters ®.",
    "Ōsaka, Đà Nẵng and Hà Nội were mentioned; naïve café résumé.",
    "Crème brûlée — “Ça va?” ‘Oui’ …",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_untouched(text: str) -> None:
    assert run(text).edits == ()


@pytest.mark.parametrize("text", [CLEAN[0], CLEAN[2], CLEAN[9], CLEAN[10], CLEAN[11], CLEAN[16]])
def test_clean_text_takes_the_fast_path(text: str) -> None:
    # No lead-continuation pair, nothing to normalise: ftfy is not even asked.
    assert not needs_repair(text)


@pytest.mark.parametrize(
    ("text", "adjacent"),
    [
        ("Crème brûlée — “Ok” ‘Oui’ …", False),  # non-ASCII characters, none side by side
        ("Itâ€™s here", True),  # a mojibake pair
        ("quote:”’ here", True),
        ("an emoji 😀 alone", True),  # one four-byte character
        ("plain ASCII", False),
    ],
)
def test_adjacent_non_ascii(text: str, adjacent: bool) -> None:
    assert _adjacent_non_ascii(text) is adjacent


@given(st.text(alphabet=st.sampled_from("ab \n’“é€™Ãâ\u00a0Ð°д中\u0080😀\ud83d"), max_size=30))
@settings(max_examples=2000, suppress_health_check=[HealthCheck.too_slow])
def test_pair_scan_is_skipped_only_without_a_pair(text: str) -> None:
    # needs_repair skips the pair scan when _adjacent_non_ascii says no: never on a pair.
    if any(_is_pair(text[m.start() : m.start() + 2]) for m in _PAIR_RE.finditer(text)):
        assert _adjacent_non_ascii(text)


FTFY_NEGATIVES = [  # ftfy cases that must not be "repaired"
    "Η ¨ανατροφή¨ δυστυχώς από τους προπονητές",
    "Holmen/Mcrae – DrÃ¥ber",
    "4288×…",
    "``toda produzida pronta pra assa aí´´",
    "RETWEET SE VOCÊ…",
    "Join KVELÉ’s Official Fan List and receive news, events, and more!",
    "L’épisode 8 est trop fou ouahh",
    "2012—∞",
    "SENSЕ - Ivan Petrenko",
    "NESTLÉ® requiere contratar personal para diferentes areas a nivel nacional e internacional",
    "C O N C L U S Ã O",
    "(-1/2)! = √π",
    "├┤a┼┐a┼┐a┼┐a┼┐a",
]


@pytest.mark.parametrize("text", FTFY_NEGATIVES)
def test_ftfy_negatives_are_untouched(text: str) -> None:
    assert run(text).edits == ()


def test_cjk_keeps_full_width_and_latin_loses_it() -> None:
    assert run("記者：王明　北京").edits == ()
    assert run("Reporter：Wang Ming").text == "Reporter:Wang Ming"


def test_bidi_marks_stay_in_right_to_left_text() -> None:
    text = "שלום \u200fעולם"
    assert run(text).edits == ()


@pytest.mark.parametrize(
    "text",
    [
        "שלום \u200fעולם\nThe vote was delayed.\nقال \u200eالوزير",  # each mark on a line with RTL
        "The Courier \u200f| صحيفة\nThe vote was delayed.",  # the mark shares its line with RTL
        "\u2067שלום\u2069 said the minister.",  # an isolate around RTL inside an LTR sentence
    ],
)
def test_bidi_marks_on_a_line_with_right_to_left_script_stay(text: str) -> None:
    assert run(text).edits == ()
    assert not needs_repair(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote\u200f was delayed.\nשלום עולם", "The vote was delayed.\nשלום עולם"),
        ("שלום עולם\n\u202bRain\u202c fell.", "שלום עולם\nRain fell."),
        ("\u2066い\r\n׆", "い\n׆"),  # a CRLF ends the line too
    ],
)
def test_bidi_marks_go_from_a_line_without_right_to_left_script(text: str, expected: str) -> None:
    # UAX #9 resolves each paragraph (line) on its own: right-to-left script on
    # another line does not need the mark, and a later stage may remove that line.
    out = run(text)
    assert out.text == expected
    assert {e.reason for e in out.edits} <= {"invisible_char", "line_ending"}
    assert needs_repair(text)


def test_clean_document_is_returned_as_is() -> None:
    doc = Document.from_text("Nothing to do here.\nReally.")
    assert fix_encoding(doc) is doc


def test_repair_text() -> None:
    assert repair_text("cafÃ© &amp; bar\u00a0 ") == "café & bar"
    assert repair_text("clean") == "clean"


# -- the fast path never hides mojibake ftfy would repair ----------------------


def _ftfy_fix(text: str) -> str:
    import ftfy

    return str(ftfy.fix_and_explain(text, ftfy.TextFixerConfig(**FTFY_CONFIG)).text)


_POOL = (
    "abc xyz ÀÉéèüößñçøåœ’“”—–…•°©®™€£¥«»¿¡αβγδабвгдежзийĄąĘęŁłŃńŚśŹźŻżČčŘřŠšŽžğışİ한국中文日本😀👍❤✔\u00a0"
)


@st.composite
def mojibake_like(draw: st.DrawFn) -> str:
    text = draw(st.text(st.sampled_from(_POOL), min_size=1, max_size=12))
    codec = draw(st.sampled_from([*_MOJIBAKE_CODECS, "sloppy-windows-1252", "sloppy-windows-1251"]))
    if codec.startswith("sloppy"):
        import ftfy.bad_codecs  # noqa: F401  (registers the codecs)
    text = text.encode("utf-8").decode(codec, errors=draw(st.sampled_from(["replace", "ignore"])))
    if draw(st.booleans()):
        text = text.replace("\u00a0", " ")
    extra = draw(st.text(st.sampled_from(_POOL), max_size=3))
    cut = draw(st.integers(0, len(text)))
    return text[:cut] + extra + text[cut:]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mojibake_like(), st.text(st.sampled_from(_POOL), max_size=12)))
def test_precheck_covers_every_ftfy_repair(text: str) -> None:
    if _ftfy_fix(text) != text:
        assert next(_suspect_positions(text), None) is not None


# -- properties -----------------------------------------------------------------

# Accented Latin letters are lower case here: strings such as "Îœ" or "ÃŸ" are
# made of letters too, but they are exactly the mojibake the stage repairs.
_ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àâæçéèêëîïôùûüÿ",  # French
    "äöüß",  # German
    "áéíóúñü",  # Spanish
    "ąćęłńóśźż",  # Polish
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年",
    "あいうえおかきくけこアイウエオカキクケコ",
    "가나다라마바사아자차카타파하한국어",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
]
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~‘’“”"


@st.composite
def clean_words(draw: st.DrawFn) -> str:
    """Words of one alphabet each (letters and digits), ASCII punctuation and
    typographic quotes around them, single spaces between them."""
    words = []
    for _ in range(draw(st.integers(1, 10))):
        alphabet = draw(st.sampled_from(_ALPHABETS)) + "0123456789"
        core = draw(st.text(st.sampled_from(alphabet), min_size=1, max_size=10))
        pre = draw(st.text(st.sampled_from(_PUNCT), max_size=2))
        post = draw(st.text(st.sampled_from(_PUNCT), max_size=2))
        words.append(pre + core + post)
    return " ".join(words)


@settings(max_examples=300, deadline=None)
@given(clean_words())
def test_clean_words_are_untouched(text: str) -> None:
    import ftfy

    # "â" before "”‘" is the UTF-8 of "┑" read as Windows-1252: mojibake, not clean words.
    assume(ftfy.fix_text(text) == text)
    doc = run(text)
    assert doc.text == text, edits(doc)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_replays_and_is_idempotent(text: str) -> None:
    doc = run(text)
    again = run(doc.text)
    assert again.edits == (), edits(again)
    assert unicodedata.is_normalized("NFC", doc.text)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(mojibake_like(), st.text(st.sampled_from(_POOL + "&;#x0123 \t\r\n\u200b\u00ad"), max_size=40))
)
def test_idempotent_on_messy_text(text: str) -> None:
    doc = run(text)
    assert run(doc.text).edits == ()


def test_large_input_is_linear() -> None:
    text = ("Itâ€™s  a line with mojibake and\u00a0spaces.\r\n" * 20_000) + "x" * 200_000
    doc = run(text)
    assert doc.text.startswith("It’s a line with mojibake and spaces.\n")


@pytest.mark.parametrize(
    ("text", "expected", "edits"),
    [
        ("a  \n \t\n  \nb", "a\n\n\nb", 1),  # one blank stretch, one edit
        ("a \nb \nc", "a\nb\nc", 2),  # text between the runs: one edit each
        (" \t\n" * 1000 + "end", "\n" * 1000 + "end", 1),
        # two stretches, each put back together in its own edit
        ("a \n\t\nb \n \nc", "a\n\nb\n\nc", 2),
        (" \t\n" * 500 + "mid" + "  \n" * 500 + "end", "\n" * 500 + "mid\n" + "\n" * 499 + "end", 2),
    ],
)
def test_a_stretch_of_blank_lines_is_one_edit(text: str, expected: str, edits: int) -> None:
    doc = fix_encoding(Document.from_text(text))
    assert doc.text == expected
    assert len(doc.edits) == edits
    assert replay(text, doc.edits) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A clean line.\nAnother one. ", "A clean line.\nAnother one."),
        ("Ünïcödé text ends here ", "Ünïcödé text ends here"),
        (" ", ""),
        ("A clean line.\nAnother one.", "A clean line.\nAnother one."),
    ],
)
def test_a_single_trailing_space_is_one_whitespace_edit(text: str, expected: str) -> None:
    doc = fix_encoding(Document.from_text(text))
    assert doc.text == expected
    assert [(e.reason, e.before) for e in doc.edits] == ([("whitespace", " ")] if text != expected else [])
    assert replay(text, doc.edits) == expected


# -- fields set from the page (the HTML stage's title, authors, tags) ----------------------
@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("title", "Floods \x1ehit the north", "Floods hit the north"),  # a separator control
        ("title", "Floods hit the\u2028north", "Floods hit the north"),  # a line break: one line
        ("site_name", "OrlÃ©ans Daily", "Orléans Daily"),  # mojibake
        ("title", "\x15", None),  # nothing left: no title
        ("authors", ("Ann\u200b Lee", "\x16"), ("Ann Lee",)),
    ],
)
def test_fields_set_before_the_stage_are_repaired(field: str, value: object, expected: object) -> None:
    doc = Document.from_text("The council met on Tuesday.\n").with_fields(**{field: value})
    out = fix_encoding(doc)
    assert out.get(field) == expected
    assert [(d.reason, d.data["field"]) for d in out.decisions] == [("field_repaired", field)]
    assert out.decisions[0].data["before"] == value and out.edits == doc.edits


def test_clean_fields_are_untouched() -> None:
    fields = {"title": "Floods hit the north — live", "authors": ("Ann Lee",), "tags": ("Zürich", "東京")}
    doc = Document.from_text("The council met on Tuesday.\n").with_fields(**fields)
    assert fix_encoding(doc) is doc


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet="ab .שלםسا\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2069", max_size=12), max_size=6
    )
)
def test_a_bidi_mark_is_judged_by_its_line_alone(lines: list[str]) -> None:
    # whatever a later stage keeps of the other lines, each line stays as repaired
    out = run("\n".join(lines)).text
    for line in out.split("\n"):
        assert repair_text(line) == line


def test_pair_lookup_is_the_set_of_every_codecs_lead_and_continuation() -> None:
    from newsclean.stages import encoding

    pairs = {a + b for c in encoding._MOJIBAKE_CODECS for a in encoding._LEADS[c] for b in encoding._CONTS[c]}
    candidates = [a + b for a in encoding._ALL_LEADS for b in encoding._ALL_CONTS]
    assert [encoding._is_pair(p) for p in candidates] == [p in pairs for p in candidates]
    assert not encoding._is_pair("ab") and not encoding._is_pair("Ã")
