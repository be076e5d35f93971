import { describe, expect, it } from "vitest";
import {
  buildProbePod,
  DEFAULT_PROBE_IMAGE,
  PROBE_RUN_LABEL,
  runObjectName,
  SIDECAR_OPT_OUT,
  withOwnerUid,
} from "../../action/src/probe/pod.js";
import {
  CHECK_ARGUMENT_PATTERN,
  checkArgument,
  checkIdsOf,
  PROBE_COMMAND,
  scriptCheck,
} from "../../action/src/probe/pod-script.js";
import { environment, planFor } from "./scenario.js";
import { restrictedViolations } from "../helpers/pod-security.js";

type Container = {
  image: string;
  command: string[];
  args: string[];
  readinessProbe: { exec: { command: string[] } };
  securityContext: Record<string, unknown>;
  resources: { limits: { memory: string } };
};
const container = (spec: Record<string, unknown>): Container => (spec["containers"] as Container[])[0]!;

describe("probe pods", () => {
  const env = environment();
  const plan = planFor(env, { run: { id: "r1" } });

  it("pass the Pod Security restricted profile, with an explicit numeric user", () => {
    expect(plan.pods.length).toBeGreaterThan(0);
    for (const pod of plan.pods) {
      expect(restrictedViolations(pod)).toEqual([]);
      expect(pod.spec["securityContext"]).toMatchObject({ runAsNonRoot: true, runAsUser: 65534 });
      expect(container(pod.spec).securityContext).toMatchObject({ readOnlyRootFilesystem: true });
      expect(pod.spec).toMatchObject({
        automountServiceAccountToken: false,
        hostNetwork: false,
        restartPolicy: "Never",
      });
    }
  });

  it("the validator catches what restricted forbids", () => {
    const pod = plan.pods[0]!;
    const bad = { spec: { ...pod.spec, hostNetwork: true, securityContext: {} } };
    const c = container(bad.spec as Record<string, unknown>);
    (bad.spec as Record<string, unknown>)["containers"] = [{ ...c, securityContext: { privileged: true } }];
    const found = restrictedViolations(bad).join("\n");
    for (const control of [
      "hostNamespaces: spec.hostNetwork=true",
      "privileged: spec.containers[probe]",
      "allowPrivilegeEscalation: spec.containers[probe]",
      "capabilities: spec.containers[probe]",
      "runAsNonRoot: spec.containers[probe]",
      "seccompProfile: spec.containers[probe]",
    ])
      expect(found).toContain(control);
  });

  it("are never Ready: the readiness check always fails", () => {
    for (const pod of plan.pods)
      expect(container(pod.spec).readinessProbe.exec.command).toEqual(["/bin/sh", "-c", "exit 1"]);
  });

  it("carry exactly the caller's labels plus the run's own keys", () => {
    const api = plan.pods.find((p) => p.metadata.labels["app"] === "api")!;
    expect(api.metadata.labels).toEqual({
      app: "api",
      "netpol-rollout.io/probe": "pod",
      [PROBE_RUN_LABEL]: "r1",
    });
    expect(api.metadata.namespace).toBe("production");
  });

  it("are owned by the run object of their own namespace, as controller, without blockOwnerDeletion", () => {
    for (const pod of plan.pods) {
      const owner = plan.runObjects.find((r) => r.metadata.namespace === pod.metadata.namespace);
      expect(owner?.metadata.name).toBe(runObjectName({ id: "r1", environment: "production" }));
      expect(pod.metadata.ownerReferences).toEqual([
        { apiVersion: "v1", kind: "ConfigMap", name: owner?.metadata.name, uid: "", controller: true },
      ]);
      expect(withOwnerUid(pod, "u-1").metadata.ownerReferences[0]?.uid).toBe("u-1");
    }
    expect(plan.runObjects.map((r) => r.metadata.namespace)).toEqual(["ingress-nginx", "production"]);
  });

  it("have a deadline, opt out of sidecars, and name what created them", () => {
    for (const pod of plan.pods) {
      expect(pod.spec["activeDeadlineSeconds"]).toBe(300);
      expect(pod.metadata.annotations).toMatchObject({
        ...SIDECAR_OPT_OUT,
        "netpol-rollout.io/created-by": "netpol-rollout probe",
        "netpol-rollout.io/environment": "production",
      });
    }
  });

  it("take image and pull secrets from the options, and nothing that places or ranks them", () => {
    const source = plan.pods[0]!;
    const check = plan.checks.find((c) => c.from.pod === source.metadata.name)!;
    const pod = buildProbePod(
      { namespace: "production", labels: { app: "api" }, pod: "p" },
      [check],
      { id: "r1", environment: "production" },
      {
        image: "registry.example/probe:1",
        imagePullSecrets: ["pull"],
      },
    );
    expect(container(pod.spec).image).toBe("registry.example/probe:1");
    expect(pod.spec).toMatchObject({ imagePullSecrets: [{ name: "pull" }] });
    for (const field of [
      "nodeName",
      "nodeSelector",
      "affinity",
      "tolerations",
      "priorityClassName",
      "dnsConfig",
      "runtimeClassName",
      "volumes",
      "initContainers",
      "serviceAccountName",
    ])
      expect(pod.spec).not.toHaveProperty(field);
    expect(container(source.spec).image).toBe(DEFAULT_PROBE_IMAGE);
  });

  it("run the constant probe command, the checks as arguments named in order by an annotation", () => {
    const api = plan.pods.find((p) => p.metadata.labels["app"] === "api")!;
    const mine = plan.checks.filter((c) => c.from.pod === api.metadata.name && c.expect !== "cannot-check");
    const c = container(api.spec);
    expect(c.command).toEqual([...PROBE_COMMAND]);
    for (const pod of plan.pods) expect(container(pod.spec).command).toEqual([...PROBE_COMMAND]);
    expect(c.args[0]).toBe("3");
    expect(c.args.slice(1)).toEqual(mine.map((check) => checkArgument(scriptCheck(check)!)));
    for (const arg of c.args.slice(1)) expect(arg).toMatch(new RegExp(CHECK_ARGUMENT_PATTERN));
    expect(checkIdsOf(api)).toEqual(mine.map((check) => check.id));
    // Memory grows with the number of concurrent checks.
    expect(c.resources.limits.memory).toBe(`${64 + 8 * mine.length}Mi`);
  });
});
