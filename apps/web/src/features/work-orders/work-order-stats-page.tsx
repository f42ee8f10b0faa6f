import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/form-field';
import { Stat } from '../../components/stat';
import { toDateTimeLocal } from '../../lib/date-input';
import { useFormatters, useUiLocale } from '../../lib/format';
import { useWorkOrderStats } from './queries';
import { formatShare } from './work-order-format';
import { WorkOrdersHeader } from './work-orders-header';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DAYS = 30;

/** `yyyy-mm-dd` of a date in the browser's zone, as a date input wants it. */
function toDateInput(date: Date): string {
  return toDateTimeLocal(date).slice(0, 10);
}

/** The whole of the chosen days in the browser's zone: from the first day's start to the last day's end. */
function rangeOf(fromDay: string, toDay: string) {
  return {
    from: new Date(`${fromDay}T00:00:00`).toISOString(),
    to: new Date(new Date(`${toDay}T00:00:00`).getTime() + DAY_MS).toISOString(),
  };
}

/** Work orders created in a period, within the viewer's data scope: by status, by category, SLA kept. */
export function WorkOrderStatsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useUiLocale();
  const id = useId();
  const [fromDay, setFromDay] = useState(() => toDateInput(new Date(Date.now() - DEFAULT_DAYS * DAY_MS)));
  const [toDay, setToDay] = useState(() => toDateInput(new Date()));
  const isRangeValid = fromDay !== '' && toDay !== '' && fromDay <= toDay;
  const stats = useWorkOrderStats(isRangeValid ? rangeOf(fromDay, toDay) : null);
  const data = stats.data;

  return (
    <div className="stack">
      <WorkOrdersHeader />
      <div className="card form-grid">
        <FormField id={`${id}-from`} label={t('workOrders.stats.from')}>
          <input
            id={`${id}-from`}
            type="date"
            value={fromDay}
            onChange={(event) => setFromDay(event.target.value)}
          />
        </FormField>
        <FormField
          id={`${id}-to`}
          label={t('workOrders.stats.to')}
          error={isRangeValid ? undefined : t('workOrders.stats.invalidRange')}
        >
          <input
            id={`${id}-to`}
            type="date"
            value={toDay}
            onChange={(event) => setToDay(event.target.value)}
          />
        </FormField>
      </div>
      {stats.isError && (
        <div className="banner banner--error" role="alert">
          {t('workOrders.stats.loadFailed')}
        </div>
      )}
      {stats.isLoading && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {data && (
        <>
          <dl className="stat-grid">
            <Stat label={t('workOrders.stats.total')}>{format.number(data.total)}</Stat>
            <Stat label={t('workOrders.stats.compliance')}>{formatShare(data.sla.compliance, locale)}</Stat>
            <Stat
              label={t('workOrders.stats.firstResponseBreached')}
              isAlarming={data.sla.firstResponseBreached > 0}
            >
              {format.number(data.sla.firstResponseBreached)}
            </Stat>
            <Stat
              label={t('workOrders.stats.resolutionBreached')}
              isAlarming={data.sla.resolutionBreached > 0}
            >
              {format.number(data.sla.resolutionBreached)}
            </Stat>
          </dl>
          <section className="card" aria-labelledby={`${id}-status`}>
            <h2 id={`${id}-status`} className="card__title">
              {t('workOrders.stats.byStatus')}
            </h2>
            <dl className="stat-grid">
              {data.byStatus.map((row) => (
                <Stat key={row.status} label={t(`enums.workOrderStatus.${row.status}`)}>
                  {format.number(row.count)}
                </Stat>
              ))}
            </dl>
          </section>
          <section className="card card--flush" aria-labelledby={`${id}-category`}>
            <h2 id={`${id}-category`} className="card__title card__title--padded">
              {t('workOrders.stats.byCategory')}
            </h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('workOrders.category')}</th>
                  <th scope="col">{t('workOrders.stats.count')}</th>
                  <th scope="col">{t('workOrders.stats.firstResponseBreached')}</th>
                  <th scope="col">{t('workOrders.stats.resolutionBreached')}</th>
                </tr>
              </thead>
              <tbody>
                {data.byCategory.map((row) => (
                  <tr key={row.category}>
                    <th scope="row" data-label={t('workOrders.category')}>
                      {t(`enums.workOrderCategory.${row.category}`)}
                    </th>
                    <td data-label={t('workOrders.stats.count')}>{format.number(row.count)}</td>
                    <td data-label={t('workOrders.stats.firstResponseBreached')}>
                      {format.number(row.firstResponseBreached)}
                    </td>
                    <td data-label={t('workOrders.stats.resolutionBreached')}>
                      {format.number(row.resolutionBreached)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
