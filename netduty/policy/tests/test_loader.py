"""The pack format: parsing, validation and line-numbered errors (no database)."""

import pytest

from netduty.policy import loader
from netduty.policy.loader import PackError
from netduty.policy.services import default_pack_text

MINIMAL_ROLES = "\n".join(
    f"  - {{code: {code}, name: {code}, reach: unit, chain: none, actions: [view]}}"
    for code in ("first_responsible", "direct_responsible", "team_member", "unit_head", "dept_head",
                 "info_officer", "commentator", "propaganda_office", "discipline_office", "school_leader")
)
GOOD = f"""format: 1
pack:
  code: test-pack
  version: 1
  name: 测试制度包
  effective_from: 2020-01-01
levels:
  - {{code: orgs, name: 各级党组织, unit_kinds: [general_branch], source_ref: 一}}
roles:
{MINIMAL_ROLES}
tasks:
  - code: t1
    item: 领导责任
    content: 每年研究不少于2次。
    level: orgs
    cadence: half_year
    min_count: 2
    count_of: meeting.committee_ideology
    source_ref: 附件·1
"""


def issues_of(text: str) -> list[tuple[int, str]]:
    with pytest.raises(PackError) as info:
        loader.parse(text, "bad.yaml")
    assert all(i.filename == "bad.yaml" for i in info.value.issues)
    return [(i.line, i.message) for i in info.value.issues]


def test_default_pack_counts():
    parsed = loader.parse(default_pack_text(), "shaoyang-2018.yaml")
    assert (parsed.code, parsed.version, str(parsed.effective_from)) == ("shaoyang-2018", 1, "2018-09-20")
    assert len(parsed.roles) == 10
    assert len(parsed.tasks) == 13
    counts = {kind: parsed.count(kind) for kind in loader.ITEM_KINDS + ("level",)}
    assert counts == {"guiding": 2, "key_task": 4, "situation": 9, "method": 7, "team_type": 7,
                      "requirement": 3, "review_check": 3, "principle": 9, "level": 2}


def test_default_pack_every_row_has_a_source_ref_and_the_12_table_rows():
    parsed = loader.parse(default_pack_text())
    assert all(row["source_ref"] for row in parsed.tasks + parsed.items + parsed.roles)
    assert sorted({t["row"] for t in parsed.tasks}) == list(range(1, 13))
    meetings = next(t for t in parsed.tasks if t["min_count"])
    assert (meetings["min_count"], meetings["count_of"], meetings["cadence"]) == (2, "meeting.committee_ideology",
                                                                                  "half_year")
    inherited = [t["code"] for t in parsed.tasks if not t["cadence_text"]]
    assert inherited == ["online_civility_publicity", "six_plus_one_teams"]
    assert all(t["cadence"] == "long_term" for t in parsed.tasks if t["code"] in inherited)
    assert all(t["evidence"] for t in parsed.tasks)


def test_default_pack_roles_match_the_platform_contract():
    roles = {r["code"]: r for r in loader.parse(default_pack_text()).roles}
    assert roles["first_responsible"]["chain"] == "first" and roles["first_responsible"]["single_holder"]
    assert roles["direct_responsible"]["actions"] == roles["first_responsible"]["actions"]
    assert roles["team_member"] == {**roles["team_member"], "reach": "unit", "chain": "one_post_two_duties",
                                    "actions": ["view", "review.decide", "duties.accept"]}
    assert roles["propaganda_office"]["reach"] == "school"
    assert "policy.manage" in roles["propaganda_office"]["actions"]
    assert roles["discipline_office"]["actions"] == ["view", "audit.view", "cases.manage"]
    assert roles["info_officer"]["actions"] == ["view", "review.submit", "duties.record", "opinion.report"]


