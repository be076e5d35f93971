import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  ALLOW_DNS_NAME,
  DEFAULT_REPROBE_POLICY,
  GitHubApiError,
  GitHubPermissionError,
  GitHubRateLimitError,
  LAST_KNOWN_GOOD,
  METADATA_NAME_LABEL,
  ON_INCONCLUSIVE,
  PROBE_LABEL,
  SOURCE_ANNOTATION,
  buildModel,
  buildProbePod,
  buildRunObject,
  cidrContains,
  compareStrings,
  compileEnvironment,
  emptyRecord,
  explainDirection,
  formatPolicy,
  formatRule,
  ipBlockContains,
  isolatingPolicies,
  parseCidr,
  parseIp,
  probePodLabels,
  recordFrom,
  representativeAddress,
  require_dist,
  require_ipaddr,
  require_mod,
  selectorMatches,
  setEntry,
  visible
} from "./chunk-PFFE7ROU.js";
import {
  __commonJS,
  __toESM
} from "./chunk-JYXQAFTB.js";

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str2(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str2;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str2`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants3) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants3);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants3) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants3);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants3) {
        this.code = optimizeExpr(this.code, names, constants3);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants3) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants3))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants3) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants3);
        if (!(super.optimizeNames(names, constants3) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants3);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants3) {
        if (!super.optimizeNames(names, constants3))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants3);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants3) {
        if (!super.optimizeNames(names, constants3))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants3);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants3) {
        var _a, _b;
        super.optimizeNames(names, constants3);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants3);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants3);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants3) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants3[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants3[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash2 = {};
      for (const item of arr)
        hash2[item] = true;
      return hash2;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str2) {
      return unescapeJsonPointer(decodeURIComponent(str2));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str2) {
      return encodeURIComponent(escapeJsonPointer(str2));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str2) {
      if (typeof str2 == "number")
        return `${str2}`;
      return str2.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str2) {
      return str2.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str2) {
      return str2.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count += countKeys(sch));
        }
        if (count === Infinity)
          return Infinity;
      }
      return count;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref2) {
          const _resolve = this.opts.uriResolver.resolve;
          ref2 = normalizeId(innerBaseId ? _resolve(innerBaseId, ref2) : ref2);
          if (schemaRefs.has(ref2))
            throw ambiguos(ref2);
          schemaRefs.add(ref2);
          let schOrRef = this.refs[ref2];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref2);
          } else if (ref2 !== normalizeId(fullPath)) {
            if (ref2[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref2], ref2);
              localRefs[ref2] = sch;
            } else {
              this.refs[ref2] = fullPath;
            }
          }
          return ref2;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref2) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref2);
      }
      function ambiguos(ref2) {
        return new Error(`reference "${ref2}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append2, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append2, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append2, errorPaths);
      }
      _error(append2, errorPaths) {
        ;
        (append2 ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref2, msg) {
        super(msg || `can't resolve reference ${ref2} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref2);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref2) {
      var _a;
      ref2 = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref2);
      const schOrFunc = root.refs[ref2];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve5.call(this, root, ref2);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref2];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref2] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve5(root, ref2) {
      let sch;
      while (typeof (sch = this.refs[ref2]) == "string")
        ref2 = sch;
      return sch || this.schemas[ref2] || resolveSchema.call(this, root, ref2);
    }
    function resolveSchema(root, ref2) {
      const p = this.opts.uriResolver.parse(ref2);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref2)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str2, token) {
      let ind = 0;
      for (let i = 0; i < str2.length; i++) {
        if (str2[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path) {
      let input = path;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path) {
      if (path === "" || path[0] === "/") {
        return removeDotSegments(path);
      }
      const segments = path.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed2) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed2(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path && path !== "/" ? path : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve5(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative6, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse(serialize(base, options), options);
        relative6 = parse(serialize(relative6, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative6.scheme) {
        target.scheme = relative6.scheme;
        target.userinfo = relative6.userinfo;
        target.host = relative6.host;
        target.port = relative6.port;
        target.path = removeDotSegments(relative6.path || "");
        target.query = relative6.query;
      } else {
        if (relative6.userinfo !== void 0 || relative6.host !== void 0 || relative6.port !== void 0) {
          target.userinfo = relative6.userinfo;
          target.host = relative6.host;
          target.port = relative6.port;
          target.path = removeDotSegments(relative6.path || "");
          target.query = relative6.query;
        } else {
          if (!relative6.path) {
            target.path = base.path;
            if (relative6.query !== void 0) {
              target.query = relative6.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative6.path[0] === "/") {
              target.path = removeDotSegments(relative6.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative6.path;
              } else if (!base.path) {
                target.path = relative6.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative6.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative6.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative6.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve: resolve5,
      resolveComponent,
      equal,
      serialize,
      parse
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str2, flags) => new RegExp(str2, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv2 = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref2, missingRef }) {
          if (this.refs[ref2]) {
            throw new Error(`AnySchema ${ref2} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref2) {
          const _schema = await _loadSchema.call(this, ref2);
          if (!this.refs[ref2])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref2])
            this.addSchema(_schema, ref2, meta);
        }
        async function _loadSchema(ref2) {
          const p = this._loading[ref2];
          if (p)
            return p;
          try {
            return await (this._loading[ref2] = loadSchema(ref2));
          } finally {
            delete this._loading[ref2];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format2) {
        if (typeof format2 == "string")
          format2 = new RegExp(format2);
        this.formats[name] = format2;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv2.ValidationError = validation_error_1.default;
    Ajv2.MissingRefError = ref_error_1.default;
    exports.default = Ajv2;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format2 = this.opts.formats[name];
        if (format2)
          this.addFormat(name, format2);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str2) {
      const len = str2.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str2.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str2.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count) {
          gen.code((0, codegen_1._)`${count}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format2 = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format2, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format2, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format2}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format2}(${data}) : ${format2}(${data}))` : (0, codegen_1._)`${format2}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format2} == "function" ? ${callFormat} : ${format2}.test(${data}))`;
            return (0, codegen_1._)`${format2} && ${format2} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format2, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format2 == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format2 = [format_1.default];
    exports.default = format2;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft7.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports.default = draft7Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref2 = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref2);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref2);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports, module) {
    module.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "node_modules/ajv/dist/ajv.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv2 = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv = Ajv2;
    module.exports = exports = Ajv2;
    module.exports.Ajv = Ajv2;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv2;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// action/src/rollout/config.ts
var import_fastest_levenshtein = __toESM(require_mod(), 1);

// action/src/rollout/stages.ts
var DEPLOY_STAGES = ["allow", "enforce"];

// action/src/rollout/config.ts
var CONFIG_NAMESPACE = "netpol-rollout";
function configKey(key) {
  return `${CONFIG_NAMESPACE}:${key}`;
}
function stackConfig(deploy) {
  const values = {
    environment: deploy.environment,
    stage: deploy.stage,
    policiesDir: deploy.policiesDir,
    bundleFile: deploy.bundleFile,
    revision: deploy.revision
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [configKey(k), v]));
}
var ENV_PLACEHOLDER = "{env}";
function stackName(template, environment) {
  return template.split(ENV_PLACEHOLDER).join(environment);
}

// action/src/settings/github.ts
var SHA_ZERO = /^0+$/;
function parseGitHubContext(source, problems) {
  const { env } = source;
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  let owner = "";
  let repo = "";
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (repository !== "") {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
    if (m?.[1] && m[2]) {
      owner = m[1];
      repo = m[2];
    } else {
      problems.push(`GITHUB_REPOSITORY: "${repository}" is not "owner/repo"`);
    }
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  if (!/^https?:\/\//.test(apiUrl)) problems.push(`GITHUB_API_URL: "${apiUrl}" is not an http(s) URL`);
  const context = {
    eventName,
    owner,
    repo,
    apiUrl,
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com"
  };
  if (env.GITHUB_RUN_ID) context.runId = env.GITHUB_RUN_ID;
  if (env.GITHUB_RUN_ATTEMPT) context.runAttempt = env.GITHUB_RUN_ATTEMPT;
  if (env.GITHUB_ACTOR) context.actor = env.GITHUB_ACTOR;
  if (env.GITHUB_SHA) context.sha = env.GITHUB_SHA;
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!eventPath) return context;
  let payload;
  try {
    payload = JSON.parse(source.readFile(eventPath));
  } catch (error) {
    problems.push(
      `GITHUB_EVENT_PATH: cannot read the event payload ${eventPath}: ${error instanceof Error ? error.message : String(error)}`
    );
    return context;
  }
  const pr = field(payload, "pull_request");
  if (pr !== void 0 && pr !== null) {
    const number = field(pr, "number");
    if (typeof number !== "number" || !Number.isInteger(number) || number <= 0) {
      problems.push(`GITHUB_EVENT_PATH: the pull_request in ${eventPath} has no number`);
    } else {
      const baseRepo = str(field(field(field(pr, "base"), "repo"), "full_name"));
      const headRepoObj = field(field(pr, "head"), "repo");
      const headRepo = str(field(headRepoObj, "full_name"));
      const pullRequest = {
        number,
        // A deleted head repository (null) is a fork that no longer exists: treat as a fork.
        isFork: headRepo === void 0 || baseRepo === void 0 || headRepo.toLowerCase() !== baseRepo.toLowerCase()
      };
      const baseSha = str(field(field(pr, "base"), "sha"));
      const headSha = str(field(field(pr, "head"), "sha"));
      const htmlUrl = str(field(pr, "html_url"));
      if (baseSha) pullRequest.baseSha = baseSha;
      if (headSha) pullRequest.headSha = headSha;
      if (baseRepo) pullRequest.baseRepo = baseRepo;
      if (headRepo) pullRequest.headRepo = headRepo;
      if (htmlUrl) pullRequest.htmlUrl = htmlUrl;
      context.pullRequest = pullRequest;
    }
  }
  const before = str(field(payload, "before"));
  if (eventName === "push" && before && !SHA_ZERO.test(before)) context.pushBefore = before;
  return context;
}
function field(value, key) {
  return typeof value === "object" && value !== null ? value[key] : void 0;
}
function str(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function runUrl(github) {
  if (!github.runId) return void 0;
  const attempt = github.runAttempt && github.runAttempt !== "1" ? `/attempts/${github.runAttempt}` : "";
  return `${github.serverUrl.replace(/\/+$/, "")}/${github.owner}/${github.repo}/actions/runs/${github.runId}${attempt}`;
}

// action/src/settings/types.ts
var COMMANDS = ["preview", "deploy", "rollback", "probe"];
var FAIL_ON = ["error", "warning", "never"];
var PULUMI_ENGINE_MODES = ["auto", "off"];
var SettingsError = class extends Error {
  constructor(problems) {
    super(
      problems.length === 1 ? `Invalid input: ${problems[0]}` : `Invalid inputs:
${problems.map((p) => `  - ${p}`).join("\n")}`
    );
    this.problems = problems;
  }
  problems;
  name = "SettingsError";
};

// action/src/settings/parse.ts
import { isAbsolute, relative, resolve as resolve2, sep } from "node:path";

// action/src/settings/cluster.ts
import { resolve } from "node:path";
var NAMESPACE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
var OBJECT_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
var IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;
function parseClusterInputs(inputs, workspace) {
  const { problems } = inputs;
  const cluster = {
    stateNamespace: inputs.text("state-namespace") || "netpol-rollout",
    probe: { imagePullSecrets: [], timeoutSeconds: 3 }
  };
  if (!NAMESPACE_NAME.test(cluster.stateNamespace)) {
    problems.push(
      `state-namespace: "${cluster.stateNamespace}" is not a namespace name (lower-case letters, digits and -, at most 63)`
    );
  }
  const kubeconfig = inputs.text("kubeconfig");
  if (kubeconfig !== "") cluster.kubeconfig = resolve(workspace, kubeconfig);
  const context = inputs.text("context");
  if (context !== "") {
    if (/[\s\0]/.test(context)) problems.push(`context: "${context}" is not a kubeconfig context name`);
    cluster.context = context;
  }
  const image = inputs.text("probe-image");
  if (image !== "") {
    if (!IMAGE_REF.test(image)) problems.push(`probe-image: "${image}" is not an image reference`);
    cluster.probe.image = image;
  }
  for (const name of inputs.list("probe-image-pull-secrets")) {
    if (!OBJECT_NAME.test(name)) problems.push(`probe-image-pull-secrets: "${name}" is not a Secret name`);
    else cluster.probe.imagePullSecrets.push(name);
  }
  const lockWait = inputs.text("lock-wait");
  if (lockWait !== "") {
    const seconds = Number(lockWait);
    if (!/^\d+$/.test(lockWait) || seconds > 21600) {
      problems.push(`lock-wait: "${lockWait}" is not a whole number of seconds from 0 to 21600`);
    } else {
      cluster.lockWaitSeconds = seconds;
    }
  }
  const timeout = inputs.text("probe-timeout");
  if (timeout !== "") {
    const seconds = Number(timeout);
    if (!/^\d+$/.test(timeout) || seconds < 1 || seconds > 30) {
      problems.push(`probe-timeout: "${timeout}" is not a whole number of seconds from 1 to 30`);
    } else {
      cluster.probe.timeoutSeconds = seconds;
    }
  }
  return cluster;
}

// action/src/settings/flows.ts
var DETAILS = ["services", "full"];
var FOR_ENVIRONMENT = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?):\s+(\S.*)$/;
function parseFlowInputs(inputs) {
  const flows = [];
  for (const raw of inputs.text("flows").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = FOR_ENVIRONMENT.exec(line);
    flows.push(m ? { environment: m[1], pattern: m[2] } : { pattern: line });
  }
  return { flows, flowsDetail: inputs.oneOf("flows-detail", DETAILS, "services") };
}

// action/src/settings/inputs.ts
function readInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function readInputs(env) {
  const problems = [];
  const text = (name) => readInput(env, name);
  return {
    problems,
    text,
    oneOf(name, allowed2, fallback) {
      const value = text(name);
      if (value === "") return fallback;
      if (allowed2.includes(value)) return value;
      problems.push(`${name}: "${value}" is not one of ${allowed2.join(", ")}`);
      return fallback;
    },
    bool(name, fallback) {
      const value = text(name);
      if (value === "") return fallback;
      if (TRUE.includes(value)) return true;
      if (FALSE.includes(value)) return false;
      problems.push(`${name}: "${value}" is not a boolean (true or false)`);
      return fallback;
    },
    list(name) {
      return text(name).split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== "");
    }
  };
}

// action/src/settings/process-env.ts
var SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|PRIVATE_KEY|ACCESS_KEY|API_KEY|CREDENTIAL/i;
var PULUMI_SECRET_VARS = ["PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE"];
function secretsOf(env, githubToken) {
  return [
    ...new Set(
      [
        githubToken,
        env.PULUMI_ACCESS_TOKEN,
        env.PULUMI_CONFIG_PASSPHRASE,
        ...secretEnvironmentValues(env)
      ].filter((s) => typeof s === "string" && s !== "")
    )
  ];
}
function secretEnvironmentValues(env) {
  const values = [];
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("INPUT_") || !SECRET_NAME.test(name) || value === void 0) continue;
    const trimmed = value.trim();
    if (trimmed.length < 8 || /^(?:\d+|true|false)$/i.test(trimmed)) continue;
    values.push(value);
  }
  return values;
}
function runnerContextOf(env, workspace, tmpdir) {
  return {
    workspace,
    temp: env.RUNNER_TEMP || tmpdir,
    ...env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: env.GITHUB_STEP_SUMMARY } : {},
    toolEnv: toolEnvOf(env)
  };
}
function pulumiEnvironmentOf(env, backendUrl) {
  const backend = backendUrl || env.PULUMI_BACKEND_URL;
  return {
    path: env.PATH ?? "",
    ...backend ? { backendUrl: backend } : {},
    accessTokenSet: Boolean(env.PULUMI_ACCESS_TOKEN),
    vars: pulumiVarsOf(env),
    secretVars: () => secretVarsOf(env)
  };
}
function pulumiVarsOf(env) {
  const vars = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith("PULUMI_") || PULUMI_SECRET_VARS.includes(name)) continue;
    if (value !== void 0 && value !== "") vars[name] = value;
  }
  return vars;
}
function secretVarsOf(env) {
  const vars = {};
  for (const name of PULUMI_SECRET_VARS) {
    const value = env[name];
    if (value !== void 0 && value !== "") vars[name] = value;
  }
  return vars;
}
function toolEnvOf(env) {
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("INPUT_") || PULUMI_SECRET_VARS.includes(name)) continue;
    out[name] = value;
  }
  return out;
}

// action/src/settings/parse.ts
var STACK_NAME = /^(?:[A-Za-z0-9_.-]+\/){0,2}[A-Za-z0-9_.-]+$/;
var ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
var PROJECT_NAME = /^[A-Za-z0-9_.-]+$/;
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;
function parseSettings(source) {
  const { env } = source;
  const inputs = readInputs(env);
  const { problems } = inputs;
  const command = inputs.oneOf("command", COMMANDS, "preview");
  const failOn = inputs.oneOf("fail-on", FAIL_ON, "error");
  const pulumiEngine = inputs.oneOf("pulumi-engine", PULUMI_ENGINE_MODES, "auto");
  const commentOnPr = inputs.bool("comment-on-pr", true);
  const environments = parseEnvironmentList(inputs);
  const workspace = resolve2(source.cwd, env.GITHUB_WORKSPACE || ".");
  const paths = parsePaths(inputs, workspace);
  const pulumi = parsePulumiInputs(inputs);
  const github = parseGitHubContext(source, problems);
  const githubToken = inputs.text("github-token");
  const commentAuthor = parseCommentAuthor(inputs);
  const onInconclusive = inputs.oneOf("on-inconclusive", ON_INCONCLUSIVE, "fail");
  const cluster = parseClusterInputs(inputs, workspace);
  const rollback = parseRollbackInputs(inputs, command, environments);
  const base = parseBaseRef(inputs, github);
  const flows = parseFlowInputs(inputs);
  const willComment = command === "preview" && commentOnPr && github.pullRequest && (!github.pullRequest.isFork || github.eventName === "pull_request_target");
  if (willComment && githubToken === "") {
    problems.push(
      "github-token: empty, but the pull request comment needs a token (pass ${{ github.token }} or set comment-on-pr: false)"
    );
  }
  if (problems.length > 0) throw new SettingsError(problems);
  const common = {
    ...paths,
    pulumiProject: pulumi.project,
    githubToken,
    stackTemplate: pulumi.stackTemplate,
    github,
    runner: runnerContextOf(env, workspace, source.tmpdir),
    pulumi: pulumiEnvironmentOf(env, pulumi.backendUrl),
    secrets: secretsOf(env, githubToken)
  };
  if (environments) common.environments = environments;
  const author = commentAuthor !== "" ? { commentAuthor } : {};
  switch (command) {
    case "deploy": {
      const deploy = {
        ...common,
        ...cluster,
        command,
        onInconclusive,
        commentOnPr,
        ...author
      };
      if (github.sha) deploy.revision = github.sha;
      return deploy;
    }
    case "rollback":
      return {
        ...common,
        ...cluster,
        command,
        environments: [environments?.[0] ?? ""],
        ...rollback,
        onInconclusive
      };
    case "probe":
      return { ...common, ...cluster, command };
    case "preview": {
      const preview = {
        ...common,
        command,
        commentOnPr,
        ...base,
        failOn,
        pulumiEngine,
        ...flows,
        ...author
      };
      return preview;
    }
  }
}
function parseEnvironmentList(inputs) {
  const names = inputs.list("environments");
  for (const name of names) {
    if (!ENV_NAME.test(name)) inputs.problems.push(`environments: "${name}" is not an environment name`);
  }
  return names.length > 0 ? [...new Set(names)] : void 0;
}
function parsePaths(inputs, workspace) {
  const insideWorkspace = (name, fallback) => {
    const value = inputs.text(name) || fallback;
    const absolute = resolve2(workspace, value);
    const rel = relative(workspace, absolute);
    if (rel.startsWith("..") || isAbsolute(rel)) {
      inputs.problems.push(`${name}: "${value}" is outside the repository (${workspace})`);
    }
    return absolute;
  };
  const policiesAbs = insideWorkspace("policies-dir", "policies");
  return {
    policiesDir: relative(workspace, policiesAbs).split(sep).join("/") || ".",
    workDir: insideWorkspace("work-dir", "pulumi"),
    workDirGiven: inputs.text("work-dir") !== ""
  };
}
function parsePulumiInputs(inputs) {
  const { problems } = inputs;
  const project = inputs.text("pulumi-project") || "netpol-rollout";
  if (!PROJECT_NAME.test(project)) {
    problems.push(`pulumi-project: "${project}" is not a Pulumi project name (letters, digits, - _ and .)`);
  }
  const backendUrl = inputs.text("pulumi-backend-url");
  if (backendUrl !== "" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(backendUrl)) {
    problems.push(
      `pulumi-backend-url: "${backendUrl}" is not a backend URL (https://\u2026, s3://\u2026, gs://\u2026, azblob://\u2026, file://\u2026)`
    );
  }
  const stackTemplate = inputs.text("stack-template") || ENV_PLACEHOLDER;
  if (!stackTemplate.includes(ENV_PLACEHOLDER)) {
    problems.push(
      `stack-template: "${stackTemplate}" does not contain ${ENV_PLACEHOLDER}; every environment would share one stack`
    );
  } else if (!STACK_NAME.test(stackTemplate.split(ENV_PLACEHOLDER).join("env"))) {
    problems.push(
      `stack-template: "${stackTemplate}" does not make a valid stack name (letters, digits, - _ . and up to two "/" for org/project/stack)`
    );
  }
  return { project, ...backendUrl !== "" ? { backendUrl } : {}, stackTemplate };
}
function parseCommentAuthor(inputs) {
  const author = inputs.text("comment-author");
  if (author !== "" && !LOGIN.test(author)) {
    inputs.problems.push(`comment-author: "${author}" is not a GitHub login (like octocat or my-app[bot])`);
  }
  return author;
}
function parseRollbackInputs(inputs, command, environments) {
  const { problems } = inputs;
  const target = inputs.text("target") || LAST_KNOWN_GOOD;
  const reason = inputs.text("reason");
  if (command === "rollback") {
    if (environments?.length !== 1) {
      problems.push(
        `environments: a rollback acts on exactly one environment; got ${environments === void 0 ? "none (empty)" : environments.join(", ")}`
      );
    }
    if (reason === "")
      problems.push("reason: empty; a rollback needs a reason (it is recorded in the history)");
    if (target.startsWith("-") || /\s/.test(target)) {
      problems.push(`target: "${target}" is not ${LAST_KNOWN_GOOD}, a recorded revision or a git ref`);
    }
  }
  return { target, reason };
}
function parseBaseRef(inputs, github) {
  const given = inputs.text("base-ref");
  if (given !== "") {
    if (given.startsWith("-") || /\s/.test(given))
      inputs.problems.push(`base-ref: "${given}" is not a git revision`);
    return { baseRef: given, baseRefSource: "input" };
  }
  if (github.pullRequest?.baseSha)
    return { baseRef: github.pullRequest.baseSha, baseRefSource: "pull request base" };
  if (github.pushBefore) return { baseRef: github.pushBefore, baseRefSource: "push before" };
  return { baseRefSource: "none" };
}

// action/src/intent/load.ts
import { isAbsolute as isAbsolute3, relative as relative3, resolve as resolve4, sep as sep3 } from "node:path";

// action/src/fs/source-tree.ts
import { constants } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";
var MiB = 1024 * 1024;
var INTENT_READ_LIMITS = {
  maxFileBytes: 1 * MiB,
  maxTotalBytes: 8 * MiB,
  maxFiles: 2e3
};
var CLUSTER_READ_LIMITS = {
  maxFileBytes: 64 * MiB,
  maxTotalBytes: 256 * MiB,
  maxFiles: 1e4
};
var YAML_EXTENSIONS = [".yaml", ".yml"];
function skippedDirectory(name) {
  return name.startsWith(".") || name === "node_modules";
}
async function readSourceTree(options) {
  const { target, extensions, limits } = options;
  const relativeTo = options.relativeTo ?? options.repository;
  const repository = await realpathOr(options.repository);
  const show = (abs) => {
    const rel = relative2(relativeTo, abs);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute2(rel) ? rel.split(sep2).join("/") : abs;
  };
  const files = [];
  const refuse = (abs, problem) => files.push({ path: show(abs), text: "", problem });
  let total = 0;
  let count = 0;
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if (isCode(error, "ENOENT") || isCode(error, "ENOTDIR"))
      return { exists: false, isDirectory: false, files };
    throw error;
  }
  const start = info.isSymbolicLink() ? await insideTarget(target, repository) : { real: target };
  if ("problem" in start) {
    refuse(target, start.problem);
    return { exists: true, isDirectory: false, files };
  }
  const boundary = within(repository, start.real) ? repository : start.real;
  const startInfo = info.isSymbolicLink() ? await stat(start.real) : info;
  const readOne = async (abs, real) => {
    if (count >= limits.maxFiles) {
      refuse(abs, `not read: more than ${limits.maxFiles} files`);
      return;
    }
    count++;
    const read = await readRegularFile(real, limits, limits.maxTotalBytes - total);
    if ("problem" in read) {
      refuse(abs, read.problem);
      return;
    }
    total += read.bytes;
    files.push({ path: show(abs), text: read.text });
  };
  const matches = (name) => extensions.some((ext) => name.toLowerCase().endsWith(ext));
  if (!startInfo.isDirectory()) {
    if (!matches(target)) {
      refuse(target, `not read: only ${extensions.join(", ")} files are read`);
    } else {
      await readOne(target, start.real);
    }
    return { exists: true, isDirectory: false, files };
  }
  const visited = /* @__PURE__ */ new Set();
  const walk = async (abs, real) => {
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(real, { withFileTypes: true });
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry2 of entries) {
      const path = join(abs, entry2.name);
      const entryReal = join(real, entry2.name);
      if (entry2.isDirectory()) {
        if (!skippedDirectory(entry2.name)) await walk(path, entryReal);
        continue;
      }
      if (entry2.isSymbolicLink()) {
        const resolved = await insideTarget(entryReal, boundary);
        if ("problem" in resolved) {
          if (matches(entry2.name) || !await isFileLike(entryReal)) refuse(path, resolved.problem);
          continue;
        }
        const targetInfo = await stat(resolved.real);
        if (targetInfo.isDirectory()) {
          if (!skippedDirectory(entry2.name)) await walk(path, resolved.real);
        } else if (matches(entry2.name)) {
          await readOne(path, resolved.real);
        }
        continue;
      }
      if (!matches(entry2.name)) continue;
      await readOne(path, entryReal);
    }
  };
  await walk(target, start.real);
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { exists: true, isDirectory: true, files };
}
async function insideTarget(path, boundary) {
  let real;
  try {
    real = await realpath(path);
  } catch (error) {
    if (isCode(error, "ENOENT"))
      return { problem: "not read: a link to nothing (its target does not exist)" };
    if (isCode(error, "ELOOP")) return { problem: "not read: a link that loops" };
    throw error;
  }
  if (!within(boundary, real)) {
    return { problem: "not read: a link to a place outside the repository (links may only point inside it)" };
  }
  return { real };
}
async function isFileLike(path) {
  try {
    return !(await stat(path)).isDirectory();
  } catch {
    return true;
  }
}
function within(dir, path) {
  const rel = relative2(dir, path);
  return rel === "" || !rel.startsWith(`..${sep2}`) && rel !== ".." && !isAbsolute2(rel);
}
async function realpathOr(path) {
  try {
    return await realpath(path);
  } catch {
    return resolve3(path);
  }
}
async function readRegularFile(path, limits, budget) {
  const maxBytes = limits.maxFileBytes;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    if (isCode(error, "ELOOP")) return { problem: "not read: a link (links are resolved before reading)" };
    return { problem: `cannot read: ${error.code ?? "error"}` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: `not read: ${kindOf(info)}, not a regular file` };
    const limit = Math.min(maxBytes, budget);
    if (info.size > maxBytes)
      return { problem: `not read: ${info.size} bytes, more than the ${maxBytes} allowed per file` };
    if (info.size > budget) {
      return { problem: `not read: the files together exceed the ${limits.maxTotalBytes} bytes allowed` };
    }
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit)
      return { problem: `not read: it grew past the ${limit} bytes allowed while being read` };
    return decode(buffer.subarray(0, length));
  } finally {
    await handle.close();
  }
}
function kindOf(info) {
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isDirectory()) return "a directory";
  return "a special file";
}
function decode(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) {
    return { problem: "not read: the file is UTF-16 text; save it as UTF-8" };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, bytes: bytes.length };
  } catch {
    return { problem: "not read: the file is not UTF-8 text; save it as UTF-8" };
  }
}
function isCode(error, code) {
  return error?.code === code;
}

// action/src/cni/profiles.ts
var CNI_PROFILES = {
  generic: {
    name: "generic",
    dnsSelectorMode: "safe",
    kubeletHealthCheckSource: "node-cidrs",
    ipBlockMatchesPodIps: true,
    endPortSupported: true,
    sctpSupported: true,
    fqdnEgress: false,
    notes: {
      dns: "generic: DNS is allowed to every pod of the DNS namespace on port 53, which every CNI enforces the same way",
      healthChecks: "generic: kubelet probes are allowed from the environment's nodeCidrs, since some CNIs do not exempt node traffic",
      ipBlock: "generic: ipBlock matches pod IPs too, as in the upstream conformance tests"
    }
  },
  calico: {
    name: "calico",
    dnsSelectorMode: "strict",
    kubeletHealthCheckSource: "host",
    ipBlockMatchesPodIps: true,
    endPortSupported: true,
    sctpSupported: true,
    fqdnEgress: false,
    notes: {
      dns: "calico: namespaceSelector AND podSelector in one peer are enforced together",
      healthChecks: "calico: traffic from the pod's own host is allowed by default, so kubelet probes pass",
      ipBlock: "calico: ipBlock matches pod IPs as well as external addresses",
      fqdn: "calico: standard Calico has no FQDN egress in NetworkPolicy"
    }
  },
  cilium: {
    name: "cilium",
    dnsSelectorMode: "strict",
    kubeletHealthCheckSource: "host",
    ipBlockMatchesPodIps: false,
    endPortSupported: true,
    sctpSupported: false,
    fqdnEgress: true,
    notes: {
      dns: "cilium: namespaceSelector AND podSelector in one peer are enforced together",
      healthChecks: "cilium: traffic from the local host is allowed by default, so kubelet probes pass",
      ipBlock: "cilium: CIDR rules do not select traffic between cluster-managed endpoints, so ipBlock does not match pod IPs",
      sctp: "cilium: SCTP policy support is off by default",
      fqdn: "cilium: FQDN egress via CiliumNetworkPolicy toFQDNs (needs the DNS proxy)"
    }
  }
};
function isCniProfileName(name) {
  return Object.hasOwn(CNI_PROFILES, name);
}

