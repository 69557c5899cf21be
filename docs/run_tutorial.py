"""Execute docs/tutorial.ipynb in a fresh kernel and store it with its outputs.

Run ``python docs/run_tutorial.py`` after changing the tutorial or anything its
outputs show (needs the ``test`` extra: nbclient, nbformat, ipykernel);
tests/test_notebook.py fails while the stored outputs differ from a fresh run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NOTEBOOK = HERE / "tutorial.ipynb"


def execute(path: Path = NOTEBOOK, *, timeout: int = 120) -> Any:
    """The notebook at ``path`` run top to bottom in a new ``python3`` kernel, in its own folder.

    Raises ``nbclient.exceptions.CellExecutionError`` on the first cell that fails.
    Execution times are not recorded, so a run changes nothing but the outputs.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def main(argv: list[str] | None = None) -> int:
    import nbformat

    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or [NOTEBOOK]
    for path in paths:
        nb = execute(path.resolve())
        nbformat.write(nb, path)
        print(f"executed {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
