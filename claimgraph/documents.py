"""Read source documents: plain text, HTML and PDF, with page spans and clear errors.

:func:`read_document` turns a file into a :class:`LoadedDocument`: its text (every
offset refers to it), page spans when the format has pages, a title when one is
found, and the encoding used.  Text is decoded as UTF-8 (with or without BOM) or
UTF-16/32 with BOM; Windows-1252 only when asked or unmistakable; HTML keeps its main
text; PDF (with the ``pdf`` extra) keeps each page's text, pages joined by form feeds.
Anything unreadable raises :class:`~claimgraph.errors.DocumentError` naming the file
and what to do.  :func:`find_header` finds a leading metadata block ("TITLE: …",
"DATE: …" lines closed by a rule, or YAML front matter), whose numbers are not evidence.
"""

from __future__ import annotations

import bisect
import codecs
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Mapping, Sequence

import attrs

from .errors import DocumentError
from .spans import Span

__all__ = ["LoadedDocument", "read_document", "parse_document", "find_header", "header_fields"]


@attrs.frozen
class LoadedDocument:
    """A document's text as read, with page spans (``()`` when the format has no pages).

    ``text`` is what every offset refers to.  Line ends are ``\\n``; a PDF's pages
    are joined with form feeds (``\\f``), and form feeds in a text file mark pages too.
    """

    path: str | None
    text: str
    format: str = "text"
    pages: tuple[Span, ...] = ()
    title: str | None = None
    encoding: str | None = None
    #: what the document says about itself, from a text header block, HTML ``<meta>`` tags or
    #: PDF metadata: any of ``issuer``, ``date`` (ISO), ``number`` ("OIG-24-46"), ``url``
    meta: tuple[tuple[str, str], ...] = ()

    @property
    def metadata(self) -> dict[str, str]:
        return dict(self.meta)

    def page_of(self, offset: int) -> int | None:
        """1-based page holding ``offset``; ``None`` when pages are unknown.

        >>> LoadedDocument(None, "one\\ftwo", pages=(Span(0, 3), Span(4, 7))).page_of(5)
        2
        """
        return _page_of(self.pages, offset)


def _page_of(pages: Sequence[Span], offset: int) -> int | None:
    if not pages:
        return None
    starts = [p.start for p in pages]
    return max(1, bisect.bisect_right(starts, offset))


def _form_feed_pages(text: str) -> tuple[Span, ...]:
    if "\f" not in text:
        return ()
    pages, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\f":
            pages.append(Span(start, i))
            start = i + 1
    pages.append(Span(start, len(text)))
    return tuple(pages)


_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes 0x80-0x9F that Windows-1252 uses for typographic punctuation; in Latin-1
# they are control characters, so their presence identifies cp1252 text.
_CP1252_MARKS = frozenset(b"\x80\x82\x84\x85\x91\x92\x93\x94\x95\x96\x97\x99")
_ENCODING_HINT = ("pass encoding='cp1252' (Windows) or encoding='latin-1' if you know it, "
                  "or convert the file to UTF-8 (iconv -f OLD -t UTF-8)")


def read_document(path: str | Path, *, encoding: str | None = None) -> LoadedDocument:
    """Read a plain-text, HTML or PDF file into a :class:`LoadedDocument`.

    The format comes from the extension (``.pdf``, ``.html``/``.htm``) or, failing
    that, from the content (``%PDF-``, ``<html``).  Text is decoded as UTF-8 (with or
    without BOM) or UTF-16/32 with BOM; Windows-1252 only when ``encoding`` says so or
    its typographic bytes make it unmistakable.  Anything else raises
    :class:`~claimgraph.errors.DocumentError` naming the file, the byte offset and
    what to do: text is never silently mangled.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "memo.txt")
    ...     _ = open(p, "wb").write("\\ufeffPage one\\r\\n\\fPage two".encode("utf-8"))
    ...     doc = read_document(p)
    >>> doc.text, doc.pages, doc.encoding
    ('Page one\\n\\x0cPage two', (Span(start=0, end=9), Span(start=10, end=18)), 'utf-8-sig')
    """
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise DocumentError("document file not found", where=where,
                            hint="check the path (relative paths are read from the current folder)")
    if p.is_dir():
        raise DocumentError("is a folder, not a document file", where=where, hint="give the path of a file inside it")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read the file: {exc.strerror or exc}", where=where,
                            hint="check the file's permissions") from exc
    fmt = "pdf" if p.suffix.lower() == ".pdf" else "html" if p.suffix.lower() in _HTML_EXT else None
    return parse_document(data, name=where, format=fmt, encoding=encoding)


