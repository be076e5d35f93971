#!/usr/bin/env bash
# Lints .github/workflows/* with actionlint when it is built (test/e2e/tools/build.sh
# actionlint, from github.com/rhysd/actionlint through the Go module proxy); otherwise says
# in one line that it skipped, and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(bash test/e2e/tools/build.sh --print-cluster-dir 2>/dev/null || true)/bin/actionlint"
if [[ ! -x "$bin" ]]; then
	echo "actionlint skipped: not built (run test/e2e/tools/build.sh actionlint)"
	exit 0
fi
shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml)
"$bin" -no-color -oneline "${files[@]}"
echo "actionlint $("$bin" -version | head -n1): ${#files[@]} workflow files clean"
