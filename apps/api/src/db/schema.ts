/**
 * Tables of the CIMS database. drizzle-kit generates the SQL migrations in ./generated from this file;
 * the first migration (hand-written, "custom") installs the extensions and the `cims_cjk_grams` function
 * that the generated `search_grams` column relies on.
 *
 * Quick search: `search_document` is one lower-cased text per customer (names, phone digits, emails,
 * WeChat ids, tags) written by the customers service. A pg_trgm GIN index answers fragments of 3+
 * characters; trigrams cannot serve the 1–2 character fragments that most Chinese given names are, so
 * `search_grams` holds the CJK unigrams and bigrams of the same text under a plain GIN index.
 */
import type { components } from '@cims/api-client';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const textArray = customType<{ data: string[]; driverData: string[] }>({ dataType: () => 'text[]' });

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    team: text('team'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_users_email_key').on(sql`lower(${t.email})`),
    index('staff_users_team_idx').on(t.team),
  ],
);

/** Per-role data scope and field access; a role without a row uses the defaults in modules/access. */
export const accessPolicies = pgTable('access_policies', {
  role: text('role').primaryKey(),
  dataScope: text('data_scope', { enum: ['all', 'own_or_team', 'assigned_work_orders'] }).notNull(),
  fieldAccess: jsonb('field_access').$type<Record<string, 'visible' | 'masked' | 'hidden'>>().notNull(),
  canReveal: boolean('can_reveal').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Data keys, wrapped by the master key (which never enters the database). */
export const encryptionKeys = pgTable('encryption_keys', {
  id: uuid('id').primaryKey(),
  purpose: text('purpose', { enum: ['field_data', 'blind_index'] }).notNull(),
  wrappedKey: text('wrapped_key').notNull(),
  masterKeyId: text('master_key_id').notNull(),
  isActive: boolean('is_active').notNull(),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a leaked table does not hand out live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull().unique(),
  scopes: text('scopes').array().notNull(),
  createdBy: uuid('created_by').references(() => staffUsers.id),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  /** The approval request a key created while role changes need approval waits for; unusable until then. */
  approvalId: uuid('approval_id'),
});

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['person', 'organization'] }).notNull(),
    displayName: text('display_name').notNull(),
    familyName: text('family_name'),
    givenName: text('given_name'),
    gender: text('gender', { enum: ['male', 'female', 'unknown'] }),
    birthDate: date('birth_date', { mode: 'string' }),
    /** AES-256-GCM ciphertext (modules/encryption); the blind index serves exact lookups. */
    residentIdNumberEncrypted: text('resident_id_number_encrypted'),
    residentIdNumberBlindIndex: text('resident_id_number_blind_index'),
    otherIdType: text('other_id_type', {
      enum: [
        'passport',
        'hk_macao_permit',
        'taiwan_permit',
        'foreign_permanent_residence',
        'social_security',
        'other',
      ],
    }),
    /** Encrypted and blind-indexed like the resident ID. */
    otherIdNumberEncrypted: text('other_id_number_encrypted'),
    otherIdNumberBlindIndex: text('other_id_number_blind_index'),
    legalName: text('legal_name'),
    uscc: text('uscc'),
    organizationSize: text('organization_size', { enum: ['micro', 'small', 'medium', 'large'] }),
    customerType: text('customer_type'),
    industry: text('industry'),
    sourceChannel: text('source_channel', {
      enum: ['website', 'marketplace', 'store', 'hotline', 'wechat', 'partner', 'import'],
    }).notNull(),
    lifecycleStage: text('lifecycle_stage', { enum: ['lead', 'prospect', 'customer', 'churned'] }).notNull(),
    ownerId: uuid('owner_id').references(() => staffUsers.id),
    notes: text('notes'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Denormalized from the primary contact points and address, for list filters and summaries. */
    primaryPhone: text('primary_phone'),
    primaryEmail: text('primary_email'),
    provinceCode: text('province_code'),
    cityCode: text('city_code'),
    searchDocument: text('search_document').notNull(),
    searchGrams: textArray('search_grams').notNull().generatedAlwaysAs(sql`cims_cjk_grams(search_document)`),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    /** Set by erasure: the personal data is gone and the record can never be restored. */
    erasedAt: timestamp('erased_at', { withTimezone: true, mode: 'date' }),
    /** Share (0–100) of the fields expected for the kind that are present; the missing ones by name. */
    qualityScore: smallint('quality_score').notNull().default(0),
    qualityIssues: text('quality_issues').array().notNull().default(sql`'{}'::text[]`),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true, mode: 'date' }),
    /** Set when merged into another customer; the record is then retired (deleted) until unmerged. */
    mergedIntoId: uuid('merged_into_id'),
    /** Field → where its current value came from (see modules/imports/provenance.ts). */
    provenance: jsonb('provenance').$type<Record<string, FieldProvenance>>().notNull().default({}),
    /** `in_after_sales` while an after-sales work order is open (modules/workorders keeps it current). */
    serviceStatus: text('service_status', { enum: ['in_after_sales'] }),
    /** 合同到期: the renewal job gives the owner a task 30 days before. */
    contractEndDate: date('contract_end_date', { mode: 'string' }),
    /** A to D; scored from orders (RFM) by the value-tier job. */
    valueTier: text('value_tier', { enum: ['A', 'B', 'C', 'D'] }),
  },
  (t) => [
    index('customers_search_document_trgm_idx').using('gin', t.searchDocument.op('gin_trgm_ops')),
    index('customers_search_grams_idx').using('gin', t.searchGrams),
    // Byte order ("C"): serves both `LIKE 'prefix%'` and ORDER BY on the same expression.
    index('customers_display_name_prefix_idx').on(sql`(lower(${t.displayName}) COLLATE "C")`),
    index('customers_tags_idx').using('gin', t.tags),
    index('customers_created_at_idx').on(t.createdAt, t.id),
    index('customers_updated_at_idx').on(t.updatedAt, t.id),
    index('customers_display_name_idx').on(t.displayName, t.id),
    index('customers_owner_id_idx').on(t.ownerId),
    index('customers_resident_id_number_blind_index_idx').on(t.residentIdNumberBlindIndex),
    index('customers_other_id_number_blind_index_idx').on(t.otherIdNumberBlindIndex),
    index('customers_province_code_idx').on(t.provinceCode),
    index('customers_city_code_idx').on(t.cityCode),
    index('customers_quality_score_idx').on(t.qualityScore, t.id),
    index('customers_last_verified_at_idx').on(t.lastVerifiedAt),
    index('customers_uscc_idx').on(t.uscc),
    index('customers_merged_into_id_idx').on(t.mergedIntoId),
    index('customers_contract_end_date_idx').on(t.contractEndDate).where(sql`contract_end_date IS NOT NULL`),
  ],
);

