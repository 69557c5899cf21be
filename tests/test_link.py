"""Linking article numbers and quotes to source documents; quote fidelity."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimgraph
import claimgraph.link as link_module
import claimgraph.matching as matching_module
from claimgraph.errors import DocumentError
from claimgraph.link import (
    DocumentIndex,
    Fidelity,
    Linker,
    NumberLink,
    QuoteLink,
    article_context,
    figure_parts,
    quote_fidelity,
    read_document,
)
from claimgraph.quantities import Quantity, find_quantities
from claimgraph.spans import Span

CASE = Path(__file__).resolve().parent.parent / "examples" / "uac-oig-2024"
SOURCES = CASE / "sources"
PRIMARY = {"oig-report": True, "dismissals-source": True, "grassley-statement": True, "oig-25-21-summary": True,
           "center-square": False}


@pytest.fixture(scope="module")
def indexes():
    return {name: DocumentIndex(name, read_document(SOURCES / f"{name}.txt"), primary=primary)
            for name, primary in PRIMARY.items()}


@pytest.fixture(scope="module")
def article():
    return (CASE / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def mentions(article):
    return find_quantities(article)


def mention(mentions, text):
    found = [q for q in mentions if q.text == text]
    assert len(found) == 1, [q.text for q in mentions]
    return found[0]


def link(linker, article, mentions, text, **kw):
    q = mention(mentions, text)
    context, wider = article_context(article, q.span)
    return linker.link_number(q, context, all_quantities=mentions, wider=wider, **kw)


def passage(indexes, lk):
    return lk.passage.of(indexes[lk.document].text)


def without(indexes, *names):
    return Linker([ix for name, ix in indexes.items() if name not in names])


# -- the worked case ------------------------------------------------------------------


def test_copies_of_the_sources_are_byte_for_byte():
    shared = Path("/work/shared/uac-case/sources")
    if not shared.is_dir():
        pytest.skip("shared case folder not present")
    for path in shared.glob("*.txt"):
        assert (SOURCES / path.name).read_bytes() == path.read_bytes()


def test_448000_links_to_oig_summary_a2(indexes, article, mentions):
    lk = link(Linker(indexes.values()), article, mentions, "more than 448,000")
    assert lk.document == "oig-report" and lk.relation == "verbatim"
    assert lk.quantity_text == "more than 448,000" and lk.span.of(indexes["oig-report"].text) == "more than 448,000"
    assert "we learned ICE transferred more than 448,000" in passage(indexes, lk)
    assert lk.page is None and 0.43 <= lk.score <= 1


def test_291000_links_to_oig_b5(indexes, article, mentions):
    lk = link(Linker(indexes.values()), article, mentions, "more than 291,000")
    assert lk.document == "oig-report" and lk.relation == "verbatim"
    assert "UCs who were not placed into removal proceedings" in passage(indexes, lk).replace("\n    ", " ")


def test_32000_is_rehedged(indexes, article, mentions):
    lk = link(Linker(indexes.values()), article, mentions, "at least 32,000")
    assert lk.document == "oig-report" and lk.relation == "rehedged" and lk.quantity_text == "more than 32,000"


def test_200000_links_only_to_trac(indexes, article, mentions):
    linker = Linker(indexes.values())
    q = mention(mentions, "approximately 200,000")
    context, wider = article_context(article, q.span)
    best = linker.link_number(q, context, all_quantities=mentions, wider=wider)
    assert best.document == "dismissals-source" and best.relation == "verbatim"
    assert "deportation cases have been thrown out" in passage(indexes, best)
    every = linker.number_links(q, context, all_quantities=mentions, wider=wider)
    assert "oig-report" not in {lk.document for lk in every}
    assert {lk.document for lk in every} <= {"dismissals-source", "center-square"}


def test_366000_traces_to_grassley(indexes, article, mentions):
    lk = link(without(indexes, "center-square"), article, mentions, "approximately 366,000")
    assert lk.document == "grassley-statement" and lk.relation == "verbatim" and lk.quantity_text == "roughly 366,000"


def test_one_of_the_eight_field_offices_is_absent(indexes, article, mentions):
    assert link(Linker(indexes.values()), article, mentions, "one of the eight") is None


def test_65_percent_is_derived_from_the_oig_figures(indexes, article, mentions):
    lk = link(without(indexes, "center-square"), article, mentions, "65%")
    assert lk.document == "oig-report" and lk.relation == "derived"
    oig = indexes["oig-report"].text
    assert [span.of(oig) for _, span in lk.operands] == ["more than 291,000", "more than 448,000"]
    assert lk.formula == "more than 291,000 / more than 448,000 = 64.96%"
    assert lk.quantity_text == "64.96%"


def test_65_percent_prefers_primary_and_reports_the_news_outlet(indexes, article, mentions):
    linker = Linker(indexes.values())
    q = mention(mentions, "65%")
    context, wider = article_context(article, q.span)
    every = linker.number_links(q, context, all_quantities=mentions, wider=wider)
    assert every[0].primary and every[0].document == "oig-report" and every[0].relation == "derived"
    outlet = [lk for lk in every if lk.document == "center-square"]
    assert len(outlet) == 1 and outlet[0].relation == "verbatim" and not outlet[0].primary
    assert "for 65% of UACs transferred from DHS custody" in passage(indexes, outlet[0]).replace("\n     ", " ")


def test_cuffari_quote_is_trimmed_of_specifically(indexes):
    quote = ("We found ICE cannot always monitor the location and status of unaccompanied migrant children who are "
             "released from DHS and HHS custody.")
    lk = Linker(indexes.values()).link_quote(f"\u201c{quote}\u201d")
    assert lk.document == "oig-report" and lk.score == 1.0
    assert lk.fidelity.kind == "trimmed" and lk.fidelity.dropped_leading == "Specifically,"
    assert lk.fidelity.explain() == "verbatim but for a dropped leading word: 'Specifically,'"
    assert lk.passage.of(indexes["oig-report"].text).startswith("Specifically, we found ICE")
    assert "A1." in indexes["oig-report"].text[lk.span.start - 1200 : lk.span.start]


def test_grassley_quote_drops_the_bracketed_subject(indexes):
    quote = ("Lax vetting has placed migrant children in grave danger of exploitation and abuse and makes locating "
             "these children after placement difficult, something I fear hinders the work of DHS as well,")
    lk = without(indexes, "center-square").link_quote(quote)
    assert lk.document == "grassley-statement"
    f = lk.fidelity
    assert f.kind == "bracketed_edit" and f.similarity == 1.0
    assert f.dropped_leading == "[The HHS Office of Refugee Resettlement (ORR)]'s"
    dropped = [d for d in f.diffs if d.op == "delete"]
    assert dropped[0].source.split() == ["[The", "HHS", "Office", "of", "Refugee", "Resettlement", "(ORR)]'s"]
    assert "Grassley wrote" not in lk.passage.of(indexes["grassley-statement"].text)


def test_oig_quote_read_by_the_report_is_verbatim(indexes):
    quote = ("Without an ability to monitor the location and status of UCs, ICE has no assurance UCs are safe from "
             "trafficking, exploitation, or forced labor,")
    lk = Linker(indexes.values()).link_quote(quote)
    assert lk.document == "oig-report" and lk.fidelity.kind == "verbatim"


def test_unknown_quote_is_absent(indexes):
    assert Linker(indexes.values()).link_quote("We will stop at nothing to find every last child in the country.") is None


def test_link_all_on_the_article(indexes, article, mentions):
    results = without(indexes, "center-square").link_all(article, mentions, quotes=[
        "We found ICE cannot always monitor the location and status of unaccompanied migrant children"])
    by_text = {r.text: r for r in results if r.kind == "number"}
    assert by_text["more than 448,000"].link.document == "oig-report"
    assert by_text["one of the eight"].link is None
    quote = [r for r in results if r.kind == "quote"][0]
    assert quote.span.of(article).startswith("We found ICE") and quote.link.document == "oig-report"


# -- the header block ----------------------------------------------------------------


def test_header_numbers_are_not_evidence(indexes):
    oig = indexes["oig-report"]
    assert oig.header is not None and oig.header.of(oig.text).startswith("TITLE:")
    assert all(e.q.span.start >= oig.header.end for e in oig.entries)
    linker = Linker([oig])
    assert linker.link_number(Quantity.parse("18 pages"), "The alert runs to 18 pages.") is None
    q = Quantity.parse("August 19, 2024")
    assert linker.link_number(q, "The alert is dated August 19, 2024.") is None


def test_header_can_be_searched_when_asked():
    text = "TITLE:  Alert\nDATE:   2024\nPAGES:  18 pages\n============\nThe alert has many findings."
    assert [int(e.q.value) for e in DocumentIndex("d", text, skip_header=False).entries] == [2024, 18]
    assert DocumentIndex("d", text).entries == []


# -- number relations and ranking ------------------------------------------------------


def one_link(doc: str, article_phrase: str, context: str) -> NumberLink | None:
    return Linker({"doc": doc}).link_number(Quantity.parse(article_phrase), context)


def links_in(linker: Linker, article: str) -> dict[str, NumberLink | None]:
    """The best link of every number of an article, by its text."""
    return {r.text: r.link for r in linker.link_all(article)}


def derived_formula(linker: Linker, article: str, figure: str) -> str:
    """The formula of ``figure``'s link, which must be a derivation."""
    lk = links_in(linker, article)[figure]
    assert lk is not None and lk.relation == "derived", (figure, lk)
    return lk.formula


@pytest.mark.parametrize("document, phrase, context, relation", [
    ("The census counted 160.4 million workers in the labor force.", "more than 160 million",
     "The labor force has more than 160 million workers.", "rounded"),
    ("The program cost nearly $1.4 billion in fiscal year 2023.", "$1.4B",
     "The program cost $1.4B in fiscal year 2023.", "rehedged"),
    ("ICE reported more than 32,000 UCs failed to appear for court hearings.", "at least 32,000",
     "At least 32,000 UCs failed to appear for court hearings.", "rehedged"),
    ("ICE reported more than 32,000 UCs failed to appear for court hearings.", "more than 32,000",
     "More than 32,000 UCs failed to appear for court hearings.", "verbatim"),
    ("The shelter index rose 0.9 percent over the month.", "almost 1%",
     "The shelter index rose almost 1% over the month.", "rounded"),
    # "$3.90" is written in cents but says dimes
    ("We expect the Henry Hub spot price to average $3.86 per million British thermal units in 2026.",
     "nearly $3.90", "Henry Hub spot gas will average nearly $3.90 in 2026.", "rounded"),
])
def test_relations(document, phrase, context, relation):
    lk = one_link(document, phrase, context)
    assert lk is not None and lk.relation == relation


def test_about_a_round_count_is_the_figure_rounded_at_its_last_digit():
    doc = "During the freeze, the administration lost 1,340 claims processors to attrition."
    lk = one_link(doc, "about 1,300", "The administration lost about 1,300 claims processors to attrition.")
    assert lk is not None and lk.relation == "rounded" and lk.quantity_text == "1,340"
    # 2,150 is halfway: rounded to hundreds it is 2,200, not "about 2,100"
    doc2 = "The agency lost 2,150 claims processors to attrition."
    assert one_link(doc2, "about 2,100", "The agency lost about 2,100 claims processors to attrition.") is None
    # a percent is held to its own interval: "about 40%" is not a rounded 38 percent
    doc3 = "Of the claims, 38 percent were processed late by the administration."
    assert one_link(doc3, "about 40%", "About 40% of the claims were processed late by the administration.") is None


def test_a_month_is_an_end_of_a_date_range():
    doc = ("The audit covered payments made between October 1, 2022, and December 20, 2024, "
           "when the replacement program expired.")
    lk = one_link(doc, "October 2022", "From October 2022 until the program expired, states repaid households.")
    assert lk is not None and lk.relation == "rounded" and lk.quantity_text.startswith("between October 1, 2022")
    assert one_link(doc, "March 2023", "From March 2023 until the program expired, states repaid households.") is None


def test_a_day_the_story_gives_without_its_year_is_an_end_of_a_date_range():
    doc = "Illness onset dates ranged from June 9, 2025, to January 18, 2026. Patient ages ranged widely."
    # the story, dated 2026, fills in 2026 for "June 9"; the range began the year before
    article = ("The CDC published its report on Jan. 30, 2026. "
               "Illnesses began as early as June 9 and as recently as Jan. 18.")
    links = links_in(Linker({"mmwr": doc}), article)
    assert links["June 9"] is not None and links["June 9"].quantity_text.startswith("from June 9, 2025")
    assert links["Jan. 18"] is not None


def test_two_days_of_a_sentence_are_the_two_ends_of_a_documents_range():
    doc = ("Epidemiologic Investigation\n\nAs of February 10, 2026, a total of 47 cases had been reported from "
           "14 states. Illness onset dates ranged from June 9, 2025, to January 18, 2026. Patient ages ranged "
           "from 2 to 93 years.\n\nLaboratory Investigation\n\nIsolates from all 47 patients were sequenced.")
    article = ("The CDC published its report on Jan. 30, 2026. Illnesses began as early as June 9 and as recently "
               "as Jan. 18, and because it typically takes two to four weeks for a case to be reported, the count "
               "may grow.")
    links = links_in(Linker({"mmwr": doc}), article)
    for day in ("June 9", "Jan. 18"):
        assert links[day] is not None and links[day].quantity_text == "from June 9, 2025, to January 18, 2026"


def test_the_ends_of_a_range_are_linked_apart():
    doc = ("Trends\n\nAmong children aged 0-14 years, the rate of firearm injury emergency department visits was "
           "14.2 per 100,000 in 2019.\n\nIn 2025, the rate among children aged 0-14 years reached 23.0 per 100,000, "
           "an increase of 62% and the steepest climb of any age group.")
    article = ("For kids 14 and younger, the rate of firearm injury visits rose about 62% between 2019 and 2025, "
               "the steepest climb of any age group.")
    result = next(r for r in Linker({"mmwr": doc}).link_all(article) if r.text == "between 2019 and 2025")
    assert result.link is None  # no passage gives the range as such
    first, last = result.parts
    assert first.link is not None and "2019" in first.link.quantity_text
    assert last.link is not None and "2025" in last.link.quantity_text and last.link.passage != first.link.passage


def test_a_month_named_alone_is_linked_beside_its_sentences_figure():
    doc = ("Survey results\n\nIn October 2025, TIGTA surveyed 1,850 taxpayers who had called the IRS; 31 percent "
           "had given up trying to reach an assistor.\n\nStaffing\n\nThe IRS hired 1,100 claims processors "
           "between March 2, 2025, and September 30, 2025.")
    article = "Of the 1,850 taxpayers TIGTA surveyed in October, 31% had given up trying to reach a person."
    linker = Linker({"tigta": doc})
    found = find_quantities(article, bare_months=True)
    month = next(r for r in linker.link_all(article, found) if r.text == "October")
    assert month.link is not None and month.link.quantity_text == "October 2025" and month.link.relation == "verbatim"
    # a month no figure of its sentence leads to is not taken from another passage
    alone = "She was laid off in March from a parts plant in Wichita."
    assert next(r for r in linker.link_all(alone, find_quantities(alone, bare_months=True))).link is None


def test_a_year_is_the_year_a_date_falls_in():
    doc = ("Background\n\nCongress created the grant program in November 2021 to help states harden their "
           "networks. In fiscal year 2023, the agency awarded $374.9 million to 56 states and territories.\n\n"
           "Results\n\nThe agency had not set performance measures as of March 2026.")
    article = "Congress created the grant program in 2021 to help states harden their networks."
    lk = links_in(Linker({"gao": doc}), article)["2021"]
    assert lk is not None and lk.quantity_text == "November 2021" and lk.relation == "verbatim"
    # fiscal 2026 began in October 2025: "March 2026" is not its date
    fiscal = "The agency had not set performance measures in fiscal 2026, auditors said."
    assert links_in(Linker({"gao": doc}), fiscal)["fiscal 2026"] is None


def test_one_of_n_is_linked_to_the_whole():
    doc = ("Penalties. USDA assessed $169.6 million in penalties against 14 state agencies "
           "whose payment error rates stayed high.")
    linker = Linker({"doc": doc})
    links = links_in(linker, "It is one of 14 state agencies sharing $169.6 million in penalties.")
    lk = links["one of 14"]
    assert lk is not None and lk.quantity_text == "14" and lk.relation == "verbatim"
    # the whole must count the same things: eight officers are not eight field offices
    doc2 = "In one instance, only a single officer out of eight at a field office tried to locate children."
    assert links_in(Linker({"doc": doc2}), "Only one of the eight field offices tried to locate children.")[
        "one of the eight"] is None
    # people are counted as persons or cases in a report
    doc3 = "During June 2025-January 2026, a total of 47 persons in 14 states were infected with the outbreak strain."
    links3 = links_in(Linker({"mmwr": doc3}), "She is one of 47 people in 14 states infected with the strain.")
    assert links3["one of 47"] is not None and links3["one of 47"].quantity_text == "47"
    # "one in 14" is a share, not a count of 14
    assert links_in(linker, "Roughly one in 14 state agencies paid penalties.")["Roughly one in 14"] is None


def test_a_fall_matches_a_signed_figure():
    doc = ("Table 2. Change in applications by sector\n\n"
           "Sector                         Percent change\n"
           "Retail trade                   2.1\n"
           "Transportation and warehousing -4.8\n")
    linker = Linker({"doc": doc})
    lk = links_in(linker, "Applications in transportation and warehousing fell 4.8% from a year earlier.")["4.8%"]
    assert lk is not None and lk.quantity_text == "-4.8" and lk.relation == "verbatim"
    # a rise is not read off a fall
    assert links_in(linker, "Applications in transportation and warehousing rose 4.8% from a year earlier.")["4.8%"] is None


def test_a_fall_is_read_off_the_signed_figure_of_each_document():
    release = ("Job openings decreased in health care and social assistance (-118,000) and in "
               "construction (-64,000).\n")
    statement = "Openings at community hospitals and clinics fell by 118,000 in March, the council said.\n"
    linker = Linker([DocumentIndex("release", release), DocumentIndex("council", statement, primary=False)])
    lk = links_in(linker, "Job openings in health care and social assistance fell by 118,000 to 1.33 million.")["118,000"]
    assert lk is not None and (lk.document, lk.quantity_text, lk.relation) == ("release", "-118,000", "verbatim")


def test_an_exact_decimal_percent_is_not_read_off_a_worded_share():
    doc = "MCOs Denied About One in Eight Requests, with Wide Variation Across States and Services"
    assert one_link(doc, "10.9%", "The plans denied 10.9% of requests, the report said.") is None
    lk = one_link(doc, "about 12%", "The plans denied about 12% of requests, the report said.")
    assert lk is not None and lk.quantity_text == "About One in Eight"


def test_an_exact_share_is_not_computed_from_a_bound():
    article = "Plans denied 10.9% of the 1,133,000 prior authorization requests they received in 2022."
    doc = "In 2022, plans received 1,133,000 prior authorization requests and denied more than 123,000 requests."
    assert links_in(Linker({"doc": doc}), article)["10.9%"] is None
    # the same figures stated exactly give the share
    lk = links_in(Linker({"doc": doc.replace("more than 123,000", "123,000")}), article)["10.9%"]
    assert lk is not None and lk.relation == "derived"


def test_a_margin_of_error_written_in_percent_is_in_percentage_points():
    doc = ("In the Midwest, housing starts were at a seasonally adjusted annual rate of 196,000 in February, "
           "20.2 percent (\u00b124.1 percent)* above the revised January rate of 163,000.")
    article = ("The margin of error on the Midwest housing starts gain is plus or minus 24.1 percentage points, "
               "so the bureau cannot say starts rose at all.")
    lk = links_in(Linker({"census": doc}), article)["24.1 percentage points"]
    assert lk is not None and lk.quantity_text == "24.1 percent" and lk.relation == "verbatim"
    # a percent that is no margin stays a percent
    assert links_in(Linker({"census": doc}), "Midwest housing starts rose 20.2 percentage points in February.")[
        "20.2 percentage points"] is None


