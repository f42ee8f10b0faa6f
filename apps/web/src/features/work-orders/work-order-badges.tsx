import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/format';
import type { TWorkOrderSla, TWorkOrderStatus } from './queries';
import { slaState, type TSlaClock } from './work-order-format';

const STATUS_BADGES: Record<TWorkOrderStatus, string> = {
  new: 'badge--warning',
  assigned: 'badge--primary',
  in_progress: 'badge--primary',
  waiting_customer: 'badge--warning',
  resolved: 'badge--success',
  closed: 'badge--muted',
};

export function WorkOrderStatusBadge({ status }: { status: TWorkOrderStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${STATUS_BADGES[status]}`}>{t(`enums.workOrderStatus.${status}`)}</span>;
}

/** One SLA due time, with a badge once it is breached or met. */
export function SlaDue({ sla, clock }: { sla: TWorkOrderSla; clock: TSlaClock }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const state = slaState(sla, clock);
  const dueAt = clock === 'first_response' ? sla.firstResponseDueAt : sla.resolutionDueAt;
  return (
    <span className="nowrap">
      <time dateTime={dueAt}>{format.dateTime(dueAt)}</time>
      {state === 'breached' && (
        <span className="badge badge--danger badge--inline">{t('workOrders.sla.breached')}</span>
      )}
      {state === 'met' && (
        <span className="badge badge--success badge--inline">{t('workOrders.sla.met')}</span>
      )}
    </span>
  );
}
