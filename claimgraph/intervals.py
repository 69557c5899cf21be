"""Intervals with outward rounding, arithmetic on them (:func:`derive`) and the comparison
of a computed interval with a claimed one (:func:`compare`): the reasoning behind
"65% is consistent with more than 291,000 of more than 448,000".

Every name here is also available from :mod:`claimgraph.quantities`.
"""

from __future__ import annotations

import enum
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import attrs

from .errors import QuantityError


class Verdict(str, enum.Enum):
    """Outcome of comparing a computed interval with a claimed one."""

    ENTAILED = "entailed"
    CONSISTENT = "consistent"
    CONTRADICTED = "contradicted"


_INF = Decimal("Infinity")
_ZERO = Decimal(0)
_ONE = Decimal(1)
_HALF = Decimal("0.5")
_HUNDRED = Decimal(100)
# Outward-rounding contexts: lower ends round toward -inf, upper ends toward +inf.
_DOWN = Context(prec=50, rounding=ROUND_FLOOR, traps=[])
_UP = Context(prec=50, rounding=ROUND_CEILING, traps=[])


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise QuantityError(f"{value!r} is not a number", hint="give a Decimal, int or numeric string")
    if isinstance(value, float):
        value = repr(value)
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise QuantityError(f"{value!r} is not a number", hint="give a Decimal, int or numeric string") from None


def _opt_decimal(value: Any) -> Decimal | None:
    return None if value is None else _to_decimal(value)


def _fmt(d: Decimal) -> str:
    """A Decimal for people: no exponent, thousands separators, at most 6 decimals."""
    if not d.is_finite():
        return "+inf" if d > 0 else "-inf"
    if d.as_tuple().exponent < -6:  # type: ignore[operator]
        d = d.quantize(Decimal("0.000001"))
    d = d.normalize()
    if d == 0:
        return "0"
    return f"{d:,f}" if abs(d) >= 10000 else f"{d:f}"


