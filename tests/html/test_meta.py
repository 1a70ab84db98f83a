"""Tests of the metadata helpers (``newsclean.html.meta``).

Reading a whole page's metadata is tested through the stage, in ``tests/stages/test_html.py``.
"""

from __future__ import annotations

import pytest

from newsclean.html.meta import FIELD_LIMIT, PageMeta, iso_date, normalize_title, read_metadata
from newsclean.html.parse import parse_html


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-06-07", "2020-06-07"),
        ("2020-06-07T10:30:00Z", "2020-06-07T10:30:00+00:00"),
        ("2020-06-07T10:30:00+0200", "2020-06-07T10:30:00+02:00"),
        ("2020-06-07 10:30:00", "2020-06-07T10:30:00"),  # no offset: stays naive
        ("2020-06-07T10:30:00.123456-05:00", "2020-06-07T10:30:00.123456-05:00"),
        ("20200607", "2020-06-07"),
        ("2020/06/07", "2020-06-07"),
        ("Sun, 07 Jun 2020 08:00:00 GMT", "2020-06-07T08:00:00+00:00"),
        ("2020-13-45", None),
        ("0001-01-01T00:00:00", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_iso_date(raw: str, expected: str | None) -> None:
    assert iso_date(raw) == expected


def test_normalize_title() -> None:
    assert normalize_title("Council Passes  Budget!") == normalize_title("council passes budget")


def _title_of(page: str) -> str | None:
    root, _ = parse_html(page)
    assert root is not None
    return read_metadata(root).title


@pytest.mark.parametrize("words", [2, 90, 200, 1000])
def test_a_long_title_tag_is_cut_at_a_word_not_dropped(words: int) -> None:
    title = "Storm hits the coast " + " ".join(f"keyword{i}" for i in range(words))
    got = _title_of(f"<html><head><title>{title}</title></head><body><p>Rain.</p></body></html>")
    assert got is not None and len(got) <= FIELD_LIMIT
    assert title.startswith(got)
    assert title[len(got) :][:1] in ("", " ")  # cut between words
    if len(title) <= FIELD_LIMIT:
        assert got == title


def test_a_title_tag_of_one_endless_token_is_not_cut_mid_word() -> None:
    # a cut inside the token would make a word the page never had
    assert (
        _title_of(f"<html><head><title>{'T' * (FIELD_LIMIT + 50)}</title></head><body><p>Rain.</p>") is None
    )


def _meta_of(head: str) -> PageMeta:
    root, _ = parse_html(f"<html><head>{head}</head><body><p>Rain fell all night.</p></body></html>")
    assert root is not None
    return read_metadata(root)


def test_a_doubly_escaped_character_reference_in_a_meta_author_is_decoded_not_split() -> None:
    # the page escaped "&#xE9;" once more, so the parsed value still holds the reference
    meta = _meta_of(
        '<meta name="author" content="Ren&amp;#xE9; Duval"><meta property="og:title" content="Rain">'
    )
    assert meta.authors == ("René Duval",)
    meta = _meta_of('<meta name="author" content="Ana G&amp;#243;mez, Luis Prado">')
    assert meta.authors == ("Ana Gómez", "Luis Prado")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("AT&amp;T; R&amp;D Team", "AT&T; R&D Team"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("Ana &amp;bogus; Prado", "Ana &bogus; Prado"),
        ("Ana &amp;#0; Prado", "Ana &#0; Prado"),
    ],
)
def test_meta_values_without_a_left_reference_are_kept_as_written(value: str, expected: str) -> None:
    assert _meta_of(f'<meta property="og:title" content="{value}">').title == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<div itemprop="articleBody"><p>x</p></div>', ["div"]),
        ('<h1>Head</h1><section itemprop="articleBody">x</section>', ["section"]),  # read under the headline
        ('<a itemprop="articleBody" href="/x">x</a>', ["a"]),  # a tag the date collector reads
        ('<meta itemprop="articleBody" content="x"><div itemprop="articlebody">x</div>', ["meta"]),
        ('<div itemprop="headline">x</div><p class="body">x</p>', []),
    ],
)
def test_body_marks_are_the_article_body_elements(markup: str, expected: list[str]) -> None:
    # the metadata walk hands them on, so that the content pass needs no walk of its own
    root, _ = parse_html(f"<html><head><title>T</title></head><body>{markup}</body></html>")
    assert root is not None
    meta = read_metadata(root)
    assert [el.tag for el in meta.body_marks] == expected
    assert list(meta.body_marks) == list(root.iterfind(".//*[@itemprop='articleBody']"))


@pytest.mark.parametrize(
    ("value", "authors"),
    [
        ("Jane Doe, AP Sports Writer", ("Jane Doe",)),
        ("JANE DOE, AP Sports Writer", ("Jane Doe",)),
        ("JEAN-LUC ROE", ("Jean-Luc Roe",)),
        # controls: an agency or a credit in capitals stays as written
        ("AFP", ("AFP",)),
        ("METRO NEWS", ("METRO NEWS",)),
        ("Analysis by Jane Doe, Political Editor", ("Jane Doe",)),
        ("Rui Costa e Lima", ("Rui Costa e Lima",)),
        ("Ana Gil y Juan Roe", ("Ana Gil", "Juan Roe")),
        # controls: a credit of roles only is kept as written; plain names are left alone
        ("Metro News Staff", ("Metro News Staff",)),
        ("Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Jane Doe", ("Jane Doe",)),
    ],
)
def test_a_meta_author_is_read_as_a_byline_s_names(value: str, authors: tuple[str, ...]) -> None:
    assert _meta_of(f'<meta name="author" content="{value}">').authors == authors


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}<p>{'The council met on Friday. ' * 8}</p></body></html>"


