#!/usr/bin/env bash
# Headless Chromium for the HTML report's browser test (tests/report-html.e2e.test.ts).
# Debian's package, not a browser download: only the distribution's registry is reachable.
# Idempotent: does nothing when /usr/bin/chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk
/usr/bin/chromium --version
