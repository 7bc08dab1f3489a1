/**
 * The document a mock answers a REST (v4) method with by default: the method's authored example; else
 * an authored example item of the same model from another method (a task is a task wherever it comes
 * from); else one item generated from the model, deterministic, with every required field and the
 * optional ones near the top, each value realistic for its type and name (opaque ids, UTC timestamps,
 * dates, an enum's first value). Generated at build time, so the same spec always gives the same data.
 */
import type { EnvelopeAnswer, Example, Ir, Method, Model, TypeRef } from "../../model.js";

/** The account prefix of every generated id, as Wrike's ids start with the account's. */
const ACCOUNT = "IEAGKVLF";
const TIMESTAMP = "2026-11-02T09:15:00Z";
const LOCAL_DATE_TIME = "2026-12-01T09:00:00";
const DATE = "2026-12-01";
/** Optional fields are filled to this depth; below it only required ones, so nested models stay small. */
const OPTIONAL_DEPTH = 2;
const MAX_DEPTH = 6;

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** An opaque id for a name, the same name always giving the same id (FNV-1a, spelt in base 32). */
export function sampleId(name: string): string {
  let hash = 0x811c9dc5;
  for (const c of name) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
  let id = "";
  for (let i = 0; i < 8; i++, hash >>>= 4) id += ID_ALPHABET[(hash & 0xf) + (i % 2) * 16];
  return ACCOUNT + id;
}

/** "FolderBlueprint" → "folder blueprint". */
const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/** What an id field refers to: `taskId`/`taskIds` → task, `id` → the model itself. */
const referent = (model: string, field: string) => (field === "id" ? words(model) : words(field.replace(/Ids?$/, "")));

/** Text for a string field, by what its name says it holds. */
function sampleText(model: string, field: string): string {
  const thing = words(model);
  if (/^(id|.*Ids?)$/.test(field)) return sampleId(referent(model, field));
  if (/(Date|On|At)$/.test(field)) return TIMESTAMP;
  if (field === "hookUrl") return "https://hooks.example.com/wrike";
  if (/url$/i.test(field) || field === "permalink") return `https://www.wrike.com/open.htm?id=${sampleId(thing).slice(ACCOUNT.length)}`;
  if (/email$/i.test(field)) return "ada.lovelace@example.com";
  const known: Readonly<Record<string, string>> = {
    title: `Sample ${thing}`,
    name: `Sample ${thing}`,
    shortTitle: `Sample ${thing}`,
    description: `Description of the sample ${thing}.`,
    briefDescription: `Description of the sample ${thing}.`,
    text: `Text of the sample ${thing}.`,
    comment: `A comment on the sample ${thing}.`,
    firstName: "Ada",
    lastName: "Lovelace",
    companyName: "Example Ltd",
    phone: "+44 20 7946 0000",
    location: "London",
    timezone: "Europe/London",
    locale: "en",
    currency: "USD",
    ipAddress: "203.0.113.7",
    contentType: "application/pdf",
    color: "#1E88E5",
    hex: "1E88E5",
    kind: words(model).replace(/ /g, ""),
  };
  return known[field] ?? `sample ${words(field)}`;
}

function scalarValue(t: TypeRef & { kind: "scalar" }, model: string, field: string): unknown {
  switch (t.name) {
    case "opaqueId":
    case "id":
    case "uid":
      return sampleId(referent(model, field));
    case "integer":
    case "long":
      return /count|size|total/i.test(field) ? 3 : 1;
    case "double":
      return 1.5;
    case "boolean":
      return false;
    case "utcTimestamp":
    case "timestamp":
      return TIMESTAMP;
    case "localDateTime":
      return LOCAL_DATE_TIME;
    case "date":
      return DATE;
    case "json":
      return { sample: true };
    default:
      return sampleText(model, field);
  }
}

