/**
 * Checks that hold across the spec's files, which the per-file schema cannot see: every type name
 * resolves, error codes and rules exist, invalidations point at reads, path placeholders have arguments.
 */
import type { ApiFile, ArgumentSpec, EnumSpec, EnvelopeVariantSpec, EventsFile, ExampleSpec, FieldSpec, GroupFile, MethodSpec } from "./schema.js";
import { SCALAR_TYPES, coreTypeNames } from "./schema.js";
import { formatPath, type ParsedFile, type SpecProblem } from "./problems.js";

const scalars = new Set<string>(SCALAR_TYPES);
/** The scalars a minimum or maximum can bound. */
const NUMERIC_SCALARS = new Set(["integer", "long", "double"]);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Own keys only: `name in record` would also find Object.prototype's toString, constructor, .... */
const has = (record: object, key: string) => Object.hasOwn(record, key);

/**
 * Names the generated types already use, beside the spec's models and enums: @wrikekit/core's scalar types
 * and the TypeScript and JavaScript globals the emitters write. A model named Date would silently become
 * the type of every date argument.
 */
const takenTypeNames = new Set<string>([
  ...coreTypeNames,
  ...["Date", "Promise", "Array", "ReadonlyArray", "Record", "Pick", "Omit", "Partial", "Exclude", "Extract", "NonNullable", "ReturnType", "Parameters"],
  ...["Uint8Array", "Blob", "URL", "URLSearchParams", "Request", "Response", "Object", "String", "Number", "Boolean", "JSON", "Set", "Map", "Error"],
]);

type ResponseSpec = MethodSpec["response"];
type RootVariantSpec = Exclude<Extract<ResponseSpec, { variants: unknown }>["variants"][number], EnvelopeVariantSpec>;
/** One v4 answer of a method: its kind and item type, and for a method with several, when it is returned. */
export type EnvelopeAnswerSpec = Pick<EnvelopeVariantSpec, "kind" | "data"> & Partial<EnvelopeVariantSpec>;

/** The v4 answers of a response: its one `{kind, data}`, or its enveloped variants (the default first); undefined for others. */
export function envelopeVariantsOf(response: ResponseSpec): readonly EnvelopeAnswerSpec[] | undefined {
  if ("kind" in response) return [response];
  if ("variants" in response && response.variants.every((v) => "kind" in v)) return response.variants as EnvelopeVariantSpec[];
  return undefined;
}

/** The root-keyed variants of a response (v2); none for others. */
export function rootVariantsOf(response: ResponseSpec): readonly RootVariantSpec[] {
  return "variants" in response ? response.variants.filter((v): v is RootVariantSpec => !("kind" in v)) : [];
}

/** The model the generator writes for a `{kind, data}` answer of this data type: TaskEnvelope, or TaskPage when paged. */
export function envelopeModelName(data: string, paged: boolean): string {
  const { name } = parseTypeExpression(data);
  return `${pascal(name)}${paged ? "Page" : "Envelope"}`;
}

export function parseTypeExpression(type: string): { name: string; list: boolean } {
  return type.endsWith("[]") ? { name: type.slice(0, -2), list: true } : { name: type, list: false };
}

/**
 * The enum events.yaml `typeEnum` names, derived from its event types (each value its own name), so that the
 * list of types is written once: `{ WebhookEventType: { type: "string", values: { TaskCreated: "TaskCreated", ... } } }`.
 */
export function eventTypeEnums(events: EventsFile | undefined): Record<string, EnumSpec> {
  if (events?.typeEnum === undefined) return {};
  const names = Object.keys(events.events);
  return {
    [events.typeEnum]: {
      type: "string",
      description: "Webhook event types (events.yaml).",
      values: Object.fromEntries(names.map((name) => [name, name])),
    },
  };
}

/** The example's text with its recorded repairs applied, each replacing the first occurrence of its `find`. */
export function applyRepairs(ex: ExampleSpec): string {
  return ex.repairs.reduce((text, r) => text.replace(r.find, () => r.replace), ex.text);
}

