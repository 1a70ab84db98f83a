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


def _multi_part_tokens() -> list[tuple[str, str | None, bool]]:
    """Every vocabulary token of two or three parts, with its concept (parts-matching concepts) or as a body token."""
    from newsclean.html.tokens import vocabulary

    vocab = vocabulary()
    out: list[tuple[str, str | None, bool]] = []
    for concept in vocab.concepts:
        if not concept.whole_token:
            out += [(t, concept.name, False) for t in sorted(concept.tokens) if 2 <= len(t.split("-")) <= 3]
    out += [(t, None, True) for t in sorted(vocab.content) if 2 <= len(t.split("-")) <= 3]
    return out


@pytest.mark.parametrize(("token", "concept", "content"), _multi_part_tokens())
def test_a_multi_part_token_is_read_inside_a_longer_token(
    token: str, concept: str | None, content: bool
) -> None:
    # the n-grams of a longer token are read only where they may start a vocabulary token:
    # every two- and three-part token of the vocabulary is still found between unknown parts
    value = f"zq-{token}-qz"
    if content:
        assert is_content_token(value), token
        return
    alone = classify_tokens(token)  # (None for a token holding a modifier part: "no-print-…")
    found = classify_tokens(value)
    assert (found and found.name) == (alone and alone.name), (token, concept)
