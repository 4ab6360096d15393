"""Run the command line: ``python -m lib --help``."""

import sys

from lib.cli import main

sys.exit(main())
