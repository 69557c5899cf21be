"""The claim graph: claims, sources, documents and evidence as a provenance graph.

:class:`ClaimGraph` composes a private :class:`networkx.MultiDiGraph`.  Node
ids are stable strings (``claim:c-3207d8d8``, ``source:dhs-oig``,
``document:oig-24-46``, ``evidence:e5``, ``quantity:c-3207d8d8/q1``,
``article:article``) and every node has a ``kind``.  Edges carry a
``relation`` named after W3C PROV where PROV has the term:

=====================  ==========================================  =========================
relation               from -> to                                  meaning
=====================  ==========================================  =========================
``hadMember``          article -> claim, claim -> quantity         part of
``wasAttributedTo``    claim -> source, document -> source         credited to / issued by
``actedOnBehalfOf``    source -> source                            speaks for (affiliation)
``relayedBy``          claim -> source (outlet)                    an outlet passed it on
``relayed``            source (outlet) -> source                   the outlet relays that source
``wasQuotedFrom``      claim -> evidence                           direct quote of a passage
``hadPrimarySource``   claim/quantity -> evidence                  supported by a primary passage
``wasDerivedFrom``     claim/quantity -> evidence, quantity ->     supported by a secondary passage;
                       quantity, document -> document              computed from; cites
``specializationOf``   evidence -> document                        a passage of the document
=====================  ==========================================  =========================

Users get a copy with JSON-safe attributes from :meth:`ClaimGraph.to_networkx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

import networkx as nx

from .errors import GraphError
from .model import (
    Article,
    Case,
    Claim,
    Derivation,
    Document,
    Evidence,
    QuantityMention,
    Source,
    attributed_sources,
)

if TYPE_CHECKING:  # pragma: no cover
    from .checks import Report

__all__ = ["ClaimGraph", "node_id", "PROVENANCE_RELATIONS"]

#: Relations followed when tracing where something comes from.
PROVENANCE_RELATIONS = frozenset(
    {
        "wasQuotedFrom",
        "hadPrimarySource",
        "wasDerivedFrom",
        "specializationOf",
        "wasAttributedTo",
        "actedOnBehalfOf",
        "relayedBy",
        "relayed",
        "hadMember",
    }
)
#: Relations that lead from a claim or number to evidence (not to who is credited).
EVIDENCE_RELATIONS = frozenset({"wasQuotedFrom", "hadPrimarySource", "wasDerivedFrom", "specializationOf"})
_MAX_PATHS = 10_000


def node_id(kind: str, ident: str) -> str:
    """The graph node id of an item: ``node_id("claim", "c-1") == "claim:c-1"``."""
    return f"{kind}:{ident}"


class ClaimGraph:
    """Claims of one article linked to sources, documents, evidence and derivations.

    Build one with :meth:`from_case` or :func:`claimgraph.load`, or start from an
    article and ``add_*`` items one by one; each addition is checked (ids unique,
    references known, offsets matching the text) and raises a clear error.
    """

    def __init__(self, article: Article | str):
        if isinstance(article, str):
            article = Article(text=article)
        self._article = article
        self._sources: dict[str, Source] = {}
        self._documents: dict[str, Document] = {}
        self._claims: dict[str, Claim] = {}
        self._quantities: dict[str, tuple[str, QuantityMention]] = {}
        self._evidence: dict[str, Evidence] = {}
        self._derivations: dict[str, Derivation] = {}
        self._g = nx.MultiDiGraph()
        self._g.add_node(self._article_node, kind="article")

    # ------------------------------------------------------------------ building
    @classmethod
    def from_case(cls, case: Case) -> "ClaimGraph":
        """Build the graph of a validated :class:`~claimgraph.model.Case`."""
        case.validate_offsets()
        graph = cls(case.article)
        for source in case.sources:
            graph._sources[source.id] = source
        for source in case.sources:
            graph._link_source(source)
        for document in case.documents:
            graph._documents[document.id] = document
        for document in case.documents:
            graph._link_document(document)
        for claim in case.claims:
            graph._put_claim(claim)
        for ev in case.evidence:
            graph._put_evidence(ev)
        for d in case.derivations:
            graph._put_derivation(d)
        return graph

    def to_case(self) -> Case:
        """The graph's content as a :class:`~claimgraph.model.Case` (for saving)."""
        return Case(
            article=self._article,
            sources=tuple(self._sources.values()),
            documents=tuple(self._documents.values()),
            claims=tuple(self._claims.values()),
            evidence=tuple(self._evidence.values()),
            derivations=tuple(self._derivations.values()),
        )

    def add_source(self, source: Source) -> Source:
        self._new(self._sources, source.id, "source")
        if source.affiliation is not None:
            self._need(self._sources, source.affiliation, "source", f"source {source.id}")
        self._sources[source.id] = source
        self._link_source(source)
        return source

    def add_document(self, document: Document) -> Document:
        self._new(self._documents, document.id, "document")
        if document.source is not None:
            self._need(self._sources, document.source, "source", f"document {document.id}")
        for cited in document.cites:
            self._need(self._documents, cited, "document", f"document {document.id}")
        self._documents[document.id] = document
        self._link_document(document)
        return document

    def add_claim(self, claim: Claim) -> Claim:
        self._new(self._claims, claim.id, "claim")
        where = f"claim {claim.id}"
        claim.span.check(self._article.text, expected=claim.text, where=where)
        for part in (*claim.quantities, *claim.quotes):
            part.span.check(self._article.text, expected=part.text, where=where)
        for q in claim.quantities:
            if q.id in self._quantities:
                raise GraphError(f"quantity id {q.id!r} is already used", where=where, hint="quantity ids must be unique")
        for ref in attributed_sources(claim.attribution):
            self._need(self._sources, ref, "source", where)
        self._put_claim(claim)
        return claim

    def add_evidence(self, evidence: Evidence) -> Evidence:
        where = f"evidence {evidence.id}"
        self._new(self._evidence, evidence.id, "evidence")
        self._need(self._claims, evidence.claim, "claim", where)
        doc = self._need(self._documents, evidence.document, "document", where)
        if evidence.quantity is not None:
            self._need(self._quantities, evidence.quantity, "quantity", where)
        evidence.span.check(doc.text, expected=evidence.text, where=f"{where} in document {doc.id}")
        self._put_evidence(evidence)
        return evidence

    def add_derivation(self, derivation: Derivation) -> Derivation:
        where = f"derivation {derivation.id}"
        self._new(self._derivations, derivation.id, "derivation")
        self._need(self._quantities, derivation.quantity, "quantity", where)
        for op in derivation.operands:
            if op not in self._quantities and op not in self._evidence:
                raise GraphError(f"operand {op!r} is neither a quantity nor an evidence id", where=where,
                                 hint="operands name quantity ids (claim-id/qN) or evidence ids")
        self._put_derivation(derivation)
        return derivation

    def affiliate(self, source_id: str, organisation_id: str) -> Source:
        """Record that a source speaks for an organisation (``affiliation``), e.g. a report
        for the office that issued it, when the source has no affiliation yet."""
        source = self._need(self._sources, source_id, "source", "affiliate")
        self._need(self._sources, organisation_id, "source", f"source {source_id}")
        if source.affiliation == organisation_id or source_id == organisation_id:
            return source
        if source.affiliation is not None:
            raise GraphError(f"source {source_id!r} already speaks for {source.affiliation!r}",
                             hint="edit the source's affiliation instead")
        if source_id in self.source_family(organisation_id):
            raise GraphError(f"source {organisation_id!r} already speaks for {source_id!r}",
                             hint="an affiliation cannot go round in a circle")
        updated = source.model_copy(update={"affiliation": organisation_id})
        self._sources[source_id] = updated
        self._link_source(updated)
        return updated

    def replace_claim(self, claim: Claim) -> Claim:
        """Replace a claim with the same id (e.g. after correcting a draft)."""
        old = self.claim(claim.id)
        self._g.remove_node(self._claim_node(old.id))
        for q in old.quantities:
            self._quantities.pop(q.id, None)
            if self._g.has_node(node_id("quantity", q.id)):
                self._g.remove_node(node_id("quantity", q.id))
        del self._claims[claim.id]
        try:
            self.add_claim(claim)
        except Exception:
            self._put_claim(old)
            self._restore_links(old.id)
            raise
        self._restore_links(claim.id)
        return claim

    def _restore_links(self, claim_id: str) -> None:
        """Re-attach evidence and derivations of a re-added claim whose quantities still exist."""
        for ev in self._evidence.values():
            if ev.claim == claim_id and (ev.quantity is None or ev.quantity in self._quantities):
                self._put_evidence(ev)
        for d in self._derivations.values():
            if self._quantities.get(d.quantity, ("",))[0] == claim_id or any(
                self._quantities.get(o, ("",))[0] == claim_id for o in d.operands
            ):
                self._put_derivation(d)

    # ------------------------------------------------------------------ internals
    @property
    def _article_node(self) -> str:
        return node_id("article", self._article.id)

    @staticmethod
    def _claim_node(ident: str) -> str:
        return node_id("claim", ident)

    @staticmethod
    def _new(pool: Mapping[str, Any], ident: str, kind: str) -> None:
        if ident in pool:
            raise GraphError(f"{kind} id {ident!r} is already in the graph", hint=f"give the {kind} a different id")

    @staticmethod
    def _need(pool: Mapping[str, Any], ident: str, kind: str, where: str) -> Any:
        try:
            return pool[ident]
        except KeyError:
            from .model import _did_you_mean

            raise GraphError(
                f"unknown {kind} {ident!r}{_did_you_mean(ident, pool)}",
                where=where,
                hint=f"add the {kind} first, or fix the id",
            ) from None

    def _edge(self, u: str, v: str, relation: str, **attrs: Any) -> None:
        self._g.add_edge(u, v, key=relation if not attrs.get("claim") else f"{relation}:{attrs['claim']}",
                         relation=relation, **attrs)

    def _link_source(self, source: Source) -> None:
        n = node_id("source", source.id)
        self._g.add_node(n, kind="source", label=source.name)
        if source.affiliation:
            self._edge(n, node_id("source", source.affiliation), "actedOnBehalfOf")

    def _link_document(self, document: Document) -> None:
        n = node_id("document", document.id)
        self._g.add_node(n, kind="document", label=document.title, primary=document.primary)
        if document.source:
            self._edge(n, node_id("source", document.source), "wasAttributedTo")
        for cited in document.cites:
            self._edge(n, node_id("document", cited), "wasDerivedFrom")

    def _put_claim(self, claim: Claim) -> None:
        self._claims[claim.id] = claim
        c = self._claim_node(claim.id)
        self._g.add_node(c, kind="claim", label=claim.text, claim_kind=claim.kind)
        self._edge(self._article_node, c, "hadMember")
        for q in claim.quantities:
            self._quantities[q.id] = (claim.id, q)
            qn = node_id("quantity", q.id)
            self._g.add_node(qn, kind="quantity", label=q.text)
            self._edge(c, qn, "hadMember")
        att = claim.attribution
        if att.kind in ("direct_quote", "paraphrase"):
            self._edge(c, node_id("source", att.source), "wasAttributedTo", attribution=att.kind)
        elif att.kind == "relayed":
            via = node_id("source", att.via)
            self._edge(c, via, "relayedBy", attribution=att.kind)
            if att.source:
                self._edge(via, node_id("source", att.source), "relayed", claim=claim.id)
        elif att.kind == "vague":
            for named in att.named:
                self._edge(c, node_id("source", named), "wasAttributedTo", attribution="vague")

    def _put_evidence(self, ev: Evidence) -> None:
        self._evidence[ev.id] = ev
        n = node_id("evidence", ev.id)
        self._g.add_node(n, kind="evidence", label=ev.text)
        doc = self._documents[ev.document]
        self._edge(n, node_id("document", ev.document), "specializationOf")
        origin = node_id("quantity", ev.quantity) if ev.quantity else self._claim_node(ev.claim)
        if ev.relation == "quoted":
            relation = "wasQuotedFrom"
        else:
            relation = "hadPrimarySource" if doc.primary else "wasDerivedFrom"
        self._edge(origin, n, relation, evidence_relation=ev.relation)

    def _put_derivation(self, d: Derivation) -> None:
        self._derivations[d.id] = d
        q = node_id("quantity", d.quantity)
        for position, op in enumerate(d.operands):
            target = node_id("quantity", op) if op in self._quantities else node_id("evidence", op)
            self._g.add_edge(q, target, key=f"wasDerivedFrom:{d.id}:{position}", relation="wasDerivedFrom",
                             derivation=d.id, op=d.op, formula=d.formula, position=position)

    # ------------------------------------------------------------------ access
    @property
    def article(self) -> Article:
        return self._article

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(self._claims.values())

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(self._sources.values())

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(self._documents.values())

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(self._evidence.values())

    @property
    def derivations(self) -> tuple[Derivation, ...]:
        return tuple(self._derivations.values())

    def claim(self, ident: str) -> Claim:
        """The claim with this id (a unique prefix of it is enough)."""
        ident = ident.removeprefix("claim:")
        if ident in self._claims:
            return self._claims[ident]
        matches = [c for c in self._claims if c.startswith(ident)] if ident else []
        if len(matches) == 1:
            return self._claims[matches[0]]
        if matches:
            raise GraphError(f"claim id prefix {ident!r} matches {len(matches)} claims", hint="give more characters")
        return self._need(self._claims, ident, "claim", "graph")

    def source(self, ident: str) -> Source:
        return self._need(self._sources, ident.removeprefix("source:"), "source", "graph")

    def document(self, ident: str) -> Document:
        return self._need(self._documents, ident.removeprefix("document:"), "document", "graph")

    def quantity(self, ident: str) -> QuantityMention:
        return self._need(self._quantities, ident.removeprefix("quantity:"), "quantity", "graph")[1]

    def claim_of_quantity(self, ident: str) -> Claim:
        return self._claims[self._need(self._quantities, ident, "quantity", "graph")[0]]

    def quantities(self) -> Iterator[tuple[Claim, QuantityMention]]:
        """Every quantity with its claim, in article order."""
        for claim in self._claims.values():
            for q in claim.quantities:
                yield claim, q

    def evidence_for(self, claim_id: str, *, quantity: str | None = None) -> tuple[Evidence, ...]:
        """Evidence attached to a claim (or to one of its quantities when ``quantity`` is given)."""
        return tuple(
            e for e in self._evidence.values()
            if e.claim == claim_id and (quantity is None or e.quantity == quantity)
        )

    def claims_by_kind(self, kind: str) -> tuple[Claim, ...]:
        return tuple(c for c in self._claims.values() if c.kind == kind)

    def claims_by_source(self, source_id: str, *, include_affiliates: bool = True) -> tuple[Claim, ...]:
        """Claims credited to a source (or, by default, to anyone speaking for it)."""
        self.source(source_id)
        wanted = self.source_family(source_id, down=True) if include_affiliates else {source_id}
        return tuple(c for c in self._claims.values() if wanted & set(attributed_sources(c.attribution)))

    def source_family(self, source_id: str, *, down: bool = False) -> set[str]:
        """The source and those it speaks for (``down=True``: and those who speak for it)."""
        family = {source_id}
        current = self._sources.get(source_id)
        while current is not None and current.affiliation and current.affiliation not in family:
            family.add(current.affiliation)
            current = self._sources.get(current.affiliation)
        if down:
            changed = True
            while changed:
                changed = False
                for s in self._sources.values():
                    if s.affiliation in family and s.id not in family:
                        family.add(s.id)
                        changed = True
        return family

    # ------------------------------------------------------------------ queries
    def _start(self, item: str) -> str:
        if ":" in item and self._g.has_node(item):
            return item
        if item in self._quantities:
            return node_id("quantity", item)
        if item in self._claims or any(c.startswith(item) for c in self._claims):
            return self._claim_node(self.claim(item).id)
        raise GraphError(f"no claim or quantity {item!r} in the graph", hint="pass a claim id, quantity id or node id")

    def trace(self, item: str, *, relations: Iterable[str] = PROVENANCE_RELATIONS) -> list[tuple[str, ...]]:
        """Every provenance path from a claim (or quantity, or node) down to its origins.

        A path is a tuple of node ids; it ends where no provenance edge leads on
        (a document citing nothing, a source speaking for no one).  Membership
        edges are followed only from the claim to its own quantities.
        """
        start = self._start(item)
        allowed = frozenset(relations)
        paths: list[tuple[str, ...]] = []

        def step(node: str, path: tuple[str, ...]) -> None:
            if len(paths) >= _MAX_PATHS:
                return
            nexts = []
            for target, data in self._out_edges(node, path[0].removeprefix("claim:")):
                rel = data["relation"]
                if rel not in allowed or target in path:
                    continue
                if rel == "hadMember" and not node.startswith("claim:"):
                    continue
                nexts.append(target)
            if not nexts:
                paths.append(path)
                return
            for target in sorted(set(nexts)):
                step(target, path + (target,))

        step(start, (start,))
        return paths

    def _out_edges(self, node: str, claim_id: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """Out-edges of ``node`` on a trace of ``claim_id``: of an outlet's relays, only this claim's.

        Relay edges are keyed ``relayed:<claim>``, so an outlet relaying a million claims
        costs one dictionary lookup per trace, not a million edges.
        """
        mine = f"relayed:{claim_id}"
        for target, keydict in self._g.adj[node].items():
            for key, data in keydict.items() if len(keydict) <= 4 else (
                (k, keydict[k]) for k in (mine, *PROVENANCE_RELATIONS) if k in keydict
            ):
                if data["relation"] != "relayed" or key == mine:
                    yield target, data

    def origins(self, item: str) -> tuple[str, ...]:
        """Document node ids holding the evidence of a claim or number (primary first).

        Follows the claim's quantities, derivation operands and evidence, in one
        traversal; documents a cited document credits are not origins of the claim.
        """
        start = self._start(item)
        seen, stack, docs = {start}, [start], set()
        while stack:
            node = stack.pop()
            for _, target, data in self._g.out_edges(node, data=True):
                rel = data["relation"]
                if target in seen or node.startswith(("document:", "source:")):
                    continue
                if rel == "specializationOf":
                    docs.add(target)
                elif rel in ("hadPrimarySource", "wasDerivedFrom", "wasQuotedFrom") or (
                    rel == "hadMember" and node.startswith("claim:")
                ):
                    seen.add(target)
                    stack.append(target)
        return tuple(sorted(docs, key=lambda n: (not self._documents[n.split(":", 1)[1]].primary, n)))

    def relay_chain(self, claim_id: str) -> tuple[str, ...]:
        """Article -> outlet -> original source -> its document, for a relayed claim.

        For a claim that is not relayed, the chain is article -> claim -> credited source.
        """
        claim = self.claim(claim_id)
        chain = [self._article_node, self._claim_node(claim.id)]
        att = claim.attribution
        if att.kind == "relayed":
            chain.append(node_id("source", att.via))
            if att.source:
                chain.append(node_id("source", att.source))
        else:
            chain.extend(node_id("source", s) for s in attributed_sources(att))
        for doc in self.origins(claim.id):
            if doc not in chain:
                chain.append(doc)
        return tuple(chain)

    # ------------------------------------------------------------------ views
    def to_networkx(self) -> nx.MultiDiGraph:
        """A copy of the graph; every node carries its item's fields as JSON-safe values."""
        g = nx.MultiDiGraph()
        for n, data in self._g.nodes(data=True):
            g.add_node(n, **_json_safe({**self._fields(n), **data}))
        for u, v, k, data in self._g.edges(keys=True, data=True):
            g.add_edge(u, v, key=k, **_json_safe(data))
        return g

    def _fields(self, node: str) -> dict[str, Any]:
        kind, ident = node.split(":", 1)
        item: Any = {
            "article": lambda: self._article,
            "claim": lambda: self._claims.get(ident),
            "source": lambda: self._sources.get(ident),
            "document": lambda: self._documents.get(ident),
            "evidence": lambda: self._evidence.get(ident),
            "quantity": lambda: self._quantities.get(ident, (None, None))[1],
        }[kind]()
        if item is None:
            return {}
        fields = item.model_dump(mode="json", exclude_none=True)
        fields.pop("kind", None)
        if kind == "claim":
            fields.pop("quantities", None)
            fields["attribution"] = item.attribution.kind
            fields["attributed_to"] = list(attributed_sources(item.attribution))
        fields["id"] = ident
        return fields

    @property
    def graph_view(self) -> nx.MultiDiGraph:
        """A read-only view of the internal graph (no copy; do not keep it across changes)."""
        return nx.restricted_view(self._g, [], [])

    def view(self, claim_id: str | None = None, *, report: "Report | None" = None) -> Any:
        """A notebook view: one claim's card, or (without ``claim_id``) the highlighted article."""
        from .display import view

        return view(self, claim_id, report=report)

    def to_records(self, what: str = "claims") -> list[dict[str, Any]]:
        """Flat rows of claims, edges, quantities, evidence, sources or documents (no dependencies)."""
        from .export import records

        return records(self, what)

    def to_pandas(self, what: str = "claims") -> Any:
        """A pandas DataFrame of :meth:`to_records` (needs ``pip install 'claimgraph[pandas]'``)."""
        from .export import to_pandas

        return to_pandas(self, what)

    def check(self, *, checks: Iterable[str] | None = None) -> "Report":
        """Run the registered checks (or only those named) and return a :class:`~claimgraph.checks.Report`."""
        from .checks import run_checks

        return run_checks(self, checks=checks)

    def save(self, path: Any) -> None:
        """Write the graph as native JSON (see :func:`claimgraph.save`)."""
        from .case import save

        save(self, path)

    def __len__(self) -> int:
        return len(self._claims)

    def __repr__(self) -> str:
        return (
            f"<ClaimGraph {len(self._claims)} claims · {len(self._sources)} sources · "
            f"{len(self._documents)} documents · {len(self._evidence)} evidence>"
        )

    def _repr_html_(self) -> str:
        from .display import graph_html

        return graph_html(self)


def _json_safe(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, (str, int, float, bool)):
            out[key] = value
        elif isinstance(value, (list, tuple)):
            out[key] = [v if isinstance(v, (str, int, float, bool)) else str(v) for v in value]
        elif isinstance(value, dict):
            out[key] = _json_safe(value)
        else:
            out[key] = str(value)
    return out

