#!/usr/bin/env python3
"""Score claimgraph.link against the labelled linking corpus.

Usage:
    python benchmarks/score_linking.py [--split dev|test|all] [--verbose] [--corpus DIR [DIR ...]] [--json]
                                       [--min-score S]

The corpus (``tests/corpus/linking/NN-slug/``) holds, per case, ``article.txt``,
``documents/*.txt`` and ``case.json`` listing every article number mention with its
gold evidence (document, number span, passage span, page, relation; or ``null``
when no document holds it) and every direct quote with its gold location and
fidelity.  Cases are sorted by folder name; ``dev`` is the even indexes (0, 2, …),
``test`` the odd ones.  The linker's weights are fitted on the 23 cases of
``tests/corpus/linking`` and ``tests/corpus/linking-holdout`` (``fit_linking.py --split
all --corpus …``); the held-out corpora ``tests/corpus/linking-holdout2`` to ``-holdout28``
were each scored once unseen (docs/linking.md gives the figures and how each was used).
Several corpora may be given.

For each case the article's numbers are found with ``find_quantities`` and matched
to the gold mentions by span overlap (gold mentions marked ``fact: false`` are not
scored).  The numbers are linked with ``Linker.link_all`` (the article's own numbers,
so each is linked with its sentence, the neighbouring sentences and its sibling
numbers), as ``claimgraph link`` does.  Reported:

* **linked right**: of the numbers with gold evidence, the share whose proposed span
  lies inside or overlaps the gold passage (or an accepted alternative) in the same
  document; for a derived gold figure, the relation must be ``derived`` and one
  proposed operand must overlap a gold operand or state the same value in the same
  document (the operand restated elsewhere, e.g. in the summary and the body);
* **false links**: of the numbers with gold ``null``, the share given a link;
* **relation accuracy**: of the numbers linked right, the share with the gold relation;
* **quotes** (each linked with its article sentence, as ``link_all`` does): location accuracy (proposed span overlaps the gold span, same
  document; for gold ``null``, no link) and fidelity accuracy (of quotes located right).

Numbers with gold evidence that ``find_quantities`` does not find are counted
apart ("finder misses") and also as not linked in the "incl. misses" figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimgraph.link import DocumentIndex, Linker, article_context, read_document  # noqa: E402
from claimgraph.quantities import find_quantities  # noqa: E402
from claimgraph.spans import Span  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "corpus" / "linking"


def cases(corpora: Path | list[Path], split: str) -> list[Path]:
    """The case folders of one or more corpora, sorted by folder name, then split."""
    corpora = [corpora] if isinstance(corpora, Path) else corpora
    found = sorted((p for corpus in corpora for p in corpus.iterdir() if p.is_dir() and (p / "case.json").exists()),
                   key=lambda p: p.name)
    if split == "dev":
        return found[0::2]
    if split == "test":
        return found[1::2]
    return found


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end or (span.start == span.end == start)


def _read(text: str, start: int, end: int):
    """The number at ``start:end`` of a document, read in its line: a bare "2021" alone is no
    figure, "in fiscal years 2021 through 2025" holds one."""
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    lo, hi = max(lo, start - 80), min(hi, end + 80)
    found = [q for q in find_quantities(text[lo:hi])
             if q.span is not None and q.span.start + lo < end and start < q.span.end + lo]
    return found[0] if len(found) == 1 else None


def _value(text: str, start: int, end: int):
    """The value of the number at ``start:end`` of a document (see :func:`_read`)."""
    q = _read(text, start, end)
    return q.value if q is not None else None


#: A table in thousands, millions or billions states its cells at these scales.
_TABLE_SCALES = (1, 1000, 1000**2, 1000**3)


def _restates(q, values) -> bool:
    """Whether document figure ``q`` (a proposed operand) states one of a gold operand's ``values``
    elsewhere: the same value, a table cell of it in thousands, millions or billions ("398" for
    398,000), or the value rounded at ``q``'s last digit ("6.58 million" for 6,580,140)."""
    if q is None:
        return False
    for v in values:
        if any(q.value * k == v for k in _TABLE_SCALES):
            return True
        if q.precision and q.precision > 1 and abs(v - q.value) * 2 <= q.precision and v.copy_abs() >= 1000:
            return True
    return False


