"""Threads of one claim across dated statements.

Statements (sources/statements.py) are parsed once; their claims are read with the
comparison's own claim reader and matched with its claim matching (``match_claims``):
two statements are linked where a claim of one matches a claim of the other. A thread is
a set of claims joined by such matches (claims of one statement that match each other
join too), so unrelated claims in one folder stay apart. Each thread is ordered by date;
every step compares the wording of one statement with the next (``compare_docs`` on the
passages that carry the thread's claims), and the net change compares the first wording
with the last.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import __version__
from .diff import Claim, Comparison, ParsedText, compare_docs
from .diff.alignment import CLAIM_THRESHOLD, claim_score, match_claims
from .diff.engine import claim_reader
from .lexical import LexicalRelations
from .sources.statements import Statement
from .sources.text import InputError

SCHEMA = "wording-diff.timeline/1"
UNDATED = ("error", "last")
# The stances in which a statement speaks for itself (a question, or a quote inside the
# statement, is not the speaker's claim).
OWN_STANCES = ("asserted", "reported", "retracted", "restricted")
# A claim with fewer content words says too little to follow ("Dat klopt.").
MIN_CONTENT = 2
# Two claims of different statements are one claim when the claim matching pairs them
# with the same (or a synonymous, or the opposite) predicate; on what they are about
# alone, only when they share much more. On the Clearview folder the links made on
# content alone between claims about different things scored at most 0.39, the
# reformulation "niet gedaan" → "geen toestemming gegeven" 0.46.
PREDICATE_RULES = ("claim:same-predicate", "claim:synonym-predicate", "claim:opposite-predicate", "claim:wordnet-synonym", "claim:wordnet-antonym")
LINK_ON_CONTENT = 0.45
# Within one statement, two claims this close (in sentences) that the matching scores
# over its threshold are the statement going on about one thing ("… vindt wél plaats in
# Nederland. … Daarnaast wordt realtime gezichtsherkenning … gebruikt …").
NEAR_SENTENCES = 2
# Two claims that restrict the same thing (an object qualifier of one whose head word, or
# a compound of it, the other claim is about: "realtime gezichtsherkenning" / "systemen
# voor live gezichtsherkenning") are one claim when the matching scores them at least
# this (what the comparison takes for two single statements given as versions).
SAME_OBJECT = 0.2


class UndatedError(InputError):
    """A statement has no date, and the caller did not say where undated ones go."""


@dataclass
class Node:
    """One statement in a thread: the claims it contributes, and its passage (the
    sentences that carry them)."""

    statement: Statement
    claims: list[Claim]
    passage: str
    sentences: list[int]
    qualifiers: list = field(default_factory=list)  # of the passage (offsets in it)

    def as_dict(self) -> dict:
        out = self.statement.as_dict()
        out["passage"] = self.passage
        out["sentences"] = self.sentences
        out["qualifiers"] = [q.as_dict() for q in self.qualifiers]
        out["claims"] = [_claim_dict(c) for c in self.claims]
        return out


@dataclass
class Step:
    """From one wording to the next (or, for the net change, from the first to the last)."""

    a: str  # statement ids
    b: str
    comparison: Comparison

    @property
    def verdict(self) -> str:
        return self.comparison.verdict

    def changes(self, include_unchanged: bool = False):
        """The changes of the step, each once (a change shared by two sentence pairs too)."""
        seen, out = set(), []
        for c in self.comparison.changes(include_unchanged):
            key = (c.dimension, c.kind, c.a_text, c.b_text, c.effect)
            if key not in seen:
                seen.add(key)
                out.append(c)
        return out

    def as_dict(self) -> dict:
        c = self.comparison
        return {
            "from": self.a,
            "to": self.b,
            "verdict": c.verdict,
            "score": c.score,
            "changes": [ch.as_dict() for ch in self.changes(include_unchanged=True)],
            "qualifiers": {"a": [q.as_dict() for q in c.a_qualifiers], "b": [q.as_dict() for q in c.b_qualifiers]},
            "claim_pairs": [cp.as_dict() for cp in c.claim_pairs],
        }


@dataclass
class Thread:
    id: str
    nodes: list[Node]
    steps: list[Step]
    net: Step | None
    terms: list[str] = field(default_factory=list)  # the claim's most shared content words

    @property
    def span(self) -> tuple[str, str]:
        dates = [n.statement.date.iso for n in self.nodes if n.statement.date]
        return (dates[0], dates[-1]) if dates else ("", "")

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "about": self.terms,
            "statements": [n.as_dict() for n in self.nodes],
            "steps": [s.as_dict() for s in self.steps],
            "net": self.net.as_dict() if self.net else None,
        }


@dataclass
class Timeline:
    threads: list[Thread]
    statements: int  # how many statements were read
    documents: int
    errors: list[tuple[str, str]]
    about: list[str]
    model: object
    lang: str
    hidden: int = 0  # threads left out by --min-links
    undated: list[str] = field(default_factory=list)  # ids of statements placed last for want of a date
    tool_version: str = __version__

    def as_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "tool": {"name": "wording-diff", "version": self.tool_version},
            "model": {"name": self.model.name, "version": self.model.version},
            "lang": self.lang,
            "about": self.about,
            "documents": self.documents,
            "statements": self.statements,
            "hidden_threads": self.hidden,
            "undated": self.undated,
            "errors": [{"document": d, "error": e} for d, e in self.errors],
            "threads": [t.as_dict() for t in self.threads],
        }


def _claim_dict(c: Claim) -> dict:
    return {"sentence": c.sentence, "text": c.text, "predicate": c.predicate, "polarity": c.polarity, "stance": c.stance}


def mentions(claim: Claim, sentence: str, terms: list[str]) -> bool:
    """The claim mentions one of ``terms`` (case aside; a compound counts:
    "gezichtsherkenningstechnologie" mentions "gezichtsherkenning")."""
    words = " ".join((claim.text, " ".join(claim.lemmas), " ".join(claim.arguments))).lower()
    return any(t.lower() in words for t in terms)


# Up to this many statements every pair is matched; past it only pairs that share a word.
ALL_PAIRS_UP_TO = 64
MIN_SHARED = 2


def _keys(claim: Claim) -> set[str]:
    # the first five letters: a word and its compounds or forms share them
    # ("gezichtsherkenning" / "gezichtsherkenningstechnologie", "inzet" / "inzetten")
    return {w[:5] for w in (*claim.lemmas, *claim.arguments, claim.predicate) if len(w) >= 3}


def candidate_pairs(claims: dict[str, list[Claim]]) -> list[tuple[str, str]]:
    """The pairs of statements worth matching: those whose claims share two words (by
    their first letters). A word in more than a fifth of the statements tells nothing
    apart and is not counted, so a folder of many topics costs far fewer than all pairs."""
    ids = list(claims)
    if len(ids) <= ALL_PAIRS_UP_TO:
        return [(a, b) for n, a in enumerate(ids) for b in ids[n + 1 :]]
    index: dict[str, list[int]] = {}
    for n, sid in enumerate(ids):
        for key in set().union(*(_keys(c) for c in claims[sid])):
            index.setdefault(key, []).append(n)
    common = max(8, len(ids) // 5)
    shared: dict[tuple[int, int], int] = {}
    for members in index.values():
        if len(members) > common:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    return [(ids[a], ids[b]) for (a, b), n in sorted(shared.items()) if n >= MIN_SHARED]


def linked(match) -> bool:
    """Whether a claim match makes two claims one claim of a thread."""
    return match.score >= LINK_ON_CONTENT or (match.score >= CLAIM_THRESHOLD and match.rule in PREDICATE_RULES)


def restricted_things(claim: Claim) -> set[str]:
    """What a claim's object qualifiers restrict: their head words, and for a bare
    modifier ("live" in "systemen voor live gezichtsherkenning") the word it modifies."""
    out = set()
    words = claim.text.split()
    lowered = [w.lower().strip(".,;:«»\"'()") for w in words]
    for q in claim.qualifiers:
        if q.dimension != "object":
            continue
        if len(q.head or "") >= 5:
            out.add(q.head.lower())
        parts = q.text.lower().split()
        for i in range(len(lowered) - len(parts)):
            if lowered[i : i + len(parts)] == parts and len(lowered[i + len(parts)]) >= 5:
                out.add(lowered[i + len(parts)])
    return out


def same_object(ca: Claim, cb: Claim) -> bool:
    """Both claims restrict the same thing: object qualifiers whose heads are one word or
    one a compound of the other ("realtime gezichtsherkenning" / "realtime
    gezichtsherkenningstechnologie" / "live gezichtsherkenning")."""
    return any(x.startswith(y) or y.startswith(x) for x in restricted_things(ca) for y in restricted_things(cb))


def _sort_key(st: Statement) -> tuple:
    return (st.date is None, st.date.sort_key if st.date else (0, 0, 0), st.order)


def build(statements: list[Statement], parser, *, about: list[str] | None = None, min_links: int = 1, undated: str = "error",
          lang: str = "nl", documents: int = 0, errors: list | None = None) -> Timeline:
    """Thread ``statements`` by the claims they make and compare each thread step by step."""
    about = [t for t in (about or []) if t.strip()]
    lexicon = parser.nlp.get_pipe("scope_qualifiers").lexicon
    relations = LexicalRelations(lexicon.lexical_use)
    reader = claim_reader(lexicon)
    docs = dict(zip(unique := list(dict.fromkeys(st.text for st in statements)), parser.pipe(unique)))
    parsed = {st.id: ParsedText.of(docs[st.text], lexicon) for st in statements}
    claims: dict[str, list[Claim]] = {}
    for st in statements:
        own = []
        for c in reader.read(parsed[st.id], "s"):
            if c.stance not in OWN_STANCES or not c.predicate or c.embedded or len(set(c.lemmas)) < MIN_CONTENT:
                continue
            if about and not mentions(c, parsed[st.id].sentence_texts[c.sentence], about):
                continue
            own.append(c)
        if own:
            claims[st.id] = own
    # Union-find over (statement id, claim index): matched claims join one thread.
    parent: dict[tuple[str, int], tuple[str, int]] = {(sid, i): (sid, i) for sid, cs in claims.items() for i in range(len(cs))}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x, y):
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    ids = list(claims)
    for sid in ids:
        own = claims[sid]
        for i, ca in enumerate(own):
            for j in range(i + 1, len(own)):
                if abs(own[j].sentence - ca.sentence) <= NEAR_SENTENCES and claim_score(ca, own[j], lexicon, relations)[0] >= CLAIM_THRESHOLD:
                    union((sid, i), (sid, j))
    for sa, sb in candidate_pairs(claims):
        for m in match_claims(claims[sa], claims[sb], lexicon, relations, threshold=SAME_OBJECT):
            if linked(m) or same_object(claims[sa][m.a], claims[sb][m.b]):
                union((sa, m.a), (sb, m.b))
    groups: dict[tuple[str, int], dict[str, list[int]]] = {}
    for key in parent:
        groups.setdefault(find(key), {}).setdefault(key[0], []).append(key[1])
    by_id = {st.id: st for st in statements}
    placed_last: list[str] = []
    raw_threads = []
    for members in groups.values():
        sts = [by_id[sid] for sid in members]
        order = {sid: sorted(ix) for sid, ix in members.items()}
        missing = [st for st in sts if st.date is None]
        if missing and undated == "error" and (len(sts) >= max(min_links, 1)):
            st = missing[0]
            raise UndatedError(f"{st.document}: {st.label} has no date (give it a 'date:' header line or a manifest date, or use --undated last)")
        placed_last += [st.id for st in missing]
        raw_threads.append((sorted(sts, key=_sort_key), order))
    raw_threads.sort(key=lambda t: (-len(t[0]), _sort_key(t[0][0])))
    threads, hidden = [], 0
    for sts, order in raw_threads:
        if len(sts) < min_links:
            hidden += 1
            continue
        nodes = [_node(st, [claims[st.id][i] for i in order[st.id]], parsed[st.id], lexicon) for st in sts]
        thread = Thread(f"t{len(threads) + 1}", nodes, [], None, _terms(nodes))
        texts = list(dict.fromkeys(nd.passage for nd in nodes))
        pdocs = dict(zip(texts, parser.pipe(texts)))
        for nd in nodes:
            nd.qualifiers = ParsedText.of(pdocs[nd.passage], lexicon).qualifiers
        for x, y in zip(nodes, nodes[1:]):
            thread.steps.append(_step(x, y, pdocs, lexicon, lang))
        if len(nodes) > 1:
            thread.net = thread.steps[0] if len(nodes) == 2 else _step(nodes[0], nodes[-1], pdocs, lexicon, lang)
        threads.append(thread)
    return Timeline(threads, len(statements), documents, list(errors or []), about, parser.info, lang, hidden, sorted(set(placed_last), key=lambda s: int(s[1:])))


