"""Which Dutch spaCy pipeline runs, and parsing texts once.

Resolution order: an explicit ``--model NAME|PATH``, else ``$WORDING_DIFF_MODEL``, else an
installed ``nl_core_news_lg`` / ``md`` / ``sm``, else the pipeline bundled in this package
(trained on the UD Dutch treebanks, see training/README.md).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .errors import WordingDiffError

BUNDLED_NAME = "nl_wording_diff"
BUNDLED_PATH = Path(__file__).parent / "model" / BUNDLED_NAME
OFFICIAL = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")
ENV_VAR = "WORDING_DIFF_MODEL"
QUALIFIER_PIPE = "scope_qualifiers"
SENTENCE_PIPE = "wording_diff_sentences"
RUN_ON_PIPE = "wording_diff_run_ons"
LEMMA_PIPE = "wording_diff_lemmas"


class ModelError(WordingDiffError, RuntimeError):
    """The requested pipeline cannot be found or loaded."""


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    source: str  # "bundled", "installed", "path", "environment"
    path: str
    scores: dict | None = None

    def as_dict(self) -> dict:
        out = {"name": self.name, "version": self.version, "source": self.source, "path": self.path}
        if self.scores is not None:
            out["heldout_scores"] = self.scores
        return out


def _meta(path: Path) -> dict:
    try:
        return json.loads((path / "meta.json").read_text(encoding="utf8"))
    except (OSError, ValueError):
        return {}


def _package_path(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    # spaCy packages keep the pipeline in a versioned sub-folder.
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / "config.cfg").exists():
            return child
    return root if (root / "config.cfg").exists() else None


def _info(path: Path, source: str, name: str | None = None) -> ModelInfo:
    meta = _meta(path)
    lang = meta.get("lang", "nl")
    return ModelInfo(
        name=name or f"{lang}_{meta.get('name', path.name)}",
        version=str(meta.get("version", "0.0.0")),
        source=source,
        path=str(path),
        scores=meta.get("heldout_scores"),
    )


def available_models() -> list[ModelInfo]:
    """Every pipeline the tool could use here, in the order it would pick them."""
    found = []
    env = os.environ.get(ENV_VAR)
    if env:
        try:
            found.append(resolve_model(env, source="environment"))
        except ModelError:
            pass
    for name in OFFICIAL:
        path = _package_path(name)
        if path is not None:
            found.append(_info(path, "installed", name))
    if (BUNDLED_PATH / "config.cfg").exists():
        found.append(_info(BUNDLED_PATH, "bundled", BUNDLED_NAME))
    return found


def resolve_model(requested: str | None = None, source: str = "option") -> ModelInfo:
    if requested is None:
        env = os.environ.get(ENV_VAR)
        if env:
            return resolve_model(env, source="environment")
        for name in OFFICIAL:
            path = _package_path(name)
            if path is not None:
                return _info(path, "installed", name)
        if not (BUNDLED_PATH / "config.cfg").exists():
            raise ModelError(f"the bundled pipeline is missing at {BUNDLED_PATH}; run 'make model' or reinstall")
        return _info(BUNDLED_PATH, "bundled", BUNDLED_NAME)
    if requested == BUNDLED_NAME:
        return _info(BUNDLED_PATH, "bundled", BUNDLED_NAME)
    path = Path(requested)
    if path.is_dir():
        if not (path / "config.cfg").exists():
            raise ModelError(f"{requested}: not a spaCy pipeline folder (no config.cfg)")
        return _info(path, source if source == "environment" else "path")
    pkg = _package_path(requested)
    if pkg is not None:
        return _info(pkg, "installed", requested)
    raise ModelError(f"{requested}: no such spaCy pipeline (not a folder, not an installed package); see 'wording-diff models'")


@lru_cache(maxsize=4)
def _load(path: str, lexicon: str | None):
    import spacy

    from . import lemmas, runons, sentences  # noqa: F401  register the factories
    from .qualifiers import component  # noqa: F401

    try:
        # Named entities are not used; the rest (tagger, attribute ruler, parser, lemmatizer) is.
        nlp = spacy.load(path, exclude=["ner"])
    except Exception as exc:  # spaCy raises many kinds for a broken pipeline folder
        raise ModelError(f"{path}: cannot load spaCy pipeline ({exc.__class__.__name__}: {exc})") from None
    for name in (QUALIFIER_PIPE, SENTENCE_PIPE, RUN_ON_PIPE, LEMMA_PIPE):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    # words that PDF extraction ran together are split before anything reads the tokens
    nlp.add_pipe(RUN_ON_PIPE, first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_PIPE, before="parser")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_PIPE, first=True)
    if any(name in nlp.pipe_names for name in ("trainable_lemmatizer", "lemmatizer")):
        # a lemma the lemmatizer made up is looked up instead (lemmas.py)
        nlp.add_pipe(LEMMA_PIPE)
    nlp.add_pipe(QUALIFIER_PIPE, config={"lexicon": lexicon})
    return nlp


def load_pipeline(model: str | None = None, lexicon: str | None = None):
    """The spaCy pipeline with the ``scope_qualifiers`` component last; cached per process."""
    info = resolve_model(model)
    return _load(info.path, lexicon or None), info


def hash_parts(*parts: str) -> str:
    """A cache key: the SHA-256 of the parts, each ended by a NUL (so no two different
    lists of parts give the same bytes)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf8"))
        h.update(b"\0")
    return h.hexdigest()


