/**
 * Tasks: create in a folder, read, update one or many, delete to the recycle bin, and the three list
 * queries (account, folder, space) with Wrike's filters and page tokens. Rules: dates by type (Planned
 * needs start and due, Milestone a due date, Backlog neither), status and custom status agree, a task
 * is shared with its author, its responsibles and its folders' users, super tasks form no cycle,
 * metadata and custom field values are removed by null.
 */
import type { CustomFieldFilter, TaskDates as TaskDatesArgument } from "@wrikekit/client";
import { callerId, requireFullUser, visibleFolder, visibleTask, type V4Call } from "./call.js";
import { invalidParameter, notAllowed, V4Error } from "./errors.js";
import { filterScope, pageInIdOrder, pageSorted, type Page, type TotalsCache } from "./paging.js";
import { newId, type FolderRecord, type TaskDates, type TaskImportance, type TaskRecord, type TaskStatus, type V4State } from "./state.js";
import { localDateTime, parseTaskDate, parseUtcTimestamp } from "./time.js";
import { matchesMetadata, mergeCustomFields, mergeMetadata, NONE, requireTitle, requireUsers, union, type CustomFieldInput, type MetadataInput } from "./values.js";
import { resolveStatus } from "./workflows.js";

const MINUTES_PER_WORKDAY = 480;
const MAX_DURATION = 1_800_000;
const DAY_MS = 86_400_000;

export type TaskDatesInput = TaskDatesArgument;

/** Workdays from start to due, inclusive, times 8 hours (every day with workOnWeekends). */
function plannedDuration(start: number, due: number, workOnWeekends: boolean): number {
  let days = 0;
  for (let day = Math.floor(start / DAY_MS); day <= Math.floor(due / DAY_MS); day++) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (workOnWeekends || (weekday !== 0 && weekday !== 6)) days++;
  }
  return Math.max(days, 1) * MINUTES_PER_WORKDAY;
}

/** A date given as a day gets the working day's start (09:00) or end (17:00). */
function taskDate(text: string, argument: string, endOfDay: boolean): number {
  const ms = parseTaskDate(text, argument);
  return text.length === 10 ? ms + (endOfDay ? 17 : 9) * 3_600_000 : ms;
}

function checkRange(ms: number, argument: string): void {
  if (ms < 0 || ms >= Date.UTC(2100, 0, 1)) throw invalidParameter(argument, "must be from 1970-01-01T00:00:00 to before 2100-01-01T00:00:00");
}

/** Dates as given, completed by Wrike's rules; the type follows from the dates when it is not given. */
export function resolveDates(input: TaskDatesInput, current?: TaskDates): TaskDates {
  const workOnWeekends = input.workOnWeekends ?? current?.workOnWeekends ?? false;
  const type = input.type ?? (input.start !== undefined ? "Planned" : input.due !== undefined ? (input.duration !== undefined ? "Planned" : "Milestone") : current?.type ?? "Backlog");
  if (input.duration !== undefined && (input.duration < 0 || input.duration >= MAX_DURATION)) throw invalidParameter("dates.duration", `must be from 0 to below ${MAX_DURATION} minutes`);
  switch (type) {
    case "Backlog":
      if (input.start !== undefined || input.due !== undefined) throw invalidParameter("dates", "a Backlog task has no start or due date");
      return { type, duration: input.duration, start: undefined, due: undefined, workOnWeekends };
    case "Milestone": {
      const dueText = input.due ?? current?.due;
      if (dueText === undefined) throw invalidParameter("dates.due", "a Milestone needs a due date");
      if (input.start !== undefined) throw invalidParameter("dates.start", "a Milestone has a due date only");
      const due = taskDate(dueText, "dates.due", true);
      checkRange(due, "dates.due");
      return { type, duration: undefined, start: undefined, due: localDateTime(due), workOnWeekends };
    }
    case "Planned": {
      const startText = input.start ?? current?.start;
      let dueText = input.due ?? current?.due;
      if (startText === undefined) throw invalidParameter("dates.start", "a Planned task needs a start date");
      const start = taskDate(startText, "dates.start", false);
      checkRange(start, "dates.start");
      let due: number;
      if (dueText === undefined) {
        if (input.duration === undefined) throw invalidParameter("dates.due", "a Planned task needs a due date or a duration");
        due = start + Math.max(0, Math.ceil(input.duration / MINUTES_PER_WORKDAY) - 1) * DAY_MS + 8 * 3_600_000;
        dueText = localDateTime(due);
      } else due = taskDate(dueText, "dates.due", true);
      checkRange(due, "dates.due");
      if (due < start) throw invalidParameter("dates", `due ${dueText} is before start ${startText}`);
      return { type, duration: input.duration ?? plannedDuration(start, due, workOnWeekends), start: localDateTime(start), due: localDateTime(due), workOnWeekends };
    }
    default:
      throw invalidParameter("dates.type", `expected Planned, Milestone or Backlog, got ${JSON.stringify(type)}`);
  }
}

