"""How documents and articles are cut into what the linker compares: blocks (paragraphs,
list items, table lines), passages (sentences and table lines), headings, and content words.

A document's passages are where evidence is pinned; an article's sentences are the
context each of its figures is read in (:func:`article_context`).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable, Sequence

import attrs

from .quantities import Quantity, QuantityKind, find_quantities
from .spans import Span

_LABEL = re.compile(r"[ \t]*(?:[-*\u2022\u00b7\u2013]|\(?[A-Za-z]{1,3}\d{1,3}[.):]?|\(?\d{1,3}[.)]|\d{1,3}[ \t]+-"
                    r"|\(?[ivxIVX]{1,4}[.)])[ \t]+")
# A bare number label ("46." or "2)") opening a line that carries on a sentence cut by a hard wrap
# ("... and SSA hired\n46. Each ALJ ...") is the sentence's figure, not a list item.
_NUMBER_LABEL = re.compile(r"[ \t]*\(?\d{1,3}[.)][ \t]+")
_MID_SENTENCE = re.compile(r"[a-z,][ \t]*\Z")
_TABLE_GAP = re.compile(r"\S(?:\t|[ ]{2,}|[ ]?\|[ ]?)\S")
_BOUNDARY = re.compile(r"[.!?…][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]*[A-Z0-9])")
_ABBREV = frozenset("""mr mrs ms dr sen rep gov st no vs inc corp co ltd jr sr gen lt col sgt
    jan feb mar apr jun jul aug sep sept oct nov dec fig p pp vol est approx dept univ ph.d e.g i.e
    u.s u.k u.n d.c a.m p.m etc al""".split())
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019]*")
_HAS_YEAR = re.compile(r"\d{4}")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_STOP = frozenset("""a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our out over own same she should so some such
    than that the their them then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your said says say according
    approximately nearly almost roughly around least percent per cent million billion thousand hundred
    one two three four five six seven eight nine ten eleven twelve also however further like may might
    must since within without""".split())
# Passages that say a figure was *not* found are not evidence for it (research notes, errata).
# An auditor's findings ("TVCAA had no record of a final inspection for 14 of the 60 homes", "we could
# not verify the payments") state figures: only a note about searching for a figure negates it.
_NEGATED = re.compile(r"\b(?:not\s+found|nothing\s+(?:retrieved|found)|could\s+not\s+(?:find|be\s+found)"
                      r"|could\s+not\s+check|did\s+not\s+find|looked\s+for|(?:was|were)\s+not\s+seen"
                      r"|not\s+(?:retrieved|located))\b", re.I)


#: Irregular forms and the few plain synonyms news copy uses for report wording, mapped to
#: one word before stemming ("rose" and "rising" match "rise"; "jobless" matches "unemployed").
_SAME_WORD = {
    "rose": "rise", "risen": "rise", "rising": "rise", "fell": "fall", "fallen": "fall", "grew": "grow",
    "grown": "grow", "growth": "grow", "paid": "pay", "spent": "spend", "spending": "spend", "sold": "sell",
    "lost": "lose", "losses": "lose", "loss": "lose", "won": "win", "began": "begin", "begun": "begin",
    "found": "find", "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give",
    "brought": "bring", "bought": "buy", "held": "hold", "kept": "keep", "told": "tell", "met": "meet",
    "children": "child", "kids": "child", "kid": "child", "jobless": "unemployed", "unemployment": "unemployed",
    "died": "death", "dies": "death", "die": "death", "dying": "death", "deaths": "death", "dead": "death",
    # a story's words for a report's ("jumped" for "increased", "sickened" for "ill")
    **dict.fromkeys("increase increased increases increasing climb climbed climbing jump jumped jumps surged "
                    "surge soared soar".split(), "rise"),
    **dict.fromkeys("decrease decreased decreases decreasing decline declined declines declining drop dropped "
                    "drops dropping plunged slid".split(), "fall"),
    **dict.fromkeys("job jobs payroll payrolls employment employed".split(), "employ"),
    **dict.fromkeys("employee employees personnel staffers staffer staff staffing".split(), "staff"),
    **dict.fromkeys("people persons individuals".split(), "people"),
    **dict.fromkeys("sick sickened illness illnesses ill".split(), "ill"),
    **dict.fromkeys("hospitalized hospitalization hospitalizations hospitalised".split(), "hospital"),
    **dict.fromkeys("babies baby births birth born".split(), "birth"),
    **dict.fromkeys("teen teens teenagers teenager adolescents adolescent".split(), "teen"),
    **dict.fromkeys("physician physicians doctor doctors".split(), "doctor"),
    **dict.fromkeys("funds fund funding funded money dollars".split(), "fund"),
    **dict.fromkeys("agree agreed agrees concur concurred concurs accept accepted accepts".split(), "agree"),
    **dict.fromkeys("women woman females female".split(), "female"),
    **dict.fromkeys("men man males male".split(), "male"),
    **dict.fromkeys("wage wages earnings salary salaries".split(), "wage"),
    **dict.fromkeys("home homes house houses housing".split(), "home"),
    **dict.fromkeys("shot shots vaccination vaccinations vaccine vaccines vaccinated immunization "
                    "immunizations".split(), "vaccine"),
    **dict.fromkeys("injury injuries injured".split(), "injury"),
    **dict.fromkeys("fatal fatalities fatality killed".split(), "death"),
    **dict.fromkeys("firm firms business businesses company companies".split(), "firm"),
    **dict.fromkeys("renter renters tenant tenants".split(), "tenant"),
    # a story's abbreviations for a report's words ("Sept. 30" for "September 30", "FY 2025")
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
    "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december", "fy": "fiscal",
}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = word.lower().replace("\u2019", "'")
    w = _SAME_WORD.get(w, w)
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ly"):  # "nationally" for "national", "monthly" for "month"
        w = w[:-2]
    for suffix in ("ing", "ed", "al", "ion"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def _content_stems(text: str) -> list[str]:
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        if w[0].isdigit():
            continue
        low = w.lower()
        if low in _STOP or len(low) < 2:
            continue
        out.append(_stem(w))
    return out


def _blocks(text: str, start: int, end: int) -> list[Span]:
    """Blank-line separated blocks; a labelled or bulleted line, a table line or a form feed starts a new one."""
    blocks: list[Span] = []
    cur_start: int | None = None
    cur_end = start
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        line = text[pos:line_end]
        parts = line.split("\f")
        offset = pos
        for k, part in enumerate(parts):
            part_start = offset
            part_end = offset + len(part)
            if k:
                if cur_start is not None:
                    blocks.append(Span(cur_start, cur_end))
                cur_start = None
            if not part.strip():
                if cur_start is not None:
                    blocks.append(Span(cur_start, cur_end))
                cur_start = None
            else:
                table = _is_table_line(part)
                if cur_start is not None and (table or _starts_item(text, cur_start, cur_end, part)
                                              or _is_table_line(text[cur_start:cur_end].rsplit("\n", 1)[-1])):
                    blocks.append(Span(cur_start, cur_end))
                    cur_start = None
                lead = len(part) - len(part.lstrip())
                if cur_start is None:
                    cur_start = part_start + lead
                cur_end = part_end - (len(part) - len(part.rstrip()))
            offset = part_end + 1
        pos = line_end + 1
    if cur_start is not None:
        blocks.append(Span(cur_start, cur_end))
    return blocks


def _starts_item(text: str, block_start: int, block_end: int, line: str) -> bool:
    """Whether ``line`` opens a list item rather than carrying on the block ending at ``block_end``."""
    if not _LABEL.match(line):
        return False
    if not _NUMBER_LABEL.match(line) or _LABEL.match(text, block_start, block_end):
        return True
    return not _MID_SENTENCE.search(text, block_start, block_end)


_WRAP = re.compile(r"[ \t]*\n[ \t]*")


def _scan_quantities(text: str, blocks: Sequence[Span]) -> list[Quantity]:
    """``find_quantities`` over the blocks of a document, with hard line wraps joined.

    Reports and releases are often wrapped at a fixed width, which splits mentions
    ("$4.86\\nbillion", "more than\\n    448,000").  Each block's line breaks (and the
    indentation around them) are read as one space; spans are mapped back to
    ``text``, and each quantity's ``text`` is the joined form.
    """
    pieces: list[str] = []
    where: list[int] = []
    for b in blocks:
        pos = b.start
        for m in _WRAP.finditer(text, b.start, b.end):
            pieces.append(text[pos : m.start()])
            where.extend(range(pos, m.start()))
            pieces.append(" ")
            where.append(m.start())
            pos = m.end()
        pieces.append(text[pos : b.end])
        where.extend(range(pos, b.end))
        pieces.append("\n\n")
        where.extend((b.end, b.end))
    joined = "".join(pieces)
    out = []
    for q in find_quantities(joined, include_non_facts=True):
        if q.span is None or q.span.end > len(where) or q.span.start >= q.span.end:
            continue
        if not q.fact:
            # a dateline's date and the year in a name ("the Jobs Act of 2021") still date things
            if q.kind.value == "date":
                q = attrs.evolve(q, fact=True)
            elif _YEAR.fullmatch(q.text):
                q = attrs.evolve(q, kind=QuantityKind.YEAR, fact=True)
            else:
                continue
        start, end = where[q.span.start], where[q.span.end - 1] + 1
        out.append(attrs.evolve(q, span=Span(start, end)))
    return out


def _is_heading(chunk: str) -> bool:
    letters = [c for c in chunk if c.isalpha()]
    return ("\n" not in chunk and len(chunk) <= 100 and bool(letters) and chunk.rstrip()[-1:] not in ".!?\"'"
            and sum(c.isupper() for c in letters) >= 0.6 * len(letters))


_NUMBERED_HEADING = re.compile(r"(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*|[A-Z])[.)]?[ \t]+[A-Z]")


def _is_section_heading(chunk: str) -> bool:
    """A block that titles a section: a capitalised line ("WHAT GAO FOUND"), a numbered one
    ("2. Results"), or a short line with no closing punctuation ("Background")."""
    line = chunk.strip()
    if not line or "\n" in line or len(line) > 90 or line[-1] in ".,;:!?\"'\u201d)" or _is_table_line(line):
        return False
    if _is_heading(line) or _NUMBERED_HEADING.match(line):
        return True
    words = line.split()
    return len(words) <= 8 and line[0].isupper() and sum(c.isdigit() for c in line) <= 4


def _negated_blocks(text: str, blocks: Sequence[Span]) -> list[bool]:
    """Blocks that say something was *not* found, or sit under a heading that does."""
    out, under = [], False
    for b in blocks:
        chunk = text[b.start : b.end]
        if _is_heading(chunk):
            under = bool(_NEGATED.search(chunk))
        out.append(under or bool(_NEGATED.search(chunk)))
    return out


def _is_table_line(line: str) -> bool:
    return any(c.isdigit() for c in line) and len(_TABLE_GAP.findall(line.strip())) >= 2


def _sentences(text: str, block: Span) -> list[Span]:
    chunk = text[block.start : block.end]
    if _is_table_line(chunk) and "\n" not in chunk:
        return [_trim(text, block)]
    out, start = [], 0
    for m in _BOUNDARY.finditer(chunk):
        before = chunk[start : m.start() + 1]
        word = re.search(r"([A-Za-z.]+)\.$", before)
        if chunk[m.start()] == "." and word:
            token = word.group(1).lower().rstrip(".")
            if token in _ABBREV or (len(token) == 1 and token.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                continue
        out.append(Span(block.start + start, block.start + m.end()))
        start = m.end()
    if start < len(chunk):
        out.append(Span(block.start + start, block.end))
    return [s for s in (_trim(text, s) for s in out) if len(s)]


def _trim(text: str, span: Span) -> Span:
    s, e = span.start, span.end
    m = _LABEL.match(text, s, e)
    if m and m.end() < e:
        s = m.end()
    while s < e and text[s] in " \t\n\f":
        s += 1
    while e > s and text[e - 1] in " \t\n\f":
        e -= 1
    return Span(s, e)


def _segment(text: str, start: int = 0) -> tuple[list[Span], list[Span], list[int]]:
    """Blocks, passages (sentences / table lines) and, for each passage, its block index."""
    blocks = _blocks(text, start, len(text))
    passages: list[Span] = []
    owner: list[int] = []
    for b, block in enumerate(blocks):
        for sentence in _sentences(text, block):
            passages.append(sentence)
            owner.append(b)
    return blocks, passages, owner


def _is_headline(sentence: str) -> bool:
    """A headline or subhead: a line with no closing punctuation."""
    return sentence.rstrip()[-1:] not in ".!?:;\"'\u201d\u2019)"


_TITLE_LINE = re.compile(r"[^\n]{1,150}?[^.!?;,\"'\u201d\u2019\s]\n(?=[ \t]*[\"'\u201c\u2018(]?[A-Z0-9])")


def _article_sentences(text: str) -> list[Span]:
    """The article's sentences; a headline or subhead on a line of its own is a sentence."""
    out: list[Span] = []
    for sentence in _segment(text, 0)[1]:
        start = sentence.start
        while True:
            m = _TITLE_LINE.match(text, start, sentence.end)
            if m is None:
                break
            out.append(_trim(text, Span(start, m.end())))
            start = m.end()
        out.append(Span(start, sentence.end))
    return out


