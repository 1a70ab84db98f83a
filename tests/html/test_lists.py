"""Tests of related-story and tag lists read from HTML (``newsclean.html.lists``).

All pages are small hand-written HTML, written for these tests.
"""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.html.lists import list_heading

P1 = "The river rose two metres overnight and the old bridge was closed to traffic by the police."
P2 = "Residents of the lower town were asked to move their cars to higher ground before noon today."


def page(after: str, inside: str = "") -> str:
    return (
        "<html lang='en'><head><title>Bridge closed</title></head><body>"
        f"<article><h1>Bridge closed</h1><p>{P1}</p>{inside}<p>{P2}</p></article>{after}</body></html>"
    )


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Related stories", "related"),
        ("More on this topic:", "related"),
        ("Lesen Sie auch", "related"),
        ("À lire aussi", "related"),
        ("Tags", "tags"),
        ("Schlagwörter:", "tags"),
        ("Filed under", "tags"),
        ("The council voted on Tuesday", None),
        ("Related costs rose sharply in every district last year", None),
        ("", None),
    ],
)
def test_list_heading(text: str, field: str | None) -> None:
    assert list_heading(text) == field


def _every_heading_form() -> list[str]:
    from newsclean.html.lists import _headings
    from newsclean.html.tokens import vocabulary_data

    raw = vocabulary_data()["list_headings"]
    entries = [e for field in ("related", "tags") for e in raw[field]]
    assert len(_headings()) > 20
    # each entry as written, in capitals with punctuation around it, and followed by one and two words
    return [
        form
        for e in entries
        for form in (e, f"» {e.upper()}:", f"{e} today", f"{e}, from us")
        if len(form) <= 60
    ]


def test_every_list_heading_passes_the_last_word_filter() -> None:
    # the filter (a heading's last word somewhere in the text) never refuses a heading: every
    # vocabulary entry, however written, is read as the same heading the normalisation alone gives
    from newsclean.html.lists import _FIELDS, _PUNCT, _headings

    headings = _headings()
    for form in _every_heading_form():
        words = _PUNCT.sub(" ", form.lower()).split()
        found = [
            headings.get(" ".join(words[:n])) for n in (len(words), len(words) - 1, len(words) - 2) if n > 0
        ]
        unfiltered = next((f for f in _FIELDS if f in found), None)
        assert unfiltered is not None, form
        assert list_heading(form) == unfiltered, form


def test_related_widget_by_class_gives_headlines_in_order_without_bullets() -> None:
    html = page(
        "<div class='related-posts'><ul>"
        "<li><a href='/a'>• Flood defences to be rebuilt next year</a></li>"
        "<li><a href='/b'>2. Town council approves emergency fund</a></li>"
        "<li><a href='/c'>More</a></li></ul></div>"
    )
    article = clean(html)
    assert article.related == (
        "Flood defences to be rebuilt next year",
        "Town council approves emergency fund",
    )
    assert "Flood defences" not in article.text


def test_headed_list_gives_related() -> None:
    html = page(
        "<div class='box'><h3>More on this topic</h3><ul>"
        "<li><a href='/a'>River levels reach a ten-year high</a></li>"
        "<li><a href='/b'>How the old bridge was built in 1890</a></li></ul></div>"
    )
    assert clean(html).related == (
        "River levels reach a ten-year high",
        "How the old bridge was built in 1890",
    )


def test_rel_tag_links_and_tag_widget_give_tags() -> None:
    html = page(
        "<div class='post-tags'><a href='/t/floods'>Floods</a> <a href='/t/weather'>Weather</a></div>"
        "<p>Topics: <a rel='tag' href='/t/bridges'>Bridges</a> <a rel='tag' href='/t/floods'>floods</a></p>"
    )
    tags = clean(html).tags
    assert tags[:3] == ("Floods", "Weather", "Bridges")
    assert len(tags) == 3  # "floods" repeats "Floods"


def test_links_in_the_story_are_not_taken() -> None:
    inside = (
        "<p>The <a href='/r'>council's flood report</a>, published last spring, "
        "warned that the bridge would not survive a second winter of high water.</p>"
    )
    article = clean(page("", inside))
    assert article.related == ()
    assert article.tags == ()
    assert "council's flood report, published last spring" in article.text


