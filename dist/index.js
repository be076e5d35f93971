import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  require_tunnel,
  require_undici
} from "./chunks/chunk-HGVL7XJF.js";
import {
  CNI_PROFILES,
  actionDirOf,
  buildProbePlan,
  checkAvailability,
  chooseProgram,
  createGitHubAdapter,
  createGitReader,
  createPulumiEngine,
  diffEnvironments,
  evaluateParties,
  parseEnvironments,
  parseSettings,
  policiesOfBundle,
  prepareShippedProgram,
  readIntentTree,
  runUrl,
  shippedProgramEngine,
  stackName,
  syntheticInventory
} from "./chunks/chunk-MXAIVKPK.js";
import {
  ARROW,
  DEFAULT_DENY_NAME,
  GitHubApiError,
  GitHubPermissionError,
  GitHubRateLimitError,
  SOURCE_ANNOTATION,
  buildModel,
  builtinLine,
  code,
  compileEnvironment,
  compileSelector,
  createScrubber,
  cutUtf16,
  driftAcrossEnvironments,
  engineSection,
  engineSkippedSentence,
  environmentHeadline,
  environmentVerdict,
  escapeMarkdown,
  flowRows,
  formatPolicy,
  hasBase,
  headline,
  isDnsTarget,
  isIpTarget,
  isPodTarget,
  lintSection,
  lookFirstLines,
  mermaidLabel,
  overview,
  parseCidr,
  parseSourceAnnotation,
  plural,
  previewOutputs,
  revisionLine,
  sortedOf,
  sourceLink,
  summaryPointer,
  table,
  unknownEnvironmentMessage,
  verdictOf
} from "./chunks/chunk-HDCUKTKP.js";
import {
  __toESM
} from "./chunks/chunk-JYXQAFTB.js";

// action/src/main.ts
import { tmpdir } from "node:os";
import { readFileSync } from "node:fs";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag2, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag2}${htmlAttrs}>`;
    }
    return `<${tag2}${htmlAttrs}>${content}</${tag2}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag2 = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag2, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header: header2, data, colspan, rowspan } = cell;
        const tag2 = header2 ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag2, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag2 = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag2) ? tag2 : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// action/src/commands/action-preview.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import { join } from "node:path";

// action/src/intent/comments.ts
function splitLines(text) {
  return text.split(/\r\n|\r|\n/);
}
function lineComment(lines, line) {
  const content = lines[line - 1];
  if (content === void 0) return void 0;
  let quote;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quote) {
      if (quote === '"' && ch === "\\") i++;
      else if (ch === quote) quote = void 0;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const before = content[i - 1];
      if (before === void 0 || /[\s\-:[{,]/.test(before)) quote = ch;
      continue;
    }
    if (ch === "#" && (i === 0 || /\s/.test(content[i - 1] ?? ""))) {
      if (content.slice(0, i).trim() === "") return void 0;
      const comment = content.slice(i + 1).trim();
      return comment === "" ? void 0 : comment;
    }
  }
  return void 0;
}

// action/src/semantics/lint-checks.ts
function report(ctx, severity, code2, message, source) {
  ctx.findings.push({
    severity,
    code: code2,
    message,
    ...ctx.environment !== void 0 ? { environment: ctx.environment } : {},
    ...source ? { source } : {}
  });
}
function sortFindings(list) {
  const seen = /* @__PURE__ */ new Set();
  const unique = list.filter((f) => {
    const k = `${f.code}|${f.message}|${f.source ? `${f.source.file}:${f.source.line}:${f.source.column}` : ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.sort(
    (a, b) => (a.source?.file ?? "").localeCompare(b.source?.file ?? "") || (a.source?.line ?? 0) - (b.source?.line ?? 0) || (a.source?.column ?? 0) - (b.source?.column ?? 0) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message)
  );
}
function labelText(labels) {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
}
function lintRolloutOrder(ctx, bundle) {
  for (const obj of bundle.objects) {
    if (obj.manifest.kind !== "NetworkPolicy") continue;
    const np = obj.manifest;
    const isDefaultDeny = Object.keys(np.spec.podSelector ?? {}).length === 0 && (np.spec.ingress ?? []).length === 0 && (np.spec.egress ?? []).length === 0;
    const ns = np.metadata.namespace ?? "default";
    if (isDefaultDeny && obj.stage !== "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        `${formatPolicy({ namespace: ns, name: np.metadata.name })} isolates every pod of ${ns} but is in the ${obj.stage} stage: it would apply before (or with) the allows`,
        obj.origins[0]
      );
    }
    if (!isDefaultDeny && obj.stage === "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        `${formatPolicy({ namespace: ns, name: np.metadata.name })} allows traffic but is in the deny stage: pods of ${ns} would be isolated before it applies`,
        obj.origins[0]
      );
    }
  }
  const denyNamespaces = new Set(
    bundle.objects.filter((o) => o.stage === "deny").map((o) => o.manifest.metadata.namespace ?? "default")
  );
  for (const ns of denyNamespaces) {
    const hasDns = bundle.objects.some(
      (o) => o.stage === "allow" && o.manifest.kind === "NetworkPolicy" && o.manifest.metadata.namespace === ns && (o.manifest.spec.egress ?? []).some((r) => (r.ports ?? []).some((p) => p.port === 53))
    );
    if (!hasDns) {
      const deny = bundle.objects.find((o) => o.stage === "deny" && o.manifest.metadata.namespace === ns);
      report(
        ctx,
        "error",
        "rollout-order",
        `namespace ${ns} is default-denied with no DNS allow in an earlier stage`,
        deny?.origins[0]
      );
    }
  }
}
function lintNamedPorts(ctx, policies, pods, namespaces, profile, sourceOf) {
  const model = buildModel({ pods, namespaces, policies, profile });
  for (const policy of model.policies) {
    const np = policy.original;
    for (const dir of ["ingress", "egress"]) {
      for (const rule of policy[dir]) {
        for (const port of rule.ports ?? []) {
          if (port.name === void 0) continue;
          const candidates = dir === "ingress" ? model.pods.filter(
            (p) => p.namespace === policy.namespace && policy.podSelector.matches(p.labels)
          ) : model.pods.filter(
            (p) => (rule.peers ?? [
              {
                kind: "pods",
                policyNamespace: policy.namespace,
                namespaceSelector: compileSelector({})
              }
            ]).some(
              (peer) => peer.kind === "pods" && (peer.namespaceSelector ? peer.namespaceSelector.matches(p.group.namespace.labels) : p.namespace === peer.policyNamespace) && (peer.podSelector ? peer.podSelector.matches(p.labels) : true)
            )
          );
          const has = candidates.some(
            (p) => p.ports.some((cp) => cp.name === port.name && (cp.protocol ?? "TCP") === port.protocol)
          );
          if (candidates.length > 0 && !has) {
            report(
              ctx,
              "error",
              "named-port-missing",
              `${formatPolicy(policy)} ${dir} rule ${rule.index + 1} names port '${port.name}' (${port.protocol}), which no ${dir === "ingress" ? "selected" : "destination"} pod declares: the rule matches nothing on it`,
              sourceOf(np)
            );
          }
        }
      }
    }
  }
}
function lintPolicySelection(ctx, policies, inventory, sourceOf) {
  for (const input of policies) {
    const np = input.policy ?? input;
    const sel = compileSelector(np.spec.podSelector ?? {});
    const ns = np.metadata.namespace ?? "default";
    if (sel.matchesAll) continue;
    if (!inventory.pods.some((p) => p.metadata.namespace === ns && sel.matches(p.metadata.labels ?? {}))) {
      report(
        ctx,
        "warning",
        "policy-selects-nothing",
        `${formatPolicy({ namespace: ns, name: np.metadata.name })} selects no pod (podSelector ${sel.text} in ${ns}): it has no effect`,
        sourceOf(np)
      );
    }
  }
}
function targetPortOn(pod, target, port, protocol) {
  if (target === void 0) return port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  return void 0;
}
function lintServicePorts(ctx, policies, inventory, sourceOf) {
  const services = inventory.services ?? [];
  const model = buildModel({
    pods: inventory.pods,
    namespaces: inventory.namespaces,
    policies,
    // Service ports vs target ports do not depend on CNI behaviour.
    profile: CNI_PROFILES.generic
  });
  for (const policy of model.policies) {
    const np = policy.original;
    policy.egress.forEach((rule) => {
      if (!rule.peers) return;
      const destinations = model.pods.filter(
        (p) => (rule.peers ?? []).some(
          (peer) => peer.kind === "pods" && (peer.namespaceSelector ? peer.namespaceSelector.matches(p.group.namespace.labels) : p.namespace === peer.policyNamespace) && (peer.podSelector ? peer.podSelector.matches(p.labels) : true)
        )
      );
      for (const port of rule.ports ?? []) {
        if (port.port === void 0) continue;
        for (const svc of services) {
          const selector = svc.spec?.selector;
          if (!selector || Object.keys(selector).length === 0) continue;
          const sel = compileSelector({ matchLabels: selector });
          const backends = destinations.filter(
            (d) => d.namespace === svc.metadata.namespace && sel.matches(d.labels)
          );
          const first = backends[0];
          if (!first) continue;
          for (const sp of svc.spec?.ports ?? []) {
            if (sp.port !== port.port || (sp.protocol ?? "TCP") !== port.protocol) continue;
            const podPod = inventory.pods.find(
              (p) => `${p.metadata.namespace}/${p.metadata.name}` === first.key
            );
            const target = podPod ? targetPortOn(podPod, sp.targetPort, sp.port, port.protocol) : void 0;
            if (target !== void 0 && target !== sp.port && !(rule.ports ?? []).some((q) => q.port === target)) {
              report(
                ctx,
                "error",
                "service-port-not-target-port",
                `${formatPolicy(policy)} egress rule ${rule.index + 1} allows port ${sp.port}, the port of Service ${svc.metadata.namespace}/${svc.metadata.name}; NetworkPolicy sees the pod's port ${target} (targetPort), so the connection is blocked: allow ${target}`,
                sourceOf(np, "egress", rule.index, sp.port)
              );
            }
          }
        }
      }
    });
  }
}