def text_key(text: str, parse_id: str) -> str:
    """Cache key of a parsed text: its hash and the parse's identity (``Parser.parse_id``)."""
    return hash_parts(parse_id, text)


class Parser:
    """Parses each distinct text once per process (a small in-memory cache).

    The pipeline runs in two steps that scan keeps apart: the parse (every component but
    ``scope_qualifiers``: it does not depend on the lexicon) and the qualifiers (the only
    component the lexicon feeds). A parse can then be cached on disk under ``parse_id``,
    and a lexicon edit re-runs only the qualifier component on the cached parses."""

    def __init__(self, model: str | None = None, lexicon: str | None = None):
        self.model_arg, self.lexicon_arg = model, lexicon  # how another process loads the same
        self.nlp, self.info = load_pipeline(model, lexicon)
        self._cache: dict[str, object] = {}

    @cached_property
    def parse_id(self) -> str:
        """What a parse depends on: the pipeline's name and version, spaCy's version, the
        components before the qualifiers, and this package's sentence splitter (which runs
        inside the parse). Not the lexicon."""
        import spacy

        from . import lemmas, runons, sentences

        parts = [self.info.name, self.info.version, spacy.__version__, *(n for n in self.nlp.pipe_names if n != QUALIFIER_PIPE)]
        # two trained pipelines may share a name and version ("pipeline 0.0.0", spaCy's
        # default): their meta.json (scores, sources, labels) tells them apart
        meta = Path(self.info.path) / "meta.json" if self.info.path else None
        if meta is not None and meta.is_file():
            parts.append(meta.read_text(encoding="utf8"))
        return hash_parts(*parts, Path(sentences.__file__).read_text(encoding="utf8"), runons.fingerprint(), lemmas.fingerprint())

    def parse(self, text: str):
        doc = self._cache.get(text)
        if doc is None:
            doc = self.nlp(text)
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[text] = doc
        return doc

    def pipe(self, texts, batch_size: int = 64):
        return self.nlp.pipe(texts, batch_size=batch_size)

    def parse_only(self, texts, batch_size: int = 64):
        """The parses of ``texts`` without the qualifier spans (what the parse cache keeps)."""
        return self.nlp.pipe(texts, batch_size=batch_size, disable=[QUALIFIER_PIPE])

    def qualify(self, doc):
        """Mark the qualifier spans on a parsed doc (replacing any it had)."""
        return self.nlp.get_pipe(QUALIFIER_PIPE)(doc)
