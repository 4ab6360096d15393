"""``python -m lib``: the main jobs on the command line, for scripting and black-box tests."""
