import type { FieldError as ProblemFieldError } from '@cims/api-client';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  Controller,
  FormProvider,
  type SubmitHandler,
  useController,
  useForm,
  useFormContext,
  useWatch,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormSection } from '../../components/form-section';
import { type ApiError, isApiError } from '../../lib/api';
import { applyFieldErrors, errorMessageAt } from '../../lib/form-errors';
import { translateValidationMessage } from '../../lib/validation-messages';
import { useUsers } from '../users/queries';
import { userOptionLabel } from '../users/user-label';
import { AddressesFieldset } from './addresses-fieldset';
import { ContactPointsFieldset } from './contact-points-fieldset';
import {
  customerFormResolver,
  NOTHING_LOCKED,
  type TCustomerFormOutput,
  type TCustomerFormValues,
  type TFormMode,
  type TLockedFields,
} from './customer-form-values';
import {
  CUSTOMER_KINDS,
  GENDERS,
  LIFECYCLE_STAGES,
  ORGANIZATION_SIZES,
  OTHER_ID_TYPES,
  SOURCE_CHANNELS,
} from './enums';
import { TagsInput } from './tags-input';

// Server errors for fields this form renders go onto those fields; anything else goes to the banner.
const RENDERED_FIELD = new RegExp(
  [
    '^person\\.(familyName|givenName|gender|birthDate|residentIdNumber|otherIdType|otherIdNumber)$',
    '^organization\\.(legalName|uscc|size)$',
    '^contactPoints\\.\\d+\\.(type|value|label|isPrimary)$',
    '^addresses\\.\\d+\\.(label|countryCode|provinceCode|cityCode|districtCode|postcode|detail|isPrimary)$',
    '^tags(\\.\\d+)?$',
    '^(customerType|industry|sourceChannel|lifecycleStage|ownerId|notes|contractEndDate)$',
  ].join('|'),
);

export type TCustomerFormSubmit = (output: TCustomerFormOutput, values: TCustomerFormValues) => Promise<void>;

type TBanner = { message: string; details: ProblemFieldError[]; isOnFields: boolean };

function bannerKeyFor(error: ApiError): { key: string; detail?: string } {
  if (error.status === 400 || error.status === 422) return { key: 'form.fixErrors' };
  if (error.status === 403) return { key: 'errors.forbidden' };
  if (error.status === 409)
    return { key: 'errors.conflict', detail: error.problem.detail ?? error.problem.title };
  return { key: 'errors.generic' };
}

