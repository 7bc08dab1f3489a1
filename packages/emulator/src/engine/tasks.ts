/** wrike.task.get, add, update and delete. Filtering and updates live in task-filter.ts and task-updates.ts. */
import type {
  TaskAddArgs,
  TaskAddResult,
  TaskDeleteArgs,
  TaskDeleteResult,
  TaskGetArgs,
  TaskGetResult,
  TaskUpdateArgs,
  TaskUpdateResult,
} from "@wrikekit/client/v2";
import { TaskImportance, TaskStatus } from "@wrikekit/client/v2";
import { inheritedSharing, requireKnownUsers, requireWriter, resolveParents, union, visibleTask, type Caller } from "./access.js";
import { discardComments } from "./comments.js";
import { invalidArgument } from "./errors.js";
import type { Reply } from "./reply.js";
import { newAuthoredRecord, taskRecord, type State } from "./state.js";
import { applySchedule } from "./task-schedule.js";
import { requireTaskFields, taskView } from "./task-view.js";
import { requireOneOf, requireText } from "./validate.js";

const STATUSES = Object.values(TaskStatus);
const IMPORTANCES = Object.values(TaskImportance);

export function taskGet(state: State, caller: Caller, args: TaskGetArgs): Reply<TaskGetResult> {
  const fields = requireTaskFields(args.fields);
  return { root: "task", body: taskView(state, visibleTask(state, caller, args.id, "id"), fields) };
}

export function taskAdd(state: State, caller: Caller, args: TaskAddArgs): Reply<TaskAddResult> {
  requireWriter(caller);
  const title = requireText(args.title, "title");
  const status = requireOneOf(args.status ?? TaskStatus.active, STATUSES, "status");
  const importance = requireOneOf(args.importance ?? TaskImportance.normal, IMPORTANCES, "importance");
  const schedule = applySchedule(undefined, args);
  const parents = resolveParents(state, caller, args.parents, "task");
  const responsibleUsers = requireKnownUsers(state, args.responsibleUsers, "responsibleUsers");
  const shared = requireKnownUsers(state, args.sharedUsers, "sharedUsers");
  const task = taskRecord({
    ...newAuthoredRecord(state, caller.user.uid, caller.at, title, args.description),
    status,
    importance,
    ...schedule,
    responsibleUsers,
    // Like a folder (rule folderInheritsSharing), a task is seen by those who see its folders.
    sharedUsers: union([caller.user.uid], responsibleUsers, shared, inheritedSharing(state, parents)),
    parents,
  });
  state.tasks.set(task.id, task);
  return { root: "task", body: taskView(state, task) };
}

/** Absent arguments leave their field unchanged; everything is checked before anything changes. */
export function taskUpdate(state: State, caller: Caller, args: TaskUpdateArgs): Reply<TaskUpdateResult> {
  requireWriter(caller);
  const task = visibleTask(state, caller, args.id, "id");
  const title = requireText(args.title, "title");
  const status = args.status === undefined ? task.status : requireOneOf(args.status, STATUSES, "status");
  const importance = args.importance === undefined ? task.importance : requireOneOf(args.importance, IMPORTANCES, "importance");
  const schedule = applySchedule(task, args);
  const parents = args.parents === undefined ? task.parents : resolveParents(state, caller, args.parents, "task");
  const responsibleUsers = args.responsibleUsers === undefined ? task.responsibleUsers : requireKnownUsers(state, args.responsibleUsers, "responsibleUsers");
  const shared = args.sharedUsers === undefined ? task.sharedUsers : requireKnownUsers(state, args.sharedUsers, "sharedUsers");
  const moved = args.parents === undefined ? [] : inheritedSharing(state, parents);

  Object.assign(task, { title, status, importance, parents, responsibleUsers, startAt: schedule.startAt, dueAt: schedule.dueAt, duration: schedule.duration });
  if (args.description !== undefined) task.description = args.description;
  task.sharedUsers = union([task.authorUid, caller.user.uid], responsibleUsers, shared, moved);
  task.updatedAt = caller.at;
  task.whoChanged = caller.user.uid;
  return { root: "task", body: taskView(state, task) };
}

export function taskDelete(state: State, caller: Caller, args: TaskDeleteArgs): Reply<TaskDeleteResult> {
  requireWriter(caller);
  const ids = [...new Set(args.ids)];
  if (ids.length === 0) throw invalidArgument("ids", "give at least one task id");
  const tasks = ids.map((id) => visibleTask(state, caller, id, "id"));
  discardTasks(state, ids, caller.at);
  return { root: "tasks", body: { list: tasks.map((task) => ({ id: task.id, title: task.title, deleted: true })) } };
}

/** Moves tasks to the trash with their comments; their attachments and time logs go with them. */
export function discardTasks(state: State, ids: readonly number[], at: number): void {
  const gone = new Set(ids);
  discardComments(
    state,
    [...state.comments.values()].filter((c) => gone.has(c.taskId)).map((c) => c.id),
    at,
  );
  for (const [id, attachment] of state.attachments) if (gone.has(attachment.taskId)) state.attachments.delete(id);
  for (const [id, timelog] of state.timelogs) if (gone.has(timelog.taskId)) state.timelogs.delete(id);
  for (const id of gone) {
    state.trash.tasks.set(id, { record: state.tasks.get(id)!, deletedAt: at });
    state.tasks.delete(id);
  }
}
