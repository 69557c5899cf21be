"""Malformed cases: each folder is named after the error it must raise.

Every one must give exit code 2, a single line on stderr naming the file (and line
where there is one) with a hint, nothing on stdout, and no partial output file.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from claimgraph.cli import main

HERE = Path(__file__).resolve().parent / "malformed"
CASES = sorted(p for p in HERE.iterdir() if p.is_dir())


def test_there_are_at_least_ten_ways_to_break_a_case():
    assert len(CASES) >= 10


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_malformed_case_gives_one_clear_line(folder, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "out.claimgraph.json"
    code = main(["save", str(folder), "-o", str(target)], stdout=out, stderr=err)
    lines = err.getvalue().splitlines()
    assert code == 2, err.getvalue()
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("error[CG-"), line
    assert str(folder) in line  # names the file
    assert "hint:" in line
    expected = (folder / "expected.txt").read_text(encoding="utf-8").strip()
    assert expected in line, f"{expected!r} not in {line!r}"
    assert out.getvalue() == ""
    assert not target.exists() and not list(tmp_path.iterdir())


@pytest.mark.parametrize("folder", [p for p in CASES if (p / "case.json").exists()], ids=lambda p: p.name)
def test_json_errors_point_at_a_line(folder):
    if folder.name in ("missing-article-file", "article-not-utf8"):
        pytest.skip("the error is in another file")
    err = io.StringIO()
    main(["check", str(folder)], stdout=io.StringIO(), stderr=err)
    assert re.search(r"case\.json:\d+", err.getvalue()), err.getvalue()
