"""Newsroom numerals: read numbers the way a fact-checker does.

A *quantity mention* is a fact-carrying number in running text with its hedge
("more than", "approximately", "nearly" …), its unit or scale ("%", "$", "million",
"miles", "years") and, when obvious, the noun it counts and the time scope it is
stated for.  Every mention becomes a :class:`Quantity`, whose :meth:`Quantity.interval`
says which true values the wording allows; :func:`derive` does sound interval
arithmetic on those intervals and :func:`compare` says whether a computed figure
*entails*, is *consistent* with, or *contradicts* a claimed one.

>>> [q.text for q in find_quantities("ICE transferred more than 448,000 minors; 65% had no notice.")]
['more than 448,000', '65%']
>>> q = Quantity.parse("more than 448,000")
>>> q.value, q.hedge.value, q.kind.value, str(q.interval())
(Decimal('448000'), 'more_than', 'count', '(448,000, +inf)')
>>> c = compare(derive("percent_of", Quantity.parse("65%").interval(), Quantity.parse("448,000").interval()),
...             Quantity.parse("about 291,000").interval())
>>> c.verdict.value
'entailed'

Reading rules a caller must know:

* **Only ASCII digits 0-9 count.**  Arabic-Indic, Devanagari and other Unicode
  digits are not read as numbers (a regex ``\\d`` and ``str.isdigit`` would accept them; we
  do not), so a run of them is ignored.  A digit token (digits with ``,`` ``.`` and
  range/date separators) longer than :data:`MAX_TOKEN_CHARS` characters is not a
  quantity, nor is a run of more than :data:`MAX_WORD_RUN` number words, nor a bare
  list of :data:`MAX_LIST` or more numbers separated only by spaces or commas (a
  table or a dump, not claims in prose).  Number words are read in lower case or
  capitalised ("One", "Majority"), not in all capitals.
* **Precision** is the place value of the last significant digit as written:
  ``448,000`` -> 1000, ``448,820`` -> 1, ``65%`` -> 1, ``1.1 million`` -> 100,000,
  ``$1.4B`` -> 100,000,000, ``64.96%`` -> 0.01.  Trailing zeros count as rounding
  only in whole groups of three (``200,000`` -> 1000, ``2,500``, ``60%`` and ``300``
  -> 1); "a million" -> 1,000,000.
* **Intervals** (see :meth:`Quantity.interval`): exact ``v`` is ``[v - p/2, v + p/2)``;
  ``approximately`` is ``v ± max(p/2, |v| * APPROX_REL)``; ``nearly`` is
  ``[v * (1 - NEARLY_REL), v)``; ``more than`` ``(v, +inf)``; ``at least``
  ``[v, +inf)``; ``less than`` / ``at most`` stop at 0 for a non-negative value.
  Years, dates, ordinals and ratio parts are points; year and date ranges are
  ``[low, high]``; other ranges ``[low - p/2, high + p/2]``; percents are in
  percent units (``65%`` -> ``[64.5, 65.5)``); "most" is ``(0.5, 1]``.
* **Verdicts** (:func:`compare`): *entailed* when the claimed interval contains the
  computed one (every value the sources allow makes the claim true), *consistent*
  when they overlap otherwise, *contradicted* when they do not meet.
* **Stored values**: ranges keep the low end in ``value`` and the high end in
  ``high``; ratios ("one of the eight", "9 out of 10", "80.9 per 100,000") keep the
  numerator in ``value`` and the denominator in ``denominator``; fractions keep the
  fraction (10 decimal places); "most" / "a majority" are ``SHARE`` 0.5 with hedge
  ``MORE_THAN`` ("a minority": 0.5 ``LESS_THAN``); dates keep the year in ``value``
  and ISO text in ``date`` (``"2024-08-19"``, ``"2021-01"``; ranges
  ``"2021-01/2024-02"``).  A date written without its year ("As of March 14") takes
  the year of the text's dateline or of the nearest dated mention (``"--03-14"`` and
  the day in ``value`` when the text has no dated mention at all).  "From 25% to
  30%" and "rose by 157,000 to 6.6 million" are two numbers (a change); "10 to 12",
  "10% to 12%", "between 10 and 12" and "from 10 to 12 percent" are ranges.
* Numbers inside names and page furniture ("COVID-19", "Title 42", "the 2020
  Census", "H.R. 2", "OIG-24-46", "report #739", datelines and release lines, times,
  phone numbers, addresses) are mentions with ``fact=False``;
  :func:`find_quantities` leaves them out unless asked.
* :func:`find_quantities` never raises on a ``str`` and runs in time linear in the
  length of the text plus the number of mentions.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from .errors import QuantityError
from .intervals import (
    Comparison,
    DERIVATION_OPS,
    Interval,
    Verdict,
    _DOWN,
    _HALF,
    _ONE,
    _UP,
    _ZERO,
    _opt_decimal,
    _to_decimal,
    compare,
    derive,
)
from .spans import Span

# The numeral reader (claimgraph.numerals) imports the value types defined here; Quantity.parse,
# find_quantities and the renderer import the reader when they run, so loading goes one way.

__all__ = [
    "APPROX_REL",
    "NEARLY_REL",
    "MAX_TOKEN_CHARS",
    "MAX_WORD_RUN",
    "DERIVATION_OPS",
    "Hedge",
    "QuantityKind",
    "Verdict",
    "Interval",
    "Comparison",
    "Quantity",
    "compare",
    "derive",
    "find_quantities",
]

#: Relative half-width of an "approximately" interval (2%).
APPROX_REL = Decimal("0.02")
#: How far below the stated value "nearly" reaches (5%).
NEARLY_REL = Decimal("0.05")
#: A digit token longer than this many characters is not a quantity.
MAX_TOKEN_CHARS = 64
#: A run of more than this many number words is not a quantity.
MAX_WORD_RUN = 12
#: A bare list of this many numbers or number words, separated only by spaces,
#: commas or semicolons, is read as a table or a dump and skipped whole.
MAX_LIST = 16
#: Decimal places kept for fractions ("two-thirds" -> 0.6666666667).
FRACTION_PLACES = 10
_FRACTION_UNIT = Decimal(1).scaleb(-FRACTION_PLACES)


class Hedge(str, enum.Enum):
    """How a number is hedged in the text."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    NEARLY = "nearly"


