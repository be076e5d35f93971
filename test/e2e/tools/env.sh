#!/usr/bin/env bash
# Print the e2e tools bin dir (whether or not it is populated yet).
#   env.sh           print the bin dir
#   env.sh --check   print it too, but exit 1 if any tool is missing
#                    (CI uses this to decide whether to run the e2e tier)
# Tools: pulumi, pulumi-resource-kubernetes, kube-apiserver, etcd.
# Build them with build.sh.
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
e2e_bin_dir
if [[ "${1:-}" == --check ]]; then
	e2e_have_all
fi
