"""Run the command line: ``python -m lib --help``.

Only the parser is imported here (``lib.cli.parser``, cheap); the command that runs imports the rest.
"""

import gc
import sys

from lib.cli.parser import main

code = main()
# At exit the interpreter's last garbage collections walk every object the command's libraries made
# (sqlalchemy, pandas …): about 0.3 s after any command, for memory the process is handing back.
# Frozen objects are left out of those walks; files, connections and handlers close as before.
gc.freeze()
sys.exit(code)
