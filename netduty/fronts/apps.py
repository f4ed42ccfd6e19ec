from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontsConfig(AppConfig):
    name = "netduty.fronts"
    label = "fronts"
    verbose_name = _("阵地")

    def ready(self) -> None:
        from netduty.core import registry
        from netduty.org import permissions

        from . import api
        from .selectors import MANAGE
        from .todo import fronts_todo

        registry.nav_section("fronts", _("阵地与发布审查"), order=30)
        registry.nav_page("fronts", "fronts:index", _("阵地台账"), order=3)
        registry.nav_page("fronts", "fronts:queue", _("备案审批"), order=4,
                          allowed=lambda user: permissions.can_anywhere(user, MANAGE))
        registry.nav_page("fronts", "fronts:annual", _("年审与零报告"), order=5)
        registry.todo(fronts_todo)
        registry.api(api.register)
