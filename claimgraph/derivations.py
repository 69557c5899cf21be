"""Figures an article computed from a document's: shares, percent changes, differences and
sums, multiples, amounts per item.

:class:`Derivations` is the part of :class:`~claimgraph.index.DocumentIndex` that finds
them.  Operands come from a pool (:meth:`Derivations._operand_pool`): the document's
statements of figures the article gives, the figures beside those, and the numbers of the
passages best matching the article's sentence.  A change a passage tells in one sentence
("declined from 23.1 to 21.4") may stand behind a percent change whose levels the article
never gives, and two figures of one well-matched passage behind a multiple.  Every
computed value must agree with the article's figure under its hedge.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator, Sequence

import attrs

from .context import _Context
from .matching import (
    FRACTION_WORD_REL,
    MAX_ROUNDING_REL,
    MAX_TRUNCATION_REL,
    ONE_SIDED_FRACTION_REL,
    _BOUNDS,
    _COUNT_KINDS,
    _SHARE_KINDS,
    _TWO_SIDED,
    _fmt,
    _group,
    _hedge,
    _is_rate,
    _one_in,
    _kind,
    _nominal,
    _relation,
    _specificity,
    _stated_fraction,
    _wrong_side,
)
from .passages import _content_stems, _is_table_line, _stem
from .quantities import Interval, Quantity, Verdict, compare, derive

if TYPE_CHECKING:
    from .index import NumberLink

#: A derived share must come within this relative distance of the article's stated figure.
DERIVED_MAX_REL = Decimal("0.1")
#: Score multiplier for a derived figure (a direct statement is better evidence).
DERIVED_FACTOR = 0.85
#: How many document numbers are tried as operands of one derived figure.
OPERAND_POOL = 14
_PERCENT = frozenset({"percent"})
_DURATION = frozenset({"duration"})
_ANY_KIND = _COUNT_KINDS | _SHARE_KINDS
#: A share computed from a part as small as "four" is weaker evidence.
SMALL_PART_FACTOR = 0.75
#: The relevance of a document figure as an operand when it sits beside one the article states.
SIBLING_OPERAND = 0.95
#: ... and when it sits in the next or previous sentence of that paragraph.
PARAGRAPH_OPERAND = 0.85
#: ... and when it sits in a table row labelled by a year of the article's sentence.
YEAR_ROW_OPERAND = 0.85
#: How well (context score) a passage must match the article's sentence for a change it tells
#: to be computed when the article states neither level (among the best this many passages).
TOLD_CHANGE_MIN_CONTEXT = 0.3
TOLD_CHANGE_PASSAGES = 5
#: An operand's relevance is weighed by where the article states it: in the figure's own
#: sentence; in the sentences around it (or beside a figure of the sentence, in the document);
#: elsewhere or not at all.
_TIER_WEIGHT = (0.88, 0.94, 1.0)
#: An exact amount per item ("$7,325 per case") must come this close to the division's result.
PER_ITEM_EXACT_REL = Decimal("0.005")
_MONEY_STEMS = frozenset(_stem(w) for w in (
    "budget spending spent cost costs fund funds funding money dollar dollars payment payments paid revenue "
    "revenues grant grants award awards expense expenses expenditure expenditures outlay outlays compensation "
    "pay wage wages salary salaries benefit benefits income tax taxes loan loans debt price prices subsidy "
    "subsidies obligation obligations appropriation appropriations contract contracts value losses fees").split())


def _money_noun(noun: str | None) -> bool:
    """Whether a share's counted noun can be a sum of money ("40% of the funds"); no noun: it may be."""
    return noun is None or bool(_MONEY_STEMS & set(_content_stems(noun)))


def _tolerance(quantity: Quantity) -> Decimal:
    """How far a computed share or multiple may sit from the article's figure: a bound ("more than
    a third") says less than an "about" or exact figure does."""
    return DERIVED_MAX_REL if _hedge(quantity) in _TWO_SIDED else ONE_SIDED_FRACTION_REL


def _fit(value: Decimal, target: Decimal | None, hedge: str = "exact") -> float:
    """1 when a computed figure is the article's exactly, down to 0.5 at 25% off; a one-sided
    figure ("more than a third", "nearly doubled") only says on which side the value lies: 1."""
    if not target or hedge not in _TWO_SIDED:
        return 1.0
    return 1.0 - 2.0 * min(0.25, float(abs(value - target) / abs(target)))


@attrs.frozen
class _Entry:
    q: Quantity
    passage: int
    group: tuple[str, str]
    level: tuple[str, str]  # the group as an operand: a rate "11.7 per 1,000" is the level 11.7


_FROM_END = re.compile(r"(?i)\bfrom\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,2}\Z")
_TO = re.compile(r"(?i)\bto\b")
#: A table row labelled by a year ("2020   19,270", "FY 2023   7,918", "Fiscal year 2024   ...").
_YEAR_ROW = re.compile(r"[ \t]*(?:(?:FY|Fiscal[ \t]+year)[ \t]+)?((?:19|20)\d\d)\b(?![-\u2013/]\d)")
#: Words that call a figure a total ("In all", "combined"): it may add two figures the story gave anywhere.
_TOTAL = re.compile(r"(?i)\b(?:in\s+all|in\s+total|all\s+told|combined|altogether|total(?:ed|led|ing)?)\b")
#: Words saying a share is the rest of another ("77.2% had broadband, meaning nearly a quarter go without").
_THE_REST = re.compile(r"(?i)\b(?:without|lack(?:s|ed|ing)?|not|no\s+longer|never|(?:do|does|did)n[\u2019']t|the\s+rest|remaining)\b")
#: The words after which a figure is the one another is measured against ("14,820, compared with").
_AGAINST_END = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.|than)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,3}(?:of\s+)?\Z")


_PER = re.compile(r"(?i)\bper\b")


def _states_counts(aq: Quantity, kinds: frozenset[str]) -> bool:
    """Whether article figure ``aq`` states two counts that operands of ``kinds`` may be: "3,918 out
    of 6,381" states both, which a document may give apart (a rate, "4.1 cases per 100", does not)."""
    return _kind(aq) == "ratio" and aq.denominator is not None and "count" in kinds \
        and aq.value == aq.value.to_integral_value() and not _PER.search(aq.text)