// action/src/intent/cidr.ts
var import_ipaddr = __toESM(require_ipaddr(), 1);
var IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
function parseAddress(text) {
  if (IPV4.test(text)) return { family: 4, bytes: import_ipaddr.default.IPv4.parse(text).toByteArray() };
  if (text.includes(":") && import_ipaddr.default.IPv6.isValid(text) && !text.includes("%")) {
    return { family: 6, bytes: import_ipaddr.default.IPv6.parse(text).toByteArray() };
  }
  return void 0;
}
function format(family, bytes) {
  const addr = import_ipaddr.default.fromByteArray(bytes);
  return family === 6 && addr.kind() === "ipv6" ? addr.toRFC5952String() : addr.toString();
}
function looksLikeIp(text) {
  const slash = text.indexOf("/");
  const addr = slash >= 0 ? text.slice(0, slash) : text;
  return /^\d+(\.\d+){0,3}$/.test(addr) || addr.includes(":") && /^[0-9A-Fa-f:.]+$/.test(addr);
}
function parseCidr2(text) {
  const slash = text.indexOf("/");
  if (slash < 0) {
    const addr2 = parseAddress(text);
    if (addr2) {
      const bits2 = addr2.family === 4 ? 32 : 128;
      return {
        ok: false,
        message: `'${text}' is an address, not a CIDR: the prefix length is missing`,
        hint: `did you mean ${format(addr2.family, addr2.bytes)}/${bits2}?`
      };
    }
    return {
      ok: false,
      message: `'${text}' is not a valid CIDR`,
      hint: "write ADDRESS/PREFIX, e.g. 10.0.0.0/16"
    };
  }
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const addr = parseAddress(addrText);
  if (!addr) {
    const leadingZero = /^\d+(\.\d+){3}$/.test(addrText) && addrText.split(".").some((o) => /^0\d/.test(o));
    return {
      ok: false,
      message: `'${addrText}' in '${text}' is not a valid IP address`,
      ...leadingZero ? {
        hint: `leading zeros are ambiguous; write ${addrText.split(".").map((o) => String(Number(o))).join(".")}`
      } : {}
    };
  }
  const bits = addr.family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return { ok: false, message: `prefix length '${prefixText}' in '${text}' must be 0-${bits}` };
  }
  const prefix = Number(prefixText);
  const network = addr.bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return b & (255 << 8 - keep & 255);
  });
  const canonical = `${format(addr.family, network)}/${prefix}`;
  if (network.some((b, i) => b !== addr.bytes[i])) {
    return {
      ok: false,
      message: `'${text}' has host bits set`,
      hint: `did you mean ${canonical}? For the single address write ${format(addr.family, addr.bytes)}/${bits}`
    };
  }
  return { ok: true, cidr: { family: addr.family, text: canonical, bytes: network, prefix } };
}
function isStrictSubnet(inner, outer) {
  if (inner.family !== outer.family || inner.prefix <= outer.prefix) return false;
  for (let bit = 0; bit < outer.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 128 >> (bit & 7);
    if (((inner.bytes[byte] ?? 0) & mask) !== ((outer.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}

// action/src/intent/names.ts
var LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
var DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
function dns1123LabelProblem(name) {
  if (name.length === 0) return "must not be empty";
  if (name.length > 63) return `is ${name.length} characters long; at most 63`;
  if (!DNS1123_LABEL.test(name)) {
    if (/[A-Z]/.test(name) && DNS1123_LABEL.test(name.toLowerCase())) return "must be lowercase";
    return "must be lowercase letters, digits and '-', starting and ending with a letter or digit";
  }
  return void 0;
}
function dns1123SubdomainProblem(name) {
  if (name.length === 0) return "must not be empty";
  if (name.length > 253) return `is ${name.length} characters long; at most 253`;
  if (!DNS1123_SUBDOMAIN.test(name)) {
    if (/[A-Z]/.test(name) && DNS1123_SUBDOMAIN.test(name.toLowerCase())) return "must be lowercase";
    return "must be dot-separated lowercase letters, digits and '-'";
  }
  return void 0;
}
function labelKeyProblem(key) {
  const slash = key.indexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : void 0;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== void 0) {
    const p = dns1123SubdomainProblem(prefix);
    if (p) return `prefix '${prefix}' ${p}`;
  }
  if (name.length === 0) return "name part must not be empty";
  if (name.length > 63) return `name part is ${name.length} characters long; at most 63`;
  if (!LABEL_NAME.test(name))
    return "name part must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
  return void 0;
}
function labelValueProblem(value) {
  if (value.length === 0) return void 0;
  if (value.length > 63) return `is ${value.length} characters long; at most 63`;
  if (!LABEL_NAME.test(value))
    return "must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
  return void 0;
}
function portNameProblem(name) {
  if (name.length === 0 || name.length > 15) return "must be 1-15 characters";
  if (!IANA_SVC_NAME.test(name))
    return "must be lowercase letters, digits and '-', starting and ending with a letter or digit";
  if (name.includes("--")) return "must not contain '--'";
  if (!/[a-z]/.test(name)) return "must contain at least one letter";
  return void 0;
}

// action/src/intent/flow-syntax.ts
var FLOW_HINT = "write 'SOURCE -> DESTINATION[:PORTS]', e.g. 'frontend -> api:8080'";
function parseFlowLine(text) {
  const wrongArrow = /=>|<-+|→|-{2,}>|—>|->>/.exec(text);
  if (wrongArrow) {
    return {
      ok: false,
      message: `flow '${text}' uses '${wrongArrow[0]}' where '->' is expected`,
      hint: FLOW_HINT
    };
  }
  const parts = text.split("->");
  if (parts.length > 2)
    return { ok: false, message: `flow '${text}' has more than one '->'`, hint: FLOW_HINT };
  if (parts.length < 2) return { ok: false, message: `flow '${text}' has no '->'`, hint: FLOW_HINT };
  const fromText = parts[0].trim();
  let toText = parts[1].trim();
  if (fromText === "" || toText === "") {
    return { ok: false, message: `flow '${text}' needs a source and a destination`, hint: FLOW_HINT };
  }
  if (/\s/.test(fromText) || /\s/.test(toText.replace(/,\s+/g, ","))) {
    return { ok: false, message: `flow '${text}' has spaces inside an endpoint`, hint: FLOW_HINT };
  }
  toText = toText.replace(/,\s+/g, ",");
  const from = parseSourceText(fromText);
  if (!from.ok) return from;
  const to = parseDestinationText(toText);
  if (!to.ok) return to;
  const flow = { from: from.value, to: to.value.endpoint };
  if (to.value.ports) flow.ports = to.value.ports;
  return { ok: true, value: flow };
}
function parseSourceText(text) {
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) return { ok: false, message: `'${text}' has '[' without ']'` };
    if (close !== text.length - 1)
      return { ok: false, message: `ports belong to the destination, not the source '${text}'` };
    return classify(text.slice(1, close), true);
  }
  const colons = (text.match(/:/g) ?? []).length;
  if (colons === 1) {
    return {
      ok: false,
      message: `ports belong to the destination, not the source '${text}'`,
      hint: `write '${text.slice(0, text.indexOf(":"))} -> DESTINATION:PORTS'`
    };
  }
  return classify(text, colons > 1);
}
function parseDestinationText(text) {
  let target = text;
  let portText;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) return { ok: false, message: `'${text}' has '[' without ']'` };
    const rest = text.slice(close + 1);
    target = text.slice(1, close);
    if (rest !== "") {
      if (!rest.startsWith(":")) return { ok: false, message: `expected ':PORTS' after ']' in '${text}'` };
      portText = rest.slice(1);
    }
    const endpoint2 = classify(target, true);
    if (!endpoint2.ok) return endpoint2;
    return withPorts(endpoint2.value, portText, text);
  }
  const colons = (text.match(/:/g) ?? []).length;
  if (colons > 1) {
    const whole = parseCidr2(text);
    if (whole.ok || !/:(\d[\d,\-/a-zA-Z]*|[a-z][a-z0-9-]*)$/.test(text))
      return withPorts(classifyIp(text), void 0, text);
    const last = text.lastIndexOf(":");
    const head = text.slice(0, last);
    if (parseCidr2(head).ok) {
      return {
        ok: false,
        message: `IPv6 CIDR '${head}' with ports must be written in brackets`,
        hint: `write [${head}]:${text.slice(last + 1)}`
      };
    }
    return withPorts(classifyIp(text), void 0, text);
  }
  if (colons === 1) {
    const at = text.indexOf(":");
    target = text.slice(0, at);
    portText = text.slice(at + 1);
  }
  const endpoint = classify(target, false);
  if (!endpoint.ok) return endpoint;
  return withPorts(endpoint.value, portText, text);
}
function withPorts(endpoint, portText, text) {
  if (portText === void 0) return { ok: true, value: { endpoint } };
  const ports = portText.split(",").map((p) => p.trim());
  if (ports.some((p) => p === ""))
    return { ok: false, message: `empty port in '${text}'`, hint: "write PORT,PORT" };
  return { ok: true, value: { endpoint, ports } };
}
function classifyIp(text) {
  return { kind: "cidr", cidr: text };
}
function classify(text, ipOnly) {
  if (ipOnly || looksLikeIp(text)) return { ok: true, value: { kind: "cidr", cidr: text } };
  const slashes = text.split("/");
  if (slashes.length === 2) {
    const [ns, name] = slashes;
    if (ns === "" || name === "") return { ok: false, message: `'${text}' must be 'namespace/service'` };
    if (name === "*")
      return { ok: true, value: { kind: "name", name: ns, namespace: ns, wholeNamespace: true } };
    return { ok: true, value: { kind: "name", name, namespace: ns } };
  }
  if (slashes.length > 2)
    return { ok: false, message: `'${text}' has too many '/'`, hint: "write 'namespace/service'" };
  if (text.includes(".")) {
    const fqdn = (text.endsWith(".") ? text.slice(0, -1) : text).toLowerCase();
    if (fqdn.startsWith("*.")) {
      return { ok: false, message: `wildcard FQDN '${text}' is not supported`, hint: "name each host" };
    }
    const problem = dns1123SubdomainProblem(fqdn);
    if (problem) return { ok: false, message: `FQDN '${text}' ${problem}` };
    return { ok: true, value: { kind: "fqdn", fqdn } };
  }
  return { ok: true, value: { kind: "name", name: text } };
}
function formatRawEndpoint(e) {
  switch (e.kind) {
    case "name":
      return e.wholeNamespace ? `${e.name}/*` : e.namespace ? `${e.namespace}/${e.name}` : e.name;
    case "cidr":
      return e.cidr.includes(":") ? `[${e.cidr}]` : e.cidr;
    case "fqdn":
      return e.fqdn;
  }
}

// action/src/intent/ports.ts
var PROTOCOLS = { tcp: "TCP", udp: "UDP", sctp: "SCTP" };
function parseProtocol(text) {
  return PROTOCOLS[text.trim().toLowerCase()];
}
function portRangeProblem(port, endPort) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `port ${port} is out of range 1-65535`;
  if (endPort !== void 0) {
    if (!Number.isInteger(endPort) || endPort < 1 || endPort > 65535)
      return `end port ${endPort} is out of range 1-65535`;
    if (endPort < port) return `end port ${endPort} is lower than port ${port}`;
  }
  return void 0;
}
function parsePortText(raw, allowName) {
  const text = raw.trim();
  const m = /^(\d+)(?:\s*-\s*(\d+))?(?:\s*\/\s*([A-Za-z]+))?$/.exec(text);
  if (m) {
    const port = Number(m[1]);
    const endPort = m[2] === void 0 ? void 0 : Number(m[2]);
    const problem = portRangeProblem(port, endPort);
    if (problem) return { ok: false, message: problem };
    let protocol;
    if (m[3] !== void 0) {
      protocol = parseProtocol(m[3]);
      if (!protocol)
        return {
          ok: false,
          message: `unknown protocol '${m[3]}' in '${text}'`,
          hint: "expected tcp, udp or sctp"
        };
    }
    const out = { ok: true, port };
    if (endPort !== void 0 && endPort !== port) out.endPort = endPort;
    if (protocol) out.protocol = protocol;
    return out;
  }
  if (allowName && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(text) && /[a-z]/.test(text)) {
    return { ok: true, port: 0, name: text };
  }
  if (/^[A-Za-z]+$/.test(text) && !allowName) {
    return {
      ok: false,
      message: `'${text}' is not a port number`,
      hint: "declare a port as a number, N/udp, N-M or {port: N, name: NAME}"
    };
  }
  return {
    ok: false,
    message: `'${text}' is not a port`,
    hint: allowName ? "expected a number, N/udp, N-M or a declared port name" : "expected a number, N/udp or N-M"
  };
}
function formatPort(p) {
  if (p.port === void 0) return `all/${p.protocol}`;
  const range = p.endPort !== void 0 ? `${p.port}-${p.endPort}` : `${p.port}`;
  return `${range}/${p.protocol}${p.name ? ` named ${p.name}` : ""}`;
}

// action/src/intent/shape.ts
var import_ajv = __toESM(require_ajv(), 1);
var import_fastest_levenshtein2 = __toESM(require_mod(), 1);

// policies/schema.json
var schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://netpol-rollout.dev/schema/intent.json",
  title: "netpol-rollout intent file",
  description: "An environment file (policies/environments/<name>.yaml), a shared fragment (policies/shared/*.yaml) or a template (policies/templates/<name>.yaml). Environment files need `promotion` and `cni`; fragments have only `namespaces` and `flows`; templates add `parameters`.",
  type: "object",
  properties: {
    promotion: {
      $ref: "#/definitions/promotion"
    },
    cni: {
      $ref: "#/definitions/cni"
    },
    dns: {
      $ref: "#/definitions/dns"
    },
    nodeCidrs: {
      $ref: "#/definitions/nodeCidrs"
    },
    excludedNamespaces: {
      $ref: "#/definitions/excludedNamespaces"
    },
    probe: {
      $ref: "#/definitions/probe"
    },
    include: {
      $ref: "#/definitions/include"
    },
    parameters: {
      $ref: "#/definitions/parameters"
    },
    namespaces: {
      $ref: "#/definitions/namespaces"
    },
    flows: {
      $ref: "#/definitions/flows"
    }
  },
  additionalProperties: false,
  definitions: {
    environment: {
      title: "environment file",
      description: "One environment: policies/environments/<name>.yaml. The file name is the environment name.",
      type: "object",
      properties: {
        promotion: {
          $ref: "#/definitions/promotion"
        },
        cni: {
          $ref: "#/definitions/cni"
        },
        dns: {
          $ref: "#/definitions/dns"
        },
        nodeCidrs: {
          $ref: "#/definitions/nodeCidrs"
        },
        excludedNamespaces: {
          $ref: "#/definitions/excludedNamespaces"
        },
        probe: {
          $ref: "#/definitions/probe"
        },
        include: {
          $ref: "#/definitions/include"
        },
        namespaces: {
          $ref: "#/definitions/namespaces"
        },
        flows: {
          $ref: "#/definitions/flows"
        }
      },
      required: ["promotion", "cni"],
      additionalProperties: false
    },
    fragment: {
      title: "shared fragment",
      description: "Namespaces and flows shared by several environments (policies/shared/*.yaml), included by path.",
      type: "object",
      properties: {
        namespaces: {
          $ref: "#/definitions/namespaces"
        },
        flows: {
          $ref: "#/definitions/flows"
        }
      },
      additionalProperties: false
    },
    template: {
      title: "template",
      description: "A fragment with parameters (policies/templates/<name>.yaml). `${name}` is replaced in keys and values by the value given in the include's `with`, or the parameter's default.",
      type: "object",
      properties: {
        parameters: {
          $ref: "#/definitions/parameters"
        },
        namespaces: {
          $ref: "#/definitions/namespaces"
        },
        flows: {
          $ref: "#/definitions/flows"
        }
      },
      additionalProperties: false
    },
    promotion: {
      title: "promotion number",
      description: "Place of this environment in the promotion order: environments deploy in ascending order (dev 1, staging 2, production 3). Unique across environments.",
      type: "integer",
      minimum: 0,
      maximum: 1e6
    },
    cni: {
      title: "CNI profile",
      description: "The cluster's network plugin. Decides the DNS selector mode, whether kubelet health checks need nodeCidrs, whether SCTP and FQDN egress exist.",
      type: "string",
      enum: ["calico", "cilium", "generic"]
    },
    dns: {
      title: "DNS settings",
      description: "Where cluster DNS runs. Every default-denied namespace gets egress to it on port 53 (UDP and TCP).",
      type: "object",
      properties: {
        namespace: {
          title: "namespace name",
          description: "Namespace of the DNS pods. Default: kube-system.",
          type: "string"
        },
        podLabels: {
          $ref: "#/definitions/labels",
          description: "Labels of the DNS pods. Default: {k8s-app: kube-dns}."
        },
        mode: {
          title: "DNS selector mode",
          description: "strict: namespaceSelector AND podSelector in one peer (only the DNS pods); safe: namespaceSelector only (every pod of the DNS namespace, port 53). Default: the CNI profile's mode (generic: safe; calico, cilium: strict).",
          type: "string",
          enum: ["strict", "safe"]
        }
      },
      additionalProperties: false
    },
    nodeCidrs: {
      title: "list of CIDRs",
      description: "CIDRs kubelet health checks come from. On profiles that do not exempt node traffic (generic) they are allowed as ingress on every declared service port. Default: [].",
      type: "array",
      items: {
        $ref: "#/definitions/cidr"
      }
    },
    cidr: {
      title: "CIDR",
      description: "An IPv4 or IPv6 network in CIDR notation, e.g. 10.0.0.0/16 or 2001:db8::/32. Host bits must be zero.",
      type: "string",
      pattern: "^[0-9A-Fa-f:.]+/[0-9]{1,3}$"
    },
    excludedNamespaces: {
      title: "list of namespace names",
      description: "Namespaces that are never managed: no default-deny and no policies, even if declared. kube-* namespaces are always excluded. Default: [].",
      type: "array",
      items: {
        type: "string",
        title: "namespace name"
      }
    },
    probe: {
      title: "probe settings",
      description: "What the post-deploy probes may use besides the intent itself.",
      type: "object",
      properties: {
        targets: {
          title: "list of probe targets",
          description: "Hosts outside the cluster known to answer, as ADDRESS:PORT[/udp] ([IPv6]:PORT for IPv6). A target inside an allowed external CIDR proves the flow connects; any other target proves outside egress is blocked. Without one, external checks are planned cannot-check. Default: [].",
          type: "array",
          items: {
            title: "probe target",
            description: "ADDRESS:PORT, ADDRESS:PORT/udp or [IPv6]:PORT, e.g. 198.51.100.10:443.",
            type: "string"
          }
        }
      },
      additionalProperties: false
    },
    include: {
      title: "list of includes",
      description: "Fragments merged into this environment: a path relative to policies/ (shared/platform.yaml) or {template: NAME, with: {PARAM: VALUE}}.",
      type: "array",
      items: {
        anyOf: [
          {
            title: "path of a shared fragment",
            description: "A path relative to policies/, e.g. shared/platform.yaml.",
            type: "string",
            pattern: "^[^/].*\\.ya?ml$"
          },
          {
            $ref: "#/definitions/templateInclude"
          }
        ]
      }
    },
    templateInclude: {
      title: "template include",
      description: "An instance of policies/templates/<template>.yaml with its parameters.",
      type: "object",
      properties: {
        template: {
          title: "template name",
          description: "File name of a template under policies/templates/, without .yaml.",
          type: "string"
        },
        with: {
          title: "map of template parameters",
          description: "Values for the template's parameters; parameters without a default are required.",
          type: "object",
          additionalProperties: {
            title: "parameter value",
            type: ["string", "number", "boolean"]
          }
        }
      },
      required: ["template"],
      additionalProperties: false
    },
    parameters: {
      title: "map of template parameters",
      description: "The template's parameters. `${name}` in any key or value of the template is replaced by the parameter's value.",
      type: "object",
      propertyNames: {
        pattern: "^[A-Za-z_][A-Za-z0-9_]*$"
      },
      additionalProperties: {
        title: "template parameter",
        type: "object",
        properties: {
          description: {
            title: "description",
            description: "What the parameter is for.",
            type: "string"
          },
          default: {
            title: "default value",
            description: "Used when the include does not give the parameter. Without a default the parameter is required.",
            type: ["string", "number", "boolean"]
          }
        },
        additionalProperties: false
      }
    },
    namespaces: {
      title: "map of namespaces",
      description: "Namespace name to namespace. Managed namespaces get default-deny-all, allow-dns and the policies of their flows; unmanaged ones are only referenced as peers.",
      type: "object",
      additionalProperties: {
        $ref: "#/definitions/namespace"
      }
    },
    namespace: {
      title: "namespace",
      description: "A namespace and its services.",
      type: "object",
      properties: {
        managed: {
          title: "boolean",
          description: "Whether netpol-rollout creates policies in this namespace. kube-* and excluded namespaces must say false. Default: true.",
          type: "boolean"
        },
        defaultDeny: {
          title: "boolean",
          description: "Whether a managed namespace gets default-deny-all (ingress and egress). Default: true for managed namespaces.",
          type: "boolean"
        },
        labels: {
          $ref: "#/definitions/labels",
          description: "Extra labels the namespace carries. kubernetes.io/metadata.name is always present and used to select it."
        },
        podLabels: {
          $ref: "#/definitions/labels",
          description: "When the namespace is a flow endpoint by itself (ingress-nginx -> frontend:80): only pods with these labels. Default: every pod of the namespace."
        },
        services: {
          $ref: "#/definitions/services"
        }
      },
      additionalProperties: false
    },
    services: {
      title: "map of services",
      description: "Service name to service: the pods of this namespace that carry `labels`, and the ports they listen on.",
      type: "object",
      additionalProperties: {
        $ref: "#/definitions/service"
      }
    },
    service: {
      title: "service",
      description: "A workload: the pods with `labels` in the namespace.",
      type: "object",
      properties: {
        labels: {
          $ref: "#/definitions/labels",
          description: "Pod labels that select the service's pods; at least one (no labels would select every pod). Required unless a fragment already declares the service."
        },
        ports: {
          $ref: "#/definitions/ports"
        }
      },
      additionalProperties: false
    },
    labels: {
      title: "map of labels",
      description: "Kubernetes labels: key (optional DNS-subdomain prefix and '/', then a name of at most 63 characters) to value (at most 63 characters, may be empty).",
      type: "object",
      propertyNames: {
        maxLength: 317
      },
      additionalProperties: {
        title: "label value (a string; quote numbers and booleans)",
        type: "string",
        maxLength: 63
      }
    },
    ports: {
      title: "list of ports",
      description: `Ports the service's pods listen on: 8080 (TCP), "53/udp", "132/sctp", a range "8000-8010", or {port, name, protocol, endPort}. Flows to the service may only use these.`,
      type: "array",
      items: {
        anyOf: [
          {
            $ref: "#/definitions/portNumber"
          },
          {
            title: "port string",
            description: "N, N/udp, N/sctp, N-M or N-M/udp.",
            type: "string",
            pattern: "^\\s*[0-9]+(\\s*-\\s*[0-9]+)?(\\s*/\\s*[A-Za-z]+)?\\s*$"
          },
          {
            $ref: "#/definitions/portObject"
          }
        ]
      }
    },
    portNumber: {
      title: "port number (1-65535)",
      type: "integer",
      minimum: 1,
      maximum: 65535
    },
    portObject: {
      title: "port",
      description: "A declared port with a name, a protocol or a range.",
      type: "object",
      properties: {
        port: {
          $ref: "#/definitions/portNumber",
          description: "The port number (first of the range)."
        },
        endPort: {
          $ref: "#/definitions/portNumber",
          description: "Last port of a range (inclusive); at least `port`."
        },
        name: {
          title: "port name",
          description: "The container port name (IANA service name: at most 15 lowercase letters, digits and '-'). Flows may refer to it: api:metrics.",
          type: "string"
        },
        protocol: {
          $ref: "#/definitions/protocol"
        }
      },
      required: ["port"],
      additionalProperties: false
    },
    protocol: {
      title: "protocol",
      description: "TCP, UDP or SCTP, in any case (tcp, Udp, ...). Default: TCP.",
      type: "string",
      anyOf: [
        {
          enum: ["TCP", "UDP", "SCTP"]
        },
        {
          pattern: "^([Tt][Cc][Pp]|[Uu][Dd][Pp]|[Ss][Cc][Tt][Pp])$"
        }
      ]
    },
    flows: {
      title: "list of flows",
      description: "Allowed connections. One flow opens both sides: the caller's egress and the callee's ingress (each where its namespace is managed).",
      type: "array",
      items: {
        anyOf: [
          {
            title: "flow",
            description: "SOURCE -> DESTINATION[:PORTS], e.g. frontend -> api:8080, ingress-nginx -> frontend:80, api -> 198.51.100.0/24:443, api -> [2001:db8::/32]:443.",
            type: "string",
            pattern: "^\\s*\\S+\\s*->\\s*\\S+\\s*$"
          },
          {
            $ref: "#/definitions/flowObject"
          }
        ]
      }
    },
    flowObject: {
      title: "flow",
      description: "The long form of a flow, for what one line cannot say (except).",
      type: "object",
      properties: {
        from: {
          title: "flow endpoint",
          description: "A service (api, ns/api), a namespace (ingress-nginx) or a CIDR.",
          type: "string"
        },
        to: {
          title: "flow endpoint",
          description: "A service, a namespace, a CIDR or an FQDN (cilium only), without ports.",
          type: "string"
        },
        except: {
          title: "list of CIDRs",
          description: "CIDRs inside the CIDR endpoint that stay blocked.",
          type: "array",
          items: {
            $ref: "#/definitions/cidr"
          }
        },
        ports: {
          title: "list of ports",
          description: "Destination ports: numbers, names, N/udp, N-M, or {port, protocol, endPort}. Default: every port the destination service declares (every port for other destinations).",
          type: "array",
          items: {
            anyOf: [
              {
                $ref: "#/definitions/portNumber"
              },
              {
                type: "string",
                title: "port string or port name"
              },
              {
                $ref: "#/definitions/portObject"
              }
            ]
          }
        }
      },
      required: ["from", "to"],
      additionalProperties: false
    }
  }
};

// action/src/intent/tree.ts
var import_yaml = __toESM(require_dist(), 1);

