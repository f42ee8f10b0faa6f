import type { components } from '@cims/api-client';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCard, formFieldError } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/date-input';
import { useCreateInteraction } from './queries';

type Schemas = components['schemas'];

// Staff log what they did themselves; website and app events (login, web_event) come from partner systems.
const INTERACTION_TYPES = [
  'call',
  'email',
  'visit',
  'chat',
  'complaint',
  'survey',
  'campaign_response',
] as const satisfies readonly Schemas['InteractionType'][];
const INTERACTION_CHANNELS = [
  'phone',
  'email',
  'in_person',
  'wechat',
  'sms',
  'website',
  'app',
  'other',
] as const satisfies readonly Schemas['InteractionChannel'][];
const DIRECTIONS = ['inbound', 'outbound'] as const;

type TInteractionFormValues = {
  type: (typeof INTERACTION_TYPES)[number];
  channel: (typeof INTERACTION_CHANNELS)[number];
  direction: (typeof DIRECTIONS)[number] | '';
  occurredAt: string;
  summary: string;
  outcome: string;
};

/** 记录互动: a call, visit, email… with the customer, as the person who had it. */
export function InteractionForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateInteraction();
  const form = useForm<TInteractionFormValues>({
    defaultValues: {
      type: 'call',
      channel: 'phone',
      direction: 'outbound',
      occurredAt: toDateTimeLocal(new Date()),
      summary: '',
      outcome: '',
    },
  });
  const { register } = form;
  const error = (name: keyof TInteractionFormValues) => formFieldError(t, form, name);

  const onSubmit = async (values: TInteractionFormValues) => {
    await create.mutateAsync({
      customerId,
      body: {
        type: values.type,
        channel: values.channel,
        direction: values.direction || null,
        occurredAt: fromDateTimeLocal(values.occurredAt) ?? new Date().toISOString(),
        summary: values.summary.trim(),
        outcome: values.outcome.trim() || null,
      },
    });
    onDone();
  };

  return (
    <FormCard
      form={form}
      headingId={`${id}-heading`}
      title={t('interactions.title')}
      submitLabel={t('interactions.submit')}
      onSubmit={onSubmit}
      onCancel={onDone}
    >
      <FormField id={`${id}-type`} label={t('interactions.type')} error={error('type')}>
        <select {...fieldA11y(`${id}-type`, error('type'))} {...register('type')}>
          {INTERACTION_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`enums.interactionType.${value}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-channel`} label={t('interactions.channel')} error={error('channel')}>
        <select {...fieldA11y(`${id}-channel`, error('channel'))} {...register('channel')}>
          {INTERACTION_CHANNELS.map((value) => (
            <option key={value} value={value}>
              {t(`enums.interactionChannel.${value}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-direction`} label={t('interactions.direction')} error={error('direction')}>
        <select {...fieldA11y(`${id}-direction`, error('direction'))} {...register('direction')}>
          <option value="">{t('interactions.noDirection')}</option>
          {DIRECTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`enums.interactionDirection.${value}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id={`${id}-occurredAt`}
        label={t('interactions.occurredAt')}
        error={error('occurredAt')}
        isRequired
      >
        <input
          {...fieldA11y(`${id}-occurredAt`, error('occurredAt'))}
          type="datetime-local"
          {...register('occurredAt', { required: 'Required' })}
        />
      </FormField>
      <FormField
        id={`${id}-summary`}
        label={t('interactions.summary')}
        error={error('summary')}
        isRequired
        className="form-grid__wide"
      >
        <textarea
          {...fieldA11y(`${id}-summary`, error('summary'))}
          rows={3}
          maxLength={2000}
          {...register('summary', { validate: (value) => value.trim() !== '' || 'Required' })}
        />
      </FormField>
      <FormField
        id={`${id}-outcome`}
        label={t('interactions.outcome')}
        error={error('outcome')}
        className="form-grid__wide"
      >
        <input {...fieldA11y(`${id}-outcome`, error('outcome'))} maxLength={1000} {...register('outcome')} />
      </FormField>
    </FormCard>
  );
}
