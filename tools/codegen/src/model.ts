/**
 * The spec resolved into what emitters need: type references resolved, inline bodies turned into named
 * models, names for every generated symbol decided once here so that emitters agree on them.
 */
import type { ApiFile, ArgumentSpec, ExampleSpec, FieldSpec, GroupFile, MethodSpec, ScalarType } from "./spec/schema.js";
import { SCALAR_TYPES } from "./spec/schema.js";
import { applyRepairs, envelopeModelName, envelopeVariantsOf, eventTypeEnums, parseTypeExpression, rootVariantsOf } from "./spec/references.js";
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
  /** v4: this model is the API's `{kind, data}` envelope around a list of this item type (generic over it in TypeScript). */
  envelopeOf?: TypeRef;
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
  /** The boolean argument value that selects this variant (the result type follows it). */
  whenArgument?: { name: string; equals: boolean };
}

export interface Method extends Pick<MethodSpec, "id" | "summary" | "description" | "kind" | "http" | "errors" | "quirks" | "rules" | "invalidates" | "paging" | "incremental" | "requireOneOf" | "errorMessages" | "assistant"> {
  group: string;
  key: string;
  /** Standalone function name, e.g. taskAdd. */
  functionName: string;
  /** Prefix of the method's named types, e.g. TaskAdd → TaskAddArgs, TaskAddResult. */
  typePrefix: string;
  args: Argument[];
  binary: boolean;
  variants: Variant[];
  examples: Example[];
  /** v4: the envelope the answer comes in (`response: {kind, data}`; the default variant's when there are several), its model named in `variants`. */
  envelope?: EnvelopeAnswer;
  /** v4: a method with several answers told apart by their kind (the default first); absent for one answer. */
  envelopeVariants?: EnvelopeVariant[];
  /** v4: the `fields`-style argument and the model whose selectable fields it makes present. */
  selects?: { arg: string; model: string };
  /** v4: the list argument longer lists of which are split into several calls (`maxItems`), answers merged in order. */
  split?: { arg: string; maxItems: number };
  scopes?: string[];
  asyncJob?: boolean;
  upload?: boolean;
}

/** v4: one answer of a method: the envelope's kind, its item type and the envelope model generated for it. */
export interface EnvelopeAnswer {
  kind: string;
  item: TypeRef;
  model: string;
}

