// Types and small helpers of the perspective pages (issue 4; API in docs/api.md → "Werken aan perspectief").
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface Optie { code: string; label: string }
export interface Termijn { status: 'geen-plaatsing' | 'nog-binnen-termijn' | 'te-laat' | 'op-tijd-opgesteld' | 'te-laat-opgesteld'; uiterlijkeDatum: string | null; dagenTeLaat: number }
export interface Controle { dagenInOpvang: number; doelDagen: number; resterendeDagen: number; bovenDoel: boolean; signaal: null | '6-weken' | '10-weken' | '12-weken' }
export interface Actie {
  id: string; omschrijving: string; eigenaarOrganisatie: string; eigenaarOrganisatieLabel: string; eigenaarNaam: string | null; uiterlijk: string;
  status: string; statusLabel: string; statusDatum: string | null; verlopen: boolean; volgendeStatussen: string[];
  geschiedenis: { van: string; naar: string; datum: string; toelichting: string | null; door: string | null }[];
}
export interface Doel {
  id: string; levensgebied: string; levensgebiedLabel: string; omschrijving: string; status: string; statusLabel: string; volgendeStatussen: string[];
  acties: Actie[]; mogelijkheden: { actieToevoegen: boolean; statusWijzigen: boolean };
}
export interface Plan {
  id: string; trajectId: string; clientId: string; client: { voornaam: string; achternaam: string; geboortedatum: string | null };
  trajectStart: string; trajectEinde: string | null; plaatsingsdatum: string | null; opgesteldOp: string; eigenWoorden: string | null; wensen: string | null;
  ondertekendOp: string | null; termijn: Termijn; doelen: Doel[];
  opmerkingen: { id: string; auteur: string; rol: string; tekst: string; tijdstip: string }[];
  mogelijkheden: { wijzigen: boolean; doelToevoegen: boolean; ondertekenen: boolean; opmerkingPlaatsen: boolean; afdrukken: boolean };
  /** Signed versions, oldest first; gewijzigdSindsOndertekening is null when there is none. */
  versies: PlanVersieSamenvatting[]; gewijzigdSindsOndertekening: boolean | null; wijzigingenSindsOndertekening: string[];
}
export interface PlanVersieSamenvatting { versie: number; ondertekendOp: string; vastgelegdOp: string; door: string | null }
/** GET /v1/perspectiefplannen/{id}/versies/{versie}: the plan exactly as it was signed. */
export interface PlanVersie extends PlanVersieSamenvatting {
  planId: string; clientId: string;
  inhoud: Pick<Plan, 'client' | 'trajectStart' | 'plaatsingsdatum' | 'opgesteldOp' | 'eigenWoorden' | 'wensen'> & {
    doelen: { id: string; levensgebiedLabel: string; omschrijving: string; statusLabel: string; acties: { id: string; omschrijving: string; eigenaarOrganisatieLabel: string; eigenaarNaam: string | null; uiterlijk: string; statusLabel: string }[] }[];
  };
}
export interface Stap { soort: string; soortLabel: string; status: string; statusLabel: string; aangevraagdOp: string | null; geregeldOp: string | null; toelichting: string | null; blokkeertUitstroom: boolean; volgendeStatussen: string[] }
export interface Blokkade {
  id: string; soort: string; soortLabel: string; omschrijving: string | null; sinds: string; dagen: number; opgeheven: string | null;
  volgendeActor: { organisatie: string; organisatieLabel: string; naam: string | null } | null; volgendeStap: string | null; mogelijkheden: { opheffen: boolean };
}
export interface ZrmMeting { id: string; datum: string; versie: string; soort: string; soortLabel: string; door: string | null; scores: { domein: string; domeinLabel: string; score: number; scoreLabel: string }[] }
export interface WachtlijstInschrijving {
  id: string; lijst: string; lijstNaam: string; opLijstSinds: string; wachtDagen: number; urgent: boolean; toelichting: string | null; positie: number; lengte: number;
  verwachteWachttijdDagen: number | null; verwachteDatum: string | null; mogelijkheden: { afmelden: boolean };
}
export interface Perspectief {
  clientId: string;
  traject: null | {
    id: string; start: string; eind: string | null; plaatsingsdatum: string | null; inOpvang: boolean; driemaandencontrole: Controle | null;
    planTermijn: Termijn; plan: Plan | null; praktischeStappen: Stap[]; blokkades: Blokkade[];
  };
  zrm: { metingen: ZrmMeting[]; versie: string; domeinen: Optie[]; schaal: { score: number; label: string }[]; soorten: Optie[]; mogelijkheden: { meten: boolean } };
  wachtlijsten: { actief: WachtlijstInschrijving[]; eerder: { id: string; lijstNaam: string; opLijstSinds: string; afgemeldOp: string; redenLabel: string; wachtDagen: number }[]; lijsten: Optie[]; afmeldredenen: Optie[] };
  keuzelijsten: { levensgebieden: Optie[]; eigenaren: Optie[]; blokkades: Optie[]; stappen: Optie[]; stapStatussen: Optie[] };
  mogelijkheden: { planOpstellen: boolean; zrmMeten: boolean; stappenWijzigen: boolean; blokkadeToevoegen: boolean; wachtlijstPlaatsen: boolean };
}

export const perspectiefKey = (clientId: string) => ['perspectief', clientId] as const;
export function perspectiefQuery(clientId: string) {
  return { queryKey: perspectiefKey(clientId), queryFn: () => api<Perspectief>(`/v1/clienten/${encodeURIComponent(clientId)}/perspectief`) };
}

/** A POST/PUT that refreshes the client's perspective (and the worklists) afterwards. */
export function usePerspectiefMutatie<I>(clientId: string, method: 'POST' | 'PUT', path: (input: I) => string, body: (input: I) => unknown) {
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
      ]);
    },
  });
}

export const SIGNAAL: Record<string, string> = { '6-weken': '6 weken', '10-weken': '10 weken', '12-weken': '12 weken' };
export const TERMIJN: Record<Termijn['status'], string> = {
  'geen-plaatsing': 'Nog niet geplaatst', 'nog-binnen-termijn': 'Nog binnen de termijn', 'te-laat': 'Te laat: nog geen plan',
  'op-tijd-opgesteld': 'Op tijd opgesteld', 'te-laat-opgesteld': 'Te laat opgesteld',
};
export const ACTIESTATUS: Record<string, string> = { gepland: 'Gepland', 'in-uitvoering': 'In uitvoering', geblokkeerd: 'Loopt vast', afgerond: 'Afgerond', vervallen: 'Vervallen' };
export const DOELSTATUS: Record<string, string> = { actief: 'Actief', bereikt: 'Bereikt', gestopt: 'Gestopt' };
