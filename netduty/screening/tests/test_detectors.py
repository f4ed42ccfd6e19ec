"""Each category on planted problems and on bait that must not fire."""

from __future__ import annotations

import pytest

from netduty.screening import Rules, Screener

RULES = Rules.from_dict(
    {
        "terms": [
            {"category": "sensitive", "severity": "high", "words": ["法轮功", "台独", "VPN"]},
            {"category": "num", "severity": "low", "words": ["十五", "第二十五条", "二十五亩"]},
        ],
        "allow": ["平台独立"],
        "expressions": [{"wrong": "中华人民共合国", "right": "中华人民共和国"},
                        {"wrong": "人民共和", "right": "中华人民共和国"}],
        "names": ["邵阳学院", "马克思主义学院", "计算机科学与技术学院", "党委宣传部"],
        "people": [
            {"name": "张三", "titles": ["党委书记"]},
            {"name": "李四", "titles": ["校长"]},
            {"name": "王五", "titles": ["副校长"]},
        ],
        "allowed_domains": ["hnsyu.edu.cn", "gov.cn"],
    }
)
SCREENER = Screener(RULES)


def found(text: str, prefix: str = "") -> list[tuple[str, str]]:
    out = []
    for f in SCREENER.screen_text(text):
        assert text[f.start : f.end] == f.text
        if f.category.startswith(prefix):
            out.append((f.category, f.text))
    return out


# ---- secrecy -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,marked",
    [
        ("机密★10年\n正文", "机密★10年"),
        ("绝密★长期", "绝密★长期"),
        ("秘密☆1年", "秘密☆1年"),
        ("绝密★启用前", "绝密★启用前"),
        ("秘密★", "秘密★"),
        ("机密 ★ 五年", "机密 ★ 五年"),
        ("  秘密  \n标题", "秘密"),
        ("标题\r\n机密\r\n正文", "机密"),
    ],
)
def test_secrecy_markings(text: str, marked: str) -> None:
    assert found(text, "secrecy") == [("secrecy", marked)]


@pytest.mark.parametrize(
    "text",
    [
        "保守国家秘密是公民的义务。",
        "坚持涉密不公开、公开不涉密。",
        "国家秘密分为绝密、机密、秘密三级。",
        "不得将内部资料上传至互联网，涉密文件严禁外传扩散。",
        "这是一个秘密。",
        "秘密会议",
        "大家要注意保密工作。",
    ],
)
def test_secrecy_prose_is_not_a_marking(text: str) -> None:
    assert found(text, "secrecy") == []


def test_secrecy_notices() -> None:
    assert found("（内部资料，严禁外传）", "secrecy") == [("secrecy", "内部资料"), ("secrecy", "严禁外传")]
    assert found("内部刊物\n正文", "secrecy") == [("secrecy", "内部刊物")]
    assert found("内部资料注意保密", "secrecy") == [("secrecy", "内部资料"), ("secrecy", "注意保密")]


# ---- personal data -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,cat,hit",
    [
        ("身份证号430502198510154015。", "pii.id_card", "430502198510154015"),
        ("身份证：11010519491231002X", "pii.id_card", "11010519491231002X"),
        ("身份证：11010519491231002x", "pii.id_card", "11010519491231002x"),
        ("手机13812345678", "pii.mobile", "13812345678"),
        ("手机：138 1234 5678。", "pii.mobile", "138 1234 5678"),
        ("手机：138-1234-5678", "pii.mobile", "138-1234-5678"),
        ("电话+8613812345678", "pii.mobile", "+8613812345678"),
        ("电话 +86 138 1234 5678", "pii.mobile", "+86 138 1234 5678"),
        ("电话 86-13812345678", "pii.mobile", "86-13812345678"),
        ("Tel: 0739-5431234 13812345678", "pii.mobile", "13812345678"),
        ("卡号6217002830020123453", "pii.bank_card", "6217002830020123453"),
        ("卡号 6222 0219 0100 1235", "pii.bank_card", "6222 0219 0100 1235"),
        ("卡号 6217-0028-3002-0123-453", "pii.bank_card", "6217-0028-3002-0123-453"),
        ("邮箱：zhang.san@hnsyu.edu.cn。", "pii.email", "zhang.san@hnsyu.edu.cn"),
        ("发送至13812345678@139.com即可", "pii.email", "13812345678@139.com"),
        ("护照号码E12345678", "pii.passport", "E12345678"),
        ("护照：EA1234567", "pii.passport", "EA1234567"),
        ("护照号 P1234567", "pii.passport", "P1234567"),
    ],
)
def test_pii_found(text: str, cat: str, hit: str) -> None:
    assert found(text, "pii") == [(cat, hit)]