export interface FieldProvenance {
  source: string;
  sourceChannel: string | null;
  importId: string | null;
  at: string;
}

/** A customer's ids in source systems: what makes re-imports and partner upserts idempotent. */
export const customerExternalIds = pgTable(
  'customer_external_ids',
  {
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    importId: uuid('import_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.externalId] }),
    index('customer_external_ids_customer_id_idx').on(t.customerId),
  ],
);

export const customerContactPoints = pgTable(
  'customer_contact_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ['phone', 'email', 'wechat'] }).notNull(),
    value: text('value').notNull(),
    label: text('label'),
    isPrimary: boolean('is_primary').notNull().default(false),
    position: smallint('position').notNull(),
  },
  (t) => [
    index('customer_contact_points_customer_id_idx').on(t.customerId, t.position),
    index('customer_contact_points_value_idx').on(t.type, t.value),
  ],
);

export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    label: text('label'),
    /** ISO 3166-1 alpha-2; region codes (GB/T 2260) are set for addresses in China only. */
    countryCode: text('country_code').notNull().default('CN'),
    provinceCode: text('province_code'),
    cityCode: text('city_code'),
    districtCode: text('district_code'),
    postcode: text('postcode'),
    detail: text('detail').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    position: smallint('position').notNull(),
  },
  (t) => [index('customer_addresses_customer_id_idx').on(t.customerId, t.position)],
);