function writableParent(call: V4Call, id: string, argument: string): FolderRecord {
  const folder = visibleFolder(call, id);
  if (folder.scope === "RbRoot" || folder.scope === "RbFolder") throw invalidParameter(argument, `folder ${id} is in the recycle bin`);
  return folder;
}

/** The users who see a task whatever its own sharing says: the author, responsibles, and the users of its folders (the account root shares nothing). */
function inheritedSharing(state: V4State, t: TaskRecord): string[] {
  let shared = union([t.authorId], t.responsibleIds);
  for (const parent of t.parentIds) if (parent !== state.rootFolderId) shared = union(shared, state.folders.get(parent)?.sharedIds);
  return shared;
}

/** The users a task is shared with: its own, the given ones, and the inherited ones. */
function sharing(state: V4State, t: TaskRecord, extra: readonly string[] = []): string[] {
  return union(union(t.sharedIds, extra), inheritedSharing(state, t));
}

/** Links `task` under the super tasks, refusing a task that would become its own ancestor. */
function setSuperTasks(call: V4Call, task: TaskRecord, add: readonly string[] | undefined, remove: readonly string[] = []): void {
  for (const id of remove) {
    if (!task.superTaskIds.includes(id)) continue;
    task.superTaskIds = task.superTaskIds.filter((s) => s !== id);
    const parent = call.state.tasks.get(id);
    if (parent !== undefined) parent.subTaskIds = parent.subTaskIds.filter((s) => s !== task.id);
  }
  for (const id of add ?? []) {
    const parent = visibleTask(call, id);
    if (task.superTaskIds.includes(id)) continue;
    if (isAncestorOrSelf(call.state, task.id, parent)) throw invalidParameter("superTasks", `task ${id} is ${id === task.id ? "the task itself" : "a subtask of this task"}; a task cannot be its own super task`);
    task.superTaskIds = [...task.superTaskIds, id];
    parent.subTaskIds = [...parent.subTaskIds, task.id];
  }
}

function isAncestorOrSelf(state: V4State, ancestorId: string, task: TaskRecord): boolean {
  const seen = new Set<string>();
  const stack = [task];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.id === ancestorId) return true;
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    for (const s of t.superTaskIds) {
      const up = state.tasks.get(s);
      if (up !== undefined) stack.push(up);
    }
  }
  return false;
}

function applyStatus(call: V4Call, task: TaskRecord, status: TaskStatus | undefined, customStatus: string | undefined): void {
  const resolved = resolveStatus(call.state, status, customStatus);
  if (resolved === undefined) return;
  if (resolved.status === "Completed" && task.status !== "Completed") task.completedAt = call.at;
  if (resolved.status !== "Completed") task.completedAt = undefined;
  task.status = resolved.status;
  task.customStatusId = resolved.customStatusId;
}

export interface TaskCreateArgs {
  folderId: string;
  title: string;
  description?: string;
  status?: TaskStatus;
  importance?: TaskImportance;
  dates?: TaskDatesInput;
  shareds?: string[];
  parents?: string[];
  responsibles?: string[];
  followers?: string[];
  follow?: boolean;
  superTasks?: string[];
  metadata?: MetadataInput[];
  customFields?: CustomFieldInput[];
  customStatus?: string;
  billingType?: "Billable" | "NonBillable";
}

