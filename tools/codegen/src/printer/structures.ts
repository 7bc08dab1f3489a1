/**
 * Prints the ts-morph structures emitters record (imports, functions, interfaces, type aliases, variable
 * statements) as text, the way ts-morph's own structure printer does: the same tokens, line breaks, blank
 * lines and JSDoc shape. Indentation and the spacing of emitter-written fragments are left to layout.ts,
 * which lays out the whole file, so this writes every line from column 0 and joins strings, cheaply.
 *
 * A structure property this printer does not know fails loudly (UnsupportedStructureError) instead of being
 * dropped: add it here, printed as ts-morph prints it.
 */
import {
  CodeBlockWriter,
  StructureKind,
  type FunctionDeclarationOverloadStructure,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type ImportSpecifierStructure,
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
  type TypeParameterDeclarationStructure,
  type VariableStatementStructure,
  type WriterFunction,
} from "ts-morph";

export class UnsupportedStructureError extends Error {
  constructor(what: string, property: string) {
    super(`@wrikekit/codegen printer: ${what} property "${property}" is not supported; print it in tools/codegen/src/printer/structures.ts (as ts-morph prints it) or leave it out`);
    this.name = "UnsupportedStructureError";
  }
}

type Text = string | WriterFunction;
type Statements = string | WriterFunction | readonly (string | WriterFunction | StatementStructures)[];

/** Text output that knows its last characters, for ts-morph's line-break rules, without reading back what it wrote. */
class Output {
  private readonly parts: string[] = [];
  /** Line breaks at the very end. */
  private trailingNewlines = 0;
  private lastNonWhitespace = "";
  /** Right after a block's `{` (or at the start of the file), before anything is written in it. */
  private blockStart = true;

  write(text: string): this {
    if (text === "") return this;
    this.parts.push(text);
    const trimmed = text.trimEnd();
    if (trimmed !== "") {
      this.lastNonWhitespace = trimmed[trimmed.length - 1]!;
      this.blockStart = false;
      this.trailingNewlines = 0;
    }
    for (let i = text.length - 1; i >= 0 && text[i] === "\n"; i--) this.trailingNewlines++;
    return this;
  }

  newLine(): this {
    return this.write("\n");
  }

  newLineIfLastNot(): this {
    return this.trailingNewlines > 0 ? this : this.newLine();
  }

  blankLineIfLastNot(): this {
    if (this.trailingNewlines < 2) this.newLineIfLastNot().newLine();
    return this;
  }

  /** ts-morph's separation before a statement or member: a blank line after a `}`, else a line break. */
  separateStatement(): void {
    if (this.lastNonWhitespace === "}") this.blankLineIfLastNot();
    else if (!this.blockStart) this.newLineIfLastNot();
  }

  /** Separation before a function or an interface: a blank line, unless first in its block. */
  separateDeclaration(): void {
    if (!this.blockStart) this.blankLineIfLastNot();
  }

  /** `{`, the body on lines of its own, `}`. */
  block(body: () => void): this {
    this.write("{").newLine();
    this.blockStart = true;
    body();
    this.blockStart = false;
    return this.newLineIfLastNot().write("}");
  }

  toString(): string {
    return this.parts.join("");
  }
}

/** A string as is, a writer function's text from a writer of its own. */
function textOf(text: Text): string {
  if (typeof text === "string") return text;
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2 });
  text(writer);
  return writer.toString();
}

const isBlank = (text: string) => text.trim() === "";

/** Throws on a set property that is not in `known`; unset (undefined, false) ones are fine. */
function checkProperties(structure: object, what: string, known: readonly string[]): void {
  for (const [key, value] of Object.entries(structure)) if (value !== undefined && value !== false && !known.includes(key)) throw new UnsupportedStructureError(what, key);
}

const declaration = ["kind", "docs", "isExported", "isDefaultExport"];

export function printStatements(statements: readonly StatementStructures[]): string {
  const out = new Output();
  writeStatements(out, statements);
  return out.toString();
}

function writeStatements(out: Output, statements: Statements | undefined): void {
  if (statements === undefined) return;
  if (typeof statements === "string" || typeof statements === "function") return void out.write(textOf(statements));
  for (const statement of statements) {
    out.separateStatement();
    if (typeof statement === "string" || typeof statement === "function") out.write(textOf(statement));
    else writeStatement(out, statement);
  }
}

function writeStatement(out: Output, s: StatementStructures): void {
  switch (s.kind) {
    case StructureKind.ImportDeclaration:
      return writeImport(out, s);
    case StructureKind.Function:
      out.separateDeclaration();
      return writeFunction(out, s);
    case StructureKind.Interface:
      out.separateDeclaration();
      return writeInterface(out, s);
    case StructureKind.TypeAlias:
      return writeTypeAlias(out, s);
    case StructureKind.VariableStatement:
      return writeVariableStatement(out, s);
    default:
      throw new UnsupportedStructureError("statement", `kind ${StructureKind[s.kind]}`);
  }
}

