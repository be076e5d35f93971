/**
 * The matcher, rule by rule, from the NetworkPolicy v1 API reference
 * (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/)
 * and the upstream conformance model (kubernetes test/e2e/network/netpol: namespaces x, y, z
 * with pods a, b, c serving 80 and 81 on TCP and UDP, named serve-<port>-<proto>).
 */
import { describe, expect, it } from "vitest";
import { CNI_PROFILES, type CniProfile } from "../../action/src/cni/profiles.js";
import type {
  ContainerPort,
  NetworkPolicy,
  NetworkPolicySpec,
  Pod,
  Protocol,
} from "../../action/src/k8s/types.js";
import { buildModel } from "../../action/src/semantics/model.js";
import { evaluate, EndpointError } from "../../action/src/semantics/evaluate.js";
import { explainVerdict } from "../../action/src/semantics/explain.js";
import { ns, pod, policy } from "./fixtures.js";

const servePorts = (extra: ContainerPort[] = []): ContainerPort[] => [
  { name: "serve-80-tcp", containerPort: 80, protocol: "TCP" },
  { name: "serve-81-tcp", containerPort: 81, protocol: "TCP" },
  { name: "serve-80-udp", containerPort: 80, protocol: "UDP" },
  { name: "serve-81-udp", containerPort: 81, protocol: "UDP" },
  ...extra,
];

function cluster(): { pods: Pod[]; namespaces: ReturnType<typeof ns>[] } {
  const namespaces = [ns("x", { ns: "x" }), ns("y", { ns: "y" }), ns("z")];
  const pods: Pod[] = [];
  ["x", "y", "z"].forEach((n, i) =>
    ["a", "b", "c"].forEach((p, j) => {
      const ports = n === "y" && p === "c" ? [{ name: "other-81", containerPort: 81 }] : servePorts();
      const ip = n === "z" ? [`10.0.${i + 1}.${j + 1}`, `fd00::${i + 1}:${j + 1}`] : `10.0.${i + 1}.${j + 1}`;
      pods.push(pod(`${n}/${p}`, { pod: p, app: p }, { ports, ip }));
    }),
  );
  pods.push(pod("x/d", { app: "d", tier: "db" }, { ports: servePorts(), ip: "10.0.1.4" }));
  pods.push(pod("x/e", { app: "e", tier: "web" }, { ports: servePorts(), ip: "10.0.1.5" }));
  pods.push(
    pod(
      "x/dns",
      { app: "dns" },
      { ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }], ip: "10.0.1.6" },
    ),
  );
  pods.push(pod("x/range", { app: "range" }, { ports: [{ containerPort: 8005 }], ip: "10.0.1.7" }));
  return { pods, namespaces };
}

interface Case {
  rule: string;
  policies: NetworkPolicy[];
  from: string;
  to: string;
  port: number;
  protocol?: Protocol;
  allowed: boolean;
  explanation: string;
  profile?: CniProfile;
}

const ingressPolicy = (key: string, ingress: NetworkPolicySpec["ingress"], podSelector = {}): NetworkPolicy =>
  policy(key, { podSelector, policyTypes: ["Ingress"], ...(ingress ? { ingress } : {}) });
const egressPolicy = (key: string, egress: NetworkPolicySpec["egress"], podSelector = {}): NetworkPolicy =>
  policy(key, { podSelector, policyTypes: ["Egress"], ...(egress ? { egress } : {}) });

const noEndPort: CniProfile = {
  ...CNI_PROFILES.generic,
  name: "generic",
  endPortSupported: false,
  notes: { ...CNI_PROFILES.generic.notes },
};

