"""Hypothesis: offsets are exact, and findings never change when unrelated text is appended."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netduty.screening import Rules, Screener

RULES = Rules.default().merged(
    Rules.from_dict(
        {
            "terms": [{"category": "t", "words": ["法轮功", "十五", "第二十五条", "abc", "VPN"]}],
            "allow": ["平台独立"],
            "names": ["邵阳学院", "马克思主义学院"],
            "people": [{"name": "张三", "titles": ["党委书记"]}, {"name": "李四", "titles": ["校长", "副校长"]}],
            "allowed_domains": ["edu.cn"],
        }
    )
)
SCREENER = Screener(RULES)

PIECES = [
    "法", "轮", "功", "輪", "十", "五", "第", "二", "条", "a", "b", "c", "A", "Ｂ", "V", "P", "N", "邵", "阳", "学", "院",
    "园", "马克思主义", "张三", "李四", "校长", "副", "党委书记", "机密", "秘密", "★", "10年", "内部资料", "严禁外传",
    "1", "3", "8", "0", "6", "2", "X", "-", "+86", " ", "\u3000", "\u200b", "·", "，", "。", "\n", "\r\n", "*", "@",
    "qq.com", "http://", "https://", "www.", "x.edu.cn", "/", "13812345678", "430502198510154015",
    "6217002830020123453", "中华人民共合国", "平台独立", "😀", "𠀋",
]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
# Unrelated text: starts on a new line and contains nothing any rule matches.
tails = st.lists(st.sampled_from(["今天天气很好", "我们", "。", " ", "\n", "好"]), max_size=20).map(lambda s: "\n" + "".join(s))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_offsets_are_exact(text: str) -> None:
    for f in SCREENER.screen_text(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text


@SETTINGS
@given(texts, tails)
def test_appending_unrelated_text_changes_nothing(text: str, tail: str) -> None:
    assert SCREENER.screen_text(text + tail) == SCREENER.screen_text(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    for f in SCREENER.screen_text(text):
        assert text[f.start : f.end] == f.text


WORDS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=6)),
                 max_size=6)


@settings(max_examples=150, deadline=None)
@given(WORDS, texts)
def test_any_rules_offsets_exact(words: list[str], text: str) -> None:
    try:
        rules = Rules.from_dict({
            "terms": [{"category": "x", "words": words}], "names": words, "allow": words[:1],
            "people": [{"name": w, "titles": words[i + 1 :]} for i, w in enumerate(words)],
            "expressions": [{"wrong": w, "right": w + "正"} for w in words[:2]],
        })
    except ValueError:
        return
    for f in Screener(rules).screen_text(text):
        assert text[f.start : f.end] == f.text


def test_chunked_screening_is_identical(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from netduty.screening import engine

    lines = ["机密★10年", "校长张三出席，手机13812345678", "邵阳学园 http://x.com 法 轮 功", "秘密", "普通的一行文字"]
    text = "\n".join(lines[i % len(lines)] for i in range(400))
    whole = SCREENER.screen_text(text)
    monkeypatch.setattr(engine, "CHUNK_CHARS", 97)
    assert SCREENER.screen_text(text) == whole
    assert len(whole) > 400


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6), texts, tails)
def test_any_rules_append_invariance(words: list[str], text: str, tail: str) -> None:
    try:
        rules = Rules.from_dict({
            "terms": [{"category": "x", "words": words}], "names": words, "allow": words[:1],
            "people": [{"name": w, "titles": words[i + 1 :]} for i, w in enumerate(words)],
            "allowed_domains": ["x.edu.cn"],
        })
    except ValueError:
        return
    s = Screener(rules)
    assert s.screen_text(text + tail) == s.screen_text(text)


def test_pathological_texts_stay_linear() -> None:
    """Inputs built to trigger quadratic paths finish quickly (no timing assertion needed:
    a quadratic path would take minutes at these sizes)."""
    big = 40_000
    texts = [
        "1 " * big,
        "1-" * big + "x",
        "http://a.com/" + ")" * big,
        "校长张三" * (big // 4),
        "张三校长李四" * (big // 6),
        "@" * big,
        "a@" * big,
        "邵阳学院" * (big // 4),
        "邵阳学园" * (big // 4),
        "法 轮 功 " * (big // 8),
        "秘密★10年\n" * (big // 8),
        "\u200b" * big,
        "😀" * big,
        "E" + "1" * big,
    ]
    for t in texts:
        for f in SCREENER.screen_text(t):
            assert t[f.start : f.end] == f.text


# Composed evasion (issue 15): traditional characters *and* interference characters in one
# term; the finding's span still maps back exactly onto the original text.
EVASION_TERMS = {"代考": "代考", "包过": "包過", "论文代写": "論文代寫", "第二十五条": "第二十五條"}
EVASION_SCREENER = Screener(Rules.from_dict({"terms": [{"category": "cheat", "words": list(EVASION_TERMS)}]}))
NOISE = st.sampled_from([".", "|", " ", "·", "★", "_", "\u200b", "*", "．", "\u3000"])


@st.composite
def evaded(draw: st.DrawFn) -> tuple[str, str, str]:
    word = draw(st.sampled_from(sorted(EVASION_TERMS)))
    trad = EVASION_TERMS[word]
    chars = [draw(st.sampled_from([a, b])) for a, b in zip(word, trad, strict=True)]
    out = chars[0]
    for ch in chars[1:]:
        out += "".join(draw(st.lists(NOISE, max_size=3))) + ch
    prefix = draw(st.sampled_from(["", "广告：", "“", "专业"]))
    suffix = draw(st.sampled_from(["", "，不过退款", "”", "。"]))
    return word, out, prefix + out + suffix


@SETTINGS
@given(evaded())
def test_composed_evasion_is_found_with_exact_offsets(case: tuple[str, str, str]) -> None:
    word, evasion, text = case
    got = [f for f in EVASION_SCREENER.screen_text(text) if f.rule == word]
    assert len(got) == 1
    f = got[0]
    assert text[f.start : f.end] == f.text == evasion
