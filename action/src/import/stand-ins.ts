/**
 * Pods and addresses to judge policies on when a cluster dump has none (or not of every
 * kind a selector names): one stand-in pod per selector a policy uses (the labels it needs
 * and nothing else), one pod without labels per namespace, one in a namespace nobody names,
 * the DNS pods, one address inside each CIDR (and each `except` range) and one outside all.
 * The dump's own pods and namespaces are kept as they are.
 */
import { emptyRecord } from "../k8s/record.js";
import type { ContainerPort, LabelSelector, Namespace, Pod } from "../k8s/types.js";
import { cidrContains, parseCidr, parseIp, representativeAddress, type Cidr } from "../k8s/ip.js";
import { compileSelector, namespaceNamed, representativeLabels } from "../semantics/selector.js";
import { METADATA_NAME_LABEL } from "../semantics/model.js";

/** Where a selector's pods live. */
export type NamespaceChoice =
  | { name: string }
  /** Namespaces chosen by labels: a stand-in namespace carrying them. */
  | { selector: LabelSelector };

export interface Address {
  ip: string;
  label: string;
  fqdn?: string;
}

const OTHER_NAMESPACE = "(other namespace)";
const INTERNET_V4 = ["203.0.113.77", "192.0.2.77", "198.18.0.77", "100.64.0.77", "8.8.4.77"];
const INTERNET_V6 = ["2001:db8:ffff::77", "3fff::77", "2001:4860::77", "fc00::77"];

export class StandIns {
  readonly pods: Pod[] = [];
  private readonly namespaces = new Map<string, Namespace>();
  private readonly byKey = new Map<string, Pod>();
  private readonly cidrs: { cidr: Cidr; except: Cidr[]; text: string }[] = [];
  private readonly fqdns = new Set<string>();
  /** Pods of the dump (not stand-ins), by "namespace/name". */
  readonly real = new Set<string>();

  constructor(dump: { pods: Pod[]; namespaces: Namespace[] }) {
    for (const ns of dump.namespaces) this.namespaces.set(ns.metadata.name, ns);
    for (const pod of dump.pods) {
      this.pods.push(pod);
      this.real.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
      this.namespace(pod.metadata.namespace);
    }
    this.namespace(OTHER_NAMESPACE);
    this.pod({ name: OTHER_NAMESPACE }, {});
  }

  /** The namespace a choice names (created when the dump lacks it). */
  namespaceOf(choice: NamespaceChoice): string {
    if ("name" in choice) {
      this.namespace(choice.name);
      return choice.name;
    }
    const sel = compileSelector(choice.selector);
    if (sel.matchesAll) return OTHER_NAMESPACE;
    const named = namespaceNamed(choice.selector);
    if (named !== undefined) return this.namespaceOf({ name: named });
    const name = `(${sel.text})`;
    if (!this.namespaces.has(name)) {
      this.namespaces.set(name, {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name, labels: { ...representativeLabels(choice.selector), [METADATA_NAME_LABEL]: name } },
      });
    }
    return name;
  }

  /**
   * The key ("namespace/name") of a stand-in pod with exactly the labels `selector` needs,
   * made on first use; `ports` are added to its container ports (named ports a rule uses).
   */
  pod(choice: NamespaceChoice, selector: LabelSelector, ports: ContainerPort[] = []): string {
    const namespace = this.namespaceOf(choice);
    const labels = representativeLabels(selector);
    const id = `${namespace}\u0000${JSON.stringify(Object.entries(labels).sort())}`;
    let pod = this.byKey.get(id);
    if (pod === undefined) {
      const text = compileSelector(selector).text;
      const name = `stand-in ${text === "{}" ? "(no labels)" : `(${text})`}`;
      pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { namespace, name, labels },
        spec: { containers: [{ name: "main", ports: [] }] },
      };
      this.byKey.set(id, pod);
      this.pods.push(pod);
      // Every namespace gets a pod without labels too: the pods no selector names.
      if (text !== "{}") this.pod({ name: namespace }, {});
    }
    const own = pod.spec!.containers![0]!.ports!;
    for (const p of ports) {
      if (
        !own.some(
          (o) =>
            o.name === p.name &&
            o.containerPort === p.containerPort &&
            (o.protocol ?? "TCP") === (p.protocol ?? "TCP"),
        )
      )
        own.push(p);
    }
    return `${namespace}/${pod.metadata.name}`;
  }

  cidr(text: string, except: string[]): void {
    const cidr = parseCidr(text);
    if (!cidr) return;
    const label = except.length > 0 ? `${cidr.text} except ${except.join(", ")}` : cidr.text;
    if (this.cidrs.some((c) => c.text === label)) return;
    this.cidrs.push({
      cidr,
      except: except.map(parseCidr).filter((c): c is Cidr => c !== undefined),
      text: label,
    });
  }

  fqdn(name: string): void {
    this.fqdns.add(name);
  }

  namespaceList(): Namespace[] {
    return [...this.namespaces.values()];
  }

  /** One address inside each CIDR (outside its excepts), one inside each except, one outside all; the FQDNs. */
  addresses(): Address[] {
    const out: Address[] = [];
    const seen = new Set<string>();
    const add = (ip: string, label: string, fqdn?: string): void => {
      const key = `${ip}|${fqdn ?? ""}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(fqdn === undefined ? { ip, label } : { ip, label, fqdn });
    };
    for (const c of this.cidrs) {
      const rep = representativeAddress(c.cidr, c.except);
      if (rep) add(rep.text, `an address in ${c.text} (${rep.text})`);
      for (const e of c.except) {
        const inner = representativeAddress(e);
        if (inner) add(inner.text, `an address in ${e.text}, excepted from ${c.cidr.text} (${inner.text})`);
      }
    }
    const covered = (ip: string): boolean => {
      const parsed = parseIp(ip);
      return parsed !== undefined && this.cidrs.some((c) => cidrContains(c.cidr, parsed));
    };
    const v4 = INTERNET_V4.find((ip) => !covered(ip)) ?? INTERNET_V4[0]!;
    add(v4, `an address no policy names (${v4})`);
    if (this.cidrs.some((c) => c.cidr.family === 6)) {
      const v6 = INTERNET_V6.find((ip) => !covered(ip)) ?? INTERNET_V6[0]!;
      add(v6, `an IPv6 address no policy names (${v6})`);
    }
    for (const f of [...this.fqdns].sort()) add(v4, f, f);
    return out;
  }

  private namespace(name: string): void {
    if (this.namespaces.has(name)) return;
    const labels = emptyRecord<string>();
    labels[METADATA_NAME_LABEL] = name;
    this.namespaces.set(name, { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
  }
}