// action/src/semantics/lint.ts
function selectsAny(selector, namespace, pods) {
  const sel = compileSelector({ matchLabels: selector });
  return pods.some((p) => p.metadata.namespace === namespace && sel.matches(p.metadata.labels ?? {}));
}
function lintEnvironment(env, bundle, inventory) {
  const ctx = { findings: [], environment: env.name };
  for (const ns of env.namespaces) {
    if (ns.managed && !ns.defaultDeny) {
      report(
        ctx,
        "warning",
        "missing-default-deny",
        `namespace ${ns.name} is managed without default-deny: pods no flow names keep all their connectivity (remove defaultDeny: false)`,
        ns.source
      );
    }
  }
  for (const flow of env.flows) {
    if (flow.to.kind === "cidr") {
      const c = parseCidr(flow.to.cidr);
      if (c && c.prefix === 0) {
        report(
          ctx,
          "warning",
          "egress-to-everywhere",
          `flow '${flow.text}' allows egress to every address${env.profile.ipBlockMatchesPodIps ? ", in-cluster pods included on this CNI" : ""}; name the destination's CIDR`,
          flow.source
        );
      }
    }
    if (flow.ports.length === 0 || flow.ports.some((p) => p.port === void 0)) {
      const what = flow.ports.length === 0 ? "every port of every protocol" : `every ${flow.ports.find((p) => p.port === void 0)?.protocol} port`;
      report(
        ctx,
        "warning",
        "every-port",
        `flow '${flow.text}' allows ${what}; list the ports it needs`,
        flow.source
      );
    }
  }
  lintDns(ctx, env, bundle, inventory);
  lintRolloutOrder(ctx, bundle);
  const { policies } = policiesOfBundle(bundle);
  const synthetic = syntheticInventory(void 0, env);
  const pods = inventory?.pods ?? synthetic.endpoints.flatMap((e) => e.pods.head ? [e.pods.head] : []);
  const namespaces = inventory?.namespaces ?? synthetic.namespaces.head;
  lintNamedPorts(ctx, policies, pods, namespaces, env.profile, (p) => originOf(bundle, p));
  if (inventory) {
    const present = new Set(inventory.namespaces.map((n) => n.metadata.name));
    for (const p of inventory.pods) present.add(p.metadata.namespace);
    for (const ns of env.namespaces) {
      if (!present.has(ns.name)) {
        report(
          ctx,
          "warning",
          "selector-matches-nothing",
          `namespace ${ns.name} does not exist in the cluster`,
          ns.source
        );
        continue;
      }
      for (const svc of ns.services) {
        if (!selectsAny(svc.labels, ns.name, inventory.pods)) {
          report(
            ctx,
            "warning",
            "selector-matches-nothing",
            `service ${ns.name}/${svc.name} selects no pod in the cluster (labels ${labelText(svc.labels)})`,
            svc.source
          );
        }
      }
    }
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind === "namespace" && e.podLabels && present.has(e.namespace) && !selectsAny(e.podLabels, e.namespace, inventory.pods)) {
          report(
            ctx,
            "warning",
            "selector-matches-nothing",
            `no pod of ${e.namespace} has ${labelText(e.podLabels)} (flow '${flow.text}')`,
            flow.source
          );
        }
      }
    }
    if (!selectsAny(env.dns.podLabels, env.dns.namespace, inventory.pods)) {
      report(
        ctx,
        "warning",
        "selector-matches-nothing",
        `no DNS pod with ${labelText(env.dns.podLabels)} in ${env.dns.namespace}: the DNS allow matches nothing`,
        env.source
      );
    }
    lintPolicySelection(ctx, policies, inventory, (p) => originOf(bundle, p));
    for (const ns of env.namespaces.filter((n) => n.managed && n.defaultDeny)) {
      const selectors = ns.services.map((svc) => compileSelector({ matchLabels: svc.labels }));
      const podLabels = env.flows.flatMap((f) => [f.from, f.to]).filter((e) => e.kind === "namespace" && e.namespace === ns.name).map((e) => e.kind === "namespace" ? e.podLabels : void 0);
      const wholeNamespace = podLabels.some((l) => l === void 0 || Object.keys(l).length === 0);
      if (wholeNamespace) continue;
      const stray = inventory.pods.filter(
        (p) => p.metadata.namespace === ns.name && !selectors.some((sel) => sel.matches(p.metadata.labels ?? {}))
      );
      if (stray.length === 0) continue;
      const names = stray.slice(0, 3).map((p) => p.metadata.name);
      report(
        ctx,
        "warning",
        "undeclared-workload",
        `${stray.length} pod${stray.length === 1 ? "" : "s"} of ${ns.name} (${names.join(", ")}${stray.length > 3 ? ", \u2026" : ""}) ${stray.length === 1 ? "matches" : "match"} no declared service: default-deny leaves ${stray.length === 1 ? "it" : "them"} only DNS; declare the service and its flows`,
        ns.source
      );
    }
    if (inventory.services)
      lintServicePorts(
        ctx,
        policies,
        inventory,
        (p, dir, i, port) => ruleOriginOf(env, bundle, p, dir, i, port)
      );
  }
  return sortFindings(ctx.findings);
}
function originOf(bundle, policy) {
  const obj = bundle.objects.find((o) => o.manifest === policy);
  return obj?.origins[0] ?? parseSourceAnnotation(policy.metadata.annotations?.[SOURCE_ANNOTATION]);
}
function ruleOriginOf(env, bundle, policy, dir, index, port) {
  const obj = bundle.objects.find((o) => o.manifest === policy);
  const origins = obj?.ruleOrigins?.[dir][index] ?? [];
  const byPort = origins.find(
    (o) => env.flows.some(
      (f) => f.source.file === o.file && f.source.line === o.line && f.source.column === o.column && f.ports.some(
        (p) => p.port !== void 0 && port !== void 0 && port >= p.port && port <= (p.endPort ?? p.port)
      )
    )
  );
  return byPort ?? origins[0] ?? originOf(bundle, policy);
}
function lintDns(ctx, env, bundle, inventory) {
  const synthetic = syntheticInventory(void 0, env);
  const { policies, ciliumPolicies } = policiesOfBundle(bundle);
  const dnsLabel = `${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`;
  const dnsPod = synthetic.endpoints.find((e) => e.kind === "dns" || e.label === dnsLabel)?.pods.head;
  void inventory;
  if (!dnsPod) return;
  const model = buildModel({
    pods: synthetic.endpoints.flatMap((e) => e.pods.head ? [e.pods.head] : []),
    namespaces: synthetic.namespaces.head,
    policies,
    ciliumPolicies,
    profile: env.profile
  });
  const dnsInfo = model.podsByKey.get(`${dnsPod.metadata.namespace}/${dnsPod.metadata.name}`);
  if (!dnsInfo) return;
  const dnsParty = { kind: "pod", group: dnsInfo.group, name: dnsLabel, pod: dnsInfo };
  const managed = new Map(env.namespaces.filter((n) => n.managed).map((n) => [n.name, n]));
  for (const e of synthetic.endpoints) {
    const pod = e.pods.head;
    if (!pod || e.kind === "dns" || e.kind === "other-namespace") continue;
    const ns = managed.get(pod.metadata.namespace);
    if (!ns) continue;
    const info2 = model.podsByKey.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (!info2) continue;
    const self = { kind: "pod", group: info2.group, name: e.label, pod: info2 };
    const udp = evaluateParties(model, self, dnsParty, 53, "UDP", void 0);
    const tcp = evaluateParties(model, self, dnsParty, 53, "TCP", void 0);
    const service = ns.services.find((s) => `${ns.name}/${s.name}` === e.label);
    const source = service?.source ?? ns.source;
    if (!udp.allowed && udp.egress.outcome === "denied") {
      report(
        ctx,
        "error",
        "egress-without-dns",
        `${e.description} is egress-isolated (by ${udp.egress.isolatedBy.map(formatPolicy).join(", ")}) but cannot reach DNS (${dnsLabel} on 53/UDP): every name lookup will fail${ns.defaultDeny ? "" : "; namespaces without default-deny get no allow-dns"}`,
        source
      );
    } else if (udp.allowed && !tcp.allowed && tcp.egress.outcome === "denied") {
      report(
        ctx,
        "error",
        "dns-tcp-blocked",
        `${e.description} reaches DNS on 53/UDP but not 53/TCP: answers too large for UDP will fail`,
        source
      );
    }
  }
}

