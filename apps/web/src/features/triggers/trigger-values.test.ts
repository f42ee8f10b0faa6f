import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import {
  describeAction,
  describeFiring,
  newActionValues,
  runItemDetailText,
  type TTrigger,
  triggerFormValuesOf,
  triggerInputOf,
} from './trigger-values';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const zh = i18n.getFixedT('zh-CN');
const english = i18n.getFixedT('en');

const trigger: TTrigger = {
  id: '7b0c6a52-5d8e-4b8f-9a51-2f3f1f6f4a10',
  name: '常购客户专属回访',
  isEnabled: true,
  segment: { id: 'c1d2e3f4-0000-4000-8000-000000000001', name: '30天未登录的常购客户' },
  firesOn: 'segment_entry',
  includeCurrentMembers: true,
  dailyAt: '09:00',
  maxCustomersPerRun: 200,
  actions: [
    { type: 'create_task', taskKind: 'follow_up', dueInDays: 2, note: '专属客服回访' },
    { type: 'add_tag', tag: '常购' },
    { type: 'open_work_order', category: 'consultation', priority: 'high', title: '回访确认' },
    { type: 'set_lifecycle_stage', lifecycleStage: 'customer' },
  ],
  createdBy: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  version: 3,
  lastRun: null,
};

describe('trigger form values', () => {
  it('round-trips a saved trigger into the same body', () => {
    const { body, problems } = triggerInputOf(triggerFormValuesOf(trigger));
    expect(problems).toEqual([]);
    expect(body).toEqual({
      name: trigger.name,
      isEnabled: true,
      segmentId: trigger.segment.id,
      firesOn: 'segment_entry',
      includeCurrentMembers: true,
      maxCustomersPerRun: 200,
      actions: trigger.actions,
    });
  });

  it('starts a new trigger on the segment it was opened from, with one task action', () => {
    const values = triggerFormValuesOf(undefined, 'seg-1');
    expect(values).toMatchObject({ segmentId: 'seg-1', firesOn: 'segment_entry', maxCustomersPerRun: '500' });
    expect(values.actions.map((action) => action.type)).toEqual(['create_task']);
  });

  it('sends the time of day only with daily triggers, trimmed text, and no empty note', () => {
    const values = triggerFormValuesOf(undefined, 'seg-1');
    const { body } = triggerInputOf({
      ...values,
      name: '  每日复查 ',
      firesOn: 'daily',
      dailyAt: '08:30',
      actions: [{ ...newActionValues('create_task'), dueInDays: '0', note: '  ' }],
    });
    expect(body).toMatchObject({ name: '每日复查', firesOn: 'daily', dailyAt: '08:30' });
    expect(body).not.toHaveProperty('includeCurrentMembers');
    expect(body?.actions).toEqual([{ type: 'create_task', taskKind: 'follow_up', dueInDays: 0, note: null }]);
  });

  it('keeps what another action type typed, sending only the chosen type fields', () => {
    const action = { ...newActionValues('add_tag'), tag: 'VIP', title: '留着' };
    const values = { ...triggerFormValuesOf(undefined, 'seg-1'), name: '标签' };
    const { body } = triggerInputOf({ ...values, actions: [action] });
    expect(body?.actions).toEqual([{ type: 'add_tag', tag: 'VIP' }]);
  });

  it('reports problems at the paths the server would use', () => {
    const values = triggerFormValuesOf();
    const { body, problems } = triggerInputOf({
      ...values,
      firesOn: 'daily',
      dailyAt: '25:00',
      maxCustomersPerRun: '0',
      actions: [
        { ...newActionValues('create_task'), dueInDays: '400' },
        { ...newActionValues('remove_tag'), tag: ' ' },
        { ...newActionValues('open_work_order'), title: '' },
      ],
    });
    expect(body).toBeNull();
    expect(problems.map((problem) => problem.path)).toEqual([
      '/name',
      '/segmentId',
      '/dailyAt',
      '/maxCustomersPerRun',
      '/actions/0/dueInDays',
      '/actions/1/tag',
      '/actions/2/title',
    ]);
    expect(triggerInputOf({ ...values, name: 'x', segmentId: 's', actions: [] }).problems).toEqual([
      { path: '/actions', message: 'Add at least one action' },
    ]);
  });
});

describe('a trigger in words', () => {
  it('describes each action in Chinese and English', () => {
    expect(trigger.actions.map((action) => describeAction(zh, action))).toEqual([
      '为负责人创建“跟进”任务，2 天后到期：专属客服回访',
      '添加标签“常购”',
      '创建工单（咨询 · 高）：回访确认',
      '将生命周期阶段设为成交客户',
    ]);
    expect(describeAction(english, { type: 'create_task', taskKind: 'call_back', dueInDays: 1 })).toBe(
      'Create a “Call back” task for the owner, due in 1 day',
    );
    expect(describeAction(english, { type: 'remove_tag', tag: 'VIP' })).toBe('Remove the tag “VIP”');
  });

  it('describes when it fires', () => {
    expect(describeFiring(zh, trigger)).toBe('客户进入分群时（含当前成员）');
    expect(describeFiring(zh, { ...trigger, includeCurrentMembers: false })).toBe('客户进入分群时');
    expect(describeFiring(english, { ...trigger, firesOn: 'daily', dailyAt: '07:45' })).toBe(
      'Daily at 07:45',
    );
  });

  it('translates the reasons the server gives for skipping, and passes others through', () => {
    expect(runItemDetailText(zh, 'The customer has no owner')).toBe('客户没有负责人');
    expect(runItemDetailText(zh, 'Settled already for this firing')).toBe('本次触发已处理过');
    expect(runItemDetailText(zh, 'Something new')).toBe('Something new');
    expect(runItemDetailText(zh, null)).toBeNull();
  });
});
