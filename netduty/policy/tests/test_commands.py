"""`netduty policy validate | load | show`, through call_command and as a real process."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from netduty.policy.models import PolicyPack

PACKS = Path(__file__).resolve().parent.parent / "packs"
DEFAULT = str(PACKS / "shaoyang-2018.yaml")


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("policy", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_validate_prints_a_chinese_summary():
    out, err = run("validate", DEFAULT)
    assert "角色 10 个；重点任务 13 项" in out
    assert "问责情形 9 条" in out and "工作要求 3 条" in out and "队伍类型 7 条" in out
    assert "校验通过" in out and err == ""


def test_validate_malformed_lists_file_line_problems(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(Path(DEFAULT).read_text(encoding="utf-8").replace("\n    cadence: quarter\n", "\n    cadence: monthly\n")
                   .replace("code: s2\n", "code: s1\n"), encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as info:
        call_command("policy", "validate", str(bad), stdout=out, stderr=err)
    assert info.value.returncode == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}:") and "monthly" in lines[0]
    assert "s1" in lines[1] and "重复" in lines[1]


@pytest.mark.django_db
def test_load_and_show():
    out, _ = run("load", DEFAULT)
    assert "shaoyang-2018 第 1 版" in out and "已载入" in out
    out, _ = run("load", "--default")
    assert "未做改动" in out and PolicyPack.objects.count() == 1
    out, _ = run("show")
    assert "重点任务 13 项" in out and "第一责任人（first_responsible）" in out


@pytest.mark.django_db
def test_show_without_pack_and_load_without_file():
    with pytest.raises(CommandError, match="没有现行制度包"):
        run("show")
    with pytest.raises(CommandError, match="二者选一"):
        run("load")


def _process(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    return subprocess.run([sys.executable, str(settings.BASE_DIR / "manage.py"), "policy", *args],
                          capture_output=True, text=True, env=env, cwd=settings.BASE_DIR, timeout=60)


def test_exit_codes_of_a_real_process(tmp_path):
    ok = _process("validate", DEFAULT)
    assert ok.returncode == 0, ok.stderr
    assert "重点任务 13 项" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\npack:\n  code: x\n  version: one\n", encoding="utf-8")
    failed = _process("validate", str(bad))
    assert failed.returncode == 1
    assert f"{bad}:4: pack 的 version 必须是正整数" in failed.stderr
    assert _process("validate", str(tmp_path / "missing.yaml")).returncode == 1
