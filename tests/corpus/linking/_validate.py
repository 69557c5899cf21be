#!/usr/bin/env python3
"""Validate the evidence-linking corpus (stdlib only).

Usage:  python3 tests/corpus/linking/_validate.py [-v] [--corpus DIR] [CASE ...]

DIR is the corpus folder (this script's own folder by default; the held-out corpora
tests/corpus/linking-holdout*/ are checked with --corpus).

For every case folder (NN-slug/) it checks that
  * article.txt, documents/*.txt and case.json exist and case.json has the expected shape;
  * every article number mention and quote span holds exactly the text it claims;
  * every evidence offset (number span, passage, page, operands, alternatives) agrees with the
    document text: the passage holds the number span, does not cross a blank line or a page
    break, and the page equals the count of form feeds before the passage plus one (null when
    the document has no form feeds);
  * each label agrees with its own words where a small parser can read them (value, hedge,
    range high end, ratio denominator, month-day of dates);
  * the relation is consistent with the two numbers (verbatim: same value and hedge; rehedged:
    same value, other hedge; rounded: different value within 20%, or a coarser date; derived:
    the formula uses the operands' values and reproduces the article's figure under its hedge);
    an optional "scale" multiplies table cells whose unit is in the column header;
  * quote fidelity is consistent with the words (verbatim/trimmed: the quote is a contiguous
    run of the source; bracketed_edit/ellipsis: the unmarked pieces occur in order; altered:
    it is not a contiguous run but most of its words are in the source);
  * decoys have the digit string or the value (within 2%) of the mention they stand in for or
    of its gold evidence, and are neither that evidence nor one of its alternatives;
  * a figure credited to one document but found in another is not also in the credited one
    (unless a decoy in the credited document is recorded for it);
  * each article is 250-600 words, each document 600-3000 words without a metadata header,
    each case has 1-3 documents and at least one document paged with form feeds.
Then it prints counts per case and in total and exits 1 on any error.
"""
from __future__ import annotations

import ast
import json
import operator
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEDGES = {"exact", "approximately", "more_than", "at_least", "less_than", "at_most", "nearly"}
KINDS = {"count", "percent", "percentage_points", "money", "measure", "year", "date", "year_range",
         "date_range", "range", "duration", "ratio", "fraction", "share", "ordinal"}
RELATIONS = ("verbatim", "rounded", "rehedged", "derived")
FIDELITIES = ("verbatim", "trimmed", "bracketed_edit", "ellipsis", "altered")
QUOTE_MARKS = "\"\u201c\u201d\u2018\u2019'"

# --------------------------------------------------------------------------------------------
# a small parser for the number phrases used in this corpus (for cross-checking labels only)

_HEDGE_WORDS = [
    ("more than", "more_than"), ("higher than", "more_than"), ("lower than", "less_than"), ("upwards of", "more_than"), ("exceeding", "more_than"), ("exceeded", "more_than"),
    ("over", "more_than"), ("above", "more_than"),
    ("at least", "at_least"), ("a minimum of", "at_least"),
    ("fewer than", "less_than"), ("less than", "less_than"), ("under", "less_than"), ("below", "less_than"),
    ("no more than", "at_most"), ("up to", "at_most"), ("as many as", "at_most"), ("a maximum of", "at_most"),
    ("at most", "at_most"),
    ("just under", "nearly"), ("nearly", "nearly"), ("almost", "nearly"), ("close to", "nearly"),
    (">=", "at_least"), ("\u2265", "at_least"), ("<=", "at_most"), ("\u2264", "at_most"), (">", "more_than"), ("<", "less_than"),
    ("approximately", "approximately"), ("an estimated", "approximately"), ("about", "approximately"),
    ("around", "approximately"), ("roughly", "approximately"), ("some", "approximately"), ("~", "approximately"),
]
_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": Decimal(100), "thousand": Decimal(1000), "million": Decimal(10) ** 6,
           "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12, "m": Decimal(10) ** 6,
           "b": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "k": Decimal(1000)}
_FRACTIONS = {"half": Decimal(1) / 2, "halves": Decimal(1) / 2, "third": Decimal(1) / 3, "thirds": Decimal(1) / 3,
              "quarter": Decimal(1) / 4, "quarters": Decimal(1) / 4, "fourth": Decimal(1) / 4,
              "fifth": Decimal(1) / 5, "fifths": Decimal(1) / 5, "tenth": Decimal(1) / 10, "tenths": Decimal(1) / 10}
_MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                           "august", "september", "october", "november", "december"])}
_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                "oct": 10, "nov": 11, "dec": 12})
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}


