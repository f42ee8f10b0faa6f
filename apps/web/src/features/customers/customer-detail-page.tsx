import type { Customer } from '@cims/api-client';
import { formatPhoneNational } from '@cims/schemas';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useFormatters } from '../../lib/format';
import { CustomerLoadError } from './customer-load-error';
import { LifecycleBadge } from './lifecycle-badge';
import { useCustomer, useDeleteCustomer, useRestoreCustomer } from './queries';

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="description-list__item">
      <dt>{label}</dt>
      <dd>{children ?? '—'}</dd>
    </div>
  );
}

function ProfileCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { person, organization } = customer;
  return (
    <section className="card" aria-labelledby="profile-card-heading">
      <h2 id="profile-card-heading" className="card__title">
        {t('customer.profile')}
      </h2>
      <dl className="description-list">
        {person && (
          <>
            <Term label={t('fields.familyName')}>{person.familyName}</Term>
            <Term label={t('fields.givenName')}>{person.givenName}</Term>
            <Term label={t('fields.gender')}>{t(`enums.gender.${person.gender}`)}</Term>
            <Term label={t('fields.birthDate')}>{person.birthDate ? format.date(person.birthDate) : null}</Term>
            <Term label={t('fields.residentIdNumber')}>{person.residentIdNumber}</Term>
          </>
        )}
        {organization && (
          <>
            <Term label={t('fields.legalName')}>{organization.legalName}</Term>
            <Term label={t('fields.uscc')}>{organization.uscc}</Term>
            <Term label={t('fields.organizationSize')}>
              {organization.size ? t(`enums.organizationSize.${organization.size}`) : null}
            </Term>
          </>
        )}
        <Term label={t('fields.customerType')}>{customer.customerType}</Term>
        <Term label={t('fields.industry')}>{customer.industry}</Term>
        <Term label={t('fields.sourceChannel')}>{t(`enums.sourceChannel.${customer.sourceChannel}`)}</Term>
        <Term label={t('fields.owner')}>{customer.owner?.displayName}</Term>
        <Term label={t('fields.createdAt')}>{format.dateTime(customer.createdAt)}</Term>
        <Term label={t('fields.updatedAt')}>{format.dateTime(customer.updatedAt)}</Term>
      </dl>
      {customer.notes && (
        <div className="notes">
          <h3>{t('fields.notes')}</h3>
          <p>{customer.notes}</p>
        </div>
      )}
    </section>
  );
}

function contactHref(type: Customer['contactPoints'][number]['type'], value: string): string | null {
  if (type === 'phone') return `tel:${value}`;
  if (type === 'email') return `mailto:${value}`;
  return null;
}

function ContactPointsCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="contact-card-heading">
      <h2 id="contact-card-heading" className="card__title">
        {t('customer.contactPoints')}
      </h2>
      {customer.contactPoints.length === 0 ? (
        <p className="muted">{t('customer.noContactPoints')}</p>
      ) : (
        <ul className="item-list">
          {customer.contactPoints.map((contactPoint) => {
            const shown =
              contactPoint.type === 'phone' ? formatPhoneNational(contactPoint.value) : contactPoint.value;
            const href = contactHref(contactPoint.type, contactPoint.value);
            return (
              <li key={contactPoint.id} className="item-list__item">
                <span className="item-list__kind">{t(`enums.contactPointType.${contactPoint.type}`)}</span>
                <span className="item-list__value">
                  {href ? <a href={href}>{shown}</a> : shown}
                  {contactPoint.label && <span className="muted"> · {contactPoint.label}</span>}
                </span>
                {contactPoint.isPrimary && <span className="badge badge--primary">{t('fields.isPrimary')}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function AddressesCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="address-card-heading">
      <h2 id="address-card-heading" className="card__title">
        {t('customer.addresses')}
      </h2>
      {customer.addresses.length === 0 ? (
        <p className="muted">{t('customer.noAddresses')}</p>
      ) : (
        <ul className="item-list">
          {customer.addresses.map((address) => (
            <li key={address.id} className="item-list__item">
              <span className="item-list__kind">{address.label ?? t('customer.address')}</span>
              <span className="item-list__value">
                {[address.provinceName, address.cityName, address.districtName].filter(Boolean).join(' ')}
                <br />
                {address.detail}
              </span>
              {address.isPrimary && <span className="badge badge--primary">{t('fields.isPrimary')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeleteControls({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const deleteCustomer = useDeleteCustomer();
  const restoreCustomer = useRestoreCustomer();
  const [isConfirming, setIsConfirming] = useState(false);
  const failed = deleteCustomer.isError || restoreCustomer.isError;

  if (customer.deletedAt) {
    return (
      <>
        <button
          type="button"
          className="button button--primary"
          disabled={restoreCustomer.isPending}
          onClick={() => restoreCustomer.mutate(customer.id)}
        >
          {t('customers.restore')}
        </button>
        {failed && (
          <p className="field__error" role="alert">
            {t('errors.generic')}
          </p>
        )}
      </>
    );
  }
  if (isConfirming) {
    return (
      <div className="confirm" role="group" aria-label={t('customers.confirmDeleteTitle')}>
        <span>{t('customers.confirmDelete')}</span>
        <button
          type="button"
          className="button button--danger"
          disabled={deleteCustomer.isPending}
          onClick={() => deleteCustomer.mutate(customer.id, { onSuccess: () => setIsConfirming(false) })}
        >
          {t('customers.confirmDeleteButton')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setIsConfirming(false)}>
          {t('common.cancel')}
        </button>
        {failed && (
          <p className="field__error" role="alert">
            {t('errors.generic')}
          </p>
        )}
      </div>
    );
  }
  return (
    <button type="button" className="button button--danger-ghost" onClick={() => setIsConfirming(true)}>
      {t('customers.delete')}
    </button>
  );
}

const FLASH_KEYS: Record<string, string> = { created: 'customers.created', updated: 'customers.updated' };

export function CustomerDetailPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { customerId = '' } = useParams();
  const customer = useCustomer(customerId);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const flashKey = flash ? FLASH_KEYS[flash] : undefined;

  if (customer.isPending) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (customer.isError) return <CustomerLoadError error={customer.error} />;

  const record = customer.data;
  return (
    <div className="stack">
      <nav aria-label={t('shell.breadcrumb')} className="breadcrumb">
        <Link to="/">{t('nav.customers')}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{record.displayName}</span>
      </nav>
      {flashKey && (
        <div className="banner banner--success" role="status">
          {t(flashKey)}
        </div>
      )}
      {record.deletedAt && (
        <div className="banner banner--warning" role="status">
          {t('customers.isDeleted')}
        </div>
      )}
      <header className="customer-header card">
        <div className="customer-header__identity">
          <span className="avatar avatar--large" aria-hidden="true">
            {record.displayName.slice(0, 1)}
          </span>
          <div>
            <h1 className="customer-header__name">{record.displayName}</h1>
            <div className="customer-header__badges">
              <span className="badge badge--muted">{t(`enums.kind.${record.kind}`)}</span>
              <LifecycleBadge stage={record.lifecycleStage} />
              {record.deletedAt && <span className="badge badge--danger">{t('customers.deleted')}</span>}
            </div>
            {record.tags.length > 0 && (
              <ul className="tag-list" aria-label={t('fields.tags')}>
                {record.tags.map((tag) => (
                  <li key={tag} className="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
        <div className="customer-header__actions">
          {!record.deletedAt && (
            <Link to={`/customers/${record.id}/edit`} className="button button--primary">
              {t('common.edit')}
            </Link>
          )}
          <DeleteControls customer={record} />
        </div>
      </header>
      <div className="detail-grid">
        <ProfileCard customer={record} />
        <div className="stack">
          <ContactPointsCard customer={record} />
          <AddressesCard customer={record} />
        </div>
      </div>
    </div>
  );
}
