import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import schema from "../../policies/schema.json" with { type: "json" };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

interface Node {
  $ref?: string;
  description?: string;
  properties?: Record<string, Node>;
  enum?: string[];
  anyOf?: Node[];
  [k: string]: unknown;
}

function deref(node: Node): Node {
  if (!node.$ref) return node;
  const name = node.$ref.replace("#/definitions/", "");
  const target = (schema.definitions as Record<string, Node>)[name];
  if (!target) throw new Error(`dangling $ref ${node.$ref}`);
  return { ...target, ...node, description: node.description ?? target.description };
}

describe("policies/schema.json", () => {
  it("describes every key, for editor hover", () => {
    const missing: string[] = [];
    const walk = (node: Node, path: string, seen: Set<string>): void => {
      const n = deref(node);
      if (node.$ref) {
        if (seen.has(node.$ref)) return;
        seen = new Set([...seen, node.$ref]);
      }
      for (const [key, child] of Object.entries(n.properties ?? {})) {
        if (!deref(child).description) missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`, seen);
      }
      for (const k of ["items", "additionalProperties"] as const) {
        const child = n[k];
        if (child && typeof child === "object") walk(child as Node, `${path}[]`, seen);
      }
      for (const alt of n.anyOf ?? []) walk(alt, path, seen);
    };
    walk(schema as Node, "", new Set());
    expect(missing).toEqual([]);
  });

  it("completes cni, DNS mode and protocol from enums", () => {
    const defs = schema.definitions as Record<string, Node>;
    expect(defs["cni"]!.enum).toEqual(["calico", "cilium", "kube-router", "generic"]);
    expect(defs["denials"]!.enum).toEqual(["drop", "reject"]);
    expect(defs["dns"]!.properties!["mode"]!.enum).toEqual(["strict", "safe"]);
    expect(defs["protocol"]!.anyOf![0]!.enum).toEqual(["TCP", "UDP", "SCTP"]);
  });

  it("is referenced by the modeline of every shipped YAML file", () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        if (d.isDirectory()) walk(join(dir, d.name));
        else if (d.name.endsWith(".yaml")) files.push(join(dir, d.name));
      }
    };
    walk(resolve(repoRoot, "policies"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      expect(readFileSync(f, "utf8").split("\n")[0], f).toBe(
        "# yaml-language-server: $schema=../schema.json",
      );
    }
  });
});
