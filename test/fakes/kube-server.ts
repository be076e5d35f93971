/**
 * An in-process fake of the Kubernetes API subset netpol-rollout uses, so tests run the
 * real `@kubernetes/client-node` requests (paging, watches, logs, error Status objects)
 * and assert on the server's state. Listens on 127.0.0.1 only.
 *
 * Resources: namespaces; pods (create, get, list, watch, delete, log); services;
 * configmaps (create, get, list, replace with resourceVersion conflicts, delete); a delete's
 * preconditions (resourceVersion, uid) answer 409 when the object changed;
 * networkpolicies (networking.k8s.io/v1); leases (coordination.k8s.io/v1: create, get,
 * replace with resourceVersion conflicts). Lists page with limit/continue and filter by
 * label selector; watches replay from a resourceVersion and answer 410 Gone once it is
 * compacted. A create with dryRun=All is judged (admission included) and answered with the
 * object it would have made, which is not stored. SelfSubjectAccessReviews are answered
 * from the RBAC denials, SelfSubjectReviews with the user.
 *
 * Garbage collection follows the real collector: a namespaced dependent whose owners are
 * all absent is deleted; an owner reference naming an object in another namespace counts
 * as absent (owner references cannot cross namespaces).
 *
 * Pods run on a simulated node: after a start delay they are Running with an IP; a
 * readiness probe makes them never Ready (the fake node never passes one). What a running
 * pod writes to its log comes from a pluggable Dataplane. Faults: per-pod start problems
 * (unschedulable, image pull error, slow start, silent), per-request failures (any status,
 * Retry-After, a hang), RBAC denials, dropped watches.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { randomUUID } from "node:crypto";

export type Json = Record<string, unknown>;

/** The object kinds stored, by their resource name. */
export type Resource = "namespaces" | "pods" | "services" | "configmaps" | "networkpolicies" | "leases";

const KINDS: Record<Resource, { kind: string; apiVersion: string; namespaced: boolean }> = {
  namespaces: { kind: "Namespace", apiVersion: "v1", namespaced: false },
  pods: { kind: "Pod", apiVersion: "v1", namespaced: true },
  services: { kind: "Service", apiVersion: "v1", namespaced: true },
  configmaps: { kind: "ConfigMap", apiVersion: "v1", namespaced: true },
  networkpolicies: { kind: "NetworkPolicy", apiVersion: "networking.k8s.io/v1", namespaced: true },
  leases: { kind: "Lease", apiVersion: "coordination.k8s.io/v1", namespaced: true },
};

/** The API group of each resource, as RBAC names it. */
const GROUPS: Record<Resource, string> = {
  namespaces: "",
  pods: "",
  services: "",
  configmaps: "",
  networkpolicies: "networking.k8s.io",
  leases: "coordination.k8s.io",
};

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** ms since the server started. */
  at: number;
  status?: number;
  /** A DELETE's options as the API server reads them: from the body if it has one, else the query. */
  deleteOptions?: Json;
}

/** A configured failure: the next `times` requests matching get this answer. */
export interface FailureRule {
  method?: string;
  /** Matched against the path (no query string). */
  path?: RegExp;
  /** Only dry runs (true) or only real requests (false); default both. */
  dryRun?: boolean;
  /** HTTP status; 0 hangs the request until the client gives up. */
  status: number;
  reason?: string;
  message?: string;
  headers?: Record<string, string>;
  /** Default 1. */
  times?: number;
}

/**
 * An RBAC denial: requests with this verb on this resource (with its subresource: "pods/log")
 * in this namespace (any, when absent) get 403, and so do SelfSubjectAccessReviews that ask
 * for them (one for every namespace is denied by any namespace's rule). `group` and `name`,
 * when given, narrow it (reviews of other API groups than the core and networking.k8s.io, like
 * coordination.k8s.io Leases, are matched by them).
 */
export interface DenyRule {
  verb: string;
  resource: string;
  namespace?: string;
  group?: string;
  name?: string;
}

