import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCard, formFieldError } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { type TWorkOrderCreate, useCreateWorkOrder } from './queries';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_CHANNELS, WORK_ORDER_PRIORITIES } from './work-order-format';

type TWorkOrderFormValues = Required<
  Pick<TWorkOrderCreate, 'category' | 'priority' | 'channel' | 'title'>
> & {
  description: string;
};

/** 新建工单 for one customer; the assignment rules choose the queue and the assignee. */
export function WorkOrderCreateForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateWorkOrder();
  const form = useForm<TWorkOrderFormValues>({
    defaultValues: {
      category: 'after_sales',
      priority: 'normal',
      channel: 'hotline',
      title: '',
      description: '',
    },
  });
  const { register } = form;
  const error = (name: keyof TWorkOrderFormValues) => formFieldError(t, form, name);

  const onSubmit = async (values: TWorkOrderFormValues) => {
    await create.mutateAsync({
      customerId,
      category: values.category,
      priority: values.priority,
      channel: values.channel,
      title: values.title.trim(),
      description: values.description.trim() || null,
    });
    onDone();
  };

  const select = <K extends 'category' | 'priority' | 'channel'>(
    name: K,
    values: readonly TWorkOrderFormValues[K][],
    enumName: string,
  ) => (
    <FormField id={`${id}-${name}`} label={t(`workOrders.${name as string}`)} error={error(name)}>
      <select {...fieldA11y(`${id}-${name}`, error(name))} {...register(name)}>
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`enums.${enumName}.${value as string}`)}
          </option>
        ))}
      </select>
    </FormField>
  );

  return (
    <FormCard
      form={form}
      headingId={`${id}-heading`}
      title={t('workOrders.create.title')}
      submitLabel={t('workOrders.create.submit')}
      onSubmit={onSubmit}
      onCancel={onDone}
    >
      {select('category', WORK_ORDER_CATEGORIES, 'workOrderCategory')}
      {select('priority', WORK_ORDER_PRIORITIES, 'workOrderPriority')}
      {select('channel', WORK_ORDER_CHANNELS, 'workOrderChannel')}
      <FormField
        id={`${id}-title`}
        label={t('workOrders.titleField')}
        error={error('title')}
        isRequired
        className="form-grid__wide"
      >
        <input
          {...fieldA11y(`${id}-title`, error('title'))}
          maxLength={200}
          {...register('title', { validate: (value) => value.trim() !== '' || 'Required' })}
        />
      </FormField>
      <FormField
        id={`${id}-description`}
        label={t('workOrders.description')}
        error={error('description')}
        className="form-grid__wide"
      >
        <textarea
          {...fieldA11y(`${id}-description`, error('description'))}
          rows={4}
          maxLength={10000}
          {...register('description')}
        />
      </FormField>
    </FormCard>
  );
}
