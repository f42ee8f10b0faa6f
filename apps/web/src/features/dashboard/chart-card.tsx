import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { TDatum } from './chart-options';

/**
 * A dashboard card: its title, the chart, and below it a collapsible table with the same figures and
 * drill-down links, for screen readers, keyboards and anyone who wants the numbers.
 */
export function ChartCard({
  title,
  actions,
  isLoading,
  isError,
  isEmpty,
  chart,
  table,
}: {
  title: string;
  actions?: ReactNode;
  isLoading: boolean;
  isError: boolean;
  isEmpty: boolean;
  chart: ReactNode;
  table: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="card dashboard-card" aria-labelledby={titleId}>
      <div className="dashboard-card__header">
        <h2 id={titleId} className="card__title">
          {title}
        </h2>
        {actions}
      </div>
      {isError ? (
        <p className="banner banner--error" role="alert">
          {t('dashboard.loadFailed')}
        </p>
      ) : isLoading ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : isEmpty ? (
        <p className="muted">{t('dashboard.empty')}</p>
      ) : (
        <>
          {chart}
          <details className="dashboard-card__data">
            <summary>{t('dashboard.showData')}</summary>
            {table}
          </details>
        </>
      )}
    </section>
  );
}

/** The data table of a one-series chart; a row's name links where a click on its bar or slice leads. */
export function DatumTable({
  caption,
  labelHeader,
  valueHeader,
  data,
  formatValue,
  rowAction,
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  data: readonly TDatum[];
  formatValue: (value: number | null) => string;
  rowAction?: (datum: TDatum) => ReactNode;
}) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
          {rowAction && <td />}
        </tr>
      </thead>
      <tbody>
        {data.map((datum) => (
          <tr key={datum.key}>
            <th scope="row" data-label={labelHeader}>
              {datum.href ? <Link to={datum.href}>{datum.label}</Link> : datum.label}
            </th>
            <td data-label={valueHeader}>{formatValue(datum.value)}</td>
            {rowAction && <td>{rowAction(datum)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A click on a bar or slice follows its datum's drill-down link, as a click on its row's link does. */
export function useFollowLink(data: readonly TDatum[]) {
  const navigate = useNavigate();
  return (dataIndex: number) => {
    const href = data[dataIndex]?.href;
    if (href) navigate(href);
  };
}
