/**
 * Compares spec/v4 with Wrike's 2025 operations fact file (tools/v4-import/reference) and lists every difference
 * that the spec does not record as a quirk: an operation (method + path), a parameter (wire name, slot), an
 * enum value, or a date whose format the reference states (`Format: yyyy-MM-dd`) and the spec types otherwise.
 * The spec-vs-reference test requires the list to be empty.
 */
import type { Spec } from "../../src/spec/load.js";
import type { ArgumentSpec, MethodSpec } from "../../src/spec/schema.js";

export interface FactParam {
  name: string;
  location: string;
  description?: string | null;
  enum: string[] | null;
  valuesListedInDescription?: string[];
}
export interface FactOperation {
  method: string;
  path: string;
  pathParams: string[];
  params: FactParam[];
}
export interface Comparison {
  differences: string[];
  operationsCompared: number;
  parametersCompared: number;
}

/** The reference's way of saying a parameter is a day. */
const DAY_FORMAT = /Format: yyyy-MM-dd(?!')/;

const quirkText = (m: MethodSpec) => m.quirks.map((q) => `${q.what} ${q.handling}`).join(" ");
const wire = (name: string, a: ArgumentSpec) => a.wireName ?? name;

export function compareWithReference(spec: Spec, facts: FactOperation[]): Comparison {
  const differences: string[] = [];
  const methods = new Map<string, MethodSpec>();
  for (const g of spec.groups) for (const m of Object.values(g.methods)) methods.set(m.id, m);
  const factIds = new Set(facts.map((o) => `${o.method} ${o.path}`));
  // Writes carry their arguments in the form body only where the spec states that rule (the fact file says query).
  const writesInBody = "formBodyForWrites" in spec.api.rules;
  let parametersCompared = 0;

  for (const op of facts) {
    const id = `${op.method} ${op.path}`;
    const m = methods.get(id);
    if (!m) {
      differences.push(`${id}: operation missing from the spec`);
      continue;
    }
    if (m.http.method !== op.method || m.http.path !== op.path) differences.push(`${id}: the spec sends ${m.http.method} ${m.http.path}`);
    const args = Object.entries(m.args);
    const quirks = quirkText(m);
    for (const p of op.pathParams) {
      parametersCompared++;
      if (!args.some(([n, a]) => a.in === "path" && wire(n, a) === p)) differences.push(`${id}: path parameter ${p} is not a path argument`);
    }
    const matched = new Set<string>();
    for (const p of op.params) {
      parametersCompared++;
      const slot = writesInBody && (op.method === "POST" || op.method === "PUT") ? "body" : "query";
      const found = args.find(([n, a]) => a.in !== "path" && wire(n, a) === p.name);
      if (!found) {
        differences.push(`${id}: parameter ${p.name} is missing`);
        continue;
      }
      const [argName, a] = found;
      matched.add(argName);
      if (a.in !== slot) differences.push(`${id}: parameter ${p.name} travels in ${a.in}, expected ${slot}`);
      const expected = [...new Set(p.enum ?? p.valuesListedInDescription ?? [])].sort();
      const actual = [...new Set(enumValues(spec, a))].sort();
      if (expected.join(",") !== actual.join(",") && !quirks.includes(`${argName} values`))
        differences.push(`${id}: parameter ${p.name} has values [${actual.join(", ")}], the reference [${expected.join(", ")}]`);
      if (DAY_FORMAT.test(p.description ?? "") && a.type !== "date") differences.push(`${id}: parameter ${p.name} is a day (Format: yyyy-MM-dd), the spec types it ${a.type}`);
    }
    for (const [argName, a] of args)
      if (a.in !== "path" && !matched.has(argName) && !quirks.includes(argName) && !quirks.includes(wire(argName, a)))
        differences.push(`${id}: argument ${argName} is not in the reference and no quirk names it`);
  }
  for (const [id, m] of methods)
    if (!factIds.has(id) && !m.quirks.some((q) => q.what.startsWith("Not in the 2025 fact file")))
      differences.push(`${id}: not in the reference and no quirk says where it comes from`);
  return { differences, operationsCompared: facts.length, parametersCompared };
}

/** The values an argument accepts: its `values` subset, else its enum's values; none for non-enum types. */
function enumValues(spec: Spec, a: ArgumentSpec): string[] {
  if (a.values) return a.values.map(String);
  const e = spec.api.enums[a.type.replace(/\[\]$/, "")];
  return e ? Object.values(e.values).map(String) : [];
}
