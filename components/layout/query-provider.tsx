'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Warehouse state changes by the minute; 10 s avoids refetch storms across widgets
        // while keeping numbers fresh. Live views set their own refetchInterval.
        staleTime: 10_000,
        // Never retry a refusal: a 401/403 will not change by retrying.
        retry: (failureCount, error) => !/UNAUTHENTICATED|FORBIDDEN|BAD_USER_INPUT/.test(String((error as Error)?.message)) && failureCount < 2,
      },
    },
  });
}

export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
