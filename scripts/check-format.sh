#!/usr/bin/env bash
# Checks that the C++ sources follow .clang-format; lists the files that do not.
# Fix with: git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
bad=$(git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' |
  xargs clang-format --dry-run 2>&1 | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning:.*/\1/p' | sort -u)
if [ -n "$bad" ]; then
  echo "These files differ from .clang-format (run clang-format -i on them):"
  echo "$bad"
  exit 1
fi
echo "Formatting: every source file follows .clang-format."
