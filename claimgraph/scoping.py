"""How a year, a date, a duration or a small count of an article sentence is linked.

Such a number says little on its own ("in 2024", "five years", "six"): it scopes the figure
beside it ("79,384 deaths in 2024"), so its evidence is the passage that gives that figure.
:class:`Scoping` is the part of :class:`~claimgraph.link.Linker` that reads it so: candidates in
the passage (or block) a sibling figure of the sentence was linked to are raised; a number of
years may be the span between two years that passage gives; and a year or a small count alone in
its sentence needs a strong match, the same word before it ("since 2012"), or a document
counting the same noun ("all six recommendations").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Iterator, Mapping, Sequence

import attrs

from .derivations import _THROUGH, _Entry
from .index import NUMBER_MIN_SCORE, DocumentIndex, NumberLink
from .matching import _TWO_SIDED, _fmt, _hedge, _is_day, _kind
from .numbase import _prev_word
from .passages import _content_stems
from .quantities import Quantity
from .tables import table_head_span
from .yearspans import row_span, span_to_other_year, stated_span, years_formula

__all__ = ["Scoping"]

#: A small count alone in its sentence is linked to a statement counting the same noun ("six
#: recommendations") scoring at least this ...
COUNTED_ALIKE_MIN_SCORE = 0.15
#: ... when the document counts that noun with no other small number (under
#: :data:`~claimgraph.index.SMALL_COUNT`: "six of the 50 states" counts six states, not 50) ...
#: ... and is given at least this score (9 of the 11 such links on the studied corpora were right).
COUNTED_ALIKE_SCORE = 0.6

#: Words before a year that tell which of its statements a document's is ("since 2012", "until 2031").
_YEAR_LEADS = frozenset({"since", "until", "through", "before", "after", "to"})

#: How far a year, date or small count is lifted toward 1 when the passage (or block)
#: holds the figure its article sentence was linked to.
SCOPE_PASSAGE_LIFT = 0.6
SCOPE_BLOCK_LIFT = 0.25

#: Score a year, date or small count needs when every figure of its sentence is absent
#: (a figure: anything not scoping and at least as telling as "about 6%").
ORPHAN_SCOPE_MIN_SCORE = 0.8

#: A year the passage of no figure of its sentence gives is linked only at this score or more:
#: a bare year ("since 2019") matches a passage of almost any report.
YEAR_ALONE_MIN_SCORE = 0.7

#: A number of years read as the span between two years of a sibling figure's passage
#: scores this much of that figure's link.
YEAR_SPAN_FACTOR = 0.85
#: a span of years read from the sentence before the one a sibling figure was linked to
PREVIOUS_SPAN_FACTOR = 0.9


class Scoping:
    """The linking of years, dates, durations and small counts beside the figures of their
    sentence; mixed into :class:`~claimgraph.link.Linker`, which gives ``indexes``, ``_by_id``
    and ``_direct``."""

    indexes: list[DocumentIndex]
    _by_id: dict[str, DocumentIndex]

    def _rescope(self, q: Quantity, context: tuple[str, str, bool], anchors: Sequence[NumberLink],
                 strong_siblings: bool, restated: Sequence[NumberLink] = (), apart: bool = False,
                 led_by: str = "") -> list[NumberLink]:
        """Links for a year, date, duration or small count, read with the figures beside it
        (``apart``: a number of years the article follows with "earlier", "later" ...).

        Such a number scopes the figure it stands next to ("79,384 deaths in 2024"), so
        its evidence is the passage that gives that figure: candidates in a passage
        (or block) where a sibling number of the same article sentence was linked are
        raised, the nearest sibling's first; then those in the other passages that state a
        sibling well (``restated``: "climb 2.3% in 2026" beside the table row the 2.3% was
        linked to); when the sentence's specific figures were all found absent, the
        scoping number needs a strong match of its own to be linked.
        """
        # each raised passage with its rank: the anchors' by nearness, then a range's or a date's
        # year (len(anchors)), then the restatements; unraised passages come last
        ranks: dict[tuple[str, int], int] = {}
        for rank, a in enumerate(anchors):
            ranks.setdefault((a.document, a.passage.start), rank)
        for rank, a in enumerate(restated, start=len(anchors) + 1):
            ranks.setdefault((a.document, a.passage.start), rank)
        unraised = len(anchors) + len(restated) + 1
        anchored = list(self._anchor_passages(anchors))
        blocks = {(a.document, ix._owner[pi]) for a, ix, pi in anchored}
        # the caption and column heads over a table row a sibling was linked to ("in 2023" beside
        # a cell under "2023 ($)", in "Table A. ... 2023 and 2024"; a date of a caption's "as of")
        heads = [(a.document, *head) for a, ix, pi in anchored
                 if (head := table_head_span(ix, pi)) is not None] if _kind(q) in ("year", "date") else []
        # a day ("the Oct. 16, 2024, deadline") is a fact of its own, not only a scope
        threshold = NUMBER_MIN_SCORE if anchors or not strong_siblings or _is_day(q) else ORPHAN_SCOPE_MIN_SCORE
        found: list[tuple[float, int, NumberLink]] = []
        direct = self._direct(q, *context)
        for ix in self.indexes:
            for lk in direct[ix.doc_id]:
                pi = ix._passage_at(lk.span.start)
                rank = ranks.get((lk.document, lk.passage.start), unraised)
                in_block = (pi is not None and (lk.document, ix._owner[pi]) in blocks) or any(
                    doc == lk.document and lo <= lk.span.start < hi for doc, lo, hi in heads)
                lift = SCOPE_PASSAGE_LIFT if rank < unraised else SCOPE_BLOCK_LIFT if in_block else 0.0
                score = round(lk.score + (1 - lk.score) * lift, 4)
                # a year alone needs a strong match, or the same word before it ("since 2012" for "have
                # increased each year since 2012")
                led = not anchors and led_by in _YEAR_LEADS and ix.primary \
                    and _prev_word(ix.text, lk.span.start) == led_by
                alone = lift == 0 and _kind(q) == "year" and not led
                if score >= (max(threshold, YEAR_ALONE_MIN_SCORE) if alone else threshold):
                    found.append((lift, rank, attrs.evolve(lk, score=score)))
        if _kind(q) == "year" and not any(rank < len(anchors) for _, rank, _ in found):
            # "up 330% since 2019" beside "During 2019-2025, ... increased 330%": an end of the range;
            # "at the start of 2025" beside "the January 1, 2025, inventory": the year of a day
            found += [(SCOPE_PASSAGE_LIFT, len(anchors), lk) for lk in self._years_within(q, anchors)
                      if lk.score >= threshold]
        # a candidate beside the sentence's figure comes first, however well another one scores
        found.sort(key=lambda x: (-x[0], x[1], not x[2].primary, -x[2].score,
                                  x[2].span.start))
        best: dict[str, NumberLink] = {}
        if _kind(q) == "duration" and q.unit == "year" and not (found and found[0][0] > 0):
            # "two years earlier" beside figures linked to "FY 2023" and "FY 2025": the span between
            # them, before any statement of "two years" away from the sentence's figures
            counted = []  # "From 2020 through 2024" as "five years" counts both ends: a reading that
            # gives way to a statement of the number of years
            for lk, both_ends in self._year_spans(q, anchors, apart):
                if lk.score >= threshold:
                    if both_ends:
                        counted.append(lk)
                    else:
                        best.setdefault(lk.document, lk)
            if not found:
                found = [(0.0, unraised, lk) for lk in counted]
        if not found and _kind(q) == "count" and q.noun and not anchors:
            # "agreed with all six recommendations" for "concurred with ... all six recommendations": a
            # small count with the same noun right after it in a primary document, stated there once
            found = [(0.0, unraised, lk) for lk in self._counted_alike(q, direct)]
        for _, _, lk in found:  # the best link in each document, as number_links gives
            best.setdefault(lk.document, lk)
        return list(best.values())

    def _counted_alike(self, q: Quantity, direct: Mapping[str, Sequence[NumberLink]]) -> list[NumberLink]:
        """A small count's statements in a primary document that count the same noun as the article
        ("six recommendations"), when that document counts that noun with no other small number."""
        noun = _content_stems(q.noun or "")
        if not noun:
            return []
        out = []
        for ix in self.indexes:
            if not ix.primary:
                continue
            alike = [lk for lk in direct[ix.doc_id] if lk.relation == "verbatim" and lk.score >= COUNTED_ALIKE_MIN_SCORE
                     and ix.counted_noun(lk.span.end) == noun[0]]
            if alike and ix.small_counts().get(noun[0], frozenset()) <= {q.value}:
                out.append(attrs.evolve(alike[0], score=max(alike[0].score, COUNTED_ALIKE_SCORE)))
        return out

    def _anchor_passages(self, anchors: Iterable[NumberLink]) -> Iterator[tuple[NumberLink, DocumentIndex, int]]:
        """Each anchor (a sibling figure's link) with its document index and passage number."""
        for a in anchors:
            ix = self._by_id.get(a.document)
            pi = ix._passage_at(a.span.start) if ix is not None else None
            if pi is not None:
                yield a, ix, pi

    def _years_within(self, q: Quantity, anchors: Sequence[NumberLink]) -> Iterator[NumberLink]:
        """A year as an end of a range of years ("2019-2025", "from 2019 to 2020") or as the year
        written in a date ("January 1, 2025") in the passage a sibling figure of its sentence was
        linked to, scored from that link."""
        for a, ix, pi in self._anchor_passages(anchors):
            for k in ix._passage_numbers[pi]:
                e = ix.entries[k]
                kind = _kind(e.q)
                if kind in ("year_range", "date", "date_range") and q.value in (e.q.value, e.q.high):
                    yield attrs.evolve(ix._direct_link(q, e, "verbatim"), score=round(a.score * YEAR_SPAN_FACTOR, 4))
                    break

    def _year_spans(self, q: Quantity, anchors: Sequence[NumberLink], apart: bool = False
                    ) -> Iterator[tuple[NumberLink, bool]]:
        """A number of years ("lost 129 positions over five years") as the span between two years
        the passage of a sibling figure gives ("from fiscal year 2019 through fiscal year 2024"), and
        whether it counts both end years ("From 2020 through 2024" as "five years")."""
        # "over five years" is mostly "during": the hedge may be read as "more than"
        if q.value != q.value.to_integral_value() or not 0 < q.value <= 100 \
                or _hedge(q) not in _TWO_SIDED | {"more_than", "at_least"}:
            return
        # the years (and the years of dates) of the passages the sentence's figures were linked to,
        # by document: "one in five ... compared with fewer than one in six two years earlier" spans
        # the "FY 2025" and "FY 2023" rows of a table
        years_of: dict[str, dict[Decimal, _Entry]] = {}
        n = q.value
        for a, ix, pi in self._anchor_passages(sorted(anchors, key=lambda lk: -lk.score)):
            if a.score < NUMBER_MIN_SCORE:
                continue
            years = years_of.setdefault(ix.doc_id, {})
            for k in ix._passage_numbers[pi]:
                if _kind(ix.entries[k].q) in ("year", "date"):
                    years.setdefault(ix.entries[k].q.value, ix.entries[k])
            score = a.score * YEAR_SPAN_FACTOR
            found = stated_span(ix, pi, n, score)
            if found is None:
                for y1, e1 in sorted(years.items()):
                    e2, both_ends = years.get(y1 + n), False
                    if e2 is None and n > 1:
                        # "From 2020 through 2024": five years, counting both
                        e2, both_ends = years.get(y1 + n - 1), True
                        if e2 is not None and not _THROUGH.search(ix.text[e1.q.span.end : e2.q.span.start]):
                            continue
                    if e2 is None:
                        continue
                    found = ix._derived_link(e2, e1, score, _fmt(n, 0),
                                             years_formula(e2.q.text, e1.q.text, both_ends, n)), both_ends
                    break
            if found is None:
                found = row_span(ix, pi, n, score)
            if found is None and pi > 0 and ix._owner[pi - 1] == ix._owner[pi]:
                # the sentence before it in its paragraph ("From 2020 through 2024 ... Together, these
                # programs obligated $61.8 billion over that period")
                found = stated_span(ix, pi - 1, n, score * PREVIOUS_SPAN_FACTOR)
            if found is None and apart:
                # "up from 8.2% four years earlier" beside a passage of fiscal year 2021: the report's 2025
                found = span_to_other_year(ix, pi, n, score * PREVIOUS_SPAN_FACTOR)
            if found is not None:
                yield found
                return
