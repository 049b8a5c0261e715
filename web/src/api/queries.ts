// Queries shared by several pages: the session, reference data, locations, a client's case and the client search.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Antwoord, ApiError, apiGet, setCsrfToken, type Vraag } from './client';
import type { Gebruiker, Sessie } from './types';

/** Current session, or null when not logged in. */
export const sessieQuery = queryOptions({
  queryKey: ['sessie'],
  queryFn: async (): Promise<Sessie | null> => {
    try {
      const s = await apiGet('/sessies/huidig');
      setCsrfToken(s.csrfToken);
      return s;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw e;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export const referentieQuery = queryOptions({
  queryKey: ['referentie'],
  queryFn: () => apiGet('/referentie'),
  staleTime: Infinity,
});

export const locatiesQuery = queryOptions({
  queryKey: ['locaties'],
  queryFn: () => apiGet('/locaties'),
});

/** One client's case (dossier); shared by the case page and its access log. */
export function clientQuery(clientId: string) {
  return {
    queryKey: ['client', clientId] as const,
    queryFn: () => apiGet('/clienten/{id}', { params: { id: clientId } }),
  };
}

/** A page of the client search (GET /v1/clienten). */
export function zoekClienten(query: Vraag<'/clienten'>): Promise<Antwoord<'/clienten'>> {
  return apiGet('/clienten', { query });
}

/** The logged-in user. Only use below the authenticated layout (its beforeLoad guarantees a session). */
export function useGebruiker(): Gebruiker {
  const { data } = useQuery(sessieQuery);
  if (!data) throw new ApiError(401, 'Niet ingelogd', 'U bent niet ingelogd.');
  return data.gebruiker;
}

export function useReferentie() {
  return useQuery(referentieQuery);
}