export function createTask(call: V4Call, args: TaskCreateArgs): TaskRecord {
  requireFullUser(call, "create tasks");
  const { state } = call;
  const parentIds = union([], [args.folderId, ...(args.parents ?? [])]);
  parentIds.forEach((id) => writableParent(call, id, id === args.folderId ? "folderId" : "parents"));
  // A task in the account root is in no folder: Wrike keeps it in the creator's "My Work".
  const inFolders = parentIds.filter((id) => id !== state.rootFolderId);
  const uid = callerId(call);
  const task: TaskRecord = {
    id: newId(state, "task"),
    title: requireTitle(args.title),
    description: args.description ?? "",
    status: "Active",
    customStatusId: "",
    importance: args.importance ?? "Normal",
    createdAt: call.at,
    updatedAt: call.at,
    completedAt: undefined,
    dates: resolveDates(args.dates ?? {}),
    scope: "WsTask",
    parentIds: inFolders.length > 0 ? inFolders : [state.rootFolderId],
    sharedIds: [],
    responsibleIds: requireUsers(state, args.responsibles, "responsibles"),
    followerIds: union(requireUsers(state, args.followers, "followers"), args.follow === false ? [] : [uid]),
    authorId: uid,
    superTaskIds: NONE,
    subTaskIds: NONE,
    dependencyIds: NONE,
    metadata: mergeMetadata(NONE, args.metadata),
    customFields: mergeCustomFields(call, NONE, args.customFields),
    priority: (state.nextCounter * 1024).toString(16).padStart(8, "0"),
    billingType: args.billingType,
    deletedFrom: undefined,
  };
  applyStatus(call, task, args.status ?? "Active", args.customStatus);
  task.sharedIds = sharing(state, task, requireUsers(state, args.shareds, "shareds"));
  setSuperTasks(call, task, args.superTasks);
  state.tasks.add(task);
  state.revision++;
  return task;
}

export interface TaskUpdateArgs {
  taskId: string;
  title?: string;
  description?: string;
  status?: TaskStatus;
  importance?: TaskImportance;
  dates?: TaskDatesInput;
  addParents?: string[];
  removeParents?: string[];
  addShareds?: string[];
  removeShareds?: string[];
  addResponsibles?: string[];
  removeResponsibles?: string[];
  addFollowers?: string[];
  follow?: boolean;
  addSuperTasks?: string[];
  removeSuperTasks?: string[];
  metadata?: MetadataInput[];
  customFields?: CustomFieldInput[];
  customStatus?: string;
  restore?: boolean;
  billingType?: "Billable" | "NonBillable";
}

/** What a Collaborator may change on a task assigned to them. */
const COLLABORATOR_CHANGES = new Set(["taskId", "status", "customStatus", "fields", "plainTextCustomFields", "withInvitations"]);

export function updateTask(call: V4Call, args: TaskUpdateArgs): TaskRecord {
  const { state } = call;
  const task = visibleTask(call, args.taskId);
  const uid = callerId(call);
  if (call.caller.person.role !== "User") {
    const other = Object.keys(args).find((k) => !COLLABORATOR_CHANGES.has(k));
    if (other !== undefined || !task.responsibleIds.includes(uid)) throw notAllowed("A Collaborator can change only the status of tasks assigned to them");
  }
  if (task.scope === "RbTask") {
    if (args.restore !== true) throw new V4Error(403, "access_forbidden", `Task ${task.id} is in the recycle bin; update it with restore=true first`);
    task.scope = "WsTask";
    task.parentIds = task.deletedFrom?.filter((id) => state.folders.get(id)?.scope === "WsFolder" || id === state.rootFolderId) ?? [state.rootFolderId];
    if (task.parentIds.length === 0) task.parentIds = [state.rootFolderId];
    task.deletedFrom = undefined;
  }
  if (args.title !== undefined) task.title = requireTitle(args.title);
  if (args.description !== undefined) task.description = args.description;
  if (args.importance !== undefined) task.importance = args.importance;
  if (args.dates !== undefined) task.dates = resolveDates(args.dates, args.dates.type === undefined ? task.dates : undefined);
  applyStatus(call, task, args.status, args.customStatus);
  if (args.addParents !== undefined || args.removeParents !== undefined) {
    args.addParents?.forEach((id) => writableParent(call, id, "addParents"));
    // The account root stands for "in no folder": it is never listed beside a real folder.
    const notRoot = (ids: readonly string[] = []) => ids.filter((id) => id !== state.rootFolderId);
    const parents = union(notRoot(task.parentIds), notRoot(args.addParents), args.removeParents);
    task.parentIds = parents.length > 0 ? parents : [state.rootFolderId];
  }
  task.responsibleIds = union(task.responsibleIds, requireUsers(state, args.addResponsibles, "addResponsibles"), args.removeResponsibles);
  task.followerIds = union(task.followerIds, [...requireUsers(state, args.addFollowers, "addFollowers"), ...(args.follow === true ? [uid] : [])], args.follow === false ? [uid] : []);
  // Someone who sees the task through its author, responsibles or folders cannot be unshared here; say so rather than keep them silently.
  const inherited = inheritedSharing(state, task);
  const kept = args.removeShareds?.find((id) => inherited.includes(id));
  if (kept !== undefined) throw invalidParameter("removeShareds", `${kept} sees the task as its author, a responsible or through one of its folders; change that instead`);
  task.sharedIds = sharing(state, { ...task, sharedIds: union(task.sharedIds, [], args.removeShareds) }, requireUsers(state, args.addShareds, "addShareds"));
  setSuperTasks(call, task, args.addSuperTasks, args.removeSuperTasks);
  task.metadata = mergeMetadata(task.metadata, args.metadata);
  task.customFields = mergeCustomFields(call, task.customFields, args.customFields);
  if (args.billingType !== undefined) task.billingType = args.billingType;
  task.updatedAt = call.at;
  return task;
}

