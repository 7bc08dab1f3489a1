/**
 * Deterministic documents shaped like the Wrike reference examples: wrike.task.filter answers with N
 * full tasks (every field of the spec's Task model). Ids come as the reference sends them: the task id a
 * number, parent/predecessor/successor ids numeric strings (decoded to numbers). One task in ten carries
 * a field the spec does not know (extra fields are allowed), and some descriptions need XML escaping.
 */

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "report plan budget review design launch sync draft client release sprint audit roadmap invoice hiring metrics backlog".split(" ");
const UIDS = ["9zuLfzS9mEUm", "0n5ATyHaSls6", "GCG7DDZ4Q1ic", "N5L9OlSRomRp", "t3acIwjcblNN", "7TndRrK3cqdk", "OYgzyijdAo5Q"];

const pad = (n) => String(n).padStart(2, "0");
function timestamp(rand) {
  const d = new Date(Date.UTC(2010, 0, 1) + Math.floor(rand() * 3 * 365 * 86400) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${Math.floor(rand() * 1000)}`;
}

function words(rand, count) {
  let out = "";
  for (let i = 0; i < count; i++) out += (i ? " " : "") + WORDS[Math.floor(rand() * WORDS.length)];
  return out;
}

function pick(rand, list, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(list[Math.floor(rand() * list.length)]);
  return out;
}

export function makeTask(i, rand) {
  const task = {
    id: 369000 + i,
    title: `${words(rand, 2 + Math.floor(rand() * 4))} #${i}`,
    description: i % 7 === 0 ? "" : `${words(rand, 8 + Math.floor(rand() * 20))}${i % 5 === 0 ? " & <b>check</b> \"Q3\"" : ""}`,
    authorUid: UIDS[i % UIDS.length],
    createdDate: timestamp(rand),
    whoChanged: UIDS[(i + 3) % UIDS.length],
    lastUpdatedDate: timestamp(rand),
    attachmentsCount: Math.floor(rand() * 4),
    commentsCount: Math.floor(rand() * 12),
    responsibleUsers: pick(rand, UIDS, 1 + Math.floor(rand() * 3)),
    sharedUsers: pick(rand, UIDS, 2 + Math.floor(rand() * 4)),
    parents: pick(rand, ["354504", "284064", "0", "354510"], 1 + Math.floor(rand() * 2)),
    status: Math.floor(rand() * 4),
    importance: Math.floor(rand() * 3),
    startDate: i % 4 === 0 ? "" : timestamp(rand),
    dueDate: i % 4 === 0 ? "" : timestamp(rand),
    duration: String(Math.floor(rand() * 9600)),
    predecessor: i % 3 === 0 ? [String(369000 + i - 1)] : [],
    successor: i % 3 === 1 ? [String(369000 + i + 1)] : [],
    type: "task",
    recurenceTemplate: "",
  };
  if (i % 10 === 0) task.hasDescendants = false; // not in the spec: must be let through
  return task;
}

export function makeTasks(count, seed = 42) {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => makeTask(i, rand));
}

/** The wrike.task.filter document {filteredList: {tLast, list}}. */
export function taskFilterDocument(count, seed = 42) {
  return { filteredList: { tLast: 1290072853886, list: makeTasks(count, seed) } };
}

// ---------------------------------------------------------------- Wrike API v4
/** A v4 id: 16 characters as today, or every seventh in the long form of Wrike's July 2025 change. */
const v4Id = (i) => (i % 7 === 0 ? `IEAGKVLF${"K".repeat(200)}${i}` : `IEAGKVLFKQ${String(i).padStart(6, "0")}`);
const v4Timestamp = (rand) => timestamp(rand).replace(" ", "T").replace(/\.\d+$/, "Z");

/** One v4 Task with every field a GET /tasks answer carries when `fields` asks for all of them. */
export function makeV4Task(i, rand) {
  const task = {
    id: v4Id(i),
    accountId: "IEAGKVLF",
    title: `${words(rand, 2 + Math.floor(rand() * 4))} #${i}`,
    description: i % 7 === 0 ? "" : words(rand, 8 + Math.floor(rand() * 20)),
    briefDescription: words(rand, 4),
    parentIds: pick(rand, [v4Id(1), v4Id(2), v4Id(3)], 1 + Math.floor(rand() * 2)),
    superParentIds: [],
    sharedIds: pick(rand, [v4Id(10), v4Id(11), v4Id(12), v4Id(14)], 1 + Math.floor(rand() * 3)),
    responsibleIds: pick(rand, [v4Id(10), v4Id(11), v4Id(12)], Math.floor(rand() * 3)),
    status: ["Active", "Completed", "Deferred", "Cancelled"][Math.floor(rand() * 4)],
    importance: ["High", "Normal", "Low"][Math.floor(rand() * 3)],
    createdDate: v4Timestamp(rand),
    updatedDate: v4Timestamp(rand),
    dates: i % 4 === 0 ? { type: "Backlog" } : { type: "Planned", duration: Math.floor(rand() * 9600), start: "2026-11-04T09:00:00", due: "2026-11-08T17:00:00", workOnWeekends: rand() < 0.2 },
    scope: "WsTask",
    authorIds: [v4Id(10 + (i % 3))],
    customStatusId: "IEAGKVLFJMAAAAAA",
    hasAttachments: i % 3 === 0,
    attachmentCount: i % 3,
    permalink: `https://www.wrike.com/open.htm?id=${1000000 + i}`,
    priority: (1e8 + i).toString(16),
    followedByMe: rand() < 0.3,
    followerIds: pick(rand, [v4Id(10), v4Id(11)], 1),
    recurrent: false,
    superTaskIds: [],
    subTaskIds: i % 5 === 0 ? [v4Id(i + 1)] : [],
    dependencyIds: [],
    metadata: i % 2 === 0 ? [{ key: "source", value: "import" }, { key: "cleared", value: null }] : [],
    customFields: [{ id: "IEAGKVLFJUAAAAAA", value: String(Math.floor(rand() * 100)) }],
    effortAllocation: { mode: "FullTime", totalEffort: 480, allocatedEffort: Math.floor(rand() * 480) },
  };
  if (i % 10 === 0) task.addedByWrikeLater = true; // not in the spec: must be let through
  return task;
}

/** The GET /tasks answer {kind, data} with `count` tasks. */
export function v4TasksDocument(count, seed = 42) {
  const rand = prng(seed);
  return { kind: "tasks", data: Array.from({ length: count }, (_, i) => makeV4Task(i, rand)) };
}
