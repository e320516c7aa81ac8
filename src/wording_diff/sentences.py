"""Rule-based sentence boundaries for formal Dutch text, set before the parser runs.

The parser of a small pipeline learns sentence boundaries from few examples and will
split "Biometrische surveillance, in de zin van real time gezichtsherkenning, wordt …"
at a comma. Official text marks its sentences clearly: a sentence ends at . ! ? (the
tokenizer keeps "art.", "jl.", "o.a." whole), at a blank line, and before a numbered
"Vraag 3" / "Antwoord 3" label. Every other token is marked as not starting a sentence,
and spaCy's parser respects those marks. training/README.md gives the measured effect.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_ENDERS = {".", "!", "?", "…", "...", "?!", "!?"}
# Quotation marks and brackets: a sentence does not end inside them ("Kunt u uitleggen
# waarom u schreef: «Dat gebeurt niet. Nooit.»?" is one sentence).
_OPENERS = {"«": "»", "“": "”", "„": "”", "(": ")", "[": "]", '"': '"', "‘": "’"}
MAX_ENCLOSED = 80
_CLOSERS = {"»", "”", '"', "'", "’", ")", "]"}
MAX_RUN = 250
_LABEL = re.compile(r"^(vraag|antwoord|vragen|antwoorden)$", re.I)


@Language.factory("wording_diff_sentences")
def make_sentences(nlp: Language, name: str):
    return set_sentence_starts


def _enclosed(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges (opener, closer) of quotes and brackets that close within the same
    paragraph and MAX_ENCLOSED tokens. A quote that stands as sentences of its own («Het
    stelsel voldoet niet. Er zijn fouten gemaakt.») is left to be split."""
    out = []
    i, n = 0, len(doc)
    while i < n:
        closer = _OPENERS.get(doc[i].text)
        if closer is None:
            i += 1
            continue
        j = i + 1
        while j < min(n, i + MAX_ENCLOSED):
            tok = doc[j]
            if tok.is_space and "\n\n" in tok.text or "\n\n" in doc[j - 1].whitespace_:
                j = n
                break
            if tok.text == closer or (doc[i].text == "„" and tok.text == "“"):
                break
            j += 1
        if j >= min(n, i + MAX_ENCLOSED):
            i += 1
            continue
        at_start = i == 0 or doc[i - 1].text in _ENDERS or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space
        ends_sentence = doc[j - 1].text in _ENDERS
        if not (at_start and ends_sentence and doc[i].text not in "(["):
            out.append((i, j))
        i = j + 1
    return out


def set_sentence_starts(doc: Doc) -> Doc:
    if not len(doc):
        return doc
    starts = [False] * len(doc)
    starts[0] = True
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if tok.is_space and "\n\n" in tok.text or tok.whitespace_ == "\n" and "\n" in nxt.text:
            starts[i + 1] = True
        elif tok.text in _ENDERS or (tok.text.endswith(("?", "!")) and len(tok.text) > 1 and not tok.is_alpha):
            j = i + 1
            while j < len(doc) and doc[j].text in _CLOSERS:
                j += 1
            if j < len(doc):
                starts[j] = True
        elif "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            # A line that starts with a question/answer label starts a sentence.
            if _LABEL.match(nxt.text) and i + 2 < len(doc) and doc[i + 2].like_num:
                starts[i + 1] = True
    for first, last in _enclosed(doc):
        for k in range(first + 1, last + 1):
            starts[k] = False
        # «… niet.»? and «… niet.», zei hij: the sentence goes on after the closer
        after = last + 1
        if after < len(doc) and (doc[after].is_punct or doc[after].text[:1].islower()):
            starts[after] = False
    # A run of words without any sentence end (a pasted table, a 100,000-word line) is
    # cut every MAX_RUN tokens, preferably after a comma, so parsing stays linear.
    run = 0
    for i in range(1, len(doc)):
        run = 0 if starts[i] else run + 1
        if run >= MAX_RUN:
            cut = next((j for j in range(i, i - 60, -1) if doc[j - 1].text in (",", ";", ":")), i)
            starts[cut] = True
            run = i - cut
    # Whitespace-only tokens never start a sentence of their own.
    for i, tok in enumerate(doc):
        if tok.is_space and starts[i] and i + 1 < len(doc):
            starts[i] = False
            starts[i + 1] = True
    starts[0] = True
    # One array write: setting Token.is_sent_start one by one re-checks the whole Doc
    # each time, which is quadratic on long texts.
    values = numpy.asarray([1 if flag else -1 for flag in starts], dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)
    return doc
