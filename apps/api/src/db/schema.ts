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
  index,
  integer,
  jsonb,
  pgTable,
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
  dataScope: text('data_scope', { enum: ['all', 'own_or_team'] }).notNull(),
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
    index('customers_province_code_idx').on(t.provinceCode),
    index('customers_city_code_idx').on(t.cityCode),
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
    provinceCode: text('province_code').notNull(),
    cityCode: text('city_code'),
    districtCode: text('district_code'),
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
