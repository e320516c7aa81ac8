"""The readable reports of compare and scan (Markdown, HTML), and a check of every HTML
report in a real browser (headless Chromium: Debian's `chromium`), skipped where none
is installed."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest
from conftest import needs_shared

from wording_diff.cli import cli
from wording_diff.examples import COMPARE, FOLDER

A, B = (str(p) for p in COMPARE)


def invoke(runner, *args) -> str:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_compare_kind_column_is_a_word_not_a_template(runner, fmt):
    out = invoke(runner, "compare", A, B, "--format", fmt)
    body = out.split("</style>")[-1]  # the stylesheet has braces of its own
    assert "{" not in body and "}" not in body
    assert "ongewijzigd" in out  # "op dit moment" stands in both versions


@pytest.fixture(scope="module")
def scan_reports(tmp_path_factory):
    from click.testing import CliRunner

    folder = needs_shared("data", "officiele-stukken", "clearview")
    cache = tmp_path_factory.mktemp("cache")
    out = {}
    for fmt in ("markdown", "html"):
        result = CliRunner(env={"WORDING_DIFF_CACHE": str(cache)}).invoke(cli, ["scan", str(folder), "--top", "5", "--format", fmt, "-q"])
        assert result.exit_code == 0, result.output
        out[fmt] = result.output
    return out


def test_scan_report_leads_with_a_summary_and_links_each_pair(scan_reports):
    md, page = scan_reports["markdown"], scan_reports["html"]
    assert re.search(r"Verdicts: .*\d+ vernauwd", md) and "Most often moved:" in md
    for i in range(1, 6):
        assert f"](#pair-{i})" in md and f'<a id="pair-{i}"></a>' in md
        assert f'href="#pair-{i}"' in page and f'id="pair-{i}"' in page
    # the passages carry their qualifiers, and the changes are a short list, each once
    assert "**door de politie**" in md
    assert re.search(r'<span class="q q-actor"[^>]*>door de politie</span>', page)
    first = md.split('<a id="pair-1"></a>')[1].split('<a id="pair-2"></a>')[0]
    items = [line for line in first.splitlines() if line.startswith("- ")]
    assert items and len(items) == len(set(items))


# ----------------------------------------------------------------------------- browser
def find_browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


# Added to a copy of each report (the reports themselves carry no scripts): what a reader
# sees, measured by the browser after layout, written into the page for --dump-dom.
_PROBE = """<script>
(function () {
  var r = {width: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, text: document.body.innerText};
  r.marked = Array.prototype.filter.call(document.querySelectorAll("blockquote .q, .passage .q, ol .q"), function (e) {
    var b = e.getBoundingClientRect(), s = getComputedStyle(e);
    return b.width > 0 && b.height > 0 && s.visibility !== "hidden" && s.backgroundColor !== "rgba(0, 0, 0, 0)";
  }).map(function (e) { return e.textContent; });
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(r); document.body.appendChild(pre);
})();
</script>"""


def seen_in_browser(browser: str, page: str, tmp_path) -> dict:
    probe = tmp_path / "page.html"
    probe.write_text(page.replace("</body>", _PROBE + "</body>"), encoding="utf8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars",
             "--window-size=1280,900", "--virtual-time-budget=3000", "--dump-dom"]
    done = subprocess.run([browser, *flags, probe.as_uri()], capture_output=True, text=True, timeout=120)
    m = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert m, f"the browser gave no page (exit {done.returncode}): {done.stderr[-500:]}"
    return json.loads(html.unescape(m.group(1)))


@pytest.fixture(scope="module")
def browser():
    path = find_browser()
    if path is None:
        pytest.skip("no Chromium here (install Debian's chromium, e.g. `make browser` as root): the HTML reports are not checked in a browser")
    return path


REPORTS = {
    "compare": (["compare", A, B], "vernauwd", "door de politie"),
    "highlight": (["highlight", B], "Legenda", "door de politie"),
    "timeline": (["timeline", str(FOLDER)], "omgedraaid", "door de politie"),
}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_reads_well_in_a_browser_at_1280px(browser, runner, tmp_path, name):
    args, verdict, qualifier = REPORTS[name]
    seen = seen_in_browser(browser, invoke(runner, *args, "--format", "html"), tmp_path)
    assert verdict in seen["text"]
    assert qualifier in seen["marked"], seen["marked"][:20]
    assert "{" not in seen["text"] and "}" not in seen["text"]
    assert seen["width"] <= 1280 and seen["width"] <= seen["view"], seen["width"]


def test_scan_report_reads_well_in_a_browser_at_1280px(browser, scan_reports, tmp_path):
    seen = seen_in_browser(browser, scan_reports["html"], tmp_path)
    assert "vernauwd" in seen["text"] and "Verdicts:" in seen["text"]
    assert "door de politie" in seen["marked"]
    assert "{" not in seen["text"] and "}" not in seen["text"]
    assert seen["width"] <= seen["view"] <= 1280
