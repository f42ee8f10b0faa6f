import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, SelectFilter } from '../../components/filter-panel';
import { LoadMore } from '../../components/load-more';
import { ToggleButtons } from '../../components/toggle-buttons';
import { useCanCall } from '../auth/roles';
import { isOneOf } from '../customers/enums';
import { type TWorkOrderFilters, useWorkOrderSettings, useWorkOrders } from './queries';
import { WorkOrderBoard } from './work-order-board';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_STATUSES } from './work-order-format';
import { WorkOrderTable } from './work-order-table';
import { WorkOrdersHeader } from './work-orders-header';

const VIEWS = ['mine', 'queue', 'all'] as const;
type TView = (typeof VIEWS)[number];
const LAYOUTS = ['list', 'board'] as const;
type TLayout = (typeof LAYOUTS)[number];

type TListFilters = Pick<TWorkOrderFilters, 'status' | 'category' | 'isBreached'>;

function viewFilters(view: TView, queueId: string | undefined): TWorkOrderFilters {
  if (view === 'mine') return { assignee: 'me' };
  if (view === 'queue') return queueId ? { queueId } : {};
  return {};
}

/** Work orders by view (mine, a team queue, all) as a list or a board by status. */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const fieldsId = useId();
  const canReadQueues = useCanCall('getWorkOrderSettings');
  const settings = useWorkOrderSettings(canReadQueues);
  const queues = settings.data?.queues ?? [];
  const [view, setView] = useState<TView>(canReadQueues ? 'mine' : 'all');
  const [layout, setLayout] = useState<TLayout>('list');
  const [chosenQueueId, setChosenQueueId] = useState<string>();
  const [filters, setFilters] = useState<TListFilters>({});
  const queueId = chosenQueueId ?? settings.data?.defaultQueueId;
  const list = useWorkOrders({ ...viewFilters(view, queueId), ...filters });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const views = VIEWS.filter((option) => option !== 'queue' || canReadQueues);
  const activeCount = Object.values(filters).filter((value) => value !== undefined).length;

  return (
    <div className="stack">
      <WorkOrdersHeader />
      <div className="toolbar">
        <ToggleButtons
          label={t('workOrders.viewLabel')}
          options={views.map((value) => ({ value, label: t(`workOrders.view.${value}`) }))}
          isPressed={(value) => value === view}
          onPress={setView}
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
              onChange={(event) => setChosenQueueId(event.target.value)}
            >
              {queues.map((queue) => (
                <option key={queue.id} value={queue.id}>
                  {queue.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <SelectFilter
          id={`${fieldsId}-status`}
          label={t('workOrders.status')}
          value={filters.status?.[0]}
          options={WORK_ORDER_STATUSES.map((value) => ({
            value,
            label: t(`enums.workOrderStatus.${value}`),
          }))}
          onChange={(value) =>
            setFilters({ ...filters, status: isOneOf(WORK_ORDER_STATUSES, value) ? [value] : undefined })
          }
        />
        <SelectFilter
          id={`${fieldsId}-category`}
          label={t('workOrders.category')}
          value={filters.category}
          options={WORK_ORDER_CATEGORIES.map((value) => ({
            value,
            label: t(`enums.workOrderCategory.${value}`),
          }))}
          onChange={(value) =>
            setFilters({ ...filters, category: isOneOf(WORK_ORDER_CATEGORIES, value) ? value : undefined })
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
          onChange={(value) =>
            setFilters({ ...filters, isBreached: value === '' ? undefined : value === 'true' })
          }
        />
      </FilterPanel>
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
