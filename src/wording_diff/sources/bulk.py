"""Many documents from one source, read one at a time.

* **JSON Lines** (``.jsonl``): one Kamervragen document per line, as in the bulk files of
  question-and-answer material: ``question_text`` and ``answer_text`` (one question and
  its answer), or ``text`` (a whole document as extracted from its PDF, DOCX or web page,
  read like a text file), with optional ``id``, ``kind`` (question, answer, both),
  ``date``, ``title``, ``questioners``, ``answered_by``, ``zaak_nummer``. A scan finds the
  records by their line offsets in one pass over the file and reads each record on its
  own, so no file is ever held whole in memory.
* **The official repository's folders** (``<id>/<version>/<manifestation>/<id>.<ext>``
  beside ``<id>/<version>/metadata/metadata.xml``): ``official_metadata`` reads the
  metadata file next to a document, which ``with_official_metadata`` adds to what the
  document itself says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .kamervragen import Block, KVDocument, _finish, block_label, parse_text_document
from .markup import xml_root
from .raw import DEFAULT_MAX_BYTES, decode
from .text import normalise

BULK_SUFFIXES = (".jsonl", ".ndjson")
METADATA_NAMES = ("metadata.xml", "metadata_owms.xml")
_ZAAK = re.compile(r"\b(20\d\dZ\d{5})\b")


def record_offsets(path: str) -> Iterator[tuple[int, int]]:
    """(line number, byte offset) of every non-blank line, reading the file once in
    chunks."""
    offset = 0
    try:
        with open(path, "rb") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield n, offset
                offset += len(line)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_record(path: str, line: int, offset: int, max_bytes: int = DEFAULT_MAX_BYTES) -> KVDocument:
    """The document in the record at ``offset`` (line ``line``) of a JSON Lines file."""
    label = f"{path}:{line}"
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            raw = fh.readline(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        raise InputError(f"{label}: record is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    try:
        record = json.loads(decode(raw, label))
    except json.JSONDecodeError as exc:
        raise InputError(f"{label}: not valid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{label}: a record must be a JSON object")
    return document_from_record(record, label)


def _field(record: dict, key: str) -> str:
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


def _block_text(text: str) -> str:
    """A question's or answer's text as the text reader gives it: lines of a paragraph
    joined, paragraphs kept."""
    paragraphs = re.split(r"\n\s*\n", normalise(text))
    return "\n\n".join(p for p in (re.sub(r"\s+", " ", x).strip() for x in paragraphs) if p)


def document_from_record(record: dict, label: str) -> KVDocument:
    """A record of a bulk file as a Kamervragen document: its own question and answer
    fields, else its whole text read like a text file; the record's fields fill in the
    metadata."""
    question, answer, text = _field(record, "question_text"), _field(record, "answer_text"), _field(record, "text")
    if question or answer:
        doc = KVDocument(path=label)
        for kind, body in (("question", question), ("answer", answer)):
            if body:
                doc.blocks.append(Block(kind, ("1",), block_label(kind, ("1",)), _block_text(body)))
        doc = _finish(doc)
    elif text:
        doc = parse_text_document(text, label)
    else:
        raise InputError(f"{label}: no text (expected 'text', or 'question_text' and 'answer_text')")
    doc.id = _field(record, "id") or doc.id
    doc.title = _field(record, "title") or doc.title
    doc.date = _field(record, "date") or doc.date
    doc.questioners = _field(record, "questioners") or doc.questioners
    doc.answered_by = _field(record, "answered_by") or doc.answered_by
    kind = _field(record, "kind")
    if kind == "question" and not doc.answers:
        doc.kind = "question"
    zaak = _field(record, "zaak_nummer")
    if zaak and _ZAAK.fullmatch(zaak):
        doc.refers_to = tuple(dict.fromkeys((zaak, *doc.refers_to)))
    return doc


def official_metadata(path: str) -> dict[str, str]:
    """The fields of ``metadata/metadata.xml`` beside a manifestation of the official
    repository's layout (``<id>/<version>/<manifestation>/<file>``); repeated fields joined
    with ``|``. Empty when there is none or it cannot be read."""
    meta = Path(path).parent.parent / "metadata" / "metadata.xml"
    try:
        data = meta.read_bytes()
        root = xml_root(data, str(meta))
    except (OSError, InputError):
        return {}
    out: dict[str, list[str]] = {}
    for el in root.iter("metadata", "meta"):
        name, content = el.get("name"), el.get("content")
        if name and content:
            out.setdefault(name, []).append(content.strip())
    return {k: "|".join(dict.fromkeys(v)) for k, v in out.items()}


def with_official_metadata(doc: KVDocument, meta: dict[str, str]) -> KVDocument:
    """Fill in what the document does not say itself from its metadata file: title, date
    of receipt, who asked and who answered, and whether it is a nader antwoord."""
    doc.title = doc.title or meta.get("DC.title", "")
    doc.date = doc.date or meta.get("OVERHEIDop.datumOntvangst", "") or meta.get("DCTERMS.available", "")
    doc.questioners = doc.questioners or meta.get("OVERHEIDop.indiener", "")
    doc.answered_by = doc.answered_by or meta.get("OVERHEIDop.ontvanger", "")
    if "(nader)" in meta.get("DC.type", "") and doc.kind == "answer":
        doc.kind = "nader-antwoord"
    return doc
