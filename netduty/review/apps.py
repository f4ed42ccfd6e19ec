from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "netduty.review"
    label = "review"
    verbose_name = _("发布审查")

    def ready(self) -> None:
        import datetime as dt

        from netduty.core import registry

        from . import api, selectors, tasks

        registry.nav_page("fronts", "review:index", _("发布审查"), order=1)
        registry.nav_page("fronts", "review:live", _("上线核查"), order=2)
        registry.todo(selectors.todo_for)
        registry.job(tasks.JOB_SWEEP, tasks.sweep, dt.time(6, 30))
        registry.api(api.register)
