#!/usr/bin/env bash
# Start/stop a throwaway Kubernetes control plane on free loopback ports, for
# the e2e tier: etcd + kube-apiserver + kube-controller-manager running only the
# garbagecollector and namespace controllers (no kubelet, no scheduler: Pods
# stay Pending).
#
#   control-plane.sh start DIR   start it; DIR is created if missing (use mktemp -d)
#   control-plane.sh stop DIR    kill every PID in DIR/pids (TERM, then KILL)
#   control-plane.sh status DIR  exit 0 if the apiserver answers /readyz
#
# start writes into DIR:
#   kubeconfig   token auth (user admin, group system:masters), namespace default,
#                insecure-skip-tls-verify (self-signed serving cert)
#   pids         one PID per line (etcd, kube-apiserver, kube-controller-manager)
#   env          shell-sourceable: APISERVER_URL, APISERVER_PORT, ETCD_PORT, TOKEN, KUBECONFIG
#   etcd.log, kube-apiserver.log, kube-controller-manager.log
# and prints the kubeconfig path. On a start failure it stops what it started,
# prints the log tails and exits non-zero.
#
# Binaries: E2E_BIN_DIR if set, else the dir printed by env.sh.
# Timeouts: E2E_CP_TIMEOUT seconds for readiness (default 120).
# E2E_CP_CONTROLLERS=0 skips kube-controller-manager (deletes that use
# foreground propagation then never finish); E2E_CP_CONTROLLER_LIST overrides
# its --controllers list (default garbagecollector,namespace).
set -euo pipefail

TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
	sed -n '2,24p' "${BASH_SOURCE[0]}" >&2
	exit 2
}

