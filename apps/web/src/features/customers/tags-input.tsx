import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldA11y } from '../../components/form-field';

// The ideographic comma is what a Chinese IME types for ','; both separate tags.
const SEPARATORS = /[,，、]/;

export function TagsInput({
  id,
  value,
  onChange,
  onBlur,
  error,
  listLabel,
  placeholder,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  onBlur: () => void;
  error: string | undefined;
  /** For lists of other words than tags (a segment rule's values); the default names tags. */
  listLabel?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');

  const commit = (text: string) => {
    const additions = text
      .split(SEPARATORS)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '' && !value.includes(tag));
    if (additions.length > 0) onChange([...value, ...new Set(additions)]);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter while an IME is composing confirms the composition, not the tag.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className={`tags-input${error ? ' tags-input--invalid' : ''}`}>
      {value.length > 0 && (
        <ul className="tag-list" aria-label={listLabel ?? t('fields.tags')}>
          {value.map((tag) => (
            <li key={tag} className="tag tag--removable">
              {tag}
              <button
                type="button"
                className="tag__remove"
                aria-label={t('form.removeTag', { tag })}
                onClick={() => onChange(value.filter((existing) => existing !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        {...fieldA11y(id, error)}
        type="text"
        value={draft}
        placeholder={placeholder ?? t('form.tagsPlaceholder')}
        onChange={(event) => {
          const text = event.target.value;
          if (SEPARATORS.test(text)) commit(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft.trim() !== '') commit(draft);
          onBlur();
        }}
      />
    </div>
  );
}
