"""Character spans and text-quote selectors.

Offsets are the ground truth in claimgraph: a :class:`Span` is a half-open
``[start, end)`` range of Python string indices into the exact text as read.
A :class:`TextQuote` anchors a passage by quoting it (``exact`` plus optional
``prefix``/``suffix``, as a W3C Web Annotation ``TextQuoteSelector``), so a
person never types offsets by hand.

>>> text = "ICE transferred more than 448,000 UCs. ICE reported more than 32,000."
>>> span = TextQuote("more than 448,000").locate(text)
>>> span, span.of(text)
(Span(start=16, end=33), 'more than 448,000')
>>> TextQuote("ICE").locate(text)
Traceback (most recent call last):
...
claimgraph.errors.AnchorError: 'ICE' occurs 2 times (at 0, 39) (hint: add a prefix or suffix ...)
"""

from __future__ import annotations

import re
from typing import Iterator

import attrs

from .errors import AnchorError, SpanError

__all__ = ["Span", "TextQuote", "line_col", "normalize_for_match"]

#: How many characters of prefix/suffix :meth:`TextQuote.from_span` keeps.
CONTEXT_CHARS = 32


def _check_offsets(instance: "Span", attribute: object, value: int) -> None:
    if instance.start < 0 or instance.end < instance.start:
        raise SpanError(
            f"invalid span [{instance.start}, {instance.end}): need 0 <= start <= end",
            hint="offsets are half-open Python string indices",
        )


@attrs.frozen(order=True)
class Span:
    """A half-open ``[start, end)`` range of character offsets."""

    start: int = attrs.field(converter=int)
    end: int = attrs.field(converter=int, validator=_check_offsets)

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The text this span covers; raises :class:`SpanError` if it runs past the text."""
        self.check(text)
        return text[self.start : self.end]

    def check(self, text: str, *, expected: str | None = None, where: str | None = None) -> None:
        """Check the span lies inside ``text`` (and covers ``expected``, if given)."""
        if self.end > len(text):
            raise SpanError(
                f"span [{self.start}, {self.end}) runs past the end of the text ({len(text)} characters)",
                where=where,
                hint="the text may have changed since the offsets were made; re-anchor with TextQuote",
            )
        if expected is not None and text[self.start : self.end] != expected:
            found = text[self.start : self.end]
            raise SpanError(
                f"text at [{self.start}, {self.end}) is {_clip(found)!r}, expected {_clip(expected)!r}",
                where=where,
                hint="the offsets and the quoted text disagree; re-anchor with TextQuote or fix the offsets",
            )

    def overlaps(self, other: "Span") -> bool:
        """True when the spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def shift(self, offset: int) -> "Span":
        return Span(self.start + offset, self.end + offset)

    def union(self, other: "Span") -> "Span":
        return Span(min(self.start, other.start), max(self.end, other.end))

    def as_tuple(self) -> tuple[int, int]:
        return (self.start, self.end)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``.

    >>> line_col("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


_QUOTE_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " ",
        "\u2009": " ", "\u202f": " ",
    }
)
_SPACE_RUN = re.compile(r"\s+")


def normalize_for_match(text: str) -> str:
    """Fold typographic quotes, dashes and runs of white space (for lenient matching).

    The result is not offset-preserving; use :meth:`TextQuote.locate` for offsets.

    >>> normalize_for_match("“Lax  vetting”—it\\nsaid")
    '"Lax vetting"-it said'

    A word hyphenated at a line end, as text from a typeset PDF has it, is joined:

    >>> normalize_for_match("the required inspec-\\ntions")
    'the required inspections'
    """
    return _SPACE_RUN.sub(" ", _LINE_BREAK_HYPHEN.sub("", text).translate(_QUOTE_FOLD))


_LINE_BREAK_HYPHEN = re.compile(r"(?<=[a-z])-\n(?=[a-z])")


