"""The claimgraph data model: what is read from and written to files.

Every model is a frozen pydantic v2 model that rejects unknown fields, so a
misspelt field is an error rather than silently dropped.  Offsets are
half-open character indices into the exact text of the article (for claims,
quotes and quantities) or of a document (for evidence); the text at those
offsets must equal the stored text, and :meth:`Case.validate_offsets` checks it
for every claim, quote, quantity and evidence passage.

The attribution of a claim is a tagged union on ``kind``:

>>> a = Claim.model_validate({"id": "c1", "start": 0, "end": 5, "text": "Hello",
...     "kind": "factual", "attribution": {"kind": "vague", "group": "critics"}})
>>> type(a.attribution).__name__
'VagueAttribution'
>>> Claim.model_validate({"id": "c1", "start": 0, "end": 5, "text": "Hello",
...     "kind": "factual", "attribution": {"kind": "rumour"}})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Claim
attribution
  Input tag 'rumour' found using 'kind' does not match any of the expected tags: ...
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Iterable, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .quantities import Hedge, QuantityKind
from .spans import Span

if TYPE_CHECKING:  # pragma: no cover
    from .quantities import Quantity

__all__ = [
    "FORMAT_VERSION",
    "Article",
    "Attribution",
    "Case",
    "Claim",
    "ClaimKind",
    "Derivation",
    "DirectQuoteAttribution",
    "Document",
    "DocumentKind",
    "Evidence",
    "EvidenceRelation",
    "ParaphraseAttribution",
    "QuantityMention",
    "QuoteSpan",
    "RelayedAttribution",
    "Source",
    "SourceKind",
    "UnattributedAttribution",
    "VagueAttribution",
    "claim_id_for",
]

#: Version of the native JSON format written by :func:`claimgraph.save`.
FORMAT_VERSION = "1.0"

_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,127}$"
Id = Annotated[str, Field(pattern=_ID_PATTERN, description="a stable identifier: letters, digits and . _ : / # -")]

ClaimKind = Literal["numeric", "quote", "factual", "opinion", "heading"]
SourceKind = Literal[
    "person", "organization", "government_body", "document", "news_outlet", "vague_group", "dataset"
]
DocumentKind = Literal[
    "government_report",
    "press_statement",
    "letter",
    "news_article",
    "dataset",
    "court_filing",
    "research_report",
    "transcript",
    "other",
]
Completeness = Literal["full", "excerpt", "summary", "unknown"]
EvidenceRelation = Literal["verbatim", "rounded", "rehedged", "paraphrase", "derived", "quoted"]
# The numbers layer's enums are the single source of these names.
HedgeName = Literal[tuple(h.value for h in Hedge)]  # type: ignore[valid-type]
QuantityKindName = Literal[tuple(k.value for k in QuantityKind)]  # type: ignore[valid-type]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="null")


class _Spanned(_Frozen):
    start: int = Field(ge=0, description="first character, 0-based")
    end: int = Field(ge=0, description="one past the last character")
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> "_Spanned":
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"[{self.start}, {self.end}) covers {self.end - self.start} characters but text has {len(self.text)}"
            )
        return self

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class Source(_Frozen):
    """Who or what a claim is credited to."""

    id: Id
    name: str = Field(min_length=1)
    kind: SourceKind
    role: str | None = Field(None, description='e.g. "DHS Inspector General"')
    affiliation: Id | None = Field(None, description="id of the organisation this source speaks for")
    external_id: str | None = Field(None, description="Wikidata QID (Q…) or a URL")
    aliases: tuple[str, ...] = ()
    description: str | None = None

    @field_validator("external_id")
    @classmethod
    def _external(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"Q[1-9][0-9]*|https?://\S+", value):
            raise ValueError("external_id must be a Wikidata QID such as Q123 or an http(s) URL")
        return value


class Document(_Frozen):
    """A source document: a report, press statement, letter, news article or dataset."""

    id: Id
    title: str
    source: Id | None = Field(None, description="id of the issuing source (agency, office, outlet)")
    kind: DocumentKind = "other"
    primary: bool = Field(description="whether this document is a primary origin of what it says")
    completeness: Completeness = Field("unknown", description="how complete our copy of the document is")
    coverage_note: str | None = None
    date: str | None = Field(None, description="ISO date, possibly partial: 2024, 2024-09, 2024-08-19")
    url: str | None = None
    number: str | None = Field(None, description='the issuer\'s number, e.g. "OIG-24-46"')
    cites: tuple[Id, ...] = Field((), description="ids of documents this one credits for its content")
    path: str | None = Field(None, description="file the text was read from, relative to the case")
    text: str

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise ValueError("date must be ISO: YYYY, YYYY-MM or YYYY-MM-DD")
        return value

    def page_of(self, offset: int) -> int:
        """1-based page holding ``offset``, counting form feeds (``\\f``) as page breaks."""
        return self.text.count("\f", 0, offset) + 1


class Article(_Frozen):
    """The article under analysis."""

    id: Id = "article"
    title: str | None = None
    outlet: str | None = Field(None, description="who published this copy")
    credit: str | None = Field(None, description='who the article credits, e.g. "The Center Square"')
    url: str | None = None
    date: str | None = None
    path: str | None = None
    text: str


class QuantityMention(_Spanned):
    """A number in the article, as the numbers layer read it (offsets into the article)."""

    id: Id
    value: Decimal
    hedge: HedgeName = "exact"
    kind: QuantityKindName = "count"
    unit: str | None = None
    noun: str | None = None
    high: Decimal | None = None
    denominator: Decimal | None = None
    scope: str | None = None
    date: str | None = None

    def to_quantity(self) -> "Quantity":
        from .quantities import Quantity

        return Quantity(
            text=self.text,
            value=self.value,
            hedge=Hedge(self.hedge),
            kind=QuantityKind(self.kind),
            unit=self.unit,
            noun=self.noun,
            high=self.high,
            denominator=self.denominator,
            scope=self.scope,
            span=self.span,
            date=self.date,
        )

    @classmethod
    def from_quantity(cls, quantity: "Quantity", id: str, *, offset: int = 0) -> "QuantityMention":
        span = quantity.span or Span(0, len(quantity.text))
        return cls(
            id=id,
            start=span.start + offset,
            end=span.end + offset,
            text=quantity.text,
            value=quantity.value,
            hedge=quantity.hedge.value,
            kind=quantity.kind.value,
            unit=quantity.unit,
            noun=quantity.noun,
            high=quantity.high,
            denominator=quantity.denominator,
            scope=quantity.scope,
            date=quantity.date,
        )


class QuoteSpan(_Spanned):
    """The words inside quotation marks (marks excluded), offsets into the article."""


class _AttributionBase(_Frozen):
    cue: str | None = Field(None, description='the words that attribute: "stated", "according to", "the report reads"')


class DirectQuoteAttribution(_AttributionBase):
    """The claim reproduces someone's words inside quotation marks."""

    kind: Literal["direct_quote"] = "direct_quote"
    source: Id