def test_a_figure_stated_as_written_is_no_rounder_telling_of_its_neighbour():
    doc = ("National permits. Permits were at a rate of 1,412,000. This is 3.1 percent below the revised January "
           "rate of 1,457,000 and is 5.8 percent below the February 2025 rate of 1,499,000.\n\n"
           "Regions. Building permits in the Midwest were at a rate of 187,000, 6.0 percent below the revised "
           "January rate of 199,000.")
    article = ("Midwest authorizations fell 6% to an annual pace of 187,000, and national permits slipped 3.1% to "
               "1.412 million, 5.8% below a year earlier.")
    links = links_in(Linker({"census": doc}), article)
    assert links["6%"] is not None and links["6%"].quantity_text == "6.0 percent"
    assert links["5.8%"] is not None and links["5.8%"].quantity_text == "5.8 percent"


def test_the_gas_trades_bcf_is_a_billion_cubic_feet():
    doc = "U.S. working gas in storage ended 2025 at 3,064 billion cubic feet (Bcf), 1 percent more than average."
    lk = one_link(doc, "3,064 Bcf", "Working gas in storage ended 2025 at 3,064 Bcf.")
    assert lk is not None and lk.relation == "verbatim" and lk.quantity_text == "3,064 billion cubic feet"


def test_a_percent_never_matches_a_count_nor_a_year_a_count():
    doc = "In 2019 the agency processed 65 cases, 12 percent of them late."
    assert one_link(doc, "65%", "The agency processed 65% of cases late.") is None
    assert one_link(doc, "2,019", "The agency processed 2,019 cases.") is None
    assert one_link(doc, "12", "The agency processed 12 cases late.") is None


def test_same_digits_in_an_unrelated_sentence_are_not_taken():
    doc = ("The hospital opened 448 new beds in the northern wing last winter.\n\n"
           "Separately, inspectors reviewed payroll records for the county.")
    assert one_link(doc, "448", "ICE transferred 448 unaccompanied children to HHS shelters.") is None


def test_the_related_sentence_wins_over_the_same_figure_elsewhere():
    doc = ("The unemployment rate for adult women was 3.8 percent in August.\n\n"
           "Average hourly earnings have increased by 3.8 percent over the past 12 months.")
    lk = one_link(doc, "3.8%", "Average hourly earnings rose 3.8% from a year earlier.")
    assert lk is not None and lk.passage.of(doc).startswith("Average hourly earnings")


def test_pages_from_form_feeds():
    doc = "Cover page.\fICE transferred more than 448,000 UCs to HHS from fiscal years 2019 to 2023."
    lk = one_link(doc, "more than 448,000", "ICE transferred more than 448,000 children to HHS.")
    assert lk.page == 2 and lk.span.of(doc) == "more than 448,000"


def test_wrapped_lines_are_read_as_one_mention():
    doc = "FEMA delivered IHP assistance totaling $4.86\n    billion for the nine disasters we reviewed."
    lk = one_link(doc, "$4.86 billion", "FEMA delivered $4.86 billion in assistance for the nine disasters.")
    assert lk is not None and lk.span.of(doc) == "$4.86\n    billion" and lk.quantity_text == "$4.86 billion"


def test_a_number_wrapped_to_the_start_of_a_line_stays_in_its_sentence():
    doc = ("At the end of FY 2025, SSA had 1,092 ALJs on duty.  In FY 2025, 118 ALJs separated from the\n"
           "Agency, and SSA hired\n46. Each ALJ was supported by 3.9 support staff.\n\n"
           "We recommend that SSA:\n1. Update the hiring plan\n2. Report vacancies quarterly.")
    lk = one_link(doc, "46", "It lost 118 judges last year and hired 46.")
    assert lk is not None and lk.passage.of(doc).startswith("In FY 2025, 118 ALJs") and lk.score > 0.5
    index = DocumentIndex("d", doc)
    # a numbered list after a line ending mid-phrase still starts one passage per item
    items = [p.of(doc) for p in index.passages if "Update" in p.of(doc) or "Report" in p.of(doc)]
    assert items == ["Update the hiring plan", "Report vacancies quarterly."]


def test_derived_percent_from_two_document_figures():
    doc = ("For the nine disasters we reviewed, we identified duplicate payments totaling about $97.6 million. "
           "FEMA delivered $4.86 billion in assistance for those disasters.")
    q = Quantity.parse("about 2%")
    lk = Linker({"gao": doc}).link_number(q, "The duplicates were about 2% of the $4.86 billion FEMA delivered.")
    assert lk.relation == "derived" and lk.formula == "about $97.6 million / $4.86 billion = 2.01%"
    assert [s.of(doc) for _, s in lk.operands] == ["about $97.6 million", "$4.86 billion"]


def test_linker_rejects_duplicate_ids():
    with pytest.raises(DocumentError, match="used twice"):
        Linker([DocumentIndex("a", "x 1."), DocumentIndex("a", "y 2.")])


def test_linking_does_not_rescan_documents(monkeypatch):
    body = " ".join(f"Region {i} reported {1000 + 7 * i:,} cases in fiscal year 2023." for i in range(300))
    index = DocumentIndex("big", body)
    calls: list[int] = []
    real = link_module.find_quantities

    def spy(text, **kw):
        calls.append(len(text))
        return real(text, **kw)

    import claimgraph.context as context_module

    monkeypatch.setattr(link_module, "find_quantities", spy)
    monkeypatch.setattr(context_module, "find_quantities", spy)  # an article sentence's figures
    linker = Linker([index])
    for i in range(0, 300, 15):
        q = Quantity.parse(f"{1000 + 7 * i:,}")
        linker.link_number(q, f"Region {i} reported {1000 + 7 * i:,} cases in fiscal year 2023.")
    assert calls and max(calls) < 200  # only article sentences are read, never the document


def test_a_quote_holding_a_figure_is_located_once_per_document(monkeypatch):
    doc = ("Results. The ratio has not changed significantly since 2021, and 14 of the 52 towers were idle.\n\n"
           "Other findings. Staffing fell in fiscal year 2024.")
    article = ('"The ratio has not changed significantly since 2021," the bureau said. '
               "Staffing fell in fiscal 2024.")
    calls: list[str] = []
    real = DocumentIndex.locate_quote

    def spy(self, quote_text, context=""):
        calls.append(quote_text)
        return real(self, quote_text, context)

    monkeypatch.setattr(DocumentIndex, "locate_quote", spy)
    results = Linker({"doc": doc}).link_all(article, quotes=[(1, article.index('"', 1))])
    quote = [r for r in results if r.kind == "quote"][0]
    assert quote.link is not None and quote.link.fidelity.kind == "trimmed"
    # the figures' pass (the 2021 inside the quote) and the quotes' pass share one location
    assert calls == ["The ratio has not changed significantly since 2021,"]


# -- quote fidelity -----------------------------------------------------------------------


@pytest.mark.parametrize("quoted, source, kind", [
    ("\u201cICE must take immediate action\u2014now.\u201d", '"ICE must take immediate action - now."', "verbatim"),
    ("Our estimates are only as good as the information we get,",
     "Our estimates are only as good as the information we get, and we get a lot.", "trimmed"),
    ("response rates \u2026 have been lower in recent years",
     "response rates at the time of first publication have been lower in recent years", "ellipsis"),
    ("[FEMA remains] committed to ensuring aid reaches survivors.",
     "We remain committed to ensuring aid reaches survivors.", "bracketed_edit"),
    ("Without an ability to monitor [them], ICE has no assurance.",
     "Without an ability to monitor UCs, ICE has no assurance.", "bracketed_edit"),
    ("[VA] risks repeating the problems that stalled earlier efforts.",
     "Until VA implements our open recommendations, it risks repeating the problems that stalled earlier efforts.",
     "bracketed_edit"),
    ("occurred mainly in health care, construction and social assistance.",
     "Job gains occurred in health care, construction, and social assistance.", "altered"),
    ("contrary to FEMA's own procedures.", "In 110 cases, caseworkers acted contrary to FEMA's own procedures.[3]",
     "verbatim"),
    # an en dash joining two words is a compound's hyphen, as the article types it
    ("a risk among patients in backyard poultry-associated outbreaks",
     "a risk among patients in backyard poultry\u2013associated outbreaks", "verbatim"),
    ("prices rose in 2019 - 2023", "prices rose in 2019\u20132023", "verbatim"),
])
def test_fidelity_kinds(quoted, source, kind):
    assert quote_fidelity(quoted, source).kind == kind


def test_a_quote_across_a_page_break_is_compared_without_the_pages_furniture():
    source = ("which left\nPage 12 GAO-24-106389 Disaster Loans\n\fresidents at risk of harm from fire and "
              "structural hazards.")
    assert quote_fidelity("which left residents at risk of harm from fire and structural hazards.",
                          source).kind == "verbatim"
    # a superscript footnote number that a PDF's text gives as plain digits is no word of the quote
    assert quote_fidelity("ICE cannot monitor these procedures. We found gaps.",
                          "ICE cannot monitor these procedures.3 We found gaps.").kind == "verbatim"
    # the words of the text itself are still compared: a dropped word is seen
    assert quote_fidelity("which left residents at risk of harm from fire hazards.", source).kind != "verbatim"


def test_a_quote_cut_by_an_ellipsis_is_found_across_the_sentence_left_out():
    statement = ('"Burying a veteran is hard enough. Families who have just lost a loved one should not have to\n'
                 "navigate a maze of forms, phone trees, and unanswered letters, and they should not have to wait\n"
                 'months for an answer. No surviving spouse should have to fight VA for a $2,000 check," said the '
                 "group's legislative director.")
    quote = "Burying a veteran is hard enough ... No surviving spouse should have to fight VA for a $2,000 check,"
    lk = DocumentIndex("vfan", statement, primary=False).locate_quote(quote)
    assert lk is not None and lk.fidelity.kind == "ellipsis"
    assert "Families who have just lost" in lk.fidelity.explain()
    # without the ellipsis the same words are a quote that skips a sentence unmarked: not found as one
    assert DocumentIndex("vfan", statement).locate_quote(quote.replace(" ...", "")) is None


def test_fidelity_explains_alterations_word_by_word():
    f = quote_fidelity("ICE has no information on their whereabouts.",
                       "ICE has limited information on their whereabouts.")
    assert f.kind == "altered" and 0 < f.similarity < 1
    assert [d.op for d in f.diffs] == ["equal", "replace", "equal"]
    assert f.explain().startswith("altered (similarity 0.86): 'limited' in the source reads 'no' in the article")


def test_fidelity_to_dict_is_json_safe():
    import json

    f = quote_fidelity("a b c", "x a b c")
    assert json.loads(json.dumps(f.to_dict()))["kind"] == "verbatim"  # lower-case start: a fragment


words = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=6), min_size=3, max_size=25)


@settings(max_examples=200, deadline=None)
@given(words)
def test_a_sentence_is_verbatim_to_itself(ws):
    text = " ".join(ws)
    f = quote_fidelity(text, text)
    assert f.kind == "verbatim" and f.similarity == 1.0 and not f.dropped_leading


@settings(max_examples=200, deadline=None)
@given(words, st.data())
def test_a_contiguous_run_is_verbatim_or_trimmed(ws, data):
    source = " ".join(["Start"] + ws) + "."
    i = data.draw(st.integers(0, len(ws) - 2))
    j = data.draw(st.integers(i + 2, len(ws)))
    quoted = " ".join(ws[i:j]).capitalize()
    f = quote_fidelity(quoted, source)
    assert f.kind in ("verbatim", "trimmed") and f.similarity == 1.0
    assert isinstance(f, Fidelity) and f.dropped_leading.split()[:1] == ["Start"]


@settings(max_examples=100, deadline=None)
@given(words)
def test_located_quote_spans_lie_in_the_document(ws):
    doc = "Preface text here. " + " ".join(ws) + ". Closing words follow."
    lk = DocumentIndex("d", doc).locate_quote(" ".join(ws))
    if lk is not None:
        assert isinstance(lk, QuoteLink)
        lk.span.check(doc)
        assert lk.passage is not None and lk.passage.start <= lk.span.start


# -- reading numbers the way documents write them -------------------------------------------


def test_rounding_is_read_at_the_article_figures_precision():
    doc = ("Provisional data show 71,905 deaths in the 12 months ending August 2025.\n\n"
           "Table 2. Deaths by year\n\nYear        Deaths\n2019        70,630\n2020        93,331\n")
    lk = one_link(doc, "about 71,000", "In 2019, annual deaths were about 71,000.")
    assert lk is not None and lk.quantity_text == "70,630" and lk.relation == "rounded"
    # "more than 451,000" is not 452,000: a writer would have said "more than 452,000"
    assert one_link("ICE transferred more than 452,000 UCs to HHS.", "more than 451,000",
                    "ICE transferred more than 451,000 UCs to HHS.") is None
    # nor is a precise article figure read off a rounder one
    assert one_link("Coverage was 95% in the county.", "95.2%", "Coverage was 95.2% in the county.") is None


def test_table_cells_take_the_unit_of_their_column():
    doc = ("Table 2.\nReceipts, October-November\nBillions of Dollars\n\n"
           "Major Source                  FY 2025      FY 2026     Percent Change\n"
           "Corporate Income Taxes             12           18               50.0\n"
           "Customs Duties                     14           37              164.3\n")
    lk = one_link(doc, "$14 billion", "Customs duties brought in $37 billion, up from $14 billion a year earlier.")
    assert lk is not None and lk.quantity_text == "14" and lk.relation == "verbatim"
    pct = one_link(doc, "50%", "Corporate income tax receipts rose 50%.")
    assert pct is not None and pct.quantity_text == "50.0"


@pytest.mark.parametrize("doc, phrase, sentence, cell", [
    # a column head on the first line of the table's block
    ("In February, the union surveyed its members who work in field offices.\n\n"
     "Survey item (field office members, February 2026)                      Percent answering yes\n"
     "Worked through a break or lunch to serve visitors in the past month           68\n"
     "Considering leaving SSA within the next year                                  44\n\n"
     "Source: member survey, February 2-20, 2026.",
     "44%", "In the union survey, 44% of members said they were considering leaving the agency.", "44"),
    # a "pct. change" column
    ("Table 1. Consumer Price Index, July 2026\n\n"
     "                                      Unadjusted indexes    Unadjusted\n"
     "                                      Jul.       Jul.       pct. change\n"
     "Expenditure category                  2025       2026       Jul. 2025-Jul. 2026\n\n"
     "Dairy and related products            265.380    271.218        2.2\n"
     "Fruits and vegetables                 341.002    344.713        1.1\n",
     "2.2%", "Dairy prices rose 2.2% over the year.", "2.2"),
])
def test_a_column_head_gives_its_cells_their_unit(doc, phrase, sentence, cell):
    lk = one_link(doc, phrase, sentence)
    assert lk is not None and lk.quantity_text == cell and lk.relation == "verbatim"


def test_a_column_of_rates_holds_percents_unless_the_table_says_per_how_many():
    doc = ("Table 1. Job openings levels and rates by industry, seasonally adjusted\n\n"
           "                               Levels (in thousands)        Rates\n"
           "Industry                       Feb. 2026   Mar. 2026   Feb. 2026   Mar. 2026\n"
           "Health care and social assist.     1,449       1,331         5.9         5.5\n"
           "Construction                         312         248         3.8         3.1\n")
    lk = one_link(doc, "5.5%", "The openings rate for health care fell to 5.5% in March.")
    assert lk is not None and lk.quantity_text == "5.5" and lk.relation == "verbatim"
    # a level is no percent however its column group reads
    assert one_link(doc, "248%", "Construction openings rose 248%.") is None
    mmwr = ("Table. Suspected cases and rate per 100,000 population, by state, 2025\n\n"
            "State                 No.        Rate\n"
            "Kentucky            3,412        74.8\n"
            "Arkansas            2,187        71.5\n")
    assert one_link(mmwr, "74.8%", "In Kentucky, 74.8% of tests were positive.") is None
    rate = one_link(mmwr, "74.8 per 100,000", "Kentucky's rate was 74.8 per 100,000 residents.")
    assert rate is not None and rate.quantity_text == "74.8"


def test_a_passage_using_a_defined_acronym_speaks_of_the_words_it_stands_for():
    doc = ("Heat-related emergency department (ED) visits are tracked by the National Syndromic "
           "Surveillance Program (NSSP). The program began in 2003.\n\n"
           "During the study period, 112 of 128 EDs in the state contributed data to NSSP. "
           "Of 3,418 visits, 1,247 were made by outdoor workers.\n")
    lk = one_link(doc, "112 of 128", "The report drew on 112 of 128 emergency departments.")
    assert lk is not None and lk.quantity_text == "112 of 128" and lk.relation == "verbatim"
    # the acronym alone is read so: a document that never spells it out gives it no meaning
    bare = doc.replace("emergency department (ED)", "ED")
    assert one_link(bare, "112 of 128", "The report drew on 112 of 128 emergency departments.") is None


def test_a_year_alone_is_linked_where_the_same_word_leads_it():
    doc = ("In 2012, the country recorded 334 congenital syphilis cases.\n\n"
           "Reported congenital syphilis cases have increased each year since 2012, in parallel with "
           "increases in primary and secondary syphilis among women.\n")
    article = "Reported syphilis cases have increased every year since 2012, the authors noted."
    lk = links_in(Linker({"mmwr": doc}), article)["2012"]
    assert lk is not None and lk.span.start == doc.rindex("2012")
    # a statement of the year after another word is not enough on its own
    assert links_in(Linker({"mmwr": doc.replace("since 2012", "from 2012 on")}), article)["2012"] is None
    # nor is a secondary document's
    assert links_in(Linker([DocumentIndex("group", doc, primary=False)]), article)["2012"] is None


def test_a_small_count_alone_is_linked_where_the_document_counts_the_same_noun():
    doc = ("We reviewed six facilities and 240 patient records from fiscal year 2024.\n\n"
           "The Facility Director concurred with all six recommendations and provided acceptable action plans.\n")
    article = "Medical center director Karen Delacroix-Abbott agreed with all six recommendations."
    lk = links_in(Linker({"oig": doc}), article)["six"]
    assert lk is not None and lk.span.start == doc.rindex("six") and lk.score >= 0.5
    # not when the document counts that noun with another small number too
    other = doc + "\nAn earlier review made three recommendations to the network.\n"
    assert links_in(Linker({"oig": other}), article)["six"] is None
    # nor in a secondary document
    assert links_in(Linker([DocumentIndex("group", doc, primary=False)]), article)["six"] is None


def test_a_year_beside_a_table_cell_is_read_in_the_tables_heads():
    doc = ("Households spent more on shelter and less on apparel. Spending rose in most categories, and "
           "healthcare grew fastest of all among the major components of the budget.\n\n"
           "Table A. Average annual expenditures of all consumer units, 2023 and 2024\n\n"
           "Item                               2023 ($)      2024 ($)    Percent change\n"
           "Average annual expenditures          76,440        80,120             4.8\n"
           "Healthcare, share of total (%)          8.0           8.2             2.5\n")
    article = "Health care now takes about 8.2% of the average budget, up from 8.0% in 2023."
    lk = links_in(Linker({"bls": doc}), article)["2023"]
    assert lk is not None and doc.index("2023") <= lk.span.start < doc.index("Average annual expenditures  ")


def test_a_part_of_a_count_of_days_is_a_number_of_days():
    doc = ("At FCI Marrowfield, non-custody staff were assigned to officer posts on 291 of the 366 days "
           "in fiscal year 2024. Officials at 5 of the 7 institutions we visited said so.\n")
    lk = one_link(doc, "291 days", "The prison pulled teachers onto officer posts on 291 days of the year.")
    assert lk is not None and lk.quantity_text == "291 of the 366" and lk.relation == "verbatim"
    # a part of something else is no number of days
    assert one_link(doc, "5 days", "The prison was locked down for 5 days.") is None


