"""Who a document speaks for, and whether an article sentence credits it.

An issuer ("U.S. Department of Transportation, Office of Inspector General") is matched
by the ways the press names it: acronyms ("OIG", "DOT", "USDA", "CDC" for the Centers for
Disease Control and Prevention), its distinctive words, or a role ("the DHS OIG report").
A sentence credits a document when it names the issuer beside a word of attribution
("GAO found", "according to the bureau"), and not when the issuer is only what the
sentence reports on ("the report found that USDA overpaid").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

from .extract import analyze
from .passages import _content_stems, _stem

_ORG_STOP = frozenset("""the of and for on in at by to a an its office department dept report reports statement
press release news u s us inc llc co""".split())
_GOVERNMENT = re.compile(r"\b(?:department|office|agency|bureau|inspector|administration|commission|senat\w*|"
                         r"congress\w*|committee|federal|ministry|county|city of|state of|u\.s\.)", re.I)
_OUTLET = re.compile(r"\b(?:news|times|post|journal|herald|tribune|gazette|outlet|radio|tv)\b", re.I)


_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z.&'\u2019-]*")


def _name_keys(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """Content words and acronyms of an organisation's name ("DHS", "OIG" from the words too)."""
    words = _NAME_WORD.findall(name)
    acronyms = {w.replace(".", "") for w in words if len(w.replace(".", "")) >= 2 and w.replace(".", "").isupper()}
    content = {re.sub(r"(?:'|\u2019)s$", "", w.lower()).strip(".'\u2019") for w in words if not w.isupper()}
    content = {w for w in content if len(w) > 2 and w not in _ORG_STOP}
    acronyms |= {run for run in _initial_runs(words) if len(run) >= 2}
    return frozenset(content), frozenset(acronyms - {"US", "USA"})


def _initial_runs(words: Sequence[str]) -> list[str]:
    """The initials of each run of capitalised words: "Office of Inspector General" -> "OIG"."""
    runs, run = [], ""
    for w in [*words, "."]:
        if w[:1].isupper() and not w.replace(".", "").isupper():
            run += w[0]
        elif w.lower() in ("of", "and", "for") and run:
            continue
        else:
            if run:
                runs.append(run)
            run = ""
    return runs


_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,7}\b")


_DEPARTMENT = re.compile(r"\b(?P<us>U\.S\.\s+)?Department\s+of\s+(?:the\s+)?(?P<rest>[A-Z][A-Za-z]+(?:\s+(?:and\s+)?[A-Z][A-Za-z]+)*)")


def _department_acronyms(name: str) -> set[str]:
    """How the press writes a federal department: "DOT", "DOJ" (Department of Transportation,
    of Justice), "USDA" (U.S. Department of Agriculture), "HHS", "HUD" (its words' initials)."""
    m = _DEPARTMENT.search(name)
    if m is None:
        return set()
    words = [w for w in m.group("rest").split() if w != "and"]
    if len(words) == 1:
        return {"DO" + words[0][0], "USD" + words[0][0]} if m.group("us") else {"DO" + words[0][0]}
    return {"".join(w[0] for w in words)} if len(words) >= 3 else set()


def _credit_keys(issuer: str, title: str = "") -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """How an article may name a document: acronyms of its issuer ("GAO", "BLS", "CDC" for the
    Centers for Disease Control and Prevention, "OIG") and of its title ("MMWR"), and the
    stems of the distinctive words of each part of the issuer's name ("Postal" of "United
    States Postal Service, Chief Logistics and Processing Operations Officer"; "inspector
    general" of "U.S. Department of Transportation, Office of Inspector General")."""
    acronyms: set[str] = set()
    parts: list[frozenset[str]] = []
    for part in re.split(r"[,;()]| and (?=U\.S\.|the )", issuer):
        content, acr = _name_keys(part)
        acronyms |= {a for a in acr if len(a) >= 3}
        # "Centers for Disease Control and Prevention" is CDC, not CDCP
        acronyms |= {run[:3] for run in _initial_runs(_NAME_WORD.findall(part)) if len(run) >= 4}
        acronyms |= _department_acronyms(part)
        words = frozenset(_stem(w) for w in content if w not in _GENERIC_ORG)
        if words:
            parts.append(words)
    acronyms |= {a for a in _ACRONYM.findall(title) if len(a) >= 3}
    return frozenset(acronyms - {"USA", "THE"}), tuple(parts)


