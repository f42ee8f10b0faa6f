/**
 * Folding one record's contact points and addresses into another's, as an upsert, a merge of a duplicate
 * at entry and a merge of two stored customers all do: nothing is dropped, what the target has already is
 * not repeated, and an added item becomes primary only where the target has none of its kind.
 */
import type { AddressInsert, ContactPointInsert } from './repo';

export interface Added<T> {
  item: T;
  /** Its index in `all`. */
  position: number;
  isPrimary: boolean;
}

const isSamePoint = (a: ContactPointInsert, b: ContactPointInsert) =>
  a.type === b.type && a.value === b.value;

const isSameAddress = (a: AddressInsert, b: AddressInsert) =>
  a.countryCode === b.countryCode &&
  (a.postcode ?? null) === (b.postcode ?? null) &&
  (a.provinceCode ?? null) === (b.provinceCode ?? null) &&
  (a.cityCode ?? null) === (b.cityCode ?? null) &&
  (a.districtCode ?? null) === (b.districtCode ?? null) &&
  a.detail === b.detail;

/** `current` plus every incoming point it lacks (same type and value), each primary if first of its type. */
export function addMissingContactPoints<T extends ContactPointInsert>(
  current: readonly T[],
  incoming: readonly T[],
) {
  const all: T[] = [...current];
  const added: Added<T>[] = [];
  for (const item of incoming) {
    if (all.some((p) => isSamePoint(p, item))) continue;
    const isPrimary = !all.some((p) => p.type === item.type);
    added.push({ item, position: all.length, isPrimary });
    all.push({ ...item, isPrimary });
  }
  return { all, added };
}

/** `current` plus every incoming address it lacks (same region and detail); primary only if the first. */
export function addMissingAddresses<T extends AddressInsert>(current: readonly T[], incoming: readonly T[]) {
  const all: T[] = [...current];
  const added: Added<T>[] = [];
  for (const item of incoming) {
    if (all.some((a) => isSameAddress(a, item))) continue;
    const isPrimary = all.length === 0;
    added.push({ item, position: all.length, isPrimary });
    all.push({ ...item, isPrimary });
  }
  return { all, added };
}
