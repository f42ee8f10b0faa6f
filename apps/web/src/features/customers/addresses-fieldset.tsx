import {
  HOME_COUNTRY,
  listCities,
  listDistricts,
  listProvinces,
  parseChineseAddress,
  type TRegion,
} from '@cims/schemas';
import { useId, useState } from 'react';
import { useController, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormSection } from '../../components/form-section';
import { errorMessageAt } from '../../lib/form-errors';
import { useUiLocale } from '../../lib/format';
import { translateValidationMessage } from '../../lib/validation-messages';
import { formatAddressPlace } from './address-format';
import { CountryOptions } from './country-options';
import { emptyAddress, type TCustomerFormValues } from './customer-form-values';

const SET_OPTIONS = { shouldDirty: true, shouldTouch: true, shouldValidate: true } as const;

function AddressPaste({ index }: { index: number }) {
  const { t } = useTranslation();
  const id = useId();
  const { setValue } = useFormContext<TCustomerFormValues>();
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');

  const recognise = () => {
    if (text.trim() === '') return;
    const parsed = parseChineseAddress(text);
    if (!parsed.provinceCode) {
      setStatus(t('form.paste.notRecognised'));
      return;
    }
    setValue(`addresses.${index}.provinceCode`, parsed.provinceCode, SET_OPTIONS);
    setValue(`addresses.${index}.cityCode`, parsed.cityCode ?? '', SET_OPTIONS);
    setValue(`addresses.${index}.districtCode`, parsed.districtCode ?? '', SET_OPTIONS);
    if (parsed.detail !== '') setValue(`addresses.${index}.detail`, parsed.detail, SET_OPTIONS);
    setStatus(t('form.paste.recognised'));
    setText('');
  };

  return (
    <div className="address-paste">
      <div className="field">
        <label htmlFor={id}>{t('form.paste.label')}</label>
        <div className="input-with-button">
          <input
            id={id}
            type="text"
            value={text}
            placeholder={t('form.paste.placeholder')}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Enter here means "recognise", not "submit the whole form".
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                event.preventDefault();
                recognise();
              }
            }}
          />
          <button
            type="button"
            className="button button--small"
            onClick={recognise}
            disabled={text.trim() === ''}
          >
            {t('form.paste.button')}
          </button>
        </div>
      </div>
      <p className="field__hint" role="status">
        {status}
      </p>
    </div>
  );
}

type TRegionField =
  | `addresses.${number}.provinceCode`
  | `addresses.${number}.cityCode`
  | `addresses.${number}.districtCode`;

/**
 * Controlled rather than registered: the paste box sets a city in the same update that changes the
 * province, before the city's options exist, and an uncontrolled select would drop a value it has no
 * option for.
 */
function RegionSelect({
  id,
  label,
  name,
  regions,
  error,
  isRequired = false,
  onPicked,
}: {
  id: string;
  label: string;
  name: TRegionField;
  regions: readonly TRegion[];
  error: string | undefined;
  isRequired?: boolean;
  onPicked?: () => void;
}) {
  const { t } = useTranslation();
  const { field } = useController<TCustomerFormValues, TRegionField>({ name });
  return (
    <FormField id={id} label={label} error={error} isRequired={isRequired}>
      <select
        {...fieldA11y(id, error)}
        ref={field.ref}
        name={field.name}
        value={field.value}
        disabled={regions.length === 0}
        onBlur={field.onBlur}
        onChange={(event) => {
          field.onChange(event.target.value);
          onPicked?.();
        }}
      >
        <option value="">{t('form.choose')}</option>
        {regions.map((region) => (
          <option key={region.code} value={region.code}>
            {region.name}
          </option>
        ))}
      </select>
    </FormField>
  );
}

