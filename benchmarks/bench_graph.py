"""Scale of the core: build, save/load native JSON and check a synthetic case.

    python benchmarks/bench_graph.py [--sizes 10000 100000 1000000]

Each synthetic claim has a quantity, a source (1 of 200), and evidence in one of 50
documents; every tenth claim is relayed and every twentieth derived.  Prints, per size,
claims per second for each step and memory per claim (resident-memory growth while building),
and the scaling ratio against the smallest size: a linear pass keeps time per claim flat.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from claimgraph import ClaimGraph, load, save  # noqa: E402
from claimgraph.model import Article, Claim, Derivation, Document, Evidence, QuantityMention, Source  # noqa: E402

SENTENCE = "Officials said {n:,} cases were reviewed in {year}. "


def build(n: int) -> ClaimGraph:
    parts, spans = [], []
    pos = 0
    for i in range(n):
        s = SENTENCE.format(n=1000 + i, year=2000 + i % 25)
        spans.append((pos, pos + len(s) - 1, s[:-1]))
        parts.append(s)
        pos += len(s)
    graph = ClaimGraph(Article(text="".join(parts)))
    graph.add_source(Source(id="outlet", name="Outlet", kind="news_outlet"))
    for k in range(200):
        graph.add_source(Source(id=f"s{k}", name=f"Agency {k}", kind="government_body"))
    for d in range(50):
        graph.add_document(Document(id=f"d{d}", title=f"Report {d}", source=f"s{d}", primary=True,
                                    text=f"The agency reviewed {d:,} cases."))
    for i, (start, end, text) in enumerate(spans):
        num = f"{1000 + i:,}"
        qs = text.index(num)
        att = ({"kind": "relayed", "via": "outlet", "source": f"s{i % 200}"} if i % 10 == 0
               else {"kind": "paraphrase", "cue": "said", "source": f"s{i % 200}"})
        cid = f"c{i}"
        graph.add_claim(Claim(id=cid, start=start, end=end, text=text, kind="numeric", attribution=att,
                              quantities=(QuantityMention(id=f"{cid}/q1", start=start + qs, end=start + qs + len(num),
                                                          text=num, value=Decimal(1000 + i)),)))
        d = i % 50
        graph.add_evidence(Evidence(id=f"{cid}/e1", claim=cid, document=f"d{d}", quantity=f"{cid}/q1",
                                    start=0, end=3, text="The", relation="paraphrase"))
        if i % 20 == 19:
            graph.add_derivation(Derivation(id=f"{cid}/d1", quantity=f"{cid}/q1", op="sum",
                                            operands=(f"c{i - 1}/q1", f"c{i - 2}/q1"), formula="a + b"))
    return graph


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    base = None
    print(f"{'claims':>9} {'build/s':>10} {'save/s':>10} {'load/s':>10} {'check/s':>10} {'B/claim':>8}  per-claim time vs smallest")
    for n in args.sizes:
        gc.collect()
        before = _rss()
        t = time.perf_counter()
        graph = build(n)
        t_build = time.perf_counter() - t
        mem = (_rss() - before) / n
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "big.claimgraph.json")
            t = time.perf_counter(); save(graph, path); t_save = time.perf_counter() - t
            t = time.perf_counter(); again = load(path); t_load = time.perf_counter() - t
        del again
        t = time.perf_counter()
        report = graph.check(checks=["trace", "evidence", "attribution", "arithmetic", "quotes"])
        t_check = time.perf_counter() - t
        per = (t_build + t_check) / n
        base = base or per
        print(f"{n:>9,} {n / t_build:>10,.0f} {n / t_save:>10,.0f} {n / t_load:>10,.0f} {n / t_check:>10,.0f} "
              f"{mem:>8,.0f}  x{per / base:.2f}  ({len(report)} findings)", flush=True)
        del graph, report


if __name__ == "__main__":
    main()
