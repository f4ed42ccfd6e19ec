from __future__ import annotations

from pathlib import Path

import pytest

from netduty.screening import Rules, Screener

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="session")
def corpus_rules() -> Rules:
    return Rules.default().merged(Rules.from_yaml(CORPUS / "rules.yaml"))


@pytest.fixture(scope="session")
def screener(corpus_rules: Rules) -> Screener:
    return Screener(corpus_rules)
