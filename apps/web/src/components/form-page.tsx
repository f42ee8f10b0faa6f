import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../lib/api';

/**
 * A create or edit page: the breadcrumb back, the title, on an edit page the warning that someone else
 * saved first, and the form.
 */
export function FormPage({
  backTo,
  backLabel,
  title,
  conflict,
  children,
}: {
  backTo: string;
  backLabel: string;
  title: string;
  /** The warning shown after a save answered 412; nothing when there is no conflict. */
  conflict?: string | null;
  children: ReactNode;
}) {
  return (
    <div className="stack">
      <nav className="breadcrumb">
        <Link to={backTo}>{backLabel}</Link>
      </nav>
      <h1>{title}</h1>
      {conflict && (
        <div className="banner banner--warning" role="alert">
          {conflict}
        </div>
      )}
      {children}
    </div>
  );
}

/**
 * Whether the update failed because someone else saved first (412). It then reads the record again,
 * which replaces the form (keyed by version).
 */
export function useRefetchOnConflict(
  mutation: { error: unknown },
  query: { refetch: () => Promise<unknown> },
): boolean {
  const isConflict = isApiError(mutation.error) && mutation.error.status === 412;
  useEffect(() => {
    if (isApiError(mutation.error) && mutation.error.status === 412) void query.refetch();
  }, [mutation.error]);
  return isConflict;
}
