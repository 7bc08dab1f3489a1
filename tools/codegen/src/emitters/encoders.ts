/**
 * Emits the argument encoders: for each method, a table of its arguments in the spec's order (name, writer,
 * item encoder, slot, required, wire name where it differs; runtime/encode.ts ArgumentRow) that one runtime
 * interpreter (`e.encoder`) walks to check every argument (required, type, pattern, unknown names) and
 * append its wire form.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Argument, Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { argumentCodecs, importRuntime } from "./shared/runtime-codecs.js";

/** The context's pair list for each `in` of the spec (runtime/encode.ts SlotName). */
const SLOTS = { body: "pairs", query: "query", path: "path", header: "headers" } as const;

/** The writer of an argument and the item encoder or checker it takes (the REST request contract). */
function writerOf(a: Argument, encoderFor: (a: Argument) => string, echo: string | undefined): [string, string] {
  const [plain, item] = encodingWriterOf(a, encoderFor);
  // The spec's echo argument: written as a scalar, and the answer checked to carry it back.
  if (a.name === echo && plain !== "e.scalar") throw new Error(`the echo argument ${a.name} must be a scalar (api.yaml echo.field)`);
  const write = a.name === echo ? "e.echoed" : plain;
  return [a.nullable ? `/* @__PURE__ */ e.nullable(${write})` : write, item];
}

/** The writer of an argument's encoding, and its item encoder or checker. */
function encodingWriterOf(a: Argument, encoderFor: (a: Argument) => string): [string, string] {
  if (a.encoding === "raw") return ["e.raw", "undefined"];
  // Objects (spec models) and untyped JSON travel as JSON text, a list of them as one JSON array.
  if (a.type.kind === "model" || (a.type.kind === "scalar" && a.type.name === "json")) return [a.type.list ? "e.jsonArray" : "e.jsonValue", a.type.kind === "model" ? "e.object" : "e.json"];
  const plain = a.in === "header" && a.type.kind === "scalar" && a.type.name === "string" ? "e.header" : encoderFor(a);
  // A credential's issues never quote it (they become error messages).
  const item = a.sensitive ? `/* @__PURE__ */ e.secret(${plain})` : plain;
  return [a.type.list ? `e.${a.encoding}List` : "e.scalar", item];
}

/** One row of the table: its slot, required and wire name given up to the last that is not the default (the form body, not required, the name). */
function argumentRow(a: Argument, encoderFor: (a: Argument) => string, echo: string | undefined): string {
  const optional = [a.in === "body" ? undefined : JSON.stringify(SLOTS[a.in]), a.required ? "true" : undefined, a.wireName === a.name ? undefined : JSON.stringify(a.wireName)];
  while (optional.length > 0 && optional[optional.length - 1] === undefined) optional.pop();
  const defaults = [JSON.stringify(SLOTS.body), "false"];
  return `[${[JSON.stringify(a.name), ...writerOf(a, encoderFor, echo), ...optional.map((x, i) => x ?? defaults[i])].join(", ")}]`;
}

export const encodersEmitter: Emitter = {
  name: "encoders",
  output: "packages/client/src/{api}/generated/encoders.ts",
  emit(ir: Ir, file) {
    importRuntime(file, "encode", "e");
    const echo = ir.api.echo?.field;
    for (const m of ir.methods) {
      const encoderFor = argumentCodecs(file, m, "e", "Encoder");
      const rows = m.args.map((a) => `  ${argumentRow(a, encoderFor, echo)},`);
      const table = rows.length > 0 ? `[\n${rows.join("\n")}\n]` : "[]";
      const encoder = `/* @__PURE__ */ e.encoder(${table})`;
      file.addVariableStatement({
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        ...docs(`Checks the arguments of ${m.id} and writes their wire forms into their slots of ctx.`),
        // An explicit type: JSR refuses inferred types in the public API (the server entry exports the encoders).
        declarations: [{ name: names.argsEncoder(m), type: `e.ArgsEncoder<t.${names.argsType(m)}>`, initializer: m.requireOneOf.length > 0 ? `/* @__PURE__ */ e.requireOneOf(${[encoder, ...m.requireOneOf.map((group) => JSON.stringify(group))].join(", ")})` : encoder }],
      });
    }
  },
};
