#!/usr/bin/env bash
# Installs the Debian 12 packages Atrium needs, only those missing, and says which.
#   scripts/install-deps.sh run    packages to build and run the console and atriumctl
#   scripts/install-deps.sh test   the same plus what the test suite starts (PostgreSQL, SMTP sink, keychain, browser)
#                                  and clang with libFuzzer for the bounded fuzz run
set -euo pipefail
mode=${1:-run}

run_pkgs=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qt6-httpserver-dev qt6-websockets-dev
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring libgl-dev qt6-qpa-plugins libqt6svg6 fonts-dejavu-core
  libcurl4-openssl-dev libssl-dev
  postgresql-client
)
test_pkgs=(
  postgresql python3-aiosmtpd dbus dbus-x11 libsecret-tools xvfb xauth openssl chromium chromium-driver wrk
  clang libclang-rt-14-dev
)

pkgs=("${run_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages for '$mode' are installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
