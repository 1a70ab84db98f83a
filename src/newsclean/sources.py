"""Find the captures in files, folders, web archives and standard input (used by the command line).

:func:`iter_inputs` turns command-line paths into a stream of
:class:`~newsclean.batch.Capture` objects and :class:`Notice` objects, so that
every input is accounted for: cleaned, failed (with the reason), or skipped
(with the reason). Nothing blocks: FIFOs, sockets and devices are skipped
without being opened.

* Text and HTML files (``TEXT_SUFFIXES``, each optionally ``.gz``) are one capture each.
* JSON Lines files (``JSONL_SUFFIXES``) hold one capture per line: a JSON string,
  or an object with a text field (``RECORD_TEXT_KEYS``) and optional ``id``,
  ``url`` and ``captured_at``. Lines that are not UTF-8 are decoded by detection
  and a notice says which charset was used.
* Web archives (``.warc``, ``.arc``, optionally ``.gz``) give one capture per page
  record (see :mod:`newsclean.warc`).
* ``-`` is standard input: a web archive, JSON Lines (detected from the first
  lines, or forced), or one capture.
"""

from __future__ import annotations

import gzip
import json
import os
import stat
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Literal

from newsclean.batch import Capture
from newsclean.errors import NewscleanError
from newsclean.warc import WARC_SUFFIXES, SkippedRecords, looks_like_warc, read_warc

__all__ = [
    "JSONL_SUFFIXES",
    "RECORD_TEXT_KEYS",
    "TEXT_SUFFIXES",
    "Notice",
    "iter_inputs",
    "looks_like_jsonl",
    "parse_time",
]

#: File endings of one-capture files (each optionally ``.gz``).
TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
#: File endings of JSON Lines files (each optionally ``.gz``).
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Keys of a JSON Lines record that may hold the capture, in order of preference.
RECORD_TEXT_KEYS = ("text", "html", "content", "raw", "body")
#: Non-blank lines of standard input checked when detecting JSON Lines.
JSONL_SNIFF_LINES = 5
#: Bytes of standard input looked at to recognise a web archive.
SNIFF_BYTES = 4096

_READ_ERRORS = (OSError, EOFError, zlib.error)


@dataclass(frozen=True)
class Notice:
    """An input that was not cleaned, or something to know about one.

    Attributes:
        name: The file, record or line concerned.
        kind: ``failed`` (counted as a failure), ``skipped`` (counted as
            skipped) or ``note`` (information only).
        reason: Why, in a few words.
        count: How many inputs this notice stands for (an archive's skipped records).
    """

    name: str
    kind: Literal["failed", "skipped", "note"]
    reason: str
    count: int = 1


def parse_time(value: Any, where: str) -> datetime | None:
    """Parse an ISO 8601 date-time (``Z`` allowed); ``None`` or ``""`` give ``None``.

    Raises:
        ValueError: With a message naming ``where``.
    """
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"{where}: {value!r} is not an ISO 8601 date-time (e.g. 2024-05-01T12:00:00Z)"
        ) from None


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def _as_bytes(value: str) -> str | bytes:
    """Turn a string read from Latin-1-decoded JSON back into its original bytes, when it can."""
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:  # \\u escapes above U+00FF: the line mixes encodings; keep it as read
        return value


def _records(name: str, data: bytes) -> Iterator[Capture | Notice]:
    """Yield the captures of a JSON Lines input, and notices for bad lines.

    JSON Lines are UTF-8. A line that is not is parsed through Latin-1 (JSON's
    own syntax is ASCII), and its text field goes to the pipeline as the
    original bytes, so the capture's charset is detected on its own text and
    the choice is logged as an edit, like for any byte input.
    """
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            text, utf8 = line.decode("utf-8"), True
        except UnicodeDecodeError:
            text, utf8 = line.decode("latin-1"), False
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Notice(where, "failed", f"not JSON: {exc.msg}")
            continue
        if isinstance(rec, str):
            if not utf8:
                yield Notice(where, "note", "not UTF-8; its charset is detected")
            yield Capture(rec if utf8 else _as_bytes(rec), name=where)
            continue
        if not isinstance(rec, dict):
            yield Notice(where, "failed", "a record must be a JSON object or string")
            continue
        key = next((k for k in RECORD_TEXT_KEYS if isinstance(rec.get(k), str)), None)
        if key is None:
            yield Notice(where, "failed", f"no text field (looked for {', '.join(RECORD_TEXT_KEYS)})")
            continue
        try:
            captured = parse_time(rec.get("captured_at"), "captured_at")
        except ValueError as exc:
            yield Notice(where, "failed", str(exc))
            continue
        url = rec.get("url")
        ident = rec.get("id")
        where = f"{name}:{ident}" if ident is not None else where
        if not utf8:
            yield Notice(where, "note", "not UTF-8; its charset is detected")
        yield Capture(
            rec[key] if utf8 else _as_bytes(rec[key]),
            url=url if isinstance(url, str) else None,
            captured_at=captured,
            name=where,
        )


