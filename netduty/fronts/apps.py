from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontsConfig(AppConfig):
    name = "netduty.fronts"
    label = "fronts"
    verbose_name = _("阵地")

    def ready(self) -> None:
        from netduty.org.selectors import TODO_PROVIDERS

        from .todo import fronts_todo

        if fronts_todo not in TODO_PROVIDERS:
            TODO_PROVIDERS.append(fronts_todo)
