import { listCities, listProvinces } from '@cims/schemas';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, SelectFilter } from '../../components/filter-panel';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/date-input';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCanCall } from '../auth/roles';
import { useSegments } from '../segments/queries';
import {
  CUSTOMER_KINDS,
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  isOneOf,
  LIFECYCLE_STAGES,
  ORDER_CHANNELS,
  VALUE_TIERS,
} from './enums';
import { QUALITY_BELOW_OPTIONS } from './quality';
import type { TCustomerFilters } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An instant from the address as the API wants it (ISO), or undefined when it is not one. */
function instantParam(value: string | null): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

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
  const createdFrom = instantParam(params.get('createdFrom'));
  if (createdFrom) filters.createdFrom = createdFrom;
  const createdTo = instantParam(params.get('createdTo'));
  if (createdTo) filters.createdTo = createdTo;
  const orderedFrom = instantParam(params.get('orderedFrom'));
  if (orderedFrom) filters.orderedFrom = orderedFrom;
  const orderedTo = instantParam(params.get('orderedTo'));
  if (orderedTo) filters.orderedTo = orderedTo;
  const orderChannel = params.get('orderChannel');
  if (isOneOf(ORDER_CHANNELS, orderChannel)) filters.orderChannel = orderChannel;
  const valueTier = params.get('valueTier');
  if (isOneOf(VALUE_TIERS, valueTier)) filters.valueTier = valueTier;
  const segmentId = params.get('segmentId');
  if (segmentId && UUID.test(segmentId)) filters.segmentId = segmentId;
  const qualityBelow = Number(params.get('qualityBelow'));
  if ((QUALITY_BELOW_OPTIONS as readonly number[]).includes(qualityBelow))
    filters.qualityBelow = qualityBelow;
  if (params.get('stale') === 'true') filters.stale = true;
  const sort = params.get('sort');
  if (isOneOf(CUSTOMER_SORTS, sort)) filters.sort = sort;
  return filters;
}

