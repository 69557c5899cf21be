"""Score claimgraph.extract's quote finding against the labelled news corpus.

Each article is ``NAME.txt`` with ``NAME.gold.json`` beside it, holding
``"quotes": [{"text", "start", "end", "speaker", "speaker_aliases"}]`` (content offsets,
marks excluded).  A predicted quote matches a gold quote when their content spans
overlap; matching is one-to-one, largest overlap first.  Reported:

* quote precision, recall and F1 (micro-averaged over all articles of the split);
* speaker accuracy on matched quotes: correct when the predicted name equals the gold
  speaker or one of its aliases (case-insensitively), or when the surnames (last words)
  agree; a gold quote without a speaker needs a prediction without one.

Splits: articles sorted by name; ``dev`` = even positions, ``test`` = odd, ``all`` = both.
Tune on dev only.

    python benchmarks/score_quotes.py --split dev --verbose
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from claimgraph.extract import find_quotes

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "news"


def articles(corpus: Path, split: str) -> list[tuple[str, str, list[dict]]]:
    """(name, text, gold quotes) for the articles in ``split``."""
    names = sorted(p.name[: -len(".gold.json")] for p in corpus.glob("*.gold.json") if (corpus / (p.name[: -len(".gold.json")] + ".txt")).exists())
    picked = [n for i, n in enumerate(names) if split == "all" or (i % 2 == 0) == (split == "dev")]
    out = []
    for name in picked:
        text = (corpus / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads((corpus / f"{name}.gold.json").read_text(encoding="utf-8"))
        out.append((name, text, list(gold.get("quotes", []))))
    return out


def _surname(name: str) -> str:
    words = [w.strip(".,()").lower() for w in name.split()]
    words = [w for w in words if w and w not in ("jr", "sr", "ii", "iii")]
    return words[-1] if words else ""


def speaker_correct(predicted: str | None, gold: dict) -> bool:
    """True when the predicted speaker name fits the gold speaker (see module doc)."""
    want = gold.get("speaker")
    if not want:
        return not predicted
    if not predicted:
        return False
    names = [want, *gold.get("speaker_aliases", [])]
    p = predicted.casefold().strip()
    if any(p == n.casefold().strip() for n in names if n):
        return True
    return _surname(predicted) == _surname(want) != ""


def match(pred: list, gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs by span overlap, largest overlap first."""
    pairs = []
    for i, q in enumerate(pred):
        for j, g in enumerate(gold):
            overlap = min(q.span.end, g["end"]) - max(q.span.start, g["start"])
            if overlap > 0:
                pairs.append((-overlap, i, j))
    pairs.sort()
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score(corpus: Path, split: str, verbose: bool = False, out=sys.stdout) -> dict:
    n_pred = n_gold = tp = spk_ok = 0
    chars = 0
    elapsed = 0.0
    rows = []
    for name, text, gold in articles(corpus, split):
        t0 = time.perf_counter()
        pred = find_quotes(text)
        elapsed += time.perf_counter() - t0
        chars += len(text)
        pairs = match(pred, gold)
        ok = [speaker_correct(pred[i].speaker.name if pred[i].speaker else None, gold[j]) for i, j in pairs]
        n_pred += len(pred)
        n_gold += len(gold)
        tp += len(pairs)
        spk_ok += sum(ok)
        rows.append((name, len(gold), len(pred), len(pairs), sum(ok)))
        if verbose:
            matched_p = {i for i, _ in pairs}
            matched_g = {j for _, j in pairs}
            for j, g in enumerate(gold):
                if j not in matched_g:
                    print(f"  {name}: MISSED  {g['text'][:70]!r} ({g.get('speaker')})", file=out)
            for i, q in enumerate(pred):
                if i not in matched_p:
                    print(f"  {name}: EXTRA   {q.text[:70]!r} ({q.speaker.name if q.speaker else None})", file=out)
            for (i, j), good in zip(pairs, ok):
                if not good:
                    got = pred[i].speaker.name if pred[i].speaker else None
                    print(f"  {name}: SPEAKER {gold[j]['text'][:50]!r}: predicted {got!r}, gold {gold[j].get('speaker')!r}", file=out)
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result = {
        "split": split,
        "articles": len(rows),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": tp,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "speaker_accuracy": round(spk_ok / tp, 4) if tp else None,
        "chars_per_second": round(chars / elapsed) if elapsed else None,
    }
    if verbose:
        print(f"{'article':40} gold pred match speaker", file=out)
        for name, g, p, m, s in rows:
            print(f"{name:40} {g:4} {p:4} {m:5} {s:7}", file=out)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true", help="list missed, extra and wrongly attributed quotes")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"error: corpus folder {args.corpus} not found", file=sys.stderr)
        return 2
    result = score(args.corpus, args.split, args.verbose)
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print(
            f"{result['split']}: {result['articles']} articles, {result['gold']} gold quotes, "
            f"{result['predicted']} predicted, {result['matched']} matched | "
            f"P {result['precision']:.3f} R {result['recall']:.3f} F1 {result['f1']:.3f} | "
            f"speaker accuracy {result['speaker_accuracy'] if result['speaker_accuracy'] is not None else 'n/a'}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
