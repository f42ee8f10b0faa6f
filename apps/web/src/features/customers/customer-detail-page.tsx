import type { Customer } from '@cims/api-client';
import { formatPhoneNational, HOME_COUNTRY } from '@cims/schemas';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useFormatters, useUiLocale } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { TagChips } from '../tags/tag-chip';
import { TaskCreateForm } from '../tasks/task-create-form';
import { CustomerWorkOrders } from '../work-orders/customer-work-orders';
import { WorkOrderCreateForm } from '../work-orders/work-order-create-form';
import { formatAddressPlace } from './address-format';
import { CustomerFigures } from './customer-figures';
import { CustomerHistoryCard } from './customer-history-card';
import { CustomerLoadError } from './customer-load-error';
import { CustomerOrders } from './customer-orders';
import { CustomerQualityCard } from './customer-quality-card';
import { CustomerTimeline } from './customer-timeline';
import { Term } from './description-term';
import { ErasureControl } from './erasure-control';
import { InteractionForm } from './interaction-form';
import { LifecycleBadge } from './lifecycle-badge';
import { useCustomer360, useDeleteCustomer, useRestoreCustomer } from './queries';
import { RevealControl } from './reveal-control';

type TFieldAccess = Customer['fieldAccess'][keyof Customer['fieldAccess']];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A sensitive value as the viewer's role allows: plain, masked (and marked so), or withheld. */
function SensitiveValue({ access, children }: { access: TFieldAccess; children: ReactNode }) {
  const { t } = useTranslation();
  if (access === 'hidden') return <span className="muted">{t('customer.hiddenValue')}</span>;
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      {children}
      {access === 'masked' && (
        <span className="badge badge--muted badge--inline">{t('customer.maskedValue')}</span>
      )}
    </>
  );
}

/**
 * Only a masked value can be revealed (a hidden one stays hidden, a visible one is already plain), and
 * only by a viewer the API says may; offering the control to others would just lead to a refusal.
 */
