"""Checks over a claim graph, returning coded findings.

A check is a small function registered with :func:`register`; it receives a
:class:`CheckContext` (the graph plus indexes built once, in one linear pass)
and yields :class:`Finding` objects.  All findings are collected into a
:class:`Report`.  A check never raises on bad data (an exception inside a
check becomes a ``CG000`` finding naming the check) and never changes the
graph.  Third-party checks register the same way::

    @claimgraph.register("my-check", codes={"X100": "what it means"})
    def my_check(ctx):
        for claim in ctx.graph.claims:
            ...
            yield ctx.finding("X100", "warning", claim, "message", hint="what to do")

Severities, lowest first: ``info`` (including explicit passes), ``warning``
(a fact-checker should look), ``error`` (the provenance is wrong or broken).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

import attrs

from .errors import ClaimgraphError
from .intervals import Interval
from .model import Claim, Document, Evidence, QuantityMention, attributed_sources

if TYPE_CHECKING:  # pragma: no cover
    from .graph import ClaimGraph

__all__ = [
    "CHECKS",
    "CHECK_CODES",
    "SEVERITIES",
    "CheckContext",
    "Finding",
    "Report",
    "register",
    "run_checks",
]

SEVERITIES = ("info", "warning", "error")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}

#: Quantity kinds that set a time scope rather than state a figure; they travel with the
#: figure they qualify and are not traced on their own.
SCOPE_KINDS = frozenset({"year", "date", "year_range", "date_range"})


@attrs.frozen
class Finding:
    """One result of a check."""

    code: str
    severity: str
    check: str
    message: str
    hint: str | None = None
    claim_id: str | None = None
    start: int | None = None
    end: int | None = None
    quantity_id: str | None = None
    evidence_id: str | None = None
    document_id: str | None = None
    computed: Mapping[str, Any] | None = attrs.field(default=None, eq=False)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "code": self.code,
            "severity": self.severity,
            "check": self.check,
            "claim_id": self.claim_id,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "hint": self.hint,
        }
        for key in ("quantity_id", "evidence_id", "document_id"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.computed is not None:
            data["computed"] = dict(self.computed)
        return data

    def __str__(self) -> str:
        where = f" {self.claim_id} [{self.start}:{self.end}]" if self.claim_id else ""
        return f"{self.severity.upper():7} {self.code}{where} {self.message}"


CheckFunction = Callable[["CheckContext"], Iterable[Finding]]


@dataclass
class _Registered:
    name: str
    function: CheckFunction
    codes: Mapping[str, str]
    description: str


#: Registered checks, by name, in registration order.
CHECKS: dict[str, _Registered] = {}
#: Every finding code, mapped to (check name, meaning).
CHECK_CODES: dict[str, tuple[str, str]] = {"CG000": ("(runner)", "a check failed internally; its other findings may be missing")}


def register(name: str, *, codes: Mapping[str, str]) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under ``name``, declaring the codes it may emit."""

    def decorate(function: CheckFunction) -> CheckFunction:
        for code in codes:
            if code in CHECK_CODES and CHECK_CODES[code][0] != name:
                raise ClaimgraphError(f"finding code {code} is already used by check {CHECK_CODES[code][0]!r}")
        CHECKS[name] = _Registered(name, function, dict(codes), (function.__doc__ or "").strip().split("\n")[0])
        for code, meaning in codes.items():
            CHECK_CODES[code] = (name, meaning)
        return function

    return decorate