// action/src/report/graph.ts
function endpointKey(endpoint) {
  switch (endpoint.kind) {
    case "service":
      return `${endpoint.namespace}/${endpoint.service}`;
    case "namespace":
      return `ns:${endpoint.namespace}`;
    case "cidr":
      return endpoint.cidr;
    case "fqdn":
      return endpoint.fqdn;
  }
}
function portLabel(port) {
  if (port.port === void 0) return `*/${port.protocol}`;
  const range = port.endPort !== void 0 && port.endPort !== port.port ? `-${port.endPort}` : "";
  return `${port.port}${range}/${port.protocol}`;
}
var SEP = "\0";
var tripleKey = (t) => `${t.from}${SEP}${t.to}${SEP}${t.port}`;
function flowTriples(flows, kinds) {
  const out = /* @__PURE__ */ new Map();
  for (const flow of flows) {
    const from = endpointKey(flow.from);
    const to = endpointKey(flow.to);
    kinds.set(from, flow.from.kind);
    kinds.set(to, flow.to.kind);
    const ports = flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" }];
    for (const port of ports) {
      const triple = { from, to, port: portLabel(port) };
      out.set(tripleKey(triple), triple);
    }
  }
  return out;
}
function comparePorts(a, b) {
  const [pa = "", protoA = ""] = a.split("/");
  const [pb = "", protoB = ""] = b.split("/");
  const na = Number.parseInt(pa, 10);
  const nb = Number.parseInt(pb, 10);
  if (Number.isNaN(na) !== Number.isNaN(nb)) return Number.isNaN(na) ? 1 : -1;
  if (!Number.isNaN(na) && na !== nb) return na - nb;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return protoA < protoB ? -1 : protoA > protoB ? 1 : 0;
}
var STATUS_ORDER = { unchanged: 0, added: 1, removed: 2 };
function buildFlowsGraph(base, head, diff) {
  const kinds = /* @__PURE__ */ new Map();
  const baseTriples = flowTriples(base?.flows ?? [], kinds);
  const headTriples = flowTriples(head?.flows ?? [], kinds);
  const status = /* @__PURE__ */ new Map();
  for (const [key, triple] of headTriples) {
    status.set(key, { triple, status: baseTriples.has(key) ? "unchanged" : "added" });
  }
  for (const [key, triple] of baseTriples) {
    if (!headTriples.has(key)) status.set(key, { triple, status: "removed" });
  }
  for (const change of diff?.changes ?? []) {
    if (!kinds.has(change.from) || !kinds.has(change.to)) continue;
    const triple = { from: change.from, to: change.to, port: `${change.port}/${change.protocol}` };
    const key = tripleKey(triple);
    const known = status.get(key);
    if (change.change === "added") status.set(key, { triple: known?.triple ?? triple, status: "added" });
    else if (!known || known.status !== "added")
      status.set(key, { triple: known?.triple ?? triple, status: "removed" });
  }
  const headKeys = /* @__PURE__ */ new Set();
  for (const { triple, status: s } of status.values()) {
    if (s !== "removed") {
      headKeys.add(triple.from);
      headKeys.add(triple.to);
    }
  }
  const keys = [...new Set([...status.values()].flatMap(({ triple }) => [triple.from, triple.to]))].sort();
  const nodes = keys.map((key, index) => ({
    id: `n${index}`,
    key,
    kind: kinds.get(key) ?? "service",
    removed: !headKeys.has(key)
  }));
  const idOf = new Map(nodes.map((n) => [n.key, n.id]));
  const grouped = /* @__PURE__ */ new Map();
  for (const { triple, status: s } of status.values()) {
    const from = idOf.get(triple.from) ?? "";
    const to = idOf.get(triple.to) ?? "";
    const key = `${triple.from}${SEP}${triple.to}${SEP}${s}`;
    const edge = grouped.get(key) ?? { from, to, ports: [], status: s };
    edge.ports.push(triple.port);
    grouped.set(key, edge);
  }
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = [...grouped.values()].sort(
    (a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status]
  );
  for (const edge of edges) edge.ports.sort(comparePorts);
  return { nodes, edges };
}

// action/src/probe/probe-preview.ts
var PROBE_PREVIEW_CHANGES = 50;
var KIND_ORDER = { declared: 0, external: 1, dns: 2, negative: 3 };
function sourceLabel(c) {
  if (c.from.outside !== void 0) return `${c.from.outside} (outside)`;
  return c.from.service !== void 0 ? `${c.from.namespace}/${c.from.service}` : `ns:${c.from.namespace}`;
}
function targetLabel(c) {
  const t = c.to;
  if (isPodTarget(t))
    return t.service !== void 0 ? `${t.namespace}/${t.service}` : `${t.namespace}/${t.pod}`;
  if (isIpTarget(t)) return t.cidr && t.cidr !== t.ip ? `${t.ip} (${t.cidr})` : t.ip;
  if (isDnsTarget(t)) return "DNS";
  return "?";
}
function previewProbes(head, headBundle, baseBundle, diff, limit = PROBE_PREVIEW_CHANGES) {
  const inventory = syntheticInventory(void 0, head);
  const plan = buildProbePlan({
    environment: head,
    inventory: {
      pods: inventory.endpoints.flatMap((e) => e.pods.head ? [e.pods.head] : []),
      namespaces: inventory.namespaces.head,
      services: []
    },
    after: policiesOfBundle(headBundle),
    before: baseBundle ? policiesOfBundle(baseBundle) : { policies: [] },
    diff
  });
  const denied = (b) => new Set(
    (b?.objects ?? []).filter((o) => o.manifest.metadata.name === DEFAULT_DENY_NAME).map((o) => o.manifest.metadata.namespace ?? "")
  );
  const [denyBefore, denyAfter] = [denied(baseBundle), denied(headBundle)];
  const denyMoved = (ns) => ns !== void 0 && denyBefore.has(ns) !== denyAfter.has(ns);
  const why = (c) => {
    if (c.changeDeclared) return { kind: "diff" };
    const namespaces = [c.from.namespace, isPodTarget(c.to) ? c.to.namespace : void 0];
    const namespace = namespaces.find(denyMoved);
    return namespace !== void 0 ? { kind: "default-deny", namespace } : { kind: "unexplained" };
  };
  const expected = { allowed: 0, blocked: 0, "cannot-check": 0 };
  for (const c of plan.checks) expected[c.expect]++;
  const moved = plan.checks.filter(
    (c) => c.expect !== "cannot-check" && c.expectBefore !== "cannot-check" && c.expect !== c.expectBefore
  ).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tried = new Set(
    plan.checks.filter((c) => c.expect !== "cannot-check").map((c) => `${sourceLabel(c)} \u2192 ${targetLabel(c)}:${c.port}/${c.protocol}`)
  );
  const closedUnchecked = diff.changes.filter((f) => f.change === "removed" && f.builtin === void 0).map((f) => `${f.from} \u2192 ${f.to}:${f.port}/${f.protocol}`).filter((text) => !tried.has(text));
  return {
    closedUnchecked: closedUnchecked.slice(0, limit),
    checks: plan.checks.length,
    expected,
    changes: moved.slice(0, limit).map((c) => ({
      kind: c.kind,
      from: sourceLabel(c),
      to: targetLabel(c),
      port: `${c.port === 0 ? "*" : c.port}/${c.protocol}${c.portName ? ` (${c.portName})` : ""}`,
      before: c.expectBefore,
      after: c.expect,
      why: why(c)
    })),
    changesTotal: moved.length
  };
}

