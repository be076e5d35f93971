import { describe, expect, it } from "vitest";
import { parseIntent } from "../../action/src/intent/index.js";
import { formatIntentError } from "../../action/src/intent/model.js";

const file = "policies/environments/prod.yaml";
const load = (probe: string): ReturnType<typeof parseIntent> =>
  parseIntent([
    {
      path: file,
      text: `promotion: 1
cni: generic
${probe}
namespaces:
  prod:
    services:
      api: { labels: { app: api }, ports: [8080] }
flows:
  - api -> 198.51.100.0/24:443
`,
    },
  ]);
const errors = (probe: string): string[] => {
  const r = load(probe);
  return r.ok ? [] : r.errors.map(formatIntentError);
};

describe("probe targets in the intent", () => {
  it("load as canonical addresses with port, protocol and their line", () => {
    const r = load(`probe:\n  targets:\n    - 198.51.100.10:443\n    - "[2001:DB8::1]:53/udp"`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.intent.environments[0]?.probeTargets).toEqual([
      { address: "198.51.100.10", port: 443, protocol: "TCP", source: { file, line: 5, column: 7 } },
      { address: "2001:db8::1", port: 53, protocol: "UDP", source: { file, line: 6, column: 7 } },
    ]);
  });

  it("are absent when none are declared", () => {
    const r = load("");
    expect(r.ok && r.intent.environments[0]?.probeTargets).toBeUndefined();
  });

  it("name file:line and the fix for each mistake", () => {
    expect(
      errors(
        [
          "probe:",
          "  targets:",
          "    - 198.51.100.0/24:443",
          "    - api.example.com:443",
          "    - 2001:db8::1:443",
          "    - 203.0.113.5",
          "    - 203.0.113.5:80-90",
          "    - 203.0.113.5:70000",
          "    - 203.0.113.6:443",
          "    - 203.0.113.6:443/tcp",
          "  target: []",
        ].join("\n"),
      ),
    ).toEqual([
      `${file}:5:7: probe target '198.51.100.0/24:443' is a CIDR; a probe target is one host that answers (did you mean 198.51.100.1:443?)`,
      `${file}:6:7: probe target 'api.example.com:443' names a host; a probe target is an IP address (a name can resolve to other addresses inside the cluster: write the address it answers on)`,
      `${file}:7:7: IPv6 probe target '2001:db8::1:443' must be written in brackets with its port (write [2001:db8::1]:443)`,
      `${file}:8:7: probe target '203.0.113.5' has no port (write 203.0.113.5:PORT, e.g. 203.0.113.5:443)`,
      `${file}:9:7: probe target '203.0.113.5:80-90' has a port range; a probe connects to one port (write 203.0.113.5:80)`,
      `${file}:10:7: probe target '203.0.113.5:70000': port 70000 is out of range 1-65535`,
      `${file}:12:7: probe target '203.0.113.6:443/tcp' is already listed at line 11`,
      `${file}:13:3: unknown key 'target' in 'probe' (did you mean 'targets'?)`,
    ]);
  });
});
