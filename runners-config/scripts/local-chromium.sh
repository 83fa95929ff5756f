#!/usr/bin/env bash
# Makes sure Debian's chromium is installed and prints the path of its binary (the only line on
# stdout), for the tests that render the HTML reports in a headless browser:
#
#   chromium="$(bash runners-config/scripts/local-chromium.sh)"
#
# Idempotent: installs the package only when /usr/bin/chromium is missing (needs root, as on CI and
# the dev machines here). Everything else goes to stderr. Exits non-zero, saying why, when Chromium
# cannot be had.
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

log() { echo "local-chromium.sh: $*" >&2; }

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" != 0 ]; then
    log "error: $CHROMIUM is missing and installing it needs root: run 'apt-get install chromium' as root"
    exit 1
  fi
  log "installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists yet; an old list may name versions no longer served.
  apt-get update -qq >&2
  if ! apt-get install -y -qq --no-install-recommends chromium >&2; then
    log "error: apt-get install chromium failed"
    exit 1
  fi
fi

if ! "$CHROMIUM" --version >&2; then
  log "error: $CHROMIUM is installed but does not start"
  exit 1
fi
echo "$CHROMIUM"
