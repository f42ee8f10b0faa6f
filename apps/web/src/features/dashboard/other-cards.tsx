import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Stat } from '../../components/stat';
import { useFormatters, useUiLocale } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { useCampaigns } from '../campaigns/queries';
import { useDataQualitySummary } from '../data-quality/queries';
import { useWorkOrderStats } from '../work-orders/queries';
import { formatShare } from '../work-orders/work-order-format';
import { ChartCard, DatumTable, useFollowLink } from './chart-card';
import { barOption, type TDatum } from './chart-options';
import type { TDashboardQuery } from './dashboard-filters';
import { customerListHref, workOrderListHref } from './drill-down';
import { EChart } from './echart';

const CHART_HEIGHT = 240;

/** Work orders opened in the period by status and by category, with the resolution SLA kept. */
export function WorkOrdersCard({ query }: { query: TDashboardQuery | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useUiLocale();
  const stats = useWorkOrderStats(query && { from: query.from, to: query.to });
  const byStatus = useMemo<TDatum[]>(
    () =>
      (stats.data?.byStatus ?? []).map((row) => ({
        key: row.status,
        label: t(`enums.workOrderStatus.${row.status}`),
        value: row.count,
        href: workOrderListHref({ status: [row.status] }),
      })),
    [stats.data, t],
  );
  const byCategory = useMemo<TDatum[]>(
    () =>
      (stats.data?.byCategory ?? []).map((row) => ({
        key: row.category,
        label: t(`enums.workOrderCategory.${row.category}`),
        value: row.count,
        href: workOrderListHref({ category: row.category }),
      })),
    [stats.data, t],
  );
  const followStatus = useFollowLink(byStatus);
  const followCategory = useFollowLink(byCategory);
  const statusOption = useMemo(
    () => barOption(byStatus, { seriesName: t('workOrders.stats.count') }),
    [byStatus, t],
  );
  const categoryOption = useMemo(
    () => barOption(byCategory, { seriesName: t('workOrders.stats.count'), isHorizontal: true }),
    [byCategory, t],
  );
  const title = t('dashboard.charts.workOrders');
  const count = (value: number | null) => format.number(value ?? 0);
  return (
    <ChartCard
      title={title}
      isLoading={stats.isPending && query !== null}
      isError={stats.isError}
      isEmpty={stats.data?.total === 0}
      chart={
        <>
          <dl className="stat-grid">
            <Stat label={t('workOrders.stats.total')}>{format.number(stats.data?.total ?? 0)}</Stat>
            <Stat label={t('workOrders.stats.compliance')}>
              {formatShare(stats.data?.sla.compliance ?? null, locale)}
            </Stat>
          </dl>
          <h3 className="dashboard-card__subtitle">{t('workOrders.stats.byStatus')}</h3>
          <EChart
            option={statusOption}
            label={t('workOrders.stats.byStatus')}
            height={CHART_HEIGHT}
            onItemClick={followStatus}
          />
          <h3 className="dashboard-card__subtitle">{t('workOrders.stats.byCategory')}</h3>
          <EChart
            option={categoryOption}
            label={t('workOrders.stats.byCategory')}
            height={CHART_HEIGHT}
            onItemClick={followCategory}
          />
        </>
      }
      table={
        <>
          <DatumTable
            caption={t('workOrders.stats.byStatus')}
            labelHeader={t('workOrders.status')}
            valueHeader={t('workOrders.stats.count')}
            data={byStatus}
            formatValue={count}
          />
          <DatumTable
            caption={t('workOrders.stats.byCategory')}
            labelHeader={t('workOrders.category')}
            valueHeader={t('workOrders.stats.count')}
            data={byCategory}
            formatValue={count}
          />
        </>
      }
    />
  );
}

/** Return on investment per campaign, in percent; a click opens the customers of its target segment. */
export function CampaignRoiCard() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const data = useMemo<TDatum[]>(
    () =>
      (campaigns.data ?? []).map((campaign) => ({
        key: campaign.id,
        label: campaign.name,
        // ROI is null where the campaign cost nothing; the chart leaves a gap and the table a dash.
        value: campaign.stats.roi === null ? null : Math.round(campaign.stats.roi * 1000) / 10,
        href: customerListHref({ segmentId: campaign.segment.id }),
      })),
    [campaigns.data],
  );
  const follow = useFollowLink(data);
  const title = t('dashboard.charts.campaignRoi');
  const option = useMemo(
    () => barOption(data, { seriesName: t('dashboard.roi'), isHorizontal: true, unit: '%' }),
    [data, t],
  );
  return (
    <ChartCard
      title={title}
      isLoading={campaigns.isPending}
      isError={campaigns.isError}
      isEmpty={data.length === 0}
      chart={
        <EChart
          option={option}
          label={title}
          height={Math.max(CHART_HEIGHT, data.length * 28 + 40)}
          onItemClick={follow}
        />
      }
      table={
        <DatumTable
          caption={title}
          labelHeader={t('campaigns.name')}
          valueHeader={t('dashboard.roi')}
          data={data}
          formatValue={(value) => (value === null ? '—' : `${value}%`)}
        />
      }
    />
  );
}

/** The data-quality figures, linking to the customers due for verification and the duplicate queue. */
export function DataQualityCard() {
  const { t } = useTranslation();
  const format = useFormatters();
  const summary = useDataQualitySummary();
  const canReviewDuplicates = useCanCall('listDuplicateCandidates');
  const data = summary.data;
  return (
    <section className="card dashboard-card" aria-label={t('dashboard.charts.dataQuality')}>
      <div className="dashboard-card__header">
        <h2 className="card__title">{t('dashboard.charts.dataQuality')}</h2>
        <Link to="/data-quality">{t('dashboard.moreDataQuality')}</Link>
      </div>
      {summary.isError && (
        <p className="banner banner--error" role="alert">
          {t('dashboard.loadFailed')}
        </p>
      )}
      {data && (
        <dl className="stat-grid">
          <Stat label={t('dataQuality.customers')}>
            <Link to="/customers">{format.number(data.customers)}</Link>
          </Stat>
          <Stat label={t('dataQuality.averageScore')}>
            {data.averageScore === null ? '—' : format.number(Math.round(data.averageScore))}
          </Stat>
          <Stat label={t('dataQuality.staleCustomers')} isAlarming={data.staleCustomers > 0}>
            <Link to={customerListHref({ stale: true })}>{format.number(data.staleCustomers)}</Link>
          </Stat>
          <Stat label={t('dataQuality.openDuplicates')} isAlarming={data.openDuplicateCandidates > 0}>
            {canReviewDuplicates ? (
              <Link to="/duplicates">{format.number(data.openDuplicateCandidates)}</Link>
            ) : (
              format.number(data.openDuplicateCandidates)
            )}
          </Stat>
        </dl>
      )}
    </section>
  );
}
