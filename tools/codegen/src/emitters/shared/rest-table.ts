/**
 * The rows of the tables a server or a mock of a REST API (v4) works from, in the shapes of
 * @wrikekit/core/server (RestApi, RestOperation, RestModels, RestEnums): said once here for the
 * emulator's tables (rest-server) and the MSW handlers (msw-rest-handlers).
 */
import type { Ir, Method, Model, TypeRef } from "../../model.js";

export const restType = (t: TypeRef) => ({ name: t.name, kind: t.kind, list: t.list });

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
    response: m.envelope === undefined ? undefined : { kind: m.envelope.kind, data: { ...restType(m.envelope.item), list: false } },
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
          values: a.values?.map(String),
          selects: a.selects,
        }),
      ]),
    ),
  });
}

/** The RestModels rows of some models: each field's type, required, nullable, selectable. */
export function restModelRows(models: readonly Model[]) {
  return Object.fromEntries(
    models.map((model) => [
      model.name,
      Object.fromEntries(model.fields.map((f) => [f.name, compact({ type: restType(f.type), required: f.required, nullable: f.nullable, selectable: f.selectable })])),
    ]),
  );
}

/** The RestEnums rows of some enums: their values as text. */
export function restEnumRows(enums: Ir["enums"]) {
  return Object.fromEntries(enums.map((e) => [e.name, e.values.map(([, v]) => String(v))]));
}
