import { describe, expect, it } from 'vitest';
import { addBusinessHours, type BusinessCalendar, businessMsBetween } from './business-hours';

const calendar: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '18:00',
  // 2026 National Day holiday, with the Saturday before it a make-up workday.
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05'],
  makeUpWorkdays: ['2026-09-26'],
};

/** Shanghai wall-clock time (UTC+8) as an instant. */
const shanghai = (text: string) => new Date(`${text}+08:00`);

describe('business hours', () => {
  it('counts time inside working hours of the same day', () => {
    expect(addBusinessHours(calendar, shanghai('2026-12-01T10:00:00'), 4)).toEqual(
      shanghai('2026-12-01T14:00:00'),
    );
  });

  it('carries over the evening into the next working morning', () => {
    expect(addBusinessHours(calendar, shanghai('2026-12-01T16:00:00'), 4)).toEqual(
      shanghai('2026-12-02T11:00:00'),
    );
  });

  it('starts the clock at opening time for requests made at night', () => {
    expect(addBusinessHours(calendar, shanghai('2026-12-01T22:30:00'), 1)).toEqual(
      shanghai('2026-12-02T10:00:00'),
    );
    expect(addBusinessHours(calendar, shanghai('2026-12-02T06:00:00'), 1)).toEqual(
      shanghai('2026-12-02T10:00:00'),
    );
  });

  it('skips weekends', () => {
    // Friday 17:00 + 2 h → Monday 10:00.
    expect(addBusinessHours(calendar, shanghai('2026-12-04T17:00:00'), 2)).toEqual(
      shanghai('2026-12-07T10:00:00'),
    );
  });

  it('skips public holidays and works on make-up days', () => {
    // Friday 2026-09-25 17:00 + 2 h → the make-up Saturday 09-26, 10:00.
    expect(addBusinessHours(calendar, shanghai('2026-09-25T17:00:00'), 2)).toEqual(
      shanghai('2026-09-26T10:00:00'),
    );
    // Wednesday 09-30 17:00 + 2 h: Thu 1st and Fri 2nd are holidays, Mon 5th too → Tuesday 6th 10:00.
    expect(addBusinessHours(calendar, shanghai('2026-09-30T17:00:00'), 2)).toEqual(
      shanghai('2026-10-06T10:00:00'),
    );
  });

  it('spans several days for long SLAs', () => {
    // 24 business hours from Monday 09:00 = 2 days 6 hours → Wednesday 15:00.
    expect(addBusinessHours(calendar, shanghai('2026-11-30T09:00:00'), 24)).toEqual(
      shanghai('2026-12-02T15:00:00'),
    );
  });

  it('honours zones with daylight saving time', () => {
    const berlin: BusinessCalendar = {
      ...calendar,
      timeZone: 'Europe/Berlin',
      holidays: [],
      makeUpWorkdays: [],
    };
    // Friday 2026-03-27 17:00 CET (+01:00) + 2 h → Monday 03-30 10:00 CEST (+02:00).
    expect(addBusinessHours(berlin, new Date('2026-03-27T17:00:00+01:00'), 2)).toEqual(
      new Date('2026-03-30T10:00:00+02:00'),
    );
  });

  it('measures working time between two instants', () => {
    const hour = 3_600_000;
    expect(
      businessMsBetween(calendar, shanghai('2026-12-04T17:00:00'), shanghai('2026-12-07T10:00:00')),
    ).toBe(2 * hour);
    expect(
      businessMsBetween(calendar, shanghai('2026-12-05T10:00:00'), shanghai('2026-12-05T12:00:00')),
    ).toBe(0);
    expect(
      businessMsBetween(calendar, shanghai('2026-12-02T10:00:00'), shanghai('2026-12-01T10:00:00')),
    ).toBe(0);
  });

  it('refuses a calendar without working time instead of looping', () => {
    expect(() => addBusinessHours({ ...calendar, workdays: [] }, shanghai('2026-12-01T10:00:00'), 1)).toThrow(
      /no working time/,
    );
  });
});
