import { listCities, listProvinces } from '@cims/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldA11y } from '../../components/form-field';
import { TagsInput } from '../customers/tags-input';
import { useUsers } from '../users/queries';
import { userOptionLabel } from '../users/user-label';
import { ChoiceListInput, type TChoice } from './choice-list-input';
import type { TFieldNode } from './rule-tree';
import { enumOptionsOf, isListOperator, provinceOfCity, regionLabel, valueKindOf } from './segment-fields';

const PROVINCE_CHOICES: readonly TChoice[] = listProvinces().map((region) => ({
  value: region.code,
  label: region.name,
}));

/** The value box of a field condition, suited to the field: a list for `in`/`not_in`, else one value. */
export function FieldValueInput({
  id,
  node,
  error,
  onChange,
}: {
  id: string;
  node: TFieldNode;
  error: string | undefined;
  onChange: (change: Pick<TFieldNode, 'value'> | Pick<TFieldNode, 'values'>) => void;
}) {
  const { t } = useTranslation();
  const kind = valueKindOf(node.field);
  const isList = isListOperator(node.operator);
  const users = useUsers();
  const [province, setProvince] = useState(() => {
    const city = node.values[0] ?? node.value;
    return city ? provinceOfCity(city) : '';
  });

  let choices: readonly TChoice[] | null = null;
  if (kind === 'enum')
    choices = enumOptionsOf(node.field).map((option) => ({
      value: option.value,
      label: option.labelKey ? t(option.labelKey) : option.value,
    }));
  if (kind === 'province') choices = PROVINCE_CHOICES;
  if (kind === 'city')
    choices = province
      ? listCities(province).map((region) => ({ value: region.code, label: region.name }))
      : [];
  if (kind === 'owner')
    choices = (users.data ?? []).map((user) => ({ value: user.id, label: userOptionLabel(t, user) }));

  const picker = (() => {
    if (choices && isList)
      return (
        <ChoiceListInput
          id={id}
          value={node.values}
          options={choices}
          error={error}
          labelOf={regionLabel}
          onChange={(values) => onChange({ values })}
        />
      );
    if (choices)
      return (
        <select
          {...fieldA11y(id, error)}
          value={node.value}
          onChange={(event) => onChange({ value: event.target.value })}
        >
          <option value="">—</option>
          {choices.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    if (isList)
      return (
        <TagsInput
          id={id}
          value={node.values}
          error={error}
          listLabel={t('segments.builder.values')}
          placeholder={t('segments.builder.textValuesPlaceholder')}
          onChange={(values) => onChange({ values })}
          onBlur={() => undefined}
        />
      );
    const type = kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text';
    return (
      <input
        {...fieldA11y(id, error)}
        type={type}
        inputMode={kind === 'number' ? 'numeric' : undefined}
        value={node.value}
        onChange={(event) => onChange({ value: event.target.value })}
      />
    );
  })();

  if (kind !== 'city') return picker;
  // Cities are picked within a province, as in the customer filters; the province is not part of the rule.
  return (
    <div className="stack stack--tight">
      <select
        aria-label={t('segments.builder.provinceOfCity')}
        value={province}
        onChange={(event) => setProvince(event.target.value)}
      >
        <option value="">{t('segments.builder.provinceOfCity')}</option>
        {PROVINCE_CHOICES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {picker}
    </div>
  );
}
