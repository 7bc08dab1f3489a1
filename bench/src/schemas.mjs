/**
 * The wrike.task.filter result written by hand for zod 4 and ajv 8, the same shape as the spec's Task
 * model (spec/api.yaml) and the filteredList / filteredListCount variants (spec/methods/task.yaml):
 * ids are a safe integer or a numeric string, every field but id (and tLast, list, count) is optional,
 * the enums (status, importance) are open (any integer), and fields the spec does not list are allowed.
 *
 * zod normalises ids to numbers with a transform, as the generated decoder does; ajv only validates
 * (it has no per-branch transform), which favours ajv.
 */
import { z } from "zod";
import Ajv from "ajv";

const INTEGER_TEXT = /^-?\d+$/;

// ---------------------------------------------------------------- zod 4
const zId = z.union([z.int(), z.string().regex(INTEGER_TEXT).transform(Number)]);
const zTask = z.looseObject({
  id: zId,
  title: z.string().optional(),
  description: z.string().optional(),
  authorUid: z.string().optional(),
  createdDate: z.string().optional(),
  whoChanged: z.string().optional(),
  lastUpdatedDate: z.string().optional(),
  attachmentsCount: z.int().optional(),
  commentsCount: z.int().optional(),
  responsibleUsers: z.array(z.string()).optional(),
  sharedUsers: z.array(z.string()).optional(),
  parents: z.array(zId).optional(),
  deleted: z.boolean().optional(),
  status: z.int().optional(),
  importance: z.int().optional(),
  startDate: z.string().optional(),
  dueDate: z.string().optional(),
  duration: z.string().optional(),
  predecessor: z.array(zId).optional(),
  successor: z.array(zId).optional(),
  type: z.string().optional(),
  recurenceTemplate: z.string().optional(),
  asyncKey: z.string().optional(),
});
export const zodTaskFilterResult = z.union([
  z.looseObject({ filteredList: z.looseObject({ tLast: z.int(), list: z.array(zTask), asyncKey: z.string().optional() }) }),
  z.looseObject({ filteredListCount: z.looseObject({ tLast: z.int(), count: z.int(), asyncKey: z.string().optional() }) }),
]);

// ---------------------------------------------------------------- ajv 8 (compiled)
const aId = { anyOf: [{ type: "integer" }, { type: "string", pattern: "^-?\\d+$" }] };
const aString = { type: "string" };
const aInt = { type: "integer" };
const aTask = {
  type: "object",
  required: ["id"],
  properties: {
    id: aId,
    title: aString,
    description: aString,
    authorUid: aString,
    createdDate: aString,
    whoChanged: aString,
    lastUpdatedDate: aString,
    attachmentsCount: aInt,
    commentsCount: aInt,
    responsibleUsers: { type: "array", items: aString },
    sharedUsers: { type: "array", items: aString },
    parents: { type: "array", items: aId },
    deleted: { type: "boolean" },
    status: aInt,
    importance: aInt,
    startDate: aString,
    dueDate: aString,
    duration: aString,
    predecessor: { type: "array", items: aId },
    successor: { type: "array", items: aId },
    type: aString,
    recurenceTemplate: aString,
    asyncKey: aString,
  },
};
const ajvSchema = {
  type: "object",
  anyOf: [
    {
      required: ["filteredList"],
      properties: {
        filteredList: { type: "object", required: ["tLast", "list"], properties: { tLast: aInt, list: { type: "array", items: aTask }, asyncKey: aString } },
      },
    },
    {
      required: ["filteredListCount"],
      properties: {
        filteredListCount: { type: "object", required: ["tLast", "count"], properties: { tLast: aInt, count: aInt, asyncKey: aString } },
      },
    },
  ],
};
export const ajvValidateTaskFilterResult = new Ajv().compile(ajvSchema);

// ---------------------------------------------------------------- hand-written (the limit)
const isString = (v) => v === undefined || typeof v === "string";
const isInt = (v) => v === undefined || Number.isSafeInteger(v);

/** An id normalised to a number, or NaN when it is none. */
function idOf(v) {
  if (typeof v === "number") return Number.isSafeInteger(v) ? v : NaN;
  if (typeof v === "string" && INTEGER_TEXT.test(v)) return Number(v);
  return NaN;
}

function idList(list) {
  if (list === undefined) return true;
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) {
    const id = idOf(list[i]);
    if (id !== id) return false;
    list[i] = id;
  }
  return true;
}

function stringList(list) {
  if (list === undefined) return true;
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== "string") return false;
  return true;
}

function checkTask(t) {
  if (typeof t !== "object" || t === null || Array.isArray(t)) return false;
  const id = idOf(t.id);
  if (id !== id) return false;
  t.id = id;
  return (
    isString(t.title) &&
    isString(t.description) &&
    isString(t.authorUid) &&
    isString(t.createdDate) &&
    isString(t.whoChanged) &&
    isString(t.lastUpdatedDate) &&
    isInt(t.attachmentsCount) &&
    isInt(t.commentsCount) &&
    stringList(t.responsibleUsers) &&
    stringList(t.sharedUsers) &&
    idList(t.parents) &&
    (t.deleted === undefined || typeof t.deleted === "boolean") &&
    isInt(t.status) &&
    isInt(t.importance) &&
    isString(t.startDate) &&
    isString(t.dueDate) &&
    isString(t.duration) &&
    idList(t.predecessor) &&
    idList(t.successor) &&
    isString(t.type) &&
    isString(t.recurenceTemplate) &&
    isString(t.asyncKey)
  );
}

/** Checks and normalises in place like the generated decoder; says only whether the document is valid. */
export function handCheckTaskFilterResult(doc) {
  if (typeof doc !== "object" || doc === null) return false;
  const fl = doc.filteredList;
  if (fl !== undefined) {
    if (typeof fl !== "object" || fl === null || !Number.isSafeInteger(fl.tLast) || !Array.isArray(fl.list) || !isString(fl.asyncKey)) return false;
    const list = fl.list;
    for (let i = 0; i < list.length; i++) if (!checkTask(list[i])) return false;
    return true;
  }
  const fc = doc.filteredListCount;
  return typeof fc === "object" && fc !== null && Number.isSafeInteger(fc.tLast) && Number.isSafeInteger(fc.count) && isString(fc.asyncKey);
}