// action/src/commands/preview.ts
var defaultPreviewCore = {
  parse: (files, policiesDir) => parseEnvironments(files, { policiesDir }),
  compile: compileEnvironment,
  diff: diffEnvironments,
  lint: lintEnvironment
};
var BaseRefNotFoundError = class extends Error {
  constructor(ref) {
    super(`base ref '${ref}' does not resolve to a commit`);
    this.ref = ref;
  }
  ref;
  name = "BaseRefNotFoundError";
};
var NoGitRepositoryError = class extends Error {
  constructor(ref) {
    super(`base ref '${ref}' was given, but there is no git repository to read it from`);
    this.ref = ref;
  }
  ref;
  name = "NoGitRepositoryError";
};
var UnknownEnvironmentError = class extends Error {
  constructor(environment, available) {
    super(unknownEnvironmentMessage(environment, available));
    this.environment = environment;
    this.available = available;
  }
  environment;
  available;
  name = "UnknownEnvironmentError";
};
var DEFAULT_ENGINE_SKIP_REASON = "no Pulumi engine was configured";
function trimDir(dir) {
  const posix = dir.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
  return posix === "" ? "." : posix;
}
function environmentFileNames(files, policiesDir) {
  const prefix = policiesDir === "." ? "environments/" : `${policiesDir}/environments/`;
  const names = /* @__PURE__ */ new Set();
  for (const file of files) {
    if (!file.path.startsWith(prefix)) continue;
    const rest = file.path.slice(prefix.length);
    const match = /^([^/]+)\.ya?ml$/.exec(rest);
    if (match?.[1]) names.add(match[1]);
  }
  return [...names];
}
function tag(errors, side) {
  return errors.map((e) => ({ ...e, side }));
}
function emptyDiff(environment) {
  return {
    environment,
    changes: [],
    workloads: { added: [], removed: [] },
    namespaces: { added: [], removed: [] }
  };
}
function sameIntent(base, head) {
  return base !== void 0 && head !== void 0 && JSON.stringify(base) === JSON.stringify(head);
}
async function enginePreview(engine, environment) {
  try {
    return await engine.preview(environment);
  } catch (error2) {
    return {
      status: "failed",
      stack: environment,
      error: error2 instanceof Error ? error2.message : String(error2)
    };
  }
}
function defaultDenyChanges(base, head) {
  const denied = (env) => new Set(env?.namespaces.filter((n) => n.defaultDeny).map((n) => n.name) ?? []);
  const b = denied(base);
  const h = denied(head);
  return {
    added: [...h].filter((n) => !b.has(n)).sort(),
    removed: [...b].filter((n) => !h.has(n)).sort()
  };
}
function attachComments(changes, files) {
  const lines = { base: /* @__PURE__ */ new Map(), head: /* @__PURE__ */ new Map() };
  const linesOf = (side, path) => {
    let list = lines[side].get(path);
    if (!list) {
      const file = files[side].find((f) => f.path === path);
      if (!file) return void 0;
      list = splitLines(file.text);
      lines[side].set(path, list);
    }
    return list;
  };
  for (const change of changes) {
    const source = change.rule?.source;
    if (!source) continue;
    const list = linesOf(change.change === "added" ? "head" : "base", source.file);
    const comment = list === void 0 ? void 0 : lineComment(list, source.line);
    if (comment) change.comment = comment;
  }
}
async function runPreview(deps, opts) {
  const core = deps.core ?? defaultPreviewCore;
  const policiesDir = trimDir(opts.policiesDir);
  const report2 = { policiesDir, environments: [], intentErrors: [] };
  if (opts.headRef !== void 0) report2.headRef = opts.headRef;
  if (opts.baseRef === void 0 && opts.baseNote !== void 0) report2.baseNote = opts.baseNote;
  let baseFiles = [];
  if (opts.baseRef !== void 0) {
    if (!deps.git) throw new NoGitRepositoryError(opts.baseRef);
    const sha = await deps.git.resolve(opts.baseRef);
    if (sha === void 0) throw new BaseRefNotFoundError(opts.baseRef);
    report2.baseRef = opts.baseRef;
    report2.baseSha = sha;
    baseFiles = await deps.git.readTree(sha, policiesDir);
    if (baseFiles.length === 0) report2.baseNote = `${policiesDir}/ does not exist at base`;
  }
  const headFiles = await deps.readHead();
  let baseEnvs = [];
  if (baseFiles.length > 0) {
    const base = core.parse(baseFiles, policiesDir);
    if (base.errors.length === 0) baseEnvs = base.environments.flatMap((e) => e.intent ? [e.intent] : []);
    else {
      report2.intentErrors.push(...tag(base.errors, "base"));
      report2.baseNote = "the intent at base is invalid";
    }
  }
  const head = core.parse(headFiles, policiesDir);
  report2.intentErrors.push(...tag(head.errors, "head"));
  const headValid = head.errors.length === 0;
  const headEnvs = head.environments.flatMap((e) => e.intent ? [e.intent] : []);
  const headInvalid = new Map(head.environments.filter((e) => !e.intent).map((e) => [e.name, e.errors]));
  const baseByName = new Map(baseEnvs.map((e) => [e.name, e]));
  const headByName = new Map(headEnvs.map((e) => [e.name, e]));
  const names = /* @__PURE__ */ new Set([...baseByName.keys(), ...headByName.keys(), ...headInvalid.keys()]);
  if (!headValid) for (const name of environmentFileNames(headFiles, policiesDir)) names.add(name);
  const available = [...names].sort();
  let selected = available;
  if (opts.environments && opts.environments.length > 0) {
    for (const name of opts.environments) {
      if (!names.has(name)) throw new UnknownEnvironmentError(name, available);
    }
    const wanted = new Set(opts.environments);
    selected = available.filter((n) => wanted.has(n));
  }
  const orderOf = (name) => headByName.get(name)?.order ?? baseByName.get(name)?.order ?? Number.MAX_SAFE_INTEGER;
  selected.sort((a, b) => orderOf(a) - orderOf(b) || (a < b ? -1 : a > b ? 1 : 0));
  const skipReason = headValid ? opts.engineSkipReason ?? DEFAULT_ENGINE_SKIP_REASON : "the intent at head has errors, and nothing deploys while any remains";
  if (!deps.engine || !headValid) report2.engineNote = skipReason;
  for (const name of selected) {
    const baseEnv = baseByName.get(name);
    const headEnv = headByName.get(name);
    const order = orderOf(name) === Number.MAX_SAFE_INTEGER ? 0 : orderOf(name);
    if (!headEnv && (headInvalid.has(name) || !headValid && !baseEnv)) {
      const errors = headInvalid.get(name) ?? head.errors;
      report2.environments.push({
        name,
        order,
        presence: "unknown",
        verdict: {
          kind: "invalid",
          errors: errors.length,
          files: [...new Set(errors.map((e) => e.file))].sort()
        },
        diff: emptyDiff(name),
        lint: [],
        engine: { status: "skipped", reason: skipReason },
        flowsGraph: { nodes: [], edges: [] }
      });
      continue;
    }
    const headBundle = headEnv ? core.compile(headEnv) : void 0;
    let diff;
    let baseBundle = baseEnv && sameIntent(baseEnv, headEnv) ? headBundle : void 0;
    if (sameIntent(baseEnv, headEnv)) diff = emptyDiff(name);
    else {
      const bundles = {};
      if (baseEnv) bundles.base = baseBundle = core.compile(baseEnv);
      if (headBundle) bundles.head = headBundle;
      diff = core.diff(baseEnv, headEnv, bundles);
    }
    attachComments(diff.changes, { base: baseFiles, head: headFiles });
    const lint = headEnv && headBundle ? core.lint(headEnv, headBundle) : [];
    let engine;
    if (!headEnv) engine = { status: "skipped", reason: "the environment is removed at head" };
    else if (deps.engine && headValid) engine = await enginePreview(deps.engine, name);
    else engine = { status: "skipped", reason: skipReason };
    const preview = {
      name,
      order,
      presence: baseEnv && headEnv ? "both" : headEnv ? "added" : "removed",
      verdict: verdictOf(diff),
      diff,
      lint,
      engine,
      flowsGraph: buildFlowsGraph(baseEnv, headEnv, diff)
    };
    if (headEnv && headBundle) preview.probes = previewProbes(headEnv, headBundle, baseBundle, diff);
    const defaultDeny = defaultDenyChanges(baseEnv, headEnv);
    if (defaultDeny.added.length + defaultDeny.removed.length > 0) preview.defaultDeny = defaultDeny;
    report2.environments.push(preview);
  }
  return report2;
}

