import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  require_tunnel,
  require_undici
} from "./chunks/chunk-HGVL7XJF.js";
import {
  actionDirOf,
  checkAvailability,
  chooseProgram,
  commentSkipReason,
  createGitHubAdapter,
  createGitReader,
  createPulumiEngine,
  engineSkipReason,
  parseSettings,
  prepareShippedProgram,
  readHeadObjects,
  readWorkingTree,
  runActionPreview,
  shippedProgramEngine,
  stackName,
  systemClock,
  writeTextFile
} from "./chunks/chunk-4EASZ4Y4.js";
import {
  dns1123LabelProblem,
  labelKeyProblem,
  labelValueProblem,
  parseIp
} from "./chunks/chunk-E33JMYOG.js";
import {
  __toESM
} from "./chunks/chunk-JYXQAFTB.js";

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
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
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
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
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
      } catch (_a2) {
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
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
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
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
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
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
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
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
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
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
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
function createStepStatus() {
  return {
    mask: (value) => setSecret(value),
    debug: (message) => debug(message),
    fail: (message) => setFailed(message)
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

// action/src/adapters/runner.ts
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
function readTextFileSync(path6) {
  return readFileSync(path6, "utf8");
}
function osTempDir() {
  return tmpdir();
}

// action/src/wiring/action.ts
function actionIo() {
  return createActionsIo();
}
function stepStatus() {
  return createStepStatus();
}
function settingsSource(env, cwd) {
  return { env, cwd, readFile: readTextFileSync, tmpdir: osTempDir() };
}

// action/src/adapters/flow-patterns.ts
import { lstat as lstat3 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join2, relative as relative2 } from "node:path";

// node_modules/@actions/glob/lib/internal-globber.js
import * as fs3 from "fs";

// node_modules/@actions/glob/lib/internal-glob-options-helper.js
function getOptions(copy) {
  const result = {
    followSymbolicLinks: true,
    implicitDescendants: true,
    matchDirectories: true,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: false
  };
  if (copy) {
    if (typeof copy.followSymbolicLinks === "boolean") {
      result.followSymbolicLinks = copy.followSymbolicLinks;
      debug(`followSymbolicLinks '${result.followSymbolicLinks}'`);
    }
    if (typeof copy.implicitDescendants === "boolean") {
      result.implicitDescendants = copy.implicitDescendants;
      debug(`implicitDescendants '${result.implicitDescendants}'`);
    }
    if (typeof copy.matchDirectories === "boolean") {
      result.matchDirectories = copy.matchDirectories;
      debug(`matchDirectories '${result.matchDirectories}'`);
    }
    if (typeof copy.omitBrokenSymbolicLinks === "boolean") {
      result.omitBrokenSymbolicLinks = copy.omitBrokenSymbolicLinks;
      debug(`omitBrokenSymbolicLinks '${result.omitBrokenSymbolicLinks}'`);
    }
    if (typeof copy.excludeHiddenFiles === "boolean") {
      result.excludeHiddenFiles = copy.excludeHiddenFiles;
      debug(`excludeHiddenFiles '${result.excludeHiddenFiles}'`);
    }
  }
  return result;
}

// node_modules/@actions/glob/lib/internal-globber.js
import * as path5 from "path";

// node_modules/@actions/glob/lib/internal-path-helper.js
import * as path from "path";
import assert from "assert";
var IS_WINDOWS3 = process.platform === "win32";
function dirname2(p) {
  p = safeTrimTrailingSeparator(p);
  if (IS_WINDOWS3 && /^\\\\[^\\]+(\\[^\\]+)?$/.test(p)) {
    return p;
  }
  let result = path.dirname(p);
  if (IS_WINDOWS3 && /^\\\\[^\\]+\\[^\\]+\\$/.test(result)) {
    result = safeTrimTrailingSeparator(result);
  }
  return result;
}
function ensureAbsoluteRoot(root, itemPath) {
  assert(root, `ensureAbsoluteRoot parameter 'root' must not be empty`);
  assert(itemPath, `ensureAbsoluteRoot parameter 'itemPath' must not be empty`);
  if (hasAbsoluteRoot(itemPath)) {
    return itemPath;
  }
  if (IS_WINDOWS3) {
    if (itemPath.match(/^[A-Z]:[^\\/]|^[A-Z]:$/i)) {
      let cwd = process.cwd();
      assert(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
      if (itemPath[0].toUpperCase() === cwd[0].toUpperCase()) {
        if (itemPath.length === 2) {
          return `${itemPath[0]}:\\${cwd.substr(3)}`;
        } else {
          if (!cwd.endsWith("\\")) {
            cwd += "\\";
          }
          return `${itemPath[0]}:\\${cwd.substr(3)}${itemPath.substr(2)}`;
        }
      } else {
        return `${itemPath[0]}:\\${itemPath.substr(2)}`;
      }
    } else if (normalizeSeparators(itemPath).match(/^\\$|^\\[^\\]/)) {
      const cwd = process.cwd();
      assert(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
      return `${cwd[0]}:\\${itemPath.substr(1)}`;
    }
  }
  assert(hasAbsoluteRoot(root), `ensureAbsoluteRoot parameter 'root' must have an absolute root`);
  if (root.endsWith("/") || IS_WINDOWS3 && root.endsWith("\\")) {
  } else {
    root += path.sep;
  }
  return root + itemPath;
}
function hasAbsoluteRoot(itemPath) {
  assert(itemPath, `hasAbsoluteRoot parameter 'itemPath' must not be empty`);
  itemPath = normalizeSeparators(itemPath);
  if (IS_WINDOWS3) {
    return itemPath.startsWith("\\\\") || /^[A-Z]:\\/i.test(itemPath);
  }
  return itemPath.startsWith("/");
}
function hasRoot(itemPath) {
  assert(itemPath, `isRooted parameter 'itemPath' must not be empty`);
  itemPath = normalizeSeparators(itemPath);
  if (IS_WINDOWS3) {
    return itemPath.startsWith("\\") || /^[A-Z]:/i.test(itemPath);
  }
  return itemPath.startsWith("/");
}
function normalizeSeparators(p) {
  p = p || "";
  if (IS_WINDOWS3) {
    p = p.replace(/\//g, "\\");
    const isUnc = /^\\\\+[^\\]/.test(p);
    return (isUnc ? "\\" : "") + p.replace(/\\\\+/g, "\\");
  }
  return p.replace(/\/\/+/g, "/");
}
function safeTrimTrailingSeparator(p) {
  if (!p) {
    return "";
  }
  p = normalizeSeparators(p);
  if (!p.endsWith(path.sep)) {
    return p;
  }
  if (p === path.sep) {
    return p;
  }
  if (IS_WINDOWS3 && /^[A-Z]:\\$/i.test(p)) {
    return p;
  }
  return p.substr(0, p.length - 1);
}

// node_modules/@actions/glob/lib/internal-match-kind.js
var MatchKind;
(function(MatchKind2) {
  MatchKind2[MatchKind2["None"] = 0] = "None";
  MatchKind2[MatchKind2["Directory"] = 1] = "Directory";
  MatchKind2[MatchKind2["File"] = 2] = "File";
  MatchKind2[MatchKind2["All"] = 3] = "All";
})(MatchKind || (MatchKind = {}));

// node_modules/@actions/glob/lib/internal-pattern-helper.js
var IS_WINDOWS4 = process.platform === "win32";
function getSearchPaths(patterns) {
  patterns = patterns.filter((x) => !x.negate);
  const searchPathMap = {};
  for (const pattern of patterns) {
    const key = IS_WINDOWS4 ? pattern.searchPath.toUpperCase() : pattern.searchPath;
    searchPathMap[key] = "candidate";
  }
  const result = [];
  for (const pattern of patterns) {
    const key = IS_WINDOWS4 ? pattern.searchPath.toUpperCase() : pattern.searchPath;
    if (searchPathMap[key] === "included") {
      continue;
    }
    let foundAncestor = false;
    let tempKey = key;
    let parent = dirname2(tempKey);
    while (parent !== tempKey) {
      if (searchPathMap[parent]) {
        foundAncestor = true;
        break;
      }
      tempKey = parent;
      parent = dirname2(tempKey);
    }
    if (!foundAncestor) {
      result.push(pattern.searchPath);
      searchPathMap[key] = "included";
    }
  }
  return result;
}
function match(patterns, itemPath) {
  let result = MatchKind.None;
  for (const pattern of patterns) {
    if (pattern.negate) {
      result &= ~pattern.match(itemPath);
    } else {
      result |= pattern.match(itemPath);
    }
  }
  return result;
}
function partialMatch(patterns, itemPath) {
  return patterns.some((x) => !x.negate && x.partialMatch(itemPath));
}

// node_modules/@actions/glob/lib/internal-pattern.js
import * as os5 from "os";
import * as path4 from "path";
import assert3 from "assert";

// node_modules/balanced-match/dist/esm/index.js
var range = (a, b, str) => {
  let begs, beg, left, right = void 0, result;
  let ai = str.indexOf(a);
  let bi = str.indexOf(b, ai + 1);
  let i = ai;
  if (ai >= 0 && bi > 0) {
    if (a === b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;
    while (i >= 0 && !result) {
      if (i === ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length === 1) {
        const r = begs.pop();
        if (r !== void 0)
          result = [r, bi];
      } else {
        beg = begs.pop();
        if (beg !== void 0 && beg < left) {
          left = beg;
          right = bi;
        }
        bi = str.indexOf(b, i + 1);
      }
      i = ai < bi && ai >= 0 ? ai : bi;
    }
    if (begs.length && right !== void 0) {
      result = [left, right];
    }
  }
  return result;
};

// node_modules/brace-expansion/dist/esm/index.js
var escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
var escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
var escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
var escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
var escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
var escSlashPattern = new RegExp(escSlash, "g");
var escOpenPattern = new RegExp(escOpen, "g");
var escClosePattern = new RegExp(escClose, "g");
var escCommaPattern = new RegExp(escComma, "g");
var escPeriodPattern = new RegExp(escPeriod, "g");
var slashPattern = /\\\\/g;
var openPattern = /\\{/g;
var closePattern = /\\}/g;
var commaPattern = /\\,/g;
var periodPattern = /\\\./g;
var EXPANSION_MAX = 1e5;
var EXPANSION_MAX_LENGTH = 4e6;
var EXPANSION_MAX_DEPTH = 1e3;
var EXPANSION_MAX_REWRITES = 1e3;
var EXPANSION_MAX_STEPS = 2e7;
var CALL_STEPS = 16;
function numeric(str) {
  return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
  return str.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
  return str.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
}
function pushAll(target, items) {
  for (let i = 0; i < items.length; i++) {
    target.push(items[i]);
  }
}
function balancedWithBudget(str, masked, budget) {
  if (budget.remaining < 0) {
    return void 0;
  }
  const r = range("{", "}", masked);
  const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
  budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
  if (!r || budget.remaining < 0) {
    return void 0;
  }
  return {
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + 1, r[1]),
    post: str.slice(r[1] + 1),
    unmatched
  };
}
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length;
  const open3 = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 123) {
      open3.push(i);
    } else if (c === 125 && open3.length) {
      open3.pop();
    }
  }
  let out = "";
  let last = 0;
  for (let i = 0; i < open3.length; i++) {
    const at = open3[i];
    out += masked.slice(last, at) + "\0";
    last = at + 1;
  }
  return out + masked.slice(last);
}
function commaSetFollows(str, budget) {
  budget.remaining -= str.length;
  if (budget.remaining < 0) {
    return false;
  }
  let close = false;
  for (let i = str.length - 1; i >= 0; i--) {
    const c = str.charCodeAt(i);
    if (c === 125) {
      close = true;
    } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
      close = false;
    } else if (c === 44 && close && str.charCodeAt(i + 1) !== 44) {
      return true;
    }
  }
  return false;
}
function parseCommaParts(str, budget) {
  const parts = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str, str, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts, tail);
      return parts;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts, p);
      return parts;
    }
    carry = p.pop();
    pushAll(parts, p);
    str = post;
  }
}
function bound(value, fallback) {
  return value === void 0 || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
  if (!str) {
    return [];
  }
  const max = bound(options.max, EXPANSION_MAX);
  const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
  const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
  const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
  const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
  if (str.slice(0, 2) === "{}") {
    str = "\\{\\}" + str.slice(2);
  }
  return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
  return "{" + str + "}";
}
function isPadded(el) {
  return /^-?0\d/.test(el);
}
function lte(i, y) {
  return i <= y;
}
function gte(i, y) {
  return i >= y;
}
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
  const out = [];
  let length = 0;
  let nonEmpty;
  outer: for (let a = 0; a < acc.length; a++) {
    const prefix = acc[a] + pre;
    let vs = values;
    if (dropEmpties && !prefix) {
      if (!nonEmpty)
        nonEmpty = values.filter((v) => v);
      vs = nonEmpty;
    }
    for (let v = 0; v < vs.length; v++) {
      if (out.length >= max)
        break outer;
      const expansion = prefix + vs[v];
      if (length + expansion.length > maxLength)
        break outer;
      out.push(expansion);
      length += expansion.length;
    }
  }
  budget.remaining -= out.length;
  return out;
}
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  const n = body.split(/\.\./);
  const N = [];
  if (n[0] === void 0 || n[1] === void 0) {
    return N;
  }
  const x = numeric(n[0]);
  const y = numeric(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
  let test = lte;
  const reverse = y < x;
  if (reverse) {
    incr *= -1;
    test = gte;
  }
  const pad = n.some(isPadded);
  const cost = pad ? width : 1;
  let length = 0;
  for (let i = x; test(i, y) && N.length < max; i += incr) {
    budget.remaining -= cost;
    if (budget.remaining < 0) {
      return void 0;
    }
    let c;
    if (isAlphaSequence) {
      c = String.fromCharCode(i);
      if (c === "\\") {
        c = "";
      }
    } else {
      c = String(i);
      if (pad) {
        const need = width - c.length;
        if (need > 0) {
          const z = new Array(need + 1).join("0");
          if (i < 0) {
            c = "-" + z + c.slice(1);
          } else {
            c = z + c;
          }
        }
      }
    }
    if (length + c.length > maxLength)
      break;
    N.push(c);
    length += c.length;
  }
  return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
  budget.remaining -= CALL_STEPS;
  if (depth > maxDepth) {
    return [str];
  }
  let acc = [""];
  let rewrites = 0;
  let dropEmpties = false;
  let firstGroup = true;
  let masked = str;
  for (; ; ) {
    const m = balancedWithBudget(str, masked, budget);
    if (!m) {
      return combine(acc, str, [""], max, maxLength, dropEmpties, budget);
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget);
    }
    const pre = m.pre;
    const literal = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
    if (/\$$/.test(pre)) {
      acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
      firstGroup = false;
      if (!m.post.length)
        break;
      str = m.post;
      masked = masked.slice(m.end + 1);
      continue;
    }
    const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
    const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
    const isSequence = isNumericSequence || isAlphaSequence;
    const isOptions = m.body.indexOf(",") >= 0;
    if (!isSequence && !isOptions) {
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++;
        str = m.pre + "{" + m.body + escClose + m.post;
        masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
        isTop = true;
        continue;
      }
      return literal();
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values;
    if (isSequence) {
      values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
      if (!values) {
        return literal();
      }
    } else {
      let n = parseCommaParts(m.body, budget);
      if (!n) {
        return literal();
      }
      if (n.length === 1 && n[0] !== void 0) {
        n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
        if (budget.remaining < 0) {
          return literal();
        }
        if (n.length === 1) {
          const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
          if (budget.remaining < 0) {
            return literal();
          }
          acc = next2;
          if (!m.post.length)
            break;
          str = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
      }
      let dropsEmpties = dropEmpties && !m.post.length && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) {
          dropsEmpties = false;
        }
      }
      values = [];
      let valuesLength = 0;
      outer: for (let j = 0; j < n.length; j++) {
        const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
        if (budget.remaining < 0) {
          return literal();
        }
        for (let k = 0; k < expanded.length; k++) {
          const v = expanded[k];
          if (dropsEmpties && !v)
            continue;
          if (values.length >= max || valuesLength + v.length > maxLength) {
            break outer;
          }
          values.push(v);
          valuesLength += v.length;
        }
      }
    }
    const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
    if (budget.remaining < 0) {
      return literal();
    }
    acc = next;
    if (!m.post.length)
      break;
    str = m.post;
    masked = masked.slice(m.end + 1);
  }
  return acc;
}

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/brace-expressions.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}", true],
  "[:alpha:]": ["\\p{L}\\p{Nl}", true],
  "[:ascii:]": ["\\x00-\\x7f", false],
  "[:blank:]": ["\\p{Zs}\\t", true],
  "[:cntrl:]": ["\\p{Cc}", true],
  "[:digit:]": ["\\p{Nd}", true],
  "[:graph:]": ["\\p{Z}\\p{C}", true, true],
  "[:lower:]": ["\\p{Ll}", true],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}", true],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f", true],
  "[:upper:]": ["\\p{Lu}", true],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}", true],
  "[:xdigit:]": ["A-Fa-f0-9", false]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var rangesToString = (ranges) => ranges.join("");