@lru_cache(maxsize=1024)
def _names_in(sentence: str) -> tuple[tuple[int, int, tuple[frozenset[str], frozenset[str]]], ...]:
    """The names of bodies a sentence writes, with where: acronyms ("GAO") and runs of
    capitalised words ("the Centers for Disease Control and Prevention": CDC, and its words)."""
    found = [(m.start(), m.end(), (frozenset({m.group()}), frozenset())) for m in _ACRONYM.finditer(sentence)]
    for run in _NAME_RUN.finditer(sentence):
        acronyms, _ = _credit_keys(run.group())
        words = frozenset(_content_stems(run.group()))
        found.append((run.start(), run.end(), (acronyms, words)))
    return tuple(found)


_NAME_RUN = re.compile(r"[A-Z][a-z]+(?:\s+(?:(?:of|and|for|the|on)\s+)*[A-Z][a-z]+)*")
#: Words that make a name the source of a statement ("GAO found", "according to the bureau").
_CUE_WORDS = (
    r"said|says|say|according|found|finds|find|report(?:s|ed)?|audit|data|analysis|estimat\w*|noted?|notes|"
    r"release[sd]?|survey|study|review|figures|statement|told|wrote|warned|conclu\w*|show(?:s|ed|n)?|count(?:s|ed)?|"
    r"recorded|calculat\w*|testified|testimony|announced|letter|response|responded|saying|agreed|accepted|"
    r"concurred|rejected|disagreed")
_CREDIT_CUE = re.compile(r"(?i)\b(?:" + _CUE_WORDS + r")\b")
#: A name opening a reported clause ("found that USDA overpaid") is its subject, not its source.
_REPORTED_SUBJECT = re.compile(r"(?i)\b(?:that|whether|how|why)\s+(?:the\s+)?\Z")
#: A name something is done to ("never reported 418 of them to the Employment and Training
#: Administration"; "payments to the agency") is what the sentence is about, not its source
#: (but "according to the agency" credits it).
_RECIPIENT = re.compile(r"(?i)(?<!according )\b(?:to|toward|against)\s+(?:the\s+)?\Z")
#: A possessive after a name, and one followed by what the body says ("GAO's report", "the bureau's
#: latest figures"), which credits it.
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_OWN_WORDS = re.compile(r"(?i)['\u2019]s\s+(?:\w+\s+){0,2}?(?:" + _CUE_WORDS + r")\b")
#: How far (characters) from a name a word of attribution is looked for.
CREDIT_WINDOW = 40

#: Words of agency names too common to tell one issuer from another.
_GENERIC_ORG = frozenset("u.s. united states national federal government public affairs service services "
                         "administration agency bureau center centers division".split())


def _names_match(a: str, b: str) -> bool:
    ca, aa = _name_keys(a)
    cb, ab = _name_keys(b)
    common = aa & ab
    if len(common) >= 2 or any(len(x) >= 3 for x in common):  # "IG" alone names no particular office
        return True
    shared = ca & cb
    return len(shared) >= 2 and len(shared) >= 0.75 * min(len(ca), len(cb))


def _names_body(source: Any, issuer: str) -> bool:
    """Whether a source names the body that issued a document (persons by their role)."""
    kind = getattr(source.kind, "value", source.kind)
    names = [source.role or ""] if kind == "person" else [source.name, *source.aliases]
    return any(n and _names_match(n, issuer) for n in names)


def _issuer_source(graph: Any, issuer: str) -> str:
    """The id of the graph's source for a document's issuer, added when there is none."""
    from .model import Source

    organisations = [s for s in graph.sources if getattr(s.kind, "value", s.kind) != "person"
                     and getattr(s.kind, "value", s.kind) != "document" and _names_body(s, issuer)]
    if organisations:
        return organisations[0].id
    people = [s for s in graph.sources if getattr(s.kind, "value", s.kind) == "person" and
              any(_names_match(n, issuer) for n in (s.name, *s.aliases))]
    name = issuer.split(" (")[0].strip() if len(issuer) > 60 else issuer
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "issuer"
    ident, n = base, 2
    taken = {s.id for s in graph.sources}
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    kind = "government_body" if _GOVERNMENT.search(issuer) else "news_outlet" if _OUTLET.search(issuer) else "organization"
    graph.add_source(Source(id=ident, name=name, kind=kind))
    for person in people:  # "Office of U.S. Senator Chuck Grassley": the senator speaks for it
        if person.affiliation is None:
            graph.affiliate(person.id, ident)
    return ident


