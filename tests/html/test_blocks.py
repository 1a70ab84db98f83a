"""Tests of the prune-and-cut walk (``newsclean.html.blocks``).

All pages are small hand-written HTML, written for these tests.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest

from newsclean.html.blocks import Block, cut_blocks, strip_silent
from newsclean.html.parse import parse_html

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement

P1 = "The river rose two metres overnight and the old bridge was closed to traffic by the police."
P2 = "Residents of the lower town were asked to move their cars to higher ground before noon today."


def parsed(html: str) -> HtmlElement:
    root, _ = parse_html(html)
    assert root is not None
    return root


def blocks_of(html: str) -> list[Block]:
    blocks, _ = cut_blocks(strip_silent(parsed(html)))
    return blocks


def reasons(html: str) -> dict[str, str | None]:
    return {b.text: b.reason for b in blocks_of(html)}


@pytest.mark.parametrize(
    ("element", "reason", "why"),
    [
        ("<nav>Home page</nav>", "html_nav", "structural tag"),
        ("<div role='navigation'>Home page</div>", "html_nav", "ARIA role"),
        ("<div role=' Banner '>Home page</div>", "html_header", "role read trimmed and case-folded"),
        ("<div hidden>Home page</div>", "html_hidden", "hidden attribute"),
        ("<div aria-hidden='true'>Home page</div>", "html_hidden", "aria-hidden"),
        ("<div style='visibility: hidden'>Home page</div>", "html_hidden", "inline style"),
        ("<div class='share-buttons'>Home page</div>", "html_share", "class token"),
        ("<div id='relatedArticles'>Home page</div>", "html_related", "camelCase id token"),
        ("<div class='has-sidebar'>Home page</div>", None, "a state flag names nothing"),
        ("<div class='shared-content'>Home page</div>", None, "'shared' is not 'share'"),
    ],
)
def test_prune_reasons(element: str, reason: str | None, why: str) -> None:
    html = f"<html><body>{element}<p>{P1}</p><p>{P2}</p><p>{P1} {P2}</p></body></html>"
    assert reasons(html)["Home page"] == reason, why


def test_clean_paragraphs_are_blocks_with_no_reason() -> None:
    blocks = blocks_of(f"<html><body><p>{P1}</p><p>{P2}</p></body></html>")
    assert [(b.text, b.dropped, b.reason) for b in blocks] == [(P1, None, None), (P2, None, None)]


def test_silent_elements_leave_no_block() -> None:
    html = f"<html><head><title>T</title></head><body><script>var x = 1;</script><p>{P1}</p><style>p{{}}</style></body></html>"
    assert [b.text for b in blocks_of(html)] == [P1]


def test_wrapper_holding_most_of_the_page_is_kept() -> None:
    html = f"<html><body><form id='aspnetForm'><p>{P1}</p><p>{P2}</p></form><p>Short.</p></body></html>"
    assert reasons(html)[P1] is None


def test_article_body_marker_protects_its_content() -> None:
    html = (
        "<html><body><div class='social'><div itemprop='articleBody'>"
        f"<p>{P1}</p></div></div><p>{P2}</p><p>{P2} {P1}</p></body></html>"
    )
    assert reasons(html)[P1] is None


def test_teaser_article_inside_article_is_related() -> None:
    html = f"<html><body><article><p>{P1}</p><article><p>Bridge reopens</p></article></article></body></html>"
    assert reasons(html)["Bridge reopens"] == "html_related"


def test_inline_markup_joins_and_br_breaks_lines() -> None:
    (block,) = blocks_of(
        "<html><body><p>One <b>bold</b> word<br>and a <a href='/x'>link</a></p></body></html>"
    )
    assert block.lines == ("One bold word", "and a link")
    assert block.link_chars == len("link")
    assert block.link_density == pytest.approx(4 / block.chars)


def test_table_row_reads_as_one_line() -> None:
    html = "<html><body><table><tr><th>Team</th><th>Points</th></tr><tr><td>Lions</td><td>42</td></tr></table></body></html>"
    assert [b.text for b in blocks_of(html)] == ["Team Points", "Lions 42"]


def test_deep_nesting_is_walked_without_recursion() -> None:
    html = "<html><body>" + "<div>" * 1500 + f"<p>{P1}</p>" + "</div>" * 1500 + "</body></html>"
    assert [b.text for b in blocks_of(html)] == [P1]


@pytest.mark.parametrize(
    "page",
    [
        "<body><div><p>One <b>two</b> three</p><!-- note --><p>four<p>five</p></p>tail</div></body>",
        "<body><p>outer <span>in <p>nested</p> after</span> end</p><div>no para</div></body>",
        "<body><p><!-- c -->x<i>y</i>z</p>tail of p<p></p></body>",
    ],
)
@pytest.mark.parametrize("walk", [False, True])
def test_paragraph_len_counts_the_text_nodes_of_the_paragraphs(page: str, walk: bool) -> None:
    import lxml.etree

    from newsclean.html.blocks import _paragraph_len

    root = parsed(page)
    xpath = lxml.etree.XPath(".//p//text()")
    for el in root.iter():
        if isinstance(el.tag, str):
            assert _paragraph_len(el, walk=walk) == len("".join(xpath(el))), el.tag


def test_comment_tails_are_text_in_a_tree_that_keeps_comments() -> None:
    # lxml's own walk skips comments; a tree that keeps them (html.parser, or a
    # caller's) is walked in Python so the text after a comment is not lost
    import lxml.etree

    markup = "<body><p>One<!-- c --> two <a href='/x'>three<!-- d --> four</a></p><p>five</p></body>"
    kept = lxml.etree.fromstring(markup, lxml.etree.HTMLParser())
    assert any(isinstance(n, lxml.etree._Comment) for n in kept.iter())
    blocks, spans = cut_blocks(strip_silent(kept))
    assert [(b.text, b.link_chars) for b in blocks] == [("One two three four", 9), ("five", 0)]
    assert [spans[p] for p in kept.iter("p")] == [(0, 1), (1, 2)]


def test_a_noscript_fallback_message_is_removed() -> None:
    html = f"<html><body><noscript><p>Please enable JavaScript to read the comments.</p></noscript><p>{P1}</p><p>{P2}</p></body></html>"
    assert [b.text for b in blocks_of(html)] == [P1, P2]


def test_a_noscript_holding_most_of_the_page_is_kept() -> None:
    # A <noscript> the parser could not close (a <div> opened in it is closed after it)
    # takes in the rest of the page: the page's text is in it.
    html = (
        "<html><body><div id='skip'><a href='#c'>Skip to content</a></div>"
        f"<noscript><div id='left'></noscript><p>{P1}</p><p>{P2}</p></div></body></html>"
    )
    assert any(
        len("".join(n.itertext())) > len(P1) for n in parsed(html).iter("noscript")
    )  # the parser's doing
    texts = [b.text for b in blocks_of(html)]
    assert P1 in texts
    assert P2 in texts


def test_the_page_after_a_stray_body_end_tag_is_read() -> None:
    # A template closed the body early; the parser puts what follows after <body>.
    html = f"<html><body><p>Menu</p></body> tail text <table><tr><td><p>{P1}</p><p>{P2}</p></td></tr></table></html>"
    assert any(el.tag == "table" for el in parsed(html))  # the parser's doing: a sibling of <body>
    texts = [b.text for b in blocks_of(html)]
    assert texts[0] == "Menu"
    assert "tail text" in texts[1]
    assert P1 in texts
    assert P2 in texts


def test_a_control_character_after_a_stray_body_end_tag_is_dropped_not_fatal() -> None:
    # The parser keeps a C0 control in the text after </body>; lxml refuses to set it on a
    # node, so moving that text into the body must leave the control out.
    for html in (
        f"<html><body></body>\x0e tail <table><tr><td><p>{P1}</p></td></tr></table></html>",
        f"<html><body><p>Menu</p></body>\x0e tail\ufffe <table><tr><td><p>{P1}</p></td></tr></table></html>",
    ):
        texts = [b.text for b in blocks_of(html)]
        assert P1 in texts
        assert any("tail" in t and "\x0e" not in t and "\ufffe" not in t for t in texts)


def test_a_well_formed_body_is_left_as_it_is() -> None:
    html = f"<html><body><p>{P1}</p></body></html>"
    root = parsed(html)
    start = strip_silent(root)
    assert start.tag == "body"
    assert [el.tag for el in root] == ["body"]
    assert [b.text for b in blocks_of(html)] == [P1]


@pytest.mark.parametrize(
    ("inner", "text"),
    [
        ("Rain  fell", "Rain fell"),
        ("Rain\tfell", "Rain fell"),
        ("Rain\u00a0fell", "Rain fell"),  # no-break space
        ("Rain\u2009\u3000fell", "Rain fell"),  # thin and ideographic spaces
        ("Rain\u200bfell", "Rain\u200bfell"),  # a zero-width space is no white space
        ("Rain fell", "Rain fell"),
    ],
)
def test_a_block_collapses_its_white_space(inner: str, text: str) -> None:
    blocks = blocks_of(f"<html><body><p>{inner}</p></body></html>")
    assert [b.text for b in blocks] == [text]


def test_only_the_space_is_printable_white_space() -> None:
    # what lets a printable block text without a double space skip the collapse
    from newsclean.html.blocks import _collapsed

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()] == [" "]
    assert _collapsed("Rain fell on the town.")
    assert not _collapsed("Rain  fell")
    assert not _collapsed("Rain\u00a0fell")
