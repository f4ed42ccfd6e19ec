from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DutiesConfig(AppConfig):
    name = "netduty.duties"
    label = "duties"
    verbose_name = _("重点任务")

    def ready(self) -> None:
        from netduty.org import selectors as org_selectors

        from . import selectors

        if selectors.todo_for not in org_selectors.TODO_PROVIDERS:
            org_selectors.TODO_PROVIDERS.append(selectors.todo_for)
