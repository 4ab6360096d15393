# Partnerskabsradar: the everyday commands, each a one-liner over .venv/bin. `make help` lists them.
# Every target but setup needs .venv (made by `make setup`).

.PHONY: help setup test test-fast lint bench lock

help:  ## this list
	@grep -E "^[a-z-]+:.*## " Makefile | sed -E "s/:.*## /\t/"

setup:  ## .venv with the pinned packages and the lock of their dependencies, plus the Debian packages the tests use
	scripts/setup.sh --dev

test:  ## the whole suite, slow and browser tests included (what CI runs)
	.venv/bin/python -m pytest

test-fast:  ## the fast loop: everything but the slow and browser tests (under two minutes)
	.venv/bin/python -m pytest -m "not slow and not browser" -q

lint:  ## ruff check, ruff format --check, the import contracts and mypy
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/lint-imports --no-cache && .venv/bin/mypy

bench:  ## every benchmark in benchmarks/ (minutes; load_test.py needs nginx: run it on its own)
	for bench in benchmarks/bench_*.py; do .venv/bin/python "$$bench" || exit 1; done

lock:  ## rewrite requirements.lock from .venv (after a changed pin: `.venv/bin/pip install -r requirements-dev.txt`, then this)
	.venv/bin/python scripts/make_lock.py
