import { Link } from 'react-router-dom';
import { isApiError } from '../lib/api';

/** A record page that could not load: gone (404) or failed, with the way back to its list. */
export function RecordLoadError({
  error,
  notFound,
  loadFailed,
  backTo,
  backLabel,
}: {
  error: Error;
  notFound: string;
  loadFailed: string;
  backTo: string;
  backLabel: string;
}) {
  const isMissing = isApiError(error) && error.status === 404;
  return (
    <div className="empty-state">
      <p>{isMissing ? notFound : loadFailed}</p>
      <Link to={backTo}>{backLabel}</Link>
    </div>
  );
}
