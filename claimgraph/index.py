"""Read a source document once: the index an article's numbers and quotes are looked up in.

:class:`DocumentIndex` cuts a document into blocks and passages (sentences and table lines),
leaves out its leading metadata block (:func:`~claimgraph.documents.find_header`), and keeps
its numbers by kind and magnitude (a table cell also read under its column's unit), a word
index and each passage's content words.  For an article number it lists every passage whose
figure can stand behind it (:meth:`DocumentIndex.number_candidates`), each with its feature
vector over :data:`LINK_FEATURES` and a probability from :data:`LINK_WEIGHTS`; figures the
article computed from the document's come from the :class:`~claimgraph.derivations.Derivations`
mixed in.  For a direct quote it finds the source words and their passage
(:meth:`DocumentIndex.locate_quote`).  Weighing one document against another is the
:class:`~claimgraph.link.Linker`'s work.
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any, Iterable, Iterator, Sequence

import attrs

from .derivations import Derivations, _Entry, _operand_kind
from .documents import LoadedDocument, _form_feed_pages, _header_title, _page_of, find_header
from .context import _CHANGED_BY, _clause_bounds, _Context, _nearest_stems
from .credit import _OUTLET, _credit_keys, credits, credits_role, role_pattern
from .fidelity import Fidelity, quote_fidelity
from .matching import (
    _PER_UNIT,
    _SCALES,
    _SHARE_KINDS,
    _UNITFUL,
    _UNITLESS,
    _cell_readings,
    _converted,
    _counted_share,
    _fmt,
    _group,
    _hedge,
    _is_day,
    _month_only,
    _is_mentioned,
    _kind,
    _one_of,
    _relation,
    _scoping_kind,
    _share_key,
    _specificity,
    _stated_fraction,
)
from .numerals import PLUS_MINUS_SIGN
from .passages import (
    _WORD,
    _YEAR,
    _content_stems,
    _is_section_heading,
    _is_table_line,
    _negated_blocks,
    _scan_quantities,
    _segment,
    spelled_out as _spelled_out,
)
from .quantities import _MONTH_NAMES, Quantity, QuantityKind
from .spans import _LINE_BREAK_HYPHEN, Span, normalize_for_match
from .tables import table_units

__all__ = ["LINK_FEATURES", "LINK_WEIGHTS", "QUOTE_MIN_SCORE", "NumberLink", "QuoteLink", "DocumentIndex"]

#: A quote whose words match a document passage less than this (share of the
#: quote's words found in order) is reported absent.
QUOTE_MIN_SCORE = 0.75
#: The score of a quoted term of one or two words found as written.
TERM_QUOTE_SCORE = 0.8
#: Document numbers within this relative distance of an article figure are looked at (a superset
#: of every relation's tolerance), found by bisecting each kind's sorted values.
CANDIDATE_WINDOW = Decimal("0.2")
#: ... and shares within this relative distance of an article share (percent, fraction, ratio).
SHARE_WINDOW = 0.3


# ---------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------


@attrs.frozen
class NumberLink:
    """A proposed document passage behind an article number.

    ``relation`` says how the article's figure relates to the document's:
    ``verbatim`` (same value and hedge), ``rehedged`` (same value, another hedge:
    "at least 32,000" for "more than 32,000"), ``rounded`` (another value inside the
    article's wording: "more than 160 million" for "160.4 million") or ``derived``
    (computed from ``operands`` by ``formula``).  ``score`` is 0..1.
    """

    document: str
    span: Span
    passage: Span
    page: int | None
    relation: str
    score: float
    quantity_text: str
    formula: str | None = None
    operands: tuple[tuple[str, Span], ...] = ()
    primary: bool = True
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict (spans as ``[start, end]``)."""
        return {
            "document": self.document, "span": list(self.span.as_tuple()),
            "passage": list(self.passage.as_tuple()), "page": self.page, "section": self.section,
            "relation": self.relation,
            "score": round(self.score, 4), "quantity_text": self.quantity_text, "formula": self.formula,
            "operands": [[d, list(s.as_tuple())] for d, s in self.operands], "primary": self.primary,
        }


@attrs.frozen
class QuoteLink:
    """Where a direct quote is in a document: ``span`` covers the matched source words,
    ``passage`` the source sentence (or quoted segment) the fidelity was measured against."""

    document: str
    span: Span
    page: int | None
    fidelity: Fidelity
    score: float
    passage: Span | None = None
    primary: bool = True
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "span": list(self.span.as_tuple()), "page": self.page,
                "section": self.section,
                "fidelity": self.fidelity.to_dict(), "score": round(self.score, 4),
                "passage": list(self.passage.as_tuple()) if self.passage else None, "primary": self.primary}


# ---------------------------------------------------------------------------
# Indexing a document
# ---------------------------------------------------------------------------

