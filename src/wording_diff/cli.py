"""Command-line interface: parse options, call the library, render. No logic of its own.

Heavy modules (spaCy) are imported inside the commands so that ``--help`` and
``--version`` answer at once.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys

import click

from . import __version__

FORMATS = ("terminal", "json", "text", "markdown", "html")
FAIL_ON = ("narrowed", "broadened", "any")
DEFAULT_MAX_BYTES = 5_000_000


class ExitCode:
    OK, CONDITION, USAGE, INTERRUPTED, TERMINATED = 0, 1, 2, 130, 143


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: output files stay whole, one line, no traceback."""


def fail(message: str, code: int = ExitCode.USAGE) -> None:
    click.echo(f"wording-diff: {message}", err=True)
    sys.exit(code)


def guarded(func):
    """Turn known errors into one line on stderr and exit 2; Ctrl-C into exit 130."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from .errors import WordingDiffError

        try:
            return func(*args, **kwargs)
        except WordingDiffError as exc:
            fail(str(exc))
        except Terminated:
            fail("terminated", ExitCode.TERMINATED)
        except KeyboardInterrupt:
            fail("interrupted", ExitCode.INTERRUPTED)

    return wrapper


def write_output(text: str, output: str | None, color: bool = False) -> None:
    """Write to stdout, or atomically to a file: the old file stays until the new one is whole."""
    if not output or output == "-":
        # colour was decided by use_color(); click would strip it again off a terminal
        click.echo(text, nl=False, color=color or None)
        return
    from .output import atomic_write

    atomic_write(output, text)


def use_color(fmt: str, output: str | None) -> bool:
    if fmt != "terminal" or (output and output != "-"):
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def common_options(func):
    func = click.option("--model", metavar="NAME|PATH", help="spaCy pipeline to use (default: $WORDING_DIFF_MODEL, an installed nl_core_news_*, else the bundled one).")(func)
    func = click.option("--lexicon", type=click.Path(dir_okay=False), envvar="WORDING_DIFF_LEXICON", show_envvar=True, help="Extra lexicon JSON extending the bundled one.")(func)
    func = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of explanations.")(func)
    func = click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse inputs larger than this.")(func)
    func = click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file (atomically) instead of stdout.")(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="wording-diff")
def cli() -> None:
    """Show how an official Dutch statement changed between two versions: which scope
    qualifiers (time, place, actor, object, modality, hedge, definition, quantity,
    condition, polarity) were added, removed or replaced, and what the newer wording no
    longer rules out.

    Exit codes: 0 success; 1 a --fail-on condition or a check below threshold; 2 bad
    usage or input; 130 interrupted.
    """


@cli.command()
@click.argument("a", required=False)
@click.argument("b", required=False)
@click.option("--a-text", help="The earlier version as a string (instead of the file A).")
@click.option("--b-text", help="The later version as a string (instead of the file B).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True, help="Output format; json follows schema wording-diff.compare/1.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Exit 1 if a change narrows (narrowed), broadens (broadened) or anything changed (any).")
@common_options
@guarded
def compare(a, b, a_text, b_text, fmt, fail_on, model, lexicon, lang, max_bytes, output):
    """Compare an earlier statement A with a later version B.

    A and B are files (plain text, HTML, XML, PDF or Word .docx; `-` reads standard
    input), or give --a-text/--b-text.

    \b
    Example:
      wording-diff compare dekker.txt grapperhaus.txt
      wording-diff compare --a-text "…" --b-text "…" --format json
    """
    from .sources import read_text
    from .sources.text import from_string

    if (a is None) == (a_text is None) or (b is None) == (b_text is None):
        if a is not None and b is None and b_text is None and a_text is None:
            fail("compare needs two versions: A and B (files, '-' or --a-text/--b-text)")
        if a is not None and a_text is not None and b is None and b_text is None:
            a, b = None, a  # "compare --a-text … FILE": the one argument is B
        else:
            fail("compare needs exactly one source for A and one for B: files, '-' or --a-text/--b-text")
    if a == "-" and b == "-":
        fail("only one of A and B can be read from standard input")
    label_a, text_a = from_string(a_text, "--a-text", max_bytes) if a_text is not None else read_text(a, max_bytes)
    label_b, text_b = from_string(b_text, "--b-text", max_bytes) if b_text is not None else read_text(b, max_bytes)

    from .api import compare_texts
    from .render import render_compare

    result = compare_texts(text_a, text_b, a_label=label_a, b_label=label_b, lang=lang, model=model, lexicon=lexicon)
    color = use_color(fmt, output)
    write_output(render_compare(result, fmt, color=color), output, color)
    if fail_on and result_fails(result.comparison, fail_on):
        sys.exit(ExitCode.CONDITION)


def result_fails(comparison, fail_on: str) -> bool:
    effects = {c.effect for c in comparison.changes()}
    if fail_on == "narrowed":
        return "narrows" in effects
    if fail_on == "broadened":
        return "broadens" in effects
    return comparison.verdict != "unchanged"


@cli.command()
@click.argument("file")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True)
@common_options
@guarded
def highlight(file, fmt, model, lexicon, lang, max_bytes, output):
    """Mark every scope qualifier in one statement FILE (text, HTML, XML, PDF or .docx; `-` for standard input)."""
    from .api import highlight_text
    from .render import render_highlight
    from .sources import read_text

    label, text = read_text(file, max_bytes)
    result = highlight_text(text, label=label, lang=lang, model=model, lexicon=lexicon)
    color = use_color(fmt, output)
    write_output(render_highlight(result, fmt, color=color), output, color)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable list.")
@guarded
def models(as_json):
    """List the Dutch pipelines available, in the order they would be chosen."""
    from .pipeline import available_models
    from .render import dumps

    found = available_models()
    if as_json:
        click.echo(dumps({"models": [m.as_dict() for m in found]}), nl=False)
        return
    if not found:
        fail("no Dutch pipeline found; reinstall the package or pass --model")
    for i, m in enumerate(found):
        mark = "*" if i == 0 else " "
        click.echo(f"{mark} {m.name} {m.version}  ({m.source})  {m.path}")
        if m.scores:
            s = m.scores
            parts = [f"{k}={s[k]:.3f}" for k in ("pos_acc", "morph_acc", "dep_uas", "dep_las", "lemma_acc", "lemma_acc_normalised", "sents_f") if k in s]
            click.echo(f"    held-out ({s.get('evaluated_on', 'nl_alpino-ud-dev')}): " + " ".join(parts))
            if "words_per_second" in s:
                click.echo(f"    speed: {s['words_per_second']:,.0f} words/s on the build machine")


@cli.command()
@click.argument("corpus", type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--junit", type=click.Path(dir_okay=False, writable=True), help="Also write a JUnit XML report here.")
@click.option("--quiet", is_flag=True, help="Do not list the failing cases.")
@click.option("--update-known-failures", is_flag=True, help="Rewrite the corpus's known-failures.txt from this run (keeping its notes); the thresholds still apply.")
@click.option("--model", metavar="NAME|PATH", help="spaCy pipeline to use.")
@click.option("--lexicon", type=click.Path(dir_okay=False), envvar="WORDING_DIFF_LEXICON", show_envvar=True, help="Extra lexicon JSON.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report here (atomically).")
@guarded
def check(corpus, fmt, junit, quiet, update_known_failures, model, lexicon, output):
    """Score the detector on an annotated CORPUS folder and gate on it, case by case.

    Reports precision, recall and F1 of the expected changes per dimension, verdict
    accuracy with a confusion table, per split (dev/, test/) and the gap between them.
    Exit 1 when a case fails that CORPUS/known-failures.txt does not list, when a listed
    case fails in another way than listed, or when a figure drops below
    CORPUS/thresholds.yaml; listed cases that now pass are reported. Exit 2 if the
    corpus is malformed.
    """
    from .api import check_corpus
    from .render import dumps
    from .render.check import check_json, check_junit, check_text

    result = check_corpus(corpus, model=model, lexicon=lexicon)
    if update_known_failures:
        from .corpus import gate, known_failures_text
        from .output import atomic_write

        target = result.corpus.known_failures_path
        if not result.corpus.is_whole:
            fail(f"{corpus}: --update-known-failures needs the whole corpus ({target.parent}), not one split")
        atomic_write(str(target), known_failures_text(result.results, result.corpus.known_failures))
        from .corpus import read_known_failures

        result.gate = gate(result.results, read_known_failures(target))
    text = dumps(check_json(result)) if fmt == "json" else check_text(result, verbose=not quiet)
    if junit:
        from .output import atomic_write

        atomic_write(junit, check_junit(result))
    write_output(text, output)
    if not result.passed:
        sys.exit(ExitCode.CONDITION)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--pairs", "pair_kinds", multiple=True, type=click.Choice(["question-answer", "versions", "quoted-statement", "manifest"]),
              help="Which pairs to compare (repeatable). Default: question-answer, versions, quoted-statement (and manifest with --manifest).")
@click.option("--manifest", type=click.Path(dir_okay=False), help="CSV or JSONL of explicit pairs: a/b texts or a_file/b_file paths, optional id, a_label, b_label.")
@click.option("-f", "--format", "fmt", type=click.Choice(["terminal", "jsonl", "csv", "markdown", "html"]), default="terminal", show_default=True,
              help="jsonl and csv stream every pair in input order (sort on 'magnitude'); the others rank the top pairs.")
@click.option("--top", type=click.IntRange(min=1), default=25, show_default=True, help="How many pairs the ranked views show.")
@click.option("--jobs", type=click.IntRange(min=1), help="Read, parse and compare in this many processes (default 1; with --executor dask, one worker per core).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the work runs: this machine (one process, or --jobs processes), or a Dask LocalCluster of --jobs worker processes (needs the dask extra).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on the existing Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); implies --executor dask.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the caches of parsed texts and compared pairs ($WORDING_DIFF_CACHE, else ~/.cache/wording-diff).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Exit 1 if any pair narrows, broadens, or changes at all.")
@common_options
@guarded
def scan(paths, pair_kinds, manifest, fmt, top, jobs, executor, scheduler, no_cache, quiet, fail_on, model, lexicon, lang, max_bytes, output):
    """Scan Kamervragen documents (text, HTML, official XML, PDF or Word .docx; files,
    folders, globs; JSON Lines bulk files, one document per record) and rank the pairs whose
    scope changed most: each answer against its question, a nader
    antwoord against the original, a statement quoted «…» in a question against its
    answer, and pairs from a manifest.

    Every pair is one JSON object (schema wording-diff.scan/1); a document that cannot be
    read gives an error object and the scan goes on. Exit 2 only for usage errors or when
    nothing could be read.
    """
    from .api import scan_paths
    from .render.scan import ScanSummary, csv_header, csv_row, jsonl_line, scan_html, scan_markdown, scan_terminal
    from .scan import TopPairs, record_fails

    ranked = TopPairs(top)
    summary = ScanSummary()
    errors: list[dict] = []
    failed = False

    def seen(record: dict) -> None:
        nonlocal failed
        failed = failed or record_fails(record, fail_on)
        summary.add(record)
        if "error" in record:
            errors.append(record)

    def run(emit) -> object:
        options = dict(kinds=pair_kinds, manifest=manifest, lang=lang, model=model, lexicon=lexicon, jobs=jobs,
                       executor=executor, scheduler=scheduler, use_cache=not no_cache, max_bytes=max_bytes)
        if quiet or not sys.stderr.isatty():
            return scan_paths(paths, emit=emit, **options)
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("scanning", total=None)
            return scan_paths(paths, emit=emit, progress=lambda done, total: bar.update(task, completed=done, total=total), **options)

    if fmt in ("jsonl", "csv"):
        line = jsonl_line if fmt == "jsonl" else csv_row
        with contextlib.ExitStack() as stack:
            if output and output != "-":
                from .output import atomic_open

                write = stack.enter_context(atomic_open(output)).write
            else:
                write = lambda text: click.echo(text, nl=False)  # noqa: E731
            if fmt == "csv":
                write(csv_header())
            run(lambda r: (seen(r), write(line(r))))
    else:
        stats = run(lambda r: (seen(r), None if "error" in r else ranked.add(r)))
        color = use_color(fmt, output)
        if fmt == "markdown":
            text = scan_markdown(ranked.ranked(), stats, errors, summary, lang)
        elif fmt == "html":
            text = scan_html(ranked.ranked(), stats, errors, summary, lang)
        else:
            text = scan_terminal(ranked.ranked(), stats, errors, color=color)
        write_output(text, output, color)
    if failed:
        sys.exit(ExitCode.CONDITION)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--manifest", type=click.Path(dir_okay=False), help="CSV or JSON Lines of statements: date, speaker, text or file (relative to the manifest), source.")
@click.option("--about", multiple=True, metavar="TERM", help="Only claims that mention TERM (repeatable; part of a compound counts).")
@click.option("--min-links", type=click.IntRange(min=1), default=1, show_default=True, help="Show only threads of at least this many statements (2 hides threads of one statement).")
@click.option("--undated", type=click.Choice(["error", "last"]), default="error", show_default=True, help="A statement without a date in a thread: stop with an error, or place it last.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True, help="Output format; json follows schema wording-diff.timeline/1.")
@common_options
@guarded
def timeline(paths, manifest, about, min_links, undated, fmt, model, lexicon, lang, max_bytes, output):
    """Follow one claim through dated statements: files, folders and globs (as scan reads
    them) and/or a --manifest. Statements that make the same claim form a thread, ordered
    by date; each step shows what changed from the previous wording, per dimension, and
    the net change from the first to the last.

    Dates come from a document's header or metadata, or from the text where it quotes an
    earlier statement with its date ("op 28 september 2021 … «…»"); an undated quote is
    dated at the latest by the document that quotes it.

    \b
    Example:
      wording-diff timeline ../shared/data/officiele-stukken/clearview --about gezichtsherkenning
      wording-diff timeline --manifest statements.csv --format html -o timeline.html
    """
    if not paths and not manifest:
        fail("timeline needs PATHS (files, folders or globs) or --manifest")
    from .api import get_parser
    from .render.timeline import render_timeline
    from .sources.statements import gather
    from .timeline import build

    found = gather(list(paths), manifest=manifest, max_bytes=max_bytes)
    if not found.statements:
        where = f" ({len(found.errors)} unreadable: {found.errors[0][0]}: {found.errors[0][1]})" if found.errors else ""
        fail(f"no statements found{where}")
    result = build(found.statements, get_parser(model, lexicon), about=list(about), min_links=min_links, undated=undated,
                   lang=lang, documents=found.documents, errors=found.errors)
    color = use_color(fmt, output)
    write_output(render_timeline(result, fmt, color=color), output, color)


def main() -> None:
    import signal

    def on_sigterm(signum, frame):
        raise Terminated()

    signal.signal(signal.SIGTERM, on_sigterm)
    cli(prog_name="wording-diff")


if __name__ == "__main__":
    main()
