"""Stage 5 on a Dask cluster: the same units of work as ``execute``, run by the workers of
a ``dask.distributed`` cluster (an existing one at ``--scheduler ADDRESS``, or a
``LocalCluster`` of worker processes started for the scan).

* Each worker loads the pipeline once, when the scan registers its worker plugin (and a
  worker that joins or restarts later loads it when it starts); a task carries a run of
  document references and returns compact records, never parsed documents.
* Results are taken in the order of the units, with a bounded number in flight, so the
  output is byte-identical to a scan in one process and memory stays flat.
* A worker that dies loses nothing: the scheduler gives its tasks to another worker
  (Dask's ``allowed-failures``); each unit's result is taken exactly once. A unit whose
  workers keep dying is split into single documents, and a document that still kills its
  worker becomes an error record in its place.

The documents are read by the workers, at the paths the scan was given: on several
machines they must be reachable at the same path everywhere (a shared folder). So must
the cache folder, or use none (``--no-cache``).
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import itertools
import logging
import os
import sys
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import ScanError
from . import records as rec
from .cache import code_fingerprint
from .execute import Run, Scanner, ScanSettings, Unit, UnitResult, load_parser

# A task that raised is tried this many more times (a worker that died is handled by the
# scheduler: its tasks go to another worker).
RETRIES = 2
# Units in flight per worker thread: enough that no worker waits for the next task.
IN_FLIGHT_PER_THREAD = 4
# A LocalCluster's workers wake less often for bookkeeping that a scan does not need (the
# event-loop watchdog every 20 ms, the system and memory monitors several times a second):
# each wake-up takes the interpreter lock from the thread that parses.
QUIET_WORKERS = {
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.tick.limit": "30s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "2s",
}
# How long to try reaching a scheduler given with --scheduler.
CONNECT_TIMEOUT = "20s"

try:
    from distributed import WorkerPlugin
except ImportError:  # the dask extra is not installed: dask_executor says so
    WorkerPlugin = object  # type: ignore[assignment,misc]


def _lexicon_file(text: str) -> str:
    """A copy of the scan's lexicon on this machine, named by its contents."""
    path = Path(tempfile.gettempdir()) / f"wording-diff-lexicon-{hashlib.sha256(text.encode('utf8')).hexdigest()[:16]}.json"
    if not path.exists():
        from ..output import atomic_write

        atomic_write(path, text)
    return str(path)


class ScannerPlugin(WorkerPlugin):
    """Loads the pipeline and keeps one ``Scanner`` on each worker for one scan. It travels
    to the workers with the settings and the lexicon's text (not its path: the workers
    may be other machines), and checks that each worker runs the same code and pipeline
    as the client."""

    def __init__(self, settings: ScanSettings, lexicon_text: str | None, pipeline: tuple[str, str]):
        self.name = f"wording-diff-scan-{uuid.uuid4().hex[:12]}"
        self.settings = settings
        self.lexicon_text = lexicon_text
        self.pipeline = pipeline
        self.fingerprint = code_fingerprint()
        self.scanner: Scanner | None = None
        self.error: Exception | None = None

    def setup(self, worker=None):
        try:
            if code_fingerprint() != self.fingerprint:
                raise ScanError(f"the Dask worker {getattr(worker, 'address', '')} runs another version of wording-diff than this scan; install the same on every machine")
            settings = self.worker_settings()
            parser = load_parser(settings)
            if (parser.info.name, parser.info.version) != self.pipeline:
                raise ScanError(
                    f"the Dask worker {getattr(worker, 'address', '')} has pipeline {parser.info.name} {parser.info.version}, "
                    f"this scan uses {self.pipeline[0]} {self.pipeline[1]}"
                )
            self.scanner = Scanner(parser, settings)
        except Exception as exc:  # reported by every task on this worker
            self.error = exc

    def worker_settings(self) -> ScanSettings:
        """The settings a worker scans with: the lexicon as a file on its own machine."""
        return replace(self.settings, lexicon=_lexicon_file(self.lexicon_text) if self.lexicon_text is not None else None)

    def teardown(self, worker=None):
        self.scanner = None

    def __getstate__(self):
        state = dict(self.__dict__)
        state["scanner"] = state["error"] = None  # never ship a loaded pipeline
        return state