/** How one pod starts on the simulated node. */
export interface PodFault {
  /** Stays Pending: PodScheduled=False, reason Unschedulable. */
  unschedulable?: boolean;
  /** Stays Pending: the container waits with ErrImagePull, then ImagePullBackOff. */
  imagePullError?: boolean;
  /** Extra delay before the pod runs, in ms. */
  slowStartMs?: number;
  /** Runs, but writes nothing to its log. */
  silent?: boolean;
}

/** What runs inside pods on the simulated node. */
export interface Dataplane {
  /**
   * Starts a pod's container; called once, when the pod turns Running. `cluster` is the
   * server (its state may change while the pod runs).
   */
  run(pod: Json, cluster: FakeKube): PodProcess;
}

/** A running container, as its log shows it. */
export interface PodProcess {
  /** The whole log written `elapsedMs` after the container started. */
  logUntil(elapsedMs: number): string;
}

export interface FakeKubeOptions {
  /** Delay between a pod's creation and Running, in ms. Default 0. */
  podStartMs?: number;
  dataplane?: Dataplane;
  /** Decides start faults per pod (by its manifest). */
  podFault?: (pod: Json) => PodFault | undefined;
  /** Admission: a message refuses the create with 403, as Pod Security or a policy does. */
  admit?: (resource: Resource, object: Json) => string | undefined;
  /** The user named in RBAC denials. */
  user?: string;
  /**
   * Delays the answer to matching requests by the ms returned, after the request took
   * effect (watchers are told at once): an answer overtaken by the watch, as under load.
   */
  lateAnswer?: (method: string, path: string) => number | undefined;
  /**
   * Sees every authenticated request before it is answered; what it changes in the server
   * (a pod replaced, deleted, restarted) is what the request then finds.
   */
  onRequest?: (method: string, path: string) => void;
}

export interface FakeKube {
  /** The API server URL (http://127.0.0.1:PORT). */
  url: string;
  /** The bearer token the kubeconfig carries; tests assert it is never printed. */
  token: string;
  /** A kubeconfig for this server (contexts "fake" and "other", the latter pointing nowhere useful). */
  kubeconfig(): string;
  requests: RecordedRequest[];
  /** Objects of a resource, in creation order; a namespace narrows namespaced ones. */
  list(resource: Resource, namespace?: string): Json[];
  get(resource: Resource, namespace: string | undefined, name: string): Json | undefined;
  /** Stores objects directly (as if created by others); pods given a status keep it. */
  seed(resource: Resource, objects: Json[]): void;
  /** Deletes an object at once (a forced delete by someone else); false when there was none. */
  remove(resource: Resource, namespace: string | undefined, name: string): boolean;
  /**
   * Creates a pod as another client would (a new uid; watchers see it) and runs it at once:
   * Running, an IP, a container id, and `process` writing its log.
   */
  runPod(pod: Json, process: PodProcess): Json;
  /** The pod's containers restart: new container ids, restartCount + 1, the log starts over. */
  restartContainers(namespace: string, name: string): void;
  fail(rule: FailureRule): void;
  deny(rule: DenyRule): void;
  /** Ends every open watch connection abruptly (the socket is destroyed). */
  dropWatches(): void;
  /** Forgets the event history: watches from an older resourceVersion get 410 Gone. */
  compact(): void;
  /** Resolves when the garbage collector has nothing left to do. */
  settle(): Promise<void>;
  /** Open watch connections. */
  watchCount(): number;
  /** The latest resourceVersion: changes whenever any object does. */
  version(): number;
  close(): Promise<void>;
}

interface Event {
  rv: number;
  type: "ADDED" | "MODIFIED" | "DELETED";
  resource: Resource;
  object: Json;
}

interface Watcher {
  resource: Resource;
  namespace?: string;
  selector: (labels: Record<string, string>) => boolean;
  res: ServerResponse;
}

const clone = <T>(v: T): T => structuredClone(v);
const meta = (o: Json): Json => (o.metadata ?? {}) as Json;
const labelsOf = (o: Json): Record<string, string> => (meta(o).labels ?? {}) as Record<string, string>;

