/** The API's date forms. The emulator keeps times in UTC milliseconds and renders them in UTC. */
import type { DateOnly, V2Timestamp } from "@wrikekit/client/v2";
export const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function datePart(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * "yyyy-MM-dd HH:mm:ss.S" as the reference prints it (Java's Timestamp.toString): the fraction keeps
 * at least one digit and drops trailing zeros, so .430 is ".43" and .000 is ".0".
 */
export function formatTimestamp(ms: number): V2Timestamp {
  const d = new Date(ms);
  const fraction = pad(d.getUTCMilliseconds(), 3).replace(/0+$/, "") || "0";
  return `${datePart(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${fraction}` as V2Timestamp;
}

/** yyyy-MM-dd of a time. */
export function formatDay(ms: number): DateOnly {
  return datePart(new Date(ms)) as DateOnly;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;

/**
 * Reads "yyyy-MM-ddTHH:mm:ss" or "yyyy-MM-dd" as UTC. Undefined for text that is not a real calendar
 * date and time (2024-02-30, 25:00:00), which the wire pattern alone lets through.
 */
export function parseDateTime(text: string): number | undefined {
  const m = LOCAL_DATE_TIME.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const ms = Date.UTC(year!, month! - 1, day!, hour, minute, second);
  const d = new Date(ms);
  const exact = d.getUTCFullYear() === year && d.getUTCMonth() === month! - 1 && d.getUTCDate() === day && d.getUTCHours() === hour && d.getUTCMinutes() === minute;
  return exact && second < 60 ? ms : undefined;
}

/** Midnight (UTC) of the day a time falls on. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