export function checkReferences(
  api: ParsedFile<ApiFile>,
  groups: ParsedFile<GroupFile>[],
  problems: SpecProblem[],
  events?: ParsedFile<EventsFile>,
): void {
  const report = (file: ParsedFile<unknown>, path: (string | number)[], message: string) =>
    problems.push({ file: file.file, path, line: file.lineOf(path), message });

  const models = api.data.models;
  const derivedEnums = eventTypeEnums(events?.data);
  const enums = { ...api.data.enums, ...derivedEnums };
  const inlineNames = new Set<string>();
  const knownType = (name: string) => scalars.has(name) || has(models, name) || has(enums, name) || inlineNames.has(name);

  for (const g of groups)
    for (const m of Object.values(g.data.methods))
      for (const v of rootVariantsOf(m.response)) if (typeof v.body !== "string") inlineNames.add(v.body.name);

  const checkFields = (file: ParsedFile<unknown>, path: (string | number)[], fields: Record<string, FieldSpec>) => {
    for (const [fieldName, f] of Object.entries(fields)) {
      const { name, list } = parseTypeExpression(f.type);
      if (!knownType(name)) report(file, [...path, fieldName, "type"], `unknown type "${name}"`);
      if (f.acceptCommaSeparated && !list) report(file, [...path, fieldName, "acceptCommaSeparated"], "only list fields can accept a comma-separated string");
      if (f.xmlItem && !list) report(file, [...path, fieldName, "xmlItem"], "xmlItem applies to list fields only");
      if (f.xmlAttribute && (list || has(models, name))) report(file, [...path, fieldName, "xmlAttribute"], "only scalar fields can be XML attributes");
      if (f.selectable && f.required)
        report(file, [...path, fieldName, "required"], "a selectable field is sent only when a fields argument asks for it, so it cannot be required: remove required or selectable");
    }
  };
  for (const [modelName, model] of Object.entries(models)) checkFields(api, ["models", modelName, "fields"], model.fields);
  checkEnums(api, report);
  for (const name of Object.keys(derivedEnums))
    if (has(api.data.enums, name) || has(models, name) || takenTypeNames.has(name))
      report(events!, ["typeEnum"], `${name} is already an enum, a model or a type the generated code uses: choose another name for the event types' enum`);
  for (const [name] of Object.entries(api.data.enums)) if (has(models, name)) report(api, ["enums", name], `${name} is also a model: rename the enum or the model`);
  for (const [section, record] of [["models", models], ["enums", api.data.enums]] as const)
    for (const name of Object.keys(record)) if (takenTypeNames.has(name)) report(api, [section, name], `${name} is a type the generated code already uses: choose another name`);
  checkModelCycles(api, groups, report);

  const checkArgs = (file: ParsedFile<unknown>, path: (string | number)[], args: Record<string, ArgumentSpec>, httpPath?: string) => {
    const wireNames = new Map<string, string>();
    for (const [argName, a] of Object.entries(args)) {
      const { name, list } = parseTypeExpression(a.type);
      const isModel = has(models, name);
      if (!scalars.has(name) && !has(enums, name) && !isModel) report(file, [...path, argName, "type"], `unknown type "${name}"`);
      if (isModel && a.encoding !== "json") report(file, [...path, argName, "encoding"], "a model-typed argument travels as JSON text: give it encoding: json");
      if (list && !a.encoding) report(file, [...path, argName], "a list argument needs an encoding (comma, bracket, json or repeat)");
      if (a.encoding === "raw" && (name !== "binary" || list || a.in !== "body"))
        report(file, [...path, argName, "encoding"], "encoding raw is for one binary argument that is the request body");
      if (!list && a.encoding && !isModel && name !== "json" && a.encoding !== "raw")
        report(file, [...path, argName, "encoding"], "encoding applies to list, model, json and raw body arguments only");
      if (name === "json" && a.encoding !== "json") report(file, [...path, argName, "encoding"], "a json argument travels as JSON text: give it encoding: json");
      if (a.maxItems !== undefined && !list) report(file, [...path, argName, "maxItems"], "maxItems applies to list arguments only");
      for (const bound of ["minimum", "maximum"] as const)
        if (a[bound] !== undefined && (list || !NUMERIC_SCALARS.has(name))) report(file, [...path, argName, bound], `${bound} applies to number arguments (integer, long, double) only`);
      if (a.minimum !== undefined && a.maximum !== undefined && a.minimum > a.maximum) report(file, [...path, argName, "minimum"], "minimum is above maximum");
      if (a.values) {
        const e = has(enums, name) ? enums[name] : undefined;
        if (!e) report(file, [...path, argName, "values"], "values narrows an enum; this argument's type is not one");
        else
          a.values.forEach((v, i) => {
            if (!Object.values(e.values).includes(v)) report(file, [...path, argName, "values", i], `"${v}" is not a value of enum ${name}`);
          });
      }
      if (a.selects) {
        const target = has(models, a.selects) ? models[a.selects] : undefined;
        if (!target) report(file, [...path, argName, "selects"], `unknown model "${a.selects}"`);
        else if (!list) report(file, [...path, argName, "selects"], "a selecting argument is a list of field names");
        else
          for (const v of a.values ?? Object.values(has(enums, name) ? enums[name]!.values : {})) {
            if (!has(target.fields, String(v))) report(file, [...path, argName, "selects"], `"${v}" is not a field of ${a.selects}: add the field to ${a.selects} or remove the value from ${name}`);
            else if (!target.fields[String(v)]!.selectable) report(file, [...path, argName, "selects"], `"${v}" is not a selectable field of ${a.selects} (mark it selectable: true)`);
          }
      }
      if (api.data.style === "rpc" && a.in !== "body") report(file, [...path, argName, "in"], "rpc-style arguments travel in the body");
      if (a.pattern !== undefined) {
        try {
          new RegExp(a.pattern);
        } catch (e) {
          report(file, [...path, argName, "pattern"], `not a regular expression: ${(e as Error).message}`);
        }
      }
      if (a.in === "path" && !a.required) report(file, [...path, argName, "in"], "a path argument is part of the URL: give it required: true");
      const wire = `${a.in} ${a.wireName ?? argName}`;
      const sameWire = wireNames.get(wire);
      if (sameWire !== undefined) report(file, [...path, argName], `"${argName}" and "${sameWire}" both travel as ${a.in} ${a.wireName ?? argName}: give one another wireName or remove it`);
      else wireNames.set(wire, argName);
      if (a.default !== undefined && !list) {
        const expected = defaultKind(name, has(enums, name) ? enums[name] : undefined);
        if (expected && !expected.accepts(a.default)) report(file, [...path, argName, "default"], `default ${JSON.stringify(a.default)} is not ${expected.what}`);
      }
      if (a.in === "path" && httpPath && !httpPath.includes(`{${a.wireName ?? argName}}`))
        report(file, [...path, argName, "in"], `path argument has no {${a.wireName ?? argName}} in ${httpPath}`);
    }
    if (httpPath)
      for (const [, placeholder] of httpPath.matchAll(/\{([^}]+)\}/g))
        if (!Object.entries(args).some(([n, a]) => a.in === "path" && (a.wireName ?? n) === placeholder))
          report(file, [...path], `path placeholder {${placeholder}} has no argument with in: path`);
  };
  checkArgs(api, ["commonArgs"], api.data.commonArgs);

  const methodIds = new Map<string, { kind: string; where: string }>();
  const groupNames = new Map<string, string>();
  const where = (file: ParsedFile<unknown>, path: (string | number)[]) => `${file.file}:${file.lineOf(path) ?? "?"} at ${formatPath(path)}`;
  for (const g of groups) {
    const first = groupNames.get(g.data.group);
    if (first) report(g, ["group"], `group "${g.data.group}" is defined twice (first in ${first}): rename one or merge the files`);
    else groupNames.set(g.data.group, g.file);
    for (const [key, m] of Object.entries(g.data.methods)) {
      const at = ["methods", key, "id"];
      const firstId = methodIds.get(m.id);
      if (firstId) report(g, at, `method id "${m.id}" is defined twice (first ${firstId.where}): give each method its own id`);
      else methodIds.set(m.id, { kind: m.kind, where: where(g, at) });
      const restId = `${m.http.method} ${m.http.path}`;
      if (api.data.style === "rest" && m.id !== restId) report(g, at, `a rest method's id is its HTTP method and path: "${restId}"`);
    }
  }

  // The envelope model the generator writes for each {kind, data} answer, and the first method answering it.
  const envelopeUsers = new Map<string, string>();
  const groupReads = new Map(groups.map((g) => [g.data.group, Object.values(g.data.methods).filter((m) => m.kind === "read").length]));
  for (const g of groups) {
    g.data.writesInvalidate.forEach((name, i) => {
      const reads = groupReads.get(name);
      if (reads === undefined) report(g, ["writesInvalidate", i], `unknown group "${name}"`);
      else if (reads === 0) report(g, ["writesInvalidate", i], `the group "${name}" has no reads to invalidate`);
    });
    for (const [key, m] of Object.entries(g.data.methods)) {
      const at = ["methods", key];
      // Each method gets types named <Group><Method>Args and ...Result; a model of that name would collide.
      const prefix = pascal(g.data.group) + pascal(key);
      for (const generated of [`${prefix}Args`, `${prefix}Result`])
        if (has(models, generated) || inlineNames.has(generated)) report(g, at, `the model name ${generated} collides with the type generated for this method`);
      checkArgs(g, [...at, "args"], m.args, api.data.style === "rest" ? m.http.path : undefined);
      m.requireOneOf.forEach((names, i) =>
        names.forEach((n, j) => {
          if (!has(m.args, n)) report(g, [...at, "requireOneOf", i, j], `"${n}" is not an argument of the method`);
          else if (m.args[n]!.required) report(g, [...at, "requireOneOf", i, j], `"${n}" is required already`);
        }),
      );
      rootVariantsOf(m.response).forEach((v, i) => {
          if (typeof v.body === "string") {
            if (!has(models, v.body) && !inlineNames.has(v.body)) report(g, [...at, "response", "variants", i, "body"], `unknown model "${v.body}"`);
          } else checkFields(g, [...at, "response", "variants", i, "body", "fields"], v.body.fields);
          if (v.whenArgument && !(has(m.args, v.whenArgument.name) && m.args[v.whenArgument.name]!.type === "boolean"))
            report(g, [...at, "response", "variants", i, "whenArgument", "name"], `"${v.whenArgument.name}" is not a boolean argument of the method`);
        });
      const rootVariants = rootVariantsOf(m.response);
      if (rootVariants.some((v) => v.whenArgument) && rootVariants.filter((v) => !v.whenArgument).length !== 1)
        report(g, [...at, "response", "variants"], "variants selected by whenArgument need exactly one variant without it (the one returned otherwise)");
      const statuses = api.data.errors.statuses ?? {};
      m.errors.forEach((code, i) => {
        if (!has(api.data.errors.codes, String(code)) && !has(statuses, String(code)))
          report(g, [...at, "errors", i], `error code ${code} is not in api.yaml errors.${api.data.errors.statuses ? "statuses" : "codes"}`);
      });
      const answers = envelopeVariantsOf(m.response);
      answers?.forEach((v, i) => {
        const vat = "kind" in m.response ? [...at, "response"] : [...at, "response", "variants", i];
        const envelopeModel = envelopeModelName(v.data, m.paging?.kind === "pageToken");
        if (!envelopeUsers.has(envelopeModel)) envelopeUsers.set(envelopeModel, where(g, vat));
        if (!api.data.envelope) report(g, vat, "an enveloped response needs api.yaml envelope");
        if (!knownType(v.data)) report(g, [...vat, "data"], `unknown type "${v.data}"`);
        if (answers.findIndex((o) => o.kind === v.kind) !== i) report(g, [...vat, "kind"], `two variants answer kind "${v.kind}": the kind tells them apart`);
        if (answers.findIndex((o) => o.data === v.data) !== i) report(g, [...vat, "data"], `two variants answer ${v.data} items: one variant is enough`);
        if ((i === 0) !== (v.whenAnyArgument === undefined)) report(g, vat, i === 0 ? "the first variant is the default: it has no whenAnyArgument" : "every variant but the first (the default) says whenAnyArgument");
        if (i > 0 && v.neutralArguments !== undefined) report(g, [...vat, "neutralArguments"], "only the default variant lists neutralArguments");
        for (const list of ["whenAnyArgument", "neutralArguments"] as const)
          v[list]?.forEach((name, j) => {
            if (!has(m.args, name)) report(g, [...vat, list, j], `"${name}" is not an argument of the method`);
            else if (m.args[name]!.required || m.args[name]!.in === "path") report(g, [...vat, list, j], `"${name}" is given on every call: it cannot tell the variants apart`);
            if (answers.flatMap((o) => [...(o.whenAnyArgument ?? []), ...(o.neutralArguments ?? [])]).filter((n) => n === name).length > 1)
              report(g, [...vat, list, j], `"${name}" is listed more than once: each argument selects one variant, or is neutral`);
          });
      });
      const scopes = api.data.auth.oauth2?.scopes ?? {};
      m.scopes?.forEach((scope, i) => {
        if (!has(scopes, scope)) report(g, [...at, "scopes", i], `unknown scope "${scope}" (not in api.yaml auth.oauth2.scopes)`);
      });
      if (m.asyncJob && !api.data.asyncJobs) report(g, [...at, "asyncJob"], "api.yaml has no asyncJobs section saying how to poll");
      const rawArgs = Object.values(m.args).filter((a) => a.encoding === "raw");
      if (m.upload && rawArgs.length !== 1) report(g, [...at, "upload"], "an upload has exactly one argument with encoding: raw");
      if (!m.upload && rawArgs.length > 0) report(g, [...at, "args"], "a raw body argument makes the method an upload: set upload: true");
      if (m.kind === "read" && m.http.method === "DELETE") report(g, [...at, "kind"], "a DELETE is a write");
      for (const code of Object.keys(m.errorMessages ?? {}))
        if (!m.errors.includes(Number(code))) report(g, [...at, "errorMessages", code], `code ${code} is not listed in this method's errors`);
      m.rules.forEach((rule, i) => {
        if (!has(api.data.rules, rule)) report(g, [...at, "rules", i], `unknown rule "${rule}"`);
      });
      m.invalidates.forEach((target, i) => {
        const t = methodIds.get(target);
        if (!t) report(g, [...at, "invalidates", i], `unknown method "${target}": no method has this id`);
        else if (t.kind !== "read") report(g, [...at, "invalidates", i], `"${target}" is not a read; only reads are cached`);
      });
      if (m.paging) {
        const argNames = m.paging.kind === "offset" ? [m.paging.limitArg, m.paging.offsetArg, m.paging.orderArg] : [m.paging.pageSizeArg, m.paging.tokenArg];
        for (const a of argNames) if (!has(m.args, a)) report(g, [...at, "paging"], `paging argument "${a}" is not an argument of the method`);
      }
      if (m.incremental && !has(m.args, m.incremental.sinceArg)) report(g, [...at, "incremental", "sinceArg"], `"${m.incremental.sinceArg}" is not an argument of the method`);
      if (m.assistant?.default && m.http.method === "DELETE") report(g, [...at, "assistant", "default"], "deletes stay out of the assistant's default set");
      m.examples.forEach((ex, i) => {
        ex.repairs.forEach((r, j) => {
          if (!ex.text.includes(r.find)) report(g, [...at, "examples", i, "repairs", j, "find"], "this text does not occur in the example");
        });
        for (const argName of Object.keys(ex.args ?? {}))
          if (!has(m.args, argName)) report(g, [...at, "examples", i, "args", argName], `"${argName}" is not an argument of the method`);
        if (ex.format === "json") checkJsonExample(api, report, g, [...at, "examples", i], ex, m.response);
      });
    }
  }

  for (const [name, usedAt] of envelopeUsers)
    if (has(models, name)) report(api, ["models", name], `the generator writes a model ${name} for the envelope of {kind, data} answers (${usedAt}): rename this model`);

  const poll = api.data.asyncJobs;
  if (poll) {
    const target = methodIds.get(poll.pollMethod);
    if (!target) report(api, ["asyncJobs", "pollMethod"], `unknown method "${poll.pollMethod}"`);
    else if (target.kind !== "read") report(api, ["asyncJobs", "pollMethod"], `"${poll.pollMethod}" is not a read`);
  }
  if (events) {
    checkFields(events, ["commonFields"], events.data.commonFields);
    for (const [eventName, e] of Object.entries(events.data.events)) checkFields(events, ["events", eventName, "fields"], e.fields);
  }
}

