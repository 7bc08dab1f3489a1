#!/usr/bin/env node
/**
 * ONE-TIME importer: bootstraps spec/v4 from tools/v4-import/reference (the 2025 operations fact file and the
 * 2020 reference) plus the reviewed overrides.yaml (names, enum names, fixes, webhooks, examples, assistant set).
 * It ran once and its output was committed; since then spec/v4/*.yaml is the reviewed source of truth and is
 * edited by hand. Do not re-run it over a spec that has been edited (it would overwrite the edits); the
 * spec-vs-reference test (tools/codegen/test/v4-reference.test.ts) is what keeps spec/v4 honest.
 *
 * Usage: node import.mjs [referenceDir] [outDir]
 *
 * Type inference, in order: the 2020 reference's request/response model for the same operation id (types,
 * id subtypes, nested models); then names (…Id → opaqueId, …Ids → opaqueId[], …Date → utcTimestamp);
 * then the fact file's own type (oneof<nothing, bool> → boolean, float → integer for counts, else double).
 */
import { readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";

const here = import.meta.dirname;
const refDir = process.argv[2] ?? new URL("./reference/", import.meta.url).pathname;
const outDir = process.argv[3] ?? join(here, "../../spec/v4");
const facts = JSON.parse(readFileSync(join(refDir, "wrike-api-v4-operations-2025.json"), "utf8"));
const ref2020 = JSON.parse(readFileSync(join(refDir, "wrike-api-v4-reference-2020.json"), "utf8"));
const ov = parse(readFileSync(join(here, "overrides.yaml"), "utf8"));
ov.examples = parse(readFileSync(join(here, "examples.yaml"), "utf8"));

const pascal = (s) => s.replace(/(^|[_\s-]+)([a-zA-Z0-9])/g, (_, __, c) => c.toUpperCase());
const camel = (s) => { const p = pascal(s); return p.charAt(0).toLowerCase() + p.slice(1); };
const opKey = (o) => `${o.method} ${o.path}`;

// ---- the 2020 reference, by operation id ----
const refModels = Object.fromEntries(ref2020.models.flatMap((m) => Object.entries(m)));
const refMethods = new Map();
for (const e of ref2020.entities)
  for (const g of e.methodGroups) for (const m of g.methods) refMethods.set(m.id, { ...m, scopes: g.scopes, entity: e.name, group: g.name });

// ---- names: resource (group file) and method ----
const ACTIONS = new Set(ov.actions);
function defaultName(o) {
  const segs = o.path.split("/").filter(Boolean);
  const lits = segs.map((s, i) => ({ s, i, param: s.startsWith("{") }));
  const last = lits[lits.length - 1];
  const literals = lits.filter((x) => !x.param);
  const lastLit = literals[literals.length - 1];
  const multi = last.param && /Ids\}$/.test(last.s);
  const verb = { GET: last.param ? "get" : "list", POST: "create", PUT: multi ? "updateMany" : "update", DELETE: "delete" }[o.method];
  if (ACTIONS.has(lastLit.s) || lastLit.s.endsWith("_history")) {
    const owner = literals[literals.length - 2];
    const action = lastLit.s.endsWith("_history") ? "history" : camel(lastLit.s);
    return { group: resource(owner.s), method: action };
  }
  const parent = literals.length > 1 ? literals[literals.length - 2] : undefined;
  const scope = parent ? (o.method === "GET" || o.method === "POST" ? "In" : "For") + singular(parent.s) : "";
  return { group: resource(lastLit.s), method: verb + scope };
}
const resource = (seg) => ov.resources[seg] ?? camel(seg);
const singular = (seg) => ov.singulars[seg] ?? pascal(seg).replace(/ies$/, "y").replace(/s$/, "");

// ---- types ----
const enums = {}; // name -> { type, values }
const enumBySet = new Map();
function enumFor(values, hint) {
  const key = [...values].sort().join(",");
  if (enumBySet.has(key)) return enumBySet.get(key);
  let name = ov.enumNames[key] ?? hint;
  for (let i = 2; name in enums; i++) name = `${hint}${i}`;
  enums[name] = { type: "string", values: Object.fromEntries(values.map((v) => [v, v])) };
  enumBySet.set(key, name);
  return name;
}

