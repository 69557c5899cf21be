"""Propose evidence in source documents for an article's numbers and quotes.

Three steps, each usable on its own:

1. :func:`read_document` turns a file (plain text, HTML or PDF) into a
   :class:`LoadedDocument`: its text, with page spans when the format has pages.
2. :class:`~claimgraph.index.DocumentIndex` reads a document **once**: its number mentions
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
import contextlib
import heapq
import itertools
import re
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from .derivations import DERIVED_FACTOR, _ANY_KIND, _PER_YEAR
from .documents import LoadedDocument, find_header, parse_document, read_document
from .errors import DocumentError
from .context import MAX_OTHERS, _Context
from .credit import outside_speakers
from .fidelity import Fidelity, WordDiff, quote_fidelity
from .index import (  # noqa: F401 (some are re-exported)
    LINK_FEATURES,
    NUMBER_MIN_SCORE,
    QUOTE_MIN_SCORE,
    DocumentIndex,
    NumberLink,
    QuoteLink,
    _link_probability,
    _rivals_of,
)
from .matching import (  # noqa: F401 (some are re-exported)
    _DERIVABLE_KINDS,
    _SHARE_KINDS,
    _closer,
    _converted,
    _fmt,
    _gives,
    _is_day,
    _is_scoping,
    _kind,
    _relation,
    _specificity,
    _worded_share_of,
)
from .numbase import _prev_word
from .parts import _figure_of, _states_part, figure_parts  # noqa: F401 (figure_parts re-exported)
from .passages import (  # noqa: F401
    _article_sentences,
    _context_of,
    _is_headline,
    article_context,
)
from .quantities import Hedge, Quantity, find_quantities
from .scoping import SCOPE_PASSAGE_LIFT, YEAR_SPAN_FACTOR, Scoping
from .spans import Span
from .yearspans import APART_WORDS, SINCE_WORDS, span_from_own_date

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

#: Kinds of figure a document may give signed where an article says "fell" ("-4.8" for "fell 4.8%").
_SIGNED_FALL_KINDS = frozenset({"percent", "count", "money", "percentage_points", "measure"})
#: A headline figure computed from figures the story gives anywhere (not beside it) needs this score.
HEADLINE_DERIVED_MIN_SCORE = 0.7
#: ... and is read against this much of the story below it; only the headlines of the title block (at
#: most its first TITLE_BLOCK_LINES lines) are
HEADLINE_STORY_CHARS = 20_000
TITLE_BLOCK_LINES = 4
#: A derived figure (see :meth:`DocumentIndex.derived_candidates`) scoring below this is not proposed.
DERIVED_MIN_SCORE = 0.57
#: ... nor one a named person none of the documents speaks for says, below this.
OUTSIDE_DERIVED_MIN_SCORE = 0.7
#: Words saying a day is when a document came out ("the audit, released June 12"); such a day is
#: the date line of the document's cover, within its first DATE_LINE_WITHIN characters.
_RELEASED = re.compile(r"(?i)\b(?:released|published|issued|dated|made\s+public|came\s+out)\b")
DATE_LINE_WITHIN = 4000
#: a figure inside a direct quote takes the quote's passage when the quote is found (at this
#: score or more) and has this many words; its score is the quote's times its closeness times this
QUOTE_FIGURE_MIN_SCORE = 0.8
QUOTE_FIGURE_MIN_WORDS = 5
QUOTE_FIGURE_FACTOR = 0.9
#: A primary link that only rounds to the article's figure and scores under this is doubtful:
#: a derivation scoring at least DERIVED_OVER_ROUNDED ("12%" as $12.1 million / $97.6 million,
#: rather than an unrelated "12.1 percent") is preferred to it.
DOUBTFUL_ROUNDED = 0.7
DERIVED_OVER_ROUNDED = 0.75
#: A figure the article repeats takes its restatement's passage when that was linked at least this
#: well, at this share of its score.
REPEAT_MIN_SCORE = 0.6
REPEAT_FACTOR = 0.9
FIGURE_SPECIFICITY = 0.44
#: A secondary document's link stating a figure at least as closely as a primary one comes first only
#: when its odds (score / (1 - score)), times this, are higher (see :func:`_stated_first`).
SECONDARY_ODDS = 0.5
#: When only a secondary document (a news outlet) passes NUMBER_MIN_SCORE, a primary document
#: stating the same figure at least this well is taken as the origin the outlet relays.
RELAYED_MIN_SCORE = 0.3
#: How closely each relation tells a figure: a secondary document stating the figure more closely
#: than every primary one does is its evidence (see :func:`_stated_first`).
_CLOSENESS_RANK = {"verbatim": 2, "rehedged": 2, "rounded": 1, "derived": 0}
#: a letter named by its day ("a Feb. 27 letter", "a June 2 response", "a May 28 memo"): its day is
#: the date line of the letter, as a release day is (see _RELEASED)
_LETTER_NOUN = re.compile(r"\s+(?:letter|response|memo|memorandum|reply)\b", re.I)


def _dated_letter(context: str, quantity: Quantity) -> bool:
    """Whether ``quantity`` (a day) names a letter in ``context``: "In a Feb. 27 letter to GAO"."""
    at = context.find(quantity.text)
    return at >= 0 and _LETTER_NOUN.match(context, at + len(quantity.text)) is not None


#: An amount told per period ("$94 a week"), converted to another by :data:`_PER_YEAR`.
_PERIOD_AFTER = re.compile(r"(?i)[ \t]+(?:a|an|per|each)[ \t]+(hour|day|week|month|year)\b")
_OR_BETWEEN = re.compile(r"(?i),[ \t]+or[ \t]")
_OR_AFTER = re.compile(r"(?i),?[ \t]+or[ \t]+(?:about|roughly|nearly|almost|some|more[ \t]+than|over|under|"
                       r"less[ \t]+than|close[ \t]+to)?[ \t]*\Z")


def _in_other_terms(text: str, first: Quantity, q: Quantity, link: NumberLink) -> NumberLink | None:
    """``q``'s link when it tells ``first`` (linked by ``link``) in other terms: an amount per
    another period ("$94 a week below the national average ..., or roughly $4,900 a year") or a
    duration in another unit ("a gap of 0.44 hours, or roughly 26 minutes"); None otherwise."""
    if first.span is None or q.span is None or first.high is not None or q.high is not None:
        return None
    kind = _kind(q)
    if not _OR_BETWEEN.search(text, first.span.end, q.span.start):
        return None  # "..., or roughly $4,900 a year": told again, not another amount
    if kind == "duration" and _kind(first) == "duration" and first.unit != q.unit \
            and _OR_AFTER.search(text, first.span.end, q.span.start):
        converted = _converted(first, q.unit)
        factor = None
    elif kind in ("money", "count") and _kind(first) == kind and first.unit == q.unit:
        mine, theirs = _PERIOD_AFTER.match(text, q.span.end), _PERIOD_AFTER.match(text, first.span.end)
        if mine is None or theirs is None or mine.group(1).lower() == theirs.group(1).lower():
            return None
        factor = Decimal(_PER_YEAR[theirs.group(1).lower()]) / Decimal(_PER_YEAR[mine.group(1).lower()])
        converted = attrs.evolve(first, value=first.value * factor, text=_fmt(first.value * factor, 2),
                                 precision=None, hedge=Hedge.EXACT)
    else:
        return None
    if converted is None or _relation(q, attrs.evolve(converted, hedge=Hedge.EXACT)) is None:
        return None
    shown = _fmt(converted.value, 2)
    formula = (f"{first.text} = {shown} {q.unit}s" if factor is None
               else f"{first.text} × {_fmt(factor, 4)} = {shown}")
    return attrs.evolve(link, relation="derived", score=round(link.score * REPEAT_FACTOR, 4), quantity_text=shown,
                        formula=formula, operands=link.operands or ((link.document, link.span),))


#: a forecast by outside economists or analysts ("Economists surveyed by Bloomberg had expected
#: 0.3%", "analysts had forecast a gain of 165,000"), read back from a figure to its sentence's start
_FORECAST_BY_OTHERS = re.compile(
    r"(?i)\b(?:economists|analysts|forecasters)\b[^.;:!?\n]{0,80}?\b(?:had\s+(?:expected|forecast|forecasted|predicted|"
    r"projected|anticipated|been\s+(?:expecting|looking\s+for))|were\s+expecting|expected|forecast|predicted)\b"
    r"[^.;:!?\n]{0,60}\Z")


def _forecast_by_others(text: str, at: int) -> bool:
    """Whether the figure at ``at`` is a forecast that outside economists or analysts made, in the
    clause before it: no document of the agency holds such a consensus figure."""
    return _FORECAST_BY_OTHERS.search(text, max(0, at - 160), at) is not None


_CLAUSE_MARK = re.compile(r"[,;:()\u2014]|\s-\s")


def _apart(text: str, a: Span, b: Span) -> bool:
    """Whether a comma or another mark of a clause stands between two figures of a sentence."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return lo < hi and _CLAUSE_MARK.search(text, lo, hi) is not None


