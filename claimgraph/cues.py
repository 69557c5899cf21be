"""Attribution cues, the phrases that speak them, and how each sentence is attributed.

A cue is what credits a sentence's content to someone: a speech or description verb
("said", "reports", "found"), "according to", "findings of", or a colon before a quote.
:class:`_Cues` finds the cues among a sentence's tokens together with the noun phrase
that speaks each one (the subject before the verb, through appositives and "including
X and Y" lists; the phrase after an inverted verb; the main subject), registers or
resolves the entity that phrase names (names, bodies, documents, outlets, groups,
pronouns and anaphors, through :class:`~claimgraph.entities._Registry`), notes the people
a sentence names for later pronouns, and decides each sentence's attribution (a direct
quote, relayed by an outlet, a paraphrase, a vague group, carried on from an earlier
sentence).  It is a mixin of :class:`claimgraph.extract._Analyzer`, which makes the pass
over the sentences; :class:`_Cue` and :class:`_SentenceInfo` are the records it fills.
"""

from __future__ import annotations

import re

from .entities import (
    _NP,
    _Entity,
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
    _GOV_ACRONYMS,
    _GROUP_HEADS,
    _INTRO_WORDS,
    _INVERTING,
    _JOINT_HEADS,
    _ORG_ANAPHORS,
    _PASSIVE,
    _PERSON_ANAPHORS,
    _PRONOUNS,
    _PUBLISHED,
    _SPEECH_VERBS,
    _TITLE_ABBR,
)
from .sentences import Sentence, _Piece
from .spans import Span


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


class _Cues:
    """Attribution cues and their speakers: the part of :class:`~claimgraph.extract._Analyzer` that
    reads who or what a sentence credits.  Needs ``text``, ``reg`` (the
    :class:`~claimgraph.entities._Registry`) and ``info`` (one :class:`_SentenceInfo` per sentence
    read so far)."""

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

    # -- attributions -------------------------------------------------------------------
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
