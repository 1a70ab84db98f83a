"""The article view and a docs page, rendered in a real browser (headless Chromium).

Each page is opened with ``chromium --headless --dump-dom``. A probe script of
the test's own (never text from a capture) runs after the page has loaded and
its images have had time to fail, reads what a reader sees — computed
strike-through, the replacement, the folded runs — and how many payloads from
the hostile captures ran (each payload would add a ``<pwned-marker>`` element),
and writes its findings into the DOM that Chromium dumps. A control page that
embeds the same payload *unescaped* proves the probe sees a payload that runs.

Skipped, with the reason, where Chromium is not installed (Debian: ``apt-get
install chromium``); CI installs it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean import Change, Document, Pipeline, stage

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
#: Seconds one Chromium run may take before the test fails.
BROWSER_TIMEOUT = 120
#: Virtual milliseconds Chromium lets the page run (timers, failed image loads) before dumping it.
VIRTUAL_TIME_MS = 3000
PAYLOAD = "document.body.appendChild(document.createElement('pwned-marker'))"

PROBE = """<pre id="probe-result"></pre>
<script id="probe">
setTimeout(function () {
  var root = document.querySelector('.nc-article') || document.body;
  var allowed = {'class': 1, 'title': 1, 'open': 1};
  var bad = [];
  root.querySelectorAll('*').forEach(function (el) {
    for (var i = 0; i < el.attributes.length; i++) {
      var name = el.attributes[i].name;
      if (!allowed[name]) bad.push(el.tagName.toLowerCase() + '[' + name + ']');
    }
    if (/^(script|a|img|iframe|object|embed|form|input|svg|math|link|meta|base)$/i.test(el.tagName)) {
      bad.push(el.tagName.toLowerCase());
    }
  });
  var dels = Array.prototype.slice.call(root.querySelectorAll('del'));
  var ins = Array.prototype.slice.call(root.querySelectorAll('ins'));
  var imgs = Array.prototype.slice.call(document.querySelectorAll('img.probe-image'));
  document.getElementById('probe-result').textContent = JSON.stringify({
    pwned: document.getElementsByTagName('pwned-marker').length,
    bad: bad,
    struck: dels.filter(function (d) {
      return getComputedStyle(d).textDecorationLine.indexOf('line-through') >= 0;
    }).map(function (d) { return d.textContent; }),
    inserted: ins.map(function (d) { return d.textContent; }),
    tips: dels.map(function (d) { return d.title; }),
    folded: root.querySelectorAll('details').length,
    visibleText: root.innerText,
    images: imgs.map(function (i) { return [i.getAttribute('src'), i.naturalWidth]; })
  });
}, 1000);
</script>"""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium); the browser test needs it")


def run_browser(args: list[str], profile: Path) -> str:
    cmd = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--virtual-time-budget={VIRTUAL_TIME_MS}",
        *args,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=BROWSER_TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def probe(page: str, tmp_path: Path, name: str) -> dict[str, object]:
    path = tmp_path / f"{name}.html"
    path.write_text(
        f'<!doctype html><html><head><meta charset="utf-8"></head><body>{page}{PROBE}</body></html>'
    )
    dom = run_browser(["--dump-dom", path.as_uri()], tmp_path / f"profile-{name}")
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, re.S)
    assert m and m.group(1), "the probe did not run"
    import html

    result: dict[str, object] = json.loads(html.unescape(m.group(1)))
    return result


@stage("respell_words", register=False)
def respell_words(doc: Document) -> Document:
    """Test stage: replace 'colour' with 'color' (a replacement edit to look at)."""
    start = doc.text.find("colour")
    return (
        doc.with_edits("respell_words", [Change(start, start + 6, "color", "us_spelling")])
        if start >= 0
        else doc
    )


def test_probe_sees_a_payload_that_runs(tmp_path: Path) -> None:
    control = f'<div class="nc-article"><img src="x" onerror="{PAYLOAD}"><script>{PAYLOAD}</script></div>'
    result = probe(control, tmp_path, "control")
    assert result["pwned"] == 2
    assert "img[src]" in result["bad"] and "script" in result["bad"]  # type: ignore[operator]


@pytest.mark.parametrize(
    ("path", "kind"),
    [(FIXTURES / "hostile" / "capture.txt", "text"), (FIXTURES / "hostile" / "page.html", "html")],
    ids=["text", "html"],
)
def test_hostile_capture_runs_nothing_and_reads_as_text(path: Path, kind: str, tmp_path: Path) -> None:
    article = newsclean.clean(path.read_text(encoding="utf-8"), kind=kind)  # type: ignore[arg-type]
    for name, page in (("view", article._repr_html_()), ("explain", article.explain()._repr_html_())):
        result = probe(page, tmp_path, f"{kind}-{name}")
        assert result["pwned"] == 0
        assert result["bad"] == []
        # The reader sees the payload as text, not as markup.
        assert "onerror=" in str(result["visibleText"]) or kind == "html"
        assert "pwned-marker" in str(result["visibleText"])


def test_reader_sees_struck_removals_and_replacements(tmp_path: Path) -> None:
    raw = (FIXTURES / "hostile" / "capture.txt").read_text(encoding="utf-8")
    article = Pipeline([respell_words, *newsclean.default_pipeline()])(
        raw.replace("the culture budget", "the colour budget"), kind="text"
    )
    result = probe(article._repr_html_(), tmp_path, "marks")
    struck = result["struck"]
    assert isinstance(struck, list)
    assert "Share this story\n" in struck  # a removal, struck through
    assert "colour" in struck and "color" in result["inserted"]  # type: ignore[operator]
    assert "once morest" in struck and "against" in result["inserted"]  # type: ignore[operator]
    assert "remove_boilerplate: share (remove)" in result["tips"]  # type: ignore[operator]
    assert "colour → color" in str(result["visibleText"])
    shot = tmp_path / "view.png"
    run_browser(
        ["--window-size=1000,900", f"--screenshot={shot}", (tmp_path / "marks.html").as_uri()],
        tmp_path / "p2",
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_docs_page_renders_with_its_charts(tmp_path: Path) -> None:
    mkdocs = pytest.importorskip(
        "mkdocs", reason="mkdocs is missing: pip install '.[docs]' to build the docs"
    )
    del mkdocs
    chromium()
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    page = site / "benchmarks" / "index.html"
    dom = run_browser(["--dump-dom", page.as_uri()], tmp_path / "profile-docs")
    for chart in ("corpus_f1", "throughput", "scaling"):
        assert f'src="../img/{chart}.png"' in dom
    assert "Scaling by cores" in dom
    # The charts the page points at are images a browser can decode.
    images = "".join(
        f'<img class="probe-image" src="{(site / "img" / f"{c}.png").as_uri()}">'
        for c in ("corpus_f1", "throughput", "scaling")
    )
    result = probe(images, tmp_path, "images")
    assert all(width > 100 for _, width in result["images"])  # type: ignore[attr-defined]
    reference = run_browser(
        ["--dump-dom", (site / "reference" / "index.html").as_uri()], tmp_path / "profile-ref"
    )
    summary = (newsclean.clean.__doc__ or "").strip().splitlines()[0]
    assert summary and summary.rstrip(".") in reference  # the API reference holds the docstrings
    assert "newsclean.view" in reference
    shot = tmp_path / "docs.png"
    run_browser(["--window-size=1100,1400", f"--screenshot={shot}", page.as_uri()], tmp_path / "profile-shot")
    assert shot.stat().st_size > 10_000
