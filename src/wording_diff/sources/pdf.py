"""PDF text as a reader sees it, from pdfminer.six's characters and their positions.

pdfminer.six gives every character with its font, size and place on the page; from those:

- **Reading order.** A page whose lines stand in two columns side by side is read column
  by column (per band between full-width lines); lines are read top to bottom; pieces of
  text on one baseline (table cells, a footer and its page number) become one line.
- **Running headers and footers** (the chamber, vergaderjaar, document id, page numbers)
  are set apart: a line in the top or bottom margin is furniture when it repeats on
  another page (numbers masked), is a page number, is set in another size than the body
  text, or stands apart from the body by a wide gap.
- **Footnotes.** A footnote marker (a digit set small and raised after a word) is taken
  out of the sentence; footnote texts (the small type below the last body line of a page,
  each starting with its number) become notes, apart from the text.
- **Paragraphs** are rebuilt across lines, columns and pages: a line begins a new
  paragraph after a larger gap, at a bullet, after a change of size, or when the line
  before it ended early (the next word would have fitted on it).
- **Hyphenation**: a word broken at a line end is joined ("doorbre-" + "ken" →
  "doorbreken"); the hyphen stays where it belongs to the word: after a capital or digit
  ("IT-systemen"), before a capital ("Zuid-Holland"), between two vowels ("politie-inzet"),
  before "en"/"of" ("wet- en regelgeving"), or where the document writes the word with a
  hyphen elsewhere.
- **Accents printed as separate characters** ("Kostic´", "Yes¸ilgöz") are put on their
  letter; ligatures are split; private-use bullet glyphs become "•".

Refused with one line: PDFs that need a password, PDFs without a text layer (scans: run
OCR first), damaged files, more than ``office.MAX_PAGES`` pages, and compressed streams
that unpack to more than ``office.MAX_UNPACKED`` bytes (checked before pdfminer unpacks
them).
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field

from ..errors import InputError
from .extracted import MAX_PAGES, MAX_UNPACKED, Extracted, kamer_metadata

_ACCENTS = {
    "\u00b4": "\u0301", "`": "\u0300", "\u00a8": "\u0308", "\u02c6": "\u0302", "^": "\u0302", "\u02dc": "\u0303",
    "\u00b8": "\u0327", "\u02c7": "\u030c", "\u02da": "\u030a", "\u02d8": "\u0306", "\u02dd": "\u030b", "\u02db": "\u0328",
}
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_BULLETS = "•▪◦‣∙·●○■□–-*"
_MARKER_CHARS = set("0123456789*†‡")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,4}(?:\s*(?:/|van|of)\s*\d{1,4})?(?:\s*[-–])?\s*$", re.I)
_VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
_KEEP_HYPHEN_BEFORE = {"en", "of", "tot", "als", "and", "or", "noch"}


@dataclass
class Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float  # the size most of its characters have
    text: str  # footnote markers taken out
    lead: str = ""  # a small number the line starts with (a footnote's own number)
    markers: list[str] = field(default_factory=list)
    first_word_width: float = 0.0
    space_width: float = 0.0
    column: int = 0  # 0 whole width, 1 left, 2 right
    height: float = 842.0  # of the page
    cells: int = 1  # pieces side by side on one baseline (more than one: a table row)


def _quiet_pdfminer() -> None:
    # pdfminer reports oddities of a file as log warnings; without a handler Python would
    # print them on stderr, and a bad file must give one line only.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)


def extract_pdf(data: bytes, label: str, max_pages: int = MAX_PAGES, max_unpacked: int = MAX_UNPACKED) -> Extracted:
    _quiet_pdfminer()
    try:
        pages, info, has_images = _read_pages(data, label, max_pages, max_unpacked)
    except InputError:
        raise
    except MemoryError:
        raise InputError(f"{label}: PDF too large to read in memory") from None
    except RecursionError:
        raise InputError(f"{label}: damaged PDF (objects nested without end)") from None
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged files
        raise InputError(f"{label}: damaged or unreadable PDF ({_short(exc)})") from None
    n_chars = sum(len(line.text) for page in pages for line in page)
    if not any(ch.isalpha() for page in pages for line in page for ch in line.text):
        if has_images:
            raise InputError(f"{label}: PDF has no text layer, only images (a scan?); run OCR on it first")
        raise InputError(f"{label}: PDF contains no text")
    body, notes, furniture = _layout(pages)
    text = "\n\n".join(body)
    meta = kamer_metadata(text, furniture, info)
    if n_chars and len(text) < 20:
        raise InputError(f"{label}: PDF contains no readable body text")
    return Extracted("pdf", text, notes=notes, meta=meta, pages=len(pages), furniture=furniture)


def _short(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return msg[:120]


# ------------------------------------------------------------------------- reading pages
def _read_pages(data: bytes, label: str, max_pages: int, max_unpacked: int):
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{label}: not a PDF file (no %PDF header)")
    parser = PDFParser(io.BytesIO(data))
    try:
        document = PDFDocument(parser, password="")
    except PDFPasswordIncorrect:
        raise InputError(f"{label}: encrypted PDF: it needs a password to open; save an unprotected copy") from None
    except PDFEncryptionError as exc:
        raise InputError(f"{label}: encrypted PDF in a form that cannot be opened ({_short(exc)})") from None
    info = _info(document)
    page_objs = []
    for i, page in enumerate(PDFPage.create_pages(document)):
        if i >= max_pages:
            raise InputError(f"{label}: PDF has more than {max_pages} pages, the limit for one document")
        page_objs.append(page)
    if not page_objs:
        raise InputError(f"{label}: PDF has no pages")
    _check_streams(document, label, max_unpacked)
    rsrc = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rsrc, laparams=LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(rsrc, device)
    pages: list[list[Line]] = []
    has_images = False
    for number, page in enumerate(page_objs):
        interpreter.process_page(page)
        layout = device.get_result()
        lines, images = _page_lines(layout, number)
        for line in lines:
            line.height = layout.height or 842.0
        has_images = has_images or images
        pages.append(lines)
    return pages, info, has_images


def _info(document) -> dict:
    from pdfminer.pdftypes import resolve1

    out = {}
    for entry in document.info or []:
        for key, value in entry.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = _pdf_string(value)
            if isinstance(value, str) and value.strip():
                out[key.lower()] = value.strip()
    return {"subject": out.get("title", ""), "author": out.get("author", "")}


def _pdf_string(raw: bytes) -> str:
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        return raw.decode("utf-16", "replace")
    from pdfminer.utils import decode_text

    return decode_text(raw)


def _check_streams(document, label: str, limit: int) -> None:
    """Refuse compressed streams that unpack to more than ``limit`` bytes in all, before
    pdfminer unpacks them (it would do so in one piece). Images are left packed: text
    extraction never unpacks them. Plain deflate streams keep what was unpacked here."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream

    total = 0
    seen: set[int] = set()

    def check(objid: int) -> None:
        nonlocal total
        if objid in seen:
            return
        seen.add(objid)
        try:
            obj = document.getobj(objid)
        except Exception:
            return
        if not isinstance(obj, PDFStream) or obj.data is not None:
            return
        if getattr(obj.get("Subtype"), "name", None) == "Image":
            return
        filters = obj.get_filters()
        if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
            return
        raw = obj.rawdata or b""
        if obj.decipher:
            raw = obj.decipher(obj.objid, obj.genno, raw, obj.attrs)
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(raw, limit - total + 1)
        except zlib.error:
            return  # pdfminer's own decoder deals with (or reports) a damaged stream
        total += len(out)
        if total > limit or inflater.unconsumed_tail:
            raise InputError(f"{label}: PDF streams unpack to more than {limit:,} bytes (a decompression bomb?); refused")
        if len(filters) == 1 and not filters[0][1]:
            obj.data, obj.rawdata = out, None  # what pdfminer would get, unpacked once

    for xref in document.xrefs:
        for objid in xref.get_objids():
            try:
                strmid, _index, _gen = xref.get_pos(objid)
            except Exception:
                continue
            if strmid is not None:
                check(strmid)  # the object stream holding it, before pdfminer unpacks it
            check(objid)


