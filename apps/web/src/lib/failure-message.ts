import { isApiError } from './api';

/**
 * The i18n key of why a call failed: no answer at all, the caller's words for the statuses it expects
 * (a conflict, a record gone), else the common words for 403 and for anything else.
 */
export function failureMessageKey(
  error: unknown,
  keysByStatus: Partial<Record<number, string>> = {},
): string {
  if (!isApiError(error)) return 'errors.network';
  return keysByStatus[error.status] ?? (error.status === 403 ? 'errors.forbidden' : 'errors.generic');
}
