import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCanCall } from '../auth/roles';
import { ExportButton } from '../exports/export-dialog';
import { customerExportFilter } from '../exports/export-request';
import { useCustomerBulkTagging } from '../tags/customer-bulk-tagging';
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
  const bulkTagging = useCustomerBulkTagging(customers, searchParams.toString());

  return (
    <div className="stack">
      <QuickSearch />
      <div className="page-header">
        <h1>{t('customers.title')}</h1>
        <div className="button-row">
          <ExportButton
            label={t('exports.actions.export')}
            title={t('exports.actions.customersTitle')}
            intro={t('exports.actions.customersIntro')}
            target={{ source: 'customers', customerFilter: customerExportFilter(filters) }}
          />
          {canCreate && (
            <Link to="/customers/new" className="button button--primary">
              {t('customers.new')}
            </Link>
          )}
        </div>
      </div>
      <CustomerFilters
        value={filters}
        onChange={(next) => setSearchParams(paramsFromFilters(next), { replace: true })}
      />
      {bulkTagging.bar}
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
        <CustomerTable
          customers={customers}
          caption={t('customers.title')}
          selection={bulkTagging.selection}
        />
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
