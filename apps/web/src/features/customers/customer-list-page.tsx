import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCanCall } from '../auth/roles';
import { CustomerFilters, filtersFromParams, paramsFromFilters } from './customer-filters';
import { CustomerTable } from './customer-table';
import { useCustomerList } from './queries';
import { QuickSearch } from './quick-search';

export function CustomerListPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromParams(searchParams);
  const list = useCustomerList(filters);
  const canCreate = useCanCall('createCustomer');
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <QuickSearch />
      <div className="page-header">
        <h1>{t('customers.title')}</h1>
        {canCreate && (
          <Link to="/customers/new" className="button button--primary">
            {t('customers.new')}
          </Link>
        )}
      </div>
      <CustomerFilters
        value={filters}
        onChange={(next) => setSearchParams(paramsFromFilters(next), { replace: true })}
      />
      {list.isError && (
        <div className="banner banner--error" role="alert">
          {t('customers.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {list.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : customers.length === 0 && !list.isError ? (
        <div className="empty-state">
          <p>{t('customers.empty')}</p>
        </div>
      ) : (
        <CustomerTable customers={customers} caption={t('customers.title')} />
      )}
      {list.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? t('common.loading') : t('customers.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
