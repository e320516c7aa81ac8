"""The comparison, in the order the data flows: parsed docs → claims → claim pairs →
changes per claim pair → verdicts → sentence pairs (the unit of the JSON contract).

Works on spaCy ``Doc`` objects whose ``scope_qualifiers`` span group is filled; it never
parses and knows nothing of how the result is shown. A doc without a dependency parse
has no claims; then aligned sentences are compared as bags of qualifiers.
"""

from __future__ import annotations

import dataclasses
import math

from ..lexical import LexicalRelations
from ..qualifiers.lexicon import Lexicon
from .alignment import Alignment, align, best_partner, claim_score, content_overlap, match_claims, predicate_relation, similarity
from .claims import ClaimReader
from .effects import compare_qualifiers, direction, sort_changes
from .explain import Texts
from .model import Change, Claim, ClaimPair, Comparison, PairResult, Qualifier
from .parsed import ParsedText, phrase_key, side_of, word_diff
from .verdict import THRESHOLD, score_of, verdict_of, weigh, weight_of_key

_readers: dict[str, ClaimReader] = {}
# A retraction names the claim it retracts when it shares this much with it.
TARGET_OVERLAP = 0.15
# Two single statements are paired even below the matching threshold, but not when they
# share next to nothing (then B does not take up A's claim).
SINGLE_STATEMENT_FLOOR = 0.2
# Without the same predicate, a polarity difference reverses a claim only between claims
# about this much the same things.
REVERSAL_OVERLAP = 0.2
# A question's claim is paired with the first sentence of the answer only this alike.
FIRST_SENTENCE_FLOOR = 0.15
# A change from a rule right less often than this on the dev split is not reported as a
# finding (it is listed apart as uncertain and still counts in the verdict by its weight).
REPORT_FLOOR = 0.3
# Pairings of a question with what answers it in other words.
ANSWER_PAIRINGS = {"claim:answer", "claim:answer-first-sentence", "claim:aligned-sentences", "claim:single-statement"}
# Pairings made for want of a better one: their changes are weighed apart.
LOOSE_PAIRINGS = {"claim:single-statement", "claim:aligned-sentences", "claim:answer-first-sentence"}
# B does not take up A when no claim of B comes this close to a claim of A.
NOT_TAKEN_UP_BELOW = 0.22
# B does not confirm what A asks when no claim of B comes this close to one of A's and
# B does not say yes (five-fold cross-validated on the dev split: 0.6 to 0.8 do alike).
NOT_CONFIRMED_BELOW = 0.7


def claim_reader(lexicon: Lexicon) -> ClaimReader:
    reader = _readers.get(lexicon.fingerprint)
    if reader is None or reader.lex is not lexicon:
        if len(_readers) > 8:
            _readers.clear()
        reader = _readers[lexicon.fingerprint] = ClaimReader(lexicon)
    return reader


