"""Dated statements: who said what, when, and where it is written down.

A statement is one wording with its date, its speaker and its source. They come from
- Kamervragen documents (text, HTML, official XML, PDF, DOCX): each answer is a statement
  of whoever answered, dated by the answer's date;
- letters and other texts: the body is a statement of its sender, dated by the header or
  the document's own metadata;
- quotes in any of these, and in news reports: «…» (or "…") introduced as someone's words.
  A quote is dated by the text where the text names the date ("op 28 september 2021 …
  het volgende is aangegeven: «…»" is a statement of 28 September), else it is known only
  to be no later than the document that quotes it;
- a manifest (CSV or JSON Lines with ``date``, ``speaker``, ``text`` or ``file``, ``source``).

The same wording quoted in several places is one statement, dated by its best-dated
copy, with the other places listed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import InputError
from .dates import ANSWER_WORDS, QUESTION_WORDS, Date, find_dates, header_date, parse_date
from .formats import TEXT, format_of, read_document, read_text
from .kamervragen import _STATEMENT_CUES, _TITLE_CUES, KVDocument, _split_header
from .raw import DEFAULT_MAX_BYTES, decode, read_bytes
from .text import from_string, normalise

STATEMENT_KINDS = ("answer", "letter", "text", "quote", "manifest")
# Quotes shorter than this are phrases ("te ruim omschreven"), not statements.
MIN_QUOTE_WORDS = 6
# Two copies of one wording (spelling aside: "realtime", "real time", "real-time").
SAME_WORDING = 92.0

_OPENERS = {"«": "»", "“": "”", "„": "”“", '"': '"”'}
_MAX_QUOTE = 2000
_REPORT_VERBS = (
    r"schrijft|schreef|zegt|zei|stelt|stelde|antwoordt|antwoordde|aldus|verklaart|verklaarde|meldt|meldde|"
    r"benadrukt|benadrukte|erkent|erkende|laat|liet|herhaalt|herhaalde|formuleerde|formuleert|concludeert|concludeerde"
)
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:van\s+|de\s+|der\s+)?[A-Z][\w'’-]+)?"
_ROLE = r"(?:demissionair\s+)?(?:[Mm]inister|[Ss]taatssecretaris|[Pp]remier|[Bb]urgemeester|Kamerlid|[Ww]oordvoerder)"
_PRONOUN = r"hij|zij|ze"
_WHO = rf"(?P<who>(?:{_ROLE}\s+)?{_NAME}|{_PRONOUN})"
_AFTER = re.compile(rf"^[\s,]*(?:zo\s+)?(?:{_REPORT_VERBS})\s+(?:de\s+)?{_WHO}\b")
_LEAD = (
    re.compile(rf"\b(?:{_REPORT_VERBS})\s+(?:de\s+)?{_WHO}\b"),
    re.compile(rf"(?:^|[\s,])(?P<who>{_ROLE}\s+{_NAME}|{_NAME}|{_PRONOUN})\s+(?:{_REPORT_VERBS})\b"),
)
_PREVIOUS_QUOTE = re.compile(rf"[»”\"]\s*,\s*(?:{_REPORT_VERBS})\s+(?:de\s+)?{_WHO}[^«“„\"]*$")
# People named in running text, for "hij" and "zij": "minister Grapperhaus", "Volgens Dekker",
# "Grapperhaus zegt".
_PERSON = (
    re.compile(rf"\b{_ROLE}\s+(?:van\s+[A-Z]\w+(?:\s+en\s+[A-Z]\w+)?\s+|voor\s+[A-Z]\w+\s+)?(?P<who>{_NAME})"),
    re.compile(rf"\bVolgens\s+(?:{_ROLE}\s+)?(?P<who>{_NAME})"),
    re.compile(rf"\b(?P<who>{_NAME})\s+(?:{_REPORT_VERBS}|wil|bevestigt|ontkent)\b"),
)
_NOT_NAMES = {
    "De", "Het", "Een", "Die", "Dat", "Deze", "Dit", "Dergelijke", "In", "Op", "Volgens", "Ook", "Maar", "En", "Daarom", "Nu", "Hij",
    "Zij", "Ze", "Ik", "Wij", "We", "Bij", "Voor", "Over", "Als", "Wat", "Hoe", "Waarom", "Alle", "Onlangs", "Halverwege", "Tweede",
    "Kamer", "Kamervragen", "Minister", "Staatssecretaris", "Nederland", "Nederlandse",
}  # fmt: skip
_OFFICE = re.compile(r"\b(?:de\s+)?(?:Minister|Staatssecretaris|Minister-president)\s+(?:van|voor)\s+[A-Z]\w+(?:\s+en\s+[A-Z]\w+)*")
_ADDRESSEE = re.compile(r"\baan de (?P<who>(?:Minister|Staatssecretaris|Ministers|Staatssecretarissen)\b[^(]*?)(?:\s+over\b|\s*\(|$)")
_YOU = re.compile(r"\bu\b")
_ON_BEHALF_OF_YOU = re.compile(r"\bnamens u\b")
_LETTER_FROM = re.compile(r"\bBRIEF VAN (?:DE |HET )?(?P<who>[A-Z][A-Z ,'-]+?)(?:\s*\(|\s*$)")
_ANSWERED_BY = re.compile(r"^\s*Beantwoord door\s+(?P<who>.+?)\s*$", re.M)
_PLACE_DATE = re.compile(r"^\s*(?:Den Haag|'s-Gravenhage|Amsterdam|Brussel)\s*,\s*(?P<d>.+)$", re.M)
_SENTENCE_END = re.compile(r"[.!?][»”\"']?\s+(?=[A-Z«“„\"])|\n")
_EXTRA_CUES = re.compile(r"(?::\s*$|\bweten\b|\bformuleer\w*|\bnaar\s*:?\s*$)", re.I)


@dataclass
class Statement:
    """One dated wording of one speaker, and where it is written down."""

    id: str
    text: str
    date: Date | None
    speaker: str | None
    source: str  # a URL, or the file it was read from
    label: str  # "ah-tk-20212022-1053 Antwoord 3", "ah-tk-20212022-1053 Vraag 2 «…»"
    document: str  # the file (or manifest line) it was read from
    kind: str  # one of STATEMENT_KINDS
    introduced_as: str | None = None  # for quotes: the words that introduce it
    also_in: list[str] = field(default_factory=list)  # labels of other copies of this wording
    speaker_basis: str = ""  # how the speaker was found: metadata, text, addressee, manifest
    order: int = 0  # input order, to break ties between equal dates

    def as_dict(self) -> dict:
        out = {
            "id": self.id,
            "date": self.date.as_dict() if self.date else None,
            "speaker": self.speaker,
            "source": self.source,
            "label": self.label,
            "document": self.document,
            "kind": self.kind,
            "text": self.text,
        }
        if self.introduced_as:
            out["introduced_as"] = self.introduced_as
        if self.also_in:
            out["also_in"] = list(self.also_in)
        return out


@dataclass
class Gathered:
    statements: list[Statement]
    errors: list[tuple[str, str]]  # (where, what): documents that could not be read
    documents: int = 0


# ----------------------------------------------------------------------------- quotes
@dataclass
class _Quote:
    text: str
    start: int
    end: int
    lead: str  # the words of its sentence before it


def find_quotes(text: str) -> list[_Quote]:
    """Quotes introduced as someone's words (not titles of reports or news items)."""
    out = []
    for start, end in quote_spans(text):
        quoted = text[start + 1 : end - 1].strip()
        if len(quoted.split()) < MIN_QUOTE_WORDS or quoted.rstrip().endswith("?"):
            continue
        before = text[max(0, start - 300) : start]
        cuts = list(_SENTENCE_END.finditer(before))
        lead = before[cuts[-1].end() :] if cuts else before
        after = text[end : end + 80]
        if _TITLE_CUES.search(lead[-80:]) and not lead.rstrip().endswith(":"):
            continue
        if not (_STATEMENT_CUES.search(before) or _EXTRA_CUES.search(lead) or _AFTER.match(after)):
            continue
        out.append(_Quote(quoted, start, end, " ".join(lead.split())))
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each quotation, marks included: «…», “…”, „…”, and straight "…"
    told apart by where they stand (an opening mark before a word, a closing one after
    it), so that two quotes in one paragraph are not read as one quote of what lies
    between them."""
    out = []
    open_at, closers = None, ""
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if open_at is not None and ch in closers and not prev.isspace() and (ch != '"' or not nxt.isalnum()):
            if i - open_at <= _MAX_QUOTE:
                out.append((open_at, i + 1))
            open_at = None
            continue
        if ch in _OPENERS and not nxt.isspace() and (ch != '"' or prev.isspace() or prev in "([:—–-"):
            if open_at is None or ch == text[open_at]:
                open_at, closers = i, _OPENERS[ch]
        elif ch == "\n" and nxt == "\n":
            open_at = None  # a quote does not run over a paragraph break
    return out


def _name(who: str | None, text_before: str) -> str | None:
    """A speaker as written; "hij"/"zij" become the last person named before."""
    if not who:
        return None
    if who.lower() in ("hij", "zij", "ze"):
        return last_person(text_before)
    words = who.split()
    if words[0] in _NOT_NAMES and not re.match(_ROLE, who) or re.fullmatch(_ROLE, who) or len(words) > 1 and words[-1] in _NOT_NAMES:
        return None
    return who


def last_person(text: str) -> str | None:
    best = None
    for pattern in _PERSON:
        for m in pattern.finditer(text):
            who = m.group("who")
            if who.split()[0] in _NOT_NAMES:
                continue
            if best is None or m.start("who") > best[0]:
                best = (m.start("who"), who)
    return best[1] if best else None


def quote_speaker(text: str, quote: _Quote) -> str | None:
    """Who a quote is of, from the words around it: '"…", schrijft Dekker', 'laat Dekker
    het volgende weten: "…"', '"…", schrijft hij' (the last person named)."""
    before = text[: quote.start]
    m = _AFTER.match(text[quote.end : quote.end + 80])
    if m:
        return _name(m.group("who"), before)
    for pattern in _LEAD:
        found = list(pattern.finditer(quote.lead))
        for hit in reversed(found):
            who = _name(hit.group("who"), before)
            if who:
                return who
    m = _PREVIOUS_QUOTE.search(before[-400:].split("\n")[-1])
    if m:
        return _name(m.group("who"), before)
    m = _OFFICE.search(quote.lead)
    if m:
        return m.group(0).removeprefix("de ").strip()
    return None