// action/src/report/mermaid.ts
var MERMAID_MAX_EDGES = 300;
var MERMAID_MAX_TEXT = 4e4;
var ADDED_STYLE = "stroke:#1a7f37,stroke-width:3px,color:#1a7f37";
var REMOVED_STYLE = "stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5,color:#cf222e";
function nodeShape(node) {
  const label = mermaidLabel(node.key);
  switch (node.kind) {
    case "service":
      return `${node.id}[${label}]`;
    case "namespace":
      return `${node.id}([${label}])`;
    case "cidr":
    case "fqdn":
      return `${node.id}{{${label}}}`;
  }
}
function edgeLine(edge) {
  const ports = edge.ports.join(", ");
  switch (edge.status) {
    case "unchanged":
      return `  ${edge.from} -->|${mermaidLabel(ports)}| ${edge.to}`;
    case "added":
      return `  ${edge.from} ==>|${mermaidLabel(`+ ${ports}`)}| ${edge.to}`;
    case "removed":
      return `  ${edge.from} -.->|${mermaidLabel(`- ${ports}`)}| ${edge.to}`;
  }
}
function renderMermaid(graph, maxEdges = MERMAID_MAX_EDGES) {
  if (graph.edges.length === 0) return { ok: false, reason: "no flows to draw" };
  if (graph.edges.length > maxEdges) {
    return {
      ok: false,
      reason: `the graph has ${graph.edges.length} edges, more than the ${maxEdges} a diagram shows legibly`
    };
  }
  const lines = ["```mermaid", "flowchart LR"];
  for (const node of graph.nodes) lines.push(`  ${nodeShape(node)}`);
  const added = [];
  const removed = [];
  graph.edges.forEach((edge, index) => {
    lines.push(edgeLine(edge));
    if (edge.status === "added") added.push(index);
    if (edge.status === "removed") removed.push(index);
  });
  if (added.length > 0) lines.push(`  linkStyle ${added.join(",")} ${ADDED_STYLE}`);
  if (removed.length > 0) lines.push(`  linkStyle ${removed.join(",")} ${REMOVED_STYLE}`);
  const removedNodes = graph.nodes.filter((n) => n.removed).map((n) => n.id);
  if (removedNodes.length > 0) {
    lines.push("  classDef gone stroke:#cf222e,stroke-dasharray:5 5");
    lines.push(`  class ${removedNodes.join(",")} gone`);
  }
  lines.push("```");
  const text = lines.join("\n");
  if (text.length > MERMAID_MAX_TEXT) {
    return { ok: false, reason: `the diagram would be ${text.length} characters, more than mermaid renders` };
  }
  return { ok: true, text };
}

// action/src/report/markdown/environment.ts
function environmentSection(env, report2, detail) {
  const lines = ["", `### ${code(env.name)}: ${escapeMarkdown(environmentVerdict(env, hasBase(report2)))}`];
  if (env.verdict.kind === "invalid") {
    const files = env.verdict.files ?? [];
    const where = files.length > 0 ? ` in ${files.map(code).join(", ")}` : "";
    lines.push("", `Not compared: fix the errors${where} listed above.`);
    return lines;
  }
  const sorted = sortedOf(env, detail);
  const head = environmentHeadline(sorted);
  if (head) lines.push("", head);
  lines.push(...lookFirstLines(env, sorted, detail));
  const names = [
    ...listNames("Workloads added", env.diff.workloads.added, detail),
    ...listNames("Workloads removed", env.diff.workloads.removed, detail),
    ...listNames("Namespaces added", env.diff.namespaces.added, detail),
    ...listNames("Namespaces removed", env.diff.namespaces.removed, detail)
  ];
  if (names.length > 0) lines.push("", ...names.flatMap((n, i) => i === 0 ? [n] : ["", n]));
  if (sorted.ordinary.length > 0) {
    lines.push(
      "",
      ...sorted.risky.length > 0 ? ["**Other flow changes**", ""] : [],
      ...table(["change", "flow", "rule", "why"], flowRows(sorted.ordinary, detail), detail, "flow changes")
    );
  }
  lines.push(...builtinLine(sorted.builtin, detail));
  lines.push(...engineSection(env, report2, detail));
  lines.push(...lintSection(env.lint, detail));
  lines.push(...diagramLines(env, detail));
  return lines;
}
function listNames(label, names, detail) {
  if (names.length === 0) return [];
  const shown = names.slice(0, detail.maxRows).map(code).join(", ");
  const rest = names.length > detail.maxRows ? ` and ${names.length - detail.maxRows} more` : "";
  return [`${label}: ${shown}${rest}.`];
}
function diagramLines(env, detail) {
  const wantDiagram = env.verdict.kind === "changed" || detail.mermaidForUnchanged;
  if (!wantDiagram || env.flowsGraph.edges.length === 0) return [];
  const diagram = detail.mermaidMaxEdges > 0 ? renderMermaid(env.flowsGraph, detail.mermaidMaxEdges) : { ok: false, reason: "diagrams are left out to keep the report short" };
  if (!diagram.ok) return ["", `The flows diagram is left out: ${escapeMarkdown(diagram.reason)}.`];
  return [
    "",
    env.flowsGraph.edges.some((e) => e.status !== "unchanged") ? "<details><summary>Flows: thick green = opened, dashed red = closed</summary>" : "<details><summary>Flows</summary>",
    "",
    diagram.text,
    "",
    "</details>"
  ];
}

// action/src/report/markdown/intent-errors.ts
function intentErrorLines(errors, detail) {
  const lines = [];
  for (const side of ["head", "base"]) {
    const list = errors.filter((e) => e.side === side);
    if (list.length === 0) continue;
    lines.push(
      "",
      side === "head" ? `### Intent errors (${list.length})` : `### Intent errors at base (${list.length}): the base was not used`,
      ""
    );
    for (const e of list.slice(0, detail.maxRows)) {
      const hint = e.hint ? ` (${escapeMarkdown(e.hint)})` : "";
      lines.push(
        `- ${sourceLink(e.file, e.line, e.column, detail, side)} ${escapeMarkdown(e.message)}${hint}`
      );
    }
    if (list.length > detail.maxRows) {
      const where = detail.audience === "comment" ? summaryPointer(detail) : "";
      lines.push("", `\u2026 and ${list.length - detail.maxRows} more errors${where}.`);
    }
  }
  return lines;
}

// action/src/report/markdown/legend.ts
var LEGEND = [
  {
    test: (l) => l.startsWith("ns:"),
    text: "<code>ns:NAME</code> = the pods of namespace NAME that a flow names as a whole (an ingress controller), or that no declared service selects"
  },
  {
    test: (l) => l.endsWith("/(other pods)"),
    text: "<code>NAME/(other pods)</code> = the pods of NAME that neither a service nor a flow selects"
  },
  {
    test: (l) => l === "(other namespace)",
    text: "<code>(other namespace)</code> = a pod in a namespace the intent does not declare"
  },
  {
    test: (l) => l.startsWith("internet"),
    text: "<code>internet</code> = any address that no CIDR of the intent declares"
  },
  {
    test: (l) => l === "any other port",
    text: "<code>any other port</code> = a port no rule names"
  }
];
function legend(report2) {
  const labels = /* @__PURE__ */ new Set();
  for (const env of report2.environments) {
    for (const c of env.diff.changes) {
      labels.add(c.from);
      labels.add(c.to);
      if (c.port === "*") labels.add("any other port");
    }
  }
  const entries = LEGEND.filter((e) => [...labels].some(e.test)).map((e) => e.text);
  return entries.length === 0 ? [] : ["", `<sub>${entries.join("; ")}.</sub>`];
}

