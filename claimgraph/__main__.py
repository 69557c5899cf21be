"""``python -m claimgraph``: the ``claimgraph`` command line, for environments without its script."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
