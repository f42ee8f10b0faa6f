/*
 * Input schemas for the work around a customer: work orders (工单), interactions (互动记录) and tasks, shared
 * by the SPA forms and the API. Parsing trims text and turns blank optional text into null.
 */
import { z } from 'zod';

export const ZWorkOrderCategory = z.enum([
  'after_sales',
  'complaint',
  'consultation',
  'installation',
  'other',
]);
export type TWorkOrderCategory = z.infer<typeof ZWorkOrderCategory>;

export const ZWorkOrderPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type TWorkOrderPriority = z.infer<typeof ZWorkOrderPriority>;

export const ZWorkOrderStatus = z.enum([
  'new',
  'assigned',
  'in_progress',
  'waiting_customer',
  'resolved',
  'closed',
]);
export type TWorkOrderStatus = z.infer<typeof ZWorkOrderStatus>;

export const ZWorkOrderChannel = z.enum([
  'hotline',
  'email',
  'wechat',
  'website',
  'store',
  'partner',
  'other',
]);
export type TWorkOrderChannel = z.infer<typeof ZWorkOrderChannel>;

export const ZInteractionType = z.enum([
  'call',
  'email',
  'visit',
  'chat',
  'complaint',
  'survey',
  'campaign_response',
  'login',
  'web_event',
]);
export type TInteractionType = z.infer<typeof ZInteractionType>;

export const ZInteractionChannel = z.enum([
  'phone',
  'email',
  'in_person',
  'wechat',
  'sms',
  'website',
  'app',
  'other',
]);
export type TInteractionChannel = z.infer<typeof ZInteractionChannel>;

export const ZTaskKind = z.enum(['data_review', 'follow_up', 'call_back', 'renewal']);
export type TTaskKind = z.infer<typeof ZTaskKind>;

export const ZTaskRecurrence = z.enum(['none', 'daily', 'weekly', 'monthly']);
export type TTaskRecurrence = z.infer<typeof ZTaskRecurrence>;

function requiredText(maxLength: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'Required' : 'Must be a string') })
    .trim()
    .min(1, 'Required')
    .max(maxLength, `Must be at most ${maxLength} characters`);
}

function optionalText(maxLength: number) {
  return z
    .string({ error: 'Must be a string' })
    .trim()
    .max(maxLength, `Must be at most ${maxLength} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullish();
}

const ZUuid = z.uuid('Must be a UUID');
const ZDateTime = z.iso.datetime({ offset: true, message: 'Must be a date and time (ISO 8601)' });

export const ZWorkOrderCreate = z.strictObject({
  customerId: ZUuid,
  orderId: ZUuid.nullish(),
  category: ZWorkOrderCategory,
  priority: ZWorkOrderPriority.optional(),
  channel: ZWorkOrderChannel.optional(),
  title: requiredText(200),
  description: optionalText(10000),
  queueId: z.string().max(50).optional(),
  assigneeId: ZUuid.optional(),
});
export type TWorkOrderCreate = z.output<typeof ZWorkOrderCreate>;
export type TWorkOrderCreateInput = z.input<typeof ZWorkOrderCreate>;

export const ZInteractionInput = z.strictObject({
  type: ZInteractionType,
  channel: ZInteractionChannel,
  direction: z.enum(['inbound', 'outbound']).nullish(),
  occurredAt: ZDateTime,
  summary: requiredText(2000),
  outcome: optionalText(1000),
  campaignCode: optionalText(100),
});
export type TInteractionInput = z.output<typeof ZInteractionInput>;
export type TInteractionInputValues = z.input<typeof ZInteractionInput>;

/** Names a customer by CIMS id or by a partner's external id; which one is given is checked on lookup. */
export const ZCustomerKey = z.strictObject({
  customerId: ZUuid.optional(),
  externalId: z.strictObject({ source: z.string(), externalId: z.string() }).optional(),
});
export type TCustomerKey = z.output<typeof ZCustomerKey>;

/** An interaction a partner sends; `(source, externalId)` is its identity there, so it is kept as sent. */
export const ZInteractionBatchItem = ZInteractionInput.extend({
  customer: ZCustomerKey,
  source: z
    .string({ error: 'Must be a string' })
    .min(1, 'Required')
    .max(100, 'Must be at most 100 characters'),
  externalId: z
    .string({ error: 'Must be a string' })
    .min(1, 'Required')
    .max(200, 'Must be at most 200 characters'),
});
export type TInteractionBatchItem = z.output<typeof ZInteractionBatchItem>;

export const ZTaskCreate = z
  .strictObject({
    kind: ZTaskKind,
    customerId: ZUuid,
    assigneeId: ZUuid.optional(),
    dueAt: ZDateTime.nullish(),
    note: optionalText(2000),
    recurrence: ZTaskRecurrence.optional(),
  })
  .superRefine((task, ctx) => {
    if (task.recurrence && task.recurrence !== 'none' && !task.dueAt)
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'A recurring task needs a due date' });
  });
export type TTaskCreate = z.output<typeof ZTaskCreate>;
export type TTaskCreateInput = z.input<typeof ZTaskCreate>;
