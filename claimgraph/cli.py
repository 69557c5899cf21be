"""The ``claimgraph`` command: thin verbs over the public API.

Results go to stdout, diagnostics to stderr.  Exit codes: 0 clean, 1 findings
at or above ``--fail-on``, 2 usage or input error (one line naming the file,
line or claim, and the fix; ``--traceback`` shows the Python traceback).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path
from typing import Any, Callable, Sequence, TextIO

from . import __version__
from .errors import ClaimgraphError

__all__ = ["main", "build_parser", "VERBS"]

#: Each verb's one-line description (documented in docs/reference/cli.md).
VERBS: dict[str, str] = {}


class _UsageError(Exception):
    pass


#: argparse's message for a value not among the choices: the value, its own suggestion if it made
#: one (newer Pythons: ", maybe you meant 'check'?"), then the choices
_INVALID_CHOICE = re.compile(r"invalid choice: '([^']*)'(, maybe you meant '[^']*'\?)? \(choose from ([^)]*)\)")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 through main(), not SystemExit from deep inside
        bad = _INVALID_CHOICE.search(message)
        if bad and not bad.group(2):  # "chek": did you mean 'check'?
            choices = [c.strip().strip("'") for c in bad.group(3).split(",")]
            close = difflib.get_close_matches(bad.group(1), choices, n=1)
            if close:
                message += f"; did you mean '{close[0]}'?"
        raise _UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def _verb(sub: Any, name: str, help: str, **kw: Any) -> argparse.ArgumentParser:
    VERBS[name] = help
    p = sub.add_parser(name, help=help, description=help, **kw)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claimgraph",
        description="Claim provenance and fact-checking for news articles.",
        epilog="Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"claimgraph {__version__}")
    parser.add_argument("--traceback", action="store_true", help="show the Python traceback on errors")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)

    p = _verb(sub, "numbers", "List the numbers of a text file with their hedges, units and kinds.")
    p.add_argument("file", type=Path, help="a UTF-8 text file ('-' for standard input)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--all", action="store_true", help="also list numbers that are part of names, datelines and furniture")

    p = _verb(sub, "check", "Check a case: trace every number, attribution and quote; print the findings.")
    p.add_argument("path", type=Path, help="a case folder, an annotation file or a native JSON file")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p.add_argument("--fail-on", choices=("info", "warning", "error", "never"), default="error",
                   help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--check", action="append", dest="checks", metavar="NAME",
                   help="run only this check (repeatable); see 'claimgraph checks'")
    p.add_argument("--quiet", action="store_true", help="text format: hide info findings (passes)")

    p = _verb(sub, "extract", "Draft a case from raw article text: statements, quotes, speakers, attributions, numbers.")
    p.add_argument("articles", type=Path, nargs="+", metavar="ARTICLE", help="UTF-8 text files")
    p.add_argument("-o", "--output", type=Path, help="case folder to write (one article) or parent folder (many)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--jobs", type=int, default=0, help="worker processes for many articles (default: every core)")

    p = _verb(sub, "link", "Propose evidence passages in source documents for every number and quote.")
    p.add_argument("path", type=Path, help="a case (folder, annotation or native JSON) or an article text file")
    p.add_argument("--source", type=Path, nargs="+", default=[], metavar="FILE",
                   help="documents to search (text, HTML or PDF); added to the case")
    p.add_argument("--secondary", type=Path, nargs="*", default=[], metavar="FILE",
                   help="documents that retell others (news coverage); used only when no primary one fits")
    p.add_argument("-o", "--output", type=Path, help="native JSON file to write the linked case to")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--min-score", type=_score, default=0.0, metavar="S",
                   help="propose a number's passage only when its score is at least S (0-1; default: the "
                        "linker's own threshold, 0.5): higher means fewer links and fewer wrong ones")

    p = _verb(sub, "report", "Write a standalone HTML (or Markdown) report of a checked case.")
    p.add_argument("path", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--format", choices=("html", "markdown"), default="html")

    p = _verb(sub, "export", "Export a case: ClaimReview, W3C PROV, node-link, GraphML, CSV or native JSON.")
    p.add_argument("path", type=Path)
    p.add_argument("--to", required=True, help="format: " + ", ".join(_export_formats()))
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    p.add_argument("--author", help="ClaimReview: the reviewing organisation")
    p.add_argument("--url", help="ClaimReview: the URL of the published review")
    p.add_argument("--date-published", help="ClaimReview: ISO date")

    p = _verb(sub, "checks", "List the registered checks and their finding codes.")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = _verb(sub, "save", "Resolve a case folder or annotation file and write it as native JSON.")
    p.add_argument("path", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="the native JSON file to write")

    p = _verb(sub, "schema", "Print the JSON Schema of the native format or of the annotation file.")
    p.add_argument("which", choices=("native", "annotation"), nargs="?", default="native")
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(args_list)
    except _UsageError as exc:
        print(f"error: {exc}", file=err)
        return 2
    except SystemExit as exc:  # --help / --version
        return int(exc.code or 0)
    if not args.verb:
        parser.print_help(out)
        return 2
    try:
        return _COMMANDS[args.verb](args, out, err)
    except ClaimgraphError as exc:
        if args.traceback:
            raise
        print(exc.one_line(), file=err)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so in one line, full details on request
        if args.traceback:
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (rerun with --traceback and report it)", file=err)
        return 2


# ----------------------------------------------------------------------------- verbs
def _read_input(path: Path) -> str:
    from .case import _read_text

    if str(path) == "-":
        return sys.stdin.read()
    if not path.is_file():
        raise ClaimgraphError("no such file", where=str(path), hint="check the path")
    return _read_text(path)


def cmd_numbers(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .quantities import find_quantities

    text = _read_input(args.file)
    found = find_quantities(text, include_non_facts=args.all)
    if args.format == "json":
        out.write(json.dumps({"numbers": [q.to_dict() for q in found]}, indent=2, ensure_ascii=False) + "\n")
        return 0
    rows = [("start", "end", "text", "value", "hedge", "kind", "unit", "noun")]
    for q in found:
        d = q.to_dict()
        rows.append((str(d["start"]), str(d["end"]), d["text"] + ("" if q.fact else " (name)"), d["value"],
                     d["hedge"], d["kind"], d["unit"] or "", d["noun"] or ""))
    _table(rows, out)
    print(f"{len(found)} numbers", file=err)
    return 0


def _table(rows: list[tuple[str, ...]], out: TextIO) -> None:
    clipped = [tuple(c if len(c) <= 48 else c[:47] + "…" for c in r) for r in rows]
    widths = [max(len(r[i]) for r in clipped) for i in range(len(clipped[0]))]
    for r in clipped:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n")


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .case import load

    graph = load(args.path)
    report = graph.check(checks=args.checks)
    if args.format == "json":
        out.write(report.to_json())
    elif args.format == "markdown":
        from .display import report_markdown

        out.write(report_markdown(report, graph))
    else:
        from .display import report_text

        out.write(report_text(report, graph, quiet=args.quiet))
    return report.exit_code(args.fail_on)


def _export_formats() -> list[str]:
    from .export import FORMATS

    return list(FORMATS)


def _draft_json(graph: Any, links: dict[str, Any] | None = None,
                parts: dict[tuple[int, int], list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """A draft as JSON: claims, every number (with evidence when linked, and for an "A of B" count or a
    range the evidence of its two parts, ``parts``, keyed by the number's offsets) and every direct quote."""
    from .model import attributed_sources

    numbers, quotes, claims = [], [], []
    for claim in graph.claims:
        att = claim.attribution
        speaker = graph.source(att.source).name if getattr(att, "source", None) else None
        claims.append({"id": claim.id, "kind": claim.kind, "start": claim.start, "end": claim.end, "text": claim.text,
                       "attribution": att.kind, "cue": att.cue,
                       "sources": [graph.source(s).name for s in attributed_sources(att)]})
        for q in claim.quantities:
            item = {"claim_id": claim.id, **q.model_dump(mode="json", exclude={"id"})}
            if links is not None:
                item["evidence"] = links.get(q.id)
            if parts and (q.start, q.end) in parts:
                item["parts"] = parts[(q.start, q.end)]
            numbers.append(item)
        for quote in claim.quotes:
            item = {"kind": "direct_quote", "claim_id": claim.id, "text": quote.text, "start": quote.start,
                    "end": quote.end, "speaker": speaker}
            if links is not None:
                item["evidence"] = links.get(f"{claim.id}@{quote.start}")
            quotes.append(item)
    return {"claims": claims, "numbers": numbers, "quotes": quotes,
            "sources": [s.model_dump(mode="json", exclude_none=True) for s in graph.sources]}


def _extract_one(path: Path) -> Any:
    from .extract import draft
    from .model import Article

    text = _read_input(path)
    return draft(text, article=Article(text=text, path=path.name, title=path.stem))


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if len(args.articles) == 1:
        graphs = [(args.articles[0], _extract_one(args.articles[0]))]
    else:
        graphs = list(zip(args.articles, _batch(args.articles, args.jobs, err)))
    if args.output:
        from .case import write_annotation

        for path, graph in graphs:
            folder = args.output if len(graphs) == 1 else args.output / path.stem
            write_annotation(graph, folder)
            print(f"wrote {folder} ({len(graph)} claims)", file=err)
    if args.format == "json":
        data = [_draft_json(g) | {"article": str(p)} for p, g in graphs]
        out.write(json.dumps(data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False) + "\n")
    elif not args.output:
        from .display import attribution_label, clip

        for path, graph in graphs:
            out.write(f"{path}: {graph!r}\n")
            for c in graph.claims:
                nums = ", ".join(q.text for q in c.quantities)
                out.write(f"  {c.id} {c.kind:8} {attribution_label(graph, c)}"
                          f"{' · ' + nums if nums else ''}\n    {clip(c.text, 90)}\n")
    return 0


def _batch(paths: list[Path], jobs: int, err: TextIO) -> list[Any]:
    """Draft many articles on every core, with a progress bar on a terminal."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = jobs or os.cpu_count() or 1
    results: list[Any] = []
    show = err.isatty() if hasattr(err, "isatty") else False
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for i, graph in enumerate(pool.map(_extract_one, paths, chunksize=max(1, len(paths) // (workers * 8))), 1):
            results.append(graph)
            if show:
                done = int(30 * i / len(paths))
                err.write(f"\r[{'#' * done}{'.' * (30 - done)}] {i}/{len(paths)}")
    if show:
        err.write("\n")
    return results


def _score(text: str) -> float:
    """A link score threshold from the command line: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number; give a score from 0 to 1, e.g. 0.6") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is outside 0-1; give a score from 0 to 1, e.g. 0.6")
    return value


