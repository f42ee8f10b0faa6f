import type { FieldError as ProblemFieldError, User } from '@cims/api-client';
import { listProvinces } from '@cims/schemas';
import { type ReactNode, useId, useState } from 'react';
import {
  Controller,
  FormProvider,
  type SubmitHandler,
  useController,
  useFieldArray,
  useForm,
  useFormContext,
  useWatch,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateListInput } from '../../components/date-list-input';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormSection } from '../../components/form-section';
import { isApiError } from '../../lib/api';
import { applyFieldErrors, errorMessageAt } from '../../lib/form-errors';
import { translateValidationMessage } from '../../lib/validation-messages';
import { useUsers } from '../users/queries';
import { userOptionLabel } from '../users/user-label';
import { useUpdateWorkOrderSettings, useWorkOrderSettings } from './queries';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_PRIORITIES } from './work-order-format';
import {
  formPathOf,
  formValuesFromSettings,
  ISO_WEEKDAYS,
  isRenderedSettingsField,
  newQueueId,
  SLA_CLOCKS,
  SLA_MAX_HOURS,
  settingsFormResolver,
  type TSettingsFormValues,
  type TSlaClock,
  type TWorkOrderSettings,
  VALUE_TIERS,
  WARN_PERCENT,
} from './work-order-settings-values';
import { WorkOrdersHeader } from './work-orders-header';

type TBanner = { kind: 'saved' } | { kind: 'error'; message: string; details: ProblemFieldError[] };

/** The translated error at a form path, or else the first one inside it (a list's entries). */
function useErrorAt() {
  const { t } = useTranslation();
  const {
    formState: { errors },
  } = useFormContext<TSettingsFormValues>();
  return (path: string, length = 0) => {
    const own = errorMessageAt(errors, path);
    const inside = Array.from({ length }, (_, index) => errorMessageAt(errors, `${path}.${index}`)).find(
      Boolean,
    );
    return translateValidationMessage(t, own ?? inside);
  };
}

function useQueueIds(): string[] {
  const queues = useWatch<TSettingsFormValues, 'queues'>({ name: 'queues' });
  return queues.map((queue) => queue.id);
}

/** The queues in the form, plus the value itself when it names none (the field then says so). */
function QueueOptions({ value }: { value: string }) {
  const queues = useWatch<TSettingsFormValues, 'queues'>({ name: 'queues' });
  return (
    <>
      {!queues.some((queue) => queue.id === value) && <option value={value}>{value || '—'}</option>}
      {queues.map((queue, index) => (
        // Two queues may share an id while it is being typed; the index keeps the keys apart.
        <option key={`${queue.id}-${index}`} value={queue.id}>
          {queue.name.trim() || queue.id}
        </option>
      ))}
    </>
  );
}

