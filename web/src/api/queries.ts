import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, type Gebruiker, type LocatieSamenvatting, type Lijst, type Referentie, type Sessie } from './client';

/** Current session, or null when not logged in. */
export const sessieQuery = queryOptions({
  queryKey: ['sessie'],
  queryFn: async (): Promise<Sessie | null> => {
    try {
      const s = await api<Sessie>('/v1/sessies/huidig');
      setCsrfToken(s.csrfToken);
      return s;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) { setCsrfToken(null); return null; }
      throw e;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export const referentieQuery = queryOptions({
  queryKey: ['referentie'],
  queryFn: () => api<Referentie>('/v1/referentie'),
  staleTime: Infinity,
});

export const locatiesQuery = queryOptions({
  queryKey: ['locaties'],
  queryFn: () => api<Lijst<LocatieSamenvatting>>('/v1/locaties'),
});

/** The logged-in user. Only use below the authenticated layout (its beforeLoad guarantees a session). */
export function useGebruiker(): Gebruiker {
  const { data } = useQuery(sessieQuery);
  if (!data) throw new ApiError(401, 'Niet ingelogd', 'U bent niet ingelogd.');
  return data.gebruiker;
}

export function useReferentie() {
  return useQuery(referentieQuery);
}
