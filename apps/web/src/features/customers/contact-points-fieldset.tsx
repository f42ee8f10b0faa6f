import type { TContactPointType } from '@cims/schemas';
import { useId } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormSection } from '../../components/form-section';
import { errorMessageAt } from '../../lib/form-errors';
import { translateValidationMessage } from '../../lib/validation-messages';
import { emptyContactPoint, type TCustomerFormValues } from './customer-form-values';
import { CONTACT_POINT_TYPES } from './enums';

const INPUT_TYPES: Record<TContactPointType, { type: string; inputMode: 'tel' | 'email' | 'text' }> = {
  phone: { type: 'tel', inputMode: 'tel' },
  email: { type: 'email', inputMode: 'email' },
  wechat: { type: 'text', inputMode: 'text' },
};

function ContactPointRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const {
    register,
    formState: { errors },
  } = useFormContext<TCustomerFormValues>();
  const type = useWatch<TCustomerFormValues, `contactPoints.${number}.type`>({
    name: `contactPoints.${index}.type`,
  });
  const errorAt = (field: string) =>
    translateValidationMessage(t, errorMessageAt(errors, `contactPoints.${index}.${field}`));
  const ids = {
    type: `${idPrefix}-type`,
    value: `${idPrefix}-value`,
    label: `${idPrefix}-label`,
    isPrimary: `${idPrefix}-primary`,
  };
  const inputType = INPUT_TYPES[type] ?? INPUT_TYPES.phone;

  return (
    <fieldset className="repeat-row">
      <legend className="visually-hidden">{t('form.contactPointN', { n: index + 1 })}</legend>
      <div className="repeat-row__grid repeat-row__grid--contact">
        <FormField id={ids.type} label={t('fields.contactPointType')} error={errorAt('type')}>
          <select {...fieldA11y(ids.type, errorAt('type'))} {...register(`contactPoints.${index}.type`)}>
            {CONTACT_POINT_TYPES.map((option) => (
              <option key={option} value={option}>
                {t(`enums.contactPointType.${option}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={ids.value} label={t(`form.valueLabel.${type}`)} error={errorAt('value')} isRequired>
          <input
            {...fieldA11y(ids.value, errorAt('value'))}
            type={inputType.type}
            inputMode={inputType.inputMode}
            autoComplete="off"
            {...register(`contactPoints.${index}.value`)}
          />
        </FormField>
        <FormField id={ids.label} label={t('fields.contactPointLabel')} error={errorAt('label')}>
          <input
            {...fieldA11y(ids.label, errorAt('label'))}
            type="text"
            placeholder={t('form.contactPointLabelPlaceholder')}
            {...register(`contactPoints.${index}.label`)}
          />
        </FormField>
        <div className="field field--inline">
          <input
            {...fieldA11y(ids.isPrimary, errorAt('isPrimary'))}
            type="checkbox"
            {...register(`contactPoints.${index}.isPrimary`)}
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
            {t('form.removeContactPoint', { n: index + 1 })}
          </button>
        </div>
      </div>
    </fieldset>
  );
}

/** The contact points as the viewer may see them (masked), when they may not be edited here. */
function LockedContactPoints() {
  const { t } = useTranslation();
  const { getValues } = useFormContext<TCustomerFormValues>();
  return (
    <>
      <p className="muted">{t('form.lockedListHint')}</p>
      <ul className="item-list">
        {getValues('contactPoints').map((point, index) => (
          // The values are masked and may repeat, and this list never reorders, so the position is the key.
          <li key={index} className="item-list__item">
            <span className="item-list__kind">{t(`enums.contactPointType.${point.type}`)}</span>
            <span className="item-list__value">
              {point.value}
              {point.label && <span className="muted"> · {point.label}</span>}
            </span>
            {point.isPrimary && <span className="badge badge--primary">{t('fields.isPrimary')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ContactPointsFieldset({ isLocked = false }: { isLocked?: boolean }) {
  const { t } = useTranslation();
  const {
    control,
    formState: { errors },
  } = useFormContext<TCustomerFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'contactPoints' });
  const listError = translateValidationMessage(
    t,
    errors.contactPoints?.root?.message ?? errors.contactPoints?.message,
  );

  if (isLocked) {
    return (
      <FormSection headingId="contact-points-heading" title={t('customer.contactPoints')}>
        <LockedContactPoints />
      </FormSection>
    );
  }

  return (
    <FormSection headingId="contact-points-heading" title={t('customer.contactPoints')}>
      {fields.length === 0 && <p className="muted">{t('form.noContactPoints')}</p>}
      {fields.map((field, index) => (
        <ContactPointRow key={field.id} index={index} onRemove={() => remove(index)} />
      ))}
      {listError && (
        <p className="field__error" role="alert">
          {listError}
        </p>
      )}
      <div className="button-row">
        {CONTACT_POINT_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="button button--small"
            onClick={() => append(emptyContactPoint(type))}
          >
            {t(`form.add.${type}`)}
          </button>
        ))}
      </div>
    </FormSection>
  );
}
