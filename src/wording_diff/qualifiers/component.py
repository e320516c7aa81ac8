"""The ``scope_qualifiers`` spaCy component.

It writes ``doc.spans["scope_qualifiers"]``: one span per scope qualifier, with

* ``span.label_``  the dimension (time, place, actor, object, modality, hedge,
  definition, quantity, condition, polarity),
* ``span.kb_id_``  the normalised value (``present``, ``permission``, ``negative`` …),
* ``span.id_``     the rule that found it (``lex:time.present``, ``dep:agent:actor.police``,
  ``dep:predicate``, …).

These three are plain span fields, so they survive ``DocBin`` serialisation and the
parse cache. Two kinds of rules run: lexicon rules (spaCy ``PhraseMatcher`` and
``Matcher`` over the data in ``lexicon.json``) and dependency rules that read the
parse (prepositional phrases by their head noun, agents of passives, subjects,
the predicate's modality and its negation).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .lexicon import Entry, Lexicon, LexiconError, load_lexicon, parse_lexicon

SPANS_KEY = "scope_qualifiers"

# Punctuation that closes a phrase when a qualifier is extended to the right.
_PHRASE_STOP = {",", ";", ":", ".", "?", "!", "(", ")", "«", "»", "“", "”", '"', "–", "—"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"}
_NP_INNER = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "X", "SYM", "ADV", "PRON"}
# Dependents that belong to a noun phrase's core (not clauses or further PPs).
_CORE_DEPS = {"det", "amod", "compound", "compound:prt", "flat", "flat:name", "nummod", "fixed", "nmod:poss", "case"}
_NOT_PREDICATE = {"punct", "advmod", "mark", "case", "det", "fixed", "cc", "aux", "aux:pass", "cop", "compound:prt", "amod"}
_FRAME_KEEPS = {"hedge", "condition", "polarity"}
_SUBORDINATE = {"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj"}
_MAX_PHRASE = 12
# How far back an entry's ``unless_after`` words are looked for ("zowel in EU als …").
_LOOK_BACK = 8
_MAX_CLAUSE = 30


@Language.factory(
    "scope_qualifiers",
    assigns=["doc.spans"],
    requires=["token.pos", "token.lemma", "token.dep", "token.head", "token.is_sent_start"],
    default_config={"lexicon": None, "spans_key": SPANS_KEY},
)
def make_scope_qualifiers(nlp: Language, name: str, lexicon: str | None, spans_key: str):
    """The scope-qualifier marker. ``lexicon``: a user lexicon file merged into the bundled
    one (read once, when the component is made; ``nlp.to_disk`` saves the merged rules)."""
    return ScopeQualifiers(nlp, name, lexicon=lexicon, spans_key=spans_key)


class ScopeQualifiers:
    """Marks the phrases that restrict what a Dutch statement claims.

    Like spaCy's own rulers, its rules are data: the merged lexicon travels with the
    pipeline (``to_disk``/``from_disk``, ``to_bytes``/``from_bytes``) and can be replaced
    through ``initialize(lexicon=…)`` (a file path or the lexicon data itself).
    """

    def __init__(self, nlp: Language, name: str = "scope_qualifiers", *, lexicon: str | None = None, spans_key: str = SPANS_KEY):
        self.name = name
        self.spans_key = spans_key
        self.nlp = nlp
        # The configured user lexicon is read when the rules are first needed, so that a
        # pipeline saved with its rules (from_disk) loads even where that file is gone.
        self._lexicon_path = lexicon
        self._lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._set_lexicon(load_lexicon(self._lexicon_path))
        return self._lexicon

    def _set_lexicon(self, lexicon: Lexicon) -> None:
        nlp = self.nlp
        self._lexicon = lexicon
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher = Matcher(nlp.vocab)
        self._entries: dict[str, Entry] = {}
        for entry in self.lexicon.phrases:
            self._entries[entry.id] = entry
            # Terms are tokenised with the pipeline's own tokenizer, so "d.w.z." and
            # "real-time" split exactly as they will in the text.
            self.phrase_matcher.add(entry.id, [nlp.make_doc(t) for t in entry.terms])
        for entry in self.lexicon.patterns:
            self._entries[entry.id] = entry
            try:
                self.matcher.add(entry.id, [list(entry.pattern)])
            except Exception as exc:  # spaCy raises several types for bad patterns
                raise LexiconError(f"{self.lexicon.path}: pattern {entry.id!r} is not a valid spaCy Matcher pattern: {exc}") from None
        self._ignore = Entry(id="ignore", dimension="polarity", value="ignore")
        self._entries["ignore"] = self._ignore
        if self.lexicon.ignore:
            self.phrase_matcher.add("ignore", [nlp.make_doc(t) for t in self.lexicon.ignore])
        if self.lexicon.ignore_patterns:
            try:
                self.matcher.add("ignore", [list(p) for p in self.lexicon.ignore_patterns])
            except Exception as exc:  # spaCy raises several types for bad patterns
                raise LexiconError(f"{self.lexicon.path}: an ignore pattern is not a valid spaCy Matcher pattern: {exc}") from None
        self._prefixes = [
            (prefix, entry)
            for entry in self.lexicon.phrases
            for prefix in entry.prefix_of_compound
        ]
        words = self.lexicon.words
        self._interrogative = words("interrogatives")
        self._subject_pronouns = words("speaker_pronouns")
        self._place_preps_for_names = words("place_preps_for_names")
        self._modals = words("modal_verbs")
        self._phrase_pairs = {tuple(t.split()) for t in words("phrase_nouns")}

    # ------------------------------------------------------------------ rules as data
    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: str | dict | None = None) -> None:
        """Replace the rules: ``lexicon`` is a user lexicon file (merged into the bundled
        one) or complete lexicon data (a dict, as saved by ``to_disk``). Without one, the
        rules stay as they are (``nlp.initialize()`` does not reset them)."""
        if isinstance(lexicon, dict):
            self._set_lexicon(parse_lexicon(lexicon, "initialize(lexicon=…)"))
        elif lexicon is not None:
            self._set_lexicon(load_lexicon(lexicon))
        else:
            self.lexicon  # noqa: B018  the configured rules, read now

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.json_dumps({"spans_key": self.spans_key, "lexicon": self.lexicon.data}).encode("utf8")

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> ScopeQualifiers:
        cfg = srsly.json_loads(data)
        self.spans_key = cfg.get("spans_key", self.spans_key)
        self._set_lexicon(parse_lexicon(cfg["lexicon"], "scope_qualifiers (saved)"))
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "lexicon.json", self.lexicon.data)
        srsly.write_json(path / "cfg", {"spans_key": self.spans_key})

    def from_disk(self, path, *, exclude=tuple()) -> ScopeQualifiers:
        path = Path(path)
        cfg = srsly.read_json(path / "cfg") if (path / "cfg").exists() else {}
        self.spans_key = cfg.get("spans_key", self.spans_key)
        self._set_lexicon(parse_lexicon(srsly.read_json(path / "lexicon.json"), str(path / "lexicon.json")))
        return self

    # ------------------------------------------------------------------ public
    def __call__(self, doc: Doc) -> Doc:
        spans = self.find(doc)
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, s.end, s.label_))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # ------------------------------------------------------------------ rules
    def find(self, doc: Doc) -> list[Span]:
        self.lexicon  # noqa: B018  the rules, read on first use
        parsed = doc.has_annotation("DEP")
        found: list[Span] = []
        terms, ignored = self._split_ignored(doc, self._lexicon_terms(doc))
        taken = Taken()
        # the words of a lexicon phrase (or an ignored one) are read as that phrase only:
        # "in de kern" is a hedge, not a place ("kern" as a village)
        phrased = {i for s, e, _ in terms for i in range(s, e)} | ignored
        for start, end, entry in terms:
            span = self._extend(doc, start, end, entry, parsed)
            if span is None:
                continue  # not the construction the entry is about (no clause follows)
            found.append(Span(doc, span[0], span[1], label=entry.dimension, kb_id=entry.value, span_id=f"lex:{entry.id}"))
            taken.mark(entry.dimension, *span)
        # Negations inside a hedge ("niet uit te sluiten") or a quantity ("niet meer dan")
        # are not the claim's, unless the hedge itself denies ("op navraag is niet gebleken").
        hedged = {i for s, e, entry in terms if entry.absorbs_negation for i in range(s, e)} | ignored
        found.extend(self._compound_prefixes(doc, taken))
        frame: set[int] = set()
        if parsed:
            found.extend(self._dependency_rules(doc, taken, hedged, frame, phrased))
        found.extend(self._polarity(doc, hedged))
        # What frames a reported claim ("Onlangs liet minister Dekker weten dat …") says
        # when and by whom it was reported, not where or when the claim holds. Hedges,
        # conditions and negation in the frame still bear on the claim ("Ik kan niet
        # bevestigen dat …", "Ik verwacht dat …").
        found = [sp for sp in found if sp.label_ in _FRAME_KEEPS or not all(t.i in frame for t in sp)]
        return self._dedupe(found)

    def _lexicon_terms(self, doc: Doc) -> list[tuple[int, int, Entry]]:
        raw = [
            (start, end, self._entries[doc.vocab.strings[key]])
            # allow_missing: a pattern that reads tags matches nothing on an untagged doc
            # (a pipeline without a tagger) instead of stopping it
            for key, start, end in (*self.phrase_matcher(doc), *self.matcher(doc, allow_missing=True))
        ]
        kept = []
        for start, end, entry in raw:
            if entry.unless_followed_by and end < len(doc) and doc[end].lower_ in entry.unless_followed_by:
                continue
            if entry.followed_by and (end >= len(doc) or doc[end].lower_ not in entry.followed_by):
                continue
            if entry.preceded_by and (start == 0 or doc[start - 1].text not in entry.preceded_by):
                continue
            if entry.unless_preceded_by and start > 0 and doc[start - 1].lower_ in entry.unless_preceded_by:
                continue
            if entry.unless_after or entry.after:
                sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
                before = {t.lower_ for t in doc[max(sent_start, start - _LOOK_BACK) : start]}
                if any(w in before for w in entry.unless_after) or (entry.after and not any(w in before for w in entry.after)):
                    continue
            if entry.unless_next_pos and end < len(doc) and doc[end].pos_ in entry.unless_next_pos:
                continue
            kept.append((start, end, entry))
        # Longest term wins where terms overlap ("voor zover nodig" over "voor zover",
        # "nog niet" over "nog"): a term is read once, as its longest reading; of two as
        # long, an ignored phrase (filter_spans keeps the first of equals)
        kept.sort(key=lambda t: t[2].id != "ignore")
        chosen = filter_spans([Span(doc, s, e, label=entry.id) for s, e, entry in kept])
        return [(span.start, span.end, self._entries[span.label_]) for span in chosen]

    def _split_ignored(self, doc: Doc, terms):
        follow_ups = self.lexicon.words("ignore_before_punctuation")
        ignored = set()
        for s, e, entry in terms:
            if entry.id != "ignore":
                continue
            if doc[s:e].text.lower() in follow_ups and e < len(doc) and not doc[e].is_punct and not doc[e].is_sent_start:
                continue  # "zo niet gebonden": a plain negation, not "Zo niet, …"
            ignored.update(range(s, e))
        return [t for t in terms if t[2].id != "ignore"], ignored

    def _extend(self, doc: Doc, start: int, end: int, entry: Entry, parsed: bool) -> tuple[int, int] | None:
        sent_end = doc[start].sent.end if parsed or doc.has_annotation("SENT_START") else len(doc)
        if entry.extend == "phrase":
            return start, _extend_phrase(doc, end, sent_end, self.lexicon.words("np_preps"), self.lexicon.negations)
        if entry.extend == "clause":
            return start, _extend_clause(doc, start, end, sent_end, parsed)
        if entry.extend == "noun":
            return start, _extend_to_noun(doc, start, end, sent_end, parsed)
        if entry.extend == "verb_final_clause":
            if doc[start].pos_ != "SCONJ":
                return None  # a preposition or conjunction ("als voorwaarde", "zowel … als")
            clause_end = _extend_verb_final_clause(doc, end, sent_end, self.lexicon.words("main_clause_openers"))
            return (start, clause_end) if clause_end else None
        return start, end

    def _compound_prefixes(self, doc: Doc, taken: Taken) -> list[Span]:
        """Run-together restrictive modifiers: "realtimegezichtsherkenning", and PDF
        artefacts like "explicietewettelijke"."""
        out = []
        for token in doc:
            low = token.lower_
            for prefix, entry in self._prefixes:
                if low.startswith(prefix) and len(low) > len(prefix) + 3 and token.is_alpha:
                    if taken.overlaps(entry.dimension, token.i, token.i + 1):
                        continue
                    end = _extend_to_noun(doc, token.i, token.i + 1, token.sent.end if doc.has_annotation("SENT_START") else len(doc), doc.has_annotation("DEP"))
                    out.append(Span(doc, token.i, end, label=entry.dimension, kb_id=entry.value, span_id=f"lex:{entry.id}"))
                    break
        return out

    def _dependency_rules(self, doc: Doc, taken: Taken, hedged: set[int], frame: set[int], phrased: set[int]) -> list[Span]:
        lex = self.lexicon
        out: list[Span] = []

        def add(start: int, end: int, entry_dim: str, value: str, rule: str) -> None:
            if taken.overlaps(entry_dim, start, end):
                return
            taken.mark(entry_dim, start, end)
            out.append(Span(doc, start, end, label=entry_dim, kb_id=value, span_id=rule))

        for token in doc:
            case = _case_marker(token)
            if case is None or token.pos_ not in _NOMINAL:
                continue
            prep = case.lower_
            start, end = case.i, _np_end(token)
            if all(i in phrased for i in range(start, end)):
                continue
            if case.i + 1 < len(doc) and (prep, doc[case.i + 1].lower_) in self._phrase_pairs:
                continue  # "in overleg met alle departementen" says with whom, not where
            if prep == "door":
                # "door de politie" names who acts; "door de coronacrisis" names a cause.
                entry = lex.head_entry(token.lemma_, "agent")
                if entry is not None:
                    add(start, end, "actor", entry.value, f"dep:agent:{entry.id}")
                elif token.pos_ in ("PROPN", "PRON") and token.head.pos_ in ("VERB", "AUX", "NOUN"):
                    add(start, end, "actor", "named", "dep:agent:named")
                continue
            entry = lex.head_entry(token.lemma_, "pp", prep)
            if entry is None and _is_year(token) and prep in self.lexicon.words("year_prepositions"):
                add(start, end, "time", "date", "dep:pp:time.year")
                continue
            if entry is not None:
                add(start, end, entry.dimension, entry.value, f"dep:pp:{entry.id}")
            elif token.pos_ == "PROPN" and prep in self._place_preps_for_names and not any(c.dep_ == "det" for c in token.children):
                # A bare name after "in/binnen/buiten/uit/te" is a place ("in Amsterdam");
                # with an article it is usually a document or body ("in het Nieuwsuur-item").
                add(start, end, "place", "named-place", "dep:pp:place.named")

        for pred in self._main_predicates(doc, hedged, frame):
            subject = next((c for c in pred.children if c.dep_ == "nsubj"), None)
            # "welke bedrijven", "hoeveel partijen": a question's unknown, not a restriction
            if subject is not None and not any(c.lower_ in self._interrogative for c in subject.children):
                entry = lex.head_entry(subject.lemma_, "subject")
                if entry is None and subject.lower_ in self._subject_pronouns:
                    entry = lex.head_entry(subject.lower_, "subject")
                if entry is not None:
                    s, e = _np_span(subject, skip=lex.negations)
                    add(s, e, "actor", entry.value, f"dep:subject:{entry.id}")
            out.extend(self._modality(doc, pred, taken))
            out.extend(self._negated_object(doc, pred, taken))
        return out

    def _main_predicates(self, doc: Doc, hedged: set[int], frame: set[int]) -> list[Token]:
        """The predicates that carry each sentence's claim: the root and its conjuncts;
        through a modal ("wil benadrukken") to the verb it governs; through a reporting
        verb ("Ik wil benadrukken dat …", "Het klopt dat …") to the clause it reports; and
        not a verb inside a hedge ("voor zover ik heb kunnen nagaan")."""
        reporting = self.lexicon.reporting_verbs
        preds = []
        for sent in doc.sents:
            candidates = [sent.root, *(c for c in sent.root.children if c.dep_ == "conj" and _is_predicate(c))]
            for pred in candidates:
                for _ in range(4):
                    if pred.lemma_.lower() in self._modals:
                        inner = next((c for c in pred.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
                        if inner is not None:
                            pred = inner
                            continue
                    if pred.lemma_.lower() in reporting:
                        inner = next((c for c in pred.children if c.dep_ in ("ccomp", "csubj") and c.i > pred.i), None)
                        if inner is not None:
                            reported = {t.i for t in inner.subtree}
                            frame.update(t.i for t in sent if t.i not in reported)
                            pred = inner
                            continue
                    break
                if pred.i in hedged:
                    # The claim is the clause the hedge hangs on: the highest word outside it.
                    pred = next(
                        (t for t in sent if t.i not in hedged and t.head.i in hedged and t.dep_ not in _NOT_PREDICATE and not _is_stop(t)),
                        None,
                    )
                if pred is not None and pred not in preds:
                    preds.append(pred)
        return preds

    def _negated_object(self, doc: Doc, pred: Token, taken: Taken) -> list[Span]:
        """What exactly is denied: "geen producten afgenomen" vs "geen relatie aangegaan om
        daarvan producten af te nemen". The span reaches over a purpose clause ("om … te")
        of the predicate, which restricts the denial."""
        words = self.lexicon.modality_words
        for obj in pred.children:
            if obj.dep_ not in ("obj", "nsubj:pass") and not (obj.dep_ == "nsubj" and pred.lemma_ in self.lexicon.words("existential_verbs")):
                continue
            neg = next((c for c in obj.children if c.dep_ == "det" and c.lower_ in self.lexicon.negations), None)
            if neg is None or obj.lemma_.lower() in words["permission"] | words["intention"]:
                continue
            end = _np_end(obj)
            for c in obj.rights:
                if c.dep_ in ("acl", "acl:relcl", "nmod") and not any(_is_stop(t) for t in doc[end : c.right_edge.i + 1]):
                    end = max(end, c.right_edge.i + 1)
            purpose = next((c for c in pred.children if c.dep_ in ("advcl", "xcomp") and c.i > obj.i and c.left_edge.lower_ == "om"), None)
            if purpose is not None and not any(_is_stop(t) for t in doc[end : purpose.right_edge.i + 1]):
                end = purpose.right_edge.i + 1
            if taken.overlaps("object", neg.i, end):
                return []
            taken.mark("object", neg.i, end)
            return [Span(doc, neg.i, end, label="object", kb_id="negated", span_id="dep:negated-object")]
        return []

    def _modality(self, doc: Doc, pred: Token, taken: Taken) -> list[Span]:
        """Tie the predicate to what kind of claim it makes: fact, permission or intention."""
        words = self.lexicon.modality_words
        outer = [pred, *(c for c in pred.children if c.dep_ in ("aux", "aux:pass", "cop"))]
        inner = [c for c in pred.children if c.dep_ in ("obj", "nsubj:pass", "nsubj", "xcomp", "obl", "advmod", "amod")]
        trigger, value = pred, "fact"
        for group in (outer, inner):
            hit = next(
                ((t, kind) for t in group for kind in ("intention", "permission") if t.lemma_.lower() in words[kind] or t.lower_ in words[kind]),
                None,
            )
            if hit:
                trigger, value = hit
                break
        negs = [c for c in (*pred.children, *trigger.children) if c.lower_ in self.lexicon.negations]
        members = sorted({trigger.i, *(n.i for n in negs), *([pred.i] if abs(pred.i - trigger.i) <= 2 else [])})
        # A contiguous reading if the parts stand together ("geen toestemming gegeven",
        # "niet gedaan"); otherwise the trigger with an adjacent negation.
        if members[-1] - members[0] + 1 > len(members) + 1:
            members = [trigger.i] + [n.i for n in negs if abs(n.i - trigger.i) == 1]
        start, end = min(members), max(members) + 1
        if not _is_predicate(pred) or taken.overlaps("modality", start, end):
            return []
        taken.mark("modality", start, end)
        return [Span(doc, start, end, label="modality", kb_id=value, span_id=f"dep:predicate:{value}")]

    def _polarity(self, doc: Doc, hedged: set[int]) -> list[Span]:
        out = []
        lex = self.lexicon
        # affirmations of several words ("wel degelijk") are matched word by word; the
        # longest wins
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted((tuple(a.split()) for a in lex.affirmations), key=len, reverse=True):
            by_first.setdefault(words[0], []).append(words)
        skip_to = 0
        for token in doc:
            if token.i in hedged or token.i < skip_to:
                continue  # "niet uit te sluiten" is a hedge, not a denial
            low = token.lower_
            if low in lex.negations or token.lemma_.lower() in lex.negation_lemmas:
                out.append(Span(doc, token.i, token.i + 1, label="polarity", kb_id="negative", span_id="lex:negation"))
                continue
            for words in by_first.get(low, ()):
                end = token.i + len(words)
                if end <= len(doc) and tuple(t.lower_ for t in doc[token.i : end]) == words:
                    out.append(Span(doc, token.i, end, label="polarity", kb_id="affirmative", span_id="lex:affirmation"))
                    skip_to = end
                    break
        return out

    @staticmethod
    def _dedupe(spans: list[Span]) -> list[Span]:
        seen, out = set(), []
        for span in spans:
            key = (span.start, span.end, span.label_)
            if key not in seen and span.end > span.start:
                seen.add(key)
                out.append(span)
        return out


# ---------------------------------------------------------------------- helpers
class Taken(dict):
    """Token positions already covered, per dimension: overlap tests in constant time."""

    def overlaps(self, dimension: str, start: int, end: int) -> bool:
        occupied = self.get(dimension)
        return bool(occupied) and any(i in occupied for i in range(start, end))

    def mark(self, dimension: str, start: int, end: int) -> None:
        self.setdefault(dimension, set()).update(range(start, end))


def _is_stop(token: Token) -> bool:
    return token.text in _PHRASE_STOP or token.is_punct and token.text not in ("-", "/", "'")


# dependency relations inside a noun phrase
_NP_DEPS = ("amod", "nmod", "flat", "compound", "fixed", "det")


def _extend_phrase(doc: Doc, end: int, sent_end: int, np_preps: frozenset[str], negations: frozenset[str] = frozenset()) -> int:
    """Grow a prepositional or nominal complement to the right, up to punctuation, a verb,
    a negation or the start of another noun phrase ("tijdens de inzet | geen
    politiemedewerker")."""
    i = end
    while i < min(sent_end, end + _MAX_PHRASE):
        tok = doc[i]
        # a word the parse makes part of the noun phrase stays in it whatever its tag
        # ("in de zin van real time gezichtsherkenning": "real" tagged VERB)
        inner = tok.dep_ in _NP_DEPS and tok.head.i >= end - 3 and tok.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "obj", "aux", "aux:pass") for c in tok.children)
        if _is_stop(tok) or (tok.pos_ in ("VERB", "AUX", "SCONJ") and not inner) or tok.lower_ in negations:
            break
        if tok.pos_ == "DET" and i > end and doc[i - 1].pos_ in ("NOUN", "PROPN"):
            break
        if tok.pos_ == "CCONJ":
            nxt = doc[i + 1] if i + 1 < sent_end else None
            if i == end or nxt is None or nxt.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
                break
        elif tok.pos_ == "ADP" and tok.lower_ not in np_preps and i > end:
            break
        elif tok.pos_ not in _NP_INNER and tok.pos_ not in ("ADP", "CCONJ") and not inner:
            break
        i += 1
    # Do not end on a dangling preposition, article or conjunction.
    while i > end and doc[i - 1].pos_ in ("ADP", "DET", "CCONJ"):
        i -= 1
    return i


