import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormSection } from '../../components/form-section';
import { Stat } from '../../components/stat';
import { ToggleButtons } from '../../components/toggle-buttons';
import { isApiError } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { translateValidationMessage } from '../../lib/validation-messages';
import { useCanCall } from '../auth/roles';
import { useRunValueTierScoring, useUpdateValueTierSettings, useValueTierSettings } from './queries';
import {
  CUT_LISTS,
  TIERS,
  type TProblem,
  type TValueTierFormValues,
  type TValueTierSettings,
  VALUE_TIER_METHODS,
  valueTierFormValuesOf,
  valueTierSettingsOf,
} from './value-tier-values';

type TErrorAt = (path: string) => string | undefined;

/** A number box of the form, tied to the problem at its path. */
function NumberField({
  id,
  label,
  path,
  value,
  errorAt,
  isAmount = false,
  onChange,
}: {
  id: string;
  label: string;
  path: string;
  value: string;
  errorAt: TErrorAt;
  isAmount?: boolean;
  onChange: (value: string) => void;
}) {
  const error = errorAt(path);
  return (
    <FormField id={id} label={label} error={error}>
      <input
        {...fieldA11y(id, error)}
        type="number"
        inputMode={isAmount ? 'decimal' : 'numeric'}
        min={0}
        step={isAmount ? 0.01 : 1}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </FormField>
  );
}

/** A/B/C minimums (total scores or amounts), side by side, with the problem about their order. */
function TierFields({
  id,
  path,
  labelKey,
  values,
  errorAt,
  isAmount,
  onChange,
}: {
  id: string;
  path: string;
  labelKey: string;
  values: Record<(typeof TIERS)[number], string>;
  errorAt: TErrorAt;
  isAmount: boolean;
  onChange: (values: Record<(typeof TIERS)[number], string>) => void;
}) {
  const { t } = useTranslation();
  const orderError = errorAt(path);
  return (
    <>
      <div className="rule-condition">
        {TIERS.map((tier) => (
          <NumberField
            key={tier}
            id={`${id}-${tier}`}
            label={t(labelKey, { tier })}
            path={`${path}/${tier}`}
            value={values[tier]}
            errorAt={errorAt}
            isAmount={isAmount}
            onChange={(value) => onChange({ ...values, [tier]: value })}
          />
        ))}
      </div>
      {orderError && (
        <p className="field__error" role="alert">
          {orderError}
        </p>
      )}
    </>
  );
}