def _context_of(text: str, sentences: Sequence[Span], span: Span) -> tuple[str, str]:
    """The sentence holding ``span`` and the sentences just before and after it."""
    starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, span.start) - 1
    if i < 0 or span.start >= sentences[i].end:
        return span.of(text), ""
    here = sentences[i].union(span)
    around = [sentences[j].of(text) for j in (i - 1, i + 1) if 0 <= j < len(sentences)]
    return here.of(text), " ".join(around)


def article_context(text: str, span: Span) -> tuple[str, str]:
    """``(sentence, wider)`` for a number at ``span`` in an article, as :meth:`Linker.link_all` passes them.

    >>> article_context("ICE said so. It moved 448,000 UCs. Then it stopped.", Span(22, 29))
    ('It moved 448,000 UCs.', 'ICE said so. Then it stopped.')
    """
    return _context_of(text, _article_sentences(text), span)


#: An acronym a document defines in parentheses: "emergency department (ED)", "Bureau of Prisons (BOP)".
_DEFINED = re.compile(r"\(([A-Z][A-Za-z&]{0,6}[A-Z])s?\)")
#: How many defined acronyms a document's passages are read with at most (text is untrusted).
MAX_ACRONYMS = 200
_ACRONYM_LINKS = frozenset("of and the for on in to at".split())
_SPELLED = re.compile(r"[A-Za-z][A-Za-z']*")


