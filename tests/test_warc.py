from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsclean.batch import Capture
from newsclean.errors import InputError
from newsclean.warc import SkippedRecords, looks_like_warc, read_warc

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = (
    b"<html><head><title>Wall repaired</title></head><body>"
    b"<p>The harbour wall was repaired over the summer, the council said on Friday.</p></body></html>"
)


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-05-01T12:00:00Z"},
    )
    writer.write_record(record)


def make_warc(*, gzip: bool = True) -> bytes:
    """A small archive: warcinfo, two pages, a request, an image and a redirect."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzip)
    w.write_record(w.create_warcinfo_record("test.warc", {"software": "newsclean tests"}))
    _response(w, "https://example.org/a", PAGE, "text/html; charset=utf-8")
    w.write_record(
        w.create_warc_record(
            "https://example.org/a",
            "request",
            payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n"),
            warc_content_type="application/http; msgtype=request",
        )
    )
    _response(w, "https://example.org/logo.png", b"\x89PNG\r\n", "image/png")
    text = "Café prices rose again in the city centre, traders said on Monday.".encode("cp1252")
    _response(w, "https://example.org/b", text, "text/plain; charset=ISO-8859-1")
    _response(w, "https://example.org/old", b"", "text/html", status="301 Moved Permanently")
    return buf.getvalue()


@pytest.mark.parametrize("gzip", [True, False])
def test_one_capture_per_page_record_with_url_and_date(gzip: bool) -> None:
    data = make_warc(gzip=gzip)
    assert looks_like_warc(data[:4096])
    items = list(read_warc(io.BytesIO(data), "t.warc"))
    captures = [i for i in items if isinstance(i, Capture)]
    assert [c.url for c in captures] == ["https://example.org/a", "https://example.org/b"]
    assert captures[0].captured_at == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert captures[0].raw == PAGE
    assert captures[1].encoding == "ISO-8859-1"
    assert captures[0].name == "t.warc#2"
    skipped = items[-1]
    assert isinstance(skipped, SkippedRecords)
    assert skipped.total == 4
    assert skipped.reasons == {
        "warcinfo record": 1,
        "request record": 1,
        "image/png": 1,
        "HTTP status 301": 1,
    }


def test_not_an_archive() -> None:
    assert not looks_like_warc(b"<html><body>hello</body></html>")
    assert not looks_like_warc(b"\x1f\x8b\x08garbage")
    with pytest.raises(InputError, match="WARC"):
        list(read_warc(io.BytesIO(b"<html><body>hello</body></html>"), "x.warc"))


def test_cli_cleans_an_archive_and_counts_skipped_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsclean.cli import main

    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "part-1.warc.gz").write_bytes(make_warc())
    code = main(["clean", str(folder), "-j", "1"])
    out, err = capsys.readouterr()
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["url"] for r in records] == ["https://example.org/a", "https://example.org/b"]
    assert records[0]["captured_at"] == "2024-05-01T12:00:00+00:00"
    assert records[0]["title"] == "Wall repaired"
    assert records[1]["paragraphs"] == ["Café prices rose again in the city centre, traders said on Monday."]
    assert "skipped 4 records that are not captures" in err
    assert err.strip().endswith("2 cleaned, 0 failed, 4 skipped")


def test_missing_warcio_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.errors import MissingDependencyError

    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)  # makes the import fail
    with pytest.raises(MissingDependencyError, match=r"newsclean\[warc\]"):
        list(read_warc(io.BytesIO(make_warc()), "t.warc.gz"))


def _arc(records: list[tuple[bytes, bytes, bytes]]) -> bytes:
    """An ARC (version 1) file: a filedesc record, then one record per (url, type, body)."""
    desc = b"1 0 newsclean\nURL IP-address Archive-date Content-type Archive-length\n"
    out = b"filedesc://t.arc 0.0.0.0 20240501120000 text/plain %d\n" % len(desc) + desc + b"\n"
    for url, ctype, body in records:
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\n\r\n" + body
        out += b"%s 93.184.216.34 20240501120000 %s %d\n" % (url, ctype, len(payload)) + payload + b"\n"
    return out


def test_arc_files_are_read_like_warc() -> None:
    data = _arc(
        [
            (b"http://example.org/a", b"text/html", PAGE),
            (b"http://example.org/i.png", b"image/png", b"\x89PNG"),
        ]
    )
    assert looks_like_warc(data[:100])
    *captures, skipped = read_warc(io.BytesIO(data), "t.arc")
    assert [(c.url, c.raw) for c in captures] == [("http://example.org/a", PAGE)]
    assert captures[0].captured_at == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert isinstance(skipped, SkippedRecords) and skipped.reasons == {"warcinfo record": 1, "image/png": 1}
