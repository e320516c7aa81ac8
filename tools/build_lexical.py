"""Build the lexical relations the tool ships from ../shared/data/lexical/nl-lexical.jsonl.

Only the high-confidence ``strict`` tier is kept (SOURCE.md of the shared data: strict
antonyms about 0.85 precise, hypernyms about 0.8), and only the three relations the
comparison uses: synonyms (matching claims whose predicates differ), antonyms (a
turn-around in other words) and the hypernym closure to depth 3 (whether an actor or
object got wider or narrower: kinderen → mensen).

Usage: python tools/build_lexical.py [../shared/data/lexical] [src/wording_diff/data]
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path


def build(source: Path, out_dir: Path) -> Path:
    records = {}
    counts = {"synonyms": 0, "antonyms": 0, "hypernyms": 0}
    with (source / "nl-lexical.jsonl").open(encoding="utf8") as fh:
        for line in fh:
            row = json.loads(line)
            strict = row.get("strict", {})
            rec = {}
            for key, short, name in (("synonyms", "s", "synonyms"), ("antonyms", "a", "antonyms"), ("hypernym_closure_depth3", "h", "hypernyms")):
                if strict.get(key):
                    rec[short] = sorted(strict[key])
                    counts[name] += len(rec[short])
            if rec:
                records[row["lemma"]] = rec
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "nl-lexical-strict.json.gz"
    payload = json.dumps({"lemmas": records, "counts": counts}, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf8")
    # mtime=0: the same input gives the same bytes
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(payload)
    print(f"{len(records)} lemmas, {counts} -> {path} ({path.stat().st_size:,} bytes)")
    return path


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data/lexical")
    dst = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("src/wording_diff/data")
    build(src, dst)