def test_an_adverb_is_read_as_the_word_it_is_made_from():
    doc = ("Among adults in Kentucky, the rate was 10.1 per 100,000 in 2021.\n\n"
           "In 2025, the rate was 10.1 per 100,000 nationally.\n")
    lk = one_link(doc, "about 10 per 100,000", "The national rate was about 10 per 100,000.")
    assert lk is not None and lk.relation == "rounded" and lk.span.start == doc.rindex("10.1")


def test_rows_under_a_group_label_keep_the_tables_column_heads():
    doc = ("Table 2. States With the Largest Percentage Changes in Total Tax Collections\n"
           "(Amounts in thousands of dollars)\n\n"
           "                         Fiscal year    Fiscal year    Percent\n"
           "State                           2024           2023     change\n\n"
           "Largest increases\n"
           "Idaho                      7,011,934      6,559,345        6.9\n"
           "Utah                      11,902,771     11,261,022        5.7\n"
           "South Carolina            14,710,505     13,996,670        5.1\n"
           "Tennessee                 21,988,406     21,014,877        4.6\n"
           "Colorado                  19,873,904     19,205,611        3.5\n\n"
           "Largest decreases\n"
           "Alaska                     1,602,418      1,762,770       -9.1\n"
           "Nebraska                   7,315,640      7,502,116       -2.5\n")
    linker = Linker({"census": doc})
    fell = links_in(linker, "Nebraska's tax collections fell 2.5% in fiscal 2024.")["2.5%"]
    assert fell is not None and fell.quantity_text == "-2.5" and fell.relation == "verbatim"
    rose = links_in(linker, "Colorado's tax collections rose 3.5% in fiscal 2024.")["3.5%"]
    assert rose is not None and rose.quantity_text == "3.5"


def test_a_thousands_column_is_not_matched_at_face_value():
    doc = ("Table A. Household data (numbers in thousands)\n\n"
           "Category                      July        August\n"
           "Civilian labor force        168,100       168,421\n")
    assert one_link(doc, "168,000", "In 2024, employers added an average of 168,000 jobs a month.") is None
    lk = one_link(doc, "168.4 million", "The labor force stood at 168.4 million in August.")
    assert lk is not None and lk.quantity_text == "168,421"


def test_a_caption_above_column_heads_that_fill_the_window_still_scales_the_cells():
    heads = ("                                   Quits                          Layoffs and discharges\n"
             "                                   ---------------------------    ---------------------------\n"
             "Industry                           Level   Rate   Over-the-year   Level   Rate   Over-the-year\n"
             "                                                  change                         change\n")
    doc = ("Table A. Quits by industry, March 2026\n(levels in thousands)\n\n" + heads +
           "Total nonfarm                      3,060    1.9      -214         1,780    1.1       163\n"
           "Manufacturing                        171    1.3       -22           118    0.9        22\n")
    sentence = "Total nonfarm layoffs and discharges rose by 163,000 over the year to 1.78 million in March."
    lk = one_link(doc, "1.78 million", sentence)
    assert lk is not None and lk.quantity_text == "1,780" and lk.relation == "verbatim"
    # without the caption the cells are read at face value only
    assert one_link(doc.replace("(levels in thousands)", "(seasonally adjusted)"), "1.78 million", sentence) is None


def test_a_rate_matches_a_figure_whose_base_is_given_once():
    doc = "The suicide rate for females aged 10-14 increased from 0.9 per 100,000 in 2004 to 2.1 in 2024."
    lk = one_link(doc, "2.1 per 100,000", "The rate for girls aged 10 to 14 reached 2.1 per 100,000 in 2024.")
    assert lk is not None and lk.quantity_text == "2.1"


def test_a_date_matches_either_end_of_a_date_range():
    doc = "The population grew by 2,745,331 between July 1, 2024, and July 1, 2025, reaching 342,870,561."
    linker = Linker({"doc": doc})
    article = "The U.S. population reached 342,870,561 on July 1, an increase of about 2.7 million."
    links = links_in(linker, article)
    assert links["July 1"] is not None and links["July 1"].relation == "verbatim"


def test_a_multiplier_is_derived_from_two_figures():
    doc = ("Overtime spending at the facility rose from $5.1 million in fiscal year 2022 to $9.7 million in "
           "fiscal year 2024, the audit found.")
    linker = Linker({"doc": doc})
    article = "Overtime spending nearly doubled in two years, to $9.7 million, the audit found."
    links = links_in(linker, article)
    lk = links["nearly doubled"]
    assert lk is not None and lk.relation == "derived" and "$9.7 million / $5.1 million" in lk.formula


def test_years_follow_the_figure_they_scope():
    doc = ("Overdose deaths in 2023 were the highest ever recorded in the United States.\n\n"
           "In 2024, 79,384 people died, a decrease from 103,412 in 2023.")
    linker = Linker({"nchs": doc})
    article = "Overdose deaths in the United States fell to 79,384 in 2024 from 103,412 in 2023."
    links = links_in(linker, article)
    passage = links["79,384"].passage
    assert links["2023"] is not None and links["2023"].passage == passage
    # a year beside a figure no document holds is absent, even where the year occurs
    alone = {r.text: r.link for r in linker.link_all(
        "Overdose deaths in the United States peaked at about 111,000 in 2023, researchers said.")}
    assert alone["about 111,000"] is None and alone["2023"] is None


def test_a_headline_figure_follows_its_restatement():
    doc = "For nine disasters, GAO identified potentially duplicate payments totaling about $97.6 million."
    linker = Linker({"gao": doc})
    article = ("Watchdog: FEMA lost nearly $100 million\n\nThe agency disputes the findings.\n\n"
               "Auditors found potentially duplicate payments totaling $97.6 million across nine disasters.")
    links = links_in(linker, article)
    assert links["$97.6 million"] is not None
    assert links["nearly $100 million"] is not None and links["nearly $100 million"].relation == "rounded"


def test_a_headline_share_in_words_follows_a_percent_the_story_gives():
    doc = ("Results. The four servicers processed 612,340 forms during our audit period and denied 368,130 of "
           "them, a denial rate of 60.1 percent.\n\nTable 1. Forms by servicer\n\n"
           "Servicer        Forms      Denied (percent)\nMeridian      126,930      58.5\n\n"
           "Timeliness. In 2024, 61.2 percent of applicants waited more than 90 days for a decision.\n\n"
           "Deadlines. Servicers met 59.7 percent of the department's response deadlines.")
    article = ("Watchdog: 3 in 5 borrowers rejected\n\n"
               "The four loan servicers denied 60.1% of the forms they processed, the inspector general found.")
    links = links_in(Linker({"oig": doc}), article)
    assert links["60.1%"] is not None
    assert links["3 in 5"] is not None and links["3 in 5"].passage == links["60.1%"].passage


def test_a_headline_year_follows_the_same_year_restated_in_the_story():
    doc = ("Levee ratings\n\nThe Keller Falls levee system, which protects about 1,900 homes, has been rated "
           "unacceptable since its 2014 periodic inspection.\n\nFunding\n\nIn 2014 the program had 412 staff.")
    article = ("Local senator proposes loan fund for a levee failing since 2014\n\nThe report singled out the Keller Falls "
               "levee, which protects about 1,900 homes and has been rated unacceptable since its 2014 inspection.")
    results = Linker({"gao": doc}).link_all(article)
    head, story = [r.link for r in results if r.text == "2014"]
    assert story is not None and head is not None and head.span == story.span


def test_a_direct_statement_beats_a_derivation_and_a_doubtful_rounding_does_not():
    doc = ("As of January 2024, FEMA had recovered $12.1 million of the $97.6 million in duplicate payments.\n\n"
           "Separately, 12.1 percent of applicants appealed their award.")
    linker = Linker({"gao": doc})
    article = "FEMA had recovered about $12 million, or roughly 12% of the $97.6 million, as of January 2024."
    links = links_in(linker, article)
    assert links["roughly 12%"].relation == "derived" and "$12.1 million / $97.6 million" in links["roughly 12%"].formula
    stated = {r.text: r.link for r in Linker({"gao": "FEMA recovered 12 percent of the duplicate payments."})
              .link_all("FEMA recovered roughly 12% of the duplicate payments.")}
    assert stated["roughly 12%"].relation == "rehedged"


def test_issuers_match_sources_by_name_acronym_or_role():
    from claimgraph.credit import _names_match

    issuer = "U.S. Department of Homeland Security, Office of Inspector General (DHS OIG)"
    assert _names_match(issuer, "the DHS OIG report")
    assert _names_match(issuer, "U.S. Department of Homeland Security\u2019s Inspector General")
    assert _names_match("U.S. Government Accountability Office", "GAO")
    assert not _names_match(issuer, "TRAC (Transactional Records Access Clearinghouse), Syracuse University")
    assert not _names_match("VA Office of Inspector General (VA IG)", "the DHS IG")  # "IG" alone names no office


def test_add_document_file_credits_the_issuer_and_who_speaks_for_it(tmp_path):
    from claimgraph.graphlink import add_document_file
    from claimgraph.model import Source

    path = tmp_path / "alert.txt"
    path.write_text("TITLE:   Alert\nISSUING BODY:  DHS Office of Inspector General (DHS OIG)\n"
                    "DATE:    August 19, 2024\n==========\nICE transferred more than 448,000 UCs.", encoding="utf-8")
    graph = claimgraph.draft("Inspector General Joseph Cuffari said ICE transferred more than 448,000 children.")
    graph.add_source(Source(id="cuffari", name="Joseph Cuffari", kind="person", role="DHS Inspector General"))
    doc = add_document_file(graph, path)
    issuer = graph.source(doc.source)
    assert issuer.kind == "government_body" and doc.date == "2024-08-19"
    assert graph.source("cuffari").affiliation == issuer.id


def test_links_name_the_section_they_are_in():
    doc = ("What GAO Found\n\nFEMA made 41,372 potentially duplicate payments totaling about $97.6 million.\n\n"
           "Background\n\nFEMA disbursed $4.86 billion in individual assistance for the nine disasters.")
    linker = Linker({"gao": doc})
    links = {r.text: r.link for r in linker.link_all(
        "FEMA made 41,372 duplicate payments out of $4.86 billion disbursed for the disasters.")}
    assert links["41,372"].section == "What GAO Found" and links["$4.86 billion"].section == "Background"
    assert links["41,372"].to_dict()["section"] == "What GAO Found"


def test_a_change_from_one_level_to_another_links_both_levels():
    doc = ("The number of loan specialists fell from 641 in fiscal year 2019 to 512 in fiscal year 2024, while "
           "the average number of pending applications per specialist rose from 27 to 42. The average time to "
           "a decision rose from 48 days in fiscal year 2019 to 97 days in fiscal year 2024.")
    linker = Linker({"gao": doc})
    article = ("Caseloads have jumped from 27 pending applications per specialist to 42, GAO said. "
               "The average wait rose to 97 days in fiscal year 2024, up from 48 days.")
    links = links_in(linker, article)
    for figure in ("27", "42", "97 days", "48 days"):
        assert links[figure] is not None and links[figure].relation == "verbatim", figure
        assert links[figure].quantity_text.startswith(figure.split()[0])


def test_a_one_sided_share_in_words_is_not_read_off_the_far_side():
    doc = "Coverage\n\nShare of workers with access to medical care benefits: 100.0 percent of union workers."
    linker = Linker({"bls": doc})
    article = "Nearly 9 in 10 union workers have access to medical care benefits."
    assert links_in(linker, article)["Nearly 9 in 10"] is None
    under = links_in(Linker({"bls": doc.replace("100.0", "87.0")}), article)
    assert under["Nearly 9 in 10"] is not None and under["Nearly 9 in 10"].relation == "rounded"


def test_percent_more_than_a_stated_figure_is_derived_as_a_change():
    doc = ("Private industry employer costs averaged $45.65 per hour worked in June 2025.\n\n"
           "State and local government employer costs averaged $63.87 per hour worked.")
    linker = Linker({"bls": doc})
    article = ("Private employers paid $45.65 an hour. State and local governments paid $63.87, about 40% more, "
               "largely because of richer pension plans.")
    assert derived_formula(linker, article, "about 40%").startswith("($63.87 - $45.65) / $45.65")


def test_a_multiplier_uses_the_figures_stated_beside_the_articles():
    doc = ("Current nicotine pouch use increased from 0.6% in 2021 and 1.2% in 2024 to 1.8% in 2025.\n\n"
           "E-cigarettes were used by 1.58 million students, and nicotine pouches by 480,000.")
    linker = Linker({"mmwr": doc})
    article = ("About 1.58 million students vape. Use of nicotine pouches jumped 50% in a single year, to 1.8% "
               "of students, and has tripled since 2021.")
    links = links_in(linker, article)
    assert links["tripled"] is not None and links["tripled"].formula.startswith("1.8% / 0.6%")
    assert links["50%"] is not None and links["50%"].formula.startswith("(1.8% - 1.2%) / 1.2%")


def test_a_share_that_is_made_up_of_something_is_not_a_change():
    from claimgraph.context import _has_cue

    assert not _has_cue("Employers paid $47.92 an hour per worker, and benefits ate up nearly a third")
    assert not _has_cue("Wages made up about two-thirds of the bill")
    assert _has_cue("Sales were up 4% from a year earlier")
    assert _has_cue("Spending rose to $80,120")


def test_a_number_of_years_is_the_span_between_the_years_of_its_figures_passage():
    doc = ("Staffing\n\nThe number of loan specialists declined by 129, or 20 percent, from fiscal year 2019 "
           "through fiscal year 2024.\n\nOvertime rose from $5.1 million in FY 2022 to $9.7 million in FY 2024.")
    linker = Linker({"gao": doc})
    article = ("The agency has lost 129 loan specialists over five years. Overtime spending reached "
               "$9.7 million, up from $5.1 million two years earlier.")
    links = links_in(linker, article)
    five = links["over five years"]
    assert five is not None and five.relation == "derived" and five.formula == "2024 - 2019 = 5 years"
    two = links["two years"]
    assert two is not None and two.formula == "FY 2024 - FY 2022 = 2 years"
    # a span the passage does not give is not made up (six would count both end years)
    alone = links_in(linker, "The agency has lost 129 loan specialists over eight years.")
    assert alone["over eight years"] is None


_WAIVER_TABLE = ("Table 2. Enlistment contracts with a waiver, fiscal years 2021-2025\n\n"
                 "Fiscal year     Waivers     Enlistments     Percent with waiver\n"
                 "FY 2021           6,880          52,400                    13.1\n"
                 "FY 2023           7,918          50,100                    15.8\n"
                 "FY 2024           9,805          55,720                    17.6\n"
                 "FY 2025          11,742          61,280                    19.2\n")


@pytest.mark.parametrize("doc, article, figure, formula, passage", [
    # the span of a range of dates the figures' passage gives
    ("The number of county households receiving SNAP benefits rose 22 percent between December 2023 "
     "and November 2025, from 1,840 households to 2,245.\n\nCaseworkers now carry an average of 190 "
     "active cases each, compared with about 130 two years ago.",
     "Census figures also show 2,245 county households now receive SNAP benefits, up from 1,840 two years ago.",
     "two years", "2025 - 2023 = 2 years", "The number of county households"),
    # from the figure's table row, labelled by a year, to the row of the same table n years before
    (_WAIVER_TABLE, "The Army granted 11,742 enlistment waivers in fiscal 2025, far more than two years earlier.",
     "more than two years", "FY 2025 - FY 2023 = 2 years", "FY 2025"),
    # "N years earlier" beside a passage giving one year: the year N years on, where the report states it
    ("As of September 30, 2025, FSIS had filled 6,412 of its 7,245 in-plant inspection positions.\n\n"
     "The Des Moines District had the most vacancies. The national vacancy rate of 11.5 percent was higher "
     "than the 8.2 percent rate at the end of fiscal year 2021.",
     "The agency had a vacancy rate of 11.5%. That is up from 8.2% four years earlier.",
     "four years", "2025 - 2021 = 4 years", "The national vacancy rate"),
])
def test_a_number_of_years_spans_the_years_its_figures_passage_gives(doc, article, figure, formula, passage):
    span = links_in(Linker({"doc": doc}), article)[figure]
    assert span is not None and span.relation == "derived" and span.formula == formula
    assert span.passage.of(doc).startswith(passage)


def test_a_number_of_years_is_not_made_up_from_a_table_row_no_row_is_labelled_with():
    article = "The Army granted 11,742 enlistment waivers in fiscal 2025, far more than three years earlier."
    assert links_in(Linker({"dodig": _WAIVER_TABLE}), article)["more than three years"] is None


def test_years_ago_count_back_from_the_documents_own_date():
    statement = ("STATEMENT OF THE ORGAN WAITLIST FAMILIES COALITION\n\nMarch 11, 2026\n\n"
                 "Families waiting for a transplant deserve to know when an organ offer is turned down on their "
                 "behalf. Today's report confirms what our members have told us for years.\n\n"
                 "In a January survey of 1,240 members, 71 percent said no one had ever told them how many offers "
                 "their program declined. We urge the Department to require programs to notify patients within 30 "
                 "days of each declined offer.\n\n"
                 "About the coalition: the Organ Waitlist Families Coalition was founded in 2011 by families of "
                 "patients on the national waiting list. It represents candidates, recipients and donor families "
                 "in 38 states.")
    article = ("The Organ Waitlist Families Coalition, founded 15 years ago and active in nearly 40 states, "
               "said most members were never told how many offers were declined.")
    lk = links_in(Linker({"owfc": statement}), article)["15 years"]
    assert lk is not None and lk.relation == "derived" and lk.formula == "March 11, 2026 - 2011 = 15 years"
    assert lk.passage.of(statement).startswith("About the coalition: the Organ Waitlist Families Coalition")
    # a document that gives no date of its own does not say when "ago" is
    undated = statement.replace("March 11, 2026\n\n", "")
    assert links_in(Linker({"owfc": undated}), article)["15 years"] is None
    from claimgraph.yearspans import own_date

    assert own_date(DocumentIndex("x", "AUDIT REPORT\nDate Issued: September 23, 2025\n\nThe programs "
                                       "expired on September 6, 2021.")).q.text == "September 23, 2025"


def test_a_number_of_years_spans_the_dates_of_its_figures_passage_before_a_statement_elsewhere():
    gao = DocumentIndex("gao", "Waiting lists\n\nIn Kentucky, the number of children on the waiting list grew from "
                               "3,920 in September 2023 to 14,870 in September 2025.\n\nRates\n\nKentucky pays "
                               "centers less than the market rate.")
    providers = DocumentIndex("providers", "Kentucky child care providers have waited two years for a rate "
                                           "increase from the state.", primary=False)
    links = links_in(Linker([gao, providers]),
                     "The Kentucky waiting list for child care aid grew from 3,920 children to 14,870 in two years.")
    two = links["two years"]
    # the span between the dates of the figures' passage, not the providers' unrelated "two years"
    assert (two.document, two.formula) == ("gao", "September 2025 - September 2023 = 2 years")


def test_a_number_of_years_may_count_both_end_years_of_its_figures_passage():
    doc = ("Payments\n\nWe estimate that the remaining difference resulted in $38.2 billion in additional payments "
           "to plans in 2024. From 2020 through 2024, the additional payments totaled $133.9 billion.\n\n"
           "Broadband\n\nGAO identified 41 federal programs that could fund broadband deployment in fiscal years "
           "2021 through 2025. Together, these programs obligated $61.8 billion for deployment over that period.")
    links = links_in(Linker({"gao": doc}), "The extra payments came to $133.9 billion over the five years GAO "
                                           "studied. Programs obligated $61.8 billion over the five fiscal years.")
    assert links["five years"].formula == "2024 - 2020 + 1 = 5 years"
    # the years are in the sentence before the one the sibling figure was linked to
    assert links["five fiscal years"].formula == "2025 - 2021 + 1 = 5 years"
    # counting both end years gives way to a statement of the number of years
    statement = DocumentIndex("coalition", "The extra payments the plans got over the five years GAO studied are a "
                                           "scandal, the coalition said.", primary=False)
    both = links_in(Linker([DocumentIndex("gao", doc), statement]),
                    "The extra payments came to $133.9 billion over the five years GAO studied.")
    assert both["five years"].document == "coalition" and both["five years"].relation == "verbatim"


