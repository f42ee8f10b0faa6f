/**
 * The matching engine against the customers in the database: match inputs of stored customers, the
 * stored neighbours of new records (those sharing a phone, an email, an ID number, a USCC, or a name in
 * the same city or postcode), and the persistence of the pairs found as duplicate candidates.
 */
import { displayNameFor, formatRegionPath, HOME_COUNTRY, type TCustomerCreate } from '@cims/schemas';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { duplicateCandidates } from '../../db/schema';
import { ensureKeysFor, keyring, otherIdColumn, residentIdColumn } from '../encryption/service';
import { candidatePairs, type ScoredPair, scorePair } from './engine';
import { type MatchInput, type MatchRecord, toMatchRecord } from './match-record';

/** The engine reads a Chinese address as region path + detail; abroad the detail line is the address. */
function addressText(address: {
  countryCode: string;
  provinceCode?: string | null;
  cityCode?: string | null;
  districtCode?: string | null;
  detail: string;
}) {
  return address.countryCode === HOME_COUNTRY ? formatRegionPath(address) + address.detail : address.detail;
}

export function matchInputOfDraft(id: string, input: TCustomerCreate): MatchInput {
  const address = input.addresses?.find((a) => a.isPrimary) ?? input.addresses?.[0];
  return {
    id,
    kind: input.kind,
    // 张三, or 'Anna Smith' in words: the engine compares Latin names word by word.
    name: displayNameFor(input),
    phones: (input.contactPoints ?? []).filter((p) => p.type === 'phone').map((p) => p.value),
    emails: (input.contactPoints ?? []).filter((p) => p.type === 'email').map((p) => p.value),
    residentIdNumber: input.kind === 'person' ? input.person.residentIdNumber : null,
    otherId: input.kind === 'person' ? input.person.otherIdNumber : null,
    uscc: input.kind === 'organization' ? input.organization.uscc : null,
    birthDate: input.kind === 'person' ? input.person.birthDate : null,
    gender:
      input.kind === 'person' && input.person.gender !== 'unknown' ? (input.person.gender ?? null) : null,
    address: address ? addressText(address) : null,
    postcode: address?.postcode ?? null,
  };
}

interface AddressColumns extends Record<string, unknown> {
  country_code: string | null;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  postcode: string | null;
  detail: string | null;
}

const emptyAddress: AddressColumns = {
  country_code: null,
  province_code: null,
  city_code: null,
  district_code: null,
  postcode: null,
  detail: null,
};

interface StoredMatchRow extends Record<string, unknown> {
  id: string;
  kind: 'person' | 'organization';
  family_name: string | null;
  given_name: string | null;
  legal_name: string | null;
  gender: string | null;
  birth_date: string | null;
  resident_id: string | null;
  other_id: string | null;
  uscc: string | null;
}

/** Match inputs of active customers: those with the given ids, or (no ids) every one. */
export async function loadStoredMatchInputs(db: Queryable, ids?: string[]): Promise<MatchInput[]> {
  // Three plain reads joined here: their cost stays linear whatever the planner's statistics (a freshly
  // imported base has none, and a correlated or joined plan then degrades to comparing every pair).
  const only = (column: string) =>
    ids ? sql`AND ${sql.identifier(column)} = ANY(${sql.param(ids)}::uuid[])` : sql``;
  const customerRows = await db.execute<StoredMatchRow>(sql`
    SELECT id, kind, family_name, given_name, legal_name, gender, birth_date::text,
           resident_id_number_encrypted AS resident_id, other_id_number_encrypted AS other_id, uscc
      FROM customers WHERE deleted_at IS NULL AND erased_at IS NULL ${only('id')}`);
  const points = await db.execute<{ customer_id: string; type: string; value: string }>(sql`
    SELECT customer_id, type, value FROM customer_contact_points
     WHERE type IN ('phone', 'email') ${only('customer_id')}`);
  const addresses = await db.execute<AddressColumns & { customer_id: string }>(sql`
    SELECT DISTINCT ON (customer_id) customer_id, country_code, province_code, city_code, district_code, postcode, detail
      FROM customer_addresses WHERE true ${only('customer_id')}
     ORDER BY customer_id, is_primary DESC, position`);
  const pointsOf = new Map<string, { phones: string[]; emails: string[] }>();
  for (const point of points.rows) {
    const entry = pointsOf.get(point.customer_id) ?? { phones: [], emails: [] };
    (point.type === 'phone' ? entry.phones : entry.emails).push(point.value);
    pointsOf.set(point.customer_id, entry);
  }
  const addressOf = new Map(addresses.rows.map((row) => [row.customer_id, row]));
  const result = {
    rows: customerRows.rows.map((row) => ({
      ...row,
      ...(pointsOf.get(row.id) ?? { phones: [], emails: [] }),
      ...(addressOf.get(row.id) ?? emptyAddress),
    })),
  };
  const ciphertexts = result.rows
    .flatMap((row) => [row.resident_id, row.other_id])
    .filter((c): c is string => c !== null);
  await ensureKeysFor(db, ciphertexts);
  const ring = keyring();
  return result.rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name:
      row.kind === 'person'
        ? displayNameFor({
            kind: 'person',
            person: { familyName: row.family_name ?? '', givenName: row.given_name ?? '' },
          })
        : (row.legal_name ?? ''),
    phones: row.phones,
    emails: row.emails,
    residentIdNumber: row.resident_id ? ring.decrypt(row.resident_id, residentIdColumn) : null,
    otherId: row.other_id ? ring.decrypt(row.other_id, otherIdColumn) : null,
    uscc: row.uscc,
    birthDate: row.birth_date,
    gender: row.gender === 'male' || row.gender === 'female' ? row.gender : null,
    address:
      row.detail === null
        ? null
        : addressText({
            countryCode: row.country_code ?? HOME_COUNTRY,
            provinceCode: row.province_code,
            cityCode: row.city_code,
            districtCode: row.district_code,
            detail: row.detail,
          }),
    postcode: row.postcode,
  }));
}

