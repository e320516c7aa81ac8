"""Stage 5, execute: units of work (a run of documents, or a list of pairs) and where they
run. A ``Scanner`` reads, pairs, parses (through the caches) and compares one unit and
returns compact records, never parsed documents; one ``Scanner`` lives in each process
that does work. ``local_executor`` runs units in this process or in a pool of processes;
``cluster.dask_executor`` runs them on a Dask cluster. Every executor gives the results
in the order of the units, so the output does not depend on where the work ran.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from . import records as rec
from .cache import DocCache, ResultCache, code_fingerprint
from .discover import DocRef
from .pair import PairJob, Unreadable, pairs_for
from .read import read

Unit = tuple[str, list]  # ("files", [DocRef, …]) or ("pairs", [PairJob | Unreadable, …])
Run = Callable[[Iterable[Unit]], Iterator["UnitResult"]]


@dataclass(frozen=True)
class ScanSettings:
    """Everything a worker needs besides the pipeline (small and picklable)."""

    kinds: frozenset[str]
    lang: str
    max_bytes: int
    cache_root: str | None  # None: --no-cache
    reuse_results: bool = True
    model: str | None = None  # how a worker that starts afresh loads the same pipeline
    lexicon: str | None = None


@dataclass
class UnitResult:
    """What a unit of work gave, in input order."""

    records: list[dict] = field(default_factory=list)
    stats: rec.ScanStats = field(default_factory=rec.ScanStats)
    files: int = 0
    ids: list[tuple[str, DocRef]] = field(default_factory=list)  # (document id or Zaak number, where)
    nader: list[tuple[DocRef, tuple[str, ...]]] = field(default_factory=list)  # (where, ids it refers to)


class Scanner:
    """Reads, pairs, parses (through the caches) and compares; one per process."""

    def __init__(self, parser, settings: ScanSettings):
        import spacy

        self.parser = parser
        self.settings = settings
        self.lexicon = parser.nlp.get_pipe("scope_qualifiers").lexicon
        root = Path(settings.cache_root) if settings.cache_root else None
        self.docs = DocCache(parser, root / "docs" if root else None)
        info = parser.info
        # the parse's identity too: its components' code and data (the sentence and run-on
        # splitters) decide the tokens a record's offsets and qualifiers refer to
        made_by = (rec.SCHEMA, code_fingerprint(), spacy.__version__, info.name, info.version, parser.parse_id)
        self.results = ResultCache(
            root / "pairs" if root and settings.reuse_results else None,
            (*made_by, self.lexicon.fingerprint, settings.lang),
            (*made_by, self.lexicon.comparison_fingerprint, settings.lang),
        )

    def run(self, unit: Unit) -> UnitResult:
        kind, items = unit
        return self.files(items) if kind == "files" else self.pairs(items)

    def files(self, refs: list[DocRef]) -> UnitResult:
        out = UnitResult(files=len(refs))
        found: list[dict | list[PairJob]] = []
        for ref in refs:
            try:
                doc = read(ref, self.settings.max_bytes)
            except InputError as exc:
                out.stats.unreadable += 1
                found.append(rec.error_record(ref.label, str(exc).removeprefix(f"{ref.label}: ").removeprefix(f"{ref.path}: ")))
                continue
            out.stats.documents += 1
            if doc.kind == "nader-antwoord":
                if "versions" in self.settings.kinds:
                    out.nader.append((ref, tuple(doc.refers_to)))
            else:
                # an original answer is found by its own id or the Zaak number of its questions
                out.ids.extend((key, ref) for key in (doc.id, *doc.zaak_numbers) if key)
            found.append(pairs_for(doc, self.settings.kinds))
        records = iter(self._compare([job for item in found if isinstance(item, list) for job in item], out.stats))
        for item in found:
            if isinstance(item, dict):
                out.records.append(item)
            else:
                out.records.extend(next(records) for _ in item)
        return out

    def pairs(self, items: list[PairJob | Unreadable]) -> UnitResult:
        """Given pairs (a manifest's, a nader antwoord's), with the manifest's bad lines in place."""
        out = UnitResult()
        jobs = [item for item in items if isinstance(item, PairJob)]
        records = iter(self._compare(jobs, out.stats))
        for item in items:
            if isinstance(item, Unreadable):
                out.stats.unreadable += 1
                out.records.append(rec.error_record(item.document, item.error))
            else:
                out.records.append(next(records))
        return out

    def _compare(self, jobs: list[PairJob], stats: rec.ScanStats) -> list[dict]:
        keys = [self.results.key(job) for job in jobs]
        results = [self.results.get(key) for key in keys]
        todo = [i for i, record in enumerate(results) if record is None]
        stats.results_reused += len(jobs) - len(todo)
        if todo:
            texts = [text for i in todo for text in (jobs[i].a_text, jobs[i].b_text)]
            docs, read_back = self.docs.parse_all(texts)
            stats.cache_hits += read_back
            stats.cache_misses += len(texts) - read_back
            for n, i in enumerate(todo):
                doc_a, doc_b = docs[2 * n], docs[2 * n + 1]
                marks_key = self.results.marks_key(jobs[i], doc_a, doc_b, self.lexicon) if self.results.root else ""
                record = self.results.get_by_marks(marks_key) if marks_key else None
                if record is None:
                    record = rec.record_for(jobs[i], doc_a, doc_b, self.lexicon, self.settings.lang)
                    if marks_key:
                        self.results.put_by_marks(marks_key, keys[i])
                else:
                    stats.results_reused_by_marks += 1  # a lexicon edit that did not touch this pair
                results[i] = record
                self.results.put(keys[i], record)
        stats.pairs += len(jobs)
        return [rec.placed(job, record) for job, record in zip(jobs, results)]


def load_parser(settings: ScanSettings):
    """The pipeline a worker that starts afresh loads: the same as the scan's."""
    from ..api import get_parser

    return get_parser(settings.model, settings.lexicon)


# A worker process's scanner. Under "fork" the parent's pipeline is inherited (no second
# load, pages shared); elsewhere each worker loads the same pipeline once.
_inherited_parser = None
_worker: Scanner | None = None


def _start_worker(settings: ScanSettings) -> None:
    global _worker
    # The parent alone answers Ctrl-C and SIGTERM; it then stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker = Scanner(_inherited_parser or load_parser(settings), settings)


def _work(unit: Unit) -> UnitResult:
    return _worker.run(unit)


@contextlib.contextmanager
def local_executor(parser, settings: ScanSettings, jobs: int) -> Iterator[Run]:
    """A function from units of work to their results, in order: in this process for one
    job, else a pool of ``jobs`` processes that each read, parse and compare whole units
    (so parsing, the slow part, runs in parallel without shipping parsed documents)."""
    if jobs <= 1:
        scanner = Scanner(parser or load_parser(settings), settings)
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
