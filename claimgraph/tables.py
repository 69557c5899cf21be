"""How a table cell of a document is read: the unit its column head, its row label or the
table's caption gives it ("168,421" under "(levels in thousands)" is 168,421,000; "13.0" under
"Percent" is 13.0%).

Tables in agency releases are plain text: rows are lines that end in figures, column heads are
the lines of cells right above them, and a caption sits above the heads.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .matching import TABLE_HEAD_REACH, TABLE_HEADER_CHARS, _COLUMN_GAP, _SCALES, _units_in
from .passages import _is_table_line
from .quantities import Quantity

if TYPE_CHECKING:
    from .index import DocumentIndex

__all__ = ["table_head_span", "table_units"]

#: a table row: a line that ends in a figure ("Considering leaving SSA   44", "Total   369   508")
_ROW_END = re.compile(r"\d[\d,.]*%?\s*\Z")
#: ... but a line with no row label that ends in a year is a column head ("   (percent)   2023").
_HEAD_YEAR_END = re.compile(r"\A[ \t]+\S.*\b(?:19|20)\d\d\s*\Z")
#: a unit set in parentheses in a table row's label ("Refunds stopped ($ billions)   3.06   4.18")
_ROW_LABEL_UNIT = re.compile(r"\(([^()\n]{1,40})\)")
#: a label over a group of a table's rows: a few words, no figure, no column gap ("Largest increases")
_GROUP_LABEL = re.compile(r"[ \t]*[A-Za-z][A-Za-z,'()&/-]*(?: [A-Za-z,'()&/-]+){0,5}:?[ \t]*")
#: a column of rates ("Rates", "Hires rate"): percents, unless the table says per how many
#: ("Rate per 100,000", "Rate*" under a caption of cases per 100,000 population)
_RATE_HEAD = re.compile(r"\brates?\b")
_PER_HOW_MANY = re.compile(r"\bper\b|/\s*\d")


def table_units(ix: "DocumentIndex", pi: int, q: Quantity) -> frozenset[str]:
    """Units a table cell ``q`` of ``ix`` (in passage ``pi``) may carry, from its column header
    ("Amount ($ millions)", "Percent change") or, when the header names none, the table's caption
    ("Billions of Dollars"); empty for prose."""
    span = ix.passages[pi]
    if not _is_table_line(ix.text[span.start : span.end]):
        return frozenset()
    first = _table_start(ix, ix._owner[pi])
    head = ix.text[max(0, first - TABLE_HEADER_CHARS) : first]
    lines, header = _heads(ix, head, first, q)
    cut = first > TABLE_HEADER_CHARS  # the window starts inside the text: its first line may be cut
    whole = lines[1:] if cut and ix.text[first - TABLE_HEADER_CHARS - 1] != "\n" else lines
    if header and cut and not any(line.strip() for line in whole):
        # the column heads fill the window: the caption is looked for right above them, however
        # wide they are ("(levels in thousands)" over four lines of heads 95 characters wide)
        lines, header = _heads(ix, ix.text[max(0, first - TABLE_HEAD_REACH) : first], first, q)
        lines = "\n".join(lines)[-TABLE_HEADER_CHARS:].split("\n")
        head = "\n".join(lines + header)
    column = ""
    if header:
        line_start = ix.text.rfind("\n", 0, q.span.start) + 1
        lo, hi = q.span.start - line_start, q.span.end - line_start
        parts = []
        rows = [[(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", line)] for line in header]
        widest = max(len(cells) for cells in rows)
        for line, cells in zip(header, rows):  # a stacked head ("Poor / bridges, / 2025") is read down
            over = [c for c in cells if c[0] < hi and lo < c[1]]
            if not over and len(cells) < widest:  # a group head spans the columns to its right
                over = [c for c in cells if c[0] < hi]
            if over:
                parts.append(line[over[-1][0] : over[-1][1]])
        if not parts:
            cells = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", header[-1])]
            if cells:
                parts.append(header[-1][slice(*min(cells, key=lambda c: abs(c[1] - hi)))])
        column = " ".join(parts)
    own = _units_in(column.lower())
    row = ix.text[ix.text.rfind("\n", 0, q.span.start) + 1 : q.span.start]
    gap = _COLUMN_GAP.search(row)  # the row's label ends where its first column gap begins
    label = _ROW_LABEL_UNIT.search(row[: gap.start() + 1] if gap else row)
    labelled = _units_in(label.group(1).lower()) if label else frozenset()
    if labelled:  # "Legitimate returns flagged (thousands)   697"
        own = labelled
    if own:
        return own | (_units_in(head.lower()) & {"dollar"} if own & _SCALES.keys() else frozenset())
    caption = _units_in("\n".join(lines).lower())
    if _RATE_HEAD.search(column.lower()) and not _PER_HOW_MANY.search(head.lower()):
        return caption | {"percent"}  # (besides the caption's scale: "hourly rates" over counts in thousands)
    return caption


def table_head_span(ix: "DocumentIndex", pi: int) -> tuple[int, int] | None:
    """Where the caption and column heads over the table line ``pi`` of ``ix`` may stand: from
    TABLE_HEADER_CHARS above the table's first row to the start of the line (None for prose)."""
    span = ix.passages[pi]
    if not _is_table_line(ix.text[span.start : span.end]):
        return None
    first = _table_start(ix, ix._owner[pi])
    return max(0, first - TABLE_HEADER_CHARS), ix.text.rfind("\n", 0, span.start) + 1


def _table_start(ix: "DocumentIndex", b: int) -> int:
    """Where the table holding block ``b`` starts: its first block of rows (rows of one table are
    consecutive blocks, some perhaps under a label of their group), remembered per block."""
    prev = b - 1
    if prev > 0 and _GROUP_LABEL.fullmatch(ix.text[ix.blocks[prev].start : ix.blocks[prev].end]):
        prev -= 1
    top = ix._table_top.setdefault(b, ix._table_top.get(prev, b) if prev >= 0 else b)
    return ix.blocks[top].start


def _heads(ix: "DocumentIndex", head: str, first: int, q: Quantity) -> tuple[list[str], list[str]]:
    """The lines of ``head`` above a table's column heads, and the heads: one or more lines right
    above the rows, some perhaps set on the block's own first lines."""
    lines = head.split("\n")
    while lines and (not lines[-1].strip() or _GROUP_LABEL.fullmatch(lines[-1])):
        lines.pop()  # (and a label over the first group of rows: "Largest increases")
    # a head set on the block's own first lines, above its first row of figures
    block_line = ix.text.rfind("\n", 0, first) + 1  # (from the line's start: columns keep their places)
    for line in ix.text[block_line : ix.text.rfind("\n", first, q.span.start) + 1].split("\n"):
        if not line.strip() or (_ROW_END.search(line) and not _HEAD_YEAR_END.search(line)):
            break  # (a head line may end in a year: "   ($ millions)   (percent)   2023")
        if _GROUP_LABEL.fullmatch(line):
            continue  # a label over a group of rows ("Largest decreases") is no column head
        lines.append(line)
    header: list[str] = []
    while lines and _COLUMN_GAP.search(lines[-1].strip()):
        header.insert(0, lines.pop())
    return lines, header
