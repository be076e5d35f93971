#!/usr/bin/env bash
# A real single-node Kubernetes cluster for the e2e tier, isolated in network
# namespaces of its own:
#
#   cluster.sh start DIR    start it (DIR is created; use mktemp -d); prints DIR/kubeconfig
#   cluster.sh status DIR   exit 0 iff every process runs, /readyz is ok and the node is Ready
#   cluster.sh stop DIR     stop everything started, by PID, and remove what it left
#                           (mounts, cgroups, network namespaces); idempotent
#   cluster.sh versions     print the version of every real component, one per line
#
# What runs (all as root, in the node's network namespace unless said):
#   etcd, kube-apiserver (admission: Pod Security "restricted" enforced by
#   default in every namespace but kube-system), kube-controller-manager,
#   kube-scheduler, containerd (Debian 1.6, runc, CNI bridge + host-local) and
#   kubelet (both in a private mount namespace, so their mounts vanish with
#   them), kube-proxy (iptables), kube-router (NetworkPolicy only; TEST
#   dataplane: security flaws are reported for v2.1.0, never ship it), CoreDNS
#   as a Deployment in kube-system behind Service 10.96.0.10; an "outside" host
#   (198.51.100.10, agnhost serve-hostname on TCP+UDP 80 and 443; CoreDNS names it
#   outside.netpol-e2e.test) in a second namespace of its own; and two
#   socat relays carrying 127.0.0.1:PORT (root namespace) to the API server
#   over a unix socket, so the namespaces need no link to the host.
#
# Isolation: the node namespace's only link is a veth pair to the outside-host
# namespace, which has no default route and no other link. Nothing routes off
# the machine (status checks it; see also DIR/env).
#
# DIR after start:
#   kubeconfig           for this host (https://127.0.0.1:PORT, CA-verified)
#   kubeconfig.internal  for processes inside the node namespace (https://NODE_IP:6443)
#   env                  NETNS OUTSIDE_NETNS NODE_IP NODE_NAME OUTSIDE_IP OUTSIDE_NAME
#                        POD_CIDR SERVICE_CIDR CLUSTER_DNS APISERVER_URL TOKEN CGROUP_ROOT ...
#   pids                 "name pid" per line, in start order
#   logs/*.log           one log per process
#
# Binaries: E2E_BIN_DIR (engine tools: etcd, kube-apiserver,
# kube-controller-manager) and E2E_CLUSTER_DIR (bin/ and images/), else the
# dirs lib.sh names. Readiness timeout: E2E_CLUSTER_TIMEOUT seconds (default 180).
# E2E_CLUSTER_DNS=0 leaves CoreDNS out (for debugging the node alone).
set -euo pipefail

TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$TOOLS/lib.sh"

usage() {
	sed -n '2,40p' "${BASH_SOURCE[0]}" >&2
	exit 2
}

# Addresses: all of them live only inside our namespaces. TEST-NET ranges
# (RFC 5737) for the node and the outside host make clear they are not real.
NODE_IP=192.0.2.10
OUTSIDE_GW=192.0.2.1
OUTSIDE_IP=198.51.100.10
OUTSIDE_NAME=outside.netpol-e2e.test
POD_CIDR=10.244.0.0/24
SERVICE_CIDR=10.96.0.0/24
APISERVER_SERVICE_IP=10.96.0.1
CLUSTER_DNS=10.96.0.10
NODE_NAME=netpol-e2e-node

log() { printf 'cluster.sh: %s\n' "$*" >&2; }
die() {
	log "$*"
	exit 1
}

