import { listCities, listProvinces } from '@cims/schemas';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { CUSTOMER_KINDS, CUSTOMER_STATUSES, isOneOf, LIFECYCLE_STAGES } from './enums';
import type { TCustomerFilters } from './queries';

/** Filters live in the URL so that a filtered list can be bookmarked, shared and restored with Back. */
export function filtersFromParams(params: URLSearchParams): TCustomerFilters {
  const filters: TCustomerFilters = {};
  const kind = params.get('kind');
  if (isOneOf(CUSTOMER_KINDS, kind)) filters.kind = kind;
  const stage = params.get('lifecycleStage');
  if (isOneOf(LIFECYCLE_STAGES, stage)) filters.lifecycleStage = stage;
  const status = params.get('status');
  if (isOneOf(CUSTOMER_STATUSES, status)) filters.status = status;
  const tag = params.get('tag')?.trim();
  if (tag) filters.tag = tag;
  const provinceCode = params.get('provinceCode');
  if (provinceCode) filters.provinceCode = provinceCode;
  const cityCode = params.get('cityCode');
  if (provinceCode && cityCode) filters.cityCode = cityCode;
  return filters;
}

export function paramsFromFilters(filters: TCustomerFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  return params;
}

const TAG_DEBOUNCE_MS = 400;

export function CustomerFilters({
  value,
  onChange,
}: {
  value: TCustomerFilters;
  onChange: (next: TCustomerFilters) => void;
}) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const [tagText, setTagText] = useState(value.tag ?? '');
  const debouncedTag = useDebouncedValue(tagText.trim(), TAG_DEBOUNCE_MS);

  // Typing a tag filters once the typing pauses, like the quick search, instead of on every key.
  useEffect(() => {
    if ((value.tag ?? '') !== debouncedTag) onChange({ ...value, tag: debouncedTag || undefined });
  }, [debouncedTag]);

  // Clearing all filters from outside must also empty the text box.
  useEffect(() => {
    if ((value.tag ?? '') === '') setTagText((current) => (current.trim() === '' ? current : ''));
  }, [value.tag]);

  const set = <K extends keyof TCustomerFilters>(key: K, next: TCustomerFilters[K] | '') =>
    onChange({ ...value, [key]: next === '' ? undefined : next });

  const cities = value.provinceCode ? listCities(value.provinceCode) : [];
  const activeCount = Object.values(value).filter((entry) => entry !== undefined && entry !== '').length;
  // Only narrow screens fold the filters away (see styles.css); on wide ones the toggle is hidden.
  const [isOpen, setIsOpen] = useState(false);

  return (
    <section className={`filters${isOpen ? ' filters--open' : ''}`} aria-label={t('filters.title')}>
      <button
        type="button"
        className="filters__toggle button button--block"
        aria-expanded={isOpen}
        aria-controls={id('fields')}
        onClick={() => setIsOpen((open) => !open)}
      >
        {activeCount > 0 ? t('filters.toggleActive', { count: activeCount }) : t('filters.toggle')}
      </button>
      <div id={id('fields')} className="filters__fields">
        <div className="field">
          <label htmlFor={id('kind')}>{t('fields.kind')}</label>
          <select
            id={id('kind')}
            value={value.kind ?? ''}
            onChange={(event) => set('kind', event.target.value as TCustomerFilters['kind'] | '')}
          >
            <option value="">{t('filters.all')}</option>
            {CUSTOMER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`enums.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('stage')}>{t('fields.lifecycleStage')}</label>
          <select
            id={id('stage')}
            value={value.lifecycleStage ?? ''}
            onChange={(event) =>
              set('lifecycleStage', event.target.value as TCustomerFilters['lifecycleStage'] | '')
            }
          >
            <option value="">{t('filters.all')}</option>
            {LIFECYCLE_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`enums.lifecycleStage.${stage}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('tag')}>{t('fields.tag')}</label>
          <input
            id={id('tag')}
            type="text"
            value={tagText}
            placeholder={t('filters.tagPlaceholder')}
            onChange={(event) => setTagText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id('province')}>{t('fields.province')}</label>
          <select
            id={id('province')}
            value={value.provinceCode ?? ''}
            onChange={(event) =>
              onChange({ ...value, provinceCode: event.target.value || undefined, cityCode: undefined })
            }
          >
            <option value="">{t('filters.all')}</option>
            {listProvinces().map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('city')}>{t('fields.city')}</label>
          <select
            id={id('city')}
            value={value.cityCode ?? ''}
            disabled={cities.length === 0}
            onChange={(event) => set('cityCode', event.target.value)}
          >
            <option value="">{t('filters.all')}</option>
            {cities.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('status')}>{t('fields.status')}</label>
          <select
            id={id('status')}
            value={value.status ?? 'active'}
            onChange={(event) => set('status', event.target.value === 'active' ? '' : 'deleted')}
          >
            {CUSTOMER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`enums.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={activeCount === 0}
            onClick={() => onChange({})}
          >
            {t('filters.clear')}
          </button>
        </div>
      </div>
    </section>
  );
}
