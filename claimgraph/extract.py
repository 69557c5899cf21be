"""Rule-based analysis of article text: sentences, headings, quotes, speakers, attributions.

:func:`analyze` turns the raw text of a news article into a draft for a fact-checker:
:class:`Sentence` s (headings recognised), direct quotes (:class:`QuoteMention`) with
their speakers, one :class:`Attribution` and one typed :class:`Statement` per sentence,
and the :class:`Speaker` s merged across the article ("Senator Chuck Grassley",
"Grassley" and "he" are one speaker).  It is deterministic and offline: compiled
regular expressions, linear passes over the text, small word lists, no model.  All
offsets are half-open character spans into the exact text given, and
``text[x.span.start:x.span.end] == x.text`` holds for every sentence, quote and
statement.  No input string makes it raise.

>>> a = analyze('Critics, including U.S. Sen. Chuck Grassley (R-IA), argue the rules are weak. '
...             '“Lax vetting has placed children in danger,” Grassley said in a statement.')
>>> [s.kind for s in a.statements]
['factual', 'quote']
>>> a.statements[0].attribution.kind, a.statements[0].attribution.named[0].name
('vague', 'Chuck Grassley')
>>> q = a.quotes[0]
>>> q.text, q.speaker.name, q.speaker.role, q.cue
('Lax vetting has placed children in danger,', 'Chuck Grassley', 'U.S. Sen.', 'said')

How it works, in order: paragraphs (lines, or blank-line blocks when lines are
hard-wrapped) and headings; quote-mark pairing per paragraph (curly, straight and
guillemet marks by their flanking; single marks only in British-style texts; inch marks
and apostrophes skipped; an unclosed quote stops at its paragraph unless the next
paragraph opens with a mark); sentence boundaries (abbreviation lists, initials,
decimals, no cut inside a quote whose attribution follows); then one pass over the
sentences that tokenises the text outside quotes, finds attribution cues ("said",
"according to", "the report reads", …) with the noun phrase that speaks (a name with
its title, a pronoun, "the report", "officials", an outlet), resolves pronouns and
anaphors ("the agency", "the senator") to recent mentions, and merges names into
speakers.  Quotes without a cue take the speaker of the quote just before them, of an
introduction ending in ":" or of the person just named in the paragraph.

Paragraphs, headings, quote-mark pairing and sentence boundaries are
:mod:`claimgraph.sentences`; noun phrases and the registry that merges names into
speakers are :mod:`claimgraph.entities`; attribution cues, the phrases that speak them
and each sentence's attribution are :mod:`claimgraph.cues`; which quotes are kept, which
are partial and who speaks them is :mod:`claimgraph.quotes`.  This module makes the pass
over the sentences and builds the values it returns.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Sequence

import attrs

from .cues import _Cue, _Cues, _SentenceInfo
from .entities import _Entity, _Registry
from .lexicon import _OPINION, _TOKEN
from .quotes import _Quotes
from .sentences import Sentence, _Piece, _pair_quotes, _paragraphs, _split, _strip, split_sentences
from .spans import Span

__all__ = [
    "Sentence",
    "Speaker",
    "QuoteMention",
    "Attribution",
    "Statement",
    "Analysis",
    "split_sentences",
    "find_quotes",
    "analyze",
    "SPEAKER_KINDS",
    "ATTRIBUTION_KINDS",
    "STATEMENT_KINDS",
]

SPEAKER_KINDS = ("person", "organization", "government_body", "document", "news_outlet", "vague_group")
ATTRIBUTION_KINDS = ("direct_quote", "paraphrase", "relayed", "unattributed", "vague")
STATEMENT_KINDS = ("numeric", "quote", "factual", "opinion", "heading")


# --------------------------------------------------------------------------- values


@attrs.frozen
class Speaker:
    """Who or what is credited: a person, a body, a document, an outlet or a vague group.

    ``name`` is canonical (the fullest name the text gives, titles removed); ``role``
    keeps the title ("DHS Inspector General"); ``aliases`` are the other names used.
    """

    name: str
    kind: str
    role: str | None = None
    aliases: tuple[str, ...] = ()


@attrs.frozen
class QuoteMention:
    """A direct quote: ``span`` is the content without the marks, ``outer`` includes them.

    ``partial`` is true for a fragment used inside a sentence (called the delays
    “unacceptable”).  ``closed`` is false when the closing mark is missing (the quote is
    capped at the end of its paragraph, or continues in the next one).
    """

    span: Span
    outer: Span
    text: str
    speaker: Speaker | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    partial: bool = False
    sentence_indexes: tuple[int, ...] = ()
    closed: bool = True


@attrs.frozen
class Attribution:
    """How one sentence credits its content.

    ``kind`` is one of :data:`ATTRIBUTION_KINDS`.  For ``relayed``, ``via`` is the outlet
    and ``source`` what it relays (may be None).  For ``vague``, ``group`` is the group as
    written and ``named`` its named members.  ``continues`` is the index of the sentence
    whose attribution this one carries on ("The report further states …").
    """

    sentence_index: int
    kind: str = "unattributed"
    cue: str | None = None
    cue_span: Span | None = None
    source: Speaker | None = None
    source_span: Span | None = None
    via: Speaker | None = None
    named: tuple[Speaker, ...] = ()
    continues: int | None = None
    group: str | None = None


@attrs.frozen
class Statement:
    """One sentence as a draft claim: its kind, attribution, quotes and quantities."""

    sentence_index: int
    span: Span
    text: str
    kind: str
    attribution: Attribution
    quotes: tuple[QuoteMention, ...] = ()
    quantities: tuple = ()


@attrs.frozen(repr=False)
class Analysis:
    """Everything :func:`analyze` found in one text."""

    text: str
    sentences: tuple[Sentence, ...]
    quotes: tuple[QuoteMention, ...]
    statements: tuple[Statement, ...]
    speakers: tuple[Speaker, ...]

    def __repr__(self) -> str:
        return (
            f"<Analysis {len(self.statements)} statements · {len(self.quotes)} quotes · "
            f"{len(self.speakers)} speakers>"
        )


# --------------------------------------------------------------------------- the analyzer


class _Analyzer(_Cues, _Quotes):
    """One pass over the sentences of a text: cues, speakers, quotes and attributions.

    Sentences are processed in order, so pronouns and "the agency" resolve against what
    came before; the registry (:class:`_Registry`) merges names into speakers.
    """

    def __init__(self, text: str, sentences: Sequence[Sentence] | None):
        self.text = text
        self.paras = _paragraphs(text)
        self.pieces = _pair_quotes(text, self.paras)
        self.sentences = list(sentences) if sentences is not None else _split(text, self.paras, self.pieces)
        self.reg = _Registry()
        self.info: list[_SentenceInfo] = []
        self.starts = [s.span.start for s in self.sentences]
        self.kept: list[_Piece] = []
        self.group_size: dict[int, int] = {}
        self.group_first: dict[int, _Piece] = {}
        for p in self.pieces:
            self.group_size[p.group] = self.group_size.get(p.group, 0) + 1
            self.group_first.setdefault(p.group, p)

    # -- helpers ----------------------------------------------------------------------
    def _sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _tokens(self, s: int, e: int, quotes: Sequence[_Piece]) -> list:
        """(start, end, text) tokens of text[s:e]; each quote becomes one "\\x00" token."""
        text = self.text
        toks: list = []
        pos = s
        for q in quotes:
            qs, qe = max(q.open, s), min(q.close + 1 if q.close is not None else q.ce, e)
            if qs > pos:
                toks += [(m.start(), m.end(), m[0]) for m in _TOKEN.finditer(text, pos, qs)]
            if qe > qs:
                toks.append((qs, qe, "\x00"))
            pos = max(pos, qe)
        if pos < e:
            toks += [(m.start(), m.end(), m[0]) for m in _TOKEN.finditer(text, pos, e)]
        return toks

    # -- main -----------------------------------------------------------------------------
    def run(self) -> None:
        text = self.text
        sentences = self.sentences
        # quote content and sentence membership
        for q in self.pieces:
            pe = self.paras[q.para][1]
            cs, ce = q.open + 1, (q.close if q.close is not None else pe)
            q.cs, q.ce = _strip(text, cs, ce)
            if q.cs >= q.ce:
                q.keep = False
                q.cs = q.ce = cs
            first = self._sent_of(q.open)
            last = self._sent_of(max(q.open, (q.close if q.close is not None else q.ce) - 1))
            q.first_sent = first
            q.sents = tuple(range(first, last + 1))
        by_first: dict[int, list[_Piece]] = {}
        overlapping: dict[int, list[_Piece]] = {}
        for q in self.pieces:
            by_first.setdefault(q.first_sent, []).append(q)
            for si in q.sents:
                overlapping.setdefault(si, []).append(q)
        for si, sent in enumerate(sentences):
            info = _SentenceInfo()
            self.info.append(info)
            if sent.is_heading:
                continue
            s, e = sent.span.start, sent.span.end
            here = [q for q in overlapping.get(si, ()) if q.keep or q.close is None]
            toks = self._tokens(s, e, here)
            info.toks = toks
            self._scan_mentions(si, toks)
            cues = self._find_cues(si, toks)
            info.cues = cues
            qtok_index = [k for k, t in enumerate(toks) if t[2] == "\x00"]
            qtok_starts = [toks[k][0] for k in qtok_index]
            cue_ks = [c.k for c in cues]
            prev_q = None
            for q in by_first.get(si, ()):
                if q.cs >= q.ce:
                    continue
                k = bisect.bisect_left(qtok_starts, max(q.open, s))
                qi = qtok_index[k] if k < len(qtok_index) else len(toks)
                prev_qi = qtok_index[k - 1] if 0 < k <= len(qtok_index) else -1
                q.partial = self._partial(q, prev_q, sent)
                self._quote_speaker(q, qi, prev_qi, toks, cues, cue_ks, si)
                q.keep = self._filter(q)
                if q.keep:
                    self.kept.append(q)
                    prev_q = q
                    if q.speaker is not None:
                        q.speaker.used = True
            self._attribute(si, sent, info, [q for q in overlapping.get(si, ()) if q.keep])
        # multi-paragraph quotes share one speaker
        by_group: dict[int, list[_Piece]] = {}
        for q in self.pieces:
            by_group.setdefault(q.group, []).append(q)
        for group in by_group.values():
            if len(group) > 1:
                src = next((q for q in group if q.speaker is not None), None)
                if src is not None:
                    for q in group:
                        if q.speaker is None:
                            q.speaker, q.speaker_span, q.cue, q.cue_span = src.speaker, src.speaker_span, src.cue, src.cue_span
                        q.keep = q.keep or q.cs < q.ce
        for info in self.info:
            q = info.quote
            if q is not None and info.ent is None and q.speaker is not None:
                info.ent, info.np_span = q.speaker, q.speaker_span
                if q.cue is not None and q.cue_span is not None:
                    info.cue = _Cue(-1, q.cue, q.cue_span.start, q.cue_span.end)


# --------------------------------------------------------------------------- public API

_NON_FACT_KINDS = frozenset(("year", "date", "year_range", "date_range", "ordinal"))


def _quantities(text: str) -> list:
    try:
        from .quantities import find_quantities
    except ImportError:  # pragma: no cover - quantities.py not installed
        return []
    return list(find_quantities(text, bare_months=True))  # ("in March" dates the figures beside it)


def _fact_carrying(q) -> bool:
    kind = getattr(q.kind, "value", q.kind)
    if kind in _NON_FACT_KINDS:
        return False
    if kind == "share" and not any(c.isdigit() for c in q.text):
        return False
    return bool(getattr(q, "fact", True))


def _build(text: str, sentences: Sequence[Sentence] | None, with_statements: bool) -> Analysis:
    an = _Analyzer(text, sentences)
    an.run()
    sents = an.sentences
    speakers: dict[int, Speaker] = {}
    order: list[_Entity] = []

    def speaker(ent: _Entity | None) -> Speaker | None:
        if ent is None:
            return None
        got = speakers.get(id(ent))
        if got is None:
            aliases = tuple(sorted(a for a in ent.aliases if a and a != ent.name))
            got = Speaker(ent.name, ent.kind, ent.role, aliases)
            speakers[id(ent)] = got
            order.append(ent)
        return got

    quotes: list[QuoteMention] = []
    piece_mention: dict[int, QuoteMention] = {}
    for q in an.pieces:
        if not q.keep or q.cs >= q.ce:
            continue
        outer_end = q.close + 1 if q.close is not None else q.ce
        mention = QuoteMention(
            span=Span(q.cs, q.ce),
            outer=Span(q.open, outer_end),
            text=text[q.cs : q.ce],
            speaker=speaker(q.speaker),
            speaker_span=q.speaker_span,
            cue=q.cue,
            cue_span=q.cue_span,
            partial=q.partial,
            sentence_indexes=q.sents,
            closed=q.close is not None,
        )
        quotes.append(mention)
        piece_mention[id(q)] = mention

    by_sentence: dict[int, list[QuoteMention]] = {}
    for m in quotes:
        for si in m.sentence_indexes:
            by_sentence.setdefault(si, []).append(m)
    if not with_statements:
        return Analysis(text, tuple(sents), tuple(quotes), (), ())
    found = _quantities(text)
    qstarts = [q.span.start for q in found]
    statements: list[Statement] = []
    for si, sent in enumerate(sents):
        info = an.info[si] if si < len(an.info) else _SentenceInfo()
        s, e = sent.span.start, sent.span.end
        lo = bisect.bisect_left(qstarts, s)
        qs = []
        for q in found[lo:]:
            if q.span.start >= e:
                break
            if q.span.end <= e:
                qs.append(q)
        mentions = tuple(by_sentence.get(si, ()))
        numeric = any(_fact_carrying(q) for q in qs)
        if sent.is_heading:
            kind = "heading"
        elif any(not m.partial for m in mentions):
            kind = "quote"
        elif numeric:
            kind = "numeric"
        else:
            kind = "factual"
        # carry a document's attribution to the figures that follow it
        if (
            kind == "numeric"
            and info.kind == "unattributed"
            and si >= 1
            and not sents[si - 1].is_heading
            and sent.paragraph - sents[si - 1].paragraph <= 1
        ):
            prev = an.info[si - 1]
            if prev.explicit and prev.kind == "paraphrase" and prev.ent is not None and prev.ent.kind == "document":
                info.kind, info.ent, info.continues = "paraphrase", prev.ent, si - 1
        if kind == "factual" and info.kind == "unattributed" and _OPINION.search(sent.text):
            kind = "opinion"
        cue = info.cue
        attribution = Attribution(
            sentence_index=si,
            kind=info.kind,
            cue=cue.word if cue is not None else None,
            cue_span=Span(cue.start, cue.end) if cue is not None else None,
            source=speaker(info.ent),
            source_span=info.np_span if info.ent is not None else None,
            via=speaker(info.via),
            named=tuple(speaker(x) for x in info.named),
            continues=info.continues,
            group=info.group,
        )
        statements.append(Statement(si, sent.span, sent.text, kind, attribution, mentions, tuple(qs)))
    ordered = sorted(order, key=lambda ent: ent.first)
    return Analysis(text, tuple(sents), tuple(quotes), tuple(statements), tuple(speakers[id(e)] for e in ordered))


def find_quotes(text: str, sentences: Sequence[Sentence] | None = None) -> list[QuoteMention]:
    """Direct quotes in ``text`` with their speakers, in text order.

    ``sentences`` (from :func:`split_sentences`) may be passed to reuse a split.

    >>> [(q.text, q.speaker.name, q.partial) for q in find_quotes(
    ...     'NTSB Chair Lydia Barrows called the delays “unacceptable.” '
    ...     '“We will look at the track,” she said. “We do not guess.”')]
    [('unacceptable.', 'Lydia Barrows', True), ('We will look at the track,', 'Lydia Barrows', False), ('We do not guess.', 'Lydia Barrows', False)]
    """
    return list(_build(text, sentences, with_statements=False).quotes)


def analyze(text: str) -> Analysis:
    """Sentences, quotes, attributions, typed statements and merged speakers of ``text``.

    >>> a = analyze('The report further states that 32,000 children missed hearings, The Center Square reports.')
    >>> s = a.statements[0]
    >>> s.kind, s.attribution.kind, s.attribution.via.name, s.attribution.source.name
    ('numeric', 'relayed', 'The Center Square', 'the report')
    """
    return _build(text, None, with_statements=True)


# --------------------------------------------------------------------------- drafts
def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:60] or "source"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def draft(text: str, *, article: Any = None) -> Any:
    """Draft a :class:`~claimgraph.graph.ClaimGraph` from raw article text.

    Every statement becomes a typed claim with its quantities, quotes and attribution;
    every speaker mentioned becomes one merged source.  A person then corrects the draft.

    >>> g = draft("Prices rose 5% in May, the agency said.")
    >>> [(c.kind, c.attribution.kind, c.quantities[0].text) for c in g.claims]
    [('numeric', 'paraphrase', '5%')]
    """
    from .graph import ClaimGraph
    from .model import Article, Claim, QuantityMention, QuoteSpan, Source, claim_id_for

    analysis = analyze(text)
    graph = ClaimGraph(article if article is not None else Article(text=text))
    ids: dict[tuple[str, str], str] = {}

    def source_id(speaker: Speaker | None) -> str | None:
        if speaker is None:
            return None
        key = (speaker.name, speaker.kind)
        if key not in ids:
            ids[key] = _slug(speaker.name, set(ids.values()))
            graph.add_source(Source(id=ids[key], name=speaker.name, kind=speaker.kind, role=speaker.role,
                                    aliases=speaker.aliases))
        return ids[key]

    taken: set[str] = set()
    for st in analysis.statements:
        cid = claim_id_for(st.text, taken)
        taken.add(cid)
        graph.add_claim(Claim(
            id=cid, start=st.span.start, end=st.span.end, text=st.text, kind=st.kind,
            attribution=_draft_attribution(st.attribution, source_id),
            quantities=tuple(QuantityMention.from_quantity(q, f"{cid}/q{n}")
                             for n, q in enumerate(st.quantities, 1) if st.span.contains(q.span)),
            quotes=tuple(QuoteSpan(start=q.span.start, end=q.span.end, text=q.text)
                         for q in st.quotes if st.span.contains(q.span)),
        ))
    return graph


def _draft_attribution(att: Attribution, source_id: Any) -> dict[str, Any]:
    if att.kind in ("direct_quote", "paraphrase") and att.source is not None:
        return {"kind": att.kind, "cue": att.cue, "source": source_id(att.source)}
    if att.kind == "relayed" and att.via is not None:
        return {"kind": "relayed", "cue": att.cue, "via": source_id(att.via), "source": source_id(att.source)}
    if att.kind == "vague":
        return {"kind": "vague", "cue": att.cue, "group": att.group or "unnamed",
                "named": tuple(source_id(s) for s in att.named)}
    return {"kind": "unattributed", "cue": att.cue}


__all__ += ["draft"]
