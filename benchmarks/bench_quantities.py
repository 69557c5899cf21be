"""Throughput of claimgraph's number finder (plain script, not a test).

    /work/bench-venv/bin/python benchmarks/bench_quantities.py          # with quantulum3
    /work/venv/bin/python benchmarks/bench_quantities.py                # without it

Measures ``find_quantities`` in MB/s (UTF-8 bytes per second) on the worked-case
article repeated to 10 MB, beside

  (a) a bare ``re.finditer(r"\\d[\\d,.]*")`` scan of the same text, and
  (b) quantulum3's parser (timed on a 200 KB slice only: it is far slower),

then times adversarial inputs (1 MB each) against normal text of the same size.
quantulum3 is a benchmark-only dependency (benchmarks/requirements.txt); when it
is not installed the script says so and runs the rest.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from claimgraph.quantities import find_quantities

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "uac-oig-2024" / "article.txt"
MB = 1_000_000


def repeat_to(text: str, n_bytes: int) -> str:
    """``text`` repeated (joined by newlines) to about ``n_bytes`` UTF-8 bytes."""
    unit = text + "\n"
    reps = n_bytes // len(unit.encode("utf-8")) + 1
    return unit * reps


def best_time(fn, text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def mbps(text: str, seconds: float) -> float:
    return len(text.encode("utf-8", "surrogatepass")) / MB / seconds


def bare_scan(text: str) -> int:
    return sum(1 for _ in re.finditer(r"\d[\d,.]*", text))


def adversarial_inputs(size: int) -> dict[str, str]:
    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {
        "digits": fill("1234567890"),
        "1,1,1,...": fill("1,"),
        "1-1-1-...": fill("1-"),
        "number words": fill("one two three hundred thousand million forty-four "),
        "$$$$": fill("$"),
        "more than more than": fill("more than "),
        "more than a point": fill("more than a point "),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark claimgraph.quantities.find_quantities")
    ap.add_argument("--size-mb", type=float, default=10.0, help="size of the repeated article (default 10 MB)")
    ap.add_argument("--quantulum-kb", type=int, default=200, help="slice timed with quantulum3 (default 200 KB)")
    args = ap.parse_args(argv)

    article = ARTICLE.read_text(encoding="utf-8")
    big = repeat_to(article, int(args.size_mb * MB))
    size = len(big.encode("utf-8")) / MB
    print(f"input: {ARTICLE.relative_to(ROOT)} repeated to {size:.1f} MB ({len(big):,} characters)")

    n_found = len(find_quantities(big))
    t_ours = best_time(find_quantities, big)
    t_bare = best_time(bare_scan, big)
    ours, bare = mbps(big, t_ours), mbps(big, t_bare)
    print(f"find_quantities        {ours:8.2f} MB/s  ({t_ours:.3f} s, {n_found:,} mentions)")
    print(f"bare re.finditer scan  {bare:8.2f} MB/s  ({t_bare:.3f} s)   find_quantities is "
          f"{bare / ours:.1f}x slower (target: within 10x)")

    try:
        from quantulum3 import parser as q3  # type: ignore[import-not-found]
    except ImportError:
        print("quantulum3: not installed, skipped (pip install -r benchmarks/requirements.txt in a separate venv)")
    else:
        import warnings

        warnings.filterwarnings("ignore")
        piece = big[: args.quantulum_kb * 1000]
        q3.parse(article)  # load its unit tables before timing
        # quantulum3 is meant for sentences and paragraphs (on one long string its time
        # grows quadratically), so give it the slice paragraph by paragraph: its best case.
        paragraphs = [p for p in piece.split("\n") if p.strip()]
        t0 = time.perf_counter()
        for p in paragraphs:
            q3.parse(p)
        t_q3 = time.perf_counter() - t0
        q3_speed = mbps(piece, t_q3)
        print(f"quantulum3 parser      {q3_speed:8.4f} MB/s  ({t_q3:.2f} s on a {args.quantulum_kb} KB slice, "
              f"paragraph by paragraph; too slow to time on the full text)   find_quantities is "
              f"{ours / q3_speed:.0f}x faster (target: >= 50x)")
        small = big[:16_000]
        t0 = time.perf_counter()
        q3.parse(small)
        t_whole = time.perf_counter() - t0
        print(f"  (quantulum3 on one 16 KB string: {mbps(small, t_whole):.4f} MB/s: its time grows with the "
              f"square of the string length)")

    print("\nadversarial inputs (1 MB each), time per MB against normal text (target: within 3x):")
    normal = repeat_to(article, MB)[:MB]
    t_normal = best_time(find_quantities, normal)
    print(f"  {'normal text':22} {t_normal * 1000:8.1f} ms/MB")
    worst = 0.0
    for name, text in adversarial_inputs(MB).items():
        t = best_time(find_quantities, text)
        per_mb = t / (len(text.encode('utf-8')) / MB)
        ratio = per_mb / t_normal
        worst = max(worst, ratio)
        print(f"  {name:22} {per_mb * 1000:8.1f} ms/MB   {ratio:5.2f}x normal")
    print(f"worst adversarial ratio: {worst:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
