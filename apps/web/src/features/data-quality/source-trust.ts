/**
 * The source trust order is a ranking, edited by moving one channel up or down a place. Channels the
 * setting does not name yet (added to the contract later) are appended, least trusted, so that each can
 * still be placed.
 */
export function completeTrustOrder<T extends string>(order: readonly T[], every: readonly T[]): T[] {
  return [...order, ...every.filter((item) => !order.includes(item))];
}

/** The list with the item at `index` moved `offset` places; a move past either end changes nothing. */
export function moveItem<T>(items: readonly T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1) as [T];
  next.splice(target, 0, item);
  return next;
}
