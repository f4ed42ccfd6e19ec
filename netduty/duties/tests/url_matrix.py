"""Permission matrix entries for the duties URLs (see netduty/core/tests/test_url_matrix.py).

insider = 第一责任人 of 文学院 (records duties; may not accept its own unit's evidence),
outsider = 第一责任人 of the sibling 外国语学院, office = 宣传部 (school-wide view and acceptance,
but does not record other units' duties)."""

import datetime as dt

from netduty.core.models import Notification
from netduty.core.tests.test_url_matrix import DRF_ANON, LOGIN, api, std
from netduty.duties import services
from netduty.duties.models import Evidence, MeetingRecord, Obligation, ObligationPeriod, SubTask

from .factories import PDF, generate, meeting, period, upload

NONE = lambda w: {}  # noqa: E731


def _period_obj(w) -> ObligationPeriod:
    if not ObligationPeriod.objects.filter(unit=w.college_a).exists():
        generate(2025)
    return period(w.college_a, "supervision", "2025")


def _period(w):
    return {"pk": _period_obj(w).pk}


def _submitted(w):
    p = _period_obj(w)
    services.evidence_add(actor=w.editor, period=p, upload=upload(), name="自查.pdf")
    services.period_submit(actor=w.editor, period=p, statement="已完成自查")
    return {"pk": p.pk}


def _meeting_obj(w) -> MeetingRecord:
    return MeetingRecord.objects.filter(unit=w.college_a).first() or meeting(
        w.college_a, dt.date(2025, 5, 1), kind="meeting.leadership")


def _meeting(w):
    return {"pk": _meeting_obj(w).pk}


def _evidence_obj(w) -> Evidence:
    return Evidence.objects.filter(unit=w.college_a).first() or services.evidence_add(
        actor=None, period=_period_obj(w), upload=upload(), name="自查.pdf").evidence


def _obligation(w):
    _period_obj(w)
    return {"pk": Obligation.objects.filter(unit=w.college_a).first().pk}


def _subtask(w):
    obligation = Obligation.objects.get(pk=_obligation(w)["pk"])
    st = SubTask.objects.create(obligation=obligation, title="整理台账", assignee=w.editor_person,
                                due=dt.date(2025, 6, 1), created_by=w.secretary)
    return {"pk": st.pk}


def _token(w):
    return {"token": services.calendar_token_for(w.secretary_person).token}


def _notification(w):
    n = Notification.objects.create(recipient=w.secretary_person, kind="due_soon", key="t", title="提醒",
                                    url="/duties/")
    return {"pk": n.pk}


def _meeting_post(w):
    return {"unit": w.college_a.pk, "kind": "meeting.committee_ideology", "title": "专题会", "date": "2025-05-01",
            "chair": "李书记", "attendees": "全体委员", "topics": "研判意识形态形势"}


RECORD = {"insider": 302, "outsider": 404, "office": 403, "anon": LOGIN}
ACCEPT = {"insider": 403, "outsider": 404, "office": 302, "anon": LOGIN}

MATRIX = {
    "duties:index": ("get", NONE, None, std(outsider=200)),
    "duties:board": ("get", NONE, None, std(outsider=200)),
    "duties:board_export": ("get", NONE, None, std(outsider=200)),
    "duties:unit_detail": ("get", lambda w: {"pk": w.college_a.pk}, None, std()),
    "duties:meeting_create": ("get", lambda w: {"pk": w.college_a.pk}, None, std(office=403)),
    "duties:period_detail": ("get", _period, None, std()),
    "duties:period_evidence": ("post", _period, {}, RECORD),
    "duties:period_submit": ("post", _period, {"statement": "已完成"}, RECORD),
    "duties:period_accept": ("post", _submitted, {}, ACCEPT),
    "duties:period_return": ("post", _submitted, {"reason": "材料不全"}, ACCEPT),
    "duties:meeting_detail": ("get", _meeting, None, std()),
    "duties:meeting_edit": ("get", _meeting, None, std(office=403)),
    "duties:meeting_evidence": ("post", _meeting, {}, RECORD),
    "duties:meeting_void": ("post", _meeting, {"reason": "重复"}, RECORD),
    "duties:evidence_version": ("post", lambda w: {"pk": _evidence_obj(w).pk}, {}, RECORD),
    "duties:version_download": ("get", lambda w: {"pk": _evidence_obj(w).versions.first().pk}, None, std()),
    "duties:subtask_create": ("post", _obligation, {}, RECORD),
    "duties:subtask_done": ("post", _subtask, {}, RECORD),
    "duties:calendar": ("get", NONE, None, std(outsider=200)),
    "duties:calendar_rotate": ("post", NONE, {}, std(302, 302, 302, LOGIN)),
    # public by token: no login; a wrong or rotated token is 404 (test_views)
    "duties:calendar_feed": ("get", _token, None, std(200, 200, 200, 200)),
    "duties:notifications": ("get", NONE, None, std(outsider=200)),
    "duties:notification_read": ("post", _notification, {}, std(302, 404, 404)),
    "duties-obligation-list": ("get", NONE, None, api(outsider=200)),
    "duties-obligation-detail": ("get", _obligation, None, api()),
    "duties-period-list": ("get", NONE, None, api(outsider=200)),
    "duties-period-detail": ("get", _period, None, api()),
    "duties-meeting-list": ("post", NONE, _meeting_post, {"insider": 201, "outsider": 400, "office": 403,
                                                          "anon": DRF_ANON}),
    "duties-meeting-detail": ("get", _meeting, None, api()),
    "duties-evidence-list": ("get", NONE, None, api(outsider=200)),
    "duties-evidence-detail": ("get", lambda w: {"pk": _evidence_obj(w).pk}, None, api()),
    "duties-evidence-versions": ("post", lambda w: {"pk": _evidence_obj(w).pk}, {}, api(400, 404, 403)),
}
assert PDF