def compare_docs(doc_a, doc_b, lexicon: Lexicon, *, a_label: str = "a", b_label: str = "b", lang: str = "nl") -> Comparison:
    texts = Texts(lang)
    relations = LexicalRelations(lexicon.lexical_use)
    parsed_a, parsed_b = ParsedText.of(doc_a, lexicon), ParsedText.of(doc_b, lexicon)
    reader = claim_reader(lexicon)
    claims_a, claims_b = reader.read(parsed_a, "a"), reader.read(parsed_b, "b")
    base = dict(
        a_label=a_label,
        b_label=b_label,
        a_sentences=len(parsed_a.sents),
        b_sentences=len(parsed_b.sents),
        lang=lang,
        a_text=parsed_a.text,
        b_text=parsed_b.text,
        a_qualifiers=parsed_a.qualifiers,
        b_qualifiers=parsed_b.qualifiers,
    )
    if not (doc_a.has_annotation("DEP") and doc_b.has_annotation("DEP")):
        pairs = _sentence_pairs(parsed_a, parsed_b, lexicon, texts, relations)
        all_changes = _unique([c for p in pairs for c in (*p.changes, *p.uncertain)])
        return Comparison(pairs=pairs, verdict=verdict_of(all_changes), score=score_of(all_changes), a_claims=claims_a, b_claims=claims_b, **base)
    claim_pairs = pair_claims(claims_a, claims_b, parsed_a, parsed_b, lexicon, texts, relations)
    pairs = _pairs_of(claim_pairs, parsed_a, parsed_b)
    all_changes = _unique([c for cp in claim_pairs for c in (*cp.changes, *cp.uncertain)])
    verdict, score = verdict_of(all_changes), score_of(all_changes)
    unanswered = not_taken_up(claim_pairs, claims_a, claims_b, lexicon, relations)
    # an answer that takes up no question confirms none of it either
    unconfirmed = verdict == "unchanged" and (unanswered or not_confirmed(claim_pairs, claims_a, claims_b))
    if unconfirmed:
        confidence = weight_of_key("verdict|not-confirmed")
        if confidence >= THRESHOLD:
            verdict, score = "narrowed", round(confidence, 4)
    return Comparison(
        pairs=pairs,
        verdict=verdict,
        not_taken_up=unanswered,
        not_confirmed=unconfirmed,
        score=score,
        a_claims=claims_a,
        b_claims=claims_b,
        claim_pairs=claim_pairs,
        **base,
    )


def not_taken_up(claim_pairs: list[ClaimPair], claims_a: list[Claim], claims_b: list[Claim], lexicon, relations) -> bool:
    """B answers none of the questions A asks and talks of something else: no claim of B
    comes near any claim of A. (Between two statements, a claim B does not repeat is
    reported as dropped, but a verdict needs something to compare.)"""
    if any(cp.a is not None and cp.b is not None for cp in claim_pairs):
        return False
    if not any(c.stance == "asked" for c in claims_a):
        return False
    own_a = [c for c in claims_a if c.stance in ("asserted", "asked", "reported") and c.predicate and not c.embedded]
    own_b = [c for c in claims_b if c.stance in ("asserted", "reported") and c.predicate]
    if not (own_a and own_b) or all(c.reference == "referral" for c in own_b):
        return False  # an answer that refers to another answer or a letter is given there
    closest = max(claim_score(ca, cb, lexicon, relations)[0] for ca in own_a for cb in own_b)
    return closest < NOT_TAKEN_UP_BELOW


def not_confirmed(claim_pairs: list[ClaimPair], claims_a: list[Claim], claims_b: list[Claim]) -> bool:
    """A asks to confirm a claim, and B neither says yes nor restates any claim of A closely:
    the answer talks around the question and asserts less than it asks ("Klopt het dat X?"
    – "Wij volgen de ontwikkelingen"). Whether that narrows is the verdict's to weigh
    (``verdict|not-confirmed``)."""
    if not any(c.stance == "asked" for c in claims_a):
        return False
    if any(c.reference in ("answer", "endorsement") and c.polarity == "positive" for c in claims_b):
        return False  # "Ja.", "Ja, deze uitspraak onderschrijf ik"
    own_b = [c for c in claims_b if c.stance in ("asserted", "reported") and c.predicate and not c.embedded]
    if not own_b or all(c.reference == "referral" for c in own_b):
        return False  # nothing said, or the answer is given elsewhere
    closest = max((cp.similarity for cp in claim_pairs if cp.a is not None and cp.b is not None), default=0.0)
    return closest < NOT_CONFIRMED_BELOW


