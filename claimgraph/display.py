"""Showing claims and reports to people: text, Markdown and HTML.

Escaping and truncation live here, in one place: article and document text
is untrusted, so every piece of it that reaches HTML goes through
:func:`escape`, and long lists end in "… N more".

The HTML is self-contained: inline CSS and inline SVG, no JavaScript, no
external URL, font or stylesheet (newsroom notebooks run offline).  It is
readable in dark mode (``prefers-color-scheme`` and the JupyterLab / VS Code
dark themes) and without colour: severity is always written out and marked by
an icon and a border style (✖ error: solid, ▲ warning: dashed, ✓ ok: dotted).

Notebook renderers, each returning an HTML fragment:

* :func:`graph_html` — counts, sources and documents, the first claims
  (``ClaimGraph._repr_html_``);
* :func:`report_html` — findings grouped by severity (``Report._repr_html_``);
* :func:`article_html` — the article with every claim highlighted by kind and
  check status, numbers underlined and quotations marked, like spaCy's
  displaCy entity view;
* :func:`claim_html` — one claim as a card: attribution, quantities, the
  provenance chain drawn down to its origin documents, evidence, findings.

:class:`ClaimView` and :class:`ArticleView` wrap the last two for notebooks;
:func:`report_page` and :func:`write_report` make one standalone page a
fact-checker can attach to a memo.

>>> from claimgraph.model import Article, Claim
>>> from claimgraph.graph import ClaimGraph
>>> g = ClaimGraph(Article(text="Officials said <b>12</b> cases closed."))
>>> _ = g.add_claim(Claim(id="c1", start=0, end=38, text=g.article.text, kind="numeric"))
>>> html = article_html(g)
>>> "&lt;b&gt;12&lt;/b&gt;" in html and "<b>" not in html
True
"""

from __future__ import annotations

import hashlib
import heapq
import html
import json
import os
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .checks import Finding, Report
    from .graph import ClaimGraph

__all__ = [
    "ArticleView",
    "ClaimView",
    "article_html",
    "attribution_label",
    "claim_html",
    "clip",
    "escape",
    "graph_html",
    "report_html",
    "report_markdown",
    "report_page",
    "report_text",
    "view",
    "write_report",
]

_SEVERITY_MARK = {"error": "ERROR", "warning": "WARN", "info": "ok"}
#: Icon and word for each severity: severity never relies on colour alone.
_SEVERITY_ICON = {"error": "✖", "warning": "▲", "info": "ℹ"}
_SEVERITY_TITLE = {"error": "Errors", "warning": "Warnings", "info": "Passes and notes"}
#: A claim's check status: icon and words (``ok``: only info findings; ``quiet``: no finding at all).
_STATUS = {
    "error": ("✖", "error"),
    "warning": ("▲", "warning"),
    "ok": ("✓", "ok"),
    "quiet": ("○", "no findings"),
    "unchecked": ("", "not checked"),
}
_KINDS = ("numeric", "quote", "factual", "opinion", "heading")

#: Default list lengths in notebook views (the standalone report shows everything).
CLAIMS_SHOWN = 10
ROWS_SHOWN = 20
FINDINGS_SHOWN = 50
PATHS_SHOWN = 40
BOXES_PER_ROW = 6


# =============================================================================== text helpers
def escape(text: Any) -> str:
    """HTML-escape any value (quotes included).

    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(text), quote=True)


def clip(text: str, limit: int = 100) -> str:
    """Shorten to ``limit`` characters on one line, ending in "…" when cut.

    >>> clip("a  long\\ntext", 8)
    'a long …'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + " …"


def _more(hidden: int, what: str = "") -> str:
    """The truncation note, e.g. "… 12 more claims".

    >>> _more(3, "sources")
    '… 3 more sources'
    """
    return f"… {hidden} more" + (f" {what}" if what else "")


def attribution_label(graph: "ClaimGraph", claim: Any) -> str:
    """A short human description of a claim's attribution."""
    att = claim.attribution
    name = lambda sid: graph.source(sid).name  # noqa: E731
    if att.kind == "direct_quote":
        return f"direct quote of {name(att.source)}"
    if att.kind == "paraphrase":
        return f"paraphrase of {name(att.source)}"
    if att.kind == "relayed":
        return f"relayed by {name(att.via)}" + (f" from {name(att.source)}" if att.source else "")
    if att.kind == "vague":
        named = ", ".join(name(s) for s in att.named)
        return f"vague: “{att.group}”" + (f" (naming {named})" if named else "")
    return "unattributed"


def _counts_line(report: "Report") -> str:
    s = report.summary["by_severity"]
    return f"{s['error']} errors, {s['warning']} warnings, {s['info']} passes/notes"


def _severity(value: str) -> str:
    """A known severity name (third-party checks could emit anything: keep class names safe)."""
    return value if value in _SEVERITY_ICON else "info"


def _status(findings: Sequence["Finding"] | None) -> str:
    """``error``/``warning``/``ok``/``quiet`` for a claim's findings; ``unchecked`` without a report."""
    if findings is None:
        return "unchecked"
    severities = {f.severity for f in findings}
    if "error" in severities:
        return "error"
    if "warning" in severities:
        return "warning"
    return "ok" if findings else "quiet"


def _status_words(findings: Sequence["Finding"] | None) -> str:
    status = _status(findings)
    icon, word = _STATUS[status]
    if status in ("error", "warning"):
        n = sum(1 for f in findings or () if f.severity == status)
        word = f"{n} {status}{'s' if n > 1 else ''}"
    return f"{icon} {word}".strip()


# =============================================================================== plain text and Markdown
def report_text(report: "Report", graph: "ClaimGraph", *, quiet: bool = False) -> str:
    """The check report as plain text, grouped by claim in article order."""
    lines = [
        f"claimgraph check — {graph.article.title or graph.article.id}: {len(graph.claims)} claims, "
        f"{len(graph.sources)} sources, {len(graph.documents)} documents",
        "",
    ]
    by_claim: dict[str | None, list["Finding"]] = {}
    for f in report.findings:
        if quiet and f.severity == "info":
            continue
        by_claim.setdefault(f.claim_id, []).append(f)
    for f in by_claim.pop(None, []):
        lines.append(_finding_line(f))
    for claim in graph.claims:
        found = by_claim.get(claim.id)
        if not found:
            continue
        lines.append(f"{claim.id} [{claim.start}:{claim.end}] {claim.kind} · {attribution_label(graph, claim)}")
        lines.append(f"  “{clip(claim.text, 96)}”")
        for f in found:
            lines.append("  " + _finding_line(f))
            if f.hint:
                lines.append(f"           hint: {f.hint}")
        lines.append("")
    lines.append(f"Summary: {_counts_line(report)}.")
    return "\n".join(lines) + "\n"