export interface TaskUpdateManyArgs {
  taskIds: string[];
  customFields?: CustomFieldInput[];
  addParents?: string[];
  removeParents?: string[];
  addResponsibles?: string[];
  removeResponsibles?: string[];
  customStatus?: string;
}

/** Checks every task first, so that one bad id changes none. */
export function updateTasks(call: V4Call, args: TaskUpdateManyArgs): TaskRecord[] {
  const { taskIds, ...changes } = args;
  taskIds.forEach((id) => visibleTask(call, id));
  return taskIds.map((taskId) => updateTask(call, { taskId, ...changes }));
}

/** Moves the task to the recycle bin; its subtasks go with it, as in Wrike. */
export function deleteTask(call: V4Call, taskId: string): TaskRecord {
  requireFullUser(call, "delete tasks");
  const task = visibleTask(call, taskId);
  const bin = (t: TaskRecord) => {
    if (t.scope === "RbTask") return;
    t.deletedFrom = t.parentIds;
    t.parentIds = [call.state.recycleBinId];
    t.scope = "RbTask";
    t.updatedAt = call.at;
    for (const sub of t.subTaskIds) {
      const child = call.state.tasks.get(sub);
      if (child !== undefined) bin(child);
    }
  };
  bin(task);
  return task;
}

/** Removes a task for good (the emulator's own cleanup; the API only moves tasks to the bin). */
export function eraseTask(state: V4State, taskId: string): void {
  const task = state.tasks.get(taskId);
  if (task === undefined) return;
  for (const s of task.superTaskIds) {
    const parent = state.tasks.get(s);
    if (parent !== undefined) parent.subTaskIds = parent.subTaskIds.filter((id) => id !== taskId);
  }
  for (const depId of task.dependencyIds) {
    const dep = state.dependencies.get(depId);
    if (dep === undefined) continue;
    state.dependencies.delete(depId);
    for (const other of [dep.predecessorId, dep.successorId]) {
      const t = state.tasks.get(other);
      if (t !== undefined) t.dependencyIds = t.dependencyIds.filter((id) => id !== depId);
    }
  }
  state.tasks.delete(taskId);
  state.revision++;
}

export function getTasks(call: V4Call, ids: readonly string[]): TaskRecord[] {
  return ids.map((id) => visibleTask(call, id));
}

// ---------------------------------------------------------------- queries

interface RangeFilter {
  start?: string;
  end?: string;
  equal?: string;
}

export interface TaskQueryArgs {
  responsiblePlaceholders?: string[];
  customItemTypes?: string[];
  folderId?: string;
  spaceId?: string;
  descendants?: boolean;
  title?: string;
  status?: TaskStatus[];
  importance?: TaskImportance;
  startDate?: RangeFilter;
  dueDate?: RangeFilter;
  scheduledDate?: RangeFilter;
  createdDate?: RangeFilter;
  updatedDate?: RangeFilter;
  completedDate?: RangeFilter;
  authors?: string[];
  responsibles?: string[];
  permalink?: string;
  type?: string;
  limit?: number;
  sortField?: string;
  sortOrder?: "Asc" | "Desc";
  subTasks?: boolean;
  pageSize?: number;
  nextPageToken?: string;
  metadata?: { key?: string; value?: string | null };
  customField?: CustomFieldFilterInput;
  customFields?: CustomFieldFilterInput[];
  customStatuses?: string[];
  fields?: string[];
}

type CustomFieldFilterInput = CustomFieldFilter;

