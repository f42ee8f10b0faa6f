import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/format';
import { fieldA11y } from './form-field';

/**
 * A list of calendar dates (`yyyy-mm-dd`), kept sorted and without repeats: a date box with an add
 * button, and the chosen dates as removable chips. `id` names the date box, for the field's label.
 */
export function DateListInput({
  id,
  value,
  onChange,
  onBlur,
  error,
  listLabel,
}: {
  id: string;
  value: string[];
  onChange: (dates: string[]) => void;
  onBlur: () => void;
  error: string | undefined;
  listLabel: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [draft, setDraft] = useState('');

  const add = () => {
    if (draft === '') return;
    if (!value.includes(draft)) onChange([...value, draft].sort());
    setDraft('');
  };

  return (
    <div className="stack stack--tight">
      <div className="input-with-button">
        <input
          {...fieldA11y(id, error)}
          type="date"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={onBlur}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--small" onClick={add} disabled={draft === ''}>
          {t('dateList.add')}
        </button>
      </div>
      {value.length === 0 ? (
        <p className="muted">{t('dateList.none')}</p>
      ) : (
        <ul className="tag-list" aria-label={listLabel}>
          {value.map((date) => (
            <li key={date} className="tag tag--removable">
              <time dateTime={date}>{format.date(date)}</time>
              <button
                type="button"
                className="tag__remove"
                aria-label={t('dateList.remove', { date: format.date(date) })}
                onClick={() => onChange(value.filter((existing) => existing !== date))}
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