function SettingsForm({ saved, canEdit }: { saved: TValueTierSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateValueTierSettings();
  const [values, setValues] = useState<TValueTierFormValues>(() => valueTierFormValuesOf(saved));
  const [problems, setProblems] = useState<TProblem[]>([]);
  const change = (next: Partial<TValueTierFormValues>) => setValues((current) => ({ ...current, ...next }));
  const shown = isApiError(update.error) ? (update.error.problem.errors ?? []) : problems;
  const errorAt: TErrorAt = (path) =>
    translateValidationMessage(t, shown.find((problem) => problem.path === path)?.message);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = valueTierSettingsOf(values);
    setProblems(result.problems);
    update.reset();
    if (result.settings) update.mutate(result.settings);
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <fieldset className="stack" disabled={!canEdit}>
        <FormSection headingId={`${id}-rfm`} title={t('valueTiers.rfm')}>
          <div className="form-stack">
            <NumberField
              id={`${id}-window`}
              label={t('valueTiers.windowDays')}
              path="/windowDays"
              value={values.windowDays}
              errorAt={errorAt}
              onChange={(windowDays) => change({ windowDays })}
            />
            <div className="field">
              <span className="field__label" aria-hidden="true">
                {t('valueTiers.method')}
              </span>
              <ToggleButtons
                label={t('valueTiers.method')}
                options={VALUE_TIER_METHODS.map((value) => ({
                  value,
                  label: t(`valueTiers.methods.${value}`),
                }))}
                isPressed={(value) => values.method === value}
                onPress={(method) => change({ method })}
              />
              <p className="field__hint">{t(`valueTiers.methodHints.${values.method}`)}</p>
            </div>
            {CUT_LISTS.map((list) => {
              const orderError = errorAt(`/${list}`);
              return (
                <fieldset key={list} className="rule-node">
                  <legend className="rule-node__legend">{t(`valueTiers.cuts.${list}`)}</legend>
                  <p className="field__hint">{t(`valueTiers.cutHints.${list}`)}</p>
                  <div className="rule-condition">
                    {values.cuts[list].map((text, index) => (
                      <NumberField
                        // The four cut points are fixed positions, never reordered.
                        key={index}
                        id={`${id}-${list}-${index}`}
                        label={t('valueTiers.cutPoint', {
                          list: t(`valueTiers.cuts.${list}`),
                          number: index + 1,
                        })}
                        path={`/${list}/${index}`}
                        value={text}
                        errorAt={errorAt}
                        isAmount={list === 'monetaryAmounts'}
                        onChange={(value) =>
                          change({
                            cuts: {
                              ...values.cuts,
                              [list]: values.cuts[list].map((cut, at) => (at === index ? value : cut)),
                            },
                          })
                        }
                      />
                    ))}
                  </div>
                  {orderError && (
                    <p className="field__error" role="alert">
                      {orderError}
                    </p>
                  )}
                </fieldset>
              );
            })}
          </div>
        </FormSection>
        <FormSection headingId={`${id}-tiers`} title={t('valueTiers.tierMinimums')}>
          <p className="field__hint">{t('valueTiers.tierMinimumsHint')}</p>
          <TierFields
            id={`${id}-tier`}
            path="/tierMinimums"
            labelKey="valueTiers.tierMinimum"
            values={values.tierMinimums}
            errorAt={errorAt}
            isAmount={false}
            onChange={(tierMinimums) => change({ tierMinimums })}
          />
        </FormSection>
        <FormSection headingId={`${id}-organizations`} title={t('valueTiers.organizationRule')}>
          <div className="form-stack">
            <label className="checkbox-label checkbox-label--wrap">
              <input
                type="checkbox"
                checked={values.isOrganizationRuleEnabled}
                onChange={(event) => change({ isOrganizationRuleEnabled: event.target.checked })}
              />
              <span>{t('valueTiers.organizationRuleEnabled')}</span>
            </label>
            <p className="field__hint">{t('valueTiers.organizationRuleHint')}</p>
            <TierFields
              id={`${id}-org`}
              path="/organizationRule/minimumAmounts"
              labelKey="valueTiers.minimumAmount"
              values={values.organizationMinimums}
              errorAt={errorAt}
              isAmount
              onChange={(organizationMinimums) => change({ organizationMinimums })}
            />
          </div>
        </FormSection>
      </fieldset>
      {update.isSuccess && (
        <p className="banner banner--success" role="status">
          {t('valueTiers.saved')}
        </p>
      )}
      {(update.isError || problems.length > 0) && (
        <p className="banner banner--error" role="alert">
          {update.isError && !isApiError(update.error) ? t('errors.network') : t('valueTiers.checkForm')}
        </p>
      )}
      {canEdit && (
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : t('valueTiers.save')}
          </button>
        </div>
      )}
    </form>
  );
}

/** Scores every customer now, as the nightly job does, and shows what came of it. */
function ScoreNow() {
  const { t } = useTranslation();
  const format = useFormatters();
  const score = useRunValueTierScoring();
  return (
    <section className="card stack" aria-labelledby="value-tier-score">
      <h2 id="value-tier-score" className="card__title">
        {t('valueTiers.scoreTitle')}
      </h2>
      <p className="field__hint">{t('valueTiers.scoreHint')}</p>
      <div>
        <button type="button" className="button" disabled={score.isPending} onClick={() => score.mutate()}>
          {score.isPending ? t('valueTiers.scoring') : t('valueTiers.scoreNow')}
        </button>
      </div>
      {score.isError && (
        <p className="field__error" role="alert">
          {t('errors.generic')}
        </p>
      )}
      {score.data && (
        <div role="status" className="stack stack--tight">
          <p>{t('valueTiers.scoredAt', { time: format.dateTime(score.data.asOf) })}</p>
          <dl className="stat-grid">
            <Stat label={t('valueTiers.scored')}>{format.number(score.data.scored)}</Stat>
            <Stat label={t('valueTiers.changed')}>{format.number(score.data.changed)}</Stat>
            {(['A', 'B', 'C', 'D'] as const).map((tier) => (
              <Stat key={tier} label={t('valueTiers.tierCount', { tier })}>
                {format.number(score.data.distribution[tier])}
              </Stat>
            ))}
          </dl>
        </div>
      )}
    </section>
  );
}

export function ValueTiersPage() {
  const { t } = useTranslation();
  const settings = useValueTierSettings();
  const canEdit = useCanCall('updateValueTierSettings');
  const canScore = useCanCall('runValueTierScoring');
  return (
    <div className="stack">
      <nav className="breadcrumb">
        <Link to="/segments">{t('segments.backToList')}</Link>
      </nav>
      <div className="page-header">
        <h1>{t('valueTiers.title')}</h1>
      </div>
      <p className="page-intro muted">{t('valueTiers.intro')}</p>
      {settings.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {settings.isError && (
        <div className="banner banner--error" role="alert">
          {t('valueTiers.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void settings.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {settings.data && <SettingsForm saved={settings.data} canEdit={canEdit} />}
      {canScore && <ScoreNow />}
    </div>
  );
}
