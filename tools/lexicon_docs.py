"""Rewrite the table of word lists in docs/lexicon.md from the lexicon file itself (each
list says what it is for in its ``about``).

    python tools/lexicon_docs.py          # rewrite docs/lexicon.md
    python tools/lexicon_docs.py --check  # exit 1 if docs/lexicon.md is out of date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from blocks import replace_block  # tools/blocks.py

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "lexicon.md"
LEXICON = ROOT / "src" / "wording_diff" / "qualifiers" / "lexicon.json"
START, END = "<!-- words:start -->", "<!-- words:end -->"


def table() -> str:
    words = json.loads(LEXICON.read_text(encoding="utf8"))["words"]
    rows = ["| list | what it is for | examples |", "|---|---|---|"]
    for name, value in words.items():
        if name == "about":
            continue
        examples = ", ".join(f"`{t}`" for t in value["terms"][:6])
        rows.append(f"| `{name}` | {value['about']} | {examples}{', …' if len(value['terms']) > 6 else ''} |")
    return "\n".join(rows)


def main() -> int:
    return replace_block(DOC, START, END, "\n" + table() + "\n", check="--check" in sys.argv,
                         hint="docs/lexicon.md: the table of word lists differs from lexicon.json; run `python tools/lexicon_docs.py`")

if __name__ == "__main__":
    sys.exit(main())
