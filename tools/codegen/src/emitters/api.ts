/** Emits what the transport and the OAuth helpers need to know of the whole API, as constants. */
import { VariableDeclarationKind, Writers } from "ts-morph";
import type { Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";

export const apiEmitter: Emitter = {
  name: "api",
  output: "packages/client/src/{api}/generated/api.ts",
  emit(ir: Ir, file) {
    const { api } = ir;
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core", isTypeOnly: true, namedImports: ["ApiDescriptor"] });
    const envelope = api.errors.envelope;
    // Each API imports only the error reader it needs: v4's takes the code from the HTTP status.
    const reader = envelope.codeField === undefined ? "readStatusError" : "readCodedError";
    // ... and only the protocol its calls travel by (rpc: form POSTs by method name; rest: verbs, paths, slots).
    const protocol = ir.style === "rest" ? "restProtocol" : "rpcProtocol";
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core/runtime", namedImports: [protocol, reader] });
    const descriptor = {
      name: api.name,
      baseUrl: api.baseUrl,
      formats: Object.fromEntries(Object.entries(api.formats).map(([f, v]) => [f, v.path])),
      errorEnvelope: { root: envelope.root, codeField: envelope.codeField, nameField: envelope.nameField, messageField: envelope.messageField },
      errorCodes: errorNameByCode(api),
      wrongHostStatus: api.errors.wrongHostStatus,
      echo: api.echo?.field,
    };
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [{ name: names.apiDescriptor(ir), type: "ApiDescriptor", initializer: Writers.object({ ...jsonFields(descriptor), readError: reader, protocol }) }],
      ...docs(api.title),
    });
    if (api.errors.statuses) {
      // rest (v4): error names per HTTP status, several per status.
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name: "errorStatuses", initializer: `${JSON.stringify(api.errors.statuses, null, 2)} as const` }],
        ...docs("Every documented HTTP error status and the error names it carries.", envelope.decision),
      });
      const errorNames = Object.values(api.errors.statuses).flatMap((s) => Object.keys(s.names));
      file.addTypeAlias({ isExported: true, name: "ErrorName", type: openUnion(errorNames.map((n) => JSON.stringify(n)), "string"), ...docs("Every documented error name; the list is open.") });
      file.addTypeAlias({ isExported: true, name: "ErrorCode", type: openUnion(Object.keys(api.errors.statuses), "number"), ...docs("Every documented error status (WrikeApiError.code); the list is open.") });
    } else {
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name: "errorCodes", initializer: `${JSON.stringify(api.errors.codes, null, 2)} as const` }],
        ...docs("Every documented error code: its name, meaning, and the HTTP status the emulator answers with.", envelope.decision),
      });
      file.addTypeAlias({ isExported: true, name: "ErrorName", type: openUnion(Object.values(api.errors.codes).map((c) => JSON.stringify(c.name)), "string"), ...docs("Every documented error name; the list is open.") });
      file.addTypeAlias({ isExported: true, name: "ErrorCode", type: openUnion(Object.keys(api.errors.codes), "number"), ...docs("Every documented error code (WrikeApiError.code); the list is open.") });
    }
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [{ name: "rateLimit", initializer: `${JSON.stringify(api.rateLimit, null, 2)} as const` }],
      ...docs("The documented rate limit and back-off."),
    });
    if (api.auth.oauth1)
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name: "oauth1Endpoints", initializer: `${JSON.stringify(api.auth.oauth1, null, 2)} as const` }],
        ...docs("The OAuth 1.0a three-legged flow: endpoints, parameters and the accepted timestamp window."),
      });
    if (api.auth.oauth2)
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name: "oauth2Endpoints", initializer: `${JSON.stringify(api.auth.oauth2, null, 2)} as const` }],
        ...docs("OAuth 2.0: the authorize and token endpoints, the token response's host field and every scope."),
      });
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [{ name: "rules", initializer: `${JSON.stringify(api.rules, null, 2)} as const` }],
      ...docs("The reference's documented rules, by id; methods name the rules they are subject to."),
    });
  },
};

/** Each defined field of `value` as JSON text, for Writers.object. */
function jsonFields(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).flatMap(([key, v]) => (v === undefined ? [] : [[key, JSON.stringify(v)]])));
}

/**
 * The name an error body without one gets: v2's one name per numbered code; v4's name per HTTP status,
 * listed only for statuses that carry exactly one (several names leave nothing to infer).
 */
function errorNameByCode(api: Ir["api"]): Record<string, string> {
  if (api.errors.statuses)
    return Object.fromEntries(Object.entries(api.errors.statuses).flatMap(([status, s]) => (Object.keys(s.names).length === 1 ? [[status, Object.keys(s.names)[0]!]] : [])));
  return Object.fromEntries(Object.entries(api.errors.codes).map(([code, c]) => [code, c.name]));
}

/** A union of known literals that still accepts others of its base type (editors offer the known ones). */
function openUnion(literals: string[], base: "string" | "number"): string {
  return [...literals, `(${base} & {})`].join(" | ");
}
