"""`netduty backup DIR`: a consistent copy of the running database and the media files, with a
sha256 manifest (see netduty/core/backup.py and docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from netduty.core import backup


class Command(BaseCommand):
    help = "备份数据库（SQLite 在线备份 / PostgreSQL pg_dump -Fc）和上传文件，附 sha256 清单"

    def add_arguments(self, parser):
        parser.add_argument("dest", help="备份写入的目录（其下新建 netduty-backup-时间 子目录）")

    def handle(self, *args, dest, **options):
        try:
            target = backup.backup(Path(dest))
        except (backup.BackupError, OSError) as exc:
            raise CommandError(f"备份失败：{exc}") from exc
        self.stdout.write(f"备份完成：{target}")