def _extend_clause(doc: Doc, start: int, end: int, sent_end: int, parsed: bool) -> int:
    """Grow a subordinating condition ("tenzij …", "alleen wanneer …") over its clause."""
    limit = min(sent_end, end + _MAX_CLAUSE)
    if parsed:
        marks = [t for t in doc[start:end] if t.dep_ == "mark" and t.head.i >= end]
        if marks:
            right = marks[-1].head.right_edge.i + 1
            stop = next((i for i in range(end, limit) if doc[i].text in (",", ";", ":")), limit)
            return max(end, min(right, stop, limit))
    i = end
    while i < limit and doc[i].text not in (",", ";", ":", ".", "?", "!"):
        i += 1
    return i


def _extend_verb_final_clause(doc: Doc, end: int, sent_end: int, main_openers: frozenset[str]) -> int | None:
    """A subordinate clause with its finite verb ("als het NIOD voornemens is"), run on over
    the verbs and the extraposed phrase after it ("… om onderzoek te doen") up to the
    punctuation, the finite verb of the main clause or the word that opens it ("dan zal
    de AIVD …"), whatever the parse made of the sentence. None when no finite verb comes
    before the punctuation ("als voorwaarde gesteld", "als werkgever"): no clause."""
    limit = min(sent_end, end + _MAX_CLAUSE)

    def finite(i: int) -> bool:
        return "Fin" in doc[i].morph.get("VerbForm")

    # "als speciaal gezant gehad", "Als bewindspersoon kan ik …": a bare singular noun
    # right before a verb that is not the clause's own (a participle, or a finite verb
    # with its subject right after it, as in a main clause) is the role something is done
    # in, not a condition ("als sprake is van …", "Als onderzoek uitwijst dat …" are)
    j = end
    while j < limit and doc[j].pos_ in ("ADJ", "NOUN") and "Plur" not in doc[j].morph.get("Number"):
        j += 1
    if end < j < limit and doc[j].pos_ in ("VERB", "AUX"):
        inverted = j + 1 < limit and doc[j + 1].pos_ == "PRON" and finite(j)
        if inverted or not finite(j):
            return None
    i = end
    while i < limit and not doc[i].is_punct and not finite(i):
        i += 1
    if i >= limit or not finite(i):
        return None
    i += 1
    while i < limit and not doc[i].is_punct and doc[i].lower_ not in main_openers and not finite(i):
        i += 1
    return i