var parseClass = (glob, position) => {
  const pos = position;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let uflag = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = glob.charAt(i);
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return ["$.", false, glob.length - pos, true];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          uflag = uflag || u;
          continue WHILE;
        }
      }
    }
    escaping = false;
    if (rangeStart) {
      if (c > rangeStart) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(c));
      } else if (c === rangeStart) {
        ranges.push(braceEscape(c));
      }
      rangeStart = "";
      i++;
      continue;
    }
    if (glob.startsWith("-]", i + 1)) {
      ranges.push(braceEscape(c + "-"));
      i += 2;
      continue;
    }
    if (glob.startsWith("-", i + 1)) {
      rangeStart = c;
      i += 2;
      continue;
    }
    ranges.push(braceEscape(c));
    i++;
  }
  if (endPos < i) {
    return ["", false, 0, false];
  }
  if (!ranges.length && !negs.length) {
    return ["$.", false, glob.length - pos, true];
  }
  if (negs.length === 0 && ranges.length === 1 && /^\\?.$/.test(ranges[0]) && !negate) {
    const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
    return [regexpEscape(r), false, endPos - pos, false];
  }
  const sranges = "[" + (negate ? "^" : "") + rangesToString(ranges) + "]";
  const snegs = "[" + (negate ? "" : "^") + rangesToString(negs) + "]";
  const comb = ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs;
  return [comb, uflag, endPos - pos, true];
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/ast.js
var _a;
var types = /* @__PURE__ */ new Set(["!", "?", "+", "*", "@"]);
var isExtglobType = (c) => types.has(c);
var isExtglobAST = (c) => isExtglobType(c.type);
var adoptionMap = /* @__PURE__ */ new Map([
  ["!", ["@"]],
  ["?", ["?", "@"]],
  ["@", ["@"]],
  ["*", ["*", "+", "?", "@"]],
  ["+", ["+", "@"]]
]);
var adoptionWithSpaceMap = /* @__PURE__ */ new Map([
  ["!", ["?"]],
  ["@", ["?"]],
  ["+", ["?", "*"]]
]);
var adoptionAnyMap = /* @__PURE__ */ new Map([
  ["!", ["?", "@"]],
  ["?", ["?", "@"]],
  ["@", ["?", "@"]],
  ["*", ["*", "+", "?", "@"]],
  ["+", ["+", "@", "?", "*"]]
]);
var usurpMap = /* @__PURE__ */ new Map([
  ["!", /* @__PURE__ */ new Map([["!", "@"]])],
  [
    "?",
    /* @__PURE__ */ new Map([
      ["*", "*"],
      ["+", "*"]
    ])
  ],
  [
    "@",
    /* @__PURE__ */ new Map([
      ["!", "!"],
      ["?", "?"],
      ["@", "@"],
      ["*", "*"],
      ["+", "+"]
    ])
  ],
  [
    "+",
    /* @__PURE__ */ new Map([
      ["?", "*"],
      ["*", "*"]
    ])
  ]
]);
var startNoTraversal = "(?!(?:^|/)\\.\\.?(?:$|/))";
var startNoDot = "(?!\\.)";
var addPatternStart = /* @__PURE__ */ new Set(["[", "."]);
var justDots = /* @__PURE__ */ new Set(["..", "."]);
var reSpecials = new Set("().*{}+?[]^$\\!");
var regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var qmark = "[^/]";
var star = qmark + "*?";
var starNoEmpty = qmark + "+?";
var ID = 0;
var AST = class {
  type;
  #root;
  #hasMagic;
  #uflag = false;
  #parts = [];
  #parent;
  #parentIndex;
  #negs;
  #filledNegs = false;
  #options;
  #toString;
  // set to true if it's an extglob with no children
  // (which really means one child of '')
  #emptyExt = false;
  id = ++ID;
  get depth() {
    return (this.#parent?.depth ?? -1) + 1;
  }
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return {
      "@@type": "AST",
      id: this.id,
      type: this.type,
      root: this.#root.id,
      parent: this.#parent?.id,
      depth: this.depth,
      partsLength: this.#parts.length,
      parts: this.#parts
    };
  }
  constructor(type, parent, options = {}) {
    this.type = type;
    if (type)
      this.#hasMagic = true;
    this.#parent = parent;
    this.#root = this.#parent ? this.#parent.#root : this;
    this.#options = this.#root === this ? options : this.#root.#options;
    this.#negs = this.#root === this ? [] : this.#root.#negs;
    if (type === "!" && !this.#root.#filledNegs)
      this.#negs.push(this);
    this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
  }
  get hasMagic() {
    if (this.#hasMagic !== void 0)
      return this.#hasMagic;
    for (const p of this.#parts) {
      if (typeof p === "string")
        continue;
      if (p.type || p.hasMagic)
        return this.#hasMagic = true;
    }
    return this.#hasMagic;
  }
  // reconstructs the pattern
  toString() {
    return this.#toString !== void 0 ? this.#toString : !this.type ? this.#toString = this.#parts.map((p) => String(p)).join("") : this.#toString = this.type + "(" + this.#parts.map((p) => String(p)).join("|") + ")";
  }
  #fillNegs() {
    if (this !== this.#root)
      throw new Error("should only call on root");
    if (this.#filledNegs)
      return this;
    this.toString();
    this.#filledNegs = true;
    let n;
    while (n = this.#negs.pop()) {
      if (n.type !== "!")
        continue;
      let p = n;
      let pp = p.#parent;
      while (pp) {
        for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
          for (const part of n.#parts) {
            if (typeof part === "string") {
              throw new Error("string part in extglob AST??");
            }
            part.copyIn(pp.#parts[i]);
          }
        }
        p = pp;
        pp = p.#parent;
      }
    }
    return this;
  }
  push(...parts) {
    for (const p of parts) {
      if (p === "")
        continue;
      if (typeof p !== "string" && !(p instanceof _a && p.#parent === this)) {
        throw new Error("invalid part: " + p);
      }
      this.#parts.push(p);
    }
  }
  toJSON() {
    const ret = this.type === null ? this.#parts.slice().map((p) => typeof p === "string" ? p : p.toJSON()) : [this.type, ...this.#parts.map((p) => p.toJSON())];
    if (this.isStart() && !this.type)
      ret.unshift([]);
    if (this.isEnd() && (this === this.#root || this.#root.#filledNegs && this.#parent?.type === "!")) {
      ret.push({});
    }
    return ret;
  }
  isStart() {
    if (this.#root === this)
      return true;
    if (!this.#parent?.isStart())
      return false;
    if (this.#parentIndex === 0)
      return true;
    const p = this.#parent;
    for (let i = 0; i < this.#parentIndex; i++) {
      const pp = p.#parts[i];
      if (!(pp instanceof _a && pp.type === "!")) {
        return false;
      }
    }
    return true;
  }
  isEnd() {
    if (this.#root === this)
      return true;
    if (this.#parent?.type === "!")
      return true;
    if (!this.#parent?.isEnd())
      return false;
    if (!this.type)
      return this.#parent?.isEnd();
    const pl = this.#parent ? this.#parent.#parts.length : 0;
    return this.#parentIndex === pl - 1;
  }
  copyIn(part) {
    if (typeof part === "string")
      this.push(part);
    else
      this.push(part.clone(this));
  }
  clone(parent) {
    const c = new _a(this.type, parent);
    for (const p of this.#parts) {
      c.copyIn(p);
    }
    return c;
  }
  static #parseAST(str, ast, pos, opt, extDepth) {
    const maxDepth = opt.maxExtglobRecursion ?? 2;
    let escaping = false;
    let inBrace = false;
    let braceStart = -1;
    let braceNeg = false;
    if (ast.type === null) {
      let i2 = pos;
      let acc2 = "";
      while (i2 < str.length) {
        const c = str.charAt(i2++);
        if (escaping || c === "\\") {
          escaping = !escaping;
          acc2 += c;
          continue;
        }
        if (inBrace) {
          if (i2 === braceStart + 1) {
            if (c === "^" || c === "!") {
              braceNeg = true;
            }
          } else if (c === "]" && !(i2 === braceStart + 2 && braceNeg)) {
            inBrace = false;
          }
          acc2 += c;
          continue;
        } else if (c === "[") {
          inBrace = true;
          braceStart = i2;
          braceNeg = false;
          acc2 += c;
          continue;
        }
        const doRecurse = !opt.noext && isExtglobType(c) && str.charAt(i2) === "(" && extDepth <= maxDepth;
        if (doRecurse) {
          ast.push(acc2);
          acc2 = "";
          const ext2 = new _a(c, ast);
          i2 = _a.#parseAST(str, ext2, i2, opt, extDepth + 1);
          ast.push(ext2);
          continue;
        }
        acc2 += c;
      }
      ast.push(acc2);
      return i2;
    }
    let i = pos + 1;
    let part = new _a(null, ast);
    const parts = [];
    let acc = "";
    while (i < str.length) {
      const c = str.charAt(i++);
      if (escaping || c === "\\") {
        escaping = !escaping;
        acc += c;
        continue;
      }
      if (inBrace) {
        if (i === braceStart + 1) {
          if (c === "^" || c === "!") {
            braceNeg = true;
          }
        } else if (c === "]" && !(i === braceStart + 2 && braceNeg)) {
          inBrace = false;
        }
        acc += c;
        continue;
      } else if (c === "[") {
        inBrace = true;
        braceStart = i;
        braceNeg = false;
        acc += c;
        continue;
      }
      const doRecurse = !opt.noext && isExtglobType(c) && str.charAt(i) === "(" && /* c8 ignore start - the maxDepth is sufficient here */
      (extDepth <= maxDepth || ast && ast.#canAdoptType(c));
      if (doRecurse) {
        const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
        part.push(acc);
        acc = "";
        const ext2 = new _a(c, part);
        part.push(ext2);
        i = _a.#parseAST(str, ext2, i, opt, extDepth + depthAdd);
        continue;
      }
      if (c === "|") {
        part.push(acc);
        acc = "";
        parts.push(part);
        part = new _a(null, ast);
        continue;
      }
      if (c === ")") {
        if (acc === "" && ast.#parts.length === 0) {
          ast.#emptyExt = true;
        }
        part.push(acc);
        acc = "";
        ast.push(...parts, part);
        return i;
      }
      acc += c;
    }
    ast.type = null;
    ast.#hasMagic = void 0;
    ast.#parts = [str.substring(pos - 1)];
    return i;
  }
  #canAdoptWithSpace(child) {
    return this.#canAdopt(child, adoptionWithSpaceMap);
  }
  #canAdopt(child, map = adoptionMap) {
    if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null) {
      return false;
    }
    const gc = child.#parts[0];
    if (!gc || typeof gc !== "object" || gc.type === null) {
      return false;
    }
    return this.#canAdoptType(gc.type, map);
  }
  #canAdoptType(c, map = adoptionAnyMap) {
    return !!map.get(this.type)?.includes(c);
  }
  #adoptWithSpace(child, index) {
    const gc = child.#parts[0];
    const blank = new _a(null, gc, this.options);
    blank.#parts.push("");
    gc.push(blank);
    this.#adopt(child, index);
  }
  #adopt(child, index) {
    const gc = child.#parts[0];
    this.#parts.splice(index, 1, ...gc.#parts);
    for (const p of gc.#parts) {
      if (typeof p === "object")
        p.#parent = this;
    }
    this.#toString = void 0;
  }
  #canUsurpType(c) {
    const m = usurpMap.get(this.type);
    return !!m?.has(c);
  }
  #canUsurp(child) {
    if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null || this.#parts.length !== 1) {
      return false;
    }
    const gc = child.#parts[0];
    if (!gc || typeof gc !== "object" || gc.type === null) {
      return false;
    }
    return this.#canUsurpType(gc.type);
  }
  #usurp(child) {
    const m = usurpMap.get(this.type);
    const gc = child.#parts[0];
    const nt = m?.get(gc.type);
    if (!nt)
      return false;
    this.#parts = gc.#parts;
    for (const p of this.#parts) {
      if (typeof p === "object") {
        p.#parent = this;
      }
    }
    this.type = nt;
    this.#toString = void 0;
    this.#emptyExt = false;
  }
  static fromGlob(pattern, options = {}) {
    const ast = new _a(null, void 0, options);
    _a.#parseAST(pattern, ast, 0, options, 0);
    return ast;
  }
  // returns the regular expression if there's magic, or the unescaped
  // string if not.
  toMMPattern() {
    if (this !== this.#root)
      return this.#root.toMMPattern();
    const glob = this.toString();
    const [re, body, hasMagic, uflag] = this.toRegExpSource();
    const anyMagic = hasMagic || this.#hasMagic || this.#options.nocase && !this.#options.nocaseMagicOnly && glob.toUpperCase() !== glob.toLowerCase();
    if (!anyMagic) {
      return body;
    }
    const flags = (this.#options.nocase ? "i" : "") + (uflag ? "u" : "");
    return Object.assign(new RegExp(`^${re}$`, flags), {
      _src: re,
      _glob: glob
    });
  }
  get options() {
    return this.#options;
  }
  // returns the string match, the regexp source, whether there's magic
  // in the regexp (so a regular expression is required) and whether or
  // not the uflag is needed for the regular expression (for posix classes)
  // TODO: instead of injecting the start/end at this point, just return
  // the BODY of the regexp, along with the start/end portions suitable
  // for binding the start/end in either a joined full-path makeRe context
  // (where we bind to (^|/), or a standalone matchPart context (where
  // we bind to ^, and not /).  Otherwise slashes get duped!
  //
  // In part-matching mode, the start is:
  // - if not isStart: nothing
  // - if traversal possible, but not allowed: ^(?!\.\.?$)
  // - if dots allowed or not possible: ^
  // - if dots possible and not allowed: ^(?!\.)
  // end is:
  // - if not isEnd(): nothing
  // - else: $
  //
  // In full-path matching mode, we put the slash at the START of the
  // pattern, so start is:
  // - if first pattern: same as part-matching mode
  // - if not isStart(): nothing
  // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
  // - if dots allowed or not possible: /
  // - if dots possible and not allowed: /(?!\.)
  // end is:
  // - if last pattern, same as part-matching mode
  // - else nothing
  //
  // Always put the (?:$|/) on negated tails, though, because that has to be
  // there to bind the end of the negated pattern portion, and it's easier to
  // just stick it in now rather than try to inject it later in the middle of
  // the pattern.
  //
  // We can just always return the same end, and leave it up to the caller
  // to know whether it's going to be used joined or in parts.
  // And, if the start is adjusted slightly, can do the same there:
  // - if not isStart: nothing
  // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
  // - if dots allowed or not possible: (?:/|^)
  // - if dots possible and not allowed: (?:/|^)(?!\.)
  //
  // But it's better to have a simpler binding without a conditional, for
  // performance, so probably better to return both start options.
  //
  // Then the caller just ignores the end if it's not the first pattern,
  // and the start always gets applied.
  //
  // But that's always going to be $ if it's the ending pattern, or nothing,
  // so the caller can just attach $ at the end of the pattern when building.
  //
  // So the todo is:
  // - better detect what kind of start is needed
  // - return both flavors of starting pattern
  // - attach $ at the end of the pattern when creating the actual RegExp
  //
  // Ah, but wait, no, that all only applies to the root when the first pattern
  // is not an extglob. If the first pattern IS an extglob, then we need all
  // that dot prevention biz to live in the extglob portions, because eg
  // +(*|.x*) can match .xy but not .yx.
  //
  // So, return the two flavors if it's #root and the first child is not an
  // AST, otherwise leave it to the child AST to handle it, and there,
  // use the (?:^|/) style of start binding.
  //
  // Even simplified further:
  // - Since the start for a join is eg /(?!\.) and the start for a part
  // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
  // or start or whatever) and prepend ^ or / at the Regexp construction.
  toRegExpSource(allowDot) {
    const dot = allowDot ?? !!this.#options.dot;
    if (this.#root === this) {
      this.#flatten();
      this.#fillNegs();
    }
    if (!isExtglobAST(this)) {
      const noEmpty = this.isStart() && this.isEnd() && !this.#parts.some((s) => typeof s !== "string");
      const src = this.#parts.map((p) => {
        const [re, _, hasMagic, uflag] = typeof p === "string" ? _a.#parseGlob(p, this.#hasMagic, noEmpty) : p.toRegExpSource(allowDot);
        this.#hasMagic = this.#hasMagic || hasMagic;
        this.#uflag = this.#uflag || uflag;
        return re;
      }).join("");
      let start2 = "";
      if (this.isStart()) {
        if (typeof this.#parts[0] === "string") {
          const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
          if (!dotTravAllowed) {
            const aps = addPatternStart;
            const needNoTrav = (
              // dots are allowed, and the pattern starts with [ or .
              dot && aps.has(src.charAt(0)) || // the pattern starts with \., and then [ or .
              src.startsWith("\\.") && aps.has(src.charAt(2)) || // the pattern starts with \.\., and then [ or .
              src.startsWith("\\.\\.") && aps.has(src.charAt(4))
            );
            const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
            start2 = needNoTrav ? startNoTraversal : needNoDot ? startNoDot : "";
          }
        }
      }
      let end = "";
      if (this.isEnd() && this.#root.#filledNegs && this.#parent?.type === "!") {
        end = "(?:$|\\/)";
      }
      const final2 = start2 + src + end;
      return [
        final2,
        unescape(src),
        this.#hasMagic = !!this.#hasMagic,
        this.#uflag
      ];
    }
    const repeated = this.type === "*" || this.type === "+";
    const start = this.type === "!" ? "(?:(?!(?:" : "(?:";
    let body = this.#partsToRegExp(dot);
    if (this.isStart() && this.isEnd() && !body && this.type !== "!") {
      const s = this.toString();
      const me = this;
      me.#parts = [s];
      me.type = null;
      me.#hasMagic = void 0;
      return [s, unescape(this.toString()), false, false];
    }
    let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ? "" : this.#partsToRegExp(true);
    if (bodyDotAllowed === body) {
      bodyDotAllowed = "";
    }
    if (bodyDotAllowed) {
      body = `(?:${body})(?:${bodyDotAllowed})*?`;
    }
    let final = "";
    if (this.type === "!" && this.#emptyExt) {
      final = (this.isStart() && !dot ? startNoDot : "") + starNoEmpty;
    } else {
      const close = this.type === "!" ? (
        // !() must match something,but !(x) can match ''
        "))" + (this.isStart() && !dot && !allowDot ? startNoDot : "") + star + ")"
      ) : this.type === "@" ? ")" : this.type === "?" ? ")?" : this.type === "+" && bodyDotAllowed ? ")" : this.type === "*" && bodyDotAllowed ? `)?` : `)${this.type}`;
      final = start + body + close;
    }
    return [
      final,
      unescape(body),
      this.#hasMagic = !!this.#hasMagic,
      this.#uflag
    ];
  }
  #flatten() {
    if (!isExtglobAST(this)) {
      for (const p of this.#parts) {
        if (typeof p === "object") {
          p.#flatten();
        }
      }
    } else {
      let iterations = 0;
      let done = false;
      do {
        done = true;
        for (let i = 0; i < this.#parts.length; i++) {
          const c = this.#parts[i];
          if (typeof c === "object") {
            c.#flatten();
            if (this.#canAdopt(c)) {
              done = false;
              this.#adopt(c, i);
            } else if (this.#canAdoptWithSpace(c)) {
              done = false;
              this.#adoptWithSpace(c, i);
            } else if (this.#canUsurp(c)) {
              done = false;
              this.#usurp(c);
            }
          }
        }
      } while (!done && ++iterations < 10);
    }
    this.#toString = void 0;
  }
  #partsToRegExp(dot) {
    return this.#parts.map((p) => {
      if (typeof p === "string") {
        throw new Error("string type in extglob ast??");
      }
      const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
      this.#uflag = this.#uflag || uflag;
      return re;
    }).filter((p) => !(this.isStart() && this.isEnd()) || !!p).join("|");
  }
  static #parseGlob(glob, hasMagic, noEmpty = false) {
    let escaping = false;
    let re = "";
    let uflag = false;
    let inStar = false;
    for (let i = 0; i < glob.length; i++) {
      const c = glob.charAt(i);
      if (escaping) {
        escaping = false;
        re += (reSpecials.has(c) ? "\\" : "") + c;
        continue;
      }
      if (c === "*") {
        if (inStar)
          continue;
        inStar = true;
        re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
        hasMagic = true;
        continue;
      } else {
        inStar = false;
      }
      if (c === "\\") {
        if (i === glob.length - 1) {
          re += "\\\\";
        } else {
          escaping = true;
        }
        continue;
      }
      if (c === "[") {
        const [src, needUflag, consumed, magic] = parseClass(glob, i);
        if (consumed) {
          re += src;
          uflag = uflag || needUflag;
          i += consumed - 1;
          hasMagic = hasMagic || magic;
          continue;
        }
      }
      if (c === "?") {
        re += qmark;
        hasMagic = true;
        continue;
      }
      re += regExpEscape(c);
    }
    return [re, unescape(glob), !!hasMagic, uflag];
  }
};
_a = AST;

