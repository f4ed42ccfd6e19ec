from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from netduty.screening.cli import main

from .conftest import CORPUS

ROOT = Path(__file__).resolve().parents[3]


def test_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text("机密★10年\n手机13812345678\n", encoding="utf-8")
    rc = main(["--format", "json", str(a), str(tmp_path / "missing.txt")])
    assert rc == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["files"]
    f0, f1 = doc["files"]
    assert list(f0) == ["path", "chars", "findings", "error"]
    assert f0["path"] == str(a) and f0["chars"] == 21 and f0["error"] is None
    assert [f["category"] for f in f0["findings"]] == ["secrecy", "pii.mobile"]
    assert f0["findings"][1] == {
        "category": "pii.mobile", "rule": "pii.mobile", "severity": "medium", "start": 9, "end": 20,
        "text": "13812345678", "message": "疑似手机号码：公开发布前应删除或打码", "suggestion": "138****5678"}
    assert f1["error"] == "文件不存在" and f1["findings"] == []


def test_rules_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["--rules", str(CORPUS / "rules.yaml"), str(CORPUS / "news_01.txt")])
    assert rc == 0
    out = capsys.readouterr().out
    assert "校长张建国" in out and "【邵阳学园】" in out and "\033[" not in out


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("秘密★\n".encode())))
    assert main(["--format", "json", "-"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["files"][0]["path"] == "-"
    assert doc["files"][0]["findings"][0]["text"] == "秘密★"


def test_directory_recursion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("13812345678", encoding="utf-8")
    (tmp_path / "c.bin").write_bytes(b"\0")
    assert main(["--format", "json", str(tmp_path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [Path(f["path"]).name for f in doc["files"]] == ["b.txt"]


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["--format", "xml", "a.txt"])
    assert exc.value.code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("terms: [{category: x, severity: urgent, words: [a]}]", encoding="utf-8")
    assert main(["--rules", str(bad), "a.txt"]) == 2
    assert "severity" in capsys.readouterr().err
    assert main(["--rules", str(tmp_path / "none.yaml"), "a.txt"]) == 2


def test_color_always(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text("13812345678", encoding="utf-8")
    assert main(["--color", "always", str(a)]) == 0
    assert "\033[" in capsys.readouterr().out


def test_module_runs_without_django(tmp_path: Path) -> None:
    """The library and the CLI never import Django."""
    a = tmp_path / "a.txt"
    a.write_text("机密★10年", encoding="utf-8")
    code = (
        "import sys, runpy\n"
        "import netduty.screening, netduty.screening.cli\n"
        "from netduty.screening import Screener\n"
        "Screener().screen_text('x')\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django imported'\n"
        f"sys.argv = ['x', '--format', 'json', {str(a)!r}]\n"
        "try:\n"
        "    runpy.run_module('netduty.screening.cli', run_name='__main__')\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django imported'\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["files"][0]["findings"][0]["category"] == "secrecy"
