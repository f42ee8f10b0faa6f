/**
 * Labelled data sets (../shared/datasets), recognised by their header row. The benchmarks import the file
 * as it is, through the product's import pipeline and its suggested column mapping; the truth column is
 * mapped to nothing, so the product never sees it, and is read here only to score the result.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

interface DatasetFormat {
  name: string;
  columns: string[];
  idColumn: string;
  truthColumn: string;
  /** What a user would choose as the file's default country. */
  countryCode: string;
}

const formats: DatasetFormat[] = [
  {
    name: 'cn_customers',
    columns: ['record_id', 'entity_id', 'kind', 'name', 'phone', 'id_number', 'uscc', 'address'],
    idColumn: 'record_id',
    truthColumn: 'entity_id',
    countryCode: 'CN',
  },
  {
    name: 'febrl',
    columns: ['rec_id', 'given_name', 'surname', 'date_of_birth', 'soc_sec_id'],
    idColumn: 'rec_id',
    truthColumn: 'true_entity',
    countryCode: 'AU',
  },
  {
    name: 'splink_fake',
    columns: ['unique_id', 'first_name', 'surname', 'dob', 'city', 'email', 'cluster'],
    idColumn: 'unique_id',
    truthColumn: 'cluster',
    countryCode: 'GB',
  },
];

export function readLabelledDataset(path: string) {
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
  const header = Object.keys(rows[0] ?? {});
  const format = formats.find((f) => f.columns.every((column) => header.includes(column)));
  if (!format) throw new Error(`${path}: not a known data set format (header: ${header.join(',')})`);
  return {
    format,
    header,
    records: rows.map((row) => ({ id: row[format.idColumn] ?? '', entity: row[format.truthColumn] ?? '' })),
  };
}

/** Pairs of record ids within each group: the unit of pairwise precision and recall. */
export function pairKeys(groups: Iterable<string[]>): Set<string> {
  const keys = new Set<string>();
  for (const group of groups) {
    const sorted = [...group].sort();
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) keys.add(`${sorted[i]}|${sorted[j]}`);
  }
  return keys;
}
