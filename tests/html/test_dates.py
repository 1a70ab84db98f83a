"""The date conventions table of ``docs/dates.md``: one test per row.

Every page and line here was written for these tests from the conventions
themselves (Open Graph, schema.org, Dublin Core, hAtom, HTML ``pubdate``),
not taken from any page or any other project's tests.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import newsclean
from newsclean.article import Article
from newsclean.html.dates import conventions, in_comment, story_head_date

P1 = "The harbour authority opened the new ferry terminal on the east bank after two years of building work."
P2 = (
    "Officials said the terminal would carry four thousand passengers a day once the summer timetable begins."
)
P3 = "Local traders welcomed the opening but asked for more parking near the quay before the busy season."
BODY = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
HEADLINE = "Harbour opens new ferry terminal on the east bank"


def page(head: str = "", body: str = BODY, *, h1: str = "", after: str = "") -> str:
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (
        f"<!doctype html><html lang='en'><head><title>{HEADLINE} | Coast Courier</title>{head}</head>"
        f"<body><article>{heading}{after}{body}</article></body></html>"
    )


def day(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()[:10]


# (convention, html, published day, updated day)
ROWS: list[tuple[str, str, str | None, str | None]] = [
    (
        "og article:published_time",
        page("<meta property='article:published_time' content='2021-06-14T08:10:00+02:00'>"),
        "2021-06-14",
        None,
    ),
    ("meta dc:created", page("<meta name='dc:created' content='2021-06-14'>"), "2021-06-14", None),
    ("meta created", page("<meta name='created' content='2021-06-14'>"), "2021-06-14", None),
    ("meta DC.Issued", page("<meta name='DC.Issued' content='2021-06-14'>"), "2021-06-14", None),
    (
        "og:DatePublished in any case",
        page("<meta property='OG:DatePublished' content='2021-06-14T10:00:00Z'>"),
        "2021-06-14",
        None,
    ),
    (
        "meta itemprop datePublished",
        page("<meta itemprop='datePublished' content='2021-06-14'>"),
        "2021-06-14",
        None,
    ),
    (
        "JSON-LD datePublished and dateModified",
        page(
            '<script type=\'application/ld+json\'>{"@type": "NewsArticle", "datePublished": '
            '"2021-06-14T09:00:00+01:00", "dateModified": "2021-06-15T11:00:00+01:00"}</script>'
        ),
        "2021-06-14",
        "2021-06-15",
    ),
    (
        "meta published and modified",
        page(
            "<meta property='article:published_time' content='2021-06-14T09:00:00Z'>"
            "<meta property='article:modified_time' content='2021-06-16T09:00:00Z'>"
        ),
        "2021-06-14",
        "2021-06-16",
    ),
    (
        "only a last-modified (http-equiv): updated, and published falls back to it",
        page("<meta http-equiv='last-modified' content='2021-06-16'>"),
        "2021-06-16",
        "2021-06-16",
    ),
    (
        "<time pubdate datetime>",
        page(body=f"<p>Posted <time pubdate datetime='2021-06-14'>Monday</time></p>{BODY}"),
        "2021-06-14",
        None,
    ),
    (
        "pubdate attribute on another element",
        page(body=f"<div class='meta'><span pubdate='2021-06-14'>Monday</span></div>{BODY}"),
        "2021-06-14",
        None,
    ),
    (
        "itemprop dateCreated with datetime=",
        page(body=f"<span itemprop='dateCreated' datetime='2021-06-14T07:30'>Monday morning</span>{BODY}"),
        "2021-06-14",
        None,
    ),
    (
        "<time class=updated> only: updated set, published falls back to it",
        page(body=f"<p>Updated <time class='updated' datetime='2021-06-16T12:00'>Wednesday</time></p>{BODY}"),
        "2021-06-16",
        "2021-06-16",
    ),
    (
        "itemprop dateModified beside datePublished",
        page(
            body=f"<span itemprop='datePublished' content='2021-06-14'></span>"
            f"<span itemprop='dateModified' content='2021-06-18'></span>{BODY}"
        ),
        "2021-06-14",
        "2021-06-18",
    ),
    (
        "<abbr class=published title=...>",
        page(body=f"<abbr class='published' title='2021-06-14T08:00:00'>June 14</abbr>{BODY}"),
        "2021-06-14",
        None,
    ),
    (
        "<abbr data-utime=...>",
        page(body=f"<abbr data-utime='1623657600' class='timestamp'>Monday</abbr>{BODY}"),
        "2021-06-14",
        None,
    ),
    ("<abbr> text with a two-digit year", page(body=f"<abbr>am 14.06.21</abbr>{BODY}"), "2021-06-14", None),
    (
        "date-named element with a worded date",
        page(body=f"<div class='story-date'>14 June 2021</div>{BODY}"),
        "2021-06-14",
        None,
    ),
    (
        "date line right under the headline",
        page(h1=HEADLINE, after="<p class='strap'>14/06/2021 - 08:15 - Coast Courier</p>"),
        "2021-06-14",
        None,
    ),
    (
        "date in the og:image address",
        page("<meta property='og:image' content='https://img.example/uploads/2021/06/14/ferry.jpg'>"),
        "2021-06-14",
        None,
    ),
    (
        "date in an <img src> path",
        page(body=f"<img src='/media/2021-06-14/ferry.jpg'>{BODY}"),
        "2021-06-14",
        None,
    ),
    (
        "date in a <link> address in the head",
        page("<link rel='amphtml' href='https://coast.example/amp/2021/06/14/ferry'>"),
        "2021-06-14",
        None,
    ),
    (
        "date in a link's title=",
        page(body=f"{BODY}<p><a href='/ferry' title='Ferry terminal, 2021-06-14'>more</a></p>"),
        "2021-06-14",
        None,
    ),
    (
        "date in <title>",
        f"<html><head><title>Ferry terminal opens – 14 June 2021</title></head><body>{BODY}</body></html>",
        "2021-06-14",
        None,
    ),
    (
        "canonical address with a day",
        page("<link rel='canonical' href='https://coast.example/news/2021/06/14/ferry-terminal'>"),
        "2021-06-14",
        None,
    ),
    ("no date anywhere", page(), None, None),
]


@pytest.mark.parametrize(("html", "published", "updated"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_convention(html: str, published: str | None, updated: str | None) -> None:
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    assert day(article.published) == published
    assert day(article.updated) == updated


def test_copyright_year_is_a_year_candidate_never_a_day() -> None:
    html = page(body=f"{BODY}<div class='legal'><p>© 2019–2021 Coast Courier Ltd</p></div>")
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    assert article.published is None
    years = [c for c in article.dates if c.kind == "copyright"]
    assert [(c.value, c.precision) for c in years] == [("2021", "year")]


def test_copyright_year_itemprop_is_year_precision() -> None:
    html = page(body=f"{BODY}<span itemprop='copyrightYear'>2021</span>")
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    assert article.published is None
    assert ("2021", "copyright", "year") in [(c.value, c.kind, c.precision) for c in article.dates]


def test_original_publication_beats_updated_and_element_dates() -> None:
    html = page(
        "<meta property='article:published_time' content='2021-06-14T09:00:00Z'>",
        body=f"<div class='date updated'>Updated 20 June 2021</div>{BODY}",
    )
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    assert day(article.published) == "2021-06-14"
    assert day(article.updated) == "2021-06-20"


def test_updated_never_before_published_nor_a_copy_of_it() -> None:
    same = page(
        "<meta property='article:published_time' content='2021-06-14T09:00:00Z'>"
        "<meta property='article:modified_time' content='2021-06-14T09:00:00Z'>"
    )
    before = page(
        "<meta property='article:published_time' content='2021-06-14T09:00:00Z'>"
        "<meta property='article:modified_time' content='2021-06-01T09:00:00Z'>"
    )
    for html in (same, before):
        article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
        assert day(article.published) == "2021-06-14"
        assert article.updated is None


def test_candidates_carry_origin_and_precision() -> None:
    html = page(
        "<meta property='article:published_time' content='2021-06-14T09:00:00Z'>",
        body=f"<abbr class='published' title='2021-06-14'>June 14</abbr>{BODY}",
    )
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    origins = {(c.source, c.origin, c.precision) for c in article.dates}
    assert ("meta:article:published_time", "meta", "day") in origins
    assert ("abbr:title", "abbr", "day") in origins


def test_weak_evidence_only_when_nothing_else_dates_the_page() -> None:
    html = page(
        "<meta property='article:published_time' content='2021-06-14T09:00:00Z'>",
        body=f"<img src='/media/2019-01-02/old.jpg'>{BODY}",
    )
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    assert day(article.published) == "2021-06-14"
    assert not any(c.origin == "image-url" for c in article.dates)


def test_image_addresses_date_a_page_that_states_no_date() -> None:
    # the weak evidence of image addresses, read only when needed: the first images with an
    # address count (``limits.images``), a later one does not
    limit = conventions().limits["images"]
    filler = "".join(f"<img src='/media/pic{k}.jpg'>" for k in range(limit - 1))
    html = page("", body=f"{filler}<img src='/media/2019-01-02/old.jpg'>{BODY}")
    found = [c for c in newsclean.clean(html).dates if c.source == "image-url:img"]
    assert [c.value for c in found] == ["2019-01-02"]
    late = page("", body=f"{filler}<img src='/media/pic.jpg'><img src='/media/2019-01-02/old.jpg'>{BODY}")
    assert not any(c.source == "image-url:img" for c in newsclean.clean(late).dates)


def test_updated_survives_json_round_trip() -> None:
    html = page(
        "<meta property='article:published_time' content='2021-06-14T09:00:00+00:00'>"
        "<meta property='article:modified_time' content='2021-06-16T09:00:00+00:00'>"
    )
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    back = Article.from_json(article.to_json())
    assert back.updated == datetime(2021, 6, 16, 9, tzinfo=UTC)
    assert back.dates == article.dates
    assert article.to_dict()["updated"] == "2021-06-16T09:00:00+00:00"


def test_meta_names_are_a_table_of_known_conventions() -> None:
    table = conventions()
    for name in ("dc:created", "created", "dc.issued", "og:datepublished", "article:published_time"):
        assert name in table.meta["published"]
    assert "last-modified" in table.meta["updated"]
    assert table.itemprop["datecreated"] == "published"
    assert table.itemprop["copyrightyear"] == "copyright"
    assert all(name == name.lower() for names in table.meta.values() for name in names)


def test_html_without_dates_gets_none() -> None:
    article = newsclean.clean(page(), captured_at=datetime(2021, 7, 1))
    assert article.published is None and article.updated is None
    assert not [c for c in article.dates if c.kind in ("published", "updated")]


def test_both_choices_are_structured_decisions() -> None:
    html = page(
        "<meta property='article:published_time' content='2021-06-14T09:00:00+00:00'>"
        "<meta property='article:modified_time' content='2021-06-16T09:00:00+00:00'>"
    )
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    by_reason = {d.reason: d.data for d in article.decisions if d.stage == "normalize_dates"}
    published, updated = by_reason["published_date"], by_reason["updated_date"]
    assert (published["value"], published["rule"], published["precision"]) == (
        "2021-06-14T09:00:00+00:00",
        "page metadata",
        "day",
    )
    assert published["source"] == "meta:article:published_time"
    assert (updated["value"], updated["source"]) == (
        "2021-06-16T09:00:00+00:00",
        "meta:article:modified_time",
    )
    assert [c["kind"] for c in updated["candidates"]] == ["updated"]
    assert "2021-06-14T09:00:00+00:00" in [c["value"] for c in published["candidates"]]


def test_disagreeing_structured_sources_give_the_earliest_publication() -> None:
    html = page(
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle", '
        '"datePublished": "2021-06-15T07:25:00+00:00", "dateCreated": "2021-06-01T07:00:00+00:00"}</script>'
        "<meta property='article:published_time' content='2021-06-14T21:25:00+00:00'>"
    )
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    assert article.published == datetime(2021, 6, 14, 21, 25, tzinfo=UTC)  # never the draft's dateCreated


def test_structured_utc_day_yields_to_the_printed_local_time() -> None:
    html = page(
        "<meta property='article:published_time' content='2021-06-14'>",
        body=f"<div class='article-date'>15.06.2021 00:40</div>{BODY}",
    )
    article = newsclean.clean(html, captured_at=datetime(2021, 7, 1))
    assert day(article.published) == "2021-06-15"
    unrelated = page(
        "<meta property='article:published_time' content='2021-06-14'>",
        body=f"<div class='article-date'>18.06.2021 16:40</div>{BODY}",
    )
    assert day(newsclean.clean(unrelated, captured_at=datetime(2021, 7, 1)).published) == "2021-06-14"


@pytest.mark.parametrize(
    "value",
    [
        "post-date",
        "PostDate",
        "entry-TIME",
        "byline",
        "publishedAt",
        "POSTED_by",
        "ſtime",
        "ﬁle-date",
        "Zeit",
    ],
)
def test_names_date_fast_path_agrees_with_the_hint_pattern(value: str) -> None:
    from newsclean.html.dates import _element_hints, names_date

    assert names_date(value) == (_element_hints().search(value) is not None)


@pytest.mark.parametrize(
    ("removed", "start", "expected"),
    [
        (
            [(0, "html_nav", "Home\nNews"), (2, "html_author", "Storm hits\nby Ann Roe on May 4, 2012")],
            3,
            ("by Ann Roe on May 4, 2012", "published"),
        ),
        (
            [(1, "html_title", "Storm hits"), (2, "html_boilerplate", "Tuesday, May 6, 2012 | 11:00 AM")],
            5,
            ("Tuesday, May 6, 2012 | 11:00 AM", "published"),
        ),
        ([(2, "html_boilerplate", "Updated May 7, 2012")], 3, ("Updated May 7, 2012", "updated")),
        (
            [(2, "html_boilerplate", "Updated May 7, 2012"), (3, "html_author", "Posted May 6, 2012")],
            4,
            ("Posted May 6, 2012", "published"),
        ),
        ([(0, "html_boilerplate", "Friday, March 1, 2013"), (1, "html_title", "Storm hits")], 2, None),
        ([(0, "html_link_dense", "Older story\nMay 2, 2012\nOther story\nMay 1, 2012")], 1, None),
        ([(0, "html_link_dense", "May 2, 2012")], 1, ("May 2, 2012", "published")),
        ([(0, "html_related", "May 2, 2012")], 1, None),
        ([(0, "html_author", "by Ann Roe on May 4, 2012")], None, None),
        ([(5, "html_author", "by Ann Roe on May 4, 2012")], 3, None),  # after the story's start
        ([(0, "html_boilerplate", "Storm hits"), (1, "html_author", "by Ann Roe")], 2, None),  # no year
    ],
)
def test_the_date_line_right_above_the_story(
    removed: list[tuple[int, str, str]], start: int | None, expected: tuple[str, str] | None
) -> None:
    got = story_head_date(removed, start)
    assert (None if got is None else (got["value"], got["kind"])) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<ol class="commentlist"><li><p><time datetime="2020-01-02">x</time></p></li></ol>', True),
        ('<div id="comments"><div><span><abbr title="2020-01-02">x</abbr></span></div></div>', True),
        (
            '<div itemprop="comment" itemscope><meta itemprop="datePublished" content="2020-01-02"></div>',
            True,
        ),
        (
            '<div itemscope itemtype="https://schema.org/Comment"><time datetime="2020-01-02">x</time></div>',
            True,
        ),
        ('<div class="comment-meta"><span class="date">Jan 2, 2020</span></div>', True),
        # clean controls: the story's own stamps
        ('<article class="post"><header><time datetime="2020-01-02">x</time></header></article>', False),
        ('<div class="post-byline-comments-date"><time datetime="2020-01-02">x</time></div>', False),
        (
            '<div class="comments-area"><div class="entry-content"><time datetime="2020-01-02">x</time></div></div>',
            False,
        ),
        (
            '<div class="byline"><span class="comment-count">3</span><time datetime="2020-01-02">x</time></div>',
            False,
        ),
    ],
)
def test_a_reader_comment_s_stamp_is_not_a_page_date(markup: str, expected: bool) -> None:
    from newsclean.html.parse import parse_html

    root, _ = parse_html(f"<html><body>{markup}</body></html>")
    assert root is not None
    stamp = next(
        el
        for el in root.iter()
        if el.get("datetime") or el.get("title") or el.get("content") or el.get("class") == "date"
    )
    assert in_comment(stamp) is expected


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        (
            '<div class="comment-list"><p><time pubdate datetime="2021-03-04T10:00:00">x</time> Nice.</p></div>',
            None,
        ),
        (
            '<div itemprop="comment" itemscope><meta itemprop="datePublished" content="2021-03-04"><p>Nice.</p></div>',
            None,
        ),
        ('<div class="comment-meta"><span class="post-date">4.3.2021</span></div>', None),
        # clean controls: the same stamps as the story's own
        ('<p class="byline"><time pubdate datetime="2021-03-04T10:00:00">x</time></p>', date(2021, 3, 4)),
        ('<div itemscope><meta itemprop="datePublished" content="2021-03-04"></div>', date(2021, 3, 4)),
    ],
)
def test_a_reader_comment_s_stamp_never_dates_the_page(stamp: str, expected: date | None) -> None:
    page = f"<html><body><article><h1>Ferry terminal opens</h1><p>{P1}</p><p>{P2}</p></article>{stamp}</body></html>"
    published = newsclean.clean(page).published
    assert (published.date() if isinstance(published, datetime) else published) == expected


@pytest.mark.parametrize(
    ("meta_line", "expected"),
    [
        ("<p>by Ann Roe on May 4, 2012</p>", date(2012, 5, 4)),
        ("<p>Friday, May 4, 2012 | 11:00 AM</p>", date(2012, 5, 4)),
        ("<p>by Ann Roe</p>", None),  # clean control: no date line, no date
    ],
)
def test_a_post_s_date_line_removed_above_the_story_dates_the_page(
    meta_line: str, expected: date | None
) -> None:
    page = (
        '<html><body><div id="header"><h1><a href="/">Harbour Notes</a></h1></div><div class="post">'
        f'<div class="post-header"><h2><a href="/ferry-terminal-opens-on-the-east-bank">Ferry terminal opens</a></h2>'
        f"{meta_line}</div><p>{P1}</p><p>{P2}</p><p>{P1}</p></div></body></html>"
    )
    published = newsclean.clean(page).published
    assert (published.date() if isinstance(published, datetime) else published) == expected
