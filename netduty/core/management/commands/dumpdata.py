"""Django's dumpdata, refusing to export the audit chain.

JSON/YAML/XML serialisation truncates datetimes to milliseconds (DjangoJSONEncoder), and every
event's hash covers its microsecond timestamp: loaded back, the whole chain would fail
verification. The chain moves between databases only with `netduty backup` / `netduty restore`,
which copy the database itself. Dump everything else with `--exclude core.auditevent`.
"""

from django.core.management.base import CommandError
from django.core.management.commands.dumpdata import Command as DumpdataCommand

AUDIT = "core.auditevent"


def includes_audit(app_labels: list[str], excluded: list[str]) -> bool:
    lowered = {label.lower() for label in excluded}
    if AUDIT in lowered or "core" in lowered:
        return False
    if not app_labels:
        return True
    return any(label.lower() in {"core", AUDIT} for label in app_labels)


class Command(DumpdataCommand):
    def handle(self, *app_labels, **options):
        if includes_audit(list(app_labels), list(options.get("exclude") or [])):
            raise CommandError(
                "dumpdata 不能导出审计事件：序列化会把时间截到毫秒，导回后每个事件的哈希都对不上。"
                "迁移整个数据库请用 netduty backup / netduty restore；其余数据可加 --exclude core.auditevent 导出。"
            )
        return super().handle(*app_labels, **options)
