"""Score claimgraph's number finder against the labelled news corpus.

Plain script (not a test).  For every ``NAME.txt`` with a ``NAME.gold.json`` in
the corpus folder it runs ``find_quantities(text, include_non_facts=False)`` and
matches predictions to gold mentions by span overlap (one to one, largest
overlap first):

* a prediction that overlaps a gold ``fact: true`` mention is a true positive;
  one that overlaps only ``fact: false`` mentions, or nothing, is a false positive;
* a gold fact mention no prediction overlaps is a false negative.

On matched pairs it scores value accuracy (Decimal equality; fractions within
1e-6 relative), hedge accuracy on gold mentions whose hedge is not ``exact``,
hedge accuracy overall, and kind accuracy.

    python benchmarks/score_numbers.py --split dev --verbose
    python benchmarks/score_numbers.py --split test

``--split dev`` takes the files whose index in sorted name order is even,
``--split test`` the odd ones.  Tune on dev only.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from claimgraph.quantities import find_quantities

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "tests" / "corpus" / "news"
FRACTION_REL = Decimal("1e-6")


def load_gold(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("numbers", data.get("mentions", []))
    return [m for m in data if isinstance(m, dict) and "start" in m and "end" in m]


def reanchor(text: str, gold: list[dict]) -> tuple[list[dict], int, int]:
    """Check gold offsets against the text; move a mention whose offsets are off to the
    nearest occurrence of its text.  Returns (mentions, moved, dropped)."""
    out, moved, dropped = [], 0, 0
    for g in gold:
        s, e, t = g["start"], g["end"], g.get("text", "")
        if t and text[s:e] != t:
            hits = []
            i = text.find(t)
            while i != -1:
                hits.append(i)
                i = text.find(t, i + 1)
            if not hits:
                dropped += 1
                continue
            s = min(hits, key=lambda h: abs(h - g["start"]))
            g = {**g, "start": s, "end": s + len(t)}
            moved += 1
        out.append(g)
    return out, moved, dropped


def split_files(corpus: Path, split: str) -> list[Path]:
    names = sorted(p for p in corpus.glob("*.txt") if (corpus / (p.stem + ".gold.json")).exists())
    if split == "dev":
        return [p for i, p in enumerate(names) if i % 2 == 0]
    if split == "test":
        return [p for i, p in enumerate(names) if i % 2 == 1]
    return names


def _dec(x: object) -> Decimal | None:
    if x is None:
        return None
    try:
        return Decimal(str(x))
    except (InvalidOperation, ValueError):
        return None


def values_equal(pred: Decimal, gold: Decimal | None, kind: str) -> bool:
    if gold is None:
        return False
    if pred == gold:
        return True
    if kind == "fraction" or pred.as_tuple().exponent < -6 or gold.as_tuple().exponent < -6:  # type: ignore[operator]
        scale = max(abs(gold), Decimal("1e-12"))
        return abs(pred - gold) <= FRACTION_REL * scale
    return False


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_file(text: str, gold: list[dict]) -> dict:
    preds = find_quantities(text, include_non_facts=False)
    facts = [g for g in gold if g.get("fact", True)]
    pairs = []
    for i, p in enumerate(preds):
        ps = (p.span.start, p.span.end)  # type: ignore[union-attr]
        for j, g in enumerate(facts):
            ov = overlap(ps, (g["start"], g["end"]))
            if ov:
                pairs.append((-ov, i, j))
    pairs.sort()
    used_p: dict[int, int] = {}
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p[i] = j
        used_g.add(j)
    out = {"tp": [], "fp": [], "fn": []}
    for i, p in enumerate(preds):
        if i in used_p:
            out["tp"].append((p, facts[used_p[i]]))
        else:
            ps = (p.span.start, p.span.end)  # type: ignore[union-attr]
            hit = [g for g in gold if not g.get("fact", True) and overlap(ps, (g["start"], g["end"]))]
            out["fp"].append((p, hit[0] if hit else None))
    out["fn"] = [g for j, g in enumerate(facts) if j not in used_g]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of NAME.txt + NAME.gold.json")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every error, file by file")
    args = ap.parse_args(argv)
    files = split_files(args.corpus, args.split)
    if not files:
        print(f"no NAME.txt + NAME.gold.json pairs in {args.corpus}", file=sys.stderr)
        return 2
    tp = fp = fn = 0
    val_ok = val_n = 0
    hedge_ok = hedge_n = 0
    hedge_all_ok = 0
    kind_ok = 0
    for path in files:
        gold_path = args.corpus / (path.stem + ".gold.json")
        text = path.read_text(encoding="utf-8")
        try:
            gold = load_gold(gold_path)
        except (OSError, ValueError) as err:
            print(f"{gold_path.name}: skipped ({err})", file=sys.stderr)
            continue
        gold, moved, dropped = reanchor(text, gold)
        if moved or dropped:
            print(f"{gold_path.name}: {moved} gold offsets re-anchored by text, {dropped} dropped (text not found)",
                  file=sys.stderr)
        res = score_file(text, gold)
        tp += len(res["tp"])
        fp += len(res["fp"])
        fn += len(res["fn"])
        lines = []
        for p, g in res["tp"]:
            gv = _dec(g.get("value"))
            ok = values_equal(p.value, gv, g.get("kind", ""))
            val_n += 1
            val_ok += ok
            if not ok:
                lines.append(f"  VALUE  {p.text!r}: got {p.value} ({p.kind.value}), gold {g.get('value')} "
                             f"({g.get('kind')}, {g['text']!r})")
            gh = g.get("hedge", "exact")
            hedge_all_ok += p.hedge.value == gh
            if gh != "exact":
                hedge_n += 1
                hedge_ok += p.hedge.value == gh
            if p.hedge.value != gh:
                lines.append(f"  HEDGE  {p.text!r}: got {p.hedge.value}, gold {gh} ({g['text']!r})")
            kind_ok += p.kind.value == g.get("kind")
            if p.kind.value != g.get("kind"):
                lines.append(f"  KIND   {p.text!r}: got {p.kind.value}, gold {g.get('kind')} ({g['text']!r})")
        for p, g in res["fp"]:
            why = f"gold non-fact {g['text']!r}" if g else "no gold mention"
            lines.append(f"  FP     {p.text!r} at {p.span.start} ({p.kind.value}; {why})")  # type: ignore[union-attr]
        for g in res["fn"]:
            ctx = text[max(0, g["start"] - 30):g["end"] + 30].replace("\n", " ")
            lines.append(f"  FN     {g['text']!r} at {g['start']} ({g.get('kind')}) … {ctx} …")
        if args.verbose and lines:
            print(f"{path.name}:")
            print("\n".join(lines))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def pct(a: int, b: int) -> str:
        return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

    print(f"split={args.split} files={len(files)} gold_facts={tp + fn} predicted={tp + fp}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}   (tp={tp} fp={fp} fn={fn})")
    print(f"value accuracy          {pct(val_ok, val_n)}")
    print(f"hedge accuracy (hedged) {pct(hedge_ok, hedge_n)}")
    print(f"hedge accuracy (all)    {pct(hedge_all_ok, val_n)}")
    print(f"kind accuracy           {pct(kind_ok, val_n)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