# alive PID: running and not a zombie.
alive() { [[ "${1:-}" =~ ^[0-9]+$ && -d /proc/$1 && "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]; }

# term_wait PID [SECONDS]: SIGTERM, wait, then SIGKILL.
term_wait() {
	local pid="$1" t="${2:-10}" i
	kill -TERM "$pid" 2>/dev/null || return 0
	for ((i = 0; i < t * 10; i++)); do
		alive "$pid" || return 0
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	for ((i = 0; i < 50; i++)); do
		alive "$pid" || return 0
		sleep 0.1
	done
}

# --- start -------------------------------------------------------------------

# Prefixes (arrays, so that a spawned process's PID is nsenter's, which execs
# the program in place). nsenter --net switches only the network namespace:
# `ip netns exec` would remount /sys and hide the cgroup mounts from kubelet.
in_ns() { nsenter --net="/var/run/netns/$NETNS" -- "$@"; }
set_prefixes() {
	IN_NS=(nsenter --net="/var/run/netns/$NETNS" --)
	IN_NODE=(nsenter --mount="/proc/$MNT_PID/ns/mnt" --net="/var/run/netns/$NETNS" --)
}

# json EXPR: evaluate a JavaScript expression over the JSON on stdin (bound to j).
json() { node -e "const j = JSON.parse(require('fs').readFileSync(0, 'utf8')); const r = ($1); if (r === false) process.exit(1); if (r !== true && r !== undefined) console.log(Array.isArray(r) ? r.join('\\n') : r);"; }

# spawn NAME CMD...: start CMD in the background, log to logs/NAME.log, record the PID.
spawn() {
	local name="$1"
	shift
	"$@" >"$D/logs/$name.log" 2>&1 </dev/null &
	echo "$name $!" >>"$D/pids"
	LAST_PID=$!
}

tail_log() {
	log "tail of $D/logs/$1.log:"
	tail -n "${2:-30}" "$D/logs/$1.log" >&2 || true
}

fail_start() {
	log "$1"
	[[ -z "${2:-}" ]] || tail_log "$2" 40
	stop_cluster "$D" >&2 || true
	exit 1
}

# wait_for SECONDS PID NAME CMD...: until CMD succeeds, failing if PID dies.
wait_for() {
	local t="$1" pid="$2" name="$3" start=$SECONDS
	shift 3
	while ((SECONDS - start < t)); do
		[[ -z "$pid" ]] || alive "$pid" || fail_start "$name exited during start-up" "$name"
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.5
	done
	fail_start "$name: not ready after ${t}s" "$name"
}

api() { # METHOD PATH [BODY_FILE CONTENT_TYPE]: curl the API server through the relay
	local args=(-sS --fail-with-body --max-time 10 --cacert "$D/pki/ca.crt"
		-H "Authorization: Bearer $TOKEN" -X "$1" "$APISERVER_URL$2")
	[[ -z "${3:-}" ]] || args+=(-H "Content-Type: ${4:-application/yaml}" --data-binary "@$3")
	curl "${args[@]}"
}

make_pki() {
	local p="$D/pki"
	mkdir -p "$p"
	(
		cd "$p"
		openssl ecparam -name prime256v1 -genkey -noout -out ca.key
		openssl req -x509 -new -key ca.key -days 2 -subj /CN=netpol-e2e-ca -out ca.crt
		openssl ecparam -name prime256v1 -genkey -noout -out apiserver.key
		openssl req -new -key apiserver.key -subj /CN=kube-apiserver -out apiserver.csr
		printf 'subjectAltName=IP:%s,IP:%s,IP:127.0.0.1,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,DNS:localhost\nextendedKeyUsage=serverAuth\n' \
			"$NODE_IP" "$APISERVER_SERVICE_IP" >apiserver.ext
		openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
			-extfile apiserver.ext -out apiserver.crt
		openssl ecparam -name prime256v1 -genkey -noout -out kubelet.key
		openssl req -new -key kubelet.key -subj "/CN=$NODE_NAME" -out kubelet.csr
		printf 'subjectAltName=IP:%s,DNS:%s\nextendedKeyUsage=serverAuth\n' "$NODE_IP" "$NODE_NAME" >kubelet.ext
		openssl x509 -req -in kubelet.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
			-extfile kubelet.ext -out kubelet.crt
		openssl genrsa -out sa.key 2048
		chmod 600 ./*.key
	) >/dev/null 2>&1 || fail_start "openssl failed making the cluster's certificates in $p"
}

write_kubeconfig() { # FILE SERVER
	cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: netpol-e2e
  cluster:
    server: $2
    certificate-authority: $D/pki/ca.crt
users:
- name: admin
  user:
    token: $TOKEN
contexts:
- name: netpol-e2e
  context:
    cluster: netpol-e2e
    user: admin
    namespace: default
current-context: netpol-e2e
EOF
	chmod 600 "$1"
}

setup_network() {
	ip netns add "$NETNS"
	ip netns add "$OUTSIDE_NETNS"
	# Both ends are created inside our namespaces: no interface ever exists in
	# the host's namespace.
	ip -n "$NETNS" link add eth0 type veth peer name eth0 netns "$OUTSIDE_NETNS"
	ip -n "$NETNS" link set lo up
	ip -n "$NETNS" addr add "$NODE_IP/24" dev eth0
	ip -n "$NETNS" link set eth0 up
	ip -n "$NETNS" route add default via "$OUTSIDE_GW" dev eth0
	ip -n "$OUTSIDE_NETNS" link set lo up
	ip -n "$OUTSIDE_NETNS" addr add "$OUTSIDE_GW/24" dev eth0
	ip -n "$OUTSIDE_NETNS" addr add "$OUTSIDE_IP/32" dev lo
	ip -n "$OUTSIDE_NETNS" link set eth0 up
	# Replies to pods go back through the node; the outside namespace has no
	# default route at all.
	# Source address of replies: the outside host's own (a UDP client accepts a
	# reply only from the address it sent to).
	ip -n "$OUTSIDE_NETNS" route add "$POD_CIDR" via "$NODE_IP" dev eth0 src "$OUTSIDE_IP"
	in_ns sysctl -qw net.ipv4.ip_forward=1
	in_ns sysctl -qw net.bridge.bridge-nf-call-iptables=1 2>/dev/null || true
}

setup_cgroups() {
	local h
	for h in /sys/fs/cgroup/*/; do
		[[ -d "$h" ]] || continue
		mkdir -p "$h${CGROUP_ROOT#/}" 2>/dev/null || true
	done
}

write_configs() {
	mkdir -p "$D/cni/net.d" "$D/cni/ipam" "$D/containerd" "$D/kubelet" "$D/pod-logs" "$D/coredns"
	# nameserver for pods with dnsPolicy Default (CoreDNS itself): the outside
	# host, which serves no DNS; CoreDNS forwards nothing anyway.
	printf 'nameserver %s\n' "$OUTSIDE_IP" >"$D/resolv.conf"
	cat >"$D/cni/net.d/10-netpol-e2e.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "netpol-e2e",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni0",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{ "subnet": "$POD_CIDR" }]],
        "routes": [{ "dst": "0.0.0.0/0" }],
        "dataDir": "$D/cni/ipam"
      }
    }
  ]
}
EOF
	cat >"$D/containerd/config.toml" <<EOF
