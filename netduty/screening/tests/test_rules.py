from __future__ import annotations

from pathlib import Path

import pytest

from netduty.screening import Rules, RulesError, Screener


def test_default_rules_load_and_ship_no_terms() -> None:
    r = Rules.default()
    assert r.terms == ()
    assert len(r.expressions) >= 50
    assert any(e.wrong == "中华人民共合国" for e in r.expressions)


def test_default_expressions_never_fire_on_their_right_form() -> None:
    r = Rules.default()
    s = Screener(r)
    for e in r.expressions:
        assert s.screen_text(e.right) == [], e
        assert [f.category for f in s.screen_text(e.wrong)] == ["expression"], e


def test_from_yaml_text_and_path(tmp_path: Path) -> None:
    text = "terms:\n  - {category: sensitive, severity: high, words: [甲乙]}\nnames: [邵阳学院]\n"
    p = tmp_path / "r.yaml"
    p.write_text(text, encoding="utf-8")
    assert Rules.from_yaml(text) == Rules.from_yaml(p) == Rules.from_yaml(str(p))


@pytest.mark.parametrize(
    "data,needle",
    [
        ({"bogus": []}, "未知的键“bogus”"),
        ({"terms": {}}, "terms：必须是列表"),
        ({"terms": [{"words": ["x"]}]}, "terms[0]：缺少“category”"),
        ({"terms": [{"category": "a b", "words": ["x"]}]}, "terms[0].category"),
        ({"terms": [{"category": "a", "words": ["x"], "bogus": 1}]}, "terms[0]：未知的键“bogus”"),
        ({"terms": [{"category": "a", "severity": "urgent", "words": ["x"]}]}, "terms[0].severity"),
        ({"terms": [{"category": "a", "words": ["，。"]}]}, "terms[0].words[0]"),
        ({"expressions": [{"wrong": "甲"}]}, "expressions[0]：缺少“right”"),
        ({"expressions": [{"wrong": "乾", "right": "干"}]}, "规范化后相同"),
        ({"people": [{"titles": ["校长"]}]}, "people[0]：缺少“name”"),
        ({"allowed_domains": ["https://a.cn"]}, "allowed_domains[0]"),
        ({"names": [["x"]]}, "names[0]：必须是字符串"),
        ([1, 2], "顶层必须是映射"),
    ],
)
def test_validation_errors_are_clear(data: object, needle: str) -> None:
    with pytest.raises(RulesError) as exc:
        Rules.from_dict(data)  # type: ignore[arg-type]
    assert needle in str(exc.value)


def test_yaml_syntax_error() -> None:
    with pytest.raises(RulesError, match="YAML"):
        Rules.from_yaml("terms: [\n")


def test_missing_file() -> None:
    with pytest.raises(RulesError, match="不存在"):
        Rules.from_yaml("/nonexistent/rules.yaml")


def test_merge_unions_and_people_titles() -> None:
    a = Rules.from_dict({"names": ["甲单位"], "people": [{"name": "张三", "titles": ["校长"]}],
                         "allowed_domains": ["a.cn"]})
    b = Rules.from_dict({"names": ["甲单位", "乙单位"], "people": [{"name": "张三", "titles": ["党委副书记"]}],
                         "allowed_domains": ["A.cn", "b.cn"]})
    m = Rules.merge(a, b)
    assert m.names == ("甲单位", "乙单位")
    assert m.people[0].titles == ("校长", "党委副书记")
    assert m.allowed_domains == ("a.cn", "b.cn")
    assert a.merged(b) == m


def test_to_dict_round_trip() -> None:
    r = Rules.default().merged(Rules.from_dict({"terms": [{"category": "x", "words": ["甲乙"], "suggestion": "丙"}],
                                                "people": [{"name": "张三", "titles": "校长"}]}))
    assert Rules.from_dict(r.to_dict()) == r


def test_policy_pack_mapping_shape() -> None:
    # The policy pack embeds the same keys, all lists, possibly empty.
    r = Rules.from_dict({"terms": [], "allow": [], "expressions": [], "names": [], "people": [],
                         "allowed_domains": []})
    assert r == Rules()


def test_lenient_mode_and_aliases() -> None:
    data = {"version": 1, "terms": [{"category": "敏感词", "severity": "高", "words": "甲乙", "note": "x", "zz": 1}]}
    r = Rules.from_dict(data, strict=False)
    assert r.terms[0].category == "敏感词" and r.terms[0].severity == "high" and r.terms[0].words == ("甲乙",)
    assert len(r.warnings) == 2 and "version" in r.warnings[0]
    with pytest.raises(RulesError, match="version"):
        Rules.from_dict(data)
    assert Screener(r).screen_text("甲乙")[0].category == "term.敏感词"


def test_cli_warns_on_unknown_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from netduty.screening.cli import main

    rules = tmp_path / "r.yaml"
    rules.write_text("version: 2\nnames: [邵阳学院]\n", encoding="utf-8")
    txt = tmp_path / "a.txt"
    txt.write_text("邵阳学园", encoding="utf-8")
    assert main(["--rules", str(rules), "--format", "json", str(txt)]) == 0
    out = capsys.readouterr()
    assert "version" in out.err and "邵阳学园" in out.out
