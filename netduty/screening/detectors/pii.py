"""``pii.*``: personal data — resident ID, mobile, bank card, e-mail, passport.

Digit runs are found with one fast regex (digits with single spaces or hyphens between them),
split into groups, and every sub-sequence bounded by spaces is tried, longest first:

* ``pii.id_card`` — 18 characters (17 digits + digit/X), also 6-8-4 grouped, with a valid
  structure: a province-level prefix, a real birth date (1900 … today) and a valid ISO 7064
  MOD 11-2 check character (``stdnum.cn.ric.calc_check_digit``).  The county table is *not* a
  gate: real numbers carry the code of the issuing office, often created after the holder was
  born.  A number right after a label (身份证号/身份证号码/证件号 …) whose check character is
  wrong is still reported, at medium severity, saying the check digit is wrong.
* ``pii.mobile`` — ``1[3-9]`` + 9 digits, optionally ``+86``/``86``/``0086``, unseparated or
  3-4-4 with one consistent separator.
* ``pii.bank_card`` — 16–19 digits, unseparated or in groups of four (the last 1–4), passing
  Luhn (``stdnum.luhn``), a card-issuer first digit (3/4/5/6/9), not a valid resident ID, and
  not labelled as an order/serial number just before it.

Numbers glued to letters, to other digits or through ``. _ / @ #`` to an alphanumeric, masked
numbers (138****5678) and landlines (0739-5431234) are not findings — except that ``/``
between two complete numbers (digit runs of 7+ on both sides) is a list separator
(``15835129527/17717923321`` is two mobiles).
"""

from __future__ import annotations

import re
from datetime import date
from itertools import accumulate

from stdnum import luhn
from stdnum.cn import ric

from ..context import Context, is_ascii_alnum
from ..findings import Finding

# One pass finds every candidate: runs of 7+ digits (single spaces/hyphens allowed inside).
_RUN = re.compile(r"[+0-9][0-9 \u00a0\-]{5,}[0-9Xx]")
_SEP = re.compile(r"([ \u00a0\-]+)")
_GLUE = frozenset("._/\\@#-+*%&=")
_MAX_GROUPS = 6  # no number we look for has more groups (4-4-4-4-3 card, +86 3-4-4 mobile)
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_PREFIXES = ("+86", "0086", "86")
_BANK_FIRST = frozenset("345569")
_NOT_CARD = re.compile(r"(订单|单号|编号|流水号|交易号|运单|快递|学号|工号|准考证|证书|发票|批次|序列号|条码|合同号|案号|文号)")
_CARD_WORD = re.compile(r"(卡号|银行卡|账号|帐号|账户|帐户|开户)")
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}\Z")
_EMAIL_DOMAIN = re.compile(
    r"@((?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![A-Za-z0-9\-])"
)
_PASSPORT_CTX = re.compile(r"[A-Z]{1,2}[0-9]{7,8}")
# Province-level prefixes of resident ID numbers (GB/T 2260; 71 台湾, 81 香港, 82 澳门, 83 台湾居民居住证).
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
# A label right before a number that makes it a resident ID even with a wrong check digit.
_ID_LABEL = re.compile(r"(?:身份证(?:号码|号)?|证件号码?|公民身份号码|身份号码)[ \t\u3000:：]{0,3}\Z")
_LIST_SEP = "/"


def id_status(number: str) -> str | None:
    """"ok" for a structurally valid resident ID, "check" when only its check character is
    wrong, None when it is not shaped like one (length, province, birth date)."""
    n = number.upper()
    if len(n) != 18 or not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        return None
    if n[:2] not in _PROVINCES:
        return None
    try:
        born = date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return None
    if born.year < 1900 or born > date.today():
        return None
    return "ok" if ric.calc_check_digit(n) == n[17] else "check"


def _mask(s: str, keep_head: int, keep_tail: int, width: int | None = None) -> str:
    """Mask the alphanumerics of *s*, keeping *keep_head*/*keep_tail* of the last *width*."""
    digits = [i for i, ch in enumerate(s) if ch.isalnum()]
    if width is not None:
        digits = digits[-width:]
    hide = set(digits[keep_head : len(digits) - keep_tail])
    return "".join("*" if i in hide else ch for i, ch in enumerate(s))