def _word_number(s: str):
    """'twenty-five' -> 25, 'nine' -> 9, '1,204' -> 1204, '4.86' -> 4.86; else None."""
    s = s.strip().lower()
    if re.fullmatch(r"\d[\d,]*(\.\d+)?|\.\d+", s):
        return Decimal(s.replace(",", ""))
    parts = re.split(r"[- ]", s)
    total = 0
    for p in parts:
        if p in _UNITS and p not in ("a", "an"):
            total += _UNITS[p]
        elif p in _TENS:
            total += _TENS[p]
        else:
            return None
    return Decimal(total)


def _core(s: str):
    """Parse the part after the hedge: returns dict(value, high, den, unit, date) or None."""
    s = s.strip().rstrip(".,;:")
    low = s.lower()
    out = {"value": None, "high": None, "den": None, "unit": None, "date": None, "hedge": None}
    if low in ("most", "a majority", "majority", "the majority", "most of", "the vast majority", "a vast majority",
               "vast majority", "a large majority"):
        out.update(value=Decimal("0.5"), hedge="more_than")
        return out
    # compounds: "6-day", "20-year", "six-day", "6-year-old", "0.7-percent"
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?|[a-z]+)-(day|week|month|year|hour|minute|mile|ounce|pound|inch|foot|percent|point)(?:-old)?", low)
    if m and _word_number(m.group(1)) is not None:
        out.update(value=_word_number(m.group(1)), unit="%" if m.group(2) == "percent" else None)
        return out
    # dates: Month D, YYYY / Month YYYY / Month D
    m = re.fullmatch(r"([a-z]+)\.? (\d{1,2}),? (\d{4})", low)
    if m and m.group(1) in _MONTHS:
        out.update(value=Decimal(m.group(3)), date=f"{m.group(3)}-{_MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}")
        return out
    m = re.fullmatch(r"([a-z]+)\.? (\d{4})", low)
    if m and m.group(1) in _MONTHS:
        out.update(value=Decimal(m.group(2)), date=f"{m.group(2)}-{_MONTHS[m.group(1)]:02d}")
        return out
    m = re.fullmatch(r"([a-z]+)\.? (\d{1,2})", low)
    if m and m.group(1) in _MONTHS:       # "Sept. 9": month and day, year left to context
        out.update(date=f"{_MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}")
        return out
    m = re.fullmatch(r"([a-z]+)\.? (\d{1,2})-(\d{1,2})", low)
    if m and m.group(1) in _MONTHS:       # "Sept. 16-17"
        mm = _MONTHS[m.group(1)]
        out.update(date=f"{mm:02d}-{int(m.group(2)):02d}/{mm:02d}-{int(m.group(3)):02d}")
        return out
    m = re.fullmatch(r"(?:the )?(\d{3})0s", low)
    if m:                                 # "the 1930s"
        out.update(value=Decimal(m.group(1) + "0"), high=Decimal(m.group(1) + "9"))
        return out
    if low in ("a dozen", "dozen", "a dozen or so"):
        out.update(value=Decimal(12))
        return out
    m = re.fullmatch(r"(a|one|two|three)?[- ]?(quarter|half)[- ]point", low)
    if m:                                 # "a quarter-point" (of a percentage point)
        n = _UNITS.get(m.group(1) or "a", 1) if m.group(1) not in (None, "a") else 1
        out.update(value=Decimal(n) * _FRACTIONS[m.group(2)], unit="percentage points")
        return out
    # ranges
    m = re.fullmatch(r"(?:between |from )?(.+?)(?: and | to | through |\u2013|(?<=\d)-(?=\d))(.+)", low)
    if m and not re.fullmatch(r"[a-z]+-[a-z]+", low):
        a, b = _core(m.group(1)), _core(m.group(2))
        m2 = re.fullmatch(r"((?:fiscal |fy ?)?(\d{2})\d{2})[-\u2013](\d{2})(?: .*)?", low)
        if m2:   # "2024-25 school year", "FY2019-23"
            out.update(value=Decimal(re.search(r"\d{4}", m2.group(1)).group()), high=Decimal(m2.group(2) + m2.group(3)))
            return out
        if a and b and a["value"] is not None and b["value"] is not None and a["den"] is None:
            if a["date"] and b["date"]:
                out.update(value=a["value"], high=b["value"], date=a["date"] + "/" + b["date"])
            else:
                out.update(value=a["value"], high=b["value"], unit=b["unit"] or a["unit"])
            return out
    # years: fiscal year 2023, fiscal 2023, FY2023, FY 2023, calendar year 2023, (fiscal) years 2019 and 2023
    m = re.fullmatch(r"(?:fiscal years?|fiscal|fy|calendar years?|years?|school years?|the)? ?(\d{4})", low)
    if m:
        out.update(value=Decimal(m.group(1)))
        return out
    # ratios: X of (the) Y, X in Y, X out of Y
    m = re.fullmatch(r"(.+?) (?:out of|of|in) (?:the |every |all |its |gao's )?([\w,.-]+)(?: .*)?", low)
    if m:
        a, b = _word_number(m.group(1)), _word_number(m.group(2))
        if a is not None and b is not None:
            out.update(value=a, den=b)
            return out
    # fractions: half, a third, two-thirds, one-fifth, three-quarters, seven-tenths of a percent
    m = re.fullmatch(r"(?:(a|an|one|two|three|four|five|six|seven|eight|nine)[- ])?(half|halves|thirds?|quarters?|fourth|fifths?|tenths?)( of a percent(?:age point)?)?", low)
    if m:
        num = _UNITS[m.group(1)] if m.group(1) else 1
        val = Decimal(num) * _FRACTIONS[m.group(2)]
        if m.group(3):
            out.update(value=val, unit="%" if "point" not in m.group(3) else "percentage points")
        else:
            out.update(value=val, unit="fraction")
        return out
    m = re.fullmatch(r"(?:the )?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))(?: .*)?", low)
    if m and not low.startswith(("third", "fourth", "fifth", "tenth")) or (m and " " in low):
        w = m.group(1)
        out.update(value=Decimal(_ORDINALS[w]) if w in _ORDINALS else Decimal(re.match(r"\d+", w).group()), unit="ordinal")
        return out
    # money / plain / percent / scaled
    m = re.fullmatch(r"([+\u2212-])?(\$|us\$)?\s?([\d][\d,]*(?:\.\d+)?|\.\d+|[a-z]+(?:-[a-z]+)?)\s?(hundred|thousand|million|billion|trillion|bn|b|m|k)?"
                     r"(?:\s?(%|percent|per cent|percentage points?|points?))?(?: .*)?", low)
    if m:
        v = _word_number(m.group(3))
        if v is None:
            return None
        if m.group(4):
            v = v * _SCALES[m.group(4)]
        if m.group(1) in ("-", "\u2212"):
            v = -v
        unit = None
        if m.group(2):
            unit = "USD"
        if m.group(5):
            unit = "percentage points" if "point" in m.group(5) else "%"
        out.update(value=v, unit=unit)
        return out
    return None


