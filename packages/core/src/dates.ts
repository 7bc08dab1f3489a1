/**
 * The three date forms of Wrike API v4, as distinct string types, and the one documented way to turn each
 * into a Date. The types state the form Wrike sends; what a response carries decodes as it came (the
 * decoders check that it is text), and passes back in unchanged. Arguments also take a Date.
 *
 * Zone rule: a UtcTimestamp is an instant in UTC. A LocalDateTime (task dates) and a DateOnly carry no zone:
 * they are the account's calendar, and this module reads and writes their digits as UTC, so that a value
 * read, converted and written back keeps its digits whatever the machine's zone.
 */

/** An instant, yyyy-MM-dd'T'HH:mm:ss'Z' (createdDate, updatedDate, ...). */
export type UtcTimestamp = `${number}-${number}-${number}T${number}:${number}:${number}Z`;
/** A date and time without a zone, yyyy-MM-dd'T'HH:mm:ss (task start and due dates). */
export type LocalDateTime = `${number}-${number}-${number}T${number}:${number}:${number}`;
/** A calendar date, yyyy-MM-dd. */
export type DateOnly = `${number}-${number}-${number}`;

const FORMS = {
  UtcTimestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
  LocalDateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/,
  DateOnly: /^\d{4}-\d{2}-\d{2}$/,
} as const;

/**
 * The Date a v4 date text stands for: a UtcTimestamp as its instant, a LocalDateTime or DateOnly with its
 * digits read as UTC (see the zone rule above). Throws a RangeError naming the text when it is none of the three.
 */
export function toDate(text: UtcTimestamp | LocalDateTime | DateOnly): Date {
  const form = FORMS.UtcTimestamp.test(text) ? "" : FORMS.LocalDateTime.test(text) ? "Z" : FORMS.DateOnly.test(text) ? "T00:00:00Z" : undefined;
  const date = form === undefined ? undefined : new Date(text + form);
  if (date === undefined || Number.isNaN(date.getTime()))
    throw new RangeError(`toDate: ${JSON.stringify(text)} is not a Wrike date (yyyy-MM-ddTHH:mm:ssZ, yyyy-MM-ddTHH:mm:ss or yyyy-MM-dd)`);
  return date;
}
