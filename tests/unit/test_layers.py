"""The readers' layers import only downwards, the file formats live in one table, and every
error a user can cause shares one base class."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import wording_diff
from wording_diff.errors import InputError, ScanError, WordingDiffError

SOURCES = Path(wording_diff.__file__).parent / "sources"
# raw bytes → markup → the PDF and Word readers → text → Kamervragen; the format table on
# top; bulk sources of many documents; dates and the statements a timeline follows.
LAYERS = ["errors", "raw", "markup", "extracted", "pdf", "docx", "office", "text", "kamervragen", "formats", "bulk", "dates", "statements"]
# The statements of a timeline are found as scan finds its documents (scan.discover).
ABOVE_SOURCES = {"statements": {"scan"}}


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            out.add((node.module or "").split(".")[0])
    return out


@pytest.mark.parametrize("module", LAYERS[1:])
def test_each_reader_layer_imports_only_layers_below_it(module):
    below = set(LAYERS[: LAYERS.index(module)]) | ABOVE_SOURCES.get(module, set())
    assert _imports(SOURCES / f"{module}.py") <= below, f"sources/{module}.py imports upwards"


def test_every_module_of_sources_is_in_a_layer():
    assert {p.stem for p in SOURCES.glob("*.py")} - {"__init__"} <= set(LAYERS)


def test_the_format_is_read_from_the_content_before_the_suffix(tmp_path):
    from wording_diff.sources import format_of, read_document

    xml = Path(__file__).parent.parent / "data" / "ah-tk-20992100-1.html"
    assert format_of(xml.read_bytes(), "x.txt").name == "html"
    assert format_of(b"<?xml version='1.0'?><kamervragen/>", "x.txt").name == "xml"
    assert format_of(b"Vraag 1\nIs dat zo?", "x.xml").name == "xml"  # no markup: the suffix decides
    assert format_of(b"Vraag 1\nIs dat zo?", "x.txt").name == "text"
    copy = tmp_path / "page.txt"
    copy.write_bytes(xml.read_bytes())
    assert [b.label for b in read_document(str(copy)).blocks][:2] == ["Vraag 1", "Antwoord 1"]


def test_every_user_error_has_one_base_class():
    from wording_diff.corpus import CorpusError
    from wording_diff.pipeline import ModelError
    from wording_diff.qualifiers.lexicon import LexiconError

    for cls in (InputError, CorpusError, LexiconError, ModelError, ScanError):
        assert issubclass(cls, WordingDiffError)
    assert issubclass(InputError, ValueError)  # callers that caught ValueError still do
