import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../users/queries';
import { userOptionLabel } from '../users/user-label';
import { customerIdIn, type TAuditFilterValues } from './audit-filters';
import { AUDIT_ACTIONS, auditActionLabel } from './audit-format';

export function AuditFilterBar({
  value,
  onChange,
}: {
  value: TAuditFilterValues;
  onChange: (next: TAuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const [customerText, setCustomerText] = useState(value.customerId ?? '');
  const customerId = customerIdIn(customerText);
  const isCustomerTextInvalid = customerText.trim() !== '' && customerId === null;

  // Only a complete id filters; a half-typed one would be refused by the API, so it waits for the rest.
  useEffect(() => {
    const next = customerText.trim() === '' ? undefined : (customerId ?? value.customerId);
    if (next !== value.customerId) onChange({ ...value, customerId: next });
  }, [customerText]);

  // Clearing the filters, or following a link to another customer's entries, must update the box.
  useEffect(() => {
    if ((value.customerId ?? '') !== (customerIdIn(customerText) ?? ''))
      setCustomerText(value.customerId ?? '');
  }, [value.customerId]);

  const set = <K extends keyof TAuditFilterValues>(key: K, next: string) =>
    onChange({ ...value, [key]: next === '' ? undefined : next });

  const staff = users.data ?? [];
  const activeCount = Object.values(value).filter(Boolean).length;
  // An action from a bookmarked address that this build does not know yet still shows as chosen.
  const isUnknownAction =
    value.action !== undefined && !(AUDIT_ACTIONS as readonly string[]).includes(value.action);

  // As with the customer filters, only narrow screens fold these away; on wide ones the toggle is hidden.
  const [isOpen, setIsOpen] = useState(false);

  return (
    <section
      className={`filters audit-filters${isOpen ? ' filters--open' : ''}`}
      aria-label={t('filters.title')}
    >
      <button
        type="button"
        className="filters__toggle button button--block"
        aria-expanded={isOpen}
        aria-controls={id('fields')}
        onClick={() => setIsOpen((open) => !open)}
      >
        {activeCount > 0 ? t('filters.toggleActive', { count: activeCount }) : t('filters.toggle')}
      </button>
      <div id={id('fields')} className="filters__fields audit-filters__fields">
        <div className="field">
          <label htmlFor={id('actor')}>{t('audit.filters.actor')}</label>
          <select
            id={id('actor')}
            value={value.actorId ?? ''}
            disabled={users.isError}
            onChange={(event) => set('actorId', event.target.value)}
          >
            <option value="">{t('filters.all')}</option>
            {value.actorId && !staff.some((user) => user.id === value.actorId) && (
              <option value={value.actorId}>{t('audit.filters.otherActor')}</option>
            )}
            {staff.map((user) => (
              <option key={user.id} value={user.id}>
                {userOptionLabel(t, user)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('action')}>{t('audit.filters.action')}</label>
          <select
            id={id('action')}
            value={value.action ?? ''}
            onChange={(event) => set('action', event.target.value)}
          >
            <option value="">{t('filters.all')}</option>
            {isUnknownAction && <option value={value.action}>{value.action}</option>}
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(t, action)}
              </option>
            ))}
          </select>
        </div>
        <div className="field audit-filters__customer">
          <label htmlFor={id('customer')}>{t('audit.filters.customerId')}</label>
          <input
            id={id('customer')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={customerText}
            placeholder={t('audit.filters.customerIdPlaceholder')}
            aria-invalid={isCustomerTextInvalid ? true : undefined}
            aria-describedby={isCustomerTextInvalid ? id('customer-error') : undefined}
            onChange={(event) => setCustomerText(event.target.value)}
          />
          {isCustomerTextInvalid && (
            <p id={id('customer-error')} className="field__error" role="alert">
              {t('audit.filters.customerIdInvalid')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={id('from')}>{t('audit.filters.from')}</label>
          <input
            id={id('from')}
            type="datetime-local"
            value={value.from ?? ''}
            max={value.to}
            onChange={(event) => set('from', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id('to')}>{t('audit.filters.to')}</label>
          <input
            id={id('to')}
            type="datetime-local"
            value={value.to ?? ''}
            min={value.from}
            onChange={(event) => set('to', event.target.value)}
          />
        </div>
        <div className="filters__actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={activeCount === 0 && customerText === ''}
            onClick={() => {
              setCustomerText('');
              onChange({});
            }}
          >
            {t('filters.clear')}
          </button>
        </div>
      </div>
    </section>
  );
}