// action/src/text/lines.ts
function withLineFeeds(text) {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

// action/src/intent/indentation.ts
function contentLines(text) {
  const out = [];
  let scalarIndent;
  let flowDepth = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const body = raw.trimStart();
    const indent = raw.length - body.length;
    if (body === "" || body.startsWith("#")) return;
    if (scalarIndent !== void 0) {
      if (indent > scalarIndent) return;
      scalarIndent = void 0;
    }
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + depthChange(body));
      return;
    }
    out.push({ number: i + 1, indent, text: body });
    flowDepth = Math.max(0, depthChange(body));
    if (/(^|[:-]\s+)[|>][-+0-9]*\s*(#.*)?$/.test(body)) scalarIndent = indent;
  });
  return out;
}
function depthChange(text) {
  let depth = 0;
  let quote;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = void 0;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) break;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return depth;
}
function itemContentColumn(line) {
  const m = /^(-\s+)+/.exec(line.text);
  return m ? line.indent + m[0].length : void 0;
}
function opensBlock(line) {
  const text = line.text.replace(/\s+#.*$/, "");
  return /:$/.test(text) || /^-$/.test(text);
}
var WORDS = ["no", "one", "two", "three", "four"];
function spaces(n) {
  return `${WORDS[n] ?? String(n)} space${n === 1 ? "" : "s"}`;
}
function noun(line) {
  return line.text.startsWith("-") ? "item" : "key";
}
function indentationMistake(file, text) {
  const lines = contentLines(text);
  const open2 = [];
  let previous;
  for (const line of lines) {
    const top = open2[open2.length - 1];
    if (!previous || !top) {
      open2.push({ column: line.indent, line });
      previous = line;
      continue;
    }
    if (line.indent > top.column) {
      const itemColumn = itemContentColumn(previous);
      const fits = opensBlock(previous) || itemColumn !== void 0 && line.indent === itemColumn;
      if (!fits) {
        const n = line.indent - top.column;
        const what = noun(line);
        return {
          file,
          line: line.number,
          column: line.indent + 1,
          message: `this ${what} is indented ${spaces(n)} more than the ${what}s above it (line ${top.line.number})`,
          hint: what === "item" && top.line.text.startsWith("-") ? `YAML reads it as the rest of the item on line ${previous.number}; start it at column ${top.column + 1}` : `start it at column ${top.column + 1}, like line ${top.line.number}`
        };
      }
      open2.push({ column: line.indent, line });
    } else {
      while (open2.length > 1 && open2[open2.length - 1].column > line.indent) open2.pop();
      const now = open2[open2.length - 1];
      if (now.column !== line.indent) {
        const inner = open2.find((o) => o.column > line.indent) ?? top;
        const n = inner.column - line.indent;
        const what = noun(line);
        return {
          file,
          line: line.number,
          column: line.indent + 1,
          message: `this ${what} is indented ${spaces(n)} less than the ${what}s above it (line ${inner.line.number})`,
          hint: `start it at column ${inner.column + 1} to stay in the same block, or at column ${now.column + 1} to close it`
        };
      }
      open2[open2.length - 1] = { column: line.indent, line };
    }
    previous = line;
  }
  return void 0;
}
function itemReadAsText(file, text) {
  const lines = contentLines(text);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const previous = lines[i - 1];
    if (!line.text.startsWith("- ") || !previous.text.startsWith("- ")) continue;
    if (line.indent <= previous.indent) continue;
    const item = previous.text.replace(/^-\s+/, "").replace(/\s+#.*$/, "");
    if (/^["'{[|>&*!-]/.test(item) || /:(\s|$)/.test(item)) continue;
    const n = line.indent - previous.indent;
    return {
      file,
      line: line.number,
      column: line.indent + 1,
      message: `this item is indented ${spaces(n)} more than the items above it (line ${previous.number})`,
      hint: `YAML reads it as the rest of the item on line ${previous.number}; start it at column ${previous.indent + 1}`
    };
  }
  return void 0;
}

// action/src/intent/tree.ts
function errorAt(pos, message, hint) {
  const full = pos.via ? `${message} (in ${pos.via})` : message;
  return hint === void 0 ? { file: pos.file, line: pos.line, column: pos.column, message: full } : { file: pos.file, line: pos.line, column: pos.column, message: full, hint };
}
var MAX_ALIAS_EXPANSIONS = 1e3;
var MESSAGES = {
  TAB_AS_INDENT: "tabs are not allowed as indentation in YAML",
  MULTIPLE_DOCS: "one YAML document per file: remove the '---' separator"
};
function parseYamlFile(file, rawText) {
  const text = withLineFeeds(rawText);
  const lineCounter = new import_yaml.LineCounter();
  let doc;
  try {
    doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { file, errors: [{ file, line: 1, column: 1, message: `cannot parse YAML: ${message}` }] };
  }
  const at = (offset) => {
    const lp = lineCounter.linePos(offset);
    return { file, line: lp.line, column: lp.col };
  };
  if (doc.errors.length > 0) {
    const lastLine = Math.max(...doc.errors.map((e) => at(e.pos[0]).line));
    const mistake = doc.errors.some((e) => e.code === "TAB_AS_INDENT") ? void 0 : indentationMistake(file, text);
    if (mistake && mistake.line <= lastLine + 1) return { file, errors: [mistake] };
    const errors2 = doc.errors.map((e) => {
      const pos = at(e.pos[0]);
      const message = MESSAGES[e.code] ?? `YAML syntax error: ${lowerFirst(e.message.split("\n")[0] ?? "")}`;
      return errorAt(pos, message);
    });
    return { file, errors: errors2 };
  }
  const asText = itemReadAsText(file, text);
  if (asText) return { file, errors: [asText] };
  const errors = [];
  let aliases = 0;
  const convert = (node, fallback, depth) => {
    if (depth > 64) {
      errors.push(errorAt(fallback, "YAML nesting is too deep"));
      return { kind: "scalar", value: null, plain: true, pos: fallback };
    }
    if ((0, import_yaml.isAlias)(node)) {
      const pos2 = node.range ? at(node.range[0]) : fallback;
      if (++aliases > MAX_ALIAS_EXPANSIONS) {
        if (aliases === MAX_ALIAS_EXPANSIONS + 1) {
          errors.push(
            errorAt(
              pos2,
              `YAML aliases expand more than ${MAX_ALIAS_EXPANSIONS} times`,
              "write the values out"
            )
          );
        }
        return { kind: "scalar", value: null, plain: true, pos: pos2 };
      }
      const target = node.resolve(doc);
      if (!target) {
        errors.push(errorAt(pos2, `unknown YAML alias *${node.source}`));
        return { kind: "scalar", value: null, plain: true, pos: pos2 };
      }
      return convert(target, pos2, depth + 1);
    }
    const pos = isNodeWithRange(node) && node.range ? at(node.range[0]) : fallback;
    if ((0, import_yaml.isMap)(node)) {
      const entries = [];
      const seen = /* @__PURE__ */ new Map();
      for (const pair of node.items) {
        if (!(0, import_yaml.isPair)(pair)) continue;
        const keyNode = pair.key;
        const keyPos = isNodeWithRange(keyNode) && keyNode.range ? at(keyNode.range[0]) : pos;
        if (!(0, import_yaml.isScalar)(keyNode) || keyNode.value !== null && typeof keyNode.value === "object") {
          errors.push(errorAt(keyPos, "map keys must be plain strings"));
          continue;
        }
        const key = keyNode.value === null ? "" : String(keyNode.value);
        const first = seen.get(key);
        if (first) {
          errors.push(errorAt(keyPos, `duplicate key '${key}' (first written at line ${first.line})`));
          continue;
        }
        seen.set(key, keyPos);
        const value = pair.value === null || pair.value === void 0 ? { kind: "scalar", value: null, plain: true, pos: keyPos } : convert(pair.value, keyPos, depth + 1);
        entries.push({ key, keyPos, value });
      }
      return { kind: "map", entries, pos };
    }
    if ((0, import_yaml.isSeq)(node)) {
      return { kind: "seq", items: node.items.map((item) => convert(item, pos, depth + 1)), pos };
    }
    if ((0, import_yaml.isScalar)(node)) {
      const v = node.value;
      const value = v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : typeof v === "bigint" ? Number(v) : String(v);
      const plain = node.type === import_yaml.Scalar.PLAIN || node.type === void 0;
      const source = node.source;
      return typeof value === "number" || typeof value === "boolean" ? typeof source === "string" ? { kind: "scalar", value, plain, pos, source } : { kind: "scalar", value, plain, pos } : { kind: "scalar", value, plain, pos };
    }
    return { kind: "scalar", value: null, plain: true, pos };
  };
  const start = { file, line: 1, column: 1 };
  const root = doc.contents === null ? { kind: "map", entries: [], pos: start } : convert(doc.contents, start, 0);
  return errors.length > 0 ? { file, root, errors } : { file, root, errors: [] };
}
function scalarText(node) {
  return node.source ?? String(node.value);
}
function isNodeWithRange(node) {
  return typeof node === "object" && node !== null && "range" in node;
}
function lowerFirst(s) {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}
function toPlain(node) {
  switch (node.kind) {
    case "map": {
      return recordFrom(node.entries.map((e) => [e.key, toPlain(e.value)]));
    }
    case "seq":
      return node.items.map(toPlain);
    case "scalar":
      return node.value;
  }
}
function entry(map, key) {
  return map.entries.find((e) => e.key === key);
}
function get(map, key) {
  return entry(map, key)?.value;
}
function asMap(node) {
  return node?.kind === "map" ? node : void 0;
}
function asSeq(node) {
  return node?.kind === "seq" ? node : void 0;
}
function asString(node) {
  return node?.kind === "scalar" && typeof node.value === "string" ? node.value : void 0;
}
function asNumber(node) {
  return node?.kind === "scalar" && typeof node.value === "number" ? node.value : void 0;
}
function asBoolean(node) {
  return node?.kind === "scalar" && typeof node.value === "boolean" ? node.value : void 0;
}
function nodeAtPointer(root, pointer) {
  if (pointer === "") return { node: root };
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = root;
  let keyPos;
  for (const part of parts) {
    if (node.kind === "map") {
      const e = entry(node, part);
      if (!e) break;
      node = e.value;
      keyPos = e.keyPos;
    } else if (node.kind === "seq") {
      const item = node.items[Number(part)];
      if (!item) break;
      node = item;
      keyPos = void 0;
    } else {
      break;
    }
  }
  return keyPos ? { node, keyPos } : { node };
}

// action/src/intent/shape.ts
var ajv;
var validators = /* @__PURE__ */ new Map();
function validator(name) {
  let v = validators.get(name);
  if (!v) {
    ajv ??= (() => {
      const a = new import_ajv.Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
      a.addSchema(schema_default, "intent");
      return a;
    })();
    const compiled = ajv.getSchema(`intent#/definitions/${name}`);
    if (!compiled) throw new Error(`schema definition ${name} is missing from policies/schema.json`);
    v = compiled;
    validators.set(name, v);
  }
  return v;
}
function checkShape(node, name) {
  const validate = validator(name);
  if (validate(toPlain(node))) return [];
  const out = [];
  for (const e of validate.errors ?? []) {
    const err = humanize(node, e);
    if (err) out.push(err);
  }
  return out;
}
function repairUnindentedBlocks(root, name) {
  const validate = validator(name);
  if (validate(toPlain(root))) return [];
  const errors = validate.errors ?? [];
  const out = [];
  for (const e of errors) {
    const schemaOf = e.parentSchema ?? {};
    if (e.keyword !== "type" || schemaOf.type !== "object") continue;
    const parts = e.instancePath.split("/");
    const key = parts.pop()?.replace(/~1/g, "/").replace(/~0/g, "~");
    const parentPath = parts.join("/");
    const parent = nodeAtPointer(root, parentPath).node;
    if (key === void 0 || parent.kind !== "map") continue;
    const index = parent.entries.findIndex((x) => x.key === key);
    const empty = parent.entries[index];
    if (!empty || empty.value.kind !== "scalar" || empty.value.value !== null) continue;
    const unknownHere = new Set(
      errors.filter((x) => x.keyword === "additionalProperties" && x.instancePath === parentPath).map((x) => String(x.params.additionalProperty))
    );
    const childKeys = new Set(Object.keys(schemaOf.properties ?? {}));
    const moved = [];
    for (const sibling of parent.entries.slice(index + 1)) {
      if (!unknownHere.has(sibling.key) && !childKeys.has(sibling.key)) break;
      moved.push(sibling);
    }
    if (moved.length === 0) continue;
    parent.entries.splice(index + 1, moved.length);
    empty.value = { kind: "map", entries: moved, pos: moved[0].keyPos };
    const first = moved[0].keyPos.line;
    const last = moved[moved.length - 1].keyPos.line;
    const lines = first === last ? `line ${first}` : `lines ${first}\u2013${last}`;
    const names = moved.map((m) => m.key).join(", ");
    out.push(
      errorAt(
        empty.keyPos,
        moved.length === 1 ? `'${key}:' is empty, and the key below it (${names}; ${lines}) starts at its column, so YAML does not put it inside` : `'${key}:' is empty, and the keys below it (${names}; ${lines}) start at its column, so YAML does not put them inside`,
        `indent ${lines} two spaces more than '${key}:'`
      )
    );
  }
  return out;
}
var OWN_CHECKS = /\/(ports|flows|include)\/\d+(\/|$)|\/(labels|podLabels)\/|\/protocol$/;
function humanize(root, e) {
  if (e.keyword === "anyOf" || OWN_CHECKS.test(e.instancePath)) return void 0;
  if (e.keyword === "pattern" || e.keyword === "propertyNames" || e.schemaPath.includes("/propertyNames/"))
    return void 0;
  const parent = e.parentSchema ?? {};
  const { node, keyPos } = nodeAtPointer(root, e.instancePath);
  const title = parent.title ?? "a value";
  const where = lastKey(e.instancePath);
  switch (e.keyword) {
    case "type": {
      const noun2 = withArticle(title);
      const forKey = where && !title.toLowerCase().includes(where.toLowerCase()) ? ` for '${where}'` : "";
      return errorAt(node.pos, `expected ${noun2}${forKey}, got ${describe(node)}`);
    }
    case "additionalProperties": {
      const prop = String(e.params.additionalProperty);
      const child = nodeAtPointer(root, `${e.instancePath}/${escapePointer(prop)}`);
      const known = Object.keys(parent.properties ?? {});
      const pos = child.keyPos ?? child.node.pos;
      return errorAt(pos, `unknown key '${prop}'${where ? ` in '${where}'` : ""}`, suggest(prop, known));
    }
    case "required": {
      const prop = String(e.params.missingProperty);
      return errorAt(keyPos ?? node.pos, `missing required key '${prop}'${where ? ` in '${where}'` : ""}`);
    }
    case "enum": {
      const allowed2 = (e.params.allowedValues ?? []).map(String);
      const unique2 = [...new Set(allowed2.map((a) => a.toLowerCase()))];
      const value = node.kind === "scalar" ? scalarText(node) : describe(node);
      return errorAt(node.pos, `unknown ${where ?? title} '${value}'`, suggest(value, unique2));
    }
    case "minimum":
    case "maximum": {
      const limit = e.params.limit;
      const value = node.kind === "scalar" ? scalarText(node) : describe(node);
      const bound = e.keyword === "minimum" ? `at least ${limit}` : `at most ${limit}`;
      return errorAt(
        node.pos,
        `${where ? `'${where}' ` : ""}${value} is out of range: ${title} must be ${bound}`
      );
    }
    case "maxLength": {
      const limit = e.params.limit;
      return errorAt(node.pos, `${title} is too long: at most ${limit} characters`);
    }
    default:
      return errorAt(node.pos, `${where ? `'${where}' ` : ""}${e.message ?? "is invalid"}`);
  }
}
function lastKey(pointer) {
  const parts = pointer.split("/").slice(1);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (!/^\d+$/.test(p)) return p.replace(/~1/g, "/").replace(/~0/g, "~");
  }
  return void 0;
}
function escapePointer(s) {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}
function withArticle(title) {
  if (/^(a|an|the)\s/i.test(title)) return title;
  return `${/^[aeiouAEIOU]/.test(title) ? "an" : "a"} ${title}`;
}
function describe(node) {
  if (node.kind === "map") return "a map";
  if (node.kind === "seq") return "a list";
  if (node.value === null) return "nothing";
  if (typeof node.value === "string") return `'${node.value}'`;
  return scalarText(node);
}
function suggest(value, known) {
  if (known.length === 0) return void 0;
  if (isClose(value, known)) return `did you mean '${(0, import_fastest_levenshtein2.closest)(value, known)}'?`;
  if (known.length <= 10) return `expected one of: ${known.join(", ")}`;
  return void 0;
}
function didYouMean(value, known) {
  if (known.length === 0) return void 0;
  return isClose(value, known) ? `did you mean '${(0, import_fastest_levenshtein2.closest)(value, known)}'?` : void 0;
}
function closeMatch(value, known) {
  return known.length > 0 && isClose(value, known) ? (0, import_fastest_levenshtein2.closest)(value, known) : void 0;
}
function isClose(value, known) {
  const best = (0, import_fastest_levenshtein2.closest)(value, known);
  const limit = value.length <= 4 ? 1 : Math.max(2, Math.floor(value.length / 3));
  return (0, import_fastest_levenshtein2.distance)(value.toLowerCase(), best.toLowerCase()) <= limit;
}

// action/src/intent/namespaces.ts
var METADATA_NAME = "kubernetes.io/metadata.name";
function ref(pos) {
  return { file: pos.file, line: pos.line, column: pos.column };
}
function readLabels(map, what, fail) {
  const out = emptyRecord();
  for (const e of map.entries) {
    const keyProblem = labelKeyProblem(e.key);
    if (keyProblem) fail(e.keyPos, `${what} key '${e.key}': ${keyProblem}`);
    const v = e.value;
    if (v.kind !== "scalar" || typeof v.value !== "string") {
      if (v.kind === "scalar" && v.value === null) {
        fail(v.pos, `${what} '${e.key}' has no value`, `write ${e.key}: "" for an empty value`);
      } else if (v.kind === "scalar") {
        fail(v.pos, `${what} '${e.key}' must be a string`, `quote it: "${scalarText(v)}"`);
      } else {
        fail(v.pos, `${what} '${e.key}' must be a string, got ${describe(v)}`);
      }
      continue;
    }
    const valueProblem = labelValueProblem(v.value);
    if (valueProblem) fail(v.pos, `${what} value '${v.value}' for '${e.key}' ${valueProblem}`);
    setEntry(out, e.key, v.value);
  }
  return out;
}
function buildNamespaces(sources, excluded, profile, fail) {
  const decls = /* @__PURE__ */ new Map();
  for (const s of sources) {
    for (const e of asMap(get(s.root, "namespaces"))?.entries ?? []) {
      const node = asMap(e.value);
      if (!node) continue;
      const list = decls.get(e.key) ?? [];
      list.push({ keyPos: e.keyPos, node, fromEnv: s.fromEnv });
      decls.set(e.key, list);
    }
  }
  const out = /* @__PURE__ */ new Map();
  for (const [name, list] of decls) {
    const main = list.find((d) => d.fromEnv) ?? list[0];
    const problem = dns1123LabelProblem(name);
    if (problem)
      fail(
        main.keyPos,
        `namespace name '${name}' ${problem}`,
        problem === "must be lowercase" ? `write '${name.toLowerCase()}'` : void 0
      );
    const field2 = (key) => {
      const envDecl = list.find((d) => d.fromEnv && entry(d.node, key));
      if (envDecl) {
        const e = entry(envDecl.node, key);
        return { node: e.value, pos: e.keyPos };
      }
      let found;
      for (const d of list) {
        const e = entry(d.node, key);
        if (!e) continue;
        if (found && JSON.stringify(toPlain(found.node)) !== JSON.stringify(toPlain(e.value))) {
          fail(
            e.keyPos,
            `namespace '${name}': '${key}' is also set differently at ${found.pos.file}:${found.pos.line}`,
            "set it once, or set it in the environment file, which wins"
          );
        }
        found ??= { node: e.value, pos: e.keyPos };
      }
      return found;
    };
    const managedField = field2("managed");
    const managed = asBoolean(managedField?.node) ?? true;
    const defaultDenyField = field2("defaultDeny");
    const defaultDeny = asBoolean(defaultDenyField?.node) ?? managed;
    const isKube = name.startsWith("kube-");
    const isExcluded = excluded.includes(name);
    if ((isKube || isExcluded) && (managed || defaultDeny)) {
      const why = isKube ? `${name} can never be default-denied` : `${name} is in excludedNamespaces and can never be managed`;
      fail(managedField?.pos ?? defaultDenyField?.pos ?? main.keyPos, why, "write managed: false");
    } else if (defaultDeny && !managed) {
      fail(
        defaultDenyField?.pos ?? main.keyPos,
        `namespace '${name}' is not managed, so it cannot be default-denied`,
        "remove defaultDeny, or write managed: true"
      );
    }
    const labelsField = field2("labels");
    const labels = emptyRecord();
    const labelsMap = asMap(labelsField?.node);
    if (labelsMap) Object.assign(labels, readLabels(labelsMap, "namespace label", fail));
    if (labels[METADATA_NAME] !== void 0 && labels[METADATA_NAME] !== name) {
      fail(
        labelsField.pos,
        `namespace '${name}' cannot carry ${METADATA_NAME}=${labels[METADATA_NAME]}`,
        "the API server sets it to the namespace name"
      );
    }
    labels[METADATA_NAME] = name;
    const podLabelsField = field2("podLabels");
    const podLabelsMap = asMap(podLabelsField?.node);
    const podLabels = podLabelsMap ? readLabels(podLabelsMap, "pod label", fail) : void 0;
    const services = /* @__PURE__ */ new Map();
    const incomplete = /* @__PURE__ */ new Set();
    const svcDecls = /* @__PURE__ */ new Map();
    for (const d of list) {
      for (const e of asMap(get(d.node, "services"))?.entries ?? []) {
        const node = asMap(e.value);
        if (!node) continue;
        const l = svcDecls.get(e.key) ?? [];
        l.push({ keyPos: e.keyPos, node, fromEnv: d.fromEnv });
        svcDecls.set(e.key, l);
      }
    }
    for (const [svcName, sl] of svcDecls) {
      const included = sl.filter((d) => !d.fromEnv);
      const own = sl.find((d) => d.fromEnv);
      for (const dup of included.slice(1)) {
        const first = included[0].keyPos;
        fail(
          dup.keyPos,
          `service '${svcName}' in namespace '${name}' is already declared at ${first.file}:${first.line}:${first.column}`,
          "declare it once; the environment file may redeclare it to override fields"
        );
      }
      const main2 = own ?? included[0];
      const pick = (key) => {
        for (const d of [own, included[0]]) {
          const e = d ? entry(d.node, key) : void 0;
          if (e) return { node: e.value, pos: e.keyPos };
        }
        return void 0;
      };
      const svcProblem = dns1123LabelProblem(svcName);
      if (svcProblem)
        fail(
          main2.keyPos,
          `service name '${svcName}' ${svcProblem}`,
          svcProblem === "must be lowercase" ? `write '${svcName.toLowerCase()}'` : void 0
        );
      const labelsPick = pick("labels");
      const svcLabelsMap = asMap(labelsPick?.node);
      const svcLabels = svcLabelsMap ? readLabels(svcLabelsMap, "label", fail) : {};
      if (!labelsPick || svcLabelsMap && svcLabelsMap.entries.length === 0) {
        fail(
          labelsPick?.pos ?? main2.keyPos,
          `service '${svcName}' has no labels: it would select every pod in namespace '${name}'`,
          `add the pod labels, e.g. labels: { app: ${svcName} }`
        );
      }
      const { ports, complete } = readServicePorts(pick("ports")?.node, svcName, profile, fail);
      if (!complete) incomplete.add(svcName);
      services.set(svcName, {
        name: svcName,
        namespace: name,
        labels: svcLabels,
        ports,
        source: ref(main2.keyPos)
      });
    }
    const intent = {
      name,
      managed,
      defaultDeny,
      labels,
      services: [...services.values()].sort((a, b) => a.name.localeCompare(b.name)),
      source: ref(main.keyPos)
    };
    const built = { intent, services, incomplete };
    if (podLabels) built.podLabels = podLabels;
    out.set(name, built);
  }
  return out;
}
function readServicePorts(node, service, profile, outerFail) {
  const out = [];
  let complete = true;
  const fail = (pos, message, hint) => {
    complete = false;
    outerFail(pos, message, hint);
  };
  const seq = asSeq(node);
  if (!seq)
    return { ports: out, complete: node === void 0 || node.kind === "scalar" && node.value === null };
  for (const item of seq.items) {
    let port;
    if (item.kind === "scalar" && typeof item.value === "number") {
      const problem = Number.isInteger(item.value) ? portRangeProblem(item.value) : `port ${item.value} is not a whole number`;
      if (problem) fail(item.pos, problem);
      else port = { port: item.value, protocol: "TCP", source: ref(item.pos) };
    } else if (item.kind === "scalar" && typeof item.value === "string") {
      const r = parsePortText(item.value, false);
      if (!r.ok) fail(item.pos, r.message, r.hint);
      else {
        port = { port: r.port, protocol: r.protocol ?? "TCP", source: ref(item.pos) };
        if (r.endPort !== void 0) port.endPort = r.endPort;
      }
    } else if (item.kind === "map") {
      const shape = checkShape(item, "portObject");
      for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
      const p = asNumber(get(item, "port"));
      const endPort = asNumber(get(item, "endPort"));
      const protoText = asString(get(item, "protocol"));
      const nameText = asString(get(item, "name"));
      if (shape.length === 0 && p !== void 0) {
        const problem = portRangeProblem(p, endPort);
        const protocol = protoText === void 0 ? "TCP" : parseProtocol(protoText);
        if (problem) fail((get(item, "endPort") ?? item).pos, problem);
        else if (!protocol)
          fail(get(item, "protocol").pos, `unknown protocol '${protoText}'`, "expected TCP, UDP or SCTP");
        else {
          port = { port: p, protocol, source: ref(item.pos) };
          if (endPort !== void 0 && endPort !== p) port.endPort = endPort;
          if (nameText !== void 0) {
            const nameProblem = portNameProblem(nameText);
            if (nameProblem) fail(get(item, "name").pos, `port name '${nameText}' ${nameProblem}`);
            else if (port.endPort !== void 0)
              fail(get(item, "name").pos, `a port range cannot have a name`);
            else port.name = nameText;
          }
        }
      }
    } else {
      fail(
        item.pos,
        `expected a port: a number, N/udp, N-M or {port, name, protocol}, got ${describe(item)}`
      );
    }
    if (!port) continue;
    if (port.endPort !== void 0 && profile && !profile.endPortSupported) {
      fail(
        item.pos,
        `cni ${profile.name} does not support port ranges (endPort)`,
        "declare the ports one by one"
      );
      continue;
    }
    if (port.protocol === "SCTP" && profile && !profile.sctpSupported) {
      fail(item.pos, `cni ${profile.name} does not support SCTP`, profile.notes["sctp"]);
      continue;
    }
    const clash = out.find(
      (o) => o.protocol === port.protocol && o.port <= (port.endPort ?? port.port) && port.port <= (o.endPort ?? o.port)
    );
    if (clash) {
      fail(
        item.pos,
        `port ${formatPort(port)} of '${service}' overlaps ${formatPort(clash)} declared at line ${clash.source.line}`
      );
      continue;
    }
    if (port.name !== void 0 && out.some((o) => o.name === port.name)) {
      fail(item.pos, `port name '${port.name}' is used twice in '${service}'`);
      continue;
    }
    out.push(port);
  }
  return { ports: out, complete };
}

// action/src/intent/flows.ts
function buildFlows(sources, namespaces, profile, cniName, fail) {
  const byName = /* @__PURE__ */ new Map();
  for (const ns of namespaces.values()) {
    for (const svc of ns.services.values()) {
      const l = byName.get(svc.name) ?? [];
      l.push(svc);
      byName.set(svc.name, l);
    }
  }
  const allNames = [.../* @__PURE__ */ new Set([...byName.keys(), ...namespaces.keys()])].sort();
  const used = /* @__PURE__ */ new Set();
  const unknown = /* @__PURE__ */ new Map();
  const resolveEndpoint = (raw, pos, text) => {
    switch (raw.kind) {
      case "cidr": {
        const c = parseCidr2(raw.cidr);
        if (!c.ok) {
          fail(pos, `flow '${text}': ${c.message}`, c.hint);
          return void 0;
        }
        return { endpoint: { kind: "cidr", cidr: c.cidr.text, except: [] }, managed: false, cidr: c.cidr };
      }
      case "fqdn":
        return { endpoint: { kind: "fqdn", fqdn: raw.fqdn }, managed: false };
      case "name": {
        if (raw.namespace !== void 0) {
          const ns2 = namespaces.get(raw.namespace);
          if (!ns2) {
            fail(
              pos,
              `flow '${text}': unknown namespace '${raw.namespace}'`,
              didYouMean(raw.namespace, [...namespaces.keys()]) ?? `declare it under namespaces (managed: false if it is only a peer)`
            );
            return void 0;
          }
          if (raw.wholeNamespace) return namespaceEndpoint(raw.namespace, ns2);
          const svc = ns2.services.get(raw.name);
          if (!svc) {
            fail(
              pos,
              `flow '${text}': namespace '${raw.namespace}' has no service '${raw.name}'`,
              didYouMean(raw.name, [...ns2.services.keys()])
            );
            return void 0;
          }
          used.add(svc);
          return serviceEndpoint(svc, ns2);
        }
        const svcs = byName.get(raw.name) ?? [];
        const ns = namespaces.get(raw.name);
        if (svcs.length > 1) {
          fail(
            pos,
            `flow '${text}': '${raw.name}' is ambiguous: a service of that name exists in ${svcs.length} namespaces`,
            `write ${svcs.map((s) => `${s.namespace}/${s.name}`).sort().join(" or ")}`
          );
          return void 0;
        }
        if (svcs.length === 1 && ns) {
          fail(
            pos,
            `flow '${text}': '${raw.name}' is both a service and a namespace`,
            `write ${svcs[0].namespace}/${raw.name} for the service or ${raw.name}/* for the namespace`
          );
          return void 0;
        }
        if (svcs.length === 1) {
          used.add(svcs[0]);
          return serviceEndpoint(svcs[0], namespaces.get(svcs[0].namespace));
        }
        if (ns) return namespaceEndpoint(raw.name, ns);
        const misses = unknown.get(raw.name) ?? [];
        misses.push({ pos, text });
        unknown.set(raw.name, misses);
        return void 0;
      }
    }
  };
  const flows = [];
  const seen = /* @__PURE__ */ new Map();
  for (const s of sources) {
    for (const item of asSeq(get(s.root, "flows"))?.items ?? []) {
      let rawFrom;
      let rawTo;
      let portItems;
      let exceptItems = [];
      let text;
      if (item.kind === "scalar" && typeof item.value === "string") {
        text = item.value.trim();
        const r = parseFlowLine(text);
        if (!r.ok) {
          fail(item.pos, r.message, r.hint);
          continue;
        }
        rawFrom = r.value.from;
        rawTo = r.value.to;
        if (r.value.ports) portItems = r.value.ports.map((p) => ({ text: p, pos: item.pos }));
      } else if (item.kind === "map") {
        const shape = checkShape(item, "flowObject");
        for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
        const fromNode = get(item, "from");
        const toNode = get(item, "to");
        const fromText = asString(fromNode)?.trim();
        const toText = asString(toNode)?.trim();
        if (fromText === void 0 || toText === void 0) continue;
        const f = parseSourceText(fromText);
        const t = parseSourceText(toText);
        if (!f.ok) fail(fromNode.pos, f.message, f.hint);
        if (!t.ok) {
          const ports2 = /^([^:[\]]+):(.+)$/.exec(toText);
          if (ports2)
            fail(
              toNode.pos,
              `'to' takes no ports in the long form`,
              `write to: ${ports2[1]} and ports: [${ports2[2]}]`
            );
          else fail(toNode.pos, t.message, t.hint);
        }
        if (!f.ok || !t.ok || shape.length > 0) continue;
        rawFrom = f.value;
        rawTo = t.value;
        const portsSeq = asSeq(get(item, "ports"));
        if (portsSeq) {
          portItems = portsSeq.items.map(
            (p) => p.kind === "scalar" && (typeof p.value === "string" || typeof p.value === "number") ? { text: String(p.value), pos: p.pos } : { node: p, pos: p.pos }
          );
        }
        exceptItems = asSeq(get(item, "except"))?.items ?? [];
        const portsText = portItems?.map((p) => p.text ?? (p.node ? JSON.stringify(toPlain(p.node)) : "")).join(",");
        text = `${formatRawEndpoint(rawFrom)} -> ${formatRawEndpoint(rawTo)}${portsText ? `:${portsText}` : ""}`;
        if (exceptItems.length > 0)
          text += ` except ${exceptItems.map((e) => String(toPlain(e))).join(", ")}`;
      } else {
        fail(
          item.pos,
          `expected a flow: 'SOURCE -> DESTINATION[:PORTS]' or {from, to, ports}, got ${describe(item)}`
        );
        continue;
      }
      let bad = false;
      if (rawFrom.kind === "fqdn") {
        fail(
          item.pos,
          `flow '${text}' comes from an FQDN; an FQDN can only be a destination`,
          "use a CIDR as the source"
        );
        bad = true;
      }
      if (rawTo.kind === "fqdn" && profile && !profile.fqdnEgress) {
        fail(item.pos, `flow '${text}': cni ${cniName} has no FQDN egress; use a CIDR or switch to cilium`);
        bad = true;
      }
      const from = resolveEndpoint(rawFrom, item.pos, text);
      const to = resolveEndpoint(rawTo, item.pos, text);
      if (!from || !to || bad) continue;
      if (exceptItems.length > 0) {
        const side = to.cidr ? to : from.cidr ? from : void 0;
        if (!side || !side.cidr) {
          fail(exceptItems[0].pos, `flow '${text}': 'except' needs a CIDR endpoint`);
          continue;
        }
        const except = [];
        for (const e of exceptItems) {
          const et = asString(e);
          if (et === void 0) continue;
          const c = parseCidr2(et.trim());
          if (!c.ok) fail(e.pos, `except: ${c.message}`, c.hint);
          else if (!isStrictSubnet(c.cidr, side.cidr)) {
            fail(
              e.pos,
              `except ${c.cidr.text} is not inside ${side.cidr.text}`,
              "an except must be a smaller network inside the CIDR"
            );
          } else except.push(c.cidr.text);
        }
        if (side.endpoint.kind === "cidr") side.endpoint.except = except;
      }
      if (!from.managed && !to.managed) {
        fail(
          item.pos,
          `flow '${text}' has no managed side: it would emit nothing`,
          "one endpoint must be a service or namespace that is managed"
        );
        continue;
      }
      const portFail = to.portsIncomplete ? () => void 0 : fail;
      const ports = resolveFlowPorts(portItems, item.pos, to, text, profile, portFail);
      if (!ports) continue;
      const flow = { from: from.endpoint, to: to.endpoint, ports, text, source: ref(item.pos) };
      const key = JSON.stringify([
        flow.from,
        flow.to,
        [...ports].map((p) => `${p.protocol}/${p.port ?? "*"}-${p.endPort ?? ""}`).sort()
      ]);
      const first = seen.get(key);
      if (first) {
        fail(
          item.pos,
          `duplicate flow '${text}': already declared at ${first.file}:${first.line}:${first.column}`
        );
        continue;
      }
      seen.set(key, item.pos);
      flows.push(flow);
    }
  }
  reportUnknownNames(unknown, byName, used, allNames, fail);
  return flows;
}
function reportUnknownNames(unknown, byName, used, allNames, fail) {
  const unused = [...byName].filter(([, svcs]) => svcs.length === 1 && !used.has(svcs[0])).map(([n]) => n);
  for (const [name, misses] of unknown) {
    const match = closeMatch(name, unused);
    const declared = match === void 0 ? void 0 : byName.get(match)?.[0];
    if (declared && match !== void 0) {
      const lines = [...new Set(misses.map((m) => m.pos.line))];
      const where = `${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")}`;
      const n = misses.length;
      fail(
        { file: declared.source.file, line: declared.source.line, column: declared.source.column },
        `service '${match}' is named by no flow, while ${n} flow${n === 1 ? "" : "s"} name '${name}', which is not declared (${where})`,
        `rename the service to '${name}'`
      );
      continue;
    }
    for (const m of misses) {
      fail(
        m.pos,
        `flow '${m.text}': unknown service or namespace '${name}'`,
        didYouMean(name, allNames) ?? "declare it under namespaces"
      );
    }
  }
}
function serviceEndpoint(svc, ns) {
  return {
    endpoint: { kind: "service", namespace: svc.namespace, service: svc.name },
    managed: ns.intent.managed,
    service: svc,
    portsIncomplete: ns.incomplete.has(svc.name)
  };
}
function namespaceEndpoint(name, ns) {
  const endpoint = ns.podLabels ? { kind: "namespace", namespace: name, podLabels: ns.podLabels } : { kind: "namespace", namespace: name };
  return { endpoint, managed: ns.intent.managed };
}
function resolveFlowPorts(items, flowPos, to, text, profile, fail) {
  const svc = to.service;
  const declaredList = svc ? svc.ports.map((p) => formatPort(p)).join(", ") : "";
  const out = [];
  let ok = true;
  const add = (p, pos) => {
    if (p.endPort !== void 0 && profile && !profile.endPortSupported) {
      fail(pos, `flow '${text}': cni ${profile.name} does not support port ranges (endPort)`);
      ok = false;
      return;
    }
    if (p.protocol === "SCTP" && profile && !profile.sctpSupported) {
      fail(pos, `flow '${text}': cni ${profile.name} does not support SCTP`, profile.notes["sctp"]);
      ok = false;
      return;
    }
    if (out.some((o) => o.protocol === p.protocol && o.port === p.port && o.endPort === p.endPort)) {
      fail(pos, `flow '${text}' lists port ${formatPort(p)} twice`);
      ok = false;
      return;
    }
    out.push(p);
  };
  if (!items) {
    if (!svc) return [];
    if (svc.ports.length === 0) {
      fail(
        flowPos,
        `flow '${text}': service '${svc.name}' declares no ports`,
        "declare its ports, or name them in the flow"
      );
      return void 0;
    }
    for (const p of svc.ports) {
      const fp = { protocol: p.protocol, port: p.port };
      if (p.endPort !== void 0) fp.endPort = p.endPort;
      out.push(fp);
    }
    return out;
  }
  for (const item of items) {
    if (item.node) {
      const map = asMap(item.node);
      if (!map) {
        fail(item.pos, `expected a port, got ${describe(item.node)}`);
        ok = false;
        continue;
      }
      const shape = checkShape(map, "portObject");
      for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
      const p = asNumber(get(map, "port"));
      if (shape.length > 0 || p === void 0) {
        ok = false;
        continue;
      }
      const endPort = asNumber(get(map, "endPort"));
      const problem = portRangeProblem(p, endPort);
      const protoText = asString(get(map, "protocol"));
      const protocol = protoText === void 0 ? void 0 : parseProtocol(protoText);
      if (problem || protoText !== void 0 && !protocol) {
        fail(item.pos, problem ?? `unknown protocol '${protoText}'`);
        ok = false;
        continue;
      }
      const spec2 = { port: p };
      if (endPort !== void 0 && endPort !== p) spec2.endPort = endPort;
      if (protocol) spec2.protocol = protocol;
      const resolved2 = matchPort(spec2, svc, text, declaredList, item.pos, fail);
      if (!resolved2) ok = false;
      else for (const r2 of resolved2) add(r2, item.pos);
      continue;
    }
    const r = parsePortText(item.text ?? "", true);
    if (!r.ok) {
      fail(item.pos, `flow '${text}': ${r.message}`, r.hint);
      ok = false;
      continue;
    }
    if (r.name !== void 0) {
      if (!svc) {
        fail(
          item.pos,
          `flow '${text}': port name '${r.name}' needs a service destination that declares it`,
          "write the port number"
        );
        ok = false;
        continue;
      }
      const named = svc.ports.find((p) => p.name === r.name);
      if (!named) {
        const names = svc.ports.flatMap((p) => p.name ? [p.name] : []);
        fail(
          item.pos,
          `flow '${text}': service '${svc.name}' has no port named '${r.name}' (declared: ${declaredList || "none"})`,
          didYouMean(r.name, names)
        );
        ok = false;
        continue;
      }
      add({ protocol: named.protocol, port: named.port, name: named.name }, item.pos);
      continue;
    }
    const spec = { port: r.port };
    if (r.endPort !== void 0) spec.endPort = r.endPort;
    if (r.protocol) spec.protocol = r.protocol;
    const resolved = matchPort(spec, svc, text, declaredList, item.pos, fail);
    if (!resolved) ok = false;
    else for (const p of resolved) add(p, item.pos);
  }
  return ok ? out : void 0;
}
function matchPort(spec, svc, text, declaredList, pos, fail) {
  const one = (protocol) => {
    const fp = { protocol, port: spec.port };
    if (spec.endPort !== void 0) fp.endPort = spec.endPort;
    return fp;
  };
  if (!svc) return [one(spec.protocol ?? "TCP")];
  const last = spec.endPort ?? spec.port;
  const covering = svc.ports.filter(
    (p) => (spec.protocol === void 0 || p.protocol === spec.protocol) && p.port <= spec.port && last <= (p.endPort ?? p.port)
  );
  if (covering.length === 0) {
    const written = `${spec.endPort !== void 0 ? `${spec.port}-${spec.endPort}` : spec.port}${spec.protocol ? `/${spec.protocol}` : ""}`;
    fail(
      pos,
      `flow '${text}': service '${svc.name}' does not declare port ${written}`,
      svc.ports.length > 0 ? `declared: ${declaredList}` : `'${svc.name}' declares no ports; add ports: [${spec.port}]`
    );
    return void 0;
  }
  const protocols = [...new Set(covering.map((p) => p.protocol))];
  return protocols.map(one);
}

// action/src/intent/probe-targets.ts
var import_ipaddr2 = __toESM(require_ipaddr(), 1);
var IPV42 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
function canonicalAddress(text) {
  if (IPV42.test(text)) return import_ipaddr2.default.IPv4.parse(text).toString();
  if (text.includes(":") && !text.includes("%") && import_ipaddr2.default.IPv6.isValid(text))
    return import_ipaddr2.default.IPv6.parse(text).toRFC5952String();
  return void 0;
}
function firstHost(cidrText) {
  try {
    const [addr, prefix] = import_ipaddr2.default.parseCIDR(cidrText);
    const bytes = addr.toByteArray();
    const bits = bytes.length * 8;
    const network = bytes.map(
      (b, i) => b & (255 << 8 - Math.max(0, Math.min(8, prefix - i * 8)) & 255)
    );
    if (prefix < bits) network[network.length - 1] = (network[network.length - 1] ?? 0) | 1;
    const host = import_ipaddr2.default.fromByteArray(network);
    return host.kind() === "ipv6" ? host.toRFC5952String() : host.toString();
  } catch {
    return void 0;
  }
}
function parseProbeTarget(raw) {
  const text = raw.trim();
  let hostText;
  let portText;
  let bracketed = false;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) return { ok: false, message: `probe target '${text}' has '[' without ']'` };
    hostText = text.slice(1, close);
    bracketed = true;
    const rest = text.slice(close + 1);
    if (rest !== "") {
      if (!rest.startsWith(":"))
        return { ok: false, message: `expected ':PORT' after ']' in probe target '${text}'` };
      portText = rest.slice(1);
    }
  } else {
    const colons = (text.match(/:/g) ?? []).length;
    if (colons > 1) {
      const last = text.lastIndexOf(":");
      const head = canonicalAddress(text.slice(0, last));
      const whole = canonicalAddress(text);
      return {
        ok: false,
        message: `IPv6 probe target '${text}' must be written in brackets with its port`,
        hint: head ? `write [${head}]:${text.slice(last + 1)}` : `write [${whole ?? text}]:PORT`
      };
    }
    const at = text.indexOf(":");
    hostText = at < 0 ? text : text.slice(0, at);
    portText = at < 0 ? void 0 : text.slice(at + 1);
  }
  if (hostText.includes("/")) {
    const host = firstHost(hostText);
    const suffix = portText !== void 0 ? `:${portText}` : ":PORT";
    return {
      ok: false,
      message: `probe target '${text}' is a CIDR; a probe target is one host that answers`,
      ...host ? { hint: `did you mean ${bracketed ? `[${host}]` : host}${suffix}?` } : {}
    };
  }
  const address = canonicalAddress(hostText);
  if (!address) {
    const looksLikeName = /^[A-Za-z0-9.-]+$/.test(hostText) && /[A-Za-z]/.test(hostText);
    return {
      ok: false,
      message: looksLikeName ? `probe target '${text}' names a host; a probe target is an IP address` : `'${hostText}' in probe target '${text}' is not a valid IP address`,
      ...looksLikeName ? {
        hint: "a name can resolve to other addresses inside the cluster: write the address it answers on"
      } : {}
    };
  }
  const shown = address.includes(":") ? `[${address}]` : address;
  if (portText === void 0 || portText === "") {
    return {
      ok: false,
      message: `probe target '${text}' has no port`,
      hint: `write ${shown}:PORT, e.g. ${shown}:443`
    };
  }
  const port = parsePortText(portText, false);
  if (!port.ok)
    return {
      ok: false,
      message: `probe target '${text}': ${port.message}`,
      ...port.hint ? { hint: port.hint } : {}
    };
  if (port.endPort !== void 0) {
    return {
      ok: false,
      message: `probe target '${text}' has a port range; a probe connects to one port`,
      hint: `write ${shown}:${port.port}`
    };
  }
  return { ok: true, address, port: port.port, protocol: port.protocol ?? "TCP" };
}

