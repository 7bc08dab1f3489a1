/**
 * Reads spec/ from disk, checks it against schema.ts and against itself (names resolve, codes exist),
 * and returns it in the shape the emitters use. Every mistake is reported with its file, its path inside
 * the file and, where the YAML parser knows it, the line.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import type { z } from "zod";
import { apiFileSchema, eventsFileSchema, groupFileSchema, type ApiFile, type EventsFile, type GroupFile } from "./schema.js";
import { checkReferences } from "./references.js";
import { readYamlQuickly } from "./fast-yaml.js";
import { SpecError, type ParsedFile, type SpecProblem } from "./problems.js";

export { SpecError, formatPath, formatProblem, type SpecProblem } from "./problems.js";

export interface Spec {
  api: ApiFile;
  groups: GroupFile[];
  /** Source file of each group, for reference-check messages. */
  groupFiles: Map<string, string>;
  /** Webhook event types (events.yaml), for APIs that have them. */
  events?: EventsFile;
}


/** Each kind of spec file, with what an empty one is missing. */
interface FileKind<S extends z.ZodType> {
  schema: S;
  /** The keys the file starts with, for the message about an empty file. */
  needs: string;
}
const apiFile: FileKind<typeof apiFileSchema> = { schema: apiFileSchema, needs: "name:, title:, style:, baseUrl:, ... (see spec/README.md)" };
const groupFile: FileKind<typeof groupFileSchema> = { schema: groupFileSchema, needs: "group: and methods:" };
const eventsFile: FileKind<typeof eventsFileSchema> = { schema: eventsFileSchema, needs: "discriminator:, bodyIsArray:, commonFields: and events:" };

function parseYamlFile<S extends z.ZodType>(absPath: string, file: string, kind: FileKind<S>, problems: SpecProblem[]): ParsedFile<z.infer<S>> | undefined {
  const { schema } = kind;
  const source = readFileSync(absPath, "utf8");
  // The quick reading serves a good file; a broken one is read again with `yaml` to say where it is broken.
  const quick = readYamlQuickly(source);
  const quickResult = quick && protoKeyPaths(quick.value).length === 0 ? schema.safeParse(quick.value) : undefined;
  if (quickResult?.success) {
    let lineOf: ParsedFile<unknown>["lineOf"] | undefined;
    return { file, data: quickResult.data, lineOf: (path) => (lineOf ??= locate(source).lineOf)(path) };
  }
  const { doc, lineOf } = locate(source);
  if (doc.errors.length > 0) {
    // The first syntax error is the one to fix; those after it are usually its echoes.
    const err = doc.errors[0]!;
    problems.push({ file, path: [], line: err.linePos?.[0]?.line, message: err.message });
    return undefined;
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) {
    problems.push({ file, path: [], line: 1, message: `the file is empty; it needs ${kind.needs}` });
    return undefined;
  }
  // Validation would drop a `__proto__` key without a word (it cannot be an own key of a JavaScript object).
  const protoPaths = protoKeyPaths(value);
  for (const path of protoPaths) problems.push({ file, path, line: lineOf(path), message: '"__proto__" cannot be a name in the spec (JavaScript drops it): choose another name' });
  if (protoPaths.length > 0) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...problemsOf(file, issue, lineOf));
    return undefined;
  }
  return { file, data: result.data, lineOf };
}

/** The problems one schema issue stands for, each at the path of the key or value to change. */
function problemsOf(file: string, issue: z.core.$ZodIssue, lineOf: ParsedFile<unknown>["lineOf"]): SpecProblem[] {
  const path = issue.path.map((seg) => (typeof seg === "symbol" ? String(seg) : seg));
  const at = (p: (string | number)[], message: string): SpecProblem => ({ file, path: p, line: lineOf(p), message });
  // One problem per unknown key, at the key's own line.
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => at([...path, key], `unknown key "${key}": remove it or correct its spelling`));
  // A record key that fails its rule: say the rule, not just "Invalid key in record".
  if (issue.code === "invalid_key") return [at(path, issue.issues.map((i) => i.message).join("; "))];
  return [at(path, issue.message)];
}

/** Paths of every `__proto__` key in a parsed YAML value. */
function protoKeyPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => protoKeyPaths(v, [...path, i]));
  if (typeof value !== "object" || value === null) return [];
  return Object.keys(value).flatMap((key) => (key === "__proto__" ? [[...path, key]] : protoKeyPaths((value as Record<string, unknown>)[key], [...path, key])));
}

/** The file as a `yaml` Document, which knows the line of every node. */
function locate(source: string): { doc: Document.Parsed; lineOf: ParsedFile<unknown>["lineOf"] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true });
  const lineOf = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { doc, lineOf };
}

/** Loads and checks the spec in `specDir`; throws SpecError listing every problem found. */
export function loadSpec(specDir: string, displayRoot = join(specDir, "..")): Spec {
  const problems: SpecProblem[] = [];
  const display = (abs: string) => relative(displayRoot, abs);
  const apiPath = join(specDir, "api.yaml");
  const api = parseYamlFile(apiPath, display(apiPath), apiFile, problems);
  const methodsDir = join(specDir, "methods");
  const groups: ParsedFile<GroupFile>[] = [];
  for (const name of readdirSync(methodsDir).filter((n) => n.endsWith(".yaml")).sort()) {
    const abs = join(methodsDir, name);
    const parsed = parseYamlFile(abs, display(abs), groupFile, problems);
    if (parsed) groups.push(parsed);
  }
  const eventsPath = join(specDir, "events.yaml");
  const events = existsSync(eventsPath) ? parseYamlFile(eventsPath, display(eventsPath), eventsFile, problems) : undefined;
  if (api && problems.length === 0) checkReferences(api, groups, problems, events);
  if (problems.length > 0) throw new SpecError(problems);
  return {
    api: api!.data,
    groups: groups.map((g) => g.data),
    groupFiles: new Map(groups.map((g) => [g.data.group, g.file])),
    ...(events ? { events: events.data } : {}),
  };
}

