import { describe, expect, it } from 'vitest';
import { isCalendarDate, isIsoCalendarDate, todayInChina } from './calendar-date';

describe('isCalendarDate', () => {
  it('knows leap years', () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(1999, 2, 29)).toBe(false);
  });

  it('rejects days and months that do not exist', () => {
    expect(isCalendarDate(1999, 4, 31)).toBe(false);
    expect(isCalendarDate(1999, 13, 1)).toBe(false);
    expect(isCalendarDate(1999, 0, 1)).toBe(false);
    expect(isCalendarDate(1999, 1, 0)).toBe(false);
  });
});

describe('isIsoCalendarDate', () => {
  it('needs the YYYY-MM-DD form and a real day', () => {
    expect(isIsoCalendarDate('1999-12-31')).toBe(true);
    expect(isIsoCalendarDate('1999-02-30')).toBe(false);
    expect(isIsoCalendarDate('1999-1-31')).toBe(false);
    expect(isIsoCalendarDate('19991231')).toBe(false);
  });
});

describe('todayInChina', () => {
  it('is already the next day in Beijing at 16:00 UTC', () => {
    expect(todayInChina(new Date('2024-03-01T15:59:59Z'))).toBe('2024-03-01');
    expect(todayInChina(new Date('2024-03-01T16:00:00Z'))).toBe('2024-03-02');
  });
});