// action/src/intent/templates.ts
var REF = /\$\$\{|\$\{([^}]*)\}/g;
function instantiate(node, params, via) {
  const errors = [];
  const known = [...params.keys()];
  const relocate2 = (pos) => ({ ...pos, via });
  const subst = (text, pos) => text.replace(REF, (match, name) => {
    if (match === "$${") return "${";
    const key = (name ?? "").trim();
    const value = params.get(key);
    if (value === void 0) {
      errors.push(errorAt(pos, `unknown template parameter '\${${key}}'`, didYouMean(key, known)));
      return match;
    }
    return String(value);
  });
  const walk = (n) => {
    const pos = relocate2(n.pos);
    switch (n.kind) {
      case "map": {
        const entries = [];
        const seen = /* @__PURE__ */ new Map();
        for (const e of n.entries) {
          const keyPos = relocate2(e.keyPos);
          const key = subst(e.key, keyPos);
          const first = seen.get(key);
          if (first) {
            errors.push(
              errorAt(keyPos, `duplicate key '${key}' after substitution (first at line ${first.line})`)
            );
            continue;
          }
          seen.set(key, keyPos);
          entries.push({ key, keyPos, value: walk(e.value) });
        }
        return { kind: "map", entries, pos };
      }
      case "seq":
        return { kind: "seq", items: n.items.map(walk), pos };
      case "scalar": {
        if (typeof n.value !== "string" || !n.value.includes("${")) return { ...n, pos };
        const whole = /^\$\{\s*([^}]*?)\s*\}$/.exec(n.value);
        if (whole && n.plain) {
          const value = params.get(whole[1]);
          if (value !== void 0) return { kind: "scalar", value: typed(value), plain: true, pos };
        }
        return { kind: "scalar", value: subst(n.value, pos), plain: n.plain, pos };
      }
    }
  };
  return { node: walk(node), errors };
}
function typed(value) {
  if (typeof value !== "string") return value;
  if (/^-?\d+$/.test(value)) return Number(value);
  if (value === "true" || value === "false") return value === "true";
  return value;
}
function relocate(node, via) {
  const pos = { ...node.pos, via };
  switch (node.kind) {
    case "map":
      return {
        kind: "map",
        entries: node.entries.map((e) => ({
          key: e.key,
          keyPos: { ...e.keyPos, via },
          value: relocate(e.value, via)
        })),
        pos
      };
    case "seq":
      return { kind: "seq", items: node.items.map((i) => relocate(i, via)), pos };
    case "scalar":
      return { ...node, pos };
  }
}