def test_a_period_over_years_is_stated_as_written():
    links = links_in(Linker({"gao": "GAO reviewed 18,946 loans SBA approved in three fiscal years."}),
                     "Nearly 19,000 loans the SBA approved over three fiscal years carried signs of fraud.")
    assert links["over three fiscal years"].relation == "verbatim"


def test_a_share_in_words_follows_the_exact_figure_it_restates():
    mmwr = "Frequent use (20 or more of the past 30 days) was reported by 38.4% of current e-cigarette users."
    release = "Nearly 4 in 10 young vapers use e-cigarettes on at least 20 of the past 30 days, the agencies said."
    linker = Linker({"mmwr": mmwr, "release": release})
    article = "More than a third of young vapers – 38.4% – use e-cigarettes on at least 20 of the past 30 days."
    links = links_in(linker, article)
    assert links["38.4%"].document == "mmwr"
    third = links["More than a third"]
    assert third is not None and third.document == "mmwr" and third.relation == "rounded"


def test_an_article_naming_the_issuer_prefers_that_document():
    gao = "Of the 12 states we reviewed, six states had not finished their modernization projects."
    chair = "Six states had not finished their modernization projects, the chairman noted."
    article = "Six states had not finished modernization projects, GAO found."
    issuers = {"gao": "U.S. Government Accountability Office", "chair": "House Committee on Veterans' Affairs"}
    plain = Linker([DocumentIndex(d, t) for d, t in (("gao", gao), ("chair", chair))])
    named = Linker([DocumentIndex(d, t, issuer=issuers[d]) for d, t in (("gao", gao), ("chair", chair))])
    assert named.indexes[0].credited_in(article) and not named.indexes[1].credited_in(article)
    assert named.indexes[1].credited_in("The House Committee on Veterans' Affairs said so.")
    six = links_in(named, article)["Six"]
    assert six is not None and six.document == "gao"
    # the credit is what decides: without issuers the other passage, closer in wording, wins
    assert links_in(plain, article)["Six"].document == "chair"


def test_a_spelled_out_name_credits_a_document_its_acronym_names():
    ix = DocumentIndex("vsrr", "Deaths fell 21.4 percent.", issuer="CDC National Center for Health Statistics")
    assert ix.credited_in("according to figures the Centers for Disease Control and Prevention released")
    assert not ix.credited_in("according to the Census Bureau")


def test_a_percent_of_a_counted_share_is_derived_from_it():
    doc = "GAO found that 217 of the 572 grant-funded projects were behind schedule as of March 2025."
    linker = Linker({"gao": doc})
    links = links_in(linker, "About 38% of grant-funded projects were behind schedule.")
    lk = links["About 38%"]
    assert lk is not None and lk.relation == "derived" and lk.formula == "217 of the 572 = 217 / 572 = 37.94%"
    assert lk.operands == (("gao", lk.span),)
    # a share the document states in words is the same share, rounded, not a computation
    words = Linker({"gao": "GAO found that one in seven projects was behind schedule."})
    lk = links_in(words, "About 14% of projects were behind schedule.")["About 14%"]
    assert lk is not None and lk.relation == "rounded"


def test_a_measured_duration_is_a_figure_not_a_time_scope():
    doc = ("Processing Times\n\nThe average processing time for home disaster loan applications was 47 days, "
           "against the 21-day goal.\n\nThe review covered 4 regional offices.")
    linker = Linker({"oig": doc})
    links = links_in(linker, "An inspector general's audit found homeowners waited 47 days on average for a "
                             "decision, and the agency cannot say whether $96.2 million went to people already paid "
                             "for the same damage.")
    assert links["47 days"] is not None and links["47 days"].quantity_text == "47 days"
    # a small number of days is not any bare number of the document
    assert links_in(linker, "Crews took four days to reach the town.")["four days"] is None


def test_a_duration_in_other_units_is_read_through_the_conversion():
    doc = ("Inspections\n\nThe authority did not inspect 418 units within the required 24-month period.\n\n"
           "The average time to a loan decision rose to 97 days in fiscal year 2024.")
    linker = Linker({"oig": doc})
    links = links_in(linker, "Inspectors missed 418 units that were due within the required two years. "
                             "The average time to a loan decision rose to more than three months in fiscal year 2024.")
    two = links["two years"]
    assert two is not None and two.relation == "derived" and two.formula == "24-month = 2 years"
    months = links["more than three months"]
    assert months is not None and months.relation == "derived" and months.formula == "97 days = 3.19 months"
    # a conversion that does not come out is no match
    assert links_in(linker, "The average time to a loan decision rose to about five months in fiscal year 2024."
                    )["about five months"] is None


def test_a_body_is_credited_by_words_of_attribution_not_by_being_named():
    ix = DocumentIndex("pbha", "Owners of all 51 homes have made repairs.", issuer="Prairie Bend Housing Authority")
    assert not ix.credited_in("Auditors inspected 72 homes the Prairie Bend Housing Authority had approved.")
    assert ix.credited_in("The Prairie Bend Housing Authority said owners of all 51 homes made repairs.")
    assert ix.credited_in("According to the Prairie Bend Housing Authority, 51 homes were repaired.")


def test_a_quote_is_located_by_the_speakers_words_not_the_writers_brackets():
    doc = ("About 1.1 million households heat with heating oil, most of them in the Northeast. \"Those households "
           "are the exception this year, because lower crude oil prices are offsetting the colder weather,\" "
           "the administrator said.")
    quote = "[Heating oil] households are the exception this year, because lower crude oil prices are offsetting"
    lk = Linker({"eia": doc}).link_quote(quote)
    assert lk is not None and lk.fidelity.kind == "bracketed_edit"
    assert doc[lk.span.start:lk.span.end].startswith("households are the exception")


def test_a_multiple_of_a_duration_is_derived_from_the_two_durations():
    doc = ("Processing Times\n\nThe average processing time for home disaster loan applications was 47 days, "
           "against the 21-day goal set in 2019.\n\nThe review covered 61,842 applications.")
    linker = Linker({"oig": doc})
    links = links_in(linker, "Applicants waited an average of 47 days for a decision, more than twice the "
                             "agency's 21-day goal.")
    lk = links["more than twice"]
    assert lk is not None and lk.relation == "derived" and lk.formula.startswith("47 days / 21-day")


def test_a_difference_of_a_thousands_columns_cells_is_read_at_their_scale():
    doc = ("Table 2. Public school teachers, selected states\n\n"
           "                     Teachers (FTE, thousands)\n"
           "Jurisdiction         Fall 2023     Fall 2024\n"
           "New Mexico              20.4          20.6\n"
           "Oregon                  30.1          30.4\n")
    linker = Linker({"nces": doc})
    links = links_in(linker, "The state had about 20,600 full-time teachers in fall 2024, about 200 more than "
                             "a year before.")
    lk = links["about 200"]
    assert lk is not None and lk.relation == "derived" and lk.formula == "20.6 - 20.4 = 200"


def test_a_stacked_column_head_gives_each_column_its_own_unit():
    doc = ("Table 1. Funds and poor bridges in sampled states\n\n"
           "                  Apportioned     Percent     Poor         Poor\n"
           "                  ($ millions)    obligated   bridges,     bridges,\n"
           "State                                         2021         2025\n"
           "South Dakota            211.4        42.1        1,021        1,047\n"
           "Montana                 196.0        51.9          401          377\n")
    ix = DocumentIndex("oig", doc)
    row = doc.index("South Dakota")
    readings = {(e.q.text, e.group[0]) for k, e in enumerate(ix.entries)
                if e.q.span.start > row and k not in ix._scaled}
    assert ("211.4", "money") in readings and ("42.1", "percent") in readings
    assert ("1,047", "count") in readings and ("1,047", "money") not in readings
    links = links_in(Linker([ix]), "South Dakota's poor-bridge count rose about 2.5% to 1,047.")
    assert links["1,047"] is not None and links["1,047"].relation == "verbatim"
    # the article says the count rose: the change is measured from the earlier count
    assert links["about 2.5%"] is not None and links["about 2.5%"].formula.startswith("(1,047 - 1,021) / 1,021")


def test_a_cents_column_reads_its_cells_as_cents():
    doc = ("Table 1. Retail regular gasoline prices by region\n\n"
           "Region (PADD)          Retail price    Change from\n"
           "                       ($/gal)         year ago (cents)\n"
           "East Coast (1)                 3.28             +12.1\n"
           "Midwest (2)                    3.24             +21.4\n")
    links = links_in(Linker({"eia": doc}), "Midwest drivers paid $3.24 a gallon, 21.4 cents more than a year ago.")
    assert links["21.4 cents"] is not None and links["21.4 cents"].quantity_text.endswith("21.4")
    assert links["$3.24"] is not None and links["$3.24"].quantity_text == "3.24"


def test_a_rate_with_a_decimal_is_not_read_off_a_whole_count():
    doc = "Among the 41 jurisdictions that reported testing results, xylazine was detected in 6.4% of deaths."
    assert one_link(doc, "41.3 per 100,000", "Tennessee's own rate, 41.3 per 100,000, ranks among the highest.") is None


def test_a_stacked_head_whose_lower_line_ends_in_a_year_still_gives_its_units():
    doc = ("Table 2: Highway Safety Grant Funds, Selected States, Fiscal Years 2021-2023\n\n"
           "State          Funds available   Expended    Goals met,         Traffic deaths,\n"
           "               ($ millions)      (percent)   2022 (of 20)       2023\n"
           "Arizona            118.4           74.2          9                 1,296\n"
           "Missouri            96.7           58.4          6                 1,003\n")
    ix = DocumentIndex("gao", doc)
    row = doc.index("Missouri")
    readings = {(e.q.text, e.group[0]) for k, e in enumerate(ix.entries) if e.q.span.start > row and k not in ix._scaled}
    assert ("96.7", "money") in readings and ("58.4", "percent") in readings and ("1,003", "count") in readings
    links = links_in(Linker([ix]), "Missouri had $96.7 million in safety grants to draw on.")
    assert links["$96.7 million"] is not None and links["$96.7 million"].quantity_text == "96.7"


def test_a_group_head_spanning_columns_gives_them_its_unit():
    doc = ("Table 1. Unemployment by state\n\n"
           "                 Unemployed                  Rate (percent)\n"
           "State            Dec. 2024     Dec. 2025     Dec. 2024     Dec. 2025\n"
           "Michigan           279,000       269,500           5.5           5.3\n")
    ix = DocumentIndex("bls", doc)
    cell = doc.index("5.3")
    assert {e.group[0] for e in ix.entries if e.q.span.start == cell} >= {"percent"}
    assert "percent" not in {e.group[0] for e in ix.entries if e.q.span.start == doc.index("269,500")}


def test_a_day_named_without_its_year_links_to_the_reports_date_line():
    doc = ("Office of Inspector General\nReport No. ST2026011\nFebruary 26, 2026\n\n"
           "States obligated $12.4 billion of the $21.1 billion apportioned for fiscal years 2022 through 2025.")
    linker = Linker([DocumentIndex("oig", doc, issuer="U.S. Department of Transportation, Office of Inspector "
                                                      "General")])
    article = ("States spent $12.4 billion of the money apportioned for fiscal 2022-2025, the DOT Office of "
               "Inspector General said in a Feb. 26 audit.")
    lk = links_in(linker, article)["Feb. 26"]
    assert lk is not None and lk.quantity_text == "February 26, 2026"


def test_federal_departments_are_credited_by_their_usual_acronyms():
    usda = DocumentIndex("usda", "USDA agrees with four of the five recommendations.",
                         issuer="U.S. Department of Agriculture, Rural Development")
    dot = DocumentIndex("dot", "Funds were obligated.", issuer="U.S. Department of Transportation")
    hud = DocumentIndex("hud", "Rents rose.", issuer="Department of Housing and Urban Development")
    assert usda.credited_in("USDA said it agreed with four of them.")
    assert dot.credited_in("DOT said the funds were obligated.")
    assert hud.credited_in("HUD said rents rose.")
    assert not hud.credited_in("USDA said rents rose.")


def test_a_figure_under_its_value_is_no_restatement_of_one_over_it():
    doc = "More than half of applicants were turned down."
    links = links_in(Linker({"rel": doc}), "The agency turned down nearly half of all applicants.")
    assert links["nearly half"] is None
    links = links_in(Linker({"rel": doc}), "The agency turned down about half of all applicants.")
    assert links["about half"] is not None and links["about half"].relation == "rehedged"


def test_a_share_in_words_is_computed_from_a_figure_in_the_next_sentence_of_the_paragraph():
    doc = ("The department today released provisional data showing that 57,214 babies were born to residents "
           "in 2025.\n\n"
           "Births declined in 51 of the state's 72 counties. Milwaukee County recorded 11,806 births, the most "
           "of any county, followed by Dane County with 6,214.")
    linker = Linker({"dhs": doc})
    article = ("The state recorded 57,214 births in 2025. Births fell in 51 of the state's 72 counties, and "
               "Milwaukee County alone accounted for about a fifth of the total.")
    # 11,806 / 57,214 is 20.6%: "about a fifth" as loosely as the words are read directly
    assert derived_formula(linker, article, "about a fifth").startswith("11,806 / 57,214")


def test_a_percent_change_is_computed_from_a_change_the_document_tells_in_one_sentence():
    doc = ("Property crime\n\nThe rate of motor vehicle theft increased from 4.6 to 5.1 victimizations per 1,000 "
           "households.\n\nThe rate of burglary was unchanged at 13.2 per 1,000 households.")
    linker = Linker({"bjs": doc})
    jumped = "The outlier is motor vehicle theft, where the rate jumped about 11%."
    assert derived_formula(linker, jumped, "about 11%") == "(5.1 - 4.6) / 4.6 = 10.87%"
    # the article says the rate fell: the document's rise is no source for it
    assert links_in(linker, "The motor vehicle theft rate fell about 11%.")["about 11%"] is None
    # and a figure that does not round to the change is not taken from it
    assert links_in(linker, "The motor vehicle theft rate jumped about 14%.")["about 14%"] is None


def test_an_interviewees_figure_is_computed_from_the_documents_only_when_it_fits_well():
    doc = ("Staffing\n\nIRS began the 2025 filing season with 14,820 customer service representatives, compared "
           "with 16,950 at the start of the 2024 filing season.\n\nPhones\n\nIRS answered 11.9 million calls.\n")
    linker = Linker({"gao": doc})
    reporter = ("IRS answered 11.9 million calls, even with about 2,100 fewer customer service representatives "
                "than a year earlier.")
    assert derived_formula(linker, reporter, "about 2,100") == "16,950 - 14,820 = 2,130"
    said = reporter[:-1] + ", said Maria Lopez, a union steward in Ogden."
    assert links_in(linker, said)["about 2,100"] is None


def test_a_total_adds_two_figures_the_story_gave_anywhere_and_a_shortfall_is_a_gap():
    doc = ("What We Found\n\nThe Authority (1) used $612,840 in Capital Fund grants for work at a property that "
           "is not public housing and (2) could not support $1,705,616 in contract payments.\n\n"
           "Staffing\n\nAt the end of fiscal year 2024, the institution had 166 correctional officers on board "
           "for 252 authorized officer positions.\n")
    linker = Linker({"oig": doc})
    story = ("The authority spent $612,840 on a property that is not public housing. The review covered grants "
             "from 2021 through 2023. It could not show how it spent another $1.7 million. Tenants were not told. "
             "In all, auditors questioned about $2.3 million.")
    assert derived_formula(linker, story, "about $2.3 million") == "$612,840 + $1,705,616 = 2,318,456"
    # without a word calling it a total, two figures from far off are not added up
    assert links_in(linker, story.replace("In all, auditors", "Auditors"))["about $2.3 million"] is None
    short = "The prison had 166 officers for 252 positions. That left it 86 officers short."
    assert derived_formula(linker, short, "86") == "252 - 166 = 86"


def test_one_in_five_computed_is_as_loose_as_a_fifth():
    doc = ("The number of job openings was little changed at 7.1 million on the last business day of March.\n\n"
           "Table 1. Job openings levels by industry (in thousands)\n\n"
           "Industry                             Mar. 2026\n"
           "Total nonfarm                            7,087\n"
           "Health care and social assistance        1,331\n")
    linker = Linker({"bls": doc})
    story = ("Openings in health care and social assistance fell to 1.33 million. Even so, the sector accounted "
             "for nearly one in five of the 7.1 million openings across the economy.")
    assert derived_formula(linker, story, "nearly one in five") == "1,331 / 7,087 = 0.1878"
    # ... but not on the wrong side of its hedge
    assert links_in(linker, story.replace("nearly one in five", "more than one in five"))["more than one in five"] is None


def test_a_gap_is_computed_from_a_change_or_comparison_the_document_tells_in_one_sentence():
    doc = ("Staffing\n\nIRS began the 2025 filing season with 14,820 customer service representatives, compared "
           "with 16,950 at the start of the 2024 filing season.\n\nPhones\n\nIRS answered 11.9 million calls.\n\n"
           "Delivery\n\nIn the Carverton area, on-time delivery fell from 90.4 percent in fiscal year 2023 to "
           "71.6 percent in fiscal year 2024.")
    linker = Linker({"gao": doc})
    fewer = "IRS answered 11.9 million calls, even with about 2,100 fewer customer service representatives than a year earlier."
    assert derived_formula(linker, fewer, "about 2,100") == "16,950 - 14,820 = 2,130"
    points = "On-time delivery in the Carverton area fell nearly 19 points in a year."
    assert derived_formula(linker, points, "nearly 19") == "90.4 percent - 71.6 percent = 18.8"
    # a gap going the other way than the document's is not taken from it
    assert links_in(linker, "On-time delivery in the Carverton area rose nearly 19 points.")["nearly 19"] is None
    assert links_in(linker, "IRS had about 2,100 more customer service representatives than a year earlier.")[
        "about 2,100"] is None


def test_a_gap_is_computed_between_the_columns_of_a_table_row():
    doc = ("Table 3. Union affiliation by state\n\n"
           "                 Members (thousands)\n"
           "State            2024        2025\n"
           "Illinois          811         798\n"
           "Michigan          564         571\n"
           "Ohio              602         589\n")
    linker = Linker({"bls": doc})
    assert derived_formula(linker, "Michigan bucked the trend, adding about 7,000 members.", "about 7,000") \
        == "571 - 564 = 7,000"
    # a row's columns run left to right: Michigan lost none
    assert links_in(linker, "Michigan lost about 7,000 members.")["about 7,000"] is None


def test_a_wait_more_than_half_longer_is_a_change_between_two_durations():
    doc = "The average time to resolve a case rose from 436 days in FY 2023 to 506 days in FY 2024 and 676 days in FY 2025."
    article = "Victims waited an average of 676 days, more than 50% longer than two years earlier."
    assert derived_formula(Linker({"tigta": doc}), article, "more than 50%").startswith(
        "(676 days - 436 days) / 436 days")


def test_the_size_of_a_change_is_no_share_and_no_level_to_measure_a_change_from():
    doc = ("The teen birth rate declined 6% in 2025 to 11.7 births per 1,000 women.\n\n"
           "The rate for women aged 40-44 rose 1% to 13.1.")
    linker = Linker({"nchs": doc})
    article = "Their birth rate fell 6% to 11.7 per 1,000, and has dropped by more than four-fifths since 1991."
    # neither 11.7 / 13.1 (a share) nor (6% - 1%) / 6% (a change of changes) is the fall since 1991
    assert links_in(linker, article)["more than four-fifths"] is None


