/**
 * The rows of the tables a server or a mock of a REST API (v4) works from, in the shapes of
 * @wrikekit/core/server (RestApi, RestOperation, RestModels, RestEnums), and their layout as source text
 * (one line per argument and field). rest-server writes them once, into the client's server table
 * (`@wrikekit/client/server/v4`), which the emulator and the MSW handlers both import.
 */
import type { EnvelopeAnswer, Ir, Method, Model, TypeRef } from "../../model.js";

export const restType = (t: TypeRef) => ({ name: t.name, kind: t.kind, list: t.list });

/** One answer's row: the envelope's kind and its item type. */
const restAnswer = (a: EnvelopeAnswer) => ({ kind: a.kind, data: { ...restType(a.item), list: false } });

/** Drops undefined and false members, so each table row says only what is true of it. */
export function compact<T extends Record<string, unknown>>(row: T): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== false)) as Partial<T>;
}

/** The API's RestApi row: path template, envelope, error statuses and their names, scopes. */
export function restApiRow(ir: Ir) {
  const { api } = ir;
  if (api.style !== "rest" || api.envelope === undefined || api.errors.statuses === undefined) throw new Error(`${api.name}: a REST table needs a REST API with an envelope and error statuses`);
  const { envelope } = api;
  return {
    name: api.name,
    baseUrl: api.baseUrl,
    pathTemplate: api.formats.json!.path,
    envelope: { kindField: envelope.kindField, dataField: envelope.dataField, nextPageTokenField: envelope.nextPageTokenField, responseSizeField: envelope.responseSizeField },
    errorEnvelope: { nameField: api.errors.envelope.nameField, messageField: api.errors.envelope.messageField },
    errorStatuses: Object.fromEntries(Object.entries(api.errors.statuses).map(([status, s]) => [status, Object.keys(s.names)])),
    scopes: Object.keys(api.auth.oauth2?.scopes ?? {}),
  };
}

/** One operation's RestOperation row: verb, path, scopes, answer and every argument's slot and encoding. */
export function restOperationRow(m: Method) {
  return compact({
    id: m.id,
    name: `${m.group}.${m.key}`,
    verb: m.http.method,
    path: m.http.path,
    kind: m.kind,
    scopes: m.scopes ?? [],
    response: m.envelope === undefined ? undefined : { ...restAnswer(m.envelope), ...(m.envelopeVariants ? { variants: m.envelopeVariants.slice(1).map((v) => ({ ...restAnswer(v), whenAnyArgument: v.whenAnyArgument! })) } : {}) },
    paging: m.paging?.kind === "pageToken" ? { pageSizeArg: m.paging.pageSizeArg, tokenArg: m.paging.tokenArg } : undefined,
    asyncJob: m.asyncJob === true,
    upload: m.upload === true,
    args: Object.fromEntries(
      m.args.map((a) => [
        a.name,
        compact({
          wireName: a.wireName,
          in: a.in,
          type: restType(a.type),
          required: a.required,
          encoding: a.encoding,
          nullable: a.nullable,
          maxItems: a.maxItems,
          minimum: a.minimum,
          maximum: a.maximum,
          values: a.values?.map(String),
          selects: a.selects,
        }),
      ]),
    ),
  });
}

/** An object literal with one entry per line, each entry's value on that line: a table a reader scans row by row. */
export function rows(entries: Array<[string, string]>): string {
  return entries.length === 0 ? "{}" : `{\n${entries.map(([key, value]) => `${JSON.stringify(key)}: ${value}`).join(",\n")}\n}`;
}

const oneLine = (value: unknown) => JSON.stringify(value);

/** An operation's row as source: its own members on one line, then one line per argument. */
export function restOperationText(m: Method): string {
  const { args, ...own } = restOperationRow(m);
  return `${oneLine(own).slice(0, -1)}, "args": ${rows(Object.entries(args ?? {}).map(([name, arg]) => [name, oneLine(arg)]))}}`;
}

/** The RestModels table of some models as source, one line per field: type, required, nullable, selectable. */
export function restModelsText(models: readonly Model[]): string {
  return rows(
    models.map((model) => [
      model.name,
      rows(model.fields.map((f) => [f.name, oneLine(compact({ type: restType(f.type), required: f.required, nullable: f.nullable, selectable: f.selectable }))])),
    ]),
  );
}

/** The RestEnums table of some enums as source, one line per enum: its values as text. */
export function restEnumsText(enums: Ir["enums"]): string {
  return rows(enums.map((e) => [e.name, oneLine(e.values.map(([, v]) => String(v)))]));
}
