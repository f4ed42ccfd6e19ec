from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "netduty.org"
    label = "org"
    verbose_name = _("组织与责任体系")

    def ready(self) -> None:
        from netduty.core import registry

        from . import api, permissions, selectors

        registry.nav_section("org", _("责任体系"), order=10)
        registry.nav_page("org", "org:unit_list", _("单位与责任链"), order=1)
        registry.nav_page("org", "org:person_list", _("人员"), order=2)
        registry.nav_page("org", "org:import", _("Excel 导入"), order=3,
                          allowed=lambda user: permissions.can_anywhere(user, "org.manage"))
        registry.todo(selectors.org_todo)
        registry.api(api.register)
