import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/load-more';
import { useWorkOrders } from './queries';
import { WorkOrderTable } from './work-order-table';

/** The customer's work orders, open and past, newest first. */
export function CustomerWorkOrders({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const list = useWorkOrders({ customerId });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card card--flush" aria-labelledby="customer-work-orders-heading">
      <h2 id="customer-work-orders-heading" className="card__title card__title--padded">
        {t('workOrders.title')}
      </h2>
      {list.isPending && (
        <p className="muted card__body" role="status">
          {t('common.loading')}
        </p>
      )}
      {list.isError && (
        <p className="muted card__body" role="status">
          {t('workOrders.loadFailed')}
        </p>
      )}
      {list.isSuccess && items.length === 0 && (
        <p className="muted card__body">{t('workOrders.emptyForCustomer')}</p>
      )}
      {items.length > 0 && (
        <WorkOrderTable items={items} caption={t('workOrders.title')} isCustomerShown={false} />
      )}
      <LoadMore query={list} label={t('customers.loadMore')} />
    </section>
  );
}
