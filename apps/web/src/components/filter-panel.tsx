import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of a filter bar: on narrow screens the fields fold away behind a toggle that counts the
 * active filters (styles.css hides the toggle on wide ones).
 */
export function FilterPanel({
  fieldsId,
  activeCount,
  className = '',
  fieldsClassName = '',
  children,
}: {
  fieldsId: string;
  activeCount: number;
  className?: string;
  fieldsClassName?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <section
      className={`filters ${className}${isOpen ? ' filters--open' : ''}`}
      aria-label={t('filters.title')}
    >
      <button
        type="button"
        className="filters__toggle button button--block"
        aria-expanded={isOpen}
        aria-controls={fieldsId}
        onClick={() => setIsOpen((open) => !open)}
      >
        {activeCount > 0 ? t('filters.toggleActive', { count: activeCount }) : t('filters.toggle')}
      </button>
      <div id={fieldsId} className={`filters__fields ${fieldsClassName}`}>
        {children}
      </div>
    </section>
  );
}

/** A labelled select whose first option, "all", means no filter (the empty string). */
export function SelectFilter({
  id,
  label,
  value,
  options,
  onChange,
  isDisabled = false,
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={isDisabled}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('filters.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
