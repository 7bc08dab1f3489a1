/** wrike.timelog.*: hours logged on tasks. A time log belongs to the user who logged it. */
import type {
  Timelog,
  TimelogAddArgs,
  TimelogAddResult,
  TimelogDeleteArgs,
  TimelogDeleteResult,
  TimelogListArgs,
  TimelogListResult,
} from "@wrikekit/client/v2";
import { isShared, requireWriter, visibleTask, type Caller } from "./access.js";
import { EmulatorError, invalidArgument } from "./errors.js";
import type { Reply } from "./reply.js";
import { allocateId, type State, type TimelogRecord } from "./state.js";
import { toTime } from "./task-schedule.js";
import { formatDay, formatTimestamp, parseDateTime } from "./time.js";

function timelogView(timelog: TimelogRecord, deleted = false): Timelog {
  return {
    id: timelog.id,
    userUid: timelog.userUid,
    taskId: timelog.taskId,
    date: formatTimestamp(parseDateTime(timelog.day)!),
    hours: timelog.hours,
    ...(deleted ? { deleted: true } : {}),
  };
}

/** With taskId, every log on that task; without, every log of the caller. */
export function timelogList(state: State, caller: Caller, args: TimelogListArgs): Reply<TimelogListResult> {
  const task = args.taskId === undefined ? undefined : visibleTask(state, caller, args.taskId, "taskId");
  const logs = [...state.timelogs.values()].filter((t) => (task === undefined ? t.userUid === caller.user.uid : t.taskId === task.id));
  return { root: "timelogs", body: { list: logs.map((t) => timelogView(t)) } };
}

export function timelogAdd(state: State, caller: Caller, args: TimelogAddArgs): Reply<TimelogAddResult> {
  requireWriter(caller);
  const task = visibleTask(state, caller, args.taskId, "taskId");
  const day = formatDay(toTime(args.date, "date"));
  if (!(args.hours > 0 && args.hours <= 24)) throw invalidArgument("hours", `expected more than 0 and at most 24 hours in a day, got ${args.hours}`);
  const timelog: TimelogRecord = { id: allocateId(state), taskId: task.id, userUid: caller.user.uid, day, hours: args.hours, createdAt: caller.at };
  state.timelogs.set(timelog.id, timelog);
  return { root: "timelog", body: timelogView(timelog) };
}

/** Only the caller's own logs, on tasks the caller still sees, can be deleted (406 otherwise). */
export function timelogDelete(state: State, caller: Caller, args: TimelogDeleteArgs): Reply<TimelogDeleteResult> {
  requireWriter(caller);
  const ids = [...new Set(args.ids)];
  if (ids.length === 0) throw invalidArgument("ids", "give at least one time log id");
  const logs = ids.map((id) => {
    const timelog = state.timelogs.get(id);
    const task = timelog === undefined ? undefined : state.tasks.get(timelog.taskId);
    if (timelog === undefined || timelog.userUid !== caller.user.uid || task === undefined || !isShared(task, caller.user)) {
      throw new EmulatorError(406, `The time log with given id not found in the calling user's scope (ids: ${id}).`);
    }
    return timelog;
  });
  for (const timelog of logs) state.timelogs.delete(timelog.id);
  return { root: "timelogs", body: { list: logs.map((t) => timelogView(t, true)) } };
}
