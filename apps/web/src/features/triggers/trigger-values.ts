import type { components } from '@cims/api-client';
import { ZTaskKind } from '@cims/schemas';
import type { TFunction } from 'i18next';
import type { LIFECYCLE_STAGES } from '../customers/enums';
import type { WORK_ORDER_CATEGORIES, WORK_ORDER_PRIORITIES } from '../work-orders/work-order-format';

/*
 * The trigger form's state as pure functions: what the form starts from, what it sends (with the checks
 * worth making before a round trip, reported with the JSON Pointers the server would use), and a trigger
 * and its runs in words.
 */

type Schemas = components['schemas'];
export type TTrigger = Schemas['Trigger'];
export type TTriggerInput = Schemas['TriggerInput'];
export type TTriggerAction = Schemas['TriggerAction'];
export type TTriggerActionType = TTriggerAction['type'];
export type TTriggerRunItem = Schemas['TriggerRunDetail']['items'][number];
type TFiresOn = TTriggerInput['firesOn'];

export const TRIGGER_ACTION_TYPES = [
  'create_task',
  'add_tag',
  'remove_tag',
  'open_work_order',
  'set_lifecycle_stage',
] as const satisfies readonly TTriggerActionType[];
export const FIRES_ON = ['segment_entry', 'daily'] as const satisfies readonly TFiresOn[];
export const TASK_KINDS = ZTaskKind.options;
export const MAX_ACTIONS = 10;

const DEFAULT_DAILY_AT = '09:00';
const DEFAULT_MAX_CUSTOMERS = 500;
const DUE_IN_DAYS = { min: 0, max: 365 } as const;
const MAX_CUSTOMERS = { min: 1, max: 100_000 } as const;
const DAILY_AT = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * One action as the form edits it: every type's fields at once, so switching the type back and forth
 * keeps what was typed; numbers stay the text typed until sent. `key` identifies the row while it moves.
 */
export type TActionValues = {
  key: string;
  type: TTriggerActionType;
  taskKind: (typeof TASK_KINDS)[number];
  dueInDays: string;
  note: string;
  tag: string;
  category: (typeof WORK_ORDER_CATEGORIES)[number];
  priority: (typeof WORK_ORDER_PRIORITIES)[number];
  title: string;
  lifecycleStage: (typeof LIFECYCLE_STAGES)[number];
};

export type TTriggerFormValues = {
  name: string;
  isEnabled: boolean;
  segmentId: string;
  firesOn: TFiresOn;
  includeCurrentMembers: boolean;
  dailyAt: string;
  maxCustomersPerRun: string;
  actions: TActionValues[];
};

export type TFormProblem = { path: string; message: string };

let lastKey = 0;
function nextKey(): string {
  lastKey += 1;
  return `a${lastKey}`;
}

export function newActionValues(type: TTriggerActionType = 'create_task'): TActionValues {
  return {
    key: nextKey(),
    type,
    taskKind: 'follow_up',
    dueInDays: '1',
    note: '',
    tag: '',
    category: 'after_sales',
    priority: 'normal',
    title: '',
    lifecycleStage: 'customer',
  };
}

function toActionValues(action: TTriggerAction): TActionValues {
  const values = { ...newActionValues(action.type) };
  switch (action.type) {
    case 'create_task':
      return {
        ...values,
        taskKind: action.taskKind,
        dueInDays: String(action.dueInDays),
        note: action.note ?? '',
      };
    case 'add_tag':
    case 'remove_tag':
      return { ...values, tag: action.tag };
    case 'open_work_order':
      return { ...values, category: action.category, priority: action.priority, title: action.title };
    case 'set_lifecycle_stage':
      return { ...values, lifecycleStage: action.lifecycleStage };
  }
}

/** What the form starts from: the trigger being edited, or a new one (on a segment, when one is given). */
export function triggerFormValuesOf(trigger?: TTrigger, segmentId = ''): TTriggerFormValues {
  if (!trigger) {
    return {
      name: '',
      isEnabled: true,
      segmentId,
      firesOn: 'segment_entry',
      includeCurrentMembers: false,
      dailyAt: DEFAULT_DAILY_AT,
      maxCustomersPerRun: String(DEFAULT_MAX_CUSTOMERS),
      actions: [newActionValues()],
    };
  }
  return {
    name: trigger.name,
    isEnabled: trigger.isEnabled,
    segmentId: trigger.segment.id,
    firesOn: trigger.firesOn,
    includeCurrentMembers: trigger.includeCurrentMembers,
    dailyAt: trigger.dailyAt,
    maxCustomersPerRun: String(trigger.maxCustomersPerRun),
    actions: trigger.actions.map(toActionValues),
  };
}

/** A whole number typed in a box, within a range; null when it is not one. */
function wholeNumber(text: string, range: { min: number; max: number }): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= range.min && value <= range.max ? value : null;
}

function rangeMessage(range: { min: number; max: number }): string {
  return `Must be a whole number from ${range.min} to ${range.max}`;
}