version = 2
root = "$D/containerd/root"
state = "$D/containerd/state"
disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.aufs", "io.containerd.internal.v1.tracing", "io.containerd.tracing.processor.v1.otlp"]
[grpc]
  address = "$D/containerd/containerd.sock"
[ttrpc]
  address = "$D/containerd/containerd.sock.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$D/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$E2E_PAUSE_IMAGE"
  # A negative oom_score_adj cannot be written on our machines (EIO): without
  # this every sandbox fails ("can't get final child's PID from pipe: EOF").
  restrict_oom_score_adj = true
  enable_selinux = false
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        BinaryName = "/usr/sbin/runc"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$D/cni/net.d"
EOF
	cat >"$D/kubelet/config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
# This machine has (hybrid) cgroup v1, which kubelet 1.35 refuses by default.
failCgroupV1: false
cgroupDriver: cgroupfs
cgroupRoot: $CGROUP_ROOT
containerRuntimeEndpoint: unix://$D/containerd/containerd.sock
address: $NODE_IP
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
tlsCertFile: $D/pki/kubelet.crt
tlsPrivateKeyFile: $D/pki/kubelet.key
# Only processes inside the isolated namespaces can reach this port.
authentication:
  anonymous:
    enabled: true
  webhook:
    enabled: false
authorization:
  mode: AlwaysAllow
clusterDNS: [$CLUSTER_DNS]
clusterDomain: cluster.local
resolvConf: $D/resolv.conf
podLogsDir: $D/pod-logs
failSwapOn: false
protectKernelDefaults: false
serializeImagePulls: false
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard:
  memory.available: 50Mi
  nodefs.available: 1%
  imagefs.available: 1%
  nodefs.inodesFree: 1%
maxPods: 60
hairpinMode: hairpin-veth
syncFrequency: 10s
fileCheckFrequency: 5s
nodeStatusUpdateFrequency: 5s
shutdownGracePeriod: 0s
EOF
	cat >"$D/kube-proxy.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: $D/kubeconfig.internal
hostnameOverride: $NODE_NAME
mode: iptables
clusterCIDR: $POD_CIDR
healthzBindAddress: 127.0.0.1:10256
metricsBindAddress: 127.0.0.1:10249
# 0: leave the conntrack table size and timeouts as they are.
conntrack:
  maxPerCore: 0
  min: 0
  tcpEstablishedTimeout: 0s
  tcpCloseWaitTimeout: 0s
EOF
	cat >"$D/admission.yaml" <<EOF
apiVersion: apiserver.config.k8s.io/v1
kind: AdmissionConfiguration
plugins:
- name: PodSecurity
  configuration:
    apiVersion: pod-security.admission.config.k8s.io/v1
    kind: PodSecurityConfiguration
    # Every namespace is "restricted" unless it says otherwise; kube-system
    # (cluster DNS) is exempt.
    defaults:
      enforce: restricted
      enforce-version: latest
      audit: restricted
      audit-version: latest
      warn: restricted
      warn-version: latest
    exemptions:
      usernames: []
      runtimeClasses: []
      namespaces: [kube-system]
EOF
}

write_coredns_manifests() {
	local f="$D/coredns"
	cat >"$f/serviceaccount.yaml" <<EOF
apiVersion: v1
kind: ServiceAccount
metadata: {name: coredns, namespace: kube-system}
EOF
	cat >"$f/clusterrole.yaml" <<EOF
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "system:coredns"}
rules:
- apiGroups: [""]
  resources: [endpoints, services, pods, namespaces]
  verbs: [list, watch]
- apiGroups: [discovery.k8s.io]
  resources: [endpointslices]
  verbs: [list, watch]
