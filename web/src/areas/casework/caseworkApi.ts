// Types, query keys and the mutation helper of daily casework (issue 12 deel A). Every key of a client's casework
// sits under ['client', clientId], so a change anywhere in the dossier refreshes the summary and the sections.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import type { Schema } from '../../api/types';

export type Rapportage = Schema<'Rapportage'>;
export type Afspraak = Schema<'Afspraak'>;
export type Document = Schema<'Document'>;
export type Samenvatting = Schema<'DossierSamenvatting'>;
export type Taak = Schema<'Taak'>;
export type CaseloadRegel = Schema<'CaseloadRegel'>;

export interface JournaalFilter {
  soort?: string;
  zoek?: string;
  van?: string;
  tot?: string;
  pagina?: number;
  paginaGrootte?: number;
}
/** Journal entries per page in the Rapportage section and per step on the timeline. */
export const JOURNAAL_PAGINA = 20;

export const samenvattingQuery = (clientId: string) => ({
  queryKey: ['client', clientId, 'samenvatting'] as const,
  queryFn: () => apiGet('/clienten/{id}/samenvatting', { params: { id: clientId } }),
});
export const journaalQuery = (clientId: string, filter: JournaalFilter) => ({
  queryKey: ['client', clientId, 'journaal', filter] as const,
  queryFn: () => apiGet('/clienten/{id}/journaalberichten', { params: { id: clientId }, query: filter }),
});
/** The journal page by page (the dossier timeline loads older pages when asked). */
export const journaalPaginasQuery = (clientId: string) => ({
  queryKey: ['client', clientId, 'journaal', 'paginas'] as const,
  queryFn: ({ pageParam }: { pageParam: number }) =>
    apiGet('/clienten/{id}/journaalberichten', {
      params: { id: clientId },
      query: { pagina: pageParam, paginaGrootte: JOURNAAL_PAGINA },
    }),
  initialPageParam: 1,
  getNextPageParam: (last: { pagina: number; _links: { next?: unknown } }) =>
    last._links.next ? last.pagina + 1 : undefined,
});
export type Overdracht = Schema<'CollegaOverdracht'>;
export const afsprakenQuery = (clientId: string) => ({
  queryKey: ['client', clientId, 'afspraken'] as const,
  queryFn: () => apiGet('/clienten/{id}/afspraken', { params: { id: clientId } }),
});
export const documentenQuery = (clientId: string) => ({
  queryKey: ['client', clientId, 'documenten'] as const,
  queryFn: () => apiGet('/clienten/{id}/documenten', { params: { id: clientId } }),
});
export const mijnTakenQuery = { queryKey: ['mijn-taken'] as const, queryFn: () => apiGet('/mijn-taken') };
export const mijnClientenQuery = { queryKey: ['mijn-clienten'] as const, queryFn: () => apiGet('/mijn-clienten') };
export const teamQuery = { queryKey: ['trajecthouders'] as const, queryFn: () => apiGet('/trajecthouders') };

/** A change in a client's casework; afterwards the dossier (all of ['client', id]) and the worklists refresh. */
export function useCaseworkMutatie<I, T>(clientId: string, fn: (input: I) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['client', clientId] }),
        qc.invalidateQueries({ queryKey: ['perspectief', clientId] }),
        qc.invalidateQueries({ queryKey: ['mijn-taken'] }),
        qc.invalidateQueries({ queryKey: ['mijn-clienten'] }),
        qc.invalidateQueries({ queryKey: ['trajecthouders'] }),
      ]);
    },
  });
}
