import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { run } from "../../action/src/cli/run.js";
import {
  DEFAULT_WORKLOAD_IMAGE,
  generateWorkloads,
  servedPorts,
  type WorkloadObject,
} from "../../action/src/compile/workloads.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import { expectGolden } from "../helpers/golden.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

async function cli(
  args: string[],
  cwd = repoRoot,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function podSpec(d: WorkloadObject): Json {
  return (d.spec as Json)["template"]["spec"] as Json;
}

const env = buildEnvironment({
  name: "lab",
  cni: "generic",
  namespaces: {
    shop: {
      services: {
        web: { ports: [80, 8443] },
        batch: { labels: { tier: "batch", team: "data" }, ports: ["9000-9010", "53/udp"] },
      },
    },
    "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
  },
  flows: ["ingress-nginx -> web:80"],
});

describe("netpol-rollout workloads", () => {
  it("prints the production stand-ins as in the golden file", async () => {
    const { code, stdout, stderr } = await cli(["workloads", "--env", "production"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expectGolden("test/compile/golden/workloads-production.yaml", stdout);
    const kinds = parseAllDocuments(stdout).map((d) => (d.toJS() as Json)["kind"]);
    expect(kinds).toEqual([
      "Namespace",
      "Deployment",
      "Service",
      "Deployment",
      "Service",
      "Deployment",
      "Service",
    ]);
  });

  it("gives each pod exactly the declared labels, and selects the pods with them", () => {
    const objects = generateWorkloads(env);
    const batch = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "batch")!;
    expect((batch.spec as Json)["template"]["metadata"]["labels"]).toEqual({ tier: "batch", team: "data" });
    expect((batch.spec as Json)["selector"]).toEqual({ matchLabels: { tier: "batch", team: "data" } });
    const svc = objects.find((o) => o.kind === "Service" && o.metadata.name === "batch")!;
    expect((svc.spec as Json)["selector"]).toEqual({ tier: "batch", team: "data" });
  });

  it("serves every declared port over TCP and UDP, a range at both ends", () => {
    const objects = generateWorkloads(env);
    const batch = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "batch")!;
    const served = podSpec(batch)["containers"].flatMap((c: Json) =>
      c["ports"].map((p: Json) => `${p["containerPort"]}/${p["protocol"]}`),
    );
    expect(served).toEqual(["53/TCP", "53/UDP", "9000/TCP", "9000/UDP", "9010/TCP", "9010/UDP"]);
    for (const c of podSpec(batch)["containers"]) {
      const port = c["ports"][0]["containerPort"];
      expect(c["args"]).toEqual(["serve-hostname", "--tcp", "--udp", "--http=false", `--port=${port}`]);
    }
    const svc = objects.find((o) => o.kind === "Service" && o.metadata.name === "batch")!;
    expect(
      (svc.spec as Json)["ports"].map((p: Json) => `${p["port"]}->${p["targetPort"]}/${p["protocol"]}`),
    ).toEqual([
      "53->53/TCP",
      "53->53/UDP",
      "9000->9000/TCP",
      "9000->9000/UDP",
      "9010->9010/TCP",
      "9010->9010/UDP",
    ]);
  });

  it("meets Pod Security restricted in every pod", () => {
    for (const d of generateWorkloads(env).filter((o) => o.kind === "Deployment")) {
      const spec = podSpec(d);
      expect(spec["securityContext"]["runAsNonRoot"]).toBe(true);
      expect(spec["securityContext"]["runAsUser"]).toBeGreaterThan(0);
      expect(spec["securityContext"]["seccompProfile"]).toEqual({ type: "RuntimeDefault" });
      expect(spec["hostNetwork"] ?? false).toBe(false);
      expect(spec["automountServiceAccountToken"]).toBe(false);
      for (const c of spec["containers"]) {
        expect(c["securityContext"]["allowPrivilegeEscalation"]).toBe(false);
        expect(c["securityContext"]["capabilities"]).toEqual({ drop: ["ALL"] });
        expect(c["ports"].every((p: Json) => p["hostPort"] === undefined)).toBe(true);
      }
      for (const s of spec["securityContext"]["sysctls"] ?? []) {
        // The one sysctl used is in the restricted (baseline) profile's allowed list.
        expect(s["name"]).toBe("net.ipv4.ip_unprivileged_port_start");
      }
    }
  });

  it("lowers the unprivileged port start only for pods serving a port below 1024", () => {
    const objects = generateWorkloads(env);
    const sysctls = (name: string): unknown =>
      podSpec(objects.find((o) => o.kind === "Deployment" && o.metadata.name === name)!)["securityContext"][
        "sysctls"
      ];
    expect(sysctls("web")).toEqual([{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }]);
    expect(sysctls("batch")).toEqual([{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }]);
    const high = buildEnvironment({ name: "x", namespaces: { a: { services: { s: { ports: [8080] } } } } });
    expect(
      podSpec(generateWorkloads(high).find((o) => o.kind === "Deployment")!)["securityContext"]["sysctls"],
    ).toBe(undefined);
  });

  it("makes namespaces that declare services, labelled as the intent says and restricted; never kube-*", () => {
    const namespaces = generateWorkloads(env).filter((o) => o.kind === "Namespace");
    expect(namespaces.map((n) => n.metadata.name)).toEqual(["shop"]);
    expect(namespaces[0]!.metadata.labels).toMatchObject({
      "kubernetes.io/metadata.name": "shop",
      "pod-security.kubernetes.io/enforce": "restricted",
    });
  });

  it("uses the upstream agnhost image by default, and the image and pull policy given", async () => {
    expect(
      generateWorkloads(env).every(
        (o) => o.kind !== "Deployment" || podSpec(o)["containers"][0]["image"] === DEFAULT_WORKLOAD_IMAGE,
      ),
    ).toBe(true);
    const { code, stdout } = await cli([
      "workloads",
      "--env",
      "staging",
      "--image",
      "local/agnhost:dev",
      "--image-pull-policy",
      "Never",
      "--replicas",
      "2",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Json;
    const deployments = list["items"].filter((o: Json) => o["kind"] === "Deployment");
    expect(deployments.length).toBeGreaterThan(0);
    for (const d of deployments) {
      expect(d["spec"]["replicas"]).toBe(2);
      for (const c of d["spec"]["template"]["spec"]["containers"]) {
        expect([c["image"], c["imagePullPolicy"]]).toEqual(["local/agnhost:dev", "Never"]);
      }
    }
  });

  it("lists served ports ascending without duplicates", () => {
    const svc = env.namespaces.find((n) => n.name === "shop")!.services.find((s) => s.name === "batch")!;
    expect(servedPorts(svc)).toEqual([53, 9000, 9010]);
  });

  it("refuses an invalid intent with file:line and prints nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "netpol-workloads-"));
    temps.push(dir);
    cpSync(join(repoRoot, "policies"), join(dir, "policies"), { recursive: true });
    writeFileSync(
      join(dir, "policies/environments/broken.yaml"),
      "promotion: 9\nflows:\n  - nowhere -> api:80\n",
    );
    const { code, stdout, stderr } = await cli(["workloads", "--env", "broken"], dir);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/policies\/environments\/broken\.yaml:3:\d+: /);
  });

  it("says which environments exist for an unknown one, and checks --replicas", async () => {
    const unknown = await cli(["workloads", "--env", "prod"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("did you mean 'production'?");
    const bad = await cli(["workloads", "--env", "production", "--replicas", "-1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--replicas: expected a whole number from 0 to 100");
  });
});
