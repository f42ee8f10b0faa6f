import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../auth/queries';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [isNavOpen, setIsNavOpen] = useState(false);
  const navId = useId();

  // On narrow screens the menu covers the page; following a link should reveal the page it opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pathname is the trigger, not an input
  useEffect(() => {
    setIsNavOpen(false);
  }, [location.pathname]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

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
            <NavLink to="/" end className="topbar__link">
              {t('nav.customers')}
            </NavLink>
            <NavLink to="/customers/new" className="topbar__link">
              {t('nav.newCustomer')}
            </NavLink>
          </nav>
          <div className="topbar__tools">
            <LanguageSwitch />
            {session.data && <UserMenu user={session.data.user} />}
          </div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
