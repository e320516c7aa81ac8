"""Benchmarks of wording-diff, reported as ratios measured in one run (these machines are
noisy; absolute seconds are printed for context only).

    python bench/run.py [--docs 2000] [--shared ../shared] [--out bench/out]

1. scan throughput vs raw ``nlp.pipe`` of the same pipeline on the same texts (goal ≥ 0.90)
2. scan ``--jobs 2`` vs ``--jobs 1``, both without cache (goal ≥ 1.7)
3. cached re-scan vs cold scan (goal ≥ 20)
4. re-scan after a one-entry lexicon edit vs cold scan (goal ≥ 5); and, with no goal, after
   a word is added to a list the comparison reads itself (every pair compared again)
5. peak memory of a scan of 10× the corpus vs 1× (goal ≤ 1.1)
6. ``compare`` of a short pair vs a bare ``spacy.load`` of the pipeline (goal ≤ 1.3)
7. ``scan --executor dask --jobs 2`` (a LocalCluster of two worker processes) vs
   ``scan --jobs 2``, whole commands (goal ≥ 0.9)
8. what bounds a scan at scale: Dask's overhead per task, the cache's bytes per entry,
   a worker's memory, and the per-core rate (for bench/README.md's estimate)

Each timing is the best of ``--rounds`` runs, and the two sides of a ratio run in
alternation (scan, pipe, scan, pipe, …), so a slow spell of the machine does not fall on
one side only. Every run of every measure is kept in results.json.

The corpus is real documents only: the first ``--docs`` records of the bulk files of
Kamervragen in ../shared/data/kamervragen-bulk (2,000 records: 1,906 single question and
answer pairs, 86 documents of November 2024 and 8 answer letters), scanned as the JSON
Lines files they are.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import timing  # bench/timing.py: this folder is on the path of a script run from it
from timing import timed

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))


def build_corpus(shared: Path, out: Path, n_docs: int) -> dict[str, int]:
    """The first ``n_docs`` records of the bulk files of real Kamervragen (in file order),
    as JSON Lines files of the same names; how many records each file gave."""
    out.mkdir(parents=True, exist_ok=True)
    left, taken = n_docs, {}
    for source in sorted((shared / "data" / "kamervragen-bulk").glob("*.jsonl")):
        with source.open(encoding="utf8") as fh, (out / source.name).open("w", encoding="utf8") as sink:
            n = 0
            for line in fh:
                if left == 0:
                    break
                if line.strip():
                    sink.write(line)
                    n, left = n + 1, left - 1
        taken[source.name] = n
    if left:
        raise SystemExit(f"only {n_docs - left} records in {shared / 'data' / 'kamervragen-bulk'}; ask for fewer --docs")
    return taken


def scan_once(paths, jobs: int, use_cache: bool, collect_texts: list | None = None):
    from wording_diff.api import get_parser
    from wording_diff.scan import scan

    parser = get_parser()
    sink = open(os.devnull, "w")
    if collect_texts is not None:
        original = parser.parse_only

        def spy(texts, **kw):
            texts = list(texts)
            collect_texts.extend(texts)
            return original(texts, **kw)

        parser.parse_only = spy
    try:
        return scan(paths, kinds={"question-answer", "versions", "quoted-statement"}, parser=parser,
                    emit=lambda r: sink.write(json.dumps(r)), n_process=jobs, use_cache=use_cache)
    finally:
        if collect_texts is not None:
            parser.parse_only = original


def alternate(rounds: int, **sides) -> dict[str, list[float]]:
    """The seconds of every run, sides in turn, to the hundredth."""
    return {name: [round(t, 2) for t in times] for name, times in timing.alternate(rounds, **sides).items()}


def peak_rss_of_scan(paths: list[str], cache: Path) -> float:
    """Peak resident memory of a scan in a fresh process, in MiB: the kernel's high-water
    mark of the process's own address space (``VmHWM``). ``ru_maxrss`` is not used where
    ``VmHWM`` exists: a child made by fork keeps its parent's peak in it across exec, so
    it would report this benchmark's own memory."""
    code = (
        "import resource, sys, json, os; sys.path.insert(0, %r)\n"  # noqa: UP031
        "from wording_diff.api import get_parser\nfrom wording_diff.scan import scan\n"
        "p = get_parser(); sink = open(os.devnull, 'w')\n"
        "scan(%r, kinds={'question-answer','versions','quoted-statement'}, parser=p, emit=lambda r: sink.write(json.dumps(r)), reuse_results=False)\n"
        "try:\n"
        "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
        "except (OSError, IndexError):\n"
        "    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(hwm)\n" % (str(ROOT / "src"), paths)
    )
    env = dict(os.environ, WORDING_DIFF_CACHE=str(cache))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    return float(out.strip().splitlines()[-1]) / 1024.0  # MiB (both are in KiB on Linux)


