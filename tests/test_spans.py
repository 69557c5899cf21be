"""Spans and text-quote anchors."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from claimgraph import AnchorError, Span, SpanError, TextQuote
from claimgraph.spans import line_col, normalize_for_match

ARTICLE = (
    "ICE transferred more than 448,000 UCs to HHS. "
    "ICE reported more than 32,000 UCs failed to appear.\n"
    "“Lax vetting has placed migrant children in grave danger,” said Grassley."
)


def test_span_covers_text_and_checks_bounds():
    span = Span(16, 33)
    assert span.of(ARTICLE) == "more than 448,000"
    assert len(span) == 17
    with pytest.raises(SpanError, match="runs past the end"):
        Span(0, len(ARTICLE) + 1).of(ARTICLE)


def test_span_rejects_inverted_offsets():
    with pytest.raises(SpanError, match="0 <= start <= end"):
        Span(5, 4)
    with pytest.raises(ValueError):
        Span(-1, 3)


def test_span_check_names_expected_and_found():
    with pytest.raises(SpanError) as info:
        Span(0, 3).check(ARTICLE, expected="HHS", where="claim c-1")
    text = str(info.value)
    assert "claim c-1" in text and "'ICE'" in text and "'HHS'" in text


def test_span_relations():
    a, b, c = Span(0, 10), Span(5, 15), Span(10, 12)
    assert a.overlaps(b) and not a.overlaps(c)
    assert a.union(c) == Span(0, 12)
    assert Span(0, 20).contains(b) and not b.contains(a)
    assert b.shift(3) == Span(8, 18)


def test_quote_locates_unique_passage():
    assert TextQuote("more than 32,000").locate(ARTICLE).of(ARTICLE) == "more than 32,000"


def test_quote_ambiguous_is_reported_with_positions():
    with pytest.raises(AnchorError) as info:
        TextQuote("ICE").locate(ARTICLE)
    assert "occurs 2 times" in str(info.value) and "prefix or suffix" in str(info.value)


def test_quote_prefix_suffix_and_occurrence_disambiguate():
    assert TextQuote("ICE", suffix=" reported").locate(ARTICLE).start == ARTICLE.index("ICE reported")
    assert TextQuote("ICE", prefix="HHS. ").locate(ARTICLE).start == ARTICLE.index("ICE reported")
    assert TextQuote("ICE").locate(ARTICLE, nth=2).start == ARTICLE.index("ICE reported")
    with pytest.raises(AnchorError, match="occurrence 3"):
        TextQuote("ICE").locate(ARTICLE, nth=3)


def test_quote_not_found_explains_typographic_difference():
    with pytest.raises(AnchorError) as info:
        TextQuote('"Lax vetting has placed').locate(ARTICLE)
    assert "not found" in str(info.value) and "quote marks" in str(info.value)


def test_quote_matches_across_wrapped_lines():
    doc = "we learned ICE transferred more than 448,000\n  UCs to HHS from fiscal years 2019 to 2023."
    span = TextQuote("transferred more than 448,000 UCs to HHS").locate(doc)
    assert span.of(doc) == "transferred more than 448,000\n  UCs to HHS"


def test_from_span_round_trips_and_reanchors_after_edit():
    span = Span(ARTICLE.index("ICE reported"), ARTICLE.index("ICE reported") + 3)
    quote = TextQuote.from_span(ARTICLE, span)
    assert quote.locate(ARTICLE) == span
    edited = "Update: " + ARTICLE
    assert quote.reanchor(edited).of(edited) == "ICE"
    assert quote.reanchor(edited).start == span.start + len("Update: ")


def test_line_col_and_normalize():
    assert line_col(ARTICLE, ARTICLE.index("“Lax")) == (2, 1)
    assert normalize_for_match("“a”  —\n‘b’") == "\"a\" - 'b'"


@given(st.text(max_size=200), st.data())
def test_from_span_always_locates_its_span(text, data):
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    span = Span(start, end)
    quote = TextQuote.from_span(text, span)
    assert span in quote.find_all(text)
    assert all(s.of(text) == quote.exact for s in quote.find_all(text))


@given(st.text(max_size=100), st.text(min_size=1, max_size=10))
def test_locate_never_returns_a_wrong_span(text, needle):
    try:
        span = TextQuote(needle).locate(text)
    except AnchorError:
        assert text.count(needle) != 1 or not needle.split()
        return
    assert span.end <= len(text)
    assert " ".join(span.of(text).split()) == " ".join(needle.split())
