"""Stage 3, pair: which statements of a document are compared with which.

``question-answer``: each answer with the questions it answers; ``quoted-statement``: a
statement quoted «…» in a question with its answer; ``versions``: a statement quoted as the
new wording of an earlier one, and a nader antwoord with the original answers it adds to
(found by the id or Zaak number it cites, else by its repeated questions or its title);
``manifest``: explicit pairs from a CSV or JSON Lines file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..sources import read_text
from ..sources.kamervragen import KVDocument
from ..sources.raw import DEFAULT_MAX_BYTES, decode, read_bytes
from ..sources.text import from_string
from .discover import DocRef
from .read import read

PAIR_KINDS = ("question-answer", "versions", "quoted-statement", "manifest")


@dataclass
class PairJob:
    document: str
    doc_id: str
    pair_kind: str
    a_label: str
    b_label: str
    a_text: str
    b_text: str


@dataclass
class Unreadable:
    """A document, or a manifest line, that gave no pair: it becomes an error record."""

    document: str
    error: str


def pairs_for(doc: KVDocument, kinds: set[str]) -> list[PairJob]:
    jobs: list[PairJob] = []
    answers = doc.answers
    if "question-answer" in kinds:
        for ans in answers:
            qs = [q for q in doc.questions if set(q.numbers) & set(ans.numbers)]
            if qs and ans.numbers:
                jobs.append(PairJob(doc.path, doc.id, "question-answer", " + ".join(q.label for q in qs), ans.label, "\n\n".join(q.text for q in qs), ans.text))
    quotes = doc.quoted_statements()
    if "versions" in kinds:
        for i, quote in enumerate(quotes):
            if quote.replaces_earlier and i > 0:
                earlier = quotes[i - 1]
                jobs.append(PairJob(doc.path, doc.id, "versions", f"{earlier.question.label} «…»", f"{quote.question.label} «…»", earlier.text, quote.text))
    if "quoted-statement" in kinds:
        for quote in quotes:
            ans = next((a for a in answers if set(a.numbers) & set(quote.question.numbers)), None)
            if ans is not None:
                jobs.append(PairJob(doc.path, doc.id, "quoted-statement", f"{quote.question.label} «…»", ans.label, quote.text, ans.text))
    return jobs


def version_pairs(nader: KVDocument, original: KVDocument) -> list[PairJob]:
    """A nader/aanvullend antwoord against the original answers to the same questions."""
    jobs = []
    for ans in nader.answers:
        old = next((a for a in original.answers if set(a.numbers) & set(ans.numbers)), None)
        if old is not None:
            jobs.append(PairJob(nader.path, nader.id, "versions", f"{original.id} {old.label}", f"{nader.id} {ans.label}", old.text, ans.text))
    return jobs


# How alike (0-100) a nader antwoord and a candidate original must be when no reference
# links them: a nader antwoord that repeats its questions repeats them nearly verbatim.
ORIGINAL_LIKENESS = 85.0


def likeness(nader: KVDocument, original: KVDocument) -> float:
    """How much ``original`` reads like the document a nader antwoord answers again: its
    questions against the original's questions of the same numbers (a nader antwoord
    often repeats only some of them), else the two titles."""
    from rapidfuzz import fuzz

    if nader.questions:
        scores = []
        for q in nader.questions:
            same = [o.text for o in original.questions if set(o.numbers) & set(q.numbers)]
            scores.append(max((fuzz.ratio(q.text, t) for t in same), default=0.0))
        return sum(scores) / len(scores)
    if nader.title and original.title:
        return fuzz.token_set_ratio(_title_words(nader.title), _title_words(original.title))
    return 0.0


def _title_words(title: str) -> str:
    return _NADER_WORDS.sub(" ", title.lower())


_NADER_WORDS = re.compile(r"\b(nader(e)?|aanvullend(e)?|antwoord(en)?|beantwoording|op)\b")


def originals_of(naders: list[KVDocument], candidates: Iterable[DocRef], max_bytes: int, threshold: float) -> list[KVDocument | None]:
    """For each nader antwoord, the most alike readable answer document among
    ``candidates`` if alike enough; the candidates are read once for all of them."""
    best: list[tuple[KVDocument | None, float]] = [(None, threshold)] * len(naders)
    own = {n.path for n in naders}
    for ref in candidates:
        if ref.label in own:
            continue
        try:
            doc = read(ref, max_bytes)
        except InputError:
            continue
        if doc.kind == "nader-antwoord" or not doc.answers:
            continue
        for i, nader in enumerate(naders):
            score = likeness(nader, doc)
            found, at = best[i]
            if score > at or (found is None and score >= at):
                best[i] = (doc, score)
    return [found for found, _ in best]


def read_manifest(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[PairJob | Unreadable]:
    """Explicit pairs: CSV with a header, or JSON Lines; fields ``a``/``b`` (texts) or
    ``a_file``/``b_file`` (paths relative to the manifest), optional ``id``, ``a_label``, ``b_label``."""
    base = Path(path).parent
    raw = decode(read_bytes(path, max_bytes), path)
    if path.lower().endswith((".jsonl", ".ndjson", ".json")):
        rows = []
        for n, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    yield Unreadable(f"{path}:{n}", f"not valid JSON ({exc.msg})")
    else:
        rows = list(csv.DictReader(io.StringIO(raw)))
    for n, row in enumerate(rows, 1):
        where = f"{path}:{row.get('id') or n}"
        try:
            texts = []
            for side in ("a", "b"):
                if row.get(f"{side}_file"):
                    texts.append(read_text(str(base / row[f"{side}_file"]), max_bytes)[1])
                elif row.get(side):
                    texts.append(from_string(row[side], f"{where} {side}")[1])
                else:
                    raise InputError(f"{where}: needs '{side}' or '{side}_file'")
            jobs_id = str(row.get("id") or n)
            yield PairJob(path, jobs_id, "manifest", row.get("a_label") or "a", row.get("b_label") or "b", texts[0], texts[1])
        except InputError as exc:
            yield Unreadable(where, str(exc))
