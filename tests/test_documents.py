"""Reading source documents: text encodings, HTML main text, PDF pages, and the errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimgraph
from claimgraph.errors import CaseError, DocumentError
from claimgraph.link import LoadedDocument, find_header, parse_document, read_document
from claimgraph.spans import Span

SOURCES = Path(__file__).resolve().parent.parent / "examples" / "uac-oig-2024" / "sources"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- plain text ---------------------------------------------------------------


def test_utf8_text_with_form_feed_pages(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "Page one: 448,000.\r\n\fPage two: 291,000.".encode()))
    assert doc.format == "text" and doc.encoding == "utf-8"
    assert doc.text == "Page one: 448,000.\n\fPage two: 291,000."
    assert [p.of(doc.text) for p in doc.pages] == ["Page one: 448,000.\n", "Page two: 291,000."]
    assert doc.page_of(doc.text.index("291,000")) == 2


def test_text_without_form_feeds_has_no_pages(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"One page only."))
    assert doc.pages == () and doc.page_of(3) is None


@pytest.mark.parametrize("codec, bom", [("utf-8-sig", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                        ("utf-32-le", b"\xff\xfe\x00\x00")])
def test_byte_order_marks(tmp_path, codec, bom):
    text = "\u201cLax vetting\u201d \u2014 more than 448,000 ni\u00f1os"
    doc = read_document(write(tmp_path, "a.txt", bom + text.encode(codec)))
    assert doc.text == text


def test_utf16_without_bom_is_detected(tmp_path):
    text = "ICE reported more than 32,000 UCs failed to appear."
    assert read_document(write(tmp_path, "a.txt", text.encode("utf-16-le"))).text == text


def test_cp1252_is_read_when_its_punctuation_makes_it_clear(tmp_path):
    data = "He said \u201cmore than 448,000\u201d \u2014 twice.".encode("cp1252")
    doc = read_document(write(tmp_path, "a.txt", data))
    assert doc.encoding == "cp1252"
    assert doc.text == "He said \u201cmore than 448,000\u201d \u2014 twice."


def test_latin1_is_not_guessed_but_named_byte_offset(tmp_path):
    data = "Se\u00f1or Cuffari dijo".encode("latin-1")
    with pytest.raises(DocumentError) as err:
        read_document(write(tmp_path, "latin.txt", data))
    message = str(err.value)
    assert "latin.txt" in message and "byte offset 2" in message and "0xf1" in message
    assert "encoding='latin-1'" in message
    assert read_document(tmp_path / "latin.txt", encoding="latin-1").text == "Se\u00f1or Cuffari dijo"


def test_wrong_explicit_encoding_names_the_offset(tmp_path):
    with pytest.raises(DocumentError, match=r"cannot be decoded as ascii: byte 0xc3 at byte offset 3"):
        read_document(write(tmp_path, "a.txt", "abc\u00e9".encode()), encoding="ascii")


def test_unknown_encoding_name(tmp_path):
    with pytest.raises(DocumentError, match="unknown encoding 'klingon'"):
        read_document(write(tmp_path, "a.txt", b"abc"), encoding="klingon")


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError) as err:
        read_document(tmp_path / "nope.txt")
    assert "nope.txt" in str(err.value) and "not found" in str(err.value)
    assert err.value.code == "CG-DOCUMENT" and isinstance(err.value, ValueError)


def test_folder_is_not_a_document(tmp_path):
    with pytest.raises(DocumentError, match="folder"):
        read_document(tmp_path)


def test_empty_file(tmp_path):
    with pytest.raises(DocumentError, match=r"empty document \(0 bytes\)"):
        read_document(write(tmp_path, "empty.txt", b""))


def test_whitespace_only_file(tmp_path):
    with pytest.raises(DocumentError, match="empty document: the file holds no text"):
        read_document(write(tmp_path, "blank.txt", b" \n\n\t "))


def test_binary_file_is_refused(tmp_path):
    with pytest.raises(DocumentError, match="byte offset"):
        read_document(write(tmp_path, "a.bin", bytes(range(256)) * 4))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_read_or_raise_document_error(data):
    try:
        doc = parse_document(data, name="fuzz")
    except DocumentError:
        return
    assert isinstance(doc, LoadedDocument) and doc.text.strip()
    for page in doc.pages:
        page.check(doc.text)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip() and "\r" not in t and "<" not in t and "\x00" not in t
                                                   and not t.startswith("\ufeff")))
def test_utf8_round_trip(text):
    # (a leading byte-order mark is the encoding's, not the text's: it is dropped, see below)
    assert parse_document(text.encode("utf-8")).text == text


def test_a_byte_order_mark_is_not_text():
    assert parse_document("\ufeffAbout 40% rose.".encode("utf-8")).text == "About 40% rose."
    with pytest.raises(DocumentError, match="empty document"):
        parse_document("\ufeff".encode("utf-8"))


# -- header block ---------------------------------------------------------------


def test_header_of_the_shipped_sources():
    for path in sorted(SOURCES.glob("*.txt")):
        text = read_document(path).text
        header = find_header(text)
        assert header is not None, path.name
        assert text[header.end - 2] == "=" and text[:6] in ("TITLE:",), path.name
    doc = read_document(SOURCES / "oig-report.txt")
    assert doc.title.startswith("Management Alert - ICE Cannot Monitor All Unaccompanied Migrant Children")


def test_header_needs_a_rule_and_key_lines():
    assert find_header("TITLE: A\nDATE: 2024\nBody text 32,000.") is None  # no closing rule
    assert find_header("Just prose.\n==========\nmore") is None
    assert find_header("TITLE: only one key\n==========\nbody") is None
    yaml = "---\ntitle: Report\ndate: 2024-08-19\n---\nICE reported 32,000."
    assert find_header(yaml) == Span(0, yaml.index("ICE"))


# -- HTML ---------------------------------------------------------------------

PAGE = b"""<!DOCTYPE html>
<html><head><title>OIG alert &amp; summary</title><style>p { color: red }</style>
<script>var total = 999999;</script></head>
<body>
<header><a href="/">Home</a> | <a href="/reports">Reports 2024</a></header>
<nav><ul><li>Menu item 12</li></ul></nav>
<div role="navigation">Skip to 44</div>
<article>
<h1>ICE Cannot Monitor All Children</h1>
<p>ICE transferred more than
   448,000 UCs to HHS.</p>
