/**
 * One API call with bounded retries, and the translation of its failure into the typed
 * errors of the cluster port. Messages are built from the operation and the server's
 * Status message only: never from request options, headers or the kubeconfig, so no
 * credential can appear in them.
 */
import { ApiException } from "@kubernetes/client-node";
import { systemClock } from "../clock.js";
import {
  AdmissionError,
  ClusterError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RequestError,
  ThrottledError,
  UnavailableError,
} from "../../ports/cluster.js";
import { rbacRule, type ClusterOperation } from "../../k8s/operation.js";

export interface RetryPolicy {
  /** Attempts in all, the first included. Default 5. */
  attempts: number;
  /** First backoff for 5xx and timeouts; doubles per attempt. Default 200 ms. */
  baseDelayMs: number;
  /** Largest single wait, Retry-After included. Default 10 s. */
  maxDelayMs: number;
  /** Waits; injectable so tests need not sleep. */
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  sleep: (ms) => systemClock.sleep(ms),
};

/** A kubernetes Status object, as the API server returns with every error. */
interface Status {
  message?: string;
  reason?: string;
  code?: number;
}

function statusOf(body: unknown): Status {
  if (typeof body === "string") {
    try {
      return statusOf(JSON.parse(body));
    } catch {
      return { message: body.slice(0, 300) };
    }
  }
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    return {
      ...(typeof b.message === "string" ? { message: b.message } : {}),
      ...(typeof b.reason === "string" ? { reason: b.reason } : {}),
      ...(typeof b.code === "number" ? { code: b.code } : {}),
    };
  }
  return {};
}

/** Retry-After in seconds (delta form; the HTTP-date form is read too). */
export function retryAfterSeconds(headers: Record<string, string> | undefined): number | undefined {
  const raw = headers?.["retry-after"] ?? headers?.["Retry-After"];
  if (raw === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(raw)) return Number(raw);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** A failure worth another attempt: throttling, a server error, a timeout, a dropped connection. */
type Transient =
  { kind: "throttled"; retryAfter?: number } | { kind: "unavailable"; detail: string; status?: number };

function transientOf(error: unknown): Transient | undefined {
  if (error instanceof ApiException) {
    const code = error.code as number;
    if (code === 429) {
      const ra = retryAfterSeconds(error.headers as Record<string, string>);
      return ra === undefined ? { kind: "throttled" } : { kind: "throttled", retryAfter: ra };
    }
    if (code >= 500) {
      const s = statusOf(error.body);
      return {
        kind: "unavailable",
        status: code,
        detail: `HTTP ${code}${s.message ? `: ${s.message}` : ""}`,
      };
    }
    return undefined;
  }
  if (error instanceof Error) {
    // node-fetch: AbortError on our timeout signal, FetchError with a system code on a socket failure.
    if (error.name === "AbortError" || error.name === "TimeoutError")
      return { kind: "unavailable", detail: "request timed out" };
    const code = (error as { code?: unknown }).code;
    if (error.name === "FetchError" || typeof code === "string") {
      return { kind: "unavailable", detail: typeof code === "string" ? code : "connection failed" };
    }
  }
  return undefined;
}

/** Turns a non-transient failure into the port's error classes. */
export function classify(op: ClusterOperation, error: unknown): Error {
  if (error instanceof ClusterError) return error;
  if (!(error instanceof ApiException)) {
    const t = transientOf(error);
    if (t?.kind === "unavailable") return new UnavailableError(op, 1, t.detail);
    // Our own bug or the library's: keep the class name, never the request it carried.
    return new RequestError(
      `${op.verb} ${op.resource}: ${error instanceof Error ? error.name : "failure"}`,
      op,
    );
  }
  const code = error.code as number;
  const s = statusOf(error.body);
  const message = s.message ?? "";
  if (code === 403) {
    // RBAC says "User \"x\" cannot <verb> resource …"; admission (Pod Security, a
    // ValidatingAdmissionPolicy, a webhook) refuses with its own message.
    if (
      /\bcannot (get|list|watch|create|update|patch|delete|deletecollection)\b/.test(message) ||
      message === ""
    ) {
      return new ForbiddenError(op, rbacRule(op), message);
    }
    return new AdmissionError(op, code, message);
  }
  if (code === 404) return new NotFoundError(op, message);
  if (code === 409)
    return new ConflictError(op, s.reason === "AlreadyExists" ? "AlreadyExists" : "Conflict", message);
  if (code === 422 && /denied|admission|violates/i.test(message))
    return new AdmissionError(op, code, message);
  if (code === 401)
    return new RequestError(
      `unauthorized: ${op.verb} ${op.resource}: the credentials were not accepted`,
      op,
      401,
    );
  return new RequestError(
    `${op.verb} ${op.resource}: HTTP ${code}${message ? `: ${message}` : ""}`,
    op,
    code,
  );
}

/**
 * Runs `call` up to `policy.attempts` times: 429 waits Retry-After (or the backoff), 5xx,
 * timeouts and connection failures back off exponentially. `onRetry` sees every retry.
 */
export async function withRetries<T>(
  op: ClusterOperation,
  policy: RetryPolicy,
  call: (attempt: number) => Promise<T>,
): Promise<T> {
  let last: Transient | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      return await call(attempt);
    } catch (e) {
      const t = transientOf(e);
      if (!t) throw classify(op, e);
      last = t;
      if (attempt === policy.attempts) break;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const wait =
        t.kind === "throttled" && t.retryAfter !== undefined
          ? Math.min(policy.maxDelayMs, t.retryAfter * 1000)
          : backoff;
      await policy.sleep(wait);
    }
  }
  if (last?.kind === "throttled")
    return Promise.reject(new ThrottledError(op, policy.attempts, last.retryAfter));
  return Promise.reject(
    new UnavailableError(
      op,
      policy.attempts,
      last?.detail ?? "no answer",
      last?.kind === "unavailable" ? last.status : undefined,
    ),
  );
}
