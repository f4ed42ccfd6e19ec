from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """The UI shell: home/工作台, nav, to-dos and the audit pages, assembled from what the apps
    register in netduty.core.registry. Installed last: it sits above every app."""

    name = "netduty.web"
    label = "web"
    verbose_name = _("工作台")

    def ready(self) -> None:
        from netduty.core import registry
        from netduty.org import permissions

        # capabilities whose apps are not written yet: a placeholder page each
        for code, label, order in (("opinion", _("舆情"), 40), ("accountability", _("问责"), 50),
                                   ("inspection", _("检查考核"), 60), ("training", _("学习与队伍"), 70)):
            registry.nav_section(code, label, order)
        registry.nav_section("audit", _("审计"), order=90)
        registry.nav_page("audit", "audit_list", _("审计日志"),
                          allowed=lambda user: permissions.can(user, "audit.view", None))