@dataclass
class CheckContext:
    """The graph and indexes every check shares, built once in a linear pass."""

    graph: "ClaimGraph"
    check: str = ""
    documents: dict[str, Document] = field(default_factory=dict)
    evidence_by_claim: dict[str, list[Evidence]] = field(default_factory=dict)
    evidence_by_quantity: dict[str, list[Evidence]] = field(default_factory=dict)
    derivations_by_quantity: dict[str, list[Any]] = field(default_factory=dict)
    quantity_claim: dict[str, Claim] = field(default_factory=dict)
    quantities: dict[str, QuantityMention] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    _trace_memo: dict[str, str] = field(default_factory=dict)
    _doc_numbers: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def build(cls, graph: "ClaimGraph") -> "CheckContext":
        ctx = cls(graph)
        ctx.documents = {d.id: d for d in graph.documents}
        for claim in graph.claims:
            ctx.evidence_by_claim[claim.id] = []
            for q in claim.quantities:
                ctx.quantity_claim[q.id] = claim
                ctx.quantities[q.id] = q
        for ev in graph.evidence:
            ctx.evidence[ev.id] = ev
            ctx.evidence_by_claim.setdefault(ev.claim, []).append(ev)
            if ev.quantity:
                ctx.evidence_by_quantity.setdefault(ev.quantity, []).append(ev)
        for d in graph.derivations:
            ctx.derivations_by_quantity.setdefault(d.quantity, []).append(d)
        return ctx

    def finding(self, code: str, severity: str, claim: Claim | None, message: str, *, hint: str | None = None,
                quantity: QuantityMention | None = None, **extra: Any) -> Finding:
        span = quantity if quantity is not None else claim
        return Finding(
            code=code, severity=severity, check=self.check, message=message, hint=hint,
            claim_id=claim.id if claim else None,
            start=span.start if span is not None else None, end=span.end if span is not None else None,
            quantity_id=quantity.id if quantity is not None else None, **extra,
        )

    # -------------------------------------------------------------- shared reasoning
    def primary_evidence(self, quantity_id: str) -> list[Evidence]:
        return [e for e in self.evidence_by_quantity.get(quantity_id, ())
                if e.relation != "derived" and self.documents[e.document].primary]

    def trace_status(self, quantity_id: str) -> str:
        """``primary`` (evidence in a primary document), ``derived`` (computed from traced
        quantities), ``secondary`` (evidence only in secondary documents) or ``untraced``.

        Memoised, so the whole graph is classified in one linear pass; a derivation cycle
        counts as untraced.
        """
        memo = self._trace_memo
        if quantity_id in memo:
            return memo[quantity_id]
        memo[quantity_id] = "untraced"  # cycle guard
        status = "untraced"
        if self.primary_evidence(quantity_id):
            status = "primary"
        else:
            for d in self.derivations_by_quantity.get(quantity_id, ()):
                if all(self._operand_traced(op) for op in d.operands):
                    status = "derived"
                    break
            if status == "untraced" and self.evidence_by_quantity.get(quantity_id):
                status = "secondary"
        memo[quantity_id] = status
        return status

    def _operand_traced(self, ref: str) -> bool:
        if ref in self.evidence:
            return self.documents[self.evidence[ref].document].primary
        return self.trace_status(ref) in ("primary", "derived")

    def document_numbers(self, doc_id: str, start: int, end: int) -> list[Any]:
        """Quantities in a passage of a document (documents are scanned once each)."""
        from .quantities import find_quantities

        if doc_id not in self._doc_numbers:
            self._doc_numbers[doc_id] = find_quantities(self.documents[doc_id].text)
        return [q for q in self._doc_numbers[doc_id] if q.span and start <= q.span.start and q.span.end <= end]

    def claim_sources(self, claim: Claim) -> set[str]:
        """The credited sources of a claim and everyone they speak for."""
        out: set[str] = set()
        for s in attributed_sources(claim.attribution):
            out |= self.graph.source_family(s)
        return out

    def document_sources(self, doc_id: str) -> set[str]:
        doc = self.documents[doc_id]
        return self.graph.source_family(doc.source) if doc.source else set()


