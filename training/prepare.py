"""Convert the UD Dutch treebanks into spaCy DocBin files for training.

Training data: nl_alpino-ud-test, nl_lassysmall-ud-dev, nl_lassysmall-ud-test and the older
LassySmall train split in ``extra/nl_lassysmall-2017-train-unique.conllu`` (relabelled to
today's conventions, see ``relabel_2017`` below and training/README.md; ``--no-extra``
leaves it out). Every tenth multi-sentence document of those is also written apart as the
*tuning* set (``tune.spacy``) for experiments; ``train-all.spacy`` holds all of them.
nl_alpino-ud-dev is the held-out evaluation set: it is converted only into
``heldout.spacy`` and never seen by the trainer.

Lemmas: UD Alpino marks compound parts with underscores (``politie_organisatie``,
``door_gaan``). The tool matches on the written-together form, so the underscores are
removed before training; the pipeline therefore predicts ``politieorganisatie``.

Usage: python training/prepare.py UD_DIR OUT_DIR [--no-extra]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin
from spacy.training.converters import conllu_to_docs

TRAIN_FILES = (
    "nl_alpino-ud-test.conllu",
    "nl_lassysmall-ud-dev.conllu",
    "nl_lassysmall-ud-test.conllu",
)
EXTRA_FILE = "extra/nl_lassysmall-2017-train-unique.conllu"
HELDOUT_FILE = "nl_alpino-ud-dev.conllu"
# The only training file from the held-out set's own source (Alpino, newspaper text).
IN_DOMAIN_FILE = "nl_alpino-ud-test.conllu"
ALPINO_REPEAT = 3  # measured: see training/README.md
SENTENCES_PER_DOC = 10
TUNE_EVERY = 10

ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)


def normalise_lemma_column(conllu: str) -> str:
    """Drop compound underscores from the LEMMA column (keep a lone ``_``)."""
    out = []
    for line in conllu.splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[2] != "_" and "_" in cols[2]:
                cols[2] = cols[2].replace("_", "")
                line = "\t".join(cols)
        out.append(line)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- the 2017 split
# The extra file follows the UD Dutch annotation of early 2017. Where a convention has
# changed since and the change can be made from the tree alone, it is made here, so that
# the extra data teaches the same labels as the other files and the held-out set. Each
# rule below was checked against the current files (nl_alpino-ud-test, nl_lassysmall-ud-
# dev/test): the counts in training/README.md say how often it fires.

POSSESSIVES = {  # lemma -> Person (today: PRON, Poss=Yes, nmod:poss; in 2017: DET, det)
    "zijn": "3", "haar": "3", "hun": "3", "mijn": "1", "ons": "1", "uw": "2", "jouw": "2", "jou": "2",
}
# Particles of separable verbs: today the verb's lemma includes its particle
# ("vindt … plaats" -> plaats_vinden); in 2017 it did not (vinden).
PARTICLE_POS = {"ADP", "ADV", "ADJ"}
NOUN_PARTICLES = {"plaats", "deel"}
NOT_PARTICLES = {"er"}
ORDINAL = re.compile(r"^(eerst|[a-zé]+(ste|de))$")


def read_conllu(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Sentences as (comment lines, token rows); multiword and empty nodes are kept as rows."""
    sents, comments, rows = [], [], []
    for line in text.splitlines():
        if not line.strip():
            if rows:
                sents.append((comments, rows))
            comments, rows = [], []
        elif line.startswith("#"):
            comments.append(line)
        else:
            rows.append(line.split("\t"))
    if rows:
        sents.append((comments, rows))
    return sents


def write_conllu(sents) -> str:
    return "".join("\n".join([*comments, *("\t".join(r) for r in rows)]) + "\n\n" for comments, rows in sents)


def _words(rows):
    return [r for r in rows if r[ID].isdigit()]


