/**
 * Customer master data: standardize on the way in (through the shared @cims/schemas validators, the same
 * ones the SPA forms use), write in one transaction, guard updates with the version (optimistic concurrency).
 */
import type { components, operations } from '@cims/api-client';
import {
  cjkGrams,
  displayNameFor,
  normalizeEmail,
  normalizePhone,
  normalizeSearchQuery,
  ZCustomerUpdate,
  ZOrganizationInput,
  ZPersonInput,
  zodIssuesToFieldErrors,
} from '@cims/schemas';
import type { z } from 'zod';
import type { Database, Queryable } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { DomainError, type FieldError, validationFailed } from '../../http/errors';
import {
  canAssignOwners,
  hasAllScope,
  type SensitiveField,
  sensitiveFields,
  type Viewer,
} from '../access/policies';
import {
  consumeRevealGrant,
  findOrRequestApproval,
  getApprovalPolicy,
  isRevealHeld,
} from '../approvals/requests';
import { type AuditAction, type AuditContext, appendAuditEntry, diffSnapshots } from '../audit/service';
import { getDataQualitySettings } from '../data-quality/settings';
import { type ConsentChannel, type ConsentPurpose, consentInForce } from '../privacy/consent-repo';
import { completeOpenTasksFor } from '../tasks/service';
import { findStaffMember } from '../users/service';
import { customerAuditSnapshot } from './audit-snapshot';
import { deriveCustomerColumns, otherIdColumns, residentIdColumns } from './derived-columns';
import {
  type CustomerInsert,
  type CustomerRecord,
  countCustomerRows,
  customerFilters,
  customerScope,
  findCustomerRecord,
  findCustomerRowsByContact,
  listCustomerRows,
  lockCustomerRow,
  replaceAddresses,
  replaceContactPoints,
  type SearchToken,
  searchCustomerRows,
  setDeleted,
  type sortColumns,
  updateCustomerRow,
} from './repo';
import { addressRows, contactPointRows, provenanceFor } from './rows';

/** Standardizes input with a shared schema; errors carry JSON Pointers under `pathPrefix`. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  pathPrefix = '',
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldError[] } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    errors: zodIssuesToFieldErrors(parsed.error).map((e) => ({
      path: pathPrefix + e.path,
      message: e.message,
    })),
  };
}

/** As parseWith, but invalid input is a validation_failed error (422) listing every field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, pathPrefix = ''): z.output<S> {
  const parsed = parseWith(schema, input, pathPrefix);
  if (!parsed.ok) throw validationFailed(parsed.errors);
  return parsed.data;
}

/**
 * The owner must be a staff user; and someone who sees only their own and their team's customers may not
 * hand one outside that scope (nor leave it unowned), or it would vanish from their own list at once.
 * Someone who sees customers only through work orders (service staff) names no owner at all: owning a
 * customer keeps it in their scope, so naming themselves would let them take any customer a work order
 * shows them. `unchanged` is the value that is no change (the current owner; on creation, the caller).
 */
export async function assertOwnerAssignable(
  db: Queryable,
  viewer: Viewer,
  ownerId: string | null | undefined,
  unchanged: string | null = viewer.userId,
) {
  if (ownerId === undefined) return;
  if (!canAssignOwners(viewer)) {
    if (ownerId === unchanged) return;
    throw validationFailed([{ path: '/ownerId', message: 'Your role cannot change the owner' }]);
  }
  const owner = ownerId ? await findStaffMember(db, ownerId) : null;
  if (ownerId && !owner)
    throw validationFailed([{ path: '/ownerId', message: 'No staff user with this id' }]);
  if (hasAllScope(viewer) || ownerId === viewer.userId) return;
  if (!owner || !viewer.team || owner.team !== viewer.team) {
    throw validationFailed([{ path: '/ownerId', message: 'Owner must be you or a member of your team' }]);
  }
}

/** Where a staff or partner write's values come from, for provenance. */
export function staffOrigin(actor: RequestActor) {
  return {
    source: actor.audit.actorType === 'partner' ? 'api' : 'staff',
    sourceChannel: null,
    importId: null,
  };
}

/** One customer within the viewer's data scope; outside it, 404 as if it did not exist. */
export async function getCustomer(db: Queryable, viewer: Viewer, id: string) {
  const record = await findCustomerRecord(db, id, customerScope(viewer));
  if (!record) throw new DomainError('not_found', 'No such customer.');
  return record;
}

/**
 * Reading a customer with sensitive values in the clear is audited (which fields, not the values), so
 * that who saw what can be proven; masked and hidden values are not a disclosure and are not recorded.
 */
