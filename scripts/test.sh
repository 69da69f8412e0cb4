#!/usr/bin/env bash
# Every check: install lcdb with its test extras into .venv, lint, then the whole test suite (slow reliability
# tests included) on a real PostgreSQL that the tests start themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
# Headless Chromium renders the HTML reports in one test; without it that test skips and says why.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
    || echo "note: could not install chromium; the HTML rendering test will be skipped"
fi
.venv/bin/ruff check .
exec .venv/bin/pytest "$@"
