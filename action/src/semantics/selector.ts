/**
 * Label selectors (metav1.LabelSelector), compiled once into a predicate.
 *
 * Semantics per the Kubernetes API reference: matchLabels and matchExpressions are ANDed;
 * an empty selector ({}) matches everything; `In` needs the key present with one of the
 * values; `NotIn` matches when the key is absent or its value is not listed; `Exists` needs
 * the key; `DoesNotExist` needs it absent.
 */
import type { LabelSelector, LabelSelectorRequirement } from "../k8s/types.js";
import { emptyRecord, setEntry } from "../k8s/record.js";

export type Labels = Readonly<Record<string, string>>;

export interface CompiledSelector {
  /** Every label key the selector reads. */
  keys: string[];
  /** True for {}: matches every object. */
  matchesAll: boolean;
  matches(labels: Labels): boolean;
  /** kubectl-style text: "app=api,tier in (a,b),!legacy"; "{}" for the empty selector. */
  text: string;
}

type Test = (labels: Labels) => boolean;

function requirementTest(r: LabelSelectorRequirement): Test {
  const values = new Set(r.values ?? []);
  const key = r.key;
  switch (r.operator) {
    case "In":
      return (l) => Object.hasOwn(l, key) && values.has(l[key] as string);
    case "NotIn":
      return (l) => !Object.hasOwn(l, key) || !values.has(l[key] as string);
    case "Exists":
      return (l) => Object.hasOwn(l, key);
    case "DoesNotExist":
      return (l) => !Object.hasOwn(l, key);
    default:
      // The API server rejects an unknown operator; a selector with one selects nothing.
      return () => false;
  }
}

function requirementText(r: LabelSelectorRequirement): string {
  const values = [...(r.values ?? [])].sort().join(",");
  switch (r.operator) {
    case "In":
      return `${r.key} in (${values})`;
    case "NotIn":
      return `${r.key} notin (${values})`;
    case "Exists":
      return r.key;
    case "DoesNotExist":
      return `!${r.key}`;
    default:
      return `${r.key} ${String(r.operator)} (${values})`;
  }
}

export function compileSelector(selector: LabelSelector): CompiledSelector {
  const pairs = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const expressions = selector.matchExpressions ?? [];
  const tests: Test[] = [
    ...pairs.map(
      ([k, v]): Test =>
        (l) =>
          l[k] === v && Object.hasOwn(l, k),
    ),
    ...expressions.map(requirementTest),
  ];
  const keys = [...new Set([...pairs.map(([k]) => k), ...expressions.map((e) => e.key)])].sort();
  const text =
    tests.length === 0
      ? "{}"
      : [...pairs.map(([k, v]) => `${k}=${v}`), ...expressions.map(requirementText)].join(",");
  if (tests.length === 0) return { keys, matchesAll: true, matches: () => true, text };
  if (tests.length === 1) {
    const only = tests[0] as Test;
    return { keys, matchesAll: false, matches: only, text };
  }
  return { keys, matchesAll: false, matches: (l) => tests.every((t) => t(l)), text };
}

/** Whether a plain label map matches a selector (convenience for one-off checks). */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  return compileSelector(selector).matches(labels);
}

/**
 * Labels of an object the selector selects, with no label it does not need: matchLabels, the
 * first value of each `In`, an empty value for each `Exists` (`NotIn` and `DoesNotExist` are
 * met by leaving the key out). A selector that nothing can meet (a=b and a in (c)) gives
 * labels it does not select.
 */
export function representativeLabels(selector: LabelSelector): Record<string, string> {
  const out = emptyRecord<string>();
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === "In" && e.values && e.values.length > 0) setEntry(out, e.key, e.values[0] as string);
    if (e.operator === "Exists") setEntry(out, e.key, "");
  }
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) setEntry(out, k, v);
  return out;
}

const METADATA_NAME = "kubernetes.io/metadata.name";

/** The one namespace a namespaceSelector names by kubernetes.io/metadata.name alone, else undefined. */
export function namespaceNamed(selector: LabelSelector): string | undefined {
  const labels = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  if (labels.length === 1 && expressions.length === 0 && labels[0]![0] === METADATA_NAME)
    return labels[0]![1];
  const only = expressions[0];
  if (
    labels.length === 0 &&
    expressions.length === 1 &&
    only?.key === METADATA_NAME &&
    only.operator === "In" &&
    only.values?.length === 1
  )
    return only.values[0];
  return undefined;
}
