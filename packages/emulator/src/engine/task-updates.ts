/** wrike.task.updates: the caller's tasks added, changed and deleted since tLast. */
import type { TaskUpdatesArgs, TaskUpdatesResult } from "@wrikekit/client/v2";
import { isShared, type Caller } from "./access.js";
import { changesSince } from "./changes.js";
import type { Reply } from "./reply.js";
import type { State } from "./state.js";
import { checkPaging, pageGroups, parseOrderBy, sortTasks } from "./task-query.js";
import { requireTaskFields, taskView } from "./task-view.js";

/** orderBy sorts within each list; limit and offset count across new, updated and deleted in that order. */
export function taskUpdates(state: State, caller: Caller, args: TaskUpdatesArgs): Reply<TaskUpdatesResult> {
  const fields = requireTaskFields(args.fields);
  checkPaging(args);
  const terms = parseOrderBy(args.orderBy ?? []);
  const mine = [...state.tasks.values()].filter((t) => isShared(t, caller.user));
  const gone = [...state.trash.tasks.values()].filter((entry) => isShared(entry.record, caller.user));
  const changes = changesSince(mine, gone, args.tLast);
  const deletedRecords = changes.deleted.map((entry) => entry.record);
  const [added = [], updated = [], deleted = []] = pageGroups(
    [sortTasks(state, changes.added, terms), sortTasks(state, changes.updated, terms), sortTasks(state, deletedRecords, terms)],
    args,
  );
  return {
    root: "taskUpdates",
    body: {
      tLast: caller.at,
      newTasks: added.map((t) => taskView(state, t, fields)),
      updatedTasks: updated.map((t) => taskView(state, t, fields)),
      deletedTasks: deleted.map((t) => taskView(state, t, fields, true)),
    },
  };
}