def test_a_share_under_its_stated_value_is_never_computed_over_it():
    doc = "The wait at the clinic grew from 12 days to 19 days over the year."
    links = links_in(Linker({"va": doc}), "Waits at the clinic grew nearly 50% over the year.")
    assert links["nearly 50%"] is None  # (19 - 12) / 12 is 58%, not under a half


def test_a_storys_words_for_a_reports_are_read_as_the_same_words():
    from claimgraph.passages import _content_stems

    assert set(_content_stems("Staff dropped; babies; sickened")) == set(_content_stems("employees declined; births; ill"))
    doc = ("Phones\n\nThe unit answered 1,742 calls a day in September.\n\n"
           "Staffing\n\nThe number of unit employees declined from 2,118 at the end of FY 2023 to 1,742 at the end "
           "of FY 2025.")
    lk = links_in(Linker({"tigta": doc}), "Staff in the unit dropped to 1,742.")["1,742"]
    assert lk is not None and doc[lk.passage.start : lk.passage.end].startswith("The number of unit employees")


def test_a_multiple_of_two_rates_one_passage_gives_is_derived_when_the_article_gives_neither():
    doc = ("Victims by age\n\nPersons age 18 to 24 had the highest rate of violent victimization (35.2 per 1,000) "
           "in 2025, and persons age 50 or older had the lowest (12.6 per 1,000).\n\n"
           "Rates for persons age 25 to 34 were 24.0 per 1,000 and for persons age 35 to 49 were 19.7 per 1,000.")
    linker = Linker({"bjs": doc})
    article = "People 18 to 24 were victimized at nearly three times the rate of those 50 and older."
    # 35.2 / 12.6 is 2.79: "nearly three times" as loosely as a round multiple is read
    assert derived_formula(linker, article, "nearly three times").startswith("35.2 per 1,000 / 12.6 per 1,000")
    # a multiple the passage's figures do not give is not taken from them
    assert links_in(linker, "People 18 to 24 were victimized at about five times the rate of those 50 and "
                            "older.")["about five times"] is None


def test_a_share_of_the_levels_the_story_gives_beats_a_like_share_stated_of_something_else():
    gao = ("In fiscal years 2021 through 2025, SBA approved $9.37 billion in disaster loans. About $1.42 billion of "
           "that went to businesses that later defaulted on their loans.")
    sba = ("SBA appreciates the review. The agency expects its servicing changes to cut charge-offs by 15 percent "
           "in fiscal year 2027.")
    article = ("SBA approved $9.37 billion in disaster loans over five years. About $1.42 billion, roughly 15%, went "
               "to businesses that later defaulted.")
    assert derived_formula(Linker({"gao": gao, "sba": sba}), article, "roughly 15%") \
        == "About $1.42 billion / $9.37 billion = 15.15%"
    # ... but a share the document states as the levels give it stays the evidence
    told = gao + " Disaster loans to businesses that later defaulted were 15.2 percent of loans SBA approved."
    lk = links_in(Linker({"gao": told, "sba": sba}), article)["roughly 15%"]
    assert lk is not None and lk.relation == "rounded" and lk.quantity_text == "15.2 percent"


@pytest.mark.parametrize("stated, computed, gives", [
    ("23.6 percent", "0.2358", True), ("83.1 percent", "83.12%", True), ("a third", "0.3313", True),
    ("61 percent", "0.6176", False), ("11.1 percent", "0.1253", False), ("1,482", "1,470", False),
])
def test_a_document_gives_a_computed_share_at_its_own_precision(stated, computed, gives):
    assert matching_module._gives(Quantity.parse(stated), computed) is gives


@pytest.mark.parametrize("article, stated, computed, closer", [
    ("roughly three-fifths", "61 percent", "0.6176", True),   # 61% is nearer 60% than 61.76%
    ("roughly an eighth", "11.1 percent", "0.1253", False),
    ("nearly a third", "31.8 percent", "0.3336", True),       # 33.36% is past "nearly"'s bound
])
def test_a_stated_share_nearer_the_articles_stays_before_a_computed_one(article, stated, computed, closer):
    assert matching_module._closer(Quantity.parse(article), Quantity.parse(stated), computed) is closer


def test_a_unit_the_document_does_not_name_needs_the_passages_words():
    doc = ("The Institution Relies on Overtime\n\nTable 2. Incidents at the institution\n\n"
           "Incident                                FY 2023     FY 2024     FY 2025\n"
           "Serious assaults on staff                 11          16          23\n")
    linker = Linker({"oig": doc})
    union = ("Jolene Crabtree, president of the prison's local of the American Federation of Government Employees, "
             "said officers routinely work 16-hour double shifts.")
    assert links_in(linker, union)["16-hour"] is None
    assert links_in(linker, "Serious assaults on staff rose to 16 in 2024.")["16"] is not None


def test_a_figures_own_clause_finds_the_change_a_long_sentence_computed():
    from claimgraph.context import _clause_bounds

    sentence = ("The Bureau of Justice Statistics dropped its annual victimization survey yesterday, and the headline "
                "is a welcome one: by the survey's measure, violent crime fell about 7% in 2025.")
    at = sentence.index("about 7%")
    lo, hi = _clause_bounds(sentence, at, at + len("about 7%"))
    assert sentence[lo:hi] == " by the survey's measure, violent crime fell about 7% in 2025."
    doc = ("Criminal Victimization, 2025\n\nBureau of Justice Statistics\n\n"
           "Source: Bureau of Justice Statistics, National Crime Victimization Survey, 2024 and 2025.\n\n"
           "Source: Bureau of Justice Statistics, annual victimization survey tables, 2024 and 2025.\n\n"
           "The rate of violent victimization declined from 23.1 victimizations per 1,000 persons age 12 or older "
           "in 2024 to 21.4 per 1,000 in 2025.")
    lk = links_in(Linker({"bjs": doc}), sentence)["about 7%"]
    assert lk is not None and lk.formula == "(23.1 - 21.4) / 23.1 = 7.36%"


def test_an_amount_per_item_is_a_total_over_a_count_the_article_gives():
    doc = ("The IRS ended fiscal year 2025 with 391,806 unresolved identity theft cases.\n\n"
           "The IRS was holding approximately $2.87 billion in refunds for victims with open cases.")
    article = ("The IRS ended fiscal 2025 with 391,806 unresolved identity theft cases.\n\n"
               "The IRS was holding about $2.87 billion in refunds for victims with open cases, roughly $7,300 per "
               "case.")
    linker = Linker({"tigta": doc})
    assert derived_formula(linker, article, "roughly $7,300").startswith("approximately $2.87 billion / 391,806")
    # "a year" is a rate in time, not a share among items: no such division is tried
    assert links_in(linker, article.replace("per case", "a year"))["roughly $7,300"] is None


def test_each_or_apiece_after_the_counted_words_is_an_amount_per_item():
    doc = ("Extrapolating from the sample, we estimate that 16,590 borrowers had loans improperly discharged, "
           "worth an estimated $1.04 billion.\n\nFSA disagreed with the estimate.")
    article = ("The OIG estimates that 16,590 borrowers had loans improperly discharged, worth $1.04 billion, "
               "an average of roughly $63,000 each.")
    linker = Linker({"oig": doc})
    assert derived_formula(linker, article, "roughly $63,000") == "an estimated $1.04 billion / 16,590 = 62,688.37"
    # "each year" is a rate in time
    assert links_in(linker, article.replace("$63,000 each.", "$63,000 each year."))["roughly $63,000"] is None
    # a gap said per item is still a gap ("$5,480 more per student")
    doc2 = "Tuition and fees averaged $15,320 at four-year campuses, against $9,840 at community colleges."
    article2 = ("Tuition and fees averaged $15,320 at four-year campuses, about $5,500 more per student than the "
                "$9,840 at community colleges.")
    assert derived_formula(Linker({"cc": doc2}), article2, "about $5,500") == "$15,320 - $9,840 = 5,480"


def test_an_amount_a_item_may_be_a_total_given_elsewhere_over_a_count_of_an_a_of_b():
    doc = ("Of the 1,937 levee systems the Corps inspected in fiscal years 2021 through 2025, it rated 412 "
           "unacceptable.\n\n"
           "Since then, repairs have lagged at many sites.\n\n"
           "From fiscal years 2021 through 2025, the Corps obligated about $186 million for levee inspections.")
    article = ("The Corps spent about $186 million on inspections, the agency said.\n\n"
               "Inspectors rated 412 of the 1,937 levee systems unacceptable. That works out to roughly $96,000 a "
               "levee inspected.")
    linker = Linker({"gao": doc})
    # the count is one of an "A of B"; the total is in another paragraph; "a levee" is "per levee"
    assert derived_formula(linker, article, "roughly $96,000") == "about $186 million / 1,937 = 96,024.78"
    assert links_in(linker, article.replace("a levee", "a year"))["roughly $96,000"] is None
    # the count is neither in the sentence nor next to it, and neither is the total: no division
    far = ("The Corps spent about $186 million on inspections, the agency said.\n\n"
           "Inspectors rated 412 of the 1,937 levee systems unacceptable.\n\nRepairs lag.\n\n"
           "Crews are short.\n\nThat works out to roughly $96,000 a levee inspected.")
    assert links_in(linker, far)["roughly $96,000"] is None


def test_an_amount_apiece_of_a_total_and_count_its_sentence_gives_is_computed_over_a_rounder_average():
    doc = ("FEMA paid $27.4 million for these ineligible stays. FEMA also paid hotels $4.3 million for 29,640 "
           "room nights billed after households had checked out.\n\n"
           "A total of 612 hotels participated. FEMA paid an average of $144 per room night.")
    article = ("The report also found FEMA paid hotels $4.3 million for nearly 30,000 room nights billed after "
               "families had checked out -- about $145 a night.")
    linker = Linker({"oig": doc})
    assert derived_formula(linker, article, "about $145") == "$4.3 million / 29,640 = 145.07"
    # without the total and count in its sentence, the document's average is the figure's evidence
    alone = links_in(linker, "FEMA paid hotels about $145 a room night, the report found.")["about $145"]
    assert alone is not None and alone.quantity_text == "$144"


def test_a_figure_inside_a_quote_a_document_holds_is_the_figure_of_the_quotes_passage():
    doc = ("Earnings\n\nThe female-to-male earnings ratio was 83.2 percent in 2025, not statistically different "
           "from 2024.\n\nTrends\n\nThe ratio has not changed significantly since 2021. Women earned a median of "
           "83 cents for every dollar.\n\nRegions\n\nHousehold income rose in 2021 in most regions.")
    quoted = ('Women earned 83.2% of what men earned, a ratio that the bureau said "has not changed significantly '
              'since 2021."')
    lk = links_in(Linker({"census": doc}), quoted)["2021"]
    assert lk is not None and lk.span.start == doc.index("since 2021") + 6
    # unquoted, the year's own clause still echoes that passage's words nearest its 2021 (doc_local)
    plain = links_in(Linker({"census": doc}), quoted.replace('"', ""))["2021"]
    assert plain is not None and plain.span.start == doc.index("since 2021") + 6
    # a person's words with a figure are seldom a document's; quoted as a letter words them, they are
    letter = ("Department of Veterans Affairs\n\nThank you for the opportunity to comment. VA hired 2,400 claims "
              "processors in fiscal year 2025.\n\nWith these hires in place, we expect to return the backlog to "
              "pre-PACT Act levels by the end of fiscal year 2027. Achieving that goal will depend on funding.")
    quoted = ('"We expect to return the backlog to pre-PACT Act levels by the end of fiscal year 2027," wrote '
              "Tanya Okonkwo-Reyes, VA's chief of staff.")
    lk = links_in(Linker({"va": letter}), quoted)["fiscal year 2027"]
    assert lk is not None and lk.span.start == letter.index("fiscal year 2027")
    assert links_in(Linker({"va": letter}), quoted.replace('"', ""))["fiscal year 2027"] is None


def test_figures_with_footnote_markers_from_a_pdf_are_linked():
    doc = ("In fiscal year 2023,4 the agency approved 1,234 disaster loans worth $1.4 billion.5 Of these, "
           "412 went to businesses.")
    links = links_in(Linker({"gao": doc}), "In fiscal 2023, the agency approved 1,234 disaster loans.")
    assert links["fiscal 2023"] is not None and links["fiscal 2023"].quantity_text == "fiscal year 2023"
    # the footnote numbers are not figures an article's "4" or "5" could be linked to
    assert links_in(Linker({"gao": doc}), "The agency approved loans in 5 states.")["5"] is None


def test_a_word_hyphenated_at_a_line_end_is_one_word_for_quotes_and_context():
    doc = ("Results\n\nThe agency did not complete the required inspec-\ntions at 41 of the 97 facilities we "
           "reviewed, which left residents at risk of harm from fire and struc-\ntural hazards.\n\n"
           "Budgets\n\nThe agency spent $41 million on staffing at 97 sites.")
    linker = Linker({"oig": doc})
    quote = "at risk of harm from fire and structural hazards."
    article = f'Inspectors skipped required inspections at 41 of 97 facilities, leaving residents "{quote}"'
    results = {r.text: r.link for r in linker.link_all(article, quotes=[quote])}
    assert results[quote].fidelity.kind == "verbatim"
    assert results["41 of 97"].span.start == doc.index("41 of the 97")


def test_an_average_per_period_is_a_total_over_the_length_of_its_period():
    doc = ("Deaths\n\nIn 2024, 81,950 drug overdose deaths occurred in the United States, compared with 108,310 in "
           "2022.\n\nHousing\n\nThe public housing inventory fell from 1,016,300 units in fiscal year 2016 to "
           "903,400 units in fiscal year 2025, a decline of about 112,900 units.\n\nRoyalties\n\nIn all, we "
           "estimate that ONRR did not collect at least $187.3 million in royalties owed during FY 2022 through "
           "FY 2024.")
    linker = Linker({"report": doc})
    assert derived_formula(linker, "The report counted 81,950 overdose deaths nationwide in 2024, still roughly "
                                   "225 a day.", "roughly 225") == "81,950 / 366 days = 223.91"
    assert derived_formula(linker, "Public housing lost some 112,900 units. That is roughly 12,500 a year.",
                           "roughly 12,500").startswith("about 112,900 / (2025 - 2016: 9 years)")
    assert derived_formula(linker, "ONRR failed to collect at least $187.3 million in royalties, roughly $62 "
                                   "million a year.", "roughly $62 million").startswith(
        "at least $187.3 million / (FY 2022 through FY 2024: 3 years)")
    hours = Linker({"oig": "Correctional officers worked an average of 420 hours of overtime each in FY 2024."})
    assert derived_formula(hours, "Officers averaged 420 hours of overtime apiece in fiscal 2024, roughly eight "
                                  "extra hours a week.", "roughly eight extra hours") == "420 hours / 52 weeks = 8.08"
    # a rate the period does not give is not made up
    assert links_in(linker, "The report counted 81,950 overdose deaths in 2024, roughly 300 a day.")[
        "roughly 300"] is None


def test_a_forecast_by_outside_economists_is_not_the_releases_figure():
    doc = ("Advance estimates of U.S. retail and food services sales for April 2026 were up 0.6 percent from the "
           "previous month. Retail trade sales were up 0.4 percent from March 2026 at furniture stores.")
    article = ("Retail and food services sales were up 0.6% in April from the previous month. Economists surveyed by "
               "CNX had expected retail sales to be up 0.4% from March.")
    links = links_in(Linker({"census": doc}), article)
    assert links["0.6%"] is not None and links["0.4%"] is None
    # the same figure told as the release's own is linked
    own = links_in(Linker({"census": doc}), "Retail sales at furniture stores were up 0.4% from March, the bureau said.")
    assert own["0.4%"] is not None


def test_figures_the_article_gives_near_the_sentence_stay_operands_past_the_pools_cap(monkeypatch):
    import claimgraph.derivations as derivations

    monkeypatch.setattr(derivations, "OPERAND_POOL", 1)  # a pool of one figure of each kind
    doc = ("Drug overdose death rates\n\nThe rate in Tennessee decreased from 56.1 in 2022 to 47.3 in 2024.\n\n"
           "The national rate decreased from 32.9 in 2022 to 24.4 in 2024.")
    article = ("In 2024 Tennessee's death rate was 47.3 and the national death rate 24.4. "
               "Tennessee's death rate was nearly twice the national rate.")
    assert derived_formula(Linker({"nchs": doc}), article, "nearly twice") == "47.3 / 24.4 = 1.94 times"


def test_a_figure_the_document_repeats_takes_one_place_among_a_gaps_operands(monkeypatch):
    import claimgraph.derivations as derivations

    monkeypatch.setattr(derivations, "GAP_OPERANDS", 2)  # two figures of each kind
    doc = ("Summary. In 2025, 73,904 persons died of drug overdoses, fewer than in 2024.\n\n"
           "Overdose deaths. Overdose deaths numbered 86,215 in 2024.\n\n"
           "Deaths. A total of 73,904 people died of overdoses in 2025.\n\n"
           "Table 1. Overdose deaths, 2025\n\nAll deaths          73,904\n")
    article = ("About 73,900 people died of overdoses in 2025, down from more than 86,000 the year before. "
               "That is roughly 12,300 fewer deaths.")
    assert derived_formula(Linker({"mmwr": doc}), article, "roughly 12,300") == "86,215 - 73,904 = 12,311"


def test_a_body_reported_on_is_not_credited_as_the_source():
    usda = DocumentIndex("usda", "USDA agrees with four of the five recommendations.",
                         issuer="U.S. Department of Agriculture, Rural Development")
    assert not usda.credited_in("The report also found that USDA overpaid more than $30 million in subsidies.")
    assert usda.credited_in("USDA said it had already cut processing times.")
    # a body something is done to is not the source either; "according to" it is
    eta = DocumentIndex("eta", "ETA will revise its reporting guidance.", issuer="Employment and Training Administration")
    assert not eta.credited_in("The centers never reported 418 of them to the Employment and Training "
                               "Administration, which runs the program, the audit found.")
    assert eta.credited_in("According to the Employment and Training Administration, 418 were reported.")


def test_a_small_count_needs_the_passages_words_to_be_linked():
    # an MMWR-style report of the corpus: its "Fourteen patients ..." is no "14 people" of another outbreak
    case = Path(__file__).resolve().parent / "corpus" / "linking-holdout5" / "37-cdc-mmwr-legionnaires"
    linker = Linker({"mmwr": read_document(case / "documents" / "mmwr-74-44-legionnaires.txt")})
    other_outbreak = ("Carrow, a river city of about 48,000, had seen nothing like it. The state's last large "
                      "outbreak, in 2019, sickened 14 people.")
    assert links_in(linker, other_outbreak)["14"] is None
    lk = links_in(linker, "Fourteen patients had stayed at, worked at, or visited the hotel.")["Fourteen"]
    assert lk is not None and lk.quantity_text == "Fourteen"


def test_a_quoted_term_is_found_where_the_document_uses_it_as_the_article_does():
    doc = ("Scheduling\n\nVA defines the \"desired date\" as the date a patient wants to be seen.\n\n"
           "Findings\n\nSchedulers at the Tate facility entered a desired date later than the date patients asked "
           "for in 41 of 120 sampled appointments, which shortened reported wait times.")
    linker = Linker({"oig": doc})
    article = ('Inspectors found schedulers entered a later "desired date" than patients asked for, which made '
               "reported wait times look shorter.")
    start = article.index("desired date")
    (result,) = [r for r in linker.link_all(article, quotes=[(start, start + len("desired date"))])
                 if r.kind == "quote"]
    assert result.link is not None and result.link.fidelity.kind == "verbatim"
    assert doc[result.link.passage.start : result.link.passage.end].startswith("Schedulers at the Tate facility")
    # a word or two the document never uses is no quote of it
    assert linker.link_quote("heartbreaking", article) is None
    assert linker.link_quote("it", article) is None


