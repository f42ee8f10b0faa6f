import { useTranslation } from 'react-i18next';
import { Stat } from '../../components/stat';
import { useFormatters } from '../../lib/format';
import type { TCustomer360 } from './queries';

/** The 360° key figures: what the customer is worth, how recently they were in touch, what is open. */
export function CustomerFigures({ overview }: { overview: TCustomer360 }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { figures } = overview;
  return (
    <dl className="stat-grid" aria-label={t('customer360.figures')}>
      <Stat label={t('customer360.lifetimeValue')}>
        {format.money(figures.lifetimeValue, figures.currency)}
      </Stat>
      <Stat label={t('customer360.orderCount')}>{format.number(figures.orderCount)}</Stat>
      <Stat label={t('customer360.lastOrderAt')}>
        {figures.lastOrderAt ? format.dateTime(figures.lastOrderAt) : '—'}
      </Stat>
      <Stat label={t('customer360.lastInteractionAt')}>
        {figures.lastInteractionAt ? format.dateTime(figures.lastInteractionAt) : '—'}
      </Stat>
      <Stat label={t('customer360.openWorkOrders')} isAlarming={figures.openWorkOrderCount > 0}>
        {format.number(figures.openWorkOrderCount)}
      </Stat>
    </dl>
  );
}