def parse_mention(text: str):
    """Parse a number phrase into dict(value, high, den, unit, date, hedge); None if not understood."""
    s = re.sub(r"\s+", " ", text.strip())
    hedge = "exact"
    low = s.lower()
    for w, h in _HEDGE_WORDS:
        if low.startswith(w + " ") or (w in ("~", ">=", "<=", ">", "<", "\u2265", "\u2264") and low.startswith(w)):
            hedge = h
            s = s[len(w):].strip()
            low = s.lower()
            break
    for suffix, h in ((" or more", "at_least"), (" or fewer", "at_most"), (" or less", "at_most"), ("-plus", "at_least"),
                      (" and older", "at_least"), (" or older", "at_least"), (" and over", "at_least"), (" and younger", "at_most")):
        if low.endswith(suffix):
            hedge = h
            s = s[: -len(suffix)]
            low = s.lower()
    core = _core(s)
    if core is None:
        return None
    if core["hedge"]:
        hedge = core["hedge"]
    core["hedge"] = hedge
    return core


def _close(a: Decimal, b: Decimal, rel=Decimal("1e-6")) -> bool:
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b))


# --------------------------------------------------------------------------------------------
# safe arithmetic for formulas

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def eval_formula(formula: str):
    literals: list[Decimal] = []

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            d = Decimal(repr(node.value)) if isinstance(node.value, float) else Decimal(node.value)
            literals.append(d)
            return d
        raise ValueError(f"unsupported syntax in formula {formula!r}")

    value = ev(ast.parse(formula, mode="eval"))
    return value, literals


# --------------------------------------------------------------------------------------------

class Checker:
    def __init__(self, verbose=False):
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.verbose = verbose

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")


def _norm_quote(s: str) -> str:
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = s.replace("\u2014", "--").replace("\u2013", "-")
    s = re.sub(r"\[\d{1,2}\]", "", s)          # footnote markers in documents
    s = re.sub(r"\s+", " ", s).strip()
    s = s.strip(".,;:!? ")
    return s.lower()


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _as_comparable(kind_a, val_a: Decimal, unit_b, val_b: Decimal):
    """Bring a fraction/share and a percent onto the same scale."""
    if kind_a in ("fraction", "share") and unit_b == "%":
        return val_a, val_b / 100
    if kind_a == "percent" and unit_b == "fraction":
        return val_a, val_b * 100
    return val_a, val_b


