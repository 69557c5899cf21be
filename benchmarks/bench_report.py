"""Benchmark: checking and rendering the report of synthetic 1,000- and 10,000-claim cases.

Run from the repository root (claimgraph installed, no other dependency)::

    python benchmarks/bench_report.py              # 1,000 and 10,000 claims, best of 3
    python benchmarks/bench_report.py --sizes 1000 --repeat 5

``graph.check()`` is timed apart from rendering.  Each rendering is also shown as
a ratio to a baseline measured in the same run on the same machine:
``json.dumps`` of the same data as flat records (claims, quantities, evidence and
findings), i.e. the cheapest honest way to serialise what the report shows.
The target is rendering the 1,000-claim HTML report in under a second.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from decimal import Decimal
from typing import Any, Callable

from claimgraph import display, export
from claimgraph.graph import ClaimGraph
from claimgraph.model import Article, Case, Claim, Derivation, Document, Evidence, QuantityMention, Source

KINDS = ("numeric", "numeric", "factual", "quote", "opinion", "heading")


def synthetic(n_claims: int, seed: int = 7) -> ClaimGraph:
    """A case shaped like a long news story: every attribution kind, evidence for most numbers
    (in primary and secondary documents, some citing others), quotes, and sum derivations."""
    rng = random.Random(seed)
    sources = [Source(id="agency", name="The Agency", kind="government_body"),
               Source(id="outlet", name="The Outlet", kind="news_outlet"),
               Source(id="ngo", name="A Research Group", kind="organization")]
    sources += [Source(id=f"p{i}", name=f"Official {i}", kind="person", role="spokesperson", affiliation="agency")
                for i in range(12)]
    n_docs = 10
    doc_lines: list[list[str]] = [[] for _ in range(n_docs)]
    doc_spans: list[tuple[int, int, int, str]] = []  # claim index, document, line index, number text
    sentences, claims_spec = [], []
    values: list[int] = []
    for i in range(n_claims):
        kind = KINDS[i % len(KINDS)]
        value = rng.randint(1_000, 999_999)
        if i % 20 == 19 and len(values) >= 2:
            value = values[-1] + values[-2]
        values.append(value)
        number = f"{value:,}"
        year = 2015 + i % 10
        if kind == "quote":
            sentence = f"“We counted {number} cases in {year},” the official said."
        elif kind == "heading":
            sentence = f"Cases rise to {number}"
        elif kind == "opinion":
            sentence = f"Critics argue that {number} is far too many."
        else:
            sentence = f"More than {number} people were affected in {year}, officials said."
        sentences.append(sentence)
        claims_spec.append((kind, number, value, year))
        if kind in ("numeric", "quote") and i % 3 != 2:
            d = i % n_docs
            line = (f"We counted {number} cases in {year}" if kind == "quote"
                    else f"Table {len(doc_lines[d]) + 1}: {number} people affected in {year}.")
            doc_spans.append((i, d, len(doc_lines[d]), number))
            doc_lines[d].append(line)
    text = "\n".join(sentences)
    documents, offsets = [], []
    for d in range(n_docs):
        body = "\n".join(doc_lines[d]) or "No figures."
        starts, pos = [], 0
        for line in doc_lines[d]:
            starts.append(pos)
            pos += len(line) + 1
        offsets.append(starts)
        primary = d % 2 == 0
        documents.append(Document(
            id=f"doc{d}", title=f"Report {d}", source="agency" if primary else "outlet", primary=primary,
            completeness="full" if d % 3 else "excerpt", kind="government_report" if primary else "news_article",
            cites=(f"doc{d - 1}",) if not primary else (), number=f"R-{d}", text=body))
    claims, evidence, derivations = [], [], []
    pos = 0
    for i, (sentence, (kind, number, value, year)) in enumerate(zip(sentences, claims_spec)):
        start, end = pos, pos + len(sentence)
        pos = end + 1
        cid = f"c{i}"
        n_at = sentence.index(number)
        quantities = [QuantityMention(id=f"{cid}/q1", start=start + n_at, end=start + n_at + len(number),
                                      text=number, value=Decimal(value),
                                      hedge="more_than" if sentence.startswith("More than") else "exact")]
        if str(year) in sentence:
            y_at = sentence.index(str(year))
            quantities.append(QuantityMention(id=f"{cid}/q2", start=start + y_at, end=start + y_at + 4,
                                              text=str(year), value=Decimal(year), kind="year"))
        quotes = ()
        if kind == "quote":
            q0 = sentence.index("We counted")
            q1 = sentence.index(",”")
            quotes = ({"start": start + q0, "end": start + q1, "text": sentence[q0:q1]},)
        attribution = [
            {"kind": "paraphrase", "source": f"p{i % 12}", "cue": "said"},
            {"kind": "relayed", "via": "outlet", "source": "agency", "cue": "reports"},
            {"kind": "direct_quote", "source": f"p{i % 12}", "cue": "said"},
            {"kind": "vague", "group": "critics", "named": ["ngo"] if i % 2 else []},
            {"kind": "unattributed"},
        ][0 if kind == "numeric" and i % 4 else 1 if kind == "numeric" else 2 if kind == "quote"
          else 3 if kind == "opinion" else 4]
        claims.append(Claim(id=cid, start=start, end=end, text=sentence, kind=kind, attribution=attribution,
                            quantities=tuple(quantities), quotes=quotes))
        if i % 20 == 19 and i >= 2:
            derivations.append(Derivation(id=f"{cid}/d1", quantity=f"{cid}/q1", op="sum",
                                          operands=(f"c{i - 1}/q1", f"c{i - 2}/q1"),
                                          formula=f"{claims_spec[i - 1][1]} + {claims_spec[i - 2][1]}"))
    for n, (i, d, line, number) in enumerate(doc_spans):
        body = documents[d].text
        line_start = offsets[d][line]
        line_text = doc_lines[d][line]
        kind = claims_spec[i][0]
        if kind == "quote":
            evidence.append(Evidence(id=f"e{n}", claim=f"c{i}", document=f"doc{d}", start=line_start,
                                     end=line_start + len(line_text), text=line_text, relation="quoted"))
        else:
            at = line_start + line_text.index(number)
            evidence.append(Evidence(id=f"e{n}", claim=f"c{i}", document=f"doc{d}", quantity=f"c{i}/q1",
                                     start=at, end=at + len(number), text=body[at:at + len(number)],
                                     relation="verbatim", page=1 + line // 40))
    case = Case(article=Article(text=text, title=f"Synthetic story with {n_claims:,} claims"),
                sources=tuple(sources), documents=tuple(documents), claims=tuple(claims),
                evidence=tuple(evidence), derivations=tuple(derivations))
    return ClaimGraph.from_case(case)


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def run(n: int, repeat: int) -> dict[str, float]:
    t0 = time.perf_counter()
    graph = synthetic(n)
    build = time.perf_counter() - t0
    check, report = best(graph.check, repeat)
    crashed = report.by_code("CG000")

    def baseline() -> str:
        data = {what: export.records(graph, what) for what in ("claims", "quantities", "evidence")}
        data["findings"] = report.to_records()
        return json.dumps(data, sort_keys=True, ensure_ascii=False)

    base, base_text = best(baseline, repeat)
    timings = {
        "HTML report (report_page)": best(lambda: display.report_page(graph, report), repeat),
        "Markdown report (with claims)": best(lambda: display.report_markdown(report, graph, claims=True), repeat),
        "highlighted article (article_html)": best(lambda: display.article_html(graph, report), repeat),
        "node-link export": best(lambda: export.export(graph, "node-link"), repeat),
        "csv-claims export": best(lambda: export.export(graph, "csv-claims", report=report), repeat),
    }
    print(f"\n{n:,} claims · {len(graph.evidence):,} evidence · {len(graph.derivations):,} derivations · "
          f"{len(report.findings):,} findings (build {build:.2f} s)")
    if crashed:
        print(f"  note: {len(crashed)} check(s) crashed (CG000): {crashed[0].message}")
    print(f"  {'graph.check()':38} {check:8.3f} s")
    print(f"  {'baseline: json.dumps of the records':38} {base:8.3f} s   {len(base_text) / 1e6:6.1f} MB   1.0x")
    for name, (seconds, out) in timings.items():
        print(f"  {name:38} {seconds:8.3f} s   {len(out) / 1e6:6.1f} MB   {seconds / base:5.1f}x baseline")
    return {"check": check, "baseline": base, "html": timings["HTML report (report_page)"][0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
    results = {n: run(n, args.repeat) for n in args.sizes}
    if 1000 in results:
        html = results[1000]["html"]
        verdict = "OK" if html < 1.0 else "TOO SLOW"
        print(f"\n1,000-claim HTML report: {html:.3f} s ({verdict}: target under 1 s)")
    if 1000 in results and 10000 in results:
        print(f"scaling 1,000 -> 10,000 claims: HTML x{results[10000]['html'] / results[1000]['html']:.1f}, "
              f"check x{results[10000]['check'] / results[1000]['check']:.1f} (10x the claims)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