EOF
	cat >"$f/clusterrolebinding.yaml" <<EOF
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: "system:coredns"}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:coredns"}
subjects:
- {kind: ServiceAccount, name: coredns, namespace: kube-system}
EOF
	# No forward plugin: names outside the cluster are never sent anywhere.
	cat >"$f/configmap.yaml" <<EOF
apiVersion: v1
kind: ConfigMap
metadata: {name: coredns, namespace: kube-system}
data:
  Corefile: |
    .:53 {
        errors
        ready :8181
        kubernetes cluster.local in-addr.arpa ip6.arpa {
            pods insecure
            fallthrough in-addr.arpa ip6.arpa
            ttl 5
        }
        hosts {
            $OUTSIDE_IP $OUTSIDE_NAME
            fallthrough
        }
        cache 5
    }
EOF
	cat >"$f/deployment.yaml" <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
  labels: {k8s-app: kube-dns}
spec:
  replicas: 1
  selector:
    matchLabels: {k8s-app: kube-dns}
  template:
    metadata:
      labels: {k8s-app: kube-dns}
    spec:
      serviceAccountName: coredns
      dnsPolicy: Default
      # Port 53 in the pod, as in real clusters (policies allow DNS on 53: a Service
      # mapping 53 to another port would be judged on that port after DNAT), served by a
      # non-root user thanks to this safe sysctl.
      securityContext:
        sysctls:
        - {name: net.ipv4.ip_unprivileged_port_start, value: "0"}
      containers:
      - name: coredns
        image: $E2E_COREDNS_IMAGE
        imagePullPolicy: Never
        args: ["-conf", "/etc/coredns/Corefile"]
        ports:
        - {name: dns, containerPort: 53, protocol: UDP}
        - {name: dns-tcp, containerPort: 53, protocol: TCP}
        readinessProbe:
          httpGet: {path: /ready, port: 8181}
          periodSeconds: 2
        securityContext:
          runAsNonRoot: true
          runAsUser: 65532
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities: {drop: [ALL]}
          seccompProfile: {type: RuntimeDefault}
        volumeMounts:
        - {name: config, mountPath: /etc/coredns, readOnly: true}
      volumes:
      - name: config
        configMap: {name: coredns}
EOF
	cat >"$f/service.yaml" <<EOF
apiVersion: v1
kind: Service
metadata:
  name: kube-dns
  namespace: kube-system
  labels: {k8s-app: kube-dns}
spec:
  clusterIP: $CLUSTER_DNS
  selector: {k8s-app: kube-dns}
  ports:
  - {name: dns, port: 53, targetPort: 53, protocol: UDP}
  - {name: dns-tcp, port: 53, targetPort: 53, protocol: TCP}
EOF
}

apply_coredns() {
	local f="$D/coredns"
	api POST /api/v1/namespaces/kube-system/serviceaccounts "$f/serviceaccount.yaml" >/dev/null &&
		api POST /apis/rbac.authorization.k8s.io/v1/clusterroles "$f/clusterrole.yaml" >/dev/null &&
		api POST /apis/rbac.authorization.k8s.io/v1/clusterrolebindings "$f/clusterrolebinding.yaml" >/dev/null &&
		api POST /api/v1/namespaces/kube-system/configmaps "$f/configmap.yaml" >/dev/null &&
		api POST /api/v1/namespaces/kube-system/services "$f/service.yaml" >/dev/null &&
		api POST /apis/apps/v1/namespaces/kube-system/deployments "$f/deployment.yaml" >/dev/null
}

node_ready() {
	api GET "/api/v1/nodes/$NODE_NAME" | json 'j.status.conditions.some((c) => c.type === "Ready" && c.status === "True")'
}

dns_answers() {
	# The answer's line, exactly (the server's own "Address: 10.96.0.10:53" must not match).
	in_ns timeout 3 busybox nslookup "kubernetes.default.svc.cluster.local" "$CLUSTER_DNS" 2>/dev/null |
		grep -qE "^Address:[[:space:]]+${APISERVER_SERVICE_IP//./\\.}\$"
}

ns_isolated() { # the outside namespace routes nowhere; the node only to it
	! ip -n "$OUTSIDE_NETNS" route get 1.1.1.1 >/dev/null 2>&1 &&
		[[ "$(ip -n "$NETNS" route show default)" == "default via $OUTSIDE_GW dev eth0"* ]] &&
		[[ -z "$(ip -n "$OUTSIDE_NETNS" route show default)" ]]
}

