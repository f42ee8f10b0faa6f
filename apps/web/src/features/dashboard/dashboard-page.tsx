import { listProvinces } from '@cims/schemas';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FilterPanel, SelectFilter } from '../../components/filter-panel';
import { useCanCall } from '../auth/roles';
import { ExportButton } from '../exports/export-dialog';
import {
  CustomersByRegionCard,
  LifecycleFunnelCard,
  NewCustomersCard,
  PurchaseTrendCard,
  ValueTiersCard,
} from './customer-charts';
import {
  dashboardFiltersFromParams,
  dashboardQuery,
  ORDER_CHANNELS,
  paramsFromDashboardFilters,
  type TDashboardFilters,
} from './dashboard-filters';
import { CampaignRoiCard, DataQualityCard, WorkOrdersCard } from './other-cards';

/**
 * 仪表盘: the viewer's customers, purchases, work orders, campaigns and data quality at a glance, within
 * their data scope. Each card shows only to the roles that may call its operation, and every bar or slice
 * opens the list behind it.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  // One "today" per visit, so that the default period does not move under an open page at midnight.
  const today = useMemo(() => new Date(), []);
  const filters = dashboardFiltersFromParams(searchParams, today);
  const query = dashboardQuery(filters);
  const canReadCharts = useCanCall('getDashboardChart');
  const canReadWorkOrders = useCanCall('getWorkOrderStats');
  const canReadCampaigns = useCanCall('listCampaigns');
  const canReadDataQuality = useCanCall('getDataQualitySummary');

  const change = (next: TDashboardFilters) =>
    setSearchParams(paramsFromDashboardFilters(next, today), { replace: true });
  const chartProps = { filters, query };
  const activeCount = (filters.provinceCode ? 1 : 0) + (filters.channel ? 1 : 0);

  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('dashboard.title')}</h1>
        {query && (
          <ExportButton
            label={t('exports.actions.dashboard')}
            title={t('exports.actions.dashboardTitle')}
            intro={t('exports.actions.dashboardIntro')}
            target={{ source: 'dashboard', dashboardFilter: query }}
          />
        )}
      </div>
      <FilterPanel fieldsId={`${id}-fields`} activeCount={activeCount}>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('dashboard.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filters.fromDay}
            max={filters.toDay}
            required
            onChange={(event) => event.target.value && change({ ...filters, fromDay: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('dashboard.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filters.toDay}
            min={filters.fromDay}
            required
            onChange={(event) => event.target.value && change({ ...filters, toDay: event.target.value })}
          />
        </div>
        <SelectFilter
          id={`${id}-province`}
          label={t('fields.province')}
          value={filters.provinceCode}
          options={listProvinces().map((region) => ({ value: region.code, label: region.name }))}
          onChange={(next) => change({ ...filters, provinceCode: next || undefined })}
        />
        <SelectFilter
          id={`${id}-channel`}
          label={t('dashboard.orderChannel')}
          value={filters.channel}
          options={ORDER_CHANNELS.map((channel) => ({
            value: channel,
            label: t(`enums.orderChannel.${channel}`),
          }))}
          onChange={(next) =>
            change({ ...filters, channel: ORDER_CHANNELS.find((channel) => channel === next) })
          }
        />
      </FilterPanel>
      {query === null && (
        <p className="banner banner--error" role="alert">
          {t('dashboard.invalidRange')}
        </p>
      )}
      <div className="dashboard-grid">
        {canReadCharts && (
          <>
            <CustomersByRegionCard
              {...chartProps}
              onProvinceChange={(provinceCode) => change({ ...filters, provinceCode })}
            />
            <NewCustomersCard {...chartProps} />
            <PurchaseTrendCard {...chartProps} />
            <ValueTiersCard {...chartProps} />
            <LifecycleFunnelCard {...chartProps} />
          </>
        )}
        {canReadWorkOrders && <WorkOrdersCard query={query} />}
        {canReadCampaigns && <CampaignRoiCard />}
        {canReadDataQuality && <DataQualityCard />}
      </div>
    </div>
  );
}
