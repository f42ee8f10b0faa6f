import type { CustomerSummary } from '@cims/api-client';
import { formatPhoneNational } from '@cims/schemas';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useFormatters, useUiLocale } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { formatAddressPlace } from './address-format';
import { CustomerFilters, filtersFromParams, paramsFromFilters } from './customer-filters';
import { LifecycleBadge } from './lifecycle-badge';
import { QualityScore } from './quality-score';
import { useCustomerList } from './queries';
import { QuickSearch } from './quick-search';

function CustomerRow({ customer }: { customer: CustomerSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useUiLocale();
  // A summary carries the primary address's region codes only, which an address abroad does not have.
  const region = formatAddressPlace(
    { provinceCode: customer.provinceCode, cityCode: customer.cityCode },
    locale,
  );
  return (
    <tr>
      <th scope="row" data-label={t('fields.displayName')}>
        <Link to={`/customers/${customer.id}`} className="customer-link">
          {customer.displayName}
        </Link>
        <span className="badge badge--muted">{t(`enums.kind.${customer.kind}`)}</span>
        {customer.deletedAt && <span className="badge badge--danger">{t('customers.deleted')}</span>}
      </th>
      <td data-label={t('fields.phone')} className="nowrap">
        {customer.primaryPhone ? formatPhoneNational(customer.primaryPhone) : '—'}
      </td>
      <td data-label={t('fields.region')}>{region || '—'}</td>
      <td data-label={t('fields.lifecycleStage')}>
        <LifecycleBadge stage={customer.lifecycleStage} />
      </td>
      <td data-label={t('quality.score')} className="nowrap">
        <QualityScore score={customer.qualityScore} />
      </td>
      <td data-label={t('fields.tags')}>
        {customer.tags.length > 0 ? (
          <span className="tag-list">
            {customer.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        ) : (
          '—'
        )}
      </td>
      <td data-label={t('fields.owner')} className="nowrap">
        {customer.owner?.displayName ?? '—'}
      </td>
      <td data-label={t('fields.updatedAt')} className="nowrap">
        {format.dateTime(customer.updatedAt)}
      </td>
    </tr>
  );
}

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
        <div className="card card--flush">
          <table className="data-table">
            <caption className="visually-hidden">{t('customers.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.displayName')}</th>
                <th scope="col">{t('fields.phone')}</th>
                <th scope="col">{t('fields.region')}</th>
                <th scope="col">{t('fields.lifecycleStage')}</th>
                <th scope="col">{t('quality.score')}</th>
                <th scope="col">{t('fields.tags')}</th>
                <th scope="col">{t('fields.owner')}</th>
                <th scope="col">{t('fields.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((customer) => (
                <CustomerRow key={customer.id} customer={customer} />
              ))}
            </tbody>
          </table>
        </div>
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