// action/src/report/markdown/probe-plan.ts
var PROBE_CHANGE_ROWS = { comment: 10, summary: 50 };
function probeSection(report2, detail) {
  const envs = report2.environments.filter(
    (e) => e.probes !== void 0
  );
  if (envs.length === 0) return [];
  const counts = envs.map((e) => [
    code(e.name),
    String(e.probes.checks),
    String(e.probes.expected.allowed),
    String(e.probes.expected.blocked),
    String(e.probes.expected["cannot-check"]),
    String(e.probes.changesTotal)
  ]);
  const lines = [
    "",
    "<details><summary>What the probes will check after merge</summary>",
    "",
    "| environment | checks | expect allowed | expect blocked | cannot be checked | verdicts this change moves |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...counts.map((row) => `| ${row.join(" | ")} |`)
  ];
  const rowsDetail = {
    ...detail,
    maxRows: Math.min(detail.maxRows, PROBE_CHANGE_ROWS[detail.audience])
  };
  for (const env of envs) {
    const p = env.probes;
    if (p.closedUnchecked.length > 0) {
      const shown = p.closedUnchecked.slice(0, rowsDetail.maxRows).map(code);
      const more = p.closedUnchecked.length - shown.length;
      lines.push(
        "",
        `**${code(env.name)}**: no check tries ${p.closedUnchecked.length === 1 ? "the flow" : "the flows"} this change closes (the semantics engine alone says ${p.closedUnchecked.length === 1 ? "it is" : "they are"} blocked): ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`
      );
    }
    if (p.changesTotal === 0) continue;
    const rows = p.changes.map((c) => [
      c.kind,
      code(c.from),
      code(c.to),
      escapeMarkdown(c.port),
      `${c.before} ${ARROW} **${c.after}**`,
      c.why.kind === "diff" ? "a flow change above" : c.why.kind === "default-deny" ? `default-deny of ${code(c.why.namespace)} ${denyVerb(env, c.why.namespace)}` : "**nothing in this change**"
    ]);
    const table_ = table(
      ["check", "from", "to", "port", "verdict", "because of"],
      rows,
      rowsDetail,
      "checks"
    );
    const unlisted = p.changesTotal - p.changes.length;
    lines.push(
      "",
      `**${code(env.name)}**: ${plural(p.changesTotal, "check changes", "checks change")} verdict`,
      "",
      ...table_
    );
    if (unlisted > 0 && rows.length <= rowsDetail.maxRows) lines.push("", `\u2026 and ${unlisted} more checks.`);
  }
  lines.push(
    "",
    "<sub>Judged on one stand-in pod per declared service. After the deploy the probes run this plan against the pods in the cluster; `netpol-rollout probe --plan` prints it for a cluster.</sub>",
    "",
    "</details>"
  );
  return lines;
}
function denyVerb(env, namespace) {
  return env.defaultDeny?.removed.includes(namespace) ? "removed" : "added";
}

// action/src/report/markdown/tiers.ts
function firstFitting(attempts, fits, notice2) {
  let last = "";
  for (const attempt of attempts) {
    last = attempt.render();
    if (fits(last)) return { body: last, tier: attempt.tier };
  }
  return { body: withinLast(last, fits, notice2), tier: "summary" };
}
function withinLast(text, fits, notice2) {
  let budget = text.length;
  let out = text;
  while (!fits(out) && budget > 0) {
    budget = Math.floor(budget * 0.9);
    out = `${cutUtf16(text, budget)}

${notice2}
`;
  }
  return out;
}

// action/src/report/markdown.ts
var MARKER = "<!-- netpol-rollout:preview -->";
var GITHUB_COMMENT_LIMIT = 65536;
var DEFAULT_COMMENT_MAX_CHARS = 65e3;
var GITHUB_SUMMARY_LIMIT_BYTES = 1024 * 1024;
var DEFAULT_SUMMARY_MAX_BYTES = GITHUB_SUMMARY_LIMIT_BYTES - 16 * 1024;
function header(report2, detail) {
  const lines = [];
  if (detail.audience === "comment") lines.push(MARKER);
  lines.push("## Network policy preview", "", ...revisionLine(report2), "", headline(report2, detail));
  if (report2.environments.length > 0) lines.push("", ...overview(report2, detail));
  if (report2.engineNote !== void 0) lines.push("", engineSkippedSentence(report2.engineNote));
  return lines;
}
function renderDocument(report2, detail) {
  const lines = header(report2, detail);
  lines.push(...intentErrorLines(report2.intentErrors, detail));
  const allInvalid = report2.environments.every((e) => e.verdict.kind === "invalid");
  if (!allInvalid)
    for (const env of report2.environments) lines.push(...environmentSection(env, report2, detail));
  if (!allInvalid) lines.push(...probeSection(report2, detail));
  lines.push(...legend(report2));
  return `${lines.join("\n")}
`;
}
function renderSummaryOnly(report2, detail) {
  const lines = header(report2, detail);
  lines.push(...intentErrorLines(report2.intentErrors, detail));
  lines.push(
    "",
    detail.audience === "comment" ? `This report is shortened to fit a comment. Flow changes, Pulumi operations, lint findings and diagrams are${summaryPointer(detail)}.` : "This summary is shortened to fit GitHub's job summary limit; run `netpol-rollout preview` locally for every detail."
  );
  return `${lines.join("\n")}
`;
}
function renderCommentWithTier(report2, options = {}) {
  const max = Math.min(options.maxChars ?? DEFAULT_COMMENT_MAX_CHARS, GITHUB_COMMENT_LIMIT - 1);
  const base = {
    audience: "comment",
    summaryUrl: options.summaryUrl,
    summaryHoldsAll: options.summaryHoldsAll,
    sourceUrl: options.sourceUrl,
    baseSourceUrl: options.baseSourceUrl,
    drift: driftAcrossEnvironments(report2),
    // The comment sums built-in rules up in one line; the job summary lists them.
    builtinRows: false
  };
  const full = {
    ...base,
    maxRows: Number.POSITIVE_INFINITY,
    mermaidMaxEdges: MERMAID_MAX_EDGES,
    mermaidForUnchanged: false,
    explanations: true
  };
  const reduced = (maxRows, mermaidMaxEdges) => ({
    tier: "reduced",
    render: () => renderDocument(report2, {
      ...base,
      maxRows,
      mermaidMaxEdges,
      mermaidForUnchanged: false,
      explanations: false
    })
  });
  const summary2 = (maxRows) => ({
    tier: "summary",
    render: () => renderSummaryOnly(report2, { ...full, maxRows, mermaidMaxEdges: 0, explanations: false })
  });
  return firstFitting(
    [
      { tier: "full", render: () => renderDocument(report2, full) },
      reduced(50, 80),
      reduced(20, 30),
      reduced(8, 0),
      summary2(Number.POSITIVE_INFINITY),
      summary2(30)
    ],
    (s) => s.length <= max,
    `\u2026 the comment is cut here to fit GitHub's limit; the full report is${summaryPointer({ ...full })}.`
  );
}
function renderComment(report2, options = {}) {
  return renderCommentWithTier(report2, options).body;
}
function renderSummaryWithTier(report2, options = {}) {
  const max = Math.min(options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES, GITHUB_SUMMARY_LIMIT_BYTES - 1);
  const full = {
    audience: "summary",
    sourceUrl: options.sourceUrl,
    baseSourceUrl: options.baseSourceUrl,
    drift: driftAcrossEnvironments(report2),
    maxRows: Number.POSITIVE_INFINITY,
    mermaidMaxEdges: MERMAID_MAX_EDGES,
    mermaidForUnchanged: true,
    explanations: true,
    builtinRows: true
  };
  return firstFitting(
    [
      { tier: "full", render: () => renderDocument(report2, full) },
      {
        tier: "reduced",
        render: () => renderDocument(report2, { ...full, maxRows: 1e3, mermaidMaxEdges: 100 })
      },
      {
        tier: "reduced",
        render: () => renderDocument(report2, {
          ...full,
          maxRows: 200,
          mermaidMaxEdges: 0,
          explanations: false,
          builtinRows: false
        })
      },
      { tier: "summary", render: () => renderSummaryOnly(report2, { ...full, maxRows: 1e3 }) },
      { tier: "summary", render: () => renderSummaryOnly(report2, { ...full, maxRows: 50 }) }
    ],
    (s) => Buffer.byteLength(s, "utf8") <= max,
    "\u2026 the summary is cut here to fit GitHub's job summary limit."
  );
}

