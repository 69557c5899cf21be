"""Reading numbers the way a fact-checker does: phrases, names, the worked case."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from claimgraph.errors import QuantityError
from claimgraph.quantities import (
    MAX_TOKEN_CHARS,
    Hedge,
    Quantity,
    QuantityKind,
    find_quantities,
)
from claimgraph.spans import Span

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "uac-oig-2024" / "article.txt"

D = Decimal

# phrase -> (value, hedge, kind, unit)
PHRASES = [
    # hedged counts
    ("more than 448,000", (D("448000"), "more_than", "count", None)),
    ("approximately 366,000", (D("366000"), "approximately", "count", None)),
    ("at least 32,000", (D("32000"), "at_least", "count", None)),
    ("32,000 or more", (D("32000"), "at_least", "count", None)),
    ("10,000+", (D("10000"), "at_least", "count", None)),
    ("10 or fewer", (D("10"), "at_most", "count", None)),
    ("nearly 1.1 million", (D("1100000"), "nearly", "count", None)),
    ("about 340", (D("340"), "approximately", "count", None)),
    ("around 340", (D("340"), "approximately", "count", None)),
    ("roughly 2,400", (D("2400"), "approximately", "count", None)),
    ("some 40", (D("40"), "approximately", "count", None)),
    ("an estimated 3,100", (D("3100"), "approximately", "count", None)),
    ("~500", (D("500"), "approximately", "count", None)),
    ("over 2,500", (D("2500"), "more_than", "count", None)),
    ("above 12", (D("12"), "more_than", "count", None)),
    ("exceeding 12", (D("12"), "more_than", "count", None)),
    ("upwards of 12", (D("12"), "more_than", "count", None)),
    ("a minimum of 12", (D("12"), "at_least", "count", None)),
    ("less than 10", (D("10"), "less_than", "count", None)),
    ("fewer than 10", (D("10"), "less_than", "count", None)),
    ("under 18", (D("18"), "less_than", "count", None)),
    ("below 18", (D("18"), "less_than", "count", None)),
    ("up to 450", (D("450"), "at_most", "count", None)),
    ("no more than 450", (D("450"), "at_most", "count", None)),
    ("as many as 450", (D("450"), "at_most", "count", None)),
    ("a maximum of 450", (D("450"), "at_most", "count", None)),
    ("at most 450", (D("450"), "at_most", "count", None)),
    ("almost 210,000", (D("210000"), "nearly", "count", None)),
    ("close to 210,000", (D("210000"), "nearly", "count", None)),
    ("just under 210,000", (D("210000"), "nearly", "count", None)),
    ("at or above 4 percent", (D("4"), "at_least", "percent", "%")),
    # spelled numbers
    ("forty-four", (D("44"), "exact", "count", None)),
    ("a million", (D("1000000"), "exact", "count", None)),
    ("one hundred forty-four thousand", (D("144000"), "exact", "count", None)),
    ("two dozen", (D("24"), "exact", "count", None)),
    ("one and a half million", (D("1500000"), "exact", "count", None)),
    ("half a million", (D("500000"), "exact", "count", None)),
    # percents and points
    ("65%", (D("65"), "exact", "percent", "%")),
    ("65 percent", (D("65"), "exact", "percent", "%")),
    ("65 per cent", (D("65"), "exact", "percent", "%")),
    ("64.96%", (D("64.96"), "exact", "percent", "%")),
    ("seven-tenths of a percent", (D("0.7"), "exact", "percent", "%")),
    ("3 percentage points", (D("3"), "exact", "percentage_points", "percentage points")),
    ("0.4 percentage point", (D("0.4"), "exact", "percentage_points", "percentage points")),
    ("25 basis points", (D("0.25"), "exact", "percentage_points", "percentage points")),
    ("more than -5%", (D("-5"), "more_than", "percent", "%")),
    # money
    ("$1.4B", (D("1400000000"), "exact", "money", "USD")),
    ("$2.75 Billion", (D("2750000000"), "exact", "money", "USD")),
    ("more than $14.6 million", (D("14600000"), "more_than", "money", "USD")),
    ("$350,000", (D("350000"), "exact", "money", "USD")),
    ("£2.3bn", (D("2300000000"), "exact", "money", "GBP")),
    ("€1.2 billion", (D("1200000000"), "exact", "money", "EUR")),
    ("US$5 million", (D("5000000"), "exact", "money", "USD")),
    ("1.5 million dollars", (D("1500000"), "exact", "money", "USD")),
    ("98 cents", (D("0.98"), "exact", "money", "USD")),
    # measures and durations
    ("12 miles", (D("12"), "exact", "measure", "mile")),
    ("roughly 12 miles", (D("12"), "approximately", "measure", "mile")),
    ("over 2,500 acres", (D("2500"), "more_than", "measure", "acre")),
    ("about 5 kg", (D("5"), "approximately", "measure", "kg")),
    ("4.5-ton", (D("4.5"), "exact", "measure", "ton")),
    ("15 parts per billion", (D("15"), "exact", "measure", "ppb")),
    ("3,064 billion cubic feet", (D("3064000000000"), "exact", "measure", "cubic foot")),
    ("28 Bcf", (D("28000000000"), "exact", "measure", "cubic foot")),
    ("about 2.1 Tcf", (D("2100000000000"), "approximately", "measure", "cubic foot")),
    ("104 degrees Fahrenheit", (D("104"), "exact", "measure", "degree Fahrenheit")),
    ("12 nautical miles", (D("12"), "exact", "measure", "nautical mile")),
    ("296 billion kilowatthours", (D("296000000000"), "exact", "measure", "kWh")),
    ("500-plus days", (D("500"), "at_least", "duration", "day")),
    ("ninety-eight cents", (D("0.98"), "exact", "money", "USD")),
    ("twenty-eight Bcf", (D("28000000000"), "exact", "measure", "cubic foot")),
    ("3.1 million b/d", (D("3100000"), "exact", "measure", "barrel")),
    ("about 780,000 bpd", (D("780000"), "approximately", "measure", "barrel")),
    ("at least one day", (D("1"), "at_least", "duration", "day")),
    ("10,000+ acres", (D("10000"), "at_least", "measure", "acre")),
    ("4,100 gigawatt-hours", (D("4100"), "exact", "measure", "GWh")),
    ("three years", (D("3"), "exact", "duration", "year")),
    ("five fiscal years", (D("5"), "exact", "duration", "year")),
    ("about six extra minutes", (D("6"), "approximately", "duration", "minute")),
    ("3 more days", (D("3"), "exact", "duration", "day")),
    ("3 consecutive years", (D("3"), "exact", "duration", "year")),
    ("18 months", (D("18"), "exact", "duration", "month")),
    ("a 10-year", (D("10"), "exact", "duration", "year")),
    ("no more than 10 years", (D("10"), "at_most", "duration", "year")),
    ("at least an hour", (D("1"), "at_least", "duration", "hour")),
    ("less than a day", (D("1"), "less_than", "duration", "day")),
    ("half a year", (D("0.5"), "exact", "duration", "year")),
    ("92-year-old", (D("92"), "exact", "duration", "year")),
    # years, dates and ranges
    ("2019", (D("2019"), "exact", "year", None)),
    ("fiscal year 2024", (D("2024"), "exact", "year", None)),
    ("FY24", (D("2024"), "exact", "year", None)),
    ("between fiscal years 2019 and 2023", (D("2019"), "exact", "year_range", None)),
    ("from fiscal years 2019 to 2023", (D("2019"), "exact", "year_range", None)),
    ("fiscal years 2021 through 2023", (D("2021"), "exact", "year_range", None)),
    ("FY2019–FY2023", (D("2019"), "exact", "year_range", None)),
    ("FYs 2019 to 2023", (D("2019"), "exact", "year_range", None)),
    ("2019-20", (D("2019"), "exact", "year_range", None)),
    ("the 1990s", (D("1990"), "exact", "year_range", None)),
    ("Aug. 19, 2024", (D("2024"), "exact", "date", None)),
    ("August 19, 2024", (D("2024"), "exact", "date", None)),
    ("19 August 2024", (D("2024"), "exact", "date", None)),
    ("January 2021", (D("2021"), "exact", "date", None)),
    ("2024-08-19", (D("2024"), "exact", "date", None)),
    ("January 2021 to February 2024", (D("2021"), "exact", "date_range", None)),
    ("between January 2021 and February 2024", (D("2021"), "exact", "date_range", None)),
    ("from 10 to 12", (D("10"), "exact", "range", None)),
    ("between 10 and 12", (D("10"), "exact", "range", None)),
    ("10-12%", (D("10"), "exact", "range", "%")),
    ("10% to 12%", (D("10"), "exact", "range", "%")),
    ("12 to 15 months", (D("12"), "exact", "range", "month")),
    ("$200,000 to under $500,000", (D("200000"), "exact", "range", "USD")),
    ("$10 million to $12 million", (D("10000000"), "exact", "range", "USD")),
    ("10 to 12 million", (D("10000000"), "exact", "range", None)),
    ("two to three", (D("2"), "exact", "range", None)),
    # ratios, fractions, shares, ordinals
    ("one of the eight", (D("1"), "exact", "ratio", None)),
    ("one in five", (D("1"), "exact", "ratio", None)),
    ("About one in five", (D("1"), "approximately", "ratio", None)),
    ("1 in 5", (D("1"), "exact", "ratio", None)),
    ("9 out of 10", (D("9"), "exact", "ratio", None)),
    ("14 of 60", (D("14"), "exact", "ratio", None)),
    ("80.9 per 100,000", (D("80.9"), "exact", "ratio", None)),
    ("two-thirds", (D("0.6666666667"), "exact", "fraction", None)),
    ("a third", (D("0.3333333333"), "exact", "fraction", None)),
    ("half", (D("0.5"), "exact", "fraction", None)),
    ("three-quarters", (D("0.75"), "exact", "fraction", None)),
    ("nearly half", (D("0.5"), "nearly", "fraction", None)),
    ("more than a fifth", (D("0.2"), "more_than", "fraction", None)),
    ("a majority", (D("0.5"), "more_than", "share", None)),
    ("most", (D("0.5"), "more_than", "share", None)),
    ("first", (D("1"), "exact", "ordinal", None)),
    ("3rd", (D("3"), "exact", "ordinal", None)),
    ("twenty-first", (D("21"), "exact", "ordinal", None)),
]


@pytest.mark.parametrize("phrase, expected", PHRASES, ids=[p for p, _ in PHRASES])
def test_phrase_table(phrase: str, expected: tuple) -> None:
    q = Quantity.parse(phrase)
    assert (q.value, q.hedge.value, q.kind.value, q.unit) == expected
    assert q.fact


def test_ranges_keep_both_ends_and_ratios_their_denominator() -> None:
    assert Quantity.parse("between fiscal years 2019 and 2023").high == 2023
    assert Quantity.parse("FY2019–FY2023").high == 2023
    assert Quantity.parse("2019-20").high == 2020
    assert Quantity.parse("10 to 12 million").high == 12_000_000
    assert Quantity.parse("one of the eight").denominator == 8
    assert Quantity.parse("80.9 per 100,000").denominator == 100_000
    # a rate is as precise as its figure: 41.3 per 100,000 is no rounded 41
    assert Quantity.parse("41.3 per 100,000").precision == D("0.1")
    assert Quantity.parse("19.4 deaths per 100,000").precision == D("0.1")
    # a possessive between the part and the whole: a body's own acronym as well as a word
    assert Quantity.parse("51 of the state's 72").denominator == 72
    assert Quantity.parse("four of GAO's five").denominator == 5
    assert Quantity.parse("Aug. 19, 2024").date == "2024-08-19"
    assert Quantity.parse("January 2021").date == "2021-01"
    q = Quantity.parse("January 2021 to February 2024")
    assert (q.value, q.high, q.date) == (2021, 2024, "2021-01/2024-02")


@pytest.mark.parametrize(
    "phrase, precision",
    [("448,000", "1000"), ("448,820", "1"), ("65%", "1"), ("1.1 million", "100000"), ("$1.4B", "100000000"),
     ("64.96%", "0.01"), ("200,000", "1000"), ("60%", "1"), ("2,500", "1"), ("$2.75 Billion", "10000000"),
     ("a million", "1000000")],
)
def test_precision_is_the_place_of_the_last_stated_digit(phrase: str, precision: str) -> None:
    assert Quantity.parse(phrase).precision == Decimal(precision)


NON_FACTS = [
    ("Cases of COVID-19 rose.", "COVID-19"),
    ("Migrants were expelled under Title 42 last year.", "Title 42"),
    ("Results of the 2020 Census were late.", "2020 Census"),
    ("Cases peaked in Week 8 of the season.", "Week 8"),
    ("They used Section 8 vouchers.", "Section 8"),
    ("ICE must serve a Form I-862 first.", "I-862"),
    ("The House passed H.R. 2 in May.", "H.R. 2"),
    ("The alert, OIG-24-46, was public.", "OIG-24-46"),
    ("TRAC report #739 counted cases.", "#739"),
    ("WASHINGTON, March 3 (Reuters) - The agency said.", "March 3"),
    ("By Jane Doe | Updated Aug. 19, 2024\n\nText.", "Aug. 19, 2024"),
    ("News Release                Page 1 of 2\n", "Page 1 of 2"),
    ("The train left at 2:07 p.m. on time.", "2:07"),
    ("The meeting starts at 3 p.m. today.", "3 p.m."),
    ("Call (202) 555-0165 for details.", "(202) 555-0165"),
    ("Call 1-800-555-0102 for details.", "1-800-555-0102"),
    ("Drive on Route 66 and Interstate 80.", "Route 66"),
    ("The 4th Circuit ruled on it.", "4th Circuit"),
    ("Leaders of the G7 met.", "G7"),
    ("A Boeing 737 landed.", "Boeing 737"),
    ("GAO, 441 G St. N.W., Washington, D.C. 20548.", "20548"),
    ("The S&P 500 rose.", "S&P 500"),
    ("Dial 911 now.", "911"),
]


@pytest.mark.parametrize("text, name", NON_FACTS, ids=[n for _, n in NON_FACTS])
def test_numbers_in_names_and_furniture_are_not_facts(text: str, name: str) -> None:
    everything = find_quantities(text, include_non_facts=True)
    marked = [q for q in everything if name in q.text or q.text in name]
    assert marked, f"{name!r} not found in {[q.text for q in everything]}"
    assert all(not q.fact for q in marked)
    assert not any(name in q.text or q.text in name for q in find_quantities(text))


@pytest.mark.parametrize(
    "text",
    ["One of the most alarming findings of the report.", "Sen. Chuck Grassley (R-IA) said.", "No one came.",
     "It is the most serious case.", "At most, it matters.", "The majority rejected that argument.",
     "In the first half of the year", "Senate Majority Leader spoke."],
)
def test_words_that_are_not_numbers(text: str) -> None:
    found = find_quantities(text)
    assert all(q.text.lower() not in ("one", "most", "majority", "half") for q in found), found


def test_counted_noun_is_a_noun_not_a_unit() -> None:
    q, = find_quantities("ICE reported that at least 32,000 UACs did not appear.")
    assert (q.text, q.noun, q.unit, q.kind) == ("at least 32,000", "UACs", None, QuantityKind.COUNT)
    q, = find_quantities("ICE transferred more than 448,000 unaccompanied minors to HHS.")
    assert q.noun == "unaccompanied minors"


def test_a_comparative_between_a_count_and_its_noun_keeps_the_noun() -> None:
    q, = find_quantities("IRS had about 2,100 fewer customer service representatives than a year earlier.")
    assert (q.text, q.noun) == ("about 2,100", "customer service representatives")
    q, = find_quantities("The county hired 240 more nurses.")
    assert (q.text, q.noun) == ("240", "nurses")
    # "more than" says how much, not what is counted
    q, = find_quantities("Enrollment was 240 more than last year.")
    assert (q.text, q.noun) == ("240", None)


def test_time_scope_attached_in_the_same_sentence() -> None:
    text = ("ICE transferred more than 448,000 UCs to HHS from fiscal years 2019 to 2023. "
            "It later found 32,000 more.")
    count, span_q, later = find_quantities(text)
    assert count.scope == "from fiscal years 2019 to 2023"
    assert span_q.kind is QuantityKind.YEAR_RANGE and (span_q.value, span_q.high) == (2019, 2023)
    assert later.scope is None


def test_changes_are_two_numbers_but_ranges_are_one() -> None:
    assert [q.text for q in find_quantities("The cap rose from 25% to 30% this year.")] == ["25%", "30%"]
    assert [q.text for q in find_quantities("Unemployment rose by 157,000 to 6.6 million.")] == [
        "157,000", "6.6 million"]
    assert [q.text for q in find_quantities("Revenue rose 3.4% to $8.92 billion.")] == ["3.4%", "$8.92 billion"]
    assert [q.text for q in find_quantities("It takes 24 to 48 hours.")] == ["24 to 48 hours"]
    # a change verb right before the first figure: the change, then the new level
    assert [q.text for q in find_quantities("Midwest inventories fell 1.4 million barrels to 19.2 million barrels.")] \
        == ["1.4 million barrels", "19.2 million barrels"]
    # ... but a range of like figures after it is still one range
    assert [q.text for q in find_quantities("Prices are expected to rise 3% to 5% next year.")] == ["3% to 5%"]


def test_dates_without_a_year_take_the_datelines_year() -> None:
    text = "By A. Writer | Published Oct. 8, 2024\n\nThe jury met on Nov. 12 and again on Dec. 3."
    dates = [q for q in find_quantities(text, include_non_facts=True) if q.kind is QuantityKind.DATE]
    assert [(q.text, q.fact, q.value, q.date) for q in dates] == [
        ("Oct. 8, 2024", False, 2024, "2024-10-08"),
        ("Nov. 12", True, 2024, "2024-11-12"),
        ("Dec. 3", True, 2024, "2024-12-03"),
    ]


def test_a_range_of_days_that_runs_into_the_next_year_starts_the_year_before() -> None:
    text = "By A. Writer | Published Feb. 2, 2026\n\nThe recall covers ham made between Oct. 6 and Jan. 26."
    ranges = [q for q in find_quantities(text) if q.kind is QuantityKind.DATE_RANGE]
    assert [(q.text, q.value, q.high, q.date) for q in ranges] == [
        ("between Oct. 6 and Jan. 26", 2025, 2026, "2025-10-06/2026-01-26")]
    # a range within one year keeps its year at both ends
    one = find_quantities("By A. Writer | Published Feb. 2, 2026\n\nCases ran from Jan. 19 to Jan. 31.")
    assert [q.date for q in one if q.kind is QuantityKind.DATE_RANGE] == ["2026-01-19/2026-01-31"]


def test_a_year_after_over_or_above_is_a_year_not_a_bound() -> None:
    found = find_quantities("Prices should average $3.90, more than 20% above 2025's $3.18, and sales grow 4% over 2024.")
    assert [(q.text, q.kind.value, q.hedge.value) for q in found] == [
        ("$3.90", "money", "exact"), ("more than 20%", "percent", "more_than"), ("2025", "year", "exact"),
        ("$3.18", "money", "exact"), ("4%", "percent", "exact"), ("2024", "year", "exact")]
    # a year-like count of things keeps its bound
    assert [(q.text, q.kind.value) for q in find_quantities("A crowd of over 2025 people came.")] == [
        ("over 2025", "count")]


def test_up_to_after_a_verb_that_moves_a_figure_is_where_it_moved() -> None:
    found = find_quantities("The bureau revised February's rate up to 1.42 million. Officials raised the cap up to $5,000.")
    assert [(q.text, q.hedge.value) for q in found] == [("1.42 million", "exact"), ("$5,000", "exact")]
    # numbers in words too
    assert [(q.text, q.hedge.value) for q in find_quantities("Officials raised the cap up to two million.")] == [
        ("two million", "exact")]
    # a bound stays a bound, even with such a verb in another clause
    found = find_quantities("Prices rose, and waits lasted up to 90 minutes; the fine is up to $2,000 a day.")
    assert [(q.text, q.hedge.value) for q in found] == [("up to 90 minutes", "at_most"), ("up to $2,000", "at_most")]


def test_a_part_of_a_whole_after_from_is_no_range() -> None:
    found = find_quantities("Bacteria from nine of 11 sequenced patient samples matched, and from 9 of 11 towers.")
    assert [(q.text, q.kind.value, q.denominator) for q in found] == [
        ("nine of 11", "ratio", 11), ("9 of 11", "ratio", 11)]
    # "from ... to" is still a change between two figures
    assert [(q.text, q.kind.value) for q in find_quantities("Cases rose from 9 to 11.")] == [
        ("9", "count"), ("11", "count")]


def test_one_day_is_a_duration_only_after_a_hedge_or_a_change() -> None:
    assert [q.text for q in find_quantities("Cases lasted nine days, up one day from the year before.")] == [
        "nine days", "one day"]
    assert find_quantities("One day, she said, the backlog will end.") == []
    assert find_quantities("It may one day be cleared.") == []


def test_a_service_number_is_a_count_when_it_counts_something() -> None:
    assert [q.text for q in find_quantities("Of 211 children in custody, 64 were held too long.")] == ["211", "64"]
    assert find_quantities("Call 211 for help, or dial 911.") == []
    assert [q.text for q in find_quantities("Of all 911 calls, 12 were dropped.")] == ["12"]


def test_only_ascii_digits_count() -> None:
    assert find_quantities("\u0663\u0664\u0665 people and \u0967\u0968 more") == []
    assert [q.value for q in find_quantities("\u0663\u0664\u0665 people and 12 more")] == [12]


def test_overlong_tokens_are_not_quantities() -> None:
    assert find_quantities("9" * (MAX_TOKEN_CHARS + 1) + " people") == []
    assert find_quantities("1," * 500) == []
    assert [q.value for q in find_quantities("9" * 30 + " people")] == [Decimal("9" * 30)]
    assert find_quantities(" ".join(["one"] * 40)) == []


# ----------------------------------------------------------------------------- parse errors


@pytest.mark.parametrize(
    "text, why",
    [("hello", "no number"), ("", "empty"), ("   ", "empty"), ("12 and 13 apples", "2 numbers"),
     ("apples: 12", "comes before"), ("12 apples, 13 pears", "2 numbers"), ("12 apples!", "follows")],
)
def test_parse_errors_name_the_text_and_why(text: str, why: str) -> None:
    with pytest.raises(QuantityError) as info:
        Quantity.parse(text)
    message = str(info.value)
    assert repr(text) in message and why in message
    assert info.value.hint


def test_parse_keeps_non_facts_marked() -> None:
    q = Quantity.parse("Title 42")
    assert not q.fact and q.value == 42
    assert Quantity.parse("COVID-19").fact is False


def test_parse_strips_space_and_accepts_a_trailing_noun() -> None:
    q = Quantity.parse("  more than 448,000 unaccompanied minors ")
    assert (q.text, q.value, q.noun, q.span) == ("more than 448,000", 448000, "unaccompanied minors", None)


def test_parse_rejects_non_text() -> None:
    with pytest.raises(QuantityError):
        Quantity.parse(12)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- dicts and rendering


def test_to_dict_is_json_safe_and_round_trips() -> None:
    import json

    for q in find_quantities(ARTICLE.read_text(encoding="utf-8"), include_non_facts=True):
        d = q.to_dict()
        assert json.loads(json.dumps(d)) == d
        assert Quantity.from_dict(d) == q
        assert isinstance(d["value"], str)


def test_from_dict_errors_are_quantity_errors() -> None:
    with pytest.raises(QuantityError, match="lacks the field 'value'"):
        Quantity.from_dict({"text": "5"})
    with pytest.raises(QuantityError):
        Quantity.from_dict({"text": "5", "value": "5", "hedge": "roughly"})


def test_render_examples() -> None:
    assert Quantity.parse("more than 448,000").render() == "more than 448,000"
    assert Quantity.parse("$1.4B").render() == "$1,400,000,000"
    assert Quantity.parse("two-thirds").render() == "two-thirds"
    assert Quantity.parse("Aug. 19, 2024").render() == "August 19, 2024"
    assert Quantity.parse("most").render() == "a majority"
    with pytest.raises(QuantityError):
        Quantity("x", Decimal("0.5"), kind=QuantityKind.SHARE).render()


def test_quantity_converts_plain_values() -> None:
    q = Quantity("65%", "65", "exact", "percent", "%")
    assert q.value == Decimal(65) and q.hedge is Hedge.EXACT and q.kind is QuantityKind.PERCENT
    with pytest.raises(QuantityError):
        Quantity("x", "sixty")


# ----------------------------------------------------------------------------- the worked case


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def found(article: str) -> dict[str, Quantity]:
    return {q.text: q for q in find_quantities(article)}


def test_worked_case_copy_is_byte_for_byte() -> None:
    shared = Path("/work/shared/uac-case/article.txt")
    if not shared.exists():
        pytest.skip("shared worked case not on this machine")
    assert ARTICLE.read_bytes() == shared.read_bytes()


def test_worked_case_every_number(found: dict[str, Quantity], article: str) -> None:
    expected = {
        "Majority": (D("0.5"), "more_than", "share", None),
        "Between fiscal years 2019 and 2023": (D("2019"), "exact", "year_range", None),
        "more than 448,000": (D("448000"), "more_than", "count", None),
        "most": (D("0.5"), "more_than", "share", None),
        "approximately 366,000": (D("366000"), "approximately", "count", None),
        "65%": (D("65"), "exact", "percent", "%"),
        "more than 291,000": (D("291000"), "more_than", "count", None),
        "at least 32,000": (D("32000"), "at_least", "count", None),
        "one of the eight": (D("1"), "exact", "ratio", None),
        "Between January 2021 and February 2024": (D("2021"), "exact", "date_range", None),
        "approximately 200,000": (D("200000"), "approximately", "count", None),
    }
    assert list(found) == list(expected)  # in text order, nothing else
    for text, want in expected.items():
        q = found[text]
        assert (q.value, q.hedge.value, q.kind.value, q.unit) == want, text
        assert article[q.span.start:q.span.end] == text
    assert found["more than 448,000"].noun == "unaccompanied minors"
    assert found["more than 448,000"].scope == "Between fiscal years 2019 and 2023"
    assert found["Between fiscal years 2019 and 2023"].high == 2023
    assert found["Between January 2021 and February 2024"].high == 2024
    assert found["Between January 2021 and February 2024"].date == "2021-01/2024-02"
    assert found["approximately 200,000"].scope == "Between January 2021 and February 2024"
    assert found["approximately 200,000"].noun == "cases"
    assert found["one of the eight"].denominator == 8
    assert found["one of the eight"].noun == "field offices"
    assert found["at least 32,000"].noun == "UACs"
    assert found["most"].noun == "transfers"


def test_worked_case_non_numbers(article: str) -> None:
    everything = find_quantities(article, include_non_facts=True)
    texts = [q.text for q in everything]
    assert not any("IA" in t for t in texts)  # "(R-IA)"
    one = article.index("One of the most alarming")
    assert not any(q.span.start <= one < q.span.end for q in everything)
    assert all(q.fact for q in everything)  # the article has no names with numbers


def test_spans_are_spans(article: str) -> None:
    for q in find_quantities(article):
        assert isinstance(q.span, Span)
        q.span.check(article, expected=q.text)


# -- multipliers ----------------------------------------------------------------------


@pytest.mark.parametrize("text, phrase, value, hedge", [
    ("Claims more than doubled since 2020.", "more than doubled", "2", "more_than"),
    ("Rates were nearly twice as high as in 2019.", "nearly twice", "2", "nearly"),
    ("Costs ran about 4.2 times the national rate.", "about 4.2 times", "4.2", "approximately"),
    ("Spending rose threefold.", "threefold", "3", "exact"),
    ("The backlog tripled.", "tripled", "3", "exact"),
    ("A 10-fold increase.", "10-fold", "10", "exact"),
    ("Wait times were double the target.", "double", "2", "exact"),
    ("Vermont's rate was more than 11 times South Dakota's 142.7.", "more than 11 times", "11", "more_than"),
    ("The rate was nearly twice New York City\u2019s.", "nearly twice", "2", "nearly"),
    ("Cases hit nearly 4 times 2023 levels.", "nearly 4 times", "4", "nearly"),
    ("They waited 97 days, more than three times the 30 days promised.", "more than three times", "3", "more_than"),
    ("Output was twice the previous month's level.", "twice", "2", "exact"),
    # after a hedge, "twice" multiplies the measure it stands before
    ("Day care prices jumped 6.1% in a year, more than twice overall inflation", "more than twice", "2", "more_than"),
])
def test_multipliers_are_ratios_in_times(text, phrase, value, hedge):
    found = [q for q in find_quantities(text) if q.kind.value == "ratio"]
    assert len(found) == 1
    q = found[0]
    assert (q.text, str(q.value), q.hedge.value, q.unit, q.denominator) == (phrase, value, hedge, "times", None)
    assert q.span.of(text) == phrase
    again = Quantity.parse(q.render())
    assert (again.kind, again.value, again.hedge, again.unit) == (q.kind, q.value, q.hedge, q.unit)


@pytest.mark.parametrize("text", [
    "The board met three times a week.", "Inspectors visited twice in 2023.", "He doubled down on the plan.",
    "It was a double-digit rise.", "Times of day vary.", "They met three times this year's quota.",
    "Staff covered guard posts 6,412 times that year.", "The board met twice over the past 3 years.",
    "Crews went out three times that summer.", "The board met more than twice a year.",
    "Nearly twice in 2024 the line failed.", "Inspectors came about twice weekly.",
])
def test_occasions_and_idioms_are_not_multipliers(text):
    assert not [q for q in find_quantities(text) if q.unit == "times"]


def test_an_approximate_multiplier_is_an_interval_not_a_point():
    q = Quantity.parse("about 4.2 times")
    iv = q.interval()
    assert iv.contains(Decimal("4.2")) and iv.contains(Decimal("4.18")) and not iv.contains(Decimal("4.6"))


@pytest.mark.parametrize("text, expected", [
    ("rose from 27 to 42.", [("27", "27", "count"), ("42", "42", "count")]),
    ("fell from 42 to 27 days", [("42", "42", "duration"), ("27 days", "27", "duration")]),
    ("rose from 4.0 to 4.1 percent", [("4.0", "4.0", "percent"), ("4.1 percent", "4.1", "percent")]),
    ("grew from 5 to 7 million people", [("5", "5000000", "count"), ("7 million", "7000000", "count")]),
    ("from 3 to 5 servings a day", [("from 3 to 5", "3", "range")]),
    ("rose from 48 days in fiscal year 2019 to 97 days in fiscal year 2024.",
     [("48 days", "48", "duration"), ("fiscal year 2019", "2019", "year"), ("97 days", "97", "duration"),
      ("fiscal year 2024", "2024", "year")]),
    ("in fiscal years 2019-20", [("fiscal years 2019-20", "2019", "year_range")]),
    # the change verb a few words before "from", in the same clause
    ("Lead citations grew fastest, from 21 to 57.", [("21", "21", "count"), ("57", "57", "count")]),
    ("The rate climbed sharply over the year, from 4.0 to 5.1 percent",
     [("4.0", "4.0", "percent"), ("5.1 percent", "5.1", "percent")]),
    # ... but not across a sentence, and "up" only right before "from"
    ("Costs grew. From 21 to 57 staff served.", [("From 21 to 57", "21", "range")]),
    ("Teams were set up in June, from 3 to 5 people each", [("from 3 to 5", "3", "range")]),
])
def test_a_change_between_two_levels_is_two_figures(text, expected):
    got = [(q.text, str(q.value), q.kind.value) for q in find_quantities(text)]
    assert got == expected


@pytest.mark.parametrize("text, value", [
    ("The Fed cut rates by a quarter-point on Wednesday.", "0.25"),
    ("a half-point increase in the jobless rate", "0.5"),
    ("the rate rose a tenth of a point", "0.1"),
    ("a quarter-percentage-point cut", "0.25"),
])
def test_a_share_of_a_point_is_percentage_points(text, value):
    (q,) = find_quantities(text)
    assert (q.kind.value, str(q.value), q.unit) == ("percentage_points", value, "percentage points")


@pytest.mark.parametrize("text, expected", [
    ("44.7% of violent crimes were reported to police, up 2.8 points from a year earlier.",
     [("44.7%", "percent"), ("2.8 points", "percentage_points")]),
    ("Approval fell 3 points to 41%.", [("3 points", "percentage_points"), ("41%", "percent")]),
    ("Turnout was 61%, a 4-point gain.", [("61%", "percent"), ("4-point", "percentage_points")]),
    # a gap in points right after the sentence with the two percents
    ("Just 44% could earn paid sick days, against 96% of the top tenth. That is a 52-point gap.",
     [("44%", "percent"), ("96%", "percent"), ("tenth", "ordinal"), ("52-point", "percentage_points")]),
    ("Shares fell 2%. The Dow lost 300 points.", [("2%", "percent"), ("300", "count")]),
    ("Shares fell 2%. The Dow fell 300 points.", [("2%", "percent"), ("300", "count")]),
    # a small change in points right after a sentence with a percent
    ("The rate stood at 5.4% a year earlier. Oregon, down 0.8 point, and Kentucky were next.",
     [("5.4%", "percent"), ("0.8 point", "percentage_points")]),
    # a small change named as such, or a margin of error, up to two sentences after the percents
    ("Workers made up 4.1% of employment, up from 3.8%. That is about 6.7 million people. "
     "The 0.3-point rise was significant.",
     [("4.1%", "percent"), ("3.8%", "percent"), ("about 6.7 million", "count"), ("0.3-point", "percentage_points")]),
    ("Spending rose 0.4% in March. It has risen for 27 months. The margin of error was plus or minus 0.7 point.",
     [("0.4%", "percent"), ("27 months", "duration"), ("0.7 point", "percentage_points")]),
    ("Shares fell 2%. Traders were calm. The Dow had a 300-point drop.", [("2%", "percent"), ("300", "count")]),
    ("Shares fell 2%. Volume hit 3 billion shares. Then the Dow fell 5 points.",
     [("2%", "percent"), ("3 billion", "count"), ("5", "count")]),
    # no percent in the sentence: points scored, index points
    ("The team scored 12 points.", [("12", "count")]),
    ("The team had a 9-point rise in the second half.", [("9", "count"), ("second", "ordinal")]),
    ("The index fell 3 points. Turnout was 41%.", [("3", "count"), ("41%", "percent")]),
    # one point, or half of one, in words after a hedge, in a sentence stating a percent
    ("Their rate jumped to 4.5% from 3.7%, more than a full point above the 3.4% rate for men.",
     [("4.5%", "percent"), ("3.7%", "percent"), ("more than a full point", "percentage_points"), ("3.4%", "percent")]),
    ("Wages rose 4.5%, nearly a full percentage point above 2025.",
     [("4.5%", "percent"), ("nearly a full percentage point", "percentage_points"), ("2025", "year")]),
    ("The rate was 4.1%, half a point lower.", [("4.1%", "percent"), ("half a point", "percentage_points")]),
    ("The team won by more than a point.", []),
    ("At one point, the rate hit 5%.", [("5%", "percent")]),
])
def test_bare_points_beside_a_percent_are_percentage_points(text, expected):
    assert [(q.text, q.kind.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("* Backlog up from about 98,000 at end of fiscal 2022\n* VA spent $3.9 billion", ("fiscal 2022", True)),
    ("Total spending in fiscal year 2024", ("fiscal year 2024", True)),
    # a sentence opening with "By" is no byline
    ("By the GAO's count, the rate topped 10% in 21 months since January 2022.", ("January 2022", True)),
    ("By 2030, 40% of the plants will have closed.", ("2030", True)),
    ("By Maria Lopez | July 10, 2024", ("July 10, 2024", False)),
    # the date's own words may be the ones scoping it
    ("- Online tips: up nearly 50% from fiscal 2023\n- Under 3% forwarded", ("from fiscal 2023", True)),
    # a header, a title or a release line ending in a date is still furniture
    ("Criminal Victimization, 2025", ("2025", False)),
    ("Posted on July 10, 2024", ("July 10, 2024", False)),
    ("NEWS RELEASE\nJuly 10, 2024", ("July 10, 2024", False)),
])
def test_a_line_ending_in_a_date_is_furniture_unless_a_sentence_scopes_by_it(text, expected):
    found = [(q.text, q.fact) for q in find_quantities(text, include_non_facts=True)]
    assert expected in found


@pytest.mark.parametrize("text, expected", [
    ("The Agency agreed with Recommendations 1, 2, 4, and 5 and provided plans.",
     [("Recommendations 1", False), ("2", False), ("4", False), ("5", False)]),
    ("We made 4 recommendations and 5 were closed.", [("4", True), ("5", True)]),
    ("Recommendation 3 and 14 others remain open.", [("Recommendation 3", False), ("14", True)]),
    # a report's running text names them in lower case too
    ("VA concurred with recommendations 1, 3, and 4 and in principle with recommendation 2.",
     [("recommendations 1", False), ("3", False), ("4", False), ("recommendation 2", False)]),
    ("As figure 2 shows, 14 states missed the goal.", [("figure 2", False), ("14", True)]),
    # a school grade is a name: "grade 6 to 11.8%" is no range
    ("Use rose from 2.2% among students in grade 6 to 11.8% among students in grade 12.",
     [("2.2%", True), ("grade 6", False), ("11.8%", True), ("grade 12", False)]),
])
def test_the_numbers_of_a_list_of_names_are_names(text, expected):
    assert [(q.text, q.fact) for q in find_quantities(text, include_non_facts=True)] == expected


def test_a_share_is_not_read_off_a_bound_in_words():
    from claimgraph.matching import _relation

    seven = find_quantities("In seven of 10 of those cases")[0]
    assert _relation(seven, find_quantities("for nearly two-thirds of them")[0]) is None
    assert _relation(seven, find_quantities("in 70 percent of cases")[0]) is not None


def test_a_bound_in_percent_is_not_read_off_a_count_far_above_it():
    from claimgraph.matching import _relation

    seventeen = find_quantities("17 of the 18 hospices")[0]
    # "more than 75%" is no telling of 94%, whether the document gives 94.4% or 17 of 18
    assert _relation(find_quantities("more than 75%")[0], seventeen) is None
    assert _relation(find_quantities("more than 75%")[0], find_quantities("94.4%")[0]) is None
    assert _relation(find_quantities("more than 90%")[0], seventeen) is not None
    assert _relation(find_quantities("nearly 40%")[0], find_quantities("159 of 412 transactions")[0]) is not None


def test_an_exact_figure_is_not_read_off_a_bound():
    from claimgraph.matching import _relation

    (exact,) = find_quantities("38% of parents")
    assert _relation(exact, find_quantities("Fewer than 40 percent of parents")[0]) is None
    assert _relation(exact, find_quantities("38.2 percent of parents")[0])[0] == "rounded"
    # a figure the article hedges may be: "about 142,000" for "more than 140,000"
    (about,) = find_quantities("about 142,000 riders")
    assert _relation(about, find_quantities("more than 140,000 riders")[0]) is not None


@pytest.mark.parametrize("line, mention, value", [
    ("MORE THAN ONE IN FIVE WORKERS ARE STILL WAITING", "MORE THAN ONE IN FIVE", D("1")),
    ("THREE STATES SAW DECLINES", "THREE", D("3")),
    ("ABOUT HALF OF CLAIMS WENT UNPAID", "ABOUT HALF", D("0.5")),
])
def test_number_words_of_an_all_capital_line_are_read(line, mention, value):
    found = find_quantities("Headline\n" + line + "\nThe body follows.")
    assert [(q.text, q.value) for q in found] == [(mention, value)]
    # months, "FY" and scale letters in capitals read as before
    assert [q.text for q in find_quantities("FY 2024 LOSSES HIT $1.4B SINCE JANUARY 2024")] == [
        "FY 2024", "$1.4B", "JANUARY 2024"]


def test_an_ordinal_opening_a_point_of_a_list_is_no_fact():
    found = find_quantities("First, the agency should act. Second, it should report. It was the third straight year.",
                            include_non_facts=True)
    assert [(q.text, q.fact) for q in found] == [("First", False), ("Second", False), ("third", True)]
    assert [q.text for q in find_quantities("The third, a smaller grant, went to Ohio.")] == ["third"]


@pytest.mark.parametrize("text, expected", [
    # a footnote number glued to the end of a clause, as text taken from a PDF has it
    ("The program totaled $1.4 billion.3 We found that", [("$1.4 billion", True), ("3", False)]),
    ("In fiscal year 2023,4 the agency approved 1,234 loans.",
     [("fiscal year 2023", True), ("4", False), ("1,234", True)]),
    ("about 42 percent of the 1,900 cases.12 In addition", [("about 42 percent", True), ("1,900", True), ("12", False)]),
    # ... but not a figure after a space, nor a decimal
    ("in 2023, 4 agencies said", [("2023", True), ("4", True)]),
    ("Prices rose 12.4% in May.", [("12.4%", True)]),
])
def test_a_footnote_marker_glued_to_a_clause_is_not_a_figure(text, expected):
    assert [(q.text, q.fact) for q in find_quantities(text, include_non_facts=True)] == expected


def test_a_month_named_alone_is_a_date_only_when_asked() -> None:
    text = ("The group surveyed 1,012 parents in August. Since October it has hired 52, June Dunning said in May, "
            "adding that May 5 and March 3, 2026, mattered and that rates fell in mid-July. It may rise.")
    assert [q.text for q in find_quantities(text) if q.kind.value == "date"] == ["May 5", "March 3, 2026"]
    months = [(q.text, q.date) for q in find_quantities(text, bare_months=True) if q.date and len(q.date) == 4]
    # not a name ("June Dunning"), not the verb ("may rise"), not a month that is part of a date
    assert months == [("August", "--08"), ("October", "--10"), ("May", "--05"), ("July", "--07")]


def test_a_multiplier_verb_in_every_tense() -> None:
    for text, found in [("Dengue cases nearly triple, CDC says", ("nearly triple", 3, "nearly")),
                        ("Overdose deaths triples in county", ("triples", 3, "exact")),
                        ("Cases tripling since 2020 alarm doctors", ("tripling", 3, "exact")),
                        ("Costs more than double since 2019", ("more than double", 2, "more_than"))]:
        q = find_quantities(text)[0]
        assert (q.text, q.value, q.hedge.value, q.unit) == (*found, "times"), text
    # not a multiplier: a kind of shift, a heat, a room that serves two ends, a change of mind
    for text in ("She worked a double shift", "triple-digit heat", "The gym doubles as a shelter",
                 "The agency doubled down on the rule"):
        assert [q for q in find_quantities(text) if q.unit == "times"] == [], text


@pytest.mark.parametrize("text, expected", [
    ("New shortages fell for a second straight year.", [("second", "ordinal", "2")]),
    ("The county wants money for a second animal control officer.", [("second", "ordinal", "2")]),
    # one second of time is no ordinal
    ("A second later, the line went dead.", []),
    ("Wait a second or two.", [("two", "count", "2")]),
    ("The valve opens 40 times per second.", [("40", "count", "40")]),
])
def test_a_second_before_what_it_counts_is_an_ordinal(text, expected):
    assert [(q.text, q.kind.value, str(q.value)) for q in find_quantities(text)] == expected
