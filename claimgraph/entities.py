"""Names in article text and the speakers they stand for.

A sentence's tokens are ``(start, end, text)`` triples, each quote one ``"\\x00"``
token, as :mod:`claimgraph.extract` makes them.  :func:`_chunk_back` and
:func:`_chunk_forward` find the capitalised chunk around a token, and
:func:`_classify_chunk` says what it names, as an :class:`_NP`: a person with a role
("U.S. Sen." and "Chuck Grassley"), a government body or organization, a news outlet, a
document ("the Employment Cost Index"), a group ("Critics") or people named together
("Senators Mark Jensen and Alicia Brandt").  :class:`_Registry` merges mentions into
:class:`_Entity` s across an article ("Senator Chuck Grassley" and "Grassley" are one,
"DHS" and "Department of Homeland Security" are one) and resolves pronouns and anaphors
("he", "the agency", "the senator") to the most recent mention that fits.  Everything
here is private; :mod:`claimgraph.extract` turns entities into public
:class:`~claimgraph.extract.Speaker` s.
"""

from __future__ import annotations

from .lexicon import (
    _ANON_HEADS,
    _CONNECTORS,
    _DETERMINERS,
    _DOC_HEADS,
    _FIRST_NAME_MONTHS,
    _GENERIC_PERSON_HEADS,
    _GOV_ACRONYMS,
    _GOV_WORDS,
    _GROUP_HEADS,
    _GROUP_QUANT,
    _NAMED_ORG_HEADS,
    _NAME_STOP,
    _ORG_ANAPHORS,
    _ORG_WORDS,
    _OUTLET_NAMES,
    _OUTLET_PHRASES,
    _OUTLET_SUFFIX,
    _PERSON_ANAPHORS,
    _ROLE_WORDS,
    _TITLE_ABBR,
)


# --------------------------------------------------------------------------- noun phrases


class _NP:
    """A mention that can be credited: what it is, where it is, and what it names."""

    __slots__ = ("kind", "start", "end", "name", "role", "head", "named", "members")

    def __init__(self, kind: str, start: int, end: int, name: str, role: str | None = None, head: str = ""):
        self.kind, self.start, self.end, self.name, self.role, self.head = kind, start, end, name, role, head
        self.named: list[_NP] = []  # members of a vague group: "critics, including X"
        self.members: list[_NP] = []  # people named together: "Mark Jensen and Alicia Brandt"


def _bare(word: str) -> str:
    """A word without a possessive ending."""
    if word.endswith(("\u2019s", "'s")):
        return word[:-2]
    if word.endswith(("\u2019", "'")):
        return word[:-1]
    return word


def _is_acronym(word: str) -> bool:
    w = _bare(word).replace(".", "").replace("-", "")
    return len(w) >= 2 and w.isupper() and w.isalpha()


def _is_outlet(low: str, last: str) -> bool:
    core = low[4:] if low.startswith("the ") else low
    if core in _OUTLET_NAMES or low in _OUTLET_PHRASES or ("the " + core) in _OUTLET_PHRASES or core in _OUTLET_PHRASES:
        return True
    return last in _OUTLET_SUFFIX and low.startswith("the ") and " " in core


class _Units:
    """Capitalised words of a name chunk, with '.' glued to initials and title abbreviations."""

    __slots__ = ("words", "starts", "ends")

    def __init__(self) -> None:
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []


def _units(toks: list, i: int, j: int) -> _Units:
    u = _Units()
    for k in range(i, j + 1):
        s, e, w = toks[k]
        if w == "." and u.words:
            u.words[-1] += "."
            u.ends[-1] = e
        else:
            u.words.append(w)
            u.starts.append(s)
            u.ends.append(e)
    return u


def _name_like(word: str) -> bool:
    w = _bare(word)
    if not w or not w[0].isupper() or w in _ORG_WORDS or w.rstrip(".") in _ORG_WORDS:
        return False
    if len(w) == 2 and w[1] == ".":
        return True  # initial
    return not _is_acronym(w) or w.rstrip(".") in ("Jr", "Sr", "II", "III", "IV")


