"""`wording-diff compare`: the seed pair, formats, inputs, exit codes."""

from __future__ import annotations

import json
import os

import pytest
from conftest import DEKKER, GRAPPERHAUS, ROOT, SEED_A, SEED_B, needs_shared

from wording_diff.cli import cli


def run(runner, *args, **kw):
    return runner.invoke(cli, ["compare", *args], catch_exceptions=False, **kw)


def changes_of(doc: dict) -> list[dict]:
    return [c for p in doc["pairs"] for c in p["changes"]]


def find(changes, dimension, kind):
    return [c for c in changes if c["dimension"] == dimension and c["kind"] == kind]


def test_seed_pair_reads_as_a_careful_reader_would(runner):
    needs_shared("examples")
    res = run(runner, str(SEED_A), str(SEED_B), "--format", "json")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["verdict"] == "narrowed"
    changes = changes_of(doc)
    actor = find(changes, "actor", "added")
    assert [c["b"] for c in actor] == ["door de politie"] and actor[0]["effect"] == "narrows"
    place = find(changes, "place", "replaced")
    assert len(place) == 1 and place[0]["a"] == "in Nederland" and place[0]["effect"] == "narrows"
    assert "in de publieke ruimte" in place[0]["b"] and "in de politieorganisatie" in place[0]["b"]
    modality = find(changes, "modality", "replaced")
    assert len(modality) == 1 and modality[0]["effect"] == "narrows"
    assert "gedaan" in modality[0]["a"] and modality[0]["b"] == "geen toestemming gegeven"
    assert [c["a"] for c in find(changes, "time", "unchanged")] == ["op dit moment"]
    definition = find(changes, "definition", "unchanged")
    assert [c["a"] for c in definition] == ["in de zin van real time gezichtsherkenning"]
    # every finding names the rule behind it
    assert all(c["rule"] for c in changes)
    assert all(q["rule"] for p in doc["pairs"] for side in "ab" for q in p["qualifiers"][side])


def test_json_follows_the_shared_schema(runner):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(needs_shared("spec", "compare.schema.json").read_text())
    for args in ([str(SEED_A), str(SEED_B)], ["--a-text", "Dat gebeurt niet.", "--b-text", "Dat gebeurt momenteel niet. Wel elders."]):
        res = run(runner, *args, "--format", "json")
        assert res.exit_code == 0, res.stderr
        doc = json.loads(res.stdout)
        jsonschema.validate(doc, schema)
        for pair in doc["pairs"]:
            for side in "ab":
                text = pair[side]["text"]
                for q in pair["qualifiers"][side]:
                    assert text[q["start_char"] : q["end_char"]] == q["text"]


def test_unmatched_sentence_has_a_null_side(runner):
    res = run(runner, "--a-text", "De politie gebruikt geen gezichtsherkenning.", "--b-text",
              "De politie gebruikt geen gezichtsherkenning. Gemeenten hebben daar nooit om gevraagd.", "--format", "json")
    doc = json.loads(res.stdout)
    lonely = [p for p in doc["pairs"] if p["a"]["index"] is None]
    assert len(lonely) == 1 and lonely[0]["a"]["text"] is None and lonely[0]["b"]["index"] == 1


def test_golden_json_of_the_seed_pair(runner):
    golden = ROOT / "tests" / "golden" / "seed.compare.json"
    res = run(runner, "--a-text", DEKKER, "--b-text", GRAPPERHAUS, "--format", "json")
    doc = json.loads(res.stdout)
    doc["tool"]["version"] = "X"
    if os.environ.get("WORDING_DIFF_REGENERATE_GOLDEN"):
        golden.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf8")
    assert doc == json.loads(golden.read_text(encoding="utf8")), "regenerate with WORDING_DIFF_REGENERATE_GOLDEN=1 after a deliberate change"


def test_output_is_byte_identical_across_runs(runner):
    outs = {run(runner, "--a-text", DEKKER, "--b-text", GRAPPERHAUS, "--format", fmt).stdout for fmt in ("json",) for _ in range(2)}
    assert len(outs) == 1


def test_fail_on(runner):
    args = ["--a-text", DEKKER, "--b-text", GRAPPERHAUS, "--format", "json"]
    assert run(runner, *args, "--fail-on", "narrowed").exit_code == 1
    assert run(runner, *args, "--fail-on", "any").exit_code == 1
    assert run(runner, *args, "--fail-on", "broadened").exit_code == 0
    same = run(runner, "--a-text", DEKKER, "--b-text", DEKKER, "--fail-on", "any")
    assert same.exit_code == 0


def test_stdin_and_a_file(runner, tmp_path):
    b = tmp_path / "b.txt"
    b.write_text(GRAPPERHAUS, encoding="utf8")
    res = run(runner, "-", str(b), "--format", "json", input=DEKKER)
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["a"]["label"] == "<stdin>" and doc["verdict"] == "narrowed"


