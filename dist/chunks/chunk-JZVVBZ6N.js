import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  CHECKS_ANNOTATION,
  DEFAULT_PROBE_POD_OPTIONS,
  ENVIRONMENT_LABEL,
  GitHubPermissionError,
  LAST_KNOWN_GOOD,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  PROBE_COMMAND,
  SOURCE_ANNOTATION,
  STAGE_LABEL,
  appendEntry,
  baselineFrom,
  baselineOf,
  buildProbePlan,
  buildProbePod,
  buildRunObject,
  canonicalJson,
  clip,
  code,
  compareStrings,
  compileEnvironment,
  configMapName,
  createScrubber,
  decideAfterDeploy,
  decideAfterRollback,
  describeRunning,
  diffCompiled,
  escapeMarkdown,
  escapePre,
  explainDirection,
  explainVerdict,
  findEntry,
  formatIntentError,
  formatSource,
  formatTime,
  intentName,
  intentOf,
  isDnsTarget,
  isIpTarget,
  judgeFlows,
  lastKnownGood,
  parseIntent,
  parseSourceAnnotation,
  policiesOfBundle,
  portsOf,
  probeArguments,
  provenEntries,
  recordIntent,
  require_dist,
  runObjectName,
  scriptCheck,
  suggest,
  unknownEnvironmentMessage,
  usage,
  wentThrough,
  withOwnerUid,
  withProbe
} from "./chunk-3NHSWOGT.js";
import {
  __toESM
} from "./chunk-JYXQAFTB.js";

// action/src/commands/action-rollout.ts
import { join } from "node:path";

// action/src/compile/bundle.ts
var import_yaml = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
function bundleDigest(bundle) {
  const text = canonicalJson(bundle.objects.map((o) => o.manifest));
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}
function objectKey(obj) {
  const manifest = "manifest" in obj ? obj.manifest : obj;
  return `${manifest.kind}/${manifest.metadata.namespace ?? ""}/${manifest.metadata.name}`;
}

// action/src/rollout/outcome.ts
function rolloutOutputs(report) {
  const deciding = report.environments.map(decidingProbe).filter((p) => p !== void 0);
  const last = [...report.environments].reverse().find((e) => e.status !== "skipped");
  const rollback = report.environments.find((e) => e.rollback !== void 0)?.rollback;
  return {
    "probe-passed": sum(deciding, (p) => p.result.counts.passed),
    "probe-failed": sum(deciding, (p) => p.result.counts.failed),
    "probe-inconclusive": sum(deciding, (p) => p.result.counts.inconclusive),
    "rolled-back": report.environments.some((e) => e.status === "rolled-back" || e.status === "break-glass"),
    revision: last?.running?.revision ?? "",
    "rolled-back-from": rollback?.from ?? "",
    "rolled-back-to": rollback?.to ?? "",
    "environments-deployed": report.environments.filter((e) => e.status === "deployed").map((e) => e.environment).join(","),
    drift: false
  };
}
var OUTPUT_FORMATS = {
  revision: { pattern: /^(?:[0-9a-f]{40}|[0-9a-f]{64})?$/, what: "a commit" },
  "rolled-back-from": { pattern: /^(?:[0-9a-f]{40}|[0-9a-f]{64})?$/, what: "a commit" },
  "rolled-back-to": { pattern: /^(?:[0-9a-f]{40}|[0-9a-f]{64})?$/, what: "a commit" },
  "probe-passed": { pattern: /^\d+$/, what: "a count" },
  "probe-failed": { pattern: /^\d+$/, what: "a count" },
  "probe-inconclusive": { pattern: /^\d+$/, what: "a count" },
  "rolled-back": { pattern: /^(?:true|false)$/, what: "true or false" },
  drift: { pattern: /^(?:true|false)$/, what: "true or false" },
  "environments-deployed": {
    pattern: /^(?:[A-Za-z0-9][A-Za-z0-9_.-]*(?:,[A-Za-z0-9][A-Za-z0-9_.-]*)*)?$/,
    what: "environment names"
  }
};
function checkedOutputs(outputs) {
  const values = {};
  const checked = { ...outputs };
  const refused = [];
  for (const [name, raw] of Object.entries(outputs)) {
    const value = String(raw);
    const format = OUTPUT_FORMATS[name];
    if (format === void 0) throw new Error(`internal: output ${name} has no format`);
    if (format.pattern.test(value)) {
      values[name] = value;
    } else {
      values[name] = "";
      checked[name] = "";
      refused.push(`output ${name} was set empty: its value is not ${format.what}`);
    }
  }
  return { values, checked, refused };
}
function decidingProbe(outcome) {
  return outcome.probes.find((p) => p.decision !== void 0 && p.decision !== "continue") ?? outcome.probes.at(-1);
}
function rolloutSucceeded(report) {
  return report.refusals.length === 0 && !report.cancelled && report.environments.every((e) => e.status === "deployed");
}
function describeEntry(e) {
  return `${e.revision === null ? "an unknown revision" : `revision ${e.revision.slice(0, 12)}`} (${e.digest.slice(0, 19)}\u2026, entry #${e.seq})`;
}
function sum(items, value) {
  return items.reduce((total, item) => total + value(item), 0);
}

// node_modules/js-yaml/dist/js-yaml.mjs
function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
var jsYaml = {};
var loader = {};
var common = {};
var hasRequiredCommon;
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key2 = sourceKeys[index];
        target[key2] = source[key2];
      }
    }
    return target;
  }
  function repeat(string, count) {
    let result = "";
    for (let cycle = 0; cycle < count; cycle += 1) {
      result += string;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
var exception;
var hasRequiredException;
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where += 'in "' + exception2.mark.name + '" ';
    }
    where += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
var snippet;
var hasRequiredSnippet;
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string, max) {
    return common2.repeat(" ", max - string.length) + string;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line2.str + "\n" + result;
    }
    const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
