import { useTranslation } from 'react-i18next';
import { comparisonFieldLabel, formatWeight } from './duplicate-format';
import type { TFieldComparison } from './queries';

/** Why the engine paired two records: one chip per compared field, e.g. "电话 +3", coloured by verdict. */
export function MatchExplanation({ comparisons }: { comparisons: readonly TFieldComparison[] }) {
  const { t } = useTranslation();
  if (comparisons.length === 0) return null;
  return (
    <ul className="chip-list" aria-label={t('duplicates.explanation')}>
      {comparisons.map((comparison) => (
        <li
          key={`${comparison.field}:${comparison.verdict}`}
          className={`chip chip--${comparison.verdict}`}
          title={t(`duplicates.verdicts.${comparison.verdict}`)}
        >
          <span>{comparisonFieldLabel(t, comparison.field)}</span>
          <span className="visually-hidden">{t(`duplicates.verdicts.${comparison.verdict}`)}</span>
          <span className="chip__weight">{formatWeight(comparison.weight)}</span>
        </li>
      ))}
    </ul>
  );
}