function ProfileFields({ mode, locked }: { mode: TFormMode; locked: TLockedFields }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const {
    register,
    formState: { errors },
  } = useFormContext<TCustomerFormValues>();
  const kind = useWatch<TCustomerFormValues, 'kind'>({ name: 'kind' });
  const errorAt = (path: string) => translateValidationMessage(t, errorMessageAt(errors, path));
  // The schemas report a person without any name as 'Required' on the family name; either name will do.
  const familyNameError =
    errorMessageAt(errors, 'person.familyName') === 'Required'
      ? t('validation.familyOrGivenName')
      : errorAt('person.familyName');

  if (kind === 'organization') {
    return (
      <div className="form-grid">
        <FormField
          id={id('legalName')}
          label={t('fields.legalName')}
          error={errorAt('organization.legalName')}
          isRequired
          className="form-grid__wide"
        >
          <input
            {...fieldA11y(id('legalName'), errorAt('organization.legalName'))}
            type="text"
            autoComplete="organization"
            {...register('organization.legalName')}
          />
        </FormField>
        <FormField
          id={id('uscc')}
          label={t('fields.uscc')}
          error={errorAt('organization.uscc')}
          hint={t('form.usccHint')}
        >
          <input
            {...fieldA11y(id('uscc'), errorAt('organization.uscc'))}
            type="text"
            autoComplete="off"
            spellCheck={false}
            {...register('organization.uscc')}
          />
        </FormField>
        <FormField id={id('size')} label={t('fields.organizationSize')} error={errorAt('organization.size')}>
          <select {...fieldA11y(id('size'), errorAt('organization.size'))} {...register('organization.size')}>
            <option value="">{t('form.notSpecified')}</option>
            {ORGANIZATION_SIZES.map((size) => (
              <option key={size} value={size}>
                {t(`enums.organizationSize.${size}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
    );
  }

  return (
    <div className="form-grid">
      <FormField
        id={id('familyName')}
        label={t('fields.familyName')}
        error={familyNameError}
        hint={t('form.nameHint')}
      >
        <input
          {...fieldA11y(id('familyName'), familyNameError)}
          type="text"
          autoComplete="family-name"
          {...register('person.familyName')}
        />
      </FormField>
      <FormField id={id('givenName')} label={t('fields.givenName')} error={errorAt('person.givenName')}>
        <input
          {...fieldA11y(id('givenName'), errorAt('person.givenName'))}
          type="text"
          autoComplete="given-name"
          // A given name settles the family name's "one of the two" error, so that field is re-checked.
          {...register('person.givenName', { deps: 'person.familyName' })}
        />
      </FormField>
      <FormField id={id('gender')} label={t('fields.gender')} error={errorAt('person.gender')}>
        <select {...fieldA11y(id('gender'), errorAt('person.gender'))} {...register('person.gender')}>
          {/* A stored gender cannot be cleared, only changed, so "not specified" is offered on creation only. */}
          {mode === 'create' && <option value="">{t('form.notSpecified')}</option>}
          {GENDERS.map((gender) => (
            <option key={gender} value={gender}>
              {t(`enums.gender.${gender}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id={id('birthDate')}
        label={t('fields.birthDate')}
        error={errorAt('person.birthDate')}
        hint={locked.birthDate ? t('form.lockedHint') : undefined}
      >
        {/* A masked birth date (1990-**-**) is no date, so it is shown as plain read-only text. */}
        <input
          {...fieldA11y(id('birthDate'), errorAt('person.birthDate'))}
          type={locked.birthDate ? 'text' : 'date'}
          readOnly={locked.birthDate}
          {...register('person.birthDate')}
        />
      </FormField>
      <FormField
        id={id('residentId')}
        label={t('fields.residentIdNumber')}
        error={errorAt('person.residentIdNumber')}
        hint={locked.residentIdNumber ? t('form.lockedHint') : t('form.residentIdHint')}
        className="form-grid__wide"
      >
        <input
          {...fieldA11y(id('residentId'), errorAt('person.residentIdNumber'))}
          type="text"
          autoComplete="off"
          spellCheck={false}
          readOnly={locked.residentIdNumber}
          {...register('person.residentIdNumber')}
        />
      </FormField>
      <FormField
        id={id('otherIdType')}
        label={t('fields.otherIdType')}
        error={errorAt('person.otherIdType')}
        hint={locked.otherIdNumber ? t('form.lockedHint') : undefined}
      >
        {/* Locked with the number it describes; the value is neither validated nor sent then. */}
        <select
          {...fieldA11y(id('otherIdType'), errorAt('person.otherIdType'))}
          disabled={locked.otherIdNumber}
          {...register('person.otherIdType')}
        >
          <option value="">{t('form.notSpecified')}</option>
          {OTHER_ID_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`enums.otherIdType.${type}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id={id('otherIdNumber')}
        label={t('fields.otherIdNumber')}
        error={errorAt('person.otherIdNumber')}
        hint={locked.otherIdNumber ? t('form.lockedHint') : t('form.otherIdHint')}
      >
        <input
          {...fieldA11y(id('otherIdNumber'), errorAt('person.otherIdNumber'))}
          type="text"
          autoComplete="off"
          spellCheck={false}
          readOnly={locked.otherIdNumber}
          {...register('person.otherIdNumber')}
        />
      </FormField>
    </div>
  );
}

/**
 * Controlled because the staff list arrives after the form mounts: an uncontrolled select would show
 * "no owner" for an owner whose option did not exist yet, while the form still held the owner's id.
 */
function OwnerSelect({ id, error }: { id: string; error: string | undefined }) {
  const { t } = useTranslation();
  const users = useUsers();
  const { field, formState } = useController<TCustomerFormValues, 'ownerId'>({ name: 'ownerId' });
  const initialOwnerId = formState.defaultValues?.ownerId;
  // Owners are salespeople (负责人); the API also refuses owners outside a salesperson's own team.
  const owners = (users.data ?? []).filter((user) => user.roles.includes('sales'));
  return (
    <FormField
      id={id}
      label={t('fields.owner')}
      error={error}
      hint={users.isError ? t('form.ownersUnavailable') : undefined}
    >
      <select
        {...fieldA11y(id, error)}
        ref={field.ref}
        name={field.name}
        value={field.value}
        onChange={(event) => field.onChange(event.target.value)}
        onBlur={field.onBlur}
        disabled={users.isPending || users.isError}
      >
        <option value="">{t('form.noOwner')}</option>
        {initialOwnerId && !owners.some((user) => user.id === initialOwnerId) && (
          <option value={initialOwnerId}>{t('form.currentOwner')}</option>
        )}
        {owners.map((user) => (
          <option key={user.id} value={user.id} disabled={!user.isActive}>
            {userOptionLabel(t, user)}
          </option>
        ))}
      </select>
    </FormField>
  );
}

function ClassificationFields({ mode }: { mode: TFormMode }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<TCustomerFormValues>();
  const errorAt = (path: string) => translateValidationMessage(t, errorMessageAt(errors, path));
  const tags = useWatch<TCustomerFormValues, 'tags'>({ name: 'tags' });
  // A rule on one tag reports at tags.N; the chips have no inputs of their own, so the box shows it.
  const tagsError = errorAt('tags') ?? tags.map((_, index) => errorAt(`tags.${index}`)).find(Boolean);

  return (
    <div className="form-grid">
      <FormField
        id={id('lifecycleStage')}
        label={t('fields.lifecycleStage')}
        error={errorAt('lifecycleStage')}
      >
        <select
          {...fieldA11y(id('lifecycleStage'), errorAt('lifecycleStage'))}
          {...register('lifecycleStage')}
        >
          {LIFECYCLE_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`enums.lifecycleStage.${stage}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={id('sourceChannel')} label={t('fields.sourceChannel')} error={errorAt('sourceChannel')}>
        <select {...fieldA11y(id('sourceChannel'), errorAt('sourceChannel'))} {...register('sourceChannel')}>
          {mode === 'create' && <option value="">{t('form.notSpecified')}</option>}
          {SOURCE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`enums.sourceChannel.${channel}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={id('customerType')} label={t('fields.customerType')} error={errorAt('customerType')}>
        <input
          {...fieldA11y(id('customerType'), errorAt('customerType'))}
          type="text"
          placeholder={t('form.customerTypePlaceholder')}
          {...register('customerType')}
        />
      </FormField>
      <FormField id={id('industry')} label={t('fields.industry')} error={errorAt('industry')}>
        <input
          {...fieldA11y(id('industry'), errorAt('industry'))}
          type="text"
          placeholder={t('form.industryPlaceholder')}
          {...register('industry')}
        />
      </FormField>
      <OwnerSelect id={id('owner')} error={errorAt('ownerId')} />
      <FormField
        id={id('contractEndDate')}
        label={t('fields.contractEndDate')}
        error={errorAt('contractEndDate')}
        hint={t('form.contractEndDateHint')}
      >
        <input
          {...fieldA11y(id('contractEndDate'), errorAt('contractEndDate'))}
          type="date"
          {...register('contractEndDate')}
        />
      </FormField>
      <FormField
        id={id('tags')}
        label={t('fields.tags')}
        error={tagsError}
        hint={t('form.tagsHint')}
        className="form-grid__wide"
      >
        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <TagsInput
              id={id('tags')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={tagsError}
            />
          )}
        />
      </FormField>
      <FormField
        id={id('notes')}
        label={t('fields.notes')}
        error={errorAt('notes')}
        className="form-grid__wide"
      >
        <textarea {...fieldA11y(id('notes'), errorAt('notes'))} rows={4} {...register('notes')} />
      </FormField>
    </div>
  );
}

function KindSwitch({ mode }: { mode: TFormMode }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const { register, getValues } = useFormContext<TCustomerFormValues>();
  // A stored customer's kind is fixed (the API cannot change it), so editing shows it as text; disabled
  // radios would also make react-hook-form read the kind as undefined.
  if (mode === 'edit') {
    return (
      <p className="kind-switch__fixed">
        <span className="kind-switch__label">{t('fields.kind')}</span>
        <span className="badge badge--muted">{t(`enums.kind.${getValues('kind')}`)}</span>
      </p>
    );
  }
  return (
    <fieldset className="kind-switch">
      <legend>{t('fields.kind')}</legend>
      <div className="segmented segmented--large">
        {CUSTOMER_KINDS.map((kind) => (
          <label key={kind} className="segmented__radio" htmlFor={`${idPrefix}-${kind}`}>
            <input id={`${idPrefix}-${kind}`} type="radio" value={kind} {...register('kind')} />
            <span>{t(`enums.kind.${kind}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CustomerForm({
  mode,
  defaultValues,
  locked = NOTHING_LOCKED,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  mode: TFormMode;
  defaultValues: TCustomerFormValues;
  locked?: TLockedFields;
  onSubmit: TCustomerFormSubmit;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<TBanner | null>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const resolver = useMemo(() => customerFormResolver(mode, locked), [mode, locked]);
  const form = useForm<TCustomerFormValues, unknown, TCustomerFormOutput>({
    defaultValues,
    resolver,
    // Errors appear as soon as a field is left, and then follow every keystroke until fixed.
    mode: 'onTouched',
  });
  const {
    handleSubmit,
    setError,
    getValues,
    formState: { isSubmitting },
  } = form;

  const submit: SubmitHandler<TCustomerFormOutput> = async (output) => {
    setBanner(null);
    try {
      await onSubmit(output, getValues());
    } catch (error) {
      if (!isApiError(error)) {
        setBanner({ message: t('errors.network'), details: [], isOnFields: false });
        return;
      }
      const unshown = applyFieldErrors({
        error,
        setError,
        isRenderedField: (path) => RENDERED_FIELD.test(path),
      });
      const { key, detail } = bannerKeyFor(error);
      const isOnFields = (error.problem.errors?.length ?? 0) > unshown.length;
      setBanner({ message: t(key, { detail }), details: unshown, isOnFields });
    }
  };

  // react-hook-form focuses the first invalid field itself; only a problem no field shows needs the
  // banner brought into view, or it would sit above the fold while the user looks at the save button.
  useEffect(() => {
    if (banner && !banner.isOnFields) bannerRef.current?.scrollIntoView({ block: 'center' });
  }, [banner]);

  const onInvalid = () => setBanner({ message: t('form.fixErrors'), details: [], isOnFields: true });

  return (
    <FormProvider {...form}>
      <form className="customer-form" onSubmit={handleSubmit(submit, onInvalid)} noValidate>
        {banner && (
          <div className="banner banner--error" role="alert" ref={bannerRef}>
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
        <FormSection headingId="profile-heading" title={t('customer.profile')}>
          <KindSwitch mode={mode} />
          <ProfileFields mode={mode} locked={locked} />
        </FormSection>
        <ContactPointsFieldset isLocked={locked.contactPoints} />
        <AddressesFieldset isLocked={locked.addresses} />
        <FormSection headingId="classification-heading" title={t('customer.classification')}>
          <ClassificationFields mode={mode} />
        </FormSection>
        <FormActions submitLabel={submitLabel} isSubmitting={isSubmitting} onCancel={onCancel} />
      </form>
    </FormProvider>
  );
}