# ----------------------------------------------------------------------------- documents
def _header_and_body(data: bytes, path: str) -> tuple[dict[str, str], str | None]:
    """The ``key: value`` header of a text file (empty for other formats)."""

    if format_of(data, path) is not TEXT:
        return {}, None
    text = decode(data, path).replace("\r\n", "\n")
    return _split_header(text)


def _title_case(words: str) -> str:
    small = {"van", "voor", "en", "de", "het", "der"}
    out = [w if i and w in small else w.capitalize() for i, w in enumerate(words.lower().split())]
    return " ".join(out)


def _source_of(header: dict[str, str], path: str, *keys: str) -> str:
    for key in (*keys, "source", "url"):
        value = header.get(key, "").strip()
        if value:
            return value.split()[0]
    return path


def _doc_id(header: dict[str, str], path: str, kv: KVDocument | None = None) -> str:
    return (kv.id if kv is not None and kv.id else "") or header.get("id") or Path(path).stem


def read_statements(path: str, max_bytes: int = DEFAULT_MAX_BYTES, start: int = 0) -> list[Statement]:
    """The statements of one file (InputError if it cannot be read)."""
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise InputError(f"{path}: empty file")
    header, body = _header_and_body(data, path)
    kind = header.get("kind", "").lower()
    try:
        kv = read_document(path, max_bytes)
    except InputError as exc:
        if "no numbered questions or answers" not in str(exc):
            raise
        kv = None
    made: list[Statement] = []

    def add(**kw) -> None:
        made.append(Statement(id=f"s{start + len(made) + 1}", order=start + len(made), document=path, **kw))

    if kv is not None and kv.blocks:
        _from_kamervragen(kv, header, body, path, add)
    else:
        label, text = read_text(path, max_bytes)
        meta = _office_meta(data, path)
        doc_id = _doc_id(header, path)
        raw_date = header.get("date") or meta.get("date", "")
        if not raw_date:
            m = _PLACE_DATE.search(text[:2000])
            raw_date = m.group("d") if m else ""
        date = header_date(raw_date)
        source = _source_of(header, path)
        if kind != "news":
            speaker, basis = header.get("speaker") or header.get("author") or header.get("from"), "metadata"
            if not speaker:
                m = _LETTER_FROM.search(header.get("title", "") + "\n" + text[:1500])
                speaker, basis = (_title_case(m.group("who")), "text") if m else (None, "")
            add(text=text, date=date, speaker=speaker, source=source, label=doc_id, kind="letter" if kind == "letter" or speaker and basis == "text" else "text", speaker_basis=basis)
        for q in find_quotes(text):
            add(**_quote_fields(q, text, date, doc_id, source, None))
    return made


