"""`netduty restore BACKUP_DIR`: check every checksum, restore the database and the media files,
then verify the audit chain (see netduty/core/backup.py and docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from netduty.core import audit, backup


class Command(BaseCommand):
    help = "从 netduty backup 的目录恢复数据库和上传文件（先校验 sha256，恢复后校验审计链）"

    def add_arguments(self, parser):
        parser.add_argument("source", help="netduty backup 写出的 netduty-backup-时间 目录")
        parser.add_argument("--force", action="store_true", help="目标数据库已有数据时仍然覆盖")

    def handle(self, *args, source, force, **options):
        try:
            result = backup.restore(Path(source), force=force)
        except (backup.BackupError, OSError) as exc:
            raise CommandError(f"恢复失败：{exc}") from exc
        verified = audit.verify()
        if not verified.ok:
            raise CommandError(f"已恢复，但审计链校验失败：事件 #{verified.broken_id}——{verified.reason}")
        self.stdout.write(f"恢复完成：{result.files} 个文件校验和一致，审计链完整（{verified.checked} 个事件）。")