def _classify_chunk(text: str, toks: list, i: int, j: int) -> _NP | None:
    """Classify a capitalised chunk toks[i..j] (person with role, body, outlet, group)."""
    return _classify_units(text, _units(toks, i, j))


def _classify_units(text: str, u: _Units) -> _NP | None:
    words = u.words
    if not words:
        return None
    start, end = u.starts[0], u.ends[-1]
    surface = text[start:end]
    low = surface.lower()
    if _is_outlet(low, _bare(words[-1])):
        name = surface if words[0] == "The" else (surface[4:] if low.startswith("the ") else surface)
        return _NP("outlet", start, end, _bare(name) if name.endswith(("\u2019s", "'s")) else name)
    k0 = 0
    while k0 < len(words) and words[k0] in ("The", "the"):
        k0 += 1
    if k0 >= len(words):
        return None
    if "&" in words[k0:] and words[-1] != "&":
        return _NP("organization", u.starts[k0], end, _bare(text[u.starts[k0] : end]))
    bare = [_bare(w) for w in words]
    stems = [b.rstrip(".") for b in bare]
    orgish = any(b in _ORG_WORDS for b in stems[k0:]) or any(b in _ORG_WORDS for b in bare[k0:])
    if "and" in words[k0:] and not orgish:
        # "Senators Mark Jensen and Alicia Brandt": people named together
        parts = [_Units()]
        for w, s, e in zip(words[k0:], u.starts[k0:], u.ends[k0:]):
            if w == "and":
                parts.append(_Units())
            else:
                parts[-1].words.append(w)
                parts[-1].starts.append(s)
                parts[-1].ends.append(e)
        nps = [_classify_units(text, p) if p.words and "and" not in p.words else None for p in parts]
        if len(nps) < 2 or not all(n is not None and n.kind == "person" for n in nps):
            return None
        for n in nps[1:]:
            n.role = n.role or nps[0].role
        joint = _NP("joint", u.starts[k0], end, " and ".join(n.name for n in nps))
        joint.members = nps
        return joint
    last_low = bare[-1].lower()
    if len(words) - k0 <= 2 and last_low in _GROUP_HEADS:
        return _NP("group", u.starts[k0], end, text[u.starts[k0]:end])
    # role split: the last title word divides role from name
    r = -1
    for k in range(k0, len(words)):
        if bare[k] in _ROLE_WORDS or stems[k] in _ROLE_WORDS:
            r = k
    if 0 <= r < len(words) - 1 and not any(b in _ORG_WORDS for b in stems[r + 1 :]):
        # the name is the run of name-like words at the end; after "of …" keep the last two
        n0 = len(words)
        while n0 - 1 > r and len(words) - n0 < 5 and (_name_like(words[n0 - 1]) or (
                n0 < len(words) and len(words[n0 - 1]) == 2 and words[n0 - 1].isupper())):
            n0 -= 1  # "JB Pritzker": two capitals as initials
        linked = n0 > r + 1 and any(w.lower() in _CONNECTORS for w in words[r + 1 : n0])
        if linked and len(words) - n0 > 2:
            n0 = len(words) - 2
        name_units = words[n0:]
        if name_units and (n0 == r + 1 or linked) and _not_stop(name_units):
            role = text[u.starts[k0] : u.ends[n0 - 1]] if n0 - 1 >= k0 else None
            name = text[u.starts[n0] : end]
            return _NP("person", u.starts[k0], end, _bare(name), role)
    if r == len(words) - 1 and not orgish and r >= k0:
        # a role without a name: "the Inspector General", "Senator"
        return _NP("anaphor", u.starts[k0], end, text[u.starts[k0]:end], head=_bare(words[-1]).lower().rstrip("."))
    if orgish or (r == len(words) - 1) or (len(words) - k0 == 1 and _is_acronym(words[-1])):
        body = _bare(text[u.starts[k0] : end])
        gov = any(b in _GOV_WORDS for b in stems[k0:]) or any(
            b.replace(".", "") in _GOV_ACRONYMS for b in bare[k0:]
        ) or words[k0] in ("U.S.", "Federal", "National", "State", "County", "City")
        return _NP("government_body" if gov else "organization", u.starts[k0], end, body)
    name_units = words[k0:]
    if (
        1 <= len(name_units) <= 4
        and all(_name_like(w) for w in name_units)
        and _not_stop(name_units)
        and not (len(name_units) == 1 and last_low in _GROUP_HEADS)
    ):
        name = _bare(text[u.starts[k0] : end])
        if last_low in _DOC_HEADS:  # "Employment Cost Index", "Current Population Survey"
            return _NP("document", u.starts[k0], end, name, role=" ".join(_bare(w) for w in name_units[:-1]) or None,
                       head=last_low)
        if k0:  # "according to the Hartwell Group": a person takes no article
            return _NP("organization", u.starts[k0], end, name) if len(name_units) > 1 else None
        return _NP("person", u.starts[k0], end, name)
    return None


