import type { CustomerSummary } from '@cims/api-client';
import type { TFunction } from 'i18next';
import { customerFieldLabel } from '../customers/field-labels';
import type { TMergeChoices, TMergePreview, TMergePreviewField, TMergeSide } from './queries';

/*
 * How the matching engine's explanations and the merge preview read. Scores and weights are log-odds
 * style evidence (a shared phone adds 3, a different ID number takes 10), not percentages, so they are
 * shown as signed numbers rather than as a share.
 */

const signedNumber = new Intl.NumberFormat('en', { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
const plainNumber = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** What one field comparison added to the score: `+4`, `-5`, `+1.5`, `0`. */
export function formatWeight(weight: number): string {
  return signedNumber.format(weight);
}

export function formatMatchScore(score: number): string {
  return plainNumber.format(score);
}

// Fields the matcher compares that are no customer field of their own.
const MATCH_ONLY_FIELDS = new Set(['branch', 'postcode', 'otherId']);

export function comparisonFieldLabel(t: TFunction, field: string): string {
  return MATCH_ONLY_FIELDS.has(field) ? t(`duplicates.matchFields.${field}`) : customerFieldLabel(t, field);
}

type TPairMember = Pick<CustomerSummary, 'id' | 'createdAt' | 'qualityScore'>;

/**
 * The survivor a reviewer starts from: the older record, whose id is the one other systems, links and
 * history have known longer; of two created together (one import batch), the more complete. They can
 * swap it.
 */
export function defaultSurvivorOf<T extends TPairMember>(pair: readonly T[]): { survivor: T; merged: T } {
  const [first, second] = pair;
  if (!first || !second) throw new Error('A duplicate candidate has two customers');
  const isFirstKept =
    first.createdAt === second.createdAt
      ? first.qualityScore >= second.qualityScore
      : Date.parse(first.createdAt) < Date.parse(second.createdAt);
  return isFirstKept ? { survivor: first, merged: second } : { survivor: second, merged: first };
}

/** The compare view's address for a pair: the candidate in the path, the sides in the query. */
export function comparePath(candidateId: string, side: { survivorId: string; mergedId: string }): string {
  const query = new URLSearchParams({ survivor: side.survivorId, merged: side.mergedId });
  return `/duplicates/${candidateId}?${query.toString()}`;
}

/** A choice only means something where both records have a value and the values differ. */
export function isChoosable(field: Pick<TMergePreviewField, 'survivorValue' | 'mergedValue'>): boolean {
  return (
    field.survivorValue !== null && field.mergedValue !== null && field.survivorValue !== field.mergedValue
  );
}

/**
 * The request's `choices`: only the fields where the reviewer overrode the rules, so that every other
 * field keeps following the survivorship rules as the contract describes.
 */
export function mergeChoicesOf(
  fields: readonly Pick<TMergePreviewField, 'field' | 'choice'>[],
  picks: Readonly<Partial<Record<string, TMergeSide>>>,
): TMergeChoices {
  const choices: TMergeChoices = {};
  for (const { field, choice } of fields) {
    const pick = picks[field];
    if (pick && pick !== choice) choices[field] = pick;
  }
  return choices;
}

const ENUM_FIELDS: Partial<Record<TMergePreviewField['field'], string>> = {
  gender: 'gender',
  organizationSize: 'organizationSize',
  sourceChannel: 'sourceChannel',
  lifecycleStage: 'lifecycleStage',
};

/** One side's value of a merge field for people: enum labels, the owner's name, a dash for nothing. */
export function mergeValueLabel(
  t: TFunction,
  field: TMergePreviewField['field'],
  value: string | null,
  preview: Pick<TMergePreview, 'survivor' | 'merged'>,
): string {
  if (value === null || value === '') return '—';
  const enumName = ENUM_FIELDS[field];
  if (enumName) return t(`enums.${enumName}.${value}`, { defaultValue: value });
  if (field === 'ownerId') {
    const owner = [preview.survivor.owner, preview.merged.owner].find((user) => user?.id === value);
    return owner?.displayName ?? t('history.unknownUser');
  }
  return value;
}