@attrs.frozen
class Report:
    """All findings of a run, with a summary and an exit code for pipelines."""

    findings: tuple[Finding, ...]
    claims: int = 0
    checks: tuple[str, ...] = ()

    def by_severity(self, severity: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == severity)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.code == code)

    def for_claim(self, claim_id: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.claim_id == claim_id)

    @property
    def summary(self) -> dict[str, Any]:
        counts = {s: 0 for s in SEVERITIES}
        codes: dict[str, int] = {}
        for f in self.findings:
            counts[f.severity] += 1
            codes[f.code] = codes.get(f.code, 0) + 1
        return {"claims": self.claims, "checks": list(self.checks), "findings": len(self.findings),
                "by_severity": counts, "by_code": dict(sorted(codes.items()))}

    def worst(self) -> str | None:
        return max((f.severity for f in self.findings), key=_RANK.__getitem__, default=None)

    def exit_code(self, fail_on: str = "error") -> int:
        """0 when no finding reaches ``fail_on`` (``info``/``warning``/``error``/``never``), else 1."""
        if fail_on == "never":
            return 0
        if fail_on not in _RANK:
            raise ValueError(f"fail_on must be one of {', '.join(SEVERITIES)} or never, not {fail_on!r}")
        return int(any(_RANK[f.severity] >= _RANK[fail_on] for f in self.findings))

    def to_dict(self) -> dict[str, Any]:
        return {"findings": [f.to_dict() for f in self.findings], "summary": self.summary}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per finding (no dependencies), e.g. for csv.DictWriter."""
        rows = []
        for f in self.findings:
            row = f.to_dict()
            row["computed"] = json.dumps(row["computed"], sort_keys=True) if "computed" in row else None
            rows.append(row)
        return rows

    def to_pandas(self) -> Any:
        from .export import _pandas

        return _pandas().DataFrame.from_records(self.to_records())

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __repr__(self) -> str:
        s = self.summary["by_severity"]
        return f"<Report {self.claims} claims · {s['error']} errors · {s['warning']} warnings · {s['info']} info>"

    def _repr_html_(self) -> str:
        from .display import report_html

        return report_html(self)


def run_checks(graph: "ClaimGraph", *, checks: Iterable[str] | None = None) -> Report:
    """Run the named checks (default: all registered) over ``graph``."""
    names = list(CHECKS) if checks is None else list(checks)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise ClaimgraphError(f"unknown check {unknown[0]!r}", hint="known checks: " + ", ".join(CHECKS))
    ctx = CheckContext.build(graph)
    findings: list[Finding] = []
    for name in names:
        ctx.check = name
        try:
            findings.extend(CHECKS[name].function(ctx))
        except Exception as exc:  # a broken check must not hide the others
            findings.append(Finding("CG000", "error", name, f"check {name!r} failed: {type(exc).__name__}: {exc}",
                                    hint="report this; the other checks ran"))
    order = {c.id: i for i, c in enumerate(graph.claims)}
    findings.sort(key=lambda f: (order.get(f.claim_id or "", -1), f.start or 0, f.code, f.quantity_id or ""))
    return Report(tuple(findings), claims=len(graph.claims), checks=tuple(names))


# =============================================================================== the checks
def _q(q: QuantityMention) -> str:
    return f"“{q.text}”"


def _doc_label(doc: Document) -> str:
    return doc.number or doc.title


@register("coverage", codes={"CG101": "a fact-carrying number in the article belongs to no claim"})
def check_coverage(ctx: CheckContext) -> Iterator[Finding]:
    """Every fact-carrying number in the article text belongs to some claim."""
    from .quantities import find_quantities

    claimed = sorted((q.start, q.end) for _, q in ctx.graph.quantities())
    claims = sorted(ctx.graph.claims, key=lambda c: c.start)
    starts = [c.start for c in claims]
    import bisect

    for q in find_quantities(ctx.graph.article.text):
        span = q.span
        i = bisect.bisect_left(claimed, (span.start, -1))
        near = claimed[max(0, i - 1): i + 1]
        if any(s < span.end and span.start < e for s, e in near):
            continue
        j = bisect.bisect_right(starts, span.start) - 1
        owner = claims[j] if j >= 0 and claims[j].end >= span.end else None
        where = f"in claim {owner.id}" if owner else "outside every claim"
        yield Finding(
            "CG101", "error", ctx.check,
            f"the number “{q.text}” at [{span.start}:{span.end}] is {where} but is not one of its quantities",
            hint="add it to the claim's quantities (or add a claim covering its sentence)",
            claim_id=owner.id if owner else None, start=span.start, end=span.end,
        )


@register("trace", codes={
    "CG201": "a number is traced to a primary document (pass)",
    "CG202": "a number is derived from traced numbers (pass)",
    "CG203": "a number has no path to evidence in a primary document and no derivation",
    "CG204": "a number is traced only through a document that credits another, where it was not found",
    "CG205": "a number has evidence only in secondary documents (news coverage)",
})
def check_trace(ctx: CheckContext) -> Iterator[Finding]:
    """Every number traces to a primary origin or to an explicit derivation."""
    partial = [d for d in ctx.documents.values() if d.completeness != "full"]
    for claim, q in ctx.graph.quantities():
        if q.kind in SCOPE_KINDS or claim.kind == "heading" and not ctx.derivations_by_quantity.get(q.id):
            continue
        status = ctx.trace_status(q.id)
        if status == "primary":
            evs = ctx.primary_evidence(q.id)
            relay = _relayed_origin(ctx, evs)
            if relay is not None:
                via, cited = relay
                found = ", ".join(_doc_label(ctx.documents[c]) for c in cited)
                yield ctx.finding(
                    "CG204", "warning", claim,
                    f"{_q(q)} is traced only through {_doc_label(via)} ({via.kind.replace('_', ' ')}), "
                    f"which credits {found}; it was not found in {found}",
                    hint="find the figure in the cited document" + (
                        " (our copy is " + ctx.documents[cited[0]].completeness + ")" if cited else ""),
                    quantity=q, document_id=via.id,
                )
                continue
            docs = sorted({_doc_label(ctx.documents[e.document]) for e in evs})
            rel = sorted({e.relation for e in evs})
            yield ctx.finding("CG201", "info", claim, f"{_q(q)} traced to {', '.join(docs)} ({', '.join(rel)})",
                              quantity=q, evidence_id=evs[0].id, document_id=evs[0].document)
        elif status == "derived":
            d = next(d for d in ctx.derivations_by_quantity[q.id] if all(ctx._operand_traced(o) for o in d.operands))
            yield ctx.finding("CG202", "info", claim, f"{_q(q)} is derived: {d.formula} (operands traced)",
                              quantity=q, computed={"derivation": d.id, "formula": d.formula})
        elif status == "secondary":
            docs = sorted({_doc_label(ctx.documents[e.document]) for e in ctx.evidence_by_quantity[q.id]})
            yield ctx.finding("CG205", "warning", claim,
                              f"{_q(q)} is found only in secondary sources ({', '.join(docs)})",
                              hint="find it in the primary document those sources rely on", quantity=q)
        else:
            note = (f"; {len(partial)} of {len(ctx.documents)} documents are partial copies, so this is "
                    "'not traced', not 'false'") if partial else ""
            yield ctx.finding(
                "CG203", "warning", claim, f"{_q(q)} has no evidence in a primary document and no derivation{note}",
                hint="add evidence from the document it comes from, a derivation, or ask the author for the source",
                quantity=q,
            )


def _relayed_origin(ctx: CheckContext, evs: list[Evidence]) -> tuple[Document, tuple[str, ...]] | None:
    """When all primary evidence lies in documents that cite others, the first such document and its citations."""
    docs = [ctx.documents[e.document] for e in evs]
    if docs and all(d.cites for d in docs):
        return docs[0], docs[0].cites
    return None


@register("evidence", codes={
    "CG301": "a cited passage holds no number compatible with the claim's quantity",
    "CG302": "the passage holds a compatible number (pass)",
})
def check_evidence(ctx: CheckContext) -> Iterator[Finding]:
    """The cited passage holds a number compatible with the claim's quantity (hedges as intervals)."""
    from .matching import _month_only
    from .quantities import Verdict, compare

    for ev in ctx.evidence.values():
        if ev.quantity is None or ev.relation == "derived":
            continue
        q = ctx.quantities[ev.quantity]
        claim = ctx.quantity_claim[ev.quantity]
        mine = q.to_quantity()
        candidates = [c for c in ctx.document_numbers(ev.document, ev.start, ev.end) if _same_family(mine, c)]
        # the whole of an "A of B" count is a fact of its own, which a passage may state apart
        readings = [mine.interval()] + ([Interval.point(mine.denominator)]
                                        if mine.kind.value == "ratio" and mine.denominator else [])
        month = _month_only(mine)
        best = None
        for c in candidates:
            cmp = next((cmp for r in readings for found in _read_as(c, month)
                        if (cmp := compare(found, r)).verdict is not Verdict.CONTRADICTED), None)
            if cmp is not None:
                best = (c, cmp)
                break
        label = _doc_label(ctx.documents[ev.document])
        if best is None:
            seen = ", ".join(f"“{c.text}”" for c in candidates) or "no number of that kind"
            yield ctx.finding(
                "CG301", "error", claim, f"evidence {ev.id} in {label} holds {seen}, nothing compatible with {_q(q)}",
                hint="point the evidence at the passage with the figure, or correct the article's figure",
                quantity=q, evidence_id=ev.id, document_id=ev.document,
                computed={"claimed": str(mine.interval()), "found": [str(c.interval()) for c in candidates]},
            )
        else:
            c, cmp = best
            yield ctx.finding(
                "CG302", "info", claim, f"{_q(q)} matches “{c.text}” in {label}: {cmp.verdict.value}",
                quantity=q, evidence_id=ev.id, document_id=ev.document, computed=cmp.to_dict(),
            )


