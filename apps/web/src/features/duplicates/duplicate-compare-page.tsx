import type { Customer } from '@cims/api-client';
import { formatAddressLine, formatPhoneNational } from '@cims/schemas';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../lib/api';
import { useFormatters, useUiLocale } from '../../lib/format';
import { customerFieldLabel } from '../customers/field-labels';
import { QualityScore } from '../customers/quality-score';
import { isChoosable, mergeChoicesOf, mergeValueLabel } from './duplicate-format';
import type { TQueueLocationState } from './duplicate-queue-page';
import {
  type TMergePreview,
  type TMergeSide,
  useDismissDuplicateCandidate,
  useMergeCustomers,
  useMergePreview,
} from './queries';

function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.network');
  // 400 and 422: the address names no valid pair (a hand-edited or truncated link).
  if (error.status === 404 || error.status === 400 || error.status === 422)
    return t('duplicates.compareGone');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 409)
    return t('errors.conflict', { detail: error.problem.detail ?? error.problem.title });
  return t('errors.generic');
}

function RecordCard({ customer, side }: { customer: Customer; side: TMergeSide }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useUiLocale();
  return (
    <section className={`card record-card record-card--${side}`} aria-labelledby={`record-${side}`}>
      <p className={`badge ${side === 'survivor' ? 'badge--primary' : 'badge--muted'}`}>
        {t(`duplicates.sides.${side}`)}
      </p>
      <h2 id={`record-${side}`} className="record-card__name">
        <Link to={`/customers/${customer.id}`}>{customer.displayName}</Link>
      </h2>
      <p className="muted">
        {t(`enums.kind.${customer.kind}`)} · {t(`enums.sourceChannel.${customer.sourceChannel}`)} ·{' '}
        {t('duplicates.createdAt', { time: format.dateTime(customer.createdAt) })}
      </p>
      <QualityScore score={customer.qualityScore} isBandShown />
      <ul className="plain-list">
        {customer.contactPoints.map((point) => (
          <li key={point.id}>
            <span className="muted">{t(`enums.contactPointType.${point.type}`)}</span>{' '}
            {point.type === 'phone' && customer.fieldAccess.phone === 'visible'
              ? formatPhoneNational(point.value)
              : point.value}
          </li>
        ))}
        {customer.addresses.map((address) => (
          <li key={address.id}>
            <span className="muted">{t('customer.address')}</span> {formatAddressLine(address, locale)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MergeForm({ preview, candidateId }: { preview: TMergePreview; candidateId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeCustomers();
  const dismiss = useDismissDuplicateCandidate();
  const [picks, setPicks] = useState<Partial<Record<string, TMergeSide>>>({});
  const { survivor, merged } = preview;
  const names = `${survivor.displayName} · ${merged.displayName}`;
  // A field neither record has leaves nothing to see or decide.
  const shownFields = preview.fields.filter(
    (field) => field.survivorValue !== null || field.mergedValue !== null,
  );
  const error = merge.error ?? dismiss.error;

  const onMerge = () =>
    merge.mutate(
      { survivorId: survivor.id, mergedId: merged.id, choices: mergeChoicesOf(preview.fields, picks) },
      {
        onSuccess: (result) =>
          navigate('/duplicates', { state: { merge: result } satisfies TQueueLocationState }),
      },
    );
  const onDismiss = () =>
    dismiss.mutate(candidateId, {
      onSuccess: () => navigate('/duplicates', { state: { dismissed: names } satisfies TQueueLocationState }),
    });

  return (
    <>
      <div className="record-pair">
        <RecordCard customer={survivor} side="survivor" />
        <RecordCard customer={merged} side="merged" />
      </div>
      <p className="muted">{t('duplicates.mergeExplanation')}</p>
      <section className="card card--flush" aria-labelledby="merge-fields-heading">
        <h2 id="merge-fields-heading" className="card__title card__title--padded">
          {t('duplicates.fieldsTitle')}
        </h2>
        <table className="data-table merge-table">
          <thead>
            <tr>
              <th scope="col">{t('duplicates.field')}</th>
              <th scope="col">{t('duplicates.sides.survivor')}</th>
              <th scope="col">{t('duplicates.sides.merged')}</th>
              <th scope="col">{t('duplicates.ruleColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {shownFields.map((field) => {
              const fieldLabel = customerFieldLabel(t, field.field);
              const chosen = picks[field.field] ?? field.choice;
              const sides = [
                ['survivor', field.survivorValue],
                ['merged', field.mergedValue],
              ] as const;
              return (
                <tr key={field.field}>
                  <th scope="row" data-label={t('duplicates.field')}>
                    {fieldLabel}
                  </th>
                  {sides.map(([side, value]) => (
                    <td key={side} data-label={t(`duplicates.sides.${side}`)}>
                      {isChoosable(field) ? (
                        <label className="merge-choice">
                          <input
                            type="radio"
                            name={`choice-${field.field}`}
                            value={side}
                            checked={chosen === side}
                            onChange={() => setPicks((current) => ({ ...current, [field.field]: side }))}
                          />
                          <span className="visually-hidden">
                            {t('duplicates.keepValue', {
                              field: fieldLabel,
                              side: t(`duplicates.sides.${side}`),
                            })}
                          </span>
                          <span>{mergeValueLabel(t, field.field, value, preview)}</span>
                        </label>
                      ) : (
                        <span className={chosen === side ? undefined : 'muted'}>
                          {mergeValueLabel(t, field.field, value, preview)}
                        </span>
                      )}
                    </td>
                  ))}
                  <td data-label={t('duplicates.ruleColumn')} className="muted">
                    {picks[field.field] && picks[field.field] !== field.choice
                      ? t('duplicates.rules.overridden')
                      : t(`duplicates.rules.${field.rule}`)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {(merge.isError || dismiss.isError) && (
        <div className="banner banner--error" role="alert">
          {problemMessage(t, error)}
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button--ghost"
          disabled={merge.isPending || dismiss.isPending}
          onClick={onDismiss}
        >
          {t('duplicates.notDuplicates')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={merge.isPending || dismiss.isPending}
          onClick={onMerge}
        >
          {merge.isPending ? t('duplicates.merging') : t('duplicates.merge')}
        </button>
      </div>
    </>
  );
}

/** One candidate pair side by side: pick the survivor and, where the rules' pick is wrong, the values. */
export function DuplicateComparePage() {
  const { t } = useTranslation();
  const { candidateId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const survivorId = params.get('survivor') ?? '';
  const mergedId = params.get('merged') ?? '';
  const preview = useMergePreview(survivorId, mergedId);
  const hasPair = survivorId !== '' && mergedId !== '';

  const swap = () =>
    setParams(new URLSearchParams({ survivor: mergedId, merged: survivorId }), { replace: true });

  return (
    <div className="stack">
      <nav aria-label={t('shell.breadcrumb')} className="breadcrumb">
        <Link to="/duplicates">{t('duplicates.title')}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{t('duplicates.compareTitle')}</span>
      </nav>
      <div className="page-header">
        <h1>{t('duplicates.compareTitle')}</h1>
        <button type="button" className="button" onClick={swap} disabled={!preview.data}>
          {t('duplicates.swap')}
        </button>
      </div>
      {!hasPair && (
        <div className="banner banner--error" role="alert">
          {t('duplicates.compareGone')}
        </div>
      )}
      {hasPair && preview.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {preview.isError && (
        <div className="banner banner--error" role="alert">
          {problemMessage(t, preview.error)}
        </div>
      )}
      {preview.data && (
        // Keyed by the pair's order, so that swapping the survivor starts from the rules' choices again.
        <MergeForm key={`${survivorId}:${mergedId}`} preview={preview.data} candidateId={candidateId} />
      )}
    </div>
  );
}
