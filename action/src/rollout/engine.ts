/**
 * What the Pulumi engine reports about a stack: the resource operations of a preview or an
 * update, the steps an update completed, and a deploy's result. Plain data: the engine
 * ports (`ports/engine.ts`) return it, the reports render it.
 */
import type { StackOutputs } from "./outputs.js";

/** One resource operation from a Pulumi preview or update (from engine events). */
export interface ResourceOperation {
  /** Pulumi's op: create, update, delete, replace, create-replacement, delete-replaced, same, read… */
  op: string;
  /** Kubernetes kind, e.g. "NetworkPolicy"; the Pulumi type token when not a Kubernetes resource. */
  kind: string;
  /** "namespace/name" as the resource is named in the cluster, or the Pulumi logical name. */
  name: string;
  /** Top-level input keys that differ (from the step's diffs/detailedDiff), e.g. ["spec"]. */
  changedKeys: string[];
}

export type EnginePreview =
  | { status: "ok"; stack: string; operations: ResourceOperation[] }
  /** The engine part could not run here (no CLI, no credentials, a fork): say why. */
  | { status: "skipped"; reason: string }
  | { status: "failed"; stack: string; error: string };

/** A resource step the engine finished, in the order it finished them. */
export interface CompletedStep {
  op: string;
  kind: string;
  name: string;
}

export interface DeployResult {
  stack: string;
  /** One per resource, in the order the engine first mentioned them (like a preview's). */
  operations: ResourceOperation[];
  /** Completed steps in engine order: a default-deny is created after its namespace's allows. */
  completed: CompletedStep[];
  /** As the program returned them, read back through `readStackOutputs`. */
  outputs: StackOutputs;
}

/** Where a deploy would go, as the engine itself sees it before changing anything. */
export interface EngineTarget {
  /**
   * The uid of the kube-system namespace the program read through its Kubernetes provider
   * (its `clusterUid` output); undefined when the program reports none.
   */
  clusterUid?: string;
}
