/**
 * The date forms of Wrike API v4 (three) and v2 (one), as distinct string types, and the one documented way
 * to turn each into a Date, `toDate`. The types state the form Wrike sends; what a response carries decodes
 * as it came (the decoders check that it is text), and passes back in unchanged. Arguments also take a Date.
 *
 * Zone rule: a UtcTimestamp is an instant in UTC. A LocalDateTime (task dates) and a DateOnly carry no zone:
 * they are the account's calendar, and this module reads and writes their digits as UTC, so that a value
 * read, converted and written back keeps its digits whatever the machine's zone. A V2Timestamp states no
 * zone either and is read the same way (the v2 emulator keeps everything in UTC).
 */

/** An instant, yyyy-MM-dd'T'HH:mm:ss'Z' (createdDate, updatedDate, ...). */
export type UtcTimestamp = `${number}-${number}-${number}T${number}:${number}:${number}Z`;
/** A date and time without a zone, yyyy-MM-dd'T'HH:mm:ss (task start and due dates). */
export type LocalDateTime = `${number}-${number}-${number}T${number}:${number}:${number}`;
/** A calendar date, yyyy-MM-dd. */
export type DateOnly = `${number}-${number}-${number}`;
/**
 * v2's dates as they come back, yyyy-MM-dd HH:mm:ss.S (`2026-12-10 15:00:00.0`). A task's startDate and
 * dueDate are "" when it has none, so those fields are typed `V2Timestamp | ""`; v2 date arguments take a
 * V2Timestamp back (sent as its date and time, the fraction dropped).
 */
export type V2Timestamp = `${number}-${number}-${number} ${number}:${number}:${number}.${number}`;

const FORMS = {
  UtcTimestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
  LocalDateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/,
  DateOnly: /^\d{4}-\d{2}-\d{2}$/,
  V2Timestamp: /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})\.(\d{1,3})$/,
} as const;

/** A V2Timestamp's date and time (`2026-12-10T15:00:00`) and its fraction of a second in ms; undefined for other text. */
export function v2TimestampParts(text: string): { localDateTime: LocalDateTime; ms: number } | undefined {
  const match = FORMS.V2Timestamp.exec(text);
  // Java prints the fraction without trailing zeros: ".43" is 430 ms.
  return match ? { localDateTime: `${match[1]}T${match[2]}` as LocalDateTime, ms: Number(match[3]!.padEnd(3, "0")) } : undefined;
}

/**
 * The Date a Wrike date text stands for: a UtcTimestamp as its instant; a LocalDateTime, DateOnly or
 * V2Timestamp with its digits read as UTC (see the zone rule above). Throws a RangeError naming the text when
 * it is none of these (v2's "" for a task without that date among them) or no such day exists.
 */
export function toDate(text: UtcTimestamp | LocalDateTime | DateOnly | V2Timestamp): Date {
  const v2 = typeof text === "string" ? v2TimestampParts(text) : undefined;
  const iso = v2
    ? `${v2.localDateTime}.${String(v2.ms).padStart(3, "0")}Z`
    : typeof text !== "string" ? undefined
    : FORMS.UtcTimestamp.test(text) ? text
    : FORMS.LocalDateTime.test(text) ? `${text}Z`
    : FORMS.DateOnly.test(text) ? `${text}T00:00:00Z`
    : undefined;
  const date = iso === undefined ? undefined : new Date(iso);
  // Date rolls 2026-02-30 over into March: a text whose digits do not come back is no real date.
  if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso!.slice(0, 10))
    throw new RangeError(`toDate: ${JSON.stringify(text)} is not a Wrike date (yyyy-MM-ddTHH:mm:ssZ, yyyy-MM-ddTHH:mm:ss, yyyy-MM-dd or v2's yyyy-MM-dd HH:mm:ss.S)`);
  return date;
}
