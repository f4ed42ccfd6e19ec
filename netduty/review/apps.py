from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "netduty.review"
    label = "review"
    verbose_name = _("发布审查")

    def ready(self) -> None:
        from netduty.org import selectors as org_selectors

        from . import selectors, tasks  # noqa: F401  (tasks registers the periodic sweep)

        if selectors.todo_for not in org_selectors.TODO_PROVIDERS:
            org_selectors.TODO_PROVIDERS.append(selectors.todo_for)
