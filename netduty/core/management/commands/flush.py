"""Django's flush, aware of the append-only audit table.

Emptying the database also empties the audit chain, which its triggers forbid. Only where
settings.NETDUTY_AUDIT_ALLOW_FLUSH is true (the test settings) are the triggers lifted for the
flush and put back afterwards; elsewhere flush refuses.
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from netduty.core import triggers


class Command(FlushCommand):
    def handle(self, **options):
        if not settings.NETDUTY_AUDIT_ALLOW_FLUSH:
            raise CommandError("审计链只可追加，不能清空数据库（flush 已禁用）。")
        connection = connections[options["database"]]
        triggers.drop(connection)
        try:
            return super().handle(**options)
        finally:
            triggers.install(connection)
