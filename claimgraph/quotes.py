"""Which paired quote marks hold a direct quote, and who speaks it.

:class:`_Quotes` is a mixin of :class:`claimgraph.extract._Analyzer`, called for each
quote (a :class:`~claimgraph.sentences._Piece`) in the pass over the sentences.  A quote
is partial when it is a fragment used inside a sentence (called the delays
"unacceptable").  Scare quotes, titles, nicknames, terms and stray marks are not quotes.
A quote's speaker is the cue just after or before it (:mod:`claimgraph.cues`), else the
speaker of the quote just before, of an introduction ending in ":", or the person just
named in the paragraph.
"""

from __future__ import annotations

import bisect

from .cues import _Cue
from .lexicon import (
    _DESCRIBE_VERBS,
    _FUNCTION_WORDS,
    _HEAD_SMALL,
    _KNOWN_AS,
    _LAST_WORD,
    _LOWER_WORDS,
    _MODIFIER_CONTEXT,
    _NEXT_LOWER,
    _PREV_WORD,
    _SPEECH_VERBS,
    _TITLE_CUES,
)
from .sentences import Sentence, _Piece
from .spans import Span


class _Quotes:
    """Direct quotes: the part of :class:`~claimgraph.extract._Analyzer` that decides whether a
    paired quote is kept, whether it is partial, and who speaks it.  Needs ``text``, ``paras``,
    ``sentences``, ``reg``, ``info``, ``kept``, ``group_size`` and ``group_first``."""

    # -- quotes -------------------------------------------------------------------------
    def _quote_speaker(self, q: _Piece, qi: int, prev_qi: int, toks: list, cues: list[_Cue], ks: list[int], si: int) -> None:
        n = len(toks)
        best = None
        x = bisect.bisect_right(ks, qi)  # the first cue after the quote
        # tail: "…,” said X" / "…,” X said"
        m = qi + 1
        while m < n and toks[m][2] in (",", "\u2014", "\u2013", "-"):
            m += 1
        if m < n and x < len(cues):
            cue = cues[x]
            if toks[m][0] == min(cue.start, cue.np.start if cue.np is not None else cue.start):
                best = cue
        # intro: "X said: “…”"
        if best is None and x - 1 >= 0 and cues[x - 1].k > prev_qi:
            best = cues[x - 1]
        if best is None and cues:
            near = [c for c in (cues[x - 1] if x - 1 >= 0 else None, cues[x] if x < len(cues) else None) if c is not None]
            best = min(near, key=lambda c: abs(c.k - qi))
        if best is not None:
            q.speaker = best.ent
            q.speaker_span = Span(best.np.start, best.np.end) if best.np is not None and best.ent is not None else None
            q.cue = best.word if best.word != ":" else None
            q.cue_span = Span(best.start, best.end) if best.word != ":" else None
            return
        # previous sentences: the last speaker quoted just before, or an intro ending with ":"
        for prev in reversed(self._kept_before(q)):
            if prev.speaker is not None and prev.first_sent >= si - 2 and prev.para >= q.para - 1:
                q.speaker, q.speaker_span, q.cue, q.cue_span = prev.speaker, prev.speaker_span, prev.cue, prev.cue_span
                return
            break
        if si >= 1:
            info = self.info[si - 1] if si - 1 < len(self.info) else None
            prev_sent = self.sentences[si - 1]
            if info is not None and info.ent is not None and info.kind in ("paraphrase", "direct_quote") and (
                prev_sent.text.rstrip().endswith(":") or prev_sent.paragraph >= q.para - 1
            ) and info.cue is not None:
                q.speaker = info.ent
                q.speaker_span = info.np_span
                q.cue = info.cue.word if info.cue.word != ":" else None
                q.cue_span = Span(info.cue.start, info.cue.end) if info.cue.word != ":" else None
                return
        if not q.partial:
            para_start = self.paras[q.para][0]
            for s, p, ent in reversed(self.reg.recent[-30:]):
                if p < para_start:
                    break
                if p < q.open and ent.kind == "person":
                    q.speaker = ent
                    return

    def _kept_before(self, q: _Piece) -> list[_Piece]:
        return self.kept[-3:]

    def _partial(self, q: _Piece, prev: _Piece | None, sent: Sentence) -> bool:
        text = self.text
        if q.open == self.paras[q.para][0] and self.group_first.get(q.group, q) is not q:
            return False
        lo = sent.span.start
        if prev is not None and prev.close is not None and prev.close >= lo:
            lo = prev.close + 1
        pre = text[lo : q.open].strip()
        k = q.cs
        while k < q.ce and text[k] in "\u2026.[( ":
            k += 1
        fc = text[k] if k < q.ce else ""
        if not pre:
            return False
        last = pre[-1]
        if last == ":":
            return fc.islower()
        if last in ",\u2014\u2013-":
            if prev is not None and prev.close is not None and prev.close >= sent.span.start and not prev.partial:
                return False
            if not _SPEECH_VERBS.isdisjoint(_LOWER_WORDS.findall(pre.lower()[-300:])) or "according to" in pre.lower():
                return fc.islower()
            return True
        m = _LAST_WORD.search(pre[-80:])
        if m and m.group(1).lower() in _SPEECH_VERBS:
            return fc.islower()
        return True

    def _filter(self, q: _Piece) -> bool:
        """Keep a quote?  Scare quotes, titles and stray marks are not quotes."""
        text = self.text
        content = text[q.cs : q.ce]
        words = content.split()
        if not words:
            return False
        lo = self.paras[q.para][0]
        before = text[max(lo, q.open - 30) : q.open].rstrip().lower()
        m = _PREV_WORD.search(before)
        prev_word = m.group(1) if m else ""
        if prev_word in _TITLE_CUES or prev_word == "so-called" or before.endswith(("the term", "the word", "the phrase", "the words")) or _KNOWN_AS.search(before):
            return False
        multi = self.group_size.get(q.group, 0) > 1
        attributed = q.speaker is not None or q.cue is not None
        if q.close is None and not multi and not attributed:
            return False
        bare_end = content.rstrip(",;")[-1:].isalnum()  # no sentence punctuation inside the marks
        if len(words) <= 2:
            if not attributed:
                return False
            after = q.close + 1 if q.close is not None else q.ce
            m2 = _NEXT_LOWER.match(text, after, after + 30)
            if m2 and m2.group(1) not in _FUNCTION_WORDS and bare_end and (
                    prev_word in _MODIFIER_CONTEXT or before.endswith(("\u2019s", "'s"))):
                return False  # modifier use: the “sanctuary” policies
        if prev_word in ("a", "an", "the") and len(words) <= 4 and bare_end and not any(
                v in _DESCRIBE_VERBS for v in _LOWER_WORDS.findall(before)):
            return False  # a term: releases with a “notice to report”
        if (q.speaker is None or q.partial) and len(words) >= 2 and bare_end and words[0][0].isupper():
            if all(w[0].isupper() or w.lower() in _HEAD_SMALL for w in words):
                return False  # a title or a nickname: the “Family Dairy Safety Net Act”
        return True