# ----------------------------------------------------------------------- claim pairs
def pair_claims(claims_a, claims_b, parsed_a, parsed_b, lexicon, texts, relations) -> list[ClaimPair]:
    """Match the claims of A and B and compare each matched pair slot by slot."""
    special = {"retracted", "restricted"}
    # claims of B about what A said: they pair with the claim they point at
    judging = ("endorsement", "left-open")
    eligible_b = [j for j, c in enumerate(claims_b) if c.stance not in special and c.predicate and c.reference not in judging]
    eligible_a = [i for i, c in enumerate(claims_a) if c.predicate]
    matches = match_claims([claims_a[i] for i in eligible_a], [claims_b[j] for j in eligible_b], lexicon, relations)
    found: list[tuple[Claim, Claim, float, str, bool]] = [
        (claims_a[eligible_a[m.a]], claims_b[eligible_b[m.b]], m.score, m.rule, m.opposite) for m in matches
    ]
    # Two single statements are versions of each other because the user says so: each
    # claim of A gets its most alike claim of B even below the threshold.
    endorsing = [c for c in claims_b if c.reference in judging]
    if not found and not endorsing and len(parsed_a.sents) == 1 and len(parsed_b.sents) == 1:
        main_b = [claims_b[j] for j in eligible_b if claims_b[j].stance != "quoted"] or [claims_b[j] for j in eligible_b]
        for i in eligible_a:
            ca = claims_a[i]
            best = best_partner(ca, main_b, lexicon, relations)
            if best is not None and best[1] >= SINGLE_STATEMENT_FLOOR:
                cb = main_b[best[0]]
                s, rule, opposite = claim_score(ca, cb, lexicon, relations)
                found.append((ca, cb, s, "claim:single-statement" if rule == "claim:content" else rule, opposite))
    found += _answer_pairs(found, claims_a, claims_b, eligible_b, lexicon, relations)
    found += _aligned_leftovers(found, claims_a, claims_b, parsed_a, parsed_b, eligible_a, eligible_b, lexicon, relations)
    found += _first_answer_sentence(found, claims_a, claims_b, eligible_b, lexicon, relations)
    out: list[ClaimPair] = []
    used_a: set[str] = set()
    used_b: set[str] = set()

    def add(ca, cb, relation, rule, sim, changes):
        cp = ClaimPair(f"p{len(out) + 1}", ca, cb, relation, rule, round(sim, 4), [])
        for c in changes:
            c.claim_pair = cp.id
            c.context = "asked" if ca is not None and ca.stance == "asked" else "stated"
            c.loose = rule in LOOSE_PAIRINGS
        cp.changes, cp.uncertain = weighed(changes)
        cp.verdict = verdict_of(cp.changes + cp.uncertain)
        out.append(cp)
        if ca is not None:
            used_a.add(ca.id)
        if cb is not None:
            used_b.add(cb.id)
        return cp

    reversed_a: set[str] = set()
    main_a = [c for c in claims_a if c.predicate and c.stance != "quoted"] or [c for c in claims_a if c.predicate]
    # A claim that B retracts or restricts is answered by that; a loose pairing of it with
    # another claim of B would only add noise.
    targets = {cb.id: _targets(cb, found, main_a, lexicon, relations) for cb in claims_b if cb.stance in special or cb.reference in judging}
    pointed_at = {ca.id for cb in claims_b if cb.stance in special for ca in targets[cb.id]}
    for ca, cb, s, rule, opposite in found:
        if rule in LOOSE_PAIRINGS and ca.id in pointed_at:
            continue
        changes = _claim_changes(ca, cb, opposite, rule, lexicon, texts, relations)
        if rule in LOOSE_PAIRINGS and rule != "claim:single-statement":
            # what a claim B does not restate, B has not removed (two single statements
            # the reader compares are versions of each other: there it has)
            changes = [c for c in changes if c.kind != "removed"]
        if any(c.effect == "reverses" for c in changes):
            reversed_a.add(ca.id)
        add(ca, cb, "matched", rule, s, changes)
    # Answer particles: "Nee" denies what the question asks; "Ja" confirms it.
    asked = [c for c in claims_a if c.stance == "asked" and c.predicate]
    for cb in claims_b:
        if cb.reference != "answer" or cb.polarity != "negative" or not asked:
            continue
        unanswered = [ca for ca in asked if ca.id not in reversed_a]
        for ca in unanswered[:1]:
            change = _polarity_change(ca.polarity_qualifiers, cb.polarity_qualifiers, "claim:answer-no", texts)
            add(ca, cb, "matched", "claim:answer-no", 1.0, [change])
            reversed_a.add(ca.id)  # "Nee. Nee." denies it once
    # "Ja." with nothing else in its sentence confirms what the question asked ("Bent u
    # bekend met X?" – "Ja. Deze bepaling …"): what follows is new, not a change
    for cb in claims_b:
        if cb.reference != "answer" or cb.polarity != "positive" or any(o.sentence == cb.sentence and o is not cb for o in claims_b):
            continue
        open_questions = [ca for ca in asked if ca.id not in used_a and not ca.embedded]
        for ca in open_questions[:1]:
            add(ca, cb, "matched", "claim:answer-yes", 1.0, [])
    # "Ja, deze uitspraak onderschrijf ik": B endorses A's claim (no change), or rejects it;
    # "Dat kan ik niet bevestigen" leaves it open (a hedge added).
    for cb in endorsing:
        for ca in targets[cb.id]:
            if cb.reference == "left-open":
                q = _words_qualifier(cb, cb.polarity_qualifiers, "hedge", "open", "claim:left-open")  # "niet bevestigen"
                change = Change("hedge", "added", [], [q], "narrows", "claim:left-open")
                texts.explain(change)
                add(ca, cb, "matched", "claim:left-open", 1.0, [change])
            elif cb.polarity == "negative" and ca.id in reversed_a:
                add(ca, cb, "matched", "claim:rejection", 1.0, [])  # "Nee, daartoe ben ik niet bereid": one denial
            elif cb.polarity == "negative":
                change = _polarity_change(ca.polarity_qualifiers, cb.polarity_qualifiers, "claim:rejection", texts)
                add(ca, cb, "matched", "claim:rejection", 1.0, [change])
                reversed_a.add(ca.id)
            else:
                # "Dat klopt in de meeste gevallen": what the endorsement adds restricts it
                own = [q for q in cb.qualifiers if q.dimension not in ("modality", "polarity", "actor")]
                said_again = {o.dimension for o in own}
                restated = [q for q in ca.qualifiers if q.dimension not in said_again] + own
                changes = [c for c in compare_qualifiers(ca.qualifiers, restated, lexicon, texts, relations, with_polarity=False) if c.kind != "unchanged"] if own else []
                add(ca, cb, "matched", "claim:endorsement", 1.0, changes)
    # Retractions and restrictions apply to the claim of A they point at.
    for cb in claims_b:
        if cb.stance not in special:
            continue
        for ca in targets[cb.id]:
            if cb.stance == "retracted":
                change = _polarity_change(ca.polarity_qualifiers, [cb.reversal] if cb.reversal else [], "claim:retraction", texts)
                add(ca, cb, "retracted", cb.stance_rule, 1.0, [change])
            elif cb.polarity == "negative":
                # "Mijn woorden waren op geen enkele manier bedoeld als …": B denies a
                # reading of A that A did not state; A's claim stands as it was
                add(ca, cb, "restricted", cb.stance_rule, 1.0, [])
            else:
                changes = [c for c in _claim_changes(ca, cb, False, "claim:restriction", lexicon, texts, relations) if c.kind != "removed"]
                if not any(c.effect == "narrows" for c in changes):
                    # "Met het woord «regeling» wordt bedoeld dat …": saying afterwards what
                    # A meant narrows A to that reading, whatever its slots say
                    changes.append(_restriction_change(ca, cb, texts))
                add(ca, cb, "restricted", cb.stance_rule, 1.0, changes)
    for ca in claims_a:
        if ca.id not in used_a and ca.predicate and ca.stance != "quoted" and not ca.embedded:
            add(ca, None, "dropped", "claim:no-counterpart", 0.0, [])
    for cb in claims_b:
        if cb.id not in used_b and not cb.embedded and (cb.predicate or cb.reference != "answer"):
            add(None, cb, "new", "claim:no-counterpart", 0.0, [])
    return out


