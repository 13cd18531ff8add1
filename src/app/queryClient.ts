import { QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from '../api/client.ts';

/** Studio defaults: live data arrives by SSE, so no refetch on focus; 4xx answers are not retried. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (count, err) => {
          if (isApiRequestError(err) && err.status >= 400 && err.status < 500) return false;
          // Server unreachable: one quick retry, then say so (the health check keeps probing in the background).
          if (isApiRequestError(err) && err.isNetwork) return count < 1;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
