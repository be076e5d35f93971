/**
 * The Pod Security Standards, "restricted" profile (which includes "baseline"), as the
 * PodSecurity admission plugin checks a Pod (k8s.io/pod-security-admission, policy
 * version "latest"): tests judge manifests with it instead of by eye. Each violation is
 * reported as the admission's check id and the offending field.
 *
 * Reference: kubernetes.io/docs/concepts/security/pod-security-standards/
 */
type Json = Record<string, unknown>;

const BASELINE_CAPABILITIES = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
]);
const RESTRICTED_VOLUMES = new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
]);
const SELINUX_TYPES = new Set([
  "",
  "container_t",
  "container_init_t",
  "container_kvm_t",
  "container_engine_t",
]);

const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** Violations of the restricted profile; [] when the pod is admitted. */
export function restrictedViolations(pod: unknown): string[] {
  const p = obj(pod);
  const spec = obj(p.spec);
  const annotations = obj(obj(p.metadata).annotations) as Record<string, string>;
  const podSc = obj(spec.securityContext);
  const containers = [
    ...arr(spec.initContainers).map((c) => ({ c, path: `spec.initContainers[${String(c.name)}]` })),
    ...arr(spec.containers).map((c) => ({ c, path: `spec.containers[${String(c.name)}]` })),
    ...arr(spec.ephemeralContainers).map((c) => ({ c, path: `spec.ephemeralContainers[${String(c.name)}]` })),
  ];
  const out: string[] = [];

  // --- baseline ---
  if (podSc.windowsOptions && obj(podSc.windowsOptions).hostProcess === true)
    out.push("hostProcess: spec.securityContext.windowsOptions.hostProcess");
  for (const f of ["hostNetwork", "hostPID", "hostIPC"])
    if (spec[f] === true) out.push(`hostNamespaces: spec.${f}=true`);
  for (const v of arr(spec.volumes))
    if (v.hostPath !== undefined) out.push(`hostPathVolumes: spec.volumes[${String(v.name)}].hostPath`);
  for (const s of arr(podSc.sysctls))
    if (!SAFE_SYSCTLS.has(String(s.name))) out.push(`sysctls: ${String(s.name)}`);
  const seLinux = (sc: Json, path: string) => {
    const o = obj(sc.seLinuxOptions);
    if (o.type !== undefined && !SELINUX_TYPES.has(String(o.type)))
      out.push(`seLinuxOptions: ${path}.seLinuxOptions.type`);
    if (o.user !== undefined || o.role !== undefined)
      out.push(`seLinuxOptions: ${path}.seLinuxOptions user/role`);
  };
  seLinux(podSc, "spec.securityContext");
  const appArmor = (sc: Json, path: string) => {
    const t = obj(sc.appArmorProfile).type;
    if (t !== undefined && t !== "RuntimeDefault" && t !== "Localhost")
      out.push(`appArmorProfile: ${path}.appArmorProfile.type=${String(t)}`);
  };
  appArmor(podSc, "spec.securityContext");
  for (const [k, v] of Object.entries(annotations)) {
    if (
      k.startsWith("container.apparmor.security.beta.kubernetes.io/") &&
      v !== "runtime/default" &&
      !v.startsWith("localhost/")
    ) {
      out.push(`appArmorProfile: metadata.annotations[${k}]=${v}`);
    }
  }
  if (obj(podSc.seccompProfile).type === "Unconfined")
    out.push("seccompProfile: spec.securityContext.seccompProfile.type=Unconfined");

  // --- restricted ---
  for (const v of arr(spec.volumes)) {
    const kinds = Object.keys(v).filter((k) => k !== "name");
    for (const k of kinds)
      if (!RESTRICTED_VOLUMES.has(k)) out.push(`restrictedVolumes: spec.volumes[${String(v.name)}].${k}`);
  }
  const podNonRoot = podSc.runAsNonRoot === true;
  const podSeccomp = obj(podSc.seccompProfile).type;
  if (podSc.runAsUser === 0) out.push("runAsUser: spec.securityContext.runAsUser=0");
  if (podSc.runAsNonRoot === false) out.push("runAsNonRoot: spec.securityContext.runAsNonRoot=false");

  for (const { c, path } of containers) {
    const sc = obj(c.securityContext);
    if (sc.privileged === true) out.push(`privileged: ${path}.securityContext.privileged=true`);
    if (obj(sc.windowsOptions).hostProcess === true) out.push(`hostProcess: ${path}`);
    for (const port of arr(c.ports)) {
      if (port.hostPort !== undefined && port.hostPort !== 0)
        out.push(`hostPorts: ${path}.ports[${String(port.containerPort)}].hostPort`);
    }
    if (sc.procMount !== undefined && sc.procMount !== "Default")
      out.push(`procMount: ${path}.securityContext.procMount`);
    seLinux(sc, `${path}.securityContext`);
    appArmor(sc, `${path}.securityContext`);
    const caps = obj(sc.capabilities);
    for (const a of arr(caps.add) as unknown as string[]) {
      if (!BASELINE_CAPABILITIES.has(a)) out.push(`capabilities: ${path} adds ${a}`);
      else if (a !== "NET_BIND_SERVICE")
        out.push(`capabilities: ${path} adds ${a} (restricted allows NET_BIND_SERVICE only)`);
    }
    if (!(arr(caps.drop) as unknown as string[]).includes("ALL"))
      out.push(`capabilities: ${path}.securityContext.capabilities.drop must include ALL`);
    if (sc.allowPrivilegeEscalation !== false)
      out.push(`allowPrivilegeEscalation: ${path}.securityContext.allowPrivilegeEscalation must be false`);
    const nonRoot = sc.runAsNonRoot === true || (sc.runAsNonRoot === undefined && podNonRoot);
    if (!nonRoot) out.push(`runAsNonRoot: ${path} must run with runAsNonRoot=true (pod or container)`);
    if (sc.runAsUser === 0) out.push(`runAsUser: ${path}.securityContext.runAsUser=0`);
    const seccomp = obj(sc.seccompProfile).type ?? podSeccomp;
    if (seccomp === "Unconfined")
      out.push(`seccompProfile: ${path}.securityContext.seccompProfile.type=Unconfined`);
    else if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") {
      out.push(
        `seccompProfile: ${path} must set seccompProfile.type RuntimeDefault or Localhost (pod or container)`,
      );
    }
  }
  return out;
}
