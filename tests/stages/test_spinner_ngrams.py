"""Tests of stages/spinner_ngrams.py: Google Books word-pair context for spinner reversals.

All text is written here; the packaged table is read where the test is about
what it knows of English, a small table written here where it is about the
arithmetic.
"""

from __future__ import annotations

import gzip
import math

import pytest

from newsclean import clean
from newsclean.data import DataError, read_bytes
from newsclean.document import Document
from newsclean.stages.spinner import repair_spinner
from newsclean.stages.spinner_context import FEATURES, candidates
from newsclean.stages.spinner_ngrams import ABSENT_SHARE, NGRAM_FILE, load_ngrams, parse_ngrams
from newsclean.stages.spinner_swaps import word_frequency

# log10 counts: "the" 8, "council" 6, "city" 6.5, "metropolis" 4; pairs "the city" 6,
# "city council" 5, "the metropolis" 3.5; the rarest listed pair 3 (score 300).
SMALL = (
    "# a table written for the test\n"
    "P\ttokens\t9\nP\tmin\t300\nP\tscore_scale\t100\n"
    "U\tthe\t800\nU\tcouncil\t600\nU\tcity\t650\nU\tmetropolis\t400\n"
    "B\tthe\tcity:600 metropolis:350\n"
    "B\tcity\tcouncil:500\n"
)
FLAT = lambda w: 3.0  # noqa: E731 - Zipf of words not in the table


def test_context_on_a_constructed_sentence() -> None:
    """'the metropolis council' against 'the city council': both sides prefer the original."""
    table = parse_ngrams(SMALL)
    ctx = table.context("the", "city", "metropolis", "council", FLAT)
    # prev: log c(the city) - log c(the metropolis) = 6 - 3.5
    assert ctx.prev == pytest.approx(2.5)
    # next: [log c(city council) - log c(city)] - [log c(metropolis council) - log c(metropolis)];
    # "metropolis council" is absent: independent estimate 4 + 6 - 9 = 1, under the cap 3 + log10(0.5).
    assert ctx.next == pytest.approx((5 - 6.5) - (1 - 4))
    assert (ctx.seen_original, ctx.seen_word) == (2, 1)


def test_absent_pairs_are_capped_below_the_rarest_listed_pair() -> None:
    table = parse_ngrams(SMALL)
    value, listed = table.log_pair("the", "council", FLAT)  # independent: 8 + 6 - 9 = 5
    assert not listed
    assert value == pytest.approx(3 + math.log10(ABSENT_SHARE))


def test_boundaries_say_nothing() -> None:
    table = parse_ngrams(SMALL)
    ctx = table.context("<p>", "city", "metropolis", "<p>", FLAT)
    assert (ctx.prev, ctx.next, ctx.seen_original, ctx.seen_word) == (0.0, 0.0, 0, 0)


def test_phrases_use_their_first_and_last_words() -> None:
    """'the big metropolis council' for 'the city council': "big" meets "the", "metropolis" meets "council"."""
    table = parse_ngrams(SMALL)
    phrase = table.context("the", "city", "big", "council", FLAT, word_last="metropolis")
    one = table.context("the", "city", "metropolis", "council", FLAT)
    assert phrase.next == pytest.approx(one.next)  # the pair after the phrase is read from its last word
    big = table.log_pair("the", "big", FLAT)[0]  # absent: 8 + (9 + 3 - 9) - 9 = 2
    assert big == pytest.approx(2.0)
    assert phrase.prev == pytest.approx(6.0 - big)


def test_malformed_tables_raise_data_errors() -> None:
    with pytest.raises(DataError, match="missing parameters"):
        parse_ngrams("U\tthe\t800\n")
    with pytest.raises(DataError, match="line 2"):
        parse_ngrams("P\ttokens\t9\nX\tbad\n")


def test_packaged_table_knows_news_english() -> None:
    table = load_ngrams()
    zipf = word_frequency("en")
    # "said after the meeting" / "said following the meeting": both fit, the original better.
    after = table.context("said", "after", "following", "the", zipf)
    assert after.prev > 0 and after.seen_original == 2
    # "worried about the" against "worried regarding the".
    about = table.context("worried", "about", "regarding", "the", zipf)
    assert about.prev > 2 and about.next > 0
    # The author's "the following day": "following" fits after "the" far better than "after".
    day = table.context("the", "after", "following", "day", zipf)
    assert day.prev < -1
    header = gzip.decompress(read_bytes(NGRAM_FILE)).decode("utf-8").split("\nP\t")[0]
    assert "Google Books Ngram" in header and "Attribution 3.0" in header and "SymSpell" in header


def test_candidates_carry_the_ngram_features() -> None:
    spun = (
        "The council met toobtainher on Monday to discuss the city budobtain for next year.\n"
        "The mayor aforementioned the plan would cut costs, and officials aforementioned it was fair.\n"
        "Members would not forobtain the promises made to residents last spring.\n"
    )
    found = [c for c in candidates(spun, "en") if (c.word, c.original) == ("aforementioned", "said")]
    assert len(found) == 2
    for c in found:
        f = dict(zip(FEATURES, c.features, strict=True))
        assert f["ngram_llr"] == pytest.approx(f["ngram_prev_llr"] + f["ngram_next_llr"])
        # "mayor said" and "officials said" are frequent pairs; "mayor aforementioned" is not.
        assert f["ngram_prev_llr"] > 1.0
        assert f["ngram_seen_original"] >= 1


CLEAN = (
    "Regarding the budget, the council said it would publish its figures after the vote.\n"
    "The following day, members met again to talk about the roads, following a request from residents.\n"
    "Questions regarding the bus timetable were left for the following meeting, after the summer recess.\n"
    "Officials said that the plan, which follows a year of talks about costs, is fair to everyone.\n"
)


def test_clean_text_with_following_and_regarding_gets_no_edit() -> None:
    doc = repair_spinner(Document.from_text(CLEAN))
    assert doc.text == CLEAN
    assert doc.get("spun") is False
    assert not [e for e in doc.edits if e.reason in ("spinner_substitution", "spinner_artifact")]
    article = clean(CLEAN)
    assert article.spun is False
    assert "following" in article.text and "regarding" in article.text and "Regarding" in article.text
