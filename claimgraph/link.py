"""Propose evidence in source documents for an article's numbers and quotes.

Three steps, each usable on its own:

1. :func:`read_document` turns a file (plain text, HTML or PDF) into a
   :class:`LoadedDocument`: its text, with page spans when the format has pages.
2. :class:`DocumentIndex` reads a document **once**: its number mentions
   (:func:`~claimgraph.quantities.find_quantities`), its passages (sentences and
   table lines), a word index and the numbers bucketed by kind and magnitude.
3. :class:`Linker` asks the indexes, for each article number, which passage
   states it, and how the article's wording relates to it (``verbatim``,
   ``rounded``, ``rehedged`` or ``derived``); for each direct quote, where it is
   and how faithful it is (:func:`quote_fidelity`).  When nothing scores above a
   threshold the answer is ``None``: *absent*, never a guess.

>>> linker = Linker({"oig": "ICE transferred more than 448,000 UCs to HHS from fiscal years 2019 to 2023. "
...                         "ICE reported more than 32,000 UCs failed to appear in court."})
>>> from claimgraph.quantities import Quantity
>>> link = linker.link_number(Quantity.parse("at least 32,000"),
...                           "At least 32,000 children did not appear in court.")
>>> link.document, link.relation, link.quantity_text
('oig', 'rehedged', 'more than 32,000')
>>> linker.link_number(Quantity.parse("8"), "Eight field offices were visited.") is None
True
>>> print(quote_fidelity("We found ICE cannot always monitor them.",
...                      "Specifically, we found ICE cannot always monitor them.").explain())
verbatim but for a dropped leading word: 'Specifically,'

Numbers in a document's leading metadata block ("TITLE: …", "DATE: …" lines closed
by a ``=====`` rule, or YAML front matter) are not evidence: see :func:`find_header`.
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from .derivations import Derivations, _Entry, _operand_kind
from .documents import LoadedDocument, _form_feed_pages, _header_title, _page_of, find_header, parse_document, read_document
from .errors import DocumentError
from .context import _CHANGED_BY, _Context
from .credit import _credit_keys, _issuer_source, _names_body, credits, credits_role, outside_speakers, role_pattern
from .fidelity import Fidelity, WordDiff, quote_fidelity
from .matching import (  # noqa: F401 (some are re-exported)
    TABLE_HEADER_CHARS,
    _COLUMN_GAP,
    _DERIVABLE_KINDS,
    _PER_UNIT,
    _SCALES,
    _SHARE_KINDS,
    _TWO_SIDED,
    _UNITFUL,
    _UNITLESS,
    _cell_readings,
    _converted,
    _counted_share,
    _fmt,
    _group,
    _hedge,
    _is_day,
    _is_mentioned,
    _is_scoping,
    _kind,
    _relation,
    _scoping_kind,
    _share_key,
    _specificity,
    _stated_fraction,
    _units_in,
)
from .passages import (  # noqa: F401
    _WORD,
    _YEAR,
    _article_sentences,
    _content_stems,
    _context_of,
    _is_headline,
    _is_section_heading,
    _is_table_line,
    _negated_blocks,
    _scan_quantities,
    _segment,
    article_context,
)
from .quantities import Quantity, find_quantities
from .spans import Span, normalize_for_match

__all__ = [
    "NUMBER_MIN_SCORE",
    "LINK_FEATURES",
    "QUOTE_MIN_SCORE",
    "LoadedDocument",
    "read_document",
    "parse_document",
    "find_header",
    "NumberLink",
    "WordDiff",
    "Fidelity",
    "QuoteLink",
    "LinkResult",
    "quote_fidelity",
    "DocumentIndex",
    "Linker",
    "article_context",
]

#: A number link whose probability (see :data:`LINK_WEIGHTS`) is below this is not proposed
#: (the number is reported absent).
NUMBER_MIN_SCORE = 0.5
#: A derived figure (see :meth:`DocumentIndex.derived_candidates`) scoring below this is not proposed.
DERIVED_MIN_SCORE = 0.57
#: A primary link that only rounds to the article's figure and scores under this is doubtful:
#: a derivation scoring at least DERIVED_OVER_ROUNDED ("12%" as $12.1 million / $97.6 million,
#: rather than an unrelated "12.1 percent") is preferred to it.
DOUBTFUL_ROUNDED = 0.7
DERIVED_OVER_ROUNDED = 0.75
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
#: How far a year, date or small count is lifted toward 1 when the passage (or block)
#: holds the figure its article sentence was linked to.
SCOPE_PASSAGE_LIFT = 0.6
SCOPE_BLOCK_LIFT = 0.25
#: A figure the article repeats takes its restatement's passage when that was linked at least this
#: well, at this share of its score.
REPEAT_MIN_SCORE = 0.6
REPEAT_FACTOR = 0.9
#: Score a year, date or small count needs when every figure of its sentence is absent
#: (a figure: anything not scoping and at least as telling as "about 6%").
ORPHAN_SCOPE_MIN_SCORE = 0.8
FIGURE_SPECIFICITY = 0.44
#: When only a secondary document (a news outlet) passes NUMBER_MIN_SCORE, a primary document
#: stating the same figure at least this well is taken as the origin the outlet relays.
RELAYED_MIN_SCORE = 0.3
#: Score multiplier for documents that are not primary (news outlets relaying a figure).
SECONDARY_FACTOR = 0.9
#: How closely each relation tells a figure: a secondary document stating the figure more closely
#: than every primary one does is its evidence (see :func:`_stated_first`).
_CLOSENESS_RANK = {"verbatim": 2, "rehedged": 2, "rounded": 1, "derived": 0}


def _stated_first(found: list[NumberLink], credited: Callable[[str], bool] = lambda doc: False) -> list[NumberLink]:
    """Links ordered primary first, except that a secondary document's link comes first when it
    states the figure more closely than the best primary link does and scores better, counted at
    SECONDARY_FACTOR: "up from 12% in 2019" in a development group's statement, not a report's
    unrelated "11.6 percent".  Against a primary figure computed from two of the document's
    ("65%" as 291,000 / 448,000), the secondary document must also be the one the sentence credits
    (``credited(doc_id)``): an outlet relaying that share is not its origin.  A primary document
    stating the figure as closely stays first."""
    if not found or not found[0].primary:
        return found
    head = found[0]
    rank = _CLOSENESS_RANK.get(head.relation, 0)
    computed = head.relation == "derived" and len(head.operands) > 1
    for i, lk in enumerate(found):
        if not lk.primary and _CLOSENESS_RANK.get(lk.relation, 0) > rank and lk.score * SECONDARY_FACTOR > head.score \
                and (not computed or credited(lk.document)):
            return [lk] + found[:i] + found[i + 1 :]
    return found
    head = found[0]
    rank = _CLOSENESS_RANK.get(head.relation, 0)
    for i, lk in enumerate(found):
        if not lk.primary and _CLOSENESS_RANK.get(lk.relation, 0) > rank and lk.score * SECONDARY_FACTOR > head.score:
            return [lk] + found[:i] + found[i + 1 :]
    return found


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


@attrs.frozen
class LinkResult:
    """One article item and its proposed evidence (``link`` is ``None`` when absent)."""

    kind: str  # "number" | "quote"
    span: Span | None
    text: str
    link: NumberLink | QuoteLink | None
    alternatives: tuple[NumberLink | QuoteLink, ...] = ()


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
#: says the article's sentence (outside: an interviewee's figure, see :func:`outside_speakers`).
LINK_FEATURES = ("bias", "closeness", "verbatim", "rounded", "specificity", "words",
                 "co_numbers", "years_agree", "years_conflict", "noun", "rivals",
                 "scoping_kind", "share_kind", "mentioned", "negated", "table_line", "short_context", "no_context",
                 "credited", "other_credited", "outside")
#: How much the article sentences next to a number count, against its own sentence's.
WIDER_WEIGHT = 0.3
#: Logistic weights over :data:`LINK_FEATURES`, fitted on the 23 labelled cases of
#: ``tests/corpus/linking`` and ``tests/corpus/linking-holdout`` by ``benchmarks/fit_linking.py
#: --split all --corpus …`` (which prints this table); the later held-out corpora
#: (``tests/corpus/linking-holdout2`` to ``-holdout11``) are not fitted on (see docs/linking.md).
LINK_WEIGHTS = (
    -3.204,  # bias
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
    -1.000,  # outside  (set by hand)
)

_RIVALS = LINK_FEATURES.index("rivals")
_CREDITED = LINK_FEATURES.index("credited")


def _rivals(passages: int) -> float:
    return math.log(passages) if passages > 1 else 0.0


def _rivals_of(links: Iterable[NumberLink]) -> float:
    """The rivals feature: the passages (of every document) stating a compatible number as such;
    a figure read through a conversion or a division is no rival of the ones stated."""
    return _rivals(len({(lk.document, lk.passage) for lk in links if lk.relation != "derived"}))


def _link_probability(features: Sequence[float]) -> float:
    z = sum(w * f for w, f in zip(LINK_WEIGHTS, features))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


#: A number of years read as the span between two years of a sibling figure's passage
#: scores this much of that figure's link.
YEAR_SPAN_FACTOR = 0.85
class DocumentIndex(Derivations):
    """One document read once for linking: numbers, passages, a word index, numbers by magnitude.

    ``doc`` is a :class:`LoadedDocument` or plain text.  ``primary`` says whether the
    document is a primary origin of what it states (a report, a release) rather than
    a news outlet relaying it; ``issuer`` is informative.  With ``skip_header`` (the
    default) a leading metadata block (:func:`find_header`) is not searched.

    >>> idx = DocumentIndex("r", "DATE:  2024\\nNUMBER:  OIG-24-46\\n==========\\nICE reported 32,000 UCs.")
    >>> [e.q.text for e in idx.entries]
    ['32,000']
    """

    def __init__(self, doc_id: str, doc: LoadedDocument | str, *, primary: bool = True,
                 issuer: str | None = None, skip_header: bool = True) -> None:
        if isinstance(doc, str):
            doc = LoadedDocument(None, doc, "text", _form_feed_pages(doc), _header_title(doc))
        self.doc_id = doc_id
        self.document = doc
        self.text = text = doc.text
        self.primary = primary
        self.issuer = issuer if issuer is not None else (doc.metadata or {}).get("issuer")
        self._credit_keys = _credit_keys(self.issuer or "", doc.title or "")
        self._stating_cache: dict[Any, frozenset[int]] = {}  # article figure -> the numbers stating it
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
        for m in _WORD.finditer(text, body):
            key = m.group().lower().replace("\u2019", "'")
            self.word_index[key].append(len(self._tokens))
            self._tokens.append((key, m.start(), m.end()))
        self._stems: list[frozenset[str]] = []
        self._years: list[frozenset[str]] = []
        df: Counter[str] = Counter()
        self._postings: dict[str, list[int]] = defaultdict(list)
        for p in self.passages:
            chunk = text[p.start : p.end]
            stems = frozenset(_content_stems(chunk))
            self._stems.append(stems)
            self._years.append(frozenset(_YEAR.findall(chunk)))
            df.update(stems)
            for w in stems:
                self._postings[w].append(len(self._stems) - 1)
        n = max(1, len(self.passages))
        self._idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self._idf_unseen = math.log((n + 1) / 0.5)
        self._negated = _negated_blocks(text, self.blocks)
        # numbers
        self.entries: list[_Entry] = []
        self._by_group: dict[tuple[str, str], list[tuple[Decimal, int]]] = defaultdict(list)
        self._shares: list[int] = []
        self._share_keys: list[float] | None = None  # built on first use
        self._share_ks: list[int] = []
        self._ratio_parts: dict[Decimal, list[int]] = defaultdict(list)
        self._passage_numbers: dict[int, list[int]] = defaultdict(list)
        self._by_month_day: dict[str, list[int]] = defaultdict(list)
        self._cells: dict[int, list[int]] = defaultdict(list)  # entry -> its readings under the column's unit
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
            if _kind(q) == "count" and _hedge(q) == "exact" and q.high is None and q.noun is None:
                units = self._table_units(pi, q)
                for reading in _cell_readings(q, units):
                    self._cells[k].append(self._add_entry(reading, pi))
                if units & _SCALES.keys():
                    self._scaled.add(k)  # "168,421" under "Thousands" is not 168,421
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

    def _table_units(self, pi: int, q: Quantity) -> frozenset[str]:
        """Units a table cell may carry, from its column header ("Amount ($ millions)", "Percent
        change") or, when the header names none, the table's caption ("Billions of Dollars");
        empty for prose."""
        span = self.passages[pi]
        if not _is_table_line(self.text[span.start : span.end]):
            return frozenset()
        b = self._owner[pi]
        top = self._table_top.get(b - 1, b) if b else b  # rows of one table are consecutive blocks
        self._table_top[b] = top
        first = self.blocks[top].start
        head = self.text[max(0, first - TABLE_HEADER_CHARS) : first]
        lines = head.split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        header: list[str] = []  # the column heads right above the rows, one or more lines
        while lines and _COLUMN_GAP.search(lines[-1].strip()):
            header.insert(0, lines.pop())
        column = ""
        if header:
            line_start = self.text.rfind("\n", 0, q.span.start) + 1
            lo, hi = q.span.start - line_start, q.span.end - line_start
            parts = []
            rows = [[(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", line)] for line in header]
            widest = max(len(cells) for cells in rows)
            for line, cells in zip(header, rows):  # a stacked head ("Poor / bridges, / 2025") is read down
                over = [c for c in cells if c[0] < hi and lo < c[1]]
                if not over and len(cells) < widest:  # a group head spans the columns to its right
                    over = [c for c in cells if c[0] < hi]
                if over:
                    parts.append(line[over[-1][0] : over[-1][1]])
            if not parts:
                cells = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", header[-1])]
                if cells:
                    parts.append(header[-1][slice(*min(cells, key=lambda c: abs(c[1] - hi)))])
            column = " ".join(parts)
        own = _units_in(column.lower())
        if own:
            return own | (_units_in(head.lower()) & {"dollar"} if own & _SCALES.keys() else frozenset())
        return _units_in("\n".join(lines).lower())

    def __repr__(self) -> str:
        return (f"<DocumentIndex {self.doc_id!r} · {len(self.passages)} passages · {len(self.entries)} numbers"
                f"{'' if self.primary else ' · secondary'}>")

    # -- lookups
    def _passage_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.passages[i].end:
            return i
        return None

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
        if kind == "date" and q.date:  # "Oct. 14" for "October 14, 2025", or for an end of a date range
            yield from self._by_month_day.get(q.date[-5:], ())
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
        if not weight:
            return 0.0
        hit = sum(self._idf.get(w, self._idf_unseen) for w in stems & self._stems[pi])
        return min(1.0, hit / weight)

    def _weight(self, stems: frozenset[str]) -> float:
        # idf of words unseen in this document is capped: they cannot match anywhere here
        return sum(min(self._idf.get(w, self._idf_unseen), self._idf_unseen * 0.6) for w in stems)

    def credited_in(self, sentence: str) -> bool:
        """Whether an article sentence credits this document: names its issuer or the document
        ("GAO found", "according to the Bureau of Labor Statistics", "the MMWR report") next to a
        word of attribution (a sentence about an agency is not a sentence quoting it)."""
        return credits(self._credit_keys, sentence) or credits_role(self._role, sentence)

    def number_candidates(self, quantity: Quantity, context: str, *, wider: str = "") -> list[NumberLink]:
        """Every passage of this document whose number can stand behind ``quantity``, best first.

        ``context`` is the article sentence around the number; ``wider`` (optional)
        the sentences next to it.  Each candidate's ``score`` is the probability,
        from a logistic model over :data:`LINK_FEATURES`, that the passage is where
        the figure comes from; those under :data:`NUMBER_MIN_SCORE` are kept too
        (the :class:`Linker` applies the threshold).
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
        rivals = _rivals_of(links)
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
        )

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
        tried: set[int] = set()
        for bucket, _ in votes.most_common(4):
            lo = max(0, bucket * 8 - 12)
            if lo in tried:
                continue
            tried.add(lo)
            hi = min(len(self._tokens), bucket * 8 + n + n // 2 + 20)
            window = [t[0] for t in self._tokens[lo:hi]]
            sm = difflib.SequenceMatcher(None, qkeys, window, autojunk=False)
            blocks = [b for b in sm.get_matching_blocks() if b.size]
            if not blocks:
                continue
            blocks = _densest(blocks, n)
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
            return self.context_score(ctx, pi) if ctx is not None and pi is not None else 0.0

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


def _densest(blocks: list[Any], n: int) -> list[Any]:
    """Drop stray matching blocks far from the main run (a common word matched elsewhere)."""
    if len(blocks) <= 1:
        return blocks
    best_run: list[Any] = []
    best_size = -1
    for i in range(len(blocks)):
        run = [blocks[i]]
        for b in blocks[i + 1 :]:
            prev = run[-1]
            if b.b - (prev.b + prev.size) > max(8, n):
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


# ---------------------------------------------------------------------------
# Linking an article
# ---------------------------------------------------------------------------


class Linker:
    """Link an article's numbers and quotes to a set of documents.

    ``documents`` maps document ids to :class:`LoadedDocument` or text (each is
    indexed once, as primary), or is an iterable of ready :class:`DocumentIndex`
    objects (to say which are primary).  Primary documents are preferred: a
    secondary document (a news outlet) is proposed only when no primary document
    has the figure; :meth:`number_links` lists every candidate document.
    """

    def __init__(self, documents: Mapping[str, LoadedDocument | str] | Iterable[DocumentIndex]) -> None:
        if isinstance(documents, Mapping):
            self.indexes = [DocumentIndex(doc_id, doc) for doc_id, doc in documents.items()]
        else:
            self.indexes = list(documents)
        ids = [ix.doc_id for ix in self.indexes]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise DocumentError(f"document id {dupes[0]!r} is used twice", hint="give every document its own id")
        self._by_id = {ix.doc_id: ix for ix in self.indexes}

    def __repr__(self) -> str:
        return f"<Linker {len(self.indexes)} documents>"

    def candidate_features(self, quantity: Quantity, context: str, wider: str = "", outside: bool = False
                           ) -> dict[str, list[tuple[NumberLink, tuple[float, ...]]]]:
        """Each document's candidates with their feature vectors, including the features that
        compare documents: the rival passages of all of them, which ones the article credits,
        and whether the sentence is a person's none of them speaks for (``outside``, from
        :meth:`outside_sentences`)."""
        per_doc = {ix.doc_id: ix.candidate_features(quantity, context, wider=wider) for ix in self.indexes}
        # a figure read through a conversion or a division is no rival of the ones stated as such
        rivals = _rivals_of(lk for cands in per_doc.values() for lk, _ in cands)
        credited = {ix.doc_id: ix.credited_in(context) for ix in self.indexes}
        telling = any(credited.values()) and not all(credited.values())  # naming sets documents apart
        out: dict[str, list[tuple[NumberLink, tuple[float, ...]]]] = {}
        # the passages of the documents the sentence credits are the only rivals of their own
        # (but for a bare year, which every document of the season states)
        bare_year = _kind(quantity) in ("year", "year_range")
        credited_rivals = _rivals_of(lk for d, cands in per_doc.items() if credited[d] for lk, _ in cands)
        for doc_id, cands in per_doc.items():
            credit = (float(credited[doc_id]), float(not credited[doc_id])) if telling else (0.0, 0.0)
            r = credited_rivals if telling and credited[doc_id] and not bare_year else rivals
            out[doc_id] = [(link, features[:_RIVALS] + (r,) + features[_RIVALS + 1 : _CREDITED] + credit
                            + (float(outside),)) for link, features in cands]
        return out

    def outside_sentences(self, text: str) -> list[Span]:
        """The sentences of an article that a named person none of the documents speaks for says
        (:func:`~claimgraph.credit.outside_speakers`): their figures are seldom the documents'."""
        return outside_speakers(text, [(f"{ix.issuer or ''} {ix.document.title or ''}", ix._credit_keys)
                                       for ix in self.indexes])

    def said_outside(self, text: str, quantities: Sequence[Quantity]) -> list[bool]:
        """For each of an article's numbers, whether it sits in one of :meth:`outside_sentences`
        (the ``outside`` argument of :meth:`number_links` and :meth:`candidate_features`)."""
        said = self.outside_sentences(text) if quantities else []
        return [q.span is not None and any(s.start <= q.span.start < s.end for s in said) for q in quantities]

    def _direct(self, quantity: Quantity, context: str, wider: str = "", outside: bool = False
                ) -> dict[str, list[NumberLink]]:
        """Each document's direct candidates, best first, scored with :meth:`candidate_features`."""
        out: dict[str, list[NumberLink]] = {}
        for doc_id, cands in self.candidate_features(quantity, context, wider, outside).items():
            links = [attrs.evolve(link, score=round(_link_probability(features), 4)) for link, features in cands]
            links.sort(key=lambda lk: (-lk.score, lk.span.start))
            out[doc_id] = links
        return out

    def number_links(self, quantity: Quantity, context: str, *, all_quantities: Sequence[Quantity] = (),
                     wider: str = "", min_score: float | None = None, outside: bool = False) -> list[NumberLink]:
        """The best link in each document, preferred first: direct statements of the figure,
        or, when no document states it, ways to derive it from figures they do state.

        Order: primary documents before secondary ones, then by score.  ``wider``
        is optional text around the sentence (the sentences before and after it); ``outside``
        says a person none of the documents speaks for says the sentence (:meth:`outside_sentences`).
        """
        threshold = NUMBER_MIN_SCORE if min_score is None else min_score
        found: list[NumberLink] = []
        direct_links = self._direct(quantity, context, wider, outside)
        for direct in direct_links.values():
            if direct and direct[0].score >= threshold:
                found.append(direct[0])
        if found and not any(lk.primary for lk in found):
            # a news outlet relays a document: a primary one stating the same figure is its origin
            relayed = [lk for links in direct_links.values() for lk in links[:1]
                       if lk.primary and lk.relation in ("verbatim", "rehedged") and lk.score >= RELAYED_MIN_SCORE]
            found += sorted(relayed, key=lambda lk: -lk.score)[:1]
        primary = [lk for lk in found if lk.primary]
        # a figure only loosely matched by a rounder one may rather be computed from exact ones; and a
        # share set right after the figure it is a share of ("$33.9 million, more than a third of the
        # total") is computed from that figure, however well a rounder statement elsewhere matches
        apposed = _kind(quantity) in _SHARE_KINDS and _Context.of(context, quantity, wider).apposed is not None
        doubtful = bool(primary) and all(lk.relation == "rounded" and (apposed or lk.score < DOUBTFUL_ROUNDED)
                                         for lk in primary)
        if (not primary or doubtful) and _kind(quantity) in _DERIVABLE_KINDS:
            # a figure no primary document states may have been computed from figures one does
            derivations = []
            for ix in self.indexes:
                if found and not ix.primary:
                    continue
                derived = ix.derived_candidates(quantity, context, all_quantities, wider=wider)
                least = DERIVED_OVER_ROUNDED if doubtful and not apposed else DERIVED_MIN_SCORE
                if derived and derived[0].score >= least:
                    derivations.append(derived[0])
            if doubtful and derivations:
                derivations.sort(key=lambda lk: -lk.score)
                return derivations + found
            found += derivations
        found.sort(key=lambda lk: (not lk.primary, -lk.score * (1 if lk.primary else SECONDARY_FACTOR)))
        return _stated_first(found, lambda doc: self._by_id[doc].credited_in(context))

    def link_numbers(self, text: str, quantities: Sequence[Quantity]) -> list[list[NumberLink]]:
        """The links of every number of an article (best first; empty when absent), read together.

        Each number is first linked on its own (:meth:`number_links`, with its
        sentence and the sentences around it).  Then years, dates, durations and small
        counts are re-read beside the figures of their sentence (:meth:`_rescope`),
        and a figure in a headline that found no passage takes the passage its
        restatement in the story (the same figure, or a precise one it rounds) was linked to.
        """
        quantities = list(quantities)
        sentences = _article_sentences(text)
        starts = [s.start for s in sentences]
        contexts = [(*_context_of(text, sentences, q.span), said) if q.span is not None else (q.text, "", False)
                    for q, said in zip(quantities, self.said_outside(text, quantities))]
        where = [bisect.bisect_right(starts, q.span.start) - 1 if q.span is not None else -1 for q in quantities]
        first = [self.number_links(q, c, all_quantities=quantities, wider=w, outside=o)
                 for q, (c, w, o) in zip(quantities, contexts)]
        out: list[list[NumberLink]] = []
        for i, q in enumerate(quantities):
            links = first[i]
            if _is_scoping(q) and where[i] >= 0:
                siblings = [j for j in range(len(quantities)) if j != i and where[j] == where[i]]
                # the nearest figure of the sentence first: "5% ..., even after a record 21.4 million
                # people signed up for 2024 coverage" scopes 21.4 million, not 5%
                siblings.sort(key=lambda j: abs(quantities[j].span.start - q.span.start))
                anchors = [first[j][0] for j in siblings if first[j]]
                # the other passages stating a sibling figure well ("climb 2.3% in 2026" beside a
                # table row giving 2.3): the year may scope the figure there
                restated = [lk for j in siblings if first[j] and not _is_scoping(quantities[j])
                            for lk in self._direct(quantities[j], *contexts[j])[first[j][0].document][1:]
                            if lk.score >= NUMBER_MIN_SCORE and lk.relation != "derived"]
                links = self._rescope(q, contexts[i], anchors,
                                      any(_specificity(quantities[j]) >= FIGURE_SPECIFICITY and not _is_scoping(quantities[j])
                                          for j in siblings), restated)
                if not links:  # "roughly four for every vacancy": computed, not stated beside a sibling
                    links = [lk for lk in first[i] if lk.relation == "derived" and lk.formula and len(lk.operands) > 1]
            out.append(links)
        for i, q in enumerate(quantities):
            if _is_scoping(q) or where[i] < 0:
                continue  # "more than a third of young vapers – 38.4% –": the exact figure beside it
            beside = [(other, out[j][0]) for j, other in enumerate(quantities)
                      if j != i and where[j] == where[i] and out[j] and _specificity(other) > _specificity(q)]
            followed = self._restated(q, contexts[i], beside, out[i][0] if out[i] else None)
            if followed is not None:
                out[i] = [followed]
        for i, q in enumerate(quantities):
            if out[i] or _is_scoping(q) or not _is_headline(contexts[i][0]):
                continue  # a headline figure: its restatement in the story ("nearly $100 million")
            told = [(other, out[j][0]) for j, other in enumerate(quantities)
                    if j != i and out[j] and _kind(other) == _kind(q)]
            followed = self._restated(q, contexts[i], told, None)
            if followed is not None:
                out[i] = [followed]
        return out

    def _restated(self, q: Quantity, context: tuple[str, str, bool], others: Sequence[tuple[Quantity, NumberLink]],
                  current: NumberLink | None) -> NumberLink | None:
        """``q``'s link in the passage of the first of ``others`` (an article figure and its link)
        that ``q`` restates, the same figure or a rounder telling of it; None when there is none,
        or when ``q`` is already linked there."""
        for other, best in others:
            if best.relation == "derived" or best.score < REPEAT_MIN_SCORE or _relation(q, other) is None:
                continue
            if current is not None and (current.document, current.passage) == (best.document, best.passage):
                return None
            same = [lk for lk in self._direct(q, *context)[best.document] if lk.passage == best.passage]
            if same:
                return attrs.evolve(same[0], score=round(max(same[0].score, best.score * REPEAT_FACTOR), 4))
        return None

    def _rescope(self, q: Quantity, context: tuple[str, str, bool], anchors: Sequence[NumberLink],
                 strong_siblings: bool, restated: Sequence[NumberLink] = ()) -> list[NumberLink]:
        """Links for a year, date, duration or small count, read with the figures beside it.

        Such a number scopes the figure it stands next to ("79,384 deaths in 2024"), so
        its evidence is the passage that gives that figure: candidates in a passage
        (or block) where a sibling number of the same article sentence was linked are
        raised, the nearest sibling's first; then those in the other passages that state a
        sibling well (``restated``: "climb 2.3% in 2026" beside the table row the 2.3% was
        linked to); when the sentence's specific figures were all found absent, the
        scoping number needs a strong match of its own to be linked.
        """
        # each raised passage with its rank: the anchors' by nearness, then a range's or a date's
        # year (len(anchors)), then the restatements; unraised passages come last
        ranks: dict[tuple[str, int], int] = {}
        for rank, a in enumerate(anchors):
            ranks.setdefault((a.document, a.passage.start), rank)
        for rank, a in enumerate(restated, start=len(anchors) + 1):
            ranks.setdefault((a.document, a.passage.start), rank)
        unraised = len(anchors) + len(restated) + 1
        blocks = {(a.document, ix._owner[pi]) for a, ix, pi in self._anchor_passages(anchors)}
        # a day ("the Oct. 16, 2024, deadline") is a fact of its own, not only a scope
        threshold = NUMBER_MIN_SCORE if anchors or not strong_siblings or _is_day(q) else ORPHAN_SCOPE_MIN_SCORE
        found: list[tuple[float, int, NumberLink]] = []
        direct = self._direct(q, *context)
        for ix in self.indexes:
            for lk in direct[ix.doc_id]:
                pi = ix._passage_at(lk.span.start)
                rank = ranks.get((lk.document, lk.passage.start), unraised)
                lift = (SCOPE_PASSAGE_LIFT if rank < unraised
                        else SCOPE_BLOCK_LIFT if pi is not None and (lk.document, ix._owner[pi]) in blocks else 0.0)
                score = round(lk.score + (1 - lk.score) * lift, 4)
                if score >= threshold:
                    found.append((lift, rank, attrs.evolve(lk, score=score)))
        if _kind(q) == "year" and not any(rank < len(anchors) for _, rank, _ in found):
            # "up 330% since 2019" beside "During 2019-2025, ... increased 330%": an end of the range;
            # "at the start of 2025" beside "the January 1, 2025, inventory": the year of a day
            found += [(SCOPE_PASSAGE_LIFT, len(anchors), lk) for lk in self._years_within(q, anchors)
                      if lk.score >= threshold]
        # a candidate beside the sentence's figure comes first, however well another one scores
        found.sort(key=lambda x: (-x[0], x[1], not x[2].primary, -x[2].score * (1 if x[2].primary else SECONDARY_FACTOR),
                                  x[2].span.start))
        best: dict[str, NumberLink] = {}
        for _, _, lk in found:  # the best link in each document, as number_links gives
            best.setdefault(lk.document, lk)
        if not best and _kind(q) == "duration" and q.unit == "year":
            for lk in self._year_spans(q, anchors):
                if lk.score >= threshold:
                    best.setdefault(lk.document, lk)
        return list(best.values())

    def _anchor_passages(self, anchors: Iterable[NumberLink]) -> Iterator[tuple[NumberLink, DocumentIndex, int]]:
        """Each anchor (a sibling figure's link) with its document index and passage number."""
        for a in anchors:
            ix = self._by_id.get(a.document)
            pi = ix._passage_at(a.span.start) if ix is not None else None
            if pi is not None:
                yield a, ix, pi

    def _years_within(self, q: Quantity, anchors: Sequence[NumberLink]) -> Iterator[NumberLink]:
        """A year as an end of a range of years ("2019-2025", "from 2019 to 2020") or as the year
        written in a date ("January 1, 2025") in the passage a sibling figure of its sentence was
        linked to, scored from that link."""
        for a, ix, pi in self._anchor_passages(anchors):
            for k in ix._passage_numbers[pi]:
                e = ix.entries[k]
                kind = _kind(e.q)
                if kind in ("year_range", "date", "date_range") and q.value in (e.q.value, e.q.high):
                    yield attrs.evolve(ix._direct_link(q, e, "verbatim"), score=round(a.score * YEAR_SPAN_FACTOR, 4))
                    break

    def _year_spans(self, q: Quantity, anchors: Sequence[NumberLink]) -> Iterator[NumberLink]:
        """A number of years ("lost 129 positions over five years") as the span between two years
        the passage of a sibling figure gives ("from fiscal year 2019 through fiscal year 2024")."""
        # "over five years" is mostly "during": the hedge may be read as "more than"
        if q.value != q.value.to_integral_value() or not 0 < q.value <= 100 \
                or _hedge(q) not in _TWO_SIDED | {"more_than", "at_least"}:
            return
        for a, ix, pi in self._anchor_passages(sorted(anchors, key=lambda lk: -lk.score)):
            if a.score < NUMBER_MIN_SCORE:
                continue
            years: dict[Decimal, _Entry] = {}
            for k in ix._passage_numbers[pi]:
                e = ix.entries[k]
                if _kind(e.q) == "year":
                    years.setdefault(e.q.value, e)
                elif _kind(e.q) == "year_range" and e.q.high is not None and e.q.high - e.q.value == q.value:
                    shown = _fmt(q.value, 0)  # "from fiscal year 2019 through fiscal year 2024"
                    yield ix._derived_link(e, e, a.score * YEAR_SPAN_FACTOR, shown,
                                           f"{int(e.q.high)} - {int(e.q.value)} = {shown} year{'s' if q.value != 1 else ''}")
                    return
            for y1, e1 in sorted(years.items()):
                e2 = years.get(y1 + q.value)
                if e2 is not None:
                    shown = _fmt(q.value, 0)
                    yield ix._derived_link(e2, e1, a.score * YEAR_SPAN_FACTOR, shown,
                                           f"{e2.q.text} - {e1.q.text} = {shown} year{'s' if q.value != 1 else ''}")
                    return

    def link_number(self, quantity: Quantity, context: str, *, all_quantities: Sequence[Quantity] = (),
                    wider: str = "") -> NumberLink | None:
        """The preferred evidence for one article number, or ``None`` (absent).

        ``context`` is the article sentence holding the number; ``all_quantities``
        the article's other numbers (operands for derived figures); ``wider`` the
        sentences around it (optional, counted half).
        """
        links = self.number_links(quantity, context, all_quantities=all_quantities, wider=wider)
        return links[0] if links else None

    def quote_links(self, quote_text: str, context: str = "") -> list[QuoteLink]:
        """Every document holding the quote, primary first, then by score (``context``: the
        article's sentence, which places a quoted term of one or two words)."""
        found = [lk for lk in (ix.locate_quote(quote_text, context) for ix in self.indexes) if lk is not None]
        found.sort(key=lambda lk: (not lk.primary, -lk.score, -lk.fidelity.similarity))
        return found

    def link_quote(self, quote_text: str, context: str = "") -> QuoteLink | None:
        """Where a direct quote comes from (best match, primary documents first), or ``None``."""
        links = self.quote_links(quote_text, context)
        if not links:
            return None
        top = max(lk.score for lk in links)
        good = [lk for lk in links if lk.score >= top - 0.1]
        # words one document quotes from another ("USPS said the change 'would delay savings ...'",
        # which GAO's report also quotes): the document of the body the sentence credits
        credited = [lk for lk in good if context and self._by_id[lk.document].credited_in(context)]
        return credited[0] if credited and len(credited) < len(good) else good[0]

    def link_all(self, text: str, quantities: Sequence[Quantity] | None = None,
                 quotes: Iterable[str | Span | tuple[int, int] | Any] = ()) -> list[LinkResult]:
        """Link every number (``find_quantities(text)`` when ``quantities`` is None) and quote of an article.

        ``quotes`` items are quote texts, spans (or ``(start, end)`` pairs) into
        ``text``, or objects with ``start``/``end``.  Numbers come first, in text
        order, then quotes.
        """
        if quantities is None:
            quantities = find_quantities(text)
        quantities = list(quantities)
        results = [LinkResult("number", q.span, q.text, links[0] if links else None, tuple(links[1:]))
                   for q, links in zip(quantities, self.link_numbers(text, quantities))]
        sentences: list[Span] | None = None
        for item in quotes:
            span: Span | None
            if isinstance(item, str):
                at = text.find(item)
                span = Span(at, at + len(item)) if at != -1 else None
                quote = item
            elif isinstance(item, Span):
                span, quote = item, item.of(text)
            elif isinstance(item, tuple):
                span = Span(*item)
                quote = span.of(text)
            else:
                span = Span(item.start, item.end)
                quote = span.of(text)
            if sentences is None:  # the article's sentences, read once for all its quotes
                sentences = _article_sentences(text)
            sentence = _context_of(text, sentences, span)[0] if span is not None and span.end <= len(text) else ""
            links = self.quote_links(quote, sentence)
            best = self.link_quote(quote, sentence) if links else None
            results.append(LinkResult("quote", span, quote, best, tuple(lk for lk in links if lk is not best)))
        return results


# ---------------------------------------------------------------------------
# Linking a whole claim graph
# ---------------------------------------------------------------------------

_EVIDENCE_RELATION = {"verbatim": "verbatim", "rounded": "rounded", "rehedged": "rehedged", "derived": "derived"}


def link_graph(graph: Any, *, min_score: float = 0.0) -> list[LinkResult]:
    """Propose evidence for every number and direct quote of ``graph`` from its documents.

    Adds :class:`~claimgraph.model.Evidence` with ``origin="linker"`` and the link's
    score; a quantity or quote that already has evidence (a person's own links) is
    left alone.  Returns one :class:`LinkResult` per item looked at, ``link=None``
    when absent.  Documents are indexed once.  ``min_score`` above
    :data:`NUMBER_MIN_SCORE` proposes fewer number links, and fewer wrong ones
    (docs/linking.md gives the trade-off measured on the corpora).
    """
    from .model import Evidence

    issuers = {s.id: "; ".join((s.name, *s.aliases)) for s in graph.sources}
    linker = Linker([DocumentIndex(d.id, d.text, primary=d.primary, issuer=issuers.get(d.source or ""))
                     for d in graph.documents])
    texts = {d.id: d.text for d in graph.documents}
    every = [q.to_quantity() for _, q in graph.quantities()]
    results: list[LinkResult] = []
    taken = {e.id for e in graph.evidence}

    def add(claim: Any, link: Any, quantity_id: str | None, relation: str, suffix: str) -> None:
        span = link.passage or link.span
        ident = f"{quantity_id or claim.id}/{suffix}"
        n = 2
        while ident in taken:
            ident, n = f"{quantity_id or claim.id}/{suffix}{n}", n + 1
        taken.add(ident)
        graph.add_evidence(Evidence(
            id=ident, claim=claim.id, document=link.document, quantity=quantity_id,
            start=span.start, end=span.end, text=span.of(texts[link.document]), relation=relation,
            page=link.page, section=link.section, origin="linker", score=round(min(1.0, max(0.0, link.score)), 4),
        ))

    sentences = _article_sentences(graph.article.text)
    # every number of the article is linked together (sentences, repeated figures)
    linked = linker.link_numbers(graph.article.text, every) if every else []
    by_mention = {q.id: links for (_, q), links in zip(graph.quantities(), linked)}
    for claim in graph.claims:
        for q in claim.quantities:
            if graph.evidence_for(claim.id, quantity=q.id):
                continue
            links = by_mention.get(q.id) or []
            link = links[0] if links and links[0].score >= min_score else None
            results.append(LinkResult("number", q.span, q.text, link))
            if link is not None:
                add(claim, link, q.id, _EVIDENCE_RELATION.get(link.relation, "paraphrase"), "auto")
        if claim.quotes and not any(e.relation == "quoted" for e in graph.evidence_for(claim.id)):
            for quote in claim.quotes:
                sentence = _context_of(graph.article.text, sentences, quote.span)[0] if quote.span is not None else ""
                link = linker.link_quote(quote.text, sentence)
                results.append(LinkResult("quote", quote.span, quote.text, link))
                if link is not None:
                    add(claim, link, None, "quoted", "quote")
    return results


def document_from_file(path: str | Path, *, doc_id: str | None = None, primary: bool = True,
                       source: str | None = None) -> Any:
    """A :class:`~claimgraph.model.Document` read with :func:`read_document` (text, HTML or PDF),
    with the title, date, number and url the file gives about itself (its header block, HTML
    ``<meta>`` tags or PDF metadata)."""
    return _document(read_document(path), path, doc_id, primary, source)


def _document(loaded: LoadedDocument, path: str | Path, doc_id: str | None, primary: bool, source: str | None) -> Any:
    from .model import Document

    meta = loaded.metadata
    stem = Path(path).stem
    ident = doc_id or (re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") or "document")
    return Document(id=ident, title=loaded.title or stem, primary=primary, text=loaded.text, path=str(path),
                    source=source, date=meta.get("date"), url=meta.get("url"), number=meta.get("number"))


def add_document_file(graph: Any, path: str | Path, *, doc_id: str | None = None, primary: bool = True) -> Any:
    """Read a file into ``graph`` as a document (see :func:`document_from_file`) and credit it
    to its issuer.

    The issuer the file names ("ISSUING BODY: U.S. Department of Homeland Security, Office
    of Inspector General (DHS OIG)") is matched to the graph's sources by name, acronym or
    role; when none is an organisation, one is added.  Other sources naming the same body
    (a report called "the DHS OIG report", a person whose role is "DHS Inspector General")
    are recorded as speaking for it, so the attribution check can tell whether the credited
    source is where the evidence really is.
    """
    from .errors import GraphError

    loaded = read_document(path)
    issuer = loaded.metadata.get("issuer")
    source = _issuer_source(graph, issuer) if issuer else None
    doc = _document(loaded, path, doc_id, primary, source)
    graph.add_document(doc)
    if source is not None:
        for other in graph.sources:
            if other.id != source and other.affiliation is None and _names_body(other, issuer):
                try:
                    graph.affiliate(other.id, source)
                except GraphError:  # already speaks for someone else, or would go round in a circle
                    pass
    return doc


__all__ += ["link_graph", "document_from_file", "add_document_file"]
