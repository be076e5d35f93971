/**
 * Whatever the input holds, the CLI's output lines are its own: a name with a line break
 * cannot start a workflow command (`::warning …`) in a runner's log, and no terminal escape
 * sequence passes through.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./cli-helpers.js";
import * as render from "../../action/src/semantics/render.js";

const HOSTILE = "web\n::warning file=x::pwned\u001b[31m\r";

const pod = (name: string, ns: string, labels: Record<string, string>, ip: string) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: ns, labels },
  spec: { containers: [{ name: "c", ports: [{ containerPort: 80 }] }] },
  status: { phase: "Running", podIP: ip },
});

function printedLines(text: string): string[] {
  return text.split("\n");
}

describe("the CLI escapes what the input supplies", () => {
  it("analyze: a pod name with a line break and escape sequences stays on one line, visibly escaped", async () => {
    const dir = tempDir();
    const cluster = {
      apiVersion: "v1",
      kind: "List",
      items: [
        {
          apiVersion: "v1",
          kind: "Namespace",
          metadata: { name: "shop", labels: { "kubernetes.io/metadata.name": "shop" } },
        },
        pod(HOSTILE, "shop", { app: "web" }, "10.0.0.1"),
        pod("api", "shop", { app: "api" }, "10.0.0.2"),
      ],
    };
    writeFileSync(join(dir, "cluster.json"), JSON.stringify(cluster));
    writeFileSync(join(dir, "policies.yaml"), "apiVersion: v1\nkind: List\nitems: []\n");
    const result = await runCli(["analyze", "--cluster", "cluster.json", "--policies", "policies.yaml"], dir);
    const all = result.stdout + result.stderr;
    expect(printedLines(all).some((l) => l.startsWith("::"))).toBe(false);
    expect(all).not.toContain("\u001b");
    expect(all).not.toContain("\r");
    expect(all).toContain("web\\u000a::warning");
  });

  it("validate: an unknown key holding a line break is reported on one line", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "policies", "environments"), { recursive: true });
    writeFileSync(
      join(dir, "policies", "environments", "dev.yaml"),
      `promotion: 1\ncni: generic\n"bad\\n::error::owned\\e[2J": 1\n`,
    );
    const result = await runCli(["validate"], dir);
    expect(result.code).toBe(1);
    expect(printedLines(result.stderr).some((l) => l.startsWith("::"))).toBe(false);
    expect(result.stderr).not.toContain("\u001b");
    expect(result.stderr).toContain("bad\\u000a::error::owned\\u001b[2J");
  });

  it("there is one markdown escaper: the analysis renderers use the reports' own", () => {
    expect("escapeMarkdown" in render).toBe(false);
    const v = render.renderAnalysisMarkdown([]);
    expect(v).toContain("| verdict |");
  });
});
