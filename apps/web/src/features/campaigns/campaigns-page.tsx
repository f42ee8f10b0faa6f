import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters, useUiLocale } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { CAMPAIGN_CURRENCY, formatRoi } from './campaign-values';
import { type TCampaign, useCampaigns } from './queries';

/** The campaign's period, start to end, in the UI's date style. */
export function CampaignPeriod({ campaign }: { campaign: Pick<TCampaign, 'startsAt' | 'endsAt'> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <>
      {t('campaigns.periodValue', {
        start: format.dateTime(campaign.startsAt),
        end: format.dateTime(campaign.endsAt),
      })}
    </>
  );
}

function CampaignRow({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useUiLocale();
  const { stats } = campaign;
  return (
    <tr>
      <th scope="row" data-label={t('campaigns.name')}>
        <Link to={`/campaigns/${campaign.id}`} className="customer-link">
          {campaign.name}
        </Link>
      </th>
      <td data-label={t('campaigns.code')} className="nowrap">
        <code>{campaign.code}</code>
      </td>
      <td data-label={t('campaigns.channel')}>{t(`enums.consentChannel.${campaign.channel}`)}</td>
      <td data-label={t('campaigns.period')}>
        <CampaignPeriod campaign={campaign} />
      </td>
      <td data-label={t('campaigns.segment')}>
        <Link to={`/segments/${campaign.segment.id}`}>{campaign.segment.name}</Link>
      </td>
      <td data-label={t('campaigns.cost')} className="nowrap">
        {format.money(campaign.cost, CAMPAIGN_CURRENCY)}
      </td>
      <td data-label={t('campaigns.stats.reach')} className="nowrap">
        {format.number(stats.reach)}
      </td>
      <td data-label={t('campaigns.stats.responses')} className="nowrap">
        {format.number(stats.responses)}
      </td>
      <td data-label={t('campaigns.stats.conversions')} className="nowrap">
        {format.number(stats.conversions)}
      </td>
      <td data-label={t('campaigns.stats.attributedRevenue')} className="nowrap">
        {format.money(stats.attributedRevenue, CAMPAIGN_CURRENCY)}
      </td>
      <td data-label={t('campaigns.stats.roi')} className="nowrap">
        {formatRoi(stats.roi, locale)}
      </td>
    </tr>
  );
}

export function CampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const canCreate = useCanCall('createCampaign');

  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('campaigns.title')}</h1>
        {canCreate && (
          <Link to="/campaigns/new" className="button button--primary">
            {t('campaigns.new')}
          </Link>
        )}
      </div>
      <p className="page-intro muted">{t('campaigns.intro')}</p>
      {campaigns.isError ? (
        <div className="banner banner--error" role="alert">
          {t('campaigns.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void campaigns.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : campaigns.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : campaigns.data.length === 0 ? (
        <div className="empty-state">
          <p>{t('campaigns.empty')}</p>
        </div>
      ) : (
        <div className="card card--flush">
          <table className="data-table">
            <caption className="visually-hidden">{t('campaigns.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.name')}</th>
                <th scope="col">{t('campaigns.code')}</th>
                <th scope="col">{t('campaigns.channel')}</th>
                <th scope="col">{t('campaigns.period')}</th>
                <th scope="col">{t('campaigns.segment')}</th>
                <th scope="col">{t('campaigns.cost')}</th>
                <th scope="col">{t('campaigns.stats.reach')}</th>
                <th scope="col">{t('campaigns.stats.responses')}</th>
                <th scope="col">{t('campaigns.stats.conversions')}</th>
                <th scope="col">{t('campaigns.stats.attributedRevenue')}</th>
                <th scope="col">{t('campaigns.stats.roi')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.data.map((campaign) => (
                <CampaignRow key={campaign.id} campaign={campaign} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
