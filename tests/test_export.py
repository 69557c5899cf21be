"""Exports: every format round-trips or is read back by its own standard reader.

ClaimReview against Google's required properties and schema.org types; PROV read
back by the prov package; GraphML and node-link read back by networkx; native and
node-link rebuilt into a ClaimGraph equal to the original; CSV parsed by csv.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter

import networkx as nx
import pytest

from claimgraph import export as ex
from claimgraph.case import loads

from conftest import display_test_graphs
from claimgraph.checks import Finding, Report
from claimgraph.display import report_page
from claimgraph.errors import ExportError
from claimgraph.graph import ClaimGraph
from claimgraph.model import Article, Claim, Derivation, Document, Evidence, QuantityMention, Source


needs_worked_case, small_graph, xss_graph = display_test_graphs().needs_worked_case, display_test_graphs().small_graph, display_test_graphs().xss_graph

AUTHOR = "Example Fact Desk"
URL = "https://factdesk.example/checks/uac"
#: Every schema.org type the ClaimReview export may use (all defined by schema.org).
SCHEMA_TYPES = {"ClaimReview", "Rating", "Claim", "Person", "Organization", "GovernmentOrganization",
                "NewsMediaOrganization", "NewsArticle", "CreativeWork", "Report"}


def derived_graph() -> ClaimGraph:
    """A graph with a derivation whose operands are an evidence passage and a quantity,
    sources listed before the one they speak for, and a document citing a later one."""
    text = "Of 448,000 children, 291,000 got no notice: 65%."
    g = ClaimGraph(Article(id="art-1", text=text, title="Derived", url="https://news.example/a"))
    g.add_source(Source(id="boss", name="Agency", kind="government_body", external_id="Q123"))
    g.add_source(Source(id="clerk", name="A Clerk", kind="person", affiliation="boss", aliases=("Clerk; the clerk",)))
    g.add_document(Document(id="base", title="Base data", source="boss", primary=True, completeness="full",
                            text="Total: 448,000.\fNo notice: 291,000."))
    g.add_document(Document(id="memo", title="Memo", source="clerk", primary=False, cites=("base",),
                            text="The memo repeats 65%."))
    def at(haystack, words):
        start = haystack.index(words)
        return {"start": start, "end": start + len(words), "text": words}

    q = [QuantityMention(id="c1/q1", value=448000, **at(text, "448,000")),
         QuantityMention(id="c1/q2", value=291000, **at(text, "291,000")),
         QuantityMention(id="c1/q3", value=65, kind="percent", unit="%", **at(text, "65%"))]
    g.add_claim(Claim(id="c1", start=0, end=len(text), text=text, kind="numeric", quantities=tuple(q),
                      attribution={"kind": "paraphrase", "source": "clerk"}, note="derived share"))
    base = g.document("base").text
    g.add_evidence(Evidence(id="e1", claim="c1", document="base", quantity="c1/q1", relation="verbatim", page=1,
                            score=0.5, origin="linker", **at(base, "448,000")))
    g.add_evidence(Evidence(id="e2", claim="c1", document="base", quantity="c1/q2", relation="verbatim", page=2,
                            **at(base, "291,000")))
    g.add_derivation(Derivation(id="d2", quantity="c1/q3", op="share_percent", operands=("e2", "c1/q1"),
                                formula="291,000 / 448,000 × 100", note="rounded"))
    g.add_derivation(Derivation(id="d1", quantity="c1/q2", op="difference", operands=("c1/q1", "c1/q1"),
                                formula="448,000 − 448,000"))
    return g


def graphs():
    return {"small": small_graph()[0], "xss": xss_graph()[0], "derived": derived_graph()}


# ------------------------------------------------------------------------------- dispatcher
def test_unknown_format_lists_the_valid_ones():
    graph, _ = small_graph()
    with pytest.raises(ExportError) as info:
        ex.export(graph, "turtle")
    assert all(name in info.value.hint for name in ex.FORMATS)
    with pytest.raises(ExportError, match="takes no option 'author'"):
        ex.export(graph, "native", author="x")
    with pytest.raises(ExportError, match="needs author= and url="):
        ex.export(graph, "claimreview", report=small_graph()[1])


@pytest.mark.parametrize("fmt", list(ex.FORMATS))
def test_every_format_is_deterministic(fmt):
    if fmt.startswith("prov-"):
        pytest.importorskip("prov")
    if fmt == "prov-turtle":
        pytest.importorskip("rdflib")
    opts = {"author": AUTHOR, "url": URL} if fmt == "claimreview" else {}
    (a, ra), (b, rb) = small_graph(), small_graph()
    one, two = ex.export(a, fmt, report=ra, **opts), ex.export(b, fmt, report=rb, **opts)
    assert one == two and one.endswith("\n")
    if fmt not in ("graphml", "prov-n", "prov-turtle") and not fmt.startswith("csv"):
        data = json.loads(one)
        assert json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == one  # sorted keys


def test_write_is_atomic_and_read_tells_formats_apart(tmp_path):
    graph = derived_graph()
    ex.write(graph, tmp_path / "g.json", "node-link")
    ex.write(graph, tmp_path / "n.json", "native")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "n.json"]
    assert ex.read(tmp_path / "g.json").to_case() == graph.to_case()
    assert ex.read(tmp_path / "n.json").to_case() == graph.to_case()
    (tmp_path / "bad.json").write_text('{"nodes": [], "edges": []}', encoding="utf-8")
    with pytest.raises(ExportError, match="not written by claimgraph") as info:
        ex.read(tmp_path / "bad.json")
    assert info.value.where.endswith("bad.json")


# ------------------------------------------------------------------------------- native and node-link
@pytest.mark.parametrize("name", ["small", "xss", "derived"])
def test_native_round_trip(name):
    graph = graphs()[name]
    assert loads(ex.export(graph, "native")).to_case() == graph.to_case()


@pytest.mark.parametrize("name", ["small", "xss", "derived"])
def test_node_link_rebuilds_the_same_case(name):
    graph = graphs()[name]
    text = ex.export(graph, "node-link")
    rebuilt = ex.from_node_link(text)
    assert rebuilt.to_case() == graph.to_case()
    assert ex.export(rebuilt, "node-link") == text


@pytest.mark.parametrize("name", ["small", "xss", "derived"])
def test_node_link_is_read_by_networkx_with_every_node_and_edge(name):
    graph = graphs()[name]
    data = json.loads(ex.export(graph, "node-link"))
    try:
        g = nx.node_link_graph(data, edges="edges")  # networkx >= 3.4
    except TypeError:  # pragma: no cover - networkx < 3.4 calls the key "link"
        g = nx.node_link_graph(data, link="edges")
    inner = graph.graph_view
    assert g.is_directed() and g.is_multigraph()
    assert set(g.nodes) == set(inner.nodes)
    assert sorted(g.edges(keys=True)) == sorted(inner.edges(keys=True))
    for n, attrs in inner.nodes(data=True):
        assert g.nodes[n]["kind"] == attrs["kind"]
    for u, v, k, attrs in inner.edges(keys=True, data=True):
        assert all(g.edges[u, v, k][key] == value for key, value in attrs.items() if value is not None)
    claim = g.nodes[f"claim:{graph.claims[0].id}"]
    assert claim["text"] == graph.claims[0].text and claim["claim_kind"] == graph.claims[0].kind


def test_from_node_link_errors_are_clear():
    with pytest.raises(ExportError, match="invalid node-link JSON"):
        ex.from_node_link("{nope")
    data = ex.to_node_link(derived_graph())
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "source:boss"]
    with pytest.raises(Exception, match="boss"):
        ex.from_node_link(data)


# ------------------------------------------------------------------------------- GraphML
@pytest.mark.parametrize("name", ["small", "xss", "derived"])
def test_graphml_is_read_by_networkx_with_every_node_and_edge(name):
    graph = graphs()[name]
    text = ex.export(graph, "graphml")
    g = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    inner = graph.graph_view
    assert g.number_of_nodes() == inner.number_of_nodes() and g.number_of_edges() == inner.number_of_edges()
    assert set(g.nodes) == set(inner.nodes)
    assert sorted(g.edges(keys=True)) == sorted(inner.edges(keys=True))
    for n, attrs in inner.nodes(data=True):
        assert g.nodes[n]["kind"] == attrs["kind"]
    for u, v, k, attrs in inner.edges(keys=True, data=True):
        assert g.edges[u, v, k]["relation"] == attrs["relation"]
        if "position" in attrs:
            assert g.edges[u, v, k]["position"] == attrs["position"]
    for c in graph.claims:
        node = g.nodes[f"claim:{c.id}"]
        assert node["text"] == c.text and json.loads(node["attribution"]) == c.attribution.model_dump(
            mode="json", exclude_none=True)


def test_graphml_replaces_xml_illegal_characters():
    graph = derived_graph()  # the base document has a form feed between pages
    g = nx.read_graphml(io.BytesIO(ex.export(graph, "graphml").encode("utf-8")))
    assert g.nodes["document:base"]["text"] == "Total: 448,000.␌No notice: 291,000."
    assert g.nodes["source:boss"]["source_kind"] == "government_body"


# ------------------------------------------------------------------------------- CSV
def test_csv_claims_and_findings_parse_one_row_each():
    graph, report = small_graph()
    rows = list(csv.DictReader(io.StringIO(ex.export(graph, "csv-claims", report=report))))
    assert [r["id"] for r in rows] == [c.id for c in graph.claims]
    assert rows[1]["text"] == graph.claims[1].text and rows[1]["status"] == "warning" and rows[1]["codes"] == "CG602"
    findings = list(csv.DictReader(io.StringIO(ex.export(graph, "csv-findings", report=report))))
    assert len(findings) == len(report.findings)
    assert [f["code"] for f in findings] == [f.code for f in report.findings]
    assert json.loads(findings[1]["computed"]) == {"fidelity": "trimmed", "similarity": 0.97}


def test_csv_neutralises_spreadsheet_formulas_in_free_text():
    text = "=HYPERLINK(\"http://x\",\"y\") is the claim."
    g = ClaimGraph(Article(text=text))
    g.add_claim(Claim(id="c1", start=0, end=len(text), text=text, kind="factual"))
    report = Report((Finding("X1", "warning", "x", "@SUM(A1)", hint="-1", claim_id="c1"),), claims=1)
    row = next(csv.DictReader(io.StringIO(ex.export(g, "csv-claims", report=report))))
    assert row["text"] == "'" + text
    finding = next(csv.DictReader(io.StringIO(ex.export(g, "csv-findings", report=report))))
    assert finding["message"] == "'@SUM(A1)" and finding["hint"] == "'-1"
    raw = next(csv.DictReader(io.StringIO(ex.export(g, "csv-claims", report=report, spreadsheet_safe=False))))
    assert raw["text"] == text


# ------------------------------------------------------------------------------- ClaimReview
def check_claimreview(reviews):
    """Google's required properties, its recommended Claim properties, and schema.org types only."""
    assert reviews
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert r["claimReviewed"] and isinstance(r["claimReviewed"], str)
        assert r["url"].startswith(URL + "#claim-")
        assert r["author"]["@type"] in ("Organization", "Person") and r["author"]["name"]
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] in dict(ex.RATINGS)
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
            assert dict(ex.RATINGS)[rating["alternateName"]] == rating["ratingValue"]
        item = r["itemReviewed"]
        assert item["@type"] == "Claim" and item["appearance"] and item["firstAppearance"]
    types = set()

    def walk(value):
        if isinstance(value, dict):
            if "@type" in value:
                types.add(value["@type"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(reviews)
    assert types <= SCHEMA_TYPES, types - SCHEMA_TYPES


def test_claimreview_has_googles_required_properties():
    graph, report = small_graph()
    reviews = json.loads(ex.export(graph, "claimreview", report=report, author=AUTHOR, url=URL))
    check_claimreview(reviews)
    by_id = {r["identifier"]: r for r in reviews}
    assert set(by_id) == {"c1", "c2"}  # the opinion is not reviewed
    c1 = by_id["c1"]
    assert c1["reviewRating"]["alternateName"] == "Accurate"
    assert c1["itemReviewed"]["author"] == {"@type": "GovernmentOrganization", "name": "DHS OIG"}  # the origin, not the relay
    assert c1["itemReviewed"]["appearance"][0]["@type"] == "NewsArticle"
    c2 = by_id["c2"]
    assert c2["reviewRating"]["alternateName"] == "Needs context"  # trimmed quote
    assert c2["itemReviewed"]["author"]["@type"] == "Person"
    assert c2["itemReviewed"]["firstAppearance"]["identifier"] == "OIG-24-46"  # the quoted words' first appearance
    page_ids = set(__import__("re").findall(r'\sid="([^"]+)"', report_page(graph, report)))
    for r in reviews:
        assert r["url"].split("#", 1)[1] in page_ids  # each review links to its card in the HTML report


def test_claimreview_refuses_incomplete_input():
    graph, report = small_graph()
    with pytest.raises(ExportError, match="http"):
        ex.to_claimreview(graph, report, author=AUTHOR, url="javascript:alert(1)")
    with pytest.raises(ExportError, match="author"):
        ex.to_claimreview(graph, report, author={"name": "no type"}, url=URL)
    crashed = Report(report.findings + (Finding("CG000", "error", "(runner)", "check 'x' failed"),), claims=3)
    with pytest.raises(ExportError, match="CG000"):
        ex.to_claimreview(graph, crashed, author=AUTHOR, url=URL)


@pytest.mark.parametrize("codes, evidence, expected", [
    ([("CG201", "info"), ("CG301", "error"), ("CG401", "error")], 1, "Contradicted"),
    ([("CG201", "info"), ("CG401", "error")], 1, "Misattributed"),
    ([("CG999", "error")], 1, "Flagged"),
    ([("CG203", "warning")], 0, "Unsupported"),
    ([("CG403", "warning")], 0, "Unsupported"),
    ([("CG204", "warning"), ("CG302", "info")], 1, "Not traced"),
    ([("CG205", "warning")], 2, "Not traced"),
    ([("CG402", "warning"), ("CG201", "info")], 1, "Needs context"),
    ([("CG602", "warning")], 1, "Needs context"),
    ([("CG201", "info"), ("CG302", "info")], 1, "Accurate"),
    ([("CG601", "info")], 1, "Accurate"),
])
def test_rating_rule(codes, evidence, expected):
    findings = [Finding(c, s, "x", f"{c} message") for c, s in codes]
    rating = ex.rate(findings, evidence=evidence)
    assert rating.name == expected
    assert rating.value == dict(ex.RATINGS)[expected]
    assert rating.explanation


def test_rating_without_findings_needs_primary_evidence():
    assert ex.rate([], evidence=1, primary_evidence=1).name == "Accurate"
    assert ex.rate([], evidence=1) is None


# ------------------------------------------------------------------------------- W3C PROV
def prov_counts(doc):
    counts = Counter()
    for record in doc.get_records():
        name = type(record).__name__
        types = {str(t) for t in record.get_asserted_types()}
        if name in ("ProvEntity", "ProvCollection"):  # a collection reads back as an entity typed prov:Collection
            name = "ProvCollection" if "prov:Collection" in types else "ProvEntity"
        if name == "ProvDerivation":
            name = "Quotation" if "prov:Quotation" in types else "PrimarySource" if "prov:PrimarySource" in types \
                else "Derivation"
        counts[name] += 1
    return counts


def expected_prov_counts(graph):
    rel = Counter(d["relation"] for _, _, d in graph.graph_view.edges(data=True))
    with_numbers = sum(1 for c in graph.claims if c.quantities)
    return Counter({
        "ProvEntity": 1 + len(graph.claims) + sum(len(c.quantities) for c in graph.claims) + len(graph.documents)
        + len(graph.evidence) - 1 - with_numbers,
        "ProvCollection": 1 + with_numbers,
        "ProvAgent": len(graph.sources),
        "ProvMembership": rel["hadMember"],
        "ProvAttribution": rel["wasAttributedTo"] + rel["relayedBy"],
        "ProvDelegation": rel["actedOnBehalfOf"],
        "ProvInfluence": rel["relayed"],
        "Quotation": rel["wasQuotedFrom"],
        "PrimarySource": rel["hadPrimarySource"],
        "Derivation": rel["wasDerivedFrom"],
        "ProvSpecialization": rel["specializationOf"],
    })


@pytest.mark.parametrize("name", ["small", "xss", "derived"])
def test_prov_json_is_read_back_with_every_record(name):
    prov = pytest.importorskip("prov")
    from prov.model import ProvDocument

    graph = graphs()[name]
    text = ex.export(graph, "prov-json")
    doc = ProvDocument.deserialize(content=text, format="json")
    assert doc == ex.to_prov(graph)
    assert prov.read(io.StringIO(text), format="json") == doc
    counts = +prov_counts(doc)
    assert counts == +expected_prov_counts(graph)


def test_prov_mapping_details():
    pytest.importorskip("prov")
    graph, _ = small_graph()
    data = json.loads(ex.export(graph, "prov-json"))
    agents = data["agent"]
    assert agents["source:cuffari"]["prov:type"] == {"$": "prov:Person", "type": "xsd:QName"}
    assert agents["source:oig"]["prov:type"] == {"$": "prov:Organization", "type": "xsd:QName"}
    assert data["entity"]["quantity:c1%2Fq1"]["cg:hedge"] == "more_than"
    assert data["prefix"]["cg"] == "urn:claimgraph:vocab#"
    relations = {k: list(v.values()) for k, v in data.items() if k not in ("prefix", "entity", "agent")}
    quoted = [r for r in relations["wasDerivedFrom"] if r.get("prov:type", {}).get("$") == "prov:Quotation"]
    assert quoted == [{"prov:generatedEntity": "claim:c2", "prov:usedEntity": "evidence:e2",
                       "cg:evidenceRelation": "quoted", "prov:type": {"$": "prov:Quotation", "type": "xsd:QName"}}]
    assert {"prov:delegate": "source:cuffari", "prov:responsible": "source:oig"} in relations["actedOnBehalfOf"]
    assert any(r["prov:specificEntity"] == "evidence:e1" and r["prov:generalEntity"] == "document:oig-24-46"
               for r in relations["specializationOf"])
    relay = [r for r in relations["wasInfluencedBy"]]
    assert relay == [{"prov:influencee": "source:cs", "prov:influencer": "source:oig", "cg:claim": "c1",
                      "prov:type": {"$": "cg:Relayed", "type": "xsd:QName"}}]


@pytest.mark.parametrize("fmt, reader", [("prov-jsonld", "jsonld"), ("prov-n", "provn")])
def test_prov_jsonld_and_provn_are_read_back(fmt, reader):
    prov = pytest.importorskip("prov")
    graph = derived_graph()
    text = ex.export(graph, fmt)
    assert "urn:claimgraph:" in text
    try:
        back = prov.read(io.StringIO(text), format=reader)
    except NotImplementedError:  # prov 2.x writes PROV-N but cannot read it
        pytest.skip(f"this prov version cannot read {fmt}")
    assert back == ex.to_prov(graph)


def test_prov_missing_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "prov", None)
    monkeypatch.setitem(sys.modules, "prov.model", None)
    with pytest.raises(ExportError, match=r"pip install 'claimgraph\[prov\]'"):
        ex.export(derived_graph(), "prov-json")


# ------------------------------------------------------------------------------- PROV-O Turtle
PROV_O = "http://www.w3.org/ns/prov#"
CG = "urn:claimgraph:vocab#"
#: The PROV-O property of each relation record prov reads from PROV-JSON (derivations by their prov:type).
PROV_O_PROPERTY = {"ProvMembership": "hadMember", "ProvAttribution": "wasAttributedTo",
                   "ProvInfluence": "wasInfluencedBy", "ProvDelegation": "actedOnBehalfOf",
                   "ProvSpecialization": "specializationOf", "Quotation": "wasQuotedFrom",
                   "PrimarySource": "hadPrimarySource", "Derivation": "wasDerivedFrom"}
#: The PROV-O property a qualified node's class stands for, and the property naming its object.
PROV_O_QUALIFIED = {"Attribution": ("wasAttributedTo", "agent"), "Influence": ("wasInfluencedBy", "influencer"),
                    "Delegation": ("actedOnBehalfOf", "agent"), "Derivation": ("wasDerivedFrom", "entity"),
                    "Quotation": ("wasQuotedFrom", "entity"), "PrimarySource": ("hadPrimarySource", "entity")}


def turtle_graph(graph):
    """The prov-turtle export parsed by rdflib (a reader independent of prov)."""
    pytest.importorskip("prov")
    rdflib = pytest.importorskip("rdflib")
    return rdflib.Graph().parse(data=ex.export(graph, "prov-turtle"), format="turtle")


def iri(node_id):
    """The PROV-O IRI of a graph node id such as ``claim:c1`` or ``quantity:c1/q1``."""
    from urllib.parse import quote

    kind, _, ident = node_id.partition(":")
    return f"urn:claimgraph:{kind}/{quote(ident, safe='-._~')}"


def prov_json_statements(graph):
    """What the PROV-JSON export says, read back by prov: element types, relations as
    (subject, PROV-O property, object), and each qualified relation with its cg attributes and types."""
    from prov.model import ProvDocument, ProvElement

    doc = ProvDocument.deserialize(content=ex.export(graph, "prov-json"), format="json")
    types, relations, qualified = set(), set(), set()
    for record in doc.get_records():
        asserted = {t.uri for t in record.get_asserted_types()}
        if isinstance(record, ProvElement):
            types |= {(record.identifier.uri, t) for t in asserted | {record.get_type().uri}}
            continue
        name = type(record).__name__
        if name == "ProvDerivation":
            name = next((k for k in ("Quotation", "PrimarySource") if PROV_O + k in asserted), "Derivation")
        (_, subject), (_, obj) = record.formal_attributes[:2]
        statement = (subject.uri, PROV_O + PROV_O_PROPERTY[name], obj.uri)
        relations.add(statement)
        if record.extra_attributes:
            extra = {(key.uri, str(value)) for key, value in record.extra_attributes
                     if key.uri.startswith(CG)}
            extra |= {("type", t) for t in asserted if t.startswith(CG)}
            qualified.add((*statement, frozenset(extra)))
    return types, relations, qualified


def turtle_statements(g):
    """The same three sets, read from PROV-O triples."""
    from rdflib import RDF, URIRef

    types = {(str(s), str(o)) for s, o in g.subject_objects(RDF.type) if isinstance(s, URIRef)}
    plain = {PROV_O + p for p in PROV_O_PROPERTY.values()}
    relations = {(str(s), str(p), str(o)) for s, p, o in g if str(p) in plain}
    qualified = set()
    for s, p, node in g:
        if not str(p).startswith(PROV_O + "qualified"):
            continue
        prop, role = PROV_O_QUALIFIED[str(p)[len(PROV_O + "qualified"):]]
        (obj,) = g.objects(node, URIRef(PROV_O + role))
        extra = {(str(k), str(v)) for k, v in g.predicate_objects(node) if str(k).startswith(CG)}
        extra |= {("type", str(t)) for t in g.objects(node, RDF.type) if str(t).startswith(CG)}
        qualified.add((str(s), PROV_O + prop, str(obj), frozenset(extra)))
    return types, relations, qualified


@pytest.mark.parametrize("name", ["small", "xss", "derived"])
def test_prov_turtle_types_every_node_with_prov_o(name):
    graph = graphs()[name]
    g = turtle_graph(graph)
    from rdflib import RDF, URIRef

    def types_of(node_id):
        return {str(t) for t in g.objects(URIRef(iri(node_id)), RDF.type)}

    assert {PROV_O + "Entity", PROV_O + "Collection", CG + "Article"} <= types_of(f"article:{graph.article.id}")
    for c in graph.claims:
        assert {PROV_O + "Entity", CG + "Claim"} <= types_of(f"claim:{c.id}")
        assert str(g.value(URIRef(iri(f"claim:{c.id}")), URIRef(PROV_O + "value"))) == c.text
        for q in c.quantities:
            assert {PROV_O + "Entity", CG + "Quantity"} <= types_of(f"quantity:{q.id}")
    for s in graph.sources:
        expected = {"person": {PROV_O + "Person"}, "government_body": {PROV_O + "Organization"}}.get(s.kind, set())
        assert {PROV_O + "Agent"} | expected <= types_of(f"source:{s.id}")
    for d in graph.documents:
        assert {PROV_O + "Entity", CG + "Document"} <= types_of(f"document:{d.id}")
    for e in graph.evidence:
        assert {PROV_O + "Entity", CG + "Evidence"} <= types_of(f"evidence:{e.id}")


@pytest.mark.parametrize("name", ["small", "xss", "derived"])
def test_prov_turtle_says_what_prov_json_says(name):
    graph = graphs()[name]
    types, relations, qualified = turtle_statements(turtle_graph(graph))
    json_types, json_relations, json_qualified = prov_json_statements(graph)
    assert types == json_types
    assert relations == json_relations
    assert qualified == json_qualified
    edges = {(u, v, d["relation"]) for u, v, d in graph.graph_view.edges(data=True)}
    assert len(json_relations) == len(edges)  # one relation per edge, none lost


def test_prov_turtle_uses_prov_o_terms():
    from rdflib import URIRef

    graph = derived_graph()
    g = turtle_graph(graph)
    P = lambda term: URIRef(PROV_O + term)  # noqa: E731
    claim, q3 = URIRef(iri("claim:c1")), URIRef(iri("quantity:c1/q3"))
    assert (claim, P("wasAttributedTo"), URIRef(iri("source:clerk"))) in g
    assert (URIRef(iri("source:clerk")), P("actedOnBehalfOf"), URIRef(iri("source:boss"))) in g
    assert (URIRef(iri("quantity:c1/q1")), P("hadPrimarySource"), URIRef(iri("evidence:e1"))) in g
    assert (URIRef(iri("evidence:e1")), P("specializationOf"), URIRef(iri("document:base"))) in g
    assert (URIRef(iri("document:memo")), P("wasDerivedFrom"), URIRef(iri("document:base"))) in g
    operands = {(str(g.value(n, P("entity"))), str(g.value(n, URIRef(CG + "position"))))
                for n in g.objects(q3, P("qualifiedDerivation"))}
    assert operands == {(iri("evidence:e2"), "0"), (iri("quantity:c1/q1"), "1")}


def test_prov_turtle_quotes_and_primary_sources_on_the_worked_case(worked_graph):
    from rdflib import URIRef

    g = turtle_graph(worked_graph)
    quoted = {(c.id, e.id) for e in worked_graph.evidence for c in worked_graph.claims
              if e.claim == c.id and e.relation == "quoted" and c.kind == "quote"}
    assert quoted
    for claim_id, evidence_id in quoted:
        assert (URIRef(iri(f"claim:{claim_id}")), URIRef(PROV_O + "wasQuotedFrom"),
                URIRef(iri(f"evidence:{evidence_id}"))) in g
    primary = set(g.subject_objects(URIRef(PROV_O + "hadPrimarySource")))
    assert primary and all(g.value(o, URIRef(PROV_O + "specializationOf")) for _, o in primary)


def test_prov_turtle_is_byte_identical_across_interpreters(tmp_path):
    """Blank-node labels are content hashes: another process (another hash seed) writes the same bytes."""
    import os
    import subprocess

    pytest.importorskip("prov")
    pytest.importorskip("rdflib")
    from conftest import WORKED_CASE

    import claimgraph

    here = ex.export(claimgraph.load(WORKED_CASE), "prov-turtle")
    code = ("import sys, claimgraph; from claimgraph import export; "
            "sys.stdout.buffer.write(export.export(claimgraph.load(sys.argv[1]), 'prov-turtle').encode())")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    there = subprocess.run([sys.executable, "-c", code, str(WORKED_CASE)], capture_output=True, env=env, check=True,
                           timeout=120).stdout.decode()
    assert there == here
    assert "_:" not in here  # every blank node is written inline


def test_prov_turtle_missing_rdflib_names_the_extra(monkeypatch):
    pytest.importorskip("prov")
    monkeypatch.setitem(sys.modules, "rdflib", None)
    with pytest.raises(ExportError, match=r"rdflib is not installed") as info:
        ex.export(derived_graph(), "prov-turtle")
    assert info.value.hint == "pip install 'claimgraph[prov]'"


# ------------------------------------------------------------------------------- the worked case
@needs_worked_case
def test_worked_case_round_trips_and_reads_back(worked_graph, worked_report):
    case = worked_graph.to_case()
    assert loads(ex.export(worked_graph, "native")).to_case() == case
    assert ex.from_node_link(ex.export(worked_graph, "node-link")).to_case() == case
    g = nx.read_graphml(io.BytesIO(ex.export(worked_graph, "graphml").encode("utf-8")), force_multigraph=True)
    assert g.number_of_nodes() == worked_graph.graph_view.number_of_nodes()
    assert g.number_of_edges() == worked_graph.graph_view.number_of_edges()
    rows = list(csv.DictReader(io.StringIO(ex.export(worked_graph, "csv-claims", report=worked_report))))
    assert len(rows) == len(worked_graph.claims) == 27
    findings = list(csv.DictReader(io.StringIO(ex.export(worked_graph, "csv-findings", report=worked_report))))
    assert len(findings) == len(worked_report.findings)


@needs_worked_case
def test_worked_case_prov(worked_graph):
    pytest.importorskip("prov")
    from prov.model import ProvDocument

    doc = ProvDocument.deserialize(content=ex.export(worked_graph, "prov-json"), format="json")
    assert +prov_counts(doc) == +expected_prov_counts(worked_graph)


@needs_worked_case
def test_worked_case_claimreview_ratings(worked_graph, worked_report):
    def claim_with(graph, words):
        found = [c for c in graph.claims if words in c.text]
        assert len(found) == 1, f"{len(found)} claims contain {words!r}"
        return found[0]

    reviews = ex.to_claimreview(worked_graph, worked_report, author=AUTHOR, url=URL)
    check_claimreview(reviews)
    rating = {r["identifier"]: r["reviewRating"]["alternateName"] for r in reviews}
    assert rating[claim_with(worked_graph, "approximately 200,000 cases").id] == "Misattributed"
    assert rating[claim_with(worked_graph, "one of the eight field offices").id] == "Unsupported"
    assert rating[claim_with(worked_graph, "approximately 366,000").id] == "Not traced"
    assert not {c.id for c in worked_graph.claims if c.kind in ("opinion", "heading")} & set(rating)
