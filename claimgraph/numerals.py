"""The numeral reader behind :func:`~claimgraph.quantities.find_quantities` and
:meth:`~claimgraph.quantities.Quantity.parse`: newsroom numerals in running text, read into
mention records and built into :class:`~claimgraph.quantities.Quantity` values.

One master regex finds the anchors, :func:`_read_digits` (here) and
:func:`~claimgraph.numwords._read_words` read each one with its hedge, scale, unit, range or date
tail and counted noun, and :func:`_scan` then marks multipliers, lists of names and percentage
points, gives dates without a year the year of the text, and attaches time scopes;
:func:`_build` makes the Quantity.  The rules a caller must know are in :mod:`claimgraph.quantities`.

This module owns the scan, the digit reader (chains, footnote marks, ranges and changes),
multipliers, lists of names, percentage points, scopes and building.  The rest of the reader is
split one way: :mod:`claimgraph.numbase` (the tables and patterns, the mention record, the steps
every reader shares) <- :mod:`claimgraph.numwords` (numbers in words) and
:mod:`claimgraph.numdates` (years and dates) <- this module.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import Any

import attrs

from .intervals import _HALF, _HUNDRED, _ONE
from .numbase import (
    _COURT_SUFFIX, _CURRENCY_SYMBOL, _DASHES, _DASH_CLASS, _DASH_SET, _DATE, _DAY_MONTH_TAIL, _DECADE, _DEN, _END,
    _EXACT, _FACT, _GLUED_LETTERS, _HEDGE, _HEDGE_PHRASES, _HIGH, _KIND, _LEFT_REV, _LEFT_WINDOW, _LIST_SEPS,
    _MONEY_PEEK, _MONTH_NUM, _NOUN, _NOUN_PER, _NO_LEFT_CONTEXT, _NUMBER_LIST, _NUMBER_WORDS, _ORD_SUFFIX, _PAGE_OF,
    _PCT_PEEK, _PEEK, _PERCENT_AFTER, _PHONE_REST, _POST_HEDGE, _POST_PEEK, _PREC, _RANGE_PEEK, _RANGE_TAIL,
    _RATIO_PEEK, _RATIO_TAIL, _SCALED_UNITS, _SCALE_ABBR, _SCALE_AFTER, _SCALE_PEEK, _SCALE_WORDS, _SCAN,
    _SCAN_WORDS_AT, _SCOPE, _SCOPE_PREP, _SENT_BREAK, _SERVICE_AFTER, _SERVICE_NUMBERS, _SP, _SPACES, _START,
    _STREET_SUFFIX, _TIME_ADJECTIVES, _TIME_AFTER, _TIME_PEEK, _UNIT, _UNIT_AFTER, _UNIT_PEEK, _UNIT_TABLE, _VALUE,
    _WORD_BEFORE, _YEAR_TAIL, _ZIP_BEFORE, _clean, _closed, _finish, _integer_precision, _is_year, _left_context,
    _hedge_of, _name_rec, _parse_digits, _prev_word, _rec, _time_after_adjective, _tok_value, _unit_after,
)
from .numdates import _date_range_tail, _fill_years, _year_tail
from .numwords import _read_words, _tail_number
from .quantities import FRACTION_PLACES, MAX_TOKEN_CHARS, Hedge, Quantity, QuantityKind, _precision_of_decimal
from .spans import Span


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
    out = _worded_points(text, out)
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


#: One point, or half of one, in words after a hedge ("more than a full point above the 3.4% rate",
#: "nearly a full percentage point", "half a point"): percentage points in a sentence stating a percent.
_WORDED_POINT = re.compile(
    r"(?i)(?<![\w-])(?:(?P<hedge>more" + _SP + r"+than|over|nearly|almost|about|roughly|close" + _SP + r"+to|less"
    + _SP + r"+than|under|just" + _SP + r"+(?:over|under))" + _SP + r"+(?:a|one)|(?P<half>half)" + _SP + r"+an?)"
    + _SP + r"+(?:full" + _SP + r"+)?(?:percentage" + _SP + r"*-?" + _SP + r"*)?points?(?![\w-])\Z")

#: How far before "point" its hedge may start ("just under a full percentage point")
_WORDED_POINT_BEFORE = 48
_POINT_AFTER_WORDS = frozenset({"a", "an", "one", "full", "percentage"})
#: How far either side of a worded point a percent of its sentence is looked for.
_WORDED_POINT_REACH = 300


def _worded_points(text: str, recs: list[list[Any]]) -> list[list[Any]]:
    """Add a point in words ("more than a full point") where its sentence states a percent (one the
    scanner read, with no sentence break between)."""
    found = []
    percents: list[list[Any]] | None = None  # (gathered once, and only when a worded point is met)
    starts: list[int] = []
    for at, end in _point_words(text):
        before = text[max(0, at - 12) : at].replace("-", " ").split()
        if not before or before[-1].lower() not in _POINT_AFTER_WORDS:
            continue  # (cheaply: "point" after anything but "a", "one", "full", "percentage")
        m = _WORDED_POINT.search(text, max(0, at - _WORDED_POINT_BEFORE), end)
        if m is None or (found and m.start() < found[-1][_END]):
            continue
        if percents is None:
            percents = [r for r in recs if r[_KIND] in ("percent", "percentage_points") and r[_FACT]]
            starts = [r[_START] for r in percents]
        k = bisect.bisect_left(starts, m.start())
        near = [(r[_END], m.start()) for r in percents[max(0, k - 1) : k] if m.start() - r[_END] <= _WORDED_POINT_REACH]
        near += [(m.end(), r[_START]) for r in percents[k : k + 1] if r[_START] - m.end() <= _WORDED_POINT_REACH]
        if not any(not _SENT_BREAK.search(text, lo, hi) for lo, hi in near):
            continue  # ("more than a point" in a game or on an index is no percentage point)
        hedge = _HEDGE_PHRASES.get(" ".join((m.group("hedge") or "").lower().split()))
        value, prec = (_HALF, _HALF) if m.group("half") else (_ONE, _ONE)
        found.append(_rec(m.start(), m.end(), value, "percentage_points", hedge=hedge.value if hedge else "exact",
                          unit="percentage points", prec=prec))
    return _merged(recs, found) if found else recs


def _point_words(text: str) -> list[tuple[int, int]]:
    """Where the word "point" or "points" stands, in text order (found with str.find, which is far
    cheaper than a regular expression tried at every character)."""
    out = []
    for word in ("point", "Point", "POINT"):
        at = text.find(word)
        while at >= 0:
            end = at + 5
            if end < len(text) and text[end] in "sS":
                end += 1
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-_")) \
                    and (end == len(text) or not (text[end].isalnum() or text[end] in "-_")):
                out.append((at, end))
            at = text.find(word, at + 5)
    return sorted(out)


def _merged(recs: list[list[Any]], found: list[list[Any]]) -> list[list[Any]]:
    """The scanner's records with ``found`` added where none overlaps (both in text order)."""
    merged, i = [], 0
    for f in found:
        while i < len(recs) and recs[i][_END] <= f[_START]:
            merged.append(recs[i])
            i += 1
        if i < len(recs) and recs[i][_START] < f[_END]:
            continue
        merged.append(f)
    merged.extend(recs[i:])
    return merged


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
#: ... and, after a hedge, a measure it multiplies ("more than twice overall inflation"), but not how
#: often something happens ("more than twice a year", "nearly twice in 2024", "twice daily")
_HEDGED_MULTIPLE_AFTER = (r"(?=" + _SP + r"+(?!(?:a|an|per|each|every|in|on|during|since|this|last|daily|weekly|"
                          r"monthly|yearly|annually|over|before|after)\b)[a-z])")
