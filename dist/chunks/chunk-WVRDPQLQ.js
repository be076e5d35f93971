import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  cidrContains,
  parseCidr,
  parseIp,
  representativeAddress,
  require_dist,
  require_ipaddr,
  validateNetworkPolicy,
  withLineFeeds
} from "./chunk-M3L5V6RZ.js";
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
      constructor(code2) {
        super();
        this._items = typeof code2 === "string" ? [code2] : code2;
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
      const code2 = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code2, args[i]);
        code2.push(strs[++i]);
      }
      return new _Code(code2);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args) {
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
    exports.str = str;
    function addCodeArg(code2, arg) {
      if (arg instanceof _Code)
        code2.push(...arg._items);
      else if (arg instanceof Name)
        code2.push(arg);
      else
        code2.push(interpolate(arg));
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
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify2(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify2;
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
        let code2 = code_1.nil;
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
              code2 = (0, code_1._)`${code2}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code2 = (0, code_1._)`${code2}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code2;
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
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
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
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
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
      constructor(code2) {
        super();
        this.code = code2;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
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
        return this.nodes.reduce((code2, n) => code2 + n.render(opts), "");
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
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
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
        let code2 = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code2 += "else " + this.else.render(opts);
        return code2;
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
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
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
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
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
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
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
        let code2 = "try" + super.render(opts);
        if (this.catch)
          code2 += this.catch.render(opts);
        if (this.finally)
          code2 += this.finally.render(opts);
        return code2;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
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
        const code2 = ["{"];
        for (const [key, value] of keyValues) {
          if (code2.length > 1)
            code2.push(",");
          code2.push(key);
          if (key !== value || this.opts.es5) {
            code2.push(":");
            (0, code_1.addCodeArg)(code2, value);
          }
        }
        code2.push("}");
        return new code_1._Code(code2);
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
    function optimizeExpr(expr, names, constants) {
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
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
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
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
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
    function extraErrorProps(cxt, { params, message: message2 }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message2 == "function" ? message2(cxt) : message2]);
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
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
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
      let count2 = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count2++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count2 += countKeys(sch));
        }
        if (count2 === Infinity)
          return Infinity;
      }
      return count2;
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
        function addRef(ref3) {
          const _resolve = this.opts.uriResolver.resolve;
          ref3 = normalizeId(innerBaseId ? _resolve(innerBaseId, ref3) : ref3);
          if (schemaRefs.has(ref3))
            throw ambiguos(ref3);
          schemaRefs.add(ref3);
          let schOrRef = this.refs[ref3];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref3);
          } else if (ref3 !== normalizeId(fullPath)) {
            if (ref3[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref3], ref3);
              localRefs[ref3] = sch;
            } else {
              this.refs[ref3] = fullPath;
            }
          }
          return ref3;
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
      function checkAmbiguosRef(sch1, sch2, ref3) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref3);
      }
      function ambiguos(ref3) {
        return new Error(`reference "${ref3}" resolves to more than one schema`);
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
      constructor(resolver, baseId, ref3, msg) {
        super(msg || `can't resolve reference ${ref3} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref3);
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
    function resolveRef(root, baseId, ref3) {
      var _a;
      ref3 = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref3);
      const schOrFunc = root.refs[ref3];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve.call(this, root, ref3);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref3];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref3] = inlineOrCompile.call(this, _sch);
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
    function resolve(root, ref3) {
      let sch;
      while (typeof (sch = this.refs[ref3]) == "string")
        ref3 = sch;
      return sch || this.schemas[ref3] || resolveSchema.call(this, root, ref3);
    }
    function resolveSchema(root, ref3) {
      const p = this.opts.uriResolver.parse(ref3);
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
      if (id === (0, resolve_1.normalizeId)(ref3)) {
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
      let code2 = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code2 = input[i].charCodeAt(0);
        if (code2 === 48) {
          continue;
        }
        if (!(code2 >= 48 && code2 <= 57 || code2 >= 65 && code2 <= 70 || code2 >= 97 && code2 <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code2 = input[i].charCodeAt(0);
        if (!(code2 >= 48 && code2 <= 57 || code2 >= 65 && code2 <= 70 || code2 >= 97 && code2 <= 102)) {
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
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
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
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += isEscapeSafe(code2) ? ch : BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
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
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
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
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
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
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += isEscapeSafe(code2) ? ch : BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
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
    function resolve(baseURI, relativeURI, options) {
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
    function resolveComponent(base, relative, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse(serialize(base, options), options);
        relative = parse(serialize(relative, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative.scheme) {
        target.scheme = relative.scheme;
        target.userinfo = relative.userinfo;
        target.host = relative.host;
        target.port = relative.port;
        target.path = removeDotSegments(relative.path || "");
        target.query = relative.query;
      } else {
        if (relative.userinfo !== void 0 || relative.host !== void 0 || relative.port !== void 0) {
          target.userinfo = relative.userinfo;
          target.host = relative.host;
          target.port = relative.port;
          target.path = removeDotSegments(relative.path || "");
          target.query = relative.query;
        } else {
          if (!relative.path) {
            target.path = base.path;
            if (relative.query !== void 0) {
              target.query = relative.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative.path[0] === "/") {
              target.path = removeDotSegments(relative.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative.path;
              } else if (!base.path) {
                target.path = relative.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative.fragment;
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
      resolve,
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
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
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
    function requiredOptions(o2) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o2.strict;
      const _optz = (_a = o2.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o2.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o2.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o2.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o2.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o2.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o2.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o2.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o2.code ? { ...o2.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o2.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o2.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o2.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o2.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o2.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o2.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o2.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o2.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o2.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o2.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o2.int32range) !== null && _0 !== void 0 ? _0 : true,
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
        function checkLoaded({ missingSchema: ref3, missingRef }) {
          if (this.refs[ref3]) {
            throw new Error(`AnySchema ${ref3} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref3) {
          const _schema = await _loadSchema.call(this, ref3);
          if (!this.refs[ref3])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref3])
            this.addSchema(_schema, ref3, meta);
        }
        async function _loadSchema(ref3) {
          const p = this._loading[ref3];
          if (p)
            return p;
          try {
            return await (this._loading[ref3] = loadSchema(ref3));
          } finally {
            delete this._loading[ref3];
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
          const message2 = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message2);
          else
            throw new Error(message2);
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
      addVocabulary(definitions2) {
        for (const def of definitions2)
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
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
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
          const count2 = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count2)));
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
        function checkLimits(count2) {
          gen.code((0, codegen_1._)`${count2}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count2} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count2} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count2} >= ${min}`, () => gen.assign(valid, true));
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
            const code2 = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code: code2 });
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
              const ref3 = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref3);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref3);
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

// node_modules/fastest-levenshtein/mod.js
var require_mod = __commonJS({
  "node_modules/fastest-levenshtein/mod.js"(exports) {
    "use strict";
    exports.__esModule = true;
    exports.distance = exports.closest = void 0;
    var peq = new Uint32Array(65536);
    var myers_32 = function(a, b) {
      var n = a.length;
      var m = b.length;
      var lst = 1 << n - 1;
      var pv = -1;
      var mv = 0;
      var sc = n;
      var i = n;
      while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
      }
      for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= (eq & pv) + pv ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
          sc++;
        }
        if (pv & lst) {
          sc--;
        }
        mv = mv << 1 | 1;
        pv = pv << 1 | ~(xv | mv);
        mv &= xv;
      }
      i = n;
      while (i--) {
        peq[a.charCodeAt(i)] = 0;
      }
      return sc;
    };
    var myers_x = function(b, a) {
      var n = a.length;
      var m = b.length;
      var mhc = [];
      var phc = [];
      var hsize = Math.ceil(n / 32);
      var vsize = Math.ceil(m / 32);
      for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
      }
      var j = 0;
      for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
          var eq = peq[a.charCodeAt(i)];
          var pb = phc[i / 32 | 0] >>> i & 1;
          var mb = mhc[i / 32 | 0] >>> i & 1;
          var xv = eq | mv_1;
          var xh = ((eq | mb) & pv_1) + pv_1 ^ pv_1 | eq | mb;
          var ph = mv_1 | ~(xh | pv_1);
          var mh = pv_1 & xh;
          if (ph >>> 31 ^ pb) {
            phc[i / 32 | 0] ^= 1 << i;
          }
          if (mh >>> 31 ^ mb) {
            mhc[i / 32 | 0] ^= 1 << i;
          }
          ph = ph << 1 | pb;
          mh = mh << 1 | mb;
          pv_1 = mh | ~(xv | ph);
          mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] = 0;
        }
      }
      var mv = 0;
      var pv = -1;
      var start = j * 32;
      var vlen = Math.min(32, m - start) + start;
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
      }
      var score = m;
      for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = phc[i / 32 | 0] >>> i & 1;
        var mb = mhc[i / 32 | 0] >>> i & 1;
        var xv = eq | mv;
        var xh = ((eq | mb) & pv) + pv ^ pv | eq | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += ph >>> m - 1 & 1;
        score -= mh >>> m - 1 & 1;
        if (ph >>> 31 ^ pb) {
          phc[i / 32 | 0] ^= 1 << i;
        }
        if (mh >>> 31 ^ mb) {
          mhc[i / 32 | 0] ^= 1 << i;
        }
        ph = ph << 1 | pb;
        mh = mh << 1 | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
      }
      return score;
    };
    var distance3 = function(a, b) {
      if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
      }
      if (b.length === 0) {
        return a.length;
      }
      if (a.length <= 32) {
        return myers_32(a, b);
      }
      return myers_x(a, b);
    };
    exports.distance = distance3;
    var closest3 = function(str, arr) {
      var min_distance = Infinity;
      var min_index = 0;
      for (var i = 0; i < arr.length; i++) {
        var dist = distance3(str, arr[i]);
        if (dist < min_distance) {
          min_distance = dist;
          min_index = i;
        }
      }
      return arr[min_index];
    };
    exports.closest = closest3;
  }
});

// action/src/text/escape.ts
var MARKDOWN_ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "|": "&#124;",
  "`": "&#96;",
  "*": "&#42;",
  _: "&#95;",
  "[": "&#91;",
  "]": "&#93;",
  "\\": "&#92;",
  "~": "&#126;",
  "#": "&#35;",
  $: "&#36;",
  // A zero-width space after @ keeps "@org/team" in a name from notifying anyone.
  "@": "@&#8203;"
};
var MARKDOWN_SPECIAL = /[&<>|`*_[\]\\~#$@]/g;
var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
function visible(text) {
  return text.replace(INVISIBLE, escapeChar);
}
function escapeChar(c) {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function escapeMarkdown(text) {
  return visible(text).replace(MARKDOWN_SPECIAL, (c) => MARKDOWN_ENTITIES[c] ?? c).replace(/:\/\//g, "&#58;//").replace(/\b(www)\./gi, "$1&#46;");
}
function code(text) {
  return `<code>${escapeMarkdown(text)}</code>`;
}
function escapePre(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
function mermaidLabel(text) {
  let out = "";
  for (const ch of visible(text)) {
    if (/[A-Za-z0-9 ./:,+=-]/.test(ch)) out += ch;
    else if (ch === '"') out += "#quot;";
    else out += `#${ch.codePointAt(0) ?? 63};`;
  }
  return `"${out}"`;
}
function cutUtf16(text, max) {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 55296 && last <= 56319) end--;
  return text.slice(0, end);
}
function clip(text, max) {
  if (text.length <= max) return text;
  return `${cutUtf16(text, max)}\u2026 (${text.length - max} more characters)`;
}

// action/src/intent/model.ts
function isKubeNamespace(name) {
  return name.startsWith("kube-");
}
function formatIntentError(e) {
  return visible(`${e.file}:${e.line}:${e.column}: ${e.message}${e.hint ? ` (${e.hint})` : ""}`);
}

// action/src/compile/compile.ts
import { createHash } from "node:crypto";

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

