import { type FocusEvent, Fragment, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useDismiss } from '../../lib/use-dismiss';
import { menuEntries, type TNavEntry, type TNavMenu } from './nav-entries';

/*
 * A menu of the main navigation, after the WAI-ARIA menu button pattern: its links are menu items, so
 * arrow keys, Home and End move between them and Tab leaves the menu instead of walking through it. It
 * closes on Escape (back to its button), on a press or focus outside and when a link is followed.
 */

function itemsOf(menu: HTMLElement | null): HTMLElement[] {
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]')) : [];
}

export function NavMenu({ menu, current }: { menu: TNavMenu; current: TNavEntry | undefined }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [isOpen, setIsOpen] = useState(false);
  const buttonId = useId();
  const menuId = useId();
  const rootRef = useDismiss<HTMLDivElement>(isOpen, setIsOpen);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const entries = menuEntries(menu);
  const isCurrent = current !== undefined && entries.includes(current);

  useEffect(() => {
    setIsOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!isOpen) return;
    const items = itemsOf(menuRef.current);
    (focusOnOpen.current === 'last' ? items.at(-1) : items[0])?.focus();
  }, [isOpen]);

  const open = (focus: 'first' | 'last') => {
    focusOnOpen.current = focus;
    setIsOpen(true);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const focus = event.key === 'ArrowDown' ? 'first' : 'last';
    if (isOpen) {
      const items = itemsOf(menuRef.current);
      (focus === 'last' ? items.at(-1) : items[0])?.focus();
    } else {
      open(focus);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = itemsOf(menuRef.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const moveTo = (next: number) => {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') moveTo(index - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(items.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      setIsOpen(false);
      buttonRef.current?.focus();
    }
  };

  // Focus leaving by Tab, from the button or an item, closes the menu as a press outside does.
  const onBlur = (event: FocusEvent) => {
    if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setIsOpen(false);
  };

  const renderEntry = (entry: TNavEntry) => (
    <Link
      key={entry.to}
      to={entry.to}
      role="menuitem"
      tabIndex={-1}
      className={`nav-menu__item${entry === current ? ' active' : ''}`}
      aria-current={entry === current ? 'page' : undefined}
      onClick={() => setIsOpen(false)}
    >
      {t(entry.label)}
    </Link>
  );

  return (
    <div className="nav-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={`topbar__link nav-menu__button${isCurrent ? ' active' : ''}`}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => (isOpen ? setIsOpen(false) : open('first'))}
        onKeyDown={onButtonKeyDown}
        onBlur={onBlur}
      >
        {t(menu.label)}
        <span className="nav-menu__caret" aria-hidden="true" />
      </button>
      <div
        ref={menuRef}
        id={menuId}
        role="menu"
        aria-labelledby={buttonId}
        tabIndex={-1}
        className="nav-menu__panel"
        hidden={!isOpen}
        onKeyDown={onMenuKeyDown}
        onBlur={onBlur}
      >
        {menu.sections.map((section) =>
          section.label ? (
            // biome-ignore lint/a11y/useSemanticElements: a fieldset would make it a form group, not a menu's.
            <div key={section.label} role="group" aria-label={t(section.label)} className="nav-menu__section">
              <span className="nav-menu__heading" aria-hidden="true">
                {t(section.label)}
              </span>
              {section.entries.map(renderEntry)}
            </div>
          ) : (
            <Fragment key="entries">{section.entries.map(renderEntry)}</Fragment>
          ),
        )}
      </div>
    </div>
  );
}
