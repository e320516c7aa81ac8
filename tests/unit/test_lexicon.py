"""The lexicon is data: validated with clear messages, and extendable without Python."""

from __future__ import annotations

import json

import pytest

from wording_diff.cli import cli
from wording_diff.qualifiers.lexicon import BUNDLED_LEXICON, LexiconError, load_lexicon, parse_lexicon
from wording_diff.vocabulary import DIMENSIONS


def test_bundled_lexicon_is_valid_and_covers_every_dimension():
    lex = load_lexicon(None)
    dims = {e.dimension for e in (*lex.phrases, *lex.patterns, *lex.heads)}
    # modality and polarity come from their own sections; the rest from entries
    assert set(DIMENSIONS) - {"modality", "polarity"} <= dims
    assert lex.modality_scope == {"fact": 3, "permission": 2, "intention": 1}
    assert {"niet", "geen", "nooit"} <= lex.negations


def test_every_value_ordering_names_values_the_entries_give():
    # a chain that names a value no entry gives never ranks anything ("universal" for "all")
    lex = load_lexicon(None)
    values = {}
    for e in (*lex.phrases, *lex.patterns, *lex.heads):
        values.setdefault(e.dimension, set()).add(e.value)
    for dimension, chains in lex.value_orderings.items():
        for chain in chains:
            assert set(chain) <= values[dimension], (dimension, set(chain) - values[dimension])


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"id": "x", "dimension": "when", "value": "v", "terms": ["a"]}, "dimension 'when'"),
        ({"id": "x", "dimension": "time", "value": "v"}, "has no 'terms'"),
        ({"dimension": "time", "value": "v", "terms": ["a"]}, "non-empty 'id'"),
        ({"id": "x", "dimension": "time", "value": "v", "terms": ["a"], "scope": "wide"}, "scope must be a whole number"),
    ],
)
def test_malformed_entries_are_named(entry, message):
    with pytest.raises(LexiconError, match=message):
        parse_lexicon({"phrases": [entry]}, "my.json")


def test_user_lexicon_extends_the_bundled_one(runner, tmp_path):
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"phrases": [{"id": "hedge.user_ambtelijk", "dimension": "hedge", "value": "officieus", "terms": ["naar ambtelijke inschatting"]}]}), encoding="utf8")
    text = "Naar ambtelijke inschatting wordt de norm niet overschreden."
    plain = runner.invoke(cli, ["highlight", "-", "--format", "json"], input=text)
    extended = runner.invoke(cli, ["highlight", "-", "--format", "json", "--lexicon", str(extra)], input=text)
    rules = lambda res: {q["rule"] for q in json.loads(res.stdout)["sentences"][0]["qualifiers"]}  # noqa: E731
    assert "lex:hedge.user_ambtelijk" not in rules(plain)
    assert "lex:hedge.user_ambtelijk" in rules(extended)


