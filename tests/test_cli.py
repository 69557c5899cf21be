"""The claimgraph command: verbs, formats and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from claimgraph.cli import main

from conftest import WORKED_CASE


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_numbers_json_has_every_field(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("ICE reported more than 32,000 UCs failed to appear, about 7% of the total.", encoding="utf-8")
    code, out, _ = run("numbers", str(path), "--format", "json")
    assert code == 0
    numbers = json.loads(out)["numbers"]
    assert [n["text"] for n in numbers] == ["more than 32,000", "about 7%"]
    for n in numbers:
        assert {"text", "start", "end", "value", "hedge", "unit", "kind"} <= set(n)
        assert path.read_text(encoding="utf-8")[n["start"]:n["end"]] == n["text"]
    assert numbers[0]["hedge"] == "more_than" and numbers[1]["unit"] == "%"


def test_numbers_table_and_missing_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Nearly 1.1 million people.", encoding="utf-8")
    code, out, err = run("numbers", str(path))
    assert code == 0 and "nearly" in out.lower() and "1100000" in out
    code, out, err = run("numbers", str(tmp_path / "missing.txt"))
    assert code == 2 and err.count("\n") == 1 and "missing.txt" in err


def test_check_text_json_markdown_and_exit_codes():
    code, out, _ = run("check", str(WORKED_CASE))
    assert code == 1 and "CG401" in out and "Summary:" in out
    code, out, _ = run("check", str(WORKED_CASE), "--format", "json", "--fail-on", "never")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"findings", "summary"}
    for f in data["findings"]:
        assert {"code", "severity", "claim_id", "start", "end", "message", "hint"} <= set(f)
    code, out, _ = run("check", str(WORKED_CASE), "--format", "markdown")
    assert out.startswith("# Fact-check report") and "| CG401 |" in out


def test_check_only_named_checks():
    code, out, _ = run("check", str(WORKED_CASE), "--check", "arithmetic", "--format", "json")
    checks = {f["check"] for f in json.loads(out)["findings"]}
    assert checks == {"arithmetic"} and code == 0


def test_usage_errors_exit_2():
    assert run("check")[0] == 2
    assert run("frobnicate")[0] == 2
    code, _, err = run("check", str(WORKED_CASE), "--fail-on", "sometimes")
    assert code == 2 and "invalid choice" in err


def test_schema_and_checks_list():
    code, out, _ = run("schema", "annotation")
    assert code == 0 and json.loads(out)["title"] == "AnnotationFile"
    code, out, _ = run("checks")
    assert "CG401" in out and "coverage" in out


@pytest.mark.parametrize("module", ["claimgraph", "claimgraph.cli"])
def test_console_script_runs_in_a_subprocess(module):
    proc = subprocess.run([sys.executable, "-m", module, "check", str(WORKED_CASE), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and json.loads(proc.stdout)["summary"]["by_severity"]["error"] >= 1
    usage = subprocess.run([sys.executable, "-m", module, "chek"], capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2 and usage.stderr.startswith("error: claimgraph:") and "'chek'" in usage.stderr
    assert "did you mean 'check'?" in usage.stderr or "maybe you meant 'check'?" in usage.stderr
