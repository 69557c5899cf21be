"""Display: notebook HTML, the standalone report, Markdown; escaping, truncation, offsets.

Article, document and source text is untrusted input.  Every HTML renderer is fed
an article full of live-looking markup and must hand it back as text: no live tag,
no event handler, no ``javascript:`` URL, no external resource.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph import display
from claimgraph.checks import Finding, Report
from claimgraph.errors import ExportError
from claimgraph.graph import ClaimGraph
from claimgraph.model import Article, Claim, Document, Evidence, QuantityMention, QuoteSpan, Source

import claimgraph  # noqa: E402

HAVE_WORKED_CASE = (all(importlib.util.find_spec(m) for m in ("claimgraph.quantities", "claimgraph.extract"))
                    and hasattr(claimgraph, "load"))
needs_worked_case = pytest.mark.skipif(
    not HAVE_WORKED_CASE, reason="loading the worked case needs claimgraph.quantities, claimgraph.extract "
    "and claimgraph.load (not merged yet)")

# Each payload would change the page if it ever ran: set the title or an attribute on <body>.
XSS = [
    "<script>document.title='XSS-RAN'</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-xss','img')\">",
    "<a href=\"javascript:document.title='XSS-RAN'\">click</a>",
    "<svg onload=\"document.body.setAttribute('data-xss','svg')\"></svg>",
    "<style>body{display:none}</style>",
    "</textarea></mark></span><iframe src=\"javascript:parent.document.title='XSS-RAN'\"></iframe>",
]
# (No alert(): a modal dialog would hang headless Chromium instead of failing the test.)


def _span(text: str, words: str, start: int = 0) -> tuple[int, int]:
    s = text.index(words, start)
    return s, s + len(words)


def small_graph() -> tuple[ClaimGraph, Report]:
    """Three claims: relayed number traced to a primary report, a direct quote, a vague opinion."""
    text = ("The OIG says ICE moved more than 448,000 children. "
            "“We found ICE cannot monitor 32,000 children,” said Cuffari.\n"
            "Critics argue the agency failed.")
    g = ClaimGraph(Article(text=text, title="Test article", outlet="Example News", date="2024-09"))
    g.add_source(Source(id="oig", name="DHS OIG", kind="government_body"))
    g.add_source(Source(id="cuffari", name="Joseph Cuffari", kind="person", affiliation="oig", role="Inspector General"))
    g.add_source(Source(id="cs", name="The Center Square", kind="news_outlet"))
    report_text = "ICE transferred more than 448,000 UCs.\fWe found ICE cannot monitor 32,000 children."
    g.add_document(Document(id="oig-24-46", title="Management alert", number="OIG-24-46", source="oig", primary=True,
                            completeness="excerpt", date="2024-08-19", text=report_text))
    g.add_document(Document(id="cs-art", title="Center Square story", source="cs", primary=False,
                            cites=("oig-24-46",), text="ICE moved 448,000 kids, the OIG said."))
    s, e = _span(text, "The OIG says ICE moved more than 448,000 children.")
    qs, qe = _span(text, "more than 448,000")
    g.add_claim(Claim(id="c1", start=s, end=e, text=text[s:e], kind="numeric",
                      attribution={"kind": "relayed", "via": "cs", "source": "oig", "cue": "says"},
                      quantities=(QuantityMention(id="c1/q1", start=qs, end=qe, text=text[qs:qe], value=448000,
                                                  hedge="more_than", noun="children"),)))
    s, e = _span(text, "“We found ICE cannot monitor 32,000 children,” said Cuffari.")
    ws, we = _span(text, "We found ICE cannot monitor 32,000 children")
    ns, ne = _span(text, "32,000")
    g.add_claim(Claim(id="c2", start=s, end=e, text=text[s:e], kind="quote",
                      attribution={"kind": "direct_quote", "source": "cuffari", "cue": "said"},
                      quotes=(QuoteSpan(start=ws, end=we, text=text[ws:we]),),
                      quantities=(QuantityMention(id="c2/q1", start=ns, end=ne, text="32,000", value=32000),)))
    s, e = _span(text, "Critics argue the agency failed.")
    g.add_claim(Claim(id="c3", start=s, end=e, text=text[s:e], kind="opinion",
                      attribution={"kind": "vague", "group": "critics"}))
    es, ee = _span(report_text, "ICE transferred more than 448,000 UCs.")
    g.add_evidence(Evidence(id="e1", claim="c1", document="oig-24-46", quantity="c1/q1", start=es, end=ee,
                            text=report_text[es:ee], relation="verbatim", page=1))
    es, ee = _span(report_text, "We found ICE cannot monitor 32,000 children")
    g.add_evidence(Evidence(id="e2", claim="c2", document="oig-24-46", start=es, end=ee, text=report_text[es:ee],
                            relation="quoted", page=2))
    cs_text = g.document("cs-art").text
    g.add_evidence(Evidence(id="e3", claim="c1", document="cs-art", start=0, end=len(cs_text), text=cs_text,
                            relation="rounded"))
    report = Report((
        Finding("CG201", "info", "trace", "“more than 448,000” traced to OIG-24-46 (verbatim)", claim_id="c1",
                start=qs, end=qe, quantity_id="c1/q1"),
        Finding("CG602", "warning", "quotes", "quote is trimmed", hint="show the reader what was changed",
                claim_id="c2", start=ws, end=we, computed={"fidelity": "trimmed", "similarity": 0.97}),
        Finding("CG402", "warning", "attribution", "credited to a vague group “critics”", hint="say who exactly",
                claim_id="c3", start=s, end=e),
    ), claims=3, checks=("trace", "quotes", "attribution"))
    return g, report


def xss_graph() -> tuple[ClaimGraph, Report]:
    """Every text field that reaches HTML carries a payload."""
    sentences = [f"Claim {i} says {p} happened to 12 people." for i, p in enumerate(XSS)]
    text = "\n".join(sentences)
    g = ClaimGraph(Article(text=text, title="<script>document.title='XSS-RAN'</script>Title",
                           outlet="<b>Outlet</b>", credit="<i>credit</i>", url="javascript:document.title='XSS-RAN'"))
    g.add_source(Source(id="evil", name=XSS[1], kind="organization", role=XSS[0], description=XSS[3]))
    g.add_source(Source(id="person", name=XSS[2], kind="person", affiliation="evil"))
    doc_text = "\f".join(XSS)
    g.add_document(Document(id="doc", title=XSS[0], number=XSS[1], source="evil", primary=True, completeness="full",
                            url="javascript:document.title='XSS-RAN'", coverage_note=XSS[3], text=doc_text))
    for i, sentence in enumerate(sentences):
        s, e = _span(text, sentence)
        ps, pe = _span(text, XSS[i], s)
        ns, ne = _span(text, "12", s)
        attribution = [{"kind": "paraphrase", "source": "evil", "cue": XSS[i]},
                       {"kind": "vague", "group": XSS[i], "named": ["person"]},
                       {"kind": "direct_quote", "source": "person"}][i % 3]
        g.add_claim(Claim(id=f"x{i}", start=s, end=e, text=sentence, kind=("numeric", "quote", "factual")[i % 3],
                          attribution=attribution, note=XSS[-1 - i],
                          quotes=(QuoteSpan(start=ps, end=pe, text=XSS[i]),),
                          quantities=(QuantityMention(id=f"x{i}/q1", start=ns, end=ne, text="12", value=12,
                                                      noun=XSS[i], unit=XSS[0], scope=XSS[2]),)))
        ds, de = _span(doc_text, XSS[i])
        g.add_evidence(Evidence(id=f"ev{i}", claim=f"x{i}", document="doc", start=ds, end=de, text=XSS[i],
                                relation="quoted", section=XSS[1], note=XSS[2]))
    report = Report(tuple(
        Finding("CG401", ("error", "warning", "info")[i % 3], "attribution", f"message {p}", hint=f"hint {p}",
                claim_id=f"x{i}", start=0, end=1, computed={p: [p, {"nested": p}]})
        for i, p in enumerate(XSS)
    ) + (Finding("CG000", "error", "(runner)", f"check failed: {XSS[0]}", hint=XSS[1]),),
        claims=len(XSS), checks=(XSS[0],))
    return g, report


# ------------------------------------------------------------------------------- HTML inspection
ALLOWED_TAGS = {
    "html", "head", "body", "meta", "title", "style", "main", "nav", "section", "header", "footer", "div", "span",
    "mark", "p", "a", "b", "i", "br", "code", "h1", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td",
    "ul", "li", "dl", "dt", "dd", "blockquote", "details", "summary",
    "svg", "defs", "marker", "path", "g", "rect", "polygon", "line", "text",
}


class Inspect(HTMLParser):
    """Collects tags, attributes, stylesheets and text (entities decoded) of an HTML string."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.css: list[str] = []
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        (self.css if self._in_style else self.text).append(data)


