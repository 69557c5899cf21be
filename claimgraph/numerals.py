"""The numeral reader behind :func:`~claimgraph.quantities.find_quantities` and
:meth:`~claimgraph.quantities.Quantity.parse`: newsroom numerals in running text, read into
mention records and built into :class:`~claimgraph.quantities.Quantity` values.

It owns the tables (number words, hedge phrases, units and currencies, months, the names
and page furniture numbers hide in) and the reading rules: one master regex finds the
anchors, :func:`_read_digits` and :func:`_read_words` read each one with its hedge, scale,
unit, range or date tail and counted noun, and :func:`_scan` then marks multipliers, lists
of names and percentage points, gives dates without a year the year of the text, and
attaches time scopes.  The rules a caller must know are in :mod:`claimgraph.quantities`.
"""

from __future__ import annotations

import bisect
import re
from decimal import Context, Decimal
from typing import Any, Iterable

import attrs

from .intervals import _HALF, _HUNDRED, _ONE, _ZERO
from .quantities import (
    FRACTION_PLACES,
    MAX_LIST,
    MAX_TOKEN_CHARS,
    MAX_WORD_RUN,
    Hedge,
    Quantity,
    QuantityKind,
    _precision_of_decimal,
)
from .spans import Span


# --------------------------------------------------------------------------- reading numbers
#
# One master regex finds candidate anchors (digit tokens and number-word runs);
# small anchored regexes read the context right after an anchor, and one
# end-anchored regex reads a short window before it.  Each candidate costs O(1)
# work on a bounded window, so the whole scan is linear in the text.

_SP = r"[ \u00a0\u2009\u202f]"  # horizontal spaces allowed inside a mention
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH_CLASS = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"  # for use inside [...]
_DASH = "[" + _DASH_CLASS + "]"

_UNIT_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90}
_SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "eleventh": 11, "elevenths": 11, "twelfth": 12,
    "twelfths": 12,
    "hundredth": 100, "hundredths": 100,
}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 10**6,
}
_SHARE_WORDS = {"most", "majority", "minority"}
_NUMBER_WORDS = (set(_UNIT_WORDS) | set(_TENS_WORDS) | set(_SCALE_WORDS) | set(_FRACTION_WORDS)
                 | set(_ORDINAL_WORDS) | _SHARE_WORDS | {"dozen"})
_CARDINAL_WORDS = {**_UNIT_WORDS, **_TENS_WORDS}
# The unit words by value: how a rendered fraction spells its numerator ("two-thirds").
_SMALL_WORDS = {v: k for k, v in _UNIT_WORDS.items() if v}
# "at least an hour", "less than a day": one unit, read only after a hedge.
_A_DURATIONS = frozenset(["an hour", "a day", "a week", "a month", "a year", "a decade", "a century", "a minute",
                          "a single day", "a single week", "a single month", "a single year", "a single decade"])


def _word_alternation(words: Iterable[str]) -> str:
    # Longest first so "seventeen" is tried before "seven"; each word must end at a boundary.
    return "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + r")\b"


