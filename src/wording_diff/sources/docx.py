"""Word (.docx) files: the text as the author sees it with all changes accepted.

python-docx opens the package and gives the body, the styles and the parts; what it does
not expose is read from the OOXML directly (lxml, entities off, DTDs refused):

- **Tracked changes** are read as accepted: inserted text (``w:ins``, ``w:moveTo``) is
  kept, deleted text (``w:del``, ``w:moveFrom``) is left out, and a paragraph whose mark
  was deleted runs on into the next one.
- **List numbering** (Word's own, ``w:numPr`` on the paragraph or its style) is rendered
  as Word shows it ("1.", "a)", "Vraag 3"), counted per list as Word counts. A paragraph
  numbered "1." that asks a question becomes "Vraag 1", and one that starts "Antwoord"
  becomes "Antwoord 1", so answers numbered by Word split like typed ones.
- **Tables** become text: one line per row, the cells separated by " | ", each cell once
  (merged cells are not repeated).
- **Footnotes and endnotes** are taken out of the sentence (the reference mark) and kept
  apart as notes, numbered in the order they are referenced.
- Headers and footers (letterhead, "Pagina 2 van 7"), field codes, hidden text and text
  boxes are left out.

Refused with one line: files that are not a zip or not a Word document, damaged
archives, zip bombs (see :mod:`.office` for the limits), and parts that declare a DTD.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..errors import InputError
from .extracted import MAX_MEMBERS, MAX_RATIO, MAX_UNPACKED, Extracted, kamer_metadata

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
_SKIP = {f"{_W}{t}" for t in ("del", "moveFrom", "delText", "instrText", "pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr",
                              "drawing", "pict", "object", "fldData", "commentReference", "annotationRef")} | {f"{{{MC}}}AlternateContent"}
_FORMATS = {"decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet", "none", "ordinal", "cardinalText", "ordinalText"}


def _check_package(data: bytes, label: str, max_unpacked: int) -> None:
    """Refuse what is not a zip, is damaged, or unpacks to far more than it packs."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{label}: not a valid DOCX file (not a zip archive, or a damaged one)") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise InputError(f"{label}: DOCX archive has {len(infos):,} members, over the limit of {MAX_MEMBERS:,}")
        total = sum(i.file_size for i in infos)
        if total > max_unpacked:
            raise InputError(f"{label}: DOCX unpacks to {total:,} bytes, over the limit of {max_unpacked:,} (a zip bomb?); refused")
        for info in infos:
            if info.file_size > 10_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise InputError(
                    f"{label}: DOCX member {info.filename} unpacks {info.file_size // max(info.compress_size, 1):,} times its packed size (a zip bomb?); refused"
                )
        names = {i.filename for i in infos}
        if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
            raise InputError(f"{label}: not a Word document (a zip archive without word/document.xml)")
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with zf.open(info) as fh:
                    head = fh.read(65536).lower()
            except (zipfile.BadZipFile, zlib.error, OSError, NotImplementedError, RuntimeError) as exc:
                raise InputError(f"{label}: damaged DOCX ({info.filename}: {exc})") from None
            if b"<!doctype" in head or b"<!entity" in head:
                raise InputError(f"{label}: DOCX part {info.filename} declares a DTD; refused for safety")


def _parse_part(blob: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False)
    return etree.fromstring(blob, parser=parser)


def extract_docx(data: bytes, label: str, max_unpacked: int = MAX_UNPACKED) -> Extracted:
    _check_package(data, label, max_unpacked)
    try:
        import docx as python_docx

        document = python_docx.Document(io.BytesIO(data))
        reader = _Reader(document)
        paragraphs = reader.body()
    except InputError:
        raise
    except MemoryError:
        raise InputError(f"{label}: DOCX too large to read in memory") from None
    except Exception as exc:  # python-docx and lxml raise many kinds of errors on damaged files
        msg = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(f"{label}: damaged or unreadable DOCX ({msg})") from None
    paragraphs, typed_notes = _typed_notes([p for p in paragraphs if p.strip()])
    text = "\n\n".join(paragraphs)
    if not any(ch.isalpha() for ch in text):
        raise InputError(f"{label}: DOCX contains no text")
    meta = kamer_metadata(text, [])
    meta.update(_letter_fields(paragraphs))  # the letter's own Datum and Onderwerp
    core = _core(document)
    if not meta.get("title") and core["subject"]:
        meta["title"] = core["subject"]
    return Extracted("docx", text, notes=reader.notes() + typed_notes, meta=meta)