@pytest.mark.parametrize(
    "text",
    [
        "订单430502198510154016（校验位错误、没有身份证标签）",
        "身份证号430502198513154015（日期不存在）",
        "手机138****5678",
        "手机 138 **** 5678",
        "办公电话0739-5431234",
        "电话（0739）5431234",
        "订单号202311260001234567",
        "流水号20231126123456789012345",
        "编号 6217002830020123453",
        "卡号6217002830020123451（Luhn 不通过）",
        "序列号AB13812345678CD",
        "文件 x13812345678",
        "13812345678901",
        "3.1381234567890",
        "https://example.com/u/13812345678/x",
        "批次 2023-13812345678",
        "邮箱：zh***@163.com",
        "列车 G1234 次",
        "型号E123456789",
        "学号 202301010123 成绩 95",
    ],
)
def test_pii_bait(text: str) -> None:
    assert found(text, "pii") == []


def test_id_is_not_a_bank_card() -> None:
    # 430522200103076529 is a valid ID; it must be reported as an ID only.
    assert found("430522200103076529", "pii") == [("pii.id_card", "430522200103076529")]


# ---- terms, expressions, allow -------------------------------------------------------------
def test_overlapping_terms_all_found() -> None:
    assert found("想第二十五伤者", "term") == [("term.num", "十五")]
    assert sorted(found("第二十五条", "term")) == [("term.num", "十五"), ("term.num", "第二十五条")]


@pytest.mark.parametrize(
    "text,hit",
    [
        ("法轮功", "法轮功"),
        ("法 轮 功", "法 轮 功"),
        ("法*轮*功", "法*轮*功"),
        ("法\u200b轮\u200b功", "法\u200b轮\u200b功"),
        ("法·轮·功", "法·轮·功"),
        ("法輪功", "法輪功"),
        ("ｖｐｎ", "ｖｐｎ"),
        ("用vpn翻墙", "vpn"),
        ("VPN", "VPN"),
    ],
)
def test_term_normalisation(text: str, hit: str) -> None:
    assert found(text, "term.sensitive") == [("term.sensitive", hit)]


@pytest.mark.parametrize("text", ["openvpn 软件", "法。轮功", "法\n轮功", "法     轮功", "平台独立运营"])
def test_term_bait(text: str) -> None:
    assert found(text, "term.sensitive") == []


def test_expressions_and_right_form() -> None:
    assert found("中华人民共合国成立", "expression") == [("expression", "中华人民共合国")]
    assert found("中华人民共和国成立", "expression") == []
    f = SCREENER.screen_text("中华人民共合国")[0]
    assert f.suggestion == "中华人民共和国"


# ---- names ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,hit",
    [
        ("欢迎报考邵阳学园！", "邵阳学园"),
        ("邵杨学院", "邵杨学院"),
        ("马克思主学院", "马克思主学院"),
        ("马克思主义义学院", "马克思主义义学院"),
        ("计算机科学与技木学院", "计算机科学与技木学院"),
        ("党委宣传布", "党委宣传布"),
    ],
)
def test_name_near_miss(text: str, hit: str) -> None:
    assert found(text, "name") == [("name", hit)]


@pytest.mark.parametrize(
    "text",
    [
        "邵阳学院马克思主义学院",
        "邵阳学院党委宣传部",
        "邵阳学院学报",
        "党委宣传工作",  # omission at an end is just a shorter word
        "马克思主义学",
        "邵阳，学校",
        "马克思主义理论",
    ],
)
def test_name_bait(text: str) -> None:
    assert found(text, "name") == []


def test_name_one_finding_per_misspelling() -> None:
    assert len(found("计算机科学与技术学园和计算机科学与技术学院", "name")) == 1


# ---- titles --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,hit",
    [
        ("校长张三出席", "校长张三"),
        ("张三校长讲话", "张三校长"),
        ("校长 张三", "校长 张三"),
        ("校长·张三", "校长·张三"),
        ("副校长李四", "副校长李四"),
    ],
)
def test_title_wrong(text: str, hit: str) -> None:
    assert found(text, "title") == [("title", hit)]


@pytest.mark.parametrize(
    "text",
    ["党委书记张三", "副校长王五", "校长李四", "党委书记张三 校长李四", "校长，张三", "校长  张三", "张三\n校长"],
)
def test_title_bait(text: str) -> None:
    assert found(text, "title") == []


