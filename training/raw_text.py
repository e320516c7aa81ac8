"""Raw text for ``spacy pretrain``: the official Dutch the tool reads, as JSON Lines.

    python training/raw_text.py ../shared OUT.jsonl

Paragraphs (at least five words) of the Kamervragen in bulk (questions and answers), of
the official documents and news in ../shared/data/officiele-stukken, and the sentences of
the UD Dutch training files. Never nl_alpino-ud-dev, the held-out set the pipeline is
scored on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HELD_OUT = "nl_alpino-ud-dev.conllu"
MIN_WORDS = 5


def paragraphs(text: str):
    for para in text.split("\n\n"):
        para = para.strip()
        if len(para.split()) >= MIN_WORDS:
            yield para


def texts(shared: Path):
    for path in sorted((shared / "data" / "kamervragen-bulk").glob("*.jsonl")):
        for line in path.read_text(encoding="utf8").splitlines():
            record = json.loads(line)
            fields = [record[k] for k in ("question_text", "answer_text") if record.get(k)] or [record.get("text") or ""]
            for field in fields:
                yield from paragraphs(field)
    for path in sorted((shared / "data" / "officiele-stukken").rglob("*.txt")):
        yield from paragraphs(path.read_text(encoding="utf8", errors="replace"))
    for path in sorted((shared / "data" / "ud").rglob("*.conllu")):
        if path.name == HELD_OUT:
            continue
        for line in path.read_text(encoding="utf8").splitlines():
            if line.startswith("# text = "):
                yield line[len("# text = ") :].strip()


def main(shared: str, out: str) -> int:
    n = words = 0
    with open(out, "w", encoding="utf8") as sink:
        for text in texts(Path(shared)):
            sink.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            n, words = n + 1, words + len(text.split())
    print(f"{n} texts, {words} words -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