def _aligned_leftovers(found, claims_a, claims_b, parsed_a, parsed_b, eligible_a, eligible_b, lexicon, relations) -> list:
    """Sentences whose claims matched nothing, aligned as sentences (they read alike): their
    main claims are paired too. The parse can miss what two wordings share; their words
    do not."""
    matched_a = {ca.sentence for ca, *_ in found}
    matched_b = {cb.sentence for _, cb, *_ in found}
    free_a = [i for i in range(len(parsed_a.sents)) if i not in matched_a]
    free_b = [j for j in range(len(parsed_b.sents)) if j not in matched_b]
    if not free_a or not free_b:
        return []
    out = []
    for al in align([parsed_a.sentence_texts[i] for i in free_a], [parsed_b.sentence_texts[j] for j in free_b]):
        if not al.a or not al.b:
            continue
        sa = {free_a[k] for k in al.a}
        sb = {free_b[k] for k in al.b}
        cands_a = [claims_a[i] for i in eligible_a if claims_a[i].sentence in sa]
        cands_b = [claims_b[j] for j in eligible_b if claims_b[j].sentence in sb and claims_b[j].stance != "quoted"]
        scored = [(claim_score(ca, cb, lexicon, relations), ca, cb) for ca in cands_a for cb in cands_b]
        if scored:
            (s, _rule, opposite), ca, cb = max(scored, key=lambda x: (x[0][0], not x[1].embedded, not x[2].embedded))
            single = len(parsed_a.sents) == 1 and len(parsed_b.sents) == 1
            out.append((ca, cb, max(s, al.similarity), "claim:single-statement" if single else "claim:aligned-sentences", opposite))
    return out


