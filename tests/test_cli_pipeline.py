"""extract, link, report and export verbs on the worked case."""

from __future__ import annotations

import io
import json

import claimgraph
from claimgraph.cli import main

from conftest import WORKED_CASE

ARTICLE = WORKED_CASE / "article.txt"
SOURCES = WORKED_CASE / "sources"


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    return main([str(a) for a in argv], stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_extract_json_types_statements_quotes_and_numbers():
    code, out, _ = run("extract", ARTICLE, "--format", "json")
    data = json.loads(out)
    text = ARTICLE.read_text(encoding="utf-8")
    assert code == 0 and len(data["claims"]) == 27
    speakers = [q["speaker"] for q in data["quotes"]]
    assert speakers == ["Joseph Cuffari", "Chuck Grassley", "the DHS OIG report"]
    assert all(q["kind"] == "direct_quote" and text[q["start"]:q["end"]] == q["text"] for q in data["quotes"])
    assert data["claims"][0]["attribution"] == "relayed" and "The Center Square" in data["claims"][0]["sources"]
    critics = next(c for c in data["claims"] if c["text"].startswith("Critics"))
    assert critics["attribution"] == "vague" and critics["sources"] == ["Chuck Grassley"]
    n = {x["text"]: x for x in data["numbers"]}
    assert n["more than 448,000"]["hedge"] == "more_than" and n["at least 32,000"]["value"] == "32000"


def test_extract_writes_a_case_that_check_accepts(tmp_path):
    code, _, err = run("extract", ARTICLE, "-o", tmp_path / "draft")
    assert code == 0 and "27 claims" in err
    graph = claimgraph.load(tmp_path / "draft")
    direct = claimgraph.draft(ARTICLE.read_text("utf-8"))

    def essentials(g):  # the annotation re-reads each quantity phrase alone, so noun and scope may differ
        return [(c.id, c.start, c.end, c.kind, c.attribution.kind,
                 [(q.text, q.start, q.value, q.hedge, q.kind) for q in c.quantities]) for c in g.claims]

    assert essentials(graph) == essentials(direct)
    assert run("check", tmp_path / "draft", "--fail-on", "never")[0] == 0


def test_link_article_json_evidence_matches_hand_annotation():
    code, out, err = run("link", ARTICLE, "--source", SOURCES / "oig-report.txt", SOURCES / "grassley-statement.txt",
                         SOURCES / "dismissals-source.txt", "--secondary", SOURCES / "center-square.txt",
                         "--format", "json")
    assert code == 0, err
    n = {x["text"]: x["evidence"] for x in json.loads(out)["numbers"]}
    oig = (SOURCES / "oig-report.txt").read_text(encoding="utf-8")
    for text in ("more than 448,000", "more than 291,000"):
        ev = n[text]
        assert ev["document"] == "oig-report" and text.split()[-1] in oig[ev["start"]:ev["end"]]
    assert n["approximately 200,000"]["document"] == "dismissals-source"
    assert n["one of the eight"] is None
    quotes = json.loads(out)["quotes"]
    assert quotes[0]["evidence"]["document"] == "oig-report"


def test_link_reports_unreadable_document_and_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = run("link", ARTICLE, "--source", empty, SOURCES / "oig-report.txt", "--format", "json")
    assert code == 2 and "empty.txt" in err
    assert any(x["evidence"] for x in json.loads(out)["numbers"])


def test_report_and_export(tmp_path):
    code, _, _ = run("report", WORKED_CASE, "-o", tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert code == 0 and "<script" not in page and "one of the eight" in page
    code, out, _ = run("export", WORKED_CASE, "--to", "node-link")
    assert code == 0 and len(json.loads(out)["nodes"]) > 27
    code, _, err = run("export", WORKED_CASE, "--to", "klingon")
    assert code == 2 and "node-link" in err


def test_link_article_reports_misattribution_and_document_metadata():
    code, out, err = run("link", ARTICLE, "--source", SOURCES / "oig-report.txt", SOURCES / "dismissals-source.txt",
                         "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    docs = {d["id"]: d for d in data["documents"]}
    assert docs["oig-report"]["number"] == "OIG-24-46" and docs["oig-report"]["date"] == "2024-08-19"
    assert docs["dismissals-source"]["url"] == "https://trac.syr.edu/reports/739/"
    sources = {s["id"]: s for s in data["sources"]}
    oig = docs["oig-report"]["source"]
    assert "Inspector General" in sources[oig]["name"]
    # the 200,000 is credited to the OIG report but found only in TRAC's: the core check says so
    (finding,) = [f for f in data["findings"] if f["code"] == "CG401"]
    claim = next(c for c in data["claims"] if c["id"] == finding["claim_id"])
    assert "approximately 200,000" in claim["text"] and "200,000 Immigration Court Cases" in finding["message"]


def test_link_min_score_trades_links_for_certainty():
    sources = [SOURCES / "oig-report.txt", SOURCES / "dismissals-source.txt"]
    counts = {}
    for score in ("0", "0.95"):
        code, out, err = run("link", ARTICLE, "--source", *sources, "--format", "json", "--min-score", score)
        assert code == 0, err
        numbers = json.loads(out)["numbers"]
        counts[score] = sum(n["evidence"] is not None for n in numbers)
        assert all(n["evidence"] is None or n["evidence"]["score"] >= float(score) for n in numbers)
    assert counts["0.95"] < counts["0"]
    code, _, err = run("link", ARTICLE, "--source", *sources, "--min-score", "1.5")
    assert code == 2 and "--min-score" in err and "from 0 to 1" in err


def test_link_json_gives_the_part_and_the_whole_of_a_count_their_own_evidence(tmp_path):
    (tmp_path / "a.txt").write_text("Marshals fleet sat idle\n\nThe audit found that 1,587 of the agency's 6,412 "
                                    "vehicles were driven fewer than 1,000 miles in fiscal 2025.\n", encoding="utf-8")
    oig = ("Background\n\nThe U.S. Marshals Service operated a fleet of 6,412 vehicles at the end of FY 2025.\n\n"
           "Results\n\nIn FY 2025, 1,587 USMS vehicles, or 24.8 percent of the fleet, were driven fewer than 1,000 miles.\n")
    (tmp_path / "oig.txt").write_text(oig, encoding="utf-8")
    code, out, err = run("link", tmp_path / "a.txt", "--source", tmp_path / "oig.txt", "--format", "json")
    assert code == 0, err
    item = next(x for x in json.loads(out)["numbers"] if x["text"] == "1,587 of the agency's 6,412")
    assert "1,587" in oig[item["evidence"]["start"]:item["evidence"]["end"]]
    part, whole = item["parts"]
    assert whole["text"] == "6,412" and oig[whole["evidence"]["start"]:whole["evidence"]["end"]].startswith("The U.S.")
    # the text listing shows each part under its figure
    code, out, _ = run("link", tmp_path / "a.txt", "--source", tmp_path / "oig.txt")
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "1,587 of the agency's 6,412" in line)
    assert "'1,587'" in lines[at + 1] and "'6,412'" in lines[at + 2] and "oig [" in lines[at + 2]
    # the case keeps the whole's passage as evidence of the figure, and the core checks accept it
    assert run("link", tmp_path / "a.txt", "--source", tmp_path / "oig.txt", "-o", tmp_path / "case")[0] == 0
    code, out, _ = run("check", tmp_path / "case", "--format", "json", "--fail-on", "never")
    found = [f for f in json.loads(out)["findings"] if f["code"] in ("CG301", "CG302")]
    assert [f["code"] for f in found].count("CG302") >= 2 and not any(f["code"] == "CG301" for f in found)


def test_a_month_named_alone_is_linked_and_its_evidence_checks(tmp_path):
    (tmp_path / "a.txt").write_text("Fleet sat idle\n\nThe audit found that 1,587 vehicles were idle in March, the "
                                    "inspector general said.\n", encoding="utf-8")
    (tmp_path / "oig.txt").write_text("Results\n\nIn March 2025, 1,587 USMS vehicles were idle.\n", encoding="utf-8")
    code, out, err = run("link", tmp_path / "a.txt", "--source", tmp_path / "oig.txt", "--format", "json")
    assert code == 0, err
    month = next(x for x in json.loads(out)["numbers"] if x["text"] == "March")
    assert month["kind"] == "date" and month["date"] == "--03" and month["evidence"]["relation"] == "verbatim"
    assert run("link", tmp_path / "a.txt", "--source", tmp_path / "oig.txt", "-o", tmp_path / "case")[0] == 0
    code, out, _ = run("check", tmp_path / "case", "--format", "json", "--fail-on", "never")
    codes = [f["code"] for f in json.loads(out)["findings"] if f["code"] in ("CG301", "CG302")]
    assert codes.count("CG302") == 2 and "CG301" not in codes
