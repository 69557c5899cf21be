#!/usr/bin/env python3
"""Leave-one-corpus-out cross-validation of the number linker's logistic weights.

Usage:
    python benchmarks/cv_linking.py --corpus DIR [DIR ...] [--l2 1.0] [--threshold 0.5 [0.55 ...]]

For each corpus given, the weights are fitted (as ``fit_linking.py`` fits them) on the
candidates of all the *other* corpora, and that corpus is scored with them (as
``score_linking.py`` scores it); the totals over all corpora are printed for each
threshold (the ``NUMBER_MIN_SCORE`` a link must reach; thresholds below the default are
tried too).  Every corpus is thus scored by weights that never saw it, which measures
what a change of features or of the fitting would do on new stories, without spending a
held-out set on it.  The weights shipped in ``claimgraph/index.py`` are not changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_linking import FIXED, examples, fit  # noqa: E402
from score_linking import cases, score_case  # noqa: E402

import claimgraph.index as index_module  # noqa: E402
import claimgraph.link as link_module  # noqa: E402
from claimgraph.index import LINK_FEATURES  # noqa: E402


def fitted(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[float, ...]:
    """Weights over LINK_FEATURES fitted on ``x``, ``y`` (the hand-set ones kept)."""
    free = [i for i, name in enumerate(LINK_FEATURES) if name not in FIXED]
    fixed = [i for i, name in enumerate(LINK_FEATURES) if name in FIXED]
    offset = x[:, fixed] @ np.array([FIXED[LINK_FEATURES[i]] for i in fixed])
    w = np.zeros(len(LINK_FEATURES))
    w[free] = fit(x[:, free], y, l2, offset)
    w[fixed] = [FIXED[LINK_FEATURES[i]] for i in fixed]
    return tuple(float(v) for v in w)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, nargs="+", required=True, help="two or more corpus folders")
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty on every weight but the bias")
    ap.add_argument("--threshold", type=float, nargs="+", default=[link_module.NUMBER_MIN_SCORE],
                    help="NUMBER_MIN_SCORE values to score at")
    args = ap.parse_args(argv)
    missing = [c for c in args.corpus if not c.is_dir()]
    if missing or len(args.corpus) < 2:
        print(f"error: {'corpus folder ' + str(missing[0]) + ' not found' if missing else 'give two or more corpora'}",
              file=sys.stderr)
        return 2
    data = {}
    for corpus in args.corpus:
        xs: list[tuple[float, ...]] = []
        ys: list[int] = []
        for folder in cases(corpus, "all"):
            cx, cy = examples(folder)
            xs += cx
            ys += cy
        data[corpus] = (np.array(xs, dtype=float), np.array(ys, dtype=float))
    weights = {c: fitted(np.vstack([data[o][0] for o in args.corpus if o != c]),
                         np.concatenate([data[o][1] for o in args.corpus if o != c]), args.l2)
               for c in args.corpus}
    shipped = (index_module.LINK_WEIGHTS, link_module.NUMBER_MIN_SCORE)
    try:
        for threshold in args.threshold:
            link_module.NUMBER_MIN_SCORE = threshold
            right = scored = false = null = 0
            for corpus in args.corpus:
                index_module.LINK_WEIGHTS = weights[corpus]
                for folder in cases(corpus, "all"):
                    r = score_case(folder)
                    right += r["right"]
                    scored += r["with_gold"] - r["finder_misses"]
                    false += r["false_links"]
                    null += r["null_gold"]
            print(f"threshold {threshold:.2f}: linked right {100 * right / max(scored, 1):.1f}% ({right}/{scored}) · "
                  f"false links {100 * false / max(null, 1):.1f}% ({false}/{null})  [{len(args.corpus)} corpora, "
                  f"each scored by weights fitted on the others]")
    finally:
        index_module.LINK_WEIGHTS, link_module.NUMBER_MIN_SCORE = shipped
    return 0


if __name__ == "__main__":
    sys.exit(main())
