"""What recurs across many captures of one site: a learned :class:`SiteProfile`.

A content farm renders every page through the same template and injects a
rotating phrase into the same place. Seen one page at a time, a label such
as "Most read" or a counter widget "Like! (1234)" is just a short line;
seen across fifty pages of the site, it is plainly template. ``learn`` counts,
in one pass over the captures:

* **template lines**: whole lines (white space normalised) that occur on at
  least ``min_share`` of the pages; lines whose only varying part is one
  number (counters) are kept as patterns with the number masked as ``#``;
* **phrases** found in the title slot by :func:`newsclean.stages.spam.detect_injected`
  on any page, and the **title slots** themselves (the text before the phrase
  on its line and the separator after it) that recur, so that a phrase never
  seen before is found in the same slot of a new page;
* **site names**: the recurring suffix of the title lines (" - Site Name").

The profile is plain data (a frozen dataclass) that serialises to JSON;
``clean(raw, profile=SiteProfile.load("site.json"))`` applies it through the
``remove_spam_keywords`` stage.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from newsclean.errors import ConfigError

__all__ = ["FORMAT", "SiteProfile", "mask_digits", "normalize_line"]

#: The ``format`` tag written into every profile file.
FORMAT = "newsclean.site_profile"
VERSION = 1

#: Lines longer than this (in words) are story text, never template.
MAX_TEMPLATE_WORDS = 20
MAX_TEMPLATE_CHARS = 200

_DIGITS = regex.compile(r"\d+")
_LETTERS = regex.compile(r"\p{L}")
_LIST_ITEM = regex.compile(r"^(?:[-*•·▪►]\s|\d{1,2}[.)]\s)")
_SITE_SUFFIX = regex.compile(r"(?:\s[-–—|]\s?|\s?[|]\s)([^-–—|]{2,60})$")


def normalize_line(text: str) -> str:
    """Return ``text`` with runs of white space collapsed and the ends stripped."""
    return " ".join(text.split())


def mask_digits(text: str) -> str:
    """Return ``text`` with every run of digits replaced by ``#``."""
    return str(_DIGITS.sub("#", text))


def _template_candidate(line: str) -> bool:
    return (
        len(line) <= MAX_TEMPLATE_CHARS
        and len(line.split()) <= MAX_TEMPLATE_WORDS
        and not _LIST_ITEM.match(line)
    )


def _pattern_candidate(line: str) -> bool:
    """A line with exactly one number and some letters: a counter widget, not a date."""
    return len(_DIGITS.findall(line)) == 1 and len(_LETTERS.findall(line)) >= 2


