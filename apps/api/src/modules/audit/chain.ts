/** The hash chain: what each audit entry's hash covers, computed the same way when writing and verifying. */
import { createHash } from 'node:crypto';
import type { AuditAction } from './service';

export const genesisHash = '0'.repeat(64);

/** JSON with object keys sorted at every level: jsonb does not keep key order, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface ChainedContent {
  seq: number;
  occurredAt: Date;
  actorType: 'staff' | 'partner' | 'anonymous' | 'system';
  actorId: string | null;
  actorLabel: string | null;
  ipAddress: string | null;
  requestId: string | null;
  action: AuditAction;
  resourceType: string;
  resourceId: string | null;
  customerId: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  details: Record<string, unknown> | null;
  sealed: string | null;
  prevHash: string;
}

export function entryHash(entry: ChainedContent): string {
  const content = canonicalJson({ ...entry, occurredAt: entry.occurredAt.toISOString() });
  return createHash('sha256').update(content).digest('hex');
}
