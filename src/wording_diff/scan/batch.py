"""A whole scan: discover, then run the documents in units on an executor, then pair the
nader antwoorden found with their originals, then the manifest's pairs.

Memory stays flat as the number of documents grows: documents are read and parsed in
units, each record is handed to ``emit`` at once, in input order (files sorted by path),
and only ids and references are kept between the two passes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from ..errors import InputError
from ..sources.kamervragen import KVDocument
from ..sources.raw import DEFAULT_MAX_BYTES
from .cache import cache_dir
from .discover import DocRef, discover
from .execute import ScanSettings, UnitResult, local_executor
from .pair import ORIGINAL_LIKENESS, PairJob, Unreadable, originals_of, read_manifest, version_pairs
from .read import read
from .records import ScanStats

# Documents per unit: small enough that the last unit does not leave a worker idle for
# long, large enough that nlp.pipe fills its batches.
UNIT_SERIAL = 32
UNIT_PARALLEL = 12
# On Dask each unit is a task that the scheduler hands out and whose result travels back
# over the network: larger units pay that less often.
UNIT_DASK = 24


def scan(
    paths: Iterable[str | DocRef],
    *,
    kinds: set[str],
    parser,
    emit: Callable[[dict], None],
    manifest: str | None = None,
    lang: str = "nl",
    n_process: int | None = 1,
    use_cache: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_documents: int | None = None,
    progress: Callable[[int], None] | None = None,
    reuse_results: bool = True,
    model: str | None = None,
    lexicon: str | None = None,
    executor: str = "local",
    scheduler: str | None = None,
) -> ScanStats:
    """Scan ``paths`` with ``n_process`` processes; ``emit`` receives every record (pair
    results and error records) in input order. Returns counts.

    ``parser`` is the loaded pipeline (or None: each worker loads ``model``/``lexicon``).
    ``executor="dask"`` (or a ``scheduler`` address) runs the units on Dask: on the
    cluster at ``scheduler``, else on a LocalCluster of ``n_process`` worker processes
    (default: one per core); ``n_process`` alone runs a pool of local processes.
    ``use_cache`` reads and writes both caches (parsed texts, compared pairs);
    ``reuse_results=False`` compares every pair again from the (cached) parsed texts,
    which is what the benchmark's memory measure wants to exercise."""
    settings = ScanSettings(
        kinds=frozenset(kinds), lang=lang, max_bytes=max_bytes,
        cache_root=str(cache_dir()) if use_cache else None,
        reuse_results=reuse_results,
        model=parser.model_arg if parser is not None else model,
        lexicon=parser.lexicon_arg if parser is not None else lexicon,
    )
    if executor == "dask" or scheduler:
        from .cluster import dask_executor

        context = dask_executor(settings, scheduler=scheduler, workers=n_process)
        size = chunk_documents or UNIT_DASK
    else:
        context = local_executor(parser, settings, n_process or 1)
        size = chunk_documents or (UNIT_SERIAL if (n_process or 1) <= 1 else UNIT_PARALLEL)
    with context as run:
        return run_scan(run, paths, settings, size, emit, manifest, progress)


def units_of(refs: Iterable[DocRef], size: int):
    """Runs of ``size`` documents, taken from ``refs`` as they are found."""
    refs = iter(refs)
    while chunk := list(itertools.islice(refs, size)):
        yield ("files", chunk)


def run_scan(run, paths: Iterable[str | DocRef], settings: ScanSettings, size: int, emit, manifest: str | None, progress) -> ScanStats:
    """The two passes of a scan on the executor ``run``. The documents are found as the
    units are handed out, and found again only if a nader antwoord cites nothing that was
    scanned (its original is then looked for among all of them)."""
    paths = list(paths)
    max_bytes = settings.max_bytes
    stats = ScanStats()
    by_key: dict[str, list[DocRef]] = {}
    nader: list[tuple[DocRef, tuple[str, ...]]] = []
    done = 0

    def take(result: UnitResult) -> None:
        nonlocal done
        for record in result.records:
            emit(record)
        stats.add(result.stats)
        for key, ref in result.ids:
            by_key.setdefault(key, []).append(ref)
        nader.extend(result.nader)
        done += result.files
        if progress and result.files:
            progress(done)

    for result in run(units_of(discover(paths), size)):
        take(result)
    # A nader antwoord is paired with the original answers it refers to (by id or Zaak
    # number) if that was scanned, else with the most alike scanned document.
    later: list[PairJob | Unreadable] = []
    found: list[tuple[KVDocument, KVDocument | None]] = []
    unnamed: list[int] = []  # nader antwoorden that cite nothing scanned
    for ref, cited in nader:
        try:
            doc = read(ref, max_bytes)
        except InputError:
            continue
        named = list(dict.fromkeys(r for key in cited for r in by_key.get(key, ())))
        if named:
            found.append((doc, originals_of([doc], named, max_bytes, 0.0)[0]))
        else:
            unnamed.append(len(found))
            found.append((doc, None))
    if unnamed:
        for i, original in zip(unnamed, originals_of([found[i][0] for i in unnamed], discover(paths), max_bytes, ORIGINAL_LIKENESS)):
            found[i] = (found[i][0], original)
    for doc, original in found:
        if original is not None:
            later.extend(version_pairs(doc, original))
    if manifest:
        later.extend(read_manifest(manifest, max_bytes))
    for result in run(("pairs", later[i : i + size]) for i in range(0, len(later), size)):
        take(result)
    return stats
