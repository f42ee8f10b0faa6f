import type { components } from '@cims/api-client';
import { type FieldErrors, type Resolver, set } from 'react-hook-form';
import { pointerToFieldPath } from '../../lib/form-errors';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_PRIORITIES } from './work-order-format';

/*
 * The settings form keeps inputs as the strings the browser gives ('' for "any" or empty) and the SLA
 * policies as a category × priority grid; `toSettingsBody` turns that into the API's body. The body's
 * `slaPolicies` are a list, so `formPathOf` maps the server's JSON Pointers (`/slaPolicies/7/...`) back to
 * the grid cell the list entry came from. The checks here are the contract's and the server's own (which
 * word their messages the same way), so most mistakes show before a request is made.
 */

type Schemas = components['schemas'];
export type TWorkOrderSettings = Schemas['WorkOrderSettings'];
type TCategory = Schemas['WorkOrderCategory'];
type TPriority = Schemas['WorkOrderPriority'];
export type TRuleValueTier = Exclude<Schemas['ValueTier'], null>;
export type TSlaClock = 'firstResponseHours' | 'resolutionHours';

export const VALUE_TIERS = ['A', 'B', 'C', 'D'] as const satisfies readonly TRuleValueTier[];
export const SLA_CLOCKS = ['firstResponseHours', 'resolutionHours'] as const satisfies readonly TSlaClock[];
/** ISO weekdays, Monday first, as the calendar stores them. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The contract's limits. */
export const SLA_MAX_HOURS: Record<TSlaClock, number> = { firstResponseHours: 2000, resolutionHours: 10000 };
/** What the server uses for a category and priority without a policy. */
export const FALLBACK_SLA_HOURS: Record<TSlaClock, number> = { firstResponseHours: 8, resolutionHours: 40 };
export const WARN_PERCENT = { min: 10, max: 99 } as const;
const QUEUE_ID = /^[a-z0-9_-]{1,50}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^([01]\d|2[0-4]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type TQueueValues = {
  id: string;
  name: string;
  memberIds: string[];
  /** Added in this form: only then may the id change (work orders already carry stored queue ids). */
  isNew: boolean;
};

export type TRuleValues = {
  category: TCategory | '';
  provinceCode: string;
  valueTier: TRuleValueTier | '';
  queueId: string;
};

export type TSlaCell = Record<TSlaClock, string>;
export type TSlaGrid = Record<TCategory, Record<TPriority, TSlaCell>>;

export type TSettingsFormValues = {
  queues: TQueueValues[];
  defaultQueueId: string;
  assignmentRules: TRuleValues[];
  slaHours: TSlaGrid;
  businessCalendar: {
    timeZone: string;
    workdays: number[];
    dayStart: string;
    dayEnd: string;
    holidays: string[];
    makeUpWorkdays: string[];
  };
  warnAtPercent: string;
};

export type TFormProblem = { path: string; message: string };

function byCell<T>(
  make: (category: TCategory, priority: TPriority) => T,
): Record<TCategory, Record<TPriority, T>> {
  return Object.fromEntries(
    WORK_ORDER_CATEGORIES.map((category) => [
      category,
      Object.fromEntries(WORK_ORDER_PRIORITIES.map((priority) => [priority, make(category, priority)])),
    ]),
  ) as Record<TCategory, Record<TPriority, T>>;
}

/** The policies as a full grid; a pair without a policy shows the hours the server falls back to. */
export function slaGridFromPolicies(policies: TWorkOrderSettings['slaPolicies']): TSlaGrid {
  return byCell((category, priority) => {
    const policy = policies.find((item) => item.category === category && item.priority === priority);
    return {
      firstResponseHours: String(policy?.firstResponseHours ?? FALLBACK_SLA_HOURS.firstResponseHours),
      resolutionHours: String(policy?.resolutionHours ?? FALLBACK_SLA_HOURS.resolutionHours),
    };
  });
}

/** Every cell of the grid as a policy, categories then priorities in the order the grid shows them. */
export function policiesFromSlaGrid(grid: TSlaGrid): TWorkOrderSettings['slaPolicies'] {
  return WORK_ORDER_CATEGORIES.flatMap((category) =>
    WORK_ORDER_PRIORITIES.map((priority) => ({
      category,
      priority,
      firstResponseHours: Number(grid[category][priority].firstResponseHours),
      resolutionHours: Number(grid[category][priority].resolutionHours),
    })),
  );
}

/** 0.8 → '80'; rounded to hundredths of a percent so binary fractions never show. */
export function shareToPercent(share: number): string {
  return String(Math.round(share * 10_000) / 100);
}

export function percentToShare(percent: string): number {
  return Math.round(Number(percent) * 100) / 10_000;
}

function sortedDates(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort();
}

export function formValuesFromSettings(settings: TWorkOrderSettings): TSettingsFormValues {
  const calendar = settings.businessCalendar;
  return {
    queues: settings.queues.map((queue) => ({ ...queue, memberIds: [...queue.memberIds], isNew: false })),
    defaultQueueId: settings.defaultQueueId,
    assignmentRules: settings.assignmentRules.map((rule) => ({
      category: rule.category ?? '',
      provinceCode: rule.provinceCode ?? '',
      valueTier: rule.valueTier ?? '',
      queueId: rule.queueId,
    })),
    slaHours: slaGridFromPolicies(settings.slaPolicies),
    businessCalendar: {
      timeZone: calendar.timeZone,
      workdays: [...calendar.workdays].sort(),
      dayStart: calendar.dayStart,
      dayEnd: calendar.dayEnd,
      holidays: sortedDates(calendar.holidays),
      makeUpWorkdays: sortedDates(calendar.makeUpWorkdays),
    },
    warnAtPercent: shareToPercent(settings.warnAtShare),
  };
}

export function toSettingsBody(values: TSettingsFormValues): TWorkOrderSettings {
  const calendar = values.businessCalendar;
  return {
    queues: values.queues.map((queue) => ({
      id: queue.id.trim(),
      name: queue.name.trim(),
      memberIds: [...new Set(queue.memberIds)],
    })),
    defaultQueueId: values.defaultQueueId,
    assignmentRules: values.assignmentRules.map((rule) => ({
      category: rule.category || null,
      provinceCode: rule.provinceCode || null,
      valueTier: rule.valueTier || null,
      queueId: rule.queueId,
    })),
    slaPolicies: policiesFromSlaGrid(values.slaHours),
    businessCalendar: {
      timeZone: calendar.timeZone.trim(),
      workdays: [...new Set(calendar.workdays)].sort(),
      dayStart: calendar.dayStart.trim(),
      dayEnd: calendar.dayEnd.trim(),
      holidays: sortedDates(calendar.holidays),
      makeUpWorkdays: sortedDates(calendar.makeUpWorkdays),
    },
    warnAtShare: percentToShare(values.warnAtPercent),
  };
}

/** A queue id not yet taken, for a queue added in the form (the admin may change it before saving). */
export function newQueueId(queues: readonly Pick<TQueueValues, 'id'>[]): string {
  const taken = new Set(queues.map((queue) => queue.id));
  let n = queues.length + 1;
  while (taken.has(`queue-${n}`)) n += 1;
  return `queue-${n}`;
}

/** The form path where the server's error at a body pointer shows. */
export function formPathOf(pointer: string, body: TWorkOrderSettings): string {
  const sla = /^\/slaPolicies\/(\d+)(?:\/(\w+))?$/.exec(pointer);
  if (sla) {
    const policy = body.slaPolicies[Number(sla[1])];
    const clock = (SLA_CLOCKS as readonly string[]).includes(sla[2] ?? '') ? sla[2] : 'firstResponseHours';
    if (policy) return `slaHours.${policy.category}.${policy.priority}.${clock}`;
  }
  if (pointer === '/warnAtShare') return 'warnAtPercent';
  return pointerToFieldPath(pointer);
}

const RENDERED_FIELD = new RegExp(
  [
    '^queues\\.\\d+\\.(id|name|memberIds(\\.\\d+)?)$',
    '^defaultQueueId$',
    '^assignmentRules\\.\\d+\\.(category|provinceCode|valueTier|queueId)$',
    `^slaHours\\.(${WORK_ORDER_CATEGORIES.join('|')})\\.(${WORK_ORDER_PRIORITIES.join('|')})\\.(${SLA_CLOCKS.join('|')})$`,
    '^businessCalendar\\.(timeZone|workdays|dayStart|dayEnd|holidays|makeUpWorkdays)(\\.\\d+)?$',
    '^warnAtPercent$',
  ].join('|'),
);

/** Whether the form shows an error at this path itself (else the banner lists it). */
export function isRenderedSettingsField(path: string): boolean {
  return RENDERED_FIELD.test(path);
}

export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function hoursProblem(text: string, max: number): string | null {
  const hours = Number(text);
  if (text.trim() === '' || !Number.isFinite(hours) || hours <= 0 || hours > max)
    return `Must be a number of hours above 0 and at most ${max}`;
  return null;
}

/** What is wrong with the values, as the server would say it, at the form paths that show it. */
export function settingsFormProblems(values: TSettingsFormValues): TFormProblem[] {
  const problems: TFormProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const ids = values.queues.map((queue) => queue.id.trim());

  values.queues.forEach((queue, index) => {
    if (!QUEUE_ID.test(ids[index] ?? ''))
      add(`queues.${index}.id`, 'Queue id must be 1-50 lowercase letters, digits, _ or -');
    else if (ids.indexOf(queue.id.trim()) !== index) add(`queues.${index}.id`, 'Used twice');
    if (queue.name.trim() === '') add(`queues.${index}.name`, 'Required');
    else if (queue.name.trim().length > 100) add(`queues.${index}.name`, 'Must be at most 100 characters');
  });
  if (!ids.includes(values.defaultQueueId)) add('defaultQueueId', 'No queue with this id');
  values.assignmentRules.forEach((rule, index) => {
    if (!ids.includes(rule.queueId)) add(`assignmentRules.${index}.queueId`, 'No queue with this id');
  });

  for (const category of WORK_ORDER_CATEGORIES) {
    for (const priority of WORK_ORDER_PRIORITIES) {
      for (const clock of SLA_CLOCKS) {
        const problem = hoursProblem(values.slaHours[category][priority][clock], SLA_MAX_HOURS[clock]);
        if (problem) add(`slaHours.${category}.${priority}.${clock}`, problem);
      }
    }
  }

  const calendar = values.businessCalendar;
  if (!isKnownTimeZone(calendar.timeZone.trim())) add('businessCalendar.timeZone', 'Unknown time zone');
  if (calendar.workdays.length === 0 && calendar.makeUpWorkdays.length === 0)
    add('businessCalendar.workdays', 'A calendar needs working days');
  const isStartValid = TIME.test(calendar.dayStart.trim());
  const isEndValid = END_TIME.test(calendar.dayEnd.trim());
  if (!isStartValid) add('businessCalendar.dayStart', 'Must be a time in the form HH:MM');
  if (!isEndValid) add('businessCalendar.dayEnd', 'Must be a time in the form HH:MM');
  else if (isStartValid && calendar.dayEnd.trim() <= calendar.dayStart.trim())
    add('businessCalendar.dayEnd', 'Must be after dayStart');
  for (const list of ['holidays', 'makeUpWorkdays'] as const) {
    calendar[list].forEach((date, index) => {
      if (!ISO_DATE.test(date))
        add(`businessCalendar.${list}.${index}`, 'Must be a date in the form YYYY-MM-DD');
    });
  }

  const percent = Number(values.warnAtPercent);
  if (
    values.warnAtPercent.trim() === '' ||
    !Number.isFinite(percent) ||
    percent < WARN_PERCENT.min ||
    percent > WARN_PERCENT.max
  )
    add('warnAtPercent', 'Must be a percentage from 10 to 99');
  return problems;
}

/** Checks the values and, when they pass, hands the submit handler the API body. */
export const settingsFormResolver: Resolver<TSettingsFormValues, unknown, TWorkOrderSettings> = async (
  values,
) => {
  const problems = settingsFormProblems(values);
  if (problems.length === 0) return { values: toSettingsBody(values), errors: {} };
  const errors: FieldErrors<TSettingsFormValues> = {};
  const seen = new Set<string>();
  for (const problem of problems) {
    // The first problem at a path is the one the field shows.
    if (seen.has(problem.path)) continue;
    seen.add(problem.path);
    set(errors, problem.path, { type: 'validate', message: problem.message });
  }
  return { values: {}, errors };
};
