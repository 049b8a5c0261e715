import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles.css';
import { ApiError } from './api/client';
import { createAppRouter } from './app/router';

function onUnauthorized(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && router.state.location.pathname !== '/inloggen') {
    queryClient.setQueryData(['sessie'], null);
    // issue 16: back to this page after logging in again (its form drafts are kept in sessionStorage)
    const terug = router.state.location.href;
    void router.navigate({ to: '/inloggen', search: { terug: terug !== '/' ? terug : undefined } });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthorized }),
  mutationCache: new MutationCache({ onError: onUnauthorized }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