/** Arguments that do not change which tasks a query finds; a page token is bound to all the others. */
const NOT_FILTERS = new Set(["pageSize", "nextPageToken", "fields", "limit", "withInvitations", "plainTextCustomFields"]);

/** A task date (no zone) against a range: a day-only bound compares the day. */
function inDateRange(value: string | undefined, range: RangeFilter | undefined): boolean {
  if (range === undefined) return true;
  if (value === undefined) return false;
  const cut = (bound: string) => value.slice(0, bound.length);
  if (range.equal !== undefined) return cut(range.equal) === range.equal;
  return (range.start === undefined || cut(range.start) >= range.start) && (range.end === undefined || cut(range.end) <= range.end);
}

function timestampRange(range: RangeFilter | undefined, argument: string): ((ms: number | undefined) => boolean) | undefined {
  if (range === undefined) return undefined;
  const start = range.start === undefined ? -Infinity : parseUtcTimestamp(range.start, `${argument}.start`);
  const end = range.end === undefined ? Infinity : parseUtcTimestamp(range.end, `${argument}.end`);
  return (ms) => ms !== undefined && ms >= start && ms <= end;
}

function customFieldMatches(task: TaskRecord, filter: CustomFieldFilterInput): boolean {
  const value = task.customFields.find((c) => c.id === filter.id)?.value;
  switch (filter.comparator ?? "EqualTo") {
    case "EqualTo":
      return value === filter.value;
    case "NotEqualTo":
      return value !== filter.value;
    case "IsEmpty":
      return value === undefined;
    case "IsNotEmpty":
      return value !== undefined;
    case "Contains":
      return value !== undefined && filter.value !== undefined && value.toLowerCase().includes(filter.value.toLowerCase());
    case "InRange": {
      const n = Number(value);
      return value !== undefined && (filter.minValue === undefined || n >= Number(filter.minValue)) && (filter.maxValue === undefined || n <= Number(filter.maxValue));
    }
    case "LessThan":
      return value !== undefined && Number(value) < Number(filter.value);
    case "GreaterThan":
      return value !== undefined && Number(value) > Number(filter.value);
    case "AnyOf":
      return value !== undefined && (filter.values ?? []).includes(value);
    case "NoneOf":
      return value === undefined || !(filter.values ?? []).includes(value);
    default:
      throw invalidParameter("customFields.comparator", `unknown comparator ${JSON.stringify(filter.comparator)}`);
  }
}

/** The folders a folder or space query searches: the folder, and with descendants everything under it. */
function scopeFolders(call: V4Call, rootId: string, descendants: boolean): Set<string> {
  const scope = new Set([rootId]);
  if (!descendants) return scope;
  const stack = [rootId];
  while (stack.length > 0) {
    for (const child of call.state.folders.get(stack.pop()!)?.childIds ?? []) {
      if (!scope.has(child)) {
        scope.add(child);
        stack.push(child);
      }
    }
  }
  return scope;
}