def assert_inert(html: str) -> Inspect:
    """No live markup from input: known tags only, no handlers, only safe links, no external resources."""
    page = Inspect(html)
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, f"unexpected live tag <{tag}>"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name}= on <{tag}>"
            assert name not in ("src", "srcset", "background", "formaction", "xlink:href"), f"{name}= on <{tag}>"
            if name == "href":
                assert value and (value.startswith("#") or re.match(r"https?://", value)), f"unsafe href {value!r}"
            if value and name not in ("title", "aria-label", "content"):
                assert "javascript:" not in value.lower(), f"javascript: in {name}= of <{tag}>"
    assert "<script" not in html.lower()
    for css in page.css:
        assert "url(" not in css and "@import" not in css and "http" not in css
    return page


def all_renderings(graph: ClaimGraph, report: Report) -> dict[str, str]:
    first = graph.claims[0].id
    return {
        "graph_html": display.graph_html(graph),
        "graph._repr_html_": graph._repr_html_(),
        "report_html": display.report_html(report),
        "report_html+graph": display.report_html(report, graph),
        "report._repr_html_": report._repr_html_(),
        "article_html": display.article_html(graph),
        "article_html+report": display.article_html(graph, report),
        "claim_html": display.claim_html(graph, first),
        "claim_html+report": display.claim_html(graph, first, report),
        "ClaimView": display.ClaimView(graph, first, report)._repr_html_(),
        "ArticleView": display.ArticleView(graph, report)._repr_html_(),
        "report_page": display.report_page(graph, report),
        **{f"claim_html {c.id}": display.claim_html(graph, c.id, report) for c in graph.claims},
    }


