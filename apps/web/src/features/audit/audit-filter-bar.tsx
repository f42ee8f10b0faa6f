import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, SelectFilter } from '../../components/filter-panel';
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
  return (
    <FilterPanel
      fieldsId={id('fields')}
      activeCount={activeCount}
      className="audit-filters"
      fieldsClassName="audit-filters__fields"
    >
      <SelectFilter
        id={id('actor')}
        label={t('audit.filters.actor')}
        value={value.actorId}
        isDisabled={users.isError}
        options={[
          // A bookmarked actor who is no longer a staff user still shows as chosen.
          ...(value.actorId && !staff.some((user) => user.id === value.actorId)
            ? [{ value: value.actorId, label: t('audit.filters.otherActor') }]
            : []),
          ...staff.map((user) => ({ value: user.id, label: userOptionLabel(t, user) })),
        ]}
        onChange={(next) => set('actorId', next)}
      />
      <SelectFilter
        id={id('action')}
        label={t('audit.filters.action')}
        value={value.action}
        options={AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabel(t, action) }))}
        onChange={(next) => set('action', next)}
      />
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
    </FilterPanel>
  );
}
