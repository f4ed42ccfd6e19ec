"""netduty.screening — fast, exact screening of Chinese text (no Django, no database).

    from netduty.screening import Rules, Screener
    screener = Screener(Rules.default().merged(Rules.from_yaml("rules.yaml")))
    for f in screener.screen_text(text):
        print(f.to_dict())
    result = screener.screen_file("notice.docx")

See docs/screening.md for the rules format, the findings contract and each category.
"""

from .engine import Screener, screen_text
from .extract import PROBLEM_CODES, Limits, Problem
from .findings import FileResult, Finding
from .rules import Expression, Person, Rules, RulesError, TermGroup

__all__ = [
    "Expression",
    "FileResult",
    "Finding",
    "Limits",
    "PROBLEM_CODES",
    "Problem",
    "Person",
    "Rules",
    "RulesError",
    "Screener",
    "TermGroup",
    "screen_text",
]
