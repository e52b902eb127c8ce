#!/usr/bin/env bash
# Makes sure the Debian packages the project's tests use are installed:
#   chromium (/usr/bin/chromium): renders report.html headless (test/report-html.test.ts);
#   awscli   (/usr/bin/aws, the AWS CLI v2): runs the reproductions as written (test/repro.test.ts).
# Idempotent: does nothing for what is already there; installs the rest in one
# apt-get run (needs root, or sudo without a password). Exits 0 when every
# binary is there afterwards, non-zero otherwise.
set -euo pipefail

# package:binary pairs
WANTED=("chromium:/usr/bin/chromium" "awscli:/usr/bin/aws")

missing=()
for pair in "${WANTED[@]}"; do
  pkg=${pair%%:*}
  bin=${pair#*:}
  if [ -x "$bin" ]; then
    echo "ensure-debian: $pkg already installed ($bin)"
  else
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-debian: ${missing[*]} missing and apt-get is not available; install them by hand" >&2
  exit 1
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO='sudo -n'
  else
    echo "ensure-debian: ${missing[*]} missing and installing needs root (run as root or with passwordless sudo)" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-debian: installing ${missing[*]} with apt-get"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"

status=0
for pair in "${WANTED[@]}"; do
  bin=${pair#*:}
  if [ ! -x "$bin" ]; then
    echo "ensure-debian: apt-get finished but $bin is still missing" >&2
    status=1
  fi
done
exit $status
