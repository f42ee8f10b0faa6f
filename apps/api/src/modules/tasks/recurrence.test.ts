import { describe, expect, it } from 'vitest';
import { nextDue } from './service';

describe('the next due time of a recurring task', () => {
  it.each([
    ['2027-01-31T01:00:00.000Z', '2027-02-28T01:00:00.000Z'],
    ['2028-01-31T01:00:00.000Z', '2028-02-29T01:00:00.000Z'],
    ['2027-03-31T01:00:00.000Z', '2027-04-30T01:00:00.000Z'],
    ['2027-12-31T01:00:00.000Z', '2028-01-31T01:00:00.000Z'],
    ['2027-01-15T01:00:00.000Z', '2027-02-15T01:00:00.000Z'],
  ])('a month after %s is %s', (due, next) => {
    expect(nextDue(new Date(due), 'monthly')?.toISOString()).toBe(next);
  });

  it('counts days and weeks, and has none without recurrence', () => {
    const due = new Date('2027-02-28T01:00:00.000Z');
    expect(nextDue(due, 'daily')?.toISOString()).toBe('2027-03-01T01:00:00.000Z');
    expect(nextDue(due, 'weekly')?.toISOString()).toBe('2027-03-07T01:00:00.000Z');
    expect(nextDue(due, 'none')).toBeNull();
  });
});