def test_tag_links_from_the_metadata_walk_read_as_the_page_links() -> None:
    from newsclean.html.content import extract_content
    from newsclean.html.meta import read_metadata
    from newsclean.html.parse import parse_html

    html = page(
        "<p>Topics: <a rel='Tag nofollow' href='/t/bridges'>Bridges</a></p>"
        "<noscript><a rel='tag' href='/t/hidden'>Hidden</a></noscript>"
        "<template><a rel='tag' href='/t/template'>Template</a></template>"
        "<p><a rel='tagged' href='/t/no'>Not a tag</a> <a rel='tag' href='/t/rivers'>Rivers</a></p>"
    )
    results = []
    for given in (True, False):
        root, _ = parse_html(html)
        assert root is not None
        meta = read_metadata(root)
        assert len(meta.tag_links) == 4  # the walk runs before scripts and the like are removed
        links = meta.tag_links if given else None
        results.append(
            extract_content(root, headlines=meta.headlines, marks=meta.body_marks, tag_links=links)
        )
    assert results[0].tags == results[1].tags
    assert {"Bridges", "Rivers"} <= set(results[0].tags)
    assert not {"Hidden", "Template"} & set(results[0].tags)  # removed with their elements


@pytest.mark.parametrize(
    ("label", "lang"),
    [
        ("Read also:", "en"),
        ("Lesen Sie auch:", "de"),
        ("Lire aussi :", "fr"),
        ("Lee también:", "es"),
        ("Leggi anche:", "it"),
        ("Leia também:", "pt"),
        ("Lees ook:", "nl"),
    ],
)
def test_an_inline_read_also_link_removed_from_the_story_is_kept_in_related(label: str, lang: str) -> None:
    inside = f"<p>{label} <a href='/flood'>Flood defences to be rebuilt next year</a></p>"
    article = clean(page("", inside).replace("lang='en'", f"lang='{lang}'"))
    assert "Flood defences to be rebuilt next year" in article.related
    assert "Flood defences" not in article.text


def test_a_labelled_tag_line_removed_from_the_story_gives_its_tags() -> None:
    inside = "<p>Tags: <a href='/t/floods'>floods</a>, <a href='/t/bridges'>bridges</a></p>"
    article = clean(page("", inside))
    assert article.tags == ("floods", "bridges")


def test_a_headline_listed_inline_and_under_a_list_heading_is_kept_once() -> None:
    inside = "<p>Read also: <a href='/flood'>Flood defences to be rebuilt next year</a></p>"
    after = (
        "<aside><h3>More on this topic</h3><ul>"
        "<li><a href='/flood'>Flood defences to be rebuilt next year</a></li>"
        "<li><a href='/ferry'>Ferry service resumes after the storm</a></li></ul></aside>"
    )
    article = clean(page(after, inside))
    assert article.related == (
        "Flood defences to be rebuilt next year",
        "Ferry service resumes after the storm",
    )


def test_a_link_repeating_its_label_loses_it_and_a_link_off_the_line_is_no_item() -> None:
    inside = (
        "<div><a href='/sleep'>Recommended: Why some people sleep through every storm</a>"
        "<br><a href='/share'>Share this story on every network</a></div>"
    )
    article = clean(page("", inside))
    assert article.related == ("Why some people sleep through every storm",)


def test_a_removed_block_with_a_colon_but_no_list_label_gives_no_field() -> None:
    inside = "<p>Officials said: <a href='/x'>see the full statement of the council today</a></p>"
    article = clean(page("", inside))
    assert article.related == ()
    assert article.tags == ()


def test_a_labelled_tag_list_running_onto_more_lines_gives_every_tag_and_stops_where_the_list_ends() -> None:
    inside = (
        "<p>Tags: <a href='/t/floods'>floods</a>,<br><a href='/t/bridges'>bridges</a>,<br>"
        "<a href='/t/weather'>weather</a><br><a href='/share'>Facebook</a><br><a href='/mail'>Email</a></p>"
    )
    article = clean(page("", inside))
    assert article.tags == ("floods", "bridges", "weather")


def test_a_line_after_a_labelled_tag_line_that_ends_without_a_separator_is_not_read() -> None:
    inside = (
        "<p>Tags: <a href='/t/floods'>floods</a>, <a href='/t/bridges'>bridges</a><br>"
        "Posted by <a href='/a/desk'>Mara Vell</a> in <a href='/c/local'>Local</a></p>"
    )
    article = clean(page("", inside))
    assert article.tags == ("floods", "bridges")
