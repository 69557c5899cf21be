"""Exports and imports: native JSON, ClaimReview, W3C PROV, node-link, GraphML, CSV, records.

One dispatcher, :func:`export` (and :func:`write` for files), turns a
:class:`~claimgraph.graph.ClaimGraph` into text in any of :data:`FORMATS`;
:func:`read` and :func:`from_node_link` bring data back in.  Every output is
deterministic: sorted keys, stable ids, no timestamps.

========================  =====================================================  ===========
format                    what                                                   needs
========================  =====================================================  ===========
``native``                the versioned native JSON (lossless)                   —
``node-link``             networkx node-link JSON (lossless, :func:`from_node_link`)  —
``graphml``               GraphML for graph tools (Gephi, yEd, Cytoscape)        —
``claimreview``           schema.org ClaimReview JSON-LD, one review per claim   —
``prov-json``             W3C PROV-JSON                                          ``prov``
``prov-jsonld``           W3C PROV-JSONLD (context embedded: works offline)      ``prov``
``prov-n``                W3C PROV-N (human-readable)                            ``prov``
``prov-turtle``           W3C PROV-O in Turtle (RDF triples)                     ``prov``
``csv-claims``            one row per claim                                      —
``csv-findings``          one row per finding of the check report                —
========================  =====================================================  ===========

>>> from claimgraph.model import Article, Claim
>>> from claimgraph.graph import ClaimGraph
>>> g = ClaimGraph(Article(text="Prices rose 3%."))
>>> _ = g.add_claim(Claim(id="c1", start=0, end=15, text="Prices rose 3%.", kind="numeric"))
>>> records(g)[0]["attribution"]
'unattributed'
>>> from_node_link(to_node_link(g)).to_case() == g.to_case()
True
>>> export(g, "yaml")
Traceback (most recent call last):
...
claimgraph.errors.ExportError: unknown export format 'yaml' (hint: use one of: native, node-link, graphml, claimreview, prov-json, prov-jsonld, prov-n, prov-turtle, csv-claims, csv-findings)
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence
from urllib.parse import quote

import attrs

from .errors import ExportError
from .model import FORMAT_VERSION, attributed_sources

if TYPE_CHECKING:  # pragma: no cover
    from .checks import Finding, Report
    from .graph import ClaimGraph

__all__ = [
    "FORMATS",
    "RATINGS",
    "Rating",
    "export",
    "from_node_link",
    "rate",
    "read",
    "records",
    "to_claimreview",
    "to_graphml",
    "to_node_link",
    "to_pandas",
    "to_prov",
    "write",
]

#: Every export format, with a one-line description (the CLI's ``--to`` choices).
FORMATS: dict[str, str] = {
    "native": "native claimgraph JSON (lossless)",
    "node-link": "networkx node-link JSON (lossless; read back with from_node_link)",
    "graphml": "GraphML for graph tools",
    "claimreview": "schema.org ClaimReview JSON-LD (needs author= and url=)",
    "prov-json": "W3C PROV-JSON (needs the 'prov' extra)",
    "prov-jsonld": "W3C PROV-JSONLD, context embedded (needs the 'prov' extra)",
    "prov-n": "W3C PROV-N (needs the 'prov' extra)",
    "prov-turtle": "W3C PROV-O in Turtle (needs the 'prov' extra)",
    "csv-claims": "CSV, one row per claim",
    "csv-findings": "CSV, one row per finding",
}
_RECORD_KINDS = ("claims", "edges", "quantities", "evidence", "sources", "documents")


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _ids(values: Iterable[str]) -> str | None:
    """Join ids with ";" (ids never contain it); None when empty."""
    joined = ";".join(values)
    return joined or None


# =============================================================================== records / pandas
def records(graph: "ClaimGraph", what: str = "claims") -> list[dict[str, Any]]:
    """Flat rows (str, int, float, bool or None values) of ``claims``, ``edges``,
    ``quantities``, ``evidence``, ``sources`` or ``documents``; no dependencies.

    Lists of ids are joined with ``;``.  Every row of one kind has the same keys,
    so the rows feed ``csv.DictWriter`` or ``pandas.DataFrame.from_records`` as is.
    """
    if what == "claims":
        return [_claim_row(c) for c in graph.claims]
    if what == "quantities":
        return [{"id": q.id, "claim": c.id, "start": q.start, "end": q.end, "text": q.text, "value": str(q.value),
                 "hedge": q.hedge, "kind": q.kind, "unit": q.unit, "noun": q.noun,
                 "high": None if q.high is None else str(q.high),
                 "denominator": None if q.denominator is None else str(q.denominator),
                 "scope": q.scope, "date": q.date} for c, q in graph.quantities()]
    if what == "evidence":
        fields = ("id", "claim", "document", "quantity", "relation", "start", "end", "text", "page", "section",
                  "origin", "score", "note")
        return [{f: getattr(e, f) for f in fields} for e in graph.evidence]
    if what == "sources":
        return [{"id": s.id, "name": s.name, "kind": s.kind, "role": s.role, "affiliation": s.affiliation,
                 "external_id": s.external_id,
                 "aliases": json.dumps(list(s.aliases), ensure_ascii=False) if s.aliases else None,
                 "description": s.description}
                for s in graph.sources]
    if what == "documents":
        fields = ("id", "title", "source", "kind", "primary", "completeness", "coverage_note", "date", "url", "number",
                  "path")
        return [{**{f: getattr(d, f) for f in fields}, "cites": _ids(d.cites), "characters": len(d.text)}
                for d in graph.documents]
    if what == "edges":
        extra = ("attribution", "evidence_relation", "claim", "derivation", "op", "formula", "position")
        return [{"source": u, "target": v, "relation": data["relation"], "key": k,
                 **{f: data.get(f) for f in extra}}
                for u, v, k, data in graph.graph_view.edges(keys=True, data=True)]
    raise ExportError(f"unknown record kind {what!r}", hint="use one of: " + ", ".join(_RECORD_KINDS))


def _claim_row(c: Any) -> dict[str, Any]:
    att = c.attribution
    return {
        "id": c.id, "start": c.start, "end": c.end, "kind": c.kind, "text": c.text,
        "attribution": att.kind, "cue": att.cue,
        "source": getattr(att, "source", None), "via": getattr(att, "via", None),
        "group": getattr(att, "group", None), "named": _ids(getattr(att, "named", ())),
        "attributed_to": _ids(attributed_sources(att)),
        "quantities": len(c.quantities), "quotes": len(c.quotes), "note": c.note,
    }


def _pandas() -> Any:
    """The pandas module, or an :class:`ExportError` naming the extra to install."""
    try:
        import pandas
    except ImportError:
        raise ExportError("pandas is not installed", hint="pip install 'claimgraph[pandas]'") from None
    return pandas


def to_pandas(graph: "ClaimGraph", what: str = "claims") -> Any:
    """A pandas DataFrame of :func:`records` (pandas is imported only here)."""
    pd = _pandas()
    rows = records(graph, what)
    return pd.DataFrame.from_records(rows, columns=list(rows[0]) if rows else None)


# =============================================================================== ClaimReview
@attrs.frozen
class Rating:
    """A ClaimReview rating derived from findings: the name shown, its value, why."""

    name: str
    value: int | None
    explanation: str
    codes: tuple[str, ...] = ()


#: The rating scale, worst first: (alternateName, ratingValue).  "Flagged" (an error
#: from a check claimgraph has no rule for) carries no number.
RATINGS: tuple[tuple[str, int | None], ...] = (
    ("Contradicted", 1), ("Misattributed", 2), ("Unsupported", 3), ("Not traced", 4),
    ("Needs context", 5), ("Accurate", 6), ("Flagged", None),
)
_BEST, _WORST = 6, 1
_VALUE = dict(RATINGS)
_CONTRADICTED = frozenset({"CG301", "CG501", "CG605"})
_MISATTRIBUTED = frozenset({"CG401"})
_NOT_TRACED = frozenset({"CG101", "CG203", "CG204", "CG205", "CG404", "CG606"})
_UNSOURCED = frozenset({"CG402", "CG403"})
_PASSES = frozenset({"CG201", "CG202", "CG302", "CG502", "CG503", "CG601", "CG604"})
#: Claim kinds reviewed by default (opinions and headings are not fact-checkable statements).
REVIEWED_KINDS = ("numeric", "factual", "quote")


def rate(findings: Sequence["Finding"], *, evidence: int = 0, primary_evidence: int = 0) -> Rating | None:
    """The rating of one claim from its findings; None when nothing was checked.

    First rule that applies (codes are the claim's findings):

    1. Contradicted — a cited passage or a recomputation contradicts a number, or a
       quote alters the source's words (CG301, CG501, CG605);
    2. Misattributed — its evidence lies only in documents of another source (CG401);
    3. Flagged — any other error (from a check without a rule here);
    4. Unsupported — not traced (below), or credited to no one / a vague group
       (CG402, CG403 as warnings), and no evidence passage at all;
    5. Not traced — evidence exists but leads to no primary document (CG101, CG203,
       CG204, CG205, CG404, CG606);
    6. Needs context — any other warning (vague or missing attribution, trimmed or
       edited quote);
    7. Accurate — a pass (CG201, CG202, CG302, CG502, CG503, CG601, CG604) or
       evidence in a primary document, and no warning or error.

    >>> from claimgraph.checks import Finding
    >>> rate([Finding("CG201", "info", "trace", "traced"), Finding("CG401", "error", "attribution", "wrong source")]).name
    'Misattributed'
    >>> rate([Finding("CG203", "warning", "trace", "no evidence")]).name
    'Unsupported'
    >>> rate([]) is None
    True
    """
    def pick(name: str, found: Iterable["Finding"], prefix: str = "") -> Rating:
        found = list(found)
        text = "; ".join(f"{f.code}: {f.message}" for f in found[:3]) + (f"; … {len(found) - 3} more" if len(found) > 3 else "")
        return Rating(name, _VALUE[name], (prefix + text).strip(), tuple(sorted({f.code for f in found})))

    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    for name, codes in (("Contradicted", _CONTRADICTED), ("Misattributed", _MISATTRIBUTED)):
        hits = [f for f in findings if f.code in codes]
        if hits:
            return pick(name, hits)
    other_errors = [f for f in errors if f.code not in _NOT_TRACED]
    if other_errors:
        return pick("Flagged", other_errors)
    untraced = [f for f in findings if f.code in _NOT_TRACED]
    unsourced = [f for f in warnings if f.code in _UNSOURCED]
    if (untraced or unsourced) and evidence == 0:
        return pick("Unsupported", untraced + unsourced, "no evidence passage; ")
    if untraced:
        return pick("Not traced", untraced)
    if warnings:
        return pick("Needs context", warnings)
    passes = [f for f in findings if f.code in _PASSES]
    if passes:
        return pick("Accurate", passes)
    if primary_evidence:
        return Rating("Accurate", _VALUE["Accurate"],
                      f"evidence in {primary_evidence} primary-document passage(s); no check raised a problem")
    return None


def _schema_agent(graph: "ClaimGraph", source_id: str, seen: frozenset[str] = frozenset()) -> dict[str, Any] | None:
    """A schema.org Person or Organization for a source (a document source stands for its issuer)."""
    s = graph.source(source_id)
    types = {"person": "Person", "organization": "Organization", "government_body": "GovernmentOrganization",
             "news_outlet": "NewsMediaOrganization"}
    if s.kind not in types:
        if s.affiliation and s.affiliation not in seen:
            return _schema_agent(graph, s.affiliation, seen | {source_id})
        return None
    agent: dict[str, Any] = {"@type": types[s.kind], "name": s.name}
    if s.kind == "person" and s.role:
        agent["jobTitle"] = s.role
    if s.external_id:
        agent["sameAs"] = (f"https://www.wikidata.org/wiki/{s.external_id}" if s.external_id.startswith("Q")
                           else s.external_id)
    if s.affiliation and s.affiliation not in seen:
        parent = _schema_agent(graph, s.affiliation, seen | {source_id})
        if parent is not None:
            agent["affiliation" if s.kind == "person" else "parentOrganization"] = parent
    return agent


def _claim_author(graph: "ClaimGraph", claim: Any) -> Any:
    att = claim.attribution
    if att.kind in ("direct_quote", "paraphrase"):
        ids: tuple[str, ...] = (att.source,)
    elif att.kind == "relayed":
        ids = (att.source or att.via,)
    elif att.kind == "vague":
        ids = att.named
    else:  # unattributed: the article itself makes the claim
        name = graph.article.credit or graph.article.outlet
        return {"@type": "Organization", "name": name} if name else None
    agents = [a for a in (_schema_agent(graph, i) for i in ids) if a is not None]
    if not agents:
        return None
    return agents[0] if len(agents) == 1 else agents


def _http(url: str | None) -> str | None:
    return url if url and url.strip().lower().startswith(("http://", "https://")) else None


def _article_work(graph: "ClaimGraph") -> dict[str, Any]:
    a = graph.article
    work: dict[str, Any] = {"@type": "NewsArticle", "headline": a.title or a.id}
    if _http(a.url):
        work["url"] = a.url
    if a.date:
        work["datePublished"] = a.date
    if a.outlet or a.credit:
        work["publisher"] = {"@type": "Organization", "name": a.outlet or a.credit}
    return work


def _document_work(graph: "ClaimGraph", doc: Any) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "Report" if doc.kind in ("government_report", "research_report") else "CreativeWork",
                            "name": doc.title}
    if doc.number:
        work["identifier"] = doc.number
    if _http(doc.url):
        work["url"] = doc.url
    if doc.date:
        work["datePublished"] = doc.date
    if doc.source:
        issuer = _schema_agent(graph, doc.source)
        if issuer is not None:
            work["author"] = issuer
    return work


def to_claimreview(graph: "ClaimGraph", report: "Report | None" = None, *, author: str | Mapping[str, Any],
                   url: str, date_published: str | None = None, kinds: Iterable[str] = REVIEWED_KINDS,
                   include_unrated: bool = False) -> list[dict[str, Any]]:
    """schema.org ``ClaimReview`` objects (JSON-LD), one per rated claim, in article order.

    ``author`` is the fact-checking organisation (a name, or a schema.org
    Organization/Person mapping); ``url`` is the page hosting the fact check:
    each review's URL is ``url#claim-<id>``, the anchor of that claim's card in
    :func:`claimgraph.display.report_page`.  The rating follows :func:`rate`;
    claims nothing was checked about are left out (``include_unrated=True``
    keeps them, rated "Not checked" with no value).  ``report`` defaults to
    ``graph.check()``; a report holding CG000 (a check crashed) is refused,
    since its ratings would be incomplete.
    """
    if _http(url) is None:
        raise ExportError(f"ClaimReview needs the http(s) URL of the fact-check page, not {url!r}",
                          hint="pass url='https://…/your-fact-check'")
    if isinstance(author, str):
        if not author.strip():
            raise ExportError("ClaimReview needs an author", hint="pass author='Your newsroom'")
        reviewer: dict[str, Any] = {"@type": "Organization", "name": author}
    else:
        reviewer = dict(author)
        if reviewer.get("@type") not in ("Organization", "Person", "NewsMediaOrganization") or not reviewer.get("name"):
            raise ExportError("author must be a name or a mapping with '@type' (Organization or Person) and 'name'",
                              hint="e.g. author={'@type': 'Organization', 'name': 'Fact desk', 'url': 'https://…'}")
    if report is None:
        report = graph.check()
    crashed = report.by_code("CG000")
    if crashed:
        raise ExportError(f"the report has {len(crashed)} CG000 finding(s): a check failed, so ratings would be incomplete",
                          hint=crashed[0].message)
    wanted = set(kinds)
    by_claim: dict[str | None, list[Finding]] = {}
    for f in report.findings:
        by_claim.setdefault(f.claim_id, []).append(f)
    evidence: dict[str, list[Any]] = {}
    for e in graph.evidence:
        evidence.setdefault(e.claim, []).append(e)
    docs = {d.id: d for d in graph.documents}
    article = _article_work(graph)
    base = url.split("#", 1)[0]
    reviews = []
    for claim in graph.claims:
        if claim.kind not in wanted:
            continue
        evs = evidence.get(claim.id, [])
        primary = [e for e in evs if docs[e.document].primary]
        rating = rate(by_claim.get(claim.id, []), evidence=len(evs), primary_evidence=len(primary))
        if rating is None:
            if not include_unrated:
                continue
            rating = Rating("Not checked", None, "no check applies to this claim and it has no evidence")
        review_rating: dict[str, Any] = {"@type": "Rating", "alternateName": rating.name,
                                         "ratingExplanation": rating.explanation}
        if rating.value is not None:
            review_rating.update(ratingValue=rating.value, bestRating=_BEST, worstRating=_WORST)
        item: dict[str, Any] = {"@type": "Claim", "text": claim.text, "appearance": [article]}
        words = sorted((docs[e.document] for e in primary if e.relation in ("verbatim", "quoted")),
                       key=lambda d: (d.date or "9999", d.id))
        item["firstAppearance"] = _document_work(graph, words[0]) if words else article
        claim_author = _claim_author(graph, claim)
        if claim_author is not None:
            item["author"] = claim_author
        if graph.article.date:
            item["datePublished"] = graph.article.date
        review: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "ClaimReview",
            "url": f"{base}#claim-{claim.id}", "author": reviewer,
            "claimReviewed": " ".join(claim.text.split()), "reviewRating": review_rating, "itemReviewed": item,
            "identifier": claim.id,
        }
        if date_published:
            review["datePublished"] = date_published
        reviews.append(review)
    return reviews


# =============================================================================== W3C PROV
#: The claimgraph vocabulary namespace of PROV attributes and types (a URN: nothing to fetch).
CG_VOCAB = "urn:claimgraph:vocab#"
_PROV_SOURCE_TYPES = {"person": "Person", "organization": "Organization", "government_body": "Organization",
                      "news_outlet": "Organization"}


def _prov() -> Any:
    try:
        import prov.model
    except ImportError:
        raise ExportError("the prov package is not installed", hint="pip install 'claimgraph[prov]'") from None
    return prov


def _local(ident: str) -> str:
    """An id as a PROV local name: percent-encoded, so it is valid in PROV-N as well.

    >>> _local("c-3207d8d8/q1")
    'c-3207d8d8%2Fq1'
    """
    return quote(ident, safe="-._~")


def to_prov(graph: "ClaimGraph", *, base: str = "urn:claimgraph:") -> Any:
    """A ``prov.model.ProvDocument`` of the graph (needs the ``prov`` extra).

    Claims, quantities, documents, evidence passages and the article are
    entities (the article and claims with numbers are also collections);
    sources are agents (``prov:Person`` or ``prov:Organization``).  Each graph
    edge becomes one PROV relation: ``hadMember``, ``wasAttributedTo``,
    ``actedOnBehalfOf``, ``wasDerivedFrom`` (typed ``prov:Quotation`` or
    ``prov:PrimarySource`` for ``wasQuotedFrom`` / ``hadPrimarySource``),
    ``specializationOf``; a relay is ``wasAttributedTo`` typed ``cg:Relay`` plus
    ``wasInfluencedBy`` typed ``cg:Relayed``.  Ids keep their graph prefixes
    (``claim:…``, ``source:…``) under ``base``; attributes and types use the
    ``cg`` vocabulary (``urn:claimgraph:vocab#``).
    """
    _prov()
    from prov.constants import PROV, PROV_LABEL, PROV_TYPE, PROV_VALUE
    from prov.model import Namespace, ProvDocument

    doc = ProvDocument()
    cg = Namespace("cg", CG_VOCAB)
    doc.add_namespace(cg)
    prefixes = {}
    for kind in ("article", "claim", "quantity", "source", "document", "evidence"):
        prefixes[kind] = doc.add_namespace(kind, f"{base}{kind}/")

    def qn(node: str) -> Any:
        kind, _, ident = node.partition(":")
        return prefixes[kind][_local(ident)]

    def attrs_of(pairs: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        out = []
        for key, value in pairs:
            if value is None or value == () or value == "":
                continue
            out.append((key if not isinstance(key, str) else cg[key], value))
        return out

    a = graph.article
    doc.collection(qn(f"article:{a.id}"), attrs_of([
        (PROV_TYPE, cg["Article"]), (PROV_LABEL, a.title or a.id), ("title", a.title), ("outlet", a.outlet),
        ("credit", a.credit), ("url", a.url), ("date", a.date), ("characters", len(a.text))]))
    for s in graph.sources:
        kind = _PROV_SOURCE_TYPES.get(s.kind)
        doc.agent(qn(f"source:{s.id}"), attrs_of([
            (PROV_TYPE, PROV[kind] if kind else None), (PROV_LABEL, s.name), ("sourceKind", s.kind), ("role", s.role),
            ("externalId", s.external_id), ("description", s.description)]))
    for d in graph.documents:
        doc.entity(qn(f"document:{d.id}"), attrs_of([
            (PROV_TYPE, cg["Document"]), (PROV_LABEL, d.title), ("documentKind", d.kind), ("primary", d.primary),
            ("completeness", d.completeness), ("date", d.date), ("url", d.url), ("number", d.number)]))
    for c in graph.claims:
        make = doc.collection if c.quantities else doc.entity
        make(qn(f"claim:{c.id}"), attrs_of([
            (PROV_TYPE, cg["Claim"]), (PROV_LABEL, _clip(c.text, 80)), (PROV_VALUE, c.text), ("claimKind", c.kind),
            ("start", c.start), ("end", c.end), ("attribution", c.attribution.kind), ("cue", c.attribution.cue),
            ("note", c.note)]))
        for q in c.quantities:
            doc.entity(qn(f"quantity:{q.id}"), attrs_of([
                (PROV_TYPE, cg["Quantity"]), (PROV_LABEL, q.text), (PROV_VALUE, str(q.value)), ("hedge", q.hedge),
                ("quantityKind", q.kind), ("unit", q.unit), ("noun", q.noun),
                ("high", None if q.high is None else str(q.high)), ("scope", q.scope), ("date", q.date),
                ("start", q.start), ("end", q.end)]))
    for e in graph.evidence:
        doc.entity(qn(f"evidence:{e.id}"), attrs_of([
            (PROV_TYPE, cg["Evidence"]), (PROV_LABEL, _clip(e.text, 80)), (PROV_VALUE, e.text),
            ("evidenceRelation", e.relation), ("start", e.start), ("end", e.end), ("page", e.page),
            ("section", e.section), ("origin", e.origin), ("note", e.note)]))
    for u, v, data in graph.graph_view.edges(data=True):
        rel = data["relation"]
        su, sv = qn(u), qn(v)
        if rel == "hadMember":
            doc.membership(su, sv)
        elif rel == "wasAttributedTo":
            doc.attribution(su, sv, other_attributes=attrs_of([("attribution", data.get("attribution"))]))
        elif rel == "relayedBy":
            doc.attribution(su, sv, other_attributes=attrs_of([(PROV_TYPE, cg["Relay"]), ("attribution", "relayed")]))
        elif rel == "relayed":
            doc.influence(su, sv, other_attributes=attrs_of([(PROV_TYPE, cg["Relayed"]), ("claim", data.get("claim"))]))
        elif rel == "actedOnBehalfOf":
            doc.delegation(su, sv)
        elif rel == "specializationOf":
            doc.specialization(su, sv)
        else:
            extra = attrs_of([("evidenceRelation", data.get("evidence_relation")), ("derivation", data.get("derivation")),
                              ("op", data.get("op")), ("formula", data.get("formula")), ("position", data.get("position"))])
            make_rel = {"wasQuotedFrom": doc.quotation, "hadPrimarySource": doc.primary_source}.get(rel, doc.derivation)
            make_rel(su, sv, other_attributes=extra)
    return doc


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


#: PROV-O's qualified derivation classes and the plain property each one qualifies.
_PROV_O_DERIVATIONS = {"Derivation": "wasDerivedFrom", "Quotation": "wasQuotedFrom",
                       "PrimarySource": "hadPrimarySource", "Revision": "wasRevisionOf"}


def _rdflib() -> Any:
    try:
        import rdflib
    except ImportError:
        raise ExportError("rdflib is not installed (prov needs it to write PROV-O)",
                          hint="pip install 'claimgraph[prov]'") from None
    return rdflib


def _prov_turtle(doc: Any) -> str:
    """PROV-O Turtle of a ProvDocument, the same bytes on every run.

    prov writes the triples (each relation with extra attributes gets a
    ``prov:qualified…`` blank node); two things are added here.  A qualified
    derivation also gets its plain triple (``prov:wasQuotedFrom``,
    ``prov:hadPrimarySource``, ``prov:wasDerivedFrom``), as PROV-O asserts both
    forms and prov writes only the qualified one.  Blank nodes are relabelled
    from their content (``rdflib.compare.to_canonical_graph``), so the order in
    which rdflib sorts them does not change from run to run.
    """
    rdflib = _rdflib()
    from rdflib.compare import to_canonical_graph

    prov_o = rdflib.Namespace("http://www.w3.org/ns/prov#")
    raw = rdflib.Graph()
    raw.parse(data=doc.serialize(format="rdf", rdf_format="nt", encoding="utf-8"), format="nt")
    for qualified, plain in _PROV_O_DERIVATIONS.items():
        for subject, node in list(raw.subject_objects(prov_o["qualified" + qualified])):
            for entity in raw.objects(node, prov_o["entity"]):
                raw.add((subject, prov_o[plain], entity))
    out = rdflib.Graph(bind_namespaces="core")
    out.bind("prov", prov_o, override=True)
    for ns in doc.namespaces:
        out.bind(ns.prefix, ns.uri, override=True)
    out += to_canonical_graph(raw)
    return out.serialize(format="turtle").rstrip("\n") + "\n"


def _prov_text(graph: "ClaimGraph", fmt: str) -> str:
    doc = to_prov(graph)
    if fmt == "prov-n":
        return doc.get_provn() + "\n"
    if fmt == "prov-turtle":
        return _prov_turtle(doc)
    if fmt == "prov-jsonld":
        try:
            text = doc.serialize(format="jsonld", context="embed")
        except Exception as exc:  # prov < 3.1 has no PROV-JSONLD serializer
            raise ExportError(f"this prov version cannot write PROV-JSONLD ({exc})",
                              hint="pip install 'prov>=3.1' (or use prov-json)") from None
    else:
        text = doc.serialize(format="json")
    return _dumps(json.loads(text))


# =============================================================================== node-link and GraphML
_NODE_LINK_FORMAT = "claimgraph-node-link"


def _node_fields(item: Any, kind: str, order: int) -> dict[str, Any]:
    fields = item.model_dump(mode="json", exclude_none=True)
    if "kind" in fields:
        fields[f"{kind}_kind"] = fields.pop("kind")
    fields.pop("id", None)
    return {**fields, "order": order}


def _claimgraph_networkx(graph: "ClaimGraph") -> Any:
    """A MultiDiGraph whose node attributes hold every field of every item (lossless)."""
    import networkx as nx

    g = nx.MultiDiGraph(format=_NODE_LINK_FORMAT, format_version=FORMAT_VERSION)
    inner = graph.graph_view
    labels = {n: d.get("label") for n, d in inner.nodes(data=True)}
    a = graph.article
    g.add_node(f"article:{a.id}", kind="article", label=a.title or a.id, **_node_fields(a, "article", 0))
    for i, s in enumerate(graph.sources):
        g.add_node(f"source:{s.id}", kind="source", label=s.name, **_node_fields(s, "source", i))
    for i, d in enumerate(graph.documents):
        g.add_node(f"document:{d.id}", kind="document", label=d.title, **_node_fields(d, "document", i))
    for i, c in enumerate(graph.claims):
        fields = _node_fields(c, "claim", i)
        fields.pop("quantities", None)
        g.add_node(f"claim:{c.id}", kind="claim", label=labels.get(f"claim:{c.id}", c.text), **fields)
        for j, q in enumerate(c.quantities):
            g.add_node(f"quantity:{q.id}", kind="quantity", label=q.text, claim=c.id, **_node_fields(q, "quantity", j))
    for i, e in enumerate(graph.evidence):
        fields = _node_fields(e, "evidence", i)
        g.add_node(f"evidence:{e.id}", kind="evidence", label=e.text, **fields)
    order = {d.id: i for i, d in enumerate(graph.derivations)}
    notes = {d.id: d.note for d in graph.derivations}
    for u, v, k, data in inner.edges(keys=True, data=True):
        data = {key: value for key, value in data.items() if value is not None}
        if "derivation" in data:
            data["derivation_order"] = order[data["derivation"]]
            if notes[data["derivation"]] is not None:
                data["derivation_note"] = notes[data["derivation"]]
        g.add_edge(u, v, key=k, **data)
    return g


def _node_link_data(g: Any) -> dict[str, Any]:
    import networkx as nx

    try:
        return nx.node_link_data(g, edges="edges")  # networkx >= 3.4
    except TypeError:  # pragma: no cover - networkx < 3.4
        return nx.node_link_data(g, link="edges")


def to_node_link(graph: "ClaimGraph") -> dict[str, Any]:
    """networkx node-link data (``"edges"`` key) holding everything needed to rebuild the graph.

    Node attributes carry each item's fields (the item's own ``kind`` renamed
    ``claim_kind``, ``source_kind`` …, its position as ``order``); a claim's
    numbers are separate ``quantity`` nodes; derivations live on their
    ``wasDerivedFrom`` edges.  :func:`from_node_link` reverses it exactly.
    """
    return _node_link_data(_claimgraph_networkx(graph))


def from_node_link(data: Mapping[str, Any] | str) -> "ClaimGraph":
    """Rebuild a :class:`~claimgraph.graph.ClaimGraph` from :func:`to_node_link` data (or its JSON text)."""
    from pydantic import ValidationError

    from .graph import ClaimGraph
    from .model import Case

    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise ExportError(f"invalid node-link JSON: {exc.msg} (line {exc.lineno})",
                              hint="pass the text written by export(graph, 'node-link')") from None
    if not isinstance(data, Mapping) or "nodes" not in data:
        raise ExportError("not node-link data (no 'nodes')", hint="pass the output of to_node_link()")
    meta = data.get("graph") or {}
    if meta.get("format") != _NODE_LINK_FORMAT:
        raise ExportError("node-link data was not written by claimgraph (graph.format is missing)",
                          hint="only claimgraph's own node-link output holds every field needed to rebuild a case")
    edges = data.get("edges", data.get("links", []))
    buckets: dict[str, list[tuple[int, str, dict[str, Any]]]] = {}
    quantities: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for node in data["nodes"]:
        kind, _, ident = str(node["id"]).partition(":")
        skip = ("id", "kind", "label", "order", "claim") if kind == "quantity" else ("id", "kind", "label", "order")
        fields = {k: v for k, v in node.items() if k not in skip}
        if f"{kind}_kind" in fields:
            fields["kind"] = fields.pop(f"{kind}_kind")
        fields["id"] = ident
        if kind == "quantity":
            quantities.setdefault(node["claim"], []).append((node.get("order", 0), fields))
        else:
            buckets.setdefault(kind, []).append((node.get("order", 0), ident, fields))

    def ordered(kind: str) -> list[dict[str, Any]]:
        return [f for _, _, f in sorted(buckets.get(kind, []), key=lambda t: t[0])]

    articles = ordered("article")
    if len(articles) != 1:
        raise ExportError(f"node-link data has {len(articles)} article nodes, expected 1", hint="check the file")
    claims = []
    for fields in ordered("claim"):
        fields["quantities"] = [f for _, f in sorted(quantities.get(fields["id"], []), key=lambda t: t[0])]
        claims.append(fields)
    derivations: dict[str, dict[str, Any]] = {}
    for edge in edges:
        if "derivation" not in edge:
            continue
        d = derivations.setdefault(edge["derivation"], {
            "id": edge["derivation"], "quantity": str(edge["source"]).partition(":")[2], "op": edge["op"],
            "formula": edge["formula"], "operands": {}, "note": edge.get("derivation_note"),
            "_order": edge.get("derivation_order", 0)})
        d["operands"][edge["position"]] = str(edge["target"]).partition(":")[2]
    derivation_list = []
    for d in sorted(derivations.values(), key=lambda d: d.pop("_order")):
        d["operands"] = [d["operands"][i] for i in sorted(d["operands"])]
        derivation_list.append({k: v for k, v in d.items() if v is not None})
    try:
        case = Case.model_validate({
            "format_version": meta.get("format_version", FORMAT_VERSION), "article": articles[0],
            "sources": ordered("source"), "documents": ordered("document"), "claims": claims,
            "evidence": ordered("evidence"), "derivations": derivation_list})
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ExportError(f"node-link data does not fit the model: {'.'.join(map(str, err['loc']))}: {err['msg']}",
                          hint="the file may have been edited; compare it with a fresh export") from None
    return ClaimGraph.from_case(case)


def _graphml_value(value: Any) -> Any:
    """A GraphML-safe attribute value: lists and dicts as JSON text, XML-illegal characters as symbols."""
    if isinstance(value, (list, tuple, dict)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str):
        return _xml_text(value)
    return value


def _xml_text(text: str) -> str:
    """Replace characters XML 1.0 forbids (form feeds between pages, other C0 controls) with their
    Unicode control pictures (U+240C "␌" for a form feed), so GraphML stays well formed.

    >>> _xml_text("page 1\\fpage 2")
    'page 1␌page 2'
    """
    if all(ch >= " " or ch in "\t\n\r" for ch in text):
        return text
    return "".join(chr(0x2400 + ord(ch)) if ch < " " and ch not in "\t\n\r" else ch for ch in text)


def to_graphml(graph: "ClaimGraph") -> str:
    """GraphML text: every node and edge with flat attributes (lists and dicts as JSON strings).

    For graph tools; it is not read back (use node-link or native for that), and
    control characters such as page breaks are shown as symbols (␌).
    """
    import networkx as nx

    g = _claimgraph_networkx(graph)
    flat = nx.MultiDiGraph(**{k: _graphml_value(v) for k, v in g.graph.items()})
    for n, data in g.nodes(data=True):
        flat.add_node(n, **{k: _graphml_value(v) for k, v in data.items()})
    for u, v, k, data in g.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **{key: _graphml_value(value) for key, value in data.items()})
    return "\n".join(nx.generate_graphml(flat, encoding="utf-8", prettyprint=True)) + "\n"


# =============================================================================== CSV
_CLAIM_COLUMNS = ("id", "start", "end", "kind", "text", "attribution", "cue", "source", "via", "group", "named",
                  "attributed_to", "quantities", "quotes", "note", "status", "errors", "warnings", "codes")
_FINDING_COLUMNS = ("code", "severity", "check", "claim_id", "start", "end", "quantity_id", "evidence_id",
                    "document_id", "message", "hint", "computed")
_FREE_TEXT = frozenset({"text", "cue", "group", "note", "message", "hint"})


def _cell(key: str, value: Any, spreadsheet_safe: bool) -> Any:
    """Untrusted free text starting like a spreadsheet formula gets a leading apostrophe (OWASP CSV injection)."""
    if spreadsheet_safe and key in _FREE_TEXT and isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], spreadsheet_safe: bool) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), restval="", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(k, v, spreadsheet_safe) for k, v in row.items()})
    return out.getvalue()


def _claims_csv(graph: "ClaimGraph", report: "Report", spreadsheet_safe: bool) -> str:
    by_claim: dict[str | None, list[Any]] = {}
    for f in report.findings:
        by_claim.setdefault(f.claim_id, []).append(f)
    rows = []
    for row in records(graph, "claims"):
        found = by_claim.get(row["id"], [])
        severities = [f.severity for f in found]
        status = "error" if "error" in severities else "warning" if "warning" in severities else "ok" if found else ""
        rows.append({**row, "status": status, "errors": severities.count("error"),
                     "warnings": severities.count("warning"), "codes": _ids(sorted({f.code for f in found}))})
    return _csv(rows, _CLAIM_COLUMNS, spreadsheet_safe)


# =============================================================================== dispatch
def export(graph: "ClaimGraph", to: str, *, report: "Report | None" = None, **options: Any) -> str:
    """The graph as text in format ``to`` (one of :data:`FORMATS`).

    ``report`` (default: ``graph.check()``, run only when the format needs it)
    feeds ``claimreview``, ``csv-claims`` and ``csv-findings``.  Options:
    ``claimreview`` takes ``author=``, ``url=`` and the other keywords of
    :func:`to_claimreview`; the CSV formats take ``spreadsheet_safe=`` (default True).
    """
    if to not in FORMATS:
        raise ExportError(f"unknown export format {to!r}", hint="use one of: " + ", ".join(FORMATS))
    spreadsheet_safe = bool(options.pop("spreadsheet_safe", True))
    allowed = {"claimreview": {"author", "url", "date_published", "kinds", "include_unrated"}}.get(to, set())
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise ExportError(f"format {to!r} takes no option {unknown[0]!r}",
                          hint=("it takes: " + ", ".join(sorted(allowed))) if allowed else "it takes no options")
    if to == "native":
        from .case import dumps

        return dumps(graph)
    if to == "node-link":
        return _dumps(to_node_link(graph))
    if to == "graphml":
        return to_graphml(graph)
    if to.startswith("prov-"):
        return _prov_text(graph, to)
    if report is None:
        report = graph.check()
    if to == "claimreview":
        if "author" not in options or "url" not in options:
            raise ExportError("ClaimReview needs author= and url=",
                              hint="the fact-checking organisation's name and the URL of the page hosting the review")
        return _dumps(to_claimreview(graph, report, **options))
    if to == "csv-claims":
        return _claims_csv(graph, report, spreadsheet_safe)
    return _csv(report.to_records(), _FINDING_COLUMNS, spreadsheet_safe)


def write(graph: "ClaimGraph", path: str | os.PathLike[str], to: str, *, report: "Report | None" = None,
          **options: Any) -> None:
    """Write :func:`export` output to ``path`` atomically (nothing partial on failure)."""
    from .case import write_atomic

    write_atomic(path, export(graph, to, report=report, **options))


def read(path: str | os.PathLike[str]) -> "ClaimGraph":
    """Read native JSON or claimgraph node-link JSON (told apart by their content),
    or anything :func:`claimgraph.case.load` reads (a case folder, an annotation file)."""
    from .case import _read_text, load

    p = Path(path)
    if p.is_file() and p.suffix.lower() == ".json":
        text = _read_text(p)
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return load(p)  # load reports the JSON error with file and line
        if isinstance(data, dict) and "nodes" in data and "format_version" not in data:
            try:
                return from_node_link(data)
            except ExportError as exc:
                raise ExportError(exc.message, where=str(p), hint=exc.hint) from None
    return load(p)
