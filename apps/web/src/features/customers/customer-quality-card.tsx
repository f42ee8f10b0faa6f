import type { Customer } from '@cims/api-client';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { Term } from './description-term';
import { customerFieldLabel } from './field-labels';
import { QualityScore } from './quality-score';
import { useVerifyCustomer } from './queries';

type TProvenance = Customer['provenance'][number];

// `staff` and `api` are the API's own writers; any other source is a source system's id, shown as it is.
function provenanceSourceLabel(t: TFunction, source: string): string {
  return source === 'staff' || source === 'api' ? t(`quality.provenanceSources.${source}`) : source;
}

function ProvenanceTable({ provenance }: { provenance: TProvenance[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canOpenImports = useCanCall('getImport');
  return (
    <div className="quality-provenance__table">
      <table className="data-table">
        <caption className="visually-hidden">{t('quality.provenance')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('quality.provenanceField')}</th>
            <th scope="col">{t('quality.provenanceSource')}</th>
            <th scope="col">{t('fields.sourceChannel')}</th>
            <th scope="col">{t('quality.provenanceRecordedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {provenance.map((entry) => (
            <tr key={entry.field}>
              <th scope="row" data-label={t('quality.provenanceField')}>
                {customerFieldLabel(t, entry.field)}
              </th>
              <td data-label={t('quality.provenanceSource')}>
                {entry.importId && canOpenImports ? (
                  <Link to={`/imports/${entry.importId}`}>
                    {t('quality.fromImport', { source: provenanceSourceLabel(t, entry.source) })}
                  </Link>
                ) : (
                  provenanceSourceLabel(t, entry.source)
                )}
              </td>
              <td data-label={t('fields.sourceChannel')}>
                {entry.sourceChannel ? t(`enums.sourceChannel.${entry.sourceChannel}`) : '—'}
              </td>
              <td data-label={t('quality.provenanceRecordedAt')} className="nowrap">
                {format.dateTime(entry.recordedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How complete and how recently confirmed a customer's data is, and where each value came from. */
export function CustomerQualityCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canVerify = useCanCall('verifyCustomer');
  const verify = useVerifyCustomer();
  const isRetired = Boolean(customer.deletedAt || customer.erasedAt);

  return (
    <section className="card" aria-labelledby="quality-card-heading">
      <div className="card__header">
        <h2 id="quality-card-heading" className="card__title">
          {t('quality.title')}
        </h2>
        {canVerify && !isRetired && (
          <button
            type="button"
            className="button button--small"
            disabled={verify.isPending}
            onClick={() => verify.mutate(customer.id)}
          >
            {t('quality.markVerified')}
          </button>
        )}
      </div>
      {verify.isSuccess && (
        <p className="banner banner--success" role="status">
          {t('quality.verified')}
        </p>
      )}
      {verify.isError && (
        <p className="field__error" role="alert">
          {t('errors.generic')}
        </p>
      )}
      <dl className="description-list">
        <Term label={t('quality.score')}>
          <QualityScore score={customer.qualityScore} isBandShown />
        </Term>
        <Term label={t('quality.lastVerifiedAt')}>
          {customer.lastVerifiedAt ? format.dateTime(customer.lastVerifiedAt) : t('quality.neverVerified')}
        </Term>
        <Term label={t('quality.missingFields')}>
          {customer.qualityIssues.length > 0 ? (
            <ul className="tag-list" aria-label={t('quality.missingFields')}>
              {customer.qualityIssues.map((field) => (
                <li key={field} className="tag tag--warning">
                  {customerFieldLabel(t, field)}
                </li>
              ))}
            </ul>
          ) : (
            t('quality.nothingMissing')
          )}
        </Term>
        <Term label={t('quality.externalIds')}>
          {customer.externalIds.length > 0 ? (
            <ul className="plain-list">
              {customer.externalIds.map((ref) => (
                <li key={`${ref.source}:${ref.externalId}`}>
                  <span className="muted">{ref.source}</span> <code>{ref.externalId}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </Term>
      </dl>
      {customer.provenance.length > 0 && (
        <div className="quality-provenance">
          <h3>{t('quality.provenance')}</h3>
          <ProvenanceTable provenance={customer.provenance} />
        </div>
      )}
    </section>
  );
}
