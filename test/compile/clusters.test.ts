import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { bundleDigest } from "../../action/src/compile/bundle.js";
import { bundleDifference, bundleVariants, clusterEnvironment } from "../../action/src/compile/clusters.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import { formatIntentError, parseIntent, type EnvironmentIntent } from "../../action/src/intent/index.js";
import { runPreview } from "../../action/src/commands/preview-pipeline.js";
import { renderComment } from "../../action/src/report/markdown.js";
import { memoryGit } from "../preview/helpers.js";
import { clustersLines } from "../../action/src/report/markdown/clusters.js";
import type { Detail } from "../../action/src/report/markdown/detail.js";

const FULL: Detail = {
  audience: "comment",
  maxRows: Number.POSITIVE_INFINITY,
  mermaidMaxEdges: 0,
  mermaidForUnchanged: false,
  explanations: false,
  builtinRows: false,
};

const PATH = "policies/environments/production.yaml";
const BODY = `namespaces:
  shop:
    services:
      api: { labels: { app: api }, ports: [8080] }
      web: { labels: { app: web }, ports: [80] }
flows:
  - web -> api:8080
`;

function env(head: string, clusters: string): EnvironmentIntent {
  const r = parseIntent([{ path: PATH, text: `${head}${BODY}${clusters}` }]);
  if (!r.ok) throw new Error(r.errors.map(formatIntentError).join("\n"));
  return r.intent.environments[0]!;
}

function counting(): { compile: (e: EnvironmentIntent) => CompiledBundle; calls: () => number } {
  let n = 0;
  return {
    compile: (e) => {
      n++;
      return compileEnvironment(e);
    },
    calls: () => n,
  };
}

const GENERIC = "promotion: 1\ncni: generic\nnodeCidrs: [10.0.0.0/16]\n";

describe("cluster variants", () => {
  it("compile once per distinct set of cluster values and group clusters by bundle, in listed order", () => {
    const e = env(
      GENERIC,
      `clusters:
  - { name: a, context: a, canary: true }
  - { name: b, context: b, nodeCidrs: [10.9.0.0/16] }
  - { name: c, context: c }
  - { name: d, context: d, nodeCidrs: [10.9.0.0/16] }
  - { name: e, context: e, cni: calico }
`,
    );
    const c = counting();
    const variants = bundleVariants(e, c.compile);
    expect(variants.map((v) => v.clusters)).toEqual([["a", "c"], ["b", "d"], ["e"]]);
    expect(c.calls()).toBe(3);
    expect(variants[0]!.digest).toBe(bundleDigest(compileEnvironment(e)));
    expect(variants[2]!.values).toEqual({ cni: "calico", dnsMode: "strict", nodeCidrs: ["10.0.0.0/16"] });
  });

  it("make values that give the same policies one variant", () => {
    // calico admits kubelet probes from the host: nodeCidrs change nothing there.
    const e = env(
      "promotion: 1\ncni: calico\n",
      `clusters:
  - { name: a, context: a, canary: true }
  - { name: b, context: b, nodeCidrs: [10.9.0.0/16] }
`,
    );
    const c = counting();
    expect(bundleVariants(e, c.compile).map((v) => v.clusters)).toEqual([["a", "b"]]);
    expect(c.calls()).toBe(2);
  });

  it("give a cluster's own cni and nodeCidrs to its intent, and leave the environment's alone", () => {
    const e = env(GENERIC, "clusters:\n  - { name: a, context: a, cni: cilium, nodeCidrs: [10.9.0.0/16] }\n");
    const own = clusterEnvironment(e, e.clusters![0]!);
    expect([own.cni, own.dns.mode, own.nodeCidrs]).toEqual(["cilium", "strict", ["10.9.0.0/16"]]);
    expect([e.cni, e.dns.mode, e.nodeCidrs]).toEqual(["generic", "safe", ["10.0.0.0/16"]]);
    expect(own.nodeCidrsSource).toEqual(e.clusters![0]!.source);
  });

  it("name the objects one bundle has that another has not, or has otherwise", () => {
    const e = env(GENERIC, "clusters:\n  - { name: a, context: a, cni: calico }\n");
    const difference = bundleDifference(
      compileEnvironment(e),
      compileEnvironment(clusterEnvironment(e, e.clusters![0]!)),
    );
    // On calico kubelet probes come from the host: the health-check ingress from nodeCidrs goes
    // (web's ingress policy held nothing else), and the DNS peer gets its pod selector.
    expect(difference).toEqual({
      added: [],
      removed: ["NetworkPolicy/shop/web-ingress"],
      changed: ["NetworkPolicy/shop/allow-dns", "NetworkPolicy/shop/api-ingress"],
    });
  });
});