def _page_lines(layout, number: int) -> tuple[list[Line], bool]:
    from pdfminer.layout import LTChar, LTFigure, LTImage, LTTextLineHorizontal

    lines: list[Line] = []
    images = False

    def walk(item):
        nonlocal images
        if isinstance(item, LTImage):
            images = True
            return
        if isinstance(item, LTTextLineHorizontal):
            line = _line(item, number)
            if line is not None:
                lines.append(line)
            return
        if isinstance(item, LTChar):
            return
        if isinstance(item, LTFigure) or hasattr(item, "__iter__"):
            for child in item:
                walk(child)

    for item in layout:
        walk(item)
    return lines, images


def _line(item, page: int) -> Line | None:
    from pdfminer.layout import LTChar

    chars = [c for c in item if isinstance(c, LTChar)]
    if not chars:
        return None
    sizes = Counter(round(c.size, 1) for c in chars if c.get_text().strip())
    if not sizes:
        return None
    size = sizes.most_common(1)[0][0]
    body = [c for c in chars if abs(c.size - size) < 0.6]
    baseline = statistics.median(c.y0 for c in body) if body else chars[0].y0
    out: list[str] = []
    markers: list[str] = []
    lead = ""
    skip_space = False
    seen_text = False
    pending_marker = ""
    prev = None
    for c in item:
        if not isinstance(c, LTChar):
            if not skip_space and out and not out[-1].endswith(" "):
                out.append(" ")
            skip_space = False
            continue
        ch = c.get_text()
        small = c.size < 0.8 * size and ch in _MARKER_CHARS
        if small and (c.y0 > baseline + 0.12 * size or not seen_text):
            if not seen_text:
                lead += ch
            else:
                pending_marker += ch
            prev = c
            continue
        if pending_marker:
            markers.append(pending_marker)
            pending_marker = ""
        if ch in _ACCENTS and prev is not None and out and c.x0 < prev.x1 - 0.2 and c.x1 > prev.x0:
            out[-1] = unicodedata.normalize("NFC", out[-1] + _ACCENTS[ch])
            skip_space = True
            continue
        skip_space = False
        ch = _LIGATURES.get(ch, ch)
        if ("\ue000" <= ch <= "\uf8ff") or ch.startswith("(cid:"):
            # a glyph without a Unicode mapping: at the start of a line, in practice, the
            # bullet of a symbol font; elsewhere it cannot be read
            ch = "" if seen_text else "•"
        if ch.strip():
            seen_text = True
        out.append(ch)
        prev = c
    if pending_marker:
        markers.append(pending_marker)
    # A line that ends in a space typed after a hyphen ("Informatica- ") is no hyphenation.
    text = re.sub(r"\s+", " ", "".join(out)).lstrip()
    if not (text.endswith("- ") and chars[-1].get_text() == " "):
        text = text.rstrip()
    if not text and not lead:
        return None
    first = text.split(" ", 1)[0] if text else ""
    first_width = 0.0
    textual = [c for c in chars if c.get_text().strip() and not (c.size < 0.8 * size and c.get_text() in _MARKER_CHARS)]
    if first and textual:
        first_width = sum(c.width for c in textual[: len(first)])
    space = statistics.median(c.width for c in body) * 0.5 if body else size * 0.25
    return Line(page, item.x0, item.y0, item.x1, item.y1, size, text, lead, markers, first_width, space)


