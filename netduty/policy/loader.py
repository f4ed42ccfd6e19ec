"""Parse and validate a policy pack (YAML) with line numbers. Pure Python: no database.

`parse(text, filename)` returns a `ParsedPack` or raises `PackError` carrying every problem
found (not just the first), each with the file, the 1-based line and a Chinese message.
The format's vocabulary lives in `format.py`; the format is documented in docs/policy-pack.md.
"""

from __future__ import annotations

from .format import (  # noqa: F401  (the format's names, re-exported for callers of the loader)
    ACTION_RE,
    CADENCES,
    CHAINS,
    CODE_RE,
    FORMAT_VERSION,
    FUNCTION_DEFAULTS,
    FUNCTIONS,
    ITEM_KINDS,
    PACK_CODE_RE,
    REACHES,
    SCREENING_KEYS,
    LineDict,
    LineList,
    PackError,
    PackIssue,
    ParsedPack,
    load_yaml,
)
from .validation import Validator


def parse(text: str, filename: str = "<pack>") -> ParsedPack:
    """Parse and validate; raise `PackError` listing every problem."""
    doc = load_yaml(text, filename)
    validator = Validator(filename)
    parsed = validator.pack(doc)
    if validator.issues:
        raise PackError(filename, sorted(validator.issues, key=lambda i: i.line))
    assert parsed is not None
    return parsed
