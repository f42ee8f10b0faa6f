import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormSection } from '../../components/form-section';
import { isApiError } from '../../lib/api';
import { moveItem } from '../../lib/move-item';
import { translateValidationMessage } from '../../lib/validation-messages';
import { SOURCE_CHANNELS } from '../customers/enums';
import { type TDataQualitySettings, useDataQualitySettings, useUpdateDataQualitySettings } from './queries';
import { completeTrustOrder } from './source-trust';

const STALE_DAYS = { min: 7, max: 3650 } as const;

function SettingsFields({ saved }: { saved: TDataQualitySettings }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const update = useUpdateDataQualitySettings();
  const [draft, setDraft] = useState<TDataQualitySettings>(() => ({
    ...saved,
    sourceTrust: completeTrustOrder(saved.sourceTrust, SOURCE_CHANNELS),
  }));
  // The number box may be empty or half-typed; it is kept as text and checked before saving.
  const [staleDaysText, setStaleDaysText] = useState(String(saved.staleAfterDays));
  const staleDays = Number(staleDaysText);
  const staleDaysError =
    Number.isInteger(staleDays) && staleDays >= STALE_DAYS.min && staleDays <= STALE_DAYS.max
      ? undefined
      : t('dataQuality.settings.staleAfterDaysRange', STALE_DAYS);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (staleDaysError) return;
    update.mutate({ ...draft, staleAfterDays: staleDays });
  };

  const move = (index: number, offset: number) =>
    setDraft((current) => ({ ...current, sourceTrust: moveItem(current.sourceTrust, index, offset) }));

  const problems = isApiError(update.error)
    ? (update.error.problem.errors ?? []).map((error) => translateValidationMessage(t, error.message))
    : [];

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack quality-settings">
      <label className="checkbox-label checkbox-label--wrap">
        <input
          type="checkbox"
          checked={draft.autoMergeOnScan}
          onChange={(event) => setDraft({ ...draft, autoMergeOnScan: event.target.checked })}
        />
        <span>{t('dataQuality.settings.autoMergeOnScan')}</span>
      </label>
      <p className="field__hint">{t('dataQuality.settings.autoMergeOnScanHint')}</p>
      <FormField
        id={id('staleDays')}
        label={t('dataQuality.settings.staleAfterDays')}
        error={staleDaysError}
        hint={t('dataQuality.settings.staleAfterDaysHint')}
      >
        <input
          {...fieldA11y(id('staleDays'), staleDaysError)}
          type="number"
          inputMode="numeric"
          min={STALE_DAYS.min}
          max={STALE_DAYS.max}
          value={staleDaysText}
          onChange={(event) => setStaleDaysText(event.target.value)}
        />
      </FormField>
      <fieldset className="trust-order">
        <legend>{t('dataQuality.settings.sourceTrust')}</legend>
        <p className="field__hint">{t('dataQuality.settings.sourceTrustHint')}</p>
        <ol className="trust-order__list">
          {draft.sourceTrust.map((channel, index) => {
            const label = t(`enums.sourceChannel.${channel}`);
            return (
              <li key={channel} className="trust-order__item">
                <span className="trust-order__rank">{index + 1}</span>
                <span className="trust-order__name">{label}</span>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  aria-label={t('dataQuality.settings.moveUp', { channel: label })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  aria-label={t('dataQuality.settings.moveDown', { channel: label })}
                  disabled={index === draft.sourceTrust.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
              </li>
            );
          })}
        </ol>
      </fieldset>
      {update.isSuccess && (
        <p className="banner banner--success" role="status">
          {t('dataQuality.settings.saved')}
        </p>
      )}
      {update.isError && (
        <div className="banner banner--error" role="alert">
          <p>{t('errors.generic')}</p>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('dataQuality.settings.save')}
        </button>
      </div>
    </form>
  );
}

/** Admins tune auto-merging, the stale-data period and which sources win when records are merged. */
export function DataQualitySettingsForm() {
  const { t } = useTranslation();
  const settings = useDataQualitySettings();
  return (
    <FormSection headingId="quality-settings-heading" title={t('dataQuality.settings.title')}>
      {settings.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {settings.isError && (
        <p className="banner banner--error" role="alert">
          {t('dataQuality.settings.loadFailed')}
        </p>
      )}
      {settings.data && <SettingsFields saved={settings.data} />}
    </FormSection>
  );
}
