/**
 * The Pulumi program: one stack deploys one environment's compiled bundle in a stage, plus
 * the optional guards, and records what it deployed in its outputs.
 *
 * Everything that can be wrong (config, intent, a recorded bundle file, a refused object)
 * is found before the first resource is registered, so a failed run registers nothing and
 * the engine changes nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type { GuardResource } from "../action/src/rollout/guards.js";
import type { StackOutputs } from "../action/src/rollout/outputs.js";
import type { PlannedResource } from "../action/src/rollout/plan.js";
import { planStack } from "../action/src/rollout/stack.js";
import type { StackInput } from "../action/src/rollout/stack.js";

export interface DefineOptions {
  /** An explicit Kubernetes provider; default: the default provider (kubernetes:kubeconfig, kubernetes:context, KUBECONFIG). */
  provider?: pulumi.ProviderResource;
}

export interface DefinedStack {
  outputs: StackOutputs;
  /** Every resource registered, policies first (in plan order), then guards. */
  resources: pulumi.Resource[];
}

/** Registers the stack's resources; `outputs` are what the program returns as stack outputs. */
export function defineStack(input: StackInput, options: DefineOptions = {}): DefinedStack {
  const { rollout, guards, outputs } = planStack(input);
  const base: pulumi.CustomResourceOptions =
    options.provider === undefined ? {} : { provider: options.provider };

  const resources: pulumi.Resource[] = [];
  const registered = new Map<string, pulumi.Resource>();
  for (const planned of rollout.resources) {
    const dependsOn = planned.dependsOn.map((key) => {
      const dependency = registered.get(key);
      // The plan lists allows before the denies that depend on them.
      if (dependency === undefined)
        throw new Error(`internal: ${planned.key} depends on unregistered ${key}`);
      return dependency;
    });
    const resource = registerPolicy(planned, { ...base, dependsOn });
    registered.set(planned.key, resource);
    resources.push(resource);
  }

  for (const message of guards.notes) void pulumi.log.info(message);
  for (const message of guards.warnings) void pulumi.log.warn(message);
  const roles: pulumi.Resource[] = [];
  for (const guard of guards.resources) {
    const resource = registerGuard(
      guard,
      guard.kind === "ClusterPolicy" ? { ...base, dependsOn: roles } : base,
    );
    if (guard.kind === "ClusterRole") roles.push(resource);
    resources.push(resource);
  }
  return { outputs, resources };
}

function registerPolicy(planned: PlannedResource, opts: pulumi.CustomResourceOptions): pulumi.Resource {
  const manifest = planned.object.manifest;
  if (manifest.kind === "NetworkPolicy") {
    return new k8s.networking.v1.NetworkPolicy(
      planned.logicalName,
      { metadata: manifest.metadata, spec: manifest.spec as k8s.types.input.networking.v1.NetworkPolicySpec },
      opts,
    );
  }
  return new k8s.apiextensions.CustomResource(
    planned.logicalName,
    {
      apiVersion: manifest.apiVersion,
      kind: manifest.kind,
      metadata: manifest.metadata,
      spec: manifest.spec,
    },
    opts,
  );
}

function registerGuard(guard: GuardResource, opts: pulumi.CustomResourceOptions): pulumi.Resource {
  const { apiVersion, kind, metadata, ...rest } = guard.manifest;
  if (kind === "ClusterRole") {
    return new k8s.rbac.v1.ClusterRole(
      guard.logicalName,
      { metadata, rules: rest["rules"] as k8s.types.input.rbac.v1.PolicyRule[] },
      opts,
    );
  }
  return new k8s.apiextensions.CustomResource(
    guard.logicalName,
    { apiVersion, kind, metadata, ...rest },
    opts,
  );
}
