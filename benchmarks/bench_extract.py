"""Whole-extraction speed: claimgraph.analyze (sentences, quotes, attributions, numbers)
beside quantulum3's number parsing alone, on the same texts in the same run.

    /work/bench-venv/bin/python benchmarks/bench_extract.py [--articles 1000]

The articles are the labelled news corpus plus the worked case, varied (numbers shifted,
paragraphs rotated) to the requested count.  quantulum3 is slow, so it is timed on a
sample of articles and reported as MB/s; the ratio compares MB/s.  The batch section times
``claimgraph extract`` over the same articles as files with one worker and with every core.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimgraph.extract import analyze  # noqa: E402


def articles(count: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/corpus/news").glob("*.txt"))]
    base.append((ROOT / "examples/uac-oig-2024/article.txt").read_text(encoding="utf-8"))
    rng = random.Random(7)
    out = []
    for i in range(count):
        text = base[i % len(base)]
        shift = rng.randint(1, 9)
        text = re.sub(r"\d", lambda m: str((int(m.group()) + shift) % 10), text)
        paras = text.split("\n\n")
        k = i % max(1, len(paras))
        out.append("\n\n".join(paras[k:] + paras[:k]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--quantulum-sample", type=int, default=40)
    args = parser.parse_args()
    texts = articles(args.articles)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t = time.perf_counter()
    for text in texts:
        analyze(text)
    ours = time.perf_counter() - t
    print(f"claimgraph analyze: {len(texts)} articles, {mb:.2f} MB in {ours:.2f} s = "
          f"{len(texts) / ours:,.0f} articles/s, {mb / ours:.2f} MB/s")
    try:
        from quantulum3 import parser as qparser
    except ImportError:
        print("quantulum3 is not installed here (pip install -r benchmarks/requirements.txt); skipped")
        qrate = None
    else:
        sample = texts[: args.quantulum_sample]
        smb = sum(len(s.encode("utf-8")) for s in sample) / 1e6
        t = time.perf_counter()
        for text in sample:
            for para in text.split("\n"):  # paragraph by paragraph: quantulum3's best case
                if para.strip():
                    qparser.parse(para)
        qt = time.perf_counter() - t
        qrate = smb / qt
        print(f"quantulum3 numbers only: {len(sample)} articles, {smb:.2f} MB in {qt:.2f} s = "
              f"{len(sample) / qt:,.1f} articles/s, {qrate:.3f} MB/s")
        print(f"ratio: whole claimgraph extraction is {(mb / ours) / qrate:,.0f}x quantulum3's numbers alone "
              f"(target >= 20x)")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            p = Path(tmp) / f"a{i:05d}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        cmd = [sys.executable, "-m", "claimgraph.cli", "extract", *paths, "-o", str(Path(tmp) / "out")]
        times = {}
        for jobs in (1, os.cpu_count() or 1):
            t = time.perf_counter()
            subprocess.run(cmd + ["--jobs", str(jobs)], check=True, capture_output=True)
            times[jobs] = time.perf_counter() - t
            print(f"claimgraph extract, {len(paths)} files written as draft cases, --jobs {jobs}: "
                  f"{times[jobs]:.2f} s = {len(paths) / times[jobs]:,.0f} articles/s")
        if len(times) > 1:
            print(f"batch speed-up on {os.cpu_count()} cores: {times[1] / times[max(times)]:.2f}x")


if __name__ == "__main__":
    main()