function writeDocs(out: Output, docs: readonly (string | OptionalKind<JSDocStructure> | WriterFunction)[] | undefined): void {
  for (const doc of docs ?? []) {
    if (typeof doc === "object") checkProperties(doc, "JSDoc", ["kind", "description"]);
    const text = typeof doc === "object" ? (doc.description === undefined ? "" : textOf(doc.description)) : textOf(doc);
    const lines = text.split(/\r?\n/);
    if (lines.length <= 1) out.write(`/** ${lines[0]}${lines[0]!.endsWith(" ") ? "" : " "}*/`);
    else {
      out.write("/**\n");
      for (const line of lines.slice(lines[0] === "" ? 1 : 0)) out.write(line === "" ? " *\n" : ` * ${line}\n`);
      out.write(" */");
    }
    out.newLine();
  }
}

function writeModifiers(out: Output, s: { isExported?: boolean; isDefaultExport?: boolean; isAsync?: boolean; isReadonly?: boolean }): void {
  if (s.isDefaultExport) out.write("export default ");
  else if (s.isExported) out.write("export ");
  if (s.isAsync) out.write("async ");
  if (s.isReadonly) out.write("readonly ");
}

function writeImport(out: Output, s: OptionalKind<ImportDeclarationStructure>): void {
  checkProperties(s, "import", ["kind", "moduleSpecifier", "namedImports", "namespaceImport", "defaultImport", "isTypeOnly"]);
  const named = typeof s.namedImports === "function" ? [s.namedImports] : (s.namedImports ?? []);
  if (named.length > 0 && s.namespaceImport !== undefined) throw new UnsupportedStructureError("import", "namedImports together with namespaceImport");
  out.write("import");
  if (s.isTypeOnly) out.write(" type");
  if (s.defaultImport !== undefined) out.write(` ${s.defaultImport}${named.length > 0 || s.namespaceImport !== undefined ? "," : ""}`);
  if (s.namespaceImport !== undefined) out.write(` * as ${s.namespaceImport}`);
  if (named.length > 0) out.write(` { ${named.map(importSpecifier).join(", ")} }`);
  if (s.defaultImport !== undefined || named.length > 0 || s.namespaceImport !== undefined) out.write(" from");
  out.write(` ${new CodeBlockWriter().quote(s.moduleSpecifier).toString()};`);
}

function importSpecifier(spec: string | WriterFunction | OptionalKind<ImportSpecifierStructure>): string {
  if (typeof spec !== "object") return textOf(spec);
  checkProperties(spec, "import specifier", ["kind", "name", "alias", "isTypeOnly"]);
  return `${spec.isTypeOnly ? "type " : ""}${spec.name}${spec.alias && !isBlank(spec.alias) ? ` as ${spec.alias}` : ""}`;
}

function writeFunction(out: Output, s: OptionalKind<FunctionDeclarationStructure>): void {
  checkProperties(s, "function", [...declaration, "name", "typeParameters", "parameters", "returnType", "statements", "overloads", "isAsync", "isGenerator"]);
  for (const overload of s.overloads ?? []) {
    checkProperties(overload, "function overload", [...declaration, "typeParameters", "parameters", "returnType", "isAsync", "isGenerator"]);
    writeFunctionHeader(out, s.name, { ...overload, isExported: overload.isExported ?? s.isExported, isDefaultExport: overload.isDefaultExport ?? s.isDefaultExport });
    out.write(";").newLine();
  }
  writeFunctionHeader(out, s.name, s);
  out.write(" ").block(() => writeStatements(out, s.statements));
}

/** What a function and each of its overloads print before the body or `;`. */
type FunctionHeader = Omit<OptionalKind<FunctionDeclarationOverloadStructure>, "kind">;

function writeFunctionHeader(out: Output, name: string | undefined, s: FunctionHeader): void {
  writeDocs(out, s.docs);
  writeModifiers(out, s);
  out.write(s.isGenerator ? "function*" : "function");
  if (name !== undefined && !isBlank(name)) out.write(` ${name}`);
  out.write(typeParameters(s.typeParameters)).write(parameters(s.parameters)).write(returnType(s.returnType));
}

function typeParameters(list: readonly (string | OptionalKind<TypeParameterDeclarationStructure>)[] | undefined): string {
  if (list === undefined || list.length === 0) return "";
  return `<${list.map(typeParameter).join(", ")}>`;
}

function typeParameter(p: string | OptionalKind<TypeParameterDeclarationStructure>): string {
  if (typeof p === "string") return p;
  checkProperties(p, "type parameter", ["kind", "name", "constraint", "default", "isConst"]);
  const constraint = p.constraint === undefined ? "" : textOf(p.constraint);
  const fallback = p.default === undefined ? "" : textOf(p.default);
  return `${p.isConst ? "const " : ""}${p.name}${isBlank(constraint) ? "" : ` extends ${constraint}`}${isBlank(fallback) ? "" : ` = ${fallback}`}`;
}