describe("the preview of an environment on several clusters", () => {
  const clusters = (n: number, extra = ""): string =>
    "clusters:\n" +
    Array.from(
      { length: n },
      (_, i) => `  - { name: c-${i}, context: c-${i}${i === 0 ? ", canary: true" : ""} }\n`,
    ).join("") +
    extra;

  async function comment(base: string, head: string) {
    const report = await runPreview(
      {
        git: memoryGit({ base: [{ path: PATH, text: base }] }),
        readHead: () => Promise.resolve([{ path: PATH, text: head }]),
      },
      { baseRef: "base", policiesDir: "policies" },
    );
    // Inline code as backticks, to read the expectations.
    return { report, text: renderComment(report).replace(/<code>(.*?)<\/code>/g, "`$1`") };
  }

  it("shows the change once, lists the clusters it reaches, and each group that differs once", async () => {
    const base = `${GENERIC}${BODY}${clusters(3)}  - { name: x-1, context: x-1, cni: calico }\n  - { name: x-2, context: x-2, cni: calico }\n`;
    const head = base.replace("  - web -> api:8080\n", "  - web -> api:8080\n  - api -> web:80\n");
    const { report, text } = await comment(base, head);
    const production = report.environments[0]!;
    expect(production.diff.changes.filter((c) => c.change === "added")).toHaveLength(1);
    expect(production.clusters!.variants).toHaveLength(1);
    expect(text).toContain("Reaches 5 clusters: `c-0` (canary), `c-1`, `c-2`, `x-1`, `x-2`.");
    expect(
      text.match(
        /On `x-1`, `x-2` \(cni `calico`; DNS mode `strict`\) the policies differ from the environment's: \d+ changed/g,
      ),
    ).toHaveLength(1);
    expect(text.match(/Opens `shop\/api → shop\/web:80\/TCP`\./g)).toHaveLength(1);
  });

  it("says so when every cluster gets the same policies", async () => {
    const base = `${GENERIC}${BODY}${clusters(2)}`;
    const { text } = await comment(base, base.replace("ports: [80]", "ports: [80, 81]"));
    expect(text).toContain(
      "Reaches 2 clusters: `c-0` (canary), `c-1`. Every cluster gets the same policies.",
    );
  });

  it("stays one bounded comment with 50 clusters, many of them different", async () => {
    const many = Array.from(
      { length: 49 },
      (_, i) => `  - { name: d-${i}, context: d-${i}, nodeCidrs: [10.${i + 100}.0.0/16] }\n`,
    ).join("");
    const base = `${GENERIC}${BODY}clusters:\n  - { name: c-0, context: c-0, canary: true }\n${many}`;
    const { report, text } = await comment(
      base,
      base.replace("  - web -> api:8080\n", "  - web -> api:8080\n  - api -> web:80\n"),
    );
    expect(report.environments[0]!.clusters!.variants).toHaveLength(49);
    expect(text).toContain("Reaches 50 clusters: `c-0` (canary), `d-0`");
    expect(text.length).toBeLessThan(65_536);
    // Where rows are cut, clusters and groups are cut alike.
    const cut = clustersLines(report.environments[0]!.clusters!, { ...FULL, maxRows: 3 }).join("\n");
    expect(cut).toContain(
      "Reaches 50 clusters: <code>c-0</code> (canary), <code>d-0</code>, <code>d-1</code> and 47 more.",
    );
    expect(cut.match(/^On /gm)).toHaveLength(3);
    expect(cut).toContain("… and 46 more groups of clusters with policies of their own.");
  });
});
