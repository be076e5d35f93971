import { describe, expect, it } from "vitest";
import { formatIntentError, parseIntent, type EnvironmentIntent } from "../../action/src/intent/index.js";

const FILE = "policies/environments/production.yaml";

function load(text: string) {
  return parseIntent([{ path: FILE, text }]);
}

function env(text: string): EnvironmentIntent {
  const r = load(text);
  if (!r.ok) throw new Error(r.errors.map(formatIntentError).join("\n"));
  return r.intent.environments[0]!;
}

function errors(text: string): string[] {
  const r = load(text);
  if (r.ok) throw new Error("expected errors");
  return r.errors.map(formatIntentError);
}

const BASE = `promotion: 1
cni: cilium
namespaces:
  shop:
    services:
      api: { labels: { app: api }, ports: [8080] }
flows:
  - api -> example.com:443
`;

describe("clusters:", () => {
  it("is absent for an environment on one cluster, as before", () => {
    const e = env(BASE);
    expect(e.clusters).toBeUndefined();
    expect(e.waveSize).toBeUndefined();
  });

  it("keeps the clusters in listed order with how each is reached and what differs", () => {
    const e = env(`${BASE}clusters:
  - { name: eu-1, kubeconfigSecret: KUBECONFIG_EU_1, canary: true }
  - name: eu-2
    kubeconfigSecret: KUBECONFIG_EU_2
    context: eu-2-admin
    nodeCidrs: [10.2.0.0/16]
  - { name: us-1, context: us-1 }
waveSize: 2
`);
    expect(e.waveSize).toBe(2);
    expect(e.clusters).toEqual([
      {
        name: "eu-1",
        kubeconfigSecret: "KUBECONFIG_EU_1",
        canary: true,
        source: { file: FILE, line: 10, column: 5 },
      },
      {
        name: "eu-2",
        kubeconfigSecret: "KUBECONFIG_EU_2",
        context: "eu-2-admin",
        canary: false,
        nodeCidrs: ["10.2.0.0/16"],
        source: { file: FILE, line: 11, column: 5 },
      },
      { name: "us-1", context: "us-1", canary: false, source: { file: FILE, line: 15, column: 5 } },
    ]);
  });

  it("lets a cluster's cni decide its DNS mode unless the environment fixes it", () => {
    const text = (dns: string) => `promotion: 1
cni: calico
${dns}clusters:
  - { name: a, context: a, canary: true }
  - { name: b, context: b, cni: generic }
`;
    expect(env(text("")).clusters![1]).toMatchObject({ cni: "generic", dnsMode: "safe" });
    expect(env(text("dns: { mode: strict }\n")).clusters![1]!.dnsMode).toBeUndefined();
  });

  it("refuses bad names, repeated names and clusters reached the same way, at file:line", () => {
    expect(
      errors(`${BASE}clusters:
  - { name: EU_1, kubeconfigSecret: A, canary: true }
  - { name: eu-2, kubeconfigSecret: B }
  - { name: eu-2, kubeconfigSecret: C }
  - { name: eu-3, kubeconfigSecret: b }
`),
    ).toEqual([
      `${FILE}:10:13: cluster name 'EU_1' must be lowercase letters, digits and '-', starting and ending with a letter or digit`,
      `${FILE}:12:13: cluster 'eu-2' is already listed at line 11`,
      `${FILE}:13:5: cluster 'eu-3' is reached exactly as cluster 'eu-2' (line 11): both would be one cluster (give each cluster its own kubeconfigSecret or context)`,
    ]);
  });

  it("refuses a cluster with no way to reach it, and secret names GitHub would refuse", () => {
    expect(
      errors(`${BASE}clusters:
  - { name: a, canary: true }
  - { name: b, kubeconfigSecret: 1KUBE }
  - { name: c, kubeconfigSecret: GITHUB_KUBE }
`),
    ).toEqual([
      `${FILE}:10:5: cluster 'a' says nowhere how to reach it (give kubeconfigSecret (the GitHub secret holding its kubeconfig), context, or both)`,
      `${FILE}:11:34: kubeconfigSecret '1KUBE' must be letters, digits and '_', not starting with a digit (GitHub's rule for secret names)`,
      `${FILE}:12:34: kubeconfigSecret 'GITHUB_KUBE' must not start with GITHUB_ (GitHub reserves it)`,
    ]);
  });

  it("needs a canary among two clusters or more", () => {
    expect(
      errors(`${BASE}clusters:
  - { name: a, context: a }
  - { name: b, context: b }
`),
    ).toEqual([
      `${FILE}:9:1: none of the 2 clusters is a canary (write canary: true on the cluster that deploys and is probed before the others)`,
    ]);
    expect(env(`${BASE}clusters:\n  - { name: a, context: a }\n`).clusters).toHaveLength(1);
  });

  it("checks keys, types and values of a cluster like every other key", () => {
    expect(
      errors(`${BASE}clusters:
  - name: a
    context: a
    canary: yes
    kubeconfig: KUBE
    cni: calcio
    nodeCidrs: [10.0.0.1/16]
waveSize: 0
`),
    ).toEqual([
      `${FILE}:12:13: expected a canary flag, got 'yes'`,
      `${FILE}:13:5: unknown key 'kubeconfig' in 'clusters' (expected one of: name, kubeconfigSecret, context, canary, cni, nodeCidrs)`,
      `${FILE}:14:10: unknown cni 'calcio' (did you mean 'calico'?)`,
      `${FILE}:15:17: node CIDR of cluster 'a': '10.0.0.1/16' has host bits set (did you mean 10.0.0.0/16? For the single address write 10.0.0.1/32)`,
      `${FILE}:16:11: 'waveSize' 0 is out of range: wave size must be at least 1`,
    ]);
  });

  it("refuses waveSize without clusters and an empty list", () => {
    expect(errors(`${BASE}waveSize: 3\n`)).toEqual([
      `${FILE}:9:1: waveSize needs clusters: it sets how many clusters deploy at once`,
    ]);
    expect(errors(`${BASE}clusters: []\n`)).toEqual([
      `${FILE}:9:1: clusters: is empty (list the clusters, or leave the key out for one cluster)`,
    ]);
  });

  it("refuses a cluster whose own cni lacks what the intent uses, naming the declaration", () => {
    expect(
      errors(`${BASE}clusters:
  - { name: a, context: a, canary: true }
  - { name: b, context: b, cni: calico }
`),
    ).toEqual([
      `${FILE}:11:33: cluster 'b' runs cni calico, which does not support FQDN egress, needed by flow 'api -> example.com:443' (${FILE}:8) (calico: standard Calico has no FQDN egress in NetworkPolicy)`,
    ]);
  });
});
