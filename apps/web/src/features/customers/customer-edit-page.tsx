import type { TCustomerUpdate } from '@cims/schemas';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../lib/api';
import { CustomerForm, type TCustomerFormSubmit } from './customer-form';
import { formValuesFromCustomer, lockedFieldsOf, toUpdateBody } from './customer-form-values';
import { CustomerLoadError } from './customer-load-error';
import { useCustomer, useRefreshCustomer, useUpdateCustomer } from './queries';

export function CustomerEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { customerId = '' } = useParams();
  const customer = useCustomer(customerId);
  const updateCustomer = useUpdateCustomer();
  const refreshCustomer = useRefreshCustomer();
  const [isStale, setIsStale] = useState(false);
  const initialValues = useMemo(
    () => (customer.data ? formValuesFromCustomer(customer.data) : null),
    [customer.data],
  );
  const locked = useMemo(() => (customer.data ? lockedFieldsOf(customer.data) : undefined), [customer.data]);

  if (customer.isPending) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (customer.isError || !initialValues) return <CustomerLoadError error={customer.error} />;

  const record = customer.data;
  const detailPath = `/customers/${record.id}`;

  const onSubmit: TCustomerFormSubmit = async (output, values) => {
    // The edit resolver validated with ZCustomerUpdate, so the output has that shape.
    const body = toUpdateBody({
      output: output as TCustomerUpdate,
      values,
      initialValues,
      locked: lockedFieldsOf(record),
    });
    if (Object.keys(body).length === 0) {
      navigate(detailPath);
      return;
    }
    try {
      await updateCustomer.mutateAsync({ customer: record, body });
      setIsStale(false);
      navigate(detailPath, { state: { flash: 'updated' } });
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        // Someone saved in between. Reloading replaces the form with their version (it is keyed by the
        // version below); the notice tells the user why their edits are gone and to apply them again.
        setIsStale(true);
        window.scrollTo({ top: 0 });
        await refreshCustomer(record.id);
        return;
      }
      throw error;
    }
  };

  return (
    <div className="stack">
      <nav aria-label={t('shell.breadcrumb')} className="breadcrumb">
        <Link to="/">{t('nav.customers')}</Link>
        <span aria-hidden="true">/</span>
        <Link to={detailPath}>{record.displayName}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{t('common.edit')}</span>
      </nav>
      <h1>{t('customers.editTitle', { name: record.displayName })}</h1>
      {isStale && (
        <div className="banner banner--warning" role="alert">
          {t('customers.staleVersion')}
        </div>
      )}
      {record.deletedAt ? (
        <div className="banner banner--warning" role="alert">
          {t('customers.deletedCannotEdit')} <Link to={detailPath}>{t('customers.backToDetail')}</Link>
        </div>
      ) : (
        <CustomerForm
          key={record.version}
          mode="edit"
          defaultValues={initialValues}
          locked={locked}
          onSubmit={onSubmit}
          onCancel={() => navigate(detailPath)}
          submitLabel={t('form.save')}
        />
      )}
    </div>
  );
}
