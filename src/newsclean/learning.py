"""Learn a :class:`~newsclean.profile.SiteProfile` from many captures of one site.

Kept apart from the profile's data class so that the data (``profile.py``)
imports nothing of the pipeline, and the spam stage, which reads profiles,
never imports the code that learns them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from newsclean import regexlite as regex
from newsclean.errors import ConfigError
from newsclean.profile import SiteProfile, mask_digits, normalize_line

__all__ = ["learn_profile"]

#: Lines longer than this (in words or characters) are story text, never template.
MAX_TEMPLATE_WORDS = 20
MAX_TEMPLATE_CHARS = 200

_DIGITS = regex.compile(r"\d+")
_LETTERS = regex.compile(r"\p{L}")
_LIST_ITEM = regex.compile(r"^(?:[-*•·▪►]\s|\d{1,2}[.)]\s)")
_SITE_SUFFIX = regex.compile(r"(?:\s[-–—|｜]\s?|\s?[|｜]\s)([^-–—|｜]{2,60})$")


def _template_candidate(line: str) -> bool:
    return (
        len(line) <= MAX_TEMPLATE_CHARS
        and len(line.split()) <= MAX_TEMPLATE_WORDS
        and not _LIST_ITEM.match(line)
    )


def _pattern_candidate(line: str) -> bool:
    """A line with exactly one number and some letters: a counter widget, not a date."""
    return len(_DIGITS.findall(line)) == 1 and len(_LETTERS.findall(line)) >= 2


def learn_profile(
    captures: Iterable[str | bytes],
    *,
    min_share: float = 0.5,
    min_pages: int = 2,
) -> SiteProfile:
    """Learn the profile of one site from several of its captures (five are enough).

    Each capture is first read and repaired as the pipeline would
    (``extract_html``, ``fix_encoding``), so learned lines match what the
    ``remove_spam_keywords`` stage sees. A phrase is learned when the title
    slot and the body of a page confirm it (it may be the same phrase on
    every page, or a new one each time); a title slot is learned when a
    phrase was found in it on at least ``min_pages`` pages, so that a phrase
    never seen before is found in the same slot of a new page. Time and
    memory are linear in the total size of the captures.

    Args:
        captures: Plain-text or HTML captures of pages of one site.
        min_share: Share of pages a line must occur on to be template.
        min_pages: Never learn a line or slot seen on fewer pages than this.

    Returns:
        The learned profile (empty when given no captures).

    Raises:
        ConfigError: If ``min_share`` is not in (0, 1].
    """
    if not 0 < min_share <= 1:
        raise ConfigError(f"min_share must be in (0, 1], got {min_share!r}")
    from newsclean.pipeline import Pipeline
    from newsclean.stages.injection import detect_injected
    from newsclean.stages.injection_title import head_lines

    prepare = Pipeline(["extract_html", "fix_encoding", "detect_language"])
    pages = 0
    line_counts: Counter[str] = Counter()
    pattern_counts: Counter[str] = Counter()
    pattern_values: dict[str, set[str]] = {}
    slot_counts: Counter[tuple[str, str, str]] = Counter()
    phrase_counts: Counter[str] = Counter()
    suffix_counts: Counter[str] = Counter()
    for capture in captures:
        doc = prepare.run(capture)
        text = doc.text
        pages += 1
        seen = {normalize_line(line) for line in text.split("\n")}
        seen.discard("")
        for line in seen:
            if not _template_candidate(line):
                continue
            line_counts[line] += 1
            if _pattern_candidate(line):
                masked = mask_digits(line)
                pattern_counts[masked] += 1
                values = pattern_values.setdefault(masked, set())
                if len(values) < 3:
                    values.add(line)
        found = detect_injected(text, language=doc.get("language"))
        for phrase in dict.fromkeys(d.phrase for d in found):
            phrase_counts[phrase] += 1
        slot_counts.update({(d.slot.position, d.slot.context, d.slot.separator) for d in found})
        suffixes = set()
        for head in head_lines(text):
            m = _SITE_SUFFIX.search(head.text.rstrip())
            first = m.group(1).strip()[:1] if m else ""
            if m and first.isalpha() and not first.islower():
                suffixes.add(normalize_line(m.group(1)))
        suffix_counts.update(suffixes)
    if not pages:
        return SiteProfile()
    need = max(min_pages, math.ceil(min_share * pages))
    template = sorted((n, line) for line, n in line_counts.items() if n >= need)
    patterns = sorted(
        (n, p)
        for p, n in pattern_counts.items()
        if n >= need and len(pattern_values.get(p, ())) > 1  # the number varies
    )
    # A phrase seen once is a phrase (its page confirmed it); a slot must recur.
    slot_need = min(need, max(min_pages, 2))
    phrases = [p for p, _ in phrase_counts.most_common()]
    return SiteProfile(
        pages=pages,
        template_lines=tuple(
            line for _, line in sorted(template, key=lambda t: (-t[0], t[1])) if line not in phrases
        ),
        template_patterns=tuple(p for _, p in sorted(patterns, key=lambda t: (-t[0], t[1]))),
        phrases=tuple(phrases),
        title_slots=tuple(s for s, n in slot_counts.most_common() if n >= slot_need),
        site_names=tuple(s for s, n in suffix_counts.most_common() if n >= need),
    )