def _extend_to_noun(doc: Doc, start: int, end: int, sent_end: int, parsed: bool) -> int:
    """A restrictive modifier reaches over to the noun it restricts ("expliciete wettelijke grondslag")."""
    last = doc[end - 1]
    if last.pos_ in ("NOUN", "PROPN"):
        return end
    if parsed and last.head.i >= end and last.head.pos_ in ("NOUN", "PROPN") and last.head.i - end < 4:
        target = last.head.i
        if all(doc[k].pos_ in ("ADJ", "NOUN", "X", "PROPN", "ADV") for k in range(end, target)):
            return target + 1
    i = end
    while i < min(sent_end, end + 4) and doc[i].pos_ in ("ADJ", "X", "ADV"):
        i += 1
    if i < sent_end and doc[i].pos_ in ("NOUN", "PROPN"):
        return i + 1
    return end


def _case_marker(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "case" and child.i < token.i and child.pos_ == "ADP":
            return child
    return None


def _np_end(head: Token) -> int:
    """End of the noun phrase core of ``head``: its modifiers and "van"-complements, not
    further prepositional phrases or clauses, and never past punctuation."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "case":
            break  # a preposition after the noun starts another phrase
        if child.dep_ in _CORE_DEPS or child.dep_.startswith("flat") or child.dep_ == "appos" and child.i == end:
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "nmod" and getattr(_case_marker(child), "lower_", None) == "van" and child.i - head.i <= 4:
            end = max(end, _np_end(child))
        else:
            break
    doc = head.doc
    for i in range(head.i + 1, end):
        if _is_stop(doc[i]):
            return i
    return end


def _np_span(head: Token, skip: frozenset[str]) -> tuple[int, int]:
    """The noun phrase of ``head``: walk left over its own determiners and modifiers."""
    doc = head.doc
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if prev.pos_ not in _NP_INNER or prev.lower_ in skip or _is_stop(prev) or not _descends_from(prev, head):
            break
        start -= 1
    return start, _np_end(head)


def _descends_from(token: Token, head: Token) -> bool:
    for _ in range(8):
        if token.head == head:
            return True
        if token.head == token:
            return False
        token = token.head
    return False


def _is_year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("18", "19", "20")


def _is_predicate(token: Token) -> bool:
    """A verb, or any word the parse gives the dependents of a clause (the small parser
    sometimes tags a finite verb such as "inzet" as a noun)."""
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "cop", "obj") for c in token.children)