def _trie(words: Iterable[str]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _trie_regex(node: dict[str, Any]) -> str:
    """A regex for the words of a trie that branches one character at a time (no backtracking blow-up)."""
    alts = [re.escape(ch) + _trie_regex(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    if "" in node:
        return "(?:" + "|".join(alts) + ")?"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _capitalised_trie(words: Iterable[str]) -> str:
    """Words in lower case or with a capital first letter, as one trie regex ending at a word boundary."""
    root = _trie(words)
    return "(?:" + "|".join(f"[{c}{c.upper()}]" + _trie_regex(sub) for c, sub in sorted(root.items())) + r")\b"


_W = _capitalised_trie(_NUMBER_WORDS - {"zero"})
_WORD_SEP = r"(?:" + _SP + r"?-" + _SP + r"?|" + _SP + r"+(?:and" + _SP + r"+)?)"


def _build_scan() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # The master regex starts with one character class, [^A-Za-z], so the regex
    # engine skips letters (most of any text) with a fast charset test.  A match is
    # either a digit token (the class char is its first digit) or a separator char
    # followed by a run of number words (so a word anchor never starts mid-word).
    # The second regex reads a word run at the very start of the text, where no
    # separator precedes it.  Every repetition is either bounded or unambiguous
    # (each step starts with a character the previous one cannot consume), so
    # matching is linear in the text.
    num_rest = r"[0-9,.]*(?:[/:" + _DASH_CLASS + r"][0-9][0-9,.]*)*"
    tail = "(?:" + _WORD_SEP + _W + ")*"
    alts = []
    for c, sub in sorted(_trie((_NUMBER_WORDS - {"zero"}) | _A_DURATIONS).items()):
        for cc in (c, c.upper()):
            alts.append(cc + _trie_regex(sub) + r"\b" + tail)
    words = "(?:" + "|".join(alts) + ")"
    return re.compile(r"[^A-Za-z](?:(?<=[0-9])" + num_rest + "|" + words + ")"), re.compile(words)


# Mentions are anchored on ASCII digits (not \d, which also matches other scripts'
# digits) and on number words in lower case or capitalised.
_SCAN, _SCAN_WORDS_AT = _build_scan()
_LIST_SEPS = frozenset(" ,;\t")
_NUMBER_LIST = re.compile(r"(?:[0-9](?:[0-9.]|,(?=[0-9]))*(?:,?[ \t;]+|,\Z|\Z)){%d,}" % MAX_LIST)
_WORD_LIST = re.compile(r"(?:" + _W + r"(?:,?[ \t;]+|,\Z|\Z)){%d,}" % MAX_LIST)

_MONTH = (r"(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
          r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?"
          r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_MONTH_FORMS = ("January Jan. Jan February Feb. Feb March Mar. Mar April Apr. Apr May June Jun. Jun July Jul. Jul "
                "August Aug. Aug September Sept. Sept Sep. Sep October Oct. Oct November Nov. Nov "
                "December Dec. Dec JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER "
                "DECEMBER JAN. FEB. AUG. SEPT. OCT. NOV. DEC.").split()
_MONTH_NUM = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
              "oct": 10, "nov": 11, "dec": 12}

_HEDGE_PHRASES = {
    "more than": Hedge.MORE_THAN, "over": Hedge.MORE_THAN, "above": Hedge.MORE_THAN,
    "exceeding": Hedge.MORE_THAN, "in excess of": Hedge.MORE_THAN, "upwards of": Hedge.MORE_THAN,
    "upward of": Hedge.MORE_THAN, "well over": Hedge.MORE_THAN, "well above": Hedge.MORE_THAN,
    "just over": Hedge.MORE_THAN, "just above": Hedge.MORE_THAN, "greater than": Hedge.MORE_THAN,
    "at least": Hedge.AT_LEAST, "at or above": Hedge.AT_LEAST, "at or over": Hedge.AT_LEAST,
    "at or below": Hedge.AT_MOST, "at or under": Hedge.AT_MOST, "north of": Hedge.MORE_THAN,
    "a minimum of": Hedge.AT_LEAST, "no fewer than": Hedge.AT_LEAST,
    "no less than": Hedge.AT_LEAST, "not less than": Hedge.AT_LEAST,
    "less than": Hedge.LESS_THAN, "fewer than": Hedge.LESS_THAN, "under": Hedge.LESS_THAN,
    "below": Hedge.LESS_THAN, "lower than": Hedge.LESS_THAN,
    "up to": Hedge.AT_MOST, "no more than": Hedge.AT_MOST, "not more than": Hedge.AT_MOST,
    "as many as": Hedge.AT_MOST, "as much as": Hedge.AT_MOST, "a maximum of": Hedge.AT_MOST,
    "at most": Hedge.AT_MOST, "as high as": Hedge.AT_MOST,
    "nearly": Hedge.NEARLY, "almost": Hedge.NEARLY, "close to": Hedge.NEARLY, "just under": Hedge.NEARLY,
    "just below": Hedge.NEARLY, "just shy of": Hedge.NEARLY,
    "about": Hedge.APPROXIMATELY, "around": Hedge.APPROXIMATELY, "roughly": Hedge.APPROXIMATELY,
    "some": Hedge.APPROXIMATELY, "an estimated": Hedge.APPROXIMATELY, "estimated": Hedge.APPROXIMATELY,
    "approximately": Hedge.APPROXIMATELY, "approx.": Hedge.APPROXIMATELY, "~": Hedge.APPROXIMATELY,
    "an approximate": Hedge.APPROXIMATELY, "circa": Hedge.APPROXIMATELY,
}
_LEFT_WINDOW = 48


def _rev_alt(phrases: Iterable[str]) -> str:
    """Alternation of phrases written backwards (spaces may be any run of spaces), longest first."""
    out = []
    for ph in sorted(set(phrases), key=lambda x: (-len(x), x)):
        out.append(re.escape(ph[::-1]).replace(r"\ ", _SP + "+"))
    return "(?:" + "|".join(out) + ")"


# Context before an anchor is read backwards: the few characters before it are
# reversed and matched at position 0 with these "reversed" patterns, so each
# look costs one anchored match on a short string (no scan of the window).
_NOT_LETTER_AHEAD = r"(?![A-Za-z])"
_NAME_PREFIXES = (
    "Title Section Sec. Week Form Route Highway Interstate Boeing Airbus Page Chapter Article Rule Amendment "
    "Proposition Prop. H.R. H.B. S.B. S. HB SB AB P.L. Docket No. Nos. Number Room Suite Apt. Apartment Flight "
    "Apollo Windows Vision Agenda Project Phase Level Stage Channel Volume Vol. Episode Season Part Item District "
    "Ward Precinct Gate Terminal Exit Station Zone Pier Box Version Category Grade Tier Figure Fig. Table Exhibit "
    "Appendix Annex Schedule Paragraph Clause Count Local Studio Camp Lot Unit Area Case Bill Resolution Psalm "
    "Psalms iPhone Galaxy page section week title chapter pages pp. p. Region Regions Ward Model Flight "
    "Highway Hwy. Rte. Ch. Art. Para. Sen. Rep. S&P Fortune Russell FTSE Nikkei DAX CAC Stoxx Measure Question "
    "Forms Vintage Initiative Building Runway Track Train Bus Engine Ladder Rescue Squad Platform Pod Block Plot "
    "Recommendation Recommendations Tables Figures Sections Chapters Appendices Exhibits Items Steps Phases "
    "Objective Objectives recommendation recommendations figure figures table tables appendix exhibit grade"
).split() + ["Public Law", "Executive Order", "Air Force", "H. R.", "Report No.", "Interstate Highway"]
_LEFT_REV = re.compile(
    r"(?:" + _SP + r"+|" + _SP + r"*#" + _SP + r"*)(?P<name>" + _rev_alt(_NAME_PREFIXES) + r")" + _NOT_LETTER_AHEAD
    + r"|(?P<hash>#|№)"
    r"|(?P<neg>[-\u2212](?=[\s(\[]|\Z))?"
    r"(?P<cur>\$(?:SU|A|C|ZN|KH)?" + _NOT_LETTER_AHEAD + r"|[€£¥₹])?"
    r"(?:" + _SP + r"+(?P<month>" + _rev_alt(_MONTH_FORMS) + r")" + _NOT_LETTER_AHEAD + r")?"
    r"(?:" + _SP + r"*(?P<fy>(?i:" + _rev_alt(["fiscal years", "fiscal year", "calendar years", "calendar year",
                                                 "fiscal", "school years", "school year", "academic years",
                                                 "academic year", "crop year", "tax year", "tax years"]) + r")|sYF|YF)"
    + _NOT_LETTER_AHEAD + r")?"
    r"(?:" + _SP + r"+(?P<hedge>(?i:" + _rev_alt(h for h in _HEDGE_PHRASES if h != "~") + r"))"
    + _NOT_LETTER_AHEAD + r"|" + _SP + r"*(?P<tilde>~))?"
    r"(?:" + _SP + r"+(?P<rng>(?i:neewteb|morf))" + _NOT_LETTER_AHEAD + r")?"
)
_LEFT_WORDS_REV = re.compile(
    r"(?:" + _SP + r"+(?P<art>(?i:" + _rev_alt(["a", "an", "the vast", "a slim", "a narrow", "a clear", "a large",
                                                 "a simple", "a bare"]) + r"))" + _NOT_LETTER_AHEAD + r")?"
    r"(?:" + _SP + r"+(?P<hedge>(?i:" + _rev_alt(h for h in _HEDGE_PHRASES if h != "~") + r"))"
    + _NOT_LETTER_AHEAD + r"|" + _SP + r"*(?P<tilde>~))?"
    r"(?:" + _SP + r"+(?P<rng>(?i:neewteb|morf))" + _NOT_LETTER_AHEAD + r")?"
)
_PREV_WORD_REV = re.compile(_SP + r"*(?P<w>[A-Za-z'’]{1,20})" + _NOT_LETTER_AHEAD)


class _Back:
    """A match of a reversed pattern, reporting groups and offsets in the original text."""

    __slots__ = ("m", "s")

    def __init__(self, m: re.Match[str], s: int) -> None:
        self.m, self.s = m, s

    def group(self, g: int | str = 0) -> str | None:
        v = self.m.group(g)
        return None if v is None else v[::-1]

    def start(self, g: int | str = 0) -> int:
        return self.s - self.m.end(g)


def _left_context(text: str, start: int, floor: int, pattern: re.Pattern[str]) -> _Back | None:
    """Match ``pattern`` (written backwards) against the text just before ``start``."""
    lo = max(floor, start - _LEFT_WINDOW)
    if lo >= start:
        return None
    m = pattern.match(text[lo:start][::-1])
    if m is None or m.end() == 0:
        return None
    return _Back(m, start)


def _prev_word(text: str, s: int) -> str:
    """The word right before offset s (spaces only between), lower-cased; '' if none."""
    lo = max(0, s - 24)
    if lo >= s:
        return ""
    m = _PREV_WORD_REV.match(text[lo:s][::-1])
    return m.group("w")[::-1].lower() if m else ""


_ACT_OF = re.compile(r"(?<![A-Za-z])(?:Act|Class|Law|Treaty|Accord|Convention|Agreement|Summit|Protocol) of"
                     + _SP + r"+\Z")
_COURT_SUFFIX = re.compile(
    _SP + r"+(?:U\.S\." + _SP + r"+)?(?:Circuit|District|Amendment|Congress|Precinct|Avenue|Street|Ward|"
    r"Division|Infantry|Battalion|Regiment|Fleet|Army|Airborne|Cavalry|Marine|Corps|Brigade|Squadron|"
    r"Congressional|Judicial|Dynasty|Century\s+Fox|Assembly|Senate|Parliament|Republic)\b"
)
_EVENT_SUFFIX = re.compile(_SP + r"+(?!(?:" + _MONTH + r")\b)[A-Z][a-z]+")
_STREET_SUFFIX = re.compile(
    _SP + r"+(?:[NSEW]\.?" + _SP + r"+)?(?:[A-Z][a-z]*\.?" + _SP + r"+){1,3}(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.?|"
    r"Boulevard|Blvd\.?|Drive|Dr\.|Lane|Ln\.|Parkway|Pkwy\.?|Place|Pl\.|Court|Ct\.|Way|Highway|Hwy\.?|Plaza|"
    r"Terrace|Circle|Square)(?![A-Za-z])"
)

_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_SCALE_AFTER = re.compile(
    r"(?:" + _SP + r"?(?P<w>(?i:trillion|billion|million|thousand))\b"
    r"|(?P<ab>" + _SP + r"?(?:bn|mn|tn|bln|mln)\b|(?:[BMKkbmT]|tr)\b))"
)
_SCALE_ABBR = {"bn": 10**9, "bln": 10**9, "b": 10**9, "mn": 10**6, "mln": 10**6, "m": 10**6, "k": 10**3,
               "tn": 10**12, "t": 10**12, "tr": 10**12}
_PERCENT_AFTER = re.compile(
    r"(?:" + _SP + r"?(?P<pct>%|(?i:per" + _SP + r"?cent|pct\.?)(?![A-Za-z])|pc\b)|" + _SP
    + r"?-?(?P<pct2>(?i:percent))\b)"
    r"|" + _SP + r"*(?P<pp>(?i:percentage" + _SP + r"*[-]?" + _SP + r"*points?)|(?i:pp)\b|(?P<bp>(?i:basis" + _SP
    + r"+points?|bps?)))\b"
)
_UNIT_TABLE: dict[str, tuple[str, str]] = {}  # written (lower) -> (kind, normalised unit)
for _kind, _rows in {
    "duration": {
        "year": "years year yrs yr", "month": "months month", "week": "weeks week", "day": "days day",
        "hour": "hours hour hrs hr", "minute": "minutes minute mins", "second": "seconds",
        "decade": "decades decade", "century": "centuries century",
    },
    "measure": {
        "mile": "miles mile mi", "km": "kilometers kilometres kilometer kilometre km", "m": "meters metres meter metre",
        "foot": "feet foot ft", "inch": "inches inch", "yard": "yards yard", "acre": "acres acre",
        "hectare": "hectares hectare ha", "square mile": "square miles", "square foot": "square feet",
        "square km": "square kilometers square kilometres", "lb": "pounds pound lbs lb",
        "kg": "kilograms kilogram kg kilos", "g": "grams gram", "ton": "tons ton", "tonne": "tonnes tonne",
        "gallon": "gallons gallon", "liter": "liters litres liter litre",
        "barrel": "barrels barrel", "degree": "degrees degree", "mph": "mph", "MW": "megawatts megawatt MW",
        "GW": "gigawatts gigawatt GW", "kWh": "kWh kilowatt-hours kilowatt-hour kilowatthours kilowatthour", "ppb": "ppb", "ppm": "ppm",
        "mg": "milligrams milligram mg", "mcg": "micrograms microgram mcg", "kV": "kilovolts kilovolt kV",
        "V": "volts volt", "kW": "kilowatts kilowatt kW", "MWh": "megawatt-hours megawatt-hour megawatthours megawatthour MWh",
        "GWh": "gigawatt-hours gigawatt-hour gigawatthours gigawatthour GWh",
        "TWh": "terawatt-hours terawatt-hour terawatthours terawatthour TWh",
        "knot": "knots knot", "oz": "ounces ounce oz", "quart": "quarts quart", "pint": "pints pint",
        "bushel": "bushels bushel", "dB": "decibels decibel dB", "hp": "horsepower hp",
        "cubic foot": "cubic feet", "cubic yard": "cubic yards", "cubic meter": "cubic meters cubic metres",
        "acre-foot": "acre-feet acre-foot", "nautical mile": "nautical miles", "calorie": "calories calorie",
        "degree Fahrenheit": "degrees Fahrenheit", "degree Celsius": "degrees Celsius",
        "cm": "centimeters centimetres cm", "mm": "millimeters millimetres mm",
    },
    "money": {"USD": "dollars dollar USD", "EUR": "euros euro EUR", "GBP": "GBP pounds sterling", "JPY": "yen JPY",
              "CAD": "CAD", "AUD": "AUD", "CHF": "CHF"},
}.items():
    for _norm, _written in _rows.items():
        if _norm == "GBP":
            _UNIT_TABLE["pounds sterling"] = ("money", "GBP")
            _UNIT_TABLE["gbp"] = ("money", "GBP")
            continue
        # a unit of two words is written in pairs ("cubic meters cubic metres"), and as its own name
        _n, _words = len(_norm.split()), _written.split(" ")
        for _w in [" ".join(_words[i : i + _n]) for i in range(0, len(_words), _n)] + ([_norm] if _n > 1 else []):
            _UNIT_TABLE.setdefault(_w.lower(), (_kind, _norm))
for _w in ("fahrenheit", "celsius"):  # "hit 104 Fahrenheit"
    _UNIT_TABLE[_w] = ("measure", "degree " + _w.capitalize())
for _w in ("fiscal years", "school years", "calendar years", "straight years", "consecutive years"):
    _UNIT_TABLE[_w] = ("duration", "year")  # "over the five fiscal years"
_UNIT_TABLE["parts per billion"] = ("measure", "ppb")
_UNIT_TABLE["cents"] = ("money", "cents")
_UNIT_TABLE["cent"] = ("money", "cents")
_UNIT_TABLE["parts per million"] = ("measure", "ppm")
# units that carry a scale: "98 cents" is $0.98; the gas trade's "Bcf" is a billion cubic feet
_UNIT_TABLE["bcf"] = ("measure", "bcf")
_UNIT_TABLE["tcf"] = ("measure", "tcf")
for _w in ("b/d", "bpd"):  # the oil trade's barrels a day ("3.1 million b/d")
    _UNIT_TABLE[_w] = ("measure", "barrel")
_SCALED_UNITS = {"cents": ("USD", Decimal("0.01")), "bcf": ("cubic foot", Decimal(10) ** 9),
                 "tcf": ("cubic foot", Decimal(10) ** 12)}
_UNIT_ALT = "|".join(
    re.escape(w).replace(r"\ ", _SP + "+") for w in sorted(_UNIT_TABLE, key=lambda w: (-len(w), w))
)
_UNIT_PEEK = frozenset(w.split()[0].split("/")[0] for w in _UNIT_TABLE)  # ("b/d" is peeked at as "b")
#: a unit of time after a word that counts more of it ("six extra minutes", "two more years")
_TIME_ADJECTIVES = frozenset({"extra", "additional", "more", "fewer", "less"})
_ADJ_TIME_UNIT = re.compile(_SP + r"+(?i:" + "|".join(sorted(_TIME_ADJECTIVES)) + ")" + _SP +
                            r"+(?P<u>(?i:years?|months?|weeks?|days?|hours?|minutes?|decades?))\b")


def _time_after_adjective(text: str, pos: int) -> tuple[str, int] | None:
    """The unit of time and where it ends, when "extra", "more" or the like and a unit of time
    follow ``pos`` ("about six extra minutes", "two more years"); None otherwise."""
    am = _ADJ_TIME_UNIT.match(text, pos)
    return (_UNIT_TABLE[am.group("u").lower()][1], am.end()) if am else None
_UNIT_AFTER = re.compile(r"(?P<sep>" + _SP + r"?-" + _SP + r"?|" + _SP + r"*)(?P<u>(?i:" + _UNIT_ALT + r"))\b"
                         r"(?:-old\b|" + _SP + r"old\b)?")
_UNIT_WRITTEN = {"year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours",
                 "minute": "minutes", "second": "seconds", "decade": "decades", "century": "centuries",
                 "mile": "miles", "km": "km", "m": "meters", "foot": "feet", "inch": "inches", "yard": "yards",
                 "acre": "acres", "hectare": "hectares", "square mile": "square miles", "square foot": "square feet",
                 "square km": "square kilometers", "lb": "pounds", "kg": "kg", "g": "grams", "ton": "tons",
                 "tonne": "tonnes", "gallon": "gallons", "liter": "liters", "barrel": "barrels", "degree": "degrees",
                 "mph": "mph", "MW": "MW", "GW": "GW", "kWh": "kWh", "cm": "cm", "mm": "mm", "ppb": "ppb", "ppm": "ppm",
                 "mg": "mg", "mcg": "mcg", "kV": "kV", "V": "volts", "kW": "kW", "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "knot": "knots",
                 "oz": "ounces", "quart": "quarts", "pint": "pints", "bushel": "bushels", "dB": "decibels",
                 "hp": "horsepower", "cubic foot": "cubic feet", "cubic yard": "cubic yards",
                 "cubic meter": "cubic meters", "acre-foot": "acre-feet", "nautical mile": "nautical miles",
                 "calorie": "calories", "degree Fahrenheit": "degrees Fahrenheit",
                 "degree Celsius": "degrees Celsius"}
_CURRENCY_SYMBOL = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "A$": "AUD",
                    "C$": "CAD", "NZ$": "NZD", "HK$": "HKD"}
_CURRENCY_RENDER = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "AUD": "A$", "CAD": "C$",
                    "NZD": "NZ$", "HKD": "HK$"}

_POST_HEDGE = re.compile(
    r"(?:-(?=(?i:plus)\b)|" + _SP + r"*)(?:(?P<more>\+(?![0-9])|(?i:or" + _SP + r"+more|or" + _SP + r"+greater|or" + _SP + r"+above|plus)\b)"
    r"|(?P<less>(?i:or" + _SP + r"+fewer|or" + _SP + r"+less|or" + _SP + r"+below|or" + _SP + r"+under)\b))"
)
_TIME_AFTER = re.compile(_SP + r"?(?:[ap]\.m\.|[AP]\.M\.|(?i:[ap]m)\b|(?i:o'clock)|"
                         r"(?:EST|EDT|PST|PDT|CST|CDT|MST|MDT|GMT|UTC|BST|CET|CEST|IST|AEST|AEDT|ET|PT|CT)\b)")
_NUM_RE = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?(?![0-9])"
_CARD_WORD = r"(?i:" + _word_alternation(_CARDINAL_WORDS) + r"(?:-" + _word_alternation(_UNIT_WORDS) + r")?)"
_RANGE_TAIL = re.compile(
    r"(?P<sep>" + _SP + r"*" + _DASH + _SP + r"*|" + _SP + r"+(?i:to|through|thru|until|till|and)" + _SP + r"+)"
    r"(?:(?i:under|less" + _SP + r"+than)" + _SP + r"+(?=(?:US|A|C|NZ|HK)?\$|[€£]))?"  # "$25,000 to under $100,000"
    r"(?P<fy>(?i:fiscal" + _SP + r"+(?:years?" + _SP + r"+)?)|FY" + _SP + r"?)?"
    r"(?P<month>" + _MONTH + _SP + r"+)?"
    r"(?P<cur>(?:US|A|C|NZ|HK)?\$|[€£])?"
    r"(?:(?P<n>" + _NUM_RE + r")|(?P<w>" + _CARD_WORD + r"))"
)
_RATIO_TAIL = re.compile(
    _SP + r"+(?i:(?P<of>of(?:" + _SP + r"+(?:the|every|all|its|their|those|these))?)|(?P<in>in(?:" + _SP
    + r"+every)?|out" + _SP + r"+of(?:" + _SP + r"+(?:every|the))?|per))" + _SP + r"+"
    r"(?:(?:[A-Z]?[a-z]+|[A-Z]{2,6})['’]s" + _SP + r"+)?"  # "14 of the state's 72", "four of GAO's five"
    r"(?:(?P<n>[0-9]{1,3}(?:,[0-9]{3})*(?![0-9.,]?[0-9]))|(?P<w>" + _CARD_WORD + r"))(?![%])"
)
_NOUN_PER = re.compile(_SP + r"+(?P<noun>[a-z]+)" + _SP + r"+per" + _SP + r"+(?:(?P<n>[0-9]{1,3}(?:,[0-9]{3})+|"
                       r"[0-9]+)(?![0-9.,]?[0-9])|(?P<w>(?i:thousand|hundred|million)))")
_SHORT_YEAR_TAIL = re.compile(_DASH + r"([0-9]{2})(?![0-9])")
_YEAR_TAIL = re.compile(r",?" + _SP + r"+(?P<y>[12][0-9]{3})(?![0-9]|,[0-9])")
_DAY_MONTH_TAIL = re.compile(
    _SP + r"+(?P<month>" + _MONTH + r")(?:,?" + _SP + r"+(?P<y>[12][0-9]{3})(?![0-9]|,[0-9]))?"
)
_DECADE = re.compile(r"s\b")
_FRAC_PERCENT_TAIL = re.compile(
    _SP + r"+(?i:of" + _SP + r"+(?:a|one|1)" + _SP + r"+|a" + _SP + r"+)(?P<u>(?i:percentage" + _SP + r"+point|per"
    + _SP + r"?cent|%))"
    # "a quarter-point cut", "a tenth of a point": a share of one percentage point
    + r"|(?:-|" + _SP + r"+(?i:of" + _SP + r"+a" + _SP + r"+))(?P<p>(?i:(?:percentage" + _SP + r"*-?" + _SP
    + r"*)?point))(?![A-Za-z])"
)
_HALF_A = re.compile(_SP + r"+an?" + _SP + r"+(?P<u>(?i:million|billion|trillion|thousand|hundred|dozen|year|"
                     r"month|week|day|hour|decade|century|minute|mile|percent(?:age point)?))\b")
_FRACTION_FOLLOWERS = frozenset("of more less fewer as the their its his her our all and or than".split())
_AND_A_HALF = re.compile(_SP + r"+(?i:and" + _SP + r"+a" + _SP + r"+half)\b")
_NOUN_AFTER = re.compile(
    _SP + r"+(?P<of>(?i:of" + _SP + r"+(?:(?:these|those|their|them|the|all|its|his|her|our)\b" + _SP + r"*)?))?"
    r"(?P<np>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*(?:" + _SP + r"+[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*){0,3})"
)
_GLUED_LETTERS = re.compile(r"[A-Za-z]+")
_WORD_TOKENS = re.compile(r"[A-Za-z]+")
_SPACES = " \u00a0\u2009\u202f"
_NO_LEFT_CONTEXT = "\n\r\t\"“‘'[/("
_DASH_SET = frozenset(_DASHES)
# The next word (or character) after a number decides which tails are worth trying.
_PEEK = re.compile(_SP + r"?(?:(?P<w>[A-Za-z]+)|(?P<c>[^\sA-Za-z]))?")
_SCALE_PEEK = frozenset("million billion trillion thousand bn mn tn bln mln m b k t tr".split())
_PCT_PEEK = frozenset("percent per pct percentage pp basis pc bp bps".split())
_MONEY_PEEK = frozenset("dollars dollar usd euros euro eur gbp yen jpy cad aud chf pounds".split())
_RATIO_PEEK = frozenset("of in out per".split())
_POST_PEEK = frozenset("or plus".split())
_RANGE_PEEK = frozenset("to through thru until till and".split())
_TIME_PEEK = frozenset(
    "a p am pm o est edt pst pdt gmt utc et pt ct cst cdt mst mdt bst cet cest ist aest aedt".split()
)
_SERVICE_NUMBERS = frozenset(["911", "311", "411", "211", "988"])
#: words after such a number that speak of the service ("211 calls", "911 dispatchers")
_SERVICE_AFTER = frozenset("call calls caller callers line lines service services system center centers operator "
                           "operators dispatcher dispatchers hotline".split())
_ZIP_BEFORE = re.compile(r"(?:[A-Z]{2}|D\.C\.|[A-Z]\.[A-Z]\.) \Z")
# "paid over 15 years", "$420 million over 10 years": over means during
_SPAN_VERBS = frozenset("paid repaid spread phased distributed amortized amortised disbursed rolled implemented "
                        "allocated divided split staggered payable million billion trillion thousand percent "
                        "dollars euros pounds".split())
_PHONE_REST = re.compile(r"\)" + _SP + r"?[0-9]{3}[-.][0-9]{4}")
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][A-Za-z.]*)(?P<dash>[" + _DASH_CLASS + r"]?)\Z")
_NEXT_WORD = re.compile(_SP + r"*(?P<w>[A-Za-z][A-Za-z'’]*)")
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
_PAGE_OF = re.compile(_SP + r"+of" + _SP + r"+[0-9]{1,4}\b")
_DATELINE_PAREN = re.compile(r"^\s*[A-Z][A-Za-z.,' -]{1,40}\($")
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.'’ -]{1,40}|[A-Z][a-z]+(?:" + _SP + r"[A-Z][a-z]+)?" r"),(?:" + _SP
                       + r"*[A-Z][A-Za-z.]{1,15},)?" + _SP + r"*\Z")
