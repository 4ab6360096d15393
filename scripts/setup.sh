#!/usr/bin/env bash
# Sets up Partnerskabsradar on a fresh Debian/Ubuntu machine: a virtualenv with the pinned packages,
# and every package they pull in at the version of requirements.lock (`make lock` writes it).
#   scripts/setup.sh          runtime only (to run the dashboard)
#   scripts/setup.sh --dev    plus test tools
# Both install two Debian packages when missing: graphviz (sfdp lays out big networks) and chromium
# (kaleido draws the network as PNG/SVG with it; the browser tests drive it too). --dev also installs
# postgresql: the tests start a throwaway PostgreSQL server of their own (and under CI they fail
# rather than skip without it); its pg_dump/pg_restore/psql are what backup and restore use.
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
[ "${1:-}" = "--dev" ] && dev=1

need_apt=()
if [ ! -x /usr/bin/sfdp ]; then need_apt+=(graphviz); fi
if [ ! -x /usr/bin/chromium ]; then need_apt+=(chromium); fi
if [ "$dev" = 1 ] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then need_apt+=(postgresql); fi
# --dev: tests/deploy/test_nginx.py runs the dashboards behind nginx with deploy/nginx.conf.
if [ "$dev" = 1 ] && [ ! -x /usr/sbin/nginx ]; then need_apt+=(nginx); fi
# --dev: tests/reporting/test_boardpack.py opens the board pack's PowerPoint in LibreOffice, as a board secretary would.
if [ "$dev" = 1 ] && [ ! -x /usr/bin/soffice ]; then need_apt+=(libreoffice-impress-nogui); fi
# --dev: tests/planning/test_agreement_documents.py opens the agreement's Word document in LibreOffice Writer.
if [ "$dev" = 1 ] && [ ! -e /usr/lib/libreoffice/program/libswlo.so ]; then need_apt+=(libreoffice-writer-nogui); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "Please install: ${need_apt[*]}" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
if [ "$dev" = 1 ]; then
  .venv/bin/python -m pip install -q -r requirements-dev.txt -c requirements.lock
else
  .venv/bin/python -m pip install -q -r requirements.txt -c requirements.lock
fi