/**
 * Append-only, hash-chained audit log. Each entry's hash covers its content and the previous entry's
 * hash, so editing or deleting any row breaks every link after it; `seq` has no gaps, so removing the
 * newest rows shows too. Triggers (hand-written migration) refuse UPDATE, DELETE and TRUNCATE.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type', { enum: ['staff', 'partner', 'anonymous', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    ipAddress: text('ip_address'),
    requestId: text('request_id'),
    action: text('action').$type<components['schemas']['AuditAction']>().notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    customerId: uuid('customer_id'),
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    /**
     * For entries about a customer: changes and details sealed under the customer's subject key instead
     * of the two columns above. Erasure destroys the key; the sealed text, and so the chain, stays intact.
     */
    sealed: text('sealed'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entries_customer_id_idx').on(t.customerId, t.seq),
    index('audit_entries_actor_id_idx').on(t.actorId, t.seq),
    index('audit_entries_action_idx').on(t.action, t.seq),
    index('audit_entries_occurred_at_idx').on(t.occurredAt),
  ],
);

/**
 * Consent (同意) as an append-only history of grants and withdrawals, per customer, purpose and channel;
 * the consent in force is the newest event of each (purpose, channel).
 */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Recording order, also within one transaction (where now() is the same for every row). */
    sequence: bigint('sequence', { mode: 'number' }).generatedAlwaysAsIdentity(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['marketing', 'analytics', 'third_party_sharing'] }).notNull(),
    channel: text('channel', { enum: ['sms', 'email', 'phone', 'wechat'] }).notNull(),
    status: text('status', { enum: ['granted', 'withdrawn'] }).notNull(),
    source: text('source').notNull(),
    textVersion: text('text_version').notNull(),
    isSeparateConsent: boolean('is_separate_consent').notNull().default(false),
    evidence: text('evidence'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    recordedBy: text('recorded_by'),
  },
  (t) => [index('consent_events_customer_idx').on(t.customerId, t.purpose, t.channel, t.sequence)],
);

/**
 * One key per data subject (customer), wrapped by the master key. Audit payloads about the customer are
 * sealed with it; erasure nulls the wrapped key (crypto-shredding), making those payloads unreadable.
 */
export const subjectKeys = pgTable('subject_keys', {
  customerId: uuid('customer_id').primaryKey(),
  wrappedKey: text('wrapped_key'),
  createdAt: createdAt(),
  shreddedAt: timestamp('shredded_at', { withTimezone: true, mode: 'date' }),
});

/**
 * Retention (保存期限) per data category, applied by the retention job: churned customers untouched for
 * `afterDays` are archived (moved to the recycle bin, out of normal use); customers in the recycle bin
 * for `afterDays` are destroyed (erased); sessions expired `afterDays` ago are deleted.
 */
export const retentionPolicies = pgTable('retention_policies', {
  category: text('category', {
    enum: ['churned_customers', 'deleted_customers', 'expired_sessions'],
  }).primaryKey(),
  isEnabled: boolean('is_enabled').notNull(),
  afterDays: integer('after_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const retentionRuns = pgTable('retention_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }).notNull(),
  isDryRun: boolean('is_dry_run').notNull(),
  report: jsonb('report').$type<{ category: string; action: string; affected: number }[]>().notNull(),
  triggeredBy: text('triggered_by'),
});

/** Alerts raised by the anomaly rules over the audit log; one per rule, subject and time bucket. */
export const securityAlerts = pgTable(
  'security_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rule: text('rule', {
      enum: ['bulk_reveal', 'bulk_export', 'failed_sign_ins', 'off_hours_access', 'unusual_volume'],
    }).notNull(),
    subject: text('subject').notNull(),
    bucketStart: timestamp('bucket_start', { withTimezone: true, mode: 'date' }).notNull(),
    observed: integer('observed').notNull(),
    threshold: integer('threshold').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['open', 'acknowledged'] })
      .notNull()
      .default('open'),
    createdAt: createdAt(),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('security_alerts_dedupe_key').on(t.rule, t.subject, t.bucketStart),
    index('security_alerts_status_idx').on(t.status, t.createdAt),
  ],
);

