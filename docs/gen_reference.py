"""Generate docs/reference/*.md from the code: CLI help, check codes, error codes.

Run ``python docs/gen_reference.py`` after changing a verb, check or error;
tests/test_docs.py fails while the committed pages differ from what this writes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cli_page() -> str:
    from claimgraph.cli import build_parser

    parser = build_parser()
    parts = ["# CLI reference", "", "Generated from `claimgraph --help` by `docs/gen_reference.py`.", "",
             "```text", _help(parser), "```", ""]
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, p in sub.choices.items():
        parts += [f"## claimgraph {name}", "", "```text", _help(p), "```", ""]
    return "\n".join(parts)


def _help(parser: argparse.ArgumentParser) -> str:
    import os

    os.environ["COLUMNS"] = "100"
    return parser.format_help().rstrip()


def checks_page() -> str:
    from claimgraph.checks import CHECK_CODES, CHECKS

    lines = ["# Check reference", "", "Generated from the check registry by `docs/gen_reference.py`. "
             "See [../checks.md](../checks.md) for what each check means and how to act on it.", ""]
    for name, check in CHECKS.items():
        lines += [f"## `{name}`", "", check.description, "", "| code | meaning |", "|---|---|"]
        lines += [f"| `{code}` | {meaning} |" for code, meaning in check.codes.items()]
        lines.append("")
    runner = [c for c, (n, _) in CHECK_CODES.items() if n == "(runner)"]
    lines += ["## runner", "", "| code | meaning |", "|---|---|"]
    lines += [f"| `{c}` | {CHECK_CODES[c][1]} |" for c in runner]
    return "\n".join(lines) + "\n"


def errors_page() -> str:
    from claimgraph.errors import ERROR_CODES

    lines = ["# Error reference", "", "Generated from `claimgraph.errors.ERROR_CODES` by `docs/gen_reference.py`. "
             "Every error names what is wrong, where (file:line, claim id, offsets) and how to fix it; the CLI "
             "prints it on one line and exits with code 2.", "", "| code | class | raised when |", "|---|---|---|"]
    for code, cls in ERROR_CODES.items():
        bases = ", ".join(b.__name__ for b in cls.__bases__)
        lines.append(f"| `{code}` | `{cls.__name__}` ({bases}) | {cls.summary} |")
    return "\n".join(lines) + "\n"


PAGES = {"cli.md": cli_page, "checks.md": checks_page, "errors.md": errors_page}


def main() -> int:
    out = HERE / "reference"
    out.mkdir(exist_ok=True)
    for name, make in PAGES.items():
        (out / name).write_text(make(), encoding="utf-8")
        print(f"wrote {out / name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