<p>ICE reported <b>more than 32,000</b> UCs failed to appear.<br>Second line.</p>
<table><tr><td>FY2019</td><td>69,488</td></tr><tr><td>FY2020</td><td>15,381</td></tr></table>
<aside>Related: 77 stories</aside>
<p hidden>Hidden 55</p>
</article>
<footer>Copyright 2024 &middot; Page 1 of 3</footer>
<script>track(123)</script>
</body></html>"""


def test_html_main_text_drops_boilerplate(tmp_path):
    doc = read_document(write(tmp_path, "alert.html", PAGE))
    assert doc.format == "html" and doc.title == "OIG alert & summary"
    assert doc.text == ("ICE Cannot Monitor All Children\n\nICE transferred more than 448,000 UCs to HHS.\n\n"
                        "ICE reported more than 32,000 UCs failed to appear.\nSecond line.\n\n"
                        "FY2019\t69,488\nFY2020\t15,381")
    for furniture in ("999999", "Home", "Menu", "Skip", "77", "55", "Copyright", "123", "color"):
        assert furniture not in doc.text


def test_html_main_element_wins(tmp_path):
    page = b"<html><body><div>Sidebar 12</div><main><p>Body 448,000.</p></main><div>More 13</div></body></html>"
    assert read_document(write(tmp_path, "a.htm", page)).text == "Body 448,000."


def test_html_is_sniffed_without_extension_and_charset_errors_are_named(tmp_path):
    assert parse_document(b"<html><body><p>One.</p><p>Two.</p></body></html>").text == "One.\n\nTwo."
    with pytest.raises(DocumentError, match="no text"):
        parse_document(b"<html><body><nav>only navigation</nav></body></html>", name="nav.html")


# -- PDF ------------------------------------------------------------------------


def make_pdf(pages: list[str | None], *, trailer_extra: str = "") -> bytes:
    """A minimal PDF: one page per item, Helvetica text (None: a page with no text)."""
    objects: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    font = 3 + 2 * n
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for i, text in enumerate(pages):
        content = b""
        if text is not None:
            lines = [f"BT /F1 12 Tf 72 {720 - 16 * k} Td ({line}) Tj ET" for k, line in enumerate(text.split("\n"))]
            content = "\n".join(lines).encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode())
        objects.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_pages_are_kept(tmp_path):
    pytest.importorskip("pypdf")
    path = write(tmp_path, "alert.pdf", make_pdf(["ICE transferred more than 448,000 UCs.",
                                                  "ICE reported more than 32,000 UCs."]))
    doc = read_document(path)
    assert doc.format == "pdf" and len(doc.pages) == 2
    assert "448,000" in doc.pages[0].of(doc.text) and "32,000" in doc.pages[1].of(doc.text)
    assert doc.text.count("\f") == 1
    assert doc.page_of(doc.text.index("32,000")) == 2


def test_pdf_is_sniffed_from_content(tmp_path):
    pytest.importorskip("pypdf")
    doc = read_document(write(tmp_path, "download.bin", make_pdf(["Page text 12."])))
    assert doc.format == "pdf" and "Page text 12." in doc.text


def test_truncated_pdf(tmp_path):
    pytest.importorskip("pypdf")
    data = make_pdf(["Some text."])
    with pytest.raises(DocumentError) as err:
        read_document(write(tmp_path, "cut.pdf", data[:60]))
    assert "cut.pdf" in str(err.value) and "not a readable PDF" in str(err.value)


def test_garbage_pdf(tmp_path):
    pytest.importorskip("pypdf")
    with pytest.raises(DocumentError, match="not a readable PDF"):
        read_document(write(tmp_path, "junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8))


def test_pdf_without_text_layer_needs_ocr(tmp_path):
    pytest.importorskip("pypdf")
    with pytest.raises(DocumentError) as err:
        read_document(write(tmp_path, "scan.pdf", make_pdf([None, None])))
    assert "no text layer" in str(err.value) and "OCR" in str(err.value) and "ocrmypdf" in str(err.value)


def test_encrypted_pdf(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert "locked.pdf" in str(err.value) and "encrypted" in str(err.value) and "qpdf --decrypt" in str(err.value)


def test_missing_pdf_extra_names_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf -> ImportError
    with pytest.raises(DocumentError) as err:
        read_document(write(tmp_path, "a.pdf", make_pdf(["x"])))
    assert "pip install 'claimgraph[pdf]'" in str(err.value)


# -- case folders accept PDF and HTML documents -----------------------------------------


def _case_with(tmp_path, name: str, data: bytes, passage: str):
    (tmp_path / "article.txt").write_text("The alert says ICE transferred more than 448,000 UCs.", encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    (tmp_path / "case.json").write_text(json.dumps({
        "format": "claimgraph-annotation",
        "article": {"file": "article.txt"},
        "sources": [{"id": "oig", "name": "DHS OIG", "kind": "government_body"}],
        "documents": [{"id": "alert", "title": "Management Alert", "source": "oig", "file": name,
                       "kind": "government_report", "primary": True}],
        "claims": [{"quote": "ICE transferred more than 448,000 UCs.", "kind": "numeric",
                    "attribution": {"kind": "paraphrase", "source": "oig", "cue": "says"},
                    "quantities": ["more than 448,000"],
                    "evidence": [{"document": "alert", "passage": passage, "quantity": "more than 448,000",
                                  "relation": "verbatim"}]}],
    }, indent=1), encoding="utf-8")
    return tmp_path


def test_a_case_reads_a_pdf_document_with_its_pages(tmp_path):
    pytest.importorskip("pypdf")
    folder = _case_with(tmp_path, "alert.pdf", make_pdf(["Cover page.", "ICE transferred more than 448,000 UCs."]),
                        "more than 448,000 UCs")
    graph = claimgraph.load(folder)
    (doc,) = graph.documents
    assert "\f" in doc.text and doc.text.split("\f")[1].startswith("ICE transferred")
    (evidence,) = graph.evidence
    assert evidence.page == 2 and evidence.text == "more than 448,000 UCs"


def test_a_case_reads_an_html_document_main_text(tmp_path):
    page = (b"<html><body><nav>Home | Reports</nav><main><h1>Alert</h1>"
            b"<p>ICE transferred more than 448,000 UCs.</p></main><footer>Contact</footer></body></html>")
    graph = claimgraph.load(_case_with(tmp_path, "alert.html", page, "more than 448,000 UCs"))
    (doc,) = graph.documents
    assert "Home" not in doc.text and "more than 448,000 UCs" in doc.text


def test_an_unreadable_pdf_in_a_case_names_the_annotation_line(tmp_path):
    pytest.importorskip("pypdf")
    folder = _case_with(tmp_path, "alert.pdf", b"%PDF-1.4 this is not a PDF", "more than 448,000 UCs")
    with pytest.raises(CaseError) as info:
        claimgraph.load(folder)
    message = info.value.one_line() if hasattr(info.value, "one_line") else str(info.value)
    assert "case.json:" in message and "documents" in message


# -- what a document says about itself -------------------------------------------------


def test_header_metadata_is_read_and_normalised(tmp_path):
    text = ("TITLE:            Management Alert\nISSUING BODY:     U.S. Department of Homeland Security, Office of\n"
            "                  Inspector General (DHS OIG). Retrieved copy.\nDATE:             August 19, 2024 (per "
            "the cover memo)\nDOCUMENT NUMBER:  OIG-24-46 (from the file name)\nURL:              "
            "https://www.oig.dhs.gov/a.pdf\n==========\nICE transferred more than 448,000 UCs.")
    doc = read_document(write(tmp_path, "alert.txt", text.encode()))
    assert doc.title == "Management Alert"
    assert doc.metadata == {"issuer": "U.S. Department of Homeland Security, Office of Inspector General (DHS OIG)",
                            "date": "2024-08-19", "number": "OIG-24-46", "url": "https://www.oig.dhs.gov/a.pdf"}


def test_html_meta_tags_give_metadata(tmp_path):
    page = (b'<html><head><title>Report</title><meta name="citation_publisher" content="U.S. GAO">'
            b'<meta name="citation_publication_date" content="2024/05/14">'
            b'<meta name="citation_technical_report_number" content="GAO-24-106389">'
            b'<link rel="canonical" href="https://www.gao.gov/products/gao-24-106389"></head>'
            b'<body><main><p>FEMA paid $97.6 million twice.</p></main></body></html>')
    doc = read_document(write(tmp_path, "gao.html", page))
    assert doc.metadata == {"issuer": "U.S. GAO", "date": "2024-05-14", "number": "GAO-24-106389",
                            "url": "https://www.gao.gov/products/gao-24-106389"}


def test_a_document_without_metadata_has_none(tmp_path):
    assert read_document(write(tmp_path, "plain.txt", b"Just 12 words of text here.")).metadata == {}
