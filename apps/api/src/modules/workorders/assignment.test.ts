import { describe, expect, it } from 'vitest';
import { chooseAssignee, chooseQueueId } from './assignment';
import { defaultWorkOrderSettings, type WorkOrderSettings } from './settings';

const settings: WorkOrderSettings = {
  ...defaultWorkOrderSettings,
  queues: [
    { id: 'service', name: '客服中心', memberIds: [] },
    { id: 'vip', name: 'VIP', memberIds: [] },
    { id: 'south-install', name: '华南安装', memberIds: [] },
    { id: 'complaints', name: '投诉', memberIds: [] },
  ],
  assignmentRules: [
    { category: null, provinceCode: null, valueTier: 'A', queueId: 'vip' },
    { category: 'installation', provinceCode: '440000', valueTier: null, queueId: 'south-install' },
    { category: 'complaint', provinceCode: null, valueTier: null, queueId: 'complaints' },
  ],
};

describe('auto-assignment', () => {
  it('takes the first rule whose conditions all hold, else the default queue', () => {
    expect(chooseQueueId(settings, { category: 'complaint', provinceCode: '110000', valueTier: 'A' })).toBe(
      'vip',
    );
    expect(
      chooseQueueId(settings, { category: 'installation', provinceCode: '440000', valueTier: 'B' }),
    ).toBe('south-install');
    expect(
      chooseQueueId(settings, { category: 'installation', provinceCode: '110000', valueTier: null }),
    ).toBe('service');
    expect(chooseQueueId(settings, { category: 'complaint', provinceCode: null, valueTier: null })).toBe(
      'complaints',
    );
  });

  it('gives the work to the member with the fewest open items, the longest-waiting on a tie', () => {
    const earlier = new Date('2026-12-01T01:00:00Z');
    const later = new Date('2026-12-01T02:00:00Z');
    expect(
      chooseAssignee([
        { userId: 'b', openCount: 3, lastAssignedAt: earlier },
        { userId: 'a', openCount: 1, lastAssignedAt: later },
      ]),
    ).toBe('a');
    expect(
      chooseAssignee([
        { userId: 'a', openCount: 2, lastAssignedAt: later },
        { userId: 'b', openCount: 2, lastAssignedAt: earlier },
        { userId: 'c', openCount: 2, lastAssignedAt: null },
      ]),
    ).toBe('c');
    expect(chooseAssignee([])).toBeNull();
  });
});
