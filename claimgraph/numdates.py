"""Years and dates: the tails the digit reader hands a year or a date to, and the year of a
date written without one.

It owns :func:`_year_tail` (a year, or a span of years: "2019-20", "fiscal years 2019 to
2023"), :func:`_date_range_tail` (a date such as "Aug. 19, 2024" and the end of its range),
:func:`_furniture` with its patterns (a date in a byline, dateline or release header is no
fact) and :func:`_fill_years`, which gives "As of March 14" the year of the text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .intervals import _ONE
from .numbase import (
    _DASH, _DASHES, _DASH_CLASS, _DATE, _END, _FACT, _HIGH, _KIND, _MONTH, _MONTH_FORMS, _MONTH_NUM, _PERCENT_AFTER,
    _RANGE_TAIL, _SP, _UNIT_AFTER, _VALUE, _YEAR_TAIL, _is_year, _line_start, _name_rec, _rec,
)


_ACT_OF = re.compile(r"(?<![A-Za-z])(?:Act|Class|Law|Treaty|Accord|Convention|Agreement|Summit|Protocol) of"
                     + _SP + r"+\Z")
_EVENT_SUFFIX = re.compile(_SP + r"+(?!(?:" + _MONTH + r")\b)[A-Z][a-z]+")
_SHORT_YEAR_TAIL = re.compile(_DASH + r"([0-9]{2})(?![0-9])")
_LINE_START_FURNITURE = re.compile(
    # a byline names someone ("By Maria Lopez"), not a time or a count ("By 2030, ...", "By the GAO's count")
    r"^\s*(?:(?i:by)[ \t]+(?!(?i:the|a|an|its|their|this|that|these|those|some|most|all|end|mid|early|late|"
    r"fiscal|then|now|law|contrast|comparison|" + "|".join(sorted({m.rstrip(".").lower() for m in _MONTH_FORMS}))
    + r")\b)[A-Z]"
    r"|(?i:published|updated|posted|last\s+updated|date|dated|filed|issued|copyright|"
    r"for\s+immediate\s+release|news\s+release|press\s+release|release\s+date|embargoed)\b|©)"
)
_TIMESTAMP_AFTER = re.compile(r",?\s*(?:at\s+)?[0-9]{1,2}[.:][0-9]{2}\b")
_WEEKDAY_ONLY = re.compile(
    r"^\s*(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday|sday)?\.?,?\s*$"
)
_DATELINE_PAREN = re.compile(r"^\s*[A-Z][A-Za-z.,' -]{1,40}\($")
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.'’ -]{1,40}|[A-Z][a-z]+(?:" + _SP + r"[A-Z][a-z]+)?" r"),(?:" + _SP
                       + r"*[A-Z][A-Za-z.]{1,15},)?" + _SP + r"*\Z")
_AGENCY_AFTER = re.compile(
    r"\s*(?:\((?:Reuters|AP|AFP|UPI|Bloomberg|CNN|The Center Square|Xinhua|dpa)\)|[" + _DASH_CLASS + r"]\s)"
)


#: The words before a date that ends a line when the line is a sentence in time, not a header.
_SCOPED_LINE_END = re.compile(r"(?i)\w+\s+(?:.*\s)?(?:in|since|during|through|from|by|until|before|after|of|to|for)"
                              r"\s+(?:(?:the|end|fiscal|calendar|year|FY|early|late|mid)\s+)*\Z")


_FIRST_DIGIT = re.compile(r"\d")


def _scoped_by_own_words(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether a date's own leading words make its line a sentence in time ("from fiscal 2023")."""
    digit = _FIRST_DIGIT.search(text, start, end)
    return digit is not None and _SCOPED_LINE_END.search(text, line_start, digit.start()) is not None