def _read_as(found: Any, month: bool) -> list[Any]:
    """The intervals a passage's figure gives for a claim's: its own, or for a month named alone
    (``month``: "in March"), the months of the passage's date ("March 2025")."""
    if month and found.date:
        months = [Interval.point(Decimal(int(end[5:7]))) for end in found.date.split("/") if len(end) in (7, 10)]
        return months or [found.interval()]
    return [found.interval()]


def _same_family(a: Any, b: Any) -> bool:
    groups = ({"count", "ratio"}, {"percent", "fraction", "share"}, {"money"}, {"year", "year_range"},
              {"date", "date_range", "year", "year_range"}, {"duration"}, {"measure"}, {"percentage_points"},
              {"range", "count"}, {"ordinal"})
    ka, kb = a.kind.value, b.kind.value
    return ka == kb or any(ka in g and kb in g for g in groups)


@register("attribution", codes={
    "CG401": "the claim credits a source, but its evidence lies only in documents of other sources",
    "CG402": "a factual or numeric claim is credited to a vague group",
    "CG403": "a factual or numeric claim names no source",
    "CG404": "a relayed claim's chain never reaches a primary document",
})
def check_attribution(ctx: CheckContext) -> Iterator[Finding]:
    """Credited sources hold the evidence; attributions are specific; relays reach a primary document."""
    for claim in ctx.graph.claims:
        att = claim.attribution
        evs = ctx.evidence_by_claim.get(claim.id, [])
        if claim.kind in ("factual", "numeric"):
            if att.kind == "vague":
                named = ", ".join(ctx.graph.source(s).name for s in att.named)
                yield ctx.finding("CG402", "warning", claim,
                                  f"credited to a vague group “{att.group}”" + (f" (naming {named})" if named else ""),
                                  hint="say who exactly, or check the named members' own words")
            elif att.kind == "unattributed":
                yield ctx.finding("CG403", "warning" if claim.kind == "numeric" else "info", claim,
                                  "no source is given for this " + claim.kind + " claim",
                                  hint="attribute it to where it comes from" if evs else
                                  "find and name its source")
        credited = ctx.claim_sources(claim)
        if att.kind == "relayed":
            credited.discard(att.via)
        if credited and evs:
            holders = {e.document for e in evs}
            if not any(credited & ctx.document_sources(d) for d in holders):
                names = ", ".join(ctx.graph.source(s).name for s in attributed_sources(att) if s != getattr(att, "via", None))
                where = ", ".join(sorted(_doc_label(ctx.documents[d]) for d in holders))
                yield ctx.finding(
                    "CG401", "error", claim,
                    f"credited to {names}, but its evidence is only in {where}",
                    hint="credit the source whose document holds it, or find it in the credited source",
                    document_id=sorted(holders)[0],
                )
        if att.kind == "relayed" and not any(ctx.documents[e.document].primary for e in evs):
            via = ctx.graph.source(att.via).name
            yield ctx.finding("CG404", "warning", claim,
                              f"relayed through {via}, and the chain never reaches a primary document",
                              hint=f"find what {via} relied on and add it as evidence")


