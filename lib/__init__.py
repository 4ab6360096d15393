"""Partnerskabsradar's logic: plain, typed Python with no user interface in it.

Pages in ``pages/`` lay out widgets and call into this package; ``python -m lib`` exposes the main
jobs on the command line.
"""
