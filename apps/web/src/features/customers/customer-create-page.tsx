import type { TCustomerCreate } from '@cims/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/queries';
import { CustomerForm, type TCustomerFormSubmit } from './customer-form';
import { newCustomerFormValues } from './customer-form-values';
import { useCreateCustomer } from './queries';

export function CustomerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const createCustomer = useCreateCustomer();
  // New customers belong to whoever enters them unless an owner is picked; computed once so that a
  // session refetch cannot reset a half-filled form.
  const [defaultValues] = useState(() => newCustomerFormValues(session.data?.user.id ?? null));

  const onSubmit: TCustomerFormSubmit = async (output) => {
    // The create resolver validated with ZCustomerCreate, so the output has that shape.
    const customer = await createCustomer.mutateAsync(output as TCustomerCreate);
    navigate(`/customers/${customer.id}`, { state: { flash: 'created' } });
  };

  return (
    <div className="stack">
      <nav aria-label={t('shell.breadcrumb')} className="breadcrumb">
        <Link to="/">{t('nav.customers')}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{t('customers.new')}</span>
      </nav>
      <h1>{t('customers.newTitle')}</h1>
      <CustomerForm
        mode="create"
        defaultValues={defaultValues}
        onSubmit={onSubmit}
        onCancel={() => navigate('/')}
        submitLabel={t('form.create')}
      />
    </div>
  );
}
