"""Tests of the title rules in ``newsclean.stages._title`` as ``extract_metadata`` applies them.

All text below was written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean.document import Document, replay
from newsclean.stages.metadata import extract_metadata

CLEAN = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "clean").glob("*.txt"))

PARA = (
    "The regional council approved the new water plan on Tuesday after a debate that lasted "
    "most of the afternoon, officials said."
)
PARA2 = (
    "Farmers in the valley had asked for the plan for years, and several of them travelled to "
    "the capital to watch the vote from the public gallery."
)
NAV = "\n".join(["Politics", "Business", "Culture", "Sport", "Weather"])


def run(text: str) -> Document:
    out = extract_metadata(Document.from_text(text))
    assert replay(out.base_text, out.edits[out.base_index :]) == out.text
    return out


# -- several lines repeat a piece of the page title ------------------------------
def test_the_headline_copy_wins_over_a_logo_line_of_the_site_name() -> None:
    # the site name is printed alone under the <title> (a logo) and again in links;
    # the headline is printed once, over the story
    page = (
        "Council Backs Water Plan - Northern Valley Courier\n"
        "Northern Valley Courier\n"
        f"{NAV}\n"
        "Northern Valley Courier on Facebook\n"
        "Council Backs Water Plan\n"
        f"{PARA}\n{PARA2}\n"
    )
    out = run(page)
    assert out.get("title") == "Council Backs Water Plan"
    assert out.get("site_name") == "Northern Valley Courier"


def test_of_equal_copies_the_one_nearest_the_story_wins() -> None:
    page = (
        "Council Backs Water Plan - Northern Valley Courier\n"
        "Northern Valley Courier\n"
        "Weather\n"
        "Council Backs Water Plan\n"
        f"{PARA}\n{PARA2}\n"
    )
    assert run(page).get("title") == "Council Backs Water Plan"


def test_a_single_copy_is_read_as_before() -> None:
    page = f"Council Backs Water Plan - Northern Valley Courier\nWeather\nCouncil Backs Water Plan\n{PARA}\n{PARA2}\n"
    out = run(page)
    assert out.get("title") == "Council Backs Water Plan"
    assert out.get("site_name") == "Northern Valley Courier"


# -- a site's banner printed under the page title ---------------------------------
def test_a_banner_under_the_title_line_is_no_headline_copy() -> None:
    # "Post - Blog Name": the blog's name is printed right under the <title> (its banner),
    # the post's heading (short beside the line) further down, over the story
    page = (
        "Leaf garland - The Paper Lantern Blog\n"
        "The Paper Lantern Blog\n"
        f"{NAV}\n"
        "Leaf garland\n"
        f"{PARA}\n{PARA2}\n"
    )
    out = run(page)
    assert out.get("title") == "Leaf garland"
    assert out.get("site_name") == "The Paper Lantern Blog"
    assert "Leaf garland" not in out.text
    assert [d.data["rule"] for d in out.decisions if d.reason == "title_line"] == ["header_line"]


@pytest.mark.parametrize(
    ("page", "title", "site"),
    [
        # the heading printed far under the <title> and the site's name again under it
        (
            f"Courier Sport - Council Backs Water Plan\n{NAV}\nCouncil Backs Water Plan\nCourier Sport\n{PARA}\n{PARA2}\n",
            "Council Backs Water Plan",
            "Courier Sport",
        ),
        # the usual order: the headline first, the banner under the <title>, printed again below
        (
            "Council Backs Water Plan - Northern Valley Courier\nNorthern Valley Courier\n"
            f"{NAV}\nCouncil Backs Water Plan\nNorthern Valley Courier\n{PARA}\n{PARA2}\n",
            "Council Backs Water Plan",
            "Northern Valley Courier",
        ),
        # the rest of the line is never printed alone: the repeat is the headline
        (
            f"Northern Valley Courier - Council Backs Water Plan\nCouncil Backs Water Plan\n{NAV}\n{PARA}\n{PARA2}\n",
            "Council Backs Water Plan",
            "Northern Valley Courier",
        ),
    ],
)
def test_banner_rule_leaves_other_title_lines_alone(page: str, title: str, site: str) -> None:
    out = run(page)
    assert out.get("title") == title
    assert out.get("site_name") == site


def test_a_banner_piece_under_the_title_line_is_no_reworded_headline() -> None:
    # "Post – Site - Tagline" and the banner "Site – Tagline" (its dashes written apart)
    # right under it: the title line keeps the post's words, not the banner's
    banner = "Lantern – The Craft Blog Covering the Best in Paper Fashion"
    page = (
        "Leaf Garland Ideas for the Autumn Table – Lantern - The Craft Blog Covering the Best in Paper Fashion\n"
        f"{banner}\n{NAV}\n{PARA}\n{PARA2}\n"
    )
    out = run(page)
    assert out.get("title") != banner
    assert out.get("title", "").startswith("Leaf Garland Ideas for the Autumn Table")


def test_a_reworded_headline_over_the_story_is_still_taken() -> None:
    # the same kind of line further down, over the story, is the headline printed there
    page = (
        "Council vote: Council backs the valley water plan after long debate - The Courier\n"
        f"{NAV}\nCouncil backs the valley water plan\n{PARA}\n{PARA2}\n"
    )
    out = run(page)
    assert out.get("title") == "Council backs the valley water plan"
    assert [d.data["rule"] for d in out.decisions if d.reason == "title_line"] == ["story_headline"]


# -- a page title ending in a sentence after its pipe ------------------------------
@pytest.mark.parametrize(
    ("first", "title", "site"),
    [
        # a site name ending with a full stop or an ellipsis made the line read as prose
        (
            "Council backs the valley water plan | News of the Northern Valley...",
            "Council backs the valley water plan",
            "News of the Northern Valley...",
        ),
        (
            "Council backs the valley water plan | How Does the Valley Vote...",
            "Council backs the valley water plan",
            None,
        ),
        (
            "Council backs the valley water plan in a late vote | Courier.",
            "Council backs the valley water plan in a late vote",
            "Courier.",
        ),
        # a tagline written as a sentence after the site name
        (
            "Council backs the valley water plan | Courier - We report on the valley and its towns every day.",
            "Council backs the valley water plan",
            "Courier",
        ),
    ],
)
def test_a_sentence_after_the_pipe_of_a_first_line_is_the_site_and_tagline(
    first: str, title: str, site: str | None
) -> None:
    out = run(f"{first}\n{NAV}\n{PARA}\n{PARA2}\n")
    assert out.get("title") == title
    assert out.get("site_name") == site
    assert first not in out.text


@pytest.mark.parametrize(
    "first",
    [
        # running text with a pipe in it: the part before it is no headline
        "The council approved the plan on Tuesday after a long debate, officials said. | More later today.",
        # a pipe that is not the first line's
        None,
    ],
)
def test_running_text_with_a_pipe_is_no_title(first: str | None) -> None:
    opening = (
        f"{first}\n"
        if first
        else f"{PARA}\nWe report on the valley | and its towns, every day of the week and all year long.\n"
    )
    text = f"{opening}{PARA}\n{PARA2}\n"
    out = run(text)
    assert out.get("title") is None
    assert out.text == text


# -- titles in scripts written with combining marks -------------------------------
HINDI_PARA = (
    "परिषद ने मंगलवार को लंबी बहस के बाद घाटी के किसानों के लिए नई सिंचाई योजना को मंजूरी दे दी, अधिकारियों ने बताया।"
)
HINDI_PARA2 = "किसान कई वर्षों से इस योजना की मांग कर रहे थे और उनमें से कई लोग मतदान देखने के लिए राजधानी तक गए थे।"


def test_a_title_line_in_an_indic_script_is_mostly_letters() -> None:
    # its vowel signs are combining marks: counted with the letters, the line is a headline
    page = f"परिषद ने सिंचाई योजना को मंजूरी दी | घाटी समाचार\nमुखपृष्ठ\nदेश\nखेल\n{HINDI_PARA}\n{HINDI_PARA2}\n"
    out = run(page)
    assert out.get("title") == "परिषद ने सिंचाई योजना को मंजूरी दी"
    assert out.get("site_name") == "घाटी समाचार"


def test_a_story_in_an_indic_script_gets_no_title() -> None:
    text = f"{HINDI_PARA}\n{HINDI_PARA2}\n"
    out = run(text)
    assert out.get("title") is None
    assert out.text == text


# -- a page title written as a sentence -------------------------------------------
def test_a_first_line_with_a_full_stop_is_the_title_when_the_header_prints_it_without() -> None:
    page = (
        "Council approves the water plan after a long debate.\n"
        f"{NAV}\n"
        "Council approves the water plan after a long debate\n"
        "By Ann Lee\n"
        f"{PARA}\n{PARA2}\n"
    )
    out = run(page)
    assert out.get("title") == "Council approves the water plan after a long debate"
    assert out.get("authors") == ["Ann Lee"]
    assert "Council approves" not in out.text


@pytest.mark.parametrize(
    "first",
    [
        # control: a story that opens with a short sentence has no title line
        "Council approves the water plan after a long debate.",
        # control: a short first paragraph is no headline, whatever the story repeats
        # (the headline-over-the-story rule reads only under a header)
        "The council approved the new water plan.",
    ],
)
def test_a_first_sentence_without_a_copy_stays_text(first: str) -> None:
    text = f"{first}\n{PARA}\n{PARA2}\n"
    out = run(text)
    assert out.get("title") is None
    assert out.text == text


@pytest.mark.parametrize(
    ("first", "title"),
    [
        (
            "Council approves the new water plan for the valley after a long debate.",
            "Council approves the new water plan for the valley after a long debate",
        ),
        # two sentences: running text, and its copy is no headline either
        ("Council approves the plan. Farmers cheer the vote in the valley.", None),
    ],
)
def test_sentence_shaped_first_lines(first: str, title: str | None) -> None:
    page = f"{first}\n{NAV}\n{first.rstrip('.')}\n{PARA}\n{PARA2}\n"
    assert run(page).get("title") == title


# -- a page without running text ------------------------------------------------------
def test_a_title_printed_twice_heads_a_page_without_prose() -> None:
    page = (
        "The Finest Lighthouse Postcard of the Decade\n"
        "Knots and Lanterns\n"
        f"{NAV}\n"
        "The Finest Lighthouse Postcard of the Decade\n"
        "Wow, just wow.\n"
        "Leave a reply\n"
    )
    out = run(page)
    assert out.get("title") == "The Finest Lighthouse Postcard of the Decade"


def test_a_bare_line_without_prose_or_copy_is_still_a_note() -> None:
    out = run("The Finest Lighthouse Postcard of the Decade\nKnots and Lanterns\nWow, just wow.\n")
    assert out.get("title") is None


# -- the headline printed fuller than the page title ------------------------------
def test_a_copy_with_a_leading_article_is_the_fuller_headline() -> None:
    page = (
        "Larks Reunite With Their Old Drummer for a Harbour Tour - Music Weekly\n"
        f"{NAV}\n"
        "The Larks Reunite With Their Old Drummer for a Harbour Tour\n"
        f"{PARA}\n{PARA2}\n"
    )
    out = run(page)
    assert out.get("title") == "The Larks Reunite With Their Old Drummer for a Harbour Tour"
    assert out.get("site_name") == "Music Weekly"


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Breaking Larks Reunite With Their Old Drummer for a Harbour Tour", "a kicker, no function word"),
        ("Comments Off on Larks Reunite With Their Old Drummer for a Harbour Tour", "a widget label"),
        ("Home Music Larks Reunite With Their Old Drummer for a Harbour Tour", "a breadcrumb glued on"),
        ("Larks Reunite With Their Old Drummer for a Harbour Tour | Music Weekly", "a separator: site name"),
    ],
)
def test_other_words_around_a_copy_are_not_the_headline(line: str, why: str) -> None:
    title = "Larks Reunite With Their Old Drummer for a Harbour Tour"
    page = f"{title} - Music Weekly\n{NAV}\n{line}\n{PARA}\n{PARA2}\n"
    assert run(page).get("title") == title, why


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_controls_get_no_title_or_byline_from_these_rules(path: Path) -> None:
    # the title rules here and the author-box byline (tests/stages/test_byline.py) leave stories alone
    text = path.read_text(encoding="utf-8")
    out = run(text)
    assert out.get("title") is None
    assert out.get("authors") is None
    assert out.text == text


@pytest.mark.parametrize(
    ("first", "title"),
    [
        # a brand mark glued to the site name: the line is the page title
        ("Council approves the water plan | The Courier©", "Council approves the water plan"),
        # copyright notices are no title lines
        ("© 2020 The Courier. All rights reserved", None),
        ("Copyright ©2020 The Courier", None),
        ("All content © The Courier", None),
        ("The Courier©2020", None),
    ],
)
def test_a_copyright_sign_glued_to_a_site_name_is_no_notice(first: str, title: str | None) -> None:
    out = run(first + "\n" + NAV + "\n" + PARA + "\n" + PARA2 + "\n")
    assert out.get("title") == title


def _story_headline_in_order(title, later, v, title_line):  # type: ignore[no-untyped-def]
    """story_headline with its tests in their plain order: headline shape, banner, shared words."""
    from newsclean.stages import _title as t

    best = None
    words = t._content_words(title)
    piece_of = t._dash_fold(title_line[1])
    for ln in later:
        s = ln.text.strip()
        if len(s) < t.SAME_STORY_LENGTH * len(title) or not t._title_like(s, v):
            continue
        if (
            ln.index - title_line[0] <= t.BANNER_REACH
            and len(s) < len(title_line[1].strip())
            and t._dash_fold(s) in piece_of
        ):
            return None
        if len(t._content_words(s) & words) < t.SAME_STORY_WORDS:
            continue
        score = t.headline_similarity(s, title)
        if score >= t.SAME_STORY and (best is None or score >= best[1]):
            best = (ln, score)
    return best


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("Council backs the valley water plan", ["Menu", "Valley water plan backed by council", "Sports"]),
        ("Die Straße wird gesperrt", ["STRASSE GESPERRT AB MONTAG", "Die Strasse wird gesperrt heute"]),
        ("ΟΔΟΣ ΚΛΕΙΣΤΗ ΣΗΜΕΡΑ ΤΟ ΠΡΩΙ", ["Η οδος κλειστη σημερα το πρωι", "Οδός κλειστή"]),
        ("Plan", ["Plan approved by the council today", "Another plan"]),
        (
            "Lantern Blog: Leaf Garland Ideas",
            ["Lantern Blog", "Leaf Garland Ideas for Autumn", "Leaf Garland Ideas"],
        ),
        (
            "Storm closes schools across the valley",
            ["Storm closes schools", "Schools closed as storm hits valley"],
        ),
    ],
)
def test_story_headline_reads_shared_words_before_the_headline_shape(title: str, lines: list[str]) -> None:
    from newsclean.stages._header import _vocab
    from newsclean.stages._lines import Line
    from newsclean.stages._title import story_headline

    later = [Line(i + 1, 0, len(s), s) for i, s in enumerate(lines)]
    title_line = (0, title + " | Site")
    v = _vocab()
    assert story_headline(title, later, v, title_line=title_line) == _story_headline_in_order(
        title, later, v, title_line
    )


@pytest.mark.parametrize(
    "line",
    [
        "Council backs the valley water plan",
        "COUNCIL BACKS THE VALLEY WATER PLAN",
        "Council  backs the valley\twater plan",
        "Breaking: Council backs the valley water plan | The Courier",
        "The valley water plan is backed by the council",
        "Councillors back the valley water plan today",
        "Storm closes schools across the valley today",
        "Conseil : le plan d’eau de la vallée est adopté",
    ],
)
@pytest.mark.parametrize(
    "title",
    [
        "Council backs the valley water plan",
        "  Council backs the valley water plan",
        "Conseil : le plan d'eau",
    ],
)
def test_repeats_answers_as_its_two_tests(line: str, title: str) -> None:
    # the first-word look-up on ASCII lines only skips lines that neither test takes
    from newsclean.stages._header import _fold, _norm
    from newsclean.stages._title import _repeats

    s = line.strip()
    fits = len(title) * 0.8 <= len(s) <= len(title) * 1.2 + 60
    want = fits and (
        _norm(s) == _norm(title)
        or (len(s) - len(title) <= 60 and len(title) >= 10 and _fold(title) in _fold(s))
    )
    assert _repeats(line, title, _norm(title), _fold(title)) == want


# -- a first line opening with an interface cue, its headline printed again -------------
@pytest.mark.parametrize(
    ("first", "copy", "title", "site"),
    [
        # the page title opens with a cue word and the header prints its headline: the title
        (
            "Listen to the Harbour Band Live Tonight | Valley Radio",
            "Listen to the Harbour Band Live Tonight",
            "Listen to the Harbour Band Live Tonight",
            "Valley Radio",
        ),
        (
            "Photo Prizes Go to Three Valley Schools - Northern Courier",
            "Photo Prizes Go to Three Valley Schools",
            "Photo Prizes Go to Three Valley Schools",
            "Northern Courier",
        ),
        # the copy is a cue with a word after it: interface text, the scan goes on as before
        ("Listen to podcasts | Valley Radio", "Listen to podcasts", "Council Backs Water Plan", None),
        # no copy: the scan goes on to the next title line, as before
        (
            "Listen to the Harbour Band Live Tonight | Valley Radio",
            "Weather",
            "Council Backs Water Plan",
            None,
        ),
    ],
)
def test_a_cued_first_line_with_a_headline_copy_is_the_title(
    first: str, copy: str, title: str, site: str | None
) -> None:
    page = f"{first}\n{NAV}\n{copy}\nCouncil Backs Water Plan\n{PARA}\n{PARA2}\n"
    out = run(page)
    assert out.get("title") == title
    assert out.get("site_name") == site


def test_cued_title_copy_reads_only_cued_first_lines() -> None:
    from newsclean.stages._header import _vocab
    from newsclean.stages._lines import Line
    from newsclean.stages._title import cued_title_copy

    later = [Line(1, 50, 79, "Council Backs the Water Plan")]
    # no cue: the ordinary title rules read this line
    assert cued_title_copy("Council Backs the Water Plan | Valley Courier", later, _vocab()) is None


# -- no title line in the header: the headline over the story that the story restates ----
#: a navigation bar longer than the lines in which a title is looked for (``TITLE_SCAN``)
LONG_NAV = "\n".join([NAV] * 6)


def test_the_headline_over_the_story_is_the_title_when_the_header_has_none() -> None:
    page = f"Home\n{LONG_NAV}\nCouncil approves valley water plan\nValley Bureau\nAdvertisement\n{PARA}\n{PARA2}\n"
    out = run(page)
    assert out.get("title") == "Council approves valley water plan"
    assert "Council approves valley water plan" not in out.text
    rule = [d.data["rule"] for d in out.decisions if d.reason == "title_line"]
    assert rule == ["over_story"]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Storm closes three mountain schools", "the story does not restate it: a related headline"),
        ("Most read this week", "no content words the story repeats"),
        ("(Council approves valley water plan)", "in brackets"),
    ],
)
def test_a_line_over_the_story_that_it_does_not_restate_is_no_title(line: str, why: str) -> None:
    page = f"Home\n{LONG_NAV}\n{line}\nAdvertisement\n{PARA}\n{PARA2}\n"
    out = run(page)
    assert out.get("title") is None, why
    assert line in out.text


@pytest.mark.parametrize(
    ("headline", "lede", "support"),
    [
        # council, water, plan of five content words; "approves" is not "approved"
        ("Council approves valley water plan", PARA, 0.6),
        ("Council approves valley water plan", f"{PARA} {PARA2}", 0.8),
        ("Storm closes three mountain schools", PARA, 0.0),
        ("Water", PARA, 0.0),  # one content word: too few to tell
    ],
)
def test_lede_support(headline: str, lede: str, support: float) -> None:
    from newsclean.stages._title import lede_support

    assert lede_support(headline, lede) == pytest.approx(support)
