"""Batch scan of Kamervragen: find documents, pair statements, parse (cached), compare.

Memory stays flat as the number of documents grows: documents are read and parsed in
chunks, each result is handed to the writer at once, and only the top of the ranking is
kept for the human-readable report. JSON Lines and CSV follow the input order (files
sorted by path); each record carries ``magnitude``, the ranking key.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import heapq
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .compare import compare_docs, qualifiers_of
from .qualifiers.component import SPANS_KEY
from .sources.kamervragen import KVDocument, read_document
from .sources.text import DEFAULT_MAX_BYTES, InputError, from_string

PAIR_KINDS = ("question-answer", "versions", "quoted-statement", "manifest")
DOC_SUFFIXES = (".txt", ".xml", ".html", ".htm")
SCHEMA = "wording-diff.scan/1"
_WEIGHTS = {"narrows": 1.0, "broadens": 1.0, "reverses": 1.5, "unclear": 0.5, "neutral": 0.0}
# How much a change found in each kind of pair says: two versions of one statement are
# directly comparable; a question is not itself a claim, so its differences with the
# answer are weaker evidence.
KIND_WEIGHT = {"versions": 1.0, "manifest": 1.0, "quoted-statement": 0.8, "question-answer": 0.6}


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
class ScanError:
    document: str
    error: str


# ------------------------------------------------------------------------ discovery
def discover(paths: Iterable[str]) -> Iterator[str]:
    """Files, folders (recursively) and glob patterns, each file once, in sorted order."""
    seen: set[str] = set()
    for raw in paths:
        matches = sorted(glob.glob(raw, recursive=True)) if any(ch in raw for ch in "*?[") else [raw]
        if not matches:
            yield raw  # reported as "no such file" by the reader
            continue
        for m in matches:
            p = Path(m)
            if p.is_dir():
                files = sorted(
                    str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOC_SUFFIXES and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            else:
                files = [m]
            for f in files:
                if f not in seen:
                    seen.add(f)
                    yield f


# ------------------------------------------------------------------------ pairing
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


def read_manifest(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[PairJob | ScanError]:
    """Explicit pairs: CSV with a header, or JSON Lines; fields ``a``/``b`` (texts) or
    ``a_file``/``b_file`` (paths relative to the manifest), optional ``id``, ``a_label``, ``b_label``."""
    from .sources.text import read_bytes, decode, read_text

    base = Path(path).parent
    raw = decode(read_bytes(path, max_bytes), path)
    if path.lower().endswith((".jsonl", ".ndjson", ".json")):
        rows = []
        for n, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    yield ScanError(f"{path}:{n}", f"not valid JSON ({exc.msg})")
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
            yield ScanError(where, str(exc))


# ------------------------------------------------------------------------ parse cache
def cache_dir() -> Path:
    env = os.environ.get("WORDING_DIFF_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wording-diff"


class DocCache:
    """Parsed documents on disk, one DocBin per text, keyed by the text's hash, the
    pipeline's name and version, and the lexicon."""

    def __init__(self, parser, root: Path | None, lexicon_id: str):
        from .pipeline import text_key

        self.parser = parser
        self.root = root
        self.lexicon_id = lexicon_id
        self._key = text_key
        self.hits = self.misses = 0

    def _path(self, text: str) -> Path:
        key = self._key(text, self.parser.info, self.lexicon_id)
        return self.root / key[:2] / f"{key}.spacy"

    def parse_all(self, texts: list[str], n_process: int = 1, batch_size: int = 32) -> list:
        out: list = [None] * len(texts)
        with _known_msgpack_decoders():
            todo = [i for i, text in enumerate(texts) if not self._read(text, out, i)]
        self.misses += len(todo)
        unique = list(dict.fromkeys(texts[i] for i in todo))
        parsed = dict(zip(unique, self.parser.pipe(unique, batch_size=batch_size, n_process=n_process)))
        for i in todo:
            doc = parsed[texts[i]]
            out[i] = doc
            if self.root is not None:
                self._store(texts[i], doc)
        return out

    def _read(self, text: str, out: list, i: int) -> bool:
        """Fill ``out[i]`` from the cache; False when the text must be parsed."""
        from spacy.tokens import DocBin

        if self.root is None:
            return False
        path = self._path(text)
        if not path.exists():
            return False
        try:
            out[i] = next(DocBin().from_bytes(path.read_bytes()).get_docs(self.parser.nlp.vocab))
        except (ValueError, OSError, StopIteration):
            return False  # a damaged entry is parsed again and rewritten
        self.hits += 1
        return True

    def _store(self, text: str, doc) -> None:
        from spacy.tokens import DocBin

        from .output import atomic_write_bytes

        path = self._path(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, DocBin(docs=[doc], store_user_data=False).to_bytes())


@contextlib.contextmanager
def _known_msgpack_decoders():
    """srsly looks its msgpack decoders up in its registry (and the installed packages'
    entry points) on every load, which costs more than reading a cached DocBin. While the
    cache is read, the lookup answers from one snapshot taken at the start; the registry
    itself is left as it was."""
    try:
        from srsly.msgpack import msgpack_decoders
    except ImportError:  # a future srsly without this registry
        yield
        return
    snapshot = dict(msgpack_decoders.get_all())
    msgpack_decoders.get_all = lambda: snapshot  # an instance attribute over the method
    try:
        yield
    finally:
        del msgpack_decoders.get_all


