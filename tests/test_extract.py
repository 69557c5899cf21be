"""claimgraph.extract: sentences, headings, quotes, speakers, attributions, statement kinds.

The worked case (examples/uac-oig-2024) is checked against its hand-made case.json; the
other snippets are small realistic cases written for these tests, one per pattern.
"""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract import (
    ATTRIBUTION_KINDS,
    SPEAKER_KINDS,
    STATEMENT_KINDS,
    Analysis,
    analyze,
    find_quotes,
    split_sentences,
)

ROOT = Path(__file__).resolve().parent.parent
WORKED = ROOT / "examples" / "uac-oig-2024"
CORPUS = ROOT / "tests" / "corpus" / "news"


@pytest.fixture(scope="module")
def worked() -> Analysis:
    return analyze((WORKED / "article.txt").read_text(encoding="utf-8"))


def statement_with(analysis: Analysis, words: str):
    found = [s for s in analysis.statements if words in s.text]
    assert len(found) == 1, f"{len(found)} statements contain {words!r}"
    return found[0]


def check_offsets(a: Analysis) -> None:
    text = a.text
    for s in a.sentences:
        assert text[s.span.start : s.span.end] == s.text
    for st_ in a.statements:
        assert text[st_.span.start : st_.span.end] == st_.text
        assert 0 <= st_.sentence_index < len(a.sentences)
        assert st_.kind in STATEMENT_KINDS
        att = st_.attribution
        assert att.kind in ATTRIBUTION_KINDS and att.sentence_index == st_.sentence_index
        for span in (att.cue_span, att.source_span):
            assert span is None or span.end <= len(text)
        if att.continues is not None:
            assert 0 <= att.continues < st_.sentence_index
        for q in st_.quantities:
            assert st_.span.start <= q.span.start and q.span.end <= st_.span.end
    for q in a.quotes:
        assert text[q.span.start : q.span.end] == q.text and q.text
        assert q.outer.start < q.span.start and q.span.end <= q.outer.end <= len(text)
        for span in (q.speaker_span, q.cue_span):
            assert span is None or span.end <= len(text)
        assert q.sentence_indexes and all(0 <= i < len(a.sentences) for i in q.sentence_indexes)
    for sp in a.speakers:
        assert sp.kind in SPEAKER_KINDS and sp.name


# --------------------------------------------------------------------------- the worked case


def test_worked_case_every_statement_typed(worked):
    text = worked.text
    assert len(worked.statements) == 27  # 26 lines, one of them holds two sentences
    assert [s.kind for s in worked.statements].count("heading") == 4
    assert {s.text for s in worked.statements if s.kind == "heading"} == {
        "Majority of Unaccompanied Minors Released Under Biden-Harris Administration",
        "Concerns About Trafficking and Exploitation Rise",
        "Failure to Track Court Proceedings",
        "Calls for Immediate Action",
    }
    rest = text
    for s in reversed(worked.sentences):
        rest = rest[: s.span.start] + rest[s.span.end :]
    assert rest.split() == []  # every non-blank character is in a sentence
    check_offsets(worked)


def test_worked_case_matches_hand_made_case_json(worked):
    """Kinds and attribution kinds agree with the annotated case, claim by claim."""
    case = json.loads((WORKED / "case.json").read_text(encoding="utf-8"))
    claims = case["claims"]
    assert [s.text for s in worked.statements] == [c["quote"] for c in claims]
    assert [s.kind for s in worked.statements] == [c["kind"] for c in claims]
    want = [c.get("attribution", {}).get("kind", "unattributed") for c in claims]
    assert [s.attribution.kind for s in worked.statements] == want