#: What a number link's score is computed from, for each candidate passage: the number
#: match (closeness 0..1, verbatim, rounded), how much the article's figure identifies a
#: statement on its own (specificity: 448,820 a lot, 8 little), the idf-weighted share of the
#: article sentence's words found in the passage, the share of the sentence's other numbers
#: found there (the neighbouring sentences' words and numbers count :data:`WIDER_WEIGHT`),
#: whether the years agree or conflict, the counted noun, how many passages of all the
#: documents hold a compatible number (log: a figure found in many places is weaker evidence
#: for each), the kind of figure, whether the passage only mentions the number ('"65%"
#: wording'), says it was *not* found, or is a table line, whether the article sentence is
#: short (a headline), whether nothing but the number itself matches (no word, number, noun
#: or year in common: a matching digit string in an unrelated sentence is not evidence; for a
#: plain number, a small whole count or a unit the document does not name, next to no words), and
#: whether the sentence names this document's issuer while not naming another's (credited)
#: or the reverse (other_credited); and whether a named person none of the documents speaks for
#: says the article's sentence (outside: an interviewee's figure, see :func:`~claimgraph.credit.outside_speakers`);
#: and the idf-weighted share of the article's words nearest its figure found among the document's words
#: nearest its figure, in that figure's clause (doc_local: "the food index increased 0.2 percent", not "the apparel
#: index increased 0.2 percent, while the food index was unchanged").
LINK_FEATURES = ("bias", "closeness", "verbatim", "rounded", "specificity", "words",
                 "co_numbers", "years_agree", "years_conflict", "noun", "rivals",
                 "scoping_kind", "share_kind", "mentioned", "negated", "table_line", "short_context", "no_context",
                 "credited", "other_credited", "outside", "doc_local")
#: In a long sentence (more than twice as many words as the LOCAL_WORDS either side of a number, in its
#: clause), how much those nearest words count in its words feature, against the whole sentence's.
LOCAL_SHARE = 0.7
#: How much the article sentences next to a number count, against its own sentence's.
WIDER_WEIGHT = 0.3
#: Logistic weights over :data:`LINK_FEATURES`, fitted on the 23 labelled cases of
#: ``tests/corpus/linking`` and ``tests/corpus/linking-holdout`` by ``benchmarks/fit_linking.py
#: --split all --corpus …`` (which prints this table); the later held-out corpora
#: (``tests/corpus/linking-holdout2`` to ``-holdout28``) are not fitted on (see docs/linking.md).  The
#: doc_local weight was fitted later with every other weight held (``fit_linking.py --split all --only
#: doc_local --l2 0`` on the 52 corpora ``linking`` to ``linking-holdout51``), after the bias was
#: lowered by hand from -3.204.
LINK_WEIGHTS = (
    -3.300,  # bias
    +1.202,  # closeness
    +0.959,  # verbatim
    -0.013,  # rounded
    +2.982,  # specificity
    +3.949,  # words
    +1.707,  # co_numbers
    +0.907,  # years_agree
    -0.539,  # years_conflict
    +0.608,  # noun
    -1.193,  # rivals
    -1.668,  # scoping_kind
    +0.353,  # share_kind
    -4.000,  # mentioned  (set by hand)
    -8.000,  # negated  (set by hand)
    +0.093,  # table_line
    +0.262,  # short_context
    -3.500,  # no_context  (set by hand)
    +0.473,  # credited
    -0.089,  # other_credited
    -1.500,  # outside  (set by hand)
    +1.036,  # doc_local
)

#: How far either side of a document figure its nearest words are looked for (doc_local).
NEAR_WINDOW = 400
#: A number link whose probability (see :data:`~claimgraph.index.LINK_WEIGHTS`) is below this is not proposed
#: (the number is reported absent).
NUMBER_MIN_SCORE = 0.5
#: What a number counts is read within this many characters after it ("six recommendations") ...
COUNTED_NOUN_CHARS = 24
#: ... and a count under this is a small one (see :meth:`DocumentIndex.small_counts`).
SMALL_COUNT = 20

#: The separators of a masthead line's fields ("Weekly / Vol. 74 / No. 40 / October 16, 2025").
_MASTHEAD_FIELDS = re.compile(r"[ \t]+[/|\u2022\u00b7][ \t]+|[ \t]{3,}")


def _rivals(passages: int) -> float:
    return math.log(passages) if passages > 1 else 0.0


#: A month's name in a document figure ("November 2021"): the figure is a date.
_MONTH_NAME = re.compile(r"\b(?:" + "|".join(_MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))\b")


def _rivals_of(links: Iterable[NumberLink], year: bool = False) -> float:
    """The rivals feature: the passages (of every document) stating a compatible number as such;
    a figure read through a conversion or a division is no rival of the ones stated, nor, for a
    ``year``, a date that falls in it ("November 2021" for "in 2021")."""
    return _rivals(len({(lk.document, lk.passage) for lk in links if lk.relation != "derived"
                        and not (year and _MONTH_NAME.search(lk.quantity_text))}))


