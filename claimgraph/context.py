"""What an article says around one of its figures: the words, counted noun and years of
its sentence, the other figures beside it, and how it speaks of the figure (a change,
which way it went, a share per item, the clause the figure sits in).

The :class:`~claimgraph.index.DocumentIndex` scores passages against this reading, and
the derivations (:mod:`claimgraph.derivations`) use it to choose which arithmetic to try.
A sentence is read once: :func:`_context_cached` and :func:`_figures_of` are cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

from .matching import _COUNT_KINDS, _SHARE_KINDS, _kind, _measured_duration
from .passages import _YEAR, _content_stems
from .quantities import Quantity, find_quantities

_COMPARED = re.compile(r"\s+(?:\w+\s+)?(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger)\s+than\b"
                       r"|\s+(?:more|less|higher|lower|above|below)\b", re.I)  # "$63.87, about 40% more"
#: "made up", "ate up": a part of a whole, not a rise.
_SHARE_UP = re.compile(r"\b(?:make|makes|made|making|ate|eat|eats|eating|take|takes|took|taking|use|uses|used"
                       r"|account(?:s|ed)?\s+for|add|adds|added|sum|sums|summed|end|ends|ended|set|sets|picked|pick"
                       r"|signed|sign|show|showed|shows|turned|turn|line|lined|back|backed|free|freed|open|opened"
                       r"|build|built|step|stepped|speed|sped|catch|caught|keep|kept)\s+up\b", re.I)


#: Verbs of a rise and of a fall: the direction a figure's change goes ("rose 23%", "fell 7%").
_RISE_VERBS = ("rose|risen|rise[sn]?|rising|up|increase[sd]?|increasing|grew|grown|grow|growing|jump(?:ed|s)?"
               "|climb(?:ed|s)?|gain(?:ed|s)?|surge[sd]?|soar(?:ed|s)?|doubled|tripled|add(?:ed|ing|s)?")
_FALL_VERBS = ("fell|fallen|falls?|falling|down|decrease[sd]?|decreasing|declin(?:e|ed|es|ing)|drop(?:ped|s)?"
               "|cut|shr[au]nk|slid|sank|plunge[sd]?|tumbled")
#: ... with the comparatives and nouns that say the same beside a figure ("7% fewer", "40% more")
_RISE = re.compile(r"(?i)\b(?:" + _RISE_VERBS + r"|higher|more)\b")
_FALL = re.compile(r"(?i)\b(?:" + _FALL_VERBS + r"|lower|less|fewer|loss|lost)\b")
#: A figure right after such a verb, or after "a drop of", is the size of a change ("dropped by more
#: than four-fifths", "a drop of more than a fifth").
_CHANGED_BY = re.compile(r"(?i)\b(?:" + _RISE_VERBS + "|" + _FALL_VERBS + r")(?:\s+by)?\s+\Z"
                         r"|\ban?\s+(?:drop|decline|decrease|fall|cut|reduction|loss|increase|rise|jump|gain|growth)"
                         r"\s+of\s+\Z")
#: Words of a change, a sum or a gap in a sentence: arithmetic between figures may be what it says.
_CUE = re.compile(r"\b(?:" + _RISE_VERBS + "|" + _FALL_VERBS + r"|total(?:ed|led|ing)?|combined|together|altogether"
                  r"|in all|sum|difference|gap|more than .{0,40}? than|fewer|remaining|rest|leav(?:e|es|ing)|left over|below|above|overr[au]ns?|shortfalls?"
                  r"|longer|shorter|change[sd]?|loss|lost"
                  r"|trail(?:ed|s|ing)?|behind|ahead|exceed(?:ed|s|ing)?|outpac(?:ed|es|ing)|short(?:\s+of)?)\b", re.I)


#: "per case", "for each worker", "$135 a claim": an amount shared among a count (not "per year"
#: or "a month", a rate in time)
_NO_ITEM = (r"(?!(?:day|week|month|year|hour|minute|second|quarter|capita|cent|person|semester|season|decade"
            r"|century)s?\b)")
_PER_ITEM = re.compile(r"(?i)\s+(?:apiece\b|(?:per|for\s+each|for\s+every|each|an?)\s+" + _NO_ITEM + r"[a-z])")
#: ... or said after the words naming what is counted ("nearly eight deficiencies apiece", "about
#: 10,000 each", "more than 1,000 complaints per analyst"): at most three plain words between, and
#: "each" last in its clause (not "each year").
_PER_ITEM_AFTER_NOUN = re.compile(r"(?i)(?:\s+[a-z][a-z-]*){0,3}?\s+(?:apiece\b|each\b(?!\s+[a-z])"
                                  r"|(?:per|for\s+each|for\s+every)\s+" + _NO_ITEM + r"[a-z])")
#: A figure the sentence names as a part ("Nine of the hospitalized patients").
_PART_OF = re.compile(r"[ \t]+of[ \t]")
#: A share set right after a figure and before what it is a share of ("0.9%, less than half the
#: nonfarm pace"): the first figure over a like one, a percent of a percent included.
_APPOSED_BEFORE = re.compile(r"(?i)(?:\d|%|percent|points?|thousand|million|billion|trillion)\s*,\s*"
                             r"(?:or\s+|just\s+|only\s+)?\Z")
_APPOSED_AFTER = re.compile(r"(?i)\s+(?:of\s+)?(?:the|that\s+of|its|their)\b")
#: Where the words naming what an apposed share compares with end.
_COMPARED_END = re.compile(r"[,;:.\u2014]|\s-\s")


def _apposed(context: str, start: int, end: int) -> tuple[Quantity | None, frozenset[str]]:
    """The figure a share set in apposition compares with another ("0.9%" in "rose 0.9%, less than
    half the nonfarm pace") and the words of that other ("nonfarm", "pace"); (None, empty) when
    the share is no such comparison."""
    if not (_APPOSED_BEFORE.search(context, max(0, start - 20), start) and _APPOSED_AFTER.match(context, end)):
        return None, frozenset()
    before = [oq for oq in _figures_of(context) if oq.span is not None and oq.span.end <= start]
    if not before or start - before[-1].span.end > 12:
        return None, frozenset()
    stop = _COMPARED_END.search(context, end)
    return before[-1], frozenset(_content_stems(context[end : stop.start() if stop else len(context)]))


#: What stands between a multiple and the figure it is a multiple of ("three times the 2.8% rise",
#: "twice as high as the 4.1% national rate", "four times that of 2019").
_OF_FIGURE = re.compile(r"(?i)\s+(?:as\s+(?:[a-z]+\s+){1,3}as\s+|(?:that|those)\s+(?:of|in)\s+)?(?:the\s+)?")


def _divisor(context: str, end: int, in_clause: tuple[Quantity, ...]) -> Quantity | None:
    """The figure of its clause a multiple ending at ``end`` is of, when it follows right after it."""
    m = _OF_FIGURE.match(context, end)
    if m is None or m.end() == end:
        return None
    return next((oq for oq in in_clause if oq.span is not None and oq.span.start == m.end()), None)


#: The most figures of its sentence (and of the sentences around it) read beside a figure.
MAX_OTHERS = 24
#: How many words either side of a figure, within its clause, are its nearest words.
LOCAL_WORDS = 8
_LOCAL_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
#: What may stand between a figure and one set after it in apposition: words, then a comma ("6.8% over
#: the year, more than twice"; "634.934 in July, meaning prices are now more than six times").
_LEAD_BETWEEN = re.compile(r"(?:(?!\band\b)[^,])*,(?:(?!\band\b)[^,])*")
_CLAUSE_BREAK = re.compile(r"[:;\u2014]|\s-\s|,\s+(?:and|but|while|whereas)\s")


def _clause_bounds(context: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause of a sentence that holds the figure at ``start:end`` begins and ends."""
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(context, 0, start)), default=0)
    nxt = _CLAUSE_BREAK.search(context, end)
    return lo, nxt.start() if nxt else len(context)


