/**
 * Pairwise comparison: each field that both records have adds or subtracts evidence (log-odds style
 * weights, set from what each agreement means rather than fitted to one data set), and every
 * contribution is kept, so a score always explains itself.
 *
 * The weights encode the hard cases of customer data: relatives share a phone and an address but not a
 * name, a birth date or an ID number; branches of one company share a brand but not a USCC; a mistyped
 * ID or a homophone name is still the same customer when the rest agrees.
 */

import type { MatchRecord } from './match-record';
import { hammingDistance, isWithinOneEdit, jaroWinkler } from './similarity';

export type FieldVerdict = 'agree' | 'partial' | 'disagree';

export interface Contribution {
  field: string;
  verdict: FieldVerdict;
  weight: number;
}

export interface PairScore {
  score: number;
  contributions: Contribution[];
}

const overlaps = (a: string[], b: string[]) => a.some((value) => b.includes(value));

/**
 * Identifiers: equal is strong evidence; one or two mistyped characters (a typo, a swapped pair) still
 * point the same way; otherwise they differ by `mismatch` (strong for checked national identifiers:
 * relatives and branches have their own).
 */
function compareIdentifier(
  a: string | null,
  b: string | null,
  weights: { field: string; match: number; typo: number; mismatch: number },
): Contribution | null {
  if (!a || !b) return null;
  const { field } = weights;
  if (a === b) return { field, verdict: 'agree', weight: weights.match };
  if (hammingDistance(a, b) <= 2) return { field, verdict: 'partial', weight: weights.typo };
  return { field, verdict: 'disagree', weight: weights.mismatch };
}

/**
 * Names written in words (Latin script) are compared word by word: one mistyped or missing word leaves a
 * partial agreement. A Chinese name is one word: a different given name is a different person (the
 * relatives case), unless it sounds the same or differs by one similar-looking character.
 */
function comparePersonName(a: MatchRecord, b: MatchRecord): Contribution | null {
  if (!a.name || !b.name) return null;
  if (a.name === b.name) return { field: 'name', verdict: 'agree', weight: 3 };
  if (a.nameSound === b.nameSound) return { field: 'name', verdict: 'partial', weight: 2.5 };
  const wordsA = a.name.split(' ');
  const wordsB = b.name.split(' ');
  if (wordsA.length > 1 || wordsB.length > 1) {
    const isClose = (x: string, y: string) => x === y || jaroWinkler(x, y) >= 0.88;
    const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
    const matched = shorter.filter((word) => longer.some((other) => isClose(word, other))).length;
    if (matched === shorter.length && shorter.length === longer.length)
      return { field: 'name', verdict: 'partial', weight: 2 };
    if (matched === shorter.length) return { field: 'name', verdict: 'partial', weight: 1 };
    if (matched > 0) return { field: 'name', verdict: 'partial', weight: 0 };
    return { field: 'name', verdict: 'disagree', weight: -5 };
  }
  if (isWithinOneEdit(a.name, b.name) || jaroWinkler(a.nameSound, b.nameSound) >= 0.92) {
    return { field: 'name', verdict: 'partial', weight: 1.5 };
  }
  return { field: 'name', verdict: 'disagree', weight: -5 };
}

function compareOrganizationName(a: MatchRecord, b: MatchRecord): Contribution[] {
  const result: Contribution[] = [];
  if (a.nameCore === b.nameCore || a.nameSound === b.nameSound)
    result.push({ field: 'name', verdict: 'agree', weight: 4 });
  else if (jaroWinkler(a.nameCore, b.nameCore) >= 0.9)
    result.push({ field: 'name', verdict: 'partial', weight: 1 });
  else result.push({ field: 'name', verdict: 'disagree', weight: -5 });
  if (a.branch !== b.branch) result.push({ field: 'branch', verdict: 'disagree', weight: -6 });
  return result;
}

function compareBirthDate(a: string | null, b: string | null): Contribution | null {
  if (!a || !b) return null;
  if (a === b) return { field: 'birthDate', verdict: 'agree', weight: 3 };
  if (hammingDistance(a, b) === 1) return { field: 'birthDate', verdict: 'partial', weight: 1 };
  return { field: 'birthDate', verdict: 'disagree', weight: -4 };
}

function compareAddress(a: MatchRecord, b: MatchRecord): Contribution | null {
  if (a.addressDetail && a.addressDetail === b.addressDetail) {
    const sameArea = !a.districtCode || !b.districtCode || a.districtCode === b.districtCode;
    return sameArea
      ? { field: 'address', verdict: 'agree', weight: 2 }
      : { field: 'address', verdict: 'partial', weight: 0.5 };
  }
  if (a.addressDetail && b.addressDetail && jaroWinkler(a.addressDetail, b.addressDetail) >= 0.9) {
    return { field: 'address', verdict: 'partial', weight: 1 };
  }
  if (a.cityCode && b.cityCode && a.cityCode !== b.cityCode)
    return { field: 'address', verdict: 'disagree', weight: -1 };
  if (a.postcode && b.postcode) {
    return a.postcode === b.postcode
      ? { field: 'postcode', verdict: 'agree', weight: 1 }
      : { field: 'postcode', verdict: 'disagree', weight: -1 };
  }
  return null;
}

export function comparePair(a: MatchRecord, b: MatchRecord): PairScore {
  const contributions: (Contribution | null)[] = [];
  if (a.kind !== b.kind)
    return { score: -100, contributions: [{ field: 'kind', verdict: 'disagree', weight: -100 }] };
  if (a.kind === 'person') {
    contributions.push(comparePersonName(a, b));
    contributions.push(
      compareIdentifier(a.residentId, b.residentId, {
        field: 'residentIdNumber',
        match: 10,
        typo: 5,
        mismatch: -10,
      }),
    );
    contributions.push(compareBirthDate(a.birthDate, b.birthDate));
    if (a.gender && b.gender && a.gender !== b.gender)
      contributions.push({ field: 'gender', verdict: 'disagree', weight: -4 });
  } else {
    contributions.push(...compareOrganizationName(a, b));
    contributions.push(
      compareIdentifier(a.uscc, b.uscc, { field: 'uscc', match: 10, typo: 5, mismatch: -10 }),
    );
  }
  contributions.push(
    compareIdentifier(a.otherId, b.otherId, { field: 'otherId', match: 6, typo: 2, mismatch: -1 }),
  );
  if (a.phones.length && b.phones.length) {
    contributions.push(overlaps(a.phones, b.phones) ? { field: 'phone', verdict: 'agree', weight: 3 } : null);
  }
  if (a.emails.length && b.emails.length) {
    contributions.push(
      overlaps(a.emails, b.emails)
        ? { field: 'email', verdict: 'agree', weight: 4 }
        : { field: 'email', verdict: 'disagree', weight: -1 },
    );
  }
  contributions.push(compareAddress(a, b));
  const kept = contributions.filter((c): c is Contribution => c !== null);
  return { score: kept.reduce((sum, c) => sum + c.weight, 0), contributions: kept };
}
