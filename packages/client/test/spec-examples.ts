/** Test helper: the spec's methods and their reference examples (as printed and repaired). */
import { join } from "node:path";
import { buildIr, loadSpec, type Method } from "@wrikekit/codegen";

export const ir = buildIr(loadSpec(join(import.meta.dirname, "../../../spec/v2")));

export interface PreparedExample {
  method: Method;
  name: string;
  format: "json" | "xml";
  raw: string;
  repaired: string;
  args: Record<string, unknown> | undefined;
}

export const examples: PreparedExample[] = ir.methods.flatMap((method) =>
  method.examples.map((ex) => ({ method, name: ex.name, format: ex.format, raw: ex.text, repaired: ex.repaired, args: ex.args })),
);
