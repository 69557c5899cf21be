"""ClaimGraph: building, queries, and the networkx copy."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from claimgraph import ClaimGraph, GraphError, SpanError
from claimgraph.model import Article, Claim, Document, Evidence, Source

from conftest import claim_with, quantity_with


def small_graph() -> ClaimGraph:
    text = "ICE moved 12 children, the report says. Officials disagree."
    g = ClaimGraph(Article(text=text))
    g.add_source(Source(id="oig", name="OIG", kind="government_body"))
    g.add_source(Source(id="report", name="the report", kind="document", affiliation="oig"))
    g.add_document(Document(id="doc", title="Report", source="oig", primary=True, text="ICE moved 12 children."))
    g.add_claim(Claim(id="c1", start=0, end=39, text=text[:39], kind="numeric",
                      attribution={"kind": "paraphrase", "cue": "says", "source": "report"}))
    g.add_evidence(Evidence(id="e1", claim="c1", document="doc", start=0, end=22, text="ICE moved 12 children.",
                            relation="paraphrase"))
    return g


def test_add_checks_references_and_offsets():
    g = small_graph()
    with pytest.raises(GraphError, match="unknown source 'reprot'.*did you mean 'report'"):
        g.add_claim(Claim(id="c2", start=40, end=59, text="Officials disagree.", kind="opinion",
                          attribution={"kind": "paraphrase", "source": "reprot"}))
    with pytest.raises(SpanError, match="claim c3"):
        g.add_claim(Claim(id="c3", start=40, end=59, text="Officials agree!!!.", kind="opinion"))
    with pytest.raises(GraphError, match="already in the graph"):
        g.add_source(Source(id="oig", name="again", kind="organization"))
    with pytest.raises(SpanError, match="evidence e2"):
        g.add_evidence(Evidence(id="e2", claim="c1", document="doc", start=0, end=3, text="NOT", relation="verbatim"))
    assert len(g) == 1  # failed additions leave nothing behind


def test_trace_reaches_documents_and_agents():
    g = small_graph()
    paths = g.trace("c1")
    ends = {p[-1] for p in paths}
    assert "source:oig" in ends
    assert any(p[-2:] == ("document:doc", "source:oig") for p in paths)
    assert all(p[0] == "claim:c1" for p in paths)
    assert g.origins("c1") == ("document:doc",)


def test_claim_lookup_by_prefix_and_errors():
    g = small_graph()
    assert g.claim("c1").id == "c1"
    with pytest.raises(GraphError, match="unknown claim"):
        g.claim("zzz")


def test_to_networkx_is_a_json_safe_copy(worked_graph):
    copy = worked_graph.to_networkx()
    assert isinstance(copy, nx.MultiDiGraph)
    for node, data in copy.nodes(data=True):
        assert "kind" in data, node
        json.dumps(data)
    for u, v, data in copy.edges(data=True):
        assert "relation" in data
        json.dumps(data)
    copy.remove_node("document:oig-24-46")
    assert worked_graph.to_networkx().has_node("document:oig-24-46")


def test_claims_by_source_follows_affiliation(worked_graph):
    oig = {c.id for c in worked_graph.claims_by_source("dhs-oig")}
    assert claim_with(worked_graph, "Joseph Cuffari stated").id in oig  # Cuffari speaks for the OIG
    assert claim_with(worked_graph, "the report reads").id in oig
    assert claim_with(worked_graph, "said Grassley").id not in oig
    assert {c.kind for c in worked_graph.claims_by_kind("heading")} == {"heading"}


def test_origins_of_derived_number_follow_operands(worked_graph):
    _, q = quantity_with(worked_graph, "65%")
    origins = worked_graph.origins(q.id)
    assert origins[0] == "document:oig-24-46"  # primary first, via 291,000 and 448,000
    assert "document:center-square-2024-09" in origins


def test_repr_is_short_and_honest(worked_graph):
    text = repr(worked_graph)
    assert text.startswith("<ClaimGraph 27 claims") and "5 documents" in text


def test_replace_claim_keeps_graph_consistent():
    g = small_graph()
    old = g.claim("c1")
    g.replace_claim(old.model_copy(update={"kind": "factual"}))
    assert g.claim("c1").kind == "factual"
    assert g.origins("c1") == ("document:doc",)