/** One predicate from the filters; each clause is checked only when its filter is given. */
function taskPredicate(call: V4Call, args: TaskQueryArgs): (t: TaskRecord) => boolean {
  const uid = callerId(call);
  const folderId = args.folderId ?? args.spaceId;
  const folder = folderId === undefined ? undefined : visibleFolder(call, folderId, args.spaceId === undefined ? "Folder" : "Space");
  // The recycle bin and the folders in it are searched for deleted tasks (where they were before counts), the rest for live ones.
  const inBin = folder?.scope === "RbRoot" || folder?.scope === "RbFolder";
  const clauses: Array<(t: TaskRecord) => boolean> = [(t) => t.scope === (inBin ? "RbTask" : "WsTask") && t.sharedIds.includes(uid)];
  if (folderId !== undefined) {
    const folders = scopeFolders(call, folderId, args.descendants ?? true);
    clauses.push(inBin ? (t) => [...t.parentIds, ...(t.deletedFrom ?? [])].some((p) => folders.has(p)) : (t) => t.parentIds.some((p) => folders.has(p)));
  }
  if (args.subTasks !== true) clauses.push((t) => t.superTaskIds.length === 0);
  if (args.title !== undefined) {
    const needle = args.title.toLowerCase();
    clauses.push((t) => t.title.toLowerCase().includes(needle));
  }
  if (args.status !== undefined) {
    const statuses = args.status;
    clauses.push((t) => statuses.includes(t.status));
  }
  if (args.importance !== undefined) clauses.push((t) => t.importance === args.importance);
  if (args.type !== undefined) clauses.push((t) => t.dates.type === args.type);
  if (args.startDate !== undefined) clauses.push((t) => inDateRange(t.dates.start, args.startDate));
  if (args.dueDate !== undefined) clauses.push((t) => inDateRange(t.dates.due, args.dueDate));
  if (args.scheduledDate !== undefined) {
    const { start, end, equal } = args.scheduledDate;
    const from = equal ?? start ?? "";
    const to = equal ?? end ?? "\uffff";
    clauses.push((t) => {
      const s = t.dates.start ?? t.dates.due;
      const d = t.dates.due;
      return s !== undefined && d !== undefined && s.slice(0, from.length) <= to && d.slice(0, from.length) >= from;
    });
  }
  for (const [name, pick] of [
    ["createdDate", (t: TaskRecord) => t.createdAt],
    ["updatedDate", (t: TaskRecord) => t.updatedAt],
    ["completedDate", (t: TaskRecord) => t.completedAt],
  ] as const) {
    const inRange = timestampRange(args[name], name);
    if (inRange !== undefined) clauses.push((t) => inRange(pick(t)));
  }
  if (args.authors !== undefined) clauses.push((t) => args.authors!.includes(t.authorId));
  if (args.responsibles !== undefined) clauses.push((t) => t.responsibleIds.some((r) => args.responsibles!.includes(r)));
  if (args.permalink !== undefined) clauses.push((t) => `https://www.wrike.com/open.htm?id=${encodeURIComponent(t.id)}` === args.permalink);
  if (args.customStatuses !== undefined) clauses.push((t) => args.customStatuses!.includes(t.customStatusId));
  if (args.metadata !== undefined) clauses.push((t) => matchesMetadata(t.metadata, args.metadata));
  // No task has a placeholder assignee or a custom item type here: a filter by either finds nothing.
  if (args.responsiblePlaceholders !== undefined || args.customItemTypes !== undefined) clauses.push(() => false);
  for (const filter of [...(args.customField === undefined ? [] : [args.customField]), ...(args.customFields ?? [])]) clauses.push((t) => customFieldMatches(t, filter));
  return (t) => {
    for (let i = 0; i < clauses.length; i++) if (!clauses[i]!(t)) return false;
    return true;
  };
}

const SORT_KEYS: Record<string, (t: TaskRecord) => string | number> = {
  CreatedDate: (t) => t.createdAt,
  UpdatedDate: (t) => t.updatedAt,
  CompletedDate: (t) => t.completedAt ?? Infinity,
  DueDate: (t) => t.dates.due ?? "\uffff",
  StartFinishInterval: (t) => t.dates.start ?? t.dates.due ?? "\uffff",
  Title: (t) => t.title.toLowerCase(),
  Status: (t) => ["Active", "Deferred", "Completed", "Cancelled"].indexOf(t.status),
  Importance: (t) => ["High", "Normal", "Low"].indexOf(t.importance),
  LastAccessDate: (t) => t.updatedAt,
};

/** First-page totals of this caller's lists, valid until anything changes. */
function totalsCache(call: V4Call): TotalsCache {
  const { state } = call;
  const key = (scope: string) => `${callerId(call)} ${scope}`;
  return {
    get: (scope) => {
      const hit = state.listTotals.get(key(scope));
      return hit?.revision === state.revision ? hit.total : undefined;
    },
    set: (scope, total) => {
      if (state.listTotals.size >= 1000) state.listTotals.clear(); // stale revisions, or many distinct filters
      state.listTotals.set(key(scope), { revision: state.revision, total });
    },
  };
}

/** GET /tasks, /folders/{id}/tasks, /spaces/{id}/tasks: id order by default, walked from the page token. */
export function queryTasks(call: V4Call, path: string, args: TaskQueryArgs): Page<TaskRecord> {
  const matches = taskPredicate(call, args);
  const scope = filterScope(path, args as Record<string, unknown>, NOT_FILTERS);
  const { tasks } = call.state;
  if (args.sortField === undefined) return pageInIdOrder(args, scope, (after, visit) => tasks.scan(after, visit), matches, totalsCache(call));
  const keyOf = SORT_KEYS[args.sortField];
  if (keyOf === undefined) throw invalidParameter("sortField", `unknown sort field ${JSON.stringify(args.sortField)}`);
  return pageSorted(args, scope, tasks.values(), matches, keyOf, args.sortOrder === "Desc");
}
