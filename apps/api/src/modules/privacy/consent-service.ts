import type { components } from '@cims/api-client';
import type { Database } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { appendAuditEntry } from '../audit/service';
import { assertNotErased, getCustomer } from '../customers/service';
import { type ConsentEventRow, insertConsentEvent, listConsentEvents } from './consent-repo';

type Schemas = components['schemas'];
const purposes: Schemas['ConsentPurpose'][] = ['marketing', 'analytics', 'third_party_sharing'];
const channels: Schemas['ConsentChannel'][] = ['sms', 'email', 'phone', 'wechat'];

function toConsentEvent(row: ConsentEventRow): Schemas['ConsentEvent'] {
  return {
    id: row.id,
    purpose: row.purpose,
    channel: row.channel,
    status: row.status,
    source: row.source,
    textVersion: row.textVersion,
    isSeparateConsent: row.isSeparateConsent,
    evidence: row.evidence,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: row.recordedBy,
  };
}

/** The consent in force per purpose × channel, from the history (newest first). */
export function currentConsents(history: ConsentEventRow[]): Schemas['ConsentState'][] {
  return purposes.flatMap((purpose) =>
    channels.map((channel) => {
      const events = history.filter((e) => e.purpose === purpose && e.channel === channel);
      const latest = events[0];
      const lastGrant = events.find((e) => e.status === 'granted');
      return {
        purpose,
        channel,
        isGranted: latest?.status === 'granted',
        grantedAt: lastGrant?.recordedAt.toISOString() ?? null,
        withdrawnAt: latest?.status === 'withdrawn' ? latest.recordedAt.toISOString() : null,
        textVersion: latest?.status === 'granted' ? latest.textVersion : null,
      };
    }),
  );
}

export async function getCustomerConsents(db: Database, actor: RequestActor, customerId: string) {
  await getCustomer(db, actor.viewer, customerId);
  const history = await listConsentEvents(db, customerId);
  return { current: currentConsents(history), history: history.map(toConsentEvent) };
}

export async function recordCustomerConsent(
  db: Database,
  actor: RequestActor,
  input: { customerId: string; record: Schemas['ConsentRecord'] },
) {
  const customer = await getCustomer(db, actor.viewer, input.customerId);
  assertNotErased(customer.row);
  const { record } = input;
  await db.transaction(async (tx) => {
    await insertConsentEvent(tx, {
      customerId: input.customerId,
      purpose: record.purpose,
      channel: record.channel,
      status: record.status,
      source: record.source.trim(),
      textVersion: record.textVersion.trim(),
      isSeparateConsent: record.isSeparateConsent ?? false,
      evidence: record.evidence ?? null,
      recordedBy: actor.audit.actorLabel,
    });
    await appendAuditEntry(tx, actor.audit, {
      action: record.status === 'granted' ? 'consent.grant' : 'consent.withdraw',
      resourceType: 'consent',
      resourceId: `${record.purpose}:${record.channel}`,
      customerId: input.customerId,
      details: {
        purpose: record.purpose,
        channel: record.channel,
        source: record.source,
        textVersion: record.textVersion,
      },
    });
  });
  return getCustomerConsents(db, actor, input.customerId);
}
