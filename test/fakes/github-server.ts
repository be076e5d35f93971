/**
 * An in-process fake of the GitHub REST endpoints the Action calls, so tests run the real
 * Octokit requests (pagination included) and assert on the server's state.
 *
 * Endpoints:
 *   GET   /repos/{owner}/{repo}/issues/{number}/comments?per_page&page   (RFC 5988 Link header)
 *   POST  /repos/{owner}/{repo}/issues/{number}/comments                 → 201
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id}                      → 200
 * Failures (403 read-only token, rate limits, 5xx) are configured per method and path.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeComment {
  id: number;
  node_id: string;
  body: string;
  html_url: string;
  url: string;
  issue_url: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string and without the base path. */
  path: string;
  query: Record<string, string>;
  authorization?: string;
}

/** A configured failure: the next `times` requests matching `method` and `path` get this response. */
export interface FailureRule {
  method?: string;
  /** Matched against the request path (without the base path). */
  path?: RegExp;
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** How many matching requests fail; Infinity by default. */
  times?: number;
}

export interface FakeGitHub {
  /** The API base URL to give Octokit (`baseUrl`). */
  url: string;
  requests: RecordedRequest[];
  /** The comments of an issue, oldest first (the server's state). */
  comments(owner: string, repo: string, number: number): FakeComment[];
  /** Adds comments to an issue as if other users had posted them. */
  seed(owner: string, repo: string, number: number, bodies: string[]): void;
  fail(rule: FailureRule): void;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** A path prefix, like GitHub Enterprise Server's "/api/v3". Default none. */
  basePath?: string;
  /** The login recorded as the author of created comments. */
  login?: string;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const login = options.login ?? "github-actions[bot]";
  const issues = new Map<string, FakeComment[]>();
  const requests: RecordedRequest[] = [];
  const failures: (FailureRule & { left: number })[] = [];
  let nextId = 1000;
  let clock = Date.parse("2024-05-01T12:00:00Z");
  let origin = "";

  const key = (owner: string, repo: string, number: number) => `${owner}/${repo}#${number}`.toLowerCase();
  const list = (owner: string, repo: string, number: number): FakeComment[] => {
    const k = key(owner, repo, number);
    let comments = issues.get(k);
    if (!comments) {
      comments = [];
      issues.set(k, comments);
    }
    return comments;
  };
  const make = (owner: string, repo: string, number: number, body: string, user: string): FakeComment => {
    const id = nextId++;
    const at = new Date((clock += 1000)).toISOString();
    return {
      id,
      node_id: `IC_${id}`,
      body,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${id}`,
      url: `${origin}${basePath}/repos/${owner}/${repo}/issues/comments/${id}`,
      issue_url: `${origin}${basePath}/repos/${owner}/${repo}/issues/${number}`,
      user: { login: user, type: user.endsWith("[bot]") ? "Bot" : "User" },
      created_at: at,
      updated_at: at,
    };
  };

  const send = (res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}) => {
    const text = data === undefined ? "" : JSON.stringify(data);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "x-github-media-type": "github.v3; format=json",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      ...headers,
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", origin);
    if (!url.pathname.startsWith(`${basePath}/`)) return send(res, 404, { message: "Not Found" });
    const path = url.pathname.slice(basePath.length);
    const method = req.method ?? "GET";
    const recorded: RecordedRequest = { method, path, query: Object.fromEntries(url.searchParams) };
    if (typeof req.headers.authorization === "string") recorded.authorization = req.headers.authorization;
    requests.push(recorded);
    const raw = await readBody(req);

    const failure = failures.find(
      (f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    if (failure) {
      failure.left--;
      return send(
        res,
        failure.status,
        {
          message: failure.message ?? "Resource not accessible by integration",
          documentation_url: "https://docs.github.com/rest",
        },
        failure.headers,
      );
    }

    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path);
    if (m) {
      const [owner, repo, num] = [m[1] ?? "", m[2] ?? "", Number(m[3])];
      const comments = list(owner, repo, num);
      if (method === "GET") {
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? "30") || 30));
        const page = Math.max(1, Number(url.searchParams.get("page") ?? "1") || 1);
        const last = Math.max(1, Math.ceil(comments.length / perPage));
        const slice = comments.slice((page - 1) * perPage, page * perPage);
        const link = (p: number, rel: string) => {
          const u = new URL(url.toString());
          u.searchParams.set("per_page", String(perPage));
          u.searchParams.set("page", String(p));
          return `<${u.toString()}>; rel="${rel}"`;
        };
        const links: string[] = [];
        if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
        if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
        return send(res, 200, slice, links.length > 0 ? { link: links.join(", ") } : {});
      }
      if (method === "POST") {
        const body = bodyField(raw);
        if (body === undefined) return send(res, 422, { message: "Invalid request: body is required" });
        const comment = make(owner, repo, num, body, login);
        comments.push(comment);
        return send(res, 201, comment);
      }
      return send(res, 405, { message: "Method Not Allowed" });
    }

    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path);
    if (m) {
      const id = Number(m[3]);
      const prefix = `${m[1]}/${m[2]}#`.toLowerCase();
      const comment = [...issues.entries()]
        .filter(([k]) => k.startsWith(prefix))
        .flatMap(([, cs]) => cs)
        .find((c) => c.id === id);
      if (!comment) return send(res, 404, { message: "Not Found" });
      if (method === "GET") return send(res, 200, comment);
      if (method === "PATCH") {
        const body = bodyField(raw);
        if (body === undefined) return send(res, 422, { message: "Invalid request: body is required" });
        comment.body = body;
        comment.updated_at = new Date((clock += 1000)).toISOString();
        return send(res, 200, comment);
      }
      return send(res, 405, { message: "Method Not Allowed" });
    }
    return send(res, 404, { message: "Not Found" });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}${basePath}`,
    requests,
    comments: (owner, repo, number) => [...(issues.get(key(owner, repo, number)) ?? [])],
    seed(owner, repo, number, bodies) {
      const comments = list(owner, repo, number);
      for (const body of bodies) comments.push(make(owner, repo, number, body, "someone"));
    },
    fail(rule) {
      failures.push({ ...rule, left: rule.times ?? Infinity });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function bodyField(raw: string): string | undefined {
  try {
    const data: unknown = JSON.parse(raw);
    const body = typeof data === "object" && data !== null ? (data as { body?: unknown }).body : undefined;
    return typeof body === "string" ? body : undefined;
  } catch {
    return undefined;
  }
}