def cmd_link(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .graphlink import PART_EVIDENCE, add_document_file, link_graph

    if args.path.is_file() and args.path.suffix.lower() in (".txt", ".text", ".md"):
        graph = _extract_one(args.path)
    else:
        from .case import load

        graph = load(args.path)
    failed = 0
    known = {d.id for d in graph.documents}
    for path, primary in [(p, True) for p in args.source] + [(p, False) for p in args.secondary]:
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(path).stem).strip("-") or "document"
        if stem in known:
            continue
        try:
            add_document_file(graph, path, doc_id=stem, primary=primary)
        except ClaimgraphError as exc:  # the rest of the run goes on
            print(exc.one_line(), file=err)
            failed += 1
            continue
        known.add(stem)
    results = link_graph(graph, min_score=args.min_score)
    links: dict[str, Any] = {}
    for claim in graph.claims:
        for ev in graph.evidence_for(claim.id):
            entry = _evidence_entry(ev.document, ev.start, ev.end, ev.relation, ev.score, ev.page, ev.section,
                                    ev.origin)
            if ev.quantity and not (ev.origin == "linker" and ev.id.rsplit("/", 1)[-1].startswith(PART_EVIDENCE)):
                links.setdefault(ev.quantity, entry)  # (a part's own passage is under "parts")
            elif ev.relation == "quoted":
                for quote in claim.quotes:
                    links.setdefault(f"{claim.id}@{quote.start}", entry)
    if args.output:
        from .case import save

        save(graph, args.output)
        print(f"wrote {args.output}", file=err)
    # where a claim credits one source and its evidence is in another's document: the core check says so
    attribution = [f for f in graph.check(checks=["attribution"]).findings if f.code in _LINK_FINDINGS]
    if args.format == "json":
        parts = {(r.span.start, r.span.end): [
            {"text": p.text, "start": p.span.start, "end": p.span.end,
             "evidence": None if p.link is None else _evidence_entry(
                 p.link.document, p.link.passage.start, p.link.passage.end, p.link.relation, round(p.link.score, 4),
                 p.link.page, p.link.section, "linker")} for p in r.parts]
            for r in results if r.kind == "number" and r.parts and r.span is not None}
        data = _draft_json(graph, links, parts)
        data["documents"] = [d.model_dump(mode="json", exclude={"text"}, exclude_none=True) for d in graph.documents]
        data["findings"] = [f.to_dict() for f in attribution]
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    elif not args.output:
        for r in results:
            where = "absent" if r.link is None else f"{r.link.document} [{r.link.span.start}:{r.link.span.end}]"
            out.write(f"{r.kind:6} {r.text[:50]!r:54} {where}\n")
            for part in r.parts:  # the part and the whole of "A of B", the ends of a range
                where = "absent" if part.link is None else f"{part.link.document} [{part.link.span.start}:{part.link.span.end}]"
                out.write(f"{'':6}   {part.text[:46]!r:51} {where}\n")
        for f in attribution:
            out.write(f"{f.severity:6} {f.code} {f.claim_id}: {f.message}\n")
    return 2 if failed else 0