function MemberPicker({ index, users }: { index: number; users: readonly User[] | undefined }) {
  const { t } = useTranslation();
  const errorAt = useErrorAt();
  const { field } = useController<TSettingsFormValues, `queues.${number}.memberIds`>({
    name: `queues.${index}.memberIds`,
  });
  const chosen = field.value;
  const error = errorAt(`queues.${index}.memberIds`, chosen.length);
  // Active staff can be chosen; a chosen member who has left stays listed so they can be taken out.
  const offered = (users ?? []).filter((user) => user.isActive || chosen.includes(user.id));
  const unknownIds = chosen.filter((id) => !offered.some((user) => user.id === id));
  const toggle = (id: string, isChecked: boolean) =>
    field.onChange(isChecked ? [...chosen, id] : chosen.filter((existing) => existing !== id));

  return (
    <fieldset className="member-picker" aria-invalid={error ? true : undefined}>
      <legend>{t('workOrders.settings.queues.members')}</legend>
      <p className="field__hint">
        {chosen.length === 0
          ? t('workOrders.settings.queues.noMembers')
          : t('workOrders.settings.queues.memberCount', { count: chosen.length })}
      </p>
      {users === undefined && <p className="muted">{t('workOrders.settings.queues.usersUnavailable')}</p>}
      <ul className="member-picker__list">
        {offered.map((user) => (
          <li key={user.id}>
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={chosen.includes(user.id)}
                onChange={(event) => toggle(user.id, event.target.checked)}
                onBlur={field.onBlur}
              />
              <span>
                {userOptionLabel(t, user)}
                <span className="muted">
                  {' '}
                  {user.roles.map((role) => t(`enums.staffRole.${role}`)).join(t('common.listSeparator'))}
                  {!user.isActive && ` · ${t('workOrders.settings.queues.inactive')}`}
                </span>
              </span>
            </label>
          </li>
        ))}
        {unknownIds.map((id) => (
          <li key={id}>
            <label className="checkbox-label">
              <input type="checkbox" checked onChange={() => toggle(id, false)} />
              <span className="break-anywhere">{t('workOrders.settings.queues.unknownMember', { id })}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function QueueRow({
  index,
  isNew,
  canRemove,
  onRemove,
  users,
}: {
  index: number;
  isNew: boolean;
  canRemove: boolean;
  onRemove: () => void;
  users: readonly User[] | undefined;
}) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const errorAt = useErrorAt();
  const { register, getValues, setValue } = useFormContext<TSettingsFormValues>();
  const { field: idField } = useController<TSettingsFormValues, `queues.${number}.id`>({
    name: `queues.${index}.id`,
  });
  const name = useWatch<TSettingsFormValues, `queues.${number}.name`>({ name: `queues.${index}.name` });
  const label = name.trim() || idField.value;

  // A new queue's id may still change; the default queue and the rules that chose it follow it.
  const renameTo = (next: string) => {
    const previous = idField.value;
    idField.onChange(next);
    if (getValues('defaultQueueId') === previous) setValue('defaultQueueId', next);
    getValues('assignmentRules').forEach((rule, ruleIndex) => {
      if (rule.queueId === previous) setValue(`assignmentRules.${ruleIndex}.queueId`, next);
    });
  };

  return (
    <fieldset className="repeat-row">
      <legend className="visually-hidden">{t('workOrders.settings.queues.queueN', { name: label })}</legend>
      <div className="repeat-row__grid repeat-row__grid--queue">
        <FormField
          id={`${idPrefix}-id`}
          label={t('workOrders.settings.queues.id')}
          error={errorAt(`queues.${index}.id`)}
          hint={isNew ? t('workOrders.settings.queues.idHint') : t('workOrders.settings.queues.idFixed')}
        >
          <input
            {...fieldA11y(`${idPrefix}-id`, errorAt(`queues.${index}.id`))}
            ref={idField.ref}
            name={idField.name}
            type="text"
            spellCheck={false}
            autoComplete="off"
            readOnly={!isNew}
            value={idField.value}
            onChange={(event) => renameTo(event.target.value)}
            onBlur={idField.onBlur}
          />
        </FormField>
        <FormField
          id={`${idPrefix}-name`}
          label={t('workOrders.settings.queues.name')}
          error={errorAt(`queues.${index}.name`)}
          isRequired
        >
          <input
            {...fieldA11y(`${idPrefix}-name`, errorAt(`queues.${index}.name`))}
            type="text"
            {...register(`queues.${index}.name`)}
          />
        </FormField>
        <button
          type="button"
          className="button button--small button--danger-ghost repeat-row__remove"
          onClick={onRemove}
          disabled={!canRemove}
          aria-label={t('workOrders.settings.queues.remove', { name: label })}
        >
          {t('workOrders.settings.remove')}
        </button>
      </div>
      <MemberPicker index={index} users={users} />
    </fieldset>
  );
}

function QueuesSection() {
  const { t } = useTranslation();
  const idPrefix = useId();
  const errorAt = useErrorAt();
  const users = useUsers();
  const { control, register, getValues } = useFormContext<TSettingsFormValues>();
  // The queues have an `id` of their own, so the field array keys its rows under another name.
  const { fields, append, remove } = useFieldArray<TSettingsFormValues, 'queues', 'key'>({
    control,
    name: 'queues',
    keyName: 'key',
  });
  const defaultQueueId = useWatch<TSettingsFormValues, 'defaultQueueId'>({ name: 'defaultQueueId' });

  return (
    <FormSection headingId="wo-settings-queues" title={t('workOrders.settings.queues.title')}>
      <p className="field__hint">{t('workOrders.settings.queues.intro')}</p>
      {fields.map((field, index) => (
        <QueueRow
          key={field.key}
          index={index}
          isNew={field.isNew}
          canRemove={fields.length > 1}
          onRemove={() => remove(index)}
          users={users.data}
        />
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            append({ id: newQueueId(getValues('queues')), name: '', memberIds: [], isNew: true })
          }
        >
          {t('workOrders.settings.queues.add')}
        </button>
      </div>
      <FormField
        id={`${idPrefix}-default`}
        label={t('workOrders.settings.defaultQueue')}
        error={errorAt('defaultQueueId')}
        hint={t('workOrders.settings.defaultQueueHint')}
      >
        <select
          {...fieldA11y(`${idPrefix}-default`, errorAt('defaultQueueId'))}
          {...register('defaultQueueId')}
        >
          <QueueOptions value={defaultQueueId} />
        </select>
      </FormField>
    </FormSection>
  );
}

function RuleRow({
  index,
  count,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const errorAt = useErrorAt();
  const { register } = useFormContext<TSettingsFormValues>();
  const rule = useWatch<TSettingsFormValues, `assignmentRules.${number}`>({
    name: `assignmentRules.${index}`,
  });
  const provinces = listProvinces();
  const n = index + 1;
  const select = (
    field: 'category' | 'provinceCode' | 'valueTier' | 'queueId',
    label: string,
    options: ReactNode,
  ) => {
    const id = `${idPrefix}-${field}`;
    const error = errorAt(`assignmentRules.${index}.${field}`);
    return (
      <FormField id={id} label={label} error={error}>
        <select {...fieldA11y(id, error)} {...register(`assignmentRules.${index}.${field}`)}>
          {options}
        </select>
      </FormField>
    );
  };
  const any = <option value="">{t('workOrders.settings.rules.any')}</option>;

  return (
    <fieldset className="repeat-row">
      <legend className="repeat-row__legend">{t('workOrders.settings.rules.ruleN', { n })}</legend>
      <div className="repeat-row__grid repeat-row__grid--rule">
        {select(
          'category',
          t('workOrders.category'),
          <>
            {any}
            {WORK_ORDER_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`enums.workOrderCategory.${category}`)}
              </option>
            ))}
          </>,
        )}
        {select(
          'provinceCode',
          t('fields.province'),
          <>
            {any}
            {rule.provinceCode && !provinces.some((region) => region.code === rule.provinceCode) && (
              <option value={rule.provinceCode}>{rule.provinceCode}</option>
            )}
            {provinces.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </>,
        )}
        {select(
          'valueTier',
          t('fields.valueTier'),
          <>
            {any}
            {VALUE_TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {tier}
              </option>
            ))}
          </>,
        )}
        {select('queueId', t('workOrders.settings.rules.queue'), <QueueOptions value={rule.queueId} />)}
        <div className="button-row repeat-row__remove">
          <button
            type="button"
            className="button button--small button--ghost"
            aria-label={t('workOrders.settings.rules.moveUp', { n })}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            aria-label={t('workOrders.settings.rules.moveDown', { n })}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--small button--danger-ghost"
            aria-label={t('workOrders.settings.rules.remove', { n })}
            onClick={onRemove}
          >
            {t('workOrders.settings.remove')}
          </button>
        </div>
      </div>
    </fieldset>
  );
}

function RulesSection() {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<TSettingsFormValues>();
  const { fields, append, remove, move } = useFieldArray<TSettingsFormValues, 'assignmentRules'>({
    control,
    name: 'assignmentRules',
  });
  const queueIds = useQueueIds();
  return (
    <FormSection headingId="wo-settings-rules" title={t('workOrders.settings.rules.title')}>
      <p className="field__hint">{t('workOrders.settings.rules.intro')}</p>
      {fields.length === 0 && <p className="muted">{t('workOrders.settings.rules.none')}</p>}
      {fields.map((field, index) => (
        <RuleRow
          key={field.id}
          index={index}
          count={fields.length}
          onMove={(to) => move(index, to)}
          onRemove={() => remove(index)}
        />
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            append({
              category: '',
              provinceCode: '',
              valueTier: '',
              queueId: queueIds.includes(getValues('defaultQueueId'))
                ? getValues('defaultQueueId')
                : (queueIds[0] ?? ''),
            })
          }
        >
          {t('workOrders.settings.rules.add')}
        </button>
      </div>
    </FormSection>
  );
}

function SlaTable({ clock }: { clock: TSlaClock }) {
  const { t } = useTranslation();
  const errorAt = useErrorAt();
  const { register } = useFormContext<TSettingsFormValues>();
  const clockLabel = t(`workOrders.settings.sla.${clock}`);
  return (
    <div className="sla-grid">
      <table className="data-table sla-grid__table">
        <caption>{t('workOrders.settings.sla.caption', { clock: clockLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workOrders.category')}</th>
            {WORK_ORDER_PRIORITIES.map((priority) => (
              <th key={priority} scope="col">
                {t(`enums.workOrderPriority.${priority}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WORK_ORDER_CATEGORIES.map((category) => (
            <tr key={category}>
              <th scope="row">{t(`enums.workOrderCategory.${category}`)}</th>
              {WORK_ORDER_PRIORITIES.map((priority) => {
                const path = `slaHours.${category}.${priority}.${clock}` as const;
                const error = errorAt(path);
                const id = `sla-${clock}-${category}-${priority}`;
                return (
                  <td key={priority} data-label={t(`enums.workOrderPriority.${priority}`)}>
                    <input
                      {...fieldA11y(id, error)}
                      className="sla-grid__input"
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={SLA_MAX_HOURS[clock]}
                      step="any"
                      aria-label={t('workOrders.settings.sla.cell', {
                        clock: clockLabel,
                        category: t(`enums.workOrderCategory.${category}`),
                        priority: t(`enums.workOrderPriority.${priority}`),
                      })}
                      {...register(path)}
                    />
                    {error && (
                      <p id={`${id}-error`} className="field__error" role="alert">
                        {error}
                      </p>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SlaSection() {
  const { t } = useTranslation();
  return (
    <FormSection headingId="wo-settings-sla" title={t('workOrders.settings.sla.title')}>
      <p className="field__hint">{t('workOrders.settings.sla.intro')}</p>
      {SLA_CLOCKS.map((clock) => (
        <SlaTable key={clock} clock={clock} />
      ))}
    </FormSection>
  );
}

function timeZoneOptions(): readonly string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

function CalendarSection() {
  const { t } = useTranslation();
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const errorAt = useErrorAt();
  const { register, control } = useFormContext<TSettingsFormValues>();
  const [timeZones] = useState(timeZoneOptions);
  const workdaysError = errorAt('businessCalendar.workdays', 7);

  return (
    <FormSection headingId="wo-settings-calendar" title={t('workOrders.settings.calendar.title')}>
      <div className="form-grid">
        <FormField
          id={id('timeZone')}
          label={t('workOrders.settings.calendar.timeZone')}
          error={errorAt('businessCalendar.timeZone')}
          hint={t('workOrders.settings.calendar.timeZoneHint')}
          className="form-grid__wide"
        >
          <input
            {...fieldA11y(id('timeZone'), errorAt('businessCalendar.timeZone'))}
            type="text"
            list={id('timeZones')}
            spellCheck={false}
            autoComplete="off"
            {...register('businessCalendar.timeZone')}
          />
          <datalist id={id('timeZones')}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </FormField>
        <Controller
          control={control}
          name="businessCalendar.workdays"
          render={({ field }) => (
            <fieldset
              className="weekday-picker form-grid__wide"
              aria-invalid={workdaysError ? true : undefined}
            >
              <legend>{t('workOrders.settings.calendar.workdays')}</legend>
              <div className="weekday-picker__days">
                {ISO_WEEKDAYS.map((day) => (
                  <label key={day} className="checkbox-label">
                    <input
                      type="checkbox"
                      checked={field.value.includes(day)}
                      onChange={(event) =>
                        field.onChange(
                          event.target.checked
                            ? [...field.value, day].sort()
                            : field.value.filter((existing) => existing !== day),
                        )
                      }
                      onBlur={field.onBlur}
                    />
                    <span>{t(`workOrders.settings.calendar.weekday.${day}`)}</span>
                  </label>
                ))}
              </div>
              {workdaysError && (
                <p className="field__error" role="alert">
                  {workdaysError}
                </p>
              )}
            </fieldset>
          )}
        />
        {(['dayStart', 'dayEnd'] as const).map((name) => (
          <FormField
            key={name}
            id={id(name)}
            label={t(`workOrders.settings.calendar.${name}`)}
            error={errorAt(`businessCalendar.${name}`)}
            hint={t('workOrders.settings.calendar.timeHint')}
          >
            {/* Text, not type="time": the day may end at 24:00, which a time input cannot hold. */}
            <input
              {...fieldA11y(id(name), errorAt(`businessCalendar.${name}`))}
              type="text"
              inputMode="numeric"
              placeholder="09:00"
              autoComplete="off"
              {...register(`businessCalendar.${name}`)}
            />
          </FormField>
        ))}
        {(['holidays', 'makeUpWorkdays'] as const).map((name) => (
          <Controller
            key={name}
            control={control}
            name={`businessCalendar.${name}`}
            render={({ field }) => {
              const label = t(`workOrders.settings.calendar.${name}`);
              const error = errorAt(`businessCalendar.${name}`, field.value.length);
              return (
                <FormField
                  id={id(name)}
                  label={label}
                  error={error}
                  hint={t(`workOrders.settings.calendar.${name}Hint`)}
                >
                  <DateListInput
                    id={id(name)}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    error={error}
                    listLabel={label}
                  />
                </FormField>
              );
            }}
          />
        ))}
      </div>
    </FormSection>
  );
}

function WarningSection() {
  const { t } = useTranslation();
  const idPrefix = useId();
  const errorAt = useErrorAt();
  const { register } = useFormContext<TSettingsFormValues>();
  const error = errorAt('warnAtPercent');
  return (
    <FormSection headingId="wo-settings-warning" title={t('workOrders.settings.warning.title')}>
      <FormField
        id={`${idPrefix}-warn`}
        label={t('workOrders.settings.warning.warnAt')}
        error={error}
        hint={t('workOrders.settings.warning.hint')}
      >
        <div className="input-with-suffix">
          <input
            {...fieldA11y(`${idPrefix}-warn`, error)}
            type="number"
            inputMode="decimal"
            min={WARN_PERCENT.min}
            max={WARN_PERCENT.max}
            step="any"
            {...register('warnAtPercent')}
          />
          <span aria-hidden="true">%</span>
        </div>
      </FormField>
    </FormSection>
  );
}

function SettingsForm({ saved }: { saved: TWorkOrderSettings }) {
  const { t } = useTranslation();
  const update = useUpdateWorkOrderSettings();
  const [banner, setBanner] = useState<TBanner | null>(null);
  const form = useForm<TSettingsFormValues, unknown, TWorkOrderSettings>({
    defaultValues: formValuesFromSettings(saved),
    resolver: settingsFormResolver,
    mode: 'onTouched',
  });
  const {
    handleSubmit,
    setError,
    reset,
    formState: { isSubmitting, isDirty },
  } = form;

  const submit: SubmitHandler<TWorkOrderSettings> = async (body) => {
    setBanner(null);
    try {
      const next = await update.mutateAsync(body);
      reset(formValuesFromSettings(next));
      setBanner({ kind: 'saved' });
    } catch (error) {
      if (!isApiError(error)) {
        setBanner({ kind: 'error', message: t('errors.network'), details: [] });
        return;
      }
      const details = applyFieldErrors({
        error,
        setError,
        isRenderedField: isRenderedSettingsField,
        toFieldPath: (pointer) => formPathOf(pointer, body),
      });
      const message =
        error.status === 422 || error.status === 400
          ? t('form.fixErrors')
          : error.status === 403
            ? t('errors.forbidden')
            : t('errors.generic');
      setBanner({ kind: 'error', message, details });
    }
  };

  const onInvalid = () => setBanner({ kind: 'error', message: t('form.fixErrors'), details: [] });

  return (
    <FormProvider {...form}>
      <form className="customer-form" onSubmit={handleSubmit(submit, onInvalid)} noValidate>
        <QueuesSection />
        <RulesSection />
        <SlaSection />
        <CalendarSection />
        <WarningSection />
        {banner?.kind === 'saved' && !isDirty && (
          <p className="banner banner--success" role="status">
            {t('workOrders.settings.saved')}
          </p>
        )}
        {banner?.kind === 'error' && (
          <div className="banner banner--error" role="alert">
            <p>{banner.message}</p>
            {banner.details.length > 0 && (
              <ul>
                {banner.details.map((detail) => (
                  <li key={`${detail.path}:${detail.message}`}>
                    <code>{detail.path}</code> {translateValidationMessage(t, detail.message)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={!isDirty || isSubmitting}
            onClick={() => {
              reset();
              setBanner(null);
            }}
          >
            {t('workOrders.settings.discard')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('workOrders.settings.save')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

/** Admins set up queues, assignment rules, SLA hours, the business calendar and the breach warning. */
export function WorkOrderSettingsPage() {
  const { t } = useTranslation();
  // Read fresh: what is edited here should be what is stored, not what a list page cached earlier.
  const settings = useWorkOrderSettings(true, { isFresh: true });
  return (
    <div className="stack">
      <WorkOrdersHeader />
      <p className="muted">{t('workOrders.settings.intro')}</p>
      {settings.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {settings.isError && (
        <div className="banner banner--error" role="alert">
          {t('workOrders.settings.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void settings.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {settings.data && <SettingsForm saved={settings.data} />}
    </div>
  );
}
