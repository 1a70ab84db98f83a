"""The notebook and terminal views of an article (newsclean.view)."""

from __future__ import annotations

import pickle
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsclean
from newsclean import Article, Change, Document, Edit, Pipeline, Stage, stage
from newsclean.view import (
    FOLD_CHARS,
    PREVIEW_CHARS,
    Explanation,
    _segments,
    article_html,
    article_text,
    authors_shown,
    date_rule,
    edit_counts,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CAPTURES = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "clean").glob("*.txt"))
PAGES = sorted((FIXTURES / "pages").glob("*.html")) + sorted((FIXTURES / "hostile").glob("*.html"))

#: The only elements and attributes the view may emit: no script, link,
#: image, event handler or URL-carrying attribute can come out of it.
ALLOWED_TAGS = {
    "style", "div", "h3", "table", "tr", "th", "td", "span", "del", "ins",
    "details", "summary", "ol", "li", "b", "pre",
}  # fmt: skip
ALLOWED_ATTRS = {"class", "title", "open"}


class _Markup(HTMLParser):
    """Collect every start tag and attribute of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def markup(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser


@stage("respell_words", register=False)
def respell_words(doc: Document) -> Document:
    """Test stage: replace every 'colour' with 'color'."""
    text = doc.text
    changes = []
    start = text.find("colour")
    while start >= 0:
        changes.append(Change(start, start + 6, "color", "us_spelling"))
        start = text.find("colour", start + 6)
    return doc.with_edits("respell_words", changes)


def first_word_dropper(name: str) -> Stage:
    """Test stage factory: remove the first word and the space after it."""

    @stage(name, register=False)
    def drop(doc: Document) -> Document:
        end = doc.text.find(" ")
        return doc.with_edits(name, [Change(0, end + 1, "", "first_word")]) if end > 0 else doc

    return drop


@stage("drop_list_lines", register=False)
def drop_list_lines(doc: Document) -> Document:
    """Test stage: remove every line that starts with '- ', one edit per line."""
    changes = []
    pos = 0
    for line in doc.text.splitlines(keepends=True):
        if line.startswith("- "):
            changes.append(Change(pos, pos + len(line), "", "list_line"))
        pos += len(line)
    return doc.with_edits("drop_list_lines", changes)


def test_removal_and_replacement_are_shown_in_place_with_stage_and_reason() -> None:
    a = Pipeline([respell_words])("The colour of the bridge.")
    html = a._repr_html_()
    assert (
        '<del class="nc-del" title="respell_words: us_spelling (replace)">colour</del>'
        '<span class="nc-arrow"> → </span>'
        '<ins class="nc-ins" title="respell_words: us_spelling (replace)">color</ins>'
    ) in html
    assert "The " in html and " of the bridge." in html


def test_text_moved_to_a_field_is_marked_apart_from_removed_text() -> None:
    a = newsclean.clean("Share this story\nThe vote was held on Monday, officials said.")
    html = a._repr_html_()
    assert '<del class="nc-del" title="remove_boilerplate: share (remove)">Share this story\n</del>' in html
    body = (FIXTURES / "clean" / "council_budget.txt").read_text(encoding="utf-8")
    titled = newsclean.clean("A plain headline for this story\n" + body)
    assert '<del class="nc-ext" title="extract_metadata: title (extract)">' in titled._repr_html_()


def test_an_edit_of_text_an_earlier_edit_inserted_is_placed_on_that_text() -> None:
    # The second stage removes "The " and then the first word of what the first stage wrote.
    p = Pipeline([respell_words, first_word_dropper("drop_first"), first_word_dropper("drop_second")])
    doc = p.run("colour of the bridge.")
    a = p("colour of the bridge.")
    placed = _segments(a)
    assert placed is not None
    segs, _ = placed
    assert "".join(t for kind, t, _ in segs if kind != 1) == doc.text == "the bridge."
    html = a._repr_html_()
    assert '<del class="nc-del" title="drop_first: first_word (remove)">color </del>' in html


@pytest.mark.parametrize("path", CAPTURES + PAGES, ids=lambda p: p.name)
def test_live_segments_rebuild_the_final_text_for_every_fixture(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    doc = newsclean.default_pipeline().run(raw)
    a = newsclean.clean(raw)
    placed = _segments(a)
    assert placed is not None, "every fixture's edits must be placeable"
    segs, in_place = placed
    assert "".join(t for kind, t, _ in segs if kind != 1) == doc.text
    assert len(in_place) == len(a.edits[a.base_index :])


@pytest.mark.parametrize("path", sorted((FIXTURES / "clean").glob("*.txt")), ids=lambda p: p.stem)
def test_clean_control_view_has_no_marks(path: Path) -> None:
    html = newsclean.clean(path.read_text(encoding="utf-8"))._repr_html_()
    assert "<del" not in html and "<ins" not in html
    assert "edits</th><td>0 " in html


HOSTILE = [
    (FIXTURES / "hostile" / "capture.txt", "text"),
    (FIXTURES / "hostile" / "page.html", "html"),
]


@pytest.mark.parametrize(("path", "kind"), HOSTILE, ids=["text", "html"])
def test_hostile_capture_yields_no_live_markup(path: Path, kind: str) -> None:
    a = newsclean.clean(path.read_text(encoding="utf-8"), kind=kind)  # type: ignore[arg-type]
    for html in (a._repr_html_(), a.explain()._repr_html_()):
        m = markup(html)
        assert set(m.tags) <= ALLOWED_TAGS
        assert {name for name, _ in m.attrs} <= ALLOWED_ATTRS
        assert all("javascript:" not in (v or "").lower() or name == "title" for name, v in m.attrs)
        # The payloads are still there for the reader, as text.
        assert "pwned-marker" in "".join(m.text)


def test_view_of_an_article_without_base_text_lists_the_edits() -> None:
    a = newsclean.clean("Share this story\nThe vote was held on Monday, officials said.")
    rebuilt = Article.from_dict(a.to_dict())
    assert rebuilt.base_text is None
    html = rebuilt._repr_html_()
    assert "carries no base text" in html
    assert '<del class="nc-del" title="remove_boilerplate: share (remove)">Share this story\n</del>' in html


def test_edits_that_do_not_match_the_base_text_fall_back_to_the_list() -> None:
    wrong = Edit("remove_boilerplate", "remove", "share", "Share", "", 0, 5, at=0)
    a = Article(paragraphs=("Officials said.",), edits=(wrong,), base_text="Officials said.")
    assert _segments(a) is None
    assert "carries no base text" in a._repr_html_()


def test_long_capture_folds_the_rest_and_long_removals() -> None:
    body = "\n".join(
        f"Paragraph {i} says the council met on Monday to discuss the budget." for i in range(120)
    )
    related = "\n".join(f"- Other story number {i} about something else entirely" for i in range(20))
    a = Pipeline([drop_list_lines])("Related\n" + related + "\n" + body)
    html = a._repr_html_()
    assert len(a.base_text or "") > PREVIEW_CHARS
    assert "<details><summary>show the rest of the capture (" in html
    assert sum(len(e.before) for e in a.edits) > FOLD_CHARS
    assert (
        '<details class="nc-fold"><summary>20 removed lines (1,070 characters): drop_list_lines: list_line ×20'
        in html
    )
    short = Pipeline([drop_list_lines])("Related\n- One story\nThe council met on Monday.")._repr_html_()
    assert "nc-fold" not in short and "show the rest" not in short


def test_explanation_is_the_old_text_and_shows_the_view_in_a_notebook() -> None:
    a = Pipeline([respell_words])("The colour of the bridge.")
    text = a.explain()
    assert isinstance(text, str) and isinstance(text, Explanation)
    assert text == str(text) and text.splitlines()[0] == "respell_words (1 edit)"
    assert "'colour' -> 'color'" in text
    html = text._repr_html_()
    assert '<ins class="nc-ins" title="respell_words: us_spelling (replace)">color</ins>' in html
    assert "every edit, in order (1)" in html
    back = pickle.loads(pickle.dumps(text))
    assert back == text and back.article == a
    assert Explanation("plain")._repr_html_() == '<pre class="nc-explain">plain</pre>'


def test_edit_counts_keep_pipeline_order() -> None:
    edits = (
        Edit("b_stage", "remove", "x", "1", ""),
        Edit("a_stage", "remove", "y", "2", ""),
        Edit("b_stage", "remove", "x", "3", ""),
    )
    assert edit_counts(Article(edits=edits)) == {"b_stage": 2, "a_stage": 1}


def test_date_rule_names_the_rule_for_the_published_date() -> None:
    a = newsclean.clean(
        "Bridge reopens after repairs\nPublished: March 5, 2024\n"
        "The bridge reopened on Tuesday after two years of repairs, officials said."
    )
    assert a.published is not None
    rule = date_rule(a)
    assert rule
    assert rule in article_html(a) or rule.replace("'", "&#x27;") in article_html(a)
    assert date_rule(Article()) is None


@pytest.mark.parametrize("width", [30, 60, 100])
def test_text_summary_fits_the_terminal(width: int) -> None:
    a = newsclean.clean((FIXTURES / "000_9a6809b7c917213f.txt").read_text(encoding="utf-8"))
    text = article_text(a, width=width)
    assert all(len(line) <= width for line in text.splitlines())
    assert text.splitlines()[0].startswith("Article: Putin"[: width - 1])
    assert any(line.lstrip().startswith("edits") for line in text.splitlines())


def test_pretty_printer_hook_prints_the_summary() -> None:
    class Printer:
        def __init__(self) -> None:
            self.out = ""

        def text(self, s: str) -> None:
            self.out += s

    a = Article(title="Bridge reopens", paragraphs=("It reopened.",))
    p = Printer()
    a._repr_pretty_(p, False)
    assert p.out.startswith("Article: Bridge reopens")
    p2 = Printer()
    a.explain()._repr_pretty_(p2, False)
    assert p2.out == "No changes: the input was already clean."


def test_decisions_are_listed_as_plain_data() -> None:
    raw = (FIXTURES / "pages" / "harbour_ferry.html").read_bytes()
    html = newsclean.clean(raw).explain()._repr_html_()
    assert "decisions (" in html and "published_date" in html and "rule=&#x27;page metadata&#x27;" in html
    assert "mappingproxy" not in html


@pytest.mark.parametrize(
    ("capture", "shown"),
    [
        (
            "Vote delayed\nJane Doe, Staff Writer\n"
            "The vote was delayed again on Monday, officials said, after a long night.",
            "Jane Doe (Staff Writer)",
        ),
        (
            "Vote delayed\nBy our correspondent in Tallinn\n"
            "The council delayed the vote again on Monday after a long night of talks, officials said.",
            "our correspondent in Tallinn",
        ),
        (
            "Vote delayed\nBy Jane Doe\n"
            "The vote was delayed again on Monday, officials said, after a long night.",
            "Jane Doe",
        ),
    ],
)
def test_authors_are_shown_with_the_roles_their_byline_prints(capture: str, shown: str) -> None:
    a = newsclean.clean(capture)
    assert authors_shown(a) == shown
    assert f"authors   {shown}" in article_text(a, width=200)
    assert shown in article_html(a)


def test_authors_shown_is_empty_without_authors() -> None:
    assert authors_shown(Article(title="Bridge reopens", paragraphs=("It reopened.",))) == ""