def _answer_pairs(found, claims_a, claims_b, eligible_b, lexicon, relations) -> list:
    """An answer that opens with "Ja," or "Nee," answers the question in that sentence:
    its best claim there takes up the question's claim, however it is worded."""
    asked = [c for c in claims_a if c.stance == "asked" and c.predicate and not any(ca is c for ca, *_ in found)]
    if not asked:
        return []
    out = []
    for particle in (c for c in claims_b if c.reference == "answer"):
        same = [claims_b[j] for j in eligible_b if claims_b[j].sentence == particle.sentence and claims_b[j].stance != "quoted"]
        scored = [(claim_score(ca, cb, lexicon, relations), ca, cb) for ca in asked for cb in same]
        if scored:
            (s, _rule, opposite), ca, cb = max(scored, key=lambda x: x[0][0])
            out.append((ca, cb, s, "claim:answer", opposite))
    return out


def _first_answer_sentence(found, claims_a, claims_b, eligible_b, lexicon, relations) -> list:
    """A question none of whose claims B's claims take up, against an answer that says
    something of its own: an answer answers in its first sentence, so the question's claim
    is paired with the claim of that sentence most like it (a loose pairing, weighed as
    such)."""
    if found:
        return []
    asked = [c for c in claims_a if c.stance == "asked" and c.predicate and not c.embedded]
    first = [claims_b[j] for j in eligible_b if claims_b[j].sentence == min((claims_b[k].sentence for k in eligible_b), default=0) and claims_b[j].stance != "quoted"]
    scored = [(claim_score(ca, cb, lexicon, relations), ca, cb) for ca in asked for cb in first]
    if not scored:
        return []
    (s, _rule, opposite), ca, cb = max(scored, key=lambda x: (x[0][0], not x[2].embedded))
    if s < FIRST_SENTENCE_FLOOR:
        return []
    return [(ca, cb, s, "claim:answer-first-sentence", opposite)]


def _targets(cb: Claim, found: list, main_a: list[Claim], lexicon, relations) -> list[Claim]:
    """The A claim a retraction or restriction in B points at: A's only claim; else the one
    it names (its words: "die uitspraak over gezichtsherkenning is onjuist"); else the one
    that B's neighbouring sentences take up; else the first."""
    if not main_a:
        return []
    if len(main_a) == 1:
        return main_a
    scored = sorted(((content_overlap(cb, ca, lexicon, relations), n, ca) for n, ca in enumerate(main_a)), key=lambda x: (-x[0], x[1]))
    if scored[0][0] >= TARGET_OVERLAP and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return [scored[0][2]]
    near = [ca for ca, cbb, *_ in found if abs(cbb.sentence - cb.sentence) <= 1 and any(ca is m for m in main_a)]
    if near:
        return near[:1]
    return main_a[:1]