_TYPED_NOTE = re.compile(r"^(?:\[(\d{1,3})\]|(\d{1,3})\))\s+\S")


def _typed_notes(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Notes typed as text at the end ("[1] NOS, 23 mei 2024, …" or "1) Kamerstuk …",
    as left by a conversion) are notes too: taken from the end, and their markers ("[1]",
    "”1)") out of the sentences."""
    start = len(paragraphs)
    while start > 0 and (_TYPED_NOTE.match(paragraphs[start - 1]) or (start < len(paragraphs) and not re.match(r"(?i)(vraag|antwoord)\b", paragraphs[start - 1]) and len(paragraphs[start - 1]) < 200 and _TYPED_NOTE.match(paragraphs[start - 2] if start >= 2 else ""))):
        start -= 1
    tail = paragraphs[start:]
    if not tail or not _TYPED_NOTE.match(tail[0]):
        return paragraphs, []
    notes: list[str] = []
    numbers = []
    for para in tail:
        m = _TYPED_NOTE.match(para)
        if m:
            number = m.group(1) or m.group(2)
            numbers.append(number)
            notes.append(f"{number} {para[m.end() - 1:].strip()}")
        else:
            notes[-1] = f"{notes[-1]} {para.strip()}"
    body = paragraphs[:start]
    alts = "|".join(numbers)
    marker = re.compile(rf"\s?\[(?:{alts})\]|(?<=[^\s\d(])(?:{alts})\)(?=[\s.,;:?!]|$)")
    return [marker.sub("", p) for p in body], notes


def _core(document) -> dict:
    props = document.core_properties
    return {"subject": (props.title or props.subject or "").strip(), "author": (props.author or "").strip()}


_FIELD = re.compile(r"^(Datum|Onderwerp|Ons kenmerk|Uw kenmerk|Uw brief|Bijlage\(n\)|Kenmerk)\s*[|:]?\s*(.+)$")


def _letter_fields(paragraphs: list[str]) -> dict:
    """'Datum 15 juli 2024' and 'Onderwerp …' from the head of a letter (typed, or in
    the cells of its letterhead table)."""
    out = {}
    for para in paragraphs[:80]:
        for line in para.split("\n"):
            m = _FIELD.match(line.strip())
            if m and m.group(1) == "Datum" and "date" not in out and re.search(r"\d{4}", m.group(2)):
                out["date"] = m.group(2).split(" | ")[0].strip()
            elif m and m.group(1) == "Onderwerp" and "title" not in out:
                out["title"] = m.group(2).split(" | ")[0].strip()
    return out


# ------------------------------------------------------------------------------ reader
class _Reader:
    def __init__(self, document):
        self.document = document
        self.part = document.part
        self.note_order: list[tuple[str, str]] = []  # (kind, id) in order of reference
        self.numbering = _Numbering(self.part)
        self.styles = {}
        try:
            for style in document.styles:
                self.styles[style.style_id] = style
        except Exception:
            pass

    # -- body
    def body(self) -> list[str]:
        body = self.document.element.body
        out: list[str] = []
        carry = ""
        for para, is_table in self._blocks(body):
            if is_table:
                if carry:
                    out.append(carry)
                    carry = ""
                out.append(para)
                continue
            text, mark_deleted = para
            if mark_deleted:  # accepted, the paragraph runs on into the next one
                carry = f"{carry}{text} "
                continue
            out.append(f"{carry}{text}")
            carry = ""
        if carry:
            out.append(carry)
        return out

    def _blocks(self, container):
        for child in container:
            tag = child.tag
            if tag == f"{_W}p":
                yield self._paragraph(child), False
            elif tag == f"{_W}tbl":
                yield self._table(child), True
            elif tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"):
                content = child.find(f"{_W}sdtContent") if tag == f"{_W}sdt" else child
                if content is not None:
                    yield from self._blocks(content)

    def _paragraph(self, p) -> tuple[str, bool]:
        text = self._runs(p)
        ppr = p.find(f"{_W}pPr")
        mark_deleted = ppr is not None and ppr.find(f"{_W}rPr/{_W}del") is not None
        label = self.numbering.label(p, ppr, self._style_numpr(ppr))
        text = text.strip()
        if label:
            text = _numbered(label, text)
        return text, mark_deleted

    def _style_numpr(self, ppr):
        style_id = None
        if ppr is not None:
            ps = ppr.find(f"{_W}pStyle")
            style_id = ps.get(f"{_W}val") if ps is not None else None
        seen = set()
        style = self.styles.get(style_id) if style_id else None
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            numpr = style.element.find(f"{_W}pPr/{_W}numPr")
            if numpr is not None:
                return numpr
            style = getattr(style, "base_style", None)
        return None

    def _runs(self, el) -> str:
        parts: list[str] = []

        def walk(node):
            for child in node:
                tag = child.tag
                if not isinstance(tag, str) or tag in _SKIP:
                    continue
                if tag == f"{_W}r":
                    rpr = child.find(f"{_W}rPr")
                    if rpr is not None and rpr.find(f"{_W}vanish") is not None:
                        continue  # hidden text
                    walk(child)
                elif tag == f"{_W}t":
                    parts.append(child.text or "")
                elif tag in (f"{_W}tab", f"{_W}ptab"):
                    parts.append("\t")
                elif tag in (f"{_W}br", f"{_W}cr"):
                    parts.append("\n")
                elif tag == f"{_W}noBreakHyphen":
                    parts.append("-")
                elif tag == f"{_W}softHyphen":
                    continue
                elif tag == f"{_W}sym":
                    continue
                elif tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
                    kind = "footnote" if tag.endswith("footnoteReference") else "endnote"
                    self.note_order.append((kind, child.get(f"{_W}id", "")))
                else:
                    walk(child)  # w:ins, w:moveTo, w:hyperlink, w:smartTag, w:fldSimple, w:sdt, …

        walk(el)
        text = "".join(parts)
        return re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r"[ \t\u00a0]+", " ", text))

    def _table(self, tbl) -> str:
        rows = []
        for tr in tbl.iter(f"{_W}tr"):
            if _ancestor_table(tr) is not tbl:
                continue  # a row of a table nested in a cell: read with that cell
            cells = []
            for tc in tr.findall(f"{_W}tc") + [tc for sdt in tr.findall(f"{_W}sdt") for tc in sdt.iter(f"{_W}tc")]:
                inner = []
                for para, is_table in self._blocks(tc):
                    inner.append(para if is_table else para[0])
                cell = " ".join(x.replace("\n", " ") for x in inner if x.strip()).strip()
                if cell:
                    cells.append(cell)
            if cells:
                rows.append(" | ".join(cells))
        return "\n".join(rows)

    # -- notes
    def notes(self) -> list[str]:
        texts = {"footnote": self._note_texts("footnotes"), "endnote": self._note_texts("endnotes")}
        out = []
        for n, (kind, note_id) in enumerate(dict.fromkeys(self.note_order), start=1):
            text = texts[kind].get(note_id, "")
            if text:
                out.append(f"{n} {text}")
        return out

    def _note_texts(self, which: str) -> dict[str, str]:
        part = None
        for rel in self.part.rels.values():
            if not rel.is_external and rel.reltype.endswith("/" + which):
                part = rel.target_part
                break
        if part is None:
            return {}
        root = _parse_part(part.blob)
        out = {}
        for note in root.findall(f"{_W}{which[:-1]}"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paras = [self._runs(p).strip() for p in note.iter(f"{_W}p")]
            out[note.get(f"{_W}id", "")] = " ".join(p for p in paras if p)
        return out


def _ancestor_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != f"{_W}tbl":
        parent = parent.getparent()
    return parent


def _numbered(label: str, text: str) -> str:
    bare = re.fullmatch(r"\(?(\d{1,3})[.)]?", label)
    if bare:
        n = bare.group(1)
        if re.match(r"(?i)antwoord\b", text):
            return re.sub(r"(?i)^antwoord\b[:.]?", f"Antwoord {n}", text, count=1) if not re.match(r"(?i)antwoord\s+\d", text) else text
        if "?" in text and not re.match(r"(?i)vraag\s+\d", text):
            return f"Vraag {n}\n{text}"
    if re.match(r"(?i)(vraag|vragen|antwoord)\b", label):
        return f"{label}\n{text}" if text else label
    return f"{label} {text}".strip()


# ---------------------------------------------------------------------------- numbering
class _Numbering:
    """Word's list numbering: the label of each numbered paragraph, counted as Word does
    (per abstract list, restarting where a list instance overrides its start)."""

    def __init__(self, part):
        self.nums: dict[str, tuple[str, dict]] = {}  # numId -> (abstractNumId, {ilvl: start override})
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId -> ilvl -> {start, fmt, text}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            numbering = part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        for absn in numbering.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in absn.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                levels[ilvl] = {
                    "start": int(_val(lvl, "start") or 1),
                    "fmt": _val(lvl, "numFmt") or "decimal",
                    "text": _val(lvl, "lvlText") if _val(lvl, "lvlText") is not None else f"%{ilvl + 1}.",
                }
            self.levels[absn.get(f"{_W}abstractNumId")] = levels
        for num in numbering.findall(f"{_W}num"):
            abstract = _val(num, "abstractNumId")
            overrides = {}
            for ov in num.findall(f"{_W}lvlOverride"):
                start = _val(ov, "startOverride")
                if start is not None:
                    overrides[int(ov.get(f"{_W}ilvl", "0"))] = int(start)
            self.nums[num.get(f"{_W}numId")] = (abstract, overrides)

    def label(self, p, ppr, style_numpr) -> str:
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is None:
            numpr = style_numpr
        if numpr is None:
            return ""
        num_id = _val(numpr, "numId") if numpr.find(f"{_W}numId") is not None else (_val(style_numpr, "numId") if style_numpr is not None else None)
        ilvl_raw = _val(numpr, "ilvl")
        if ilvl_raw is None and style_numpr is not None:
            ilvl_raw = _val(style_numpr, "ilvl")
        ilvl = int(ilvl_raw or 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        key = f"{abstract}/{num_id}" if overrides else abstract
        counters = self.counters.setdefault(key, {})
        level = levels.get(ilvl, {"start": 1, "fmt": "decimal", "text": f"%{ilvl + 1}."})
        start = overrides.get(ilvl, level["start"])
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level["fmt"] == "none":
            return ""
        if level["fmt"] == "bullet":
            return "•"

        def render(m):
            k = int(m.group(1)) - 1
            lv = levels.get(k, {"start": 1, "fmt": "decimal"})
            value = counters.get(k, overrides.get(k, lv["start"]))
            return _format(value, lv["fmt"])

        return re.sub(r"%(\d)", render, level["text"] or "").strip()


def _val(el, child: str):
    node = el.find(f"{_W}{child}")
    return node.get(f"{_W}val") if node is not None else None


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        k = n
        while k > 0:
            k, r = divmod(k - 1, 26)
            s = chr(97 + r) + s
        s = s or "a"
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        s, k = "", n
        for v, r in vals:
            while k >= v:
                s, k = s + r, k - v
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
