"""The parts of an article figure that a document may state apart.

"1,587 of the agency's 6,412 vehicles" is one number of a draft but two facts, and so are the
two ends of a range ("from 35 to 1,800", "between 2019 and 2025"); a report often states
each on its own.  :func:`figure_parts` splits such a figure into its two parts, each with
its own span in the article, and :class:`~claimgraph.link.Linker` links each
(:meth:`~claimgraph.link.Linker.link_parts`).

>>> from claimgraph.quantities import find_quantities
>>> [p.text for p in figure_parts(find_quantities("It fixed 1,587 of the agency's 6,412 vehicles.")[0])]
['1,587', '6,412']
"""

from __future__ import annotations

import re

import attrs

from .index import NumberLink
from .matching import _kind
from .quantities import Quantity, find_quantities
from .spans import Span

__all__ = ["figure_parts"]

#: The "of" between the two counts of a part and its whole ("1,587 of the agency's 6,412").
_OF_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+")
#: The two ends of a range ("from 35 to 1,800", "between July 14 and Dec. 31, 2025", "2019-2025").
_RANGE_ENDS = re.compile(r"(?i)\A(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:\bto\b|\bthrough\b|\band\b|[-\u2013\u2014])\s*(?P<b>.+)\Z")
#: The kinds of range whose two ends are facts of their own.
_RANGE_KINDS = frozenset({"range", "year_range", "date_range"})


def figure_parts(quantity: Quantity) -> tuple[Quantity, Quantity] | None:
    """The two facts of an article figure that a document may state apart, each with its own span:
    the part and the whole of an "A of B" count ("1,587 of the agency's 6,412 vehicles") and the two
    ends of a range ("from 35 to 1,800", "between 2019 and 2025", "July 2023 through June 2025").
    ``None`` for any other figure: a rate ("4.1 per 100"), a share in words ("one in five"), "one of
    the eight field offices" (one of a group: its whole is read with it, see ``_relation``) or a
    range whose ends the story writes short ("2024-25")."""
    q, kind = quantity, _kind(quantity)
    if q.span is None:
        return None
    if kind == "ratio":
        if not q.denominator or q.value != q.value.to_integral_value() or q.value == 1:
            return None
        m = _OF_WHOLE.search(q.text)
        if m is None:
            return None
        left, right = find_quantities(q.text[: m.start()]), find_quantities(q.text[m.end() :])
        if len(left) != 1 or not right or left[0].value != q.value or right[-1].value != q.denominator:
            return None
        (a, b), at = (left[0], right[-1]), q.span.start
        return (attrs.evolve(a, span=Span(at + a.span.start, at + a.span.end), noun=q.noun),
                attrs.evolve(b, span=Span(at + m.end() + b.span.start, at + m.end() + b.span.end), noun=q.noun))
    if kind not in _RANGE_KINDS or q.high is None or (m := _RANGE_ENDS.match(q.text)) is None:
        return None
    ends = []
    for name, value in (("a", q.value), ("b", q.high)):
        try:
            end = Quantity.parse(m.group(name))
        except ValueError:
            return None
        if end.value != value and not (kind == "date_range" and end.date and q.date
                                       and any(e.endswith(end.date.lstrip("-")) for e in q.date.split("/"))):
            return None
        ends.append(attrs.evolve(end, span=Span(q.span.start + m.start(name), q.span.start + m.end(name)),
                                 noun=q.noun if kind == "range" else end.noun))
    return ends[0], ends[1]


def _figure_of(link: NumberLink) -> Quantity | None:
    """The passage figure a direct link reads, parsed as one phrase (a range of dates is no figure of a
    sentence alone); None for a derivation or a text that reads as no figure."""
    if link.relation == "derived":
        return None
    try:
        return Quantity.parse(link.quantity_text)
    except ValueError:
        return None


def _states_part(figure: Quantity | None, part: Quantity) -> bool:
    """Whether a passage's ``figure`` (see :func:`_figure_of`) states ``part`` of an article figure
    (see :func:`figure_parts`): its value, or for a day or a month, the date an end of its range has
    ("Oct. 1" in "October 1, 2025-March 28, 2026")."""
    if figure is None:
        return False
    if part.date:
        return part.date.lstrip("-") in (figure.date or "")
    return part.value in (figure.value, figure.high, figure.denominator)
