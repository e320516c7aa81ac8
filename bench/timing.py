"""Timing for the benchmarks: every ratio is of two timings taken in turn in one run."""

from __future__ import annotations

import time


def timed(fn):
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def alternate(rounds: int, **sides) -> dict[str, list[float]]:
    """Run each side once per round, in turn (so a slow spell does not fall on one side
    only); the seconds of every run."""
    runs: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, fn in sides.items():
            runs[name].append(timed(fn)[0])
    return runs