def _named_as_source(sentence: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` of ``sentence`` stands beside a word of attribution and
    is not the subject of a reported clause ("the report found that USDA overpaid")."""
    return bool(_CREDIT_CUE.search(sentence, max(0, start - CREDIT_WINDOW), min(len(sentence), end + CREDIT_WINDOW))) \
        and not _REPORTED_SUBJECT.search(sentence, max(0, start - 16), start) \
        and not _RECIPIENT.search(sentence, max(0, start - 24), start)


def credits(keys: tuple[frozenset[str], tuple[frozenset[str], ...]], sentence: str, *, acronyms: bool = True) -> bool:
    """Whether ``sentence`` names the body whose credit keys (:func:`_credit_keys`) are ``keys``
    as the source of what it says (by its name's words only, not an acronym, without ``acronyms``)."""
    initials, parts = keys
    if not acronyms:
        initials = frozenset()
    if not initials and not parts:
        return False
    for start, end, name in _names_in(sentence):
        if not _named_as_source(sentence, start, end):
            continue
        if _POSSESSIVE.match(sentence, end) and not _OWN_WORDS.match(sentence, end):
            continue  # "accepted two of GAO's three recommendations": GAO owns them, it says nothing here
        if initials & name[0]:
            return True
        for words in parts if name[1] else ():
            hit = words & name[1]
            if len(hit) >= min(2, len(words)) and len(hit) >= 0.6 * len(words):
                return True
    return False


def outside_speakers(text: str, issuers: Sequence[tuple[str, tuple[frozenset[str], tuple[frozenset[str], ...]]]]
                     ) -> list[Any]:
    """The sentence spans of ``text`` whose words a named person speaks and no document of
    ``issuers`` (each ``(issuer and title, credit keys)``) does: an interviewee's figure
    ("said Capt. Andre Molina, whose crews answered 23 rescues"), which the documents
    hold only by chance.

    A person counts when the article gives a full name (one capitalised word is too often
    a sentence's first word read as a name) and neither the name, nor the role, nor the
    sentence names a document's issuer ("Jane Ruiz, GAO's director, said" speaks for GAO).
    """
    out = []
    for statement in analyze(text).statements:
        source = statement.attribution.source
        if source is None or source.kind != "person" or statement.attribution.kind == "unattributed" \
                or len(source.name.split()) < 2:
            continue
        names = [n for n in (source.name, *source.aliases, source.role or "") if n]
        if any(_names_match(n, issuer) for n in names for issuer, _ in issuers):
            continue
        if any(credits(keys, statement.text) for _, keys in issuers):
            continue
        out.append(statement.span)
    return out


#: How the press names an auditor or a statistics bureau by its role ("the congressional watchdog
#: said", "auditors found", "the bureau reported").
_AUDITOR = re.compile(r"(?i)\b(?:government\s+accountability\s+office|inspector\s+general)\b")
_AUDITOR_ROLE = re.compile(r"(?i)\b(?:watchdog|auditors?|investigators|inspector\s+general|IG)\b")
_BUREAU = re.compile(r"(?i)\bbureau\b")
_BUREAU_ROLE = re.compile(r"(?i)\bthe\s+bureau\b")


#: The head noun of an interest group's or a department's name, by which a story names it again ("the
#: coalition", "the department").
_BODY_NOUN = re.compile(r"\b(?:Alliance|Coalition|Association|Council|Federation|Chamber|Institute|Network|"
                        r"Foundation|Club|Society|League|Union|Caucus|Collaborative|Partnership|Department|Agency|"
                        r"Administration)\b")


_NAME_WORD = re.compile(r"[A-Za-z]{3,}")
#: the level of government a story may name a department by ("the city health department")
_LEVELS = frozenset({"city", "county", "state", "local", "federal", "regional", "tribal"})


def role_pattern(issuer: str) -> re.Pattern[str] | None:
    """The words that name a document's issuer by its role, or None (see :func:`credits_role`)."""
    if _AUDITOR.search(issuer):
        return _AUDITOR_ROLE
    if _BUREAU.search(issuer):
        return _BUREAU_ROLE
    body = _BODY_NOUN.search(issuer)
    if body:  # "the alliance noted", "the group said" for the Garrison Families Alliance; "the city health
        # department said" for the City of Ardenport Department of Public Health (words of its name or its level)
        words = sorted({w.lower() for w in _NAME_WORD.findall(issuer)} | _LEVELS)
        qualifier = r"(?:(?:" + "|".join(map(re.escape, words)) + r")\s+){0,2}"
        return re.compile(r"(?i)\bthe\s+(?:" + qualifier + re.escape(body.group().lower())
                          + r"|group|organi[sz]ation|nonprofit)\b")
    return None


def credits_role(role: re.Pattern[str] | None, sentence: str) -> bool:
    """Whether ``sentence`` credits a body named by its role ("the watchdog said", "auditors
    found", "according to the bureau")."""
    if role is None:
        return False
    return any(_named_as_source(sentence, m.start(), m.end()) for m in role.finditer(sentence))

