/**
 * Emits the tables a server of a REST API (style: rest, v4) works from: every operation with its verb,
 * path, scopes, answer and arguments (where each travels and how it is encoded), every model's fields
 * and every enum's values. @wrikekit/core/server reads requests and matches routes from them; the
 * emulator answers with them. The table shapes are core's RestOperation, RestModels, RestEnums, RestApi.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir, TypeRef } from "../model.js";
import { docs, type Emitter } from "../emit.js";

const typeOf = (t: TypeRef) => ({ name: t.name, kind: t.kind, list: t.list });

/** An object literal with one entry per line, each entry's value on that line: a table a reader scans row by row. */
function rows(entries: Array<[string, string]>): string {
  return entries.length === 0 ? "{}" : `{\n${entries.map(([key, value]) => `${JSON.stringify(key)}: ${value}`).join(",\n")}\n}`;
}

const oneLine = (value: unknown) => JSON.stringify(value);

/** Drops undefined and false members, so each table row says only what is true of it. */
function compact<T extends Record<string, unknown>>(row: T): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== false)) as Partial<T>;
}

export const restServerEmitter: Emitter = {
  name: "rest-server",
  output: "packages/emulator/src/{api}/generated/operations.ts",
  emit(ir: Ir, file) {
    const { api } = ir;
    if (api.style !== "rest" || api.envelope === undefined || api.errors.statuses === undefined) throw new Error(`${api.name}: the rest-server emitter needs a REST API with an envelope and error statuses`);
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core/server", isTypeOnly: true, namedImports: ["RestApi", "RestEnums", "RestModels", "RestOperation"] });
    const { envelope } = api;
    const restApi = {
      name: api.name,
      baseUrl: api.baseUrl,
      pathTemplate: api.formats.json!.path,
      envelope: { kindField: envelope.kindField, dataField: envelope.dataField, nextPageTokenField: envelope.nextPageTokenField, responseSizeField: envelope.responseSizeField },
      errorEnvelope: { nameField: api.errors.envelope.nameField, messageField: api.errors.envelope.messageField },
      errorStatuses: Object.fromEntries(Object.entries(api.errors.statuses).map(([status, s]) => [status, Object.keys(s.names)])),
      scopes: Object.keys(api.auth.oauth2?.scopes ?? {}),
    };
    const constant = (name: string, type: string, initializer: string, doc: string) =>
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name, type, initializer }],
        ...docs(doc),
      });
    constant(`${api.name}RestApi`, "RestApi", JSON.stringify(restApi, null, 2), `${api.title}: path template, envelope and error statuses.`);
    // One operation per block: its own members on one line, then one line per argument.
    const operations = rows(
      ir.methods.map((m) => {
        const { args, ...own } = compact({
          id: m.id,
          name: `${m.group}.${m.key}`,
          verb: m.http.method,
          path: m.http.path,
          kind: m.kind,
          scopes: m.scopes ?? [],
          response: m.envelope === undefined ? undefined : { kind: m.envelope.kind, data: { ...typeOf(m.envelope.item), list: false } },
          paging: m.paging?.kind === "pageToken" ? { pageSizeArg: m.paging.pageSizeArg, tokenArg: m.paging.tokenArg } : undefined,
          asyncJob: m.asyncJob === true,
          upload: m.upload === true,
          args: m.args.map((a): [string, string] => [
            a.name,
            oneLine(
              compact({
                wireName: a.wireName,
                in: a.in,
                type: typeOf(a.type),
                required: a.required,
                encoding: a.encoding,
                nullable: a.nullable,
                maxItems: a.maxItems,
                values: a.values?.map(String),
                selects: a.selects,
              }),
            ),
          ]),
        });
        return [m.id, `${oneLine(own).slice(0, -1)}, "args": ${rows(args ?? [])}}`];
      }),
    );
    constant(`${api.name}Operations`, "Readonly<Record<string, RestOperation>>", operations, "Every operation by its id (`GET /tasks`).");
    const models = rows(
      ir.models.map((model) => [
        model.name,
        rows(model.fields.map((f) => [f.name, oneLine(compact({ type: typeOf(f.type), required: f.required, nullable: f.nullable, selectable: f.selectable }))])),
      ]),
    );
    constant(`${api.name}Models`, "RestModels", models, "Every model's fields: type, required, nullable, selectable (sent only when a fields argument asks).");
    constant(`${api.name}Enums`, "RestEnums", rows(ir.enums.map((e) => [e.name, oneLine(e.values.map(([, v]) => String(v)))])), "Every enum's values.");
  },
};