def test_worked_case_three_quotes_with_speakers(worked):
    assert len(worked.quotes) == 3
    cuffari, grassley, report = worked.quotes
    assert cuffari.text.startswith("We found ICE cannot always monitor")
    assert (cuffari.speaker.name, cuffari.speaker.kind, cuffari.speaker.role) == (
        "Joseph Cuffari", "person", "DHS Inspector General")
    assert cuffari.cue == "stated"
    assert grassley.text.startswith("Lax vetting") and grassley.text.endswith("as well,")
    assert (grassley.speaker.name, grassley.speaker.role) == ("Chuck Grassley", "U.S. Senator")
    assert worked.text[grassley.speaker_span.start : grassley.speaker_span.end] == "Grassley"
    assert report.speaker.kind == "document" and report.speaker.name == "the DHS OIG report"
    assert worked.text[report.speaker_span.start : report.speaker_span.end] == "the report"
    assert report.cue == "reads"
    assert not any(q.partial for q in worked.quotes)
    for q in worked.quotes:
        assert worked.statements[q.sentence_indexes[0]].kind == "quote"


def test_worked_case_relayed_vague_and_continued(worked):
    first = worked.statements[0].attribution
    assert first.kind == "relayed" and first.cue == "reports"
    assert (first.via.name, first.via.kind) == ("The Center Square", "news_outlet")
    assert first.source.kind == "government_body" and "Inspector General" in first.source.name

    critics = statement_with(worked, "Critics, including").attribution
    assert critics.kind == "vague" and critics.group == "Critics" and critics.cue == "argue"
    assert [n.name for n in critics.named] == ["Chuck Grassley"]

    according = statement_with(worked, "According to the DHS OIG report")
    assert according.attribution.kind == "paraphrase" and according.attribution.cue == "according to"
    assert (according.attribution.source.name, according.attribution.source.kind) == ("the DHS OIG report", "document")

    further = statement_with(worked, "The report further states").attribution
    assert further.kind == "paraphrase" and further.source == according.attribution.source
    assert further.continues == according.sentence_index

    for words in ("The report highlights", "with the report indicating", "The report noted", "The OIG report concludes"):
        att = statement_with(worked, words).attribution
        assert att.kind == "paraphrase" and att.source.name == "the DHS OIG report", words


def test_worked_case_speakers_merged(worked):
    names = [s.name for s in worked.speakers]
    assert len(names) == len(set(names))
    (grassley,) = [s for s in worked.speakers if "Grassley" in s.name]
    assert grassley.name == "Chuck Grassley" and "Grassley" in grassley.aliases
    (report,) = [s for s in worked.speakers if s.kind == "document"]
    assert {"the report", "the OIG report"} <= set(report.aliases)
    assert worked.quotes[1].speaker is worked.statements[7].attribution.named[0] or (
        worked.quotes[1].speaker == worked.statements[7].attribution.named[0])


def test_worked_case_opinion_and_numeric(worked):
    assert statement_with(worked, "may continue to worsen").kind == "opinion"
    assert statement_with(worked, "remain uncertain").kind == "opinion"
    most = statement_with(worked, "most alarming")
    assert most.kind == "factual" and most.attribution.source.name == "the DHS OIG report"  # sourced: not opinion
    numeric = statement_with(worked, "more than 448,000")
    assert numeric.kind == "numeric" and [q.text for q in numeric.quantities][-1] == "more than 448,000"


# --------------------------------------------------------------------------- sentences

