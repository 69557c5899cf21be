"""Errors raised by claimgraph.

Every error is a :class:`ClaimgraphError` carrying a stable ``code``, a
message saying what is wrong, an optional ``where`` (``file:line``, claim id,
offsets) and an optional ``hint`` saying how to fix it.  Subclasses also
inherit the matching builtin, so ``except ValueError`` keeps working.

>>> err = SpanError("span end 12 is past the end of the text (10 characters)",
...                 where="article.txt", hint="check the offsets")
>>> print(err)
article.txt: span end 12 is past the end of the text (10 characters) (hint: check the offsets)
>>> err.code
'CG-SPAN'
"""

from __future__ import annotations

__all__ = [
    "ClaimgraphError",
    "SpanError",
    "AnchorError",
    "QuantityError",
    "ModelError",
    "CaseError",
    "GraphError",
    "DocumentError",
    "ExportError",
    "ERROR_CODES",
]


class ClaimgraphError(Exception):
    """Base class of every error claimgraph raises on purpose."""

    code = "CG-ERROR"
    summary = "a claimgraph error"

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def one_line(self) -> str:
        """The error as the CLI prints it: code, place, message and hint on one line."""
        return f"error[{self.code}] " + " ".join(str(self).split())


class SpanError(ClaimgraphError, ValueError):
    code = "CG-SPAN"
    summary = "character offsets are invalid or do not match the text"


class AnchorError(ClaimgraphError, LookupError):
    code = "CG-ANCHOR"
    summary = "a quoted passage was not found in its text, or was found more than once"


class QuantityError(ClaimgraphError, ValueError):
    code = "CG-QUANTITY"
    summary = "a phrase could not be read as a quantity"


class ModelError(ClaimgraphError, ValueError):
    code = "CG-MODEL"
    summary = "data does not fit the claimgraph model (wrong field, kind or type)"


class CaseError(ClaimgraphError, ValueError):
    code = "CG-CASE"
    summary = "a case folder or annotation file cannot be read"


class GraphError(ClaimgraphError, KeyError):
    code = "CG-GRAPH"
    summary = "a node or relation is missing from the claim graph"

    def __str__(self) -> str:  # KeyError would repr() the message
        return ClaimgraphError.__str__(self)


class DocumentError(ClaimgraphError, ValueError):
    code = "CG-DOCUMENT"
    summary = "a source document cannot be read (missing, empty, unknown encoding, unreadable PDF)"


class ExportError(ClaimgraphError, ValueError):
    code = "CG-EXPORT"
    summary = "data cannot be written or read in the requested format"


#: Every error code, mapped to its class (documented in docs/reference/errors.md).
ERROR_CODES: dict[str, type[ClaimgraphError]] = {
    cls.code: cls
    for cls in (
        ClaimgraphError,
        SpanError,
        AnchorError,
        QuantityError,
        ModelError,
        CaseError,
        GraphError,
        DocumentError,
        ExportError,
    )
}