def _id_like(digits: str) -> bool:
    """18 digits shaped like a resident ID (region first digit 1–8, birth year 1900–2099),
    whether or not its date or check digit is valid: such a number is never read as a card."""
    return digits[0] in "12345678" and 1900 <= int(digits[6:10]) <= 2099


def _classify(groups: list[str], seps: list[str]) -> str | None:
    """Kind of the number made of *groups* joined by *seps* (len(seps) == len(groups)-1)."""
    if any(len(sp) != 1 for sp in seps):
        return None
    same = len(set(seps)) <= 1
    joined = "".join(groups)
    if "+" in joined[1:]:
        return None
    # Mobile, with an optional country prefix.
    rest, rest_seps = groups, seps
    if groups[0] in _PREFIXES and len(groups) > 1:
        rest, rest_seps = groups[1:], seps[1:]
    elif len(groups) == 1:
        for p in _PREFIXES:
            if joined.startswith(p) and len(joined) == len(p) + 11:
                rest = [joined[len(p) :]]
                break
    if len(set(rest_seps)) <= 1 and [len(g) for g in rest] in ([11], [3, 4, 4]):
        if _MOBILE.fullmatch("".join(rest)):
            return "mobile"
    if joined.startswith("+"):
        return None
    lens = [len(g) for g in groups]
    if same and lens in ([18], [6, 8, 4]):
        st = id_status(joined)
        if st == "ok":
            return "id_card"
        if st == "check":
            return "id_check"
    if not same or not joined.isdigit() or not 16 <= len(joined) <= 19:
        return None
    if len(groups) > 1 and (any(n != 4 for n in lens[:-1]) or len(groups) < 4):
        return None
    if joined[0] in _BANK_FIRST and luhn.is_valid(joined):
        if len(joined) == 18 and _id_like(joined):
            return None  # a resident ID (valid or with a wrong check digit) is not a card
        return "bank_card"
    return None


_INFO = {
    "id_card": ("high", "疑似居民身份证号码：公开发布前应删除或打码", 6, 4, None),
    "mobile": ("medium", "疑似手机号码：公开发布前应删除或打码", 3, 4, 11),
    "bank_card": ("high", "疑似银行卡号：公开发布前应删除或打码", 4, 4, None),
    "id_check": ("medium", "疑似居民身份证号码（校验位不对，可能是笔误，仍属个人信息）：公开发布前应删除或打码", 6, 4, None),
}


def _list_neighbour(text: str, i: int, step: int) -> bool:
    """True when text[i] is "/" and the digits on its far side are a complete number (7+
    digits, not itself glued to a letter): "/" then separates two numbers in a list."""
    n = len(text)
    if not (0 <= i < n) or text[i] != _LIST_SEP:
        return False
    j = i + step
    k = 0
    while 0 <= j < n and text[j].isdigit() and text[j].isascii():
        j += step
        k += 1
    return k >= 7 and not (0 <= j < n and (is_ascii_alnum(text[j]) or text[j] in _GLUE))


