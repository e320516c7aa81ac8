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
import hashlib
import heapq
import io
import json
import os
import re
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .compare import compare_docs
from .pipeline import hash_parts, text_key
from .errors import InputError
from .sources import read_document, read_text
from .sources.kamervragen import KVDocument
from .sources.raw import DEFAULT_MAX_BYTES, decode, read_bytes
from .sources.text import from_string

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


def originals_of(naders: list[KVDocument], candidates: Iterable[str], max_bytes: int, threshold: float) -> list[KVDocument | None]:
    """For each nader antwoord, the most alike readable answer document among
    ``candidates`` (paths) if alike enough; the candidates are read once for all of them."""
    best: list[tuple[KVDocument | None, float]] = [(None, threshold)] * len(naders)
    own = {n.path for n in naders}
    for path in candidates:
        if path in own:
            continue
        try:
            doc = read_document(path, max_bytes)
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


def read_manifest(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[PairJob | ScanError]:
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


# ------------------------------------------------------------------------ caches
def cache_dir() -> Path:
    env = os.environ.get("WORDING_DIFF_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wording-diff"


def _entry_path(root: Path, key: str, suffix: str) -> Path:
    return root / key[:2] / f"{key}{suffix}"


def _write_entry(path: Path, data: bytes) -> None:
    from .output import atomic_write_bytes

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)


class DocCache:
    """Parsed documents on disk, one DocBin per text, keyed by the text's hash, the
    pipeline's name and version, and the lexicon's contents."""

    def __init__(self, parser, root: Path | None, lexicon_id: str):
        self.parser = parser
        self.root = root
        self.lexicon_id = lexicon_id

    def _path(self, text: str) -> Path:
        return _entry_path(self.root, text_key(text, self.parser.info, self.lexicon_id), ".spacy")

    def parse_all(self, texts: list[str], batch_size: int = 32) -> tuple[list, int]:
        """The parsed docs of ``texts``, and how many of them were read from the cache."""
        with _known_msgpack_decoders():
            out = [self._read(text) for text in texts]
        todo = [i for i, doc in enumerate(out) if doc is None]
        unique = list(dict.fromkeys(texts[i] for i in todo))
        parsed = dict(zip(unique, self.parser.pipe(unique, batch_size=batch_size)))
        for i in todo:
            out[i] = parsed[texts[i]]
            if self.root is not None:
                self._store(texts[i], out[i])
        return out, len(texts) - len(todo)

    def _read(self, text: str):
        """The cached doc of ``text``, or None when it must be parsed."""
        from spacy.tokens import DocBin

        if self.root is None:
            return None
        path = self._path(text)
        if not path.exists():
            return None
        try:
            return next(DocBin().from_bytes(path.read_bytes()).get_docs(self.parser.nlp.vocab))
        except (ValueError, OSError, StopIteration):
            return None  # a damaged entry is parsed again and rewritten

    def _store(self, text: str, doc) -> None:
        from spacy.tokens import DocBin

        _write_entry(self._path(text), DocBin(docs=[doc], store_user_data=False).to_bytes())


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


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's code and data files (not the pipeline, which has its own
    name and version): a cached comparison is reused only by the code that made it."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.suffix in (".py", ".json") and rel.parts[0] != "model" and "__pycache__" not in rel.parts:
            h.update(str(rel).encode("utf8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class ResultCache:
    """Compared pairs on disk, one JSON file per pair, keyed by both texts, the pair's kind
    and labels, the output language, the pipeline, the lexicon and the code. A re-scan of
    unchanged documents then only reads; any change to a text parses (or reads from the
    parse cache) and compares that pair again. The document's path is not part of the key,
    so moving a folder keeps its results."""

    def __init__(self, root: Path | None, context: tuple[str, ...]):
        self.root = root
        self.context = context

    def key(self, job: PairJob) -> str:
        return hash_parts(*self.context, job.pair_kind, job.a_label, job.b_label, job.a_text, job.b_text)

    def get(self, key: str) -> dict | None:
        if self.root is None:
            return None
        try:
            record = json.loads(_entry_path(self.root, key, ".json").read_bytes())
        except (OSError, ValueError):
            return None  # absent or damaged: compared again and rewritten
        return record if isinstance(record, dict) else None

    def put(self, key: str, record: dict) -> None:
        if self.root is not None:
            _write_entry(_entry_path(self.root, key, ".json"), json.dumps(record, ensure_ascii=False).encode("utf8"))


# ------------------------------------------------------------------------ the scan
def magnitude(comparison, pair_kind: str) -> float:
    """The ranking key: for each aligned sentence pair, the scope dimensions that moved,
    each (dimension, effect) counted once (three negations dropped from one sentence are
    one reversal, not three), times how alike the two sentences are (a change between
    near-identical sentences is a reformulation, one between loosely related sentences may
    be noise); summed, damped for long texts, and weighted by the kind of pair."""
    total, matched = 0.0, 0
    for pair in comparison.pairs:
        if not pair.matched:
            continue
        matched += 1
        moved = {(c.dimension, c.effect) for c in pair.changes if c.kind != "unchanged"}
        total += pair.similarity * sum(_WEIGHTS[effect] for _, effect in moved)
    return round(KIND_WEIGHT.get(pair_kind, 1.0) * total / max(1, matched) ** 0.5, 3)


def record_for(job: PairJob, doc_a, doc_b, lexicon, lang: str) -> dict:
    """One pair's result (everything but where it was found, which ``placed`` adds)."""
    comparison = compare_docs(doc_a, doc_b, lexicon, a_label=job.a_label, b_label=job.b_label, lang=lang)
    changes = [c.as_dict() for c in comparison.changes(include_unchanged=True)]
    matched = [p.similarity for p in comparison.pairs if p.matched]
    return {
        "pair_kind": job.pair_kind,
        "labels": {"a": job.a_label, "b": job.b_label},
        "a": {"index": 0, "text": comparison.a_text, "label": job.a_label, "sentences": comparison.a_sentences},
        "b": {"index": 0, "text": comparison.b_text, "label": job.b_label, "sentences": comparison.b_sentences},
        "similarity": round(sum(matched) / len(matched), 4) if matched else 0.0,
        "verdict": comparison.verdict,
        "score": comparison.score,
        "magnitude": magnitude(comparison, job.pair_kind),
        "qualifiers": {
            "a": [q.as_dict() for q in comparison.a_qualifiers],
            "b": [q.as_dict() for q in comparison.b_qualifiers],
        },
        "changes": changes,
        "sentence_pairs": [p.as_dict() for p in comparison.pairs],
    }


def placed(job: PairJob, record: dict) -> dict:
    return {"schema": SCHEMA, "document": job.document, "document_id": job.doc_id, **record}


def error_record(document: str, error: str) -> dict:
    return {"schema": SCHEMA, "document": document, "error": error}


@dataclass
class ScanStats:
    documents: int = 0
    unreadable: int = 0
    pairs: int = 0
    cache_hits: int = 0  # texts read from the parse cache
    cache_misses: int = 0  # texts parsed
    results_reused: int = 0  # pairs read from the result cache

    def add(self, other: ScanStats) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class ScanSettings:
    """Everything a scan worker needs besides the pipeline (picklable)."""

    kinds: frozenset[str]
    lang: str
    max_bytes: int
    cache_root: str | None  # None: --no-cache
    reuse_results: bool = True
    model: str | None = None  # how a worker that starts afresh loads the same pipeline
    lexicon: str | None = None


@dataclass
class UnitResult:
    """What a unit of work (a run of files, or a list of pairs) gave, in input order."""

    records: list[dict] = field(default_factory=list)
    stats: ScanStats = field(default_factory=ScanStats)
    files: int = 0
    ids: list[tuple[str, str]] = field(default_factory=list)  # (document id or Zaak number, path)
    nader: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (path, ids it refers to)


class Scanner:
    """Reads, pairs, parses (through the caches) and compares; one per process."""

    def __init__(self, parser, settings: ScanSettings):
        import spacy

        self.parser = parser
        self.settings = settings
        self.lexicon = parser.nlp.get_pipe("scope_qualifiers").lexicon
        root = Path(settings.cache_root) if settings.cache_root else None
        self.docs = DocCache(parser, root / "docs" if root else None, self.lexicon.fingerprint)
        info = parser.info
        self.results = ResultCache(
            root / "pairs" if root and settings.reuse_results else None,
            (SCHEMA, code_fingerprint(), spacy.__version__, info.name, info.version, self.lexicon.fingerprint, settings.lang),
        )

    def run(self, unit: tuple[str, list]) -> UnitResult:
        kind, items = unit
        return self.files(items) if kind == "files" else self.pairs(items)

    def files(self, paths: list[str]) -> UnitResult:
        out = UnitResult(files=len(paths))
        found: list[dict | list[PairJob]] = []
        for path in paths:
            try:
                doc = read_document(path, self.settings.max_bytes)
            except InputError as exc:
                out.stats.unreadable += 1
                found.append(error_record(path, str(exc).removeprefix(f"{path}: ")))
                continue
            out.stats.documents += 1
            if doc.kind == "nader-antwoord":
                if "versions" in self.settings.kinds:
                    out.nader.append((path, tuple(doc.refers_to)))
            else:
                # an original answer is found by its own id or the Zaak number of its questions
                out.ids.extend((key, path) for key in (doc.id, *doc.zaak_numbers) if key)
            found.append(pairs_for(doc, self.settings.kinds))
        records = iter(self._compare([job for item in found if isinstance(item, list) for job in item], out.stats))
        for item in found:
            if isinstance(item, dict):
                out.records.append(item)
            else:
                out.records.extend(next(records) for _ in item)
        return out

    def pairs(self, items: list[PairJob | ScanError]) -> UnitResult:
        """Given pairs (a manifest's, a nader antwoord's), with the manifest's bad lines in place."""
        out = UnitResult()
        jobs = [item for item in items if isinstance(item, PairJob)]
        records = iter(self._compare(jobs, out.stats))
        for item in items:
            if isinstance(item, ScanError):
                out.stats.unreadable += 1
                out.records.append(error_record(item.document, item.error))
            else:
                out.records.append(next(records))
        return out

    def _compare(self, jobs: list[PairJob], stats: ScanStats) -> list[dict]:
        keys = [self.results.key(job) for job in jobs]
        results = [self.results.get(key) for key in keys]
        todo = [i for i, record in enumerate(results) if record is None]
        stats.results_reused += len(jobs) - len(todo)
        if todo:
            texts = [text for i in todo for text in (jobs[i].a_text, jobs[i].b_text)]
            docs, read = self.docs.parse_all(texts)
            stats.cache_hits += read
            stats.cache_misses += len(texts) - read
            for n, i in enumerate(todo):
                results[i] = record_for(jobs[i], docs[2 * n], docs[2 * n + 1], self.lexicon, self.settings.lang)
                self.results.put(keys[i], results[i])
        stats.pairs += len(jobs)
        return [placed(job, record) for job, record in zip(jobs, results)]


# A worker process's scanner. Under "fork" the parent's pipeline is inherited (no second
# load, pages shared); elsewhere each worker loads the same pipeline once.
_inherited_parser = None
_worker: Scanner | None = None


def _start_worker(settings: ScanSettings) -> None:
    global _worker
    # The parent alone answers Ctrl-C and SIGTERM; it then stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parser = _inherited_parser
    if parser is None:
        from .api import get_parser

        parser = get_parser(settings.model, settings.lexicon)
    _worker = Scanner(parser, settings)


def _work(unit: tuple[str, list]) -> UnitResult:
    return _worker.run(unit)


@contextlib.contextmanager
def _runner(parser, settings: ScanSettings, jobs: int):
    """A function from units of work to their results, in order: in this process for one
    job, else a pool of ``jobs`` processes that each read, parse and compare whole units
    (so parsing, the slow part, runs in parallel without shipping parsed documents)."""
    if jobs <= 1:
        scanner = Scanner(parser, settings)
        yield lambda units: map(scanner.run, units)
        return
    import multiprocessing

    global _inherited_parser
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    _inherited_parser = parser if method == "fork" else None
    pool = multiprocessing.get_context(method).Pool(jobs, initializer=_start_worker, initargs=(settings,))
    try:
        yield lambda units: pool.imap(_work, units)
        pool.close()
        pool.join()
    finally:
        pool.terminate()
        _inherited_parser = None


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
    chunk_documents: int | None = None,
    progress: Callable[[int], None] | None = None,
    reuse_results: bool = True,
) -> ScanStats:
    """Scan ``paths`` with ``n_process`` processes; ``emit`` receives every record (pair
    results and error records) in input order. Returns counts.

    ``use_cache`` reads and writes both caches (parsed texts, compared pairs);
    ``reuse_results=False`` compares every pair again from the (cached) parsed texts,
    which is what the benchmark's memory measure wants to exercise."""
    settings = ScanSettings(
        kinds=frozenset(kinds), lang=lang, max_bytes=max_bytes,
        cache_root=str(cache_dir()) if use_cache else None,
        reuse_results=reuse_results,
        model=parser.model_arg, lexicon=parser.lexicon_arg,
    )
    # Units small enough that the last one does not leave a worker idle for long, large
    # enough that nlp.pipe fills its batches.
    size = chunk_documents or (32 if n_process <= 1 else 12)
    files = list(discover(paths))
    stats = ScanStats()
    by_key: dict[str, list[str]] = {}
    nader: list[tuple[str, tuple[str, ...]]] = []

    def take(result: UnitResult, done: int) -> int:
        for record in result.records:
            emit(record)
        stats.add(result.stats)
        for key, path in result.ids:
            by_key.setdefault(key, []).append(path)
        nader.extend(result.nader)
        done += result.files
        if progress and result.files:
            progress(done)
        return done

    with _runner(parser, settings, n_process) as run:
        done = 0
        for result in run(("files", files[i : i + size]) for i in range(0, len(files), size)):
            done = take(result, done)
        # A nader antwoord is paired with the original answers it refers to (by id or
        # Zaak number) if that was scanned, else with the most alike scanned document.
        later: list[PairJob | ScanError] = []
        found: list[tuple[KVDocument, KVDocument | None]] = []
        unnamed: list[int] = []  # nader antwoorden that cite nothing scanned
        for path, refs in nader:
            try:
                doc = read_document(path, max_bytes)
            except InputError:
                continue
            named = list(dict.fromkeys(p for ref in refs for p in by_key.get(ref, ())))
            if named:
                found.append((doc, originals_of([doc], named, max_bytes, 0.0)[0]))
            else:
                unnamed.append(len(found))
                found.append((doc, None))
        if unnamed:
            for i, original in zip(unnamed, originals_of([found[i][0] for i in unnamed], files, max_bytes, ORIGINAL_LIKENESS)):
                found[i] = (found[i][0], original)
        for doc, original in found:
            if original is not None:
                later.extend(version_pairs(doc, original))
        if manifest:
            later.extend(read_manifest(manifest, max_bytes))
        for result in run(("pairs", later[i : i + size]) for i in range(0, len(later), size)):
            take(result, done)
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
