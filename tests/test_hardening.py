"""Bad input, hostile XML, interrupted runs, determinism (every case in docs/bad-input.md)."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wording_diff.cli import cli
from wording_diff.errors import InputError
from wording_diff.sources import read_document

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE kamervragen [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<kamervragen><vraag><nr>Vraag 1</nr><al>Wat staat er in &xxe;?</al></vraag>
<antwoord><nr>Antwoord 1</nr><al>Niets.</al></antwoord></kamervragen>"""
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<kamervragen><vraag><nr>Vraag 1</nr><al>&lol9;</al></vraag></kamervragen>"""
GOOD = "Vraag 1\nGebruikt de politie op dit moment gezichtsherkenning in Nederland?\n\nAntwoord 1\nDe politie gebruikt in de publieke ruimte geen realtime gezichtsherkenning.\n"


def one_line_error(res, code=2):
    assert res.exit_code == code, (res.exit_code, res.stdout, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wording-diff: ") and "Traceback" not in res.stderr
    return lines[0]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"<?xml version='1.0'?><kamervragen><vraag>", "malformed XML"),
        (XXE, "entity declarations"),
        (BILLION_LAUGHS, "entity declarations"),
    ],
)
def test_compare_bad_files_exit_2(runner, tmp_path, content, message):
    suffix = ".xml" if content.startswith(b"<?xml") else ".txt"
    bad = tmp_path / f"bad{suffix}"
    bad.write_bytes(content)
    line = one_line_error(runner.invoke(cli, ["compare", str(bad), "--b-text", "Dat gebeurt niet."]))
    assert str(bad) in line and message in line


def test_unreadable_directory_and_too_large(runner, tmp_path):
    assert "is a directory" in one_line_error(runner.invoke(cli, ["compare", str(tmp_path), "--b-text", "Dat gebeurt niet."]))
    big = tmp_path / "big.txt"
    big.write_text("Dat gebeurt niet. " * 1000, encoding="utf8")
    assert "over the limit" in one_line_error(runner.invoke(cli, ["highlight", str(big), "--max-bytes", "1000"]))
    if os.geteuid() != 0:  # root reads every file
        locked = tmp_path / "locked.txt"
        locked.write_text("Dat gebeurt niet.", encoding="utf8")
        locked.chmod(0)
        assert "permission denied" in one_line_error(runner.invoke(cli, ["highlight", str(locked)]))


def test_xml_statement_files_are_read_as_text(runner, tmp_path):
    xml = tmp_path / "a.xml"
    xml.write_text("<?xml version='1.0'?><kamervragen><antwoord><al>Dat gebeurt op dit moment niet.</al></antwoord></kamervragen>", encoding="utf8")
    res = runner.invoke(cli, ["compare", str(xml), "--b-text", "Dat gebeurt niet.", "--format", "json"], catch_exceptions=False)
    doc = json.loads(res.stdout)
    assert doc["pairs"][0]["a"]["text"] == "Dat gebeurt op dit moment niet." and doc["verdict"] == "broadened"


def test_hostile_xml_leaks_nothing_and_stays_small(tmp_path):
    for payload in (XXE, BILLION_LAUGHS):
        path = tmp_path / "evil.xml"
        path.write_bytes(payload)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        with pytest.raises(InputError) as err:
            read_document(str(path))
        assert time.perf_counter() - start < 2
        assert "root:" not in str(err.value)
        assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB


def test_entities_are_never_resolved_even_without_a_dtd_check(tmp_path):
    from lxml import etree

    from wording_diff.sources.markup import safe_parser

    root = etree.fromstring(XXE, parser=safe_parser())
    assert "root:" not in etree.tostring(root, encoding="unicode")


def test_no_punctuation_at_all_finishes(runner):
    words = " ".join(["gezichtsherkenning", "politie", "niet", "op", "dit", "moment"] * 16_667)  # 100,002 words
    start = time.perf_counter()
    res = runner.invoke(cli, ["highlight", "-", "--format", "json"], input=words)
    assert res.exit_code in (0, 2)
    assert time.perf_counter() - start < 240
    if res.exit_code == 0:
        doc = json.loads(res.stdout)
        assert doc["document"]["sentences"] > 100  # cut into bounded pieces


def test_awkward_but_valid_text(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("\ufeffDe politie gebruikt \u00abop dit moment\u00bb geen real\u00adtime gezichtsherkenning.\r\n".encode("utf-8"))
    g = tmp_path / "b.txt"
    g.write_bytes("De politie gebruikt “op dit moment” geen realtime gezichtsherkenning in Nederland.\r\n".encode("cp1252"))
    res = runner.invoke(cli, ["compare", str(f), str(g), "--format", "json"], catch_exceptions=False)
    doc = json.loads(res.stdout)
    assert doc["pairs"][0]["a"]["text"].startswith("De politie gebruikt «op dit moment» geen realtime")
    assert "“op dit moment”" in doc["pairs"][0]["b"]["text"]
    assert ("place", "added", "in Nederland") in {(c["dimension"], c["kind"], c["b"]) for p in doc["pairs"] for c in p["changes"]}
    assert {"op dit moment"} <= {c["a"] for p in doc["pairs"] for c in p["changes"] if c["kind"] == "unchanged"}


def test_batch_with_ten_percent_broken_documents(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("WORDING_DIFF_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "docs"
    folder.mkdir()
    broken = set()
    for i in range(1000):
        p = folder / f"doc-{i:04d}.txt"
        if i % 10 == 3:
            kind = i % 3
            p.write_bytes([b"", b"\x00\x01\x02binary", b"Geen vragen of antwoorden hier."][kind])
            broken.add(str(p))
        else:
            p.write_text(GOOD.replace("Nederland?", f"Nederland (nr. {i})?"), encoding="utf8")
    res = runner.invoke(cli, ["scan", str(folder), "--format", "jsonl", "-q"], catch_exceptions=False)
    assert res.exit_code == 0
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    errors = {r["document"] for r in recs if "error" in r}
    good = {r["document"] for r in recs if "error" not in r}
    assert errors == broken and len(good) == 900


def test_interrupted_scan_keeps_the_previous_output(runner, tmp_path, monkeypatch):
    import wording_diff.scan.records as scan_module

    monkeypatch.setenv("WORDING_DIFF_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(5):
        (folder / f"d{i}.txt").write_text(GOOD.replace("Nederland?", f"Nederland ({i})?"), encoding="utf8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous complete result\n", encoding="utf8")
    real = scan_module.record_for
    calls = {"n": 0}

    def interrupt_after_two(*args, **kw):
        calls["n"] += 1
        if calls["n"] > 2:
            raise KeyboardInterrupt
        return real(*args, **kw)

    monkeypatch.setattr(scan_module, "record_for", interrupt_after_two)
    res = runner.invoke(cli, ["scan", str(folder), "--format", "jsonl", "-o", str(out), "-q"])
    assert one_line_error(res, 130) == "wording-diff: interrupted"
    assert out.read_text(encoding="utf8") == "previous complete result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "docs", "out.jsonl"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_leaves_no_half_file(tmp_path, jobs):
    folder = tmp_path / "docs"
    folder.mkdir()
    # enough documents that the scan is still running when the signal comes (one that
    # has finished and is shutting down no longer has its handler)
    for i in range(2000):
        (folder / f"d{i:04d}.txt").write_text(GOOD.replace("Nederland?", f"Nederland ({i})?"), encoding="utf8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf8")
    env = dict(os.environ, WORDING_DIFF_CACHE=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "wording_diff", "scan", str(folder), "-f", "jsonl", "-o", str(out), "-q", "--no-cache", "--jobs", jobs],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    status = Path(f"/proc/{proc.pid}/status")
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        # wait until the tool has installed its SIGTERM handler (bit 15 of SigCgt)
        caught = next((ln for ln in status.read_text().splitlines() if ln.startswith("SigCgt:")), "SigCgt: 0") if status.exists() else "SigCgt: 0"
        if int(caught.split()[1], 16) & (1 << (signal.SIGTERM - 1)):
            break
        time.sleep(0.1)
    time.sleep(3)  # into the scan
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    text = out.read_text(encoding="utf8")
    if proc.returncode == 143:
        assert text == "previous\n" and err.decode().strip() == "wording-diff: terminated"
    else:  # it finished before the signal: then the file is the whole new result
        assert proc.returncode == 0 and len(text.splitlines()) == 2000
    assert not list(tmp_path.glob(".out.jsonl.*"))


def test_same_input_gives_byte_identical_jsonl_and_csv(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("WORDING_DIFF_CACHE", str(tmp_path / "cache"))
    doc = tmp_path / "d.txt"
    doc.write_text(GOOD, encoding="utf8")
    for fmt in ("jsonl", "csv"):
        a = runner.invoke(cli, ["scan", str(doc), "-f", fmt, "-q", "--no-cache"]).stdout
        b = runner.invoke(cli, ["scan", str(doc), "-f", fmt, "-q"]).stdout
        assert a == b and a
