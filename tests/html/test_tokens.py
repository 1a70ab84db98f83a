"""Tests of the class/id token concepts (``newsclean.html.tokens``)."""

from __future__ import annotations

import pytest

from newsclean.html.tokens import classify_tokens, is_content_token


@pytest.mark.parametrize(
    ("value", "concept"),
    [
        ("share-buttons", "share"),
        ("relatedArticles", "related"),
        ("cookie_banner", "cookie"),
        ("footer-sign-up-form", "newsletter"),
        ("hidden", "hidden"),
        ("hidden-xs", None),  # hidden on small screens only
        ("shared-content", None),  # 'shared' is not 'share'
        ("single-post has-sidebar", None),  # a state flag, not a sidebar
        ("non-ad-column", None),
        ("headline", None),
        ("article-body", None),
        # a CMS's list of the post's own taxonomy (two keys or more): values, not concepts
        ("entry-category-advertising entry-author-jo_smith entry-type-post entry", None),
        ("post type-post status-publish category-comments tag-share", None),
        ("hentry post publish author-admin category-sidebar", None),
        # the same key-value shape with one key only is read as before
        ("author-box", "author"),
        ("tag-cloud tag-list", "tags"),
        ("category-ads", "ads"),
        # a concept token beside a post's taxonomy still counts
        ("share-bar type-post category-news", "share"),
    ],
)
def test_token_concepts(value: str, concept: str | None) -> None:
    found = classify_tokens(value)
    assert (found.name if found else None) == concept


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("entry-content", True),
        ("story-body", True),
        ("articleBody", True),
        ("comment-body", False),
        ("sidebar", False),
    ],
)
def test_content_tokens(value: str, expected: bool) -> None:
    assert is_content_token(value) is expected


@pytest.mark.parametrize(
    "value",
    [
        "share-bar",
        "related__posts--2",
        "a:b.c",
        "--x__",
        "post.entry_title",
        "shareBar related_posts-2",
        "12-34",
        "é_ü",
    ],
)
def test_split_tokens_splits_where_the_separator_pattern_splits(value: str) -> None:
    from newsclean.html.tokens import _CAMEL, _SEPARATORS, split_tokens

    expected = []
    for token in value.split():
        lowered = token if token.islower() else _CAMEL.sub("-", token).lower()
        parts = [p for p in _SEPARATORS.split(lowered) if p and not p.isdigit()]
        if parts:
            expected.append(parts)
    assert split_tokens(value) == expected
