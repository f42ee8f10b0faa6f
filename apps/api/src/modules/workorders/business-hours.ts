/**
 * SLA clocks in business hours (工作时间): time counts only inside the working hours of workdays of the
 * business calendar, in its time zone. Public holidays are off even on a weekday; make-up workdays (调休)
 * are on even at a weekend. Time-zone offsets come from Intl, so zones with daylight saving work too.
 */
import type { components } from '@cims/api-client';
import { DomainError } from '../../http/errors';

export type BusinessCalendar = components['schemas']['BusinessCalendar'];

const minuteMs = 60_000;
const dayMs = 86_400_000;
/** A calendar with no working time at all would never reach a due time; stop looking after ten years. */
const maxDaysAhead = 3_660;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function localDateOf(instant: number, timeZone: string): LocalDate {
  const shifted = new Date(instant + offsetAt(instant, timeZone));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant at a local wall-clock time (minutes after midnight) of a local date. */
function instantAt(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * minuteMs;
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day) + dayMs);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function isWorkday(calendar: BusinessCalendar, date: LocalDate): boolean {
  const iso = isoDate(date);
  if (calendar.makeUpWorkdays.includes(iso)) return true;
  if (calendar.holidays.includes(iso)) return false;
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
  return calendar.workdays.includes(weekday);
}

/** The working windows [start, end) of each local day from the one containing `from`, as instants. */
function* workingWindows(calendar: BusinessCalendar, from: number) {
  const start = minutesOf(calendar.dayStart);
  const end = minutesOf(calendar.dayEnd);
  let date = localDateOf(from, calendar.timeZone);
  for (let day = 0; day < maxDaysAhead; day++, date = nextDate(date)) {
    if (end <= start || !isWorkday(calendar, date)) continue;
    yield [instantAt(date, start, calendar.timeZone), instantAt(date, end, calendar.timeZone)] as const;
  }
}

/** The instant `hours` of working time after `start`. */
export function addBusinessHours(calendar: BusinessCalendar, start: Date, hours: number): Date {
  let remaining = Math.round(hours * 60 * minuteMs);
  for (const [windowStart, windowEnd] of workingWindows(calendar, start.getTime())) {
    const from = Math.max(windowStart, start.getTime());
    if (from >= windowEnd) continue;
    if (from + remaining <= windowEnd) return new Date(from + remaining);
    remaining -= windowEnd - from;
  }
  // Settings refuse such a calendar (settingsProblems); one stored before that check is a conflict to fix.
  throw new DomainError(
    'conflict',
    'The business calendar has no working time in the next ten years; an admin must fix the work-order settings.',
  );
}

/** Working time between two instants, in milliseconds (0 when `end` is not after `start`). */
export function businessMsBetween(calendar: BusinessCalendar, start: Date, end: Date): number {
  let total = 0;
  if (end <= start) return 0;
  for (const [windowStart, windowEnd] of workingWindows(calendar, start.getTime())) {
    if (windowStart >= end.getTime()) break;
    const from = Math.max(windowStart, start.getTime());
    const to = Math.min(windowEnd, end.getTime());
    if (to > from) total += to - from;
  }
  return total;
}