@pytest.mark.parametrize(
    ("head", "body", "expected", "why"),
    [
        (  # the social and the search headline differ: the one the page prints wins
            '<meta property="og:title" content="Why the valley floods again">'
            '<script type="application/ld+json">{"@type": "NewsArticle",'
            ' "headline": "Valley floods for the third time this spring"}</script>',
            "<h1>Valley floods for the third time this spring</h1>",
            "Valley floods for the third time this spring",
            "h1 repeats the JSON-LD headline",
        ),
        (  # a section segment glued to og:title, the site name unknown
            '<meta property="og:title" content="Opinion | Why the valley floods again">',
            "<h1>Why the valley floods again</h1>",
            "Why the valley floods again",
            "h1 repeats one end segment",
        ),
        (  # a section and a site segment after the headline
            "<title>Harbour fees rise again | Business News - Coastal Daily</title>",
            '<h1><a href="/">Coastal Daily</a></h1><h1>Harbour fees rise again</h1>',
            "Harbour fees rise again",
            "the longest segment the page prints",
        ),
        (  # the blog's banner repeats the title's site segment: never the title
            "<title>Lakeside Notebook Journal - A quiet walk by the water</title>",
            '<h1><a href="http://lakeside.example.org/">Lakeside Notebook Journal</a></h1>',
            "Lakeside Notebook Journal - A quiet walk by the water",
            "a banner linked to the home page is no headline",
        ),
        (  # no heading agrees: og:title as before
            '<meta property="og:title" content="Why the valley floods again">',
            "<h1>Latest stories</h1>",
            "Why the valley floods again",
            "no agreement: order of trust",
        ),
    ],
)
def test_the_title_is_the_metadata_wording_the_page_prints(
    head: str, body: str, expected: str, why: str
) -> None:
    assert _title_of(_page(head, body)) == expected, why


@pytest.mark.parametrize(
    "title",
    [
        "Bridge reopens after two years",
        "Bridge reopens after two years | Metro Daily",
        "Metro Daily - Bridge reopens after two years",
    ],
)
def test_a_title_agreeing_with_og_title_is_left_alone(title: str) -> None:
    # clean control: og:title printed as the page's h1 is the title, whatever the <title> says
    head = f'<title>{title}</title><meta property="og:title" content="Bridge reopens after two years">'
    assert (
        _title_of(_page(head, "<h1>Bridge reopens after two years</h1>")) == "Bridge reopens after two years"
    )


_STORY = "<p>" + "The harbour authority opened the new ferry terminal on the east bank. " * 6 + "</p>"


@pytest.mark.parametrize(
    ("byline", "elsewhere", "expected", "why"),
    [
        (
            '<p>By <a rel="author" href="/staff/">Marta Quellbrink</a></p>',
            "",
            ("Marta Quellbrink",),
            "rel=author",
        ),
        (
            '<p itemprop="author" itemscope><span itemprop="name">Ivo Brandtner</span>, Harbour Reporter</p>',
            "",
            ("Ivo Brandtner",),
            "itemprop=author with its name",
        ),
        (
            '<p><span itemprop="author">By IVO BRANDTNER</span></p>',
            "",
            ("Ivo Brandtner",),
            "label off, capitals",
        ),
        (
            '<p><a rel="author" href="/people/marta-quellbrink">View Profile</a></p>',
            "",
            (),
            "a link's wording is no name",
        ),
        (  # no mark: a labelled byline line removed above the story, read as the text stages do
            "<p>Posted by Ulla Mervinter on May 4, 2012</p>",
            "",
            ("Ulla Mervinter",),
            "a removed byline line",
        ),
        (  # the label alone on its line labels the line under it
            "<p>By</p><p>Ulla Mervinter</p>",
            "",
            ("Ulla Mervinter",),
            "a label alone on its line",
        ),
        (  # clean control: a removed line of the byline region that is no byline
            "<p>Filed on the quay, May 4, 2012</p>",
            "",
            (),
            "no label, no mark: no author",
        ),
        (  # a name marked only in a list of other stories is not this story's author
            "<p>Filed on the quay</p>",
            '<div class="related-posts"><a rel="author" href="/a">Ulla Mervinter</a></div>',
            (),
            "not printed in the byline region",
        ),
        (
            '<p>By <a rel="author" href="/a">Marta Quellbrink</a></p>',
            '<div class="comments"><a rel="author" href="/b">Ivo Brandtner</a></div>',
            ("Marta Quellbrink",),
            "a commenter's link is never the author",
        ),
    ],
)
def test_names_marked_as_author_and_printed_in_the_byline_region(
    byline: str, elsewhere: str, expected: tuple[str, ...], why: str
) -> None:
    import newsclean

    page = (
        f'<html><body><article><h1>Ferry terminal opens</h1><div class="post-meta">{byline}</div>'
        f"{_STORY}{_STORY}</article>{elsewhere}</body></html>"
    )
    assert newsclean.clean(page).authors == expected, why


def test_meta_authors_win_over_marked_names() -> None:
    # clean control: the page's own author metadata is taken as before
    import newsclean

    page = (
        '<html><head><meta name="author" content="Jane Roe"></head><body><article><h1>Ferry terminal opens</h1>'
        f'<p>By <a rel="author" href="/a">Marta Quellbrink</a></p>{_STORY}{_STORY}</article></body></html>'
    )
    assert newsclean.clean(page).authors == ("Jane Roe",)
