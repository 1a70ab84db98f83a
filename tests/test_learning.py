"""Tests of learn_profile: phrases and title slots from as few as five pages, through the API and the CLI.

Pages are built here from sentences and headlines written for these tests;
the phrases and site names are made up.
"""

from __future__ import annotations

import ast
import json
import random
from pathlib import Path

import pytest

import newsclean
from newsclean import Pipeline
from newsclean.cli import main
from newsclean.learning import learn_profile
from newsclean.stages.injection import Slot

HEADLINES = [
    "Council approves the new harbour budget",
    "Valley harvest beats the spring forecasts",
    "Museum wing to reopen after two years",
    "Rail workers agree a new contract",
    "Thousands of trees planted along the river",
    "Bridge stays closed for another week",
    "Local school wins the regional science fair",
    "Harbour traffic hits a summer record",
]
SENTENCES = [
    "The council approved the new budget after a long debate on Tuesday",
    "Farmers in the valley reported a strong harvest this year",
    "The museum will reopen its east wing after repairs to the roof",
    "Rail workers agreed to a new contract after weeks of talks",
    "The city plans to plant two thousand trees along the river",
    "Officials said the bridge would stay closed for another week",
    "A local school won the regional science fair with a water filter",
    "The harbour saw record traffic during the summer months",
]
SYLLABLES = ["zor", "bla", "quin", "vex", "tal", "mor", "dri", "lux", "pen", "sar"]


def made_up(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{word} {rng.choice(['Capital Hub', 'Wealth Group', 'Signals Club'])}"


def farm_page(rng: random.Random, phrase: str, *, suffix: bool, body: bool = True) -> str:
    head = rng.choice(HEADLINES)
    title = f"{head} ｜ {phrase} - Harbour Ledger" if suffix else f"Home > World > {phrase}: {head}"
    sentences = rng.sample(SENTENCES, 5)
    lines = [f"{s}, {rng.randint(2, 90)} residents said." for s in sentences]
    if body:
        lines[2] = lines[2][:-1] + "," + phrase + " who asked not to be named."
    return "\n".join(
        [title, "Weekly Digest", f"Date: 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", *lines]
    )


def test_a_constant_phrase_is_learned_from_five_pages() -> None:
    rng = random.Random(3)
    phrase = "Quinvexmor Wealth Group"
    profile = learn_profile(farm_page(rng, phrase, suffix=False) for _ in range(5))
    assert profile.phrases == (phrase,)
    assert Slot("prefix", "Home > World > ", ":") in profile.title_slots


def test_a_rotating_phrase_teaches_the_slot_and_an_unseen_phrase_is_removed() -> None:
    rng = random.Random(5)
    profile = learn_profile(farm_page(rng, made_up(rng), suffix=True) for _ in range(5))
    assert len(profile.phrases) == 5
    assert profile.title_slots[0] == Slot("suffix", " - Harbour Ledger", "|")  # NFKC by fix_encoding
    fresh = "Glimmorax Trading Club"
    raw = farm_page(rng, fresh, suffix=True, body=False)  # no body evidence at all
    pipe = Pipeline(["fix_encoding", "remove_spam_keywords"])
    assert pipe.run(raw).get("spam_keywords") is None
    doc = pipe.run(raw, profile=profile)
    assert fresh not in doc.text
    assert doc.get("spam_keywords") == (fresh,)
    assert doc.text.split("\n")[0].endswith(" - Harbour Ledger")


def test_clean_pages_of_the_site_teach_no_phrase() -> None:
    rng = random.Random(8)
    pages = [
        farm_page(rng, "", suffix=False, body=False).replace("Home > World > : ", "Home > World > ")
        for _ in range(6)
    ]
    profile = learn_profile(pages)
    assert profile.phrases == ()
    assert profile.title_slots == ()
    assert "Weekly Digest" in profile.template_lines


def test_cli_learns_a_constant_phrase_from_thirty_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(11)
    phrase = "Luxtalpen Signals Club"
    site = tmp_path / "site"
    site.mkdir()
    for n in range(30):
        (site / f"p{n:02d}.txt").write_text(farm_page(rng, phrase, suffix=False), encoding="utf-8")
    out = tmp_path / "profile.json"
    assert main(["learn", str(site), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["phrases"] == [phrase]
    assert {"position": "prefix", "context": "Home > World > ", "separator": ":"} in data["title_slots"]
    capsys.readouterr()
    assert main(["clean", str(site / "p07.txt"), "--profile", str(out)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert phrase not in record["text"]
    assert record["spam_keywords"] == [phrase]


def _imports(module: object) -> set[str]:
    path = Path(str(getattr(module, "__file__", "")))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "newsclean":
            names.update(f"newsclean.{a.name}" for a in node.names)  # from newsclean import regexlite
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n for n in names if n.startswith("newsclean")}


def test_profile_data_and_spam_stage_do_not_import_each_other() -> None:
    from newsclean import learning, profile
    from newsclean.stages import injection, injection_body, injection_title, injection_words, spam

    # The data class imports nothing that could lead back to the stage (lazyre, which
    # compiles patterns, is a leaf over the data files).
    assert _imports(profile) <= {"newsclean.errors", "newsclean.lazyre"}
    # Detection reads only its own modules, the data files and the word list (a leaf);
    # the stage reads profiles but never the learner.
    from newsclean import data, lazyre, lexicon, regexlite

    # regexlite (what the modules take from regex) imports no newsclean module.
    family = {f"newsclean.stages.{m}" for m in ("injection_body", "injection_title", "injection_words")}
    leaves = {"newsclean.lexicon", "newsclean.data", "newsclean.lazyre", "newsclean.regexlite"}
    # The title slot asks the one prose test of the page analysis (newsclean.layout), which
    # reads the boilerplate features and never the spam stage, its detection or the learner.
    from newsclean import layout

    reads = {"newsclean.layout"}
    for module in (injection, injection_body, injection_title, injection_words):
        assert _imports(module) <= family | leaves | reads
    assert not {m for m in _imports(layout) if "spam" in m or "injection" in m or "learning" in m}
    assert _imports(lexicon) <= {"newsclean.data"}
    assert _imports(lazyre) <= {"newsclean.data", "newsclean.regexlite"}
    assert _imports(data) <= {"newsclean.errors", "newsclean.regexlite"}
    assert _imports(regexlite) == set()
    assert "newsclean.learning" not in _imports(spam)
    assert "newsclean.stages.spam" not in _imports(learning)
    assert newsclean.__name__ == "newsclean"