const cases: Case[] = [
  // Isolation and policyTypes defaulting.
  {
    rule: "no policy selects a pod: everything allowed",
    policies: [],
    from: "x/a",
    to: "y/b",
    port: 80,
    allowed: true,
    explanation: "ingress at y/b not isolated",
  },
  {
    rule: "policyTypes omitted: every policy isolates ingress",
    policies: [policy("x/deny", { podSelector: {} })],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "ingress at x/a isolated by x/deny",
  },
  {
    rule: "policyTypes omitted and no egress rules: egress is not isolated",
    policies: [policy("x/deny", { podSelector: {} })],
    from: "x/a",
    to: "y/a",
    port: 80,
    allowed: true,
    explanation: "egress at x/a not isolated",
  },
  {
    rule: "policyTypes omitted with egress rules: an egress-only policy also isolates ingress",
    policies: [policy("x/egress-only", { podSelector: {}, egress: [{}] })],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "ingress at x/a isolated by x/egress-only",
  },
  {
    rule: "policyTypes omitted with egress rules: egress isolated and allowed by the rule",
    policies: [policy("x/egress-only", { podSelector: {}, egress: [{ ports: [{ port: 81 }] }] })],
    from: "x/a",
    to: "y/a",
    port: 80,
    allowed: false,
    explanation: "egress at x/a isolated by x/egress-only",
  },
  {
    rule: "policyTypes omitted with egress: [] (empty list): egress not isolated",
    policies: [policy("x/empty-egress", { podSelector: {}, egress: [] })],
    from: "x/a",
    to: "y/a",
    port: 80,
    allowed: true,
    explanation: "egress at x/a not isolated",
  },
  {
    rule: "policyTypes [Ingress] ignores egress rules",
    policies: [
      policy("x/p", { podSelector: {}, policyTypes: ["Ingress"], egress: [{ ports: [{ port: 9 }] }] }),
    ],
    from: "x/a",
    to: "y/a",
    port: 80,
    allowed: true,
    explanation: "egress at x/a not isolated",
  },
  {
    rule: "policyTypes [Egress] without rules denies all egress",
    policies: [egressPolicy("x/deny-egress", undefined)],
    from: "x/a",
    to: "y/a",
    port: 80,
    allowed: false,
    explanation: "egress at x/a isolated by x/deny-egress; no egress rule allows y/a on 80/TCP",
  },
  {
    rule: "policyTypes [Egress] leaves ingress open",
    policies: [egressPolicy("x/deny-egress", undefined)],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "ingress at x/a not isolated",
  },
  {
    rule: "a connection needs egress at the source AND ingress at the destination",
    policies: [
      ingressPolicy("x/allow-b", [{ from: [{ podSelector: { matchLabels: { app: "b" } } }] }]),
      egressPolicy("x/deny-egress", [], { matchLabels: { app: "b" } }),
    ],
    from: "x/b",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "blocked: egress at x/b isolated by x/deny-egress",
  },
  {
    rule: "allows are the union over all policies selecting the pod",
    policies: [
      ingressPolicy("x/allow-b", [{ from: [{ podSelector: { matchLabels: { app: "b" } } }] }]),
      ingressPolicy("x/allow-y", [{ from: [{ namespaceSelector: { matchLabels: { ns: "y" } } }] }]),
    ],
    from: "y/c",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "allowed by x/allow-y ingress rule 1",
  },
  {
    rule: "a policy's podSelector selects pods of its own namespace only",
    policies: [ingressPolicy("x/deny-a", [], { matchLabels: { app: "a" } })],
    from: "z/c",
    to: "y/a",
    port: 80,
    allowed: true,
    explanation: "ingress at y/a not isolated",
  },
  // Rules: empty vs absent.
  {
    rule: "ingress: [{}] allows everything",
    policies: [ingressPolicy("x/allow-all", [{}])],
    from: "z/c",
    to: "x/a",
    port: 81,
    protocol: "UDP",
    allowed: true,
    explanation: "allowed by x/allow-all ingress rule 1",
  },
  {
    rule: "ingress: [] denies everything",
    policies: [ingressPolicy("x/deny-all", [])],
    from: "x/b",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/deny-all; no ingress rule allows x/b",
  },
  {
    rule: "from: [] (empty) matches every source",
    policies: [ingressPolicy("x/p", [{ from: [], ports: [{ port: 80 }] }])],
    from: "z/b",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "to: [] (empty) matches every destination",
    policies: [egressPolicy("x/p", [{ to: [], ports: [{ port: 80 }] }])],
    from: "x/a",
    to: "203.0.113.9",
    port: 80,
    allowed: true,
    explanation: "egress at x/a allowed by x/p egress rule 1",
  },
  {
    rule: "ports: [] (empty) matches every port and protocol",
    policies: [ingressPolicy("x/p", [{ ports: [] }])],
    from: "y/a",
    to: "x/a",
    port: 81,
    protocol: "UDP",
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "ports: [{}] matches every TCP port",
    policies: [ingressPolicy("x/p", [{ ports: [{}] }])],
    from: "y/a",
    to: "x/a",
    port: 81,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "ports: [{}] does not match UDP (protocol defaults to TCP)",
    policies: [ingressPolicy("x/p", [{ ports: [{}] }])],
    from: "y/a",
    to: "x/a",
    port: 81,
    protocol: "UDP",
    allowed: false,
    explanation: "no ingress rule allows y/a on 81/UDP",
  },
  {
    rule: "port omitted: every port of the entry's protocol",
    policies: [ingressPolicy("x/p", [{ ports: [{ protocol: "UDP" }] }])],
    from: "y/a",
    to: "x/a",
    port: 81,
    protocol: "UDP",
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "port omitted with UDP does not match TCP",
    policies: [ingressPolicy("x/p", [{ ports: [{ protocol: "UDP" }] }])],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "protocol defaults to TCP: port 80 does not allow 80/UDP",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 80 }] }])],
    from: "y/a",
    to: "x/a",
    port: 80,
    protocol: "UDP",
    allowed: false,
    explanation: "on 80/UDP",
  },
  {
    rule: "SCTP is distinct from TCP",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 80, protocol: "SCTP" }] }])],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "on 80/TCP",
  },
  {
    rule: "SCTP port entry allows SCTP",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 80, protocol: "SCTP" }] }])],
    from: "y/a",
    to: "x/a",
    port: 80,
    protocol: "SCTP",
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "SCTP on a profile without SCTP support carries the profile note",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 80, protocol: "SCTP" }] }])],
    from: "y/a",
    to: "x/a",
    port: 80,
    protocol: "SCTP",
    allowed: true,
    explanation: "cilium: SCTP policy support is off by default",
    profile: CNI_PROFILES.cilium,
  },
  // Peers.
  {
    rule: "podSelector alone selects pods in the policy's namespace",
    policies: [ingressPolicy("x/p", [{ from: [{ podSelector: { matchLabels: { app: "b" } } }] }])],
    from: "x/b",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "podSelector alone does not select pods of other namespaces",
    policies: [ingressPolicy("x/p", [{ from: [{ podSelector: { matchLabels: { app: "b" } } }] }])],
    from: "y/b",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "no ingress rule allows y/b",
  },
  {
    rule: "namespaceSelector alone selects every pod of matching namespaces",
    policies: [ingressPolicy("x/p", [{ from: [{ namespaceSelector: { matchLabels: { ns: "y" } } }] }])],
    from: "y/c",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "namespaceSelector alone does not select the policy's own namespace unless it matches",
    policies: [ingressPolicy("x/p", [{ from: [{ namespaceSelector: { matchLabels: { ns: "y" } } }] }])],
    from: "x/b",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "namespaceSelector and podSelector in one peer: both must match (AND)",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [
            { namespaceSelector: { matchLabels: { ns: "y" } }, podSelector: { matchLabels: { app: "b" } } },
          ],
        },
      ]),
    ],
    from: "y/b",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "AND peer: right namespace, wrong pod is blocked",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [
            { namespaceSelector: { matchLabels: { ns: "y" } }, podSelector: { matchLabels: { app: "b" } } },
          ],
        },
      ]),
    ],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "AND peer: right pod, wrong namespace is blocked",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [
            { namespaceSelector: { matchLabels: { ns: "y" } }, podSelector: { matchLabels: { app: "b" } } },
          ],
        },
      ]),
    ],
    from: "x/b",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "separate peers are ORed: namespace y (any pod)",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [
            { namespaceSelector: { matchLabels: { ns: "y" } } },
            { podSelector: { matchLabels: { app: "b" } } },
          ],
        },
      ]),
    ],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "separate peers are ORed: app=b in the policy's namespace",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [
            { namespaceSelector: { matchLabels: { ns: "y" } } },
            { podSelector: { matchLabels: { app: "b" } } },
          ],
        },
      ]),
    ],
    from: "x/b",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "separate peers are ORed: neither matches",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [
            { namespaceSelector: { matchLabels: { ns: "y" } } },
            { podSelector: { matchLabels: { app: "b" } } },
          ],
        },
      ]),
    ],
    from: "z/b",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "empty podSelector selects every pod of the policy's namespace",
    policies: [ingressPolicy("x/p", [{ from: [{ podSelector: {} }] }])],
    from: "x/c",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "empty podSelector does not reach into other namespaces",
    policies: [ingressPolicy("x/p", [{ from: [{ podSelector: {} }] }])],
    from: "y/c",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "empty namespaceSelector selects every pod of every namespace",
    policies: [ingressPolicy("x/p", [{ from: [{ namespaceSelector: {} }] }])],
    from: "z/c",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "empty namespaceSelector does not match addresses outside the cluster",
    policies: [ingressPolicy("x/p", [{ from: [{ namespaceSelector: {} }] }])],
    from: "203.0.113.9",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "no ingress rule allows 203.0.113.9",
  },
  {
    rule: "kubernetes.io/metadata.name selects a namespace that declares no labels",
    policies: [
      ingressPolicy("x/p", [
        { from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "z" } } }] },
      ]),
    ],
    from: "z/a",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "matchExpressions In",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [{ podSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["b", "c"] }] } }],
        },
      ]),
    ],
    from: "x/c",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "matchExpressions In: other values do not match",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [{ podSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["b", "c"] }] } }],
        },
      ]),
    ],
    from: "x/d",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "matchExpressions NotIn matches pods without the key",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [{ podSelector: { matchExpressions: [{ key: "tier", operator: "NotIn", values: ["db"] }] } }],
        },
      ]),
    ],
    from: "x/b",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "matchExpressions NotIn excludes the listed value",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [{ podSelector: { matchExpressions: [{ key: "tier", operator: "NotIn", values: ["db"] }] } }],
        },
      ]),
    ],
    from: "x/d",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "matchExpressions Exists",
    policies: [
      ingressPolicy("x/p", [
        { from: [{ podSelector: { matchExpressions: [{ key: "tier", operator: "Exists" }] } }] },
      ]),
    ],
    from: "x/e",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "matchExpressions Exists: pods without the key do not match",
    policies: [
      ingressPolicy("x/p", [
        { from: [{ podSelector: { matchExpressions: [{ key: "tier", operator: "Exists" }] } }] },
      ]),
    ],
    from: "x/b",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "matchExpressions DoesNotExist matches pods without the key",
    policies: [
      ingressPolicy("x/p", [
        { from: [{ podSelector: { matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] } }] },
      ]),
    ],
    from: "x/b",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "matchExpressions DoesNotExist: pods with the key do not match",
    policies: [
      ingressPolicy("x/p", [
        { from: [{ podSelector: { matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] } }] },
      ]),
    ],
    from: "x/e",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "matchLabels and matchExpressions are ANDed",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [
            {
              podSelector: {
                matchLabels: { app: "d" },
                matchExpressions: [{ key: "tier", operator: "In", values: ["web"] }],
              },
            },
          ],
        },
      ]),
    ],
    from: "x/d",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "namespaceSelector with matchExpressions NotIn matches namespaces without the key",
    policies: [
      ingressPolicy("x/p", [
        {
          from: [
            { namespaceSelector: { matchExpressions: [{ key: "ns", operator: "NotIn", values: ["y"] }] } },
          ],
        },
      ]),
    ],
    from: "z/a",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  // ipBlock.
  {
    rule: "ipBlock allows egress to an external address in the CIDR",
    policies: [
      egressPolicy("x/p", [{ to: [{ ipBlock: { cidr: "198.51.100.0/24" } }], ports: [{ port: 443 }] }]),
    ],
    from: "x/a",
    to: "198.51.100.7",
    port: 443,
    allowed: true,
    explanation:
      "egress at x/a allowed by x/p egress rule 1; ingress not enforced (198.51.100.7 is outside the cluster)",
  },
  {
    rule: "ipBlock does not match an address outside the CIDR",
    policies: [
      egressPolicy("x/p", [{ to: [{ ipBlock: { cidr: "198.51.100.0/24" } }], ports: [{ port: 443 }] }]),
    ],
    from: "x/a",
    to: "198.51.101.7",
    port: 443,
    allowed: false,
    explanation: "no egress rule allows 198.51.101.7 on 443/TCP",
  },
  {
    rule: "ipBlock except removes addresses",
    policies: [
      egressPolicy("x/p", [{ to: [{ ipBlock: { cidr: "172.16.0.0/12", except: ["172.20.0.0/16"] } }] }]),
    ],
    from: "x/a",
    to: "172.20.1.1",
    port: 443,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "ipBlock except keeps the rest of the CIDR",
    policies: [
      egressPolicy("x/p", [{ to: [{ ipBlock: { cidr: "172.16.0.0/12", except: ["172.20.0.0/16"] } }] }]),
    ],
    from: "x/a",
    to: "172.21.1.1",
    port: 443,
    allowed: true,
    explanation: "x/p egress rule 1",
  },
  {
    rule: "IPv6 ipBlock",
    policies: [
      egressPolicy("x/p", [{ to: [{ ipBlock: { cidr: "2001:db8::/32", except: ["2001:db8:dead::/48"] } }] }]),
    ],
    from: "x/a",
    to: "2001:db8:1::1",
    port: 443,
    allowed: true,
    explanation: "x/p egress rule 1",
  },
  {
    rule: "IPv6 ipBlock except",
    policies: [
      egressPolicy("x/p", [{ to: [{ ipBlock: { cidr: "2001:db8::/32", except: ["2001:db8:dead::/48"] } }] }]),
    ],
    from: "x/a",
    to: "2001:db8:dead::1",
    port: 443,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "an IPv4 ipBlock does not match IPv6 addresses",
    policies: [egressPolicy("x/p", [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }])],
    from: "x/a",
    to: "2001:db8::1",
    port: 443,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "traffic from outside the cluster is judged at the pod only",
    policies: [ingressPolicy("x/p", [{ from: [{ ipBlock: { cidr: "203.0.113.0/24" } }] }])],
    from: "203.0.113.9",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation:
      "egress not enforced (203.0.113.9 is outside the cluster); ingress at x/a allowed by x/p ingress rule 1",
  },
  {
    rule: "traffic to outside the cluster from a non-isolated pod is allowed",
    policies: [],
    from: "x/a",
    to: "8.8.8.8",
    port: 53,
    protocol: "UDP",
    allowed: true,
    explanation: "egress at x/a not isolated",
  },
  {
    rule: "ipBlock matches pod IPs on the generic profile",
    policies: [ingressPolicy("x/p", [{ from: [{ ipBlock: { cidr: "10.0.2.0/24" } }] }])],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "generic: ipBlock matches pod IPs too",
  },
  {
    rule: "ipBlock does not match pod IPs on cilium",
    policies: [ingressPolicy("x/p", [{ from: [{ ipBlock: { cidr: "10.0.2.0/24" } }] }])],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "cilium: CIDR rules do not select traffic between cluster-managed endpoints",
    profile: CNI_PROFILES.cilium,
  },
  {
    rule: "ipBlock except applies to pod IPs",
    policies: [
      ingressPolicy("x/p", [{ from: [{ ipBlock: { cidr: "10.0.0.0/16", except: ["10.0.2.0/24"] } }] }]),
    ],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "egress ipBlock to a pod IP (destination named by its IP) on calico",
    policies: [egressPolicy("x/p", [{ to: [{ ipBlock: { cidr: "10.0.2.2/32" } }] }])],
    from: "x/a",
    to: "10.0.2.2",
    port: 80,
    allowed: true,
    explanation: "calico: ipBlock matches pod IPs",
    profile: CNI_PROFILES.calico,
  },
  {
    rule: "IPv6 ipBlock matches a dual-stack pod's IPv6 address",
    policies: [
      ingressPolicy("z/p", [{ from: [{ ipBlock: { cidr: "fd00::/64" } }] }], { matchLabels: { app: "b" } }),
    ],
    from: "z/a",
    to: "fd00::3:2",
    port: 80,
    allowed: true,
    explanation: "ingress at z/b allowed by z/p ingress rule 1",
  },
  {
    rule: "the same pods over IPv4 are outside the IPv6 ipBlock",
    policies: [
      ingressPolicy("z/p", [{ from: [{ ipBlock: { cidr: "fd00::/64" } }] }], { matchLabels: { app: "b" } }),
    ],
    from: "z/a",
    to: "10.0.3.2",
    port: 80,
    allowed: false,
    explanation: "ingress at z/b isolated by z/p",
  },
  // Named ports.
  {
    rule: "a named port resolves against the destination pod (ingress)",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: "serve-80-tcp" }] }])],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "a named port does not match other port numbers",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: "serve-80-tcp" }] }])],
    from: "y/a",
    to: "x/a",
    port: 81,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "a named port must match the container port's protocol",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: "dns", protocol: "TCP" }] }])],
    from: "x/a",
    to: "x/dns",
    port: 53,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "a named port with the container port's protocol",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: "dns", protocol: "UDP" }] }])],
    from: "x/a",
    to: "x/dns",
    port: 53,
    protocol: "UDP",
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "an egress named port resolves against the destination pod's ports",
    policies: [egressPolicy("x/p", [{ ports: [{ port: "serve-81-tcp" }] }])],
    from: "x/a",
    to: "y/b",
    port: 81,
    allowed: true,
    explanation: "egress at x/a allowed by x/p egress rule 1",
  },
  {
    rule: "an egress named port: a destination whose port 81 has another name does not match",
    policies: [egressPolicy("x/p", [{ ports: [{ port: "serve-81-tcp" }] }])],
    from: "x/a",
    to: "y/c",
    port: 81,
    allowed: false,
    explanation: "egress at x/a isolated by x/p",
  },
  {
    rule: "an egress named port never matches an address outside the cluster",
    policies: [egressPolicy("x/p", [{ ports: [{ port: "serve-80-tcp" }] }])],
    from: "x/a",
    to: "198.51.100.1",
    port: 80,
    allowed: false,
    explanation: "isolated by x/p",
  },
  // endPort.
  {
    rule: "endPort: a port inside the range",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 8000, endPort: 8010 }] }])],
    from: "x/a",
    to: "x/range",
    port: 8005,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "endPort: a port inside the range carries the endPort note",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 8000, endPort: 8010 }] }])],
    from: "x/a",
    to: "x/range",
    port: 8005,
    allowed: true,
    explanation: "a CNI without endPort support would match port 8000 only",
  },
  {
    rule: "endPort: the range is inclusive",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 8000, endPort: 8010 }] }])],
    from: "x/a",
    to: "x/range",
    port: 8010,
    allowed: true,
    explanation: "x/p ingress rule 1",
  },
  {
    rule: "endPort: a port after the range",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 8000, endPort: 8010 }] }])],
    from: "x/a",
    to: "x/range",
    port: 8011,
    allowed: false,
    explanation: "isolated by x/p",
  },
  {
    rule: "endPort on a CNI without endPort support matches the first port only",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 8000, endPort: 8010 }] }])],
    from: "x/a",
    to: "x/range",
    port: 8005,
    allowed: false,
    explanation: "endPort is not supported, so the range 8000-8010 matches port 8000 only",
    profile: noEndPort,
  },
  {
    rule: "endPort on a CNI without endPort support: the first port still matches",
    policies: [ingressPolicy("x/p", [{ ports: [{ port: 8000, endPort: 8010 }] }])],
    from: "x/a",
    to: "x/range",
    port: 8000,
    allowed: true,
    explanation: "x/p ingress rule 1",
    profile: noEndPort,
  },
  // Pod IPs name their pod.
  {
    rule: "a pod IP as destination is the pod (both sides judged)",
    policies: [ingressPolicy("y/deny", [])],
    from: "x/a",
    to: "10.0.2.1",
    port: 80,
    allowed: false,
    explanation: "ingress at y/a isolated by y/deny",
  },
  {
    rule: "a pod connecting to itself is judged like any pair, with a note",
    policies: [ingressPolicy("x/deny", [])],
    from: "x/a",
    to: "x/a",
    port: 80,
    allowed: false,
    explanation: "a pod connecting to itself: NetworkPolicy leaves this undefined",
  },
  // Sources from the policy annotation.
  {
    rule: "the intent source of a compiled policy is quoted",
    policies: [
      policy(
        "x/p",
        { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] },
        { "netpol-rollout.io/source": "policies/environments/dev.yaml:7:5" },
      ),
    ],
    from: "y/a",
    to: "x/a",
    port: 80,
    allowed: true,
    explanation: "x/p ingress rule 1 (policies/environments/dev.yaml:7:5)",
  },
];

