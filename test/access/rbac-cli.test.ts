/**
 * `netpol-rollout rbac --env ENV`: what it prints for the shipped example (action/rbac/ is
 * that output, checked here), and the rules it holds: every namespace probes start from,
 * separate identities, drift without NetworkPolicy writes, the lock and the record by name.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { run } from "../../action/src/cli/run.js";
import { lockLeaseName } from "../../action/src/rollout/lock.js";
import { expectGolden } from "../helpers/golden.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: repoRoot });
  return { code, stdout, stderr };
}

type Obj = {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] }[];
  subjects?: { kind: string; name: string; namespace?: string }[];
  roleRef?: { name: string };
  data?: Record<string, string>;
  spec?: Record<string, unknown>;
};

async function objects(args: string[]): Promise<Obj[]> {
  const { code, stdout, stderr } = await cli(["rbac", ...args]);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return parseAllDocuments(stdout).map((d) => d.toJS() as Obj);
}

/** Verbs `username` holds on `resource` in `namespace` (undefined: cluster-wide), from the printed Roles. */
function verbs(all: Obj[], username: string, resource: string, namespace?: string, name?: string): string[] {
  const [, , saNs, saName] = username.split(":");
  const out = new Set<string>();
  for (const binding of all.filter((o) => o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding")) {
    if (binding.kind === "RoleBinding" && binding.metadata.namespace !== namespace) continue;
    if (!binding.subjects?.some((s) => s.name === saName && s.namespace === saNs)) continue;
    const role = all.find(
      (o) =>
        (o.kind === "Role" || o.kind === "ClusterRole") &&
        o.metadata.name === binding.roleRef?.name &&
        o.metadata.namespace === binding.metadata.namespace,
    );
    for (const rule of role?.rules ?? []) {
      if (!rule.resources.includes(resource)) continue;
      if (rule.resourceNames && (name === undefined || !rule.resourceNames.includes(name))) continue;
      for (const v of rule.verbs) out.add(v);
    }
  }
  return [...out].sort();
}

const DEPLOY = "system:serviceaccount:netpol-rollout:netpol-rollout-production-deploy";
const DRIFT = "system:serviceaccount:netpol-rollout:netpol-rollout-production-drift";

describe("netpol-rollout rbac", () => {
  it("prints for the shipped example exactly what action/rbac/production.yaml holds", async () => {
    const { code, stdout } = await cli(["rbac", "--env", "production"]);
    expect(code).toBe(0);
    expectGolden("action/rbac/production.yaml", stdout);
  });

  it("grants probe pods in every namespace probes start from, the unmanaged ingress-nginx included", async () => {
    const all = await objects(["--env", "production"]);
    for (const user of [DEPLOY, DRIFT]) {
      for (const namespace of ["ingress-nginx", "production"]) {
        expect(verbs(all, user, "pods", namespace), `${user} pods in ${namespace}`).toEqual([
          "create",
          "delete",
          "get",
          "list",
          "watch",
        ]);
        expect(verbs(all, user, "pods/log", namespace)).toEqual(["get"]);
        expect(verbs(all, user, "configmaps", namespace)).toEqual(["create", "delete", "get", "list"]);
      }
    }
    const binding = all.find(
      (o) => o.kind === "ValidatingAdmissionPolicyBinding" && o.metadata.name.includes("production"),
    );
    expect(JSON.stringify(binding?.spec)).toContain(
      '"values":["ingress-nginx","netpol-rollout","production"]',
    );
  });

  it("gives deploy the NetworkPolicies of the managed namespaces, and drift none", async () => {
    const all = await objects(["--env", "production"]);
    expect(verbs(all, DEPLOY, "networkpolicies", "production")).toEqual([
      "create",
      "delete",
      "get",
      "list",
      "patch",
      "update",
    ]);
    expect(verbs(all, DRIFT, "networkpolicies", "production")).toEqual(["list"]);
    expect(verbs(all, DEPLOY, "networkpolicies", "ingress-nginx")).toEqual(["list"]);
  });

  it("names the history record and the lock: deploy may create the record, drift only updates it", async () => {
    const all = await objects(["--env", "production"]);
    const record = "netpol-rollout-lkg-production";
    expect(verbs(all, DEPLOY, "configmaps", "netpol-rollout", record)).toEqual(["create", "get", "update"]);
    expect(verbs(all, DRIFT, "configmaps", "netpol-rollout", record)).toEqual(["get", "update"]);
    expect(verbs(all, DEPLOY, "configmaps", "netpol-rollout", "netpol-rollout-admission-production")).toEqual(
      ["create"],
    );
    for (const user of [DEPLOY, DRIFT]) {
      expect(
        verbs(all, user, "leases", "netpol-rollout", lockLeaseName({ environment: "production" })),
      ).toEqual(["create", "get", "update"]);
      expect(verbs(all, user, "leases", "netpol-rollout", "another-lease")).toEqual(["create"]);
    }
  });

  it("renders the admission parameters: the probe image as given (a digest kept), the pull secrets, both usernames", async () => {
    const image =
      "registry.example/agnhost@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const all = await objects([
      "--env",
      "staging",
      "--state-namespace",
      "np-state",
      "--deploy-user",
      "ci@example.com",
      "--probe-image",
      image,
      "--probe-image-pull-secrets",
      "pull-a, pull-b",
    ]);
    const params = all.find((o) => o.kind === "ConfigMap");
    expect(params?.metadata).toMatchObject({
      name: "netpol-rollout-admission-staging",
      namespace: "np-state",
    });
    expect(params?.data).toEqual({
      image,
      imagePullSecrets: "pull-a\npull-b",
      usernames: "ci@example.com\nsystem:serviceaccount:np-state:netpol-rollout-staging-drift",
    });
    // A user is bound as a User, and gets no ServiceAccount.
    expect(all.filter((o) => o.kind === "ServiceAccount").map((o) => o.metadata.name)).toEqual([
      "netpol-rollout-staging-drift",
    ]);
    const read = all.find((o) => o.kind === "ClusterRoleBinding");
    expect(read?.subjects?.[0]).toEqual({
      kind: "User",
      apiGroup: "rbac.authorization.k8s.io",
      name: "ci@example.com",
    });
    // The parameters come before the binding that refuses without them.
    const kinds = all.map((o) => o.kind);
    expect(kinds.indexOf("ConfigMap")).toBeLessThan(kinds.lastIndexOf("ValidatingAdmissionPolicyBinding"));
  });

  it("refuses bad options and an unknown environment as usage errors, invalid input with its file:line", async () => {
    expect((await cli(["rbac", "--env", "production", "--probe-image", "a b"])).code).toBe(2);
    expect((await cli(["rbac", "--env", "production", "--state-namespace", "Bad_NS"])).code).toBe(2);
    const same = await cli(["rbac", "--env", "production", "--deploy-user", DRIFT]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("drift gets its own");
    const unknown = await cli(["rbac", "--env", "prod"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("did you mean 'production'");
  });
});