def _node(st: Statement, claims: list[Claim], parsed: ParsedText, lexicon) -> Node:
    """The passage of a statement in a thread: the sentences that carry the thread's
    claims, and those in which the statement takes an earlier wording back or says what
    it was meant to cover ("dan is die stelling niet helemaal juist", "vanuit de optiek
    van de politie … in de zin die u herhaalt"), in their order."""
    sentences = {c.sentence for c in claims}
    if sentences:
        sentences |= {i for i, sent in enumerate(parsed.sents) if _looks_back(sent, lexicon)}
    order = sorted(sentences)
    passage = " ".join(parsed.sentence_texts[i].strip() for i in order)
    return Node(st, claims, passage, order)


# "die zin", "deze stelling", "mijn woorden"; "de zin die u … herhaalt"
_POINTERS = {"die", "deze", "dat", "dit", "mijn", "onze", "uw", "zijn", "haar"}
_SPEAKERS = {"u", "ik", "wij", "we", "hij", "zij", "ze"}


def _looks_back(sent, lexicon) -> bool:
    """A sentence that names an earlier statement (a statement noun: zin, stelling,
    antwoord, uitspraak, …) and takes it back (onjuist, niet juist, rechtzetten, …) or
    restricts it (bedoeld, optiek, betreffen, …). The word lists are the lexicon's."""
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    nouns = lexicon.words("statement_nouns") - _POINTERS
    tokens = [t for t in sent if not t.is_punct]
    named = any(
        t.lower_ in nouns and (n and tokens[n - 1].lower_ in _POINTERS or n + 2 < len(tokens) and tokens[n + 1].lower_ in ("die", "dat") and tokens[n + 2].lower_ in _SPEAKERS)
        for n, t in enumerate(tokens)
    )
    if not named:
        return False
    negated = bool(words & lexicon.negation_lemmas) or bool(words & {"niet", "geen"})
    return bool(words & lexicon.words("retraction_words") or negated and words & lexicon.words("retraction_if_negated") or words & lexicon.words("restriction_verbs"))


def _step(x: Node, y: Node, docs: dict, lexicon, lang: str) -> Step:
    comparison = compare_docs(docs[x.passage], docs[y.passage], lexicon, a_label=x.statement.label, b_label=y.statement.label, lang=lang)
    return Step(x.statement.id, y.statement.id, comparison)


def _terms(nodes: list[Node]) -> list[str]:
    """The content words most of the thread's claims share (what the thread is about)."""
    counts: dict[str, int] = {}
    for nd in nodes:
        seen = set()
        for c in nd.claims:
            seen.update(c.lemmas)
        for lemma in seen:
            counts[lemma] = counts.get(lemma, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [w for w, n in ranked if n > 1][:5] or [w for w, _ in ranked[:3]]