def _evidence_entry(document: str, start: int, end: int, relation: str, score: float | None, page: int | None,
                    section: str | None, origin: str) -> dict[str, Any]:
    """A passage as ``claimgraph link --format json`` gives it: ``evidence`` of a number, quote or part."""
    return {"document": document, "start": start, "end": end, "relation": relation, "score": score, "page": page,
            "section": section, "origin": origin}


#: attribution findings ``claimgraph link`` reports beside its links
_LINK_FINDINGS = frozenset({"CG401", "CG404"})


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .case import load
    from .display import write_report

    graph = load(args.path)
    write_report(graph, args.output, format=args.format)
    print(f"wrote {args.output}", file=err)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .case import load
    from .export import export, write

    graph = load(args.path)
    options = {k: v for k, v in (("author", args.author), ("url", args.url),
                                 ("date_published", args.date_published)) if v is not None}
    if args.output:
        write(graph, args.output, args.to, **options)
        print(f"wrote {args.output}", file=err)
    else:
        out.write(export(graph, args.to, **options))
    return 0


def cmd_checks(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .checks import CHECKS

    if args.format == "json":
        data = {name: {"description": c.description, "codes": dict(c.codes)} for name, c in CHECKS.items()}
        out.write(json.dumps(data, indent=2, sort_keys=True) + "\n")
        return 0
    for name, c in CHECKS.items():
        out.write(f"{name}: {c.description}\n")
        for code, meaning in c.codes.items():
            out.write(f"  {code}  {meaning}\n")
    return 0


def cmd_save(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .case import load, save

    graph = load(args.path)
    save(graph, args.output)
    print(f"wrote {args.output} ({len(graph)} claims)", file=err)
    return 0


def cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .case import AnnotationFile
    from .model import Case

    model = Case if args.which == "native" else AnnotationFile
    out.write(json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n")
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "numbers": cmd_numbers,
    "extract": cmd_extract,
    "link": cmd_link,
    "report": cmd_report,
    "export": cmd_export,
    "check": cmd_check,
    "checks": cmd_checks,
    "save": cmd_save,
    "schema": cmd_schema,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
