import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryTable } from '../../components/query-table';
import { useFormatters } from '../../lib/format';
import { useSession } from '../auth/queries';
import { hasAnyRole, TRIGGER_ROLES, useCanCall, VALUE_TIER_ROLES } from '../auth/roles';
import { type TSegment, useSegments } from './queries';

/** The segment's colour as a small swatch; a segment without one shows none. */
export function SegmentSwatch({ color }: { color: string | null }) {
  if (!color) return null;
  return <span className="segment-swatch" style={{ backgroundColor: color }} aria-hidden="true" />;
}

/** Kind and preset, as badges beside a segment's name. */
export function SegmentBadges({ segment }: { segment: Pick<TSegment, 'kind' | 'isPreset'> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge ${segment.kind === 'dynamic' ? 'badge--primary' : 'badge--muted'}`}>
        {t(`segments.kinds.${segment.kind}`)}
      </span>
      {segment.isPreset && <span className="badge badge--success">{t('segments.preset')}</span>}
    </>
  );
}

export function SegmentsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const segments = useSegments();
  const canCreate = useCanCall('createSegment');
  const user = useSession().data?.user;

  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('segments.title')}</h1>
        <div className="button-row">
          {hasAnyRole(user, VALUE_TIER_ROLES) && (
            <Link to="/value-tiers" className="button">
              {t('segments.valueTiers')}
            </Link>
          )}
          {hasAnyRole(user, TRIGGER_ROLES) && (
            <Link to="/triggers" className="button">
              {t('segments.triggers')}
            </Link>
          )}
          {canCreate && (
            <Link to="/segments/new" className="button button--primary">
              {t('segments.new')}
            </Link>
          )}
        </div>
      </div>
      <p className="page-intro muted">{t('segments.intro')}</p>
      <QueryTable
        query={segments}
        loadFailed={t('segments.loadFailed')}
        empty={t('segments.empty')}
        caption={t('segments.title')}
        columns={[
          t('segments.name'),
          t('segments.kind'),
          t('segments.memberCount'),
          t('segments.refreshedAt'),
        ]}
      >
        {(items) =>
          items.map((segment) => (
            <tr key={segment.id}>
              <th scope="row" data-label={t('segments.name')}>
                <SegmentSwatch color={segment.color} />
                <Link to={`/segments/${segment.id}`} className="customer-link">
                  {segment.name}
                </Link>
              </th>
              <td data-label={t('segments.kind')}>
                <SegmentBadges segment={segment} />
              </td>
              <td data-label={t('segments.memberCount')} className="nowrap">
                {format.number(segment.memberCount)}
              </td>
              <td data-label={t('segments.refreshedAt')} className="nowrap">
                {segment.refreshedAt ? format.dateTime(segment.refreshedAt) : t('segments.never')}
              </td>
            </tr>
          ))
        }
      </QueryTable>
    </div>
  );
}
