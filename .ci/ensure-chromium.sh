#!/usr/bin/env bash
# Debian's Chromium and the Liberation fonts for the console's browser tests (driven by
# playwright-core; no browser is downloaded from anywhere else). Skips what is installed already.
set -euo pipefail
if [ -x /usr/bin/chromium ] && dpkg -s fonts-liberation >/dev/null 2>&1; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo installed)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -o DPkg::Lock::Timeout=600
$SUDO apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 chromium fonts-liberation
/usr/bin/chromium --version
