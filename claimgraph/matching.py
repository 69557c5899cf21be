"""When a document's figure can stand behind an article's: the relation between two
quantities (verbatim, rehedged, rounded at the article's own precision, or none), read with
their kinds, hedges, units and the precision the article states, plus the readings of a
table cell under its column's unit.

>>> from claimgraph.quantities import Quantity
>>> [_relation(Quantity.parse(a), Quantity.parse(d))[0] for a, d in
...  [("more than 1,100", "1,196"), ("at least 32,000", "more than 32,000"), ("65%", "65 percent")]]
['rounded', 'rehedged', 'verbatim']
>>> _relation(Quantity.parse("more than 451,000"), Quantity.parse("452,000")) is None
True
>>> [round(_relation(Quantity.parse("about 71,000"), Quantity.parse(d))[1], 2) for d in ("70,630", "71,905")]
[0.89, 0.77]
>>> _relation(Quantity.parse("95.2%"), Quantity.parse("95%")) is None
True
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

import attrs

from .passages import _HAS_YEAR
from .quantities import Interval, Quantity, QuantityKind
from .spans import Span

#: Largest relative gap between an article figure and a document figure still
#: called "rounded" (on top of their intervals overlapping).
MAX_ROUNDING_REL = Decimal("0.05")
#: Farthest a figure cut at its own last digit may sit from the document's ("more than 1,100" for 1,196).
MAX_TRUNCATION_REL = Decimal("0.2")
#: "Nearly X" links to figures down to X less this share of X (or a tenth of its last stated digit).
NEARLY_LINK_REL = Decimal("0.05")
#: ... or to a figure that rounds up to X at X's last digit, down to X less this share of X.
NEARLY_ROUNDS_REL = Decimal("0.1")
#: Largest relative gap between a fraction in words ("close to half") and a document's share.
FRACTION_WORD_REL = Decimal("0.12")
#: ... and for a one-sided share in words ("more than half" for 58%), inside its interval.
ONE_SIDED_FRACTION_REL = Decimal("0.25")

#: Hedges by the side of their figure the value lies on: both, under it, over it.
_TWO_SIDED = frozenset({"exact", "approximately"})
_UNDER = frozenset({"nearly", "less_than", "at_most"})
_OVER = frozenset({"more_than", "at_least"})
#: ... and the bounds ("more than", "less than"), which say nothing of how far off the value is.
_BOUNDS = _OVER | {"less_than", "at_most"}

_SHARE_KINDS = frozenset({"percent", "fraction", "share", "ratio"})
_COUNT_KINDS = frozenset({"count", "money", "measure"})


_UNITLESS = frozenset({"count"})
_UNITFUL = frozenset({"duration", "measure"})


def _kind(q: Quantity) -> str:
    return getattr(q.kind, "value", q.kind)


def _hedge(q: Quantity) -> str:
    return getattr(q.hedge, "value", q.hedge)


def _group(q: Quantity) -> tuple[str, str]:
    """Numbers are compared only within a group: a percent never matches a count."""
    kind = _kind(q)
    unit = (q.unit or "").lower()
    if kind in ("count", "range"):
        return ("count", "")
    if kind in ("money", "measure", "duration"):
        return (kind, unit)
    if kind == "ratio":
        return ("ratio", str(q.denominator))
    return (kind, "")


def _specificity(q: Quantity) -> float:
    """How much a figure identifies a statement on its own: 448,820 a lot, 8 little, a year hardly."""
    kind = _kind(q)
    if kind in ("year", "year_range", "date", "date_range", "ordinal"):
        if kind == "date":
            return 0.7 if _is_day(q) else 0.55  # a day ("Feb. 26") names one event
        return 0.35
    if kind == "share":
        return 0.2
    if kind == "ratio" and q.denominator and q.denominator <= 20 and q.unit is None:
        return 0.6  # "one in seven", "14 of 17": as telling as a percent
    if kind == "fraction":
        return 0.6  # "a third", "two-thirds": a round share, whatever its decimals
    v = abs(q.value)
    digits = v.normalize().as_tuple()
    sig = len(digits.digits) if v else 1
    spec = 0.35 + 0.15 * min(sig, 4)
    if v < 13 and v == v.to_integral_value():
        spec -= 0.15
    if _hedge(q) != "exact" or kind in ("money", "percent", "measure", "duration"):
        spec += 0.1
    if v >= 1000:
        spec += 0.1
    return max(0.2, min(1.0, spec))


def _is_day(q: Quantity) -> bool:
    """A date naming a day ("Feb. 26", "February 26, 2026"), not only a month or a year."""
    return _kind(q) == "date" and (len(q.date or "") == 10 or ((q.date or "").startswith("--") and not _month_only(q)))


def _month_only(q: Quantity) -> bool:
    """A month named on its own ("in March": ``date`` "--03")."""
    return q.date is not None and len(q.date) == 4 and q.date.startswith("--")


def _same_value(a: Quantity, b: Quantity) -> bool:
    if a.value != b.value or a.high != b.high or a.denominator != b.denominator:
        return False
    if _kind(a) in ("date", "date_range") and a.date and b.date and a.date != b.date:
        return False
    return True


@lru_cache(maxsize=262144)
def _fraction(q: Quantity) -> Interval | None:
    try:
        return q.as_fraction()
    except Exception:
        return None


@lru_cache(maxsize=262144)
def _interval(q: Quantity) -> Interval | None:
    try:
        return q.interval()
    except Exception:
        return None


def _intervals_meet(a: Quantity, b: Quantity) -> bool:
    """One figure's stated value lies in the other's interval ("more than 448,000" holds 448,820;
    "more than 458,000" does not hold "more than 448,000", though the intervals overlap)."""
    ia, ib = _interval(a), _interval(b)
    if ia is not None and ia.contains(b.value):
        return True
    # the other way round only when the document's figure is bounded ("about 2,000" for "1,980")
    return bool(ib is not None and ib.lo is not None and ib.hi is not None and ib.contains(a.value))


def _nearly_meets(aq: Quantity, dq: Quantity) -> bool:
    """"Nearly 1%" for 0.9%, "almost 7,000" for 6,935: below the figure, by up to a tenth of its last digit."""
    if _hedge(aq) != "nearly" or (aq.value < 0) != (dq.value < 0):
        return False
    a, d = abs(aq.value), abs(dq.value)  # "nearly" speaks of size: a fall of nearly 12 points is -11.7
    step = max(a * NEARLY_LINK_REL, (aq.precision or Decimal(1)) / 10)
    if a - step <= d < a:
        return True
    # a small figure that rounds up to the article's ("nearly 4%" for 3.7%), within a tenth of it
    return a - (aq.precision or Decimal(1)) / 2 <= d < a and a - d <= a * NEARLY_ROUNDS_REL


_OF_WORD = re.compile(r"\bof\b")
_IN_WORD = re.compile(r"\bin\b")
_OUT_OF = re.compile(r"\bout\s+of\b")


def _one_of(q: Quantity) -> bool:
    """Whether ``q`` is "one of N" (one of the 14 states): a member of a whole, whose size is what is stated."""
    return bool(q.denominator) and q.value == 1 and q.high is None and _hedge(q) == "exact" \
        and _OF_WORD.search(q.text) is not None and _IN_WORD.search(q.text) is None


def _one_in(q: Quantity) -> bool:
    """Whether ``q`` is a share told as "one in five" or "three out of 10": as loose as a fraction in words."""
    return _kind(q) == "ratio" and q.unit is None and bool(q.denominator) and q.denominator <= 10 \
        and (_IN_WORD.search(text := q.text.lower()) is not None or _OUT_OF.search(text) is not None)


#: Words that count the same people ("47 people" in a story for "47 persons" or "47 cases" in a report).
_PEOPLE = frozenset({"people", "person", "persons", "individual", "individuals", "patient", "patients", "case",
                     "cases", "resident", "residents"})


def _same_noun(a: Quantity, b: Quantity) -> bool:
    """Whether two figures count the same things: a word of their nouns in common ("states", "States";
    "people", "persons")."""
    def words(q: Quantity) -> set[str]:
        return {"person" if w.lower() in _PEOPLE else w.lower().removesuffix("s")
                for w in re.findall(r"[A-Za-z]{3,}", q.noun or "")}
    return bool(words(a) & words(b))


def _is_rate(q: Quantity) -> bool:
    """A rate per 100, 1,000, 100,000 ... ("2.1 per 100,000"), not a part of a whole ("3 of the 4")."""
    return bool(q.denominator) and q.denominator >= 100 and q.value < q.denominator / 10


def _share_key(q: Quantity) -> float:
    """The fraction a share states (-1 for "most" and other shares stating none)."""
    if _kind(q) == "share":
        return -1.0
    f = _stated_fraction(q)
    return float(f) if f is not None else -1.0


def _opposite_hedges(a: Quantity, b: Quantity) -> bool:
    """One figure is under its value and the other over it ("nearly half", "more than half")."""
    ha, hb = _hedge(a), _hedge(b)
    return (ha in _UNDER and hb in _OVER) or (ha in _OVER and hb in _UNDER)


_OVER_WORD = re.compile(r"(?i)\Aover\s")


def _spans_during(q: Quantity) -> bool:
    """"over three fiscal years", "over five years": mostly the period a figure covers ("during"),
    which a document's "three fiscal years" states as written."""
    return _kind(q) == "duration" and q.unit in ("year", "month", "decade") and bool(_OVER_WORD.match(q.text))