_AGENCY_AFTER = re.compile(
    r"\s*(?:\((?:Reuters|AP|AFP|UPI|Bloomberg|CNN|The Center Square|Xinhua|dpa)\)|[" + _DASH_CLASS + r"]\s)"
)
# Starts with a character class so the engine can skip to candidate characters quickly.
_SENT_BREAK = re.compile(r"[.!?\n](?:(?<=\n)|(?<![^A-Za-z][A-Z].)[\"”’')\]]*\s)")
_SCOPE_PREP = re.compile(
    r"(?<![A-Za-z])(?P<p>(?i:in|during|since|throughout|for|over|as" + _SP + r"+of|from))" + _SP + r"+\Z"
)

_STOP_AFTER_NUMBER = frozenset(
    "of the a an and or to from in on at by for with without who that which were was are is be been had has have "
    "did do does will would could should may might must can than as per each every into onto over under after "
    "before during since until while when where whom whose this these those it its their his her our them they "
    "he she we you i me not no nor but so if then also only just still more less most least about around".split()
)
_NOT_NOUN_START = _STOP_AFTER_NUMBER | frozenset("percent per cent".split())
_IRREGULAR_PLURALS = frozenset("people children men women police staff personnel cattle data media".split())
_ONE_NOT_BEFORE = frozenset(
    "of another or and who that which is was has had would could can will might should must may does did are "
    "were said says another's thing things way hand point time day side more less another else".split()
)
#: ... but "one day" and "one point" count after a hedge or a word of change ("at least one day",
#: "up one day from 2024", "more than one point")
_ONE_COUNTED = frozenset({"day", "point"})
_ONE_MEASURED_AFTER = frozenset({"least", "than", "nearly", "almost", "about", "only", "just", "within", "up",
                                 "down", "by", "extra", "additional", "roughly", "exactly"})
_ONE_NOT_AFTER = frozenset("no any every each which the this that someone anyone everyone such another other "
                           "little last very only's".split())
_MOST_NOT_AFTER = frozenset(
    "the at a an what who which is are was were be been being its their his her our your my whose this that "
    "those these one among it's".split()
)
_MOST_NOT_BEFORE = frozenset(
    "important likely recent recently common popular serious significant alarming vulnerable powerful "
    "dangerous famous frequent frequently expensive effective notable notably prominent influential valuable "
    "successful difficult critical crucial urgent basic severe affected at often commonly widely".split()
)
_MAJORITY_NOT_BEFORE = frozenset(
    "leader leaders whip whips party parties owner owners shareholder shareholders government governments "
    "report opinion rule leadership caucus status control".split()
)


def _parse_digits(tok: str) -> tuple[Decimal, Decimal] | None:
    """Value and precision of a plain digit string ("448,000", "1.4"); None if malformed."""
    hit = _NUMBER_CACHE.get(tok)
    if hit is not None or tok in _NUMBER_CACHE:
        return hit
    result = _parse_digits_uncached(tok)
    if len(_NUMBER_CACHE) < 4096:
        _NUMBER_CACHE[tok] = result
    return result


_NUMBER_CACHE: dict[str, tuple[Decimal, Decimal] | None] = {}
_DIGITS_OK = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+")


def _parse_digits_uncached(tok: str) -> tuple[Decimal, Decimal] | None:
    if not _DIGITS_OK.fullmatch(tok):
        return None
    plain = tok.replace(",", "")
    value = Decimal(plain)
    if "." in plain:
        return value, Decimal(1).scaleb(-len(plain.split(".", 1)[1]))
    return value, _integer_precision(value)