# ---------------------------------------------------------------------------- layout
def _layout(pages: list[list[Line]]) -> tuple[list[str], list[str], list[str]]:
    """(paragraphs, footnotes, furniture) of the whole document."""
    sizes = Counter()
    for page in pages:
        for line in page:
            sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0]
    tol = max(0.3, 0.04 * body_size)
    pitch = _pitch(pages, body_size)
    furniture_keys = _repeated_margin_rows(pages)
    ordered: list[Line] = []
    notes: list[str] = []
    furniture: list[str] = []
    for page in pages:
        gutter = _gutter(page)
        for line in page:
            line.column = 0 if gutter is None else 1 if line.x1 <= gutter else 2 if line.x0 >= gutter else 0
        rows = _rows(page)
        body_rows, page_furniture = [], []
        for row in rows:
            if _is_furniture(row, rows, body_size, tol, pitch, furniture_keys):
                page_furniture.append(row)
            else:
                body_rows.append(row)
        furniture.extend(r.text for r in page_furniture)
        text_rows, note_rows = _split_notes(body_rows, body_size, tol)
        notes.extend(_notes(note_rows))
        ordered.extend(_reading_order(text_rows, gutter))
    words = _word_forms(ordered)
    return _paragraphs(ordered, pitch, words), notes, furniture


def _pitch(pages: list[list[Line]], body_size: float) -> float:
    gaps = []
    for page in pages:
        ys = sorted({round(line.y0, 1) for line in page if abs(line.size - body_size) < 0.6}, reverse=True)
        gaps.extend(a - b for a, b in zip(ys, ys[1:]) if 0 < a - b < 4 * body_size)
    return statistics.median(gaps) if gaps else body_size * 1.2