#: A fiscal year ("fiscal 2025", "FY 2025"): not the calendar year of a date.
_FISCAL = re.compile(r"(?i)\bfiscal\b|\bFY")


@lru_cache(maxsize=262144)
def _relation(aq: Quantity, dq: Quantity) -> tuple[str, float] | None:
    """``(relation, closeness)`` when the document figure ``dq`` can stand behind ``aq``."""
    ga, gd = _group(aq), _group(dq)
    ka, kd = _kind(aq), _kind(dq)
    if ka == "date" and _month_only(aq):
        if kd not in ("date", "date_range") or not dq.date:
            return None
        ends = dq.date.split("/")
        if any(len(e) == 7 and e[5:] == aq.date[2:] for e in ends):
            return ("verbatim", 0.85)  # "in March" for "March 2026"
        if any(len(e) == 10 and e[5:7] == aq.date[2:] for e in ends):
            return ("rounded", 0.8)  # "since October" for "October 1, 2025"
        return None
    if ka == "date" and kd == "date_range" and aq.date and dq.date and "/" in dq.date:
        ends = dq.date.split("/")
        if aq.date in ends or any(len(e) == 10 and e[4:] == aq.date[1:] for e in ends if aq.date.startswith("--")):
            return ("verbatim", 0.85)  # "July 1" for "between July 1, 2024, and July 1, 2025"
        if not _HAS_YEAR.search(aq.text) and len(aq.date) == 10 and any(len(e) == 10 and e[4:] == aq.date[4:]
                                                                         for e in ends):
            return ("verbatim", 0.8)  # the same, with a year the story filled in (a range may start the year before)
        if len(aq.date) == 7 and any(e.startswith(aq.date + "-") for e in ends):
            return ("rounded", 0.8)  # "October 2022" for "between October 1, 2022, and December 20, 2024"
        return None
    if ka == "year" and kd == "date" and dq.date and dq.date[:4] == str(aq.value) and not _FISCAL.search(aq.text):
        # "in 2021" for "in November 2021": the year a date falls in (fiscal 2025 began in October 2024)
        return ("verbatim", 0.8)
    if ka == kd == "ratio" and aq.denominator == dq.denominator and aq.value != dq.value \
            and _is_rate(aq) and _is_rate(dq) and aq.high is None and dq.high is None:
        # a rate is a measurement ("about 285 per 100,000" rounds 284.6 per 100,000), not the part of a whole
        unit = f"per {aq.denominator}"
        return _relation(attrs.evolve(aq, kind=QuantityKind.MEASURE, unit=unit, denominator=None),
                         attrs.evolve(dq, kind=QuantityKind.MEASURE, unit=unit, denominator=None))
    if ka == "ratio" and _is_rate(aq) and kd == "count" and dq.high is None:
        # "2.1 per 100,000" for "... to 2.1 in 2024" when the document gives the rate base once
        if aq.value == dq.value:
            return ("verbatim", 0.85) if _hedge(aq) == _hedge(dq) else ("rehedged", 0.8)
        # "about 694 deaths per 100,000" for "... to 693.9 in 2025": the bare figure read as the rate
        rel = _relation(aq, attrs.evolve(dq, kind=aq.kind, unit=aq.unit, denominator=aq.denominator))
        return (rel[0], rel[1] * 0.85) if rel and rel[0] == "rounded" else None
    if ka == "ratio" and kd == "count" and aq.denominator and aq.value == dq.value and dq.high is None \
            and _hedge(aq) == _hedge(dq) == "exact" and aq.value == aq.value.to_integral_value() and aq.value >= 10:
        # "312 of the 1,104" for "filed 1,104 formal disputes ..., of which 312 involved mold": the part
        # (a part as small as "one of the eight" is in every document)
        return ("verbatim", 0.8)
    if ka == "ratio" and kd == "count" and _one_of(aq) and dq.value == aq.denominator and dq.high is None \
            and _hedge(dq) == "exact" and _same_noun(aq, dq):
        # "one of 14 state agencies" for "14 state agencies": the whole is the fact (not "one officer
        # out of eight at a field office" for "one of the eight field offices")
        return ("verbatim", 0.8)
    if ka == "count" and kd == "ratio":  # "115" for "115 of the 120" (not "two" for "nearly two times",
        # nor "five" for "one in five": a share, not a count of five)
        if dq.denominator and aq.value in (dq.value, dq.denominator) and _hedge(aq) == "exact" \
                and _IN_WORD.search(dq.text) is None:
            return ("verbatim", 0.95)
        return None
    if (aq.high is None) != (dq.high is None):
        return None  # a range is not one figure ("3.75% to 4%" is not 3.9)
    if ka == kd == "duration" and aq.unit != dq.unit and aq.high is None:
        converted = _converted(dq, aq.unit)
        if converted is None:
            return None
        rel = _relation(aq, converted)  # "two years" for "a 24-month period", a little less close
        return (rel[0], rel[1] * 0.95) if rel else None
    if ga != gd and _UNITLESS & {ka, kd} and _UNITFUL & {ka, kd}:
        # "the median age was 7" for "7 years"; "4.1 hours" for "4.1 HPRD": one side names no unit
        if ka == "count" and aq.noun:
            return None  # "40 workers" are not "40 hours"
        if ka == "duration" and kd == "count" and aq.value == aq.value.to_integral_value() and abs(aq.value) < 13:
            return None  # "four days" is not any bare 4 (a table column's unit is read apart)
        if aq.value == dq.value and aq.high == dq.high:
            return ("verbatim", 0.85) if _hedge(aq) == _hedge(dq) else ("rehedged", 0.8)
        if kd in _UNITLESS and aq.high is None and dq.high is None:
            # "nearly 142 days" for "rose ... to 141.6": the document's figure read in the article's unit
            rel = _relation(aq, attrs.evolve(dq, kind=aq.kind, unit=aq.unit))
            return (rel[0], rel[1] * 0.85) if rel and rel[0] == "rounded" else None
        return None
    if ka == "ratio" and _one_of(aq) and kd != "ratio":
        return None  # "one of five states" counts the states: it is no share ("about one-fifth")
    if ga != gd or (ka == "fraction" and kd in _SHARE_KINDS):
        if not (ka in _SHARE_KINDS and kd in _SHARE_KINDS) or (ka == "share") != (kd == "share"):
            return None
        fa, fd = _fraction(aq), _fraction(dq)
        if fa is None or fd is None:
            return None
        if ka == kd and _same_value(aq, dq):
            if _opposite_hedges(aq, dq):
                return None
            return ("verbatim", 1.0) if _hedge(aq) == _hedge(dq) else ("rehedged", 0.92)
        stated = _stated_fraction(aq) if ka in ("fraction", "ratio") else None
        if stated and fd.midpoint is not None and (ka == "fraction" or aq.denominator <= 10):
            # a share in words ("close to half", "nearly one in five") is loose by nature
            if _hedge(dq) not in _TWO_SIDED and _hedge(aq) in _TWO_SIDED and stated != _stated_fraction(dq):
                return None  # "seven of 10" is not read off "nearly two-thirds": a figure is not read off a bound
            gap = abs(fd.midpoint - stated) / stated
            if _wrong_side(_hedge(aq), fd.midpoint, stated):
                return None  # "nearly 9 in 10" is under nine tenths, not 100 percent
            if gap <= FRACTION_WORD_REL:
                return ("rehedged", 0.92) if gap == 0 else ("rounded", 0.9 - float(gap))
            if _hedge(aq) not in _TWO_SIDED and fa.contains(fd.midpoint) and gap <= ONE_SIDED_FRACTION_REL:
                return ("rounded", 0.75)  # "more than half" for 58%
            return None
        if not fa.overlaps(fd) or (_hedge(dq) not in _TWO_SIDED and _hedge(aq) in _TWO_SIDED):
            return None  # a figure is not read off a bound ("about 60%" from "more than half", 25% from "below 85%")
        if ka == "percent" and _hedge(aq) not in _TWO_SIDED and fd.midpoint is not None and aq.value \
                and abs(fd.midpoint * 100 - aq.value) > aq.value * MAX_TRUNCATION_REL:
            return None  # "more than 75%" is not read off "17 of the 18" (94%), as it is not off a 94.4%
        if ka == "percent" and _hedge(aq) == "exact" and (aq.precision or 1) < 1 and kd != "percent" \
                and fd.midpoint is not None and abs(aq.value / 100 - fd.midpoint) > Decimal("0.0005"):
            return None  # an exact "10.9%" is not read off a worded "about one in eight" (12.5%)
        return ("rounded", 0.85)
    if _same_value(aq, dq):
        if _opposite_hedges(aq, dq):
            return None
        if _hedge(aq) == _hedge(dq) or (_spans_during(aq) and _hedge(dq) == "exact"):
            return ("verbatim", 1.0)
        return ("rehedged", 0.92)
    if _kind(aq) in ("date", "date_range") and aq.date and dq.date:
        # "January 2024" for "January 16, 2024": the article gives the date less precisely
        if aq.date.startswith("--") and len(dq.date) == 10 and dq.date[4:] == aq.date[1:]:
            return ("verbatim", 0.95)  # "Oct. 14" for "October 14, 2025": the year is left unsaid
        if not _HAS_YEAR.search(aq.text) and len(aq.date) == 10 \
                and len(dq.date) == 10 and dq.date[4:] == aq.date[-6:]:
            return ("verbatim", 0.95)  # the same, with the year filled in from the story
        if dq.date.startswith(aq.date):
            return ("rounded", 0.85)
        if aq.date.startswith(dq.date):  # "March 11, 2026" for a "March 2026": the day is the article's
            return ("rounded", 0.6)
        return None
    if _kind(aq) in ("year", "date", "ordinal", "ratio", "share", "year_range", "date_range"):
        return None
    if _hedge(dq) not in _TWO_SIDED and _hedge(aq) == "exact":
        return None  # "38%" is not read off "fewer than 40 percent": a figure is not read off a bound
    if (aq.precision or 1) < (dq.precision or 1):
        return None  # the article cannot have 95.2% from a document's 95%
    nearly = _nearly_meets(aq, dq)
    av, dv = abs(aq.value), abs(dq.value)
    gap = abs(av - dv) / max(av, dv) if max(av, dv) else Decimal(0)
    if not nearly and not _intervals_meet(aq, dq) and not (
            _hedge(aq) == "approximately" and ka in _COUNT_KINDS and gap <= MAX_ROUNDING_REL
            and abs(dv - av) * 2 < _stated_precision(aq)):
        return None
    if _within_precision(aq, dq):
        # the article's figure is the document's, rounded or cut at the article's last digit
        if gap > MAX_TRUNCATION_REL:
            return None
        return ("rounded", 0.9 - float(min(gap, MAX_ROUNDING_REL)))
    if _hedge(aq) not in _TWO_SIDED or gap > MAX_ROUNDING_REL:
        return None  # "more than 451,000" is not 452,000: that would have been "more than 452,000"
    gap = min(gap, MAX_ROUNDING_REL)
    return ("rounded", 0.8 - 2 * float(gap))


