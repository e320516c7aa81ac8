"""The library's front door: read → parse → qualify → align → compare.

>>> from wording_diff.api import compare_texts
>>> result = compare_texts("… wordt op dit moment in Nederland niet gedaan.",
...                        "… wordt op dit moment in de politieorganisatie geen toestemming gegeven.")
>>> result.comparison.verdict
'narrowed'
"""

from __future__ import annotations

from dataclasses import dataclass

from . import __version__
from .diff import Comparison, ParsedText, Qualifier, compare_docs
from .pipeline import ModelInfo, Parser


@dataclass
class CompareResult:
    comparison: Comparison
    model: ModelInfo
    tool_version: str = __version__


@dataclass
class HighlightSentence:
    index: int
    text: str
    qualifiers: list[Qualifier]


@dataclass
class HighlightResult:
    label: str
    sentences: list[HighlightSentence]
    model: ModelInfo
    lang: str
    tool_version: str = __version__


_parsers: dict[tuple, Parser] = {}


def get_parser(model: str | None = None, lexicon: str | None = None) -> Parser:
    key = (model, lexicon)
    if key not in _parsers:
        _parsers[key] = Parser(model, lexicon)
    return _parsers[key]


def compare_texts(
    a: str,
    b: str,
    *,
    a_label: str = "a",
    b_label: str = "b",
    lang: str = "nl",
    model: str | None = None,
    lexicon: str | None = None,
) -> CompareResult:
    parser = get_parser(model, lexicon)
    doc_a, doc_b = parser.parse(a), parser.parse(b)
    lex = parser.nlp.get_pipe("scope_qualifiers").lexicon
    comparison = compare_docs(doc_a, doc_b, lex, a_label=a_label, b_label=b_label, lang=lang)
    return CompareResult(comparison, parser.info)


def highlight_doc(doc, lexicon, label: str, info: ModelInfo, lang: str = "nl") -> HighlightResult:
    parsed = ParsedText.of(doc, lexicon)
    sentences = [
        HighlightSentence(i, parsed.sentence_texts[i], parsed.qualifiers_in(sent, 0)) for i, sent in enumerate(parsed.sents)
    ]
    return HighlightResult(label, sentences, info, lang)


def highlight_text(text: str, *, label: str = "text", lang: str = "nl", model: str | None = None, lexicon: str | None = None) -> HighlightResult:
    parser = get_parser(model, lexicon)
    doc = parser.parse(text)
    return highlight_doc(doc, parser.nlp.get_pipe("scope_qualifiers").lexicon, label, parser.info, lang)


@dataclass
class CheckResult:
    corpus: object
    results: list
    metrics: dict
    failures: list[str]  # thresholds not met
    model: ModelInfo
    by_split: dict | None = None
    gap: dict | None = None
    gate: object = None  # corpus.GateResult, or None for a corpus without known-failures.txt
    tool_version: str = __version__

    @property
    def passed(self) -> bool:
        return not self.failures and (self.gate is None or self.gate.passed)


def check_corpus(path: str, *, model: str | None = None, lexicon: str | None = None, lang: str = "nl", include_uncertain: bool = False) -> CheckResult:
    """Run compare on every case of a corpus, score it against the annotations, and hold
    each case against the corpus's known failures."""
    from .corpus import gate, load_corpus, metrics, metrics_by_split, score_case, split_gap, threshold_failures
    from .sources.text import from_string

    corpus = load_corpus(path)
    parser = get_parser(model, lexicon)
    lex = parser.nlp.get_pipe("scope_qualifiers").lexicon
    texts = []
    for case in corpus.cases:
        texts.append(from_string(case.a, f"{case.file}: case {case.id} field a")[1])
        texts.append(from_string(case.b, f"{case.file}: case {case.id} field b")[1])
    docs = list(parser.pipe(texts))
    results = []
    for i, case in enumerate(corpus.cases):
        comparison = compare_docs(docs[2 * i], docs[2 * i + 1], lex, a_label=f"{case.id}:a", b_label=f"{case.id}:b", lang=lang)
        results.append(score_case(case, comparison, include_uncertain=include_uncertain))
    m = metrics(results)
    by_split = metrics_by_split(results)
    whole = corpus.is_whole
    return CheckResult(
        corpus,
        results,
        m,
        threshold_failures(corpus, m, by_split, whole=whole),
        parser.info,
        by_split=by_split,
        gap=split_gap(by_split),
        gate=gate(results, corpus.known_failures, all_cases=whole),
    )


DEFAULT_PAIR_KINDS = ("question-answer", "versions", "quoted-statement")


def scan_paths(
    paths,
    *,
    emit,
    kinds=None,
    manifest: str | None = None,
    lang: str = "nl",
    model: str | None = None,
    lexicon: str | None = None,
    jobs: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    use_cache: bool = True,
    max_bytes: int | None = None,
    progress=None,
):
    """Scan Kamervragen documents (files, folders, globs) and pairs from a manifest.

    ``emit`` receives every record (schema ``wording-diff.scan/1``: a compared pair, or a
    document that could not be read) in input order; ``progress(done, total)`` is called
    as documents are done. Returns the counts (``ScanStats``). Raises ``ScanError`` when
    nothing is given or nothing could be read.

    Where the work runs: ``executor="local"`` in this process, or in ``jobs`` processes;
    ``executor="dask"`` on a Dask LocalCluster of ``jobs`` worker processes (default: one
    per core), or on the existing cluster at ``scheduler`` (``pip install
    'wording-diff[dask]'``). The records are the same, in the same order, either way."""
    from .errors import ScanError
    from .scan import discover, scan
    from .sources.raw import DEFAULT_MAX_BYTES

    if not paths and not manifest:
        raise ScanError("scan needs PATHS (files, folders or globs) or --manifest")
    kinds = set(kinds or DEFAULT_PAIR_KINDS)
    if manifest:
        kinds.add("manifest")
    distributed = executor == "dask" or bool(scheduler)
    if distributed:
        # The workers load the pipeline; here only what would stop them all is checked.
        from .pipeline import resolve_model
        from .qualifiers.lexicon import load_lexicon

        resolve_model(model)
        load_lexicon(lexicon)
    total = sum(1 for _ in discover(paths)) if progress else 0  # a first walk only for a progress bar
    stats = scan(
        paths, kinds=kinds, parser=None if distributed else get_parser(model, lexicon), model=model, lexicon=lexicon,
        emit=emit, manifest=manifest, lang=lang, n_process=jobs if distributed else (jobs or 1),
        executor="dask" if distributed else "local", scheduler=scheduler,
        use_cache=use_cache, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
        progress=(lambda done: progress(done, total)) if progress else None,
    )
    if stats.documents == 0 and stats.pairs == 0:
        raise ScanError(f"nothing could be read ({stats.unreadable} unreadable)")
    return stats