def _is_head(w: str) -> bool:
    wl = _bare(w.lower())
    return wl in _DOC_HEADS or wl in _GROUP_HEADS or wl in _ANON_HEADS or wl in _PERSON_ANAPHORS or wl in _ORG_ANAPHORS


def _not_stop(name_units: list[str]) -> bool:
    """A name does not start with "The", "However", "Monday" ("June Dunning" is a name)."""
    first = _bare(name_units[0])
    return first not in _NAME_STOP or (first in _FIRST_NAME_MONTHS and len(name_units) > 1 and _name_like(name_units[1]))


def _cap_word(w: str) -> bool:
    return w[0].isupper() or (w[0].isdigit() and len(w) > 1 and any(c.isalpha() for c in w))


def _chunk_back(toks: list, j: int) -> int:
    """Start index of the capitalised chunk ending at toks[j]."""
    i = j
    limit = max(0, j - 14)
    while i - 1 >= limit:
        w = toks[i - 1][2]
        if w == "\x00":
            break
        if _cap_word(w):
            i -= 1
            continue
        if w == "." and i - 2 >= 0 and (toks[i - 2][2] in _TITLE_ABBR or (len(toks[i - 2][2]) == 1 and toks[i - 2][2].isupper())):
            i -= 1
            continue
        if w.lower() in _CONNECTORS and w not in ("the",) and i - 2 >= limit and _cap_word(toks[i - 2][2]):
            i -= 1
            continue
        if w == "the" and i - 2 >= limit and toks[i - 2][2] in ("of", "for") and i - 3 >= limit and _cap_word(toks[i - 3][2]):
            i -= 1  # Office of the Inspector General
            continue
        break
    while i < j and (toks[i][2].lower() in _CONNECTORS and toks[i][2] != "The" or toks[i][2] == "."):
        i += 1
    return i


def _chunk_forward(toks: list, i: int) -> int:
    """End index (inclusive) of the capitalised chunk starting at toks[i]; i - 1 if none."""
    j = i - 1
    limit = min(len(toks), i + 14)
    k = i
    while k < limit:
        w = toks[k][2]
        if w == "\x00":
            break
        if _cap_word(w):
            j = k
        elif w == "." and k > i and (toks[k - 1][2] in _TITLE_ABBR or (len(toks[k - 1][2]) == 1 and toks[k - 1][2].isupper())):
            if k + 1 < limit and _cap_word(toks[k + 1][2]):
                j = k
            else:
                break
        elif w.lower() in _CONNECTORS and k > i and k + 1 < limit and _cap_word(toks[k + 1][2]) and toks[k + 1][2] not in _NAME_STOP:
            pass
        elif w == "the" and k > i and toks[k - 1][2] in ("of", "for") and k + 1 < limit and _cap_word(toks[k + 1][2]):
            pass
        else:
            break
        k += 1
    return j


# --------------------------------------------------------------------------- speaker registry


class _Entity:
    __slots__ = ("kind", "name", "role", "aliases", "surname", "head", "mods", "used", "first")

    def __init__(self, kind: str, name: str, role: str | None = None, first: int = 0):
        self.kind, self.name, self.role = kind, name, role
        self.aliases: set[str] = set()
        self.surname = ""
        self.head = ""
        self.mods: frozenset[str] = frozenset()
        self.used = False
        self.first = first


