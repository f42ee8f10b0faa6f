import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCard, formFieldError } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { useDefineTag } from './queries';
import {
  TAG_DESCRIPTION_MAX,
  TAG_KINDS,
  TAG_NAME_MAX,
  type TTag,
  type TTagFormValues,
  tagFormValuesOf,
  tagInputOf,
} from './tag-values';

/**
 * Defines a tag: a new one (named here), one in use that nobody defined yet, or a defined one whose
 * colour, description or kind changes. The customers carrying it are not touched.
 */
export function TagForm({
  tag,
  definedNames,
  onDone,
}: {
  /** The tag to (re)define; null for a new one. */
  tag: TTag | null;
  /** Names already defined, which a new tag may not take (it would overwrite their definition). */
  definedNames: ReadonlySet<string>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const define = useDefineTag();
  const form = useForm<TTagFormValues>({ defaultValues: tagFormValuesOf(tag) });
  const { register } = form;
  const error = (name: keyof TTagFormValues) => formFieldError(t, form, name);

  const onSubmit = async (values: TTagFormValues) => {
    await define.mutateAsync({ name: tag?.name ?? values.name.trim(), body: tagInputOf(values) });
    onDone();
  };

  const title = !tag
    ? t('tags.form.newTitle')
    : tag.isDefined
      ? t('tags.form.editTitle', { name: tag.name })
      : t('tags.form.defineTitle', { name: tag.name });

  return (
    <FormCard
      form={form}
      headingId={`${id}-heading`}
      title={title}
      submitLabel={t('tags.form.save')}
      onSubmit={onSubmit}
      onCancel={onDone}
    >
      {!tag && (
        <FormField id={`${id}-name`} label={t('tags.name')} error={error('name')} isRequired>
          <input
            {...fieldA11y(`${id}-name`, error('name'))}
            type="text"
            maxLength={TAG_NAME_MAX}
            {...register('name', {
              validate: (name) => {
                const trimmed = name.trim();
                if (trimmed === '') return 'Required';
                if (definedNames.has(trimmed)) return t('tags.form.nameTaken');
                return true;
              },
            })}
          />
        </FormField>
      )}
      <FormField id={`${id}-color`} label={t('tags.color')} error={error('color')}>
        <input {...fieldA11y(`${id}-color`, error('color'))} type="color" {...register('color')} />
      </FormField>
      <FormField
        id={`${id}-kind`}
        label={t('tags.kind')}
        error={error('kind')}
        hint={t('tags.form.kindHint')}
      >
        <select {...fieldA11y(`${id}-kind`, error('kind'))} {...register('kind')}>
          {TAG_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`tags.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id={`${id}-description`}
        label={t('tags.description')}
        error={error('description')}
        className="form-grid__wide"
      >
        <textarea
          {...fieldA11y(`${id}-description`, error('description'))}
          rows={2}
          maxLength={TAG_DESCRIPTION_MAX}
          {...register('description')}
        />
      </FormField>
    </FormCard>
  );
}
