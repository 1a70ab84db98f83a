"""Tests of safe HTML parsing (``newsclean.html.parse``)."""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.errors import InputError
from newsclean.html.parse import Parser, close_title, parse_html

PAGE = "<html><body><p>Rain fell all day.</p><!-- a note --></body></html>"


@pytest.mark.parametrize(
    ("text", "why"),
    [("", "empty"), ("  \n\t", "white space"), ("<?xml version='1.0'?>  ", "only an XML declaration")],
)
def test_nothing_to_parse_gives_no_root(text: str, why: str) -> None:
    root, warnings = parse_html(text)
    assert root is None and warnings == [], why


@pytest.mark.parametrize("parser", ["lxml", "html.parser"])
def test_both_parsers_give_the_same_text(parser: Parser) -> None:
    root, warnings = parse_html(PAGE, parser=parser)
    assert root is not None and warnings == []
    assert "".join(root.itertext()) == "Rain fell all day."  # the comment is gone


def test_xml_declaration_is_set_aside() -> None:
    root, _ = parse_html("<?xml version='1.0' encoding='utf-8'?>" + PAGE)
    assert root is not None and root.tag == "html"


def test_nesting_over_the_parser_limit_is_cut_with_a_warning() -> None:
    n = 5_000
    root, warnings = parse_html("<html><body>" + "<div>" * n + "deep" + "</div>" * n + "</body></html>")
    assert root is not None
    assert any("nested too deeply" in w for w in warnings)


def test_unknown_parser_is_a_typed_error() -> None:
    with pytest.raises(InputError, match="lxml"):
        parse_html(PAGE, parser="html5")  # type: ignore[arg-type]


STORY = "<p>The council approved the budget on Tuesday after a debate that ran late into the night.</p>"


@pytest.mark.parametrize(
    ("page", "closed"),
    [
        ("<html><head><title>Storm hits</head><body>", "<html><head><title>Storm hits</title></head><body>"),
        ("<TITLE lang='en'>Storm hits\n<BODY>", "<TITLE lang='en'>Storm hits\n</title><BODY>"),
        ("<title>Storm &lt;live&gt; < 5 dead<p>", "<title>Storm &lt;live&gt; < 5 dead</title><p>"),
    ],
)
def test_an_unclosed_title_ends_at_the_next_tag(page: str, closed: str) -> None:
    assert close_title(page) == closed


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Storm hits</title></head><body><p>Rain.</p>",
        "<head><title>A <b> in a title</TITLE ></head>",  # raw text up to its end tag, as browsers read it
        "<body><p>No title at all</p></body>",
        "<title>Storm hits",  # nothing after it to cut off
        "<body><svg><title>Chart</title></svg><p>Rain.</p></body>",
    ],
)
def test_a_closed_or_absent_title_is_left_alone(page: str) -> None:
    assert close_title(page) is page


def test_markup_after_an_unclosed_title_stays_the_page() -> None:
    article = clean(f"<html><head><title>Storm hits</head><body>{STORY * 3}</body></html>")
    assert article.title == "Storm hits"
    assert article.paragraphs and "council approved" in article.paragraphs[0]
    assert "<" not in article.title


def test_lxml_trees_hold_only_elements_and_text() -> None:
    # The HTML stage tells the content pass so (``elements_only``) instead of it looking.
    from newsclean.html.blocks import _has_other_nodes

    root, _ = parse_html(
        "<!DOCTYPE html><?xml-stylesheet href='a'?><html><!-- note --><body>"
        "&amp; &nbsp; &unknown; &#x41;<?php echo 1 ?><p>Rain <!-- x -->fell.</p></body></html>"
    )
    assert root is not None
    assert not _has_other_nodes(root)