def run_unit(plugin_name: str, unit: Unit) -> UnitResult:
    """A task: one unit of work on the scanner this worker loaded for the scan."""
    from distributed import get_worker

    plugin = get_worker().plugins[plugin_name]
    if plugin.error is not None:
        raise plugin.error
    return plugin.scanner.run(unit)


def _merge(results: list[UnitResult]) -> UnitResult:
    out = UnitResult()
    for r in results:
        out.records.extend(r.records)
        out.stats.add(r.stats)
        out.files += r.files
        out.ids.extend(r.ids)
        out.nader.extend(r.nader)
    return out


def _lost(unit: Unit, exc: Exception) -> UnitResult:
    """The error record of a single document (or pair) whose workers kept dying."""
    kind, (item,) = unit
    where = item.label if kind == "files" else item.document
    out = UnitResult(files=1 if kind == "files" else 0)
    out.stats.unreadable += 1
    out.records.append(rec.error_record(where, f"the worker reading this document died each time it was tried ({exc.__class__.__name__})"))
    return out


class _Ordered:
    """Units submitted as tasks, a bounded number ahead, results taken in unit order."""

    def __init__(self, client, plugin_name: str, window: int):
        self.client, self.plugin_name, self.window = client, plugin_name, window

    def submit(self, unit: Unit):
        return self.client.submit(run_unit, self.plugin_name, unit, pure=False, retries=RETRIES)

    def result(self, unit: Unit, future) -> UnitResult:
        from distributed.scheduler import KilledWorker

        try:
            return future.result()
        except KilledWorker as exc:
            kind, items = unit
            if len(items) == 1:
                return _lost(unit, exc)
            singles = [(kind, [item]) for item in items]
            futures = [self.submit(u) for u in singles]
            return _merge([self.result(u, f) for u, f in zip(singles, futures)])
        finally:
            future.release()

    def __call__(self, units: Iterable[Unit]) -> Iterator[UnitResult]:
        units = iter(units)
        pending = collections.deque((u, self.submit(u)) for u in itertools.islice(units, self.window))
        while pending:
            unit, future = pending.popleft()
            for nxt in itertools.islice(units, 1):
                pending.append((nxt, self.submit(nxt)))
            yield self.result(unit, future)


@contextlib.contextmanager
def dask_executor(settings: ScanSettings, *, scheduler: str | None = None, workers: int | None = None) -> Iterator[Run]:
    """Run units on the Dask cluster at ``scheduler``, else on a LocalCluster of
    ``workers`` processes (default: one per core) that lives as long as the scan."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ScanError("the Dask executor needs the dask extra: pip install 'wording-diff[dask]'") from None
    from ..pipeline import BUNDLED_NAME, resolve_model

    info = resolve_model(settings.model)
    model = {"bundled": BUNDLED_NAME, "installed": info.name}.get(info.source, info.path)
    lexicon = settings.lexicon or os.environ.get("WORDING_DIFF_LEXICON") or None
    lexicon_text = Path(lexicon).read_text(encoding="utf-8-sig") if lexicon else None
    plugin = ScannerPlugin(replace(settings, model=model, lexicon=None), lexicon_text, (info.name, info.version))
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT))
            except (OSError, TimeoutError) as exc:
                raise ScanError(f"cannot reach the Dask scheduler at {scheduler} ({exc.__class__.__name__}: {exc})") from None
        else:
            import dask

            # The workers' statistical profiler samples the parsing thread's stack every
            # 10 ms, which costs the parser several per cent; a scan does not need it.
            config = {"distributed.worker.profile.enabled": False, **QUIET_WORKERS}
            if sys.platform.startswith("linux"):
                # Worker processes forked from this one inherit the pipeline loaded here
                # (once, pages shared) instead of each importing spaCy and loading it
                # again, as the process pool of --jobs does. Only on Linux: elsewhere
                # forking a process with threads is not safe.
                config["distributed.worker.multiprocessing-method"] = "fork"
                load_parser(plugin.worker_settings())
            stack.enter_context(dask.config.set(config))
            cluster = stack.enter_context(
                LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                             dashboard_address=":0", silence_logs=logging.ERROR)
            )
            client = stack.enter_context(Client(cluster))
        client.register_plugin(plugin, name=plugin.name)
        try:
            threads = sum(client.nthreads().values()) or 1
            yield _Ordered(client, plugin.name, max(4, IN_FLIGHT_PER_THREAD * threads))
        finally:
            with contextlib.suppress(Exception):
                client.unregister_worker_plugin(plugin.name)
