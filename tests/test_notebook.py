"""The tutorial notebook runs: executed in a fresh kernel, no cell fails, the outputs
carry the worked case's findings, and the outputs stored in docs/tutorial.ipynb are
the ones a fresh run gives (regenerate with ``python docs/run_tutorial.py``).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "tutorial.ipynb"


def run_tutorial():
    spec = importlib.util.spec_from_file_location("run_tutorial", ROOT / "docs" / "run_tutorial.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def stored():
    nbformat = pytest.importorskip("nbformat")
    return nbformat.read(NOTEBOOK, as_version=4)


@pytest.fixture(scope="module")
def fresh():
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("prov")
    pytest.importorskip("rdflib")
    from nbclient.exceptions import CellExecutionError

    try:
        return run_tutorial().execute(NOTEBOOK, timeout=120)
    except CellExecutionError as exc:
        pytest.fail(f"a tutorial cell failed:\n{exc}")


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def text_of(cell, mime="text/plain"):
    """Everything a cell shows as ``mime`` (streams count as text/plain)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream" and mime == "text/plain":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data") and mime in out.data:
            parts.append(out.data[mime])
    return "".join(parts)


def all_text(nb, mime="text/plain"):
    return "\n".join(text_of(c, mime) for c in code_cells(nb))


def is_dataframe(cell):
    return 'class="dataframe"' in text_of(cell, "text/html")


def test_every_cell_runs_without_error(fresh):
    for cell in code_cells(fresh):
        kinds = {out.output_type for out in cell.outputs}
        assert "error" not in kinds, cell.source
        assert not [o for o in cell.outputs if o.get("name") == "stderr"], cell.source
        assert cell.outputs, f"a tutorial cell shows nothing:\n{cell.source}"


def test_outputs_carry_the_findings(fresh):
    text = all_text(fresh)
    assert "<ClaimGraph 27 claims · 6 sources" in text
    assert re.search(r"CG401 error: credited to DHS OIG management alert OIG-24-46, but its evidence is only in .*TRAC",
                     text)
    assert "document:trac-739" in text
    assert re.search(r"CG203 warning: “one of the eight” has no evidence", text) and "not 'false'" in text
    assert "CG202 info: “65%” is derived" in text and "consistent" in text
    assert "CG603" in text and "Refugee Resettlement" in text and "'Specifically,'" in text
    assert "CG601" in text
    assert "article:article → claim:" in text and "document:oig-24-46" in text
    assert '"alternateName": "Misattributed"' in text
    assert "prov:wasDerivedFrom" in text and "share_percent" in text


def test_rich_displays_are_html_and_escaped(fresh):
    cells = code_cells(fresh)
    html = [text_of(c, "text/html") for c in cells]
    assert sum(1 for h in html if h and 'class="dataframe"' not in h) >= 4  # graph, report, claim card, article
    joined = "\n".join(html)
    assert "<script" not in joined.lower()
    # the Grassley source's own apostrophe ("[...]'s") reaches the report escaped, never raw
    grassley = next(h for h in html if "Refugee Resettlement" in h and "dataframe" not in h)
    assert "&#x27;s" in grassley and "]'s" not in grassley


def test_no_machine_paths_in_outputs(stored):
    text = all_text(stored) + all_text(stored, "text/html")
    for local in {str(ROOT), str(Path.home()), "/tmp/", "/work/"}:
        assert local not in text, f"an output shows the path {local!r}"


def test_stored_notebook_is_executed_in_order(stored):
    counts = [c.execution_count for c in code_cells(stored)]
    assert counts == list(range(1, len(counts) + 1)), "run python docs/run_tutorial.py"
    for cell in code_cells(stored):
        assert all(o.output_type != "error" for o in cell.outputs)


def test_stored_outputs_match_a_fresh_run(stored, fresh):
    """Text and claimgraph's own HTML, cell by cell; DataFrame renderings change with pandas, so
    for those only the columns are compared."""
    old, new = code_cells(stored), code_cells(fresh)
    assert [c.source for c in old] == [c.source for c in new]
    for before, after in zip(old, new):
        if is_dataframe(after):
            header = re.compile(r"<th>([^<]*)</th>")
            assert header.findall(text_of(before, "text/html")) == header.findall(text_of(after, "text/html")), \
                before.source
            continue
        for mime in ("text/plain", "text/html"):
            assert text_of(before, mime) == text_of(after, mime), (
                f"the stored output of this cell is stale (run python docs/run_tutorial.py):\n{before.source}")


def test_readme_links_the_tutorial():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/tutorial.ipynb)" in readme
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
