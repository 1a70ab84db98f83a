"""Read captures out of WARC and ARC files (web archives), with ``warcio``.

One capture per HTML or plain-text page: a ``response`` record of a successful
HTTP exchange (status 200), or a ``resource`` record, whose content type is
HTML or text. The page's ``url`` and ``captured_at`` come from the record's
``WARC-Target-URI`` and ``WARC-Date`` headers (ARC files are read as WARC, with
the same fields from the ARC header), and a charset declared in the HTTP
``Content-Type`` is passed on. Every other record (requests, metadata,
``warcinfo``, revisits, images, redirects) is skipped and counted by reason.

``warcio`` is an optional dependency: ``pip install 'newsclean[warc]'``.

>>> from newsclean.warc import read_warc  # doctest: +SKIP
>>> with open("crawl.warc.gz", "rb") as f:  # doctest: +SKIP
...     captures = [c for c in read_warc(f, "crawl.warc.gz") if isinstance(c, Capture)]
"""

from __future__ import annotations

import codecs
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from newsclean.batch import Capture
from newsclean.errors import InputError, MissingDependencyError

__all__ = ["WARC_SUFFIXES", "SkippedRecords", "looks_like_warc", "read_warc"]

#: File endings read as web archives (each optionally ``.gz``).
WARC_SUFFIXES = (".warc", ".arc")
#: MIME types whose records are captures.
CAPTURE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
#: HTTP status of a capture; redirects, errors and "not modified" carry no page.
CAPTURE_STATUS = "200"


@dataclass
class SkippedRecords:
    """Records of one archive that were not captures, counted by reason."""

    name: str
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        """The number of skipped records."""
        return sum(self.reasons.values())

    def describe(self) -> str:
        """Return e.g. ``request record: 3, image/png: 1``."""
        return ", ".join(f"{reason}: {n}" for reason, n in self.reasons.most_common())


def looks_like_warc(head: bytes) -> bool:
    """Tell whether the first bytes of a file (gzipped or not) start a WARC or ARC file."""
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


def _archive_iterator(stream: IO[bytes]) -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingDependencyError(
            "reading WARC/ARC files needs warcio; install it with: pip install 'newsclean[warc]'"
        ) from None
    return ArchiveIterator(stream, arc2warc=True)


def _mime(content_type: str | None) -> tuple[str, str | None]:
    """Split ``text/html; charset=UTF-8`` into ``("text/html", "UTF-8")``."""
    if not content_type:
        return "", None
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    if charset is not None:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None  # an unknown label: let the bytes be detected
    return parts[0].lower(), charset


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def read_warc(stream: IO[bytes], name: str) -> Iterator[Capture | SkippedRecords]:
    """Yield a :class:`Capture` for every page record of a WARC/ARC stream.

    The stream is read record by record, so archives of any size stream. The
    last item yielded is a :class:`SkippedRecords` counting what was not a
    capture (it is yielded even when nothing was skipped).

    Args:
        stream: The archive, opened in binary mode (gzipped or not).
        name: The archive's name; captures are named ``name#N`` (N counts records from 1).

    Raises:
        MissingDependencyError: If ``warcio`` is not installed.
        InputError: If the stream is not a readable web archive.
    """
    skipped = SkippedRecords(name)
    records = _archive_iterator(stream)
    n = 0
    try:
        for record in records:
            n += 1
            capture, reason = _capture(record, f"{name}#{n}")
            if capture is not None:
                yield capture
            else:
                skipped.reasons[reason] += 1
    except MissingDependencyError:
        raise
    except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib.error, ValueError… on bad data
        raise InputError(f"not a readable WARC/ARC archive after {n} records: {exc}") from exc
    yield skipped


def _capture(record: Any, name: str) -> tuple[Capture | None, str]:
    """Return the record as a capture, or ``(None, why it is skipped)``."""
    rec_type = record.rec_type
    if rec_type not in ("response", "resource"):
        return None, f"{rec_type} record"
    headers = record.http_headers
    if rec_type == "response" and headers is not None:
        status = headers.get_statuscode()
        if status != CAPTURE_STATUS:
            return None, f"HTTP status {status}"
        content_type = headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    mime, charset = _mime(content_type)
    if mime not in CAPTURE_TYPES:
        return None, mime or "no content type"
    raw = record.content_stream().read()
    return (
        Capture(
            raw,
            url=record.rec_headers.get_header("WARC-Target-URI"),
            captured_at=_date(record.rec_headers.get_header("WARC-Date")),
            name=name,
            encoding=charset,
        ),
        "",
    )
