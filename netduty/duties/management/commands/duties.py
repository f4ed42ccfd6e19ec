"""`netduty duties generate --year 2026`, `netduty duties remind [--date]`, `netduty duties event ...`."""

from __future__ import annotations

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from netduty.duties import services
from netduty.org.models import Unit


class Command(BaseCommand):
    help = "重点任务：生成年度任务、发送提醒、登记适时上报事件"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        gen = sub.add_parser("generate", help="生成某年度各单位的任务和周期（可重复运行）")
        gen.add_argument("--year", type=int, default=None, help="年度，默认今年")
        rem = sub.add_parser("remind", help="立即执行某日的提醒（每日只会执行一次）")
        rem.add_argument("--date", default=None, help="日期 YYYY-MM-DD，默认今天")
        ev = sub.add_parser("event", help="为单位开启一个“适时上报”周期")
        ev.add_argument("unit", help="单位代码")
        ev.add_argument("task", help="任务代码，如 upward_report")
        ev.add_argument("ref", help="事件编号")
        ev.add_argument("title", help="事件名称")

    def handle(self, *args, action: str, **options):
        if action == "generate":
            year = options["year"] or timezone.localdate().year
            started = time.perf_counter()
            result = services.generate_year(actor=None, year=year)
            took = time.perf_counter() - started
            if not result.packs:
                raise CommandError(f"{year} 年没有生效的制度包；请先载入制度包（netduty policy load --default）。")
            self.stdout.write(
                f"{year} 年度：{result.units} 个单位，新建任务 {result.obligations_created} 项、周期 "
                f"{result.periods_created} 个，改用新版本 {result.periods_rebased} 个（{'、'.join(result.packs)}；"
                f"{took:.2f} 秒）")
        elif action == "remind":
            day = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
            sent = services.run_reminders(day=day, worker="command")
            if sent is None:
                self.stdout.write(f"{day} 的提醒已由其他进程执行过，未重复发送。")
            else:
                self.stdout.write(f"{day} 提醒：即将到期 {sent['due_soon']}，逾期 {sent['overdue']}，"
                                  f"督办 {sent['escalation']}，邮件 {sent['emails']} 封。")
        else:
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"没有代码为“{options['unit']}”的单位")
            try:
                period, created = services.period_open_for_event(
                    actor=None, unit=unit, task_code=options["task"], event_ref=options["ref"],
                    title=options["title"])
            except ValueError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"{'已开启' if created else '已存在'}：{period}（截止 {period.due}）")