def _integer_precision(value: Decimal) -> Decimal:
    """Rounding unit of a whole number as written: each trailing group of three zeros
    ("448,000", "1,000,000") is rounding; zeros inside the last group are digits
    ("448,820" -> 1, "2,500" -> 1, "60" -> 1).

    >>> [str(_integer_precision(Decimal(v))) for v in (448000, 448820, 200000, 1000000, 60)]
    ['1000', '1', '1000', '1000000', '1']
    """
    if value < 1000 or value != value.to_integral_value():
        return _ONE
    digits = str(int(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    return Decimal(1000) ** (zeros // 3)


# record fields (a list is cheaper than an object while scanning)
(_START, _END, _VALUE, _HEDGE, _KIND, _UNIT, _NOUN, _HIGH, _DEN, _SCOPE, _PREC, _FACT, _DATE) = range(13)


def _rec(start: int, end: int, value: Decimal, kind: str, *, hedge: str = "exact", unit: str | None = None,
         high: Decimal | None = None, den: Decimal | None = None, prec: Decimal | None = None,
         fact: bool = True, date: str | None = None, noun: str | None = None) -> list[Any]:
    return [start, end, value, hedge, kind, unit, noun, high, den, None, prec, fact, date]


_EXACT = Context(prec=200, traps=[])


def _clean(v: Decimal | None) -> Decimal | None:
    """Plain form of a value: integers without exponent or trailing '.0', others normalised."""
    if v is None or not v.is_finite():
        return v
    if v == v.to_integral_value():
        return v.quantize(_ONE, context=_EXACT)
    return v.normalize(_EXACT)


def _opens_sentence(text: str, s: int) -> bool:
    """Whether the word at ``s`` is the first of a sentence, line or list item."""
    i = s - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n\u2022*-(" or text[i] in "\"\u201c" and (i == 0 or text[i - 1] in " \n")


def _name_rec(start: int, end: int, value: Decimal | None = None) -> list[Any]:
    """A number inside a name or page furniture (fact=False)."""
    return _rec(start, end, value if value is not None else _ZERO, "count", fact=False, prec=_ONE)


def _tok_value(tok: str) -> Decimal:
    """The first number of a token ("19" in "24-19"), 0 when there is none."""
    m = re.match(r"[0-9][0-9,]*(?:\.[0-9]+)?", tok.lstrip("."))
    parsed = _parse_digits(m.group().rstrip(",")) if m else None
    return parsed[0] if parsed else _ZERO


def _is_year(value: Decimal, tok: str) -> bool:
    return len(tok) == 4 and tok.isdigit() and 1500 <= value <= 2199


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", max(0, pos - 400), pos) + 1


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


#: Tests set this to True so that a bug in a reading rule fails loudly instead of
#: skipping the candidate (find_quantities never raises for callers).
_RAISE_INTERNAL_ERRORS = False


def _scan(text: str, *, phrase_mode: bool = False) -> list[list[Any]]:
    """Every mention record (facts and non-facts) in text order, non-overlapping."""
    out: list[list[Any]] = []
    pos = 0
    floor = 0
    search = _SCAN.search
    words_at = _SCAN_WORDS_AT.match
    n = len(text)
    while pos < n:
        # a word run starting right at pos has no separator inside the search range
        wm = words_at(text, pos) if text[pos].isalpha() and (pos == 0 or not text[pos - 1].isalpha()) else None
        if wm is not None:
            s, e, tok = pos, wm.end(), wm.group()
        else:
            m = search(text, pos)
            if m is None:
                break
            s, e, tok = m.start(), m.end(), m.group()
            if tok[0] > "9" or tok[0] < "0":  # separator + words
                s, tok = s + 1, tok[1:]
        try:
            if tok[0] <= "9":
                rec, nxt = _read_digits(text, s, e, tok, floor, phrase_mode)
            else:
                rec, nxt = _read_words(text, s, e, tok, floor, phrase_mode)
        except (ArithmeticError, LookupError, ValueError):
            # A reading rule tripped on odd input: skip this candidate rather than fail
            # the whole text.  The tests set _RAISE_INTERNAL_ERRORS to see such bugs.
            if _RAISE_INTERNAL_ERRORS:
                raise
            rec, nxt = None, e
        if rec is not None and rec[_START] >= floor and rec[_END] > rec[_START]:
            out.append(rec)
            floor = rec[_END]
            nxt = max(nxt, floor)
        pos = max(nxt, s + 1)
    out = _multipliers(text, out, phrase_mode)
    if out:
        _name_lists(text, out)
        _fill_years(out)
        sentences = _by_sentence(text, out)
        _points_of_percents(text, out, sentences)
        _attach_scopes(text, out, sentences)
    return out


#: Between the numbers of one list of names: "Recommendations 1, 2, 4, and 5", "Tables 2 and 3".
_NAME_LIST_GAP = re.compile(r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|through|to)\s+|\s*&\s*)\Z")


def _name_lists(text: str, recs: list[list[Any]]) -> None:
    """The numbers that go on a list begun by a name ("Recommendations 1, 2, 4, and 5") are names too."""
    in_list = False
    for i in range(1, len(recs)):
        prev, r = recs[i - 1], recs[i]
        named = not prev[_FACT] and prev[_KIND] == "count" and (in_list or text[prev[_START]:prev[_START] + 1].isalpha())
        in_list = (named and r[_KIND] == "count" and r[_FACT] and r[_NOUN] is None and r[_VALUE] is not None
                   and r[_VALUE] < 1000 and r[_VALUE] == r[_VALUE].to_integral_value()
                   and _NAME_LIST_GAP.fullmatch(text, prev[_END], r[_START]) is not None)
        if in_list:
            r[_FACT] = False


_POINTS_AFTER = re.compile(r"(?:" + _SP + r"+|-)(?i:points?)\b")


def _by_sentence(text: str, recs: list[list[Any]]) -> list[list[int]]:
    """The indexes of the records, grouped by the sentence they are in."""
    sentences: list[list[int]] = [[0]] if recs else []
    for i in range(1, len(recs)):
        if _SENT_BREAK.search(text, recs[i - 1][_END], recs[i][_START]):
            sentences.append([])
        sentences[-1].append(i)
    return sentences


def _points_of_percents(text: str, recs: list[list[Any]], sentences: list[list[int]]) -> None:
    """A bare "points" in a sentence that states a percent is percentage points
    ("44.7% were reported, up 2.8 points"; "fell 3 points to 41%").  Scores and
    index points come without a percent in the sentence and stay counts.  A gap in points
    may follow the sentence that gives the two percents ("just 44% ..., against 96% ... That
    is a 52-point gap"), and so may a change in points ("... stood at 5.4% a year earlier.
    Oregon, down 0.8 point, ..."); a small change named as such ("The 0.3-point rise was
    significant") or a margin of error ("plus or minus 0.7 point") may come up to two sentences
    after the percents."""
    before = earlier = False  # whether the sentence before, and the one before it, state a percent
    for members in sentences:
        sentence = [recs[i] for i in members]
        here = any(r[_KIND] in ("percent", "percentage_points") and r[_FACT] for r in sentence)
        if here or before or earlier:
            for r in sentence:
                if r[_KIND] != "count" or not r[_FACT] or r[_DEN] is not None:
                    continue
                pm = _POINTS_AFTER.match(text, r[_END])
                if pm is None:
                    continue
                small = r[_VALUE] < _POINT_CHANGE_MAX
                # right after the percents: a gap ("a 52-point gap") or a small change ("down 0.8 point")
                follows = before and (_POINT_GAP.match(text, r[_END]) is not None or (
                    small and _POINT_CHANGE.search(text, max(0, r[_START] - 16), r[_START]) is not None))
                # up to two sentences after: a small change so named ("the 0.3-point rise") or a margin of error
                named = small and (_POINT_CHANGE_NOUN.match(text, r[_END]) is not None
                                   or _POINT_MARGIN.search(text, max(0, r[_START] - 24), r[_START]) is not None)
                if here or follows or named:
                    r[_KIND], r[_UNIT], r[_NOUN], r[_END] = "percentage_points", "percentage points", None, pm.end()
        before, earlier = here, before


_POINT_GAP = re.compile(r"-(?i:point)" + _SP + r"+(?i:gap|lead|difference|margin|spread|divide)\b")
#: ... and so may a small change in points ("Oregon, down 0.8 point," after "... stood at 5.4% a year
#: earlier"; not "The Dow fell 300 points" after "Shares fell 2%")
_POINT_CHANGE_MAX = 20
#: ... and so, up to two sentences after the percents, may a small change named as such ("The
#: 0.3-point rise was significant") or a margin of error ("plus or minus 0.7 point")
_POINT_CHANGE_NOUN = re.compile(r"-(?i:point)" + _SP + r"+(?i:rise|increase|jump|gain|climb|drop|decline|fall|dip|"
                                r"decrease|slide|swing|change|improvement)\b")
#: A margin of error's sign ("±10.2 percent", "+/- 0.5", "plus or minus 0.7 point") right before a figure.
PLUS_MINUS_SIGN = r"(?:\u00b1|\+/-|\+/\u2212|plus\s+or\s+minus)"
_POINT_MARGIN = re.compile(r"(?i)(?:" + PLUS_MINUS_SIGN + r"|margin" + _SP + r"+of" + _SP + r"+(?:error" + _SP
                           + r"+of" + _SP + r"+)?)" + _SP + r"*\Z")
_POINT_CHANGE = re.compile(r"(?i)\b(?:up|down|rose|fell|climbed|dropped|declined|increased|decreased|gained|slipped"
                           r"|jumped|slid)" + _SP + r"+(?:by" + _SP + r"+)?\Z")


# Multipliers: "4.2 times the rate", "a threefold rise", "more than doubled", "nearly twice as high".
# They are ratios with unit "times" and no denominator.
_MULTIPLE_WORDS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "quintupled": 5,
                   "doubles": 2, "triples": 3, "trebles": 3, "quadruples": 4,
                   "doubling": 2, "tripling": 3, "quadrupling": 4,
                   "twice": 2, "thrice": 3, "double": 2, "triple": 3, "quadruple": 4,
                   "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
                   "eightfold": 8, "ninefold": 9, "tenfold": 10, "hundredfold": 100}
#: what follows "N times" or "twice" when it multiplies ("twice as high", "4.2 times the rate"),
#: not when it counts occasions ("three times a week", "met twice in 2023")
_MULTIPLE_NEXT = (r"(?:as|more|higher|greater|larger|bigger|faster|lower|smaller|fewer|less|"
                  r"the|that|than|what|its|their|his|her|our|those|these|over|above|below)\b")
#: ... or a name's possessive ("more than 11 times South Dakota's 142.7")
_MULTIPLE_POSSESSIVE = r"(?-i:[A-Z][\w.]*(?:" + _SP + r"+[A-Z][\w.]*){0,3})['\u2019]s\b"
#: ... or a year's level ("nearly 4 times 2023 levels")
_MULTIPLE_YEAR = r"(?:19|20)\d\d" + _SP + r"+(?:levels?|rates?|figures?|totals?|numbers?|counts?|highs?|peaks?)\b"
#: ... but not a time it happened in ("6,412 times that year", "twice the previous month")
_MULTIPLE_NOT_WHEN = (r"(?!(?:over" + _SP + r"+)?(?:the|that|this|those|these)" + _SP + r"+(?:(?:same|previous|prior|following|next|past|last)"
                      + _SP + r"+(?:\d+" + _SP + r"+)?)?(?:year|month|week|day|night|quarter|season|summer|winter|spring|"
                      r"fall|autumn|decade|period|semester|weekend)s?\b(?!['\u2019]))")
_MULTIPLE_AFTER = r"(?=" + _SP + r"+" + _MULTIPLE_NOT_WHEN + r"(?:" + _MULTIPLE_NEXT + "|" + _MULTIPLE_POSSESSIVE + "|" + _MULTIPLE_YEAR + r"))"
_MULTIPLE_HEDGE = r"(?:(?P<hedge>more" + _SP + r"+than|over|nearly|almost|close" + _SP + r"+to|roughly|about|" \
                  r"approximately|around|some|at" + _SP + r"+least|less" + _SP + r"+than|up" + _SP + r"+to)" + _SP + r"+)?"
_MULTIPLE_VERB = re.compile(
    r"(?i)(?<![\w-])" + _MULTIPLE_HEDGE + r"(?P<word>(?:doubled|tripled|trebled|quadrupled|quintupled|doubles|triples|"
    r"trebles|quadruples|doubling|tripling|quadrupling)(?!" + _SP + r"+(?:down|as|up|back)\b)|(?:twice|thrice)"
    + _MULTIPLE_AFTER + r"|(?:double|triple|quadruple)(?P<before>(?=" + _SP + r"+(?:the|that|its|their|what)\b))?"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|hundred)fold)(?![\w-])")
_TIMES_AFTER = re.compile(r"(?i)(?:" + _SP + r"+times" + _MULTIPLE_AFTER + r"|-?fold\b)")
_TIMES_LAST = re.compile(r"(?i)" + _SP + r"+times" + _SP + r"*$")  # "4.2 times" read as one phrase


def _multipliers(text: str, recs: list[list[Any]], phrase_mode: bool = False) -> list[list[Any]]:
    """Mark counts followed by "times"/"-fold" as multipliers and add the multiplier words."""
    for r in recs:
        if r[_KIND] == "count" and r[_FACT] and r[_UNIT] is None and r[_HIGH] is None:
            m = _TIMES_AFTER.match(text, r[_END]) or (_TIMES_LAST.match(text, r[_END]) if phrase_mode else None)
            if m and (r[_END] + 1 >= len(text) or not text[r[_END]].isalpha()):
                r[_KIND], r[_UNIT], r[_END], r[_NOUN] = "ratio", "times", m.end(), None
    found = []
    for m in _MULTIPLE_VERB.finditer(text):
        if m.group("word").lower() in ("double", "triple", "quadruple") and m.group("before") is None \
                and m.group("hedge") is None:
            continue  # "a double shift", "triple-digit": a multiplier only before what it multiplies
            # ("double the rate") or after a hedge ("nearly triple")
        hedge = _HEDGE_PHRASES.get(" ".join((m.group("hedge") or "").lower().split()))
        value = Decimal(_MULTIPLE_WORDS[m.group("word").lower().rstrip()])
        found.append(_rec(m.start(), m.end(), value, "ratio", hedge=hedge.value if hedge else "exact",
                          unit="times", prec=_ONE))
    if not found:
        return recs
    merged, i = [], 0
    for f in found:  # keep the scanner's records; add a multiplier word only where none overlaps
        while i < len(recs) and recs[i][_END] <= f[_START]:
            merged.append(recs[i])
            i += 1
        if i < len(recs) and recs[i][_START] < f[_END]:
            continue
        merged.append(f)
    merged.extend(recs[i:])
    return merged


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


def _read_digits(text: str, s: int, end: int, tok: str, floor: int,
                 phrase_mode: bool) -> tuple[list[Any] | None, int]:
    e = end
    while tok and tok[-1] in ".,":
        tok = tok[:-1]
        e -= 1
    if e - s > MAX_TOKEN_CHARS:
        return None, end
    if e + 2 < len(text) and text[e] in _LIST_SEPS and (text[e + 1].isdigit() or text[e + 2].isdigit()):
        lm = _NUMBER_LIST.match(text, s)
        if lm:  # a long bare list of numbers is a table or a dump, not claims in prose
            return None, lm.end()
    pc = text[s - 1] if s else ""
    # -- glued to letters on the left: FY2019, G7, H2O, COVID19; or a hyphen name: COVID-19, I-862, OIG-24-46
    if pc and (pc.isalnum() or pc == "_"):
        wm = _WORD_BEFORE.search(text, max(0, s - 16), s)
        word = wm.group("w") if wm else ""
        if word.upper() in ("FY", "FYS") and "/" not in tok and ":" not in tok:
            return _read_number(text, s, e, tok, floor, phrase_mode, fy_start=wm.start() if wm else s)
        start = wm.start() if wm else s
        return _name_rec(max(start, floor), _glued_end(text, e), _tok_value(tok)), _glued_end(text, e)
    if pc and pc in _DASHES and s >= 2 and text[s - 2].isalnum():
        wm = _WORD_BEFORE.search(text, max(0, s - 16), s)
        word = (wm.group("w") if wm else "").lower()
        if word not in ("mid", "pre", "post", "early", "late", "since", "from", "through"):
            start = wm.start() if wm else s - 1
            end = _glued_end(text, e)
            return _name_rec(max(start, floor), end, _tok_value(tok)), end
    if pc == "." and not (s >= 2 and text[s - 2].isalnum()) and "/" not in tok and "-" not in tok:
        s -= 1
        tok = "." + tok
    return _read_number(text, s, e, tok, floor, phrase_mode)


def _glued_end(text: str, e: int) -> int:
    g = _GLUED_LETTERS.match(text, e)
    return g.end() if g else e


_CHAIN_SPLIT = re.compile(r"([/:" + _DASH_CLASS + r"])")
_HAS_SEP = re.compile(r"[/:" + _DASH_CLASS + r"]").search


def _simple_range(tok: str) -> bool:
    """A two-number dash token that reads as a range ("10-12", "2019-2023", "2019-20")."""
    parts = _CHAIN_SPLIT.split(tok)
    if len(parts) != 3 or parts[1] not in _DASHES:
        return False
    a, b = _parse_digits(parts[0]), _parse_digits(parts[2])
    if a is None or b is None:
        return False
    if _is_year(a[0], parts[0]) and len(parts[2]) == 2 and parts[2].isdigit():
        return Decimal(parts[0][:2] + parts[2]) > a[0]
    return b[0] > a[0] and not (len(parts[0]) == 3 and len(parts[2]) == 4)


def _read_chain(text: str, s: int, e: int, tok: str, floor: int) -> tuple[list[Any] | None, int]:
    """A token with / : or dashes inside: ranges, dates, times, phone and report numbers."""
    parts = _CHAIN_SPLIT.split(tok)
    nums = parts[0::2]
    seps = set(parts[1::2])
    if seps == {":"}:
        return _name_rec(s, e, _tok_value(tok)), e  # a time of day or a score
    vals = [_parse_digits(x) for x in nums]
    if any(v is None for v in vals):
        return _name_rec(s, e, _tok_value(tok)), e
    if len(nums) == 2 and seps <= set(_DASHES):
        (a, pa), (b, pb) = vals  # type: ignore[misc]
        if _is_year(a, nums[0]) and len(nums[1]) == 2 and "," not in nums[1]:
            b = Decimal(nums[0][:2] + nums[1])  # 2019-20
            if b > a:
                return _rec(s, e, a, "year_range", high=b, prec=_ONE), e
        if _is_year(a, nums[0]) and _is_year(b, nums[1]) and b > a:
            return _rec(s, e, a, "year_range", high=b, prec=_ONE), e
        if b > a and not (len(nums[0]) == 3 and len(nums[1]) == 4):
            return _rec(s, e, a, "range", high=b, prec=min(pa, pb)), e
        return _name_rec(s, e, _tok_value(tok)), e  # a tally ("5-4 vote") or a phone fragment
    if len(nums) == 2 and seps == {"/"}:
        (a, _pa), (b, _pb) = vals  # type: ignore[misc]
        if _is_year(a, nums[0]) and len(nums[1]) == 2:
            return _rec(s, e, a, "year_range", high=Decimal(nums[0][:2] + nums[1]), prec=_ONE), e
        if tok in ("9/11", "24/7", "50/50", "7/7"):
            return _name_rec(s, e, _tok_value(tok)), e
        if 0 < a < b <= 1000 and "." not in tok and "," not in tok:
            value = (a / b).quantize(Decimal(1).scaleb(-FRACTION_PLACES))
            return _rec(s, e, value, "fraction", prec=Decimal(1).scaleb(-FRACTION_PLACES)), e
        return _name_rec(s, e, _tok_value(tok)), e
    if len(nums) == 3 and all(x.isdigit() for x in nums):
        a, b, c = (int(x) for x in nums)
        if seps <= set(_DASHES) and len(nums[0]) == 4 and 1 <= b <= 12 and 1 <= c <= 31:
            return _rec(s, e, Decimal(a), "date", date=f"{a:04d}-{b:02d}-{c:02d}", prec=_ONE), e
        if seps == {"/"} and 1 <= a <= 12 and 1 <= b <= 31 and len(nums[2]) in (2, 4):
            year = c if len(nums[2]) == 4 else 2000 + c
            return _rec(s, e, Decimal(year), "date", date=f"{year:04d}-{a:02d}-{b:02d}", prec=_ONE), e
    return _name_rec(s, e, _tok_value(tok)), e


#: a figure with a footnote number glued on after a comma ("2023,4"): the figure is group 1
_GLUED_FOOTNOTE = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+),[0-9]{1,2}")