SPLITS = [
    ("Sen. Chuck Grassley (R-IA) spoke. He left.", ["Sen. Chuck Grassley (R-IA) spoke.", "He left."]),
    ("The U.S. Department of Health said so. The U.S. agreed.", ["The U.S. Department of Health said so.", "The U.S. agreed."]),
    ("It happened on Jan. 5 in Iowa. Nobody saw it.", ["It happened on Jan. 5 in Iowa.", "Nobody saw it."]),
    ("Dr. Jane Roe testified. She was calm.", ["Dr. Jane Roe testified.", "She was calm."]),
    ("See page No. 5 for details. Then read on.", ["See page No. 5 for details.", "Then read on."]),
    ("The program cost $1.4 billion. It was cut.", ["The program cost $1.4 billion.", "It was cut."]),
    ("DHS Inspector General Joseph V. Cuffari signed it. The memo went out.",
     ["DHS Inspector General Joseph V. Cuffari signed it.", "The memo went out."]),
    ("He paused... Then he left.", ["He paused...", "Then he left."]),
    ("The plan\u2026 was delayed.", ["The plan\u2026 was delayed."]),
    ("\u201cWe tried. We failed,\u201d she said. Then she left.", ["\u201cWe tried. We failed,\u201d she said.", "Then she left."]),
    ("\u201c\u2026 one. \u2026 two,\u201d she said.", ["\u201c\u2026 one. \u2026 two,\u201d she said."]),
    ("\u201cWhy now?\u201d she asked. Nobody knew.", ["\u201cWhy now?\u201d she asked.", "Nobody knew."]),
    ("He said \u201cNo.\u201d Then he left.", ["He said \u201cNo.\u201d", "Then he left."]),
    ("The train left at 2:07 p.m. and stopped. It was late.", ["The train left at 2:07 p.m. and stopped.", "It was late."]),
    ("Crews worked from 11 a.m. Monday until 8 p.m. Tuesday. Then they rested.",
     ["Crews worked from 11 a.m. Monday until 8 p.m. Tuesday.", "Then they rested."]),
    ("Growth was 3.2% in 2024. It slowed in 2025.", ["Growth was 3.2% in 2024.", "It slowed in 2025."]),
    ("Acme Inc. said profits rose. Shares fell.", ["Acme Inc. said profits rose.", "Shares fell."]),
    ("He lives in Washington, D.C. The city is large.", ["He lives in Washington, D.C.", "The city is large."]),
    ("Gov. Elaine Marsh (D) spoke on Aug. 19, 2024. She was brief.", ["Gov. Elaine Marsh (D) spoke on Aug. 19, 2024.", "She was brief."]),
    ("RICHMOND, Va. (AP) \u2014 A court ruled. It was final.", ["RICHMOND, Va. (AP) \u2014 A court ruled.", "It was final."]),
    ("He is 6'2\" tall. He plays.", ["He is 6'2\" tall.", "He plays."]),
    ("\u201cIt is late. It is wrong,\u201d Grassley said. They left.", ["\u201cIt is late. It is wrong,\u201d Grassley said.", "They left."]),
    ("(This was disputed.) Officials agreed.", ["(This was disputed.)", "Officials agreed."]),
    ("Mr. Smith vs. Mr. Jones went to trial. The judge ruled.", ["Mr. Smith vs. Mr. Jones went to trial.", "The judge ruled."]),
    ("Calls for Immediate Action\nICE must act now.", ["Calls for Immediate Action", "ICE must act now."]),
    ("Is this it? Yes! It is.", ["Is this it?", "Yes!", "It is."]),
]