// node_modules/minimatch/dist/esm/escape.js
var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&");
  }
  return windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
};

// node_modules/minimatch/dist/esm/index.js
var minimatch = (p, pattern, options = {}) => {
  assertValidPattern(pattern);
  if (!options.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return new Minimatch(pattern, options).match(p);
};
var starDotExtRE = /^\*+([^+@!?*[(]*)$/;
var starDotExtTest = (ext2) => (f) => !f.startsWith(".") && f.endsWith(ext2);
var starDotExtTestDot = (ext2) => (f) => f.endsWith(ext2);
var starDotExtTestNocase = (ext2) => {
  ext2 = ext2.toLowerCase();
  return (f) => !f.startsWith(".") && f.toLowerCase().endsWith(ext2);
};
var starDotExtTestNocaseDot = (ext2) => {
  ext2 = ext2.toLowerCase();
  return (f) => f.toLowerCase().endsWith(ext2);
};
var starDotStarRE = /^\*+\.\*+$/;
var starDotStarTest = (f) => !f.startsWith(".") && f.includes(".");
var starDotStarTestDot = (f) => f !== "." && f !== ".." && f.includes(".");
var dotStarRE = /^\.\*+$/;
var dotStarTest = (f) => f !== "." && f !== ".." && f.startsWith(".");
var starRE = /^\*+$/;
var starTest = (f) => f.length !== 0 && !f.startsWith(".");
var starTestDot = (f) => f.length !== 0 && f !== "." && f !== "..";
var qmarksRE = /^\?+([^+@!?*[(]*)?$/;
var qmarksTestNocase = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExt([$0]);
  if (!ext2)
    return noext;
  ext2 = ext2.toLowerCase();
  return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
};
var qmarksTestNocaseDot = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExtDot([$0]);
  if (!ext2)
    return noext;
  ext2 = ext2.toLowerCase();
  return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
};
var qmarksTestDot = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExtDot([$0]);
  return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
};
var qmarksTest = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExt([$0]);
  return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
};
var qmarksTestNoExt = ([$0]) => {
  const len = $0.length;
  return (f) => f.length === len && !f.startsWith(".");
};
var qmarksTestNoExtDot = ([$0]) => {
  const len = $0.length;
  return (f) => f.length === len && f !== "." && f !== "..";
};
var defaultPlatform = typeof process === "object" && process ? typeof process.env === "object" && process.env && process.env.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path2 = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep2 = defaultPlatform === "win32" ? path2.win32.sep : path2.posix.sep;
minimatch.sep = sep2;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var qmark2 = "[^/]";
var star2 = qmark2 + "*?";
var twoStarDot = "(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?";
var twoStarNoDot = "(?:(?!(?:\\/|^)\\.).)*?";
var filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    AST: class AST extends orig.AST {
      /* c8 ignore start */
      constructor(type, parent, options = {}) {
        super(type, parent, ext(def, options));
      }
      /* c8 ignore stop */
      static fromGlob(pattern, options = {}) {
        return orig.AST.fromGlob(pattern, ext(def, options));
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
var match2 = (list, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list = list.filter((f) => mm.match(f));
  if (mm.options.nonull && !list.length) {
    list.push(pattern);
  }
  return list;
};
minimatch.match = match2;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var regExpEscape2 = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  regexp;
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    const awe = "allowWindowsEscape";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[awe] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.regexp = null;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.make();
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  debug(..._) {
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.braceExpand())];
    if (options.debug) {
      this.debug = (...args) => console.error(...args);
    }
    this.debug(this.pattern, this.globSet);
    const rawGlobParts = this.globSet.map((s) => this.slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.debug(this.pattern, this.globParts);
    let set = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && !globMagic.test(s[3]);
        const isDrive = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, 4),
            ...s.slice(4).map((ss) => this.parse(ss))
          ];
        } else if (isDrive) {
          return [s[0], ...s.slice(1).map((ss) => this.parse(ss))];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.debug(this.pattern, set);
    this.set = set.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && typeof p[3] === "string" && /^[a-z]:$/i.test(p[3])) {
          p[2] = "?";
        }
      }
    }
    this.debug(this.pattern, this.set);
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      parts = parts.reduce((set, part) => {
        const prev = set[set.length - 1];
        if (part === "**" && prev === "**") {
          return set;
        }
        if (part === "..") {
          if (prev && prev !== ".." && prev !== "." && prev !== "**") {
            set.pop();
            return set;
          }
        }
        set.push(part);
        return set;
      }, []);
      return parts.length === 0 ? [""] : parts;
    });
  }
  levelTwoFileOptimize(parts) {
    if (!Array.isArray(parts)) {
      parts = this.slashSplit(parts);
    }
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      let dd = 0;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**" && !(this.isWindows && /^[a-z]:$/i.test(p))) {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd -= 2;
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        let dd = 0;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
            dd -= 2;
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
  //
  // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
  // ^-- not valid because ** doens't follow symlinks
  secondPhasePreProcess(globParts) {
    for (let i = 0; i < globParts.length - 1; i++) {
      for (let j = i + 1; j < globParts.length; j++) {
        const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
        if (matched) {
          globParts[i] = [];
          globParts[j] = matched;
          break;
        }
      }
    }
    return globParts.filter((gs) => gs.length);
  }
  partsMatch(a, b, emptyGSMatch = false) {
    let ai = 0;
    let bi = 0;
    let result = [];
    let which2 = "";
    while (ai < a.length && bi < b.length) {
      if (a[ai] === b[bi]) {
        result.push(which2 === "b" ? b[bi] : a[ai]);
        ai++;
        bi++;
      } else if (emptyGSMatch && a[ai] === "**" && b[bi] === a[ai + 1]) {
        result.push(a[ai]);
        ai++;
      } else if (emptyGSMatch && b[bi] === "**" && a[ai] === b[bi + 1]) {
        result.push(b[bi]);
        bi++;
      } else if (a[ai] === "*" && b[bi] && (this.options.dot || !b[bi].startsWith(".")) && b[bi] !== "**") {
        if (which2 === "b")
          return false;
        which2 = "a";
        result.push(a[ai]);
        ai++;
        bi++;
      } else if (b[bi] === "*" && a[ai] && (this.options.dot || !a[ai].startsWith(".")) && a[ai] !== "**") {
        if (which2 === "a")
          return false;
        which2 = "b";
        result.push(b[bi]);
        ai++;
        bi++;
      } else {
        return false;
      }
    }
    return a.length === b.length && result;
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // set partial to true to test if, for example,
  // "/a/b" matches the start of "/*/b/*/d"
  // Partial means, if you run out of file before you run
  // out of pattern, then that's fine, as long as all
  // the parts match.
  matchOne(file, pattern, partial = false) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          pattern[pdi] = fd;
          patternStartIndex = pdi;
          fileStartIndex = fdi;
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      file = this.levelTwoFileOptimize(file);
    }
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const [head, body, tail] = partial ? [
      pattern.slice(patternIndex, firstgs),
      pattern.slice(firstgs + 1),
      []
    ] : [
      pattern.slice(patternIndex, firstgs),
      pattern.slice(firstgs + 1, lastgs),
      pattern.slice(lastgs + 1)
    ];
    if (head.length) {
      const fileHead = file.slice(fileIndex, fileIndex + head.length);
      if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i2 = fileIndex; i2 < file.length - fileTailMatch; i2++) {
        const f = String(file[i2]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    const bodySegments = [[[], 0]];
    let currentBody = bodySegments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        currentBody = [[], 0];
        bodySegments.push(currentBody);
      } else {
        currentBody[0].push(b);
        nonGsParts++;
      }
    }
    let i = bodySegments.length - 1;
    const fileLength = file.length - fileTailMatch;
    for (const b of bodySegments) {
      b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
    }
    return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      for (let i = fileIndex; i < file.length; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, after] = bs;
    while (fileIndex <= after) {
      const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
        if (sub !== false) {
          return sub;
        }
      }
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = file.length, pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      this.debug("matchOne loop");
      let p = pattern[pi];
      let f = file[fi];
      this.debug(pattern, p, f);
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      let hit;
      if (typeof p === "string") {
        hit = f === p;
        this.debug("string match", p, f, hit);
      } else {
        hit = p.test(f);
        this.debug("pattern match", p, f, hit);
      }
      if (!hit)
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    let m;
    let fastTest = null;
    if (m = pattern.match(starRE)) {
      fastTest = options.dot ? starTestDot : starTest;
    } else if (m = pattern.match(starDotExtRE)) {
      fastTest = (options.nocase ? options.dot ? starDotExtTestNocaseDot : starDotExtTestNocase : options.dot ? starDotExtTestDot : starDotExtTest)(m[1]);
    } else if (m = pattern.match(qmarksRE)) {
      fastTest = (options.nocase ? options.dot ? qmarksTestNocaseDot : qmarksTestNocase : options.dot ? qmarksTestDot : qmarksTest)(m);
    } else if (m = pattern.match(starDotStarRE)) {
      fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
    } else if (m = pattern.match(dotStarRE)) {
      fastTest = dotStarTest;
    }
    const re = AST.fromGlob(pattern, this.options).toMMPattern();
    if (fastTest && typeof re === "object") {
      Reflect.defineProperty(re, "test", { value: fastTest });
    }
    return re;
  }
  makeRe() {
    if (this.regexp || this.regexp === false)
      return this.regexp;
    const set = this.set;
    if (!set.length) {
      this.regexp = false;
      return this.regexp;
    }
    const options = this.options;
    const twoStar = options.noglobstar ? star2 : options.dot ? twoStarDot : twoStarNoDot;
    const flags = new Set(options.nocase ? ["i"] : []);
    let re = set.map((pattern) => {
      const pp = pattern.map((p) => {
        if (p instanceof RegExp) {
          for (const f of p.flags.split(""))
            flags.add(f);
        }
        return typeof p === "string" ? regExpEscape2(p) : p === GLOBSTAR ? GLOBSTAR : p._src;
      });
      pp.forEach((p, i) => {
        const next = pp[i + 1];
        const prev = pp[i - 1];
        if (p !== GLOBSTAR || prev === GLOBSTAR) {
          return;
        }
        if (prev === void 0) {
          if (next !== void 0 && next !== GLOBSTAR) {
            pp[i + 1] = "(?:\\/|" + twoStar + "\\/)?" + next;
          } else {
            pp[i] = twoStar;
          }
        } else if (next === void 0) {
          pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + ")?";
        } else if (next !== GLOBSTAR) {
          pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + "\\/)" + next;
          pp[i + 1] = GLOBSTAR;
        }
      });
      const filtered = pp.filter((p) => p !== GLOBSTAR);
      if (this.partial && filtered.length >= 1) {
        const prefixes = [];
        for (let i = 1; i <= filtered.length; i++) {
          prefixes.push(filtered.slice(0, i).join("/"));
        }
        return "(?:" + prefixes.join("|") + ")";
      }
      return filtered.join("/");
    }).join("|");
    const [open3, close] = set.length > 1 ? ["(?:", ")"] : ["", ""];
    re = "^" + open3 + re + close + "$";
    if (this.partial) {
      re = "^(?:\\/|" + open3 + re.slice(1, -1) + close + ")$";
    }
    if (this.negate)
      re = "^(?!" + re + ").+$";
    try {
      this.regexp = new RegExp(re, [...flags].join(""));
    } catch {
      this.regexp = false;
    }
    return this.regexp;
  }
  slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    this.debug("match", f, this.pattern);
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    if (this.isWindows) {
      f = f.split("\\").join("/");
    }
    const ff = this.slashSplit(f);
    this.debug(this.pattern, "split", ff);
    const set = this.set;
    this.debug(this.pattern, "set", set);
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (const pattern of set) {
      let file = ff;
      if (options.matchBase && pattern.length === 1) {
        file = [filename];
      }
      const hit = this.matchOne(file, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// node_modules/@actions/glob/lib/internal-path.js
import * as path3 from "path";
import assert2 from "assert";
var IS_WINDOWS5 = process.platform === "win32";
var Path = class {
  /**
   * Constructs a Path
   * @param itemPath Path or array of segments
   */
  constructor(itemPath) {
    this.segments = [];
    if (typeof itemPath === "string") {
      assert2(itemPath, `Parameter 'itemPath' must not be empty`);
      itemPath = safeTrimTrailingSeparator(itemPath);
      if (!hasRoot(itemPath)) {
        this.segments = itemPath.split(path3.sep);
      } else {
        let remaining = itemPath;
        let dir = dirname2(remaining);
        while (dir !== remaining) {
          const basename3 = path3.basename(remaining);
          this.segments.unshift(basename3);
          remaining = dir;
          dir = dirname2(remaining);
        }
        this.segments.unshift(remaining);
      }
    } else {
      assert2(itemPath.length > 0, `Parameter 'itemPath' must not be an empty array`);
      for (let i = 0; i < itemPath.length; i++) {
        let segment = itemPath[i];
        assert2(segment, `Parameter 'itemPath' must not contain any empty segments`);
        segment = normalizeSeparators(itemPath[i]);
        if (i === 0 && hasRoot(segment)) {
          segment = safeTrimTrailingSeparator(segment);
          assert2(segment === dirname2(segment), `Parameter 'itemPath' root segment contains information for multiple segments`);
          this.segments.push(segment);
        } else {
          assert2(!segment.includes(path3.sep), `Parameter 'itemPath' contains unexpected path separators`);
          this.segments.push(segment);
        }
      }
    }
  }
  /**
   * Converts the path to it's string representation
   */
  toString() {
    let result = this.segments[0];
    let skipSlash = result.endsWith(path3.sep) || IS_WINDOWS5 && /^[A-Z]:$/i.test(result);
    for (let i = 1; i < this.segments.length; i++) {
      if (skipSlash) {
        skipSlash = false;
      } else {
        result += path3.sep;
      }
      result += this.segments[i];
    }
    return result;
  }
};

// node_modules/@actions/glob/lib/internal-pattern.js
var IS_WINDOWS6 = process.platform === "win32";
var Pattern = class _Pattern {
  constructor(patternOrNegate, isImplicitPattern = false, segments, homedir2) {
    this.negate = false;
    let pattern;
    if (typeof patternOrNegate === "string") {
      pattern = patternOrNegate.trim();
    } else {
      segments = segments || [];
      assert3(segments.length, `Parameter 'segments' must not empty`);
      const root = _Pattern.getLiteral(segments[0]);
      assert3(root && hasAbsoluteRoot(root), `Parameter 'segments' first element must be a root path`);
      pattern = new Path(segments).toString().trim();
      if (patternOrNegate) {
        pattern = `!${pattern}`;
      }
    }
    while (pattern.startsWith("!")) {
      this.negate = !this.negate;
      pattern = pattern.substr(1).trim();
    }
    pattern = _Pattern.fixupPattern(pattern, homedir2);
    this.segments = new Path(pattern).segments;
    this.trailingSeparator = normalizeSeparators(pattern).endsWith(path4.sep);
    pattern = safeTrimTrailingSeparator(pattern);
    let foundGlob = false;
    const searchSegments = this.segments.map((x) => _Pattern.getLiteral(x)).filter((x) => !foundGlob && !(foundGlob = x === ""));
    this.searchPath = new Path(searchSegments).toString();
    this.rootRegExp = new RegExp(_Pattern.regExpEscape(searchSegments[0]), IS_WINDOWS6 ? "i" : "");
    this.isImplicitPattern = isImplicitPattern;
    const minimatchOptions = {
      dot: true,
      nobrace: true,
      nocase: IS_WINDOWS6,
      nocomment: true,
      noext: true,
      nonegate: true
    };
    pattern = IS_WINDOWS6 ? pattern.replace(/\\/g, "/") : pattern;
    this.minimatch = new Minimatch(pattern, minimatchOptions);
  }
  /**
   * Matches the pattern against the specified path
   */
  match(itemPath) {
    if (this.segments[this.segments.length - 1] === "**") {
      itemPath = normalizeSeparators(itemPath);
      if (!itemPath.endsWith(path4.sep) && this.isImplicitPattern === false) {
        itemPath = `${itemPath}${path4.sep}`;
      }
    } else {
      itemPath = safeTrimTrailingSeparator(itemPath);
    }
    if (this.minimatch.match(itemPath)) {
      return this.trailingSeparator ? MatchKind.Directory : MatchKind.All;
    }
    return MatchKind.None;
  }
  /**
   * Indicates whether the pattern may match descendants of the specified path
   */
  partialMatch(itemPath) {
    itemPath = safeTrimTrailingSeparator(itemPath);
    if (dirname2(itemPath) === itemPath) {
      return this.rootRegExp.test(itemPath);
    }
    return this.minimatch.matchOne(itemPath.split(IS_WINDOWS6 ? /\\+/ : /\/+/), this.minimatch.set[0], true);
  }
  /**
   * Escapes glob patterns within a path
   */
  static globEscape(s) {
    return (IS_WINDOWS6 ? s : s.replace(/\\/g, "\\\\")).replace(/(\[)(?=[^/]+\])/g, "[[]").replace(/\?/g, "[?]").replace(/\*/g, "[*]");
  }
  /**
   * Normalizes slashes and ensures absolute root
   */
  static fixupPattern(pattern, homedir2) {
    assert3(pattern, "pattern cannot be empty");
    const literalSegments = new Path(pattern).segments.map((x) => _Pattern.getLiteral(x));
    assert3(literalSegments.every((x, i) => (x !== "." || i === 0) && x !== ".."), `Invalid pattern '${pattern}'. Relative pathing '.' and '..' is not allowed.`);
    assert3(!hasRoot(pattern) || literalSegments[0], `Invalid pattern '${pattern}'. Root segment must not contain globs.`);
    pattern = normalizeSeparators(pattern);
    if (pattern === "." || pattern.startsWith(`.${path4.sep}`)) {
      pattern = _Pattern.globEscape(process.cwd()) + pattern.substr(1);
    } else if (pattern === "~" || pattern.startsWith(`~${path4.sep}`)) {
      homedir2 = homedir2 || os5.homedir();
      assert3(homedir2, "Unable to determine HOME directory");
      assert3(hasAbsoluteRoot(homedir2), `Expected HOME directory to be a rooted path. Actual '${homedir2}'`);
      pattern = _Pattern.globEscape(homedir2) + pattern.substr(1);
    } else if (IS_WINDOWS6 && (pattern.match(/^[A-Z]:$/i) || pattern.match(/^[A-Z]:[^\\]/i))) {
      let root = ensureAbsoluteRoot("C:\\dummy-root", pattern.substr(0, 2));
      if (pattern.length > 2 && !root.endsWith("\\")) {
        root += "\\";
      }
      pattern = _Pattern.globEscape(root) + pattern.substr(2);
    } else if (IS_WINDOWS6 && (pattern === "\\" || pattern.match(/^\\[^\\]/))) {
      let root = ensureAbsoluteRoot("C:\\dummy-root", "\\");
      if (!root.endsWith("\\")) {
        root += "\\";
      }
      pattern = _Pattern.globEscape(root) + pattern.substr(1);
    } else {
      pattern = ensureAbsoluteRoot(_Pattern.globEscape(process.cwd()), pattern);
    }
    return normalizeSeparators(pattern);
  }
  /**
   * Attempts to unescape a pattern segment to create a literal path segment.
   * Otherwise returns empty string.
   */
  static getLiteral(segment) {
    let literal = "";
    for (let i = 0; i < segment.length; i++) {
      const c = segment[i];
      if (c === "\\" && !IS_WINDOWS6 && i + 1 < segment.length) {
        literal += segment[++i];
        continue;
      } else if (c === "*" || c === "?") {
        return "";
      } else if (c === "[" && i + 1 < segment.length) {
        let set = "";
        let closed = -1;
        for (let i2 = i + 1; i2 < segment.length; i2++) {
          const c2 = segment[i2];
          if (c2 === "\\" && !IS_WINDOWS6 && i2 + 1 < segment.length) {
            set += segment[++i2];
            continue;
          } else if (c2 === "]") {
            closed = i2;
            break;
          } else {
            set += c2;
          }
        }
        if (closed >= 0) {
          if (set.length > 1) {
            return "";
          }
          if (set) {
            literal += set;
            i = closed;
            continue;
          }
        }
      }
      literal += c;
    }
    return literal;
  }
  /**
   * Escapes regexp special characters
   * https://javascript.info/regexp-escaping
   */
  static regExpEscape(s) {
    return s.replace(/[[\\^$.|?*+()]/g, "\\$&");
  }
};

// node_modules/@actions/glob/lib/internal-search-state.js
var SearchState = class {
  constructor(path6, level) {
    this.path = path6;
    this.level = level;
  }
};

// node_modules/@actions/glob/lib/internal-globber.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
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
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var __asyncValues = function(o) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var m = o[Symbol.asyncIterator], i;
  return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function() {
    return this;
  }, i);
  function verb(n) {
    i[n] = o[n] && function(v) {
      return new Promise(function(resolve2, reject) {
        v = o[n](v), settle(resolve2, reject, v.done, v.value);
      });
    };
  }
  function settle(resolve2, reject, d, v) {
    Promise.resolve(v).then(function(v2) {
      resolve2({ value: v2, done: d });
    }, reject);
  }
};
var __await = function(v) {
  return this instanceof __await ? (this.v = v, this) : new __await(v);
};
var __asyncGenerator = function(thisArg, _arguments, generator) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var g = generator.apply(thisArg, _arguments || []), i, q = [];
  return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function() {
    return this;
  }, i;
  function awaitReturn(f) {
    return function(v) {
      return Promise.resolve(v).then(f, reject);
    };
  }
  function verb(n, f) {
    if (g[n]) {
      i[n] = function(v) {
        return new Promise(function(a, b) {
          q.push([n, v, a, b]) > 1 || resume(n, v);
        });
      };
      if (f) i[n] = f(i[n]);
    }
  }
  function resume(n, v) {
    try {
      step(g[n](v));
    } catch (e) {
      settle(q[0][3], e);
    }
  }
  function step(r) {
    r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r);
  }
  function fulfill(value) {
    resume("next", value);
  }
  function reject(value) {
    resume("throw", value);
  }
  function settle(f, v) {
    if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]);
  }
};
var IS_WINDOWS7 = process.platform === "win32";
var DefaultGlobber = class _DefaultGlobber {
  constructor(options) {
    this.patterns = [];
    this.searchPaths = [];
    this.options = getOptions(options);
  }
  getSearchPaths() {
    return this.searchPaths.slice();
  }
  glob() {
    return __awaiter2(this, void 0, void 0, function* () {
      var _a2, e_1, _b, _c;
      const result = [];
      try {
        for (var _d = true, _e = __asyncValues(this.globGenerator()), _f; _f = yield _e.next(), _a2 = _f.done, !_a2; _d = true) {
          _c = _f.value;
          _d = false;
          const itemPath = _c;
          result.push(itemPath);
        }
      } catch (e_1_1) {
        e_1 = { error: e_1_1 };
      } finally {
        try {
          if (!_d && !_a2 && (_b = _e.return)) yield _b.call(_e);
        } finally {
          if (e_1) throw e_1.error;
        }
      }
      return result;
    });
  }
  globGenerator() {
    return __asyncGenerator(this, arguments, function* globGenerator_1() {
      const options = getOptions(this.options);
      const patterns = [];
      for (const pattern of this.patterns) {
        patterns.push(pattern);
        if (options.implicitDescendants && (pattern.trailingSeparator || pattern.segments[pattern.segments.length - 1] !== "**")) {
          patterns.push(new Pattern(pattern.negate, true, pattern.segments.concat("**")));
        }
      }
      const stack = [];
      for (const searchPath of getSearchPaths(patterns)) {
        debug(`Search path '${searchPath}'`);
        try {
          yield __await(fs3.promises.lstat(searchPath));
        } catch (err) {
          if (err.code === "ENOENT") {
            continue;
          }
          throw err;
        }
        stack.unshift(new SearchState(searchPath, 1));
      }
      const traversalChain = [];
      while (stack.length) {
        const item = stack.pop();
        const match3 = match(patterns, item.path);
        const partialMatch2 = !!match3 || partialMatch(patterns, item.path);
        if (!match3 && !partialMatch2) {
          continue;
        }
        const stats = yield __await(
          _DefaultGlobber.stat(item, options, traversalChain)
          // Broken symlink, or symlink cycle detected, or no longer exists
        );
        if (!stats) {
          continue;
        }
        if (options.excludeHiddenFiles && path5.basename(item.path).match(/^\./)) {
          continue;
        }
        if (stats.isDirectory()) {
          if (match3 & MatchKind.Directory && options.matchDirectories) {
            yield yield __await(item.path);
          } else if (!partialMatch2) {
            continue;
          }
          const childLevel = item.level + 1;
          const childItems = (yield __await(fs3.promises.readdir(item.path))).map((x) => new SearchState(path5.join(item.path, x), childLevel));
          stack.push(...childItems.reverse());
        } else if (match3 & MatchKind.File) {
          yield yield __await(item.path);
        }
      }
    });
  }
  /**
   * Constructs a DefaultGlobber
   */
  static create(patterns, options) {
    return __awaiter2(this, void 0, void 0, function* () {
      const result = new _DefaultGlobber(options);
      if (IS_WINDOWS7) {
        patterns = patterns.replace(/\r\n/g, "\n");
        patterns = patterns.replace(/\r/g, "\n");
      }
      const lines = patterns.split("\n").map((x) => x.trim());
      for (const line of lines) {
        if (!line || line.startsWith("#")) {
          continue;
        } else {
          result.patterns.push(new Pattern(line));
        }
      }
      result.searchPaths.push(...getSearchPaths(result.patterns));
      return result;
    });
  }
  static stat(item, options, traversalChain) {
    return __awaiter2(this, void 0, void 0, function* () {
      let stats;
      if (options.followSymbolicLinks) {
        try {
          stats = yield fs3.promises.stat(item.path);
        } catch (err) {
          if (err.code === "ENOENT") {
            if (options.omitBrokenSymbolicLinks) {
              debug(`Broken symlink '${item.path}'`);
              return void 0;
            }
            throw new Error(`No information found for the path '${item.path}'. This may indicate a broken symbolic link.`);
          }
          throw err;
        }
      } else {
        stats = yield fs3.promises.lstat(item.path);
      }
      if (stats.isDirectory() && options.followSymbolicLinks) {
        const realPath = yield fs3.promises.realpath(item.path);
        while (traversalChain.length >= item.level) {
          traversalChain.pop();
        }
        if (traversalChain.some((x) => x === realPath)) {
          debug(`Symlink cycle detected for path '${item.path}' and realpath '${realPath}'`);
          return void 0;
        }
        traversalChain.push(realPath);
      }
      return stats;
    });
  }
};

