import { useTranslation } from 'react-i18next';
import { useCustomer } from '../customers/queries';
import { useUsers } from '../users/queries';
import type { TWorkOrderFilters } from './queries';

type TChipKey = 'assignee' | 'customerId';

/**
 * The filters a link can set that the filter bar has no control for (one assignee, one customer), as
 * removable chips, so that a narrowed list always says why and can be widened again.
 */
export function WorkOrderFilterChips({
  filters,
  onRemove,
}: {
  filters: TWorkOrderFilters;
  onRemove: (key: TChipKey) => void;
}) {
  const { t } = useTranslation();
  if (!filters.assignee && !filters.customerId) return null;
  return (
    <ul className="tag-list" aria-label={t('workOrders.filterChips')}>
      {filters.assignee && <AssigneeChip id={filters.assignee} onRemove={() => onRemove('assignee')} />}
      {filters.customerId && <CustomerChip id={filters.customerId} onRemove={() => onRemove('customerId')} />}
    </ul>
  );
}

function Chip({ text, onRemove }: { text: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="tag tag--removable">
      {text}
      <button
        type="button"
        className="tag__remove"
        aria-label={t('workOrders.removeFilter', { filter: text })}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  );
}

function AssigneeChip({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { t } = useTranslation();
  // Roles that may not list staff get a 403 here and see the id's start instead of a name.
  const users = useUsers();
  const name = users.data?.find((user) => user.id === id)?.displayName;
  return <Chip text={`${t('workOrders.assignee')}: ${name ?? id.slice(0, 8)}`} onRemove={onRemove} />;
}

function CustomerChip({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { t } = useTranslation();
  const customer = useCustomer(id);
  return (
    <Chip
      text={`${t('workOrders.customer')}: ${customer.data?.displayName ?? id.slice(0, 8)}`}
      onRemove={onRemove}
    />
  );
}
