"""Loading and querying the qualifier lexicon (a JSON data file, see docs/lexicon.md)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import WordingDiffError
from ..vocabulary import DIMENSIONS, EFFECTS

EXTENSIONS = (None, "phrase", "clause", "noun", "verb_final_clause")

BUNDLED_LEXICON = Path(__file__).with_name("lexicon.json")


class LexiconError(WordingDiffError, ValueError):
    """The lexicon file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a rule id, what it marks and how it compares."""

    id: str
    dimension: str
    value: str
    scope: int | None = None
    extend: str | None = None
    effect_added: str | None = None
    terms: tuple[str, ...] = ()
    pattern: tuple = ()
    lemmas: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    unless_followed_by: tuple[str, ...] = ()
    followed_by: tuple[str, ...] = ()
    prefix_of_compound: tuple[str, ...] = ()
    preceded_by: tuple[str, ...] = ()
    unless_preceded_by: tuple[str, ...] = ()
    unless_after: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    negates: bool = False
    # a negation inside the phrase is the phrase's own ("niet meer dan", "niet alleen …
    # maar ook"), not the claim's; hedges ("niet uit te sluiten") absorb theirs unless
    # they deny
    absorbs_negation: bool = False
    unless_next_pos: tuple[str, ...] = ()


@dataclass
class Lexicon:
    path: str
    phrases: list[Entry]
    patterns: list[Entry]
    heads: list[Entry]
    modality_words: dict[str, frozenset[str]]
    modality_scope: dict[str, int]
    negations: frozenset[str]
    affirmations: frozenset[str]
    orderings: dict[str, list[list[str]]]
    reporting_verbs: frozenset[str] = frozenset()
    negation_lemmas: frozenset[str] = frozenset()
    synonyms: list[list[str]] = field(default_factory=list)
    strip_suffixes: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # token patterns (spaCy Matcher) that block any reading of their words, where a list of
    # phrases cannot say it ("zo veilig mogelijk", "maakt het voor gemeenten mogelijk")
    ignore_patterns: tuple = ()
    # Named word lists the claim rules read ("articles", "light_verbs", "retraction_words",
    # …); each is documented in the lexicon file itself and in docs/lexicon.md.
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)
    # Predicates that say the same ("gebruiken", "inzetten", "toepassen") or the opposite
    # ("toestaan" / "verbieden"): for matching claims and finding turn-arounds.
    predicate_synonyms: list[frozenset[str]] = field(default_factory=list)
    opposites: dict[str, frozenset[str]] = field(default_factory=dict)
    # Multi-word predicates read as one ("toestemming geven" → "toestaan").
    predicate_phrases: dict[str, str] = field(default_factory=dict)
    # Per dimension, chains of values from the one that says more to the one that says
    # less ("exclusive" → "non-exclusive", "absolute" → "in-principle").
    value_orderings: dict[str, list[list[str]]] = field(default_factory=dict)
    # Which relations of the shipped Open Dutch WordNet data the comparison consults.
    lexical_use: tuple[str, ...] = ("synonyms", "antonyms", "hypernyms")
    # Number words ("drie", "duizenden") and multipliers ("miljoen") with their values,
    # for comparing two amounts by size.
    number_values: dict[str, float] = field(default_factory=dict)
    number_multipliers: dict[str, float] = field(default_factory=dict)
    number_units: dict[str, str] = field(default_factory=dict)  # "%" → "procent"
    by_id: dict[str, Entry] = field(default_factory=dict)
    # A hash of the (merged) lexicon data: caches key on what the lexicon says, not on
    # its file name, so editing a user lexicon invalidates what was found with it.
    fingerprint: str = ""
    # A hash of everything but the phrase and pattern rules, which reach the comparison
    # only through the marks they make (and their own entry, looked up by rule id): a
    # comparison of two marked docs depends on this, the marks and those entries.
    comparison_fingerprint: str = ""
    # The merged data itself, so that a pipeline saved with the component keeps its rules.
    data: dict = field(default_factory=dict, repr=False)
    _head_cache: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in (*self.phrases, *self.patterns, *self.heads):
            self.by_id[entry.id] = entry
        self._marking_ids = frozenset(e.id for e in (*self.phrases, *self.patterns))
        self._head_ids = frozenset(e.id for e in self.heads)

    def words(self, name: str) -> frozenset[str]:
        """A named word list of the lexicon's ``words`` section (empty if unknown)."""
        return self.word_lists.get(name, frozenset())

    def synonymous_predicates(self, p: str, q: str) -> bool:
        return p == q or any(p in group and q in group for group in self.predicate_synonyms)

    def opposite_predicates(self, p: str, q: str) -> bool:
        return q in self.opposites.get(p, ())

    def value_order(self, dimension: str, a: str, b: str) -> int | None:
        """-1 if value ``a`` says more than ``b`` in a chain of the dimension, 1 if less."""
        for chain in self.value_orderings.get(dimension, []):
            if a in chain and b in chain and a != b:
                return -1 if chain.index(a) < chain.index(b) else 1
        return None

    def entry_for_rule(self, rule: str) -> Entry | None:
        """The entry behind a qualifier's rule: ``lex:time.present`` names a phrase or
        pattern entry, ``dep:pp:place.country`` a head entry; the rules of the parse and of
        the claim reader (``dep:argument``, ``claim:open-question``) have none, whatever
        ids a user lexicon gives its entries."""
        kind, _, rest = rule.partition(":")
        if kind == "lex":
            return self.by_id.get(rest) if rest in self._marking_ids else None
        if kind == "dep":
            last = rest.rsplit(":", 1)[-1]
            return self.by_id.get(last) if last in self._head_ids else None
        return None

    def scope_of(self, rule: str, dimension: str, value: str) -> int | None:
        if dimension == "modality":
            return self.modality_scope.get(value)
        entry = self.entry_for_rule(rule)
        return entry.scope if entry else None

    def effect_when_added(self, rule: str) -> str | None:
        entry = self.entry_for_rule(rule)
        return entry.effect_added if entry else None

    def head_entry(self, lemma: str, role: str, prep: str | None = None) -> Entry | None:
        """The head-noun entry for a lemma (exact, else as the last part of a compound)."""
        key = (lemma.lower(), role, prep)
        if key not in self._head_cache:
            if len(self._head_cache) > 50_000:
                self._head_cache.clear()
            self._head_cache[key] = self._find_head(*key)
        return self._head_cache[key]

    def _find_head(self, lemma: str, role: str, prep: str | None) -> Entry | None:
        best: tuple[int, Entry] | None = None
        for entry in self.heads:
            if role == "pp":
                if entry.roles or (entry.preps and prep not in entry.preps):
                    continue
            elif role not in entry.roles:
                continue
            for head in entry.lemmas:
                if lemma == head:
                    return entry
                if len(head) >= 4 and lemma.endswith(head) and len(lemma) > len(head) + 2:
                    if best is None or len(head) > best[0]:
                        best = (len(head), entry)
        return best[1] if best else None

    def canonical(self, key: str) -> str:
        """A phrase key with synonyms replaced by the first member of their group."""
        for group in self.synonyms:
            if key in group:
                return group[0]
        for group in self.synonyms:
            for member in sorted(group[1:], key=len, reverse=True):
                if len(member) >= 5 and member in key:
                    key = key.replace(member, group[0])
        for suffix in self.strip_suffixes:
            if key.endswith(suffix) and len(key) > len(suffix) + 4:
                key = key[: -len(suffix)]
                return key[:-1] if key.endswith("s") and not key.endswith("ss") else key
        return key

    def order(self, dimension: str, broad: str, narrow: str) -> int | None:
        """-1 if ``broad`` covers more than ``narrow`` in a chain, 1 if less, None if unknown."""
        for chain in self.orderings.get(dimension, []):
            if broad in chain and narrow in chain:
                i, j = chain.index(broad), chain.index(narrow)
                if i != j:
                    return -1 if i < j else 1
        return None


