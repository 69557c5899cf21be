"""The number-words reader: numbers spelled in words ("two-thirds", "more than a dozen",
"at least an hour", "most", "a majority", "twenty-one to twenty-five percent").

It owns :func:`_read_words`, which reads one run of number words the master scan found, with
its hedge, fraction, ordinal, share, unit, ratio or range; the spelled-cardinal parser
:func:`_cardinal_value` and :func:`_tail_number` (the second figure of a range or ratio, in
digits or words, which the digit reader uses too); and the tables and rules that tell a number
from a pronoun or a superlative ("one another", "the most alarming", "the majority ruled").
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .intervals import _HALF, _ONE, _ZERO
from .numbase import (
    _COURT_SUFFIX, _DASHES, _DASH_SET, _FRACTION_WORDS, _HEDGE_PHRASES, _IRREGULAR_PLURALS, _NOT_LETTER_AHEAD,
    _ORDINAL_WORDS, _PCT_PEEK, _PEEK, _PERCENT_AFTER, _POST_HEDGE, _POST_PEEK, _RANGE_PEEK, _RANGE_TAIL,
    _RATIO_PEEK, _RATIO_TAIL, _SCALE_AFTER, _SCALE_WORDS, _SHARE_WORDS, _SP, _SPACES, _START, _STOP_AFTER_NUMBER,
    _TENS_WORDS, _TIME_ADJECTIVES, _UNIT_AFTER, _UNIT_PEEK, _UNIT_TABLE, _UNIT_WORDS, _W, _clean, _closed, _finish,
    _integer_precision, _left_context, _line_start, _looks_plural, _name_rec, _opens_sentence, _parse_digits,
    _hedge_of, _prev_word, _rec, _rev_alt, _time_after_adjective, _unit_after,
)
from .quantities import FRACTION_PLACES, MAX_LIST, MAX_WORD_RUN


# --------------------------------------------------------------------------- number words


_WORD_LIST = re.compile(r"(?:" + _W + r"(?:,?[ \t;]+|,\Z|\Z)){%d,}" % MAX_LIST)
_LEFT_WORDS_REV = re.compile(
    r"(?:" + _SP + r"+(?P<art>(?i:" + _rev_alt(["a", "an", "the vast", "a slim", "a narrow", "a clear", "a large",
                                                 "a simple", "a bare"]) + r"))" + _NOT_LETTER_AHEAD + r")?"
    r"(?:" + _SP + r"+(?P<hedge>(?i:" + _rev_alt(h for h in _HEDGE_PHRASES if h != "~") + r"))"
    + _NOT_LETTER_AHEAD + r"|" + _SP + r"*(?P<tilde>~))?"
    r"(?:" + _SP + r"+(?P<rng>(?i:neewteb|morf))" + _NOT_LETTER_AHEAD + r")?"
)
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
_WORD_TOKENS = re.compile(r"[A-Za-z]+")
#: what follows "a second" when it is the ordinal ("a second straight year", "a second officer"), not
#: one second of time ("a second later", "a second or two")
_A_SECOND_THING = re.compile(r"[ \t]+(?!(?:ago|later|earlier|before|after|or|and|to|of|in|on|at|for|than|per|each|"
                             r"longer|shorter|faster|slower|more|less|too)\b)[a-z]")
_NEXT_WORD = re.compile(_SP + r"*(?P<w>[A-Za-z][A-Za-z'’]*)")
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
_CLAUSE_VERBS = frozenset(
    "said say says were are was is had have has did do does will would could should can may might reported "
    "told agreed disagreed thought believed want wanted expect expected support supported oppose opposed "
    "remain remained live lived work worked".split()
)


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


def _tail_number(m: re.Match[str]) -> Decimal | None:
    if m.group("n"):
        parsed = _parse_digits(m.group("n"))
        return parsed[0] if parsed else None
    return _cardinal_value([w for w in re.split(r"[-\s]+", m.group("w").lower()) if w], a_prefix=True)


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
        read = _hedge_of(text, lm.group("hedge"), base + lm.start("hedge")) if lm.group("hedge") else None
        if read or lm.group("tilde"):
            hedge = read or "approximately"
            start = base + (lm.start("hedge") if read else lm.start("tilde"))
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
            before = _prev_word(text, s)
            if before in ("per", "every", "each", "split", "one") or (before == "a" and not _A_SECOND_THING.match(text, e)):
                return None, e  # "a second" of time, "per second" (not "a second straight year")
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
        if rm and (not rng or rng.lower() == "from"):  # "from nine of 11 samples": a part, not a range
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


def _a_duration(text: str, s: int, e: int, unit_word: str, floor: int, single: bool) -> list[Any] | None:
    """'at least an hour', 'nearly a decade' (hedged), 'a single year': one unit of time."""
    lm = _left_context(text, s, floor, _LEFT_WORDS_REV)
    if lm is None or not lm.group("hedge"):
        if single:
            return _rec(s, e, _ONE, "duration", unit=_UNIT_TABLE[unit_word][1], prec=_ONE)
        return None
    hedge = _hedge_of(text, lm.group("hedge"), lm.start("hedge"))
    if hedge is None:  # "raised the limit up to an hour": one hour, exactly
        return _rec(s, e, _ONE, "duration", unit=_UNIT_TABLE[unit_word][1], prec=_ONE)
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
