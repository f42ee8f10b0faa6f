import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list page's table of what a query read: the error with a retry, loading, the empty state, or the
 * table with its column headings and the rows `children` makes of the items.
 */
export function QueryTable<T>({
  query,
  loadFailed,
  empty,
  caption,
  columns,
  children,
}: {
  query: UseQueryResult<T[]>;
  loadFailed: string;
  empty: string;
  caption: string;
  columns: string[];
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isError) {
    return (
      <div className="banner banner--error" role="alert">
        {loadFailed}{' '}
        <button type="button" className="button button--small" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (query.data.length === 0) {
    return (
      <div className="empty-state">
        <p>{empty}</p>
      </div>
    );
  }
  return (
    <div className="card card--flush">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children(query.data)}</tbody>
      </table>
    </div>
  );
}
