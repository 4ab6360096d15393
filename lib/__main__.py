"""Run the command line: ``python -m lib --help``.

Only the parser is imported here (``lib.cli.parser``, cheap); the command that runs imports the rest.
"""

import sys

from lib.cli.parser import main

sys.exit(main())
