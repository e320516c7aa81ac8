"""Rewrite the table of word lists in docs/lexicon.md from the lexicon file itself (each
list says what it is for in its ``about``).

    python tools/lexicon_docs.py          # rewrite docs/lexicon.md
    python tools/lexicon_docs.py --check  # exit 1 if docs/lexicon.md is out of date
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

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
    text = DOC.read_text(encoding="utf8")
    new = re.sub(re.escape(START) + ".*?" + re.escape(END), START + "\n" + table() + "\n" + END, text, flags=re.S)
    if "--check" in sys.argv:
        if new != text:
            print("docs/lexicon.md: the table of word lists differs from lexicon.json; run `python tools/lexicon_docs.py`", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(new, encoding="utf8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
