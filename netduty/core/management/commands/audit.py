"""`netduty audit verify`: walk the audit chain and name the first broken link."""

from django.core.management.base import BaseCommand, CommandError

from netduty.core import audit


class Command(BaseCommand):
    help = "审计链工具：verify 校验哈希链是否完整"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        sub.add_parser("verify", help="校验全部审计事件的哈希链")

    def handle(self, *args, **options):
        result = audit.verify()
        if result.ok:
            self.stdout.write(f"审计链完整：已校验 {result.checked} 个事件。")
            return
        raise CommandError(
            f"审计链断裂：事件 #{result.broken_id}（此前 {result.checked} 个事件完好）——{result.reason}",
            returncode=1,
        )
