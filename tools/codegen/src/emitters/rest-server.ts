/**
 * Emits the tables a server of a REST API (style: rest, v4) works from: every operation with its verb,
 * path, scopes, answer and arguments (where each travels and how it is encoded), every model's fields
 * and every enum's values. @wrikekit/core/server reads requests and matches routes from them; the
 * emulator answers with them. The table shapes are core's RestOperation, RestModels, RestEnums, RestApi.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { restApiRow, restEnumRows, restModelRows, restOperationRow } from "./shared/rest-table.js";

export const restServerEmitter: Emitter = {
  name: "rest-server",
  output: "packages/emulator/src/{api}/generated/operations.ts",
  emit(ir: Ir, file) {
    const { api } = ir;
    const restApi = restApiRow(ir);
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core/server", isTypeOnly: true, namedImports: ["RestApi", "RestEnums", "RestModels", "RestOperation"] });
    const constant = (name: string, type: string, value: unknown, doc: string) =>
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name, type, initializer: JSON.stringify(value, null, 2) }],
        ...docs(doc),
      });
    constant(`${api.name}RestApi`, "RestApi", restApi, `${api.title}: path template, envelope and error statuses.`);
    const operations = Object.fromEntries(ir.methods.map((m) => [m.id, restOperationRow(m)]));
    constant(`${api.name}Operations`, "Readonly<Record<string, RestOperation>>", operations, "Every operation by its id (`GET /tasks`).");
    constant(`${api.name}Models`, "RestModels", restModelRows(ir.models), "Every model's fields: type, required, nullable, selectable (sent only when a fields argument asks).");
    constant(`${api.name}Enums`, "RestEnums", restEnumRows(ir.enums), "Every enum's values.");
  },
};