describe("NetworkPolicy v1 matcher", () => {
  const { pods, namespaces } = cluster();
  it.each(cases.map((c) => [c.rule, c] as const))("%s", (_rule, c) => {
    const model = buildModel({
      pods,
      namespaces,
      policies: c.policies,
      profile: c.profile ?? CNI_PROFILES.generic,
    });
    const verdict = evaluate(model, { from: c.from, to: c.to, port: c.port, protocol: c.protocol ?? "TCP" });
    const explanation = explainVerdict(verdict);
    expect({ allowed: verdict.allowed, explanation }).toMatchObject({ allowed: c.allowed });
    expect(explanation).toContain(c.explanation);
  });

  it("lists every rule that allows a direction", () => {
    const model = buildModel({
      pods,
      namespaces,
      policies: [ingressPolicy("x/one", [{ ports: [{ port: 80 }] }, {}]), ingressPolicy("x/two", [{}])],
      profile: CNI_PROFILES.generic,
    });
    const v = evaluate(model, { from: "y/a", to: "x/a", port: 80 });
    expect(v.ingress.allowedBy.map((r) => `${r.policy}#${r.ruleIndex}`)).toEqual(["one#0", "one#1", "two#0"]);
  });

  it("a peer with no selector and no ipBlock matches nothing and is reported", () => {
    const model = buildModel({
      pods,
      namespaces,
      policies: [ingressPolicy("x/bad", [{ from: [{}] }])],
      profile: CNI_PROFILES.generic,
    });
    expect(evaluate(model, { from: "x/b", to: "x/a", port: 80 }).allowed).toBe(false);
    expect(model.problems.map((p) => p.message)).toContain(
      "a peer must set podSelector, namespaceSelector or ipBlock",
    );
  });

  it("rejects unknown pods and probes between two external addresses", () => {
    const model = buildModel({ pods, namespaces, policies: [], profile: CNI_PROFILES.generic });
    expect(() => evaluate(model, { from: "x/nope", to: "x/a", port: 80 })).toThrow(EndpointError);
    expect(() => evaluate(model, { from: "1.1.1.1", to: "8.8.8.8", port: 80 })).toThrow(
      /at least one side must be a pod/,
    );
  });

  it("pods that policies cannot tell apart share a group", () => {
    const model = buildModel({
      pods,
      namespaces,
      policies: [ingressPolicy("x/p", [{ from: [{ podSelector: { matchLabels: { app: "b" } } }] }])],
      profile: CNI_PROFILES.generic,
    });
    // Only the key "app" is read by a selector: x/a and x/c differ in it, x's pods differ from y's by namespace.
    const groupOf = (k: string) => model.podsByKey.get(k)?.group.id;
    expect(groupOf("x/a")).not.toBe(groupOf("x/c"));
    expect(groupOf("x/a")).not.toBe(groupOf("y/a"));
    const empty = buildModel({
      pods,
      namespaces,
      policies: [ingressPolicy("x/p", [{}])],
      profile: CNI_PROFILES.generic,
    });
    expect(empty.podsByKey.get("x/a")?.group).toBe(empty.podsByKey.get("x/c")?.group);
  });
});
