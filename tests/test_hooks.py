"""The pre-commit hooks and the CI examples: run each hook's entry as pre-commit would."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys

import yaml
from conftest import DEKKER, GRAPPERHAUS, ROOT

HOOKS = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf8"))}


def run_hook(hook: dict, args: list[str], cwd) -> subprocess.CompletedProcess:
    """pre-commit runs ``entry`` split like a shell would, then ``args``; with
    pass_filenames false no file names follow."""
    command = shlex.split(hook["entry"])
    assert command[0] == "wording-diff"
    command = [sys.executable, "-m", "wording_diff", *command[1:], *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_hooks_are_declared_as_pre_commit_expects():
    assert set(HOOKS) == {"wording-diff-check", "wording-diff-compare"}
    for hook in HOOKS.values():
        assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "python"
        assert hook["pass_filenames"] is False


def test_check_hook_passes_on_the_corpus_and_fails_on_a_broken_case(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    hook = HOOKS["wording-diff-check"]
    ok = run_hook(hook, hook["args"], tmp_path)
    assert ok.returncode == 0, ok.stdout[-1500:] + ok.stderr
    case = tmp_path / "corpus" / "dev" / "clearview.yaml"
    data = yaml.safe_load(case.read_text(encoding="utf8"))
    data["cases"][0]["verdict"] = "broadened"
    case.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf8")
    bad = run_hook(hook, hook["args"], tmp_path)
    assert bad.returncode == 1 and data["cases"][0]["id"] in bad.stdout


def test_compare_hook_fails_when_the_new_wording_narrows(tmp_path):
    (tmp_path / "old.txt").write_text(DEKKER, encoding="utf8")
    (tmp_path / "new.txt").write_text(GRAPPERHAUS, encoding="utf8")
    hook = HOOKS["wording-diff-compare"]
    narrowed = run_hook(hook, ["old.txt", "new.txt"], tmp_path)
    assert narrowed.returncode == 1 and "VERNAUWD" in narrowed.stdout
    same = run_hook(hook, ["old.txt", "old.txt"], tmp_path)
    assert same.returncode == 0


def test_the_ci_examples_wire_in_the_junit_report():
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf8")
    for example in ("runs-on: ubuntu-latest", "reports:\n      junit: wording-diff.xml", "--junit wording-diff.xml", "--update-known-failures"):
        assert example in text
    blocks = text.split("```yaml")[1:]
    for block in blocks:
        yaml.safe_load(block.split("```")[0])  # every example is valid YAML
