#!/usr/bin/env bash
# Lints .github/workflows/* with actionlint (test/e2e/tools/build.sh actionlint builds it from
# github.com/rhysd/actionlint through the Go module proxy). When it is not built: with
# NETPOL_REQUIRE_ACTIONLINT=1 (.ci/run sets it) that is a failure; otherwise (a local
# `npm test`) it says in one line that it skipped, and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(bash test/e2e/tools/build.sh --print-cluster-dir 2>/dev/null || true)/bin/actionlint"
if [[ ! -x "$bin" ]]; then
	if [[ "${NETPOL_REQUIRE_ACTIONLINT:-}" == 1 ]]; then
		echo "actionlint did not run: not built at $bin (test/e2e/tools/build.sh actionlint); NETPOL_REQUIRE_ACTIONLINT=1 makes that a failure" >&2
		exit 1
	fi
	echo "actionlint skipped: not built (run test/e2e/tools/build.sh actionlint)"
	exit 0
fi
shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml)
if ((${#files[@]} == 0)); then
	echo "actionlint did not run: no workflow file in .github/workflows" >&2
	exit 1
fi
"$bin" -no-color -oneline "${files[@]}"
echo "actionlint $("$bin" -version | head -n1): ${#files[@]} workflow files clean"
