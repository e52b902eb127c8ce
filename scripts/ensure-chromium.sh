#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium is installed at /usr/bin/chromium,
# for the test that renders report.html. Idempotent: does nothing when it is
# already there. Installs with apt-get (needs root, or sudo without a password).
# Exits 0 when chromium is available afterwards, non-zero otherwise.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

version() { "$CHROMIUM" --version 2>/dev/null || echo 'version unknown'; }

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM already installed ($(version)); nothing to do"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium by hand" >&2
  exit 1
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO='sudo -n'
  else
    echo "ensure-chromium: $CHROMIUM is missing and installing it needs root (run as root or with passwordless sudo)" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-chromium: $CHROMIUM is missing; running apt-get update"
$SUDO apt-get update -q
echo "ensure-chromium: installing chromium with apt-get"
$SUDO apt-get install -y -q --no-install-recommends chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: installed $CHROMIUM ($(version))"
  exit 0
fi
echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
exit 1