def cli_scan(paths: list[str], *extra: str) -> list[str]:
    return [sys.executable, "-m", "wording_diff", "scan", *paths, "-f", "jsonl", "-q", "--no-cache", "-o", os.devnull, *extra]


def one_entry_lexicon(folder: Path, k: int) -> str:
    """A user lexicon of one phrase entry, a different one for each ``k``."""
    path = folder / f"lexicon-{k}.json"
    entry = {"id": f"bench.edit{k}", "dimension": "time", "value": f"edit{k}", "terms": [f"in week {k}"]}
    path.write_text(json.dumps({"phrases": [entry]}), encoding="utf8")
    return str(path)


def one_word_list_lexicon(folder: Path, k: int) -> str:
    """A user lexicon that adds one word to a list the claim rules read (the report verbs)."""
    path = folder / f"lexicon-words-{k}.json"
    path.write_text(json.dumps({"words": {"report_verbs": [f"meldde{k}"]}}), encoding="utf8")
    return str(path)


def dask_task_overhead(n: int = 2000) -> float:
    """Seconds per task that the scheduler adds: ``n`` trivial tasks on a LocalCluster of
    two worker processes, submitted and gathered as the scan does."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, Client(cluster) as client:
        client.submit(abs, -1).result()
        start = time.perf_counter()
        client.gather([client.submit(abs, -i, pure=False) for i in range(n)])
        return (time.perf_counter() - start) / n


def cache_bytes(root: Path, pattern: str) -> tuple[int, float]:
    sizes = [p.stat().st_size for p in root.rglob(pattern)]
    return len(sizes), (sum(sizes) / len(sizes) if sizes else 0.0)


def best_of(n: int, cmd: list[str], env=None) -> float:
    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(HERE / "out"))
    ap.add_argument("--rounds", type=int, default=3, help="runs per timing; the best counts")
    args = ap.parse_args()
    shared, out = Path(args.shared), Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    corpus = out / "corpus"
    sources = build_corpus(shared, corpus, args.docs)
    os.environ["WORDING_DIFF_CACHE"] = str(out / "cache")
    # the commands timed in subprocesses run this tree's code, as the in-process measures do
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    results: dict[str, object] = {"documents": args.docs, "records_per_source": sources, "rounds": args.rounds}

    from wording_diff.api import get_parser

    parser = get_parser()
    nlp = parser.nlp
    paths = [str(corpus)]
    # 1. scan vs raw nlp.pipe on the same texts (the first scan collects the texts it
    #    parses), and 2. --jobs 2 vs --jobs 1 (no cache)
    texts: list[str] = []
    first: dict = {}
    runs = alternate(
        args.rounds,
        scan_jobs1=lambda: first.setdefault("stats", scan_once(paths, 1, False, texts)) if not texts else scan_once(paths, 1, False),
        raw_nlp_pipe=lambda: [None for _ in nlp.pipe(texts, batch_size=32)],
        scan_jobs2=lambda: scan_once(paths, 2, False),
    )
    results.update(pairs=first["stats"].pairs, texts_parsed=len(texts), words=sum(len(t.split()) for t in texts))
    results["runs_seconds"] = runs
    t_scan, t_pipe, t_scan2 = min(runs["scan_jobs1"]), min(runs["raw_nlp_pipe"]), min(runs["scan_jobs2"])
    results["scan_seconds_jobs1"] = t_scan
    results["raw_nlp_pipe_seconds"] = t_pipe
    results["scan_vs_raw_pipe_throughput"] = round(t_pipe / t_scan, 3)
    results["scan_seconds_jobs2"] = t_scan2
    results["jobs2_vs_jobs1_speedup"] = round(t_scan / t_scan2, 3)
    # 3. cached re-scan vs cold: a cold scan that fills an empty cache, then re-scans
    t_cold, _ = timed(lambda: scan_once(paths, 1, True))
    warm = []
    for _ in range(args.rounds):
        t, warm_stats = timed(lambda: scan_once(paths, 1, True))
        warm.append(round(t, 2))
    results["scan_seconds_cold_with_cache_write"] = round(t_cold, 2)
    results["runs_seconds"]["scan_cached"] = warm
    results["scan_seconds_cached"] = min(warm)
    results["cached_vs_cold_speedup"] = round(t_cold / min(warm), 2)
    results["rescan_results_reused"] = warm_stats.results_reused
    results["rescan_texts_parsed"] = warm_stats.cache_misses
    # 4. re-scan after a one-entry lexicon edit vs the same cold scan: each round adds a
    #    different one-entry user lexicon (a phrase), so no result is found under the
    #    first key; the parses are read and marked again, and a pair whose marks the phrase
    #    did not change is read back (the pipeline is loaded before the timing, as it is
    #    for the cold scan)
    from wording_diff.scan import scan as scan_fn

    def rescans(make_lexicon) -> tuple[list[float], object]:
        """Seconds of one re-scan per round, each with a new lexicon, and the last stats."""
        seconds, stats = [], None
        for k in range(1, args.rounds + 1):
            edit_parser = get_parser(None, make_lexicon(out, k))
            t, stats = timed(lambda parser=edit_parser: scan_fn(paths, kinds={"question-answer", "versions", "quoted-statement"},
                                                                parser=parser, emit=lambda r: None, use_cache=True))
            seconds.append(round(t, 2))
        return seconds, stats

    edited, edit_stats = rescans(one_entry_lexicon)
    results["runs_seconds"]["scan_after_lexicon_edit"] = edited
    results["scan_seconds_after_lexicon_edit"] = min(edited)
    results["lexicon_edit_vs_cold_speedup"] = round(t_cold / min(edited), 2)
    results["lexicon_edit_texts_parsed"] = edit_stats.cache_misses
    results["lexicon_edit_results_reused"] = edit_stats.results_reused
    results["lexicon_edit_results_reused_by_marks"] = edit_stats.results_reused_by_marks
    # 4b. (no goal) the other kind of edit: a word added to a list the comparison reads
    #     itself, so every pair is compared again from the cached parses
    listed, list_stats = rescans(one_word_list_lexicon)
    results["runs_seconds"]["scan_after_word_list_edit"] = listed
    results["scan_seconds_after_word_list_edit"] = min(listed)
    results["word_list_edit_vs_cold_speedup"] = round(t_cold / min(listed), 2)
    results["word_list_edit_results_reused_by_marks"] = list_stats.results_reused_by_marks
    n_docs_entries, doc_entry = cache_bytes(out / "cache" / "docs", "*.spacy")
    n_pair_entries, pair_entry = cache_bytes(out / "cache" / "pairs", "*.json")
    results["cache_parse_entries"], results["cache_parse_entry_bytes"] = n_docs_entries, round(doc_entry)
    results["cache_pair_entries"], results["cache_pair_entry_bytes"] = n_pair_entries, round(pair_entry)
    # 4. peak memory, 10x vs 1x (the 10x corpus repeats the 1x corpus in ten folders;
    #    both read parsed texts from the warm parse cache and compare every pair again, so
    #    the measure is what the scan keeps while it reads, compares and writes)
    ten = out / "corpus10"
    for k in range(10):
        shutil.copytree(corpus, ten / f"copy{k}")
    rss1 = peak_rss_of_scan([str(corpus)], out / "cache")
    rss10 = peak_rss_of_scan([str(ten)], out / "cache")
    results["peak_rss_mib_1x"] = round(rss1, 1)
    results["peak_rss_mib_10x"] = round(rss10, 1)
    results["peak_memory_10x_vs_1x"] = round(rss10 / rss1, 3)
    # 5. compare of a short pair vs bare spacy.load (whole processes, best of 5)
    from wording_diff.pipeline import resolve_model

    model_path = resolve_model(None).path
    env = {k: v for k, v in os.environ.items() if k != "WORDING_DIFF_MODEL"}
    t_load = best_of(5, [sys.executable, "-c", f"import spacy; spacy.load({model_path!r})"], env)
    t_cmp = best_of(5, [sys.executable, "-m", "wording_diff", "compare", "--a-text", "Dat gebeurt op dit moment in Nederland niet.",
                        "--b-text", "Dat gebeurt op dit moment door de politie niet.", "--format", "json"], env)
    results["spacy_load_seconds"] = round(t_load, 3)
    results["compare_short_pair_seconds"] = round(t_cmp, 3)
    results["compare_vs_spacy_load"] = round(t_cmp / t_load, 3)
    # 7. Dask LocalCluster of two worker processes vs --jobs 2: whole commands, so each
    #    side pays its own start (a pool forked from the loaded pipeline; a cluster whose
    #    workers each load it)
    env = dict(os.environ)
    runs7 = alternate(
        args.rounds,
        cli_jobs2=lambda: subprocess.run(cli_scan(paths, "--jobs", "2"), check=True, env=env),
        cli_dask2=lambda: subprocess.run(cli_scan(paths, "--executor", "dask", "--jobs", "2"), check=True, env=env),
    )
    results["runs_seconds"].update(runs7)
    results["cli_seconds_jobs2"] = min(runs7["cli_jobs2"])
    results["cli_seconds_dask2"] = min(runs7["cli_dask2"])
    results["dask2_vs_jobs2_throughput"] = round(min(runs7["cli_jobs2"]) / min(runs7["cli_dask2"]), 3)
    # 8. what bounds a scan at scale
    results["dask_seconds_per_task"] = round(dask_task_overhead(), 5)
    results["documents_per_core_second"] = round(args.docs / t_scan, 2)
    results["words_per_core_second"] = round(results["words"] / t_scan)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    goals = [
        ("scan vs raw nlp.pipe throughput", "scan_vs_raw_pipe_throughput", "≥ 0.90"),
        ("--jobs 2 vs --jobs 1", "jobs2_vs_jobs1_speedup", "≥ 1.7"),
        ("cached re-scan vs cold", "cached_vs_cold_speedup", "≥ 20"),
        ("re-scan after a one-entry lexicon edit vs cold", "lexicon_edit_vs_cold_speedup", "≥ 5"),
        ("peak memory 10× vs 1×", "peak_memory_10x_vs_1x", "≤ 1.1"),
        ("compare (short pair) vs spacy.load", "compare_vs_spacy_load", "≤ 1.3"),
        ("Dask LocalCluster (2 workers) vs --jobs 2", "dask2_vs_jobs2_throughput", "≥ 0.9"),
    ]
    print(f"| measure ({args.docs} documents, {results['pairs']} pairs) | ratio | goal |")
    print("|---|---|---|")
    for label, key, goal in goals:
        print(f"| {label} | {results[key]} | {goal} |")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
