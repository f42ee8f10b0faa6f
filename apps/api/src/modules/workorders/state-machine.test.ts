import { describe, expect, it } from 'vitest';
import { canTransition, isReopening, type WorkOrderStatus, workOrderStatuses } from './state-machine';

const legal: [WorkOrderStatus, WorkOrderStatus][] = [
  ['new', 'assigned'],
  ['assigned', 'in_progress'],
  ['in_progress', 'waiting_customer'],
  ['in_progress', 'resolved'],
  ['waiting_customer', 'in_progress'],
  ['waiting_customer', 'resolved'],
  ['resolved', 'closed'],
  ['resolved', 'in_progress'],
  ['closed', 'in_progress'],
];

describe('work-order state machine', () => {
  it.each(legal)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  const illegal = workOrderStatuses.flatMap((from) =>
    workOrderStatuses
      .filter((to) => !legal.some(([a, b]) => a === from && b === to))
      .map((to) => [from, to] as [WorkOrderStatus, WorkOrderStatus]),
  );

  it('has 27 illegal moves, itself included', () => {
    expect(illegal).toHaveLength(36 - legal.length);
  });

  it.each(illegal)('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('knows a reopening', () => {
    expect(isReopening('resolved', 'in_progress')).toBe(true);
    expect(isReopening('closed', 'in_progress')).toBe(true);
    expect(isReopening('waiting_customer', 'in_progress')).toBe(false);
  });
});
