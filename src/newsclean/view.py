"""Views of an :class:`~newsclean.article.Article` for notebooks and terminals.

:func:`article_html` is what a notebook shows for an article (its
``_repr_html_``): the fields, the number of edits per stage, and the text as
captured with every edit in place — removed text struck through, a replacement
shown as ``before → after``, moved text (a title, a related-story list) marked
as moved — each carrying its stage and reason as a tooltip. Long captures and
long removed runs fold into ``<details>`` elements. :func:`article_text` is the
short plain-text summary a terminal shows (IPython's pretty printer).

A capture is untrusted input. Every piece of text from it is HTML-escaped
(``<``, ``>``, ``&`` and both quote characters) before it is placed in an
element or an attribute, the view emits no links, scripts, event handlers or
inline styles built from the capture, so nothing from a page can become live
markup. The browser test renders a hostile capture to check exactly that.

The view needs the decoded text the text stages started from
(:attr:`Article.base_text`) and the working offsets of the edits; an article
rebuilt with :meth:`Article.from_dict` has neither, and its view lists the
edits under the cleaned text instead.

>>> from newsclean import clean
>>> html = clean("Share this story\\nThe vote was held on Monday, officials said.")._repr_html_()
>>> '<del class="nc-del" title="remove_boilerplate: share' in html
True
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsclean.article import Article
    from newsclean.document import Edit

__all__ = ["Explanation", "article_html", "article_text", "authors_shown", "date_rule", "edit_counts"]

#: Characters of the capture shown before the rest folds into a closed
#: ``<details>`` element; about two screens of a notebook cell.
PREVIEW_CHARS = 4000
#: The folded rest must be at least this long; a shorter tail is shown in full.
MIN_FOLDED_CHARS = 1000
#: A run of consecutive removed text longer than this folds into its own
#: ``<details>`` element (a related-story list, a footer), so the story stays readable.
FOLD_CHARS = 400
#: A list field (tags, related headlines) with more items than this folds into
#: a ``<details>`` element.
LIST_ITEMS = 4
#: Terminal width assumed when the real one cannot be read.
DEFAULT_WIDTH = 100

_KEEP, _DEL, _INS = 0, 1, 2

#: One piece of the marked-up text: its kind, its text, and the index of the
#: edit that removed or inserted it (``-1`` for text kept as captured).
_Segment = tuple[int, str, int]

_CSS = """<style>
.nc-article{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;line-height:1.45;
 color:#1b1b1b;background:#fff;max-width:60em;padding:.4em .6em;border:1px solid #ddd;border-radius:4px}
.nc-article h3{font-size:1.15em;margin:.2em 0 .4em}
.nc-article table.nc-fields{border-collapse:collapse;margin:0 0 .5em}
.nc-article table.nc-fields th{text-align:left;font-weight:600;padding:1px .8em 1px 0;vertical-align:top;color:#555}
.nc-article table.nc-fields td{padding:1px 0;vertical-align:top}
.nc-article .nc-rule{color:#666;font-size:.9em}
.nc-article .nc-count{display:inline-block;margin:0 .5em .2em 0;padding:0 .4em;border-radius:3px;background:#eef}
.nc-article .nc-text{white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;
 border-top:1px solid #eee;padding-top:.4em;margin-top:.3em}
.nc-article del.nc-del{text-decoration:line-through;color:#a11;background:#fde8e8}
.nc-article del.nc-ext{text-decoration:line-through;color:#225;background:#e6eeff}
.nc-article ins.nc-ins{text-decoration:none;color:#063;background:#dcf5dc}
.nc-article .nc-arrow{color:#777}
.nc-article details>summary{cursor:pointer;color:#555;font-family:system-ui,sans-serif;font-size:12.5px}
.nc-article .nc-warn{color:#8a5a00}
.nc-article ol.nc-log{font-size:12.5px;padding-left:2em}
</style>"""


class Explanation(str):
    """What :meth:`Article.explain` returns: the account of every edit, as text.

    It *is* that text (a ``str``: print it, compare it, search it), and in a
    notebook it also shows the article with every edit in place
    (``_repr_html_``) instead of an escaped string.
    """

    article: Article | None

    def __new__(cls, text: str, article: Article | None = None) -> Explanation:
        """Wrap ``text``, keeping ``article`` for the HTML view."""
        self = super().__new__(cls, text)
        self.article = article
        return self

    def __getnewargs__(self) -> tuple[str, Article | None]:  # type: ignore[override]
        return (str(self), self.article)

    def _repr_html_(self) -> str:
        if self.article is None:
            return f'<pre class="nc-explain">{_esc(str(self))}</pre>'
        return article_html(self.article, log=True)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


# -- facts read off an article -------------------------------------------------------
def edit_counts(article: Article) -> dict[str, int]:
    """Return the number of edits per stage, in pipeline order.

    >>> from newsclean import Article, Edit
    >>> edit_counts(Article(edits=(Edit("a", "remove", "x", "1", ""), Edit("b", "remove", "y", "2", ""))))
    {'a': 1, 'b': 1}
    """
    counts: Counter[str] = Counter(e.stage for e in article.edits)
    return dict(counts)


def date_rule(article: Article) -> str | None:
    """Return the rule that chose ``article.published``, or ``None`` if unknown.

    Read from the ``published_date`` decision (``data["rule"]``).
    """
    for d in article.decisions:
        if d.reason == "published_date":
            rule = d.data.get("rule")
            source = d.data.get("source")
            if rule and source:
                return f"{rule}, read from {source!r}"
            return str(rule) if rule else None
    return None


def authors_shown(article: Article) -> str:
    """The authors as the views print them: each name with the roles the byline gives it.

    ``"Jane Doe (Staff Writer), John Roe"``; an office named with no person ("By our
    correspondent") follows the names as printed. Empty when the Article has neither.
    """
    roles: dict[str, list[str]] = {}
    offices: list[str] = []
    for r in article.author_roles:
        if r.author is None:
            offices.append(r.role)
        else:
            roles.setdefault(r.author.casefold(), []).append(r.role)
    shown = [
        a + (f" ({', '.join(roles[a.casefold()])})" if a.casefold() in roles else "") for a in article.authors
    ]
    return ", ".join([*shown, *offices])


def _decisions(article: Article) -> list[tuple[str, str, str]]:
    """Every decision as (stage, reason, detail)."""
    out: list[tuple[str, str, str]] = []
    for d in article.decisions:
        data = d.to_dict()["data"]  # plain JSON types: lists and dicts, not read-only proxies
        detail = ", ".join(
            f"{k}={v!r}" if isinstance(v, str) else f"{k}={json.dumps(v, ensure_ascii=False)}"
            for k, v in data.items()
        )
        out.append((d.stage, d.reason, detail))
    return out


# -- the edits in place ---------------------------------------------------------------
class _Misplaced(ValueError):
    """An edit does not match the text at its offset (the view falls back to a list)."""


def _segments(article: Article) -> tuple[list[_Segment], list[int]] | None:
    """Replay the text edits on the base text, keeping what they removed.

    Returns:
        The segments and the indexes of the edits placed in them, or ``None``
        when the article carries no base text or its edits cannot be placed.
    """
    base = article.base_text
    if base is None:
        return None
    placed = [i for i in range(article.base_index, len(article.edits)) if article.edits[i].at is not None]
    segs: list[_Segment] = [(_KEEP, base, -1)] if base else []
    run: list[int] = []
    run_end = -1
    try:
        for i in placed:
            at = article.edits[i].at or 0
            if run and at < run_end:
                segs = _apply_run(segs, run, article.edits)
                run = []
            run.append(i)
            run_end = at + len(article.edits[i].after)
        if run:
            segs = _apply_run(segs, run, article.edits)
    except _Misplaced:
        return None
    return segs, placed


def _apply_run(segs: list[_Segment], run: Sequence[int], edits: Sequence[Edit]) -> list[_Segment]:
    """Apply one left-to-right run of edits to the segments in one pass."""
    out: list[_Segment] = []
    si = 0  # current segment
    off = 0  # offset inside it
    pos = 0  # offset in the live (current) text
    n = len(segs)

    def advance(upto: int, removed_by: int) -> str:
        """Copy segments until the live offset reaches ``upto``; return the live text passed."""
        nonlocal si, off, pos
        passed: list[str] = []
        while pos < upto:
            if si >= n:
                raise _Misplaced(f"edit {removed_by} runs past the text")
            kind, text, idx = segs[si]
            if kind == _DEL:
                out.append(segs[si])
                si += 1
                continue
            need = upto - pos
            if len(text) - off <= need:
                piece = text[off:]
                si += 1
                off = 0
            else:
                piece = text[off : off + need]
                off += need
            pos += len(piece)
            passed.append(piece)
            out.append((kind, piece, idx) if removed_by < 0 else (_DEL, piece, removed_by))
        return "".join(passed)

    delta = 0
    for i in run:
        e = edits[i]
        start = (e.at or 0) - delta
        if start < pos:
            raise _Misplaced(f"edit {i} overlaps the one before it")
        advance(start, -1)
        if advance(start + len(e.before), i) != e.before:
            raise _Misplaced(f"edit {i} does not match the text at its offset")
        if e.after:
            out.append((_INS, e.after, i))
        delta += len(e.after) - len(e.before)
    if si < n:
        kind, text, idx = segs[si]
        if off:
            out.append((kind, text[off:], idx))
            si += 1
        out.extend(segs[si:])
    return out


def _merge(segs: Iterable[_Segment]) -> list[_Segment]:
    """Join neighbouring segments of the same kind and edit."""
    out: list[_Segment] = []
    for seg in segs:
        if not seg[1]:
            continue
        if out and out[-1][0] == seg[0] and out[-1][2] == seg[2]:
            out[-1] = (seg[0], out[-1][1] + seg[1], seg[2])
        else:
            out.append(seg)
    return out


def _split_preview(segs: list[_Segment], limit: int) -> tuple[list[_Segment], list[_Segment]]:
    """Split after the first line end of kept text past ``limit`` characters."""
    seen = 0
    for k, (kind, text, idx) in enumerate(segs):
        if kind == _KEEP and seen + len(text) > limit:
            cut = text.find("\n", max(0, limit - seen))
            if cut >= 0 and cut + 1 < len(text):
                head = [*segs[:k], (kind, text[: cut + 1], idx)]
                return head, [(kind, text[cut + 1 :], idx), *segs[k + 1 :]]
            if cut >= 0:
                return segs[: k + 1], segs[k + 1 :]
        seen += len(text)
    return segs, []


# -- HTML ---------------------------------------------------------------------------
def _esc(text: str) -> str:
    """Escape text for an element or a quoted attribute."""
    from html import escape  # imported on first need: html loads its entity table

    return escape(text, quote=True)


def _tip(e: Edit) -> str:
    """The tooltip of an edit: stage, reason and action."""
    return _esc(f"{e.stage}: {e.reason} ({e.action})")


def _render_segments(segs: list[_Segment], edits: Sequence[Edit]) -> str:
    """Render segments as HTML, folding long runs of removed text."""
    out: list[str] = []
    k = 0
    n = len(segs)
    while k < n:
        kind, text, idx = segs[k]
        if kind == _KEEP:
            out.append(_esc(text))
            k += 1
            continue
        if kind == _DEL:
            # A run of removals with nothing kept or inserted between them.
            j = k
            size = 0
            while j < n and segs[j][0] == _DEL:
                size += len(segs[j][1])
                j += 1
            if size > FOLD_CHARS and not (j < n and segs[j][0] == _INS and segs[j][2] == segs[j - 1][2]):
                reasons = Counter(f"{edits[s[2]].stage}: {edits[s[2]].reason}" for s in segs[k:j])
                label = ", ".join(f"{r} ×{c}" if c > 1 else r for r, c in reasons.items())
                lines = sum(s[1].count("\n") for s in segs[k:j]) or 1
                out.append(
                    f'<details class="nc-fold"><summary>{lines} removed line{"s" if lines != 1 else ""}'
                    f" ({size:,} characters): {_esc(label)}</summary>"
                )
                out.extend(_del(segs[s][1], edits[segs[s][2]]) for s in range(k, j))
                out.append("</details>")
            else:
                out.extend(_del(segs[s][1], edits[segs[s][2]]) for s in range(k, j))
                if j < n and segs[j][0] == _INS and segs[j][2] == segs[j - 1][2]:
                    out.append('<span class="nc-arrow"> → </span>')
            k = j
            continue
        e = edits[idx]
        out.append(f'<ins class="nc-ins" title="{_tip(e)}">{_esc(text)}</ins>')
        k += 1
    return "".join(out)


def _del(text: str, e: Edit) -> str:
    css = "nc-ext" if e.action == "extract" else "nc-del"
    return f'<del class="{css}" title="{_tip(e)}">{_esc(text)}</del>'


def _field_rows(article: Article) -> list[tuple[str, str]]:
    """(label, HTML) rows of the fields that are set."""
    rows: list[tuple[str, str]] = []
    if article.published is not None:
        rule = date_rule(article)
        shown = _esc(article.published.isoformat())
        if rule:
            shown += f' <span class="nc-rule">— {_esc(rule)}</span>'
        rows.append(("published", shown))
    for label, value in (
        ("site", article.site_name),
        ("section", article.section),
        ("authors", authors_shown(article)),
        ("language", article.language),
    ):
        if value:
            rows.append((label, _esc(value)))
    if article.dateline is not None:
        dl = article.dateline
        rows.append(("dateline", _esc(dl.place + (f" ({dl.agency})" if dl.agency else ""))))
    rows.append(("spun", "yes" if article.spun else "no"))
    for label, items in (
        ("tags", article.tags),
        ("related", article.related),
        ("spam keywords", article.spam_keywords),
    ):
        if len(items) > LIST_ITEMS:
            rows.append(
                (
                    label,
                    f"<details><summary>{len(items)} items: {_esc(items[0])} · …</summary>"
                    f"{_esc(' · '.join(items))}</details>",
                )
            )
        elif items:
            rows.append((label, _esc(" · ".join(items))))
    return rows


def article_html(article: Article, *, log: bool = False) -> str:
    """Return the HTML view of ``article`` (see the module docstring).

    Args:
        article: The article to show.
        log: Also list every edit and decision under the text (what
            ``article.explain()`` shows in a notebook).

    Returns:
        A self-contained HTML fragment with its own scoped ``<style>``; no
        script, link or event handler.
    """
    parts: list[str] = [_CSS, '<div class="nc-article">']
    title = article.title if article.title else "(no title)"
    parts.append(f"<h3>{_esc(title)}</h3>")
    parts.append('<table class="nc-fields">')
    parts.extend(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in _field_rows(article))
    counts = edit_counts(article)
    total = sum(counts.values())
    chips = "".join(f'<span class="nc-count">{_esc(s)} {c}</span>' for s, c in counts.items())
    parts.append(f"<tr><th>edits</th><td>{total} {chips}</td></tr>")
    parts.extend(f'<tr><th>warning</th><td class="nc-warn">{_esc(w)}</td></tr>' for w in article.warnings)
    parts.append("</table>")

    placed = _segments(article)
    edits = article.edits
    if placed is not None:
        segs, in_place = placed
        merged = _merge(segs)
        head, rest = _split_preview(merged, PREVIEW_CHARS)
        if sum(len(s[1]) for s in rest) < MIN_FOLDED_CHARS:
            head, rest = merged, []
        parts.append(f'<div class="nc-text">{_render_segments(head, edits)}')
        if rest:
            size = sum(len(s[1]) for s in rest)
            parts.append(
                f"<details><summary>show the rest of the capture ({size:,} more characters)</summary>"
                f"{_render_segments(rest, edits)}</details>"
            )
        parts.append("</div>")
        listed = set(in_place)
        others = [i for i in range(len(edits)) if i not in listed]
    else:
        parts.append(f'<div class="nc-text">{_esc(article.text)}</div>')
        others = list(range(len(edits)))
    if others:
        heading = (
            "edits made before the text stages (decoding, HTML extraction)"
            if placed is not None
            else "edits (this article carries no base text to show them in place)"
        )
        parts.append(_edit_list(heading, [edits[i] for i in others], open_=placed is None and log))
    if log:
        if placed is not None:
            parts.append(_edit_list("every edit, in order", list(edits)))
        decisions = _decisions(article)
        if decisions:
            items = "".join(f"<li><b>{_esc(s)}</b>: {_esc(r)} — {_esc(d)}</li>" for s, r, d in decisions)
            parts.append(
                f'<details open><summary>decisions ({len(decisions)})</summary><ol class="nc-log">{items}</ol></details>'
            )
    parts.append("</div>")
    return "".join(parts)


def _edit_list(heading: str, edits: Sequence[Edit], *, open_: bool = False) -> str:
    items: list[str] = []
    for e in edits:
        body = _del(e.before, e)
        if e.after:
            body += f'<span class="nc-arrow"> → </span><ins class="nc-ins" title="{_tip(e)}">{_esc(e.after)}</ins>'
        items.append(f"<li><b>{_esc(e.stage)}</b>: {_esc(e.reason)} {body}</li>")
    attr = " open" if open_ else ""
    return (
        f"<details{attr}><summary>{_esc(heading)} ({len(edits)})</summary>"
        f'<ol class="nc-log">{"".join(items)}</ol></details>'
    )


# -- plain text ------------------------------------------------------------------------
def _clip(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def article_text(article: Article, *, width: int | None = None) -> str:
    """Return a short plain-text summary of ``article`` that fits a terminal.

    One line per field that is set, the edits per stage, and the start of the
    text; no line is wider than ``width`` (default: the terminal's width).

    >>> from newsclean import Article
    >>> print(article_text(Article(title="Bridge reopens", paragraphs=("It reopened.",)), width=60))
    Article: Bridge reopens
      spun      no
      edits     0
      text      2 words in 1 paragraph: It reopened.
    """
    if width is None:
        import shutil

        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    width = max(width, 30)
    lines = [_clip("Article: " + " ".join((article.title or "(no title)").split()), width)]

    def row(label: str, value: str) -> None:
        lines.append(_clip(f"  {label:<9} " + " ".join(value.split()), width))

    if article.published is not None:
        rule = date_rule(article)
        row("published", article.published.isoformat() + (f"  ({rule})" if rule else ""))
    for label, value in (
        ("site", article.site_name),
        ("section", article.section),
        ("authors", authors_shown(article)),
        ("language", article.language),
    ):
        if value:
            row(label, value)
    if article.dateline is not None:
        dl = article.dateline
        row("dateline", dl.place + (f" ({dl.agency})" if dl.agency else ""))
    row("spun", "yes" if article.spun else "no")
    counts = edit_counts(article)
    shown = ", ".join(f"{s} {c}" for s, c in counts.items())
    row("edits", f"{sum(counts.values())}" + (f": {shown}" if shown else ""))
    for w in article.warnings:
        row("warning", w)
    words = len(article.text.split())
    n = len(article.paragraphs)
    row(
        "text",
        f"{words} word{'s' if words != 1 else ''} in {n} paragraph{'s' if n != 1 else ''}: " + article.text,
    )
    return "\n".join(lines)
