/**
 * Emits the argument encoders: for each method, a function that checks every argument against the spec
 * (required, type, pattern, unknown names) and appends its wire form in the spec's order.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Argument, Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { argumentCodecs, importRuntime } from "./shared/runtime-codecs.js";

/** The slot argument of an encoder call: the context's pair list for the argument's `in`, none for the form body (the default, so rpc-style v2 encoders pass none). */
function slotOf(a: Argument): string {
  return a.in === "body" ? "" : `, ctx.${a.in === "header" ? "headers" : a.in}`;
}

/** The call that writes one argument into its slot (the REST request contract). */
function encodeCall(a: Argument, encoderFor: (a: Argument) => string): string {
  const key = JSON.stringify(a.name);
  const wire = JSON.stringify(a.wireName);
  const slot = slotOf(a);
  if (a.encoding === "raw") return `e.raw(v, ${key}, ctx);`;
  // Objects (spec models) and untyped JSON travel as JSON text, a list of them as one JSON array.
  const isJson = a.type.kind === "model" || (a.type.kind === "scalar" && a.type.name === "json");
  if (isJson) return `e.jsonText(${wire}, v, ${key}, ${a.type.list}, ${a.type.kind === "model" ? "e.object" : "e.json"}, ctx${slot});`;
  const encoder = a.in === "header" && a.type.kind === "scalar" && a.type.name === "string" ? "e.header" : encoderFor(a);
  return a.type.list ? `e.${a.encoding}List(${wire}, v, ${key}, ${encoder}, ctx${slot});` : `e.scalar(${wire}, v, ${key}, ${encoder}, ctx${slot});`;
}

function argumentStatement(a: Argument, encoderFor: (a: Argument) => string): string {
  const key = JSON.stringify(a.name);
  const write = a.nullable ? `if (v === null) e.nullValue(${JSON.stringify(a.wireName)}, ctx${slotOf(a)}); else ${encodeCall(a, encoderFor)}` : encodeCall(a, encoderFor);
  return a.required ? `v = a.${a.name}; if (v === undefined) e.missing(${key}, ctx); else ${write}` : `v = a.${a.name}; if (v !== undefined) ${write}`;
}

export const encodersEmitter: Emitter = {
  name: "encoders",
  output: "packages/client/src/{api}/generated/encoders.ts",
  emit(ir: Ir, file) {
    importRuntime(file, "encode", "e", "EncodeContext");
    const echo = ir.api.echo?.field;
    for (const m of ir.methods) {
      const namesConst = `${m.functionName}ArgumentNames`;
      file.addVariableStatement({ declarationKind: VariableDeclarationKind.Const, declarations: [{ name: namesConst, initializer: `/* @__PURE__ */ new Set(${JSON.stringify(m.args.map((a) => a.name))})` }] });
      const encoderFor = argumentCodecs(file, m, "e", "Encoder");
      file.addFunction({
        isExported: true,
        name: names.argsEncoder(m),
        ...docs(`Checks the arguments of ${m.id} and writes their wire forms into their slots of ctx.`),
        parameters: [
          { name: "args", type: `t.${names.argsType(m)}` },
          { name: "ctx", type: "EncodeContext" },
        ],
        returnType: "void",
        statements: [
          "const a = e.argsObject(args, ctx);",
          "if (a === undefined) return;",
          `e.rejectUnknown(a, ${namesConst}, ctx);`,
          ...(m.args.length > 0 ? ["let v: unknown;"] : []),
          ...m.args.map((a) => argumentStatement(a, encoderFor)),
          ...m.requireOneOf.map((group) => `e.requireOneOf(a, ${JSON.stringify(group)}, ctx);`),
          // The spec's echo rule: the answer must carry this argument back (checked after decoding).
          ...(echo !== undefined && m.args.some((a) => a.name === echo) ? [`e.echoed(${JSON.stringify(echo)}, a.${echo}, ctx);`] : []),
        ],
      });
    }
  },
};
