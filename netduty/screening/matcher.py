"""One Aho-Corasick automaton (ahocorasick-rs) over the compact text for every literal pattern.

Every unique compact pattern gets an id; each id carries the *roles* it plays (a configured
term, a wrong expression, an allow phrase, a unit name or one of its halves, a person, a
title, a secrecy keyword, a link trigger).  One overlapping pass (``MatchKind.Standard`` with
``overlapping=True``) finds every occurrence of every pattern, including patterns that overlap
or contain each other — the property leftmost-longest matchers lose.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import ahocorasick_rs

from .normalize import normalize_pattern

# Role kinds.
TERM = "term"
EXPR = "expr"
ALLOW = "allow"
RIGHT = "right"
NAME = "name"
NAME_L = "name_l"
NAME_R = "name_r"
NAME_WRONG = "name_wrong"  # a configured wrong form of a name (wrong_names)
NAME_SUFFIX = "name_suffix"  # a name with the wrong institution suffix (师范大学 for 师范学院)
PERSON = "person"
TITLE = "title"
SECRET = "secret"
NOTICE = "notice"
LINK = "link"

Role = tuple[str, Any]


class PatternIndex:
    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self.patterns: list[str] = []
        self.roles: list[list[Role]] = []
        self._ac: ahocorasick_rs.AhoCorasick | None = None

    def add(self, raw: str, kind: str, arg: Any, *, normalized: bool = False) -> str:
        """Register *raw* (normalised unless *normalized*) for a role; returns the compact form."""
        pat = raw if normalized else normalize_pattern(raw)
        if not pat:
            return pat
        pid = self._ids.get(pat)
        if pid is None:
            pid = len(self.patterns)
            self._ids[pat] = pid
            self.patterns.append(pat)
            self.roles.append([])
        role = (kind, arg)
        if role not in self.roles[pid]:
            self.roles[pid].append(role)
        return pat

    def build(self) -> None:
        # ContiguousNFA measured fastest on CJK text here (see bench/screening.py).
        self._ac = ahocorasick_rs.AhoCorasick(
            self.patterns,
            matchkind=ahocorasick_rs.MatchKind.Standard,
            store_patterns=False,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA,
        ) if self.patterns else None
        # Fast bucketing: most patterns play exactly one role.
        self._single = [r[0] if len(r) == 1 else None for r in self.roles]

    def find(self, compact: str) -> dict[str, list[tuple[Any, int, int]]]:
        """All overlapping occurrences, bucketed by role kind: kind -> [(arg, start, end)]."""
        out: dict[str, list[tuple[Any, int, int]]] = defaultdict(list)
        if self._ac is None or not compact:
            return out
        single = self._single
        by_role: dict[tuple[str, Any] | None, list[tuple[int, int, int]]] = defaultdict(list)
        for t in self._ac.find_matches_as_indexes(compact, overlapping=True):
            by_role[single[t[0]]].append(t)
        multi = by_role.get(None)
        for role, ms in by_role.items():
            if role is None:
                continue
            kind, arg = role
            out[kind].extend([(arg, s, e) for _, s, e in ms])
        if multi:
            roles = self.roles
            for pid, s, e in multi:
                for kind, arg in roles[pid]:
                    out[kind].append((arg, s, e))
        return out
