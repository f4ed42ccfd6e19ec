"""`netduty audit verify|checkpoint`: walk the audit chain and name the first broken link; compare it
with the latest head checkpoint (truncation); append a new checkpoint (see core/checkpoint.py)."""

from django.core.management.base import BaseCommand, CommandError

from netduty.core import audit, checkpoint


class Command(BaseCommand):
    help = "审计链工具：verify 校验哈希链与最新检查点；checkpoint 记录当前链头"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        sub.add_parser("verify", help="校验全部审计事件的哈希链，并与最新检查点比对（发现尾部截断）")
        sub.add_parser("checkpoint", help="把当前链头（事件数、编号、哈希、时间）追加到检查点文件和日志")

    def handle(self, *args, sub, **options):
        if sub == "checkpoint":
            entry = checkpoint.write()
            if entry is None:
                self.stdout.write("链头自上次检查点以来未变，未写入。")
            else:
                self.stdout.write(f"已记录检查点：事件 #{entry['id']}，共 {entry['count']} 个 → {checkpoint.path()}")
            return
        result = audit.verify()
        if not result.ok:
            raise CommandError(
                f"审计链断裂：事件 #{result.broken_id}（此前 {result.checked} 个事件完好）——{result.reason}",
                returncode=1,
            )
        anchored = checkpoint.check()
        if not anchored.ok:
            raise CommandError(f"已校验 {result.checked} 个事件，但{anchored.message}", returncode=1)
        self.stdout.write(f"审计链完整：已校验 {result.checked} 个事件。{anchored.message}")