def test_broken_user_lexicon_exits_2(runner, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf8")
    res = runner.invoke(cli, ["highlight", "-", "--lexicon", str(bad)], input="Dat gebeurt niet.")
    assert res.exit_code == 2 and "bad.json: not valid JSON" in res.stderr


def test_bundled_file_is_plain_json():
    data = json.loads(BUNDLED_LEXICON.read_text(encoding="utf8"))
    assert {"phrases", "patterns", "heads", "modality", "negation", "orderings", "synonyms"} <= set(data)


def test_every_word_list_and_section_is_documented():
    from wording_diff.qualifiers.lexicon import BUNDLED_LEXICON as path

    data = json.loads(path.read_text(encoding="utf8"))
    doc = (path.parents[3] / "docs" / "lexicon.md").read_text(encoding="utf8")
    for name, value in data["words"].items():
        if name != "about":
            assert f"`{name}`" in doc, name
            assert value.get("about"), f"words.{name} says what it is for"
    for section in ("phrases", "patterns", "heads", "modality", "negation", "orderings", "synonyms", "words", "predicates", "value_orderings", "lexical_data", "ignore"):
        assert section in data and f"`{section}`" in doc, section


def test_the_table_of_word_lists_in_the_docs_is_the_lexicons_own():
    import subprocess
    import sys

    from wording_diff.qualifiers.lexicon import BUNDLED_LEXICON as path

    root = path.parents[3]
    res = subprocess.run([sys.executable, str(root / "tools" / "lexicon_docs.py"), "--check"], capture_output=True, text=True, cwd=root)
    assert res.returncode == 0, res.stderr


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"words": ["alleen"]}', "section 'words' must be a JSON object"),
        ('{"predicates": []}', "section 'predicates' must be a JSON object"),
        ('{"ignore": ["niet alleen"]}', "section 'ignore' must be a JSON object"),
        ('["x"]', "the lexicon must be a JSON object"),
        ('{"words": {"retraction_words": 3}}', "words.retraction_words must be a list"),
        ('{"value_orderings": {"quantity": ["exclusive"]}}', "value_orderings.quantity must be a list of chains"),
    ],
)
def test_a_user_lexicon_of_the_wrong_shape_is_one_line_and_exit_2(runner, tmp_path, content, message):
    path = tmp_path / "mine.json"
    path.write_text(content, encoding="utf8")
    res = runner.invoke(cli, ["compare", "--a-text", "Dat gebeurt niet.", "--b-text", "Dat gebeurt.", "--lexicon", str(path)])
    assert res.exit_code == 2 and message in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_an_entry_is_found_only_by_the_rule_that_marks_with_it():
    """A phrase entry answers for ``lex:`` marks, a head entry for ``dep:`` marks; the rules
    of the parse and of the claim reader have no entry, whatever a user lexicon calls its
    entries (so a comparison depends on a phrase entry only through its marks)."""
    data = json.loads(BUNDLED_LEXICON.read_text(encoding="utf8"))
    data["phrases"].append({"id": "argument", "dimension": "time", "value": "x", "terms": ["in week 9"], "effect_added": "broadens"})
    lex = parse_lexicon(data, "test")
    assert lex.entry_for_rule("lex:argument").id == "argument"
    assert lex.entry_for_rule("dep:argument") is None and lex.entry_for_rule("claim:argument") is None
    head = lex.heads[0]
    assert lex.entry_for_rule(f"dep:pp:{head.id}") is head and lex.entry_for_rule(f"lex:{head.id}") is None


def test_a_user_lexicon_can_ignore_by_pattern_and_a_bad_pattern_is_one_line(runner, tmp_path):
    # ignore.patterns block the words they match, like ignore.terms, where a word between
    # them varies; the bundled ones take "zo … mogelijk" ("zo zorgvuldig mogelijk")
    text = "Het kabinet wil dit zo zorgvuldig mogelijk doen en dat gebeurt op dit moment niet."
    qualifier_texts = lambda res: {q["text"] for s in json.loads(res.stdout)["sentences"] for q in s["qualifiers"]}  # noqa: E731
    plain = runner.invoke(cli, ["highlight", "-", "--format", "json"], input=text)
    assert "op dit moment" in qualifier_texts(plain) and "mogelijk" not in qualifier_texts(plain)
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"ignore": {"patterns": [[{"LOWER": "op"}, {"LOWER": {"IN": ["dit", "dat"]}}, {"LOWER": "moment"}]]}}), encoding="utf8")
    res = runner.invoke(cli, ["highlight", "-", "--format", "json", "--lexicon", str(extra)], input=text)
    assert res.exit_code == 0 and "op dit moment" not in qualifier_texts(res)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"ignore": {"patterns": [[{"NOT_AN_ATTR": "x"}]]}}), encoding="utf8")
    res = runner.invoke(cli, ["highlight", "-", "--lexicon", str(bad)], input=text)
    assert res.exit_code == 2 and "ignore pattern is not a valid spaCy Matcher pattern" in res.stderr