@register("arithmetic", codes={
    "CG501": "a derived number is contradicted by recomputing it from its operands",
    "CG502": "a derived number is consistent with its operands but not entailed by them",
    "CG503": "a derived number is entailed by its operands (pass)",
})
def check_arithmetic(ctx: CheckContext) -> Iterator[Finding]:
    """Derivations recomputed with rounding-aware intervals."""
    from .quantities import Verdict, compare, derive

    for d in ctx.graph.derivations:
        target = ctx.quantities[d.quantity]
        claim = ctx.quantity_claim[d.quantity]
        operands = [_operand_quantity(ctx, o) for o in d.operands]
        if any(o is None for o in operands):
            yield ctx.finding("CG501", "error", claim, f"derivation {d.id}: an operand has no readable number",
                              hint="point each operand at a quantity or an evidence passage with one number",
                              quantity=target)
            continue
        claimed = target.to_quantity()
        computed = derive(d.op, *[o.interval() for o in operands])
        nominal = derive(d.op, *[Interval.point(o.value) for o in operands]).midpoint
        claimed_interval = claimed.as_fraction() if d.op == "ratio" and claimed.as_fraction() is not None else claimed.interval()
        cmp = compare(computed, claimed_interval)
        code, severity, word = {
            Verdict.CONTRADICTED: ("CG501", "error", "contradicted"),
            Verdict.CONSISTENT: ("CG502", "info", "consistent, but not entailed"),
            Verdict.ENTAILED: ("CG503", "info", "entailed (consistent)"),
        }[cmp.verdict]
        yield ctx.finding(
            code, severity, claim,
            f"{_q(target)} = {d.formula}: computed {_fmt(nominal)} from the stated figures; with their hedges "
            f"and rounding {cmp.computed}, claimed {cmp.claimed}: {word}",
            hint=None if severity == "info" else "recheck the figures or the formula",
            quantity=target,
            computed={**cmp.to_dict(), "value": None if nominal is None else str(nominal),
                      "formula": d.formula, "derivation": d.id},
        )