# ------------------------------------------------------------------------------- escaping
@pytest.mark.parametrize("name", list(all_renderings(*xss_graph())))
def test_untrusted_text_is_shown_as_text(name):
    graph, report = xss_graph()
    html = all_renderings(graph, report)[name]
    page = assert_inert(html)
    shown = "".join(page.text)
    assert any(p in shown for p in XSS), "the payloads should be visible, as text"
    for payload in XSS:  # the raw payload never survives as markup
        assert payload not in html


def test_report_page_shows_every_payload_and_unsafe_urls_only_as_text():
    graph, report = xss_graph()
    html = display.report_page(graph, report)
    shown = "".join(assert_inert(html).text)
    for payload in XSS:
        assert payload in shown
    assert "javascript:document.title='XSS-RAN'" in shown  # the article URL, as text, not a link
    assert 'href="javascript' not in html.lower()


def test_http_urls_become_plain_links():
    graph = ClaimGraph(Article(text="Hello there.", title="t", url="https://news.example/story?a=1&b=<2>"))
    html = display.report_page(graph, Report((), claims=0))
    links = [a for t, a in assert_inert(html).tags if t == "a" and not a["href"].startswith("#")]
    assert links == [{"href": "https://news.example/story?a=1&b=<2>", "rel": "noopener noreferrer nofollow"}]


def test_markdown_escapes_untrusted_text():
    graph, report = xss_graph()
    report = Report(tuple(f for f in report.findings if f.claim_id), claims=report.claims)
    md = display.report_markdown(report, graph, claims=True)
    for line in md.splitlines():  # no raw HTML, no Markdown link or image syntax
        body = line[2:] if line.startswith("> ") else line
        assert "<" not in body and ">" not in body, line
    assert "](" not in md and "![" not in md
    assert "&lt;script&gt;" in md