def _str_tuple(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"site profile: {key!r} must be a list of strings")
    return tuple(value)


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """What one site's pages have in common, learned by :meth:`learn`.

    Attributes:
        pages: How many captures the profile was learned from.
        template_lines: Whole lines (white space normalised) to delete.
        template_patterns: Lines with their one number masked as ``#``.
        phrases: Injected phrases seen on the site; removed wherever found.
        title_slots: ``(prefix, separator)`` pairs: on a title line that
            starts with ``prefix``, a capitalised phrase followed by
            ``separator`` is an injection candidate.
        site_names: Recurring title suffixes, most frequent first.

    >>> p = SiteProfile(pages=3, template_lines=("Related",))
    >>> SiteProfile.from_json(p.to_json()) == p
    True
    """

    pages: int = 0
    template_lines: tuple[str, ...] = ()
    template_patterns: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    title_slots: tuple[tuple[str, str], ...] = ()
    site_names: tuple[str, ...] = ()

    # -- learning -----------------------------------------------------------------
    @classmethod
    def learn(
        cls,
        captures: Iterable[str | bytes],
        *,
        min_share: float = 0.5,
        min_pages: int = 2,
    ) -> SiteProfile:
        """Learn the profile of one site from many of its captures.

        Each capture is first read and repaired as the pipeline would
        (``extract_html``, ``fix_encoding``), so learned lines match what the
        ``remove_spam_keywords`` stage sees. Time and memory are linear in the
        total size of the captures.

        Args:
            captures: Plain-text or HTML captures of pages of one site.
            min_share: Share of pages a line must occur on to be template.
            min_pages: Never learn anything seen on fewer pages than this.

        Returns:
            The learned profile (empty when given no captures).

        Raises:
            ConfigError: If ``min_share`` is not in (0, 1].
        """
        if not 0 < min_share <= 1:
            raise ConfigError(f"min_share must be in (0, 1], got {min_share!r}")
        from newsclean.pipeline import Pipeline
        from newsclean.stages.spam import detect_injected, top_lines

        prepare = Pipeline(["extract_html", "fix_encoding"])
        pages = 0
        line_counts: Counter[str] = Counter()
        pattern_counts: Counter[str] = Counter()
        pattern_values: dict[str, set[str]] = {}
        slot_counts: Counter[tuple[str, str]] = Counter()
        phrase_counts: Counter[str] = Counter()
        suffix_counts: Counter[str] = Counter()
        for capture in captures:
            text = prepare.run(capture).text
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
            found = detect_injected(text)
            for phrase in dict.fromkeys(d.phrase for d in found):
                phrase_counts[phrase] += 1
            for slot in {(d.prefix, d.separator) for d in found if d.line >= 0}:
                slot_counts[slot] += 1
            suffixes = set()
            for line in top_lines(text):
                m = _SITE_SUFFIX.search(line.rstrip())
                first = m.group(1).strip()[:1] if m else ""
                if m and first.isalpha() and not first.islower():
                    suffixes.add(normalize_line(m.group(1)))
            suffix_counts.update(suffixes)
        if not pages:
            return cls()
        need = max(min_pages, math.ceil(min_share * pages))
        template = sorted((n, line) for line, n in line_counts.items() if n >= need)
        patterns = sorted(
            (n, p)
            for p, n in pattern_counts.items()
            if n >= need and len(pattern_values.get(p, ())) > 1  # the number varies
        )
        slot_need = max(min_pages, math.ceil(min_share * pages / 2))
        return cls(
            pages=pages,
            template_lines=tuple(line for _, line in sorted(template, key=lambda t: (-t[0], t[1]))),
            template_patterns=tuple(p for _, p in sorted(patterns, key=lambda t: (-t[0], t[1]))),
            phrases=tuple(p for p, _ in phrase_counts.most_common()),
            title_slots=tuple(s for s, n in slot_counts.most_common() if n >= slot_need),
            site_names=tuple(s for s, n in suffix_counts.most_common() if n >= need),
        )

    # -- serialisation ------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Return the profile as a JSON-ready mapping."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "pages": self.pages,
            "site_names": list(self.site_names),
            "template_lines": list(self.template_lines),
            "template_patterns": list(self.template_patterns),
            "phrases": list(self.phrases),
            "title_slots": [{"prefix": p, "separator": s} for p, s in self.title_slots],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SiteProfile:
        """Build a profile from :meth:`to_dict` output.

        Raises:
            ConfigError: If ``data`` is not a newsclean site profile.
        """
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise ConfigError(
                f"not a newsclean site profile (expected format {FORMAT!r}); "
                "create one with `newsclean learn DIR -o profile.json`"
            )
        if data.get("version") != VERSION:
            raise ConfigError(
                f"site profile version {data.get('version')!r} is not supported (need {VERSION})"
            )
        pages = data.get("pages", 0)
        if not isinstance(pages, int) or pages < 0:
            raise ConfigError("site profile: 'pages' must be a non-negative integer")
        slots_raw = data.get("title_slots", [])
        if not isinstance(slots_raw, list):
            raise ConfigError("site profile: 'title_slots' must be a list")
        slots = []
        for item in slots_raw:
            if not (
                isinstance(item, Mapping)
                and isinstance(item.get("prefix"), str)
                and isinstance(item.get("separator"), str)
                and item["separator"].strip()
            ):
                raise ConfigError(
                    "site profile: each title slot needs a 'prefix' and a non-blank 'separator'"
                )
            slots.append((item["prefix"], item["separator"]))
        return cls(
            pages=pages,
            template_lines=_str_tuple(data, "template_lines"),
            template_patterns=_str_tuple(data, "template_patterns"),
            phrases=_str_tuple(data, "phrases"),
            title_slots=tuple(slots),
            site_names=_str_tuple(data, "site_names"),
        )

    def to_json(self, *, indent: int | None = 1) -> str:
        """Return the profile as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> SiteProfile:
        """Parse a profile from :meth:`to_json` output.

        Raises:
            ConfigError: If the text is not JSON or not a site profile.
        """
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"site profile is not valid JSON: {exc}") from exc
        return cls.from_dict(data)

    def save(self, path: str | Path) -> None:
        """Write the profile to ``path`` as UTF-8 JSON."""
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> SiteProfile:
        """Read a profile written by :meth:`save`.

        Raises:
            ConfigError: If the file is not a site profile.
            OSError: If the file cannot be read.
        """
        return cls.from_json(Path(path).read_text(encoding="utf-8"))