def _nearest_stems(before: str, after: str) -> frozenset[str]:
    """The content stems of the LOCAL_WORDS words at the end of ``before`` and at the start of
    ``after``: a figure's nearest words, given its clause's text on either side of it."""
    words = _LOCAL_WORD.findall(before)[-LOCAL_WORDS:] + _LOCAL_WORD.findall(after)[:LOCAL_WORDS]
    return frozenset(_content_stems(" ".join(words)))


def _is_change(context: str, start: int) -> bool:
    """The figure at ``start`` is the size of a change ("dropped by more than four-fifths",
    "rose 23%"), not a share."""
    return bool(_CHANGED_BY.search(context[max(0, start - 30) : start]))


def _direction(context: str, start: int, end: int) -> int:
    """+1 when the words around a figure say it rose ("rose about 2.5%"), -1 when it fell ("a
    decline of 7%", "7% fewer"), 0 when they say neither or both."""
    near = context[max(0, start - 40) : start] + " " + context[end : end + 15]
    rise, fall = bool(_RISE.search(near)), bool(_FALL.search(near))
    return 0 if rise == fall else (1 if rise else -1)


@lru_cache(maxsize=256)
def _has_cue(context: str) -> bool:
    """Whether the sentence speaks of a change or a sum ("rose", "a total of"), not of a share ("made up")."""
    for m in _CUE.finditer(context):
        if m.group().lower() != "up" or not _SHARE_UP.search(context, max(0, m.start() - 20), m.end()):
            return True
    return False


