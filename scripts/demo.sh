#!/usr/bin/env bash
# The main job on a fresh machine: install lcdb into .venv, start the embedded PostgreSQL, apply migrations,
# load examples/articles and write every report (default folder: reports-out/).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -e .
exec .venv/bin/lcdb demo --out "${1:-reports-out}"