type Report = (file: ParsedFile<unknown>, path: (string | number)[], message: string) => void;

/** What a documented default of a non-list argument must be, for the argument's type. */
function defaultKind(typeName: string, enumSpec: ApiFile["enums"][string] | undefined): { what: string; accepts: (v: unknown) => boolean } | undefined {
  if (enumSpec) {
    const values = Object.values(enumSpec.values);
    return { what: `a value of the enum (${values.map((v) => JSON.stringify(v)).join(", ")})`, accepts: (v) => values.includes(v as string | number) };
  }
  if (typeName === "boolean") return { what: "a boolean (true or false)", accepts: (v) => typeof v === "boolean" };
  if (["integer", "long", "id"].includes(typeName)) return { what: "an integer", accepts: (v) => Number.isInteger(v) };
  if (typeName === "double") return { what: "a number", accepts: (v) => typeof v === "number" };
  if (scalars.has(typeName) && typeName !== "json") return { what: `text (quote it: "...")`, accepts: (v) => typeof v === "string" };
  return undefined;
}

/** Each enum's values are of its declared type and distinct (a repeated value would decode to two names). */
function checkEnums(api: ParsedFile<ApiFile>, report: Report): void {
  for (const [enumName, e] of Object.entries(api.data.enums)) {
    const seen = new Map<string | number, string>();
    for (const [key, value] of Object.entries(e.values)) {
      const at = ["enums", enumName, "values", key];
      if (e.type === "integer" && typeof value !== "number") report(api, at, `the enum is type: integer, so ${JSON.stringify(value)} must be an integer (or make the enum type: string)`);
      if (e.type === "string" && typeof value !== "string") report(api, at, `the enum is type: string, so write the value as text: "${value}"`);
      const first = seen.get(value);
      if (first !== undefined) report(api, at, `${JSON.stringify(value)} is already the value of ${first}: each value needs one name`);
      else seen.set(value, key);
    }
  }
}

