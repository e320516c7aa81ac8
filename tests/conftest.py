"""Shared fixtures. The bundled pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WORDING_DIFF_SHARED", ROOT.parent / "shared"))
SEED_A = SHARED / "examples" / "dekker-2021-09-28.txt"
SEED_B = SHARED / "examples" / "grapperhaus-2021-10-13.txt"
DEKKER = "Biometrische surveillance, in de zin van real time gezichtsherkenning, wordt op dit moment in Nederland niet gedaan."
GRAPPERHAUS = (
    "Voor het gebruik van biometrische surveillance in de publieke ruimte door de politie, in de zin van real time "
    "gezichtsherkenning, wordt op dit moment in de politieorganisatie geen toestemming gegeven."
)


def needs_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared beside the checkout holds the shared data)")
    return path


@pytest.fixture(scope="session", autouse=True)
def _isolate_environment():
    # A developer's own model or lexicon must not change what the tests see.
    saved = {k: os.environ.pop(k, None) for k in ("WORDING_DIFF_MODEL", "WORDING_DIFF_LEXICON", "NO_COLOR", "FORCE_COLOR")}
    yield
    for k, v in saved.items():
        if v is not None:
            os.environ[k] = v


@pytest.fixture(scope="session")
def parser():
    from wording_diff.api import get_parser

    return get_parser()


@pytest.fixture(scope="session")
def nlp(parser):
    return parser.nlp


@pytest.fixture(scope="session")
def lexicon(nlp):
    return nlp.get_pipe("scope_qualifiers").lexicon


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture(scope="session")
def seed_comparison():
    from wording_diff.api import compare_texts

    return compare_texts(DEKKER, GRAPPERHAUS, a_label="dekker", b_label="grapperhaus")
