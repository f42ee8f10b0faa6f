const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeapYear ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isIsoCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The customers are in China, so "today" is the date in Beijing whatever the server's zone is: a baby
 * registered just after midnight there must not count as born in the future.
 */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_STANDARD_TIME_OFFSET_MS).toISOString().slice(0, 10);
}

export const EARLIEST_BIRTH_DATE = '1900-01-01';