# ------------------------------------------------------------------------ the scan
def magnitude(comparison, pair_kind: str) -> float:
    """The ranking key: weighted changes of each aligned sentence pair times how alike the
    two sentences are (a change between near-identical sentences is a reformulation, one
    between loosely related sentences may be noise), damped for long texts."""
    total, matched = 0.0, 0
    for pair in comparison.pairs:
        if not pair.matched:
            continue
        matched += 1
        total += pair.similarity * sum(_WEIGHTS[c.effect] for c in pair.changes if c.kind != "unchanged")
    return round(KIND_WEIGHT.get(pair_kind, 1.0) * total / max(1, matched) ** 0.5, 3)


def record_for(job: PairJob, doc_a, doc_b, lexicon, lang: str) -> dict:
    comparison = compare_docs(doc_a, doc_b, lexicon, a_label=job.a_label, b_label=job.b_label, lang=lang)
    changes = [c.as_dict() for c in comparison.changes(include_unchanged=True)]
    matched = [p.similarity for p in comparison.pairs if p.matched]
    group_a = doc_a.spans[SPANS_KEY] if SPANS_KEY in doc_a.spans else []
    group_b = doc_b.spans[SPANS_KEY] if SPANS_KEY in doc_b.spans else []
    return {
        "schema": SCHEMA,
        "document": job.document,
        "document_id": job.doc_id,
        "pair_kind": job.pair_kind,
        "labels": {"a": job.a_label, "b": job.b_label},
        "a": {"index": 0, "text": doc_a.text, "label": job.a_label, "sentences": comparison.a_sentences},
        "b": {"index": 0, "text": doc_b.text, "label": job.b_label, "sentences": comparison.b_sentences},
        "similarity": round(sum(matched) / len(matched), 4) if matched else 0.0,
        "verdict": comparison.verdict,
        "score": comparison.score,
        "magnitude": magnitude(comparison, job.pair_kind),
        "qualifiers": {
            "a": [q.as_dict() for q in qualifiers_of(group_a, 0, len(doc_a.text), 0, lexicon)],
            "b": [q.as_dict() for q in qualifiers_of(group_b, 0, len(doc_b.text), 0, lexicon)],
        },
        "changes": changes,
        "sentence_pairs": [p.as_dict() for p in comparison.pairs],
    }


@dataclass
class ScanStats:
    documents: int = 0
    unreadable: int = 0
    pairs: int = 0
    cache_hits: int = 0
    cache_misses: int = 0


def scan(
    paths: list[str],
    *,
    kinds: set[str],
    parser,
    emit: Callable[[dict], None],
    manifest: str | None = None,
    lang: str = "nl",
    n_process: int = 1,
    use_cache: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_documents: int = 32,
    progress: Callable[[int], None] | None = None,
) -> ScanStats:
    """Scan ``paths``; ``emit`` receives every record (pair results and error records) in
    input order. Returns counts."""
    lexicon = parser.nlp.get_pipe("scope_qualifiers").lexicon
    cache = DocCache(parser, cache_dir() / "docs" if use_cache else None, lexicon.path)
    stats = ScanStats()
    files = list(discover(paths))
    nader_refs: list[tuple[KVDocument, tuple[str, ...]]] = []
    by_id: dict[str, str] = {}

    def run(jobs: list[PairJob]) -> None:
        if not jobs:
            return
        texts = [t for job in jobs for t in (job.a_text, job.b_text)]
        docs = cache.parse_all(texts, n_process=n_process)
        for i, job in enumerate(jobs):
            emit(record_for(job, docs[2 * i], docs[2 * i + 1], lexicon, lang))
            stats.pairs += 1

    pending: list[PairJob] = []
    for n, path in enumerate(files, 1):
        try:
            doc = read_document(path, max_bytes)
        except InputError as exc:
            stats.unreadable += 1
            run(pending)
            pending = []
            emit({"schema": SCHEMA, "document": path, "error": str(exc).removeprefix(f"{path}: ")})
        else:
            stats.documents += 1
            if doc.id:
                by_id[doc.id] = path
            if doc.kind == "nader-antwoord" and "versions" in kinds:
                nader_refs.append((doc, doc.refers_to))
            pending.extend(pairs_for(doc, kinds))
            if n % chunk_documents == 0:
                run(pending)
                pending = []
        if progress:
            progress(n)
    run(pending)
    # A nader antwoord is paired with the original answer it refers to, if that was scanned.
    for nader, refs in nader_refs:
        for ref in refs:
            if ref in by_id and by_id[ref] != nader.path:
                try:
                    run(version_pairs(nader, read_document(by_id[ref], max_bytes)))
                except InputError:
                    pass
    if manifest:
        jobs: list[PairJob] = []
        for item in read_manifest(manifest, max_bytes):
            if isinstance(item, ScanError):
                stats.unreadable += 1
                emit({"schema": SCHEMA, "document": item.document, "error": item.error})
            else:
                jobs.append(item)
        run(jobs)
    stats.cache_hits, stats.cache_misses = cache.hits, cache.misses
    return stats


class TopPairs:
    """The highest-ranked records, without keeping the rest in memory."""

    def __init__(self, n: int):
        self.n = n
        self._heap: list[tuple] = []
        self._count = 0

    def add(self, record: dict) -> None:
        if "error" in record:
            return
        self._count += 1
        key = (record["magnitude"], abs(record["score"]), -self._count)
        item = (key, record)
        if len(self._heap) < self.n:
            heapq.heappush(self._heap, item)
        elif key > self._heap[0][0]:
            heapq.heapreplace(self._heap, item)

    def ranked(self) -> list[dict]:
        return [r for _, r in sorted(self._heap, key=lambda x: x[0], reverse=True)]