# ------------------------------------------------------------------------------- self-contained, readable
@pytest.mark.parametrize("name", list(all_renderings(*small_graph())))
def test_html_is_self_contained_and_readable_in_dark_mode(name):
    html = all_renderings(*small_graph())[name]
    assert_inert(html)
    assert "prefers-color-scheme:dark" in html
    assert "data-jp-theme-light=false" in html  # JupyterLab's dark theme, whatever the OS says
    external = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html)
    assert external == []


def test_severity_is_written_not_only_coloured():
    graph, report = small_graph()
    html = display.report_html(report, graph)
    assert "▲ warning" in html and "ℹ info" in html
    assert "cg-fs-warning" in html  # the dashed border
    card = display.claim_html(graph, "c2", report)
    assert "▲ 1 warning" in card
    article = display.article_html(graph, report)
    assert "✖ error (solid)" in article and "▲ warning (dashed)" in article  # the legend says it in words


def test_reprs_are_short_and_honest():
    graph, report = small_graph()
    assert repr(display.ClaimView(graph, "c2", report)) == (
        "<ClaimView c2 quote · direct quote of Joseph Cuffari · ▲ 1 warning>")
    assert repr(display.view(graph, "c1")) == "<ClaimView c1 numeric · relayed by The Center Square from DHS OIG>"
    assert repr(display.view(graph)) == "<ArticleView article: 3 claims highlighted>"
    assert display.view(graph, "c1", report=report)._repr_html_() == display.claim_html(graph, "c1", report)


# ------------------------------------------------------------------------------- truncation
def test_long_lists_end_in_n_more():
    text = " ".join(f"Claim number {i} is here." for i in range(15))
    g = ClaimGraph(Article(text=text))
    for i in range(25):
        g.add_source(Source(id=f"s{i}", name=f"Source {i}", kind="organization"))
    start = 0
    for i in range(15):
        words = f"Claim number {i} is here."
        start = text.index(words, start)
        g.add_claim(Claim(id=f"c{i}", start=start, end=start + len(words), text=words, kind="factual"))
    html = display.graph_html(g)
    assert "… 5 more sources" in html and "… 5 more claims" in html
    assert html.count("<tr>") == 2 + 20 + 10 + 2  # two header rows, 20 sources, 10 claims, two "more" rows
    report = Report(tuple(Finding("X1", "error", "x", f"problem {i}", claim_id="c0") for i in range(60)), claims=15)
    assert "… 10 more findings" in display.report_html(report)
    assert "… 10 more findings" not in display.report_page(g, report)  # the standalone report shows everything
    card = display.claim_html(g, "c0", report, limit=7)
    assert "… 53 more findings" in card


def test_provenance_drawing_truncates_wide_rows():
    text = "Many numbers: " + ", ".join(str(n) for n in range(1, 11)) + "."
    g = ClaimGraph(Article(text=text))
    qs = []
    for n in range(1, 11):
        s = text.index(f" {n},") + 1 if n < 10 else text.index("10.")
        qs.append(QuantityMention(id=f"c/q{n}", start=s, end=s + len(str(n)), text=str(n), value=n))
    g.add_claim(Claim(id="c", start=0, end=len(text), text=text, kind="numeric", quantities=tuple(qs)))
    svg = display.claim_html(g, "c")
    assert "… 5 more" in svg  # 5 boxes shown in a row of 10, then the note
    assert svg.count('data-node="quantity:') == display.BOXES_PER_ROW - 1


