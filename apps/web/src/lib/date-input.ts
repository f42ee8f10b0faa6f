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

const DAY_MS = 24 * 60 * 60 * 1000;

/** `yyyy-mm-dd` of a date in the browser's zone, as a date input wants it. */
export function toDateInput(date: Date): string {
  return toDateTimeLocal(date).slice(0, 10);
}

/** The whole of the chosen days in the browser's zone: from the first day's start to the last day's end. */
export function dayRange(fromDay: string, toDay: string): { from: string; to: string } {
  return {
    from: new Date(`${fromDay}T00:00:00`).toISOString(),
    to: new Date(new Date(`${toDay}T00:00:00`).getTime() + DAY_MS).toISOString(),
  };
}
