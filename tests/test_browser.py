"""The HTML report in a real browser: headless Chromium renders it, runs nothing, loads nothing.

Each test writes a page, lets Chromium load it with a virtual-time budget (so any
script that slipped through would have run, timers included), dumps the resulting
DOM and checks it.  The XSS payloads would set ``document.title`` or a ``data-xss``
attribute on <body> if they ever executed.  Screenshots are taken to check the
page paints; set CLAIMGRAPH_UPDATE_IMAGES=1 to refresh docs/images/*.png from them.

Needs Debian's ``chromium`` (``apt-get install -y chromium``); skipped without it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimgraph import display

from conftest import display_test_graphs

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is absent (Debian: apt-get install -y chromium)")


shared = display_test_graphs()


def chromium(tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{page.stem}"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
               "--disable-default-apps", "--mute-audio", "--hide-scrollbars", f"--user-data-dir={profile}",
               "--virtual-time-budget=3000", *extra, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    shutil.rmtree(profile, ignore_errors=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def dump_dom(tmp_path: Path, html: str, name: str) -> str:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    return chromium(tmp_path, page, "--dump-dom").stdout


def screenshot(tmp_path: Path, html: str, name: str, width: int = 1200, height: int = 1800) -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    png = tmp_path / f"{name}.png"
    chromium(tmp_path, page, f"--screenshot={png}", f"--window-size={width},{height}")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    if os.environ.get("CLAIMGRAPH_UPDATE_IMAGES") == "1":
        IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, IMAGES / f"{name}.png")
    return png


class Dom(HTMLParser):
    """Elements of a dumped DOM: tag names, <body> attributes, title, claim marks and cards."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.body: dict[str, str | None] = {}
        self.title = ""
        self.marks: list[str] = []
        self.cards: list[str] = []
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "body":
            self.body = attrs
        self._in_title = tag == "title" and not self.title
        if "cg-claim" in (attrs.get("class") or "").split():
            self.marks.append(attrs["data-claim"])
        if "data-claim-card" in attrs:
            self.cards.append(attrs["data-claim-card"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def assert_nothing_ran(dom: Dom, expected_title: str) -> None:
    assert dom.title == expected_title, "the page title changed: a script ran"
    assert "data-xss" not in dom.body, "a payload set an attribute on <body>: a script ran"
    live = {"script", "img", "iframe", "object", "embed", "video", "audio", "link", "form", "input", "textarea"}
    assert not live & set(dom.tags), f"live elements in the DOM: {live & set(dom.tags)}"


def without_csp(html: str) -> str:
    """The page without its Content-Security-Policy, to show escaping alone keeps it inert."""
    stripped = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert stripped != html
    return stripped


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-only"])
def test_xss_article_runs_nothing_in_chromium(tmp_path, csp):
    graph, report = shared.xss_graph()
    html = display.report_page(graph, report)
    html = html if csp else without_csp(html)
    dom = Dom(dump_dom(tmp_path, html, "xss"))
    assert_nothing_ran(dom, f"Fact-check report: {graph.article.title}")
    assert dom.marks == [c.id for c in graph.claims]
    assert dom.cards == [c.id for c in graph.claims]


def test_xss_notebook_fragments_run_nothing_in_chromium(tmp_path):
    graph, report = shared.xss_graph()
    fragments = "".join(html for name, html in shared.all_renderings(graph, report).items() if name != "report_page")
    page = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>fragments</title></head><body>{fragments}</body></html>"
    dom = Dom(dump_dom(tmp_path, page, "fragments"))
    assert_nothing_ran(dom, "fragments")


def test_report_highlights_every_claim(tmp_path):
    graph, report = shared.small_graph()
    dom = Dom(dump_dom(tmp_path, display.report_page(graph, report), "small"))
    assert dom.marks == ["c1", "c2", "c3"] and dom.cards == ["c1", "c2", "c3"]
    assert dom.tags.count("svg") == 3
    screenshot(tmp_path, display.report_page(graph, report), "small-report")


def _worked_case():
    if not shared.HAVE_WORKED_CASE:
        pytest.skip("loading the worked case needs claimgraph.quantities, claimgraph.extract and claimgraph.load")
    import claimgraph

    graph = claimgraph.load(ROOT / "examples" / "uac-oig-2024")
    return graph, graph.check()


def test_worked_case_report_in_chromium(tmp_path):
    graph, report = _worked_case()
    html = display.report_page(graph, report)
    dom = Dom(dump_dom(tmp_path, html, "report"))
    assert dom.marks == [c.id for c in graph.claims] and len(dom.marks) == 27
    assert dom.cards == [c.id for c in graph.claims]
    assert_nothing_ran(dom, f"Fact-check report: {graph.article.title}")
    screenshot(tmp_path, html, "report", height=2400)


def test_worked_case_claim_card_in_chromium(tmp_path):
    graph, report = _worked_case()
    claim = graph.claims[0]  # relayed: article → The Center Square → DHS OIG → OIG-24-46
    card = display.claim_html(graph, claim.id, report)
    page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>claim card</title></head>"
            f"<body style='margin:16px'>{card}</body></html>")
    dom = Dom(dump_dom(tmp_path, page, "claim-card"))
    assert dom.cards == [claim.id] and "svg" in dom.tags
    screenshot(tmp_path, page, "claim-card", width=1000, height=1300)
    article = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>article</title></head>"
               f"<body style='margin:16px'>{display.article_html(graph, report)}</body></html>")
    screenshot(tmp_path, article, "article", width=1000, height=1400)