def test_a_quoted_term_is_found_where_the_document_names_it_when_its_uses_fit_alike():
    doc = ("Sources deactivated for cause received 14 payments in FY 2024.\n\n"
           "DEA deactivates a source \"for cause\" when the source has provided false information.\n\n"
           "Sources deactivated for cause may be reactivated only with approval.")
    article = 'The agency kept paying sources after deactivating them "for cause," the report said.'
    lk = Linker({"oig": doc}).link_quote("for cause,", article)
    assert lk is not None and lk.span.start == doc.index('"for cause"') + 1
    # the same with a code name set in parentheses
    mmwr = ("Hatchery A shipped birds to 41 feed stores in 17 states. The supplier, a mail-order hatchery in Ohio "
            "(hatchery A), sold the birds. Sales by hatchery A rose in July.")
    lk = Linker({"mmwr": mmwr}).link_quote("hatchery A,", 'The report calls the business only "hatchery A," '
                                                         "without naming it.")
    assert lk is not None and lk.span.start == mmwr.index("(hatchery A)") + 1


def test_a_day_is_a_fact_of_its_own_even_when_its_sentences_figure_is_not_found():
    # the corpus's EPA OIG case: the list item's "23" is the reporter's sum (19 late + 4 never filed),
    # stated nowhere, yet the deadline beside it is the report's
    case = Path(__file__).resolve().parent / "corpus" / "linking-holdout5" / "39-epa-oig-lead-service-lines"
    linker = Linker([
        DocumentIndex("oig", read_document(case / "documents" / "epa-oig-26-e-0042.txt"),
                      issuer="U.S. Environmental Protection Agency, Office of Inspector General"),
        DocumentIndex("council", read_document(case / "documents" / "glwuc-statement.txt"), primary=False,
                      issuer="Great Lakes Water Utilities Council")])
    lk = links_in(linker, (case / "article.txt").read_text(encoding="utf-8"))["Oct. 16, 2024"]
    assert lk is not None and lk.document == "oig" and lk.quantity_text == "October 16, 2024"


def test_a_figure_in_days_may_round_a_bare_number_the_passage_counts_in_days():
    doc = ("Timeliness\n\nClaims are also taking longer to decide. The average number of days to complete a claim "
           "rose from 104.3 in fiscal year 2022 to 141.6 in fiscal year 2024.")
    lk = links_in(Linker({"gao": doc}), "The average claim took nearly 142 days to complete, GAO said.")[
        "nearly 142 days"]
    assert lk is not None and lk.relation == "rounded" and lk.quantity_text == "141.6"


def test_a_year_whose_figure_is_absent_needs_a_strong_match_of_its_own():
    # the corpus's telehealth audit and an industry statement; the analytics firm's 6% is in neither
    case = Path(__file__).resolve().parent / "corpus" / "linking-holdout5" / "38-hhs-oig-medicare-telehealth"
    linker = Linker([DocumentIndex("oig", read_document(case / "documents" / "oig-a-05-25-00017.txt")),
                     DocumentIndex("accp", read_document(case / "documents" / "accp-statement.txt"), primary=False)])
    sentence = ("Telehealth accounted for about 6% of Medicare E/M visits in 2025, according to Corwell Health "
                "Analytics.")
    links = links_in(linker, sentence)
    assert links["about 6%"] is None and links["2025"] is None


def test_a_part_of_a_whole_links_to_the_passage_stating_the_part_and_the_whole():
    doc = ("Disputes\n\nResidents at the 12 installations filed 1,104 formal disputes under the tenant bill of rights "
           "from fiscal year 2022 through fiscal year 2024, of which 312 involved mold.\n\n"
           "Housing offices closed 312 work orders in fiscal year 2024.")
    lk = links_in(Linker({"gao": doc}), "GAO found that 312 of the 1,104 disputes filed at the 12 installations "
                                        "involved mold.")["312 of the 1,104"]
    assert lk is not None and lk.relation == "verbatim" and doc[lk.passage.start : lk.passage.end].startswith("Residents")


def test_an_auditors_finding_of_no_record_states_its_figure():
    doc = ("Inspections\n\nTVCAA had no record of a final inspection for 14 of the 60 sampled homes.\n\n"
           "Staffing\n\nTVCAA's weatherization staff consisted of 14 employees.")
    lk = links_in(Linker({"oig": doc}), "The report said there was no record of a final inspection for 14 of the "
                                        "sampled homes.")["14"]
    assert lk is not None and doc[lk.passage.start : lk.passage.end].startswith("TVCAA had no record")
    # a research note about a figure not found is still no evidence for it
    note = "Notes\n\nThe count of 14 homes was not found in any retrieved text."
    assert links_in(Linker({"notes": note}), "Crews skipped inspections in 14 homes.")["14"] is None


def test_a_sentence_an_interviewee_says_is_outside_the_documents():
    mmwr = DocumentIndex("mmwr", "During 2023, 23 children aged 1-4 years drowned in pools in the county.",
                         issuer="Centers for Disease Control and Prevention")
    linker = Linker([mmwr])
    article = ("Drownings of young children rose again, the CDC said. \"We pulled a boy out of a pool,\" said "
               "Capt. Andre Molina of the Saguaro Fire District, adding that 23 children drowned in pools in the "
               "county in 2023. Jane Ruiz, a CDC epidemiologist, said 23 children drowned in pools in 2023.")
    said = [article[s.start : s.end] for s in linker.outside_sentences(article)]
    assert len(said) == 1 and "Capt. Andre Molina" in said[0]  # the CDC's own epidemiologist is not outside
    inside = linker.number_links(Quantity.parse("23"), said[0])
    outside = linker.number_links(Quantity.parse("23"), said[0], outside=True)
    assert inside and outside and outside[0].score < inside[0].score  # the same 23, read with doubt


def test_a_year_may_be_an_end_of_the_range_its_figure_is_stated_over():
    doc = ("Anaplasmosis in Northern Wisconsin, 2019-2025\n\n"
           "During 2019-2025, reported anaplasmosis cases in six northern Wisconsin counties increased 330%, "
           "from 142 to 611 per year.\n\nIn 2023, the state began testing ticks at 12 sites.")
    lk = links_in(Linker({"mmwr": doc}), "CDC: Northwoods anaplasmosis cases up 330% since 2019")["2019"]
    assert lk is not None and lk.span.of(doc) == "2019-2025" and lk.passage.of(doc).startswith("During 2019-2025")


def test_a_year_may_be_the_year_written_in_a_date_beside_its_figure():
    doc = ("Cattle producers have been reducing herds because of drought, and the January 1, 2025, cattle "
           "inventory of 86.7 million head was the smallest since 1951.\n\nBeef prices rose 8.4 percent in 2024.")
    article = "The national herd, 86.7 million head at the start of 2025, is the smallest since 1951, USDA said."
    lk = links_in(Linker({"ers": doc}), article)["2025"]
    assert lk is not None and lk.span.of(doc) == "January 1, 2025" and lk.relation == "verbatim"


def test_a_share_set_after_a_figure_compares_it_with_a_like_figure():
    doc = ("Nonfarm business sector labor productivity increased 2.4 percent in the second quarter of 2025.\n\n"
           "Unit labor costs increased 1.6 percent.\n\nManufacturing sector productivity increased 0.9 percent "
           "in the second quarter, as output increased 1.2 percent and hours worked increased 0.3 percent.")
    article = ("Nonfarm productivity grew at a 2.4% annual rate this spring.\n\nManufacturing productivity rose "
               "0.9%, less than half the nonfarm pace, as factory output grew 1.2% and hours rose 0.3%.")
    assert derived_formula(Linker({"bls": doc}), article, "less than half") == "0.9 percent / 2.4 percent = 0.375"
    # without the apposition a percent over a percent is no share
    plain = article.replace("0.9%, less than half the nonfarm pace,", "0.9%; less than half of plants were busy,")
    assert links_in(Linker({"bls": doc}), plain)["less than half"] is None


def test_the_figures_of_a_figures_own_clause_count_in_full():
    index = DocumentIndex("nchs", "For females, life expectancy increased 0.3 year, from 81.3 in 2024 to 81.6 in 2025.")
    article = "Life expectancy for men rose half a year, to 76.9, while women's rose 0.3 year, to 81.6."
    q = next(q for q in find_quantities(article) if q.text == "0.3 year")
    (_, features), = index.candidate_features(q, article)
    # of the sentence's other figures only 81.6 is in the passage, but it is the one of the figure's clause
    assert features[link_module.LINK_FEATURES.index("co_numbers")] == 1.0


def test_a_speakers_quotation_is_not_the_context_of_a_figure_outside_it():
    from claimgraph.context import _unquoted

    sentence = ('CMS agreed with three of GAO\'s four recommendations, saying one "would not account for '
                'differences in the staffing of state call centers."')
    assert _unquoted(sentence, "three of GAO's four") == "CMS agreed with three of GAO's four recommendations, saying one  "
    # a figure inside the quotation keeps it; a scare-quoted term of a few words is kept
    assert _unquoted('He said "we answered 40,000 calls in June alone."', "40,000") == 'He said "we answered 40,000 calls in June alone."'
    assert _unquoted('The "desired date" rule moved 12 dates.', "12") == 'The "desired date" rule moved 12 dates.'


@pytest.mark.parametrize("story, report", [("agreed", "concurred"), ("accepted", "concurs"), ("women", "females"),
                                           ("men", "males"), ("jumped", "increased"), ("staffers", "employees"),
                                           ("shots", "vaccinations"), ("wages", "earnings"), ("homes", "housing"),
                                           ("killed", "fatalities"), ("injured", "injuries"), ("firms", "businesses"),
                                           ("renters", "tenants"), ("Sept", "September"), ("Jan", "January"),
                                           ("FY", "fiscal")])
def test_a_storys_word_for_a_reports_is_read_alike(story, report):
    from claimgraph.passages import _stem

    assert _stem(story) == _stem(report)


def test_a_day_the_story_abbreviates_links_to_the_schedule_line_naming_it_in_full():
    doc = ("The Consumer Price Index for July is scheduled to be released on Friday, August 14, 2026.\n\n"
           "Release schedule: the August 2026 CPI is scheduled to be released on Friday, September 11, 2026, "
           "at 8:30 a.m. (ET).")
    lk = links_in(Linker({"bls": doc}), "BLS will publish its next CPI report on Sept. 11.")["Sept. 11"]
    assert lk is not None and lk.quantity_text == "September 11, 2026"


def test_a_fraction_of_a_year_is_a_measurement_not_a_time_scope():
    from claimgraph.matching import _is_scoping

    assert not _is_scoping(Quantity.parse("0.04 year")) and not _is_scoping(Quantity.parse("a 0.4-year gain"))
    assert _is_scoping(Quantity.parse("two years")) and not _is_scoping(Quantity.parse("47 days"))
    doc = ("Life expectancy for females rose 0.3 year.\n\nIncreases in mortality from Alzheimer disease reduced "
           "life expectancy for females by 0.04 year and for males by 0.02 year.")
    lk = links_in(Linker({"nchs": doc}), "Rising deaths from Alzheimer's disease cost women 0.04 year.")["0.04 year"]
    assert lk is not None and lk.passage.of(doc).startswith("Increases in mortality from Alzheimer")


def test_a_quote_two_documents_hold_is_taken_from_the_one_the_sentence_credits():
    gao = DocumentIndex("gao", "USPS said a pause would delay savings the Postal Service needs to remain solvent, "
                        "but we continue to believe our recommendation is valid.", issuer="U.S. Government Accountability Office")
    usps = DocumentIndex("usps", "A pause would delay savings the Postal Service needs to remain solvent.",
                         issuer="United States Postal Service, Chief Logistics and Processing Operations Officer")
    sentence = ("The Postal Service accepted two of GAO's three recommendations but rejected a call to stop opening "
                'new centers, saying a pause "would delay savings the Postal Service needs to remain solvent."')
    # the issuer is named by a part of its name; GAO owns the recommendations but says nothing here
    assert usps.credited_in(sentence) and not gao.credited_in(sentence)
    assert gao.credited_in("GAO's report found that delays grew.")
    lk = Linker([gao, usps]).link_quote("would delay savings the Postal Service needs to remain solvent.", sentence)
    assert lk is not None and lk.document == "usps"


def test_an_auditor_or_a_bureau_may_be_credited_by_its_role():
    gao = DocumentIndex("gao", "x", issuer="U.S. Government Accountability Office")
    oig = DocumentIndex("oig", "x", issuer="U.S. Department of Education, Office of Inspector General")
    bls = DocumentIndex("bls", "x", issuer="Bureau of Labor Statistics")
    group = DocumentIndex("group", "x", issuer="Horizon College Access Network")
    sentence = "More than 2 million people lost coverage, a congressional watchdog said Thursday."
    assert gao.credited_in(sentence) and oig.credited_in(sentence) and not group.credited_in(sentence)
    assert oig.credited_in("Auditors found that 17.8 percent of forms were late.")
    assert bls.credited_in("Union membership fell to 9.9%, the bureau reported.") and not gao.credited_in(
        "Union membership fell to 9.9%, the bureau reported.")
    assert not oig.credited_in("The report found that auditors missed 12 files.")  # what is reported on


@pytest.mark.parametrize("doc, article, figure, formula", [
    pytest.param("Wisconsin's general fertility rate fell to 51.2 in 2025 from 52.7 in 2024, below the national "
                 "rate of 52.6.\n\nThe state's total fertility rate was 1,541.0 births per 1,000 women.",
                 "The state's fertility rate, 51.2, trailed the national figure by 1.4 points.",
                 "1.4", "52.6 - 51.2 = 1.4", id="trailed by"),
    pytest.param("In fiscal year 2023, the Postal Service delivered 90.4 percent of First-Class Mail in the Halsey "
                 "district on time.\n\nThe network change took effect in February 2024.\n\nIn fiscal year 2024, the "
                 "district's on-time rate was 71.6 percent, the lowest of the districts we reviewed.",
                 "On-time delivery in the Halsey district fell nearly 19 points in a year\n\nThe district delivered "
                 "71.6% of First-Class Mail on time in fiscal 2024, down from 90.4% the year before, GAO found.",
                 "nearly 19", "90.4 percent - 71.6 percent = 18.8", id="a count of points between two percents"),
    pytest.param("Unit labor costs in the nonfarm business sector increased 1.6 percent in the second quarter.\n\n"
                 "Hourly compensation increased 4.0 percent.\n\nReal hourly compensation increased 1.3 percent.\n\n"
                 "Manufacturing sector productivity increased 0.9 percent. Unit labor costs in the manufacturing "
                 "sector increased 3.4 percent in the second quarter.",
                 "Factory unit labor costs climbed 3.4%, or 1.8 points more than the 1.6% for the broader business "
                 "sector.", "1.8 points", "3.4 percent - 1.6 percent = 1.8",
                 id="two figures the article gives, in distant passages"),
    pytest.param("Treasury awarded the city $86.4 million in State and Local Fiscal Recovery Funds.\n\n"
                 "By the December 31, 2024, deadline, the city had obligated $71.2 million of the award.",
                 "The audit found the city had committed $71.2 million of its $86.4 million award by the deadline, "
                 "leaving $15.2 million that must go back to Treasury.",
                 "$15.2 million", "$86.4 million - $71.2 million = 15,200,000", id="what is left"),
    pytest.param("DOD's standard calls for mold repairs to be completed within 14 days of a work order.\n\n"
                 "At the Army installations we visited, repairs took a median of 21 days.",
                 "Army repairs took a median of 21 days, seven days longer than the Defense Department's 14-day "
                 "standard.", "seven days", "21 days - 14 days = 7", id="a wait longer than a standard"),
    pytest.param("Average weekly wages for the nation increased to $1,512 during the year.\n\n"
                 "In Westrow County, the average weekly wage was $1,418 in the fourth quarter.",
                 "The average weekly wage in Westrow hit $1,418 in the fourth quarter. That still leaves Westrow $94 "
                 "a week below the national average of $1,512.",
                 "$94", "$1,512 - $1,418 = 94", id="how far one figure leaves another below"),
    # 23 of 60 (38%) is "more than a third" only loosely; $7.4 million of $21.6 million (34%) is the sentence's
    pytest.param("Over the three years, WHD assessed $21.6 million in back wages owed to 14,390 workers.\n\n"
                 "The Southeast Region accounted for about $7.4 million of the $21.6 million in back wages.\n\n"
                 "In 23 of the 60 sampled investigations, the case file did not show a housing inspection.",
                 "Investigations there produced $7.4 million in back wages, more than a third of the national "
                 "total, and turned up violations in 421 cases.",
                 "more than a third", "about $7.4 million / $21.6 million = 0.3426", id="a loose A of B"),
    # 1.1 / 0.3 is 3.67, but the multiple is of the 2.8% set right after it: 9.6 / 2.8 = 3.43
    pytest.param("The motor vehicle insurance index rose 1.1 percent in April after rising 0.3 percent in March. "
                 "The index rose 9.6 percent over the last 12 months.\n\n"
                 "The all items index rose 2.8 percent for the 12 months ending April.",
                 "Over the past 12 months, insurance prices are up 9.6%. That is more than three times the 2.8% "
                 "rise in overall consumer prices, which climbed 0.3% in April.",
                 "more than three times", "9.6 percent / 2.8 percent = 3.43 times", id="the figure after a multiple"),
])
def test_a_figure_is_derived_from_the_operands_its_sentence_names(doc, article, figure, formula):
    """Gaps, sums, shares and multiples: the formula names the document figures the sentence points to."""
    assert derived_formula(Linker({"doc": doc}), article, figure) == formula


def test_a_share_set_after_an_amount_is_that_amount_over_its_total():
    doc = ("FEMA made 41,372 potentially duplicate payments totaling about $97.6 million.\n\n"
           "Telephone registrations accounted for 61 percent of the registrations, compared with 39 percent "
           "of all registrations.\n\nHurricane Delphine produced 14,208 potentially duplicate payments "
           "totaling $33.9 million.")
    article = ("Hurricane Delphine produced the most duplicates: 14,208 payments totaling $33.9 million, more than "
               "a third of the total.")
    assert derived_formula(Linker({"gao": doc}), article, "more than a third").startswith("$33.9 million / ")


@pytest.mark.parametrize("article, document, relation", [
    ("about 285 per 100,000", "284.6 per 100,000", "rounded"),
    ("about 694 deaths per 100,000", "693.9", "rounded"),  # the base given once in the document's sentence
    ("2.1 per 100,000", "2.1", "verbatim"),
])
def test_a_rate_is_a_measurement_that_may_be_rounded(article, document, relation):
    from claimgraph.matching import _relation

    rel = _relation(Quantity.parse(article), Quantity.parse(document))
    assert rel is not None and rel[0] == relation
    assert _relation(Quantity.parse("about 3 per 100,000"), Quantity.parse("4.6 per 100,000")) is None
    assert _relation(Quantity.parse("3 of the 4"), Quantity.parse("3 of the 5")) is None  # a part is no rate


def test_a_count_is_the_part_or_whole_of_a_ratio_but_no_multiple():
    from claimgraph.matching import _relation

    assert _relation(Quantity.parse("115"), Quantity.parse("115 of the 120"))[0] == "verbatim"
    assert _relation(Quantity.parse("120"), Quantity.parse("115 of the 120"))[0] == "verbatim"
    assert _relation(Quantity.parse("two nights"), Quantity.parse("nearly two times")) is None
    # nor the base of a share: "five" is not "one in five", and "one of five states" is no fifth
    assert _relation(Quantity.parse("five"), Quantity.parse("one in five")) is None
    assert _relation(Quantity.parse("one of five"), Quantity.parse("about one-fifth")) is None
    assert _relation(Quantity.parse("about one-fifth"), Quantity.parse("about one-fifth"))[0] == "verbatim"


