/** v4's date forms: UTC timestamps yyyy-MM-ddTHH:mm:ssZ, task dates yyyy-MM-ddTHH:mm:ss without a zone, days yyyy-MM-dd. */
import type { DateOnly, LocalDateTime, UtcTimestamp } from "@wrikekit/client";
import { parseDateTime } from "../../engine/time.js";
import { invalidParameter } from "./errors.js";

export function utcTimestamp(ms: number): UtcTimestamp {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z") as UtcTimestamp;
}

/** The (UTC) day `ms` falls on, yyyy-MM-dd (project dates). */
export const dayOf = (ms: number): DateOnly => new Date(ms).toISOString().slice(0, 10) as DateOnly;

export function parseUtcTimestamp(text: string, argument: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw invalidParameter(argument, `expected yyyy-MM-ddTHH:mm:ssZ, got ${JSON.stringify(text)}`);
  return ms;
}

/** A day (yyyy-MM-dd: time logs' trackedDate, approvals' dueDate, project dates), checked to be a real calendar date. */
export function parseDay(text: string, argument: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || parseDateTime(text) === undefined) throw invalidParameter(argument, `expected a day yyyy-MM-dd, got ${JSON.stringify(text)}`);
  return text;
}

/** A task date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss) as epoch ms, checked to be a real calendar date. */
export function parseTaskDate(text: string, argument: string): number {
  const ms = parseDateTime(text);
  if (ms === undefined) throw invalidParameter(argument, `expected a date yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, got ${JSON.stringify(text)}`);
  return ms;
}

export function localDateTime(ms: number): LocalDateTime {
  return new Date(ms).toISOString().slice(0, 19) as LocalDateTime;
}
