#!/usr/bin/env bash
# Pack the cluster's container images as OCI image-layout tarballs, from
# binaries built here (nothing is pulled):
#
#   images.sh BIN_DIR OUT_DIR
#
# writes OUT_DIR/agnhost.tar, pause.tar and coredns.tar (single-layer,
# linux/amd64, reproducible: sorted entries, uid/gid 0, mtime 0), each named
# by the annotation io.containerd.image.name, so `ctr -n k8s.io images import`
# tags it. Names come from lib.sh.
#
# agnhost: /agnhost (+ /agnhost-2 link, as upstream), /usr/bin/dig (ours, on
# miekg/dns: the probe contract's DNS client), busybox (Debian's
# busybox-static) as /bin/sh and its applets in /bin (upstream's image has a
# shell, nc, wget, nslookup), /etc/passwd and group with the users upstream's
# image has, /tmp, /uploads, porter's localhost.crt/.key; entrypoint /agnhost,
# cmd pause. pause: /pause, user 65535. coredns: /coredns, user 65532.
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

bin="$1"
out="$2"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sha() { sha256sum "$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }
# oci NAME REF ROOTFS USER ENTRYPOINT_JSON CMD_JSON
oci() {
	local name="$1" ref="$2" rootfs="$3" user="$4" entry="$5" cmd="$6"
	local lay="$work/$name" layer cfg man dl dc dm
	mkdir -p "$lay/blobs/sha256"
	layer="$work/$name.layer.tar"
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
		-C "$rootfs" -cf "$layer" .
	dl="$(sha "$layer")"
	mv "$layer" "$lay/blobs/sha256/$dl"
	cfg="$work/$name.config.json"
	printf '{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":{"User":"%s","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Entrypoint":%s,"Cmd":%s,"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"netpol-rollout test/e2e/tools/images.sh"}]}' \
		"$user" "$entry" "$cmd" "$dl" >"$cfg"
	dc="$(sha "$cfg")"
	man="$work/$name.manifest.json"
	printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%d}]}' \
		"$dc" "$(size "$cfg")" "$dl" "$(size "$lay/blobs/sha256/$dl")" >"$man"
	dm="$(sha "$man")"
	mv "$cfg" "$lay/blobs/sha256/$dc"
	mv "$man" "$lay/blobs/sha256/$dm"
	printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"platform":{"architecture":"amd64","os":"linux"},"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"%s"}}]}' \
		"$dm" "$(size "$lay/blobs/sha256/$dm")" "$ref" "${ref##*:}" >"$lay/index.json"
	printf '{"imageLayoutVersion":"1.0.0"}' >"$lay/oci-layout"
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
		-C "$lay" -cf "$out/.$name.tar.tmp" oci-layout index.json blobs
	mv -f "$out/.$name.tar.tmp" "$out/$name.tar"
	echo "    $name.tar: $ref ($(($(size "$out/$name.tar") / 1048576)) MiB, manifest sha256:$dm)"
}

base_etc() { # ROOTFS: passwd/group with root, nobody and the users named
	mkdir -p "$1/etc" "$1/tmp"
	chmod 1777 "$1/tmp"
	printf 'root:x:0:0:root:/root:/bin/sh\nuser-defined-in-image:x:1000:1000::/home/user-defined-in-image:/bin/sh\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' >"$1/etc/passwd"
	printf 'root:x:0:\nuser-defined-in-image:x:1000:\ngroup-defined-in-image:x:50000:user-defined-in-image\nnonroot:x:65532:\nnogroup:x:65534:\n' >"$1/etc/group"
	printf 'hosts: files dns\n' >"$1/etc/nsswitch.conf"
}

# agnhost
r="$work/rootfs-agnhost"
mkdir -p "$r/bin" "$r/uploads"
base_etc "$r"
install -m 0755 "$bin/agnhost" "$r/agnhost"
# The probe pods' DNS checks call dig (upstream's image has BIND's): ours, built by build.sh.
mkdir -p "$r/usr/bin"
install -m 0755 "$bin/dig" "$r/usr/bin/dig"
ln -s agnhost "$r/agnhost-2"
busybox="${E2E_BUSYBOX:-/bin/busybox}"
[[ -x "$busybox" ]] || {
	echo "images.sh: $busybox missing (Debian package busybox-static: test/e2e/tools/install-deps.sh)" >&2
	exit 1
}
install -m 0755 "$busybox" "$r/bin/busybox"
for a in $("$busybox" --list); do
	[[ "$a" == busybox || -e "$r/bin/$a" ]] || ln -s busybox "$r/bin/$a"
done
agn_src="$(cd "$E2E_TOOLS_DIR/node" && GOFLAGS=-mod=mod GOTOOLCHAIN=local go list -f '{{.Dir}}' k8s.io/kubernetes/test/images/agnhost)"
install -m 0644 "$agn_src/porter/localhost.crt" "$agn_src/porter/localhost.key" "$r/"
oci agnhost "$E2E_AGNHOST_IMAGE" "$r" "" '["/agnhost"]' '["pause"]'

# pause
r="$work/rootfs-pause"
mkdir -p "$r"
base_etc "$r"
install -m 0755 "$bin/pause" "$r/pause"
oci pause "$E2E_PAUSE_IMAGE" "$r" "65535:65535" '["/pause"]' 'null'

# coredns
r="$work/rootfs-coredns"
mkdir -p "$r"
base_etc "$r"
install -m 0755 "$bin/coredns" "$r/coredns"
oci coredns "$E2E_COREDNS_IMAGE" "$r" "65532:65532" '["/coredns"]' 'null'
