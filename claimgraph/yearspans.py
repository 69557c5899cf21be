"""Numbers of years read as the span between two years a document gives.

A story's "over five years", "two years earlier" or "15 years ago" is seldom written in the
report; the report gives the years ("fiscal years 2021 through 2025", a table's FY 2023 and FY
2025 rows, "founded in 2011" in a statement dated 2026).  These helpers read such a span off a
passage of a :class:`~claimgraph.index.DocumentIndex` as a derived link whose operands are the two
years, with its formula ("2025 - 2021 + 1 = 5 years").
"""

from __future__ import annotations

import re
from decimal import Decimal

from .derivations import _YEAR_ROW, _Entry
from .index import DocumentIndex, NumberLink
from .matching import _OVER, _UNDER, _fmt, _hedge, _kind
from .passages import _is_table_line
from .quantities import Quantity

__all__ = ["years_formula", "stated_span", "row_span", "span_to_other_year", "APART_WORDS", "row_label", "own_date", "span_from_own_date"]


def years_formula(last: str, first: str, both_ends: bool, n: Decimal) -> str:
    """The formula of a number of years between two years ("2024 - 2020 + 1 = 5 years")."""
    return f"{last} - {first}{' + 1' if both_ends else ''} = {_fmt(n, 0)} year{'s' if n != 1 else ''}"


def stated_span(ix: DocumentIndex, pi: int, n: Decimal, score: float) -> tuple[NumberLink, bool] | None:
    """A range of years (or of dates) passage ``pi`` states as one figure that spans ``n`` years, as a
    derived link scoring ``score``, and whether it counts both end years ("fiscal years 2021 through
    2025" is five fiscal years, and four years long)."""
    for k in ix._passage_numbers[pi]:
        e = ix.entries[k]
        kind = _kind(e.q)
        if kind in ("year_range", "date_range") and e.q.high is not None:
            # (a range of dates counts its years between its ends: "between December 2023 and November
            # 2025" is two years)
            for both_ends in (False, True) if kind == "year_range" else (False,):
                if e.q.high - e.q.value + both_ends == n:
                    return ix._derived_link(e, e, score, _fmt(n, 0), years_formula(
                        str(int(e.q.high)), str(int(e.q.value)), both_ends, n)), both_ends
    return None


#: How many rows apart two rows of one table labelled by years may be.
YEAR_ROWS_APART = 12


def row_span(ix: DocumentIndex, pi: int, n: Decimal, score: float) -> tuple[NumberLink, bool] | None:
    """When passage ``pi`` is a table row labelled by a year ("FY 2025   11,742   19.2"), the row of the
    same table labelled by the year ``n`` years before or after it, as a derived link spanning the two
    labels ("fewer than one in six two years earlier" beside the FY 2025 row: the FY 2023 row)."""
    text = ix.text[ix.passages[pi].start : ix.passages[pi].end]
    m = _YEAR_ROW.match(text)
    here = row_label(ix, pi)
    if m is None or here is None or not _is_table_line(text):
        return None
    labelled = int(m.group(1))
    rows = ix._year_rows()
    for year in (labelled - int(n), labelled + int(n)):
        for pj in rows.get(str(year), ()):
            if abs(pj - pi) > YEAR_ROWS_APART or not all(
                    _is_table_line(ix.text[ix.passages[p].start : ix.passages[p].end])
                    for p in range(min(pi, pj), max(pi, pj) + 1)):
                continue  # (rows of one table: consecutive table lines)
            there = row_label(ix, pj)
            if there is not None:
                last, first = (here, there) if year < labelled else (there, here)
                return ix._derived_link(last, first, score, _fmt(n, 0),
                                        years_formula(last.q.text, first.q.text, False, n)), False
    return None


#: Words after a number of years that set a figure that far from another ("8.2% four years earlier").
APART_WORDS = re.compile(r"[ \t]+(?:earlier|before|prior|later)\b", re.I)


def span_to_other_year(ix: DocumentIndex, pi: int, n: Decimal, score: float) -> tuple[NumberLink, bool] | None:
    """When passage ``pi`` gives one year, the same document's nearest statement of the year ``n``
    years after (or before) it, as a derived link spanning the two ("up from 8.2% four years earlier"
    beside "the 8.2 percent rate at the end of fiscal year 2021", in a report of "As of September 30,
    2025")."""
    here = {ix.entries[k].q.value: ix.entries[k] for k in ix._passage_numbers[pi]
            if _kind(ix.entries[k].q) in ("year", "date") and ix.entries[k].q.fact}
    if len(here) != 1:
        return None
    (year, this), = here.items()
    at = ix.passages[pi].start
    for other_year in (year + n, year - n):
        others = [ix.entries[k] for group in (("year", ""), ("date", "")) for value, k in ix._by_group.get(group, ())
                  if value == other_year and ix.entries[k].q.fact]
        if others:
            other = min(others, key=lambda e: abs(e.q.span.start - at))
            last, first = (other_year, year) if other_year > year else (year, other_year)
            # (the link stands on the passage of the figure the years are read beside)
            return ix._derived_link(this, other, score, _fmt(n, 0),
                                    years_formula(str(int(last)), str(int(first)), False, n)), False
    return None


