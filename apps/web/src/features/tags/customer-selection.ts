import { useState } from 'react';

export type TSelectableCustomer = { id: string; displayName: string; tags: readonly string[] };

/** The rows of a table that may be ticked, and what ticking one or all of them does. */
export type TRowSelection = {
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  /** Ticks every row shown, or clears them all when every one is ticked already. */
  toggleAll: () => void;
  state: 'none' | 'some' | 'all';
};

/** The ticked customers among those shown, in the order shown. */
export function selectedAmong<T extends { id: string }>(shown: readonly T[], ids: ReadonlySet<string>): T[] {
  return shown.filter((customer) => ids.has(customer.id));
}

/**
 * Ticks kept by id over a list that pages and refetches. A row that leaves the list (removed by a filter
 * or a refetch) drops out of the selection rather than being tagged unseen, and a different `scope` (the
 * filters) starts over with nothing ticked.
 */
export function useCustomerSelection<T extends TSelectableCustomer>(shown: readonly T[], scope: string) {
  const [ticked, setTicked] = useState<{ scope: string; ids: ReadonlySet<string> }>({
    scope,
    ids: new Set(),
  });
  const ids = ticked.scope === scope ? ticked.ids : new Set<string>();
  const selected = selectedAmong(shown, ids);
  const selectedIds = new Set(selected.map((customer) => customer.id));

  const replace = (next: ReadonlySet<string>) => setTicked({ scope, ids: next });
  const rows: TRowSelection = {
    isSelected: (id) => selectedIds.has(id),
    toggle: (id) => {
      const next = new Set(selectedIds);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      replace(next);
    },
    toggleAll: () =>
      replace(selected.length === shown.length ? new Set() : new Set(shown.map((customer) => customer.id))),
    state: selected.length === 0 ? 'none' : selected.length === shown.length ? 'all' : 'some',
  };
  return { selected, rows, clear: () => replace(new Set()) };
}
