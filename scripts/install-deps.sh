#!/usr/bin/env bash
# Installs the Debian 12 packages Equivalue needs to build, run and test.
# Only what is missing is installed; safe to run again.
set -euo pipefail
build_pkgs=(cmake g++ make pkg-config libboost-dev nlohmann-json3-dev libcli11-dev
  libsqlitecpp-dev libsqlite3-dev libxlsxwriter-dev libwxgtk3.2-dev wx-common libx11-dev
  libgtest-dev libtbb-dev libpq-dev)
test_pkgs=(xvfb xauth x11-apps libreoffice-calc-nogui python3 python3-openpyxl poppler-utils
  sqlite3 python3-numpy python3-xlsxwriter python3-pandas time
  clang-format universal-ctags)
# Published documents: the PDF (Chromium) and the accessibility check (axe-core via npm).
test_pkgs+=(chromium nodejs)
# The shared register's tests start their own PostgreSQL server.
test_pkgs+=(postgresql-15 postgresql-client-15)
# Checked builds: sanitizers, libFuzzer (clang), readable stack traces (llvm-symbolizer).
test_pkgs+=(clang libclang-rt-14-dev llvm)
want=("${build_pkgs[@]}")
[ "${1:-}" = "--with-tests" ] && want+=("${test_pkgs[@]}")
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm: Debian's own package, unless the installed Node.js already carries npm (some Node.js
# builds do, and refuse Debian's npm beside them).
if [ "${1:-}" = "--with-tests" ] && ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