def relabel_2017(sent_rows: list[list[str]], lex: CurrentLexicon, counts: Counter) -> None:
    """Bring one sentence of the 2017 LassySmall split to today's conventions, in place."""
    words = _words(sent_rows)
    by_id = {int(r[ID]): r for r in words}

    def children(row, rel=None):
        return [r for r in words if r[HEAD] == row[ID] and (rel is None or r[DEPREL] == rel)]

    for r in words:
        # 1. flat:name -> flat (UD Dutch dropped the subtype).
        if r[DEPREL] == "flat:name":
            r[DEPREL] = "flat"
            counts["flat:name -> flat"] += 1
        # 2. Possessive pronouns: DET/det -> PRON/nmod:poss with Person|Poss|PronType.
        if r[DEPREL] == "det" and r[UPOS] in ("DET", "PRON") and r[LEMMA].lower() in POSSESSIVES:
            r[UPOS], r[DEPREL] = "PRON", "nmod:poss"
            r[FEATS] = f"Person={POSSESSIVES[r[LEMMA].lower()]}|Poss=Yes|PronType=Prs"
            counts["possessive det -> nmod:poss"] += 1
        # 3. Agents of passives: obl "door …" of a verb with aux:pass -> obl:agent
        #    (in the current files this holds for every such phrase, 132 of 132).
        if r[DEPREL] == "obl" and any(c[FORM].lower() == "door" for c in children(r, "case")):
            head = by_id.get(int(r[HEAD]))
            if head is not None and children(head, "aux:pass"):
                r[DEPREL] = "obl:agent"
                counts["obl door (passive) -> obl:agent"] += 1
        # 4. "zich" of an inherently reflexive verb: obj -> expl:pv, unless the current
        #    files have that verb with "zich" as a real object.
        if r[FORM].lower() == "zich" and r[DEPREL] == "obj":
            head = by_id.get(int(r[HEAD]))
            if head is not None and head[LEMMA].replace("_", "").lower() not in lex.zich_objects:
                r[DEPREL] = "expl:pv"
                counts["zich obj -> expl:pv"] += 1
        # 5. Ordinals: NUM/nummod -> ADJ/amod ("eerste", "tweede", "laatste" already ADJ).
        if r[UPOS] == "NUM" and ORDINAL.match(r[FORM].lower()):
            r[UPOS], r[FEATS] = "ADJ", "_"
            if r[DEPREL] == "nummod":
                r[DEPREL] = "amod"
            counts["ordinal NUM -> ADJ"] += 1
        # 6. "als" is always SCONJ today (ADP in 2017).
        if r[FORM].lower() == "als" and r[UPOS] == "ADP":
            r[UPOS] = "SCONJ"
            counts["als ADP -> SCONJ"] += 1
        # 7. "zowel … als": ADV/cc -> CCONJ/cc:preconj.
        if r[FORM].lower() == "zowel" and r[DEPREL] == "cc":
            r[UPOS], r[DEPREL] = "CCONJ", "cc:preconj"
            counts["zowel cc -> cc:preconj"] += 1
    for r in words:
        # 8. A subjectless te-infinitive complement of a verb: ccomp -> xcomp.
        if r[DEPREL] == "ccomp" and r[UPOS] == "VERB":
            head = by_id.get(int(r[HEAD]))
            kids = children(r)
            if (
                head is not None and head[UPOS] == "VERB" and int(head[ID]) < int(r[ID])
                and any(k[FORM].lower() == "te" and k[DEPREL] == "mark" for k in kids)
                and not any(k[DEPREL].startswith(("nsubj", "csubj")) for k in kids)
            ):
                r[DEPREL] = "xcomp"
                counts["te-infinitive ccomp -> xcomp"] += 1
        # 9. Separable verbs: the lemma includes the particle.
        if r[UPOS] == "VERB":
            prts = children(r, "compound:prt")
            if len(prts) == 1:
                p = prts[0]
                low = p[FORM].lower()
                if (p[UPOS] in PARTICLE_POS or (p[UPOS] == "NOUN" and low in NOUN_PARTICLES)) and low not in NOT_PARTICLES and low.isalpha() and not r[LEMMA].lower().startswith(low):
                    r[LEMMA] = low + r[LEMMA]
                    counts["separable verb lemma gets its particle"] += 1
    # 13. Prepositional objects: obl:arg did not exist in 2017. An obl of a verb becomes
    #     obl:arg when the current files use that verb with that preposition as obl:arg at
    #     least as often as obl ("bestaan uit", "leiden tot"). Checked by two-fold cross-
    #     validation on the current files: precision 0.85, recall 0.55.
    for r in words:
        if r[DEPREL] == "obl" and r[HEAD] != "0":
            head = by_id[int(r[HEAD])]
            case = children(r, "case")
            if head[UPOS] in ("VERB", "AUX", "ADJ") and case:
                key = (head[LEMMA].replace("_", "").lower(), case[0][FORM].lower())
                arg, obl = lex.obl_arg.get(key, (0, 0))
                if arg >= 1 and arg >= obl:
                    r[DEPREL] = "obl:arg"
                    counts["obl -> obl:arg (verb + preposition as in the current files)"] += 1
    # 10. "moeten" is an auxiliary today: in 2017 it headed its verb as xcomp. Promote the
    #     xcomp to moeten's place and attach moeten and all its other dependents to it.
    for r in words:
        if r[LEMMA] == "moeten" and r[UPOS] == "VERB":
            inner = [c for c in children(r, "xcomp") if c[UPOS] in ("VERB", "AUX", "ADJ", "NOUN")]
            if len(inner) != 1:
                continue
            v = inner[0]
            for c in children(r):
                if c is not v:
                    c[HEAD] = v[ID]
            v[HEAD], v[DEPREL] = r[HEAD], r[DEPREL]
            r[HEAD], r[DEPREL], r[UPOS] = v[ID], "aux", "AUX"
            counts["moeten VERB+xcomp -> AUX aux"] += 1
    # 11. Coordination, UD v2: "cc" hangs on the conjunct it introduces, not on the first
    #     conjunct (in the current files 2,103 of 2,130 cc do).
    for r in words:
        if r[DEPREL] == "cc":
            later = [c for c in children(by_id[int(r[HEAD])]) if c[DEPREL] == "conj" and int(c[ID]) > int(r[ID])] if r[HEAD] != "0" else []
            if later:
                r[HEAD] = min(later, key=lambda c: int(c[ID]))[ID]
                counts["cc moved to the following conjunct"] += 1
    # 12. Punctuation: in 2017 nearly every mark hung on the root; today it hangs on the
    #     phrase it belongs to, projectively (paired marks on what they enclose, others on
    #     the lower of the nearest left and right candidates, as Udapi's ud.FixPunct does).
    #     Applied to the current files this reproduces 98.8 % of their punctuation heads.
    before = [r[HEAD] for r in words]
    fix_punct(words)
    counts["punctuation re-attached"] += sum(a != r[HEAD] for a, r in zip(before, words))
    for r in words:
        r[DEPS] = "_"  # enhanced graph no longer matches; spaCy does not read it


PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "‘": "’", '"': '"', "'": "'", "„": "”"}


def fix_punct(words: list[list[str]]) -> None:
    """Attach punctuation projectively (after Udapi's ud.FixPunct), in place.

    Paired marks go to the single head of what they enclose; sentence-final marks stay on
    the root; any other mark goes to the lower of two candidates, found by climbing from
    the nearest word on its left and on its right for as long as the arc stays projective.
    """
    n = len(words)
    head = {i + 1: int(r[HEAD]) for i, r in enumerate(words)}
    is_p = {i + 1: r[UPOS] == "PUNCT" for i, r in enumerate(words)}
    kids: dict[int, list[int]] = {}
    for i, h in head.items():
        kids.setdefault(h, []).append(i)

    memo: dict[int, frozenset[int]] = {}

    def ancestors(i: int) -> frozenset[int]:
        if i not in memo:
            out, j = [], i
            while head[j] != 0 and len(out) <= n:
                j = head[j]
                out.append(j)
            memo[i] = frozenset(out)
        return memo[i]

    def extent(i: int) -> tuple[int, int]:
        lo = hi = i
        stack = [i]
        while stack:
            for c in kids.get(stack.pop(), []):
                lo, hi = min(lo, c), max(hi, c)
                stack.append(c)
        return lo, hi

    def projective(p: int, cand: int) -> bool:
        return all(k == cand or cand in ancestors(k) for k in range(min(p, cand) + 1, max(p, cand)))

    def attach(i: int, h: int) -> None:
        kids[head[i]].remove(i)
        head[i] = h
        kids.setdefault(h, []).append(i)
        memo.clear()

    done = set()
    for i in range(1, n + 1):  # paired punctuation
        if is_p[i] and words[i - 1][FORM] in PAIRS and i not in done and not kids.get(i):
            close = PAIRS[words[i - 1][FORM]]
            j = next((k for k in range(i + 1, n + 1) if words[k - 1][FORM] == close and k not in done), None)
            if j is None or j == i + 1 or kids.get(j):
                continue
            tops = [k for k in range(i + 1, j) if not is_p[k] and not i < head[k] < j]
            if len(tops) == 1:
                attach(i, tops[0])
                attach(j, tops[0])
                done.update((i, j))
    for i in range(1, n + 1):
        if not is_p[i] or i in done or kids.get(i):
            continue
        if head[i] != 0 and head[head[i]] == 0 and all(is_p[k] for k in range(i, n + 1)):
            continue  # sentence-final: stays on the root
        left, right = i - 1, i + 1
        while left >= 1 and is_p[left]:
            left -= 1
        while right <= n and is_p[right]:
            right += 1
        lpath, rpath = [], []
        if left >= 1:
            lpath = [left]
            while head[left] != 0 and head[left] < i and extent(left)[1] < i:
                left = head[left]
                lpath.append(left)
        if right <= n:
            rpath = [right]
            while head[right] != 0 and head[right] > i and extent(right)[0] > i:
                right = head[right]
                rpath.append(right)
        lpath = [x for x in lpath if projective(i, x)]
        rpath = [x for x in rpath if projective(i, x)]
        lc, rc = (lpath[-1] if lpath else None), (rpath[-1] if rpath else None)
        if lc is not None and rc is not None:
            cand = rc if lc in ancestors(rc) else lc
        else:
            cand = lc if lc is not None else rc
        if cand is not None and cand != head[i]:
            attach(i, cand)
    for i, r in enumerate(words):
        r[HEAD] = str(head[i + 1])