def test_a_secondary_document_stating_a_figure_as_written_beats_a_report_only_rounding_it():
    report = DocumentIndex("bls", "Within Westrow, the largest employment increase occurred in manufacturing, which "
                           "gained 3,140 jobs (+11.6 percent).", issuer="Bureau of Labor Statistics")
    group = DocumentIndex("partnership", "Manufacturing now accounts for 17 percent of county employment, up from "
                          "12 percent in 2019, according to the Partnership's analysis.",
                          primary=False, issuer="Westrow Economic Partnership")
    article = "Manufacturing now makes up 17% of county jobs, up from 12% in 2019, BLS figures show."
    lk = links_in(Linker([report, group]), article)["12%"]
    assert lk is not None and lk.document == "partnership" and lk.relation == "verbatim"
    # a report stating the figure as closely as the statement does stays its evidence
    stating = DocumentIndex("bls", "Manufacturing accounted for 17 percent of county employment, up from 12 percent "
                            "in 2019.", issuer="Bureau of Labor Statistics")
    assert links_in(Linker([stating, group]), article)["12%"].document == "bls"


def test_each_line_of_a_list_after_a_colon_is_a_sentence_of_its_own():
    article = ("An average day in 2025, according to the Bureau of Labor Statistics:\n9.04 hours: sleeping\n"
               "0.49 hours: playing games or using a computer for fun\n")
    found = {q.text: q for q in find_quantities(article)}
    assert article_context(article, found["9.04 hours"].span)[0] == "9.04 hours: sleeping"
    assert article_context(article, found["0.49 hours"].span)[0].startswith("0.49 hours: playing")


def test_an_age_range_of_the_sentence_finds_its_table_row():
    doc = ("TABLE. Hospitalization rates per 100,000, by age group and season\n\n"
           "Age group             2022–23      2023–24      2024–25\n"
           "50–59 yrs                61.0         55.3         48.9\n"
           "60–74 yrs                87.4         71.2         52.6\n"
           "≥75 yrs                 312.5        248.9        176.3\n\n"
           "In 2024–25, 52.6 percent of the sampled patients had received a vaccine.")
    article = ("Adults 75 and older were hospitalized at a rate of 176.3 per 100,000 last season, more than three "
               "times the rate of 52.6 among adults 60 to 74.")
    lk = links_in(Linker({"mmwr": doc}), article)["52.6"]
    assert lk is not None and lk.passage.of(doc).startswith("60–74 yrs")


def test_a_count_per_item_is_read_at_the_articles_precision():
    doc = ("As of October 1, 2025, public schools had an estimated 41,300 vacant teaching positions.\n\n"
           "An estimated 173,500 teaching positions were filled by teachers not fully certified for the "
           "assignment.")
    article = ("- 41,300: vacant teaching positions in public schools.\n"
               "- 173,500: jobs filled by teachers not fully certified for the assignment, roughly four for every "
               "vacancy.\n")
    assert derived_formula(Linker({"nces": doc}), article, "roughly four").endswith("41,300 = 4.2")
    inspectors = ("BLM had 212 inspectors at the end of FY 2024.\n\n"
                  "The inspectors were responsible for about 90,000 producing wells.")
    told = ("BLM had 212 inspectors at the end of fiscal 2024. They were responsible for roughly 90,000 producing "
            "wells, more than 400 apiece.")
    assert derived_formula(Linker({"oig": inspectors}), told, "more than 400").endswith("/ 212 = 424.53")


def test_a_year_scopes_the_nearest_figure_of_its_sentence():
    survey = DocumentIndex("nchs", "In 2024, 5.1% of adults aged 18-64 were covered by a Marketplace plan.",
                           issuer="National Center for Health Statistics")
    group = DocumentIndex("coalition", "A record 21.4 million people selected a Marketplace plan during the open "
                          "enrollment period for 2024 coverage.", primary=False, issuer="Coverage Coalition")
    article = ("Marketplace plans covered about 5% of working-age adults, even after a record 21.4 million people "
               "signed up for 2024 coverage, per the coalition.")
    links = links_in(Linker([survey, group]), article)
    assert links["about 5%"].document == "nchs" and links["21.4 million"].document == "coalition"
    assert links["2024"].document == "coalition"


def test_a_year_may_scope_its_figure_where_another_passage_states_that_figure():
    # an ERS-style outlook of the corpus: the 2.3% is linked to a forecast table's row, while the
    # year stands beside it in the summary's sentence "... predicted to increase 2.3 percent in 2026"
    case = Path(__file__).resolve().parent / "corpus" / "linking-holdout5" / "40-usda-ers-food-prices"
    doc = read_document(case / "documents" / "ers-food-price-outlook-2026-01.txt")
    sentence = "USDA expects grocery prices to climb 2.3% in 2026, a bit slower than the 2.5% rise in 2025."
    lk = links_in(Linker({"ers": doc}), sentence)["2026"]
    assert lk is not None and "2.3 percent in 2026" in " ".join(lk.passage.of(doc.text).split())


def test_a_share_after_a_drop_of_is_the_size_of_the_change():
    # an NCES-style First Look of the corpus, and the story's "key numbers" list
    case = Path(__file__).resolve().parent / "corpus" / "linking-holdout12" / "82-nces-teacher-shortages"
    doc = read_document(case / "documents" / "nces-2026-047.txt")
    article = ("- 41,300: estimated vacant teaching positions in public schools as of Oct. 1, 2025, down from 52,800 "
               "a year earlier, a drop of more than a fifth.\n- 173,500: jobs filled by teachers not fully certified "
               "for the assignment.\n")
    formula = derived_formula(Linker({"nces": doc}), article, "more than a fifth")
    assert formula.startswith("(52,800 - ") and formula.endswith("/ 52,800 = 21.78%")


def test_a_share_that_sizes_a_change_is_computed_rather_than_read_off_a_loose_statement():
    # a GAO-style report of the corpus: "about a third" of its staffing section says nothing of pay
    case = Path(__file__).resolve().parent / "corpus" / "linking-holdout12" / "81-gao-wildfire-workforce"
    doc = read_document(case / "documents" / "gao-26-107214.txt")
    article = ("A permanent raise that took effect last April lifted entry-level firefighters to an average of "
               "$44,120 in base pay in 2025, nearly a third more than in 2021.")
    lk = links_in(Linker({"gao": doc}), article)["nearly a third"]
    assert lk is not None and lk.relation == "derived" and lk.formula.startswith("($44,120 - $33,680) / $33,680")


def test_a_release_day_is_the_date_line_of_the_documents_cover():
    doc = ("Audit of the Weatherization Assistance Program Administered by Tamarack Valley\nCommunity Action "
           "Agency\n\nJune 12, 2025\n\nWhy We Performed This Audit\n\nThe agency received $2.1 million in "
           "weatherization funds. Our fieldwork ran from January 6 through April 18, 2025.")
    article = ("The audit, released June 12, found that the agency billed for work that was never done. The agency "
               "received $2.1 million in weatherization funds.")
    lk = links_in(Linker({"doe-oig": doc}), article)["June 12"]
    assert lk is not None and lk.quantity_text == "June 12, 2025"
    # the same day said of something else is read off the cover only as loosely as any matching digits
    other = links_in(Linker({"doe-oig": doc}), "Crews visited the first homes on June 12.")["June 12"]
    assert other is None or other.score < lk.score - 0.15


def test_a_release_day_is_the_date_field_of_a_masthead_line():
    mmwr = ("Morbidity and Mortality Weekly Report\nWeekly / Vol. 74 / No. 40 / October 16, 2025\n\n"
            "E-Cigarette Use Among Middle and High School Students\n\nIn 2025, 7.4% of students reported current "
            "e-cigarette use.")
    group = ("NATIONAL VAPOR COMMERCE COUNCIL\n\nFor immediate release\n\nOctober 16, 2025\n\nThe council welcomed "
             "the decline reported today and urged enforcement against illegal products.")
    index = DocumentIndex("mmwr", mmwr)
    day = next(e.q for e in index.entries if e.q.text == "October 16, 2025")
    assert index.is_date_line(day.span)
    # ... as is one set apart by a wide gap ("Weekly / Vol. 74 / No. 40          October 23, 2025")
    wide = DocumentIndex("w", "Weekly / Vol. 74 / No. 40                    October 23, 2025\n\nIn 2025, 287 fell ill.")
    assert wide.is_date_line(next(e.q for e in wide.entries if e.q.text == "October 23, 2025").span)
    # a date inside a sentence is no field of its own
    assert not DocumentIndex("x", "Fieldwork ended on October 16, 2025 / as planned.").is_date_line(Span(18, 34))
    lk = links_in(Linker([index, DocumentIndex("nvcc", group, primary=False)]),
                  "This year's report came out Oct. 16, and 7.4% of students said they vape.")["Oct. 16"]
    assert lk is not None and lk.document == "mmwr"


def test_a_release_day_is_the_letters_date_line_not_the_month_of_the_cover():
    doc = ("GAO\n\nReport to Congressional Requesters\n\nMarch 2026\n\nHEAD START\n\nACF Should Use More "
           "of Its Data to Oversee Facility Safety\n\n" + "What GAO found about the facilities it visited in these "
           "reviews. " * 30 + "\n\n\fLetter\n\nMarch 11, 2026\n\nCongressional Requesters\n\nHead Start serves "
           "children.")
    lk = links_in(Linker({"gao": doc}), "The GAO report on Head Start facility safety, released March 11, found "
                                        "problems.")["March 11"]
    assert lk is not None and lk.quantity_text == "March 11, 2026"


def test_the_day_a_letter_is_named_by_is_its_date_line():
    letter = ("U.S. DEPARTMENT OF DEFENSE\nWASHINGTON, DC 20301\n\nFebruary 27, 2026\n\nMr. Jon Ludwig\n"
              "Director, Defense Capabilities\nU.S. Government Accountability Office\n\nDear Mr. Ludwig:\n\n"
              "This is the Department of Defense response to the GAO draft report on spare parts pricing. "
              "The Department concurs with four of the five recommendations.")
    linker = Linker({"dod-comments": letter})
    lk = links_in(linker, "In a Feb. 27 letter to GAO, the Pentagon agreed with four of the five "
                          "recommendations.")["Feb. 27"]
    assert lk is not None and lk.quantity_text == "February 27, 2026" and lk.score >= 0.5
    # a day of something else in the same sentence is no letter's day
    other = links_in(linker, "The Pentagon, which agreed with four of the five recommendations, will brief "
                             "Congress on Feb. 27.")["Feb. 27"]
    assert other is None or other.score < lk.score - 0.15


def test_a_year_beside_no_figure_of_its_passage_needs_a_strong_match():
    doc = ("The grant program began in 2019 with 40 participating counties.\n\n"
           "By 2025, 112 counties took part, and the program served 14,300 families.")
    linker = Linker({"report": doc})
    # "since 2019" shares a word or two with the report's sentence: no figure ties them
    assert links_in(linker, "The program has expanded steadily since 2019, county officials said.")["2019"] is None
    # the year beside the figure it scopes is linked
    lk = links_in(linker, "The grant program began in 2019 with 40 counties.")["2019"]
    assert lk is not None and lk.passage.of(doc).startswith("The grant program began in 2019")


def test_an_amount_told_again_in_another_period_or_unit_is_derived_from_the_first():
    doc = ("Average weekly wages for the nation increased to $1,512 during the year.\n\n"
           "In Westrow County, the average weekly wage was $1,418 in the fourth quarter.")
    article = ("The average weekly wage in Westrow hit $1,418 in the fourth quarter. That still leaves Westrow $94 a "
               "week below the national average of $1,512, or roughly $4,900 a year.")
    assert derived_formula(Linker({"bls": doc}), article, "roughly $4,900") == "$94 × 52 = 4,888"
    staffing = "Registered nurses at the sampled homes provided 0.44 hours less care per resident day than required."
    told = "Nurses provided 0.44 hours less care per resident day, or roughly 26 minutes, than the rules require."
    assert derived_formula(Linker({"oig": staffing}), told, "roughly 26 minutes") == "0.44 hours = 26.4 minutes"
    # another amount in another period that happens to agree is no restatement: it is not told "or"
    other = ("The average weekly wage in Westrow hit $1,418 in the fourth quarter. That still leaves Westrow $94 a "
             "week below the national average of $1,512, while rents reached roughly $4,900 a year.")
    assert links_in(Linker({"bls": doc}), other)["$94"] is not None
    assert links_in(Linker({"bls": doc}), other)["roughly $4,900"] is None


def test_a_share_in_words_keeps_the_rounded_figure_that_states_it(monkeypatch):
    import claimgraph.link as link_module

    # every rounded match is doubtful here, so only the worded-share rule keeps one
    monkeypatch.setattr(link_module, "DOUBTFUL_ROUNDED", 1.0)
    doc = ("Highlights\n\nThirteen percent of homes had gaps in RN coverage.\n\nResults\n\nOf the 14,670 nursing homes "
           "that submitted staffing data for the second quarter of 2025, 1,842 reported at least 1 day on which no RN worked.")
    links = links_in(Linker({"oig": doc}), "Of the 14,670 homes that filed staffing data, 1,842 reported a day with no "
                                            "registered nurse at work. That is about 1 in 8 homes, or 12.6%.")
    # "about 1 in 8" is how a report's 13 percent is told; 12.6% is no rounding of it, but the computed share
    assert (links["about 1 in 8"].relation, links["about 1 in 8"].quantity_text) == ("rounded", "Thirteen percent")
    assert links["12.6%"].formula == "1,842 / 14,670 = 12.56%"


def test_a_multiple_is_computed_from_two_figures_a_document_sentence_compares():
    # four passages match the article's words better, so the figures are found only as a comparison
    # their own passage tells
    sections = "".join(f"Section {i}\n\nThe attack rate among homeless residents and people with housing in county "
                       f"{i} was tracked by {3 + i} teams.\n\n" for i in range(4))
    doc = (sections + "Findings\n\nThe attack rate among persons experiencing homelessness was 4,890.5 per 100,000, "
           "compared with 23.7 per 100,000 among housed residents of the two counties.")
    linker = Linker({"mmwr": doc})
    many = links_in(linker, "The attack rate among homeless residents was more than 200 times the rate among people with housing.")
    assert many["more than 200 times"].formula == "4,890.5 per 100,000 / 23.7 per 100,000 = 206.35 times"
    # a multiple the two figures do not give is not taken from them
    few = links_in(linker, "The attack rate among homeless residents was more than 300 times the rate among people with housing.")
    assert few["more than 300 times"] is None


def test_a_small_count_the_sentence_names_as_a_part_is_a_share_of_its_whole():
    doc = ("Hospitalizations\n\nSeventeen (18%) patients were hospitalized; nine hospitalized patients received a "
           "diagnosis of pneumonia.\n\nVaccination\n\nOf the 96 patients, 83 were unvaccinated.")
    linker = Linker({"mmwr": doc})
    article = "Seventeen patients were hospitalized. Nine of the hospitalized patients developed pneumonia, more than half."
    assert derived_formula(linker, article, "more than half").endswith("= 0.5294")


@pytest.mark.parametrize("doc, article, figure, formula, unrelated", [
    # a share told as the rest of a percent its sentence gives is its complement
    ("Broadband\n\nAmong rural householders aged 65 and older, 77.2 percent had a broadband subscription.",
     "Among rural seniors the figure was 77.2%, meaning nearly a quarter go without.",
     "nearly a quarter", "100% - 77.2 percent = 22.8%",
     "Among rural seniors the figure was 77.2%, and nearly a quarter had cable."),
    # "3,918 out of 6,381" states both counts, and what "never happened" is the rest of them
    ("Inspections\n\nWe found that BLM completed 3,918 (61.4 percent) of the 6,381 production inspections its "
     "strategy required on high-priority cases during FY 2022 through FY 2024.",
     "BLM completed only 61.4% of the production inspections its own strategy required -- 3,918 out of 6,381. "
     "More than 2,400 required inspections never happened.",
     "More than 2,400", "6,381 - 3,918 = 2,463",
     "BLM completed only 61.4% of the production inspections its own strategy required -- 3,918 out of 6,381. "
     "More than 2,400 inspectors were hired."),
    # a total as an amount the sentence gives apiece times a count the article gives
    ("Aging monitors\n\nOf the 388 monitors in the eight states, 163 (42.0 percent) were more than 10 years old. "
     "The EPA estimates that replacing a monitor costs an average of $28,500.",
     "Of the 388 monitors, 163 were more than a decade old. At roughly $28,500 apiece, replacing them would "
     "cost about $4.6 million, the OIG estimated.",
     "about $4.6 million", "163 × $28,500 = 4,645,500",
     "Of the 388 monitors, 163 were more than a decade old. The EPA spent roughly $28,500 on one study and "
     "about $4.6 million on the program, the OIG said."),
    # the rest of an "A of B" the sentence before gives is their difference; a rate "per 100" is not two counts
    ("Fewer Than Half of Selected Buses Had Been Delivered\n\nEPA selected 9,416 buses for funding. As of "
     "September 30, 2025, selected districts had received 3,871 buses, or 41.1 percent (see table 1).",
     "As of Sept. 30, 2025, only 3,871 of the 9,416 buses EPA had selected for funding had been delivered. That "
     "leaves more than 5,500 buses still on order.", "more than 5,500", "9,416 - 3,871 = 5,545",
     "The rate was 3,871 per 9,416 buses delivered. That leaves more than 5,500 buses still on order."),
    # a count may be a percent its sentence gives of a total; one they do not give is not made up
    ("In 2025, the health department tested 6,208 children under 6, and 11.4 percent had an elevated blood lead "
     "level. In 2024, 10.1 percent of the 5,874 children tested had an elevated level.",
     "Of 6,208 children tested here in 2025, 11.4% -- about 708 children -- had elevated levels.",
     "about 708", "6,208 × 11.4 percent = 707.71",
     ("Of 6,208 children tested here in 2025, 11.4% -- about 650 children -- had elevated levels.", "about 650")),
])
def test_a_figure_is_derived_as_its_sentence_says_and_not_otherwise(doc, article, figure, formula, unrelated):
    linker = Linker({"oig": doc})
    assert derived_formula(linker, article, figure) == formula
    # the same figures, with no words saying the figure is their rest, their complement or their product
    # (or, given as a pair, another figure that is not what they compute)
    text, other = unrelated if isinstance(unrelated, tuple) else (unrelated, figure)
    assert links_in(linker, text)[other] is None


def test_figures_of_the_sentence_that_label_table_rows_name_those_rows_cells_as_operands():
    doc = ("Table 1: IRS Audit Rates, by Total Positive Income, Tax Years 2016 and 2021\n\n"
           "Total positive income              Tax year 2016 (%)   Tax year 2021 (%)   Change (%)\n"
           "Under $25,000                                   0.84                0.61          -27\n"
           "$25,000 to under $100,000                       0.36                0.17          -53\n"
           "$200,000 to under $500,000                      0.61                0.27          -56\n")
    linker = Linker({"gao": doc})
    article = "Filers under $25,000 were audited at more than twice the rate of those making $200,000 to $500,000."
    assert derived_formula(linker, article, "more than twice") == "0.61 / 0.27 = 2.26 times"
    # rows the sentence does not name give no operands
    other = "Filers were audited at more than twice the rate of others."
    assert links_in(linker, other)["more than twice"] is None


def test_a_year_of_the_sentence_finds_its_operand_in_the_table_row_that_year_labels():
    # four passages match the article's words better, so 19,270 is found only through its row's year
    sections = "".join(f"Section {i}\n\nVeterans with an approved family caregiver in region {i} received "
                       f"{300 + i} visits.\n\n" for i in range(4))
    doc = ("Program growth\n\nAs of September 30, 2024, 51,920 veterans had an approved primary family caregiver in "
           "the program.\n\n" + sections + "Table 1. Program Participation, FY 2020 Through FY 2024\n\n"
           "Fiscal year   Veterans with approved caregiver   Stipends ($ millions)\n"
           "2020                       19,270                       498\n"
           "2021                       24,880                       611\n"
           "2024                       51,920                       1,610\n")
    linker = Linker({"oig": doc})
    article = ("As of Sept. 30, 2024, 51,920 veterans had an approved family caregiver, more than 2.5 times as many "
               "as in 2020.")
    assert derived_formula(linker, article, "more than 2.5 times") == "51,920 / 19,270 = 2.69 times"
    # a year no row is labelled with finds nothing there
    assert links_in(linker, article.replace("2020", "2019"))["more than 2.5 times"] is None