/**
 * Models may not contain themselves, directly or through other models: the MCP tool table writes each
 * model's JSON Schema as a constant (emitters/shared/json-schema.ts), and a constant cannot refer to itself.
 */
function checkModelCycles(api: ParsedFile<ApiFile>, groups: ParsedFile<GroupFile>[], report: Report): void {
  const fieldsOf = new Map<string, { file: ParsedFile<unknown>; path: (string | number)[]; fields: Record<string, FieldSpec> }>();
  for (const [name, m] of Object.entries(api.data.models)) fieldsOf.set(name, { file: api, path: ["models", name, "fields"], fields: m.fields });
  for (const g of groups)
    for (const [key, m] of Object.entries(g.data.methods))
      rootVariantsOf(m.response).forEach((v, i) => {
          if (typeof v.body !== "string") fieldsOf.set(v.body.name, { file: g, path: ["methods", key, "response", "variants", i, "body", "fields"], fields: v.body.fields });
        });
  const done = new Set<string>();
  const visit = (name: string, trail: string[]) => {
    const model = fieldsOf.get(name);
    if (!model || done.has(name)) return;
    for (const [fieldName, f] of Object.entries(model.fields)) {
      const target = parseTypeExpression(f.type).name;
      const step = [...trail, `${name}.${fieldName}`];
      const start = step.findIndex((s) => s.startsWith(`${target}.`));
      if (start >= 0)
        report(model.file, [...model.path, fieldName, "type"], `${target} contains itself (${step.slice(start).join(" -> ")} -> ${target}); generated JSON Schemas cannot express a cycle: type one field of it json`);
      else visit(target, step);
    }
    done.add(name);
  };
  for (const name of fieldsOf.keys()) visit(name, []);
}

