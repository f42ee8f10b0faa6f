import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FilterPanel, SelectFilter } from '../../components/filter-panel';
import { LoadMore } from '../../components/load-more';
import { ToggleButtons } from '../../components/toggle-buttons';
import { useCanCall } from '../auth/roles';
import { isOneOf } from '../customers/enums';
import { ExportButton } from '../exports/export-dialog';
import { type TWorkOrderFilters, useWorkOrderSettings, useWorkOrders } from './queries';
import { WorkOrderBoard } from './work-order-board';
import { WorkOrderFilterChips } from './work-order-filter-chips';
import {
  listStateFromParams,
  paramsFromListState,
  type TWorkOrderView,
  WORK_ORDER_VIEWS,
  workOrderQuery,
} from './work-order-filters';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_STATUSES } from './work-order-format';
import { WorkOrderTable } from './work-order-table';
import { WorkOrdersHeader } from './work-orders-header';

const LAYOUTS = ['list', 'board'] as const;
type TLayout = (typeof LAYOUTS)[number];

/** Work orders by view (mine, a team queue, all) as a list or a board by status, filtered by the address. */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const fieldsId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const canReadQueues = useCanCall('getWorkOrderSettings');
  const settings = useWorkOrderSettings(canReadQueues);
  const queues = settings.data?.queues ?? [];
  const [layout, setLayout] = useState<TLayout>('list');
  const state = listStateFromParams(searchParams);
  const filters = state.filters;
  const named = state.view === 'queue' && !canReadQueues ? 'all' : state.view;
  const view: TWorkOrderView = named ?? (canReadQueues ? 'mine' : 'all');
  const queueId = filters.queueId ?? settings.data?.defaultQueueId;
  const query = workOrderQuery(view, filters, settings.data?.defaultQueueId);
  const list = useWorkOrders(query);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const views = WORK_ORDER_VIEWS.filter((option) => option !== 'queue' || canReadQueues);
  const activeCount = [filters.status, filters.category, filters.isBreached].filter(
    (value) => value !== undefined,
  ).length;

  // Every change writes the view it was made in, so that adding a filter never changes the view.
  const change = (next: { view?: TWorkOrderView; filters?: TWorkOrderFilters }) =>
    setSearchParams(paramsFromListState({ view: next.view ?? view, filters: next.filters ?? filters }), {
      replace: true,
    });
  const setFilter = (next: Partial<TWorkOrderFilters>) => change({ filters: { ...filters, ...next } });
  const toggleStatus = (status: (typeof WORK_ORDER_STATUSES)[number]) => {
    const current = filters.status ?? [];
    const next = current.includes(status)
      ? current.filter((existing) => existing !== status)
      : [...current, status];
    setFilter({ status: next.length > 0 ? next : undefined });
  };

  return (
    <div className="stack">
      <WorkOrdersHeader
        actions={
          <ExportButton
            label={t('exports.actions.export')}
            title={t('exports.actions.workOrdersTitle')}
            intro={t('exports.actions.workOrdersIntro')}
            target={{ source: 'work_orders', workOrderFilter: query }}
          />
        }
      />
      <div className="toolbar">
        <ToggleButtons
          label={t('workOrders.viewLabel')}
          options={views.map((value) => ({ value, label: t(`workOrders.view.${value}`) }))}
          isPressed={(value) => value === view}
          onPress={(value) => change({ view: value })}
        />
        <ToggleButtons
          label={t('workOrders.layoutLabel')}
          options={LAYOUTS.map((value) => ({ value, label: t(`workOrders.layout.${value}`) }))}
          isPressed={(value) => value === layout}
          onPress={setLayout}
        />
      </div>
      <FilterPanel fieldsId={fieldsId} activeCount={activeCount}>
        {view === 'queue' && (
          <div className="field">
            <label htmlFor={`${fieldsId}-queue`}>{t('workOrders.queue')}</label>
            <select
              id={`${fieldsId}-queue`}
              value={queueId ?? ''}
              onChange={(event) => setFilter({ queueId: event.target.value || undefined })}
            >
              {queues.map((queue) => (
                <option key={queue.id} value={queue.id}>
                  {queue.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field form-grid__wide">
          {/* The chips' fieldset names itself for screen readers; this is its visible label. */}
          <span className="field__label" aria-hidden="true">
            {t('workOrders.status')}
          </span>
          <ToggleButtons
            label={t('workOrders.status')}
            options={WORK_ORDER_STATUSES.map((value) => ({
              value,
              label: t(`enums.workOrderStatus.${value}`),
            }))}
            isPressed={(value) => filters.status?.includes(value) ?? false}
            onPress={toggleStatus}
          />
        </div>
        <SelectFilter
          id={`${fieldsId}-category`}
          label={t('workOrders.category')}
          value={filters.category}
          options={WORK_ORDER_CATEGORIES.map((value) => ({
            value,
            label: t(`enums.workOrderCategory.${value}`),
          }))}
          onChange={(value) =>
            setFilter({ category: isOneOf(WORK_ORDER_CATEGORIES, value) ? value : undefined })
          }
        />
        <SelectFilter
          id={`${fieldsId}-breached`}
          label={t('workOrders.sla.title')}
          value={filters.isBreached === undefined ? undefined : String(filters.isBreached)}
          options={[
            { value: 'true', label: t('workOrders.sla.breached') },
            { value: 'false', label: t('workOrders.sla.withinTime') },
          ]}
          onChange={(value) => setFilter({ isBreached: value === '' ? undefined : value === 'true' })}
        />
        <div className="filters__actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={activeCount === 0}
            onClick={() => setFilter({ status: undefined, category: undefined, isBreached: undefined })}
          >
            {t('filters.clear')}
          </button>
        </div>
      </FilterPanel>
      <WorkOrderFilterChips
        filters={view === 'mine' ? { ...filters, assignee: undefined } : filters}
        onRemove={(key) => setFilter({ [key]: undefined })}
      />
      {list.isError && (
        <div className="banner banner--error" role="alert">
          {t('workOrders.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {list.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : items.length === 0 ? (
        <div className="empty-state">
          <p>{t('workOrders.empty')}</p>
        </div>
      ) : layout === 'board' ? (
        <WorkOrderBoard items={items} />
      ) : (
        <div className="card card--flush">
          <WorkOrderTable items={items} caption={t('workOrders.title')} />
        </div>
      )}
      <LoadMore query={list} label={t('customers.loadMore')} />
    </div>
  );
}
