import type { TFunction } from 'i18next';
import { workOrderEventText } from '../work-orders/work-order-format';
import { historyActionLabel } from './history-action';
import type { TTimelineEvent, TTimelineEventType } from './queries';

/** The filter chips, in the order they are offered. */
export const TIMELINE_TYPES = [
  'order',
  'interaction',
  'work_order',
  'profile',
  'segment',
  'value_tier',
] as const satisfies readonly TTimelineEventType[];

/** Adds a type to the chosen ones or takes it away, keeping the chips' order (and so the query key) stable. */
export function toggleTimelineType(
  chosen: readonly TTimelineEventType[],
  type: TTimelineEventType,
): TTimelineEventType[] {
  const next = chosen.includes(type) ? chosen.filter((item) => item !== type) : [...chosen, type];
  return TIMELINE_TYPES.filter((item) => next.includes(item));
}

export type TTimelineEntry = {
  /** What happened, in one line. */
  title: string;
  /** What was said or written about it, if anything. */
  detail: string | null;
  /** The work order it belongs to, for a link. */
  workOrderId: string | null;
};

type TMoneyFormatter = (amount: string, currency: string) => string;

/** One timeline event as the list shows it, whichever of its kinds it is. */
export function timelineEntry(t: TFunction, event: TTimelineEvent, money: TMoneyFormatter): TTimelineEntry {
  const { order, interaction, workOrder, profile, segment, valueTier } = event;
  if (order) {
    return {
      title: t('timeline.order', {
        orderNo: order.orderNo,
        amount: money(order.amount, order.currency),
        status: t(`enums.orderStatus.${order.status}`),
      }),
      detail: order.store,
      workOrderId: null,
    };
  }
  if (interaction) {
    const parts = [
      t(`enums.interactionType.${interaction.type}`),
      t(`enums.interactionChannel.${interaction.channel}`),
      interaction.direction ? t(`enums.interactionDirection.${interaction.direction}`) : null,
    ];
    return {
      title: parts.filter(Boolean).join(' · '),
      detail: interaction.outcome
        ? t('timeline.withOutcome', { summary: interaction.summary, outcome: interaction.outcome })
        : interaction.summary,
      workOrderId: null,
    };
  }
  if (workOrder) {
    return {
      title: t('timeline.workOrder', {
        number: workOrder.number,
        title: workOrder.title,
        what: workOrderEventText(t, { ...workOrder, type: workOrder.event }),
      }),
      detail: workOrder.comment,
      workOrderId: workOrder.id,
    };
  }
  if (valueTier) {
    const none = t('timeline.noTier');
    return {
      title: t('timeline.valueTierChanged', { from: valueTier.from ?? none, to: valueTier.to ?? none }),
      detail: null,
      workOrderId: null,
    };
  }
  if (segment) {
    return {
      title: t(segment.event === 'entered' ? 'timeline.segmentEntered' : 'timeline.segmentExited', {
        name: segment.name,
      }),
      detail: null,
      workOrderId: null,
    };
  }
  return {
    title: profile ? historyActionLabel(t, profile.action) : t(`timeline.types.${event.type}`),
    detail: null,
    workOrderId: null,
  };
}