@attrs.frozen
class Interval:
    """A real interval with open or closed ends; ``None`` is an unbounded end.

    >>> a = Interval(Decimal(1), Decimal(2))
    >>> str(a + Interval.point(10)), str(a * Interval(Decimal(-1), Decimal(3), hi_closed=False))
    ('[11, 12]', '[-2, 6)')
    >>> str(Interval.point(1) / Interval(Decimal(-1), Decimal(1)))
    '(-inf, +inf)'
    >>> Interval(Decimal(448000), None, lo_closed=False).contains(Decimal(448000))
    False
    """

    lo: Decimal | None = attrs.field(converter=_opt_decimal)
    hi: Decimal | None = attrs.field(converter=_opt_decimal)
    lo_closed: bool = True
    hi_closed: bool = True

    def __attrs_post_init__(self) -> None:
        lo, hi = self.lo, self.hi
        if lo is not None and not lo.is_finite():
            raise QuantityError(f"interval end {lo} is not finite", hint="use None for an unbounded end")
        if hi is not None and not hi.is_finite():
            raise QuantityError(f"interval end {hi} is not finite", hint="use None for an unbounded end")
        if lo is not None and hi is not None and lo > hi:
            raise QuantityError(f"interval low end {lo} is above its high end {hi}", hint="swap the ends")
        if lo is None and self.lo_closed:
            object.__setattr__(self, "lo_closed", False)
        if hi is None and self.hi_closed:
            object.__setattr__(self, "hi_closed", False)

    @classmethod
    def point(cls, v: Any) -> "Interval":
        """The closed interval ``[v, v]``."""
        v = _to_decimal(v)
        return cls(v, v)

    @classmethod
    def around(cls, value: Any, half_width: Any) -> "Interval":
        """The closed interval ``[value - half_width, value + half_width]``.

        >>> str(Interval.around(100, 2))
        '[98, 102]'
        """
        value, h = _to_decimal(value), abs(_to_decimal(half_width))
        return cls(_DOWN.subtract(value, h), _UP.add(value, h))

    # -- predicates
    def contains(self, x: Any) -> bool:
        """True when the number ``x`` lies in the interval."""
        x = _to_decimal(x) if not isinstance(x, (Decimal, Fraction)) else x
        if self.lo is not None and (x < self.lo or (x == self.lo and not self.lo_closed)):
            return False
        if self.hi is not None and (x > self.hi or (x == self.hi and not self.hi_closed)):
            return False
        return True

    def contains_interval(self, other: "Interval") -> bool:
        """True when every number of ``other`` lies in this interval."""
        if self.lo is not None:
            if other.lo is None or other.lo < self.lo:
                return False
            if other.lo == self.lo and other.lo_closed and not self.lo_closed:
                return False
        if self.hi is not None:
            if other.hi is None or other.hi > self.hi:
                return False
            if other.hi == self.hi and other.hi_closed and not self.hi_closed:
                return False
        return True

    def intersection(self, other: "Interval") -> "Interval | None":
        """The common part of two intervals, or None when they do not meet."""
        lo, lo_c = _max_lo(self, other)
        hi, hi_c = _min_hi(self, other)
        if lo is not None and hi is not None and (lo > hi or (lo == hi and not (lo_c and hi_c))):
            return None
        return Interval(lo, hi, lo_c, hi_c)

    def overlaps(self, other: "Interval") -> bool:
        """True when the intervals share at least one number."""
        return self.intersection(other) is not None

    @property
    def is_bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    @property
    def midpoint(self) -> Decimal | None:
        """The centre of a bounded interval (None when an end is unbounded)."""
        if self.lo is None or self.hi is None:
            return None
        return (self.lo + self.hi) / 2

    # -- arithmetic (sound: results round outward)
    def __neg__(self) -> "Interval":
        return Interval(None if self.hi is None else -self.hi, None if self.lo is None else -self.lo,
                        self.hi_closed, self.lo_closed)

    def __add__(self, other: "Interval") -> "Interval":
        if not isinstance(other, Interval):
            return NotImplemented
        lo = None if self.lo is None or other.lo is None else _DOWN.add(self.lo, other.lo)
        hi = None if self.hi is None or other.hi is None else _UP.add(self.hi, other.hi)
        return Interval(lo, hi, self.lo_closed and other.lo_closed, self.hi_closed and other.hi_closed)

    def __sub__(self, other: "Interval") -> "Interval":
        if not isinstance(other, Interval):
            return NotImplemented
        return self + (-other)

    def __mul__(self, other: "Interval") -> "Interval":
        if not isinstance(other, Interval):
            return NotImplemented
        a_ends = ((self.lo, self.lo_closed, -1), (self.hi, self.hi_closed, 1))
        b_ends = ((other.lo, other.lo_closed, -1), (other.hi, other.hi_closed, 1))
        lows: list[tuple[Decimal, bool]] = []
        highs: list[tuple[Decimal, bool]] = []
        for a, ac, asg in a_ends:
            for b, bc, bsg in b_ends:
                closed = (ac and bc) or (a == 0 and ac) or (b == 0 and bc)
                if (a is not None and a == 0) or (b is not None and b == 0):
                    lows.append((_ZERO, closed))
                    highs.append((_ZERO, closed))
                    continue
                if a is None or b is None:  # an infinite end times a non-zero end
                    sa = asg if a is None else (1 if a > 0 else -1)
                    sb = bsg if b is None else (1 if b > 0 else -1)
                    inf = _INF if sa * sb > 0 else -_INF
                    lows.append((inf, False))
                    highs.append((inf, False))
                    continue
                lows.append((_DOWN.multiply(a, b), closed))
                highs.append((_UP.multiply(a, b), closed))
        lo = min(v for v, _ in lows)
        hi = max(v for v, _ in highs)
        lo_c = lo.is_finite() and any(c for v, c in lows if v == lo)
        hi_c = hi.is_finite() and any(c for v, c in highs if v == hi)
        return Interval(lo if lo.is_finite() else None, hi if hi.is_finite() else None, lo_c, hi_c)

    def reciprocal(self) -> "Interval":
        """``{1/x}`` for x in the interval (x = 0 skipped); unbounded when 0 is inside."""
        lo, hi = self.lo, self.hi
        if (lo is None or lo < 0) and (hi is None or hi > 0):
            return Interval(None, None)
        if lo is not None and hi is not None and lo == hi == 0:
            return Interval(None, None)
        # 0 may still be an end: 1/0 becomes an unbounded, open end.
        new_lo = _ZERO if hi is None else (None if hi == 0 else _DOWN.divide(_ONE, hi))
        new_hi = _ZERO if lo is None else (None if lo == 0 else _UP.divide(_ONE, lo))
        return Interval(new_lo, new_hi, hi is not None and hi != 0 and self.hi_closed,
                        lo is not None and lo != 0 and self.lo_closed)

    def __truediv__(self, other: "Interval") -> "Interval":
        if not isinstance(other, Interval):
            return NotImplemented
        blo, bhi = other.lo, other.hi
        if (blo is None or blo <= 0) and (bhi is None or bhi >= 0):
            return self * other.reciprocal()  # 0 is inside or an end: see reciprocal()
        # the divisor keeps one sign, so the extremes are quotients of the ends
        lows: list[tuple[Decimal, bool]] = []
        highs: list[tuple[Decimal, bool]] = []
        for a, ac, asg in ((self.lo, self.lo_closed, -1), (self.hi, self.hi_closed, 1)):
            for b, bc, bsg in ((blo, other.lo_closed, -1), (bhi, other.hi_closed, 1)):
                if a is not None and b is not None:
                    lows.append((_DOWN.divide(a, b), (ac and bc) or (a == 0 and ac)))
                    highs.append((_UP.divide(a, b), (ac and bc) or (a == 0 and ac)))
                    continue
                sb = bsg if b is None else (1 if b > 0 else -1)
                if a is None:  # an infinite end over a finite one, or over an infinite one
                    inf = _INF if asg * sb > 0 else -_INF
                    lows.append((inf, False))
                    highs.append((inf, False))
                    if b is not None:
                        continue
                closed = a is not None and a == 0 and ac
                lows.append((_ZERO, closed))  # a finite end over an unbounded divisor tends to 0
                highs.append((_ZERO, closed))
        lo = min(v for v, _ in lows)
        hi = max(v for v, _ in highs)
        lo_c = lo.is_finite() and any(c for v, c in lows if v == lo)
        hi_c = hi.is_finite() and any(c for v, c in highs if v == hi)
        return Interval(lo if lo.is_finite() else None, hi if hi.is_finite() else None, lo_c, hi_c)

    def scale(self, k: Any) -> "Interval":
        """Multiply by the number ``k``.

        >>> str(Interval(Decimal("64.5"), Decimal("65.5"), hi_closed=False).scale(Decimal("0.01")))
        '[0.645, 0.655)'
        """
        return self * Interval.point(k)

    def __str__(self) -> str:
        left = ("[" if self.lo_closed else "(") + ("-inf" if self.lo is None else _fmt(self.lo))
        right = ("+inf" if self.hi is None else _fmt(self.hi)) + ("]" if self.hi_closed else ")")
        return f"{left}, {right}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (decimals as strings, None for unbounded ends)."""
        return {
            "lo": None if self.lo is None else str(self.lo),
            "hi": None if self.hi is None else str(self.hi),
            "lo_closed": self.lo_closed,
            "hi_closed": self.hi_closed,
        }


