"""Link a :class:`~claimgraph.graph.ClaimGraph`'s claims to its documents, and read document
files into a graph.

:func:`link_graph` proposes evidence for every number and direct quote of a graph with a
:class:`~claimgraph.link.Linker` over the graph's documents, never touching a person's own
links; :func:`add_document_file` reads a file (text, HTML or PDF) into a graph as a document
and credits it to the issuer the file names.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from .credit import _issuer_source, _names_body
from .documents import LoadedDocument, read_document
from .index import DocumentIndex
from .link import Linker, LinkResult, _part_results
from .passages import _article_sentences, _context_of
from .quantities import Quantity
from .spans import Span

__all__ = ["PART_EVIDENCE", "link_graph", "document_from_file", "add_document_file"]

#: The suffix of the id of the evidence a part of a figure adds to a case (see :func:`link_graph`).
PART_EVIDENCE = "part"


_EVIDENCE_RELATION = {"verbatim": "verbatim", "rounded": "rounded", "rehedged": "rehedged", "derived": "derived"}


def link_graph(graph: Any, *, min_score: float = 0.0) -> list[LinkResult]:
    """Propose evidence for every number and direct quote of ``graph`` from its documents.

    Adds :class:`~claimgraph.model.Evidence` with ``origin="linker"`` and the link's
    score; a quantity or quote that already has evidence (a person's own links) is
    left alone.  Returns one :class:`LinkResult` per item looked at, ``link=None``
    when absent.  Documents are indexed once.  ``min_score`` above
    :data:`NUMBER_MIN_SCORE` proposes fewer number links, and fewer wrong ones
    (docs/linking.md gives the trade-off measured on the corpora).
    """
    from .model import Evidence

    issuers = {s.id: "; ".join((s.name, *s.aliases)) for s in graph.sources}
    outlets = {s.id for s in graph.sources if getattr(s.kind, "value", s.kind) == "news_outlet"}
    linker = Linker([DocumentIndex(d.id, d.text, primary=d.primary, issuer=issuers.get(d.source or ""),
                                   relays=d.source is None or d.source in outlets)
                     for d in graph.documents])
    texts = {d.id: d.text for d in graph.documents}
    every = [q.to_quantity() for _, q in graph.quantities()]
    results: list[LinkResult] = []
    taken = {e.id for e in graph.evidence}

    def add(claim: Any, link: Any, quantity_id: str | None, relation: str, suffix: str, note: str | None = None) -> None:
        span = link.passage or link.span
        ident = f"{quantity_id or claim.id}/{suffix}"
        n = 2
        while ident in taken:
            ident, n = f"{quantity_id or claim.id}/{suffix}{n}", n + 1
        taken.add(ident)
        graph.add_evidence(Evidence(
            id=ident, claim=claim.id, document=link.document, quantity=quantity_id,
            start=span.start, end=span.end, text=span.of(texts[link.document]), relation=relation,
            page=link.page, section=link.section, origin="linker", score=round(min(1.0, max(0.0, link.score)), 4),
            note=note,
        ))

    sentences = _article_sentences(graph.article.text)
    with linker._reading():  # (a quote holding a figure is located once for both passes)
        _link_claims(graph, linker, every, sentences, min_score, results, add)
    return results


def _link_claims(graph: Any, linker: Linker, every: list[Quantity], sentences: list[Span], min_score: float,
                 results: list[LinkResult], add: Callable[..., None]) -> None:
    """Link the numbers and quotes of :func:`link_graph`'s claims, adding evidence with ``add``."""
    # every number of the article is linked together (sentences, repeated figures)
    linked = linker.link_numbers(graph.article.text, every) if every else []
    split = linker.link_parts(graph.article.text, every, linked) if every else []
    by_mention = {q.id: found for (_, q), found in zip(graph.quantities(), zip(linked, split))}
    for claim in graph.claims:
        for q in claim.quantities:
            if graph.evidence_for(claim.id, quantity=q.id):
                continue
            links, parts = by_mention.get(q.id) or ([], ())
            link = links[0] if links and links[0].score >= min_score else None
            # the parts of an "A of B" count or a range: one its passage does not state has its own
            told = _part_results(parts, min_score, alternatives=False)
            results.append(LinkResult("number", q.span, q.text, link, parts=told))
            if link is not None:
                add(claim, link, q.id, _EVIDENCE_RELATION.get(link.relation, "paraphrase"), "auto")
            for part in told:
                if part.link is not None and (link is None or (part.link.document, part.link.passage)
                                              != (link.document, link.passage)):
                    add(claim, part.link, q.id, _EVIDENCE_RELATION.get(part.link.relation, "paraphrase"), PART_EVIDENCE,
                        note=f"for {part.text!r} of {q.text!r}")
        if claim.quotes and not any(e.relation == "quoted" for e in graph.evidence_for(claim.id)):
            for quote in claim.quotes:
                sentence = _context_of(graph.article.text, sentences, quote.span)[0] if quote.span is not None else ""
                link = linker.link_quote(quote.text, sentence)
                results.append(LinkResult("quote", quote.span, quote.text, link))
                if link is not None:
                    add(claim, link, None, "quoted", "quote")


def document_from_file(path: str | Path, *, doc_id: str | None = None, primary: bool = True,
                       source: str | None = None) -> Any:
    """A :class:`~claimgraph.model.Document` read with :func:`read_document` (text, HTML or PDF),
    with the title, date, number and url the file gives about itself (its header block, HTML
    ``<meta>`` tags or PDF metadata)."""
    return _document(read_document(path), path, doc_id, primary, source)


def _document(loaded: LoadedDocument, path: str | Path, doc_id: str | None, primary: bool, source: str | None) -> Any:
    from .model import Document

    meta = loaded.metadata
    stem = Path(path).stem
    ident = doc_id or (re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") or "document")
    return Document(id=ident, title=loaded.title or stem, primary=primary, text=loaded.text, path=str(path),
                    source=source, date=meta.get("date"), url=meta.get("url"), number=meta.get("number"))


def add_document_file(graph: Any, path: str | Path, *, doc_id: str | None = None, primary: bool = True) -> Any:
    """Read a file into ``graph`` as a document (see :func:`document_from_file`) and credit it
    to its issuer.

    The issuer the file names ("ISSUING BODY: U.S. Department of Homeland Security, Office
    of Inspector General (DHS OIG)") is matched to the graph's sources by name, acronym or
    role; when none is an organisation, one is added.  Other sources naming the same body
    (a report called "the DHS OIG report", a person whose role is "DHS Inspector General")
    are recorded as speaking for it, so the attribution check can tell whether the credited
    source is where the evidence really is.
    """
    from .errors import GraphError

    loaded = read_document(path)
    issuer = loaded.metadata.get("issuer")
    source = _issuer_source(graph, issuer) if issuer else None
    doc = _document(loaded, path, doc_id, primary, source)
    graph.add_document(doc)
    if source is not None:
        for other in graph.sources:
            if other.id != source and other.affiliation is None and _names_body(other, issuer):
                try:
                    graph.affiliate(other.id, source)
                except GraphError:  # already speaks for someone else, or would go round in a circle
                    pass
    return doc
