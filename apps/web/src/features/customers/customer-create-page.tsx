import type { Customer } from '@cims/api-client';
import type { TCustomerCreate } from '@cims/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/queries';
import { useCanCall } from '../auth/roles';
import type { TDuplicateMatch } from '../duplicates/queries';
import { CustomerForm, type TCustomerFormSubmit } from './customer-form';
import { newCustomerFormValues } from './customer-form-values';
import { DuplicateWarningDialog } from './duplicate-warning-dialog';
import { useCheckCustomerDuplicates, useCreateCustomer } from './queries';

type TPendingSave = { body: TCustomerCreate; matches: TDuplicateMatch[] };

export function CustomerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const canCheckDuplicates = useCanCall('checkCustomerDuplicates');
  const checkDuplicates = useCheckCustomerDuplicates();
  const createCustomer = useCreateCustomer();
  const [pending, setPending] = useState<TPendingSave | null>(null);
  // New customers belong to whoever enters them unless an owner is picked; computed once so that a
  // session refetch cannot reset a half-filled form.
  const [defaultValues] = useState(() => newCustomerFormValues(session.data?.user.id ?? null));

  const showCreated = (customer: Customer) =>
    navigate(`/customers/${customer.id}`, { state: { flash: 'created' } });

  // The check validates the body like the save would, so its field errors land on the form as usual.
  const onSubmit: TCustomerFormSubmit = async (output) => {
    // The create resolver validated with ZCustomerCreate, so the output has that shape.
    const body = output as TCustomerCreate;
    const matches = canCheckDuplicates ? await checkDuplicates.mutateAsync(body) : [];
    if (matches.length > 0) {
      createCustomer.reset();
      setPending({ body, matches });
      return;
    }
    showCreated(await createCustomer.mutateAsync({ body }));
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
      {pending && (
        <DuplicateWarningDialog
          matches={pending.matches}
          isSaving={createCustomer.isPending}
          error={
            createCustomer.isError
              ? isApiError(createCustomer.error) && createCustomer.error.status === 403
                ? t('errors.forbidden')
                : t('errors.generic')
              : null
          }
          // Stored beside its matches, and the pairs go to the review queue.
          onSaveAnyway={() =>
            createCustomer.mutate({ body: pending.body, onDuplicate: 'flag' }, { onSuccess: showCreated })
          }
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}