def looks_like_jsonl(data: bytes) -> bool:
    """Tell whether ``data`` reads as JSON Lines records (its first non-blank lines are records)."""
    seen = 0
    for line in data.splitlines():
        if not line.strip():
            continue
        try:
            rec = json.loads(line.decode("utf-8", errors="replace"))
        except json.JSONDecodeError:
            return False
        if not (isinstance(rec, dict) and any(isinstance(rec.get(k), str) for k in RECORD_TEXT_KEYS)):
            return False
        seen += 1
        if seen >= JSONL_SNIFF_LINES:
            break
    return seen > 0


def _archive(stream: IO[bytes], name: str) -> Iterator[Capture | Notice]:
    try:
        for item in read_warc(stream, name):
            if isinstance(item, SkippedRecords):
                if item.total:
                    yield Notice(
                        name, "skipped", f"records that are not captures ({item.describe()})", item.total
                    )
            else:
                yield item
    except NewscleanError as exc:
        yield Notice(name, "failed", str(exc))


def _stdin(jsonl: bool | None) -> Iterator[Capture | Notice]:
    stream = sys.stdin.buffer
    peek = getattr(stream, "peek", None)
    head = peek(SNIFF_BYTES)[:SNIFF_BYTES] if peek is not None else b""
    if jsonl is not True and head and looks_like_warc(head):
        yield from _archive(stream, "<stdin>")
        return
    data = stream.read()
    if jsonl is None and peek is None and looks_like_warc(data[:SNIFF_BYTES]):
        import io

        yield from _archive(io.BytesIO(data), "<stdin>")
        return
    if jsonl or (jsonl is None and looks_like_jsonl(data)):
        yield from _records("<stdin>", data)
    else:
        yield Capture(data, name="<stdin>")


def _walk(path: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for f in sorted(files):
            yield Path(root) / f


def _file(path: Path, *, in_folder: bool) -> Iterator[Capture | Notice]:
    name = str(path)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield Notice(name, "failed", f"cannot read: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(mode):
        yield Notice(name, "skipped", "not a regular file")
        return
    if in_folder and path.name.startswith("."):
        yield Notice(name, "skipped", "hidden file")
        return
    suffix = _suffix(path)
    if suffix in WARC_SUFFIXES:
        try:
            with path.open("rb") as stream:
                yield from _archive(stream, name)
        except OSError as exc:
            yield Notice(name, "failed", f"cannot read: {exc.strerror or exc}")
        return
    if suffix not in TEXT_SUFFIXES and suffix not in JSONL_SUFFIXES:
        yield Notice(name, "skipped", f"not a capture file type ({suffix or 'no extension'})")
        return
    try:
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except _READ_ERRORS as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        yield Notice(name, "failed", f"cannot read: {reason}")
        return
    if suffix in JSONL_SUFFIXES:
        if not data.strip():
            yield Notice(name, "skipped", "empty JSON Lines file")
        else:
            yield from _records(name, data)
    else:
        yield Capture(data, name=name)


def iter_inputs(paths: Sequence[str], *, jsonl_stdin: bool | None = None) -> Iterator[Capture | Notice]:
    """Yield every capture found under ``paths``, and a notice for every input not cleaned.

    Args:
        paths: Files, folders (read recursively, hidden files skipped), or ``-``.
        jsonl_stdin: Read standard input as JSON Lines (True), as one capture
            (False), or detect (None).
    """
    for arg in paths:
        if arg == "-":
            yield from _stdin(jsonl_stdin)
            continue
        path = Path(arg)
        if path.is_dir():
            for p in _walk(path):
                yield from _file(p, in_folder=True)
        elif not path.exists() and not path.is_symlink():
            yield Notice(arg, "failed", "no such file or folder")
        else:
            yield from _file(path, in_folder=False)
