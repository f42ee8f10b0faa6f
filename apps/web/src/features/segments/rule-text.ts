import type { components } from '@cims/api-client';
import type { TFunction } from 'i18next';
import type { TSegmentRule } from './rule-tree';
import { enumOptionsOf, regionLabel, type TSegmentField, valueKindOf } from './segment-fields';

type Schemas = components['schemas'];
type TFieldCondition = Schemas['SegmentFieldCondition'];
type TEventCondition = Schemas['SegmentEventCondition'];
type TConsentCondition = Schemas['SegmentConsentCondition'];

/** A rule in words: one line per condition, groups and NOT as a heading over their lines. */
export type TRuleText = { text: string; rules: TRuleText[] };

export type TRuleTextOptions = {
  /** The owner's name for an `ownerId` value, when the user list is at hand. */
  userName: (id: string) => string | null;
};

function fieldValueText(
  t: TFunction,
  field: TSegmentField,
  value: string | number,
  options: TRuleTextOptions,
) {
  const text = String(value);
  switch (valueKindOf(field)) {
    case 'enum': {
      const option = enumOptionsOf(field).find((entry) => entry.value === text);
      return option?.labelKey ? t(option.labelKey) : text;
    }
    case 'province':
    case 'city':
      return regionLabel(text);
    case 'owner':
      return options.userName(text) ?? text;
    default:
      return text;
  }
}

function fieldText(t: TFunction, condition: TFieldCondition, options: TRuleTextOptions): string {
  const field = t(`segments.fields.${condition.field}`);
  const values = condition.value === undefined ? [] : [condition.value].flat();
  const value = values
    .map((entry) => fieldValueText(t, condition.field, entry, options))
    .join(t('common.listSeparator'));
  const kind = valueKindOf(condition.field);
  // Dates read as earlier/later and tags as having; the other fields share the general wording.
  const family = kind === 'date' || kind === 'tags' ? kind : 'field';
  return t(`segments.words.${family}.${condition.operator}`, { field, value });
}

function eventsText(t: TFunction, condition: TEventCondition): string {
  const where = condition.where ?? {};
  let events = t(`segments.words.events.${condition.event}`);
  if (where.interactionType)
    events = t('segments.words.eventsOfType', {
      type: t(`enums.interactionType.${where.interactionType}`),
      events,
    });
  if (where.workOrderCategory)
    events = t('segments.words.eventsOfType', {
      type: t(`enums.workOrderCategory.${where.workOrderCategory}`),
      events,
    });
  const filters: string[] = [];
  if (where.orderStatus)
    filters.push(
      t('segments.words.orderStatus', {
        list: where.orderStatus
          .map((status) => t(`enums.orderStatus.${status}`))
          .join(t('common.listSeparator')),
      }),
    );
  if (where.orderChannel)
    filters.push(
      t('segments.words.orderChannel', { channel: t(`enums.orderChannel.${where.orderChannel}`) }),
    );
  if (where.campaignCode) filters.push(t('segments.words.campaignCode', { code: where.campaignCode }));
  return filters.length === 0
    ? events
    : t('segments.words.withFilters', { events, filters: filters.join(t('segments.words.filterSeparator')) });
}

function eventText(t: TFunction, condition: TEventCondition): string {
  const window =
    condition.windowDays === undefined ? '' : t('segments.words.window', { days: condition.windowDays });
  return t(`segments.words.measure.${condition.measure}`, {
    events: eventsText(t, condition),
    window,
    comparison: t(`segments.words.comparison.${condition.operator}`, { value: condition.value }),
  });
}

function consentText(t: TFunction, condition: TConsentCondition): string {
  return t(`segments.words.consent.${condition.isGranted ? 'granted' : 'notGranted'}`, {
    purpose: t(`enums.consentPurpose.${condition.purpose}`),
    channel: t(`enums.consentChannel.${condition.channel}`),
  });
}

export function describeRule(t: TFunction, rule: TSegmentRule, options: TRuleTextOptions): TRuleText {
  switch (rule.type) {
    case 'group':
      return {
        text: t(`segments.words.group.${rule.op}`),
        rules: rule.rules.map((child) => describeRule(t, child, options)),
      };
    case 'not': {
      const inner = describeRule(t, rule.rule, options);
      // NOT over one condition reads as one line; over a group, as a heading above the group.
      return inner.rules.length === 0
        ? { text: t('segments.words.notOne', { rule: inner.text }), rules: [] }
        : { text: t('segments.words.not'), rules: [inner] };
    }
    case 'field':
      return { text: fieldText(t, rule, options), rules: [] };
    case 'event':
      return { text: eventText(t, rule), rules: [] };
    case 'consent':
      return { text: consentText(t, rule), rules: [] };
  }
}