def _claim_changes(ca: Claim, cb: Claim, opposite: bool, rule: str, lexicon, texts, relations) -> list[Change]:
    """Slot by slot; and polarity, which can only reverse a claim whose predicate B keeps
    (or turns into its opposite): "niet gedaan" against "vindt wél plaats" reverses, a
    negation in a claim about something else does not."""
    changes = compare_qualifiers(ca.qualifiers, cb.qualifiers, lexicon, texts, relations, with_polarity=False)
    if ca.stance == "asked":
        # a question put as an expectation ("Verwacht u dat X?") does not hedge what it
        # asks: a plain "X" answers it without asserting more
        changes = [c for c in changes if not (c.kind == "removed" and c.dimension == "hedge" and c.a[0].rule == "claim:belief-frame")]
    if ca.asks_for:
        # "Wanneer verwacht u …?" – "Voor het zomerreces …": the time given answers the question
        answering = lexicon.words("answering_values")
        for change in changes:
            if change.kind == "added" and change.dimension in ca.asks_for and (change.dimension not in ("time", "quantity") or change.b[0].value in answering):
                change.effect, change.rule = "neutral", "compare:answers-question"
                change.no_longer_ruled_out = None  # it was explained as narrowing first
                texts.explain(change)
    speaker = lexicon.words("speaker_pronouns")
    institution = lexicon.words("speaker_institutions")
    if ca.subject in speaker or cb.subject in speaker:
        # "Bent u bekend met …?" – "Het kabinet is bekend met …": the minister answers for
        # the government; the circle of who is meant does not change.
        changes = [c for c in changes if not (c.dimension == "actor" and c.kind in ("added", "removed") and (c.a or c.b)[0].value in institution)]
    same_predicate = predicate_relation(ca.predicate, cb.predicate, lexicon, relations)[0] > 0
    if same_predicate and rule not in LOOSE_PAIRINGS:
        changes += _argument_changes(ca, cb, changes, lexicon, texts, relations)
    # where the parse reads the predicates apart, a pair that is plainly about the same
    # thing (its content words) still counts
    # a verb that carries little of its own ("hebben", "zijn", "doen") is not enough:
    # "Een land kan het niet hebben" and "Ik had dat moeten verwoorden" share only the verb
    generic = same_predicate and (ca.predicate in lexicon.words("light_verbs") or ca.predicate in lexicon.words("copulas"))
    if generic:
        same_predicate = False
    about_the_same = same_predicate or content_overlap(ca, cb, lexicon, relations) >= REVERSAL_OVERLAP
    # a question answered with a denial in the answer's own words ("Lopen deze boeren het
    # risico …?" – "… zijn er daarvoor in principe geen gevolgen")
    # ("ontoelaatbaar" denies only its own word: what the answer says of the matter, not
    # a "no" to the question)
    by_prefix_only = bool(cb.polarity_qualifiers) and all(q.rule == "claim:negating-prefix" for q in cb.polarity_qualifiers)
    # An open question ("Welke consequenties …?") cannot be answered "no": a denial in an
    # answer about other words reverses it only where the negation denies that anything
    # of the kind exists ("geen consequenties"), not by any "niet". (Which thing "geen"
    # denies is not checked: "Er worden geen gegevens bijgehouden" counts too. A denial
    # about the same content still reverses what the question takes for granted:
    # "Waarom gaat u wel door met X?" – "X is niet nodig".)
    denies_existence = any(w.lower() in lexicon.words("existence_negators") for w in cb.polarity_words)
    open_unless_denied = ca.stance == "asked" and ca.open_question and not denies_existence
    answered_no = ca.stance == "asked" and not open_unless_denied and rule in ANSWER_PAIRINGS and ca.polarity == "positive" and cb.polarity == "negative" and not by_prefix_only
    reverses = (about_the_same or answered_no) and (ca.polarity != cb.polarity) != opposite
    if reverses:
        # a turn-around between claims whose predicates differ is less certain: its own
        # rule, so that the verdict weighs it by how often it has been right
        if opposite:
            rule = "claim:opposite-predicate"
        elif same_predicate:
            rule = "claim:polarity"
        else:
            rule = "claim:polarity-other-predicate" if about_the_same else "claim:polarity-answer"
        if opposite and not ca.polarity_qualifiers and not cb.polarity_qualifiers:
            changes.append(_polarity_change([_predicate_qualifier(ca)], [_predicate_qualifier(cb)], rule, texts))
        else:
            changes.append(_polarity_change(ca.polarity_qualifiers, cb.polarity_qualifiers, rule, texts, ca, cb))
    elif ca.polarity_qualifiers and cb.polarity_qualifiers:
        change = Change("polarity", "unchanged", ca.polarity_qualifiers[:1], cb.polarity_qualifiers[:1], "neutral", "compare:same-value")
        texts.explain(change)
        changes.append(change)
    return changes


