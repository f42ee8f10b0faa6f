import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/format';
import { chainProblemLabel } from './audit-format';
import { useAuditChainVerification } from './queries';

/** 校验审计链: recomputes the hash chain on the server and says plainly whether it holds. */
export function AuditChainCheck() {
  const { t } = useTranslation();
  const format = useFormatters();
  const verification = useAuditChainVerification();
  const result = verification.data;

  return (
    <section className="card chain-check" aria-labelledby="chain-check-heading">
      <div className="chain-check__intro">
        <h2 id="chain-check-heading" className="card__title">
          {t('audit.verify.title')}
        </h2>
        <p className="muted">{t('audit.verify.explanation')}</p>
      </div>
      <button
        type="button"
        className="button button--primary chain-check__button"
        disabled={verification.isFetching}
        onClick={() => void verification.refetch()}
      >
        {verification.isFetching ? t('audit.verify.running') : t('audit.verify.button')}
      </button>
      <div className="chain-check__result" role="status">
        {verification.isError && !verification.isFetching && (
          <div className="banner banner--error">{t('audit.verify.failed')}</div>
        )}
        {result && !verification.isFetching && !verification.isError && (
          <div className={`banner ${result.isValid ? 'banner--success' : 'banner--error'}`}>
            <p>
              <strong>
                {result.isValid
                  ? t('audit.verify.valid', { count: result.entriesChecked })
                  : t('audit.verify.broken', { seq: result.firstBrokenSeq })}
              </strong>
            </p>
            {!result.isValid && <p>{chainProblemLabel(t, result)}</p>}
            {!result.isValid && <p>{t('audit.verify.checkedBefore', { count: result.entriesChecked })}</p>}
            <p className="chain-check__time">
              {t('audit.verify.checkedAt', {
                time: format.dateTime(new Date(verification.dataUpdatedAt).toISOString()),
              })}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
