import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormSection } from '../../components/form-section';
import { isApiError } from '../../lib/api';
import { translateValidationMessage } from '../../lib/validation-messages';
import { CountryOptions } from '../customers/country-options';
import { CUSTOMER_KINDS, SOURCE_CHANNELS } from '../customers/enums';
import {
  DUPLICATE_POLICIES,
  hasNameColumn,
  IMPORT_FIELDS,
  INVALID_VALUE_POLICIES,
  importSettingsOf,
  isValidSourceId,
  startBodyOf,
  type TImportField,
  type TImportMode,
  type TImportSettings,
} from './import-settings';
import { type TImportJob, useStartImport } from './queries';

// The first rows give enough of each column to tell what it holds without making the table tall.
const SAMPLE_ROWS_SHOWN = 3;

function startErrorMessages(t: TFunction, error: unknown): string[] {
  if (!isApiError(error)) return [t('errors.network')];
  if (error.status === 409) return [t('imports.alreadyRunning')];
  const details = (error.problem.errors ?? []).map(
    (detail) => translateValidationMessage(t, detail.message) ?? detail.message,
  );
  return details.length > 0 ? details : [t('errors.generic')];
}

function MappingTable({
  job,
  mapping,
  onChange,
}: {
  job: TImportJob;
  mapping: TImportSettings['mapping'];
  onChange: (column: string, field: TImportField) => void;
}) {
  const { t } = useTranslation();
  const samples = job.sampleRows.slice(0, SAMPLE_ROWS_SHOWN);
  return (
    <div className="mapping-table">
      <table className="data-table">
        <caption className="visually-hidden">{t('imports.mapping.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.mapping.column')}</th>
            <th scope="col">{t('imports.mapping.samples')}</th>
            <th scope="col">{t('imports.mapping.target')}</th>
          </tr>
        </thead>
        <tbody>
          {job.columns.map((column, index) => (
            <tr key={column}>
              <th scope="row" data-label={t('imports.mapping.column')}>
                {column}
              </th>
              <td data-label={t('imports.mapping.samples')}>
                <ul className="plain-list mapping-table__samples">
                  {samples.map((row, rowIndex) => (
                    // Sample rows have no identity of their own; their position is what they are.
                    <li key={rowIndex}>{row[index] || '—'}</li>
                  ))}
                </ul>
              </td>
              <td data-label={t('imports.mapping.target')}>
                <select
                  aria-label={t('imports.mapping.targetOf', { column })}
                  value={mapping[column] ?? 'ignore'}
                  onChange={(event) => onChange(column, event.target.value as TImportField)}
                >
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t(`enums.importField.${field}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Which column fills which field, and how the run treats sources, addresses without a country, invalid
 * values and duplicates; then a dry run or a run.
 */
export function ImportMappingForm({ job }: { job: TImportJob }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const start = useStartImport();
  const [settings, setSettings] = useState(() => importSettingsOf(job));
  const [pendingMode, setPendingMode] = useState<TImportMode | null>(null);
  const isNameMapped = hasNameColumn(settings.mapping);
  const sourceError = isValidSourceId(settings.source.trim())
    ? undefined
    : t('imports.settings.sourceInvalid');
  const canStart = isNameMapped && !sourceError && !start.isPending;

  const set = <K extends keyof TImportSettings>(key: K, value: TImportSettings[K]) =>
    setSettings((current) => ({ ...current, [key]: value }));

  const run = (mode: TImportMode) => {
    setPendingMode(mode);
    start.mutate({ id: job.id, body: startBodyOf(settings, mode) });
  };

  return (
    <FormSection headingId="import-mapping-heading" title={t('imports.mapping.title')}>
      <p className="muted">{t('imports.mapping.intro')}</p>
      <MappingTable
        job={job}
        mapping={settings.mapping}
        onChange={(column, field) => set('mapping', { ...settings.mapping, [column]: field })}
      />
      {!isNameMapped && (
        <p className="field__error" role="alert">
          {t('imports.mapping.needsName')}
        </p>
      )}
      <div className="form-grid import-settings">
        <FormField id={id('channel')} label={t('fields.sourceChannel')}>
          <select
            {...fieldA11y(id('channel'), undefined)}
            value={settings.sourceChannel}
            onChange={(event) => set('sourceChannel', event.target.value as TImportSettings['sourceChannel'])}
          >
            {SOURCE_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`enums.sourceChannel.${channel}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={id('source')}
          label={t('imports.settings.source')}
          error={sourceError}
          hint={t('imports.settings.sourceHint')}
        >
          <input
            {...fieldA11y(id('source'), sourceError)}
            type="text"
            spellCheck={false}
            autoCapitalize="off"
            placeholder="taobao-shop"
            value={settings.source}
            onChange={(event) => set('source', event.target.value)}
          />
        </FormField>
        <FormField
          id={id('kind')}
          label={t('imports.settings.defaultKind')}
          hint={t('imports.settings.defaultKindHint')}
        >
          <select
            {...fieldA11y(id('kind'), undefined)}
            value={settings.defaultKind}
            onChange={(event) => set('defaultKind', event.target.value as TImportSettings['defaultKind'])}
          >
            {CUSTOMER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`enums.kind.${kind}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={id('country')}
          label={t('imports.settings.defaultCountry')}
          hint={t('imports.settings.defaultCountryHint')}
        >
          <select
            {...fieldA11y(id('country'), undefined)}
            value={settings.defaultCountryCode}
            onChange={(event) => set('defaultCountryCode', event.target.value)}
          >
            <CountryOptions currentCode={settings.defaultCountryCode} />
          </select>
        </FormField>
        <FormField
          id={id('invalidValues')}
          label={t('imports.settings.invalidValues')}
          hint={t(`imports.settings.invalidValuesHints.${settings.invalidValues}`)}
        >
          <select
            {...fieldA11y(id('invalidValues'), undefined)}
            value={settings.invalidValues}
            onChange={(event) => set('invalidValues', event.target.value as TImportSettings['invalidValues'])}
          >
            {INVALID_VALUE_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {t(`enums.invalidValuePolicy.${policy}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={id('duplicates')}
          label={t('imports.settings.onDuplicate')}
          hint={t(`imports.settings.onDuplicateHints.${settings.onDuplicate}`)}
        >
          <select
            {...fieldA11y(id('duplicates'), undefined)}
            value={settings.onDuplicate}
            onChange={(event) => set('onDuplicate', event.target.value as TImportSettings['onDuplicate'])}
          >
            {DUPLICATE_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {t(`enums.duplicatePolicy.${policy}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      {start.isError && (
        <div className="banner banner--error" role="alert">
          <ul>
            {startErrorMessages(t, start.error).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={!canStart} onClick={() => run('dry_run')}>
          {start.isPending && pendingMode === 'dry_run' ? t('imports.starting') : t('imports.dryRun')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!canStart}
          onClick={() => run('run')}
        >
          {start.isPending && pendingMode === 'run' ? t('imports.starting') : t('imports.run')}
        </button>
      </div>
    </FormSection>
  );
}
