/**
 * The spec resolved into what emitters need: type references resolved, inline bodies turned into named
 * models, names for every generated symbol decided once here so that emitters agree on them.
 */
import type { ApiFile, ArgumentSpec, ExampleSpec, FieldSpec, MethodSpec, ScalarType } from "./spec/schema.js";
import { SCALAR_TYPES } from "./spec/schema.js";
import { parseTypeExpression } from "./spec/references.js";
import type { Spec } from "./spec/load.js";

export type TypeRef =
  | { kind: "scalar"; name: ScalarType; list: boolean }
  | { kind: "model"; name: string; list: boolean }
  | { kind: "enum"; name: string; list: boolean; valueType: "integer" | "string" };

export interface Field extends Omit<FieldSpec, "type"> {
  name: string;
  type: TypeRef;
  /** XML element name of each list item. */
  xmlItem: string;
}

export interface Model {
  name: string;
  description?: string;
  xmlElement: string;
  fields: Field[];
}

export interface Argument extends Omit<ArgumentSpec, "type"> {
  name: string;
  wireName: string;
  type: TypeRef;
}

export interface Variant {
  root?: string;
  model: string;
  when?: string;
}

export interface Method extends Pick<MethodSpec, "id" | "summary" | "description" | "kind" | "http" | "errors" | "quirks" | "rules" | "invalidates" | "paging" | "incremental" | "requireOneOf" | "errorMessages" | "scopes" | "asyncJob" | "upload"> {
  group: string;
  key: string;
  /** Standalone function name, e.g. taskAdd. */
  functionName: string;
  /** Prefix of the method's named types, e.g. TaskAdd → TaskAddArgs, TaskAddResult. */
  typePrefix: string;
  args: Argument[];
  binary: boolean;
  variants: Variant[];
  /** REST (v4): the envelope's kind value and the type of each item of its data list. */
  envelope?: { kind: string; data: TypeRef };
  examples: Example[];
}

/** A reference example as printed, and with its recorded repairs applied (each replaces the first occurrence). */
export interface Example extends ExampleSpec {
  repaired: string;
}

export interface Group {
  name: string;
  description?: string;
  methods: Method[];
}

export interface Ir {
  api: ApiFile;
  enums: { name: string; description?: string; valueType: "integer" | "string"; values: [string, number | string][] }[];
  models: Model[];
  groups: Group[];
  methods: Method[];
}

export const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const scalarNames = new Set<string>(SCALAR_TYPES);

export function buildIr(spec: Spec): Ir {
  const { api } = spec;
  const enumTypes = new Map(Object.entries(api.enums).map(([name, e]) => [name, e.type]));
  const resolve = (expression: string): TypeRef => {
    const { name, list } = parseTypeExpression(expression);
    if (scalarNames.has(name)) return { kind: "scalar", name: name as ScalarType, list };
    const enumType = enumTypes.get(name);
    if (enumType) return { kind: "enum", name, list, valueType: enumType };
    return { kind: "model", name, list };
  };
  const modelSpecs = new Map<string, { description?: string; xmlElement?: string; fields: Record<string, FieldSpec> }>(Object.entries(api.models));
  for (const g of spec.groups)
    for (const m of Object.values(g.methods))
      if ("variants" in m.response)
        for (const v of m.response.variants) if (typeof v.body !== "string") modelSpecs.set(v.body.name, { description: v.body.description, fields: v.body.fields });

  const xmlElementOf = (name: string) => modelSpecs.get(name)?.xmlElement ?? name.charAt(0).toLowerCase() + name.slice(1);
  const models: Model[] = [...modelSpecs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, m]) => ({
      name,
      description: m.description,
      xmlElement: xmlElementOf(name),
      fields: Object.entries(m.fields).map(([fieldName, f]) => {
        const type = resolve(f.type);
        return { ...f, name: fieldName, type, xmlItem: f.xmlItem ?? (type.kind === "model" ? xmlElementOf(type.name) : "item") };
      }),
    }));

  const groups: Group[] = spec.groups.map((g) => ({
    name: g.group,
    description: g.description,
    methods: Object.entries(g.methods).map(([key, m]): Method => ({
      id: m.id,
      summary: m.summary,
      description: m.description,
      kind: m.kind,
      http: m.http,
      errors: m.errors,
      errorMessages: m.errorMessages,
      quirks: m.quirks,
      rules: m.rules,
      invalidates: m.invalidates,
      paging: m.paging,
      incremental: m.incremental,
      requireOneOf: m.requireOneOf,
      scopes: m.scopes,
      asyncJob: m.asyncJob,
      upload: m.upload,
      group: g.group,
      key,
      functionName: g.group + pascal(key),
      typePrefix: pascal(g.group) + pascal(key),
      args: Object.entries(m.args).map(([name, a]) => ({ ...a, name, wireName: a.wireName ?? name, type: resolve(a.type) })),
      binary: "binary" in m.response,
      envelope: "kind" in m.response ? { kind: m.response.kind, data: resolve(m.response.data) } : undefined,
      variants: "variants" in m.response ? m.response.variants.map((v) => ({ root: v.root, model: typeof v.body === "string" ? v.body : v.body.name, when: v.when })) : [],
      examples: m.examples.map((ex) => ({ ...ex, repaired: ex.repairs.reduce((text, r) => text.replace(r.find, () => r.replace), ex.text) })),
    })),
  }));
  return {
    api,
    enums: Object.entries(api.enums).map(([name, e]) => ({ name, description: e.description, valueType: e.type, values: Object.entries(e.values) })),
    models,
    groups,
    methods: groups.flatMap((g) => g.methods),
  };
}
