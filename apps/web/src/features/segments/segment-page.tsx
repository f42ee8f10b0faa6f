import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmButton } from '../../components/confirm-button';
import { LoadMore } from '../../components/load-more';
import { Stat } from '../../components/stat';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { CustomerTable } from '../customers/customer-table';
import { ExportButton } from '../exports/export-dialog';
import { useUsers } from '../users/queries';
import { type TSegment, useDeleteSegment, useRefreshSegment, useSegment, useSegmentMembers } from './queries';
import { describeRule, type TRuleText } from './rule-text';
import { SegmentLoadError } from './segment-form';
import { SegmentBadges, SegmentSwatch } from './segments-page';

function RuleTextList({ lines }: { lines: readonly TRuleText[] }) {
  return (
    <ul className="rule-text">
      {lines.map((line, index) => (
        // Lines have no identity of their own; a rule is shown whole and never reordered in place.
        <li key={index}>
          {line.text}
          {line.rules.length > 0 && <RuleTextList lines={line.rules} />}
        </li>
      ))}
    </ul>
  );
}

function SegmentRuleInWords({ segment }: { segment: TSegment }) {
  const { t } = useTranslation();
  const users = useUsers();
  const words = describeRule(t, segment.rule, {
    userName: (id) => users.data?.find((user) => user.id === id)?.displayName ?? null,
  });
  return (
    <section className="card" aria-labelledby="segment-rule-words">
      <h2 id="segment-rule-words" className="card__title">
        {t('segments.ruleInWords')}
      </h2>
      <RuleTextList lines={[words]} />
    </section>
  );
}

function SegmentMembers({ segment }: { segment: TSegment }) {
  const { t } = useTranslation();
  const members = useSegmentMembers(segment.id);
  const customers = members.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="stack" aria-labelledby="segment-members">
      <h2 id="segment-members">{t('segments.members')}</h2>
      {members.isError ? (
        <div className="banner banner--error" role="alert">
          {t('errors.generic')}{' '}
          <button type="button" className="button button--small" onClick={() => void members.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : members.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : customers.length === 0 ? (
        <div className="empty-state">
          <p>{t('segments.membersEmpty')}</p>
        </div>
      ) : (
        <CustomerTable customers={customers} caption={t('segments.members')} />
      )}
      <LoadMore query={members} label={t('segments.loadMoreMembers')} />
    </section>
  );
}

function SegmentActions({ segment }: { segment: TSegment }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const canEdit = useCanCall('updateSegment');
  const canDelete = useCanCall('deleteSegment');
  const canRefresh = useCanCall('refreshSegment');
  const canCreateTrigger = useCanCall('createTrigger');
  const refreshSegment = useRefreshSegment();
  const deleteSegment = useDeleteSegment();
  return (
    <div className="stack stack--tight">
      <div className="customer-header__actions">
        {canRefresh && segment.kind === 'dynamic' && (
          <button
            type="button"
            className="button"
            disabled={refreshSegment.isPending}
            onClick={() => refreshSegment.mutate(segment.id)}
          >
            {refreshSegment.isPending ? t('segments.refreshing') : t('segments.refresh')}
          </button>
        )}
        <ExportButton
          label={t('exports.actions.export')}
          title={t('exports.actions.segmentTitle')}
          intro={t('exports.actions.segmentIntro', {
            segment: segment.name,
            count: format.number(segment.memberCount),
          })}
          target={{ source: 'segment', segmentId: segment.id }}
          rowCount={segment.memberCount}
        />
        {canCreateTrigger && (
          <Link to={`/triggers/new?segmentId=${segment.id}`} className="button">
            {t('segments.createTrigger')}
          </Link>
        )}
        {canEdit && (
          <Link to={`/segments/${segment.id}/edit`} className="button">
            {t('common.edit')}
          </Link>
        )}
        {canDelete && (
          <ConfirmButton
            label={t('segments.delete')}
            question={t('segments.confirmDelete')}
            confirmLabel={t('segments.confirmDeleteButton')}
            isPending={deleteSegment.isPending}
            onConfirm={() => deleteSegment.mutate(segment.id, { onSuccess: () => navigate('/segments') })}
          />
        )}
      </div>
      {refreshSegment.data && (
        <p className="banner banner--success" role="status">
          {t('segments.refreshed', {
            entered: refreshSegment.data.entered,
            exited: refreshSegment.data.exited,
          })}
        </p>
      )}
      {(refreshSegment.isError || deleteSegment.isError) && (
        <p className="field__error" role="alert">
          {t('errors.generic')}
        </p>
      )}
    </div>
  );
}

export function SegmentPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { segmentId = '' } = useParams();
  const segment = useSegment(segmentId);

  if (segment.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (segment.isError) return <SegmentLoadError error={segment.error} />;
  const data = segment.data;
  return (
    <div className="stack">
      <nav className="breadcrumb">
        <Link to="/segments">{t('segments.backToList')}</Link>
      </nav>
      <div className="page-header">
        <h1 className="segment-title">
          <SegmentSwatch color={data.color} />
          {data.name}
          <SegmentBadges segment={data} />
        </h1>
        <SegmentActions segment={data} />
      </div>
      {data.description && <p className="page-intro">{data.description}</p>}
      <dl className="stat-grid">
        <Stat label={t('segments.memberCount')}>{format.number(data.memberCount)}</Stat>
        <Stat label={t('segments.refreshedAt')}>
          {data.refreshedAt ? format.dateTime(data.refreshedAt) : t('segments.never')}
        </Stat>
      </dl>
      <SegmentRuleInWords segment={data} />
      <SegmentMembers segment={data} />
    </div>
  );
}