def _rows(page: list[Line]) -> list[Line]:
    """Pieces of text on one baseline, side by side and close, become one line (table
    cells, a footer and its page number); the rest stay apart for the column test."""
    rows: list[Line] = []
    for line in sorted(page, key=lambda ln: (-round(ln.y0, 0), ln.x0)):
        for row in rows:
            if row.page == line.page and row.column == line.column and abs(row.y0 - line.y0) < 0.35 * min(row.size, line.size) and line.x0 >= row.x1 - 1:
                row.text = f"{row.text} {line.text}".strip() if line.text else row.text
                row.cells += 1
                row.markers += line.markers
                row.x1 = max(row.x1, line.x1)
                row.y1 = max(row.y1, line.y1)
                row.size = row.size if len(row.text) >= len(line.text) else line.size
                break
        else:
            rows.append(Line(**{**line.__dict__, "markers": list(line.markers)}))
    rows.sort(key=lambda ln: (-ln.y0, ln.x0))
    return rows


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _repeated_margin_rows(pages: list[list[Line]]) -> set[tuple[int, str]]:
    """Margin rows seen on two or more pages, at the same height, numbers masked."""
    counts: Counter = Counter()
    for page in pages:
        keys = set()
        for row in _rows(page):
            if _in_margin(row):
                keys.add((round(row.y0 / 4), _mask(row.text)))
        counts.update(keys)
    return {k for k, n in counts.items() if n >= 2}


def _in_margin(row: Line) -> bool:
    return row.y0 >= 0.90 * row.height or row.y1 <= 0.12 * row.height


def _is_furniture(row: Line, rows: list[Line], body_size: float, tol: float, pitch: float, keys) -> bool:
    """A row in the top or bottom margin that is a page number, or that stands apart from
    the body text (a paragraph gap or more) and repeats on other pages or differs in size
    from the body text, or that stands far apart."""
    if re.fullmatch(r"\d{1,5}", row.text) and row.size >= 1.4 * body_size:
        return True  # a number set large: the chamber's or the document's number in a masthead
    if not _in_margin(row):
        return False
    if _PAGE_NUMBER.match(row.text):
        return True
    top = row.y0 >= 0.90 * row.height
    # the nearest row on the body side that is not in the margin itself
    inner = [r for r in rows if not _in_margin(r) and ((r.y0 < row.y0) if top else (r.y0 > row.y0))]
    if not inner:
        return True
    nearest = max(inner, key=lambda r: r.y0) if top else min(inner, key=lambda r: r.y0)
    gap = abs(row.y0 - nearest.y0)
    if gap > 2.5 * pitch:
        return True
    apart = gap > 1.45 * pitch
    return apart and ((round(row.y0 / 4), _mask(row.text)) in keys or abs(row.size - body_size) > tol)


def _split_notes(rows: list[Line], body_size: float, tol: float) -> tuple[list[Line], list[Line]]:
    """Footnotes: the small type below the page's last line of body text, starting with a
    footnote number."""
    last_body = max((i for i, r in enumerate(rows) if r.size >= body_size - tol), default=-1)
    tail = rows[last_body + 1 :]
    for k, row in enumerate(tail):
        # the first footnote: a numbered small line, set apart from small type above it (a table)
        if (row.lead or re.match(r"^\d{1,3}\s", row.text)) and (k == 0 or tail[k - 1].y0 - row.y0 > 2 * row.size):
            return rows[: last_body + 1] + tail[:k], tail[k:]
    return rows, []


def _notes(rows: list[Line]) -> list[str]:
    notes: list[list[str]] = []
    for row in rows:
        m = re.match(r"^(\d{1,3})\s+(.*)$", row.text) if not row.lead else None
        if row.lead or m or not notes:
            number, text = (row.lead, row.text) if row.lead else (m.groups() if m else ("", row.text))
            notes.append([f"{number} {text}".strip()])
        else:
            notes[-1].append(row.text)
    out = []
    for parts in notes:
        note = parts[0]
        for nxt in parts[1:]:
            note = _join(note, nxt, set())
        out.append(note)
    return out


