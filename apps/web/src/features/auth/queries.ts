import type { Session } from '@cims/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken, unwrap } from '../../lib/api';

export const sessionKeys = {
  all: ['session'] as const,
  me: () => [...sessionKeys.all, 'me'] as const,
};

/** The current session, or null when nobody is signed in (the API answers 401). */
async function getSession(): Promise<Session | null> {
  try {
    const session = await unwrap(api.GET('/api/v1/me'));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionKeys.me(),
    queryFn: getSession,
    // The session only changes through sign-in, sign-out or a 401, each of which writes this cache entry.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export type TSignInInput = { email: string; password: string };

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSignInInput) => unwrap(api.POST('/api/v1/auth/sign-in', { body })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKeys.me(), session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/sign-out')),
    // Even if the server call fails the user asked to leave: drop every cached record so the next person
    // at this browser sees nothing of the previous session.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
      queryClient.setQueryData(sessionKeys.me(), null);
    },
  });
}