_ROLE_ABBREVIATIONS = (
    ("sen.", "senator"), ("rep.", "representative"), ("gov.", "governor"), ("gen.", "general"),
    ("lt.", "lieutenant"), ("sec.", "secretary"), ("atty.", "attorney"), ("supt.", "superintendent"),
    ("dr.", "doctor"), ("prof.", "professor"), ("pres.", "president"), ("chair", "chairman"),
)


def _role_matches(head: str, role: str | None) -> bool:
    """Does a role ("Sen.", "U.S. Senator") fit an anaphor head ("senator")?"""
    if not role:
        return False
    low = role.lower()
    if head in low:
        return True
    return any(short in low and head == full for short, full in _ROLE_ABBREVIATIONS)


def _surname(name: str) -> str:
    parts = [p for p in name.replace(",", " ").split() if p.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")]
    return parts[-1].lower() if parts else name.lower()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper() and w not in _CONNECTORS and w != "The")


class _Registry:
    def __init__(self) -> None:
        self.entities: list[_Entity] = []
        self.persons: dict[str, list[_Entity]] = {}
        self.orgs: dict[str, _Entity] = {}
        self.docs: dict[str, list[_Entity]] = {}
        self.by_last: dict[str, list[tuple[str, _Entity]]] = {}
        self.by_initials: dict[str, _Entity] = {}
        self.acronyms: dict[str, _Entity] = {}
        self.recent: list[tuple[int, int, _Entity]] = []  # (sentence, offset, entity)

    def _new(self, kind: str, name: str, role: str | None, pos: int) -> _Entity:
        ent = _Entity(kind, name, role, pos)
        self.entities.append(ent)
        return ent

    def note(self, ent: _Entity, sent: int, pos: int) -> None:
        self.recent.append((sent, pos, ent))

    def person(self, name: str, role: str | None, pos: int) -> _Entity:
        sur = _surname(name)
        tokens = name.split()
        for ent in reversed(self.persons.get(sur, ())[-20:]):
            other = ent.name.split()
            if len(tokens) == 1 or len(other) == 1 or tokens[0] == other[0] or tokens[0][0] == other[0][0] and (
                len(tokens[0]) == 2 or len(other[0]) == 2
            ):
                if len(tokens) > len(other) or (len(tokens) == len(other) and len(name) > len(ent.name) and len(tokens) > 1):
                    ent.aliases.add(ent.name)
                    ent.name = name
                elif name != ent.name:
                    ent.aliases.add(name)
                if role and not ent.role:
                    ent.role = role
                return ent
        ent = self._new("person", name, role, pos)
        ent.surname = sur
        self.persons.setdefault(sur, []).append(ent)
        return ent

    def body(self, kind: str, name: str, pos: int) -> _Entity:
        key = name.lower()
        if key.startswith("the "):
            key = key[4:]
        ent = self.orgs.get(key)
        acronym = _is_acronym(name)
        last = key.rsplit(" ", 1)[-1]
        if ent is None and kind != "news_outlet" and " " in key:
            for okey, other in reversed(self.by_last.get(last, ())):
                if okey.endswith(" " + key) or key.endswith(" " + okey):
                    ent = other  # "Supreme Court" and "Washington Supreme Court"
                    break
        if ent is None and kind != "news_outlet":
            if acronym:
                ent = self.by_initials.get(name.replace(".", "").upper())
            else:
                ent = self.acronyms.get(_initials(name).upper())
        if ent is None:
            ent = self._new(kind, name, None, pos)
        elif name != ent.name:
            if _is_acronym(ent.name) and not acronym:
                ent.aliases.add(ent.name)
                ent.name = name
                ent.kind = kind if kind == "government_body" else ent.kind
            else:
                ent.aliases.add(name)
        if key not in self.orgs:
            self.orgs[key] = ent
            if kind != "news_outlet":
                if acronym:
                    self.acronyms.setdefault(name.replace(".", "").upper(), ent)
                elif " " in key:
                    self.by_last.setdefault(last, []).append((key, ent))
                    self.by_initials.setdefault(_initials(name).upper(), ent)
        return ent

    def document(self, head: str, mods: list[str], surface: str, sent: int, pos: int) -> _Entity:
        modset = frozenset(m.lower() for m in mods if m[0].isupper() or m[0].isdigit())
        cands = self.docs.get(head, [])
        chosen = None
        if not modset:
            recent = [e for s, p, e in reversed(self.recent[-200:]) if e.kind == "document" and e.head == head]
            chosen = recent[0] if recent else (cands[-1] if cands else None)
        else:
            for ent in reversed(cands[-20:]):
                if modset <= ent.mods or ent.mods <= modset:
                    chosen = ent
                    break
        name = "the " + " ".join([_bare(m) for m in mods] + [head]) if mods else "the " + head
        titled = surface.split()
        if len(titled) > 1 and all(w[:1].isupper() for w in titled) and titled[-1].lower() == head:
            name = "the " + _bare(surface)  # a proper title: "the Employment Cost Index"
        if chosen is None:
            chosen = self._new("document", name, None, pos)
            chosen.head, chosen.mods = head, modset
            self.docs.setdefault(head, []).append(chosen)
        else:
            if len(modset) > len(chosen.mods):
                chosen.aliases.add(chosen.name)
                chosen.name, chosen.mods = name, modset
            elif name != chosen.name:
                chosen.aliases.add(name)
        return chosen

    def joint(self, head: str, sent: int) -> _Entity | None:
        """"the senators" after two named senators spoke: one speaker for both."""
        single = head[:-1] if head.endswith("s") else head
        found: list[_Entity] = []
        for s, p, ent in reversed(self.recent[-80:]):
            if s > sent or s < sent - 8 or ent.kind != "person" or ent in found or " and " in ent.name:
                continue
            if ent.used or (ent.role and single in ent.role.lower()):
                found.append(ent)
        if len(found) < 2:
            return None
        return self.joint_of(sorted(found[:4], key=lambda e: e.first))

    def joint_of(self, found: list[_Entity]) -> _Entity:
        names = [e.name for e in found]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        key = "joint:" + name.lower()
        ent = self.orgs.get(key)
        if ent is None:
            ent = self._new("person", name, None, found[0].first)
            self.orgs[key] = ent
        return ent

    def group(self, phrase: str, pos: int) -> _Entity:
        key = "group:" + phrase.lower()
        ent = self.orgs.get(key)
        if ent is None:
            first, _, rest = phrase.partition(" ")
            if first.lower() in _DETERMINERS or first.lower() in _GROUP_QUANT or _is_head(first) or not rest:
                phrase = (first.lower() + " " + rest).strip()  # "Officials" at a sentence start
            ent = self._new("vague_group", phrase, None, pos)
            self.orgs[key] = ent
        return ent

    def resolve(self, want: str, sent: int, pos: int, head: str = "") -> _Entity | None:
        """The most recent entity a pronoun or anaphor ("the agency") points to."""
        window = 4 if want != "person" else (12 if head else 6)
        best = None
        generic = head in _GENERIC_PERSON_HEADS
        for s, p, ent in reversed(self.recent[-120:]):
            if s > sent or (s == sent and p >= pos) or s < sent - window:
                continue
            if want == "person" and ent.kind == "person":
                if not head or _role_matches(head, ent.role):
                    return ent
                if generic and best is None:
                    best = ent
            elif want == "body" and ent.kind in ("government_body", "organization"):
                if not head:
                    return ent
                best = best or ent
            elif want == "plural" and ent.kind in ("vague_group", "government_body", "organization"):
                return ent
            elif want == "thing" and ent.kind in ("document", "government_body", "organization", "news_outlet"):
                return ent
        if want == "body" and head:
            tiers: list[list[_Entity]] = [[], [], []]
            for s, p, ent in reversed(self.recent[-200:]):
                if s > sent or (s == sent and p >= pos) or s < sent - 20 or ent.kind not in ("government_body", "organization"):
                    continue
                named = head in ent.name.lower()
                if named and ent.used:
                    tiers[0].append(ent)
                elif named and s >= sent - window:
                    tiers[1].append(ent)
            for tier in tiers:
                if tier:
                    return tier[0]
        if best is not None and not (want == "body" and head in _NAMED_ORG_HEADS):
            return best
        if want == "person" and not head:
            for s, p, ent in reversed(self.recent[-300:]):
                if s < sent - 12:
                    break
                if ent.kind == "person" and ent.used and (s < sent or p < pos):
                    return ent
        return None