def _is_footnote_mark(text: str, s: int, e: int, tok: str) -> bool:
    """Whether the number at [s, e) is a footnote marker glued to the end of a sentence or clause,
    as text taken from a PDF has them: one or two digits right after a period, comma, semicolon or
    colon that ends a word or figure ("totaled $1.4 billion.3 We found", "2023,4 the agency"),
    followed by a space or the end of the line."""
    if len(tok) > 2 or not tok.isdigit() or s < 2 or (e < len(text) and not text[e].isspace()):
        return False
    pc, before = text[s - 1], text[s - 2]
    return pc in ".;:" and (before.isalpha() or before in ")%") or (pc == "," and before.isdigit())


def _closed(text: str, start: int, pos: int, value: Decimal, kind: str, hedge: str, unit: str | None,
            prec: Decimal | None, phrase_mode: bool) -> tuple[list[Any], int]:
    """The record of a number read from ``start`` to ``pos``, with its counted noun (:func:`_finish`); a
    duration "over five years" is read as during them, not as more than five."""
    if kind == "duration" and hedge == "more_than":
        during = _over_means_during(text, start)
        if during is not None:
            hedge, start = "exact", during
    rec = _rec(start, pos, value, kind, hedge=hedge, unit=unit, prec=prec)
    return _finish(text, rec, pos, phrase_mode), pos


def _read_number(text: str, s: int, e: int, tok: str, floor: int, phrase_mode: bool,
                 fy_start: int | None = None) -> tuple[list[Any] | None, int]:
    has_sep = _HAS_SEP(tok) is not None
    if has_sep and not _simple_range(tok):
        rec, end = _read_chain(text, s, e, tok, floor)
        if rec is not None and rec[_FACT] and rec[_KIND] in ("year_range", "range", "date", "fraction"):
            lm = _left_context(text, s, floor, _LEFT_REV)
            if lm is not None and rec[_KIND] == "fraction" and (lm.group("hedge") or lm.group("tilde")):
                rec[_HEDGE] = _HEDGE_PHRASES[" ".join((lm.group("hedge") or "~").lower().split())].value
                rec[_START] = max(floor, lm.start("hedge") if lm.group("hedge") else lm.start("tilde"))
            elif lm is not None and (lm.group("fy") or lm.group("rng")) and not lm.group("month"):
                rec[_START] = max(floor, lm.start("fy") if lm.group("fy") and not lm.group("rng") else lm.start())
        return rec, end
    if has_sep:  # "10-12": read "10" here, the range tail reads "-12"
        tok = _CHAIN_SPLIT.split(tok, 1)[0]
        e = s + len(tok)
    parsed = _parse_digits(tok)
    if parsed is None:
        fm = _GLUED_FOOTNOTE.fullmatch(tok)
        if fm is None or (e < len(text) and not text[e].isspace()):
            return _name_rec(s, e, _tok_value(tok)), e
        # "in fiscal year 2023,4 the agency": a footnote marker glued to the figure (text from a PDF)
        tok = fm.group(1)
        e = s + len(tok)
        parsed = _parse_digits(tok)
        if parsed is None:
            return _name_rec(s, e, _tok_value(tok)), e
    elif _is_footnote_mark(text, s, e, tok):
        return _name_rec(s, e, parsed[0]), e  # "$1.4 billion.3 We found": a footnote, not a figure
    value, prec = parsed
    pc = text[s - 1] if s else ""
    start = s
    kind = "count"
    unit: str | None = None
    hedge = "exact"
    rng = cur = month = fy = None
    rng_start = s
    # -- left context (one anchored match on the reversed window)
    if pc and pc not in _NO_LEFT_CONTEXT:
        lo = max(floor, s - _LEFT_WINDOW)
        lm = _LEFT_REV.match(text[lo:s][::-1]) if lo < s else None
        if lm is not None and lm.end():
            name, neg, cur, month, fy, hedge_w, tilde, rng = lm.group(
                "name", "neg", "cur", "month", "fy", "hedge", "tilde", "rng")
            if name or lm.group("hash"):
                end = _glued_end(text, e)
                pm = _PAGE_OF.match(text, end)
                if pm:  # "Page 1 of 2"
                    end = pm.end()
                return _name_rec(max(floor, s - lm.end()), end, value), end
            if neg:
                value = -value
                start = s - lm.end("neg")
            if cur:
                cur = cur[::-1]
                start = s - lm.end("cur")
            if hedge_w or tilde:
                hedge = _HEDGE_PHRASES[" ".join(hedge_w[::-1].lower().split())].value if hedge_w else "approximately"
                start = s - lm.end("hedge" if hedge_w else "tilde")
            if month:
                month = month[::-1]
            if fy:
                fy = fy[::-1]
                if not (month or cur):
                    start = min(start, s - lm.end("fy"))
            if month:
                start = min(start, s - lm.end("month"))
            if rng and (fy or month or hedge == "exact"):
                rng = rng[::-1]
                rng_start = s - lm.end("rng")
            else:
                rng = None
    if fy_start is not None:
        fy = "FY"
        start = fy_start if not rng else start
    n = len(text)
    nxt = text[e] if e < n else ""
    integral = "." not in tok
    if nxt in "\"″" and pc not in "\"“″" and e + 1 < n and text[e + 1] in _SPACES and not phrase_mode:
        after = text[e + 2:e + 3]
        if after.isalpha() and after.islower():  # '12" cast-iron main': inches
            return _finish(text, _rec(start, e + 1, value, "measure", hedge=hedge, unit="inch", prec=prec),
                           e + 1, phrase_mode), e + 1
    # -- glued letters on the right: ordinals, decades, scales, units, or a name (5G, 3M)
    if nxt.isalpha():
        om = _ORD_SUFFIX.match(text, e)
        if om and month and not cur and 1 <= value <= 31 and len(tok) <= 2:
            e = om.end()  # "July 4th": a date
            nxt = text[e] if e < n else ""
        elif om and integral and "," not in tok:
            end = om.end()
            cm = _COURT_SUFFIX.match(text, end)
            if cm:
                return _name_rec(start, cm.end(), value), cm.end()
            return _finish(text, _rec(start, end, value, "ordinal", prec=_ONE), end, phrase_mode), end
        if nxt == "s" and _is_year(value, tok) and value % 10 == 0 and _DECADE.match(text, e):
            return _rec(start, e + 1, value, "year_range", high=value + 9, prec=_ONE), e + 1
    # -- dates and years
    if rng and (month or fy or (not cur and _is_year(value, tok))):
        start = rng_start  # a time span keeps its "between"/"from"
    if month and not cur:
        mnum = _MONTH_NUM[month[:3].lower()]
        if _is_year(value, tok):
            return _date_range_tail(text, start, e, value, None, mnum, rng, floor, phrase_mode)
        if integral and 1 <= value <= 31 and len(tok) <= 2:
            ym = _YEAR_TAIL.match(text, e) if nxt in ", \u00a0" else None
            if ym:
                return _date_range_tail(text, start, ym.end(), Decimal(ym.group("y")), int(value), mnum, rng,
                                        floor, phrase_mode)
            return _date_range_tail(text, start, e, None, int(value), mnum, rng, floor, phrase_mode)
    if not cur and integral and len(tok) <= 2 and not fy and nxt in _SPACES and 1 <= value <= 31:
        dm = _DAY_MONTH_TAIL.match(text, e)
        if dm:
            mnum = _MONTH_NUM[dm.group("month")[:3].lower()]
            y = dm.group("y")
            return _date_range_tail(text, start, dm.end(), Decimal(y) if y else None, int(value), mnum, rng,
                                    floor, phrase_mode)
    pk = _PEEK.match(text, e)
    pw = pk.group("w")
    lw = pw.lower() if pw else ""
    if hedge != "exact" and not (cur or fy or rng) and _is_year(value, tok) and start < s \
            and text[start:s].strip().lower() in _YEAR_PREPOSITIONS and (pw is None or lw in _AFTER_YEAR):
        hedge, start = "exact", s  # "20% above 2025's", "grow 4% over 2025.": a year, not a bound
    if fy or (not cur and hedge == "exact" and _is_year(value, tok)):
        if fy and len(tok) == 2 and tok.isdigit():
            value = Decimal(2000 + int(tok))
            tok = str(value)
        if _is_year(value, tok) and nxt != "%" and lw not in _PCT_PEEK and lw not in _SCALE_PEEK:
            return _year_tail(text, start, e, value, tok, rng, bool(fy), floor, phrase_mode)
    # -- times of day ("3 p.m.", "10am")
    if lw in _TIME_PEEK and not cur and value <= 24:
        tm = _TIME_AFTER.match(text, e)
        if tm:
            return _name_rec(start, tm.end(), value), tm.end()
    pos = e
    # -- scale words ("1.1 million", "$1.4B")
    if lw in _SCALE_PEEK:
        sm = _SCALE_AFTER.match(text, e)
        mult = None
        if sm:
            if sm.group("w"):
                mult = _SCALE_WORDS[sm.group("w").lower()]
            else:
                ab = sm.group("ab").strip(_SPACES)
                if cur is not None or ab in ("bn", "mn", "tn", "bln", "mln") or (ab in ("B", "M", "K") and nxt == ab):
                    mult = _SCALE_ABBR.get(ab.lower())
                    if ab == "m" and not cur:
                        mult = None
        if mult is not None:
            pos = sm.end()  # type: ignore[union-attr]
            value = _clean(_EXACT.multiply(value, mult))  # type: ignore[assignment]
            if integral:
                prec = _integer_precision(Decimal(tok.replace(",", ""))) * mult
            else:
                prec = _clean(prec * mult)  # type: ignore[assignment]
            pk = _PEEK.match(text, pos)
            pw = pk.group("w")
            lw = pw.lower() if pw else ""
    if cur:
        kind, unit = "money", _CURRENCY_SYMBOL.get(cur, "USD")
        if lw in _MONEY_PEEK:
            um = _UNIT_AFTER.match(text, pos)
            if um:
                pos = um.end()
    else:
        pc2 = pk.group("c")
        if pc2 == "%" or lw in _PCT_PEEK or (pc2 == "-" and text.startswith("percent", pk.end())):
            pm = _PERCENT_AFTER.match(text, pos)
            if pm:
                kind, unit = ("percentage_points", "percentage points") if pm.group("pp") else ("percent", "%")
                pos = pm.end()
                if pm.group("bp"):  # 25 basis points = 0.25 percentage points
                    value, prec = _clean(value / _HUNDRED), _clean(prec / _HUNDRED)  # type: ignore[assignment]
        if kind == "count" and (lw in _UNIT_PEEK or (pc2 == "-" and pk.end() < n and text[pk.end()].isalpha())):
            if unit_read := _unit_after(text, pos, value, prec):
                kind, unit, pos, value, prec = unit_read
        if kind == "count" and lw in _TIME_ADJECTIVES and (timed := _time_after_adjective(text, pos)):
            (unit, pos), kind = timed, "duration"
    # glued letters after a bare number: 5G, 3M, 737MAX, 3D -> a name
    if pos == e and nxt.isalpha():
        end = _glued_end(text, e)
        return _name_rec(start, end, value), end
    if pos != e:
        pk = _PEEK.match(text, pos)
        pw = pk.group("w")
        lw = pw.lower() if pw else ""
    # -- ratios: "1 in 5", "14 of 60", "9 out of 10", "19.4 deaths per 100,000"
    if kind == "count" and not rng and pw and not (lw in _RATIO_PEEK) and pk.group("w") and not cur:
        rn = _NOUN_PER.match(text, pos)
        if rn:
            d = _tail_number(rn)
            if d is not None and value < d:
                # a rate is as precise as its figure ("41.3 deaths per 100,000" is not a rounded 41)
                rec = _rec(start, rn.end(), value, "ratio", hedge=hedge, den=d, prec=prec, noun=rn.group("noun"))
                return rec, rn.end()
    if kind == "count" and not rng and lw in _RATIO_PEEK and (integral or lw == "per"):
        rm = _RATIO_TAIL.match(text, pos)
        if rm:
            d = _tail_number(rm)
            if d is not None and value < d:
                rec = _rec(start, rm.end(), value, "ratio", hedge=hedge, den=d, prec=prec if lw == "per" else _ONE)
                return _finish(text, rec, rm.end(), phrase_mode), rm.end()
    # -- after-hedges: "32,000 or more", "10,000+"
    if hedge == "exact" and (lw in _POST_PEEK or pk.group("c") == "+" or (
            pk.group("c") == "-" and text[pk.end() : pk.end() + 4].lower() == "plus")):
        hm = _POST_HEDGE.match(text, pos)
        if hm:
            hedge = "at_least" if hm.group("more") else "at_most"
            pos = hm.end()
            pk = _PEEK.match(text, pos)
            pw = pk.group("w")
            lw = pw.lower() if pw else ""
            if kind == "count" and (lw in _UNIT_PEEK or pk.group("c") == "-") and (
                    unit_read := _unit_after(text, pos, value, prec)):
                kind, unit, pos, value, prec = unit_read  # "500-plus days", "10,000+ acres"
                pk = _PEEK.match(text, pos)
                pw = pk.group("w")
                lw = pw.lower() if pw else ""
    # -- ranges: "10 to 12", "10-12 percent", "between 10 and 12"
    if lw in _RANGE_PEEK or pk.group("c") in _DASH_SET:
        tm = _RANGE_TAIL.match(text, pos)
        if tm and not tm.group("month") and (tm.group("sep").strip().lower() != "and" or rng):
            before = _prev_word(text, start)
            # "rose by 157,000 to 6.6 million", "fell 1.4 million barrels to 19.2 million barrels"
            change = "from" if rng == "from" else ("by" if before == "by" or (
                before in _CHANGE_VERBS and before not in _NEAR_ONLY) else "")
            rec = _range_from_tail(text, rng_start if rng else start, tm, value, prec, kind, unit, cur, floor, tok,
                                   change)
            if rec is not None:
                if rec[_KIND] == "range":
                    rec[_HEDGE] = hedge
                    rm = _RATIO_TAIL.match(text, rec[_END])
                    if rm and rec[_UNIT] is None:
                        d = _tail_number(rm)
                        if d is not None and d > rec[_HIGH]:
                            rec[_KIND], rec[_DEN], rec[_END] = "ratio", d, rm.end()
                return _finish(text, rec, rec[_END], phrase_mode), rec[_END]
    if kind == "count" and integral and pos == e and hedge == "exact" and tok in _SERVICE_NUMBERS \
            and not (lw and lw not in _SERVICE_AFTER and _prev_word(text, start) in ("of", "all", "among")):
        return _name_rec(start, e, value), e  # "911", "311": phone services, not amounts ("of 211 children" is)
    if kind == "count" and not phrase_mode and integral:
        # furniture after a bare count: street addresses, ZIP codes, phone area codes
        if pw and pw[0].isupper() and _STREET_SUFFIX.match(text, pos):
            return _name_rec(start, pos, value), pos
        if len(tok) == 5 and tok.isdigit() and _ZIP_BEFORE.search(text, max(0, s - 6), s):
            return _name_rec(start, pos, value), pos
        if pc == "(" and len(tok) == 3:
            ph = _PHONE_REST.match(text, e)
            if ph:
                return _name_rec(s - 1, ph.end(), value), ph.end()
    return _closed(text, start, pos, value, kind, hedge, unit, prec, phrase_mode)


