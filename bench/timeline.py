"""Benchmark of ``timeline``, as ratios measured in one run.

    python bench/timeline.py [--shared ../shared] [--rounds 3] [--out bench/out]

On the Clearview folder of ../shared/data/officiele-stukken (with and without --about):
the time ``timeline`` takes (reading the statements, parsing them, reading and matching
their claims, comparing each step) against the time the same pipeline takes to parse the
same statement texts (``nlp.pipe``), the part no timeline can avoid. Each timing is the
best of ``--rounds`` runs; the two sides of a ratio run in turn. Results go to
bench/out/timeline.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

import timing  # bench/timing.py: this folder is on the path of a script run from it

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args()
    from wording_diff.api import get_parser
    from wording_diff.sources.statements import gather
    from wording_diff.timeline import build

    base = Path(args.shared) / "data" / "officiele-stukken"
    results = {}
    for name, about in (("clearview", ["gezichtsherkenning"]), ("clearview", [])):
        gathered = gather([str(base / name)])
        texts = [st.text for st in gathered.statements]
        parser = get_parser()
        timeline = partial(build, gathered.statements, parser, about=about)  # parses every text itself (nlp.pipe)
        parse = partial(lambda nlp, xs: list(nlp.pipe(xs)), parser.nlp, texts)
        runs = timing.alternate(args.rounds, parse=parse, timeline=timeline)
        parse_times, timeline_times = runs["parse"], runs["timeline"]
        result = timeline()
        key = name + (" --about " + " ".join(about) if about else "")
        results[key] = {
            "documents": gathered.documents,
            "statements": len(gathered.statements),
            "words": sum(len(t.split()) for t in texts),
            "threads": len(result.threads),
            "threads_of_2_or_more": sum(len(t.nodes) > 1 for t in result.threads),
            "parse_s": round(min(parse_times), 3),
            "timeline_s": round(min(timeline_times), 3),
            "ratio_timeline_to_parse": round(min(timeline_times) / min(parse_times), 2),
        }
        print(key, results[key], flush=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "timeline.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf8")


if __name__ == "__main__":
    main()