/** Ids of active stored customers that share a blocking key with one of the drafts. */
async function findStoredNeighbours(db: Queryable, drafts: MatchRecord[]): Promise<string[]> {
  const contacts = drafts.flatMap((d) => [...d.phones, ...d.emails]);
  const ring = keyring();
  const idIndexes = drafts
    .filter((d) => d.isResidentIdValid && d.residentId)
    .map((d) => ring.blindIndex(d.residentId as string, residentIdColumn));
  const otherIdIndexes = drafts
    .filter((d) => d.otherId)
    .map((d) => ring.blindIndex(d.otherId as string, otherIdColumn));
  const usccs = drafts.map((d) => d.uscc).filter((u): u is string => Boolean(u));
  const named = drafts.filter((d) => d.cityCode);
  const posted = drafts.filter((d) => d.postcode);
  const result = await db.execute<{ id: string }>(sql`
    SELECT p.customer_id AS id FROM customer_contact_points p
     WHERE p.type IN ('phone', 'email') AND p.value = ANY(${sql.param(contacts)}::text[])
    UNION SELECT id FROM customers WHERE resident_id_number_blind_index = ANY(${sql.param(idIndexes)}::text[])
    UNION SELECT id FROM customers WHERE other_id_number_blind_index = ANY(${sql.param(otherIdIndexes)}::text[])
    UNION SELECT id FROM customers WHERE uscc = ANY(${sql.param(usccs)}::text[])
    UNION SELECT c.id FROM customers c
     WHERE (lower(c.display_name) COLLATE "C") = ANY(${sql.param(named.map((d) => d.name))}::text[])
       AND c.city_code = ANY(${sql.param(named.map((d) => d.cityCode))}::text[])
    UNION SELECT c.id FROM customers c JOIN customer_addresses a ON a.customer_id = c.id
     WHERE (lower(c.display_name) COLLATE "C") = ANY(${sql.param(posted.map((d) => d.name))}::text[])
       AND a.postcode = ANY(${sql.param(posted.map((d) => d.postcode))}::text[])`);
  return result.rows.map((row) => row.id);
}

export interface DraftMatch extends ScoredPair {
  /** The draft's id (`a`) and the other record's id (`b`): a stored customer or another draft. */
  isOtherDraft: boolean;
}

/**
 * Scores drafts (new records not yet stored) against stored customers and against each other, with the
 * engine's blocking and weights; pairs below the review threshold are left out. Best match first.
 */
export async function matchDrafts(db: Queryable, drafts: MatchInput[]): Promise<DraftMatch[]> {
  if (drafts.length === 0) return [];
  const draftRecords = drafts.map(toMatchRecord);
  const draftIds = new Set(drafts.map((d) => d.id));
  const neighbourIds = (await findStoredNeighbours(db, draftRecords)).filter((id) => !draftIds.has(id));
  const stored = neighbourIds.length
    ? (await loadStoredMatchInputs(db, neighbourIds)).map(toMatchRecord)
    : [];
  const records = [...draftRecords, ...stored];
  const matches: DraftMatch[] = [];
  for (const [i, j] of candidatePairs(records)) {
    if (i >= draftRecords.length) continue; // two stored customers: the scan's business
    const pair = scorePair(records[i] as MatchRecord, records[j] as MatchRecord);
    if (pair) matches.push({ ...pair, isOtherDraft: j < draftRecords.length });
  }
  return matches.sort((x, y) => y.score - x.score);
}

/**
 * Stores pairs as open candidates; a pair seen before keeps its status (a dismissed pair stays dismissed)
 * and gets the new score.
 */
export async function recordCandidates(
  db: Queryable,
  pairs: Pick<ScoredPair, 'a' | 'b' | 'score' | 'decision' | 'contributions'>[],
  detectedBy: 'scan' | 'entry' | 'import',
) {
  if (pairs.length === 0) return 0;
  const rows = pairs.map((pair) => {
    const [customerA, customerB] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a];
    return {
      customerA,
      customerB,
      score: Math.round(pair.score * 100) / 100,
      decision: pair.decision,
      comparisons: pair.contributions.map((c) => ({ ...c, weight: Math.round(c.weight * 100) / 100 })),
      detectedBy,
    };
  });
  const inserted = await db
    .insert(duplicateCandidates)
    .values(rows)
    .onConflictDoUpdate({
      target: [duplicateCandidates.customerA, duplicateCandidates.customerB],
      set: {
        score: sql`excluded.score`,
        decision: sql`excluded.decision`,
        comparisons: sql`excluded.comparisons`,
      },
    })
    .returning({ id: duplicateCandidates.id });
  return inserted.length;
}