function isRevealable(customer: Customer, field: keyof Customer['fieldAccess']): boolean {
  return customer.canReveal && customer.fieldAccess[field] === 'masked';
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
            {/* A person may have only one of the two names; the other comes as ''. */}
            <Term label={t('fields.familyName')}>{person.familyName || null}</Term>
            <Term label={t('fields.givenName')}>{person.givenName || null}</Term>
            <Term label={t('fields.gender')}>{t(`enums.gender.${person.gender}`)}</Term>
            <Term label={t('fields.birthDate')}>
              <SensitiveValue access={customer.fieldAccess.birthDate}>
                {/* A masked birth date (1990-**-**) is shown as it comes; only a full date is formatted. */}
                {person.birthDate && ISO_DATE.test(person.birthDate)
                  ? format.date(person.birthDate)
                  : person.birthDate}
              </SensitiveValue>
              {isRevealable(customer, 'birthDate') && person.birthDate && (
                <RevealControl customerId={customer.id} field="birthDate" />
              )}
            </Term>
            <Term label={t('fields.residentIdNumber')}>
              <SensitiveValue access={customer.fieldAccess.residentIdNumber}>
                {person.residentIdNumber}
              </SensitiveValue>
              {isRevealable(customer, 'residentIdNumber') && person.residentIdNumber && (
                <RevealControl customerId={customer.id} field="residentIdNumber" />
              )}
            </Term>
            <Term label={t('fields.otherIdType')}>
              {person.otherIdType ? t(`enums.otherIdType.${person.otherIdType}`) : null}
            </Term>
            <Term label={t('fields.otherIdNumber')}>
              <SensitiveValue access={customer.fieldAccess.otherIdNumber}>
                {person.otherIdNumber}
              </SensitiveValue>
              {isRevealable(customer, 'otherIdNumber') && person.otherIdNumber && (
                <RevealControl customerId={customer.id} field="otherIdNumber" />
              )}
            </Term>
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
        <Term label={t('fields.contractEndDate')}>
          {customer.contractEndDate && format.date(customer.contractEndDate)}
        </Term>
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

type TContactType = Customer['contactPoints'][number]['type'];

function accessOfContact(customer: Customer, type: TContactType): TFieldAccess {
  return type === 'phone'
    ? customer.fieldAccess.phone
    : type === 'email'
      ? customer.fieldAccess.email
      : customer.fieldAccess.wechat;
}

function contactHref(type: TContactType, value: string): string | null {
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
      {(['phone', 'email', 'wechat'] as const).some((type) => customer.fieldAccess[type] === 'hidden') && (
        <p className="muted">{t('customer.someContactPointsHidden')}</p>
      )}
      {customer.contactPoints.length === 0 ? (
        <p className="muted">{t('customer.noContactPoints')}</p>
      ) : (
        <ul className="item-list">
          {customer.contactPoints.map((contactPoint) => {
            const access = accessOfContact(customer, contactPoint.type);
            const isPlain = access === 'visible';
            const shown =
              contactPoint.type === 'phone' && isPlain
                ? formatPhoneNational(contactPoint.value)
                : contactPoint.value;
            const href = isPlain ? contactHref(contactPoint.type, contactPoint.value) : null;
            return (
              <li key={contactPoint.id} className="item-list__item">
                <span className="item-list__kind">{t(`enums.contactPointType.${contactPoint.type}`)}</span>
                <span className="item-list__value">
                  <SensitiveValue access={access}>{href ? <a href={href}>{shown}</a> : shown}</SensitiveValue>
                  {contactPoint.label && <span className="muted"> · {contactPoint.label}</span>}
                </span>
                {contactPoint.isPrimary && (
                  <span className="badge badge--primary">{t('fields.isPrimary')}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {(['phone', 'email', 'wechat'] as const)
        .filter(
          (type) =>
            isRevealable(customer, type) && customer.contactPoints.some((point) => point.type === type),
        )
        .map((type) => (
          <RevealControl key={type} customerId={customer.id} field={type} />
        ))}
    </section>
  );
}

function AddressesCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
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
                {formatAddressPlace(address, locale)}
                {/* Abroad the postcode is part of the place; at home it goes beside the region path. */}
                {address.countryCode === HOME_COUNTRY && address.postcode && (
                  <span className="muted">
                    {' '}
                    · {t('customer.postcodeValue', { postcode: address.postcode })}
                  </span>
                )}
                <br />
                <SensitiveValue access={customer.fieldAccess.addressDetail}>{address.detail}</SensitiveValue>
              </span>
              {address.isPrimary && <span className="badge badge--primary">{t('fields.isPrimary')}</span>}
            </li>
          ))}
        </ul>
      )}
      {isRevealable(customer, 'addressDetail') && customer.addresses.length > 0 && (
        <RevealControl customerId={customer.id} field="addressDetail" />
      )}
    </section>
  );
}

function DeleteControls({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const canDelete = useCanCall('deleteCustomer');
  const canRestore = useCanCall('restoreCustomer');
  const deleteCustomer = useDeleteCustomer();
  const restoreCustomer = useRestoreCustomer();
  const [isConfirming, setIsConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const failed = deleteCustomer.isError || restoreCustomer.isError;

  // The question replaces the button that asked it, so focus moves to the answer instead of being lost.
  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
  }, [isConfirming]);

  // A merged record comes back only by undoing its merge, which also takes back what moved to the survivor.
  if (customer.erasedAt || customer.mergedInto) return null;
  if (customer.deletedAt) {
    if (!canRestore) return null;
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
  if (!canDelete) return null;
  if (isConfirming) {
    return (
      <div className="confirm">
        <span>{t('customers.confirmDelete')}</span>
        <button
          ref={confirmRef}
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

const TABS = ['overview', 'timeline', 'orders', 'workOrders'] as const;
type TTab = (typeof TABS)[number];
type TForm = 'interaction' | 'workOrder' | 'task';

/** The 360° page's sections as ARIA tabs; only the chosen one is rendered, so only it loads. */
function SectionTabs({
  tabs,
  current,
  onChoose,
}: {
  tabs: readonly TTab[];
  current: TTab;
  onChoose: (tab: TTab) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="tabs" role="tablist" aria-label={t('customer360.sections')}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`customer-tab-${tab}`}
          aria-controls="customer-tab-panel"
          aria-selected={tab === current}
          className={`tabs__link${tab === current ? ' active' : ''}`}
          onClick={() => onChoose(tab)}
        >
          {t(`customer360.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}

function QuickActions({ onOpen }: { onOpen: (form: TForm) => void }) {
  const { t } = useTranslation();
  const canLogInteraction = useCanCall('createInteraction');
  const canOpenWorkOrder = useCanCall('createWorkOrder');
  const canCreateTask = useCanCall('createTask');
  return (
    <>
      {canLogInteraction && (
        <button type="button" className="button" onClick={() => onOpen('interaction')}>
          {t('interactions.open')}
        </button>
      )}
      {canOpenWorkOrder && (
        <button type="button" className="button" onClick={() => onOpen('workOrder')}>
          {t('workOrders.create.open')}
        </button>
      )}
      {canCreateTask && (
        <button type="button" className="button" onClick={() => onOpen('task')}>
          {t('tasks.create.open')}
        </button>
      )}
    </>
  );
}

export function CustomerDetailPage() {
  const canEdit = useCanCall('updateCustomer');
  const canListWorkOrders = useCanCall('listWorkOrders');
  const { t } = useTranslation();
  const location = useLocation();
  const { customerId = '' } = useParams();
  const overview = useCustomer360(customerId);
  const [tab, setTab] = useState<TTab>('overview');
  const [form, setForm] = useState<TForm | null>(null);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const flashKey = flash ? FLASH_KEYS[flash] : undefined;
  const tabs = TABS.filter((item) => item !== 'workOrders' || canListWorkOrders);

  if (overview.isPending) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (overview.isError) return <CustomerLoadError error={overview.error} />;

  const { customer: record, serviceStatus, valueTier, valueScores } = overview.data;
  const isActive = !record.deletedAt && !record.mergedInto && !record.erasedAt;
  const closeForm = () => setForm(null);
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
      {record.mergedInto ? (
        <div className="banner banner--warning" role="status">
          <Trans
            i18nKey="customers.isMerged"
            values={{ name: record.mergedInto.displayName }}
            components={{ survivor: <Link to={`/customers/${record.mergedInto.id}`} /> }}
          />
        </div>
      ) : (
        record.deletedAt && (
          <div className="banner banner--warning" role="status">
            {t('customers.isDeleted')}
          </div>
        )
      )}
      <section className="customer-header card" aria-labelledby="customer-name">
        <div className="customer-header__identity">
          <span className="avatar avatar--large" aria-hidden="true">
            {record.displayName.slice(0, 1)}
          </span>
          <div>
            <h1 id="customer-name" className="customer-header__name">
              {record.displayName}
            </h1>
            <div className="customer-header__badges">
              <span className="badge badge--muted">{t(`enums.kind.${record.kind}`)}</span>
              <LifecycleBadge stage={record.lifecycleStage} />
              {serviceStatus && (
                <span className="badge badge--warning">{t(`enums.serviceStatus.${serviceStatus}`)}</span>
              )}
              {valueTier && (
                <span
                  className="badge badge--primary"
                  title={
                    valueScores
                      ? t(
                          valueScores.method === 'organization'
                            ? 'customer360.valueByAmount'
                            : 'customer360.valueScores',
                          { ...valueScores },
                        )
                      : undefined
                  }
                >
                  {t('customer360.valueTierBadge', { tier: valueTier })}
                </span>
              )}
              {record.deletedAt && <span className="badge badge--danger">{t('customers.deleted')}</span>}
            </div>
            <TagChips tags={record.tags} label={t('fields.tags')} />
          </div>
        </div>
        <div className="customer-header__actions">
          {isActive && <QuickActions onOpen={setForm} />}
          {!record.deletedAt && canEdit && (
            <Link to={`/customers/${record.id}/edit`} className="button button--primary">
              {t('common.edit')}
            </Link>
          )}
          <DeleteControls customer={record} />
          <ErasureControl customer={record} />
        </div>
      </section>
      {form === 'interaction' && <InteractionForm customerId={record.id} onDone={closeForm} />}
      {form === 'workOrder' && <WorkOrderCreateForm customerId={record.id} onDone={closeForm} />}
      {form === 'task' && <TaskCreateForm customerId={record.id} onDone={closeForm} />}
      <CustomerFigures overview={overview.data} />
      <SectionTabs tabs={tabs} current={tab} onChoose={setTab} />
      <div id="customer-tab-panel" role="tabpanel" aria-labelledby={`customer-tab-${tab}`} className="stack">
        {tab === 'overview' && (
          <>
            <div className="detail-grid">
              <ProfileCard customer={record} />
              <div className="stack">
                <ContactPointsCard customer={record} />
                <AddressesCard customer={record} />
              </div>
            </div>
            <CustomerQualityCard customer={record} />
            <CustomerHistoryCard customerId={record.id} />
          </>
        )}
        {tab === 'timeline' && <CustomerTimeline customerId={record.id} />}
        {tab === 'orders' && <CustomerOrders customerId={record.id} />}
        {tab === 'workOrders' && <CustomerWorkOrders customerId={record.id} />}
      </div>
    </div>
  );
}
