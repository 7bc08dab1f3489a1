/**
 * Emits the one table a server or a mock of a REST API (style: rest, v4) works from, owned by the client
 * and published as its server entry (`@wrikekit/client/server/v4`, kept out of the client's own bundles):
 * the API's facts (path template, envelope, error statuses, scopes), every operation with its verb, path,
 * scopes, answer and arguments (where each travels and how it is encoded), every model's fields and every
 * enum's values. @wrikekit/core/server reads requests and matches routes from it; the emulator and the MSW
 * handlers both import it. The table shapes are core's RestOperation, RestModels, RestEnums, RestApi; the
 * rows and their layout are shared/rest-table.ts's.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { restApiRow, restEnumsText, restModelsText, restOperationText, rows } from "./shared/rest-table.js";

export const restServerEmitter: Emitter = {
  name: "rest-server",
  output: "packages/client/src/{api}/generated/server.ts",
  emit(ir: Ir, file) {
    const { api } = ir;
    const restApi = restApiRow(ir);
    const operationId = names.restOperationId(ir);
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core/server", isTypeOnly: true, namedImports: ["RestApi", "RestEnums", "RestModels", "RestOperation"] });
    file.addTypeAlias({
      name: operationId,
      isExported: true,
      type: ir.methods.map((m) => JSON.stringify(m.id)).join(" | "),
      ...docs(`Every operation id of the ${api.title} (\`GET /tasks\`): the keys of \`${names.restOperations(ir)}\`.`),
    });
    const constant = (name: string, type: string, initializer: string, doc: string) =>
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name, type, initializer }],
        ...docs(doc),
      });
    constant(names.restApi(ir), "RestApi", JSON.stringify(restApi, null, 2), `${api.title}: path template, envelope and error statuses.`);
    // One operation per block: its own members on one line, then one line per argument.
    const operations = rows(ir.methods.map((m) => [m.id, restOperationText(m)]));
    constant(names.restOperations(ir), `{ readonly [id in ${operationId}]: RestOperation }`, operations, "Every operation by its id (`GET /tasks`).");
    constant(names.restModels(ir), "RestModels", restModelsText(ir.models), "Every model's fields: type, required, nullable, selectable (sent only when a fields argument asks).");
    constant(names.restEnums(ir), "RestEnums", restEnumsText(ir.enums), "Every enum's values.");
  },
};
