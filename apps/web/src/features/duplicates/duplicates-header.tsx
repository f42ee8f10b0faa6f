import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';

/** The duplicates area's title and its two views: the open queue and the merge history. */
export function DuplicatesHeader() {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{t('duplicates.title')}</h1>
      </div>
      <nav className="tabs" aria-label={t('duplicates.views')}>
        <NavLink to="/duplicates" end className="tabs__link">
          {t('duplicates.queueTab')}
        </NavLink>
        <NavLink to="/duplicates/merges" className="tabs__link">
          {t('duplicates.mergesTab')}
        </NavLink>
      </nav>
    </>
  );
}
