"""The worked case end to end: every finding is computed from the graph, never hard-coded.

The expectations follow examples/uac-oig-2024 and the research behind it: which numbers
trace to DHS OIG alert OIG-24-46, which are derived, misattributed or untraced, and how
faithful the quotes are.
"""

from __future__ import annotations

from decimal import Decimal

from claimgraph.quantities import find_quantities

from conftest import claim_with, quantity_with


def codes_for(report, claim_id, quantity_id=None):
    return {f.code for f in report.findings
            if f.claim_id == claim_id and (quantity_id is None or f.quantity_id == quantity_id)}


def test_every_statement_is_a_typed_claim(worked_graph):
    text = worked_graph.article.text
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 26 and len(worked_graph.claims) == 27  # one line holds two sentences
    for claim in worked_graph.claims:
        assert text[claim.start:claim.end] == claim.text
    # every non-blank character of the article belongs to a claim
    covered = sorted((c.start, c.end) for c in worked_graph.claims)
    uncovered = text
    for start, end in reversed(covered):
        uncovered = uncovered[:start] + uncovered[end:]
    assert uncovered.split() == []
    kinds = [c.kind for c in worked_graph.claims]
    assert kinds.count("heading") == 4
    assert kinds.count("quote") == 3
    assert {"numeric", "factual", "opinion"} <= set(kinds)


def test_every_article_number_is_traced_or_explained(worked_graph, worked_report):
    claimed = {(q.start, q.end): (c, q) for c, q in worked_graph.quantities()}
    for found in find_quantities(worked_graph.article.text):
        assert (found.span.start, found.span.end) in claimed, f"{found.text!r} is in no claim"
    for claim, q in worked_graph.quantities():
        if q.kind in ("year", "date", "year_range", "date_range"):
            continue  # time scopes travel with the figure they qualify
        if claim.kind == "heading" and q.kind == "share":
            assert codes_for(worked_report, claim.id, q.id) & {"CG202", "CG203"}
            continue
        codes = codes_for(worked_report, claim.id, q.id)
        assert codes & {"CG201", "CG202", "CG203", "CG204", "CG205"}, f"{q.text!r} has no trace finding"


def test_448000_and_291000_trace_to_the_oig_alert(worked_graph, worked_report):
    for text in ("more than 448,000", "more than 291,000"):
        claim, q = quantity_with(worked_graph, text)
        assert "CG201" in codes_for(worked_report, claim.id, q.id)
        assert worked_graph.origins(q.id)[0] == "document:oig-24-46"


def test_200000_dismissals_misattributed_to_the_oig(worked_graph, worked_report):
    claim, q = quantity_with(worked_graph, "approximately 200,000")
    found = [f for f in worked_report.by_code("CG401") if f.claim_id == claim.id]
    assert len(found) == 1
    assert "TRAC" in found[0].message and "OIG-24-46" in found[0].message
    assert worked_graph.origins(q.id) == ("document:trac-739",)
    # the preceding sentence, credited to the same report, is misattributed too
    assert "CG401" in codes_for(worked_report, claim_with(worked_graph, "troubling pattern").id)


def test_one_of_eight_field_offices_untraced(worked_graph, worked_report):
    claim, q = quantity_with(worked_graph, "one of the eight")
    assert q.kind == "ratio" and q.value == Decimal(1) and q.denominator == Decimal(8)
    (finding,) = [f for f in worked_report.by_code("CG203") if f.quantity_id == q.id]
    assert "partial" in finding.message  # not traced is not the same as false
    assert worked_graph.origins(q.id) == ()


def test_65_percent_derived_and_consistent(worked_graph, worked_report):
    claim, q = quantity_with(worked_graph, "65%")
    assert "CG202" in codes_for(worked_report, claim.id, q.id)
    (arith,) = [f for f in worked_report.findings if f.check == "arithmetic" and f.quantity_id == q.id]
    assert arith.code in ("CG502", "CG503") and arith.severity == "info"
    assert "consistent" in arith.message
    computed = Decimal(arith.computed["value"])
    assert abs(computed - Decimal("64.96")) < Decimal("0.3")


def test_366000_traced_only_through_grassley(worked_graph, worked_report):
    claim, q = quantity_with(worked_graph, "approximately 366,000")
    (finding,) = [f for f in worked_report.by_code("CG204") if f.quantity_id == q.id]
    assert finding.document_id == "grassley-2024-09"
    assert "OIG-24-46" in finding.message
    assert "CG403" in codes_for(worked_report, claim.id)  # the article names no source for it


def test_grassley_quote_trimmed(worked_graph, worked_report):
    claim = claim_with(worked_graph, "said Grassley in a statement")
    (finding,) = [f for f in worked_report.findings if f.check == "quotes" and f.claim_id == claim.id]
    assert finding.code in ("CG602", "CG603") and finding.severity == "warning"
    dropped = " ".join(d["source"] for d in finding.computed["diff"])
    assert "Refugee Resettlement" in dropped


def test_cuffari_quote_verbatim_but_for_dropped_leading_word(worked_graph, worked_report):
    claim = claim_with(worked_graph, "Joseph Cuffari stated")
    (finding,) = [f for f in worked_report.findings if f.check == "quotes" and f.claim_id == claim.id]
    assert finding.code == "CG602"
    diffs = finding.computed["diff"]
    assert len(diffs) == 1 and diffs[0]["op"] == "delete" and diffs[0]["source"].strip(" ,") == "Specifically"


def test_report_quote_verbatim(worked_graph, worked_report):
    claim = claim_with(worked_graph, "the report reads")
    (finding,) = [f for f in worked_report.findings if f.check == "quotes" and f.claim_id == claim.id]
    assert finding.code == "CG601"


def test_relay_chain_article_outlet_report(worked_graph):
    first = worked_graph.claims[0]
    assert first.attribution.kind == "relayed"
    chain = worked_graph.relay_chain(first.id)
    assert chain[0] == "article:article" and chain[2] == "source:center-square"
    assert chain[3] == "source:dhs-oig" and "document:oig-24-46" in chain


def test_critics_vague_but_named(worked_graph, worked_report):
    claim = claim_with(worked_graph, "Critics, including")
    assert claim.attribution.kind == "vague" and claim.attribution.named == ("grassley",)
    assert "CG402" in codes_for(worked_report, claim.id)


def test_32000_rehedged_evidence_is_compatible(worked_graph, worked_report):
    claim, q = quantity_with(worked_graph, "at least 32,000")
    codes = codes_for(worked_report, claim.id, q.id)
    assert "CG302" in codes and "CG301" not in codes


def test_checks_pass_is_said_explicitly(worked_report):
    assert worked_report.by_code("CG201") and worked_report.by_code("CG601")
    assert not worked_report.by_code("CG000")
    assert worked_report.exit_code("error") == 1  # the misattribution is an error
    assert worked_report.exit_code("never") == 0
