#!/usr/bin/env bash
# Install the Debian packages the real-cluster e2e tier needs, if missing, and
# say what was done. Idempotent; needs root (apt-get).
#
#   install-deps.sh           install what is missing
#   install-deps.sh --check   exit 0 iff everything is installed; print what is missing
#
# containerd 1.6 and runc run the pods (crun refuses this machine's hybrid
# cgroups); the CNI plugins (bridge, host-local, loopback) wire them; nftables,
# iptables, ipset and conntrack are what kube-proxy and the NetworkPolicy
# dataplane program; socat carries the API server port out of the cluster's
# network namespace (over a unix socket); busybox-static gives the workload
# image a shell and the usual tools.
set -euo pipefail

# package -> a file it installs (how "installed" is judged)
declare -A PKGS=(
	[containerd]=/usr/bin/containerd
	[runc]=/usr/sbin/runc
	[containernetworking-plugins]=/usr/lib/cni/bridge
	[nftables]=/usr/sbin/nft
	[iptables]=/usr/sbin/iptables
	[ipset]=/usr/sbin/ipset
	[conntrack]=/usr/sbin/conntrack
	[socat]=/usr/bin/socat
	[busybox-static]=/bin/busybox
)

missing=()
for p in "${!PKGS[@]}"; do
	[[ -e "${PKGS[$p]}" ]] || missing+=("$p")
done
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sed '/^$/d' | sort)

if [[ "${1:-}" == --check ]]; then
	if ((${#missing[@]})); then
		echo "missing Debian packages: ${missing[*]} (run test/e2e/tools/install-deps.sh)"
		exit 1
	fi
	exit 0
fi

if ((${#missing[@]} == 0)); then
	echo "install-deps.sh: all present (${!PKGS[*]})"
else
	echo "install-deps.sh: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	# The package lists may be absent on a fresh machine.
	apt-get update -qq
	# --no-install-recommends: containerd must not pull in a second runtime.
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	echo "install-deps.sh: installed ${missing[*]}"
fi

# Debian's containerd package starts a system daemon only under systemd; this
# tier runs its own containerd per cluster, so a system one is not used.
for p in "${!PKGS[@]}"; do
	printf '  %-28s %s\n' "$p" "$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo '?')"
done | sort
