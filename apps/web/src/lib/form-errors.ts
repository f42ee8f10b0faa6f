import type { FieldError as ProblemFieldError } from '@cims/api-client';
import {
  type FieldErrors,
  type FieldPath,
  type FieldValues,
  get,
  type UseFormSetError,
} from 'react-hook-form';
import type { ApiError } from './api';

/** `/contactPoints/0/value` → `contactPoints.0.value` (RFC 6901 unescaping included). */
export function pointerToFieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}

/**
 * Puts the server's field errors on the form fields they name and returns the ones no field shows
 * (paths into the query string, or fields this form does not render), so the caller can list them in
 * its banner instead of losing them.
 */
export function applyFieldErrors<T extends FieldValues>(options: {
  error: ApiError;
  setError: UseFormSetError<T>;
  isRenderedField: (path: string) => boolean;
  /** Where a pointer into the request body shows, for forms not shaped like the body; default the same path. */
  toFieldPath?: (pointer: string) => string;
}): ProblemFieldError[] {
  const toFieldPath = options.toFieldPath ?? pointerToFieldPath;
  const unshown: ProblemFieldError[] = [];
  let hasFocused = false;
  for (const fieldError of options.error.problem.errors ?? []) {
    const path = toFieldPath(fieldError.path);
    if (path !== '' && options.isRenderedField(path)) {
      // The path comes from the server, so the compiler cannot know it is one of T's paths.
      options.setError(
        path as FieldPath<T>,
        { type: 'server', message: fieldError.message },
        { shouldFocus: !hasFocused },
      );
      hasFocused = true;
    } else {
      unshown.push(fieldError);
    }
  }
  return unshown;
}

/** The message of the error at a dotted path such as `contactPoints.0.value`, if there is one. */
export function errorMessageAt<T extends FieldValues>(
  errors: FieldErrors<T>,
  path: string,
): string | undefined {
  const entry: unknown = get(errors, path);
  if (typeof entry !== 'object' || entry === null || !('message' in entry)) return undefined;
  return typeof entry.message === 'string' ? entry.message : undefined;
}
