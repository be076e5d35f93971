#!/usr/bin/env bash
# Build the real-engine e2e tools from Go modules (module proxy only) into a
# version-keyed cache directory outside the repository. Idempotent: a tool
# already present for the current key is not rebuilt.
#
# Usage:
#   build.sh [all|engine|kube|pulumi|provider|etcd|kube-apiserver|kube-controller-manager|language-nodejs
#             |cluster|kubelet|kube-scheduler|kube-proxy|agnhost|pause|dig|kube-router|coredns|images|actionlint]...
#            (default: all = engine + cluster + actionlint;
#             engine = kube + pulumi + provider; pulumi = CLI + language host;
#             kube = kube-apiserver + etcd + kube-controller-manager;
#             cluster = kubelet kube-scheduler kube-proxy agnhost pause dig kube-router coredns images)
#   build.sh --print-bin-dir      print the engine tools' bin dir (built or not) and exit
#   build.sh --print-cluster-dir  print the cluster tools' dir (bin/, images/) and exit
#   build.sh --check              exit 0 iff every engine tool is present, 1 otherwise
#   build.sh --check-cluster      exit 0 iff every cluster tool and image is present
#
# Environment:
#   NETPOL_E2E_TOOLS   cache root (default $HOME/.cache/netpol-rollout-e2e)
#   E2E_BUILD_P        go build -p value (default 2)
#   E2E_TIME=1         wrap each compile in /usr/bin/time -v (max RSS etc.)
#
# Every compile runs under `nice -n 19`.
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

case "${1:-}" in
--print-bin-dir)
	e2e_bin_dir
	exit 0
	;;
--print-cluster-dir)
	e2e_cluster_dir
	exit 0
	;;
--check)
	if e2e_have_all; then exit 0; else exit 1; fi
	;;
--check-cluster)
	if e2e_have_cluster; then exit 0; else exit 1; fi
	;;
-h | --help)
	sed -n '2,25p' "${BASH_SOURCE[0]}"
	exit 0
	;;
esac

command -v go >/dev/null || {
	echo "build.sh: go not found on PATH" >&2
	exit 1
}
e2e_go_env

KEY="$(e2e_key)"
ROOT="$(e2e_root)"
OUT="$ROOT/$KEY"
BIN="$OUT/bin"
SRC="$OUT/src"
mkdir -p "$BIN" "$SRC"
CDIR="$(e2e_cluster_dir)"
CBIN="$CDIR/bin"
mkdir -p "$CBIN" "$CDIR/images"
P="${E2E_BUILD_P:-2}"

timed() {
	if [[ "${E2E_TIME:-0}" == 1 && -x /usr/bin/time ]]; then
		/usr/bin/time -v nice -n 19 "$@"
	else
		nice -n 19 "$@"
	fi
}

step_start=0
step() {
	step_start=$SECONDS
	echo "==> $*"
}
step_done() { echo "    done in $((SECONDS - step_start))s"; }

# install_bin TMP NAME: move a freshly built binary into place atomically.
install_bin() {
	chmod 0755 "$1"
	mv -f "$1" "$BIN/$2"
}

# Without gitVersion, /version reports v0.0.0-master+$Format:...$.
kube_ldflags() {
	local minor ld
	minor="${E2E_K8S_VERSION#v1.}"
	minor="${minor%%.*}"
	ld="-s -w"
	ld+=" -X k8s.io/component-base/version.gitVersion=$E2E_K8S_VERSION"
	ld+=" -X k8s.io/component-base/version.gitMajor=1"
	ld+=" -X k8s.io/component-base/version.gitMinor=$minor"
	ld+=" -X k8s.io/component-base/version.gitTreeState=clean"
	ld+=" -X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z"
	printf '%s' "$ld"
}