@pytest.mark.parametrize("text, expected", SPLITS, ids=[s[0][:30] for s in SPLITS])
def test_tricky_sentence_splits(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_headings_and_paragraphs():
    text = ("Calls for Immediate Action\n\nThe OIG report concludes by urging ICE to act.\n"
            "Without changes, the situation may worsen.\n\nBy Bethany Blankley")
    sents = split_sentences(text)
    assert [(s.paragraph, s.is_heading) for s in sents] == [(0, True), (1, False), (2, False), (3, True)]


def test_hard_wrapped_paragraphs_join_lines():
    text = ("Officials said the bridge, which carries about 14,000 vehicles a day, would\n"
            "close in May for repairs that are expected to last about seven months and\n"
            "cost $12 million. Detours will be posted.\n\nA second paragraph follows here.")
    sents = split_sentences(text)
    assert [s.paragraph for s in sents] == [0, 0, 1]
    assert sents[0].text.endswith("$12 million.") and "\n" in sents[0].text


def test_sentence_heading_not_mistaken():
    assert not split_sentences("The agency said it would respond.")[0].is_heading
    assert not split_sentences("“We Will Win”")[0].is_heading


# --------------------------------------------------------------------------- quotes (requirement 2)


def only_quote(text):
    (q,) = find_quotes(text)
    return q


@pytest.mark.parametrize("text", [
    '"We will reopen the bridge in May," Smith said.',
    "\u201cWe will reopen the bridge in May,\u201d Smith said.",
])
def test_straight_and_curly_double_quotes(text):
    q = only_quote(text)
    assert q.text == "We will reopen the bridge in May," and q.speaker.name == "Smith"
    assert text[q.outer.start] in '"\u201c' and text[q.outer.end - 1] in '"\u201d'


def test_british_single_quotes():
    text = ("\u2018We are paying the price for a problem that is not of our making,\u2019 the chief executive, "
            "Isabel Ferreira, told analysts. \u2018Our customers\u2019 trips will change, but we will not strand anyone.\u2019")
    a, b = find_quotes(text)
    assert a.text.startswith("We are paying") and b.text.startswith("Our customers\u2019 trips")
    assert a.speaker.name == b.speaker.name == "Isabel Ferreira" and a.speaker.role == "chief executive"


def test_nested_quotes_stay_inside_the_outer_quote():
    text = "\u201cHe told me \u2018we are done,\u2019 and walked out,\u201d said Maria Lopez, a tenant."
    q = only_quote(text)
    assert q.text == "He told me \u2018we are done,\u2019 and walked out," and q.speaker.name == "Maria Lopez"
    text = '"Every time I said the word \'voucher,\' the apartment was gone," Denise Carter said.'
    assert only_quote(text).text.startswith("Every time I said the word 'voucher,'")


def test_quote_interrupted_by_attribution():
    text = ("Sen. Chuck Grassley wrote to HHS on Tuesday. \u201cWe need answers,\u201d said Grassley. "
            "\u201cThe children cannot wait.\u201d")
    a, b = find_quotes(text)
    assert (a.text, b.text) == ("We need answers,", "The children cannot wait.")
    assert a.speaker == b.speaker and a.speaker.name == "Chuck Grassley"
    assert not a.partial and not b.partial
    text = "\u201cWe can afford the tax cut,\u201d Ybarra said, \u201cbut we cannot afford to pretend.\u201d"
    a, b = find_quotes(text)
    assert a.speaker.name == b.speaker.name == "Ybarra" and not b.partial


def test_multi_paragraph_quote():
    text = ("Mayor Ana Ruiz said the city had run out of options:\n"
            "\u201cWe have tried everything the state allows.\n"
            "\u201cNow we need the Legislature to act,\u201d she said.\n"
            "Council members did not respond.")
    a, b = find_quotes(text)
    assert a.text == "We have tried everything the state allows." and not a.closed
    assert b.text == "Now we need the Legislature to act," and b.closed
    assert a.speaker.name == b.speaker.name == "Ana Ruiz" and a.speaker.role == "Mayor"


def test_partial_quotes():
    text = "NTSB Chair Lydia Barrows told reporters that it was \u201cfar too early\u201d to say what caused the crash."
    q = only_quote(text)
    assert q.partial and q.text == "far too early" and q.speaker.name == "Lydia Barrows" and q.cue == "told"
    q = only_quote("Grassley called the delays \u201cunacceptable.\u201d")
    assert q.partial and q.text == "unacceptable." and q.cue == "called"
    q = only_quote("She said she would take the train again \u2014 \u201cbecause what choice do I have?\u201d")
    assert q.partial


def test_unbalanced_marks_never_swallow_the_article():
    text = ("Officials said \u201cthe bridge will reopen in May.\n"
            "Detours remain in place. Crews are working nights.\n"
            "\u201cWe are on schedule,\u201d said Dana Cole, the project manager.")
    quotes = find_quotes(text)
    assert quotes[-1].text == "We are on schedule," and quotes[-1].speaker.name == "Dana Cole"
    for q in quotes[:-1]:
        assert "Detours" not in q.text  # capped at its paragraph
    assert find_quotes('He said "yes and then" no " more "') is not None
    assert find_quotes("\u201d\u201d\u201c\u201c") == []


def test_inch_marks_and_apostrophes_are_not_quotes():
    text = "He is 6'2\" and bought a 12\" pipe. ICE\u2019s agents recalled the \u201990s. The officers\u2019 union agreed."
    assert find_quotes(text) == []


def test_scare_quotes_and_titles_are_not_quotes():
    assert find_quotes("Critics attacked so-called \u201csanctuary\u201d policies.") == []
    assert find_quotes("The \u201csanctuary\u201d policies were debated.") == []
    assert find_quotes("The OIG issued a report titled \u201cICE Cannot Monitor All Unaccompanied Children.\u201d") == []
    assert find_quotes("Theft, known in the industry as \u201cshrink,\u201d fell, Kowalczyk said.") == []


# --------------------------------------------------------------------------- speakers (requirement 3)


@pytest.mark.parametrize("text, name", [
    ("Smith said: \u201cWe need answers.\u201d", "Smith"),
    ("Smith said, \u201cWe need answers.\u201d", "Smith"),
    ("\u201cWe need answers,\u201d Smith said.", "Smith"),
    ("\u201cWe need answers,\u201d said Jane Smith, who chairs the board.", "Jane Smith"),
    ("\u201cWe need answers,\u201d Smith told reporters on Monday.", "Smith"),
    ("\u201cWe need answers,\u201d according to Jane Smith.", "Jane Smith"),
    ("Jane Smith wrote to HHS on Tuesday. \u201cWe need answers.\u201d", "Jane Smith"),
    ("Jane Smith said in a statement:\n\u201cWe need answers.\u201d", "Jane Smith"),
    ("Walter Dunning stood in the church parking lot. \u201cWe lost forty-four years in twenty minutes.\u201d", "Walter Dunning"),
])
def test_speaker_positions(text, name):
    assert only_quote(text).speaker.name == name


def test_pronoun_and_surname_resolve_to_full_name():
    text = ("U.S. Senator Chuck Grassley (R-IA) wrote to the agency. \u201cThe delays are unacceptable,\u201d he said. "
            "Grassley added: \u201cWe will keep asking.\u201d")
    a, b = find_quotes(text)
    assert a.speaker == b.speaker
    assert (a.speaker.name, a.speaker.role, a.speaker.kind) == ("Chuck Grassley", "U.S. Senator", "person")
    assert text[a.speaker_span.start : a.speaker_span.end] == "he"
    assert text[b.speaker_span.start : b.speaker_span.end] == "Grassley"


def test_titles_become_roles():
    cases = {
        "DHS Inspector General Joseph Cuffari said, \u201cWe found gaps.\u201d": ("Joseph Cuffari", "DHS Inspector General"),
        "Homeland Security Secretary Alejandro Mayorkas said, \u201cWe found gaps.\u201d": ("Alejandro Mayorkas", "Homeland Security Secretary"),
        "State Superintendent of Public Instruction Linda Ochoa said, \u201cWe found gaps.\u201d": ("Linda Ochoa", "State Superintendent of Public Instruction"),
        "City Council member Yolanda Pierce said, \u201cWe found gaps.\u201d": ("Yolanda Pierce", "City Council member"),
        "Her lawyer, Malik Ferris, said: \u201cWe found gaps.\u201d": ("Malik Ferris", "lawyer"),
        "\u201cWe found gaps,\u201d said Dr. Anthony Fauci.": ("Anthony Fauci", "Dr."),
    }
    for text, (name, role) in cases.items():
        q = only_quote(text)
        assert (q.speaker.name, q.speaker.role, q.speaker.kind) == (name, role, "person"), text


@pytest.mark.parametrize("text, name", [
    ("\u201cWithout oversight, children are at risk,\u201d the report reads.", "the report"),
    ("\u201cWithout oversight, children are at risk,\u201d the audit states.", "the audit"),
    ("\u201cICE must take immediate action,\u201d the alert states.", "the alert"),
])
def test_documents_as_speakers(text, name):
    q = only_quote(text)
    assert (q.speaker.name, q.speaker.kind) == (name, "document")


def test_report_named_once_then_the_report():
    text = ("The DHS OIG report was released Monday. "
            "\u201cICE cannot always monitor the children,\u201d the report reads.")
    q = only_quote(text)
    assert q.speaker.name == "the DHS OIG report" and "the report" in q.speaker.aliases


def test_bodies_outlets_and_anonymous_speakers():
    q = only_quote("A spokesperson for ICE said the agency was \u201cworking through every case.\u201d")
    assert q.speaker.name == "ICE spokesperson"
    q = only_quote("The National Transportation Safety Board said it would \u201clook at everything.\u201d")
    assert (q.speaker.name, q.speaker.kind) == ("National Transportation Safety Board", "government_body")
    text = ("The Washington Supreme Court ruled Thursday that the state must pay. "
            "The court said it expected \u201cmeaningful progress\u201d next year.")
    assert only_quote(text).speaker.name == "Washington Supreme Court"
    text = ("U.S. Senators Mark Jensen and Alicia Brandt introduced the bill. \u201cIt works,\u201d Jensen said. "
            "Brandt said: \u201cIt is fair.\u201d \u201cFarmers care whether it works,\u201d the senators said.")
    assert find_quotes(text)[-1].speaker.name == "Mark Jensen and Alicia Brandt"


def test_speakers_found_while_probing():
    text = ("Walter Dunning stood in the parking lot. His wife, June Dunning, said they saved the dog. "
            "\u201cEverything else is ash,\u201d she said.")
    q = only_quote(text)
    assert (q.speaker.name, q.speaker.role) == ("June Dunning", "wife")
    text = ("Sen. Joni Ernst, R-Iowa, met farmers on Monday. "
            "\u201cWe cannot keep asking them to wait,\u201d the Iowa Republican said.")
    assert only_quote(text).speaker.name == "Joni Ernst"
    text = "Sen. Joni Ernst spoke first. Later, the senator wrote that the delays were \u201cunacceptable and dangerous.\u201d"
    assert only_quote(text).speaker.name == "Joni Ernst"
    a, b = find_quotes("\u201cThe numbers don\u2019t lie,\u201d Smith, 54, said, adding, \u201cand they are getting worse.\u201d")
    assert a.speaker.name == b.speaker.name == "Smith"
    a, b = find_quotes("\u201cI was there,\u201d wrote Maria Gomez on X. \u201cNobody came.\u201d")
    assert b.sentence_indexes == (1,) and not b.partial and b.speaker.name == "Maria Gomez"
    q = only_quote("Gov. JB Pritzker said, \u201cThis is a responsible budget.\u201d")
    assert (q.speaker.name, q.speaker.role) == ("JB Pritzker", "Gov.")


def test_titles_and_nicknames_in_quote_marks_are_not_quotes():
    assert find_quotes('Jensen said the "Family Dairy Safety Net Act" would help small farms.') == []
    assert find_quotes('Dwayne "The Rock" Johnson said he would not run.') == []
    assert find_quotes("The bill, known as the \u201cKeep Kids Safe Act,\u201d passed 52-48.") == []


def test_no_attribution_from_figures_that_show_something():
    att = attribution("Rates for Whites (3.6 percent) and Hispanics (5.0 percent) showed little change.")
    assert att.kind == "unattributed"
    att = attribution("Reservoirs fell to 18 per cent, according to figures published by the environment ministry.")
    assert att.kind == "paraphrase" and att.source.name == "the environment ministry"
    att = attribution("The National Transportation Safety Board said it was sending a team.")
    assert att.source.name == "National Transportation Safety Board"


def test_unresolved_pronoun_keeps_the_quote():
    q = only_quote("\u201cNo,\u201d he said.")
    assert q.text == "No," and q.speaker is None and q.cue == "said"


# --------------------------------------------------------------------------- attributions (requirement 4)


def attribution(text, index=0):
    return analyze(text).statements[index].attribution


@pytest.mark.parametrize("text, name, role", [
    ("Ruth Abernathy-Cole, 67, a retired school bus driver in Fenwick, Ohio, said she called 14 times.",
     "Ruth Abernathy-Cole", "retired school bus driver in Fenwick"),
    ("Ruth Lee, a retired driver in Fenwick, Ohio, said she called twice.", "Ruth Lee", "retired driver in Fenwick"),
    ("Mark Lee, 58, a farmer, said prices fell.", "Mark Lee", "farmer"),
    ("Mark Lee, a farmer in Ames, Iowa, and a board member, said prices fell.", "Mark Lee", "farmer in Ames"),
])
def test_a_chain_of_appositives_leads_back_to_the_speaker(text, name, role):
    # an age, a description and the rest of a place ("in Fenwick, Ohio") stand between the name and
    # "said"; the state is no speaker
    att = attribution(text)
    assert att.kind == "paraphrase" and (att.source.name, att.source.role) == (name, role)


def test_attribution_kinds():
    att = attribution("According to federal safety data, the railroad reported three derailments.")
    assert att.kind == "paraphrase" and att.cue == "according to" and att.source.kind == "document"
    att = attribution("The MTA said service on the line would be suspended.")
    assert att.kind == "paraphrase" and (att.source.name, att.source.kind) == ("MTA", "government_body")
    att = attribution("Gov. Elaine Marsh said that the state would pay.")
    assert att.kind == "paraphrase" and att.source.name == "Elaine Marsh" and att.source.role == "Gov."
    att = attribution("Four people were hurt, officials said.")
    assert att.kind == "vague" and att.group == "officials" and att.source.kind == "vague_group"
    att = attribution("Some lawmakers argue that the bill goes too far.")
    assert att.kind == "vague" and att.group == "Some lawmakers"
    att = attribution("Experts, including economist Maya Chen and Sen. Tom Reed, warn that prices will rise.")
    assert att.kind == "vague" and [n.name for n in att.named] == ["Maya Chen", "Tom Reed"]
    att = attribution("The bridge will close in May, The Center Square reports.")
    assert att.kind == "relayed" and att.via.name == "The Center Square" and att.source is None
    att = attribution("The IMF raised its forecast, Reuters reported.")
    assert att.kind == "relayed" and att.via.kind == "news_outlet" and att.source.name == "IMF"
    att = attribution("In a memo addressed to the deputy director, Inspector General Joseph Cuffari stated that ICE lacks data.")
    assert att.kind == "paraphrase" and att.source.name == "Joseph Cuffari" and att.cue == "stated"
    att = attribution("The bridge will close in May, said Dana Cole, the project manager.")
    assert att.kind == "paraphrase" and att.source.name == "Dana Cole" and att.cue == "said"
    att = attribution("The bridge will close in May.")
    assert att.kind == "unattributed" and att.source is None and att.cue is None


def test_report_further_states_continues():
    text = ("According to the GAO audit, the Navy missed 12 deadlines. "
            "Officials disputed that. The audit further states that costs rose 40%.")
    a = analyze(text)
    third = a.statements[2].attribution
    assert third.continues == 0 and third.source == a.statements[0].attribution.source


def test_sentence_starting_the_report_is_attributed_to_it():
    text = "The OIG report was released Monday. The report is 30 pages long."
    att = analyze(text).statements[1].attribution
    assert att.kind == "paraphrase" and att.source.name == "the OIG report"


def test_figures_after_a_report_carry_its_attribution():
    text = ("The report noted a pattern of dismissals. "
            "Between January 2021 and February 2024, approximately 200,000 cases were dismissed.")
    a = analyze(text)
    att = a.statements[1].attribution
    assert a.statements[1].kind == "numeric"
    assert att.kind == "paraphrase" and att.source.name == "the report" and att.continues == 0 and att.cue is None


# --------------------------------------------------------------------------- statement kinds (requirement 5)


def test_statement_kinds():
    text = ("Calls for Action\n"
            "\u201cWe will act,\u201d the mayor said.\n"
            "The city spent $4.2 million on overtime last year.\n"
            "The council meets on Tuesdays.\n"
            "Without changes, the situation may continue to worsen.")
    assert [s.kind for s in analyze(text).statements] == ["heading", "quote", "numeric", "factual", "opinion"]


def test_analysis_repr_and_empty_input():
    a = analyze("")
    assert (a.sentences, a.quotes, a.statements, a.speakers) == ((), (), (), ())
    assert repr(analyze("One. Two.")).startswith("<Analysis 2 statements")


def test_find_quotes_accepts_a_split():
    text = "\u201cWe will act,\u201d Smith said. Then she left."
    sents = split_sentences(text)
    assert find_quotes(text, sents) == find_quotes(text)


# --------------------------------------------------------------------------- robustness (requirement 7)

QUOTEY = st.lists(st.sampled_from(list("ab .,:;!?\n'\"\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e-\u2014()") + [
    "Smith ", "said ", "He ", "U.S. ", "6'2\" ", "the report ", "according to ", "Critics, including "])).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_analyze_never_raises_and_offsets_hold(text):
    check_offsets(analyze(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(QUOTEY)
def test_unbalanced_quote_marks_never_raise(text):
    a = analyze(text)
    check_offsets(a)
    assert [s.text for s in split_sentences(text)] == [s.text for s in a.sentences]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "\u201cWe will win,\u201d Smith said. ", "She said: \u201cNo. ", "\u201cYes.\u201d ", "Critics, including Sen. Ann Lee (D-NY), argue. ",
    "The report further states that 12% fell. ", "\n", "\n\n", "Calls for Action\n", "\u201d ", "\u201c", "'", "\"",
]), max_size=30))
def test_article_like_inputs(parts):
    check_offsets(analyze("".join(parts)))