def _finding_line(f: "Finding") -> str:
    return f"{_SEVERITY_MARK.get(f.severity, f.severity):5} {f.code} {f.message}"


def _md(text: str) -> str:
    """Escape Markdown control characters in untrusted text (and HTML, which Markdown passes through)."""
    out = escape(text)
    for ch in "\\`*_{}[]()#+-.!|<>~":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def report_markdown(report: "Report", graph: "ClaimGraph", *, claims: bool = False) -> str:
    """The check report as Markdown, for a CMS or a pull request.

    With ``claims=True`` a section follows with every claim in article order: its
    attribution, its relay chain down to the origin documents, and its findings
    (this is what :func:`write_report` writes).
    """
    lines = [
        f"# Fact-check report: {_md(graph.article.title or graph.article.id)}",
        "",
        f"{len(graph.claims)} claims · {len(graph.sources)} sources · {len(graph.documents)} documents · "
        f"{_counts_line(report)}",
        "",
    ]
    for severity, title in (("error", "Errors"), ("warning", "Warnings"), ("info", "Passes and notes")):
        found = report.by_severity(severity)
        if not found:
            continue
        lines += [f"## {title} ({len(found)})", "", "| code | claim | finding | hint |", "|---|---|---|---|"]
        for f in found:
            claim = _md(clip(graph.claim(f.claim_id).text, 70)) if f.claim_id else ""
            lines.append(f"| {f.code} | {claim} | {_md(f.message)} | {_md(f.hint or '')} |")
        lines.append("")
    if claims:
        lines += _markdown_claims(report, graph)
    return "\n".join(lines)


def _markdown_claims(report: "Report", graph: "ClaimGraph") -> list[str]:
    by_claim = _findings_by_claim(report)
    lines = ["## Claims", ""]
    for claim in graph.claims:
        found = by_claim.get(claim.id, [])
        lines += [
            f"### {_md(claim.id)} · {claim.kind} · {_status_words(found)}",
            "",
            f"> {_md(claim.text)}",
            "",
            f"- attribution: {_md(attribution_label(graph, claim))}"
            + (f" (cue “{_md(claim.attribution.cue)}”)" if claim.attribution.cue else ""),
            "- chain: " + " → ".join(_md(_node_text(graph, n)) for n in graph.relay_chain(claim.id)),
        ]
        for q in claim.quantities:
            origins = ", ".join(_md(_node_text(graph, d)) for d in graph.origins(f"quantity:{q.id}")) or "none"
            lines.append(f"- number “{_md(q.text)}” ({q.hedge.replace('_', ' ')}): origins {origins}")
        for f in found:
            icon = _SEVERITY_ICON.get(f.severity, "")
            hint = f" — hint: {_md(f.hint)}" if f.hint else ""
            lines.append(f"- {icon} {f.severity} {f.code}: {_md(f.message)}{hint}")
        lines.append("")
    return lines


