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
speakers are :mod:`claimgraph.entities`.  This module makes the pass over the sentences
and builds the values it returns.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Sequence

import attrs

from .entities import (
    _NP,
    _Entity,
    _Registry,
    _bare,
    _cap_word,
    _chunk_back,
    _chunk_forward,
    _classify_chunk,
    _is_acronym,
    _is_head,
    _surname,
)
from .lexicon import (
    _ADV_AUX,
    _ANON_HEADS,
    _BAD_BEFORE_SUBJECT,
    _CONTINUING,
    _DESCRIBE_VERBS,
    _DETERMINERS,
    _DOC_HEADS,
    _DOC_MODS,
    _EVIDENCE_VERBS,
    _FUNCTION_WORDS,
    _GOV_ACRONYMS,
    _GROUP_HEADS,
    _HEAD_SMALL,
    _INTRO_WORDS,
    _INVERTING,
    _JOINT_HEADS,
    _KNOWN_AS,
    _LAST_WORD,
    _LOWER_WORDS,
    _MODIFIER_CONTEXT,
    _NEXT_LOWER,
    _OPINION,
    _ORG_ANAPHORS,
    _PASSIVE,
    _PERSON_ANAPHORS,
    _PREV_WORD,
    _PRONOUNS,
    _PUBLISHED,
    _SPEECH_VERBS,
    _TITLE_ABBR,
    _TITLE_CUES,
    _TOKEN,
)
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

# a party and state after a name: (R-IA), (D - Calif.)
_PARTY = re.compile(r"[RDI]-[A-Z][\w.]*|[RDI]\s*-\s*[A-Z][\w.]*")
#: How many appositives may stand between a speaker and the verb ("Lee, 67, a driver in Fenwick, Ohio, said").
_MAX_APPOSITIVES = 4
#: Words before a place that an appositive's next segment goes on with ("in Fenwick, Ohio").
_PLACE_PREPOSITIONS = frozenset({"in", "of", "from", "near", "outside"})


def _goes_on_a_place(toks: list, c: int, seg: list, lo: int) -> bool:
    """Whether ``seg`` (after the comma at ``c``) is the rest of a place the words before name ("in Fenwick, Ohio")."""
    return len(seg) <= 3 and all(_cap_word(t[2]) for t in seg) and c - 2 >= lo and _cap_word(toks[c - 1][2]) \
        and toks[c - 2][2].lower() in _PLACE_PREPOSITIONS


def _appositive_ends_at(toks: list, j: int, lo: int) -> bool:
    """Whether the words ending at token ``j``, back to a comma, are an appositive of a speaker: an
    age ("67") or a description ("a retired driver"), not the speaker's name."""
    p = j
    while p >= lo and toks[p][2] not in (",", "\x00", ";", ":", "(", ")"):
        p -= 1
    if p < lo or toks[p][2] != "," or j - p > 9:
        return False
    seg = toks[p + 1 : j + 1]
    return (len(seg) == 1 and seg[0][2].isdigit()) or seg[0][2].lower() in ("a", "an") \
        or _goes_on_a_place(toks, p, seg, lo)


class _Cue:
    __slots__ = ("k", "word", "start", "end", "np", "ent", "continuing", "after")

    def __init__(self, k: int, word: str, start: int, end: int):
        self.k, self.word, self.start, self.end = k, word, start, end
        self.np: _NP | None = None
        self.ent: _Entity | None = None
        self.continuing = False
        self.after = False


class _SentenceInfo:
    __slots__ = ("toks", "cues", "kind", "cue", "ent", "np_span", "via", "named", "continues", "group", "explicit", "quote")

    def __init__(self) -> None:
        self.toks: list = []
        self.cues: list[_Cue] = []
        self.kind = "unattributed"
        self.cue: _Cue | None = None
        self.ent: _Entity | None = None
        self.np_span: Span | None = None
        self.via: _Entity | None = None
        self.named: list[_Entity] = []
        self.continues: int | None = None
        self.group: str | None = None
        self.explicit = False
        self.quote: _Piece | None = None