def _furniture(text: str, start: int, end: int) -> bool:
    """Page furniture around a date: bylines, 'Updated …', release headers, datelines.

    >>> _furniture("NEWS RELEASE | July 10, 2024\\nText", 15, 28), _furniture("It fell on July 10, 2024.", 11, 24)
    (True, False)
    """
    ls = _line_start(text, start)
    prefix = text[ls:start]
    if len(prefix) > 120:
        return False
    if _LINE_START_FURNITURE.match(prefix) or "|" in prefix:
        return True
    le = text.find("\n", end, end + 200)
    rest = text[end:le if le != -1 else end + 200]
    if "embargo" in prefix.lower():
        return True
    if not rest.strip() and not (_SCOPED_LINE_END.search(prefix) or _scoped_by_own_words(text, ls, start, end)):
        return True  # a date ending its line without a full stop: a header, dateline or release line,
        # unless the line is a sentence scoping a figure ("* Backlog up from 98,000 at end of fiscal 2022",
        # "- Online tips: up nearly 50% from fiscal 2023")
    if (_TIMESTAMP_AFTER.match(rest) and len(prefix) + len(rest) < 60) or (
            _WEEKDAY_ONLY.match(prefix) and len(rest) < 40):
        return True  # "Thu 27 Jun 2024 08.15 BST", "Monday, Aug. 19, 2024" as a header line
    if (not prefix.strip() or _DATELINE.match(prefix)) and _AGENCY_AFTER.match(text, end):
        return True
    if prefix.endswith("(") and _DATELINE_PAREN.match(prefix) and text.startswith(")", end):
        return True
    return False


def _fill_years(recs: list[list[Any]]) -> None:
    """Dates written without a year ("As of March 14") take the year of the text's own
    date (the first dated byline, dateline or release line before them); failing that,
    of the nearest dated mention before them; failing that, of the nearest one after (a
    year earlier when their month and day come later in the year than that one's).
    Two passes, so linear in the number of mentions."""
    def dated(r: list[Any]) -> bool:
        return r[_KIND] in ("date", "date_range") and bool(r[_DATE]) and not r[_DATE].startswith("--")

    next_dated: list[str | None] = [None] * len(recs)
    following: str | None = None
    for i in range(len(recs) - 1, -1, -1):
        next_dated[i] = following
        if dated(recs[i]):
            following = recs[i][_DATE]
    furniture = before = None
    for i, r in enumerate(recs):
        iso = r[_DATE]
        if dated(r):
            before = iso
            if not r[_FACT] and furniture is None:
                furniture = iso
            continue
        if r[_KIND] not in ("date", "date_range") or not iso or not iso.startswith("--"):
            continue
        ref = furniture or before
        if ref is not None:
            year = int(ref[:4])
        else:
            ref = next_dated[i]
            if ref is None:
                continue
            year = int(ref[:4]) - (1 if iso[2:7] > ref[5:10] else 0)
        parts = iso.split("/")
        # a range that runs into the next year ("between Oct. 6 and Jan. 26") starts the year before
        first = year - 1 if len(parts) == 2 and parts[1].startswith("--") and parts[1] < parts[0] else year
        r[_DATE] = "/".join(f"{y:04d}{p[1:]}" if p.startswith("--") else p for y, p in zip((first, year), parts))
        r[_VALUE] = Decimal(first)
        if r[_KIND] == "date_range":
            r[_HIGH] = Decimal(year)


def _counted_after(text: str, pos: int) -> bool:
    """Whether a unit or percent sign follows ``pos`` ("97 days", "24 percent"): a figure, not a year."""
    return bool(_UNIT_AFTER.match(text, pos) or _PERCENT_AFTER.match(text, pos))