# =============================================================================== shared HTML pieces
_DARK = (
    "--fg:#e6e6e6;--bg:#1d1d21;--muted:#a9a9b3;--line:#4b4b55;--soft:#27272d;"
    "--k-numeric:#5a4812;--k-quote:#1f3b5e;--k-factual:#374d15;--k-opinion:#5a2243;--k-heading:#3b3b42;"
    "--err:#ff8f85;--warn:#ffd36b;--ok:#86e29f"
)
#: The one stylesheet, scoped under ``.cg``; nothing in it comes from input.
CSS = (
    ".cg{--fg:#1b1b1f;--bg:#ffffff;--muted:#5a5a63;--line:#c6c6cc;--soft:#f4f4f6;"
    "--k-numeric:#fde68a;--k-quote:#bfdbfe;--k-factual:#d9f99d;--k-opinion:#fbcfe8;--k-heading:#e4e4e7;"
    "--err:#b42318;--warn:#7a5200;--ok:#1e7b34;"
    "color:var(--fg);background:var(--bg);font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,"
    "'DejaVu Sans',Arial,sans-serif;border:1px solid var(--line);border-radius:8px;padding:.6em 1em;"
    "box-sizing:border-box;max-width:100%;overflow-x:auto}"
    f"@media (prefers-color-scheme:dark){{.cg{{{_DARK}}}}}"
    f"[data-jp-theme-light=false] .cg,body.vscode-dark .cg,body[data-vscode-theme-kind=vscode-dark] .cg{{{_DARK}}}"
    ".cg h1,.cg h2,.cg h3,.cg h4{margin:.8em 0 .3em;line-height:1.25;color:var(--fg)}"
    ".cg h1{font-size:1.5em}.cg h2{font-size:1.25em;border-bottom:1px solid var(--line);padding-bottom:.2em}"
    ".cg h3{font-size:1.05em}.cg h4{font-size:.95em;margin-top:.9em}"
    ".cg p{margin:.3em 0}.cg .cg-muted,.cg .cg-more{color:var(--muted)}.cg .cg-more{font-style:italic}"
    ".cg code{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.9em;white-space:nowrap}"
    ".cg a{color:inherit;text-decoration:underline}"
    ".cg table.cg-t{border-collapse:collapse;margin:.3em 0;width:auto}"
    ".cg table.cg-t th,.cg table.cg-t td{border:1px solid var(--line);padding:.2em .5em;text-align:left;"
    "vertical-align:top;background:var(--bg);color:var(--fg)}"
    ".cg table.cg-t th{background:var(--soft);font-weight:600}"
    ".cg .cg-counts{display:flex;flex-wrap:wrap;gap:.4em 1.2em;margin:.3em 0}"
    ".cg .cg-counts b{font-size:1.15em}"
    ".cg .cg-article{white-space:pre-wrap;line-height:2.1;max-width:60em}"
    ".cg mark.cg-claim{color:var(--fg);background:var(--k-factual);padding:.12em .2em;border-radius:.35em;"
    "-webkit-box-decoration-break:clone;box-decoration-break:clone;border:2px solid transparent}"
    + "".join(f".cg .cg-k-{k}{{background:var(--k-{k}) !important}}" for k in _KINDS)
    + ".cg mark.cg-k-heading{font-weight:700}"
    ".cg .cg-st-error{border:2px solid var(--err) !important}"
    ".cg .cg-st-warning{border:2px dashed var(--warn) !important}"
    ".cg .cg-st-ok{border:2px dotted var(--ok) !important}"
    ".cg .cg-tag{font-size:.68em;font-weight:600;text-transform:uppercase;letter-spacing:.03em;"
    "margin-left:.35em;padding:0 .3em;border-radius:.3em;background:var(--bg);color:var(--fg);"
    "border:1px solid var(--line);vertical-align:middle;text-decoration:none;white-space:nowrap}"
    ".cg .cg-qty{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px}"
    ".cg .cg-quote{font-style:italic;border-left:3px solid var(--fg);padding-left:.15em}"
    ".cg .cg-legend{display:flex;flex-wrap:wrap;gap:.3em .8em;font-size:.85em;margin:.4em 0 .6em}"
    ".cg .cg-legend span{padding:0 .35em;border-radius:.3em}"
    ".cg .cg-sev{font-weight:700;white-space:nowrap}"
    ".cg .cg-sev-error{color:var(--err)}.cg .cg-sev-warning{color:var(--warn)}"
    ".cg .cg-sev-info,.cg .cg-sev-ok{color:var(--ok)}"
    ".cg .cg-f{list-style:none;margin:.35em 0;padding:.3em .6em;border-left:4px solid var(--line)}"
    ".cg .cg-f.cg-fs-error{border-left:4px solid var(--err)}"
    ".cg .cg-f.cg-fs-warning{border-left:4px dashed var(--warn)}"
    ".cg .cg-f.cg-fs-info{border-left:4px dotted var(--ok)}"
    ".cg ul.cg-fl{padding:0;margin:.2em 0}"
    ".cg .cg-hint{color:var(--muted)}"
    ".cg dl.cg-computed{display:grid;grid-template-columns:max-content auto;gap:0 .8em;margin:.2em 0;"
    "font-size:.88em}.cg dl.cg-computed dt{color:var(--muted)}.cg dl.cg-computed dd{margin:0;"
    "font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;word-break:break-word}"
    ".cg dl.cg-facts dd{font-family:inherit}"
    ".cg .cg-card{border:1px solid var(--line);border-radius:8px;padding:.5em .9em;margin:.8em 0;"
    "background:var(--bg)}"
    ".cg .cg-card.cg-st-error{border-width:3px !important}.cg .cg-card.cg-st-warning{border-width:3px !important}"
    ".cg .cg-card header{display:flex;flex-wrap:wrap;gap:.2em .7em;align-items:baseline}"
    ".cg blockquote{margin:.4em 0;padding:.3em .8em;border-left:4px solid var(--line);background:var(--soft);"
    "white-space:pre-wrap}"
    ".cg blockquote footer{font-size:.85em;color:var(--muted);white-space:normal;margin-top:.2em}"
    ".cg .cg-chain{font-size:.95em}"
    ".cg details>summary{cursor:pointer;font-weight:600;margin:.4em 0}"
    ".cg svg.cg-prov{display:block;max-width:100%;height:auto;margin:.3em 0}"
    ".cg svg .n rect,.cg svg .n polygon{fill:var(--bg);stroke:var(--fg);stroke-width:1.3}"
    ".cg svg .n.claim rect{fill:var(--soft)}"
    ".cg svg .n.primary rect{stroke-width:3.2}"
    ".cg svg .n.secondary rect{stroke-dasharray:6 3}"
    ".cg svg .n.passage rect{fill:var(--soft);stroke-dasharray:2 2}"
    ".cg svg text{fill:var(--fg);font-size:11px;font-family:inherit}"
    ".cg svg text.k{fill:var(--muted);font-size:9.5px}"
    ".cg svg .e line{stroke:var(--muted);stroke-width:1.3}"
    ".cg svg .e text{fill:var(--muted);font-size:9px;paint-order:stroke;stroke:var(--bg);stroke-width:3px}"
    ".cg svg .ah{fill:var(--muted)}"
    ".cg nav.cg-toc a{margin-right:1em}"
    ".cg.cg-claim-view{border:0;padding:0;background:transparent}.cg.cg-claim-view>.cg-card{margin:0}"
)


