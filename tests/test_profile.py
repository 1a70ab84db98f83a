"""Tests of SiteProfile: learning from generated pages of one site, JSON round trip, application.

Pages are generated here from a small template and sentences written for these
tests; phrases and site names are made up.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsclean import Pipeline
from newsclean.document import replay
from newsclean.errors import ConfigError
from newsclean.learning import learn_profile
from newsclean.profile import SiteProfile, mask_digits, normalize_line

SENTENCES = [
    "The council approved the new budget after a long debate",
    "Farmers in the valley reported a strong harvest this year",
    "The museum will reopen its east wing after repairs",
    "Rail workers agreed to a new contract on Tuesday",
    "The city plans to plant two thousand trees along the river",
    "Officials said the bridge would stay closed for another week",
    "A local school won the regional science fair",
    "The harbour saw record traffic during the summer months",
]
HEADLINES = [
    "Council approves budget",
    "Valley harvest beats forecasts",
    "Museum wing to reopen",
    "Rail contract agreed",
    "Thousands of trees for the river",
    "Bridge stays closed",
    "School wins science fair",
    "Harbour traffic hits record",
]
SYLLABLES = ["zor", "bla", "quin", "vex", "tal", "mor", "dri", "lux", "pen", "sar"]
TEMPLATE_LINES = ["Weekly Digest", "Related", "Most Read", "© 2024 Harbour Ledger. All rights reserved."]


def phrase(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{word} {rng.choice(['Capital Hub', 'Wealth Group', 'Signals Club'])}"


def page(rng: random.Random, injected: str | None, *, body_injection: bool = True) -> str:
    k = rng.randrange(len(HEADLINES))
    head = HEADLINES[k]
    slot = f"{injected}-" if injected else ""
    places = ["in the north", "near the port", "downtown", "in the old town", "on the coast", "upriver"]
    sentences = rng.sample(SENTENCES, 5)
    body = [f"{s} {rng.choice(places)}, {rng.randint(2, 90)} people said." for s in sentences]
    if injected and body_injection:
        body[1] = body[1][:-1] + "," + injected + " residents added."
    lines = [
        f"Home > News{slot}{head} -Harbour Ledger",
        f"{slot}{head}",
        "Weekly Digest",
        f"Date:2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        *body,
        f"Likes ({rng.randint(10, 9999)})",
        "Related",
        f"- {rng.choice(HEADLINES)}",
        "Most Read",
        f"- {rng.choice(HEADLINES)}",
        "© 2024 Harbour Ledger. All rights reserved.",
    ]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def learned() -> SiteProfile:
    rng = random.Random(7)
    return learn_profile(page(rng, phrase(rng)) for _ in range(12))


def test_learns_template_lines_patterns_slots_and_site_name(learned: SiteProfile) -> None:
    assert learned.pages == 12
    assert set(TEMPLATE_LINES) <= set(learned.template_lines)
    assert "Likes (#)" in learned.template_patterns
    assert ("prefix", "Home > News", "-") in learned.title_slots
    assert learned.site_names[:1] == ("Harbour Ledger",)
    assert len(learned.phrases) >= 10
    # Story lines and list items vary, dates carry data: none are template.
    assert not any(line.startswith(("- ", "Date:")) for line in learned.template_lines)
    assert not any(s.startswith(tuple(SENTENCES)) for s in learned.template_lines)


def test_profile_removes_template_lines_and_an_unseen_phrase(learned: SiteProfile) -> None:
    rng = random.Random(99)
    new_phrase = "Glimmorax Trading Signals Club"
    raw = page(rng, new_phrase, body_injection=False)  # no body evidence: only the learned slot
    pipe = Pipeline(["fix_encoding", "remove_spam_keywords"])
    without = pipe.run(raw)
    assert without.edits == ()
    doc = pipe.run(raw, profile=learned)
    removed = [e.before.strip() for e in doc.edits if e.reason == "template_line"]
    assert sorted(removed) == sorted(
        [*TEMPLATE_LINES, next(x for x in raw.split("\n") if x.startswith("Likes"))]
    )
    assert new_phrase not in doc.text
    assert doc.get("spam_keywords") == (new_phrase,)
    assert doc.text.split("\n")[0].startswith("Home > News")
    assert replay(doc.base_text, doc.edits[doc.base_index :]) == doc.text


def test_profile_phrases_act_as_a_list(learned: SiteProfile) -> None:
    known = learned.phrases[0]
    raw = f"Quiet day at the harbour\nBoats left early and {known} returned at noon."
    doc = Pipeline(["remove_spam_keywords"]).run(raw, profile=learned)
    assert known not in doc.text
    assert doc.get("spam_keywords") == (known,)


CLEAN_WITH_PROFILE = [
    (
        "Anglo-French talks resume\nThe Anglo-French talks began at noon.\nRelated coverage follows.",
        "compound",
    ),
    (
        "Storm hits coast\nMok Siu-chun, the district commander, said the roads would reopen.",
        "hyphenated name",
    ),
    (
        "Home > NewsMok Siu-chun named district commander\nHe takes office on Monday.",
        "name in the slot, lower case",
    ),
    (
        "Home > NewsNorth Korea-Russia summit ends\nThe summit with North Korea ended.",
        "a real name in the slot",
    ),
]


@pytest.mark.parametrize(("raw", "reason"), CLEAN_WITH_PROFILE, ids=[r for _, r in CLEAN_WITH_PROFILE])
def test_profile_leaves_clean_text_alone(learned: SiteProfile, raw: str, reason: str) -> None:
    doc = Pipeline(["remove_spam_keywords"]).run(raw, profile=learned)
    assert doc.text == raw, reason


def test_json_round_trip(learned: SiteProfile, tmp_path: Path) -> None:
    assert SiteProfile.from_json(learned.to_json()) == learned
    assert SiteProfile.from_dict(learned.to_dict()) == learned
    path = tmp_path / "profile.json"
    learned.save(path)
    assert SiteProfile.load(path) == learned
    assert SiteProfile.from_json(SiteProfile().to_json()) == SiteProfile()


BAD = [
    ("{", "not JSON"),
    ('{"format": "something else", "version": 1}', "wrong format tag"),
    ('{"format": "newsclean.site_profile", "version": 99}', "unknown version"),
    ('{"format": "newsclean.site_profile", "version": 1}', "an old version"),
    (
        '{"format": "newsclean.site_profile", "version": 2, "title_slots": '
        '[{"position": "middle", "context": "", "separator": "-"}]}',
        "slot position neither prefix nor suffix",
    ),
    (
        '{"format": "newsclean.site_profile", "version": 2, "template_lines": "Related"}',
        "a string, not a list",
    ),
    (
        '{"format": "newsclean.site_profile", "version": 2, "title_slots": [{"position": "prefix", "context": ""}]}',
        "slot without separator",
    ),
    ('{"format": "newsclean.site_profile", "version": 2, "pages": -1}', "negative page count"),
    ("[]", "not an object"),
]


@pytest.mark.parametrize(("text", "reason"), BAD, ids=[r for _, r in BAD])
def test_bad_profiles_raise_config_error(text: str, reason: str) -> None:
    with pytest.raises(ConfigError):
        SiteProfile.from_json(text)


def test_learn_edge_cases() -> None:
    assert learn_profile([]) == SiteProfile()
    one = learn_profile(["Related\nSome text."])
    assert one.template_lines == ()  # never learned from a single page
    with pytest.raises(ConfigError):
        learn_profile([], min_share=0)


def test_profile_is_frozen_data() -> None:
    p = SiteProfile(pages=1)
    with pytest.raises(AttributeError):
        p.pages = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("line", "normalized", "masked"),
    [("  Likes   (12) ", "Likes (12)", "Likes (#)"), ("阅读（3401）", "阅读（3401）", "阅读（#）")],
)
def test_line_helpers(line: str, normalized: str, masked: str) -> None:
    assert normalize_line(line) == normalized
    assert mask_digits(normalize_line(line)) == masked
