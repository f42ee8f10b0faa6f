import { describe, expect, it } from 'vitest';
import {
  formPathOf,
  formValuesFromSettings,
  isRenderedSettingsField,
  newQueueId,
  percentToShare,
  policiesFromSlaGrid,
  settingsFormProblems,
  settingsFormResolver,
  shareToPercent,
  slaGridFromPolicies,
  type TSettingsFormValues,
  type TWorkOrderSettings,
  toSettingsBody,
} from './work-order-settings-values';

const MEMBER = '0d5e8f3a-6b1c-4c2d-9e7f-1a2b3c4d5e6f';

/** Every category × priority, as the server's defaults store them. */
function fullPolicies(): TWorkOrderSettings['slaPolicies'] {
  const hours = { low: [8, 40], normal: [4, 24], high: [2, 16], urgent: [1, 8] } as const;
  return (['after_sales', 'complaint', 'consultation', 'installation', 'other'] as const).flatMap(
    (category) =>
      (['low', 'normal', 'high', 'urgent'] as const).map((priority) => ({
        category,
        priority,
        firstResponseHours: hours[priority][0],
        resolutionHours: hours[priority][1],
      })),
  );
}

const settings: TWorkOrderSettings = {
  queues: [
    { id: 'service', name: '客服中心', memberIds: [] },
    { id: 'install-south', name: '华南安装', memberIds: [MEMBER] },
  ],
  defaultQueueId: 'service',
  assignmentRules: [
    { category: 'installation', provinceCode: '440000', valueTier: null, queueId: 'install-south' },
    { category: null, provinceCode: null, valueTier: 'A', queueId: 'service' },
  ],
  slaPolicies: fullPolicies(),
  businessCalendar: {
    timeZone: 'Asia/Shanghai',
    workdays: [1, 2, 3, 4, 5],
    dayStart: '09:00',
    dayEnd: '18:00',
    holidays: ['2026-10-01', '2026-05-01'],
    makeUpWorkdays: ['2026-09-27'],
  },
  warnAtShare: 0.8,
};

function values(change: (draft: TSettingsFormValues) => void = () => undefined): TSettingsFormValues {
  const draft = formValuesFromSettings(settings);
  change(draft);
  return draft;
}

describe('settings ⇄ form values', () => {
  it('round-trip to the same body (dates sorted)', () => {
    const body = toSettingsBody(values());
    expect(body).toEqual({
      ...settings,
      businessCalendar: { ...settings.businessCalendar, holidays: ['2026-05-01', '2026-10-01'] },
    });
  });

  it('show "any" as the empty choice and send it as null', () => {
    const draft = values();
    expect(draft.assignmentRules[1]).toEqual({
      category: '',
      provinceCode: '',
      valueTier: 'A',
      queueId: 'service',
    });
    draft.assignmentRules[0] = {
      ...draft.assignmentRules[0],
      provinceCode: '',
      queueId: 'install-south',
    } as never;
    expect(toSettingsBody(draft).assignmentRules[0]).toEqual({
      category: 'installation',
      provinceCode: null,
      valueTier: null,
      queueId: 'install-south',
    });
  });

  it('keep stored queues fixed and never send the form-only flag', () => {
    const draft = values();
    expect(draft.queues.every((queue) => !queue.isNew)).toBe(true);
    draft.queues.push({ id: ' vip ', name: ' 大客户 ', memberIds: [MEMBER, MEMBER], isNew: true });
    expect(toSettingsBody(draft).queues[2]).toEqual({ id: 'vip', name: '大客户', memberIds: [MEMBER] });
  });

  it('show the warning share as a percentage without binary fractions', () => {
    expect(shareToPercent(0.8)).toBe('80');
    expect(shareToPercent(0.57)).toBe('57');
    expect(shareToPercent(0.125)).toBe('12.5');
    expect(percentToShare('57')).toBe(0.57);
    expect(percentToShare('12.5')).toBe(0.125);
  });
});

