/**
 * Emits the tables a server of a REST API (style: rest, v4) works from: every operation with its verb,
 * path, scopes, answer and arguments (where each travels and how it is encoded), every model's fields
 * and every enum's values. @wrikekit/core/server reads requests and matches routes from them; the
 * emulator answers with them. The table shapes are core's RestOperation, RestModels, RestEnums, RestApi;
 * the rows and their layout are shared/rest-table.ts's (the MSW handlers carry the same rows).
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { restApiRow, restEnumsText, restModelsText, restOperationText, rows } from "./shared/rest-table.js";

export const restServerEmitter: Emitter = {
  name: "rest-server",
  output: "packages/emulator/src/{api}/generated/operations.ts",
  emit(ir: Ir, file) {
    const { api } = ir;
    const restApi = restApiRow(ir);
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core/server", isTypeOnly: true, namedImports: ["RestApi", "RestEnums", "RestModels", "RestOperation"] });
    const constant = (name: string, type: string, initializer: string, doc: string) =>
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name, type, initializer }],
        ...docs(doc),
      });
    constant(`${api.name}RestApi`, "RestApi", JSON.stringify(restApi, null, 2), `${api.title}: path template, envelope and error statuses.`);
    // One operation per block: its own members on one line, then one line per argument.
    const operations = rows(ir.methods.map((m) => [m.id, restOperationText(m)]));
    constant(`${api.name}Operations`, "Readonly<Record<string, RestOperation>>", operations, "Every operation by its id (`GET /tasks`).");
    constant(`${api.name}Models`, "RestModels", restModelsText(ir.models), "Every model's fields: type, required, nullable, selectable (sent only when a fields argument asks).");
    constant(`${api.name}Enums`, "RestEnums", restEnumsText(ir.enums), "Every enum's values.");
  },
};
