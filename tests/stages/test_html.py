"""Tests of the HTML stage (``extract_html``), end to end through the stage.

All pages here are small hand-written HTML, written for these tests.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Pipeline, replay
from newsclean.document import Document
from newsclean.errors import ConfigError, InputError
from newsclean.html import from_soup
from newsclean.inputs import load
from newsclean.stages.html import ExtractHtml, extract_html

P1 = "The city council approved the new budget on Tuesday after a long debate about school funding."
P2 = "Council members said the plan would add three hundred teachers over the next two years, officials said."
P3 = "Opponents argued that the spending increase was not sustainable and promised to revisit it next year."


def run(html: str, **kwargs: object) -> Document:
    return extract_html(load(html, kind="html"))


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html lang='en-GB'><head>{head}</head><body>{body}</body></html>"


ARTICLE = f"<article><h1>Council passes budget</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"


# -- main content ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noise", "reason", "why"),
    [
        (
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>",
            "html_nav",
            "nav tag",
        ),
        ("<footer><p>© 2024 Metro Daily. All rights reserved.</p></footer>", "html_footer", "footer tag"),
        (
            "<div role='navigation'><a href='/a'>Politics</a><a href='/b'>Business</a></div>",
            "html_nav",
            "ARIA role",
        ),
        (
            "<div class='related-stories'><h3>More from Metro</h3><p>Mayor opens new library in the north of the city this week.</p></div>",
            "html_related",
            "related block",
        ),
        (
            "<div class='social-share'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div>",
            "html_share",
            "share bar",
        ),
        (
            "<div id='cookieConsent'><p>We use cookies to improve your experience on our website.</p></div>",
            "html_cookie",
            "cookie banner (camelCase id)",
        ),
        (
            "<section class='newsletter-signup'><p>Get the morning briefing in your inbox every day.</p></section>",
            "html_newsletter",
            "newsletter call-out",
        ),
        (
            "<div id='comments'><p>Great article, I fully agree with the council and its decision today.</p></div>",
            "html_comments",
            "comment section",
        ),
        (
            "<div style='display: none'><p>Hidden promotional text for search engines only.</p></div>",
            "html_hidden",
            "inline style",
        ),
        (
            "<div hidden><p>Old version of the paragraph kept hidden by the template.</p></div>",
            "html_hidden",
            "hidden attribute",
        ),
        (
            "<aside><p>Fact box: the city has 40 schools and 12,000 teachers.</p></aside>",
            "html_aside",
            "aside tag",
        ),
        ("<div class='ad-slot'>Advertisement</div>", "html_ads", "ad slot"),
    ],
)
def test_noise_dropped_and_logged(noise: str, reason: str, why: str) -> None:
    doc = run(page(noise + ARTICLE + noise))
    assert doc.text.split("\n") == [P1, P2, P3], why
    reasons = {e.reason for e in doc.edits if e.stage == "extract_html"}
    assert reason in reasons, why


def test_paragraphs_kept_in_order_with_lists_quotes_and_subheads() -> None:
    body = (
        "<main><article>"
        f"<p>{P1}</p><h2>What changes</h2><ul><li>More teachers in every district.</li>"
        "<li>Smaller classes.</li></ul>"
        f"<blockquote>“This is a good day for our schools,” the mayor said.</blockquote><p>{P2}</p>"
        "</article></main>"
    )
    doc = run(page(body))
    assert doc.text.split("\n") == [
        P1,
        "What changes",
        "More teachers in every district.",
        "Smaller classes.",
        "“This is a good day for our schools,” the mayor said.",
        P2,
    ]


def test_story_split_by_ad_slots_is_joined() -> None:
    body = (
        f"<div class='story-part'><p>{P1}</p></div><div class='ad-rail'><p>Buy now</p></div>"
        f"<div class='story-part'><p>{P2}</p><p>{P3}</p></div>"
        "<div class='sidebar'><p>Weather: sunny, 21 degrees, light wind from the west.</p></div>"
    )
    assert run(page(body)).text.split("\n") == [P1, P2, P3]


def test_link_list_inside_article_dropped() -> None:
    links = "<p><a href='/1'>Budget explained in five charts</a></p>"
    doc = run(page(f"<article><p>{P1}</p>{links}<p>{P2}</p></article>"))
    assert doc.text.split("\n") == [P1, P2]
    assert any(e.reason == "html_link_dense" for e in doc.edits)


def test_headline_goes_to_title_not_body() -> None:
    head = "<title>Council passes budget | Metro Daily</title><meta property='og:site_name' content='Metro Daily'>"
    doc = run(page(ARTICLE, head))
    assert doc.get("title") == "Council passes budget"
    assert "Council passes budget" not in doc.text
    title_edits = [e for e in doc.edits if e.reason == "html_title"]
    assert len(title_edits) == 1 and title_edits[0].action == "extract"


def test_page_wide_wrapper_with_boilerplate_class_is_kept() -> None:
    body = (
        f"<div class='layout has-sidebar'><div class='page-wrap sidebar-layout-right'>{ARTICLE}</div></div>"
    )
    assert run(page(body)).text.split("\n")[-3:] == [P1, P2, P3]


def test_article_body_marker_protects_content() -> None:
    body = f"<div class='social'><div itemprop='articleBody'><p>{P1}</p><p>{P2}</p></div></div>"
    assert run(page(body)).text.split("\n") == [P1, P2]


def test_table_row_is_one_line() -> None:
    table = "<table><tr><th>Team</th><th>Points</th></tr><tr><td>Lions</td><td>42</td></tr></table>"
    doc = run(page(f"<article><p>{P1}</p>{table}<p>{P2}</p></article>"))
    assert "Lions 42" in doc.text.split("\n")


def test_edits_describe_removed_blocks() -> None:
    doc = run(page("<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>" + ARTICLE))
    nav = [e for e in doc.edits if e.reason == "html_nav"]
    assert len(nav) == 1
    edit = nav[0]
    assert (edit.stage, edit.action, edit.after, edit.start, edit.end) == (
        "extract_html",
        "remove",
        "",
        None,
        None,
    )
    assert edit.before == "Home News"
    assert doc.base_index == len(doc.edits)  # the text stages start from the extracted text


def test_rebase_makes_replay_hold() -> None:
    doc = run(page(ARTICLE))
    assert doc.base_text == doc.text
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text


# -- clean controls ----------------------------------------------------------------------


def test_text_document_untouched() -> None:
    doc = Document.from_text("<nav>not html at all</nav>\nA plain line.", kind="text")
    assert extract_html(doc) is doc


def test_clean_article_page_loses_nothing() -> None:
    doc = run(page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"))
    assert doc.text.split("\n") == [P1, P2, P3]
    assert not [e for e in doc.edits if e.stage == "extract_html"]


# -- metadata ---------------------------------------------------------------------------------

JSON_LD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Metro Daily"},
        {
            "@type": ["NewsArticle"],
            "headline": "Council passes budget",
            "datePublished": "2024-03-05T09:30:00+01:00",
            "dateModified": "2024-03-05T12:00:00Z",
            "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Tom Berg"}],
            "publisher": {"@type": "Organization", "name": "Metro Daily"},
            "keywords": "budget, schools, council",
            "articleSection": "Local",
            "inLanguage": "en-GB",
        },
    ],
}


def test_json_ld_metadata() -> None:
    head = f"<script type='application/ld+json'>{json.dumps(JSON_LD)}</script>"
    doc = run(f"<html><head>{head}</head><body>{ARTICLE}</body></html>")
    assert doc.get("title") == "Council passes budget"
    assert doc.get("site_name") == "Metro Daily"
    assert doc.get("authors") == ("Ana Ruiz", "Tom Berg")
    assert doc.get("tags") == ("budget", "schools", "council")
    assert doc.get("section") == "Local"
    assert doc.get("language") == "en"
    dates = {(d.source, d.kind): d.value for d in doc.get("dates")}
    assert dates[("json-ld:datePublished", "published")] == "2024-03-05T09:30:00+01:00"
    assert dates[("json-ld:dateModified", "updated")] == "2024-03-05T12:00:00+00:00"
    assert doc.get("published") is None  # the date stage decides


def test_meta_and_og_metadata() -> None:
    head = (
        "<title>Council passes budget - Metro Daily</title>"
        "<meta property='og:title' content='Council passes budget'>"
        "<meta property='og:site_name' content='Metro Daily'>"
        "<meta name='author' content='By Ana Ruiz'>"
        "<meta name='keywords' content='budget; schools'>"
        "<meta property='article:published_time' content='2024-03-05'>"
        "<meta property='article:modified_time' content='2024-03-06T08:00:00'>"
        "<meta property='article:section' content='Local'>"
        "<link rel='canonical' href='https://metro.example/budget'>"
    )
    doc = run(page(ARTICLE, head))
    assert doc.get("title") == "Council passes budget"
    assert doc.get("authors") == ("Ana Ruiz",)
    assert doc.get("tags") == ("budget", "schools")
    assert doc.get("section") == "Local"
    assert doc.get("language") == "en"
    assert doc.extra["html"]["canonical_url"] == "https://metro.example/budget"
    values = {d.source: (d.value, d.kind) for d in doc.get("dates")}
    assert values["meta:article:published_time"] == ("2024-03-05", "published")
    assert values["meta:article:modified_time"] == ("2024-03-06T08:00:00", "updated")


def test_time_element_dates() -> None:
    body = (
        "<article><p>Posted <time datetime='2024-03-05T09:30:00+01:00' class='published'>5 March</time></p>"
        f"<p>{P1}</p><p>Updated <time datetime='2024-03-07' class='updated'>7 March</time></p></article>"
    )
    dates = run(page(body)).get("dates")
    assert ("2024-03-05T09:30:00+01:00", "published", "time[datetime]") in [
        (d.value, d.kind, d.source) for d in dates
    ]
    assert ("2024-03-07", "updated", "time[datetime]") in [(d.value, d.kind, d.source) for d in dates]


def test_unparsed_date_string_kept_in_extra() -> None:
    head = "<meta name='date' content='5 March 2024'>"
    doc = run(page(ARTICLE, head))
    assert [(d["value"], d["kind"], d["source"]) for d in doc.extra["html"]["date_strings"]] == [
        ("5 March 2024", "published", "meta:date")
    ]


def test_broken_json_ld_ignored() -> None:
    head = '<script type=\'application/ld+json\'>{"@type": "NewsArticle", "headline": </script>'
    doc = run(page(ARTICLE, head))
    assert doc.text.split("\n") == [P1, P2, P3]


# -- parsers and BeautifulSoup ---------------------------------------------------------------


def test_html_parser_option_gives_same_text() -> None:
    html = page("<nav><a href='/'>Home</a></nav>" + ARTICLE)
    fast = run(html).text
    slow = ExtractHtml(parser="html.parser")(load(html, kind="html")).text
    assert fast == slow == "\n".join([P1, P2, P3])


def test_unknown_parser_is_typed_error() -> None:
    with pytest.raises(InputError):
        ExtractHtml(parser="html5")(load(page(ARTICLE), kind="html"))  # type: ignore[arg-type]


def test_page_path_hands_on_every_block_for_the_text_stages() -> None:
    html = page(
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>" + ARTICLE + "<footer>Contact us</footer>"
    )
    extracted = run(html)
    whole = Pipeline([ExtractHtml(path="page")]).run(html)
    assert extracted.text.split("\n") == [P1, P2, P3]
    assert "whole_page" not in extracted.extra["html"]
    assert whole.extra["html"]["whole_page"] is True
    lines = whole.text.split("\n")
    assert lines.index(P1) < lines.index(P2) < lines.index(P3)
    assert "Contact us" in lines
    assert "Home News" in lines
    assert not [e for e in whole.edits if e.stage == "extract_html" and e.action == "remove"]
    assert replay(whole.base_text, whole.edits[whole.base_index :]) == whole.text


def test_page_path_through_the_default_pipeline_keeps_the_story() -> None:
    from newsclean import default_pipeline

    html = page("<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>" + ARTICLE)
    pipeline = default_pipeline()
    whole = pipeline.replace("extract_html", ExtractHtml(path="page")).run(html)
    assert [line for line in whole.text.split("\n") if line in (P1, P2, P3)] == [P1, P2, P3]
    assert replay(whole.base_text, whole.edits[whole.base_index :]) == whole.text
    assert pipeline.run(html).text == run(html).text  # the default path is the extraction


def test_unknown_path_is_config_error() -> None:
    with pytest.raises(ConfigError, match="path"):
        ExtractHtml(path="text")  # type: ignore[arg-type]


def test_from_soup_round_trip() -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page(ARTICLE), "html.parser")
    doc = Pipeline([ExtractHtml()]).run(from_soup(soup))
    assert doc.text.split("\n") == [P1, P2, P3]
    with pytest.raises(InputError):
        from_soup("<p>not a soup</p>")


# -- hostile input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "why"),
    [
        ("", "empty"),
        ("   \n ", "white space"),
        ("<!-- only a comment --><!-- and another -->", "only comments"),
        ("<html><frameset><frame src='a.html'></frameset></html>", "frameset"),
        ("<html><head><title>T</title></head></html>", "no body"),
        ("<html><body><p>broken <b>bold <i>both</p> tail <div><p>unclosed", "broken markup"),
        (
            "<?xml version='1.0' encoding='utf-8'?><html><body><p>declared</p></body></html>",
            "XML declaration",
        ),
        ("<html><body>" + "<a href='x'>link " * 3000 + "</body></html>", "unclosed links"),
        ("<p>\x00\x01 control \ud800 surrogate</p>", "odd code points"),
        ("<html><body>" + "<div class='share'>x</div>" * 5000 + "</body></html>", "many dropped blocks"),
        ("<table>" + "<tr><td>cell</td></tr>" * 2000, "unclosed table"),
    ],
)
def test_hostile_html_never_crashes(html: str, why: str) -> None:
    doc = extract_html(Document.from_text(html, kind="html"))
    assert isinstance(doc.text, str), why


def test_deep_nesting_is_cut_with_a_warning() -> None:
    n = 100_000
    html = "<html><body>" + "<div>" * n + "deep" + "</div>" * n + "</body></html>"
    doc = extract_html(Document.from_text(html, kind="html"))
    assert any("nested too deeply" in w for w in doc.warnings)


def test_moderately_deep_page_keeps_text() -> None:
    html = "<html><body>" + "<div>" * 1500 + f"<p>{P1}</p>" + "</div>" * 1500 + "</body></html>"
    assert extract_html(Document.from_text(html, kind="html")).text == P1


def test_large_page() -> None:
    paragraph = f"<p>{P1}</p>"
    html = page(paragraph * 40_000)  # about 4 MB
    doc = extract_html(Document.from_text(html, kind="html"))
    assert doc.text.count("\n") == 40_000 - 1


def test_single_text_node_over_libxml2_limit() -> None:
    html = page("<p>" + "word " * 2_200_000 + "</p>")  # an 11 MB text node
    doc = extract_html(Document.from_text(html, kind="html"))
    assert len(doc.text) > 10_000_000


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["p", "div", "li", "nav", "a", "td", "h1", "span"]))
def test_arbitrary_text_in_markup_never_raises(text: str, tag: str) -> None:
    html = f"<html><body><{tag}>{text}</{tag}><p>{text}</p></body></html>"
    doc = extract_html(Document.from_text(html, kind="html"))
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text
    assert "\n\n" not in doc.text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>/=\"' abcdpiv!-&;#x\n"), max_size=400))
def test_markup_soup_never_raises(html: str) -> None:
    extract_html(Document.from_text(html, kind="html"))


def test_canonical_url_and_date_element_candidates() -> None:
    head = "<link rel='canonical' href='https://metro.example/news/2024/03/05/budget'>"
    body = f"<article><div class='post-date'>05.03.2024 10:12</div><p>{P1}</p><p>{P2}</p></article>"
    doc = run(page(body, head))
    assert ("url", "2024-03-05") in {(d.source, d.value) for d in doc.get("dates")}
    # a date with its time is left to the date stage, which reads both
    strings = [(d["source"], d["value"]) for d in doc.extra["html"]["date_strings"]]
    assert ("html:date-element", "05.03.2024 10:12") in strings


def test_ambiguous_date_element_left_for_date_stage() -> None:
    body = f"<article><span class='date'>03/05/2024</span><p>{P1}</p><p>{P2}</p></article>"
    doc = run(page(body))
    assert doc.get("dates") is None
    assert doc.extra["html"]["date_strings"][0]["value"] == "03/05/2024"
