"""claimgraph: claim provenance and fact-checking for news articles."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _version

from .errors import (
    AnchorError,
    CaseError,
    ClaimgraphError,
    DocumentError,
    ExportError,
    GraphError,
    ModelError,
    QuantityError,
    SpanError,
)
from .spans import Span, TextQuote
from .quantities import Comparison, Hedge, Interval, Quantity, QuantityKind, Verdict, compare, derive, find_quantities
from .model import Article, Case, Claim, Derivation, Document, Evidence, QuantityMention, QuoteSpan, Source
from .graph import ClaimGraph
from .checks import Finding, Report, register, run_checks
from .case import load, save
from .extract import Analysis, analyze, draft, find_quotes, split_sentences
from .fidelity import Fidelity, quote_fidelity
from .link import DocumentIndex, Linker, read_document
from .graphlink import link_graph

try:
    __version__ = _version("claimgraph")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "unknown"

__all__ = [
    "__version__",
    "AnchorError",
    "CaseError",
    "ClaimgraphError",
    "DocumentError",
    "ExportError",
    "GraphError",
    "ModelError",
    "QuantityError",
    "Span",
    "SpanError",
    "TextQuote",
    "Quantity", "Hedge", "QuantityKind", "Interval", "Comparison", "Verdict", "compare", "derive", "find_quantities",
    "Article", "Case", "Claim", "Derivation", "Document", "Evidence", "QuantityMention", "QuoteSpan", "Source",
    "ClaimGraph", "load", "save",
    "Finding", "Report", "register", "run_checks",
    "Analysis", "analyze", "draft", "find_quotes", "split_sentences",
    "DocumentIndex", "Fidelity", "Linker", "read_document", "link_graph", "quote_fidelity",
]