def _scale(ck, where, rec) -> Decimal:
    """Optional 'scale': the multiplier a table header puts on a cell ("Amount ($ millions)" -> "1000000")."""
    sc = rec.get("scale")
    if sc is None:
        return Decimal(1)
    try:
        return Decimal(sc)
    except (InvalidOperation, TypeError):
        ck.err(where, f"scale {sc!r} is not a decimal string")
        return Decimal(1)


def check_number_link(ck, where, num, ev, doc_text, is_alt=False):
    """Check one evidence (or alternative) record for an article number mention."""
    n = len(doc_text)
    ns, ne, ps, pe = ev.get("number_start"), ev.get("number_end"), ev.get("passage_start"), ev.get("passage_end")
    if not all(isinstance(x, int) for x in (ns, ne, ps, pe)):
        ck.err(where, "evidence offsets must be integers")
        return None
    if not (0 <= ps <= ns < ne <= pe <= n):
        ck.err(where, f"offsets out of order or range: passage [{ps},{pe}) number [{ns},{ne}) len {n}")
        return None
    passage = doc_text[ps:pe]
    if passage != passage.strip():
        ck.err(where, "passage starts or ends with whitespace")
    if re.search(r"\n[ \t]*\n", passage) or "\f" in passage:
        ck.err(where, "passage crosses a paragraph or page break")
    if ps > 0 and doc_text[ps - 1].isalnum():
        ck.err(where, f"passage starts inside a word: {doc_text[max(0, ps - 10):ps + 10]!r}")
    if pe < n and doc_text[pe].isalnum() and doc_text[pe - 1].isalnum():
        ck.err(where, f"passage ends inside a word: {doc_text[pe - 10:pe + 10]!r}")
    if (ns > 0 and doc_text[ns - 1].isalnum()) or (ne < n and doc_text[ne].isalnum()):
        ck.err(where, f"number span cuts a word: {doc_text[max(0, ns - 5):ne + 5]!r}")
    has_ff = "\f" in doc_text
    page = ev.get("page")
    if has_ff:
        expect = doc_text.count("\f", 0, ps) + 1
        if page != expect:
            ck.err(where, f"page is {page}, but {expect - 1} form feeds precede the passage (page {expect})")
    elif page is not None:
        ck.err(where, f"page {page} given for a document without form feeds (use null)")
    rel = ev.get("relation")
    if rel not in RELATIONS:
        ck.err(where, f"relation {rel!r} not one of {RELATIONS}")
        return None
    doc_num = doc_text[ns:ne]
    scale = _scale(ck, where, ev)
    if is_alt and rel == "derived":
        ck.err(where, "alternatives cannot be derived")
    if rel == "derived":
        return doc_num
    a = Decimal(num["value"])
    p = parse_mention(doc_num)
    if p is None or p["value"] is None:
        ck.err(where, f"cannot parse document number {doc_num!r} to check relation {rel}")
        return doc_num
    av, dv = _as_comparable(num["kind"], a, p["unit"], p["value"] * scale)
    if num["kind"] == "ratio" and num.get("denominator") and p["den"] is None:
        # "nine in 10" against "88%" or "0.88": compare the ratio's share
        share = a / Decimal(num["denominator"])
        av, dv = (share * 100, p["value"] * scale) if p["unit"] == "%" else (share, p["value"] * scale)
    same_value = _close(av, dv)
    if num.get("high") is not None and p["high"] is not None:
        same_value = same_value and _close(Decimal(num["high"]), p["high"])
    if num.get("denominator") is not None and p["den"] is not None:
        same_value = same_value and _close(Decimal(num["denominator"]), p["den"])
    same_hedge = num["hedge"] == p["hedge"]
    coarser_date = bool(num.get("date") and p["date"] and num["date"] != p["date"]
                        and p["date"].startswith(num["date"]))
    if rel == "verbatim":
        if not (same_value and same_hedge) or coarser_date:
            ck.err(where, f"verbatim, but {num['text']!r} ({num['hedge']} {num['value']}) vs document "
                          f"{doc_num!r} ({p['hedge']} {p['value']})")
    elif rel == "rehedged":
        if not same_value or same_hedge:
            ck.err(where, f"rehedged needs same value and different hedge: {num['text']!r} ({num['hedge']}) "
                          f"vs {doc_num!r} ({p['hedge']} {p['value']})")
    elif rel == "rounded":
        if coarser_date:
            return doc_num
        if same_value:
            ck.err(where, f"rounded, but the values are equal: {num['text']!r} vs {doc_num!r}")
        elif dv == 0 or abs(av - dv) / abs(dv) > Decimal("0.2"):
            ck.err(where, f"rounded, but {num['text']!r} ({av}) is more than 20% from {doc_num!r} ({dv})")
    return doc_num


