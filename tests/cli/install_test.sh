#!/usr/bin/env bash
# `cmake --install` gives a tree that runs: bin/equivalue-cli finds its templates in
# share/equivalue/templates beside it. A template put only in the installed tree is used.
#   install_test.sh BUILD_DIR FIXTURES_DIR
set -euo pipefail
build=$1
fixtures=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/equivalue-cli" || { echo "FAIL: bin/equivalue-cli not installed"; exit 1; }
test -f "$prefix/share/equivalue/templates/eqia/england.json" || { echo "FAIL: templates not installed"; exit 1; }
# A template only the installed tree has, named by a project.
sed 's/"id": "england"/"id": "installed-only"/' "$prefix/share/equivalue/templates/eqia/england.json" \
  >"$prefix/share/equivalue/templates/eqia/installed-only.json"
sed 's/"template": "england"/"template": "installed-only"/' "$fixtures/eqia/england.json" >"$prefix/project.json"
out=$(env -u EQUIVALUE_TEMPLATES "$prefix/bin/equivalue-cli" validate "$prefix/project.json")
echo "$out"
case "$out" in
  *"valid (1 service change)"*) ;;
  *) echo "FAIL: the installed program did not validate the project"; exit 1 ;;
esac
case "$out" in
  *"could not be found"*) echo "FAIL: the template in the installed tree was not found"; exit 1 ;;
esac
echo "ok: the installed tree runs and finds its templates"
