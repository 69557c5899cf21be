"""Shared fixtures: the worked case, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKED_CASE = ROOT / "examples" / "uac-oig-2024"


@pytest.fixture(scope="session")
def worked_graph():
    import claimgraph

    return claimgraph.load(WORKED_CASE)


@pytest.fixture(scope="session")
def worked_report(worked_graph):
    return worked_graph.check()


def claim_with(graph, words: str):
    """The one claim whose text contains ``words``."""
    found = [c for c in graph.claims if words in c.text]
    assert len(found) == 1, f"{len(found)} claims contain {words!r}"
    return found[0]


def quantity_with(graph, text: str):
    found = [(c, q) for c, q in graph.quantities() if q.text == text]
    assert len(found) == 1, f"{len(found)} quantities read {text!r}"
    return found[0]


def display_test_graphs():
    """The hand-built graphs of tests/test_display.py, loaded once (test modules are not importable by name)."""
    import importlib.util
    import sys

    name = "_claimgraph_display_test_graphs"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("test_display.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
