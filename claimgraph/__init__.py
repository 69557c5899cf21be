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

try:
    __version__ = _version("claimgraph")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

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
]
