"""Pack keys read by review screening: `data.institution` and `data.review.secrecy_finding`."""

from netduty.policy import loader
from netduty.policy.services import default_pack_text

from .test_loader import GOOD, issues_of


def test_default_pack_names_the_institution_and_blocks_secrecy():
    data = loader.parse(default_pack_text()).data
    assert data["institution"]["name"] == "邵阳学院"
    assert "邵阳大学" in data["institution"]["wrong_forms"]
    assert data["review"]["secrecy_finding"] == "block"


def test_institution_and_secrecy_mode_parse():
    text = GOOD + """data:
  institution:
    name: 湘中师范学院
    short_names: [湘中师院]
    wrong_forms: [湘中师范大学, {wrong: 湖中师范学院, right: 湘中师范学院}]
  review:
    secrecy_finding: escalate
"""
    data = loader.parse(text).data
    assert data["institution"]["wrong_forms"][1] == {"wrong": "湖中师范学院", "right": "湘中师范学院"}
    assert data["review"]["secrecy_finding"] == "escalate"


def test_bad_institution_and_secrecy_mode_name_their_lines():
    text = GOOD + """data:
  institution:
    short_names: 湘中师院
    wrong_forms: [湘中师范大学, {wrong: 湖中师范学院, typo: x}, 3]
    colour: red
  review:
    secrecy_finding: warn
"""
    problems = issues_of(text)
    lines = text.splitlines()
    messages = " ".join(m for _line, m in problems)
    assert "data.institution 缺少必填项“name”" in messages
    assert (lines.index("    short_names: 湘中师院") + 1, "data.institution 的 short_names 必须是非空文字组成的列表") in problems
    assert sum("wrong_forms 第" in m for _line, m in problems) == 2
    assert any(line == lines.index("    colour: red") + 1 and "colour" in m for line, m in problems)
    assert any(line == lines.index("    secrecy_finding: warn") + 1 and "block/escalate" in m for line, m in problems)
