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
