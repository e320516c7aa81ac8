"""What a PDF or Word reader gives (:class:`Extracted`), the limits every reader keeps to,
and the Kamervragen metadata read from a document's first page. Shared by :mod:`.pdf`
and :mod:`.docx`; :mod:`.office` recognises the files and dispatches to them.

Limits (so that no file makes a read hang or fill the memory):
- the input size (``--max-bytes``, 5 MB by default), checked before anything is parsed;
- at most :data:`MAX_PAGES` pages in a PDF;
- at most :data:`MAX_UNPACKED` bytes unpacked from one file's compressed streams (PDF) or
  zip members (DOCX), and no DOCX member unpacking to more than :data:`MAX_RATIO` times
  its packed size once it is over 10 MB: a zip or deflate bomb is refused before it is
  unpacked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_PAGES = 500
MAX_UNPACKED = 100_000_000
MAX_RATIO = 100
MAX_MEMBERS = 5_000


@dataclass
class Extracted:
    kind: str  # "pdf" | "docx"
    text: str
    notes: list[str] = field(default_factory=list)  # footnote and endnote texts, "1 Kamerstuk …"
    meta: dict = field(default_factory=dict)  # id, title, date, questioners, answered_by, refers_to, …
    pages: int = 0  # PDF pages (0 for DOCX)
    furniture: list[str] = field(default_factory=list)  # running headers, footers, page numbers set apart


# ------------------------------------------------------------------ Kamervragen metadata
_AHTK = re.compile(r"\b(ah-[te]k-\d{8}-\d+)\b")
_ZIE_OOK = re.compile(
    r"Zie ook (?:Aanhangsel (?:van de )?Handelingen|Aanhangsel Handelingen II),?\s+vergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4}),?\s*(?:nr\.?\s*)?(\d{1,5})",
    re.I,
)
_QUESTIONS = re.compile(r"\bVragen van (?:het lid|de leden) (.+?) (?:aan de|aan het|over)\b", re.S)
_LETTER_QUESTIONS = re.compile(r"\b(?:Kamer)?vragen (?:van|gesteld door) (?:het lid|de leden) (.+?) (?:aan de|aan het|over)\b", re.I | re.S)
_ANSWERED = re.compile(r"\bAntwoord van (.+?)\s*\((?:ontvangen|received)", re.S)
_LETTER_ANSWERED = re.compile(r"\bAntwoorden? van (de (?:minister|staatssecretaris)[^,]*?) (?:op|mede namens)\b", re.I | re.S)
_RECEIVED = re.compile(r"\(ontvangen (\d{1,2} \w+ \d{4})\)")
_TITLE = re.compile(r"\b(Vragen van (?:het lid|de leden) .+?\(ingezonden \d{1,2} \w+ \d{4}\)\.?)", re.S)
_NUMBER_LINE = re.compile(r"^\s*(\d{1,5})\s*$", re.M)
_VERGADERJAAR = re.compile(r"vergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4})", re.I)


def kamer_metadata(text: str, furniture: list[str], core: dict | None = None) -> dict:
    """What the first page of an answer says about itself.

    From the official PDF: the ah-tk id (printed in the page footer), the heading "Vragen
    van het lid … (ingezonden …)" (the title; who asked), "Antwoord van … (ontvangen …)"
    (who answered, and the date), and "Zie ook Aanhangsel Handelingen, vergaderjaar
    2023–2024, nr. 1028", which names an earlier document of the same question set
    (ah-tk-20232024-1028). From a Word answer letter: "Datum", "Onderwerp" and the
    "Antwoorden van de minister … op vragen van de leden …" heading.
    """
    head = re.sub(r"\s+", " ", text[:4000])
    meta: dict = {}
    ids = [m.group(1) for line in furniture for m in [_AHTK.search(line)] if m]
    if ids:
        meta["id"] = ids[0]
    else:
        # The official PDF prints its number under the masthead ("1178") and the
        # vergaderjaar above it; together they make the id.
        front = "\n".join(furniture) + "\n" + text[:1500]
        year = _VERGADERJAAR.search(front)
        number = _NUMBER_LINE.search(front)
        if year and number and re.search(r"Aanhangsel van de Handelingen", front):
            meta["id"] = f"ah-tk-{year.group(1)}{year.group(2)}-{number.group(1)}"
    m = _TITLE.search(head)
    if m:
        meta["title"] = m.group(1).strip()
    m = _QUESTIONS.search(head) or _LETTER_QUESTIONS.search(head)
    if m:
        meta["questioners"] = m.group(1).strip()
    m = _ANSWERED.search(head) or _LETTER_ANSWERED.search(head)
    if m:
        meta["answered_by"] = m.group(1).strip()
    m = _RECEIVED.search(head)
    if m:
        meta["date"] = m.group(1)
    refs = [f"ah-tk-{a}{b}-{n}" for a, b, n in _ZIE_OOK.findall(head)]
    if refs:
        meta["refers_to"] = tuple(dict.fromkeys(refs))
    core = core or {}
    if "title" not in meta and core.get("subject"):
        meta["title"] = core["subject"]
    if "date" not in meta and core.get("date"):
        meta["date"] = core["date"]
    return meta
