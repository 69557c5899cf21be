"""Check the labelled news corpus in this folder and print a summary.

Usage:  python3 tests/corpus/news/_validate.py [FOLDER]

Standard library only. For every NAME.gold.json next to NAME.txt it checks that
offsets are exact (text[start:end] == entry["text"]), that entries are in text
order, do not overlap and lie within the article, that values parse as Decimal,
and that hedge/kind/unit/date fields follow the corpus conventions (README.md).
Articles are read as raw UTF-8 bytes, so CRLF line endings are kept: offsets
count "\r" as a character. Exits 1 and lists every problem if anything is wrong.
"""
import collections
import json
import pathlib
import re
import sys
from decimal import Decimal, InvalidOperation

GENRES = ("wire", "press_release", "congressional", "local", "business", "court", "health", "budget")
HEDGES = ("exact", "approximately", "more_than", "at_least", "less_than", "at_most", "nearly")
KINDS = ("count", "percent", "percentage_points", "money", "measure", "year", "date", "year_range",
         "date_range", "range", "duration", "ratio", "fraction", "share", "ordinal")
NUMBER_KEYS = ("text", "start", "end", "value", "high", "denominator", "hedge", "kind", "unit", "noun", "date", "fact")
QUOTE_KEYS = ("text", "start", "end", "speaker", "speaker_aliases")
OPENERS = "\u201c\u2018\"'"
CLOSERS = "\u201d\u2019\"'"
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
RANGE_KINDS = ("year_range", "date_range", "range")


def decimal_or_none(value, where, errors, required=False):
    if value is None:
        if required:
            errors.append(f"{where}: must not be null")
        return None
    if not isinstance(value, str):
        errors.append(f"{where}: must be a string holding a decimal, got {value!r}")
        return None
    try:
        d = Decimal(value)
    except InvalidOperation:
        errors.append(f"{where}: {value!r} does not parse as Decimal")
        return None
    if not d.is_finite():
        errors.append(f"{where}: {value!r} is not finite")
        return None
    return d


def check_span(entry, text, where, errors):
    s, e = entry.get("start"), entry.get("end")
    if not (isinstance(s, int) and isinstance(e, int)) or isinstance(s, bool) or isinstance(e, bool):
        errors.append(f"{where}: start/end must be integers")
        return False
    if not (0 <= s < e <= len(text)):
        errors.append(f"{where}: span [{s}, {e}) outside the article (length {len(text)}) or empty")
        return False
    if text[s:e] != entry.get("text"):
        errors.append(f"{where}: text[{s}:{e}] is {text[s:e]!r}, entry says {entry.get('text')!r}")
        return False
    return True


def check_order(entries, label, errors):
    prev_end = -1
    for i, ent in enumerate(entries):
        s, e = ent.get("start"), ent.get("end")
        if not isinstance(s, int) or not isinstance(e, int):
            continue
        if s < prev_end:
            errors.append(f"{label}[{i}] {ent.get('text')!r}: starts at {s}, before the previous entry ends ({prev_end})")
        prev_end = max(prev_end, e)


def check_number(n, text, where, errors):
    if not isinstance(n, dict):
        errors.append(f"{where}: not an object")
        return
    missing = [k for k in NUMBER_KEYS if k not in n]
    extra = [k for k in n if k not in NUMBER_KEYS]
    if missing:
        errors.append(f"{where}: missing keys {missing}")
    if extra:
        errors.append(f"{where}: unknown keys {extra}")
    check_span(n, text, where, errors)
    decimal_or_none(n.get("value"), where + " value", errors, required=True)
    high = decimal_or_none(n.get("high"), where + " high", errors)
    den = decimal_or_none(n.get("denominator"), where + " denominator", errors)
    hedge, kind, unit = n.get("hedge"), n.get("kind"), n.get("unit")
    if hedge not in HEDGES:
        errors.append(f"{where}: hedge {hedge!r} not in {HEDGES}")
    if kind not in KINDS:
        errors.append(f"{where}: kind {kind!r} not in {KINDS}")
    if not isinstance(n.get("fact"), bool):
        errors.append(f"{where}: fact must be true or false")
    for k in ("unit", "noun", "date"):
        if n.get(k) is not None and not (isinstance(n[k], str) and n[k].strip()):
            errors.append(f"{where}: {k} must be null or a non-empty string")
    if n.get("fact") is False:
        return  # values of names/furniture are best effort; only the span is normative
    if kind in RANGE_KINDS and high is None:
        errors.append(f"{where}: kind {kind} needs high")
    if kind == "ratio" and den is None:
        errors.append(f"{where}: kind ratio needs denominator")
    if kind == "percent" and unit != "%":
        errors.append(f"{where}: percent needs unit '%'")
    if kind == "percentage_points" and unit != "percentage points":
        errors.append(f"{where}: percentage_points needs unit 'percentage points'")
    if kind == "money" and unit not in ("USD", "EUR", "GBP"):
        errors.append(f"{where}: money needs unit USD/EUR/GBP, got {unit!r}")
    if kind in ("measure", "duration") and not unit:
        errors.append(f"{where}: {kind} needs a unit")
    if kind == "share" and (n.get("value") != "0.5" or hedge != "more_than"):
        errors.append(f"{where}: share ('most', 'a majority') is value 0.5 with hedge more_than")
    if kind == "date":
        d = n.get("date")
        if not (isinstance(d, str) and DATE_RE.match(d)):
            errors.append(f"{where}: date needs ISO text (YYYY, YYYY-MM or YYYY-MM-DD), got {d!r}")
        elif n.get("value") != d[:4]:
            errors.append(f"{where}: date value must be the year {d[:4]!r}")
    if kind == "date_range":
        d = n.get("date") or ""
        parts = d.split("/")
        if len(parts) != 2 or not all(DATE_RE.match(p) for p in parts):
            errors.append(f"{where}: date_range needs ISO interval text 'start/end', got {d!r}")
    if kind not in ("date", "date_range") and n.get("date") is not None:
        errors.append(f"{where}: only date kinds carry date")