def _part_results(parts: Iterable[tuple[Quantity, Sequence[NumberLink]]], min_score: float = 0.0,
                  alternatives: bool = True) -> tuple["LinkResult", ...]:
    """The parts of a figure (see :meth:`Linker.link_parts`) as results, a link under ``min_score`` absent."""
    return tuple(LinkResult("number", p.span, p.text, links[0] if links and links[0].score >= min_score else None,
                            tuple(links[1:]) if alternatives else ())
                 for p, links in parts)


def _odds(score: float) -> float:
    # scores are rounded to 4 places: 1.0 stands for anything above 0.99995
    return score / max(0.00005, 1.0 - score)


def _stated_first(found: list[NumberLink], credited: Callable[[str], bool] = lambda doc: False,
                  relays: Callable[[str], bool] = lambda doc: True) -> list[NumberLink]:
    """Links ordered primary first, except that a secondary document's link comes first when it
    states the figure at least as closely as the best primary link does and scores better, its odds
    counted at SECONDARY_ODDS (odds, not probabilities: near 1, 0.9995 is far more sure than
    0.905): "up from 12% in 2019" in a development group's statement, not a report's unrelated
    "11.6 percent"; "93%" of the members a group's own survey asked, not a release's "93 percent"
    of something else.  Against a primary figure computed from two of the document's
    ("65%" as 291,000 / 448,000), the secondary document must also be the one the sentence credits
    (``credited(doc_id)``: the sentence or one next to it names it, as "The council said in a
    statement ... A survey found 41% ..." does): an outlet relaying that share is not its origin.
    A news outlet stating the figure only as closely (``relays(doc_id)``) comes first only when
    credited too; a primary document stating it as closely and scoring as well stays first."""
    if not found or not found[0].primary:
        return found
    head = found[0]
    rank = _CLOSENESS_RANK.get(head.relation, 0)
    computed = head.relation == "derived" and len(head.operands) > 1
    for i, lk in enumerate(found):
        closer = _CLOSENESS_RANK.get(lk.relation, 0)
        if not lk.primary and closer >= rank and _odds(lk.score) * SECONDARY_ODDS > _odds(head.score) and (
                credited(lk.document) or (not computed and (closer > rank or not relays(lk.document)))):
            return [lk] + found[:i] + found[i + 1 :]
    return found