def _argument_changes(ca: Claim, cb: Claim, changes: list[Change], lexicon, texts, relations) -> list[Change]:
    """The same predicate about another thing ("geen producten afnemen" / "geen diensten
    afnemen", "investeringen" / "nieuwe investeringen"): what exactly is claimed changed.
    Only where no object qualifier already says so."""
    a, b = ca.argument, cb.argument
    if a is None or b is None or any(c.dimension == "object" and c.kind != "unchanged" for c in changes):
        return []
    if a.key == b.key or a.bare == b.bare:
        return []
    effect, rule = direction("object", [a], [b], lexicon, relations)
    if effect == "neutral":
        return []
    change = Change("object", "replaced", [a], [b], effect, "compare:argument-" + rule.split(":")[-1])
    texts.explain(change)
    return [change]


def _polarity_change(a: list[Qualifier], b: list[Qualifier], rule: str, texts: Texts, ca: Claim | None = None, cb: Claim | None = None) -> Change:
    if not a and not b and ca is not None and cb is not None:
        # polarity read from the words around (a frame, an answer): name the predicates
        a, b = [_predicate_qualifier(ca)], [_predicate_qualifier(cb)]
    kind = "replaced" if a and b else ("added" if b else "removed")
    change = Change("polarity", kind, list(a), list(b), "reverses", rule)
    texts.explain(change)
    return change


def _restriction_change(ca: Claim, cb: Claim, texts: Texts) -> Change:
    a = dataclasses.replace(_predicate_qualifier(ca), dimension="definition", value="restriction", rule="claim:restriction")
    b = dataclasses.replace(_predicate_qualifier(cb), dimension="definition", value="restriction", rule="claim:restriction")
    change = Change("definition", "replaced", [a], [b], "narrows", "claim:restriction")
    texts.explain(change)
    return change


def _words_qualifier(claim: Claim, words: list[Qualifier], dimension: str, value: str, rule: str) -> Qualifier:
    """The claim's predicate together with some of its words ("niet … bevestigen"), as one
    qualifier with offsets in the sentence."""
    start = min([claim.predicate_start, *(q.start_char for q in words)])
    end = max([claim.predicate_end, *(q.end_char for q in words)])
    text = claim.text[start - claim.start_char : end - claim.start_char] if claim.start_char <= start else claim.predicate_text
    return _claim_qualifier(claim, text, start, end, dimension, value, rule)


def _predicate_qualifier(claim: Claim) -> Qualifier:
    return _claim_qualifier(claim, claim.predicate_text, claim.predicate_start, claim.predicate_end, "polarity", "opposite", "claim:predicate")


def _claim_qualifier(claim: Claim, text: str, start: int, end: int, dimension: str, value: str, rule: str) -> Qualifier:
    """A qualifier made from a claim's own words rather than found by a lexicon rule."""
    return Qualifier(dimension, text, start, end, value, rule, None, phrase_key(text), text, text.lower(), (claim.predicate,), claim.predicate)


def weighed(changes: list[Change]) -> tuple[list[Change], list[Change]]:
    """Each change weighed by its rule's record, each once, in order; split into the
    findings to report and the uncertain ones (weight below REPORT_FLOOR)."""
    weigh(changes)
    reported, uncertain = [], []
    for c in sort_changes(_unique(changes)):
        (reported if c.kind == "unchanged" or c.effect == "neutral" or c.weight >= REPORT_FLOOR else uncertain).append(c)
    return reported, uncertain