const models = {}; // name -> { description, fields }
const modelNameOfRef = (ref) => ov.refModelNames[refModels[ref].name] ?? pascal(refModels[ref].name ?? ref);
function importRefModel(ref) {
  const name = modelNameOfRef(ref);
  if (models[name]) return name;
  const m = refModels[ref];
  models[name] = { description: m.details ?? m.name ?? undefined, fields: {} };
  for (const p of m.params) models[name].fields[p.name] = refField(p);
  return name;
}
function refScalar(p) {
  if (p.subtype && /ID$/.test(p.subtype)) return "opaqueId";
  if (p.type === "boolean" || p.type === "optional boolean") return "boolean";
  if (p.type === "number") return /count|size|minutes|percent/i.test(p.name) ? "integer" : "double";
  if (p.type === "object") return p.modelRef ? importRefModel(p.modelRef) : "json";
  if (/Date$/.test(p.name)) return "utcTimestamp";
  return "string";
}
function refField(p) {
  const f = {};
  if (p.type === "array") f.type = (p.modelRef ? importRefModel(p.modelRef) : p.subtype && /ID$/.test(p.subtype) ? "opaqueId" : "string") + "[]";
  else f.type = refScalar(p);
  const d = p.description ?? p.comment;
  if (d) f.description = d;
  if (p.name === "value" && /null/i.test(p.description ?? "")) f.nullable = true;
  return f;
}
function nameScalar(name, factType) {
  if (factType === "bool" || factType === "oneof<nothing, bool>") return "boolean";
  if (factType === "float") return ov.integerParams.includes(name) || /Count$|Size$|Minutes$/.test(name) ? "integer" : "double";
  if (factType === "list") return /Ids$/.test(name) ? "opaqueId[]" : "json[]";
  if (factType === "record") return "json";
  if (/Ids$/.test(name)) return "opaqueId[]";
  if (/Id$/.test(name) || name === "id") return "opaqueId";
  if (/Date$/.test(name)) return "utcTimestamp";
  return "string";
}

