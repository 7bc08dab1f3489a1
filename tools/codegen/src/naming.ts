/** Names of generated symbols, decided in one place so that emitters agree on them. */
import type { Method, Model, TypeRef } from "./model.js";
import { coreTypeNames } from "./spec/schema.js";
import type { ScalarType } from "./spec/schema.js";

export const names = {
  /** The API's generated ApiDescriptor, e.g. wrikeV2Api (named after the spec's `name`). */
  apiDescriptor: (ir: { api: { name: string } }) => `${ir.api.name}Api`,
  /** What servers and mocks of the API read, e.g. wrikeV2ServerApi. */
  serverApi: (ir: { api: { name: string } }) => `${ir.api.name}ServerApi`,
  /** A REST API's server table (rest-server), e.g. wrikeV4RestApi, wrikeV4Operations, wrikeV4Models, wrikeV4Enums. */
  restApi: (ir: { api: { name: string } }) => `${ir.api.name}RestApi`,
  restOperations: (ir: { api: { name: string } }) => `${ir.api.name}Operations`,
  restOperationId: (ir: { api: { name: string } }) => `${ir.api.name.charAt(0).toUpperCase()}${ir.api.name.slice(1)}OperationId`,
  restModels: (ir: { api: { name: string } }) => `${ir.api.name}Models`,
  restEnums: (ir: { api: { name: string } }) => `${ir.api.name}Enums`,
  argsType: (m: Method) => `${m.typePrefix}Args`,
  resultType: (m: Method) => `${m.typePrefix}Result`,
  argsEncoder: (m: Method) => `encode${m.typePrefix}Args`,
  resultDecoder: (m: Method) => `decode${m.typePrefix}Result`,
  descriptor: (m: Method) => `${m.functionName}Method`,
  xmlRenderer: (m: Method) => `render${m.typePrefix}Xml`,
  wireArgsReader: (m: Method) => `read${m.typePrefix}WireArgs`,
  pages: (m: Method) => `${m.functionName}Pages`,
  sync: (m: Method) => `${m.functionName}Sync`,
  mswHandler: (m: Method) => `${m.functionName}Handler`,
  modelDecoder: (model: Pick<Model, "name"> | string) => `decode${typeof model === "string" ? model : model.name}`,
  /** A check-only model's canonical check (decoders.ts), e.g. isCanonicalTask. */
  canonicalCheck: (model: Pick<Model, "name"> | string) => `isCanonical${typeof model === "string" ? model : model.name}`,
  modelWriter: (model: Pick<Model, "name"> | string) => `write${typeof model === "string" ? model : model.name}Xml`,
  /** React: the query-key factories of a group's reads, e.g. taskKeys. */
  queryKeys: (group: string) => `${group}Keys`,
  /** React: a read's TanStack Query options factory, e.g. taskFilterQueryOptions. */
  queryOptions: (m: Method) => `${m.functionName}QueryOptions`,
  /** React: a read's query hook or a write's mutation hook, e.g. useTaskFilter, useTaskAdd. */
  hook: (m: Method) => `use${m.typePrefix}`,
  /** React: a token-paged read's infinite query options factory and hook, e.g. tasksListInfiniteQueryOptions, useTasksListInfinite. */
  infiniteQueryOptions: (m: Method) => `${m.functionName}InfiniteQueryOptions`,
  infiniteHook: (m: Method) => `use${m.typePrefix}Infinite`,
  /** React: what a write invalidates, e.g. invalidateAfterTaskAdd. */
  invalidator: (m: Method) => `invalidateAfter${m.typePrefix}`,
};

/** TypeScript type of a response field. */
export function responseType(t: TypeRef): string {
  const item = t.kind === "scalar" ? scalarResponseType(t.name) : t.name;
  return t.list ? `${item}[]` : item;
}

function scalarResponseType(name: string): string {
  switch (name) {
    case "integer":
    case "long":
    case "double":
    case "id":
      return "number";
    case "boolean":
      return "boolean";
    case "binary":
      return "Uint8Array";
    case "utcTimestamp":
      return "UtcTimestamp";
    case "localDateTime":
      return "LocalDateTime";
    case "date":
      return "DateOnly";
    case "timestamp":
      // v2 sends "" for a task date it does not have.
      return 'V2Timestamp | ""';
    case "json":
      return "unknown";
    default:
      return "string";
  }
}

/**
 * TypeScript type of an argument: lists are read-only, dates may be given as Date (and, in v2, as the
 * V2Timestamp v2 answers with), uploads as any byte source.
 */
export function argumentType(t: TypeRef, style: "rpc" | "rest"): string {
  const item = t.kind !== "scalar" ? t.name : scalarArgumentType(t.name, style);
  if (!t.list) return item;
  return item.includes("|") ? `ReadonlyArray<${item}>` : `readonly ${item}[]`;
}

function scalarArgumentType(name: ScalarType, style: "rpc" | "rest"): string {
  const v2Timestamp = style === "rpc" ? " | V2Timestamp" : "";
  switch (name) {
    // A date argument takes its own form, a Date, and what the API returned (v2's timestamps among it).
    case "date":
      return `DateOnly${v2Timestamp} | Date`;
    case "localDateTime":
      return `LocalDateTime${v2Timestamp} | Date`;
    case "utcTimestamp":
      return "UtcTimestamp | Date";
    case "binary":
      return "UploadBody";
    default:
      return scalarResponseType(name);
  }
}

export { coreTypeNames } from "./spec/schema.js";

/** Notes which core types the types an emitter writes name (`track` passes each type through), to import them. */
export function coreTypeTracker(): { used: Set<string>; track: (type: string) => string } {
  const used = new Set<string>();
  const track = (type: string) => {
    for (const n of coreTypeNames) if (new RegExp(`\\b${n}\\b`).test(type)) used.add(n);
    return type;
  };
  return { used, track };
}

/**
 * The scalar type a value travels as: an enum as its value type. The runtime modules (decode, encode,
 * wire) export one function per scalar type, named after it, so `${module}.${wireScalar(t)}` is its codec.
 */
export function wireScalar(t: TypeRef): ScalarType {
  if (t.kind === "enum") return t.valueType;
  if (t.kind === "scalar") return t.name;
  throw new Error(`model type ${t.name} has no scalar codec`);
}
