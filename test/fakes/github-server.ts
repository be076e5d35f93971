/**
 * An in-process fake of the GitHub REST endpoints the Action calls, so tests run the real
 * Octokit requests (pagination included) and assert on the server's state.
 *
 * Endpoints:
 *   GET    /user                                                          → 403, as GitHub answers
 *          the workflow's GITHUB_TOKEN and App tokens (200 with `userLogin`, like a PAT)
 *   GET    /repos/{owner}/{repo}/issues/{number}/comments?per_page&page   (RFC 5988 Link header)
 *   POST   /repos/{owner}/{repo}/issues/{number}/comments                 → 201
 *   PATCH  /repos/{owner}/{repo}/issues/comments/{id}                      → 200
 *   DELETE /repos/{owner}/{repo}/issues/comments/{id}                      → 204
 *   GET    /repos/{owner}/{repo}/commits/{sha}/pulls                       (the pull requests of a commit)
 * Failures are configured per method and path: a status (403 read-only token, rate limits,
 * 5xx), a connection that never answers, one reset, or a body that is not JSON. `hold`
 * makes requests wait for each other, to force two runs to interleave.
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
  /**
   * `status` (default) answers `status`; `hang` never answers; `reset` closes the
   * connection; `malformed` answers 200 with a JSON content type and a body that is not JSON;
   * `json` answers 200 with `body` (valid JSON of the wrong shape).
   */
  kind?: "status" | "hang" | "reset" | "malformed" | "json";
  status?: number;
  body?: unknown;
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
  /** Adds comments to an issue as if `user` (default "someone") had posted them. */
  seed(owner: string, repo: string, number: number, bodies: string[], user?: string): void;
  fail(rule: FailureRule): void;
  /** Records that `sha` belongs to these pull requests (merged ones name it as their merge commit). */
  seedCommitPulls(
    owner: string,
    repo: string,
    sha: string,
    pulls: { number: number; merged: boolean }[],
  ): void;
  /**
   * The next `count` requests matching `method` and `path` wait until all `count` have
   * arrived, then are answered together (two runs that list before either posts).
   */
  hold(rule: { method?: string; path?: RegExp; count: number }): void;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** A path prefix, like GitHub Enterprise Server's "/api/v3". Default none. */
  basePath?: string;
  /** The login recorded as the author of created comments. Default "github-actions[bot]". */
  login?: string;
  /** When set, `GET /user` answers this login (a personal token); else 403 (GITHUB_TOKEN). */
  userLogin?: string;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const login = options.login ?? "github-actions[bot]";
  const issues = new Map<string, FakeComment[]>();
  const commitPulls = new Map<string, { number: number; merged: boolean }[]>();
  const requests: RecordedRequest[] = [];
  const failures: (FailureRule & { left: number })[] = [];
  const holds: { method?: string; path?: RegExp; count: number; waiting: (() => void)[] }[] = [];
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

    const matches = (r: { method?: string; path?: RegExp }) =>
      (!r.method || r.method === method) && (!r.path || r.path.test(path));
    const hold = holds.find((h) => h.count > 0 && matches(h));
    if (hold) {
      hold.count--;
      await new Promise<void>((resolve) => {
        hold.waiting.push(resolve);
        if (hold.count === 0) for (const release of hold.waiting) release();
      });
    }

    const failure = failures.find((f) => f.left > 0 && matches(f));
    if (failure) {
      failure.left--;
      switch (failure.kind ?? "status") {
        case "hang":
          return; // closed by close()
        case "reset":
          req.socket.destroy();
          return;
        case "malformed":
          res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
          res.end("<html>502 Bad Gateway</html>");
          return;
        case "json":
          return send(res, 200, failure.body);
        case "status":
          return send(
            res,
            failure.status ?? 500,
            {
              message: failure.message ?? "Resource not accessible by integration",
              documentation_url: "https://docs.github.com/rest",
            },
            failure.headers,
          );
      }
    }

    if (path === "/user" && method === "GET") {
      if (options.userLogin) return send(res, 200, { login: options.userLogin, type: "User" });
      return send(res, 403, {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
      });
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

    m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([0-9a-f]+)\/pulls$/.exec(path);
    if (m && method === "GET") {
      const [owner, repo, sha] = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
      const pulls = commitPulls.get(`${owner}/${repo}@${sha}`.toLowerCase()) ?? [];
      return send(
        res,
        200,
        pulls.map((p) => ({
          number: p.number,
          state: p.merged ? "closed" : "open",
          html_url: `https://github.com/${owner}/${repo}/pull/${p.number}`,
          merged_at: p.merged ? "2024-05-01T11:00:00Z" : null,
          merge_commit_sha: p.merged ? sha : null,
        })),
      );
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
      if (method === "DELETE") {
        for (const cs of issues.values()) {
          const at = cs.indexOf(comment);
          if (at >= 0) cs.splice(at, 1);
        }
        res.writeHead(204);
        res.end();
        return;
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
    seed(owner, repo, number, bodies, user = "someone") {
      const comments = list(owner, repo, number);
      for (const body of bodies) comments.push(make(owner, repo, number, body, user));
    },
    seedCommitPulls(owner, repo, sha, pulls) {
      commitPulls.set(`${owner}/${repo}@${sha}`.toLowerCase(), pulls);
    },
    fail(rule) {
      failures.push({ ...rule, left: rule.times ?? Infinity });
    },
    hold(rule) {
      holds.push({ ...rule, waiting: [] });
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
