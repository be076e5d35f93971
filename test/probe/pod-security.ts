/**
 * A Pod Security Standards "restricted" validator (the checks of the baseline and restricted
 * profiles, kubernetes.io/docs/concepts/security/pod-security-standards), over a Pod
 * manifest as plain JSON. Returns one message per violation.
 */
type Json = Record<string, unknown>;

const ALLOWED_VOLUMES = new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
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
]);

const obj = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function restrictedViolations(pod: { spec: Json }): string[] {
  const out: string[] = [];
  const spec = pod.spec;
  const podSc = obj(spec["securityContext"]);
  for (const k of ["hostNetwork", "hostPID", "hostIPC"])
    if (spec[k] === true) out.push(`${k} must not be true`);
  for (const v of list(spec["volumes"])) {
    const types = Object.keys(obj(v)).filter((k) => k !== "name");
    for (const t of types) if (!ALLOWED_VOLUMES.has(t)) out.push(`volume type ${t} is not allowed`);
  }
  for (const s of list(obj(podSc)["sysctls"]))
    if (!SAFE_SYSCTLS.has(String(obj(s)["name"]))) out.push(`sysctl ${String(obj(s)["name"])} is not safe`);
  const podSeccomp = obj(podSc["seccompProfile"])["type"];
  const containers = [
    ...list(spec["initContainers"]),
    ...list(spec["containers"]),
    ...list(spec["ephemeralContainers"]),
  ];
  if (containers.length === 0) out.push("no containers");
  for (const raw of containers) {
    const c = obj(raw);
    const name = String(c["name"]);
    const sc = obj(c["securityContext"]);
    if (sc["privileged"] === true) out.push(`${name}: privileged`);
    if (sc["allowPrivilegeEscalation"] !== false) out.push(`${name}: allowPrivilegeEscalation must be false`);
    const caps = obj(sc["capabilities"]);
    if (!list(caps["drop"]).includes("ALL")) out.push(`${name}: capabilities must drop ALL`);
    for (const a of list(caps["add"]))
      if (a !== "NET_BIND_SERVICE") out.push(`${name}: adds capability ${String(a)}`);
    for (const p of list(c["ports"]))
      if (Number(obj(p)["hostPort"] ?? 0) !== 0) out.push(`${name}: hostPort`);
    const runAsNonRoot = sc["runAsNonRoot"] ?? podSc["runAsNonRoot"];
    if (runAsNonRoot !== true) out.push(`${name}: runAsNonRoot must be true`);
    const runAsUser = sc["runAsUser"] ?? podSc["runAsUser"];
    if (runAsUser === 0) out.push(`${name}: runAsUser must not be 0`);
    const seccomp = obj(sc["seccompProfile"])["type"] ?? podSeccomp;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost")
      out.push(`${name}: seccompProfile must be RuntimeDefault or Localhost`);
    if (sc["procMount"] !== undefined && sc["procMount"] !== "Default") out.push(`${name}: procMount`);
    const selinuxType = obj(sc["seLinuxOptions"])["type"];
    if (
      selinuxType !== undefined &&
      !["container_t", "container_init_t", "container_kvm_t", ""].includes(String(selinuxType))
    )
      out.push(`${name}: seLinuxOptions.type`);
  }
  return out;
}