/** Parses a label selector string ("a=b,c!=d,e in (f,g),!h,i") into a predicate. */
export function parseLabelSelector(
  text: string | null | undefined,
): (labels: Record<string, string>) => boolean {
  if (!text) return () => true;
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  const tests = parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p): ((l: Record<string, string>) => boolean) => {
      let m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(p);
      if (m) {
        const key = m[1] as string;
        const values = new Set((m[3] as string).split(",").map((v) => v.trim()));
        return m[2] === "in"
          ? (l) => key in l && values.has(l[key] as string)
          : (l) => !(key in l) || !values.has(l[key] as string);
      }
      m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(p);
      if (m) {
        const [key, op, value] = [m[1] as string, m[2] as string, m[3] as string];
        return op === "!=" ? (l) => l[key] !== value : (l) => l[key] === value;
      }
      if (p.startsWith("!")) {
        const key = p.slice(1).trim();
        return (l) => !(key in l);
      }
      return (l) => p in l;
    });
  return (l) => tests.every((t) => t(l));
}

export async function startFakeKube(options: FakeKubeOptions = {}): Promise<FakeKube> {
  const t0 = Date.now();
  const token = `fake-token-${randomUUID()}`;
  const user = options.user ?? "system:serviceaccount:ci:netpol-rollout";
  const store: Record<Resource, Map<string, Json>> = {
    namespaces: new Map(),
    pods: new Map(),
    services: new Map(),
    configmaps: new Map(),
    networkpolicies: new Map(),
    leases: new Map(),
  };
  const requests: RecordedRequest[] = [];
  const failures: (FailureRule & { left: number })[] = [];
  const denials: DenyRule[] = [];
  const watchers = new Set<Watcher>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  /** Pod key → its running container and when it started. */
  const logs = new Map<string, { started: number; process?: PodProcess }>();
  let events: Event[] = [];
  let compactedAt = 0;
  let rv = 1;
  let nextIp = 1;
  let gcPending: Promise<void> = Promise.resolve();
  let closed = false;
  let origin = "";

  const key = (namespace: string | undefined, name: string) => (namespace ? `${namespace}/${name}` : name);
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closed) fn();
    }, ms);
    timers.add(t);
  };

  const emit = (type: Event["type"], resource: Resource, object: Json) => {
    const event: Event = { rv: Number(meta(object).resourceVersion), type, resource, object: clone(object) };
    events.push(event);
    for (const w of watchers) {
      if (w.resource !== resource) continue;
      if (w.namespace && meta(object).namespace !== w.namespace) continue;
      if (!w.selector(labelsOf(object))) continue;
      w.res.write(JSON.stringify({ type, object: event.object }) + "\n");
    }
  };

  const write = (resource: Resource, object: Json, type: "ADDED" | "MODIFIED") => {
    const m = meta(object);
    m.resourceVersion = String(++rv);
    store[resource].set(key(m.namespace as string | undefined, m.name as string), object);
    emit(type, resource, object);
  };

  const remove = (resource: Resource, namespace: string | undefined, name: string): Json | undefined => {
    const k = key(namespace, name);
    const object = store[resource].get(k);
    if (!object) return undefined;
    store[resource].delete(k);
    if (resource === "pods") logs.delete(k);
    meta(object).resourceVersion = String(++rv);
    emit("DELETED", resource, object);
    if (resource === "namespaces") {
      for (const r of Object.keys(store) as Resource[]) {
        if (!KINDS[r].namespaced) continue;
        for (const o of [...store[r].values()])
          if (meta(o).namespace === name) remove(r, name, meta(o).name as string);
      }
    }
    scheduleGc();
    return object;
  };

  /** The real collector: a dependent is deleted once none of its owners exists in its namespace. */
  const collect = () => {
    for (const resource of Object.keys(store) as Resource[]) {
      if (!KINDS[resource].namespaced) continue;
      for (const object of [...store[resource].values()]) {
        const m = meta(object);
        const refs = (m.ownerReferences ?? []) as { uid: string; kind: string }[];
        if (refs.length === 0) continue;
        const present = refs.some((ref) =>
          (Object.keys(store) as Resource[]).some((r) =>
            [...store[r].values()].some((o) => {
              const om = meta(o);
              if (om.uid !== ref.uid) return false;
              // A namespaced owner must live in the dependent's namespace; elsewhere it is absent.
              return !KINDS[r].namespaced || om.namespace === m.namespace;
            }),
          ),
        );
        if (!present) remove(resource, m.namespace as string, m.name as string);
      }
    }
  };
  const scheduleGc = () => {
    gcPending = gcPending.then(
      () =>
        new Promise<void>((resolve) =>
          setImmediate(() => {
            if (!closed) collect();
            resolve();
          }),
        ),
    );
  };

  const podPhase = (pod: Json, status: Json) => {
    const m = meta(pod);
    const k = key(m.namespace as string, m.name as string);
    if (store.pods.get(k) !== pod) return; // deleted meanwhile
    pod.status = status;
    write("pods", pod, "MODIFIED");
  };

  const startPod = (pod: Json) => {
    const spec = (pod.spec ?? {}) as Json;
    const containers = (spec.containers ?? []) as Json[];
    const fault = options.podFault?.(pod) ?? {};
    const created = new Date().toISOString();
    const scheduled = { type: "PodScheduled", status: "True" };
    if (fault.unschedulable) {
      later(0, () =>
        podPhase(pod, {
          phase: "Pending",
          conditions: [
            {
              type: "PodScheduled",
              status: "False",
              reason: "Unschedulable",
              message: "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: infra}.",
            },
          ],
        }),
      );
      return;
    }
    if (fault.imagePullError) {
      const waiting = (reason: string) => ({
        phase: "Pending",
        conditions: [scheduled],
        containerStatuses: containers.map((c) => ({
          name: c.name,
          ready: false,
          restartCount: 0,
          image: c.image,
          state: { waiting: { reason, message: `Back-off pulling image "${String(c.image)}"` } },
        })),
      });
      later(0, () => podPhase(pod, waiting("ErrImagePull")));
      later(20, () => podPhase(pod, waiting("ImagePullBackOff")));
      return;
    }
    const delay = (options.podStartMs ?? 0) + (fault.slowStartMs ?? 0);
    later(delay, () => {
      const m = meta(pod);
      if (store.pods.get(key(m.namespace as string, m.name as string)) !== pod) return;
      run(pod, created, (running) => (fault.silent ? undefined : options.dataplane?.run(running, fake)));
    });
  };

  /** The pod turns Running with an IP and a new container id; what `start` returns writes its log. */
  const run = (pod: Json, created: string, start: (running: Json) => PodProcess | undefined) => {
    const containers = ((pod.spec as Json | undefined)?.containers ?? []) as Json[];
    const scheduled = { type: "PodScheduled", status: "True" };
    const ip = `10.244.${Math.floor(nextIp / 250)}.${(nextIp % 250) + 2}`;
    nextIp++;
    // The fake node never passes a readiness probe: a pod with one is never Ready.
    const ready = containers.every((c) => c.readinessProbe === undefined);
    const now = new Date().toISOString();
    const m = meta(pod);
    const k = key(m.namespace as string, m.name as string);
    pod.status = {
      phase: "Running",
      podIP: ip,
      podIPs: [{ ip }],
      hostIP: "172.18.0.2",
      startTime: created,
      conditions: [
        scheduled,
        { type: "Initialized", status: "True" },
        { type: "ContainersReady", status: ready ? "True" : "False" },
        { type: "Ready", status: ready ? "True" : "False" },
      ],
      containerStatuses: containers.map((c) => ({
        name: c.name,
        ready,
        started: true,
        restartCount: 0,
        containerID: containerId(),
        image: c.image,
        state: { running: { startedAt: now } },
      })),
    };
    write("pods", pod, "MODIFIED");
    const process = start(clone(pod));
    logs.set(k, { started: Date.now(), ...(process ? { process } : {}) });
  };

  const status = (code: number, reason: string, message: string, details?: Json): Json => ({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });

  const send = (res: ServerResponse, code: number, data: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(data);
    res.writeHead(code, { "content-type": "application/json", ...headers });
    res.end(text);
  };

  const verbOf = (method: string, name: string | undefined, watch: boolean, sub?: string) => {
    if (method === "GET") return watch ? "watch" : name ? "get" : "list";
    if (method === "POST") return "create";
    if (method === "PUT") return "update";
    if (method === "PATCH") return "patch";
    if (method === "DELETE") return name ? "delete" : "deletecollection";
    return sub ?? method.toLowerCase();
  };

  const listOf = (resource: Resource, namespace: string | undefined, selector: string | null) => {
    const test = parseLabelSelector(selector);
    return [...store[resource].values()].filter(
      (o) => (!namespace || meta(o).namespace === namespace) && test(labelsOf(o)),
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    const path = url.pathname;
    const recorded: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      at: Date.now() - t0,
    };
    requests.push(recorded);
    res.on("finish", () => (recorded.status = res.statusCode));
    if (req.headers.authorization !== `Bearer ${token}`) {
      return send(res, 401, status(401, "Unauthorized", "Unauthorized"));
    }
    const body = await readBody(req);
    if (method === "DELETE") {
      const { gracePeriodSeconds, propagationPolicy } = recorded.query;
      recorded.deleteOptions = body
        ? (parseJson(body) ?? {})
        : {
            ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds: Number(gracePeriodSeconds) } : {}),
            ...(propagationPolicy !== undefined ? { propagationPolicy } : {}),
          };
    }
    options.onRequest?.(method, path);
    const late = options.lateAnswer?.(method, path);
    if (late) {
      const end = res.end.bind(res) as (...args: unknown[]) => void;
      res.end = ((...args: unknown[]) => {
        setTimeout(() => end(...args), late);
        return res;
      }) as typeof res.end;
    }

    const dryRun = url.searchParams.get("dryRun") === "All";
    const failure = failures.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === method) &&
        (!f.path || f.path.test(path)) &&
        (f.dryRun === undefined || f.dryRun === dryRun),
    );
    if (failure) {
      failure.left--;
      if (failure.status === 0) return; // hangs: the client's timeout ends it
      return send(
        res,
        failure.status,
        status(failure.status, failure.reason ?? "InternalError", failure.message ?? "simulated failure"),
        failure.headers,
      );
    }

    if (method === "POST" && path === "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews") {
      const review = parseJson(body) ?? {};
      const a = (((review.spec ?? {}) as Json).resourceAttributes ?? {}) as Json;
      const resource = `${String(a.resource ?? "")}${a.subresource ? `/${String(a.subresource)}` : ""}`;
      const group = String(a.group ?? "");
      const denied = denials.some(
        (d) =>
          d.verb === a.verb &&
          d.resource === resource &&
          (d.group ?? group) === group &&
          (!d.namespace || !a.namespace || d.namespace === a.namespace) &&
          (!d.name || d.name === a.name),
      );
      return send(res, 201, {
        ...review,
        status: denied
          ? { allowed: false, reason: "no RBAC policy matched" }
          : { allowed: true, reason: "fake" },
      });
    }
    if (method === "POST" && path === "/apis/authentication.k8s.io/v1/selfsubjectreviews") {
      return send(res, 201, {
        apiVersion: "authentication.k8s.io/v1",
        kind: "SelfSubjectReview",
        status: { userInfo: { username: user, groups: ["system:authenticated"] } },
      });
    }
    const m =
      /^\/api\/v1(?:\/namespaces\/([^/]+))?\/(pods|services|configmaps)(?:\/([^/]+))?(?:\/(log))?$/.exec(
        path,
      ) ??
      /^\/apis\/networking\.k8s\.io\/v1(?:\/namespaces\/([^/]+))?\/(networkpolicies)(?:\/([^/]+))?()$/.exec(
        path,
      ) ??
      /^\/apis\/coordination\.k8s\.io\/v1(?:\/namespaces\/([^/]+))?\/(leases)(?:\/([^/]+))?()$/.exec(path);
    const nsMatch = /^\/api\/v1\/namespaces(?:\/([^/]+))?$/.exec(path);
    let resource: Resource;
    let namespace: string | undefined;
    let name: string | undefined;
    let sub: string | undefined;
    if (nsMatch) {
      resource = "namespaces";
      name = nsMatch[1] ? decodeURIComponent(nsMatch[1]) : undefined;
    } else if (m) {
      resource = m[2] as Resource;
      namespace = m[1] ? decodeURIComponent(m[1]) : undefined;
      name = m[3] ? decodeURIComponent(m[3]) : undefined;
      sub = m[4] || undefined;
    } else {
      return send(
        res,
        404,
        status(404, "NotFound", `the server could not find the requested resource (${path})`),
      );
    }
    const watch = url.searchParams.get("watch") === "true";
    const verb = verbOf(method, name, watch);
    const rbacResource = sub ? `${resource}/${sub}` : resource;
    const denied = denials.find(
      (d) =>
        d.verb === verb &&
        d.resource === rbacResource &&
        (!d.namespace || d.namespace === namespace) &&
        (!d.name || d.name === name),
    );
    if (denied) {
      const group = GROUPS[resource];
      const where = namespace ? ` in the namespace "${namespace}"` : " at the cluster scope";
      return send(
        res,
        403,
        status(
          403,
          "Forbidden",
          `${resource}${name ? ` "${name}"` : ""} is forbidden: User "${user}" cannot ${verb} resource "${resource}"` +
            `${sub ? ` with subresource "${sub}"` : ""} in API group "${group}"${where}`,
          { kind: resource, ...(name ? { name } : {}) },
        ),
      );
    }
    const info = KINDS[resource];
    const notFound = (n: string) =>
      send(res, 404, status(404, "NotFound", `${resource} "${n}" not found`, { name: n, kind: resource }));
    if (namespace && resource !== "namespaces" && !store.namespaces.has(namespace) && method === "POST") {
      return send(
        res,
        404,
        status(404, "NotFound", `namespaces "${namespace}" not found`, {
          name: namespace,
          kind: "namespaces",
        }),
      );
    }

    if (watch) return openWatch(res, resource, namespace, url);

    if (method === "GET" && !name) {
      const items = listOf(resource, namespace, url.searchParams.get("labelSelector"));
      const limit = Number(url.searchParams.get("limit") ?? "0");
      const start = Number(url.searchParams.get("continue") ?? "0") || 0;
      const page = limit > 0 ? items.slice(start, start + limit) : items.slice(start);
      const next = limit > 0 && start + limit < items.length ? String(start + limit) : undefined;
      return send(res, 200, {
        kind: `${info.kind}List`,
        apiVersion: info.apiVersion,
        metadata: { resourceVersion: String(rv), ...(next ? { continue: next } : {}) },
        items: page.map(clone),
      });
    }
    if (method === "GET" && name && sub === "log") {
      const k = key(namespace, name);
      if (!store.pods.has(k)) return notFound(name);
      const pod = store.pods.get(k) as Json;
      if ((pod.status as Json | undefined)?.phase !== "Running") {
        return send(
          res,
          400,
          status(
            400,
            "BadRequest",
            `container "${containerName(pod)}" in pod "${name}" is waiting to start: ContainerCreating`,
          ),
        );
      }
      const log = logs.get(k);
      const text = log?.process ? log.process.logUntil(Date.now() - log.started) : "";
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(text);
      return;
    }
    if (method === "GET" && name) {
      const o = store[resource].get(key(namespace, name));
      return o ? send(res, 200, clone(o)) : notFound(name);
    }
    if (method === "POST" && !name) {
      const object = parseJson(body);
      if (!object) return send(res, 400, status(400, "BadRequest", "the body is not a JSON object"));
      const om = (object.metadata ?? {}) as Json;
      object.metadata = om;
      if (!om.name && typeof om.generateName === "string")
        om.name = `${om.generateName}${randomUUID().slice(0, 5)}`;
      if (typeof om.name !== "string" || om.name === "") {
        return send(
          res,
          422,
          status(422, "Invalid", `${info.kind} is invalid: metadata.name: Required value`),
        );
      }
      if (info.namespaced) om.namespace = namespace;
      if (om.namespace && om.namespace !== namespace && info.namespaced) {
        return send(
          res,
          400,
          status(
            400,
            "BadRequest",
            "the namespace of the object does not match the namespace on the request",
          ),
        );
      }
      if (store[resource].has(key(namespace, om.name))) {
        return send(
          res,
          409,
          status(409, "AlreadyExists", `${resource} "${om.name}" already exists`, {
            name: om.name,
            kind: resource,
          }),
        );
      }
      const refused = options.admit?.(resource, object);
      if (refused) {
        return send(res, 403, status(403, "Forbidden", `${resource} "${om.name}" is forbidden: ${refused}`));
      }
      object.apiVersion = info.apiVersion;
      object.kind = info.kind;
      om.uid = randomUUID();
      om.creationTimestamp = new Date().toISOString();
      if (dryRun) return send(res, 201, clone(object));
      if (resource === "namespaces")
        om.labels = { ...((om.labels ?? {}) as Json), "kubernetes.io/metadata.name": om.name };
      if (resource === "pods") object.status = { phase: "Pending" };
      write(resource, object, "ADDED");
      if (resource === "pods") startPod(object);
      if (((om.ownerReferences as unknown[] | undefined) ?? []).length > 0) scheduleGc();
      return send(res, 201, clone(object));
    }
    if (method === "PUT" && name) {
      const current = store[resource].get(key(namespace, name));
      if (!current) return notFound(name);
      const object = parseJson(body);
      if (!object) return send(res, 400, status(400, "BadRequest", "the body is not a JSON object"));
      const om = (object.metadata ?? {}) as Json;
      if (om.resourceVersion !== undefined && om.resourceVersion !== meta(current).resourceVersion) {
        return send(
          res,
          409,
          status(
            409,
            "Conflict",
            `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
          ),
        );
      }
      const cm = meta(current);
      object.metadata = { ...om, name, namespace, uid: cm.uid, creationTimestamp: cm.creationTimestamp };
      object.apiVersion = info.apiVersion;
      object.kind = info.kind;
      if (resource === "pods") object.status = current.status;
      write(resource, object, "MODIFIED");
      return send(res, 200, clone(object));
    }
    if (method === "DELETE" && name) {
      // DeleteOptions.preconditions: the object must still be the one the client read.
      const wanted = (parseJson(body)?.preconditions ?? {}) as { resourceVersion?: string; uid?: string };
      const current = store[resource].get(key(namespace, name));
      const cm = current ? meta(current) : undefined;
      if (cm && wanted.uid !== undefined && wanted.uid !== cm.uid) {
        return send(
          res,
          409,
          status(
            409,
            "Conflict",
            `Precondition failed: UID in precondition: ${String(wanted.uid)}, UID in object meta: ${String(cm.uid)}`,
          ),
        );
      }
      if (cm && wanted.resourceVersion !== undefined && wanted.resourceVersion !== cm.resourceVersion) {
        return send(
          res,
          409,
          status(
            409,
            "Conflict",
            `Precondition failed: ResourceVersion in precondition: ${wanted.resourceVersion}, ResourceVersion in object meta: ${String(cm.resourceVersion)}`,
          ),
        );
      }
      const removed = remove(resource, namespace, name);
      return removed ? send(res, 200, clone(removed)) : notFound(name);
    }
    return send(res, 405, status(405, "MethodNotAllowed", `${method} is not supported here`));
  };

  const openWatch = (res: ServerResponse, resource: Resource, namespace: string | undefined, url: URL) => {
    const selector = parseLabelSelector(url.searchParams.get("labelSelector"));
    const from = url.searchParams.get("resourceVersion");
    res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
    res.flushHeaders(); // the client's watch resolves on the headers, before any event
    const matches = (o: Json) => (!namespace || meta(o).namespace === namespace) && selector(labelsOf(o));
    if (from && from !== "0") {
      if (Number(from) < compactedAt) {
        res.end(
          JSON.stringify({
            type: "ERROR",
            object: status(410, "Expired", `too old resource version: ${from} (${compactedAt})`),
          }) + "\n",
        );
        return;
      }
      for (const e of events) {
        if (e.rv > Number(from) && e.resource === resource && matches(e.object)) {
          res.write(JSON.stringify({ type: e.type, object: e.object }) + "\n");
        }
      }
    } else {
      for (const o of listOf(resource, namespace, url.searchParams.get("labelSelector"))) {
        res.write(JSON.stringify({ type: "ADDED", object: o }) + "\n");
      }
    }
    const w: Watcher = { resource, ...(namespace ? { namespace } : {}), selector, res };
    watchers.add(w);
    res.on("close", () => watchers.delete(w));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, status(500, "InternalError", String(error))));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  const fake: FakeKube = {
    url: origin,
    token,
    kubeconfig: () =>
      [
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: fake",
        "  cluster:",
        `    server: ${origin}`,
        "    insecure-skip-tls-verify: true",
        "- name: other",
        "  cluster:",
        "    server: http://127.0.0.1:9",
        "    insecure-skip-tls-verify: true",
        "users:",
        "- name: ci",
        "  user:",
        `    token: ${token}`,
        "contexts:",
        "- name: fake",
        "  context: { cluster: fake, user: ci }",
        "- name: other",
        "  context: { cluster: other, user: ci }",
        "current-context: fake",
        "",
      ].join("\n"),
    requests,
    list: (resource, namespace) => listOf(resource, namespace, null).map(clone),
    get: (resource, namespace, name) => {
      const o = store[resource].get(key(KINDS[resource].namespaced ? namespace : undefined, name));
      return o ? clone(o) : undefined;
    },
    remove: (resource, namespace, name) =>
      remove(resource, KINDS[resource].namespaced ? namespace : undefined, name) !== undefined,
    runPod: (pod, process) => {
      const object = clone(pod);
      const om = (object.metadata ?? {}) as Json;
      object.metadata = om;
      object.apiVersion = "v1";
      object.kind = "Pod";
      om.uid = randomUUID();
      om.creationTimestamp = new Date().toISOString();
      object.status = { phase: "Pending" };
      write("pods", object, "ADDED");
      run(object, om.creationTimestamp as string, () => process);
      return clone(object);
    },
    restartContainers: (namespace, name) => {
      const k = key(namespace, name);
      const pod = store.pods.get(k);
      if (!pod) throw new Error(`no pod ${k}`);
      const statuses = ((pod.status as Json | undefined)?.containerStatuses ?? []) as Json[];
      for (const c of statuses) {
        c.containerID = containerId();
        c.restartCount = Number(c.restartCount ?? 0) + 1;
      }
      write("pods", pod, "MODIFIED");
      const log = logs.get(k);
      if (log) log.started = Date.now();
    },
    seed: (resource, objects) => {
      for (const o of objects) {
        const object = clone(o);
        const om = (object.metadata ?? {}) as Json;
        object.metadata = om;
        object.apiVersion ??= KINDS[resource].apiVersion;
        object.kind ??= KINDS[resource].kind;
        om.uid ??= randomUUID();
        om.creationTimestamp ??= new Date().toISOString();
        if (resource === "namespaces")
          om.labels = { ...((om.labels ?? {}) as Json), "kubernetes.io/metadata.name": om.name };
        write(resource, object, "ADDED");
      }
      scheduleGc();
    },
    fail: (rule) => failures.push({ ...rule, left: rule.times ?? 1 }),
    deny: (rule) => denials.push(rule),
    dropWatches: () => {
      for (const w of [...watchers]) {
        watchers.delete(w);
        w.res.socket?.destroy();
      }
    },
    compact: () => {
      compactedAt = rv + 1;
      events = [];
    },
    settle: async () => {
      let before: Promise<void>;
      do {
        before = gcPending;
        await before;
      } while (before !== gcPending);
    },
    watchCount: () => watchers.size,
    version: () => rv,
    close: async () => {
      closed = true;
      for (const t of timers) clearTimeout(t);
      for (const w of watchers) w.res.end();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** A container runtime's id for a new container instance. */
function containerId(): string {
  return `containerd://${randomUUID().replace(/-/g, "")}${randomUUID().replace(/-/g, "")}`;
}

function containerName(pod: Json): string {
  const containers = ((pod.spec as Json | undefined)?.containers ?? []) as Json[];
  return String(containers[0]?.name ?? "");
}

function parseJson(text: string): Json | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
