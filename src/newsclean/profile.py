"""What recurs across many captures of one site: a learned :class:`SiteProfile`.

A content farm renders every page through the same template and injects a
rotating phrase into the same place. Seen one page at a time, a label such
as "Most read" or a counter widget "Like! (1234)" is just a short line;
seen across fifty pages of the site, it is plainly template.
:func:`newsclean.learning.learn_profile` counts, in one pass over the captures:

* **template lines**: whole lines (white space normalised) that occur on at
  least ``min_share`` of the pages; lines whose only varying part is one
  number (counters) are kept as patterns with the number masked as ``#``;
* **phrases** found in the title slot by :func:`newsclean.stages.injection.detect_injected`
  on any page, and the **title slots** themselves (the text before the phrase
  on its line and the separator after it) that recur, so that a phrase never
  seen before is found in the same slot of a new page;
* **site names**: the recurring suffix of the title lines (" - Site Name").

This module holds only the data: the profile is a frozen dataclass that
serialises to JSON and imports nothing else of the library;
``clean(raw, profile=SiteProfile.load("site.json"))`` applies it through the
``remove_spam_keywords`` stage.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsclean.errors import ConfigError
from newsclean.lazyre import regex_compile

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FORMAT", "SiteProfile", "mask_digits", "normalize_line"]

#: The ``format`` tag written into every profile file.
FORMAT = "newsclean.site_profile"
VERSION = 2

_DIGITS = regex_compile(r"\d+")


def normalize_line(text: str) -> str:
    """Return ``text`` with runs of white space collapsed and the ends stripped."""
    return " ".join(text.split())


def mask_digits(text: str) -> str:
    """Return ``text`` with every run of digits replaced by ``#``."""
    return str(_DIGITS.sub("#", text))


def _str_tuple(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"site profile: {key!r} must be a list of strings")
    return tuple(value)


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """What one site's pages have in common, learned by :func:`newsclean.learning.learn_profile`.

    Attributes:
        pages: How many captures the profile was learned from.
        template_lines: Whole lines (white space normalised) to delete.
        template_patterns: Lines with their one number masked as ``#``.
        phrases: Injected phrases seen on the site; removed wherever found.
        title_slots: ``(position, context, separator)`` triples: on a
            title line, a phrase before (``"prefix"``) or after
            (``"suffix"``) the headline, joined to it by ``separator``, with
            ``context`` the text before (prefix) or after (suffix) it on the
            line, is an injection candidate (see
            :class:`newsclean.stages.injection_title.Slot`).
        site_names: Recurring title suffixes, most frequent first.

    >>> p = SiteProfile(pages=3, template_lines=("Related",))
    >>> SiteProfile.from_json(p.to_json()) == p
    True
    """

    pages: int = 0
    template_lines: tuple[str, ...] = ()
    template_patterns: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    title_slots: tuple[tuple[str, str, str], ...] = ()
    site_names: tuple[str, ...] = ()

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
            "title_slots": [{"position": p, "context": c, "separator": s} for p, c, s in self.title_slots],
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
                f"site profile version {data.get('version')!r} is not supported (need {VERSION}); "
                "learn it again with `newsclean learn DIR -o profile.json`"
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
                and item.get("position") in ("prefix", "suffix")
                and isinstance(item.get("context"), str)
                and isinstance(item.get("separator"), str)
                and item["separator"].strip()
            ):
                raise ConfigError(
                    "site profile: each title slot needs a 'position' (prefix or suffix), "
                    "a 'context' and a non-blank 'separator'"
                )
            slots.append((item["position"], item["context"], item["separator"]))
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
        from pathlib import Path

        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> SiteProfile:
        """Read a profile written by :meth:`save`.

        Raises:
            ConfigError: If the file is not a site profile.
            OSError: If the file cannot be read.
        """
        from pathlib import Path

        return cls.from_json(Path(path).read_text(encoding="utf-8"))