// node_modules/@actions/glob/lib/glob.js
var __awaiter3 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
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
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function create(patterns, options) {
  return __awaiter3(this, void 0, void 0, function* () {
    return yield DefaultGlobber.create(patterns, options);
  });
}

// action/src/flows/endpoints.ts
var PER_POD_LABELS = /* @__PURE__ */ new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "pod-template-generation",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
  "controller-uid",
  "batch.kubernetes.io/controller-uid",
  // A CronJob's Jobs get a new name every run.
  "job-name",
  "batch.kubernetes.io/job-name",
  "batch.kubernetes.io/job-completion-index"
]);
function namespaceProblem(namespace) {
  const p = dns1123LabelProblem(namespace);
  return p ? `namespace "${namespace}" ${p}` : void 0;
}
function workloadLabels(raw, maxLabels) {
  const keys = Object.keys(raw);
  if (keys.length > maxLabels) return { problem: `${keys.length} labels; at most ${maxLabels}` };
  const kept = [];
  for (const key of keys) {
    const value = raw[key];
    if (typeof value !== "string") return { problem: `label "${key}" must be a string` };
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) return { problem: `label key "${key}": ${keyProblem}` };
    const valueProblem = labelValueProblem(value);
    if (valueProblem) return { problem: `label "${key}" value "${value}" ${valueProblem}` };
    if (!PER_POD_LABELS.has(key)) kept.push(key);
  }
  kept.sort();
  const labels = /* @__PURE__ */ Object.create(null);
  for (const key of kept) labels[key] = raw[key];
  return { labels };
}
function sideKey(side3) {
  switch (side3.kind) {
    case "pod": {
      let key = `pod:${side3.namespace}`;
      for (const k in side3.labels) key += `\0${k}=${side3.labels[k]}`;
      return key;
    }
    case "node":
      return "node";
    case "address":
      return side3.ip !== void 0 ? `ip:${side3.ip}` : `net:${side3.name ?? "unknown"}`;
  }
}
function sideLabel(side3) {
  switch (side3.kind) {
    case "pod": {
      const labels = Object.entries(side3.labels).map(([k, v]) => `${k}=${v}`);
      return `${side3.namespace}/${labels.length > 0 ? labels.join(",") : "*"}`;
    }
    case "node":
      return "node";
    case "address":
      return side3.ip ?? `${side3.name ?? "unknown"} (address not given)`;
  }
}
function canonicalIp(text) {
  const ip = parseIp(text);
  if (!ip) return { problem: `"${text}" is not an IP address` };
  return { ip: ip.text };
}
var SideTrie = class {
  constructor(max) {
    this.max = max;
  }
  max;
  root = {};
  nodes = 0;
  step(node, key) {
    let next = node.next;
    if (!next) node.next = next = /* @__PURE__ */ new Map();
    let child = next.get(key);
    if (!child) {
      if (this.nodes >= this.max) return void 0;
      this.nodes++;
      child = {};
      next.set(key, child);
    }
    return child;
  }
};
var EndpointTable = class {
  constructor(max) {
    this.max = max;
    this.pods = new SideTrie(max * 16);
    this.podsOfWorkloads = new SideTrie(max * 16);
  }
  max;
  byRaw = /* @__PURE__ */ new Map();
  byKey = /* @__PURE__ */ new Map();
  list = [];
  /** Pod sides without and with a workload name, for readers that walk labels (SideTrie). */
  pods;
  podsOfWorkloads;
  /** Too many distinct sides (the trie is full). */
  get full() {
    return `more than ${this.max} distinct endpoints (namespace and labels, or address): the input is not flows of one cluster, or too wide a window`;
  }
  /** The endpoint a raw key was interned as, if it was. */
  get(raw) {
    return this.byRaw.get(raw);
  }
  /** The endpoint of `raw`, building it with `build` when new; a string is why it is refused. */
  intern(raw, build2) {
    const known = this.byRaw.get(raw);
    if (known) return known;
    const side3 = build2();
    if (typeof side3 === "string") return side3;
    return this.add(raw, side3);
  }
  /** Interns a side built for `raw`. */
  add(raw, side3) {
    const key = sideKey(side3);
    let endpoint = this.byKey.get(key);
    if (!endpoint) {
      if (this.list.length >= this.max) return this.full;
      endpoint = { id: this.list.length, side: side3, label: sideLabel(side3) };
      this.byKey.set(key, endpoint);
      this.list.push(endpoint);
    }
    if (this.byRaw.size >= this.max * 4)
      return `more than ${this.max * 4} distinct ways of writing ${this.max} endpoints`;
    this.byRaw.set(raw, endpoint);
    return endpoint;
  }
};

