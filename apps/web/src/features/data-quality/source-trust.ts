/**
 * The source trust order is a ranking, edited by moving one channel up or down a place. Channels the
 * setting does not name yet (added to the contract later) are appended, least trusted, so that each can
 * still be placed.
 */
export function completeTrustOrder<T extends string>(order: readonly T[], every: readonly T[]): T[] {
  return [...order, ...every.filter((item) => !order.includes(item))];
}