class CurrentLexicon:
    """What the current files say about single verbs, for the two rules that need it."""

    def __init__(self, texts: list[str]):
        as_obj, as_pv = set(), set()
        obl_arg: dict[tuple[str, str], list[int]] = {}
        for text in texts:
            for _comments, rows in read_conllu(text):
                words = {r[ID]: r for r in _words(rows)}
                for r in words.values():
                    head = words.get(r[HEAD])
                    if head is None:
                        continue
                    lemma = head[LEMMA].replace("_", "").lower()
                    if r[FORM].lower() == "zich":
                        if r[DEPREL] == "obj":
                            as_obj.add(lemma)
                        elif r[DEPREL] == "expl:pv":
                            as_pv.add(lemma)
                    if r[DEPREL] in ("obl", "obl:arg") and head[UPOS] in ("VERB", "AUX", "ADJ"):
                        case = next((c for c in words.values() if c[HEAD] == r[ID] and c[DEPREL] == "case"), None)
                        if case is not None:
                            n = obl_arg.setdefault((lemma, case[FORM].lower()), [0, 0])
                            n[0 if r[DEPREL] == "obl:arg" else 1] += 1
        # Verbs that take "zich" as a real object (obj, never expl:pv).
        self.zich_objects = as_obj - as_pv
        # (verb lemma, preposition) -> (times obl:arg, times obl)
        self.obl_arg = {k: tuple(v) for k, v in obl_arg.items()}


def is_tree(rows: list[list[str]]) -> bool:
    """One root, and every word reaches it (one 2017 sentence has a cycle)."""
    heads = {int(r[ID]): int(r[HEAD]) for r in _words(rows)}
    if sum(1 for h in heads.values() if h == 0) != 1:
        return False
    for i in heads:
        seen = set()
        while i != 0 and i not in seen and i in heads:
            seen.add(i)
            i = heads[i]
        if i != 0:
            return False
    return True