function parameters(list: readonly OptionalKind<ParameterDeclarationStructure>[] | undefined): string {
  return `(${(list ?? []).map(parameter).join(", ")})`;
}

function parameter(p: OptionalKind<ParameterDeclarationStructure>): string {
  checkProperties(p, "parameter", ["kind", "name", "type", "hasQuestionToken", "initializer", "isRestParameter", "isReadonly"]);
  // As ts-morph: an optional parameter without a type is `any`.
  const type = p.type ?? (p.hasQuestionToken ? "any" : undefined);
  return `${p.isReadonly ? "readonly " : ""}${p.isRestParameter ? "..." : ""}${p.name}${p.hasQuestionToken ? "?" : ""}${annotation(":", type)}${initializer(p.initializer)}`;
}

/** `: type` (or another separator), or nothing for no or blank text. */
function annotation(separator: string, type: Text | undefined): string {
  const text = type === undefined ? "" : textOf(type);
  return isBlank(text) ? "" : `${separator} ${text}`;
}

function returnType(type: Text | undefined): string {
  return annotation(":", type);
}

function initializer(value: Text | undefined): string {
  const text = value === undefined ? "" : textOf(value);
  return isBlank(text) ? "" : ` = ${text}`;
}

function writeInterface(out: Output, s: OptionalKind<InterfaceDeclarationStructure>): void {
  checkProperties(s, "interface", [...declaration, "name", "typeParameters", "extends", "properties", "methods", "callSignatures", "indexSignatures"]);
  writeDocs(out, s.docs);
  writeModifiers(out, s);
  out.write(`interface ${s.name}${typeParameters(s.typeParameters)} `);
  const heritage = s.extends === undefined ? "" : typeof s.extends === "function" ? textOf(s.extends) : s.extends.map(textOf).join(", ");
  if (!isBlank(heritage)) out.write(`extends ${heritage} `);
  out.block(() => {
    // Members in ts-morph's order, one a line: call signatures, index signatures, properties, methods.
    for (const c of s.callSignatures ?? []) {
      checkProperties(c, "call signature", ["kind", "docs", "typeParameters", "parameters", "returnType"]);
      member(out, c.docs, `${typeParameters(c.typeParameters)}${parameters(c.parameters)}: ${c.returnType === undefined ? "void" : textOf(c.returnType)};`);
    }
    for (const x of s.indexSignatures ?? []) {
      checkProperties(x, "index signature", ["kind", "docs", "keyName", "keyType", "returnType", "isReadonly"]);
      member(out, x.docs, `${x.isReadonly ? "readonly " : ""}[${x.keyName || "key"}: ${x.keyType || "string"}]${returnType(x.returnType)};`);
    }
    for (const p of s.properties ?? []) {
      checkProperties(p, "property", ["kind", "docs", "name", "type", "hasQuestionToken", "isReadonly"]);
      member(out, p.docs, `${p.isReadonly ? "readonly " : ""}${p.name}${p.hasQuestionToken ? "?" : ""}${annotation(":", p.type)};`);
    }
    for (const m of s.methods ?? []) {
      checkProperties(m, "method", ["kind", "docs", "name", "hasQuestionToken", "typeParameters", "parameters", "returnType"]);
      member(out, m.docs, `${m.name}${m.hasQuestionToken ? "?" : ""}${typeParameters(m.typeParameters)}${parameters(m.parameters)}${returnType(m.returnType)};`);
    }
  });
}

function member(out: Output, docs: readonly (string | OptionalKind<JSDocStructure>)[] | undefined, text: string): void {
  out.newLineIfLastNot();
  writeDocs(out, docs);
  out.write(text);
}

function writeTypeAlias(out: Output, s: OptionalKind<TypeAliasDeclarationStructure>): void {
  checkProperties(s, "type alias", [...declaration, "name", "typeParameters", "type"]);
  writeDocs(out, s.docs);
  writeModifiers(out, s);
  out.write(`type ${s.name}${typeParameters(s.typeParameters)}${annotation(" =", s.type)};`);
}

function writeVariableStatement(out: Output, s: OptionalKind<VariableStatementStructure>): void {
  checkProperties(s, "variable statement", [...declaration, "declarationKind", "declarations"]);
  if (s.declarations.length === 0) throw new UnsupportedStructureError("variable statement", "declarations (empty)");
  writeDocs(out, s.docs);
  writeModifiers(out, s);
  const declarations = s.declarations.map((d) => {
    checkProperties(d, "variable declaration", ["kind", "name", "type", "initializer", "hasExclamationToken"]);
    return `${d.name}${d.hasExclamationToken ? "!" : ""}${annotation(":", d.type)}${initializer(d.initializer)}`;
  });
  out.write(`${s.declarationKind ?? "let"} ${declarations.join(", ")};`);
}
