/**
 * Labelled data sets (../shared/datasets) as matching input, recognised by their header row. The truth
 * column is returned apart from the input: the engine never sees it, it only scores the result.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { MatchInput } from './match-record';

export interface LabelledRecord {
  input: MatchInput;
  entity: string;
}

type Row = Record<string, string>;

const formats: { name: string; columns: string[]; toRecord: (row: Row) => LabelledRecord }[] = [
  {
    name: 'cn_customers',
    columns: ['record_id', 'entity_id', 'kind', 'name', 'phone', 'id_number', 'uscc', 'address'],
    toRecord: (row) => ({
      entity: row.entity_id ?? '',
      input: {
        id: row.record_id ?? '',
        kind: row.kind === 'organization' ? 'organization' : 'person',
        name: row.name ?? '',
        phones: [row.phone ?? ''],
        emails: [row.email ?? ''],
        residentIdNumber: row.id_number,
        uscc: row.uscc,
        birthDate: row.birth_date,
        gender: row.gender === 'M' ? 'male' : row.gender === 'F' ? 'female' : null,
        address: row.address,
      },
    }),
  },
  {
    name: 'febrl',
    columns: ['rec_id', 'given_name', 'surname', 'date_of_birth', 'soc_sec_id'],
    toRecord: (row) => {
      const dob = row.date_of_birth ?? '';
      return {
        entity: row.true_entity ?? '',
        input: {
          id: row.rec_id ?? '',
          kind: 'person',
          name: [row.given_name, row.surname].filter(Boolean).join(' '),
          birthDate: /^\d{8}$/.test(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6)}` : null,
          address: [row.street_number, row.address_1, row.address_2, row.suburb, row.state]
            .filter(Boolean)
            .join(' '),
          postcode: row.postcode,
          otherId: row.soc_sec_id,
        },
      };
    },
  },
  {
    name: 'splink_fake',
    columns: ['unique_id', 'first_name', 'surname', 'dob', 'city', 'email', 'cluster'],
    toRecord: (row) => ({
      entity: row.cluster ?? '',
      input: {
        id: row.unique_id ?? '',
        kind: 'person',
        name: [row.first_name, row.surname].filter(Boolean).join(' '),
        birthDate: row.dob || null,
        emails: [row.email ?? ''],
        address: row.city,
      },
    }),
  },
];

export function readLabelledDataset(path: string): { format: string; records: LabelledRecord[] } {
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  const header = Object.keys(rows[0] ?? {});
  const format = formats.find((f) => f.columns.every((column) => header.includes(column)));
  if (!format) throw new Error(`${path}: not a known data set format (header: ${header.join(',')})`);
  return { format: format.name, records: rows.map(format.toRecord) };
}