class _Analyzer:
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

    def _entity(self, np: _NP | None, si: int) -> _Entity | None:
        """Register or resolve the entity a noun phrase names."""
        if np is None:
            return None
        reg = self.reg
        ent: _Entity | None
        if np.kind == "pronoun":
            want = _PRONOUNS.get(np.head, "self")
            ent = None if want == "self" else reg.resolve(want, si, np.start)
        elif np.kind == "anaphor":
            if np.head in _ORG_ANAPHORS:
                ent = reg.resolve("body", si, np.start, np.head)
            else:
                ent = reg.resolve("person", si, np.start, np.head)
            if ent is None:
                if np.head in _ORG_ANAPHORS:
                    ent = reg.body("organization", "the " + np.name if not np.name.lower().startswith("the ") else np.name, np.start)
                else:
                    ent = reg.person(np.name, None, np.start)
        elif np.kind == "person":
            ent = reg.person(np.name, np.role, np.start)
        elif np.kind == "joint":
            members: list[_Entity] = []
            for member in np.members:
                m = reg.person(member.name, member.role, member.start)
                reg.note(m, si, member.start)
                if m not in members:
                    members.append(m)
            ent = reg.joint_of(members) if len(members) > 1 else (members[0] if members else None)
        elif np.kind in ("government_body", "organization", "news_outlet"):
            ent = reg.body(np.kind, np.name, np.start)
        elif np.kind == "outlet":
            ent = reg.body("news_outlet", np.name, np.start)
        elif np.kind == "document":
            mods = np.role.split() if np.role else []
            ent = None
            owner = next((m for m in reversed(mods) if m.endswith(("\u2019s", "'s"))), None)
            if owner is not None:
                o = _bare(owner)
                if o.lower() in _ORG_ANAPHORS and o[0].islower():
                    ent = reg.resolve("body", si, np.start, o.lower())
                elif o[0].isupper() and o.lower() in reg.persons:
                    ent = reg.persons[o.lower()][-1]
                elif o[0].isupper() and _is_acronym(o):
                    ent = reg.body("government_body" if o in _GOV_ACRONYMS else "organization", o, np.start)
            if ent is None:
                ent = reg.document(np.head, mods, np.name, si, np.start)
        elif np.kind in ("group", "anon"):
            ent = None
            words = np.name.lower().split()
            if np.kind == "group" and words and words[-1] in _JOINT_HEADS and self.text[np.start : np.start + 4].lower() == "the ":
                ent = reg.joint(words[-1], si)
            if ent is None:
                ent = reg.group(np.name, np.start)
        else:
            ent = None
        if ent is not None:
            reg.note(ent, si, np.start)
        return ent

    # -- noun phrases -------------------------------------------------------------------
    def _head_np(self, toks: list, j: int, lo: int, bare: bool = False) -> _NP | None:
        """A lower-case-headed phrase ending at toks[j]: "the report", "other legislators"."""
        text = self.text
        w = toks[j][2]
        low = _bare(w).lower()
        i = j
        det = None
        mods: list[str] = []
        while i - 1 >= lo and j - i < 6:
            pw = toks[i - 1][2]
            pl = pw.lower()
            if pl in _DETERMINERS:
                det = i - 1
                break
            if pw == "\x00" or not pw[0].isalnum() or pl in _BAD_BEFORE_SUBJECT or pl in _SPEECH_VERBS or pl in _PASSIVE:
                break
            if low in _DOC_HEADS and not (_cap_word(pw) or pl in _DOC_MODS or pw[0].isdigit()):
                break
            if pl in ("and", "or", "but", "that", "while", "as", "with", "because", "when", "if", "so"):
                break
            mods.insert(0, pw)
            i -= 1
        start = toks[det][0] if det is not None else toks[i][0]
        if low in _DOC_HEADS:
            if det is None and not bare and not any(_cap_word(m) for m in mods):
                return None
            # a document keeps its modifiers in ``role`` ("DHS OIG") until the registry names it
            return _NP("document", start, toks[j][1], text[start : toks[j][1]], role=" ".join(mods) or None, head=low)
        if low in _GROUP_HEADS:
            phrase = text[toks[i][0] : toks[j][1]] if det is None or toks[det][2].lower() in ("the", "a", "an") else text[start : toks[j][1]]
            return _NP("group", start, toks[j][1], phrase)
        det_w = toks[det][2].lower() if det is not None else ""
        if low in _PERSON_ANAPHORS or low in _ORG_ANAPHORS or low in _ANON_HEADS:
            if det_w in ("the", "this", "that") and (low in _PERSON_ANAPHORS or low in _ORG_ANAPHORS):
                return _NP("anaphor", start, toks[j][1], text[toks[i][0] : toks[j][1]], head=low)
            if det_w in ("a", "an", "one", "another") and low in _ANON_HEADS:
                return _NP("anon", start, toks[j][1], text[toks[i][0] : toks[j][1]], head=low)
        return None

    def _np_ending_at(self, toks: list, j: int, lo: int = 0) -> _NP | None:
        if j < lo:
            return None
        text = self.text
        w = toks[j][2]
        if w == "\x00":
            return None
        low = w.lower()
        if low in _PRONOUNS:
            return _NP("pronoun", toks[j][0], toks[j][1], w, head=low)
        np = None
        if _bare(low) in _DOC_HEADS or _bare(low) in _GROUP_HEADS or low in _ANON_HEADS or low in _PERSON_ANAPHORS or low in _ORG_ANAPHORS:
            if not w[0].isupper() or j == lo or (j - 1 >= lo and toks[j - 1][2].lower() in _DETERMINERS) or low in _GROUP_HEADS:
                np = self._head_np(toks, j, lo)
        if np is None and (_cap_word(w) or (w == "." and j - 1 >= lo and toks[j - 1][2] in _TITLE_ABBR)):
            i = max(_chunk_back(toks, j), lo)
            if i - 1 >= lo and toks[i - 1][2].lower() in _BAD_BEFORE_SUBJECT:
                np = _classify_chunk(text, toks, i, j)
                if np is None:
                    return None
            else:
                last = _bare(toks[j][2]).lower()
                definite = toks[i][2] == "The" or (i - 1 >= lo and toks[i - 1][2] == "the")
                if definite and j > i and last in _PERSON_ANAPHORS and toks[j][2][0].isupper():
                    first = i + 1 if toks[i][2] == "The" else i
                    start = toks[i][0] if toks[i][2] == "The" else toks[i - 1][0]
                    return _NP("anaphor", start, toks[j][1], text[toks[first][0] : toks[j][1]], head=last)
                np = _classify_chunk(text, toks, i, j)
                if np is not None and np.kind == "anaphor" and i - 1 >= lo and toks[i - 1][2].lower() in ("a", "an"):
                    np.kind = "anon"
                if np is not None and np.kind == "person" and not np.role and i - 2 >= lo and toks[i - 1][2].lower() in _ANON_HEADS | _PERSON_ANAPHORS:
                    # "City Council member Yolanda Pierce": a lower-case title between a body and the name
                    b = _chunk_back(toks, i - 2) if _cap_word(toks[i - 2][2]) else i - 1
                    np.role = text[toks[max(b, lo)][0] : toks[i - 1][1]]
                    np.start = toks[max(b, lo)][0]
                return np
        if np is None:
            return None
        # "a spokesperson for the pharmacy chain" -> "pharmacy chain spokesperson"
        i0 = j
        while i0 - 1 >= lo and toks[i0 - 1][0] >= np.start:
            i0 -= 1
        if i0 - 2 >= lo and toks[i0 - 1][2].lower() in ("for", "at", "with", "of", "from") and toks[i0 - 2][2].lower() in _ANON_HEADS:
            inner = self._head_np(toks, i0 - 2, lo)
            if inner is not None and inner.kind == "anon":
                obj = text[np.start : np.end]
                if obj.lower().startswith("the "):
                    obj = obj[4:]
                inner.end = np.end
                inner.name = obj + " " + inner.name
                return inner
        if i0 - 1 >= lo and toks[i0 - 1][2].lower() in _BAD_BEFORE_SUBJECT and np.kind not in ("document",):
            return None
        return np

    def _det_skip(self, toks: list, j: int, lo: int) -> int:
        i = j
        while i - 1 >= lo and j - i < 4 and toks[i - 1][2].lower() not in _DETERMINERS and toks[i - 1][2][0].isalnum():
            i -= 1
        return toks[i][0]

    def _members(self, toks: list, i: int, j: int) -> list[_NP]:
        """Named members in an "including X, Y and Z" list (toks[i:j])."""
        out = []
        k = i
        while k < j:
            w = toks[k][2]
            if w == "(":
                while k < j and toks[k][2] != ")":
                    k += 1
                k += 1
                continue
            if _cap_word(w):
                e = min(_chunk_forward(toks, k), j - 1)
                np = _classify_chunk(self.text, toks, k, e)
                if np is not None and np.kind == "joint":
                    out.extend(np.members)
                elif np is not None and np.kind != "anaphor":
                    out.append(np)
                k = e + 1
            else:
                k += 1
        return out

    def _subject_before(self, toks: list, k: int, lo: int) -> _NP | None:
        j = k - 1
        n = 0
        while j >= lo and toks[j][2].lower() in _ADV_AUX and n < 4:
            j -= 1
            n += 1
        if j < lo or toks[j][2].lower() in _PASSIVE:
            return None
        named: list[_NP] = []
        role_text = None
        if toks[j][2] == ")":
            o = j - 1
            while o >= lo and o > j - 9 and toks[o][2] != "(":
                o -= 1
            if o < lo or toks[o][2] != "(":
                return None
            j = o - 1
        elif toks[j][2] == ",":
            hops = 0
            # an appositive or a chain of them: "Smith, 54, said"; "Ruth Lee, 67, a retired driver in Fenwick, Ohio, said"
            while j >= lo and toks[j][2] == "," and hops < _MAX_APPOSITIVES:
                hops += 1
                c = j - 1
                while c >= lo and c > j - 30 and toks[c][2] not in (",", "\x00", ";", ":", "(", ")"):
                    c -= 1
                if toks[c][2] == ")":  # "(R-IA)," inside the appositive
                    c2 = c - 1
                    while c2 >= lo and c2 > c - 9 and toks[c2][2] != "(":
                        c2 -= 1
                    c = c2 - 1
                    while c >= lo and c > j - 30 and toks[c][2] not in (",", "\x00", ";", ":"):
                        c -= 1
                if c < lo or toks[c][2] != ",":
                    return None
                seg = toks[c + 1 : j]
                if not seg:
                    return None
                first = seg[0][2].lower()
                if _goes_on_a_place(toks, c, seg, lo):
                    j = c  # "… a retired driver in Fenwick, Ohio, said": the place goes on, no speaker
                    continue
                segtext = self.text[seg[0][0] : seg[-1][1]]
                if len(seg) == 1 and first.isdigit():
                    first = "who"  # an age: "Smith, 54, said"
                if first in ("including", "like", "among") or (first == "such" and len(seg) > 1 and seg[1][2] == "as"):
                    named = self._members(toks, c + 2 if first != "such" else c + 3, j)
                elif first in ("a", "an", "the", "who", "whose", "which", "one", "also", "along", "together", "now",
                               "then", "formerly", "himself", "herself", "themselves", "itself", "as", "both") or _PARTY.fullmatch(segtext) or (
                        seg[0][2][0].islower() and len(seg) <= 8):
                    if first in ("a", "an", "the") and len(seg) <= 8 and role_text is None:
                        role_text = self.text[seg[1][0] : seg[-1][1]] if len(seg) > 1 else None
                elif _cap_word(seg[0][2]):
                    e = c + 1 + len(seg) - 1
                    if seg[-1][2] == ")":
                        e = c + 1 + next((m for m in range(len(seg)) if seg[m][2] == "("), len(seg)) - 1
                    if _chunk_forward(toks, c + 1) != e:
                        return None
                    np = _classify_chunk(self.text, toks, c + 1, e)
                    if np is None or np.kind not in ("person", "joint"):
                        return None
                    role = self._role_before(toks, c, lo)
                    if role and not np.role:
                        np.role = role
                    return np
                else:
                    return None
                j = c - 1
                if j >= lo and toks[j][2] == ")":
                    o = j - 1
                    while o >= lo and o > j - 9 and toks[o][2] != "(":
                        o -= 1
                    if o < lo:
                        return None
                    j = o - 1
                elif j >= lo and _appositive_ends_at(toks, j, lo):
                    j = c  # "Ruth Lee, 67, a retired driver, said": the age before the role is one too
        np = self._np_ending_at(toks, j, lo)
        if np is not None:
            np.named = named
            if role_text and np.kind == "person" and not np.role and not _PARTY.fullmatch(role_text):
                np.role = role_text
        return np

    def _role_before(self, toks: list, c: int, lo: int) -> str | None:
        """The role phrase before "…, NAME," ("the chief executive", "Her lawyer")."""
        j = c - 1
        if j < lo or not toks[j][2][:1].islower() or toks[j][2].lower() in _SPEECH_VERBS:
            return None
        i = j
        while i - 1 >= lo and j - i < 5:
            w = toks[i - 1][2]
            if not w[0].isalnum() or w == "\x00":
                break
            i -= 1
            if w.lower() in _DETERMINERS or w.lower() in ("her", "his", "their", "its", "our") or w.endswith(("\u2019s", "'s")):
                break
        if i > lo and toks[i - 1][2] not in (",", "\x00", "\u2014", ";", ":"):
            return None
        words = [t[2] for t in toks[i : j + 1]]
        while words and words[0].lower() in ("the", "a", "an", "her", "his", "their", "its", "our"):
            words.pop(0)
            i += 1
        return self.text[toks[i][0] : toks[j][1]] if words else None

    def _main_subject(self, toks: list, k: int) -> _NP | None:
        """The subject at the start of the sentence (after an opening phrase such as "In 2023,")."""
        i = 0
        if toks and toks[0][2].isupper() and len(toks[0][2]) > 1:
            for d in range(min(k, 14)):
                if toks[d][2] in ("-", "\u2014", "\u2013"):
                    i = d + 1  # dateline: "WASHINGTON, April 16 (Reuters) -"
                    break
        if i < k and toks[i][2].lower() in _INTRO_WORDS:
            while i < k and toks[i][2] != ",":
                i += 1
            i += 1
        if i >= k:
            return None
        np = self._np_after(toks, i, k)
        if np is not None and np.kind in ("pronoun",) and np.head in ("it", "they"):
            return np
        return np if np is not None and np.end <= toks[k][0] else None

    def _np_after(self, toks: list, k: int, hi: int) -> _NP | None:
        """The phrase starting at toks[k]; a document "published by X" or "from X" gives X."""
        np = self._np_after_raw(toks, k, hi)
        if np is None or np.kind != "document":
            return np
        j = k
        while j < hi and toks[j][0] < np.end:
            j += 1
        if j < hi and toks[j][2].lower() in _PUBLISHED:
            j += 1
        if j + 1 < hi and toks[j][2].lower() in ("by", "from"):
            owner = self._np_after_raw(toks, j + 1, hi)
            if owner is not None and owner.kind in ("person", "joint", "government_body", "organization", "outlet", "anaphor"):
                return owner
        return np

    def _np_after_raw(self, toks: list, k: int, hi: int) -> _NP | None:
        if k >= hi:
            return None
        text = self.text
        w = toks[k][2]
        low = w.lower()
        if low in _PRONOUNS:
            return _NP("pronoun", toks[k][0], toks[k][1], w, head=low)
        i = k + 1 if low in _DETERMINERS else k
        if i >= hi:
            return None
        if low in _DETERMINERS:
            for j in range(i, min(hi, i + 6)):
                w2 = toks[j][2]
                wl2 = _bare(w2.lower())
                if not w2[0].isalnum() and w2 not in (".", "&"):
                    break
                if wl2 in _BAD_BEFORE_SUBJECT or wl2 in _SPEECH_VERBS:
                    break
                if w2[0].islower() and (wl2 in _DOC_HEADS or wl2 in _GROUP_HEADS or wl2 in _ANON_HEADS
                                        or wl2 in _PERSON_ANAPHORS or wl2 in _ORG_ANAPHORS):
                    while j + 1 < hi and _is_head(toks[j + 1][2]) and toks[j + 1][2][:1].islower():
                        j += 1
                    np = self._head_np(toks, j, k)
                    if np is not None:
                        return np
                    break
        if _cap_word(toks[i][2]):
            e = min(_chunk_forward(toks, i), hi - 1)
            if e < i:
                return None
            if e + 1 < hi and _bare(toks[e + 1][2].lower()) in (_DOC_HEADS | _GROUP_HEADS | _ANON_HEADS):
                np = self._head_np(toks, e + 1, k)
                if np is not None:
                    return np
            np = _classify_chunk(text, toks, i, e)
            if np is not None and np.kind == "anaphor" and low in ("a", "an"):
                np.kind = "anon"
            return np
        for j in range(i, min(hi, i + 5)):
            wl = _bare(toks[j][2].lower())
            if not toks[j][2][0].isalnum() or wl in _BAD_BEFORE_SUBJECT or (j > i and wl in _DETERMINERS):
                return None
            if wl in _DOC_HEADS or wl in _GROUP_HEADS or wl in _ANON_HEADS or wl in _PERSON_ANAPHORS or wl in _ORG_ANAPHORS:
                np = self._head_np(toks, j, k, bare=True)
                if np is not None and np.kind == "anon" and j + 2 < hi and toks[j + 1][2].lower() in ("for", "at", "with", "from", "of") and _cap_word(toks[j + 2][2]):
                    e = min(_chunk_forward(toks, j + 2), hi - 1)
                    obj = text[toks[j + 2][0] : toks[e][1]]
                    np.end = toks[e][1]
                    np.name = obj + " " + np.name
                return np
        return None

    # -- cues ---------------------------------------------------------------------------
    def _find_cues(self, si: int, toks: list) -> list[_Cue]:
        cues: list[_Cue] = []
        n = len(toks)
        for k in range(n):
            w = toks[k][2]
            low = w.lower()
            if low == "according" and k + 1 < n and toks[k + 1][2].lower() == "to":
                cue = _Cue(k, "according to", toks[k][0], toks[k + 1][1])
                cue.np = self._np_after(toks, k + 2, n)
                cue.after = True
                cues.append(cue)
            elif low in ("findings", "finding") and k + 1 < n and toks[k + 1][2].lower() in ("of", "in", "from"):
                np = self._np_after(toks, k + 2, n)
                if np is not None and np.kind == "document":
                    cue = _Cue(k, low + " " + toks[k + 1][2].lower(), toks[k][0], toks[k + 1][1])
                    cue.np = np
                    cue.after = True
                    cues.append(cue)
            elif (low in _SPEECH_VERBS or low in _DESCRIBE_VERBS) and (k == 0 or not w[0].isupper()):
                if low in ("reports", "documents", "claims", "findings", "notes", "estimates", "projects", "calls", "fears", "posts", "states", "shows") and k > 0 and toks[k - 1][2].lower() in _DETERMINERS:
                    continue  # a noun, not a verb
                cue = _Cue(k, low, toks[k][0], toks[k][1])
                np = self._subject_before(toks, k, 0)
                after_comma = k >= 1 and (toks[k - 1][2] == "\x00" or toks[k - 1][2] in (",", "\u2014", "\u2013", "-"))
                if np is None and low in _INVERTING and (k == 0 or after_comma):
                    np = self._np_after(toks, k + 1, n)
                    if np is not None and np.kind == "pronoun" and not (k >= 1 and toks[k - 1][2] == "\x00" or (
                            k >= 2 and toks[k - 2][2] == "\x00")):
                        nxt = toks[k + 2][2] if k + 2 < n else "."
                        if nxt[0].isalnum():
                            np = None  # "…, said they had saved the dog": not "said Smith"
                    cue.after = np is not None
                if np is None and (low.endswith("ing") or (k >= 1 and toks[k - 1][2].lower() in ("and", "but"))):
                    np = self._main_subject(toks, k)
                if np is not None and low in _EVIDENCE_VERBS and np.kind not in ("document", "government_body", "organization", "outlet", "anaphor"):
                    np = None  # "Hispanics (5.0 percent) showed little change" is no attribution
                cue.np = np
                j = k - 1
                while j >= 0 and toks[j][2].lower() in _ADV_AUX and j > k - 5:
                    if toks[j][2].lower() in _CONTINUING:
                        cue.continuing = True
                    j -= 1
                if low in ("continued", "continues", "adds", "added"):
                    cue.continuing = True
                if cue.np is not None:
                    cues.append(cue)
            elif w == ":" and k + 1 < n and toks[k + 1][2] == "\x00" and k >= 1 and _cap_word(toks[k - 1][2]):
                i = _chunk_back(toks, k - 1)
                if i == 0 or toks[i - 1][2] in (",", "\u2014", "(", ";"):
                    np = _classify_chunk(self.text, toks, i, k - 1)
                    if np is not None and np.kind in ("person", "government_body", "organization", "news_outlet", "outlet"):
                        cue = _Cue(k, ":", toks[k][0], toks[k][1])
                        cue.np = np
                        cues.append(cue)
        for cue in cues:
            cue.ent = self._entity(cue.np, si)
        return cues

    def _scan_mentions(self, si: int, toks: list) -> None:
        """Note the people a sentence names, for pronouns later on."""
        reg = self.reg
        n = len(toks)
        k = 0
        first_word = True
        while k < n:
            w = toks[k][2]
            if w == "\x00" or not (w[0].isupper() or (w[0].isdigit() and _cap_word(w))):
                if w[0].isalnum():
                    first_word = False
                k += 1
                continue
            e = _chunk_forward(toks, k)
            if e < k:
                k += 1
                continue
            units = e - k + 1
            sub = _bare(w).lower()
            if units == 1 and sub in reg.persons:
                reg.note(reg.persons[sub][-1], si, toks[k][0])
            elif units >= 2 or _is_acronym(w):
                np = _classify_chunk(self.text, toks, k, e)
                if np is not None and np.kind in ("government_body", "organization") and (units >= 2 or _is_acronym(w)):
                    reg.note(reg.body(np.kind, np.name, np.start), si, np.start)
                elif np is not None and np.kind == "joint":
                    for member in np.members:
                        if member.role or " " in member.name:
                            reg.note(reg.person(member.name, member.role, member.start), si, member.start)
                elif np is not None and np.kind == "person" and (np.role or (first_word and e + 1 < n and toks[e + 1][2][:1].islower()) or _surname(np.name) in reg.persons):
                    if " " in np.name or _surname(np.name) in reg.persons:
                        reg.note(reg.person(np.name, np.role, np.start), si, np.start)
            first_word = False
            k = e + 1

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

    def _leading_source(self, toks: list) -> tuple[_Entity | None, _NP | None]:
        if not toks or not _cap_word(toks[0][2]):
            return None, None
        e = _chunk_forward(toks, 0)
        if e < 0:
            return None, None
        if e + 1 < len(toks) and _bare(toks[e + 1][2].lower()) in _DOC_HEADS:
            np = self._head_np(toks, e + 1, 0)
        else:
            np = _classify_chunk(self.text, toks, 0, e)
        if np is None or np.kind in ("outlet", "news_outlet", "anaphor"):
            return None, None
        return self._entity(np, 0), np

    def _attribute(self, si: int, sent: Sentence, info: _SentenceInfo, quotes: list[_Piece]) -> None:
        full = [q for q in quotes if not q.partial]
        if full:
            q = full[0]
            info.quote = q
            info.kind = "direct_quote"
            info.ent = q.speaker
            info.np_span = q.speaker_span
            if q.cue is not None:
                cue = _Cue(-1, q.cue, q.cue_span.start, q.cue_span.end)
                info.cue = cue
            info.explicit = True
            return
        cues = [c for c in info.cues if c.ent is not None]
        outlet = next((c for c in cues if c.ent.kind == "news_outlet" and c.word != "according to" or
                       c.ent.kind == "news_outlet" and c.word == "according to"), None)
        if outlet is not None:
            info.kind = "relayed"
            info.via = outlet.ent
            info.cue = outlet
            outlet.ent.used = True
            other = next((c for c in cues if c.ent.kind != "news_outlet"), None)
            if other is not None:
                info.ent, info.np_span = other.ent, Span(other.np.start, other.np.end)
            else:
                ent, np = self._leading_source(info.toks)
                if ent is not None and np is not None and np.end <= outlet.start:
                    info.ent, info.np_span = ent, Span(np.start, np.end)
            if info.ent is not None:
                info.ent.used = True
            info.explicit = True
            return
        partial_with_speaker = next((q for q in quotes if q.speaker is not None), None)
        cue = cues[0] if cues else None
        if cue is None and partial_with_speaker is not None:
            q = partial_with_speaker
            info.kind = "paraphrase" if q.speaker.kind != "vague_group" else "vague"
            info.ent, info.np_span = q.speaker, q.speaker_span
            if q.cue is not None and q.cue_span is not None:
                info.cue = _Cue(-1, q.cue, q.cue_span.start, q.cue_span.end)
            info.explicit = True
            return
        if cue is None:
            # "The report …" once a report is known
            toks = info.toks
            if toks and toks[0][2] in ("The", "This", "Its") and len(toks) > 2:
                j = 1
                while j < min(len(toks), 5) and _bare(toks[j][2].lower()) not in _DOC_HEADS and (_cap_word(toks[j][2]) or toks[j][2].lower() in _DOC_MODS):
                    j += 1
                if j < len(toks) and _bare(toks[j][2].lower()) in _DOC_HEADS and toks[j][2].lower() not in ("data", "figures", "statistics"):
                    if j + 1 < len(toks) and toks[j + 1][2][0].isalpha() and toks[j + 1][2].lower() not in ("of", "by", "from", "on", "that", "which"):
                        np = self._head_np(toks, j, 0)
                        if np is not None and np.kind == "document" and (np.role or self.reg.docs.get(np.head)):
                            ent = self._entity(np, si)
                            if ent is not None:
                                info.kind, info.ent, info.np_span = "paraphrase", ent, Span(np.start, np.end)
                                ent.used = True
                                info.explicit = True
            return
        info.cue = cue
        info.ent = cue.ent
        info.np_span = Span(cue.np.start, cue.np.end)
        cue.ent.used = True
        info.explicit = True
        if cue.ent.kind == "vague_group":
            info.kind = "vague"
            info.group = self.text[cue.np.start : cue.np.end]
        else:
            info.kind = "paraphrase"
        for member in cue.np.named:
            ent = self._entity(member, si)
            if ent is not None:
                ent.used = True
                info.named.append(ent)
        if cue.continuing:
            for j in range(si - 1, max(-1, si - 60), -1):
                other = self.info[j]
                if other.ent is cue.ent and other.explicit:
                    info.continues = j
                    break


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