def _link_probability(features: Sequence[float]) -> float:
    z = sum(w * f for w, f in zip(LINK_WEIGHTS, features, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class DocumentIndex(Derivations):
    """One document read once for linking: numbers, passages, a word index, numbers by magnitude.

    ``doc`` is a :class:`LoadedDocument` or plain text.  ``primary`` says whether the
    document is a primary origin of what it states (a report, a release) rather than
    a news outlet relaying it or an interested party's statement; ``issuer`` is informative.
    ``relays`` says whether a document that is not primary is a news outlet's, which relays
    figures; when not given it is read off the issuer ("… (news outlet)"), and a document whose
    issuer is unknown is taken for one.  A statement's own figure that fits a sentence better
    than a primary document's like digits is preferred, an outlet's only when the story
    credits it.  With ``skip_header`` (the default) a leading metadata block
    (:func:`find_header`) is not searched.

    >>> idx = DocumentIndex("r", "DATE:  2024\\nNUMBER:  OIG-24-46\\n==========\\nICE reported 32,000 UCs.")
    >>> [e.q.text for e in idx.entries]
    ['32,000']
    """

    def __init__(self, doc_id: str, doc: LoadedDocument | str, *, primary: bool = True,
                 issuer: str | None = None, skip_header: bool = True, relays: bool | None = None) -> None:
        if isinstance(doc, str):
            doc = LoadedDocument(None, doc, "text", _form_feed_pages(doc), _header_title(doc))
        self.doc_id = doc_id
        self.document = doc
        self.text = text = doc.text
        self.primary = primary
        self.issuer = issuer if issuer is not None else (doc.metadata or {}).get("issuer")
        #: whether the document is a news outlet's, which relays figures rather than being their origin
        #: (given, or read off an issuer such as "The Center Square (news outlet)"); a primary one never is
        outlet = self.issuer is None or bool(_OUTLET.search(self.issuer))
        self.relays = not primary and (outlet if relays is None else relays)
        # (a news story's headline names what it is about, not who says it: "ICE incapable of ...")
        self._credit_keys = _credit_keys(self.issuer or "", "" if self.relays else doc.title or "")
        self._stating_cache: dict[Any, Any] = {}  # article figure -> the numbers stating it (and their weights)
        self._role = role_pattern(self.issuer or "")
        self.header = find_header(text) if skip_header else None
        body = self.header.end if self.header else 0
        self.blocks, self.passages, self._owner = _segment(text, body)
        self._headings = [(b.start, " ".join(text[b.start : b.end].split())) for b in self.blocks
                          if _is_section_heading(text[b.start : b.end])]
        self._heading_starts = [start for start, _ in self._headings]
        self._starts = [p.start for p in self.passages]
        # words: the token stream (for quotes) and per-passage stems (for context)
        self._tokens: list[tuple[str, int, int]] = []
        self.word_index: dict[str, list[int]] = defaultdict(list)
        for m in _BROKEN_WORD.finditer(text, body):  # a word broken at a line end is one word
            key = m.group().lower().replace("\u2019", "'").replace("-\n", "")
            self.word_index[key].append(len(self._tokens))
            self._tokens.append((key, m.start(), m.end()))
        self._stems: list[frozenset[str]] = []
        self._years: list[frozenset[str]] = []
        df: Counter[str] = Counter()
        self._postings: dict[str, list[int]] = defaultdict(list)
        spelled = _spelled_out(text, self._tokens, self._passage_at)
        for i, p in enumerate(self.passages):
            chunk = text[p.start : p.end]
            stems = frozenset(_content_stems(_LINE_BREAK_HYPHEN.sub("", chunk)))
            if i in spelled:  # "112 of 128 EDs" also speaks of emergency departments
                stems |= spelled[i]
            self._stems.append(stems)
            self._years.append(frozenset(_YEAR.findall(chunk)))
            df.update(stems)
            for w in stems:
                self._postings[w].append(len(self._stems) - 1)
        n = max(1, len(self.passages))
        self._idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self._idf_unseen = math.log((n + 1) / 0.5)
        self._negated = _negated_blocks(text, self.blocks)
        self._near_words: dict[tuple[int, int], frozenset[str]] = {}  # a figure's span -> its nearest words
        # numbers
        self.entries: list[_Entry] = []
        self._by_group: dict[tuple[str, str], list[tuple[Decimal, int]]] = defaultdict(list)
        self._shares: list[int] = []
        self._share_keys: list[float] | None = None  # built on first use
        self._share_ks: list[int] = []
        self._small_counts: dict[str, frozenset[Decimal]] | None = None  # built on first use
        self._ratio_parts: dict[Decimal, list[int]] = defaultdict(list)
        self._passage_numbers: dict[int, list[int]] = defaultdict(list)
        self._by_month_day: dict[str, list[int]] = defaultdict(list)
        self._by_month: dict[str, list[int]] = defaultdict(list)  # "03" -> the dates in a March
        self._table_top: dict[int, int] = {}  # table-row block -> the table's first block
        self._scaled: set[int] = set()  # table cells whose face value is not their value
        for q in _scan_quantities(text, self.blocks):
            if q.span is None or q.span.start < body:
                continue
            pi = self._passage_at(q.span.start)
            if pi is None:
                continue
            k = self._add_entry(q, pi)
            if _kind(q) in ("date", "date_range") and q.date:
                for end in q.date.split("/"):
                    if len(end) == 10:
                        self._by_month_day[end[5:]].append(k)
                    months = self._by_month[end[5:7]]
                    if len(end) in (7, 10) and (not months or months[-1] != k):
                        months.append(k)
            if _kind(q) == "count" and _hedge(q) == "exact" and q.high is None and q.noun is None:
                units = table_units(self, pi, q)
                for reading in _cell_readings(q, units):
                    self._add_entry(reading, pi)
                if units & _SCALES.keys():
                    self._scaled.add(k)  # "168,421" under "Thousands" is not 168,421
            elif _kind(q) == "ratio" and q.denominator and (unit := _TIME_UNIT_AFTER.match(text, q.span.end)):
                # "on 291 of the 366 days": the part is a number of days too ("on 291 days of the year")
                self._add_entry(attrs.evolve(q, kind=QuantityKind.DURATION, unit=unit.group(1).lower(),
                                             denominator=None), pi)
            elif _kind(q) == "percent" and q.high is None and _PLUS_MINUS.search(text, max(0, q.span.start - 16),
                                                                                q.span.start):
                # a margin of error is a gap of percentage points, however a release writes it ("±10.2 percent")
                self._add_entry(attrs.evolve(q, kind=QuantityKind.PERCENTAGE_POINTS, unit="percentage points"), pi)
        self._vague_shares = [k for k in self._shares if _share_key(self.entries[k].q) < 0]
        # percents that are sizes of changes ("declined 6%"), not levels a change can be measured between
        self._change_sizes = {k for k, e in enumerate(self.entries) if _kind(e.q) == "percent"
                              and _CHANGED_BY.search(text[max(0, e.q.span.start - 30) : e.q.span.start])}
        for values in self._by_group.values():
            values.sort()
        self._by_value = {g: [v for v, _ in values] for g, values in self._by_group.items()}

    def _add_entry(self, q: Quantity, pi: int) -> int:
        e = _Entry(q, pi, _group(q), ("count", "") if _operand_kind(q) == "count" else _group(q))
        k = len(self.entries)
        self.entries.append(e)
        self._by_group[e.group].append((q.value, k))
        self._passage_numbers[pi].append(k)
        if _kind(q) in _SHARE_KINDS:
            self._shares.append(k)
        if _kind(q) == "ratio":
            for part in {q.value, q.denominator} - {None}:
                self._ratio_parts[part].append(k)
        return k

    def __repr__(self) -> str:
        return (f"<DocumentIndex {self.doc_id!r} · {len(self.passages)} passages · {len(self.entries)} numbers"
                f"{'' if self.primary else ' · secondary'}>")

    # -- lookups
    def _passage_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.passages[i].end:
            return i
        return None

    def counted_noun(self, end: int) -> str:
        """The stem of the first content word within COUNTED_NOUN_CHARS after offset ``end`` (what a
        number ending there counts: "six recommendations"), or ""."""
        stems = _content_stems(self.text[end : end + COUNTED_NOUN_CHARS])
        return stems[0] if stems else ""

    def small_counts(self) -> dict[str, frozenset[Decimal]]:
        """Each noun the document counts with a small number (under SMALL_COUNT) right after it, with
        those numbers: "all six recommendations" and "three recommendations" give {"recommendation":
        {3, 6}} (read once, on first use)."""
        if self._small_counts is None:
            found: defaultdict[str, set[Decimal]] = defaultdict(set)
            for e in self.entries:
                if _kind(e.q) == "count" and abs(e.q.value) < SMALL_COUNT:
                    found[self.counted_noun(e.q.span.end)].add(e.q.value)
            self._small_counts = {noun: frozenset(values) for noun, values in found.items() if noun}
        return self._small_counts

    def numbers_at(self, span: Span) -> list[Quantity]:
        """The document's readings of the figure at ``span`` (a table cell is also read under its
        column's unit: "13.0" under "Percent" is 13.0%)."""
        pi = self._passage_at(span.start)
        return [] if pi is None else [self.entries[k].q for k in self._passage_numbers.get(pi, ())
                                      if self.entries[k].q.span == span]

    def is_date_line(self, span: Span) -> bool:
        """Whether the figure at ``span`` stands on a line of its own ("May 21, 2026" under a report's title),
        or in a field of its own on a masthead line ("Weekly / Vol. 74 / No. 40 / October 16, 2025")."""
        start = self.text.rfind("\n", 0, span.start) + 1
        end = self.text.find("\n", span.end)
        line = self.text[start : end if end >= 0 else len(self.text)]
        figure = self.text[span.start : span.end]
        return line.strip() == figure or figure in (f.strip() for f in _MASTHEAD_FIELDS.split(line))

    def page_of(self, offset: int) -> int | None:
        return _page_of(self.document.pages, offset)

    def section_of(self, offset: int) -> str | None:
        """The heading of the section holding ``offset`` ("Results", "WHAT GAO FOUND"), if any."""
        i = bisect.bisect_right(self._heading_starts, offset) - 1
        return self._headings[i][1] if i >= 0 else None

    def _in_window(self, group: tuple[str, str], v: Decimal) -> Iterator[int]:
        values = self._by_value.get(group)
        if values:
            lo, hi = (v * (1 - CANDIDATE_WINDOW), v * (1 + CANDIDATE_WINDOW))
            if v < 0:
                lo, hi = hi, lo
            entries = self._by_group[group]
            for i in range(bisect.bisect_left(values, lo), bisect.bisect_right(values, hi)):
                if entries[i][1] not in self._scaled:
                    yield entries[i][1]

    def _candidates(self, q: Quantity) -> Iterator[int]:
        group = _group(q)
        yield from self._in_window(group, q.value)
        kind = _kind(q)
        if kind in _UNITLESS | _UNITFUL:  # the same figure, one side naming no unit
            for other in self._by_value:
                if other != group and ({kind, other[0]} & _UNITLESS) and ({kind, other[0]} & _UNITFUL):
                    yield from self._in_window(other, q.value)
        if kind == "duration" and q.unit is not None:  # "two years" for "a 24-month period"
            for (small, big), factor in _PER_UNIT.items():
                if q.unit == big:
                    yield from self._in_window(("duration", small), q.value * factor)
                elif q.unit == small:
                    yield from self._in_window(("duration", big), q.value / factor)
        if kind == "ratio" and q.denominator:  # the same rate, its base given elsewhere; or the part
            yield from self._in_window(("count", ""), q.value)  # of "312 of the 1,104" stated on its own
            if _one_of(q):  # the whole of "one of 14 state agencies"
                yield from self._in_window(("count", ""), q.denominator)
        if kind == "year":  # "in 2021" for "in November 2021"
            yield from self._in_window(("date", ""), q.value)
        if kind == "date" and _month_only(q):  # "in March" for "March 2026" or "March 2, 2026"
            yield from self._by_month.get(q.date[2:], ())
            return
        if kind == "date" and q.date:  # "Oct. 14" for "October 14, 2025", or for an end of a date range
            yield from self._by_month_day.get(q.date[-5:], ())
            if len(q.date) == 7:  # "October 2022" for an end of a date range starting or ending then
                yield from self._in_window(("date_range", ""), q.value)
                yield from self._in_window(("date_range", ""), q.value - 1)
        if kind in _SHARE_KINDS:
            stated = _stated_fraction(q)
            if self._share_keys is None:  # shares of every kind, by the fraction they state
                pairs = sorted((_share_key(self.entries[k].q), k) for k in self._shares)
                self._share_keys, self._share_ks = [v for v, _ in pairs], [k for _, k in pairs]
            if stated is None or kind == "share":
                yield from self._shares
            else:
                lo = bisect.bisect_left(self._share_keys, float(stated) * (1 - SHARE_WINDOW))
                hi = bisect.bisect_right(self._share_keys, float(stated) * (1 + SHARE_WINDOW))
                yield from self._share_ks[lo:hi]
                yield from self._vague_shares
        elif kind == "count":
            yield from self._ratio_parts.get(q.value, ())

    def _context_score(self, stems: frozenset[str], weight: float, pi: int) -> float:
        return self._share_found(stems, weight, self._stems[pi])

    def _share_found(self, stems: frozenset[str], weight: float, found: frozenset[str]) -> float:
        """The idf-weighted share of ``stems`` (of total ``weight``, see :meth:`_weight`) among ``found``."""
        if not weight:
            return 0.0
        hit = sum(self._idf.get(w, self._idf_unseen) for w in stems & found)
        return min(1.0, hit / weight)

    def _weight(self, stems: frozenset[str]) -> float:
        # idf of words unseen in this document is capped: they cannot match anywhere here
        return sum(min(self._idf.get(w, self._idf_unseen), self._idf_unseen * 0.6) for w in stems)

    def credited_in(self, sentence: str, *, acronyms: bool = True) -> bool:
        """Whether an article sentence credits this document: names its issuer or the document
        ("GAO found", "according to the Bureau of Labor Statistics", "the MMWR report") next to a
        word of attribution (a sentence about an agency is not a sentence quoting it).  Without
        ``acronyms``, a name's initials do not count (a story's sentences next to a figure name
        the bodies it is about by theirs: "ICE has also failed")."""
        return credits(self._credit_keys, sentence, acronyms=acronyms) or credits_role(self._role, sentence)

    def number_candidates(self, quantity: Quantity, context: str, *, wider: str = "") -> list[NumberLink]:
        """Every passage of this document whose number can stand behind ``quantity``, best first.

        ``context`` is the article sentence around the number; ``wider`` (optional)
        the sentences next to it.  Each candidate's ``score`` is the probability,
        from a logistic model over :data:`LINK_FEATURES`, that the passage is where
        the figure comes from; those under :data:`~claimgraph.link.NUMBER_MIN_SCORE` are kept too
        (the :class:`~claimgraph.link.Linker` applies the threshold).
        """
        out = [attrs.evolve(link, score=round(_link_probability(features), 4))
               for link, features in self.candidate_features(quantity, context, wider=wider)]
        out.sort(key=lambda lk: (-lk.score, lk.span.start))
        return out

    def candidate_features(self, quantity: Quantity, context: str, *, wider: str = ""
                           ) -> list[tuple[NumberLink, tuple[float, ...]]]:
        """Each candidate passage (score 0) with its feature vector, in the order of :data:`LINK_FEATURES`."""
        ctx = _Context.of(context, quantity, wider)
        raw: list[tuple[_Entry, str, float]] = []
        seen: set[int] = set()
        for k in self._candidates(quantity):
            if k in seen:
                continue
            seen.add(k)
            e = self.entries[k]
            rel = _relation(quantity, e.q)
            if rel is not None:
                raw.append((e, *rel))
        links = [self._direct_link(quantity, e, relation) for e, relation, _ in raw]
        rivals = _rivals_of(links, _kind(quantity) == "year")
        return [(link, self._features(quantity, ctx, e, relation, closeness, rivals))
                for link, (e, relation, closeness) in zip(links, raw)]

    def _direct_link(self, quantity: Quantity, e: _Entry, relation: str) -> NumberLink:
        """The link to document figure ``e``; ``derived`` (with its formula) when the article's figure
        is read off it through a conversion ("two years" from "a 24-month period") or a division
        (38% from "217 of the 572")."""
        shown, formula = e.q.text, None
        if _kind(quantity) == _kind(e.q) == "duration" and quantity.unit != e.q.unit:
            conv = _converted(e.q, quantity.unit)
            if conv is not None:
                shown = f"{_fmt(conv.value, 2)} {quantity.unit}s"
                formula = f"{e.q.text} = {shown}"
        elif _counted_share(quantity, e.q):
            value = e.q.value / e.q.denominator  # type: ignore[operator]
            shown = f"{_fmt(value * 100, 2)}%" if _kind(quantity) == "percent" else _fmt(value, 4)
            formula = f"{e.q.text} = {_fmt(e.q.value, 0)} / {_fmt(e.q.denominator, 0)} = {shown}"
        return NumberLink(self.doc_id, e.q.span, self.passages[e.passage], self.page_of(e.q.span.start),
                          "derived" if formula else relation, 0.0, shown, formula,
                          ((self.doc_id, e.q.span),) if formula else (), self.primary, self.section_of(e.q.span.start))

    def _co_found(self, others: tuple[Quantity, ...], pi: int, exclude: _Entry | None) -> list[bool]:
        """For each of ``others``, whether passage ``pi`` states it (``exclude`` aside)."""
        if not others:
            return []
        entries = [self.entries[j] for j in self._passage_numbers[pi] if self.entries[j] is not exclude]
        return [any(_relation(oq, e.q) for e in entries) for oq in others]

    def _co_numbers(self, others: tuple[Quantity, ...], pi: int, exclude: _Entry | None) -> float:
        found = self._co_found(others, pi, exclude)
        return sum(found) / len(found) if found else 0.0

    def context_score(self, ctx: "_Context", pi: int, exclude: _Entry | None = None) -> float:
        """0..1: how well passage ``pi`` matches the article's words, numbers, noun and years."""
        near = self._context_score(ctx.stems, self._weight(ctx.stems), pi)
        wide = self._context_score(ctx.wide_stems, self._weight(ctx.wide_stems), pi) if ctx.wide_stems else 0.0
        years = 0.0
        if ctx.years and self._years[pi]:
            years = 1.0 if ctx.years & self._years[pi] else -1.0
        co = self._co_numbers(ctx.others, pi, exclude)
        co_wide = self._co_numbers(ctx.wide_others, pi, exclude)
        return max(0.0, min(1.0, 1.5 * near + 0.5 * wide + 0.25 * co + 0.12 * co_wide + 0.05 * years))

    def _features(self, q: Quantity, ctx: "_Context", e: _Entry, relation: str, closeness: float,
                  rivals: float) -> tuple[float, ...]:
        """The feature vector of one candidate (see :data:`LINK_FEATURES`)."""
        pi = e.passage
        near = self._context_score(ctx.stems, self._weight(ctx.stems), pi)
        wide = self._context_score(ctx.wide_stems, self._weight(ctx.wide_stems), pi) if ctx.wide_stems else 0.0
        years = 0
        if ctx.years and self._years[pi]:
            years = 1 if ctx.years & self._years[pi] else -1
        if years < 0 and _same_day(q, e.q):
            years = 0  # "a Feb. 26 audit" is the report's "February 26, 2026", whatever years the sentence names
        noun = 0.0
        if ctx.noun:  # the counted noun right after the number
            after = frozenset(_content_stems(self.text[e.q.span.end : e.q.span.end + 40]))
            if e.q.noun:
                after |= frozenset(_content_stems(e.q.noun))
            noun = 1.0 if ctx.noun & after else 0.0
        kind = _kind(q)
        passage = self.passages[pi]
        # the figures of its own clause count in full ("women's rose 0.3 year, to 81.6")
        found = self._co_found(ctx.others, pi, e)
        near_co = sum(found) / len(found) if found else 0.0
        if ctx.clause_others:
            in_clause = [f for oq, f in zip(ctx.others, found) if any(oq is c for c in ctx.clause_others)]
            if in_clause:
                near_co = max(near_co, sum(in_clause) / len(in_clause))
        co = min(1.0, near_co + WIDER_WEIGHT * self._co_numbers(ctx.wide_others, pi, e))
        if ctx.local and len(ctx.stems) > 2 * len(ctx.local):  # a long sentence: its words nearest the figure count more
            local = self._context_score(ctx.local, self._weight(ctx.local), pi)
            near = LOCAL_SHARE * local + (1 - LOCAL_SHARE) * near
        words = min(1.0, near + WIDER_WEIGHT * wide)
        # nothing but the number itself matches; or a number this plain ("16-hour shifts" read off a
        # bare 16, "sickened 14 people" off any 14) shares next to no words and no figure with the passage
        plain = (kind in _UNITFUL and _kind(e.q) in _UNITLESS) or (
            kind == "count" and abs(q.value) < 100 and q.value == q.value.to_integral_value())
        no_context = not (near or wide or co or noun or years > 0) or (plain and words < 0.1 and not co)
        return (
            1.0,
            closeness,
            float(relation == "verbatim"),
            float(relation == "rounded"),
            _specificity(q),
            words,
            co,
            float(years > 0),
            float(years < 0),
            noun,
            rivals,
            float(_scoping_kind(q)),
            float(kind in _SHARE_KINDS),
            float(_is_mentioned(self.text, e.q.span)),
            float(self._negated[self._owner[pi]]),
            float(_is_table_line(self.text[passage.start : passage.end])),
            float(len(ctx.stems) < 6),
            float(no_context),
            0.0,  # credited, other_credited, outside: set by the Linker, which sees every document
            0.0,
            0.0,
            self._doc_local(ctx, e),
        )

    def _doc_local(self, ctx: "_Context", e: _Entry) -> float:
        """The doc_local feature: the idf-weighted share of the article's words nearest its figure
        (its clause's, else its sentence's) found among the words nearest the document's figure, in
        the figure's own clause of its passage ("The food index increased 3.4 percent over the last
        year" for food prices' 3.4%, not "The shelter index increased 3.4 percent ..., more than
        half of the ... all items less food and energy index")."""
        stems = ctx.local or ctx.stems
        key = (e.q.span.start, e.q.span.end)
        near = self._near_words.get(key)
        if near is None:
            # the figure's clause, read within NEAR_WINDOW characters either side (a passage thousands of
            # characters long is not scanned again for each of its figures)
            p = self.passages[e.passage]
            lo = max(p.start, e.q.span.start - NEAR_WINDOW)
            chunk = self.text[lo : min(p.end, e.q.span.end + NEAR_WINDOW)]
            start, end = e.q.span.start - lo, e.q.span.end - lo
            first, last = _clause_bounds(chunk, start, end)
            near = self._near_words[key] = _nearest_stems(_LINE_BREAK_HYPHEN.sub("", chunk[first:start]),
                                                         _LINE_BREAK_HYPHEN.sub("", chunk[end:last]))
        return self._share_found(stems, self._weight(stems), near)

    def _derived_link(self, a: _Entry, b: _Entry, score: float, shown: str, formula: str) -> NumberLink:
        return NumberLink(self.doc_id, a.q.span, self.passages[a.passage], self.page_of(a.q.span.start), "derived",
                          round(min(1.0, score), 4), shown, formula,
                          ((self.doc_id, a.q.span), (self.doc_id, b.q.span)), self.primary,
                          self.section_of(a.q.span.start))

    # -- quotes
    def locate_quote(self, quote_text: str, context: str = "") -> QuoteLink | None:
        """The passage a direct quote comes from, with its :class:`Fidelity`; ``None`` when absent.

        Candidate places come from the word index (votes of the quote's rarer words),
        then the best window is aligned word by word.  A quote of one or two words (a
        document's term in quotation marks: "desired date", "non-lead") must appear as
        written; of its places, the one whose passage best matches ``context`` (the
        article's sentence) is taken.
        """
        # words the writer put in brackets are not the speaker's: they are not looked for
        spoken = _BRACKETED.sub(" ", quote_text)
        qkeys = [m.group().lower().replace("\u2019", "'") for m in _WORD.finditer(normalize_for_match(spoken))]
        if len(qkeys) < 3:
            return self._locate_term(qkeys, quote_text, context)
        votes: Counter[int] = Counter()
        for i, key in enumerate(qkeys):
            positions = self.word_index.get(key)
            if not positions or len(positions) > 400:
                continue
            for p in positions:
                votes[(p - i) // 8] += 1
        if not votes:
            return None
        best: tuple[float, int, int] | None = None
        n = len(qkeys)
        # an ellipsis marks words left out: a sentence or two may lie between the quoted parts
        cut = ELLIPSIS_CUT_WORDS * min(2, len(_ELLIPSIS_MARK.findall(quote_text)))
        tried: set[int] = set()
        for bucket, _ in votes.most_common(4):
            lo = max(0, bucket * 8 - 12)
            if lo in tried:
                continue
            tried.add(lo)
            hi = min(len(self._tokens), bucket * 8 + n + n // 2 + 20 + cut)
            window = [t[0] for t in self._tokens[lo:hi]]
            sm = difflib.SequenceMatcher(None, qkeys, window, autojunk=False)
            blocks = [b for b in sm.get_matching_blocks() if b.size]
            if not blocks:
                continue
            blocks = _densest(blocks, n, cut)
            matched = sum(b.size for b in blocks)
            first = lo + blocks[0].b
            last = lo + blocks[-1].b + blocks[-1].size - 1
            cand = (matched / n, first, last)
            if best is None or cand[0] > best[0]:
                best = cand
        if best is None or best[0] < QUOTE_MIN_SCORE:
            return None
        score, first, last = best
        span = Span(self._tokens[first][1], self._tokens[last][2])
        passage = self._quote_passage(span)
        fidelity = quote_fidelity(quote_text, self.text[passage.start : passage.end])
        return QuoteLink(self.doc_id, span, self.page_of(span.start), fidelity, round(score, 4), passage, self.primary,
                         self.section_of(span.start))

    def _locate_term(self, qkeys: Sequence[str], quote_text: str, context: str) -> QuoteLink | None:
        """A term of one or two words in quotation marks, where the document uses it."""
        if not qkeys or not any(len(k) > 3 for k in qkeys):
            return None  # "a", "it": no term
        places = [p for p in self.word_index.get(qkeys[0], ())
                  if [t[0] for t in self._tokens[p : p + len(qkeys)]] == list(qkeys)]
        if not places:
            return None
        ctx = _Context.of_sentence(context) if context else None

        def fit(p: int) -> float:
            pi = self._passage_at(self._tokens[p][1])
            score = self.context_score(ctx, pi) if ctx is not None and pi is not None else 0.0
            # where the document sets the term apart, it names it: 'a source "for cause"', "(hatchery A)"
            start, end = self._tokens[p][1], self._tokens[p + len(qkeys) - 1][2]
            named = start > 0 and self.text[start - 1] in _TERM_OPEN and _TERM_CLOSE.match(self.text, end)
            return score + (TERM_NAMED_BONUS if named else 0.0)

        first = max(places, key=lambda p: (fit(p), -p))
        last = first + len(qkeys) - 1
        span = Span(self._tokens[first][1], self._tokens[last][2])
        passage = self._quote_passage(span)
        fidelity = quote_fidelity(quote_text, self.text[passage.start : passage.end])
        return QuoteLink(self.doc_id, span, self.page_of(span.start), fidelity, TERM_QUOTE_SCORE, passage, self.primary,
                         self.section_of(span.start))

    def _quote_passage(self, span: Span) -> Span:
        """The sentence(s) around ``span``, cut to the quotation marks it sits in, if any."""
        i = max(0, bisect.bisect_right(self._starts, span.start) - 1)
        j = max(i, bisect.bisect_right(self._starts, max(span.start, span.end - 1)) - 1)
        start = min(self.passages[i].start, span.start)
        end = max(self.passages[j].end, span.end)
        block = self.blocks[self._owner[i]]
        inner = _enclosing_quotation(self.text, block.start, self.blocks[self._owner[j]].end, span)
        if inner is not None:
            start, end = max(start, inner.start), min(end, inner.end)
        while start < end and self.text[start] in " \t\n\f":
            start += 1
        while end > start and self.text[end - 1] in " \t\n\f":
            end -= 1
        return Span(start, end)


#: How many source words an ellipsis of a quote may stand for (two ellipses: twice as many).
ELLIPSIS_CUT_WORDS = 40
_ELLIPSIS_MARK = re.compile(r"\u2026|\.\s?\.\s?\.")
#: How much more a place where the document sets a quoted term apart counts against the others.
TERM_NAMED_BONUS = 0.2
_TERM_OPEN = "\"\u201c("
_TERM_CLOSE = re.compile(r"[,.]?[\"\u201d)]")
_BRACKETED = re.compile(r"\[[^\[\]]{0,80}\]")
_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\"\u201c\u2014-]))[\"'\u201c\u2018](?=\S)")
_CLOSE = re.compile(r"(?<=\S)[\"'\u201d\u2019](?=[\s).,;:!?\]\"\u201d\u2014-]|$)")


def _enclosing_quotation(text: str, lo: int, hi: int, span: Span) -> Span | None:
    """The innermost quotation marks around ``span`` within ``[lo, hi)`` (double or single).

    Apostrophes inside words are neither opening nor closing marks.
    """
    opens = [m.start() for m in _OPEN.finditer(text, lo, span.start + 1) if m.start() < span.start]
    closes_before = [m.start() for m in _CLOSE.finditer(text, lo, span.start)]
    # walk back: an opening mark not closed before the span
    depth = 0
    events = sorted([(p, 1) for p in opens] + [(p, -1) for p in closes_before if p not in opens], reverse=True)
    opening = None
    for pos, kind in events:
        if kind == -1:
            depth += 1
        elif depth:
            depth -= 1
        else:
            opening = pos
            break
    if opening is None:
        return None
    want = {"\"": "\"\u201d", "\u201c": "\"\u201d", "'": "'\u2019", "\u2018": "'\u2019"}[text[opening]]
    for m in _CLOSE.finditer(text, span.end, hi):
        if text[m.start()] in want:
            return Span(opening + 1, m.start())
    return None


#: a word hyphenated at a line end, as text taken from a typeset PDF has it ("inspec-\ntions")
_BROKEN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019]*(?:-\n[a-z][A-Za-z0-9'\u2019]*)*")


#: The unit of time a count of some of a whole names right after it ("291 of the 366 days").
_TIME_UNIT_AFTER = re.compile(r"[ \t]+(day|week|month|year)s\b", re.IGNORECASE)
#: A margin of error's sign ("±10.2 percent", "plus or minus 0.5 percent") right before a figure.
_PLUS_MINUS = re.compile(PLUS_MINUS_SIGN + r"\s*\Z", re.I)


def _densest(blocks: list[Any], n: int, gap: int = 0) -> list[Any]:
    """Drop stray matching blocks far from the main run (a common word matched elsewhere); ``gap``
    more words may be skipped between two blocks (where the article marks a cut)."""
    if len(blocks) <= 1:
        return blocks
    best_run: list[Any] = []
    best_size = -1
    for i in range(len(blocks)):
        run = [blocks[i]]
        for b in blocks[i + 1 :]:
            prev = run[-1]
            if b.b - (prev.b + prev.size) > max(8, n) + gap:
                break
            run.append(b)
        size = sum(b.size for b in run)
        if size > best_size:
            best_run, best_size = run, size
    return best_run


def _same_day(a: Quantity, b: Quantity) -> bool:
    """Both are the same calendar day ("Feb. 26" and "February 26, 2026")."""
    if not (_is_day(a) and _is_day(b)):
        return False
    da, db = a.date or "", b.date or ""
    return len(db) == 10 and (da == db or (da.startswith("--") and da[1:] == db[4:]))  # "--02-26": no year said
