/** The inputs of the commands that reach a cluster: which one, where records live, how probes run. */
import { resolve } from "node:path";
import { parseRecordKeys, RecordKeyError } from "../rollout/record-key.js";
import type { Inputs } from "./inputs.js";
import type { ClusterSettings } from "./types.js";

/** A Kubernetes namespace name (RFC 1123 label). */
const NAMESPACE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A Kubernetes object name (RFC 1123 subdomain), for image pull Secrets. */
const OBJECT_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
/** An image reference: no spaces, no shell or YAML specials. */
const IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;

/** The inputs naming the cluster and how to probe it; a relative kubeconfig is resolved in `workspace`. */
export function parseClusterInputs(inputs: Inputs, workspace: string): ClusterSettings {
  const { problems } = inputs;
  const cluster: ClusterSettings = {
    stateNamespace: inputs.text("state-namespace") || "netpol-rollout",
    recordKeys: [],
    probe: { imagePullSecrets: [], timeoutSeconds: 3 },
  };
  try {
    cluster.recordKeys = parseRecordKeys(inputs.text("record-key"));
  } catch (error) {
    if (!(error instanceof RecordKeyError)) throw error;
    problems.push(error.message);
  }
  if (!NAMESPACE_NAME.test(cluster.stateNamespace)) {
    problems.push(
      `state-namespace: "${cluster.stateNamespace}" is not a namespace name (lower-case letters, digits and -, at most 63)`,
    );
  }
  const kubeconfig = inputs.text("kubeconfig");
  if (kubeconfig !== "") cluster.kubeconfig = resolve(workspace, kubeconfig);
  const context = inputs.text("context");
  if (context !== "") {
    if (/[\s\0]/.test(context)) problems.push(`context: "${context}" is not a kubeconfig context name`);
    cluster.context = context;
  }
  const image = inputs.text("probe-image");
  if (image !== "") {
    if (!IMAGE_REF.test(image)) problems.push(`probe-image: "${image}" is not an image reference`);
    cluster.probe.image = image;
  }
  for (const name of inputs.list("probe-image-pull-secrets")) {
    if (!OBJECT_NAME.test(name)) problems.push(`probe-image-pull-secrets: "${name}" is not a Secret name`);
    else cluster.probe.imagePullSecrets.push(name);
  }
  const lockWait = inputs.text("lock-wait");
  if (lockWait !== "") {
    const seconds = Number(lockWait);
    // A GitHub-hosted job runs for at most 6 hours.
    if (!/^\d+$/.test(lockWait) || seconds > 21_600) {
      problems.push(`lock-wait: "${lockWait}" is not a whole number of seconds from 0 to 21600`);
    } else {
      cluster.lockWaitSeconds = seconds;
    }
  }
  const timeout = inputs.text("probe-timeout");
  if (timeout !== "") {
    const seconds = Number(timeout);
    if (!/^\d+$/.test(timeout) || seconds < 1 || seconds > 30) {
      problems.push(`probe-timeout: "${timeout}" is not a whole number of seconds from 1 to 30`);
    } else {
      cluster.probe.timeoutSeconds = seconds;
    }
  }
  const settle = inputs.text("settle-seconds");
  if (settle !== "") {
    const seconds = Number(settle);
    if (!/^\d+$/.test(settle) || seconds > 300) {
      problems.push(`settle-seconds: "${settle}" is not a whole number of seconds from 0 to 300`);
    } else {
      cluster.probe.settleSeconds = seconds;
    }
  }
  return cluster;
}
