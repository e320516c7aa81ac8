"""Stage 4, cache: parsed texts and compared pairs on disk, so that a re-scan parses and
compares only what changed. Both live under ``cache_dir()``; every entry is written
atomically, and a damaged entry is read as missing (recomputed and rewritten). Several
processes, or machines sharing the folder, may write the same entry at once: the last
complete write wins, and all are equal."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..pipeline import hash_parts, text_key
from ..qualifiers.component import SPANS_KEY

if TYPE_CHECKING:  # only named in annotations; pair.py imports this module
    from .pair import PairJob


def cache_dir() -> Path:
    env = os.environ.get("WORDING_DIFF_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wording-diff"


def _entry_path(root: Path, key: str, suffix: str) -> Path:
    return root / key[:2] / f"{key}{suffix}"


def _write_entry(path: Path, data: bytes) -> None:
    """Best effort: a cache that cannot be written (read-only, full, not there on this
    machine) costs time, never the scan. Written whole or not at all, but not synced to
    the disk: an entry that a power cut leaves empty is read as damaged and recomputed."""
    from ..output import atomic_write_bytes

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data, durable=False)
    except OSError:
        pass


class DocCache:
    """Parsed texts on disk, one DocBin per text, keyed by the text and the parse's
    identity (the pipeline, not the lexicon: ``Parser.parse_id``). An entry holds the parse
    without the qualifier spans; the qualifier component runs on every doc handed out, so
    a lexicon edit costs that component, not the parser."""

    def __init__(self, parser, root: Path | None):
        self.parser = parser
        self.root = root
        self.parse_id = parser.parse_id if root is not None else ""

    def _path(self, text: str) -> Path:
        return _entry_path(self.root, text_key(text, self.parse_id), ".spacy")

    def parse_all(self, texts: list[str], batch_size: int = 32) -> tuple[list, int]:
        """The parsed and qualified docs of ``texts``, and how many parses were read from
        the cache."""
        with _known_msgpack_decoders():
            out = [self._read(text) for text in texts]
        todo = [i for i, doc in enumerate(out) if doc is None]
        unique = list(dict.fromkeys(texts[i] for i in todo))
        parsed = dict(zip(unique, self.parser.parse_only(unique, batch_size=batch_size)))
        if self.root is not None:
            for text, doc in parsed.items():
                self._store(text, doc)
        for i in todo:
            out[i] = parsed[texts[i]]
        for doc in {id(doc): doc for doc in out}.values():
            self.parser.qualify(doc)
        return out, len(texts) - len(todo)

    def _read(self, text: str):
        """The cached doc of ``text``, or None when it must be parsed."""
        from spacy.tokens import DocBin

        if self.root is None:
            return None
        path = self._path(text)
        if not path.exists():
            return None
        try:
            return next(DocBin().from_bytes(path.read_bytes()).get_docs(self.parser.nlp.vocab))
        except (ValueError, OSError, StopIteration):
            return None  # a damaged entry is parsed again and rewritten

    def _store(self, text: str, doc) -> None:
        from spacy.tokens import DocBin

        _write_entry(self._path(text), DocBin(docs=[doc], store_user_data=False).to_bytes())


@contextlib.contextmanager
def _known_msgpack_decoders():
    """srsly looks its msgpack decoders up in its registry (and the installed packages'
    entry points) on every load, which costs more than reading a cached DocBin. While the
    cache is read, the lookup answers from one snapshot taken at the start; the registry
    itself is left as it was."""
    try:
        from srsly.msgpack import msgpack_decoders
    except ImportError:  # a future srsly without this registry
        yield
        return
    snapshot = dict(msgpack_decoders.get_all())
    msgpack_decoders.get_all = lambda: snapshot  # an instance attribute over the method
    try:
        yield
    finally:
        del msgpack_decoders.get_all


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's code and data files (not the pipeline, which has its own
    name and version): a cached comparison is reused only by the code that made it."""
    root = Path(__file__).parent.parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.suffix in (".py", ".json") and rel.parts[0] != "model" and "__pycache__" not in rel.parts:
            h.update(str(rel).encode("utf8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def marks_of(doc, lexicon) -> str:
    """A doc's qualifier marks as the comparison reads them: each span's place, dimension,
    value and rule, and the lexicon entry of each rule that made one."""
    spans = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else ()
    marks = [f"{s.start}:{s.end}:{s.label_}:{s.kb_id_}:{s.id_}" for s in spans]
    entries = sorted({repr(lexicon.entry_for_rule(s.id_)) for s in spans})
    return "|".join(marks) + "\0" + "|".join(entries)


class ResultCache:
    """Compared pairs on disk, one JSON file per pair, under two keys.

    The first is known before anything is parsed: both texts, the pair's kind and labels,
    the output language, the pipeline, the whole lexicon and the code. A re-scan of
    unchanged documents then only reads. The second replaces the whole lexicon by what the
    comparison reads of it (``Lexicon.comparison_fingerprint``) and the marks its phrase
    and pattern rules made on both parsed texts (``marks_of``): after a lexicon edit, a
    pair whose marks did not change is read back once its cached parses are marked again,
    and only the pairs the edit touches are compared again. The record is stored under the
    first key; the second holds only which first key to read (so the cache does not grow
    by a second copy of every record). The document's path is in neither key, so moving a
    folder keeps its results."""

    def __init__(self, root: Path | None, context: tuple[str, ...], marks_context: tuple[str, ...] = ()):
        self.root = root
        self.context = context
        self.marks_context = marks_context

    def key(self, job: PairJob) -> str:
        return hash_parts(*self.context, job.pair_kind, job.a_label, job.b_label, job.a_text, job.b_text)

    def marks_key(self, job: PairJob, doc_a, doc_b, lexicon) -> str:
        return hash_parts(
            "marks", *self.marks_context, job.pair_kind, job.a_label, job.b_label, job.a_text, job.b_text,
            marks_of(doc_a, lexicon), marks_of(doc_b, lexicon),
        )

    def get(self, key: str) -> dict | None:
        if self.root is None:
            return None
        try:
            record = json.loads(_entry_path(self.root, key, ".json").read_bytes())
        except (OSError, ValueError):
            return None  # absent or damaged: compared again and rewritten
        return record if isinstance(record, dict) else None

    def put(self, key: str, record: dict) -> None:
        if self.root is not None:
            _write_entry(_entry_path(self.root, key, ".json"), json.dumps(record, ensure_ascii=False).encode("utf8"))

    def get_by_marks(self, marks_key: str) -> dict | None:
        """The record a pair with these marks was compared to, or None."""
        pointer = self.get(marks_key)
        target = pointer.get("record") if pointer else None
        return self.get(target) if isinstance(target, str) and len(target) == 64 else None

    def put_by_marks(self, marks_key: str, key: str) -> None:
        self.put(marks_key, {"record": key})
