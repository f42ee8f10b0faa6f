/*
 * `<input type="datetime-local">` speaks wall-clock time without a zone (`2026-03-01T09:30`); the API
 * speaks instants. These convert between the two in the browser's zone.
 */

/** An instant as a datetime-local value in the browser's zone, to the minute. */
export function toDateTimeLocal(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value as an ISO instant; '' (nothing entered) and unreadable text give null. */
export function fromDateTimeLocal(value: string): string | null {
  if (value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
