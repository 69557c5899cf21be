"""Quote fidelity: how faithfully an article's direct quote renders its source words.

:func:`quote_fidelity` aligns the quoted words with the source passage, word by word,
and classifies the difference: ``verbatim``, ``trimmed`` (words cut at the start or end
without a mark), ``bracketed_edit``, ``ellipsis`` or ``altered``, with every difference
listed (:class:`WordDiff`) and explained in plain words (:meth:`Fidelity.explain`).
Case, quote marks, line breaks, footnote markers and closing punctuation are ignored.

>>> print(quote_fidelity("We found ICE cannot always monitor them.",
...                      "Specifically, we found ICE cannot always monitor them.").explain())
verbatim but for a dropped leading word: 'Specifically,'
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import attrs

from .spans import normalize_for_match

__all__ = ["WordDiff", "Fidelity", "quote_fidelity"]


@attrs.frozen
class WordDiff:
    """One step of a word-level comparison: ``equal``, ``insert`` (only in the article),
    ``delete`` (only in the source) or ``replace``."""

    op: str
    article: str
    source: str


@attrs.frozen
class Fidelity:
    """How an article's quote relates to the source words.

    ``kind`` is one of ``verbatim``, ``trimmed`` (words dropped at either end of the
    source sentence), ``bracketed_edit`` (bracketed words added, changed or dropped),
    ``ellipsis`` (an ellipsis stands for words that are in the source) or ``altered``
    (any other change).  ``similarity`` compares the quote with the source words it
    covers (dropped edges excluded), 0..1.
    """

    kind: str
    similarity: float
    diffs: tuple[WordDiff, ...]
    dropped_leading: str = ""
    dropped_trailing: str = ""

    def explain(self) -> str:
        """One sentence a fact-checker can read.

        >>> quote_fidelity("ICE cannot monitor", "ICE cannot monitor").explain()
        'verbatim'
        """
        changes = [d for d in self.diffs if d.op != "equal"]

        def words(text: str) -> str:
            return "word" if len(text.split()) == 1 else "words"

        edges = []
        if self.dropped_leading:
            w = words(self.dropped_leading)
            edges.append(f"{'a ' if w == 'word' else ''}dropped leading {w}: {self.dropped_leading!r}")
        if self.dropped_trailing:
            w = words(self.dropped_trailing)
            edges.append(f"{'a ' if w == 'word' else ''}dropped trailing {w}: {self.dropped_trailing!r}")
        middle = [d for d in changes if not _is_edge_diff(d, self)]
        if self.kind == "verbatim":
            if edges:
                return "verbatim (a fragment run into the reporter's sentence; the source sentence also has " + \
                    " and ".join(e.replace("a dropped", "a").replace("dropped ", "") for e in edges) + ")"
            return "verbatim"
        if self.kind == "trimmed":
            return "verbatim but for " + " and ".join(edges)
        parts = [_describe(d) for d in middle[:4]]
        if len(middle) > 4:
            parts.append(f"… {len(middle) - 4} more")
        label = {"bracketed_edit": "bracketed edit", "ellipsis": "ellipsis", "altered": "altered"}[self.kind]
        text = f"{label} (similarity {self.similarity:.2f})"
        if parts:
            text += ": " + "; ".join(parts)
        if edges:
            text += ("; " if parts else ": ") + "; ".join(edges)
        return text

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "similarity": round(self.similarity, 4),
                "diffs": [attrs.asdict(d) for d in self.diffs],
                "dropped_leading": self.dropped_leading, "dropped_trailing": self.dropped_trailing}


def _is_edge_diff(d: WordDiff, f: Fidelity) -> bool:
    return d.op == "delete" and d.source in (f.dropped_leading, f.dropped_trailing) and bool(d.source)


def _describe(d: WordDiff) -> str:
    if d.op == "insert":
        if d.article.strip() == "…":
            return "an ellipsis where the source omits nothing"
        return f"the article adds {d.article!r}"
    if d.op == "delete":
        return f"the article drops {d.source!r}"
    if d.article.strip() == "…":
        return f"an ellipsis stands for {d.source!r}"
    return f"{d.source!r} in the source reads {d.article!r} in the article"


_COMPOUND_EN_DASH = re.compile(r"(?<=[A-Za-z])\u2013(?=[A-Za-z])")
_ELLIPSIS = re.compile(r"\s*(?:\u2026|\.\s?\.\s?\.)\s*")
_EDGE_PUNCT = "\"'()[]{},.;:!?-\u2026"


@attrs.frozen
class _Tok:
    text: str
    key: str
    bracketed: bool
    ellipsis: bool


_FOOTNOTE = re.compile(r"(?<=[\w.,;:!?\"'\u2019\u201d)])(?:\[\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+)"
                       # ... and a superscript number a PDF's text gives as plain digits ("procedures.3 We")
                       r"|(?<=[a-z)%][.,;:])\d{1,2}(?=\s|\Z)")


#: a page's running footer or header, or its bare number, at a page break of text from a PDF
#: ("Page 12 GAO-24-106389 Disaster Loans")
_FURNITURE_LINE = re.compile(r"Page[ \t]+\d+\b.{0,80}|.{0,80}\bPage[ \t]+\d+|\d{1,4}|[A-Z]{2,8}-\d{2}-\d{2,6}\b.{0,60}")


def _without_page_furniture(text: str) -> str:
    """``text`` with the page furniture around its page breaks removed, so a quote that runs
    across a page is compared with its words alone."""
    if "\f" not in text:
        return text
    lines = text.split("\n")
    kept = []
    for i, line in enumerate(lines):
        at_break = "\f" in line or (i + 1 < len(lines) and "\f" in lines[i + 1]) or (i and "\f" in lines[i - 1])
        bare = line.replace("\f", "").strip()
        if at_break and bare and _FURNITURE_LINE.fullmatch(bare):
            continue
        kept.append(line.replace("\f", " "))
    return "\n".join(kept)


def _fidelity_tokens(text: str) -> list[_Tok]:
    text = _without_page_furniture(text)
    text = _FOOTNOTE.sub("", text)  # footnote references ("procedures.[3]") are not words
    # an en dash joining two words ("backyard poultry\u2013associated") is a compound's hyphen; one
    # between figures or set apart by spaces is a dash, as an em dash always is
    text = _COMPOUND_EN_DASH.sub("-", text)
    text = text.replace("\u2014", " \u2014 ").replace("\u2013", " \u2013 ")
    text = normalize_for_match(text)
    text = _ELLIPSIS.sub(" \u2026 ", text)
    depth = 0
    toks: list[_Tok] = []
    for m in re.finditer(r"\S+", text):
        raw = m.group()
        opens = raw.count("[")
        closes = raw.count("]")
        bracketed = depth > 0 or opens > 0
        depth = max(0, depth + opens - closes)
        if raw == "\u2026":
            toks.append(_Tok(raw, "\u2026", False, True))
            continue
        key = raw.strip(_EDGE_PUNCT).replace("[", "").replace("]", "")
        if not key:
            continue
        key = key[0].lower() + key[1:]
        toks.append(_Tok(raw, key, bracketed, False))
    return toks


def quote_fidelity(quoted: str, source_passage: str) -> Fidelity:
    """Compare a quote with its source sentence, word by word.

    Typographic quotes, dashes, white space, punctuation at word edges and the case
    of a word's first letter are ignored.  The kinds, in order of precedence:
    ``altered`` (a word changed, added or removed inside the quote) >
    ``bracketed_edit`` > ``ellipsis`` > ``trimmed`` > ``verbatim``.

    Bracketed text dropped at the edge counts as a **bracketed edit**, not a trim:
    when the source's own bracketed words (an editor's insertion naming the subject)
    are cut, *who* the sentence is about disappears, and a fact-checker must see
    it.  The dropped words are in ``dropped_leading``/``dropped_trailing`` and in a
    ``delete`` diff.

    >>> f = quote_fidelity("Lax vetting has placed children in danger",
    ...                    "[The HHS Office of Refugee Resettlement (ORR)]'s lax vetting has placed children in danger")
    >>> f.kind, f.dropped_leading
    ('bracketed_edit', "[The HHS Office of Refugee Resettlement (ORR)]'s")
    >>> quote_fidelity("ICE … cannot monitor", "ICE as found cannot monitor").kind
    'ellipsis'
    >>> f = quote_fidelity("ICE can monitor", "ICE cannot monitor")
    >>> f.kind, f.explain()
    ('altered', "altered (similarity 0.67): 'cannot' in the source reads 'can' in the article")
    """
    a = _fidelity_tokens(quoted)
    b = _fidelity_tokens(source_passage)
    # a quote opening in lower case is a fragment run into the reporter's sentence:
    # it does not claim to start (or end) where the source sentence does
    first_word = next((t.text.lstrip(_EDGE_PUNCT) for t in a if not t.ellipsis), "")
    fragment = first_word[:1].islower()
    # the writer's bracketed words stand in for the speaker's; they are never the speaker's own
    # words ("[VA] risks" for "Until VA implements our open recommendations, it risks")
    a_keys_all = ["\x00" + t.key if t.bracketed else t.key for t in a]
    sm = difflib.SequenceMatcher(None, a_keys_all, [t.key for t in b], autojunk=False)
    ops = sm.get_opcodes()
    diffs: list[WordDiff] = []
    lead = trail = ""
    flags = set()
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        at = " ".join(t.text for t in a[i1:i2])
        st = " ".join(t.text for t in b[j1:j2])
        # difflib's "insert"/"delete" are relative to the article; ours say where the words are
        op = {"insert": "delete", "delete": "insert"}.get(op, op)
        diffs.append(WordDiff(op, at, st))
        if op == "equal":
            continue
        a_part, b_part = a[i1:i2], b[j1:j2]
        first, last = n == 0, n == len(ops) - 1
        a_words = [t for t in a_part if not t.ellipsis]
        if (first or last) and not a_words:  # only source words (or an edge ellipsis): a trim
            if first and i1 == 0:
                lead = st
            else:
                trail = st
            if b_part and all(t.bracketed for t in b_part):
                flags.add("bracketed_edit")
            elif b_part and any(t.bracketed for t in b_part):
                flags.add("bracketed_edit")
            elif not fragment:
                flags.add("trimmed")
            continue
        if a_part and all(t.ellipsis for t in a_part):
            flags.add("ellipsis")
            continue
        if (a_words and all(t.bracketed for t in a_words)) or (b_part and all(t.bracketed for t in b_part)
                                                               and not a_words):
            flags.add("bracketed_edit")
            continue
        if a_words and any(t.bracketed for t in a_words) and all(t.bracketed or t.ellipsis for t in a_part):
            flags.add("bracketed_edit")
            continue
        flags.add("altered")
    kind = next((k for k in ("altered", "bracketed_edit", "ellipsis", "trimmed") if k in flags), "verbatim")
    core_b = [t.key for t in b]
    if lead:
        core_b = core_b[len(lead.split()):]
    if trail:
        core_b = core_b[: len(core_b) - len(trail.split())]
    a_keys = [t.key for t in a if not t.ellipsis]
    similarity = difflib.SequenceMatcher(None, a_keys, core_b, autojunk=False).ratio() if (a_keys or core_b) else 1.0
    return Fidelity(kind, round(similarity, 4), tuple(diffs), lead, trail)
