"""The first run: compare, highlight and timeline on the Clearview statements shipped with
the package (src/wording_diff/examples/clearview), printing the terminal views and
writing the HTML reports to one folder.

    python tools/demo.py [--out demo]     (make demo)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path


def run(args: list[str], title: str) -> None:
    print(f"\n$ wording-diff {' '.join(args)}\n", flush=True)
    done = subprocess.run([sys.executable, "-m", "wording_diff", *args], check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"demo: {title} failed (exit {done.returncode})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="demo", help="folder for the HTML reports (made if missing)")
    out = Path(ap.parse_args().out).resolve()
    from wording_diff.examples import COMPARE, FOLDER

    out.mkdir(parents=True, exist_ok=True)
    a, b = (str(p) for p in COMPARE)
    run(["compare", a, b], "compare")
    run(["compare", a, b, "--format", "html", "-o", str(out / "compare.html")], "compare (HTML)")
    run(["highlight", b], "highlight")
    run(["highlight", b, "--format", "html", "-o", str(out / "highlight.html")], "highlight (HTML)")
    run(["timeline", str(FOLDER), "--min-links", "2"], "timeline")
    run(["timeline", str(FOLDER), "--format", "html", "-o", str(out / "timeline.html")], "timeline (HTML)")
    print(f"\nHTML reports written to {out}/: compare.html, highlight.html, timeline.html")


if __name__ == "__main__":
    main()