#: short unit symbols that are no unit after a number in words ("five m", "two g")
_NOT_AFTER_WORDS = frozenset({"m", "ha", "g", "mi", "ft", "MW", "GW"})


def _unit_after(text: str, pos: int, value: Decimal, prec: Decimal, *, after_words: bool = False
                ) -> tuple[str, str, int, Decimal, Decimal] | None:
    """``(kind, unit, end, value, precision)`` when a unit follows a bare figure at ``pos`` ("12 miles",
    "98 cents" is $0.98, "28 Bcf" 28 billion cubic feet); None when none does.  ``after_words``: the
    figure is written in words, after which a short symbol is no unit."""
    um = _UNIT_AFTER.match(text, pos)
    if not um:
        return None
    word = um.group("u")
    ukind, unorm = _UNIT_TABLE[" ".join(word.lower().split())]
    if (len(word) <= 2 and um.group("sep") == "-") or (ukind == "money" and word.lower() == "pounds") \
            or (after_words and word in _NOT_AFTER_WORDS):
        return None
    if unorm in _SCALED_UNITS:
        unorm, factor = _SCALED_UNITS[unorm]
        value, prec = _clean(value * factor), _clean(prec * factor)
    return ukind, unorm, um.end(), value, prec


def _tail_number(m: re.Match[str]) -> Decimal | None:
    if m.group("n"):
        parsed = _parse_digits(m.group("n"))
        return parsed[0] if parsed else None
    return _cardinal_value([w for w in re.split(r"[-\s]+", m.group("w").lower()) if w], a_prefix=True)


def _range_from_tail(text: str, start: int, tm: re.Match[str], value: Decimal, prec: Decimal, kind: str,
                     unit: str | None, cur: str | None, floor: int, tok: str, change: str) -> list[Any] | None:
    """The second number of a range ("10 to 12 percent", "$10 million to $12 million").

    A scale or unit written only after the second number applies to both ends.
    Ends with different units ("rose 3.4% to $8.92 billion") are not a range,
    nor is a change written with the unit twice ("from 25% to 30%", "by 157,000 to
    6.6 million"): those are two numbers.
    """
    other = _tail_number(tm)
    if other is None:
        return None
    pos = tm.end()
    other_prec = _precision_of_decimal(other)
    if tm.group("n"):
        parsed = _parse_digits(tm.group("n"))
        if parsed:
            other_prec = parsed[1]
    tail_cur = tm.group("cur")
    if tail_cur and not cur:
        return None
    sm = _SCALE_AFTER.match(text, pos)
    mult = None
    if sm and sm.group("w"):
        mult = _SCALE_WORDS[sm.group("w").lower()]
    elif sm and (cur or tail_cur) and sm.group("ab").strip(_SPACES).lower() in _SCALE_ABBR:
        mult = _SCALE_ABBR[sm.group("ab").strip(_SPACES).lower()]
    first_scaled = value >= 1000 or kind != "count" or cur is not None
    # "rose from 27 to 42", "fell from 4.0 to 3.6 percent": the old level, then the new one,
    # two figures; the first takes the unit and scale written after the second
    change_verb = change == "from" and _change_verb_before(text, start)
    if change_verb and mult is not None:
        scaled_other = _EXACT.multiply(other, mult)
        if value < 1000 and scaled_other / 100 <= _EXACT.multiply(value, mult) <= scaled_other * 100:  # type: ignore[operator]
            value, prec = _clean(_EXACT.multiply(value, mult)), _clean(prec * mult)  # type: ignore[assignment]
        mult = None
        pos = sm.end()  # type: ignore[union-attr]
    if mult is not None:
        other, other_prec = _clean(_EXACT.multiply(other, mult)), _clean(other_prec * mult)
        if _EXACT.multiply(value, mult) <= other:  # type: ignore[operator]
            value, prec = _clean(_EXACT.multiply(value, mult)), _clean(prec * mult)  # type: ignore[assignment]
            first_scaled = False
        elif value < 1000:
            return None  # "157,000 to 6.6 million" is not a range of millions
        pos = sm.end()  # type: ignore[union-attr]
    tail_kind, tail_unit = "count", None
    pm = _PERCENT_AFTER.match(text, pos)
    if pm and not pm.group("bp"):
        tail_kind, tail_unit = ("percentage_points", "percentage points") if pm.group("pp") else ("percent", "%")
        pos = pm.end()
    else:
        um = _UNIT_AFTER.match(text, pos)
        written = _UNIT_TABLE[" ".join(um.group("u").lower().split())] if um else None
        if written is not None and written[1] not in _SCALED_UNITS:
            tail_kind, tail_unit = written
            pos = um.end()
    if cur:
        if tail_kind != "count" and tail_kind != "money":
            return None
        kind, unit = "money", _CURRENCY_SYMBOL.get(cur, "USD")
    elif tail_unit is not None:
        if kind != "count" and unit != tail_unit:
            return None  # "0.8 percentage points to 29.7%"
        kind, unit = tail_kind, tail_unit
    elif kind != "count":
        return None  # "rose 3.4% to 5": the unit is not repeated, so it is not a range
    if change_verb:  # the first figure alone, as written ("$10", "4.0 percent"), read with the tail's unit
        fm = _FROM_WORD.match(text, start)
        first = fm.end() if fm else start
        last = tm.start()
        while last > first and text[last - 1] in _SPACES:
            last -= 1
        return _rec(first, last, value, kind, unit=unit, prec=prec)
    if other <= value:
        return None
    if change == "from" and (tail_unit is not None or tail_cur or (mult is not None and first_scaled)):
        return None
    if change == "by" and other > value * 10:
        return None  # "rose by 157,000 to 6.6 million", "fell 1.4 million to 19.2 million": a change, then the new level
    if kind == "count" and _is_year(value, tok) and tm.group("n") and _is_year(other, tm.group("n")):
        return _rec(start, pos, value, "year_range", high=other, prec=_ONE)
    return _rec(start, pos, value, "range", unit=unit, high=other, prec=min(prec, other_prec))


#: Verbs before "from X to Y" that make it a change between two levels, not a range.
_CHANGE_VERBS = frozenset(
    "rose risen rising rises increased increasing increases grew grown growing grows climbed climbing jumped "
    "jumping soared surged fell fallen falling falls dropped dropping declined declining decreased decreasing "
    "slipped slid sank shrank plunged plummeted dipped went changed moved swelled ballooned doubled tripled "
    "up down".split())


_FROM_WORD = re.compile(r"(?i:from)" + _SP + r"+")

