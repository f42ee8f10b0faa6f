import type { TFunction } from 'i18next';
import { isApiError } from './api';
import { translateValidationMessage } from './validation-messages';

/**
 * What a refused file upload tells the person: too large (413), a type the server does not take (415),
 * content that is not what its type says (422, the server's own message), or, where the caller words it,
 * a conflict such as a full work order (409).
 */
export function uploadErrorMessage(
  t: TFunction,
  error: unknown,
  messages: { tooLarge: string; wrongType: string; conflict?: string },
): string {
  if (!isApiError(error)) return t('errors.network');
  if (error.status === 413) return messages.tooLarge;
  if (error.status === 415) return messages.wrongType;
  if (error.status === 409 && messages.conflict) return messages.conflict;
  const detail = error.problem.errors?.[0]?.message;
  if (error.status === 422 && detail) return translateValidationMessage(t, detail) ?? detail;
  return t('errors.generic');
}