def _unique(changes: list[Change]) -> list[Change]:
    seen, out = set(), []
    for c in changes:
        key = (c.dimension, c.kind, c.a_text, c.b_text, c.effect)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# ----------------------------------------------------------------------- sentence pairs
def _pairs_of(claim_pairs: list[ClaimPair], parsed_a: ParsedText, parsed_b: ParsedText) -> list[PairResult]:
    """The sentence pairs of the JSON contract: one per pair of sentences that hold a
    matched claim pair, and one per sentence that holds none."""
    groups: dict[tuple[int, int], list[ClaimPair]] = {}
    for cp in claim_pairs:
        if cp.a is not None and cp.b is not None:
            groups.setdefault((cp.a.sentence, cp.b.sentence), []).append(cp)
    entries: list[tuple[tuple[float, float], PairResult]] = []
    for (i, j), cps in groups.items():
        side_a, side_b = side_of(parsed_a, (i,)), side_of(parsed_b, (j,))
        changes = sort_changes(_unique([c for cp in cps for c in cp.changes]))
        uncertain = sort_changes(_unique([c for cp in cps for c in cp.uncertain]))
        sim = max([similarity(parsed_a.sentence_texts[i], parsed_b.sentence_texts[j])] + [min(1.0, cp.similarity) for cp in cps])
        pair = PairResult(
            side_a, side_b, round(sim, 4), changes, verdict_of(changes + uncertain), score_of(changes + uncertain), word_diff(side_a.tokens, side_b.tokens), [cp.id for cp in cps], uncertain
        )
        entries.append(((i, j), pair))
    paired_a = {i for i, _ in groups}
    paired_b = {j for _, j in groups}
    for i in range(len(parsed_a.sents)):
        if i not in paired_a:
            ids = [cp.id for cp in claim_pairs if cp.a is not None and cp.b is None and cp.a.sentence == i]
            entries.append(((i, math.inf), PairResult(side_of(parsed_a, (i,)), side_of(parsed_b, ()), 0.0, [], "unchanged", 0.0, [], ids)))
    for j in range(len(parsed_b.sents)):
        if j not in paired_b:
            before = [i for i, jj in groups if jj < j]
            ids = [cp.id for cp in claim_pairs if cp.b is not None and cp.a is None and cp.b.sentence == j]
            entries.append(((max(before) + 0.5 if before else -0.5, j), PairResult(side_of(parsed_a, ()), side_of(parsed_b, (j,)), 0.0, [], "unchanged", 0.0, [], ids)))
    entries.sort(key=lambda e: e[0])
    return [p for _, p in entries]


def _sentence_pairs(parsed_a: ParsedText, parsed_b: ParsedText, lexicon, texts, relations) -> list[PairResult]:
    """Without claims (no dependency parse): aligned sentences compared as bags of
    qualifiers, negation included."""
    if len(parsed_a.sents) == 1 and len(parsed_b.sents) == 1:
        alignment = [Alignment((0,), (0,), similarity(parsed_a.sentence_texts[0], parsed_b.sentence_texts[0]))]
    else:
        alignment = align(parsed_a.sentence_texts, parsed_b.sentence_texts)
    pairs = []
    for al in alignment:
        side_a, side_b = side_of(parsed_a, al.a), side_of(parsed_b, al.b)
        if al.a and al.b:
            changes, uncertain = weighed(compare_qualifiers(side_a.qualifiers, side_b.qualifiers, lexicon, texts, relations))
            every = changes + uncertain
            pairs.append(PairResult(side_a, side_b, al.similarity, changes, verdict_of(every), score_of(every), word_diff(side_a.tokens, side_b.tokens), [], uncertain))
        else:
            pairs.append(PairResult(side_a, side_b, 0.0, [], "unchanged", 0.0, []))
    return pairs


__all__ = ["claim_reader", "compare_docs", "pair_claims"]
