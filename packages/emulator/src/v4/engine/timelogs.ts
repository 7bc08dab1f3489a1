/** Time logs on tasks and their categories: hours in (0, 24], only the logger (or an admin) changes one. */
import { callerId, visibleTask, type V4Call } from "./call.js";
import { invalidParameter, notAllowed, notFound } from "./errors.js";
import { filterScope, pageInIdOrder, type Page } from "./paging.js";
import { newId, type TimelogRecord } from "./state.js";
import { parseDay, parseUtcTimestamp } from "./time.js";
import { descendantsOf } from "./folders.js";
import { TIMELOG_STATUSES } from "./view.js";

function checkHours(hours: number): number {
  if (!(hours > 0 && hours <= 24)) throw invalidParameter("hours", `must be more than 0 and at most 24, got ${hours}`);
  return hours;
}


function checkCategory(call: V4Call, id: string | undefined): string | undefined {
  if (id !== undefined && !call.state.timelogCategories.has(id)) throw invalidParameter("categoryId", `no timelog category has the id ${JSON.stringify(id)}`);
  return id;
}

export function createTimelog(call: V4Call, args: { taskId: string; comment: string; hours: number; trackedDate: string; categoryId?: string; onBehalfOf?: string }): TimelogRecord {
  visibleTask(call, args.taskId);
  if (args.onBehalfOf !== undefined && args.onBehalfOf !== callerId(call) && !call.caller.person.admin) throw notAllowed("Only an admin can log time on behalf of another user");
  const log: TimelogRecord = {
    id: newId(call.state, "timelog"),
    taskId: args.taskId,
    userId: args.onBehalfOf ?? callerId(call),
    hours: checkHours(args.hours),
    comment: args.comment,
    trackedDate: parseDay(args.trackedDate, "trackedDate"),
    categoryId: checkCategory(call, args.categoryId),
    createdAt: call.at,
    updatedAt: call.at,
  };
  call.state.timelogs.add(log);
  return log;
}

function canSee(call: V4Call, t: TimelogRecord): boolean {
  return call.state.tasks.get(t.taskId)?.sharedIds.includes(callerId(call)) ?? false;
}

export function visibleTimelog(call: V4Call, id: string): TimelogRecord {
  const log = call.state.timelogs.get(id);
  if (log === undefined || !canSee(call, log)) throw notFound("Timelog", id);
  return log;
}

function ownTimelog(call: V4Call, id: string): TimelogRecord {
  const log = visibleTimelog(call, id);
  if (log.userId !== callerId(call) && !call.caller.person.admin) throw notAllowed("Only the user who logged the time (or an admin) can change it");
  return log;
}

export function updateTimelog(call: V4Call, args: { timelogId: string; comment?: string; hours?: number; trackedDate?: string; categoryId?: string }): TimelogRecord {
  const log = ownTimelog(call, args.timelogId);
  if (args.comment !== undefined) log.comment = args.comment;
  if (args.hours !== undefined) log.hours = checkHours(args.hours);
  if (args.trackedDate !== undefined) log.trackedDate = parseDay(args.trackedDate, "trackedDate");
  if (args.categoryId !== undefined) log.categoryId = checkCategory(call, args.categoryId);
  log.updatedAt = call.at;
  return log;
}

export function deleteTimelog(call: V4Call, id: string): void {
  ownTimelog(call, id);
  call.state.timelogs.delete(id);
}

interface Range {
  start?: string;
  end?: string;
}

export interface TimelogQueryArgs {
  taskId?: string;
  folderId?: string;
  contactId?: string;
  timelogCategoryId?: string;
  createdDate?: Range;
  updatedDate?: Range;
  trackedDate?: Range;
  me?: boolean;
  descendants?: boolean;
  timelogCategories?: string[];
  approvalStatuses?: string[];
  exportStatuses?: string[];
  billingTypes?: string[];
  limit?: number;
  pageSize?: number;
  nextPageToken?: string;
}

const within = (range: Range | undefined, name: string) => {
  const from = range?.start === undefined ? -Infinity : parseUtcTimestamp(range.start, `${name}.start`);
  const to = range?.end === undefined ? Infinity : parseUtcTimestamp(range.end, `${name}.end`);
  return (ms: number) => ms >= from && ms <= to;
};

const NOT_FILTERS = new Set(["pageSize", "nextPageToken", "fields", "limit", "plainText"]);

export function queryTimelogs(call: V4Call, path: string, args: TimelogQueryArgs): Page<TimelogRecord> {
  const { state } = call;
  if (args.taskId !== undefined) visibleTask(call, args.taskId);
  if (args.timelogCategoryId !== undefined && !state.timelogCategories.has(args.timelogCategoryId)) throw notFound("Timelog category", args.timelogCategoryId);
  let folders: Set<string> | undefined;
  if (args.folderId !== undefined) {
    folders = new Set([args.folderId, ...(args.descendants === false ? [] : descendantsOf(state, args.folderId).map((f) => f.id))]);
  }
  const created = within(args.createdDate, "createdDate");
  const updated = within(args.updatedDate, "updatedDate");
  const tracked = within(args.trackedDate, "trackedDate");
  const uid = callerId(call);
  const matches = (t: TimelogRecord) =>
    canSee(call, t) &&
    (args.taskId === undefined || t.taskId === args.taskId) &&
    (args.contactId === undefined || t.userId === args.contactId) &&
    (args.me !== true || t.userId === uid) &&
    (args.timelogCategoryId === undefined || t.categoryId === args.timelogCategoryId) &&
    (args.timelogCategories === undefined || (t.categoryId !== undefined && args.timelogCategories.includes(t.categoryId))) &&
    (folders === undefined || (state.tasks.get(t.taskId)?.parentIds.some((p) => folders!.has(p)) ?? false)) &&
    (args.approvalStatuses === undefined || args.approvalStatuses.includes(TIMELOG_STATUSES.approvalStatus)) &&
    (args.exportStatuses === undefined || args.exportStatuses.includes(TIMELOG_STATUSES.exportStatus)) &&
    (args.billingTypes === undefined || args.billingTypes.includes(TIMELOG_STATUSES.billingType)) &&
    created(t.createdAt) &&
    updated(t.updatedAt) &&
    tracked(Date.parse(`${t.trackedDate}T00:00:00Z`));
  return pageInIdOrder(args, filterScope(path, args as Record<string, unknown>, NOT_FILTERS), (after, visit) => state.timelogs.scan(after, visit), matches);
}
