import { describe, expect, it } from 'vitest';
import { dayRange, fromDateTimeLocal, toDateInput, toDateTimeLocal } from './date-input';

// Dates built from local parts hold in whatever zone the tests run.
describe('datetime-local conversion', () => {
  it('shows an instant as wall-clock time in the browser zone, to the minute', () => {
    expect(toDateTimeLocal(new Date(2026, 2, 1, 9, 30, 45))).toBe('2026-03-01T09:30');
  });

  it('reads wall-clock time back as the instant', () => {
    expect(fromDateTimeLocal('2026-03-01T09:30')).toBe(new Date(2026, 2, 1, 9, 30).toISOString());
  });

  it('gives null for an empty or unreadable value', () => {
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('not a date')).toBeNull();
  });
});

describe('day ranges', () => {
  it('run from the first day’s start to the end of the last day in the browser zone', () => {
    expect(dayRange('2026-03-01', '2026-03-31')).toEqual({
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
  });

  it('write a date as a date input wants it', () => {
    expect(toDateInput(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
