"""The ``claimgraph`` command: thin verbs over the public API.

Results go to stdout, diagnostics to stderr.  Exit codes: 0 clean, 1 findings
at or above ``--fail-on``, 2 usage or input error (one line naming the file,
line or claim, and the fix; ``--traceback`` shows the Python traceback).
"""

from __future__ import annotations

import argparse
import json
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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 through main(), not SystemExit from deep inside
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


def cmd_checks(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .checks import CHECK_CODES, CHECKS

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
    "check": cmd_check,
    "checks": cmd_checks,
    "save": cmd_save,
    "schema": cmd_schema,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