class ParaphraseAttribution(_AttributionBase):
    """Indirect speech or a reported finding with a named source."""

    kind: Literal["paraphrase"] = "paraphrase"
    source: Id


class RelayedAttribution(_AttributionBase):
    """An outlet reports what someone else found ("The Center Square reports")."""

    kind: Literal["relayed"] = "relayed"
    via: Id = Field(description="the outlet that relays")
    source: Id | None = Field(None, description="the original source the outlet relays, when known")


class UnattributedAttribution(_AttributionBase):
    """No source is given."""

    kind: Literal["unattributed"] = "unattributed"


class VagueAttribution(_AttributionBase):
    """Credited to an unnamed group ("critics", "officials"), perhaps naming some members."""

    kind: Literal["vague"] = "vague"
    group: str = Field(min_length=1, description='the group as written, e.g. "critics"')
    named: tuple[Id, ...] = Field((), description='sources named as members ("including Senator Grassley")')


Attribution = Annotated[
    Union[
        DirectQuoteAttribution,
        ParaphraseAttribution,
        RelayedAttribution,
        UnattributedAttribution,
        VagueAttribution,
    ],
    Field(discriminator="kind"),
]


def attributed_sources(attribution: Any) -> tuple[str, ...]:
    """Ids of the sources an attribution credits (the relaying outlet last)."""
    kind = attribution.kind
    if kind in ("direct_quote", "paraphrase"):
        return (attribution.source,)
    if kind == "relayed":
        return tuple(s for s in (attribution.source, attribution.via) if s)
    if kind == "vague":
        return attribution.named
    return ()


class Claim(_Spanned):
    """One statement of the article, typed, with its attribution and quantities."""

    id: Id
    kind: ClaimKind
    attribution: Attribution = Field(default_factory=UnattributedAttribution)
    quantities: tuple[QuantityMention, ...] = ()
    quotes: tuple[QuoteSpan, ...] = ()
    note: str | None = None

    @model_validator(mode="after")
    def _inside(self) -> "Claim":
        for part in (*self.quantities, *self.quotes):
            if not (self.start <= part.start and part.end <= self.end):
                raise ValueError(
                    f"{part.text!r} at [{part.start}, {part.end}) lies outside the claim [{self.start}, {self.end})"
                )
        return self


class Evidence(_Spanned):
    """A passage of a document that supports (part of) a claim; offsets into the document."""

    id: Id
    claim: Id
    document: Id
    quantity: Id | None = Field(None, description="the quantity this passage is evidence for, if one")
    relation: EvidenceRelation
    page: int | None = Field(None, ge=1)
    section: str | None = None
    origin: Literal["annotation", "linker"] = "annotation"
    score: float | None = Field(None, ge=0, le=1)
    note: str | None = None


