import type { components } from '@cims/api-client';
import type { AuditEntryView } from './service';

export function toAuditEntry(entry: AuditEntryView): components['schemas']['AuditEntry'] {
  const { sealed: _sealed, prevHash: _prevHash, ...visible } = entry;
  return {
    ...visible,
    occurredAt: entry.occurredAt.toISOString(),
    changes: entry.changes ?? null,
    details: entry.details ?? null,
  };
}