export class SampleGenerator {
  private readonly models: ReadonlyMap<string, Model>;
  private readonly enums: ReadonlyMap<string, readonly (string | number)[]>;
  constructor(ir: Ir) {
    this.models = new Map(ir.models.map((m) => [m.name, m]));
    this.enums = new Map(ir.enums.map((e) => [e.name, e.values.map(([, v]) => v)]));
  }

  isSelectable(modelName: string, field: string): boolean {
    return this.models.get(modelName)?.fields.find((f) => f.name === field)?.selectable === true;
  }

  /** One item of a model: selectable fields too when `withSelectable` (the top item of an answer). */
  item(modelName: string, depth = 0, withSelectable = false): Record<string, unknown> {
    const model = this.models.get(modelName);
    if (model === undefined) throw new Error(`sample documents: no model ${modelName}`);
    const item: Record<string, unknown> = {};
    for (const f of model.fields) {
      const wanted = f.required || (depth < OPTIONAL_DEPTH && (withSelectable || f.selectable !== true));
      if (!wanted || (!f.required && f.type.kind === "model" && depth + 1 >= MAX_DEPTH)) continue;
      item[f.name] = this.value(f.type, model.name, f.name, depth);
    }
    return item;
  }

  value(t: TypeRef, model: string, field: string, depth: number): unknown {
    const one = (): unknown => {
      if (t.kind === "enum") return this.enums.get(t.name)![0];
      if (t.kind === "model") {
        if (depth + 1 >= MAX_DEPTH) throw new Error(`sample documents: ${model}.${field} nests required models deeper than ${MAX_DEPTH}`);
        return this.item(t.name, depth + 1);
      }
      return scalarValue(t, model, field);
    };
    return t.list ? [one()] : one();
  }
}

/** The data items of a JSON example in the envelope, or undefined when it has none. */
function exampleItems(ir: Ir, example: Example): unknown[] | undefined {
  if (example.format !== "json") return undefined;
  const data = (JSON.parse(example.repaired) as Record<string, unknown>)[ir.api.envelope!.dataField];
  return Array.isArray(data) && data.length > 0 ? data : undefined;
}

export type DocumentSource = "example" | "entity example" | "generated";

export interface SampleDocuments {
  /** The default document of every document method, by method id, and where it came from. */
  documents: Map<string, { document: Record<string, unknown>; source: DocumentSource }>;
  /** Methods with several answers: the document of each answer but the default, by method id, in spec order. */
  variantDocuments: Map<string, { kind: string; document: Record<string, unknown>; source: DocumentSource }[]>;
  /** The default item of each model: its first authored item anywhere, else one generated. */
  items: Map<string, { item: unknown; source: Exclude<DocumentSource, "example"> }>;
}

