import type { components } from '@cims/api-client';
import { HOME_COUNTRY } from '@cims/schemas';
import type { TDuplicatePolicy } from '../customers/queries';

/*
 * The import page's state as pure functions: which file types go up as what, what the mapping form
 * starts from, what it sends, and how far a run has got.
 */

type Schemas = components['schemas'];
type TImportJob = Schemas['ImportJob'];
type TImportStart = Schemas['ImportStart'];
export type TImportField = Schemas['ImportField'];
export type TImportStatus = Schemas['ImportStatus'];
export type TImportMode = TImportStart['mode'];
export type TInvalidValuePolicy = Schemas['InvalidValuePolicy'];

/** The target fields in the order the column selects offer them; labels under `enums.importField`. */
export const IMPORT_FIELDS = [
  'ignore',
  'name',
  'familyName',
  'givenName',
  'organizationName',
  'kind',
  'phone',
  'email',
  'wechat',
  'address',
  'postcode',
  'country',
  'gender',
  'birthDate',
  'residentIdNumber',
  'otherIdNumber',
  'uscc',
  'organizationSize',
  'industry',
  'customerType',
  'lifecycleStage',
  'tags',
  'notes',
  'externalId',
] as const satisfies readonly TImportField[];

// Fails to compile when the contract gains a field this list (and so the translations) lacks.
const everyFieldListed: Exclude<TImportField, (typeof IMPORT_FIELDS)[number]> extends never ? true : never =
  true;
void everyFieldListed;

export const DUPLICATE_POLICIES = ['flag', 'reject', 'merge'] as const satisfies readonly TDuplicatePolicy[];
/** The contract's default (nothing of a faulty row is stored) first. */
export const INVALID_VALUE_POLICIES = [
  'reject_row',
  'skip_value',
] as const satisfies readonly TInvalidValuePolicy[];

/** The media types the upload operation accepts, by file extension. */
const FILE_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type TImportFileType = (typeof FILE_TYPES)[keyof typeof FILE_TYPES];
export const IMPORT_FILE_ACCEPT = ['.csv', '.xlsx', ...Object.values(FILE_TYPES)].join(',');

/**
 * The media type to upload a file as, from its name: browsers report CSV files inconsistently (Windows
 * calls them application/vnd.ms-excel, some systems report nothing), so `File.type` is no guide.
 */
export function importFileTypeOf(fileName: string): TImportFileType | null {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'xlsx' ? FILE_TYPES[extension] : null;
}

export function isImportActive(status: TImportStatus): boolean {
  return status === 'queued' || status === 'running';
}

/**
 * Whether the mapping form is offered: before the first run, after a dry run, and after a run that did
 * not finish (starting it again with the same settings resumes it). A completed import is done; running
 * it again would change nothing.
 */
export function canConfigureImport(job: Pick<TImportJob, 'status' | 'mode'>): boolean {
  if (isImportActive(job.status)) return false;
  return !(job.status === 'completed' && job.mode === 'run');
}

/** Whether a run reports rows it stored without some values, which only skipping invalid values allows. */
export function canStorePartially(job: Pick<TImportJob, 'invalidValues' | 'partialCount'>): boolean {
  return job.invalidValues === 'skip_value' || job.partialCount > 0;
}

/** Rows listed with problems: those refused and those stored without their invalid values. */
export function rowsWithProblems(job: Pick<TImportJob, 'errorCount' | 'partialCount'>): number {
  return job.errorCount + job.partialCount;
}

/** Share of rows done, 0–100, or null while the total is still being counted. */
export function progressPercent(job: Pick<TImportJob, 'processedRows' | 'totalRows'>): number | null {
  if (job.totalRows === null) return null;
  if (job.totalRows === 0) return 100;
  return Math.min(100, Math.floor((job.processedRows * 100) / job.totalRows));
}

export type TImportSettings = {
  mapping: Record<string, TImportField>;
  sourceChannel: TImportStart['sourceChannel'];
  /** The source system's id, or '' for the default (the source channel). */
  source: string;
  defaultKind: NonNullable<TImportStart['defaultKind']>;
  /** ISO 3166-1 alpha-2: the country of addresses in rows without a `country` value. */
  defaultCountryCode: string;
  onDuplicate: TDuplicatePolicy;
  invalidValues: TInvalidValuePolicy;
};

/** The form's starting point: the last run's settings, or the server's suggestion for a new file. */
export function importSettingsOf(job: TImportJob): TImportSettings {
  const sourceChannel = job.sourceChannel ?? 'import';
  const mapping = job.mapping ?? job.suggestedMapping;
  return {
    // Every column gets an entry, so each select shows what will happen to it.
    mapping: Object.fromEntries(job.columns.map((column) => [column, mapping[column] ?? 'ignore'])),
    sourceChannel,
    // The server stores the channel as the source when none was given; the form shows that as empty.
    source: job.source && job.source !== sourceChannel ? job.source : '',
    defaultKind: job.defaultKind,
    // The job does not report the default country it ran with, so each visit starts from China.
    defaultCountryCode: HOME_COUNTRY,
    onDuplicate: job.onDuplicate,
    invalidValues: job.invalidValues,
  };
}

const SOURCE_ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export function isValidSourceId(source: string): boolean {
  return source === '' || SOURCE_ID.test(source);
}

const NAME_FIELDS: readonly TImportField[] = ['name', 'familyName', 'organizationName'];

/** The server refuses a mapping without a name column; the form says so before anything is sent. */
export function hasNameColumn(mapping: Readonly<Record<string, TImportField>>): boolean {
  return Object.values(mapping).some((field) => NAME_FIELDS.includes(field));
}

export function startBodyOf(settings: TImportSettings, mode: TImportMode): TImportStart {
  const source = settings.source.trim();
  return {
    mode,
    mapping: settings.mapping,
    sourceChannel: settings.sourceChannel,
    defaultKind: settings.defaultKind,
    defaultCountryCode: settings.defaultCountryCode,
    onDuplicate: settings.onDuplicate,
    invalidValues: settings.invalidValues,
    ...(source ? { source } : {}),
  };
}
