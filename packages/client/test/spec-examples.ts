/** Test helper: the spec's methods and their reference examples, with the recorded repairs applied. */
import { join } from "node:path";
import { buildIr, loadSpec, type Method } from "@wrikekit/codegen";

export const ir = buildIr(loadSpec(join(import.meta.dirname, "../../../spec")));

export interface PreparedExample {
  method: Method;
  name: string;
  format: "json" | "xml";
  raw: string;
  repaired: string;
  args: Record<string, unknown> | undefined;
}

export function applyRepairs(text: string, repairs: { find: string; replace: string }[]): string {
  return repairs.reduce((t, r) => t.replace(r.find, r.replace), text);
}

export const examples: PreparedExample[] = ir.methods.flatMap((method) =>
  method.examples.map((ex) => ({ method, name: ex.name, format: ex.format, raw: ex.text, repaired: applyRepairs(ex.text, ex.repairs), args: ex.args })),
);