# ---------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------


@attrs.frozen
class LinkResult:
    """One article item and its proposed evidence (``link`` is ``None`` when absent)."""

    kind: str  # "number" | "quote"
    span: Span | None
    text: str
    link: NumberLink | QuoteLink | None
    alternatives: tuple[NumberLink | QuoteLink, ...] = ()
    #: for an "A of B" count or a range, the part and the whole (the two ends), each with its own link
    #: (see :func:`figure_parts`)
    parts: tuple["LinkResult", ...] = ()


# ---------------------------------------------------------------------------
# Linking an article
# ---------------------------------------------------------------------------

_RIVALS = LINK_FEATURES.index("rivals")
_CREDITED = LINK_FEATURES.index("credited")
_OUTSIDE = LINK_FEATURES.index("outside")


def _with_documents(features: tuple[float, ...], rivals: float, credit: tuple[float, float],
                    outside: bool) -> tuple[float, ...]:
    """A document's feature vector with the features that compare documents set: rivals,
    credited and other_credited, outside (each at its place in LINK_FEATURES)."""
    out = list(features)
    out[_RIVALS] = rivals
    out[_CREDITED : _CREDITED + 2] = credit
    out[_OUTSIDE] = float(outside)
    return tuple(out)


class Linker(Scoping):
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
        self._memo: dict[tuple[Quantity, str, str, bool], dict[str, list[NumberLink]]] | None = None
        #: a quote's links while an article is read (its figures' pass and its quotes' pass locate it once)
        self._quote_memo: dict[tuple[str, str], list[QuoteLink]] | None = None
        #: the article whose outside sentences were last read, and those sentences (while it is read)
        self._outside_memo: tuple[str, tuple[Span, ...]] | None = None

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
        rivals = _rivals_of((lk for cands in per_doc.values() for lk, _ in cands), _kind(quantity) == "year")
        credited = {ix.doc_id: ix.credited_in(context) for ix in self.indexes}
        telling = any(credited.values()) and not all(credited.values())  # naming sets documents apart
        out: dict[str, list[tuple[NumberLink, tuple[float, ...]]]] = {}
        # the passages of the documents the sentence credits are the only rivals of their own
        # (but for a bare year, which every document of the season states)
        bare_year = _kind(quantity) in ("year", "year_range")
        credited_rivals = _rivals_of((lk for d, cands in per_doc.items() if credited[d] for lk, _ in cands), _kind(quantity) == "year")
        for doc_id, cands in per_doc.items():
            credit = (float(credited[doc_id]), float(not credited[doc_id])) if telling else (0.0, 0.0)
            r = credited_rivals if telling and credited[doc_id] and not bare_year else rivals
            out[doc_id] = [(link, _with_documents(features, r, credit, outside)) for link, features in cands]
        return out

    def outside_sentences(self, text: str) -> list[Span]:
        """The sentences of an article that a named person none of the documents speaks for says
        (:func:`~claimgraph.credit.outside_speakers`): their figures are seldom the documents'."""
        memo = self._outside_memo
        if memo is not None and memo[0] == text:
            return list(memo[1])
        found = outside_speakers(text, [(f"{ix.issuer or ''} {ix.document.title or ''}", ix._credit_keys)
                                        for ix in self.indexes])
        if memo is not None:  # (an article's figures and their parts read them once)
            self._outside_memo = (text, tuple(found))
        return found

    def said_outside(self, text: str, quantities: Sequence[Quantity]) -> list[bool]:
        """For each of an article's numbers, whether it sits in one of :meth:`outside_sentences`
        (the ``outside`` argument of :meth:`number_links` and :meth:`candidate_features`)."""
        said = self.outside_sentences(text) if quantities else []
        return [q.span is not None and any(s.start <= q.span.start < s.end for s in said) for q in quantities]

    def _direct(self, quantity: Quantity, context: str, wider: str = "", outside: bool = False
                ) -> dict[str, list[NumberLink]]:
        """Each document's direct candidates, best first, scored with :meth:`candidate_features`
        (remembered while :meth:`link_numbers` reads an article: its passes ask again)."""
        key = (quantity, context, wider, outside)
        if self._memo is not None and key in self._memo:
            return self._memo[key]
        out: dict[str, list[NumberLink]] = {}
        # "the audit, released June 12": the day a document came out is the date line of its cover;
        # so is the day a letter is named by ("In a Feb. 27 letter to GAO", "a June 2 response")
        released = _is_day(quantity) and (_RELEASED.search(context) is not None or _dated_letter(context, quantity))
        counts = figure_parts(quantity) if _kind(quantity) == "ratio" else None
        for doc_id, cands in self.candidate_features(quantity, context, wider, outside).items():
            ix = self._by_id[doc_id]
            links = []
            for link, features in cands:
                score = _link_probability(features)
                # (the day itself: a cover's "March 2026" does not say "March 11")
                if released and link.relation == "verbatim" and link.span.start < DATE_LINE_WITHIN \
                        and ix.is_date_line(link.span):
                    score += (1 - score) * SCOPE_PASSAGE_LIFT
                links.append(attrs.evolve(link, score=round(score, 4)))
            both: set[int] = set()
            if counts is not None:
                # "251 of 402 infants": a passage giving both counts is at least as good as one giving the 251
                both = {lk.span.start for lk in links
                        if (figure := _figure_of(lk)) is not None and all(_states_part(figure, c) for c in counts)}
                one = max((lk.score for lk in links if lk.span.start not in both and lk.relation != "derived"),
                          default=0.0)
                links = [attrs.evolve(lk, score=max(lk.score, one))
                         if lk.span.start in both and lk.score >= NUMBER_MIN_SCORE else lk for lk in links]
            links.sort(key=lambda lk: (-lk.score, lk.span.start not in both, lk.span.start))
            out[doc_id] = links
        if self._memo is not None:
            self._memo[key] = out
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
        ctx = _Context.of(context, quantity, wider)
        direct_links = self._direct(quantity, context, wider, outside)
        if _kind(quantity) in _SIGNED_FALL_KINDS and quantity.value > 0 and quantity.high is None \
                and not all(d and d[0].score >= threshold for d in direct_links.values()) and ctx.direction < 0:
            # "fell 4.8%" for a table's "-4.8": the sign of a fall is in the verb (in each document
            # that does not state the figure unsigned: a group's statement may, the release not)
            signed = self._direct(attrs.evolve(quantity, value=-quantity.value), context, wider, outside)
            direct_links = {doc: links if links and links[0].score >= threshold else signed[doc]
                            for doc, links in direct_links.items()}
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
        apposed = _kind(quantity) in _SHARE_KINDS and ctx.apposed is not None
        # a share that is the size of a change ("nearly a third more than in 2021") is seldom stated as such
        # ("about a third" elsewhere, matched only loosely, is no evidence of it)
        change = _kind(quantity) in _SHARE_KINDS and bool(primary) and (ctx.changed_by or ctx.compared) \
            and all(lk.relation == "rehedged" and lk.score < DOUBTFUL_ROUNDED for lk in primary)
        doubtful = change or bool(primary) and all(
            lk.relation in ("rounded", "derived") and (apposed or (lk.score < DOUBTFUL_ROUNDED and not _worded_share_of(
                quantity, self._by_id[lk.document].numbers_at(lk.span))))
            for lk in primary)
        # "5.1%, ... still 0.7 percentage point above the national rate of 4.4%": a gap between two
        # figures of its own sentence is that gap, not a like figure stated elsewhere
        gap_here = not doubtful and bool(primary) and len(ctx.others) >= 2 and (
            _kind(quantity) == "percentage_points"
            # ... and so is an amount apiece of a total and a count its sentence gives ("$4.3 million for
            # nearly 30,000 room nights ... about $145 a night"), beside a rounder average elsewhere
            or (ctx.per_item and _kind(quantity) in ("money", "count")
                and all(lk.relation != "verbatim" for lk in primary)))
        if primary and not (doubtful or gap_here) and _kind(quantity) in _DERIVABLE_KINDS \
                and all(lk.relation in ("rounded", "rehedged") for lk in primary):
            # "was down to 877, a drop of about 41%" after "1,482 open orders": a figure computed from
            # the levels the story gives around it, rather than a like figure stated elsewhere
            told = self._told_derivation(quantity, context, all_quantities, wider, ctx, primary)
            if told is not None:
                return [told] + found
        if (not primary or doubtful or gap_here) and _kind(quantity) in _DERIVABLE_KINDS:
            # a figure no primary document states may have been computed from figures one does
            derivations = []
            for ix in self.indexes:
                if found and not ix.primary:
                    continue
                derived = ix.derived_candidates(quantity, context, all_quantities, wider=wider)
                if gap_here:  # both operands from the sentence, in a passage of their own
                    spans = {ix.entries[k].q.span for k in ix._stated_in(ctx.others, _ANY_KIND)}
                    derived = [lk for lk in derived if len(lk.operands) > 1
                               and all(span in spans for _, span in lk.operands)
                               and all(lk.passage != p.passage for p in primary)]
                least = DERIVED_OVER_ROUNDED if doubtful and not (apposed or change) else DERIVED_MIN_SCORE
                if outside:  # an interviewee's figure is seldom the documents': nor computed from them
                    least = max(least, OUTSIDE_DERIVED_MIN_SCORE)
                if derived and derived[0].score >= least:
                    derivations.append(derived[0])
            if (doubtful or gap_here) and derivations:
                derivations.sort(key=lambda lk: -lk.score)
                return derivations + found
            found += derivations
        found.sort(key=lambda lk: (not lk.primary, -lk.score))
        return _stated_first(found, lambda doc: self._by_id[doc].credited_in(context)
                             or self._by_id[doc].credited_in(wider, acronyms=False),
                             lambda doc: self._by_id[doc].relays)

    def _told_derivation(self, quantity: Quantity, context: str, all_quantities: Sequence[Quantity], wider: str,
                         ctx: _Context, primary: Sequence[NumberLink]) -> NumberLink | None:
        """A derivation of a primary document whose operands all state figures of the article's sentence
        or of the sentences around it, scoring above every loosely matched direct link; None if none."""
        figures = (*ctx.others, *ctx.wide_others)
        best = max(lk.score for lk in primary)
        if not figures or best >= DERIVED_FACTOR:
            return None  # (no levels around it; or a direct link no derivation can outscore)
        found = []
        for ix in self.indexes:
            if not ix.primary:
                continue
            told = ix._stated_in(figures, _ANY_KIND)
            # the document's own statement of what the levels give ("23.6 percent" for $97.3 million of
            # $412.6 million) is the figure's origin: it stays first
            stated = [dq for lk in primary if lk.document == ix.doc_id for dq in ix.numbers_at(lk.span)]
            for lk in ix.derived_candidates(quantity, context, all_quantities, wider=wider)[:3]:
                if lk.score > best and len(lk.operands) > 1 and lk.score >= DERIVED_MIN_SCORE \
                        and all(doc == ix.doc_id and any(ix.entries[k].q.span == span for k in told)
                                for doc, span in lk.operands) \
                        and "\u00d7" not in (lk.formula or "") \
                        and not any(_gives(dq, lk.quantity_text) or _closer(quantity, dq, lk.quantity_text)
                                    for dq in stated):
                    found.append(lk)
                    break
        return max(found, key=lambda lk: lk.score, default=None)

    def link_numbers(self, text: str, quantities: Sequence[Quantity]) -> list[list[NumberLink]]:
        """The links of every number of an article (best first; empty when absent), read together.

        Each number is first linked on its own (:meth:`number_links`, with its
        sentence and the sentences around it).  Then years, dates, durations and small
        counts are re-read beside the figures of their sentence (:meth:`_rescope`),
        and a figure in a headline that found no passage takes the passage its
        restatement in the story (the same figure, or a precise one it rounds) was linked to.
        """
        with self._reading():
            return self._link_numbers(text, list(quantities))

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Remember candidates and quote locations while one article is read (nested calls share them)."""
        if self._memo is not None:
            yield
            return
        self._memo, self._quote_memo, self._outside_memo = {}, {}, ("", ())
        try:
            yield
        finally:
            self._memo, self._quote_memo, self._outside_memo = None, None, None

    def _link_numbers(self, text: str, quantities: list[Quantity]) -> list[list[NumberLink]]:
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
                if len(siblings) > MAX_OTHERS:  # (no prose sentence holds hundreds: read the nearest)
                    siblings = heapq.nsmallest(MAX_OTHERS, siblings, key=lambda j: abs(quantities[j].span.start - q.span.start))
                # the nearest figure of the sentence first: "5% ..., even after a record 21.4 million
                # people signed up for 2024 coverage" scopes 21.4 million, not 5%; and one of its own
                # clause before one past a comma ("$1.37 billion ... in fiscal 2025, up by more than a third")
                siblings.sort(key=lambda j: (_apart(text, q.span, quantities[j].span),
                                             abs(quantities[j].span.start - q.span.start)))
                anchors = [first[j][0] for j in siblings if first[j]]
                # the other passages stating a sibling figure well ("climb 2.3% in 2026" beside a
                # table row giving 2.3): the year may scope the figure there
                restated = [lk for j in siblings if first[j] and not _is_scoping(quantities[j])
                            for lk in self._direct(quantities[j], *contexts[j])[first[j][0].document][1:]
                            if lk.score >= NUMBER_MIN_SCORE and lk.relation != "derived"]
                links = self._rescope(q, contexts[i], anchors,
                                      any(_specificity(quantities[j]) >= FIGURE_SPECIFICITY and not _is_scoping(quantities[j])
                                          for j in siblings), restated,
                                      apart=APART_WORDS.match(text, q.span.end) is not None,
                                      led_by=_prev_word(text, q.span.start))
                if not links:  # "roughly four for every vacancy": computed, not stated beside a sibling
                    links = [lk for lk in first[i] if lk.relation == "derived" and lk.formula and len(lk.operands) > 1]
            out.append(links)
        for i, q in enumerate(quantities):
            if _is_scoping(q) or where[i] < 0:
                continue  # "more than a third of young vapers – 38.4% –": the exact figure beside it
            beside = [(other, out[j][0]) for j, other in enumerate(quantities)
                      if j != i and where[j] == where[i] and out[j] and _specificity(other) > _specificity(q)]
            followed = self._restated(q, contexts[i], beside, out[i][0] if out[i] else None)
            if followed is not None and not (out[i] and out[i][0].relation == "verbatim" != followed.relation):
                out[i] = [followed]  # (a figure stated as written is no rounder telling of another: "fell 6%
                # to 187,000, ... 5.8% below a year earlier")
        # the title block: the lines before the story's first sentence (a headline, a deck, a byline)
        top = next((k for k, sent in enumerate(sentences) if not _is_headline(text[sent.start : sent.end])),
                   len(sentences))
        top = min(top, TITLE_BLOCK_LINES)
        for i, q in enumerate(quantities):
            if out[i] or not _is_headline(contexts[i][0]):
                continue  # a headline figure: its restatement in the story ("nearly $100 million"); a
                # year only as the same year ("a failing grade since 2014" ... "since its 2014 inspection")
            told = [(other, out[j][0]) for j, other in enumerate(quantities)
                    if j != i and out[j] and (_kind(other) == _kind(q) or {_kind(other), _kind(q)} <= _SHARE_KINDS)
                    and (not _is_scoping(q) or (other.value == q.value and other.date == q.date)
                         # "Expect to wait about three months" over a story's "a median of 94 days"
                         or (_kind(q) == "duration" and other.unit != q.unit and not _is_scoping(other)))]
            followed = self._restated(q, contexts[i], told, None)
            if followed is not None:
                out[i] = [followed]
            elif _kind(q) in _DERIVABLE_KINDS and not _is_scoping(q) and 0 <= where[i] < top:
                # "Loan waits more than doubled": computed from figures the story gives anywhere (a
                # headline of the title block only, read against a capped story: text is untrusted)
                story = text[sentences[where[i]].end : sentences[where[i]].end + HEADLINE_STORY_CHARS]
                derived = [lk for ix in self.indexes if ix.primary
                           for lk in ix.derived_candidates(q, contexts[i][0], quantities, wider=story)[:1]
                           if len(lk.operands) > 1 and lk.score >= HEADLINE_DERIVED_MIN_SCORE]
                if derived:
                    out[i] = [max(derived, key=lambda lk: lk.score)]
        self._range_ends(quantities, contexts, where, out)
        self._within_quotes(text, quantities, contexts, out)
        for i, q in enumerate(quantities):
            if out[i] and q.span is not None and _forecast_by_others(text, q.span.start):
                out[i] = []  # "Economists surveyed by FactSet had expected 0.3%": their forecast, not the release's
        for i, q in enumerate(quantities):
            if not out[i] and q.span is not None and _kind(q) == "duration" and SINCE_WORDS.match(text, q.span.end):
                # "founded 15 years ago", "four years after the hurricane": from the document's own date
                spans = [lk for ix in self.indexes
                         if (lk := span_from_own_date(ix, q, contexts[i][0], YEAR_SPAN_FACTOR)) is not None
                         and lk.score >= NUMBER_MIN_SCORE]
                out[i] = sorted(spans, key=lambda lk: (not lk.primary, -lk.score))[:1]
        for i, q in enumerate(quantities):
            if out[i] or where[i] < 0:
                continue  # "$94 a week ..., or roughly $4,900 a year": the same amount in another period
            for j in range(i - 1, -1, -1):
                if where[j] != where[i]:
                    break
                if out[j] and out[j][0].score >= REPEAT_MIN_SCORE:
                    converted = _in_other_terms(text, quantities[j], q, out[j][0])
                    if converted is not None:
                        out[i] = [converted]
                        break
        return out

    def _range_ends(self, quantities: Sequence[Quantity], contexts: Sequence[tuple[str, str, bool]],
                    where: Sequence[int], out: list[list[NumberLink]]) -> None:
        """Two days of one sentence that are the two ends of one date range of a document ("began as
        early as June 9 and as recently as Jan. 18" for "ranged from June 9, 2025, to January 18, 2026")
        are that range, however little else of the sentence its passage shares."""
        days = [i for i, q in enumerate(quantities) if _is_day(q) and where[i] >= 0]
        for a, b in itertools.combinations(days, 2):
            if where[a] != where[b] or (out[a] and out[b]):
                continue
            ranges: dict[int, dict[tuple[str, Span], NumberLink]] = {}
            for i in (a, b):
                ranges[i] = {(lk.document, lk.span): lk for links in self._direct(quantities[i], *contexts[i]).values()
                             for lk in links if lk.relation == "verbatim" and any(
                                 _kind(dq) == "date_range" for dq in self._by_id[lk.document].numbers_at(lk.span))}
            for key in ranges[a].keys() & ranges[b].keys():
                for i in (a, b):
                    lk = ranges[i][key]
                    out[i] = [attrs.evolve(lk, score=round(lk.score + (1 - lk.score) * SCOPE_PASSAGE_LIFT, 4))]
                break

    def _within_quotes(self, text: str, quantities: Sequence[Quantity], contexts: Sequence[tuple[str, str, bool]],
                       out: list[list[NumberLink]]) -> None:
        """A figure inside a direct quote a document holds ("The ratio has not changed significantly
        since 2021," the bureau said) is the figure of the quote's passage, wherever else it was linked."""
        placed = [i for i, q in enumerate(quantities) if q.span is not None]
        if not placed:
            return
        from .extract import find_quotes  # (the extractor reads quotes; it does not link)

        for mention in find_quotes(text):
            inside = [i for i in placed if mention.span.start <= quantities[i].span.start
                      and quantities[i].span.end <= mention.span.end]
            if not inside or len(mention.text.split()) < QUOTE_FIGURE_MIN_WORDS:
                continue
            found = self.link_quote(mention.text, contexts[inside[0]][0])
            if found is None or found.score < QUOTE_FIGURE_MIN_SCORE:
                continue
            ix = self._by_id[found.document]
            for i in inside:
                for k in ix._candidates(quantities[i]):
                    e = ix.entries[k]
                    rel = _relation(quantities[i], e.q)
                    if rel and found.span.start <= e.q.span.start and e.q.span.end <= found.span.end \
                            and not (out[i] and out[i][0].document == found.document
                                     and found.span.start <= out[i][0].span.start < found.span.end):
                        lk = ix._direct_link(quantities[i], e, rel[0])
                        out[i] = [attrs.evolve(lk, score=round(found.score * rel[1] * QUOTE_FIGURE_FACTOR, 4))]
                        break

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

    def link_parts(self, text: str, quantities: Sequence[Quantity], linked: Sequence[Sequence[NumberLink]]
                   ) -> list[tuple[tuple[Quantity, list[NumberLink]], ...]]:
        """For each article number, its parts and their links (empty but for an "A of B" count or a
        range, see :func:`figure_parts`): ``linked`` is :meth:`link_numbers`' answer.  A part the
        figure's own passage states keeps that link; the other ("the agency's 6,412" beside "1,587
        vehicles" linked to the audit's finding) is linked on its own, in the figure's sentence."""
        out: list[tuple[tuple[Quantity, list[NumberLink]], ...]] = []
        sentences: list[Span] | None = None
        said: list[bool] | None = None
        with self._reading():
            for i, q in enumerate(quantities):
                parts = figure_parts(q)
                if parts is None:
                    out.append(())
                    continue
                if sentences is None:
                    sentences, said = _article_sentences(text), self.said_outside(text, quantities)
                context, wider = _context_of(text, sentences, q.span)
                figure = _figure_of(linked[i][0]) if linked[i] else None
                found = []
                for part in parts:
                    if _states_part(figure, part):
                        found.append((part, list(linked[i])))
                    else:
                        found.append((part, self.number_links(part, context, all_quantities=quantities,
                                                              wider=wider, outside=said[i])))
                out.append(tuple(found))
        return out

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
        key = (quote_text, context)
        if self._quote_memo is not None and key in self._quote_memo:
            return list(self._quote_memo[key])
        found = [lk for lk in (ix.locate_quote(quote_text, context) for ix in self.indexes) if lk is not None]
        found.sort(key=lambda lk: (not lk.primary, -lk.score, -lk.fidelity.similarity))
        if self._quote_memo is not None:
            self._quote_memo[key] = list(found)
        return found

    def link_quote(self, quote_text: str, context: str = "") -> QuoteLink | None:
        """Where a direct quote comes from (best match, primary documents first), or ``None``."""
        return self._best_quote(self.quote_links(quote_text, context), context)

    def _best_quote(self, links: Sequence[QuoteLink], context: str) -> QuoteLink | None:
        """The best of a quote's links (see :meth:`link_quote`)."""
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
        with self._reading():
            return self._link_all(text, quantities, quotes)

    def _link_all(self, text: str, quantities: Sequence[Quantity] | None,
                  quotes: Iterable[str | Span | tuple[int, int] | Any]) -> list[LinkResult]:
        if quantities is None:
            quantities = find_quantities(text)
        quantities = list(quantities)
        linked = self.link_numbers(text, quantities)
        results = [LinkResult("number", q.span, q.text, links[0] if links else None, tuple(links[1:]),
                              _part_results(parts))
                   for q, links, parts in zip(quantities, linked, self.link_parts(text, quantities, linked))]
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
            best = self._best_quote(links, sentence)
            results.append(LinkResult("quote", span, quote, best, tuple(lk for lk in links if lk is not best)))
        return results
