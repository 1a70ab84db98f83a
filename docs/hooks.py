"""MkDocs hook: read the docstrings' reStructuredText habits as Markdown.

The docstrings carry doctests (``>>>`` lines) outside an ``Examples:``
section, which Markdown would read as nested block quotes (and a line such as
``['a', 'b']`` under ``[x for x in y]`` as a reference link), and Sphinx roles
such as ``:func:`clean``` that Markdown shows verbatim. This hook adds a small
Markdown preprocessor that fences every unfenced ``>>>`` block as ``pycon``
code and turns a role into inline code of its target (``~`` keeps the last
name), for the pages and for the API reference alike.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

FENCE = "```"
_ROLE = re.compile(r":(?:func|class|meth|mod|attr|data|exc|obj):`(~?)([^`]+)`")


def _role(m: re.Match[str]) -> str:
    target = m.group(2)
    return f"`{target.rsplit('.', 1)[-1] if m.group(1) else target}`"


class _DoctestBlocks(Preprocessor):
    """Wrap each run of lines that starts with ``>>>`` (up to a blank line) in a fence."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_fence = False
        i = 0
        while i < len(lines):
            line = lines[i]
            stripped = line.lstrip()
            if stripped.startswith(FENCE):
                in_fence = not in_fence
            elif not in_fence and stripped.startswith(">>>"):
                indent = line[: len(line) - len(stripped)]
                block: list[str] = []
                while i < len(lines) and lines[i].strip():
                    block.append(lines[i])
                    i += 1
                out.extend(["", f"{indent}{FENCE}pycon", *block, f"{indent}{FENCE}", ""])
                continue
            out.append(line if in_fence or ":`" not in line else _ROLE.sub(_role, line))
            i += 1
        return out


class DoctestBlocks(Extension):
    """The Markdown extension that registers :class:`_DoctestBlocks`."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Before the fenced-code preprocessors (priority 25), so the new fences are read as code.
        md.preprocessors.register(_DoctestBlocks(md), "doctest_blocks", 35)


@event_priority(100)  # before mkdocstrings reads the Markdown extensions
def on_config(config: Any) -> Any:
    """Add the extension to the site's Markdown extensions."""
    config.markdown_extensions.append(DoctestBlocks())
    return config