_MULTIPLE_HEDGE = r"(?:(?P<hedge>more" + _SP + r"+than|over|nearly|almost|close" + _SP + r"+to|roughly|about|" \
                  r"approximately|around|some|at" + _SP + r"+least|less" + _SP + r"+than|up" + _SP + r"+to)" + _SP + r"+)?"
_MULTIPLE_VERB = re.compile(
    r"(?i)(?<![\w-])" + _MULTIPLE_HEDGE + r"(?P<word>(?:doubled|tripled|trebled|quadrupled|quintupled|doubles|triples|"
    r"trebles|quadruples|doubling|tripling|quadrupling)(?!" + _SP + r"+(?:down|as|up|back)\b)|(?:twice|thrice)"
    r"(?:" + _MULTIPLE_AFTER + r"|(?(hedge)" + _HEDGED_MULTIPLE_AFTER + r"|(?!)))|(?:double|triple|quadruple)(?P<before>(?=" + _SP + r"+(?:the|that|its|their|what)\b))?"
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
    # keep the scanner's records; add a multiplier word only where none overlaps
    return _merged(recs, found) if found else recs


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


def _read_number(text: str, s: int, e: int, tok: str, floor: int, phrase_mode: bool,
                 fy_start: int | None = None) -> tuple[list[Any] | None, int]:
    has_sep = _HAS_SEP(tok) is not None
    if has_sep and not _simple_range(tok):
        rec, end = _read_chain(text, s, e, tok, floor)
        if rec is not None and rec[_FACT] and rec[_KIND] in ("year_range", "range", "date", "fraction"):
            lm = _left_context(text, s, floor, _LEFT_REV)
            fraction = lm is not None and rec[_KIND] == "fraction"
            read = _hedge_of(text, lm.group("hedge"), lm.start("hedge")) if fraction and lm.group("hedge") else None
            if fraction and (read or lm.group("tilde")):
                rec[_HEDGE] = read or "approximately"
                rec[_START] = max(floor, lm.start("hedge") if read else lm.start("tilde"))
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
            read = _hedge_of(text, hedge_w[::-1], s - lm.end("hedge")) if hedge_w else None
            if read or tilde:  # (no hedge read: "revised February's rate up to 1.42 million" is exact)
                hedge = read or "approximately"
                start = s - lm.end("hedge" if read else "tilde")
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
    if kind == "count" and (not rng or rng.lower() == "from") and lw in _RATIO_PEEK and (integral or lw == "per"):
        # (a part of a whole after "from" is no range's start: "bacteria from 9 of 11 samples")
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
