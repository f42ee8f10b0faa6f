import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { sessionKeys } from '../features/auth/queries';
import { isApiError, setCsrfToken } from './api';

/**
 * A 401 on any call other than the start-up session check means the session expired or was revoked
 * elsewhere. Clearing the cached session sends the user to the sign-in page from wherever they are;
 * a 401 while no session is cached (a wrong password) is left to the form that caused it.
 */
function expireSessionOn401(client: QueryClient, error: unknown): void {
  if (!isApiError(error) || error.status !== 401) return;
  if (!client.getQueryData(sessionKeys.me())) return;
  setCsrfToken(null);
  client.setQueryData(sessionKeys.me(), null);
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => expireSessionOn401(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => expireSessionOn401(client, error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors will not improve with retries; only transient server or network failures might.
        retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}