build_kube_apiserver() {
	if [[ -x "$BIN/kube-apiserver" ]]; then
		echo "==> kube-apiserver $E2E_K8S_VERSION: present"
		return
	fi
	step "kube-apiserver $E2E_K8S_VERSION"
	(cd "$E2E_TOOLS_DIR/kube" &&
		timed go build -p "$P" -trimpath -ldflags "$(kube_ldflags)" \
			-o "$BIN/.kube-apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver)
	install_bin "$BIN/.kube-apiserver.tmp" kube-apiserver
	step_done
}

build_kube_controller_manager() {
	if [[ -x "$BIN/kube-controller-manager" ]]; then
		echo "==> kube-controller-manager $E2E_K8S_VERSION: present"
		return
	fi
	step "kube-controller-manager $E2E_K8S_VERSION"
	(cd "$E2E_TOOLS_DIR/kube" &&
		timed go build -p "$P" -trimpath -ldflags "$(kube_ldflags)" \
			-o "$BIN/.kube-controller-manager.tmp" k8s.io/kubernetes/cmd/kube-controller-manager)
	install_bin "$BIN/.kube-controller-manager.tmp" kube-controller-manager
	step_done
}

build_etcd() {
	if [[ -x "$BIN/etcd" ]]; then
		echo "==> etcd $(e2e_etcd_version): present"
		return
	fi
	step "etcd $(e2e_etcd_version)"
	(cd "$E2E_TOOLS_DIR/kube" &&
		timed go build -p "$P" -trimpath -ldflags "-s -w" \
			-o "$BIN/.etcd.tmp" ./cmd/etcd)
	install_bin "$BIN/.etcd.tmp" etcd
	step_done
}

build_pulumi() {
	if [[ -x "$BIN/pulumi" ]]; then
		echo "==> pulumi $E2E_PULUMI_VERSION: present"
		return
	fi
	step "pulumi $E2E_PULUMI_VERSION"
	local ld="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$E2E_PULUMI_VERSION"
	(cd "$E2E_TOOLS_DIR/pulumi" &&
		timed go build -p "$P" -trimpath -ldflags "$ld" \
			-o "$BIN/.pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
	install_bin "$BIN/.pulumi.tmp" pulumi
	step_done
}

# Our own minimal Node.js language host (pulumi/cmd/pulumi-language-nodejs):
# the upstream one is not served by the module proxy. It must sit next to the
# pulumi binary, where the engine looks for bundled language plugins.
build_language_nodejs() {
	if [[ -x "$BIN/pulumi-language-nodejs" ]]; then
		echo "==> pulumi-language-nodejs (minimal, own): present"
		return
	fi
	step "pulumi-language-nodejs (minimal, own; sdk $E2E_PULUMI_VERSION)"
	local ld="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$E2E_PULUMI_VERSION"
	(cd "$E2E_TOOLS_DIR/pulumi" &&
		timed go build -p "$P" -trimpath -ldflags "$ld" \
			-o "$BIN/.pulumi-language-nodejs.tmp" ./cmd/pulumi-language-nodejs)
	install_bin "$BIN/.pulumi-language-nodejs.tmp" pulumi-language-nodejs
	step_done
}

build_provider() {
	if [[ -x "$BIN/pulumi-resource-kubernetes" ]]; then
		echo "==> pulumi-resource-kubernetes $E2E_K8S_PROVIDER_LABEL: present"
		return
	fi
	step "pulumi-resource-kubernetes $E2E_K8S_PROVIDER_LABEL ($E2E_K8S_PROVIDER_MODULE@$E2E_K8S_PROVIDER_MODVER)"
	local work="$SRC/provider" moddir gen
	rm -rf "$work"
	mkdir -p "$work"
	cp "$E2E_TOOLS_DIR/provider/go.mod" "$E2E_TOOLS_DIR/provider/go.sum" \
		"$E2E_TOOLS_DIR/provider/main.go" "$work/"
	moddir="$(cd "$work" && go mod download -json "$E2E_K8S_PROVIDER_MODULE@$E2E_K8S_PROVIDER_MODVER" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
	gen="$moddir/cmd/pulumi-resource-kubernetes"
	[[ -f "$gen/schema.json" && -f "$gen/generate.go" ]] || {
		echo "build.sh: $gen lacks schema.json/generate.go" >&2
		exit 1
	}
	# The upstream generate step (//go:generate go run ./generate.go): stamps
	# VERSION into schema.json -> schema-embed.json and compacts
	# terraform-mapping.json -> terraform-mapping-embed.json, in the cwd.
	cp "$gen/schema.json" "$gen/terraform-mapping.json" "$work/"
	chmod u+w "$work"/*
	(cd "$work" && VERSION="$E2E_K8S_PROVIDER_LABEL" timed go run -trimpath "$gen/generate.go")
	(cd "$work" &&
		timed go build -p "$P" -trimpath \
			-ldflags "-s -w -X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=$E2E_K8S_PROVIDER_LABEL" \
			-o "$BIN/.pulumi-resource-kubernetes.tmp" .)
	install_bin "$BIN/.pulumi-resource-kubernetes.tmp" pulumi-resource-kubernetes
	rm -f "$work/schema.json" "$work/terraform-mapping.json"
	step_done
}

# --- cluster tools (their own key: see lib.sh) -------------------------------

# cluster_go NAME MODULE_DIR PACKAGE LDFLAGS: build one cluster tool into $CBIN.
cluster_go() {
	local name="$1" mod="$2" pkg="$3" ld="$4"
	if [[ -x "$CBIN/$name" ]]; then
		echo "==> $name: present"
		return
	fi
	step "$name ($pkg)"
	(cd "$E2E_TOOLS_DIR/$mod" &&
		timed go build -p "$P" -trimpath -ldflags "$ld" -o "$CBIN/.$name.tmp" "$pkg")
	chmod 0755 "$CBIN/.$name.tmp"
	mv -f "$CBIN/.$name.tmp" "$CBIN/$name"
	step_done
}

build_kubelet() { cluster_go kubelet node k8s.io/kubernetes/cmd/kubelet "$(kube_ldflags)"; }
build_kube_scheduler() { cluster_go kube-scheduler node k8s.io/kubernetes/cmd/kube-scheduler "$(kube_ldflags)"; }
build_kube_proxy() { cluster_go kube-proxy node k8s.io/kubernetes/cmd/kube-proxy "$(kube_ldflags)"; }
build_agnhost() { cluster_go agnhost node k8s.io/kubernetes/test/images/agnhost "-s -w"; }
build_pause() { cluster_go pause node ./cmd/pause "-s -w"; }
# The test dataplane only (security flaws reported for v2.1.0; see lib.sh).
build_kube_router() {
	cluster_go kube-router kube-router github.com/cloudnativelabs/kube-router/v2/cmd/kube-router \
		"-s -w -X github.com/cloudnativelabs/kube-router/v2/pkg/version.Version=$E2E_KUBE_ROUTER_VERSION -X github.com/cloudnativelabs/kube-router/v2/pkg/version.BuildDate=1970-01-01T00:00:00Z"
}
# dig for the agnhost image (the probe pods' DNS checks): our own, on github.com/miekg/dns
# (CoreDNS's DNS library), since upstream's image gets BIND's dig from its package manager.
build_dig() { cluster_go dig coredns ./cmd/dig "-s -w"; }
build_coredns() {
	cluster_go coredns coredns github.com/coredns/coredns \
		"-s -w -X github.com/coredns/coredns/coremain.GitCommit=$E2E_COREDNS_VERSION"
}
build_actionlint() {
	cluster_go actionlint actionlint github.com/rhysd/actionlint/cmd/actionlint \
		"-s -w -X github.com/rhysd/actionlint.version=$E2E_ACTIONLINT_VERSION"
}
build_images() {
	local t missing=0
	for t in "${E2E_CLUSTER_IMAGE_NAMES[@]}"; do
		[[ -s "$CDIR/images/$t.tar" ]] || missing=1
	done
	if ((missing == 0)); then
		echo "==> images: present"
		return
	fi
	build_agnhost
	build_pause
	build_dig
	build_coredns
	step "images (OCI tarballs)"
	bash "$E2E_TOOLS_DIR/images.sh" "$CBIN" "$CDIR/images"
	step_done
}
build_cluster() {
	build_kubelet
	build_kube_scheduler
	build_kube_proxy
	build_agnhost
	build_pause
	build_dig
	build_kube_router
	build_coredns
	build_images
}
build_engine() {
	build_kube_apiserver
	build_etcd
	build_kube_controller_manager
	build_pulumi
	build_language_nodejs
	build_provider
}

targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(all)
total_start=$SECONDS
for t in "${targets[@]}"; do
	case "$t" in
	all)
		build_engine
		build_cluster
		build_actionlint
		;;
	engine) build_engine ;;
	cluster) build_cluster ;;
	kubelet) build_kubelet ;;
	kube-scheduler) build_kube_scheduler ;;
	kube-proxy) build_kube_proxy ;;
	agnhost) build_agnhost ;;
	pause) build_pause ;;
	dig) build_dig ;;
	kube-router) build_kube_router ;;
	coredns) build_coredns ;;
	images) build_images ;;
	actionlint) build_actionlint ;;
	kube)
		build_kube_apiserver
		build_etcd
		build_kube_controller_manager
		;;
	kube-apiserver) build_kube_apiserver ;;
	kube-controller-manager) build_kube_controller_manager ;;
	etcd) build_etcd ;;
	pulumi)
		build_pulumi
		build_language_nodejs
		;;
	language-nodejs) build_language_nodejs ;;
	provider) build_provider ;;
	*)
		echo "build.sh: unknown target '$t' (see build.sh --help)" >&2
		exit 2
		;;
	esac
done
echo "==> total $((SECONDS - total_start))s"
echo "bin dir: $BIN"
echo "cluster dir: $CDIR"
