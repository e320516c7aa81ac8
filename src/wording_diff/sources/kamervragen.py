"""Kamervragen / Aanhangsel van de Handelingen as documents: metadata plus numbered
questions and answers, from plain text (PDF extractions, with or without a ``key: value``
header), from the HTML page of zoek.officielebekendmakingen.nl, and from the official XML.
Which reader a file gets is decided in ``formats``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .markup import html_root, text_of, visible_text, xml_root
from .text import normalise

_HEADER_LINE = re.compile(r"^([a-z][a-z0-9_-]*): ?(.*)$")
# Numbers joined by ",", "en", "t/m", …; a missing comma ("7, 8, 9 10 en 11", as printed
# in ah-tk-20232024-2367) only between numbers that a joiner follows.
_NUMS = r"\d{1,3}[a-z]?(?:(?:\s*(?:,|en|t/m|tot en met|–|-|&)\s*|\s+(?=\d{1,3}[a-z]?\s*(?:,|en\b|t/m|&)))\d{1,3}[a-z]?)*"
_LABEL = re.compile(
    rf"^\s*(?:\*\*|#+\s*|[•·▪*-]\s*)?(?P<kind>Vragen|Vraag|Antwoorden|Antwoord)(?:\s+(?:op|bij)?\s*(?:de\s+)?(?:vragen|vraag))?\s*(?P<nums>{_NUMS})?\s*[:.)]?(?:\*\*)?\s*(?P<rest>.*)$",
    re.I,
)
_FURNITURE = [
    re.compile(p, re.I)
    for p in (
        r"^Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel \d+\s*$",
        r"^Tweede Kamer der Staten-Generaal\s*\d?\s*$",
        r"^Eerste Kamer der Staten-Generaal\s*\d?\s*$",
        r"^Vergaderjaar \d{4}\s*[–-]\s*\d{4}\s+Aanhangsel van de Handelingen\s*$",
        r"^Vragen gesteld door de leden der Kamer, met de daarop door de\s*$",
        r"^regering gegeven antwoorden\s*$",
        r"^ah-[te]k-\d{8}-\d+\S*\s*$",
        r"^ISSN .*",
        r"^-{3,}\s*$",
        r"^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$",
        r"^\s*\d{1,4}\s*$",
    )
]
_FOOTNOTE = re.compile(r"^\s*\d{1,2}\s?(?=\S).*(https?://|www\.|Kamerstuk|Aanhangsel Handelingen|Stcrt|Stb\.|nr\.\s*\d|, \d{1,2} \w+ \d{4})", re.I)
_QUOTE = re.compile(r"«([^«»]{20,2000})»")
_TITLE_CUES = re.compile(r"\b(bericht|berichten|artikel|rapport|publicatie|uitzending|item|nieuwsbericht|column|opiniestuk|kop|krantenkop|brief|onderzoek|reportage|documentaire|programma|podcast|motie|boek|hoofdstuk|titel)\b[^«»]{0,40}$", re.I)
_STATEMENT_CUES = re.compile(
    r"\b(aangaf|aangegeven|aangeeft|schreef|geschreven|schrijft|stelde|gesteld|stelt|zei|gezegd|zegt|antwoordde|geantwoord|"
    r"verklaarde|verklaard|meldde|gemeld|meldt|opmerkte|opgemerkt|uitspraak|uitspraken|citaat|letterlijk|het volgende|"
    r"herformuleren|geformuleerd|formulering|toezegging|toegezegd|beweerde|beweerd|betoogde|liet weten|laten weten|"
    r"benadrukte|benadrukt|concludeerde|geconcludeerd|schrijven|brief|antwoord|antwoorden|beantwoording|"
    r"vervangen|gewijzigd|aangepast|luidt|luidde|herformuleerd|geherformuleerd)\b[^«»]{0,200}$",
    re.I,
)
_NADER = re.compile(r"\b(nader(e)? antwoord|aanvullend(e)? antwoord|aanvullende beantwoording|nadere beantwoording)\b", re.I)
_ZAAK = re.compile(r"\b(20\d\dZ\d{5})\b")
_AHTK = re.compile(r"\b(ah-[te]k-\d{8}-\d+)\b")


@dataclass
class Block:
    kind: str  # "question" | "answer"
    numbers: tuple[str, ...]
    label: str
    text: str


_REPLACEMENT_CUES = re.compile(r"\b(vervangen door|herformuleren naar|geherformuleerd (?:tot|naar|als)|gewijzigd in|aangepast (?:tot|naar|in)|veranderd in)\b[^«»]{0,40}$", re.I)


@dataclass
class QuotedStatement:
    text: str
    question: Block
    replaces_earlier: bool = False  # introduced as a new wording of an earlier statement


@dataclass
class KVDocument:
    path: str
    id: str = ""
    title: str = ""
    date: str = ""
    questioners: str = ""
    answered_by: str = ""
    kind: str = "answer"  # answer | question | nader-antwoord | other
    partial: bool = False
    refers_to: tuple[str, ...] = ()

    @property
    def zaak_numbers(self) -> tuple[str, ...]:
        """The Zaak numbers (2021Z18012) among the references: a question set's number,
        which the original answer and a nader antwoord both cite."""
        return tuple(r for r in self.refers_to if _ZAAK.fullmatch(r))
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def questions(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "question"]

    @property
    def answers(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "answer"]

    def quoted_statements(self) -> list[QuotedStatement]:
        """Statements quoted «…» in questions, not titles of news items or reports."""
        out = []
        for q in self.questions:
            for m in _QUOTE.finditer(q.text):
                before = q.text[max(0, m.start() - 240) : m.start()]
                quoted = m.group(1).strip()
                # A statement is introduced as one ("u schreef: «…»"); a news title is not.
                if _TITLE_CUES.search(before[-80:]) or not _STATEMENT_CUES.search(before) or len(quoted.split()) < 6:
                    continue
                out.append(QuotedStatement(quoted, q, bool(_REPLACEMENT_CUES.search(before))))
        return out


def block_label(kind: str, numbers: tuple[str, ...]) -> str:
    word = "Vraag" if kind == "question" else "Antwoord"
    if len(numbers) > 1:
        return f"{word} {', '.join(numbers[:-1])} en {numbers[-1]}"
    return f"{word} {numbers[0]}" if numbers else word


def parse_numbers(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    out: list[str] = []
    parts = re.split(r"\s*(,|en|&|t/m|tot en met|–|-)\s*", raw.strip())
    i = 0
    while i < len(parts):
        tok = parts[i]
        if tok in ("t/m", "tot en met", "–", "-") and out and i + 1 < len(parts):
            a, b = out[-1], parts[i + 1]
            if a.isdigit() and b.isdigit() and 0 < int(b) - int(a) <= 30:
                out.extend(str(n) for n in range(int(a) + 1, int(b) + 1))
                i += 2
                continue
        if tok and tok not in (",", "en", "&", "t/m", "tot en met", "–", "-"):
            pieces = tok.split()
            out.extend(pieces if all(re.fullmatch(r"\d{1,3}[a-z]?", piece) for piece in pieces) else [tok])
        i += 1
    return tuple(dict.fromkeys(out))


def _split_header(text: str) -> tuple[dict[str, str], str]:
    head, sep, rest = text.partition("\n\n")
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if sep and lines and all(_HEADER_LINE.match(ln) for ln in lines):
        return {m.group(1): m.group(2).strip() for m in map(_HEADER_LINE.match, lines)}, rest
    return {}, text


def _clean_lines(body: str) -> list[str]:
    lines = []
    for line in body.replace("**", "").split("\n"):
        stripped = line.strip()
        if any(p.match(stripped) for p in _FURNITURE) or _FOOTNOTE.match(stripped):
            continue
        lines.append(stripped)
    # Re-join words broken at a line end ("demonstran-\nten").
    joined: list[str] = []
    for line in lines:
        if joined and re.search(r"[a-zà-ÿ]-$", joined[-1]) and re.match(r"^[a-zà-ÿ]", line):
            joined[-1] = joined[-1][:-1] + line
        else:
            joined.append(line)
    return joined


_NUMBERED_QUESTION = re.compile(r"^(?P<nums>\d{1,3})[.)]\s+(?P<rest>\S.*\?.*)$")


def blocks_from_text(body: str, numbered_questions: bool = False) -> list[Block]:
    """Numbered questions and answers of a text. With ``numbered_questions``, a line
    "3. … ?" also starts question 3 when question 2 came before it (copies that print
    "1. Kunt u …?" followed by "Antwoord:")."""
    blocks: list[Block] = []
    current: Block | None = None
    buf: list[str] = []

    def close():
        nonlocal current, buf
        if current is not None:
            paragraphs = re.split(r"\n\s*\n", "\n".join(buf))
            current.text = "\n\n".join(p for p in (re.sub(r"\s+", " ", x).strip() for x in paragraphs) if p)
            blocks.append(current)
        current, buf = None, []

    for line in _clean_lines(body):
        if line.lower() in ("mededeling", "mededeling:"):
            close()  # the notice that the questions were answered elsewhere is no answer
            continue
        m = _LABEL.match(line)
        if m and (m.group("nums") or line.strip().lower() in ("antwoord", "antwoord:")):
            rest = m.group("rest")
            # "Vragen van de leden …" is the heading, not a numbered question.
            if not m.group("nums") and rest:
                buf.append(line)
                continue
            close()
            kind = "question" if m.group("kind").lower().startswith("vra") else "answer"
            nums = parse_numbers(m.group("nums"))
            if kind == "answer" and not nums and blocks:
                last_q = next((b for b in reversed(blocks) if b.kind == "question"), None)
                nums = last_q.numbers if last_q else ()
            label = block_label(kind, nums)
            current = Block(kind, nums, label, "")
            if rest:
                buf.append(rest)
        elif numbered_questions and (n := _NUMBERED_QUESTION.match(line)) and int(n.group("nums")) == 1 + max(
            (int(b.numbers[0]) for b in blocks if b.kind == "question" and b.numbers[0].isdigit()), default=0
        ):
            close()
            nums = (n.group("nums"),)
            current = Block("question", nums, block_label("question", nums), "")
            buf.append(n.group("rest"))
        elif current is not None:
            buf.append(line)
    close()
    blocks = [b for b in blocks if b.text]
    if blocks and not any(b.kind == "answer" for b in blocks):
        blocks = _answers_after_questions(blocks)
    return blocks


_INLINE_LABEL = re.compile(r"\s(?=(?:Vraag|Antwoord) \d{1,3}(?: en \d{1,3})?\s+[A-Z«“\"])")


def _answers_after_questions(blocks: list[Block]) -> list[Block]:
    """Some copies (openkamer.org) print the answer as the paragraphs after the question,
    without an "Antwoord N" label: split them off."""
    out = []
    for b in blocks:
        parts = b.text.split("\n\n")
        if b.kind == "question" and len(parts) > 1 and parts[0].rstrip().endswith(("?", "?»", "»", ")")):
            out.append(Block("question", b.numbers, b.label, parts[0]))
            out.append(Block("answer", b.numbers, block_label("answer", b.numbers), "\n\n".join(parts[1:])))
        else:
            out.append(b)
    return out


def _metadata_from_text(doc: KVDocument, header: dict[str, str], body: str) -> None:
    doc.title = header.get("title", "")
    doc.date = header.get("date", "")
    doc.questioners = header.get("questioners", "")
    doc.answered_by = header.get("answered-by", "")
    kind = header.get("kind", "")
    doc.partial = header.get("partial", "").lower().startswith("y")
    for key in ("official", "source", "url"):
        m = _AHTK.search(header.get(key, ""))
        if m:
            doc.id = m.group(1)
            break
    flat = re.sub(r"\s+", " ", body[:3000])
    nader = "nader" in kind or "aanvullend" in kind or _NADER.search(doc.title) or _NADER.search(flat[:600])
    if not doc.id:
        # An id in the text of a nader antwoord names the answer it adds to, not itself.
        m = None if nader else _AHTK.search(body) or re.search(r"\b(kv-tk-20\d\dZ\d{5})\b", body)
        doc.id = m.group(1) if m else Path(doc.path).stem
    if not doc.questioners:
        m = re.search(r"Vragen van (?:het lid|de leden) (.+?) aan de", flat)
        doc.questioners = m.group(1) if m else ""
    if not doc.answered_by:
        m = re.search(r"Antwoord van (.+?) \((?:ontvangen|received)", flat)
        doc.answered_by = m.group(1) if m else ""
    if not doc.date:
        m = re.search(r"\(ontvangen (\d{1,2} \w+ \d{4})\)", flat)
        doc.date = m.group(1) if m else ""
    if nader:
        doc.kind = "nader-antwoord"
    elif kind in ("question", "vragen"):
        doc.kind = "question"
    elif kind:
        doc.kind = "answer" if kind in ("answer", "antwoord") else kind
    doc.refers_to = tuple(dict.fromkeys(_ZAAK.findall(flat) + [r for r in _AHTK.findall(body) if r != doc.id]))


def _finish(doc: KVDocument) -> KVDocument:
    if not doc.blocks:
        raise InputError(f"{doc.path}: no numbered questions or answers found (expected 'Vraag 1' / 'Antwoord 1')")
    if doc.blocks[-1].kind == "question" and doc.answers:
        doc.notes.append(f"incomplete: ends in {doc.blocks[-1].label} without its answer")
        doc.partial = True
    answered = {n for b in doc.answers for n in b.numbers}
    asked = {n for b in doc.questions for n in b.numbers}
    missing = sorted(asked - answered, key=lambda n: (len(n), n))
    if doc.answers and missing:
        doc.notes.append("no answer found for question " + ", ".join(missing))
    if doc.partial and not any(n.startswith("incomplete") for n in doc.notes):
        doc.notes.append("incomplete: the stored text is an excerpt")
    return doc


def parse_text_document(text: str, path: str) -> KVDocument:
    header, body = _split_header(text.replace("\r\n", "\n"))
    doc = KVDocument(path=path)
    _metadata_from_text(doc, header, body)
    body = normalise(body)
    doc.blocks = blocks_from_text(body)
    if not doc.blocks:
        # Text whose line breaks were lost: labels stand inline ("… gedaan. Vraag 2 Bent u …").
        doc.blocks = blocks_from_text(_INLINE_LABEL.sub("\n", body))
    if doc.blocks and not any(b.kind == "question" for b in doc.blocks):
        # Answers labelled "Antwoord:" after questions numbered "1. …?"
        doc.blocks = blocks_from_text(body, numbered_questions=True) or doc.blocks
    return _finish(doc)


def parse_xml_document(data: bytes, path: str) -> KVDocument:
    root = xml_root(data, path)
    doc = KVDocument(path=path)
    meta = {m.get("name"): m.get("content", "") for m in root.iter("meta")}
    ident = meta.get("DC.identifier") or meta.get("OVERHEIDop.externMetadataRecord", "")
    m = _AHTK.search(ident or "")
    doc.id = m.group(1) if m else Path(path).stem
    for om in root.iter("kamervraagomschrijving"):
        text = text_of(om)
        if om.get("type") == "antwoord" or text.startswith("Antwoord"):
            doc.answered_by = re.sub(r"^Antwoord van\s+|\s*\(ontvangen.*$", "", text)
            d = next(om.iter("datum"), None)
            doc.date = (d.get("isodatum") if d is not None else "") or doc.date
        else:
            doc.title = text
            doc.questioners = " ".join(text_of(n) for n in om.iter("naam"))
    for el in root.iter("vraag", "antwoord"):
        nr = el.find("nr")
        label = text_of(nr) if nr is not None else ""
        m = _LABEL.match(label) if label else None
        nums = parse_numbers(m.group("nums")) if m else ()
        body = " ".join(text_of(al) for al in el.iter("al") if al.getparent() is not None and al.getparent().tag not in ("noot.al",))
        if not body:
            continue
        kind = "question" if el.tag == "vraag" else "answer"
        doc.blocks.append(Block(kind, nums, block_label(kind, nums), body))
    if _NADER.search(doc.title or "") or any("Antwoord schriftelijke vragen (nader)" in v for v in meta.values()):
        doc.kind = "nader-antwoord"
    doc.refers_to = tuple(dict.fromkeys(_ZAAK.findall(doc.title)))
    return _finish(doc)


def parse_html_document(data: bytes, path: str) -> KVDocument:
    root = html_root(data, path)
    doc = KVDocument(path=path)
    metas = {m.get("name"): m.get("content", "") for m in root.iter("meta") if m.get("name")}
    ident = metas.get("DC.identifier") or metas.get("dcterms.identifier") or ""
    doc.id = ident or Path(path).stem
    doc.date = metas.get("OVERHEIDop.datumOntvangst") or metas.get("DCTERMS.available") or ""
    doc.questioners = metas.get("OVERHEIDop.indiener", "")
    doc.answered_by = metas.get("OVERHEIDop.ontvanger", "")
    doc.title = metas.get("DC.title", "")
    for script in root.iter("script", "style", "nav", "header", "footer"):
        script.getparent().remove(script)
    for div in root.iter("div"):
        cls = (div.get("class") or "").split()
        if "vraag" in cls or "antwoord" in cls:
            kind = "question" if "vraag" in cls else "answer"
            head = next(iter(div.iter("h2", "h3")), None)
            nummer = next((p for p in div.iter("p") if "nummer" in (p.get("class") or "")), None)
            label = " ".join((head if head is not None else nummer).itertext()).strip() if (head is not None or nummer is not None) else ""
            m = _LABEL.match(label) if label else None
            nums = parse_numbers(m.group("nums")) if m else parse_numbers(label if label.strip().isdigit() else None)
            paras = [p for p in div.iter("p") if p is not nummer and "nootnum" not in (p.get("class") or "")]
            body = " ".join(re.sub(r"\s+", " ", "".join(visible_text(p))).strip() for p in paras).strip()
            if body:
                doc.blocks.append(Block(kind, nums, block_label(kind, nums), body))
    if not doc.blocks:
        main = next(iter(root.iter("main")), None) or root
        doc.blocks = blocks_from_text("\n".join(t.strip() for t in main.itertext() if t.strip()))
    if _NADER.search(doc.title):
        doc.kind = "nader-antwoord"
    return _finish(doc)


def apply_metadata(doc: KVDocument, meta: dict) -> KVDocument:
    """What a PDF or DOCX says about itself (its first page, its footer, its properties)
    over what was guessed from its text."""
    for key in ("id", "title", "date", "questioners", "answered_by"):
        if meta.get(key):
            setattr(doc, key, meta[key])
    doc.refers_to = tuple(dict.fromkeys([*doc.refers_to, *meta.get("refers_to", ())]))
    doc.refers_to = tuple(r for r in doc.refers_to if r != doc.id)
    return doc