class QuantityKind(str, enum.Enum):
    """What a number measures."""

    COUNT = "count"
    PERCENT = "percent"
    PERCENTAGE_POINTS = "percentage_points"
    MONEY = "money"
    MEASURE = "measure"
    YEAR = "year"
    DATE = "date"
    YEAR_RANGE = "year_range"
    DATE_RANGE = "date_range"
    RANGE = "range"
    DURATION = "duration"
    RATIO = "ratio"
    FRACTION = "fraction"
    SHARE = "share"
    ORDINAL = "ordinal"


# --------------------------------------------------------------------------- Quantity

_POINT_KINDS = frozenset({"year", "date", "ordinal", "ratio"})
_RANGE_KINDS = frozenset({"year_range", "date_range", "range"})


def _hedge_conv(h: Any) -> Hedge:
    return h if isinstance(h, Hedge) else Hedge(h)


def _kind_conv(k: Any) -> QuantityKind:
    return k if isinstance(k, QuantityKind) else QuantityKind(k)


def _span_conv(s: Any) -> Span | None:
    if s is None or isinstance(s, Span):
        return s
    return Span(*s)


@attrs.frozen(hash=False)
class Quantity:
    """One number mention, as a fact-checker reads it.

    >>> q = Quantity.parse("nearly 1.1 million")
    >>> q.value, q.precision, q.hedge.value, str(q.interval())
    (Decimal('1100000'), Decimal('100000'), 'nearly', '[1,045,000, 1,100,000)')
    >>> Quantity.parse("one of the eight").as_fraction().midpoint
    Decimal('0.125')
    """

    text: str
    value: Decimal = attrs.field(converter=_to_decimal)
    hedge: Hedge = attrs.field(default=Hedge.EXACT, converter=_hedge_conv)
    kind: QuantityKind = attrs.field(default=QuantityKind.COUNT, converter=_kind_conv)
    unit: str | None = None
    noun: str | None = None
    high: Decimal | None = attrs.field(default=None, converter=_opt_decimal)
    denominator: Decimal | None = attrs.field(default=None, converter=_opt_decimal)
    scope: str | None = None
    precision: Decimal | None = attrs.field(default=None, converter=_opt_decimal)
    span: Span | None = attrs.field(default=None, converter=_span_conv)
    fact: bool = True
    date: str | None = None

    def __hash__(self) -> int:
        # equal quantities have the same text, value and place; hashing those alone keeps the
        # linker's caches (keyed by pairs of quantities) cheap
        span = self.span
        return hash((self.text, self.value, span.start if span is not None else -1))

    # -- reading
    @classmethod
    def parse(cls, text: str) -> "Quantity":
        """Read one phrase ("more than 448,000", "65%", "two-thirds") as a Quantity.

        Leading/trailing space is fine and a counted noun may follow the number.
        Raises :class:`QuantityError` naming the text and the reason when the phrase
        is not exactly one quantity.

        >>> Quantity.parse(" $2.75 Billion ").value
        Decimal('2750000000')
        >>> Quantity.parse("12 and 13 apples")
        Traceback (most recent call last):
        ...
        claimgraph.errors.QuantityError: '12 and 13 apples' is not one quantity: it holds 2 numbers ('12', '13') (hint: ...)
        """
        if not isinstance(text, str):
            raise QuantityError(f"{text!r} is not text", hint="pass the phrase as a str")
        from .numerals import _NOUN, _build, _scan

        phrase = text.strip()
        if not phrase:
            raise QuantityError(f"{text!r} is not a quantity: the text is empty",
                                hint="write a number phrase such as 'more than 448,000' or '65%'")
        found = _scan(phrase, phrase_mode=True)
        if not found:
            raise QuantityError(f"{text!r} is not a quantity: no number was found in it",
                                hint="write a number phrase such as 'more than 448,000' or '65%'")
        if len(found) > 1:
            shown = ", ".join(repr(phrase[r[0]:r[1]]) for r in found[:5])
            raise QuantityError(f"{text!r} is not one quantity: it holds {len(found)} numbers ({shown})",
                                hint="parse one number phrase at a time, or use find_quantities()")
        rec = found[0]
        before = phrase[: rec[0]].strip()
        after = phrase[rec[1]:].strip()
        if before and before.lower() not in ("the", "a", "an"):
            raise QuantityError(f"{text!r} is not a quantity: {before!r} comes before the number",
                                hint="remove the words before the number (hedges such as 'about' are fine)")
        if after and not _TRAILING_NOUN.fullmatch(after):
            raise QuantityError(f"{text!r} is not a quantity: {after!r} follows the number and is not a noun",
                                hint="keep only the number phrase and, at most, the noun it counts")
        if after and rec[_NOUN] is None:
            rec[_NOUN] = after
        q = _build(phrase, rec)
        return attrs.evolve(q, span=None)

    # -- meaning
    def _precision(self) -> Decimal:
        if self.precision is not None:
            return abs(self.precision) or _ONE
        if self.text:  # e.g. read back from a file without precision: re-read the words
            from .numerals import _PREC, _VALUE, _scan

            try:
                found = _scan(self.text.strip(), phrase_mode=True)
            except Exception:  # pragma: no cover - _scan is total; belt and braces
                found = []
            if len(found) == 1 and found[0][_VALUE] == self.value and found[0][_PREC] is not None:
                return found[0][_PREC]
        return _precision_of_decimal(self.value)

    def interval(self) -> Interval:
        """The true values this wording allows (see the module notes for the rules).

        >>> str(Quantity.parse("65%").interval()), str(Quantity.parse("approximately 366,000").interval())
        ('[64.5, 65.5)', '[358,680, 373,320]')
        >>> str(Quantity.parse("between fiscal years 2019 and 2023").interval())
        '[2019, 2023]'
        >>> str(Quantity.parse("most").interval())
        '(0.5, 1]'
        """
        v = self.value
        kind = self.kind.value
        hedge = self.hedge
        if kind == "share":
            if hedge in (Hedge.LESS_THAN, Hedge.AT_MOST, Hedge.NEARLY):
                return Interval(_ZERO, v, True, hedge is Hedge.AT_MOST)
            if hedge in (Hedge.MORE_THAN, Hedge.AT_LEAST):
                return Interval(v, _ONE, hedge is Hedge.AT_LEAST, True)
        p = self._precision()
        half = p / 2
        floor0 = v >= 0 and kind not in ("year", "date", "year_range", "date_range")
        if kind in _RANGE_KINDS and self.high is not None:
            lo_v, hi_v = min(v, self.high), max(v, self.high)
            if kind == "range":
                base = Interval(_DOWN.subtract(lo_v, half), _UP.add(hi_v, half))
            else:
                base = Interval(lo_v, hi_v)
            if hedge is Hedge.EXACT:
                return base
            if hedge is Hedge.APPROXIMATELY:
                width = max(half, abs(hi_v) * APPROX_REL, abs(lo_v) * APPROX_REL)
                return Interval(_DOWN.subtract(lo_v, width), _UP.add(hi_v, width))
            v = lo_v if hedge in (Hedge.MORE_THAN, Hedge.AT_LEAST) else hi_v
        point_like = (kind in _POINT_KINDS and not (kind == "ratio" and self.unit == "times")) or kind in _RANGE_KINDS
        if hedge is Hedge.EXACT:
            if point_like:
                return Interval.point(v)
            return Interval(_DOWN.subtract(v, half), _UP.add(v, half), True, False)
        if hedge is Hedge.APPROXIMATELY:
            width = max(half, abs(v) * APPROX_REL)
            return Interval(_DOWN.subtract(v, width), _UP.add(v, width))
        if hedge is Hedge.MORE_THAN:
            return Interval(v, None, False, False)
        if hedge is Hedge.AT_LEAST:
            return Interval(v, None, True, False)
        if hedge is Hedge.LESS_THAN:
            return Interval(_ZERO, v, True, False) if floor0 and v > 0 else Interval(None, v, False, False)
        if hedge is Hedge.AT_MOST:
            return Interval(_ZERO, v, True, True) if floor0 else Interval(None, v, False, True)
        # NEARLY: just below the stated value
        edge = _DOWN.multiply(v, _ONE - NEARLY_REL)
        return Interval(min(edge, v), max(edge, v), True, False)

    def as_fraction(self) -> Interval | None:
        """The quantity as a share of a whole (0..1), when it is one; else None.

        >>> str(Quantity.parse("65%").as_fraction())
        '[0.645, 0.655)'
        >>> Quantity.parse("12 miles").as_fraction() is None
        True
        """
        kind = self.kind.value
        if kind == "percent" or (kind == "range" and self.unit == "%"):
            return self.interval().scale(Decimal("0.01"))
        if kind in ("fraction", "share"):
            return self.interval()
        if kind == "ratio" and self.denominator:
            return self.interval() / Interval.point(self.denominator)
        return None

    # -- writing
    def render(self) -> str:
        """Canonical text that :meth:`parse` reads back with equal value, hedge, kind and unit.

        >>> Quantity.parse("approximately 1.4 billion dollars").render()
        'approximately $1,400,000,000'
        >>> Quantity.parse("FY2019–FY2023").render()
        'between 2019 and 2023'
        """
        return _render(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict (decimals as strings); :meth:`from_dict` reads it back."""
        s = self.span
        return {
            "text": self.text,
            "start": None if s is None else s.start,
            "end": None if s is None else s.end,
            "value": str(self.value),
            "hedge": self.hedge.value,
            "unit": self.unit,
            "kind": self.kind.value,
            "noun": self.noun,
            "high": None if self.high is None else str(self.high),
            "denominator": None if self.denominator is None else str(self.denominator),
            "scope": self.scope,
            "precision": None if self.precision is None else str(self.precision),
            "fact": self.fact,
            "date": self.date,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quantity":
        """Inverse of :meth:`to_dict`.

        >>> q = find_quantities("about 200,000 cases")[0]
        >>> Quantity.from_dict(q.to_dict()) == q
        True
        """
        try:
            start, end = d.get("start"), d.get("end")
            return cls(
                text=d["text"],
                value=d["value"],
                hedge=d.get("hedge", "exact"),
                kind=d.get("kind", "count"),
                unit=d.get("unit"),
                noun=d.get("noun"),
                high=d.get("high"),
                denominator=d.get("denominator"),
                scope=d.get("scope"),
                precision=d.get("precision"),
                span=None if start is None or end is None else Span(start, end),
                fact=bool(d.get("fact", True)),
                date=d.get("date"),
            )
        except KeyError as err:
            raise QuantityError(f"quantity record lacks the field {err.args[0]!r}",
                                hint="a record needs at least 'text' and 'value'") from None
        except ValueError as err:
            if isinstance(err, QuantityError):
                raise
            raise QuantityError(f"quantity record is invalid: {err}", hint="check hedge and kind names") from None


_TRAILING_NOUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*){0,5}")


def _precision_of_decimal(v: Decimal) -> Decimal:
    exp = v.as_tuple().exponent
    if isinstance(exp, int) and exp < 0:
        return Decimal(1).scaleb(exp)
    return _ONE


# --------------------------------------------------------------------------- finding numbers


_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"]
#: A month named on its own ("surveyed in March", "since October", "its April brief"); "May" only
#: after a word of time ("in May", "since May": not the verb), and no month before a capitalised
#: word (a name: "June Dunning") or a figure (a date the scanner reads, "March 3").
_BARE_MONTH = re.compile(r"(?<![\w.])(?:" + "|".join(_MONTH_NAMES) + r"|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
                         r"(?![\w-])(?![ \t]*\d)(?![ \t]+[A-Z][a-z])")
#: The words of time before which "May" is the month.
_BEFORE_MAY = re.compile(r"(?i)\b(?:in|by|since|until|last|this|through|of|early|mid|late|ending|ended)[ \t-]\Z")


def _bare_months(text: str, taken: list[Quantity]) -> list[Quantity]:
    """The months a text names on their own, as dates without a year (``date`` "--03"), outside the
    figures already found (``taken``, in text order: each is passed once)."""
    spans = [q.span for q in taken if q.span is not None]
    out, i = [], 0
    for m in _BARE_MONTH.finditer(text):
        while i < len(spans) and spans[i].end <= m.start():
            i += 1
        if i < len(spans) and spans[i].start < m.end():
            continue  # inside a figure already found
        if m.group(0) == "May" and not _BEFORE_MAY.search(text, max(0, m.start() - 10), m.start()):
            continue
        month = next(n for n, name in enumerate(_MONTH_NAMES, start=1) if name.startswith(m.group(0)[:3]))
        out.append(Quantity(m.group(0), month, kind=QuantityKind.DATE, date=f"--{month:02d}",
                            precision=1, span=Span(m.start(), m.end())))
    return out


def find_quantities(text: str, *, include_non_facts: bool = False, bare_months: bool = False) -> list[Quantity]:
    """Every number mention in running text, in text order, non-overlapping, each with ``span`` set.

    Numbers inside names and page furniture come back only with
    ``include_non_facts=True`` (and ``fact=False``).  A month named on its own ("in
    March") is no number, but it dates the figures around it: ``bare_months=True``
    adds such months as dates without a year (``date`` "--03").  Never raises on a
    str and runs in linear time.

    >>> text = "Between fiscal years 2019 and 2023, ICE transferred more than 448,000 unaccompanied minors."
    >>> [(q.text, q.kind.value) for q in find_quantities(text)]
    [('Between fiscal years 2019 and 2023', 'year_range'), ('more than 448,000', 'count')]
    >>> q = find_quantities(text)[1]
    >>> q.noun, q.scope
    ('unaccompanied minors', 'Between fiscal years 2019 and 2023')
    >>> [(q.text, q.fact) for q in find_quantities("COVID-19 cases rose 12%", include_non_facts=True)]
    [('COVID-19', False), ('12%', True)]
    """
    if not isinstance(text, str):
        raise QuantityError(f"find_quantities needs text (str), got {type(text).__name__}",
                            hint="decode bytes first")
    from .numerals import _FACT, _build, _caps_folded, _scan

    try:
        recs = _scan(_caps_folded(text))
    except RecursionError:  # pragma: no cover - nothing here recurses; belt and braces
        return []
    out = []
    for r in recs:
        if r[_FACT] or include_non_facts:
            out.append(_build(text, r))
    if bare_months:
        out = sorted(out + _bare_months(text, out), key=lambda q: q.span.start)
    return out


# --------------------------------------------------------------------------- rendering

_HEDGE_RENDER = {
    Hedge.EXACT: "", Hedge.APPROXIMATELY: "approximately ", Hedge.MORE_THAN: "more than ",
    Hedge.AT_LEAST: "at least ", Hedge.LESS_THAN: "less than ", Hedge.AT_MOST: "at most ", Hedge.NEARLY: "nearly ",
}
_FRACTION_RENDER = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"),
                    5: ("fifth", "fifths"), 6: ("sixth", "sixths"), 7: ("seventh", "sevenths"),
                    8: ("eighth", "eighths"), 9: ("ninth", "ninths"), 10: ("tenth", "tenths"),
                    11: ("eleventh", "elevenths"),
                    12: ("twelfth", "twelfths")}


def _num(v: Decimal) -> str:
    if v == v.to_integral_value() and v.as_tuple().exponent >= 0:  # type: ignore[operator]
        return f"{int(v):,}"
    return f"{v:,f}"


def _render(q: Quantity) -> str:
    from .numbase import _CURRENCY_RENDER, _SMALL_WORDS, _UNIT_WRITTEN

    h = _HEDGE_RENDER[q.hedge]
    k = q.kind.value
    v = q.value
    if k == "count":
        return h + _num(v)
    if k == "percent":
        return h + _num(v) + "%"
    if k == "percentage_points":
        return h + _num(v) + " percentage points"
    if k == "money":
        sym = _CURRENCY_RENDER.get(q.unit or "USD")
        if sym is None:
            return h + _num(v) + " " + (q.unit or "")
        if v < 0:
            return h + "-" + sym + _num(-v)
        return h + sym + _num(v)
    if k in ("measure", "duration"):
        return h + _num(v) + " " + _UNIT_WRITTEN.get(q.unit or "", q.unit or "")
    if k == "year":
        return h + str(int(v))
    if k == "ordinal":
        n = int(v)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return h + f"{n}{suffix}"
    if k == "year_range":
        return h + f"between {int(v)} and {int(q.high if q.high is not None else v)}"
    if k in ("date", "date_range"):
        return h + _render_date(q)
    if k == "range":
        hi = q.high if q.high is not None else v
        if q.unit == "%":
            return h + f"{_num(v)}% to {_num(hi)}%"
        if q.unit in _CURRENCY_RENDER.values() or q.unit in _CURRENCY_RENDER:
            sym = _CURRENCY_RENDER.get(q.unit, "$")
            return h + f"{sym}{_num(v)} to {sym}{_num(hi)}"
        if q.unit:
            return h + f"{_num(v)} to {_num(hi)} " + _UNIT_WRITTEN.get(q.unit, q.unit)
        return h + f"{_num(v)} to {_num(hi)}"
    if k == "ratio" and q.unit == "times":
        return h + f"{_num(v)} times"
    if k == "ratio":
        return h + f"{_num(v)} of the {_num(q.denominator if q.denominator is not None else v)}"
    if k == "fraction":
        frac = Fraction(v).limit_denominator(12)
        if abs(Decimal(frac.numerator) / Decimal(frac.denominator) - v) <= Decimal("1e-9") and \
                frac.denominator in _FRACTION_RENDER and 0 < frac.numerator < min(frac.denominator, 20):
            sing, plur = _FRACTION_RENDER[frac.denominator]
            if frac.numerator == 1:
                return h + ("half" if frac.denominator == 2 else "one-" + sing)
            return h + _SMALL_WORDS[frac.numerator] + "-" + plur
        frac = Fraction(v).limit_denominator(1000)
        if frac.numerator > 0 and frac.numerator < frac.denominator and \
                (Decimal(frac.numerator) / Decimal(frac.denominator)).quantize(_FRACTION_UNIT) == v:
            return h + f"{frac.numerator}/{frac.denominator}"
        raise QuantityError(f"cannot render fraction {v}", hint="fractions render as n/d with d <= 1000")
    if k == "share":
        if q.hedge is Hedge.MORE_THAN and v == _HALF:
            return "a majority"
        if q.hedge is Hedge.LESS_THAN and v == _HALF:
            return "a minority"
        raise QuantityError(f"cannot render share {v} with hedge {q.hedge.value}",
                            hint="shares are 'a majority' (more than 0.5) or 'a minority' (less than 0.5)")
    raise QuantityError(f"cannot render kind {k}", hint="report this as a bug")  # pragma: no cover


def _render_date(q: Quantity) -> str:
    def one(iso: str) -> str:
        if iso.startswith("--"):
            parts = iso[2:].split("-")
            mo = int(parts[0])
            return _MONTH_NAMES[mo - 1] + (f" {int(parts[1])}" if len(parts) > 1 else "")
        parts = iso.split("-")
        y = int(parts[0])
        if len(parts) == 1:
            return str(y)
        mo = int(parts[1])
        if len(parts) == 2:
            return f"{_MONTH_NAMES[mo - 1]} {y}"
        return f"{_MONTH_NAMES[mo - 1]} {int(parts[2])}, {y}"

    if not q.date:
        raise QuantityError(f"cannot render date {q.text!r} without its ISO 'date' text",
                            hint="set date, e.g. '2024-08-19'")
    if "/" in q.date:
        a, b = q.date.split("/", 1)
        return f"between {one(a)} and {one(b)}"
    return one(q.date)