start_cluster() {
	D="$1"
	mkdir -p "$D"
	D="$(cd "$D" && pwd)"
	[[ ! -s "$D/pids" ]] || die "$D/pids exists; stop it first"
	[[ $EUID -eq 0 ]] || die "must run as root (network namespaces, cgroups, containerd)"
	BIN="${E2E_BIN_DIR:-$(e2e_bin_dir)}"
	CDIR="${E2E_CLUSTER_DIR:-$(e2e_cluster_dir)}"
	local t
	for t in etcd kube-apiserver kube-controller-manager; do
		[[ -x "$BIN/$t" ]] || die "$BIN/$t missing (run test/e2e/tools/build.sh kube)"
	done
	for t in kubelet kube-scheduler kube-proxy kube-router agnhost; do
		[[ -x "$CDIR/bin/$t" ]] || die "$CDIR/bin/$t missing (run test/e2e/tools/build.sh cluster)"
	done
	for t in "${E2E_CLUSTER_IMAGE_NAMES[@]}"; do
		[[ -s "$CDIR/images/$t.tar" ]] || die "$CDIR/images/$t.tar missing (run test/e2e/tools/build.sh images)"
	done
	bash "$TOOLS/install-deps.sh" --check >&2 || die "Debian packages missing"
	local timeout="${E2E_CLUSTER_TIMEOUT:-180}" id t0=$SECONDS
	id="$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
	NETNS="netpol-e2e-$id"
	OUTSIDE_NETNS="netpol-e2e-$id-out"
	CGROUP_ROOT="/netpol-e2e-$id"
	TOKEN="e2e-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
	mkdir -p "$D/logs"
	: >"$D/pids"
	# Written first: stop needs it even when start fails half-way.
	cat >"$D/env" <<EOF
NETNS=$NETNS
OUTSIDE_NETNS=$OUTSIDE_NETNS
CGROUP_ROOT=$CGROUP_ROOT
NODE_IP=$NODE_IP
NODE_NAME=$NODE_NAME
OUTSIDE_IP=$OUTSIDE_IP
OUTSIDE_NAME=$OUTSIDE_NAME
POD_CIDR=$POD_CIDR
SERVICE_CIDR=$SERVICE_CIDR
CLUSTER_DNS=$CLUSTER_DNS
TOKEN=$TOKEN
KUBECONFIG=$D/kubeconfig
BIN_DIR=$BIN
CLUSTER_BIN_DIR=$CDIR/bin
EOF
	setup_network || fail_start "could not create the network namespaces"
	setup_cgroups
	make_pki
	printf '%s,admin,admin,system:masters\n' "$TOKEN" >"$D/pki/tokens.csv"
	chmod 600 "$D/pki/tokens.csv"
	write_kubeconfig "$D/kubeconfig.internal" "https://$NODE_IP:6443"
	write_configs
	write_coredns_manifests

	MNT_PID=0
	set_prefixes
	# Control plane. Fixed ports are fine: the namespace is ours alone.
	mkdir -p "$D/etcd"
	spawn etcd "${IN_NS[@]}" "$BIN/etcd" --name default --data-dir "$D/etcd" \
		--listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
		--listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
		--initial-cluster default=http://127.0.0.1:2380 --unsafe-no-fsync --log-level warn
	wait_for "$timeout" "$LAST_PID" etcd in_ns curl -sf --max-time 2 http://127.0.0.1:2379/health
	spawn kube-apiserver "${IN_NS[@]}" "$BIN/kube-apiserver" \
		--etcd-servers http://127.0.0.1:2379 \
		--bind-address 0.0.0.0 --advertise-address "$NODE_IP" --secure-port 6443 \
		--tls-cert-file "$D/pki/apiserver.crt" --tls-private-key-file "$D/pki/apiserver.key" \
		--client-ca-file "$D/pki/ca.crt" \
		--service-cluster-ip-range "$SERVICE_CIDR" \
		--service-account-issuer https://kubernetes.default.svc \
		--service-account-key-file "$D/pki/sa.key" \
		--service-account-signing-key-file "$D/pki/sa.key" \
		--token-auth-file "$D/pki/tokens.csv" \
		--authorization-mode RBAC \
		--admission-control-config-file "$D/admission.yaml" \
		--kubelet-preferred-address-types InternalIP \
		--allow-privileged=true
	local apid=$LAST_PID
	# The relay: 127.0.0.1:PORT here -> unix socket -> the API server in the namespace.
	local port i
	for ((i = 0; i < 100; i++)); do
		port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
	done
	APISERVER_URL="https://127.0.0.1:$port"
	echo "APISERVER_URL=$APISERVER_URL" >>"$D/env"
	spawn relay-in "${IN_NS[@]}" socat "UNIX-LISTEN:$D/apiserver.sock,fork,unlink-early,mode=600" TCP:127.0.0.1:6443
	spawn relay-out socat "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" "UNIX-CONNECT:$D/apiserver.sock"
	write_kubeconfig "$D/kubeconfig" "$APISERVER_URL"
	wait_for "$timeout" "$apid" kube-apiserver bash -c "[[ \"\$(curl -s --max-time 2 --cacert '$D/pki/ca.crt' '$APISERVER_URL/readyz')\" == ok ]]"
	spawn kube-controller-manager "${IN_NS[@]}" "$BIN/kube-controller-manager" \
		--kubeconfig "$D/kubeconfig.internal" \
		--controllers serviceaccount,serviceaccount-token,root-ca-cert-publisher,deployment,replicaset,endpointslice,garbagecollector,namespace,nodelifecycle,nodeipam,podgc \
		--allocate-node-cidrs --cluster-cidr "$POD_CIDR" --node-cidr-mask-size 24 \
		--service-cluster-ip-range "$SERVICE_CIDR" \
		--root-ca-file "$D/pki/ca.crt" --service-account-private-key-file "$D/pki/sa.key" \
		--leader-elect=false --use-service-account-credentials=false --secure-port 0
	spawn kube-scheduler "${IN_NS[@]}" "$CDIR/bin/kube-scheduler" \
		--kubeconfig "$D/kubeconfig.internal" --leader-elect=false --secure-port 0

	# Node: containerd and kubelet share a private mount namespace, held by a
	# sleeper, so the mounts they make (rootfs, shm, volumes, pod netns) are
	# never visible on the host and vanish when they stop.
	spawn mount-holder unshare --mount --propagation private sleep infinity
	MNT_PID=$LAST_PID
	wait_for 10 "$MNT_PID" mount-holder bash -c "[[ \"\$(readlink /proc/$MNT_PID/ns/mnt)\" != \"\$(readlink /proc/self/ns/mnt)\" ]]"
	echo "MNT_PID=$MNT_PID" >>"$D/env"
	set_prefixes
	spawn containerd "${IN_NODE[@]}" containerd --config "$D/containerd/config.toml"
	local ctrd=$LAST_PID
	wait_for 60 "$ctrd" containerd ctr --address "$D/containerd/containerd.sock" version
	for t in "${E2E_CLUSTER_IMAGE_NAMES[@]}"; do
		ctr --address "$D/containerd/containerd.sock" -n k8s.io images import "$CDIR/images/$t.tar" \
			>>"$D/logs/images.log" 2>&1 || fail_start "image import failed: $CDIR/images/$t.tar" images
	done
	spawn kubelet "${IN_NODE[@]}" "$CDIR/bin/kubelet" --config "$D/kubelet/config.yaml" \
		--kubeconfig "$D/kubeconfig.internal" --root-dir "$D/kubelet" \
		--hostname-override "$NODE_NAME" --node-ip "$NODE_IP" --v 1
	local kl=$LAST_PID
	spawn kube-proxy "${IN_NS[@]}" "$CDIR/bin/kube-proxy" --config "$D/kube-proxy.yaml"
	# The outside host: answers on 80 and 443, TCP and UDP (agnhost serve-hostname, as
	# the stand-in workloads do).
	spawn outside-80 nsenter --net="/var/run/netns/$OUTSIDE_NETNS" -- "$CDIR/bin/agnhost" serve-hostname --tcp --udp --http=false --port 80
	spawn outside-443 nsenter --net="/var/run/netns/$OUTSIDE_NETNS" -- "$CDIR/bin/agnhost" serve-hostname --tcp --udp --http=false --port 443
	wait_for "$timeout" "$kl" kubelet node_ready
	# The dataplane looks its node up at start: only once kubelet has registered it.
	# NetworkPolicy only (no routing, no service proxy: kube-proxy does that).
	spawn kube-router "${IN_NS[@]}" "$CDIR/bin/kube-router" --kubeconfig "$D/kubeconfig.internal" \
		--run-firewall=true --run-router=false --run-service-proxy=false \
		--hostname-override "$NODE_NAME" --service-cluster-ip-range "$SERVICE_CIDR" \
		--health-port 0 --metrics-port 0
	if [[ "${E2E_CLUSTER_DNS:-1}" != 0 ]]; then
		apply_coredns || fail_start "could not create CoreDNS's objects" kube-apiserver
		wait_for "$timeout" "$kl" kubelet dns_answers
	fi
	ns_isolated || fail_start "network isolation check failed: $(ip -n "$NETNS" route show default)"
	for t in kube-controller-manager kube-scheduler kube-proxy kube-router outside-80 outside-443 relay-in relay-out containerd; do
		alive "$(awk -v n="$t" '$1 == n { print $2 }' "$D/pids")" || fail_start "$t exited" "$t"
	done
	log "ready in $((SECONDS - t0))s (node $NODE_NAME Ready$([[ "${E2E_CLUSTER_DNS:-1}" == 0 ]] && echo ", no DNS: E2E_CLUSTER_DNS=0" || echo ", DNS answering at $CLUSTER_DNS"))"
	echo "$D/kubeconfig"
}

