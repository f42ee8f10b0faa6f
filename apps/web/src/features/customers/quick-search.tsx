import type { CustomerSummary } from '@cims/api-client';
import { formatPhoneNational } from '@cims/schemas';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useUiLocale } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { formatAddressPlace } from './address-format';
import { useCustomerSearch } from './queries';

const DEBOUNCE_MS = 250;

function secondaryLine(customer: CustomerSummary, locale: string): string {
  return [
    customer.primaryPhone ? formatPhoneNational(customer.primaryPhone) : null,
    customer.primaryEmail,
    // A summary carries the primary address's region codes only, which an address abroad does not have.
    formatAddressPlace({ provinceCode: customer.provinceCode, cityCode: customer.cityCode }, locale),
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The home page's search-as-you-type box, built as an ARIA combobox: focus stays in the input while the
 * arrow keys move through the results, so typing can continue at any time.
 */
export function QuickSearch() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const query = useDebouncedValue(text, DEBOUNCE_MS);
  const search = useCustomerSearch(query);
  const inputId = useId();
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  const hasQuery = query.trim().length > 0 && text.trim().length > 0;
  const results = hasQuery ? (search.data ?? []) : [];
  const isExpanded = isOpen && hasQuery;

  // A new result set invalidates the highlighted position.
  useEffect(() => setActiveIndex(-1), [search.data]);

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [isOpen]);

  const open = (customer: CustomerSummary) => {
    setIsOpen(false);
    setText('');
    navigate(`/customers/${customer.id}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && results.length > 0) {
      event.preventDefault();
      setIsOpen(true);
      setActiveIndex((index) => (index + 1) % results.length);
    } else if (event.key === 'ArrowUp' && results.length > 0) {
      event.preventDefault();
      setActiveIndex((index) => (index <= 0 ? results.length - 1 : index - 1));
    } else if (event.key === 'Enter') {
      const chosen = results[activeIndex] ?? (results.length === 1 ? results[0] : undefined);
      if (chosen) {
        event.preventDefault();
        open(chosen);
      }
    } else if (event.key === 'Escape') {
      setIsOpen(false);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <div className="quick-search" ref={rootRef}>
      <label htmlFor={inputId} className="quick-search__label">
        {t('search.label')}
      </label>
      <div className="quick-search__box">
        <span className="quick-search__icon" aria-hidden="true" />
        <input
          id={inputId}
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('search.placeholder')}
          aria-autocomplete="list"
          aria-expanded={isExpanded}
          aria-controls={listId}
          aria-activedescendant={isExpanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setIsOpen(true);
          }}
          onFocus={() => setIsOpen(true)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="quick-search__popover" hidden={!isExpanded}>
        <div id={listId} role="listbox" aria-label={t('search.results')} className="quick-search__list">
          {results.map((customer, index) => (
            // Options stay unfocusable on purpose: in a combobox focus remains in the input, which moves
            // through them with aria-activedescendant and handles Enter itself.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard
            // biome-ignore lint/a11y/useFocusableInteractive: see above
            <div
              key={customer.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="quick-search__option"
              onClick={() => open(customer)}
              onPointerMove={() => setActiveIndex(index)}
            >
              <span className="quick-search__name">
                {customer.displayName}
                <span className="badge badge--muted">{t(`enums.kind.${customer.kind}`)}</span>
                {customer.deletedAt && <span className="badge badge--danger">{t('customers.deleted')}</span>}
              </span>
              <span className="quick-search__meta">{secondaryLine(customer, locale)}</span>
            </div>
          ))}
        </div>
        <p className="quick-search__status" role="status">
          {search.isFetching && results.length === 0
            ? t('search.searching')
            : search.isSuccess && results.length === 0
              ? t('search.noResults', { query: query.trim() })
              : search.isError
                ? t('search.failed')
                : ''}
        </p>
      </div>
    </div>
  );
}
