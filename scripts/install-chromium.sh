#!/usr/bin/env bash
# Install Debian's headless-capable Chromium and its WebDriver for the browser tests
# (tests/test_browser.py), when they are missing. Run by .ci/run; safe to run again.
# Usage: scripts/install-chromium.sh
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >&2