/** The anomaly rules' thresholds and working hours (one row). */
export const anomalySettings = pgTable('anomaly_settings', {
  id: integer('id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * An uploaded file and its latest run. `committedRows` moves forward in the same transaction as the rows it
 * covers, so a run interrupted by a crash resumes after the last committed batch, neither losing nor
 * repeating a row.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format', { enum: ['csv', 'xlsx'] }).notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['uploaded', 'queued', 'running', 'completed', 'failed', 'cancelled'] })
      .notNull()
      .default('uploaded'),
    mode: text('mode', { enum: ['dry_run', 'run'] }),
    columns: text('columns').array().notNull(),
    sampleRows: jsonb('sample_rows').$type<string[][]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    source: text('source'),
    sourceChannel: text('source_channel'),
    defaultKind: text('default_kind', { enum: ['person', 'organization'] })
      .notNull()
      .default('person'),
    onDuplicate: text('on_duplicate', { enum: ['flag', 'reject', 'merge'] })
      .notNull()
      .default('flag'),
    invalidValues: text('invalid_values', { enum: ['reject_row', 'skip_value'] })
      .notNull()
      .default('reject_row'),
    /** Addresses in rows without a country value are in this country (ISO 3166-1 alpha-2). */
    defaultCountryCode: text('default_country_code').notNull().default('CN'),
    totalRows: integer('total_rows'),
    committedRows: integer('committed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    partialCount: integer('partial_count').notNull().default(0),
    flaggedDuplicates: integer('flagged_duplicates').notNull().default(0),
    mergedCount: integer('merged_count').notNull().default(0),
    isCancelRequested: boolean('is_cancel_requested').notNull().default(false),
    failureReason: text('failure_reason'),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    /** Touched by every committed batch: a running import whose heartbeat stopped lost its worker. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('imports_created_at_idx').on(t.createdAt)],
);

export const importRowErrors = pgTable(
  'import_row_errors',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    errors: jsonb('errors').$type<{ path: string; message: string }[]>().notNull(),
    /** Stored without the values the errors name (skip_value), rather than refused. */
    isStored: boolean('is_stored').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);

/** Responses to writes sent with an `Idempotency-Key`, replayed for a retry with the same key and body. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  response: jsonb('response').notNull(),
  createdAt: createdAt(),
});

/** A pair the matching engine scored as likely the same customer; `customerA` < `customerB`. */
export const duplicateCandidates = pgTable(
  'duplicate_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerA: uuid('customer_a')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    customerB: uuid('customer_b')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    score: doublePrecision('score').notNull(),
    decision: text('decision', { enum: ['auto_merge', 'review'] }).notNull(),
    comparisons: jsonb('comparisons').$type<{ field: string; verdict: string; weight: number }[]>().notNull(),
    status: text('status', { enum: ['open', 'merged', 'dismissed'] })
      .notNull()
      .default('open'),
    detectedBy: text('detected_by', { enum: ['scan', 'entry', 'import'] }).notNull(),
    detectedAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: uuid('resolved_by').references(() => staffUsers.id),
  },
  (t) => [
    uniqueIndex('duplicate_candidates_pair_key').on(t.customerA, t.customerB),
    index('duplicate_candidates_queue_idx').on(t.status, t.score, t.id),
    index('duplicate_candidates_customer_b_idx').on(t.customerB),
  ],
);

export const duplicateScans = pgTable('duplicate_scans', {
  id: uuid('id').primaryKey().defaultRandom(),
  status: text('status', { enum: ['queued', 'running', 'completed', 'failed'] }).notNull(),
  customers: integer('customers').notNull().default(0),
  candidatePairs: integer('candidate_pairs').notNull().default(0),
  autoMerged: integer('auto_merged').notNull().default(0),
  createdAt: createdAt(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  failureReason: text('failure_reason'),
});

/**
 * One merge, with what undoing it needs: both customer rows as they were, and the ids of the contact
 * points and addresses that moved (or were dropped as repeats) from the merged record to the survivor.
 */
export const merges = pgTable(
  'merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    mergedId: uuid('merged_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    choices: jsonb('choices').$type<Record<string, 'survivor' | 'merged'>>().notNull(),
    snapshot: jsonb('snapshot').$type<MergeSnapshot>().notNull(),
    survivorVersionAfter: integer('survivor_version_after').notNull(),
    isAutomatic: boolean('is_automatic').notNull().default(false),
    mergedBy: uuid('merged_by').references(() => staffUsers.id),
    mergedAt: createdAt(),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'date' }),
    undoneBy: uuid('undone_by').references(() => staffUsers.id),
  },
  (t) => [
    index('merges_survivor_id_idx').on(t.survivorId),
    index('merges_merged_id_idx').on(t.mergedId),
    index('merges_merged_at_idx').on(t.mergedAt),
  ],
);

