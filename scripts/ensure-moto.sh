#!/usr/bin/env bash
# Installs the pinned moto server (scripts/moto-requirements.txt) into the
# project's own virtual environment, .venv-moto/ (ignored by git), for the
# tests that run the conformance suite against a real emulator
# (test/moto.test.ts starts and stops it). Idempotent: a venv whose moto
# matches the pin is left as it is.
#
# Without Python 3 (or when the install fails) it says plainly what the tests
# will skip and why, and exits 0; with CI=true that is a failure (exit 1): in
# CI the real-emulator tests are never silently skipped.
set -uo pipefail

cd "$(dirname "$0")/.."
VENV=.venv-moto
REQ=scripts/moto-requirements.txt
STAMP="$VENV/.requirements.sha256"
PIN=$(grep -m1 '^moto\[server\]==' "$REQ" | sed 's/.*==//')

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "ensure-moto: $1; CI=true, so this is a failure (the moto tests must run in CI)" >&2
    exit 1
  fi
  echo "ensure-moto: $1; npm test will SKIP the tests against moto (test/moto.test.ts)" >&2
  exit 0
}

want=$(sha256sum "$REQ" | cut -d' ' -f1)
if [ -x "$VENV/bin/moto_server" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
  echo "ensure-moto: moto $PIN already in $VENV; nothing to do"
  exit 0
fi

PYTHON=$(command -v python3 || true)
[ -n "$PYTHON" ] || missing "python3 is not installed"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' || missing "python3 is older than 3.9 ($("$PYTHON" --version 2>&1))"

echo "ensure-moto: creating $VENV with $("$PYTHON" --version 2>&1) and installing moto[server]==$PIN from PyPI"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV" || missing "python3 -m venv failed (on Debian: apt-get install python3-venv)"
"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$REQ" || missing "pip could not install moto[server]==$PIN from PyPI"
[ -x "$VENV/bin/moto_server" ] || missing "moto_server is missing from $VENV after the install"
echo "$want" > "$STAMP"
echo "ensure-moto: installed moto $("$VENV/bin/python" -c 'import moto; print(moto.__version__)') into $VENV"
