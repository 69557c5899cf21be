#!/usr/bin/env python3
"""Fit the number linker's logistic weights on the labelled linking corpus.

Usage:
    python benchmarks/fit_linking.py [--split dev|test|all] [--l2 1.0] [--corpus DIR [DIR ...]] [--only NAME ...]

Every candidate passage that :meth:`claimgraph.index.DocumentIndex.candidate_features`
proposes for an article number becomes one example: positive when it lies in the gold
passage (or an accepted alternative) of a directly stated figure, negative otherwise
(including every candidate of a figure whose gold answer is "absent" or "derived").
An L2-regularised logistic regression is fitted by Newton's method (numpy), and the
weights are printed as the ``LINK_WEIGHTS`` table to paste into ``claimgraph/index.py``.
Fit on ``dev`` (the default) and score on ``test`` with ``score_linking.py``.  With
``--only NAME …`` only those weights are fitted, every other held at its shipped value (how a
feature added later is given its weight without moving the rest).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimgraph.index import LINK_WEIGHTS  # noqa: E402
from claimgraph.link import (  # noqa: E402
    LINK_FEATURES,
    DocumentIndex,
    Linker,
    article_context,
    read_document,
)
from claimgraph.quantities import find_quantities  # noqa: E402
from claimgraph.spans import Span  # noqa: E402
from score_linking import DEFAULT_CORPUS, _overlaps, _places, cases  # noqa: E402


#: Features with hand-set weights: a number standing alone in quotation marks is mentioned,
#: not stated, and a block saying the figure was *not* found (both too rare in the corpus to
#: fit); a candidate sharing nothing with the article but the number itself is not evidence
#: (a rule, whatever the corpus says: the same digits in an unrelated sentence must not be taken);
#: a sentence an interviewee says is read with doubt (fitted per candidate the weight comes out
#: positive, because such a figure that has candidates at all is mostly a document's; set by
#: hand, it traded one right link for two fewer false ones over the first nine corpora, and was
#: later lowered to -1.5).  Their values are the shipped ones, so the two cannot drift apart.
FIXED = {name: LINK_WEIGHTS[LINK_FEATURES.index(name)] for name in ("mentioned", "negated", "no_context", "outside")}


def examples(folder: Path) -> tuple[list[tuple[float, ...]], list[int]]:
    case = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    article = (folder / "article.txt").read_text(encoding="utf-8")
    indexes = [DocumentIndex(doc_id, read_document(folder / meta["file"]), primary=meta.get("primary", True),
                             issuer=meta.get("issuer")) for doc_id, meta in case["documents"].items()]
    linker = Linker(indexes)
    found = find_quantities(article)
    said = dict(zip(found, linker.said_outside(article, found)))
    xs: list[tuple[float, ...]] = []
    ys: list[int] = []
    for gold in case["numbers"]:
        if not gold.get("fact", True):
            continue
        gspan = Span(gold["start"], gold["end"])
        match = [q for q in found if q.span is not None and q.span.overlaps(gspan)]
        if not match:
            continue
        q = min(match, key=lambda m: abs(m.span.start - gspan.start))
        context, wider = article_context(article, q.span)
        ev = gold.get("evidence")
        places = [] if ev is None or ev["relation"] == "derived" else _places(ev)
        for doc_id, cands in linker.candidate_features(q, context, wider, said[q]).items():  # as the Linker scores them
            for link, features in cands:
                xs.append(features)
                ys.append(int(any(p["document"] == doc_id and _overlaps(link.span, p["passage_start"],
                                                                        p["passage_end"]) for p in places)))
    return xs, ys


def fit(x: np.ndarray, y: np.ndarray, l2: float, offset: np.ndarray, iterations: int = 50,
        bias: bool = True) -> np.ndarray:
    """L2-regularised logistic weights over the columns of ``x``; with ``bias``, column 0 is the
    bias and is not shrunk."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    if bias:
        penalty[0] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(x @ w + offset, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty on every weight but the bias")
    ap.add_argument("--corpus", type=Path, nargs="+", default=[DEFAULT_CORPUS], help="one or more corpus folders")
    ap.add_argument("--only", nargs="+", metavar="NAME", default=None,
                    help="fit only these weights, holding every other at its shipped value (LINK_WEIGHTS)")
    args = ap.parse_args(argv)
    unknown = [name for name in args.only or () if name not in LINK_FEATURES]
    if unknown:
        print(f"error: no feature {unknown[0]!r}; the features are {', '.join(LINK_FEATURES)}", file=sys.stderr)
        return 2
    xs: list[tuple[float, ...]] = []
    ys: list[int] = []
    for folder in cases(args.corpus, args.split):
        cx, cy = examples(folder)
        xs += cx
        ys += cy
    x, y = np.array(xs, dtype=float), np.array(ys, dtype=float)
    if args.only:  # the rest held as shipped
        held = {name: weight for name, weight in zip(LINK_FEATURES, LINK_WEIGHTS) if name not in args.only}
    else:
        held = FIXED
    free = [i for i, name in enumerate(LINK_FEATURES) if name not in held]
    fixed = [i for i, name in enumerate(LINK_FEATURES) if name in held]
    offset = x[:, fixed] @ np.array([held[LINK_FEATURES[i]] for i in fixed])
    w = np.zeros(len(LINK_FEATURES))
    w[free] = fit(x[:, free], y, args.l2, offset, bias=LINK_FEATURES.index("bias") in free)
    w[fixed] = [held[LINK_FEATURES[i]] for i in fixed]
    p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
    print(f"{len(y)} candidates ({int(y.sum())} right) from the {args.split} split; "
          f"log loss {-np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)):.3f}")
    print("LINK_WEIGHTS = (")
    for name, weight in zip(LINK_FEATURES, w):
        if args.only:
            note = "  (held)" if name in held else ""
        else:
            note = "  (set by hand)" if name in FIXED else ""
        print(f"    {weight:+.3f},  # {name}" + note)
    print(")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