def _gutter(lines: list[Line]) -> float | None:
    """The x of the white gap between two columns of text side by side, if the page has
    them: wide lines stand left and right of it at the same heights, few cross it."""
    if len(lines) < 8:
        return None
    x_min = min(r.x0 for r in lines)
    x_max = max(r.x1 for r in lines)
    width = x_max - x_min
    wide = [r for r in lines if r.x1 - r.x0 > 0.2 * width and r.size > 0]
    candidates = []
    for step in range(60, 141):
        gutter = x_min + width * step / 200
        left = [r for r in wide if r.x1 < gutter]
        right = [r for r in wide if r.x0 > gutter]
        crossing = sum(1 for r in wide if r.x0 <= gutter <= r.x1)
        score = min(len(left), len(right))
        if crossing > 0.2 * len(wide) or score < 4:
            continue
        side_by_side = sum(1 for a in left if any(abs(a.y0 - b.y0) < a.size for b in right))
        if side_by_side >= 3:
            candidates.append((crossing, -score, gutter))
    if not candidates:
        return None
    best = min(candidates)[:2]
    run = [g for c, sc, g in candidates if (c, sc) == best]
    return run[len(run) // 2]  # the middle of the white gap


def _reading_order(rows: list[Line], gutter: float | None) -> list[Line]:
    """Two columns side by side are read left column first, per band between lines that
    span both."""
    if gutter is None:
        return rows
    out: list[Line] = []
    band: list[Line] = []

    def flush():
        out.extend([r for r in band if r.column == 1] + [r for r in band if r.column != 1])
        band.clear()

    for r in rows:  # rows are top to bottom
        if r.column == 0:
            flush()
            out.append(r)
        else:
            band.append(r)
    flush()
    return out


def _word_forms(lines: list[Line]) -> set[str]:
    words: set[str] = set()
    for line in lines:
        words.update(w.lower() for w in re.findall(r"[^\W\d_][\w-]*[^\W\d_]", line.text))
    return words


def _paragraphs(lines: list[Line], pitch: float, words: set[str]) -> list[str]:
    right_edge: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, line.column)
        right_edge[key] = max(right_edge.get(key, 0.0), line.x1)
    paras: list[str] = []
    current = ""
    prev: Line | None = None
    for line in lines:
        if prev is None or _breaks(prev, line, pitch, right_edge):
            if current:
                paras.append(current)
            current = line.text
        else:
            current = _join(current, line.text, words)
        prev = line
    if current:
        paras.append(current)
    return [p for p in (re.sub(r"\s+", " ", p).strip() for p in paras) if p]


def _breaks(a: Line, b: Line, pitch: float, right_edge) -> bool:
    if b.text[:1] in _BULLETS and (len(b.text) < 2 or b.text[1] == " "):
        return True
    if abs(a.size - b.size) > 0.3 or a.cells > 1 or b.cells > 1:
        return True  # a heading, or a table row
    same_flow = a.page == b.page and a.column == b.column and a.y0 > b.y0
    if same_flow and a.y0 - b.y0 > 1.45 * pitch:
        return True
    if re.search(r"[-\u00ad\u2010]$", a.text):
        return False
    if not same_flow and re.search(r"[.?!:;»”\"')]$", a.text) and b.text[:1].isupper():
        return True  # at a page or column break the gap says nothing; a finished sentence does
    room = right_edge.get((a.page, a.column), a.x1) - a.x1
    return b.first_word_width > 0 and b.first_word_width + a.space_width < room


def _join(left: str, right: str, words: set[str]) -> str:
    """Join two lines of one paragraph, mending a word hyphenated at the line end."""
    if not right:
        return left
    if re.search(r"(https?:|www\.)\S*[/%?&=#_.]$", left) or (re.search(r"(https?:|www\.)\S*$", left) and right[:1] in "%/?&=#_."):
        return left + right  # a web address runs on across the line end
    m = re.search(r"([\w]*)([-\u00ad\u2010])$", left)
    if not m or not m.group(1) or not right[:1].isalnum():
        return f"{left} {right}"
    stem, hyphen = m.group(1), m.group(2)
    head = re.match(r"[\w]+", right)
    tail = head.group(0) if head else ""
    if hyphen == "\u00ad":
        return left[:-1] + right
    if re.search(r"(https?:|www\.|/)\S*$", left):
        return left + right  # a web address broken at its own hyphen
    keep = (
        stem[-1].isupper() or stem[-1].isdigit()
        or right[0].isupper() or right[0].isdigit()
        or tail.lower() in _KEEP_HYPHEN_BEFORE
        or (stem[-1].lower() in _VOWELS and right[0].lower() in _VOWELS and f"{stem}{tail}".lower() not in words)
    )
    if not keep and f"{stem}-{tail}".lower() in words and f"{stem}{tail}".lower() not in words:
        keep = True
    if tail.lower() in _KEEP_HYPHEN_BEFORE:
        return f"{left} {right}"
    return (left if keep else left[:-1]) + right