// action/src/intent/shape.ts
var import_ajv = __toESM(require_ajv(), 1);
var import_fastest_levenshtein = __toESM(require_mod(), 1);

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
    denials: {
      $ref: "#/definitions/denials"
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
    replaces: {
      $ref: "#/definitions/replaces"
    },
    clusters: {
      $ref: "#/definitions/clusters"
    },
    waveSize: {
      $ref: "#/definitions/waveSize"
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
        denials: {
          $ref: "#/definitions/denials"
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
        replaces: {
          $ref: "#/definitions/replaces"
        },
        clusters: {
          $ref: "#/definitions/clusters"
        },
        waveSize: {
          $ref: "#/definitions/waveSize"
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
      description: "The cluster's network plugin. Decides the DNS selector mode, whether kubelet health checks need nodeCidrs, whether SCTP and FQDN egress exist, what a denied connection looks like (see denials) and how long the dataplane may take to enforce a change.",
      type: "string",
      enum: ["calico", "cilium", "kube-router", "generic"]
    },
    denials: {
      title: "how denied connections look",
      description: "drop: a denied connection times out; reject: it is refused, as by a port where nothing listens (the probes then read a refusal as blocked and check declared flows on ports that listen). Default: the CNI profile's (calico, cilium: drop; kube-router: reject; generic: unknown, where a refusal decides nothing). On Calico, write reject where FelixConfiguration iptablesFilterDenyAction (or nftablesFilterDenyAction) is Reject.",
      type: "string",
      enum: ["drop", "reject"]
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
    replaces: {
      title: "directory of the replaced policies",
      description: "The NetworkPolicies (and CiliumNetworkPolicies) this environment takes over from the cluster, as `netpol-rollout import` recorded them: a directory relative to policies/ holding one v1 List per namespace, e.g. imported/production. Until the first deploy the preview compares with them; the first deploy replaces them in safe steps.",
      type: "string",
      pattern: "^[^/]"
    },
    clusters: {
      title: "list of clusters",
      description: "The clusters this environment spans, when it is more than one. Each gets the whole intent; canary clusters deploy and are probed first, then the rest in waves of waveSize, in listed order. Default: one cluster, reached through the Action's kubeconfig and context inputs.",
      type: "array",
      items: {
        $ref: "#/definitions/cluster"
      }
    },
    cluster: {
      title: "cluster",
      description: "One cluster of the environment: its name, how to reach it, and the values that differ on it.",
      type: "object",
      properties: {
        name: {
          title: "cluster name",
          description: "A DNS label (lowercase letters, digits, '-'), unique in the environment. Names the cluster's Pulumi stack, run lock and records.",
          type: "string"
        },
        kubeconfigSecret: {
          title: "secret name",
          description: "The GitHub secret holding this cluster's kubeconfig file (letters, digits and '_'). Give it, context, or both.",
          type: "string"
        },
        context: {
          title: "context name",
          description: "The kubeconfig context of this cluster. Default: the kubeconfig's current-context.",
          type: "string"
        },
        canary: {
          title: "canary flag",
          description: "true: this cluster deploys and is probed before every other cluster of the environment. With two clusters or more, at least one is a canary. Default: false.",
          type: "boolean"
        },
        cni: {
          $ref: "#/definitions/cni",
          description: "The CNI profile of this cluster, when it differs from the environment's cni. Default: the environment's."
        },
        nodeCidrs: {
          $ref: "#/definitions/nodeCidrs",
          description: "CIDRs kubelet health checks come from on this cluster; replaces the environment's nodeCidrs here. Default: the environment's."
        }
      },
      required: ["name"],
      additionalProperties: false
    },
    waveSize: {
      title: "wave size",
      description: "How many non-canary clusters deploy at once, after the canaries passed their probes. Needs clusters. Default: all of them in one wave.",
      type: "integer",
      minimum: 1,
      maximum: 1e3
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
        },
        policies: {
          $ref: "#/definitions/handWrittenPolicies"
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
          $ref: "#/definitions/portValue",
          description: 'The port number (first of the range); "8080" reads as 8080.'
        },
        endPort: {
          $ref: "#/definitions/portValue",
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
    },
    handWrittenPolicies: {
      title: "map of hand-written policies",
      description: "For what a flow cannot say (a namespace chosen by its labels, matchExpressions, a rule for every source, a named port): name to NetworkPolicy spec, deployed as NetworkPolicy custom.<name> in this namespace. Prefer flows: a hand-written policy opens one side only, and the probes check declared flows.",
      type: "object",
      additionalProperties: {
        $ref: "#/definitions/handWrittenPolicy"
      }
    },
    handWrittenPolicy: {
      title: "hand-written policy",
      description: "A networking.k8s.io/v1 NetworkPolicy spec, as the Kubernetes API reference defines it. Without policyTypes, Ingress always and Egress when egress rules are given (the API server's defaulting).",
      type: "object",
      properties: {
        podSelector: {
          $ref: "#/definitions/labelSelector",
          description: "The pods of this namespace the policy applies to; {} selects every pod."
        },
        policyTypes: {
          title: "list of policy types",
          description: "The directions the policy isolates its pods in. Default: Ingress, and Egress when egress rules are given.",
          type: "array",
          items: {
            type: "string",
            enum: ["Ingress", "Egress"]
          }
        },
        ingress: {
          title: "list of ingress rules",
          type: "array",
          items: {
            $ref: "#/definitions/ingressRule"
          },
          description: "Allowed incoming traffic; an isolated direction without rules allows nothing."
        },
        egress: {
          title: "list of egress rules",
          type: "array",
          items: {
            $ref: "#/definitions/egressRule"
          },
          description: "Allowed outgoing traffic; an isolated direction without rules allows nothing."
        }
      },
      required: ["podSelector"],
      additionalProperties: false
    },
    labelSelector: {
      title: "label selector",
      description: "matchLabels and matchExpressions, ANDed; {} selects everything.",
      type: "object",
      properties: {
        matchLabels: {
          $ref: "#/definitions/labels",
          description: "Labels an object must carry, each with this value."
        },
        matchExpressions: {
          title: "list of label requirements",
          type: "array",
          items: {
            title: "label requirement",
            type: "object",
            properties: {
              key: {
                title: "label key",
                type: "string",
                description: "The label key."
              },
              operator: {
                title: "operator",
                type: "string",
                enum: ["In", "NotIn", "Exists", "DoesNotExist"],
                description: "In: the value is one of values; NotIn: absent or not one of values; Exists: present; DoesNotExist: absent."
              },
              values: {
                title: "list of label values",
                type: "array",
                items: {
                  type: "string",
                  title: "label value"
                },
                description: "For In and NotIn, at least one; none for Exists and DoesNotExist."
              }
            },
            required: ["key", "operator"],
            additionalProperties: false,
            description: "key, operator (In, NotIn, Exists, DoesNotExist) and values."
          },
          description: "Requirements an object's labels must meet, all of them."
        }
      },
      additionalProperties: false
    },
    policyPeer: {
      title: "peer",
      description: "podSelector and/or namespaceSelector (both in one peer: pods with these labels in those namespaces; podSelector alone: this namespace), or ipBlock.",
      type: "object",
      properties: {
        podSelector: {
          $ref: "#/definitions/labelSelector",
          description: "Pods with these labels: in the policy's namespace, or with namespaceSelector in the same peer, in those namespaces."
        },
        namespaceSelector: {
          $ref: "#/definitions/labelSelector",
          description: "Namespaces by their labels (kubernetes.io/metadata.name: NAME for one by name); {} is every namespace."
        },
        ipBlock: {
          title: "IP block",
          type: "object",
          properties: {
            cidr: {
              $ref: "#/definitions/cidr",
              description: "The network."
            },
            except: {
              title: "list of CIDRs",
              type: "array",
              items: {
                $ref: "#/definitions/cidr"
              },
              description: "Networks inside cidr that stay out."
            }
          },
          required: ["cidr"],
          additionalProperties: false,
          description: "Addresses of a CIDR, except the listed CIDRs inside it."
        }
      },
      additionalProperties: false
    },
    policyPort: {
      title: "port",
      description: "protocol (default TCP), port (a number or a named container port; absent: every port), endPort.",
      type: "object",
      properties: {
        protocol: {
          title: "protocol",
          type: "string",
          enum: ["TCP", "UDP", "SCTP"],
          description: "TCP, UDP or SCTP. Default: TCP."
        },
        port: {
          title: "port number or name",
          type: ["integer", "string"],
          description: "A number, or the name of a container port on the destination pod. Absent: every port of the protocol."
        },
        endPort: {
          $ref: "#/definitions/portNumber",
          description: "The last port of a range starting at port (a number)."
        }
      },
      additionalProperties: false
    },
    ingressRule: {
      title: "ingress rule",
      description: "Traffic from any of `from` (absent: from everywhere) on any of `ports` (absent: every port).",
      type: "object",
      properties: {
        from: {
          title: "list of peers",
          type: "array",
          items: {
            $ref: "#/definitions/policyPeer"
          },
          description: "Peers: any of them matches; absent or empty matches every source or destination."
        },
        ports: {
          title: "list of ports",
          type: "array",
          items: {
            $ref: "#/definitions/policyPort"
          },
          description: "Ports: any of them matches; absent or empty matches every port and protocol."
        }
      },
      additionalProperties: false
    },
    egressRule: {
      title: "egress rule",
      description: "Traffic to any of `to` (absent: to everywhere) on any of `ports` (absent: every port).",
      type: "object",
      properties: {
        to: {
          title: "list of peers",
          type: "array",
          items: {
            $ref: "#/definitions/policyPeer"
          },
          description: "Peers: any of them matches; absent or empty matches every source or destination."
        },
        ports: {
          title: "list of ports",
          type: "array",
          items: {
            $ref: "#/definitions/policyPort"
          },
          description: "Ports: any of them matches; absent or empty matches every port and protocol."
        }
      },
      additionalProperties: false
    },
    portValue: {
      title: "port number (1-65535)",
      description: 'A number; digits in quotes ("8080") read the same.',
      anyOf: [
        {
          $ref: "#/definitions/portNumber"
        },
        {
          type: "string",
          pattern: "^\\s*[0-9]+\\s*$"
        }
      ]
    }
  }
};

// action/src/intent/tree.ts
var import_yaml = __toESM(require_dist(), 1);

// action/src/k8s/record.ts
function emptyRecord() {
  return /* @__PURE__ */ Object.create(null);
}
function setEntry(record, key, value) {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
function recordFrom(entries) {
  const out = emptyRecord();
  for (const [key, value] of entries) setEntry(out, key, value);
  return out;
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
  const open = [];
  let previous;
  for (const line of lines) {
    const top = open[open.length - 1];
    if (!previous || !top) {
      open.push({ column: line.indent, line });
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
      open.push({ column: line.indent, line });
    } else {
      while (open.length > 1 && open[open.length - 1].column > line.indent) open.pop();
      const now = open[open.length - 1];
      if (now.column !== line.indent) {
        const inner = open.find((o2) => o2.column > line.indent) ?? top;
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
      open[open.length - 1] = { column: line.indent, line };
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
function errorAt(pos, message2, hint) {
  const full = pos.via ? `${message2} (in ${pos.via})` : message2;
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
    const message2 = error instanceof Error ? error.message : String(error);
    return { file, errors: [{ file, line: 1, column: 1, message: `cannot parse YAML: ${message2}` }] };
  }
  const at2 = (offset) => {
    const lp = lineCounter.linePos(offset);
    return { file, line: lp.line, column: lp.col };
  };
  if (doc.errors.length > 0) {
    const lastLine = Math.max(...doc.errors.map((e) => at2(e.pos[0]).line));
    const mistake = doc.errors.some((e) => e.code === "TAB_AS_INDENT") ? void 0 : indentationMistake(file, text);
    if (mistake && mistake.line <= lastLine + 1) return { file, errors: [mistake] };
    const errors2 = doc.errors.map((e) => {
      const pos = at2(e.pos[0]);
      const message2 = MESSAGES[e.code] ?? `YAML syntax error: ${lowerFirst(e.message.split("\n")[0] ?? "")}`;
      return errorAt(pos, message2);
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
      const pos2 = node.range ? at2(node.range[0]) : fallback;
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
    const pos = isNodeWithRange(node) && node.range ? at2(node.range[0]) : fallback;
    if ((0, import_yaml.isMap)(node)) {
      const entries = [];
      const seen = /* @__PURE__ */ new Map();
      for (const pair of node.items) {
        if (!(0, import_yaml.isPair)(pair)) continue;
        const keyNode = pair.key;
        const keyPos = isNodeWithRange(keyNode) && keyNode.range ? at2(keyNode.range[0]) : pos;
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

// action/src/intent/dedent.ts
var definitions = schema_default.definitions;
function deref(node) {
  let n = node;
  for (let i = 0; n?.$ref !== void 0 && i < 16; i++) n = definitions[n.$ref.replace("#/definitions/", "")];
  return n;
}
function schemaAt(root, parts) {
  let node = deref(root);
  for (const part of parts) {
    if (!node) return void 0;
    if (node.properties?.[part]) node = deref(node.properties[part]);
    else if (typeof node.additionalProperties === "object") node = deref(node.additionalProperties);
    else if (node.items && /^\d+$/.test(part)) node = deref(node.items);
    else return void 0;
  }
  return node;
}
function takes(map, key, value) {
  if (!map) return 0;
  if (map.properties?.[key]) return 2;
  const any = typeof map.additionalProperties === "object" ? deref(map.additionalProperties) : void 0;
  if (!any) return 0;
  const kind = value.kind === "map" ? "object" : value.kind === "seq" ? "array" : typeof value.value;
  const types = any.type === void 0 ? void 0 : [any.type].flat();
  return types === void 0 || types.includes(kind) ? 1 : 0;
}
function decode(part) {
  return part.replace(/~1/g, "/").replace(/~0/g, "~");
}
function dedentedKey(root, shape, pointer, key) {
  const top = definitions[shape];
  const parent = nodeAtPointer(root, pointer).node;
  if (!top || parent.kind !== "map") return void 0;
  const index = parent.entries.findIndex((e) => e.key === key);
  const entry2 = parent.entries[index];
  const previous = parent.entries[index - 1];
  if (!entry2 || !previous) return void 0;
  const parts = pointer.split("/").slice(1).map(decode);
  let best;
  let at2 = previous;
  let path = [...parts, previous.key];
  for (let depth = 0; depth < 8 && at2.value.kind === "map"; depth++) {
    const score = takes(schemaAt(top, path), key, entry2.value);
    const first = at2.value.entries[0];
    const deeper = first !== void 0 && first.keyPos.line > at2.keyPos.line && first.keyPos.column > entry2.keyPos.column;
    if (score > 0 && deeper && (!best || score > best.score)) best = { entry: at2, score };
    if (best?.score === 2) break;
    const last = at2.value.entries[at2.value.entries.length - 1];
    if (!last) break;
    at2 = last;
    path = [...path, last.key];
  }
  if (!best) return void 0;
  const target = best.entry;
  const column = target.value.entries[0].keyPos.column;
  const spaces2 = column - entry2.keyPos.column;
  return errorAt(
    entry2.keyPos,
    `'${key}' is indented as ${parts.length > 0 ? `a key of '${parts[parts.length - 1]}'` : "a top-level key"}, but reads as belonging to '${target.key}' above it (line ${target.keyPos.line})`,
    `indent it ${spaces2} space${spaces2 === 1 ? "" : "s"} more, to column ${column}, under '${target.key}'`
  );
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
    const err = humanize(node, e, name);
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
function humanize(root, e, shape) {
  if (e.keyword === "anyOf" || OWN_CHECKS.test(e.instancePath)) return void 0;
  if (e.keyword === "pattern" || e.keyword === "propertyNames" || e.schemaPath.includes("/propertyNames/"))
    return void 0;
  const parent = e.parentSchema ?? {};
  const { node, keyPos } = nodeAtPointer(root, e.instancePath);
  const title = parent.title ?? "a value";
  const where = lastKey(e.instancePath);
  if (e.keyword === "additionalProperties" || e.keyword === "type" && keyPos !== void 0) {
    const parts = e.instancePath.split("/");
    const key = e.keyword === "additionalProperties" ? String(e.params.additionalProperty) : (parts.pop() ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
    const pointer = e.keyword === "additionalProperties" ? e.instancePath : parts.join("/");
    const dedented = dedentedKey(root, shape, pointer, key);
    if (dedented) return dedented;
  }
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
      const unique3 = allowed2.filter(
        (a, i) => allowed2.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i
      );
      const value = node.kind === "scalar" ? scalarText(node) : describe(node);
      return errorAt(node.pos, `unknown ${where ?? title} '${value}'`, suggest(value, unique3));
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
  if (isClose(value, known)) return `did you mean '${(0, import_fastest_levenshtein.closest)(value, known)}'?`;
  if (known.length <= 16) return `expected one of: ${known.join(", ")}`;
  return void 0;
}
function didYouMean(value, known) {
  if (known.length === 0) return void 0;
  return isClose(value, known) ? `did you mean '${(0, import_fastest_levenshtein.closest)(value, known)}'?` : void 0;
}
function closeMatch(value, known) {
  return known.length > 0 && isClose(value, known) ? (0, import_fastest_levenshtein.closest)(value, known) : void 0;
}
function isClose(value, known) {
  const best = (0, import_fastest_levenshtein.closest)(value, known);
  const limit = value.length <= 4 ? 1 : Math.max(2, Math.floor(value.length / 3));
  return (0, import_fastest_levenshtein.distance)(value.toLowerCase(), best.toLowerCase()) <= limit;
}

// action/src/intent/policies.ts
var HAND_WRITTEN_PREFIX = "custom.";
var MAX_NAME = 253 - HAND_WRITTEN_PREFIX.length;
function ref(pos) {
  return { file: pos.file, line: pos.line, column: pos.column };
}
function readHandWrittenPolicies(decls, namespace, managed, fail) {
  const byName = /* @__PURE__ */ new Map();
  for (const d of decls) {
    for (const e of asMap(get(d.node, "policies"))?.entries ?? []) {
      const list2 = byName.get(e.key) ?? [];
      list2.push({ keyPos: e.keyPos, node: e.value, fromEnv: d.fromEnv });
      byName.set(e.key, list2);
    }
  }
  const out = [];
  for (const [name, list2] of byName) {
    const included = list2.filter((d) => !d.fromEnv);
    for (const dup of included.slice(1)) {
      const first = included[0].keyPos;
      fail(
        dup.keyPos,
        `hand-written policy '${name}' in namespace '${namespace}' is already declared at ${first.file}:${first.line}:${first.column}`,
        "declare it once; the environment file may redeclare it to replace it"
      );
    }
    const main = list2.find((d) => d.fromEnv) ?? included[0];
    const problem = dns1123SubdomainProblem(name);
    if (problem) {
      fail(main.keyPos, `policy name '${name}' ${problem}`);
      continue;
    }
    if (name.length > MAX_NAME) {
      fail(main.keyPos, `policy name '${name}' is ${name.length} characters long; at most ${MAX_NAME}`);
      continue;
    }
    if (!managed) {
      fail(
        main.keyPos,
        `namespace '${namespace}' is not managed, so hand-written policy '${name}' would be created nowhere`,
        "write managed: true for the namespace, or remove the policy"
      );
      continue;
    }
    const policy = readPolicy(name, namespace, main.node, main.keyPos, fail);
    if (policy) out.push(policy);
  }
  return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function readPolicy(name, namespace, node, keyPos, fail) {
  const map = asMap(node);
  if (!map) return void 0;
  const shape = checkShape(map, "handWrittenPolicy");
  const reported = new Set(
    shape.flatMap((e) => e.line === map.pos.line ? [e.line, keyPos.line] : [e.line])
  );
  const spec = plainJson(map);
  const problems = validateNetworkPolicy({ metadata: { name: `${HAND_WRITTEN_PREFIX}${name}` }, spec });
  let ok = shape.length === 0;
  for (const p of problems) {
    if (p.path[0] !== "spec") continue;
    const pointer = p.path.slice(1).map((k) => `/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
    const at2 = nodeAtPointer(map, pointer);
    const pos = at2.node === map ? keyPos : at2.keyPos ?? at2.node.pos;
    ok = false;
    if (!reported.has(pos.line)) fail(pos, `policy '${name}': ${p.message}`);
  }
  if (!ok) return void 0;
  const sources = (key) => (asSeq(get(map, key))?.items ?? []).map((item) => ref(item.pos));
  return {
    name,
    namespace,
    spec,
    ruleSources: { ingress: sources("ingress"), egress: sources("egress") },
    source: ref(keyPos)
  };
}
function plainJson(node) {
  switch (node.kind) {
    case "map": {
      const out = {};
      for (const e of node.entries) {
        Object.defineProperty(out, e.key, {
          value: plainJson(e.value),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      return out;
    }
    case "seq":
      return node.items.map(plainJson);
    case "scalar":
      return node.value;
  }
}

// action/src/compile/canonical.ts
function canonicalJson(value) {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    return text === void 0 ? "null" : text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const record = value;
  const parts = [];
  for (const key of Object.keys(record).sort(compareStrings)) {
    const member = record[key];
    if (member === void 0) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(",")}}`;
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortedRecord(record) {
  const out = {};
  for (const key of Object.keys(record).sort(compareStrings)) setEntry(out, key, record[key]);
  return out;
}

// action/src/compile/types.ts
var MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
var MANAGED_BY_VALUE = "netpol-rollout";
var ENVIRONMENT_LABEL = "netpol-rollout.io/environment";
var STAGE_LABEL = "netpol-rollout.io/stage";
var SOURCE_ANNOTATION = "netpol-rollout.io/source";

// action/src/compile/compile.ts
var CompileError = class extends Error {
  name = "CompileError";
};
var DEFAULT_DENY_NAME = "default-deny-all";
var ALLOW_DNS_NAME = "allow-dns";
var NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
var CILIUM_NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace";
var CILIUM_MAX_PORTS_PER_RULE = 40;
var DNS_PORTS = [
  { protocol: "TCP", port: 53 },
  { protocol: "UDP", port: 53 }
];
var DNS1123_SUBDOMAIN2 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
function compileEnvironment(env) {
  return new Compiler(env).compile();
}
var Compiler = class {
  constructor(env) {
    this.env = env;
    this.excluded = new Set(env.excludedNamespaces);
    if (!LABEL_VALUE.test(env.name) || env.name.length > 63) {
      throw new CompileError(`environment name "${env.name}" is not a valid label value`);
    }
    for (const ns of env.namespaces) {
      this.namespaces.set(ns.name, ns);
      if (ns.managed) this.assertEmittable(ns.name);
      const byName = /* @__PURE__ */ new Map();
      for (const svc of ns.services) byName.set(svc.name, svc);
      this.services.set(ns.name, byName);
    }
  }
  env;
  namespaces = /* @__PURE__ */ new Map();
  /** Services by namespace, then name. */
  services = /* @__PURE__ */ new Map();
  targets = /* @__PURE__ */ new Map();
  /** canonicalJson of service peers, by "ns/service" ("@" suffix: seen from another namespace). */
  peerKeys = /* @__PURE__ */ new Map();
  /** Services that get an ingress rule for kubelet health checks. */
  healthTargets = /* @__PURE__ */ new Set();
  excluded;
  /** env.nodeCidrs deduplicated and sorted, once. */
  nodeCidrs;
  compile() {
    for (const flow of this.env.flows) this.addFlow(flow);
    const objects = [];
    for (const ns of this.env.namespaces) {
      if (!ns.managed) continue;
      if (ns.defaultDeny) {
        objects.push(this.defaultDeny(ns), this.allowDns(ns));
      }
      for (const svc of ns.services) this.addHealthChecks(ns, svc);
      for (const policy of ns.policies ?? []) objects.push(this.handWritten(ns, policy));
    }
    for (const target of this.targets.values()) objects.push(...this.targetPolicies(target));
    objects.sort(compareObjects);
    for (let i = 1; i < objects.length; i++) {
      if (compareObjects(objects[i - 1], objects[i]) === 0) {
        const { kind, metadata } = objects[i].manifest;
        throw new CompileError(`two objects named ${kind}/${metadata.namespace ?? ""}/${metadata.name}`);
      }
    }
    return {
      environment: this.env.name,
      cni: this.env.cni,
      ...this.env.denials !== void 0 ? { denials: this.env.denials } : {},
      objects
    };
  }
  // --- flows → rule entries -------------------------------------------------------------
  addFlow(flow) {
    const ports = flowPorts(flow.ports);
    const fromTarget = this.targetOf(flow.from, flow);
    if (fromTarget) {
      if (flow.to.kind === "fqdn") {
        if (!this.env.profile.fqdnEgress) {
          throw new CompileError(
            `${at(flow.source)}: FQDN destination ${flow.to.fqdn} needs a CNI profile with FQDN egress; ${this.env.cni} has none`
          );
        }
        fromTarget.fqdn.push({ fqdn: flow.to.fqdn, ports, origin: flow.source });
      } else {
        fromTarget.egress.push(this.entry(flow.to, fromTarget.namespace.name, flow, ports));
      }
    }
    const toTarget = this.targetOf(flow.to, flow);
    if (toTarget) {
      if (flow.from.kind === "fqdn") {
        throw new CompileError(`${at(flow.source)}: an FQDN cannot be the source of a flow`);
      }
      toTarget.ingress.push(this.entry(flow.from, toTarget.namespace.name, flow, ports));
    }
  }
  /** The target a flow endpoint attaches a policy to, or undefined when it gets none. */
  targetOf(endpoint, flow) {
    if (endpoint.kind === "cidr" || endpoint.kind === "fqdn") return void 0;
    const ns = this.namespaces.get(endpoint.namespace);
    if (endpoint.kind === "service") {
      const svc = this.service(endpoint.namespace, endpoint.service, flow);
      if (!ns?.managed) return void 0;
      return this.serviceTarget(ns, svc);
    }
    if (!ns?.managed) return void 0;
    const podLabels = endpoint.podLabels ?? {};
    const hasLabels = Object.keys(podLabels).length > 0;
    const baseName = hasLabels ? `pods.${shortHash(canonicalJson(podLabels))}` : "pods.all";
    const key = `${ns.name}/${baseName}`;
    let target = this.targets.get(key);
    if (!target) {
      target = {
        namespace: ns,
        baseName,
        labels: podLabels,
        source: ns.source,
        ingress: [],
        egress: [],
        fqdn: []
      };
      this.targets.set(key, target);
    }
    return target;
  }
  serviceTarget(ns, svc) {
    const key = `${ns.name}/${svc.name}`;
    let target = this.targets.get(key);
    if (!target) {
      if (Object.keys(svc.labels).length === 0) {
        throw new CompileError(`${at(svc.source)}: service ${svc.name} has no labels`);
      }
      target = {
        namespace: ns,
        baseName: svc.name,
        labels: svc.labels,
        service: svc,
        source: svc.source,
        ingress: [],
        egress: [],
        fqdn: []
      };
      this.targets.set(key, target);
    }
    return target;
  }
  service(namespace, name, flow) {
    const svc = this.services.get(namespace)?.get(name);
    if (!svc)
      throw new CompileError(`${at(flow.source)}: flow names undeclared service ${namespace}/${name}`);
    return svc;
  }
  /** A rule entry; the canonical key of a service peer is computed once per side. */
  entry(endpoint, policyNamespace, flow, ports) {
    let peerKey;
    let rank;
    if (endpoint.kind === "service") {
      const same = endpoint.namespace === policyNamespace;
      rank = same ? 0 : 1;
      const cacheKey = `${endpoint.namespace}/${endpoint.service}${same ? "" : "@"}`;
      peerKey = this.peerKeys.get(cacheKey);
      if (peerKey === void 0) {
        peerKey = canonicalJson(this.peerFor(endpoint, policyNamespace, flow));
        this.peerKeys.set(cacheKey, peerKey);
      }
    } else {
      rank = endpoint.kind === "namespace" ? 2 : 3;
      peerKey = canonicalJson(this.peerFor(endpoint, policyNamespace, flow));
    }
    return { endpoint, policyNamespace, flow, peerKey, rank, ports };
  }
  /**
   * One rule per distinct peer, with the union of the ports of every flow through it, so each
   * rule reads as "this caller, these ports". Rules sort by peer kind, then by the peer's
   * canonical JSON.
   */
  rules(entries) {
    const byPeer = /* @__PURE__ */ new Map();
    for (const entry2 of entries) {
      const seen = byPeer.get(entry2.peerKey);
      if (!seen)
        byPeer.set(entry2.peerKey, { first: entry2, ports: entry2.ports, origins: [entry2.flow.source] });
      else {
        seen.ports = mergePorts(seen.ports, entry2.ports);
        seen.origins.push(entry2.flow.source);
      }
    }
    return [...byPeer.values()].sort((a, b) => a.first.rank - b.first.rank || compareStrings(a.first.peerKey, b.first.peerKey)).map(({ first, ports, origins }) => ({
      peer: this.peerFor(first.endpoint, first.policyNamespace, first.flow),
      ports: ports === "all" ? "all" : normalizePorts(ports),
      origins: sortSources(origins)
    }));
  }
  /**
   * The peer that selects `endpoint` from a policy in `policyNamespace`. A namespaceSelector
   * and a podSelector in ONE peer are ANDed (pods with these labels in that namespace); a
   * podSelector alone selects pods of the policy's own namespace only.
   */
  peerFor(endpoint, policyNamespace, flow) {
    switch (endpoint.kind) {
      case "service": {
        const svc = this.service(endpoint.namespace, endpoint.service, flow);
        if (svc.namespace === policyNamespace) return { podSelector: selector(svc.labels) };
        return { namespaceSelector: namespaceSelector(svc.namespace), podSelector: selector(svc.labels) };
      }
      case "namespace": {
        const peer = { namespaceSelector: namespaceSelector(endpoint.namespace) };
        if (endpoint.podLabels && Object.keys(endpoint.podLabels).length > 0) {
          peer.podSelector = selector(endpoint.podLabels);
        }
        return peer;
      }
      case "cidr": {
        const except = [...new Set(endpoint.except)].sort(compareStrings);
        return { ipBlock: except.length > 0 ? { cidr: endpoint.cidr, except } : { cidr: endpoint.cidr } };
      }
      case "fqdn":
        throw new CompileError(`${at(flow.source)}: FQDN ${endpoint.fqdn} can only be an egress destination`);
    }
  }
  /**
   * Kubelet probes come from the node, and on profiles whose CNI does not exempt node
   * traffic they must be allowed as ingress from the node CIDRs on the service's ports. A
   * service that no flow reaches gets an ingress policy for them only where default-deny
   * already isolates it: elsewhere a new policy would isolate the pods and cut their traffic.
   */
  addHealthChecks(ns, svc) {
    if (this.env.profile.kubeletHealthCheckSource !== "node-cidrs") return;
    if (this.env.nodeCidrs.length === 0 || svc.ports.length === 0) return;
    const existing = this.targets.get(`${ns.name}/${svc.name}`);
    if (!existing && !ns.defaultDeny) return;
    this.healthTargets.add(existing ?? this.serviceTarget(ns, svc));
  }
  // --- objects ----------------------------------------------------------------------------
  defaultDeny(ns) {
    return this.networkPolicy(
      ns.name,
      DEFAULT_DENY_NAME,
      "deny",
      ns.source,
      { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      [ns.source]
    );
  }
  allowDns(ns) {
    const obj = this.networkPolicy(
      ns.name,
      ALLOW_DNS_NAME,
      "allow",
      ns.source,
      { podSelector: {}, policyTypes: ["Egress"], egress: [this.dnsRule()] },
      [ns.source]
    );
    obj.ruleOrigins = { ingress: [], egress: [[this.dnsOrigin(ns)]] };
    return obj;
  }
  /** What causes a namespace's DNS rule: the `dns:` key, or (the default) the namespace itself. */
  dnsOrigin(ns) {
    return this.env.dnsSource ?? ns.source;
  }
  /** Egress to the DNS pods on 53/TCP and 53/UDP, shaped by the DNS selector mode. */
  dnsRule() {
    const peer = { namespaceSelector: namespaceSelector(this.env.dns.namespace) };
    if (this.env.dns.mode === "strict") peer.podSelector = selector(this.env.dns.podLabels);
    return { to: [peer], ports: DNS_PORTS.map((p) => ({ ...p })) };
  }
  /**
   * A hand-written policy as written. A policy without any rule only isolates: it is a deny
   * and goes with the default-deny, after the allows.
   */
  handWritten(ns, policy) {
    const { podSelector, policyTypes, ingress, egress } = policy.spec;
    const types = policyTypes && policyTypes.length > 0 ? [...policyTypes] : egress && egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
    const spec = { podSelector: structuredClone(podSelector), policyTypes: types };
    if (ingress !== void 0) spec.ingress = structuredClone(ingress);
    if (egress !== void 0) spec.egress = structuredClone(egress);
    const stage = (ingress?.length ?? 0) + (egress?.length ?? 0) === 0 ? "deny" : "allow";
    const obj = this.networkPolicy(
      ns.name,
      `${HAND_WRITTEN_PREFIX}${policy.name}`,
      stage,
      policy.source,
      spec,
      [policy.source]
    );
    obj.ruleOrigins = {
      ingress: policy.ruleSources.ingress.map((s) => [s]),
      egress: policy.ruleSources.egress.map((s) => [s])
    };
    return obj;
  }
  targetPolicies(target) {
    const ns = target.namespace;
    const out = [];
    const ingress = this.rules(target.ingress).map(({ peer, ports, origins }) => ({
      rule: withPorts({ from: [peer] }, ports),
      origins
    }));
    if (this.healthTargets.has(target) && target.service) ingress.push(this.healthRule(target.service));
    if (ingress.length > 0) {
      const obj = this.networkPolicy(
        ns.name,
        `${target.baseName}-ingress`,
        "allow",
        target.source,
        {
          podSelector: selector(target.labels),
          policyTypes: ["Ingress"],
          ingress: ingress.map((r) => r.rule)
        },
        ingress.flatMap((r) => r.origins)
      );
      obj.ruleOrigins = { ingress: ingress.map((r) => r.origins), egress: [] };
      out.push(obj);
    }
    const egress = this.rules(target.egress).map(
      ({ peer, ports, origins }) => ({
        rule: withPorts({ to: [peer] }, ports),
        origins
      })
    );
    if (egress.length > 0 && !ns.defaultDeny)
      egress.push({ rule: this.dnsRule(), origins: [this.dnsOrigin(ns)] });
    if (egress.length > 0) {
      const obj = this.networkPolicy(
        ns.name,
        `${target.baseName}-egress`,
        "allow",
        target.source,
        { podSelector: selector(target.labels), policyTypes: ["Egress"], egress: egress.map((r) => r.rule) },
        egress.flatMap((r) => r.origins)
      );
      obj.ruleOrigins = { ingress: [], egress: egress.map((r) => r.origins) };
      out.push(obj);
    }
    if (target.fqdn.length > 0) out.push(this.fqdnPolicy(target));
    return out;
  }
  healthRule(svc) {
    this.nodeCidrs ??= [...new Set(this.env.nodeCidrs)].sort(compareStrings);
    const cidrs = this.nodeCidrs;
    const declared = flowPorts(svc.ports);
    const ports = declared === "all" ? declared : normalizePorts(declared);
    return {
      rule: withPorts(
        { from: cidrs.map((cidr) => ({ ipBlock: { cidr } })) },
        ports
      ),
      origins: [this.env.nodeCidrsSource ?? this.env.source]
    };
  }
  /**
   * FQDN egress as a CiliumNetworkPolicy. Cilium learns the addresses behind a name only
   * from DNS answers its DNS proxy sees, and DNS goes through the proxy only where an L7 DNS
   * rule selects it: hence the rule to the DNS pods with `dns: [{matchPattern: "*"}]`
   * (allows every query, so it restricts nothing beyond allow-dns). toFQDNs rules may carry
   * toPorts but no other L3 selector, so each name gets its own rule.
   */
  fqdnPolicy(target) {
    const dnsEndpoint = { [CILIUM_NAMESPACE_LABEL]: this.env.dns.namespace };
    if (this.env.dns.mode === "strict") {
      for (const [k, v] of Object.entries(this.env.dns.podLabels)) dnsEndpoint[`k8s:${k}`] = v;
    }
    const rules = [
      {
        rule: {
          toEndpoints: [{ matchLabels: sortedRecord(dnsEndpoint) }],
          toPorts: [
            {
              ports: DNS_PORTS.map((p) => ({ port: String(p.port), protocol: p.protocol })),
              rules: { dns: [{ matchPattern: "*" }] }
            }
          ]
        },
        origins: [this.dnsOrigin(target.namespace)]
      }
    ];
    const byName = /* @__PURE__ */ new Map();
    for (const entry2 of target.fqdn) {
      const seen = byName.get(entry2.fqdn);
      if (!seen) byName.set(entry2.fqdn, { ports: entry2.ports, origins: [entry2.origin] });
      else
        byName.set(entry2.fqdn, {
          ports: mergePorts(seen.ports, entry2.ports),
          origins: [...seen.origins, entry2.origin]
        });
    }
    for (const fqdn of [...byName.keys()].sort(compareStrings)) {
      const { ports, origins } = byName.get(fqdn);
      const rule = {
        toFQDNs: [fqdn.includes("*") ? { matchPattern: fqdn } : { matchName: fqdn }]
      };
      if (ports !== "all") rule["toPorts"] = ciliumPortRules(normalizePorts(ports));
      rules.push({ rule, origins: sortSources(origins) });
    }
    const ns = target.namespace;
    const name = `${target.baseName}-fqdn-egress`;
    const manifest = {
      apiVersion: "cilium.io/v2",
      kind: "CiliumNetworkPolicy",
      metadata: this.metadata(ns.name, name, "allow", target.source),
      spec: { endpointSelector: selector(target.labels), egress: rules.map((r) => r.rule) }
    };
    return this.compiled(
      manifest,
      "allow",
      rules.flatMap((r) => r.origins),
      {
        ingress: [],
        egress: rules.map((r) => r.origins)
      }
    );
  }
  networkPolicy(namespace, name, stage, source, spec, origins) {
    const manifest = {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: this.metadata(namespace, name, stage, source),
      spec
    };
    return this.compiled(manifest, stage, origins);
  }
  compiled(manifest, stage, origins, ruleOrigins) {
    this.assertEmittable(manifest.metadata.namespace ?? "");
    const name = manifest.metadata.name;
    if (name.length > 253 || !DNS1123_SUBDOMAIN2.test(name)) {
      throw new CompileError(`object name "${name}" is not a valid DNS-1123 subdomain`);
    }
    const obj = { stage, manifest, origins: sortSources(origins) };
    if (ruleOrigins) obj.ruleOrigins = ruleOrigins;
    return obj;
  }
  metadata(namespace, name, stage, source) {
    return {
      name,
      namespace,
      // Already in key order: app.kubernetes.io/… < netpol-rollout.io/environment < …/stage.
      labels: {
        [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
        [ENVIRONMENT_LABEL]: this.env.name,
        [STAGE_LABEL]: stage
      },
      annotations: { [SOURCE_ANNOTATION]: `${source.file}:${source.line}` }
    };
  }
  /** Defence in depth: the loader refuses these namespaces; the compiler refuses them again. */
  assertEmittable(namespace) {
    const ns = this.namespaces.get(namespace);
    if (isKubeNamespace(namespace)) {
      throw new CompileError(`refusing to emit policies in system namespace ${namespace}`);
    }
    if (this.excluded.has(namespace)) {
      throw new CompileError(`refusing to emit policies in excluded namespace ${namespace}`);
    }
    if (!ns?.managed) throw new CompileError(`refusing to emit policies in unmanaged namespace ${namespace}`);
  }
};
function withPorts(rule, ports) {
  if (ports !== "all") rule.ports = ports;
  return rule;
}
function mergePorts(a, b) {
  return a === "all" || b === "all" ? "all" : [...a, ...b];
}
function flowPorts(ports) {
  if (ports.length === 0) return "all";
  return ports.map((p) => {
    const out = { protocol: p.protocol };
    const port = p.port ?? p.name;
    if (port !== void 0) out.port = port;
    if (p.endPort !== void 0 && typeof port === "number" && p.endPort > port) out.endPort = p.endPort;
    return out;
  });
}
function normalizePorts(ports) {
  const wholeProtocol = new Set(ports.filter((p) => p.port === void 0).map((p) => p.protocol ?? "TCP"));
  const byKey2 = /* @__PURE__ */ new Map();
  for (const p of ports) {
    const protocol = p.protocol ?? "TCP";
    if (wholeProtocol.has(protocol) && p.port !== void 0) continue;
    const normalized = { protocol };
    if (p.port !== void 0) normalized.port = p.port;
    if (p.endPort !== void 0) normalized.endPort = p.endPort;
    byKey2.set(`${protocol}|${String(p.port)}|${String(p.endPort)}`, normalized);
  }
  return [...byKey2.values()].sort(comparePorts);
}
function comparePorts(a, b) {
  const byProtocol = compareStrings(a.protocol ?? "TCP", b.protocol ?? "TCP");
  if (byProtocol !== 0) return byProtocol;
  const rank = (p) => p.port === void 0 ? 0 : typeof p.port === "number" ? 1 : 2;
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a.port === "number" && typeof b.port === "number" && a.port !== b.port) return a.port - b.port;
  if (typeof a.port === "string" && typeof b.port === "string") return compareStrings(a.port, b.port);
  return (a.endPort ?? 0) - (b.endPort ?? 0);
}
function ciliumPortRules(ports) {
  const converted = ports.map((p) => {
    const out = { port: String(p.port ?? 0), protocol: p.protocol ?? "TCP" };
    if (p.endPort !== void 0) out["endPort"] = p.endPort;
    return out;
  });
  const rules = [];
  for (let i = 0; i < converted.length; i += CILIUM_MAX_PORTS_PER_RULE) {
    rules.push({ ports: converted.slice(i, i + CILIUM_MAX_PORTS_PER_RULE) });
  }
  return rules;
}
function selector(labels) {
  return Object.keys(labels).length > 0 ? { matchLabels: sortedRecord(labels) } : {};
}
function namespaceSelector(namespace) {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } };
}
function shortHash(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
function at(source) {
  return `${source.file}:${source.line}:${source.column}`;
}
function compareSources(a, b) {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column;
}
function sortSources(sources) {
  const copy = (s) => ({ file: s.file, line: s.line, column: s.column });
  if (sources.length === 1) return [copy(sources[0])];
  const sorted = [...sources].sort(compareSources);
  return sorted.filter((s, i) => i === 0 || compareSources(s, sorted[i - 1]) !== 0).map(copy);
}
var STAGE_ORDER = { allow: 0, deny: 1 };
function compareObjects(a, b) {
  return compareStrings(a.manifest.metadata.namespace ?? "", b.manifest.metadata.namespace ?? "") || STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || compareStrings(a.manifest.metadata.name, b.manifest.metadata.name) || compareStrings(a.manifest.kind, b.manifest.kind);
}

// action/src/intent/environment-names.ts
var import_fastest_levenshtein2 = __toESM(require_mod(), 1);
function suggestEnvironment(name, available) {
  if (available.length === 0) return void 0;
  const prefixed = available.filter((a) => a.startsWith(name) || name.startsWith(a));
  if (prefixed.length === 1) return prefixed[0];
  const candidate = (0, import_fastest_levenshtein2.closest)(name, [...available]);
  return (0, import_fastest_levenshtein2.distance)(name, candidate) <= Math.max(2, Math.floor(name.length / 3)) ? candidate : void 0;
}
function unknownEnvironmentMessage(name, available) {
  if (available.length === 0) return `unknown environment '${name}': the intent declares no environments`;
  const suggestion = suggestEnvironment(name, available);
  return `unknown environment '${name}'; environments: ${available.join(", ")}` + (suggestion !== void 0 ? ` (did you mean '${suggestion}'?)` : "");
}

// action/src/probe/types.ts
function isPodTarget(t) {
  return "pod" in t;
}
function isIpTarget(t) {
  return "ip" in t;
}
function isDnsTarget(t) {
  return "dns" in t;
}
var DEFAULT_REPROBE_POLICY = {
  failAfter: 2,
  deadlineSeconds: 60
};
function readObservation(o2, denials) {
  switch (o2.outcome) {
    case "allowed":
      return { seen: "allowed" };
    case "blocked":
    case "dns-failure":
      return { seen: "blocked" };
    case "cannot-check":
      return { seen: "cannot-check" };
    case "refused":
      switch (denials) {
        case "drop":
          return {
            seen: "allowed",
            reading: "refused: the connection reached the pod and nothing listens (denials are dropped here)"
          };
        case "reject":
          return {
            seen: "blocked",
            reading: "refused, read as blocked: the dataplane rejects denied connections, and a port where nothing listens answers the same"
          };
        case "unknown":
          return {
            seen: "cannot-check",
            reading: "refused, which decides nothing: a denial or a port where nothing listens (declare denials: drop or reject)"
          };
      }
  }
}

// action/src/probe/pod-script.ts
function scriptCheck(check) {
  if (check.expect === "cannot-check") return void 0;
  const protocol = check.protocol.toLowerCase();
  const t = check.to;
  if (isDnsTarget(t)) {
    return {
      id: check.id,
      mode: protocol === "tcp" ? "dns-tcp" : "dns-udp",
      host: t.server ?? "",
      port: check.port,
      name: t.dns
    };
  }
  const host = isPodTarget(t) ? t.address : isIpTarget(t) ? t.ip : void 0;
  if (!host) return void 0;
  return { id: check.id, mode: protocol, host: host.includes(":") ? `[${host}]` : host, port: check.port };
}
var PROBE_SCRIPT = [
  'T="$1"',
  "shift",
  "probe() {",
  '  a="$2"',
  '  m="${a%%,*}"; a="${a#*,}"',
  '  h="${a%%,*}"; a="${a#*,}"',
  '  p="${a%%,*}"',
  '  case "$a" in *,*) n="${a#*,}" ;; *) n= ;; esac',
  '  case "$m" in',
  "  dns-udp|dns-tcp)",
  '    if [ "$m" = dns-tcp ]; then t=+tcp; else t=+notcp; fi',
  '    if [ -n "$h" ]; then o=$(dig "$t" "+time=$T" +tries=1 -p "$p" "@$h" "$n" 2>&1); else o=$(dig "$t" "+time=$T" +tries=1 -p "$p" "$n" 2>&1); fi',
  "    c=$?",
  '    case "$c" in 0) r=answered ;; 9) r=timeout ;; *) r=other ;; esac ;;',
  "  tcp|udp|sctp)",
  '    o=$(/agnhost connect "$h:$p" "--timeout=${T}s" "--protocol=$m" 2>&1)',
  "    c=$?",
  '    if [ "$c" -eq 0 ]; then r=connected; else',
  '      case "$o" in *TIMEOUT*) r=timeout ;; *REFUSED*) r=refused ;; *DNS*) r=dns ;; *) r=other ;; esac',
  "    fi ;;",
  "  *) c=2; r=other ;;",
  "  esac",
  `  printf '{"i":%s,"check":%s,"result":"%s","exit":%s}\\n' "$i" "$1" "$r" "$c"`,
  "}",
  "i=0",
  "while :; do",
  "  i=$((i+1))",
  `  printf '{"i":%s,"start":true}\\n' "$i"`,
  '  sleep "$T" &',
  "  k=0",
  '  for a in "$@"; do',
  "    k=$((k+1))",
  '    probe "$k" "$a" &',
  "  done",
  "  wait",
  "done",
  ""
].join("\n");
var PROBE_COMMAND = ["/bin/sh", "-c", PROBE_SCRIPT, "netpol-probe"];
var TIMEOUT_ARGUMENT_PATTERN = "^[1-9][0-9]?$";
var CHECK_ARGUMENT_PATTERN = "^(?:(?:tcp|udp|sctp),[0-9A-Fa-f.:\\[\\]]{2,47},[0-9]{1,5}|dns-(?:udp|tcp),[0-9A-Fa-f.:]{0,45},[0-9]{1,5},[A-Za-z0-9][A-Za-z0-9_.-]{0,252})$";
var MAX_CHECKS_PER_POD = 256;
var TIMEOUT_ARGUMENT = new RegExp(TIMEOUT_ARGUMENT_PATTERN);
var CHECK_ARGUMENT = new RegExp(CHECK_ARGUMENT_PATTERN);
function checkArgument(c) {
  const arg = [c.mode, c.host, String(c.port), ...c.name !== void 0 ? [c.name] : []].join(",");
  if (!CHECK_ARGUMENT.test(arg)) {
    throw new Error(
      `probe check ${c.id}: "${arg}" is not MODE,ADDRESS,PORT (a connect) or dns-udp|dns-tcp,[SERVER],PORT,NAME (a DNS query)`
    );
  }
  return arg;
}
function probeArguments(checks, timeoutSeconds) {
  const t = String(Math.min(99, Math.max(1, Math.round(timeoutSeconds))));
  if (!TIMEOUT_ARGUMENT.test(t)) throw new Error(`probe timeout ${timeoutSeconds} s is not 1 to 99 seconds`);
  if (checks.length > MAX_CHECKS_PER_POD) {
    throw new Error(
      `a probe pod runs at most ${MAX_CHECKS_PER_POD} checks; ${checks.length} were planned for one`
    );
  }
  return [t, ...checks.map(checkArgument)];
}
var RESULTS = /* @__PURE__ */ new Set(["connected", "refused", "timeout", "dns", "answered", "other"]);
function parseProbeLog(log, checkIds) {
  const started = [];
  const results = /* @__PURE__ */ new Map();
  for (const raw of log.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith("{")) continue;
    let v;
    try {
      v = JSON.parse(line);
    } catch {
      continue;
    }
    const o2 = v;
    if (typeof o2.i !== "number") continue;
    if (o2.start === true) {
      started.push(o2.i);
      continue;
    }
    const id = typeof o2.check === "number" && Number.isInteger(o2.check) ? checkIds[o2.check - 1] : void 0;
    if (id === void 0 || !RESULTS.has(o2.result)) continue;
    let m = results.get(o2.i);
    if (!m) results.set(o2.i, m = /* @__PURE__ */ new Map());
    m.set(id, {
      iteration: o2.i,
      check: id,
      result: o2.result,
      exit: Number(o2.exit)
    });
  }
  return { started: started.sort((a, b) => a - b), results };
}
function outcomeOf(line, dns) {
  switch (line.result) {
    case "connected":
    case "answered":
      return { outcome: "allowed", detail: "connected" };
    case "refused":
      return { outcome: "refused" };
    case "timeout":
      return dns ? { outcome: "dns-failure", message: "the DNS server did not answer before the timeout" } : { outcome: "blocked", detail: "timeout" };
    case "dns":
      return {
        outcome: "cannot-check",
        evidence: "probe-error",
        message: "the probe could not resolve its target (agnhost DNS)"
      };
    case "other":
      return {
        outcome: "cannot-check",
        evidence: "probe-error",
        message: `the probe failed for a reason that is not a verdict (exit ${line.exit})`
      };
  }
}
var PROBE_RUN_LABEL = "netpol-rollout.io/probe-run";
var CHECKS_ANNOTATION = "netpol-rollout.io/checks";
function checkIdsOf(pod) {
  const text = pod.metadata.annotations?.[CHECKS_ANNOTATION];
  if (text === void 0) return [];
  try {
    const ids = JSON.parse(text);
    return Array.isArray(ids) && ids.every((id) => typeof id === "string") ? ids : [];
  } catch {
    return [];
  }
}

// action/src/report/scrub.ts
var REDACTED = "***";
var MIN_SECRET_LENGTH = 4;
function createScrubber(secrets) {
  const values = /* @__PURE__ */ new Set();
  for (const secret of secrets) {
    if (typeof secret !== "string") continue;
    for (const value of [secret, secret.trim(), ...secret.split(/\r?\n/).map((l) => l.trim())]) {
      if (value.length >= MIN_SECRET_LENGTH) values.add(value);
    }
  }
  const forms = /* @__PURE__ */ new Set();
  for (const value of values) for (const form of formsOf(value)) forms.add(form);
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  const pattern = ordered.length > 0 ? new RegExp(ordered.map(escapeRegExp).join("|"), "g") : void 0;
  const scrub = (text) => pattern ? text.replace(pattern, REDACTED) : text;
  const scrubDeep = (value) => pattern ? mapStrings(value, scrub) : value;
  return {
    scrub,
    scrubDeep,
    leaks: (text) => pattern ? new RegExp(pattern.source).test(text) : false,
    size: values.size
  };
}
var NO_SECRETS = createScrubber([]);
function formsOf(value) {
  const forms = [value, escapeMarkdown(value), escapePre(value), JSON.stringify(value).slice(1, -1)];
  try {
    forms.push(encodeURIComponent(value));
  } catch {
  }
  forms.push(...base64Forms(value));
  return forms.filter((f) => f.length >= MIN_SECRET_LENGTH);
}
function base64Forms(value) {
  const bytes = Buffer.from(value, "utf8");
  const forms = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString("base64").replace(/=+$/, "");
    const start = offset === 0 ? 0 : Math.ceil(offset * 8 / 6);
    const end = Math.floor((offset + bytes.length) * 8 / 6);
    const form = encoded.slice(start, end);
    if (form.length >= 8) forms.push(form);
  }
  return forms;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
function mapStrings(value, fn) {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, k, {
      value: mapStrings(v, fn),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}

// action/src/ports/github.ts
var GitHubApiError = class extends Error {
  constructor(message2, status, operation) {
    super(message2);
    this.status = status;
    this.operation = operation;
  }
  status;
  operation;
  name = "GitHubApiError";
};
var GitHubPermissionError = class extends GitHubApiError {
  name = "GitHubPermissionError";
};
var GitHubRateLimitError = class extends GitHubApiError {
  constructor(message2, status, operation, resetAt) {
    super(message2, status, operation);
    this.resetAt = resetAt;
  }
  resetAt;
  name = "GitHubRateLimitError";
};

// action/src/rollout/last-known-good.ts
import { gunzipSync, gzipSync } from "node:zlib";

// action/src/rollout/record-key.ts
import { createHash as createHash2, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
var RECORD_KEY_BYTES = 32;
var MAC_DATA_KEY = "mac";
var MAC_SCHEME = "hmac-sha256";
var RecordKeyError = class extends Error {
  name = "RecordKeyError";
};
function parseRecordKeys(text) {
  const words = text.split(/[\s,]+/).filter((w) => w !== "");
  return words.map((word, i) => {
    const where = words.length === 1 ? "record-key" : `record-key (key ${i + 1} of ${words.length})`;
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(word)) {
      throw new RecordKeyError(
        `${where} is not base64; generate a key with \`openssl rand -base64 ${RECORD_KEY_BYTES}\``
      );
    }
    const secret = Buffer.from(word.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (secret.length < RECORD_KEY_BYTES) {
      throw new RecordKeyError(
        `${where} holds ${secret.length} bytes, fewer than the ${RECORD_KEY_BYTES} random bytes a key needs; generate one with \`openssl rand -base64 ${RECORD_KEY_BYTES}\``
      );
    }
    return { id: keyId(secret), secret };
  });
}
function keyId(secret) {
  return createHash2("sha256").update("netpol-rollout record key\0").update(secret).digest("hex").slice(0, 16);
}
function message(name, environment, data) {
  const covered = Object.fromEntries(Object.entries(data).filter(([k]) => k !== MAC_DATA_KEY));
  return canonicalJson({ format: "netpol-rollout record 2", configMap: name, environment, data: covered });
}
function hmac(key, text) {
  return createHmac("sha256", key.secret).update(text, "utf8").digest();
}
function recordMac(key, name, environment, data) {
  return `${MAC_SCHEME} ${key.id} ${hmac(key, message(name, environment, data)).toString("hex")}`;
}
function checkMac(keys, name, environment, data) {
  const value = data[MAC_DATA_KEY];
  if (value === void 0) return { ok: false, missing: true };
  const m = /^hmac-sha256 ([0-9a-f]{16}) ([0-9a-f]{64})$/.exec(value);
  if (m === null)
    return { ok: false, missing: false, problem: `data.${MAC_DATA_KEY} is not a MAC this tool writes` };
  const [, id, hex] = m;
  const key = keys.find((k) => k.id === id);
  if (key === void 0) {
    return {
      ok: false,
      missing: false,
      problem: `it was authenticated with key ${id}, and this run has ${keys.map((k) => k.id).join(", ")}; after a key rotation give the new key first and the old one after it in record-key until every environment was deployed once`
    };
  }
  const expected = hmac(key, message(name, environment, data));
  if (!timingSafeEqual(expected, Buffer.from(hex, "hex"))) {
    return {
      ok: false,
      missing: false,
      problem: `its MAC does not match its content: it was changed after netpol-rollout wrote it`
    };
  }
  return { ok: true, keyId: id };
}

// action/src/cni/profiles.ts
var KUBE_ROUTER_SETTLE_SECONDS = 3;
var CNI_PROFILES = {
  generic: {
    name: "generic",
    dnsSelectorMode: "safe",
    kubeletHealthCheckSource: "node-cidrs",
    ipBlockMatchesPodIps: true,
    endPortSupported: true,
    sctpSupported: true,
    fqdnEgress: false,
    denials: "unknown",
    settleSeconds: 10,
    notes: {
      dns: "generic: DNS is allowed to every pod of the DNS namespace on port 53, which every CNI enforces the same way",
      healthChecks: "generic: kubelet probes are allowed from the environment's nodeCidrs, since some CNIs do not exempt node traffic",
      ipBlock: "generic: ipBlock matches pod IPs too, as in the upstream conformance tests",
      denials: "generic: a denied connection may time out or be refused, depending on the CNI; declare denials: drop or reject so a refusal decides a check"
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
    denials: "drop",
    settleSeconds: 5,
    notes: {
      dns: "calico: namespaceSelector AND podSelector in one peer are enforced together",
      healthChecks: "calico: traffic from the pod's own host is allowed by default, so kubelet probes pass",
      ipBlock: "calico: ipBlock matches pod IPs as well as external addresses",
      fqdn: "calico: standard Calico has no FQDN egress in NetworkPolicy",
      denials: "calico: denied packets are dropped (FelixConfiguration iptablesFilterDenyAction or nftablesFilterDenyAction Drop, the default); declare denials: reject where it is Reject"
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
    denials: "drop",
    settleSeconds: 5,
    notes: {
      dns: "cilium: namespaceSelector AND podSelector in one peer are enforced together",
      healthChecks: "cilium: traffic from the local host is allowed by default, so kubelet probes pass",
      ipBlock: "cilium: CIDR rules do not select traffic between cluster-managed endpoints, so ipBlock does not match pod IPs",
      sctp: "cilium: SCTP policy support is off by default",
      fqdn: "cilium: FQDN egress via CiliumNetworkPolicy toFQDNs (needs the DNS proxy)",
      denials: "cilium: denied packets are dropped"
    }
  },
  "kube-router": {
    name: "kube-router",
    dnsSelectorMode: "strict",
    kubeletHealthCheckSource: "host",
    ipBlockMatchesPodIps: true,
    endPortSupported: true,
    sctpSupported: true,
    fqdnEgress: false,
    denials: "reject",
    settleSeconds: KUBE_ROUTER_SETTLE_SECONDS,
    notes: {
      dns: "kube-router: namespaceSelector AND podSelector in one peer are enforced together",
      healthChecks: "kube-router: traffic from the pod's own node is allowed, so kubelet probes pass",
      ipBlock: "kube-router: ipBlock matches pod IPs as well as external addresses",
      fqdn: "kube-router: no FQDN egress",
      denials: "kube-router: a denied connection is rejected (ICMP port unreachable): the caller sees it refused, as by a port where nothing listens"
    }
  }
};
function isCniProfileName(name) {
  return Object.hasOwn(CNI_PROFILES, name);
}

// action/src/rollout/running.ts
var PROVENANCES = ["deploy", "expand", "contract", "rollback", "break-glass", "read-back"];
function recordIntent(intent) {
  const { profile: _profile, ...environment } = intent;
  return { version: 1, environment: structuredClone(environment) };
}
var RecordedIntentError = class extends Error {
  name = "RecordedIntentError";
};
function intentOf(recorded, environment) {
  const raw = recorded;
  if (raw.version !== 1 || typeof raw.environment !== "object" || raw.environment === null) {
    throw new RecordedIntentError(`the recorded intent has version ${String(raw.version)}, not 1`);
  }
  const env = raw.environment;
  const problems = [];
  if (env["name"] !== environment) problems.push(`it is the intent of ${String(env["name"])}`);
  if (typeof env["cni"] !== "string" || !isCniProfileName(env["cni"]))
    problems.push(`its cni ${String(env["cni"])} is not one this version knows`);
  for (const key of ["namespaces", "flows", "excludedNamespaces", "nodeCidrs", "files"]) {
    if (!Array.isArray(env[key])) problems.push(`${key} must be a list`);
  }
  if (typeof env["dns"] !== "object" || env["dns"] === null) problems.push("dns must be an object");
  if (problems.length > 0)
    throw new RecordedIntentError(`the recorded intent cannot be used: ${problems.join("; ")}`);
  const intent = structuredClone(env);
  return { ...intent, profile: CNI_PROFILES[intent.cni] };
}
function describeRunning(r) {
  const revision = r.revision === null ? "an unknown revision" : r.revision.slice(0, 12);
  const what = r.provenance === "expand" ? `${revision} expanded over ${r.from?.revision?.slice(0, 12) ?? "the objects before"}` : r.provenance === "break-glass" ? `${revision} with the default-deny of ${(r.breakGlass ?? []).join(", ")} removed` : r.provenance === "read-back" ? `what a failed step toward ${revision} left` : r.provenance === "rollback" ? `${revision}, rolled back to` : revision;
  return `${r.provenance}: ${what} (${r.digest.slice(0, 19)}\u2026, ${r.proven ? "proven" : "not proven"})`;
}

// action/src/rollout/last-known-good.ts
var DEFAULT_HISTORY_LIMIT = 10;
var SIZE_BUDGET_BYTES = 900 * 1024;
var LKG_CONFIGMAP_PREFIX = "netpol-rollout-lkg-";
var MAX_DECOMPRESSED_BYTES = 32 * 1024 * 1024;
var LAST_KNOWN_GOOD = "last-known-good";
var LKG_COMPONENT_LABEL = "app.kubernetes.io/component";
var LKG_COMPONENT_VALUE = "last-known-good";
var HistoryFormatError = class extends Error {
  name = "HistoryFormatError";
};
var RecordRejectedError = class extends HistoryFormatError {
  name = "RecordRejectedError";
};
function emptyHistory(environment) {
  return { environment, entries: [], authentication: { state: "none" } };
}
function configMapName(environment) {
  return `${LKG_CONFIGMAP_PREFIX}${environment.toLowerCase()}`;
}
function lastKnownGood(history) {
  return history.entries.find(isProven);
}
function isProven(entry2) {
  return entry2.proven && "bundle" in entry2;
}
function provenEntries(history) {
  return history.entries.filter(isProven);
}
function findEntry(history, target) {
  const wanted = target.trim();
  if (wanted === "") return void 0;
  return provenEntries(history).find((e) => {
    if (wanted.startsWith("#")) return String(e.seq) === wanted.slice(1);
    if (wanted.startsWith("sha256:")) return wanted.length >= 14 && e.digest.startsWith(wanted);
    return e.revision !== null && wanted.length >= 7 && e.revision.startsWith(wanted);
  });
}
function appendEntry(history, entry2, limit = DEFAULT_HISTORY_LIMIT) {
  if (entry2.environment !== history.environment) {
    throw new Error(
      `internal: an entry of ${entry2.environment} cannot go in the history of ${history.environment}`
    );
  }
  const seq = Math.max(0, ...history.entries.map((e) => e.seq)) + 1;
  const entries = [{ ...entry2, seq }, ...history.entries];
  return { ...history, entries: keepWithin(entries, limit) };
}
function keepWithin(entries, limit) {
  const lkg = entries.find(isProven);
  const kept = entries.slice(0, Math.max(1, limit));
  if (lkg !== void 0 && !kept.includes(lkg)) kept[kept.length - 1] = lkg;
  return kept;
}
var HISTORY_KEY = "history.json";
var CURRENT_KEY = "current";
var RUNNING_KEY = "running";
var RUNNING_BLOB_KEY = "running.json.gz.b64";
var ENTRY_KEY = /^entry-(\d+)\.json\.gz\.b64$/;
function entryKey(seq) {
  return `entry-${seq}.json.gz.b64`;
}
function toConfigMap(history, namespace, options = {}) {
  const budget = options.budget ?? SIZE_BUDGET_BYTES;
  let entries = [...history.entries];
  for (; ; ) {
    const map = encode(history, entries, namespace, options.key);
    const size = configMapSize(map);
    if (size <= budget) return map;
    const lkg = entries.find(isProven);
    const droppable = [...entries].reverse().find((e) => e !== lkg);
    if (droppable === void 0) {
      throw new HistoryFormatError(
        `the last-known-good record of ${history.environment} takes ${size} bytes, more than the ${budget} a ConfigMap may hold here`
      );
    }
    entries = entries.filter((e) => e !== droppable);
  }
}
function configMapSize(map) {
  let size = 0;
  for (const [k, v] of Object.entries(map.data ?? {})) size += Buffer.byteLength(k) + Buffer.byteLength(v);
  return size;
}
function compress(value) {
  return gzipSync(Buffer.from(JSON.stringify(value), "utf8"), { level: 9 }).toString("base64");
}
function encode(history, entries, namespace, key) {
  const environment = history.environment;
  const lkg = entries.find(isProven);
  const blobs = {};
  const summaries = [];
  for (const entry2 of entries) {
    if (isProven(entry2)) {
      const { bundle, passedChecks, failedChecks, intent, ...summary } = entry2;
      blobs[entryKey(entry2.seq)] = compress({ bundle, passedChecks, failedChecks, intent });
      summaries.push(summary);
    } else {
      summaries.push(entry2);
    }
  }
  const running = history.running;
  const data = {
    [CURRENT_KEY]: lkg === void 0 ? "none" : `${lkg.revision ?? "(unknown revision)"} ${lkg.digest}`,
    [HISTORY_KEY]: `${JSON.stringify({ environment, entries: summaries }, null, 2)}
`,
    ...blobs,
    ...running === void 0 ? {} : { [RUNNING_KEY]: describeRunning(running), [RUNNING_BLOB_KEY]: compress(running) }
  };
  if (key !== void 0) data[MAC_DATA_KEY] = recordMac(key, configMapName(environment), environment, data);
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: configMapName(environment),
      namespace,
      labels: {
        [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
        [ENVIRONMENT_LABEL]: environment,
        [LKG_COMPONENT_LABEL]: LKG_COMPONENT_VALUE
      }
    },
    data
  };
}
function fromConfigMap(map, environment, keys = []) {
  const where = `ConfigMap ${map.metadata.namespace ?? ""}/${map.metadata.name}`;
  const data = map.data ?? {};
  const authentication = authenticate(where, environment, data, keys);
  const text = data[HISTORY_KEY];
  if (text === void 0) throw new HistoryFormatError(`${where}: data.${HISTORY_KEY} is missing`);
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new HistoryFormatError(`${where}: data.${HISTORY_KEY} is not JSON (${error.message})`);
  }
  if (!isRecord(parsed) || !Array.isArray(parsed["entries"])) {
    throw new HistoryFormatError(`${where}: data.${HISTORY_KEY} must be an object with an entries list`);
  }
  if (parsed["environment"] !== environment) {
    throw new HistoryFormatError(
      `${where}: records environment ${String(parsed["environment"])}, expected ${environment}`
    );
  }
  const blobs = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(data)) {
    const m = ENTRY_KEY.exec(key);
    if (m) blobs.set(Number(m[1]), value);
  }
  const unsigned = authentication.state === "unsigned";
  const inflate = inflater(where);
  const entries = parsed["entries"].map((raw, index) => {
    const entry2 = checkEntry(raw, `${where}: data.${HISTORY_KEY} entries[${index}]`);
    if (!entry2.proven) return entry2;
    const key = entryKey(entry2.seq);
    const blob = blobs.get(entry2.seq);
    if (blob === void 0) {
      throw new HistoryFormatError(`${where}: data.${key} is missing for a proven entry`);
    }
    const body = inflate(key, blob);
    if (!isRecord(body) || !isRecord(body["bundle"]) || !Array.isArray(body["passedChecks"])) {
      throw new HistoryFormatError(`${where}: data.${key} must hold a bundle and passedChecks`);
    }
    const bundle = body["bundle"];
    if (bundle.environment !== environment || !Array.isArray(bundle.objects)) {
      throw new HistoryFormatError(`${where}: data.${key} holds no bundle of ${environment}`);
    }
    const proven = {
      ...entry2,
      proven: true,
      bundle,
      passedChecks: strings(body["passedChecks"]),
      // Unauthenticated failures would excuse regressions as inherited: none are read.
      failedChecks: unsigned ? [] : strings(body["failedChecks"]),
      ...isRecord(body["intent"]) && !unsigned ? { intent: body["intent"] } : {}
    };
    return proven;
  });
  const runningBlob = data[RUNNING_BLOB_KEY];
  const running = runningBlob === void 0 || unsigned ? void 0 : checkRunning(
    inflate(RUNNING_BLOB_KEY, runningBlob),
    environment,
    `${where}: data.${RUNNING_BLOB_KEY}`
  );
  return { environment, entries, ...running === void 0 ? {} : { running }, authentication };
}
function authenticate(where, environment, data, keys) {
  if (keys.length === 0) return { state: "unkeyed", signed: data[MAC_DATA_KEY] !== void 0 };
  const check = checkMac(keys, configMapName(environment), environment, data);
  if (check.ok) return { state: "verified", keyId: check.keyId };
  if (check.missing) return { state: "unsigned" };
  throw new RecordRejectedError(`${where} fails authentication: ${check.problem}`);
}
function inflater(where) {
  let left = MAX_DECOMPRESSED_BYTES;
  return (key, blob) => {
    let bytes;
    try {
      bytes = gunzipSync(Buffer.from(blob, "base64"), { maxOutputLength: Math.max(1, left) });
    } catch (error) {
      if (error.code === "ERR_BUFFER_TOO_LARGE") {
        throw new HistoryFormatError(
          `${where}: data.${key} decompresses to more than the ${MAX_DECOMPRESSED_BYTES} bytes a whole record may hold: refused, nothing of it is read`
        );
      }
      throw new HistoryFormatError(
        `${where}: data.${key} is not gzip-compressed JSON (${error.message})`
      );
    }
    left -= bytes.length;
    try {
      return JSON.parse(bytes.toString("utf8"));
    } catch (error) {
      throw new HistoryFormatError(
        `${where}: data.${key} is not gzip-compressed JSON (${error.message})`
      );
    }
  };
}
function checkRunning(raw, environment, where) {
  const problems = [];
  if (!isRecord(raw)) throw new HistoryFormatError(`${where}: must be an object`);
  if (raw["environment"] !== environment) problems.push(`environment must be ${environment}`);
  if (!PROVENANCES.includes(raw["provenance"]))
    problems.push(`provenance must be one of ${PROVENANCES.join(", ")}`);
  if (raw["revision"] !== null && typeof raw["revision"] !== "string")
    problems.push("revision must be a string or null");
  if (typeof raw["digest"] !== "string") problems.push("digest must be a string");
  const bundle = raw["bundle"];
  if (!isRecord(bundle) || bundle["environment"] !== environment || !Array.isArray(bundle["objects"]))
    problems.push(`bundle must be a bundle of ${environment}`);
  if (!isRecord(raw["intent"])) problems.push("intent must be an object");
  if (typeof raw["proven"] !== "boolean") problems.push("proven must be true or false");
  if (raw["action"] !== "deploy" && raw["action"] !== "rollback")
    problems.push("action must be deploy or rollback");
  if (problems.length > 0) throw new HistoryFormatError(`${where}: ${problems.join("; ")}`);
  return raw;
}
function checkEntry(raw, where) {
  if (!isRecord(raw)) throw new HistoryFormatError(`${where}: must be an object`);
  const problems = [];
  const num = (key) => typeof raw[key] === "number" || problems.push(`${key} must be a number`);
  const str = (key) => typeof raw[key] === "string" || problems.push(`${key} must be a string`);
  num("seq");
  str("environment");
  str("digest");
  str("recordedAt");
  if (raw["action"] !== "deploy" && raw["action"] !== "rollback")
    problems.push("action must be deploy or rollback");
  if (typeof raw["proven"] !== "boolean") problems.push("proven must be true or false");
  if (raw["revision"] !== null && typeof raw["revision"] !== "string")
    problems.push("revision must be a string or null");
  const probe = raw["probe"];
  if (!isRecord(probe) || !["passed", "failed", "inconclusive"].every((k) => typeof probe[k] === "number")) {
    problems.push("probe must hold passed, failed and inconclusive counts");
  }
  if (!isRecord(raw["run"])) problems.push("run must be an object");
  if (problems.length > 0) throw new HistoryFormatError(`${where}: ${problems.join("; ")}`);
  return raw;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((k) => typeof k === "string") : [];
}
function baselineOf(entry2) {
  return { passed: entry2.passedChecks, failed: entry2.failedChecks };
}
function withProbe(entry2, probe, passedChecks, failedChecks, at2) {
  return { ...entry2, probe, passedChecks, failedChecks, probedAt: at2 };
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// action/src/semantics/selector.ts
function requirementTest(r) {
  const values = new Set(r.values ?? []);
  const key = r.key;
  switch (r.operator) {
    case "In":
      return (l) => Object.hasOwn(l, key) && values.has(l[key]);
    case "NotIn":
      return (l) => !Object.hasOwn(l, key) || !values.has(l[key]);
    case "Exists":
      return (l) => Object.hasOwn(l, key);
    case "DoesNotExist":
      return (l) => !Object.hasOwn(l, key);
    default:
      return () => false;
  }
}
function requirementText(r) {
  const values = [...r.values ?? []].sort().join(",");
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
function compileSelector(selector2) {
  const pairs = Object.entries(selector2.matchLabels ?? {}).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  const expressions = selector2.matchExpressions ?? [];
  const tests = [
    ...pairs.map(
      ([k, v]) => (l) => l[k] === v && Object.hasOwn(l, k)
    ),
    ...expressions.map(requirementTest)
  ];
  const keys = [.../* @__PURE__ */ new Set([...pairs.map(([k]) => k), ...expressions.map((e) => e.key)])].sort();
  const text = tests.length === 0 ? "{}" : [...pairs.map(([k, v]) => `${k}=${v}`), ...expressions.map(requirementText)].join(",");
  if (tests.length === 0) return { keys, matchesAll: true, matches: () => true, text };
  if (tests.length === 1) {
    const only = tests[0];
    return { keys, matchesAll: false, matches: only, text };
  }
  return { keys, matchesAll: false, matches: (l) => tests.every((t) => t(l)), text };
}
function selectorMatches(selector2, labels) {
  return compileSelector(selector2).matches(labels);
}
function representativeLabels(selector2) {
  const out = emptyRecord();
  for (const e of selector2.matchExpressions ?? []) {
    if (e.operator === "In" && e.values && e.values.length > 0) setEntry(out, e.key, e.values[0]);
    if (e.operator === "Exists") setEntry(out, e.key, "");
  }
  for (const [k, v] of Object.entries(selector2.matchLabels ?? {})) setEntry(out, k, v);
  return out;
}
var METADATA_NAME = "kubernetes.io/metadata.name";
function namespaceNamed(selector2) {
  const labels = Object.entries(selector2.matchLabels ?? {});
  const expressions = selector2.matchExpressions ?? [];
  if (labels.length === 1 && expressions.length === 0 && labels[0][0] === METADATA_NAME)
    return labels[0][1];
  const only = expressions[0];
  if (labels.length === 0 && expressions.length === 1 && only?.key === METADATA_NAME && only.operator === "In" && only.values?.length === 1)
    return only.values[0];
  return void 0;
}

// action/src/semantics/model.ts
var METADATA_NAME_LABEL = "kubernetes.io/metadata.name";
function parseSourceAnnotation(value) {
  if (!value) return void 0;
  const m = /^(.+?):(\d+)(?::(\d+))?$/.exec(value.trim());
  if (!m) return void 0;
  return { file: m[1], line: Number(m[2]), column: m[3] === void 0 ? 1 : Number(m[3]) };
}
function isPolicyInput(p) {
  return p.policy !== void 0 && p.spec === void 0;
}
function compilePort(p) {
  const protocol = p.protocol ?? "TCP";
  if (p.port === void 0 || p.port === null) return { protocol };
  if (typeof p.port === "string") {
    if (/^\d+$/.test(p.port)) return { protocol, port: Number(p.port), ...endPortOf(p) };
    return { protocol, name: p.port };
  }
  return { protocol, port: p.port, ...endPortOf(p) };
}
function endPortOf(p) {
  return typeof p.endPort === "number" ? { endPort: p.endPort } : {};
}
var COMPILED = /* @__PURE__ */ new WeakMap();
var Builder = class {
  problems = [];
  cilium = new CiliumTranslator(this);
  ipBlocks = [];
  blockIds = /* @__PURE__ */ new Map();
  podKeys = /* @__PURE__ */ new Set();
  portNames = /* @__PURE__ */ new Set();
  /** What the policy being compiled adds, while one is. */
  recording;
  /** Compiles a policy, or takes its compilation by an earlier model (see COMPILED). */
  once(manifest, origins, compile) {
    const known = COMPILED.get(manifest)?.get(origins);
    if (known) {
      for (const k of known.podKeys) this.podKeys.add(k);
      for (const n of known.portNames) this.portNames.add(n);
      for (const p of known.problems) this.problems.push({ ...p });
      return known.policy;
    }
    const recording = { podKeys: /* @__PURE__ */ new Set(), portNames: /* @__PURE__ */ new Set(), blocks: 0 };
    const firstProblem = this.problems.length;
    this.recording = recording;
    const policy = compile();
    this.recording = void 0;
    if (recording.blocks === 0) {
      const byOrigins = COMPILED.get(manifest) ?? /* @__PURE__ */ new Map();
      byOrigins.set(origins, {
        policy,
        podKeys: [...recording.podKeys],
        portNames: [...recording.portNames],
        problems: this.problems.slice(firstProblem).map((p) => ({ ...p }))
      });
      COMPILED.set(manifest, byOrigins);
    }
    return policy;
  }
  ipBlock(block, object) {
    if (this.recording) this.recording.blocks++;
    const cidr = parseCidr(String(block.cidr ?? ""));
    if (!cidr) {
      this.problems.push({ object, message: `ipBlock.cidr "${String(block.cidr)}" is not a valid CIDR` });
      return { kind: "invalid" };
    }
    const except = [];
    for (const e of block.except ?? []) {
      const c = parseCidr(String(e));
      if (!c) this.problems.push({ object, message: `ipBlock.except "${String(e)}" is not a valid CIDR` });
      else except.push(c);
    }
    const text = except.length > 0 ? `${cidr.text} except ${except.map((e) => e.text).join(", ")}` : cidr.text;
    let id = this.blockIds.get(text);
    if (id === void 0) {
      id = this.ipBlocks.length;
      this.blockIds.set(text, id);
      this.ipBlocks.push({ id, cidr, except, text });
    }
    return { kind: "ipBlock", block: this.ipBlocks[id] };
  }
  peer(peer, policyNamespace, object) {
    if (peer.ipBlock) return this.ipBlock(peer.ipBlock, object);
    if (!peer.podSelector && !peer.namespaceSelector) {
      this.problems.push({ object, message: "a peer must set podSelector, namespaceSelector or ipBlock" });
      return { kind: "invalid" };
    }
    const podSelector = peer.podSelector ? this.selector(peer.podSelector) : void 0;
    return {
      kind: "pods",
      policyNamespace,
      ...peer.namespaceSelector ? { namespaceSelector: compileSelector(peer.namespaceSelector) } : {},
      ...podSelector ? { podSelector } : {}
    };
  }
  selector(sel) {
    const c = compileSelector(sel);
    for (const k of c.keys) {
      this.podKeys.add(k);
      this.recording?.podKeys.add(k);
    }
    return c;
  }
  rule(rule, index, namespace, object, origins) {
    const peers = rule.peers && rule.peers.length > 0 ? rule.peers.map((p) => this.peer(p ?? {}, namespace, object)) : void 0;
    const ports = rule.ports && rule.ports.length > 0 ? rule.ports.map((p) => compilePort(p ?? {})) : void 0;
    for (const p of ports ?? []) {
      if (p.name === void 0) continue;
      this.portNames.add(p.name);
      this.recording?.portNames.add(p.name);
    }
    return { index, ...peers ? { peers } : {}, ...ports ? { ports } : {}, origins };
  }
  policy(input) {
    const policy = isPolicyInput(input) ? input.policy : input;
    const ruleOrigins = isPolicyInput(input) ? input.ruleOrigins : void 0;
    const namespace = policy.metadata?.namespace ?? "default";
    const name = policy.metadata?.name ?? "(unnamed)";
    const object = `NetworkPolicy ${namespace}/${name}`;
    const spec = policy.spec;
    if (!spec || typeof spec !== "object") {
      this.problems.push({ object, message: "spec is missing" });
      return void 0;
    }
    const ingressRules = Array.isArray(spec.ingress) ? spec.ingress : [];
    const egressRules = Array.isArray(spec.egress) ? spec.egress : [];
    const types = Array.isArray(spec.policyTypes) ? spec.policyTypes : [];
    const policyTypesDefaulted = types.length === 0;
    const isolatesIngress = policyTypesDefaulted || types.includes("Ingress");
    const isolatesEgress = policyTypesDefaulted ? egressRules.length > 0 : types.includes("Egress");
    const source = parseSourceAnnotation(policy.metadata?.annotations?.[SOURCE_ANNOTATION]);
    const fallback = source ? [source] : [];
    return {
      namespace,
      name,
      podSelector: this.selector(spec.podSelector ?? {}),
      isolatesIngress,
      isolatesEgress,
      policyTypesDefaulted,
      ingress: ingressRules.map(
        (r, i) => this.rule(
          { ...r?.from ? { peers: r.from } : {}, ...r?.ports ? { ports: r.ports } : {} },
          i,
          namespace,
          object,
          ruleOrigins?.ingress[i] ?? fallback
        )
      ),
      egress: egressRules.map(
        (r, i) => this.rule(
          { ...r?.to ? { peers: r.to } : {}, ...r?.ports ? { ports: r.ports } : {} },
          i,
          namespace,
          object,
          ruleOrigins?.egress[i] ?? fallback
        )
      ),
      ...source ? { source } : {},
      original: policy
    };
  }
};
function podIps(pod) {
  const list2 = (pod.status?.podIPs ?? []).map((p) => p?.ip).filter((ip) => typeof ip === "string");
  if (list2.length > 0) return list2;
  return typeof pod.status?.podIP === "string" && pod.status.podIP !== "" ? [pod.status.podIP] : [];
}
function containerPorts(pod) {
  const out = [];
  for (const c of pod.spec?.containers ?? []) for (const p of c?.ports ?? []) if (p) out.push(p);
  return out;
}
function ipBlockContains(block, ip) {
  return cidrContains(block.cidr, ip) && !block.except.some((e) => cidrContains(e, ip));
}
function buildModel(input) {
  const b = new Builder();
  const policies = [];
  for (const p of input.policies) {
    const c = isPolicyInput(p) ? b.once(p.policy, p.ruleOrigins, () => b.policy(p)) : b.once(p, void 0, () => b.policy(p));
    if (c) policies.push(c);
  }
  for (const p of input.ciliumPolicies ?? []) {
    const c = b.once(p.policy, p.ruleOrigins, () => b.cilium.policy(p));
    if (c) policies.push(c);
  }
  const policiesByNamespace = /* @__PURE__ */ new Map();
  for (const p of policies) {
    const list2 = policiesByNamespace.get(p.namespace);
    if (list2) list2.push(p);
    else policiesByNamespace.set(p.namespace, [p]);
  }
  const namespaces = /* @__PURE__ */ new Map();
  for (const ns of input.namespaces) {
    const name = ns.metadata?.name;
    if (!name) continue;
    namespaces.set(name, { name, labels: { ...ns.metadata.labels, [METADATA_NAME_LABEL]: name } });
  }
  const namespaceOf3 = (name) => {
    let ns = namespaces.get(name);
    if (!ns) {
      ns = { name, labels: { [METADATA_NAME_LABEL]: name } };
      namespaces.set(name, ns);
    }
    return ns;
  };
  const podKeys = [...b.podKeys].sort();
  const portNames = b.portNames;
  const groupsByKey = /* @__PURE__ */ new Map();
  const groups = [];
  const pods = [];
  const podsByKey = /* @__PURE__ */ new Map();
  const podsByIp = /* @__PURE__ */ new Map();
  const finishedIps = /* @__PURE__ */ new Map();
  const sharedIps = /* @__PURE__ */ new Set();
  const blocksByFamily = {
    4: b.ipBlocks.filter((x) => x.cidr.family === 4),
    6: b.ipBlocks.filter((x) => x.cidr.family === 6)
  };
  for (const pod of input.pods) {
    const namespace = pod.metadata?.namespace;
    const name = pod.metadata?.name;
    if (!namespace || !name) {
      b.problems.push({
        object: `Pod ${namespace ?? "?"}/${name ?? "?"}`,
        message: "pod without name or namespace"
      });
      continue;
    }
    const key = `${namespace}/${name}`;
    if (podsByKey.has(key)) {
      b.problems.push({ object: `Pod ${key}`, message: "duplicate pod; the first one is used" });
      continue;
    }
    const labels = pod.metadata.labels ?? {};
    const ports = containerPorts(pod);
    const ips = [];
    const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
    for (const text of finished ? [] : podIps(pod)) {
      const ip = parseIp(text);
      if (ip) ips.push(ip);
      else b.problems.push({ object: `Pod ${key}`, message: `pod IP "${text}" is not a valid IP address` });
    }
    const byFamily = { 4: [], 6: [] };
    for (const fam of [4, 6]) {
      const ip = ips.find((i) => i.family === fam);
      if (!ip) continue;
      for (const block of blocksByFamily[fam]) if (ipBlockContains(block, ip)) byFamily[fam].push(block.id);
    }
    const groupKey = [
      namespace,
      podKeys.map((k) => Object.hasOwn(labels, k) ? `${k}=${labels[k]}` : `!${k}`).join(","),
      ports.filter((p) => p.name !== void 0 && portNames.has(p.name)).map((p) => `${p.name}/${p.protocol ?? "TCP"}/${p.containerPort}`).sort().join(","),
      byFamily[4].join(","),
      byFamily[6].join(",")
    ].join("\0");
    let group = groupsByKey.get(groupKey);
    if (!group) {
      group = {
        id: groups.length,
        namespace: namespaceOf3(namespace),
        labels,
        ports,
        members: [],
        ipBlocksByFamily: { 4: new Set(byFamily[4]), 6: new Set(byFamily[6]) }
      };
      groups.push(group);
      groupsByKey.set(groupKey, group);
    }
    const info = { namespace, name, key, labels, ports, ips, group };
    group.members.push(info);
    pods.push(info);
    podsByKey.set(key, info);
    for (const ip of ips) {
      if (!podsByIp.has(ip.text)) podsByIp.set(ip.text, info);
      else if (podsByIp.get(ip.text) !== info) sharedIps.add(ip.text);
    }
  }
  for (const ip of sharedIps) podsByIp.delete(ip);
  for (const pod of input.pods) {
    const phase = pod.status?.phase;
    if (phase !== "Succeeded" && phase !== "Failed") continue;
    for (const text of podIps(pod)) {
      const ip = parseIp(text);
      if (!ip) continue;
      const keys = finishedIps.get(ip.text) ?? [];
      keys.push(`${pod.metadata.namespace}/${pod.metadata.name} (${phase})`);
      finishedIps.set(ip.text, keys);
    }
  }
  return {
    profile: input.profile,
    namespaces,
    pods,
    podsByKey,
    podsByIp,
    finishedIps,
    groups,
    policies,
    policiesByNamespace,
    ipBlocks: b.ipBlocks,
    problems: b.problems,
    peerHits: /* @__PURE__ */ new Map()
  };
}
function isolatingPolicies(model, group) {
  if (group.isolating) return group.isolating;
  const ingress = [];
  const egress = [];
  for (const p of model.policiesByNamespace.get(group.namespace.name) ?? []) {
    if (!p.podSelector.matches(group.labels)) continue;
    if (p.isolatesIngress) ingress.push(p);
    if (p.isolatesEgress) egress.push(p);
  }
  group.isolating = { ingress, egress };
  return group.isolating;
}
var CILIUM_NAMESPACE_KEY = "io.kubernetes.pod.namespace";
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function list(v) {
  return Array.isArray(v) ? v : [];
}
function stripSource(key) {
  return key.startsWith("k8s:") ? key.slice(4) : key.startsWith("any:") ? key.slice(4) : key;
}
function fqdnPattern(pattern) {
  const p = pattern.toLowerCase().replace(/\.$/, "");
  if (p === "*") return /^.*$/;
  const body = p.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[-a-z0-9_]*");
  return new RegExp(`^${body}$`);
}
var CiliumTranslator = class {
  constructor(b) {
    this.b = b;
  }
  b;
  selector(raw, policyNamespace) {
    const sel = isObject(raw) ? raw : {};
    const podLabels = emptyRecord();
    const nsLabels = emptyRecord();
    for (const [k, v] of Object.entries(isObject(sel["matchLabels"]) ? sel["matchLabels"] : {})) {
      const key = stripSource(k);
      if (key === CILIUM_NAMESPACE_KEY) nsLabels[METADATA_NAME_LABEL] = String(v);
      else setEntry(podLabels, key, String(v));
    }
    const expressions = list(sel["matchExpressions"]).filter(isObject).map((e) => ({
      key: stripSource(String(e["key"])),
      operator: String(e["operator"]),
      ...Array.isArray(e["values"]) ? { values: e["values"].map(String) } : {}
    }));
    const pods = this.b.selector({ matchLabels: podLabels, matchExpressions: expressions });
    const namespace = compileSelector({
      matchLabels: Object.keys(nsLabels).length > 0 ? nsLabels : { [METADATA_NAME_LABEL]: policyNamespace }
    });
    return { namespace, pods };
  }
  ports(raw) {
    const out = [];
    for (const entry2 of list(raw).filter(isObject)) {
      for (const p of list(entry2["ports"]).filter(isObject)) {
        const protocolText = String(p["protocol"] ?? "ANY").toUpperCase();
        const protocols = protocolText === "ANY" ? ["TCP", "UDP", "SCTP"] : [protocolText];
        const portText2 = String(p["port"] ?? "0");
        const port = /^\d+$/.test(portText2) ? Number(portText2) : void 0;
        const endPort = typeof p["endPort"] === "number" ? p["endPort"] : void 0;
        for (const protocol of protocols) {
          if (port === 0 || portText2 === "") out.push({ protocol });
          else if (port === void 0) out.push({ protocol, name: portText2 });
          else out.push({ protocol, port, ...endPort !== void 0 ? { endPort } : {} });
        }
      }
    }
    return out.length > 0 ? out : void 0;
  }
  rule(raw, index, dir, ns, object, origins) {
    const prefix = dir === "ingress" ? "from" : "to";
    const peers = [];
    let restricted = false;
    for (const sel of list(raw[`${prefix}Endpoints`])) {
      restricted = true;
      const { namespace, pods } = this.selector(sel, ns);
      peers.push({
        kind: "pods",
        policyNamespace: ns,
        ...namespace ? { namespaceSelector: namespace } : {},
        podSelector: pods
      });
    }
    for (const cidr of list(raw[`${prefix}CIDR`])) {
      restricted = true;
      peers.push(this.b.ipBlock({ cidr: String(cidr) }, object));
    }
    for (const set of list(raw[`${prefix}CIDRSet`]).filter(isObject)) {
      restricted = true;
      peers.push(
        this.b.ipBlock({ cidr: String(set["cidr"]), except: list(set["except"]).map(String) }, object)
      );
    }
    const fqdns = list(raw["toFQDNs"]).filter(isObject);
    if (dir === "egress" && fqdns.length > 0) {
      restricted = true;
      const texts = fqdns.map((f) => String(f["matchName"] ?? f["matchPattern"] ?? ""));
      const patterns = fqdns.map(
        (f) => f["matchName"] !== void 0 ? new RegExp(
          `^${String(f["matchName"]).toLowerCase().replace(/\.$/, "").replace(/[.+?^${}()|[\]\\*]/g, "\\$&")}$`
        ) : fqdnPattern(String(f["matchPattern"] ?? ""))
      );
      peers.push({ kind: "fqdn", patterns, text: texts.join(", ") });
    }
    for (const key of [
      `${prefix}Entities`,
      `${prefix}Services`,
      `${prefix}Groups`,
      `${prefix}Requires`,
      `${prefix}Nodes`
    ]) {
      if (list(raw[key]).length > 0) {
        restricted = true;
        this.b.problems.push({
          object,
          message: `${dir} rule ${index + 1}: ${key} is not evaluated (matches nothing here)`
        });
        peers.push({ kind: "invalid" });
      }
    }
    const ports = this.ports(raw["toPorts"] ?? raw["fromPorts"]);
    return { index, ...restricted ? { peers } : {}, ...ports ? { ports } : {}, origins };
  }
  policy(input) {
    const policy = input.policy;
    const namespace = policy.metadata?.namespace ?? "default";
    const name = policy.metadata?.name ?? "(unnamed)";
    const object = `CiliumNetworkPolicy ${namespace}/${name}`;
    const spec = isObject(policy.spec) ? policy.spec : void 0;
    if (!spec) {
      this.b.problems.push({ object, message: "spec is missing (specs lists are not evaluated)" });
      return void 0;
    }
    const source = parseSourceAnnotation(policy.metadata?.annotations?.[SOURCE_ANNOTATION]);
    const fallback = source ? [source] : [];
    const ingress = Array.isArray(spec["ingress"]) ? spec["ingress"].filter(isObject) : void 0;
    const egress = Array.isArray(spec["egress"]) ? spec["egress"].filter(isObject) : void 0;
    const { pods } = this.selector(spec["endpointSelector"], namespace);
    return {
      namespace,
      name,
      podSelector: pods,
      // Cilium: an endpoint selected by a rule section of a direction is default-deny there.
      isolatesIngress: ingress !== void 0,
      isolatesEgress: egress !== void 0,
      policyTypesDefaulted: false,
      ingress: (ingress ?? []).map(
        (r, i) => this.rule(r, i, "ingress", namespace, object, input.ruleOrigins?.ingress[i] ?? fallback)
      ),
      egress: (egress ?? []).map(
        (r, i) => this.rule(r, i, "egress", namespace, object, input.ruleOrigins?.egress[i] ?? fallback)
      ),
      ...source ? { source } : {},
      original: policy
    };
  }
};

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
      const list2 = index.networks[family].get(key);
      if (list2 === void 0) index.networks[family].set(key, [i]);
      else if (list2[list2.length - 1] !== i) list2.push(i);
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
    const list2 = index.networks[ip.family].get(`${prefix}/${networkOf(ip.family, ip.value, prefix)}`);
    if (list2) for (const i of list2) hits.add(i);
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
function primaryFamily(party2, given) {
  if (given) return given.family;
  if (party2.kind === "external") return party2.ip.family;
  return party2.pod?.ips[0]?.family;
}
function evaluate(model, probe) {
  const protocol = probe.protocol ?? "TCP";
  const src = resolveParty(model, probe.from);
  const dst = resolveParty(model, probe.to);
  const family = primaryFamily(dst.party, dst.ip) ?? primaryFamily(src.party, src.ip);
  const verdict = evaluateParties(model, src.party, dst.party, probe.port, protocol, family);
  const extra = [];
  for (const party2 of [src.party, dst.party]) {
    const finished = party2.kind === "external" ? model.finishedIps.get(party2.ip.text) : void 0;
    if (finished) {
      extra.push(
        `${party2.name} is listed only by finished pod ${finished.join(", ")}, which holds no IP; no running pod has it, so it is judged as outside the cluster`
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
function unique(list2) {
  return [...new Set(list2)];
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
  const judge2 = (policy, rule) => {
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
    if (candidates === void 0) for (const rule of rules) judge2(policy, rule);
    else for (const i of candidates) judge2(policy, rules[i]);
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

// action/src/semantics/explain.ts
function formatSource(s) {
  return `${s.file}:${s.line}:${s.column}`;
}
function ruleName(r) {
  return `${r.direction} rule ${r.ruleIndex + 1}`;
}
function formatRule(r) {
  return `${r.namespace}/${r.policy} ${ruleName(r)}${r.source ? ` (${formatSource(r.source)})` : ""}`;
}
function formatPolicy(p) {
  return `${p.namespace}/${p.name}`;
}
function explainDirection(d, subject, peer, portText2) {
  const where = d.direction === "ingress" ? `ingress at ${subject}` : `egress at ${subject}`;
  switch (d.outcome) {
    case "external":
      return `${d.direction} not enforced (${subject} is outside the cluster)`;
    case "not-isolated":
      return `${where} not isolated (no NetworkPolicy selects it for ${d.direction})`;
    case "allowed":
      return `${where} allowed by ${d.allowedBy.map(formatRule).join(" and ")}`;
    case "denied": {
      const rules = d.direction === "ingress" ? `no ingress rule allows ${peer}` : `no egress rule allows ${peer}`;
      return `${where} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")}; ${rules} on ${portText2}`;
    }
  }
}
function explainVerdict(v) {
  const portText2 = `${v.port}/${v.protocol}`;
  const egress = explainDirection(v.egress, v.from, v.to, portText2);
  const ingress = explainDirection(v.ingress, v.to, v.from, portText2);
  let text;
  if (v.allowed) text = `allowed: ${egress}; ${ingress}`;
  else {
    const denied = [v.egress, v.ingress].filter((d) => !d.allowed);
    const parts = denied.map((d) => d === v.egress ? egress : ingress);
    const other = v.egress.allowed ? egress : v.ingress.allowed ? ingress : void 0;
    text = `blocked: ${parts.join("; ")}${other ? ` (${other})` : ""}`;
  }
  if (v.notes.length > 0) text += ` [${v.notes.join("; ")}]`;
  return text;
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
function declaredAddresses(sides, blocks) {
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
  for (const [cidr, except] of blocks) addCidr(cidr, except, `cidr:${cidr}`);
  cidrs.sort((a, b) => a.label.localeCompare(b.label));
  return { cidrs, fqdns };
}
function addressEndpoints(endpoints, sides, externalPorts, blocks = []) {
  const exists = { base: sides.some(([s]) => s === "base"), head: sides.some(([s]) => s === "head") };
  const { cidrs, fqdns } = declaredAddresses(sides, blocks);
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

// action/src/semantics/synthetic-hand-written.ts
function handWrittenPolicies(sides) {
  return sides.flatMap(
    ([side, env]) => env.namespaces.flatMap((ns) => (ns.policies ?? []).map((policy) => ({ side, policy })))
  );
}
function handWrittenPorts(policies) {
  const ranges = [];
  for (const { policy } of policies) {
    for (const rule of [...policy.spec.ingress ?? [], ...policy.spec.egress ?? []]) {
      for (const p of rule.ports ?? []) {
        if (typeof p.port !== "number") continue;
        ranges.push({
          protocol: p.protocol ?? "TCP",
          port: p.port,
          ...p.endPort !== void 0 ? { endPort: p.endPort } : {}
        });
      }
    }
  }
  return ranges;
}
function peersOf(policy) {
  return [
    ...(policy.spec.ingress ?? []).flatMap((r) => r.from ?? []),
    ...(policy.spec.egress ?? []).flatMap((r) => r.to ?? [])
  ];
}
function handWrittenBlocks(policies) {
  return policies.flatMap(
    ({ policy }) => peersOf(policy).flatMap(
      (peer) => peer.ipBlock ? [[peer.ipBlock.cidr, peer.ipBlock.except ?? []]] : []
    )
  );
}
function makePod(namespace, name, labels) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: "main", ports: [] }] }
  };
}
var canonicalLabels = (labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
function handWrittenEndpoints(endpoints, sides, namespaces, policies, podPorts) {
  const serviceLabels = new Set(
    sides.flatMap(
      ([, env]) => env.namespaces.flatMap((ns) => ns.services.map((svc) => `${ns.name}/${canonicalLabels(svc.labels)}`))
    )
  );
  const standIns = /* @__PURE__ */ new Map();
  const addSelected = (side, namespace, selector2, why) => {
    const sel = compileSelector(selector2);
    const labels = representativeLabels(selector2);
    if (sel.matchesAll && namespaces.declared.has(namespace)) return;
    if (serviceLabels.has(`${namespace}/${canonicalLabels(labels)}`)) return;
    const label = sel.matchesAll ? `ns:${namespace}` : `${namespace}/(${sel.text})`;
    let endpoint = endpoints.get(label);
    if (!endpoint) {
      endpoint = {
        label,
        kind: "namespace",
        pods: {},
        exists: { base: false, head: false },
        flowKeys: [],
        ports: podPorts,
        description: `the pods of ${namespace} with ${sel.text} (${why})`
      };
      endpoints.add(endpoint);
    }
    if (endpoint.pods[side]) return;
    endpoint.pods[side] = makePod(namespace, `sel.${endpoints.list.indexOf(endpoint)}`, labels);
    endpoint.exists[side] = true;
  };
  for (const { side, policy } of policies) {
    const why = `hand-written policy ${policy.namespace}/${policy.name}`;
    addSelected(side, policy.namespace, policy.spec.podSelector, why);
    for (const peer of peersOf(policy)) {
      if (peer.ipBlock) continue;
      let namespace = policy.namespace;
      const nsSelector = peer.namespaceSelector;
      if (nsSelector) {
        const named = namespaceNamed(nsSelector);
        const nsSel = compileSelector(nsSelector);
        namespace = named ?? (nsSel.matchesAll ? namespaces.other : `(${nsSel.text})`);
        if (named === void 0 && !nsSel.matchesAll)
          standIns.set(namespace, representativeLabels(nsSelector));
        if (named !== void 0 && !namespaces.objects[side].has(named)) standIns.set(named, {});
      }
      addSelected(side, namespace, peer.podSelector ?? {}, why);
    }
  }
  for (const [name, labels] of standIns) {
    for (const [side] of sides) {
      if (namespaces.objects[side].has(name)) continue;
      namespaces.objects[side].set(name, {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name, labels: { ...labels, [METADATA_NAME_LABEL]: name } }
      });
    }
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
function portPlan(present, mentioned, handWritten = []) {
  const allRanges = [
    ...mentioned,
    ...handWritten,
    { protocol: "UDP", port: 53 },
    { protocol: "TCP", port: 53 }
  ];
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
  const podPorts = new PortSet();
  for (const p of handWritten) podPorts.add(portProbe(p));
  for (const p of otherPorts) podPorts.add(p);
  return { otherPorts, podPorts: podPorts.list(), externalPorts };
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
function makePod2(namespace, name, labels, ports) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: "main", ports }] }
  };
}
function containerPorts2(ports) {
  return ports.map((p) => ({
    containerPort: p.port,
    protocol: p.protocol,
    ...p.name !== void 0 ? { name: p.name } : {}
  }));
}
function podEndpoints(endpoints, sides, namespaces, ports, handWritten) {
  const { otherPorts, podPorts } = ports;
  serviceEndpoints(endpoints, sides, podPorts);
  namespaceEndpoints(endpoints, sides, namespaces.declared, podPorts);
  handWrittenEndpoints(endpoints, sides, namespaces, handWritten, podPorts);
  dnsEndpoints(endpoints, sides, otherPorts);
  const onSide = (side) => sides.some(([s]) => s === side);
  const pod = () => makePod2(namespaces.other, "other", {}, []);
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
function serviceEndpoints(endpoints, sides, podPorts) {
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
      pods[side] = makePod2(nsName, `svc.${svcName}`, svc.labels, containerPorts2(svc.ports));
      for (const p of svc.ports) ports.add(portProbe(p));
    }
    for (const p of podPorts) ports.add(p);
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
function namespaceEndpoints(endpoints, sides, declared, podPorts) {
  const flowPorts2 = /* @__PURE__ */ new Map();
  const podLabelsOf = /* @__PURE__ */ new Map();
  for (const [, env] of sides) {
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind !== "namespace") continue;
        if (e.podLabels && Object.keys(e.podLabels).length > 0) podLabelsOf.set(e.namespace, e.podLabels);
      }
      if (flow.to.kind === "namespace") {
        const set = flowPorts2.get(flow.to.namespace) ?? new PortSet();
        for (const p of flow.ports) set.add(portProbe(p));
        flowPorts2.set(flow.to.namespace, set);
      }
    }
  }
  const envOf = (side) => sides.find(([s]) => s === side)?.[1];
  for (const nsName of [...declared].sort()) {
    const existsOn = (side) => envOf(side)?.namespaces.some((n) => n.name === nsName) ?? false;
    const exists = { base: existsOn("base"), head: existsOn("head") };
    const podsOn = (name, labels) => ({
      ...exists.base ? { base: makePod2(nsName, name, labels, []) } : {},
      ...exists.head ? { head: makePod2(nsName, name, labels, []) } : {}
    });
    const ports = flowPorts2.get(nsName) ?? new PortSet();
    for (const p of podPorts) ports.add(p);
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
      ports: podLabels ? podPorts : ports.list(),
      description: `a pod of ${nsName} that no declared service selects`
    });
  }
}
function dnsEndpoints(endpoints, sides, otherPorts) {
  for (const [side, env] of sides) {
    const label = `${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`;
    const existing = endpoints.get(label);
    const pod = makePod2(
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
  const handWritten = handWrittenPolicies(sides);
  const ports = portPlan(
    sides.map(([, env]) => env),
    mentioned,
    handWrittenPorts(handWritten)
  );
  const namespaces = namespaceObjects(sides);
  const endpoints = new EndpointList();
  podEndpoints(endpoints, sides, namespaces, ports, handWritten);
  addressEndpoints(endpoints, sides, ports.externalPorts, handWrittenBlocks(handWritten));
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
function classify(j, pickSource, absentReason, absentSummary = absentReason) {
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
  const portText2 = `${j.portLabel === "*" ? "any other port" : j.portLabel}/${j.protocol}`;
  const allowedText = describeAllowed(now.verdict, j.from, j.to, portText2, ruleRef2);
  const otherText = before.kind === "absent" ? absentReason(beforeSide) : describeBlocked(before.verdict, j.from, j.to, portText2);
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
function describeAllowed(v, from, to, portText2, rule) {
  const parts = [];
  for (const d of [v.egress, v.ingress]) {
    if (d.outcome === "external") continue;
    const subject = d.direction === "egress" ? from : to;
    if (d.outcome === "allowed") {
      const shown = rule && rule.direction === d.direction ? rule : d.allowedBy[0];
      parts.push(`${d.direction} at ${subject} by ${shown ? formatRule(shown) : "a rule"}`);
    } else parts.push(explainDirection(d, subject, d.direction === "egress" ? to : from, portText2));
  }
  return parts.join(", ");
}
function describeBlocked(v, from, to, portText2) {
  const denied = [v.egress, v.ingress].filter((d) => !d.allowed);
  if (denied.length === 0) return "allowed";
  return `blocked: ${denied.map((d) => {
    const subject = d.direction === "egress" ? from : to;
    return `${d.direction} at ${subject} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")} with no rule for ${portText2}`;
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
  const read = (model, party2) => {
    if (party2?.kind === "external") return inputs.address(party2.ip, party2.fqdn);
    return party2?.pod ? inputs.pod(model, party2.pod) : void 0;
  };
  parties.base.forEach((party2, i) => {
    const b = read(base, party2);
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
  const party2 = (side, e) => {
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
    base: endpoints.map((e) => party2("base", e)),
    head: endpoints.map((e) => party2("head", e))
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
        const list2 = agree ? [{ ...first, portLabel: probe.label }] : judged;
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
        for (const j2 of list2) {
          const c = classify(j2, pickSource, absentReason, absentSummary);
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
    const leadingZero = /^\d+(\.\d+){3}$/.test(addrText) && addrText.split(".").some((o2) => /^0\d/.test(o2));
    return {
      ok: false,
      message: `'${addrText}' in '${text}' is not a valid IP address`,
      ...leadingZero ? {
        hint: `leading zeros are ambiguous; write ${addrText.split(".").map((o2) => String(Number(o2))).join(".")}`
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

// action/src/intent/port-syntax.ts
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
function asPortNumber(node) {
  if (node?.kind !== "scalar") return void 0;
  if (typeof node.value === "number") return node.value;
  return typeof node.value === "string" && /^\s*\d+\s*$/.test(node.value) ? Number(node.value) : void 0;
}

// action/src/intent/namespaces.ts
var METADATA_NAME2 = "kubernetes.io/metadata.name";
function ref2(pos) {
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
      const list2 = decls.get(e.key) ?? [];
      list2.push({ keyPos: e.keyPos, node, fromEnv: s.fromEnv });
      decls.set(e.key, list2);
    }
  }
  const out = /* @__PURE__ */ new Map();
  for (const [name, list2] of decls) {
    const main = list2.find((d) => d.fromEnv) ?? list2[0];
    const problem = dns1123LabelProblem(name);
    if (problem)
      fail(
        main.keyPos,
        `namespace name '${name}' ${problem}`,
        problem === "must be lowercase" ? `write '${name.toLowerCase()}'` : void 0
      );
    const field = (key) => {
      const envDecl = list2.find((d) => d.fromEnv && entry(d.node, key));
      if (envDecl) {
        const e = entry(envDecl.node, key);
        return { node: e.value, pos: e.keyPos };
      }
      let found;
      for (const d of list2) {
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
    const managedField = field("managed");
    const managed = asBoolean(managedField?.node) ?? true;
    const defaultDenyField = field("defaultDeny");
    const defaultDeny = asBoolean(defaultDenyField?.node) ?? managed;
    const isKube = isKubeNamespace(name);
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
    const labelsField = field("labels");
    const labels = emptyRecord();
    const labelsMap = asMap(labelsField?.node);
    if (labelsMap) Object.assign(labels, readLabels(labelsMap, "namespace label", fail));
    if (labels[METADATA_NAME2] !== void 0 && labels[METADATA_NAME2] !== name) {
      fail(
        labelsField.pos,
        `namespace '${name}' cannot carry ${METADATA_NAME2}=${labels[METADATA_NAME2]}`,
        "the API server sets it to the namespace name"
      );
    }
    labels[METADATA_NAME2] = name;
    const podLabelsField = field("podLabels");
    const podLabelsMap = asMap(podLabelsField?.node);
    const podLabels = podLabelsMap ? readLabels(podLabelsMap, "pod label", fail) : void 0;
    const services = /* @__PURE__ */ new Map();
    const incomplete = /* @__PURE__ */ new Set();
    const svcDecls = /* @__PURE__ */ new Map();
    for (const d of list2) {
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
        source: ref2(main2.keyPos)
      });
    }
    const policies = readHandWrittenPolicies(list2, name, managed, fail);
    const intent = {
      name,
      managed,
      defaultDeny,
      labels,
      services: [...services.values()].sort((a, b) => a.name.localeCompare(b.name)),
      ...policies.length > 0 ? { policies } : {},
      source: ref2(main.keyPos)
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
  const fail = (pos, message2, hint) => {
    complete = false;
    outerFail(pos, message2, hint);
  };
  const seq = asSeq(node);
  if (!seq)
    return { ports: out, complete: node === void 0 || node.kind === "scalar" && node.value === null };
  for (const item of seq.items) {
    let port;
    if (item.kind === "scalar" && typeof item.value === "number") {
      const problem = Number.isInteger(item.value) ? portRangeProblem(item.value) : `port ${item.value} is not a whole number`;
      if (problem) fail(item.pos, problem);
      else port = { port: item.value, protocol: "TCP", source: ref2(item.pos) };
    } else if (item.kind === "scalar" && typeof item.value === "string") {
      const r = parsePortText(item.value, false);
      if (!r.ok) fail(item.pos, r.message, r.hint);
      else {
        port = { port: r.port, protocol: r.protocol ?? "TCP", source: ref2(item.pos) };
        if (r.endPort !== void 0) port.endPort = r.endPort;
      }
    } else if (item.kind === "map") {
      const shape = checkShape(item, "portObject");
      for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
      const p = asPortNumber(get(item, "port"));
      const endPort = asPortNumber(get(item, "endPort"));
      const protoText = asString(get(item, "protocol"));
      const nameText = asString(get(item, "name"));
      if (shape.length === 0 && p !== void 0) {
        const problem = portRangeProblem(p, endPort);
        const protocol = protoText === void 0 ? "TCP" : parseProtocol(protoText);
        if (problem) fail((get(item, "endPort") ?? item).pos, problem);
        else if (!protocol)
          fail(get(item, "protocol").pos, `unknown protocol '${protoText}'`, "expected TCP, UDP or SCTP");
        else {
          port = { port: p, protocol, source: ref2(item.pos) };
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
      (o2) => o2.protocol === port.protocol && o2.port <= (port.endPort ?? port.port) && port.port <= (o2.endPort ?? o2.port)
    );
    if (clash) {
      fail(
        item.pos,
        `port ${formatPort(port)} of '${service}' overlaps ${formatPort(clash)} declared at line ${clash.source.line}`
      );
      continue;
    }
    if (port.name !== void 0 && out.some((o2) => o2.name === port.name)) {
      fail(item.pos, `port name '${port.name}' is used twice in '${service}'`);
      continue;
    }
    out.push(port);
  }
  return { ports: out, complete };
}

// action/src/intent/clusters.ts
function secretNameProblem(name) {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    return "must be letters, digits and '_', not starting with a digit (GitHub's rule for secret names)";
  if (/^github_/i.test(name)) return "must not start with GITHUB_ (GitHub reserves it)";
  return void 0;
}
function readClusters(env, dnsModeSet, fail) {
  const out = {};
  const clustersEntry = entry(env, "clusters");
  const waveEntry = entry(env, "waveSize");
  const waveSize = asNumber(waveEntry?.value);
  if (waveEntry && waveSize !== void 0 && Number.isInteger(waveSize) && waveSize >= 1) {
    if (!clustersEntry) {
      fail(waveEntry.keyPos, "waveSize needs clusters: it sets how many clusters deploy at once");
    } else out.waveSize = waveSize;
  }
  const seq = asSeq(clustersEntry?.value);
  if (!clustersEntry || !seq) return out;
  if (seq.items.length === 0) {
    fail(
      clustersEntry.keyPos,
      "clusters: is empty",
      "list the clusters, or leave the key out for one cluster"
    );
    return out;
  }
  const clusters = [];
  const names = /* @__PURE__ */ new Map();
  const reaches = /* @__PURE__ */ new Map();
  for (const item of seq.items) {
    const map = asMap(item);
    if (!map) continue;
    const name = asString(get(map, "name"));
    if (name === void 0) continue;
    const nameNode = get(map, "name");
    const problem = dns1123LabelProblem(name);
    if (problem) fail(nameNode.pos, `cluster name '${name}' ${problem}`);
    const again = names.get(name);
    if (again !== void 0) fail(nameNode.pos, `cluster '${name}' is already listed at line ${again}`);
    names.set(name, nameNode.pos.line);
    const secretNode = get(map, "kubeconfigSecret");
    const kubeconfigSecret = asString(secretNode);
    if (kubeconfigSecret !== void 0) {
      const p = secretNameProblem(kubeconfigSecret);
      if (p) fail(secretNode.pos, `kubeconfigSecret '${kubeconfigSecret}' ${p}`);
    }
    const contextNode = get(map, "context");
    const context = asString(contextNode);
    if (context !== void 0 && (context.trim() === "" || /[\p{Cc}]/u.test(context))) {
      fail(contextNode.pos, "context must be a kubeconfig context name: not empty, no control characters");
    }
    if (kubeconfigSecret === void 0 && context === void 0) {
      fail(
        map.pos,
        `cluster '${name}' says nowhere how to reach it`,
        "give kubeconfigSecret (the GitHub secret holding its kubeconfig), context, or both"
      );
    } else {
      const reach2 = `${kubeconfigSecret?.toUpperCase() ?? ""}\0${context ?? ""}`;
      const first = reaches.get(reach2);
      if (first) {
        fail(
          map.pos,
          `cluster '${name}' is reached exactly as cluster '${first.name}' (line ${first.line}): both would be one cluster`,
          "give each cluster its own kubeconfigSecret or context"
        );
      } else reaches.set(reach2, { name, line: map.pos.line });
    }
    const cluster = {
      name,
      canary: asBoolean(get(map, "canary")) ?? false,
      source: ref2(map.pos)
    };
    if (kubeconfigSecret !== void 0) cluster.kubeconfigSecret = kubeconfigSecret;
    if (context !== void 0) cluster.context = context;
    const cni = asString(get(map, "cni"));
    if (cni !== void 0 && isCniProfileName(cni)) {
      cluster.cni = cni;
      if (!dnsModeSet) cluster.dnsMode = CNI_PROFILES[cni].dnsSelectorMode;
    }
    const cidrs = asSeq(get(map, "nodeCidrs"));
    if (cidrs) {
      cluster.nodeCidrs = [];
      for (const c of cidrs.items) {
        const text = asString(c);
        if (text === void 0) continue;
        const parsed = parseCidr2(text.trim());
        if (!parsed.ok) fail(c.pos, `node CIDR of cluster '${name}': ${parsed.message}`, parsed.hint);
        else cluster.nodeCidrs.push(parsed.cidr.text);
      }
    }
    clusters.push(cluster);
  }
  if (clusters.length > 1 && !clusters.some((c) => c.canary)) {
    fail(
      clustersEntry.keyPos,
      `none of the ${clusters.length} clusters is a canary`,
      "write canary: true on the cluster that deploys and is probed before the others"
    );
  }
  out.clusters = clusters;
  return out;
}
function checkClusterCapabilities(env, clusters, namespaces, flows, fail) {
  const items = asSeq(get(env, "clusters"))?.items ?? [];
  clusters.forEach((cluster, i) => {
    if (!cluster.cni) return;
    const profile = CNI_PROFILES[cluster.cni];
    const item = asMap(items[i]);
    const at2 = (item ? get(item, "cni")?.pos : void 0) ?? cluster.source;
    for (const need of unsupported(profile, namespaces, flows)) {
      fail(
        at2,
        `cluster '${cluster.name}' runs cni ${profile.name}, which does not support ${need.what}, needed by ${need.by} (${need.source.file}:${need.source.line})`,
        need.note
      );
    }
  });
}
function unsupported(profile, namespaces, flows) {
  const needs = /* @__PURE__ */ new Map();
  const add = (what, need) => {
    if (!needs.has(what)) needs.set(what, { what, ...need });
  };
  for (const ns of namespaces) {
    for (const svc of ns.services) {
      for (const p of svc.ports) {
        const by = `service '${ns.name}/${svc.name}'`;
        if (p.endPort !== void 0 && !profile.endPortSupported)
          add("port ranges (endPort)", { by, source: p.source });
        if (p.protocol === "SCTP" && !profile.sctpSupported) {
          const note = profile.notes["sctp"];
          add("SCTP", { by, source: p.source, ...note ? { note } : {} });
        }
      }
    }
  }
  for (const f of flows) {
    const by = `flow '${f.text}'`;
    if (f.to.kind === "fqdn" && !profile.fqdnEgress) {
      const note = profile.notes["fqdn"];
      add("FQDN egress", { by, source: f.source, ...note ? { note } : {} });
    }
    for (const p of f.ports) {
      if (p.endPort !== void 0 && !profile.endPortSupported)
        add("port ranges (endPort)", { by, source: f.source });
      if (p.protocol === "SCTP" && !profile.sctpSupported) add("SCTP", { by, source: f.source });
    }
  }
  return [...needs.values()];
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
    return classify2(text.slice(1, close), true);
  }
  const colons = (text.match(/:/g) ?? []).length;
  if (colons === 1) {
    return {
      ok: false,
      message: `ports belong to the destination, not the source '${text}'`,
      hint: `write '${text.slice(0, text.indexOf(":"))} -> DESTINATION:PORTS'`
    };
  }
  return classify2(text, colons > 1);
}
function parseDestinationText(text) {
  let target = text;
  let portText2;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) return { ok: false, message: `'${text}' has '[' without ']'` };
    const rest = text.slice(close + 1);
    target = text.slice(1, close);
    if (rest !== "") {
      if (!rest.startsWith(":")) return { ok: false, message: `expected ':PORTS' after ']' in '${text}'` };
      portText2 = rest.slice(1);
    }
    const endpoint2 = classify2(target, true);
    if (!endpoint2.ok) return endpoint2;
    return withPorts2(endpoint2.value, portText2, text);
  }
  const colons = (text.match(/:/g) ?? []).length;
  if (colons > 1) {
    const whole = parseCidr2(text);
    if (whole.ok || !/:(\d[\d,\-/a-zA-Z]*|[a-z][a-z0-9-]*)$/.test(text))
      return withPorts2(classifyIp(text), void 0, text);
    const last = text.lastIndexOf(":");
    const head = text.slice(0, last);
    if (parseCidr2(head).ok) {
      return {
        ok: false,
        message: `IPv6 CIDR '${head}' with ports must be written in brackets`,
        hint: `write [${head}]:${text.slice(last + 1)}`
      };
    }
    return withPorts2(classifyIp(text), void 0, text);
  }
  if (colons === 1) {
    const at2 = text.indexOf(":");
    target = text.slice(0, at2);
    portText2 = text.slice(at2 + 1);
  }
  const endpoint = classify2(target, false);
  if (!endpoint.ok) return endpoint;
  return withPorts2(endpoint.value, portText2, text);
}
function withPorts2(endpoint, portText2, text) {
  if (portText2 === void 0) return { ok: true, value: { endpoint } };
  const ports = portText2.split(",").map((p) => p.trim());
  if (ports.some((p) => p === ""))
    return { ok: false, message: `empty port in '${text}'`, hint: "write PORT,PORT" };
  return { ok: true, value: { endpoint, ports } };
}
function classifyIp(text) {
  return { kind: "cidr", cidr: text };
}
function classify2(text, ipOnly) {
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
      const flow = { from: from.endpoint, to: to.endpoint, ports, text, source: ref2(item.pos) };
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
    if (out.some((o2) => o2.protocol === p.protocol && o2.port === p.port && o2.endPort === p.endPort)) {
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
      const p = asPortNumber(get(map, "port"));
      if (shape.length > 0 || p === void 0) {
        ok = false;
        continue;
      }
      const endPort = asPortNumber(get(map, "endPort"));
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
  let portText2;
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
      portText2 = rest.slice(1);
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
    const at2 = text.indexOf(":");
    hostText = at2 < 0 ? text : text.slice(0, at2);
    portText2 = at2 < 0 ? void 0 : text.slice(at2 + 1);
  }
  if (hostText.includes("/")) {
    const host = firstHost(hostText);
    const suffix = portText2 !== void 0 ? `:${portText2}` : ":PORT";
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
  if (portText2 === void 0 || portText2 === "") {
    return {
      ok: false,
      message: `probe target '${text}' has no port`,
      hint: `write ${shown}:PORT, e.g. ${shown}:443`
    };
  }
  const port = parsePortText(portText2, false);
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
  const fail = (pos, message2, hint) => {
    errors.push(errorAt(pos, message2, hint));
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
  const baseProfile = cniName !== void 0 && isCniProfileName(cniName) ? CNI_PROFILES[cniName] : void 0;
  const denialsText = asString(get(env, "denials"));
  const denials = denialsText === "drop" || denialsText === "reject" ? denialsText : void 0;
  const profile = baseProfile && denials !== void 0 ? { ...baseProfile, denials } : baseProfile;
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
    probeTargets.push({ address: t.address, port: t.port, protocol: t.protocol, source: ref2(item.pos) });
  }
  let replaces;
  const replacesEntry = entry(env, "replaces");
  const replacesText = asString(replacesEntry?.value)?.trim().replace(/^\.\//, "").replace(/\/+$/, "");
  if (replacesEntry && replacesText !== void 0) {
    const directory = ctx.under(replacesText);
    const inside = [...ctx.parsed.keys()].filter((p) => p.startsWith(`${directory}/`)).sort();
    if (replacesText === "" || replacesText.startsWith("/") || replacesText.split("/").includes("..")) {
      fail(
        replacesEntry.value.pos,
        `replaces '${replacesText}' must be a directory inside the policies directory`,
        "e.g. imported/production"
      );
    } else if (inside.length === 0) {
      fail(
        replacesEntry.value.pos,
        `replaces '${replacesText}': no YAML file in ${directory}`,
        "netpol-rollout import writes them"
      );
    } else {
      replaces = { directory, files: inside, source: ref2(replacesEntry.value.pos) };
      for (const path of inside) {
        if (!touched.includes(path)) touched.push(path);
        if (!files.includes(path)) files.push(path);
      }
    }
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
  const { clusters, waveSize } = readClusters(env, dnsModeText !== void 0, fail);
  const namespaceList = [...namespaces.values()].map((n) => n.intent).sort((a, b) => a.name.localeCompare(b.name));
  if (clusters) checkClusterCapabilities(env, clusters, namespaceList, flows, fail);
  ctx.errors.push(...errors);
  if (errors.length > 0 || order === void 0 || !profile || !dnsMode || !built.promotion) return built;
  const dns = { namespace: dnsNamespace, podLabels: dnsLabels, mode: dnsMode };
  built.intent = {
    name,
    order,
    cni: profile.name,
    profile,
    ...denials !== void 0 ? { denials } : {},
    dns,
    nodeCidrs,
    excludedNamespaces,
    ...probeTargets.length > 0 ? { probeTargets } : {},
    ...replaces ? { replaces } : {},
    namespaces: namespaceList,
    flows,
    ...clusters ? { clusters } : {},
    ...waveSize !== void 0 ? { waveSize } : {},
    files,
    source: ref2(env.pos)
  };
  const dnsKey = entry(env, "dns");
  if (dnsKey) built.intent.dnsSource = ref2(dnsKey.keyPos);
  const nodeCidrsKey = entry(env, "nodeCidrs");
  if (nodeCidrsKey) built.intent.nodeCidrsSource = ref2(nodeCidrsKey.keyPos);
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

// action/src/compile/bundle.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { createHash as createHash3 } from "node:crypto";
function bundleDigest(bundle) {
  const text = canonicalJson(bundle.objects.map((o2) => o2.manifest));
  return `sha256:${createHash3("sha256").update(text).digest("hex")}`;
}
function objectKey(obj) {
  const manifest = "manifest" in obj ? obj.manifest : obj;
  return `${manifest.kind}/${manifest.metadata.namespace ?? ""}/${manifest.metadata.name}`;
}

// action/src/probe/pod.ts
var DEFAULT_PROBE_IMAGE = "registry.k8s.io/e2e-test-images/agnhost:2.52";
var DEFAULT_PROBE_POD_OPTIONS = {
  image: DEFAULT_PROBE_IMAGE,
  imagePullSecrets: [],
  runAsUser: 65534,
  activeDeadlineSeconds: 300,
  timeoutSeconds: 3
};
var PROBE_LABEL = "netpol-rollout.io/probe";
var CREATED_BY_ANNOTATION = "netpol-rollout.io/created-by";
var ENVIRONMENT_ANNOTATION = "netpol-rollout.io/environment";
var PROBE_SOURCE_ANNOTATION = "netpol-rollout.io/probe-source";
var SIDECAR_OPT_OUT = {
  "sidecar.istio.io/inject": "false",
  "linkerd.io/inject": "disabled",
  "kuma.io/sidecar-injection": "disabled",
  "consul.hashicorp.com/connect-inject": "false"
};
var PENDING_OWNER_UID = "";
var MEMORY_PER_CHECK_MI = 8;
var BASE_MEMORY_LIMIT_MI = 64;
function runObjectName(run) {
  return `netpol-probe-${run.id}`;
}
function buildRunObject(run, namespace) {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: runObjectName(run),
      namespace,
      labels: { [PROBE_LABEL]: "run", [PROBE_RUN_LABEL]: run.id },
      annotations: {
        [CREATED_BY_ANNOTATION]: "netpol-rollout probe",
        [ENVIRONMENT_ANNOTATION]: run.environment
      }
    },
    data: { environment: run.environment, run: run.id }
  };
}
function probePodLabels(identity, run) {
  return { ...identity.labels, [PROBE_LABEL]: "pod", [PROBE_RUN_LABEL]: run.id };
}
function podScriptChecks(checks) {
  return checks.map(scriptCheck).filter((c) => c !== void 0);
}
function buildProbePod(identity, checks, run, options = {}, ownerUid = PENDING_OWNER_UID) {
  const o2 = { ...DEFAULT_PROBE_POD_OPTIONS, ...options };
  const scripted = podScriptChecks(checks);
  const sourceText2 = Object.entries(identity.labels).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([k, v]) => `${k}=${v}`).join(",");
  const spec = {
    restartPolicy: "Never",
    activeDeadlineSeconds: o2.activeDeadlineSeconds,
    terminationGracePeriodSeconds: 1,
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    hostNetwork: false,
    hostPID: false,
    hostIPC: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: o2.runAsUser,
      runAsGroup: o2.runAsUser,
      seccompProfile: { type: "RuntimeDefault" }
    },
    containers: [
      {
        name: "probe",
        image: o2.image,
        imagePullPolicy: "IfNotPresent",
        command: [...PROBE_COMMAND],
        args: probeArguments(scripted, o2.timeoutSeconds),
        securityContext: {
          runAsNonRoot: true,
          runAsUser: o2.runAsUser,
          allowPrivilegeEscalation: false,
          privileged: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
          seccompProfile: { type: "RuntimeDefault" }
        },
        readinessProbe: {
          exec: { command: ["/bin/sh", "-c", "exit 1"] },
          periodSeconds: 5,
          failureThreshold: 1
        },
        resources: {
          requests: { cpu: "10m", memory: "16Mi" },
          limits: {
            cpu: "200m",
            memory: `${BASE_MEMORY_LIMIT_MI + MEMORY_PER_CHECK_MI * checks.length}Mi`
          }
        }
      }
    ]
  };
  if (o2.imagePullSecrets.length > 0) spec["imagePullSecrets"] = o2.imagePullSecrets.map((name) => ({ name }));
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: identity.pod,
      namespace: identity.namespace,
      labels: probePodLabels(identity, run),
      annotations: {
        ...SIDECAR_OPT_OUT,
        [CREATED_BY_ANNOTATION]: "netpol-rollout probe",
        [ENVIRONMENT_ANNOTATION]: run.environment,
        [PROBE_SOURCE_ANNOTATION]: `${identity.namespace} ${sourceText2}`.trim(),
        [CHECKS_ANNOTATION]: JSON.stringify(scripted.map((c) => c.id))
      },
      ownerReferences: [
        { apiVersion: "v1", kind: "ConfigMap", name: runObjectName(run), uid: ownerUid, controller: true }
      ]
    },
    spec
  };
}
function withOwnerUid(pod, uid) {
  return {
    ...pod,
    metadata: { ...pod.metadata, ownerReferences: pod.metadata.ownerReferences.map((r) => ({ ...r, uid })) }
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
        ...d.listens !== void 0 ? { listens: d.listens } : {},
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
  const list2 = map.get(key);
  if (list2) list2.push(value);
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
          const d = draft("external", target, t.port, t.protocol, t.address, cannot);
          d.listens = true;
          drafts.push(d);
        }
      }
      continue;
    }
    const callee = flow.to.kind === "service" ? {
      namespace: flow.to.namespace,
      labels: identities.service(toLabel)?.labels,
      service: flow.to.service
    } : { namespace: flow.to.namespace, labels: flow.to.podLabels, service: void 0 };
    const calleeService = flow.to.kind === "service" ? identities.service(toLabel) : void 0;
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
        const listening = listeningPorts(calleeService, pod);
        const rejects = env.profile.denials === "reject";
        for (const port of rejects ? aimAtListeners(fp, resolvePorts(fp, pod), listening) : resolvePorts(fp, pod)) {
          const listens = listening.has(`${port.port}/${port.protocol}`);
          const udpProblem = port.protocol === "UDP" ? {
            reason: "udp-no-reply",
            message: `UDP ${port.port}: ${toLabel} is not known to reply, and a UDP probe proves nothing without a reply`
          } : void 0;
          const portProblem = port.port === 0 ? {
            reason: "unresolved-port",
            message: fp.name ? `pod ${pod.key} declares no container port named ${fp.name}` : `pod ${pod.key} declares no ${fp.protocol} container port to probe`
          } : void 0;
          const listenerProblem = rejects && !listens && port.port !== 0 ? {
            reason: "no-listener",
            message: `nothing is declared to listen on ${port.port}/${port.protocol} at ${pod.key}: ${env.profile.name} rejects denied connections, so a refusal there cannot tell a denial from a closed port (declare the port on the service, or as a container port)`
          } : void 0;
          const target = podTarget(pod, callee.service);
          const cannot = problem ?? portProblem ?? udpProblem ?? listenerProblem;
          const d = draft("declared", target, port.port, port.protocol, pod.key, cannot, port.name);
          d.listens = listens;
          drafts.push(d);
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
        listens: true,
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
function listeningPorts(service, pod) {
  const out = /* @__PURE__ */ new Set();
  for (const p of service?.ports ?? []) if (p.endPort === void 0) out.add(`${p.port}/${p.protocol}`);
  for (const p of pod.ports) out.add(`${p.containerPort}/${p.protocol}`);
  return out;
}
function aimAtListeners(fp, resolved, listening) {
  if (fp.port === void 0 || fp.endPort === void 0 || fp.endPort === fp.port) return resolved;
  const inside = [...listening].map((key) => key.split("/")).filter(([, protocol]) => protocol === fp.protocol).map(([port]) => Number(port)).filter((port) => port >= fp.port && port <= fp.endPort).sort((a, b) => a - b);
  if (inside.length === 0) return resolved;
  return [.../* @__PURE__ */ new Set([inside[0], inside.at(-1)])].map((port) => ({
    port,
    protocol: fp.protocol
  }));
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
    listens: listeningPorts(callee.svc, pod).has(`${port}/TCP`),
    reason,
    source: callee.svc.source
  };
}
var ListCursor = class {
  constructor(list2, key, drafted) {
    this.list = list2;
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
function serviceCursor(list2) {
  return new ListCursor(
    list2,
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
        listens: true,
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
function pickNegatives(kinds, judge2, planned, caps) {
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
      if (judge2.expectAfter(d) !== "blocked") continue;
      planned.add(source, target);
      checks.push(judge2.check(d));
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
    const list2 = byPod.get(key);
    if (list2) list2.push(c);
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
  const judge2 = expectations({
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
    if (planned.add(connectionSource(d), connectionTarget(d))) checks.push(judge2.check(d));
  const negatives = pickNegatives(candidates, judge2, planned, caps);
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
    reprobe: {
      ...DEFAULT_REPROBE_POLICY,
      settleSeconds: input.environment.profile.settleSeconds,
      ...input.reprobe
    },
    dataplane: { cni: input.environment.cni, denials: input.environment.profile.denials },
    warnings
  };
}

// action/src/rollout/decision.ts
var ON_INCONCLUSIVE = ["fail", "rollback", "ignore"];
function checkKey(check) {
  const labels = Object.keys(check.from.labels).sort().map((k) => `${k}=${check.from.labels[k]}`).join(",");
  const to = isDnsTarget(check.to) ? `dns:${check.to.dns}` : isIpTarget(check.to) ? `ip:${check.to.ip}` : `${check.to.namespace}/${check.to.service ?? check.to.pod}`;
  return `${check.kind}|${check.from.namespace}|${labels}|${to}|${check.port}/${check.protocol}`;
}
function isFailed(r) {
  return r.classification === "deviation" || r.classification === "surprise";
}
function isPassed(r) {
  return r.classification === "as-expected" || r.classification === "intended-change";
}
function losesConnectivity(r) {
  return isFailed(r) && r.check.kind !== "negative" && r.seen === "blocked";
}
function isOverOpen(r) {
  return isFailed(r) && r.seen === "allowed";
}
function assess(results, baseline) {
  const passed = new Set(baseline?.passed ?? []);
  const failedBefore = new Set(baseline?.failed ?? []);
  const failed = results.filter(isFailed);
  return {
    failed,
    lostConnectivity: failed.filter(losesConnectivity),
    overOpen: failed.filter(isOverOpen),
    inconclusive: results.filter((r) => r.classification === "inconclusive"),
    regressions: failed.filter((r) => passed.has(checkKey(r.check))),
    inherited: failed.filter((r) => !passed.has(checkKey(r.check)) && failedBefore.has(checkKey(r.check))),
    unproven: failed.filter((r) => !passed.has(checkKey(r.check)) && !failedBefore.has(checkKey(r.check)))
  };
}
function namespacesOf(results) {
  const out = /* @__PURE__ */ new Set();
  for (const r of results) {
    out.add(r.check.from.namespace);
    if (isPodTarget(r.check.to)) out.add(r.check.to.namespace);
  }
  return [...out].sort();
}
function decideAfterDeploy(results, baseline, onInconclusive = "fail") {
  const assessment = assess(results, baseline);
  const notes = inheritedNotes(assessment);
  if (baseline === void 0) {
    if (assessment.lostConnectivity.length > 0) {
      return {
        action: "break-glass",
        reason: `${count(assessment.lostConnectivity, "check")} lost connectivity and there is no last-known-good revision to restore`,
        namespaces: namespacesOf(assessment.lostConnectivity),
        triggers: assessment.lostConnectivity,
        assessment
      };
    }
    if (assessment.failed.length > 0) return failOn(assessment, assessment.failed);
  } else {
    const fresh = [...assessment.regressions, ...assessment.unproven];
    if (fresh.length > 0) {
      const parts = [];
      if (assessment.regressions.length > 0)
        parts.push(
          `${count(assessment.regressions, "check")} the last-known-good revision passed ${assessment.regressions.length === 1 ? "fails" : "fail"} now`
        );
      if (assessment.unproven.length > 0)
        parts.push(
          `${count(assessment.unproven, "check")} new in this revision ${assessment.unproven.length === 1 ? "fails" : "fail"}`
        );
      return { action: "rollback", reason: parts.join("; "), triggers: fresh, assessment };
    }
  }
  if (assessment.inconclusive.length > 0) {
    const what = `${count(assessment.inconclusive, "check")} could not be made (inconclusive)`;
    if (onInconclusive === "ignore") {
      return {
        action: "continue",
        notes: [...notes, `${what}; ignored (on-inconclusive: ignore)`],
        assessment
      };
    }
    if (onInconclusive === "rollback" && baseline !== void 0) {
      return {
        action: "rollback",
        reason: `${what}; on-inconclusive: rollback`,
        triggers: assessment.inconclusive,
        assessment
      };
    }
    return {
      action: "fail",
      reason: onInconclusive === "rollback" ? `${what}; on-inconclusive is rollback but there is no last-known-good revision to restore` : `${what}; nothing was rolled back (on-inconclusive: fail)`,
      evidence: assessment.inconclusive,
      assessment
    };
  }
  return { action: "continue", notes, assessment };
}
function decideAfterRollback(results, baseline) {
  const assessment = assess(results, baseline);
  const stillLost = assessment.regressions.filter(losesConnectivity);
  if (stillLost.length > 0) {
    return {
      action: "break-glass",
      reason: `after the rollback ${count(stillLost, "check")} the last-known-good revision passed still ${stillLost.length === 1 ? "loses" : "lose"} connectivity`,
      namespaces: namespacesOf(stillLost),
      triggers: stillLost,
      assessment
    };
  }
  if (assessment.regressions.length > 0) return failOn(assessment, assessment.regressions);
  if (assessment.inconclusive.length > 0) {
    return {
      action: "fail",
      reason: `after the rollback ${count(assessment.inconclusive, "check")} could not be made (inconclusive)`,
      evidence: assessment.inconclusive,
      assessment
    };
  }
  return { action: "continue", notes: inheritedNotes(assessment), assessment };
}
function failOn(assessment, evidence) {
  const open = evidence.filter(isOverOpen);
  const lost = evidence.filter(losesConnectivity);
  const parts = [];
  if (open.length > 0)
    parts.push(
      `${count(open, "check")} that must be blocked ${open.length === 1 ? "connects" : "connect"} (over-open; no default-deny is removed for this)`
    );
  if (lost.length > 0)
    parts.push(`${count(lost, "check")} that must connect ${lost.length === 1 ? "is" : "are"} blocked`);
  const other = evidence.length - open.length - lost.length;
  if (other > 0) parts.push(`${count({ length: other }, "other check")} failed`);
  return { action: "fail", reason: parts.join("; "), evidence, assessment };
}
function inheritedNotes(assessment) {
  return assessment.inherited.length === 0 ? [] : [
    `${count(assessment.inherited, "check")} also failed at the last-known-good revision's last probe: reported, not a reason to roll back`
  ];
}
function count(items, noun2) {
  return `${items.length} ${noun2}${items.length === 1 ? "" : "s"}`;
}
function baselineFrom(results) {
  const failed = new Set(results.filter(isFailed).map((r) => checkKey(r.check)));
  const passed = new Set(
    results.filter(isPassed).map((r) => checkKey(r.check)).filter((k) => !failed.has(k))
  );
  return { passed: [...passed].sort(), failed: [...failed].sort() };
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
  return unique2(bundle.objects.filter((o2) => o2.stage === "deny").map(namespaceOf));
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
    const key = objectKey(object);
    if (!liveByKey.has(key)) expanded.push(object);
  }
  const expandBundle = { ...target, objects: sortObjects(dedupe(expanded)) };
  const steps = [];
  if (!sameObjects(expandBundle, live)) {
    steps.push({
      kind: "expand",
      bundle: expandBundle,
      namespaces: describe2(
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
      namespaces: describe2(previous, target, (ns, before, after) => {
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
  const lifted = (o2) => o2.stage === "deny" && (namespaces === void 0 || namespaces.includes(namespaceOf(o2)));
  const result = {
    ...bundle,
    objects: sortObjects(bundle.objects.filter((o2) => !lifted(o2)))
  };
  return {
    kind: "break-glass",
    bundle: result,
    namespaces: describe2(current, result, (ns, before, after) => {
      if (before === after) return "unchanged";
      return bundle.objects.some((o2) => lifted(o2) && namespaceOf(o2) === ns) ? "break-glass" : "allows";
    })
  };
}
function sameObjects(a, b) {
  if (a.objects.length !== b.objects.length) return false;
  const left = a.objects.map((o2) => canonicalJson(o2.manifest)).sort(compareStrings);
  const right = b.objects.map((o2) => canonicalJson(o2.manifest)).sort(compareStrings);
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
  for (const key of keys) {
    if (key === "ingress" || key === "egress" || key === "policyTypes") continue;
    if (canonicalJson(specA[key]) !== canonicalJson(specB[key])) return false;
  }
  return true;
}
function mergeObjects(live, wanted) {
  const a = live.manifest.spec;
  const b = wanted.manifest.spec;
  const spec = { ...b };
  const ruleOrigins = { ingress: [], egress: [] };
  for (const direction2 of ["ingress", "egress"]) {
    const left = asList(a[direction2]);
    const right = asList(b[direction2]);
    if (a[direction2] === void 0 && b[direction2] === void 0) {
      delete spec[direction2];
      continue;
    }
    const seen = new Set(left.map((r) => canonicalJson(r)));
    const merged2 = [...left];
    const origins = [...live.ruleOrigins?.[direction2] ?? left.map(() => [])];
    right.forEach((rule, i) => {
      const text = canonicalJson(rule);
      if (seen.has(text)) return;
      seen.add(text);
      merged2.push(rule);
      origins.push(wanted.ruleOrigins?.[direction2][i] ?? []);
    });
    spec[direction2] = merged2;
    ruleOrigins[direction2] = origins;
  }
  if (live.manifest.kind === "NetworkPolicy") {
    const types = /* @__PURE__ */ new Set([...policyTypesOf(a), ...policyTypesOf(b)]);
    spec["policyTypes"] = ["Ingress", "Egress"].filter((t) => types.has(t));
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
function describe2(before, after, action) {
  const namespaces = unique2([...before.objects.map(namespaceOf), ...after.objects.map(namespaceOf)]);
  return namespaces.map((namespace) => {
    const of = (b) => b.objects.filter((o2) => namespaceOf(o2) === namespace);
    const fingerprint = (objects2) => objects2.map((o2) => canonicalJson(o2.manifest)).sort(compareStrings).join("\n");
    const objects = of(after);
    return {
      namespace,
      action: action(namespace, fingerprint(of(before)), fingerprint(objects)),
      allow: objects.filter((o2) => o2.stage === "allow").length,
      deny: objects.filter((o2) => o2.stage === "deny").length
    };
  });
}
function byKey(objects) {
  return new Map(objects.map((o2) => [objectKey(o2), o2]));
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
function unique2(values) {
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

// action/src/text/plural.ts
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

// action/src/report/types.ts
function previewOutputs(report) {
  let flowsAdded = 0;
  let flowsRemoved = 0;
  let lintErrors = 0;
  let lintWarnings = 0;
  let changed = false;
  for (const env of report.environments) {
    for (const change of env.diff.changes) {
      if (change.change === "added") flowsAdded++;
      else flowsRemoved++;
    }
    for (const finding of env.lint) {
      if (finding.severity === "error") lintErrors++;
      else lintWarnings++;
    }
    if (env.verdict.kind === "changed") changed = true;
  }
  const headErrors = report.intentErrors.filter((e) => e.side === "head").length;
  return {
    changed,
    flowsAdded,
    flowsRemoved,
    lintErrors,
    lintWarnings,
    invalid: headErrors > 0,
    intentErrors: headErrors
  };
}
function verdictOf(diff) {
  const opened = diff.changes.filter((c) => c.change === "added").length;
  const closed = diff.changes.length - opened;
  const other = diff.workloads.added.length + diff.workloads.removed.length + diff.namespaces.added.length + diff.namespaces.removed.length;
  return opened + closed + other === 0 ? { kind: "no-change" } : { kind: "changed", opened, closed };
}
function verdictText(verdict) {
  switch (verdict.kind) {
    case "no-change":
      return "no change";
    case "invalid":
      return `invalid intent (${plural(verdict.errors, "error")})`;
    case "changed":
      if (verdict.opened + verdict.closed === 0) return "no flow opened or closed";
      return `${plural(verdict.opened, "flow")} opened, ${verdict.closed} closed`;
  }
}

// action/src/report/risk.ts
var DRIFT_NAMES = 3;
var RISK_ORDER = {
  "new-exposure": 0,
  "last-caller-closed": 1,
  "differs-across-environments": 2
};
function namespaceOf2(label, kind) {
  if (kind === "namespace") return label.startsWith("ns:") ? label.slice(3) : label.split("/")[0];
  if (kind === "service" || kind === "dns") return label.split("/")[0];
  return void 0;
}
function everyAddress(change) {
  return change.toKind === "internet" || change.toKind === "external" && /^(0\.0\.0\.0|::)\/0\b/.test(change.to);
}
function exposure(change) {
  if (change.change !== "added" || change.builtin) return void 0;
  if (everyAddress(change)) return "egress to every address";
  if (change.toKind !== "service") return void 0;
  const home = namespaceOf2(change.to, "service");
  switch (change.fromKind) {
    case "external":
    case "internet":
      return `reachable from outside the cluster (${change.from})`;
    case "other-namespace":
      return `reachable from any namespace`;
    case "namespace":
    case "service": {
      const from = namespaceOf2(change.from, change.fromKind);
      return from !== home ? `reachable from outside ${home} (${from})` : void 0;
    }
    default:
      return void 0;
  }
}
function calledAtHead(env) {
  const keyOf = new Map(env.flowsGraph.nodes.map((n) => [n.id, n.key]));
  const called = /* @__PURE__ */ new Set();
  for (const edge of env.flowsGraph.edges) {
    if (edge.status !== "removed") called.add(keyOf.get(edge.to) ?? "");
  }
  return called;
}
function generic(label, env) {
  if (label.startsWith(`${env}/`)) return `~/${label.slice(env.length + 1)}`;
  return label === `ns:${env}` ? "ns:~" : label;
}
function driftAcrossEnvironments(report) {
  const comparable = report.environments.filter((e) => e.presence === "both" && e.verdict.kind !== "invalid");
  const nodeEnvs = /* @__PURE__ */ new Map();
  const edgeEnvs = /* @__PURE__ */ new Map();
  const add = (index, key, env) => {
    const set = index.get(key) ?? /* @__PURE__ */ new Set();
    set.add(env);
    index.set(key, set);
  };
  for (const env of comparable) {
    const keyOf = new Map(env.flowsGraph.nodes.map((n) => [n.id, generic(n.key, env.name)]));
    for (const n of env.flowsGraph.nodes) if (!n.removed) add(nodeEnvs, generic(n.key, env.name), env.name);
    for (const e of env.flowsGraph.edges) {
      if (e.status === "removed") continue;
      for (const port of e.ports) add(edgeEnvs, `${keyOf.get(e.from)}|${keyOf.get(e.to)}|${port}`, env.name);
    }
  }
  const withBoth = /* @__PURE__ */ new Map();
  const bothOf = (from, to) => {
    const key = `${from}|${to}`;
    let list2 = withBoth.get(key);
    if (!list2) {
      const b = nodeEnvs.get(to) ?? /* @__PURE__ */ new Set();
      list2 = [...nodeEnvs.get(from) ?? []].filter((name) => b.has(name));
      withBoth.set(key, list2);
    }
    return list2;
  };
  const out = /* @__PURE__ */ new Map();
  for (const env of comparable) {
    const drift = /* @__PURE__ */ new Map();
    for (const c of env.diff.changes) {
      if (c.builtin || c.cause === "endpoint") continue;
      const from = generic(c.from, env.name);
      const to = generic(c.to, env.name);
      const both = bothOf(from, to);
      const declaring = edgeEnvs.get(`${from}|${to}|${c.port}/${c.protocol}`) ?? /* @__PURE__ */ new Set();
      const othersBoth = both.length - (both.includes(env.name) ? 1 : 0);
      const othersDeclaring = declaring.size - (declaring.has(env.name) ? 1 : 0);
      const differing = c.change === "added" ? othersBoth - othersDeclaring : othersDeclaring;
      if (differing === 0) continue;
      drift.set(
        c,
        both.filter((name) => name !== env.name && declaring.has(name) !== (c.change === "added"))
      );
    }
    out.set(env.name, drift);
  }
  return out;
}
function sortChanges(env, drift = /* @__PURE__ */ new Map()) {
  const called = calledAtHead(env);
  const risky = [];
  const ordinary = [];
  const builtin = [];
  for (const change of env.diff.changes) {
    if (change.builtin && change.cause !== "rules") {
      builtin.push(change);
      continue;
    }
    const exposed = exposure(change);
    if (exposed) {
      risky.push({ change, risk: "new-exposure", reason: exposed });
      continue;
    }
    if (change.change === "removed" && !change.builtin && change.toKind === "service" && env.presence !== "removed" && !env.diff.workloads.removed.includes(change.to) && !called.has(change.to)) {
      risky.push({
        change,
        risk: "last-caller-closed",
        reason: `no declared flow reaches ${change.to} any more`
      });
      continue;
    }
    const others = drift.get(change);
    if (others) {
      const names = others.length > DRIFT_NAMES ? `${others.slice(0, DRIFT_NAMES).join(", ")} and ${others.length - DRIFT_NAMES} more` : others.join(", ");
      risky.push({
        change,
        risk: "differs-across-environments",
        reason: change.change === "added" ? `${names} ${others.length === 1 ? "does" : "do"} not declare it` : `${names} still ${others.length === 1 ? "declares" : "declare"} it`
      });
      continue;
    }
    ordinary.push(change);
  }
  risky.sort((a, b) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk]);
  return { risky, ordinary, builtin };
}
function builtinGroups(builtin) {
  const groups = [];
  for (const kind of ["dns", "node-cidrs"]) {
    for (const change of ["added", "removed"]) {
      const list2 = builtin.filter((c) => c.builtin === kind && c.change === change);
      if (list2.length === 0) continue;
      const subjects = new Set(list2.map((c) => kind === "dns" ? c.from : c.to));
      const workloads = [...subjects].filter((s) => !s.startsWith("ns:") && !s.includes("(")).length;
      const others = subjects.size - workloads;
      const who = [
        workloads > 0 ? plural(workloads, "workload") : "",
        others > 0 ? `the other pods of ${plural(others, "namespace")}` : ""
      ].filter((w) => w !== "").join(" and ");
      const sources = /* @__PURE__ */ new Map();
      for (const c of list2) {
        const s = c.rule?.source;
        if (s && !sources.has(`${s.file}:${s.line}`)) sources.set(`${s.file}:${s.line}`, c);
      }
      groups.push({
        kind,
        change,
        who,
        peers: [...new Set(list2.map((c) => kind === "dns" ? c.to : c.from))],
        ports: [...new Set(list2.map((c) => `${c.port}/${c.protocol}`))],
        sources: [...sources.values()],
        count: list2.length
      });
    }
  }
  return groups;
}
function builtinText(g, name = (s) => s) {
  const verb = g.change === "added" ? "opened" : "closed";
  const peers = g.peers.map(name).join(", ");
  return g.kind === "dns" ? `DNS ${verb} for ${g.who} to ${peers} on ${g.ports.join(", ")}` : `kubelet health checks ${verb} from ${peers} to ${g.who} on ${g.ports.join(", ")}`;
}

// action/src/report/markdown/detail.ts
function sourceLink(file, line, column, detail, side = "head") {
  const text = code(`${file}:${line}${column !== void 0 ? `:${column}` : ""}`);
  const url = side === "base" ? detail.baseSourceUrl : detail.sourceUrl;
  if (!url) return text;
  const path = file.split("/").map(
    (segment) => encodeURIComponent(segment).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)
  ).join("/");
  return `[${text}](${url}${path}#L${line})`;
}
function table(header, rows, detail, what) {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, detail.maxRows);
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  for (const row of shown) lines.push(`| ${row.join(" | ")} |`);
  const rest = rows.length - shown.length;
  if (rest > 0) {
    const where = detail.audience === "comment" ? summaryPointer(detail) : "";
    lines.push("", `\u2026 and ${rest} more ${what}${where}.`);
  }
  return lines;
}
function summaryPointer(detail) {
  if (detail.summaryHoldsAll === false)
    return " in the JSON report (the step's `report` output) and in `netpol-rollout preview` run locally; the job summary is shortened too";
  return detail.summaryUrl ? ` in the [job summary](${detail.summaryUrl})` : " in the job summary";
}

// action/src/report/markdown/flows.ts
var ARROW = "\u2192";
function flowText(change) {
  const to = change.to.includes(":") && !change.to.startsWith("ns:") ? `[${change.to}]` : change.to;
  const port = `${change.port === "*" ? "any other port" : change.port}/${change.protocol}`;
  return `${change.from} ${ARROW} ${to}:${change.portName ? `${change.portName} (${port})` : port}`;
}
function sideOf(change) {
  return change.change === "added" ? "head" : "base";
}
function flowCell(change) {
  const comment = change.comment ? ` ${escapeMarkdown(`# ${change.comment}`)}` : "";
  return `${code(flowText(change))}${comment}`;
}
function ruleCell(change, detail) {
  const rule = change.rule;
  if (!rule) return "\u2014";
  const policy = `${code(`${rule.namespace}/${rule.policy}`)} ${ruleName(rule)}`;
  if (!rule.source) return policy;
  return `${sourceLink(rule.source.file, rule.source.line, void 0, detail, sideOf(change))}<br>${policy}`;
}
function whyCell(change, detail) {
  const short = escapeMarkdown(change.summary ?? (change.change === "added" ? "now allowed" : "now blocked"));
  if (!detail.explanations) return short;
  return `<details><summary>${short}</summary>${escapeMarkdown(change.explanation)}</details>`;
}
var CHANGE_MARK = { added: "\u2795 opens", removed: "\u2796 closes" };
function flowRows(changes, detail) {
  return changes.map((change) => [
    CHANGE_MARK[change.change],
    flowCell(change),
    ruleCell(change, detail),
    whyCell(change, detail)
  ]);
}
var HEADLINE_FLOWS = 3;
function environmentHeadline(sorted) {
  const declared = [...sorted.risky.map((r) => r.change), ...sorted.ordinary];
  const part = (kind, verb) => {
    const list2 = declared.filter((c) => c.change === kind);
    if (list2.length === 0) return void 0;
    if (list2.length > HEADLINE_FLOWS) return `${verb} ${plural(list2.length, "flow")}`;
    return `${verb} ${list2.map((c) => code(flowText(c))).join(", ")}`;
  };
  const parts = [part("added", "opens"), part("removed", "closes")].filter(
    (p) => p !== void 0
  );
  if (parts.length === 0) return void 0;
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
function builtinLine(builtin, detail) {
  if (builtin.length === 0) return [];
  const parts = builtinGroups(builtin).map((g) => {
    const links = g.sources.slice(0, 2).map((c) => {
      const s = c.rule?.source;
      return sourceLink(s.file, s.line, void 0, detail, sideOf(c));
    });
    const more = g.sources.length > 2 ? ` and ${g.sources.length - 2} more` : "";
    const from = links.length > 0 ? ` (${links.join(", ")}${more})` : "";
    return `${builtinText(g, code)}${from}`;
  });
  const line = `**Built in** (${plural(builtin.length, "flow")}): ${parts.join("; ")}.`;
  if (!detail.builtinRows) return ["", line];
  return [
    "",
    "<details><summary>",
    "",
    line,
    "",
    "</summary>",
    "",
    ...table(["change", "flow", "rule", "why"], flowRows(builtin, detail), detail, "built-in flows"),
    "",
    "</details>"
  ];
}

// action/src/report/markdown/engine.ts
function engineCell(env) {
  switch (env.engine.status) {
    case "skipped":
      return "skipped";
    case "failed":
      return "\u274C failed";
    case "ok": {
      const n = changedOps(env).length;
      return n === 0 ? "no change" : plural(n, "operation");
    }
  }
}
function engineSkippedSentence(reason) {
  return `The Pulumi engine part was skipped: ${escapeMarkdown(reason.replace(/\.\s*$/, ""))}.`;
}
function engineSection(env, report, detail) {
  const engine = env.engine;
  switch (engine.status) {
    case "skipped":
      return report.engineNote === engine.reason ? [] : ["", engineSkippedSentence(engine.reason)];
    case "failed":
      return [
        "",
        `**Pulumi** (stack ${code(engine.stack)}): the preview failed:`,
        "",
        "<pre>",
        escapePre(clip(engine.error, detail.audience === "comment" ? 1500 : 2e4)),
        "</pre>"
      ];
    case "ok": {
      const ops = changedOps(env);
      const same = engine.operations.length - ops.length;
      if (ops.length === 0) {
        return [
          "",
          `**Pulumi** (stack ${code(engine.stack)}): no resource changes (${plural(same, "resource")} unchanged).`
        ];
      }
      return [
        "",
        `**Pulumi** (stack ${code(engine.stack)}): ${plural(ops.length, "operation")}, ${same} unchanged.`,
        "",
        ...table(["op", "kind", "name", "changed keys"], opRows(ops), detail, "operations")
      ];
    }
  }
}
function changedOps(env) {
  return env.engine.status === "ok" ? env.engine.operations.filter((op) => op.op !== "same") : [];
}
function opRows(operations) {
  return operations.map((op) => [
    code(op.op),
    escapeMarkdown(op.kind),
    code(op.name),
    op.changedKeys.length > 0 ? op.changedKeys.map(code).join(", ") : "\u2014"
  ]);
}

// action/src/report/markdown/lint.ts
function countLint(findings) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return "none";
  const parts = [];
  if (errors > 0) parts.push(plural(errors, "error"));
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return parts.join(", ");
}
function lintSection(findings, detail) {
  if (findings.length === 0) return [];
  return [
    "",
    `**Lint** (${countLint(findings)})`,
    "",
    ...table(["severity", "code", "message", "where"], lintRows(findings, detail), detail, "findings")
  ];
}
function lintRows(findings, detail) {
  return findings.map((f) => [
    f.severity === "error" ? "\u274C error" : "\u26A0\uFE0F warning",
    code(f.code),
    escapeMarkdown(f.message),
    f.source ? sourceLink(f.source.file, f.source.line, f.source.column, detail) : "\u2014"
  ]);
}

// action/src/flows/render.ts
function formatTime(ms) {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
function formatDuration(ms) {
  const min = Math.round(ms / 6e4);
  if (min < 1) return `${Math.max(0, Math.round(ms / 1e3))} s`;
  if (min < 120) return `${min} min`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} days`;
}
function usage(flow) {
  const n = flow.connections.allowed + flow.connections.audit;
  const audit = flow.connections.audit > 0 ? ` (${flow.connections.audit} only because a policy is in audit mode)` : "";
  if (n === 0) return "traffic of a connection opened before the window";
  return `${plural(n, "connection")}${audit}`;
}

// action/src/report/markdown/observed.ts
function observedData(o2) {
  let text = `${plural(o2.records, "record")} from ${plural(o2.files, "file")}`;
  if (o2.oldest !== void 0 && o2.newest !== void 0)
    text += `, ${formatTime(o2.oldest)} to ${formatTime(o2.newest)}; the newest record is ${formatDuration(o2.at - o2.newest)} old`;
  else text += "; no traffic in them";
  if (o2.lost > 0) text += `; the source lost ${plural(o2.lost, "event")}, so counts are lower bounds`;
  return text;
}
function observedAge(o2) {
  return o2.newest === void 0 ? "no data in the window" : `data ${formatDuration(o2.at - o2.newest)} old`;
}
function observedRisk(o2) {
  if (!o2 || o2.blocked.length === 0) return "";
  return `${plural(o2.blocked.length, "observed flow")} blocked`;
}
function observedSection(o2, maxRows) {
  if (o2.blocked.length === 0) {
    return [`Real traffic: this change blocks none of it (${escapeMarkdown(observedData(o2))}).`];
  }
  const connections = o2.blocked.reduce((n, b) => n + b.connections, 0);
  const lines = [
    `<details><summary>\u26A0\uFE0F Real traffic this change would block: ${plural(o2.blocked.length, "flow")}, ${plural(connections, "connection")} (${escapeMarkdown(observedAge(o2))})</summary>`,
    "",
    `Observed: ${escapeMarkdown(observedData(o2))}.`,
    "",
    "| flow | connections | last seen | blocked by | to open it |",
    "| --- | ---: | --- | --- | --- |"
  ];
  for (const b of o2.blocked.slice(0, maxRows)) {
    const flow = `${b.from} \u2192 ${b.to}:${b.port}/${b.protocol}`;
    lines.push(
      `| ${code(flow)} | ${b.connections} | ${escapeMarkdown(formatTime(b.lastSeen))} | ${b.blockedBy.map(escapeMarkdown).join("<br>")} | ${b.suggestion ? code(b.suggestion) : "\u2014"} |`
    );
  }
  if (o2.blocked.length > maxRows)
    lines.push(
      "",
      `\u2026and ${plural(o2.blocked.length - maxRows, "more flow")}: \`netpol-rollout gap\` lists them all.`
    );
  if (o2.alreadyBlocked > 0)
    lines.push(
      "",
      `${plural(o2.alreadyBlocked, "more observed flow")} ${o2.alreadyBlocked === 1 ? "is" : "are"} blocked by the base intent already.`
    );
  lines.push(
    "",
    o2.detail === "services" ? "<sub>Sides as the intent names them, with counts: pod names and addresses are not shown here (`netpol-rollout gap --show-pods` shows them where you run it).</sub>" : "<sub>Sides as the intent names them; outside addresses as observed.</sub>",
    "",
    "</details>"
  );
  return lines;
}

// action/src/report/markdown/risk.ts
var RISK_LABEL = {
  "new-exposure": "\u26A0\uFE0F new exposure",
  "last-caller-closed": "\u26A0\uFE0F last caller closed",
  "differs-across-environments": "\u26A0\uFE0F environments differ"
};
var RISK_COUNT = {
  "new-exposure": (n) => plural(n, "new exposure", "new exposures"),
  "last-caller-closed": (n) => plural(n, "last caller closed", "last callers closed"),
  "differs-across-environments": (n) => plural(n, "difference between environments", "differences between environments")
};
function sortedOf(env, detail) {
  return sortChanges(env, detail.drift?.get(env.name));
}
function riskSummary(env, sorted) {
  const counts = /* @__PURE__ */ new Map();
  for (const r of sorted.risky) counts.set(r.risk, (counts.get(r.risk) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => RISK_COUNT[kind](n));
  const observed = observedRisk(env.observed);
  if (observed) parts.unshift(observed);
  if (env.defaultDeny?.removed.length) parts.push("default-deny removed");
  if (env.defaultDeny?.added.length) parts.push("default-deny added");
  return parts.join(", ");
}
function riskCount(env, sorted) {
  return (env.observed?.blocked.length ?? 0) + sorted.risky.length + (env.defaultDeny?.added.length ?? 0) + (env.defaultDeny?.removed.length ?? 0);
}
function lookFirstLines(env, sorted, detail) {
  const risks = defaultDenyLines(env);
  const observed = env.observed !== void 0 && env.observed.blocked.length > 0 ? env.observed : void 0;
  if (!observed && sorted.risky.length === 0 && risks.length === 0) return [];
  const lines = ["", "**\u26A0\uFE0F Look at these first**"];
  if (observed) lines.push("", ...observedSection(observed, detail.maxRows));
  if (risks.length > 0) lines.push("", ...risks);
  if (sorted.risky.length > 0) {
    lines.push(
      "",
      ...table(
        ["risk", "change", "flow", "rule", "why"],
        riskRows(sorted.risky, detail),
        detail,
        "risky changes"
      )
    );
  }
  return lines;
}
function riskRows(risky, detail) {
  return risky.map(({ change, risk, reason }) => [
    `${RISK_LABEL[risk]}: ${escapeMarkdown(reason)}`,
    CHANGE_MARK[change.change],
    flowCell(change),
    ruleCell(change, detail),
    whyCell(change, detail)
  ]);
}
function defaultDenyLines(env) {
  const lines = [];
  const names = (list2) => list2.map(code).join(", ");
  const removed = env.defaultDeny?.removed ?? [];
  const added = env.defaultDeny?.added ?? [];
  if (removed.length > 0) {
    lines.push(
      `- \u26A0\uFE0F **default-deny removed** from ${names(removed)}: its pods accept and send any traffic no other policy restricts.`
    );
  }
  if (added.length > 0) {
    lines.push(
      `- \u26A0\uFE0F **default-deny added** to ${names(added)}: what is not declared is cut (it is applied last, after the allows).`
    );
  }
  return lines;
}

// action/src/report/markdown/overview.ts
function environmentVerdict(env, hasBase2 = true) {
  const parts = [verdictText(env.verdict)];
  if (env.verdict.kind === "changed") {
    const { workloads, namespaces } = env.diff;
    const extra = [];
    if (workloads.added.length > 0) extra.push(`${plural(workloads.added.length, "workload")} added`);
    if (workloads.removed.length > 0) extra.push(`${plural(workloads.removed.length, "workload")} removed`);
    if (namespaces.added.length > 0) extra.push(`${plural(namespaces.added.length, "namespace")} added`);
    if (namespaces.removed.length > 0)
      extra.push(`${plural(namespaces.removed.length, "namespace")} removed`);
    if (extra.length > 0) parts.push(extra.join(", "));
  }
  if (env.replaces) {
    if (env.verdict.kind === "no-change") parts[0] = "no connectivity change";
    parts.unshift(`takes over ${plural(env.replaces.policies, "policy", "policies")} from the cluster`);
  } else if (env.presence === "added" && hasBase2) parts.unshift("new environment");
  if (env.presence === "removed") parts.unshift("environment removed");
  return parts.join("; ");
}
function replacesNote(env) {
  if (!env.replaces) return void 0;
  return `Compared with the ${plural(env.replaces.policies, "policy", "policies")} it replaces (${env.replaces.directory}/, as netpol-rollout import recorded them from the cluster), not with nothing; the first deploy replaces them in safe steps.`;
}
function hasBase(report) {
  return report.baseRef !== void 0 && report.baseNote === void 0;
}
function revisionLine(report) {
  const head = report.headRef ? ` with head ${code(shortSha(report.headRef))}` : "";
  const dir = code(report.policiesDir);
  if (report.baseRef !== void 0 && hasBase(report)) {
    const ref3 = shortSha(report.baseRef);
    const sha = report.baseSha && shortSha(report.baseSha) !== ref3 ? ` (${code(shortSha(report.baseSha))})` : "";
    return [`Comparing ${dir} at base ${code(ref3)}${sha}${head}.`];
  }
  const why = report.baseNote ?? "no base revision was given";
  const replacing = report.environments.some((e) => e.replaces);
  return [
    replacing ? `No base to compare with (${escapeMarkdown(why)}): an environment that replaces a cluster's policies is compared with them; every other flow of ${dir}${head} is shown as opened.` : `No base to compare with (${escapeMarkdown(why)}): every flow of ${dir}${head} is shown as opened.`
  ];
}
function headline(report, detail) {
  const headErrors = report.intentErrors.filter((e) => e.side === "head");
  const invalid = report.environments.filter((e) => e.verdict.kind === "invalid");
  const refusal = "Nothing deploys until every error is fixed.";
  if (headErrors.length > 0 && invalid.length === report.environments.length) {
    return `**The intent at head is invalid** (${plural(headErrors.length, "error")}): nothing was compared. Fix the errors below. ${refusal}`;
  }
  if (headErrors.length > 0 && invalid.length > 0) {
    const names = invalid.map((e) => code(e.name)).join(", ");
    return `**The intent at head has ${plural(headErrors.length, "error")}**: ${names} ${invalid.length === 1 ? "is" : "are"} not compared; the other environments are. ${refusal}`;
  }
  const errorNote = headErrors.length > 0 ? ` **The intent at head has ${plural(headErrors.length, "error")}** in files no environment uses. ${refusal}` : "";
  if (report.environments.length === 0) return `**No environments** were found in the intent.${errorNote}`;
  const changed = report.environments.filter((e) => e.verdict.kind === "changed");
  if (changed.length === 0) {
    return `**No change.** No flow opens or closes, and no workload appears or disappears, in any environment.${errorNote}`;
  }
  let opened = 0;
  let closed = 0;
  let risky = 0;
  for (const env of changed) {
    for (const c of env.diff.changes) {
      if (c.change === "added") opened++;
      else closed++;
    }
    risky += riskCount(env, sortedOf(env, detail));
  }
  const look = risky > 0 ? `; \u26A0\uFE0F ${plural(risky, "change")} to look at first` : "";
  return `**${plural(opened, "flow")} opened, ${closed} closed** in ${changed.length} of ${plural(report.environments.length, "environment")}${look}.${errorNote}`;
}
function overview(report, detail) {
  const rows = report.environments.map((env) => {
    const risk = env.verdict.kind === "changed" ? riskSummary(env, sortedOf(env, detail)) : "";
    return [
      code(env.name),
      escapeMarkdown(environmentVerdict(env, hasBase(report))),
      risk ? `\u26A0\uFE0F ${escapeMarkdown(risk)}` : "\u2014",
      env.verdict.kind === "invalid" ? "\u2014" : countLint(env.lint),
      engineCell(env)
    ];
  });
  return table(["environment", "change", "look first", "lint", "Pulumi"], rows, detail, "environments");
}
function shortSha(sha) {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

// action/src/rollout/break-glass.ts
var BREAK_GLASS = ["auto", "never"];
function liftableNamespaces(bundle, lost) {
  const enforced = new Set(enforcedNamespaces(bundle));
  return namespacesOf(lost).filter((ns) => enforced.has(ns));
}
function checkCallees(lost, results, cluster) {
  return lost.map((r) => judge(r, results, cluster));
}
function judge(r, results, cluster) {
  const { to, port, protocol } = r.check;
  const callee = describeCallee(to, port);
  const found = (reachable, reason) => ({
    result: r,
    callee,
    reachable,
    reason
  });
  const control = results.find(
    (o2) => o2 !== r && calleeKey(o2.check.to) === calleeKey(to) && o2.check.port === port && o2.check.protocol === protocol && connected(o2)
  );
  if (isIpTarget(to)) {
    return control ? found(true, `${o(control)} reached it in the same run`) : found(false, "no other check of this run reached that address");
  }
  const endpoints = isDnsTarget(to) ? dnsPods(to.server, cluster) : podsNamed(to.namespace, to.pod, cluster);
  const ready = endpoints.filter(isReady);
  if (ready.length === 0) {
    return found(
      false,
      endpoints.length === 0 ? "it has no pod: nothing there to answer" : `it has no ready endpoint (${endpoints.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(", ")} not Ready)`
    );
  }
  if (control) return found(true, `it has a ready endpoint, and ${o(control)} reached it in the same run`);
  const probed = ready.find((p) => readinessOnPort(p, port));
  if (probed) {
    return found(
      true,
      `${probed.metadata.namespace}/${probed.metadata.name} is Ready by a readiness probe on port ${port}, which the kubelet sends from the pod's own node (never subject to NetworkPolicy)`
    );
  }
  return found(
    false,
    `it has a ready endpoint, but no path that no policy blocks shows it answering on port ${port} (no other check of this run reached it, and no readiness probe targets that port)`
  );
}
function o(r) {
  return `check ${r.check.id}`;
}
function connected(r) {
  return r.observed.outcome === "allowed";
}
function calleeKey(to) {
  if (isDnsTarget(to)) return `dns:${to.server ?? ""}`;
  if (isIpTarget(to)) return `ip:${to.ip}`;
  return `pod:${to.namespace}/${to.pod}`;
}
function describeCallee(to, port) {
  if (isDnsTarget(to)) return `cluster DNS${to.server ? ` (${to.server})` : ""}`;
  if (isIpTarget(to)) return `${to.ip}:${port}`;
  return `${to.namespace}/${to.pod}:${port}`;
}
function podsNamed(namespace, name, cluster) {
  return cluster.pods.filter((p) => p.metadata.namespace === namespace && p.metadata.name === name);
}
function dnsPods(server, cluster) {
  const service = (server ? cluster.services.find((s) => s.spec?.clusterIP === server) : void 0) ?? cluster.services.find((s) => s.metadata.namespace === "kube-system" && s.metadata.name === "kube-dns");
  return service ? selected(service, cluster.pods) : [];
}
function selected(service, pods) {
  const selector2 = service.spec?.selector;
  if (!selector2 || Object.keys(selector2).length === 0) return [];
  return pods.filter(
    (p) => p.metadata.namespace === service.metadata.namespace && Object.entries(selector2).every(([k, v]) => p.metadata.labels?.[k] === v)
  );
}
function isReady(p) {
  return p.metadata.deletionTimestamp === void 0 && (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}
function readinessOnPort(p, port) {
  return (p.spec?.containers ?? []).some((c) => {
    const probe = c.readinessProbe;
    const target = probe?.tcpSocket?.port ?? probe?.httpGet?.port ?? probe?.grpc?.port;
    if (target === void 0) return false;
    if (typeof target === "number") return target === port;
    return (c.ports ?? []).some((cp) => cp.name === target && cp.containerPort === port);
  });
}

// action/src/flows/judge.ts
var UNNAMED_PUBLIC = "203.0.113.77";
var UNNAMED_PRIVATE = "10.255.255.77";
function standInKey(endpoint) {
  return endpoint.side.kind === "pod" ? `${endpoint.side.namespace}/observed-${endpoint.id}` : void 0;
}
function judgeFlows(input) {
  const pods = [];
  const seen = /* @__PURE__ */ new Set();
  for (const flow of input.flows) {
    for (const endpoint of [flow.from, flow.to]) {
      if (endpoint.side.kind !== "pod" || seen.has(endpoint.id)) continue;
      seen.add(endpoint.id);
      pods.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          namespace: endpoint.side.namespace,
          name: `observed-${endpoint.id}`,
          labels: { ...endpoint.side.labels }
        },
        spec: { containers: [{ name: "main", ports: input.portsOf?.(endpoint) ?? [] }] },
        status: { phase: "Running" }
      });
    }
  }
  const model = buildModel({
    pods,
    namespaces: input.namespaces ?? [],
    policies: input.policies,
    ...input.ciliumPolicies ? { ciliumPolicies: input.ciliumPolicies } : {},
    profile: input.profile
  });
  const judged = [];
  for (const flow of input.flows) {
    const notes = [];
    if (flow.from.side.kind === "node" && flow.to.side.kind === "pod" && input.profile.kubeletHealthCheckSource === "host") {
      notes.push(input.profile.notes["healthChecks"] ?? "the CNI admits traffic from a pod's own node");
      judged.push({ flow, notes });
      continue;
    }
    const from = party(flow.from, flow.examples.fromIps, input, notes);
    const to = party(flow.to, flow.examples.toIps, input, notes);
    try {
      judged.push({
        flow,
        verdict: evaluate(model, { from, to, port: flow.port, protocol: flow.protocol }),
        notes
      });
    } catch (error) {
      if (!(error instanceof EndpointError)) throw error;
      notes.push("neither side is a pod: no NetworkPolicy applies");
      judged.push({ flow, notes });
    }
  }
  return { judged, model };
}
function party(endpoint, ips, input, notes) {
  const side = endpoint.side;
  switch (side.kind) {
    case "pod":
      return standInKey(endpoint);
    case "address":
      if (side.ip !== void 0) return side.ip;
      notes.push(
        `the source gave no address for ${endpoint.label}: judged as ${side.name === "pvt" ? UNNAMED_PRIVATE : UNNAMED_PUBLIC}`
      );
      return side.name === "pvt" ? UNNAMED_PRIVATE : UNNAMED_PUBLIC;
    case "node": {
      const ip = ips[0] ?? input.nodeAddress;
      if (ip !== void 0) return ip;
      notes.push(`no address for the node: judged as ${UNNAMED_PRIVATE}, outside every nodeCidr`);
      return UNNAMED_PRIVATE;
    }
  }
}

// action/src/flows/gap.ts
function serviceFor(env, namespace, labels) {
  const ns = env.namespaces.find((n) => n.name === namespace);
  let best;
  for (const svc of ns?.services ?? []) {
    const keys = Object.keys(svc.labels);
    if (keys.length === 0 || !keys.every((k) => labels[k] === svc.labels[k])) continue;
    if (!best || keys.length > Object.keys(best.labels).length) best = svc;
  }
  return best;
}
function intentName(env, endpoint) {
  const side = endpoint.side;
  switch (side.kind) {
    case "pod": {
      const service = serviceFor(env, side.namespace, side.labels);
      if (service) return { kind: "service", service, text: `${service.namespace}/${service.name}` };
      const ns = env.namespaces.find((n) => n.name === side.namespace);
      const labels = Object.entries(side.labels).map(([k, v]) => `${k}=${v}`);
      return {
        kind: "namespace",
        namespace: side.namespace,
        declared: ns !== void 0,
        managed: ns?.managed ?? false,
        // The pods no service selects, by the labels they were seen with.
        text: `${side.namespace}/*${labels.length > 0 ? ` (${labels.join(",")})` : ""}`
      };
    }
    case "node":
      return { kind: "node", text: "node" };
    case "address":
      return { kind: "address", ...side.ip !== void 0 ? { ip: side.ip } : {}, text: endpoint.label };
  }
}
function portText(flow) {
  return flow.protocol === "TCP" ? `${flow.port}` : `${flow.port}/${flow.protocol.toLowerCase()}`;
}
function hostCidr(ip) {
  return ip.includes(":") ? `[${ip}/128]` : `${ip}/32`;
}
function suggest2(env, flow, from, to) {
  const needs = [];
  const sideText = (name, role) => {
    switch (name.kind) {
      case "service":
        return name.text;
      case "namespace":
        if (!name.declared) needs.push(`namespaces: ${name.namespace}: { managed: false }`);
        else if (name.managed) {
          needs.push(
            `a service in ${name.namespace} for the pods with ${labelsOf(role === "from" ? flow.from : flow.to)} would be narrower than the whole namespace`
          );
        }
        return `${name.namespace}/*`;
      case "address":
        return name.ip !== void 0 ? hostCidr(name.ip) : void 0;
      case "node":
        return void 0;
    }
  };
  if (from.kind === "node" || to.kind === "node") {
    const ip = flow.examples.fromIps[0];
    if (from.kind === "node" && to.kind === "service" && ip)
      return {
        line: `nodeCidrs: [${ip}/32]`,
        file: env.source.file,
        needs: [`kubelet health checks come from the node: add its network to nodeCidrs`]
      };
    return {
      unexpressible: "traffic of a node (not a pod) is not a flow the intent declares; kubelet health checks come from nodeCidrs"
    };
  }
  const manageable = (n) => n.kind === "service" || n.kind === "namespace" && n.managed;
  if (!manageable(from) && !manageable(to))
    return {
      unexpressible: "neither side is a service or a managed namespace: no policy of this environment selects it"
    };
  const source = sideText(from, "from");
  const destination = sideText(to, "to");
  if (source === void 0 || destination === void 0)
    return { unexpressible: "the record gives no address for the outside side" };
  if (to.kind === "service" && !servicePortDeclared(to.service, flow))
    needs.push(`${to.text} declares no port ${portText(flow)}: add it to its ports`);
  return { line: `${source} -> ${destination}:${portText(flow)}`, file: env.source.file, needs };
}
function labelsOf(endpoint) {
  if (endpoint.side.kind !== "pod") return endpoint.label;
  const entries = Object.entries(endpoint.side.labels);
  return entries.length === 0 ? "no labels" : `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(", ")} }`;
}
function servicePortDeclared(service, flow) {
  return service.ports.some(
    (p) => p.protocol === flow.protocol && p.port <= flow.port && flow.port <= (p.endPort ?? p.port)
  );
}
function endpointMatches(e, env, endpoint) {
  const side = endpoint.side;
  switch (e.kind) {
    case "service": {
      if (side.kind !== "pod" || side.namespace !== e.namespace) return false;
      const svc = env.namespaces.find((n) => n.name === e.namespace)?.services.find((s) => s.name === e.service);
      return svc !== void 0 && Object.entries(svc.labels).every(([k, v]) => side.labels[k] === v);
    }
    case "namespace":
      return side.kind === "pod" && side.namespace === e.namespace && Object.entries(e.podLabels ?? {}).every(([k, v]) => side.labels[k] === v);
    case "cidr": {
      if (side.kind !== "address" || side.ip === void 0) return false;
      const ip = parseIp(side.ip);
      const cidr = parseCidr(e.cidr);
      if (!ip || !cidr || !cidrContains(cidr, ip)) return false;
      return !e.except.some((x) => {
        const c = parseCidr(x);
        return c !== void 0 && cidrContains(c, ip);
      });
    }
    case "fqdn":
      return false;
  }
}
function portMatches2(ports, flow) {
  if (ports.length === 0) return true;
  return ports.some(
    (p) => p.protocol === flow.protocol && (p.port === void 0 || p.port <= flow.port && flow.port <= (p.endPort ?? p.port))
  );
}
function portsOf(env) {
  return (endpoint) => {
    if (endpoint.side.kind !== "pod") return [];
    const svc = serviceFor(env, endpoint.side.namespace, endpoint.side.labels);
    return (svc?.ports ?? []).map((p) => ({
      containerPort: p.port,
      protocol: p.protocol,
      ...p.name !== void 0 ? { name: p.name } : {}
    }));
  };
}
function intentNamespaces(env) {
  return env.namespaces.map((ns) => ({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: ns.name, labels: { ...ns.labels } }
  }));
}
function wentThrough(flow) {
  return flow.passed || flow.connections.allowed > 0 || flow.connections.audit > 0;
}
function gapReport(env, bundle, summary) {
  const passing = summary.flows.filter(wentThrough);
  const { policies, ciliumPolicies } = policiesOfBundle(bundle);
  const nodeCidr = env.nodeCidrs[0];
  const { judged } = judgeFlows({
    flows: passing,
    policies,
    ciliumPolicies,
    profile: env.profile,
    namespaces: intentNamespaces(env),
    portsOf: portsOf(env),
    ...nodeCidr ? { nodeAddress: nodeCidr.split("/")[0] } : {}
  });
  const notes = /* @__PURE__ */ new Set();
  const blocked = [];
  const used = /* @__PURE__ */ new Set();
  let allowed2 = 0;
  for (const j of judged) {
    for (const n of j.notes) notes.add(n);
    const v = j.verdict;
    if (!v) {
      allowed2++;
      continue;
    }
    for (const d of [v.egress, v.ingress])
      for (const r of d.allowedBy) used.add(`${r.namespace}/${r.policy}/${r.direction}/${r.ruleIndex}`);
    if (v.allowed) {
      allowed2++;
      continue;
    }
    blocked.push(blockedFlow(env, j, v));
  }
  blocked.sort(
    (a, b) => b.flow.connections.allowed + b.flow.connections.audit - (a.flow.connections.allowed + a.flow.connections.audit) || b.flow.records - a.flow.records
  );
  const unobserved = [];
  const unmatchable = [];
  for (const f of env.flows) {
    if (f.to.kind === "fqdn") {
      unmatchable.push(f);
      continue;
    }
    const seen = passing.some(
      (o2) => endpointMatches(f.from, env, o2.from) && endpointMatches(f.to, env, o2.to) && portMatches2(f.ports, o2)
    );
    if (!seen) unobserved.push(f);
  }
  const unused = [];
  for (const ns of env.namespaces.filter((n) => n.managed)) {
    const rules = [];
    for (const obj of bundle.objects) {
      const m = obj.manifest;
      if (m.metadata.namespace !== ns.name || m.kind !== "NetworkPolicy") continue;
      for (const direction2 of ["ingress", "egress"]) {
        (m.spec[direction2] ?? []).forEach((_, i) => {
          if (used.has(`${ns.name}/${m.metadata.name}/${direction2}/${i}`)) return;
          rules.push({
            policy: m.metadata.name,
            direction: direction2,
            ruleIndex: i,
            origins: obj.ruleOrigins?.[direction2][i] ?? obj.origins
          });
        });
      }
    }
    if (rules.length > 0) unused.push({ namespace: ns.name, rules });
  }
  return {
    environment: env.name,
    ...summary.firstSeen !== void 0 && summary.lastSeen !== void 0 ? { window: { first: summary.firstSeen, last: summary.lastSeen } } : {},
    blocked,
    unobserved,
    unmatchable,
    unused,
    judged: judged.length,
    allowed: allowed2,
    notes: [...notes]
  };
}
function blockedFlow(env, j, v) {
  const flow = j.flow;
  const from = intentName(env, flow.from);
  const to = intentName(env, flow.to);
  const portText2 = `${flow.port}/${flow.protocol}`;
  const blockedBy = [];
  if (!v.egress.allowed) blockedBy.push(explainDirection(v.egress, from.text, to.text, portText2));
  if (!v.ingress.allowed) blockedBy.push(explainDirection(v.ingress, to.text, from.text, portText2));
  const s = suggest2(env, flow, from, to);
  return {
    flow,
    verdict: v,
    from,
    to,
    blockedBy,
    ..."line" in s ? { suggestion: s } : { unexpressible: s.unexpressible }
  };
}

export {
  visible,
  escapeMarkdown,
  code,
  escapePre,
  mermaidLabel,
  cutUtf16,
  clip,
  formatIntentError,
  dns1123LabelProblem,
  labelKeyProblem,
  labelValueProblem,
  require_mod,
  emptyRecord,
  HAND_WRITTEN_PREFIX,
  canonicalJson,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  ENVIRONMENT_LABEL,
  SOURCE_ANNOTATION,
  DEFAULT_DENY_NAME,
  compileEnvironment,
  compileSelector,
  representativeLabels,
  namespaceNamed,
  METADATA_NAME_LABEL,
  parseSourceAnnotation,
  buildModel,
  isolatingPolicies,
  evaluateParties,
  peerMatches,
  formatSource,
  formatPolicy,
  explainDirection,
  explainVerdict,
  syntheticInventory,
  policiesOfBundle,
  diffEnvironments,
  diffCompiled,
  judgeFlows,
  intentName,
  suggest2 as suggest,
  portsOf,
  wentThrough,
  gapReport,
  CNI_PROFILES,
  isCniProfileName,
  parseIntent,
  parseEnvironments,
  unknownEnvironmentMessage,
  bundleDigest,
  objectKey,
  isPodTarget,
  isIpTarget,
  isDnsTarget,
  readObservation,
  scriptCheck,
  PROBE_COMMAND,
  probeArguments,
  parseProbeLog,
  outcomeOf,
  PROBE_RUN_LABEL,
  CHECKS_ANNOTATION,
  checkIdsOf,
  DEFAULT_PROBE_POD_OPTIONS,
  PROBE_LABEL,
  runObjectName,
  buildRunObject,
  buildProbePod,
  withOwnerUid,
  planChecks,
  buildProbePlan,
  plural,
  previewOutputs,
  verdictOf,
  driftAcrossEnvironments,
  sourceLink,
  table,
  summaryPointer,
  ARROW,
  flowRows,
  environmentHeadline,
  builtinLine,
  engineSkippedSentence,
  engineSection,
  lintSection,
  formatTime,
  usage,
  observedSection,
  sortedOf,
  lookFirstLines,
  environmentVerdict,
  replacesNote,
  hasBase,
  revisionLine,
  headline,
  overview,
  createScrubber,
  GitHubApiError,
  GitHubPermissionError,
  GitHubRateLimitError,
  ON_INCONCLUSIVE,
  checkKey,
  isPassed,
  decideAfterDeploy,
  decideAfterRollback,
  baselineFrom,
  TransitionError,
  namespaceOf,
  enforcedNamespaces,
  liveBundle,
  planTransition,
  breakGlassStep,
  BREAK_GLASS,
  liftableNamespaces,
  checkCallees,
  RecordKeyError,
  parseRecordKeys,
  recordIntent,
  intentOf,
  describeRunning,
  LAST_KNOWN_GOOD,
  emptyHistory,
  configMapName,
  lastKnownGood,
  provenEntries,
  findEntry,
  appendEntry,
  toConfigMap,
  fromConfigMap,
  baselineOf,
  withProbe
};