/** The default documents of every document method of a REST API. */
export function sampleDocuments(ir: Ir): SampleDocuments {
  const envelope = ir.api.envelope!;
  const generator = new SampleGenerator(ir);
  const answersOf = (m: Method): EnvelopeAnswer[] => m.envelopeVariants ?? (m.envelope ? [m.envelope] : []);
  const kindOf = (ex: Example) => (JSON.parse(ex.repaired) as Record<string, unknown>)[envelope.kindField];
  // The first authored item of each model, from whichever method's example has one (of the answer of its kind).
  const entityItems = new Map<string, unknown>();
  for (const m of ir.methods)
    for (const ex of m.examples) {
      const item = exampleItems(ir, ex)?.[0];
      const answer = answersOf(m).find((a) => a.kind === kindOf(ex)) ?? m.envelope;
      if (item !== undefined && answer !== undefined && !entityItems.has(answer.item.name)) entityItems.set(answer.item.name, item);
    }
  const items: SampleDocuments["items"] = new Map();
  const itemOf = (answer: EnvelopeAnswer) => {
    const type = answer.item;
    let found = items.get(type.name);
    if (found === undefined) {
      const entity = entityItems.get(type.name);
      const item = entity !== undefined ? structuredClone(entity) : type.kind === "model" ? generator.item(type.name, 0, true) : generator.value({ ...type, list: false }, "value", "value", 0);
      if (type.kind === "model") withSelectableFields(generator, type.name, [item as Record<string, unknown>]);
      found = { item, source: entity !== undefined ? "entity example" : "generated" };
      items.set(type.name, found);
    }
    return found;
  };

  const documentOf = (m: Method, answer: EnvelopeAnswer): { document: Record<string, unknown>; source: DocumentSource } => {
    const own = m.examples.find((ex) => exampleItems(ir, ex) !== undefined && (m.envelopeVariants === undefined || kindOf(ex) === answer.kind));
    if (own !== undefined) {
      const document = JSON.parse(own.repaired) as Record<string, unknown>;
      if (answer.item.kind === "model") withSelectableFields(generator, answer.item.name, document[envelope.dataField] as Record<string, unknown>[]);
      return { document: withNextPage(m, answer, document), source: "example" };
    }
    const { item, source } = itemOf(answer);
    const document: Record<string, unknown> = { [envelope.kindField]: answer.kind, [envelope.dataField]: [structuredClone(item)] };
    if (isPaged(m, answer)) document[envelope.responseSizeField] = 1;
    return { document: withNextPage(m, answer, document), source };
  };
  const documents: SampleDocuments["documents"] = new Map();
  const variantDocuments: SampleDocuments["variantDocuments"] = new Map();
  for (const m of ir.methods) {
    if (m.envelope === undefined) continue;
    documents.set(m.id, documentOf(m, m.envelope));
    if (m.envelopeVariants) variantDocuments.set(m.id, m.envelopeVariants.slice(1).map((v) => ({ kind: v.kind, ...documentOf(m, v) })));
  }
  // An authored example's item may be its model's default item too (the first authored one): said once.
  for (const m of ir.methods) for (const answer of answersOf(m)) if (entityItems.has(answer.item.name)) itemOf(answer);
  return { documents, variantDocuments, items };
}

/** Whether an answer comes in pages: a token-paged read's, unless its page token selects another of its answers (the folder tree is never paged). */
function isPaged(m: Method, answer: EnvelopeAnswer): boolean {
  if (m.paging?.kind !== "pageToken") return false;
  const { tokenArg } = m.paging;
  const paged = m.envelopeVariants?.find((v) => v.whenAnyArgument?.includes(tokenArg)) ?? m.envelopeVariants?.[0];
  return paged === undefined || paged.kind === answer.kind;
}

/**
 * A token-paged read's default is a first page, with a next-page token: a mock answers its last page (the
 * token removed) to a request carrying one, so a default list pages as Wrike's do, however it was authored.
 */
function withNextPage(m: Method, answer: EnvelopeAnswer, document: Record<string, unknown>): Record<string, unknown> {
  if (m.paging?.kind !== "pageToken" || !isPaged(m, answer) || m.paging.nextTokenField in document) return document;
  return { ...document, [m.paging.nextTokenField]: sampleId(`${m.id} next page`) };
}

/** Authored items lack the optional fields their request did not ask for: fill them in, so a `fields` request gets them. */
function withSelectableFields(generator: SampleGenerator, model: string, items: Record<string, unknown>[]): void {
  const full = generator.item(model, 0, true);
  for (const item of items)
    for (const [name, value] of Object.entries(full))
      if (!(name in item) && generator.isSelectable(model, name)) item[name] = value;
}

/**
 * The optional fields a method's `fields` argument may ask for (its `values`, else every value of its
 * enum), which an answer carries only when asked; undefined for a method without one.
 */
export function selection(ir: Ir, m: Method): { arg: string; fields: string[] } | undefined {
  if (m.selects === undefined) return undefined;
  const arg = m.args.find((a) => a.name === m.selects!.arg)!;
  const values = arg.values ?? ir.enums.find((e) => e.name === arg.type.name)?.values.map(([, v]) => v) ?? [];
  return { arg: arg.name, fields: values.map(String) };
}