def test_default_pack_data_defaults():
    data = loader.parse(default_pack_text()).data
    assert [s["roles"] for s in data["review"]["stages"]] == [["info_officer"], ["dept_head"],
                                                              ["unit_head", "first_responsible", "direct_responsible"]]
    assert data["channels"]["register_new_within_days"] == 30
    assert data["channels"]["report_change_within_days"] == 7
    assert [lv["name"] for lv in data["opinion"]["levels"]] == ["特大", "重大", "一般"]
    assert data["screening"] == {k: [] for k in loader.SCREENING_KEYS}


def test_good_minimal_pack_parses():
    parsed = loader.parse(GOOD)
    assert parsed.tasks[0]["min_count"] == 2


def test_bad_yaml_reports_the_line():
    [(line, message)] = issues_of(GOOD.replace("  version: 1", "  version: [1"))
    assert line in (4, 5) and "YAML 语法错误" in message


def test_wrong_cadence_names_the_line_and_the_choices():
    problems = issues_of(GOOD.replace("cadence: half_year", "cadence: weekly"))
    line = GOOD.splitlines().index("    cadence: half_year") + 1
    assert problems == [(line, "重点任务 的 cadence 必须是 long_term/half_year/quarter/year/on_event，而不是“weekly”")]
    assert str(PackError("bad.yaml", [loader.PackIssue("bad.yaml", line, "x")]).issues[0]) == f"第 {line} 行：x"


def test_every_problem_is_reported_not_just_the_first():
    text = GOOD.replace("cadence: half_year", "cadence: weekly").replace("level: orgs", "level: nowhere")
    text = text.replace("  name: 测试制度包\n", "")
    lines = [line for line, _ in issues_of(text)]
    assert len(lines) == 3 and lines == sorted(lines)


def test_missing_keys_and_sections():
    problems = issues_of("format: 1\npack:\n  code: x\n")
    messages = " ".join(m for _, m in problems)
    for key in ("roles", "tasks", "version", "name", "effective_from"):
        assert f"“{key}”" in messages


def test_duplicate_codes_and_duplicate_keys():
    dup = GOOD + "  - {code: t1, item: a, content: b, level: orgs, cadence: year, source_ref: c}\n"
    [(line, message)] = issues_of(dup)
    assert line == len(dup.splitlines()) and "重复" in message and "t1" in message
    [(line, message)] = issues_of(GOOD.replace("  version: 1\n", "  version: 1\n  version: 2\n"))
    assert line == 5 and "键“version”重复" in message


def test_required_roles_unknown_keys_and_references():
    text = GOOD.replace("  - {code: school_leader, name: school_leader, reach: unit, chain: none, actions: [view]}\n", "")
    assert any("school_leader" in m for _, m in issues_of(text))
    assert any("bogus" in m for _, m in issues_of(GOOD + "bogus: 1\n"))
    text = GOOD + "data:\n  review:\n    stages:\n      - {code: a, name: 初审, roles: [ghost]}\n"
    assert issues_of(text) == [(len(text.splitlines()), "审核阶段引用了不存在的角色“ghost”")]
    text = GOOD + "data:\n  screening:\n    words: []\n"
    assert "words" in issues_of(text)[0][1]


def test_not_a_mapping():
    assert issues_of("- a\n- b\n")[0][0] == 1
    assert issues_of("")[0][0] == 1


def test_functions_name_existing_roles():
    text = default_pack_text().replace("propaganda: [propaganda_office]", "propaganda: [nobody_here]")
    with pytest.raises(PackError) as exc:
        loader.parse(text, "bad.yaml")
    assert "nobody_here" in str(exc.value)
    text = default_pack_text().replace("propaganda: [propaganda_office]", "press: [propaganda_office]")
    with pytest.raises(PackError):
        loader.parse(text, "bad.yaml")


@pytest.mark.django_db
def test_function_roles_read_from_the_pack(pack):
    from netduty.policy import selectors

    assert selectors.function_roles("unit_head") == ["first_responsible", "unit_head"]
    pack.data["functions"] = {"propaganda": ["school_leader"]}
    pack.save(update_fields=["data"])
    assert selectors.function_roles("propaganda") == ["school_leader"]
    assert selectors.function_roles("discipline") == ["discipline_office"]  # not said: the default
