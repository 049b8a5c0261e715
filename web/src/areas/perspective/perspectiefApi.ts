// Types and small helpers of the perspective pages (issue 4; API in docs/api.md → "Werken aan perspectief").
// The types are aliases of the contract (api/schema.d.ts, generated from docs/openapi.json).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiGet } from '../../api/client';
import type { Schema } from '../../api/types';

export type Optie = Schema<'CodeMetLabel'>;
export type Termijn = Schema<'PerspectiefplanTermijn'>;
export type Controle = NonNullable<Schema<'Driemaandencontrole'>>;
export type Actie = Schema<'Actie'>;
export type Doel = Schema<'Doel'>;
export type Plan = NonNullable<Schema<'Perspectiefplan'>>;
export type PlanVersieSamenvatting = Schema<'PerspectiefplanVersieKop'>;
/** GET /v1/perspectiefplannen/{id}/versies/{versie}: the plan exactly as it was signed. */
export type PlanVersie = Schema<'PerspectiefplanVersie'>;
export type Stap = Schema<'PraktischeStap'>;
/** A blockade of the case view, with the change history (PATCH /v1/blokkades/{id}). */
export type Blokkade = Schema<'Blokkade'>;
export type BlokkadeWijziging = Schema<'BlokkadeHistorie'>;
export type ZrmMeting = Schema<'ZrmMeting'>;
export type WachtlijstInschrijving = Schema<'Wachtlijstplaatsing'>;
export type Perspectief = Schema<'Perspectief'>;

export const perspectiefKey = (clientId: string) => ['perspectief', clientId] as const;
export function perspectiefQuery(clientId: string) {
  return {
    queryKey: perspectiefKey(clientId),
    queryFn: () => apiGet('/clienten/{id}/perspectief', { params: { id: clientId } }),
  };
}

/** A POST/PUT that refreshes the client's perspective (and the worklists) afterwards. */
export function usePerspectiefMutatie<I>(
  clientId: string,
  method: 'POST' | 'PUT',
  path: (input: I) => string,
  body: (input: I) => unknown,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api<unknown>(path(input), { method, body: body(input) }),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: perspectiefKey(clientId) }),
        qc.invalidateQueries({ queryKey: ['doorstroomoverleg'] }),
        qc.invalidateQueries({ queryKey: ['te-late-plannen'] }),
        qc.invalidateQueries({ queryKey: ['wachtlijsten'] }),
        qc.invalidateQueries({ queryKey: ['perspectiefplan'] }),
        // issue 12: the dossier summary (plan status, blockades) and my worklist
        qc.invalidateQueries({ queryKey: ['client', clientId, 'samenvatting'] }),
        qc.invalidateQueries({ queryKey: ['mijn-taken'] }),
      ]);
    },
  });
}

export const SIGNAAL: Record<string, string> = { '6-weken': '6 weken', '10-weken': '10 weken', '12-weken': '12 weken' };
export const TERMIJN: Record<Termijn['status'], string> = {
  'geen-plaatsing': 'Nog niet geplaatst',
  'nog-binnen-termijn': 'Nog binnen de termijn',
  'te-laat': 'Te laat: nog geen plan',
  'op-tijd-opgesteld': 'Op tijd opgesteld',
  'te-laat-opgesteld': 'Te laat opgesteld',
};
export const ACTIESTATUS: Record<string, string> = {
  gepland: 'Gepland',
  'in-uitvoering': 'In uitvoering',
  geblokkeerd: 'Loopt vast',
  afgerond: 'Afgerond',
  vervallen: 'Vervallen',
};
export const DOELSTATUS: Record<string, string> = { actief: 'Actief', bereikt: 'Bereikt', gestopt: 'Gestopt' };
