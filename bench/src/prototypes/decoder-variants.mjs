/**
 * NOT the product: hand-written prototypes of what tools/codegen/src/emitters/decoders.ts and
 * packages/core/src/runtime/decode.ts could emit instead, for the Task / TaskFilterList models only, to
 * measure what change would bring the generated decoder to the figure-2 targets. Same results and same
 * issue paths as the generated decoders (checked in fig2), JSON and XML alike.
 *
 * lazyPath: the current code, except that no path string is built unless an issue is recorded: decoders
 *   take (value, key, ctx) and ctx.path holds the parent segments (pushed on entry, popped on exit).
 * inline: lazyPath, plus the generated code checks the common case inline (typeof / isSafeInteger) and
 *   only calls the runtime (and writes back) when the value is not already canonical; scalar lists get
 *   one specialised loop per item type instead of a generic loop calling an item decoder.
 */
import { decode as d } from "@wrikekit/core/runtime";

const INTEGER_TEXT = /^-?\d+$/;

function newContext(xml) {
  return { issues: [], xml, path: [] };
}

function pathOf(ctx, key) {
  let out = "";
  for (const seg of ctx.path) out = d.joinPath(out, seg);
  return d.joinPath(out, key);
}

function fail(value, key, expected, ctx) {
  ctx.issues.push({ path: pathOf(ctx, key), expected, received: typeof value });
  return value;
}

// ------------------------------------------------------------------ runtime primitives, lazy paths
const id = (v, key, ctx) => {
  if (typeof v === "number" && Number.isSafeInteger(v)) return v;
  if (typeof v === "string" && INTEGER_TEXT.test(v)) return Number(v);
  return fail(v, key, "an id (integer or numeric string)", ctx);
};
const integer = (v, key, ctx) => {
  if (typeof v === "number" && Number.isSafeInteger(v)) return v;
  if (ctx.xml && typeof v === "string" && INTEGER_TEXT.test(v)) return Number(v);
  return fail(v, key, "integer", ctx);
};
const boolean = (v, key, ctx) => {
  if (typeof v === "boolean") return v;
  if (ctx.xml && (v === "true" || v === "false")) return v === "true";
  return fail(v, key, "boolean", ctx);
};
const string = (v, key, ctx) => (typeof v === "string" ? v : fail(v, key, "string", ctx));

function object(v, key, ctx) {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) return v;
  if (ctx.xml && v === "") return {};
  fail(v, key, "object", ctx);
  return undefined;
}

/** The items of a list value (JSON array or XML wrapper), or undefined after reporting. */
function items(v, key, ctx, itemElement) {
  if (Array.isArray(v)) return v;
  if (ctx.xml && v === "") return [];
  if (ctx.xml && typeof v === "object" && v !== null && itemElement in v) {
    const inner = v[itemElement];
    return Array.isArray(inner) ? inner : [inner];
  }
  fail(v, key, "list", ctx);
  return undefined;
}

function list(v, key, ctx, itemElement, decodeItem) {
  const a = items(v, key, ctx, itemElement);
  if (a === undefined) return v;
  ctx.path.push(key);
  for (let i = 0; i < a.length; i++) a[i] = decodeItem(a[i], i, ctx);
  ctx.path.pop();
  return a;
}

function stringList(v, key, ctx, itemElement) {
  const a = items(v, key, ctx, itemElement);
  if (a === undefined) return v;
  for (let i = 0; i < a.length; i++)
    if (typeof a[i] !== "string") {
      ctx.path.push(key);
      fail(a[i], i, "string", ctx);
      ctx.path.pop();
    }
  return a;
}

function idList(v, key, ctx, itemElement) {
  const a = items(v, key, ctx, itemElement);
  if (a === undefined) return v;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x === "number" && Number.isSafeInteger(x)) continue;
    ctx.path.push(key);
    a[i] = id(x, i, ctx);
    ctx.path.pop();
  }
  return a;
}

