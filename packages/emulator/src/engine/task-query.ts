/** Ordering and paging shared by wrike.task.filter and wrike.task.updates. */
import { invalidArgument } from "./errors.js";
import type { State, TaskRecord } from "./state.js";
import { attachmentsCount, commentsCount } from "./task-view.js";

type SortValue = number | string | undefined;

/** The task fields orderBy accepts, and how each is compared. */
const SORT_KEYS: Record<string, (state: State, task: TaskRecord) => SortValue> = {
  id: (_, t) => t.id,
  title: (_, t) => t.title.toLowerCase(),
  description: (_, t) => t.description.toLowerCase(),
  authorUid: (_, t) => t.authorUid,
  whoChanged: (_, t) => t.whoChanged,
  createdDate: (_, t) => t.createdAt,
  lastUpdatedDate: (_, t) => t.updatedAt,
  status: (_, t) => t.status,
  importance: (_, t) => t.importance,
  startDate: (_, t) => t.startAt,
  dueDate: (_, t) => t.dueAt,
  duration: (_, t) => (t.duration === undefined ? undefined : Number(t.duration)),
  attachmentsCount: (s, t) => attachmentsCount(s, t.id),
  commentsCount: (s, t) => commentsCount(s, t.id),
};

export interface SortTerm {
  field: string;
  descending: boolean;
}

/** "field:asc" terms (the wire pattern is already checked); 407 for a field tasks cannot be ordered by. */
export function parseOrderBy(orderBy: readonly string[]): SortTerm[] {
  return orderBy.map((term) => {
    const [field = "", direction] = term.split(":");
    if (!(field in SORT_KEYS)) throw invalidArgument("orderBy", `tasks cannot be ordered by ${JSON.stringify(field)}; use one of ${Object.keys(SORT_KEYS).join(", ")}`);
    return { field, descending: direction === "desc" };
  });
}

/** A missing value (no start date, say) sorts after every value, so last ascending and first descending. */
function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Sorts by the terms in turn, then by id, so equal keys come out in creation order. */
export function sortTasks(state: State, tasks: readonly TaskRecord[], terms: readonly SortTerm[]): TaskRecord[] {
  const keyed = tasks.map((task) => ({ task, keys: terms.map((term) => SORT_KEYS[term.field]!(state, task)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < terms.length; i++) {
      const order = compare(x.keys[i], y.keys[i]);
      if (order !== 0) return terms[i]!.descending ? -order : order;
    }
    return x.task.id - y.task.id;
  });
  return keyed.map((entry) => entry.task);
}

export interface Paging {
  limit?: number;
  offset?: number;
}

export function checkPaging(paging: Paging): void {
  for (const argument of ["limit", "offset"] as const) {
    const value = paging[argument];
    if (value !== undefined && value < 0) throw invalidArgument(argument, `must not be negative, got ${value}`);
  }
}

/**
 * Applies offset and limit across consecutive groups as if they were one list, keeping the groups:
 * wrike.task.updates pages its new, updated and deleted tasks together.
 */
export function pageGroups<T>(groups: ReadonlyArray<readonly T[]>, paging: Paging): T[][] {
  let skip = paging.offset ?? 0;
  let room = paging.limit ?? Number.POSITIVE_INFINITY;
  return groups.map((group) => {
    const kept = group.slice(Math.min(skip, group.length), Math.min(skip, group.length) + Math.max(room, 0));
    skip = Math.max(0, skip - group.length);
    room -= kept.length;
    return kept;
  });
}

/**
 * The page (offset, limit) of the `records` that match, from records already in the wanted order:
 * walks only as far as the page's last match, so its cost follows offset + limit, not the record count.
 */
export function pageInOrder<T>(records: Iterable<T>, matches: (record: T) => boolean, paging: Paging): T[] {
  let skip = paging.offset ?? 0;
  const limit = paging.limit ?? Number.POSITIVE_INFINITY;
  const page: T[] = [];
  if (limit === 0) return page;
  for (const record of records) {
    if (!matches(record)) continue;
    if (skip > 0) skip--;
    else if (page.push(record) >= limit) break;
  }
  return page;
}
