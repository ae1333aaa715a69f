import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    // The API is the one judge: refetch when the user comes back to the tab, not on a timer.
    queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: true },
  },
});