def hedge_ok(hedge, claimed: Decimal, computed: Decimal) -> bool:
    if hedge in ("more_than",):
        return computed > claimed
    if hedge == "at_least":
        return computed >= claimed
    if hedge == "less_than":
        return computed < claimed
    if hedge == "at_most":
        return computed <= claimed
    if hedge == "nearly":
        return claimed * Decimal("0.85") <= computed <= claimed
    if claimed == 0:
        return abs(computed) < Decimal("0.5")
    return abs(computed - claimed) / abs(claimed) <= Decimal("0.1")


def check_case(ck: Checker, case_dir: Path):
    name = case_dir.name
    stats = {"numbers": 0, "nonfact": 0, "absent": 0, "misattributed": 0, "alternatives": 0,
             "quotes": 0, "quotes_absent": 0, "decoys": 0, "documents": 0, "paged_documents": 0,
             "article_words": 0, "document_words": []}
    for r in RELATIONS:
        stats[r] = 0
    for f in FIDELITIES:
        stats["q_" + f] = 0
    try:
        case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        ck.err(name, f"case.json unreadable: {e}")
        return stats
    try:
        article = (case_dir / "article.txt").read_text(encoding="utf-8")
    except OSError as e:
        ck.err(name, f"article.txt unreadable: {e}")
        return stats
    words = len(article.split())
    stats["article_words"] = words
    if not 250 <= words <= 600:
        ck.err(name, f"article has {words} words (want 250-600)")
    extra = set(case) - {"documents", "numbers", "quotes", "decoys"}
    if extra:
        ck.err(name, f"unexpected keys in case.json: {sorted(extra)}")
    docs = case.get("documents")
    if not isinstance(docs, dict) or not 1 <= len(docs) <= 3:
        ck.err(name, "documents must be an object with 1-3 entries")
        return stats
    texts = {}
    for did, d in docs.items():
        w = f"{name} document {did}"
        for key in ("file", "title", "issuer", "date", "number", "primary"):
            if key not in d:
                ck.err(w, f"missing {key!r}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(d.get("date"))):
            ck.err(w, f"date {d.get('date')!r} is not YYYY-MM-DD")
        if not isinstance(d.get("primary"), bool):
            ck.err(w, "primary must be true or false")
        if d.get("number") is not None and not isinstance(d.get("number"), str):
            ck.err(w, "number must be a string or null")
        try:
            t = (case_dir / d["file"]).read_text(encoding="utf-8")
        except (OSError, KeyError) as e:
            ck.err(w, f"cannot read document: {e}")
            continue
        texts[did] = t
        dw = len(t.split())
        stats["document_words"].append(dw)
        if not 600 <= dw <= 3000:
            ck.err(w, f"{dw} words (want 600-3000)")
        if re.match(r"\s*[A-Z][A-Z /]+:\s", t):
            ck.err(w, "document opens with a header block")
        if "\f" in t:
            stats["paged_documents"] += 1
    stats["documents"] = len(texts)
    if not stats["paged_documents"]:
        ck.err(name, "no document has form-feed page breaks")

    # ---- numbers
    numbers = case.get("numbers", [])
    prev_end = -1
    for i, num in enumerate(numbers):
        w = f"{name} number[{i}]"
        for key in ("text", "start", "end", "value", "hedge", "kind", "evidence", "credited_to", "fact"):
            if key not in num:
                ck.err(w, f"missing {key!r}")
        try:
            s, e = num["start"], num["end"]
            if article[s:e] != num["text"]:
                ck.err(w, f"article[{s}:{e}] is {article[s:e]!r}, not {num['text']!r}")
        except (KeyError, TypeError):
            continue
        w = f"{name} number {num['text']!r}@{s}"
        if s < prev_end:
            ck.err(w, "overlaps the previous mention or numbers are not sorted")
        prev_end = e
        if num.get("hedge") not in HEDGES:
            ck.err(w, f"hedge {num.get('hedge')!r}")
        if num.get("kind") not in KINDS:
            ck.err(w, f"kind {num.get('kind')!r}")
        for key in ("value", "high", "denominator"):
            v = num.get(key)
            if v is not None:
                try:
                    Decimal(v)
                except (InvalidOperation, TypeError):
                    ck.err(w, f"{key} {v!r} is not a decimal string")
        if num.get("kind") == "percent" and num.get("unit") != "%":
            ck.err(w, "percent mentions have unit '%'")
        if num.get("kind") == "percentage_points" and num.get("unit") != "percentage points":
            ck.err(w, "percentage_points mentions have unit 'percentage points'")
        if num.get("kind") == "money" and num.get("unit") not in ("USD", "EUR", "GBP"):
            ck.err(w, "money mentions have a currency unit")
        if num.get("kind") == "date" and not num.get("date"):
            ck.err(w, "date mentions carry an ISO 'date'")
        # the label must agree with the words
        p = parse_mention(num["text"])
        if p is not None and p["value"] is None and p["date"]:
            parts = [x[-5:] for x in str(num.get("date") or "").split("/")]
            if "/".join(parts) != p["date"]:
                ck.err(w, f"date {num.get('date')!r} but the text reads as month-day {p['date']}")
        elif p is not None and p["value"] is not None and num.get("kind") not in ("ordinal",):
            try:
                val = Decimal(num["value"])
                pv = p["value"]
                if not _close(val, pv):
                    ck.err(w, f"value {num['value']} but the text reads as {pv}")
                if p["hedge"] != num.get("hedge"):
                    ck.err(w, f"hedge {num.get('hedge')} but the text reads as {p['hedge']}")
                if p["high"] is not None and (num.get("high") is None or not _close(Decimal(num["high"]), p["high"])):
                    ck.err(w, f"high {num.get('high')} but the text reads as {p['high']}")
                if p["den"] is not None and (num.get("denominator") is None or not _close(Decimal(num["denominator"]), p["den"])):
                    ck.err(w, f"denominator {num.get('denominator')} but the text reads as {p['den']}")
            except (InvalidOperation, TypeError):
                pass
        elif num.get("kind") not in ("ordinal", "duration", "measure") and num.get("fact", True):
            ck.warn(w, "validator's parser does not read this phrase; label not cross-checked")
        cred = num.get("credited_to")
        if cred is not None and cred not in docs and not str(cred).startswith("external:"):
            ck.err(w, f"credited_to {cred!r} is neither a document id nor 'external:...'")
        if not num.get("fact", True):
            stats["nonfact"] += 1
            if num.get("evidence") is not None:
                ck.err(w, "fact:false mentions carry no evidence")
            continue
        stats["numbers"] += 1
        ev = num.get("evidence")
        if ev is None:
            stats["absent"] += 1
            continue
        did = ev.get("document")
        if did not in texts:
            ck.err(w, f"evidence document {did!r} unknown")
            continue
        check_number_link(ck, w, num, ev, texts[did])
        rel = ev.get("relation")
        if rel in RELATIONS:
            stats[rel] += 1
        if rel == "derived":
            ops, formula = ev.get("operands"), ev.get("formula")
            if not ops or not isinstance(formula, str):
                ck.err(w, "derived evidence needs operands and a formula")
            else:
                try:
                    computed, literals = eval_formula(formula)
                except (ValueError, SyntaxError, ZeroDivisionError) as x:
                    ck.err(w, f"formula: {x}")
                    computed, literals = None, []
                main_ok = False
                for j, op in enumerate(ops):
                    od = op.get("document")
                    if od not in texts:
                        ck.err(w, f"operand {j} document {od!r} unknown")
                        continue
                    t = texts[od]
                    a, b = op.get("number_start"), op.get("number_end")
                    if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(t)):
                        ck.err(w, f"operand {j} offsets out of range")
                        continue
                    if op.get("text") is not None and t[a:b] != op["text"]:
                        ck.err(w, f"operand {j} text {op['text']!r} != document {t[a:b]!r}")
                    if od == did and a == ev["number_start"] and b == ev["number_end"]:
                        main_ok = True
                    pv = parse_mention(t[a:b])
                    if pv is None or pv["value"] is None:
                        ck.err(w, f"cannot parse operand {t[a:b]!r}")
                    elif not any(_close(pv["value"] * _scale(ck, w, op), lit) for lit in literals):
                        ck.err(w, f"operand {t[a:b]!r} (= {pv['value'] * _scale(ck, w, op)}) does not appear in formula {formula!r}")
                if not main_ok:
                    ck.err(w, "the evidence number span must be one of the operands")
                if computed is not None:
                    claimed = Decimal(num["value"])
                    if not hedge_ok(num["hedge"], claimed, computed):
                        ck.err(w, f"formula gives {computed:.6g}, inconsistent with {num['text']!r} ({num['hedge']} {claimed})")
                    elif ck.verbose:
                        print(f"    derived {num['text']!r}: {formula} = {computed:.6g}")
        elif ev.get("operands") or ev.get("formula"):
            ck.err(w, "operands/formula only for derived evidence")
        seen_spans = {(did, ev.get("number_start"))}
        for k, alt in enumerate(ev.get("alternatives", []) or []):
            ad = alt.get("document")
            if (ad, alt.get("number_start")) in seen_spans:
                ck.err(w, f"alternative {k} repeats the primary evidence or another alternative")
            seen_spans.add((ad, alt.get("number_start")))
            if ad not in texts:
                ck.err(w, f"alternative {k} document {ad!r} unknown")
                continue
            check_number_link(ck, f"{w} alternative {k}", num, alt, texts[ad], is_alt=True)
            stats["alternatives"] += 1
        if cred in docs and cred != did:
            stats["misattributed"] += 1
            ev_digits = _digits(texts[did][ev["number_start"]:ev["number_end"]])
            tokens = {_digits(m.group()) for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", texts[cred])}
            acknowledged = any(d.get("document") == cred and d.get("article_start") == s
                               for d in case.get("decoys", []))
            if rel != "derived" and ev_digits in tokens and not acknowledged:
                ck.err(w, f"credited to {cred} but its digit string {ev_digits} also occurs there "
                          f"(record those occurrences as decoys if they state other facts)")
            if any(a.get("document") == cred for a in ev.get("alternatives", []) or []):
                ck.err(w, f"credited to {cred} and an alternative is in {cred}: not a misattribution")

    # ---- quotes
    for i, q in enumerate(case.get("quotes", [])):
        w = f"{name} quote[{i}]"
        try:
            s, e, text = q["start"], q["end"], q["text"]
        except KeyError as x:
            ck.err(w, f"missing {x}")
            continue
        if article[s:e] != text:
            ck.err(w, f"article[{s}:{e}] != text")
            continue
        w = f"{name} quote {text[:40]!r}@{s}"
        if s == 0 or article[s - 1] not in QUOTE_MARKS or e >= len(article) or article[e] not in QUOTE_MARKS:
            ck.err(w, "quote span must sit directly inside quotation marks")
        if not q.get("speaker"):
            ck.err(w, "speaker missing")
        stats["quotes"] += 1
        ev = q.get("evidence")
        if ev is None:
            stats["quotes_absent"] += 1
            continue
        did = ev.get("document")
        if did not in texts:
            ck.err(w, f"document {did!r} unknown")
            continue
        t = texts[did]
        a, b = ev.get("start"), ev.get("end")
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(t)):
            ck.err(w, "evidence offsets out of range")
            continue
        fid = ev.get("fidelity")
        if fid not in FIDELITIES:
            ck.err(w, f"fidelity {fid!r}")
            continue
        stats["q_" + fid] += 1
        spans = [(a, b)] + [(x.get("start"), x.get("end")) for x in ev.get("alternatives", []) or []]
        for (pa, pb) in spans:
            src = _norm_quote(t[pa:pb])
            qt = _norm_quote(text)
            if fid in ("verbatim", "trimmed"):
                if qt not in src:
                    ck.err(w, f"{fid}: quote is not a contiguous run of the passage {t[pa:pb][:80]!r}")
                elif fid == "trimmed" and qt == src:
                    ck.err(w, "trimmed, but the quote equals the whole passage")
                elif fid == "verbatim" and qt != src and text[:1].isupper():
                    # a quote presented as a sentence must be the whole sentence or clause;
                    # a lower-case fragment run into the reporter's sentence need not be
                    ck.err(w, "verbatim quote that opens a sentence must equal the passage (else trimmed)")
            else:
                if qt in src:
                    ck.err(w, f"{fid}, but the quote is a contiguous run of the passage")
                if fid in ("bracketed_edit", "ellipsis"):
                    marker = r"\[[^\]]*\]" if fid == "bracketed_edit" else r"\.\.\.|\u2026"
                    if not re.search(marker, text):
                        ck.err(w, f"{fid} quote lacks its marker")
                    pos = 0
                    for piece in re.split(r"\[[^\]]*\]|\.\.\.|\u2026", text):
                        pn = _norm_quote(piece)
                        if not pn:
                            continue
                        k = src.find(pn, pos)
                        if k < 0:
                            ck.err(w, f"{fid}: piece {piece.strip()[:40]!r} not found in order in the passage")
                            break
                        pos = k + len(pn)
                if fid == "altered":
                    if re.search(r"\[[^\]]*\]|\.\.\.|\u2026", text):
                        ck.err(w, "altered quotes carry no edit marks (use bracketed_edit/ellipsis)")
                    qw = re.findall(r"[a-z0-9']+", qt)
                    sw = set(re.findall(r"[a-z0-9']+", src))
                    share = sum(1 for x in qw if x in sw) / max(1, len(qw))
                    if share < 0.6:
                        ck.err(w, f"altered, but only {share:.0%} of its words are in the passage")

    # ---- decoys
    by_span = {(n["start"], n["end"]): n for n in numbers}
    for i, d in enumerate(case.get("decoys", [])):
        w = f"{name} decoy[{i}]"
        did = d.get("document")
        if did not in texts:
            ck.err(w, f"document {did!r} unknown")
            continue
        t = texts[did]
        if t[d["start"]:d["end"]] != d.get("text"):
            ck.err(w, f"text {d.get('text')!r} != document {t[d['start']:d['end']]!r}")
            continue
        target = by_span.get((d.get("article_start"), d.get("article_end")))
        if target is None:
            ck.err(w, "article_start/article_end do not name an article number mention")
            continue
        dd = _digits(d["text"])
        cands = {_digits(target["text"])}
        tev = target.get("evidence")
        if tev:
            cands.add(_digits(texts[tev["document"]][tev["number_start"]:tev["number_end"]]))
            if tev["document"] == did and tev["number_start"] == d["start"]:
                ck.err(w, "decoy is the gold evidence itself")
            for alt in tev.get("alternatives", []) or []:
                if alt["document"] == did and alt["number_start"] == d["start"]:
                    ck.err(w, "decoy is listed as an alternative")
        same_value = False
        pd = parse_mention(d["text"])
        if pd is not None and pd["value"] is not None:
            dv = abs(pd["value"] * _scale(ck, w, d))
            vals = [Decimal(target["value"])]
            if tev:
                pe_ = parse_mention(texts[tev["document"]][tev["number_start"]:tev["number_end"]])
                if pe_ is not None and pe_["value"] is not None:
                    vals.append(pe_["value"] * _scale(ck, w, tev))
            same_value = any(_close(dv, abs(v), Decimal("0.02")) for v in vals)   # same or within 2%
        if dd not in cands and not same_value:
            ck.err(w, f"decoy {d['text']!r} matches neither the digits nor the value of {target['text']!r} or its evidence")
        stats["decoys"] += 1
    return stats


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    verbose = "-v" in argv
    folder = HERE
    if "--corpus" in argv:
        at = argv.index("--corpus")
        if at + 1 >= len(argv):
            print("--corpus needs a folder", file=sys.stderr)
            return 2
        folder = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    names = [a for a in argv if not a.startswith("-")]
    ck = Checker(verbose)
    cases = sorted((p for p in folder.iterdir() if p.is_dir() and re.match(r"\d{2,}-", p.name)),
                   key=lambda p: (int(p.name.split("-", 1)[0]), p.name))
    if names:
        cases = [c for c in cases if c.name in names or c.name.split("-", 1)[0] in names]
    if not cases:
        print("no cases found", file=sys.stderr)
        return 1
    rows = []
    for c in cases:
        if verbose:
            print(f"-- {c.name}")
        rows.append((c.name, check_case(ck, c)))
    cols = ["numbers", "absent", "verbatim", "rounded", "rehedged", "derived", "misattributed", "nonfact",
            "quotes", "quotes_absent", "decoys"]
    short = {"numbers": "nums", "absent": "absent", "verbatim": "verb", "rounded": "round", "rehedged": "rehedge",
             "derived": "deriv", "misattributed": "misattr", "nonfact": "nonfact", "quotes": "quotes",
             "quotes_absent": "q-none", "decoys": "decoys"}
    print(f"{'case':44}" + "".join(f"{short[k]:>8}" for k in cols))
    total = {k: 0 for k in cols}
    fid_total = {f: 0 for f in FIDELITIES}
    words = {"article": [], "document": []}
    for name, st in rows:
        print(f"{name:44}" + "".join(f"{st[k]:>8}" for k in cols))
        for k in cols:
            total[k] += st[k]
        for f in FIDELITIES:
            fid_total[f] += st["q_" + f]
        words["article"].append(st["article_words"])
        words["document"].extend(st["document_words"])
    print(f"{'TOTAL (' + str(len(rows)) + ' cases)':44}" + "".join(f"{total[k]:>8}" for k in cols))
    n = total["numbers"]
    if n:
        print(f"fact-carrying numbers: {n}; with evidence {n - total['absent']} "
              f"(verbatim {total['verbatim']}, rounded {total['rounded']}, rehedged {total['rehedged']}, "
              f"derived {total['derived']}); absent {total['absent']} ({100 * total['absent'] / n:.0f}%); "
              f"misattributed {total['misattributed']}; fact:false mentions {total['nonfact']}")
    print(f"quotes: {total['quotes']}; no evidence {total['quotes_absent']}; "
          + ", ".join(f"{f} {fid_total[f]}" for f in FIDELITIES))
    print(f"alternative evidence passages: {sum(st['alternatives'] for _, st in rows)}; "
          f"documents with form-feed pages: {sum(st['paged_documents'] for _, st in rows)}")
    print(f"decoys: {total['decoys']}; documents: {len(words['document'])}; article words "
          f"{min(words['article'], default=0)}-{max(words['article'], default=0)}; document words "
          f"{min(words['document'], default=0)}-{max(words['document'], default=0)}")
    if verbose:
        for wmsg in ck.warnings:
            print("warning:", wmsg)
    elif ck.warnings:
        print(f"{len(ck.warnings)} warnings (-v to list)")
    for e in ck.errors:
        print("ERROR:", e, file=sys.stderr)
    print(f"{len(ck.errors)} errors")
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main())
