from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "netduty.core"
    label = "core"
    verbose_name = _("核心")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import signals  # noqa: F401
        from .writelock import install

        connection_created.connect(install, dispatch_uid="netduty-writelock")

        from django.contrib import admin

        from .auth import LockoutAdminAuthenticationForm

        admin.site.login_form = LockoutAdminAuthenticationForm