def _max_lo(a: Interval, b: Interval) -> tuple[Decimal | None, bool]:
    if a.lo is None:
        return b.lo, b.lo_closed
    if b.lo is None or a.lo > b.lo:
        return a.lo, a.lo_closed
    if b.lo > a.lo:
        return b.lo, b.lo_closed
    return a.lo, a.lo_closed and b.lo_closed


def _min_hi(a: Interval, b: Interval) -> tuple[Decimal | None, bool]:
    if a.hi is None:
        return b.hi, b.hi_closed
    if b.hi is None or a.hi < b.hi:
        return a.hi, a.hi_closed
    if b.hi < a.hi:
        return b.hi, b.hi_closed
    return a.hi, a.hi_closed and b.hi_closed


@attrs.frozen
class Comparison:
    """A computed interval set against a claimed one, with the verdict.

    ``value`` is the computed midpoint; when the computed interval is unbounded
    on one side it is the finite end (the figure the sources guarantee), and None
    when both ends are unbounded.
    """

    verdict: Verdict
    computed: Interval
    claimed: Interval
    value: Decimal | None
    computed_label: str | None = None
    claimed_label: str | None = None

    def explain(self) -> str:
        """One sentence with both intervals, the computed value and the verdict.

        >>> print(compare(Interval.point(291200), Interval(291000, None, lo_closed=False),
        ...               computed_label="65% of 448,000", claimed_label="more than 291,000").explain())
        65% of 448,000 = [291,200, 291,200] (computed value 291,200) vs more than 291,000 = (291,000, +inf): entailed ...
        """
        left = f"{self.computed_label or 'computed'} = {self.computed}"
        if self.value is not None:
            left += f" (computed value {_fmt(self.value)})"
        right = f"{self.claimed_label or 'claimed'} = {self.claimed}"
        why = {
            Verdict.ENTAILED: "entailed (the claim covers every computed value)",
            Verdict.CONSISTENT: "consistent (overlap), not entailed",
            Verdict.CONTRADICTED: "contradicted (no overlap)",
        }[self.verdict]
        return f"{left} vs {right}: {why}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (decimals as strings)."""
        return {
            "verdict": self.verdict.value,
            "computed": self.computed.to_dict(),
            "claimed": self.claimed.to_dict(),
            "value": None if self.value is None else str(self.value),
            "computed_label": self.computed_label,
            "claimed_label": self.claimed_label,
            "explanation": self.explain(),
        }


