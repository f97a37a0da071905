#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver for the browser tests of the case-review page (ReviewPageIT).
# Maven runs this before the integration tests (pre-integration-test), so `mvn -B verify` works on a fresh
# machine. It does nothing when both are already installed. Needs root (CI and these machines run as root).
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "install-browser: chromium and chromium-driver are missing and this is not root;" \
       "run: sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
echo "install-browser: installing Debian's chromium and chromium-driver for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version >&2
