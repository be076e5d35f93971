# shellcheck shell=bash disable=SC2034
# Shared definitions for the e2e tool scripts (sourced, not executed).
#
# Everything is built from Go modules through the Go module proxy into a
# cache directory outside the repository:
#   ${NETPOL_E2E_TOOLS:-$HOME/.cache/netpol-rollout-e2e}/<key>/bin
# <key> changes whenever a pinned version, the Go version or one of the
# wrapper modules in this directory changes, so a stale cache is never used.

E2E_TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# --- pinned versions -------------------------------------------------------
# Pulumi CLI (github.com/pulumi/pulumi/pkg/v3); must be >= the npm
# @pulumi/pulumi the project uses (3.270.0).
E2E_PULUMI_VERSION="v3.274.1"
# Kubernetes (k8s.io/kubernetes); staging modules pinned to v0.<minor>.<patch>
# in kube/go.mod.
E2E_K8S_VERSION="v1.35.4"
# Version label stamped into the provider binary and its schema: the version
# of the npm package @pulumi/kubernetes, which asks the engine for exactly
# this plugin version.
E2E_K8S_PROVIDER_LABEL="4.34.2"
# The only version of github.com/pulumi/pulumi-kubernetes/provider/v4 the
# module proxy serves (there are no provider/v4.x.y tags).
E2E_K8S_PROVIDER_MODULE="github.com/pulumi/pulumi-kubernetes/provider/v4"
E2E_K8S_PROVIDER_MODVER="v4.0.0-20260115033456-f47bc2d6f199"

# Bump when the build recipe (flags, ldflags, layout) changes in a way that
# must invalidate existing caches.
E2E_RECIPE="1"

E2E_TOOL_NAMES=(pulumi pulumi-language-nodejs kube-apiserver kube-controller-manager etcd pulumi-resource-kubernetes)

e2e_go_env() {
	export GOFLAGS=-mod=mod
	export GOTOOLCHAIN=local
	export CGO_ENABLED=0
}

# e2e_etcd_version prints the go.etcd.io/etcd/server/v3 version kube/go.mod pins.
e2e_etcd_version() {
	awk '$1 == "go.etcd.io/etcd/server/v3" { print $2; exit } $1 == "require" && $2 == "go.etcd.io/etcd/server/v3" { print $3; exit }' \
		"$E2E_TOOLS_DIR/kube/go.mod"
}

# e2e_key prints the cache key: readable versions plus a hash of the wrapper
# modules and the recipe number.
e2e_key() {
	local gov hash
	gov="$(go env GOVERSION 2>/dev/null || echo nogo)"
	hash="$(
		cd "$E2E_TOOLS_DIR" &&
			{ echo "recipe $E2E_RECIPE $E2E_K8S_PROVIDER_MODVER"; cat \
				pulumi/go.mod pulumi/go.sum pulumi/cmd/pulumi-language-nodejs/main.go \
				kube/go.mod kube/go.sum kube/cmd/etcd/main.go \
				provider/go.mod provider/go.sum provider/main.go; } |
			sha256sum | cut -c1-10
	)"
	printf '%s-%s-pulumi%s-k8s%s-etcd%s-k8sprov%s-%s\n' \
		"$gov" "$(go env GOARCH 2>/dev/null || uname -m)" \
		"$E2E_PULUMI_VERSION" "$E2E_K8S_VERSION" "$(e2e_etcd_version)" \
		"$E2E_K8S_PROVIDER_LABEL" "$hash"
}

e2e_root() { printf '%s\n' "${NETPOL_E2E_TOOLS:-$HOME/.cache/netpol-rollout-e2e}"; }
e2e_bin_dir() { printf '%s/%s/bin\n' "$(e2e_root)" "$(e2e_key)"; }

# --- the real cluster's tools (node, dataplane, DNS, images, actionlint) -----
# A key of their own, so adding or changing one of them never invalidates the
# engine tools above (and the reverse). kubelet, kube-scheduler, kube-proxy and
# agnhost come from k8s.io/kubernetes at E2E_K8S_VERSION, like kube-apiserver,
# through their own wrapper module (node/, same replace block as kube/).
#
# kube-router is the NetworkPolicy dataplane of the TEST cluster only: security
# flaws are reported for v2.1.0, so it runs only inside the cluster's isolated
# network namespace and is never shipped or recommended.
E2E_KUBE_ROUTER_VERSION="v2.1.0"
E2E_COREDNS_VERSION="v1.15.0"
E2E_ACTIONLINT_VERSION="v1.7.12"
# agnhost's own version (test/images/agnhost/VERSION in k8s.io/kubernetes at
# E2E_K8S_VERSION); its image is tagged as upstream names it, so manifests that
# use the upstream default image run the local build (imagePullPolicy: Never or
# IfNotPresent; nothing can be pulled here).
E2E_AGNHOST_VERSION="2.59"
E2E_AGNHOST_IMAGE="registry.k8s.io/e2e-test-images/agnhost:$E2E_AGNHOST_VERSION"
E2E_PAUSE_IMAGE="netpol-rollout.local/pause:1"
E2E_COREDNS_IMAGE="netpol-rollout.local/coredns:$E2E_COREDNS_VERSION"
# Bump when the cluster tools' recipe (flags, image layout) changes.
E2E_CLUSTER_RECIPE="1"

E2E_CLUSTER_TOOL_NAMES=(kubelet kube-scheduler kube-proxy agnhost pause dig kube-router coredns)
E2E_CLUSTER_IMAGE_NAMES=(agnhost pause coredns)

e2e_cluster_key() {
	local gov hash
	gov="$(go env GOVERSION 2>/dev/null || echo nogo)"
	hash="$(
		cd "$E2E_TOOLS_DIR" &&
			{ echo "cluster recipe $E2E_CLUSTER_RECIPE $E2E_AGNHOST_IMAGE $E2E_PAUSE_IMAGE $E2E_COREDNS_IMAGE"; cat \
				node/go.mod node/go.sum node/cmd/pause/main.go \
				kube-router/go.mod kube-router/go.sum coredns/go.mod coredns/go.sum coredns/cmd/dig/main.go \
				actionlint/go.mod actionlint/go.sum images.sh; } |
			sha256sum | cut -c1-10
	)"
	printf 'cluster-%s-%s-k8s%s-kuberouter%s-coredns%s-%s\n' \
		"$gov" "$(go env GOARCH 2>/dev/null || uname -m)" \
		"$E2E_K8S_VERSION" "$E2E_KUBE_ROUTER_VERSION" "$E2E_COREDNS_VERSION" "$hash"
}
e2e_cluster_dir() { printf '%s/%s\n' "$(e2e_root)" "$(e2e_cluster_key)"; }

# e2e_have_cluster exits 0 when every cluster tool and image is present.
e2e_have_cluster() {
	local d t
	d="$(e2e_cluster_dir)"
	for t in "${E2E_CLUSTER_TOOL_NAMES[@]}"; do
		[[ -x "$d/bin/$t" ]] || return 1
	done
	for t in "${E2E_CLUSTER_IMAGE_NAMES[@]}"; do
		[[ -s "$d/images/$t.tar" ]] || return 1
	done
}

# e2e_have_all exits 0 when every tool is present and executable.
e2e_have_all() {
	local bin t
	bin="$(e2e_bin_dir)"
	for t in "${E2E_TOOL_NAMES[@]}"; do
		[[ -x "$bin/$t" ]] || return 1
	done
}
