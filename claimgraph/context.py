"""What an article says around one of its figures: the words, counted noun and years of
its sentence, the other figures beside it, and how it speaks of the figure (a change,
which way it went, a share per item, the clause the figure sits in).

The :class:`~claimgraph.link.DocumentIndex` scores passages against this reading, and
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

_CUE = re.compile(r"\b(?:total(?:ed|led|ing)?|combined|together|altogether|in all|sum|difference|gap|increase[sd]?"
                  r"|decrease[sd]?|rose|fell|risen|fallen|dropped|more than .{0,40}? than|fewer|remaining|rest"
                  r"|up|down|grew|grown|jump(?:ed)?|climb(?:ed)?|declin(?:e|ed)|doubled|tripled|change[sd]?"
                  r"|cut|drop|gain(?:ed)?|loss|lost|shr[au]nk|trail(?:ed|s|ing)?|behind|ahead|exceed(?:ed|s|ing)?"
                  r"|outpac(?:ed|es|ing)|short\s+of)\b",
                  re.I)


_COMPARED = re.compile(r"\s+(?:\w+\s+)?(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger)\s+than\b"
                       r"|\s+(?:more|less|higher|lower|above|below)\b", re.I)  # "$63.87, about 40% more"
#: "made up", "ate up": a part of a whole, not a rise.
_SHARE_UP = re.compile(r"\b(?:make|makes|made|making|ate|eat|eats|eating|take|takes|took|taking|use|uses|used"
                       r"|account(?:s|ed)?\s+for|add|adds|added|sum|sums|summed|end|ends|ended|set|sets|picked|pick"
                       r"|signed|sign|show|showed|shows|turned|turn|line|lined|back|backed|free|freed|open|opened"
                       r"|build|built|step|stepped|speed|sped|catch|caught|keep|kept)\s+up\b", re.I)


_RISE = re.compile(r"(?i)\b(?:rose|risen|rise|rising|up|increase[sd]?|increasing|grew|grown|grow|growing|jump(?:ed|s)?"
                   r"|climb(?:ed|s)?|gain(?:ed|s)?|higher|more|surge[sd]?|soar(?:ed|s)?|doubled|tripled)\b")
_FALL = re.compile(r"(?i)\b(?:fell|fallen|fall|falling|down|decrease[sd]?|decreasing|declin(?:e|ed|es|ing)|drop(?:ped|s)?"
                   r"|cut|shr[au]nk|lower|less|fewer|loss|lost|slid|sank|plunge[sd]?|tumbled)\b")


_CHANGED_BY = re.compile(r"(?i)\b(?:rose|risen|rise[sn]?|increased?|grew|grown|jumped|climbed|gained|fell|fallen|falls?|"
                         r"dropped|drops?|declined?|decreased?|shrank|shrunk|cut|slid|sank|plunged|soared|surged|"
                         r"up|down)(?:\s+by)?\s+\Z")


#: "per case", "for each worker": an amount shared among a count (not "per year", a rate in time)
_PER_ITEM = re.compile(r"(?i)\s+(?:per|for\s+each|for\s+every|each)\s+(?!(?:day|week|month|year|hour|minute|"
                       r"second|quarter|capita|cent|person)s?\b)[a-z]")
_CLAUSE_BREAK = re.compile(r"[:;\u2014]|\s-\s|,\s+(?:and|but|while|whereas)\s")


def _clause_of(context: str, qtext: str) -> str:
    """The clause of a sentence that holds the figure ("... the headline is a welcome one: violent
    crime fell about 7% in 2025" -> "violent crime fell about 7% in 2025")."""
    at = context.find(qtext)
    if at == -1:
        return context
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(context, 0, at)), default=0)
    nxt = _CLAUSE_BREAK.search(context, at + len(qtext))
    return context[lo : nxt.start() if nxt else len(context)]


def _is_change(context: str, qtext: str) -> bool:
    """The figure is the size of a change ("dropped by more than four-fifths", "rose 23%"), not a share."""
    at = context.find(qtext)
    return at != -1 and bool(_CHANGED_BY.search(context[max(0, at - 30) : at]))


def _direction(context: str, qtext: str) -> int:
    """+1 when the words just before an article's percent say it rose ("rose about 2.5%"), -1 when
    it fell ("a decline of 7%", "7% fewer"), 0 when they say neither or both."""
    at = context.find(qtext)
    if at == -1:
        return 0
    near = context[max(0, at - 40) : at] + " " + context[at + len(qtext) : at + len(qtext) + 15]
    rise, fall = bool(_RISE.search(near)), bool(_FALL.search(near))
    return 0 if rise == fall else (1 if rise else -1)


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

    @classmethod
    def of(cls, context: str, q: Quantity, wider: str = "") -> "_Context":
        return _context_cached(context, q.text, q.noun or "", wider)


@lru_cache(maxsize=1024)
def _figures_of(text: str) -> tuple[Quantity, ...]:
    """The figures of an article sentence that other figures may be compared with or computed
    from (counts, money, shares, measured durations), read once per sentence."""
    try:
        found = find_quantities(text)
    except Exception:  # the reader never raises on text, but a link must not fail on it
        return ()
    return tuple(oq for oq in found if _kind(oq) in _COUNT_KINDS | _SHARE_KINDS or _measured_duration(oq))


def _other_numbers(text: str, qtext: str) -> tuple[Quantity, ...]:
    return tuple(oq for oq in _figures_of(text) if oq.text != qtext)


@lru_cache(maxsize=4096)
def _context_cached(context: str, qtext: str, noun: str, wider: str) -> _Context:
    context = " ".join(context.split())
    wider = " ".join(wider.split())
    stems = frozenset(_content_stems(context))
    noun_stems = frozenset(_content_stems(noun))
    if not noun_stems:
        at = context.find(qtext)
        if at != -1:
            noun_stems = frozenset(_content_stems(context[at + len(qtext) : at + len(qtext) + 40])[:3])
    wide_stems = frozenset(_content_stems(wider)) - stems if wider else frozenset()
    at = context.find(qtext)
    compared = at != -1 and bool(_COMPARED.match(context, at + len(qtext)))  # "$61,000 more than ..."
    return _Context(stems, noun_stems, frozenset(_YEAR.findall(context)), _other_numbers(context, qtext),
                    compared or _has_cue(context), wide_stems, _other_numbers(wider, qtext) if wider else (),
                    _direction(context, qtext), _is_change(context, qtext),
                    frozenset(_content_stems(_clause_of(context, qtext))),
                    at != -1 and bool(_PER_ITEM.match(context, at + len(qtext))))
