"""Tests of the block decision and the emitted lines (``newsclean.html.content``).

All pages are small hand-written HTML, written for these tests.
"""

from __future__ import annotations

import pytest

from newsclean.html.container import analyse_blocks
from newsclean.html.content import Extraction, emit, extract_content, keep_blocks
from newsclean.html.features import FEATURES, BlockModel
from newsclean.html.parse import parse_html

P1 = "The river rose two metres overnight and the old bridge was closed to traffic by the police."
P2 = "Residents of the lower town were asked to move their cars to higher ground before noon today."
P3 = "Engineers will inspect the bridge once the water falls, which could take until the weekend."

ALWAYS = BlockModel(tuple(0.0 for _ in FEATURES), 5.0, 0.5, frozenset())
NEVER = BlockModel(tuple(0.0 for _ in FEATURES), -5.0, 0.5, frozenset())
ROW = [0.0] * len(FEATURES)


@pytest.mark.parametrize(
    ("texts", "inside", "density", "model", "expected", "why"),
    [
        (["a", "b"], [True, True], [0.0, 0.9], NEVER, [True, False], "inside: kept unless a link list"),
        (["a", "b"], [True, False], [0.0, 0.0], NEVER, [True, False], "outside: the model says no"),
        (["a", "b"], [True, False], [0.0, 0.0], ALWAYS, [True, True], "outside: the model recovers it"),
        (
            ["a", "a"],
            [True, False],
            [0.0, 0.0],
            ALWAYS,
            [True, False],
            "a repeat of kept text is not kept again",
        ),
    ],
)
def test_keep_blocks(
    texts: list[str],
    inside: list[bool],
    density: list[float],
    model: BlockModel,
    expected: list[bool],
    why: str,
) -> None:
    pruned = [False] * len(texts)
    assert keep_blocks(texts, inside, pruned, density, [ROW] * len(texts), model) == expected, why


def extraction(html: str, headlines: frozenset[str] = frozenset()) -> Extraction:
    root, _ = parse_html(html)
    assert root is not None
    return extract_content(root, headlines=headlines)


def test_clean_story_page_is_emitted_whole() -> None:
    out = extraction(f"<html><body><p>{P1}</p><p>{P2}</p><p>{P3}</p></body></html>")
    assert out.lines == (P1, P2, P3)
    assert out.removed == ()


def test_blocks_of_one_pruned_element_are_one_removal() -> None:
    menu = "<div class='related-stories'><p>Bridge reopens after repairs</p><p>Floods in the north</p></div>"
    out = extraction(f"<html><body><article><p>{P1}</p><p>{P2}</p></article>{menu}</body></html>")
    assert out.lines == (P1, P2)
    assert [(r.reason, r.text) for r in out.removed] == [
        ("html_related", "Bridge reopens after repairs\nFloods in the north")
    ]


def test_a_post_filed_under_a_boilerplate_word_is_kept() -> None:
    # A CMS lists the post's categories, author and type on its wrapper; a category
    # named like a boilerplate concept does not make the post an ad slot or an author box.
    post = "entry-category-advertising entry-category-comments entry-author-jo_smith entry-type-post entry"
    box = "<div class='author-box'><p>Jo Smith writes about rivers and the towns along them.</p></div>"
    out = extraction(
        f"<html><body><div class='{post}'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>{box}</body></html>"
    )
    assert out.lines == (P1, P2, P3)
    assert [r.reason for r in out.removed] == ["html_author"]


def test_headline_block_is_taken_out_as_title() -> None:
    html = f"<html><body><article><h1>River rises</h1><p>{P1}</p><p>{P2}</p></article></body></html>"
    out = extraction(html)
    assert out.headline == "River rises"
    assert "River rises" not in out.lines
    assert [(r.reason, r.action) for r in out.removed] == [("html_title", "extract")]


def test_emit_names_link_lists_and_plain_boilerplate() -> None:
    html = (
        "<html><body><article>"
        f"<p>{P1}</p><p><a href='/a'>Bridge reopens after repairs</a></p><p>{P2}</p>"
        "</article></body></html>"
    )
    root, _ = parse_html(html)
    assert root is not None
    analysis = analyse_blocks(root)
    texts = [b.text for b in analysis.blocks]
    keep = [t != "Bridge reopens after repairs" for t in texts]
    out = emit(analysis, keep)
    assert out.lines == (P1, P2)
    assert [r.reason for r in out.removed] == ["html_link_dense"]


def test_a_page_where_no_block_is_kept_is_handed_on_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # the container choice and the model keep nothing (a pruning rule misread the story's
    # wrapper): every block goes on, marked, for the text stages to judge like a capture
    import newsclean.html.content as content

    page = f"<html><body><nav><a href='/'>Home</a></nav><div><p>{P1}</p><p>{P2}</p></div></body></html>"
    monkeypatch.setattr(content, "keep_blocks", lambda *args: [False] * len(args[0]))
    out = extraction(page)
    assert out.whole_page
    assert P1 in out.lines and P2 in out.lines and "Home" in out.lines


def test_a_page_with_a_story_is_not_handed_on_whole() -> None:
    out = extraction(f"<html><body><nav><a href='/'>Home</a></nav><p>{P1}</p><p>{P2}</p></body></html>")
    assert not out.whole_page
    assert out.lines == (P1, P2)


def test_judged_blocks_are_the_model_s_call_inside_the_container_too() -> None:
    texts = ["story", "caption", "menu"]
    inside = [True, True, False]
    pruned = [False, False, True]  # the menu was pruned for a reason the model does not judge
    judged = [False, True, False]
    rows = [ROW] * 3
    assert keep_blocks(texts, inside, pruned, [0.0] * 3, rows, ALWAYS, judged) == [True, True, False]
    assert keep_blocks(texts, inside, pruned, [0.0] * 3, rows, NEVER, judged) == [True, False, False]


def _caption_page(caption: str) -> str:
    return (
        f"<html><body><article><p>{P1}</p><figure><img src='a.jpg'>"
        f"<figcaption class='wp-caption-text'>{caption}</figcaption></figure><p>{P2}</p><p>{P3}</p>"
        "</article></body></html>"
    )


def test_shipped_model_drops_a_photo_credit_caption() -> None:
    out = extraction(_caption_page("Photo: J. Smith/Agency"))
    assert out.lines == (P1, P2, P3)
    assert [r.reason for r in out.removed] == ["html_caption"]


def test_the_body_marks_of_the_metadata_walk_decide_as_the_content_pass_finds_them() -> None:
    from newsclean.html.meta import read_metadata

    page = (
        "<html><body><div class='sidebar'><div itemprop='articleBody'>"
        f"<p>{P1}</p><p>{P2}</p></div></div><nav><p>{P3}</p></nav></body></html>"
    )
    given, _ = parse_html(page)
    found, _ = parse_html(page)
    assert given is not None and found is not None
    marks = read_metadata(given).body_marks
    assert len(marks) == 1
    with_marks = extract_content(given, marks=marks)
    assert with_marks == extract_content(found)
    assert with_marks.lines == (P1, P2)  # the marked body keeps its pruned wrapper