def parse_document(data: bytes, *, name: str = "<bytes>", format: str | None = None,
                   encoding: str | None = None) -> LoadedDocument:
    """Like :func:`read_document`, for bytes already in memory (``name`` is used in errors).

    >>> parse_document(b"<html><nav>Home</nav><p>ICE reported 32,000.</p></html>").text
    'ICE reported 32,000.'
    """
    if format not in (None, "text", "html", "pdf"):
        raise DocumentError(f"unknown document format {format!r}", where=name, hint="use 'text', 'html' or 'pdf'")
    if not data:
        raise DocumentError("empty document (0 bytes)", where=name,
                            hint="the file has no content; re-save or re-download it")
    if format is None:
        format = "pdf" if b"%PDF-" in data[:1024] else None
    if format == "pdf":
        doc = _read_pdf(data, name)
    else:
        text, used = _decode(data, encoding, name)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if format is None:
            head = text[:1024].lstrip().lower()
            format = "html" if head.startswith(("<!doctype html", "<html")) or "<body" in head else "text"
        if format == "html":
            body, title, found = _html_main_text(text)
            doc = LoadedDocument(name, body, "html", _form_feed_pages(body), title, used, _metadata(found))
        else:
            fields = header_fields(text)
            doc = LoadedDocument(name, text, "text", _form_feed_pages(text), fields.get("TITLE") or None, used,
                                 _metadata(fields))
    if not doc.text.strip():
        what = {"pdf": "the PDF", "html": "the page's main content"}.get(doc.format, "the file")
        raise DocumentError(f"empty document: {what} holds no text", where=name,
                            hint="check that this is the right file (an HTML page may put all its text in "
                                 "navigation or scripts)")
    return doc


def _decode(data: bytes, encoding: str | None, where: str) -> tuple[str, str]:
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise DocumentError(f"unknown encoding {encoding!r}", where=where,
                                hint="use a Python codec name such as 'utf-8', 'utf-16', 'cp1252' or 'latin-1'") from None
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise DocumentError(
                f"cannot be decoded as {encoding}: byte 0x{data[exc.start]:02x} at byte offset {exc.start} is invalid",
                where=where, hint="the file is in another encoding; " + _ENCODING_HINT) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    f"starts with a {codec.upper()} byte-order mark but byte offset {exc.start} is invalid {codec}",
                    where=where, hint="the file is damaged or mislabelled; " + _ENCODING_HINT) from None
    if b"\x00" in data:  # NUL bytes: UTF-16 without a BOM, or not text at all
        utf16 = _sniff_utf16(data)
        if utf16:
            try:
                return data.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        at = data.index(b"\x00")
        raise DocumentError(f"is not text: a NUL byte at byte offset {at} (a binary file, or UTF-16 without a "
                            "byte-order mark)", where=where, hint="pass encoding='utf-16-le' or 'utf-16-be' if it is "
                            "UTF-16; " + _ENCODING_HINT)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    if b"\x00" not in data and _looks_cp1252(data):
        return data.decode("cp1252"), "cp1252"
    raise DocumentError(
        f"is not UTF-8 text: byte 0x{data[bad]:02x} at byte offset {bad} is invalid, and the encoding "
        "cannot be told for sure", where=where, hint=_ENCODING_HINT)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) // 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nuls > 0.7 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.7 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _looks_cp1252(data: bytes) -> bool:
    high = [b for b in data if b >= 0x80]
    if not high or len(high) > 0.2 * len(data):
        return False
    if not any(b in _CP1252_MARKS for b in high):
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


# -- HTML ---------------------------------------------------------------------

_HTML_SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "template",
                        "svg", "iframe", "form", "button", "select", "head", "menu", "dialog", "object"})