def _digit_runs(ctx: Context, passports: set[tuple[int, int]]) -> list[Finding]:
    text = ctx.text
    n = len(text)
    out: list[Finding] = []
    for mt in _RUN.finditer(text):
        start, end = mt.span()
        # Passport: E/G + 8 digits, E + letter + 7 digits (the run is the digits); the
        # boundaries are checked in _passports.
        if start > 0 and text[start - 1] in "EG" and text[start : start + 8].isdigit():
            passports.add((start - 1, start + 8))
        elif start > 1 and text[start - 2] == "E" and "A" <= text[start - 1] <= "Z" and text[start : start + 7].isdigit():
            passports.add((start - 2, start + 7))
        if end - start < 11:
            continue
        parts = _SEP.split(mt.group())
        groups, seps = parts[0::2], parts[1::2]
        offs = []
        o = start
        for i, g in enumerate(groups):
            offs.append(o)
            o += len(g) + (len(seps[i]) if i < len(seps) else 0)
        if "+" in groups[0][1:] or any("+" in g for g in groups[1:]):
            continue
        glued_first = start > 0 and not _list_neighbour(text, start - 1, -1) and (
            is_ascii_alnum(text[start - 1])
            or (text[start - 1] in _GLUE and start > 1 and is_ascii_alnum(text[start - 2]))
            or text[start - 1] in "*@"
        )
        glued_last = end < n and not _list_neighbour(text, end, 1) and (
            is_ascii_alnum(text[end])
            or (text[end] in _GLUE and end + 1 < n and is_ascii_alnum(text[end + 1]))
            or text[end] in "*@"
        )
        k = len(groups)
        cut = [True] + ["-" not in sp for sp in seps] + [True]  # cut[i]: may cut before group i
        acc = [0, *accumulate(len(g) for g in groups)]  # acc[j+1]-acc[i]: characters in groups i..j
        i = 0
        while i < k:
            if not cut[i] or (i == 0 and glued_first):
                i += 1
                continue
            found = False
            for j in range(min(k - 1, i + _MAX_GROUPS - 1), i - 1, -1):
                if not cut[j + 1] or (j == k - 1 and glued_last) or not 11 <= acc[j + 1] - acc[i] <= 23:
                    continue
                kind = _classify(groups[i : j + 1], seps[i:j])
                if kind is None:
                    continue
                s = offs[i]
                e = offs[j] + len(groups[j])
                if kind == "id_check":
                    ls = text.rfind("\n", 0, s) + 1
                    if not _ID_LABEL.search(text, max(ls, s - 12), s):
                        continue
                if kind == "bank_card":
                    ls = text.rfind("\n", 0, s) + 1
                    before = text[max(ls, s - 12) : s]
                    if _NOT_CARD.search(before) and not _CARD_WORD.search(before):
                        continue
                sev, msg, head, tail, width = _INFO[kind]
                frag = text[s:e]
                cat = "pii.id_card" if kind == "id_check" else f"pii.{kind}"
                rule = "pii.id_card.check_digit" if kind == "id_check" else cat
                out.append(Finding(cat, rule, sev, s, e, frag, msg,
                                   _mask(frag, head, tail, width)))
                i = j + 1
                found = True
                break
            if not found:
                i += 1
    return out


def _emails(ctx: Context) -> list[Finding]:
    text = ctx.text
    out: list[Finding] = []
    pos = text.find("@")
    while pos != -1:
        lm = _EMAIL_LOCAL.search(text, max(0, pos - 64), pos)
        dm = _EMAIL_DOMAIN.match(text, pos, pos + 260)
        if lm and dm:
            s = lm.start()
            while s < pos and text[s] == ".":
                s += 1
            e = dm.end()
            before = text[s - 1] if s > 0 else ""
            if s < pos and before not in "*" and not (before.isascii() and before.isalnum()):
                frag = text[s:e]
                local = frag.split("@", 1)[0]
                masked = local[:1] + "***@" + dm.group(1)
                out.append(
                    Finding("pii.email", "pii.email", "low", s, e, frag,
                            "电子邮箱地址：如非公开的办公邮箱，发布前应删除", masked)
                )
        pos = text.find("@", pos + 1)
    return out


def _passports(ctx: Context, spans: set[tuple[int, int]]) -> list[Finding]:
    text = ctx.text
    n = len(text)
    pos = text.find("护照")
    while pos != -1:
        line_end = text.find("\n", pos)
        limit = min(pos + 40, n if line_end == -1 else line_end)
        for mt in _PASSPORT_CTX.finditer(text, pos + 2, limit):
            spans.add(mt.span())
        pos = text.find("护照", pos + 2)
    out: list[Finding] = []
    for s, e in sorted(spans):
        if (s > 0 and is_ascii_alnum(text[s - 1])) or (e < n and is_ascii_alnum(text[e])):
            continue
        if (s > 1 and text[s - 1] in _GLUE and is_ascii_alnum(text[s - 2])) or (
            e + 1 < n and text[e] in _GLUE and is_ascii_alnum(text[e + 1])
        ):
            continue
        frag = text[s:e]
        out.append(Finding("pii.passport", "pii.passport", "high", s, e, frag,
                           "疑似护照号码：公开发布前应删除或打码", _mask(frag, 1, 2)))
    return out


def detect(ctx: Context) -> list[Finding]:
    emails = _emails(ctx)
    passports: set[tuple[int, int]] = set()
    out = _digit_runs(ctx, passports)
    out += _passports(ctx, passports)
    if emails:
        # A number inside an e-mail address is reported as the e-mail only.
        out = [f for f in out if not any(x.start <= f.start and f.end <= x.end for x in emails)]
    return out + emails