// action/src/flows/record.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
var lastSecond = "";
var lastSecondMs = 0;
function parseTime(value) {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0 || value > 3250368e4) return "expected seconds since 1970";
    return value * 1e3;
  }
  if (typeof value !== "string")
    return `expected an RFC 3339 time ("2026-01-05T10:00:00Z") or seconds since 1970, got ${JSON.stringify(value)}`;
  const fast = fastUtc(value);
  if (fast !== void 0) return fast;
  if (/^\d{1,11}$/.test(value)) return parseTime(Number(value));
  if (!RFC3339.test(value))
    return `expected an RFC 3339 time with a zone ("2026-01-05T10:00:00Z"), got ${JSON.stringify(value)}`;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return `not a valid time: ${JSON.stringify(value)}`;
  return ms;
}
function fastUtc(value) {
  const n = value.length;
  if (n < 20 || value.charCodeAt(n - 1) !== 90 || !value.startsWith(lastSecond) || lastSecond === "") {
    return n >= 20 && value.charCodeAt(n - 1) === 90 ? remember(value) : void 0;
  }
  if (n === 20) return lastSecondMs;
  if (value.charCodeAt(19) !== 46 || n < 22 || n > 30) return void 0;
  let ms = 0;
  let scale = 100;
  for (let i = 20; i < n - 1; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return void 0;
    ms += d * scale;
    scale /= 10;
  }
  return lastSecondMs + Math.floor(ms);
}
function remember(value) {
  if (!RFC3339.test(value)) return void 0;
  const second = value.slice(0, 19);
  const ms = Date.parse(`${second}Z`);
  if (Number.isNaN(ms)) return void 0;
  lastSecond = second;
  lastSecondMs = ms;
  return fastUtc(value);
}
function field(obj, snake, camel) {
  const v = obj[snake];
  return v !== void 0 ? v : obj[camel];
}
function int64(value) {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : void 0;
  if (typeof value === "string" && /^\d{1,15}$/.test(value)) return Number(value);
  if (value === void 0 || value === null) return 0;
  return void 0;
}
function labelList(list, keep) {
  if (list === void 0 || list === null) return {};
  if (!Array.isArray(list)) return 'labels: expected a list of "key=value"';
  const labels = /* @__PURE__ */ Object.create(null);
  for (const item of list) {
    if (typeof item !== "string") return 'labels: expected a list of "key=value"';
    const entry = keep(item);
    if (entry === void 0) continue;
    const eq = entry.indexOf("=");
    if (eq <= 0) labels[entry] = "";
    else labels[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return labels;
}

// action/src/flows/calico.ts
function goldmaneKey(value) {
  const flow = isObject(value["flow"]) ? value["flow"] : value;
  const key = flow["Key"] ?? flow["key"];
  return isObject(key) ? key : void 0;
}
function isGoldmaneRecord(value) {
  return goldmaneKey(value) !== void 0;
}
function isEnterpriseRecord(value) {
  return "reporter" in value && ("num_flows_started" in value || "source_name_aggr" in value);
}
var PROTOCOL_NUMBERS = { "6": "TCP", "17": "UDP", "132": "SCTP" };
function protocolOf(value) {
  if (typeof value !== "string" && typeof value !== "number") return void 0;
  const text = String(value).toUpperCase();
  if (text === "TCP" || text === "UDP" || text === "SCTP") return text;
  return PROTOCOL_NUMBERS[text] ?? "other";
}
var GOLDMANE_TYPES = {
  WorkloadEndpoint: "pod",
  HostEndpoint: "node",
  NetworkSet: "set",
  Network: "net",
  "1": "pod",
  "2": "node",
  "3": "set",
  "4": "net"
};
var ENTERPRISE_TYPES = {
  wep: "pod",
  hep: "node",
  ns: "set",
  net: "net"
};
var REPORTERS = {
  Src: "source",
  Dst: "destination",
  src: "source",
  dst: "destination",
  "1": "source",
  "2": "destination"
};
var ACTIONS = {
  Allow: "allowed",
  Deny: "denied",
  Pass: "pass",
  allow: "allowed",
  deny: "denied",
  "1": "allowed",
  "2": "denied",
  "3": "pass"
};
function side(sink, input, where) {
  switch (input.type) {
    case void 0:
      return `${where}_type: expected WorkloadEndpoint, HostEndpoint, NetworkSet or Network`;
    case "node":
      return sink.endpoint("n", () => ({ kind: "node" }));
    case "pod": {
      const namespace = input.namespace;
      if (typeof namespace !== "string") return `${where}_namespace: expected the pod's namespace`;
      const labels = input.labels;
      if (typeof labels === "string") return `${where}_${labels}`;
      let raw = `p${namespace}`;
      for (const k in labels) raw += `\0${k}=${labels[k]}`;
      return sink.endpoint(raw, () => {
        const nsProblem = namespaceProblem(namespace);
        if (nsProblem) return `${where}_namespace: ${nsProblem}`;
        const checked = workloadLabels(labels, sink.limits.maxLabels);
        if ("problem" in checked) return `${where}_labels: ${checked.problem}`;
        return { kind: "pod", namespace, labels: checked.labels };
      });
    }
    case "set":
    case "net": {
      const ip = typeof input.ip === "string" && input.ip !== "" ? input.ip : void 0;
      if (ip !== void 0) {
        return sink.endpoint(`a${ip}`, () => {
          const checked = canonicalIp(ip);
          if ("problem" in checked) return `${where}_ip: ${checked.problem}`;
          return { kind: "address", ip: checked.ip };
        });
      }
      const name = typeof input.name === "string" && input.name !== "" ? input.name : "unknown";
      const qualified = typeof input.namespace === "string" && input.namespace !== "" && input.namespace !== "-" ? `${input.namespace}/${name}` : name;
      if (qualified.length > 253) return `${where}_name: longer than 253 characters`;
      return sink.endpoint(`s${qualified}`, () => ({ kind: "address", name: qualified }));
    }
  }
}
function count(sink, record, from, to) {
  if (typeof from === "string") return from;
  if (typeof to === "string") return to;
  return sink.record(record, from, to);
}
function readGoldmaneRecord(value, sink) {
  if (!isObject(value)) return "expected a JSON object (one Goldmane flow per line)";
  const flow = isObject(value["flow"]) ? value["flow"] : value;
  const key = goldmaneKey(value);
  if (!key) return "expected a Goldmane Flow (with Key)";
  const protocol = protocolOf(key["proto"]);
  if (protocol === void 0) return "Key.proto: expected TCP, UDP or SCTP";
  if (protocol === "other")
    return sink.skip(`protocol ${String(key["proto"])} (NetworkPolicy has no rules for it)`);
  const action = ACTIONS[String(key["action"])];
  if (action === void 0) return "Key.action: expected Allow or Deny";
  if (action === "pass") return sink.skip("action Pass (not a final verdict)");
  const reporter = REPORTERS[String(key["reporter"])];
  if (reporter === void 0) return "Key.reporter: expected Src or Dst";
  const port = int64(field(key, "dest_port", "destPort"));
  if (port === void 0 || port < 1 || port > 65535) return "Key.dest_port: expected 1-65535";
  const start = parseTime(field(flow, "start_time", "startTime"));
  if (typeof start === "string") return `start_time: ${start}`;
  const end = parseTime(field(flow, "end_time", "endTime") ?? field(flow, "start_time", "startTime"));
  if (typeof end === "string") return `end_time: ${end}`;
  const connections = int64(field(flow, "num_connections_started", "numConnectionsStarted"));
  if (connections === void 0) return "num_connections_started: expected a count";
  let verdict = action;
  const pending = isObject(key["policies"]) ? key["policies"]["pending"] : void 0;
  if (verdict === "allowed" && Array.isArray(pending)) {
    const last = pending[pending.length - 1];
    if (isObject(last) && ACTIONS[String(last["action"])] === "denied") verdict = "audit";
  }
  const from = side(
    sink,
    {
      type: GOLDMANE_TYPES[String(field(key, "source_type", "sourceType"))],
      namespace: field(key, "source_namespace", "sourceNamespace"),
      name: field(key, "source_name", "sourceName"),
      labels: labelList(field(flow, "source_labels", "sourceLabels"), (l) => l)
    },
    "source"
  );
  const to = side(
    sink,
    {
      type: GOLDMANE_TYPES[String(field(key, "dest_type", "destType"))],
      namespace: field(key, "dest_namespace", "destNamespace"),
      name: field(key, "dest_name", "destName"),
      labels: labelList(field(flow, "dest_labels", "destLabels"), (l) => l)
    },
    "dest"
  );
  const fromName = field(key, "source_name", "sourceName");
  const toName = field(key, "dest_name", "destName");
  return count(
    sink,
    {
      from: typeof from === "string" ? { kind: "node" } : from.side,
      to: typeof to === "string" ? { kind: "node" } : to.side,
      port,
      protocol,
      verdict,
      connections,
      start,
      end: Math.max(start, end),
      reporter,
      ...typeof fromName === "string" && typeof from !== "string" && from.side.kind === "pod" ? { fromPod: fromName } : {},
      ...typeof toName === "string" && typeof to !== "string" && to.side.kind === "pod" ? { toPod: toName } : {}
    },
    from,
    to
  );
}
function enterpriseLabels(value) {
  const list = isObject(value) ? value["labels"] : value;
  return labelList(list, (l) => l);
}
function readEnterpriseRecord(value, sink) {
  if (!isObject(value)) return "expected a JSON object (one flow log per line)";
  const protocol = protocolOf(value["proto"]);
  if (protocol === void 0) return "proto: expected tcp, udp or sctp";
  if (protocol === "other")
    return sink.skip(`protocol ${String(value["proto"])} (NetworkPolicy has no rules for it)`);
  const action = ACTIONS[String(value["action"])];
  if (action === void 0 || action === "pass") return "action: expected allow or deny";
  const reporter = REPORTERS[String(value["reporter"])];
  if (reporter === void 0) return "reporter: expected src or dst";
  const port = int64(value["dest_port"]);
  if (port === void 0 || port < 1 || port > 65535) return "dest_port: expected 1-65535";
  const start = parseTime(value["start_time"]);
  if (typeof start === "string") return `start_time: ${start}`;
  const end = parseTime(value["end_time"] ?? value["start_time"]);
  if (typeof end === "string") return `end_time: ${end}`;
  const connections = int64(value["num_flows_started"]);
  if (connections === void 0) return "num_flows_started: expected a count";
  const name = (prefix) => {
    const n = value[`${prefix}_name`];
    return typeof n === "string" && n !== "-" ? n : value[`${prefix}_name_aggr`];
  };
  const from = side(
    sink,
    {
      type: ENTERPRISE_TYPES[String(value["source_type"])],
      namespace: value["source_namespace"],
      name: name("source"),
      labels: enterpriseLabels(value["source_labels"]),
      ip: value["source_ip"]
    },
    "source"
  );
  const to = side(
    sink,
    {
      type: ENTERPRISE_TYPES[String(value["dest_type"])],
      namespace: value["dest_namespace"],
      name: name("dest"),
      labels: enterpriseLabels(value["dest_labels"]),
      ip: value["dest_ip"]
    },
    "dest"
  );
  const fromPod = name("source");
  const toPod = name("dest");
  const fromIp = value["source_ip"];
  const toIp = value["dest_ip"];
  return count(
    sink,
    {
      from: typeof from === "string" ? { kind: "node" } : from.side,
      to: typeof to === "string" ? { kind: "node" } : to.side,
      port,
      protocol,
      verdict: action,
      connections,
      start,
      end: Math.max(start, end),
      reporter,
      ...typeof fromPod === "string" && typeof from !== "string" && from.side.kind === "pod" ? { fromPod } : {},
      ...typeof toPod === "string" && typeof to !== "string" && to.side.kind === "pod" ? { toPod } : {},
      ...typeof fromIp === "string" && fromIp !== "" ? { fromIp } : {},
      ...typeof toIp === "string" && toIp !== "" ? { toIp } : {}
    },
    from,
    to
  );
}

// action/src/flows/hubble.ts
function isHubbleRecord(value) {
  if (isObject(value["flow"]) || "lost_events" in value || "lostEvents" in value || "node_status" in value || "nodeStatus" in value)
    return true;
  return "verdict" in value && ("IP" in value || "l4" in value || "source" in value || "Type" in value);
}
var SAME_CONNECTION_MS = 12e4;
var POLICY_DROPS = /* @__PURE__ */ new Set(["POLICY_DENIED", "POLICY_DENY", 133, 181]);
var VERDICTS = {
  FORWARDED: "allowed",
  REDIRECTED: "allowed",
  TRACED: "allowed",
  TRANSLATED: "allowed",
  DROPPED: "dropped",
  AUDIT: "audit",
  "1": "allowed",
  "2": "dropped",
  "4": "audit",
  "5": "allowed",
  "6": "allowed",
  "7": "allowed"
};
var POLICY_VERDICT_EVENT = 5;
var HubbleReader = class {
  constructor(sink) {
    this.sink = sink;
  }
  sink;
  recent = /* @__PURE__ */ new Map();
  read(value) {
    if (!isObject(value)) return "expected a JSON object (one Hubble flow per line)";
    let flow = value;
    let outerTime;
    if ("flow" in value) {
      flow = value["flow"];
      outerTime = value["time"];
    } else {
      const lost = field(value, "lost_events", "lostEvents");
      if (lost !== void 0) {
        const n = isObject(lost) ? int64(field(lost, "num_events_lost", "numEventsLost")) : void 0;
        if (n === void 0) return "lost_events.num_events_lost: expected a count";
        this.sink.lost(n);
        return void 0;
      }
      if (field(value, "node_status", "nodeStatus") !== void 0) {
        this.sink.skip("node status event");
        return void 0;
      }
    }
    if (!isObject(flow)) return "flow: expected an object";
    return this.flow(flow, outerTime);
  }
  flow(flow, outerTime) {
    const sink = this.sink;
    const type = flow["Type"] ?? flow["type"];
    if (type === "L7" || type === 2)
      return sink.skip("L7 record (its connection is counted from its L3/L4 record)");
    if (type === "SOCK" || type === 3) return sink.skip("socket translation event");
    const isReply = field(flow, "is_reply", "isReply");
    if (isReply === true || flow["reply"] === true) return sink.skip("reply packet");
    const time = parseTime(flow["time"] ?? outerTime);
    if (typeof time === "string") return `time: ${time}`;
    const rawVerdict = VERDICTS[String(flow["verdict"])];
    if (rawVerdict === void 0) return sink.skip(`verdict ${String(flow["verdict"])}`);
    let verdict;
    if (rawVerdict === "dropped") {
      const reason = field(flow, "drop_reason_desc", "dropReasonDesc") ?? field(flow, "drop_reason", "dropReason");
      if (!POLICY_DROPS.has(reason))
        return sink.skip(`dropped for a reason other than policy (${String(reason)})`);
      verdict = "denied";
    } else verdict = rawVerdict;
    const l4 = flow["l4"];
    if (!isObject(l4)) return sink.skip("no layer-4 header");
    let protocol;
    let ports;
    if (isObject(l4["TCP"])) [protocol, ports] = ["TCP", l4["TCP"]];
    else if (isObject(l4["UDP"])) [protocol, ports] = ["UDP", l4["UDP"]];
    else if (isObject(l4["SCTP"])) [protocol, ports] = ["SCTP", l4["SCTP"]];
    else if ("ICMPv4" in l4 || "ICMPv6" in l4) return sink.skip("ICMP (NetworkPolicy has no ICMP rules)");
    else return sink.skip("no TCP, UDP or SCTP header");
    const port = int64(field(ports, "destination_port", "destinationPort"));
    const sourcePort = int64(field(ports, "source_port", "sourcePort"));
    if (port === void 0 || port < 1 || port > 65535) return "l4: destination_port must be 1-65535";
    let opens;
    if (protocol === "TCP") {
      const flags = ports["flags"];
      const syn = isObject(flags) && flags["SYN"] === true;
      const ack = isObject(flags) && flags["ACK"] === true;
      if (syn && ack) return sink.skip("reply packet");
      opens = syn;
    } else opens = true;
    const eventType = field(flow, "event_type", "eventType");
    const known = isReply === false || verdict !== "allowed" || isObject(eventType) && eventType["type"] === POLICY_VERDICT_EVENT || protocol === "TCP" && opens;
    if (!known) return sink.skip("packet of unknown direction (no is_reply)");
    const ip = flow["IP"] ?? flow["ip"];
    const srcIp = isObject(ip) && typeof ip["source"] === "string" ? ip["source"] : void 0;
    const dstIp = isObject(ip) && typeof ip["destination"] === "string" ? ip["destination"] : void 0;
    const from = this.side(flow["source"], srcIp, "source");
    if (typeof from === "string") return from;
    if (from === null) return sink.skip("Cilium health check");
    const to = this.side(flow["destination"], dstIp, "destination");
    if (typeof to === "string") return to;
    if (to === null) return sink.skip("Cilium health check");
    const record = {
      from: from.endpoint.side,
      to: to.endpoint.side,
      port,
      protocol,
      verdict,
      connections: 0,
      start: time,
      end: time,
      ...from.pod ? { fromPod: from.pod } : {},
      ...to.pod ? { toPod: to.pod } : {},
      ...srcIp ? { fromIp: srcIp } : {},
      ...dstIp ? { toIp: dstIp } : {}
    };
    if (!opens) return sink.record(record, from.endpoint, to.endpoint);
    const tuple = `${protocol} ${srcIp ?? from.endpoint.id}:${sourcePort ?? 0} ${dstIp ?? to.endpoint.id}:${port}`;
    const seen = this.recent.get(tuple);
    if (seen && Math.abs(time - seen.at) <= SAME_CONNECTION_MS && seen.from === from.endpoint && seen.to === to.endpoint) {
      if (seen.verdict !== verdict && verdict !== "allowed") {
        sink.recount(seen.from, seen.to, port, protocol, seen.verdict, verdict);
        seen.verdict = verdict;
      }
      return sink.record(record, from.endpoint, to.endpoint);
    }
    if (seen) this.recent.delete(tuple);
    if (this.recent.size >= sink.limits.maxRecentConnections) {
      const oldest = this.recent.keys().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
    this.recent.set(tuple, { from: from.endpoint, to: to.endpoint, verdict, at: time });
    return sink.record({ ...record, connections: 1 }, from.endpoint, to.endpoint);
  }
  /** A Hubble Endpoint as a side; null for Cilium's own health endpoint. */
  side(value, ip, where) {
    const sink = this.sink;
    const endpoint = isObject(value) ? value : {};
    const rawLabels = endpoint["labels"];
    if (rawLabels !== void 0 && !Array.isArray(rawLabels))
      return `${where}.labels: expected a list of "source:key=value"`;
    const reserved = Array.isArray(rawLabels) ? rawLabels.find((l) => typeof l === "string" && l.startsWith("reserved:")) : void 0;
    const namespace = endpoint["namespace"];
    const podName = field(endpoint, "pod_name", "podName");
    const pod = typeof podName === "string" && podName !== "" ? podName : void 0;
    if (reserved === "reserved:health") return null;
    if (reserved === "reserved:host" || reserved === "reserved:remote-node") {
      const e2 = sink.endpoint("n", () => ({ kind: "node" }));
      return typeof e2 === "string" ? e2 : { endpoint: e2 };
    }
    if (typeof namespace === "string" && namespace !== "" && reserved === void 0) {
      const workloads = endpoint["workloads"];
      const first = Array.isArray(workloads) && isObject(workloads[0]) ? workloads[0] : void 0;
      const workload = first && typeof first["kind"] === "string" && typeof first["name"] === "string" ? `${first["kind"]}/${first["name"]}` : "";
      const raw = `p${namespace}\0${workload}\0${Array.isArray(rawLabels) ? rawLabels.join("\0") : ""}`;
      const e2 = sink.endpoint(raw, () => {
        const nsProblem = namespaceProblem(namespace);
        if (nsProblem) return `${where}: ${nsProblem}`;
        const labels = labelList(rawLabels, podLabel);
        if (typeof labels === "string") return `${where}.${labels}`;
        const checked = workloadLabels(labels, sink.limits.maxLabels);
        if ("problem" in checked) return `${where}.labels: ${checked.problem}`;
        return {
          kind: "pod",
          namespace,
          labels: checked.labels,
          ...workload ? { workload } : {}
        };
      });
      return typeof e2 === "string" ? e2 : { endpoint: e2, ...pod ? { pod } : {} };
    }
    if (ip === void 0) return `${where}: an endpoint outside the cluster needs IP.${where}`;
    const e = sink.endpoint(`a${ip}`, () => {
      const checked = canonicalIp(ip);
      if ("problem" in checked) return `IP.${where}: ${checked.problem}`;
      return { kind: "address", ip: checked.ip };
    });
    return typeof e === "string" ? e : { endpoint: e };
  }
};
function podLabel(entry) {
  if (!entry.startsWith("k8s:")) return void 0;
  const label = entry.slice(4);
  if (label.startsWith("io.kubernetes.pod.namespace=") || label.startsWith("io.cilium.")) return void 0;
  return label;
}

// action/src/flows/model.ts
var FlowInputError = class extends Error {
  constructor(position, problem) {
    super(
      position.line === void 0 ? `${position.file}: ${problem}` : `${position.file}:${position.line}: ${problem}`
    );
    this.position = position;
    this.problem = problem;
  }
  position;
  problem;
  name = "FlowInputError";
};
var FLOW_LIMITS = {
  /** Longest record: a Hubble flow with a few dozen labels is a few KB. */
  maxLineBytes: 1024 * 1024,
  /** All flow files of one run together. */
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  /** Files in one run. */
  maxFiles: 1e4,
  /** Distinct (source, destination, port, protocol). */
  maxFlows: 1e5,
  /** Distinct endpoints (namespace and labels, node, address). */
  maxEndpoints: 2e4,
  /** Labels on one endpoint (a Deployment's pods carry a handful). */
  maxLabels: 64,
  /** Recent connections remembered to count one connection seen at several points once. */
  maxRecentConnections: 2e5
};

// action/src/flows/plain.ts
var RECORD_KEYS = ["time", "from", "to", "port", "protocol", "verdict", "count"];
var SIDE_KEYS = ["namespace", "labels", "pod", "workload", "ip", "node"];
var VERDICTS2 = { allowed: "allowed", denied: "denied", audit: "audit" };
var PROTOCOLS = { TCP: "TCP", UDP: "UDP", SCTP: "SCTP" };
function isPlainRecord(value) {
  return "from" in value && "to" in value && "verdict" in value && "port" in value;
}
function readPlainRecord(value, sink) {
  if (!isObject(value)) return "expected a JSON object (one flow per line)";
  for (const key in value) {
    if (!RECORD_KEYS.includes(key)) return `unknown key "${key}" (expected ${RECORD_KEYS.join(", ")})`;
  }
  const time = parseTime(value["time"]);
  if (typeof time === "string") return `time: ${time}`;
  const port = value["port"];
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535)
    return `port: expected an integer 1-65535, got ${JSON.stringify(port)}`;
  const rawProtocol = value["protocol"] ?? "TCP";
  const protocol = typeof rawProtocol === "string" ? PROTOCOLS[rawProtocol] ?? PROTOCOLS[rawProtocol.toUpperCase()] : void 0;
  if (!protocol) return `protocol: expected TCP, UDP or SCTP, got ${JSON.stringify(rawProtocol)}`;
  const verdict = typeof value["verdict"] === "string" ? VERDICTS2[value["verdict"]] : void 0;
  if (!verdict) return `verdict: expected allowed, denied or audit, got ${JSON.stringify(value["verdict"])}`;
  const count2 = value["count"] ?? 1;
  if (typeof count2 !== "number" || !Number.isInteger(count2) || count2 < 0 || count2 > 1e12)
    return `count: expected a whole number of connections \u2265 0, got ${JSON.stringify(count2)}`;
  const fromValue = value["from"];
  const toValue = value["to"];
  const from = side2(fromValue, "from", sink);
  if (typeof from === "string") return from;
  const to = side2(toValue, "to", sink);
  if (typeof to === "string") return to;
  const record = {
    from: from.side,
    to: to.side,
    port,
    protocol,
    verdict,
    connections: count2,
    start: time,
    end: time
  };
  const f = fromValue;
  const t = toValue;
  if (typeof f["pod"] === "string") record.fromPod = f["pod"];
  if (typeof t["pod"] === "string") record.toPod = t["pod"];
  if (typeof f["ip"] === "string" && from.side.kind === "pod") record.fromIp = f["ip"];
  if (typeof t["ip"] === "string" && to.side.kind === "pod") record.toIp = t["ip"];
  return sink.record(record, from, to);
}
function side2(value, where, sink) {
  if (!isObject(value)) return `${where}: expected an object ({namespace, labels} or {ip})`;
  for (const key in value) {
    if (!SIDE_KEYS.includes(key)) return `${where}: unknown key "${key}" (expected ${SIDE_KEYS.join(", ")})`;
  }
  const namespace = value["namespace"];
  const labels = value["labels"];
  const workload = value["workload"];
  const ipText = value["ip"];
  const pod = value["pod"];
  if (ipText !== void 0 && typeof ipText !== "string") return `${where}.ip: expected a string`;
  if (pod !== void 0 && (typeof pod !== "string" || pod.length === 0 || pod.length > 253))
    return `${where}.pod: expected a pod name`;
  if (typeof namespace === "string") {
    if (labels !== void 0 && !isObject(labels)) return `${where}.labels: expected an object of strings`;
    const table = sink.endpoints;
    let node = typeof workload === "string" ? table.podsOfWorkloads.step(table.podsOfWorkloads.root, namespace) : table.pods.step(table.pods.root, namespace);
    if (node && typeof workload === "string") node = table.podsOfWorkloads.step(node, workload);
    if (labels) {
      const trie = typeof workload === "string" ? table.podsOfWorkloads : table.pods;
      for (const k in labels) {
        if (node) node = trie.step(node, k);
        if (node) node = trie.step(node, labels[k]);
      }
    }
    if (!node) return table.full;
    if (typeof ipText === "string" && "problem" in canonicalIp(ipText))
      return `${where}.ip: "${ipText}" is not an IP address`;
    if (node.endpoint) return node.endpoint;
    const built2 = build(value, where, sink);
    if (typeof built2 === "string") return built2;
    const endpoint = table.add(`p${JSON.stringify(value)}`, built2);
    if (typeof endpoint !== "string") node.endpoint = endpoint;
    return endpoint;
  }
  const raw = value["node"] !== void 0 ? "n" : typeof ipText === "string" ? `a${ipText}` : "";
  const known = sink.known(raw);
  if (known) return known;
  const built = build(value, where, sink);
  if (typeof built === "string") return built;
  return sink.endpoint(raw, () => built);
}
function build(value, where, sink) {
  const { namespace, labels, workload, node, ip: ipText } = value;
  const ip = typeof ipText === "string" ? canonicalIp(ipText) : void 0;
  if (ip && "problem" in ip) return `${where}.ip: ${ip.problem}`;
  if (namespace !== void 0) {
    if (typeof namespace !== "string") return `${where}.namespace: expected a string`;
    if (node !== void 0) return `${where}: a pod (namespace) or a node, not both`;
    if (workload !== void 0 && typeof workload !== "string") return `${where}.workload: expected a string`;
    const nsProblem = namespaceProblem(namespace);
    if (nsProblem) return `${where}: ${nsProblem}`;
    const checked = workloadLabels(labels ?? {}, sink.limits.maxLabels);
    if ("problem" in checked) return `${where}.labels: ${checked.problem}`;
    return {
      kind: "pod",
      namespace,
      labels: checked.labels,
      ...typeof workload === "string" && workload !== "" ? { workload } : {}
    };
  }
  if (labels !== void 0 || workload !== void 0 || value["pod"] !== void 0)
    return `${where}: labels, workload and pod need a namespace`;
  if (node !== void 0) {
    if (typeof node !== "string") return `${where}.node: expected the node's name`;
    return { kind: "node" };
  }
  if (!ip) return `${where}: expected a namespace (a pod), a node, or an ip`;
  return { kind: "address", ip: ip.ip };
}

// action/src/flows/summary.ts
var PROTOCOLS2 = ["TCP", "UDP", "SCTP"];
var EXAMPLES = 3;
var VERDICT_INDEX = { allowed: 0, denied: 1, audit: 2 };
var REPORTER_INDEX = { source: 0, destination: 1 };
var FlowCounter = class {
  constructor(maxFlows, maxEndpoints) {
    this.maxFlows = maxFlows;
    if (maxEndpoints > 32768) throw new RangeError("at most 32,768 endpoints");
    this.endpoints = new EndpointTable(maxEndpoints);
  }
  maxFlows;
  endpoints;
  /** By source and destination ids (from * 32768 + to), then by port * 4 + protocol: small integers hash fast. */
  entries = /* @__PURE__ */ new Map();
  size = 0;
  records = 0;
  firstSeen = Infinity;
  lastSeen = -Infinity;
  skipped = /* @__PURE__ */ new Map();
  lost = 0;
  files = [];
  skip(reason) {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }
  /** Interns a side; a string is why it is refused. */
  endpoint(raw, build2) {
    return this.endpoints.intern(raw, build2);
  }
  /** Counts one record; returns why it cannot be counted (a cap), or undefined. */
  add(record, from, to) {
    const pair = from.id * 32768 + to.id;
    let byPort = this.entries.get(pair);
    if (!byPort) {
      byPort = /* @__PURE__ */ new Map();
      this.entries.set(pair, byPort);
    }
    const key = record.port * 4 + PROTOCOLS2.indexOf(record.protocol);
    let entry = byPort.get(key);
    if (!entry) {
      if (this.size >= this.maxFlows)
        return `more than ${this.maxFlows} distinct flows (source, destination, port, protocol): narrow the window or the namespaces`;
      entry = {
        flow: {
          from,
          to,
          port: record.port,
          protocol: record.protocol,
          connections: { allowed: 0, denied: 0, audit: 0 },
          passed: false,
          dropped: false,
          records: 0,
          firstSeen: record.start,
          lastSeen: record.end,
          examples: { fromPods: [], toPods: [], fromIps: [], toIps: [] }
        },
        allowed: 0,
        denied: 0,
        audit: 0
      };
      byPort.set(key, entry);
      this.size++;
    }
    const flow = entry.flow;
    flow.records++;
    if (record.verdict === "denied") flow.dropped = true;
    else if (record.connections === 0) flow.passed = true;
    if (record.reporter === void 0) entry[record.verdict] += record.connections;
    else {
      const counts = entry.byReporter ??= new Float64Array(6);
      const slot = REPORTER_INDEX[record.reporter] * 3 + VERDICT_INDEX[record.verdict];
      counts[slot] = (counts[slot] ?? 0) + record.connections;
    }
    if (record.start < flow.firstSeen) flow.firstSeen = record.start;
    if (record.end > flow.lastSeen) flow.lastSeen = record.end;
    if (record.start < this.firstSeen) this.firstSeen = record.start;
    if (record.end > this.lastSeen) this.lastSeen = record.end;
    const ex = flow.examples;
    if (record.fromPod !== void 0 && ex.fromPods.length < EXAMPLES && !ex.fromPods.includes(record.fromPod))
      ex.fromPods.push(record.fromPod);
    if (record.toPod !== void 0 && ex.toPods.length < EXAMPLES && !ex.toPods.includes(record.toPod))
      ex.toPods.push(record.toPod);
    if (record.fromIp !== void 0 && ex.fromIps.length < EXAMPLES && !ex.fromIps.includes(record.fromIp))
      ex.fromIps.push(record.fromIp);
    if (record.toIp !== void 0 && ex.toIps.length < EXAMPLES && !ex.toIps.includes(record.toIp))
      ex.toIps.push(record.toIp);
    this.records++;
    return void 0;
  }
  /** Moves one connection already counted from one verdict to another (seen dropped further on). */
  recount(from, to, port, protocol, was, now) {
    const entry = this.entries.get(from.id * 32768 + to.id)?.get(port * 4 + PROTOCOLS2.indexOf(protocol));
    if (!entry) return;
    entry[was] = Math.max(0, entry[was] - 1);
    entry[now] += 1;
    if (now === "denied") entry.flow.dropped = true;
  }
  /** The summary: connections reported by both ends counted once. */
  finish() {
    const flows = [];
    for (const entry of [...this.entries.values()].flatMap((m) => [...m.values()])) {
      const { flow } = entry;
      const c = entry.byReporter;
      const at = (i) => c?.[i] ?? 0;
      const srcAllowed = at(0);
      const srcDenied = at(1);
      const dstAllowed = at(3);
      const dstDenied = at(4);
      flow.connections = {
        allowed: entry.allowed + Math.max(srcAllowed - dstDenied, dstAllowed, 0),
        denied: entry.denied + srcDenied + dstDenied,
        audit: entry.audit + Math.max(at(2), at(5))
      };
      flows.push(flow);
    }
    flows.sort(
      (a, b) => a.from.label.localeCompare(b.from.label) || a.to.label.localeCompare(b.to.label) || a.port - b.port || a.protocol.localeCompare(b.protocol)
    );
    return {
      flows,
      endpoints: this.endpoints.list,
      records: this.records,
      skipped: this.skipped,
      lost: this.lost,
      ...this.records > 0 ? { firstSeen: this.firstSeen, lastSeen: this.lastSeen } : {},
      files: this.files
    };
  }
};

// action/src/flows/read.ts
function detect(value) {
  if (!isObject(value)) return void 0;
  if (isGoldmaneRecord(value)) return "goldmane";
  if (isHubbleRecord(value)) return "hubble";
  if (isEnterpriseRecord(value)) return "calico-enterprise";
  if (isPlainRecord(value)) return "plain";
  return void 0;
}
var FlowReader = class {
  constructor(options = {}) {
    this.options = options;
    this.limits = { ...FLOW_LIMITS, ...options.limits };
    this.counter = new FlowCounter(this.limits.maxFlows, this.limits.maxEndpoints);
    this.hubble = new HubbleReader(this);
  }
  options;
  limits;
  counter;
  hubble;
  file = "";
  format;
  fileEntry;
  /** Starts a file; lines that follow belong to it. */
  startFile(file) {
    if (this.counter.files.length >= this.limits.maxFiles)
      throw new FlowInputError({ file }, `not read: more than ${this.limits.maxFiles} flow files`);
    this.file = file;
    this.format = this.options.format;
    this.fileEntry = { file, format: this.format ?? "empty", records: 0 };
    this.counter.files.push(this.fileEntry);
  }
  /** Reads one line (without its line break); throws FlowInputError when it cannot. */
  line(text, line) {
    if (text.length === 0) return;
    let value;
    try {
      value = JSON.parse(text);
    } catch (error2) {
      if (/^\s*$/.test(text)) return;
      throw new FlowInputError(
        { file: this.file, line },
        `not JSON: ${error2.message} (one JSON object per line)`
      );
    }
    let format = this.format;
    if (format === void 0) {
      format = detect(value);
      if (format === void 0)
        throw new FlowInputError(
          { file: this.file, line },
          "not a flow record of a known format: expected the plain format ({time, from, to, port, protocol, verdict}), Hubble (a Flow, or {flow, node_name, time}), a Goldmane Flow (with Key) or a Calico Enterprise flow log"
        );
      this.format = format;
      if (this.fileEntry) this.fileEntry.format = format;
    }
    let problem;
    switch (format) {
      case "plain":
        problem = readPlainRecord(value, this);
        break;
      case "hubble":
        problem = this.hubble.read(value);
        break;
      case "goldmane":
        problem = readGoldmaneRecord(value, this);
        break;
      case "calico-enterprise":
        problem = readEnterpriseRecord(value, this);
        break;
    }
    if (problem !== void 0) throw new FlowInputError({ file: this.file, line }, problem);
  }
  finish() {
    return this.counter.finish();
  }
  // RecordSink: what the format readers call.
  endpoint(raw, build2) {
    return this.counter.endpoint(raw, build2);
  }
  get endpoints() {
    return this.counter.endpoints;
  }
  known(raw) {
    return this.counter.endpoints.get(raw);
  }
  record(record, from, to) {
    const problem = this.counter.add(record, from, to);
    if (problem === void 0 && this.fileEntry) this.fileEntry.records++;
    return problem;
  }
  recount(from, to, port, protocol, was, now) {
    this.counter.recount(from, to, port, protocol, was, now);
  }
  skip(reason) {
    this.counter.skip(reason);
    return void 0;
  }
  lost(events) {
    this.counter.lost += events;
  }
};

// action/src/adapters/flow-files.ts
import { isUtf8 } from "node:buffer";
import { constants as constants3 } from "node:fs";
import { lstat as lstat2, open as open2, realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep as sep5 } from "node:path";
var CHUNK = 4 * 1024 * 1024;
var NEWLINE = 10;
async function readFlowFiles(paths, reader, options) {
  const repository = await realpath(options.repository ?? options.cwd).catch(
    () => resolve(options.repository ?? options.cwd)
  );
  const budget = { left: reader.limits.maxTotalBytes };
  for (const path6 of paths) {
    const abs = resolve(options.cwd, path6);
    const shown = display(options.cwd, abs);
    reader.startFile(shown);
    await readOne(abs, shown, repository, reader, budget);
  }
}
function display(cwd, abs) {
  const rel = relative(cwd, abs);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep5).join("/") : abs;
}
function within(dir, path6) {
  const rel = relative(dir, path6);
  return rel === "" || !rel.startsWith(`..${sep5}`) && rel !== ".." && !isAbsolute(rel);
}
async function readOne(abs, file, repository, reader, budget) {
  const refuse = (problem) => new FlowInputError({ file }, problem);
  let real = abs;
  try {
    if ((await lstat2(abs)).isSymbolicLink()) {
      real = await realpath(abs);
      if (!within(repository, real))
        throw refuse("not read: a link to a place outside the repository (links may only point inside it)");
    }
  } catch (error2) {
    if (error2 instanceof FlowInputError) throw error2;
    const code = error2.code;
    throw refuse(code === "ENOENT" ? "no such file" : `cannot read: ${code ?? "error"}`);
  }
  let handle;
  try {
    handle = await open2(real, constants3.O_RDONLY | constants3.O_NONBLOCK | constants3.O_NOFOLLOW);
  } catch (error2) {
    throw refuse(`cannot read: ${error2.code ?? "error"}`);
  }
  try {
    const info2 = await handle.stat();
    if (info2.isDirectory()) throw refuse("a directory: name the flow files (a shell glob: dir/*.jsonl)");
    if (!info2.isFile()) throw refuse("not read: not a regular file (a FIFO, a socket or a device)");
    if (info2.size > budget.left)
      throw refuse(
        `not read: the flow files together exceed the ${reader.limits.maxTotalBytes} bytes allowed`
      );
    const maxLine = reader.limits.maxLineBytes;
    const buffer = Buffer.allocUnsafe(CHUNK + maxLine);
    let filled = 0;
    let line = 1;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      budget.left -= bytesRead;
      if (budget.left < 0)
        throw refuse(
          `not read: it grew past the ${reader.limits.maxTotalBytes} bytes allowed while being read`
        );
      filled += bytesRead;
      const eof = bytesRead === 0;
      const view = buffer.subarray(0, filled);
      const end = eof ? filled : view.lastIndexOf(NEWLINE) + 1;
      if (end > 0 && !isUtf8(view.subarray(0, end))) throw badUtf8(view.subarray(0, end), file, line);
      let start = 0;
      while (start < end) {
        let nl = view.indexOf(NEWLINE, start);
        if (nl === -1 || nl >= end) nl = end;
        if (nl - start > maxLine) throw tooLong(file, line, maxLine);
        let stop = nl;
        if (stop > start && view[stop - 1] === 13) stop--;
        if (line === 1 && view[0] === 239 && view[1] === 187 && view[2] === 191 && start === 0) start = 3;
        reader.line(view.toString("utf8", start, stop), line);
        line++;
        start = nl + 1;
      }
      if (eof) return;
      const rest = filled - end;
      if (rest > maxLine) throw tooLong(file, line, maxLine);
      buffer.copy(buffer, 0, end, filled);
      filled = rest;
    }
  } finally {
    await handle.close();
  }
}
function tooLong(file, line, max) {
  return new FlowInputError(
    { file, line },
    `a record longer than ${max} bytes: one flow per line, at most ${max} bytes each`
  );
}
function badUtf8(bytes, file, firstLine) {
  let line = firstLine;
  let start = 0;
  for (; ; ) {
    let nl = bytes.indexOf(NEWLINE, start);
    if (nl === -1) nl = bytes.length;
    if (!isUtf8(bytes.subarray(start, nl)) || nl === bytes.length) break;
    line++;
    start = nl + 1;
  }
  return new FlowInputError({ file, line }, "not UTF-8 text (save the flows as UTF-8)");
}