def relabelled_extra(path: Path, current_texts: list[str]) -> tuple[str, Counter]:
    lex = CurrentLexicon(current_texts)
    counts: Counter = Counter()
    sents = []
    for comments, rows in read_conllu(path.read_text(encoding="utf8")):
        if not is_tree(rows):
            counts["sentence dropped: not a tree"] += 1
            continue
        relabel_2017(rows, lex, counts)
        sents.append((comments, rows))
    return write_conllu(sents), counts


# ---------------------------------------------------------------- conversion
def to_docs(text: str, normalise: bool):
    if normalise:
        text = normalise_lemma_column(text)
    return list(conllu_to_docs(text, n_sents=SENTENCES_PER_DOC, merge_subtokens=True, no_print=True))


def read_docs(path: Path, normalise: bool):
    return to_docs(path.read_text(encoding="utf8"), normalise)


def main(ud_dir: str, out_dir: str, extra: bool = True, alpino_repeat: int = ALPINO_REPEAT, tuning_split: bool = False) -> None:
    ud, out = Path(ud_dir), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    train, tune, tune_alpino = (DocBin(store_user_data=False) for _ in range(3))
    n_train = n_tune = n_tune_alpino = 0
    texts = {name: (ud / name).read_text(encoding="utf8") for name in TRAIN_FILES}
    if extra:
        text, counts = relabelled_extra(ud / EXTRA_FILE, list(texts.values()))
        texts[EXTRA_FILE] = text
        (out / "extra-relabelled.conllu").write_text(text, encoding="utf8")
        for rule, n in counts.most_common():
            print(f"relabelled {n:5d}  {rule}")
    for name, text in texts.items():
        in_domain = name == IN_DOMAIN_FILE
        for i, doc in enumerate(to_docs(text, normalise=True)):
            if tuning_split and in_domain and i % 2 == 1:
                # Experiments only: every other document of the in-domain file is kept out
                # of training, as a tuning set from the held-out set's own source.
                tune_alpino.add(doc)
                n_tune_alpino += len(doc)
            elif i % TUNE_EVERY == TUNE_EVERY - 1:
                tune.add(doc)
                n_tune += len(doc)
            else:
                for _ in range(alpino_repeat if in_domain else 1):
                    train.add(doc)
                    n_train += len(doc)
    heldout = DocBin(store_user_data=False)
    n_held = 0
    for doc in read_docs(ud / HELDOUT_FILE, normalise=False):
        heldout.add(doc)
        n_held += len(doc)
    heldout_norm = DocBin(store_user_data=False)
    for doc in read_docs(ud / HELDOUT_FILE, normalise=True):
        heldout_norm.add(doc)
    train.to_disk(out / "train.spacy")
    tune.to_disk(out / "tune.spacy")
    if tuning_split:
        tune_alpino.to_disk(out / "tune-alpino.spacy")
    # The bundled pipeline trains on train + tune for a fixed number of steps and keeps
    # the last model (see training/README.md); tune.spacy then only shows progress.
    everything = DocBin(store_user_data=False)
    everything.merge(train)
    everything.merge(tune)
    everything.to_disk(out / "train-all.spacy")
    heldout.to_disk(out / "heldout.spacy")
    heldout_norm.to_disk(out / "heldout-normalised.spacy")
    print(
        f"train {n_train} tokens (nl_alpino-ud-test x{alpino_repeat}), tune {n_tune} tokens, "
        + (f"tune-alpino {n_tune_alpino} tokens, " if tuning_split else "")
        + f"held-out {n_held} tokens -> {out}"
    )


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ud_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--no-extra", action="store_true", help="leave out the 2017 LassySmall train split")
    ap.add_argument("--alpino-repeat", type=int, default=ALPINO_REPEAT, help=f"copies of nl_alpino-ud-test in train-all (default {ALPINO_REPEAT})")
    ap.add_argument("--tuning-split", action="store_true", help="experiments: keep every other document of nl_alpino-ud-test out of training, in tune-alpino.spacy")
    args = ap.parse_args()
    main(args.ud_dir, args.out_dir, extra=not args.no_extra, alpino_repeat=args.alpino_repeat, tuning_split=args.tuning_split)