// ---- operations ----
const ops = [...facts.operations, ...ov.extraOperations.map((o) => ({ ...o, extra: true }))];
const groups = {};
const selectableByModel = new Map();
const nameTable = [];
for (const o of ops) {
  const key = opKey(o);
  const named = ov.names[key] ? { group: ov.names[key].split(".")[0], method: ov.names[key].split(".")[1] } : defaultName(o);
  const refM = refMethods.get(o.operationId);
  const reqParams = refM?.requestModelRef ? Object.fromEntries(refModels[refM.requestModelRef].params.map((p) => [p.name, p])) : {};
  const g = (groups[named.group] ??= { group: named.group, methods: {} });
  if (g.methods[named.method]) throw new Error(`name clash: ${named.group}.${named.method} for ${key}`);
  nameTable.push(`${key} -> ${named.group}.${named.method}`);
  const m = { id: key, summary: o.title.replace(/\.?$/, "."), http: { method: o.method, path: o.path }, kind: o.method === "GET" ? "read" : "write" };
  if (refM?.comment) m.description = refM.comment.trim();
  const quirks = [...(ov.quirks[key] ?? [])];
  if (o.extra) quirks.push({ what: "Not in the 2025 fact file.", handling: o.source });
  const args = {};
  for (const pp of o.pathParams) {
    const list = /Ids$/.test(pp);
    args[pp] = list
      ? { type: "opaqueId[]", required: true, in: "path", encoding: "comma", maxItems: 100, description: "Up to 100 ids; longer lists are split into several calls." }
      : { type: "opaqueId", required: true, in: "path" };
  }
  let selects;
  for (const p of o.params) {
    let argName = p.name;
    if (p.collidesWithPathParam) {
      argName = ov.collisions[key][p.name];
      quirks.push({ what: `The fact file lists ${p.name} both as a path parameter and as a query parameter.`, handling: `The second travels as ${argName} with wireName ${p.name}.` });
    }
    const a = {};
    const r = reqParams[p.name];
    const fix = ov.argTypes[`${key} ${p.name}`] ?? (r ? undefined : ov.argTypesByName[p.name]);
    let values = p.enum ?? p.valuesListedInDescription;
    if (p.name === "fields") {
      a.type = "string[]";
      a.encoding = "json";
    } else if (fix) Object.assign(a, fix);
    else if (r && r.type === "array") {
      a.type = (r.modelRef ? importRefModel(r.modelRef) : r.subtype && /ID$/.test(r.subtype) ? "opaqueId" : "string") + "[]";
      a.encoding = "json";
    } else if (r && r.type === "object" && r.modelRef) {
      a.type = importRefModel(r.modelRef);
      a.encoding = "json";
    } else if (r) a.type = refScalar(r);
    else a.type = nameScalar(p.name, p.type);
    if (a.type === "json" || a.type === "json[]" || (a.type.endsWith("[]") && !a.encoding)) a.encoding = "json";
    if (a.type.endsWith("[]") && /\[\]$/.test(a.type) && a.type.startsWith("opaqueId") && !a.encoding) a.encoding = "json";
    if (p.type === "oneof<nothing, bool>") a.type = "boolean";
    if (p.type === "float") a.type = nameScalar(p.name, "float");
    if (values && values.length > 0) {
      if (p.name === "fields") {
        a.fieldValues = values; // resolved once the response model is known
      } else {
        const list = a.type.endsWith("[]") || /s$/.test(p.name) && p.enum == null && !r;
        const en = enumFor(values, ov.enumHints[p.name] ?? pascal(p.name));
        a.type = en + (list || a.type.endsWith("[]") ? "[]" : "");
        if (a.type.endsWith("[]")) a.encoding = "json";
        else delete a.encoding;
      }
    }
    if (a.type === "string" && r && r.type === "string" && p.type === "string" && a.encoding) delete a.encoding;
    const required = r ? r.optional === false && o.method !== "GET" && !/optional/.test(r.type) : ov.required.includes(`${key} ${p.name}`);
    if (required) a.required = true;
    if (o.method === "POST" || o.method === "PUT") a.in = "body";
    else a.in = "query";
    if (argName !== p.name) a.wireName = p.name;
    if (/^(metadata|customFields)$/.test(p.name) && o.method !== "GET") a.nullable = true;
    const desc = (p.description ?? "").replace(/\s+/g, " ").trim();
    if (desc) a.description = desc;
    args[argName] = a;
  }
  if (ov.uploads.includes(key)) {
    m.upload = true;
    args.file = { type: "binary", required: true, in: "body", encoding: "raw", description: "The file's bytes, sent as the whole request body." };
    args.fileName = { type: "string", required: true, in: "header", wireName: "X-File-Name", description: "The file name Wrike stores." };
    quirks.push({ what: "The fact file lists no parameters for this upload.", handling: "Arguments file (the raw bytes are the whole body) and fileName (header X-File-Name), from the reference README." });
  }
  m.args = args;
  // response
  if (o.accept === "application/octet-stream") m.response = { binary: true };
  else {
    const data = o.response.record.data;
    const kindValue = ov.kinds[key] ?? defaultKind(named.group);
    if (data.list) {
      m.response = { kind: kindValue, data: "json" };
      quirks.push({ what: `The fact file types data as list<${data.list}>.`, handling: "Items are kept as JSON values." });
    } else {
      const modelName = ov.responseModels[key] ?? (refM?.responseModelRef ? modelNameOfRef(refM.responseModelRef) : pascal(singular(o.path.split("/").filter((s) => !s.startsWith("{")).pop())));
      mergeResponseModel(modelName, data.table, refM?.responseModelRef);
      m.response = { kind: kindValue, data: modelName };
      selects = modelName;
    }
  }
  if (args.fields) {
    const f = args.fields;
    if (f.fieldValues && selects) {
      const set = selectableByModel.get(selects) ?? new Set();
      f.fieldValues.forEach((v) => set.add(v));
      selectableByModel.set(selects, set);
      f.selects = selects;
      f._values = f.fieldValues;
      f.type = `${selects}Field[]`;
    }
    delete f.fieldValues;
  }
  m.errors = [400, 401, 403, 404, 429, 500];
  if (args.nextPageToken && args.pageSize) m.paging = { kind: "pageToken", pageSizeArg: "pageSize", tokenArg: "nextPageToken", nextTokenField: "nextPageToken", itemsField: "data" };
  if (args.pageToken && args.pageSize) m.paging = { kind: "pageToken", pageSizeArg: "pageSize", tokenArg: "pageToken", nextTokenField: "nextPageToken", itemsField: "data" };
  m.scopes = scopesFor(o, refM, quirks, named.group);
  if (ov.asyncJobs.includes(key)) m.asyncJob = true;
  if (ov.assistant[key] !== undefined) m.assistant = ov.assistant[key] === true ? { default: true } : { default: true, description: ov.assistant[key] };
  if (ov.examples[key]) m.examples = ov.examples[key];
  if (quirks.length) m.quirks = quirks;
  g.methods[named.method] = m;
}

function defaultKind(group) {
  return ov.kindByGroup[group] ?? group;
}