var type;
var hasRequiredType;
function requireType() {
  if (hasRequiredType) return type;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type2(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
        throw new YAMLException2('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type = Type2;
  return type;
}
var schema;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type2 = requireType();
  function compileList(schema2, name) {
    const result = [];
    schema2[name].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type2) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema = Schema2;
  return schema;
}
var str;
var hasRequiredStr;
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
var seq;
var hasRequiredSeq;
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
var map;
var hasRequiredMap;
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
}
var failsafe;
var hasRequiredFailsafe;
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
var _null;
var hasRequired_null;
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type2 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type2("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
var bool;
var hasRequiredBool;
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type2 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type2("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
var int;
var hasRequiredInt;
function requireInt() {
  if (hasRequiredInt) return int;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  int = new Type2("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return int;
}
var float;
var hasRequiredFloat;
function requireFloat() {
  if (hasRequiredFloat) return float;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  float = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return float;
}
var json;
var hasRequiredJson;
function requireJson() {
  if (hasRequiredJson) return json;
  hasRequiredJson = 1;
  json = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json;
}
var core;
var hasRequiredCore;
function requireCore() {
  if (hasRequiredCore) return core;
  hasRequiredCore = 1;
  core = requireJson();
  return core;
}
var timestamp;
var hasRequiredTimestamp;
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
  hasRequiredTimestamp = 1;
  const Type2 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
var merge;
var hasRequiredMerge;
function requireMerge() {
  if (hasRequiredMerge) return merge;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge;
}
var binary;
var hasRequiredBinary;
function requireBinary() {
  if (hasRequiredBinary) return binary;
  hasRequiredBinary = 1;
  const Type2 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code2 = map2.indexOf(data.charAt(idx));
      if (code2 > 64) continue;
      if (code2 < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
var omap;
var hasRequiredOmap;
function requireOmap() {
  if (hasRequiredOmap) return omap;
  hasRequiredOmap = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey;
      for (pairKey in pair) {
        if (_hasOwnProperty.call(pair, pairKey)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
      Object.defineProperty(objectKeys, pairKey, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
var pairs;
var hasRequiredPairs;
function requirePairs() {
  if (hasRequiredPairs) return pairs;
  hasRequiredPairs = 1;
  const Type2 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
var set;
var hasRequiredSet;
function requireSet() {
  if (hasRequiredSet) return set;
  hasRequiredSet = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key2 in object) {
      if (_hasOwnProperty.call(object, key2)) {
        if (object[key2] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set;
}
var _default;
var hasRequired_default;
function require_default() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
var hasRequiredLoader;
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "\x85";
      case 95:
        return "\xA0";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key2, value) {
    if (key2 === "__proto__") {
      Object.defineProperty(object, key2, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key2] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name)) {
        transaction[name] = {
          existed: _hasOwnProperty.call(state.anchorMap, name),
          value: state.anchorMap[name]
        };
      }
    }
    state.anchorMap[name] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name = names[index];
      if (!_hasOwnProperty.call(parent, name)) {
        parent[name] = transaction[name];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key2 = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key2)) {
        setProperty(destination, key2, source[key2]);
        overridableKeys[key2] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count) {
    if (count === 1) {
      state.result += " ";
    } else if (count > 1) {
      state.result += common2.repeat("\n", count - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load2(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load2;
  return loader;
}
var dumper = {};
var hasRequiredDumper;
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema2, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema2.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string.length) + string;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string.length;
    while (position < length) {
      let line;
      const next = string.indexOf("\n", position);
      if (next === -1) {
        line = string.slice(position);
        position = length;
      } else {
        line = string.slice(position, next + 1);
        position = next + 1;
      }
      if (line.length && line !== "\n") result += ind;
      result += line;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // “-” | “?” | “:” | “,” | “[” | “]” | “{” | “}”
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | “#” | “&” | “*” | “!” | “|” | “=” | “>” | “'” | “"”
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | “%” | “@” | “`”)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string, pos) {
    const first = string.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string.length) {
      second = string.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string, 0)) && isPlainSafeLast(codePointAt(string, string.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string, level, iskey, inblock) {
    state.dump = (function() {
      if (string.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string + '"' : "'" + string + "'";
        }
      }
      const indent = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string2) {
        return testImplicitResolving(state, string2);
      }
      switch (chooseScalarStyle(
        string,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string;
        case STYLE_SINGLE:
          return "'" + string.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
        case STYLE_FOLDED:
          return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
        case STYLE_DOUBLE:
          return '"' + escapeString(string) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
    const clip2 = string[string.length - 1] === "\n";
    const keep = clip2 && (string[string.length - 2] === "\n" || string === "\n");
    const chomp = keep ? "+" : clip2 ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string) {
    return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
  }
  function foldString(string, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string[0] === "\n" || string[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string)) {
      const prefix = match[1];
      const line = match[2];
      moreIndented = line[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line, width) {
    if (line === "" || line[0] === " ") return line;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line.length - start > width && curr > start) {
      result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
    } else {
      result += line.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string[i];
        if (char >= 65536) result += string[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey2 = objectKeyList[index];
      let objectValue = object[objectKey2];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey2, objectValue);
      }
      if (!writeNode(state, level, objectKey2, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey2 = objectKeyList[index];
      let objectValue = object[objectKey2];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey2, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey2, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
var hasRequiredJsYaml;
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed2(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed2("safeLoad", "load");
  jsYaml.safeLoadAll = renamed2("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed2("safeDump", "dump");
  return jsYaml;
}
var jsYamlExports = requireJsYaml();
var yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
var {
  Type,
  Schema,
  FAILSAFE_SCHEMA,
  JSON_SCHEMA,
  CORE_SCHEMA,
  DEFAULT_SCHEMA,
  load,
  loadAll,
  dump,
  YAMLException,
  types,
  safeLoad,
  safeLoadAll,
  safeDump
} = yaml;

// action/src/report/probe-result.ts
function reproduceCommand(check, manifest, timeoutSeconds) {
  const one = scriptCheck(check);
  if (!one) return void 0;
  const { namespace } = manifest.metadata;
  const name = `${manifest.metadata.name.slice(0, 50).replace(/[-.]+$/, "")}-repro`;
  const spec = structuredClone(manifest.spec);
  for (const c of spec.containers ?? []) {
    if (c.command?.join("\0") === PROBE_COMMAND.join("\0")) c.args = probeArguments([one], timeoutSeconds);
  }
  const labels = { ...manifest.metadata.labels ?? {} };
  const annotations = {
    ...manifest.metadata.annotations ?? {},
    [CHECKS_ANNOTATION]: JSON.stringify([one.id])
  };
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace,
      labels,
      annotations,
      ownerReferences: [
        { apiVersion: "v1", kind: "ConfigMap", name, uid: "__OWNER_UID__", controller: true }
      ]
    },
    spec
  };
  const yaml2 = yaml.dump(pod, { lineWidth: -1, noRefs: true }).replace(/[\\$`]/g, (c) => `\\${c}`).replace("__OWNER_UID__", "${OWNER_UID}");
  const ns = shellWord(namespace);
  return [
    `OWNER_UID=$(kubectl -n ${ns} create configmap ${shellWord(name)} -o jsonpath='{.metadata.uid}')`,
    "kubectl create -f - <<EOF",
    yaml2.trimEnd(),
    "EOF",
    `kubectl -n ${ns} logs -f ${shellWord(name)}   # one JSON line per iteration; Ctrl-C to stop`,
    `kubectl -n ${ns} delete configmap ${shellWord(name)}   # deletes the pod too`
  ].join("\n");
}
function shellWord(s) {
  return /^[A-Za-z0-9._-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

// action/src/report/rollout.ts
var SUMMARY_BUDGET = 9e5;
var MAX_WRONG = 50;
var MAX_RIGHT = 30;
var MAX_REPRO = 10;
var STATUS = {
  deployed: "\u2705 deployed",
  "rolled-back": "\u21A9\uFE0F rolled back",
  "break-glass": "\u{1F6A8} BREAK-GLASS",
  failed: "\u274C failed",
  refused: "\u26D4 refused (nothing changed)",
  skipped: "\u23ED\uFE0F not started",
  cancelled: "\u23F9\uFE0F cancelled"
};
var CLASS = {
  "as-expected": "as expected",
  "intended-change": "intended change",
  surprise: "\u2757 surprise",
  deviation: "\u2757 deviation",
  inconclusive: "\u2754 inconclusive",
  "not-checked": "not checkable"
};
function renderRolloutSummary(report) {
  const ok = rolloutSucceeded(report);
  const title = report.action === "rollback" ? "rollback" : "deploy";
  const out = [];
  out.push(`## netpol-rollout ${title}: ${ok ? "\u2705 succeeded" : "\u274C failed"}`, "");
  const facts = [
    report.revision === null ? void 0 : `revision ${code(report.revision.slice(0, 12))}`,
    report.target === void 0 ? void 0 : `target: ${escapeMarkdown(report.target)}`,
    report.reason === void 0 ? void 0 : `reason: ${escapeMarkdown(report.reason)}`,
    report.run.actor === void 0 ? void 0 : `by ${code(report.run.actor)}`,
    report.run.url === void 0 ? void 0 : `[run](${report.run.url})`
  ].filter((f) => f !== void 0);
  if (facts.length > 0) out.push(facts.join(" \xB7 "), "");
  if (report.cancelled) out.push("> [!WARNING]", "> The job was cancelled: no further step was started.", "");
  if (report.refusals.length > 0) {
    out.push("### Refused before any change", "", "Nothing was deployed anywhere:", "");
    for (const r of report.refusals) out.push(`- ${escapeMarkdown(r)}`);
    out.push("");
  }
  if (report.environments.length > 0) {
    out.push("| environment | result | why |", "| --- | --- | --- |");
    for (const e of report.environments) {
      out.push(
        `| ${escapeMarkdown(e.environment)} | ${STATUS[e.status]} | ${escapeMarkdown(clip(e.reason ?? "", 300))} |`
      );
    }
    out.push("");
  }
  for (const e of report.environments) {
    if (e.timeline.length === 0 && e.probes.length === 0) continue;
    out.push(...renderEnvironment(e), "");
  }
  return budgeted(out.join("\n"));
}
function renderEnvironment(e) {
  const out = [`### ${escapeMarkdown(e.environment)}: ${STATUS[e.status]}`, ""];
  if (e.status === "rolled-back" || e.status === "break-glass") {
    out.push("> [!CAUTION]");
    out.push(`> ${escapeMarkdown(e.reason ?? "")}`);
    if (e.rolledBackTo) {
      out.push(
        `> Rolled back to revision ${code(e.rolledBackTo.revision?.slice(0, 12) ?? "unknown")} (entry #${e.rolledBackTo.seq}).`
      );
    }
    if (e.breakGlass) {
      out.push(
        `> The default-deny of ${e.breakGlass.map((n) => code(n)).join(", ")} was REMOVED (allows kept): these namespaces are not isolated until a fixed revision is deployed.`
      );
    }
    out.push("");
  } else if (e.reason !== void 0 && e.status !== "deployed") {
    out.push(`**Why:** ${escapeMarkdown(e.reason)}`, "");
  }
  if (e.recovery !== void 0) out.push(`**Recovery:** ${escapeMarkdown(e.recovery)}`, "");
  for (const n of e.notes) out.push(`- ${escapeMarkdown(n)}`);
  if (e.notes.length > 0) out.push("");
  const restore = timeToRestore(e);
  if (restore !== void 0) out.push(restore, "");
  out.push("| time (UTC) | s | phase | step | | detail |", "| --- | --- | --- | --- | --- | --- |");
  e.timeline.forEach((t, i) => {
    const before = i === 0 ? void 0 : e.timeline[i - 1];
    const took = before === void 0 ? "" : seconds(Date.parse(t.at) - Date.parse(before.at));
    out.push(
      `| ${t.at.slice(11, 19)} | ${took} | ${t.phase} | ${escapeMarkdown(t.step)} | ${t.ok ? "\u2705" : "\u274C"} | ${escapeMarkdown(clip(t.detail, 400))} |`
    );
  });
  out.push("");
  const deciding = decidingProbe(e);
  for (const probe of e.probes) {
    const open = probe === deciding || probe.phase !== "deploy" || probe.result.counts.failed > 0;
    out.push(...renderProbe(probe, open), "");
  }
  const repro = reproductions(e);
  if (repro.length > 0) {
    out.push("<details open><summary>Reproduce the wrong cells</summary>", "");
    for (const r of repro) out.push(r, "");
    out.push("</details>");
  }
  return out;
}
function seconds(ms) {
  return (ms / 1e3).toFixed(1);
}
function timeToRestore(e) {
  const at = (i) => Date.parse(e.timeline[i]?.at ?? "");
  const start = e.timeline.findIndex((t) => t.phase === "rollback" && t.step === "start");
  const end = e.timeline.findIndex((t) => t.phase === "rollback" && t.step === "probe re-probe");
  const failed = e.timeline.findLastIndex(
    (t, i) => i < start && t.phase === "deploy" && t.step.startsWith("probe") && !t.ok
  );
  if (failed < 1 || end < start || !e.timeline[end]?.ok) return void 0;
  const failing = at(failed) - at(failed - 1);
  const apply = at(end - 1) - at(failed);
  const reprobe = at(end) - at(end - 1);
  return `**Time to restore:** ${seconds(at(end) - at(failed - 1))} s (failing probe ${seconds(failing)} s, rollback deployed ${seconds(apply)} s, re-probe ${seconds(reprobe)} s).`;
}
function probeTiming(probe) {
  const t = probe.result.timing;
  if (t === void 0) return "";
  const caught = t.caughtUpMs === void 0 ? "never seen caught up" : `caught up at ${seconds(t.caughtUpMs)} s (${t.caughtUpBy === "changes" ? "its changes showed" : "settle window"})`;
  return ` (first round ${seconds(t.firstRoundMs)} s, ${caught}, ended ${seconds(t.endMs)} s)`;
}
function renderProbe(probe, open) {
  const c = probe.result.counts;
  const title = `Probe after ${probe.phase === "deploy" ? "" : `${probe.phase} `}${probe.step}: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notChecked} not checkable${probe.decision ? ` \u2192 ${probe.decision}` : ""}${probeTiming(probe)}`;
  const wrong = probe.result.results.filter((r) => isWrong(r));
  const right = probe.result.results.filter((r) => !isWrong(r));
  const out = [`<details${open ? " open" : ""}><summary>${escapeMarkdown(title)}</summary>`, ""];
  for (const note of probe.result.coverage) out.push(`> ${escapeMarkdown(note)}`, "");
  out.push("| check | kind | expected | observed | classification |", "| --- | --- | --- | --- | --- |");
  for (const r of [...wrong.slice(0, MAX_WRONG), ...right.slice(0, MAX_RIGHT)]) {
    out.push(
      `| ${code(describeCheck(r.check))} | ${r.check.kind} | ${r.check.expect} | ${observedText(r)} | ${CLASS[r.classification]} |`
    );
  }
  const hidden = Math.max(0, wrong.length - MAX_WRONG) + Math.max(0, right.length - MAX_RIGHT);
  if (hidden > 0) out.push("", `${hidden} more checks are not shown (wrong cells first).`);
  out.push("", "</details>");
  return out;
}
function isWrong(r) {
  return r.classification === "deviation" || r.classification === "surprise" || r.classification === "inconclusive";
}
function observedText(r) {
  const o = r.observed;
  switch (o.outcome) {
    case "allowed":
      return `allowed (${o.detail})`;
    case "refused":
      return `${r.seen} (${escapeMarkdown(r.reading ?? "refused")})`;
    case "blocked":
      return "blocked (timeout)";
    case "dns-failure":
      return `DNS failure: ${escapeMarkdown(clip(o.message, 120))}`;
    case "cannot-check":
      return `cannot-check: ${o.evidence}, ${escapeMarkdown(clip(o.message, 120))}`;
  }
}
function describeCheck(check) {
  const from = `${check.from.namespace}/${check.from.service ?? labelsText(check.from.labels)}`;
  const to = isDnsTarget(check.to) ? `DNS ${check.to.dns}` : isIpTarget(check.to) ? check.to.ip : `${check.to.namespace}/${check.to.service ?? check.to.pod}`;
  return `${from} -> ${to}:${check.port}/${check.protocol}`;
}
function labelsText(labels) {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
}
function reproductions(e) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const probe of e.probes) {
    for (const r of probe.result.results) {
      if (!isWrong(r) || out.length >= MAX_REPRO) continue;
      const text = reproduction(r, probe.plan);
      if (seen.has(text)) continue;
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}
function reproduction(r, plan) {
  const check = r.check;
  const pod = plan.pods.find(
    (p) => p.metadata.name === check.from.pod && p.metadata.namespace === check.from.namespace
  );
  const header = `${escapeMarkdown(describeCheck(check))}: expected ${check.expect}, observed ${r.seen}${r.observed.outcome === "refused" ? " (refused)" : ""}`;
  const command = pod && reproduceCommand(check, pod, DEFAULT_PROBE_POD_OPTIONS.timeoutSeconds);
  if (command === void 0) {
    return `${header}. No probe pod was planned for this source: from a pod in namespace ${code(check.from.namespace)} with labels ${code(labelsText(check.from.labels))}, connect to ${code(describeCheck(check).split(" -> ")[1] ?? "")}.`;
  }
  return `${header}

<pre>${escapePre(command)}</pre>`;
}
function renderPullRequestResult(report, summaryUrl) {
  const ok = rolloutSucceeded(report);
  const lines = [
    `**netpol-rollout deploy of ${code(report.revision?.slice(0, 12) ?? "unknown revision")}: ${ok ? "\u2705 deployed" : "\u274C failed"}**`,
    ""
  ];
  for (const e of report.environments) {
    const probe = decidingProbe(e);
    const counts = probe ? ` (probes: ${probe.result.counts.passed} passed, ${probe.result.counts.failed} failed, ${probe.result.counts.inconclusive} inconclusive)` : "";
    lines.push(
      `- ${escapeMarkdown(e.environment)}: ${STATUS[e.status]}${counts}${e.reason && e.status !== "deployed" ? ` \u2014 ${escapeMarkdown(clip(e.reason, 200))}` : ""}`
    );
  }
  for (const r of report.refusals.slice(0, 5)) lines.push(`- refused: ${escapeMarkdown(clip(r, 200))}`);
  if (summaryUrl !== void 0) lines.push("", `[Full report in the job summary](${summaryUrl})`);
  return lines.join("\n");
}
function renderDriftSummary(report) {
  const unchecked = report.environments.filter((e) => e.skipped !== void 0).length;
  const headline = report.drift ? "\u2757 drift" : unchecked > 0 ? `\u23ED\uFE0F ${unchecked} environment${unchecked === 1 ? "" : "s"} not checked, no drift in the rest` : "\u2705 no drift";
  const out = [`## netpol-rollout drift watch: ${headline}`, ""];
  for (const e of report.environments) {
    if (e.skipped !== void 0) {
      out.push(`### ${escapeMarkdown(e.environment)}: \u23ED\uFE0F not checked`, "", escapeMarkdown(e.skipped), "");
      continue;
    }
    out.push(`### ${escapeMarkdown(e.environment)}: ${e.drift ? "\u2757 drift" : "\u2705 as recorded"}`, "");
    if (e.noRecord) out.push("**No record** of what runs: nothing was judged.", "");
    if (e.running) out.push(`Judged against ${escapeMarkdown(e.running.describe)}.`, "");
    if (e.findings.length > 0) {
      out.push("**Objects changed by hand**", "", "| change | object | detail |", "| --- | --- | --- |");
      for (const f of e.findings)
        out.push(`| ${f.change} | ${code(f.object)} | ${escapeMarkdown(f.detail)} |`);
      out.push("");
    }
    if (e.failing.length > 0) {
      out.push(
        "**Checks of the running revision that fail**",
        "",
        "| check | expected | observed |",
        "| --- | --- | --- |"
      );
      for (const f of e.failing)
        out.push(`| ${code(f.check)} | ${f.expected} | ${escapeMarkdown(f.observed)} |`);
      out.push("");
    }
    if (e.pending !== void 0) out.push(`**Deploy pending**: ${escapeMarkdown(e.pending)}.`, "");
    for (const n of e.notes) out.push(`- ${escapeMarkdown(n)}`);
    if (e.probe && e.plan) {
      const record = { phase: "deploy", step: "drift", plan: e.plan, result: e.probe };
      out.push("", ...renderProbe(record, e.probe.counts.failed > 0));
    }
    out.push("");
  }
  return budgeted(out.join("\n"));
}
function budgeted(text) {
  return text.length <= SUMMARY_BUDGET ? text : `${clip(text, SUMMARY_BUDGET)}

(The report was cut at the job summary's size limit.)`;
}

// action/src/ports/lock.ts
var LockError = class extends Error {
  name = "LockError";
};
var LockBusyError = class extends LockError {
  constructor(message, holder, waitedMs) {
    super(message);
    this.holder = holder;
    this.waitedMs = waitedMs;
  }
  holder;
  waitedMs;
  name = "LockBusyError";
};
var LockLostError = class extends LockError {
  name = "LockLostError";
};

// action/src/rollout/lock.ts
var LOCK_LEASE_PREFIX = "netpol-rollout-lock";
function lockLeaseName(scope) {
  const parts = [LOCK_LEASE_PREFIX, scope.environment, ...scope.cluster ? [scope.cluster] : []];
  return parts.join("-").toLowerCase();
}
function holderIdentity(run, nonce) {
  return `${run.runId ?? "local"}-${run.attempt ?? "1"}-${nonce}`;
}
var ANNOTATION = "netpol-rollout.io/lock-";
function holderAnnotations(run) {
  const out = { [`${ANNOTATION}command`]: run.command };
  if (run.runId) out[`${ANNOTATION}run`] = run.runId;
  if (run.attempt) out[`${ANNOTATION}attempt`] = run.attempt;
  if (run.actor) out[`${ANNOTATION}actor`] = run.actor;
  if (run.url) out[`${ANNOTATION}url`] = run.url;
  return out;
}
var ACTIVITY_ANNOTATION = `${ANNOTATION}activity`;
var RELEASED_ANNOTATION = `${ANNOTATION}released`;
function holderOf(identity, annotations = {}) {
  const text = (key2) => {
    const value = annotations[`${ANNOTATION}${key2}`];
    return value === void 0 ? void 0 : leaseText(value);
  };
  const holder = { identity: leaseText(identity) };
  const fields = {
    command: "command",
    runId: "run",
    attempt: "attempt",
    actor: "actor",
    url: "url"
  };
  for (const [field, key2] of Object.entries(fields)) {
    const value = text(key2);
    if (value !== void 0) holder[field] = value;
  }
  return holder;
}
function leaseText(value) {
  const line = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}
function describeHolder(holder) {
  const what = holder.command ?? "a run";
  const run = holder.runId ? ` run ${holder.runId}${holder.attempt ? ` attempt ${holder.attempt}` : ""}` : ` (holder ${holder.identity})`;
  return `${what}${run}${holder.actor ? ` by ${holder.actor}` : ""}${holder.url ? ` (${holder.url})` : ""}`;
}
var LeaseObserver = class {
  constructor(fallbackSeconds) {
    this.fallbackSeconds = fallbackSeconds;
  }
  fallbackSeconds;
  seen;
  observe(reading, now) {
    if (!reading.holderIdentity) return { state: "free" };
    if (this.seen?.resourceVersion !== reading.resourceVersion) {
      this.seen = { resourceVersion: reading.resourceVersion, at: now };
    }
    const seconds2 = reading.leaseDurationSeconds !== void 0 && reading.leaseDurationSeconds > 0 ? reading.leaseDurationSeconds : this.fallbackSeconds;
    const unchangedMs = now - this.seen.at;
    const remainingMs = seconds2 * 1e3 - unchangedMs;
    return remainingMs <= 0 ? { state: "expired", unchangedMs } : { state: "held", unchangedMs, remainingMs };
  }
};
function renewalTiming(durationSeconds) {
  const ms = durationSeconds * 1e3;
  return {
    renewEveryMs: Math.round(ms / 4),
    retryEveryMs: Math.max(50, Math.round(ms / 12)),
    deadlineMs: Math.round(ms * 2 / 3)
  };
}
function microTime(at) {
  return `${at.toISOString().slice(0, -1)}000Z`;
}

// action/src/rollout/transitions.ts
var NEXT_SUFFIX = ".next";
var TransitionError = class extends Error {
  name = "TransitionError";
};
function namespaceOf(object) {
  return object.manifest.metadata.namespace ?? "";
}
function enforcedNamespaces(bundle) {
  return unique(bundle.objects.filter((o) => o.stage === "deny").map(namespaceOf));
}
function liveBundle(environment, cni, objects) {
  const out = [];
  for (const object of objects) {
    const labels = object.metadata.labels ?? {};
    if (labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE) continue;
    if (labels[ENVIRONMENT_LABEL] !== environment) continue;
    const stage = labels[STAGE_LABEL] === "deny" ? "deny" : "allow";
    const { name, namespace, labels: l, annotations } = object.metadata;
    const manifest = {
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: {
        name,
        ...namespace === void 0 ? {} : { namespace },
        ...l === void 0 ? {} : { labels: { ...l } },
        ...annotations === void 0 ? {} : { annotations: { ...annotations } }
      },
      spec: structuredClone(object.spec)
    };
    const source = parseSourceAnnotation(annotations?.[SOURCE_ANNOTATION]);
    out.push({ stage, manifest, origins: source === void 0 ? [] : [source] });
  }
  return { environment, cni, objects: sortObjects(out) };
}
function planTransition(live, target) {
  const enforcedBefore = enforcedNamespaces(live);
  const enforcedAfter = new Set(enforcedNamespaces(target));
  const liveByKey = byKey(live.objects);
  const targetByKey = byKey(target.objects);
  const expanded = [];
  for (const object of live.objects) {
    if (object.stage === "deny") {
      expanded.push(object);
      continue;
    }
    const wanted = targetByKey.get(objectKey(object));
    if (wanted === void 0 || wanted.stage !== "allow" || sameManifest(object, wanted)) {
      expanded.push(object);
    } else if (mergeable(object, wanted)) {
      expanded.push(mergeObjects(object, wanted));
    } else {
      expanded.push(object, renamed(wanted, `${object.manifest.metadata.name}${NEXT_SUFFIX}`));
    }
  }
  for (const object of target.objects) {
    if (object.stage !== "allow") continue;
    const key2 = objectKey(object);
    if (!liveByKey.has(key2)) expanded.push(object);
  }
  const expandBundle = { ...target, objects: sortObjects(dedupe(expanded)) };
  const steps = [];
  if (!sameObjects(expandBundle, live)) {
    steps.push({
      kind: "expand",
      bundle: expandBundle,
      namespaces: describe(
        live,
        expandBundle,
        (ns, before, after) => before === after ? "unchanged" : enforcedBefore.includes(ns) ? "expand" : "allows"
      )
    });
  }
  const previous = steps.length > 0 ? expandBundle : live;
  if (!sameObjects(target, previous)) {
    steps.push({
      kind: "contract",
      bundle: { ...target, objects: sortObjects([...target.objects]) },
      namespaces: describe(previous, target, (ns, before, after) => {
        if (before === after) return "unchanged";
        const wasEnforced = enforcedBefore.includes(ns);
        if (enforcedAfter.has(ns)) return wasEnforced ? "contract" : "enforce";
        return wasEnforced ? "lift" : "allows";
      })
    });
  }
  return { environment: target.environment, steps, enforcedBefore };
}
function breakGlassStep(current, bundle, namespaces) {
  const lifted = (o) => o.stage === "deny" && (namespaces === void 0 || namespaces.includes(namespaceOf(o)));
  const result = {
    ...bundle,
    objects: sortObjects(bundle.objects.filter((o) => !lifted(o)))
  };
  return {
    kind: "break-glass",
    bundle: result,
    namespaces: describe(current, result, (ns, before, after) => {
      if (before === after) return "unchanged";
      return bundle.objects.some((o) => lifted(o) && namespaceOf(o) === ns) ? "break-glass" : "allows";
    })
  };
}
function sameObjects(a, b) {
  if (a.objects.length !== b.objects.length) return false;
  const left = a.objects.map((o) => canonicalJson(o.manifest)).sort(compareStrings);
  const right = b.objects.map((o) => canonicalJson(o.manifest)).sort(compareStrings);
  return left.every((text, i) => text === right[i]);
}
var SELECTOR_FIELD = {
  NetworkPolicy: "podSelector",
  CiliumNetworkPolicy: "endpointSelector"
};
function mergeable(a, b) {
  const field = SELECTOR_FIELD[a.manifest.kind];
  if (field === void 0 || a.manifest.kind !== b.manifest.kind) return false;
  const specA = a.manifest.spec;
  const specB = b.manifest.spec;
  const keys = /* @__PURE__ */ new Set([...Object.keys(specA), ...Object.keys(specB)]);
  for (const key2 of keys) {
    if (key2 === "ingress" || key2 === "egress" || key2 === "policyTypes") continue;
    if (canonicalJson(specA[key2]) !== canonicalJson(specB[key2])) return false;
  }
  return true;
}
function mergeObjects(live, wanted) {
  const a = live.manifest.spec;
  const b = wanted.manifest.spec;
  const spec = { ...b };
  const ruleOrigins = { ingress: [], egress: [] };
  for (const direction of ["ingress", "egress"]) {
    const left = asList(a[direction]);
    const right = asList(b[direction]);
    if (a[direction] === void 0 && b[direction] === void 0) {
      delete spec[direction];
      continue;
    }
    const seen = new Set(left.map((r) => canonicalJson(r)));
    const merged2 = [...left];
    const origins = [...live.ruleOrigins?.[direction] ?? left.map(() => [])];
    right.forEach((rule, i) => {
      const text = canonicalJson(rule);
      if (seen.has(text)) return;
      seen.add(text);
      merged2.push(rule);
      origins.push(wanted.ruleOrigins?.[direction][i] ?? []);
    });
    spec[direction] = merged2;
    ruleOrigins[direction] = origins;
  }
  if (live.manifest.kind === "NetworkPolicy") {
    const types2 = /* @__PURE__ */ new Set([...policyTypesOf(a), ...policyTypesOf(b)]);
    spec["policyTypes"] = ["Ingress", "Egress"].filter((t) => types2.has(t));
  }
  const manifest = { ...wanted.manifest, spec };
  const merged = {
    stage: "allow",
    manifest,
    origins: unionSources(live.origins, wanted.origins)
  };
  if (live.ruleOrigins !== void 0 || wanted.ruleOrigins !== void 0) merged.ruleOrigins = ruleOrigins;
  return merged;
}
function policyTypesOf(spec) {
  if (Array.isArray(spec["policyTypes"])) return spec["policyTypes"];
  return spec["egress"] === void 0 ? ["Ingress"] : ["Ingress", "Egress"];
}
function renamed(object, name) {
  if (name.length > 253) {
    throw new TransitionError(
      `cannot stage ${objectKey(object)} beside its live version: ${name} is longer than 253 characters`
    );
  }
  return {
    ...object,
    manifest: { ...object.manifest, metadata: { ...object.manifest.metadata, name } }
  };
}
function describe(before, after, action) {
  const namespaces = unique([...before.objects.map(namespaceOf), ...after.objects.map(namespaceOf)]);
  return namespaces.map((namespace) => {
    const of = (b) => b.objects.filter((o) => namespaceOf(o) === namespace);
    const fingerprint2 = (objects2) => objects2.map((o) => canonicalJson(o.manifest)).sort(compareStrings).join("\n");
    const objects = of(after);
    return {
      namespace,
      action: action(namespace, fingerprint2(of(before)), fingerprint2(objects)),
      allow: objects.filter((o) => o.stage === "allow").length,
      deny: objects.filter((o) => o.stage === "deny").length
    };
  });
}
function byKey(objects) {
  return new Map(objects.map((o) => [objectKey(o), o]));
}
function sameManifest(a, b) {
  return canonicalJson(a.manifest) === canonicalJson(b.manifest);
}
function dedupe(objects) {
  const seen = /* @__PURE__ */ new Map();
  for (const object of objects) seen.set(objectKey(object), object);
  return [...seen.values()];
}
function sortObjects(objects) {
  return [...objects].sort(
    (a, b) => compareStrings(namespaceOf(a), namespaceOf(b)) || (a.stage === b.stage ? 0 : a.stage === "allow" ? -1 : 1) || compareStrings(a.manifest.metadata.name, b.manifest.metadata.name) || compareStrings(a.manifest.kind, b.manifest.kind)
  );
}
function unique(values) {
  return [...new Set(values)].sort(compareStrings);
}
function asList(value) {
  return Array.isArray(value) ? value : [];
}
function unionSources(a, b) {
  const seen = /* @__PURE__ */ new Map();
  for (const s of [...a, ...b]) seen.set(`${s.file}:${s.line}:${s.column}`, s);
  return [...seen.values()];
}

// action/src/text/error-message.ts
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// action/src/commands/deploy/outcome-log.ts
function blankOutcome(target, status, reason) {
  return {
    environment: target.intent.name,
    status,
    revision: target.revision,
    digest: bundleDigest(target.bundle),
    timeline: [],
    probes: [],
    ...reason === void 0 ? {} : { reason },
    evidence: [],
    notes: []
  };
}
function timelineEntry(now, phase, step, ok, detail) {
  return { at: now.toISOString(), phase, step, ok, detail };
}
var OutcomeLog = class {
  constructor(target, now) {
    this.now = now;
    this.outcome = blankOutcome(target, "deployed");
  }
  now;
  outcome;
  note(phase, step, ok, detail) {
    this.outcome.timeline.push(timelineEntry(this.now(), phase, step, ok, detail));
  }
  finish(status, reason) {
    this.outcome.status = status;
    if (reason !== void 0) this.outcome.reason = reason;
    return this.outcome;
  }
};

// action/src/commands/deploy/record.ts
var Recorder = class {
  constructor(item, request, deps, lkg, log, lock) {
    this.item = item;
    this.request = request;
    this.deps = deps;
    this.lkg = lkg;
    this.log = log;
    this.lock = lock;
  }
  item;
  request;
  deps;
  lkg;
  log;
  lock;
  /** What this run last said runs (undefined: the run changed nothing, so it leaves the record as it was). */
  latest;
  proven = false;
  get env() {
    return this.item.target.intent.name;
  }
  /** What runs now by the record: what this run last recorded, else what the record said when it started. */
  current() {
    return this.latest ?? this.item.history.running;
  }
  /** The environment holds `holding` now (a step applied, or read back): recorded at once. */
  async holds(holding) {
    this.proven = false;
    await this.write(void 0, this.running(holding));
  }
  /** The target deployed and proven: the new last-known-good. False when it could not be written. */
  async deployed(holding, result) {
    const target = this.item.target;
    this.proven = true;
    return this.write(
      {
        environment: this.env,
        action: this.request.action,
        proven: true,
        revision: target.revision,
        digest: bundleDigest(target.bundle),
        recordedAt: this.deps.now().toISOString(),
        run: this.request.run,
        ...this.auditFields(),
        probe: tally(result),
        bundle: target.bundle,
        intent: recordIntent(target.intent),
        ...checkIds(result)
      },
      this.running({ ...holding, provenance: this.request.action })
    );
  }
  /** The target was not proven (`result` is its last probe, if any). */
  async audit(result, reason) {
    const target = this.item.target;
    await this.write({
      environment: this.env,
      action: this.request.action,
      proven: false,
      revision: target.revision,
      digest: bundleDigest(target.bundle),
      recordedAt: this.deps.now().toISOString(),
      run: this.request.run,
      ...this.auditFields(reason),
      probe: result === void 0 ? { passed: 0, failed: 0, inconclusive: 0 } : tally(result)
    });
  }
  /** The automatic rollback to `restore`, proven again by its re-probe or not. */
  async rollback(restore, holding, result, proven, reason) {
    const lkg = restore.entry;
    const common2 = {
      environment: this.env,
      action: "rollback",
      revision: lkg.revision,
      digest: lkg.digest,
      recordedAt: this.deps.now().toISOString(),
      run: this.request.run,
      reason: `automatic: ${reason}`,
      from: { revision: this.item.target.revision, digest: bundleDigest(this.item.target.bundle) },
      probe: tally(result)
    };
    this.proven = proven;
    await this.write(
      proven ? {
        ...common2,
        proven: true,
        bundle: lkg.bundle,
        intent: recordIntent(restore.intent),
        ...checkIds(result)
      } : { ...common2, proven: false },
      this.running(holding)
    );
  }
  /**
   * How the run ended, on the running record, when the run changed what runs (a run that
   * changed nothing leaves the record as it was). Never throws: a failure is on the timeline.
   */
  async finish(outcome) {
    if (this.latest === void 0) return;
    await this.write(void 0, {
      ...this.latest,
      recordedAt: this.deps.now().toISOString(),
      outcome: {
        status: outcome.status,
        ...outcome.reason === void 0 ? {} : { reason: outcome.reason }
      }
    });
  }
  running(holding) {
    this.latest = {
      environment: this.env,
      provenance: holding.provenance,
      revision: holding.revision,
      digest: bundleDigest(holding.bundle),
      bundle: {
        ...holding.bundle,
        excludedNamespaces: [...this.item.target.intent.excludedNamespaces]
      },
      intent: recordIntent(holding.intent),
      ...holding.from === void 0 ? {} : { from: holding.from },
      ...holding.breakGlass === void 0 ? {} : { breakGlass: [...holding.breakGlass] },
      proven: this.proven,
      recordedAt: this.deps.now().toISOString(),
      action: this.request.action,
      run: this.request.run
    };
    return this.latest;
  }
  auditFields(reason) {
    const why = [this.request.reason, reason].filter((r) => r !== void 0 && r !== "").join("; ");
    const lkg = this.lkg;
    return {
      ...why === "" ? {} : { reason: why },
      ...this.request.action === "rollback" && lkg !== void 0 ? { from: { revision: lkg.revision, digest: lkg.digest } } : {}
    };
  }
  async write(entry, running) {
    try {
      await this.lock.confirm("record");
      let history = entry === void 0 ? this.item.history : appendEntry(this.item.history, entry);
      if (running !== void 0) history = { ...history, running };
      await this.deps.history.write(history);
      this.item.history = history;
      const where = this.deps.history.describe(this.env);
      if (entry === void 0)
        this.deps.log(`${this.env}: recorded in ${where}: ${describeRunning(running)}`);
      else
        this.log.note(
          "record",
          entry.proven ? "last-known-good" : "history",
          true,
          `${where}: entry #${history.entries[0]?.seq}`
        );
      return true;
    } catch (error) {
      this.log.note(
        "record",
        entry === void 0 ? "running" : "history",
        false,
        `${this.deps.history.describe(this.env)}: ${errorMessage(error)}`
      );
      return false;
    }
  }
};
function tally(result) {
  return {
    passed: result.counts.passed,
    failed: result.counts.failed,
    inconclusive: result.counts.inconclusive
  };
}
function checkIds(result) {
  const baseline = baselineFrom(result.results);
  return { passedChecks: [...baseline.passed], failedChecks: [...baseline.failed] };
}

// action/src/probe/inconclusive.ts
function inconclusiveResult(plan, why) {
  const results = plan.checks.map(
    (check) => check.expect === "cannot-check" ? {
      check,
      observed: { outcome: "cannot-check", evidence: "planned", message: check.reason },
      seen: "cannot-check",
      classification: "not-checked",
      attempts: 0
    } : {
      check,
      observed: { outcome: "cannot-check", evidence: "probe-error", message: why },
      seen: "cannot-check",
      classification: "inconclusive",
      attempts: 0
    }
  );
  const notChecked = results.filter((r) => r.classification === "not-checked").length;
  return {
    environment: plan.environment,
    results,
    counts: { passed: 0, failed: 0, inconclusive: results.length - notChecked, notChecked },
    rounds: 0,
    warnings: [why],
    coverage: []
  };
}

// action/src/commands/deploy/steps.ts
var Steps = class {
  constructor(item, deps, log, signal, lock, changed) {
    this.item = item;
    this.deps = deps;
    this.log = log;
    this.signal = signal;
    this.lock = lock;
    this.changed = changed;
    this.holding = {
      bundle: item.live,
      revision: item.target.revision,
      intent: item.target.intent,
      provenance: "deploy"
    };
    this.previous = item.live;
  }
  item;
  deps;
  log;
  signal;
  lock;
  changed;
  /** What the environment holds now. */
  holding;
  /** What it held before the last step applied. */
  previous;
  /** Steps applied so far. */
  applied = 0;
  get current() {
    return this.holding.bundle;
  }
  get env() {
    return this.item.target.intent.name;
  }
  /** Deploys one step's exact object set. Returns the error when the engine failed. */
  async apply(phase, step, toward) {
    const bundle = {
      ...step.bundle,
      excludedNamespaces: [...this.item.target.intent.excludedNamespaces]
    };
    const detail = step.namespaces.filter((n) => n.action !== "unchanged").map((n) => `${n.namespace}: ${n.action} (${n.allow} allow, ${n.deny} deny)`).join("; ");
    await this.lock.confirm(`${phase} ${step.kind}`);
    try {
      const file = await this.deps.files.write(this.env, `${phase}-${this.applied + 1}-${step.kind}`, bundle);
      this.deps.log(`${this.env}: ${phase} step ${step.kind}: ${detail || "no namespace changes"}`);
      await this.deps.engine.up(this.env, {
        stage: "enforce",
        bundleFile: file,
        ...toward.revision === null ? {} : { revision: toward.revision }
      });
    } catch (error) {
      this.log.note(phase, step.kind, false, `${detail}: ${errorMessage(error)}`);
      return error ?? new Error("unknown engine failure");
    }
    this.applied++;
    this.previous = this.current;
    this.holding = { ...toward, bundle: step.bundle };
    this.log.note(phase, step.kind, true, detail || "no namespace changes");
    await this.changed(this.holding);
    return void 0;
  }
  /**
   * Plans and runs the probes of what the environment holds now, from the intent of the
   * revision it holds, expecting `before` as what it held before. Undefined when cancelled.
   */
  async probe(phase, step, before) {
    await this.lock.confirm(`${phase} probe ${step}`);
    const plan = this.deps.probes.plan({
      environment: this.holding.intent,
      bundle: this.current,
      before,
      cluster: this.item.cluster
    });
    let result;
    try {
      result = await this.deps.probes.run(plan, this.signal);
    } catch (error) {
      if (this.signal.aborted) return this.stopped();
      result = inconclusiveResult(plan, `the probe run failed: ${errorMessage(error)}`);
    }
    if (this.signal.aborted) return this.stopped();
    const record = { phase, step, plan, result };
    this.log.outcome.probes.push(record);
    const c = result.counts;
    this.log.note(
      phase,
      `probe ${step}`,
      c.failed === 0 && c.inconclusive === 0,
      `${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notChecked} not checkable`
    );
    return record;
  }
  /** Undefined for a cancelled job; a lost lock throws. */
  stopped() {
    if (this.lock.lost.aborted) throw this.lock.lost.reason;
    return void 0;
  }
  /** Reads back what the environment holds after a step the engine did not finish, and records it. */
  async readBack(toward) {
    const cluster = await this.deps.readCluster();
    this.holding = {
      ...toward,
      provenance: "read-back",
      bundle: liveBundle(this.env, this.item.target.bundle.cni, cluster.policies)
    };
    await this.changed(this.holding);
  }
};

// action/src/commands/deploy/environment-run.ts
function runEnvironment(request, deps, item, lock) {
  return new EnvironmentRun(request, deps, item, lock).execute();
}
var EnvironmentRun = class {
  constructor(request, deps, item, lock) {
    this.request = request;
    this.item = item;
    this.lock = lock;
    this.log = new OutcomeLog(item.target, deps.now);
    this.signal = request.signal ? AbortSignal.any([request.signal, lock.lost]) : lock.lost;
    this.restore = item.restore;
    this.baseline = this.restore === void 0 ? void 0 : baselineOf(this.restore.entry);
    this.record = new Recorder(item, request, deps, this.restore?.entry, this.log, lock);
    this.steps = new Steps(item, deps, this.log, this.signal, lock, (holding) => this.record.holds(holding));
  }
  request;
  item;
  lock;
  log;
  steps;
  record;
  /** The last-known-good and the intent its re-probe plans from. */
  restore;
  baseline;
  /** The job's cancellation, or the run lock lost: either stops the run. */
  signal;
  get env() {
    return this.item.target.intent.name;
  }
  /** Runs the environment, then says on the running record how the run ended. */
  async execute() {
    try {
      this.log.outcome.notes.push(...this.item.notes);
      const outcome = await this.run();
      if (this.request.action === "rollback" && outcome.status === "deployed") {
        outcome.rollback = { from: this.liveRef().revision, to: this.item.target.revision, automatic: false };
      }
      await this.record.finish(outcome);
      const running = this.record.current();
      if (running !== void 0) {
        outcome.running = {
          revision: running.revision,
          digest: running.digest,
          provenance: running.provenance
        };
      }
      return outcome;
    } catch (error) {
      if (!(error instanceof LockLostError)) throw error;
      return this.log.finish(
        "failed",
        `${error.message}; stopped before its next change after ${this.steps.applied} applied step${this.steps.applied === 1 ? "" : "s"}, nothing was recorded`
      );
    }
  }
  /** What the environment held when the run started, by the record when it says so. */
  liveRef() {
    const digest = bundleDigest(this.item.live);
    const running = this.item.history.running;
    const lkg = this.restore?.entry;
    const revision = running?.digest === digest ? running.revision : lkg?.digest === digest ? lkg.revision : null;
    return { revision, digest };
  }
  /** Where the target's steps lead. */
  towardTarget(provenance) {
    const target = this.item.target;
    return { revision: target.revision, intent: target.intent, provenance, from: this.liveRef() };
  }
  /** Throws the lost lock's error when that is why the run's signal aborted. */
  stopIfLockLost() {
    if (this.lock.lost.aborted) throw this.lock.lost.reason;
  }
  async run() {
    const target = this.item.target;
    if (this.lock.previous) {
      const p = this.lock.previous;
      this.log.outcome.notes.push(
        `the run lock was taken over from ${describeHolder(p.holder)}, which stopped renewing it${p.activity ? ` at "${p.activity}"` : ""} (its Lease stood unchanged for ${Math.round(p.unchangedMs / 1e3)} s): that run ended without finishing`
      );
    }
    this.log.note("pre-flight", "check", true, this.lkgSummary());
    let steps;
    try {
      steps = planTransition(this.item.live, target.bundle).steps;
    } catch (error) {
      if (!(error instanceof TransitionError)) throw error;
      return this.log.finish("failed", `cannot plan a safe transition: ${error.message}`);
    }
    if (steps.length === 0)
      this.log.note("deploy", "apply", true, "the cluster already holds this revision's objects; probing it");
    let last;
    let decision;
    const todo = steps.length === 0 ? [void 0] : steps;
    for (const step of todo) {
      this.stopIfLockLost();
      if (this.signal.aborted) return this.log.finish("cancelled", "the job was cancelled between steps");
      if (step !== void 0) {
        const failure = await this.steps.apply("deploy", step, this.towardTarget(step.kind));
        if (failure !== void 0) return this.engineFailed(failure);
      }
      const before = step === void 0 ? this.steps.current : this.steps.previous;
      const probed = await this.steps.probe("deploy", step?.kind ?? "verify", before);
      if (probed === void 0) return this.log.finish("cancelled", "the job was cancelled while probing");
      last = probed.result;
      decision = decideAfterDeploy(last.results, this.baseline, this.request.onInconclusive);
      probed.decision = decision.action;
      this.log.outcome.notes.push(...decision.action === "continue" ? decision.notes : []);
      if (decision.action !== "continue") break;
    }
    if (decision === void 0 || last === void 0)
      return this.log.finish("failed", "internal: nothing was probed");
    switch (decision.action) {
      case "continue":
        if (!await this.record.deployed(this.steps.holding, last))
          return this.log.finish(
            "failed",
            "deployed and proven, but the last-known-good record could not be written"
          );
        return this.log.finish("deployed");
      case "rollback":
        this.log.outcome.evidence = decision.triggers;
        return this.rollback(decision.reason);
      case "break-glass":
        this.log.outcome.evidence = decision.triggers;
        return this.breakGlass(decision.namespaces, decision.reason);
      case "fail":
        this.log.outcome.evidence = decision.evidence;
        await this.record.audit(last, decision.reason);
        return this.log.finish("failed", `${decision.reason}; nothing was rolled back`);
    }
  }
  /** The engine failed mid-step: record what it left, and restore the last-known-good when there is one. */
  async engineFailed(error) {
    const locked = isLocked(error);
    if (locked && this.steps.applied === 0) {
      this.log.outcome.recovery = lockRecovery(stackOf(error) ?? this.env, this.lock);
      return this.log.finish("refused", `${errorMessage(error)}; nothing was changed`);
    }
    const reason = `the engine failed: ${errorMessage(error)}`;
    try {
      await this.steps.readBack(this.towardTarget("read-back"));
    } catch (readError) {
      await this.record.audit(void 0, reason);
      return this.log.finish(
        "failed",
        `${reason}; the cluster could not be read back${this.restore === void 0 || locked ? "" : " to roll back"}: ${errorMessage(readError)}`
      );
    }
    if (this.restore === void 0 || locked) {
      await this.record.audit(void 0, reason);
      return this.log.finish(
        "failed",
        `${reason}; ${locked ? "the stack is locked, so nothing else can be done" : "there is no last-known-good revision to restore"}`
      );
    }
    return this.rollback(reason);
  }
  /**
   * Deploys the last-known-good again (the same safe transitions), probes it as the revision
   * it is (its own intent), and decides.
   */
  async rollback(reason) {
    const restore = this.restore;
    if (restore === void 0)
      return this.log.finish("failed", `${reason}; there is no last-known-good revision`);
    const lkg = restore.entry;
    this.log.outcome.reason = reason;
    this.log.note("rollback", "start", true, `to ${describeEntry(lkg)} because ${reason}`);
    const failedSet = this.steps.current;
    const toward = {
      revision: lkg.revision,
      intent: restore.intent,
      provenance: "rollback",
      from: { revision: this.item.target.revision, digest: bundleDigest(this.item.target.bundle) }
    };
    let steps;
    try {
      steps = planTransition(this.steps.current, lkg.bundle).steps;
    } catch (error) {
      return this.log.finish("failed", `${reason}; the rollback cannot be planned: ${errorMessage(error)}`);
    }
    for (const step of steps) {
      const failure = await this.steps.apply("rollback", step, toward);
      if (failure !== void 0) {
        await this.recordReadBack(toward);
        await this.record.audit(void 0, `${reason}; the rollback failed`);
        return this.log.finish(
          "failed",
          `${reason}; the rollback to ${describeEntry(lkg)} failed: ${errorMessage(failure)}`
        );
      }
    }
    if (steps.length === 0) this.steps.holding = { ...toward, bundle: this.steps.current };
    this.log.outcome.rolledBackTo = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
    this.log.outcome.rollback = { from: this.item.target.revision, to: lkg.revision, automatic: true };
    const probed = await this.steps.probe("rollback", "re-probe", failedSet);
    if (probed === void 0)
      return this.log.finish("cancelled", "the job was cancelled while re-probing the rollback");
    const decision = decideAfterRollback(probed.result.results, baselineOf(lkg));
    probed.decision = decision.action;
    switch (decision.action) {
      case "continue":
        await this.record.rollback(restore, this.steps.holding, probed.result, true, reason);
        return this.log.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, and its re-probe passed`
        );
      case "break-glass":
        await this.record.rollback(restore, this.steps.holding, probed.result, false, reason);
        return this.breakGlass(decision.namespaces, `${reason}; ${decision.reason}`);
      case "rollback":
      case "fail":
        this.log.outcome.evidence = decision.action === "fail" ? decision.evidence : decision.triggers;
        await this.record.rollback(restore, this.steps.holding, probed.result, false, reason);
        return this.log.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, but its re-probe failed: ${decision.reason}`
        );
    }
  }
  /** After a failed engine run on the way back: what it left, recorded when it can be read. */
  async recordReadBack(toward) {
    try {
      await this.steps.readBack(toward);
    } catch (error) {
      this.log.note("record", "running", false, `the cluster could not be read back: ${errorMessage(error)}`);
    }
  }
  /**
   * Removes the default-deny of `namespaces` from what the environment holds (allows stay),
   * probes it as the revision it holds, and fails loudly.
   */
  async breakGlass(namespaces, reason) {
    this.log.outcome.reason = reason;
    const holding = this.steps.holding;
    const step = breakGlassStep(this.steps.current, holding.bundle, namespaces);
    this.log.note(
      "break-glass",
      "start",
      true,
      `removing the default-deny of ${namespaces.join(", ")} because ${reason}`
    );
    const before = this.steps.current;
    const toward = {
      revision: holding.revision,
      intent: holding.intent,
      provenance: "break-glass",
      from: { revision: holding.revision, digest: bundleDigest(holding.bundle) },
      breakGlass: namespaces
    };
    const failure = await this.steps.apply("break-glass", step, toward);
    if (failure !== void 0) {
      await this.recordReadBack(toward);
      return this.log.finish("failed", `${reason}; break-glass failed: ${errorMessage(failure)}`);
    }
    this.log.outcome.breakGlass = namespaces;
    const probed = await this.steps.probe("break-glass", "probe", before);
    if (probed === void 0)
      return this.log.finish("cancelled", "the job was cancelled while probing after break-glass");
    const c = probed.result.counts;
    return this.log.finish(
      "break-glass",
      `${reason}; BREAK-GLASS: the default-deny of ${namespaces.join(", ")} was removed (allows kept); probe after break-glass: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive. The environment is not enforced until a fixed revision is deployed`
    );
  }
  lkgSummary() {
    return this.restore === void 0 ? "no last-known-good revision yet (first deploy): connectivity lost falls back to the allows without the default-deny" : `last-known-good: ${describeEntry(this.restore.entry)} (its intent from the ${this.restore.via})`;
  }
};
function isLocked(error) {
  return error instanceof Error && error.name === "StackLockedError";
}
function stackOf(error) {
  const m = error instanceof Error ? /stack (\S+) is locked/.exec(error.message) : null;
  return m?.[1];
}
function lockRecovery(stack, lock) {
  const steps = `remove the lock with \`pulumi cancel --stack ${stack} --yes\` from a checkout logged in to the same backend, run \`pulumi refresh --stack ${stack} --yes\` to settle operations the interrupted update left pending, then re-run this job; never delete a lock while an update is running`;
  const previous = lock.previous;
  if (previous) {
    return `the stack lock was most likely left by ${describeHolder(previous.holder)}: it held this environment's run lock and stopped renewing it${previous.activity ? ` at "${previous.activity}"` : ""}, so it ended without finishing. Make sure that run and its \`pulumi\` process have ended (its page shows it finished or cancelled; a self-hosted runner may have left the process behind), then ${steps}`;
  }
  return `no run of netpol-rollout holds this environment's run lock (${lock.description} is ours), so the stack is locked by something else: a person running \`pulumi up\` by hand, another tool, or a run killed before this lock existed. If nothing is running, ${steps}`;
}

// action/src/commands/deploy/request.ts
var DEFAULT_LOCK_WAIT_MS = 15 * 6e4;

// action/src/commands/deploy/locks.ts
async function takeLocks(request, deps, report) {
  const held = /* @__PURE__ */ new Map();
  for (const target of request.targets) {
    const env = target.intent.name;
    try {
      const lock = await deps.locks.acquire(
        { environment: env },
        {
          waitMs: request.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
          ...request.signal === void 0 ? {} : { signal: request.signal },
          onWait: (holder, expiresInMs) => deps.log(
            `${env}: waiting for the run lock ${deps.locks.describe({ environment: env })}, held by ${describeHolder(holder)} (it counts as gone after ${Math.ceil(expiresInMs / 1e3)} s without a renewal)`
          )
        }
      );
      held.set(env, lock);
    } catch (error) {
      if (!(error instanceof LockError)) throw error;
      await releaseLocks(held);
      report.refusals.push(`${env}: ${error.message}`);
      for (const t of request.targets) {
        const mine = t === target;
        const outcome = blankOutcome(
          t,
          mine ? "refused" : "skipped",
          mine ? "another run holds this environment's run lock; nothing was changed" : "the run lock of another environment could not be taken; nothing was changed"
        );
        if (mine)
          outcome.timeline.push(timelineEntry(deps.now(), "pre-flight", "lock", false, error.message));
        report.environments.push(outcome);
      }
      return void 0;
    }
  }
  return held;
}
async function releaseLocks(held) {
  for (const lock of held.values()) await lock.release();
}

// action/src/flows/cut.ts
function flowsCutByFirstDeny(input) {
  const first = new Set(input.firstDeny);
  const { policies, ciliumPolicies } = policiesOfBundle(input.bundle);
  const { judged } = judgeFlows({
    flows: input.flows.filter(wentThrough),
    policies: [...input.alsoInForce?.policies ?? [], ...policies],
    ciliumPolicies: [...input.alsoInForce?.ciliumPolicies ?? [], ...ciliumPolicies],
    profile: input.profile,
    ...input.namespaces ? { namespaces: input.namespaces } : {},
    ...input.portsOf ? { portsOf: input.portsOf } : {},
    ...input.nodeAddress !== void 0 ? { nodeAddress: input.nodeAddress } : {}
  });
  const cut = [];
  for (const { flow, verdict } of judged) {
    if (!verdict || verdict.allowed) continue;
    const namespaces = [];
    if (!verdict.egress.allowed && flow.from.side.kind === "pod" && first.has(flow.from.side.namespace))
      namespaces.push(flow.from.side.namespace);
    if (!verdict.ingress.allowed && flow.to.side.kind === "pod" && first.has(flow.to.side.namespace))
      namespaces.push(flow.to.side.namespace);
    if (namespaces.length === 0) continue;
    cut.push({ flow, verdict, namespaces: [...new Set(namespaces)], explanation: explainVerdict(verdict) });
  }
  return cut;
}

// action/src/probe/step-plan.ts
function managedBy(policy, environment) {
  const labels = policy.metadata?.labels ?? {};
  return labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE && labels[ENVIRONMENT_LABEL] === environment;
}
function policiesInForce(live, environment, bundle) {
  const kept = live.filter((p) => !managedBy(p, environment));
  const own = policiesOfBundle(bundle);
  return {
    policies: [...kept.filter((p) => p.kind === "NetworkPolicy"), ...own.policies],
    ciliumPolicies: [
      ...kept.filter((p) => p.kind === "CiliumNetworkPolicy"),
      ...own.ciliumPolicies
    ]
  };
}
function planStepProbes(input, options) {
  const { environment, cluster } = input;
  return buildProbePlan({
    environment,
    inventory: { namespaces: cluster.namespaces, pods: cluster.pods, services: cluster.services },
    after: policiesInForce(cluster.policies, environment.name, input.bundle),
    before: policiesInForce(cluster.policies, environment.name, input.before),
    diff: diffCompiled({
      base: environment,
      head: environment,
      bundles: { base: input.before, head: input.bundle }
    }),
    run: options.run,
    pods: options.pods,
    ...options.reprobe ? { reprobe: options.reprobe } : {}
  });
}

// action/src/commands/deploy/observed.ts
var LISTED = 20;
function checkObservedTraffic(intent, bundle, live, cluster, observed) {
  const summary = observed.byEnvironment.get(intent.name) ?? observed.byEnvironment.get("*");
  const none = { problems: [], notes: [] };
  if (summary === void 0) return none;
  const before = new Set(enforcedNamespaces(live));
  const firstDeny = enforcedNamespaces(bundle).filter((ns) => !before.has(ns));
  if (firstDeny.length === 0) return none;
  const kept = cluster.policies.filter((p) => !managedBy(p, intent.name));
  const nodeCidr = intent.nodeCidrs[0];
  const cut = flowsCutByFirstDeny({
    flows: summary.flows,
    bundle,
    profile: intent.profile,
    firstDeny,
    namespaces: cluster.namespaces,
    alsoInForce: {
      policies: kept.filter((p) => p.kind === "NetworkPolicy").map((policy) => ({ policy })),
      ciliumPolicies: kept.filter((p) => p.kind === "CiliumNetworkPolicy").map((policy) => ({ policy }))
    },
    portsOf: portsOf(intent),
    ...nodeCidr ? { nodeAddress: nodeCidr.split("/")[0] } : {}
  });
  if (cut.length === 0) return none;
  cut.sort((a, b) => connections(b) - connections(a) || b.flow.lastSeen - a.flow.lastSeen);
  const lines = cut.slice(0, LISTED).map((c) => describe2(intent, c, observed.detail));
  if (cut.length > LISTED) lines.push(`and ${cut.length - LISTED} more observed flows`);
  const namespaces = [...new Set(cut.flatMap((c) => c.namespaces))].sort().join(", ");
  const count = `${cut.length} observed flow${cut.length === 1 ? "" : "s"}`;
  if (observed.proceed) {
    return {
      problems: [],
      notes: [
        `the first default-deny of ${namespaces} blocks ${count} that went through before it (enforce-despite-flows: true):`,
        ...lines
      ]
    };
  }
  return {
    problems: [
      ...lines,
      `the first default-deny of ${namespaces} would block ${count} that go${cut.length === 1 ? "es" : ""} through today: declare ${cut.length === 1 ? "it" : "them"} (netpol-rollout gap --env ${intent.name} --flows FILE\u2026 gives the lines), or set enforce-despite-flows: true to enforce anyway`
    ],
    notes: []
  };
}
function connections(c) {
  return c.flow.connections.allowed + c.flow.connections.audit;
}
function describe2(intent, c, detail) {
  const { flow, verdict } = c;
  const from = intentName(intent, flow.from);
  const to = intentName(intent, flow.to);
  const hidden = detail === "services" && (from.kind === "address" || to.kind === "address");
  const shown = (n) => n.kind === "address" && detail === "services" ? "an outside address" : n.text;
  const port = `${flow.port}/${flow.protocol}`;
  const blockedBy = [];
  if (!verdict.egress.allowed) blockedBy.push(explainDirection(verdict.egress, shown(from), shown(to), port));
  if (!verdict.ingress.allowed)
    blockedBy.push(explainDirection(verdict.ingress, shown(to), shown(from), port));
  const s = suggest(intent, flow, from, to);
  const open = "line" in s && !hidden ? `; the flow line that opens it: ${s.line}` : "";
  return `observed ${shown(from)} -> ${shown(to)}:${port} (${usage(flow)}, last seen ${formatTime(flow.lastSeen)}) would be blocked: ${blockedBy.join("; ")}${open}`;
}

// action/src/commands/deploy/restore.ts
async function restorable(entry, authentication, compileAt) {
  const env = entry.environment;
  const unsigned = authentication.state === "unsigned";
  if (entry.intent !== void 0 && !unsigned) {
    try {
      return { ok: true, restore: { entry, intent: intentOf(entry.intent, env), via: "record" } };
    } catch (error) {
      return { ok: false, problem: errorMessage(error) };
    }
  }
  if (entry.revision === null) {
    return {
      ok: false,
      problem: unsigned ? "it carries no MAC and no revision, so nothing ties its objects to the repository" : "it was recorded by an earlier version without a revision, so the intent its probes need cannot be had"
    };
  }
  let compiled;
  try {
    compiled = await compileAt(entry.revision, env);
  } catch (error) {
    return { ok: false, problem: `its revision cannot be compiled: ${errorMessage(error)}` };
  }
  if (compiled === void 0) {
    return {
      ok: false,
      problem: `its revision ${entry.revision.slice(0, 12)} cannot be found in the repository (nor fetched), or does not declare ${env}`
    };
  }
  if (unsigned) {
    const recorded = bundleDigest(entry.bundle);
    const repository = bundleDigest(compiled.bundle);
    const restore = {
      entry: { ...entry, bundle: compiled.bundle, digest: repository },
      intent: compiled.intent,
      via: "repository"
    };
    if (recorded !== repository) {
      restore.note = `its recorded objects (${recorded.slice(0, 19)}\u2026) are not what revision ${entry.revision.slice(0, 12)} compiles to today (${repository.slice(0, 19)}\u2026: an earlier compiler wrote them, or someone edited them); the repository's are restored`;
    }
    return { ok: true, restore };
  }
  return { ok: true, restore: { entry, intent: compiled.intent, via: "repository" } };
}

// action/src/commands/deploy/preflight.ts
async function preflight(request, deps, report) {
  let cluster;
  try {
    cluster = await deps.readCluster();
  } catch (error) {
    report.refusals.push(`cannot read the cluster's live state: ${errorMessage(error)}`);
    return void 0;
  }
  const prepared = [];
  for (const target of request.targets) {
    const env = target.intent.name;
    const problems = missingNamespaces(target, cluster);
    let history;
    try {
      history = await deps.history.read(env);
    } catch (error) {
      problems.push(`cannot read the deploy history (${deps.history.describe(env)}): ${errorMessage(error)}`);
    }
    const live = liveBundle(env, target.bundle.cni, cluster.policies);
    const notes = [];
    let restore;
    if (history !== void 0) {
      const found = await lastRestorable(request, deps, history, live, problems, notes);
      restore = found;
    }
    if (problems.length === 0 && request.action === "deploy" && request.observed) {
      const observed = checkObservedTraffic(target.intent, target.bundle, live, cluster, request.observed);
      problems.push(...observed.problems);
      notes.push(...observed.notes);
    }
    if (problems.length === 0) problems.push(...await engineTargetProblems(target, deps, cluster));
    if (problems.length === 0) {
      try {
        const plan = deps.probes.plan({
          environment: target.intent,
          bundle: target.bundle,
          before: live,
          cluster
        });
        problems.push(...predictedBlocked(plan, request.action));
      } catch (error) {
        problems.push(`cannot plan the probes: ${errorMessage(error)}`);
      }
    }
    if (problems.length > 0) {
      report.refusals.push(...problems.map((p) => `${env}: ${p}`));
      const outcome = blankOutcome(target, "refused", "pre-flight refused the deploy; nothing was changed");
      const running = history?.running;
      if (running !== void 0)
        outcome.running = {
          revision: running.revision,
          digest: running.digest,
          provenance: running.provenance
        };
      outcome.timeline.push(timelineEntry(deps.now(), "pre-flight", "check", false, problems.join("; ")));
      report.environments.push(outcome);
      continue;
    }
    prepared.push({
      target,
      live,
      history,
      cluster,
      ...restore === void 0 ? {} : { restore },
      notes
    });
  }
  return report.refusals.length > 0 ? void 0 : prepared;
}
async function lastRestorable(request, deps, history, live, problems, notes) {
  const trust = trustNote(history, deps.history.describe(history.environment));
  if (trust !== void 0) {
    notes.push(trust);
    deps.log(`${history.environment}: ${trust}`);
  }
  const lkg = lastKnownGood(history);
  if (lkg === void 0) {
    if (history.authentication.state === "none" && live.objects.length > 0 && deps.history.keyed) {
      const problem2 = `the cluster holds ${live.objects.length} objects netpol-rollout deployed for ${history.environment}, but ${deps.history.describe(history.environment)} does not exist: it was deleted, or state-namespace changed. Without it a failed deploy has nothing proven to go back to; a rollback by hand to a git ref starts a new record`;
      if (request.action === "deploy") problems.push(problem2);
      else notes.push(problem2);
    }
    return void 0;
  }
  const found = await restorable(lkg, history.authentication, deps.compileAt);
  if (found.ok) {
    if (found.restore.note !== void 0) {
      const note = `the last-known-good, ${describeEntry(lkg)}: ${found.restore.note}`;
      notes.push(note);
      deps.log(`${history.environment}: ${note}`);
    }
    return found.restore;
  }
  const problem = `the last-known-good, ${describeEntry(lkg)}, cannot be restored: ${found.problem}`;
  if (request.action === "deploy") {
    problems.push(
      `${problem}. A deploy needs a way back; a rollback by hand to a git ref deploys and records one`
    );
  } else {
    notes.push(`${problem}; this rollback has no last-known-good to compare with`);
  }
  return void 0;
}
function trustNote(history, where) {
  switch (history.authentication.state) {
    case "none":
    case "verified":
      return void 0;
    case "unkeyed":
      return `no record-key: ${where} is trusted as written${history.authentication.signed ? " (it carries a MAC this run cannot check)" : ""}; anyone who may update ConfigMaps there decides what a rollback deploys and which failures count as inherited`;
    case "unsigned":
      return `${where} carries no MAC (written by an earlier version, or stripped of it): its running record and failed checks are ignored, and a rollback to one of its revisions deploys what the repository compiles for it, never its recorded objects; the next write authenticates it`;
  }
}
async function engineTargetProblems(target, deps, cluster) {
  const env = target.intent.name;
  const probed = deps.clusterName ?? "the cluster of the kubeconfig and context inputs";
  if (cluster.clusterUid === void 0) {
    return [
      `cannot tell which cluster the probes run on (${probed}): its kube-system namespace could not be read; the identity needs get on namespaces`
    ];
  }
  let engine;
  try {
    const file = await deps.files.write(env, "target", target.bundle);
    engine = await deps.engine.target(env, {
      stage: "enforce",
      bundleFile: file,
      ...target.revision === null ? {} : { revision: target.revision }
    });
  } catch (error) {
    if (error instanceof Error && error.name === "StackLockedError") return [];
    return [
      `cannot tell which cluster the Pulumi engine would deploy to (its preview failed): ${errorMessage(error)}`
    ];
  }
  if (engine.clusterUid === void 0) {
    return [
      "the Pulumi program does not say which cluster it deploys to (no clusterUid stack output in its preview), so a deploy cannot be checked against the cluster the probes run on: return the NetpolRollout component's outputs as the stack outputs"
    ];
  }
  if (engine.clusterUid !== cluster.clusterUid) {
    return [
      `the Pulumi engine would deploy to another cluster than the one the probes run on: its Kubernetes provider reaches the cluster whose kube-system namespace has uid ${engine.clusterUid}, while the probes run on ${probed}, whose kube-system uid is ${cluster.clusterUid}; make the stack's kubernetes:* config (and any provider of the program) target the cluster of the kubeconfig and context inputs`
    ];
  }
  return [];
}
function missingNamespaces(target, cluster) {
  const existing = new Set(cluster.namespaces.map((n) => n.metadata.name));
  const needed = [...new Set(target.bundle.objects.map((o) => o.manifest.metadata.namespace ?? ""))].sort();
  return needed.filter((namespace) => !existing.has(namespace)).map((namespace) => {
    const declared = target.intent.namespaces.find((n) => n.name === namespace);
    return `${declared ? `${formatSource(declared.source)}: ` : ""}namespace ${namespace} does not exist in the cluster; create it (or remove it from the intent) before deploying`;
  });
}
function predictedBlocked(plan, action) {
  const problems = [];
  for (const check of plan.checks) {
    const judged = check.kind === "dns" || check.kind === "declared" && action === "deploy";
    if (judged && check.expect === "blocked") {
      const where = check.source ? `${formatSource(check.source)}: ` : "";
      problems.push(
        `${where}the analyzer predicts ${check.kind === "dns" ? "DNS" : "the declared flow"} ${check.id} blocked on this cluster with the new policies${check.because ? ` (${check.because})` : ""}`
      );
    }
  }
  return problems;
}

// action/src/commands/deploy.ts
async function runRollout(request, deps) {
  const report = {
    action: request.action,
    revision: request.targets[0]?.revision ?? null,
    ...request.reason === void 0 ? {} : { reason: request.reason },
    run: request.run,
    refusals: [],
    environments: [],
    cancelled: false
  };
  const locks = await takeLocks(request, deps, report);
  if (locks === void 0) return report;
  try {
    await runLocked(request, deps, report, locks);
  } finally {
    await releaseLocks(locks);
  }
  return report;
}
async function runLocked(request, deps, report, locks) {
  const prepared = await preflight(request, deps, report);
  if (prepared === void 0) {
    for (const target of request.targets) {
      if (!report.environments.some((e) => e.environment === target.intent.name)) {
        report.environments.push(
          blankOutcome(target, "skipped", "pre-flight refused the deploy; nothing was changed")
        );
      }
    }
    return;
  }
  let stopped;
  for (const item of prepared) {
    if (stopped !== void 0) {
      report.environments.push(blankOutcome(item.target, "skipped", stopped));
      continue;
    }
    if (request.signal?.aborted) {
      report.cancelled = true;
      report.environments.push(
        blankOutcome(item.target, "cancelled", "the job was cancelled before it started")
      );
      stopped = "the job was cancelled";
      continue;
    }
    const outcome = await runEnvironment(request, deps, item, locks.get(item.target.intent.name));
    report.environments.push(outcome);
    if (outcome.status === "cancelled") report.cancelled = true;
    stopped = stopReason(outcome);
  }
}
function stopReason(outcome) {
  if (outcome.status === "deployed") return void 0;
  if (outcome.status === "cancelled") return "the job was cancelled";
  return `not promoted: ${outcome.environment} ${outcome.status === "refused" ? "was refused" : outcome.status}`;
}

// action/src/commands/drift.ts
function compareWithRecord(recorded, live) {
  const managed = new Set(recorded.objects.map(namespaceOf));
  const liveByKey = new Map(live.map((p) => [objectKey(p), p]));
  const recordedKeys = new Set(recorded.objects.map((o) => objectKey(o)));
  const findings = [];
  for (const object of recorded.objects) {
    const key2 = objectKey(object);
    const found = liveByKey.get(key2);
    if (found === void 0) {
      findings.push({
        change: "deleted",
        object: key2,
        detail: "in the last-known-good bundle, missing from the cluster"
      });
    } else if (fingerprint(found) !== fingerprint(object.manifest)) {
      findings.push({
        change: "edited",
        object: key2,
        detail: "its spec or labels differ from the last-known-good bundle"
      });
    }
  }
  for (const policy of live) {
    const key2 = objectKey(policy);
    if (!managed.has(policy.metadata.namespace ?? "") || recordedKeys.has(key2)) continue;
    const ours = policy.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;
    findings.push({
      change: "extra",
      object: key2,
      detail: ours ? "labelled managed-by netpol-rollout but not in the last-known-good bundle (left by an interrupted deploy?)" : "not created by netpol-rollout, in a namespace it manages (it can only widen what is allowed)"
    });
  }
  return findings.sort((a, b) => a.object < b.object ? -1 : a.object > b.object ? 1 : 0);
}
var DEFAULT_DRIFT_LOCK_WAIT_MS = 5 * 6e4;
async function runDrift(environments, deps, signal) {
  const outcomes = [];
  const waitMs = deps.lockWaitMs ?? DEFAULT_DRIFT_LOCK_WAIT_MS;
  for (const intent of environments) {
    if (signal?.aborted) break;
    const scope = { environment: intent.name };
    let lock;
    try {
      lock = await deps.locks.acquire(scope, {
        waitMs,
        ...signal === void 0 ? {} : { signal },
        onWait: (holder) => deps.log(
          `${intent.name}: waiting up to ${Math.round(waitMs / 1e3)} s for the run lock ${deps.locks.describe(scope)}, held by ${describeHolder(holder)}`
        )
      });
    } catch (error) {
      if (!(error instanceof LockError)) throw error;
      outcomes.push(skipped(intent.name, `${error.message}; drift was not checked`));
      continue;
    }
    try {
      outcomes.push(await driftOf(intent, await deps.readCluster(), deps, lock, signal));
    } catch (error) {
      if (!(error instanceof LockLostError)) throw error;
      outcomes.push(skipped(intent.name, `${error.message}; drift was not checked`));
    } finally {
      await lock.release();
    }
  }
  return { environments: outcomes, drift: outcomes.some((o) => o.drift) };
}
function skipped(environment, reason) {
  return { environment, findings: [], failing: [], drift: false, notes: [], skipped: reason };
}
async function runningOf(history, deps) {
  const env = history.environment;
  const running = history.running;
  if (running !== void 0) {
    const base = {
      bundle: running.bundle,
      digest: running.digest,
      revision: running.revision,
      describe: `what runs by the record: ${describeRunning(running)}`
    };
    try {
      return { ...base, intent: intentOf(running.intent, env) };
    } catch (error) {
      return { ...base, problem: errorMessage(error) };
    }
  }
  const lkg = lastKnownGood(history);
  if (lkg === void 0) return void 0;
  const found = await restorable(lkg, history.authentication, deps.compileAt);
  const entry = found.ok ? found.restore.entry : lkg;
  return {
    bundle: entry.bundle,
    digest: entry.digest,
    revision: entry.revision,
    describe: `what runs by the record of an earlier version: its last-known-good, ${describeEntry(entry)}`,
    ...found.ok ? { intent: found.restore.intent } : { problem: found.problem }
  };
}
async function driftOf(intent, cluster, deps, lock, jobSignal) {
  const signal = jobSignal ? AbortSignal.any([jobSignal, lock.lost]) : lock.lost;
  const history = await deps.history.read(intent.name);
  const lkg = lastKnownGood(history);
  const live = liveBundle(intent.name, intent.cni, cluster.policies);
  const outcome = {
    environment: intent.name,
    findings: [],
    failing: [],
    drift: false,
    notes: []
  };
  if (lkg !== void 0) outcome.lastKnownGood = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
  const trust = trustNote(history, deps.history.describe(intent.name));
  if (trust !== void 0) {
    outcome.notes.push(trust);
    deps.log(`${intent.name}: ${trust}`);
  }
  const running = await runningOf(history, deps);
  if (running === void 0) {
    outcome.noRecord = true;
    outcome.drift = live.objects.length > 0;
    outcome.notes.push(
      live.objects.length > 0 ? `no record: the cluster holds ${live.objects.length} objects netpol-rollout deployed for ${intent.name}, but ${deps.history.describe(intent.name)} does not say what runs (deleted, or state-namespace changed): nothing is judged` : `no record: nothing was deployed to ${intent.name} yet`
    );
    return outcome;
  }
  outcome.running = { revision: running.revision, digest: running.digest, describe: running.describe };
  outcome.findings = compareWithRecord(running.bundle, cluster.policies);
  const checkout = bundleDigest(compileEnvironment(intent));
  if (checkout !== running.digest) {
    outcome.pending = `the checkout's intent compiles to other objects (${checkout.slice(0, 19)}\u2026) than the running ones (${running.digest.slice(0, 19)}\u2026): a deploy is pending`;
  }
  if (running.intent === void 0) {
    outcome.drift = outcome.findings.length > 0;
    outcome.notes.push(
      `the running revision's intent cannot be had (${running.problem ?? "unknown"}): its flows are not probed`
    );
    return outcome;
  }
  const plan = deps.probes.plan({
    environment: running.intent,
    bundle: running.bundle,
    before: live,
    cluster
  });
  await lock.confirm("drift probe");
  let probe;
  try {
    probe = await deps.probes.run(plan, signal);
  } catch (error) {
    probe = inconclusiveResult(
      plan,
      `the probe run failed: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  if (lock.lost.aborted) throw lock.lost.reason;
  outcome.plan = plan;
  outcome.probe = probe;
  outcome.failing = probe.results.filter((r) => r.classification === "surprise" || r.classification === "deviation").map((r) => ({
    check: r.check.id,
    kind: r.check.kind,
    expected: r.check.expect,
    observed: r.observed.outcome
  }));
  outcome.drift = outcome.findings.length > 0 || probe.counts.failed > 0;
  if (lkg !== void 0 && outcome.findings.length === 0 && running.digest === lkg.digest) {
    await refreshRecord(history, lkg, probe, deps, outcome, lock);
  }
  return outcome;
}
async function refreshRecord(history, lkg, probe, deps, outcome, lock) {
  if (probe.counts.inconclusive > 0) {
    outcome.notes.push(
      `the probe was inconclusive: the record of ${describeEntry(lkg)} keeps its earlier probe`
    );
    return;
  }
  const baseline = baselineFrom(probe.results);
  const updated = withProbe(
    lkg,
    { passed: probe.counts.passed, failed: probe.counts.failed, inconclusive: 0 },
    [...baseline.passed],
    [...baseline.failed],
    deps.now().toISOString()
  );
  try {
    await lock.confirm("drift record");
    await deps.history.write({
      ...history,
      entries: history.entries.map((e) => e === lkg ? updated : e)
    });
    outcome.notes.push(`the last probe of ${describeEntry(lkg)} is now this one`);
  } catch (error) {
    outcome.notes.push(
      `the record could not be refreshed (${deps.history.describe(history.environment)}): ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
function fingerprint(object) {
  const labels = object.metadata.labels ?? {};
  const ours = Object.fromEntries(
    Object.entries(labels).filter(([k]) => k.startsWith("netpol-rollout.io/") || k === MANAGED_BY_LABEL)
  );
  const spec = object.kind === "NetworkPolicy" ? defaulted(object.spec) : object.spec;
  return canonicalJson({ kind: object.kind, labels: ours, spec });
}
function defaulted(spec) {
  const out = { ...spec };
  out["policyTypes"] = Array.isArray(spec["policyTypes"]) ? spec["policyTypes"] : spec["egress"] === void 0 ? ["Ingress"] : ["Ingress", "Egress"];
  for (const direction of ["ingress", "egress"]) {
    const rules = spec[direction];
    if (!Array.isArray(rules)) continue;
    out[direction] = rules.map(
      (rule) => Array.isArray(rule["ports"]) ? {
        ...rule,
        ports: rule["ports"].map((p) => ({ protocol: "TCP", ...p }))
      } : rule
    );
  }
  return out;
}

// action/src/rollout/revision.ts
function compileRevision(files, at) {
  const loaded = parseIntent(files, { policiesDir: at.policiesDir });
  if (!loaded.ok) {
    throw new Error(
      `the intent at ${at.ref} (${at.commit.slice(0, 12)}) is invalid: ${loaded.errors.slice(0, 5).map(formatIntentError).join("; ")}`
    );
  }
  const intent = loaded.intent.environments.find((e) => e.name === at.environment);
  if (intent === void 0) return void 0;
  return {
    intent,
    bundle: { ...compileEnvironment(intent), excludedNamespaces: [...intent.excludedNamespaces] },
    commit: at.commit
  };
}

// action/src/commands/rollback.ts
function compileAtRef(git, policiesDir, fetchCommit) {
  return async (ref, environment) => {
    let commit = await git.resolve(ref);
    if (commit === void 0 && fetchCommit !== void 0 && /^[0-9a-f]{40}$/.test(ref) && await fetchCommit(ref))
      commit = ref;
    if (commit === void 0) return void 0;
    return compileRevision(await git.readTree(commit, policiesDir), {
      ref,
      commit,
      policiesDir,
      environment
    });
  };
}
async function resolveRollbackTarget(request, history, compileAt) {
  const env = request.environment.name;
  const target = request.target.trim();
  const entry = target === "" || target === LAST_KNOWN_GOOD ? lastKnownGood(history) : findEntry(history, target);
  if (entry !== void 0) {
    const found = await restorable(entry, history.authentication, compileAt);
    if (!found.ok) {
      return {
        ok: false,
        problem: `${describeEntry(entry)} cannot be rolled back to: ${found.problem}; roll back to a git ref instead (its intent is compiled from the repository)`
      };
    }
    return {
      ok: true,
      intent: found.restore.intent,
      bundle: found.restore.entry.bundle,
      revision: entry.revision,
      description: `${target === "" || target === LAST_KNOWN_GOOD ? "the last-known-good, " : "the recorded "}${describeEntry(entry)}${found.restore.note === void 0 ? "" : ` (${found.restore.note})`}`
    };
  }
  if (target === "" || target === LAST_KNOWN_GOOD) {
    return {
      ok: false,
      problem: `${env} has no last-known-good revision yet: nothing was ever deployed and proven`
    };
  }
  let compiled;
  try {
    compiled = await compileAt(target, env);
  } catch (error) {
    return {
      ok: false,
      problem: `the intent of ${env} at ${target} cannot be deployed: ${error instanceof Error ? error.message : String(error)}`
    };
  }
  if (compiled !== void 0) {
    return {
      ok: true,
      intent: compiled.intent,
      bundle: compiled.bundle,
      revision: compiled.commit,
      description: `git ref ${target} (commit ${compiled.commit.slice(0, 12)}), compiled`
    };
  }
  const recorded = provenEntries(history);
  return {
    ok: false,
    problem: `target "${target}" is not a recorded revision of ${env} nor a git ref in this checkout; ` + (recorded.length === 0 ? "no revision is recorded yet" : `recorded revisions: ${recorded.map((e) => `${e.revision?.slice(0, 12) ?? "unknown"} (#${e.seq}, ${e.recordedAt})`).join(", ")}; or "${LAST_KNOWN_GOOD}"`)
  };
}
async function runRollback(request, deps, history = deps.history) {
  const env = request.environment.name;
  let resolved;
  try {
    resolved = await resolveRollbackTarget(request, await history.read(env), deps.compileAt);
  } catch (error) {
    resolved = {
      ok: false,
      problem: `cannot read the deploy history (${history.describe(env)}): ${error instanceof Error ? error.message : String(error)}`
    };
  }
  if (!resolved.ok) {
    return {
      action: "rollback",
      revision: null,
      reason: request.reason,
      run: request.run,
      refusals: [`${env}: ${resolved.problem}`],
      environments: [],
      cancelled: false
    };
  }
  deps.log(`${env}: rolling back to ${resolved.description}`);
  const report = await runRollout(
    {
      action: "rollback",
      targets: [{ intent: resolved.intent, bundle: resolved.bundle, revision: resolved.revision }],
      onInconclusive: request.onInconclusive,
      run: request.run,
      reason: request.reason,
      ...request.signal === void 0 ? {} : { signal: request.signal },
      ...request.lockWaitMs === void 0 ? {} : { lockWaitMs: request.lockWaitMs }
    },
    deps
  );
  return { ...report, target: resolved.description };
}

// action/src/k8s/operation.ts
function describeOperation(op) {
  const where = op.namespace ? ` in namespace ${op.namespace}` : op.verb === "list" || op.verb === "watch" ? " in all namespaces" : "";
  return `${op.verb} ${op.resource}${op.name ? ` "${op.name}"` : ""}${where}`;
}
function rbacRule(op) {
  const [resource, sub] = op.resource.split("/");
  const resources = sub ? `${resource}/${sub}` : resource;
  const scope = op.namespace ? `a Role in namespace ${op.namespace} (or a ClusterRole bound there)` : "a ClusterRole bound with a ClusterRoleBinding";
  return `{ apiGroups: ["${op.group}"], resources: ["${resources}"], verbs: ["${op.verb}"] } in ${scope}`;
}

// action/src/ports/cluster.ts
var ClusterError = class extends Error {
  constructor(message, operation, status) {
    super(message);
    this.operation = operation;
    this.status = status;
  }
  operation;
  status;
  name = "ClusterError";
};
var ForbiddenError = class extends ClusterError {
  constructor(operation, rule, serverMessage) {
    super(
      `forbidden: cannot ${describeOperation(operation)}; the identity needs ${rule}` + (serverMessage ? ` (API server: ${serverMessage})` : ""),
      operation,
      403
    );
    this.rule = rule;
  }
  rule;
  name = "ForbiddenError";
};
var AdmissionError = class extends ClusterError {
  constructor(operation, status, serverMessage) {
    super(`refused: ${describeOperation(operation)}: ${serverMessage}`, operation, status);
    this.serverMessage = serverMessage;
  }
  serverMessage;
  name = "AdmissionError";
};
var NotFoundError = class extends ClusterError {
  name = "NotFoundError";
  constructor(operation, serverMessage) {
    super(`not found: ${describeOperation(operation)}: ${serverMessage}`, operation, 404);
  }
};
var ConflictError = class extends ClusterError {
  constructor(operation, reason, serverMessage) {
    super(
      `${reason === "AlreadyExists" ? "already exists" : "conflict"}: ${describeOperation(operation)}: ${serverMessage}`,
      operation,
      409
    );
    this.reason = reason;
  }
  reason;
  name = "ConflictError";
};
var ThrottledError = class extends ClusterError {
  constructor(operation, attempts, retryAfterSeconds) {
    super(
      `throttled: ${describeOperation(operation)}: the API server answered 429 Too Many Requests ${attempts} times` + (retryAfterSeconds !== void 0 ? ` (last Retry-After: ${retryAfterSeconds}s)` : ""),
      operation,
      429
    );
    this.attempts = attempts;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  attempts;
  retryAfterSeconds;
  name = "ThrottledError";
};
var UnavailableError = class extends ClusterError {
  constructor(operation, attempts, detail, status) {
    super(
      `API server unavailable: ${describeOperation(operation)}: ${detail} (after ${attempts} attempts)`,
      operation,
      status
    );
    this.attempts = attempts;
  }
  attempts;
  name = "UnavailableError";
};
var RequestError = class extends ClusterError {
  name = "RequestError";
};
var KubeconfigError = class extends Error {
  name = "KubeconfigError";
};

// action/src/access/needs.ts
var READ_CLUSTER_ROLE = "netpol-rollout-read";
function rbacObjectName(environment, part) {
  return `netpol-rollout-${environment}-${part}`;
}
function probeNamespaces(env) {
  const names = new Set(env.namespaces.filter((n) => n.managed).map((n) => n.name));
  for (const flow of env.flows) {
    if (flow.from.kind === "service" || flow.from.kind === "namespace") names.add(flow.from.namespace);
  }
  return [...names].sort();
}
function probeSourceLabels(env, namespace) {
  const service = env.namespaces.find((n) => n.name === namespace)?.services[0];
  if (service) return { ...service.labels };
  for (const flow of env.flows) {
    if (flow.from.kind === "namespace" && flow.from.namespace === namespace)
      return { ...flow.from.podLabels };
  }
  return {};
}
function environmentGrants(env, options) {
  const name = (part) => rbacObjectName(env.name, part);
  const bundle = compileEnvironment(env);
  const policyNamespaces = /* @__PURE__ */ new Set();
  const ciliumNamespaces = /* @__PURE__ */ new Set();
  for (const object of bundle.objects) {
    const namespace = object.manifest.metadata.namespace ?? "";
    (object.manifest.kind === "CiliumNetworkPolicy" ? ciliumNamespaces : policyNamespaces).add(namespace);
  }
  for (const ns of env.namespaces) if (ns.managed) policyNamespaces.add(ns.name);
  const write = ["get", "create", "update", "patch", "delete"];
  const grants = [
    {
      name: READ_CLUSTER_ROLE,
      roles: ["deploy", "drift"],
      purpose: "the live inventory the probe plan and the semantics engine read (every namespace, pod, Service and NetworkPolicy), and the watch of probe pods",
      rules: [
        { apiGroup: "", resource: "namespaces", verbs: ["get", "list"] },
        { apiGroup: "", resource: "pods", verbs: ["get", "list", "watch"] },
        { apiGroup: "", resource: "services", verbs: ["list"] },
        { apiGroup: "networking.k8s.io", resource: "networkpolicies", verbs: ["list"] }
      ]
    }
  ];
  for (const namespace of [.../* @__PURE__ */ new Set([...policyNamespaces, ...ciliumNamespaces])].sort()) {
    const rules = [];
    if (policyNamespaces.has(namespace))
      rules.push({ apiGroup: "networking.k8s.io", resource: "networkpolicies", verbs: write });
    if (ciliumNamespaces.has(namespace))
      rules.push({ apiGroup: "cilium.io", resource: "ciliumnetworkpolicies", verbs: write });
    grants.push({
      name: name("policies"),
      namespace,
      roles: ["deploy"],
      purpose: "the policies the Pulumi engine creates, refreshes, updates and deletes in a managed namespace",
      rules
    });
  }
  for (const namespace of probeNamespaces(env)) {
    grants.push({
      name: name("probes"),
      namespace,
      roles: ["deploy", "drift"],
      purpose: "probe pods and their run objects (ConfigMaps that own them), the pods' logs, and run objects an earlier run left",
      rules: [
        { apiGroup: "", resource: "pods", verbs: ["create", "delete"] },
        { apiGroup: "", resource: "pods/log", verbs: ["get"] },
        { apiGroup: "", resource: "configmaps", verbs: ["get", "list", "create", "delete"] }
      ]
    });
  }
  const record = configMapName(env.name);
  const lock = lockLeaseName({ environment: env.name });
  const lockRules = [
    { apiGroup: "coordination.k8s.io", resource: "leases", verbs: ["get", "update"], resourceNames: [lock] },
    { apiGroup: "coordination.k8s.io", resource: "leases", verbs: ["create"] }
  ];
  grants.push(
    {
      name: name("deploy-state"),
      namespace: options.stateNamespace,
      roles: ["deploy"],
      purpose: `the environment's history (ConfigMap ${record}: read, created on the first deploy, updated) and its lock (Lease ${lock})`,
      rules: [
        { apiGroup: "", resource: "configmaps", verbs: ["get", "update"], resourceNames: [record] },
        { apiGroup: "", resource: "configmaps", verbs: ["create"] },
        ...lockRules
      ]
    },
    {
      name: name("drift-state"),
      namespace: options.stateNamespace,
      roles: ["drift"],
      purpose: `the environment's history (ConfigMap ${record}: read, the last probe of its last-known-good updated) and its lock (Lease ${lock})`,
      rules: [
        { apiGroup: "", resource: "configmaps", verbs: ["get", "update"], resourceNames: [record] },
        ...lockRules
      ]
    }
  );
  return grants;
}
function accessRequests(grants, role) {
  const out = [];
  for (const grant of grants) {
    if (!grant.roles.includes(role)) continue;
    for (const rule of grant.rules) {
      const [resource = "", subresource] = rule.resource.split("/");
      for (const verb of rule.verbs) {
        for (const name of rule.resourceNames ?? [void 0]) {
          out.push({
            verb,
            group: rule.apiGroup,
            resource,
            ...subresource ? { subresource } : {},
            ...grant.namespace !== void 0 ? { namespace: grant.namespace } : {},
            ...name !== void 0 ? { name } : {},
            grant,
            rule
          });
        }
      }
    }
  }
  return out;
}
function ruleText(rule) {
  const list = (items) => `[${items.map((i) => JSON.stringify(i)).join(", ")}]`;
  const names = rule.resourceNames ? `, resourceNames: ${list(rule.resourceNames)}` : "";
  return `{ apiGroups: ${list([rule.apiGroup])}, resources: ${list([rule.resource])}, verbs: ${list(rule.verbs)}${names} }`;
}

// action/src/commands/access-preflight.ts
async function checkAccess(environments, role, deps) {
  const grants = environments.flatMap(
    (env) => environmentGrants(env, { stateNamespace: deps.stateNamespace })
  );
  const requests = unique2(accessRequests(grants, role));
  const result = { asked: requests.length, tried: [], problems: [], notes: [] };
  const [identity, answers] = await Promise.all([
    deps.reviewer.whoAmI(),
    mapLimit(requests, deps.concurrency ?? 8, async (request) => {
      try {
        return (await deps.reviewer.review(question(request))).allowed;
      } catch (error) {
        return error instanceof ClusterError ? error : Promise.reject(error);
      }
    })
  ]);
  if (identity !== void 0) result.identity = identity;
  const missing = /* @__PURE__ */ new Map();
  const denied = /* @__PURE__ */ new Set();
  requests.forEach((request, i) => {
    const answer = answers[i];
    if (answer instanceof ClusterError) {
      result.problems.push(`cannot ask whether it may ${describe3(request)}: ${answer.message}`);
      return;
    }
    if (answer) return;
    denied.add(key(request.verb, request.group, request.resource, request.namespace));
    const k = `${request.grant.namespace ?? ""}\0${request.grant.name}\0${ruleText(request.rule)}`;
    const entry = missing.get(k) ?? {
      grant: request.grant,
      rule: request.rule,
      verbs: /* @__PURE__ */ new Set(),
      names: /* @__PURE__ */ new Set()
    };
    entry.verbs.add(request.verb);
    if (request.name !== void 0) entry.names.add(request.name);
    missing.set(k, entry);
  });
  for (const { grant, rule, verbs, names } of missing.values()) {
    const lacking = {
      ...rule,
      verbs: rule.verbs.filter((v) => verbs.has(v)),
      ...rule.resourceNames ? { resourceNames: rule.resourceNames.filter((n) => names.has(n)) } : {}
    };
    const where = grant.namespace === void 0 ? "cluster-wide (a ClusterRole)" : `in namespace ${grant.namespace}`;
    result.problems.push(
      `missing ${ruleText(lacking)} ${where}, for ${grant.purpose} (${grant.namespace === void 0 ? "ClusterRole" : "Role"} ${grant.name})`
    );
  }
  const namespaces = /* @__PURE__ */ new Map();
  for (const env of environments)
    for (const ns of probeNamespaces(env)) if (!namespaces.has(ns)) namespaces.set(ns, env);
  const run = { id: deps.runId, environment: environments.map((e) => e.name).join(",") };
  await mapLimit([...namespaces], deps.concurrency ?? 8, async ([namespace, env]) => {
    if (denied.has(key("create", "", "configmaps", namespace)) || denied.has(key("create", "", "pods", namespace))) {
      result.notes.push(`no probe pod was tried in ${namespace}: the identity may not create it`);
      return;
    }
    const problem = await tryProbePod(
      deps,
      { ...run, environment: env.name },
      namespace,
      probeSourceLabels(env, namespace)
    );
    if (problem === "no-namespace") {
      result.notes.push(`namespace ${namespace} does not exist: its probes are planned as cannot-check`);
    } else if (problem !== void 0) {
      result.problems.push(problem);
    } else result.tried.push(namespace);
  });
  result.tried.sort();
  return result;
}
async function tryProbePod(deps, run, namespace, labels) {
  const runObject = buildRunObject(run, namespace);
  let owner;
  try {
    owner = await deps.reviewer.dryRunCreateConfigMap(runObject);
  } catch (error) {
    return refusal(error, `a probe run object (ConfigMap ${runObject.metadata.name})`, namespace);
  }
  const pod = buildProbePod({ namespace, labels, pod: `${runObjectName(run)}-pod` }, [], run, deps.probePods);
  try {
    await deps.reviewer.dryRunCreatePod(withOwnerUid(pod, owner.metadata.uid || `${run.id}-owner`));
  } catch (error) {
    return refusal(error, `a probe pod (image ${imageOf(pod.spec)})`, namespace);
  }
  return void 0;
}
function refusal(error, what, namespace) {
  if (!(error instanceof ClusterError)) throw error;
  if (error.name === "NotFoundError") return "no-namespace";
  const reason = error.name === "AdmissionError" ? error.serverMessage : error.message;
  return `${error.name === "AdmissionError" ? "refused" : "failed"}: ${what} in namespace ${namespace} (server-side dry run, nothing was created): ${reason}`;
}
function imageOf(spec) {
  return String(spec["containers"]?.[0]?.image ?? "");
}
function question(r) {
  return {
    verb: r.verb,
    group: r.group,
    resource: r.resource,
    ...r.subresource ? { subresource: r.subresource } : {},
    ...r.namespace !== void 0 ? { namespace: r.namespace } : {},
    ...r.name !== void 0 ? { name: r.name } : {}
  };
}
function describe3(r) {
  const resource = r.subresource ? `${r.resource}/${r.subresource}` : r.resource;
  const where = r.namespace === void 0 ? "in every namespace" : `in namespace ${r.namespace}`;
  return `${r.verb} ${resource}${r.name ? ` "${r.name}"` : ""} ${where}`;
}
function key(verb, group, resource, namespace) {
  return `${verb}\0${group}\0${resource}\0${namespace ?? ""}`;
}
function unique2(requests) {
  const seen = /* @__PURE__ */ new Set();
  return requests.filter((r) => {
    const k = `${key(r.verb, r.group, r.resource, r.namespace)}\0${r.subresource ?? ""}\0${r.name ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
function accessRefusal(command, environments, result) {
  const who = result.identity ? `the identity ${result.identity}` : "the kubeconfig's identity";
  const fix = environments.map((e) => `netpol-rollout rbac --env ${e}`).join(", ");
  const head = `${command} refused before any change: ${who} lacks what the run needs (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}); ${fix} prints every grant it needs`;
  return {
    markdown: [
      `## netpol-rollout ${command}: \u274C refused, the identity lacks what the run needs`,
      "",
      `Nothing was changed. ${who[0]?.toUpperCase()}${who.slice(1)} was asked about ${result.asked} permissions (SelfSubjectAccessReview), and a probe pod and its run object were created as a server-side dry run in ${result.tried.length} namespace${result.tried.length === 1 ? "" : "s"}. \`${fix}\` prints what it needs.`,
      "",
      ...result.problems.map((p) => `- ${escapeMarkdown(p)}`),
      ...result.notes.length > 0 ? ["", ...result.notes.map((n) => `- note: ${escapeMarkdown(n)}`)] : []
    ].join("\n"),
    text: [head, ...result.problems.map((p) => `  - ${p}`)].join("\n")
  };
}

// action/src/commands/action-rollout.ts
function pullRequestNotifier(github, repository, environments) {
  const marker = `<!-- netpol-rollout:deploy-result ${environments === void 0 ? "*" : [...environments].sort().join(",")} -->`;
  return {
    async post(commit, body) {
      let pulls;
      try {
        pulls = await github.pullRequestsOfCommit(repository, commit);
      } catch (error) {
        if (error instanceof GitHubPermissionError) {
          return {
            posted: false,
            reason: `the token may not read the pull requests of ${commit.slice(0, 12)}`
          };
        }
        throw error;
      }
      const pr = pulls.find((p) => p.merged && p.mergeCommitSha === commit) ?? pulls.find((p) => p.merged) ?? pulls[0];
      if (pr === void 0) {
        return { posted: false, reason: `no pull request holds ${commit.slice(0, 12)} (pushed directly)` };
      }
      try {
        const result = await github.upsertStickyComment(
          { ...repository, number: pr.number },
          marker,
          `${marker}
${body}`
        );
        return { posted: true, number: pr.number, url: result.url };
      } catch (error) {
        if (error instanceof GitHubPermissionError) {
          return {
            posted: false,
            reason: `the token may not comment on pull request #${pr.number} (the job needs permissions: pull-requests: write)`
          };
        }
        throw error;
      }
    }
  };
}
var RolloutFailedError = class extends Error {
  name = "RolloutFailedError";
};
async function runActionRollout(request, deps, io) {
  const scrubber = createScrubber(request.secrets);
  const loaded = await deps.readIntent();
  if (!loaded.ok) {
    const lines = loaded.errors.map(formatIntentError);
    if (request.hasSummary) {
      await io.writeSummary(
        scrubber.scrub(
          [
            `## netpol-rollout ${request.command}: \u274C refused, the intent is invalid`,
            "",
            "Nothing was deployed anywhere: every intent file must be valid.",
            "",
            ...lines.map((l) => `- ${escapeMarkdown(l)}`)
          ].join("\n")
        )
      );
    }
    throw new RolloutFailedError(
      `the intent is invalid (${lines.length} error${lines.length === 1 ? "" : "s"}); nothing was deployed:
${lines.join("\n")}`
    );
  }
  const environments = selectEnvironments(loaded.intent.environments, request.environments);
  if (deps.access) {
    const access = await deps.access(environments, request.command === "probe" ? "drift" : "deploy");
    if (access.problems.length > 0) {
      const refusal2 = accessRefusal(
        request.command,
        environments.map((e) => e.name),
        access
      );
      if (request.hasSummary) await io.writeSummary(scrubber.scrub(refusal2.markdown));
      throw new RolloutFailedError(scrubber.scrub(refusal2.text));
    }
    io.info(
      `Access pre-flight passed: ${access.asked} permissions asked${access.identity ? ` for ${access.identity}` : ""}; a probe pod and its run object admitted (dry run) in ${access.tried.join(", ") || "no namespace"}`
    );
    for (const note of access.notes) io.info(`Access pre-flight: ${note}`);
  }
  if (request.command === "probe") {
    const report2 = await runDrift(environments, driftDeps(deps.rollout, request.lockWaitMs), deps.signal);
    const safe2 = scrubber.scrubDeep(report2);
    for (const e of safe2.environments) {
      if (e.skipped !== void 0) io.warn(`${e.environment}: not checked for drift: ${e.skipped}`);
    }
    if (request.hasSummary) await io.writeSummary(scrubber.scrub(renderDriftSummary(safe2)));
    const probes = safe2.environments.map((e) => e.probe).filter((p) => p !== void 0);
    setOutputs(io, {
      drift: safe2.drift,
      "probe-passed": probes.reduce((n, p) => n + p.counts.passed, 0),
      "probe-failed": probes.reduce((n, p) => n + p.counts.failed, 0),
      "probe-inconclusive": probes.reduce((n, p) => n + p.counts.inconclusive, 0)
    });
    await writeJson(
      deps,
      request,
      "drift-report.json",
      scrubber.scrub(JSON.stringify({ schemaVersion: 1, report: safe2 }, null, 2)),
      io
    );
    if (safe2.drift) {
      throw new RolloutFailedError(
        `drift: ${safe2.environments.filter((e) => e.drift).map(
          (e) => e.noRecord ? `${e.environment} (no record of what runs)` : `${e.environment} (${e.findings.length} object${e.findings.length === 1 ? "" : "s"} changed by hand, ${e.failing.length} check${e.failing.length === 1 ? "" : "s"} of the running revision failed)`
        ).join(", ")}; see the job summary`
      );
    }
    return;
  }
  let report;
  if (request.command === "rollback") {
    if (environments.length !== 1) {
      throw new RolloutFailedError(
        `a rollback acts on exactly one environment; got ${environments.length === 0 ? "none" : environments.map((e) => e.name).join(", ")} (set the environment input)`
      );
    }
    if (request.reason.trim() === "") {
      throw new RolloutFailedError(
        "a rollback needs a reason (the reason input): it is recorded in the history"
      );
    }
    report = await runRollback(
      {
        environment: environments[0],
        target: request.target || LAST_KNOWN_GOOD,
        reason: request.reason,
        onInconclusive: request.onInconclusive,
        run: request.run,
        ...deps.signal === void 0 ? {} : { signal: deps.signal },
        ...request.lockWaitMs === void 0 ? {} : { lockWaitMs: request.lockWaitMs }
      },
      deps.rollout
    );
  } else {
    const byEnvironment = deps.readObserved ? await deps.readObserved() : void 0;
    const observed = byEnvironment && byEnvironment.size > 0 ? {
      byEnvironment,
      detail: request.observed?.detail ?? "services",
      proceed: request.observed?.proceed ?? false
    } : void 0;
    report = await runRollout(
      {
        action: "deploy",
        targets: environments.map((intent) => ({
          intent,
          bundle: { ...compileEnvironment(intent), excludedNamespaces: [...intent.excludedNamespaces] },
          revision: request.revision ?? null
        })),
        onInconclusive: request.onInconclusive,
        run: request.run,
        ...deps.signal === void 0 ? {} : { signal: deps.signal },
        ...request.lockWaitMs === void 0 ? {} : { lockWaitMs: request.lockWaitMs },
        ...observed ? { observed } : {}
      },
      deps.rollout
    );
  }
  const safe = scrubber.scrubDeep(report);
  if (request.hasSummary) await io.writeSummary(scrubber.scrub(renderRolloutSummary(safe)));
  else io.info(renderRolloutSummary(safe));
  const outputs = setOutputs(io, rolloutOutputs(safe));
  await writeJson(
    deps,
    request,
    `${request.command}-report.json`,
    scrubber.scrub(JSON.stringify({ schemaVersion: 1, outputs, report: safe }, null, 2)),
    io
  );
  if (request.command === "deploy" && deps.notifier && request.revision) {
    try {
      const result = await deps.notifier.post(
        request.revision,
        scrubber.scrub(renderPullRequestResult(safe, request.run.url))
      );
      io.info(
        result.posted ? `Result posted on pull request #${result.number}: ${result.url}` : `The result was not posted on a pull request: ${result.reason}`
      );
    } catch (error) {
      io.warn(
        `The result was not posted on the pull request: ${scrubber.scrub(error instanceof Error ? error.message : String(error))}`
      );
    }
  }
  if (!rolloutSucceeded(safe)) {
    const lines = [
      ...safe.refusals.map((r) => `refused (nothing was changed): ${r}`),
      ...safe.environments.filter((e) => e.status !== "deployed" && e.status !== "skipped").map(
        (e) => `${e.environment}: ${e.status}${e.reason ? `: ${e.reason}` : ""}${e.recovery ? `. Recovery: ${e.recovery}` : ""}`
      )
    ];
    if (safe.cancelled) lines.push("the job was cancelled");
    throw new RolloutFailedError(lines.join("\n"));
  }
}
function selectEnvironments(all, names) {
  const ordered = [...all].sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : 1));
  if (names === void 0) return ordered;
  const unknown = names.filter((n) => !all.some((e) => e.name === n));
  if (unknown.length > 0) {
    throw new RolloutFailedError(
      unknown.map(
        (n) => unknownEnvironmentMessage(
          n,
          ordered.map((e) => e.name)
        )
      ).join("\n")
    );
  }
  return ordered.filter((e) => names.includes(e.name));
}
function setOutputs(io, outputs) {
  const { values, checked, refused } = checkedOutputs(outputs);
  for (const problem of refused) io.warn(problem);
  for (const [name, value] of Object.entries(values)) io.setOutput(name, value);
  return checked;
}
function driftDeps(deps, lockWaitMs) {
  return {
    readCluster: deps.readCluster,
    locks: deps.locks,
    ...lockWaitMs === void 0 ? {} : { lockWaitMs },
    history: deps.history,
    probes: deps.probes,
    compileAt: deps.compileAt,
    now: deps.now,
    log: deps.log
  };
}
async function writeJson(deps, request, name, text, io) {
  const path = join(request.temp, "netpol-rollout", name);
  await deps.writeReport(path, `${text}
`);
  io.setOutput("report", path);
}
async function checkStateNamespace(cluster, namespace) {
  const found = await cluster.inventory([namespace]);
  if (found.namespaces.length === 0) {
    const { server, context } = cluster.identity();
    throw new StateNamespaceMissingError(
      `state-namespace "${namespace}" does not exist in ${server} (context "${context}"); each environment's last-known-good is kept there in a ConfigMap: create it (kubectl create namespace ${namespace}) and let this identity get, create and update ConfigMaps in it, or set state-namespace to an existing one. Nothing was deployed`
    );
  }
}
var StateNamespaceMissingError = class extends Error {
  name = "StateNamespaceMissingError";
};

export {
  rbacRule,
  ClusterError,
  ForbiddenError,
  AdmissionError,
  NotFoundError,
  ConflictError,
  ThrottledError,
  UnavailableError,
  RequestError,
  KubeconfigError,
  lockLeaseName,
  holderIdentity,
  holderAnnotations,
  ACTIVITY_ANNOTATION,
  RELEASED_ANNOTATION,
  holderOf,
  leaseText,
  describeHolder,
  LeaseObserver,
  renewalTiming,
  microTime,
  checkAccess,
  LockError,
  LockBusyError,
  LockLostError,
  errorMessage,
  yaml,
  planStepProbes,
  compileAtRef,
  pullRequestNotifier,
  RolloutFailedError,
  runActionRollout,
  selectEnvironments,
  checkStateNamespace,
  StateNamespaceMissingError
};