def _rounds_to(quantity: Quantity, value: Decimal, target: Decimal, tolerance: Decimal) -> bool:
    """Whether a computed share ``value`` is what the article's figure says: for "about 7%",
    a value that rounds to 7% at the article's precision; one-sided hedges within ``tolerance``."""
    if _hedge(quantity) not in _TWO_SIDED:
        return abs(value - target) / target <= tolerance
    if _kind(quantity) == "percent":
        unit = quantity._precision() / 100 if quantity.precision is not None else Decimal("0.01")
        return abs(value - target) <= max(unit, Decimal("0.001")) / 2 + Decimal("1e-9")
    return abs(value - target) / target <= FRACTION_WORD_REL


def _operand_kind(q: Quantity) -> str:
    """The kind of a figure as an operand: a rate ("11.7 per 1,000") is its level, a count."""
    return "count" if _kind(q) == "ratio" and _is_rate(q) else _kind(q)


def _computed_fits(quantity: Quantity, value: Decimal, computed: Interval, claimed: Interval) -> bool:
    """Whether a computed share agrees with the article's: within the article's interval, or, for a
    fraction in words ("about a fifth", "nearly a fifth"), as loosely as such a word is read when
    it is matched directly (20.6% is "about a fifth", 17.8% "nearly a fifth"; so for "nearly one in five")."""
    # a round multiple ("nearly three times", "twice") is as loose as a fraction in words
    multiple = _kind(quantity) == "ratio" and quantity.unit == "times" and quantity.value == quantity.value.to_integral_value()
    stated = quantity.value if multiple else _stated_fraction(quantity)
    if stated and _wrong_side(_hedge(quantity), value, stated):
        return False  # "nearly 50%" is under a half, whatever the operands' rounding allows
    if stated and (_kind(quantity) == "fraction" or multiple or _one_in(quantity)):
        bound = _hedge(quantity) in _BOUNDS
        return abs(value - stated) / stated <= (ONE_SIDED_FRACTION_REL if bound else FRACTION_WORD_REL)
    return compare(computed, claimed).verdict != Verdict.CONTRADICTED


#: How much a multiple computed without the figure its clause gives right before it is trusted.
LEAD_MISSED = 0.85
#: The relevance of a figure of a passage naming what an apposed share compares with.
COMPARED_OPERAND = 0.9
#: How many article figures' matches a document index remembers (see ``_stating``).
STATING_CACHE = 4096
#: How many operands of each kind (counts, money, percents) a sum or a gap is tried with.
GAP_OPERANDS = 8
#: an average per period ("roughly 225 a day"): the rate, and a total over the days, weeks, months
#: or years of the period it covers
_PER_PERIOD = re.compile(r"(?i)\s*(?:,\s*)?(?:(?:a|an|per|each)\s+(day|week|month|year)\b|(daily|weekly|monthly|annually|yearly)\b)")
_PERIOD_OF_ADVERB = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}
#: How many of each period a year holds (a work-year of 2,080 hours).
_PER_YEAR = {"hour": 2080, "day": 365, "week": 52, "month": 12, "year": 1}
#: what stands between two years that counts both ("2020 through 2024", "2020-2024"; not "2020 to 2024")
_THROUGH = re.compile(r"(?i)\A[^.;]{0,12}(?:\bthrough\b|\bthru\b|[-\u2013])[^.;]{0,12}\Z")
PER_PERIOD_FACTOR = 0.85
#: a count as a percent of a total (see ``_shares_of``)
SHARE_OF_FACTOR = 0.9


def _end_in(context: str, quantity: Quantity) -> int:
    """Where ``quantity``'s text ends in ``context`` (its sentence); the end of the sentence if absent."""
    at = context.find(quantity.text)
    return at + len(quantity.text) if at != -1 else len(context)


def _days_in(first: _Entry, last: _Entry, both_ends: bool) -> int:
    """Days in the years from ``first`` to ``last`` (one year when they are the same)."""
    y1, y2 = int(first.q.value), int(last.q.value)
    years = range(y1, y2 + 1) if both_ends or y1 == y2 else range(y1, y2)
    return sum(366 if calendar.isleap(y) else 365 for y in years)


def _gap_tolerance(quantity: Quantity) -> Decimal:
    """How far a computed sum or difference may sit from the article's figure: as far as plain
    rounding, or, under a bound ("a gap of more than 5 points" for 5.3), as far as a figure cut at
    its last digit (its interval then decides the side)."""
    return MAX_TRUNCATION_REL if _hedge(quantity) in _BOUNDS else MAX_ROUNDING_REL


def _amount_tolerance(quantity: Quantity) -> Decimal:
    """How far a computed amount may be from the article's: tight for an exact figure ("$135"),
    rounding for "about", the one-sided allowance for "more than 400 apiece" (424)."""
    hedge = _hedge(quantity)
    return PER_ITEM_EXACT_REL if hedge == "exact" else MAX_ROUNDING_REL if hedge in _TWO_SIDED else DERIVED_MAX_REL


#: the relevance of a figure the article gives in or next to the sentence that no other way
#: placed in the operand pool (the counts of an "A of B" among them)
NEAR_OPERAND = 0.9
#: the relevance of a count the article states that did not make the operand pool
STATED_COUNT = 0.75