# ------------------------------------------------------------------------------- the article: offsets are ground truth
class ArticleText(HTMLParser):
    """The text of the article <div>, leaving out the claim tags (kind and status labels)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []
        self.claims: list[str] = []
        self.quantities = 0
        self.quotes = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if self.depth:
            self.depth += 1
            if "cg-tag" in classes or self.skip:
                self.skip += 1
            if "cg-claim" in classes:
                self.claims.append(attrs["data-claim"])
            self.quantities += "cg-qty" in classes
            self.quotes += "cg-quote" in classes
        elif tag == "div" and "cg-article" in classes:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if self.skip:
                self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


@st.composite
def annotated_articles(draw):
    alphabet = st.sampled_from(list("ab <>&\"'“”—\n0123456789é€🙂") + ["</mark>", "&amp;"])
    text = "".join(draw(st.lists(alphabet, min_size=1, max_size=80)))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=10))))
    claims = []
    for i in range(0, len(cuts) - 1, 2):
        s, e = cuts[i], cuts[i + 1]
        inner = []
        for _ in range(draw(st.integers(0, 3))):
            a = draw(st.integers(s, e))
            b = draw(st.integers(a, e))
            inner.append((a, b))
        claims.append((s, e, inner))
    return text, claims


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_articles())
def test_article_text_between_tags_is_the_article(article):
    """Whatever nests or crosses, the highlighted article reads exactly as the article."""
    text, spans = article
    g = ClaimGraph(Article(text=text))
    n = 0
    for i, (s, e, inner) in enumerate(spans):
        quantities, quotes = [], []
        for j, (a, b) in enumerate(inner):
            if j % 2:
                quotes.append(QuoteSpan(start=a, end=b, text=text[a:b]))
            else:
                quantities.append(QuantityMention(id=f"c{i}/q{j}", start=a, end=b, text=text[a:b], value=1))
        g.add_claim(Claim(id=f"c{i}", start=s, end=e, text=text[s:e], kind="numeric",
                          quantities=tuple(quantities), quotes=tuple(quotes)))
        n += 1
    html = display.article_html(g)
    assert_inert(html)
    parsed = ArticleText(html)
    assert "".join(parsed.parts) == text
    assert sorted(parsed.claims) == sorted(c.id for c in g.claims if c.end > c.start)
    assert parsed.quantities >= sum(1 for c in g.claims for q in c.quantities if q.end > q.start)


def test_article_marks_claims_numbers_and_quotes():
    graph, report = small_graph()
    parsed = ArticleText(display.article_html(graph, report))
    assert parsed.claims == ["c1", "c2", "c3"]
    assert parsed.quantities == 2 and parsed.quotes == 1
    html = display.article_html(graph, report)
    assert 'class="cg-claim cg-k-quote cg-st-warning"' in html
    assert 'class="cg-claim cg-k-numeric cg-st-ok"' in html
    assert "cg-st-unchecked" in display.article_html(graph)  # no report: no status claimed


# ------------------------------------------------------------------------------- claim card
def test_claim_card_draws_the_chain_down_to_origin_documents():
    graph, report = small_graph()
    html = display.claim_html(graph, "c1", report)
    nodes = set(re.findall(r'data-node="([^"]+)"', html))
    assert set(graph.relay_chain("c1")) <= nodes  # article → outlet → OIG → OIG-24-46
    for path in graph.trace("c1"):
        assert set(path) <= nodes
    assert '<g class="n document primary"' in html and '<g class="n document secondary"' in html
    assert "The Center Square → DHS OIG → OIG-24-46" in html  # the chain, in words, too
    assert "marker-end" in html and html.count("<marker ") == 1
    assert "ICE transferred more than 448,000 UCs." in html  # evidence passage
    assert "p. 1" in html and "verbatim" in html and "CG201" in html
    assert "more than" in html and "448000" in html  # hedge and value


def test_cards_in_one_page_have_unique_ids():
    graph, report = small_graph()
    page = display.report_page(graph, report)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert {"claim-c1", "claim-c2", "claim-c3"} <= set(ids)
    for href in re.findall(r'href="#([^"]+)"', page):
        assert href in ids, f"dangling link #{href}"


# ------------------------------------------------------------------------------- reports
def test_report_html_without_graph_renders_what_it_has():
    _, report = small_graph()
    html = report._repr_html_()
    assert "CG602" in html and "show the reader what was changed" in html and "claim <code>c2</code>" in html
    assert "similarity" in html and "0.97" in html  # computed values
    assert html.index("Warnings (2)") < html.index("Passes and notes (1)")


def test_write_report_html_and_markdown(tmp_path):
    graph, report = small_graph()
    display.write_report(graph, tmp_path / "r.html", report=report)
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page == display.report_page(graph, report)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    display.write_report(graph, tmp_path / "r.md", format="markdown", report=report)
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert md.startswith("# Fact-check report: Test article") and "## Claims" in md
    assert "chain: Test article → claim c1 → The Center Square → DHS OIG → OIG\\-24\\-46" in md
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.md"]  # no temporary files left
    with pytest.raises(ExportError, match="unknown report format 'pdf'"):
        display.write_report(graph, tmp_path / "r.pdf", format="pdf", report=report)


def test_report_markdown_default_is_unchanged():
    graph, report = small_graph()
    md = display.report_markdown(report, graph)
    assert "## Claims" not in md and "| CG602 |" in md


def test_report_page_is_deterministic():
    graph, report = small_graph()
    again, report2 = small_graph()
    assert display.report_page(graph, report) == display.report_page(again, report2)


# ------------------------------------------------------------------------------- records / pandas
def test_records_have_one_flat_row_per_item():
    from claimgraph.export import records

    graph, _ = small_graph()
    for what, count in (("claims", 3), ("quantities", 2), ("evidence", 3), ("sources", 3), ("documents", 2),
                        ("edges", graph.graph_view.number_of_edges())):
        rows = records(graph, what)
        assert len(rows) == count
        assert len({tuple(r) for r in rows}) == 1  # same keys in every row
        for row in rows:
            assert all(v is None or isinstance(v, (str, int, float, bool)) for v in row.values())
    claim = records(graph, "claims")[0]
    assert claim["attribution"] == "relayed" and claim["attributed_to"] == "oig;cs" and claim["via"] == "cs"
    with pytest.raises(ExportError, match="unknown record kind 'claim'"):
        records(graph, "claim")


def test_to_pandas():
    pd = pytest.importorskip("pandas")
    from claimgraph.export import to_pandas

    graph, report = small_graph()
    frame = to_pandas(graph, "quantities")
    assert isinstance(frame, pd.DataFrame) and list(frame["id"]) == ["c1/q1", "c2/q1"]
    assert list(report.to_pandas()["code"]) == ["CG201", "CG602", "CG402"]


def test_pandas_missing_names_the_extra(monkeypatch):
    from claimgraph.export import to_pandas

    monkeypatch.setitem(sys.modules, "pandas", None)
    graph, report = small_graph()
    with pytest.raises(ExportError, match=r"pandas is not installed.*pip install 'claimgraph\[pandas\]'"):
        to_pandas(graph)
    with pytest.raises(ExportError, match="claimgraph\\[pandas\\]"):
        report.to_pandas()


# ------------------------------------------------------------------------------- the worked case
@needs_worked_case
def test_worked_case_article_highlights_every_claim(worked_graph, worked_report):
    html = display.article_html(worked_graph, worked_report)
    parsed = ArticleText(html)
    assert parsed.claims == [c.id for c in worked_graph.claims]
    assert "".join(parsed.parts) == worked_graph.article.text
    assert parsed.quantities >= sum(len(c.quantities) for c in worked_graph.claims)


@needs_worked_case
def test_worked_case_report_page(worked_graph, worked_report):
    page = display.report_page(worked_graph, worked_report)
    assert_inert(page)
    for claim in worked_graph.claims:
        assert f'id="claim-{claim.id}"' in page
    assert page.count("<svg ") == len(worked_graph.claims)
    for f in worked_report.findings:
        assert display.escape(f.message) in page
    assert "OIG-24-46" in page and "CG401" in page


@needs_worked_case
def test_worked_case_relayed_claim_card(worked_graph, worked_report):
    first = worked_graph.claims[0]
    assert first.attribution.kind == "relayed"
    html = display.claim_html(worked_graph, first.id, worked_report)
    nodes = set(re.findall(r'data-node="([^"]+)"', html))
    assert set(worked_graph.relay_chain(first.id)) <= nodes
    assert "The Center Square" in html
