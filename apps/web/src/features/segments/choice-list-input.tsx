import { useTranslation } from 'react-i18next';
import { fieldA11y } from '../../components/form-field';

export type TChoice = { value: string; label: string };

/**
 * Several values from a list, for `in`/`not_in`: the chosen ones as removable chips and a select that
 * adds one more. Unlike a `<select multiple>` it works the same with a mouse, a keyboard and a phone.
 * `labelOf` names chosen values the options do not list (a city of another province).
 */
export function ChoiceListInput({
  id,
  value,
  options,
  onChange,
  error,
  labelOf,
}: {
  id: string;
  value: readonly string[];
  options: readonly TChoice[];
  onChange: (values: string[]) => void;
  error: string | undefined;
  labelOf?: (value: string) => string;
}) {
  const { t } = useTranslation();
  const nameOf = (item: string) =>
    options.find((option) => option.value === item)?.label ?? labelOf?.(item) ?? item;
  const remaining = options.filter((option) => !value.includes(option.value));
  return (
    <div className="stack stack--tight">
      <select
        {...fieldA11y(id, error)}
        value=""
        onChange={(event) => {
          if (event.target.value !== '') onChange([...value, event.target.value]);
        }}
      >
        <option value="">{t('segments.builder.addValue')}</option>
        {remaining.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {value.length === 0 ? (
        <p className="muted">{t('segments.builder.noValues')}</p>
      ) : (
        <ul className="tag-list" aria-label={t('segments.builder.values')}>
          {value.map((item) => (
            <li key={item} className="tag tag--removable">
              {nameOf(item)}
              <button
                type="button"
                className="tag__remove"
                aria-label={t('segments.builder.removeValue', { value: nameOf(item) })}
                onClick={() => onChange(value.filter((existing) => existing !== item))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
