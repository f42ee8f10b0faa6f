import type { components } from '@cims/api-client';
import { useId, useState } from 'react';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCard, formFieldError } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { fromDateTimeLocal } from '../../lib/date-input';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCustomerSearch } from '../customers/queries';
import { useCreateTask } from './queries';

type Schemas = components['schemas'];

const TASK_KINDS = [
  'follow_up',
  'call_back',
  'renewal',
  'data_review',
] as const satisfies readonly Schemas['TaskKind'][];
const RECURRENCES = [
  'none',
  'daily',
  'weekly',
  'monthly',
] as const satisfies readonly Schemas['TaskRecurrence'][];

type TTaskFormValues = {
  customerId: string;
  kind: (typeof TASK_KINDS)[number];
  dueAt: string;
  note: string;
  recurrence: (typeof RECURRENCES)[number];
};

/** The customer picker of the task page: a search box and the matches to choose from. */
function CustomerPicker({
  id,
  error,
  form,
}: {
  id: string;
  error: string | undefined;
  form: UseFormReturn<TTaskFormValues>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = useCustomerSearch(useDebouncedValue(text, 250));
  const matches = text.trim() ? (search.data ?? []) : [];
  return (
    <>
      <FormField id={`${id}-search`} label={t('tasks.create.findCustomer')}>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </FormField>
      <FormField id={`${id}-customer`} label={t('tasks.create.customer')} error={error} isRequired>
        <select
          {...fieldA11y(`${id}-customer`, error)}
          {...form.register('customerId', { required: 'Required' })}
        >
          <option value="">
            {matches.length > 0 ? t('tasks.create.chooseCustomer') : t('tasks.create.searchFirst')}
          </option>
          {matches.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.displayName}
            </option>
          ))}
        </select>
      </FormField>
    </>
  );
}

/**
 * 新建任务: for the customer's owner by default (the API's rule). On a customer's page the customer is
 * given; on the task page it is picked.
 */
export function TaskCreateForm({ customerId, onDone }: { customerId?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateTask();
  const form = useForm<TTaskFormValues>({
    defaultValues: {
      customerId: customerId ?? '',
      kind: 'follow_up',
      dueAt: '',
      note: '',
      recurrence: 'none',
    },
  });
  const { register } = form;
  const error = (name: keyof TTaskFormValues) => formFieldError(t, form, name);

  const onSubmit = async (values: TTaskFormValues) => {
    await create.mutateAsync({
      customerId: values.customerId,
      kind: values.kind,
      dueAt: fromDateTimeLocal(values.dueAt),
      note: values.note.trim() || null,
      recurrence: values.recurrence,
    });
    onDone();
  };

  return (
    <FormCard
      form={form}
      headingId={`${id}-heading`}
      title={t('tasks.create.title')}
      submitLabel={t('tasks.create.submit')}
      onSubmit={onSubmit}
      onCancel={onDone}
    >
      {!customerId && <CustomerPicker id={id} error={error('customerId')} form={form} />}
      <FormField id={`${id}-kind`} label={t('tasks.create.kind')} error={error('kind')}>
        <select {...fieldA11y(`${id}-kind`, error('kind'))} {...register('kind')}>
          {TASK_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`enums.taskKind.${value}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-dueAt`} label={t('tasks.dueAt')} error={error('dueAt')}>
        <input {...fieldA11y(`${id}-dueAt`, error('dueAt'))} type="datetime-local" {...register('dueAt')} />
      </FormField>
      <FormField id={`${id}-recurrence`} label={t('tasks.create.recurrence')} error={error('recurrence')}>
        <select {...fieldA11y(`${id}-recurrence`, error('recurrence'))} {...register('recurrence')}>
          {RECURRENCES.map((value) => (
            <option key={value} value={value}>
              {t(`enums.taskRecurrence.${value}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-note`} label={t('tasks.note')} error={error('note')} className="form-grid__wide">
        <textarea
          {...fieldA11y(`${id}-note`, error('note'))}
          rows={2}
          maxLength={2000}
          {...register('note')}
        />
      </FormField>
    </FormCard>
  );
}