def test_a_gap_in_points_between_two_figures_of_its_sentence_is_that_gap_not_a_like_figure_elsewhere():
    doc = ("Over-the-month changes\n\nThe largest decreases in the job openings rate were in Kansas (-0.9 percentage "
           "point) and Nevada (down 0.7 point).\n\nMissouri\n\nIn Missouri, employers had 163,000 job openings in "
           "October 2025, and the job openings rate was 5.1 percent.\n\nNational\n\nNationally, the job openings "
           "rate was 4.4 percent in October.")
    links = links_in(Linker({"bls": doc}),
                     "Missouri's openings rate was 5.1%, still 0.7 percentage point above the national rate of 4.4%.")
    # Nevada's "0.7 point" is another fact; the gap is 5.1 - 4.4
    assert links["0.7 percentage point"].formula == "5.1 percent - 4.4 percent = 0.7"


def test_a_gap_under_a_bound_may_sit_past_plain_rounding():
    doc = ("Results\n\nCoverage among girls reached 63.5% in 2025, compared with 58.2% among boys.\n\n"
           "Methods\n\nThe survey sampled 16,400 adolescents in 50 states.")
    article = "Girls were more likely than boys to be up to date, 63.5% compared with 58.2%, a gap of more than 5 points."
    assert derived_formula(Linker({"mmwr": doc}), article, "more than 5 points") == "63.5% - 58.2% = 5.3"
    # "about 5 points" is held to plain rounding (5%), and 5.3 is 6% off 5
    about = article.replace("more than 5 points", "about 5 points")
    assert links_in(Linker({"mmwr": doc}), about)["about 5 points"] is None


def test_a_unit_in_a_rows_label_scales_its_cells():
    doc = ("Table 3: Identity theft filters, 2023-2025\n\n"
           "                                                 2023     2024     2025\n"
           "Returns flagged by filters (thousands)           1,512    1,840    2,370\n"
           "Fraudulent refunds stopped ($ billions)           2.71     3.06     4.18\n"
           "Average days to resolve a case                    262      436      506\n")
    links = links_in(Linker({"gao": doc}), "Filters flagged 2,370,000 returns in 2025 and stopped $4.18 billion in "
                                           "refunds; a case took 506 days to resolve.")
    assert links["2,370,000"] is not None and links["2,370,000"].quantity_text == "2,370"
    assert links["$4.18 billion"] is not None and links["$4.18 billion"].quantity_text == "4.18"
    # a row without a unit of its own keeps its cells as they are written
    assert links["506 days"] is not None and links["506 days"].quantity_text == "506"
    assert one_link(doc, "262,000", "Some 262,000 cases waited in 2023.") is None


def test_nearly_takes_a_figure_that_rounds_up_to_it_and_speaks_of_size():
    doc = ("Private employers reported 2.6 million injuries in 2025, down 3.7 percent from 2024.\n\n"
           "District        2024     2025    Change\n"
           "Nebraska        91.3     79.6     -11.7\n")
    lk = one_link(doc, "nearly 4%", "Employers reported 2.6 million injuries, nearly 4% fewer than in 2024.")
    assert lk is not None and lk.relation == "rounded" and lk.quantity_text == "3.7 percent"
    # not a figure a tenth or more below it
    assert one_link("Injuries fell 3.5 percent from 2024.", "nearly 4%", "Injuries fell nearly 4% from 2024.") is None
    # a fall given signed in a table: "nearly" is of its size
    signed = "Change in Nebraska's on-time rate, fiscal 2024 to 2025: -11.7 percentage points."
    lk = one_link(signed, "nearly 12 percentage points", "Nebraska's on-time rate fell nearly 12 percentage points.")
    assert lk is not None and lk.quantity_text == "-11.7 percentage points"


def test_a_multiple_set_after_a_figure_of_its_clause_is_computed_from_that_figure():
    doc = ("Medical care prices rose 1.9 percent over the year, after 0.9 percent in June.\n\n"
           "The hospital services index rose 6.8 percent over the last 12 months. The all items index rose "
           "2.9 percent over the same period.")
    article = "Hospital services led, rising 0.9% in June and 6.8% over the year, more than twice the overall rate."
    lk = links_in(Linker({"bls": doc}), article)["more than twice"]
    assert lk is not None and lk.relation == "derived" and lk.formula.startswith("6.8 percent / 2.9 percent")
    # without a comma setting it after the figure, an earlier figure is no lead
    article = "Waits hit 97 days, up from 38 days a year earlier and more than double the 45-day goal."
    lk = links_in(Linker({"gao": "Decisions took a median of 97 days against a 45-day goal, and 38 days in 2024."}),
                  article)["more than double"]
    assert lk is not None and lk.formula.startswith("97 days / 45-day")


def test_in_a_long_sentence_the_words_nearest_a_figure_count_most():
    doc = ("Prices for food rose 3.4 percent from a year earlier.\n\n"
           "The shelter index increased 3.4 percent over the last year, the largest contributor to the rise in "
           "the all items index, as rents and housing costs for households kept climbing.")
    article = ("Food prices rose 3.4% from a year earlier, a pace that trailed the all items index, where rents, "
               "housing costs and shelter bills for households kept climbing.")
    lk = links_in(Linker({"bls": doc}), article)["3.4%"]
    assert lk is not None and doc[lk.passage.start : lk.passage.end].startswith("Prices for food")


@pytest.mark.parametrize("article", ["Food prices rose 0.2% in April.",
                                     "Prices for food rose 0.2% in April, the bureau said."])
def test_the_documents_words_nearest_its_figure_say_what_it_measures(article):
    # both passages name food and apparel: what rose 0.2 percent is the index named in the figure's clause
    doc = ("The apparel index increased 0.2 percent in April, while the food index was unchanged.\n\n"
           "The food index was unchanged in March and increased 0.2 percent in April; the apparel index "
           "was unchanged.")
    lk = links_in(Linker({"bls": doc}), article)["0.2%"]
    assert lk is not None and doc[lk.passage.start : lk.passage.end].startswith("The food index")


def test_a_year_scopes_the_figure_of_its_own_clause_before_one_past_a_comma():
    doc = ("VA paid $1.37 billion in stipends in fiscal year 2025, compared with $1.02 billion in fiscal "
           "year 2023.\n\n"
           "VA decided 38 percent of the applications it received in fiscal year 2025 within its 90-day goal.")
    article = "The VA paid $1.37 billion in stipends in fiscal 2025, up 38% from fiscal 2023, GAO said."
    links = links_in(Linker({"gao": doc}), article)
    assert links["$1.37 billion"] is not None and links["$1.37 billion"].passage.start == 0
    assert links["fiscal 2025"] is not None and links["fiscal 2025"].passage.start == 0


def test_a_group_named_again_by_its_head_noun_is_credited():
    gao = ("Of the more than 612,000 prescribers who ordered opioids for Part D beneficiaries in 2025, 284 "
           "ordered opioids for 10 or more beneficiaries at serious risk.")
    group = ("Statement of the Nurse Practitioner Alliance\n\nThese prescribers represent less than 0.05 percent "
             "of the more than 612,000 prescribers who ordered opioids for Part D patients in 2025.")
    linker = Linker([DocumentIndex("oig", gao), DocumentIndex("npa", group, primary=False,
                                                              issuer="Nurse Practitioner Alliance")])
    article = "The 284 flagged prescribers are less than 0.05% of the 612,000 clinicians, the alliance noted."
    lk = links_in(linker, article)["less than 0.05%"]
    assert lk is not None and lk.document == "npa" and lk.relation == "verbatim"
    # a department's response is "the department" again
    from claimgraph.credit import credits_role, role_pattern
    assert credits_role(role_pattern("U.S. Department of Transportation"), "The department said it has hired nine analysts.")
    assert not credits_role(role_pattern("U.S. Department of Transportation"), "Congress gave the department more money.")
    # ... and named with words of its name or its level of government
    city = role_pattern("City of Ardenport Department of Public Health, Office of Communications")
    assert credits_role(city, "Four in five patients were born abroad, the city health department said Thursday.")
    assert credits_role(city, "The public health department said nine children were ill.")
    assert not credits_role(city, "The fire department said nine homes burned.")
    # named by neither its name nor its role, the group's statement does not displace the report
    lk = links_in(linker, "The 284 flagged prescribers are less than 0.05% of the 612,000 clinicians.")["less than 0.05%"]
    assert lk is not None and lk.document == "oig"


def test_a_count_of_recommendations_is_not_taken_from_a_recommendation_s_number():
    doc = ("GAO is making four recommendations to VA, including that the Board record the reason for each remand.\n\n"
           "The Chairman of the Board should set timeliness goals for the hearing docket. (Recommendation 4)\n\n"
           "In its written comments, VA concurred with recommendations 1, 3, and 4 and concurred in principle "
           "with recommendation 2.")
    links = links_in(Linker({"gao": doc}), "GAO made four recommendations to VA.")
    assert links["four"] is not None and links["four"].quantity_text == "four"


def test_a_headline_names_what_a_story_is_about_not_who_says_it():
    from claimgraph.documents import LoadedDocument

    story = LoadedDocument(None, "ICE has no assurance the children are safe.", "text", [],
                           "ICE incapable of monitoring unaccompanied minors")
    outlet = DocumentIndex("tcs", story, primary=False, issuer="The Center Square (news outlet)")
    assert outlet.relays and not outlet.credited_in("ICE currently has no information, the report states.")
    weekly = LoadedDocument(None, "Cases rose 12 percent.", "text", [], "MMWR Morbidity and Mortality Weekly Report")
    report = DocumentIndex("mmwr", weekly, issuer="Centers for Disease Control and Prevention")
    assert not report.relays and report.credited_in("The rise was reported in MMWR, the agency's weekly.")


def test_a_statements_link_comes_first_only_when_half_its_odds_beat_the_primary_ones():
    from claimgraph.link import _stated_first

    def lk(doc: str, score: float, primary: bool) -> NumberLink:
        return NumberLink(doc, Span(0, 2), Span(0, 9), None, "verbatim", score, "93", None, (), primary, None)

    def first(statement: float, report: float) -> str:
        found = [lk("report", report, True), lk("group", statement, False)]
        return _stated_first(found, relays=lambda doc: False)[0].document

    assert first(0.95, 0.90) == "group"  # odds 19, halved 9.5, beat 9
    assert first(0.94, 0.90) == "report"  # 15.7, halved 7.8, do not
    assert first(0.9995, 0.905) == "group"  # near 1 the odds tell what a 0.9 factor on the score hides
    assert first(0.6, 0.5) == "report"  # 1.5 halved is 0.75: not enough against 1


def test_a_groups_own_figure_that_fits_the_sentence_better_comes_before_a_reports_like_digits():
    report = ("Access to retirement plans\n\nIn March 2026, 72 percent of private industry workers had access to a "
              "retirement plan. Among workers in the highest wage tenth, 93 percent had access to medical care "
              "benefits.\n\nTake-up rates were highest in utilities.")
    group = ("Statement of the Dakota Child Policy Center\n\nOur own survey of 410 member providers found that "
             "93 percent of child care workers have no retirement plan of any kind. Policymakers should act.")
    article = "A survey of 410 providers found that 93% of child care workers have no retirement plan at all."

    def best(issuer: str) -> str:
        linker = Linker([DocumentIndex("bls", report), DocumentIndex("dcpc", group, primary=False, issuer=issuer)])
        lk = links_in(linker, article)["93%"]
        assert lk is not None
        return lk.document

    assert best("Dakota Child Policy Center") == "dcpc"
    # a news outlet stating it relays it: the primary document stays first unless the story credits the outlet
    assert best("Dakota Morning News") == "bls"


def test_a_share_credited_in_the_sentence_before_comes_from_the_credited_statement():
    report = ("Of the 1,250 sleep-related infant deaths reviewed in 2024, 513 occurred while the infant was sharing "
              "a bed with a parent.")
    council = ("Statement of the National Council of Pediatricians\n\nA council survey of parents found "
               "41% had shared a bed with their baby at least once in the past month.")
    linker = Linker([DocumentIndex("mmwr", report),
                     DocumentIndex("council", council, primary=False, issuer="National Council of Pediatricians")])
    sentence = "Of 1,250 sleep-related infant deaths reviewed, 41% occurred while sharing a bed with a parent."
    # credited nowhere, a share the report's figures give is computed from them, not a statement's
    lk = links_in(linker, sentence)["41%"]
    assert lk is not None and lk.document == "mmwr" and lk.formula == "513 / 1,250 = 41.04%"
    # credited in the sentence before, the statement stating it is its origin
    lk = links_in(linker, "The National Council of Pediatricians said in a statement that parents need advice. "
                          + sentence)["41%"]
    assert lk is not None and lk.document == "council" and lk.relation == "verbatim"


def test_a_headline_duration_in_other_units_follows_its_restatement_in_the_story():
    doc = "Across fiscal years 2024 and 2025, the median time to close a refund complaint was 94 days."
    article = ("Refund complaints: expect to wait about three months, watchdog finds\n\n"
               "An audit found the office took a median of 94 days to close a refund complaint.")
    links = links_in(Linker({"oig": doc}), article)
    assert links["94 days"] is not None and links["94 days"].relation == "verbatim"
    lk = links["about three months"]
    assert lk is not None and lk.relation == "derived" and lk.formula == "94 days = 3.09 months"


def test_a_total_whose_passage_names_no_year_is_read_as_a_years_worth_per_month():
    doc = "Housing expenditures increased 5.2 percent, to $26,412, and accounted for 32.9 percent of spending."
    article = "The average household spent $26,412 on housing, up 5.2%. That works out to about $2,200 a month."
    lk = links_in(Linker({"bls": doc}), article)["about $2,200"]
    assert lk is not None and lk.relation == "derived" and lk.formula.startswith("$26,412 / 12 months")
    # not a figure the month's amount does not divide into
    assert links_in(Linker({"bls": doc}), article.replace("$2,200", "$3,100"))["about $3,100"] is None


def test_a_headline_figure_may_be_computed_from_figures_the_story_gives_further_down():
    doc = ("Average hold times for callers seeking an assistor rose from 17.9 minutes in fiscal year 2023 to "
           "42.7 minutes in fiscal year 2025, as IRS lost phone staff.\n\n"
           "IRS answered 71.4 percent of calls in fiscal year 2025.")
    article = ("Taxpayers' waits more than doubled, GAO says\n\n"
               "Taxpayers who called the agency this spring waited longer than ever. Watchdogs blamed staffing. "
               "The average hold rose from 17.9 minutes in 2023 to 42.7 minutes in 2025, the report said.")
    lk = links_in(Linker({"gao": doc}), article)["more than doubled"]
    assert lk is not None and lk.relation == "derived" and lk.formula.startswith("42.7 minutes / 17.9 minutes")
    # only the title block's lines are headlines read against the whole story, not a list's lines further down
    listed = ("IRS phone service, by the numbers\n\nTaxpayers who called the agency this spring waited longer "
              "than ever.\n\nWhat changed:\n\n- Staff cuts\n- Waits more than doubled\n\nWatchdogs blamed staffing. "
              "Callers gave up. The average hold rose from 17.9 minutes in 2023 to 42.7 minutes in 2025, the report said.")
    assert links_in(Linker({"gao": doc}), listed)["more than doubled"] is None


def test_a_1000_units_column_head_scales_its_cells():
    doc = ("Table 2. Soybeans: Area Harvested and Production, Selected States\n\n"
           "                 Area harvested         Production\n"
           "                 (1,000 acres)          (1,000 bushels)\n"
           "State            2025       2026        2025          2026\n\n"
           "Iowa              9,920      9,610      575,360       571,795\n"
           "Nebraska          5,190      5,050      321,780       320,675\n")
    links = links_in(Linker({"nass": doc}), "Nebraska soybeans are forecast on 5.05 million acres in 2026.")
    assert links["5.05 million acres"] is not None and links["5.05 million acres"].quantity_text == "5,050"
    assert one_link(doc, "5,050", "Nebraska's 4-H club counted 5,050 members.") is None


def test_a_figure_is_read_beside_its_nearest_figures_only():
    from claimgraph.context import MAX_OTHERS, _Context
    sentence = "Officials said " + ", ".join(f"{300 + i} cases in region {i}" for i in range(3 * MAX_OTHERS)) + "."
    figures = find_quantities(sentence)
    middle = figures[len(figures) // 2]
    others = _Context.of(sentence, middle).others
    assert len(others) == MAX_OTHERS and middle.text not in {oq.text for oq in others}
    # the nearest figures, both sides, in the sentence's order
    gaps = sorted(abs(oq.span.start - middle.span.start) for oq in figures if oq is not middle)
    assert max(abs(oq.span.start - middle.span.start) for oq in others) == gaps[MAX_OTHERS - 1]
    assert [oq.span.start for oq in others] == sorted(oq.span.start for oq in others)
    # a prose sentence keeps every figure (its years place figures; they are not among them)
    short = "The agency closed 1,200 cases in 2024, up from 600, and 45% of them were late."
    assert [oq.text for oq in _Context.of(short, find_quantities(short)[0]).others] == ["600", "45%"]


def test_the_part_and_the_whole_of_a_count_are_linked_apart():
    doc = ("Background\n\nThe U.S. Marshals Service operated a fleet of 6,412 vehicles at the end of FY 2025 and "
           "spent $118.6 million on it.\n\nResults\n\nWe found that the USMS did not effectively monitor vehicle "
           "use. In FY 2025, 1,587 USMS vehicles, or 24.8 percent of the fleet, were driven fewer than 1,000 miles.")
    article = "The audit found that 1,587 of the agency's 6,412 vehicles were driven fewer than 1,000 miles."
    result = next(r for r in Linker({"oig": doc}).link_all(article) if r.text == "1,587 of the agency's 6,412")
    part, whole = result.parts
    assert (part.text, whole.text) == ("1,587", "6,412") and article[whole.span.start:whole.span.end] == "6,412"
    assert result.link.quantity_text == "1,587" and part.link == result.link  # its passage states the part
    assert whole.link is not None and whole.link.quantity_text == "6,412" and whole.link.section == "Background"


def test_a_passage_giving_both_counts_of_an_a_of_b_comes_first():
    doc = ("Summary\n\nAmong infants younger than 2 months, 251 were hospitalized with pertussis in 2025.\n\n"
           "Results\n\nA total of 418 (36.5%) infants were hospitalized, including 251 of 402 aged <2 months (62.4%).")
    article = "Among infants younger than 2 months, 251 of 402 were hospitalized with pertussis in 2025."
    result = next(r for r in Linker({"mmwr": doc}).link_all(article) if r.text == "251 of 402")
    # the summary's wording is closer, but only the results give the 402 too
    assert result.link is not None and result.link.quantity_text == "251 of 402"
    assert [p.link.quantity_text for p in result.parts] == ["251 of 402", "251 of 402"]


def test_a_count_of_a_whole_and_a_range_have_two_parts():
    for text, parts in [("1,587 of the agency's 6,412", ("1,587", "6,412")), ("Seventy-seven of its 313", ("Seventy-seven", "313")),
                        ("3,918 out of 6,381", ("3,918", "6,381")), ("from 35 to 1,800", ("35", "1,800")),
                        ("between 2019 and 2025", ("2019", "2025")), ("from July 2023 through June 2025", ("July 2023", "June 2025")),
                        ("one of the eight", None), ("one in five", None), ("4.1 per 100", None), ("2024-25", None)]:
        sentence = f"The review found {text} were late."
        q = next(q for q in find_quantities(sentence) if q.text.lower().endswith(text.lower()))
        found = figure_parts(q)
        assert (None if found is None else tuple(sentence[p.span.start:p.span.end] for p in found)) == parts, text
