/**
 * The package's exported API as text: every name `netpol-rollout` and `netpol-rollout/pulumi`
 * export, with its signature or shape, then the shape of every type of ours those reach
 * (a user meets them as parameters and results even when they cannot import them by name).
 * Read from the sources with the TypeScript checker, which resolves only what is asked
 * (no declaration emit, no full type check). The text names no file, so moving code
 * between files changes nothing; members and union members are sorted, so it does not
 * depend on the order the checker met them in.
 *
 * `npm run api` rewrites the snapshot; a unit test fails while the snapshot is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const API_SNAPSHOT = "test/action/golden/api.txt";

/** The package's entry points (package.json "exports") and their sources. */
export const ENTRIES = [
  { name: "netpol-rollout", source: "action/src/lib.ts" },
  { name: "netpol-rollout/pulumi", source: "pulumi/index.ts" },
];

const NODE_FLAGS =
  ts.NodeBuilderFlags.NoTruncation |
  ts.NodeBuilderFlags.IgnoreErrors |
  ts.NodeBuilderFlags.UseAliasDefinedOutsideCurrentScope;

/**
 * Packages none of the exported types use, read as empty modules: their declarations are
 * most of what the program would parse. A type of theirs reaching the API is an error
 * (apiText throws), so the text never hides one.
 */
export const UNREAD_PACKAGES = ["@kubernetes/client-node", "@pulumi/kubernetes"];

export interface ApiOptions {
  /** Source texts that replace files on disk (path relative to the repository root). */
  overrides?: Record<string, string>;
  /** A previous run's program: unchanged files are reused. */
  oldProgram?: ts.Program;
}

