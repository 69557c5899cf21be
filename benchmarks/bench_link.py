#!/usr/bin/env python3
"""Benchmark claimgraph.link: index a ~300-page document once, link 50 articles against it.

Usage:
    python benchmarks/bench_link.py [--pages 300] [--articles 50] [--naive-sample 5] [--seed 7]

The document is built from the worked case's source excerpts (header blocks
removed) and generated agency-style paragraphs full of numbers, about 3,000
characters a page, pages separated by form feeds.  Each of the 50 articles is a
variant of the worked-case article with its figures shifted; the document states
each variant's figures once, in a paragraph worded like the OIG summary, so every
variant has real evidence among many near-miss numbers.

Reported: time to build the index, time to link every number and quote of the 50
articles (``Linker.link_all``), links per second, and, as a baseline measured in
the same run, the cost of a naive linker that rescans the document with
``find_quantities`` for each number (timed on a sample, per number).

Then untrusted articles (skip with ``--no-adversarial``): linking time per KB of two
shapes no newsroom writes (hundreds of unpunctuated lines each holding figures, and one
sentence of hundreds of figures), against the worked-case article's time per KB, all
linked against the worked case's own sources.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimgraph.link import DocumentIndex, Linker, _relation, find_header, read_document  # noqa: E402
from claimgraph.quantities import find_quantities  # noqa: E402

CASE = ROOT / "examples" / "uac-oig-2024"
PAGE_CHARS = 3000

AGENCIES = ["ICE", "CBP", "USCIS", "FEMA", "HHS", "ORR", "EOIR", "TSA"]
NOUNS = ["cases", "apprehensions", "applications", "referrals", "hearings", "notices", "payments", "audits"]
VERBS = ["processed", "reported", "referred", "closed", "reviewed", "received", "completed", "transferred"]
PLACES = ["field offices", "sectors", "regions", "ports of entry", "processing centers", "districts"]


def agency_paragraph(rng: random.Random) -> str:
    a, n, v, p = rng.choice(AGENCIES), rng.choice(NOUNS), rng.choice(VERBS), rng.choice(PLACES)
    y = rng.randint(2015, 2024)
    return (f"In fiscal year {y}, {a} {v} {rng.randint(1000, 900000):,} {n} across {rng.randint(2, 40)} {p}, "
            f"about {rng.randint(1, 99)} percent of them within {rng.randint(2, 90)} days. "
            f"Of the {rng.randint(100, 99000):,} {n} still open, {rng.randint(10, 9000):,} were older than "
            f"{rng.randint(1, 5)} years, and officials estimated costs of ${rng.randint(1, 900)}.{rng.randint(0, 9)} "
            f"million. We found that {rng.randint(2, 12)} of the {rng.randint(13, 30)} {p} we visited did not "
            f"track {n} consistently between {y - rng.randint(1, 4)} and {y}.")


def variant_paragraph(k: int) -> str:
    return (f"Variant {k} summary: we learned ICE transferred more than {448 + k},000 UCs to HHS from fiscal "
            f"years 2019 to 2023, and ICE reported more than {32 + k},000 UCs failed to appear for their "
            f"immigration court hearings. The more than {291 + k},000 UCs who were not placed into removal "
            f"proceedings may be at risk.")


def variant_article(base: str, k: int) -> str:
    return (base.replace("448,000", f"{448 + k},000").replace("291,000", f"{291 + k},000")
            .replace("32,000", f"{32 + k},000"))


def build_document(pages: int, articles: int, rng: random.Random) -> str:
    sources = []
    for path in sorted((CASE / "sources").glob("*.txt")):
        text = read_document(path).text
        header = find_header(text)
        sources.append(text[header.end if header else 0 :].strip())
    paragraphs = [variant_paragraph(k) for k in range(articles)]
    out_pages: list[str] = []
    src_i = var_i = 0
    while len(out_pages) < pages:
        page: list[str] = []
        size = 0
        while size < PAGE_CHARS:
            roll = rng.random()
            if roll < 0.08 and src_i < len(sources):
                para = sources[src_i][:PAGE_CHARS]
                src_i += 1
            elif roll < 0.2 and var_i < len(paragraphs):
                para = paragraphs[var_i]
                var_i += 1
            else:
                para = agency_paragraph(rng)
            page.append(para)
            size += len(para) + 2
        out_pages.append("\n\n".join(page))
    # any variant paragraphs not yet placed go on the last page
    if var_i < len(paragraphs):
        out_pages[-1] += "\n\n" + "\n\n".join(paragraphs[var_i:])
    return "\f".join(out_pages)


def naive_link(doc: str, q, context: str):
    """The baseline: rescan the whole document for numbers, for every article number."""
    best = None
    for dq in find_quantities(doc):
        rel = _relation(q, dq)
        if rel and (best is None or rel[1] > best[1]):
            best = (dq, rel[1])
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--naive-sample", type=int, default=5, help="numbers timed with the naive rescan")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-adversarial", action="store_true", help="skip the untrusted-article timings")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    base = (CASE / "article.txt").read_text(encoding="utf-8")
    doc = build_document(args.pages, args.articles, rng)
    print(f"document: {doc.count(chr(12)) + 1} pages, {len(doc):,} characters")

    t0 = time.perf_counter()
    index = DocumentIndex("synthetic", doc)
    t_index = time.perf_counter() - t0
    print(f"index:    {t_index:.2f} s  ({len(index.entries):,} numbers, {len(index.passages):,} passages, "
          f"{len(index.word_index):,} distinct words)")
    linker = Linker([index])

    quotes = ["We found ICE cannot always monitor the location and status of unaccompanied migrant children who "
              "are released from DHS and HHS custody.",
              "Without an ability to monitor the location and status of UCs, ICE has no assurance UCs are safe from "
              "trafficking, exploitation, or forced labor,"]
    articles = [variant_article(base, k) for k in range(args.articles)]
    found = [find_quantities(a) for a in articles]
    n_numbers = sum(len(f) for f in found)
    t0 = time.perf_counter()
    linked = right = 0
    for k, (text, qs) in enumerate(zip(articles, found)):
        for r in linker.link_all(text, qs, quotes):
            linked += r.link is not None
            if r.kind == "number" and r.text == f"more than {448 + k},000" and r.link is not None:
                right += f"{448 + k},000" in r.link.quantity_text
    t_link = time.perf_counter() - t0
    items = n_numbers + len(quotes) * len(articles)
    print(f"link:     {t_link:.2f} s for {args.articles} articles: {n_numbers} numbers + "
          f"{len(quotes) * len(articles)} quotes = {items} items, {linked} linked "
          f"({items / t_link:,.0f} items/s, {t_link / items * 1000:.2f} ms each)")
    print(f"check:    'more than 448,000 + k' linked to its own variant figure in {right}/{args.articles} articles")

    sample = [(q, a) for a, qs in zip(articles, found) for q in qs if q.kind.value == "count"][: args.naive_sample]
    t0 = time.perf_counter()
    for q, a in sample:
        naive_link(doc, q, a)
    t_naive = (time.perf_counter() - t0) / max(1, len(sample))
    per_number = t_link / items
    print(f"naive:    {t_naive:.2f} s per number (rescanning the document; timed on {len(sample)} numbers)")
    print(f"ratio:    naive rescan / indexed link = {t_naive / per_number:,.0f}x per number; "
          f"linking all {n_numbers} numbers naively would take ~{t_naive * n_numbers:,.0f} s "
          f"vs {t_index + t_link:.1f} s indexed (index included)")
    if not args.no_adversarial:
        adversarial(base)
    return 0


def _per_kb(linker: Linker, text: str) -> float:
    t0 = time.perf_counter()
    linker.link_all(text)
    return (time.perf_counter() - t0) / (len(text) / 1000)


def adversarial(base: str) -> None:
    """Time per KB of untrusted article shapes against the worked-case article's."""
    sources = [read_document(p) for p in sorted((CASE / "sources").glob("*.txt"))]
    linker = Linker({f"s{i}": d for i, d in enumerate(sources)})
    normal = min(_per_kb(linker, base) for _ in range(3))
    shapes = {
        "800 unpunctuated lines of figures": "\n".join(f"Item {i} rose more than doubled to {i * 7}" for i in range(1, 801)),
        "one sentence of 1,800 figures": "Officials said " + ", ".join(
            f"{300 + i} cases in {1990 + i % 30} and {5 + i % 7} more" for i in range(600)) + ".",
    }
    print(f"untrusted articles, linking time per KB against the worked-case article's ({normal * 1000:.1f} ms/KB):")
    for name, text in shapes.items():
        per = _per_kb(linker, text)
        print(f"  {name} ({len(text) / 1000:.0f} KB): {per * 1000:.0f} ms/KB = {per / normal:.1f}x")


if __name__ == "__main__":
    sys.exit(main())