def _style() -> str:
    return f"<style>{CSS}</style>"


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], hidden: int = 0, what: str = "") -> str:
    """An HTML table; ``head`` and cells are HTML (already escaped by the caller)."""
    out = ['<table class="cg-t"><thead><tr>', *(f"<th>{h}</th>" for h in head), "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
    if hidden:
        out.append(f'<tr><td class="cg-more" colspan="{len(head)}">{escape(_more(hidden, what))}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL (never ``javascript:``, ``data:`` …), else None."""
    if not url:
        return None
    stripped = "".join(url.split()).lower()
    return url if stripped.startswith(("https://", "http://")) else None


def _link_or_text(url: str | None) -> str:
    href = _safe_href(url)
    if href is None:
        return escape(url or "")
    return f'<a href="{escape(href)}" rel="noopener noreferrer nofollow">{escape(clip(url or "", 80))}</a>'


def _findings_by_claim(report: "Report | None") -> dict[str | None, list["Finding"]]:
    out: dict[str | None, list["Finding"]] = {}
    if report is not None:
        for f in report.findings:
            out.setdefault(f.claim_id, []).append(f)
    return out


def _anchor(claim_id: str) -> str:
    """The HTML id of a claim's card (also the fragment of its ClaimReview URL)."""
    return "claim-" + claim_id


def _computed_html(computed: Mapping[str, Any] | None) -> str:
    if not computed:
        return ""
    rows = []
    for key in sorted(computed, key=str):
        value = computed[key]
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        rows.append(f"<dt>{escape(key)}</dt><dd>{escape(clip(text, 300))}</dd>")
    return '<dl class="cg-computed">' + "".join(rows) + "</dl>"


def _finding_html(f: "Finding", graph: "ClaimGraph | None" = None, *, show_claim: bool = True) -> str:
    sev = _severity(f.severity)
    where = ""
    if show_claim and f.claim_id:
        text = ""
        if graph is not None:
            try:
                text = " <i>" + escape(clip(graph.claim(f.claim_id).text, 90)) + "</i>"
            except KeyError:
                text = ""
        where = f' <span class="cg-muted">claim <code>{escape(f.claim_id)}</code>{text}</span>'
    span = f' <span class="cg-muted">[{f.start}:{f.end}]</span>' if f.start is not None else ""
    hint = f'<div class="cg-hint">hint: {escape(f.hint)}</div>' if f.hint else ""
    return (
        f'<li class="cg-f cg-fs-{sev}"><span class="cg-sev cg-sev-{sev}">{_SEVERITY_ICON[sev]} {escape(f.severity)}</span> '
        f"<code>{escape(f.code)}</code>{where}{span}<div>{escape(f.message)}</div>{hint}{_computed_html(f.computed)}</li>"
    )


class _Ctx:
    """Indexes built once per rendering, so a 1,000-claim page stays linear."""

    def __init__(self, graph: "ClaimGraph", report: "Report | None"):
        self.graph = graph
        self.report = report
        self.findings = _findings_by_claim(report)
        self.evidence = {e.id: e for e in graph.evidence}
        self.evidence_by_claim: dict[str, list[Any]] = {}
        for e in graph.evidence:
            self.evidence_by_claim.setdefault(e.claim, []).append(e)
        self.derivations: dict[str, list[Any]] = {}
        for d in graph.derivations:
            self.derivations.setdefault(d.quantity, []).append(d)
        self.relations: dict[tuple[str, str], set[str]] | None = None

    def relation(self, u: str, v: str) -> str:
        """The relations from ``u`` to ``v``, indexed in one pass over the edges on first use."""
        if self.relations is None:
            self.relations = {}
            for a, b, rel in self.graph.graph_view.edges(data="relation"):
                self.relations.setdefault((a, b), set()).add(rel)
        return ", ".join(sorted(self.relations.get((u, v), ())))

    def claim_findings(self, claim_id: str) -> list["Finding"] | None:
        return None if self.report is None else self.findings.get(claim_id, [])


# =============================================================================== spans inside text
def _nested(text: str, start: int, end: int, spans: list[tuple[Any, ...]]) -> str:
    """HTML of ``text[start:end]`` with ``spans`` wrapped around their characters.

    A span is ``(start, -end, rank, seq, open_html, close_html)`` in absolute
    offsets.  Spans nest by containment (lower rank outside when two cover the
    same characters); a span that crosses another's end is split in two, so
    the HTML is always well formed and the text between tags, unescaped, is
    exactly ``text[start:end]``.

    >>> _nested("a <b> c", 0, 7, [(2, -5, 0, 0, "[", "]")])
    'a [&lt;b&gt;] c'
    """
    heap = sorted(s for s in spans if s[0] < -s[1])
    out: list[str] = []
    pos = start
    while heap:
        s = heapq.heappop(heap)
        s_start, s_end = s[0], -s[1]
        if s_start < pos:  # overlaps the previous sibling: keep only what follows it
            if s_end > pos:
                heapq.heappush(heap, (pos, s[1], *s[2:]))
            continue
        out.append(escape(text[pos:s_start]))
        children, tails = [], []
        while heap and heap[0][0] < s_end:
            t = heapq.heappop(heap)
            if -t[1] <= s_end:
                children.append(t)
            else:
                children.append((t[0], -s_end, *t[2:]))
                tails.append((s_end, t[1], *t[2:]))
        for t in tails:
            heapq.heappush(heap, t)
        out.append(s[4] + _nested(text, s_start, s_end, children) + s[5])
        pos = s_end
    out.append(escape(text[pos:end]))
    return "".join(out)


def _inner_spans(claim: Any, seq: int = 0) -> list[tuple[Any, ...]]:
    """Quote and quantity spans of a claim (quotes outside numbers when both cover the same words)."""
    spans = []
    for i, quote in enumerate(claim.quotes):
        spans.append((quote.start, -quote.end, 1, seq + i, '<span class="cg-quote">', "</span>"))
    for i, q in enumerate(claim.quantities):
        title = f"{q.text}: {q.hedge.replace('_', ' ')} {q.value}" + (f" {q.unit}" if q.unit else "") + f" ({q.kind})"
        spans.append((q.start, -q.end, 2, seq + len(claim.quotes) + i,
                      f'<span class="cg-qty" data-quantity="{escape(q.id)}" title="{escape(title)}">', "</span>"))
    return spans


# =============================================================================== article
def _legend(with_status: bool) -> str:
    kinds = "".join(f'<span class="cg-k-{k}">{k}</span>' for k in _KINDS)
    marks = '<span class="cg-qty">number</span><span class="cg-quote">quotation</span>'
    status = ""
    if with_status:
        status = (
            '<span class="cg-st-error">✖ error (solid)</span><span class="cg-st-warning">▲ warning (dashed)</span>'
            '<span class="cg-st-ok">✓ ok (dotted)</span><span>○ no findings</span>'
        )
    return f'<div class="cg-legend" aria-label="legend">{kinds}{marks}{status}</div>'


def _article_body(ctx: _Ctx, *, links: bool) -> str:
    graph = ctx.graph
    text = graph.article.text
    spans: list[tuple[Any, ...]] = []
    seq = 0
    for claim in graph.claims:
        findings = ctx.claim_findings(claim.id)
        status = _status(findings)
        words = _status_words(findings)
        kind = claim.kind if claim.kind in _KINDS else "factual"
        title = f"{claim.id} · {claim.kind} · {attribution_label(graph, claim)}" + (f" · {words}" if findings is not None else "")
        tag_text = escape(f"{claim.kind} {_STATUS[status][0]}".strip())
        tag = (f'<a class="cg-tag" href="#{escape(_anchor(claim.id))}">{tag_text}</a>' if links
               else f'<span class="cg-tag">{tag_text}</span>')
        spans.append((claim.start, -claim.end, 0, seq,
                      f'<mark class="cg-claim cg-k-{kind} cg-st-{status}" data-claim="{escape(claim.id)}" '
                      f'title="{escape(title)}">', f"{tag}</mark>"))
        seq += 1
        inner = _inner_spans(claim, seq)
        seq += len(inner)
        spans.extend(inner)
    return f'<div class="cg-article">{_nested(text, 0, len(text), spans)}</div>'


def article_html(graph: "ClaimGraph", report: "Report | None" = None) -> str:
    """The article with claims highlighted by kind (and by check status, given a report).

    Offsets are the ground truth: the text between the tags is the article,
    character for character.  Numbers are underlined, quotations in italics
    with a bar; hovering a claim shows its id, attribution and status.
    """
    ctx = _Ctx(graph, report)
    title = escape(graph.article.title or graph.article.id)
    return (f'{_style()}<div class="cg cg-article-view"><h3>{title}</h3>{_legend(report is not None)}'
            f"{_article_body(ctx, links=False)}</div>")


# =============================================================================== graph summary
def graph_html(graph: "ClaimGraph", *, limit: int = CLAIMS_SHOWN, rows: int = ROWS_SHOWN) -> str:
    """Counts, the sources and documents, and the first ``limit`` claims."""
    kinds: dict[str, int] = {}
    for c in graph.claims:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    n_quantities = sum(len(c.quantities) for c in graph.claims)
    counts = [(len(graph.claims), "claims"), (n_quantities, "numbers"), (len(graph.sources), "sources"),
              (len(graph.documents), "documents"), (len(graph.evidence), "evidence passages"),
              (len(graph.derivations), "derivations")]
    parts = [_style(), '<div class="cg cg-graph">',
             f"<h3>ClaimGraph · {escape(graph.article.title or graph.article.id)}</h3>",
             '<div class="cg-counts">' + "".join(f"<span><b>{n}</b> {w}</span>" for n, w in counts) + "</div>"]
    if kinds:
        parts.append('<p class="cg-muted">by kind: ' + escape(", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))) + "</p>")
    parts.append(_sources_table(graph, rows))
    parts.append(_documents_table(graph, rows))
    if graph.claims:
        shown = graph.claims[:limit]
        parts.append("<h4>Claims</h4>")
        parts.append(_table(
            ["id", "kind", "attribution", "text"],
            ([f"<code>{escape(c.id)}</code>", escape(c.kind), escape(attribution_label(graph, c)),
              escape(clip(c.text, 110))] for c in shown),
            len(graph.claims) - len(shown), "claims"))
    parts.append("</div>")
    return "".join(parts)


def _sources_table(graph: "ClaimGraph", rows: int | None) -> str:
    if not graph.sources:
        return ""
    credited: dict[str, int] = {}
    from .model import attributed_sources

    for c in graph.claims:
        for s in attributed_sources(c.attribution):
            credited[s] = credited.get(s, 0) + 1
    sources = graph.sources if rows is None else graph.sources[:rows]
    return "<h4>Sources</h4>" + _table(
        ["id", "name", "kind", "role", "speaks for", "claims"],
        ([f"<code>{escape(s.id)}</code>", escape(s.name), escape(s.kind.replace("_", " ")), escape(s.role or ""),
          escape(s.affiliation or ""), str(credited.get(s.id, 0))] for s in sources),
        len(graph.sources) - len(sources), "sources")


def _documents_table(graph: "ClaimGraph", rows: int | None) -> str:
    if not graph.documents:
        return ""
    docs = graph.documents if rows is None else graph.documents[:rows]
    return "<h4>Documents</h4>" + _table(
        ["id", "title", "kind", "origin", "our copy", "date"],
        ([f"<code>{escape(d.id)}</code>", escape(clip((d.number + ": " if d.number else "") + d.title, 110)),
          escape(d.kind.replace("_", " ")), "primary" if d.primary else "secondary", escape(d.completeness),
          escape(d.date or "")] for d in docs),
        len(graph.documents) - len(docs), "documents")


# =============================================================================== report
def report_html(report: "Report", graph: "ClaimGraph | None" = None, *, limit: int | None = FINDINGS_SHOWN) -> str:
    """Findings grouped by severity, each with its claim, message, hint and computed values.

    A :class:`~claimgraph.checks.Report` does not hold its graph: pass ``graph``
    to show each claim's words next to its id.
    """
    return f'{_style()}<div class="cg cg-report">{_report_body(report, graph, limit=limit)}</div>'


def _report_body(report: "Report", graph: "ClaimGraph | None", *, limit: int | None, level: int = 3) -> str:
    s = report.summary
    sev = s["by_severity"]
    parts = [f"<h{level}>Check report</h{level}>",
             '<div class="cg-counts">'
             f'<span class="cg-sev cg-sev-error">{_SEVERITY_ICON["error"]} <b>{sev["error"]}</b> errors</span>'
             f'<span class="cg-sev cg-sev-warning">{_SEVERITY_ICON["warning"]} <b>{sev["warning"]}</b> warnings</span>'
             f'<span class="cg-sev cg-sev-info">{_SEVERITY_ICON["info"]} <b>{sev["info"]}</b> passes and notes</span>'
             f"<span><b>{s['claims']}</b> claims</span></div>"]
    if s["checks"]:
        parts.append('<p class="cg-muted">checks run: ' + escape(", ".join(s["checks"])) + "</p>")
    if not report.findings:
        parts.append("<p>No findings.</p>")
    for severity in ("error", "warning", "info"):
        found = report.by_severity(severity)
        if not found:
            continue
        shown = found if limit is None else found[:limit]
        is_open = " open" if severity != "info" or limit is None else ""
        items = "".join(_finding_html(f, graph) for f in shown)
        more = f'<p class="cg-more">{escape(_more(len(found) - len(shown), "findings"))}</p>' if len(found) > len(shown) else ""
        parts.append(
            f'<details{is_open}><summary><span class="cg-sev cg-sev-{severity}">{_SEVERITY_ICON[severity]} '
            f"{_SEVERITY_TITLE[severity]} ({len(found)})</span></summary>"
            f'<ul class="cg-fl">{items}</ul>{more}</details>'
        )
    other = [f for f in report.findings if f.severity not in _SEVERITY_ICON]
    if other:
        parts.append('<ul class="cg-fl">' + "".join(_finding_html(f, graph) for f in other) + "</ul>")
    return "".join(parts)


# =============================================================================== claim card
def _node_text(graph: "ClaimGraph", node: str) -> str:
    """A one-line name for a graph node id."""
    kind, _, ident = node.partition(":")
    try:
        if kind == "article":
            return graph.article.title or graph.article.id
        if kind == "claim":
            return f"claim {ident}"
        if kind == "source":
            return graph.source(ident).name
        if kind == "document":
            d = graph.document(ident)
            return d.number or d.title
        if kind == "quantity":
            return f"“{graph.quantity(ident).text}”"
        if kind == "evidence":
            return f"passage {ident}"
    except KeyError:
        pass
    return node


def _node_box(ctx: _Ctx, node: str) -> tuple[str, str, str, str]:
    """(css classes, small kind line, label, full tooltip) of a node for the provenance drawing."""
    graph = ctx.graph
    kind, _, ident = node.partition(":")
    try:
        if kind == "article":
            a = graph.article
            return "n article", "article", a.title or a.id, a.title or a.id
        if kind == "claim":
            c = graph.claim(ident)
            return "n claim", f"claim · {c.kind}", c.text, c.text
        if kind == "quantity":
            q = graph.quantity(ident)
            return "n quantity", f"number · {q.hedge.replace('_', ' ')}", q.text, q.text
        if kind == "source":
            s = graph.source(ident)
            return "n agent", f"source · {s.kind.replace('_', ' ')}", s.name, s.name + (f" ({s.role})" if s.role else "")
        if kind == "document":
            d = graph.document(ident)
            origin = "primary" if d.primary else "secondary"
            return (f"n document {origin}", f"document · {origin}", d.number or d.title,
                    f"{d.title} ({d.completeness} copy)")
        if kind == "evidence":
            e = ctx.evidence[ident]
            page = f" p.{e.page}" if e.page else ""
            return "n passage", f"passage · {e.relation}{page}", f"“{e.text}”", e.text
    except KeyError:
        pass
    return "n", kind, ident, node


_BOX_W, _BOX_H, _GAP_X, _GAP_Y, _PAD = 176, 42, 44, 46, 8


def _provenance_svg(ctx: _Ctx, claim_id: str, *, max_paths: int | None = PATHS_SHOWN) -> tuple[str, int]:
    """The claim's provenance as boxes and arrows, top (article) to bottom (origins).

    Returns the SVG and the number of paths left out.  Entities are rounded
    boxes; sources (PROV agents) are house-shaped; primary documents have a
    thick border and secondary ones a dashed border, so nothing depends on colour.
    """
    graph = ctx.graph
    paths = graph.trace(f"claim:{claim_id}")  # node id: O(1) lookup
    hidden_paths = 0
    if max_paths is not None and len(paths) > max_paths:
        hidden_paths = len(paths) - max_paths
        paths = paths[:max_paths]
    article = f"article:{graph.article.id}"
    paths = [(article, *p) for p in paths]
    depth: dict[str, int] = {}
    order: dict[str, int] = {}
    edges: dict[tuple[str, str], None] = {}
    for p in paths:
        for i, n in enumerate(p):
            if n not in depth or i < depth[n]:
                depth[n] = i
            order.setdefault(n, len(order))
            if i:
                edges[(p[i - 1], n)] = None
    rows: dict[int, list[str]] = {}
    for n in sorted(depth, key=order.__getitem__):
        rows.setdefault(depth[n], []).append(n)
    pos: dict[str, tuple[float, float]] = {}
    hidden_boxes: dict[int, int] = {}
    widest = 1
    for d, nodes in rows.items():
        if len(nodes) > BOXES_PER_ROW:
            hidden_boxes[d] = len(nodes) - (BOXES_PER_ROW - 1)
            nodes[:] = nodes[: BOXES_PER_ROW - 1]
        widest = max(widest, len(nodes) + (1 if d in hidden_boxes else 0))
    width = widest * (_BOX_W + _GAP_X) - _GAP_X + 2 * _PAD
    height = len(rows) * (_BOX_H + _GAP_Y) - _GAP_Y + 2 * _PAD + 14  # room for a label under the last row
    for d, nodes in rows.items():
        count = len(nodes) + (1 if d in hidden_boxes else 0)
        left = (width - (count * (_BOX_W + _GAP_X) - _GAP_X)) / 2
        for i, n in enumerate(nodes):
            pos[n] = (left + i * (_BOX_W + _GAP_X), _PAD + d * (_BOX_H + _GAP_Y))
    marker = "cga-" + hashlib.sha256(claim_id.encode("utf-8")).hexdigest()[:10]
    out = [f'<svg class="cg-prov" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
           f'width="{width:.0f}" role="img" aria-label="{escape("provenance of claim " + claim_id)}">',
           f'<title>{escape("provenance of claim " + claim_id)}</title>',
           f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           f'orient="auto-start-reverse"><path class="ah" d="M0,0 L10,5 L0,10 z"/></marker></defs>']
    labels: list[str] = []  # drawn last, over the boxes, so none is hidden
    for (u, v) in edges:
        if u not in pos or v not in pos:
            continue
        (ux, uy), (vx, vy) = pos[u], pos[v]
        x1, y1 = ux + _BOX_W / 2, uy + _BOX_H
        x2, y2 = vx + _BOX_W / 2, vy
        if vy <= uy:  # same row or upwards: join the sides
            y1, y2 = uy + _BOX_H / 2, vy + _BOX_H / 2
            x1, x2 = (ux + _BOX_W, vx) if vx > ux else (ux, vx + _BOX_W)
        rel = escape(ctx.relation(u, v) if not u.startswith("article:") else "hadMember")
        if y1 == y2:  # a side-by-side pair: label under the row, centred on the gap (it is wider than the gap)
            label = f'<text x="{(x1 + x2) / 2:.0f}" y="{uy + _BOX_H + 12:.0f}" text-anchor="middle">{rel}</text>'
        else:
            label = f'<text x="{(x1 + x2) / 2 + 4:.0f}" y="{(y1 + y2) / 2 + 3:.0f}">{rel}</text>'
        out.append(f'<g class="e"><line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                   f'marker-end="url(#{marker})"/></g>')
        labels.append(label)
    for n, (x, y) in pos.items():
        classes, kind_line, label, tooltip = _node_box(ctx, n)
        if "agent" in classes:
            shape = (f'<polygon points="{x:.0f},{y + 10:.0f} {x + _BOX_W / 2:.0f},{y:.0f} {x + _BOX_W:.0f},{y + 10:.0f} '
                     f'{x + _BOX_W:.0f},{y + _BOX_H:.0f} {x:.0f},{y + _BOX_H:.0f}"/>')
            ky, ly = y + 21, y + 35
        else:
            shape = f'<rect x="{x:.0f}" y="{y:.0f}" width="{_BOX_W}" height="{_BOX_H}" rx="6"/>'
            ky, ly = y + 15, y + 31
        out.append(f'<g class="{classes}" data-node="{escape(n)}"><title>{escape(clip(tooltip, 300))}</title>{shape}'
                   f'<text class="k" x="{x + 8:.0f}" y="{ky:.0f}">{escape(clip(kind_line, 32))}</text>'
                   f'<text x="{x + 8:.0f}" y="{ly:.0f}">{escape(clip(label, 27))}</text></g>')
    for d, hidden in hidden_boxes.items():
        count = len(rows[d])
        left = (width - ((count + 1) * (_BOX_W + _GAP_X) - _GAP_X)) / 2
        x, y = left + count * (_BOX_W + _GAP_X), _PAD + d * (_BOX_H + _GAP_Y)
        out.append(f'<g class="n more"><rect x="{x:.0f}" y="{y:.0f}" width="{_BOX_W}" height="{_BOX_H}" rx="6"/>'
                   f'<text x="{x + 8:.0f}" y="{y + 26:.0f}">{escape(_more(hidden))}</text></g>')
    out.append('<g class="e">' + "".join(labels) + "</g></svg>")
    return "".join(out), hidden_paths


def _claim_card(ctx: _Ctx, claim: Any, *, max_items: int | None, level: int = 3) -> str:
    graph = ctx.graph
    findings = ctx.claim_findings(claim.id)
    status = _status(findings)
    kind = claim.kind if claim.kind in _KINDS else "factual"
    att = claim.attribution
    parts = [f'<section class="cg-card cg-st-{status}" id="{escape(_anchor(claim.id))}" data-claim-card="{escape(claim.id)}">',
             f"<header><h{level} style=\"margin:0\"><code>{escape(claim.id)}</code></h{level}>"
             f'<span class="cg-tag cg-k-{kind}">{escape(claim.kind)}</span>'
             + (f'<span class="cg-sev cg-sev-{status}">{escape(_status_words(findings))}</span>' if findings is not None else "")
             + f'<span class="cg-muted">[{claim.start}:{claim.end}]</span></header>',
             f"<blockquote>{_nested(graph.article.text, claim.start, claim.end, _inner_spans(claim))}</blockquote>"]
    facts = [("attribution", escape(attribution_label(graph, claim)))]
    if att.cue:
        facts.append(("cue", f"“{escape(att.cue)}”"))
    if claim.note:
        facts.append(("note", escape(claim.note)))
    parts.append('<dl class="cg-computed cg-facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
    if claim.quantities:
        parts.append("<h4>Numbers</h4>")
        rows = []
        for q in claim.quantities:
            value = f"{q.value}" + (f"–{q.high}" if q.high is not None else "") + (f" {q.unit}" if q.unit else "")
            origins = ", ".join(_node_text(graph, d) for d in graph.origins(f"quantity:{q.id}"))  # node id: O(1) lookup
            derived = "; ".join(d.formula for d in ctx.derivations.get(q.id, ()))
            rows.append([f"“{escape(q.text)}”", escape(q.hedge.replace("_", " ")), escape(value), escape(q.kind),
                         escape(" ".join(x for x in (q.noun, q.scope, q.date) if x)),
                         escape(origins or "—") + (f"<br>derived: {escape(derived)}" if derived else "")])
        parts.append(_table(["as written", "hedge", "value", "kind", "of / scope", "origins"], rows))
    chain = graph.relay_chain(claim.id)
    svg, hidden_paths = _provenance_svg(ctx, claim.id, max_paths=None if max_items is None else PATHS_SHOWN)
    parts.append("<h4>Provenance</h4>")
    parts.append('<p class="cg-chain">' + " → ".join(escape(_node_text(graph, n)) for n in chain) + "</p>")
    parts.append(svg)
    if hidden_paths:
        parts.append(f'<p class="cg-more">{escape(_more(hidden_paths, "provenance paths"))}</p>')
    evidence = ctx.evidence_by_claim.get(claim.id, [])
    if evidence:
        parts.append("<h4>Evidence</h4>")
        shown = evidence if max_items is None else evidence[:max_items]
        for e in shown:
            doc = graph.document(e.document)
            where = ", ".join(x for x in (doc.number or doc.title, f"p. {e.page}" if e.page else "", e.section or "") if x)
            what = f" · for “{graph.quantity(e.quantity).text}”" if e.quantity else ""
            origin = "primary" if doc.primary else "secondary"
            note = f" · {e.note}" if e.note else ""
            parts.append(f'<blockquote data-evidence="{escape(e.id)}">{escape(clip(e.text, 1200) if max_items else e.text)}'
                         f"<footer>{escape(where)} ({origin}, {escape(doc.completeness)} copy) · "
                         f"{escape(e.relation)}{escape(what)}{escape(note)}</footer></blockquote>")
        if len(evidence) > len(shown):
            parts.append(f'<p class="cg-more">{escape(_more(len(evidence) - len(shown), "passages"))}</p>')
    if findings:
        parts.append("<h4>Findings</h4>")
        shown_f = findings if max_items is None else findings[:max_items]
        parts.append('<ul class="cg-fl">' + "".join(_finding_html(f, show_claim=False) for f in shown_f) + "</ul>")
        if len(findings) > len(shown_f):
            parts.append(f'<p class="cg-more">{escape(_more(len(findings) - len(shown_f), "findings"))}</p>')
    elif findings is not None:
        parts.append('<p class="cg-muted">No findings for this claim.</p>')
    parts.append("</section>")
    return "".join(parts)


def claim_html(graph: "ClaimGraph", claim_id: str, report: "Report | None" = None, *,
               limit: int | None = ROWS_SHOWN) -> str:
    """One claim as a card: attribution, numbers with hedges, provenance drawn down to the
    origin documents (inline SVG), evidence passages and, given a report, findings."""
    claim = graph.claim(claim_id)
    return f'{_style()}<div class="cg cg-claim-view">{_claim_card(_Ctx(graph, report), claim, max_items=limit)}</div>'


# =============================================================================== notebook views
class ClaimView:
    """A claim card for notebooks: ``graph.view("c-3207")`` displays it.

    ``repr()`` is short and honest; Jupyter shows :func:`claim_html`.
    """

    def __init__(self, graph: "ClaimGraph", claim_id: str, report: "Report | None" = None):
        self.graph = graph
        self.claim = graph.claim(claim_id)
        self.report = report

    def __repr__(self) -> str:
        findings = None if self.report is None else self.report.for_claim(self.claim.id)
        status = f" · {_status_words(findings)}" if findings is not None else ""
        return (f"<ClaimView {self.claim.id} {self.claim.kind} · "
                f"{attribution_label(self.graph, self.claim)}{status}>")

    def _repr_html_(self) -> str:
        return claim_html(self.graph, self.claim.id, self.report)


class ArticleView:
    """The article with highlighted claims, for notebooks (see :func:`article_html`)."""

    def __init__(self, graph: "ClaimGraph", report: "Report | None" = None):
        self.graph = graph
        self.report = report

    def __repr__(self) -> str:
        return f"<ArticleView {self.graph.article.id}: {len(self.graph.claims)} claims highlighted>"

    def _repr_html_(self) -> str:
        return article_html(self.graph, self.report)


def view(graph: "ClaimGraph", claim_id: str | None = None, *, report: "Report | None" = None) -> "ClaimView | ArticleView":
    """A notebook view: one claim's card, or (without ``claim_id``) the highlighted article."""
    return ArticleView(graph, report) if claim_id is None else ClaimView(graph, claim_id, report)


# =============================================================================== standalone report
#: No script, no network, no plug-ins, even if something slipped past escaping.
_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'")


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title>{_style()}"
        "<style>html,body{margin:0;padding:0}body{background:#fff}"
        "@media (prefers-color-scheme:dark){body{background:#1d1d21}}"
        ".cg.cg-page{border:0;border-radius:0;max-width:72em;margin:0 auto;padding:1em 1.5em 3em}</style>"
        f'</head><body><main class="cg cg-page">{body}</main></body></html>\n'
    )


def report_page(graph: "ClaimGraph", report: "Report | None" = None) -> str:
    """One standalone HTML page: summary, the highlighted article, every claim with its
    provenance and findings, sources and documents.  Deterministic (no timestamps)."""
    from . import __version__

    if report is None:
        report = graph.check()
    ctx = _Ctx(graph, report)
    a = graph.article
    title = f"Fact-check report: {a.title or a.id}"
    meta = [(k, v) for k, v in (("outlet", a.outlet), ("credited to", a.credit), ("date", a.date)) if v]
    meta_html = " · ".join(f"{k}: {escape(v)}" for k, v in meta)
    if a.url:
        meta_html += (" · " if meta_html else "") + "url: " + _link_or_text(a.url)
    statuses = {"error": 0, "warning": 0, "ok": 0, "quiet": 0}
    index_rows = []
    for c in graph.claims:
        found = ctx.claim_findings(c.id)
        statuses[_status(found)] += 1
        sev = _status(found)
        index_rows.append([f'<a href="#{escape(_anchor(c.id))}"><code>{escape(c.id)}</code></a>', escape(c.kind),
                           f'<span class="cg-sev cg-sev-{sev}">{escape(_status_words(found))}</span>',
                           escape(attribution_label(graph, c)), escape(clip(c.text, 90))])
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="cg-muted">{meta_html}</p>' if meta_html else "",
        '<nav class="cg-toc"><a href="#summary">Summary</a><a href="#article">Article</a>'
        '<a href="#findings">Findings</a><a href="#claims">Claims</a><a href="#sources">Sources and documents</a></nav>',
        '<h2 id="summary">Summary</h2>',
        '<div class="cg-counts">' + "".join(
            f"<span><b>{n}</b> {w}</span>" for n, w in (
                (len(graph.claims), "claims"), (sum(len(c.quantities) for c in graph.claims), "numbers"),
                (len(graph.sources), "sources"), (len(graph.documents), "documents"),
                (len(graph.evidence), "evidence passages"))) + "</div>",
        '<div class="cg-counts">'
        f'<span class="cg-sev cg-sev-error">✖ {statuses["error"]} claims with errors</span>'
        f'<span class="cg-sev cg-sev-warning">▲ {statuses["warning"]} with warnings</span>'
        f'<span class="cg-sev cg-sev-ok">✓ {statuses["ok"]} ok</span>'
        f'<span>○ {statuses["quiet"]} with no findings</span></div>',
        "<p class=\"cg-muted\">claimgraph checks provenance — where each statement and number comes from — "
        "not whether it is true. “Not traced” means no primary document in this case holds it; "
        "it does not mean false.</p>",
        _table(["claim", "kind", "status", "attribution", "text"], index_rows),
        '<h2 id="article">Article</h2>', _legend(True), _article_body(ctx, links=True),
        f'<h2 id="findings">Findings</h2>{_report_body(report, graph, limit=None, level=3)}',
        '<h2 id="claims">Claims</h2>',
        *(_claim_card(ctx, c, max_items=None) for c in graph.claims),
        '<h2 id="sources">Sources and documents</h2>', _sources_table(graph, None), _documents_table(graph, None),
        f'<p class="cg-muted">Made with claimgraph {escape(__version__)}.</p>',
    ]
    return _page(title, "".join(body))


def write_report(graph: "ClaimGraph", path: str | os.PathLike[str], *, format: str = "html",
                 report: "Report | None" = None) -> None:
    """Write the report as one standalone HTML page or as Markdown, atomically.

    ``report`` defaults to ``graph.check()``.
    """
    from .case import write_atomic
    from .errors import ExportError

    if format not in ("html", "markdown"):
        raise ExportError(f"unknown report format {format!r}", hint="use 'html' or 'markdown'")
    if report is None:
        report = graph.check()
    text = report_page(graph, report) if format == "html" else report_markdown(report, graph, claims=True) + "\n"
    write_atomic(path, text)
