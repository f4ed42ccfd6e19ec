from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DutiesConfig(AppConfig):
    name = "netduty.duties"
    label = "duties"
    verbose_name = _("重点任务")

    def ready(self) -> None:
        import datetime as dt

        from netduty.core import registry

        from . import api, counting, selectors, tasks

        registry.nav_section("duties", _("重点任务"), order=20)
        registry.nav_page("duties", "duties:index", _("本单位任务"), order=1)
        registry.nav_page("duties", "duties:board", _("总览看板"), order=2)
        registry.nav_page("duties", "duties:calendar", _("我的日历"), order=3)
        registry.nav_page("duties", "duties:notifications", _("通知"), order=4)
        registry.todo(selectors.todo_for)
        registry.job("duties.generate", tasks.generate_obligations, dt.time(1, 0))
        registry.job("duties.reminders", tasks.send_reminders, dt.time(8, 0))
        registry.counter("meeting.", counting.meetings)
        registry.api(api.register)
