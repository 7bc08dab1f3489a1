/**
 * Emits the TypeScript types: open enums, one interface per model (v4 envelopes generic over their item),
 * and named Args/Result types per method (v4 results generic over the fields a `fields` argument selects).
 */
import { VariableDeclarationKind } from "ts-morph";
import { docs, type DeclarationSink, type Emitter } from "../emit.js";
import type { Field, Ir, Method } from "../model.js";
import { names, argumentType, coreTypeTracker, responseType } from "../naming.js";
import { selectsFrom, variantResultType, variantTypeName, ARGS_PARAMETER, VARIANT_HELPER_TYPES } from "./shared/envelope-variants.js";

const nullable = (type: string, isNullable: boolean | undefined) => (isNullable ? `${type} | null` : type);

/** The TypeScript type of a response field (null included when the server may send it). */
export const fieldType = (f: Field) => nullable(responseType(f.type), f.nullable);

/** An interface property for a response field, of type `type`. Shared with the webhook-events emitter. */
export const fieldProperty = (f: Field, type: string) => ({ name: f.name, type, hasQuestionToken: !f.required, ...docs(f.description) });

/** The result type of a method: its variants, or (v4) its envelope, narrowed by the selected fields. */
function resultType(m: Method): { typeParameters: { name: string; constraint?: string; default: string }[]; type: string } {
  if (m.envelopeVariants) return { typeParameters: [{ name: ARGS_PARAMETER, default: names.argsType(m) }], type: variantResultType(m) };
  if (!m.envelope) return { typeParameters: [], type: m.variants.map((v) => v.model).join(" | ") };
  if (!m.selects) return { typeParameters: [], type: m.envelope.model };
  return {
    typeParameters: [{ name: "F", constraint: "readonly string[]", default: "[]" }],
    type: `${m.envelope.model}<Selected<${m.selects.model}, F>>`,
  };
}

/** An open enum: its known values as a constant, and a type that also admits values Wrike adds later. */
export function addEnum(file: DeclarationSink, e: Ir["enums"][number]): void {
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    declarations: [{ name: e.name, initializer: `{ ${e.values.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")} } as const` }],
    ...docs(e.description, `Known values. The enum is open: values Wrike adds later still decode.`),
  });
  const open = e.valueType === "integer" ? "(number & {})" : "(string & {})";
  file.addTypeAlias({ isExported: true, name: e.name, type: `(typeof ${e.name})[keyof typeof ${e.name}] | ${open}` });
}

export const typesEmitter: Emitter = {
  name: "types",
  output: "packages/client/src/{api}/generated/types.ts",
  emit(ir: Ir, file) {
    const { used, track } = coreTypeTracker();
    for (const e of ir.enums) addEnum(file, e);
    for (const model of ir.models) {
      const item = model.envelopeOf && responseType(model.envelopeOf);
      file.addInterface({
        isExported: true,
        name: model.name,
        ...(item ? { typeParameters: [{ name: "T", default: item }] } : {}),
        ...docs(model.description),
        properties: model.fields.map((f) => fieldProperty(f, item && f.name === ir.api.envelope?.dataField ? "T[]" : track(fieldType(f)))),
      });
    }
    if (ir.methods.some((m) => m.selects))
      file.addTypeAlias({
        isExported: true,
        name: "Selected",
        typeParameters: [{ name: "T" }, { name: "F", constraint: "readonly string[]" }],
        type: "[F[number]] extends [never] ? T : T & { [K in F[number] & keyof T]-?: Exclude<T[K], undefined> }",
        ...docs("A model with the optional fields a `fields` argument asked for made present: `Selected<Task, [\"description\"]>` has `description: string`."),
      });
    if (ir.methods.some((m) => m.envelopeVariants))
      for (const helper of VARIANT_HELPER_TYPES) file.addTypeAlias({ isExported: true, name: helper.name, typeParameters: [...helper.typeParameters], type: helper.type, ...docs(helper.docs) });
    // A task date (LocalDateTime) inside a model argument also takes a day, as Wrike does: `dates: { due: "2026-12-24" }`.
    const takesADay = new Set(ir.models.filter((model) => model.fields.some((f) => f.type.kind === "scalar" && f.type.name === "localDateTime")).map((model) => model.name));
    const modelArgumentType = (t: Method["args"][number]["type"]) => {
      const type = argumentType(t, ir.api.style);
      return t.kind === "model" && takesADay.has(t.name) ? type.replace(t.name, `ArgumentOf<${t.name}>`) : type;
    };
    if (ir.methods.some((m) => m.args.some((a) => a.type.kind === "model" && takesADay.has(a.type.name))))
      file.addTypeAlias({
        isExported: true,
        name: "ArgumentOf",
        typeParameters: [{ name: "T" }],
        type: track("{ [K in keyof T]: NonNullable<T[K]> extends LocalDateTime ? T[K] | DateOnly : T[K] }"),
        ...docs("A model given as an argument: its date-and-time fields (LocalDateTime, what Wrike answers) also take a day (DateOnly), which Wrike reads as that day."),
      });
    for (const m of ir.methods) {
      const properties = m.args.map((a) => ({
        name: a.name,
        type: track(nullable(modelArgumentType(a.type), a.nullable)),
        hasQuestionToken: !a.required,
        ...docs(a.description, a.default !== undefined && `Server default: ${String(a.default)}.`),
      }));
      const alternatives = m.requireOneOf.map((group) => `(${group.map((n) => `{ ${n}: ${argumentType(m.args.find((a) => a.name === n)!.type, ir.api.style)} }`).join(" | ")})`);
      const argsDoc = docs(`Arguments of ${m.id}.`);
      if (alternatives.length === 0) file.addInterface({ isExported: true, name: names.argsType(m), properties, ...argsDoc });
      else {
        file.addInterface({ isExported: true, name: `${names.argsType(m)}Fields`, properties, ...argsDoc });
        file.addTypeAlias({ isExported: true, name: names.argsType(m), type: [`${names.argsType(m)}Fields`, ...alternatives].join(" & "), ...argsDoc });
      }
      // Each answer of a method with several, with its literal kind: a result narrows on it.
      for (const v of m.envelopeVariants ?? []) {
        const selecting = selectsFrom(m, v);
        file.addTypeAlias({
          isExported: true,
          name: variantTypeName(m, v),
          typeParameters: selecting ? [{ name: "F", constraint: "readonly string[]", default: "[]" }] : [],
          type: `${v.model}${selecting ? `<Selected<${m.selects!.model}, F>>` : ""} & { ${ir.api.envelope!.kindField}: ${JSON.stringify(v.kind)} }`,
          ...docs(`${m.id} answers ${v.kind} (${v.item.name} items) when ${v.when}.`, v === m.envelopeVariants![0] && "The default: an answer of a kind no variant names decodes as this one."),
        });
      }
      if (!m.binary) {
        const result = resultType(m);
        file.addTypeAlias({
          isExported: true,
          name: names.resultType(m),
          typeParameters: result.typeParameters,
          type: result.type,
          ...docs(
            `Result of ${m.id}${m.variants.length > 1 ? `: ${m.variants.map((v) => `${v.model} when ${v.when ?? "the server chooses"}`).join("; ")}` : ""}.`,
            m.envelopeVariants && `Follows the arguments \`${ARGS_PARAMETER}\` where the rule says which answer they give, else any of them: narrow on \`${ir.api.envelope!.kindField}\`.`,
          ),
        });
      }
    }
    if (used.size > 0) file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core", isTypeOnly: true, namedImports: [...used].sort() });
  },
};