def _entry(raw: dict, where: str, kind: str) -> Entry:
    for key in ("id", "dimension", "value"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise LexiconError(f"{where}: a {kind} entry needs a non-empty '{key}'")
    if raw["dimension"] not in DIMENSIONS:
        raise LexiconError(
            f"{where}: entry {raw['id']!r} has dimension {raw['dimension']!r}; "
            f"use one of {', '.join(DIMENSIONS)}"
        )
    if raw.get("extend") not in EXTENSIONS:
        raise LexiconError(f"{where}: entry {raw['id']!r} has unknown extend {raw['extend']!r}")
    if raw.get("effect_added") not in (None, *EFFECTS):
        raise LexiconError(f"{where}: entry {raw['id']!r} has unknown effect_added")
    scope = raw.get("scope")
    if scope is not None and not isinstance(scope, int):
        raise LexiconError(f"{where}: entry {raw['id']!r}: scope must be a whole number")
    lower = lambda xs: tuple(str(x).lower() for x in xs)  # noqa: E731
    return Entry(
        id=raw["id"],
        dimension=raw["dimension"],
        value=raw["value"],
        scope=scope,
        extend=raw.get("extend"),
        effect_added=raw.get("effect_added"),
        terms=lower(raw.get("terms", ())),
        pattern=tuple(raw.get("pattern", ())),
        lemmas=lower(raw.get("lemmas", ())),
        preps=lower(raw.get("preps", ())),
        roles=tuple(raw.get("roles", ())),
        unless_followed_by=lower(raw.get("unless_followed_by", ())),
        followed_by=lower(raw.get("followed_by", ())),
        prefix_of_compound=lower(raw.get("prefix_of_compound", ())),
        preceded_by=tuple(raw.get("preceded_by", ())),
        unless_preceded_by=tuple(str(x).lower() for x in raw.get("unless_preceded_by", ())),
        unless_after=tuple(str(x).lower() for x in raw.get("unless_after", ())),
        after=tuple(str(x).lower() for x in raw.get("after", ())),
        negates=bool(raw.get("negates", False)),
        absorbs_negation=bool(raw.get("absorbs_negation", raw.get("dimension") == "hedge" and not raw.get("negates", False))),
        unless_next_pos=tuple(raw.get("unless_next_pos", ())),
    )


def parse_lexicon(data: dict, where: str) -> Lexicon:
    check_shape(data, where)
    phrases = [_entry(e, where, "phrases") for e in data.get("phrases", [])]
    patterns = [_entry(e, where, "patterns") for e in data.get("patterns", [])]
    for e in phrases:
        if not e.terms:
            raise LexiconError(f"{where}: phrases entry {e.id!r} has no 'terms'")
    for e in patterns:
        if not e.pattern:
            raise LexiconError(f"{where}: patterns entry {e.id!r} has no 'pattern'")
    heads = [_entry(e, where, "heads") for e in data.get("heads", [])]
    ids = [e.id for e in (*phrases, *patterns, *heads)]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise LexiconError(f"{where}: duplicate entry ids: {', '.join(dupes)}")
    modality = data.get("modality", {})
    negation = data.get("negation", {})
    orderings = {
        k: [[str(x).lower() for x in chain] for chain in v]
        for k, v in data.get("orderings", {}).items()
        if k in DIMENSIONS
    }
    words = {}
    for name, value in data.get("words", {}).items():
        if name == "about":
            continue
        terms = value.get("terms") if isinstance(value, dict) else value
        if not isinstance(terms, list):
            raise LexiconError(f"{where}: words.{name} must be a list of terms or an object with 'terms'")
        words[name] = frozenset(str(t).lower() for t in terms)
    predicates = data.get("predicates", {})
    opposites: dict[str, set[str]] = {}
    for pair in predicates.get("opposites", []):
        if not isinstance(pair, list) or len(pair) < 2:
            raise LexiconError(f"{where}: predicates.opposites holds pairs of lemmas, got {pair!r}")
        first, *others = [str(x).lower() for x in pair]
        for other in others:
            opposites.setdefault(first, set()).add(other)
            opposites.setdefault(other, set()).add(first)
    use = data.get("lexical_data", {}).get("use", ["synonyms", "antonyms", "hypernyms"])
    if not isinstance(use, list) or any(u not in ("synonyms", "antonyms", "hypernyms") for u in use):
        raise LexiconError(f"{where}: lexical_data.use must list any of synonyms, antonyms, hypernyms")
    return Lexicon(
        path=where,
        data=data,
        lexical_use=tuple(use),
        number_values=_numbers(data.get("numbers", {}), "values", where),
        number_multipliers=_numbers(data.get("numbers", {}), "multipliers", where),
        number_units={str(k).lower(): str(v).lower() for k, v in data.get("numbers", {}).get("units", {}).items()},
        word_lists=words,
        predicate_synonyms=[frozenset(str(x).lower() for x in g) for g in predicates.get("synonyms", [])],
        opposites={k: frozenset(v) for k, v in opposites.items()},
        predicate_phrases={str(k).lower(): str(v).lower() for k, v in predicates.get("phrases", {}).items() if k != "about"},
        value_orderings={
            k: [[str(x).lower() for x in chain] for chain in v]
            for k, v in data.get("value_orderings", {}).items()
            if k in DIMENSIONS
        },
        fingerprint=_digest(data),
        comparison_fingerprint=_digest({k: v for k, v in data.items() if k not in MARKING_SECTIONS}),
        phrases=phrases,
        patterns=patterns,
        heads=heads,
        modality_words={
            k: frozenset(w.lower() for w in modality.get(k, ()))
            for k in ("permission", "intention")
        },
        modality_scope=dict(modality.get("scope", {"fact": 3, "permission": 2, "intention": 1})),
        negations=frozenset(w.lower() for w in negation.get("terms", ())),
        affirmations=frozenset(w.lower() for w in negation.get("affirmation", ())),
        orderings=orderings,
        reporting_verbs=frozenset(w.lower() for w in modality.get("reporting_verbs", ())),
        negation_lemmas=frozenset(w.lower() for w in negation.get("lemmas", ())),
        ignore=tuple(str(x).lower() for x in data.get("ignore", {}).get("terms", ())),
        ignore_patterns=tuple(data.get("ignore", {}).get("patterns", ())),
        strip_suffixes=tuple(sorted((str(x).lower() for x in data.get("synonyms", {}).get("strip_suffixes", ())), key=len, reverse=True)),
        synonyms=[[re.sub(r"[\W_]+", "", str(m).lower()) for m in g] for g in data.get("synonyms", {}).get("groups", [])],
    )


def _numbers(section: dict, name: str, where: str) -> dict[str, float]:
    table = section.get(name, {})
    if not isinstance(table, dict) or not all(isinstance(v, (int, float)) for v in table.values()):
        raise LexiconError(f"{where}: numbers.{name} maps words to numbers")
    return {str(k).lower(): float(v) for k, v in table.items()}


# The sections whose entries only mark text (the qualifier component's matchers read them;
# the comparison sees their marks and looks their entries up by rule id).
MARKING_SECTIONS = ("phrases", "patterns")


def _digest(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode("utf8")).hexdigest()


# The type every section of a lexicon file must have (checked before anything is read).
SECTION_TYPES = {
    "phrases": list,
    "patterns": list,
    "heads": list,
    "modality": dict,
    "negation": dict,
    "orderings": dict,
    "synonyms": dict,
    "ignore": dict,
    "words": dict,
    "predicates": dict,
    "value_orderings": dict,
    "lexical_data": dict,
    "numbers": dict,
}


def check_shape(data, where: str) -> None:
    """One clear error for a lexicon file whose sections have the wrong type."""
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: the lexicon must be a JSON object")
    for section, kind in SECTION_TYPES.items():
        if section in data and not isinstance(data[section], kind):
            raise LexiconError(f"{where}: section '{section}' must be a JSON {'list' if kind is list else 'object'}")
    for name, value in data.get("words", {}).items():
        if name != "about" and not (isinstance(value, list) or (isinstance(value, dict) and isinstance(value.get("terms", []), list))):
            raise LexiconError(f"{where}: words.{name} must be a list of terms or an object with 'terms'")
    for key in ("synonyms", "opposites"):
        if key in data.get("predicates", {}) and not isinstance(data["predicates"][key], list):
            raise LexiconError(f"{where}: predicates.{key} must be a list")
    if "phrases" in data.get("predicates", {}) and not isinstance(data["predicates"]["phrases"], dict):
        raise LexiconError(f"{where}: predicates.phrases must be an object")
    for dim, chains in data.get("value_orderings", {}).items():
        if dim != "about" and not (isinstance(chains, list) and all(isinstance(c, list) for c in chains)):
            raise LexiconError(f"{where}: value_orderings.{dim} must be a list of chains (lists)")
    for key in ("terms", "patterns"):
        if key in data.get("ignore", {}) and not isinstance(data["ignore"][key], list):
            raise LexiconError(f"{where}: ignore.{key} must be a list")


def merge(base: dict, extra: dict) -> dict:
    """A user lexicon extends the bundled one: entries with a known id replace it."""
    merged = json.loads(json.dumps(base))
    for section in ("phrases", "patterns", "heads"):
        known = {e["id"]: i for i, e in enumerate(merged.get(section, []))}
        for e in extra.get(section, []):
            if isinstance(e, dict) and e.get("id") in known:
                merged[section][known[e["id"]]] = e
            else:
                merged.setdefault(section, []).append(e)
    for section in ("modality", "negation"):
        for key, words in extra.get(section, {}).items():
            if key == "about":
                continue
            if isinstance(words, list):
                merged.setdefault(section, {}).setdefault(key, [])
                merged[section][key] = list(dict.fromkeys(merged[section][key] + words))
            elif isinstance(words, dict):
                merged.setdefault(section, {}).setdefault(key, {}).update(words)
    for key in ("terms", "patterns"):
        ignore = extra.get("ignore", {}).get(key, [])
        if isinstance(ignore, list):
            merged.setdefault("ignore", {}).setdefault(key, []).extend(ignore)
    for name, value in extra.get("words", {}).items():
        if name == "about":
            continue
        terms = value.get("terms", []) if isinstance(value, dict) else value
        if isinstance(terms, list):
            target = merged.setdefault("words", {}).setdefault(name, {"terms": []})
            if isinstance(target, list):
                target = merged["words"][name] = {"terms": target}
            target["terms"] = list(dict.fromkeys(target.get("terms", []) + terms))
    for key in ("synonyms", "opposites"):
        items = extra.get("predicates", {}).get(key, [])
        if isinstance(items, list):
            merged.setdefault("predicates", {}).setdefault(key, []).extend(items)
    phrases = extra.get("predicates", {}).get("phrases", {})
    if isinstance(phrases, dict):
        merged.setdefault("predicates", {}).setdefault("phrases", {}).update(phrases)
    for name in ("values", "multipliers", "units"):
        table = extra.get("numbers", {}).get(name, {})
        if isinstance(table, dict):
            merged.setdefault("numbers", {}).setdefault(name, {}).update(table)
    for dim, chains in extra.get("value_orderings", {}).items():
        if isinstance(chains, list):
            merged.setdefault("value_orderings", {}).setdefault(dim, []).extend(chains)
    if isinstance(extra.get("lexical_data"), dict) and "use" in extra["lexical_data"]:
        merged.setdefault("lexical_data", {})["use"] = extra["lexical_data"]["use"]
    groups = extra.get("synonyms", {}).get("groups", [])
    if isinstance(groups, list):
        merged.setdefault("synonyms", {}).setdefault("groups", []).extend(groups)
    for dim, chains in extra.get("orderings", {}).items():
        if isinstance(chains, list):
            merged.setdefault("orderings", {}).setdefault(dim, []).extend(chains)
    return merged


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc})") from None
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None


def lexicon_data(extra_path: str | None = None) -> tuple[dict, str]:
    """The bundled lexicon's data merged with the user lexicon at ``extra_path``, and where
    it came from (for messages)."""
    data = _read_json(BUNDLED_LEXICON)
    where = str(BUNDLED_LEXICON)
    if extra_path:
        extra = _read_json(Path(extra_path))
        check_shape(extra, str(extra_path))
        data = merge(data, extra)
        where = str(extra_path)
    return data, where


@lru_cache(maxsize=8)
def load_lexicon(extra_path: str | None = None) -> Lexicon:
    """The bundled lexicon, extended by the user lexicon at ``extra_path`` if given."""
    return parse_lexicon(*lexicon_data(extra_path))
