import type { TFunction } from 'i18next';
import { auditActionLabel } from '../audit/audit-format';

const ACTIONS: Record<string, string> = {
  'customer.create': 'history.action.create',
  'customer.update': 'history.action.update',
  'customer.delete': 'history.action.delete',
  'customer.restore': 'history.action.restore',
  'customer.reveal': 'history.action.reveal',
  'customer.verify': 'history.action.verify',
  'customer.merge': 'history.action.merge',
  'customer.unmerge': 'history.action.unmerge',
};

// The history and the timeline phrase the customer's own events as sentences; anything else reads as in the audit log.
export function historyActionLabel(t: TFunction, action: string): string {
  const key = ACTIONS[action];
  return key ? t(key) : auditActionLabel(t, action);
}