#: How far past a one-sided bound a figure may be and still be read as under it ("nearly half" for 50.2%).
BOUND_SLACK_REL = Decimal("0.005")


def _wrong_side(hedge: str, value: Decimal, bound: Decimal) -> bool:
    """Whether ``value`` lies on the far side of a one-sided hedged ``bound`` ("nearly", "more than")."""
    slack = abs(bound) * BOUND_SLACK_REL
    if hedge in _UNDER:
        return value > bound + slack
    if hedge in _OVER:
        return value < bound - slack
    return False


#: How many of one time unit make another, for durations written in different units.
_PER_UNIT = {("month", "year"): Decimal(12), ("week", "year"): Decimal(52), ("day", "year"): Decimal("365.25"),
             ("day", "month"): Decimal("30.44"), ("week", "month"): Decimal("4.345"), ("day", "week"): Decimal(7),
             ("hour", "day"): Decimal(24), ("minute", "hour"): Decimal(60), ("second", "minute"): Decimal(60)}


def _converted(q: Quantity, unit: str | None) -> Quantity | None:
    """A duration restated in another time unit (97 days as 3.19 months), or None."""
    if q.unit is None or unit is None:
        return None
    if (q.unit, unit) in _PER_UNIT:  # to a larger unit: divide
        factor = 1 / _PER_UNIT[(q.unit, unit)]
    elif (unit, q.unit) in _PER_UNIT:
        factor = _PER_UNIT[(unit, q.unit)]
    else:
        return None
    return attrs.evolve(q, value=q.value * factor, unit=unit, text="",
                        precision=(q.precision or Decimal(1)) * factor, scope=None)


