/**
 * Kubernetes name and label syntax, as the API server validates it
 * (k8s.io/apimachinery/pkg/util/validation): a check here is an apply that will not fail.
 */

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Why `name` is not a DNS-1123 label (namespace and service names), or undefined when it is. */
export function dns1123LabelProblem(name: string): string | undefined {
  if (name.length === 0) return "must not be empty";
  if (name.length > 63) return `is ${name.length} characters long; at most 63`;
  if (!DNS1123_LABEL.test(name)) {
    if (/[A-Z]/.test(name) && DNS1123_LABEL.test(name.toLowerCase())) return "must be lowercase";
    return "must be lowercase letters, digits and '-', starting and ending with a letter or digit";
  }
  return undefined;
}

/** Why `name` is not a DNS-1123 subdomain (label key prefixes, FQDNs), or undefined. */
export function dns1123SubdomainProblem(name: string): string | undefined {
  if (name.length === 0) return "must not be empty";
  if (name.length > 253) return `is ${name.length} characters long; at most 253`;
  if (!DNS1123_SUBDOMAIN.test(name)) {
    if (/[A-Z]/.test(name) && DNS1123_SUBDOMAIN.test(name.toLowerCase())) return "must be lowercase";
    return "must be dot-separated lowercase letters, digits and '-'";
  }
  return undefined;
}

/** Label key: optional DNS-subdomain prefix and '/', then a name of 1-63 characters. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    const p = dns1123SubdomainProblem(prefix);
    if (p) return `prefix '${prefix}' ${p}`;
  }
  if (name.length === 0) return "name part must not be empty";
  if (name.length > 63) return `name part is ${name.length} characters long; at most 63`;
  if (!LABEL_NAME.test(name))
    return "name part must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
  return undefined;
}

/** Label value: empty, or 1-63 characters of the label-name charset. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length === 0) return undefined;
  if (value.length > 63) return `is ${value.length} characters long; at most 63`;
  if (!LABEL_NAME.test(value))
    return "must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
  return undefined;
}

/** Container port names are IANA service names: 1-15 characters, a letter somewhere, no '--'. */
export function portNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 15) return "must be 1-15 characters";
  if (!IANA_SVC_NAME.test(name))
    return "must be lowercase letters, digits and '-', starting and ending with a letter or digit";
  if (name.includes("--")) return "must not contain '--'";
  if (!/[a-z]/.test(name)) return "must contain at least one letter";
  return undefined;
}
