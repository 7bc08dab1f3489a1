/** v4's date forms: UTC timestamps yyyy-MM-ddTHH:mm:ssZ, task dates yyyy-MM-ddTHH:mm:ss without a zone, days yyyy-MM-dd. */
import type { UtcTimestamp } from "@wrikekit/client";
import { parseDateTime, startOfDay } from "../../engine/time.js";
import { invalidParameter } from "./errors.js";

export function utcTimestamp(ms: number): UtcTimestamp {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z") as UtcTimestamp;
}

/** Midnight UTC of the day `ms` falls on, as a UtcTimestamp (project dates). */
export const utcDay = (ms: number): UtcTimestamp => utcTimestamp(startOfDay(ms));

export function parseUtcTimestamp(text: string, argument: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw invalidParameter(argument, `expected yyyy-MM-ddTHH:mm:ssZ, got ${JSON.stringify(text)}`);
  return ms;
}

/** A task date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss) as epoch ms, checked to be a real calendar date. */
export function parseTaskDate(text: string, argument: string): number {
  const ms = parseDateTime(text);
  if (ms === undefined) throw invalidParameter(argument, `expected a date yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, got ${JSON.stringify(text)}`);
  return ms;
}

export function localDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
