import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Stat } from '../../components/stat';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { customerFieldLabel } from '../customers/field-labels';
import { QUALITY_BANDS } from '../customers/quality';
import { QualityScore } from '../customers/quality-score';
import { DataQualitySettingsForm } from './data-quality-settings-form';
import { type TDataQualitySummary, useDataQualitySummary } from './queries';

type TChannelRow = TDataQualitySummary['bySourceChannel'][number];

/** A channel's customers per band as one stacked bar; the numbers are in the cells beside it. */
function BandBar({ row }: { row: TChannelRow }) {
  const total = Math.max(row.customers, 1);
  return (
    <span className="band-bar" aria-hidden="true">
      {QUALITY_BANDS.map((band) => (
        <span
          key={band}
          className={`band-bar__part quality--${band}`}
          style={{ width: `${(row.scoreBands[band] * 100) / total}%` }}
        />
      ))}
    </span>
  );
}

function ChannelTable({ rows }: { rows: TDataQualitySummary['bySourceChannel'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card card--flush" aria-labelledby="quality-channels-heading">
      <h2 id="quality-channels-heading" className="card__title card__title--padded">
        {t('dataQuality.byChannel')}
      </h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('fields.sourceChannel')}</th>
            <th scope="col">{t('dataQuality.customers')}</th>
            <th scope="col">{t('dataQuality.averageScore')}</th>
            {QUALITY_BANDS.map((band) => (
              <th key={band} scope="col">
                {t(`quality.bandRanges.${band}`)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('dataQuality.distribution')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sourceChannel}>
              <th scope="row" data-label={t('fields.sourceChannel')}>
                {t(`enums.sourceChannel.${row.sourceChannel}`)}
              </th>
              <td data-label={t('dataQuality.customers')}>{format.number(row.customers)}</td>
              <td data-label={t('dataQuality.averageScore')}>
                <QualityScore score={Math.round(row.averageScore)} />
              </td>
              {QUALITY_BANDS.map((band) => (
                <td key={band} data-label={t(`quality.bandRanges.${band}`)}>
                  {format.number(row.scoreBands[band])}
                </td>
              ))}
              <td className="band-bar-cell">
                <BandBar row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FieldCountList({
  title,
  headingId,
  rows,
  empty,
}: {
  title: string;
  headingId: string;
  rows: { field: string; count: number }[];
  empty: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="item-list">
          {rows.map((row) => (
            <li key={row.field} className="item-list__item item-list__item--two">
              <span className="item-list__value">{customerFieldLabel(t, row.field)}</span>
              <span className="badge badge--muted">{format.number(row.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Summary({ summary }: { summary: TDataQualitySummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canReviewDuplicates = useCanCall('listDuplicateCandidates');
  return (
    <>
      <dl className="stat-grid stat-grid--large">
        <Stat label={t('dataQuality.customers')}>{format.number(summary.customers)}</Stat>
        <Stat label={t('dataQuality.averageScore')}>
          {summary.averageScore === null ? (
            '—'
          ) : (
            <QualityScore score={Math.round(summary.averageScore)} isBandShown />
          )}
        </Stat>
        <Stat label={t('dataQuality.staleCustomers')}>
          <Link to="/customers?stale=true">{format.number(summary.staleCustomers)}</Link>
        </Stat>
        <Stat label={t('dataQuality.openDuplicates')}>
          {canReviewDuplicates ? (
            <Link to="/duplicates">{format.number(summary.openDuplicateCandidates)}</Link>
          ) : (
            format.number(summary.openDuplicateCandidates)
          )}
        </Stat>
      </dl>
      {summary.bySourceChannel.length > 0 && <ChannelTable rows={summary.bySourceChannel} />}
      <div className="detail-grid">
        <FieldCountList
          title={t('dataQuality.missingFields')}
          headingId="quality-missing-heading"
          rows={summary.missingFields}
          empty={t('dataQuality.noMissingFields')}
        />
        <FieldCountList
          title={t('dataQuality.invalidValues')}
          headingId="quality-invalid-heading"
          rows={summary.invalidValues}
          empty={t('dataQuality.noInvalidValues')}
        />
      </div>
    </>
  );
}

export function DataQualityPage() {
  const { t } = useTranslation();
  const summary = useDataQualitySummary();
  const canEditSettings = useCanCall('updateDataQualitySettings');
  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('dataQuality.title')}</h1>
      </div>
      {summary.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {summary.isError && (
        <div className="banner banner--error" role="alert">
          {t('dataQuality.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void summary.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {summary.data && <Summary summary={summary.data} />}
      {canEditSettings && <DataQualitySettingsForm />}
    </div>
  );
}
