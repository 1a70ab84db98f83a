"""Tests of the extract_metadata stage (title, site name, section, byline, dateline).

All text below was written for these tests, except where a fixture is named.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.article import Dateline
from newsclean.document import Document, replay
from newsclean.layout import read_line
from newsclean.stages import _dateline, _header, metadata
from newsclean.stages import _title as metadata_title
from newsclean.stages.metadata import (
    extract_metadata,
    is_prose,
    parse_byline,
    parse_dateline,
    prose_start,
    split_title,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

PARA = (
    "The regional council approved the new water plan on Tuesday after a debate that lasted "
    "most of the afternoon, officials said."
)
PARA2 = (
    "Farmers in the valley had asked for the plan for years, and several of them travelled to "
    "the capital to watch the vote from the public gallery."
)
WIRE = (
    "MADRID (AP) — Spain’s parliament approved a new housing law on Thursday after months of talks "
    "between the governing parties, officials said."
)


def run(text: str, **fields: Any) -> Document:
    doc = Document.from_text(text)
    if fields:
        doc = doc.with_fields(**fields)
    out = extract_metadata(doc)
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text
    return out


def reasons(doc: Document) -> list[str]:
    return [e.reason for e in doc.edits]


def body_edits(doc: Document) -> list[tuple[str, str]]:
    return [(e.reason, e.before) for e in doc.edits]


# -- the spam-farm shape of the first seed, with the injected phrase already gone --
FARM = (
    "Current:Home > ContactCouncil backs the water plan after a long debate -Valley Morning Ledger\n"
    "Council backs the water plan after a long debate\n"
    "Lovely Weather\n"
    "LISBON (AP) — " + PARA + "\n" + PARA2 + "\n"
)


def test_spam_farm_header_title_site_and_dateline() -> None:
    out = run(FARM)
    assert out.get("title") == "Council backs the water plan after a long debate"
    assert out.get("site_name") == "Valley Morning Ledger"
    assert out.get("section") is None  # 'Contact' is a generic crumb
    assert out.get("dateline") == Dateline("LISBON", "AP")
    assert out.text.startswith("Lovely Weather\nLISBON (AP) — ")
    assert reasons(out) == ["breadcrumb", "title", "site_name", "title"]
    assert {e.action for e in out.edits} == {"extract"}


def test_spam_farm_glued_breadcrumb_without_a_repeat_line() -> None:
    out = run(FARM.split("\n", 2)[0] + "\n" + FARM.split("\n", 2)[2])
    assert out.get("title") == "Council backs the water plan after a long debate"
    assert out.get("site_name") == "Valley Morning Ledger"
    assert out.text.startswith("Lovely Weather\n")


def _fixture_without_keywords(name: str) -> tuple[str, dict[str, Any]]:
    """A seed capture (fixtures/, copied from the shared seeds) as the spam and date stages leave it."""
    raw = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    for phrase in gold["spam_keywords"]:
        raw = raw.replace(phrase + "-", "").replace(phrase, "")
    lines = [ln for ln in raw.split("\n") if not ln.startswith("Date:") and ln != "2023-09-15 13:05:45"]
    return "\n".join(lines), gold


@pytest.mark.parametrize("name", ["000_9a6809b7c917213f", "004_9cc89ab7c38bfaf7"])
def test_seed_captures_after_the_earlier_stages(name: str) -> None:
    text, gold = _fixture_without_keywords(name)
    out = run(text)
    assert out.get("title") == gold["title"]
    assert out.get("site_name") == gold["site_name"]
    want = gold["dateline"]
    assert out.get("dateline") == (Dateline(want["place"], want["agency"]) if want else None)
    if gold["title"] is None:
        assert reasons(out) == []
    else:
        assert gold["title"] not in out.text.split("\n")


# -- title lines ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "title", "site", "section", "why"),
    [
        (
            "Floods hit the north - The Daily Post",
            "Floods hit the north",
            "The Daily Post",
            None,
            "dash suffix",
        ),
        (
            "Floods hit the north | The Daily Post",
            "Floods hit the north",
            "The Daily Post",
            None,
            "pipe suffix",
        ),
        ("Floods hit the north — The Daily Post", "Floods hit the north", "The Daily Post", None, "em dash"),
        (
            "Floods hit the north -The Daily Post",
            "Floods hit the north",
            "The Daily Post",
            None,
            "space before only",
        ),
        (
            "Floods hit the north – dailypost.example",
            "Floods hit the north",
            "dailypost.example",
            None,
            "domain",
        ),
        (
            "The Daily Post | Floods hit the northern valleys",
            "Floods hit the northern valleys",
            "The Daily Post",
            None,
            "site prefix",
        ),
        (
            "Opinion | Why the floods keep coming - The Daily Post",
            "Why the floods keep coming",
            "The Daily Post",
            "Opinion",
            "section prefix",
        ),
        (
            "DailyPost.com – The Digest, Friday, November 9, 2012",
            "The Digest, Friday, November 9, 2012",
            "DailyPost.com",
            None,
            "a domain before a dash is a site prefix",
        ),
        (
            "Floods hit the north | World | News | The Daily Post",
            "Floods hit the north",
            "The Daily Post",
            "World",
            "section chain",
        ),
        (
            "Floods hit the north | Regen | Alerts | Maps",
            "Floods hit the north",
            "Regen",
            None,
            "site then short tail",
        ),
        (
            "Home > World > Europe > Floods hit the north",
            "Floods hit the north",
            None,
            "Europe",
            "breadcrumb",
        ),
        (
            "Startseite » PolitikHochwasser im Norden",
            "Hochwasser im Norden",
            None,
            "Politik",
            "glued German crumb",
        ),
        (
            "Home > NewsYouTube removes flood videos | The Daily Post",
            "YouTube removes flood videos",
            "The Daily Post",
            None,
            "brand after glued crumb",
        ),
        (
            "Home > World > YouTube removes flood videos",
            "YouTube removes flood videos",
            None,
            "World",
            "brand name is not glue",
        ),
        (
            "Vous êtes ici : Accueil > Monde > Inondations dans le nord",
            "Inondations dans le nord",
            None,
            "Monde",
            "French label",
        ),
        (
            "当前位置：首页 > 新闻 > 北方洪水造成损失",
            "北方洪水造成损失",
            None,
            None,
            "Chinese label, generic crumb",
        ),
    ],
)
def test_split_title(line: str, title: str, site: str | None, section: str | None, why: str) -> None:
    got = split_title(line)
    assert (got.title, got.site_name, got.section) == (title, site, section), why
    assert got.pieces[0][0] == 0 and got.pieces[-1][1] == len(line)
    assert all(a[1] == b[0] for a, b in zip(got.pieces, got.pieces[1:], strict=False))


@pytest.mark.parametrize(
    "line",
    [
        "Brexit - what happens next",
        "Brexit - What Happens Next",
        "Brandt - The Woman Who Kept the Lighthouse",
        "Nadal wins again - Part 2",
        "Storm update - Exclusive",
        "Home Depot shares fall after earnings",
        "Paris - A city in the rain",
        "Paris – The city in the rain",  # a dash after a name that is no domain
    ],
)
def test_split_title_keeps_headlines_with_separators(line: str) -> None:
    got = split_title(line)
    assert (got.title, got.site_name) == (line, None)


def test_repeat_line_decides_the_split() -> None:
    out = run(
        "Home > Tech > Storm - what happens next - The Daily Post\nStorm - what happens next\n" + PARA + "\n"
    )
    assert out.get("title") == "Storm - what happens next"
    assert out.get("site_name") == "The Daily Post"
    assert out.get("section") == "Tech"
    assert out.text == PARA + "\n"


def test_site_name_alone_on_the_next_line_is_not_the_title() -> None:
    out = run("Floods hit the north | The Daily Post\nThe Daily Post\n" + PARA + "\n")
    assert out.get("title") == "Floods hit the north"
    assert out.get("site_name") == "The Daily Post"


def test_title_repeated_after_navigation_is_removed() -> None:
    text = "Floods hit the north - The Daily Post\nMenu\nWorld\nSport\nFloods hit the north\n" + PARA + "\n"
    out = run(text)
    assert out.text == "Menu\nWorld\nSport\n" + PARA + "\n"
    assert reasons(out) == ["title", "site_name", "title"]


def test_title_given_by_the_html_stage_is_kept() -> None:
    out = run("Floods hit the north\n" + PARA + "\n", title="Floods Hit The North", site_name="Post")
    assert out.get("title") == "Floods Hit The North"
    assert out.get("site_name") == "Post"
    assert out.text == PARA + "\n"
    assert reasons(out) == ["title"]


def test_pure_breadcrumb_line_gives_the_section() -> None:
    out = run("Startseite » Politik\nHochwasser im Norden\n" + PARA + "\n")
    assert out.get("section") == "Politik"
    assert out.get("title") == "Hochwasser im Norden"
    assert reasons(out) == ["breadcrumb", "title"]


# -- bylines ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
        ("By Jane Doe, John Roe and Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
        ("Von Max Muster", ["Max Muster"]),
        ("Von Max Muster und Erika Musterfrau, dpa", ["Max Muster", "Erika Musterfrau"]),
        ("Par Jean Dupont", ["Jean Dupont"]),
        ("Por María José García y Juan Pérez", ["María José García", "Juan Pérez"]),
        ("Di Mario Rossi", ["Mario Rossi"]),
        ("Door Jan van der Berg", ["Jan van der Berg"]),
        ("By JANE DOE | Staff Writer", ["Jane Doe"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Written by Ann Lee, MS, RD on November 14, 2019", ["Ann Lee"]),
        ("By Jane Doe - Nov 19, 2019", ["Jane Doe"]),
        ("By Jane Doe Jane Doe", ["Jane Doe"]),
        ("Autor: Max Muster", ["Max Muster"]),
        ("By The Associated Press", []),
        ("By Staff Reporter", []),
    ],
)
def test_parse_byline(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices had doubled.",
        "By then the river had risen by two metres.",
        "By special request",
        "By The Way",
        "By Topic",
        "By admin - 2018-09-16",
        "Von der Leyen warns of floods",
        "Di Maio says the plan is ready",
        "Door de regen stond het water hoog.",
        "Par ailleurs, le gouvernement a annoncé un plan.",
        "Jane Doe and John Roe",
    ],
)
def test_parse_byline_leaves_prose_and_headlines(line: str) -> None:
    assert parse_byline(line) is None


def test_byline_lines_become_authors() -> None:
    out = run("Floods hit the north\nBy Jane Doe and John Roe, Reuters\n" + PARA + "\n")
    assert out.get("authors") == ["Jane Doe", "John Roe"]
    assert out.text == PARA + "\n"
    assert reasons(out) == ["title", "byline"]
    assert [e.action for e in out.edits] == ["extract", "extract"]


def test_byline_label_on_its_own_line() -> None:
    out = run("Floods hit the north\nBy\nJane Doe - Daily Post Contributor\n" + PARA + "\n")
    assert out.get("authors") == ["Jane Doe"]
    assert out.text == PARA + "\n"


def test_byline_inside_prose_stays() -> None:
    text = "By the end of the year, the council said, by Jane Doe's count, the plan had cost far more than planned.\n"
    out = run(text + PARA + "\n")
    assert out.get("authors") is None
    assert reasons(out) == []


# -- datelines --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("WASHINGTON (AP) — The Senate voted on Friday.", "WASHINGTON", "AP"),
        ("LONDON (Reuters) - Shares fell on Monday.", "LONDON", "Reuters"),
        ("BERLIN, 5. März (dpa) - Die Regierung hat beschlossen.", "BERLIN", "dpa"),
        ("PARIS (AFP) – Le gouvernement a annoncé un plan.", "PARIS", "AFP"),
        ("Paris (AFP) – Le gouvernement a annoncé un plan.", "Paris", "AFP"),
        ("MOSCOW — Russian officials said on Friday.", "MOSCOW", None),
        ("SAN FRANCISCO, Calif. (AP) — Apple said on Monday.", "SAN FRANCISCO, Calif.", "AP"),
        ("NAIROBI, Kenya (AP) — Kenya's president said on Monday.", "NAIROBI, Kenya", "AP"),
        ("WASHINGTON, D.C. (AP) — The Senate voted on Friday.", "WASHINGTON, D.C.", "AP"),
        ("WASHINGTON, D.C. — The Senate voted on Friday.", "WASHINGTON, D.C.", None),
        ("SAN JUAN, Puerto Rico (AP) — The storm hit the island.", "SAN JUAN, Puerto Rico", "AP"),
        ("NAIROBI, Kenya — Officials said on Monday.", "NAIROBI, Kenya", None),
        ("Frankfurt/Main (dpa) - Die Börse hat nachgegeben.", "Frankfurt/Main", "dpa"),
        ("Berlin (dpa) - Die Regierung hat beschlossen.", "Berlin", "dpa"),
        ("Nairobi, Kenya (AFP) - Le président a annoncé un plan.", "Nairobi, Kenya", "AFP"),
        ("SARAJEVO, Bosnia and Herzegovina (AP) — Officials said.", "SARAJEVO, Bosnia and Herzegovina", "AP"),
        ("BOGOTÁ, 12 nov (EFE).- El Gobierno aprobó el plan.", "BOGOTÁ", "EFE"),
        ("LONDON, Nov. (Reuters) - Britain said on Wednesday.", "LONDON", "Reuters"),
        ("LONDON, Nov 20 (Reuters) - Britain said on Wednesday.", "LONDON", "Reuters"),
        ("Madrid, 5 mar (EFE).- El Gobierno aprobó el plan.", "Madrid", "EFE"),
        ("ROMA (ANSA) - Il governo ha approvato il piano.", "ROMA", "ANSA"),
        ("AMSTERDAM (ANP) - Het kabinet heeft besloten.", "AMSTERDAM", "ANP"),
        # a spaced en dash or hyphen without an agency (the blank before the dash counts)
        ("MOSCOW – Russian officials said on Friday.", "MOSCOW", None),
        ("BERLIN - Die Regierung hat beschlossen.", "BERLIN", None),
        ("WEST FIELD, Ore. – Emergency managers ran a drill.", "WEST FIELD, Ore.", None),
        ("SIOUX FALLS, S.D. - The council voted on Monday.", "SIOUX FALLS, S.D.", None),
    ],
)
def test_parse_dateline(paragraph: str, place: str, agency: str | None) -> None:
    assert parse_dateline(paragraph) == Dateline(place, agency)


@pytest.mark.parametrize(
    "paragraph",
    [
        "COVID-19 cases rose again in the capital.",
        "U.S.-backed forces moved into the town.",
        "FBI agents raided the home — sources say — on Friday.",
        "BREAKING — Markets fell sharply on Monday.",
        "UPDATE — The vote has been delayed.",
        "THE END of an era - fans wept outside the stadium.",
        "NASA — the agency — said the launch was delayed.",
        "The president (AP) - said nothing.",
        "Police (unconfirmed) - reports say the road is closed.",
        "Quarles said on Friday that the talks went well.",
        "Washington, the capital, said on Friday that the talks went well.",
        "Washington, the capital — a city of monuments — said nothing.",
        "PARIS, the city of light — Tourists came back this year.",
        "Nairobi, Kenya — Officials said on Monday.",
        "Frankfurt/Main is a financial centre - Banks grew.",
        "BERLIN -the capital said.",  # no blank after the dash
        "BERLIN- The capital said.",  # no blank before it
        "BERLIN – the capital said nothing.",  # no capital after it
    ],
)
def test_parse_dateline_leaves_sentence_starts(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


def test_dateline_text_stays_in_the_paragraph() -> None:
    out = run("Spain passes housing law\n" + WIRE + "\n" + PARA + "\n")
    assert out.get("dateline") == Dateline("MADRID", "AP")
    assert out.text == WIRE + "\n" + PARA + "\n"
    assert all(e.reason != "dateline" for e in out.edits)


# -- clean controls ---------------------------------------------------------------
CLEAN_CONTROLS = [
    (PARA + "\n" + PARA2 + "\n", "starts with prose"),
    (WIRE + "\n" + PARA + "\n", "starts with a dateline paragraph"),
    (
        "The mayor - who took office in May - said the plan would go ahead, despite the protests outside city hall.\n"
        + PARA
        + "\n",
        "first sentence with ' - '",
    ),
    (
        "Prices rose 3% | wages 2% | rents 5%, according to the figures the statistics office published on Monday.\n"
        + PARA
        + "\n",
        "first sentence with '|'",
    ),
    (
        "By the end of the year, the council said, the plan had cost more than twice the first estimate.\n"
        + PARA
        + "\n",
        "'By the end'",
    ),
    (
        "THE COUNCIL approved the plan on Tuesday, ending a debate that had lasted for most of the year.\n"
        + PARA
        + "\n",
        "all-caps sentence start",
    ),
    (
        "NASA — which runs the programme — said the launch would be delayed by at least two weeks.\n"
        + PARA
        + "\n",
        "caps word and dash",
    ),
    ("", "empty"),
    ("\n\n\n", "blank lines"),
]


@pytest.mark.parametrize(("text", "why"), CLEAN_CONTROLS)
def test_clean_controls_are_left_alone(text: str, why: str) -> None:
    out = run(text)
    assert out.text == text, why
    assert reasons(out) == [], why
    assert out.get("title") is None and out.get("authors") is None, why
    assert out.get("dateline") in (None, Dateline("MADRID", "AP")), why


def test_headline_with_a_dash_is_kept_whole() -> None:
    out = run("Brexit - what happens next\n" + PARA + "\n")
    assert out.get("title") == "Brexit - what happens next"
    assert out.get("site_name") is None
    assert body_edits(out) == [("title", "Brexit - what happens next\n")]


def test_subheading_after_prose_is_not_a_title() -> None:
    text = PARA + "\nWhat happens next\n" + PARA2 + "\n" + PARA + "\n"
    out = run(text)
    assert out.get("title") is None
    assert out.text == text


@pytest.mark.parametrize(
    "line",
    [
        "2023-09-15 13:05:45",
        "Published: November 19, 2019",
        "Skip to main content",
        "Photo: Jane Doe",
        "Share this article",
        "Menu",
    ],
)
def test_interface_and_date_lines_are_not_titles(line: str) -> None:
    out = run(line + "\n" + PARA + "\n")
    assert out.get("title") is None
    assert out.text.startswith(line)


# -- small helpers ------------------------------------------------------------------
def test_is_prose_and_prose_start() -> None:
    assert is_prose(PARA)
    assert not is_prose("Floods hit the north")
    assert not is_prose("Is an oxygen bar in Delhi offering fresh air for Rs 300?")
    lines = ["Floods hit the north - Post", "Menu", "Sport", PARA, "Advertisement", PARA2]
    assert prose_start(lines) == 3
    assert prose_start(["Menu", "Sport"]) is None


# -- properties ---------------------------------------------------------------------
TOKENS = [
    *"abcXYZ .,-—|>»:()\n",
    "By ",
    "Home",
    " > ",
    "(AP)",
    "MOSCOW",
    "Reuters",
    " - ",
    "Jane Doe",
    "Current:",
]
TEXT = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_never_raises_and_replays(text: str) -> None:
    out = run(text)
    again = extract_metadata(out)
    assert again.text == out.text  # a second pass finds nothing more to take out


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_any_text(text: str) -> None:
    run(text)


@pytest.mark.parametrize(
    "text",
    ["First clean sentence here.", "Floods hit the north", "Floods hit the north\nMenu\nSport"],
)
def test_text_without_prose_keeps_a_bare_line(text: str) -> None:
    out = run(text)
    assert out.text == text
    assert out.get("title") is None


def test_text_without_prose_still_reads_a_wrapped_title() -> None:
    out = run("Floods hit the north | The Daily Post\nMenu")
    assert (out.get("title"), out.get("site_name"), out.text) == (
        "Floods hit the north",
        "The Daily Post",
        "Menu",
    )


# -- the fast paths decide as the plain definitions do --------------------------------

_QUOTE_TEXT = st.text(alphabet="aB ß.!?’“”‘İ\t»)。…", max_size=60)


def _reference_prose_start(lines: list[str]) -> int | None:
    best, best_start, cur, cur_start = 0, None, 0, 0
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        prose = metadata.is_prose(s) and read_line(s).kind != "bad"
        score = len(s) if prose else -(25 + len(s) // 2)
        if cur <= 0:
            if score <= 0:
                continue
            cur, cur_start = 0, i
        cur += score
        if cur > best:
            best, best_start = cur, cur_start
    return best_start


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "  ",
                "Menu",
                "Short title line",
                "x" * 45 + ".",
                "word " * 10 + ".",
                "word " * 30 + "!",
                "word " * 40 + ".",
                "x" * 300,
                " " + "a b " * 12 + "done. ",
                "中" * 50 + "。",
            ]
        ),
        max_size=40,
    )
)
def test_prose_start_matches_the_plain_run(lines: list[str]) -> None:
    assert metadata.prose_start(lines) == _reference_prose_start(lines)


@settings(max_examples=300, deadline=None)
@given(_QUOTE_TEXT)
def test_fold_and_norm_fast_paths(text: str) -> None:
    t = text.translate(_header._QUOTES)
    lowered = t.lower()
    assert _header._fold(text) == (lowered if len(lowered) == len(t) else t)
    assert len(_header._fold(text)) == len(text)  # _clean_repeat relies on this
    assert _header._norm(text) == " ".join(t.casefold().split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AaZz ,.()—–-1:/ΣᲉ", max_size=50))
def test_cheap_prefilters_only_skip_what_cannot_match(text: str) -> None:
    v = _header._vocab()
    assert _header._has_date(text, v) == bool(_header._NUMERIC_DATE.search(text) or v.month_date.search(text))
    if _dateline._DATELINE.match(text[:200]):
        assert "-" in text or "—" in text or "–" in text
        assert _dateline._CAPITAL.match(text)


# -- bylines without a label ------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "authors", "rule"),
    [
        ("Jane Doe", ["Jane Doe"], "name_under_title"),
        ("Jane Doe and John Roe", ["Jane Doe", "John Roe"], "name_under_title"),
        (
            "Anna Schmidt, Peter Braun und Eva Klein",
            ["Anna Schmidt", "Peter Braun", "Eva Klein"],
            "name_under_title",
        ),
        ("Marie Dupont et Jean Martin", ["Marie Dupont", "Jean Martin"], "name_under_title"),
        ("Jan van der Berg", ["Jan van der Berg"], "name_under_title"),
        ("Jane Doe, Staff Writer", ["Jane Doe"], "name_with_role"),
        ("ANA ROE, AP Auto Writer", ["Ana Roe"], "name_with_role"),
    ],
)
def test_unlabelled_byline_under_the_headline(line: str, authors: list[str], rule: str) -> None:
    out = run("Floods hit the north\n" + line + "\n" + PARA + "\n")
    assert out.get("authors") == authors
    assert out.text == PARA + "\n"
    decision = next(d for d in out.decisions if d.reason == "byline")
    assert list(decision.data["rules"]) == [rule]


def test_unlabelled_byline_with_an_agency_records_the_agency() -> None:
    out = run("Floods hit the north\nJane Doe, Reuters\n" + PARA + "\n")
    assert out.get("authors") == ["Jane Doe"]
    decision = next(d for d in out.decisions if d.reason == "byline")
    assert list(decision.data["agencies"]) == ["Reuters"]


def test_labelled_bylines_in_seven_languages() -> None:
    lines = [
        "By Jane Doe",
        "Von Anna Schmidt",
        "Par Marie Dupont",
        "Por Ana García",
        "Di Marco Rossi",
        "Door Jan de Vries",
    ]
    for line in lines:
        out = run("Floods hit the north\n" + line + "\n" + PARA + "\n")
        assert out.get("authors") == [line.split(" ", 1)[1]], line


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Floods hit the north\nWorld News\n" + PARA + "\n", "section line under the headline"),
        ("Jane Doe\n" + PARA + "\n", "a name line with no headline above it"),
        (
            "Floods hit the north\nRain, flooding and power cuts left thousands without homes in the region\n"
            + PARA
            + "\n",
            "a deck line with a comma",
        ),
        ("Floods hit the north\n" + PARA + "\nJane Doe\n", "a name line after the story"),
    ],
)
def test_unlabelled_byline_clean_controls(text: str, why: str) -> None:
    out = run(text)
    assert out.get("authors") is None, why
    assert "byline" not in reasons(out), why


def test_title_and_dateline_are_recorded_as_decisions() -> None:
    out = run("Floods hit the north\nBy Jane Doe\n" + WIRE + "\n")
    by_reason = {d.reason: d.data for d in out.decisions}
    assert by_reason["title_line"]["title"] == "Floods hit the north"
    assert list(by_reason["byline"]["rules"]) == ["label"]
    assert by_reason["dateline"]["place"] == out.get("dateline").place


# -- bylines away from the header's end ------------------------------------------
NAV = "".join(f"Menu item {i}\n" for i in range(20))


def test_labelled_byline_under_a_teaser_sentence_at_the_start_of_the_prose() -> None:
    teaser = "The council has approved a plan that farmers in the valley had asked for during many years."
    out = run("Council approves water plan\n" + teaser + "\nBy Jane Doe\n" + PARA + "\n" + PARA2 + "\n")
    assert out.get("authors") == ["Jane Doe"]
    assert "By Jane Doe" not in out.text


def test_unlabelled_name_inside_the_prose_run_is_not_a_byline() -> None:
    teaser = "The council has approved a plan that farmers in the valley had asked for during many years."
    out = run("Council approves water plan\n" + teaser + "\nJane Doe\n" + PARA + "\n" + PARA2 + "\n")
    assert out.get("authors") is None


def test_byline_right_under_the_headline_with_a_long_menu_before_the_story() -> None:
    text = "Council approves water plan\nBy Jane Doe and John Roe\n" + NAV + PARA + "\n" + PARA2 + "\n"
    out = run(text)
    assert out.get("authors") == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ada FinchStaff Writer", ["Ada Finch"]),
        ("By Jonathan HolmerFOXBusiness", ["Jonathan Holmer"]),
        ("By Chris Wendorf@HoundsOfTheBay", ["Chris Wendorf"]),
        ("By Megan Tarly megant@example.com(509) 555-0100", ["Megan Tarly"]),
        ("Analysis by Chris Doe, Editor-at-large", ["Chris Doe"]),
        ("Автор: Оксана Левчишин", ["Оксана Левчишин"]),
        ("By Ronald McDonald", ["Ronald McDonald"]),
        ("By Ann FitzGerald and Lee MacKenzie", ["Ann FitzGerald", "Lee MacKenzie"]),
    ],
)
def test_glued_roles_handles_and_genre_labels(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Lena Marsk2020-02-20 13:52:51 UTC", ["Lena Marsk"]),
        ("By Ann Vantongeren For Courieronline", ["Ann Vantongeren"]),
        ("Penulis: Rizky Adi Santomo", ["Rizky Adi Santomo"]),
        ("By Jane Doe for The Courier", ["Jane Doe"]),
    ],
)
def test_byline_ends_at_a_glued_date_or_an_outlet(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


def test_byline_words_inside_a_sentence_are_no_byline() -> None:
    assert (
        parse_byline("By 2020 the plan for the valley had cost far more than the council expected.") is None
    )
    assert parse_byline("Oleh karena itu, dewan kota menyetujui rencana tersebut pada hari Selasa.") is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted by Michael Smith on November 19, 2019, 6:21 AM EST", ["Michael Smith"]),
        ("Von Anna Schmidt am 5. März 2020", ["Anna Schmidt"]),
        ("By Jane Doe November 19, 2019", ["Jane Doe"]),
    ],
)
def test_byline_names_end_where_a_date_starts(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


def test_byline_after_a_date_that_opens_the_line() -> None:
    assert parse_byline("Monday November 18, 2019 7:45 am PST by Joe Rossignol") == ["Joe Rossignol"]
    # a date followed by a sentence is no byline
    assert parse_byline("November 18, 2019 was the day by which the council had to decide.") is None


def test_vocabulary_alternation_is_case_blind_and_longest_first() -> None:
    # entries differing only in case are one entry, so a longer entry that extends
    # another in a different case still wins ('BY THE' over 'By')
    pattern = _header._split(lambda alt: rf"^(?:{alt(['By', 'by the', 'Von', 'Président'])})")
    assert pattern.match("BY THE way").group(0) == "BY THE"
    assert pattern.match("by  the way").group(0) == "by  the"  # white space inside an entry: any run
    assert pattern.match("von Jo").group(0) == "von"
    assert pattern.match("PRÉSIDENT Jo").group(0) == "PRÉSIDENT"  # an entry only some lines can match
    with pytest.raises(ValueError):
        _header._split(lambda alt: alt(["", ""]))


# -- an underlined first line (Markdown setext heading, Article.to_text) ----------
@pytest.mark.parametrize(
    "title",
    [
        "Floods hit the north - The Daily Post",  # a suffix that a bare line would lose
        "Storm closes schools. Why?",  # sentence-shaped
        "Budget talks resume on May 5, 2024",  # holds a date
        "Home > World > Floods hit the north",  # breadcrumb-shaped
    ],
)
def test_underlined_first_line_is_the_title_as_written(title: str) -> None:
    out = run(f"{title}\n{'=' * len(title)}\n\n{PARA}\n")
    assert out.get("title") == title
    assert out.text == f"\n{PARA}\n"
    assert reasons(out) == ["title", "title"]
    assert out.decisions[-1].data["rule"] == "underlined"


def test_an_underlined_title_of_any_length_is_the_title_as_written() -> None:
    # a page's <title> may be thousands of characters long; its rendering underlines it
    title = "Floods hit the north " * 40
    out = run(f"{title.strip()}\n{'=' * 80}\n\n{PARA}\n")
    assert out.get("title") == title.strip()
    assert out.text == f"\n{PARA}\n"


@pytest.mark.parametrize(
    ("line", "title", "site"),
    [
        ("Floods hit the north\u200f | صحيفة الشمال", "Floods hit the north", "صحيفة الشمال"),
        ("\u202bFloods hit the north\u202c | صحيفة الشمال", "Floods hit the north", "صحيفة الشمال"),
    ],
)
def test_a_title_split_from_a_right_to_left_site_name_loses_its_bidi_marks(
    line: str, title: str, site: str
) -> None:
    out = run(f"{line}\n{PARA}\n")
    assert (out.get("title"), out.get("site_name")) == (title, site)
    [repair] = [d for d in out.decisions if d.reason == "field_repaired"]
    assert repair.data["after"] == title


@pytest.mark.parametrize(
    "line",
    [
        "سيول في الشمال\u200f | صحيفة الشمال",  # the title keeps its right-to-left script
        "Floods hit the north | The Daily Post",  # nothing to repair
    ],
)
def test_a_split_title_that_needs_no_repair_is_kept_as_written(line: str) -> None:
    out = run(f"{line}\n{PARA}\n")
    assert out.get("title") == line.split(" | ")[0]
    assert not [d for d in out.decisions if d.reason == "field_repaired"]


@pytest.mark.parametrize(
    "text",
    [
        f"Menu\nFloods hit the north\n===\n{PARA}\n",  # not the first line
        f"=====\n=====\n{PARA}\n",  # a separator run, no heading
        f"Floods hit the north\n== x ==\n{PARA}\n",  # not an underline
    ],
)
def test_underline_rule_leaves_other_lines_alone(text: str) -> None:
    out = run(text)
    assert not any(d.data.get("rule") == "underlined" for d in out.decisions)


def test_underlined_title_is_recorded_as_a_written_heading() -> None:
    out = run(f"Floods hit the north\n{'=' * 20}\n\n{PARA}\n")
    heading = [d for d in out.decisions if d.reason == metadata.WRITTEN_HEADING]
    assert [d.data["title"] for d in heading] == ["Floods hit the north"]


@pytest.mark.parametrize("heading", ["Garden School\n=============", "==="])
def test_under_a_written_heading_no_line_is_a_byline(heading: str) -> None:
    # an article's rendering has had its byline taken: a line opening with "By" is the
    # text's own, right under the heading (a byline the first cleaning left above its
    # title) or lower down
    for body in (
        f"By Ann Lee\n\n{PARA}\n",
        f"Short note.\n\nBy Ann Lee\n\n{PARA}\n",
        f"{PARA}\n\nBy Ann Lee\n\n{PARA2}\n",
    ):
        out = run(f"{heading}\n\n{body}")
        assert out.get("authors") is None
        assert "By Ann Lee" in out.text.split("\n")


# -- an empty heading: an underline alone says the text has no title ---------------------
@pytest.mark.parametrize(
    "first",
    [
        "Floods hit the north",  # a title-like first paragraph
        "Council meeting of May 5, 2024",  # holds a date
        "Home > World",  # breadcrumb-shaped
    ],
)
def test_empty_heading_means_no_title(first: str) -> None:
    out = run(f"===\n\n{first}\n\n{PARA}\n")
    assert out.get("title") is None
    assert out.text == f"\n{first}\n\n{PARA}\n"  # only the heading line left, as an extract
    assert [(e.reason, e.action, e.before) for e in out.edits] == [("title", "extract", "===\n")]
    assert [d.data["title"] for d in out.decisions if d.reason == metadata.WRITTEN_HEADING] == [None]


@pytest.mark.parametrize(
    "text",
    [
        f"===\nFloods hit the north\n===\n{PARA}\n",  # a rule framing a line: not an empty heading
        f"Floods hit the north\n\n===\n\n{PARA}\n",  # a rule below the first line
        f"== x ==\n\nFloods hit the north\n{PARA}\n",  # not an underline
    ],
)
def test_empty_heading_rule_leaves_other_rules_alone(text: str) -> None:
    out = run(text)
    assert not any(d.reason == metadata.WRITTEN_HEADING for d in out.decisions)


# -- the headline over the story, when the page title rewords it ------------------------
NAV = "\n".join(["Markets", "Tech", "Media", "Success", "Videos", "Search"])
STORY_HEADLINE = "Investors cannot decide what to make of the latest trade talks"


def test_reworded_headline_over_the_story_wins_over_the_page_title() -> None:
    page_title = "Trade talks leave investors undecided about what to make of it - The Courier"
    out = run(f"{page_title}\n{NAV}\n{STORY_HEADLINE}\nBy Jill Roe, Staff Writer\n{PARA}\n{PARA2}\n")
    assert out.get("title") == STORY_HEADLINE
    assert out.get("authors") == ["Jill Roe"]
    decision = next(d for d in out.decisions if d.reason == "title_line")
    assert decision.data["rule"] == "story_headline"
    assert decision.data["similarity"] >= metadata_title.SAME_STORY
    assert STORY_HEADLINE not in out.text and page_title not in out.text


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Storm closes schools across the valley", "another story: no shared words"),
        ("Trade news", "one shared word and much shorter: a section name"),
        ("Investors", "a single word"),
    ],
)
def test_other_header_lines_do_not_replace_the_page_title(line: str, why: str) -> None:
    page_title = "Trade talks leave investors undecided about what to make of it"
    out = run(f"{page_title}\n{NAV}\n{line}\n{PARA}\n")
    assert out.get("title") == page_title, why
    assert line in out.text.split("\n"), why


def test_headline_similarity_ignores_function_words_of_every_packaged_language() -> None:
    assert metadata_title.headline_similarity("Der Rat und die Stadt", "The council and the city") == 0.0
    assert metadata_title.headline_similarity("Le conseil vote le plan", "Conseil : vote du plan") == 1.0


# -- the headline over the byline, when the page title has no copy over the story ---------
OVER_BYLINE = "Cells that sense danger set off the body's defences"


@pytest.mark.parametrize(
    "under",
    [
        "By Ann Whitcombe\n",
        "November 15, 2019\nBy Ann Whitcombe\n",  # a date line between them is passed over
    ],
)
def test_the_headline_over_the_byline_wins_over_a_page_title_without_a_copy(under: str) -> None:
    out = run(f"The Valley Review\n{NAV}\n{OVER_BYLINE}\n{under}{PARA}\n{PARA2}\n")
    assert out.get("title") == OVER_BYLINE
    assert out.get("authors") == ["Ann Whitcombe"]
    decision = next(d for d in out.decisions if d.reason == "title_line")
    assert decision.data["rule"] == "over_byline"
    assert OVER_BYLINE not in out.text


@pytest.mark.parametrize(
    ("over", "why"),
    [
        ("(Photo: Jane Roe / Valley Agency)", "a photo credit in brackets"),
        ("Valley news and more /", "a line ending in a separator"),
        ("Menu", "a single word"),
        ("Officials said the plan would be approved by the council next week, after a vote.", "a sentence"),
    ],
)
def test_other_lines_over_the_byline_leave_the_page_title(over: str, why: str) -> None:
    page_title = "Trade talks leave investors undecided about what to make of it"
    out = run(f"{page_title}\n{NAV}\n{over}\nBy Ann Whitcombe\n{PARA}\n{PARA2}\n")
    assert out.get("title") == page_title, why


def test_a_page_title_printed_over_the_story_stays_the_title() -> None:
    # clean control: the page title has a copy over the story, the line over the byline is a deck
    title = "Council approves the new water plan"
    deck = "Farmers in the valley had waited for years"
    out = run(f"{title} - The Courier\n{NAV}\n{title}\n{deck}\nBy Ann Whitcombe\n{PARA}\n{PARA2}\n")
    assert out.get("title") == title
    assert deck in out.text.split("\n")


# -- bylines away from the last copy of the headline -----------------------------------
def test_name_with_role_under_an_earlier_copy_of_the_headline() -> None:
    headline = "Council approves the new water plan"
    text = f"{headline} - The Courier\n{NAV}\n{headline}\nJane Doe, Staff Writer\nPhoto\n{headline}\n{PARA}\n"
    out = run(text)
    assert out.get("authors") == ["Jane Doe"]
    assert "Jane Doe, Staff Writer" not in out.text


def test_bare_name_under_an_earlier_copy_is_not_a_byline() -> None:
    headline = "Council approves the new water plan"
    text = f"{headline}\nSign In\n{NAV}\n{headline}\n{PARA}\n"
    out = run(text)
    assert out.get("authors") is None
    assert "Sign In" in out.text.split("\n")


def test_labelled_byline_far_above_the_story_is_found_when_none_is_near() -> None:
    links = "\n".join(f"Related link number {i} about something" for i in range(20))
    out = run(f"Council approves the new water plan\n{links}\nBy Jane Doe, Reuters\n{links}\n{PARA}\n")
    assert out.get("authors") == ["Jane Doe"]
    assert [d.data["rules"] for d in out.decisions if d.reason == "byline"] == [("label_far",)]


def test_no_byline_anywhere_in_a_long_header_finds_none() -> None:
    links = "\n".join(f"Related link number {i} about something" for i in range(20))
    out = run(f"Council approves the new water plan\n{links}\nBy the river\n{links}\n{PARA}\n")
    assert out.get("authors") is None
    assert "By the river" in out.text.split("\n")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("| BY: Jane Doe", ["Jane Doe"]),
        ("• Von Jan Roe", ["Jan Roe"]),
        ("| Byte-sized news for busy readers", None),
        ("- By the end of the year, prices had doubled.", None),
    ],
)
def test_byline_after_a_separator_or_bullet(line: str, names: list[str] | None) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Jane Doe", ["Jane Doe"]),
        ("JANE DOE, FUTURISM", ["Jane Doe"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Published Wed, Nov 20 2019 4:29 AM EST", None),
        ("Presidente do Conselho, Tiago Ramalho, dá entrevista coletiva em Nova York", None),
    ],
)
def test_bare_name_line_under_the_headline_is_names_only(line: str, authors: list[str] | None) -> None:
    out = run(f"Council approves the new water plan\n{line}\n{PARA}\n{PARA2}\n")
    assert out.get("authors") == authors
    assert (line in out.text.split("\n")) == (authors is None)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Jane Doe, AP National Security Writer", ["Jane Doe"]),
        ("Van Review Video, New Orla GT: Car News Headlines", None),
        ("Car Reviews, Latest Industry News Headlines And More", None),
    ],
)
def test_name_with_role_needs_a_short_role_tail(line: str, authors: list[str] | None) -> None:
    out = run(f"Council approves the new water plan\nMenu\n{line}\n{PARA}\n")
    assert out.get("authors") == authors


def test_bare_name_line_may_end_with_a_date() -> None:
    out = run(f"Council approves the new water plan\nFelix Arden on November 8, 2012, 9:13 AM\n{PARA}\n")
    assert out.get("authors") == ["Felix Arden"]


def test_under_an_underlined_title_no_repeat_is_removed() -> None:
    # the rendering of a cleaned article: its first paragraph may echo the title
    # words or open with a name, and stays
    first = "Garden School pupils planted the school grounds with beans on Monday, teachers said."
    named = "Edith Marwood (1890-1969) is best known for her manual on rowing clubs, which sold well."
    for para in (first, named):
        out = run(f"Garden School\n=============\n\n{para}\n\n{PARA}\n")
        assert out.text == f"\n{para}\n\n{PARA}\n"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("by Quarles September 15, 2014", ["Quarles"]),
        ("Posted by Ellsworth", ["Ellsworth"]),
        ("By Topic", None),  # a common word
        ("Text Size", None),  # an ambiguous label and a common word
        ("By Monday", None),  # a date word
        ("By Christmas, prices had doubled.", None),  # more than a date follows
        ("By CNN.com", None),  # a domain is no name
        ("By Reuters", []),  # an agency: no author
    ],
)
def test_one_word_name_after_a_label(line: str, names: list[str] | None) -> None:
    assert parse_byline(line) == names


def test_every_copy_of_the_story_headline_is_a_title_line() -> None:
    # the h1 and a share widget's copy of it: the byline sits between them
    page_title = "Trade talks leave investors undecided about what to make of it - The Courier"
    text = (
        f"{page_title}\n{NAV}\n{STORY_HEADLINE}\nBy\nJill Roe\nShare this story\n"
        f"{STORY_HEADLINE}\nReddit\nEmail\n{PARA}\n"
    )
    out = run(text)
    assert out.get("title") == STORY_HEADLINE
    assert out.get("authors") == ["Jill Roe"]
    assert STORY_HEADLINE not in out.text


HEAD = "Council approves the new water plan"


@pytest.mark.parametrize(
    ("between", "authors"),
    [
        # date lines between a later headline copy and the name line are passed over
        ("Published Wed, Nov 20 2019 4:29 AM EST\n", ["Jane Doe"]),
        ("Nov. 20, 2019 1:35 a.m.\n11/20/19 6:38 AM\n", ["Jane Doe"]),
        # share buttons and a comment count are passed over too
        ("Share this story\n", ["Jane Doe"]),
        ("Share\nTweet\nEmail\n0 Comments\n", ["Jane Doe"]),
        # a line that is no date or interface keeps the name line from reading as under the headline
        ("8 sites in this category\n", None),
        ("Most read in business\n", None),
        ("Share\nTweet\nEmail\nPrint\nSave\nFacebook\nTwitter\n", None),  # more than MAX_WIDGET_LINES
    ],
)
def test_bare_name_under_a_later_headline_copy_past_date_lines(
    between: str, authors: list[str] | None
) -> None:
    text = f"{HEAD} | The Courier\nHome\nNews\n{HEAD}\n{between}Jane Doe\n{PARA}\n{PARA2}\n"
    assert run(text).get("authors") == authors


@pytest.mark.parametrize("line", ["By Example.com", "Von Example-Online.de"])
def test_a_labelled_line_without_a_name_is_no_bare_name(line: str) -> None:
    text = f"{HEAD} | The Courier\nHome\nNews\n{HEAD}\nShare\n{line}\n{PARA}\n{PARA2}\n"
    assert run(text).get("authors") is None


def test_bare_name_under_the_first_title_line_of_several_is_not_read() -> None:
    # under a capture's <title> line comes a navigation bar; a later copy is the headline
    text = f"{HEAD} | The Courier\nSign In\nNews\n{HEAD}\nWorld\n{PARA}\n{PARA2}\n"
    assert run(text).get("authors") is None


@pytest.mark.parametrize(
    ("lines", "authors", "rule"),
    [
        ("Jane Doe@janedoe", ["Jane Doe"], "name_with_handle"),
        ("Jane Doe\n@janedoe", ["Jane Doe"], "name_with_handle"),
        # an e-mail glued to the name cannot be told from it
        ("Jane Doejdoe@example.com@janedoe", None, None),
        # a headline and its subtitle are not names
        ("Cutting Costs With Fewer Servers - Half the Bill in the Storage Tier", None, None),
        # a handle under a line that is no name
        ("Follow the council\n@watercouncil", None, None),
    ],
)
def test_name_lines_with_a_handle_or_more_fields(
    lines: str, authors: list[str] | None, rule: str | None
) -> None:
    out = run(f"{HEAD}\nMenu\n{lines}\n{PARA}\n{PARA2}\n")
    assert out.get("authors") == authors
    rules = [d.data["rules"] for d in out.decisions if d.reason == "byline"]
    assert rules == ([] if rule is None else [(rule,)])


def test_a_name_line_with_more_fields_after_a_bar_is_still_a_name_line() -> None:
    out = run(f"{HEAD}\nJane Doe | Tags: water, council, budget, city hall\n{PARA}\n{PARA2}\n")
    assert out.get("authors") == ["Jane Doe"]


@pytest.mark.parametrize(
    ("block", "authors"),
    [
        # headline copy, deck, name, date: the date line names the line as the byline
        (
            "Sanctions shake the harbour economy again\nDeck line of the story sets out what the sanctions do.\n"
            "Jane Halvorsen\n15.06.2020, 12.11 Uhr\n",
            ["Jane Halvorsen"],
        ),
        # the same without a date line: a caption or a subject, not a byline
        (
            "Sanctions shake the harbour economy again\nDeck line of the story sets out what the sanctions do.\n"
            "Jane Halvorsen\nListen\n",
            None,
        ),
        # common words only: a source or a menu, not a name
        (
            "Sanctions shake the harbour economy again\nDeck line of the story sets out what the sanctions do.\n"
            "Weekly News\n15.06.2020, 12.11 Uhr\n",
            None,
        ),
        # a deck with no full stop, the date over the name
        (
            'Sanctions shake the harbour economy again\nHarbour trade "badly hit" across all the docks\n'
            "15.06.2020, 12.11 Uhr\nMarta Quellbrink\n",
            ["Marta Quellbrink"],
        ),
        # the same under a names-only line: a list of names, not a deck
        (
            "Sanctions shake the harbour economy again\nTomas Ferreira Lund\n15.06.2020, 12.11 Uhr\nMarta Quellbrink\n",
            ["Tomas Ferreira Lund"],
        ),
        # the same with common words only under the deck: a section, not a name
        (
            'Sanctions shake the harbour economy again\nHarbour trade "badly hit" across all the docks\n'
            "15.06.2020, 12.11 Uhr\nCity Hall\n",
            None,
        ),
    ],
)
def test_name_beside_a_date_under_a_headline_and_its_deck(block: str, authors: list[str] | None) -> None:
    from newsclean.stages.dates import normalize_dates

    text = f"Sanctions shake the harbour economy again | The Courier\nHome\n{block}{PARA}\n{PARA2}\n"
    out = extract_metadata(normalize_dates(Document.from_text(text)))
    assert out.get("authors") == authors


@pytest.mark.parametrize(
    ("first", "title", "site"),
    [
        ("Morning Memo 11.18.19 - Ledgerline", "Morning Memo 11.18.19", "Ledgerline"),
        (
            "What we are reading: Thursday, May 23, 2013 — MSNBC",
            "What we are reading: Thursday, May 23, 2013",
            "MSNBC",
        ),
        # a date line with a label or a weekday first is no headline
        ("Published Nov 9, 2012 | The Courier", "Council approves the new water plan", None),
        ("Monday, November 9, 2012 - The Courier", "Council approves the new water plan", None),
    ],
)
def test_the_first_line_may_be_a_dated_headline(first: str, title: str, site: str | None) -> None:
    out = run(f"{first}\nSign in\nCouncil approves the new water plan\n{PARA}\n{PARA2}\n")
    assert out.get("title") == title
    assert out.get("site_name") == site


def test_a_dated_line_after_the_first_is_no_title() -> None:
    out = run(f"Menu\nMorning Memo 11.18.19 - Ledgerline\nSign in\n{PARA}\n{PARA2}\n")
    assert out.get("title") != "Morning Memo 11.18.19"


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        (
            "फ्रैंकलिन टेम्पलटन ने कहा है कि भारतीय प्रतिभूति एवं विनिमय बोर्ड को म्युचुअल फंड के मामलों को निपटाना चाहिए।",
            True,
        ),
        ("सेबी को एमएफ मामले निपटाने चाहिए", False),  # a headline: no danda
        # the Armenian full stop (U+0589)
        ("Կառավարությունը երեկ հաստատել է նոր ծրագիրը, որը կսկսվի հաջորդ ամսից և կտևի երկու տարի։", True),
        ("Կառավարությունը հաստատել է նոր ծրագիրը", False),  # a headline: no full stop
    ],
)
def test_prose_ends_with_a_danda_too(line: str, prose: bool) -> None:
    assert metadata.is_prose(line) is prose


ARMENIAN_PARA = "Կառավարությունը երեկ հաստատել է նոր ծրագիրը, որը կսկսվի հաջորդ ամսից և կտևի երկու տարի։"


def test_armenian_story_has_a_header_and_a_title() -> None:
    # prose ends in the Armenian full stop: the story is found and the line above it is the title
    out = run(f"Նոր ծրագիր. ինչ է սպասվում\nԼրահոս\n{ARMENIAN_PARA}\n{ARMENIAN_PARA}\n")
    assert out.get("title") == "Նոր ծրագիր. ինչ է սպասվում"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("كتب ضحى عرفة", ["ضحى عرفة"]),
        ("بقلم: حسام أبو العلا", ["حسام أبو العلا"]),
        ("लेखक: शुभायन चक्रवर्ती", ["शुभायन चक्रवर्ती"]),
        # a sentence that opens with the verb is no byline
        ("كتب الرئيس رسالة إلى الشعب يوم الاثنين بعد الاجتماع", None),
        # without a label, a line in a script without capitals is never read as names
        ("ضحى عرفة", None),
    ],
)
def test_bylines_in_scripts_without_capitals_need_a_label(line: str, names: list[str] | None) -> None:
    assert parse_byline(line) == names
    out = run(f"{HEAD}\n{line}\n{PARA}\n{PARA2}\n")
    assert out.get("authors") == names


def test_a_handle_after_a_comma_marks_a_name_line() -> None:
    out = run(f"{HEAD}\nMenu\nJane Doe, @janedoe\n{PARA}\n{PARA2}\n")
    assert out.get("authors") == ["Jane Doe"]


@pytest.mark.parametrize(
    ("first", "later", "title"),
    [
        # a later line that is a phrase inside the headline is a tag, not the clean title
        (
            "What Is Cosy: A Juniper Loft Guide",
            "Juniper Loft",
            "What Is Cosy: A Juniper Loft Guide",
        ),
        (
            "BBC: Valley League restarts on 17 June",
            "Valley League",
            "BBC: Valley League restarts on 17 June",
        ),
        # a later line bounded by separators is the clean title (the h1 under the <title>)
        (
            "Storm - what happens next - The Daily Post",
            "Storm - what happens next",
            "Storm - what happens next",
        ),
    ],
)
def test_a_repeat_must_meet_the_line_at_a_separator(first: str, later: str, title: str) -> None:
    out = run(f"{first}\nMenu\n{later}\n{PARA}\n{PARA2}\n")
    assert out.get("title") == title


# -- an interface notice that reads as prose does not end the header -------------------
_STORY = (
    "The regional council approved the new water plan on Tuesday after a debate that lasted "
    "most of the afternoon, officials said.\n"
    "Farmers in the valley had asked for the plan for years, and several of them travelled to "
    "the capital to watch the vote from the public gallery.\n"
)


@pytest.mark.parametrize(
    "notice",
    [
        "This website uses cookies to improve your experience while you navigate through the website.",
        "Utilizamos cookies para personalizar y mejorar su experiencia en nuestro sitio y optimizar la publicidad.",
        "Welcome to our new and improved comments, which are for subscribers only and moderated daily.",
    ],
)
def test_a_notice_above_the_headline_does_not_hide_the_byline(notice: str) -> None:
    from newsclean.stages.metadata import extract_metadata, story_start

    page = f"Water plan approved - The Valley Post\n{notice}\nAccept\nWater plan approved\nBy Ann Whitcombe\n{_STORY}"
    assert story_start(page.split("\n"), None) == 5
    out = extract_metadata(Document.from_text(page))
    assert out.get("authors") == ["Ann Whitcombe"]
    assert notice in out.text  # the notice is left to the boilerplate stage


def test_a_story_that_mentions_cookies_starts_where_it_did() -> None:
    from newsclean.stages.metadata import prose_start, story_start

    lines = [
        "Bakery wins award",
        "By Ann Whitcombe",
        "The bakery on Mill Street won the regional prize for its oat cookies on Saturday, the jury said.",
        *_STORY.strip().split("\n"),
    ]
    assert story_start(lines, "en") == prose_start(lines) == 2


def test_a_byline_above_the_title_of_a_text_without_prose_is_taken_in_one_pass() -> None:
    # found by the idempotence property: a second pass, which no longer sees the title
    # line, took the byline the first pass had left
    out = run("By Reuters\nJane Doe|a")
    assert out.text == ""
    assert extract_metadata(out).text == ""
    # control: with a story under it, a line above the title stays where it was
    story = "The council approved the new water plan on Tuesday after a long debate, officials said.\n"
    kept = run(f"Menu\nWater plan approved | The Post\n{story}")
    assert kept.text.startswith("Menu\n")


def test_a_byline_between_two_title_copies_of_a_text_without_prose_is_taken_once() -> None:
    out = run("Water plan approved\nBY ANN LEE\nWater plan approved")
    assert out.get("authors") == ["Ann Lee"]
    assert "ANN LEE" not in out.text


# -- opening patterns: the head prefilter answers as the pattern does ---------------------
_OPENINGS = ("byline_label", "byline_label_only", "not_title_multi", "not_title_single")
_OPENING_LINES = [
    "By Jane Doe",
    "BY JANE DOE",
    "by:\tJane Doe",
    "Written  by Jane Doe",
    "Written\tby Jane Doe",
    "A cura di Mario Rossi",
    "a\u000bcura di Mario Rossi",
    "Byline",
    "By",
    "Bylines are printed here",
    "The council met on Tuesday",
    "Share this article",
    "Sign in",
    "Menu",
    "Menu:",
    "Autor: Jan Roe",
    "Écrit par Jean Roe",
    "écrit par Jean Roe",
    "Von Jan Roe",
    "Publié par Jean Roe",
    "Ѕign in",  # a Cyrillic letter shaped like an ASCII one
    "ſhare this",  # the long s matches 's' when case is ignored
    "",
    "b",
    " By Jane Doe",
]


@pytest.mark.parametrize("name", _OPENINGS)
@pytest.mark.parametrize("line", _OPENING_LINES)
def test_opening_prefilter_answers_as_the_pattern(name: str, line: str) -> None:
    opening = getattr(_header._vocab(), name)
    got, want = opening.match(line), opening._pattern.match(line)
    assert (got and got.span()) == (want and want.span())


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_OPENINGS),
    st.sampled_from(_OPENING_LINES),
    st.text(alphabet=" \t\u000bAbByYsSſkKKıI:é", max_size=4),
)
def test_opening_prefilter_answers_as_the_pattern_on_any_head(name: str, line: str, head: str) -> None:
    opening = getattr(_header._vocab(), name)
    for text in (head + line, line[:2] + head + line[2:]):
        got, want = opening.match(text), opening._pattern.match(text)
        assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize("name", _OPENINGS)
@pytest.mark.parametrize("line", _OPENING_LINES)
def test_may_open_is_false_only_where_the_pattern_cannot_match(name: str, line: str) -> None:
    opening = getattr(_header._vocab(), name)
    if opening._pattern.match(line):
        assert _header.may_open(opening, line)


@pytest.mark.parametrize("name", _OPENINGS)
def test_may_open_each_answers_as_may_open(name: str) -> None:
    opening = getattr(_header._vocab(), name)
    assert _header.may_open_each(opening, _OPENING_LINES) == [
        _header.may_open(opening, x) for x in _OPENING_LINES
    ]


def test_both_byline_label_patterns_share_their_heads() -> None:
    # story_dated_byline asks may_open of one for both
    v = _header._vocab()
    assert v.byline_label._heads == v.byline_label_only._heads


def test_opening_heads_are_off_when_an_ascii_letter_matches_a_head() -> None:
    # 'ı' matches 'I' when case is ignored: a head holding it may open an ASCII line
    assert _header._opening_heads(["mayıs"]) is not None  # the head 'may' is ASCII
    assert _header._opening_heads(["ıx"]) is None
    assert _header._opening_heads(["écrit"]) == (frozenset(), frozenset(), frozenset(), frozenset())
    heads = _header._opening_heads(["by", "a cura"])
    assert heads is not None
    assert heads[2] == {"by", "bY", "By", "BY"} | {"a" + c for c in " \t\n\x0b\x0c\r"} | {
        "A" + c for c in " \t\n\x0b\x0c\r"
    }


def test_a_labelled_byline_between_the_title_and_a_far_copy_of_the_headline() -> None:
    # a long navigation bar under the page title, the byline over the story, and a share
    # widget that prints the headline again far under the byline
    nav = "\n".join(f"Section {chr(65 + k)}" for k in range(18))
    text = (
        f"{HEAD} | The Courier\n{nav}\nBy Jane Wrenfield For The Courier\nPublished: 10:55, 7 May 2020\n"
        f"e-mail\nShare\n{HEAD}\nView comments\n{PARA}\n{PARA2}\n"
    )
    out = run(text)
    assert out.get("authors") == ["Jane Wrenfield"]


def test_a_labelled_line_of_a_related_list_before_a_byline_under_the_headline_is_left_alone() -> None:
    nav = "\n".join(f"Section {chr(65 + k)}" for k in range(18))
    text = f"{HEAD} | The Courier\n{nav}\nBy Tom Quellbrink\n{HEAD}\nBy Jane Wrenfield\n{PARA}\n{PARA2}\n"
    assert run(text).get("authors") == ["Jane Wrenfield"]


def test_a_breadcrumb_ending_on_an_ellipsis_does_not_end_the_title_search() -> None:
    # the breadcrumb runs like a sentence ("..."), but it is page furniture, not running text
    page = (
        "Home > Transport > Regional services > Night buses reach three new distr...\n"
        "Night buses reach three new districts\n"
        f"{_STORY}"
    )
    out = extract_metadata(Document.from_text(page))
    assert out.get("title") == "Night buses reach three new districts"
