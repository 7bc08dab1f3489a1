/** What the method-facing emitters (methods, client, react-hooks) say of a method the same way. */
import type { Ir, Method } from "../../model.js";
import { docs } from "../../emit.js";

/** The JSDoc of a method: what it does, its errors, rules and quirks, as the spec records them. */
export function methodDocs(ir: Ir, m: Method) {
  const statuses = ir.api.errors.statuses;
  // rpc (v2): one name per code; rest (v4): the names each HTTP status carries.
  const errorName = (code: number) => (statuses ? Object.keys(statuses[String(code)]?.names ?? {}).join(", ") : ir.api.errors.codes[String(code)]!.name);
  const errors = m.errors.map((code) => `${code} ${errorName(code)}${m.errorMessages?.[String(code)] ? `: ${m.errorMessages[String(code)]}` : ""}`);
  return docs(
    `${m.summary} (\`${m.id}\`)`,
    m.description,
    m.rules.length > 0 && m.rules.map((r) => `Rule: ${ir.api.rules[r]}`).join("\n"),
    m.quirks.length > 0 && m.quirks.map((q) => `Quirk: ${q.what} ${q.handling}`).join("\n"),
    m.scopes && `OAuth 2.0 scopes (any one): ${m.scopes.join(", ")}.`,
    errors.length > 0 && `Errors (WrikeApiError.${statuses ? "httpStatus" : "code"}):\n${errors.map((e) => `- ${e}`).join("\n")}`,
  );
}

/** Whether a call may leave out the argument object entirely. */
export function argsOptional(m: Method): boolean {
  return m.args.every((a) => !a.required) && m.requireOneOf.length === 0;
}