def compare(computed: Interval, claimed: Interval, *, computed_label: str | None = None,
            claimed_label: str | None = None) -> Comparison:
    """Compare a figure computed from sources with the figure a text claims.

    ENTAILED when the claimed interval contains the computed one (every value the
    sources allow makes the claim true; equal intervals entail each other);
    CONSISTENT when they overlap otherwise; CONTRADICTED when they do not meet.

    >>> more_than_448k = Interval(448000, None, lo_closed=False)
    >>> compare(Interval.point(450000), more_than_448k).verdict.value
    'entailed'
    >>> compare(more_than_448k, Interval(460000, None)).verdict.value
    'consistent'
    >>> compare(Interval.point(1), Interval(2, 3)).verdict.value
    'contradicted'
    """
    if claimed.contains_interval(computed):
        verdict = Verdict.ENTAILED
    elif computed.overlaps(claimed):
        verdict = Verdict.CONSISTENT
    else:
        verdict = Verdict.CONTRADICTED
    value = computed.midpoint
    if value is None:
        value = computed.lo if computed.lo is not None else computed.hi
    return Comparison(verdict, computed, claimed, value, computed_label, claimed_label)


#: The operations :func:`derive` knows.
DERIVATION_OPS: tuple[str, ...] = ("ratio", "percent_of", "sum", "difference", "product", "share_percent")
_HUNDRED_IV = Interval(_HUNDRED, _HUNDRED)
_PERCENT_IV = Interval(Decimal("0.01"), Decimal("0.01"))


def derive(op: str, *operands: Interval) -> Interval:
    """Sound interval arithmetic for derived figures.

    ``ratio(a, b) = a / b``; ``share_percent(a, b) = 100 * a / b``;
    ``percent_of(p, b) = p / 100 * b``; ``sum(*xs)``; ``difference(a, b) = a - b``;
    ``product(*xs)``.  Dividing by an interval that contains 0 gives an unbounded
    interval (never an error).

    >>> str(derive("percent_of", Interval(Decimal("64.5"), Decimal("65.5"), hi_closed=False),
    ...            Interval(448000, None, lo_closed=False)))
    '(288,960, +inf)'
    >>> derive("mean", Interval.point(1))
    Traceback (most recent call last):
    ...
    claimgraph.errors.QuantityError: unknown derivation 'mean' (hint: use one of: ratio, percent_of, sum, difference, product, share_percent)
    """
    if op not in DERIVATION_OPS:
        raise QuantityError(f"unknown derivation {op!r}", hint="use one of: " + ", ".join(DERIVATION_OPS))
    for x in operands:
        if not isinstance(x, Interval):
            raise QuantityError(f"derive({op!r}) needs Interval operands, got {type(x).__name__}",
                                hint="call Quantity.interval() first")
    if op in ("sum", "product"):
        if not operands:
            raise QuantityError(f"derive({op!r}) needs at least one operand", hint="pass intervals")
        acc = operands[0]
        for x in operands[1:]:
            acc = acc + x if op == "sum" else acc * x
        return acc
    if len(operands) != 2:
        raise QuantityError(f"derive({op!r}) needs exactly 2 operands, got {len(operands)}",
                            hint=f"{op}(a, b)")
    a, b = operands
    if op == "ratio":
        return a / b
    if op == "share_percent":
        return (a * _HUNDRED_IV) / b
    if op == "percent_of":
        return (a * _PERCENT_IV) * b
    return a - b  # difference