@attrs.frozen
class TextQuote:
    """Anchor a passage by quoting it: ``exact`` text with optional ``prefix`` and ``suffix``.

    ``prefix`` must end right before ``exact`` and ``suffix`` begin right after it,
    as in a W3C Web Annotation ``TextQuoteSelector``.
    """

    exact: str
    prefix: str = ""
    suffix: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.exact:
            raise AnchorError("a text quote needs non-empty 'exact' text", hint="quote the passage to anchor")

    def _candidates(self, text: str) -> Iterator[int]:
        start = text.find(self.exact)
        while start != -1:
            end = start + len(self.exact)
            if text.startswith(self.suffix, end) and (
                not self.prefix or (start >= len(self.prefix) and text.startswith(self.prefix, start - len(self.prefix)))
            ):
                yield start
            start = text.find(self.exact, start + 1)

    def find_all(self, text: str) -> list[Span]:
        """Every span of ``text`` this quote matches (exact characters, prefix and suffix)."""
        return [Span(s, s + len(self.exact)) for s in self._candidates(text)]

    def find_all_spacing(self, text: str) -> list[Span]:
        """Matches where white space may differ (a line break for a space, two spaces for one).

        Prefix and suffix are matched the same way.  Used when a quote copied from a
        wrapped document does not match character for character.
        """
        words = self.exact.split()
        if not words:
            return []
        pattern = re.compile(r"\s+".join(map(re.escape, words)))
        pre = self.prefix.split()
        suf = self.suffix.split()
        found = []
        for m in pattern.finditer(text):
            if pre:
                head = re.search(r"\s*".join(map(re.escape, pre)) + r"\s*\Z", text[max(0, m.start() - 4 * len(self.prefix) - 8) : m.start()])
                if head is None:
                    continue
            if suf:
                tail = re.compile(r"\s*" + r"\s*".join(map(re.escape, suf))).match(text, m.end())
                if tail is None:
                    continue
            found.append(Span(m.start(), m.end()))
        return found

    def locate(self, text: str, *, where: str | None = None, nth: int | None = None) -> Span:
        """The one span this quote matches in ``text``.

        Raises :class:`AnchorError` when the passage is absent (with the closest
        lenient match, if typographic quotes or spacing differ) or occurs more than
        once (give a ``prefix``/``suffix`` or ``nth``, 1-based).
        """
        spans = self.find_all(text) or self.find_all_spacing(text)
        if nth is not None:
            if 1 <= nth <= len(spans):
                return spans[nth - 1]
            raise AnchorError(
                f"{_clip(self.exact)!r} occurrence {nth} requested but it occurs {len(spans)} time(s)",
                where=where,
                hint="use an occurrence number between 1 and the count, or a prefix/suffix",
            )
        if len(spans) == 1:
            return spans[0]
        if not spans:
            raise AnchorError(self._not_found_message(text), where=where, hint=self._not_found_hint(text))
        at = ", ".join(str(s.start) for s in spans[:5]) + (", …" if len(spans) > 5 else "")
        raise AnchorError(
            f"{_clip(self.exact)!r} occurs {len(spans)} times (at {at})",
            where=where,
            hint="add a prefix or suffix (the words just before or after it), or an occurrence number",
        )

    def _not_found_message(self, text: str) -> str:
        return f"{_clip(self.exact)!r} was not found" + (
            " with the given prefix/suffix" if (self.prefix or self.suffix) and self.exact in text else ""
        )

    def _not_found_hint(self, text: str) -> str:
        if (self.prefix or self.suffix) and self.exact in text:
            return "the passage exists, but not next to that prefix/suffix; check them character by character"
        lenient = normalize_for_match(self.exact).casefold()
        if lenient and lenient in normalize_for_match(text).casefold():
            return "it differs only in quote marks, dashes or capitals; copy the passage exactly from the text"
        return "copy the passage exactly from the text (quotes are matched character for character)"

    @classmethod
    def from_span(cls, text: str, span: Span, context: int = CONTEXT_CHARS) -> "TextQuote":
        """A quote for ``span`` with enough prefix/suffix to be unique in ``text``."""
        exact = span.of(text)
        if not exact:
            raise AnchorError("cannot quote an empty span", hint="give a span with start < end")
        quote = cls(exact)
        if len(quote.find_all(text)) == 1:
            return quote
        for width in range(8, context + 1, 8):
            quote = cls(exact, text[max(0, span.start - width) : span.start], text[span.end : span.end + width])
            if len(quote.find_all(text)) == 1:
                return quote
        return quote

    def reanchor(self, text: str, *, near: int | None = None, where: str | None = None) -> Span:
        """Locate this quote in a changed text; when ambiguous, prefer the match nearest ``near``."""
        spans = self.find_all(text) or TextQuote(self.exact).find_all(text)
        if len(spans) == 1:
            return spans[0]
        if spans and near is not None:
            return min(spans, key=lambda s: (abs(s.start - near), s.start))
        return self.locate(text, where=where)