def _year_tail(text: str, start: int, e: int, value: Decimal, tok: str, rng: str | None, fy: bool, floor: int,
               phrase_mode: bool) -> tuple[list[Any], int]:
    tm = _RANGE_TAIL.match(text, e)
    if tm and tm.group("n") and not tm.group("month") and not tm.group("cur"):
        sep = tm.group("sep").strip().lower()
        n2 = tm.group("n")
        if sep != "and" or rng:
            high: Decimal | None = None
            if _is_year(Decimal(n2), n2) if n2.isdigit() else False:
                high = Decimal(n2)
            elif len(n2) == 2 and n2.isdigit() and (fy or sep in _DASHES) and not _counted_after(text, tm.end()):
                high = Decimal(tok[:2] + n2)  # "fiscal years 2019 to 24", not "fiscal year 2019 to 97 days"
                if high - value > 10:
                    high = None
            if high is not None and high > value:
                end = tm.end()
                if rng and sep != "and":  # "between school years 2018-19 and 2023-24"
                    t2 = _RANGE_TAIL.match(text, end)
                    n3 = t2.group("n") if t2 and t2.group("sep").strip().lower() == "and" else None
                    if n3 and n3.isdigit() and _is_year(Decimal(n3), n3) and Decimal(n3) > high:
                        high, end = Decimal(n3), t2.end()  # type: ignore[union-attr]
                        t3 = _SHORT_YEAR_TAIL.match(text, end)
                        if t3 and Decimal(n3[:2] + t3.group(1)) > high:
                            high, end = Decimal(n3[:2] + t3.group(1)), t3.end()
                return _rec(start, end, value, "year_range", high=high, prec=_ONE), end
    rec = _rec(start, e, value, "year", prec=_ONE)
    before = text[max(floor, start - 24):start]
    if _ACT_OF.search(before):
        return _name_rec(start, e, value), e
    if before.endswith(("the ", "The ", "a ", "its ", "their ")) and not fy:
        em = _EVENT_SUFFIX.match(text, e)
        if em:
            return _name_rec(start, em.end(), value), em.end()
    if not phrase_mode and _furniture(text, start, e):
        rec[_FACT] = False
    return rec, e


def _iso(y: Decimal | None, mo: int, d: int | None) -> str:
    if y is None:
        return f"--{mo:02d}-{d:02d}" if d else f"--{mo:02d}"
    return f"{int(y):04d}-{mo:02d}" + (f"-{d:02d}" if d else "")


def _date_range_tail(text: str, start: int, e: int, year: Decimal | None, day: int | None, month: int,
                     rng: str | None, floor: int, phrase_mode: bool) -> tuple[list[Any], int]:
    """A date ("Aug. 19, 2024", "January 2021") and, when one follows, the end of its range.

    A date written without its year ("As of March 14") keeps the day in ``value``
    for now; :func:`_scan` later gives it the year of the text's first dated line.
    """
    value = year if year is not None else Decimal(day or 0)
    rec = _rec(start, e, value, "date", date=_iso(year, month, day), prec=_ONE)
    tm = _RANGE_TAIL.match(text, e)
    if tm is None and text.startswith(",", e) and year is not None:  # "July 1, 2022, and July 1, 2023"
        tm = _RANGE_TAIL.match(text, e + 1)
    if tm and tm.group("n") and (tm.group("sep").strip().lower() != "and" or rng):
        n2 = tm.group("n")
        mo2 = _MONTH_NUM[tm.group("month")[:3].lower()] if tm.group("month") else month
        end2 = tm.end()
        y2: Decimal | None = None
        d2: int | None = None
        if n2.isdigit() and len(n2) == 4 and (tm.group("month") or day is None):
            y2 = Decimal(n2)
        elif n2.isdigit() and 1 <= int(n2) <= 31 and day is not None:
            d2 = int(n2)
            ym = _YEAR_TAIL.match(text, end2)
            if ym:
                y2 = Decimal(ym.group("y"))
                end2 = ym.end()
            else:
                y2 = year
        if y2 is not None:
            y1 = year if year is not None else y2
            if (y2, mo2, d2 or 0) > (y1, month, day or 0):
                rec = _rec(start, end2, y1, "date_range", high=y2, prec=_ONE,
                           date=_iso(y1, month, day) + "/" + _iso(y2, mo2, d2))
                e = end2
        elif year is None and d2 is not None and day is not None and ((mo2, d2) > (month, day) or (rng and mo2 < month)):
            # "from Jan. 19 to Jan. 31": the year comes later from the text's dateline ("between Oct. 6
            # and Jan. 26" runs into the next year)
            rec = _rec(start, end2, Decimal(day), "date_range", high=Decimal(d2), prec=_ONE,
                       date=_iso(None, month, day) + "/" + _iso(None, mo2, d2))
            e = end2
    if not phrase_mode and _furniture(text, start, rec[_END]):
        rec[_FACT] = False
    return rec, e