function CountrySelect({
  id,
  index,
  countryCode,
  error,
}: {
  id: string;
  index: number;
  countryCode: string;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const { register } = useFormContext<TCustomerFormValues>();
  return (
    <FormField id={id} label={t('fields.country')} error={error} isRequired>
      <select
        {...fieldA11y(id, error)}
        // What a valid postcode looks like depends on the country.
        {...register(`addresses.${index}.countryCode`, { deps: `addresses.${index}.postcode` })}
      >
        <CountryOptions currentCode={countryCode} />
      </select>
    </FormField>
  );
}

/** Province, city and district (GB/T 2260) for an address in China, with the paste box that fills them. */
function ChineseRegionFields({
  index,
  idPrefix,
  errorAt,
}: {
  index: number;
  idPrefix: string;
  errorAt: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { setValue } = useFormContext<TCustomerFormValues>();
  const [provinceCode, cityCode] = useWatch<
    TCustomerFormValues,
    [`addresses.${number}.provinceCode`, `addresses.${number}.cityCode`]
  >({ name: [`addresses.${index}.provinceCode`, `addresses.${index}.cityCode`] });
  const cities = provinceCode ? listCities(provinceCode) : [];
  const districts = cityCode ? listDistricts(cityCode) : [];
  return (
    <>
      <AddressPaste index={index} />
      <div className="repeat-row__grid repeat-row__grid--region">
        <RegionSelect
          id={`${idPrefix}-province`}
          label={t('fields.province')}
          name={`addresses.${index}.provinceCode`}
          regions={listProvinces()}
          error={errorAt('provinceCode')}
          isRequired
          onPicked={() => {
            setValue(`addresses.${index}.cityCode`, '', { shouldDirty: true });
            setValue(`addresses.${index}.districtCode`, '', { shouldDirty: true });
          }}
        />
        <RegionSelect
          id={`${idPrefix}-city`}
          label={t('fields.city')}
          name={`addresses.${index}.cityCode`}
          regions={cities}
          error={errorAt('cityCode')}
          onPicked={() => setValue(`addresses.${index}.districtCode`, '', { shouldDirty: true })}
        />
        <RegionSelect
          id={`${idPrefix}-district`}
          label={t('fields.district')}
          name={`addresses.${index}.districtCode`}
          regions={districts}
          error={errorAt('districtCode')}
        />
      </div>
    </>
  );
}

function AddressRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const {
    register,
    formState: { errors },
  } = useFormContext<TCustomerFormValues>();
  const countryCode = useWatch<TCustomerFormValues, `addresses.${number}.countryCode`>({
    name: `addresses.${index}.countryCode`,
  });
  const isAtHome = countryCode === HOME_COUNTRY;
  const errorAt = (field: string) =>
    translateValidationMessage(t, errorMessageAt(errors, `addresses.${index}.${field}`));
  const ids = {
    country: `${idPrefix}-country`,
    postcode: `${idPrefix}-postcode`,
    detail: `${idPrefix}-detail`,
    label: `${idPrefix}-label`,
    isPrimary: `${idPrefix}-primary`,
  };

  return (
    <fieldset className="repeat-row">
      <legend className="visually-hidden">{t('form.addressN', { n: index + 1 })}</legend>
      <div className="repeat-row__grid repeat-row__grid--country">
        <CountrySelect
          id={ids.country}
          index={index}
          countryCode={countryCode}
          error={errorAt('countryCode')}
        />
        <FormField id={ids.postcode} label={t('fields.postcode')} error={errorAt('postcode')}>
          <input
            {...fieldA11y(ids.postcode, errorAt('postcode'))}
            type="text"
            autoComplete="off"
            inputMode={isAtHome ? 'numeric' : 'text'}
            {...register(`addresses.${index}.postcode`)}
          />
        </FormField>
      </div>
      {isAtHome && <ChineseRegionFields index={index} idPrefix={idPrefix} errorAt={errorAt} />}
      <div className="repeat-row__grid repeat-row__grid--address">
        <FormField
          id={ids.detail}
          label={t('fields.addressDetail')}
          error={errorAt('detail')}
          hint={isAtHome ? undefined : t('form.foreignAddressDetailHint')}
          isRequired
        >
          <input
            {...fieldA11y(ids.detail, errorAt('detail'))}
            type="text"
            autoComplete="off"
            {...register(`addresses.${index}.detail`)}
          />
        </FormField>
        <FormField id={ids.label} label={t('fields.addressLabel')} error={errorAt('label')}>
          <input
            {...fieldA11y(ids.label, errorAt('label'))}
            type="text"
            placeholder={t('form.addressLabelPlaceholder')}
            {...register(`addresses.${index}.label`)}
          />
        </FormField>
        <div className="field field--inline">
          <input
            {...fieldA11y(ids.isPrimary, errorAt('isPrimary'))}
            type="checkbox"
            {...register(`addresses.${index}.isPrimary`)}
          />
          <label htmlFor={ids.isPrimary}>{t('fields.isPrimary')}</label>
          {errorAt('isPrimary') && (
            <p id={`${ids.isPrimary}-error`} className="field__error" role="alert">
              {errorAt('isPrimary')}
            </p>
          )}
        </div>
        <div className="repeat-row__remove">
          <button type="button" className="button button--ghost button--small" onClick={onRemove}>
            {t('form.removeAddress', { n: index + 1 })}
          </button>
        </div>
      </div>
    </fieldset>
  );
}

/** The addresses as the viewer may see them (detail masked), when they may not be edited here. */
function LockedAddresses() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { getValues } = useFormContext<TCustomerFormValues>();
  return (
    <>
      <p className="muted">{t('form.lockedListHint')}</p>
      <ul className="item-list">
        {getValues('addresses').map((address, index) => (
          // The details are masked and may repeat, and this list never reorders, so the position is the key.
          <li key={index} className="item-list__item">
            <span className="item-list__kind">{address.label || t('customer.address')}</span>
            <span className="item-list__value">
              {formatAddressPlace(address, locale)}
              <br />
              {address.detail || '—'}
            </span>
            {address.isPrimary && <span className="badge badge--primary">{t('fields.isPrimary')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function AddressesFieldset({ isLocked = false }: { isLocked?: boolean }) {
  const { t } = useTranslation();
  const {
    control,
    formState: { errors },
  } = useFormContext<TCustomerFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'addresses' });
  const listError = translateValidationMessage(
    t,
    errors.addresses?.root?.message ?? errors.addresses?.message,
  );

  if (isLocked) {
    return (
      <FormSection headingId="addresses-heading" title={t('customer.addresses')}>
        <LockedAddresses />
      </FormSection>
    );
  }

  return (
    <FormSection headingId="addresses-heading" title={t('customer.addresses')}>
      {fields.length === 0 && <p className="muted">{t('form.noAddresses')}</p>}
      {fields.map((field, index) => (
        <AddressRow key={field.id} index={index} onRemove={() => remove(index)} />
      ))}
      {listError && (
        <p className="field__error" role="alert">
          {listError}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={() => append({ ...emptyAddress(), isPrimary: fields.length === 0 })}
        >
          {t('form.addAddress')}
        </button>
      </div>
    </FormSection>
  );
}
