/**
 * What the codec emitters (decoders, encoders, wire-args, xml-writers) share: importing one module of
 * @wrikekit/core/runtime beside the generated types, and naming each argument's codec, with a
 * `matching(...)` constant emitted once for arguments that carry a pattern.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { DeclarationSink } from "../../emit.js";
import { pascal, type Argument, type Method } from "../../model.js";
import { wireScalar } from "../../naming.js";

/**
 * Imports one runtime module by its own subpath (not through @wrikekit/core/runtime's re-exports), so
 * that bundlers keep only the primitives the generated code calls; and the generated types as `t`, unless
 * the file declares its own (`withTypes: false`).
 */
export function importRuntime(file: DeclarationSink, module: "decode" | "encode" | "wire" | "xml-writer", alias: string, contextType?: string, withTypes = true): void {
  const moduleSpecifier = `@wrikekit/core/runtime/${module}`;
  file.addImportDeclaration({ moduleSpecifier, namespaceImport: alias });
  if (contextType) file.addImportDeclaration({ moduleSpecifier, isTypeOnly: true, namedImports: [contextType] });
  if (withTypes) file.addImportDeclaration({ moduleSpecifier: "./types.js", isTypeOnly: true, namespaceImport: "t" });
}

/**
 * Emits a constant per patterned argument of `m` and returns the codec expression of any argument:
 * `${alias}.<scalar>`, or the constant that also checks the pattern.
 */
export function argumentCodecs(file: DeclarationSink, m: Method, alias: string, suffix: string): (a: Argument) => string {
  const base = (a: Argument) => `${alias}.${wireScalar(a.type)}`;
  const constant = (a: Argument) => `${m.functionName}${pascal(a.name)}${suffix}`;
  for (const a of m.args.filter((x) => x.pattern !== undefined))
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: constant(a), initializer: `/* @__PURE__ */ ${alias}.matching(${base(a)}, /${a.pattern!.replace(/\//g, "\\/")}/)` }],
    });
  return (a) => (a.pattern === undefined ? base(a) : constant(a));
}