@attrs.frozen
class _Context:
    """What the article says around a number: words, counted noun, years, other numbers."""

    stems: frozenset[str]
    noun: frozenset[str]
    years: frozenset[str]
    others: tuple[Quantity, ...]
    cue: bool
    wide_stems: frozenset[str] = frozenset()
    wide_others: tuple[Quantity, ...] = ()
    direction: int = 0  # +1 the figure is a rise, -1 a fall, 0 unsaid
    changed_by: bool = False  # the figure is the size of a change ("fell 7%")
    clause: frozenset[str] = frozenset()  # the words of the figure's own clause
    per_item: bool = False  # "$7,300 per case": an amount divided among a count
    compared: bool = False  # the figure is compared with another ("$61,000 more than ...", "a third more than in 2021")
    apposed: Quantity | None = None  # "rose 0.9%, less than half the nonfarm pace": the figure a share compares
    compared_with: frozenset[str] = frozenset()  # ... and the words of what it is compared with ("nonfarm pace")
    clause_others: tuple[Quantity, ...] = ()  # the other figures of its clause ("women's rose 0.3 year, to 81.6")
    parts: tuple[Quantity, ...] = ()  # the other figures the sentence names as parts ("Nine of the patients")
    apiece: tuple[Quantity, ...] = ()  # the other amounts it gives apiece ("At roughly $28,500 apiece")
    lead: Quantity | None = None  # the last figure of its clause before it ("58 days, more than three times")
    local: frozenset[str] = frozenset()  # the words of its clause nearest it (LOCAL_WORDS either side)
    divisor: Quantity | None = None  # the figure a multiple is of, right after it ("three times the 2.8% rise")

    @classmethod
    def of(cls, context: str, q: Quantity, wider: str = "") -> "_Context":
        return _context_cached(context, q.text, q.noun or "", wider)

    @classmethod
    def of_sentence(cls, context: str) -> "_Context":
        """The sentence's words, years and figures, read for no figure of its own (a quoted term)."""
        return _context_cached(context, "", "", "")


_FIGURE_KINDS = _COUNT_KINDS | _SHARE_KINDS | {"range"}


@lru_cache(maxsize=1024)
def _figures_of(text: str) -> tuple[Quantity, ...]:
    """The figures of an article sentence that other figures may be compared with or computed
    from (counts, money, shares, ranges, measured durations), read once per sentence."""
    try:
        found = find_quantities(text)
    except Exception:  # the reader never raises on text, but a link must not fail on it
        return ()
    # a range of the sentence ("adults 60 to 74") places a table row too
    return tuple(oq for oq in found if _kind(oq) in _FIGURE_KINDS or _measured_duration(oq))