[[ $# -eq 2 ]] || usage
cmd="$1"
dir="$2"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port prints a port in 20000-59999 that nothing listens on and that
# is not in the space-separated list $1.
free_port() {
	local p i
	for ((i = 0; i < 200; i++)); do
		p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		[[ " $1 " == *" $p "* ]] && continue
		port_in_use "$p" || {
			echo "$p"
			return 0
		}
	done
	echo "control-plane.sh: no free port found" >&2
	return 1
}

# alive PID: running and not a zombie.
alive() { [[ -d /proc/$1 && "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]; }

# term_wait PID: SIGTERM, wait up to 10 s, then SIGKILL and wait up to 5 s.
term_wait() {
	local pid="$1" i
	kill -TERM "$pid" 2>/dev/null || return 0
	for ((i = 0; i < 100; i++)); do
		alive "$pid" || return 0
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	for ((i = 0; i < 50; i++)); do
		alive "$pid" || return 0
		sleep 0.1
	done
}

stop_cp() {
	local d="$1" pid
	[[ -f "$d/pids" ]] || return 0
	# Reverse start order: kube-apiserver shuts down in ~2 s while etcd is
	# still up, but keeps retrying for >10 s once etcd is gone.
	for pid in $(tac "$d/pids"); do
		[[ "$pid" =~ ^[0-9]+$ ]] || continue
		term_wait "$pid"
	done
	rm -f "$d/pids"
}

wait_http() { # URL TIMEOUT EXPECT PID
	local url="$1" timeout="$2" expect="$3" pid="$4" start=$SECONDS
	while ((SECONDS - start < timeout)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			return 1
		fi
		if [[ "$(curl -sk --max-time 2 "$url" 2>/dev/null || true)" == *"$expect"* ]]; then
			return 0
		fi
		sleep 0.5
	done
	return 1
}

start_cp() {
	local d="$1" bin timeout pe pp pa token
	mkdir -p "$d"
	d="$(cd "$d" && pwd)"
	if [[ -s "$d/pids" ]]; then
		echo "control-plane.sh: $d/pids exists; stop it first" >&2
		return 1
	fi
	bin="${E2E_BIN_DIR:-$("$TOOLS/env.sh")}"
	local need=(etcd kube-apiserver)
	[[ "${E2E_CP_CONTROLLERS:-1}" == 0 ]] || need+=(kube-controller-manager)
	for t in "${need[@]}"; do
		[[ -x "$bin/$t" ]] || {
			echo "control-plane.sh: $bin/$t missing (run test/e2e/tools/build.sh kube)" >&2
			return 1
		}
	done
	command -v openssl >/dev/null || {
		echo "control-plane.sh: openssl not found" >&2
		return 1
	}
	timeout="${E2E_CP_TIMEOUT:-120}"
	: >"$d/pids"

	pe="$(free_port "")"
	pp="$(free_port "$pe")"
	pa="$(free_port "$pe $pp")"
	token="e2e-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

	mkdir -p "$d/etcd" "$d/certs"
	"$bin/etcd" --name default --data-dir "$d/etcd" \
		--listen-client-urls "http://127.0.0.1:$pe" --advertise-client-urls "http://127.0.0.1:$pe" \
		--listen-peer-urls "http://127.0.0.1:$pp" --initial-advertise-peer-urls "http://127.0.0.1:$pp" \
		--initial-cluster "default=http://127.0.0.1:$pp" \
		--unsafe-no-fsync --log-level warn \
		>"$d/etcd.log" 2>&1 </dev/null &
	echo $! >>"$d/pids"
	if ! wait_http "http://127.0.0.1:$pe/health" "$timeout" '"health":"true"' "$!"; then
		echo "control-plane.sh: etcd did not become healthy; tail of $d/etcd.log:" >&2
		tail -n 30 "$d/etcd.log" >&2 || true
		stop_cp "$d"
		return 1
	fi

	openssl genrsa -out "$d/sa.key" 2048 2>/dev/null
	echo "$token,admin,admin,system:masters" >"$d/tokens.csv"
	chmod 600 "$d/sa.key" "$d/tokens.csv"
	"$bin/kube-apiserver" \
		--etcd-servers "http://127.0.0.1:$pe" \
		--bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$pa" \
		--cert-dir "$d/certs" \
		--service-cluster-ip-range 10.0.0.0/24 \
		--service-account-issuer https://kubernetes.default.svc \
		--service-account-key-file "$d/sa.key" \
		--service-account-signing-key-file "$d/sa.key" \
		--token-auth-file "$d/tokens.csv" \
		--authorization-mode RBAC \
		--disable-admission-plugins ServiceAccount \
		--allow-privileged=true \
		>"$d/kube-apiserver.log" 2>&1 </dev/null &
	echo $! >>"$d/pids"
	if ! wait_http "https://127.0.0.1:$pa/readyz" "$timeout" 'ok' "$!"; then
		echo "control-plane.sh: kube-apiserver not ready; tail of $d/kube-apiserver.log:" >&2
		tail -n 40 "$d/kube-apiserver.log" >&2 || true
		stop_cp "$d"
		return 1
	fi

	cat >"$d/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: e2e
  cluster:
    server: https://127.0.0.1:$pa
    insecure-skip-tls-verify: true
users:
- name: e2e-admin
  user:
    token: $token
contexts:
- name: e2e
  context:
    cluster: e2e
    user: e2e-admin
    namespace: default
current-context: e2e
EOF
	chmod 600 "$d/kubeconfig"

	# kube-controller-manager, reduced to the controllers whose absence makes
	# deletes hang: the garbage collector removes the foregroundDeletion
	# finalizer (the Pulumi Kubernetes provider deletes with
	# propagationPolicy=Foreground by default), the namespace controller
	# finishes Namespace deletion. No serving port, no leader election.
	if [[ "${E2E_CP_CONTROLLERS:-1}" != 0 ]]; then
		"$bin/kube-controller-manager" \
			--kubeconfig "$d/kubeconfig" \
			--controllers "${E2E_CP_CONTROLLER_LIST:-garbagecollector,namespace}" \
			--leader-elect=false \
			--use-service-account-credentials=false \
			--secure-port 0 \
			>"$d/kube-controller-manager.log" 2>&1 </dev/null &
		echo $! >>"$d/pids"
		local kcm=$!
		# Without a serving port there is no health endpoint; check that it
		# survived start-up (bad flags make it exit at once).
		sleep 1
		if ! alive "$kcm"; then
			echo "control-plane.sh: kube-controller-manager exited; tail of $d/kube-controller-manager.log:" >&2
			tail -n 40 "$d/kube-controller-manager.log" >&2 || true
			stop_cp "$d"
			return 1
		fi
	fi
	cat >"$d/env" <<EOF
APISERVER_URL=https://127.0.0.1:$pa
APISERVER_PORT=$pa
ETCD_PORT=$pe
TOKEN=$token
KUBECONFIG=$d/kubeconfig
EOF
	# The bootstrap controller creates namespace "default" shortly after
	# /readyz; wait for it so callers can use it at once.
	local start=$SECONDS
	until curl -sk --max-time 2 -H "Authorization: Bearer $token" \
		"https://127.0.0.1:$pa/api/v1/namespaces/default" | grep -q '"phase": *"Active"'; do
		if ((SECONDS - start > timeout)); then
			echo "control-plane.sh: namespace default never appeared" >&2
			stop_cp "$d"
			return 1
		fi
		sleep 0.5
	done
	echo "$d/kubeconfig"
}

case "$cmd" in
start) start_cp "$dir" ;;
stop) stop_cp "$dir" ;;
status)
	# shellcheck disable=SC1091
	[[ -f "$dir/env" ]] && source "$dir/env" || exit 1
	[[ "$(curl -sk --max-time 2 "$APISERVER_URL/readyz" || true)" == ok ]]
	;;
*) usage ;;
esac
