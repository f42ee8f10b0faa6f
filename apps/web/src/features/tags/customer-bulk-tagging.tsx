import { useCanCall } from '../auth/roles';
import { BulkTagBar } from './bulk-tag-bar';
import { type TSelectableCustomer, useCustomerSelection } from './customer-selection';

/**
 * Bulk tagging on a customer list, for the roles that may do it: the tick boxes for the table and the bar
 * that tags the ticked rows. `scope` names what the list shows (its filters); a new one clears the ticks.
 */
export function useCustomerBulkTagging(customers: readonly TSelectableCustomer[], scope: string) {
  const canBulkTag = useCanCall('bulkTagCustomers');
  const { selected, rows, clear } = useCustomerSelection(customers, scope);
  return {
    selection: canBulkTag ? rows : undefined,
    // Keyed by the scope, so that other filters start without the last outcome; with the same filters
    // the bar stays mounted when its rows leave the list (untagged from a list filtered by that tag).
    bar: canBulkTag ? <BulkTagBar key={scope} selected={selected} onClear={clear} /> : null,
  };
}