def check_quote(q, text, where, errors):
    if not isinstance(q, dict):
        errors.append(f"{where}: not an object")
        return
    missing = [k for k in QUOTE_KEYS if k not in q]
    extra = [k for k in q if k not in QUOTE_KEYS]
    if missing:
        errors.append(f"{where}: missing keys {missing}")
    if extra:
        errors.append(f"{where}: unknown keys {extra}")
    if not check_span(q, text, where, errors):
        return
    s, e = q["start"], q["end"]
    if s == 0 or text[s - 1] not in OPENERS:
        errors.append(f"{where}: character before the quote is {text[s - 1:s]!r}, not an opening quotation mark")
    if e < len(text) and text[e] not in CLOSERS + "\r\n":
        errors.append(f"{where}: character after the quote is {text[e]!r}, not a closing mark or line end")
    if not (isinstance(q.get("speaker"), str) and q["speaker"].strip()):
        errors.append(f"{where}: speaker must be a non-empty string")
    al = q.get("speaker_aliases")
    if not (isinstance(al, list) and all(isinstance(a, str) and a.strip() for a in al)):
        errors.append(f"{where}: speaker_aliases must be a list of non-empty strings")


def main(folder):
    folder = pathlib.Path(folder)
    errors = []
    golds = sorted(folder.glob("*.gold.json"))
    txts = sorted(folder.glob("*.txt"))
    gold_names = {g.name[: -len(".gold.json")] for g in golds}
    for t in txts:
        if t.stem not in gold_names:
            errors.append(f"{t.name}: no matching .gold.json")
    stats = collections.Counter()
    by_kind, by_hedge, by_genre = collections.Counter(), collections.Counter(), collections.Counter()
    speakers = set()
    crlf = []
    for g in golds:
        name = g.name[: -len(".gold.json")]
        tpath = folder / (name + ".txt")
        if not tpath.exists():
            errors.append(f"{g.name}: article {tpath.name} missing")
            continue
        try:
            text = tpath.read_bytes().decode("utf-8")
        except UnicodeDecodeError as ex:
            errors.append(f"{tpath.name}: not UTF-8 ({ex})")
            continue
        try:
            gold = json.loads(g.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as ex:
            errors.append(f"{g.name}: invalid JSON ({ex})")
            continue
        if not isinstance(gold, dict):
            errors.append(f"{g.name}: top level must be an object")
            continue
        extra = set(gold) - {"source", "numbers", "quotes"}
        if extra:
            errors.append(f"{g.name}: unknown top-level keys {sorted(extra)}")
        src = gold.get("source")
        m = re.fullmatch(r"invented; genre: (\w+)", src or "")
        if not m or m.group(1) not in GENRES:
            errors.append(f"{g.name}: source must be 'invented; genre: <one of {GENRES}>', got {src!r}")
        else:
            by_genre[m.group(1)] += 1
        words = len(text.split())
        if not 250 <= words <= 700:
            errors.append(f"{tpath.name}: {words} words, outside 250-700")
        stats["articles"] += 1
        stats["words"] += words
        if "\r\n" in text:
            crlf.append(tpath.name)
        nums = gold.get("numbers")
        quotes = gold.get("quotes")
        if not isinstance(nums, list) or not isinstance(quotes, list):
            errors.append(f"{g.name}: numbers and quotes must be lists")
            continue
        for i, n in enumerate(nums):
            check_number(n, text, f"{g.name} numbers[{i}] {n.get('text') if isinstance(n, dict) else ''!r}", errors)
            if isinstance(n, dict):
                stats["numbers"] += 1
                by_kind[n.get("kind")] += 1
                by_hedge[n.get("hedge")] += 1
                if n.get("fact") is False:
                    stats["fact_false"] += 1
        for i, q in enumerate(quotes):
            check_quote(q, text, f"{g.name} quotes[{i}]", errors)
            if isinstance(q, dict):
                stats["quotes"] += 1
                speakers.add((name, q.get("speaker")))
        check_order(nums, f"{g.name} numbers", errors)
        check_order(quotes, f"{g.name} quotes", errors)

    print(f"articles: {stats['articles']}  words: {stats['words']}  genres: "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_genre.items())))
    nf = stats["numbers"]
    ff = stats["fact_false"]
    print(f"number mentions: {nf}  fact:true {nf - ff}  fact:false {ff} ({(100 * ff / nf) if nf else 0:.1f}%)")
    print("  by kind:  " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))))
    print("  by hedge: " + ", ".join(f"{k} {v}" for k, v in sorted(by_hedge.items(), key=lambda kv: (-kv[1], kv[0]))))
    print(f"quotes: {stats['quotes']}  distinct speakers (per article): {len(speakers)}")
    print(f"CRLF articles: {', '.join(crlf) if crlf else 'none'}")
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent))