def row_label(ix: DocumentIndex, pi: int) -> _Entry | None:
    """The year a table row is labelled by ("FY 2023" of "FY 2023   7,918   15.8"), as the document's number."""
    start = ix.passages[pi].start
    m = _YEAR_ROW.match(ix.text, start, ix.passages[pi].end)
    if m is None:
        return None
    at = m.start(1)
    return next((ix.entries[k] for k in ix._passage_numbers[pi]
                 if ix.entries[k].q.span.start <= at < ix.entries[k].q.span.end), None)


#: Words after a number of years that count it back from the day the document speaks on ("founded
#: 15 years ago", "Four years after Hurricane Marisela").
SINCE_WORDS = re.compile(r"[ \t]+(?:ago|after)\b", re.I)
#: How far into a document its own date (a cover's or a letter's date line) is looked for.
OWN_DATE_WITHIN = 1500
#: the words before a date that say it is the document's own ("Date Issued:", "For immediate release:")
_OWN_DATE_LABEL = re.compile(r"(?i)\b(?:date(?:d|\s+issued)?|issued|release|released)\s*:?\s*\Z")


def own_date(ix: DocumentIndex) -> _Entry | None:
    """The date a document speaks on: the first date in its first OWN_DATE_WITHIN characters that
    stands on a line of its own ("March 11, 2026" under a letterhead) or after a label saying so
    ("Date Issued: September 23, 2025", "For immediate release: June 12, 2026")."""
    for e in ix.entries:  # (in text order)
        if e.q.span.start >= OWN_DATE_WITHIN:
            break
        if _kind(e.q) != "date" or not e.q.date or len(e.q.date) < 7 or e.q.date.startswith("-"):
            continue
        line = ix.text.rfind("\n", 0, e.q.span.start) + 1
        if ix.is_date_line(e.q.span) or _OWN_DATE_LABEL.search(ix.text, line, e.q.span.start):
            return e
    return None


def span_from_own_date(ix: DocumentIndex, quantity: Quantity, context: str, factor: float) -> NumberLink | None:
    """"15 years ago" ("founded 15 years ago") or "four years after" an event, read as the years
    between the document's own date and the year of the passage best stating the event ("The
    coalition was founded in 2011", in a statement dated March 11, 2026): a derived link scoring
    ``factor`` of that passage's score; None when the document gives no date of its own or no year
    the span reaches."""
    n = quantity.value
    if _kind(quantity) != "duration" or quantity.unit != "year" or n != n.to_integral_value() or not 0 < n <= 200:
        return None
    now = own_date(ix)
    if now is None:
        return None
    year = int(now.q.date[:4])  # type: ignore[index]
    hedge = _hedge(quantity)  # "more than 15 years ago" may be 16 by the years; "about 15", 14 to 16
    spans = [n, n + 1] if hedge in _OVER else [n - 1, n] if hedge in _UNDER else \
        [n - 1, n, n + 1] if hedge == "approximately" else [n]
    told = re.search(re.escape(quantity.text) + SINCE_WORDS.pattern, context, re.I)
    best: tuple[float, NumberLink, Decimal] | None = None
    for d in spans:
        then = str(int(year - d))
        # the sentence as it would read with the year ("founded in 2011" for "founded 15 years ago")
        said = context if told is None else (
            context[: told.start()] + f"in {then}" + ("" if told.group(0).lower().endswith("ago") else ", after")
            + context[told.end() :])
        for link in ix.number_candidates(Quantity.parse(then), said):
            if link.relation == "verbatim" and link.span != now.q.span and (best is None or link.score > best[0]):
                best = (link.score, link, d)
    if best is None:
        return None
    score, link, d = best
    pi = ix._passage_at(link.span.start)
    event = None if pi is None else next(
        (ix.entries[k] for k in ix._passage_numbers[pi] if ix.entries[k].q.span == link.span), None)
    if event is None:
        return None
    return ix._derived_link(event, now, score * factor, _fmt(d, 0), years_formula(now.q.text, event.q.text, False, d))
