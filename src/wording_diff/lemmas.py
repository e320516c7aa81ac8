"""Lemmas the trained lemmatizer got wrong, looked up instead.

The pipeline's lemmatizer learns edit rules from the treebanks and now and then applies one
that yields no word ("beoordeelt" → beoordeelen, "toeneemt" → toeneemen, "gelijkgesteld" →
lijkgestelen): about one verb in twenty-five in the corpus. Claims are matched on their
predicates and the lexicon's lists are matched on lemmas, so such a lemma hides a claim's
counterpart and a frame word. This component replaces a lemma that is not a Dutch word
(the OpenTaal filter of ``runons``), or a verb's lemma that is still the inflected form,
by the one a lookup table gives for the token's form
(``data/nl-lemmas.tsv.gz``, from spaCy's Dutch lookup table, built by
``tools/build_lemma_table.py``; data/SOURCE.md gives source and licence). A lemma that is
a word is left alone, so the table only repairs, never overrules.
"""

from __future__ import annotations

import gzip
import hashlib
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .runons import word_filter

TABLE_FILE = Path(__file__).with_name("data") / "nl-lemmas.tsv.gz"


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
        if found is not None:
            token.lemma_ = found
    return doc


@Language.factory("wording_diff_lemmas")
def make_lemma_repair(nlp: Language, name: str):
    return repair_lemmas


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What a parse depends on here: this code and its table."""
    h = hashlib.sha256()
    for path in (Path(__file__), TABLE_FILE):
        h.update(path.read_bytes())
    return h.hexdigest()
