/**
 * The matching engine: blocking (customers are compared only when they share a key — a phone, an email,
 * an identifier, a name in a city, a name's sound with a birth date — so the work grows with the data, not
 * with its square), scoring of the candidate pairs, and classification by two thresholds into auto-merge,
 * review and distinct. Clusters are the connected components of the auto-merge pairs.
 */
import { comparePair, type PairScore } from './compare';
import type { MatchRecord } from './match-record';

export interface MatchThresholds {
  /** At or above: the same customer, merged without asking. */
  autoMerge: number;
  /** At or above (and below autoMerge): shown in the review queue. */
  review: number;
}

export const defaultThresholds: MatchThresholds = { autoMerge: 6, review: 2 };

export interface ScoredPair extends PairScore {
  a: string;
  b: string;
  decision: 'auto_merge' | 'review';
}

// A key shared by more customers than this says little (a common name in a big city): skip the block.
const maxBlockSize = 300;

function blockingKeys(record: MatchRecord): string[] {
  const keys: string[] = [];
  for (const phone of record.phones) keys.push(`p:${phone}`);
  for (const email of record.emails) keys.push(`e:${email}`);
  if (record.residentId) keys.push(`i:${record.residentId.slice(0, 14)}`, `j:${record.residentId.slice(6)}`);
  if (record.uscc) keys.push(`u:${record.uscc}`);
  if (record.otherId) keys.push(`o:${record.otherId}`);
  const sound = record.nameSound;
  if (record.cityCode) keys.push(`nc:${sound}:${record.cityCode}`);
  if (record.birthDate) keys.push(`nb:${sound}:${record.birthDate}`);
  if (record.postcode) keys.push(`np:${sound}:${record.postcode}`);
  if (record.addressDetail) keys.push(`na:${sound}:${record.addressDetail}`);
  if (record.kind === 'organization') keys.push(`oc:${record.nameCore}`);
  // Names in words (Latin script): each word with the birth year, so one mistyped word still meets.
  const words = record.name.split(' ').filter((word) => word.length > 1);
  if (words.length > 1 && record.birthDate) {
    for (const word of words) keys.push(`wy:${word}:${record.birthDate.slice(0, 4)}`);
  }
  if (record.birthDate && record.postcode) keys.push(`bp:${record.birthDate}:${record.postcode}`);
  return keys;
}

export function candidatePairs(records: MatchRecord[]): [number, number][] {
  const blocks = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const key of blockingKeys(record)) {
      const members = blocks.get(key);
      if (!members) blocks.set(key, [index]);
      else if (members.length <= maxBlockSize) members.push(index);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const stride = records.length;
  for (const members of blocks.values()) {
    if (members.length < 2 || members.length > maxBlockSize) continue;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] as number;
        const b = members[j] as number;
        const key = a < b ? a * stride + b : b * stride + a;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push(a < b ? [a, b] : [b, a]);
      }
    }
  }
  return pairs;
}

/** The pair scored and classified; null below the review threshold (distinct). */
export function scorePair(
  a: MatchRecord,
  b: MatchRecord,
  thresholds: MatchThresholds = defaultThresholds,
): ScoredPair | null {
  const scored = comparePair(a, b);
  if (scored.score < thresholds.review) return null;
  return {
    a: a.id,
    b: b.id,
    ...scored,
    decision: scored.score >= thresholds.autoMerge ? 'auto_merge' : 'review',
  };
}

export function findMatches(
  records: MatchRecord[],
  thresholds: MatchThresholds = defaultThresholds,
): ScoredPair[] {
  const result: ScoredPair[] = [];
  for (const [i, j] of candidatePairs(records)) {
    const pair = scorePair(records[i] as MatchRecord, records[j] as MatchRecord, thresholds);
    if (pair) result.push(pair);
  }
  return result;
}

/** Groups of ids joined by auto-merge pairs (union-find). */
export function clustersOf(pairs: ScoredPair[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  for (const pair of pairs) {
    if (pair.decision !== 'auto_merge') continue;
    if (!parent.has(pair.a)) parent.set(pair.a, pair.a);
    if (!parent.has(pair.b)) parent.set(pair.b, pair.b);
    const ra = find(pair.a);
    const rb = find(pair.b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