def _office_meta(data: bytes, path: str) -> dict:
    from .office import extract, office_kind

    kind = office_kind(data, path)
    if kind in ("pdf", "docx"):
        return extract(data, path, kind).meta
    return {}


def read_record_statements(ref, max_bytes: int = DEFAULT_MAX_BYTES, start: int = 0) -> list[Statement]:
    """The statements of one record of a bulk file (JSON Lines): its answers and quotes,
    dated by the record's own fields."""
    from ..scan.read import read

    kv = read(ref, max_bytes)
    made: list[Statement] = []

    def add(**kw) -> None:
        made.append(Statement(id=f"s{start + len(made) + 1}", order=start + len(made), document=ref.label, **kw))

    _from_kamervragen(kv, {}, None, ref.label, add)
    return made


def _from_kamervragen(kv: KVDocument, header: dict[str, str], body: str | None, path: str, add) -> None:
    head = (body or "")[:3000]
    raw = " ; ".join(x for x in (header.get("date", ""), kv.date) if x)
    flat = re.sub(r"\s+", " ", head)
    answered = header_date(raw, ANSWER_WORDS) if raw else None
    if answered is None or not any(w in raw.lower() for w in ANSWER_WORDS) and kv.kind == "question":
        m = re.search(r"\((?:ontvangen|received)\s+([^)]+)\)", flat) or re.search(r"\bBeantwoord\s+(\d{1,2} \w+ \d{4})", flat)
        answered = header_date(m.group(1)) if m else answered
    asked = header_date(raw, QUESTION_WORDS) if any(w in raw.lower() for w in QUESTION_WORDS) else None
    if asked is None:
        m = re.search(r"\((?:ingezonden|ingediend)\s+([^)]+)\)", flat + " " + kv.title) or re.search(r"\bIngediend\s+(\d{1,2} \w+ \d{4})", flat)
        asked = header_date(m.group(1)) if m else None
    speaker = kv.answered_by or (_ANSWERED_BY.search(head).group("who") if _ANSWERED_BY.search(head) else "")
    speaker = re.sub(r"\s+", " ", speaker).strip() or None
    m = _ADDRESSEE.search(kv.title or flat)
    addressee = speaker or (m.group("who").strip() if m else None)
    doc_id = _doc_id(header, path, kv)
    answer_source = _source_of(header, path, "official-source-answer", "official")
    for block in kv.blocks:
        text = block.text
        if block.kind == "answer" and kv.kind != "question" and len(text.split()) >= 4:
            add(text=text, date=answered, speaker=speaker, source=answer_source, label=f"{doc_id} {block.label}", kind="answer", speaker_basis="metadata" if speaker else "")
        when = asked if block.kind == "question" else answered
        for q in find_quotes(text):
            add(**_quote_fields(q, text, when, f"{doc_id} {block.label}", answer_source if block.kind == "answer" else _source_of(header, path, "official-source-question"), addressee))