function toAction(values: TActionValues, path: string, problems: TFormProblem[]): TTriggerAction | null {
  const required = (name: string, text: string) => {
    if (text.trim() === '') problems.push({ path: `${path}/${name}`, message: 'Required' });
    return text.trim();
  };
  switch (values.type) {
    case 'create_task': {
      const dueInDays = wholeNumber(values.dueInDays, DUE_IN_DAYS);
      if (dueInDays === null) {
        problems.push({ path: `${path}/dueInDays`, message: rangeMessage(DUE_IN_DAYS) });
        return null;
      }
      const note = values.note.trim();
      return { type: values.type, taskKind: values.taskKind, dueInDays, note: note === '' ? null : note };
    }
    case 'add_tag':
    case 'remove_tag':
      return { type: values.type, tag: required('tag', values.tag) };
    case 'open_work_order':
      return {
        type: values.type,
        category: values.category,
        priority: values.priority,
        title: required('title', values.title),
      };
    case 'set_lifecycle_stage':
      return { type: values.type, lifecycleStage: values.lifecycleStage };
  }
}

/**
 * The request body for the form's values, or the problems that keep it from being sent. The time of day
 * goes only with daily triggers and "include current members" only with segment-entry ones.
 */
export function triggerInputOf(
  values: TTriggerFormValues,
): { body: TTriggerInput; problems: [] } | { body: null; problems: TFormProblem[] } {
  const problems: TFormProblem[] = [];
  const name = values.name.trim();
  if (name === '') problems.push({ path: '/name', message: 'Required' });
  if (values.segmentId === '') problems.push({ path: '/segmentId', message: 'Required' });
  const isDaily = values.firesOn === 'daily';
  if (isDaily && !DAILY_AT.test(values.dailyAt))
    problems.push({ path: '/dailyAt', message: 'Must be a time in the form HH:MM' });
  const maxCustomersPerRun = wholeNumber(values.maxCustomersPerRun, MAX_CUSTOMERS);
  if (maxCustomersPerRun === null)
    problems.push({ path: '/maxCustomersPerRun', message: rangeMessage(MAX_CUSTOMERS) });
  if (values.actions.length === 0) problems.push({ path: '/actions', message: 'Add at least one action' });
  const actions = values.actions.map((action, index) => toAction(action, `/actions/${index}`, problems));
  if (problems.length > 0 || maxCustomersPerRun === null) return { body: null, problems };
  return {
    body: {
      name,
      isEnabled: values.isEnabled,
      segmentId: values.segmentId,
      firesOn: values.firesOn,
      ...(isDaily ? { dailyAt: values.dailyAt } : { includeCurrentMembers: values.includeCurrentMembers }),
      maxCustomersPerRun,
      actions: actions.filter((action): action is TTriggerAction => action !== null),
    },
    problems: [],
  };
}

/** One action in words, e.g. 为负责人创建任务“跟进”，2 天后到期：专属客服回访. */
export function describeAction(t: TFunction, action: TTriggerAction): string {
  switch (action.type) {
    case 'create_task':
      return t(action.note ? 'triggers.describe.createTaskWithNote' : 'triggers.describe.createTask', {
        kind: t(`enums.taskKind.${action.taskKind}`),
        count: action.dueInDays,
        note: action.note,
      });
    case 'add_tag':
    case 'remove_tag':
      return t(`triggers.describe.${action.type === 'add_tag' ? 'addTag' : 'removeTag'}`, {
        tag: action.tag,
      });
    case 'open_work_order':
      return t('triggers.describe.openWorkOrder', {
        category: t(`enums.workOrderCategory.${action.category}`),
        priority: t(`enums.workOrderPriority.${action.priority}`),
        title: action.title,
      });
    case 'set_lifecycle_stage':
      return t('triggers.describe.setLifecycleStage', {
        stage: t(`enums.lifecycleStage.${action.lifecycleStage}`),
      });
  }
}

/** When a trigger fires, in words. */
export function describeFiring(
  t: TFunction,
  trigger: Pick<TTrigger, 'firesOn' | 'includeCurrentMembers' | 'dailyAt'>,
): string {
  if (trigger.firesOn === 'daily') return t('triggers.describe.daily', { time: trigger.dailyAt });
  return t(trigger.includeCurrentMembers ? 'triggers.describe.entryWithCurrent' : 'triggers.describe.entry');
}

/*
 * The server words why an action was skipped or failed in English (apps/api triggers/service.ts); the
 * reasons it gives for skipping are known and translated, anything else is shown as it came.
 */
const RUN_ITEM_DETAILS: Record<string, string> = {
  'Settled already for this firing': 'doneAlready',
  'The customer has no owner': 'noOwner',
  'No such customer': 'noCustomer',
  'Tagged already': 'taggedAlready',
  'Not tagged': 'notTagged',
  'At this stage already': 'stageAlready',
};

export function runItemDetailText(t: TFunction, detail: string | null): string | null {
  if (detail === null) return null;
  const key = RUN_ITEM_DETAILS[detail];
  return key ? t(`triggers.runDetails.${key}`) : detail;
}