// ------------------------------------------------------------------ variant "lazyPath"
function lazyTask(value, key, ctx) {
  const o = object(value, key, ctx);
  if (o === undefined) return value;
  ctx.path.push(key);
  let v;
  v = o.id; if (v === undefined) fail(v, "id", "present (required field)", ctx); else o.id = id(v, "id", ctx);
  v = o.title; if (v !== undefined) o.title = string(v, "title", ctx);
  v = o.description; if (v !== undefined) o.description = string(v, "description", ctx);
  v = o.authorUid; if (v !== undefined) o.authorUid = string(v, "authorUid", ctx);
  v = o.createdDate; if (v !== undefined) o.createdDate = string(v, "createdDate", ctx);
  v = o.whoChanged; if (v !== undefined) o.whoChanged = string(v, "whoChanged", ctx);
  v = o.lastUpdatedDate; if (v !== undefined) o.lastUpdatedDate = string(v, "lastUpdatedDate", ctx);
  v = o.attachmentsCount; if (v !== undefined) o.attachmentsCount = integer(v, "attachmentsCount", ctx);
  v = o.commentsCount; if (v !== undefined) o.commentsCount = integer(v, "commentsCount", ctx);
  v = o.responsibleUsers; if (v !== undefined) o.responsibleUsers = list(v, "responsibleUsers", ctx, "uid", string);
  v = o.sharedUsers; if (v !== undefined) o.sharedUsers = list(v, "sharedUsers", ctx, "uid", string);
  v = o.parents; if (v !== undefined) o.parents = list(v, "parents", ctx, "id", id);
  v = o.deleted; if (v !== undefined) o.deleted = boolean(v, "deleted", ctx);
  v = o.status; if (v !== undefined) o.status = integer(v, "status", ctx);
  v = o.importance; if (v !== undefined) o.importance = integer(v, "importance", ctx);
  v = o.startDate; if (v !== undefined) o.startDate = string(v, "startDate", ctx);
  v = o.dueDate; if (v !== undefined) o.dueDate = string(v, "dueDate", ctx);
  v = o.duration; if (v !== undefined) o.duration = string(v, "duration", ctx);
  v = o.predecessor; if (v !== undefined) o.predecessor = list(v, "predecessor", ctx, "id", id);
  v = o.successor; if (v !== undefined) o.successor = list(v, "successor", ctx, "id", id);
  v = o.type; if (v !== undefined) o.type = string(v, "type", ctx);
  v = o.recurenceTemplate; if (v !== undefined) o.recurenceTemplate = string(v, "recurenceTemplate", ctx);
  v = o.asyncKey; if (v !== undefined) o.asyncKey = string(v, "asyncKey", ctx);
  ctx.path.pop();
  return o;
}

function lazyTaskFilterList(value, key, ctx) {
  const o = object(value, key, ctx);
  if (o === undefined) return value;
  ctx.path.push(key);
  let v;
  v = o.tLast; if (v === undefined) fail(v, "tLast", "present (required field)", ctx); else o.tLast = integer(v, "tLast", ctx);
  v = o.list; if (v === undefined) fail(v, "list", "present (required field)", ctx); else o.list = list(v, "list", ctx, "task", lazyTask);
  v = o.asyncKey; if (v !== undefined) o.asyncKey = string(v, "asyncKey", ctx);
  ctx.path.pop();
  return o;
}