def _operand_quantity(ctx: CheckContext, ref: str) -> Any:
    if ref in ctx.quantities:
        return ctx.quantities[ref].to_quantity()
    ev = ctx.evidence[ref]
    found = ctx.document_numbers(ev.document, ev.start, ev.end)
    return found[0] if len(found) >= 1 else None


def _fmt(value: Decimal | None) -> str:
    if value is None:
        return "?"
    value = value.quantize(Decimal("0.01")) if abs(value) < 1000 else value.quantize(Decimal("1"))
    return f"{value:,}"


@register("quotes", codes={
    "CG601": "a direct quote is verbatim (pass)",
    "CG602": "a direct quote is trimmed: words dropped at either end",
    "CG603": "a direct quote changes bracketed text",
    "CG604": "a direct quote uses an ellipsis for words that are in the source",
    "CG605": "a direct quote alters the source's wording",
    "CG606": "a direct quote has no source passage to check it against",
})
def check_quotes(ctx: CheckContext) -> Iterator[Finding]:
    """Direct quotes against their evidence passages."""
    from .fidelity import quote_fidelity

    codes = {"verbatim": ("CG601", "info"), "trimmed": ("CG602", "warning"), "bracketed_edit": ("CG603", "warning"),
             "ellipsis": ("CG604", "info"), "altered": ("CG605", "error")}
    for claim in ctx.graph.claims:
        if not claim.quotes:
            continue
        passages = [e for e in ctx.evidence_by_claim.get(claim.id, []) if e.relation == "quoted"]
        if claim.attribution.kind != "direct_quote" and not passages:
            continue
        if not passages:
            yield ctx.finding("CG606", "warning", claim, "direct quote with no source passage to check it against",
                              hint="add evidence with relation 'quoted' pointing at the original words")
            continue
        for quote in claim.quotes:
            best = max(((quote_fidelity(quote.text, e.text), e) for e in passages), key=lambda fe: fe[0].similarity)
            fidelity, ev = best
            code, severity = codes[fidelity.kind]
            yield Finding(
                code, severity, ctx.check, f"quote is {fidelity.explain()}",
                hint=None if severity == "info" else "show the reader what was changed, or quote the source in full",
                claim_id=claim.id, start=quote.start, end=quote.end, evidence_id=ev.id, document_id=ev.document,
                computed={"fidelity": fidelity.kind, "similarity": round(fidelity.similarity, 3),
                          "diff": [attrs.asdict(d) for d in fidelity.diffs if d.op != "equal"]},
            )