class Derivation(_Frozen):
    """A quantity computed from other quantities, with the formula kept."""

    id: Id
    quantity: Id = Field(description="the derived quantity (a QuantityMention id)")
    op: Literal["ratio", "share_percent", "percent_of", "sum", "difference", "product"]
    operands: tuple[Id, ...] = Field(min_length=1, description="QuantityMention or Evidence ids, in formula order")
    formula: str = Field(description='human-readable, e.g. "291,000 / 448,000 × 100"')
    note: str | None = None


class Case(_Frozen):
    """A whole case: the article, its claims, the sources, documents, evidence and derivations."""

    format_version: str = FORMAT_VERSION
    article: Article
    sources: tuple[Source, ...] = ()
    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    derivations: tuple[Derivation, ...] = ()

    @field_validator("format_version")
    @classmethod
    def _version(cls, value: str) -> str:
        if value.split(".")[0] != FORMAT_VERSION.split(".")[0]:
            raise ValueError(
                f"format_version {value!r} is not readable by this claimgraph (reads {FORMAT_VERSION.split('.')[0]}.x)"
            )
        return value

    @model_validator(mode="after")
    def _references(self) -> "Case":
        _check_references(self)
        return self

    def validate_offsets(self) -> None:
        """Check every stored text against the article or document text at its offsets."""
        text = self.article.text
        for claim in self.claims:
            where = f"claim {claim.id}"
            claim.span.check(text, expected=claim.text, where=where)
            for part in (*claim.quantities, *claim.quotes):
                part.span.check(text, expected=part.text, where=where)
        docs = {d.id: d for d in self.documents}
        for ev in self.evidence:
            ev.span.check(docs[ev.document].text, expected=ev.text, where=f"evidence {ev.id} in {ev.document}")


def _duplicates(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    dup = []
    for i in ids:
        if i in seen:
            dup.append(i)
        seen.add(i)
    return dup


def _check_references(case: Case) -> None:
    """Every id unique; every reference points at something that exists."""
    for label, items in (
        ("source", case.sources),
        ("document", case.documents),
        ("claim", case.claims),
        ("evidence", case.evidence),
        ("derivation", case.derivations),
    ):
        dup = _duplicates(i.id for i in items)
        if dup:
            raise ValueError(f"duplicate {label} id {dup[0]!r}")
    quantity_ids = [q.id for c in case.claims for q in c.quantities]
    dup = _duplicates(quantity_ids)
    if dup:
        raise ValueError(f"duplicate quantity id {dup[0]!r}")
    sources = {s.id for s in case.sources}
    documents = {d.id for d in case.documents}
    claims = {c.id for c in case.claims}
    quantities = set(quantity_ids)
    evidence = {e.id for e in case.evidence}

    def need(kind: str, ref: str | None, pool: set[str], where: str) -> None:
        if ref is not None and ref not in pool:
            raise ValueError(f"{where} refers to unknown {kind} {ref!r}{_did_you_mean(ref, pool)}")

    for s in case.sources:
        need("source", s.affiliation, sources, f"source {s.id}")
    for d in case.documents:
        need("source", d.source, sources, f"document {d.id}")
        for cited in d.cites:
            need("document", cited, documents, f"document {d.id}")
    for c in case.claims:
        for ref in (*attributed_sources(c.attribution),):
            need("source", ref, sources, f"claim {c.id}")
    for e in case.evidence:
        need("claim", e.claim, claims, f"evidence {e.id}")
        need("document", e.document, documents, f"evidence {e.id}")
        need("quantity", e.quantity, quantities, f"evidence {e.id}")
    operands = quantities | evidence
    for d in case.derivations:
        need("quantity", d.quantity, quantities, f"derivation {d.id}")
        for op in d.operands:
            need("quantity or evidence", op, operands, f"derivation {d.id}")


def _did_you_mean(ref: str, pool: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(ref, sorted(pool), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def claim_id_for(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A stable claim id from the claim's own words (edits elsewhere leave it unchanged).

    >>> claim_id_for("ICE transferred more than 448,000 unaccompanied minors.")
    'c-3207d8d8'
    >>> claim_id_for("ICE  transferred more than 448,000 unaccompanied minors.") == claim_id_for(
    ...     "ICE transferred more than 448,000 unaccompanied minors.")
    True
    """
    norm = " ".join(text.split()).casefold().encode("utf-8", "surrogatepass")
    base = "c-" + hashlib.sha256(norm).hexdigest()[:8]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def span_of(model: Any) -> Span:
    """The article or document span of a spanned model."""
    return Span(model.start, model.end)


__all__ += ["attributed_sources", "span_of"]

