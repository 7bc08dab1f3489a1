/** wrike.task.filter: every filter argument narrows the caller's tasks; a template adds its own. */
import type { TaskFilterArgs, TaskFilterResult } from "@wrikekit/client/v2";
import { RelationType, TaskStatus } from "@wrikekit/client/v2";
import { isShared, requireVisibleFolders, type Caller } from "./access.js";
import { invalidArgument } from "./errors.js";
import type { Reply } from "./reply.js";
import type { State, TaskRecord, UserRecord } from "./state.js";
import { toTime } from "./task-schedule.js";
import { checkPaging, pageGroups, pageInOrder, parseOrderBy, sortTasks, type SortTerm } from "./task-query.js";
import { requireTaskFields, taskView } from "./task-view.js";
import { DAY_MS, startOfDay } from "./time.js";

type Predicate = (task: TaskRecord) => boolean;

const isAuthor = (task: TaskRecord, user: UserRecord) => task.authorUid === user.uid;
const isResponsible = (task: TaskRecord, user: UserRecord) => task.responsibleUsers.includes(user.uid);

/** The three relations split the caller's tasks: "shared" is shared with the caller by someone else. */
const RELATIONS: Record<number, (task: TaskRecord, user: UserRecord) => boolean> = {
  [RelationType.author]: isAuthor,
  [RelationType.responsible]: isResponsible,
  [RelationType.shared]: (task, user) => isShared(task, user) && !isAuthor(task, user) && !isResponsible(task, user),
};

interface Template {
  where: (task: TaskRecord, today: number) => boolean;
  orderBy: string[];
}

/** Rule taskFilterTemplates, with overdue read as "due before today and still active". */
const TEMPLATES: Record<string, Template> = {
  completed: { where: (t) => t.status === TaskStatus.completed, orderBy: ["dueDate:asc", "title:asc"] },
  overdue: {
    where: (t, today) => t.status === TaskStatus.active && t.dueAt !== undefined && t.dueAt < today,
    orderBy: ["importance:asc", "dueDate:asc", "title:asc"],
  },
  today: {
    where: (t, today) =>
      t.dueAt !== undefined &&
      (t.startAt !== undefined ? t.startAt < today + DAY_MS && t.dueAt >= today : t.dueAt >= today && t.dueAt < today + DAY_MS),
    orderBy: ["dueDate:asc", "title:asc"],
  },
  thisweek: {
    where: (t, today) => {
      const [from, to] = [today + DAY_MS, today + 7 * DAY_MS];
      return t.startAt !== undefined ? t.startAt >= from && t.startAt < to : t.dueAt !== undefined && t.dueAt >= from && t.dueAt < to;
    },
    orderBy: ["startDate:asc", "dueDate:asc", "title:asc"],
  },
};

/** "today" or "today:resp" (the wire pattern is already checked): the template and its relation. */
function readTemplate(text: string, caller: Caller): { predicate: Predicate; orderBy: string[] } {
  const [name = "", relation = "author"] = text.split(":");
  const template = TEMPLATES[name];
  if (template === undefined) throw invalidArgument("template", `unknown template ${JSON.stringify(name)}; use completed, overdue, today or thisweek`);
  const related = RELATIONS[relation === "resp" ? RelationType.responsible : RelationType.author]!;
  const today = startOfDay(caller.at);
  return { predicate: (t) => related(t, caller.user) && template.where(t, today), orderBy: template.orderBy };
}

function regexpArgument(source: string, argument: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw invalidArgument(argument, `${JSON.stringify(source)} is not a valid regular expression`);
  }
}

/**
 * A date range on one of a task's dates. With from/to given, tasks without that date are left out
 * unless includeNull is true; without a range, includeNull=false alone leaves them out.
 */
function dateRange(
  pick: (t: TaskRecord) => number | undefined,
  from: string | Date | undefined,
  to: string | Date | undefined,
  includeNull: boolean | undefined,
  names: [from: string, to: string],
): Predicate | undefined {
  const low = from === undefined ? undefined : toTime(from, names[0]);
  const high = to === undefined ? undefined : toTime(to, names[1]);
  if (low === undefined && high === undefined && includeNull !== false) return undefined;
  return (task) => {
    const value = pick(task);
    if (value === undefined) return includeNull ?? (low === undefined && high === undefined);
    return (low === undefined || value >= low) && (high === undefined || value <= high);
  };
}

function predicates(args: TaskFilterArgs, caller: Caller): { where: Predicate[]; orderBy: string[] } {
  const where: Predicate[] = [];
  let orderBy: string[] = [];
  const relations = (args.relationType ?? [RelationType.author, RelationType.responsible, RelationType.shared]).map((r) => RELATIONS[r]).filter((r) => r !== undefined);
  where.push((t) => relations.some((related) => related(t, caller.user)));
  if (args.template !== undefined) {
    const template = readTemplate(args.template, caller);
    where.push(template.predicate);
    orderBy = template.orderBy;
  }
  if (args.ids !== undefined) where.push((t) => args.ids!.includes(t.id));
  if (args.title !== undefined) {
    const title = args.title.toLowerCase();
    where.push((t) => t.title.toLowerCase().includes(title));
  }
  if (args.description !== undefined) {
    const pattern = regexpArgument(args.description, "description");
    where.push((t) => pattern.test(t.description));
  }
  if (args.authors !== undefined) where.push((t) => args.authors!.includes(t.authorUid));
  if (args.parents !== undefined) where.push((t) => t.parents.some((p) => args.parents!.includes(p)));
  if (args.statuses !== undefined) where.push((t) => args.statuses!.includes(t.status));
  const start = dateRange((t) => t.startAt, args.fromStartDate, args.toStartDate, args.includeNullStartDate, ["fromStartDate", "toStartDate"]);
  const due = dateRange((t) => t.dueAt, args.fromDueDate, args.toDueDate, args.includeNullDueDate, ["fromDueDate", "toDueDate"]);
  for (const range of [start, due]) if (range !== undefined) where.push(range);
  return { where, orderBy: args.orderBy === undefined ? orderBy : [...args.orderBy] };
}

export function taskFilter(state: State, caller: Caller, args: TaskFilterArgs): Reply<TaskFilterResult> {
  const fields = requireTaskFields(args.fields);
  checkPaging(args);
  requireVisibleFolders(state, caller, args.parents ?? [], "parents");
  const { where, orderBy } = predicates(args, caller);
  const terms: SortTerm[] = parseOrderBy(orderBy);
  const matches = (t: TaskRecord) => isShared(t, caller.user) && where.every((p) => p(t));
  if (args.count === true) {
    let count = 0;
    for (const task of state.tasks.values()) if (matches(task)) count++;
    return { root: "filteredListCount", body: { tLast: caller.at, count } };
  }
  // Without orderBy the order is by id, the order state.tasks keeps: the page is read off in one walk
  // that stops when it is full. Any other order has to see every match first.
  const page =
    terms.length === 0
      ? pageInOrder(state.tasks.values(), matches, args)
      : (pageGroups([sortTasks(state, [...state.tasks.values()].filter(matches), terms)], args)[0] ?? []);
  return { root: "filteredList", body: { tLast: caller.at, list: page.map((t) => taskView(state, t, fields)) } };
}
