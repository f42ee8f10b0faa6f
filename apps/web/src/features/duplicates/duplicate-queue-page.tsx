import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { comparePath, defaultSurvivorOf, formatMatchScore } from './duplicate-format';
import { DuplicateScanPanel } from './duplicate-scan-panel';
import { DuplicatesHeader } from './duplicates-header';
import { MatchExplanation } from './match-explanation';
import { MergeUndoNotice } from './merge-undo-notice';
import { type TDuplicateCandidate, type TMerge, useDuplicateCandidates } from './queries';

/** What the compare view hands back when it sends the reviewer here. */
export type TQueueLocationState = { merge?: TMerge; dismissed?: string } | null;

function CandidateRow({ candidate }: { candidate: TDuplicateCandidate }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { survivor, merged } = defaultSurvivorOf(candidate.customers);
  const names = candidate.customers.map((customer) => customer.displayName).join(' · ');
  return (
    <tr>
      <th scope="row" data-label={t('duplicates.pair')}>
        <span className="cell-lines">
          {candidate.customers.map((customer) => (
            <Link key={customer.id} to={`/customers/${customer.id}`} className="customer-link">
              {customer.displayName}
            </Link>
          ))}
        </span>
      </th>
      <td data-label={t('duplicates.score')} className="nowrap">
        <span>
          <strong>{formatMatchScore(candidate.score)}</strong>{' '}
          <span className={`badge badge--decision-${candidate.decision}`}>
            {t(`duplicates.decisions.${candidate.decision}`)}
          </span>
        </span>
      </td>
      <td data-label={t('duplicates.explanation')}>
        <MatchExplanation comparisons={candidate.comparisons} />
      </td>
      <td data-label={t('duplicates.detected')} className="nowrap">
        <span className="cell-lines">
          <span>{t(`duplicates.detectedBy.${candidate.detectedBy}`)}</span>
          <span className="muted">{format.dateTime(candidate.detectedAt)}</span>
        </span>
      </td>
      <td className="data-table__actions">
        <Link
          to={comparePath(candidate.id, { survivorId: survivor.id, mergedId: merged.id })}
          className="button button--small button--primary"
          aria-label={t('duplicates.compareNamed', { names })}
        >
          {t('duplicates.compare')}
        </Link>
      </td>
    </tr>
  );
}

export function DuplicateQueuePage() {
  const { t } = useTranslation();
  const location = useLocation();
  const returned = location.state as TQueueLocationState;
  const canScan = useCanCall('startDuplicateScan');
  const candidates = useDuplicateCandidates();
  const items = candidates.data?.pages.flatMap((page) => page.items) ?? [];
  const openCount = candidates.data?.pages[0]?.openCount;

  return (
    <div className="stack">
      <DuplicatesHeader />
      {returned?.merge && <MergeUndoNotice key={returned.merge.id} merge={returned.merge} />}
      {returned?.dismissed && (
        <div className="banner banner--success" role="status">
          {t('duplicates.dismissed', { names: returned.dismissed })}
        </div>
      )}
      {canScan && <DuplicateScanPanel />}
      {openCount !== undefined && <p className="muted">{t('duplicates.openCount', { count: openCount })}</p>}
      {candidates.isError && (
        <div className="banner banner--error" role="alert">
          {t('duplicates.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void candidates.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {candidates.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : items.length === 0 && !candidates.isError ? (
        <div className="empty-state">
          <p>{t('duplicates.empty')}</p>
        </div>
      ) : (
        <div className="card card--flush">
          <table className="data-table">
            <caption className="visually-hidden">{t('duplicates.queueTab')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('duplicates.pair')}</th>
                <th scope="col">{t('duplicates.score')}</th>
                <th scope="col">{t('duplicates.explanation')}</th>
                <th scope="col">{t('duplicates.detected')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('duplicates.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((candidate) => (
                <CandidateRow key={candidate.id} candidate={candidate} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {candidates.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            onClick={() => void candidates.fetchNextPage()}
            disabled={candidates.isFetchingNextPage}
          >
            {candidates.isFetchingNextPage ? t('common.loading') : t('customers.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
