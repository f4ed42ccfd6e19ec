"""Demo review data on top of the demo registry: a few submissions of 文学院 in different states
(waiting at each stage, returned and revised, rejected) and one item of the 宣传部's tier-1
WeChat account approved through all four stages and published.

The default chain needs people the org demo does not have logins for: a second 信息员 for
初审 (the submitter may not review) in 文学院, and in the 宣传部 two 信息员 and a 科长. They are
appointed through the org services. Idempotent: nothing is done once any submission exists."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from netduty.org import services as org_services
from netduty.org.models import Person, Unit
from netduty.policy import selectors as policy

from . import services
from .models import Submission

YES = {"secrecy": False, "suitability": True, "accuracy": True}
EXTRA_PEOPLE = [  # username, staff_no, name, unit code, title, role
    ("tongxun", "D90001", "罗晓雯", "wxy", "通讯员", "info_officer"),
    ("xcbxxy", "D90002", "彭新宇", "xcb", "网络信息员", "info_officer"),
    ("xcbshen", "D90003", "贺思远", "xcb", "信息员", "info_officer"),
    ("xcbke", "D90004", "龙海波", "xcb", "新闻科科长", "dept_head"),
]
NEWS = [
    ("文学院举办“经典诵读”读书分享会",
     "<p>11月20日下午，文学院在图书馆报告厅举办“经典诵读”读书分享会，100余名师生参加。</p>"
     "<p>活动中，同学们诵读了《论语》选段和当代诗歌，并交流了阅读体会。学院希望同学们再接再励，养成读书习惯。</p>"),
    ("文学院召开2026年秋季学期教学工作会议",
     "<p>11月18日，文学院召开秋季学期教学工作会议，学院领导班子成员、各系主任和全体专任教师参加。</p>"
     "<p>会议通报了期中教学检查情况，部署了课程思政示范课建设工作。</p>"),
    ("文学院学子在全省师范生教学技能竞赛中获佳绩",
     "<p>在近日结束的全省师范生教学技能竞赛中，文学院3名学生获一等奖，2名学生获二等奖。</p>"
     "<p>获奖学生联系电话：13807310001。</p>"),
    ("关于文学院研究生招生宣讲会的通知",
     "<p>定于11月28日在文学院报告厅举行研究生招生宣讲会，欢迎本院及外院学生参加。</p>"),
]


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _people(password: str) -> dict[str, object]:
    role = {r.code: r for r in policy.roles()}
    units = {u.code: u for u in Unit.objects.filter(code__in={p[3] for p in EXTRA_PEOPLE})}
    out = {}
    for username, staff_no, name, code, title, role_code in EXTRA_PEOPLE:
        user = _user(username)
        if user is None and code in units:
            person = Person.objects.filter(staff_no=staff_no).first() or org_services.person_create(
                actor=None, staff_no=staff_no, name=name, unit=units[code], title=title,
                email=f"{username}@xzsy.example.edu.cn", username=username, password=password)
            org_services.appointment_create(actor=None, person=person, unit=units[code], role=role[role_code],
                                            valid_from=dt.date(2024, 1, 1), area="网站与新媒体")
            user = person.user
        out[username] = user
    return out


def _decide(sub: Submission, user, outcome: str = "approve", comment: str = "", reason: str = "") -> None:
    sub.refresh_from_db()
    assert sub.current_revision is not None
    services.stage_decide(actor=user, submission=sub, outcome=outcome, answers=YES,
                          content_hash=sub.current_revision.content_hash, expected_version=sub.version,
                          comment=comment or ("同意" if outcome == "approve" else "请修改"), high_reason=reason)


@transaction.atomic
def load_demo() -> str:
    from netduty.fronts.models import Channel
    from netduty.org.demo import DEMO_PASSWORD

    if Submission.objects.exists():
        return ""
    wxy_site = Channel.objects.filter(unit__code="wxy", platform="website", status="active").first()
    xcb_wechat = Channel.objects.filter(unit__code="xcb", platform="wechat", status="active").first()
    bianji, fuzeren = _user("bianji"), _user("fuzeren")
    if wxy_site is None or bianji is None or fuzeren is None:
        return "发布审查：尚无阵地台账（或演示账号），未创建演示稿件。"
    p = _people(DEMO_PASSWORD)
    tongxun = p["tongxun"]
    soon = timezone.now() + dt.timedelta(days=2)
    made = []

    def submit(author, channel, i, **kw):
        title, body = NEWS[i]
        sub = services.submission_create(actor=author, channel=channel, title=title, body=body, intended_at=soon, **kw)
        made.append(sub)
        return sub

    submit(bianji, wxy_site, 0)  # waits at 初审 for 罗晓雯 (tongxun)
    second = submit(tongxun, wxy_site, 1)
    _decide(second, bianji)  # waits at 复审 for 曾主任 (fuzeren)
    third = submit(tongxun, wxy_site, 2)
    _decide(third, bianji)
    _decide(third, fuzeren, "return", "获奖学生的手机号码不应公开，请删除后重新提交")
    third.refresh_from_db()
    rev = third.current_revision
    services.submission_revise(actor=tongxun, submission=third, title=rev.title,
                               body=rev.body_html.replace("<p>获奖学生联系电话：13807310001。</p>", ""),
                               source_kind="original", intended_at=soon, note="删除学生手机号码")
    _decide(third, bianji)
    _decide(third, fuzeren)  # revision 2 waits at 终审 (学院院长 / 副书记)
    fourth = submit(tongxun, wxy_site, 3)
    _decide(fourth, bianji, "reject", "研究生招生宣传由研究生院统一发布，本院网站不单独发布")
    messages = [f"发布审查：{len(made)} 篇文学院稿件（待初审、待复审、退回后再审、不予发布）"]
    xcb, xcb2 = _user("xcb"), _user("xcb2")
    if xcb_wechat is not None and xcb and xcb2 and all(p.get(k) for k in ("xcbxxy", "xcbshen", "xcbke")):
        sub = services.submission_create(
            actor=p["xcbxxy"], channel=xcb_wechat, title="湘中师范学院举行2026年教职工运动会",
            body="<p>11月22日，学校2026年教职工运动会在东区田径场举行，全校1200余名教职工参加。</p>"
                 "<p>运动会设置了趣味接力、拔河等12个项目。</p>", intended_at=soon)
        for user in (p["xcbshen"], p["xcbke"], xcb, xcb2):  # 初审 → 复审 → 终审 → 宣传部审核
            _decide(sub, user)
        sub.refresh_from_db()
        services.publication_create(actor=p["xcbxxy"], submission=sub, url="")
        made.append(sub)
        messages.append("宣传部公众号 1 篇稿件经四级审核后发布")
    logins = "、".join(f"{u}（{n}）" for u, _s, n, *_ in EXTRA_PEOPLE)
    messages.append(f"审核演示账号（密码与其他演示账号相同）：{logins}")
    return "；".join(messages)