def defined_acronyms(text: str) -> dict[str, frozenset[str]]:
    """The acronyms ``text`` defines in parentheses right after the words they stand for, each
    with those words' content stems, so a passage that says "112 of 128 EDs" is read as speaking
    of emergency departments ("emergency department (ED)", "Federal Railroad Administration (FRA)").

    >>> found = defined_acronyms("Visits to an emergency department (ED) rose at the Bureau of Prisons (BOP) "
    ...                          "among unaccompanied migrant children (UCs).")
    >>> {acronym: sorted(stems) for acronym, stems in found.items()}
    {'ED': ['department', 'emergency'], 'BOP': ['bureau', 'prison'], 'UC': ['child', 'migrant', 'unaccompani']}
    """
    out: dict[str, frozenset[str]] = {}
    for m in _DEFINED.finditer(text):
        acronym = m.group(1)
        if acronym in out:
            continue
        letters = [c for c in acronym if c.isupper()]
        words = _SPELLED.findall(text, max(0, m.start() - 15 * len(letters) - 40), m.start())
        spelled: list[str] = []
        skipped = False  # one word the acronym leaves out: "unaccompanied migrant children (UCs)"
        for word in reversed(words):
            if word[0].upper() == letters[-1]:
                letters.pop()
            elif word.lower() not in _ACRONYM_LINKS:
                if skipped or not spelled:
                    break
                skipped = True
            spelled.append(word)
            if not letters:
                break
        if not letters and (stems := frozenset(_content_stems(" ".join(spelled)))):
            out[acronym] = stems
            if len(out) >= MAX_ACRONYMS:
                break
    return out


def spelled_out(text: str, tokens: Sequence[tuple[str, int, int]],
                passage_at: Callable[[int], int | None]) -> dict[int, frozenset[str]]:
    """For each passage (by number) that uses an acronym ``text`` defines, the stems of the words
    it stands for; ``tokens`` are the text's words as ``(key, start, end)`` and ``passage_at``
    gives the passage an offset lies in (None between passages)."""
    acronyms = defined_acronyms(text)
    out: dict[int, frozenset[str]] = {}
    if not acronyms:
        return out
    for _, s, e in tokens:
        if not text[s].isupper():
            continue
        word = text[s:e]
        stems = acronyms.get(word) or (acronyms.get(word[:-1]) if word.endswith("s") else None)
        if stems is not None and (i := passage_at(s)) is not None:
            out[i] = out.get(i, frozenset()) | stems
    return out
