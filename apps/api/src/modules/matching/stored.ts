/**
 * The matching engine against the customers in the database: match inputs of stored customers, the
 * stored neighbours of new records (those sharing a phone, an email, an ID number, a USCC, or a name in
 * the same city), and the persistence of the pairs found as duplicate candidates.
 */
import { formatRegionPath, type TCustomerCreate } from '@cims/schemas';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { duplicateCandidates } from '../../db/schema';
import { ensureKeysFor, keyring, residentIdColumn } from '../encryption/service';
import { comparePair } from './compare';
import { candidatePairs, defaultThresholds, type ScoredPair } from './engine';
import { type MatchInput, type MatchRecord, toMatchRecord } from './match-record';

export function matchInputOfDraft(id: string, input: TCustomerCreate): MatchInput {
  const address = input.addresses?.find((a) => a.isPrimary) ?? input.addresses?.[0];
  return {
    id,
    kind: input.kind,
    name:
      input.kind === 'person'
        ? input.person.familyName + input.person.givenName
        : input.organization.legalName,
    phones: (input.contactPoints ?? []).filter((p) => p.type === 'phone').map((p) => p.value),
    emails: (input.contactPoints ?? []).filter((p) => p.type === 'email').map((p) => p.value),
    residentIdNumber: input.kind === 'person' ? input.person.residentIdNumber : null,
    uscc: input.kind === 'organization' ? input.organization.uscc : null,
    birthDate: input.kind === 'person' ? input.person.birthDate : null,
    gender:
      input.kind === 'person' && input.person.gender !== 'unknown' ? (input.person.gender ?? null) : null,
    address: address ? formatRegionPath(address) + address.detail : null,
  };
}

interface StoredMatchRow extends Record<string, unknown> {
  id: string;
  kind: 'person' | 'organization';
  name: string;
  gender: string | null;
  birth_date: string | null;
  resident_id: string | null;
  uscc: string | null;
  phones: string[] | null;
  emails: string[] | null;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  detail: string | null;
}

/** Match inputs of active customers: those with the given ids, or (no ids) every one. */
export async function loadStoredMatchInputs(db: Queryable, ids?: string[]): Promise<MatchInput[]> {
  const filter = ids ? sql`AND c.id = ANY(${sql.param(ids)}::uuid[])` : sql``;
  const result = await db.execute<StoredMatchRow>(sql`
    SELECT c.id, c.kind,
           CASE WHEN c.kind = 'person' THEN coalesce(c.family_name, '') || coalesce(c.given_name, '') ELSE c.legal_name END AS name,
           c.gender, c.birth_date::text, c.resident_id_number_encrypted AS resident_id, c.uscc,
           (SELECT array_agg(value) FROM customer_contact_points p WHERE p.customer_id = c.id AND p.type = 'phone') AS phones,
           (SELECT array_agg(value) FROM customer_contact_points p WHERE p.customer_id = c.id AND p.type = 'email') AS emails,
           a.province_code, a.city_code, a.district_code, a.detail
      FROM customers c
      LEFT JOIN LATERAL (
        SELECT province_code, city_code, district_code, detail FROM customer_addresses x
         WHERE x.customer_id = c.id ORDER BY is_primary DESC, position LIMIT 1
      ) a ON true
     WHERE c.deleted_at IS NULL AND c.erased_at IS NULL ${filter}`);
  const ciphertexts = result.rows.map((row) => row.resident_id).filter((c): c is string => c !== null);
  await ensureKeysFor(db, ciphertexts);
  const ring = keyring();
  return result.rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    phones: row.phones ?? [],
    emails: row.emails ?? [],
    residentIdNumber: row.resident_id ? ring.decrypt(row.resident_id, residentIdColumn) : null,
    uscc: row.uscc,
    birthDate: row.birth_date,
    gender: row.gender === 'male' || row.gender === 'female' ? row.gender : null,
    address: row.province_code
      ? formatRegionPath({
          provinceCode: row.province_code,
          cityCode: row.city_code,
          districtCode: row.district_code,
        }) + (row.detail ?? '')
      : null,
  }));
}

/** Ids of active stored customers that share a blocking key with one of the drafts. */
async function findStoredNeighbours(db: Queryable, drafts: MatchRecord[]): Promise<string[]> {
  const contacts = drafts.flatMap((d) => [...d.phones, ...d.emails]);
  const ring = keyring();
  const idIndexes = drafts
    .filter((d) => d.isResidentIdValid && d.residentId)
    .map((d) => ring.blindIndex(d.residentId as string, residentIdColumn));
  const usccs = drafts.map((d) => d.uscc).filter((u): u is string => Boolean(u));
  const named = drafts.filter((d) => d.cityCode);
  const result = await db.execute<{ id: string }>(sql`
    SELECT p.customer_id AS id FROM customer_contact_points p
     WHERE p.type IN ('phone', 'email') AND p.value = ANY(${sql.param(contacts)}::text[])
    UNION SELECT id FROM customers WHERE resident_id_number_blind_index = ANY(${sql.param(idIndexes)}::text[])
    UNION SELECT id FROM customers WHERE uscc = ANY(${sql.param(usccs)}::text[])
    UNION SELECT c.id FROM customers c
      JOIN unnest(${sql.param(named.map((d) => d.name.replace(/\s/g, '')))}::text[], ${sql.param(named.map((d) => d.cityCode))}::text[]) AS k(name, city)
        ON (lower(c.display_name) COLLATE "C") = k.name AND c.city_code = k.city`);
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
    const draft = records[i] as MatchRecord;
    const other = records[j] as MatchRecord;
    const scored = comparePair(draft, other);
    if (scored.score < defaultThresholds.review) continue;
    matches.push({
      a: draft.id,
      b: other.id,
      ...scored,
      decision: scored.score >= defaultThresholds.autoMerge ? 'auto_merge' : 'review',
      isOtherDraft: j < draftRecords.length,
    });
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
