import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';

/** Who may see what: the roles' access policies, and the staff users who hold the roles. */
export function AccessTabs() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('access.views')}>
      <NavLink to="/access-policies" className="tabs__link">
        {t('access.title')}
      </NavLink>
      <NavLink to="/users" className="tabs__link">
        {t('users.list.title')}
      </NavLink>
    </nav>
  );
}