# --- stop ----------------------------------------------------------------------

pid_of() { { awk -v n="$1" '$1 == n { print $2 }' "$D/pids" 2>/dev/null || true; } | tail -n1; }

stop_named() {
	local n p
	for n in "$@"; do
		echo "$(date +%T.%N | cut -c1-12) stopping $n" >>"$D/logs/stop.log"
		p="$(pid_of "$n")"
		# agnhost serve-hostname waits 60 s after SIGTERM (for pod deletion), and
		# kubelet has nothing left to do once the pods are gone: no grace for them.
		case "$n" in
		outside-*) [[ -n "$p" ]] && term_wait "$p" 0 ;;
		kubelet) [[ -n "$p" ]] && term_wait "$p" 2 ;;
		*) [[ -n "$p" ]] && term_wait "$p" 10 ;;
		esac
	done
	return 0
}

stop_cluster() {
	# Best effort throughout; what is left behind decides the exit code (leftovers).
	set +e
	D="$(cd "$1" 2>/dev/null && pwd)" || return 0
	[[ -f "$D/env" ]] || return 0
	# shellcheck disable=SC1091
	source "$D/env"
	local ctrsock="$D/containerd/containerd.sock" ids n p
	# No new pods: stop the scheduler and the controllers first.
	stop_named kube-scheduler kube-controller-manager
	# Let kubelet tear the pods down (CNI DEL, sandboxes) while the API server
	# still runs: delete them all, then wait until containerd has no task left.
	if [[ -n "$(pid_of kubelet)" ]] && alive "$(pid_of kubelet)" && [[ -n "${APISERVER_URL:-}" ]]; then
		curl -s --max-time 10 --cacert "$D/pki/ca.crt" -H "Authorization: Bearer $TOKEN" \
			-X DELETE "$APISERVER_URL/api/v1/pods?gracePeriodSeconds=0" >/dev/null 2>&1 || true
		for ns in $(curl -s --max-time 10 --cacert "$D/pki/ca.crt" -H "Authorization: Bearer $TOKEN" \
			"$APISERVER_URL/api/v1/namespaces" 2>/dev/null | json 'j.items.map((n) => n.metadata.name)' 2>/dev/null); do
			curl -s --max-time 10 --cacert "$D/pki/ca.crt" -H "Authorization: Bearer $TOKEN" \
				-X DELETE "$APISERVER_URL/api/v1/namespaces/$ns/pods?gracePeriodSeconds=0" >/dev/null 2>&1 || true
		done
		for ((i = 0; i < 60; i++)); do
			[[ -z "$(ctr --address "$ctrsock" -n k8s.io tasks ls -q 2>/dev/null)" ]] && break
			sleep 0.5
		done
	fi
	stop_named kubelet
	# Whatever kubelet left: kill and delete through containerd, remembering
	# the pod network namespaces' files (their mounts are in the private mount
	# namespace; the empty files are on the host's /var/run/netns).
	if [[ -S "$ctrsock" ]] && alive "$(pid_of containerd)"; then
		for n in $(ctr --address "$ctrsock" -n k8s.io containers ls -q 2>/dev/null || true); do
			ctr --address "$ctrsock" -n k8s.io containers info "$n" 2>/dev/null |
				json '(j.Spec?.linux?.namespaces ?? []).filter((x) => x.type === "network" && x.path).map((x) => x.path)' \
					>>"$D/pod-netns" 2>/dev/null || true
		done
		ids="$(ctr --address "$ctrsock" -n k8s.io tasks ls -q 2>/dev/null || true)"
		for n in $ids; do
			ctr --address "$ctrsock" -n k8s.io tasks kill -s SIGKILL "$n" >/dev/null 2>&1 || true
		done
		for n in $ids; do
			for ((i = 0; i < 20; i++)); do
				ctr --address "$ctrsock" -n k8s.io tasks delete "$n" >/dev/null 2>&1 && break
				sleep 0.2
			done
		done
		for n in $(ctr --address "$ctrsock" -n k8s.io containers ls -q 2>/dev/null || true); do
			ctr --address "$ctrsock" -n k8s.io containers delete "$n" >/dev/null 2>&1 || true
		done
	fi
	stop_named kube-proxy kube-router outside-80 outside-443 containerd
	# containerd's shims (children of nobody once containerd is gone) run in
	# the private mount namespace; end any that are left there.
	if [[ -n "${MNT_PID:-}" ]] && alive "$MNT_PID"; then
		local mns
		mns="$(readlink "/proc/$MNT_PID/ns/mnt")"
		for p in $(ls /proc | grep -E '^[0-9]+$'); do
			[[ "$p" == "$MNT_PID" ]] && continue
			[[ "$(readlink "/proc/$p/ns/mnt" 2>/dev/null)" == "$mns" ]] && term_wait "$p" 5
		done
	fi
	stop_named mount-holder relay-out relay-in kube-apiserver etcd
	# Anything still listed (a failed start): every PID, reverse order.
	if [[ -f "$D/pids" ]]; then
		for p in $(tac "$D/pids" | awk '{ print $2 }'); do
			[[ "$p" =~ ^[0-9]+$ ]] && term_wait "$p" 5
		done
	fi
	# Mounts under DIR on the host (none expected: they live in the private
	# namespace), deepest first.
	awk -v d="$D" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r |
		while read -r m; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
	# Network namespaces: deleting them removes every interface, route,
	# netfilter table and ipset the cluster made.
	[[ -n "${NETNS:-}" ]] && ip netns del "$NETNS" 2>/dev/null
	[[ -n "${OUTSIDE_NETNS:-}" ]] && ip netns del "$OUTSIDE_NETNS" 2>/dev/null
	if [[ -f "$D/pod-netns" ]]; then
		while read -r n; do
			[[ "$n" == /var/run/netns/cni-* && -f "$n" ]] && ! mountpoint -q "$n" && rm -f "$n"
		done <"$D/pod-netns"
	fi
	# The kubelet's cgroup tree, depth-first, in every hierarchy.
	if [[ -n "${CGROUP_ROOT:-}" && "$CGROUP_ROOT" == /netpol-e2e-* ]]; then
		local h
		for h in /sys/fs/cgroup/*/; do
			[[ -d "$h${CGROUP_ROOT#/}" ]] || continue
			find "$h${CGROUP_ROOT#/}" -depth -type d -exec rmdir {} + 2>/dev/null || true
		done
	fi
	rm -f "$D/pids" "$D/apiserver.sock"
	leftovers "$D"
}

# leftovers DIR: print what is left behind (exit 1 if anything).
leftovers() {
	local d="$1" bad=0 h
	# shellcheck disable=SC1091
	source "$d/env"
	if ip netns list 2>/dev/null | grep -qE "^($NETNS|$OUTSIDE_NETNS)( |$)"; then
		log "left behind: network namespace $NETNS or $OUTSIDE_NETNS"
		bad=1
	fi
	if grep -q " $d[/ ]" /proc/self/mountinfo; then
		log "left behind: mounts under $d"
		bad=1
	fi
	for h in /sys/fs/cgroup/*/; do
		if [[ -d "$h${CGROUP_ROOT#/}" ]]; then
			log "left behind: cgroup $h${CGROUP_ROOT#/}"
			bad=1
		fi
	done
	return $bad
}

