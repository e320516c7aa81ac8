"""Scanning on Dask: a real LocalCluster of two worker processes gives the same bytes as
one process, and a worker killed in the middle of a scan loses no record and duplicates
none. Skipped where the dask extra is not installed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from conftest import needs_shared

from wording_diff.cli import cli

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install 'wording-diff[dask]')")

DATA = Path(__file__).parent / "data"
KINDS = {"question-answer", "versions", "quoted-statement"}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


@pytest.fixture()
def folder(tmp_path):
    """Real answer documents, a broken file between them, and real bulk records: more
    than one unit of work, with an error record in the middle."""
    folder = tmp_path / "docs"
    folder.mkdir()
    stored = sorted(needs_shared("data", "officiele-stukken", "kamervragen").glob("ah-tk-2023*.txt"))[:10]
    for path in stored:
        shutil.copy(path, folder / path.name)
    (folder / "ah-tk-20232024-5-broken.txt").write_bytes(b"\x00\x01 not a document")
    shutil.copy(DATA / "ah-tk-20992100-1.html", folder / "page.html")
    lines = needs_shared("data", "kamervragen-bulk", "SSC-ICT-Innovatie_LearningLion-FineTuneEmbeddings_validation.jsonl").read_text(encoding="utf8").splitlines(keepends=True)
    (folder / "records.jsonl").write_text("".join(lines[:6]), encoding="utf8")
    return folder


def test_a_two_worker_cluster_writes_the_same_bytes_as_one_process(runner, cluster, folder):
    args = ["scan", str(folder), "-f", "jsonl", "-q", "--no-cache"]
    one = runner.invoke(cli, args + ["--jobs", "1"], catch_exceptions=False)
    on_dask = runner.invoke(cli, args + ["--scheduler", cluster.scheduler_address], catch_exceptions=False)
    assert one.exit_code == on_dask.exit_code == 0, on_dask.stderr
    assert on_dask.stdout == one.stdout
    recs = [json.loads(line) for line in one.stdout.splitlines()]
    names = [Path(r["document"]).name for r in recs]
    assert len(recs) > 30 and sum("error" in r for r in recs) == 1
    assert 0 < names.index("ah-tk-20232024-5-broken.txt") < len(names) - 1  # in place, not first or last
    # the workers loaded the scan's pipeline once each and dropped it afterwards
    with distributed.Client(cluster) as client:
        assert all(not any(name.startswith("wording-diff-scan-") for name in plugins) for plugins in client.run(lambda dask_worker: list(dask_worker.plugins)).values())


def test_executor_dask_starts_its_own_local_cluster(runner, tmp_path):
    doc = tmp_path / "page.html"
    shutil.copy(DATA / "ah-tk-20992100-1.html", doc)
    args = ["scan", str(doc), "-f", "jsonl", "-q", "--no-cache"]
    one = runner.invoke(cli, args, catch_exceptions=False)
    local = runner.invoke(cli, args + ["--executor", "dask", "--jobs", "2"], catch_exceptions=False)
    assert local.exit_code == 0 and local.stdout == one.stdout and one.stdout


def test_a_scheduler_that_cannot_be_reached_is_one_line_and_exit_2(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("wording_diff.scan.cluster.CONNECT_TIMEOUT", "2s")
    doc = tmp_path / "page.html"
    shutil.copy(DATA / "ah-tk-20992100-1.html", doc)
    res = runner.invoke(cli, ["scan", str(doc), "-q", "--scheduler", "tcp://127.0.0.1:9", "--no-cache"])
    assert res.exit_code == 2 and res.stderr.startswith("wording-diff: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(res.stderr.strip().splitlines()) == 1


def test_a_worker_killed_mid_scan_loses_and_duplicates_nothing(cluster, folder):
    from wording_diff.api import get_parser
    from wording_diff.scan import scan

    def run(**kw):
        out: list[dict] = []
        scan([str(folder)], kinds=KINDS, emit=out.append, use_cache=False, chunk_documents=1, **kw)
        return out

    expected = run(parser=get_parser())
    with distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        killed: list[int] = []

        def kill_one(done: int) -> None:
            if not killed:  # after the first unit: both workers are busy with the next ones
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        got = run(parser=None, executor="dask", scheduler=cluster.scheduler_address, progress=kill_one)
        assert killed
        deadline = time.time() + 60
        while time.time() < deadline and len(client.scheduler_info()["workers"]) < 2:
            time.sleep(0.5)
        assert killed[0] not in client.run(os.getpid).values()  # it really died (and was replaced)
    assert json.dumps(got) == json.dumps(expected)  # every record once, in input order
