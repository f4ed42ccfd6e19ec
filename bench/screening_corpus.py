"""Precision / recall / F1 per category on the labelled corpus (issue 15).

    .venv/bin/python bench/screening_corpus.py [--corpus DIR] [--json]

Screens every ``*.txt``/``*.html`` document of the corpus (default
``netduty/screening/tests/corpus``) with the corpus's ``rules.yaml`` merged onto the default
rules, and compares the findings with each document's ``.expected.json`` by
``(category, start, end)``.  Categories are grouped as in issue 15: ``secrecy``,
``pii.id_card``, ``pii.mobile``, other ``pii.*``, ``term`` (every ``term.*``), ``expression``,
``name``, ``title``, ``link``.  The rules file is read leniently (``strict=False``) so that the
same script measures an older version of the library on a newer corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netduty.screening import Rules, Screener  # noqa: E402

GROUPS = ("secrecy", "pii.id_card", "pii.mobile", "pii.other", "term", "expression", "name", "title", "link")


def group(category: str) -> str:
    if category.startswith("term."):
        return "term"
    if category.startswith("pii.") and category not in ("pii.id_card", "pii.mobile"):
        return "pii.other"
    return category


def measure(corpus: Path) -> dict[str, dict[str, int]]:
    rules = Rules.default().merged(Rules.from_yaml(corpus / "rules.yaml", strict=False))
    screener = Screener(rules)
    counts: dict[str, Counter[str]] = {g: Counter() for g in GROUPS}
    docs = sorted([*corpus.glob("*.txt"), *corpus.glob("*.html")])
    for path in docs:
        result = screener.screen_file(path)
        got = {(f.category, f.start, f.end) for f in result.findings}
        want = {(e["category"], e["start"], e["end"])
                for e in json.loads(path.with_suffix(".expected.json").read_text("utf-8"))}
        for key in got | want:
            c = counts.setdefault(group(key[0]), Counter())
            c["tp" if key in got and key in want else ("fp" if key in got else "fn")] += 1
    return {g: dict(c) for g, c in counts.items()} | {"_docs": {"n": len(docs)}}


def scores(c: dict[str, int]) -> tuple[float, float, float]:
    tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "netduty/screening/tests/corpus")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = measure(args.corpus)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print(f"corpus: {args.corpus} ({res['_docs']['n']} documents)")
    print(f"{'category':<12} {'labelled':>8} {'found':>6} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
    total: Counter[str] = Counter()
    for g in GROUPS:
        c = res.get(g, {})
        if not c:
            continue
        total.update(c)
        p, r, f = scores(c)
        tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
        print(f"{g:<12} {tp + fn:>8} {tp + fp:>6} {tp:>4} {fp:>4} {fn:>4} {p:>9.3f} {r:>7.3f} {f:>6.3f}")
    p, r, f = scores(dict(total))
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    print(f"{'all':<12} {tp + fn:>8} {tp + fp:>6} {tp:>4} {fp:>4} {fn:>4} {p:>9.3f} {r:>7.3f} {f:>6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
