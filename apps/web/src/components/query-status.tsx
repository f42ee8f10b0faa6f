import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api';

/**
 * Where a page's data would be: a loading line, or why the query failed (a 403 said as such) with a retry;
 * nothing once the data is there.
 */
export function QueryStatus({
  query,
  loadFailed,
}: {
  query: Pick<UseQueryResult<unknown>, 'isPending' | 'isError' | 'error' | 'refetch'>;
  loadFailed: string;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (!query.isError) return null;
  return (
    <div className="banner banner--error" role="alert">
      {isApiError(query.error) && query.error.status === 403 ? t('errors.forbidden') : loadFailed}{' '}
      <button type="button" className="button button--small" onClick={() => void query.refetch()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