// ------------------------------------------------------------------ variant "inline"
function inlineTask(value, key, ctx) {
  const o = object(value, key, ctx);
  if (o === undefined) return value;
  ctx.path.push(key);
  let v;
  v = o.id; if (v === undefined) fail(v, "id", "present (required field)", ctx); else if (!Number.isSafeInteger(v)) o.id = id(v, "id", ctx);
  v = o.title; if (v !== undefined && typeof v !== "string") fail(v, "title", "string", ctx);
  v = o.description; if (v !== undefined && typeof v !== "string") fail(v, "description", "string", ctx);
  v = o.authorUid; if (v !== undefined && typeof v !== "string") fail(v, "authorUid", "string", ctx);
  v = o.createdDate; if (v !== undefined && typeof v !== "string") fail(v, "createdDate", "string", ctx);
  v = o.whoChanged; if (v !== undefined && typeof v !== "string") fail(v, "whoChanged", "string", ctx);
  v = o.lastUpdatedDate; if (v !== undefined && typeof v !== "string") fail(v, "lastUpdatedDate", "string", ctx);
  v = o.attachmentsCount; if (v !== undefined && !Number.isSafeInteger(v)) o.attachmentsCount = integer(v, "attachmentsCount", ctx);
  v = o.commentsCount; if (v !== undefined && !Number.isSafeInteger(v)) o.commentsCount = integer(v, "commentsCount", ctx);
  v = o.responsibleUsers; if (v !== undefined) o.responsibleUsers = stringList(v, "responsibleUsers", ctx, "uid");
  v = o.sharedUsers; if (v !== undefined) o.sharedUsers = stringList(v, "sharedUsers", ctx, "uid");
  v = o.parents; if (v !== undefined) o.parents = idList(v, "parents", ctx, "id");
  v = o.deleted; if (v !== undefined && typeof v !== "boolean") o.deleted = boolean(v, "deleted", ctx);
  v = o.status; if (v !== undefined && !Number.isSafeInteger(v)) o.status = integer(v, "status", ctx);
  v = o.importance; if (v !== undefined && !Number.isSafeInteger(v)) o.importance = integer(v, "importance", ctx);
  v = o.startDate; if (v !== undefined && typeof v !== "string") fail(v, "startDate", "string", ctx);
  v = o.dueDate; if (v !== undefined && typeof v !== "string") fail(v, "dueDate", "string", ctx);
  v = o.duration; if (v !== undefined && typeof v !== "string") fail(v, "duration", "string", ctx);
  v = o.predecessor; if (v !== undefined) o.predecessor = idList(v, "predecessor", ctx, "id");
  v = o.successor; if (v !== undefined) o.successor = idList(v, "successor", ctx, "id");
  v = o.type; if (v !== undefined && typeof v !== "string") fail(v, "type", "string", ctx);
  v = o.recurenceTemplate; if (v !== undefined && typeof v !== "string") fail(v, "recurenceTemplate", "string", ctx);
  v = o.asyncKey; if (v !== undefined && typeof v !== "string") fail(v, "asyncKey", "string", ctx);
  ctx.path.pop();
  return o;
}

function inlineTaskFilterList(value, key, ctx) {
  const o = object(value, key, ctx);
  if (o === undefined) return value;
  ctx.path.push(key);
  let v;
  v = o.tLast; if (v === undefined) fail(v, "tLast", "present (required field)", ctx); else if (!Number.isSafeInteger(v)) o.tLast = integer(v, "tLast", ctx);
  v = o.list; if (v === undefined) fail(v, "list", "present (required field)", ctx); else o.list = list(v, "list", ctx, "task", inlineTask);
  v = o.asyncKey; if (v !== undefined && typeof v !== "string") fail(v, "asyncKey", "string", ctx);
  ctx.path.pop();
  return o;
}

function root(decodeList) {
  return (document, xml) => {
    const ctx = newContext(xml);
    const doc = document;
    let result;
    if (typeof doc === "object" && doc !== null && doc.filteredList !== undefined) result = decodeList(doc.filteredList, "filteredList", ctx);
    else throw new Error("prototype: only the filteredList variant");
    return { result, issues: ctx.issues };
  };
}

/** (document, xml) => { result, issues } */
export const decodeTaskFilterLazyPath = root(lazyTaskFilterList);
export const decodeTaskFilterInline = root(inlineTaskFilterList);
