"""Reading statement files: encodings, clean-up, and one-line errors."""

from __future__ import annotations

import pytest

from wording_diff.errors import InputError
from wording_diff.sources import read_text
from wording_diff.sources.text import normalise, strip_header


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


def test_cp1252_is_read_correctly(tmp_path):
    text = "De minister heeft één keer € 5 miljoen toegezegd; dat is ‘voorlopig’ niet gebeurd."
    label, got = read_text(write(tmp_path, "a.txt", text.encode("cp1252")))
    assert got == text


def test_latin1_is_read_correctly(tmp_path):
    text = "Het café in Curaçao werd gecontroleerd, zo meldt de gemeente nogmaals."
    assert read_text(write(tmp_path, "a.txt", text.encode("latin-1")))[1] == text


def test_utf8_bom_crlf_nbsp_soft_hyphen(tmp_path):
    raw = "\ufeffDe demonstran\u00adten werden op 15\u00a0juli\r\nniet geïdentificeerd.\r\n".encode("utf-8")
    assert read_text(write(tmp_path, "a.txt", raw))[1] == "De demonstranten werden op 15 juli\nniet geïdentificeerd."


def test_utf16_with_bom(tmp_path):
    assert read_text(write(tmp_path, "a.txt", "Dat gebeurt niet.".encode("utf-16")))[1] == "Dat gebeurt niet."


def test_header_block_of_stored_documents_is_dropped():
    doc = "source: https://example.org/x\ntitle: Iets\nkind: answer\n\nVraag 1\nIs dat zo?"
    assert strip_header(doc) == "Vraag 1\nIs dat zo?"
    plain = "Dit: is geen header.\n\nTweede alinea."
    assert strip_header(plain) == plain


def test_footnote_number_glued_to_punctuation_is_removed():
    assert normalise("Bent u bekend met Clearview?1 En met «Politie gebruikt app»2 ook?") == "Bent u bekend met Clearview? En met «Politie gebruikt app» ook?"
    assert normalise("In 2020 waren er G8-landen en 5 meldingen.") == "In 2020 waren er G8-landen en 5 meldingen."


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"\x00\x01\x02PNG\x00\x00binary", "binary"),
        (b"12345 67890 !!! ...", "no words"),
    ],
)
def test_bad_files(tmp_path, data, message):
    with pytest.raises(InputError, match=message) as err:
        read_text(write(tmp_path, "bad.txt", data))
    assert "bad.txt" in str(err.value) and "\n" not in str(err.value)


def test_missing_directory_and_too_large(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_text(str(tmp_path))
    big = write(tmp_path, "big.txt", b"Dat gebeurt niet. " * 100)
    with pytest.raises(InputError, match="over the limit of 100 bytes"):
        read_text(big, max_bytes=100)
