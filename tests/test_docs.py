"""Docs stay true: README commands, CI script, generated references, public API."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import claimgraph
from claimgraph.checks import CHECK_CODES
from claimgraph.cli import VERBS, build_parser
from claimgraph.errors import ERROR_CODES

ROOT = Path(__file__).resolve().parent.parent


def readme_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text.split("---", 1)[0]
    return [line.strip() for line in head.splitlines() if line.startswith("    ")]


def test_readme_opens_with_two_fresh_machine_commands():
    run, test = readme_commands()
    assert "pip install ." in run and "claimgraph check examples/uac-oig-2024" in run
    assert "[test]" in test and "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    _, test = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
    assert "set -e" in ci


def test_generated_references_are_up_to_date():
    spec = importlib.util.spec_from_file_location("gen_reference", ROOT / "docs" / "gen_reference.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    for name, make in gen.PAGES.items():
        committed = (ROOT / "docs" / "reference" / name).read_text(encoding="utf-8")
        assert committed == make(), f"docs/reference/{name} is stale: run python docs/gen_reference.py"


def test_every_check_code_is_explained():
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    missing = [code for code in CHECK_CODES if code not in text]
    assert not missing, f"docs/checks.md does not explain {missing}"


def test_every_error_code_and_verb_is_documented():
    errors = (ROOT / "docs" / "reference" / "errors.md").read_text(encoding="utf-8")
    assert all(code in errors for code in ERROR_CODES)
    cli = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    build_parser()
    assert VERBS and all(f"## claimgraph {verb}" in cli for verb in VERBS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"claimgraph {verb}" in readme for verb in VERBS)


def test_public_api_is_pinned():
    assert sorted(claimgraph.__all__) == sorted(PUBLIC_API)
    for name in claimgraph.__all__:
        assert getattr(claimgraph, name) is not None


def test_version_comes_from_metadata():
    from importlib.metadata import version

    assert claimgraph.__version__ == version("claimgraph")
    assert not re.search(r"__version__\s*=\s*['\"]\d", (ROOT / "claimgraph" / "__init__.py").read_text())


PUBLIC_API = [
    "__version__",
    "AnchorError", "CaseError", "ClaimgraphError", "DocumentError", "ExportError", "GraphError", "ModelError",
    "QuantityError", "SpanError",
    "Span", "TextQuote",
    "Quantity", "Hedge", "QuantityKind", "Interval", "Comparison", "Verdict", "compare", "derive", "find_quantities",
    "Article", "Case", "Claim", "Derivation", "Document", "Evidence", "QuantityMention", "QuoteSpan", "Source",
    "ClaimGraph", "load", "save",
    "Finding", "Report", "register", "run_checks",
    "Analysis", "analyze", "draft", "find_quotes", "split_sentences",
    "DocumentIndex", "Fidelity", "Linker", "read_document", "link_graph", "quote_fidelity",
]


def test_readme_quickstart_runs(tmp_path, monkeypatch, capsys):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    code = text.split("```python", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    exec(compile(code.replace("uac.claimgraph.json", str(tmp_path / "uac.claimgraph.json")), "README", "exec"), {})
    out = capsys.readouterr().out
    assert "<ClaimGraph 27 claims" in out and "CG401" in out and "relayed" in out
    assert "document:oig-24-46" in out and (tmp_path / "uac.claimgraph.json").exists()


def test_linking_page_example_runs(monkeypatch, capsys):
    text = (ROOT / "docs" / "linking.md").read_text(encoding="utf-8")
    code = text.split("```python", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    exec(compile(code, "docs/linking.md", "exec"), {})
    out = capsys.readouterr().out
    assert "more than 448,000 ('oig', 'verbatim'" in out and "65% ('oig', 'derived'" in out
    # the page's quality table quotes what the benchmark measures
    assert "| 15 |" in text and "| 8 |" in text