export async function viewCustomer(db: Database, actor: RequestActor, id: string) {
  const record = await getCustomer(db, actor.viewer, id);
  const present: Record<SensitiveField, boolean> = {
    residentIdNumber: record.residentIdNumber !== null,
    otherIdNumber: record.otherIdNumber !== null,
    birthDate: record.row.birthDate !== null,
    phone: record.contactPoints.some((p) => p.type === 'phone'),
    email: record.contactPoints.some((p) => p.type === 'email'),
    wechat: record.contactPoints.some((p) => p.type === 'wechat'),
    addressDetail: record.addresses.length > 0,
  };
  const disclosed = sensitiveFields.filter(
    (field) => present[field] && actor.viewer.fieldAccess[field] === 'visible',
  );
  if (disclosed.length > 0) {
    await db.transaction((tx) =>
      appendAuditEntry(tx, actor.audit, {
        action: 'customer.view',
        resourceType: 'customer',
        resourceId: id,
        customerId: id,
        details: { unmaskedFields: disclosed },
      }),
    );
  }
  return record;
}

/** Erasure is final: an erased customer is neither changed nor restored. */
export function assertNotErased(row: { erasedAt: Date | null }) {
  if (row.erasedAt)
    throw new DomainError(
      'conflict',
      'This customer was erased; nothing of them can be changed or restored.',
    );
}

/** After a write the viewer was allowed to make (scope checked when the row was locked). */
export async function loadWrittenCustomer(db: Queryable, id: string) {
  const record = await findCustomerRecord(db, id);
  if (!record) throw new Error(`customer ${id} vanished inside its own transaction`);
  return record;
}

/**
 * Records a change of one customer, the snapshot before (null when created) against the one after, and
 * returns the customer as it now is (the response, read once inside the transaction).
 */
async function auditCustomerChange(
  tx: Queryable,
  audit: AuditContext,
  input: { action: AuditAction; customerId: string; before: CustomerRecord | null },
): Promise<CustomerRecord> {
  const after = await loadWrittenCustomer(tx, input.customerId);
  await appendAuditEntry(tx, audit, {
    action: input.action,
    resourceType: 'customer',
    resourceId: input.customerId,
    customerId: input.customerId,
    changes: diffSnapshots(
      input.before ? customerAuditSnapshot(input.before) : {},
      customerAuditSnapshot(after),
    ),
  });
  return after;
}

