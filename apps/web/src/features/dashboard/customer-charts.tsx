import { getRegionName } from '@cims/schemas';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useFormatters, useUiLocale } from '../../lib/format';
import { ChartCard, DatumTable, useFollowLink } from './chart-card';
import {
  barOption,
  funnelOption,
  lineOption,
  purchaseMonths,
  purchaseTrendOption,
  type TDatum,
} from './chart-options';
import {
  monthLabel,
  monthsBetween,
  ORDER_CHANNELS,
  type TDashboardFilters,
  type TDashboardQuery,
  type TOrderChannel,
} from './dashboard-filters';
import {
  customerDrillHref,
  customerListHref,
  purchaseDrillHref,
  type TDashboardChartName,
} from './drill-down';
import { EChart } from './echart';
import { useDashboardChart } from './queries';

const CHART_HEIGHT = 280;
const BAR_ROW_HEIGHT = 24;

type TChartProps = { filters: TDashboardFilters; query: TDashboardQuery | null };

/** A chart's points as data with their drill-down links; `label` names a key the server did not. */
function useChartData(
  chart: TDashboardChartName,
  { filters, query }: TChartProps,
  label: (key: string, serverLabel: string | null) => string,
) {
  const result = useDashboardChart(chart, query);
  const data = useMemo<TDatum[]>(
    () =>
      (result.data?.points ?? []).map((point) => ({
        key: point.key,
        label: label(point.key, point.label),
        value: point.value,
        href: customerDrillHref(chart, point.key, filters.provinceCode),
      })),
    [result.data, filters.provinceCode, label],
  );
  return { result, data };
}

/**
 * A chart of counts whose every point links to its customers, with its figures as a table: new
 * customers, value tiers and lifecycle stages draw the same way and differ in their option and words.
 */
function CountChartCard({
  title,
  query,
  result,
  data,
  option,
  labelHeader,
  valueHeader,
  isEmpty = data.length === 0,
}: {
  title: string;
  query: TDashboardQuery | null;
  result: ReturnType<typeof useDashboardChart>;
  data: TDatum[];
  option: ReturnType<typeof barOption>;
  labelHeader: string;
  valueHeader: string;
  isEmpty?: boolean;
}) {
  const format = useFormatters();
  const follow = useFollowLink(data);
  return (
    <ChartCard
      title={title}
      isLoading={result.isPending && query !== null}
      isError={result.isError}
      isEmpty={isEmpty}
      chart={<EChart option={option} label={title} height={CHART_HEIGHT} onItemClick={follow} />}
      table={
        <DatumTable
          caption={title}
          labelHeader={labelHeader}
          valueHeader={valueHeader}
          data={data}
          formatValue={(value) => format.number(value ?? 0)}
        />
      }
    />
  );
}

/**
 * Customers by province; a click on a province narrows the whole dashboard to it and shows its cities,
 * and a click on a city (or the link to the province's customers) opens the customer list.
 */
export function CustomersByRegionCard({
  onProvinceChange,
  ...props
}: TChartProps & { onProvinceChange: (provinceCode: string | undefined) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const provinceCode = props.filters.provinceCode;
  const label = useMemo(
    () => (_key: string, serverLabel: string | null) => serverLabel ?? t('dashboard.unknownRegion'),
    [t],
  );
  const { result, data } = useChartData('customers_by_region', props, label);
  const follow = useFollowLink(data);
  const title = provinceCode
    ? t('dashboard.charts.customersByCity', { province: getRegionName(provinceCode) })
    : t('dashboard.charts.customersByProvince');
  const option = useMemo(
    () => barOption(data, { seriesName: t('dashboard.customers'), isHorizontal: true }),
    [data, t],
  );
  const drillIn = (datum: TDatum | undefined) => {
    if (datum && /^\d{6}$/.test(datum.key)) onProvinceChange(datum.key);
  };
  return (
    <ChartCard
      title={title}
      actions={
        provinceCode && (
          <div className="dashboard-card__actions">
            <Link to={customerListHref({ provinceCode })}>
              {t('dashboard.provinceCustomers', { province: getRegionName(provinceCode) })}
            </Link>
            <button
              type="button"
              className="button button--small"
              onClick={() => onProvinceChange(undefined)}
            >
              {t('dashboard.allProvinces')}
            </button>
          </div>
        )
      }
      // The previous figures are another level's (provinces, not cities): they must not stay on screen.
      isLoading={(result.isPending && props.query !== null) || result.isPlaceholderData}
      isError={result.isError}
      isEmpty={data.length === 0}
      chart={
        <EChart
          option={option}
          label={title}
          height={Math.max(CHART_HEIGHT, data.length * BAR_ROW_HEIGHT + 40)}
          onItemClick={(index) => (provinceCode ? follow(index) : drillIn(data[index]))}
        />
      }
      table={
        <DatumTable
          caption={title}
          labelHeader={provinceCode ? t('fields.city') : t('fields.province')}
          valueHeader={t('dashboard.customers')}
          data={data}
          formatValue={(value) => format.number(value ?? 0)}
          rowAction={
            provinceCode
              ? undefined
              : (datum) =>
                  datum.href && (
                    <button type="button" className="button button--small" onClick={() => drillIn(datum)}>
                      {t('dashboard.showCities', { province: datum.label })}
                    </button>
                  )
          }
        />
      }
    />
  );
}

/** New customers per month; a click opens the customers created in that month. */
export function NewCustomersCard(props: TChartProps) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const label = useMemo(() => (key: string) => monthLabel(key, locale), [locale]);
  const { result, data: points } = useChartData('new_customers', props, label);
  const { fromDay, toDay, provinceCode } = props.filters;
  // Months without new customers have no point; the line shows them as zero.
  const data = useMemo(() => {
    const byKey = new Map(points.map((datum) => [datum.key, datum]));
    return monthsBetween(fromDay, toDay).map(
      (key): TDatum =>
        byKey.get(key) ?? {
          key,
          label: label(key),
          value: 0,
          href: customerDrillHref('new_customers', key, provinceCode),
        },
    );
  }, [points, fromDay, toDay, provinceCode, label]);
  const title = t('dashboard.charts.newCustomers');
  const option = useMemo(() => lineOption(data, t('dashboard.newCustomers')), [data, t]);
  return (
    <CountChartCard
      title={title}
      query={props.query}
      result={result}
      data={data}
      option={option}
      labelHeader={t('dashboard.month')}
      valueHeader={t('dashboard.newCustomers')}
      isEmpty={false}
    />
  );
}

