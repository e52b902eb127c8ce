#!/usr/bin/env bash
# Installs the pinned LocalStack (scripts/localstack-requirements.txt) and its
# no-op Lambda executor (scripts/localstack-noop-executor: without Docker,
# LocalStack cannot prepare a function and every one ends Failed; this suite
# never invokes one, so an executor that prepares nothing is enough) into the
# project's own virtual environment, .venv-localstack/ (ignored by git), for the
# test that runs the conformance suite against LocalStack (test/localstack.test.ts
# starts and stops it). Idempotent: a venv built from the same requirements and
# executor source is left as it is. Docker is not used.
#
# Without Python 3.10+ (or when the install fails) it says plainly what the
# tests will skip and why, and exits 0; with CI=true that is a failure (exit 1):
# in CI the real-emulator tests are never silently skipped.
set -uo pipefail

cd "$(dirname "$0")/.."
VENV=.venv-localstack
REQ=scripts/localstack-requirements.txt
PLUGIN=scripts/localstack-noop-executor
STAMP="$VENV/.requirements.sha256"
PIN=$(grep -m1 '^localstack-core\[runtime\]==' "$REQ" | sed 's/.*==//')

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "ensure-localstack: $1; CI=true, so this is a failure (the LocalStack test must run in CI)" >&2
    exit 1
  fi
  echo "ensure-localstack: $1; npm test will SKIP the test against LocalStack (test/localstack.test.ts)" >&2
  exit 0
}

# The requirements and the executor's source: a change to either reinstalls.
want=$( { sha256sum "$REQ"; (cd "$PLUGIN" && sha256sum pyproject.toml ls_noop_executor/*.py); } | sha256sum | cut -d' ' -f1)
if [ -x "$VENV/bin/python" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
  echo "ensure-localstack: LocalStack $PIN (with the no-op Lambda executor) already in $VENV; nothing to do"
  exit 0
fi

PYTHON=$(command -v python3 || true)
[ -n "$PYTHON" ] || missing "python3 is not installed"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' || missing "python3 is older than 3.10 ($("$PYTHON" --version 2>&1)), which localstack-core $PIN needs"

started=$(date +%s)
echo "ensure-localstack: creating $VENV with $("$PYTHON" --version 2>&1) and installing localstack-core[runtime]==$PIN from PyPI (about 130 packages, ~500 MB; a minute or two)"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV" || missing "python3 -m venv failed (on Debian: apt-get install python3-venv)"
"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$REQ" || missing "pip could not install localstack-core[runtime]==$PIN from PyPI"
# Built from a copy: pip builds a local project in place, and would leave
# build/ and *.egg-info/ in the source tree. setuptools comes from the pins.
build=$(mktemp -d)
cp -r "$PLUGIN/pyproject.toml" "$PLUGIN/ls_noop_executor" "$build/"
"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input --no-deps --no-build-isolation "$build"
ok=$?
rm -rf "$build"
[ $ok -eq 0 ] || missing "pip could not install the no-op Lambda executor ($PLUGIN)"
"$VENV/bin/python" -c 'import localstack.runtime.main, ls_noop_executor' || missing "LocalStack or its no-op executor does not import from $VENV after the install"
echo "$want" > "$STAMP"
echo "ensure-localstack: installed LocalStack $("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("localstack-core"))') and the no-op Lambda executor into $VENV in $(( $(date +%s) - started )) s"
