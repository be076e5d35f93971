/**
 * Where the cluster's credentials come from: an explicit kubeconfig file (Action input
 * `kubeconfig`, CLI `--kubeconfig`), the KUBECONFIG list or ~/.kube/config, or the pod's
 * service account when running inside a cluster. Kubeconfig files hold secrets: no message
 * here quotes the file's content (a YAML error names the line only).
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { KubeconfigError, type ClusterIdentity, type ClusterTarget } from "../../ports/cluster.js";

export type KubeSource = { kind: "file"; paths: string[]; context?: string } | { kind: "in-cluster" };

/**
 * Decides where the credentials come from: the explicit path, else $KUBECONFIG (a list),
 * else ~/.kube/config when it exists, else the service account of the pod we run in
 * (KUBERNETES_SERVICE_HOST is set by the kubelet in every container).
 */
export function resolveKubeSource(
  options: ClusterTarget,
  env: Readonly<Record<string, string | undefined>>,
  home: string = homedir(),
): KubeSource {
  const context = options.context ? { context: options.context } : {};
  if (options.kubeconfig) return { kind: "file", paths: [resolve(options.kubeconfig)], ...context };
  const list = (env.KUBECONFIG ?? "").split(delimiter).filter((p) => p.length > 0);
  if (list.length > 0) return { kind: "file", paths: list.map((p) => resolve(p)), ...context };
  const fallback = join(home, ".kube", "config");
  if (existsSync(fallback)) return { kind: "file", paths: [fallback], ...context };
  if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT) {
    if (options.context) {
      throw new KubeconfigError(
        `context "${options.context}" was asked for, but there is no kubeconfig (running in-cluster)`,
      );
    }
    return { kind: "in-cluster" };
  }
  throw new KubeconfigError(
    "no kubeconfig: give one (Action input kubeconfig, CLI --kubeconfig), set KUBECONFIG, or run inside a cluster",
  );
}

/** Loads the kubeconfig of a source and selects its context. */
export function loadKubeConfig(source: KubeSource): { config: KubeConfig; identity: ClusterIdentity } {
  const kc = new KubeConfig();
  if (source.kind === "in-cluster") {
    kc.loadFromCluster();
  } else {
    let first = true;
    for (const path of source.paths) {
      const part = first ? kc : new KubeConfig();
      readInto(part, path);
      if (!first) kc.mergeConfig(part, true);
      first = false;
    }
    if (source.context) {
      if (!kc.getContextObject(source.context)) {
        const known = kc.getContexts().map((c) => c.name);
        throw new KubeconfigError(
          `context "${source.context}" is not in ${source.paths.join(", ")}` +
            (known.length > 0 ? `; its contexts: ${known.join(", ")}` : "; it has no contexts"),
        );
      }
      kc.setCurrentContext(source.context);
    }
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    const where = source.kind === "file" ? source.paths.join(", ") : "the in-cluster configuration";
    throw new KubeconfigError(`${where}: the current context "${kc.getCurrentContext()}" names no cluster`);
  }
  return {
    config: kc,
    identity: {
      context: source.kind === "in-cluster" ? "in-cluster" : kc.getCurrentContext(),
      cluster: cluster.name,
      server: withoutUserinfo(cluster.server),
      user: kc.getCurrentUser()?.name ?? "",
      inCluster: source.kind === "in-cluster",
    },
  };
}

function readInto(kc: KubeConfig, path: string): void {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "unreadable";
    throw new KubeconfigError(`kubeconfig ${path} cannot be read (${code})`);
  }
  try {
    kc.loadFromString(text);
  } catch (e) {
    // js-yaml errors quote the offending lines, which may hold a token: keep the line number only.
    const line = (e as { mark?: { line?: number } }).mark?.line;
    throw new KubeconfigError(
      `kubeconfig ${path} is not a valid kubeconfig` +
        (line !== undefined ? ` (YAML error at line ${line + 1})` : ""),
    );
  }
  kc.makePathsAbsolute(dirname(path));
}

/** A server URL may carry user:password@; identities and messages never do. */
export function withoutUserinfo(server: string): string {
  try {
    const url = new URL(server);
    if (!url.username && !url.password) return server;
    url.username = "";
    url.password = "";
    return url.toString().replace(/\/$/, server.endsWith("/") ? "/" : "");
  } catch {
    return server.replace(/\/\/[^/@]*@/, "//");
  }
}

/**
 * The secret values of a loaded kubeconfig (tokens, passwords, client keys, auth-provider
 * and exec credentials), for a scrubber: they must appear in nothing written.
 */
export function kubeconfigSecrets(kc: KubeConfig): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === "string" && v.length > 0) out.push(v);
  };
  for (const user of kc.getUsers()) {
    add(user.token);
    add(user.password);
    add(user.keyData);
    const provider = (user.authProvider as { config?: Record<string, unknown> } | undefined)?.config ?? {};
    for (const [key, value] of Object.entries(provider))
      if (/token|secret|key|password/i.test(key)) add(value);
    const env = (user.exec as { env?: { name?: string; value?: string }[] } | undefined)?.env ?? [];
    for (const e of env) add(e.value);
  }
  if (out.length > 0) {
    // A client key is base64 in the file and PEM once decoded: both forms are secrets.
    for (const user of kc.getUsers())
      if (user.keyData) add(Buffer.from(user.keyData, "base64").toString("utf8"));
  }
  return out;
}