def _counted_share(aq: Quantity, dq: Quantity) -> bool:
    """Whether the article's percent or fraction was computed from a count the document gives
    as "X of (the) Y" (not a share it states in words, "one in seven")."""
    return (_kind(aq) in ("percent", "fraction") and _kind(dq) == "ratio" and dq.denominator is not None
            and dq.denominator > 10 and dq.denominator not in (100, 1000) and dq.unit is None)


def _stated_precision(q: Quantity) -> Decimal:
    """The place of a figure's last non-zero digit: 100 for "1,100", 10,000 for "730,000"."""
    p = q.precision or Decimal(1)
    v = abs(q.value)
    if v and v == v.to_integral_value():
        digits = str(int(v))
        zeros = len(digits) - len(digits.rstrip("0"))
        p = max(p, Decimal(10) ** zeros)
    elif _kind(q) == "money" and p == Decimal("0.01") and v * 10 == (v * 10).to_integral_value():
        p = Decimal("0.1")  # "$3.90" is written in cents but says dimes ("nearly $3.90" for $3.86)
    return p


def _within_precision(aq: Quantity, dq: Quantity) -> bool:
    """Whether ``dq`` is what ``aq`` says at ``aq``'s own precision: "about 71,000" for 70,630
    (not 71,905), "more than 1,100" for 1,196, "nearly 500" for 486."""
    p = _stated_precision(aq)
    a, d = aq.value, dq.value
    if a < 0 and d < 0:  # a hedge speaks of size: "a fall of nearly 12 points" is -11.7
        a, d = -a, -d
    hedge = _hedge(aq)
    if hedge in _OVER:
        return a <= d < a + p
    if hedge in _UNDER:
        return a - p < d <= a
    return abs(d - a) * 2 <= p


