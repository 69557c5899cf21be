"""What every numeral reader shares: the tables, the patterns, the mention record and the common steps.

It owns the vocabulary (number words, hedge phrases, units and currencies, months, scale words,
the names and page furniture numbers hide in) and the regexes built from it, among them the
master scan regex and the peeks and tails read after an anchor; reading the left context
backwards (:func:`_left_context`, :func:`_prev_word`); the mention record (the field indexes,
:func:`_rec`, :func:`_name_rec`) and plain digits (:func:`_parse_digits`, :func:`_clean`); and
the steps every reader ends with: a unit after a figure (:func:`_unit_after`), the closed record
(:func:`_closed`) and its counted noun (:func:`_finish`).  A table or pattern that only the
number-word reader or the date reader uses lives with it, in :mod:`claimgraph.numwords` or
:mod:`claimgraph.numdates`.  Imports go one way: numbase <- numwords, numdates <- numerals.
"""

from __future__ import annotations

import re
from decimal import Context, Decimal
from typing import Any, Iterable

from .intervals import _ONE, _ZERO
from .quantities import MAX_LIST, Hedge


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


#: A verb that moves a figure, a few words before "up to" in its clause ("revised February's rate up
#: to 1.42 million", "bumped the cap up to $5,000"): the figure is where it moved to, not a bound.
_MOVED_UP_TO = re.compile(r"(?i)\b(?:revised|raised|bumped|pushed|brought|moved|ticked|edged|rose|climbed|jumped|"
                          r"went|marked|adjusted)\b[^,;.:!?\n]{0,40}\Z")
_UP_TO_REACH = 56


def _hedge_of(text: str, phrase: str, at: int) -> str | None:
    """The hedge a phrase written before a figure sets ("more than" -> ``more_than``), the phrase
    starting at offset ``at``; None when it is no bound: "up to" after a verb that moved the figure
    ("revised February's rate up to 1.42 million") tells where it moved, exactly."""
    key = " ".join(phrase.lower().split())
    if key == "up to" and _MOVED_UP_TO.search(text, max(0, at - _UP_TO_REACH), at) is not None:
        return None
    return _HEDGE_PHRASES[key].value


_COURT_SUFFIX = re.compile(
    _SP + r"+(?:U\.S\." + _SP + r"+)?(?:Circuit|District|Amendment|Congress|Precinct|Avenue|Street|Ward|"
    r"Division|Infantry|Battalion|Regiment|Fleet|Army|Airborne|Cavalry|Marine|Corps|Brigade|Squadron|"
    r"Congressional|Judicial|Dynasty|Century\s+Fox|Assembly|Senate|Parliament|Republic)\b"
)
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
_YEAR_TAIL = re.compile(r",?" + _SP + r"+(?P<y>[12][0-9]{3})(?![0-9]|,[0-9])")
_DAY_MONTH_TAIL = re.compile(
    _SP + r"+(?P<month>" + _MONTH + r")(?:,?" + _SP + r"+(?P<y>[12][0-9]{3})(?![0-9]|,[0-9]))?"
)
_DECADE = re.compile(r"s\b")
_NOUN_AFTER = re.compile(
    _SP + r"+(?P<of>(?i:of" + _SP + r"+(?:(?:these|those|their|them|the|all|its|his|her|our)\b" + _SP + r"*)?))?"
    r"(?P<np>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*(?:" + _SP + r"+[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*){0,3})"
)
_GLUED_LETTERS = re.compile(r"[A-Za-z]+")
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
_PAGE_OF = re.compile(_SP + r"+of" + _SP + r"+[0-9]{1,4}\b")
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
_VERBISH = frozenset(
    "took take takes failed fail went left came arrived remain remained said say says rose fell grew rise rises "
    "fall falls grow grows jumped dropped climbed declined increased decreased gained lost were was are is "
    "will would could should may might must can did do does had has have got get gets made make makes".split()
)


def _looks_plural(w: str) -> bool:
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


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
