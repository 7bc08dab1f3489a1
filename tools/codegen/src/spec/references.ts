/**
 * Checks that hold across the spec's files, which the per-file schema cannot see: every type name
 * resolves, error codes and rules exist, invalidations point at reads, path placeholders have arguments.
 */
import type { ApiFile, ArgumentSpec, EventsFile, FieldSpec, GroupFile } from "./schema.js";
import { SCALAR_TYPES } from "./schema.js";
import type { ParsedFile, SpecProblem } from "./problems.js";

const scalars = new Set<string>(SCALAR_TYPES);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function parseTypeExpression(type: string): { name: string; list: boolean } {
  return type.endsWith("[]") ? { name: type.slice(0, -2), list: true } : { name: type, list: false };
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
  const enums = api.data.enums;
  const inlineNames = new Set<string>();
  const knownType = (name: string) => scalars.has(name) || name in models || name in enums || inlineNames.has(name);

  for (const g of groups)
    for (const m of Object.values(g.data.methods))
      if ("variants" in m.response) for (const v of m.response.variants) if (typeof v.body !== "string") inlineNames.add(v.body.name);

  const checkFields = (file: ParsedFile<unknown>, path: (string | number)[], fields: Record<string, FieldSpec>) => {
    for (const [fieldName, f] of Object.entries(fields)) {
      const { name, list } = parseTypeExpression(f.type);
      if (!knownType(name)) report(file, [...path, fieldName, "type"], `unknown type "${name}"`);
      if (f.acceptCommaSeparated && !list) report(file, [...path, fieldName, "acceptCommaSeparated"], "only list fields can accept a comma-separated string");
      if (f.xmlItem && !list) report(file, [...path, fieldName, "xmlItem"], "xmlItem applies to list fields only");
      if (f.xmlAttribute && (list || name in models)) report(file, [...path, fieldName, "xmlAttribute"], "only scalar fields can be XML attributes");
    }
  };
  for (const [modelName, model] of Object.entries(models)) checkFields(api, ["models", modelName, "fields"], model.fields);

  const checkArgs = (file: ParsedFile<unknown>, path: (string | number)[], args: Record<string, ArgumentSpec>, httpPath?: string) => {
    for (const [argName, a] of Object.entries(args)) {
      const { name, list } = parseTypeExpression(a.type);
      const isModel = name in models;
      if (!scalars.has(name) && !(name in enums) && !isModel) report(file, [...path, argName, "type"], `unknown type "${name}"`);
      if (isModel && a.encoding !== "json") report(file, [...path, argName, "encoding"], "a model-typed argument travels as JSON text: give it encoding: json");
      if (list && !a.encoding) report(file, [...path, argName], "a list argument needs an encoding (comma, json or repeat)");
      if (a.encoding === "raw" && (name !== "binary" || list || a.in !== "body"))
        report(file, [...path, argName, "encoding"], "encoding raw is for one binary argument that is the request body");
      if (!list && a.encoding && !isModel && name !== "json" && a.encoding !== "raw")
        report(file, [...path, argName, "encoding"], "encoding applies to list, model, json and raw body arguments only");
      if (name === "json" && a.encoding !== "json") report(file, [...path, argName, "encoding"], "a json argument travels as JSON text: give it encoding: json");
      if (a.maxItems !== undefined && !list) report(file, [...path, argName, "maxItems"], "maxItems applies to list arguments only");
      if (a.values) {
        const e = enums[name];
        if (!e) report(file, [...path, argName, "values"], "values narrows an enum; this argument's type is not one");
        else
          a.values.forEach((v, i) => {
            if (!Object.values(e.values).includes(v)) report(file, [...path, argName, "values", i], `"${v}" is not a value of enum ${name}`);
          });
      }
      if (a.selects) {
        const target = models[a.selects];
        if (!target) report(file, [...path, argName, "selects"], `unknown model "${a.selects}"`);
        else if (!list) report(file, [...path, argName, "selects"], "a selecting argument is a list of field names");
        else
          for (const v of a.values ?? Object.values(enums[name]?.values ?? {}))
            if (!target.fields[String(v)]?.selectable)
              report(file, [...path, argName, "selects"], `"${v}" is not a selectable field of ${a.selects} (mark it selectable: true)`);
      }
      if (api.data.style === "rpc" && a.in !== "body") report(file, [...path, argName, "in"], "rpc-style arguments travel in the body");
      if (a.pattern !== undefined) {
        try {
          new RegExp(a.pattern);
        } catch (e) {
          report(file, [...path, argName, "pattern"], `not a regular expression: ${(e as Error).message}`);
        }
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

  const methodIds = new Map<string, { kind: string }>();
  const groupNames = new Set<string>();
  for (const g of groups) {
    if (groupNames.has(g.data.group)) report(g, ["group"], `group "${g.data.group}" is defined twice`);
    groupNames.add(g.data.group);
    for (const [key, m] of Object.entries(g.data.methods)) {
      if (methodIds.has(m.id)) report(g, ["methods", key, "id"], `method id "${m.id}" is defined twice`);
      methodIds.set(m.id, m);
    }
  }

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
        if (generated in models || inlineNames.has(generated)) report(g, at, `the model name ${generated} collides with the type generated for this method`);
      checkArgs(g, [...at, "args"], m.args, api.data.style === "rest" ? m.http.path : undefined);
      m.requireOneOf.forEach((names, i) =>
        names.forEach((n, j) => {
          if (!(n in m.args)) report(g, [...at, "requireOneOf", i, j], `"${n}" is not an argument of the method`);
          else if (m.args[n]!.required) report(g, [...at, "requireOneOf", i, j], `"${n}" is required already`);
        }),
      );
      if ("variants" in m.response)
        m.response.variants.forEach((v, i) => {
          if (typeof v.body === "string") {
            if (!(v.body in models) && !inlineNames.has(v.body)) report(g, [...at, "response", "variants", i, "body"], `unknown model "${v.body}"`);
          } else checkFields(g, [...at, "response", "variants", i, "body", "fields"], v.body.fields);
          if (v.whenArgument && m.args[v.whenArgument.name]?.type !== "boolean")
            report(g, [...at, "response", "variants", i, "whenArgument", "name"], `"${v.whenArgument.name}" is not a boolean argument of the method`);
        });
      if ("variants" in m.response && m.response.variants.some((v) => v.whenArgument) && m.response.variants.filter((v) => !v.whenArgument).length !== 1)
        report(g, [...at, "response", "variants"], "variants selected by whenArgument need exactly one variant without it (the one returned otherwise)");
      const statuses = api.data.errors.statuses ?? {};
      m.errors.forEach((code, i) => {
        if (!(String(code) in api.data.errors.codes) && !(String(code) in statuses))
          report(g, [...at, "errors", i], `error code ${code} is not in api.yaml errors.${api.data.errors.statuses ? "statuses" : "codes"}`);
      });
      if ("kind" in m.response) {
        if (!api.data.envelope) report(g, [...at, "response"], "an enveloped response needs api.yaml envelope");
        if (!knownType(m.response.data)) report(g, [...at, "response", "data"], `unknown type "${m.response.data}"`);
      }
      const scopes = api.data.auth.oauth2?.scopes ?? {};
      m.scopes?.forEach((scope, i) => {
        if (!(scope in scopes)) report(g, [...at, "scopes", i], `unknown scope "${scope}" (not in api.yaml auth.oauth2.scopes)`);
      });
      if (m.asyncJob && !api.data.asyncJobs) report(g, [...at, "asyncJob"], "api.yaml has no asyncJobs section saying how to poll");
      const rawArgs = Object.values(m.args).filter((a) => a.encoding === "raw");
      if (m.upload && rawArgs.length !== 1) report(g, [...at, "upload"], "an upload has exactly one argument with encoding: raw");
      if (!m.upload && rawArgs.length > 0) report(g, [...at, "args"], "a raw body argument makes the method an upload: set upload: true");
      if (m.kind === "read" && m.http.method === "DELETE") report(g, [...at, "kind"], "a DELETE is a write");
      for (const code of Object.keys(m.errorMessages ?? {}))
        if (!m.errors.includes(Number(code))) report(g, [...at, "errorMessages", code], `code ${code} is not listed in this method's errors`);
      m.rules.forEach((rule, i) => {
        if (!(rule in api.data.rules)) report(g, [...at, "rules", i], `unknown rule "${rule}"`);
      });
      m.invalidates.forEach((target, i) => {
        const t = methodIds.get(target);
        if (!t) report(g, [...at, "invalidates", i], `unknown method "${target}"`);
        else if (t.kind !== "read") report(g, [...at, "invalidates", i], `"${target}" is not a read; only reads are cached`);
      });
      if (m.paging) {
        const argNames = m.paging.kind === "offset" ? [m.paging.limitArg, m.paging.offsetArg, m.paging.orderArg] : [m.paging.pageSizeArg, m.paging.tokenArg];
        for (const a of argNames) if (!(a in m.args)) report(g, [...at, "paging"], `paging argument "${a}" is not an argument of the method`);
      }
      if (m.incremental && !(m.incremental.sinceArg in m.args)) report(g, [...at, "incremental", "sinceArg"], `"${m.incremental.sinceArg}" is not an argument of the method`);
      if (m.assistant?.default && m.http.method === "DELETE") report(g, [...at, "assistant", "default"], "deletes stay out of the assistant's default set");
      m.examples.forEach((ex, i) =>
        ex.repairs.forEach((r, j) => {
          if (!ex.text.includes(r.find)) report(g, [...at, "examples", i, "repairs", j, "find"], "this text does not occur in the example");
        }),
      );
    }
  }

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
