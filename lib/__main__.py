"""Run the command line: ``python -m lib --help``."""

import sys

from lib.cli.main import main

sys.exit(main())
