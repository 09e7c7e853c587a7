#!/usr/bin/env bash
# What the integration tests need besides Node packages, from Debian's packages (the registry this
# machine reaches), installed once; `npm test` runs this before the suite (infra/scripts/test.mjs):
#   chromium (+ CJK fonts)   tests/report-html.e2e.test.ts renders the HTML report headless
#                            (ensure-chromium.sh, which the PDF report's users run too)
#   docker-compose           tests/compose.test.ts checks the compose files (no Docker engine here)
#   promtool                 tests/prometheus.test.ts loads and unit-tests the alert rules; taken
#                            out of Debian's prometheus package into .casepulse/tools/ (no server
#                            is installed or started)
# Idempotent and quick when everything is there; an `apt-get update` when something is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${CASEPULSE_INFRA_DIR:-$ROOT/.casepulse}/tools"

bash "$ROOT/infra/scripts/ensure-chromium.sh" >&2

packages=()
command -v docker-compose >/dev/null 2>&1 || packages+=(docker-compose)
need_promtool=""
command -v promtool >/dev/null 2>&1 || [[ -x $TOOLS/promtool ]] || need_promtool=1
if ((${#packages[@]} == 0)) && [[ -z $need_promtool ]]; then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "casepulse: the tests need ${packages[*]:-} ${need_promtool:+promtool (Debian package prometheus)}; install them as root (apt-get install), or run npm test as root" >&2
    exit 1
  }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
APT=(-o DPkg::Lock::Timeout=300 -qq)
echo "casepulse: installing what the tests need from Debian's packages: ${packages[*]:-}${need_promtool:+ promtool}" >&2
$SUDO apt-get "${APT[@]}" update
if ((${#packages[@]} > 0)); then
  $SUDO apt-get "${APT[@]}" install -y --no-install-recommends "${packages[@]}"
fi
if [[ -n $need_promtool ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && apt-get "${APT[@]}" download prometheus && dpkg-deb -x prometheus_*.deb x)
  mkdir -p "$TOOLS"
  install -m 0755 "$tmp/x/usr/bin/promtool" "$TOOLS/promtool.tmp.$$"
  mv "$TOOLS/promtool.tmp.$$" "$TOOLS/promtool"
  "$TOOLS/promtool" --version 2>&1 | head -n1 >&2
fi