export interface MergeSnapshot {
  survivor: Record<string, unknown>;
  merged: Record<string, unknown>;
  survivorContactPoints: Record<string, unknown>[];
  survivorAddresses: Record<string, unknown>[];
  mergedContactPoints: Record<string, unknown>[];
  mergedAddresses: Record<string, unknown>[];
  mergedExternalIds: Record<string, unknown>[];
  candidateIds: string[];
}

/** Data quality settings (one row): auto-merge on scans, stale-data period, source trust order. */
export const dataQualitySettings = pgTable('data_quality_settings', {
  id: integer('id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Work for a staff member about a customer: created by people, by jobs (stale data) and by work orders. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['data_review', 'follow_up', 'call_back', 'renewal'] }).notNull(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    assigneeId: uuid('assignee_id').references(() => staffUsers.id),
    workOrderId: uuid('work_order_id').references(() => workOrders.id, { onDelete: 'set null' }),
    note: text('note'),
    recurrence: text('recurrence', { enum: ['none', 'daily', 'weekly', 'monthly'] })
      .notNull()
      .default('none'),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
    /** When the due-soon reminder went out, so that it goes out once. */
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('tasks_assignee_idx').on(t.assigneeId, t.status, t.dueAt),
    index('tasks_customer_idx').on(t.customerId, t.status),
    index('tasks_due_idx').on(t.dueAt).where(sql`status = 'open' AND reminded_at IS NULL`),
    // At most one open review or renewal task per customer: the daily jobs can run again without repeats.
    uniqueIndex('tasks_open_job_task_per_customer_key')
      .on(t.customerId, t.kind)
      .where(sql`status = 'open' AND kind IN ('data_review', 'renewal')`),
  ],
);

/** Orders from every channel; `(source, orderNo)` makes partner resends idempotent. */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull(),
    orderNo: text('order_no').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['online', 'offline', 'other'] }).notNull(),
    store: text('store'),
    orderedAt: timestamp('ordered_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status', {
      enum: ['pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'],
    }).notNull(),
    currency: text('currency').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    campaignCode: text('campaign_code'),
    lines: jsonb('lines').$type<OrderLineRow[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_source_order_no_key').on(t.source, t.orderNo),
    index('orders_customer_idx').on(t.customerId, t.orderedAt, t.id),
    index('orders_campaign_code_idx').on(t.campaignCode).where(sql`campaign_code IS NOT NULL`),
    // The dashboard rollups re-count a month of orders by a range on ordered_at.
    index('orders_ordered_at_idx').on(t.orderedAt),
  ],
);

export interface OrderLineRow {
  productCode: string;
  catalogueCode: string | null;
  productName: string;
  quantity: number;
  unitPrice: string;
}

export const productCodeMappings = pgTable(
  'product_code_mappings',
  {
    source: text('source').notNull(),
    productCode: text('product_code').notNull(),
    catalogueCode: text('catalogue_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.productCode] })],
);

/** Calls, visits, emails, chats, complaints, surveys, campaign responses and website/app events. */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    type: text('type', {
      enum: [
        'call',
        'email',
        'visit',
        'chat',
        'complaint',
        'survey',
        'campaign_response',
        'login',
        'web_event',
      ],
    }).notNull(),
    channel: text('channel', {
      enum: ['phone', 'email', 'in_person', 'wechat', 'sms', 'website', 'app', 'other'],
    }).notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    summary: text('summary').notNull(),
    outcome: text('outcome'),
    campaignCode: text('campaign_code'),
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id),
    /** `staff` for entries made in CIMS, else the partner system; with `externalId` it makes resends idempotent. */
    source: text('source').notNull(),
    externalId: text('external_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('interactions_customer_idx').on(t.customerId, t.occurredAt, t.id),
    index('interactions_campaign_code_idx').on(t.campaignCode).where(sql`campaign_code IS NOT NULL`),
    uniqueIndex('interactions_source_external_id_key')
      .on(t.source, t.externalId)
      .where(sql`external_id IS NOT NULL`),
  ],
);

