"""``python -m lib``: the main jobs on the command line, for scripting and black-box tests.

``parser`` builds the arguments cheaply and runs a command's handler (``main``, ``report``, ``setup``,
``informing``, ``duplicates``), importing it only then."""
