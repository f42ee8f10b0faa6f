import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TWorkOrder } from './queries';
import { SlaDue, WorkOrderStatusBadge } from './work-order-badges';

/** Work orders as table rows; on a customer's page the customer column would only repeat the page. */
export function WorkOrderTable({
  items,
  caption,
  isCustomerShown = true,
}: {
  items: readonly TWorkOrder[];
  caption: string;
  isCustomerShown?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workOrders.workOrder')}</th>
          {isCustomerShown && <th scope="col">{t('workOrders.customer')}</th>}
          <th scope="col">{t('workOrders.category')}</th>
          <th scope="col">{t('workOrders.priority')}</th>
          <th scope="col">{t('workOrders.status')}</th>
          <th scope="col">{t('workOrders.assignee')}</th>
          <th scope="col">{t('workOrders.resolutionDue')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((workOrder) => (
          <tr key={workOrder.id}>
            <th scope="row" data-label={t('workOrders.workOrder')}>
              <Link to={`/work-orders/${workOrder.id}`} className="customer-link">
                {workOrder.number}
              </Link>
              <span>{workOrder.title}</span>
            </th>
            {isCustomerShown && (
              <td data-label={t('workOrders.customer')}>
                <Link to={`/customers/${workOrder.customer.id}`}>{workOrder.customer.displayName}</Link>
              </td>
            )}
            <td data-label={t('workOrders.category')}>
              {t(`enums.workOrderCategory.${workOrder.category}`)}
            </td>
            <td data-label={t('workOrders.priority')}>
              {t(`enums.workOrderPriority.${workOrder.priority}`)}
            </td>
            <td data-label={t('workOrders.status')}>
              <WorkOrderStatusBadge status={workOrder.status} />
            </td>
            <td data-label={t('workOrders.assignee')}>
              {workOrder.assignee?.displayName ?? workOrder.queue?.name ?? '—'}
            </td>
            <td data-label={t('workOrders.resolutionDue')}>
              <SlaDue sla={workOrder.sla} clock="resolution" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
