"""Properties that hold for any pair: compare(a, a) is unchanged; swapping A and B
mirrors every effect; no text crashes compare or highlight."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wording_diff.api import compare_texts
from wording_diff.cli import cli

SUBJECTS = ["Biometrische surveillance", "Het verzamelen van kentekens", "Gezichtsherkenning", "Het delen van gegevens"]
QUALIFIERS = [
    "op dit moment", "in Nederland", "in de publieke ruimte", "door de politie", "door gemeenten",
    "voor zover bekend", "in beginsel", "structureel", "sinds 2020", "binnen het ministerie",
    "op grote schaal", "in de zin van realtime gezichtsherkenning", "met uitzondering van Schiphol",
]
PREDICATES = ["niet gedaan", "gedaan", "niet toegestaan", "nooit toegepast", "niet van plan"]

sentence = st.builds(
    lambda s, qs, p: f"{s} wordt {' '.join(qs)} {p}.",
    st.sampled_from(SUBJECTS),
    st.lists(st.sampled_from(QUALIFIERS), max_size=4, unique=True),
    st.sampled_from(PREDICATES),
)
MIRROR_KIND = {"added": "removed", "removed": "added", "replaced": "replaced", "unchanged": "unchanged"}
MIRROR_EFFECT = {"narrows": "broadens", "broadens": "narrows", "neutral": "neutral", "reverses": "reverses", "unclear": "unclear"}
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def signature(result, mirror: bool = False) -> Counter:
    out = Counter()
    for pair in result.comparison.pairs:
        for c in pair.changes:
            if mirror:
                out[(c.dimension, MIRROR_KIND[c.kind], c.b_text, c.a_text, MIRROR_EFFECT[c.effect])] += 1
            else:
                out[(c.dimension, c.kind, c.a_text, c.b_text, c.effect)] += 1
    return out


@FAST
@given(sentence)
def test_compare_with_itself_is_unchanged(text):
    result = compare_texts(text, text)
    assert result.comparison.verdict == "unchanged"
    assert all(c.kind == "unchanged" for p in result.comparison.pairs for c in p.changes)


@FAST
@given(sentence, sentence)
def test_swapping_a_and_b_mirrors_every_effect(a, b):
    forward, backward = compare_texts(a, b), compare_texts(b, a)
    assert signature(forward) == signature(backward, mirror=True)
    mirrored = {"narrowed": "broadened", "broadened": "narrowed"}
    assert backward.comparison.verdict == mirrored.get(forward.comparison.verdict, forward.comparison.verdict)
    assert backward.comparison.score == -forward.comparison.score


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_no_text_crashes_compare_or_highlight(runner, text):
    for args in (["compare", "--a-text", text, "--b-text", "Dat gebeurt op dit moment niet."], ["highlight", "-"]):
        res = runner.invoke(cli, [*args, "--format", "json"], input=text)
        assert res.exit_code in (0, 2), res.output
        if res.exit_code == 2:
            assert len(res.stderr.strip().splitlines()) == 1