/** v4: one of several answers of a method, and when it is returned (spec `response.variants`). */
export interface EnvelopeVariant extends EnvelopeAnswer {
  when: string;
  /** Absent on the default: any of these arguments given selects this variant. */
  whenAnyArgument?: string[];
  /** The default only: arguments that do not change the answer. */
  neutralArguments?: string[];
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

/** One webhook event type (events.yaml): its fields beside the common ones. */
export interface WebhookEventType {
  name: string;
  description: string;
  /** The entity the event is about (task, folder, comment, ...). */
  subject: string;
  fields: Field[];
}

/** The webhook events of an API (events.yaml): the discriminating field, the fields every event carries, the types. */
export interface WebhookEvents {
  discriminator: string;
  bodyIsArray: boolean;
  common: Field[];
  types: WebhookEventType[];
}

export interface Ir {
  api: ApiFile;
  /** The API's style: rpc (v2: form POSTs by method name) or rest (v4: verbs, paths, slots, envelope). */
  style: ApiFile["style"];
  enums: { name: string; description?: string; valueType: "integer" | "string"; values: [string, number | string][] }[];
  models: Model[];
  groups: Group[];
  methods: Method[];
  /** Webhook events, for APIs whose spec has events.yaml. */
  webhookEvents?: WebhookEvents;
}

export const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const scalarNames = new Set<string>(SCALAR_TYPES);

export function buildIr(spec: Spec): Ir {
  const { api } = spec;
  // api.yaml's enums, and the one events.yaml `typeEnum` derives from the event types.
  const enumSpecs = { ...api.enums, ...eventTypeEnums(spec.events) };
  const enumTypes = new Map(Object.entries(enumSpecs).map(([name, e]) => [name, e.type]));
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
      for (const v of rootVariantsOf(m.response)) if (typeof v.body !== "string") modelSpecs.set(v.body.name, { description: v.body.description, fields: v.body.fields });

  // v4: one envelope model per item type (and a page model for paged methods), declared by api.yaml `envelope`.
  const envelopeModels = new Map<string, { item: TypeRef; paged: boolean }>();
  const envelopesOf = (m: MethodSpec): EnvelopeVariant[] | undefined =>
    envelopeVariantsOf(m.response)?.map((v) => {
      const item = { ...resolve(v.data), list: true } as TypeRef;
      const paged = m.paging?.kind === "pageToken";
      const model = envelopeModelName(v.data, paged);
      envelopeModels.set(model, { item, paged });
      return { kind: v.kind, item, model, when: v.when ?? "", ...(v.whenAnyArgument ? { whenAnyArgument: v.whenAnyArgument } : {}), ...(v.neutralArguments ? { neutralArguments: v.neutralArguments } : {}) };
    });
  const envelopes = new Map(spec.groups.flatMap((g) => Object.values(g.methods).map((m) => [m, envelopesOf(m)] as const)));
  if (envelopeModels.size > 0 && !api.envelope) throw new Error(`${api.name}: methods answer {kind, data} but api.yaml declares no envelope`);
  for (const [name, { item, paged }] of envelopeModels) {
    if (modelSpecs.has(name)) throw new Error(`${api.name}: the envelope model ${name} would replace a model of the same name`);
    const e = api.envelope!;
    modelSpecs.set(name, {
      description: `The ${api.title} envelope${paged ? " of one page" : ""}: ${e.description}`,
      fields: {
        [e.kindField]: { type: "string", required: true, description: "What the data is (any value passes: Wrike adds kinds)." },
        [e.dataField]: { type: `${item.name}[]`, required: true },
        ...(paged
          ? {
              [e.nextPageTokenField]: { type: "string", required: false, description: "The token of the next page; absent on the last page." },
              [e.responseSizeField]: { type: "integer", required: false, description: "How many items match in all." },
            }
          : {}),
      },
    });
  }
  const envelopeItems = new Map([...envelopeModels].map(([name, { item }]) => [name, { ...item, list: false } as TypeRef]));

  const xmlElementOf = (name: string) => modelSpecs.get(name)?.xmlElement ?? name.charAt(0).toLowerCase() + name.slice(1);
  const fieldsOf = (fields: Record<string, FieldSpec>): Field[] =>
    Object.entries(fields).map(([fieldName, f]) => {
      const type = resolve(f.type);
      return { ...f, name: fieldName, type, xmlItem: f.xmlItem ?? (type.kind === "model" ? xmlElementOf(type.name) : "item") };
    });
  const models: Model[] = [...modelSpecs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, m]) => ({
      name,
      description: m.description,
      xmlElement: xmlElementOf(name),
      fields: fieldsOf(m.fields),
      ...(envelopeItems.has(name) ? { envelopeOf: envelopeItems.get(name)! } : {}),
    }));
  const events = spec.events;
  const webhookEvents: WebhookEvents | undefined = events && {
    discriminator: events.discriminator,
    bodyIsArray: events.bodyIsArray,
    common: fieldsOf(events.commonFields),
    types: Object.entries(events.events).map(([name, e]) => ({ name, description: e.description, subject: e.subject, fields: fieldsOf(e.fields) })),
  };

  // A group's `writesInvalidate` adds the reads of the groups it names to each of its writes' `invalidates`.
  const readsOf = new Map(spec.groups.map((g) => [g.group, Object.values(g.methods).filter((m) => m.kind === "read").map((m) => m.id)]));
  const invalidatesOf = (g: GroupFile, m: MethodSpec) =>
    m.kind === "write" ? [...new Set([...m.invalidates, ...g.writesInvalidate.flatMap((name) => readsOf.get(name) ?? [])])] : m.invalidates;
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
      invalidates: invalidatesOf(g, m),
      paging: m.paging,
      incremental: m.incremental,
      requireOneOf: m.requireOneOf,
      group: g.group,
      key,
      functionName: g.group + pascal(key),
      typePrefix: pascal(g.group) + pascal(key),
      args: Object.entries(m.args).map(([name, a]) => ({ ...a, name, wireName: a.wireName ?? name, type: resolve(a.type) })),
      binary: "binary" in m.response,
      variants: envelopes.has(m) && envelopes.get(m)
        ? envelopes.get(m)!.map((v) => ({ model: v.model, ...(v.when ? { when: v.when } : {}) }))
        : rootVariantsOf(m.response).map((v) => ({ root: v.root, model: typeof v.body === "string" ? v.body : v.body.name, when: v.when, whenArgument: v.whenArgument })),
      ...restFeatures(m, envelopes.get(m)),
      ...(m.assistant ? { assistant: m.assistant } : {}),
      examples: m.examples.map((ex) => ({ ...ex, repaired: applyRepairs(ex) })),
    })),
  }));
  return {
    api,
    style: api.style,
    enums: Object.entries(enumSpecs).map(([name, e]) => ({ name, description: e.description, valueType: e.type, values: Object.entries(e.values) })),
    models,
    groups,
    methods: groups.flatMap((g) => g.methods),
    ...(webhookEvents ? { webhookEvents } : {}),
  };
}

/** What a v4 method adds to the IR: its envelope (or envelopes), selecting argument, split argument, scopes, async job, upload. */
function restFeatures(m: MethodSpec, envelopes: EnvelopeVariant[] | undefined): Partial<Method> {
  const envelope: EnvelopeAnswer | undefined = envelopes?.[0] && { kind: envelopes[0].kind, item: envelopes[0].item, model: envelopes[0].model };
  const args = Object.entries(m.args);
  const selecting = args.find(([, a]) => a.selects !== undefined);
  const splitting = args.find(([, a]) => a.maxItems !== undefined);
  return {
    ...(envelope ? { envelope } : {}),
    ...(envelopes && envelopes.length > 1 ? { envelopeVariants: envelopes } : {}),
    ...(selecting ? { selects: { arg: selecting[0], model: selecting[1].selects! } } : {}),
    ...(splitting ? { split: { arg: splitting[0], maxItems: splitting[1].maxItems! } } : {}),
    ...(m.scopes ? { scopes: m.scopes } : {}),
    ...(m.asyncJob ? { asyncJob: true } : {}),
    ...(m.upload ? { upload: true } : {}),
  };
}