export const workOrderNumbers = pgSequence('work_order_numbers');

/**
 * Work orders (工单). `slaNotices` lists the SLA warnings and breaches already announced, so the SLA job
 * announces each once.
 */
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    category: text('category', {
      enum: ['after_sales', 'complaint', 'consultation', 'installation', 'other'],
    }).notNull(),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] }).notNull(),
    channel: text('channel', {
      enum: ['hotline', 'email', 'wechat', 'website', 'store', 'partner', 'other'],
    }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', {
      enum: ['new', 'assigned', 'in_progress', 'waiting_customer', 'resolved', 'closed'],
    }).notNull(),
    queueId: text('queue_id'),
    assigneeId: uuid('assignee_id').references(() => staffUsers.id),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true, mode: 'date' }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true, mode: 'date' }).notNull(),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true, mode: 'date' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    slaNotices: text('sla_notices').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('work_orders_customer_idx').on(t.customerId, t.createdAt),
    index('work_orders_assignee_idx').on(t.assigneeId, t.status),
    index('work_orders_queue_idx').on(t.queueId, t.status),
    index('work_orders_created_at_idx').on(t.createdAt, t.id),
  ],
);

export const workOrderEvents = pgTable(
  'work_order_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    type: text('type', {
      enum: [
        'created',
        'assigned',
        'status_changed',
        'comment',
        'updated',
        'sla_warning',
        'sla_breach',
        'follow_up_task',
      ],
    }).notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    comment: text('comment'),
    /** Which due time an SLA warning or breach is about. */
    sla: text('sla', { enum: ['first_response', 'resolution'] }),
    assigneeId: uuid('assignee_id').references(() => staffUsers.id),
    queueId: text('queue_id'),
    actorId: uuid('actor_id').references(() => staffUsers.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Order within one transaction, where now() is the same for every row. */
    sequence: bigint('sequence', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    index('work_order_events_work_order_idx').on(t.workOrderId, t.sequence),
    index('work_order_events_customer_idx').on(t.customerId, t.occurredAt, t.id),
    // Auto-assignment's round robin: when each member was last given a work order.
    index('work_order_events_assignee_idx').on(t.assigneeId, t.type, t.occurredAt),
  ],
);

/** Files attached to work orders; the content lives in the attachment store (modules/workorders/attachments.ts). */
export const workOrderAttachments = pgTable(
  'work_order_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type', {
      enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('work_order_attachments_work_order_idx').on(t.workOrderId, t.createdAt),
    index('work_order_attachments_customer_idx').on(t.customerId),
  ],
);

/** Queues, assignment rules, SLA policies and the business calendar (one row). */
export const workOrderSettings = pgTable('work_order_settings', {
  id: integer('id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** In-app reminders (the bell). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['task_assigned', 'task_due', 'work_order_assigned', 'sla_warning', 'sla_breach'],
    }).notNull(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    workOrderId: uuid('work_order_id').references(() => workOrders.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Segments (客户分群): a rule (see modules/segments/rule.ts) and, materialized, its members. A dynamic
 * segment's members follow the rule at each refresh; a static one keeps the snapshot taken when saved.
 */
export const segments = pgTable('segments', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description'),
  kind: text('kind', { enum: ['dynamic', 'static'] }).notNull(),
  color: text('color'),
  rule: jsonb('rule').$type<components['schemas']['SegmentRule']>().notNull(),
  /** Set for the segments CIMS ships; keeps a preset from being created twice. */
  presetKey: text('preset_key').unique(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true, mode: 'date' }),
  createdBy: uuid('created_by').references(() => staffUsers.id),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const segmentMembers = pgTable(
  'segment_members',
  {
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.segmentId, t.customerId] }),
    index('segment_members_customer_idx').on(t.customerId),
  ],
);

/** Entering and leaving segments, for customers' timelines; kept when a segment is deleted. */
export const segmentEvents = pgTable(
  'segment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    segmentId: uuid('segment_id').notNull(),
    segmentName: text('segment_name').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ['entered', 'exited'] }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('segment_events_customer_idx').on(t.customerId, t.occurredAt, t.id)],
);