#: the words of a clause just before "from X to Y", nearest last ("grew fastest, from 21 to 57")
_CLAUSE_TAIL = re.compile(r"[^.;:!?()\[\]\n]{0,48}\Z")
_WORD = re.compile(r"[A-Za-z'’]+")
#: "up" and "down" mark a change only right before "from" ("up from 4.6"), not words away
_NEAR_ONLY = frozenset({"up", "down"})


def _change_verb_before(text: str, s: int) -> bool:
    """Whether a change verb precedes offset ``s`` (the "from" of "from X to Y") in its clause,
    right before it or up to four words away ("rose from 27 to 42", "grew fastest, from 21 to 57",
    "climbed sharply over the year from 4.0 to 5.1")."""
    if _prev_word(text, s) in _CHANGE_VERBS:
        return True
    m = _CLAUSE_TAIL.search(text, max(0, s - 48), s)
    words = [w.lower() for w in _WORD.findall(m.group())] if m else []
    return any(w in _CHANGE_VERBS and w not in _NEAR_ONLY for w in words[-5:])


#: hedge words that are prepositions before a year ("up 20% over 2024"), and words that may follow the year
_YEAR_PREPOSITIONS = frozenset({"over", "above", "below", "under"})
_AFTER_YEAR = frozenset({"and", "or", "to", "through", "levels", "level", "figures", "totals"})


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


def _finish(text: str, rec: list[Any], pos: int, phrase_mode: bool) -> list[Any]:
    """Add the counted noun (and mark furniture) for a number record."""
    kind = rec[_KIND]
    if kind in _NOUN_KINDS and rec[_FACT] and text[pos:pos + 1] in _SPACES and text[pos:pos + 1]:
        nm = _NOUN_AFTER.match(text, pos)
        if nm:
            if kind in ("percent", "fraction", "share", "money") and not nm.group("of"):
                if kind != "money":
                    return rec
            elif kind in ("count", "ratio", "range") and nm.group("of") and kind != "ratio":
                return rec
            noun = _noun_phrase(nm.group("np"))
            if noun:
                rec[_NOUN] = noun
    return rec


_NOUN_KINDS = frozenset(["count", "ratio", "percent", "money", "range", "fraction", "share"])


def _noun_phrase(np: str) -> str | None:
    words = np.split()
    if len(words) > 1 and words[0].lower() in _COMPARED_COUNT:
        words = words[1:]  # "2,100 fewer representatives" counts representatives
    taken: list[str] = []
    for w in words:
        lw = w.lower()
        if lw in _NOT_NOUN_START or lw in _NUMBER_WORDS or lw in _UNIT_TABLE:
            break
        taken.append(w)
        if _looks_plural(lw) or lw in _IRREGULAR_PLURALS:
            return " ".join(taken)
        if len(taken) >= 3:
            break
    if len(taken) == 1 and not (taken[0].lower().endswith(("ed", "ing", "ly")) or taken[0].lower() in _VERBISH):
        return taken[0]
    return None


#: A comparative between a count and its noun ("2,100 fewer representatives", "240 more nurses").
_COMPARED_COUNT = frozenset(["fewer", "more", "less"])
_CLAUSE_VERBS = frozenset(
    "said say says were are was is had have has did do does will would could should can may might reported "
    "told agreed disagreed thought believed want wanted expect expected support supported oppose opposed "
    "remain remained live lived work worked".split()
)
_VERBISH = frozenset(
    "took take takes failed fail went left came arrived remain remained said say says rose fell grew rise rises "
    "fall falls grow grows jumped dropped climbed declined increased decreased gained lost were was are is "
    "will would could should may might must can did do does had has have got get gets made make makes".split()
)


def _looks_plural(w: str) -> bool:
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


# --------------------------------------------------------------------------- number words


def _cardinal_value(words: list[str], a_prefix: bool = False) -> Decimal | None:
    """Value of a well-formed spelled cardinal ("one hundred forty-four thousand"); None if malformed."""
    total = 0
    group = 0
    group_started = False
    last_scale = 10**15
    tens_open = False  # group ends in a tens word: a unit may follow ("forty-four")
    after_hundred = False
    if not words:
        return None
    for i, w in enumerate(words):
        if w in _UNIT_WORDS:
            v = _UNIT_WORDS[w]
            if group_started and not (tens_open and v < 10) and not (after_hundred and group % 100 == 0):
                return None
            if tens_open and v >= 10:
                return None
            group += v
            group_started = True
            tens_open = False
            after_hundred = False
        elif w in _TENS_WORDS:
            if group_started and not (after_hundred and group % 100 == 0):
                return None
            group += _TENS_WORDS[w]
            group_started = True
            tens_open = True
            after_hundred = False
        elif w == "hundred":
            if not group_started:
                if not (i == 0 and a_prefix):
                    return None
                group = 1
            if group >= 100 or after_hundred:
                return None
            group *= 100
            group_started = True
            after_hundred = True
            tens_open = False
        elif w in _SCALE_WORDS or w == "dozen":
            scale = 12 if w == "dozen" else _SCALE_WORDS[w]
            if not group_started:
                if not (i == 0 and a_prefix):
                    return None
                group = 1
            if scale >= last_scale:
                return None
            total += group * scale
            last_scale = scale
            group = 0
            group_started = False
            tens_open = after_hundred = False
        else:
            return None
    return Decimal(total + group)


def _read_words(text: str, s: int, e: int, run: str, floor: int,
                phrase_mode: bool) -> tuple[list[Any] | None, int]:
    if e < len(text) and text[e] == ",":
        lm = _WORD_LIST.match(text, s)
        if lm:  # "one, two, three, ...": a list, not a number
            return None, lm.end()
    if run.isalpha():  # one word: the common case
        ws = [run.lower()]
    elif run.count(" ") + run.count("-") > MAX_WORD_RUN + 2:
        return None, e  # a run of number words too long to be one number: skip it whole
    else:
        tokens = [(t.start() + s, t.end() + s, t.group().lower()) for t in _WORD_TOKENS.finditer(run)]
        if len(tokens) > MAX_WORD_RUN + 2:
            return None, e
        if tokens[0][2] in ("a", "an"):  # "an hour", "a single year"
            k = 3 if len(tokens) >= 3 and tokens[1][2] == "single" else 2
            if len(tokens) < k or tokens[k - 1][2] not in _UNIT_TABLE:
                return None, tokens[min(k, len(tokens)) - 1][1]
            return _a_duration(text, s, tokens[k - 1][1], tokens[k - 1][2], floor, k == 3), tokens[k - 1][1]
        # the longest prefix (up to an "and") that reads as one number
        cut = 1
        for k in range(len(tokens), 0, -1):
            if tokens[k - 1][2] == "and":
                continue
            if _word_number([t[2] for t in tokens[:k] if t[2] != "and"]) is not None:
                cut = k
                break
        tokens = tokens[:cut]
        ws = [t[2] for t in tokens if t[2] != "and"]
        e = tokens[-1][1]
    first = ws[0]
    lm = _left_context(text, s, floor, _LEFT_WORDS_REV)
    start = s
    hedge = "exact"
    art = None
    rng = None
    if lm is not None and lm.group():
        base = 0
        art = " ".join((lm.group("art") or "").lower().split()) or None
        if art:
            start = base + lm.start("art")
        if lm.group("hedge") or lm.group("tilde"):
            hedge = _HEDGE_PHRASES[" ".join((lm.group("hedge") or "~").lower().split())].value
            start = base + (lm.start("hedge") if lm.group("hedge") else lm.start("tilde"))
        if lm.group("rng") and hedge == "exact":
            rng = lm.group("rng")
    a_prefix = art in ("a", "an")
    if text[max(0, s - 9):s].lower() == "group of ":  # "Group of Seven"
        return _name_rec(s - 9, e, _cardinal_value(ws) or _ZERO), e
    # -- shares
    if len(ws) == 1 and first in _SHARE_WORDS:
        return _share(text, s, e, first, start, art, hedge, floor, phrase_mode), e
    # -- fractions: "two-thirds", "a third", "half", "seven-tenths of a percent"
    last = ws[-1]
    if last in _FRACTION_WORDS and (len(ws) == 2 or (len(ws) == 1 and (a_prefix or last in ("half", "halves")))):
        den = _FRACTION_WORDS[last]
        num = _UNIT_WORDS.get(ws[0], None) if len(ws) == 2 else 1
        if num is not None and 0 < num and (num < den or len(ws) == 1):
            value = (Decimal(num) / Decimal(den)).quantize(Decimal(1).scaleb(-FRACTION_PLACES))
            pm = _FRAC_PERCENT_TAIL.match(text, e)
            if not pm and len(ws) == 1 and last == "half" and not a_prefix:
                hm = _HALF_A.match(text, e)
                if hm:  # "half a year", "half a million"
                    u = hm.group("u").lower()
                    if u in _SCALE_WORDS or u == "dozen":
                        mult = 12 if u == "dozen" else _SCALE_WORDS[u]
                        half = _clean(_HALF * mult)
                        um = _UNIT_AFTER.match(text, hm.end())
                        if um and _UNIT_TABLE.get(um.group("u").lower(), ("",))[0] == "money":
                            unit = _UNIT_TABLE[um.group("u").lower()][1]
                            return _rec(start, um.end(), half, "money", hedge=hedge, unit=unit, prec=half), um.end()
                        return _finish(text, _rec(start, hm.end(), half, "count", hedge=hedge, prec=half),
                                       hm.end(), phrase_mode), hm.end()
                    ukind, unorm = _UNIT_TABLE[u]
                    return _rec(start, hm.end(), _HALF, ukind, hedge=hedge, unit=unorm, prec=_HALF), hm.end()
                if not phrase_mode and not _half_is_fraction(text, s, e, hedge != "exact"):
                    return None, e
            if len(ws) == 1 and a_prefix and last in _ORDINAL_WORDS and not phrase_mode and not pm:
                nw = _NEXT_WORD.match(text, e)
                nx = nw.group("w") if nw and e < len(text) and text[e] in _SPACES else ""
                if (nx and nx.islower() and nx not in _FRACTION_FOLLOWERS and hedge == "exact") or text[s].isupper():
                    # "a third term", "a Fourth of July parade": an ordinal
                    return _finish(text, _rec(s, e, Decimal(_ORDINAL_WORDS[last]), "ordinal", prec=_ONE), e,
                                   phrase_mode), e
            if pm:
                if "point" in (pm.group("u") or pm.group("p")).lower():
                    v = (Decimal(num) * 100 / Decimal(den)) / 100
                    return _rec(start, pm.end(), v.normalize(), "percentage_points", hedge=hedge,
                                unit="percentage points", prec=Decimal(1) / den if den == 10 else None), pm.end()
                v = (Decimal(num) / Decimal(den)).normalize()
                return _rec(start, pm.end(), v, "percent", hedge=hedge, unit="%",
                            prec=Decimal("0.1") if den == 10 else None), pm.end()
            rec = _rec(start, e, value, "fraction", hedge=hedge, prec=Decimal(1).scaleb(-FRACTION_PLACES))
            return _finish(text, rec, e, phrase_mode), e
    # -- ordinals: "first", "twenty-first", "the third year"
    if last in _ORDINAL_WORDS and (len(ws) == 1 or (len(ws) == 2 and ws[0] in _TENS_WORDS)):
        value = Decimal(_ORDINAL_WORDS[last] + (_TENS_WORDS[ws[0]] if len(ws) == 2 else 0))
        if last == "second" and len(ws) == 1:
            if _prev_word(text, s) in ("a", "per", "every", "each", "split", "one"):
                return None, e
        if _COURT_SUFFIX.match(text, e) and not phrase_mode:
            cm = _COURT_SUFFIX.match(text, e)
            return _name_rec(s, cm.end(), value), cm.end()  # type: ignore[union-attr]
        if len(ws) == 1 and text.startswith(",", e) and not phrase_mode and _opens_sentence(text, s):
            # "First, the agency should ...", "Third, ED data do not ...": a list of points, not a count
            return _rec(s, e, value, "ordinal", fact=False, prec=_ONE), e
        return _rec(s, e, value, "ordinal", prec=_ONE), e
    value = _cardinal_value(ws, a_prefix)
    if value is None:
        return None, e
    if ws[0] in _SCALE_WORDS or ws[0] == "dozen":
        if not a_prefix:
            return None, e
    elif art and not rng:
        start = s if hedge == "exact" else start
    if a_prefix and ws[0] not in _SCALE_WORDS and ws[0] != "dozen":
        start = s if hedge == "exact" else start
    prec = _integer_precision(value)
    if a_prefix and ws[0] in _SCALE_WORDS:
        prec = value
    pos = e
    pk = _PEEK.match(text, pos)
    lw = (pk.group("w") or "").lower()
    pc = pk.group("c")
    if ws == ["one"] and not phrase_mode and lw in _ONE_NOT_BEFORE and lw not in _RATIO_PEEK and lw != "and" \
            and not (lw in _ONE_COUNTED and _prev_word(text, s) in _ONE_MEASURED_AFTER):
        return None, e  # "one another", "one who", "one is": a pronoun, cheaply (not "at least one day")
    hm = _AND_A_HALF.match(text, pos) if lw == "and" else None
    if hm and len(ws) == 1:
        value += _HALF
        prec = Decimal("0.5")
        pos = hm.end()
        sm = _SCALE_AFTER.match(text, pos)
        if sm and sm.group("w"):
            mult = _SCALE_WORDS[sm.group("w").lower()]
            value, prec = _clean(value * mult), _clean(prec * mult)  # type: ignore[assignment]
            pos = sm.end()
        pk = _PEEK.match(text, pos)
        lw = (pk.group("w") or "").lower()
        pc = pk.group("c")
    kind = "count"
    unit = None
    pm = _PERCENT_AFTER.match(text, pos) if (lw in _PCT_PEEK or pc in ("%", "-")) else None
    if pm:
        kind, unit = ("percentage_points", "percentage points") if pm.group("pp") else ("percent", "%")
        pos = pm.end()
    elif (lw in _UNIT_PEEK or pc == "-") and (unit_read := _unit_after(text, pos, value, prec, after_words=True)):
        kind, unit, pos, value, prec = unit_read  # "ninety-eight cents" is $0.98 as "98 cents" is
    elif lw in _TIME_ADJECTIVES and (timed := _time_after_adjective(text, pos)):
        (unit, pos), kind = timed, "duration"
    if pos != e:
        pk = _PEEK.match(text, pos)
        lw = (pk.group("w") or "").lower()
        pc = pk.group("c")
    if kind == "count" and lw in _RATIO_PEEK:
        rm = _RATIO_TAIL.match(text, pos)
        if rm and not rng:
            d = _tail_number(rm)
            if d is not None and value < d:
                return _finish(text, _rec(start, rm.end(), value, "ratio", hedge=hedge, den=d, prec=_ONE),
                               rm.end(), phrase_mode), rm.end()
    if ws == ["one"] and kind == "count" and not phrase_mode and not _one_is_number(text, s, pos):
        return None, pos
    hm2 = _POST_HEDGE.match(text, pos) if lw in _POST_PEEK else None
    if hm2 and hedge == "exact":
        hedge = "at_least" if hm2.group("more") else "at_most"
        pos = hm2.end()
    tm = _RANGE_TAIL.match(text, pos) if (lw in _RANGE_PEEK or pc in _DASH_SET) else None
    if tm and tm.group("w") and not tm.group("month") and (tm.group("sep").strip().lower() != "and" or rng):
        other = _tail_number(tm)
        if other is not None and other > value:
            end2 = tm.end()
            pm2 = _PERCENT_AFTER.match(text, end2)
            um2 = _UNIT_AFTER.match(text, end2) if not pm2 else None
            if pm2:
                unit = "%"
                end2 = pm2.end()
            elif um2 and kind == "count":
                unit = _UNIT_TABLE[" ".join(um2.group("u").lower().split())][1]
                end2 = um2.end()
            if rng:
                start = min(start, lm.start("rng")) if lm is not None else start
            rec = _rec(start, end2, value, "range", unit=unit, high=other, prec=_ONE)
            return _finish(text, rec, end2, phrase_mode), end2
    return _closed(text, start, pos, value, kind, hedge, unit, prec, phrase_mode)


