import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from './access-options';

/** A fieldset of one checkbox per staff role, all registered as one react-hook-form array field. */
export function StaffRoleCheckboxes({
  id,
  legend,
  hint,
  error,
  registration,
  className,
}: {
  id: string;
  legend: string;
  hint?: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
  /** Classes beside `field`, e.g. `form-grid__wide`. */
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      className={className ? `field ${className}` : 'field'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div className="button-row">
        {STAFF_ROLES.map((role) => (
          <label key={role} className="checkbox-label">
            <input type="checkbox" value={role} {...registration} />
            <span>{t(`enums.staffRole.${role}`)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
