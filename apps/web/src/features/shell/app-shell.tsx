import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { ApprovalsNavLink } from '../approvals/approvals-nav-link';
import { useSession } from '../auth/queries';
import {
  ACCESS_POLICY_READ_ROLES,
  AUDIT_LOG_ROLES,
  CAMPAIGN_ROLES,
  CUSTOMER_CREATE_ROLES,
  DASHBOARD_ROLES,
  DATA_QUALITY_ROLES,
  DUPLICATE_REVIEW_ROLES,
  hasAnyRole,
  IMPORT_ROLES,
  SEGMENT_ROLES,
  TASK_ROLES,
  TRIGGER_ROLES,
  WORK_ORDER_ROLES,
} from '../auth/roles';
import { NotificationBell } from '../notifications/notification-bell';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  const location = useLocation();
  const [isNavOpen, setIsNavOpen] = useState(false);
  const navId = useId();

  // On narrow screens the menu covers the page; following a link should reveal the page it opened.
  useEffect(() => {
    setIsNavOpen(false);
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label={t('shell.home')}>
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          <span className="brand__name">CIMS</span>
        </Link>
        {user && <NotificationBell />}
        <button
          type="button"
          className="topbar__toggle"
          aria-expanded={isNavOpen}
          aria-controls={navId}
          onClick={() => setIsNavOpen((open) => !open)}
        >
          <span className="topbar__toggle-icon" aria-hidden="true" />
          {t('shell.menu')}
        </button>
        <div id={navId} className={`topbar__panel${isNavOpen ? ' topbar__panel--open' : ''}`}>
          <nav aria-label={t('shell.mainNavigation')} className="topbar__nav">
            {hasAnyRole(user, DASHBOARD_ROLES) && (
              <NavLink to="/dashboard" className="topbar__link">
                {t('nav.dashboard')}
              </NavLink>
            )}
            <NavLink to="/" end className="topbar__link">
              {t('nav.customers')}
            </NavLink>
            {hasAnyRole(user, CUSTOMER_CREATE_ROLES) && (
              <NavLink to="/customers/new" className="topbar__link">
                {t('nav.newCustomer')}
              </NavLink>
            )}
            {hasAnyRole(user, IMPORT_ROLES) && (
              <NavLink to="/imports" className="topbar__link">
                {t('nav.imports')}
              </NavLink>
            )}
            {hasAnyRole(user, DUPLICATE_REVIEW_ROLES) && (
              <NavLink to="/duplicates" className="topbar__link">
                {t('nav.duplicates')}
              </NavLink>
            )}
            {hasAnyRole(user, DATA_QUALITY_ROLES) && (
              <NavLink to="/data-quality" className="topbar__link">
                {t('nav.dataQuality')}
              </NavLink>
            )}
            {hasAnyRole(user, SEGMENT_ROLES) && (
              <NavLink to="/segments" className="topbar__link">
                {t('nav.segments')}
              </NavLink>
            )}
            {hasAnyRole(user, CAMPAIGN_ROLES) && (
              <NavLink to="/campaigns" className="topbar__link">
                {t('nav.campaigns')}
              </NavLink>
            )}
            {hasAnyRole(user, TRIGGER_ROLES) && (
              <NavLink to="/triggers" className="topbar__link">
                {t('nav.triggers')}
              </NavLink>
            )}
            {hasAnyRole(user, WORK_ORDER_ROLES) && (
              <NavLink to="/work-orders" className="topbar__link">
                {t('nav.workOrders')}
              </NavLink>
            )}
            {hasAnyRole(user, TASK_ROLES) && (
              <NavLink to="/tasks" className="topbar__link">
                {t('nav.tasks')}
              </NavLink>
            )}
            {user && <ApprovalsNavLink />}
            {hasAnyRole(user, AUDIT_LOG_ROLES) && (
              <NavLink to="/audit" className="topbar__link">
                {t('nav.audit')}
              </NavLink>
            )}
            {hasAnyRole(user, ACCESS_POLICY_READ_ROLES) && (
              <NavLink to="/access-policies" className="topbar__link">
                {t('nav.accessPolicies')}
              </NavLink>
            )}
          </nav>
          <div className="topbar__tools">
            <LanguageSwitch />
            {user && <UserMenu user={user} />}
          </div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