function mergeResponseModel(name, table, ref) {
  const model = (models[name] ??= { fields: {} });
  const refParams = ref ? Object.fromEntries(refModels[ref].params.map((p) => [p.name, p])) : {};
  if (ref && !model.description) model.description = refModels[ref].details ?? refModels[ref].name ?? undefined;
  for (const [field, t] of Object.entries(table)) {
    if (model.fields[field]) continue;
    const fix = ov.fieldTypes[`${name}.${field}`];
    model.fields[field] = fix ? { ...fix } : refParams[field] ? refField(refParams[field]) : { type: nameScalar(field, t) };
    if (field === "id") model.fields[field].required = true;
  }
}

function scopesFor(o, refM, quirks, group) {
  if (refM?.scopes) return refM.scopes;
  if (ov.scopes[opKey(o)]) return ov.scopes[opKey(o)];
  const read = o.method === "GET";
  const byGroup = ov.scopesByGroup[group];
  const scopes = byGroup ? byGroup[read ? "read" : "write"] : read ? ["Default", "wsReadOnly", "wsReadWrite"] : ["Default", "wsReadWrite"];
  quirks.push({ what: "The 2020 reference has no scopes for this operation.", handling: `Inferred from ${byGroup ? `the ${group} group` : "the workspace defaults"} (${read ? "read" : "write"} scopes).` });
  return scopes;
}

// selectable fields: one enum per model, args narrow it with `values`
for (const [modelName, set] of selectableByModel) {
  const model = models[modelName];
  enums[`${modelName}Field`] = { type: "string", description: `Optional fields of ${modelName} a fields argument can ask for.`, values: Object.fromEntries([...set].sort().map((v) => [v, v])) };
  for (const v of set) {
    model.fields[v] ??= { type: ov.fieldTypes[`${modelName}.${v}`]?.type ?? nameScalar(v, "string") };
    model.fields[v].selectable = true;
  }
}
for (const g of Object.values(groups))
  for (const m of Object.values(g.methods)) {
    const f = m.args.fields;
    if (f?._values) {
      const all = Object.keys(enums[`${f.selects}Field`].values);
      if (f._values.length !== all.length) f.values = [...f._values];
      delete f._values;
      f.description = `Optional ${f.selects} fields to include in the answer, sent as JSON text (fields=["description"]).`;
    }
  }

// invalidations: a write makes every read of its group stale
for (const g of Object.values(groups)) {
  const reads = Object.values(g.methods).filter((m) => m.kind === "read" && !("binary" in m.response)).map((m) => m.id);
  for (const m of Object.values(g.methods)) if (m.kind === "write" && reads.length) m.invalidates = reads;
}

// ---- write ----
rmSync(join(outDir, "methods"), { recursive: true, force: true });
mkdirSync(join(outDir, "methods"), { recursive: true });
const header = (what) => `# ${what}\n# Bootstrapped once by tools/v4-import from the reference files; this YAML is now the reviewed source of truth.\n`;
const yamlOpts = { lineWidth: 120, aliasDuplicateObjects: false };
for (const g of Object.values(groups).sort((a, b) => a.group.localeCompare(b.group))) {
  g.description = ov.groupDescriptions[g.group];
  if (!g.description) delete g.description;
  writeFileSync(join(outDir, "methods", `${g.group}.yaml`), header(`Wrike API v4: ${g.group}`) + stringify(sortKeys(g), yamlOpts));
}
const api = parse(readFileSync(join(here, "api.base.yaml"), "utf8"));
api.enums = Object.fromEntries(Object.entries(enums).sort(([a], [b]) => a.localeCompare(b)));
api.models = Object.fromEntries(Object.entries(models).sort(([a], [b]) => a.localeCompare(b)).map(([n, m]) => [n, m.description ? m : { fields: m.fields }]));
writeFileSync(join(outDir, "api.yaml"), header("Wrike API v4 (REST): what holds for the whole API, enums and models.") + stringify(api, yamlOpts));
writeFileSync(join(here, "names.txt"), nameTable.join("\n") + "\n");
console.log(`${ops.length} operations in ${Object.keys(groups).length} groups, ${Object.keys(models).length} models, ${Object.keys(enums).length} enums`);

function sortKeys(g) {
  const order = ["id", "summary", "description", "http", "kind", "scopes", "args", "requireOneOf", "response", "paging", "asyncJob", "upload", "errors", "quirks", "invalidates", "assistant", "examples"];
  for (const [k, m] of Object.entries(g.methods)) g.methods[k] = Object.fromEntries(order.filter((o) => m[o] !== undefined).map((o) => [o, m[o]]));
  return { group: g.group, ...(g.description ? { description: g.description } : {}), methods: g.methods };
}
