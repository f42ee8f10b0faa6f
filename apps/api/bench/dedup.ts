/**
 * pnpm bench:dedup [--data PATH] — matching quality and speed on a labelled data set.
 *
 * Reads a CSV in one of the formats of ../shared/datasets (recognised by its header; default
 * cn_customers_dev.csv), builds match records, runs blocking and scoring with the default thresholds, and
 * compares the clusters of auto-merge pairs with the truth: pairwise precision, recall and F1 over all
 * pairs within clusters, plus records per second. Last line: JSON.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { readLabelledDataset } from '../src/modules/matching/datasets';
import { clustersOf, defaultThresholds, findMatches } from '../src/modules/matching/engine';
import { toMatchRecord } from '../src/modules/matching/match-record';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const path =
  values.data ?? new URL('../../../../shared/datasets/cn_customers_dev.csv', import.meta.url).pathname;
const { format, records } = readLabelledDataset(path);

const started = performance.now();
const matchRecords = records.map((r) => toMatchRecord(r.input));
const pairs = findMatches(matchRecords);
const clusters = clustersOf(pairs);
const seconds = (performance.now() - started) / 1000;

function pairKeys(groups: string[][]): Set<string> {
  const keys = new Set<string>();
  for (const group of groups) {
    const sorted = [...group].sort();
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) keys.add(`${sorted[i]}|${sorted[j]}`);
  }
  return keys;
}
const truthGroups = new Map<string, string[]>();
for (const record of records)
  truthGroups.set(record.entity, [...(truthGroups.get(record.entity) ?? []), record.input.id]);
const truth = pairKeys([...truthGroups.values()]);
const predicted = pairKeys(clusters);
let truePositives = 0;
for (const key of predicted) if (truth.has(key)) truePositives++;
const precision = predicted.size ? truePositives / predicted.size : 0;
const recall = truth.size ? truePositives / truth.size : 0;
const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
const round = (value: number) => Math.round(value * 1000) / 1000;

console.log(
  `${format}: ${records.length} records, ${truth.size} true pairs, ${predicted.size} predicted, ${pairs.filter((p) => p.decision === 'review').length} for review`,
);
console.log(
  JSON.stringify({
    bench: 'dedup',
    data: path.split('/').at(-1),
    format,
    records: records.length,
    thresholds: defaultThresholds,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    records_per_s: Math.round(records.length / seconds),
  }),
);