// action/src/intent/load.ts
var DEFAULT_DNS_NAMESPACE = "kube-system";
var DEFAULT_DNS_LABELS = { "k8s-app": "kube-dns" };
function parseIntent(files, options = {}) {
  const { errors, environments } = parseEnvironments(files, options);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, intent: { environments: environments.flatMap((e) => e.intent ? [e.intent] : []) } };
}
function parseEnvironments(files, options = {}) {
  const errors = [];
  const parsed = /* @__PURE__ */ new Map();
  for (const f of files) {
    const path = normalizePath(f.path);
    if (!/\.ya?ml$/i.test(path)) continue;
    if (f.problem !== void 0) {
      errors.push({ file: path, line: 1, column: 1, message: f.problem });
      continue;
    }
    const p = parseYamlFile(path, f.text);
    parsed.set(path, p);
    errors.push(...p.errors);
  }
  const envPattern = /^(?:(.*)\/)?environments\/([^/]+)\.ya?ml$/;
  let dir = options.policiesDir === void 0 ? void 0 : normalizePath(options.policiesDir);
  if (dir === void 0) {
    const dirs = [...parsed.keys()].map((p) => envPattern.exec(p)).filter((m) => m !== null).map((m) => m[1] ?? "").sort((a, b) => a.length - b.length || a.localeCompare(b));
    dir = dirs[0] ?? "policies";
  }
  const policiesDir = dir.replace(/\/+$/, "") === "." ? "" : dir.replace(/\/+$/, "");
  const under = (p) => policiesDir === "" ? p : `${policiesDir}/${p}`;
  const inDir = (p) => policiesDir === "" ? p : p.startsWith(`${policiesDir}/`) ? p.slice(policiesDir.length + 1) : void 0;
  const relToDir = (p) => inDir(p) ?? p;
  const envFiles = [...parsed.keys()].filter((p) => /^environments\/[^/]+\.ya?ml$/.test(inDir(p) ?? "")).sort();
  if (envFiles.length === 0) {
    errors.push({
      file: under("environments"),
      line: 1,
      column: 1,
      message: `no environment files found in ${under("environments/")}`,
      hint: "add one file per environment, e.g. environments/production.yaml"
    });
  }
  const templates = /* @__PURE__ */ new Map();
  const shared = [];
  for (const [path, p] of parsed) {
    const rel = inDir(path);
    if (rel === void 0) continue;
    const t = /^templates\/([^/]+)\.ya?ml$/.exec(rel);
    if (t) templates.set(t[1], p);
    if (/^shared\/.+\.ya?ml$/.test(rel)) shared.push(path);
  }
  const ctx = {
    parsed,
    templates,
    shared,
    under,
    relToDir,
    shapeChecked: /* @__PURE__ */ new Set(),
    usedTemplates: /* @__PURE__ */ new Set(),
    errors
  };
  const built = [];
  const promotions = /* @__PURE__ */ new Map();
  for (const file of envFiles) {
    const env = buildEnvironment(file, ctx);
    built.push(env);
    if (env.promotion !== void 0) {
      const first = promotions.get(env.promotion.order);
      if (first) {
        errors.push(
          errorAt(
            env.promotion.pos,
            `promotion ${env.promotion.order} is already used by environment '${first.name}' (${first.pos.file}:${first.pos.line})`,
            "give every environment its own place in the promotion order"
          )
        );
      } else {
        promotions.set(env.promotion.order, { name: env.name, pos: env.promotion.pos });
      }
    }
  }
  for (const path of shared.sort()) {
    const root = parsed.get(path)?.root;
    if (root && !ctx.shapeChecked.has(path)) {
      ctx.shapeChecked.add(path);
      errors.push(...checkShape(root, "fragment"));
    }
  }
  for (const [name, p] of [...templates].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (!p.root || ctx.usedTemplates.has(name)) continue;
    const params = templateParameters(p.root, errors);
    if (!params) continue;
    const values = /* @__PURE__ */ new Map();
    let complete = true;
    for (const [k, v] of params) {
      if (v.default === void 0) complete = false;
      else values.set(k, v.default);
    }
    if (!complete) continue;
    const inst = instantiate(p.root, values, `template ${name} with its defaults`);
    errors.push(...inst.errors, ...checkShape(inst.node, "template"));
  }
  const all = sortErrors(errors);
  const environments = built.map((env) => {
    const own = all.filter((e) => env.files.includes(e.file));
    return own.length === 0 && env.intent ? { name: env.name, intent: env.intent, errors: [] } : { name: env.name, errors: own };
  });
  const order = (e) => e.intent?.order ?? Number.MAX_SAFE_INTEGER;
  environments.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  return { errors: all, environments };
}
async function loadIntentFromDir(policiesDir, repoRoot = process.cwd()) {
  const root = resolve4(repoRoot);
  const base = resolve4(root, policiesDir);
  const rel = (abs) => relative3(root, abs).split(sep3).join("/");
  const tree = await readIntentTree(root, base);
  const refused = tree.files.filter((f) => f.problem !== void 0);
  if (tree.exists && !tree.isDirectory && refused.length > 0) {
    return {
      ok: false,
      errors: refused.map((f) => ({ file: f.path, line: 1, column: 1, message: f.problem ?? "" }))
    };
  }
  if (!tree.exists || !tree.isDirectory) {
    const shown = rel(base) || ".";
    return {
      ok: false,
      errors: [
        {
          file: shown,
          line: 1,
          column: 1,
          message: tree.exists ? `policies directory '${shown}' is not a directory` : `policies directory '${shown}' does not exist`
        }
      ]
    };
  }
  const files = tree.files.map((f) => isAbsolute3(f.path) ? { ...f, path: rel(f.path) } : f);
  return parseIntent(files, { policiesDir: rel(base) });
}
async function readIntentTree(repository, dir) {
  return readSourceTree({ repository, target: dir, extensions: YAML_EXTENSIONS, limits: INTENT_READ_LIMITS });
}
function normalizePath(p) {
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}
function sortErrors(errors) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const e of errors) {
    const key = `${e.file}\0${e.line}\0${e.column}\0${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
function buildEnvironment(file, ctx) {
  const name = file.replace(/^.*\//, "").replace(/\.ya?ml$/i, "");
  const parsedFile = ctx.parsed.get(file);
  const root = parsedFile?.root;
  const touched = [file];
  if (!root) return { name, files: touched };
  const errors = [];
  const fail = (pos, message, hint) => {
    errors.push(errorAt(pos, message, hint));
  };
  errors.push(...repairUnindentedBlocks(root, "environment"), ...checkShape(root, "environment"));
  const env = asMap(root);
  if (!env) {
    ctx.errors.push(...errors);
    return { name, files: touched };
  }
  const nameProblem = dns1123LabelProblem(name);
  if (nameProblem) {
    fail(env.pos, `environment name '${name}' (the file name) ${nameProblem}`, "rename the file");
  }
  const promotionEntry = entry(env, "promotion");
  const order = asNumber(promotionEntry?.value);
  const built = { name, files: touched };
  if (promotionEntry && order !== void 0 && Number.isInteger(order)) {
    built.promotion = { order, pos: promotionEntry.value.pos };
  }
  const cniNode = get(env, "cni");
  const cniName = asString(cniNode);
  const profile = cniName !== void 0 && isCniProfileName(cniName) ? CNI_PROFILES[cniName] : void 0;
  const files = [file];
  const sources = [];
  const includes = asSeq(get(env, "include"));
  const seenIncludes = /* @__PURE__ */ new Map();
  for (const item of includes?.items ?? []) {
    const via = (what) => `${what} included by ${file}:${item.pos.line}:${item.pos.column}`;
    if (item.kind === "scalar" && typeof item.value === "string") {
      const relPath = item.value.trim().replace(/^\.\//, "");
      const path = ctx.under(relPath);
      const again = seenIncludes.get(path);
      if (again) {
        fail(item.pos, `'${relPath}' is already included at line ${again.line}`);
        continue;
      }
      seenIncludes.set(path, item.pos);
      if (!touched.includes(path)) touched.push(path);
      const target = ctx.parsed.get(path);
      if (!target) {
        const known = ctx.shared.map(ctx.relToDir);
        fail(item.pos, `include '${relPath}' not found (looked for ${path})`, suggest(relPath, known));
        continue;
      }
      if (!target.root) continue;
      if (!ctx.shapeChecked.has(path)) {
        ctx.shapeChecked.add(path);
        ctx.errors.push(...checkShape(target.root, "fragment"));
      }
      const fragment = asMap(relocate(target.root, via(relPath)));
      if (fragment) sources.push({ root: fragment, fromEnv: false });
      if (!files.includes(path)) files.push(path);
    } else if (item.kind === "map") {
      const shapeErrors = checkShape(item, "templateInclude");
      errors.push(...shapeErrors);
      const templateName = asString(get(item, "template"));
      if (templateName === void 0) continue;
      const template = ctx.templates.get(templateName);
      const templateNode = entry(item, "template").value;
      if (!template) {
        fail(
          templateNode.pos,
          `unknown template '${templateName}'`,
          suggest(templateName, [...ctx.templates.keys()].sort()) ?? `add ${ctx.under(`templates/${templateName}.yaml`)}`
        );
        continue;
      }
      ctx.usedTemplates.add(templateName);
      if (!touched.includes(template.file)) touched.push(template.file);
      if (!template.root) continue;
      const declared = templateParameters(template.root, ctx.errors);
      if (!declared) continue;
      const values = /* @__PURE__ */ new Map();
      let ok = shapeErrors.length === 0;
      const withMap = asMap(get(item, "with"));
      for (const e of withMap?.entries ?? []) {
        if (!declared.has(e.key)) {
          ok = false;
          fail(
            e.keyPos,
            `template '${templateName}' has no parameter '${e.key}'`,
            suggest(e.key, [...declared.keys()])
          );
          continue;
        }
        const v = e.value;
        if (v.kind === "scalar" && v.value !== null) values.set(e.key, v.value);
      }
      for (const [param, spec] of declared) {
        if (values.has(param)) continue;
        if (spec.default !== void 0) values.set(param, spec.default);
        else {
          ok = false;
          fail(
            item.pos,
            `template '${templateName}' needs parameter '${param}'`,
            `add it under 'with'${spec.description ? `: ${spec.description}` : ""}`
          );
        }
      }
      if (!ok) continue;
      const inst = instantiate(template.root, values, via(`template ${templateName}`));
      errors.push(...inst.errors);
      const shape = checkShape(inst.node, "template");
      errors.push(...shape);
      const fragment = asMap(inst.node);
      if (fragment && inst.errors.length === 0) sources.push({ root: fragment, fromEnv: false });
      if (!files.includes(template.file)) files.push(template.file);
    } else {
      fail(
        item.pos,
        `expected an include: a path like shared/platform.yaml or {template: NAME, with: {...}}, got ${describe(item)}`
      );
    }
  }
  sources.push({ root: env, fromEnv: true });
  const excludedNamespaces = [];
  for (const item of asSeq(get(env, "excludedNamespaces"))?.items ?? []) {
    const ns = asString(item);
    if (ns === void 0) continue;
    const problem = dns1123LabelProblem(ns);
    if (problem) fail(item.pos, `excluded namespace '${ns}' ${problem}`);
    excludedNamespaces.push(ns);
  }
  const nodeCidrs = [];
  for (const item of asSeq(get(env, "nodeCidrs"))?.items ?? []) {
    const text = asString(item);
    if (text === void 0) continue;
    const c = parseCidr2(text.trim());
    if (!c.ok) fail(item.pos, `node CIDR: ${c.message}`, c.hint);
    else nodeCidrs.push(c.cidr.text);
  }
  const probeTargets = [];
  const probeMap = asMap(get(env, "probe"));
  const seenTargets = /* @__PURE__ */ new Map();
  for (const item of asSeq(probeMap ? get(probeMap, "targets") : void 0)?.items ?? []) {
    const text = asString(item);
    if (text === void 0) continue;
    const t = parseProbeTarget(text);
    if (!t.ok) {
      fail(item.pos, t.message, t.hint);
      continue;
    }
    const key = `${t.address}:${t.port}/${t.protocol}`;
    const first = seenTargets.get(key);
    if (first) {
      fail(item.pos, `probe target '${text.trim()}' is already listed at line ${first.line}`);
      continue;
    }
    seenTargets.set(key, item.pos);
    probeTargets.push({ address: t.address, port: t.port, protocol: t.protocol, source: ref(item.pos) });
  }
  const dnsMap = asMap(get(env, "dns"));
  const dnsNamespace = asString(dnsMap ? get(dnsMap, "namespace") : void 0) ?? DEFAULT_DNS_NAMESPACE;
  if (dnsMap) {
    const nsNode = get(dnsMap, "namespace");
    const problem = dns1123LabelProblem(dnsNamespace);
    if (nsNode && problem) fail(nsNode.pos, `DNS namespace '${dnsNamespace}' ${problem}`);
  }
  const dnsLabelsNode = asMap(dnsMap ? get(dnsMap, "podLabels") : void 0);
  const dnsLabels = dnsLabelsNode ? readLabels(dnsLabelsNode, "DNS pod label", fail) : { ...DEFAULT_DNS_LABELS };
  if (dnsLabelsNode && Object.keys(dnsLabels).length === 0) {
    fail(
      dnsLabelsNode.pos,
      "DNS podLabels must not be empty",
      "leave podLabels out for {k8s-app: kube-dns}, or write dns.mode: safe"
    );
  }
  const dnsModeText = asString(dnsMap ? get(dnsMap, "mode") : void 0);
  const dnsMode = dnsModeText === "strict" || dnsModeText === "safe" ? dnsModeText : profile?.dnsSelectorMode;
  const namespaces = buildNamespaces(sources, excludedNamespaces, profile, fail);
  const dnsNs = namespaces.get(dnsNamespace);
  if (dnsNs?.intent.defaultDeny) {
    fail(
      dnsNs.intent.source,
      `namespace '${dnsNamespace}' runs cluster DNS and cannot be default-denied`,
      "write managed: false or defaultDeny: false for it"
    );
  }
  const flows = buildFlows(sources, namespaces, profile, cniName ?? "", fail);
  ctx.errors.push(...errors);
  if (errors.length > 0 || order === void 0 || !profile || !dnsMode || !built.promotion) return built;
  const dns = { namespace: dnsNamespace, podLabels: dnsLabels, mode: dnsMode };
  built.intent = {
    name,
    order,
    cni: profile.name,
    profile,
    dns,
    nodeCidrs,
    excludedNamespaces,
    ...probeTargets.length > 0 ? { probeTargets } : {},
    namespaces: [...namespaces.values()].map((n) => n.intent).sort((a, b) => a.name.localeCompare(b.name)),
    flows,
    files,
    source: ref(env.pos)
  };
  const dnsKey = entry(env, "dns");
  if (dnsKey) built.intent.dnsSource = ref(dnsKey.keyPos);
  const nodeCidrsKey = entry(env, "nodeCidrs");
  if (nodeCidrsKey) built.intent.nodeCidrsSource = ref(nodeCidrsKey.keyPos);
  return built;
}
function templateParameters(root, errors) {
  const out = /* @__PURE__ */ new Map();
  const map = asMap(root);
  if (!map) return void 0;
  const params = get(map, "parameters");
  if (!params) return out;
  const pm = asMap(params);
  if (!pm) return void 0;
  for (const e of pm.entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(e.key)) {
      errors.push(errorAt(e.keyPos, `template parameter name '${e.key}' must be letters, digits and '_'`));
      continue;
    }
    const spec = {};
    const sm = asMap(e.value);
    if (sm) {
      const d = get(sm, "default");
      if (d?.kind === "scalar" && d.value !== null) spec.default = d.value;
      const desc = asString(get(sm, "description"));
      if (desc !== void 0) spec.description = desc;
    } else if (!(e.value.kind === "scalar" && e.value.value === null)) {
      errors.push(
        errorAt(
          e.value.pos,
          `expected a template parameter {description, default}, got ${describe(e.value)}`
        )
      );
    }
    out.set(e.key, spec);
  }
  return out;
}

// action/src/semantics/rule-index.ts
var INDEXED_RULES_MIN = 16;
var INDEXES = /* @__PURE__ */ new WeakMap();
function buildIndex(rules) {
  const index = {
    always: [],
    ipOnly: [],
    networks: { 4: /* @__PURE__ */ new Map(), 6: /* @__PURE__ */ new Map() },
    prefixes: { 4: [], 6: [] }
  };
  rules.forEach((rule, i) => {
    const peers = rule.peers;
    const leavesNote = (rule.ports ?? []).some((p) => p.endPort !== void 0);
    if (!peers || leavesNote || peers.some((p) => p.kind !== "ipBlock")) {
      index.always.push(i);
      return;
    }
    index.ipOnly.push(i);
    for (const peer of peers) {
      if (peer.kind !== "ipBlock") continue;
      const { family, prefix, base } = peer.block.cidr;
      const key = `${prefix}/${base}`;
      const list = index.networks[family].get(key);
      if (list === void 0) index.networks[family].set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
      if (!index.prefixes[family].includes(prefix)) index.prefixes[family].push(prefix);
    }
  });
  return index;
}
function networkOf(family, value, prefix) {
  if (family === 4) return prefix === 0 ? 0 : (value & -1 << 32 - prefix) >>> 0;
  const host = (1n << BigInt(128 - prefix)) - 1n;
  return value & ~host & (1n << 128n) - 1n;
}
function merge(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === void 0 || x !== void 0 && x < y) out.push(a[i++]);
    else if (x === void 0 || y < x) out.push(b[j++]);
    else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}
function holdsIpBlocks(group, family) {
  return family !== void 0 && group.ipBlocksByFamily[family].size > 0;
}
function candidateRules(rules, peer, family) {
  if (rules.length < INDEXED_RULES_MIN) return void 0;
  let index = INDEXES.get(rules);
  if (index === void 0) {
    index = buildIndex(rules);
    INDEXES.set(rules, index);
  }
  if (peer.kind === "pod")
    return holdsIpBlocks(peer.group, family) ? merge(index.always, index.ipOnly) : index.always;
  const ip = peer.ip;
  const hits = /* @__PURE__ */ new Set();
  for (const prefix of index.prefixes[ip.family]) {
    const list = index.networks[ip.family].get(`${prefix}/${networkOf(ip.family, ip.value, prefix)}`);
    if (list) for (const i of list) hits.add(i);
  }
  return hits.size === 0 ? index.always : merge(
    index.always,
    [...hits].sort((a, b) => a - b)
  );
}

// action/src/semantics/evaluate.ts
var EndpointError = class extends Error {
  name = "EndpointError";
};
function resolveParty(model, text) {
  const known = model.podsByKey.get(text);
  if (known)
    return known.resolved ??= { party: { kind: "pod", group: known.group, name: known.key, pod: known } };
  const ip = parseIp(text);
  if (ip) {
    const pod = model.podsByIp.get(ip.text);
    if (pod) return { party: { kind: "pod", group: pod.group, name: pod.key, pod }, ip };
    return { party: { kind: "external", ip, name: ip.text }, ip };
  }
  const hint = text.includes("/") ? "" : ' (write "namespace/pod" or an IP address)';
  throw new EndpointError(`unknown pod "${text}"${hint}`);
}
function primaryFamily(party, given) {
  if (given) return given.family;
  if (party.kind === "external") return party.ip.family;
  return party.pod?.ips[0]?.family;
}
function evaluate(model, probe) {
  const protocol = probe.protocol ?? "TCP";
  const src = resolveParty(model, probe.from);
  const dst = resolveParty(model, probe.to);
  const family = primaryFamily(dst.party, dst.ip) ?? primaryFamily(src.party, src.ip);
  const verdict = evaluateParties(model, src.party, dst.party, probe.port, protocol, family);
  const extra = [];
  for (const party of [src.party, dst.party]) {
    const finished = party.kind === "external" ? model.finishedIps.get(party.ip.text) : void 0;
    if (finished) {
      extra.push(
        `${party.name} is listed only by finished pod ${finished.join(", ")}, which holds no IP; no running pod has it, so it is judged as outside the cluster`
      );
    }
  }
  return extra.length === 0 ? verdict : { ...verdict, notes: [...verdict.notes, ...extra] };
}
function evaluateParties(model, from, to, port, protocol, family) {
  if (from.kind === "external" && to.kind === "external") {
    throw new EndpointError(`${from.name} -> ${to.name}: at least one side must be a pod of the cluster`);
  }
  const egress = from.kind === "pod" ? direction(model, "egress", from.group, to, port, protocol, family) : EXTERNAL.egress;
  const ingress = to.kind === "pod" ? direction(model, "ingress", to.group, from, port, protocol, family) : EXTERNAL.ingress;
  const loopback = from.kind === "pod" && to.kind === "pod" && from.pod !== void 0 && from.pod === to.pod;
  const notes = egress.notes.length + ingress.notes.length === 0 && !loopback ? NO_NOTES : unique([...egress.notes, ...ingress.notes, ...loopback ? [LOOPBACK_NOTE] : []]);
  return {
    from: from.name,
    to: to.name,
    port,
    protocol,
    allowed: egress.allowed && ingress.allowed,
    egress,
    ingress,
    notes
  };
}
var NO_NOTES = [];
var LOOPBACK_NOTE = "a pod connecting to itself: NetworkPolicy leaves this undefined and CNIs differ (the upstream conformance tests ignore it); judged here like any other pair";
function isAllowed(model, from, to, port, protocol, family) {
  if (from.kind === "pod" && !direction(model, "egress", from.group, to, port, protocol, family).allowed)
    return false;
  return to.kind !== "pod" || direction(model, "ingress", to.group, from, port, protocol, family).allowed;
}
var EXTERNAL = {
  ingress: {
    direction: "ingress",
    outcome: "external",
    allowed: true,
    allowedBy: [],
    isolatedBy: [],
    notes: []
  },
  egress: {
    direction: "egress",
    outcome: "external",
    allowed: true,
    allowedBy: [],
    isolatedBy: [],
    notes: []
  }
};
function unique(list) {
  return [...new Set(list)];
}
var PROTOCOL_INDEX = { TCP: 0, UDP: 1, SCTP: 2 };
function direction(model, dir, self, peer, port, protocol, family) {
  const caches = self.verdicts ??= {
    ingress: /* @__PURE__ */ new Map(),
    egress: /* @__PURE__ */ new Map(),
    ingressExternal: /* @__PURE__ */ new Map(),
    egressExternal: /* @__PURE__ */ new Map()
  };
  const tail = (port * 3 + PROTOCOL_INDEX[protocol]) * 3 + (family === void 0 ? 0 : family === 4 ? 1 : 2);
  if (peer.kind === "pod") {
    const byTail = caches[dir];
    let cache2 = byTail.get(tail);
    if (!cache2) {
      cache2 = /* @__PURE__ */ new Map();
      byTail.set(tail, cache2);
    }
    let v2 = cache2.get(peer.group.id);
    if (!v2) {
      v2 = computeDirection(model, dir, self, peer, port, protocol, family);
      cache2.set(peer.group.id, v2);
    }
    return v2;
  }
  const cache = dir === "ingress" ? caches.ingressExternal : caches.egressExternal;
  const key = `${peer.ip.text}${peer.fqdn === void 0 ? "" : `@${peer.fqdn}`}|${tail}`;
  let v = cache.get(key);
  if (!v) {
    v = computeDirection(model, dir, self, peer, port, protocol, family);
    cache.set(key, v);
  }
  return v;
}
function policyRef(p) {
  return { namespace: p.namespace, name: p.name, ...p.source ? { source: p.source } : {} };
}
var NONE = Object.freeze([]);
var SCRATCH = [];
function computeDirection(model, dir, self, peer, port, protocol, family) {
  const isolating = isolatingPolicies(model, self)[dir];
  if (isolating.length === 0) {
    return {
      direction: dir,
      outcome: "not-isolated",
      allowed: true,
      allowedBy: NONE,
      isolatedBy: NONE,
      notes: NONE
    };
  }
  const destinationPorts = dir === "ingress" ? self.ports : peer.kind === "pod" ? peer.group.ports : void 0;
  const notes = SCRATCH;
  let allowedBy;
  let firm = false;
  let allowingNotes;
  let nearNotes;
  const judge = (policy, rule) => {
    notes.length = 0;
    const ports = rule.ports ? judgePorts(rule.ports, port, protocol, destinationPorts, model, notes) : "match";
    if (ports === "miss") return;
    const split = notes.length;
    const peers = rule.peers ? judgePeers(rule.peers, peer, family, model, notes) : "match";
    if (peers === "miss") return;
    if (ports !== "near" && peers !== "near") {
      (allowedBy ??= []).push(ruleRef(policy, rule, dir));
      if (notes.length === 0) firm = true;
      else if (!firm) (allowingNotes ??= []).push(...notes);
    } else if (allowedBy === void 0) {
      const from = ports === "near" ? 0 : split;
      const to = peers === "near" ? notes.length : split;
      for (let i = from; i < to; i++) (nearNotes ??= []).push(notes[i]);
    }
  };
  for (const policy of isolating) {
    const rules = dir === "ingress" ? policy.ingress : policy.egress;
    const candidates = candidateRules(rules, peer, family);
    if (candidates === void 0) for (const rule of rules) judge(policy, rule);
    else for (const i of candidates) judge(policy, rules[i]);
  }
  const ruleNotes = allowedBy ? firm ? void 0 : allowingNotes : nearNotes;
  const profile = model.profile;
  const sctp = protocol === "SCTP" && !profile.sctpSupported ? profile.notes["sctp"] ?? `${profile.name}: SCTP is not supported by this CNI` : void 0;
  return {
    direction: dir,
    outcome: allowedBy ? "allowed" : "denied",
    allowed: allowedBy !== void 0,
    allowedBy: allowedBy ?? NONE,
    isolatedBy: isolatingRefs(self, dir, isolating),
    notes: sctp !== void 0 ? unique([sctp, ...ruleNotes ?? []]) : ruleNotes === void 0 ? NONE : unique(ruleNotes)
  };
}
function fold(so, hit, notes, mark, before) {
  const noted = notes.length > before;
  if (hit && !noted) {
    notes.length = mark;
    return "match";
  }
  if (hit) {
    if (so !== "noted") {
      const note = notes[before];
      notes.length = mark;
      notes.push(note);
    }
    return "noted";
  }
  if (so === "noted") {
    notes.length = before;
    return so;
  }
  return noted ? "near" : so;
}
function judgePorts(ports, port, protocol, destinationPorts, model, notes) {
  const mark = notes.length;
  let so = "miss";
  for (let i = 0; i < ports.length && so !== "match"; i++) {
    const before = notes.length;
    const hit = portMatches(ports[i], port, protocol, destinationPorts, model, notes);
    so = fold(so, hit, notes, mark, before);
  }
  return so;
}
function judgePeers(peers, other, family, model, notes) {
  const mark = notes.length;
  let so = "miss";
  for (let i = 0; i < peers.length && so !== "match"; i++) {
    const before = notes.length;
    const hit = peerMatches(peers[i], other, family, model, notes);
    so = fold(so, hit, notes, mark, before);
  }
  return so;
}
function ruleRef(policy, rule, dir) {
  if (rule.ref) return rule.ref;
  const source = rule.origins[0] ?? policy.source;
  rule.ref = {
    namespace: policy.namespace,
    policy: policy.name,
    direction: dir,
    ruleIndex: rule.index,
    ...source ? { source } : {},
    ...rule.origins.length > 1 ? { origins: rule.origins } : {}
  };
  return rule.ref;
}
function isolatingRefs(group, dir, isolating) {
  const refs = group.isolatingRefs ??= {};
  return refs[dir] ??= isolating.map(policyRef);
}
function portMatches(entry2, port, protocol, destinationPorts, model, notes) {
  if (entry2.protocol !== protocol) return false;
  if (entry2.name !== void 0) {
    return (destinationPorts ?? []).some(
      (cp) => cp.name === entry2.name && (cp.protocol ?? "TCP") === protocol && cp.containerPort === port
    );
  }
  if (entry2.port === void 0) return true;
  if (entry2.endPort !== void 0 && entry2.endPort > entry2.port) {
    if (port === entry2.port) return true;
    if (port < entry2.port || port > entry2.endPort) return false;
    const profile = model.profile;
    if (profile.endPortSupported) {
      notes?.push(
        profile.notes["endPort"] ?? `${profile.name}: port ${port} is allowed by the endPort range ${entry2.port}-${entry2.endPort}; a CNI without endPort support would match port ${entry2.port} only`
      );
      return true;
    }
    notes?.push(
      profile.notes["endPort"] ?? `${profile.name}: endPort is not supported, so the range ${entry2.port}-${entry2.endPort} matches port ${entry2.port} only`
    );
    return false;
  }
  return port === entry2.port;
}
function peerMatches(peer, other, family, model, notes) {
  switch (peer.kind) {
    case "invalid":
      return false;
    case "fqdn": {
      if (other.kind !== "external" || other.fqdn === void 0) return false;
      const name = other.fqdn.toLowerCase().replace(/\.$/, "");
      return peer.patterns.some((p) => p.test(name));
    }
    case "pods": {
      if (other.kind !== "pod") return false;
      const ns = other.group.namespace;
      const nsMatches = peer.namespaceSelector ? peer.namespaceSelector.matches(ns.labels) : ns.name === peer.policyNamespace;
      return nsMatches && (peer.podSelector ? peer.podSelector.matches(other.group.labels) : true);
    }
    case "ipBlock": {
      if (other.kind === "external") return ipBlockContains(peer.block, other.ip);
      if (family === void 0 || !other.group.ipBlocksByFamily[family].has(peer.block.id)) return false;
      const profile = model.profile;
      notes?.push(
        profile.notes["ipBlock"] ?? `${profile.name}: ipBlock ${profile.ipBlockMatchesPodIps ? "matches" : "does not match"} pod IPs`
      );
      return profile.ipBlockMatchesPodIps;
    }
  }
}

// action/src/semantics/synthetic-endpoints.ts
function endpointKey(e) {
  switch (e.kind) {
    case "service":
      return `svc:${e.namespace}/${e.service}`;
    case "namespace":
      return `ns:${e.namespace}`;
    case "cidr":
      return `cidr:${e.cidr}${e.except.length > 0 ? ` except ${[...e.except].sort().join(",")}` : ""}`;
    case "fqdn":
      return `fqdn:${e.fqdn.toLowerCase()}`;
  }
}
var EndpointList = class {
  list = [];
  byLabel = /* @__PURE__ */ new Map();
  add(e) {
    if (this.byLabel.has(e.label)) return;
    this.byLabel.set(e.label, e);
    this.list.push(e);
  }
  get(label) {
    return this.byLabel.get(label);
  }
};

// action/src/semantics/synthetic-addresses.ts
var INTERNET_V4 = ["203.0.113.77", "192.0.2.77", "198.18.0.77", "100.64.0.77", "8.8.4.77"];
var INTERNET_V6 = ["2001:db8:ffff::77", "3fff::77", "2001:4860::77", "fc00::77"];
function declaredAddresses(sides) {
  const cidrs = [];
  const seen = /* @__PURE__ */ new Set();
  const addCidr = (cidrText, except, key) => {
    const cidr = parseCidr(cidrText);
    if (!cidr) return;
    const label = except.length > 0 ? `${cidrText} except ${[...except].sort().join(", ")}` : cidrText;
    if (seen.has(label)) return;
    seen.add(label);
    cidrs.push({
      label,
      cidr,
      except: except.map(parseCidr).filter((c) => c !== void 0),
      key
    });
  };
  const fqdns = /* @__PURE__ */ new Map();
  for (const [, env] of sides) {
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind === "cidr") addCidr(e.cidr, e.except, endpointKey(e));
        if (e.kind === "fqdn") fqdns.set(e.fqdn.toLowerCase(), endpointKey(e));
      }
    }
    for (const c of env.nodeCidrs) addCidr(c, [], `cidr:${c}`);
  }
  cidrs.sort((a, b) => a.label.localeCompare(b.label));
  return { cidrs, fqdns };
}
function addressEndpoints(endpoints, sides, externalPorts) {
  const exists = { base: sides.some(([s]) => s === "base"), head: sides.some(([s]) => s === "head") };
  const { cidrs, fqdns } = declaredAddresses(sides);
  const usedIps = /* @__PURE__ */ new Set();
  const addAddress = (label, ip, flowKeys, description, kind) => {
    if (usedIps.has(ip)) {
      const same = endpoints.list.find((e) => e.ip === ip);
      if (same) {
        for (const k of flowKeys) if (!same.flowKeys.includes(k)) same.flowKeys.push(k);
      }
      return;
    }
    usedIps.add(ip);
    endpoints.add({
      label,
      kind,
      pods: {},
      ip,
      exists: { ...exists },
      flowKeys,
      ports: externalPorts.list(),
      description
    });
  };
  for (const d of cidrs) {
    const rep = representativeAddress(d.cidr, d.except);
    if (rep) addAddress(d.label, rep.text, [d.key], `an address in ${d.label} (${rep.text})`, "external");
    for (const e of d.except) {
      const inner = representativeAddress(e);
      if (inner)
        addAddress(
          e.text,
          inner.text,
          [],
          `an address in ${e.text}, excepted from ${d.cidr.text} (${inner.text})`,
          "external"
        );
    }
  }
  const covered = (ip) => {
    const parsed = parseIp(ip);
    return parsed !== void 0 && cidrs.some((d) => cidrContains(d.cidr, parsed));
  };
  const internet4 = INTERNET_V4.find((ip) => !covered(ip)) ?? INTERNET_V4[0];
  addAddress("internet", internet4, [], `any address the intent does not declare (${internet4})`, "internet");
  if (cidrs.some((d) => d.cidr.family === 6)) {
    const internet6 = INTERNET_V6.find((ip) => !covered(ip)) ?? INTERNET_V6[0];
    addAddress(
      "internet (IPv6)",
      internet6,
      [],
      `any IPv6 address the intent does not declare (${internet6})`,
      "internet"
    );
  }
  for (const fqdn of [...fqdns.keys()].sort()) {
    endpoints.add({
      label: fqdn,
      kind: "fqdn",
      pods: {},
      ip: internet4,
      // A name the pattern covers: "*.example.com" stands for "wildcard.example.com".
      fqdn: fqdn.replace(/\*/g, "wildcard"),
      exists: { ...exists },
      flowKeys: [fqdns.get(fqdn)],
      ports: externalPorts.list(),
      description: `the addresses of ${fqdn}`
    });
  }
}

// action/src/semantics/synthetic-ports.ts
function portProbe(p) {
  if (p.port === void 0) return void 0;
  if (p.endPort !== void 0 && p.endPort > p.port) {
    return { protocol: p.protocol, ports: [p.port, p.endPort], label: `${p.port}-${p.endPort}` };
  }
  return { protocol: p.protocol, ports: [p.port], label: String(p.port) };
}
var PortSet = class {
  byKey = /* @__PURE__ */ new Map();
  add(p) {
    if (p) this.byKey.set(`${p.protocol}/${p.label}`, p);
  }
  list() {
    return [...this.byKey.values()].sort(
      (a, b) => (a.ports[0] ?? 0) - (b.ports[0] ?? 0) || a.protocol.localeCompare(b.protocol) || a.label.localeCompare(b.label)
    );
  }
};
function portPlan(present, mentioned) {
  const allRanges = [...mentioned, { protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }];
  for (const env of present) {
    for (const ns of env.namespaces) for (const svc of ns.services) allRanges.push(...svc.ports);
    for (const flow of env.flows) allRanges.push(...flow.ports);
  }
  const protocols = ["TCP", "UDP"];
  if (allRanges.some((r) => r.protocol === "SCTP")) protocols.push("SCTP");
  const otherPort = pickOtherPort(allRanges);
  const otherPorts = protocols.map((protocol) => ({ protocol, ports: [otherPort], label: "*" }));
  const externalPorts = new PortSet();
  for (const env of present) {
    for (const flow of env.flows) {
      if (flow.to.kind === "cidr" || flow.to.kind === "fqdn")
        for (const p of flow.ports) externalPorts.add(portProbe(p));
    }
  }
  for (const p of otherPorts) externalPorts.add(p);
  return { otherPorts, externalPorts };
}
function pickOtherPort(ranges) {
  const taken = (n) => ranges.some(
    (r) => r.port !== void 0 && n >= r.port && n <= (r.endPort !== void 0 && r.endPort > r.port ? r.endPort : r.port)
  );
  for (const candidate of [65e3, 64999, 6e4, 5e4, 4e4, 3e4, 2e4, 1e4, 5e3, 1e3, 100, 7]) {
    if (!taken(candidate)) return candidate;
  }
  for (let n = 65535; n >= 1; n--) if (!taken(n)) return n;
  return 65535;
}

// action/src/semantics/synthetic-pods.ts
function namespaceObject(name, labels = {}) {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { ...labels, [METADATA_NAME_LABEL]: name } }
  };
}
function namespaceObjects(sides) {
  const objects = { base: /* @__PURE__ */ new Map(), head: /* @__PURE__ */ new Map() };
  const declared = /* @__PURE__ */ new Set();
  for (const [side, env] of sides) {
    for (const ns of env.namespaces) {
      declared.add(ns.name);
      objects[side].set(ns.name, namespaceObject(ns.name, ns.labels));
    }
    if (!objects[side].has(env.dns.namespace))
      objects[side].set(env.dns.namespace, namespaceObject(env.dns.namespace));
  }
  let other = "other";
  for (let i = 1; declared.has(other); i++) other = `other-${i}`;
  for (const [side] of sides) objects[side].set(other, namespaceObject(other));
  return { objects, declared, other };
}
function makePod(namespace, name, labels, ports) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: "main", ports }] }
  };
}
function containerPorts(ports) {
  return ports.map((p) => ({
    containerPort: p.port,
    protocol: p.protocol,
    ...p.name !== void 0 ? { name: p.name } : {}
  }));
}
function podEndpoints(endpoints, sides, namespaces, otherPorts) {
  serviceEndpoints(endpoints, sides, otherPorts);
  namespaceEndpoints(endpoints, sides, namespaces.declared, otherPorts);
  dnsEndpoints(endpoints, sides, otherPorts);
  const onSide = (side) => sides.some(([s]) => s === side);
  const pod = () => makePod(namespaces.other, "other", {}, []);
  endpoints.add({
    label: "(other namespace)",
    kind: "other-namespace",
    pods: { ...onSide("base") ? { base: pod() } : {}, ...onSide("head") ? { head: pod() } : {} },
    exists: { base: onSide("base"), head: onSide("head") },
    flowKeys: [],
    ports: otherPorts,
    description: "a pod in a namespace the intent does not declare"
  });
}
function serviceEndpoints(endpoints, sides, otherPorts) {
  const names = /* @__PURE__ */ new Set();
  for (const [, env] of sides)
    for (const ns of env.namespaces) for (const s of ns.services) names.add(`${ns.name}/${s.name}`);
  for (const key of [...names].sort()) {
    const [nsName, svcName] = key.split("/");
    const pods = {};
    const ports = new PortSet();
    for (const [side, env] of sides) {
      const svc = env.namespaces.find((n) => n.name === nsName)?.services.find((s) => s.name === svcName);
      if (!svc) continue;
      pods[side] = makePod(nsName, `svc.${svcName}`, svc.labels, containerPorts(svc.ports));
      for (const p of svc.ports) ports.add(portProbe(p));
    }
    for (const p of otherPorts) ports.add(p);
    endpoints.add({
      label: key,
      kind: "service",
      pods,
      exists: { base: pods.base !== void 0, head: pods.head !== void 0 },
      flowKeys: [`svc:${key}`],
      ports: ports.list(),
      description: `service ${key}`
    });
  }
}
function namespaceEndpoints(endpoints, sides, declared, otherPorts) {
  const flowPorts = /* @__PURE__ */ new Map();
  const podLabelsOf = /* @__PURE__ */ new Map();
  for (const [, env] of sides) {
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind !== "namespace") continue;
        if (e.podLabels && Object.keys(e.podLabels).length > 0) podLabelsOf.set(e.namespace, e.podLabels);
      }
      if (flow.to.kind === "namespace") {
        const set = flowPorts.get(flow.to.namespace) ?? new PortSet();
        for (const p of flow.ports) set.add(portProbe(p));
        flowPorts.set(flow.to.namespace, set);
      }
    }
  }
  const envOf = (side) => sides.find(([s]) => s === side)?.[1];
  for (const nsName of [...declared].sort()) {
    const existsOn = (side) => envOf(side)?.namespaces.some((n) => n.name === nsName) ?? false;
    const exists = { base: existsOn("base"), head: existsOn("head") };
    const podsOn = (name, labels) => ({
      ...exists.base ? { base: makePod(nsName, name, labels, []) } : {},
      ...exists.head ? { head: makePod(nsName, name, labels, []) } : {}
    });
    const ports = flowPorts.get(nsName) ?? new PortSet();
    for (const p of otherPorts) ports.add(p);
    const podLabels = podLabelsOf.get(nsName);
    if (podLabels) {
      endpoints.add({
        label: `ns:${nsName}`,
        kind: "namespace",
        pods: podsOn("ns.selected", podLabels),
        exists: { ...exists },
        flowKeys: [`ns:${nsName}`],
        ports: ports.list(),
        description: `the pods of ${nsName} with ${Object.entries(podLabels).map(([k, v]) => `${k}=${v}`).join(",")}`
      });
    }
    endpoints.add({
      label: podLabels ? `${nsName}/(other pods)` : `ns:${nsName}`,
      kind: "namespace",
      pods: podsOn("ns.other-pods", {}),
      exists: { ...exists },
      flowKeys: podLabels ? [] : [`ns:${nsName}`],
      ports: (podLabels ? new PortSet() : ports).list().concat(podLabels ? otherPorts : []),
      description: `a pod of ${nsName} that no declared service selects`
    });
  }
}
function dnsEndpoints(endpoints, sides, otherPorts) {
  for (const [side, env] of sides) {
    const label = `${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`;
    const existing = endpoints.get(label);
    const pod = makePod(
      env.dns.namespace,
      "dns",
      env.dns.podLabels,
      ["UDP", "TCP"].map((protocol) => ({
        name: protocol === "UDP" ? "dns" : "dns-tcp",
        containerPort: 53,
        protocol
      }))
    );
    if (existing?.kind === "dns") {
      existing.pods[side] = pod;
      existing.exists[side] = true;
      continue;
    }
    if (existing) continue;
    endpoints.add({
      label,
      kind: "dns",
      pods: { [side]: pod },
      exists: { base: side === "base", head: side === "head" },
      flowKeys: [],
      ports: [
        { protocol: "UDP", ports: [53], label: "53" },
        { protocol: "TCP", ports: [53], label: "53" },
        ...otherPorts
      ],
      description: `the DNS pods in ${env.dns.namespace}`
    });
  }
}

// action/src/semantics/synthetic-inventory.ts
var HEAD_ONLY = /* @__PURE__ */ new WeakMap();
function syntheticInventory(base, head, mentioned = []) {
  const shared = base === void 0 && head !== void 0 && mentioned.length === 0;
  const known = shared ? HEAD_ONLY.get(head) : void 0;
  if (known) return known;
  const sides = [];
  if (base) sides.push(["base", base]);
  if (head) sides.push(["head", head]);
  const ports = portPlan(
    sides.map(([, env]) => env),
    mentioned
  );
  const namespaces = namespaceObjects(sides);
  const endpoints = new EndpointList();
  podEndpoints(endpoints, sides, namespaces, ports.otherPorts);
  addressEndpoints(endpoints, sides, ports.externalPorts);
  const inventory = {
    endpoints: endpoints.list,
    namespaces: { base: [...namespaces.objects.base.values()], head: [...namespaces.objects.head.values()] }
  };
  if (shared) HEAD_ONLY.set(head, inventory);
  return inventory;
}

// action/src/semantics/verdict-inputs.ts
function sortedEntries(record) {
  return Object.keys(record).sort().map((k) => [k, record[k]]);
}
var VerdictInputs = class {
  /** Policies by content (kind, namespace, spec), numbered in the order first read. */
  contents = /* @__PURE__ */ new Map();
  policies = /* @__PURE__ */ new Map();
  policyNumber(p) {
    let n = this.policies.get(p);
    if (n === void 0) {
      const text = JSON.stringify([p.original.kind, p.namespace, p.original.spec]);
      n = this.contents.get(text);
      if (n === void 0) {
        n = this.contents.size;
        this.contents.set(text, n);
      }
      this.policies.set(p, n);
    }
    return n;
  }
  /** What a verdict reads of a pod of `model`. */
  pod(model, pod) {
    const group = pod.group;
    const isolating = isolatingPolicies(model, group);
    const blocks = (family) => [...group.ipBlocksByFamily[family]].map((id) => model.ipBlocks[id]?.text ?? "").sort();
    return {
      what: JSON.stringify([
        group.namespace.name,
        sortedEntries(group.namespace.labels),
        sortedEntries(pod.labels),
        pod.ports.map((p) => [p.name ?? "", p.protocol ?? "TCP", p.containerPort]).sort(),
        blocks(4),
        blocks(6)
      ]),
      egress: isolating.egress.map((p) => this.policyNumber(p)).join(","),
      ingress: isolating.ingress.map((p) => this.policyNumber(p)).join(",")
    };
  }
  /** What a verdict reads of an address outside the cluster (no policy applies there). */
  address(ip, fqdn) {
    return { what: JSON.stringify([ip.text, fqdn ?? null]), egress: "", ingress: "" };
  }
};

// action/src/semantics/diff.ts
function policiesOfBundle(bundle) {
  const policies = [];
  const ciliumPolicies = [];
  for (const obj of bundle?.objects ?? []) {
    if (obj.manifest.kind === "NetworkPolicy") {
      policies.push({ policy: obj.manifest, ...obj.ruleOrigins ? { ruleOrigins: obj.ruleOrigins } : {} });
    } else if (obj.manifest.kind === "CiliumNetworkPolicy") {
      ciliumPolicies.push({
        policy: obj.manifest,
        ...obj.ruleOrigins ? { ruleOrigins: obj.ruleOrigins } : {}
      });
    }
  }
  return { policies, ciliumPolicies };
}
function mentionedPorts(bundles) {
  const out = [];
  for (const b of bundles) {
    for (const obj of b?.objects ?? []) {
      if (obj.manifest.kind !== "NetworkPolicy") continue;
      for (const rule of [...obj.manifest.spec.ingress ?? [], ...obj.manifest.spec.egress ?? []]) {
        for (const p of rule.ports ?? []) {
          if (typeof p.port === "number") {
            out.push({
              protocol: p.protocol ?? "TCP",
              port: p.port,
              ...p.endPort !== void 0 ? { endPort: p.endPort } : {}
            });
          }
        }
      }
    }
  }
  return out;
}
function allowed(s) {
  return s.kind === "judged" && s.verdict.allowed;
}
function merelyOpen(v) {
  return v.egress.allowedBy.length === 0 && v.ingress.allowedBy.length === 0;
}
function classify2(j, pickSource, absentReason, absentSummary = absentReason) {
  const a = allowed(j.base);
  const b = allowed(j.head);
  if (a === b) return void 0;
  const change = b ? "added" : "removed";
  const now = change === "added" ? j.head : j.base;
  const before = change === "added" ? j.base : j.head;
  const nowSide = change === "added" ? "head" : "base";
  const beforeSide = change === "added" ? "base" : "head";
  if (before.kind === "absent" && merelyOpen(now.verdict)) return void 0;
  const rule = responsibleRule(now.verdict, before);
  const ruleRef2 = rule ? (() => {
    const source = pickSource(nowSide, rule);
    const { origins: _origins, ...rest } = rule;
    return { ...rest, ...source ? { source } : {} };
  })() : void 0;
  const portText = `${j.portLabel === "*" ? "any other port" : j.portLabel}/${j.protocol}`;
  const allowedText = describeAllowed(now.verdict, j.from, j.to, portText, ruleRef2);
  const otherText = before.kind === "absent" ? absentReason(beforeSide) : describeBlocked(before.verdict, j.from, j.to, portText);
  const explanation = change === "added" ? `now allowed: ${allowedText}; before: ${otherText}` : `now ${otherText}; before: allowed: ${allowedText}`;
  const cause = before.kind === "absent" ? "endpoint" : "rules";
  return {
    change,
    from: j.from,
    to: j.to,
    port: j.portLabel,
    protocol: j.protocol,
    ...ruleRef2 ? { rule: ruleRef2 } : {},
    explanation,
    summary: before.kind === "absent" ? absentSummary(beforeSide) : change === "added" ? allowedSummary(now.verdict, before.verdict) : blockedSummary(before.verdict),
    cause
  };
}
function allowedSummary(now, before) {
  const opened = [now.egress, now.ingress].filter((d) => d.allowedBy.length > 0 && !before[d.direction].allowed).map((d) => d.direction);
  if (opened.length === 0) return "no longer isolated";
  return opened.length === 1 ? `an ${opened[0]} rule now allows it` : `${opened.join(" and ")} rules now allow it`;
}
function blockedSummary(v) {
  const denied = [v.egress, v.ingress].filter((d) => !d.allowed).map((d) => d.direction);
  return `no ${denied.join(" or ")} rule allows it now`;
}
function responsibleRule(now, before) {
  const dirs = ["egress", "ingress"];
  for (const d of dirs) {
    const n = now[d];
    if (n.allowedBy.length === 0) continue;
    if (before.kind === "absent" || !before.verdict[d].allowed) return n.allowedBy[0];
  }
  for (const d of dirs) if (now[d].allowedBy.length > 0) return now[d].allowedBy[0];
  return void 0;
}
function describeAllowed(v, from, to, portText, rule) {
  const parts = [];
  for (const d of [v.egress, v.ingress]) {
    if (d.outcome === "external") continue;
    const subject = d.direction === "egress" ? from : to;
    if (d.outcome === "allowed") {
      const shown = rule && rule.direction === d.direction ? rule : d.allowedBy[0];
      parts.push(`${d.direction} at ${subject} by ${shown ? formatRule(shown) : "a rule"}`);
    } else parts.push(explainDirection(d, subject, d.direction === "egress" ? to : from, portText));
  }
  return parts.join(", ");
}
function describeBlocked(v, from, to, portText) {
  const denied = [v.egress, v.ingress].filter((d) => !d.allowed);
  if (denied.length === 0) return "allowed";
  return `blocked: ${denied.map((d) => {
    const subject = d.direction === "egress" ? from : to;
    return `${d.direction} at ${subject} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")} with no rule for ${portText}`;
  }).join("; ")}`;
}
function endpointPhrase(e) {
  switch (e.kind) {
    case "service":
      return `service ${e.label}`;
    case "namespace":
      return `namespace ${e.label.replace(/^ns:/, "").replace(/\/\(other pods\)$/, "")}`;
    default:
      return e.description;
  }
}
function builtinOf(src, dst, c, envs) {
  if (dst.kind === "dns" || c.rule?.policy === ALLOW_DNS_NAME) return "dns";
  const nodeCidrs = /* @__PURE__ */ new Set([...envs.base?.nodeCidrs ?? [], ...envs.head?.nodeCidrs ?? []]);
  if (src.kind === "external" && nodeCidrs.has(src.label)) return "node-cidrs";
  return void 0;
}
function portNameOf(dst, c, envs) {
  if (dst.kind !== "service") return void 0;
  const [nsName, svcName] = dst.label.split("/");
  for (const side of c.change === "added" ? ["head", "base"] : ["base", "head"]) {
    const svc = envs[side]?.namespaces.find((n) => n.name === nsName)?.services.find((x) => x.name === svcName);
    const port = svc?.ports.find(
      (p) => p.name !== void 0 && p.protocol === c.protocol && (p.endPort !== void 0 && p.endPort !== p.port ? `${p.port}-${p.endPort}` : String(p.port)) === c.port
    );
    if (port?.name) return port.name;
  }
  return void 0;
}
function compareChanges(a, b) {
  const portNum = (p) => p === "*" ? 7e4 : Number(p.split("-")[0]);
  return (a.change === b.change ? 0 : a.change === "added" ? -1 : 1) || cmp(a.from, b.from) || cmp(a.to, b.to) || portNum(a.port) - portNum(b.port) || cmp(a.protocol, b.protocol) || cmp(a.port, b.port);
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sourceKey(s) {
  return `${s.file}:${s.line}:${s.column}`;
}
function alikeOnBothSides(models, parties) {
  const { base, head } = models;
  const asSource = [];
  const asDestination = [];
  if (!base || !head || JSON.stringify(base.profile) !== JSON.stringify(head.profile))
    return { asSource, asDestination };
  const inputs = new VerdictInputs();
  const read = (model, party) => {
    if (party?.kind === "external") return inputs.address(party.ip, party.fqdn);
    return party?.pod ? inputs.pod(model, party.pod) : void 0;
  };
  parties.base.forEach((party, i) => {
    const b = read(base, party);
    const h = read(head, parties.head[i]);
    const same = b !== void 0 && h !== void 0 && b.what === h.what;
    asSource.push(same && b.egress === h.egress);
    asDestination.push(same && b.ingress === h.ingress);
  });
  return { asSource, asDestination };
}
function familyOf(from, to) {
  return from?.kind === "external" ? from.ip.family : to?.kind === "external" ? to.ip.family : void 0;
}
function allowedOn(model, [from, to], port, protocol) {
  return model !== void 0 && from !== void 0 && to !== void 0 && isAllowed(model, from, to, port, protocol, familyOf(from, to));
}
function diffEnvironments(base, head, compiled = {}) {
  const bundles = {
    base: base ? compiled.base ?? compileEnvironment(base) : void 0,
    head: head ? compiled.head ?? compileEnvironment(head) : void 0
  };
  return diffCompiled({ base, head, bundles });
}
function diffCompiled(input) {
  const { base, head, bundles } = input;
  const environment = head?.name ?? base?.name ?? "";
  const inventory = syntheticInventory(base, head, mentionedPorts([bundles.base, bundles.head]));
  const envs = { base, head };
  const models = { base: void 0, head: void 0 };
  for (const side of ["base", "head"]) {
    const env = envs[side];
    if (!env) continue;
    const { policies, ciliumPolicies } = policiesOfBundle(bundles[side]);
    models[side] = buildModel({
      pods: inventory.endpoints.map((e) => e.pods[side]).filter((p) => p !== void 0),
      namespaces: inventory.namespaces[side],
      policies,
      ciliumPolicies,
      profile: env.profile
    });
  }
  const flowsBySource = { base: /* @__PURE__ */ new Map(), head: /* @__PURE__ */ new Map() };
  for (const side of ["base", "head"])
    for (const f of envs[side]?.flows ?? []) flowsBySource[side].set(sourceKey(f.source), f);
  const party = (side, e) => {
    const model = models[side];
    if (!model || !e.exists[side]) return void 0;
    const pod = e.pods[side];
    if (pod) {
      const info = model.podsByKey.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
      return info ? { kind: "pod", group: info.group, name: e.label, pod: info } : void 0;
    }
    const ip = e.ip ? parseIp(e.ip) : void 0;
    if (!ip) return void 0;
    return { kind: "external", ip, name: e.label, ...e.fqdn !== void 0 ? { fqdn: e.fqdn } : {} };
  };
  const endpoints = inventory.endpoints;
  const parties = {
    base: endpoints.map((e) => party("base", e)),
    head: endpoints.map((e) => party("head", e))
  };
  const alike = alikeOnBothSides(models, parties);
  const changes = [];
  const everyIndex = endpoints.map((_, j) => j);
  const inClusterIndex = everyIndex.filter((j) => endpoints[j]?.ip === void 0);
  endpoints.forEach((src, i) => {
    if (src.kind === "fqdn") return;
    for (const j of src.ip !== void 0 ? inClusterIndex : everyIndex) {
      const dst = endpoints[j];
      if (src.ip !== void 0 && dst.ip !== void 0) continue;
      if (alike.asSource[i] && alike.asDestination[j]) continue;
      const pair = {
        base: [parties.base[i], parties.base[j]],
        head: [parties.head[i], parties.head[j]]
      };
      for (const probe of dst.ports) {
        let differs = false;
        for (const port of probe.ports)
          differs ||= allowedOn(models.base, pair.base, port, probe.protocol) !== allowedOn(models.head, pair.head, port, probe.protocol);
        if (!differs) continue;
        const state = (side, port) => {
          const [f, t] = pair[side];
          if (!f || !t) return { kind: "absent" };
          return {
            kind: "judged",
            verdict: evaluateParties(models[side], f, t, port, probe.protocol, familyOf(f, t))
          };
        };
        const judged = probe.ports.map((port) => ({
          from: src.label,
          to: dst.label,
          portLabel: String(port),
          protocol: probe.protocol,
          base: state("base", port),
          head: state("head", port)
        }));
        const first = judged[0];
        const agree = judged.every(
          (j2) => allowed(j2.base) === allowed(first.base) && allowed(j2.head) === allowed(first.head)
        );
        const list = agree ? [{ ...first, portLabel: probe.label }] : judged;
        const pickSource = (side, rule) => {
          const candidates = rule.origins ?? (rule.source ? [rule.source] : []);
          for (const c of candidates) {
            const flow = flowsBySource[side].get(sourceKey(c));
            if (flow && src.flowKeys.includes(endpointKey(flow.from)) && dst.flowKeys.includes(endpointKey(flow.to)))
              return c;
          }
          return candidates[0];
        };
        const absentReason = (side) => {
          if (!envs[side]) return `environment ${environment} does not exist in ${side}`;
          const missing = [src, dst].filter((e) => !e.exists[side]).map((e) => e.description);
          return `${missing.join(" and ")} ${missing.length > 1 ? "do" : "does"} not exist in ${side}`;
        };
        const absentSummary = (side) => {
          const gone = side === "base" ? "new" : "removed";
          if (!envs[side]) return `${gone} environment`;
          const missing = [src, dst].filter((e) => !e.exists[side]).map(endpointPhrase);
          return side === "base" ? `new ${missing.join(" and ")}` : `${missing.join(" and ")} removed`;
        };
        for (const j2 of list) {
          const c = classify2(j2, pickSource, absentReason, absentSummary);
          if (!c) continue;
          c.fromKind = src.kind;
          c.toKind = dst.kind;
          const builtin = builtinOf(src, dst, c, envs);
          if (builtin) c.builtin = builtin;
          const portName = portNameOf(dst, c, envs);
          if (portName) c.portName = portName;
          changes.push(c);
        }
      }
    }
  });
  changes.sort(compareChanges);
  const services = (env) => new Set(env?.namespaces.flatMap((n) => n.services.map((s) => `${n.name}/${s.name}`)) ?? []);
  const namespaces = (env) => new Set(env?.namespaces.map((n) => n.name) ?? []);
  const added = (a, b) => [...b].filter((x) => !a.has(x)).sort();
  return {
    environment,
    changes,
    workloads: {
      added: added(services(base), services(head)),
      removed: added(services(head), services(base))
    },
    namespaces: {
      added: added(namespaces(base), namespaces(head)),
      removed: added(namespaces(head), namespaces(base))
    }
  };
}

// action/src/probe/plan-draft.ts
function targetText(d) {
  const t = d.to;
  if (t.pod !== void 0) return `${t.namespace}/${t.pod}`;
  if (t.ip !== void 0) return t.ip;
  return `dns:${t.dns}`;
}
function sourceText(d) {
  return d.identity?.label ?? d.from.outside ?? `${d.from.namespace}`;
}
function checkId(d) {
  return `${d.kind}:${sourceText(d)}->${targetText(d)}:${d.port}/${d.protocol}`;
}
function connectionSource(d) {
  return `${d.from.namespace}/${d.from.pod ?? d.from.outside}`;
}
function connectionTarget(d) {
  return `${targetText(d)}:${d.port}/${d.protocol}`;
}
var PlannedConnections = class {
  bySource = /* @__PURE__ */ new Map();
  has(source, target) {
    return this.bySource.get(source)?.has(target) ?? false;
  }
  /** The targets planned from a source so far (the set grows as the plan does). */
  targets(source) {
    return this.bySource.get(source);
  }
  /** Plans the connection; false when it was planned already. */
  add(source, target) {
    let targets = this.bySource.get(source);
    if (!targets) {
      targets = /* @__PURE__ */ new Set();
      this.bySource.set(source, targets);
    }
    if (targets.has(target)) return false;
    targets.add(target);
    return true;
  }
};

// action/src/probe/plan-expectations.ts
function reach(v) {
  return v.allowed ? "allowed" : "blocked";
}
function directionWhy(d) {
  if (d.outcome === "allowed")
    return `${d.direction} allowed by ${d.allowedBy.map((r) => `${r.namespace}/${r.policy}[${r.ruleIndex}]`).join(", ")}`;
  if (d.outcome === "denied")
    return `${d.direction} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")}`;
  return void 0;
}
function because(v) {
  const parts = v.allowed ? [directionWhy(v.egress), directionWhy(v.ingress)] : [
    v.egress.allowed ? void 0 : directionWhy(v.egress),
    v.ingress.allowed ? void 0 : directionWhy(v.ingress)
  ];
  const text = parts.filter((p) => p !== void 0).join("; ");
  return text !== "" ? text : "no policy isolates either side";
}
function portCovers(label, port) {
  if (label === "*") return true;
  const m = /^(\d+)(?:-(\d+))?$/.exec(label);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === void 0 ? lo : Number(m[2]);
  return port >= lo && port <= hi;
}
function changeListed(changes, from, to, port, protocol, opens) {
  return changes.some(
    (c) => c.change === (opens ? "added" : "removed") && c.from === from && to.includes(c.to) && c.protocol === protocol && portCovers(c.port, port)
  );
}
function expectations(input) {
  const probePods2 = input.identities.filter((id) => input.namespaces.has(id.namespace)).map((id) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace: id.namespace, name: id.pod, labels: probePodLabels(id, input.run) },
    spec: { containers: [{ name: "probe" }] }
  }));
  const modelOf = (set) => buildModel({
    pods: [...input.inventory.pods, ...probePods2],
    namespaces: input.inventory.namespaces,
    policies: set.policies,
    ciliumPolicies: (set.ciliumPolicies ?? []).map(
      (p) => p.policy ? p : { policy: p }
    ),
    profile: input.environment.profile
  });
  const after = modelOf(input.after);
  const before = input.before === input.after ? after : modelOf(input.before);
  const changes = input.diff?.changes ?? [];
  const judgeable = (d) => !d.cannotCheck && d.identity !== void 0 && d.judgeTo !== void 0;
  const probeOf = (d) => ({
    from: `${d.identity.namespace}/${d.identity.pod}`,
    to: d.judgeTo,
    port: d.port,
    protocol: d.protocol
  });
  return {
    expectAfter: (d) => judgeable(d) ? reach(evaluate(after, probeOf(d))) : "cannot-check",
    check: (d) => {
      const base = {
        id: checkId(d),
        kind: d.kind,
        from: d.from,
        to: d.to,
        port: d.port,
        protocol: d.protocol
      };
      if (d.portName !== void 0) base.portName = d.portName;
      if (d.source) base.source = d.source;
      if (!judgeable(d)) {
        const cannot = d.cannotCheck ?? {
          reason: "no-running-pod",
          message: "nothing to connect to"
        };
        return Object.assign(base, {
          expect: "cannot-check",
          expectBefore: "cannot-check",
          changeDeclared: false,
          reason: `${d.reason}; cannot check: ${cannot.message}`,
          cannotCheck: cannot.reason
        });
      }
      const probe = probeOf(d);
      const va = evaluate(after, probe);
      const vb = before === after ? va : evaluate(before, probe);
      const expect = reach(va);
      const expectBefore = reach(vb);
      const changeDeclared = expect !== expectBefore && changeListed(changes, d.identity.label, d.toLabels, d.port, d.protocol, expect === "allowed");
      return Object.assign(base, {
        expect,
        expectBefore,
        changeDeclared,
        reason: d.reason,
        because: because(va),
        judgedTo: d.judgeTo
      });
    }
  };
}

