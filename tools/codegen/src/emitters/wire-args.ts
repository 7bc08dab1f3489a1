/**
 * Emits wire-argument readers, the server side of the encoders: for each method, a function that reads
 * form parameters back into typed arguments, listing malformed ones and missing required ones. The
 * emulator and the mock handlers answer 403 MISSING_REQUIRED_PARAMETER from `missing`.
 */
import type { Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { argumentCodecs, importRuntime } from "./shared/runtime-codecs.js";

export const wireArgsEmitter: Emitter = {
  name: "wire-args",
  output: "packages/client/src/{api}/generated/wire-args.ts",
  emit(ir: Ir, file) {
    importRuntime(file, "wire", "w", "WireContext");
    for (const m of ir.methods) {
      const parserOf = argumentCodecs(file, m, "w", "Parser");
      const statements = [
        "const a: Record<string, unknown> = {};",
        ...(m.args.length > 0 ? ["let v: unknown;"] : []),
        ...m.args.map((a) => {
          const read = a.type.list
            ? `w.list(params, ${JSON.stringify(a.wireName)}, ${JSON.stringify(a.encoding)}, ${parserOf(a)}, ctx)`
            : `w.scalar(params, ${JSON.stringify(a.wireName)}, ${parserOf(a)}, ctx)`;
          const absent = a.required ? `if (v === undefined) { if (!params.has(${JSON.stringify(a.wireName)})) ctx.missing.push(${JSON.stringify(a.name)}); } else ` : "if (v !== undefined) ";
          return `v = ${read}; ${absent}a.${a.name} = v;`;
        }),
        // Missing only when no alternative is present at all; a malformed one is already an issue.
        ...m.requireOneOf.map((group) => {
          const wireNames = group.map((n) => m.args.find((a) => a.name === n)!.wireName);
          return `if (${wireNames.map((w) => `!params.has(${JSON.stringify(w)})`).join(" && ")}) ctx.missing.push(${JSON.stringify(group.join(" or "))});`;
        }),
        `return a as unknown as t.${names.argsType(m)};`,
      ];
      file.addFunction({
        isExported: true,
        name: names.wireArgsReader(m),
        ...docs(`Reads the form parameters of a ${m.id} request into typed arguments.`),
        // A method without arguments reads nothing; the underscores say so to the unused-parameter check.
        parameters: [
          { name: m.args.length > 0 ? "params" : "_params", type: "URLSearchParams" },
          { name: m.args.length > 0 ? "ctx" : "_ctx", type: "WireContext" },
        ],
        returnType: `t.${names.argsType(m)}`,
        statements,
      });
    }
  },
};