def _over_means_during(text: str, start: int) -> int | None:
    """Where the number starts when "over" means "during" ("paid over 15 years", "$420 million
    over 10 years"), else None (then "over 20 years" means more than 20 years)."""
    if text[start:start + 4].lower() != "over":
        return None
    before = text[max(0, start - 3):start].rstrip(_SPACES)[-1:]
    if _prev_word(text, start) in _SPAN_VERBS or before == "%" or before.isdigit():
        j = start + 4
        while j < len(text) and text[j] in _SPACES:
            j += 1
        return j
    return None


def _a_duration(text: str, s: int, e: int, unit_word: str, floor: int, single: bool) -> list[Any] | None:
    """'at least an hour', 'nearly a decade' (hedged), 'a single year': one unit of time."""
    lm = _left_context(text, s, floor, _LEFT_WORDS_REV)
    if lm is None or not lm.group("hedge"):
        if single:
            return _rec(s, e, _ONE, "duration", unit=_UNIT_TABLE[unit_word][1], prec=_ONE)
        return None
    hedge = _HEDGE_PHRASES[" ".join(lm.group("hedge").lower().split())].value  # type: ignore[union-attr]
    return _rec(lm.start("hedge"), e, _ONE, "duration", hedge=hedge, unit=_UNIT_TABLE[unit_word][1], prec=_ONE)


def _word_number(ws: list[str]) -> Decimal | None:
    """Any reading of a word list as one number (cardinal, fraction, ordinal, share)."""
    if len(ws) == 1 and (ws[0] in _SHARE_WORDS or ws[0] in _FRACTION_WORDS or ws[0] in _ORDINAL_WORDS):
        return _ONE
    if ws[-1] in _FRACTION_WORDS and len(ws) == 2 and ws[0] in _UNIT_WORDS:
        return _ONE
    if ws[-1] in _ORDINAL_WORDS and len(ws) == 2 and ws[0] in _TENS_WORDS:
        return _ONE
    return _cardinal_value(ws, a_prefix=True)


def _half_is_fraction(text: str, s: int, e: int, hedged: bool) -> bool:
    """'half of', 'half the', 'about half said' are fractions; 'the first half', 'half-hour' are not."""
    if e < len(text) and text[e] in _DASH_SET:
        return False
    if _prev_word(text, s) in ("first", "second", "the", "a", "one", "other", "latter", "last", "final"):
        return False
    nw = _NEXT_WORD.match(text, e)
    nxt = nw.group("w").lower() if nw and nw.start() == e and text[e:e + 1] in _SPACES else ""
    if nxt in ("of", "the", "its", "their", "his", "her", "all", "those", "these", "them") or nxt in _CLAUSE_VERBS:
        return True
    return hedged and nxt not in ("a", "an", "past", "time", "hour", "century")


def _one_is_number(text: str, s: int, e: int) -> bool:
    """'one child' is a number; 'one of the most alarming', 'no one', 'the one' are not."""
    if e < len(text) and text[e] in "-'’":
        return False
    nw = _NEXT_WORD.match(text, e)
    if nw is None or nw.start() != e or not text[e:e + 1].isspace() and text[e:e + 1] not in ("\u00a0",):
        return False
    nxt = nw.group("w").lower()
    if nxt in _ONE_NOT_BEFORE:
        return False
    return _prev_word(text, s) not in _ONE_NOT_AFTER


def _share(text: str, s: int, e: int, word: str, start: int, art: str | None, hedge: str, floor: int,
           phrase_mode: bool) -> list[Any] | None:
    nw = _NEXT_WORD.match(text, e)
    nxt = nw.group("w") if nw and nw.start() == e and e < len(text) and text[e] in " \u00a0" else ""
    if e < len(text) and text[e] in _DASHES and not phrase_mode:
        return None
    prev = _prev_word(text, s)
    if word == "most":
        if prev in ("at", "the") or (prev in _MOST_NOT_AFTER and not phrase_mode):
            return None  # "at most 5" is a hedge, "the most alarming" a superlative
        if not phrase_mode:
            lx = nxt.lower()
            before = text[max(0, s - 3):s].rstrip(_SPACES)
            clause_start = not before or before[-1] in ",;:—–\n\"“(" or (before[-1] in ".!?")
            if lx != "of" and not (clause_start and lx in _CLAUSE_VERBS):
                if not lx or lx in _MOST_NOT_BEFORE or lx.endswith("ly") or lx in _STOP_AFTER_NUMBER:
                    return None
                if not (_looks_plural(lx) or lx in _IRREGULAR_PLURALS or nxt[:1].isupper()):
                    # one adjective may stand before the noun: "most unaccompanied minors"
                    nw2 = _NEXT_WORD.match(text, nw.end()) if nw else None  # type: ignore[union-attr]
                    if not (nw2 and _looks_plural(nw2.group("w").lower())):
                        return None
        rec = _rec(s if not art else start, e, _HALF, "share", hedge="more_than", prec=_ONE)
        if hedge != "exact":
            rec[_START] = start
        return _finish(text, rec, e, phrase_mode)
    # majority / minority
    if not phrase_mode:
        lx = nxt.lower()
        if lx in _MAJORITY_NOT_BEFORE:
            return None
        ls = _line_start(text, s)
        at_line_start = text[ls:s].strip() == ""
        if lx != "of" and not art and not at_line_start and prev not in ("vast", "slim", "narrow", "large",
                                                                         "overwhelming", "clear", "simple"):
            return None  # "the majority rejected", "for the majority": the judges, not a share
        if word == "minority" and not art and lx != "of":
            return None
    rec = _rec(start if (art or hedge != "exact") else s, e, _HALF, "share",
               hedge="more_than" if word == "majority" else "less_than", prec=_ONE)
    return _finish(text, rec, e, phrase_mode)


# --------------------------------------------------------------------------- scopes and building


def _attach_scopes(text: str, recs: list[list[Any]], sentences: list[list[int]]) -> None:
    """Give counts, percents, money … the time span stated in the same sentence.

    A year or date range ("between fiscal years 2019 and 2023") is preferred to a
    single year or date, which counts only after "in", "during", "since" …; among
    those the nearest wins.  Linear in the number of mentions (bisection per mention).
    """
    if not any(r[_KIND] in _TIME_KINDS and r[_FACT] for r in recs):
        return
    for members in sentences:
        if len(members) < 2:
            continue
        ranged: list[tuple[int, str]] = []  # (position, scope text), in text order
        single: list[tuple[int, str]] = []
        for j in members:
            t = recs[j]
            if not t[_FACT] or t[_KIND] not in _TIME_KINDS:
                continue
            pm = _SCOPE_PREP.search(text, max(0, t[_START] - 12), t[_START]) if t[_START] else None
            if t[_KIND] in ("year_range", "date_range"):
                keep = pm is not None and pm.group("p").lower() in ("from", "during", "in", "for", "over")
                ranged.append((t[_START], text[pm.start() if keep else t[_START]:t[_END]]))  # type: ignore[union-attr]
            elif pm is not None:
                single.append((t[_START], text[pm.start():t[_END]]))
        pool = ranged or single
        if not pool:
            continue
        starts = [p for p, _ in pool]
        for i in members:
            r = recs[i]
            if not r[_FACT] or r[_KIND] in _TIME_KINDS or r[_KIND] == "ordinal":
                continue
            k = bisect.bisect_left(starts, r[_START])
            near = [c for c in (k - 1, k) if 0 <= c < len(pool)]
            best = min(near, key=lambda c: abs(starts[c] - r[_START]))
            r[_SCOPE] = pool[best][1]


_NEW = object.__new__
_SET = object.__setattr__
_QUANTITY_FIELDS = tuple(a.name for a in attrs.fields(Quantity))


def _build(text: str, r: list[Any]) -> Quantity:
    """A Quantity from a record.  The record's values already have the field types
    (Decimal, enum, ints with 0 <= start < end <= len(text)), so the attrs converters
    and validators are skipped: building the result is a hot spot on long texts."""
    span = _NEW(Span)
    _SET(span, "start", r[_START])
    _SET(span, "end", r[_END])
    q = _NEW(Quantity)
    for name, v in zip(_QUANTITY_FIELDS, (text[r[_START]:r[_END]], r[_VALUE], _HEDGES[r[_HEDGE]], _KINDS[r[_KIND]],
                                           r[_UNIT], r[_NOUN], r[_HIGH], r[_DEN], r[_SCOPE], r[_PREC], span,
                                           r[_FACT], r[_DATE])):
        _SET(q, name, v)
    return q


_TIME_KINDS = frozenset(["year_range", "date_range", "year", "date"])
_HEDGES = {h.value: h for h in Hedge}
_KINDS = {k.value: k for k in QuantityKind}


#: Words an all-capital line spells numbers, hedges and ratios with ("MORE THAN ONE IN FIVE"): read
#: in lower case there.  Months, "FY" and scale letters ("$1.4B") are read in capitals already.
_CAPS_FOLDED = frozenset(_NUMBER_WORDS) | frozenset(
    "a an and the of in out to more than less fewer nearly almost about roughly approximately around some "
    "close over under at least most up down by half halves third thirds quarter quarters fifth fifths percent "
    "times twice double triple every per".split())
_CAPS_WORD = re.compile(r"[A-Z]+")


def _fold_caps_word(m: re.Match[str]) -> str:
    low = m.group().lower()
    return low if low in _CAPS_FOLDED else m.group()


def _caps_folded(text: str) -> str:
    """``text`` with the number words of its all-capital lines in lower case ("MORE THAN ONE IN
    FIVE WORKERS" reads as "more than one in five WORKERS"), every offset kept; a mention's
    text is still taken from ``text``."""
    if "\n" not in text and not text.isupper():  # (no copy of the text made to tell)
        return text
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if line.isupper() and len(line.split()) >= 2:
            folded = _CAPS_WORD.sub(_fold_caps_word, line)
            changed = changed or folded != line
            lines[i] = folded
    return "\n".join(lines) if changed else text
