"""Claims: one proposition per clause, read from the parse and the qualifier spans.

A claim has a **predicate** (the word that carries it, with light verbs, copulas and
existential "er is sprake van" resolved), a **polarity** decided once for the whole
claim, its **slots** (the qualifiers of its clause, and the hedges, conditions and
modality of a clause that frames it), a **stance** (asserted, asked, quoted, reported,
retracted, restricted) and, where the text names one, an **attribution**.

Frames are clauses that do not make a claim of their own but pass one on: "Klopt het
dat X?" asks X; "Het is niet de bedoeling dat X" is X as an intention, negated; "Ik kan
niet uitsluiten dat X" is X with a hedge; "Ik ontken dat X" denies X; "Ik heb de Kamer
eerder gemeld dat X" reports X. Every word list used here is lexicon data
(``words`` and ``modality`` in lexicon.json, see docs/lexicon.md).

Nothing here parses; a doc without a dependency parse has no claims, and the
comparison then falls back to comparing aligned sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lemmas import infinitive_of, infinitives
from ..qualifiers.lexicon import Lexicon
from ..runons import word_filter
from .model import Claim, Qualifier
from .parsed import ParsedText, phrase_qualifier

# Dependency relations that start a clause of their own.
_CLAUSE_DEPS = {"ROOT", "ccomp", "csubj", "csubj:pass", "advcl", "acl", "acl:relcl", "xcomp", "parataxis", "conj"}
_COMPLEMENT_DEPS = ("ccomp", "csubj", "csubj:pass", "xcomp")
_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl", "expl:pv"}
_CORE_DEPS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "X"}
_VERBAL = {"VERB", "AUX"}
# Quotation marks: opening → closing.
_QUOTES = {"«": "»", "“": "”", "„": "”", '"': '"', "‘": "’", "‹": "›"}
# A quote that covers this share of a sentence's words is the sentence itself (a news
# report that prints the minister's words), not a mention inside another claim.
_WHOLE_QUOTE = 0.7
_MAX_FRAMES = 5
# the relations under which the parse hangs a participle it did not see as one
_LOST_PARTICIPLE_DEPS = ("nsubj", "nsubj:pass", "obj", "xcomp", "ccomp", "obl", "obl:arg")
# Modality values that a frame passes on to the claim it governs.
_FRAME_DIMENSIONS = {"hedge", "condition", "modality"}


@dataclass
class _Frame:
    """What the clauses above a claim pass on to it."""

    tokens: set[int] = field(default_factory=set)
    report_tokens: set[int] = field(default_factory=set)  # who said it, when: not the claim's
    flips: int = 0  # negations passed on ("Het klopt niet dat X" → not X)
    flip_words: list = field(default_factory=list)
    hedged: bool = False
    # the frame's words that hedge the claim where the lexicon names no hedge phrase in it,
    # and how: ("open", "claim:left-open") for "kan niet garanderen dat X", ("expectation",
    # "claim:belief-frame") for "Het kabinet verwacht dat X"
    hedge_words: set[int] = field(default_factory=set)
    hedge_kind: tuple[str, str] = ("open", "claim:left-open")
    # an auxiliary or a nominal infinitive the parse made the clause's head ("Er zijn geen
    # personen gearresteerd" with "gearresteerd" under "zijn"): its other dependents belong
    # to the claim
    lifted: set[int] = field(default_factory=set)
    # what a small clause under a judging verb is said of, and when ("vind [het inzetten van
    # X] [op dit moment] niet noodzakelijk"): the claim's, though the parse hangs it on the verb
    small_clause: set[int] = field(default_factory=set)
    opened_by: object = None  # the frame word of "nagaan of X": X is left open
    stance: str | None = None
    stance_rule: str = ""
    attribution: str | None = None


def quote_regions(sent) -> list[tuple[int, int]]:
    """Token ranges [start, end) inside matching quotation marks, within one sentence."""
    out = []
    tokens = list(sent)
    i = 0
    while i < len(tokens):
        opener = tokens[i].text
        closer = _QUOTES.get(opener)
        if closer is None:
            i += 1
            continue
        j = next((k for k in range(i + 1, len(tokens)) if tokens[k].text == closer or (closer == "”" and tokens[k].text == "“" and opener == "„")), None)
        if j is None:
            i += 1
            continue
        if j > i + 1:
            out.append((tokens[i + 1].i, tokens[j].i))
        i = j + 1
    return out


def _is_question(sent) -> bool:
    for tok in reversed(sent):
        if tok.is_space or tok.text in ("»", "”", '"', "’", ")"):
            continue
        return tok.text.endswith("?")
    return False


def clause_head(token):
    """The head of the clause a token belongs to: the first ancestor-or-self that starts a
    clause (or the root)."""
    for _ in range(40):
        if token.dep_ in _CLAUSE_DEPS or token.head.i == token.i or _heads_clause(token):
            if token.dep_ == "conj" and not _is_predicate(token):
                token = token.head
                continue
            return token
        token = token.head
    return token


def _heads_clause(token) -> bool:
    """A verb with a complementizer, auxiliary or subject of its own heads a clause, whatever
    relation the parse gave it ("dat … niet expliciet verboden is" read as a subject)."""
    return token.pos_ in _VERBAL and any(c.dep_ in ("mark", "aux", "aux:pass", "cop", "nsubj", "nsubj:pass") for c in token.children)


def _negates_attribute(token) -> bool:
    """"niet" before the attribute of a noun ("van niet door mij geaccordeerde antwoorden",
    "een niet bestaande regeling") negates the attribute, not the clause; the parse often
    hangs it on the noun itself."""
    if token.lower_ != "niet" or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = token.head
    return any(t.head.i == noun.i and t.dep_ in ("amod", "acl") and t.pos_ in ("ADJ", "VERB") for t in token.doc[token.i + 1 : noun.i])


def _is_infinitival(token) -> bool:
    """A "te"/"om … te" infinitive."""
    return any(c.dep_ == "mark" and c.lower_ in ("te", "om") for c in token.children)


def _is_finite(token) -> bool:
    """A clause with a finite verb of its own (the word itself or its auxiliary/copula)."""
    words = [token, *(c for c in token.children if c.dep_ in ("aux", "aux:pass", "cop"))]
    return any("Fin" in w.morph.get("VerbForm") for w in words) and not _is_infinitival(token)


def _is_predicate(token) -> bool:
    """A verb, or any word the parse gives the dependents of a clause."""
    if token.pos_ in ("PUNCT", "SYM") or token.is_punct:
        return False  # a quotation mark the parse made a clause's head
    return token.pos_ in _VERBAL or any(c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "cop") for c in token.children)


# The hedge a frame of expectation gives its clause ("Het kabinet verwacht dat X").
_BELIEF_HEDGE = ("expectation", "claim:belief-frame")


class ClaimReader:
    """Reads the claims of one parsed text. One reader per lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        w = lexicon.words
        self.modals = w("modal_verbs")
        self.auxiliaries = w("auxiliary_verbs")
        self.frame_verbs = w("frame_verbs") | lexicon.reporting_verbs
        self.report_verbs = w("report_verbs")
        self.negating = w("negating_verbs")
        self.rejecting = w("rejecting_verbs")
        self.hedge_verbs = w("hedge_verbs")
        self.belief = w("belief_words")
        self.small_clause_verbs = w("small_clause_verbs")
        self.declining = w("declining_words")
        self.knowledge = w("knowledge_words")
        self.pending = w("pending_words")
        self.possibility = w("possibility_adjectives")
        self.likelihood = w("likelihood_adjectives")
        self.can_or_likely = self.possibility | self.likelihood  # negated, they deny their clause
        self.intention = lexicon.modality_words.get("intention", frozenset())
        self.permission = lexicon.modality_words.get("permission", frozenset())
        self.light_verbs = w("light_verbs")
        self.light_nouns = w("light_nouns")
        self.phrase_pairs = {tuple(t.split()) for t in w("phrase_nouns")}
        self.phrase_verbs = w("phrase_verbs")
        self.copulas = w("copulas")
        self.existential = w("existential_verbs")
        self.being_verbs = self.existential | w("copulas")
        self.speaker = w("speaker_pronouns")
        self.retraction = w("retraction_words")
        self.retraction_negated = w("retraction_if_negated")
        self.manner = w("manner_nouns")
        self.statement_nouns = w("statement_nouns")
        self.restriction = w("restriction_verbs")
        self.interrogatives = w("interrogatives")
        self.free_relatives = w("free_relative_words")
        self.answer_no = w("answer_no")
        self.answer_yes = w("answer_yes")
        self.self_negating = lexicon.negation_lemmas
        self.negating_prefixes = w("negating_prefixes")
        self.not_negating_prefixes = w("not_negating_prefixes")
        self.articles = w("articles")
        self.about_verbs = w("about_verbs")
        self.comparison = w("comparison_markers")
        self.particles = w("verb_particles")
        self.complementizers = w("complementizers")
        self.open_complementizers = w("open_complementizers")
        self.clause_openers = w("clause_openers")
        self.condition_openers = self.clause_openers - {"om"}  # "om … te" opens a complement too
        self.clause_breaks = w("clause_breaks")
        self.agent_preps = w("agent_prepositions")
        self.about_preps = w("about_prepositions")
        self.occur_particles = w("occur_particles")
        self.referral = w("referral_words")
        self.fact_nouns = w("fact_nouns")
        self.clause_nouns = self.fact_nouns | self.hedge_verbs | self.light_nouns  # nouns that carry a clause
        # what an open question asks for, per dimension ("Wanneer …?" asks for a time)
        self.asks = {
            name.removeprefix("asks_"): sorted((tuple(t.split()) for t in terms), key=len, reverse=True)
            for name, terms in lexicon.word_lists.items()
            if name.startswith("asks_")
        }
        # the verbs an indirect open question hangs on ("Kunt u aangeven wanneer …")
        self.asking_verbs = lexicon.reporting_verbs | w("report_verbs") | self.hedge_verbs
        self.all_frame_words = self.frame_verbs | self.report_verbs | self.negating | self.hedge_verbs | self.restriction | self.light_nouns
        # what a clause that only judges an earlier statement is made of: "Dat klopt", "Daar
        # zie ik geen aanleiding toe", "Daartoe ben ik niet bereid"
        self.judging_predicates = self.frame_verbs | self.light_nouns | self.intention
        self.judging_words = self.judging_predicates | self.negating | self.hedge_verbs | self.statement_nouns | self.speaker | self.modals | self.copulas
        self.pointing = w("pointing_adverbs")
        # Words that never tell two claims apart: frames, light verbs, copulas, modals.
        self.non_content = (
            self.frame_verbs | self.report_verbs | self.light_verbs | self.copulas | self.modals | self.light_nouns | self.articles | self.interrogatives | self.speaker | w("light_grammar_words")
        )

    # ------------------------------------------------------------------ public
    def read(self, parsed: ParsedText, side: str) -> list[Claim]:
        doc = parsed.doc
        if not len(doc) or not doc.has_annotation("DEP"):
            return []
        claims: list[Claim] = []
        for index, sent in enumerate(parsed.sents):
            claims.extend(self._sentence_claims(parsed, index, sent, side, len(claims)))
        return claims

    # ------------------------------------------------------------------ per sentence
    def _sentence_claims(self, parsed: ParsedText, index: int, sent, side: str, numbered: int) -> list[Claim]:
        spans = parsed.spans_in(sent)
        quotes = quote_regions(sent)
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if not words:
            return []
        whole_quote = None
        for qs, qe in quotes:
            inside = sum(1 for t in words if qs <= t.i < qe)
            if inside >= _WHOLE_QUOTE * len(words):
                whole_quote = (qs, qe)
        question = _is_question(sent)
        negators = {sp.start: (sp, q) for sp, q in spans if q.dimension == "polarity" and q.value == "negative"}
        affirmers = {sp.start: (sp, q) for sp, q in spans if q.dimension == "polarity" and q.value == "affirmative"}
        hedged = {i for sp, q in spans if q.dimension == "hedge" for i in range(sp.start, sp.end)}
        # hedges that deny ("op navraag is niet gebleken dat X": X not found)
        denying = {i for sp, q in spans if q.dimension == "hedge" and getattr(self.lex.entry_for_rule(q.rule), "negates", False) for i in range(sp.start, sp.end)}
        out: list[Claim] = []
        answer = self._answer_particle(sent)
        taken: set[int] = {answer[0].i} if answer is not None else set()
        reported_by: set[int] = set()
        asked = self._asked_clause(sent, negators) if question else None
        tops = [(top, False) for top in self._clause_tops(sent)] if asked is None else [(asked[0], False)]
        tops += [(t, True) for t in self._embedded_clauses(sent, {t.i for t, _ in tops})]
        if len(tops) > 1:
            # a verb inside a hedge ("voor zover bekend", "naar ik heb begrepen") carries no
            # claim of its own: the hedge belongs to the claim it hangs on
            # (the sentence's own root stays: "Het is niet mogelijk om X te doen" frames X)
            tops = [(t, e) for t, e in tops if t.i not in hedged or (t.dep_ == "ROOT" and not e)] or tops[:1]
        for top, embedded in tops:
            if top.i in taken:
                continue
            frame = _Frame()
            if question:
                frame.stance, frame.stance_rule = "asked", "claim:question"
            if embedded and top.head.i in hedged and _has_mark(top, self.complementizers):
                # a clause governed by a hedge the parse did not make its frame: "Op navraag is
                # niet gebleken dat X" – X, hedged, and not found if the hedge denies
                frame.hedged = True
                frame.tokens.update(i for i in hedged if i < top.i)
                if all(t.i in hedged or t.is_punct for t in sent if t.i < top.i and t.i not in {x.i for x in top.subtree}):
                    embedded = False  # the hedge is all there is around it: X is the sentence's claim
                if top.head.i in denying:
                    frame.flips += 1
                    frame.flip_words.extend(negators[i] for i in sorted(hedged) if i in negators and i < top.i)
                elif self._forms(top.head) & self.can_or_likely and self._negators_of(top.head, negators):
                    # "Het is niet waarschijnlijk dat X": probably not X
                    frame.flips += 1
                    frame.flip_words.extend(self._negators_of(top.head, negators))
            if not question and frame.opened_by is None:
                # "ik zou onderzoeken of X", also where the parse made X the sentence's head
                frame.opened_by = top.head if embedded and self._opens_question(top) else self._surface_question(sent, top)
            opener = self._after_hedge(sent, top, hedged) if not frame.hedged and asked is None else None
            if opener is not None:
                # the same where the parse lost the frame: "Op navraag is niet gebleken dat
                # door medewerkers … gebruik is gemaakt" – the clause after the hedge's "dat"
                frame.hedged = True
                frame.tokens.update(i for i in hedged if i < opener.i)
                frame.tokens.add(opener.i)
                if opener.i - 1 in denying:
                    frame.flips += 1
                    frame.flip_words.extend(negators[i] for i in sorted(hedged) if i in negators and i < opener.i)
            if asked is not None and top.i == asked[0].i:
                frame.tokens.update(asked[1])
                frame.flips, frame.flip_words = len(asked[2]) % 2, list(asked[2])
                frame.stance_rule = "claim:question-frame"
                believed = {i for i in asked[1] if self._forms(sent.doc[i]) & self.belief}
                if believed:
                    # "Verwacht u dat X?", "Deelt u de verwachting dat X?": X asked as an
                    # expectation, so that an answer "De verwachting is dat X" keeps it
                    frame.hedged, frame.hedge_words, frame.hedge_kind = True, believed, _BELIEF_HEDGE
            pred = self._through_frames(top, frame, negators, quotes, hedged, denying)
            reported_by |= frame.report_tokens | frame.tokens
            if pred is None or pred.i in taken:
                continue
            taken.update(frame.tokens & {t.i for t in sent if _is_predicate(t)})
            taken.add(pred.i)
            # "Klopt het dat X en dat Y?", "heeft gezegd dat X en Y": each clause coordinated
            # under the frame is a claim of its own, said under the same frame
            coordinated = self._coordinated_with(pred, sent, taken) if frame.tokens else []
            split_off = {t.i for c in coordinated if pred.i not in {x.i for x in c.subtree} for t in c.subtree}
            for head in (pred, *coordinated):
                taken.add(head.i)
                # the first clause keeps what the parse hung on its head, not the clauses
                # split off from it; a coordinated clause has only its own words
                own = self._own_tokens(pred, sent, frame) - split_off if head.i == pred.i else self._own_tokens(head, sent, _Frame(tokens=frame.tokens))
                claim = self._claim(parsed, sent, index, side, numbered + len(out), head, own, frame, spans, negators, affirmers, quotes, whole_quote)
                if claim is not None:
                    claim.embedded = embedded
                    out.append(claim)
        self._place_leftovers(out, spans, self._compared_tokens(sent) | reported_by)
        self._inherit(out)
        if question and out:
            asks, open_question = self._asks_for(sent), self._opens_with_question_word(sent)
            for claim in out:
                claim.asks_for, claim.open_question = asks, open_question
        if answer is not None and not out:
            # "Nee." on its own: the answer denies the question's claim. It has no
            # predicate of its own; pairing gives it the question's.
            out.append(self._answer_claim(sent, index, side, numbered, answer))
        elif answer is not None:
            # "Nee, …" / "Ja, …": the particle answers the question even where the rest
            # restates it.
            out.insert(0, self._answer_claim(sent, index, side, numbered, answer))
            for n, c in enumerate(out):
                c.id = f"{side}{numbered + n + 1}"
        return out

    @staticmethod
    def _inherit(claims: list[Claim]) -> None:
        """A clause inside a claim is said under that claim's hedges and conditions ("Ik
        verwacht met de maatregel … voldoende vaccins beschikbaar te houden")."""
        for inner in claims:
            if not inner.embedded:
                continue
            for host in claims:
                if host is inner or host.embedded or not (host.start_char <= inner.start_char and inner.end_char <= host.end_char):
                    continue
                have = {(q.start_char, q.end_char) for q in inner.qualifiers}
                for q in host.qualifiers:
                    if q.dimension in ("hedge", "condition") and (q.start_char, q.end_char) not in have and not (inner.start_char <= q.start_char < inner.end_char):
                        inner.qualifiers.append(q)
                inner.qualifiers.sort(key=lambda q: (q.start_char, q.end_char))

    @staticmethod
    def _place_leftovers(claims: list[Claim], spans, compared: set[int]) -> None:
        """A qualifier the parse hangs outside every clause still belongs to the sentence's
        claim: give it to the first claim of the sentence that speaks for itself."""
        host = next((c for c in claims if not c.embedded and c.stance not in ("quoted", "retracted") and c.reference is None), None)
        if host is None:
            return
        placed = {(q.start_char, q.end_char, q.dimension) for c in claims for q in c.qualifiers}
        for span, q in spans:
            if q.dimension == "polarity" or span.start in compared or (q.start_char, q.end_char, q.dimension) in placed:
                continue
            if host.start_char <= q.start_char and q.end_char <= host.end_char or not any(
                c.start_char <= q.start_char and q.end_char <= c.end_char for c in claims
            ):
                host.qualifiers.append(q)
        host.qualifiers.sort(key=lambda q: (q.start_char, q.end_char))

    def _coordinated_with(self, pred, sent, taken: set[int]) -> list:
        """The clauses coordinated with a claim under its frame: its "conj" predicates, and
        every "en dat Y" after it, wherever the parse hung Y."""
        doc = sent.doc
        found = {c.i: c for c in pred.children if c.dep_ == "conj" and self._coordinated_clause(c)}
        for tok in doc[pred.i + 1 : sent.end]:
            if tok.lower_ not in self.complementizers or doc[tok.i - 1].pos_ != "CCONJ":
                continue
            # "en dat Y"; "maar dat Y", where the parse makes "dat" part of "maar"
            head = tok.head if tok.dep_ == "mark" else tok.head.head if tok.dep_ == "fixed" and tok.head.pos_ == "CCONJ" else None
            if head is not None and head.i > tok.i and (_is_predicate(head) or head.dep_ == "conj"):
                found.setdefault(head.i, head)
        return [t for i, t in sorted(found.items()) if i not in taken and i != pred.i]

    def _coordinated_clause(self, tok) -> bool:
        """A clause coordinated with another: "en dat Y", or a finite verb of its own ("gebruikt
        en verkoopt"); not a "te" infinitive inside a noun phrase ("en te verwachten nevenschade")."""
        if _has_mark(tok, self.complementizers):
            return _is_predicate(tok)
        return tok.pos_ in _VERBAL and (_heads_clause(tok) or _is_finite(tok)) and not _is_infinitival(tok)

    def _asks_for(self, sent) -> tuple[str, ...]:
        """The dimensions an open question asks for: "Wanneer verwacht u …?" asks for a
        time, "Door wie …?" for an actor. A question word asks where it opens the question,
        where it opens a further one after a comma or "en" with its verb right after it ("In
        hoeverre en op welke wijze wordt …"), or where it opens an indirect question after a
        verb of telling ("Kunt u aangeven hoeveel …"); not in a condition or a relative
        clause inside the sentence ("… een verschil maken wanneer X", "situaties, waar er
        …") or as an adjective ("Is het waar dat X"). (A condition that opens the sentence,
        "Wanneer de wet ingaat, …", is read as a question: the parse does not tell them apart.)"""
        words = [t for t in sent if not t.is_space and t.text not in ("«", "»", "\"", "'", "(")]
        lowered = [t.lower_ for t in words]
        out = []
        for dim, phrases in self.asks.items():
            for n in range(len(words)):
                match = next((ph for ph in phrases if tuple(lowered[n : n + len(ph)]) == ph), None)
                if match is None or (n + len(match) < len(words) and lowered[n + len(match)] == "dat"):
                    continue
                after = [t for t in words[n + len(match) : n + len(match) + 4] if t.pos_ != "ADV"]
                further = n > 0 and lowered[n - 1] in (",", ";", ":", "en", "of") and bool(after) and after[0].pos_ in ("VERB", "AUX")
                indirect = n > 0 and words[n - 1].pos_ == "VERB" and bool(self._forms(words[n - 1]) & self.asking_verbs)
                if n == 0 or further or indirect:
                    out.append(dim)
                    break
        return tuple(out)

    def _indirect_question(self, pred) -> bool:
        """A clause put as an embedded question ("of X", "… en welk label dit betreft"): its
        first word (after a conjunction) is "of" or a question word that opens no free
        relative ("wat ik bedoelde, is Y" is no question)."""
        if pred.dep_ == "ROOT":
            return False
        if self._opens_question(pred):
            return True
        first = next((t for t in pred.subtree if t.pos_ not in ("CCONJ", "PUNCT")), None)
        return first is not None and first.i < pred.i and first.lower_ in self.interrogatives and first.lower_ not in self.free_relatives

    def _opens_with_question_word(self, sent) -> bool:
        """An open question: a question word opens it, after prepositions at most ("Hoe …",
        "Op welke wijze …", "Door wie …", "In hoeverre …")."""
        for tok in sent:
            if tok.is_punct or tok.is_space:
                continue
            if tok.lower_ in self.interrogatives:
                return True
            if tok.pos_ != "ADP":
                return False
        return False

    def _answer_particle(self, sent):
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is None:
            return None
        nxt = first.nbor(1) if first.i + 1 < len(first.doc) else None
        if nxt is not None and not (nxt.is_punct or nxt.is_space or nxt.i >= sent.end):
            return None  # "Nee" must stand apart: "Nee, …", "Nee."
        low = first.lower_
        if low in self.answer_no:
            return first, "negative"
        if low in self.answer_yes:
            return first, "positive"
        return None

    def _answer_claim(self, sent, index: int, side: str, numbered: int, answer) -> Claim:
        tok, polarity = answer
        particle = self._phrase_qualifier(tok, tok, sent, "answer-" + ("no" if polarity == "negative" else "yes"), "claim:answer-particle")
        return Claim(
            id=f"{side}{numbered + 1}",
            side=side,
            sentence=index,
            predicate="",
            predicate_text=tok.text,
            polarity=polarity,
            polarity_rule="claim:answer-particle",
            stance="asserted",
            stance_rule="claim:answer-particle",
            text=tok.text,
            start_char=tok.idx - sent.start_char,
            end_char=tok.idx + len(tok.text) - sent.start_char,
            polarity_words=(tok.text,) if polarity == "negative" else (),
            polarity_qualifiers=[particle] if polarity == "negative" else [],
            reference="answer",
            predicate_start=particle.start_char,
            predicate_end=particle.end_char,
        )

    def _clause_tops(self, sent) -> list:
        """The root and its coordinated predicates ("… zijn niet benaderd, en hebben geen
        producten afgenomen": two claims), and clauses set beside the root."""
        root = sent.root
        tops = [root]
        for tok in sent:
            if tok.i == root.i or tok.dep_ not in ("conj", "parataxis") or not (_is_predicate(tok) or tok.pos_ in _VERBAL):
                continue
            # coordinated with the main clause: no clause boundary between it and the root
            # ("… benaderd door Clearview, niet op de hoogte van contacten …, en … geen
            # relatie aangegaan" hangs the last verb under a noun)
            head, main = tok.head, True
            for _ in range(12):
                if head.i == root.i:
                    break
                if head.dep_ in ("advcl", "acl", "acl:relcl", "ccomp", "csubj", "xcomp") and head.pos_ in _VERBAL:
                    # a finite clause cannot be coordinated with an infinitive: "kunnen
                    # ervoor kiezen om … onder te brengen …, en zijn zo niet gebonden aan de WNT"
                    main = _is_infinitival(head) and _is_finite(tok)
                    break
                head = head.head
            if main:
                tops.append(tok)
        if root.pos_ not in _VERBAL and not _is_predicate(root) and len(tops) > 1:
            # A fragment root ("Minister X: «…»") with a clause beside it: the clause claims.
            tops.remove(root)
        return sorted(tops, key=lambda t: t.i)

    def _asked_clause(self, sent, negators: dict):
        """A question that opens with its verb and asks about a clause ("Klopt het dat X?",
        "Deelt u de mening dat X?", "Kunt u bevestigen dat X?", "Is het waar dat X?"): the
        clause after the first "dat"/"of" is what it asks to confirm. Read from the words,
        because the parse of a sentence that opens with its verb is often off. Returns the
        clause's head, the frame's tokens and the negations in the frame."""
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if not words or not words[0].is_title:
            return None
        for tok in words[1:14]:
            following = sent.doc[tok.i + 1] if tok.i + 1 < sent.end else None
            if tok.lower_ in self.complementizers and (tok.pos_ == "SCONJ" or tok.dep_ == "mark" or (following is not None and following.pos_ not in ("NOUN", "ADJ", "PROPN"))):
                end = sent.end
                while end > tok.i + 2 and sent.doc[end - 1].is_punct:
                    end -= 1
                if end <= tok.i + 1:
                    return None
                head = sent.doc[tok.i + 1 : end].root
                if not (_is_predicate(head) or head.pos_ in ("ADJ", "NOUN", "VERB", "AUX")):
                    return None
                frame = set(range(sent.start, tok.i + 1))
                flips = [negators[i] for i in sorted(frame) if i in negators]
                # "Kunt u uitsluiten dat X?", "Ontkent u dat X?": the question is whether X does not hold
                flips += [t for t in sent.doc[sent.start : tok.i] if t.pos_ in _VERBAL | {"PROPN", "NOUN"} and (infinitives(t.lower_) | {t.lemma_.lower()}) & self.negating]
                return head, frame, flips
            if tok.pos_ in ("VERB", "AUX") and tok.i > words[0].i + 1 and tok.lower_ not in self.all_frame_words | self.modals:
                break  # a verb of its own before any "dat": not a clause frame
        # "Bent u bereid X te doen?", "Is het mogelijk X te …?": the "te" infinitive after
        # an intention or permission word
        opener = next((t for t in words[1:6] if t.lower_ in self.intention | self.permission or t.lemma_.lower() in self.intention | self.permission), None)
        if opener is None:
            return None
        for tok in sent.doc[opener.i + 1 : sent.end - 1]:
            if tok.lower_ == "te" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].pos_ in ("VERB", "AUX"):
                head = sent.doc[tok.i + 1]
                frame = set(range(sent.start, opener.i + 1))
                flips = [negators[i] for i in sorted(frame) if i in negators]
                return head, frame, flips
            if tok.lower_ in self.complementizers | self.clause_openers | self.clause_breaks or tok.text in (";", ":"):
                return None
        return None

    def _opens_question(self, clause) -> bool:
        """Is this clause an indirect question ("of de politie de software gebruikt")?"""
        first = min(t.i for t in clause.subtree)
        if any(c.lower_ in self.open_complementizers and (c.dep_ == "mark" or (c.dep_ == "cc" and c.i == first and clause.dep_ in _COMPLEMENT_DEPS)) for c in clause.children):
            return True  # the parse often reads this "of" as "or"
        before = clause.doc[first - 1] if first > clause.sent.start else None
        return before is not None and before.lower_ in self.open_complementizers and before.pos_ == "SCONJ"

    def _surface_question(self, sent, top):
        """The verb of "bezien of X" read from the words, for a clause head X the parse did
        not put under it: a verb, then "of", then a clause with a subject of its own before
        X ("Wel is door mijn ministerie bezien of gemeenten … toepassen")."""
        for tok in sent.doc[sent.start + 1 : top.i]:
            if tok.lower_ not in self.open_complementizers or sent.doc[tok.i - 1].pos_ not in _VERBAL:
                continue
            between = sent.doc[tok.i + 1 : top.i]
            if any(t.pos_ in ("NOUN", "PRON", "PROPN") for t in between) and not any(
                t.lower_ in self.complementizers | self.clause_breaks or t.text in (";", ":") or (t.pos_ == "VERB" and t.dep_ not in ("amod", "acl")) for t in between
            ):
                return sent.doc[tok.i - 1]
        return None

    def _after_hedge(self, sent, top, hedged: set[int]):
        """The "dat"/"of" that opens the clause of ``top`` straight after a hedge (read from
        the words: the hedge ends where the complementizer begins), or None."""
        for tok in sent.doc[sent.start : top.i]:
            if tok.lower_ in self.complementizers and tok.i > sent.start and tok.i - 1 in hedged and tok.i not in hedged:
                between = sent.doc[tok.i + 1 : top.i]
                if not any((t.lower_ in self.complementizers and t.pos_ == "SCONJ") or t.lower_ in self.clause_breaks or t.text in (";", ":") for t in between):
                    return tok
        return None

    def _embedded_clauses(self, sent, tops: set[int]) -> list:
        """Clauses inside a claim that may carry a claim of their own: "omdat zij beweerde
        dat X", a clause set beside another. They take part in matching, but a reader is
        not told they were dropped when nothing matches them."""
        out = []
        for t in sent:
            if t.i in tops or t.dep_ not in ("advcl", "ccomp", "parataxis", "csubj") or t.pos_ not in _VERBAL:
                continue
            if any(c.dep_ == "mark" and c.lower_ in self.clause_openers for c in t.children):
                continue  # a condition or a purpose is a slot of its host, not a claim
            out.append(t)
        return out

    def _negators_of(self, pred, negators: dict) -> list:
        """Negation words whose clause is this predicate's (``niet`` and ``geen`` on one
        predicate are one negation; a negation inside a subordinate clause is that
        clause's)."""
        out = []
        for start, (span, q) in negators.items():
            if clause_head(span.doc[start]).i == pred.i and not _negates_attribute(span.doc[start]):
                out.append((span, q))
        return out

    def _through_frames(self, pred, frame: _Frame, negators: dict, quotes, hedged: set[int], denying: set[int] = frozenset()):
        """Follow modal verbs and frames down to the clause that carries the claim."""
        for _ in range(_MAX_FRAMES):
            lemma = pred.lemma_.lower()
            # a word the parse made the clause's head in place of its verb
            verb = self._participle_of(pred) if lemma in self.auxiliaries else self._verb_under_noun(pred)
            if verb is not None:
                negs = self._negators_of(pred, negators)
                frame.flips += 1 if negs else 0  # "niet" and "geen" on one head are one denial
                frame.flip_words.extend(negs)
                frame.lifted.add(pred.i)
                pred = verb
                continue
            if lemma in self.modals:
                inner = next((c for c in pred.children if c.dep_ == "xcomp" and c.pos_ in _VERBAL), None)
                if inner is not None:
                    frame.tokens.add(pred.i)
                    pred = inner
                    continue
            kind = self._frame_kind(pred, frame, hedged)
            complement = self._complement(pred, quotes if kind == "report" else (), hedged)
            if complement is None:
                return pred
            if kind is None:
                return pred
            if kind == "belief" and not (_has_mark(complement, self.complementizers) or self._forms(pred) & self.belief):
                return pred  # "een inschatting maken van … en te verwachten nevenschade": no clause believed
            negs = self._negators_of(pred, negators)
            # the frame is the frame word's clause: not its complement, and not a clause set
            # beside it ("…, al haastte hij zich te zeggen dat …")
            beside = {t.i for c in pred.children if c.dep_ in ("parataxis", "conj") and c.i != complement.i and _is_predicate(c) for t in c.subtree}
            small = self._small_clause(pred)
            if small is not None and small.i == complement.i:
                # what the verb says it of, and when and why, are the claim's; only who
                # judges is the frame's
                said_of = {t.i for c in pred.children if c.dep_ not in ("nsubj", "punct", "aux", "cop") and c.i != complement.i for t in c.subtree}
                beside |= said_of
                frame.small_clause |= said_of
            frame.tokens.update(t.i for t in pred.subtree if t.i not in {x.i for x in complement.subtree} and t.i not in beside)
            open_question = self._opens_question(complement)
            if frame.stance != "asked" and frame.opened_by is None and open_question:
                frame.opened_by = pred
            if kind == "hedge" and (pred.i in denying or self._hedge_subject(pred, denying)):
                frame.hedged = True  # "op navraag is niet gebleken dat X": X, hedged, not found
                frame.flips += 1
                frame.flip_words.extend(negs)
            elif kind == "hedge" and negs and (denied_by := self._forms(pred) & self.can_or_likely):
                # "het is niet mogelijk om X te doen": X cannot be, denied; "het is niet
                # waarschijnlijk dat X": probably not X, denied with a hedge
                frame.flips += 1
                frame.flip_words.extend(negs)
                frame.hedged = bool(denied_by & self.likelihood)
            elif kind == "hedge" and negs:
                frame.hedged = True  # "kan niet bevestigen dat X": X left open
                # the negation and the word that promises ("niet garanderen", "geen garantie")
                promise = [c.i for c in pred.children if c.lemma_.lower() in self.hedge_verbs] or [pred.i]
                frame.hedge_words = {*promise, *(i for sp, _ in negs for i in range(sp.start, sp.end))}
            elif kind == "belief":
                # "Het kabinet verwacht dat X", "Het is de verwachting dat X": X, expected; and
                # "Ik verwacht niet dat X": not X, expected (the negation is the clause's)
                if negs:
                    frame.flips += 1
                    frame.flip_words.extend(negs)
                frame.hedged = True
                believed = [c.i for c in pred.children if self._forms(c) & self.belief] or [pred.i]
                frame.hedge_words, frame.hedge_kind = set(believed), _BELIEF_HEDGE
            elif kind == "negating":
                frame.flips += 1
                frame.flip_words.append(pred)  # the negating verb itself
                if negs:
                    # a negated negating verb ("ik ontken niet dat X") affirms X
                    frame.flips += 1
                    frame.flip_words.extend(negs)
            elif negs and kind != "question" and not open_question:
                # ("ik weet niet of X" leaves X open: it does not deny it)
                # a negation in the frame of a question does not deny what it asks about:
                # "Is het niet zo dat X?" and "Waarom spreekt u niet over Y als X?" ask about X
                frame.flips += 1
                frame.flip_words.extend(negs)  # (span, qualifier) pairs
            if kind == "report":
                frame.report_tokens.update(t.i for t in pred.subtree if t.i not in {x.i for x in complement.subtree})
            if kind == "report" and frame.stance is None:
                subject = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
                past = any(c.dep_ in ("aux", "cop") and c.lemma_.lower() == "hebben" for c in pred.children) or "Past" in pred.morph.get("Tense")
                if subject is not None and subject.lower_ not in self.speaker:
                    frame.stance, frame.stance_rule = "reported", f"claim:report:{lemma}"
                    frame.attribution = _phrase(subject)
                elif past:
                    frame.stance, frame.stance_rule = "reported", f"claim:report:{lemma}"
            if kind == "restriction" and frame.stance is None:
                frame.stance, frame.stance_rule = "restricted", f"claim:restriction:{lemma}"
            pred = complement
        return pred

    def _hedge_subject(self, pred, hedged: set[int]) -> bool:
        """A verb of being whose subject (or the particle the parse made of "bekend") is a
        hedge, or a light verb whose object is one ("Er zijn mij geen signalen bekend dat X",
        "Het kabinet heeft momenteel geen aanwijzingen dat X"): the hedge frames the clause."""
        lemma = pred.lemma_.lower()
        if lemma in self.being_verbs:
            roles = ("nsubj", "nsubj:pass", "compound:prt")  # "Er zijn … bekend": the particle too
        elif lemma in self.light_verbs:
            roles = ("obj",)
        else:
            return False
        return any(c.i in hedged for c in pred.children if c.dep_ in roles)

    def _complement(self, pred, quotes=(), hedged: set[int] = frozenset()):
        """The clause a word governs as its complement ("dat X", "X te doen"), also where
        the parse hangs it from a particle or second verb of the frame ("liet … weten dat
        X"); for a report, also words quoted as what was said («Geen geld naar de Grieken»,
        hield Rutte vol)."""
        holders = [pred, *(c for c in pred.children if c.dep_ in ("compound:prt", "xcomp") and c.lemma_.lower() in self.frame_verbs | self.report_verbs)]
        for holder in holders:
            small = self._small_clause(holder)
            if small is not None:
                return small  # "Ik vind [het inzetten van X] niet noodzakelijk": X is not necessary
            for c in holder.children:
                if c.dep_ in _COMPLEMENT_DEPS and _is_predicate(c):
                    if c.dep_ == "xcomp" and not any(t.lower_ == "te" or t.dep_ == "mark" for t in c.children) and c.pos_ not in _VERBAL:
                        continue
                    if _has_mark(c, self.condition_openers):
                        continue  # "lijkt niet van waarde als het gaat om X": a condition, not what is said
                    return c
        for c in pred.children:
            # a "dat"/"of" clause or a "te" infinitive the parse labelled otherwise is
            # still the complement
            if c.i > pred.i and not c.is_punct and c.dep_ in _CLAUSE_DEPS | {"obj", "obl", "nsubj"} and (
                _has_mark(c, self.complementizers) or (c.pos_ in _VERBAL and any(g.lower_ == "te" and g.i == c.i - 1 for g in c.children))
            ):
                return c
        for c in pred.children:
            # "Bent u bekend met het bericht dat X?": the clause of a fact noun
            noun = c.lemma_.lower()
            if c.dep_ in ("obl", "obj", "nsubj", "nmod") and noun in self.clause_nouns:
                inner = next((g for g in c.children if g.i > c.i and (g.dep_ in ("acl", "ccomp", "acl:relcl") or _has_mark(g, self.complementizers))), None)
                # "er is geen aanleiding om X te doen": a light noun's "te" infinitive too
                if inner is not None and (_has_mark(inner, self.complementizers) or (noun in self.light_nouns and _is_infinitival(inner))):
                    return inner
        for c in pred.children:
            if c.dep_ in ("ccomp", "parataxis", "obj", "nsubj") and any(qs <= c.i < qe for qs, qe in quotes):
                return c
        return self._surface_complement(pred, hedged)

    def _small_clause(self, verb):
        """The adjective or noun a judging verb says of its object ("vind [X] niet
        noodzakelijk", "acht [een verbod] niet proportioneel"), or None."""
        if verb.lemma_.lower() not in self.small_clause_verbs or not any(c.dep_ == "obj" for c in verb.children):
            return None
        return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("ADJ", "NOUN")), None)

    def _surface_complement(self, pred, hedged: set[int] = frozenset()):
        """Where the parse lost the structure, the words still show it: the clause opened
        by the first "dat"/"of" after the frame word, up to the end of the sentence."""
        sent = pred.sent
        for tok in pred.doc[pred.i + 1 : sent.end]:
            if tok.lower_ in self.complementizers and tok.i > pred.i + 1 and pred.doc[tok.i - 1].pos_ == "CCONJ":
                return None  # "… onwenselijk vinden en dat zij sommeren": a clause beside, not the frame's
            if tok.lower_ in self.complementizers and (tok.pos_ == "SCONJ" or tok.dep_ == "mark"):
                end = sent.end
                while end > tok.i + 2 and pred.doc[end - 1].is_punct:
                    end -= 1
                if end <= tok.i + 1:
                    return None
                return _clause_head_of(pred.doc[tok.i + 1 : end], pred, hedged)
            if tok.text in (";", ":") or tok.lower_ in self.clause_breaks:
                return None
        return None

    def _frame_kind(self, pred, frame: _Frame, hedged: set[int] = frozenset()) -> str | None:
        lemma = pred.lemma_.lower()
        low = pred.lower_
        words = self._forms(pred)
        if pred.i in hedged or self._hedge_subject(pred, hedged):
            return "hedge"  # "het is niet uit te sluiten dat X", "het lijkt erop dat X"
        # the noun or adjective a copula or light verb frames with ("ben van mening dat",
        # "is de bedoeling dat", "ben bereid te")
        for c in pred.children:
            if c.dep_ in ("obj", "obl", "nmod", "xcomp") and c.pos_ in ("NOUN", "ADJ", "ADV") or (
                c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN" and lemma in self.being_verbs
            ):
                words |= {c.lemma_.lower(), c.lower_}
        if words & self.restriction and (pred.pos_ in _VERBAL or {lemma, low} & self.restriction) and self._points_back(pred):
            return "restriction"
        if any(w.startswith("voorkom") for w in (lemma, *infinitives(low))) and (any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() == "zijn" for c in pred.children) or any(c.dep_ == "compound:prt" and c.lower_ in self.occur_particles for c in pred.children)):
            return "frame"  # "het is niet eerder voorgekomen dat X": X did not happen
        if words & self.existential and pred.pos_ in _VERBAL and any(c.dep_ in ("expl", "expl:pv") or c.lower_ == "het" for c in pred.children):
            return "frame"  # "het gebeurt dat X", "het komt voor dat X"
        if words & self.light_nouns:
            return "frame"  # "er is geen sprake van dat X": not X
        if words & self.negating:
            return "negating"
        if words & self.hedge_verbs:
            return "hedge"
        if words & self.belief:
            return "belief"
        if words & self.intention:
            return "intention"
        if words & self.report_verbs:
            return "report"
        if words & self.frame_verbs or words & self.permission:
            return "frame"
        if frame.stance == "asked" and frame.stance_rule == "claim:question" and pred.dep_ == "ROOT":
            return "question"  # "Kunt u aangeven of X?", "Is het mogelijk dat X?"
        return None

    def _judges_only(self, pred, carrier, forms: set[str], own: set[int], pointer) -> bool:
        """The clause says nothing but a judgement of what it points at ("Dat klopt", "Die
        mening deel ik niet", "Daartoe ben ik bereid"), not a claim of its own that happens
        to contain a pointing word ("Hiervoor is goede regionale samenwerking nodig")."""
        doc = pred.doc
        pointed = {t.i for t in pointer.subtree}
        if pred.pos_ == "VERB" and forms & self.frame_verbs:
            # who judges is no content of the judgement: "Het kabinet deelt deze opvatting niet"
            pointed |= {t.i for c in pred.children if c.dep_ == "nsubj" for t in c.subtree}
        # what follows a coordination is another clause, whatever the parse made of it ("Ik
        # verwerp elke suggestie … en wijs de indiener op …")
        after = max(pred.i, carrier.i, pointer.i)
        cut = next((t.i for t in doc[after : pred.sent.end] if t.pos_ == "CCONJ" or t.text in (",", ";")), pred.sent.end)
        for i in own:
            t = doc[i]
            if i >= cut or i in pointed or i in (pred.i, carrier.i) or t.pos_ not in _CONTENT_POS or t.dep_ == "advmod":
                continue  # how firmly it judges is no content either: "Ik verwerp expliciet …"
            if not (self._forms(t) & self.judging_words):
                return False
        return True

    def _declines_comment(self, pred, carrier, frame: _Frame) -> bool:
        """The speaker declines to comment: a word of the lexicon's declining list carries
        the clause (or is its object: "geen uitspraken doen") and the subject is the speaker."""
        words = self._forms(pred) | self._forms(carrier) | {c.lemma_.lower() for c in (*pred.children, *carrier.children) if c.dep_ in ("obj", "obl")}
        if not words & self.declining:
            return False
        doc = pred.doc
        subjects = [c for t in (pred, carrier, *(doc[i] for i in frame.tokens)) for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")]
        return any(c.lower_ in self.speaker for c in subjects)

    def _pending(self, pred, own: set[int]) -> bool:
        """The decision is still to be taken: a word of deciding is denied in the clause
        ("nog niet besloten", "nog geen besluit genomen", "geen standpunt ingenomen"),
        whatever the parse made the clause's head."""
        if self._forms(pred) & self.pending:
            return True
        doc = pred.doc
        return any(doc[i].lemma_.lower() in self.pending and any(c.lower_ in self.lex.negations for c in doc[i].children) for i in own)

    def _judgement(self, pred, forms: set[str], negative: bool, pointer) -> str | None:
        """What a clause that judges an earlier statement does with it: "endorsement" (or,
        negated, a rejection: "Dat klopt niet", "Daarvan is geen sprake"), "rejection" by a
        denying verb ("Ik verwerp die suggestie"), or "left-open" ("Dat kan ik niet
        bevestigen", "Dat is niet vastgesteld"); None when it does not judge. ``forms``: those
        of the predicate and of the word that carries it."""
        if negative and forms & self.hedge_verbs:
            subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")]
            # the speaker, or the statement itself in a passive; "het aantal meldingen zegt
            # niets over …" is no answer to what was said
            if any(c.lower_ in self.speaker or c.i == pointer.i for c in subjects):
                return "left-open"
            return None
        if forms & self.judging_predicates:
            return "endorsement"
        if not negative and forms & self.rejecting:
            return "rejection"
        return None

    def _points_back(self, pred) -> bool:
        """Does the clause talk about an earlier statement ("die zin", "daarmee", «…»)?"""
        return self._statement_reference(pred) is not None

    def _statement_reference(self, *preds, skip: set[int] = frozenset()):
        """The word by which a clause points at an earlier statement: a statement noun as
        subject or object ("die zin", "mijn woorden"), a demonstrative standing alone
        ("dat is onjuist"), or a pointing adverb ("ik zeg daar sorry voor"); not a word of a
        definition ("in de zin van …", ``skip``)."""
        for pred in preds:
            for c in pred.children:
                low, lemma = c.lower_, c.lemma_.lower()
                if c.i in skip:
                    continue
                if low in self.pointing:
                    return c
                if c.dep_ not in ("nsubj", "nsubj:pass", "obj", "obl", "nsubj:pv"):
                    # (the cheap test first: this runs for every word a predicate governs)
                    if low in self.statement_nouns and c.i == c.sent.start and self._stands_alone(c) and (c.dep_ != "mark" or pred.dep_ == "ROOT"):
                        # "Dat acht ik niet wenselijk", whatever the parse made of "Dat"; not
                        # "Dat er geen sprake is van fraude, blijkt …" (a clause)
                        return c
                    continue
                if lemma in self.statement_nouns and (c.pos_ in ("NOUN", "PROPN") or (c.pos_ == "ADJ" and len(lemma) > 4)):
                    return c  # "die zin", also where the tagger missed the noun ("Dat bericht")
                if c.pos_ in ("PRON", "DET") and low in self.statement_nouns:
                    return c
        return None

    @staticmethod
    def _stands_alone(tok) -> bool:
        """A demonstrative not followed by what it would determine: "Dat klopt", not "Dat
        bericht" or "Dat de politie …"."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "PRON") and not nxt.is_punct

    def _forms(self, tok) -> set[str]:
        """Every form under which a word is looked up in the lexicon's lists: its lemma, its
        form, both joined with a separable particle ("trek … in" → intrekken), and the
        infinitives its spelling leads to (the parser's lemma is not always right)."""
        lemma, low = (tok.lemma_ or tok.lower_).lower(), tok.lower_
        joined = {self._with_particle(tok, low), self._with_particle(tok, lemma)}
        # "stelt … in" is instellen, not stellen: with a particle, only the joined verb counts
        forms = joined if joined != {low, lemma} else {lemma, low}
        return forms | {v for w in tuple(forms) for v in infinitives(w)}

    def _with_particle(self, tok, base: str) -> str:
        particle = next((c.lower_ for c in tok.children if c.dep_ == "compound:prt" and c.lower_ in self.particles), "")
        prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
        if not particle and prev is not None and prev.lower_ in self.particles and prev.pos_ == "ADP" and prev.head.i < prev.i:
            # "dat dit overdeclaratie uit lokt": a preposition right before the verb whose
            # noun lies behind it is the verb's particle, written apart
            particle = prev.lower_
        if particle and not base.startswith(particle) and base != tok.lower_ and base.endswith(tok.lower_) and tok.lower_.endswith("en"):
            base = tok.lower_  # "aan te passen" lemmatized "toepassen": another particle glued on
        return base if not particle or base.startswith(particle) else particle + base

    def _own_tokens(self, pred, sent, frame: _Frame) -> set[int]:
        """The claim's clause: its predicate's subtree without coordinated claims, with the
        other dependents of a word the parse made its head in its place (an auxiliary, a
        nominal infinitive) and what a small clause is said of."""
        skip = set()
        heads = [pred, *(sent.doc[i] for i in frame.lifted)]
        for head in heads:
            for c in head.children:
                if c.dep_ in ("conj", "parataxis") and _is_predicate(c) and c.i != pred.i:
                    skip.update(t.i for t in c.subtree)
        inside = {t.i for head in heads for t in head.subtree} | frame.small_clause
        return {i for i in inside if i not in skip and i not in frame.tokens}

    def _verb_under_noun(self, pred):
        """The clause's verb where the parse made a nominal infinitive its head ("heeft bij
        het vaststellen van de Regeling … de legalisatie niet als voorwaarde gesteld", with
        "gesteld" under "vaststellen"); None for an ordinary verb."""
        if pred.pos_ != "VERB" or "Inf" not in pred.morph.get("VerbForm"):
            return None
        if not (any(c.dep_ == "det" and c.lower_ in self.articles for c in pred.children) and any(c.dep_ == "case" for c in pred.children)):
            return None
        verbs = [t for t in pred.subtree if t.i > pred.i and t.pos_ == "VERB" and t.dep_ not in ("acl", "acl:relcl", "amod", "advcl") and ({"Part", "Fin"} & set(t.morph.get("VerbForm")))]
        return verbs[-1] if verbs else None

    def _participle_of(self, aux):
        """The past participle an auxiliary governs where the parse made the auxiliary the
        clause's head and the participle its subject or object ("Er zijn geen personen
        gearresteerd"); None where the auxiliary stands as a verb of its own."""
        if aux.dep_ in ("aux", "aux:pass", "cop"):
            return None
        parts = [c for c in aux.children if c.i > aux.i and c.pos_ == "VERB" and "Part" in c.morph.get("VerbForm") and c.dep_ in _LOST_PARTICIPLE_DEPS]
        others = [c for c in aux.children if c.dep_ in ("obj", "xcomp", "ccomp") and c.pos_ in ("NOUN", "PROPN", "ADJ") and not any(c.i == p.i for p in parts)]
        return parts[0] if len(parts) == 1 and not others else None

    # ------------------------------------------------------------------ the claim
    def _claim(self, parsed, sent, index, side, number, pred, own, frame, spans, negators, affirmers, quotes, whole_quote) -> Claim | None:
        doc = sent.doc
        key, carrier = self._predicate(pred)
        negs = self._negators_of(pred, negators)
        if carrier.i != pred.i:
            negs += [n for n in self._negators_of(carrier, negators) if n not in negs]
        affirms = [(sp, q) for start, (sp, q) in affirmers.items() if start in own and clause_head(doc[start]).i in (pred.i, carrier.i)]
        # a verb that denies by itself ("een grondslag ontbreekt") is one negation; "niet" on
        # it is a second ("de capaciteit ontbreekt niet": there is capacity)
        self_negating = any(self._forms(t) & self.self_negating for t in {pred.i: pred, carrier.i: carrier}.values())
        # "onmogelijk", "onjuist": an adjective that denies by its prefix is the claim about
        # its stem, denied; "niet onbekend" is then a double negation (litotes)
        unprefixed = self._unprefixed(carrier)
        if unprefixed is not None:
            key, self_negating = unprefixed, True
        ordinary = [(sp, q) for sp, q in negs if not (sp.start in (pred.i, carrier.i) and self._forms(doc[sp.start]) & self.self_negating)]
        negative = bool(ordinary) != self_negating
        if ordinary and self_negating:
            rule = "claim:double-negation"
        else:
            rule = "claim:negation" if ordinary else ("claim:negating-predicate" if self_negating else "claim:no-negation")
        if frame.flips % 2:
            negative = not negative
            rule = "claim:frame-negation" if not negs else "claim:double-negation"
        elif frame.flips:
            rule = "claim:double-negation"
        polarity = "negative" if negative else "positive"
        polarity_quals = [q for _, q in negs]
        if unprefixed is not None:
            polarity_quals.append(self._phrase_qualifier(carrier, carrier, sent, "negating-prefix", "claim:negating-prefix"))
        for word in frame.flip_words:
            if isinstance(word, tuple):
                polarity_quals.append(word[1])
            else:
                polarity_quals.append(self._token_qualifier(word, sent))
        if affirms and not negative:
            polarity_quals += [q for _, q in affirms]
            rule = "claim:affirmation"
        polarity_quals.sort(key=lambda q: q.start_char)
        polarity_words = tuple(q.text for q in polarity_quals)
        # Stance: asked, quoted, reported, retracted, restricted, else asserted.
        stance, stance_rule, attribution = frame.stance or "asserted", frame.stance_rule or "claim:asserted", frame.attribution
        in_quote = next(((qs, qe) for qs, qe in quotes if qs <= pred.i < qe), None)
        if whole_quote is not None and in_quote == whole_quote:
            lead = [t for t in sent if t.i < whole_quote[0] - 1 and not t.is_punct]
            colon = any(t.text == ":" for t in sent if t.i < whole_quote[0])
            if lead and colon:
                stance, stance_rule, attribution = "reported", "claim:quote-attributed", " ".join(t.text for t in lead)
        elif in_quote is not None and stance not in ("asked", "reported"):
            reporter = self._reporter_outside(sent, quotes)
            if reporter is not None:
                # «Dat is het verkeerde getal», zei ze: the quote is what she said
                stance, stance_rule = "reported", "claim:quote-reported"
                subject = next((c for c in reporter.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
                attribution = _phrase(subject) if subject is not None and subject.lower_ not in self.speaker else None
            else:
                stance, stance_rule = "quoted", "claim:in-quotes"
        elif in_quote is not None and stance == "asked" and in_quote[0] > sent.start and any(t.text == ":" for t in sent.doc[max(sent.start, in_quote[0] - 3) : in_quote[0]]):
            # "Klopt het dat … volstaat indien een decaan schrijft: «…»?": the question
            # quotes those words, it does not ask to confirm them
            stance, stance_rule = "quoted", "claim:in-quotes"
        reference = reversal = None
        if stance in ("asserted", "reported"):
            heads = [doc[i] for i in frame.tokens if doc[i].pos_ in _VERBAL or _is_predicate(doc[i])]
            retracted = self._retraction(pred, carrier, negative, quotes, heads)
            if retracted is not None:
                stance, stance_rule, reference = "retracted", retracted[0], retracted[1]
                words = [pred.i, *(sp.start for sp, _ in negs)]
                reversal = self._phrase_qualifier(doc[min(words)], doc[max(words)], sent, "retraction", stance_rule)
        if stance == "restricted":
            reference = "restriction"
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        opens_with_referral = first is not None and first.lower_ in self.referral
        if stance == "asserted" and reference is None and (opens_with_referral or (self._forms(pred) & self.referral and pred.lower_ not in self.referral)):
            # "Zie het antwoord op vraag 3", "Ik verwijs naar de brief van 22 april"
            reference = "referral"
        elif stance in ("asserted", "asked", "reported") and reference is None:
            words = {pred.lemma_.lower(), pred.lower_, carrier.lemma_.lower(), carrier.lower_}
            defining = {i for sp, q in spans if q.dimension == "definition" for i in range(sp.start, sp.end)}
            pointer = self._statement_reference(pred, carrier, skip=defining)
            if pointer is not None and words & self.restriction and not self._indirect_question(pred):
                # "Mijn woorden waren niet bedoeld als …", "het ging daarbij om de politie"
                stance, stance_rule, reference = "restricted", f"claim:restriction:{pred.lemma_.lower()}", "restriction"
            elif pointer is not None and self._complement(pred) is None and self._judges_only(pred, carrier, forms := self._forms(pred) | {carrier.lemma_.lower(), carrier.lower_}, own, pointer):
                judgement = self._judgement(pred, forms, negative, pointer)
                if judgement == "rejection":
                    # "Ik verwerp elke suggestie die in deze vragen wordt gedaan": the verb is
                    # the denial
                    reference, polarity = "endorsement", "negative"
                    polarity_quals = [*polarity_quals, self._token_qualifier(pred, sent)]
                    polarity_words = tuple(q.text for q in polarity_quals)
                else:
                    reference = judgement
        if reference is None and stance == "asserted" and negative and (self._declines_comment(pred, carrier, frame) or key in self.knowledge or self._pending(pred, own)):
            # "Over de concrete casus doe ik geen uitspraken", "Ik heb geen overzicht van …",
            # "Het waterschap heeft hierover nog geen besluit genomen": what was asked is left open
            reference = "left-open"
        # What the claim is about.
        tokens = [doc[i] for i in sorted(own)]
        lemmas = []
        for t in tokens:
            lem = (t.lemma_ or t.lower_).lower()
            if t.pos_ in _CONTENT_POS and lem not in self.non_content and t.lower_ not in self.non_content and not t.is_stop and len(lem) > 1:
                lemmas.append(lem)
        arguments = tuple(
            (c.lemma_ or c.lower_).lower()
            for c in (*pred.children, *(carrier.children if carrier.i != pred.i else ()))
            if (c.dep_ in _CORE_DEPS or (c.dep_ == "obl" and any(g.lower_ in self.agent_preps for g in c.children))) and not c.is_space and not c.is_punct
        )
        # Slots: qualifiers of the clause, and the hedges, conditions and modality of
        # its frames. Negation is the claim's polarity, not a slot.
        compared = self._compared_tokens(sent)
        quals: list[Qualifier] = []
        for span, q in spans:
            if q.dimension == "polarity" or span.start in compared:
                continue
            root = span.root.i
            if root in own or (span.start in own and span.end - 1 in own):
                quals.append(q)
            elif q.dimension in _FRAME_DIMENSIONS and (root in frame.tokens or span.start in frame.tokens):
                if q.dimension == "modality" and q.value == "fact":
                    continue  # "liet weten", "klopt": the frame's own verb is not the claim's modality
                quals.append(q)
        if frame.hedged and not any(q.dimension == "hedge" for q in quals):
            hedge = next((q for sp, q in spans if q.dimension == "hedge" and sp.start in frame.tokens), None)
            if hedge is not None:
                quals.append(hedge)
            elif frame.hedge_words:
                # no hedge phrase of the lexicon in the frame ("Ik kan niet garanderen dat X",
                # "Dit betekent niet een garantie dat X", "Het kabinet verwacht dat X"): the
                # frame's own words hedge X
                lo, hi = min(frame.hedge_words), max(frame.hedge_words)
                value, rule = frame.hedge_kind
                quals.append(self._phrase_qualifier(doc[lo], doc[hi], sent, value, rule, dimension="hedge"))
        if frame.opened_by is not None and not any(q.dimension == "hedge" for q in quals):
            # "Ik zal nagaan of X": the speaker leaves X open
            marker = next((t for t in doc[frame.opened_by.i : pred.i] if t.lower_ in self.open_complementizers), frame.opened_by)
            quals.append(self._phrase_qualifier(frame.opened_by, marker, sent, "open", "claim:open-question", dimension="hedge"))
        if not any(q.dimension == "actor" for q in quals):
            actor = self._subject_actor(pred, carrier, frame, sent)
            if actor is not None:
                quals.append(actor)
        quals.sort(key=lambda q: (q.start_char, q.end_char))
        words = {i for i in own if not doc[i].is_punct and not doc[i].is_space} | {pred.i}
        lo, hi = min(words), max(words)
        start_char = doc[lo].idx - sent.start_char
        end_char = doc[hi].idx + len(doc[hi].text) - sent.start_char
        text = parsed.sentence_texts[index][start_char:end_char]
        return Claim(
            id=f"{side}{number + 1}",
            side=side,
            sentence=index,
            predicate=key,
            predicate_text=pred.text if carrier.i == pred.i else f"{carrier.text} {pred.text}",
            polarity=polarity,
            polarity_rule=rule,
            stance=stance,
            stance_rule=stance_rule,
            text=text,
            start_char=start_char,
            end_char=end_char,
            qualifiers=quals,
            lemmas=tuple(dict.fromkeys(lemmas)),
            arguments=arguments,
            subject=self._subject_text(pred, carrier),
            argument=self._argument(pred, carrier, sent),
            verb=(pred.lemma_ or pred.lower_).lower() if carrier.i != pred.i else "",
            attribution=attribution,
            polarity_words=polarity_words,
            polarity_qualifiers=polarity_quals,
            reference=reference,
            reversal=reversal,
            predicate_start=carrier.idx - sent.start_char if carrier.i < pred.i else pred.idx - sent.start_char,
            predicate_end=max(pred.idx + len(pred.text), carrier.idx + len(carrier.text)) - sent.start_char,
        )

    def _unprefixed(self, tok) -> str | None:
        """The stem of an adjective whose prefix denies it ("onmogelijk" → "mogelijk",
        "ontevreden" → "tevreden"), or None: the stem must be a Dutch word of four letters
        or more (OpenTaal's list), so "ontzettend" and "online" are not denials."""
        if tok.pos_ != "ADJ":
            return None
        lemma = (tok.lemma_ or tok.lower_).lower()
        if any(lemma.startswith(p) for p in self.not_negating_prefixes):
            return None
        words = word_filter()
        prefix = next((p for p in self.negating_prefixes if lemma.startswith(p) and len(lemma) - len(p) >= 4 and lemma[len(p) :] in words), None)
        return lemma[len(prefix) :] if prefix else None

    def _token_qualifier(self, tok, sent) -> Qualifier:
        return self._phrase_qualifier(tok, tok, sent, "negating-verb", "claim:negating-verb")

    def _phrase_qualifier(self, first, last, sent, value: str, rule: str, dimension: str = "polarity") -> Qualifier:
        """Words of the claim itself as a qualifier (offsets in the sentence)."""
        span = first.doc[first.i : last.i + 1]
        return phrase_qualifier(span, dimension, value, rule, articles=self.articles, origin=sent.start_char)

    def _argument(self, pred, carrier, sent) -> Qualifier | None:
        """The claim's object as a noun phrase: its determiners, modifiers and van-/voor-
        complements, not relative clauses (up to 10 words)."""
        target = carrier if carrier.i != pred.i and carrier.pos_ in ("NOUN", "PROPN") else next(
            (c for c in pred.children if c.dep_ in ("obj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN")), None
        )
        if target is None:
            return None
        words = [target]
        for c in target.children:
            if c.dep_ in ("amod", "compound", "nummod", "det", "nmod:poss", "flat") or (c.dep_ == "nmod" and c.i > target.i):
                words.extend(t for t in c.subtree if not (t.dep_ in ("acl", "acl:relcl") or t.is_punct))
        doc = sent.doc
        # the phrase stops at punctuation: "surveillance, in de zin van …" is a definition
        # beside the object, not part of it
        lo = hi = target.i
        while lo - 1 >= sent.start and any(t.i == lo - 1 for t in words) and not doc[lo - 1].is_punct:
            lo -= 1
        while hi + 1 < sent.end and any(t.i == hi + 1 for t in words) and not doc[hi + 1].is_punct and hi - lo < 10:
            hi += 1
        while lo < hi and doc[lo].lower_ in self.articles | self.lex.negations:
            lo += 1
        return self._phrase_qualifier(doc[lo], doc[hi], sent, "argument", "dep:argument", dimension="object")

    def _subject_actor(self, pred, carrier, frame: _Frame, sent) -> Qualifier | None:
        """Who the claim is about, where the qualifier component did not mark it (it reads
        only the predicates it takes for main ones): the subject of the claim's clause, or
        of the frame that passes it a "te" infinitive ("De politie weigert X te gebruiken"),
        when the lexicon's subject heads know it."""
        doc = sent.doc
        subject = next((c for t in (pred, carrier) for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None and _is_infinitival(pred) and pred.head.i in frame.tokens:
            # the subject of the verb that passes the infinitive, not of any frame above it
            # ("Het kabinet heeft geen aanwijzingen dat Azerbeidzjan plannen heeft om X te doen")
            subject = next((c for c in pred.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None or subject.lower_ in self.speaker:
            return None
        entry = self.lex.head_entry((subject.lemma_ or subject.lower_).lower(), "subject")
        if entry is None:
            return None
        lo = hi = subject.i
        inside = {t.i for t in subject.subtree}
        while lo - 1 >= sent.start and lo - 1 in inside and not doc[lo - 1].is_punct and subject.i - lo < 6:
            lo -= 1
        while hi + 1 < sent.end and hi + 1 in inside and not doc[hi + 1].is_punct and doc[hi + 1].dep_ not in ("acl", "acl:relcl") and hi - subject.i < 6:
            hi += 1
        return self._phrase_qualifier(doc[lo], doc[hi], sent, entry.value, f"dep:subject:{entry.id}", dimension="actor")

    @staticmethod
    def _subject_text(pred, carrier) -> str:
        for tok in (pred, carrier):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if subj is not None:
                return subj.lower_
        return ""

    def _compared_tokens(self, sent) -> set[int]:
        """Tokens inside a comparison ("zoals iedereen in Nederland")."""
        out: set[int] = set()
        for t in sent:
            prev = t.doc[t.i - 1].lower_ + " " if t.i > sent.start else ""
            if t.lower_ in self.comparison or (prev + t.lower_) in self.comparison:
                if t.dep_ in ("case", "mark", "cc", "advmod", "fixed"):
                    out.update(x.i for x in t.head.subtree if x.i >= t.i)
        return out

    def _reporter_outside(self, sent, quotes):
        """A report verb outside the quotes of a sentence ("…», zei ze", "aldus de minister")."""
        for t in sent:
            if any(qs <= t.i < qe for qs, qe in quotes) or t.pos_ not in _VERBAL:
                continue
            if _stem_in(t.lemma_.lower(), self.report_verbs) or _stem_in(t.lower_, self.report_verbs):
                return t
        return None

    def _predicate(self, pred) -> tuple[str, object]:
        """The lemma that carries the claim, and the token it was read from."""
        base = (pred.lemma_ or pred.lower_).lower()
        if pred.pos_ == "VERB" and base == pred.lower_:
            base = infinitive_of(base)  # the lemmatizer left "uitlokt" as it was
        lemma = self._with_particle(pred, base)
        children = list(pred.children)
        if lemma in self.about_verbs:
            about = next((c for c in children if c.dep_ in ("obl", "obj") and any(g.dep_ == "case" and g.lower_ in self.about_preps for g in c.children)), None)
            if about is not None:
                return (about.lemma_ or about.lower_).lower(), about
        # "in gesprek gaan", "in overleg te treden", "ben … in gesprek" (whatever word the
        # parse made the head beside the copula): the noun after its preposition; not where
        # the verb has an object or the copula an adjective of its own ("zijn … in overleg
        # met schoolbesturen volop bezig met …")
        bare_verb = base in self.phrase_verbs and not any(c.dep_ in ("obj", "xcomp", "ccomp") for c in children)
        if bare_verb or (pred.pos_ != "ADJ" and any(c.dep_ == "cop" for c in children)):
            phrase = self._phrase_noun(pred)
            if phrase is not None:
                return phrase.lower_, phrase
        if lemma in self.light_verbs:
            obj = next((c for c in children if c.dep_ in ("obj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None:
                noun = (obj.lemma_ or obj.lower_).lower()
                return self.lex.predicate_phrases.get(f"{noun} {lemma}", noun), obj
        if lemma in self.being_verbs:
            subj = next((c for c in children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN")), None)
            if subj is None and lemma not in self.copulas and not any(c.dep_.startswith("nsubj") for c in children):
                # "heeft een bestuurlijk overleg plaatsgevonden": a verb that takes no object
                # whose subject the parse read as one
                subj = next((c for c in children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")), None)
                if subj is not None:
                    return (subj.lemma_ or subj.lower_).lower(), subj
            has_complement = any(c.dep_ in ("obj", "xcomp", "ccomp") for c in children)
            if subj is not None and not has_complement:
                noun = (subj.lemma_ or subj.lower_).lower()
                if noun in self.light_nouns:
                    inner = next((c for c in subj.children if c.dep_ == "nmod"), None)
                    if inner is not None:
                        return (inner.lemma_ or inner.lower_).lower(), inner
                return noun, subj
        if lemma in self.light_nouns:
            inner = next((c for c in children if c.dep_ == "nmod"), None)
            if inner is not None:
                return (inner.lemma_ or inner.lower_).lower(), inner
        return self.lex.predicate_phrases.get(lemma, lemma), pred

    def _phrase_noun(self, pred):
        """The noun of a phrase like "in gesprek" that ``pred`` governs: right before it, or
        hanging from it by itself or by its preposition (the parse reads "in overleg te
        treden" either way)."""
        doc = pred.doc
        # right before the verb at the end of its clause ("in gesprek te gaan"), whatever the
        # parse hung the phrase on
        end = pred.i - 1 if pred.i > 0 and doc[pred.i - 1].lower_ == "te" else pred.i
        if end >= 2 and (doc[end - 2].lower_, doc[end - 1].lower_) in self.phrase_pairs:
            return doc[end - 1]
        for c in pred.children:
            for tok in (c, *c.children):
                if tok.i == 0 or (doc[tok.i - 1].lower_, tok.lower_) not in self.phrase_pairs:
                    continue
                if pred.i in (tok.head.i, doc[tok.i - 1].head.i, tok.head.head.i):
                    return tok
        return None

    def _retraction(self, pred, carrier, negative: bool, quotes, frame_heads=()) -> tuple[str, str] | None:
        """Is this clause the speaker taking an earlier statement back ("die stelling is
        niet juist", "ik trek die woorden in")? Returns (rule, what it points at)."""
        words = self._forms(pred) | self._forms(carrier) | {c.lower_ for c in carrier.subtree if c.dep_ in ("nmod", "obl") and c.head.i == carrier.i}
        apologies = []
        if pred.pos_ in ("NOUN", "PROPN"):
            # "Dat is het verkeerde getal"
            words |= {c.lemma_.lower() for c in pred.children if c.dep_ == "amod"} | {c.lower_ for c in pred.children if c.dep_ == "amod"}
        else:
            # "Dat bleek anders te zitten", "Dat was te fel"
            words |= {c.lower_ for c in pred.children if c.dep_ in ("advmod", "xcomp") and c.pos_ in ("ADV", "ADJ")}
            # "ik zeg daar sorry voor", "ik heb daar spijt van": the apology is the object
            # (and what points back may hang from it)
            apologies = [c for c in pred.children if c.dep_ == "obj" and c.lower_ in self.retraction]
            words |= {c.lower_ for c in apologies}
            # "is een verkeerde versie van mijn antwoord verstuurd": the statement itself is
            # called wrong
            for arg in pred.children:
                if arg.dep_ in ("nsubj", "nsubj:pass", "obj") and arg.lemma_.lower() in self.statement_nouns:
                    words |= {c.lemma_.lower() for c in arg.children if c.dep_ == "amod"} | {c.lower_ for c in arg.children if c.dep_ == "amod"}
        hit = None
        if words & self.retraction:
            hit = "claim:retraction"
        elif negative and words & self.retraction_negated:
            hit = "claim:retraction-negated"
        if hit is None:
            return None
        if hit == "claim:retraction" and negative and pred.pos_ in _VERBAL and self._forms(pred) & self.retraction:
            return None  # "geen reden om het standpunt te herzien": the statement is kept
        if any(c.lemma_.lower() in self.manner for t in (pred, carrier, *apologies) for c in t.children if c.dep_.split(":")[0] in ("nmod", "obl", "obj", "nsubj")):
            return None  # "Ik heb spijt van de manier waarop ik het gezegd heb": how, not what
        if self._complement(pred) is not None:
            return None  # "Het is onjuist dat X" denies X; it does not retract a statement
        # the pointer may hang from a frame or modal above ("Dat bleek anders te zitten",
        # "Hierbij willen wij onze excuses aanbieden")
        ref = self._statement_reference(pred, carrier, *frame_heads, *apologies)
        if ref is not None:
            return hit, _phrase(ref)
        for qs, qe in quotes:
            if qs - 3 <= pred.i <= qe + 3:
                return hit, "quote"
        return None


def _clause_head_of(span, frame_word, hedged: set[int] = frozenset()):
    """The word that heads a clause cut out by its words: of the words whose head lies
    outside the span, the first predicate that is not part of a hedge ("dat, voor zover
    bekend, er nog geen verzekerden zijn" is headed by "zijn", not "bekend")."""
    tops = [t for t in span if (t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i) and not t.is_punct]
    good = [t for t in tops if t.i not in hedged and (_is_predicate(t) or t.pos_ in _VERBAL)]
    if good:
        return good[0]
    root = span.root
    return root if root.i != frame_word.i and (_is_predicate(root) or root.pos_ in ("ADJ", "NOUN")) else None


def _has_mark(token, marks) -> bool:
    """The clause headed by ``token`` opens with one of ``marks`` (the lexicon's
    complementizers: "dat", "of")."""
    return any(g.dep_ == "mark" and g.lower_ in marks and g.i < token.i for g in token.children)


def _stem_in(form: str, words: frozenset[str]) -> bool:
    """A verb form counts for a listed infinitive when its lemma is one of them, or when its
    spelling leads there (the parser's lemma is not always right)."""
    if form in words:
        return True
    return bool(infinitives(form) & words)


def _phrase(token) -> str:
    """A token's phrase as written (its subtree, up to 8 words)."""
    toks = [t for t in token.subtree][:8]
    return " ".join(t.text for t in toks)


_SPACE = re.compile(r"\s+")
