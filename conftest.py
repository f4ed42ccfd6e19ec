"""Shared fixtures: the default policy pack and a small world of named actors.

    root 校党委 ─┬─ 宣传部 (propaganda: 宣传部 office, school-wide)
                 ├─ 纪委办公室 (discipline: 纪委 office, school-wide)
                 ├─ 文学院 (college_a) ── 文学院学生党支部 (branch_a)
                 │     secretary: 第一责任人 · editor: 信息员 · head: 部门负责人
                 └─ 外国语学院 (college_b)
                       outsider: 第一责任人 of the sibling college
    nobody: a login with no appointment · admin: superuser
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from netduty.org.tests.factories import make_world


@pytest.fixture
def pack(db):
    from netduty.policy.services import load_default_pack

    return load_default_pack()


@pytest.fixture
def world(pack):
    return make_world(pack)


@pytest.fixture
def today():
    return dt.date.today()


@pytest.fixture
def ns():
    return SimpleNamespace