def _quote_fields(q: _Quote, text: str, host_date: Date | None, where: str, source: str, addressee: str | None) -> dict:
    """A quote's date (named in its lead, else at the latest its host's) and speaker."""
    named = [f.date for f in find_dates(q.lead, "text")]
    if named:
        date = named[-1]
    elif host_date is not None:
        date = host_date.with_basis("quoting-document", not_after=True)
    else:
        date = None
    speaker, basis = quote_speaker(text, q), "text"
    if speaker is None and addressee and _YOU.search(q.lead):
        # "Herinnert u zich dat u … aangaf: «…»": the minister the questions are put to
        speaker, basis = (f"mede namens {addressee}", "addressee") if _ON_BEHALF_OF_YOU.search(q.lead) else (addressee, "addressee")
    return dict(text=q.text, date=date, speaker=speaker, source=source, label=f"{where} «…»", kind="quote", introduced_as=q.lead or None, speaker_basis=basis if speaker else "")


# ----------------------------------------------------------------------------- manifest
MANIFEST_FIELDS = ("date", "speaker", "text", "file", "source")


def read_manifest(path: str, max_bytes: int = DEFAULT_MAX_BYTES, start: int = 0) -> list[Statement]:
    """Statements listed in a CSV (with a header) or JSON Lines file: ``date``, ``speaker``,
    ``text`` or ``file`` (relative to the manifest), ``source``; optional ``id``/``label``.
    InputError, naming the line, for a row that cannot be used."""
    raw = decode(read_bytes(path, max_bytes), path)
    rows: list[tuple[int, dict]] = []
    if path.lower().endswith((".jsonl", ".ndjson", ".json")):
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise InputError(f"{path}:{n}: expected an object with date, speaker, text or file, source")
            rows.append((n, row))
    else:
        reader = csv.DictReader(io.StringIO(raw))
        if not reader.fieldnames or not ({"text", "file"} & set(reader.fieldnames)):
            raise InputError(f"{path}: a CSV manifest needs a header with text or file (and date, speaker, source)")
        rows = [(n, row) for n, row in enumerate(reader, 2)]
    if not rows:
        raise InputError(f"{path}: no statements in the manifest")
    base = Path(path).parent
    out = []
    for n, row in rows:
        where = f"{path}:{n}"
        header: dict[str, str] = {}
        if row.get("file"):
            target = str(base / str(row["file"]))
            data = read_bytes(target, max_bytes)
            header, _ = _header_and_body(data, target)
            text = read_text(target, max_bytes)[1]
        elif row.get("text"):
            text = from_string(str(row["text"]), where, max_bytes)[1]
        else:
            raise InputError(f"{where}: needs 'text' or 'file'")
        raw_date = str(row.get("date") or "").strip()
        date = parse_date(raw_date) if raw_date else header_date(header.get("date", ""), basis="metadata")
        if raw_date and date is None:
            raise InputError(f"{where}: cannot read the date {raw_date!r} (write it as 2021-09-28, 2021-09 or 28 september 2021)")
        out.append(
            Statement(
                id=f"s{start + len(out) + 1}",
                text=normalise(text),
                date=date,
                speaker=str(row.get("speaker") or header.get("speaker") or "").strip() or None,
                source=str(row.get("source") or header.get("source") or row.get("file") or where).strip(),
                label=str(row.get("label") or row.get("id") or (Path(str(row["file"])).stem if row.get("file") else f"{Path(path).name}:{n}")),
                document=where,
                kind="manifest",
                speaker_basis="manifest",
                order=start + len(out),
            )
        )
    return out