export function apiProgram(repoRoot: string, options: ApiOptions = {}): ts.Program {
  const config = ts.readConfigFile(join(repoRoot, "tsconfig.json"), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const compilerOptions = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(compilerOptions, true);
  const texts = new Map(
    Object.entries(options.overrides ?? {}).map(([path, text]) => [resolve(repoRoot, path), text]),
  );
  const unread = UNREAD_PACKAGES.map((name) => `${sep}node_modules${sep}${name.split("/").join(sep)}${sep}`);
  const textOf = (path: string): string | undefined =>
    texts.get(resolve(path)) ??
    (path.endsWith(".ts") && unread.some((dir) => path.includes(dir)) ? "export {};\n" : undefined);
  const getSourceFile = host.getSourceFile.bind(host);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (path) => texts.has(resolve(path)) || fileExists(path);
  host.readFile = (path) => textOf(path) ?? readFile(path);
  host.getSourceFile = (path, language, onError, create) => {
    const text = textOf(path);
    if (text !== undefined) return ts.createSourceFile(path, text, language, true);
    // The previous program's file, unless replaced there: the program reuses it unparsed.
    const old = texts.has(resolve(path)) ? undefined : options.oldProgram?.getSourceFile(path);
    return old ?? getSourceFile(path, language, onError, create);
  };
  return ts.createProgram({
    rootNames: ENTRIES.map((e) => join(repoRoot, e.source)),
    options: compilerOptions,
    host,
    ...(options.oldProgram ? { oldProgram: options.oldProgram } : {}),
  });
}

/** The API text of the package whose sources `program` holds. */
export function apiText(program: ts.Program, repoRoot: string): string {
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true, omitTrailingSemicolon: true });
  const scratch = ts.createSourceFile("api.ts", "", ts.ScriptTarget.Latest);
  const ours = (decl: ts.Declaration): boolean => {
    const file = relative(repoRoot, decl.getSourceFile().fileName);
    return !file.startsWith("..") && !file.split(sep).includes("node_modules");
  };

  /** Union members sorted by their text: the checker's own order is the order it met them in. */
  const sortUnions = <T extends ts.Node>(node: T): T => {
    const visit = (n: ts.Node): ts.Node => {
      const next = ts.visitEachChild(n, visit, undefined);
      if (!ts.isUnionTypeNode(next)) return next;
      const sorted = [...next.types].sort((a, b) => compare(print(a), print(b)));
      return ts.factory.updateUnionTypeNode(next, ts.factory.createNodeArray(sorted));
    };
    return visit(node) as T;
  };
  const print = (node: ts.Node): string =>
    printer.printNode(ts.EmitHint.Unspecified, node, scratch).replace(/\s+/g, " ");
  const typeText = (type: ts.Type): string => {
    const node = checker.typeToTypeNode(type, undefined, NODE_FLAGS);
    return node ? print(sortUnions(node)) : checker.typeToString(type);
  };
  /** "(a: A, b?: B): R" */
  const signatureText = (sig: ts.Signature): string => {
    const node = checker.signatureToSignatureDeclaration(
      sig,
      ts.SyntaxKind.MethodSignature,
      undefined,
      NODE_FLAGS,
    );
    if (!node) return checker.signatureToString(sig);
    const text = print(sortUnions(node)).replace(/;$/, "");
    // The builder names the method "": what follows is the signature.
    return text.slice(text.indexOf("("));
  };

  /** "constructor(a: A)" */
  const constructorText = (sig: ts.Signature): string => {
    const node = checker.signatureToSignatureDeclaration(
      sig,
      ts.SyntaxKind.Constructor,
      undefined,
      NODE_FLAGS,
    );
    return node
      ? print(sortUnions(node)).replace(/ ?;$/, "")
      : `constructor${checker.signatureToString(sig)}`;
  };

  // --- which of our types the exports reach ---------------------------------------------
  /** The declaration being listed, for errors. */
  let current = "";
  const reached = new Set<ts.Symbol>();
  const queue: ts.Symbol[] = [];
  const seen = new Set<ts.Type>();
  const reach = (symbol: ts.Symbol): void => {
    if (reached.has(symbol) || !(symbol.declarations ?? []).some(ours)) return;
    reached.add(symbol);
    queue.push(symbol);
  };
  const visitSignature = (sig: ts.Signature): void => {
    for (const p of sig.getParameters()) visit(checker.getTypeOfSymbol(p));
    for (const t of sig.getTypeParameters() ?? []) {
      const c = t.getConstraint();
      if (c) visit(c);
    }
    visit(sig.getReturnType());
  };
  /** `expand`: the shape of an alias of ours itself, not a reference to it. */
  const visit = (type: ts.Type, expand = false): void => {
    if (!expand) {
      if (seen.has(type)) return;
      seen.add(type);
    }
    if (type.flags & ts.TypeFlags.Any && (type as { intrinsicName?: string }).intrinsicName === "error") {
      throw new Error(
        `${current}: a type the checker cannot resolve (one of ${UNREAD_PACKAGES.join(", ")}, which this listing does not read, or a broken import)`,
      );
    }
    if (type.aliasSymbol && !expand) {
      reach(type.aliasSymbol);
      for (const t of type.aliasTypeArguments ?? []) visit(t);
      if ((type.aliasSymbol.declarations ?? []).some(ours)) return;
    }
    if (type.isUnionOrIntersection()) {
      for (const t of type.types) visit(t);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object)) return;
    const object = type as ts.ObjectType;
    if (object.objectFlags & ts.ObjectFlags.Reference) {
      for (const t of checker.getTypeArguments(type as ts.TypeReference)) visit(t);
    }
    const symbol = type.getSymbol();
    if (symbol && symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.Enum)) {
      reach(symbol);
      return;
    }
    if (symbol && !(symbol.declarations ?? []).some(ours)) return;
    for (const p of checker.getPropertiesOfType(type)) visit(checker.getTypeOfSymbol(p));
    for (const sig of [...type.getCallSignatures(), ...type.getConstructSignatures()]) visitSignature(sig);
    for (const info of checker.getIndexInfosOfType(type)) visit(info.type);
  };

  // --- declarations as text ---------------------------------------------------------------
  const isPrivate = (symbol: ts.Symbol): boolean =>
    symbol.name.startsWith("#") ||
    (symbol.declarations ?? []).some(
      (d) => (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Private) !== 0,
    );
  /** Declared members (not inherited: the base is listed on its own). */
  const memberLines = (members: ts.SymbolTable | undefined, prefix = ""): string[] => {
    const lines: string[] = [];
    members?.forEach((member) => {
      const name = member.name;
      // Signatures are listed apart; a class's `prototype` is no member a user writes.
      if (name.startsWith("__") || name === "prototype" || isPrivate(member)) return;
      const decl = member.declarations?.[0];
      const flags = decl ? ts.getCombinedModifierFlags(decl) : 0;
      const readonly = flags & ts.ModifierFlags.Readonly ? "readonly " : "";
      const protectedText = flags & ts.ModifierFlags.Protected ? "protected " : "";
      const optional = member.flags & ts.SymbolFlags.Optional ? "?" : "";
      const type = checker.getTypeOfSymbol(member);
      visit(type);
      if (member.flags & ts.SymbolFlags.Method) {
        for (const sig of type.getCallSignatures())
          lines.push(`${prefix}${protectedText}${name}${optional}${signatureText(sig)}`);
      } else if (member.flags & ts.SymbolFlags.GetAccessor && !(member.flags & ts.SymbolFlags.SetAccessor)) {
        lines.push(`${prefix}${protectedText}get ${name}: ${typeText(type)}`);
      } else {
        lines.push(`${prefix}${protectedText}${readonly}${name}${optional}: ${typeText(type)}`);
      }
    });
    return lines;
  };
  /** "<T extends A = B>" from the first declaration's type parameters. */
  const typeParameters = (symbol: ts.Symbol): string => {
    const decl = symbol.declarations?.[0];
    const params =
      decl && "typeParameters" in decl ? (decl.typeParameters as ts.TypeParameterDeclaration[]) : [];
    if (!params || params.length === 0) return "";
    const text = params.map((p) => {
      const bound = p.constraint ? checker.getTypeFromTypeNode(p.constraint) : undefined;
      const fallback = p.default ? checker.getTypeFromTypeNode(p.default) : undefined;
      if (bound) visit(bound);
      if (fallback) visit(fallback);
      return `${p.name.text}${bound ? ` extends ${typeText(bound)}` : ""}${fallback ? ` = ${typeText(fallback)}` : ""}`;
    });
    return `<${text.join(", ")}>`;
  };
  const heritage = (symbol: ts.Symbol): string => {
    const bases = checker.getBaseTypes(checker.getDeclaredTypeOfSymbol(symbol) as ts.InterfaceType);
    for (const b of bases) visit(b);
    return bases.length === 0 ? "" : ` extends ${bases.map(typeText).sort(compare).join(", ")}`;
  };
  const block = (head: string, lines: string[]): string =>
    lines.length === 0
      ? `${head} {}`
      : `${head} {\n${lines
          .sort(compare)
          .map((l) => `  ${l}`)
          .join("\n")}\n}`;

  const declarationText = (name: string, symbol: ts.Symbol): string[] => {
    current = name;
    const out: string[] = [];
    const flags = symbol.flags;
    if (flags & ts.SymbolFlags.Class) {
      const staticType = checker.getTypeOfSymbol(symbol);
      const lines = [
        ...staticType.getConstructSignatures().map(constructorText),
        ...memberLines(symbol.exports, "static "),
        ...memberLines(symbol.members),
      ];
      for (const s of staticType.getConstructSignatures()) visitSignature(s);
      out.push(block(`class ${name}${typeParameters(symbol)}${heritage(symbol)}`, lines));
    } else if (flags & ts.SymbolFlags.Interface) {
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      const lines = [
        ...type.getCallSignatures().map(signatureText),
        ...type.getConstructSignatures().map((s) => `new${signatureText(s)}`),
        ...checker
          .getIndexInfosOfType(type)
          .map((i) => `${i.isReadonly ? "readonly " : ""}[key: ${typeText(i.keyType)}]: ${typeText(i.type)}`),
        ...memberLines(symbol.members),
      ];
      for (const s of [...type.getCallSignatures(), ...type.getConstructSignatures()]) visitSignature(s);
      for (const i of checker.getIndexInfosOfType(type)) visit(i.type);
      out.push(block(`interface ${name}${typeParameters(symbol)}${heritage(symbol)}`, lines));
    } else if (flags & ts.SymbolFlags.TypeAlias) {
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      const node = checker.typeToTypeNode(type, undefined, NODE_FLAGS | ts.NodeBuilderFlags.InTypeAlias);
      visit(type, true);
      out.push(`type ${name}${typeParameters(symbol)} = ${node ? print(sortUnions(node)) : typeText(type)}`);
    } else if (flags & ts.SymbolFlags.Enum) {
      const lines = (checker.getExportsOfModule(symbol) ?? []).map(
        (m) => `${m.name} = ${String(checker.getConstantValue(m.valueDeclaration as ts.EnumMember))}`,
      );
      out.push(block(`enum ${name}`, lines));
    } else if (flags & ts.SymbolFlags.Function) {
      const type = checker.getTypeOfSymbol(symbol);
      for (const sig of type.getCallSignatures()) {
        visitSignature(sig);
        out.push(`${name === "default" ? "default function" : `function ${name}`}${signatureText(sig)}`);
      }
    } else if (flags & ts.SymbolFlags.Variable) {
      const type = checker.getTypeOfSymbol(symbol);
      visit(type);
      const decl = symbol.valueDeclaration;
      const isConst = decl && ts.isVariableDeclaration(decl) && decl.parent.flags & ts.NodeFlags.Const;
      out.push(`${isConst ? "const" : "let"} ${name}: ${typeText(type)}`);
    }
    return out;
  };

  const sections: string[] = [];
  const exported = new Set<ts.Symbol>();
  for (const entry of ENTRIES) {
    const file = program.getSourceFile(join(repoRoot, entry.source));
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) throw new Error(`${entry.source}: not a module`);
    const texts: string[] = [];
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      exported.add(target);
      const text = declarationText(symbol.name, target);
      if (text.length === 0) throw new Error(`${entry.source}: cannot list the export ${symbol.name}`);
      texts.push(...text.map((t) => `export ${t}`));
    }
    sections.push(`# ${entry.name}\n\n${texts.sort(compare).join("\n")}\n`);
  }
  const others: string[] = [];
  for (let symbol = queue.shift(); symbol; symbol = queue.shift()) {
    if (!exported.has(symbol)) others.push(...declarationText(symbol.name, symbol));
  }
  sections.push(`# types the exports use without exporting them\n\n${others.sort(compare).join("\n")}\n`);
  return sections.join("\n");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const repoRoot = resolve(fileURLToPath(import.meta.url), "../..");

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = apiText(apiProgram(repoRoot), repoRoot);
  const path = join(repoRoot, API_SNAPSHOT);
  let old = "";
  try {
    old = readFileSync(path, "utf8");
  } catch {
    // No snapshot yet.
  }
  writeFileSync(path, text);
  console.log(old === text ? `${API_SNAPSHOT} is up to date` : `${API_SNAPSHOT} rewritten`);
}
