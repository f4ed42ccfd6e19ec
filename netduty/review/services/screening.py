"""The institution's screening rules, built from org and the policy pack, and a cached Screener.

The institution's own name (pack `data.institution`, and the X of a top unit named 中共X委员会),
its short names and known wrong forms become name rules and expressions (`institution_rules`).

The rule data (unit names, people with their titles, the pack's `data.screening`) is read on
every call — three small queries — and hashed; the compiled Screener is kept per process under
that hash. An edit of a unit's name or a person's title therefore takes effect on the next
submission without any invalidation hook, and the (comparatively slow) compile runs only when
the data really changed."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from typing import Any

from django.conf import settings

from netduty.org.models import Appointment, Person, Unit, valid_on_q
from netduty.policy import selectors as policy
from netduty.screening import FileResult, Finding, Limits, Rules, RulesError, Screener

_lock = threading.Lock()
_cache: dict[str, Screener] = {}
_TITLE_SPLIT = re.compile(r"[、，,；;/／\s]+")
_PARTY_COMMITTEE = re.compile(r"^中共(.{3,60}?)委员会$")
# The common wrong suffix: 师范大学 for 师范学院 (and the reverse) is another institution's name.
_SUFFIX_SWAPS = (("学院", "大学"), ("大学", "学院"))


def _text_list(value: Any) -> list[str]:
    return [v.strip() for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


def institution_rules(top_names: list[str], day=None) -> dict[str, list[Any]]:
    """Name rules and expressions for the institution itself: the pack's `institution.name` and
    the X of each top-level unit named 中共X委员会 (the institution's party committee) are names;
    `institution.short_names` (≥ 3 characters) too; `institution.wrong_forms` (a string, whose
    right form is the name, or {wrong, right}) and each name with 学院↔大学 swapped are
    expressions (medium)."""
    conf: Any = policy.setting("institution", None, day=day)
    conf = conf if isinstance(conf, dict) else {}
    names: list[str] = []
    main = str(conf.get("name") or "").strip()
    if main:
        names.append(main)
    for top in top_names:
        m = _PARTY_COMMITTEE.match(top.strip())
        if m and m.group(1) not in names:
            names.append(m.group(1))
    right = names[0] if names else ""
    shorts = [s for s in _text_list(conf.get("short_names")) if len(s) >= 3 and s not in names]
    wrong: list[tuple[str, str]] = []
    forms = conf.get("wrong_forms")
    for entry in forms if isinstance(forms, list) else []:
        if isinstance(entry, str):
            wrong.append((entry.strip(), right))
        elif isinstance(entry, dict):
            wrong.append((str(entry.get("wrong") or "").strip(), str(entry.get("right") or right).strip()))
    for name in names:
        for suffix, other in _SUFFIX_SWAPS:
            if name.endswith(suffix) and len(name) >= len(suffix) + 2:
                wrong.append((name[: -len(suffix)] + other, name))
    correct = set(names) | set(shorts)
    expressions: list[dict[str, str]] = []
    for w, r in wrong:
        if w and r and w not in correct and all(e["wrong"] != w for e in expressions):
            expressions.append({"wrong": w, "right": r, "severity": "medium", "message": f"本校名称写错：应为“{r}”"})
    return {"names": names + shorts, "expressions": expressions}


def rule_data(day=None) -> dict[str, Any]:
    """The rules mapping (screening YAML keys) for the institution as of `day` (default today)."""
    from django.utils import timezone

    day = day or timezone.localdate()
    names: list[str] = []
    top: list[str] = []
    for name, short, depth in Unit.objects.filter(active_from__lte=day).exclude(active_to__lt=day).order_by(
            "path").values_list("name", "short_name", "depth"):
        if depth == 0:
            top.append(name)
        for value in (name, short):
            value = (value or "").strip()
            if len(value) >= 3 and value not in names:
                names.append(value)
    holders = Appointment.objects.filter(valid_on_q(day)).values("person_id")
    people: dict[str, list[str]] = {}
    for pname, title in Person.objects.filter(pk__in=holders).exclude(title="").order_by("pk").values_list(
            "name", "title"):
        titles = [t for t in _TITLE_SPLIT.split(title) if len(t) >= 2]
        if len(pname) >= 2 and titles:
            people.setdefault(pname, [])
            people[pname].extend(t for t in titles if t not in people[pname])
    own = institution_rules(top, day)
    names = own["names"] + [n for n in names if n not in own["names"]]
    data: dict[str, Any] = {"names": names, "people": [{"name": n, "titles": t} for n, t in people.items()],
                            "expressions": own["expressions"]}
    pack_rules = policy.setting("screening", None, day=day)
    if isinstance(pack_rules, dict):
        data["pack"] = pack_rules
    return data


def fingerprint(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _build(data: dict[str, Any]) -> Screener:
    rules = Rules.default()
    own = Rules.from_dict({"names": data["names"], "people": data["people"],
                           "expressions": data.get("expressions", [])}, source="本校组织数据与本校名称")
    parts = [rules, own]
    if "pack" in data:
        try:
            parts.append(Rules.from_dict({k: v for k, v in data["pack"].items() if k != "source_ref"},
                                         source="制度包 data.screening"))
        except RulesError:
            pass  # the pack loader validates this; a bad mapping must not stop submissions
    limits = Limits(max_file_bytes=int(getattr(settings, "NETDUTY_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)))
    return Screener(Rules.merge(*parts), limits=limits)


def screener(day=None) -> tuple[Screener, str]:
    """(Screener, fingerprint of its rule data) for today's institution."""
    data = rule_data(day)
    key = fingerprint(data)
    with _lock:
        found = _cache.get(key)
    if found is None:
        found = _build(data)
        with _lock:
            _cache.clear()  # one institution, one current rule set
            _cache[key] = found
    return found, key


# ---- attachments: OCR, or a visible notice -------------------------------------------------------

UNREAD = "未识别图片文字"
_IMAGE_NOTE = re.compile(r"OCR|图片|扫描")


def ocr_available() -> bool:
    """Whether the optional OCR engine is installed (the screening library's own test)."""
    from netduty.screening.extract.ocr import ocr_available as available

    return bool(available())


def unread_images(result: FileResult, kind: str) -> str:
    """Why (some of) the attachment's image text was not read — "" when nothing was left unread.
    An image that could not be OCR'd (engine missing, or it failed), and a PDF whose pages or
    images were left unread (no text layer, images not OCR'd) are not read."""
    if kind == "image" and (result.error or not ocr_available()):
        return result.error or "未安装 OCR 组件"
    if kind == "pdf":
        notes = [n for n in result.notes if _IMAGE_NOTE.search(n)]
        if notes:
            return "；".join(notes)
    return ""


def screen_attachment(data: bytes, filename: str) -> FileResult:
    """Screen one attachment with today's rules. Images and scanned PDFs are OCR'd when the OCR
    engine is installed (the library does it); whatever image text was not read becomes a
    visible finding — category ``notice``, rule ``ocr.unread``, medium — "未识别图片文字：…", so
    the reviewer sees it instead of the file passing silently. The one place review screens a file:
    a new library API (h1) is wired here."""
    scr, _key = screener()
    result = scr.screen_file(data, filename=filename)
    why = unread_images(result, result.kind)
    if why:
        result.findings.append(Finding(
            "notice", "ocr.unread", "medium", 0, 0, filename[:200], f"{UNREAD}：{why}"[:500],
            "请人工查看图片中的文字（含扫描页），确认无涉密、个人信息和错误表述。"))
    return result


def read_text(data: bytes, filename: str) -> tuple[str, str]:
    """(text, why not) of a screenshot or a saved PDF, through the screening library's extractors
    (OCR when the engine is installed). `why not` starts with 未识别图片文字 when the image text
    was not read. Used by the live check's uploaded evidence."""
    from netduty.screening.extract import extract

    limits = Limits(max_file_bytes=int(getattr(settings, "NETDUTY_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)))
    got = extract(data, filename, limits)
    if got.error:
        return "", f"{UNREAD}：{got.error}" if got.kind == "image" else got.error
    notes = [n for n in got.notes if _IMAGE_NOTE.search(n)]
    if not got.text.strip():
        return "", f"{UNREAD}：{'；'.join(notes) or '图片中没有识别出文字'}"
    return got.text, ""