/**
 * Paid orders per month by order channel, with their revenue. A click on a channel's bar opens the
 * customers who bought on that channel in that month; on the revenue line, those who bought at all.
 */
export function PurchaseTrendCard({ filters, query }: TChartProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useUiLocale();
  const navigate = useNavigate();
  const result = useDashboardChart('purchase_trend', query);
  const months = useMemo(
    () =>
      purchaseMonths(
        result.data?.points ?? [],
        monthsBetween(filters.fromDay, filters.toDay).map((key) => ({ key, label: monthLabel(key, locale) })),
      ),
    [result.data, filters.fromDay, filters.toDay, locale],
  );
  const channels = useMemo(
    () =>
      ORDER_CHANNELS.filter((channel) => !filters.channel || channel === filters.channel).map((channel) => ({
        channel,
        name: t(`enums.orderChannel.${channel}`),
      })),
    [filters.channel, t],
  );
  const title = t('dashboard.charts.purchaseTrend');
  const option = useMemo(
    () => purchaseTrendOption(months, channels, t('dashboard.revenue')),
    [months, channels, t],
  );
  const drillHref = (month: string, channel: TOrderChannel | undefined) =>
    purchaseDrillHref({ month, channel, provinceCode: filters.provinceCode, period: query });
  // The series are the channels' bars, then the revenue line (every channel the dashboard shows).
  const follow = (dataIndex: number, seriesIndex: number) => {
    const month = months[dataIndex];
    const href = month && drillHref(month.key, channels[seriesIndex]?.channel ?? filters.channel);
    if (href) navigate(href);
  };
  return (
    <ChartCard
      title={title}
      isLoading={result.isPending && query !== null}
      isError={result.isError}
      isEmpty={false}
      chart={<EChart option={option} label={title} height={CHART_HEIGHT + 40} onItemClick={follow} />}
      table={
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.month')}</th>
              {channels.map(({ channel, name }) => (
                <th key={channel} scope="col">
                  {t('dashboard.ordersIn', { channel: name })}
                </th>
              ))}
              <th scope="col">{t('dashboard.revenue')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.key}>
                <th scope="row" data-label={t('dashboard.month')}>
                  <DrillLink href={drillHref(month.key, filters.channel)}>{month.label}</DrillLink>
                </th>
                {channels.map(({ channel, name }) => (
                  <td key={channel} data-label={t('dashboard.ordersIn', { channel: name })}>
                    <DrillLink href={month.orders[channel] ? drillHref(month.key, channel) : null}>
                      {format.number(month.orders[channel] ?? 0)}
                    </DrillLink>
                  </td>
                ))}
                <td data-label={t('dashboard.revenue')}>
                  {format.money((month.revenueCents / 100).toFixed(2), 'CNY')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function DrillLink({ href, children }: { href: string | null; children: ReactNode }) {
  return href ? <Link to={href}>{children}</Link> : children;
}

/** Customers per value tier; a click opens the tier's customers. */
export function ValueTiersCard(props: TChartProps) {
  const { t } = useTranslation();
  const label = useMemo(
    () => (key: string) =>
      key === 'unscored' ? t('dashboard.unscored') : t('dashboard.tier', { tier: key }),
    [t],
  );
  const { result, data } = useChartData('value_tiers', props, label);
  const title = t('dashboard.charts.valueTiers');
  const option = useMemo(() => barOption(data, { seriesName: t('dashboard.customers') }), [data, t]);
  return (
    <CountChartCard
      title={title}
      query={props.query}
      result={result}
      data={data}
      option={option}
      labelHeader={t('fields.valueTier')}
      valueHeader={t('dashboard.customers')}
    />
  );
}

/** Customers per lifecycle stage as a funnel; a click opens the stage's customers. */
export function LifecycleFunnelCard(props: TChartProps) {
  const { t } = useTranslation();
  const label = useMemo(() => (key: string) => t(`enums.lifecycleStage.${key}`), [t]);
  const { result, data } = useChartData('lifecycle_funnel', props, label);
  const title = t('dashboard.charts.lifecycleFunnel');
  const option = useMemo(() => funnelOption(data, t('dashboard.customers')), [data, t]);
  return (
    <CountChartCard
      title={title}
      query={props.query}
      result={result}
      data={data}
      option={option}
      labelHeader={t('fields.lifecycleStage')}
      valueHeader={t('dashboard.customers')}
    />
  );
}