// action/src/probe/plan-identities.ts
function labelsText(labels) {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(",");
}
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
var Identities = class {
  constructor(runId, env) {
    this.runId = runId;
    for (const ns of env.namespaces)
      for (const s of ns.services) this.services.set(`${ns.name}/${s.name}`, s);
  }
  runId;
  byKey = /* @__PURE__ */ new Map();
  services = /* @__PURE__ */ new Map();
  byService = /* @__PURE__ */ new Map();
  get(namespace, labels, label, service) {
    const key = `${namespace}\0${labelsText(labels)}`;
    let id = this.byKey.get(key);
    if (!id) {
      const slug = (service ?? namespace).replace(/[^a-z0-9-]/g, "-").slice(0, 24).replace(/-+$/, "");
      const pod = `np-probe-${slug}-${hash(`${this.runId}\0${key}`)}`;
      id = { namespace, labels, pod, label, ...service !== void 0 ? { service } : {} };
      this.byKey.set(key, id);
    }
    return id;
  }
  /** The identity of a declared service. */
  ofService(namespace, service) {
    let id = this.byService.get(service);
    if (!id) {
      id = this.get(namespace, service.labels, `${namespace}/${service.name}`, service.name);
      this.byService.set(service, id);
    }
    return id;
  }
  /** The declared service "namespace/name", if the intent has it. */
  service(key) {
    return this.services.get(key);
  }
  /** The identity a flow endpoint calls from; none for an address outside the cluster. */
  ofEndpoint(e) {
    if (e.kind === "service") {
      const svc = this.services.get(`${e.namespace}/${e.service}`);
      return svc ? this.ofService(e.namespace, svc) : void 0;
    }
    if (e.kind === "namespace") return this.get(e.namespace, e.podLabels ?? {}, `ns:${e.namespace}`);
    return void 0;
  }
  /** Every identity so far, by namespace and pod name. */
  all() {
    return [...this.byKey.values()].sort((a, b) => compareStrings(a.namespace, b.namespace) || compareStrings(a.pod, b.pod));
  }
};
function sourceOf(id) {
  const source = { namespace: id.namespace, labels: id.labels, pod: id.pod };
  if (id.service !== void 0) source.service = id.service;
  return source;
}

