import type { CustomerSummary } from '@cims/api-client';
import { formatPhoneNational } from '@cims/schemas';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters, useUiLocale } from '../../lib/format';
import type { TRowSelection } from '../tags/customer-selection';
import { SelectAllCell, SelectRowCell } from '../tags/selection-cells';
import { TagChips } from '../tags/tag-chip';
import { formatAddressPlace } from './address-format';
import { LifecycleBadge } from './lifecycle-badge';
import { QualityScore } from './quality-score';

function CustomerRow({
  customer,
  selection,
}: {
  customer: CustomerSummary;
  selection: TRowSelection | undefined;
}) {
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
      {selection && (
        <SelectRowCell selection={selection} id={customer.id} displayName={customer.displayName} />
      )}
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
        {customer.tags.length > 0 ? <TagChips tags={customer.tags} /> : '—'}
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

/** Customers as the list shows them (also a segment's members), each linking to its page. */
export function CustomerTable({
  customers,
  caption,
  selection,
}: {
  customers: readonly CustomerSummary[];
  caption: string;
  /** Tick boxes per row and for the page, where the rows can be acted on together (the customer list). */
  selection?: TRowSelection;
}) {
  const { t } = useTranslation();
  return (
    <div className="card card--flush">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection && <SelectAllCell selection={selection} />}
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
            <CustomerRow key={customer.id} customer={customer} selection={selection} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
