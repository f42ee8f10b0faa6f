import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TWorkOrder } from './queries';
import { groupByStatus, isAnySlaBreached } from './work-order-format';

/** The work orders in one column per status, in the order of the flow; narrow screens stack the columns. */
export function WorkOrderBoard({ items }: { items: readonly TWorkOrder[] }) {
  const { t } = useTranslation();
  return (
    <div className="board">
      {[...groupByStatus(items)].map(([status, column]) => (
        <section key={status} className="board__column" aria-labelledby={`board-${status}`}>
          <h2 id={`board-${status}`} className="board__title">
            {t(`enums.workOrderStatus.${status}`)} <span className="muted">{column.length}</span>
          </h2>
          <ul className="board__cards">
            {column.map((workOrder) => (
              <li key={workOrder.id} className="board__card">
                <Link to={`/work-orders/${workOrder.id}`} className="customer-link">
                  {workOrder.number}
                </Link>
                <span>{workOrder.title}</span>
                <span className="muted">
                  {workOrder.customer.displayName} · {t(`enums.workOrderPriority.${workOrder.priority}`)}
                </span>
                {isAnySlaBreached(workOrder.sla) && (
                  <span className="badge badge--danger">{t('workOrders.sla.breached')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