export function paramsFromFilters(filters: TCustomerFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
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
  return (
    <FilterPanel fieldsId={id('fields')} activeCount={activeCount} fieldsClassName="customer-filters__fields">
      <SelectFilter
        id={id('kind')}
        label={t('fields.kind')}
        value={value.kind}
        options={CUSTOMER_KINDS.map((kind) => ({ value: kind, label: t(`enums.kind.${kind}`) }))}
        onChange={(next) => set('kind', next as TCustomerFilters['kind'] | '')}
      />
      <SelectFilter
        id={id('stage')}
        label={t('fields.lifecycleStage')}
        value={value.lifecycleStage}
        options={LIFECYCLE_STAGES.map((stage) => ({
          value: stage,
          label: t(`enums.lifecycleStage.${stage}`),
        }))}
        onChange={(next) => set('lifecycleStage', next as TCustomerFilters['lifecycleStage'] | '')}
      />
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
      <SelectFilter
        id={id('province')}
        label={t('fields.province')}
        value={value.provinceCode}
        options={listProvinces().map((region) => ({ value: region.code, label: region.name }))}
        onChange={(next) => onChange({ ...value, provinceCode: next || undefined, cityCode: undefined })}
      />
      <SelectFilter
        id={id('city')}
        label={t('fields.city')}
        value={value.cityCode}
        options={cities.map((region) => ({ value: region.code, label: region.name }))}
        isDisabled={cities.length === 0}
        onChange={(next) => set('cityCode', next)}
      />
      <div className="field">
        <label htmlFor={id('createdFrom')}>{t('filters.createdFrom')}</label>
        <input
          id={id('createdFrom')}
          type="datetime-local"
          value={value.createdFrom ? toDateTimeLocal(new Date(value.createdFrom)) : ''}
          onChange={(event) => set('createdFrom', fromDateTimeLocal(event.target.value) ?? '')}
        />
      </div>
      <div className="field">
        <label htmlFor={id('createdTo')}>{t('filters.createdTo')}</label>
        <input
          id={id('createdTo')}
          type="datetime-local"
          value={value.createdTo ? toDateTimeLocal(new Date(value.createdTo)) : ''}
          onChange={(event) => set('createdTo', fromDateTimeLocal(event.target.value) ?? '')}
        />
      </div>
      <div className="field">
        <label htmlFor={id('orderedFrom')}>{t('filters.orderedFrom')}</label>
        <input
          id={id('orderedFrom')}
          type="datetime-local"
          value={value.orderedFrom ? toDateTimeLocal(new Date(value.orderedFrom)) : ''}
          onChange={(event) => set('orderedFrom', fromDateTimeLocal(event.target.value) ?? '')}
        />
      </div>
      <div className="field">
        <label htmlFor={id('orderedTo')}>{t('filters.orderedTo')}</label>
        <input
          id={id('orderedTo')}
          type="datetime-local"
          value={value.orderedTo ? toDateTimeLocal(new Date(value.orderedTo)) : ''}
          onChange={(event) => set('orderedTo', fromDateTimeLocal(event.target.value) ?? '')}
        />
      </div>
      <SelectFilter
        id={id('orderChannel')}
        label={t('filters.orderChannel')}
        value={value.orderChannel}
        options={ORDER_CHANNELS.map((channel) => ({
          value: channel,
          label: t(`enums.orderChannel.${channel}`),
        }))}
        onChange={(next) => set('orderChannel', next as TCustomerFilters['orderChannel'] | '')}
      />
      <SelectFilter
        id={id('valueTier')}
        label={t('fields.valueTier')}
        value={value.valueTier}
        options={VALUE_TIERS.map((tier) => ({ value: tier, label: tier }))}
        onChange={(next) => set('valueTier', next as TCustomerFilters['valueTier'] | '')}
      />
      <SegmentFilter id={id('segment')} value={value.segmentId} onChange={(next) => set('segmentId', next)} />
      <SelectFilter
        id={id('qualityBelow')}
        label={t('quality.filterBelow')}
        value={value.qualityBelow === undefined ? undefined : String(value.qualityBelow)}
        options={QUALITY_BELOW_OPTIONS.map((floor) => ({
          value: String(floor),
          label: t('quality.below', { score: floor }),
        }))}
        onChange={(next) => set('qualityBelow', next === '' ? '' : Number(next))}
      />
      <div className="field">
        <label htmlFor={id('sort')}>{t('filters.sort')}</label>
        <select
          id={id('sort')}
          value={value.sort ?? '-createdAt'}
          onChange={(event) =>
            set(
              'sort',
              event.target.value === '-createdAt' ? '' : (event.target.value as TCustomerFilters['sort']),
            )
          }
        >
          {CUSTOMER_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`filters.sorts.${sort}`)}
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
      <label className="checkbox-label checkbox-label--wrap filters__checkbox" htmlFor={id('stale')}>
        <input
          id={id('stale')}
          type="checkbox"
          checked={value.stale === true}
          onChange={(event) => set('stale', event.target.checked ? true : '')}
        />
        <span>{t('quality.staleOnly')}</span>
      </label>
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
    </FilterPanel>
  );
}

type TSegmentFilterProps = { id: string; value: string | undefined; onChange: (next: string) => void };

/**
 * The segment filter, named from the segment list where the viewer may read it; otherwise (a link from
 * the dashboard's campaign chart, say) the chosen segment shows by its id so that it can still be cleared.
 */
function SegmentFilter(props: TSegmentFilterProps) {
  const { t } = useTranslation();
  const canListSegments = useCanCall('listSegments');
  if (canListSegments) return <NamedSegmentFilter {...props} />;
  if (!props.value) return null;
  return (
    <SelectFilter
      {...props}
      label={t('fields.segment')}
      options={[{ value: props.value, label: props.value }]}
    />
  );
}

function NamedSegmentFilter(props: TSegmentFilterProps) {
  const { t } = useTranslation();
  const segments = useSegments();
  const options = (segments.data ?? []).map((segment) => ({ value: segment.id, label: segment.name }));
  if (props.value && !options.some((option) => option.value === props.value))
    options.push({ value: props.value, label: props.value });
  return <SelectFilter {...props} label={t('fields.segment')} options={options} />;
}
