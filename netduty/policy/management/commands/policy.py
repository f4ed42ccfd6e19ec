"""`netduty policy validate FILE | load FILE | load --default | show`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netduty.policy import loader, selectors, services
from netduty.policy.loader import PackError, ParsedPack

KIND_LABELS = [
    ("level", "责任层级"), ("guiding", "指导思想"), ("key_task", "重点任务条款"), ("situation", "问责情形"),
    ("method", "问责方式"), ("team_type", "队伍类型"), ("requirement", "工作要求"),
    ("review_check", "审查要点"), ("principle", "原则"),
]


def summary_lines(name: str, code: str, version: int, effective_from, roles: int, tasks: int,
                  counts: dict[str, int]) -> list[str]:
    lines = [
        f"{name}（{code} 第 {version} 版，{effective_from.year}年{effective_from.month}月{effective_from.day}日起生效）",
        f"  角色 {roles} 个；重点任务 {tasks} 项",
    ]
    lines.append("  " + "；".join(f"{label} {counts.get(kind, 0)} 条" for kind, label in KIND_LABELS))
    return lines


class Command(BaseCommand):
    help = "制度包：校验（validate）、载入（load）、查看现行版本（show）"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True, metavar="{validate,load,show}")
        validate = sub.add_parser("validate", help="校验制度包文件，打印摘要；有错误时逐条打印 文件:行号: 问题 并以 1 退出")
        validate.add_argument("file")
        load = sub.add_parser("load", help="载入制度包文件（新版本新增行，旧版本不变；同一文件重复载入不做任何改动）")
        load.add_argument("file", nargs="?")
        load.add_argument("--default", action="store_true", help="载入随程序附带的默认制度包")
        sub.add_parser("show", help="查看现行制度包")

    def handle(self, *args, **options) -> None:
        getattr(self, f"do_{options['subcommand']}")(**options)

    def _read(self, file: str) -> str:
        path = Path(file)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise CommandError(f"找不到文件：{file}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file}:1: 文件不是 UTF-8 编码") from exc

    def _fail(self, exc: PackError) -> CommandError:
        for issue in exc.issues:
            self.stderr.write(issue.cli())
        return CommandError(f"制度包有 {len(exc.issues)} 个问题，未通过。", returncode=1)

    def do_validate(self, file: str, **_: object) -> None:
        try:
            parsed: ParsedPack = loader.parse(self._read(file), file)
        except PackError as exc:
            raise self._fail(exc) from exc
        counts = {kind: parsed.count(kind) for kind, _ in KIND_LABELS}
        for line in summary_lines(parsed.name, parsed.code, parsed.version, parsed.effective_from,
                                  len(parsed.roles), len(parsed.tasks), counts):
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"校验通过：{file}"))

    def do_load(self, file: str | None = None, default: bool = False, **_: object) -> None:
        if default == bool(file):
            raise CommandError("请给出制度包文件，或使用 --default 载入默认制度包（二者选一）。")
        try:
            if file is None:
                pack = services.load_default_pack(actor=None)
            else:
                pack = services.pack_load(actor=None, text=self._read(file), filename=file)
        except PackError as exc:
            raise self._fail(exc) from exc
        if getattr(pack, "created_now", False):
            message = f"制度包 {pack.code} 第 {pack.version} 版（{pack.name}）已载入，记录编号 {pack.pk}"
        else:
            message = f"制度包 {pack.code} 第 {pack.version} 版已载入过，内容相同，未做改动（记录编号 {pack.pk}）"
        self.stdout.write(self.style.SUCCESS(f"{message}，SHA-256 {pack.source_sha256[:12]}…"))

    def do_show(self, **_: object) -> None:
        pack = selectors.active_pack()
        if pack is None:
            raise CommandError("没有现行制度包。请先运行 netduty policy load --default。")
        counts = {kind: pack.items.filter(kind=kind).count() for kind, _ in KIND_LABELS}
        for line in summary_lines(pack.name, pack.code, pack.version, pack.effective_from,
                                  pack.roles.count(), pack.tasks.count(), counts):
            self.stdout.write(line)
        self.stdout.write(f"  文号：{pack.document or '—'}；机构：{pack.institution or '—'}；载入于 {pack.loaded_at:%Y-%m-%d %H:%M}")
        self.stdout.write("  角色：" + "、".join(f"{r.name}（{r.code}）" for r in pack.roles.order_by("order")))
