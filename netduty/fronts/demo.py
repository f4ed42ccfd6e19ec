"""Demo registry for 湘中师范学院: a website column and a WeChat account for most units (the
school's own tier-1 outlets with an added 宣传部 stage), a few registrations waiting for the
宣传部 (one reported late), an approved change, 年审 with results, a zero report, and security
checklists (one with a stale password). Idempotent."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from netduty.org.models import Appointment, Unit, valid_on_q

from . import people, services
from .models import Channel, Duty, Platform, Tier

DOMAIN = "xzsy.example.edu.cn"
NO_CHANNELS = {"ltx", "hqzb", "jgdy", "wxy-jg", "wxy-xs", "xxgc-jg", "xxgc-xs", "xzsy", "jwb"}
ZERO_REPORT = "ltx"  # 离退休党支部 files a zero report; 后勤支部 has not yet


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _admin_of(unit: Unit, today: dt.date) -> list[int]:
    return people.defaults(unit, today)[Duty.ADMIN]


@transaction.atomic
def load_demo() -> str:
    if Channel.objects.exists() or not Unit.objects.filter(code="xcb").exists():
        return ""
    today = timezone.localdate()
    units = {u.code: u for u in Unit.objects.all()}
    xcb, xcb2, shuji, waiyu = _user("xcb"), _user("xcb2"), _user("shuji"), _user("waiyu")
    created = 0

    def entry(unit: Unit, platform: str, name: str, tier: str = Tier.UNIT, **kw) -> Channel:
        nonlocal created
        created += 1
        opened = dt.date(2019 + created % 5, 1 + created % 12, 1 + created % 27)
        resp = people.defaults(unit, today)
        return services.channel_create(
            actor=None, unit=unit, platform=platform, name=name, tier=tier, opened_on=opened,
            registered_on=opened + dt.timedelta(days=12), verified_entity="湘中师范学院",
            responsibles={d: ids for d, ids in resp.items() if ids}, **kw)

    # the school's own outlets, kept by the 宣传部 (tier 1, with a 宣传部 stage)
    school = [
        entry(units["xcb"], Platform.WEBSITE, "湘中师范学院新闻网", Tier.SCHOOL, url=f"https://news.{DOMAIN}/",
              url_prefix=f"https://news.{DOMAIN}/", feed_url=f"https://news.{DOMAIN}/sitemap.xml"),
        entry(units["xcb"], Platform.WECHAT, "湘中师范学院", Tier.SCHOOL, account_id="gh_xzsy_official",
              followers=86000),
        entry(units["xcb"], Platform.WEIBO, "湘中师范学院官方微博", Tier.SCHOOL, account_id="xzsy_weibo",
              followers=41000),
    ]
    for channel in school:
        services.stage_add(actor=None, channel=channel)
    by_unit: dict[str, list[Channel]] = {}
    for code, unit in units.items():
        if code in NO_CHANNELS or code == "xcb":
            continue
        short = unit.short_name or unit.name
        by_unit[code] = [
            entry(unit, Platform.WEBSITE, f"{short}网站", url=f"https://{code}.{DOMAIN}/",
                  url_prefix=f"https://{code}.{DOMAIN}/", feed_url=f"https://{code}.{DOMAIN}/rss.xml"),
            entry(unit, Platform.WECHAT, f"湘中师院{short}", account_id=f"gh_xzsy_{code.replace('-', '_')}",
                  followers=1200 + 97 * created),
        ]
    messages = [f"阵地台账：{created} 个阵地"]

    # registrations and changes (need the demo logins)
    if xcb and xcb2 and shuji and waiyu:
        wxy_site, wxy_wechat = by_unit["wxy"]
        bianji = Appointment.objects.filter(valid_on_q(today), unit=units["wxy"], role__code="info_officer").first()
        assert bianji is not None
        admins_wxy = {"admin": [bianji.pk]}
        services.registration_submit(actor=shuji, unit=units["wxy"], platform=Platform.CHANNELS, name="文学院青年说",
                                     account_id="sph_wxy_qns", opened_on=today - dt.timedelta(days=5),
                                     responsibles=admins_wxy, reason="学生工作宣传短视频")
        services.registration_submit(actor=shuji, unit=units["wxy"], platform=Platform.BILIBILI,
                                     name="文学院读书会", account_id="bili_wxy_dsh", tier=Tier.GRASSROOTS,
                                     opened_on=today - dt.timedelta(days=45), responsibles=admins_wxy,
                                     reason="学生社团账号，开通后未及时备案")
        wgy = units["wgy"]
        services.registration_submit(actor=waiyu, unit=wgy, platform=Platform.DOUYIN, name="外院Global Talk",
                                     account_id="dy_wgy_global", opened_on=today - dt.timedelta(days=9),
                                     responsibles={"admin": _admin_of(wgy, today)})
        change = services.change_submit(actor=shuji, channel=wxy_wechat, changed_on=today - dt.timedelta(days=2),
                                        reason="公众号更名", changes={"name": "湘中师院文学院之声"})
        services.request_decide(actor=xcb2, request=change, decision="approve", comment="同意更名")
        messages.append("3 项备案待宣传部审批，1 项变更已通过")

        # 年审: last year concluded, this year filed
        last = today.year - 1
        r1 = services.annual_review_file(actor=shuji, channel=wxy_wechat, year=last, student_admins_removed=True,
                                         three_reviews=True, monitoring=True, self_note="已落实三审三校，专人值守留言区")
        services.annual_review_conclude(actor=xcb, review=r1, result="pass", conclusion="合格")
        r2 = services.annual_review_file(actor=waiyu, channel=by_unit["wgy"][1], year=last,
                                         student_admins_removed=False, three_reviews=True, monitoring=True,
                                         self_note="仍有两名学生保留管理员权限")
        services.annual_review_conclude(actor=xcb, review=r2, result="rectify",
                                        conclusion="取消学生管理员权限，改由教师管理员发布",
                                        rectify_by=dt.date(today.year, 3, 31))
        services.annual_review_file(actor=shuji, channel=wxy_site, year=today.year, student_admins_removed=True,
                                    three_reviews=True, monitoring=False, self_note="舆情监测机制正在建立")
        services.zero_report_file(actor=xcb, unit=units[ZERO_REPORT], year=today.year, note="本支部未开设网站和新媒体账号")
        services.zero_report_file(actor=xcb, unit=units[ZERO_REPORT], year=last, note="本支部未开设网站和新媒体账号")
        messages.append("年审 3 条，零报告 2 份")

        services.security_update(actor=shuji, channel=wxy_wechat, password_holder=bianji, second_factor=True,
                                 password_changed_on=today - dt.timedelta(days=200))
        services.security_update(actor=shuji, channel=wxy_site, password_holder=bianji, second_factor=False,
                                 password_changed_on=today - dt.timedelta(days=30))
        holder = Appointment.objects.filter(pk__in=_admin_of(wgy, today)).first()
        services.security_update(actor=waiyu, channel=by_unit["wgy"][1], password_holder=holder, second_factor=True,
                                 password_changed_on=today - dt.timedelta(days=20))
    return "；".join(messages) + "。"
