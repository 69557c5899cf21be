"""Case files: annotation loading, native JSON round trips, and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import claimgraph
from claimgraph.case import dumps, loads
from claimgraph.model import Case

from conftest import WORKED_CASE


def test_native_round_trip_is_exact(worked_graph, tmp_path):
    path = tmp_path / "uac.claimgraph.json"
    claimgraph.save(worked_graph, path)
    again = claimgraph.load(path)
    assert again.to_case() == worked_graph.to_case()
    assert dumps(again) == path.read_text(encoding="utf-8")  # byte-identical second save
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format_version"] == "1.0"


def test_native_refuses_other_major_version(worked_graph):
    data = json.loads(dumps(worked_graph))
    data["format_version"] = "2.0"
    with pytest.raises(claimgraph.CaseError, match="format_version"):
        loads(json.dumps(data))


def test_yaml_annotation_equals_json(tmp_path):
    yaml = pytest.importorskip("yaml")
    for item in WORKED_CASE.iterdir():
        if item.name != "case.json":
            target = tmp_path / item.name
            if item.is_dir():
                target.mkdir()
                for f in item.iterdir():
                    (target / f.name).write_bytes(f.read_bytes())
            else:
                target.write_bytes(item.read_bytes())
    data = json.loads((WORKED_CASE / "case.json").read_text(encoding="utf-8"))
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert claimgraph.load(tmp_path).to_case() == claimgraph.load(WORKED_CASE).to_case()


def test_json_schema_exports():
    schema = Case.model_json_schema()
    assert "attribution" in json.dumps(schema)
    assert schema["properties"]["format_version"]


def _write_case(folder: Path, article: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(article, encoding="utf-8")
    (folder / "case.json").write_text(json.dumps({
        "article": {"file": "article.txt"},
        "claims": [
            {"quote": "ICE transferred more than 448,000 unaccompanied minors.", "kind": "numeric"},
            {"quote": "The report further states that at least 32,000 did not appear.", "kind": "numeric"},
        ],
    }), encoding="utf-8")


_PLAIN = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=60)


@settings(max_examples=25, deadline=None)
@given(before=_PLAIN, between=_PLAIN)
def test_claim_ids_survive_edits_elsewhere(tmp_path_factory, before, between):
    a = "ICE transferred more than 448,000 unaccompanied minors."
    b = "The report further states that at least 32,000 did not appear."
    if a in before + between or b in before + between or a in before + a + between or b in between + b:
        return
    base = tmp_path_factory.mktemp("base")
    _write_case(base, a + " " + b + "\n")
    edited = tmp_path_factory.mktemp("edited")
    _write_case(edited, before + "\n" + a + " " + between + " " + b + "\n")
    try:
        ids_after = [c.id for c in claimgraph.load(edited).claims]
    except claimgraph.CaseError as exc:  # an edit that makes an anchor ambiguous is reported, not guessed
        assert "occurs" in str(exc)
        return
    assert ids_after == [c.id for c in claimgraph.load(base).claims]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_span_invariant_and_round_trip_on_random_subsets(worked_graph, data):
    case = worked_graph.to_case()
    keep = data.draw(st.lists(st.sampled_from(case.claims), unique_by=lambda c: c.id, max_size=len(case.claims)))
    ids = {c.id for c in keep}
    qids = {q.id for c in keep for q in c.quantities}
    evidence = tuple(e for e in case.evidence if e.claim in ids and (e.quantity is None or e.quantity in qids))
    derivations = tuple(d for d in case.derivations
                        if d.quantity in qids and all(o in qids or o in {e.id for e in evidence} for o in d.operands))
    sub = case.model_copy(update={"claims": tuple(keep), "evidence": evidence, "derivations": derivations})
    sub = Case.model_validate(sub.model_dump())
    sub.validate_offsets()
    for c in sub.claims:
        assert sub.article.text[c.start:c.end] == c.text
    again = loads(dumps(sub))
    assert again.to_case() == sub
