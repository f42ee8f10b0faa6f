import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRowSelection } from './customer-selection';

/** The heading cell that ticks every row shown, half-ticked while only some are. */
export function SelectAllCell({ selection }: { selection: TRowSelection }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  // `indeterminate` exists as a property only, not as an attribute React could set.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selection.state === 'some';
  }, [selection.state]);
  return (
    <th scope="col">
      <input
        ref={ref}
        type="checkbox"
        aria-label={t('tags.bulk.selectAll')}
        checked={selection.state === 'all'}
        onChange={selection.toggleAll}
      />
    </th>
  );
}

/** A row's tick box, named by the customer it selects. */
export function SelectRowCell({
  selection,
  id,
  displayName,
}: {
  selection: TRowSelection;
  id: string;
  displayName: string;
}) {
  const { t } = useTranslation();
  return (
    <td data-label={t('tags.bulk.select')}>
      <input
        type="checkbox"
        aria-label={t('tags.bulk.selectRow', { name: displayName })}
        checked={selection.isSelected(id)}
        onChange={() => selection.toggle(id)}
      />
    </td>
  );
}