# ---- links ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,hit,rule",
    [
        ("见 http://www.hnsyu.edu.cn/a.htm。", "http://www.hnsyu.edu.cn/a.htm", "link.http"),
        ("见https://evil.example.com/x?a=1，", "https://evil.example.com/x?a=1", "link.domain"),
        ("（http://bad.cn/a）", "http://bad.cn/a", "link.domain"),
        ("网址：www.bad.com", "www.bad.com", "link.domain"),
    ],
)
def test_links(text: str, hit: str, rule: str) -> None:
    fs = [f for f in SCREENER.screen_text(text) if f.category == "link"]
    assert [(f.text, f.rule) for f in fs] == [(hit, rule)]


@pytest.mark.parametrize("text", ["https://www.hnsyu.edu.cn/x", "https://www.moe.gov.cn/", "HTTP协议", "www"])
def test_link_bait(text: str) -> None:
    assert found(text, "link") == []


def test_no_domain_check_without_allowed_list() -> None:
    s = Screener(Rules())
    assert [f.rule for f in s.screen_text("https://a.example.com http://b.example.com")] == ["link.http"]


@pytest.mark.parametrize("text", ["在邵阳学习生活", "邵阳学子", "与贵阳学院合作", "马克思主义学派"])
def test_name_edge_substitution_needs_homophone(text: str) -> None:
    assert found(text, "name") == []


def test_name_edge_homophone_substitution() -> None:
    assert found("绍阳学院", "name") == [("name", "绍阳学院")]


def test_misspelt_name_is_not_also_an_expression() -> None:
    s = Screener(Rules.default().merged(Rules.from_dict({"names": ["马克思主义学院"]})))
    assert [(f.category, f.text) for f in s.screen_text("马克思主意学院")] == [("name", "马克思主意学院")]
    assert [(f.category, f.text) for f in s.screen_text("学习马克思主意")] == [("expression", "马克思主意")]


@pytest.mark.parametrize("number", ["430502198513154015", "430502198502304015", "430502198510154016"])
def test_invalid_ids_are_never_cards(number: str) -> None:
    # Whatever their Luhn digit, 18-digit numbers shaped like an ID are not bank cards.
    for last in "0123456789":
        assert found(f"身份证：{number[:-1]}{last}", "pii.bank") == []


def test_labelled_id_with_wrong_check_digit_is_reported_lower() -> None:
    for label in ("身份证号", "身份证号码：", "证件号: ", "身份证"):
        got = SCREENER.screen_text(f"{label}430502198510154016（登记有误）")
        assert [(f.category, f.rule, f.severity, f.text) for f in got] == [
            ("pii.id_card", "pii.id_card.check_digit", "medium", "430502198510154016")]
        assert "校验位" in got[0].message
    # Without a label a number with a wrong check digit is not an ID.
    assert found("单据430502198510154016", "pii") == []


def test_id_county_table_is_not_a_gate() -> None:
    # 130881 (平泉市) exists only from 2017; a holder born in 1990 still has a real ID.
    from stdnum.cn import ric

    number = "13088119900307123" + ric.calc_check_digit("13088119900307123" + "0")
    assert not ric.is_valid(number)
    assert found(f"号码{number}", "pii") == [("pii.id_card", number)]
    for bad in ("99" + number[2:], number[:10] + "1332" + number[14:], "1308812999" + number[10:]):
        assert found(f"号码{bad[:17]}{ric.calc_check_digit(bad[:17] + '0')}", "pii.id") == []


def test_slash_separates_two_complete_numbers() -> None:
    assert found("15835129527/17717923321", "pii") == [("pii.mobile", "15835129527"), ("pii.mobile", "17717923321")]
    assert found("13907391234、18673915678", "pii") == [("pii.mobile", "13907391234"), ("pii.mobile", "18673915678")]
    assert found("2024/13812345678/01", "pii") == []
    assert found("u/13812345678/x", "pii") == []


def test_name_containing_another_listed_name() -> None:
    s = Screener(Rules.from_dict({"names": ["邵阳学院", "中共邵阳学院委员会", "邵阳学院附属第一医院"]}))
    got = [(f.category, f.text) for f in s.screen_text("中共邵阳学院委圆会召开会议，邵阳学院附属第一医院。")]
    assert got == [("name", "中共邵阳学院委圆会")]


def test_screener_is_shareable_between_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"校长张三出席{i}，手机1381234{i:04d}，邵阳学园，法 轮 功，http://a.cn/{i}" for i in range(200)]
    want = [SCREENER.screen_text(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(SCREENER.screen_text, texts))
    assert got == want


def test_quoted_notice_is_a_mention() -> None:
    assert found("并附有所谓“内部文件”截图。", "secrecy") == []
    assert found("【内部资料】", "secrecy") == [("secrecy", "内部资料")]
