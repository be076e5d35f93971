import { describe, expect, it } from "vitest";
import { restrictedViolations } from "../helpers/pod-security.js";

const restricted = () => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", namespace: "n" },
  spec: {
    securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: "RuntimeDefault" } },
    containers: [
      {
        name: "c",
        image: "img",
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ["ALL"] },
          readOnlyRootFilesystem: true,
        },
      },
    ],
  },
});

describe("the Pod Security restricted validator", () => {
  it("admits a pod that meets every control", () => {
    expect(restrictedViolations(restricted())).toEqual([]);
  });

  it.each([
    [
      "host network",
      (p: ReturnType<typeof restricted>) => Object.assign(p.spec, { hostNetwork: true }),
      "hostNamespaces",
    ],
    [
      "a hostPath volume",
      (p: ReturnType<typeof restricted>) =>
        Object.assign(p.spec, { volumes: [{ name: "h", hostPath: { path: "/" } }] }),
      "hostPathVolumes",
    ],
    [
      "a host port",
      (p: ReturnType<typeof restricted>) =>
        Object.assign(p.spec.containers[0] as object, { ports: [{ containerPort: 80, hostPort: 80 }] }),
      "hostPorts",
    ],
    [
      "privilege escalation allowed by default",
      (p: ReturnType<typeof restricted>) =>
        delete (p.spec.containers[0]?.securityContext as Record<string, unknown>).allowPrivilegeEscalation,
      "allowPrivilegeEscalation",
    ],
    [
      "capabilities not dropped",
      (p: ReturnType<typeof restricted>) =>
        ((p.spec.containers[0]?.securityContext as Record<string, unknown>).capabilities = {}),
      "capabilities",
    ],
    [
      "NET_RAW added",
      (p: ReturnType<typeof restricted>) =>
        ((p.spec.containers[0]?.securityContext as Record<string, unknown>).capabilities = {
          drop: ["ALL"],
          add: ["NET_RAW"],
        }),
      "capabilities",
    ],
    [
      "runAsNonRoot missing",
      (p: ReturnType<typeof restricted>) =>
        delete (p.spec.securityContext as Record<string, unknown>).runAsNonRoot,
      "runAsNonRoot",
    ],
    [
      "root user",
      (p: ReturnType<typeof restricted>) =>
        ((p.spec.securityContext as Record<string, unknown>).runAsUser = 0),
      "runAsUser",
    ],
    [
      "no seccomp profile",
      (p: ReturnType<typeof restricted>) =>
        delete (p.spec.securityContext as Record<string, unknown>).seccompProfile,
      "seccompProfile",
    ],
    [
      "a privileged container",
      (p: ReturnType<typeof restricted>) =>
        ((p.spec.containers[0]?.securityContext as Record<string, unknown>).privileged = true),
      "privileged",
    ],
  ])("refuses %s", (_name, mutate, control) => {
    const pod = restricted();
    mutate(pod);
    expect(restrictedViolations(pod).join("\n")).toContain(`${control}:`);
  });
});