/** A JSON example parses once repaired; an enveloped one has the method's kind and only fields of its data model. */
function checkJsonExample(api: ParsedFile<ApiFile>, report: Report, g: ParsedFile<GroupFile>, at: (string | number)[], ex: ExampleSpec, response: MethodSpec["response"]): void {
  let doc: unknown;
  try {
    doc = JSON.parse(applyRepairs(ex));
  } catch (e) {
    report(g, [...at, "text"], `the example is not JSON once repaired (${(e as Error).message}): fix the text, or record the reference's defect as a repair`);
    return;
  }
  const envelope = api.data.envelope;
  const answers = envelopeVariantsOf(response);
  if (!envelope || answers === undefined || typeof doc !== "object" || doc === null) return;
  const body = doc as Record<string, unknown>;
  const answer = answers.find((v) => v.kind === body[envelope.kindField]);
  if (answer === undefined) {
    report(g, [...at, "text"], `the example's ${envelope.kindField} is ${JSON.stringify(body[envelope.kindField])}, the method's response kind is ${answers.map((v) => `"${v.kind}"`).join(" or ")}`);
    return;
  }
  const model = has(api.data.models, answer.data) ? api.data.models[answer.data]! : undefined;
  const items = body[envelope.dataField];
  if (!model || !Array.isArray(items)) return;
  const known = new Set(Object.entries(model.fields).flatMap(([name, f]) => [name, ...(f.aliases ?? [])]));
  const unknown = [...new Set(items.flatMap((item) => (typeof item === "object" && item !== null ? Object.keys(item).filter((k) => !known.has(k)) : [])))];
  if (unknown.length > 0) report(g, [...at, "text"], `the example's ${envelope.dataField} items have ${unknown.map((k) => `"${k}"`).join(", ")}, not fields of ${answer.data}: correct the example or add the field to the model`);
}