# ----------------------------------------------------------------------------- all of it
def gather(paths: list[str], *, manifest: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Gathered:
    """The statements of files, folders and globs (as ``scan`` finds them) and of a
    manifest, one wording once. A file that cannot be read is an error entry; the rest go on."""
    from ..scan import discover

    statements: list[Statement] = []
    errors: list[tuple[str, str]] = []
    documents = 0
    for ref in discover(paths):
        path = ref.label
        try:
            found = read_record_statements(ref, max_bytes, len(statements)) if ref.line else read_statements(ref.path, max_bytes, len(statements))
        except InputError as exc:
            errors.append((path, str(exc).removeprefix(f"{path}: ")))
            continue
        documents += 1
        statements.extend(found)
    if manifest:
        statements.extend(read_manifest(manifest, max_bytes, len(statements)))
        documents += 1
    merged = merge_copies(statements)
    for n, st in enumerate(merged, 1):
        st.id = f"s{n}"
    return Gathered(merged, errors, documents)


def _wording_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


_BASIS_RANK = {"manifest": 0, "metadata": 0, "text": 1, "quoting-document": 2}
_SPEAKER_RANK = {"manifest": 0, "metadata": 0, "text": 1, "addressee": 2, "": 3}


def merge_copies(statements: list[Statement]) -> list[Statement]:
    """One statement per wording: copies (the same quote in a question and two news
    reports) merge into the best-dated one (a stated date over "at the latest", the
    earlier bound over the later), the best-attributed speaker kept, the others listed."""
    groups: list[list[Statement]] = []
    keys: list[str] = []
    for st in statements:
        key = _wording_key(st.text)
        for i, other in enumerate(keys):
            if abs(len(key) - len(other)) <= 0.15 * max(len(key), len(other)) and fuzz.ratio(key, other) >= SAME_WORDING:
                groups[i].append(st)
                break
        else:
            groups.append([st])
            keys.append(key)
    out = []
    for group in groups:
        best = min(group, key=lambda s: (s.date is None, _BASIS_RANK.get(s.date.basis, 3) if s.date else 9, s.date.sort_key if s.date else (9999, 0, 0), s.order))
        speaker = min(group, key=lambda s: (_SPEAKER_RANK.get(s.speaker_basis, 3) if s.speaker else 9, s.order))
        if speaker.speaker and (not best.speaker or _SPEAKER_RANK.get(speaker.speaker_basis, 3) < _SPEAKER_RANK.get(best.speaker_basis, 3)):
            best.speaker, best.speaker_basis = speaker.speaker, speaker.speaker_basis
        best.also_in = [s.label for s in group if s is not best]
        out.append(best)
    out.sort(key=lambda s: s.order)
    return out