status_cluster() {
	D="$(cd "$1" && pwd)"
	# shellcheck disable=SC1091
	source "$D/env"
	local n p
	while read -r n p; do
		alive "$p" || {
			log "$n (pid $p) is not running"
			return 1
		}
	done <"$D/pids"
	[[ "$(curl -s --max-time 2 --cacert "$D/pki/ca.crt" "$APISERVER_URL/readyz")" == ok ]] || {
		log "API server not ready"
		return 1
	}
	node_ready || {
		log "node $NODE_NAME not Ready"
		return 1
	}
	ns_isolated || {
		log "network isolation check failed"
		return 1
	}
}

# one NAME VERSION: "NAME VERSION", or "NAME absent" when the version is empty.
one() { printf '%s %s\n' "$1" "${2:-absent}"; }

versions() {
	local bin cdir v
	# An absent tool is reported, not an error.
	set +e
	bin="${E2E_BIN_DIR:-$(e2e_bin_dir)}"
	cdir="${E2E_CLUSTER_DIR:-$(e2e_cluster_dir)}"
	one kube-apiserver "$("$bin/kube-apiserver" --version 2>/dev/null | awk '{print $2}')"
	one etcd "$("$bin/etcd" --version 2>/dev/null | awk '/etcd Version/ {print $3}')"
	one kubelet "$("$cdir/bin/kubelet" --version 2>/dev/null | awk '{print $2}')"
	one kube-scheduler "$("$cdir/bin/kube-scheduler" --version 2>/dev/null | awk '{print $2}')"
	one kube-proxy "$("$cdir/bin/kube-proxy" --version 2>/dev/null | awk '{print $2}')"
	v="$("$cdir/bin/kube-router" --version 2>&1 | sed -n 's/.*version \([^,]*\),.*/\1/p' | head -n1)"
	one kube-router "${v:+$v (test dataplane only)}"
	one coredns "$("$cdir/bin/coredns" -version 2>/dev/null | sed -n 's/^CoreDNS-//p' | head -n1)"
	[[ -x "$cdir/bin/agnhost" ]] && one agnhost "$E2E_AGNHOST_VERSION" || one agnhost ""
	one containerd "$(containerd --version 2>/dev/null | awk '{print $3}')"
	one runc "$(runc --version 2>/dev/null | awk 'NR == 1 {print $3}')"
	one cni-plugins "$(dpkg-query -W -f='${Version}' containernetworking-plugins 2>/dev/null)"
}

case "${1:-}" in
start)
	[[ $# -eq 2 ]] || usage
	start_cluster "$2"
	;;
stop)
	[[ $# -eq 2 ]] || usage
	t0=$SECONDS
	stop_cluster "$2"
	log "stopped in $((SECONDS - t0))s; nothing left behind"
	;;
status)
	[[ $# -eq 2 ]] || usage
	status_cluster "$2"
	;;
versions) versions ;;
*) usage ;;
esac