/** Accepts `"3"`, `W/"3"` or `3`; anything else can never match a version. */
export function versionFromEtag(ifMatch: string): number | null {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Replacing a list one cannot fully see would drop entries one never saw, so contact points and addresses
 * are editable only where visible; a single value (an ID number) may be overwritten unless it is hidden.
 */
function assertEditable(
  viewer: Viewer,
  patch: { person?: object; contactPoints?: unknown; addresses?: unknown },
) {
  const blocked: SensitiveField[] = [];
  for (const field of ['residentIdNumber', 'otherIdNumber', 'birthDate'] as const) {
    if (patch.person && field in patch.person && viewer.fieldAccess[field] === 'hidden') blocked.push(field);
  }
  const lists: [unknown, SensitiveField[]][] = [
    [patch.contactPoints, ['phone', 'email', 'wechat']],
    [patch.addresses, ['addressDetail']],
  ];
  for (const [value, fields] of lists) {
    if (value !== undefined)
      blocked.push(...fields.filter((field) => viewer.fieldAccess[field] !== 'visible'));
  }
  if (blocked.length > 0) {
    throw new DomainError('forbidden', `Your role cannot see, and so cannot change: ${blocked.join(', ')}.`);
  }
}

export async function updateCustomer(
  db: Database,
  actor: RequestActor,
  input: { id: string; ifMatch: string; body: unknown },
) {
  const patch = parseOrThrow(ZCustomerUpdate, input.body);
  assertEditable(actor.viewer, input.body as object);
  const expectedVersion = versionFromEtag(input.ifMatch);

  return db.transaction(async (tx) => {
    const current = await lockCustomerRow(tx, input.id, customerScope(actor.viewer));
    if (!current) throw new DomainError('not_found', 'No such customer.');
    assertNotErased(current);
    await assertOwnerAssignable(tx, actor.viewer, patch.ownerId, current.ownerId);
    if (current.version !== expectedVersion) {
      throw new DomainError(
        'version_conflict',
        `The customer is at version ${current.version}; reload it and apply your change again.`,
      );
    }
    const before = await loadWrittenCustomer(tx, current.id);
    if (patch.person && current.kind !== 'person') {
      throw validationFailed([{ path: '/person', message: 'Only persons have person fields' }]);
    }
    if (patch.organization && current.kind !== 'organization') {
      throw validationFailed([
        { path: '/organization', message: 'Only organizations have organization fields' },
      ]);
    }

    const changes: Partial<CustomerInsert> = {};
    let names = {
      familyName: current.familyName,
      givenName: current.givenName,
      legalName: current.legalName,
    };
    if (patch.person) {
      // Re-validate the merged person, so that a new ID number is checked against the stored birth date.
      // The raw patch is merged: its parsed form already carries values derived from the new ID.
      const rawPerson = (input.body as { person: Record<string, unknown> }).person;
      const person = parseOrThrow(
        ZPersonInput,
        {
          familyName: current.familyName ?? '',
          givenName: current.givenName ?? '',
          gender: current.gender ?? 'unknown',
          birthDate: current.birthDate,
          residentIdNumber: before.residentIdNumber,
          otherIdType: current.otherIdType,
          otherIdNumber: before.otherIdNumber,
          ...rawPerson,
        },
        '/person',
      );
      Object.assign(changes, {
        familyName: person.familyName || null,
        givenName: person.givenName || null,
        gender: person.gender ?? 'unknown',
        birthDate: person.birthDate ?? null,
        ...residentIdColumns(person.residentIdNumber ?? null),
        ...otherIdColumns(person.otherIdNumber ?? null, person.otherIdType),
      });
      names = { ...names, familyName: person.familyName, givenName: person.givenName };
    }
    if (patch.organization) {
      const organization = parseOrThrow(
        ZOrganizationInput,
        {
          legalName: current.legalName,
          uscc: current.uscc,
          size: current.organizationSize,
          ...(input.body as { organization: Record<string, unknown> }).organization,
        },
        '/organization',
      );
      Object.assign(changes, {
        legalName: organization.legalName,
        uscc: organization.uscc ?? null,
        organizationSize: organization.size ?? null,
      });
      names = { ...names, legalName: organization.legalName };
    }
    const autoName = (n: typeof names) =>
      current.kind === 'person'
        ? displayNameFor({
            kind: 'person',
            person: { familyName: n.familyName ?? '', givenName: n.givenName ?? '' },
          })
        : displayNameFor({ kind: 'organization', organization: { legalName: n.legalName ?? '' } });
    const hadAutoName = current.displayName === autoName(current);
    const displayName =
      patch.displayName ??
      (hadAutoName || patch.displayName === null ? autoName(names) : current.displayName);

    for (const key of [
      'customerType',
      'industry',
      'sourceChannel',
      'lifecycleStage',
      'ownerId',
      'notes',
      'contractEndDate',
    ] as const) {
      if (patch[key] !== undefined) Object.assign(changes, { [key]: patch[key] });
    }
    const tags = patch.tags ?? current.tags;
    const contactPoints = patch.contactPoints ? contactPointRows(patch.contactPoints) : before.contactPoints;
    const addresses = patch.addresses ? addressRows(patch.addresses) : before.addresses;

    await updateCustomerRow(tx, current.id, {
      ...changes,
      displayName,
      tags,
      provenance: { ...current.provenance, ...provenanceFor(Object.keys(patch), staffOrigin(actor)) },
      ...deriveCustomerColumns({
        ...current,
        ...changes,
        displayName,
        tags,
        contactPoints,
        addresses,
      }),
    });
    if (patch.contactPoints) await replaceContactPoints(tx, current.id, contactPoints);
    if (patch.addresses) await replaceAddresses(tx, current.id, addresses);
    return auditCustomerChange(tx, actor.audit, {
      action: 'customer.update',
      customerId: current.id,
      before,
    });
  });
}

/** Soft delete (isDeleted) or restore; doing either twice changes nothing and records nothing. */
async function setCustomerDeleted(db: Database, actor: RequestActor, id: string, isDeleted: boolean) {
  await db.transaction(async (tx) => {
    const current = await lockCustomerRow(tx, id, customerScope(actor.viewer));
    if (!current) throw new DomainError('not_found', 'No such customer.');
    if ((current.deletedAt !== null) === isDeleted) return;
    assertNotErased(current);
    const before = await loadWrittenCustomer(tx, id);
    await setDeleted(tx, id, isDeleted);
    const action = isDeleted ? 'customer.delete' : 'customer.restore';
    await auditCustomerChange(tx, actor.audit, { action, customerId: id, before });
  });
}

export async function deleteCustomer(db: Database, actor: RequestActor, id: string) {
  await setCustomerDeleted(db, actor, id, true);
}

export async function restoreCustomer(db: Database, actor: RequestActor, id: string) {
  await setCustomerDeleted(db, actor, id, false);
  return loadWrittenCustomer(db, id);
}

/**
 * The plain value of one masked field, for a viewer allowed to reveal it; the reveal is audited. Where the
 * reveal approval policy names one of the viewer's roles, a reveal uses up an approved request for this
 * field of this customer, or else asks for one (`approvalId`; asking again while it is pending asks once).
 */
export async function revealCustomerField(
  db: Database,
  actor: RequestActor,
  input: { id: string; field: SensitiveField; reason: string },
): Promise<{ field: SensitiveField; values: string[] } | { approvalId: string }> {
  const record = await getCustomer(db, actor.viewer, input.id);
  assertNotErased(record.row);
  const access = actor.viewer.fieldAccess[input.field];
  if (access === 'hidden' || (access === 'masked' && !actor.viewer.canReveal)) {
    throw new DomainError('forbidden', `Your role may not reveal ${input.field}.`);
  }
  const { row } = record;
  const candidates: (string | null)[] = {
    residentIdNumber: [record.residentIdNumber],
    otherIdNumber: [record.otherIdNumber],
    birthDate: [row.birthDate],
    phone: record.contactPoints.filter((p) => p.type === 'phone').map((p) => p.value),
    email: record.contactPoints.filter((p) => p.type === 'email').map((p) => p.value),
    wechat: record.contactPoints.filter((p) => p.type === 'wechat').map((p) => p.value),
    addressDetail: record.addresses.map((a) => a.detail),
  }[input.field];
  const values = candidates.filter((value): value is string => value !== null);
  const policy = await getApprovalPolicy(db, 'reveal');
  const userId = actor.viewer.userId;
  const isHeld = access === 'masked' && userId !== null && isRevealHeld(policy, actor.viewer.roles);
  const held = { customerId: row.id, field: input.field };
  return db.transaction(async (tx) => {
    const grantId = isHeld ? await consumeRevealGrant(tx, { requestedBy: userId, ...held }) : null;
    if (isHeld && !grantId) {
      const pending = await findOrRequestApproval(tx, actor, {
        kind: 'reveal',
        policy,
        reason: input.reason,
        details: held,
        sameAs: held,
      });
      return { approvalId: pending.id };
    }
    await appendAuditEntry(tx, actor.audit, {
      action: 'customer.reveal',
      resourceType: 'customer',
      resourceId: row.id,
      customerId: row.id,
      details: { field: input.field, reason: input.reason, valueCount: values.length, approvalId: grantId },
    });
    return { field: input.field, values };
  });
}

type ListParams = NonNullable<operations['listCustomers']['parameters']['query']>;

const timestampText = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A cursor names its sort, so that one from another ordering is refused rather than misread. */
function encodeCursor(sort: string, value: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: string): { value: string; id: string } {
  try {
    const [cursorSort, value, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    const isValueValid =
      typeof value === 'string' &&
      (sort.endsWith('displayName') ||
        (sort.endsWith('qualityScore') ? /^\d{1,3}$/.test(value) : timestampText.test(value)));
    if (cursorSort === sort && isValueValid && typeof id === 'string' && uuidText.test(id))
      return { value, id };
  } catch {
    // fall through to the validation error
  }
  throw validationFailed([
    { path: '/query/cursor', message: 'Not a cursor of this list and sort order; start from the first page' },
  ]);
}

export async function listCustomers(db: Database, viewer: Viewer, params: ListParams) {
  const sortParam = params.sort ?? '-createdAt';
  const sort = {
    column: sortParam.replace(/^-/, '') as keyof typeof sortColumns,
    isDescending: sortParam.startsWith('-'),
  };
  const limit = params.limit ?? 50;
  const filters = await customerListConditions(db, viewer, params);
  const after = params.cursor ? decodeCursor(params.cursor, sortParam) : null;

  const rows = await listCustomerRows(db, { filters, sort, after, limit });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(sortParam, last.sortValue, last.id) : null;
  return { rows: page, nextCursor };
}

export type CustomerListFilter = components['schemas']['CustomerListFilter'];

/** The SQL conditions of the customer list's filters, within the viewer's data scope. */
async function customerListConditions(db: Database, viewer: Viewer, params: CustomerListFilter) {
  const filters = [customerFilters.isDeleted(params.status === 'deleted')];
  const scope = customerScope(viewer);
  if (scope) filters.push(scope);
  if (params.kind) filters.push(customerFilters.kind(params.kind));
  if (params.tag) filters.push(customerFilters.tag(params.tag));
  if (params.lifecycleStage) filters.push(customerFilters.lifecycleStage(params.lifecycleStage));
  if (params.ownerId) filters.push(customerFilters.ownerId(params.ownerId));
  if (params.provinceCode) filters.push(customerFilters.provinceCode(params.provinceCode));
  if (params.cityCode) filters.push(customerFilters.cityCode(params.cityCode));
  if (params.createdFrom) filters.push(customerFilters.createdFrom(params.createdFrom));
  if (params.createdTo) filters.push(customerFilters.createdTo(params.createdTo));
  if (params.qualityBelow) filters.push(customerFilters.qualityBelow(params.qualityBelow));
  if (params.valueTier) filters.push(customerFilters.valueTier(params.valueTier));
  if (params.serviceStatus) filters.push(customerFilters.serviceStatus(params.serviceStatus));
  if (params.segmentId) filters.push(customerFilters.segmentId(params.segmentId));
  if (params.orderedFrom || params.orderedTo || params.orderChannel)
    filters.push(
      customerFilters.ordered({
        from: params.orderedFrom,
        to: params.orderedTo,
        channel: params.orderChannel,
      }),
    );
  if (params.stale) {
    const { staleAfterDays } = await getDataQualitySettings(db);
    filters.push(customerFilters.staleAfter(staleAfterDays));
  }
  if (params.consent) {
    const [purpose, channel] = params.consent.split(':') as [ConsentPurpose, ConsentChannel];
    filters.push(consentInForce(purpose, channel));
  }
  return filters;
}

/** How many customers the list's filters select (for exports, which say their size first). */
export async function countCustomers(db: Database, viewer: Viewer, params: CustomerListFilter) {
  return countCustomerRows(db, await customerListConditions(db, viewer, params));
}

/**
 * Quick search. Fragments of phone numbers and emails would let someone who sees them masked recover
 * them digit by digit, so such viewers find a customer by a complete phone number or email only (what a
 * caller tells the hotline), and by fragments of names and tags.
 */
export async function searchCustomers(db: Database, viewer: Viewer, params: { q: string; limit?: number }) {
  const query = normalizeSearchQuery(params.q);
  const limit = params.limit ?? 10;
  if (!query.value) return [];
  const scope = customerScope(viewer);
  const isContactSearchAllowed = (['phone', 'email', 'wechat'] as const).every(
    (field) => viewer.fieldAccess[field] === 'visible',
  );
  if (!isContactSearchAllowed) {
    const phone = query.kind === 'digits' ? normalizePhone(params.q) : null;
    if (phone)
      return phone.ok
        ? findCustomerRowsByContact(db, { type: 'phone', value: phone.e164, scope, limit })
        : [];
    const email = query.value.includes('@') ? normalizeEmail(query.value) : null;
    if (email)
      return email.ok
        ? findCustomerRowsByContact(db, { type: 'email', value: email.value, scope, limit })
        : [];
  }
  const tokens: SearchToken[] =
    query.kind === 'digits'
      ? [{ text: query.value, grams: [] }]
      : query.value.split(' ').map((text) => ({ text, grams: significantGrams(text) }));
  return searchCustomerRows(db, { whole: query.value, tokens, limit, scope, isContactSearchAllowed });
}

/** Bigrams when the token has two or more CJK characters in a row (far more selective), else unigrams. */
function significantGrams(token: string): string[] {
  const grams = cjkGrams(token);
  const bigrams = grams.filter((g) => g.length === 2);
  return bigrams.length > 0 ? bigrams : grams;
}

/** Staff confirmed the data with the customer: it is verified as of now and its review tasks are done. */
export async function verifyCustomer(db: Database, actor: RequestActor, id: string) {
  return db.transaction(async (tx) => {
    const current = await lockCustomerRow(tx, id, customerScope(actor.viewer));
    if (!current) throw new DomainError('not_found', 'No such customer.');
    assertNotErased(current);
    await updateCustomerRow(tx, id, { lastVerifiedAt: new Date() });
    await completeOpenTasksFor(tx, id, 'data_review');
    await appendAuditEntry(tx, actor.audit, {
      action: 'customer.verify',
      resourceType: 'customer',
      resourceId: id,
      customerId: id,
    });
    return loadWrittenCustomer(tx, id);
  });
}
