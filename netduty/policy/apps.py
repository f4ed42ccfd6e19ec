from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "netduty.policy"
    label = "policy"
    verbose_name = _("制度包")

    def ready(self) -> None:
        from netduty.core import registry

        from . import api

        registry.nav_section("policy", _("制度包"), order=80)
        registry.nav_page("policy", "policy:pack_list", _("制度包"))
        registry.api(api.register)
