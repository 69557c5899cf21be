"""Interval semantics: what a hedged number allows, sound arithmetic, verdicts."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from claimgraph.errors import QuantityError
from claimgraph.quantities import (
    APPROX_REL,
    DERIVATION_OPS,
    NEARLY_REL,
    Comparison,
    Interval,
    Quantity,
    QuantityKind,
    Verdict,
    compare,
    derive,
)

D = Decimal


def iv(text: str) -> Interval:
    return Quantity.parse(text).interval()


# ----------------------------------------------------------------------------- Interval itself


def test_open_and_closed_ends() -> None:
    a = Interval(D(1), D(2), lo_closed=False)
    assert not a.contains(1) and a.contains(D("1.0001")) and a.contains(2)
    assert Interval(None, D(5)).contains(D("-1e30"))
    assert Interval(D(448000), None, lo_closed=False).contains(D("1e30"))
    assert Interval(None, None).lo_closed is False  # an unbounded end is never closed


def test_interval_checks_its_ends() -> None:
    with pytest.raises(QuantityError, match="above its high end"):
        Interval(D(3), D(2))
    with pytest.raises(QuantityError, match="not finite"):
        Interval(D("Infinity"), None)
    with pytest.raises(QuantityError, match="not a number"):
        Interval("lots", None)


def test_str_is_human_readable() -> None:
    assert str(Interval(D(448000), None, lo_closed=False)) == "(448,000, +inf)"
    assert str(Interval(D(448000), D(449000), hi_closed=False)) == "[448,000, 449,000)"
    assert str(Interval(None, D("0.5"))) == "(-inf, 0.5]"
    assert str(Interval(D(2) / 3, D(1))) == "[0.666667, 1]"


def test_containment_and_overlap() -> None:
    big, small = Interval(D(0), D(10)), Interval(D(2), D(3), lo_closed=False)
    assert big.contains_interval(small) and not small.contains_interval(big)
    assert Interval(D(0), D(1), hi_closed=False).contains_interval(Interval(D(0), D(1), hi_closed=False))
    assert not Interval(D(0), D(1), hi_closed=False).contains_interval(Interval(D(0), D(1)))
    assert Interval(D(0), D(1)).overlaps(Interval(D(1), D(2)))  # share the point 1
    assert not Interval(D(0), D(1), hi_closed=False).overlaps(Interval(D(1), D(2)))
    assert Interval(None, None).contains_interval(Interval(D(5), None))
    assert not Interval(D(5), None).contains_interval(Interval(None, None))


def test_arithmetic_by_hand() -> None:
    a, b = Interval(D(1), D(2)), Interval(D(3), D(4))
    assert a + b == Interval(D(4), D(6))
    assert a - b == Interval(D(-3), D(-1))
    assert Interval(D(-1), D(2)) * b == Interval(D(-4), D(8))
    q = a / b
    assert q.lo == D("0.25") and q.lo_closed and q.hi_closed and q.contains(Fraction(2, 3))
    assert (a / Interval(D(0), D(4))) == Interval(D("0.25"), None)  # 0 is an end: x/0 is left out
    assert (a / Interval(D(-1), D(1))) == Interval(None, None)  # 0 inside: unbounded, no error
    assert (a / Interval(D(0), D(0))) == Interval(None, None)
    assert Interval(D(0), D(1), lo_closed=False).reciprocal() == Interval(D(1), None)
    assert a.scale(D(-2)) == Interval(D(-4), D(-2))
    assert (Interval(D(1), None, lo_closed=False) * Interval(D(-2), D(-1))) == Interval(None, D(-1), hi_closed=False)


def test_arithmetic_rounds_outward() -> None:
    third = Interval(D(1), D(1)) / Interval(D(3), D(3))
    assert third.lo is not None and third.hi is not None
    assert Fraction(third.lo) < Fraction(1, 3) < Fraction(third.hi)  # 1/3 has no exact Decimal
    assert third.hi - third.lo < D("1e-40")


def test_midpoint() -> None:
    assert Interval(D(1), D(3)).midpoint == 2
    assert Interval(D(1), None).midpoint is None


# ----------------------------------------------------------------------------- what a wording allows


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("448,000", "[447,500, 448,500)"),
        ("448,820", "[448,819.5, 448,820.5)"),
        ("65%", "[64.5, 65.5)"),
        ("64.96%", "[64.955, 64.965)"),
        ("1.1 million", "[1,050,000, 1,150,000)"),
        ("$1.4B", "[1,350,000,000, 1,450,000,000)"),
        ("approximately 366,000", "[358,680, 373,320]"),  # 2% of 366,000 beats the 500 of rounding
        ("approximately 20", "[19.5, 20.5]"),  # rounding (0.5) beats 2% (0.4)
        ("more than 448,000", "(448,000, +inf)"),
        ("at least 32,000", "[32,000, +inf)"),
        ("less than 10", "[0, 10)"),
        ("at most 10", "[0, 10]"),
        ("less than -5%", "(-inf, -5)"),
        ("nearly 1.1 million", "[1,045,000, 1,100,000)"),
        ("between fiscal years 2019 and 2023", "[2019, 2023]"),
        ("10 to 12", "[9.5, 12.5]"),
        ("about 10 to 12 miles", "[9.5, 12.5]"),
        ("2019", "[2019, 2019]"),
        ("one of the eight", "[1, 1]"),
        ("most", "(0.5, 1]"),
        ("a minority", "[0, 0.5)"),
        ("first", "[1, 1]"),
    ],
)
def test_quantity_intervals(phrase: str, expected: str) -> None:
    assert str(Quantity.parse(phrase).interval()) == expected


def test_tolerances_are_module_constants() -> None:
    assert APPROX_REL == D("0.02") and NEARLY_REL == D("0.05")


def test_precision_is_read_back_from_the_text_when_missing() -> None:
    # a Quantity rebuilt from a file may carry no precision: the wording still decides
    q = Quantity(text="448,000", value=D(448000))
    assert str(q.interval()) == "[447,500, 448,500)"
    assert str(Quantity(text="", value=D("64.96"), kind=QuantityKind.PERCENT).interval()) == "[64.955, 64.965)"


def test_as_fraction() -> None:
    assert str(Quantity.parse("65%").as_fraction()) == "[0.645, 0.655)"
    assert Quantity.parse("one of the eight").as_fraction() == Interval(D("0.125"), D("0.125"))
    assert Quantity.parse("most").as_fraction() == Interval(D("0.5"), D(1), lo_closed=False)
    assert Quantity.parse("10% to 12%").as_fraction() == Interval(D("0.095"), D("0.125"))
    assert Quantity.parse("448,000").as_fraction() is None


# ----------------------------------------------------------------------------- derive / compare


def test_must_hold_example_is_consistent_not_entailed() -> None:
    computed = derive("percent_of", iv("65%"), iv("more than 448,000"))
    # by hand: 64.5% of anything above 448,000 is above 0.645 * 448,000 = 288,960
    assert computed == Interval(D(288960), None, lo_closed=False)
    result = compare(computed, iv("more than 291,000"))
    assert result.verdict is Verdict.CONSISTENT
    assert result.verdict is not Verdict.ENTAILED
    assert result.value == D(288960)


def test_share_of_rounded_counts_entails_65_percent() -> None:
    # by hand: 291,000 means [290,500, 291,500) and 448,000 means [447,500, 448,500), so
    # 100 * a / b lies in (100 * 290,500 / 448,500, 100 * 291,500 / 447,500) = (64.7715, 65.1397),
    # inside what "65%" allows, [64.5, 65.5): every value the sources allow rounds to 65%.
    computed = derive("share_percent", iv("291,000"), iv("448,000"))
    assert computed.lo is not None and computed.hi is not None
    assert D("64.7714") < computed.lo < D("64.7715") and D("65.1396") < computed.hi < D("65.1397")
    assert not computed.lo_closed and not computed.hi_closed
    assert compare(computed, iv("65%")).verdict is Verdict.ENTAILED


def test_contradicted_example() -> None:
    computed = derive("percent_of", iv("65%"), iv("448,000"))  # [288,960, 293,640)
    result = compare(computed, iv("more than 300,000"))
    assert result.verdict is Verdict.CONTRADICTED
    assert compare(computed, iv("approximately 200,000")).verdict is Verdict.CONTRADICTED


def test_most_of_the_transfers() -> None:
    # "most of these transfers—approximately 366,000" out of "more than 448,000"
    share = derive("ratio", iv("approximately 366,000"), iv("more than 448,000"))
    assert compare(share, iv("most")).verdict is Verdict.CONSISTENT
    exact_share = derive("ratio", iv("approximately 366,000"), iv("448,000"))
    assert compare(exact_share, iv("most")).verdict is Verdict.ENTAILED


def test_explain_shows_the_computed_value() -> None:
    computed = derive("percent_of", iv("65%"), iv("more than 448,000"))
    result = compare(computed, iv("more than 291,000"), computed_label="65% of more than 448,000",
                     claimed_label="more than 291,000")
    text = result.explain()
    assert text == ("65% of more than 448,000 = (288,960, +inf) (computed value 288,960) vs more than 291,000 = "
                    "(291,000, +inf): consistent (overlap), not entailed")
    bounded = compare(derive("share_percent", iv("291,000"), iv("448,000")), iv("65%")).explain()
    assert "computed value 64.95" in bounded and "entailed" in bounded and bounded.startswith("computed = (")
    assert "contradicted" in compare(Interval.point(1), Interval.point(2)).explain()


def test_comparison_to_dict_is_json_safe() -> None:
    import json

    d = compare(Interval.point(D("1.5")), Interval(D(1), D(2))).to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["verdict"] == "entailed" and d["value"] == "1.5" and d["computed"]["lo"] == "1.5"
    assert isinstance(compare(Interval.point(1), Interval.point(1)), Comparison)


def test_derive_ops() -> None:
    assert DERIVATION_OPS == ("ratio", "percent_of", "sum", "difference", "product", "share_percent")
    a, b, c = Interval.point(6), Interval.point(3), Interval.point(2)
    assert derive("ratio", a, b) == Interval.point(2)
    assert derive("sum", a, b, c) == Interval.point(11)
    assert derive("product", a, b, c) == Interval.point(36)
    assert derive("difference", a, b) == Interval.point(3)
    assert derive("share_percent", b, a) == Interval.point(50)
    assert derive("percent_of", Interval.point(50), a) == Interval.point(3)
    assert derive("ratio", a, Interval(D(-1), D(1))) == Interval(None, None)


def test_derive_errors() -> None:
    with pytest.raises(QuantityError) as info:
        derive("average", Interval.point(1))
    assert "'average'" in str(info.value) and "share_percent" in str(info.value)
    with pytest.raises(QuantityError, match="exactly 2 operands"):
        derive("ratio", Interval.point(1))
    with pytest.raises(QuantityError, match="at least one operand"):
        derive("sum")
    with pytest.raises(QuantityError, match="Interval operands"):
        derive("sum", 5)  # type: ignore[arg-type]