def test_english_explanations(runner):
    res = run(runner, "--a-text", DEKKER, "--b-text", GRAPPERHAUS, "--format", "json", "--lang", "en")
    text = " ".join(c["explanation"] for c in changes_of(json.loads(res.stdout)))
    assert "no longer rules out" in text and "sluit" not in text


@pytest.mark.parametrize("fmt", ["text", "terminal", "markdown", "html"])
def test_human_formats(runner, fmt):
    res = run(runner, "--a-text", DEKKER, "--b-text", GRAPPERHAUS, "--format", fmt)
    assert res.exit_code == 0
    out = res.stdout
    assert "\x1b[" not in out  # not a terminal: no colour codes
    assert "door de politie" in out
    if fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "<script" not in out and 'src="http' not in out
        assert 'class="q q-actor"' in out
    if fmt == "markdown":
        assert out.startswith("# wording-diff") and "| actor | toegevoegd |" in out
    if fmt in ("text", "terminal"):
        assert "Wat de nieuwe formulering niet meer uitsluit" in out and "vernauwd" in out.lower()


def test_colour_only_on_request(runner, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run(runner, "--a-text", DEKKER, "--b-text", GRAPPERHAUS)
    assert "\x1b[" in coloured.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run(runner, "--a-text", DEKKER, "--b-text", GRAPPERHAUS)
    assert "\x1b[" not in plain.stdout


def test_output_file(runner, tmp_path):
    out = tmp_path / "r.json"
    res = run(runner, "--a-text", DEKKER, "--b-text", GRAPPERHAUS, "--format", "json", "-o", str(out))
    assert res.exit_code == 0 and res.stdout == ""
    assert json.loads(out.read_text())["verdict"] == "narrowed"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["nope-a.txt", "nope-b.txt"], "nope-a.txt: no such file"),
        (["only-one.txt"], "needs two versions"),
        (["-", "-"], "only one of A and B"),
    ],
)
def test_usage_errors_exit_2_with_one_line(runner, args, message):
    res = runner.invoke(cli, ["compare", *args])
    assert res.exit_code == 2
    assert message in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert "Traceback" not in res.stderr


def test_empty_input_is_an_error(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t\n", encoding="utf8")
    res = runner.invoke(cli, ["compare", str(empty), "--b-text", "Dat gebeurt niet."])
    assert res.exit_code == 2 and "empty" in res.stderr


def test_json_carries_the_claims_and_each_change_names_its_claim_pair(runner):
    # ah-tk-20212022-1053: the sentence of 28 September and the answer that corrects it
    a = "Biometrische surveillance, in de zin van realtime gezichtsherkenning, wordt op dit moment in Nederland niet gedaan."
    b = (
        "Die zin kan echter ook breder worden opgevat en dan is die stelling niet helemaal juist. "
        "Identificatie met behulp van realtime gezichtsherkenningstechnologie vindt namelijk wél plaats in Nederland."
    )
    res = run(runner, "--a-text", a, "--b-text", b, "--format", "json")
    doc = json.loads(res.stdout)
    ids = {cp["id"] for cp in doc["claim_pairs"]}
    claim_ids = {c["id"] for side in "ab" for c in doc["claims"][side]}
    assert doc["verdict"] == "reversed"
    assert {cp["relation"] for cp in doc["claim_pairs"]} >= {"matched", "retracted"}
    for cp in doc["claim_pairs"]:
        assert {cp["a"], cp["b"]} - {None} <= claim_ids
    for change in changes_of(doc):
        assert change["claim_pair"] in ids
    retracting = next(c for c in doc["claims"]["b"] if c["stance"] == "retracted")
    assert retracting["reference"] == "die stelling" and retracting["polarity"] == "negative"


@pytest.mark.parametrize("fmt, marker", [("text", "B trekt dit in"), ("markdown", "B trekt dit in"), ("html", "B trekt dit in")])
def test_reports_say_plainly_when_b_retracts_a(runner, fmt, marker):
    a = "Biometrische surveillance, in de zin van realtime gezichtsherkenning, wordt op dit moment in Nederland niet gedaan."
    b = "Die zin kan echter ook breder worden opgevat en dan is die stelling niet helemaal juist."
    res = run(runner, "--a-text", a, "--b-text", b, "--format", fmt)
    assert res.exit_code == 0 and marker in res.stdout


def test_reports_say_when_the_answer_takes_up_no_question(runner):
    # kamervragen-bulk, SSC validation line 1119
    q = "Wordt het niet hoog tijd voor openlijke excuses van u persoonlijk, van u als partijleider van de VVD en van u als Minister-President vanwege het als VVD jarenlang onderhouden van nauwe banden met een veroordeeld terrorist?"
    a = "Hier kan ik slechts vragen beantwoorden in mijn hoedanigheid als MinisterPresident. Voor vragen die de VVD betreffen, verwijs ik u naar de VVD."
    res = run(runner, "--a-text", q, "--b-text", a, "--format", "text", "--lang", "en")
    assert "takes up none of A's questions" in res.stdout