ADVERSARIAL = {
    "double marks": '"' * 50_000,
    "curly marks": "\u201c\u201d\u2018\u2019" * 12_000,
    "periods": ". " * 25_000,
    "initials": "A. " * 17_000,
    "one long word": "x" * 50_000 + ". Next.",
    "capitals": "Smith " * 8_000,
    "commas before a cue": "Smith, " * 7_000 + "said",
    "many quotes in one sentence": '"a b c" Smith said, ' * 2_500,
    "many lines": "A\n" * 25_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_stay_fast(name):
    text = ADVERSARIAL[name]
    start = time.perf_counter()
    check_offsets(analyze(text))
    assert time.perf_counter() - start < 10  # linear: well under a second on a laptop


# --------------------------------------------------------------------------- the benchmark script


def _scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", ROOT / "benchmarks" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scorer_rules():
    score = _scorer()
    gold = {"speaker": "Lydia Barrows", "speaker_aliases": ["Barrows", "NTSB Chair Lydia Barrows"]}
    assert score.speaker_correct("Lydia Barrows", gold)
    assert score.speaker_correct("barrows", gold)
    assert score.speaker_correct("Chair L. Barrows", gold)  # same surname
    assert not score.speaker_correct("Elaine Marsh", gold)
    assert not score.speaker_correct(None, gold)
    assert score.speaker_correct(None, {"speaker": None})


def test_scorer_runs_on_the_corpus(capsys):
    if not any(CORPUS.glob("*.gold.json")):
        pytest.skip("no labelled corpus")
    score = _scorer()
    result = score.score(CORPUS, "all")
    assert result["articles"] > 0 and result["f1"] >= 0.9 and result["speaker_accuracy"] >= 0.85


@pytest.mark.parametrize("sentence, name, kind", [
    ("Compensation rose 0.9%, according to the Employment Cost Index released July 31.",
     "the Employment Cost Index", "document"),
    ("The American Community Survey found 12% worked from home.", "the American Community Survey", "document"),
    ("Costs rose 2%, according to the Hartwell Group.", "Hartwell Group", "organization"),
    ("Wages rose, said Maria Lopez, an economist.", "Maria Lopez", "person"),
])
def test_a_titled_survey_or_index_is_a_document_and_a_person_takes_no_article(sentence, name, kind):
    source = analyze(sentence).statements[0].attribution.source
    assert (source.name, source.kind) == (name, kind)