def _other_numbers(text: str, qtext: str) -> tuple[Quantity, ...]:
    return tuple(oq for oq in _figures_of(text) if oq.text != qtext)


#: A quotation (straight or curly marks); one of four words or more is a speaker's words, not what
#: the reporter says of a figure.
_QUOTATION = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')
QUOTATION_MIN_WORDS = 4


def _unquoted(context: str, qtext: str) -> str:
    """The sentence without the quotations that do not hold the figure ("CMS agreed with three of
    GAO's four recommendations ..., saying one "would not account for ... differences in the size,
    technology, and staffing of state call centers"": the quoted words say nothing of the three)."""
    at = context.find(qtext) if qtext else -1
    kept, pos = [], 0
    for m in _QUOTATION.finditer(context):
        if len(m.group().split()) < QUOTATION_MIN_WORDS:
            continue  # a scare-quoted term ("desired date") is the reporter's own words
        if at == -1 or not (m.start() <= at < m.end()):
            kept.append(context[pos : m.start()])
            pos = m.end()
    return " ".join(kept) + " " + context[pos:] if kept else context


@lru_cache(maxsize=256)
def _stems_of(text: str) -> frozenset[str]:
    """The content stems of a sentence, read once however many of its figures ask."""
    return frozenset(_content_stems(text))


@lru_cache(maxsize=4096)
def _context_cached(context: str, qtext: str, noun: str, wider: str) -> _Context:
    context = " ".join(context.split())
    wider = " ".join(wider.split())
    stems = _stems_of(_unquoted(context, qtext))
    wide_stems = _stems_of(wider) - stems if wider else frozenset()
    start = context.find(qtext) if qtext else -1
    others = _other_numbers(context, qtext)
    if len(others) > MAX_OTHERS:
        # a "sentence" of hundreds of figures is no prose (untrusted text): only the figures nearest
        # this one are read beside it, so reading every figure of it stays near linear in its length
        near = sorted(others, key=lambda oq: abs(oq.span.start - start) if oq.span and start >= 0 else 0)
        keep = {id(oq) for oq in near[:MAX_OTHERS]}
        others = tuple(oq for oq in others if id(oq) in keep)
    wide_others = _other_numbers(wider, qtext)[:MAX_OTHERS] if wider else ()
    common = (stems, frozenset(_YEAR.findall(context)), others, _has_cue(context), wide_stems, wide_others)
    noun_stems = frozenset(_content_stems(noun))
    parts = tuple(oq for oq in others if oq.span is not None and _PART_OF.match(context, oq.span.end))
    apiece = tuple(oq for oq in others if oq.span is not None and _kind(oq) == "money"
                   and _PER_ITEM.match(context, oq.span.end))
    if start == -1:  # the figure is not in the sentence as written: only the sentence is read
        return _Context(common[0], noun_stems, *common[1:], clause=stems, parts=parts, apiece=apiece)
    end = start + len(qtext)
    if not noun_stems:
        noun_stems = frozenset(_content_stems(context[end : end + 40])[:3])
    compared = bool(_COMPARED.match(context, end))  # "$61,000 more than ..."
    lo, hi = _clause_bounds(context, start, end)
    clause = context[lo:hi]
    in_clause = tuple(oq for oq in common[2] if oq.span is not None and lo <= oq.span.start < hi)
    lead = max((oq for oq in in_clause if oq.span.end <= start), key=lambda oq: oq.span.end, default=None)
    if lead is not None and not _LEAD_BETWEEN.fullmatch(context, lead.span.end, start):
        lead = None  # "97 days ..., up from 38 days a year earlier and more than double": 38 is no lead
    local = _nearest_stems(_unquoted(context[lo:start], ""), context[end:hi])
    return _Context(stems, noun_stems, common[1], common[2], compared or common[3], wide_stems, common[5],
                    _direction(context, start, end), _is_change(context, start),
                    _stems_of(clause), bool(_PER_ITEM.match(context, end) or _PER_ITEM_AFTER_NOUN.match(context, end)),
                    compared,
                    *_apposed(context, start, end), in_clause, parts, apiece, lead, local,
                    _divisor(context, end, in_clause))
