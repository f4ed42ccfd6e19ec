"""Permission matrix entries for the registry's pages and API (see core/tests/test_url_matrix.py).
Insider = 第一责任人 of 文学院 (fronts.manage there, and its head); outsider = 第一责任人 of the
sibling 外国语学院; office = 宣传部 (fronts.manage school-wide)."""

import datetime as dt

from django.utils import timezone

from netduty.core.tests.test_url_matrix import DRF_ANON, LOGIN, api, std
from netduty.fronts.models import Channel, ChannelRequest

NONE = lambda w: {}  # noqa: E731


def _channel(w):
    from netduty.fronts.tests.factories import make_channel

    return Channel.objects.filter(unit=w.college_a, name="矩阵公众号").first() or make_channel(
        w.college_a, name="矩阵公众号")


def _ch(w):
    return {"pk": _channel(w).pk}


def _request(w):
    """An open registration request of 文学院, submitted (and signed) by the superuser: it waits
    for the 宣传部."""
    from netduty.fronts.tests.factories import register_wechat

    req = ChannelRequest.objects.filter(channel__unit=w.college_a).first() or register_wechat(w, w.admin)
    return {"pk": req.pk}


def _review(w):
    from netduty.fronts import services

    review = services.annual_review_file(actor=w.admin, channel=_channel(w), year=timezone.localdate().year,
                                         student_admins_removed=True, three_reviews=True, monitoring=True)
    return {"pk": review.pk}


def _registration(w):
    from netduty.org.models import Appointment

    return {"unit": w.college_a.pk, "platform": "weibo", "name": "文学院微博", "account_id": "wxy-weibo",
            "opened_on": (timezone.localdate() - dt.timedelta(days=2)).isoformat(),
            "responsibles": {"admin": [Appointment.objects.get(person=w.editor_person).pk]}}


def _zero(w):
    """A 零报告 of the channel-less student branch, filed by the superuser."""
    from netduty.fronts import services
    from netduty.fronts.models import ZeroReport

    report = ZeroReport.objects.filter(unit=w.branch_a).first() or services.zero_report_file(
        actor=w.admin, unit=w.branch_a, year=timezone.localdate().year)
    return {"pk": report.pk}


YEAR = lambda w: {"year": timezone.localdate().year, "three_reviews": "on"}  # noqa: E731
TODAY = lambda: timezone.localdate().isoformat()  # noqa: E731

MATRIX = {
    "fronts:index": ("get", NONE, None, std(outsider=200)),
    "fronts:export": ("get", NONE, None, std(outsider=200)),
    "fronts:register": ("get", NONE, None, std(outsider=200)),
    "fronts:channel_detail": ("get", _ch, None, std()),
    "fronts:reapply": ("get", _ch, None, std(302, 404, 302)),
    "fronts:change": ("get", _ch, None, std()),
    "fronts:close": ("get", _ch, None, std()),
    "fronts:security": ("get", _ch, None, std()),
    "fronts:stages": ("get", _ch, None, std(insider=403)),
    "fronts:stage_add_office": ("post", _ch, {}, std(403, 404, 302)),
    "fronts:annual_file": ("post", _ch, YEAR, std(302, 404, 302)),
    "fronts:annual": ("get", NONE, None, std(outsider=200)),
    "fronts:zero_report": ("post", NONE, lambda w: {"unit": w.branch_a.pk, "year": timezone.localdate().year},
                           std(302, 302, 302)),
    "fronts:annual_conclude": ("post", _review, {"result": "pass"}, std(403, 404, 302)),
    "fronts:queue": ("get", NONE, None, std(outsider=200)),
    "fronts:request_detail": ("get", _request, None, std()),
    "fronts:request_decide": ("post", _request, {"decision": "approve"}, std(403, 404, 302)),
    "fronts:request_withdraw": ("post", _request, {}, std(403, 404, 403)),
    "fronts-channel-list": ("get", NONE, None, api(outsider=200)),
    "fronts-channel-detail": ("get", _ch, None, api()),
    "fronts-request-list": ("post", NONE, _registration,
                            {"insider": 201, "outsider": 400, "office": 201, "anon": DRF_ANON}),
    "fronts-request-detail": ("get", _request, None, api()),
    "fronts-request-decide": ("post", _request, {"decision": "approve"}, api(403, 404, 200)),
    # the request was submitted by the superuser: only they may withdraw it
    "fronts-request-withdraw": ("post", _request, {}, api(403, 404, 403)),
    "fronts-channel-security": ("get", _ch, None, api()),
    "fronts-channel-change": ("post", _ch, lambda w: {"changed_on": TODAY(), "reason": "更名", "name": "矩阵新名"},
                              api(201, 404, 201)),
    "fronts-channel-close": ("post", _ch, lambda w: {"closed_on": TODAY(), "reason": "停止运营"}, api(201, 404, 201)),
    "fronts-channel-annual": ("post", _ch, lambda w: {"year": timezone.localdate().year, "monitoring": True},
                              api(200, 404, 200)),
    "fronts-annual-review-list": ("get", NONE, None, api(outsider=200)),
    "fronts-annual-review-detail": ("get", _review, None, api()),
    "fronts-annual-review-conclude": ("post", _review, lambda w: {
        "result": "rectify", "conclusion": "补齐三审记录", "rectify_by": TODAY()}, api(403, 404, 200)),
    "fronts-zero-report-list": ("post", NONE, lambda w: {"unit": w.branch_a.pk, "year": timezone.localdate().year},
                                {"insider": 201, "outsider": 400, "office": 201, "anon": DRF_ANON}),
    "fronts-zero-report-detail": ("get", _zero, None, api()),
}
assert LOGIN  # imported for symmetry with other matrices
