/**
 * Rule taskDateKinds: backlog (a duration, no dates), milestone (a due date only) and planned (start,
 * due and duration). The kind follows from the dates; the duration is checked against it.
 */
import { invalidArgument } from "./errors.js";
import { DAY_MS, parseDateTime, startOfDay } from "./time.js";

export interface Schedule {
  startAt?: number;
  dueAt?: number;
  duration?: string;
}

export interface ScheduleArgs {
  startDate?: string | Date;
  dueDate?: string | Date;
  duration?: string;
}

type Kind = "backlog" | "milestone" | "planned";

function kindOf(schedule: Schedule): Kind {
  return schedule.startAt !== undefined ? "planned" : schedule.dueAt !== undefined ? "milestone" : "backlog";
}

/** A date argument as UTC milliseconds; 407 for a date that does not exist (2024-02-30T00:00:00). */
export function toTime(value: string | Date, argument: string): number {
  const ms = value instanceof Date ? value.getTime() : parseDateTime(value);
  if (ms === undefined || Number.isNaN(ms)) throw invalidArgument(argument, `${JSON.stringify(String(value))} is not a valid date and time`);
  return ms;
}

const WORKING_DAY_MINUTES = 8 * 60;

/** A planned task's default duration: 8 h for each Monday-to-Friday from the start day to the due day. */
function workingMinutes(startAt: number, dueAt: number): string {
  let days = 0;
  for (let day = startOfDay(startAt); day <= dueAt; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return String(days * WORKING_DAY_MINUTES);
}

/**
 * The schedule after applying `args` to `previous` (undefined for a new task). A kept duration survives
 * only while the dates stay as they were; otherwise a backlog task defaults to "0" and a planned one to
 * its working minutes.
 */
export function applySchedule(previous: Schedule | undefined, args: ScheduleArgs): Schedule {
  const startAt = args.startDate !== undefined ? toTime(args.startDate, "startDate") : previous?.startAt;
  const dueAt = args.dueDate !== undefined ? toTime(args.dueDate, "dueDate") : previous?.dueAt;
  if (args.duration !== undefined && !/^\d+$/.test(args.duration)) {
    throw invalidArgument("duration", `expected whole minutes, got ${JSON.stringify(args.duration)}`);
  }
  if (startAt !== undefined && dueAt === undefined) throw invalidArgument("startDate", "a task with a start date needs a due date too (planned)");
  if (startAt !== undefined && dueAt! < startAt) throw invalidArgument("dueDate", "is before startDate");
  const next: Schedule = { startAt, dueAt };
  const kind = kindOf(next);
  if (kind === "milestone") {
    if (args.duration !== undefined) throw invalidArgument("duration", "a milestone (a due date only) has no duration");
    return { dueAt };
  }
  const datesKept = previous !== undefined && kindOf(previous) === kind && args.startDate === undefined && args.dueDate === undefined;
  const duration = args.duration ?? (datesKept ? previous.duration : kind === "planned" ? workingMinutes(startAt!, dueAt!) : "0");
  return kind === "planned" ? { startAt, dueAt, duration } : { duration };
}