/** The RFM scores behind each customer's value tier (客户价值等级), as of the last scoring run. */
export const customerValueScores = pgTable('customer_value_scores', {
  customerId: uuid('customer_id')
    .primaryKey()
    .references(() => customers.id, { onDelete: 'cascade' }),
  recency: smallint('recency').notNull(),
  frequency: smallint('frequency').notNull(),
  monetary: smallint('monetary').notNull(),
  daysSinceLastOrder: integer('days_since_last_order'),
  orderCount: integer('order_count').notNull(),
  orderAmount: numeric('order_amount', { precision: 16, scale: 2 }).notNull(),
  method: text('method', { enum: ['quintiles', 'thresholds', 'organization'] }).notNull(),
  scoredAt: timestamp('scored_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Tier changes, for customers' timelines. */
export const valueTierChanges = pgTable(
  'value_tier_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    fromTier: text('from_tier'),
    toTier: text('to_tier'),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('value_tier_changes_customer_idx').on(t.customerId, t.changedAt, t.id)],
);

/** Value tier settings (one row, defaults until changed). */
export const valueTierSettings = pgTable('value_tier_settings', {
  id: integer('id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Automations (triggers) on a segment: what to do for customers entering it, or daily for its members. */
export const triggers = pgTable('triggers', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  isEnabled: boolean('is_enabled').notNull(),
  segmentId: uuid('segment_id')
    .notNull()
    .references(() => segments.id, { onDelete: 'cascade' }),
  firesOn: text('fires_on', { enum: ['segment_entry', 'daily'] }).notNull(),
  includeCurrentMembers: boolean('include_current_members').notNull().default(false),
  dailyAt: text('daily_at').notNull().default('09:00'),
  maxCustomersPerRun: integer('max_customers_per_run').notNull().default(500),
  actions: jsonb('actions').$type<components['schemas']['TriggerAction'][]>().notNull(),
  createdBy: uuid('created_by').references(() => staffUsers.id),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const triggerRuns = pgTable(
  'trigger_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    triggerId: uuid('trigger_id')
      .notNull()
      .references(() => triggers.id, { onDelete: 'cascade' }),
    isDryRun: boolean('is_dry_run').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    startedBy: uuid('started_by').references(() => staffUsers.id),
    customers: integer('customers').notNull().default(0),
    actionsDone: integer('actions_done').notNull().default(0),
    actionsSkipped: integer('actions_skipped').notNull().default(0),
    actionsFailed: integer('actions_failed').notNull().default(0),
    isCapped: boolean('is_capped').notNull().default(false),
  },
  (t) => [index('trigger_runs_trigger_idx').on(t.triggerId, t.startedAt)],
);

/**
 * What a run did per customer and action. `firingKey` names the occasion (the segment entry, or the day
 * of a daily trigger): an action settled (done or skipped) for a customer and firing is not taken again.
 */
export const triggerRunItems = pgTable(
  'trigger_run_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => triggerRuns.id, { onDelete: 'cascade' }),
    triggerId: uuid('trigger_id').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    firingKey: text('firing_key').notNull(),
    actionIndex: smallint('action_index').notNull(),
    actionType: text('action_type', {
      enum: ['create_task', 'add_tag', 'remove_tag', 'open_work_order', 'set_lifecycle_stage'],
    }).notNull(),
    result: text('result', { enum: ['done', 'would_do', 'skipped', 'failed'] }).notNull(),
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (t) => [
    index('trigger_run_items_run_idx').on(t.runId),
    uniqueIndex('trigger_run_items_settled_key')
      .on(t.triggerId, t.customerId, t.firingKey, t.actionIndex)
      .where(sql`result IN ('done', 'skipped')`),
  ],
);

/** Marketing campaigns (营销活动): orders and interactions carrying `code` as their campaign code count for it. */
export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  channel: text('channel', { enum: ['sms', 'email', 'phone', 'wechat'] }).notNull(),
  segmentId: uuid('segment_id')
    .notNull()
    .references(() => segments.id),
  startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
  cost: numeric('cost', { precision: 14, scale: 2 }).notNull(),
  contentRef: text('content_ref'),
  createdBy: uuid('created_by').references(() => staffUsers.id),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * Dashboard rollups: customers counted by the dimensions the charts filter and group by, and paid orders
 * by month, channel and the customer's region and owner (the owner keeps data scope enforceable on
 * aggregates). Rebuilt by modules/dashboard/rollups.ts; the charts never scan the base tables.
 */
export const dashboardCustomerRollups = pgTable(
  'dashboard_customer_rollups',
  {
    /** `city`, `lifecycle`, `tier` or `month`: which chart the row counts for (see rollups.ts). */
    dimension: text('dimension').notNull(),
    key: text('key'),
    provinceCode: text('province_code'),
    ownerId: uuid('owner_id'),
    customers: integer('customers').notNull(),
  },
  (t) => [index('dashboard_customer_rollups_dimension_idx').on(t.dimension, t.provinceCode)],
);

export const dashboardOrderRollups = pgTable(
  'dashboard_order_rollups',
  {
    month: date('month', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    provinceCode: text('province_code'),
    ownerId: uuid('owner_id'),
    orders: integer('orders').notNull(),
    revenue: numeric('revenue', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [index('dashboard_order_rollups_month_idx').on(t.month)],
);

/** When the rollups were last refreshed (one row). */
export const dashboardRefreshes = pgTable('dashboard_refreshes', {
  id: integer('id').primaryKey(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * The months (in Asia/Shanghai) whose order rollups are stale: every order write adds the order's month
 * before and after it, in its own transaction; the next refresh re-counts them and deletes them in its own.
 */
export const dashboardDirtyMonths = pgTable('dashboard_dirty_months', {
  month: date('month', { mode: 'string' }).primaryKey(),
});

/**
 * Maker-checker approval: one policy per kind of request (seeded by migration), and the requests. An
 * approved reveal is a one-time grant (`used_at`) for its requester, customer and field until `expires_at`.
 */
export const approvalPolicies = pgTable('approval_policies', {
  kind: text('kind', { enum: ['export', 'reveal', 'role_change', 'erasure'] }).primaryKey(),
  isEnabled: boolean('is_enabled').notNull(),
  approverRole: text('approver_role').notNull(),
  expiresAfterHours: integer('expires_after_hours').notNull(),
  rowThreshold: integer('row_threshold'),
  requesterRoles: text('requester_roles').array().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['export', 'reveal', 'role_change', 'erasure'] }).notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'expired', 'cancelled'] })
      .notNull()
      .default('pending'),
    reason: text('reason').notNull(),
    /** What approving lets happen (see ApprovalRequest.details in the contract). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => staffUsers.id),
    approverRole: text('approver_role').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedBy: uuid('decided_by').references(() => staffUsers.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionComment: text('decision_comment'),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('approval_requests_pending_idx')
      .on(table.approverRole, table.createdAt)
      .where(sql`status = 'pending'`),
    index('approval_requests_requester_idx').on(table.requestedBy, table.createdAt),
  ],
);

/** Exports: what was asked for, its progress, and the file under `<dataDir>/exports` while it lasts. */
export const dataExports = pgTable(
  'exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => staffUsers.id),
    source: text('source', { enum: ['customers', 'segment', 'work_orders', 'dashboard'] }).notNull(),
    format: text('format', { enum: ['csv', 'xlsx', 'pdf'] }).notNull(),
    status: text('status', {
      enum: ['awaiting_approval', 'queued', 'running', 'ready', 'failed', 'rejected', 'expired'],
    }).notNull(),
    reason: text('reason').notNull(),
    /** The ExportRequest as asked (filters, segment, channel). */
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    rows: integer('rows').notNull(),
    rowsDone: integer('rows_done').notNull().default(0),
    fileName: text('file_name'),
    fileSize: integer('file_size'),
    approvalId: uuid('approval_id').references(() => approvalRequests.id),
    error: text('error'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    /** When the running run claimed it (a run far older was stopped with its process). */
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [index('exports_requester_idx').on(table.requestedBy, table.createdAt)],
);

/** Tag definitions (colour, description); customers carry tags as text, defined or not. */
export const tagDefinitions = pgTable('tag_definitions', {
  name: text('name').primaryKey(),
  color: text('color').notNull(),
  description: text('description'),
  kind: text('kind', { enum: ['manual', 'automatic'] })
    .notNull()
    .default('manual'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
