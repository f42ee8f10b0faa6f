import { createCimsClient, isProblem, type Problem, type paths } from '@cims/api-client';

// The CSRF token lives in memory only: a copy in localStorage would be readable by any injected script
// for longer than the tab lives, and `GET /me` returns the session's token on every start-up anyway.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export const api = createCimsClient({ getCsrfToken: () => csrfToken });

/** A failed API call, carrying the problem body so callers can map field errors or show the title. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type ClientResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Turns an openapi-fetch result into data or a thrown ApiError, so TanStack Query sees failures as
 * failures. Proxies and crashed servers answer without a problem body; those get a synthetic one.
 */
export async function unwrap<T>(request: Promise<ClientResult<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) {
    if (isProblem(error)) throw new ApiError(error);
    throw new ApiError({
      type: 'about:blank',
      title: response.statusText || 'Request failed',
      status: response.status,
      code: 'http_error',
    });
  }
  // openapi-fetch leaves data undefined for 204; callers of such operations expect nothing back.
  return data as T;
}

/** The ETag form of a version, as `updateCustomer` wants it in If-Match. */
export function toEtag(version: number): string {
  return `"${version}"`;
}

type TPathParams<P extends keyof paths> = paths[P]['parameters'] extends {
  path: infer T extends Record<string, string>;
}
  ? T
  : never;

/**
 * The address of an operation for the rare place where the browser loads it itself rather than through
 * the client: a download link, which carries the session cookie and saves the file without reading it
 * into memory. The template is the contract's own path, so a renamed operation fails to compile.
 */
export function apiPath<P extends keyof paths>(path: P, params: TPathParams<P>): string {
  const values: Record<string, string> = params;
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
}

/**
 * The request options of an operation whose body is a file as it is (imports, attachments). The contract
 * types the raw body as a string; fetch sends a File as it is, streamed from disk instead of read into
 * memory first, so the serializer must leave it alone.
 */
export function rawFileBody(file: File) {
  return { body: file as unknown as string, bodySerializer: (body: string) => body };
}