// action/src/probe/plan-inventory.ts
var PODS_PER_DESTINATION = 2;
function phaseOf(pod) {
  const status = pod.status;
  return typeof status?.phase === "string" ? status.phase : void 0;
}
function runningPods(pods) {
  const out = [];
  for (const pod of pods) {
    const phase = phaseOf(pod);
    if (phase !== void 0 && phase !== "Running") continue;
    if (pod.metadata?.deletionTimestamp) continue;
    if (pod.metadata?.labels?.[PROBE_LABEL] !== void 0) continue;
    const namespace = pod.metadata?.namespace;
    const name = pod.metadata?.name;
    if (!namespace || !name) continue;
    const ips = (pod.status?.podIPs ?? []).map((p) => p?.ip).filter((ip) => !!ip);
    const address = ips[0] ?? (pod.status?.podIP || void 0);
    const ports = (pod.spec?.containers ?? []).flatMap(
      (c) => (c?.ports ?? []).map((p) => ({
        ...p.name !== void 0 ? { name: p.name } : {},
        containerPort: p.containerPort,
        protocol: p.protocol ?? "TCP"
      }))
    );
    out.push({
      namespace,
      name,
      key: `${namespace}/${name}`,
      labels: pod.metadata.labels ?? {},
      ...address ? { address } : {},
      ports
    });
  }
  return out.sort((a, b) => compareStrings(a.key, b.key));
}
var LiveInventory = class {
  constructor(inventory) {
    this.inventory = inventory;
    for (const p of runningPods(inventory.pods)) {
      append(this.podsByNamespace, p.namespace, p);
      for (const [k, v] of Object.entries(p.labels))
        append(this.podsByLabel, `${p.namespace}\0${k}\0${v}`, p);
    }
    for (const n of inventory.namespaces) if (n.metadata?.name) this.namespaces.add(n.metadata.name);
    for (const p of inventory.pods) if (p.metadata?.namespace) this.namespaces.add(p.metadata.namespace);
  }
  inventory;
  /** Namespaces that exist: listed, or holding a pod. */
  namespaces = /* @__PURE__ */ new Set();
  podsByNamespace = /* @__PURE__ */ new Map();
  /** Running pods by namespace and one label ("namespace\0key\0value"), by key. */
  podsByLabel = /* @__PURE__ */ new Map();
  selected = /* @__PURE__ */ new Map();
  /** The running pods of a namespace with these labels (absent: every pod), by key. */
  podsOf(namespace, labels) {
    const key = `${namespace}\0${labels === void 0 ? "*" : labelsText(labels)}`;
    let pods = this.selected.get(key);
    if (!pods) {
      const wanted = labels ? Object.entries(labels) : [];
      const first = wanted[0];
      if (!first) pods = this.podsByNamespace.get(namespace) ?? [];
      else {
        const some = this.podsByLabel.get(`${namespace}\0${first[0]}\0${first[1]}`) ?? [];
        pods = some.filter((p) => wanted.every(([k, v]) => p.labels[k] === v && Object.hasOwn(p.labels, k)));
      }
      this.selected.set(key, pods);
    }
    return pods;
  }
  /** The ClusterIP of the Service in front of the DNS pods, when the inventory has it. */
  dnsServiceAddress(namespace, podLabels) {
    const candidates = this.inventory.services.filter((s) => s.metadata?.namespace === namespace).filter((s) => {
      const sel = s.spec?.selector;
      return sel !== void 0 && Object.keys(sel).length > 0 && selectorMatches({ matchLabels: sel }, podLabels);
    }).sort((a, b) => compareStrings(a.metadata.name, b.metadata.name));
    for (const s of candidates) {
      const ip = s.spec?.clusterIP;
      if (typeof ip === "string" && parseIp(ip)) return ip;
    }
    return void 0;
  }
};
function append(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function pickPods(pods) {
  if (pods.length <= 1) return pods;
  const seen = /* @__PURE__ */ new Set();
  const first = [];
  const rest = [];
  for (const p of pods) {
    const key = labelsText(p.labels);
    if (seen.has(key)) rest.push(p);
    else {
      seen.add(key);
      first.push(p);
    }
  }
  return [...first, ...rest].slice(0, PODS_PER_DESTINATION);
}
function podTarget(p, service) {
  const target = { namespace: p.namespace, pod: p.name };
  if (p.address !== void 0) target.address = p.address;
  if (service !== void 0) target.service = service;
  return target;
}

// action/src/probe/plan-targets.ts
var DeclaredPairs = class {
  callees = /* @__PURE__ */ new Map();
  add(caller, callee) {
    const set = this.callees.get(caller);
    if (set) set.add(callee);
    else this.callees.set(caller, /* @__PURE__ */ new Set([callee]));
  }
  has(caller, callee) {
    return this.callees.get(caller)?.has(callee) ?? false;
  }
  calleesOf(caller) {
    return this.callees.get(caller);
  }
};
function protocolProblem(profile, protocol) {
  return protocol === "SCTP" && !profile.sctpSupported ? {
    reason: "protocol-unsupported",
    message: `SCTP: ${profile.notes["sctp"] ?? `the ${profile.name} profile does not enforce SCTP`}`
  } : void 0;
}
function noSourceNamespace(namespace) {
  return {
    reason: "no-source-namespace",
    message: `namespace ${namespace} does not exist in the cluster: no probe pod can run there`
  };
}
function declaredChecks(env, cluster, identities) {
  const drafts = [];
  const pairs = new DeclaredPairs();
  for (const flow of env.flows) {
    const fromId = identities.ofEndpoint(flow.from);
    const toLabel = endpointLabel(flow.to);
    if (fromId) pairs.add(fromId.label, toLabel);
    const from = fromId ? sourceOf(fromId) : flow.from.kind === "cidr" ? { namespace: "", labels: {}, outside: flow.from.cidr } : void 0;
    if (!from) continue;
    const sourceProblem = fromId ? cluster.namespaces.has(fromId.namespace) ? void 0 : noSourceNamespace(fromId.namespace) : {
      reason: "outside-source",
      message: `the flow comes from ${flow.from.kind === "cidr" ? flow.from.cidr : "outside"}; probes run inside the cluster`
    };
    const draft = (kind, to, port, protocol, judgeTo, cannot, portName) => {
      const d = {
        kind,
        from,
        to,
        toLabels: [toLabel],
        port,
        protocol,
        reason: `declared: ${flow.text}`,
        source: flow.source
      };
      if (fromId) d.identity = fromId;
      if (judgeTo !== void 0) d.judgeTo = judgeTo;
      if (portName !== void 0) d.portName = portName;
      if (cannot) d.cannotCheck = cannot;
      return d;
    };
    if (flow.to.kind === "cidr" || flow.to.kind === "fqdn") {
      const to = flow.to;
      for (const fp of flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" }]) {
        const targets = to.kind === "cidr" ? targetsIn(env, to.cidr, to.except, fp) : [];
        if (targets.length === 0) {
          const cidr = to.kind === "cidr" ? parseCidr(to.cidr) : void 0;
          const ip = cidr ? representativeAddress(cidr)?.text : void 0;
          const target = to.kind === "cidr" ? { ip: ip ?? toLabel, cidr: toLabel } : { dns: to.fqdn };
          const noTarget = {
            reason: "no-probe-target",
            message: to.kind === "cidr" ? `no probe target answers inside ${toLabel}${fp.port !== void 0 ? ` on ${fp.port}/${fp.protocol}` : ""}: add one under probe: targets` : `${to.fqdn} is a name outside the intent's addresses: FQDN egress is not probed`
          };
          drafts.push(
            draft("external", target, fp.port ?? 0, fp.protocol, void 0, sourceProblem ?? noTarget)
          );
          continue;
        }
        for (const t of targets) {
          const cannot = sourceProblem ?? protocolProblem(env.profile, t.protocol);
          const target = { ip: t.address, cidr: toLabel };
          drafts.push(draft("external", target, t.port, t.protocol, t.address, cannot));
        }
      }
      continue;
    }
    const callee = flow.to.kind === "service" ? {
      namespace: flow.to.namespace,
      labels: identities.service(toLabel)?.labels,
      service: flow.to.service
    } : { namespace: flow.to.namespace, labels: flow.to.podLabels, service: void 0 };
    const pods = pickPods(cluster.podsOf(callee.namespace, callee.labels));
    for (const fp of flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" }]) {
      const problem = sourceProblem ?? protocolProblem(env.profile, fp.protocol);
      if (pods.length === 0) {
        const target = { namespace: callee.namespace, pod: `(no running pod of ${toLabel})` };
        const noPod = {
          reason: "no-running-pod",
          message: `no running pod of ${toLabel} in the cluster`
        };
        drafts.push(
          draft("declared", target, fp.port ?? 0, fp.protocol, void 0, problem ?? noPod, fp.name)
        );
        continue;
      }
      for (const pod of pods) {
        for (const port of resolvePorts(fp, pod)) {
          const udpProblem = port.protocol === "UDP" ? {
            reason: "udp-no-reply",
            message: `UDP ${port.port}: ${toLabel} is not known to reply, and a UDP probe proves nothing without a reply`
          } : void 0;
          const portProblem = port.port === 0 ? {
            reason: "unresolved-port",
            message: fp.name ? `pod ${pod.key} declares no container port named ${fp.name}` : `pod ${pod.key} declares no ${fp.protocol} container port to probe`
          } : void 0;
          const target = podTarget(pod, callee.service);
          const cannot = problem ?? portProblem ?? udpProblem;
          drafts.push(draft("declared", target, port.port, port.protocol, pod.key, cannot, port.name));
        }
      }
    }
  }
  return { drafts, pairs };
}
function endpointLabel(e) {
  switch (e.kind) {
    case "service":
      return `${e.namespace}/${e.service}`;
    case "namespace":
      return `ns:${e.namespace}`;
    case "cidr":
      return e.except.length > 0 ? `${e.cidr} except ${[...e.except].sort().join(", ")}` : e.cidr;
    case "fqdn":
      return e.fqdn;
  }
}
function dnsChecks(env, cluster, identities, dnsName) {
  const drafts = [];
  const dnsPod = cluster.podsOf(env.dns.namespace, env.dns.podLabels)[0];
  const dnsServer = cluster.dnsServiceAddress(env.dns.namespace, env.dns.podLabels);
  for (const ns of env.namespaces.filter((n) => n.managed)) {
    const svc = [...ns.services].sort((a, b) => compareStrings(a.name, b.name))[0];
    const id = svc ? identities.ofService(ns.name, svc) : identities.get(ns.name, {}, `ns:${ns.name}`);
    for (const protocol of ["UDP", "TCP"]) {
      const cannot = !cluster.namespaces.has(ns.name) ? noSourceNamespace(ns.name) : !dnsPod ? {
        reason: "no-running-pod",
        message: `no running DNS pod (${labelsText(env.dns.podLabels)}) in ${env.dns.namespace}`
      } : void 0;
      drafts.push({
        kind: "dns",
        identity: id,
        from: sourceOf(id),
        to: { dns: dnsName, ...dnsServer ? { server: dnsServer } : {} },
        toLabels: [`${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`],
        ...dnsPod ? { judgeTo: dnsPod.key } : {},
        port: 53,
        protocol,
        reason: `DNS over ${protocol} from ${ns.name} to the cluster DNS in ${env.dns.namespace}`,
        ...cannot ? { cannotCheck: cannot } : {},
        source: ns.source
      });
    }
  }
  return drafts;
}
function resolvePorts(fp, pod) {
  if (fp.name !== void 0) {
    const named = pod.ports.find((p) => p.name === fp.name && p.protocol === fp.protocol);
    return [{ port: named?.containerPort ?? 0, protocol: fp.protocol, name: fp.name }];
  }
  if (fp.port === void 0) {
    const declared = [
      ...new Set(pod.ports.filter((p) => p.protocol === fp.protocol).map((p) => p.containerPort))
    ].sort((a, b) => a - b);
    return declared.length > 0 ? declared.map((port) => ({ port, protocol: fp.protocol })) : [{ port: 0, protocol: fp.protocol }];
  }
  const ports = fp.endPort !== void 0 && fp.endPort !== fp.port ? [fp.port, fp.endPort] : [fp.port];
  return ports.map((port) => ({ port, protocol: fp.protocol }));
}
function targetsIn(env, cidrText, except, fp) {
  const cidr = parseCidr(cidrText);
  if (!cidr) return [];
  const excepts = except.map(parseCidr).filter((c) => c !== void 0);
  return (env.probeTargets ?? []).filter((t) => {
    const ip = parseIp(t.address);
    if (!ip || !cidrContains(cidr, ip) || excepts.some((e) => cidrContains(e, ip))) return false;
    if (!fp) return true;
    if (t.protocol !== fp.protocol) return false;
    return fp.port === void 0 || t.port >= fp.port && t.port <= (fp.endPort ?? fp.port);
  });
}

// action/src/probe/plan-negatives.ts
function negativeDraft(id, callee, pod, port, reason) {
  return {
    kind: "negative",
    identity: id,
    from: sourceOf(id),
    to: podTarget(pod, callee.svc.name),
    toLabels: [`${callee.svc.namespace}/${callee.svc.name}`],
    judgeTo: pod.key,
    port,
    protocol: "TCP",
    reason,
    source: callee.svc.source
  };
}
var ListCursor = class {
  constructor(list, key, drafted) {
    this.list = list;
    this.key = key;
    this.drafted = drafted;
  }
  list;
  key;
  drafted;
  i = -1;
  next() {
    return ++this.i < this.list.length;
  }
  get current() {
    return this.list[this.i];
  }
  source() {
    return this.key(this.current).source;
  }
  target() {
    return this.key(this.current).target;
  }
  pod() {
    return this.key(this.current).pod;
  }
  draft() {
    return this.drafted(this.current);
  }
  countUnplanned(planned) {
    let n = 0;
    while (this.next()) if (!planned.has(this.source(), this.target())) n++;
    return n;
  }
};
function serviceCursor(list) {
  return new ListCursor(
    list,
    (c) => ({ source: c.from.probeSource, target: `${c.to.pod.key}:${c.port}/TCP`, pod: c.from.id.pod }),
    (c) => negativeDraft(c.from.id, c.to, c.to.pod, c.port, c.reason)
  );
}
function draftCursor(drafts) {
  return new ListCursor(
    drafts,
    (d) => ({ source: connectionSource(d), target: connectionTarget(d), pod: d.identity?.pod ?? "" }),
    (d) => d
  );
}
var PairCursor = class {
  constructor(services, declared, sameNamespace) {
    this.services = services;
    this.declared = declared;
    this.sameNamespace = sameNamespace;
    const first = services[0];
    if (first) this.declaredCallees = declared.calleesOf(first.id.label);
  }
  services;
  declared;
  sameNamespace;
  a = 0;
  b = -1;
  /** Callees the current caller's identity declares. */
  declaredCallees;
  next() {
    const n = this.services.length;
    while (this.a < n) {
      this.b = this.nextCallee(this.b + 1);
      if (this.b >= n) {
        if (++this.a >= n) return false;
        this.b = -1;
        this.declaredCallees = this.declared.calleesOf(this.caller.id.label);
        continue;
      }
      const a = this.caller;
      const b = this.callee;
      if (a === b || a.probeSource === void 0 || b.pairTarget === void 0) continue;
      if (!this.declaredCallees?.has(b.id.label)) return true;
    }
    return false;
  }
  /** The first callee index from `b` on that is in (or out of) the caller's namespace. */
  nextCallee(b) {
    const { start, end } = this.caller.group;
    if (this.sameNamespace) return b < start ? start : b < end ? b : this.services.length;
    return b >= start && b < end ? end : b;
  }
  get caller() {
    return this.services[this.a];
  }
  get callee() {
    return this.services[this.b];
  }
  source() {
    return this.caller.probeSource;
  }
  target() {
    return this.callee.pairTarget;
  }
  pod() {
    return this.caller.id.pod;
  }
  draft() {
    const a = this.caller;
    const b = this.callee;
    const reason = this.sameNamespace ? `undeclared: ${a.svc.name} -> ${b.svc.name} in ${a.svc.namespace}` : `undeclared: ${a.id.label} -> ${b.id.label}`;
    return negativeDraft(a.id, b, b.pod, b.port, reason);
  }
  countUnplanned(planned) {
    let n = 0;
    let caller;
    let targets;
    while (this.next()) {
      if (this.caller !== caller) {
        caller = this.caller;
        targets = planned.targets(this.source());
      }
      if (!targets?.has(this.target())) n++;
    }
    return n;
  }
};
function managedServices(env, cluster, identities) {
  const services = [];
  for (const ns of env.namespaces.filter((n) => n.managed)) {
    const group = { start: services.length, end: services.length + ns.services.length };
    for (const svc of [...ns.services].sort((a, b) => compareStrings(a.name, b.name))) {
      const id = identities.ofService(ns.name, svc);
      const m = { svc, id, group };
      if (cluster.namespaces.has(id.namespace)) m.probeSource = `${id.namespace}/${id.pod}`;
      const pod = cluster.podsOf(ns.name, svc.labels)[0];
      if (pod) m.pod = pod;
      const port = svc.ports.find((p) => p.protocol === "TCP")?.port;
      if (port !== void 0) m.port = port;
      if (pod && port !== void 0) m.pairTarget = `${pod.key}:${port}/TCP`;
      services.push(m);
    }
  }
  return services;
}
function negativeCandidates(env, cluster, identities, declared) {
  const services = managedServices(env, cluster, identities);
  const byName = new Map(services.map((m) => [`${m.svc.namespace}/${m.svc.name}`, m]));
  const serviceOf = (e) => e.kind === "service" ? byName.get(`${e.namespace}/${e.service}`) : void 0;
  const serviceFlows = env.flows.flatMap((flow) => {
    const caller = serviceOf(flow.from);
    const callee = serviceOf(flow.to);
    return caller && callee ? [{ flow, caller, callee }] : [];
  });
  const candidate = (from, to, port, reason) => from.probeSource !== void 0 && to.pod !== void 0 ? [{ from, to, port, reason }] : [];
  const reverse = serviceFlows.flatMap(({ flow, caller, callee }) => {
    if (caller === callee || declared.has(callee.id.label, caller.id.label)) return [];
    const port = caller.port ?? flow.ports.find((p) => p.port !== void 0)?.port;
    return port === void 0 ? [] : candidate(callee, caller, port, `reverse of declared ${flow.text}`);
  });
  const allowed2 = /* @__PURE__ */ new Map();
  for (const f of env.flows) {
    const from = identities.ofEndpoint(f.from);
    if (!from || f.to.kind !== "service") continue;
    const key = `${from.label}\0${f.to.namespace}/${f.to.service}`;
    allowed2.set(key, [...allowed2.get(key) ?? [], ...f.ports]);
  }
  const mentioned = new Set(
    env.namespaces.flatMap((ns) => ns.services.flatMap((s) => s.ports.map((p) => p.port)))
  );
  let spare = 81;
  while (mentioned.has(spare)) spare++;
  const undeclaredPorts = serviceFlows.flatMap(({ flow, caller, callee }) => {
    const ports = allowed2.get(`${caller.id.label}\0${callee.id.label}`) ?? [];
    const covered = (port) => ports.some(
      (p) => p.protocol === "TCP" && (p.port === void 0 || port >= p.port && port <= (p.endPort ?? p.port))
    );
    const other = callee.svc.ports.find((p) => p.protocol === "TCP" && !covered(p.port))?.port ?? spare;
    if (covered(other)) return [];
    return candidate(caller, callee, other, `undeclared port ${other} of declared callee (${flow.text})`);
  });
  const reaches = /* @__PURE__ */ new Map();
  for (const f of env.flows) {
    const from = identities.ofEndpoint(f.from);
    if (!from || f.to.kind !== "cidr") continue;
    const set = reaches.get(from.label) ?? /* @__PURE__ */ new Set();
    for (const t of targetsIn(env, f.to.cidr, f.to.except, void 0)) set.add(t.address);
    reaches.set(from.label, set);
  }
  const outside = [];
  for (const t of env.probeTargets ?? []) {
    for (const m of services) {
      if (!cluster.namespaces.has(m.svc.namespace) || reaches.get(m.id.label)?.has(t.address)) continue;
      const d = {
        kind: "external",
        identity: m.id,
        from: sourceOf(m.id),
        to: { ip: t.address },
        toLabels: [],
        judgeTo: t.address,
        port: t.port,
        protocol: t.protocol,
        reason: `outside address ${t.address}: no flow of ${m.id.label} allows it`,
        source: t.source
      };
      const cannot = protocolProblem(env.profile, t.protocol);
      if (cannot) d.cannotCheck = cannot;
      outside.push(d);
    }
  }
  return [
    serviceCursor(reverse),
    new PairCursor(services, declared, true),
    new PairCursor(services, declared, false),
    serviceCursor(undeclaredPorts),
    draftCursor(outside)
  ];
}
function pickNegatives(kinds, judge, planned, caps) {
  const checks = [];
  const perSource = /* @__PURE__ */ new Map();
  let omitted = 0;
  const exhausted = /* @__PURE__ */ new Set();
  while (exhausted.size < kinds.length) {
    if (checks.length >= caps.negative) {
      for (const kind of kinds) if (!exhausted.has(kind)) omitted += kind.countUnplanned(planned);
      break;
    }
    for (const kind of kinds) {
      if (exhausted.has(kind)) continue;
      if (!kind.next()) {
        exhausted.add(kind);
        continue;
      }
      const source = kind.source();
      const target = kind.target();
      if (planned.has(source, target)) continue;
      const pod = kind.pod();
      if (checks.length >= caps.negative || (perSource.get(pod) ?? 0) >= caps.negativePerSource) {
        omitted++;
        continue;
      }
      const d = kind.draft();
      if (judge.expectAfter(d) !== "blocked") continue;
      planned.add(source, target);
      checks.push(judge.check(d));
      perSource.set(pod, (perSource.get(pod) ?? 0) + 1);
    }
  }
  return { checks, omitted };
}

// action/src/probe/plan-pods.ts
function probePods(checks, identities, run, services, options) {
  const byPod = /* @__PURE__ */ new Map();
  for (const c of checks) {
    if (c.expect === "cannot-check" || c.from.pod === void 0) continue;
    const key = `${c.from.namespace}/${c.from.pod}`;
    const list = byPod.get(key);
    if (list) list.push(c);
    else byPod.set(key, [c]);
  }
  const pods = identities.filter((id) => byPod.has(`${id.namespace}/${id.pod}`)).map((id) => buildProbePod(id, byPod.get(`${id.namespace}/${id.pod}`) ?? [], run, options));
  for (const c of checks) {
    if (c.from.pod !== void 0 && !byPod.has(`${c.from.namespace}/${c.from.pod}`)) {
      const { pod: _pod, ...rest } = c.from;
      c.from = rest;
    }
  }
  const runNamespaces = [...new Set(pods.map((p) => p.metadata.namespace))].sort(compareStrings);
  return {
    pods,
    runObjects: runNamespaces.map((ns) => buildRunObject(run, ns)),
    warnings: notReadyWarnings(services, pods)
  };
}
function notReadyWarnings(services, pods) {
  const warnings = [];
  for (const svc of services) {
    const spec = svc.spec;
    if (!spec?.publishNotReadyAddresses || !spec.selector || Object.keys(spec.selector).length === 0)
      continue;
    for (const p of pods) {
      if (p.metadata.namespace !== svc.metadata.namespace) continue;
      if (selectorMatches({ matchLabels: spec.selector }, p.metadata.labels))
        warnings.push(
          `Service ${svc.metadata.namespace}/${svc.metadata.name} publishes not-ready addresses and selects probe pod ${p.metadata.name}: it receives the Service's traffic while it runs`
        );
    }
  }
  return warnings;
}

// action/src/probe/probe-plan.ts
var DEFAULT_PLAN_CAPS = { negative: 200, negativePerSource: 20 };
var DEFAULT_DNS_NAME = "kubernetes.default.svc.cluster.local";
var KIND_ORDER = { declared: 0, dns: 1, external: 2, negative: 3 };
function planChecks(input) {
  const env = input.environment;
  const run = {
    id: input.run?.id ?? "plan",
    environment: input.run?.environment ?? env.name
  };
  const caps = { ...DEFAULT_PLAN_CAPS, ...input.caps };
  const cluster = new LiveInventory(input.inventory);
  const identities = new Identities(run.id, env);
  const declared = declaredChecks(env, cluster, identities);
  const dns = dnsChecks(env, cluster, identities, input.dnsName ?? DEFAULT_DNS_NAME);
  const candidates = negativeCandidates(env, cluster, identities, declared.pairs);
  const judge = expectations({
    environment: env,
    inventory: input.inventory,
    namespaces: cluster.namespaces,
    identities: identities.all(),
    run,
    after: input.after,
    before: input.before,
    ...input.diff ? { diff: input.diff } : {}
  });
  const checks = [];
  const planned = new PlannedConnections();
  for (const d of [...declared.drafts, ...dns])
    if (planned.add(connectionSource(d), connectionTarget(d))) checks.push(judge.check(d));
  const negatives = pickNegatives(candidates, judge, planned, caps);
  checks.push(...negatives.checks);
  checks.sort(
    (a, b) => compareStrings(a.from.namespace, b.from.namespace) || compareStrings(a.from.pod ?? a.from.outside ?? "", b.from.pod ?? b.from.outside ?? "") || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(a.id, b.id)
  );
  return { checks, identities: identities.all(), run, caps, omittedNegative: negatives.omitted };
}
function buildProbePlan(input) {
  const { checks, identities, run, caps, omittedNegative } = planChecks(input);
  const { pods, runObjects, warnings } = probePods(
    checks,
    identities,
    run,
    input.inventory.services,
    input.pods
  );
  return {
    environment: input.environment.name,
    checks,
    pods,
    runObjects,
    cannotCheck: checks.filter((c) => c.cannotCheck !== void 0).map((c) => ({ checkId: c.id, reason: c.cannotCheck, message: c.reason })),
    caps,
    omittedNegative,
    reprobe: { ...DEFAULT_REPROBE_POLICY, ...input.reprobe },
    warnings
  };
}

// action/src/adapters/git.ts
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { posix } from "node:path";

// action/src/ports/git.ts
var GitError = class extends Error {
  constructor(message, args, stderr) {
    super(message);
    this.args = args;
    this.stderr = stderr;
  }
  args;
  stderr;
  name = "GitError";
};

// action/src/adapters/git.ts
var MAX_BUFFER = 256 * 1024 * 1024;
function gitEnv(env) {
  return { ...env, GIT_TERMINAL_PROMPT: "0" };
}
function git(cwd, env, args) {
  return new Promise((resolve5, reject) => {
    execFile(
      "git",
      args,
      { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8", env: gitEnv(env) },
      (error, stdout, stderr) => {
        if (error && typeof error.code === "string") {
          reject(new GitError(cannotRun(cwd, error), args, String(stderr)));
          return;
        }
        const code = error ? Number(error.code ?? 1) : 0;
        resolve5({ code, stdout: String(stdout), stderr: String(stderr) });
      }
    );
  });
}
function cannotRun(cwd, error) {
  if (error.code === "ENOENT") {
    return existsSync(cwd) ? "cannot run git: it is not installed (git not found on PATH)" : `cannot run git: the repository directory ${cwd} does not exist (set GITHUB_WORKSPACE to the checkout, or check the repository out first with actions/checkout)`;
  }
  return `cannot run git: ${error.message}`;
}
function catFiles(cwd, env, ids) {
  return new Promise((resolve5, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], {
      cwd,
      env: gitEnv(env),
      stdio: ["pipe", "pipe", "pipe"]
    });
    const chunks = [];
    let stderr = "";
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => stderr += c.toString());
    child.on("error", (e) => reject(new GitError(cannotRun(cwd, e), ["cat-file", "--batch"], stderr)));
    child.on("close", (code) => {
      if (code !== 0) {
        reject(
          new GitError(`git cat-file failed (${code}): ${stderr.trim()}`, ["cat-file", "--batch"], stderr)
        );
        return;
      }
      const all = Buffer.concat(chunks);
      const out = [];
      let at = 0;
      for (const id of ids) {
        const nl = all.indexOf(10, at);
        const header = all.subarray(at, nl).toString();
        const size = Number(header.split(" ")[2]);
        if (!header.startsWith(id) || !Number.isFinite(size)) {
          reject(
            new GitError(
              `unexpected git cat-file output for ${id}: ${header}`,
              ["cat-file", "--batch"],
              stderr
            )
          );
          return;
        }
        out.push(all.subarray(nl + 1, nl + 1 + size));
        at = nl + 1 + size + 1;
      }
      resolve5(out);
    });
    child.stdin.end(ids.map((id) => `${id}
`).join(""));
  });
}
function createGitReader(cwd, env) {
  return {
    async resolve(ref2) {
      if (ref2.startsWith("-")) return void 0;
      const r = await git(cwd, env, ["rev-parse", "--verify", "--quiet", `${ref2}^{commit}`]);
      const sha = r.stdout.trim();
      return r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : void 0;
    },
    async mergeBase(ref2) {
      if (ref2.startsWith("-")) return void 0;
      const r = await git(cwd, env, ["merge-base", "HEAD", ref2]);
      const sha = r.stdout.trim();
      return r.code === 0 && sha !== "" ? sha : void 0;
    },
    async readTree(ref2, dir) {
      if (ref2.startsWith("-")) throw new GitError(`invalid ref "${ref2}"`, [], "");
      const clean = dir.replace(/^\.\/+/, "").replace(/\/+$/, "");
      return readGitTree(cwd, env, ref2, clean === "" ? "." : clean, INTENT_READ_LIMITS);
    }
  };
}
async function lsTree(cwd, env, ref2, path, recursive) {
  const args = ["ls-tree", ...recursive ? ["-r"] : [], "-l", "-z", "--full-tree", ref2, "--", path];
  const r = await git(cwd, env, args);
  if (r.code !== 0)
    throw new GitError(`git ls-tree ${ref2} failed: ${r.stderr.trim()}`, ["ls-tree", ref2], r.stderr);
  return r.stdout.split("\0").filter((l) => l !== "").map((line) => {
    const tab = line.indexOf("	");
    const [mode = "", type = "", id = "", size = ""] = line.slice(0, tab).split(/ +/);
    return { mode, type, id, size: Number(size), path: line.slice(tab + 1) };
  });
}
var LINK_MODE = "120000";
var MAX_LINK_HOPS = 8;
async function readGitTree(cwd, env, ref2, dir, limits) {
  const out = [];
  const wanted = [];
  const visitedTrees = /* @__PURE__ */ new Set();
  const isYaml = (name) => YAML_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
  const outsideProblem = "not read: a link to a place outside the repository (links may only point inside it)";
  const addTree = async (treePath, shown, hops) => {
    if (visitedTrees.has(treePath)) return;
    visitedTrees.add(treePath);
    for (const entry2 of await lsTree(cwd, env, ref2, treePath, true)) {
      const path = shown + entry2.path.slice(treePath === "." ? 0 : treePath.length);
      await addEntry(entry2, path, hops);
    }
  };
  const addEntry = async (entry2, path, hops) => {
    if (entry2.mode !== LINK_MODE) {
      if (entry2.type === "blob" && isYaml(path)) wanted.push({ path, entry: entry2 });
      return;
    }
    if (hops >= MAX_LINK_HOPS) {
      out.push({ path, text: "", problem: "not read: a link that loops" });
      return;
    }
    const [target] = await catFiles(cwd, env, [entry2.id]);
    const resolved = resolveLink(entry2.path, (target ?? Buffer.alloc(0)).toString("utf8"));
    if (resolved === void 0) {
      if (isYaml(path) || !/\.[^/]*$/.test(posix.basename(path)))
        out.push({ path, text: "", problem: outsideProblem });
      return;
    }
    const found = resolved === "." ? void 0 : (await lsTree(cwd, env, ref2, resolved, false))[0];
    if (resolved === "." || found?.type === "tree") {
      await addTree(resolved, path, hops + 1);
    } else if (!found || found.path !== resolved) {
      if (isYaml(path))
        out.push({ path, text: "", problem: "not read: a link to nothing (its target does not exist)" });
    } else {
      await addEntry(found, path, hops + 1);
    }
  };
  await addTree(dir, dir === "." ? "" : dir, 0);
  let total = 0;
  const readable = [];
  for (const item of wanted) {
    const { size } = item.entry;
    let problem;
    if (readable.length >= limits.maxFiles) problem = `not read: more than ${limits.maxFiles} files`;
    else if (size > limits.maxFileBytes)
      problem = `not read: ${size} bytes, more than the ${limits.maxFileBytes} allowed per file`;
    else if (total + size > limits.maxTotalBytes)
      problem = `not read: the files together exceed the ${limits.maxTotalBytes} bytes allowed`;
    if (problem !== void 0) {
      out.push({ path: item.path, text: "", problem });
      continue;
    }
    total += size;
    readable.push(item);
  }
  const blobs = readable.length > 0 ? await catFiles(
    cwd,
    env,
    readable.map((r) => r.entry.id)
  ) : [];
  readable.forEach((item, i) => {
    const decoded = decode(blobs[i] ?? Buffer.alloc(0));
    out.push(
      "problem" in decoded ? { path: item.path, text: "", problem: decoded.problem } : { path: item.path, text: decoded.text }
    );
  });
  return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function resolveLink(linkPath, target) {
  if (target === "" || target.startsWith("/") || target.includes("\0")) return void 0;
  const resolved = posix.normalize(posix.join(posix.dirname(linkPath), target));
  if (resolved === ".." || resolved.startsWith("../") || posix.isAbsolute(resolved)) return void 0;
  return resolved.replace(/\/+$/, "") || ".";
}

// action/src/adapters/github.ts
var PER_PAGE = 100;
var DEFAULT_COMMENT_AUTHOR = "github-actions[bot]";
function createGitHubAdapter(options) {
  const policy = { ...DEFAULT_REQUEST_POLICY, ...options.policy };
  let client;
  const connect = () => client ??= import("./github-N3JEM5ZR.js").then(
    ({ getOctokit }) => getOctokit(options.token, { baseUrl: options.apiUrl }, requestPolicyPlugin(policy))
  );
  let author;
  const identity = () => author ??= options.commentAuthor ? Promise.resolve(options.commentAuthor) : connect().then(async (octokit) => {
    try {
      const { data } = await octokit.request("GET /user", { request: { retries: 0 } });
      const login = data?.login;
      if (typeof login === "string" && login !== "") return login;
    } catch (error) {
      const status = numberField(error, "status") ?? 0;
      if (status !== 401 && status !== 403 && status !== 404)
        throw toGitHubError("find who the token is", error);
    }
    return DEFAULT_COMMENT_AUTHOR;
  });
  const listOurs = async (octokit, issue, marker, login) => classify3("list the pull request's comments", async () => {
    const ours = [];
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.number,
      per_page: PER_PAGE
    });
    for await (const page of pages) {
      if (!Array.isArray(page.data))
        throw malformed("list the pull request's comments", "a list of comments");
      for (const raw of page.data) {
        const comment = issueComment(raw);
        if (!comment) throw malformed("list the pull request's comments", "a list of comments");
        if (comment.body.startsWith(marker) && sameLogin(comment.author, login)) ours.push(comment);
      }
    }
    return ours.sort((a, b) => a.id - b.id);
  });
  const update = async (octokit, issue, id, body) => classify3("update the pull request comment", async () => {
    const { data } = await octokit.rest.issues.updateComment({
      owner: issue.owner,
      repo: issue.repo,
      comment_id: id,
      body
    });
    return issueComment(data) ?? Promise.reject(malformed("update the pull request comment", "a comment"));
  });
  const remove = async (octokit, issue, comments) => {
    for (const comment of comments) {
      await classify3("delete a duplicate pull request comment", async () => {
        try {
          await octokit.rest.issues.deleteComment({
            owner: issue.owner,
            repo: issue.repo,
            comment_id: comment.id
          });
        } catch (error) {
          if (numberField(error, "status") !== 404) throw error;
        }
      });
    }
  };
  const converge = async (octokit, issue, ours, body) => {
    const [keeper, ...duplicates] = ours;
    if (!keeper) return void 0;
    await remove(octokit, issue, duplicates);
    const removed = duplicates.length;
    if (keeper.body === body) return { action: "unchanged", url: keeper.url, id: keeper.id, removed };
    try {
      const updated = await update(octokit, issue, keeper.id, body);
      return { action: "updated", url: updated.url, id: updated.id, removed };
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return void 0;
      throw error;
    }
  };
  return {
    identity,
    async pullRequestsOfCommit(repository, sha) {
      const octokit = await connect();
      return classify3("find the pull request of the commit", async () => {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
          owner: repository.owner,
          repo: repository.repo,
          commit_sha: sha
        });
        if (!Array.isArray(data))
          throw malformed("find the pull request of the commit", "a list of pull requests");
        return data.map((raw) => {
          const pr = commitPullRequest(raw);
          if (!pr) throw malformed("find the pull request of the commit", "a list of pull requests");
          return pr;
        });
      });
    },
    async upsertStickyComment(issue, marker, body) {
      if (!body.startsWith(marker)) throw new Error("the sticky comment body must start with its marker");
      const octokit = await connect();
      let login = await identity();
      for (let round = 0; round < 2; round++) {
        const existing = await converge(octokit, issue, await listOurs(octokit, issue, marker, login), body);
        if (existing) return existing;
        const created = await classify3("create the pull request comment", async () => {
          const { data } = await octokit.rest.issues.createComment({
            owner: issue.owner,
            repo: issue.repo,
            issue_number: issue.number,
            body
          });
          return issueComment(data) ?? Promise.reject(malformed("create the pull request comment", "a comment"));
        });
        login = created.author;
        author = Promise.resolve(login);
        const ours = await listOurs(octokit, issue, marker, login);
        if (!ours.some((c) => c.id === created.id)) ours.push(created);
        ours.sort((a, b) => a.id - b.id);
        const settled = await converge(octokit, issue, ours, body);
        if (!settled) continue;
        return settled.id === created.id ? { ...settled, action: "created" } : settled;
      }
      throw new GitHubApiError(
        "cannot keep one pull request comment: our comment was deleted twice while it was being updated",
        0,
        "update the pull request comment"
      );
    }
  };
}
function commitPullRequest(raw) {
  if (typeof raw !== "object" || raw === null) return void 0;
  const {
    number,
    merged_at: mergedAt,
    merge_commit_sha: mergeSha,
    html_url: url
  } = raw;
  if (typeof number !== "number" || typeof url !== "string") return void 0;
  return {
    number,
    merged: typeof mergedAt === "string" && mergedAt !== "",
    ...typeof mergeSha === "string" && mergeSha !== "" ? { mergeCommitSha: mergeSha } : {},
    url
  };
}
function issueComment(raw) {
  if (typeof raw !== "object" || raw === null) return void 0;
  const { id, body, html_url: url, user } = raw;
  const login = typeof user === "object" && user !== null ? user.login : void 0;
  if (typeof id !== "number" || typeof url !== "string") return void 0;
  return {
    id,
    body: typeof body === "string" ? body : "",
    url,
    author: typeof login === "string" ? login : ""
  };
}
function sameLogin(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}
function malformed(operation, expected) {
  return new GitHubApiError(`cannot ${operation}: GitHub's answer is not ${expected}`, 0, operation);
}
var DEFAULT_REQUEST_POLICY = {
  timeoutMs: 15e3,
  retries: 3,
  baseDelayMs: 1e3,
  maxDelayMs: 8e3,
  maxRetryAfterMs: 6e4
};
var IDEMPOTENT = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]);
function requestPolicyPlugin(policy) {
  return (octokit) => {
    octokit.hook.wrap("request", async (request, options) => {
      const method = String(options.method).toUpperCase();
      const retries = options.request?.retries ?? policy.retries;
      for (let attempt = 0; ; attempt++) {
        const signal = AbortSignal.timeout(policy.timeoutMs);
        let failure;
        try {
          options.request = { ...options.request, signal };
          const response = await request(options);
          if (response.status !== 204 && (typeof response.data !== "object" || response.data === null)) {
            failure = new MalformedResponseError(
              `GitHub answered HTTP ${response.status} with a body that is not JSON (${describeBody(response.data)})`
            );
          } else {
            return response;
          }
        } catch (error) {
          failure = signal.aborted ? new RequestTimeoutError(policy.timeoutMs) : error;
        }
        const wait = retryDelay(failure, method, attempt, policy);
        if (attempt >= retries || wait === void 0) throw failure;
        await new Promise((resolve5) => setTimeout(resolve5, wait));
      }
    });
  };
}
var RequestTimeoutError = class extends Error {
  constructor(timeoutMs) {
    super(`no complete answer within ${timeoutMs / 1e3} s`);
    this.timeoutMs = timeoutMs;
  }
  timeoutMs;
  name = "RequestTimeoutError";
};
var MalformedResponseError = class extends Error {
  name = "MalformedResponseError";
};
function describeBody(data) {
  if (typeof data !== "string") return typeof data;
  if (data === "") return "empty";
  return `${data.length} characters`;
}
function retryDelay(error, method, attempt, policy) {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const status = numberField(error, "status") ?? 0;
  const answered = hasResponse(error);
  if (answered && isRateLimit(status, headersOf(error), apiMessageOf(error))) {
    const waitMs = rateLimitWait(headersOf(error));
    if (waitMs === void 0) return backoff;
    return waitMs <= policy.maxRetryAfterMs ? waitMs : void 0;
  }
  if (!IDEMPOTENT.has(method)) return void 0;
  if (error instanceof RequestTimeoutError || error instanceof MalformedResponseError) return backoff;
  if (!answered) return backoff;
  return status >= 500 ? backoff : void 0;
}
function hasResponse(error) {
  return typeof error === "object" && error !== null && error.response !== void 0;
}
function isRateLimit(status, headers, message) {
  return status === 429 || status === 403 && (headers["x-ratelimit-remaining"] === "0" || /rate limit/i.test(message));
}
function rateLimitWait(headers) {
  const retryAfter = headers["retry-after"];
  if (retryAfter !== void 0) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1e3;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  const reset = Number(headers["x-ratelimit-reset"]);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1e3 - Date.now());
  return void 0;
}
async function classify3(operation, fn) {
  try {
    return await fn();
  } catch (error) {
    throw toGitHubError(operation, error);
  }
}
function toGitHubError(operation, error) {
  if (error instanceof GitHubApiError) return error;
  const headers = headersOf(error);
  const apiMessage = oneLine(apiMessageOf(error));
  const cannot = `cannot ${operation}`;
  if (error instanceof RequestTimeoutError) {
    return new GitHubApiError(
      `${cannot}: GitHub did not answer within ${error.timeoutMs / 1e3} s`,
      0,
      operation
    );
  }
  if (error instanceof MalformedResponseError)
    return new GitHubApiError(`${cannot}: ${error.message}`, 0, operation);
  if (numberField(error, "status") === void 0) {
    return new GitHubApiError(
      `${cannot}: GitHub's answer is not what its API describes (${apiMessage})`,
      0,
      operation
    );
  }
  if (!hasResponse(error)) {
    return new GitHubApiError(
      `${cannot}: no answer from GitHub (${apiMessage || "the connection failed"})`,
      0,
      operation
    );
  }
  const status = numberField(error, "status") ?? 0;
  const text = `${cannot}: HTTP ${status}${apiMessage ? ` (${apiMessage})` : ""}`;
  if (isRateLimit(status, headers, apiMessage)) {
    return new GitHubRateLimitError(text, status, operation, resetOf(headers));
  }
  if (status === 403) return new GitHubPermissionError(text, status, operation);
  if (status === 404) {
    return new GitHubApiError(
      `${text}: the repository or pull request does not exist, or the token cannot see it`,
      status,
      operation
    );
  }
  if (status === 422)
    return new GitHubApiError(`${text}: GitHub refused the request as invalid`, status, operation);
  if (status >= 500) return new GitHubApiError(`${text}: GitHub failed to answer`, status, operation);
  return new GitHubApiError(text, status, operation);
}
function oneLine(text) {
  const line = visible((text.split(/\r?\n/)[0] ?? "").trim());
  return line.length > 200 ? `${line.slice(0, 200)}\u2026` : line;
}
function resetOf(headers) {
  const reset = Number(headers["x-ratelimit-reset"]);
  if (Number.isFinite(reset) && reset > 0) return new Date(reset * 1e3);
  const retryAfter = Number(headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return new Date(Date.now() + retryAfter * 1e3);
  return void 0;
}
function numberField(value, key) {
  if (typeof value !== "object" || value === null) return void 0;
  const v = value[key];
  return typeof v === "number" ? v : void 0;
}
function headersOf(error) {
  if (typeof error !== "object" || error === null) return {};
  const response = error.response;
  if (typeof response !== "object" || response === null) return {};
  const headers = response.headers;
  if (typeof headers !== "object" || headers === null) return {};
  const out = {};
  for (const [k, v] of Object.entries(headers)) {
    if (typeof v === "string" || typeof v === "number") out[k.toLowerCase()] = String(v);
  }
  return out;
}
function apiMessageOf(error) {
  if (typeof error === "object" && error !== null) {
    const data = error.response?.data;
    if (typeof data === "object" && data !== null) {
      const message = data.message;
      if (typeof message === "string") return message;
    }
    const own = error.message;
    if (typeof own === "string") return own;
  }
  return String(error);
}

// action/src/ports/engine.ts
var PulumiEngineError = class extends Error {
  name = "PulumiEngineError";
};
var StackLockedError = class extends PulumiEngineError {
  name = "StackLockedError";
};
var PulumiStackNotFoundError = class extends PulumiEngineError {
  name = "PulumiStackNotFoundError";
};
var PulumiCliMissingError = class extends PulumiEngineError {
  name = "PulumiCliMissingError";
};
var PulumiPreviewError = class extends PulumiEngineError {
  name = "PulumiPreviewError";
};
var PulumiDeployError = class extends PulumiEngineError {
  constructor(message, sources = []) {
    super(message);
    this.sources = sources;
  }
  sources;
  name = "PulumiDeployError";
};

// action/src/adapters/pulumi-availability.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { accessSync, constants as constants2, existsSync as existsSync2, readFileSync } from "node:fs";
import { delimiter, join as join2, relative as relative4 } from "node:path";

// action/src/adapters/pulumi-events.ts
var K8S_TYPE = /^kubernetes:[^:]+:([A-Za-z0-9]+)$/;
var OP_PRIORITY = {
  replace: 5,
  "create-replacement": 4,
  "delete-replaced": 3,
  "discard-replaced": 2,
  "import-replacement": 2,
  "read-replacement": 2
};
function operationsFromEvents(events) {
  const byUrn = /* @__PURE__ */ new Map();
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata;
    if (!metadata) continue;
    const op = operationOf(metadata);
    if (!op) continue;
    const priority = OP_PRIORITY[op.op] ?? 1;
    const known = byUrn.get(metadata.urn);
    if (!known) {
      byUrn.set(metadata.urn, { op, priority });
    } else if (priority > known.priority) {
      byUrn.set(metadata.urn, {
        op: { ...op, changedKeys: union(known.op.changedKeys, op.changedKeys) },
        priority
      });
    } else {
      known.op.changedKeys = union(known.op.changedKeys, op.changedKeys);
    }
  }
  return [...byUrn.values()].map((v) => v.op);
}
function operationOf(m) {
  if (m.op === "refresh") return void 0;
  const type = m.type || typeFromUrn(m.urn);
  if (type === "pulumi:pulumi:Stack") return void 0;
  if (type.startsWith("pulumi:providers:") && (m.op === "same" || m.op === "create")) return void 0;
  const state = m.new ?? m.old;
  if (state && state.custom !== true && !type.startsWith("pulumi:providers:")) return void 0;
  const inputs = isRecord(state?.inputs) ? state.inputs : {};
  const k8sKind = K8S_TYPE.exec(type)?.[1];
  const kind = k8sKind ?? (typeof inputs.kind === "string" && inputs.kind !== "" ? inputs.kind : type);
  return { op: m.op, kind, name: nameOf(inputs, m.urn), changedKeys: changedKeysOf(m) };
}
var UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
function nameOf(inputs, urn) {
  const metadata = inputs.metadata;
  if (isRecord(metadata) && typeof metadata.name === "string" && metadata.name !== "" && metadata.name !== UNKNOWN) {
    return typeof metadata.namespace === "string" && metadata.namespace !== "" && metadata.namespace !== UNKNOWN ? `${metadata.namespace}/${metadata.name}` : metadata.name;
  }
  const logical = urn.split("::").pop();
  return logical && logical !== "" ? logical : urn;
}
function changedKeysOf(m) {
  const paths = m.detailedDiff ? Object.keys(m.detailedDiff) : m.diffs ?? [];
  return union(
    [],
    paths.map((p) => topLevelKey(p)).filter((k) => k !== "")
  );
}
function topLevelKey(path) {
  const m = /^(?:\["((?:[^"\\]|\\.)*)"\]|([^.[]*))/.exec(path);
  return m?.[1] ?? m?.[2] ?? path;
}
function typeFromUrn(urn) {
  const parts = urn.split("::");
  const types = parts[2] ?? "";
  return types.split("$").pop() ?? "";
}
function union(a, b) {
  return [.../* @__PURE__ */ new Set([...a, ...b])].sort();
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function completedSteps(events) {
  const out = [];
  for (const event of events) {
    const metadata = event.resOutputsEvent?.metadata;
    if (!metadata) continue;
    const op = operationOf(metadata);
    if (op) out.push({ op: op.op, kind: op.kind, name: op.name });
  }
  return out;
}
function sourceOf2(inputs) {
  const metadata = inputs.metadata;
  const annotations = isRecord(metadata) ? metadata.annotations : void 0;
  const source = isRecord(annotations) ? annotations[SOURCE_ANNOTATION] : void 0;
  return typeof source === "string" && source !== "" ? source : void 0;
}
function resourceLabel(inputs, urn) {
  const kind = typeof inputs.kind === "string" && inputs.kind !== "" ? inputs.kind : typeFromUrn(urn);
  return `${kind} ${nameOf(inputs, urn)}`;
}

// action/src/adapters/pulumi-availability.ts
var nodeProbes = {
  isExecutable(path) {
    try {
      accessSync(path, constants2.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  readText(path) {
    return existsSync2(path) ? readFileSync(path, "utf8") : void 0;
  }
};
function findOnPath(path, probes, name = "pulumi") {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join2(dir, name);
    if (probes.isExecutable(candidate)) return candidate;
  }
  return void 0;
}
function checkAvailability(input, probes = nodeProbes) {
  const workDir = input.workDir;
  const projectFile = workDir === void 0 ? void 0 : ["Pulumi.yaml", "Pulumi.yml"].map((f) => join2(workDir, f)).find((f) => probes.readText(f) !== void 0);
  if (workDir !== void 0 && !projectFile) {
    const where = relative4(input.workspace, workDir) || ".";
    return { available: false, reason: `no Pulumi project in ${where} (Pulumi.yaml not found)` };
  }
  const cliPath = findOnPath(input.env.path, probes);
  if (!cliPath) return { available: false, reason: "the pulumi CLI is not installed (not found on PATH)" };
  if (!input.env.backendUrl && !input.env.accessTokenSet && !(projectFile && projectBackendUrl(probes.readText(projectFile)))) {
    return {
      available: false,
      reason: "no Pulumi backend is configured (set PULUMI_BACKEND_URL, or PULUMI_ACCESS_TOKEN for Pulumi Cloud)"
    };
  }
  return { available: true, cliPath };
}
function projectBackendUrl(text) {
  if (text === void 0) return void 0;
  try {
    const doc = (0, import_yaml2.parse)(text);
    const backend = isRecord(doc) ? doc.backend : void 0;
    const url = isRecord(backend) ? backend.url : void 0;
    return typeof url === "string" && url !== "" ? url : void 0;
  } catch {
    return void 0;
  }
}

// action/src/adapters/pulumi.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { basename, dirname, join as join3 } from "node:path";

// action/src/adapters/pulumi-errors.ts
function classifyPulumiError(error, stack, diagnostics = []) {
  if (error instanceof PulumiEngineError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "ConcurrentUpdateError") {
    const holder = lockHolder(error);
    return new StackLockedError(
      `stack ${stack} is locked by another update${holder ? ` (${holder})` : ""}; re-run the job when it has finished`
    );
  }
  if (name === "StackNotFoundError") return new PulumiStackNotFoundError(`stack ${stack} was not found`);
  if (isEnoent(error)) return new PulumiCliMissingError("the pulumi CLI could not be started (not found)");
  const summary = diagnostics.length > 0 ? diagnostics.join("; ") : stderrSummary(error);
  return new PulumiPreviewError(`pulumi preview of stack ${stack} failed: ${summary}`);
}
function lockHolder(error) {
  const result = commandResultOf(error);
  const text = String(result ? result.stderr ?? "" : error instanceof Error ? error.message : "");
  const m = /created by (\S+) \(pid (\d+)\) at (\S+)/.exec(text);
  return m ? `${m[1]}, pid ${m[2]}, since ${m[3]}` : void 0;
}
function isEnoent(error) {
  if (typeof error !== "object" || error === null) return false;
  const code = error.code;
  if (code === "ENOENT") return true;
  const inner = commandResultOf(error)?.err;
  return typeof inner === "object" && inner !== null && inner.code === "ENOENT";
}
function commandResultOf(error) {
  if (typeof error !== "object" || error === null) return void 0;
  const result = error.commandResult;
  return typeof result === "object" && result !== null ? result : void 0;
}
function stderrSummary(error) {
  const result = commandResultOf(error);
  const stderr = result ? result.stderr ?? "" : error instanceof Error ? error.message : String(error);
  const lines = String(stderr).split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const errors = lines.filter((l) => /^error:/i.test(l));
  const text = (errors.length > 0 ? errors : lines.slice(0, 1)).join("; ") || "unknown error";
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
function classifyDeployError(error, stack, events) {
  const classified = classifyPulumiError(error, stack, []);
  if (classified instanceof StackLockedError || classified instanceof PulumiCliMissingError)
    return classified;
  if (classified instanceof PulumiStackNotFoundError) return classified;
  const inputsByUrn = /* @__PURE__ */ new Map();
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata ?? event.resOpFailedEvent?.metadata;
    const inputs = metadata?.new?.inputs ?? metadata?.old?.inputs;
    if (metadata && isRecord(inputs)) inputsByUrn.set(metadata.urn, inputs);
  }
  const failedUrns = new Set(
    events.flatMap((e) => e.resOpFailedEvent ? [e.resOpFailedEvent.metadata.urn] : [])
  );
  const messages = [];
  const sources = [];
  const described = /* @__PURE__ */ new Set();
  for (const event of events) {
    const d = event.diagnosticEvent;
    if (!d || d.severity !== "error" || d.ephemeral) continue;
    const text = oneLine2(d.message);
    if (d.urn && inputsByUrn.has(d.urn) && !d.urn.includes("::pulumi:pulumi:Stack::")) {
      const inputs = inputsByUrn.get(d.urn) ?? {};
      const source = sourceOf2(inputs);
      if (source) sources.push(source);
      described.add(d.urn);
      const reason = text.replace(/^resource "urn:[^"]*" /, "");
      const label = `${resourceLabel(inputs, d.urn)}${source ? ` (${source})` : ""}`;
      messages.push(reason === text ? `${label}: ${text}` : `${label} ${reason}`);
    } else {
      messages.push(text);
    }
  }
  for (const urn of failedUrns) {
    if (described.has(urn)) continue;
    const inputs = inputsByUrn.get(urn) ?? {};
    const source = sourceOf2(inputs);
    if (source) sources.push(source);
    messages.unshift(`${resourceLabel(inputs, urn)}${source ? ` (${source})` : ""} failed`);
  }
  const summary = messages.length > 0 ? messages.join("; ") : stderrSummary(error);
  return new PulumiDeployError(`pulumi up of stack ${stack} failed: ${summary}`, [...new Set(sources)]);
}
var ANSI_SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
function oneLine2(message) {
  const text = message.replace(ANSI_SGR, "").split("\n").filter((line) => !/^\s+at /.test(line)).join(" ").replace(/\s+/g, " ").trim();
  return text.length > 1e3 ? `${text.slice(0, 997)}...` : text;
}

// action/src/rollout/recorded.ts
var import_yaml3 = __toESM(require_dist(), 1);
function parseRecordedBundle(file, text) {
  const lineCounter = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: "json" });
  const at = (node, message, hint) => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col, message, ...hint === void 0 ? {} : { hint } };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          message: `not valid JSON or YAML: ${firstLine(e.message)}`
        };
      })
    };
  }
  let root = doc.contents;
  if (!(0, import_yaml3.isMap)(root)) {
    return {
      ok: false,
      errors: [at(root, "expected a recorded bundle: an object with environment, cni and objects")]
    };
  }
  const wrapped = root.get("bundle", true);
  if (!root.has("objects") && (0, import_yaml3.isMap)(wrapped)) root = wrapped;
  const map = root;
  const errors = [];
  const field2 = (parent, key) => parent.get(key, true);
  const requireString = (parent, key, path) => {
    const node = field2(parent, key);
    if (node === void 0) errors.push(at(parent, `${path} is missing`));
    else if (!(0, import_yaml3.isScalar)(node) || typeof node.value !== "string" || node.value === "")
      errors.push(at(node, `${path} must be a non-empty string`));
  };
  const optionalStringMap = (parent, key, path) => {
    const node = field2(parent, key);
    if (node === void 0) return;
    if (!(0, import_yaml3.isMap)(node)) {
      errors.push(at(node, `${path} must be an object of strings`));
      return;
    }
    for (const pair of node.items) {
      if (!(0, import_yaml3.isScalar)(pair.value) || typeof pair.value.value !== "string") {
        errors.push(
          at(
            pair.value ?? node,
            `${path}.${String(pair.key?.value)} must be a string`
          )
        );
      }
    }
  };
  requireString(map, "environment", "environment");
  const cni = field2(map, "cni");
  if (cni === void 0) errors.push(at(map, "cni is missing"));
  else if (!(0, import_yaml3.isScalar)(cni) || typeof cni.value !== "string" || !isCniProfileName(cni.value))
    errors.push(at(cni, "cni must be calico, cilium or generic"));
  const excluded = field2(map, "excludedNamespaces");
  if (excluded !== void 0) {
    if (!(0, import_yaml3.isSeq)(excluded)) errors.push(at(excluded, "excludedNamespaces must be a list of namespace names"));
    else
      excluded.items.forEach((item, i) => {
        if (!(0, import_yaml3.isScalar)(item) || typeof item.value !== "string")
          errors.push(at(item, `excludedNamespaces[${i}] must be a string`));
      });
  }
  const objects = field2(map, "objects");
  if (objects === void 0) errors.push(at(map, "objects is missing"));
  else if (!(0, import_yaml3.isSeq)(objects)) errors.push(at(objects, "objects must be a list"));
  else {
    objects.items.forEach((item, i) => {
      const path = `objects[${i}]`;
      const node = item;
      if (!(0, import_yaml3.isMap)(node)) {
        errors.push(at(node, `${path} must be an object with stage and manifest`));
        return;
      }
      const stage = field2(node, "stage");
      if (stage === void 0) errors.push(at(node, `${path}.stage is missing`));
      else if (!(0, import_yaml3.isScalar)(stage) || stage.value !== "allow" && stage.value !== "deny")
        errors.push(at(stage, `${path}.stage must be allow or deny`));
      const origins = field2(node, "origins");
      if (origins !== void 0 && !(0, import_yaml3.isSeq)(origins))
        errors.push(at(origins, `${path}.origins must be a list`));
      const manifest = field2(node, "manifest");
      if (manifest === void 0) {
        errors.push(at(node, `${path}.manifest is missing`));
        return;
      }
      if (!(0, import_yaml3.isMap)(manifest)) {
        errors.push(at(manifest, `${path}.manifest must be a Kubernetes object`));
        return;
      }
      requireString(manifest, "apiVersion", `${path}.manifest.apiVersion`);
      requireString(manifest, "kind", `${path}.manifest.kind`);
      const metadata = field2(manifest, "metadata");
      if (metadata === void 0) errors.push(at(manifest, `${path}.manifest.metadata is missing`));
      else if (!(0, import_yaml3.isMap)(metadata)) errors.push(at(metadata, `${path}.manifest.metadata must be an object`));
      else {
        requireString(metadata, "name", `${path}.manifest.metadata.name`);
        requireString(metadata, "namespace", `${path}.manifest.metadata.namespace`);
        optionalStringMap(metadata, "labels", `${path}.manifest.metadata.labels`);
        optionalStringMap(metadata, "annotations", `${path}.manifest.metadata.annotations`);
      }
      const spec = field2(manifest, "spec");
      if (spec === void 0) errors.push(at(manifest, `${path}.manifest.spec is missing`));
      else if (!(0, import_yaml3.isMap)(spec)) errors.push(at(spec, `${path}.manifest.spec must be an object`));
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const value = map.toJSON();
  const bundle = {
    environment: value.environment,
    cni: value.cni,
    objects: value.objects.map((o) => ({ ...o, origins: o.origins ?? [] })),
    ...value.excludedNamespaces === void 0 ? {} : { excludedNamespaces: value.excludedNamespaces }
  };
  return { ok: true, bundle };
}
function firstLine(message) {
  return message.split("\n")[0] ?? message;
}

// action/src/rollout/outputs.ts
var StackOutputsError = class extends Error {
  constructor(problems) {
    super(`the stack outputs are not what netpol-rollout's program writes: ${problems.join("; ")}`);
    this.problems = problems;
  }
  problems;
  name = "StackOutputsError";
};
function readStackOutputs(raw) {
  const problems = [];
  const string = (name) => {
    const value = raw[name];
    if (typeof value === "string" && value !== "") return value;
    problems.push(`${name} must be a non-empty string`);
    return "";
  };
  const environment = string("environment");
  const stage = DEPLOY_STAGES.find((s) => s === raw.stage);
  if (stage === void 0) problems.push(`stage must be one of ${DEPLOY_STAGES.join(", ")}`);
  const revision = raw.revision;
  if (revision !== null && typeof revision !== "string") problems.push("revision must be a string or null");
  const digest = string("digest");
  const sourceDigest = string("sourceDigest");
  const from = raw.from === "intent" || raw.from === "recorded" ? raw.from : void 0;
  if (from === void 0) problems.push("from must be intent or recorded");
  const counts = countsOf(raw.counts, problems);
  const guards = raw.guards;
  const guardList = Array.isArray(guards) && guards.every((g) => typeof g === "string") ? guards : void 0;
  if (guardList === void 0) problems.push("guards must be a list of strings");
  let bundle;
  if (raw.bundle === void 0) problems.push("bundle is missing");
  else {
    const parsed = parseRecordedBundle("the bundle output", JSON.stringify(raw.bundle));
    if (parsed.ok) bundle = parsed.bundle;
    else problems.push(...parsed.errors.map((e) => `bundle: ${e.message}`));
  }
  if (problems.length > 0 || !stage || !from || !guardList || !bundle) throw new StackOutputsError(problems);
  return {
    environment,
    stage,
    revision: typeof revision === "string" ? revision : null,
    digest,
    sourceDigest,
    bundle,
    counts,
    from,
    guards: guardList
  };
}
function countsOf(value, problems) {
  const out = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push("counts must be an object of namespaces");
    return out;
  }
  for (const [namespace, c] of Object.entries(value)) {
    const allow = c?.allow;
    const deny = c?.deny;
    if (typeof allow === "number" && typeof deny === "number") out[namespace] = { allow, deny };
    else problems.push(`counts.${namespace} must be { allow, deny } numbers`);
  }
  return out;
}

// action/src/adapters/pulumi.ts
function createPulumiEngine(options, runner) {
  const run = runner ?? automationRunner(options);
  return {
    async preview(environment) {
      const stack = stackName(options.stackTemplate, environment);
      const events = [];
      const diagnostics = [];
      options.log?.(`pulumi preview of stack ${stack} (${environment})`);
      try {
        await run.preview(stack, environment, (event) => {
          events.push(event);
          const d = event.diagnosticEvent;
          if (d && d.severity === "error" && !d.ephemeral) diagnostics.push(oneLine2(d.message));
        });
      } catch (error) {
        const classified = classifyPulumiError(error, stack, diagnostics);
        if (classified instanceof PulumiCliMissingError)
          return { status: "skipped", reason: classified.message };
        return { status: "failed", stack, error: classified.message };
      }
      return { status: "ok", stack, operations: operationsFromEvents(events) };
    }
  };
}
function engineEnvVars(env) {
  return {
    ...env.vars,
    ...env.secretVars?.(),
    PATH: env.path,
    ...env.backendUrl ? { PULUMI_BACKEND_URL: env.backendUrl } : {},
    PULUMI_SKIP_UPDATE_CHECK: "true"
  };
}
function stackOpener(workDir, env, cliPath = findOnPath(env.path, nodeProbes)) {
  let command;
  const envVars = engineEnvVars(env);
  return async (stackName2) => {
    const automation = await import("./automation-YOVQET5A.js");
    const { LocalWorkspace, PulumiCommand } = automation.default ?? automation;
    command ??= PulumiCommand.get(cliRoot(cliPath));
    const pulumiCommand = await command;
    return LocalWorkspace.createOrSelectStack({ stackName: stackName2, workDir }, { pulumiCommand, envVars });
  };
}
function cliRoot(cliPath) {
  if (cliPath === void 0 || basename(cliPath) !== "pulumi") return void 0;
  const bin = dirname(cliPath);
  return basename(bin) === "bin" ? { root: dirname(bin) } : void 0;
}
function automationRunner(options) {
  const openStack = stackOpener(options.workDir, options.env, options.cliPath);
  return {
    async preview(stackName2, environment, onEvent) {
      const stack = await openStack(stackName2);
      await ensureConfig(stack, stackName2, environment, options);
      await stack.preview({ onEvent, color: "never", suppressOutputs: true, suppressProgress: true });
    }
  };
}
async function ensureConfig(stack, stackName2, environment, options) {
  const short = stackName2.split("/").pop() ?? stackName2;
  const text = nodeProbes.readText(join3(options.workDir, `Pulumi.${short}.yaml`));
  let config = {};
  if (text !== void 0) {
    try {
      const doc = (0, import_yaml4.parse)(text);
      if (isRecord(doc) && isRecord(doc.config)) config = doc.config;
    } catch {
      config = {};
    }
  }
  if (config[configKey("environment")] === void 0) {
    await stack.setConfig(configKey("environment"), { value: environment });
  }
  if (options.policiesDir !== "policies" && config[configKey("policiesDir")] !== options.policiesDir) {
    await stack.setConfig(configKey("policiesDir"), { value: options.policiesDir });
  }
}
function createPulumiDeployer(options, runner) {
  const run = runner ?? automationUpRunner(options);
  return {
    async up(environment, deploy) {
      const stack = stackName(options.stackTemplate, environment);
      const policiesDir = deploy.policiesDir ?? options.policiesDir;
      const config = stackConfig({
        environment,
        stage: deploy.stage,
        ...policiesDir === void 0 ? {} : { policiesDir },
        ...deploy.bundleFile === void 0 ? {} : { bundleFile: deploy.bundleFile },
        ...deploy.revision === void 0 ? {} : { revision: deploy.revision }
      });
      const events = [];
      options.log?.(`pulumi up of stack ${stack} (${environment}, stage ${deploy.stage})`);
      let outputs;
      try {
        outputs = await run.up(
          stack,
          { ...config, ...options.providerConfig },
          (event) => events.push(event)
        );
      } catch (error) {
        throw classifyDeployError(error, stack, events);
      }
      let read;
      try {
        read = readStackOutputs(outputs);
      } catch (error) {
        if (error instanceof StackOutputsError)
          throw new PulumiDeployError(`pulumi up of stack ${stack}: ${error.message}`);
        throw error;
      }
      return {
        stack,
        operations: operationsFromEvents(events),
        completed: completedSteps(events),
        outputs: read
      };
    }
  };
}
function automationUpRunner(options) {
  const openStack = stackOpener(options.workDir, options.env, options.cliPath);
  return {
    async up(stackName2, config, onEvent) {
      const stack = await openStack(stackName2);
      const set = {};
      const remove = [];
      for (const [key, value] of Object.entries(config)) {
        if (value === void 0) remove.push(key);
        else set[key] = { value };
      }
      await stack.setAllConfig(set);
      if (remove.length > 0) await stack.removeAllConfig(remove);
      const result = await stack.up({
        onEvent,
        // The engine reads the live objects first: a policy deleted or edited by hand since
        // the last update is created or restored, never "updated" from a stale state.
        refresh: true,
        color: "never",
        suppressOutputs: true,
        suppressProgress: true
      });
      return Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.value]));
    }
  };
}