// action/src/adapters/flow-patterns.ts
async function readFlowPatterns(patterns, options) {
  const groups = /* @__PURE__ */ new Map();
  for (const p of patterns) {
    const key = p.environment ?? "*";
    const negated = p.pattern.startsWith("!");
    const body = negated ? p.pattern.slice(1) : p.pattern;
    const line = `${negated ? "!" : ""}${isAbsolute2(body) ? body : join2(options.workspace, body)}`;
    groups.set(key, [...groups.get(key) ?? [], line]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const [key, lines] of groups) {
    const globber = await create(lines.join("\n"), { followSymbolicLinks: false });
    const files = [];
    for (const path6 of await globber.glob()) {
      if ((await lstat3(path6)).isDirectory()) continue;
      files.push(path6);
    }
    files.sort();
    const where = key === "*" ? "" : ` (${key})`;
    if (files.length === 0) {
      options.warn(
        `flows${where}: no file matches ${lines.map((l) => relative2(options.workspace, l) || l).join(", ")}; the preview has no observed traffic for it`
      );
      continue;
    }
    const reader = new FlowReader(options.format ? { format: options.format } : {});
    await readFlowFiles(files, reader, { cwd: options.workspace });
    out.set(key, reader.finish());
  }
  return out;
}

// action/src/wiring/preview.ts
import { join as join3, relative as relative3 } from "node:path";
function previewDeps(settings, io, actionDir = actionDirOf(import.meta.url)) {
  const { workspace } = settings.runner;
  const git = createGitReader(workspace, settings.runner.toolEnv);
  const deps = {
    git,
    // Under pull_request_target the checkout is the base: the head is read as git objects.
    readHead: settings.github.eventName === "pull_request_target" ? () => readHeadObjects(git, settings) : () => readWorkingTree(workspace, settings.policiesDir),
    engine: { skipReason: "" },
    readObserved: () => readFlowPatterns(settings.flows, { workspace, warn: (m) => io.warn(m) }),
    writeReport: writeTextFile,
    now: systemClock.now
  };
  const program = chooseProgram({
    workspace,
    workDirInput: settings.workDirGiven ? relative3(workspace, settings.workDir) || "." : "",
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
            policiesDir: join3(workspace, settings.policiesDir),
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
  const io = options.io ?? actionIo();
  const step = stepStatus();
  try {
    const settings = parseSettings(settingsSource(options.env ?? process.env, options.cwd ?? process.cwd()));
    for (const secret of settings.secrets) step.mask(secret);
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
          const { rolloutWiring } = await import("./chunks/rollout-IM4HNOPB.js");
          const { checkStateNamespace, runActionRollout } = await import("./chunks/action-rollout-DAJ4E7DD.js");
          const wired = rolloutWiring(settings, io, { ...options.rollout, signal: cancel.signal });
          for (const secret of wired.secrets) step.mask(secret);
          if (settings.command !== "probe") await checkStateNamespace(wired.cluster, settings.stateNamespace);
          await runActionRollout(wired.request, wired.deps, io);
        } finally {
          cancel.dispose();
        }
        return;
      }
    }
  } catch (error2) {
    if (error2 instanceof Error && error2.stack) step.debug(error2.stack);
    step.fail(error2 instanceof Error ? error2.message : String(error2));
  }
}

// action/src/index.ts
await run();
