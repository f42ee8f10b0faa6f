import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { ApprovalsNavLink } from '../approvals/approvals-nav-link';
import { useSession } from '../auth/queries';
import { NotificationBell } from '../notifications/notification-bell';
import { LanguageSwitch } from './language-switch';
import { currentNavEntry, visibleNav } from './nav-entries';
import { NavMenu } from './nav-menu';
import { UserMenu } from './user-menu';

export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  const location = useLocation();
  const [isNavOpen, setIsNavOpen] = useState(false);
  const navId = useId();
  const nav = useMemo(() => visibleNav(user), [user]);
  const current = currentNavEntry(nav, location.pathname);

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
            {nav.bar.map((entry) => {
              const isCurrent = entry === current;
              if (entry.label === 'nav.approvals') {
                return <ApprovalsNavLink key={entry.to} isCurrent={isCurrent} />;
              }
              return (
                <Link
                  key={entry.to}
                  to={entry.to}
                  className={`topbar__link${entry.isAction ? ' topbar__action' : ''}${isCurrent ? ' active' : ''}`}
                  aria-current={isCurrent ? 'page' : undefined}
                  title={entry.isAction ? t(entry.label) : undefined}
                >
                  {entry.isAction ? (
                    <>
                      <span className="topbar__action-icon" aria-hidden="true" />
                      <span className="topbar__action-label">{t(entry.label)}</span>
                    </>
                  ) : (
                    t(entry.label)
                  )}
                </Link>
              );
            })}
            {nav.menus.map((menu) => (
              <NavMenu key={menu.id} menu={menu} current={current} />
            ))}
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
