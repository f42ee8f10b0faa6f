import { useTranslation } from 'react-i18next';
import { apiPath } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { translateValidationMessage } from '../../lib/validation-messages';
import { rowsWithProblems } from './import-settings';
import { type TImportJob, type TImportRowError, useImportErrors } from './queries';

function ErrorRow({ row, columns }: { row: TImportRowError; columns: readonly string[] }) {
  const { t } = useTranslation();
  // The API names the column a value came from in each error's path, so the faulty cells can be marked.
  const faultyColumns = new Set(row.errors.map((error) => error.path));
  return (
    <tr>
      <th scope="row" data-label={t('imports.errors.row')} className="nowrap">
        {t('imports.errors.rowNumber', { row: row.rowNumber })}
      </th>
      <td data-label={t('imports.errors.outcome')}>
        {row.isStored ? (
          <span className="badge badge--warning">{t('imports.errors.storedWithout')}</span>
        ) : (
          <span className="badge badge--danger">{t('imports.errors.refused')}</span>
        )}
      </td>
      <td data-label={t('imports.errors.values')}>
        <dl className="row-values">
          {columns.map((column) => (
            <div
              key={column}
              className={`row-values__item${faultyColumns.has(column) ? ' row-values__item--faulty' : ''}`}
            >
              <dt>{column}</dt>
              <dd>{row.values[column] || '—'}</dd>
            </div>
          ))}
        </dl>
      </td>
      <td data-label={t('imports.errors.problems')}>
        <ul className="plain-list">
          {row.errors.map((error) => (
            <li key={`${error.path}:${error.message}`}>
              <strong>{error.path || t('imports.errors.wholeRow')}</strong>{' '}
              {translateValidationMessage(t, error.message)}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

/**
 * The rows with problems, as the file had them, with what is wrong per column and a CSV to fix: those the
 * run refused, and those it stored without the values named.
 */
export function ImportErrorsCard({ job }: { job: TImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const count = rowsWithProblems(job);
  const errors = useImportErrors(job.id, { isEnabled: count > 0 });
  const rows = errors.data?.pages.flatMap((page) => page.items) ?? [];
  if (count === 0) return null;
  return (
    <section className="card card--flush" aria-labelledby="import-errors-heading">
      <div className="card__header card__header--padded">
        <h2 id="import-errors-heading" className="card__title">
          {t('imports.errors.title', { count, formatted: format.number(count) })}
        </h2>
        <a
          className="button button--small"
          href={apiPath('/api/v1/imports/{importId}/errors.csv', { importId: job.id })}
          download
        >
          {t('imports.errors.download')}
        </a>
      </div>
      {errors.isPending && (
        <p className="muted card__body" role="status">
          {t('common.loading')}
        </p>
      )}
      {errors.isError && (
        <p className="banner banner--error card__body" role="alert">
          {t('imports.errors.loadFailed')}
        </p>
      )}
      {rows.length > 0 && (
        <table className="data-table import-errors">
          <caption className="visually-hidden">{t('imports.errors.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.errors.row')}</th>
              <th scope="col">{t('imports.errors.outcome')}</th>
              <th scope="col">{t('imports.errors.values')}</th>
              <th scope="col">{t('imports.errors.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ErrorRow key={row.rowNumber} row={row} columns={job.columns} />
            ))}
          </tbody>
        </table>
      )}
      {errors.hasNextPage && (
        <div className="load-more card__body">
          <button
            type="button"
            className="button"
            onClick={() => void errors.fetchNextPage()}
            disabled={errors.isFetchingNextPage}
          >
            {errors.isFetchingNextPage ? t('common.loading') : t('customers.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
