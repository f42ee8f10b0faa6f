import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmButton } from '../../components/confirm-button';
import { LoadMore } from '../../components/load-more';
import { Stat } from '../../components/stat';
import { useFormatters, useUiLocale } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { CustomerTable } from '../customers/customer-table';
import { Term } from '../customers/description-term';
import { CampaignLoadError } from './campaign-form';
import { CAMPAIGN_CURRENCY, formatRoi } from './campaign-values';
import { CampaignPeriod } from './campaigns-page';
import { ExportTargetsDialog } from './export-targets-dialog';
import { type TCampaign, useCampaign, useCampaignTargets, useDeleteCampaign } from './queries';

function CampaignActions({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useCanCall('updateCampaign');
  const canDelete = useCanCall('deleteCampaign');
  const canExport = useCanCall('exportSegment');
  const [isExporting, setIsExporting] = useState(false);
  const deleteCampaign = useDeleteCampaign();
  return (
    <div className="stack stack--tight">
      <div className="customer-header__actions">
        {canExport && (
          <button type="button" className="button" onClick={() => setIsExporting(true)}>
            {t('campaigns.export.open')}
          </button>
        )}
        {canEdit && (
          <Link to={`/campaigns/${campaign.id}/edit`} className="button">
            {t('common.edit')}
          </Link>
        )}
        {canDelete && (
          <ConfirmButton
            label={t('campaigns.delete')}
            question={t('campaigns.confirmDelete')}
            confirmLabel={t('campaigns.confirmDeleteButton')}
            isPending={deleteCampaign.isPending}
            onConfirm={() => deleteCampaign.mutate(campaign.id, { onSuccess: () => navigate('/campaigns') })}
          />
        )}
      </div>
      {deleteCampaign.isError && (
        <p className="field__error" role="alert">
          {t('errors.generic')}
        </p>
      )}
      {isExporting && <ExportTargetsDialog campaign={campaign} onClose={() => setIsExporting(false)} />}
    </div>
  );
}

function CampaignFacts({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card" aria-labelledby="campaign-facts">
      <h2 id="campaign-facts" className="card__title">
        {t('campaigns.facts')}
      </h2>
      <dl className="description-list">
        <Term label={t('campaigns.code')}>
          <code>{campaign.code}</code>
        </Term>
        <Term label={t('campaigns.channel')}>{t(`enums.consentChannel.${campaign.channel}`)}</Term>
        <Term label={t('campaigns.segment')}>
          <Link to={`/segments/${campaign.segment.id}`}>{campaign.segment.name}</Link>
        </Term>
        <Term label={t('campaigns.period')}>
          <CampaignPeriod campaign={campaign} />
        </Term>
        <Term label={t('campaigns.cost')}>{format.money(campaign.cost, CAMPAIGN_CURRENCY)}</Term>
        <Term label={t('campaigns.contentRef')}>{campaign.contentRef ?? '—'}</Term>
      </dl>
    </section>
  );
}

function CampaignTargets({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const targets = useCampaignTargets(campaign.id);
  const customers = targets.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="stack" aria-labelledby="campaign-targets">
      <h2 id="campaign-targets">{t('campaigns.targets')}</h2>
      <p className="muted">
        {t('campaigns.targetsExplained', {
          segment: campaign.segment.name,
          channel: t(`enums.consentChannel.${campaign.channel}`),
        })}
      </p>
      {targets.isError ? (
        <div className="banner banner--error" role="alert">
          {t('errors.generic')}{' '}
          <button type="button" className="button button--small" onClick={() => void targets.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : targets.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : customers.length === 0 ? (
        <div className="empty-state">
          <p>{t('campaigns.targetsEmpty')}</p>
        </div>
      ) : (
        <CustomerTable customers={customers} caption={t('campaigns.targets')} />
      )}
      <LoadMore query={targets} label={t('campaigns.loadMoreTargets')} />
    </section>
  );
}

export function CampaignPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useUiLocale();
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);

  if (campaign.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (campaign.isError) return <CampaignLoadError error={campaign.error} />;
  const data = campaign.data;
  const { stats } = data;
  return (
    <div className="stack">
      <nav className="breadcrumb">
        <Link to="/campaigns">{t('campaigns.backToList')}</Link>
      </nav>
      <div className="page-header">
        <h1>{data.name}</h1>
        <CampaignActions campaign={data} />
      </div>
      <dl className="stat-grid" aria-label={t('campaigns.stats.title')}>
        <Stat label={t('campaigns.stats.reach')}>{format.number(stats.reach)}</Stat>
        <Stat label={t('campaigns.stats.responses')}>{format.number(stats.responses)}</Stat>
        <Stat label={t('campaigns.stats.conversions')}>{format.number(stats.conversions)}</Stat>
        <Stat label={t('campaigns.stats.attributedRevenue')}>
          {format.money(stats.attributedRevenue, CAMPAIGN_CURRENCY)}
        </Stat>
        <Stat label={t('campaigns.stats.roi')} isAlarming={stats.roi !== null && stats.roi < 0}>
          {formatRoi(stats.roi, locale)}
        </Stat>
      </dl>
      <p className="field__hint">{t('campaigns.stats.explained')}</p>
      <CampaignFacts campaign={data} />
      <CampaignTargets campaign={data} />
    </div>
  );
}