describe('the SLA hours grid', () => {
  it('fills pairs without a policy with the hours the server falls back to', () => {
    const grid = slaGridFromPolicies([
      { category: 'complaint', priority: 'urgent', firstResponseHours: 0.5, resolutionHours: 4 },
    ]);
    expect(grid.complaint.urgent).toEqual({ firstResponseHours: '0.5', resolutionHours: '4' });
    expect(grid.after_sales.low).toEqual({ firstResponseHours: '8', resolutionHours: '40' });
  });

  it('sends every cell, categories then priorities', () => {
    const grid = slaGridFromPolicies(fullPolicies());
    grid.installation.high.resolutionHours = '20';
    const policies = policiesFromSlaGrid(grid);
    expect(policies).toHaveLength(20);
    expect(policies[0]).toEqual({
      category: 'after_sales',
      priority: 'low',
      firstResponseHours: 8,
      resolutionHours: 40,
    });
    expect(
      policies.find((p) => p.category === 'installation' && p.priority === 'high')?.resolutionHours,
    ).toBe(20);
  });

  it('takes the server’s errors on the list back to the grid cell they came from', () => {
    const body = toSettingsBody(values());
    const index = body.slaPolicies.findIndex((p) => p.category === 'complaint' && p.priority === 'high');
    expect(formPathOf(`/slaPolicies/${index}/resolutionHours`, body)).toBe(
      'slaHours.complaint.high.resolutionHours',
    );
    expect(formPathOf(`/slaPolicies/${index}`, body)).toBe('slaHours.complaint.high.firstResponseHours');
    expect(formPathOf('/slaPolicies/99/resolutionHours', body)).toBe('slaPolicies.99.resolutionHours');
    expect(formPathOf('/warnAtShare', body)).toBe('warnAtPercent');
    expect(formPathOf('/queues/1/memberIds/0', body)).toBe('queues.1.memberIds.0');
  });
});

describe('settingsFormProblems', () => {
  it('finds nothing wrong with stored settings', () => {
    expect(settingsFormProblems(values())).toEqual([]);
  });

  it('says what the server would, where the form shows it', () => {
    const problems = settingsFormProblems(
      values((draft) => {
        draft.queues[1] = { id: 'service', name: ' ', memberIds: [], isNew: true };
        draft.defaultQueueId = 'gone';
        draft.assignmentRules[0] = { category: '', provinceCode: '', valueTier: '', queueId: 'gone' };
        draft.slaHours.other.urgent.firstResponseHours = '0';
        draft.slaHours.other.low.resolutionHours = '';
        draft.businessCalendar.timeZone = 'Mars/Olympus';
        draft.businessCalendar.dayEnd = '08:00';
        draft.warnAtPercent = '100';
      }),
    );
    expect(problems).toEqual([
      { path: 'queues.1.id', message: 'Used twice' },
      { path: 'queues.1.name', message: 'Required' },
      { path: 'defaultQueueId', message: 'No queue with this id' },
      { path: 'assignmentRules.0.queueId', message: 'No queue with this id' },
      {
        path: 'slaHours.other.low.resolutionHours',
        message: 'Must be a number of hours above 0 and at most 10000',
      },
      {
        path: 'slaHours.other.urgent.firstResponseHours',
        message: 'Must be a number of hours above 0 and at most 2000',
      },
      { path: 'businessCalendar.timeZone', message: 'Unknown time zone' },
      { path: 'businessCalendar.dayEnd', message: 'Must be after dayStart' },
      { path: 'warnAtPercent', message: 'Must be a percentage from 10 to 99' },
    ]);
    expect(problems.every((problem) => isRenderedSettingsField(problem.path))).toBe(true);
  });

  it('wants working days, times as HH:MM (24:00 ending a day) and valid queue ids', () => {
    const paths = (change: (draft: TSettingsFormValues) => void) =>
      settingsFormProblems(values(change)).map((problem) => problem.path);
    expect(paths((draft) => (draft.businessCalendar.workdays = []))).toEqual([]);
    expect(
      paths((draft) => {
        draft.businessCalendar.workdays = [];
        draft.businessCalendar.makeUpWorkdays = [];
      }),
    ).toEqual(['businessCalendar.workdays']);
    expect(paths((draft) => (draft.businessCalendar.dayEnd = '24:00'))).toEqual([]);
    expect(paths((draft) => (draft.businessCalendar.dayStart = '9:00'))).toEqual([
      'businessCalendar.dayStart',
    ]);
    expect(paths((draft) => (draft.queues[0] = { ...draft.queues[0], id: 'Service Desk' } as never))).toEqual(
      ['queues.0.id', 'defaultQueueId', 'assignmentRules.1.queueId'],
    );
  });
});

describe('settingsFormResolver', () => {
  const options = { fields: {}, shouldUseNativeValidation: false } as const;

  it('hands the submit handler the API body', async () => {
    const result = await settingsFormResolver(values(), undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(toSettingsBody(values()));
  });

  it('puts the first problem of each field on it', async () => {
    const result = await settingsFormResolver(
      values((draft) => (draft.slaHours.complaint.high.firstResponseHours = 'x')),
      undefined,
      options,
    );
    expect(result.errors.slaHours?.complaint?.high?.firstResponseHours?.message).toBe(
      'Must be a number of hours above 0 and at most 2000',
    );
  });
});

describe('newQueueId', () => {
  it('picks an id no queue has', () => {
    expect(newQueueId([{ id: 'service' }])).toBe('queue-2');
    expect(newQueueId([{ id: 'service' }, { id: 'queue-3' }])).toBe('queue-4');
  });
});
