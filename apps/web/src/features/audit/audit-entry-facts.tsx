import type { components } from '@cims/api-client';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/format';
import { useUsers } from '../users/queries';
import {
  auditChangeRows,
  auditFieldLabel,
  EMPTY_VALUE,
  formatAuditValue,
  isCreationChanges,
  type TAuditValueContext,
} from './audit-format';

type TAuditEntry = components['schemas']['AuditEntry'];

function useAuditValueContext(action: string): TAuditValueContext {
  const { t } = useTranslation();
  const format = useFormatters();
  const users = useUsers();
  return {
    t,
    action,
    userName: (id) => users.data?.find((user) => user.id === id)?.displayName,
    formatDateTime: format.dateTime,
  };
}

/**
 * The fields an entry changed, each as before → after; sensitive values arrive masked. A creation has
 * no "before", so it lists the values it was created with, leaving out the empty ones.
 */
export function AuditChangeList({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const context = useAuditValueContext(entry.action);
  if (!entry.changes) return null;
  const isCreation = isCreationChanges(entry.changes);
  const rows = auditChangeRows(entry.changes, context).filter((row) =>
    isCreation ? row.after !== EMPTY_VALUE : row.before !== EMPTY_VALUE || row.after !== EMPTY_VALUE,
  );
  if (rows.length === 0) return null;
  return (
    <dl className="history__changes">
      {rows.map((row) => (
        <div key={row.key} className="history__change">
          <dt>{row.label}</dt>
          {isCreation ? (
            <dd>{row.after}</dd>
          ) : (
            <dd>
              <del>{row.before}</del>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden">{t('history.changedTo')}</span>
              <ins>{row.after}</ins>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/** Further facts of an entry, such as the field and stated reason of a reveal. */
export function AuditDetailList({ entry }: { entry: TAuditEntry }) {
  const context = useAuditValueContext(entry.action);
  const details = Object.entries(entry.details ?? {});
  if (details.length === 0) return null;
  return (
    <dl className="history__changes">
      {details.map(([field, value]) => (
        <div key={field} className="history__change">
          <dt>{auditFieldLabel(context.t, field)}</dt>
          <dd>{formatAuditValue(field, value, context)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Said in place of the changes of an entry about an erased customer, whose payload key was destroyed. */
export function AuditPayloadErasedNote({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  if (!entry.isPayloadErased) return null;
  return <p className="muted history__erased">{t('audit.payloadErased')}</p>;
}
