"""`netduty demo`: load the default policy pack (if none), the demo university, then each app's
own demo data (a `netduty/<app>/demo.py` with `load_demo() -> str`, in INSTALLED_APPS order)."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand

from netduty.org import demo


class Command(BaseCommand):
    help = "载入演示数据（虚构的湘中师范学院）；重复运行不会重复创建"

    def handle(self, *args, **options):
        from netduty.policy import selectors as policy_selectors
        from netduty.policy import services as policy_services

        if policy_selectors.active_pack() is None:
            pack = policy_services.load_default_pack(actor=None)
            self.stdout.write(f"已载入默认制度包：{pack}")
        counts = demo.load_demo()
        if counts["units"]:
            self.stdout.write(f"演示数据已载入：{counts['units']} 个单位，{counts['people']} 人，{counts['appointments']} 条任职。")
        else:
            self.stdout.write("演示组织数据已存在，未作改动。")
        for config in apps.get_app_configs():
            if not config.name.startswith("netduty.") or config.name in {"netduty.org", "netduty.core"}:
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            message = module.load_demo()
            if message:
                self.stdout.write(message)
        self.stdout.write(f"演示账号（密码均为 {demo.DEMO_PASSWORD}）：admin（系统管理员）、xcb（宣传部）、"
                          "shuji（文学院书记）、bianji（文学院信息员）、fuzeren（文学院办公室主任）、"
                          "waiyu（外国语学院书记）、jiwei（纪委）、xiaozhang（校长）")