_HTML_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"})
_HTML_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                        "source", "track", "wbr"})
_HTML_PARA = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                        "ul", "ol", "dl", "dt", "dd", "table", "blockquote", "pre", "figure", "figcaption",
                        "address", "caption", "hr", "details", "summary", "body"})
_HTML_LINE = frozenset({"br", "tr"})
_HTML_CELL = frozenset({"td", "th"})
_PARA, _LINE, _CELL = "\x00P", "\x00L", "\x00C"


class _MainText(HTMLParser):
    """Main text of a page: boilerplate elements dropped, paragraph breaks kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skips, is_main)
        self.skip = 0
        self.main = 0
        self.pieces: list[tuple[str, bool]] = []
        self.pre = 0
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.saw_main = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        a = dict(attrs_)
        if tag == "meta" and a.get("content"):  # <meta name="citation_date" content="...">
            key = (a.get("name") or a.get("property") or "").strip().lower()
            if key:
                self.meta.setdefault(key, a["content"] or "")
        elif tag == "link" and "canonical" in (a.get("rel") or "").lower().split() and a.get("href"):
            self.meta.setdefault("canonical", a["href"] or "")
        if tag == "title":
            self.in_title = True
        if tag in _HTML_VOID:
            self._block(tag)
            return
        role = (a.get("role") or "").lower()
        skips = (tag in _HTML_SKIP or role in _HTML_SKIP_ROLES or "hidden" in a
                 or (a.get("aria-hidden") or "").lower() == "true")
        is_main = tag == "main" or role == "main"
        self.saw_main |= is_main
        self.stack.append((tag, skips, is_main))
        self.skip += skips
        self.main += is_main
        if tag == "pre":
            self.pre += 1
        if tag == "h1" and not self.skip:
            self.in_h1 = True
        self._block(tag)

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self._block(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:
            t, skips, is_main = self.stack.pop()
            self.skip -= skips
            self.main -= is_main
            if t == "pre":
                self.pre -= 1
            if t == tag:
                break
        self._block(tag)

    def _block(self, tag: str) -> None:
        if self.skip:
            return
        if tag in _HTML_PARA:
            self.pieces.append((_PARA, self.main > 0))
        elif tag in _HTML_LINE:
            self.pieces.append((_LINE, self.main > 0))
        elif tag in _HTML_CELL:
            self.pieces.append((_CELL, self.main > 0))

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        if not self.pre:
            data = re.sub(r"[ \t\r\n\f\v]+", " ", data)
        self.pieces.append((data, self.main > 0))

    def result(self) -> tuple[str, str | None]:
        pieces = [p for p, in_main in self.pieces if in_main] if self.saw_main else [p for p, _ in self.pieces]
        out: list[str] = []
        pending = ""
        strength = {_CELL: 1, _LINE: 2, _PARA: 3}
        for piece in pieces:
            if piece in strength:
                if strength[piece] > strength.get(pending, 0):
                    pending = piece
                continue
            if not piece.strip() and not self.pre:
                if out and not pending and not out[-1].endswith(" "):
                    out.append(" ")
                continue
            if pending and out:
                while out and out[-1].endswith((" ", "\t")):
                    out[-1] = out[-1].rstrip(" \t")
                    if not out[-1]:
                        out.pop()
                out.append({_PARA: "\n\n", _LINE: "\n", _CELL: "\t"}[pending])
                piece = piece.lstrip(" ")
            elif not out:
                piece = piece.lstrip()
            pending = ""
            out.append(piece)
        text = "".join(out).strip()
        text = re.sub(r"[ \t]+\n", "\n", text)
        title = " ".join("".join(self.title_parts).split()) or " ".join("".join(self.h1_parts).split()) or None
        return text, title


def _html_main_text(html: str) -> tuple[str, str | None, dict[str, str]]:
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return (*parser.result(), parser.meta)


# -- PDF ----------------------------------------------------------------------


def _read_pdf(data: bytes, where: str) -> LoadedDocument:
    try:
        import pypdf
        from pypdf.errors import DependencyError
    except ImportError:
        raise DocumentError("reading PDF files needs the optional dependency 'pypdf'", where=where,
                            hint="pip install 'claimgraph[pdf]'") from None
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises many types on damaged input
        raise DocumentError(f"is not a readable PDF (damaged or truncated): {exc}", where=where,
                            hint="download the file again, or check it with 'qpdf --check FILE'") from None
    if encrypted:
        try:
            ok = reader.decrypt("")
        except DependencyError:
            raise DocumentError("is an encrypted PDF and decrypting it needs the 'cryptography' package",
                                where=where, hint="pip install cryptography, or decrypt it first with qpdf") from None
        except Exception as exc:
            raise DocumentError(f"is an encrypted PDF that cannot be opened: {exc}", where=where,
                                hint="decrypt it first: qpdf --decrypt --password=PASSWORD in.pdf out.pdf") from None
        if not ok:
            raise DocumentError("is an encrypted PDF that needs a password", where=where,
                                hint="decrypt it first: qpdf --decrypt --password=PASSWORD in.pdf out.pdf")
    texts: list[str] = []
    try:
        for page in reader.pages:
            page_text = page.extract_text() or ""
            texts.append(page_text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
    except Exception as exc:
        raise DocumentError(f"is not a readable PDF: page {len(texts) + 1} cannot be read ({exc})", where=where,
                            hint="download the file again, or check it with 'qpdf --check FILE'") from None
    if not texts:
        raise DocumentError("is a PDF with no pages", where=where, hint="check that this is the right file")
    if not any(t.strip() for t in texts):
        raise DocumentError(f"is a PDF with no text layer ({len(texts)} page(s) of images, probably scanned)",
                            where=where, hint="run OCR first, e.g. 'ocrmypdf in.pdf out.pdf', then read out.pdf")
    pages, pos = [], 0
    for t in texts:
        pages.append(Span(pos, pos + len(t)))
        pos += len(t) + 1
    title, info = None, {}
    try:
        meta = reader.metadata
        if meta:
            title = meta.title or None
            info = {str(k): str(v) for k, v in meta.items() if isinstance(v, str) or hasattr(v, "strip")}
    except Exception:  # damaged metadata never stops the text from being read
        title, info = None, {}
    return LoadedDocument(where, "\f".join(texts), "pdf", tuple(pages), title, None, _metadata(info))


# -- metadata header ------------------------------------------------------------

_HEADER_KEY = re.compile(r"[A-Z][A-Z0-9 /&()'.,-]{0,40}:(?:[ \t]|$)")
_YAML_KEY = re.compile(r"[A-Za-z_][\w -]{0,40}:(?:[ \t]|$)")
_RULE = re.compile(r"[ \t]*([=\-_*#~])\1{9,}[ \t]*$")
_HEADER_MAX_CHARS = 20_000


def find_header(text: str) -> Span | None:
    """The leading metadata block of a document, if it has one.

    Two shapes are recognised: ``KEY:  value`` lines in capitals (values may wrap
    onto indented lines) closed by a rule of ten or more ``=``/``-``/``_``/``*``/``#``;
    and YAML front matter between ``---`` lines.  The span ends after the closing
    rule.  Numbers inside it (document numbers, dates, page counts) are metadata,
    not statements, so :class:`DocumentIndex` does not offer them as evidence.

    >>> text = "TITLE:   Alert\\nDATE:    August 19, 2024\\nLENGTH:  18 pages\\n=============\\nBody: 32,000."
    >>> header = find_header(text)
    >>> header, text[header.end:]
    (Span(start=0, end=72), 'Body: 32,000.')
    >>> find_header("No header: just text.\\n==========") is None
    True
    """
    head = text[:_HEADER_MAX_CHARS]
    if head.startswith("---\n"):
        end = head.find("\n---", 4)
        if end != -1:
            inner = [ln for ln in head[4:end].split("\n") if ln.strip()]
            if inner and all(_YAML_KEY.match(ln) or ln[:1] in " \t-" for ln in inner):
                stop = head.find("\n", end + 4)
                return Span(0, len(head) if stop == -1 else stop + 1)
    pos, keys, first = 0, 0, True
    while pos < len(head):
        nl = head.find("\n", pos)
        line_end = len(head) if nl == -1 else nl
        line = head[pos:line_end]
        if not line.strip():
            pos = line_end + 1
            continue
        if _RULE.match(line) and not first:
            return Span(0, min(len(text), line_end + 1)) if keys >= 2 else None
        if _HEADER_KEY.match(line):
            keys += 1
        elif first or line[:1] not in " \t":
            return None
        first = False
        pos = line_end + 1
    return None


def header_fields(text: str) -> dict[str, str]:
    """The ``KEY: value`` fields of a document's header block (keys upper-cased, wrapped
    values joined), or of its YAML front matter; empty when there is no header.

    >>> header_fields("TITLE:   Alert on\\n         children\\nDATE:    August 19, 2024\\n==========\\nText.")
    {'TITLE': 'Alert on children', 'DATE': 'August 19, 2024'}
    """
    header = find_header(text)
    if header is None:
        return {}
    fields: dict[str, list[str]] = {}
    key = None
    for line in header.of(text).split("\n"):
        m = re.match(r"([A-Za-z_][A-Za-z0-9 /&()'.,_-]{0,40}):(?:[ \t]+(.*)|$)", line)
        if m and line[:1] not in " \t":
            key = m.group(1).strip().upper().replace("_", " ")
            fields.setdefault(key, []).append((m.group(2) or "").strip())
        elif key is not None and line[:1] in " \t" and line.strip():
            fields[key].append(line.strip())
    return {k: " ".join(p for p in v if p) for k, v in fields.items() if any(v)}


def _header_title(text: str) -> str | None:
    return header_fields(text).get("TITLE") or None


#: header keys (upper case), HTML meta names and PDF info keys that give a document's metadata
_META_KEYS = {
    "issuer": ("ISSUING BODY", "ISSUER", "AGENCY", "PUBLISHER", "ISSUED BY", "citation_publisher", "dc.publisher",
               "dcterms.publisher", "og:site_name", "author", "/Author"),
    "date": ("DATE", "DATE ISSUED", "RELEASE DATE", "PUBLISHED", "ISSUED", "citation_publication_date",
             "citation_date", "dc.date", "dcterms.date", "dcterms.issued", "article:published_time", "date",
             "/CreationDate"),
    "number": ("DOCUMENT NUMBER", "REPORT NUMBER", "NUMBER", "REPORT NO.", "citation_technical_report_number",
               "citation_report_number"),
    "url": ("URL", "CANONICAL URL", "SOURCE URL", "canonical", "og:url", "citation_pdf_url"),
}
_DOC_NUMBER = re.compile(r"\b[A-Z]{2,}[A-Z0-9]*(?:[-\u2010-\u2013][A-Z0-9]+)+\b|\b(?:No\.|#)\s?\d[\w-]*")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


def _metadata(found: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """Normalised metadata from raw fields: the first field of each kind that reads."""
    out: dict[str, str] = {}
    for name, keys in _META_KEYS.items():
        for key in keys:
            raw = (found.get(key) or "").strip()
            value = _clean_meta(name, raw) if raw else None
            if value:
                out[name] = value
                break
    return tuple(out.items())


def _clean_meta(name: str, raw: str) -> str | None:
    if name == "url":
        m = _URL.search(raw)
        return m.group().rstrip(".,;") if m else None
    if name == "number":
        m = _DOC_NUMBER.search(raw)
        return m.group() if m else None
    if name == "date":
        return _iso_date(raw)
    first = re.split(r"(?<=[a-z)\]])[.;]\s", raw, maxsplit=1)[0]  # the name, not a note after it
    return first.strip().rstrip(".")[:160] or None


def _iso_date(raw: str) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from the start of a date field, or None."""
    m = _PDF_DATE.match(raw) or re.match(r"(\d{4})[-/.](\d{2})(?:[-/.](\d{2}))?", raw)
    if m:
        return "-".join(g for g in m.groups() if g)
    from .quantities import find_quantities

    for q in find_quantities(raw[:80], include_non_facts=True):  # a lone date reads as a dateline
        if q.kind.value == "date" and q.date and not q.date.startswith("--"):
            return q.date.split("/")[0]
        if q.kind.value == "year":
            return str(q.value)
    return None