// action/src/report/annotations.ts
var ANNOTATIONS_PER_TYPE = 10;
function planAnnotations(intentErrors, lint, limit = ANNOTATIONS_PER_TYPE) {
  const candidates = [];
  let seq = 0;
  for (const e of intentErrors) {
    const source = { file: e.file, line: e.line, column: e.column };
    candidates.push({
      annotation: {
        level: "error",
        title: "Invalid intent",
        message: e.hint ? `${e.message} (${e.hint})` : e.message,
        ...position(source)
      },
      origin: 0,
      source,
      seq: seq++
    });
  }
  for (const f of lint) {
    const title = f.environment ? `${f.environment}: ${f.code}` : f.code;
    const candidate = {
      annotation: { level: f.severity, title, message: f.message, ...position(f.source) },
      origin: 1,
      seq: seq++
    };
    if (f.source) candidate.source = f.source;
    candidates.push(candidate);
  }
  candidates.sort(compareCandidates);
  const annotations = [];
  const omitted = { error: 0, warning: 0 };
  const shown = { error: 0, warning: 0 };
  const seen = /* @__PURE__ */ new Set();
  for (const { annotation } of candidates) {
    const key = JSON.stringify([
      annotation.level,
      annotation.file,
      annotation.startLine,
      annotation.startColumn,
      annotation.message
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    if (shown[annotation.level] < limit) {
      shown[annotation.level]++;
      annotations.push(annotation);
    } else {
      omitted[annotation.level]++;
    }
  }
  const plan = { annotations, omitted };
  const parts = [];
  if (omitted.error > 0) parts.push(`${omitted.error} more ${omitted.error === 1 ? "error" : "errors"}`);
  if (omitted.warning > 0)
    parts.push(`${omitted.warning} more ${omitted.warning === 1 ? "warning" : "warnings"}`);
  if (parts.length > 0) plan.notice = `${parts.join(" and ")} \u2014 see the job summary`;
  return plan;
}
function emitAnnotations(plan, sink) {
  for (const a of plan.annotations) {
    const props = { title: a.title };
    if (a.file !== void 0) props.file = a.file;
    if (a.startLine !== void 0) props.startLine = a.startLine;
    if (a.startColumn !== void 0) props.startColumn = a.startColumn;
    if (a.level === "error") sink.error(a.message, props);
    else sink.warning(a.message, props);
  }
  if (plan.notice) sink.notice(plan.notice);
}
function position(source) {
  if (!source) return {};
  return { file: source.file, startLine: source.line, startColumn: source.column };
}
function compareCandidates(a, b) {
  const level = (c) => c.annotation.level === "error" ? 0 : 1;
  if (level(a) !== level(b)) return level(a) - level(b);
  if (a.origin !== b.origin) return a.origin - b.origin;
  if (a.source && !b.source) return -1;
  if (!a.source && b.source) return 1;
  if (a.source && b.source) {
    if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
    if (a.source.line !== b.source.line) return a.source.line - b.source.line;
    if (a.source.column !== b.source.column) return a.source.column - b.source.column;
  }
  return a.seq - b.seq;
}

// action/src/commands/action-preview.ts
var FORK_SKIP_REASON = "fork pull request: secrets are not available";
var TARGET_SKIP_REASON = "pull_request_target: secrets are present and the head is untrusted, so the engine never runs on it";
var HeadNotFetchedError = class extends Error {
  name = "HeadNotFetchedError";
};
var PreviewFailedError = class extends Error {
  constructor(reasons) {
    super(reasons.length === 1 ? reasons[0] ?? "" : reasons.map((r) => `- ${r}`).join("\n"));
    this.reasons = reasons;
  }
  reasons;
  name = "PreviewFailedError";
};
var BaseNotFetchedError = class extends Error {
  name = "BaseNotFetchedError";
};
function commentSkipReason(settings) {
  const pr = settings.github.pullRequest;
  if (!pr) return `not a pull request (event ${settings.github.eventName || "unknown"}): no comment`;
  if (pr.isFork && settings.github.eventName !== "pull_request_target")
    return "fork pull request: the token is read-only, so no comment is posted";
  if (!settings.commentOnPr) return "comment-on-pr is false: no comment";
  return void 0;
}
function engineSkipReason(settings) {
  if (settings.github.eventName === "pull_request_target") return TARGET_SKIP_REASON;
  if (settings.github.pullRequest?.isFork) return FORK_SKIP_REASON;
  if (settings.pulumiEngine === "off") return "the engine part is turned off (pulumi-engine: off)";
  return void 0;
}
async function runActionPreview(settings, deps, io) {
  const baseLabel = settings.baseRef === void 0 ? "no base (everything is new)" : `${settings.baseRef} (${settings.baseRefSource})`;
  io.info(`Previewing ${settings.policiesDir}/ against ${baseLabel}`);
  let report2;
  try {
    const opts = { policiesDir: settings.policiesDir };
    if (settings.baseRef !== void 0) opts.baseRef = settings.baseRef;
    if (settings.environments) opts.environments = settings.environments;
    const headSha = settings.github.pullRequest?.headSha ?? settings.github.sha;
    if (headSha) opts.headRef = headSha;
    if ("skipReason" in deps.engine) opts.engineSkipReason = deps.engine.skipReason;
    report2 = await runPreview(
      {
        git: deps.git,
        readHead: deps.readHead,
        ..."engine" in deps.engine ? { engine: deps.engine.engine } : {}
      },
      opts
    );
  } catch (error2) {
    const failure = error2 instanceof BaseRefNotFoundError ? new BaseNotFetchedError(
      `${error2.message}. The checkout must contain the base commit: use actions/checkout with fetch-depth: 0.`
    ) : error2;
    if (settings.runner.stepSummaryPath) {
      const message = failure instanceof Error ? failure.message : String(failure);
      const scrub = createScrubber(settings.secrets);
      await io.writeSummary(
        `## Network policy preview

The preview could not run: ${escapeMarkdown(scrub.scrub(message))}
`
      );
    }
    throw failure;
  }
  const scrubber = createScrubber(settings.secrets);
  report2 = scrubber.scrubDeep(report2);
  const outputs = previewOutputs(report2);
  let summaryHoldsAll = true;
  if (settings.runner.stepSummaryPath) {
    const summary2 = renderSummaryWithTier(report2, sourceLinks(settings, report2));
    summaryHoldsAll = summary2.tier === "full";
    await io.writeSummary(scrubber.scrub(summary2.body));
  } else {
    io.info("No job summary file (GITHUB_STEP_SUMMARY is not set): the summary is not written.");
  }
  const headErrors = report2.intentErrors.filter((e) => e.side === "head");
  const lint = report2.environments.flatMap((e) => e.lint);
  emitAnnotations(planAnnotations(headErrors, lint), io);
  for (const env of report2.environments) {
    if (env.engine.status === "failed") io.warn(`Pulumi preview for ${env.name}: ${env.engine.error}`);
  }
  io.setOutput("changed", String(outputs.changed));
  io.setOutput("flows-added", String(outputs.flowsAdded));
  io.setOutput("flows-removed", String(outputs.flowsRemoved));
  io.setOutput("lint-errors", String(outputs.lintErrors));
  const reportPath = join(settings.runner.temp, "netpol-rollout", "preview-report.json");
  const json = `${JSON.stringify({ schemaVersion: 1, outputs, report: report2 }, null, 2)}
`;
  await (deps.writeReport ?? writeReportFile)(reportPath, scrubber.scrub(json));
  io.setOutput("report", reportPath);
  const failures = failureReasons(report2, outputs, settings.failOn);
  let comment;
  const skip = commentSkipReason(settings);
  const pr = settings.github.pullRequest;
  if (skip !== void 0 || !pr) {
    io.info(skip ?? "no comment");
  } else if (!deps.github) {
    io.info("no GitHub client: no comment");
  } else {
    const summaryUrl = runUrl(settings.github);
    const body = renderComment(report2, {
      ...summaryUrl ? { summaryUrl } : {},
      summaryHoldsAll,
      ...sourceLinks(settings, report2)
    });
    try {
      comment = await deps.github.upsertStickyComment(
        { owner: settings.github.owner, repo: settings.github.repo, number: pr.number },
        MARKER,
        scrubber.scrub(body)
      );
      const removed = comment.removed > 0 ? ` (${plural(comment.removed, "duplicate")} from runs at the same time removed)` : "";
      io.info(`Pull request comment ${comment.action}: ${comment.url}${removed}`);
    } catch (error2) {
      if (error2 instanceof GitHubPermissionError) {
        io.warn(
          `Could not comment on pull request #${pr.number}: ${error2.message}. The token is read-only (a pull request from a fork, or the workflow lacks \`permissions: pull-requests: write\`); the report is in the job summary.`
        );
      } else if (error2 instanceof GitHubRateLimitError) {
        const reset = error2.resetAt ? ` until ${error2.resetAt.toISOString()}` : "";
        io.warn(
          `Could not comment on pull request #${pr.number}: rate limited${reset} (${error2.message}); the report is in the job summary.`
        );
      } else if (error2 instanceof GitHubApiError) {
        failures.push(
          `the pull request comment could not be posted: ${error2.message}. The report is in the job summary and in ${reportPath}; re-run the job to post it.`
        );
      } else {
        throw error2;
      }
    }
  }
  const result = { report: report2, outputs, reportPath, failures };
  if (comment) result.comment = comment;
  if (failures.length > 0) throw new PreviewFailedError(failures);
  io.info(
    outputs.changed ? `Preview: ${outputs.flowsAdded} flows opened, ${outputs.flowsRemoved} closed.` : "Preview: no change."
  );
  return result;
}
function failureReasons(report2, outputs, failOn) {
  const reasons = [];
  if (outputs.invalid) {
    reasons.push(
      `the intent is invalid: ${plural(outputs.intentErrors, "error")} (see the annotations and the job summary)`
    );
  }
  if (failOn === "never") return reasons;
  if (outputs.lintErrors > 0)
    reasons.push(`lint found ${plural(outputs.lintErrors, "error")} (fail-on: ${failOn})`);
  if (failOn === "warning" && outputs.lintWarnings > 0) {
    reasons.push(`lint found ${plural(outputs.lintWarnings, "warning")} (fail-on: warning)`);
  }
  for (const env of report2.environments) {
    if (env.engine.status === "failed")
      reasons.push(`the Pulumi preview of ${env.name} failed: ${env.engine.error}`);
  }
  return reasons;
}
function sourceLinks(settings, report2) {
  const { github } = settings;
  if (!github.owner) return {};
  const blob = (sha2) => `${github.serverUrl.replace(/\/+$/, "")}/${github.owner}/${github.repo}/blob/${sha2}/`;
  const sha = github.pullRequest?.headSha ?? github.sha;
  return {
    ...sha ? { sourceUrl: blob(sha) } : {},
    ...report2.baseSha ? { baseSourceUrl: blob(report2.baseSha) } : {}
  };
}
async function writeReportFile(path, text) {
  await mkdir2(join(path, ".."), { recursive: true });
  await writeFile2(path, text, "utf8");
}
async function readWorkingTree(workspace, dir) {
  const tree = await readIntentTree(workspace, join(workspace, dir));
  return tree.files;
}
async function readHeadObjects(git, settings) {
  const pr = settings.github.pullRequest;
  const head = pr?.headSha;
  if (!pr || !head) throw new HeadNotFetchedError("pull_request_target: the event names no head commit");
  const sha = await git.resolve(head);
  if (!sha) {
    throw new HeadNotFetchedError(
      `pull_request_target: the head commit ${head} of pull request #${pr.number} is not in the checkout, which holds the base. Fetch it as git objects without checking it out, before this step: git fetch --no-tags origin +refs/pull/${pr.number}/head:refs/remotes/pull/${pr.number}/head`
    );
  }
  return git.readTree(sha, settings.policiesDir);
}

// action/src/adapters/actions.ts
function createActionsIo() {
  return {
    info: (message) => info(message),
    warn: (message) => warning(message),
    error: (message, props) => error(message, props),
    warning: (message, props) => warning(message, props),
    notice: (message) => notice(message),
    setOutput: (name, value) => setOutput(name, value),
    writeSummary: async (markdown) => {
      await summary.addRaw(markdown, true).write();
    }
  };
}

// action/src/adapters/cancel.ts
import { setMaxListeners } from "node:events";
function cancelOnSignals(source, log) {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const handlers = ["SIGINT", "SIGTERM"].map((name) => {
    const handler = () => {
      if (!controller.signal.aborted) {
        log(`${name} received: cancelling; no further step starts and the probe pods are deleted`);
        controller.abort(new Error(`cancelled by ${name}`));
      } else {
        log(`${name} received again: still cleaning up`);
      }
    };
    source.on(name, handler);
    return { name, handler };
  });
  return {
    signal: controller.signal,
    dispose() {
      for (const { name, handler } of handlers) source.off(name, handler);
    }
  };
}

// action/src/wiring/preview.ts
import { join as join2, relative } from "node:path";
function previewDeps(settings, io, actionDir = actionDirOf(import.meta.url)) {
  const { workspace } = settings.runner;
  const git = createGitReader(workspace, settings.runner.toolEnv);
  const deps = {
    git,
    // Under pull_request_target the checkout is the base: the head is read as git objects.
    readHead: settings.github.eventName === "pull_request_target" ? () => readHeadObjects(git, settings) : () => readWorkingTree(workspace, settings.policiesDir),
    engine: { skipReason: "" }
  };
  const program = chooseProgram({
    workspace,
    workDirInput: settings.workDirGiven ? relative(workspace, settings.workDir) || "." : "",
    project: settings.pulumiProject
  });
  const skip = engineSkipReason(settings);
  if (skip !== void 0) {
    deps.engine = { skipReason: skip };
  } else {
    const availability = checkAvailability({
      workDir: program.kind === "project" ? program.workDir : void 0,
      workspace,
      env: settings.pulumi
    });
    if (availability.available && program.kind === "shipped") {
      io.info(`Pulumi CLI: ${availability.cliPath}`);
      const log = (line) => io.info(line);
      deps.engine = {
        engine: shippedProgramEngine(
          () => prepareShippedProgram({ actionDir, temp: settings.runner.temp, project: program.project, log }),
          (workDir) => createPulumiEngine({
            workDir,
            workspace,
            env: settings.pulumi,
            cliPath: availability.cliPath,
            stackTemplate: settings.stackTemplate,
            // The shipped project lives outside the repository: the intent by absolute path.
            policiesDir: join2(workspace, settings.policiesDir),
            log
          }),
          (environment) => stackName(settings.stackTemplate, environment)
        )
      };
    } else if (availability.available && program.kind === "project") {
      io.info(`Pulumi CLI: ${availability.cliPath}`);
      deps.engine = {
        engine: createPulumiEngine({
          workDir: program.workDir,
          workspace,
          env: settings.pulumi,
          cliPath: availability.cliPath,
          stackTemplate: settings.stackTemplate,
          policiesDir: settings.policiesDir,
          log: (line) => io.info(line)
        })
      };
    } else if (!availability.available) {
      deps.engine = { skipReason: availability.reason };
    }
  }
  if ("skipReason" in deps.engine) io.info(`Pulumi part skipped: ${deps.engine.skipReason}`);
  if (commentSkipReason(settings) === void 0) {
    deps.github = createGitHubAdapter({
      token: settings.githubToken,
      apiUrl: settings.github.apiUrl,
      ...settings.commentAuthor ? { commentAuthor: settings.commentAuthor } : {}
    });
  }
  return deps;
}

// action/src/main.ts
async function run(options = {}) {
  const io = options.io ?? createActionsIo();
  try {
    const settings = parseSettings({
      env: options.env ?? process.env,
      cwd: options.cwd ?? process.cwd(),
      readFile: (path) => readFileSync(path, "utf8"),
      tmpdir: tmpdir()
    });
    for (const secret of settings.secrets) setSecret(secret);
    io.info(`netpol-rollout ${settings.command}`);
    switch (settings.command) {
      case "preview":
        await runActionPreview(settings, previewDeps(settings, io), io);
        return;
      case "deploy":
      case "rollback":
      case "probe": {
        const cancel = cancelOnSignals(options.signals ?? process, (line) => io.warn(line));
        try {
          const { checkStateNamespace, rolloutWiring } = await import("./chunks/rollout-JDTTCDDM.js");
          const { runActionRollout } = await import("./chunks/action-rollout-GZOJOZ46.js");
          const wired = rolloutWiring(settings, io, { ...options.rollout, signal: cancel.signal });
          for (const secret of wired.secrets) setSecret(secret);
          if (settings.command !== "probe") await checkStateNamespace(wired.cluster, settings.stateNamespace);
          await runActionRollout(wired.settings, wired.deps, io);
        } finally {
          cancel.dispose();
        }
        return;
      }
    }
  } catch (error2) {
    if (error2 instanceof Error && error2.stack) debug(error2.stack);
    setFailed(error2 instanceof Error ? error2.message : String(error2));
  }
}

// action/src/index.ts
await run();