class Derivations:
    """The derivation half of a document index (mixed into :class:`~claimgraph.index.DocumentIndex`,
    whose numbers, passages and context scores it reads)."""

    #: article figure and kinds -> the document numbers stating it (set up by the index)
    _stating_cache: dict[tuple[Quantity, frozenset[str]], tuple[frozenset[int], tuple[tuple[int, float], ...]]]
    #: year -> the table rows it labels (built on first use)
    _year_rows_cache: dict[str, list[int]] | None = None

    def _operand_pool(self, ctx: "_Context", article: Sequence[Quantity], kinds: frozenset[str]
                      ) -> tuple[list[tuple[float, int]], set[int], set[int]]:
        """Document numbers that may be operands, with a relevance 0..1: those the article
        also states and those in the passages best matching the article.  Also returned:
        the ones the article states anywhere, and the ones it states in or next to the sentence."""
        pool: dict[int, float] = {}
        stated: set[int] = set()
        for aq in article:
            if _operand_kind(aq) not in kinds:
                continue
            for k, weight in self._stating_weighted(aq, kinds)[1]:
                pool[k] = max(pool.get(k, 0.0), weight)
                stated.add(k)
        scored = sorted(((self.context_score(ctx, pi), pi) for pi in self._matching_passages(ctx.stems)),
                        reverse=True)[:4]
        for s, pi in scored:
            if s < 0.2:
                continue
            for k in self._passage_numbers[pi]:
                # a small count ("four of the five") is an operand only when the article states it
                if _operand_kind(self.entries[k].q) in kinds and _specificity(self.entries[k].q) >= 0.5:
                    pool[k] = max(pool.get(k, 0.0), min(1.0, 1.2 * s))
        # figures the article gives in the same sentence come first; then those of the sentences
        # around it and the figures the document states beside the first ("from 0.6% in 2021 to 1.8%")
        own = self._stated_in(ctx.others, kinds)
        near = own | self._stated_in(ctx.wide_others, kinds)
        tier = {k: 2 for k in own}
        for k in own:
            if _specificity(self.entries[k].q) < 0.5:
                continue  # "four" is in every table: it places no figure
            for j in self._passage_numbers[self.entries[k].passage]:
                if self._is_operand(j, kinds):  # (a thousands column's cell is not read at face value)
                    pool[j] = max(pool.get(j, 0.0), SIBLING_OPERAND)
                    tier.setdefault(j, 1)
        # the sentences next to one stating a figure of the article's sentence, in its paragraph
        # ("Births declined in 51 of Wisconsin's 72 counties. Milwaukee County recorded 11,806 births")
        for k in self._stated_in(ctx.others, _ANY_KIND):
            pk = self.entries[k].passage
            if _specificity(self.entries[k].q) < 0.5:
                continue
            for pj in (pk - 1, pk + 1):
                if 0 <= pj < len(self.passages) and self._owner[pj] == self._owner[pk]:
                    for j in self._passage_numbers.get(pj, ()):
                        if self._is_operand(j, kinds):
                            pool[j] = max(pool.get(j, 0.0), PARAGRAPH_OPERAND)
        # a year of the sentence names a table row ("as many as in 2020" beside a table whose "2020"
        # row gives 19,270)
        for year in ctx.years:
            for pj in self._year_rows().get(year, ()):
                for j in self._passage_numbers.get(pj, ()):
                    if self._is_operand(j, kinds):
                        pool[j] = max(pool.get(j, 0.0), YEAR_ROW_OPERAND)
        # a figure of the sentence that labels a table row names its cells ("those making $200,000 to
        # $500,000" beside a "$200,000 to under $500,000   0.61   0.27" row): the article gives them
        labelled: set[int] = set()
        for aq in ctx.others:
            for k in self._stating(aq, frozenset({_operand_kind(aq)})):
                e = self.entries[k]
                line = self.text.rfind("\n", 0, e.q.span.start) + 1
                if self.text[line : e.q.span.start].strip() or not _is_table_line(
                        self.text[self.passages[e.passage].start : self.passages[e.passage].end]):
                    continue  # not the first cell of a row
                end = self.text.find("\n", e.q.span.end)
                for j in self._passage_numbers.get(e.passage, ()):
                    c = self.entries[j]
                    if self._is_operand(j, kinds) and e.q.span.end <= c.q.span.start \
                            and (end < 0 or c.q.span.end <= end):
                        pool[j] = max(pool.get(j, 0.0), YEAR_ROW_OPERAND)
                        labelled.add(j)
        near |= labelled
        for k in near:
            tier.setdefault(k, 1)
            if _specificity(self.entries[k].q) >= 0.5:  # (not "three of the four")
                pool.setdefault(k, NEAR_OPERAND)
        # the counts of an "A of B" the article gives in or next to the sentence ("3,871 of the
        # 9,416 buses ... That leaves more than 5,500") are its figures too
        for k in self._stated_in([aq for aq in (*ctx.others, *ctx.wide_others) if _states_counts(aq, kinds)], kinds):
            if _specificity(self.entries[k].q) >= 0.5:
                pool[k] = max(pool[k], NEAR_OPERAND) if k in pool else NEAR_OPERAND
        best: dict[tuple[int, tuple[str, str], Decimal], tuple[int, float, int]] = {}
        for k, v in pool.items():  # one reading per number (a table cell may be read twice)
            e = self.entries[k]
            key = (e.q.span.start, e.group, e.q.value)
            rank = (tier.get(k, 0), v, -k)
            if key not in best or rank > best[key]:
                best[key] = rank
        # the best of each kind of figure: percents do not crowd out the counts a multiple is of
        by_level: dict[tuple[str, str], list[tuple[int, float, int]]] = defaultdict(list)
        for rank in sorted(best.values(), reverse=True):
            by_level[self.entries[-rank[2]].level].append(rank)
        # (and, past that many, the figures the article gives in or next to the sentence; a figure
        # the document repeats takes one place)
        ranked = []
        for group in by_level.values():
            values: set[Decimal] = set()
            for t, v, negk in group:
                value = self.entries[-negk].q.value
                if value not in values and len(values) < OPERAND_POOL:
                    values.add(value)
                if value in values or (-negk in near and _specificity(self.entries[-negk].q) >= 0.5):
                    ranked.append((-negk, v * _TIER_WEIGHT[t]))
        return sorted(((v, k) for k, v in ranked), reverse=True), stated, near

    def _is_operand(self, j: int, kinds: frozenset[str]) -> bool:
        """Whether document number ``j`` may be an operand of ``kinds`` when it is taken for sitting
        beside a figure of the sentence: read at face value, and specific ("four" is in every table)."""
        q = self.entries[j].q
        return j not in self._scaled and _operand_kind(q) in kinds and _specificity(q) >= 0.5

    def _year_rows(self) -> dict[str, list[int]]:
        """The table rows labelled by a year ("2020   19,270   498", "FY 2023   7,918"), by year; read once."""
        rows = self._year_rows_cache
        if rows is None:
            rows = {}
            for pi, span in enumerate(self.passages):
                text = self.text[span.start : span.end]
                m = _YEAR_ROW.match(text)
                if m and pi in self._passage_numbers and _is_table_line(text):
                    rows.setdefault(m.group(1), []).append(pi)
            self._year_rows_cache = rows
        return rows

    def _stated_in(self, figures: Sequence[Quantity], kinds: frozenset[str]) -> set[int]:
        """Document numbers that state one of the article's ``figures`` (of the given kinds)."""
        near: set[int] = set()
        for aq in figures:
            if _operand_kind(aq) in kinds or _states_counts(aq, kinds):
                near.update(self._stating(aq, kinds))
        return near

    def _stating(self, aq: Quantity, kinds: frozenset[str]) -> frozenset[int]:
        """The document numbers (of the given kinds) that state article figure ``aq``."""
        return self._stating_weighted(aq, kinds)[0]

    def _stating_weighted(self, aq: Quantity, kinds: frozenset[str]
                          ) -> tuple[frozenset[int], tuple[tuple[int, float], ...]]:
        """The document numbers (of the given kinds) that state article figure ``aq`` (for a ratio, its
        two counts too), and those that state it as written, each with its relevance as an operand;
        remembered, since every figure of a sentence asks about the others and every derivation of an
        article reads them."""
        cache = self._stating_cache
        found = cache.get((aq, kinds))
        if found is None:
            weights = []
            for k in self._candidates(aq):
                dq = self.entries[k].q
                if _operand_kind(dq) in kinds and (rel := _relation(aq, dq)):
                    weights.append((k, 0.6 + 0.4 * rel[1] * _specificity(aq)))
            stating = {k for k, _ in weights}
            if _states_counts(aq, kinds):  # the two counts of "312 of the 1,104", stated on their own
                stating |= {k for part in (aq.value, aq.denominator) for k in self._in_window(("count", ""), part)
                            if self.entries[k].q.value == part and _operand_kind(self.entries[k].q) == "count"}
            found = (frozenset(stating), tuple(weights))
            if len(cache) >= STATING_CACHE:
                cache.clear()
            cache[(aq, kinds)] = found
        return found

    def _matching_passages(self, stems: frozenset[str], limit: int = 12) -> list[int]:
        """Passages holding numbers that share the most (idf-weighted) words with ``stems``, via the word index."""
        hits: Counter[int] = Counter()
        cap = max(50, len(self.passages) // 5)
        for w in stems:
            post = self._postings.get(w)
            if not post or len(post) > cap:
                continue
            weight = self._idf.get(w, 0.0)
            for pi in post:
                hits[pi] += weight
        return [pi for pi, _ in hits.most_common() if pi in self._passage_numbers][:limit]

    def _nearness(self, a: _Entry, b: _Entry) -> float:
        if a.passage == b.passage:
            return 1.0
        gap = abs(a.q.span.start - b.q.span.start)
        return max(0.6, 0.95 - gap / 8000)

    def derived_candidates(self, quantity: Quantity, context: str, all_quantities: Sequence[Quantity] = (),
                           *, wider: str = "") -> list[NumberLink]:
        """Ways to compute ``quantity`` from this document's numbers, best first.

        Operands are numbers the article also states (found here) and numbers in the
        passages that best match the article's sentence; pairs close together are
        preferred.  Shares (percent, fraction, ratio) are tried as ratios ``a / b``;
        a computed value must lie in the article's interval and within 10% of its
        stated figure (vague shares like "most" only from figures the article itself
        states).  Percentage points are tried as differences of two percents; counts
        and money as sums or differences only with strong context (both operands in
        the same or adjacent blocks, and a cue such as "total" or "fell" in the sentence).
        """
        kind = _kind(quantity)
        ctx = _Context.of(context, quantity, wider)
        others = [aq for aq in all_quantities
                  if aq is not quantity and not (aq.span is not None and aq.span == quantity.span)]
        out: list[NumberLink] = []
        if kind == "ratio" and quantity.unit == "times":
            out.extend(self._multiples(quantity, ctx, others))
        elif kind in _SHARE_KINDS:
            claimed = quantity.as_fraction()
            if claimed is None:
                return []
            change = kind in ("percent", "fraction") and ctx.cue  # "rose 23%", "a cut of a quarter": (new - old) / old
            # a rate rises too ("from 1.2% to 1.8%"), and a wait ("676 days, more than 50% longer")
            kinds = _COUNT_KINDS | _PERCENT | _DURATION if change else _COUNT_KINDS
            pool, stated, near_ops = self._operand_pool(ctx, others, kinds)
            # the parts its own sentence names as parts ("Nine of the hospitalized patients ..., more than half")
            own = self._stated_in(ctx.parts, kinds)
            vague = kind == "share"  # "most", "a majority": no figure to come close to
            target = _stated_fraction(quantity)
            tolerance = _tolerance(quantity)
            # "rose 0.9%, less than half the nonfarm pace": that figure over a like one
            compared = self._stated_in([ctx.apposed], _ANY_KIND) if ctx.apposed is not None else None
            if compared:  # ... over a figure of the passages that speak of "the nonfarm pace"
                levels = {self.entries[k].level for k in compared}
                for pi in self._matching_passages(ctx.compared_with, limit=4):
                    pool += [(COMPARED_OPERAND, k) for k in self._passage_numbers[pi]
                             if self.entries[k].level in levels]
            if change and not vague and ctx.direction:
                out.extend(self._told_changes(quantity, ctx, claimed, target, tolerance, kinds))
            for ra, ka in pool:
                for rb, kb in pool:
                    a, b = self.entries[ka], self.entries[kb]
                    if ka == kb or a.level != b.level or not (0 < a.q.value < b.q.value):
                        continue
                    if vague and not (ka in stated and kb in stated):
                        continue
                    if ka not in near_ops and kb not in near_ops:
                        continue  # the article gives neither figure near the share it computed
                    if compared is not None and ka not in compared:
                        continue
                    if change and not vague and compared is None and not {ka, kb} & self._change_sizes:
                        out.extend(self._changes(quantity, claimed, target, tolerance, a, b, ra, rb, ctx.direction))
                    if (_kind(a.q) == "percent" and compared is None) or (change and ctx.changed_by):
                        continue  # a percent of a percent is no share of anything (but "0.9%, less than half
                        # the nonfarm pace" compares two); "fell 7%" is no share
                    if a.group[0] == "money" and not _money_noun(quantity.noun) and compared is None:
                        continue  # "nine in 10 workers" is a share of people, not of dollars (but "$33.9
                        # million, more than a third of the total" is one of dollars)
                    if _hedge(quantity) == "exact" and (quantity.precision or 1) < 1 \
                            and (_hedge(a.q) in _BOUNDS or _hedge(b.q) in _BOUNDS):
                        continue  # "10.9%" is not computed from "more than 123,000" (a whole "65%" may be)
                    value = a.q.value / b.q.value
                    if not vague and compared is None and target and abs(value - target) / target > tolerance:
                        continue  # (a share compared with its figure need only lie within its hedge)
                    computed = derive("ratio", _nominal(a.q), _nominal(b.q))
                    if not _computed_fits(quantity, value, computed, claimed):
                        continue
                    # figures the article itself states need not sit together in the document
                    near = max(self._nearness(a, b), 0.9) if ka in stated and kb in stated else self._nearness(a, b)
                    score = DERIVED_FACTOR * near * 0.5 * (ra + rb) * (0.6 if vague else _fit(value, target, _hedge(quantity)))
                    if _specificity(a.q) < 0.5 and ka not in own:
                        # "four of 23": a count that small is rarely what a share is of (but "Nine of the
                        # hospitalized patients developed pneumonia, more than half" says it is)
                        score *= SMALL_PART_FACTOR
                    shown = f"{_fmt(value * 100, 2)}%" if kind == "percent" else _fmt(value, 4)
                    out.append(self._derived_link(a, b, score, shown, f"{a.q.text} / {b.q.text} = {shown}"))
            if target and _THE_REST.search(context):
                out.extend(self._complements(quantity, ctx, claimed, target, tolerance))
        elif kind == "percentage_points" or (kind in _COUNT_KINDS | _DURATION and (ctx.cue or _THE_REST.search(context))):
            claimed = quantity.interval()
            # "fell nearly 19 points": a count of points may be a gap between two percents
            points = kind == "count" and quantity.noun is not None and "point" in _content_stems(quantity.noun)
            kinds = (_PERCENT if kind == "percentage_points" else _DURATION if kind == "duration"
                     else _COUNT_KINDS | _PERCENT if points else _COUNT_KINDS)
            pool, stated, near_ops = self._operand_pool(ctx, others, kinds)
            ops = ("difference",) if kind == "percentage_points" else ("sum", "difference")
            totals = kind != "percentage_points" and _TOTAL.search(context) is not None
            # the best few figures of each kind: percents do not crowd out the counts of a gap, and a
            # figure the document repeats counts once ("73,904" in the summary, the text and a table)
            per_level: defaultdict[tuple[str, str], set[Decimal]] = defaultdict(set)
            top = []
            for r, k in pool:
                values = per_level[self.entries[k].level]
                if self.entries[k].q.value not in values:
                    if len(values) >= GAP_OPERANDS:
                        continue
                    values.add(self.entries[k].q.value)
                top.append((r, k))
            for ra, ka in top:
                for rb, kb in top:
                    a, b = self.entries[ka], self.entries[kb]
                    if ka >= kb or a.level != b.level or (kind != "percentage_points" and a.level != _group(quantity)
                                                          and not (points and _kind(a.q) == "percent")):
                        continue
                    both = ka in stated and kb in stated  # the article gives both figures: they need not sit together
                    if (not both and abs(self._owner[a.passage] - self._owner[b.passage]) > 1) or min(ra, rb) < 0.5:
                        continue
                    far = ka not in near_ops and kb not in near_ops
                    if far and not (both and totals):
                        continue  # (but "In all, auditors questioned about $2.3 million" adds two the story gave)
                    big, small = (a, b) if a.q.value >= b.q.value else (b, a)
                    for op in ops:
                        if far and op != "sum":
                            continue
                        x, y = (a, b) if op == "sum" else (big, small)
                        value = x.q.value + y.q.value if op == "sum" else x.q.value - y.q.value
                        if not quantity.value or abs(value - quantity.value) > abs(quantity.value) * _gap_tolerance(quantity):
                            continue
                        computed = derive(op, _nominal(x.q), _nominal(y.q))
                        if compare(computed, claimed).verdict == Verdict.CONTRADICTED:
                            continue
                        sign = "+" if op == "sum" else "-"
                        near = max(self._nearness(a, b), 0.9) if both else self._nearness(a, b)
                        score = DERIVED_FACTOR * 0.85 * near * 0.5 * (ra + rb)
                        shown = _fmt(value, 2)
                        out.append(self._derived_link(x, y, score, shown, f"{x.q.text} {sign} {y.q.text} = {shown}"))
            if kind == "percentage_points" or points or ctx.direction:
                out.extend(self._told_gaps(quantity, ctx, claimed, kinds))
        if kind in ("money", "count") and ctx.per_item:  # ("about $5,500 more per student": a gap too)
            out.extend(self._per_item(quantity, ctx, others))
        if kind == "money" and ctx.apiece and not ctx.per_item:
            out.extend(self._products(quantity, ctx))
        if kind in ("money", "count") and any(_kind(aq) == "percent" for aq in ctx.others):
            out.extend(self._shares_of(quantity, ctx, others))
        if kind in ("money", "count", "duration") \
                and (period := _PER_PERIOD.match(context, _end_in(context, quantity))) is not None:
            out.extend(self._per_period(quantity, ctx, period, others))
        out.sort(key=lambda lk: (-lk.score, lk.span.start))
        return out

    def _products(self, quantity: Quantity, ctx: "_Context") -> Iterator[NumberLink]:
        """A total as an amount apiece its sentence gives times a count the article gives ("At
        roughly $28,500 apiece, replacing them would cost about $4.6 million": 163 × $28,500)."""
        target = quantity.value
        if not target:
            return
        counts = [aq for aq in (*ctx.others, *ctx.wide_others) if _kind(aq) == "count"]
        for kp in self._stated_in(ctx.apiece, _COUNT_KINDS):
            price = self.entries[kp]
            if price.group[0] != "money":
                continue
            for kc in self._stated_in(counts, _COUNT_KINDS):
                count = self.entries[kc]
                if _kind(count.q) != "count" or count.q.value <= 1:
                    continue
                value = price.q.value * count.q.value
                if abs(value - target) > abs(target) * MAX_ROUNDING_REL:
                    continue
                if compare(derive("product", _nominal(price.q), _nominal(count.q)), quantity.interval()).verdict \
                        == Verdict.CONTRADICTED:
                    continue
                shown = _fmt(value, 2)
                score = DERIVED_FACTOR * 0.85 * max(self._nearness(price, count), 0.9)
                yield self._derived_link(count, price, score, shown, f"{count.q.text} × {price.q.text} = {shown}")

    def _multiples(self, quantity: Quantity, ctx: "_Context", others: Sequence[Quantity]) -> Iterator[NumberLink]:
        """A multiplier ("more than doubled", "about 4.2 times") as one figure over another of its kind
        ("47 days, more than twice the 21-day goal")."""
        kinds = _COUNT_KINDS | frozenset({"percent", "duration"})
        pool, stated, near_ops = self._operand_pool(ctx, others, kinds)
        claimed = quantity.interval()
        target = quantity.value
        tolerance = _tolerance(quantity)
        told: set[int] | None = None  # the well-matched passages, read only if a pair needs them
        # "58 days on average, more than three times as long as ...": the figure its clause gives
        # before it is one of the two (most often the larger)
        lead = self._stated_in([ctx.lead], kinds) if ctx.lead is not None else set()
        # "more than three times the 2.8% rise": the figure after it is the smaller of the two
        divisor = self._stated_in([ctx.divisor], kinds) if ctx.divisor is not None else set()
        for ra, ka in pool:
            for rb, kb in pool:
                big, small = self.entries[ka], self.entries[kb]
                if ka == kb or big.level != small.level or not (0 < small.q.value < big.q.value):
                    continue
                value = big.q.value / small.q.value
                if ka not in near_ops and kb not in near_ops:
                    # neither figure is the article's: only two of one passage that matches its sentence
                    # well ("ages 18 to 24 had the highest rate (35.2) ..., those 50 or older the lowest
                    # (12.6)"), giving the multiple at the article's precision
                    if big.passage != small.passage or not _rounds_to(quantity, value, target, tolerance):
                        continue
                    if told is None:
                        told = {pi for _, pi in self._told_passages(ctx)}
                    if big.passage not in told:
                        continue
                if abs(value - target) / target > tolerance:
                    continue
                if not _computed_fits(quantity, value, derive("ratio", _nominal(big.q), _nominal(small.q)), claimed):
                    continue
                near = max(self._nearness(big, small), 0.9) if ka in stated and kb in stated else self._nearness(big, small)
                if lead and not {ka, kb} & lead:
                    near *= LEAD_MISSED
                if divisor and kb not in divisor:
                    near *= LEAD_MISSED
                shown = f"{_fmt(value, 2)} times"
                yield self._derived_link(big, small, DERIVED_FACTOR * near * 0.5 * (ra + rb) * _fit(value, target, _hedge(quantity)), shown,
                                         f"{big.q.text} / {small.q.text} = {shown}")
        # ... and two figures a well-matched passage compares ("The attack rate among PEH was 4,890.5 per
        # 100,000, compared with 23.7 per 100,000 among housed residents" -> "more than 200 times")
        for s, pi in self._told_passages(ctx):
            span = self.passages[pi]
            if _is_table_line(self.text[span.start : span.end]):
                continue  # a row's columns are often different measures ("209 flagged", "93.3 percent")
            for old, new in self._levels(pi, kinds):
                big, small = (old, new) if old.q.value > new.q.value else (new, old)
                if small.q.value <= 0:
                    continue
                value = big.q.value / small.q.value
                if not _rounds_to(quantity, value, target, tolerance) \
                        or not _computed_fits(quantity, value, derive("ratio", _nominal(big.q), _nominal(small.q)), claimed):
                    continue
                shown = f"{_fmt(value, 2)} times"
                yield self._derived_link(big, small, DERIVED_FACTOR * (0.55 + 0.45 * s) * _fit(value, target, _hedge(quantity)),
                                         shown, f"{big.q.text} / {small.q.text} = {shown}")

    def _told_changes(self, quantity: Quantity, ctx: "_Context", claimed: Interval, target: Decimal | None,
                      tolerance: Decimal, kinds: frozenset[str]) -> Iterator[NumberLink]:
        """A percent change the article computed from a change the document tells in one sentence
        ("declined from 23.1 ... in 2024 to 21.4 ... in 2025"; "5.1, up from 4.6") when the article
        gives neither level: the passage must match the article's sentence well, the change must
        go the way the article says, and the percent must round to the article's figure."""
        if not target:
            return
        for s, pi in self._told_passages(ctx):
            for old, new in self._levels(pi, kinds):
                if (new.q.value > old.q.value) != (ctx.direction > 0) or not old.q.value:
                    continue
                value = abs(new.q.value - old.q.value) / old.q.value
                if not _rounds_to(quantity, value, target, tolerance):
                    continue
                small, big = (old, new) if old.q.value < new.q.value else (new, old)
                diff = derive("difference", _nominal(big.q), _nominal(small.q))
                if not _computed_fits(quantity, value, derive("ratio", diff, _nominal(old.q)), claimed):
                    continue
                shown = f"{_fmt(value * 100, 2)}%"
                big_text, small_text, old_text = (_fmt(e.q.value, 4) if _is_rate(e.q) else e.q.text
                                                  for e in (big, small, old))
                formula = f"({big_text} - {small_text}) / {old_text} = {shown}"
                score = DERIVED_FACTOR * (0.55 + 0.45 * s) * _fit(value, target, _hedge(quantity))
                yield self._derived_link(old, new, score, shown, formula)

    def _complements(self, quantity: Quantity, ctx: "_Context", claimed: Interval, target: Decimal,
                     tolerance: Decimal) -> Iterator[NumberLink]:
        """A share told as the rest of a percent its own sentence gives ("Among rural seniors the
        figure was 77.2%, meaning nearly a quarter go without"): 100% minus that percent."""
        for k in self._stated_in(ctx.others, _PERCENT):
            e = self.entries[k]
            if k in self._change_sizes or not 0 < e.q.value < 100:
                continue
            value = 1 - e.q.value / 100
            if abs(value - target) / target > tolerance:
                continue
            computed = derive("difference", Interval.point(100), _nominal(e.q)).scale(Decimal("0.01"))
            if not _computed_fits(quantity, value, computed, claimed):
                continue
            shown = f"{_fmt(value * 100, 2)}%"
            score = DERIVED_FACTOR * _fit(value, target, _hedge(quantity))
            yield self._derived_link(e, e, score, shown, f"100% - {e.q.text} = {shown}")

    def _told_gaps(self, quantity: Quantity, ctx: "_Context", claimed: Interval,
                   kinds: frozenset[str]) -> Iterator[NumberLink]:
        """A gap the article computed from a change or comparison the document tells in one
        sentence ("fell from 90.4 percent ... to 71.6 percent" -> "fell nearly 19 points"; "14,820
        representatives, compared with 16,950" -> "about 2,100 fewer") when the article gives
        neither figure: the passage must match the article's sentence well and the gap must go
        the way the article says."""
        if not quantity.value:
            return
        for s, pi in self._told_passages(ctx):
            for old, new in self._levels(pi, kinds):
                if _kind(quantity) not in ("percentage_points", "count") and old.level != _group(quantity):
                    continue
                if ctx.direction and (new.q.value > old.q.value) != (ctx.direction > 0):
                    continue
                big, small = (old, new) if old.q.value > new.q.value else (new, old)
                value = big.q.value - small.q.value
                if abs(value - quantity.value) > abs(quantity.value) * _gap_tolerance(quantity):
                    continue
                if compare(derive("difference", _nominal(big.q), _nominal(small.q)), claimed).verdict \
                        == Verdict.CONTRADICTED:
                    continue
                shown = _fmt(value, 2)
                score = DERIVED_FACTOR * (0.55 + 0.45 * s)
                yield self._derived_link(big, small, score, shown, f"{big.q.text} - {small.q.text} = {shown}")

    def _per_item(self, quantity: Quantity, ctx: "_Context", others: Sequence[Quantity]) -> Iterator[NumberLink]:
        """An amount per item ("roughly $7,300 per case") as a total the article gives beside it
        over a count it gives anywhere ("$2.87 billion in refunds" / "391,806 unresolved cases")."""
        pool, stated, near_ops = self._operand_pool(ctx, others, _COUNT_KINDS)
        target = quantity.value
        if not target:
            return
        # "roughly four for every vacancy" is 4.2 at the article's precision; "more than 400 apiece" 424
        tolerance = _amount_tolerance(quantity)
        slack = quantity._precision() / 2 if _hedge(quantity) == "approximately" else Decimal(0)
        # the count may be any the article states, not only the best-placed few of the pool, and
        # either count of an "A of B" ("412 of the 1,937 levee systems")
        counts = {k: STATED_COUNT for k in stated | self._stated_in(others, _COUNT_KINDS)} \
            | {k: r for r, k in pool if k in stated}
        for ra, ka in pool:
            total = self.entries[ka]
            if (ka not in near_ops and ka not in stated) or total.level != _group(quantity) or total.q.value <= 0:
                continue
            for kb, rb in counts.items():
                count = self.entries[kb]
                if kb == ka or _kind(count.q) != "count" or count.q.value <= 1:
                    continue
                if ka not in near_ops and kb not in near_ops:
                    continue  # a total the article gives elsewhere, over a count it gives here ("Spread
                    # across the 21.4 million claims VA paid, the errors come to about $135 a claim")
                value = total.q.value / count.q.value
                if abs(value - target) > max(tolerance * target, slack):
                    continue
                if compare(derive("ratio", _nominal(total.q), _nominal(count.q)), quantity.interval()).verdict \
                        == Verdict.CONTRADICTED:
                    continue
                shown = _fmt(value, 2)
                score = DERIVED_FACTOR * 0.5 * (ra + rb) * _fit(value, target, _hedge(quantity))
                yield self._derived_link(total, count, score, shown, f"{total.q.text} / {count.q.text} = {shown}")

    def _shares_of(self, quantity: Quantity, ctx: "_Context", others: Sequence[Quantity]) -> Iterator[NumberLink]:
        """A count or amount as a percent its sentence gives of a total ("Of 6,208 children tested,
        11.4% -- about 708 children -- had elevated levels": 6,208 × 11.4%; "In Montana the share was
        11.2%, or roughly 51,000 homes", beside a table row giving 459 thousand households and 11.2)."""
        target = quantity.value
        if not target:
            return
        percents = self._stated_in([aq for aq in ctx.others if _kind(aq) == "percent"], _PERCENT)
        if not percents:
            return
        pool, stated, near = self._operand_pool(ctx, others, _COUNT_KINDS)
        tolerance = _amount_tolerance(quantity)
        for kp in percents:
            share = self.entries[kp]
            if kp in self._change_sizes or not 0 < share.q.value < 100:
                continue
            for r, kc in pool:
                total = self.entries[kc]
                if total.level != _group(quantity) or total.q.value <= target or r < 0.5:
                    continue
                if total.passage != share.passage and not (kc in near and kp in near):
                    continue  # the two must sit together, unless the article gives both
                value = total.q.value * share.q.value / 100
                if abs(value - target) > tolerance * target:
                    continue
                shown = _fmt(value, 2)
                score = DERIVED_FACTOR * SHARE_OF_FACTOR * r * self._nearness(total, share)
                yield self._derived_link(total, share, score, shown, f"{total.q.text} × {share.q.text} = {shown}")

    def _per_period(self, quantity: Quantity, ctx: "_Context", period: re.Match[str],
                    others: Sequence[Quantity]) -> Iterator[NumberLink]:
        """An average per day, week, month or year ("still roughly 225 a day", "roughly $62 million a
        year", "roughly eight extra hours a week") as a total the article gives in or next to the
        sentence over the length of its period: the year its passage or the sentence names (81,950
        deaths in 2024 / 366 days), or the span between the years its passage gives ("from 1,016,300
        units in fiscal year 2016 to 903,400 units in fiscal year 2025": 112,900 / 9 years; "during
        FY 2022 through FY 2024": $187.3 million / 3 years). ``period`` is the match of
        :data:`_PER_PERIOD` after the figure."""
        target = quantity.value
        if not target:
            return
        per = (period.group(1) or period.group(2)).lower()
        per = _PERIOD_OF_ADVERB.get(per, per)
        _, stated, near = self._operand_pool(ctx, others, frozenset({_operand_kind(quantity)}))
        tolerance = _amount_tolerance(quantity)
        for k in near & stated:
            total = self.entries[k]
            if total.group != _group(quantity) or total.q.value <= target:
                continue
            for years, first, last, plus in self._periods_of(total, ctx):
                n = Decimal(years * _PER_YEAR[per] if per != "day" else _days_in(first, last, plus))
                if not n:
                    continue
                value = total.q.value / n
                if abs(value - target) > tolerance * target:
                    continue
                shown = _fmt(value, 2)
                span = (f"{int(last.q.value)} - {int(first.q.value)}{' + 1' if plus else ''}" if first is not last
                        else first.q.text if _kind(first.q) == "year_range" else "")
                unit = f"{per}s" if n != 1 else per
                formula = (f"{total.q.text} / {_fmt(n, 0)} {unit} = {shown}" if not span
                           else f"{total.q.text} / ({span}: {_fmt(n, 0)} {unit}) = {shown}")
                yield self._derived_link(total, last, DERIVED_FACTOR * PER_PERIOD_FACTOR, shown, formula)
                break

    def _periods_of(self, total: _Entry, ctx: "_Context") -> Iterator[tuple[int, _Entry, _Entry, bool]]:
        """The periods a total may cover, as (years, first year, last year, both ends counted):
        the span between the years of its passage, then the single year it names."""
        years = sorted({e.q.value: e for e in (self.entries[j] for j in self._passage_numbers[total.passage])
                        if _kind(e.q) == "year"}.items())
        for y, e in years:  # the year the article's sentence names ("81,950 overdose deaths ... in 2024")
            if str(int(y)) in ctx.years:
                yield 1, e, e, False
        if len(years) >= 2:
            (y1, first), (y2, last) = years[0], years[-1]
            gap = int(y2 - y1)
            if _THROUGH.search(self.text[first.q.span.end : last.q.span.start]):
                yield gap + 1, first, last, True
            yield gap, first, last, False
        elif years:
            yield 1, years[0][1], years[0][1], False
        ranged = False
        for j in self._passage_numbers[total.passage]:  # "FY 2022 through FY 2024" read as one range
            e = self.entries[j]
            if _kind(e.q) == "year_range" and e.q.high is not None:
                ranged = True
                yield int(e.q.high - e.q.value) + 1, e, e, True
        if not years and not ranged and not ctx.years:
            yield 1, total, total, False  # "$26,412 ... works out to about $2,200 a month": a year's total

    def _told_passages(self, ctx: "_Context") -> list[tuple[float, int]]:
        """The passages (with their context score) that match the article's sentence well enough
        for a figure to be computed from two numbers of one of them that the article does not give."""
        # the figure's own clause speaks for it more closely than the whole sentence
        narrow = attrs.evolve(ctx, stems=ctx.clause, wide_stems=frozenset(), wide_others=()) if ctx.clause else ctx
        scored = sorted(((max(self.context_score(ctx, pi), self.context_score(narrow, pi)), pi)
                         for pi in set(self._matching_passages(ctx.stems)) | set(self._matching_passages(narrow.stems))),
                        reverse=True)[:TOLD_CHANGE_PASSAGES]
        return [(s, pi) for s, pi in scored if s >= TOLD_CHANGE_MIN_CONTEXT]

    def _levels(self, pi: int, kinds: frozenset[str]) -> Iterator[tuple[_Entry, _Entry]]:
        """(old, new) pairs of figures of one kind that passage ``pi`` tells a change between:
        "from A ... to B", "B ..., up/down from A" and "B ..., compared with A" (A is then the
        figure B is measured against)."""
        def level(e: _Entry) -> tuple[str, str] | None:  # "from 4.6 to 5.1 per 1,000": a count, then a rate
            return e.level if _operand_kind(e.q) in kinds and e.q.high is None else None

        entries = [self.entries[k] for k in self._passage_numbers.get(pi, ())
                   if k not in self._scaled and level(self.entries[k]) is not None]
        span = self.passages[pi]
        if _is_table_line(self.text[span.start : span.end]):
            # a table row ("Heating oil   2,019   1,942   -3.8") tells its columns left to right
            cells = sorted((e for e in entries if _specificity(e.q) >= 0.5), key=lambda e: e.q.span.start)
            for i, a in enumerate(cells):
                for b in cells[i + 1 :]:
                    if level(a) == level(b) and a.q.span.start != b.q.span.start:
                        yield a, b
            return
        for i, a in enumerate(entries):
            for b in entries[i + 1 :]:
                if level(a) != level(b) or b.q.span.start - a.q.span.end > 120 \
                        or _specificity(a.q) < 0.5 or _specificity(b.q) < 0.5:
                    continue
                between = self.text[a.q.span.end : b.q.span.start]
                before = self.text[max(0, a.q.span.start - 30) : a.q.span.start]
                if _FROM_END.search(before) and _TO.search(between) and not _FROM_END.search(between):
                    yield a, b  # "from 2,118 ... to 1,742"
                elif (_FROM_END.search(between) or _AGAINST_END.search(between)) \
                        and len(between) < 60:
                    yield b, a  # "5.1 per 1,000, up from 4.6"; "14,820 ..., compared with 16,950"

    def _changes(self, quantity: Quantity, claimed: Interval, target: Decimal | None, tolerance: Decimal,
                 small: _Entry, big: _Entry, ra: float, rb: float, direction: int = 0) -> Iterator[NumberLink]:
        """Percent changes between two figures: a rise from ``small`` or a fall from ``big``
        (only the one the article's words say, when they say one)."""
        if not target:
            return
        rise = derive("ratio", derive("difference", _nominal(big.q), _nominal(small.q)), _nominal(small.q))
        fall = derive("ratio", derive("difference", _nominal(big.q), _nominal(small.q)), _nominal(big.q))
        ways = ((small, big, rise), (big, small, fall))
        for base, other, computed in ways[:1] if direction > 0 else ways[1:] if direction < 0 else ways:
            value = (big.q.value - small.q.value) / base.q.value
            if abs(value - target) / target > tolerance or not _computed_fits(quantity, value, computed, claimed):
                continue
            score = DERIVED_FACTOR * 0.9 * self._nearness(small, big) * 0.5 * (ra + rb) * _fit(value, target, _hedge(quantity))
            shown = f"{_fmt(value * 100, 2)}%"
            formula = f"({big.q.text} - {small.q.text}) / {base.q.text} = {shown}"
            yield self._derived_link(base, other, score, shown, formula)
