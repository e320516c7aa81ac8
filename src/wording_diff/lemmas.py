"""Lemmas the trained lemmatizer got wrong, looked up instead.

The pipeline's lemmatizer learns edit rules from the treebanks and now and then applies one
that yields no word ("beoordeelt" → beoordeelen, "toeneemt" → toeneemen, "gelijkgesteld" →
lijkgestelen): about one verb in twenty-five in the corpus. Claims are matched on their
predicates and the lexicon's lists are matched on lemmas, so such a lemma hides a claim's
counterpart and a frame word. This component replaces a lemma that is not a Dutch word
(the OpenTaal filter of ``runons``), and a verb's lemma that is no infinitive or is the
form as written ("kunt", "raakten"), by the one a lookup table gives for the token's form
(``data/nl-lemmas.tsv.gz``, from spaCy's Dutch lookup table, built by
``tools/build_lemma_table.py``; data/SOURCE.md gives source and licence); a verb whose made-up
lemma the table lacks gets the one infinitive its spelling leads to, where exactly one is a
word. Any other lemma is left alone: the table repairs, it does not overrule.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .runons import files_digest, word_filter

TABLE_FILE = Path(__file__).with_name("data") / "nl-lemmas.tsv.gz"


_VOWELS = "aeiouy"


def infinitive_of(form: str) -> str:
    """The infinitive of a present-tense verb form ending in -t, by Dutch spelling ("uitlokt"
    → uitlokken, "maakt" → maken, "gebruikt" → gebruiken): for a lemma the
    lemmatizer left as the form it saw. Other forms are returned as they are."""
    if len(form) < 4 or not form.endswith("t") or form.endswith("en"):
        return form
    stem = form[:-1]
    if stem[-1] in _VOWELS or stem.endswith("eef"):
        return form  # gaat, doet, heeft: irregular, no guess
    if len(stem) >= 3 and stem[-1] not in _VOWELS and stem[-2] == stem[-3] and stem[-2] in "aeou":
        stem = stem[:-3] + stem[-2] + stem[-1]  # maak → mak, geef → gef, loop → lop
        long_vowel = True
    else:
        long_vowel = len(stem) >= 3 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS and stem[-3] in _VOWELS
    if long_vowel and stem[-1] in "fs":
        stem = stem[:-1] + {"f": "v", "s": "z"}[stem[-1]]  # gef → gev, kies → kiez
    elif not long_vowel and len(stem) >= 3 and stem[-1] not in _VOWELS + "w" and stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
        stem += stem[-1]  # lok → lokk, zet → zett
    return stem + "en"


@lru_cache(maxsize=8192)
def infinitives(form: str) -> frozenset[str]:
    """The infinitives a Dutch verb form may belong to, by spelling alone: for a lemma the
    parser got wrong ("deel" → delen, "weigert" → weigeren, "onderschrijf" → onderschrijven)."""
    out = {form}
    stems = {form}
    # participles: "gemeld" → meld, "voorgekomen" → voorkomen, "aangegeven" → aangeven
    at = form.find("ge", 0, 7)
    if at >= 0 and len(form) - at > 4:
        bare = form[:at] + form[at + 2 :]
        out.add(bare)
        stems.add(bare)
        if bare.endswith(("d", "t")):
            stems.add(bare[:-1])
    if form.endswith("t") and len(form) > 3:
        stems.add(form[:-1])
    if form.endswith(("de", "te")) and len(form) > 4:  # past: "meldde", "stelde"
        stems.add(form[:-2])
    for stem in list(stems):
        if len(stem) < 2:
            continue
        variants = {stem}
        if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":  # deel → del
            variants.add(stem[:-2] + stem[-1])
        for v in list(variants):
            if v.endswith("f"):
                variants.add(v[:-1] + "v")
            if v.endswith("s"):
                variants.add(v[:-1] + "z")
        for v in variants:
            out.update((v + "en", v + "n"))
            if len(v) >= 2 and v[-1] == v[-2]:
                out.add(v + "en")
            elif len(v) >= 2 and v[-1] not in "aeiou" and v[-2] in "aeiou" and (len(v) < 3 or v[-3] not in "aeiou"):
                out.add(v + v[-1] + "en")  # zet → zetten, stop → stoppen
    return frozenset(out)


@lru_cache(maxsize=1)
def _lines() -> list[bytes]:
    """The table's "form<TAB>lemma" lines, sorted by their bytes."""
    return gzip.decompress(TABLE_FILE.read_bytes()).split(b"\n")


def looked_up(form: str) -> str | None:
    """The table's lemma of a lower-case form, or None."""
    lines, key = _lines(), form.encode("utf8") + b"\t"
    at = bisect_left(lines, key)
    if at < len(lines) and lines[at].startswith(key):
        return lines[at][len(key) :].decode("utf8")
    return None


def repair_lemmas(doc: Doc) -> Doc:
    words = word_filter()
    for token in doc:
        lemma = token.lemma_.lower()
        # a verb's lemma that is no infinitive ("kunt", "uitlokt": every Dutch infinitive
        # ends in -n), or that is the form as written ("raakten"), is no lemma either,
        # though a word
        unsure = token.pos_ in ("VERB", "AUX") and (not lemma.endswith("n") or lemma == token.lower_)
        if not lemma or token.is_punct or (lemma in words and not unsure):
            continue
        found = looked_up(token.lower_)
        if found is None and token.pos_ in ("VERB", "AUX") and lemma not in words and not token.lower_.endswith(("d", "t", "n")):
            # a made-up lemma of a present stem the table lacks ("doe" → doeben): the infinitive
            # its spelling leads to, where exactly one is a word (not for participles, past
            # and plural forms, whose "-en" would make a noun or a past plural)
            spelled = sorted(c for c in infinitives(token.lower_) if c.endswith("n") and c in words)
            found = spelled[0] if len(spelled) == 1 else None
        if found is not None:
            token.lemma_ = found
    return doc


@Language.factory("wording_diff_lemmas")
def make_lemma_repair(nlp: Language, name: str):
    return repair_lemmas


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What a parse depends on here: this code and its table."""
    return files_digest(Path(__file__), TABLE_FILE)