def _places(evidence: dict) -> list[dict]:
    return [evidence] + list(evidence.get("alternatives") or ())


def score_case(folder: Path, verbose: bool = False, min_score: float = 0.0) -> dict:
    case = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    article = (folder / "article.txt").read_text(encoding="utf-8")
    indexes = []
    t0 = time.perf_counter()
    for doc_id, meta in case["documents"].items():
        doc = read_document(folder / meta["file"])
        indexes.append(DocumentIndex(doc_id, doc, primary=meta.get("primary", True), issuer=meta.get("issuer")))
    linker = Linker(indexes)
    texts = {ix.doc_id: ix.text for ix in indexes}
    found = find_quantities(article, bare_months=True)
    # a link under min_score is not proposed, as ``claimgraph link --min-score`` (link_graph) does
    def kept(link):
        return link if link is None or link.score >= min_score else None

    results = [res for res in linker.link_all(article, found) if res.kind == "number"]
    linked = {res.span: kept(res.link) for res in results}
    # the parts of an "A of B" count or a range have links of their own: a label of one is scored on its link
    parts = {part.span: kept(part.link) for res in results for part in res.parts}
    r = {"case": folder.name, "with_gold": 0, "right": 0, "null_gold": 0, "false_links": 0, "relation_right": 0,
         "finder_misses": 0, "unmatched_gold_null": 0, "quotes": 0, "quotes_right": 0, "quotes_located": 0,
         "fidelity_right": 0, "quote_false": 0, "quotes_null": 0, "rows": []}
    for gold in case["numbers"]:
        if not gold.get("fact", True):
            continue
        gspan = Span(gold["start"], gold["end"])
        match = [q for q in found if q.span is not None and q.span.overlaps(gspan)]
        ev = gold.get("evidence")
        if not match:
            if ev is not None:
                r["with_gold"] += 1
                r["finder_misses"] += 1
                r["rows"].append(("MISS", gold["text"], "not found by find_quantities", ""))
            else:
                r["unmatched_gold_null"] += 1
            continue
        q = min(match, key=lambda m: abs(m.span.start - gspan.start))
        link = linked[q.span]
        part = [sp for sp in parts if sp.overlaps(gspan) and q.span.start <= sp.start and sp.end <= q.span.end]
        if part and not (gspan.start <= q.span.start and q.span.end <= gspan.end):
            link = parts[part[0]]  # (a label of the whole "A of B" is scored on the figure's own link)
        got = "-" if link is None else (f"{link.document}:{link.span.start} {link.relation} {link.score:.2f} "
                                        f"{link.quantity_text!r}" + (f" [{link.formula}]" if link.formula else ""))
        if ev is None:
            r["null_gold"] += 1
            bad = link is not None
            r["false_links"] += bad
            r["rows"].append(("FALSE" if bad else "ok", gold["text"], "gold: absent", got))
            continue
        r["with_gold"] += 1
        right, relation_ok = False, False
        if link is not None:
            if ev["relation"] == "derived":
                operands = [o for o in ev.get("operands") or () if o["document"] == link.document]
                values = {_value(texts[link.document], o["number_start"], o["number_end"]) for o in operands} - {None}
                # (each proposed operand is read once; a direct statement of a derived figure is not right)
                right = link.relation == "derived" and bool(operands) and any(
                    any(s.overlaps(Span(o["number_start"], o["number_end"])) for o in operands)
                    or _restates(_read(texts[d], s.start, s.end), values)
                    for d, s in link.operands if d == link.document)
                relation_ok = right
            else:
                for place in _places(ev):
                    if place["document"] == link.document and _overlaps(link.span, place["passage_start"], place["passage_end"]):
                        right = True
                        relation_ok = relation_ok or link.relation == place["relation"]
        r["right"] += right
        r["relation_right"] += relation_ok
        want = f"{ev['document']}:{ev.get('number_start', '?')} {ev['relation']}"
        if ev["relation"] == "derived":
            want += f" [{ev.get('formula')}]"
        tag = "ok" if right and relation_ok else "REL" if right else "WRONG" if link is not None else "ABSENT"
        r["rows"].append((tag, gold["text"], "gold: " + want, got))
    for gold in case.get("quotes", ()):
        text = gold["text"]
        link = linker.link_quote(text, article_context(article, Span(gold["start"], gold["end"]))[0])
        ev = gold.get("evidence")
        got = "-" if link is None else f"{link.document}:{link.span.start}-{link.span.end} {link.fidelity.kind} {link.score:.2f}"
        if ev is None:
            r["quotes_null"] += 1
            r["quote_false"] += link is not None
            r["rows"].append(("FALSE" if link else "ok", "quote " + text[:50], "gold: absent", got))
            continue
        r["quotes"] += 1
        located = link is not None and any(
            p["document"] == link.document and _overlaps(link.span, p["start"], p["end"]) for p in _places(ev))
        r["quotes_located"] += located
        fid = located and link.fidelity.kind == ev["fidelity"]
        r["fidelity_right"] += fid
        tag = "ok" if fid else "FID" if located else "WRONG" if link else "ABSENT"
        detail = "" if link is None else " · " + link.fidelity.explain()[:120]
        r["rows"].append((tag, "quote " + text[:50], f"gold: {ev['document']}:{ev['start']}-{ev['end']} {ev['fidelity']}",
                          got + detail))
    r["seconds"] = time.perf_counter() - t0
    del texts
    return r


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "  n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--verbose", "-v", action="store_true", help="show every number and quote")
    ap.add_argument("--corpus", type=Path, nargs="+", default=[DEFAULT_CORPUS], help="one or more corpus folders")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    ap.add_argument("--min-score", type=float, default=0.0, metavar="S",
                    help="count a number's link only when its score is at least S (as claimgraph link --min-score)")
    args = ap.parse_args(argv)
    missing = [c for c in args.corpus if not c.is_dir()]
    if missing:
        print(f"error: corpus folder {missing[0]} not found", file=sys.stderr)
        return 2
    folders = cases(args.corpus, args.split)
    if not folders:
        print(f"error: no cases in {', '.join(map(str, args.corpus))} for split {args.split}", file=sys.stderr)
        return 2
    keys = ("with_gold", "right", "null_gold", "false_links", "relation_right", "finder_misses", "quotes",
            "quotes_located", "fidelity_right", "quote_false", "quotes_null")
    total = dict.fromkeys(keys, 0)
    for folder in folders:
        r = score_case(folder, args.verbose, args.min_score)
        for k in keys:
            total[k] += r[k]
        scored = r["with_gold"] - r["finder_misses"]
        print(f"{r['case']}: linked right {_pct(r['right'], scored)} · false links {_pct(r['false_links'], r['null_gold'])}"
              f" · quotes {_pct(r['quotes_located'], r['quotes'])} · {r['seconds'] * 1000:.0f} ms")
        if args.verbose:
            for tag, what, gold, got in r["rows"]:
                print(f"   {tag:6} {what[:42]!r:46} {gold[:60]:60} -> {got}")
    scored = total["with_gold"] - total["finder_misses"]
    print(f"\n{args.split}: {len(folders)} case(s)")
    print(f"  numbers with gold evidence linked right: {_pct(total['right'], scored)}"
          f"   incl. finder misses: {_pct(total['right'], total['with_gold'])}")
    print(f"  numbers with gold null given a link:     {_pct(total['false_links'], total['null_gold'])}")
    print(f"  relation right (of linked right):        {_pct(total['relation_right'], total['right'])}")
    print(f"  quotes located right:                    {_pct(total['quotes_located'], total['quotes'])}"
          f"   absent quotes given a link: {_pct(total['quote_false'], total['quotes_null'])}")
    print(f"  quote fidelity right (of located):       {_pct(total['fidelity_right'], total['quotes_located'])}")
    if args.json:
        print(json.dumps(total, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
