"""The 涉密 policy: a revision with a secrecy finding (screening category ``secrecy``: a
classification marking such as 机密★, or a notice such as 内部资料) cannot be approved by a
written reason alone. The pack's `review.secrecy_finding` says what happens instead:

* ``block`` (default): no stage can approve it; it can only be returned or rejected;
* ``escalate``: a 宣传部 stage is added at the end of the chain, and only a chain that has one
  can be completed (the other stages pass it on with a reason, as for any high finding).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from netduty.policy import selectors as policy

SECRECY = "secrecy"
BLOCK, ESCALATE = "block", "escalate"


def mode(day=None) -> str:
    value: Any = policy.setting("review.secrecy_finding", None, day=day)
    return ESCALATE if value == ESCALATE else BLOCK


def prepared_texts(prepared) -> list[str]:
    """The secrecy findings' texts of a prepared revision (title, body, attachments)."""
    out = [f.text for f in prepared.title_findings + prepared.body_findings if f.category == SECRECY]
    out += [f["text"] for a in prepared.attachments for f in a.findings if f["category"] == SECRECY]
    return out


def revision_texts(rev) -> list[str]:
    return list(rev.findings.filter(category=SECRECY).values_list("text", flat=True)) if rev is not None else []


def escalate_stages(rows: list[dict[str, Any]], office_stage: dict[str, Any]) -> list[dict[str, Any]]:
    """`rows` with a 宣传部 stage at the end, unless the chain already has one."""
    if any(set(office_stage["roles"]) & set(r["roles"]) for r in rows):
        return rows
    return [*rows, {"order": len(rows) + 1, **office_stage, "roles": list(office_stage["roles"])}]


def notice(rev) -> str:
    """What the reviewer is told on the decision form ("" when the revision has no secrecy finding)."""
    texts = revision_texts(rev)
    if not texts:
        return ""
    shown = "、".join(dict.fromkeys(texts))[:80]
    if mode() == ESCALATE:
        return _("本稿有涉密标志（%(texts)s）：按制度须经宣传部审核，写明理由不能代替。") % {"texts": shown}
    return _("本稿有涉密标志（%(texts)s）：按制度不能通过，只能退回修改（删除涉密内容）或不予发布。") % {"texts": shown}


def check_approval(rev, stage_number: int) -> None:
    """Raise ValidationError when approving stage `stage_number` of `rev` would pass a secrecy
    finding on a written reason alone."""
    texts = revision_texts(rev)
    if not texts:
        return
    shown = "、".join(dict.fromkeys(texts))[:80]
    if mode() == BLOCK:
        raise ValidationError({"outcome": _("本稿有涉密标志（%(texts)s），按制度不能通过，写明理由也不行：请退回修改"
                                            "（删除涉密内容后重新审核）或不予发布。") % {"texts": shown}})
    stages = rev.stages or []
    office_roles = set(policy.function_roles("propaganda"))
    if stage_number >= len(stages) and not any(office_roles & set(s.get("roles", [])) for s in stages):
        raise ValidationError({"outcome": _("本稿有涉密标志（%(texts)s），按制度须经宣传部审核，本审核链没有宣传部阶段，"
                                            "不能通过：请退回修改，修改后的版本会加上宣传部审核。") % {"texts": shown}})