#: How far above a table's column heads its caption is looked for.
TABLE_HEADER_CHARS = 300
#: How far above a table line its column heads and caption are looked for at most.
TABLE_HEAD_REACH = 1200
_TABLE_UNIT_CUES = (
    ("percent", re.compile(r"\bpercent|%|\bpct\b")),
    ("thousand", re.compile(r"\bthousands\b|\bin thousands|\(000s?\)|\(1,000(?![,\d])")),
    ("million", re.compile(r"\bmillions\b|\(1,000,000(?![,\d])")),
    ("billion", re.compile(r"\bbillions\b")),
    ("dollar", re.compile(r"\bdollars\b|\$")),
    ("cent", re.compile(r"\bcents\b")),
)
_COLUMN_GAP = re.compile(r"\S(?:\t|[ ]{2,})\S")


def _units_in(text: str) -> frozenset[str]:
    return frozenset(unit for unit, pattern in _TABLE_UNIT_CUES if pattern.search(text))


_SCALES = {"thousand": Decimal(1000), "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}


def _cell_readings(q: Quantity, units: frozenset[str]) -> list[Quantity]:
    """A bare table cell read under its column's unit: "14" under "Billions of Dollars" is
    $14 billion, "2.7" under "Percent change" is 2.7%."""
    out = []
    if "percent" in units:
        out.append(attrs.evolve(q, kind=QuantityKind.PERCENT, unit="%"))
    scales = [_SCALES[u] for u in ("thousand", "million", "billion") if u in units]
    for scale in scales or ([Decimal(1)] if "dollar" in units else []):
        value, precision = q.value * scale, (q.precision or Decimal(1)) * scale
        if "dollar" in units:
            out.append(attrs.evolve(q, value=value, precision=precision, kind=QuantityKind.MONEY, unit="USD"))
        if scale != 1:
            out.append(attrs.evolve(q, value=value, precision=precision))
    if "cent" in units:  # "+21.4" under "Change from year ago (cents)" is 21.4 cents
        out.append(attrs.evolve(q, value=q.value / 100, precision=(q.precision or Decimal(1)) / 100,
                                kind=QuantityKind.MONEY, unit="USD"))
    return out


_DERIVABLE_KINDS = frozenset({"percent", "fraction", "share", "ratio", "count", "money", "measure", "duration",
                              "percentage_points"})
_SCOPING_KINDS = frozenset({"year", "year_range", "date", "date_range", "ordinal", "duration"})
#: Durations in these units are mostly measured ("waited 47 days", "a 21-day goal"), not a time scope.
_MEASURED_UNITS = frozenset({"day", "hour", "minute", "second"})


def _measured_duration(q: Quantity) -> bool:
    """A duration that is a measurement ("waited 47 days", "cost women 0.04 year"), not a time
    scope ("over two years"): short units, or a fraction of a longer one."""
    return _kind(q) == "duration" and (q.unit in _MEASURED_UNITS or q.value != q.value.to_integral_value())


def _scoping_kind(q: Quantity) -> bool:
    """Whether a figure is of a kind that places another in time (a year, a date, "two years")."""
    return _kind(q) in _SCOPING_KINDS and not _measured_duration(q)


def _is_scoping(q: Quantity) -> bool:
    """Years, dates, durations and small bare counts: numbers that say little on their own."""
    return _scoping_kind(q) or (_kind(q) == "count" and _specificity(q) < 0.5)


def _stated_fraction(q: Quantity) -> Decimal | None:
    """The figure a share states, as a fraction (65% -> 0.65, "one in four" -> 0.25)."""
    kind = _kind(q)
    if kind == "percent":
        return q.value / 100
    if kind == "ratio" and q.denominator:
        return q.value / q.denominator
    return q.value or None


def _nominal(q: Quantity) -> Interval:
    """The interval a figure was rounded from, ignoring its hedge (operands of a derivation)."""
    if _hedge(q) == "exact":
        return q.interval()
    half = (q.precision or Decimal(1)) / 2
    return Interval.around(q.value, half)


def _fmt(value: Decimal, places: int) -> str:
    quant = Decimal(1).scaleb(-places)
    text = f"{value.quantize(quant):,}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _is_mentioned(text: str, span: Span) -> bool:
    """A number standing alone in quotation marks ('"65%" wording') is mentioned, not stated."""
    before = text[max(0, span.start - 1) : span.start]
    after = text[span.end : span.end + 1]
    return before in ("\"", "\u201c", "'", "\u2018") and after in ("\"", "\u201d", "'", "\u2019")


_COMPUTED = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?")


def _computed(shown: str) -> Decimal | None:
    """The value a derived link shows ("0.2358", "1,470"), a percent ("83.12%") as a fraction."""
    m = _COMPUTED.match(shown)
    if m is None:
        return None
    value = Decimal(m.group().replace(",", ""))
    return value / 100 if "%" in shown else value


def _as_share(q: Quantity) -> Decimal | None:
    """The fraction a share states (65% -> 0.65, "roughly three-fifths" -> 0.6); None for any other figure."""
    return _stated_fraction(q) if _kind(q) in ("percent", "fraction", "ratio") else None


def _gives(stated: Quantity, computed: str) -> bool:
    """Whether a document's figure is a computed value ("0.2358", "83.12%") as written at its own
    precision ("23.6 percent", "83.1 percent"; a share in words within plain rounding)."""
    value = _computed(computed)
    if value is None:
        return False
    kind = _kind(stated)
    if kind in ("fraction", "ratio") and (share := _stated_fraction(stated)) is not None:
        return abs(value - share) <= share * MAX_ROUNDING_REL
    if kind == "percent":
        value *= 100  # (a computed share is a fraction, a computed percent one too: see _computed)
    return stated.precision is not None and abs(value - stated.value) <= stated.precision / 2


def _closer(quantity: Quantity, stated: Quantity, computed: str) -> bool:
    """Whether a document's share ("61 percent") is nearer the article's ("roughly three-fifths") than
    a share computed from levels ("0.6176")."""
    claimed, told, value = _as_share(quantity), _as_share(stated), _computed(computed)
    if claimed is None or told is None or value is None:
        return False
    hedge = _hedge(quantity)

    def off(v: Decimal) -> tuple[bool, Decimal]:  # (past a one-sided hedge's bound, how far)
        return (hedge in _UNDER and v > claimed) or (hedge in _OVER and v < claimed), abs(v - claimed)

    return off(told) < off(value)


def _worded_share_of(quantity: Quantity, stated: Sequence[Quantity]) -> bool:
    """Whether ``quantity`` is a share in words ("about 1 in 8", "nearly a third") that a linked
    document figure (``stated``: its readings) gives within plain rounding ("13 percent", "32
    percent"): the way such a share is told, so no doubtful match that a computed figure should
    displace."""
    kind = _kind(quantity)
    claimed = _stated_fraction(quantity) if kind == "fraction" or (kind == "ratio" and quantity.denominator) else None
    if not claimed:
        return False
    told = (_stated_fraction(dq) for dq in stated if _kind(dq) in _SHARE_KINDS)
    return any(value is not None and abs(value - claimed) <= claimed * MAX_ROUNDING_REL for value in told)
