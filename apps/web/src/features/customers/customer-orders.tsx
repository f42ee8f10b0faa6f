import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/load-more';
import { useFormatters } from '../../lib/format';
import { type TOrder, useCustomerOrders } from './queries';

function OrderLines({ order }: { order: TOrder }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ul className="plain-list">
      {order.lines.map((line, index) => (
        // Lines have no id of their own; their position in the order is what identifies them.
        <li key={`${index}:${line.productCode}`}>
          {t('orders.line', {
            name: line.productName,
            quantity: format.number(line.quantity),
            price: format.money(line.unitPrice, order.currency),
          })}
          <span className="muted"> · {line.catalogueCode ?? line.productCode}</span>
        </li>
      ))}
    </ul>
  );
}

/** 订单: the customer's orders from every channel, newest first, with their lines. */
export function CustomerOrders({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const orders = useCustomerOrders(customerId);
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card card--flush" aria-labelledby="orders-heading">
      <h2 id="orders-heading" className="card__title card__title--padded">
        {t('orders.title')}
      </h2>
      {orders.isPending && (
        <p className="muted card__body" role="status">
          {t('common.loading')}
        </p>
      )}
      {orders.isError && (
        <p className="muted card__body" role="status">
          {t('orders.unavailable')}
        </p>
      )}
      {orders.isSuccess && items.length === 0 && <p className="muted card__body">{t('orders.empty')}</p>}
      {items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('orders.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orders.orderNo')}</th>
              <th scope="col">{t('orders.orderedAt')}</th>
              <th scope="col">{t('orders.channel')}</th>
              <th scope="col">{t('orders.status')}</th>
              <th scope="col">{t('orders.amount')}</th>
              <th scope="col">{t('orders.lines')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((order) => (
              <tr key={order.id}>
                <th scope="row" data-label={t('orders.orderNo')}>
                  {order.orderNo}
                  {order.store && <span className="muted"> · {order.store}</span>}
                </th>
                <td data-label={t('orders.orderedAt')} className="nowrap">
                  {format.dateTime(order.orderedAt)}
                </td>
                <td data-label={t('orders.channel')}>{t(`enums.orderChannel.${order.channel}`)}</td>
                <td data-label={t('orders.status')}>{t(`enums.orderStatus.${order.status}`)}</td>
                <td data-label={t('orders.amount')} className="nowrap">
                  {format.money(order.amount, order.currency)}
                </td>
                <td data-label={t('orders.lines')}>
                  <OrderLines order={order} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore query={orders} label={t('customers.loadMore')} />
    </section>
  );
}