// action/src/adapters/pulumi-program.ts
import { execFile as execFile2 } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync as existsSync3 } from "node:fs";
import { dirname as dirname2, join as join4, relative as relative5 } from "node:path";
import { fileURLToPath } from "node:url";
var PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];
var DEFAULT_WORK_DIR = "pulumi";
var WorkDirError = class extends Error {
  name = "WorkDirError";
};
function chooseProgram(input, exists = existsSync3) {
  const hasProject = (dir) => PROJECT_FILES.some((f) => exists(join4(dir, f)));
  if (input.workDirInput !== "") {
    const workDir2 = join4(input.workspace, input.workDirInput);
    if (!hasProject(workDir2)) {
      throw new WorkDirError(
        `work-dir: "${input.workDirInput}" holds no Pulumi.yaml; give the directory of your Pulumi project, or leave work-dir empty to use the program the Action ships`
      );
    }
    return { kind: "project", workDir: workDir2 };
  }
  const workDir = join4(input.workspace, DEFAULT_WORK_DIR);
  if (hasProject(workDir)) return { kind: "project", workDir };
  return { kind: "shipped", project: input.project };
}
function actionDirOf(moduleUrl, exists = existsSync3) {
  const start = dirname2(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname2(dir)) {
    if (exists(join4(dir, "action.yml"))) return dir;
    if (dirname2(dir) === dir) return start;
  }
}
var execRunner = (command, args, cwd) => new Promise((resolve5, reject) => {
  execFile2(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
    if (!error) return resolve5();
    const output = `${stderr}
${stdout}`.trim().split("\n").slice(-20).join("\n");
    reject(new Error(`${command} ${args.join(" ")} failed (${error.message.split("\n")[0]}):
${output}`));
  });
});
var ENTRY_MODULE = `// The netpol-rollout program (program.mjs, the Action's dist/pulumi/index.js).
export { default } from ${JSON.stringify("./program.mjs")};
`;
function shippedProjectYaml(project) {
  return [
    `name: ${project}`,
    "description: Kubernetes NetworkPolicies compiled from policies/ by the program netpol-rollout ships",
    "runtime:",
    "  name: nodejs",
    "  options:",
    "    typescript: false",
    "    packagemanager: npm",
    "main: index.mjs",
    ""
  ].join("\n");
}
async function prepareShippedProgram(options, run = execRunner) {
  const shipped = join4(options.actionDir, "pulumi/shipped");
  const bundle = join4(options.actionDir, "dist/pulumi/index.js");
  const manifest = await readFile(join4(shipped, "package.json"));
  const lock = await readFile(join4(shipped, "package-lock.json"));
  const key = createHash("sha256").update(manifest).update(lock).digest("hex").slice(0, 12);
  const root = join4(options.temp, `netpol-rollout-program-${key}`);
  const installed = join4(root, ".installed");
  if (!existsSync3(installed)) {
    await mkdir(root, { recursive: true });
    await writeFile(join4(root, "package.json"), manifest);
    await writeFile(join4(root, "package-lock.json"), lock);
    options.log?.(`Installing the Pulumi SDK for the shipped program (npm ci in ${root})`);
    await run("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], root);
    await writeFile(installed, `${(/* @__PURE__ */ new Date()).toISOString()}
`);
  } else {
    options.log?.(`Pulumi SDK for the shipped program already installed (${root})`);
  }
  const projectDir = join4(root, `project-${options.project.replace(/[^A-Za-z0-9_.-]/g, "_")}`);
  await mkdir(projectDir, { recursive: true });
  await writeFile(join4(projectDir, "Pulumi.yaml"), shippedProjectYaml(options.project));
  await copyFile(bundle, join4(projectDir, "program.mjs"));
  await writeFile(join4(projectDir, "index.mjs"), ENTRY_MODULE);
  options.log?.(
    `Pulumi program: the one netpol-rollout ships, as project ${options.project} (${relative5(options.temp, projectDir)} under RUNNER_TEMP)`
  );
  return projectDir;
}
function shippedProgramEngine(prepare, create, stackOf) {
  let engine;
  return {
    async preview(environment) {
      engine ??= prepare().then(create);
      let ready;
      try {
        ready = await engine;
      } catch (error) {
        return {
          status: "failed",
          stack: stackOf(environment),
          error: `the program netpol-rollout ships could not be prepared: ${error instanceof Error ? error.message : String(error)}`
        };
      }
      return ready.preview(environment);
    }
  };
}
function shippedProgramDeployer(prepare, create, stackOf) {
  let deployer;
  return {
    async up(environment, options) {
      deployer ??= prepare().then(create);
      let ready;
      try {
        ready = await deployer;
      } catch (error) {
        throw new PulumiDeployError(
          `stack ${stackOf(environment)}: the program netpol-rollout ships could not be prepared: ${error instanceof Error ? error.message : String(error)}`
        );
      }
      return ready.up(environment, options);
    }
  };
}

export {
  stackName,
  runUrl,
  parseSettings,
  CNI_PROFILES,
  dns1123LabelProblem,
  labelKeyProblem,
  labelValueProblem,
  parseIntent,
  parseEnvironments,
  loadIntentFromDir,
  readIntentTree,
  EndpointError,
  evaluate,
  evaluateParties,
  syntheticInventory,
  policiesOfBundle,
  diffEnvironments,
  diffCompiled,
  planChecks,
  buildProbePlan,
  createGitReader,
  createGitHubAdapter,
  PulumiCliMissingError,
  checkAvailability,
  createPulumiEngine,
  createPulumiDeployer,
  chooseProgram,
  actionDirOf,
  prepareShippedProgram,
  shippedProgramEngine,
  shippedProgramDeployer
};
