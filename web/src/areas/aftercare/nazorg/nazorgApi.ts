// Nazorg (waakvlam): response types (aliases of the contract), labels and the cache update after a change to a plan.
import { useQueryClient } from '@tanstack/react-query';
import type { Schema } from '../../../api/types';

export type Alarm = Schema<'NazorgAlarm'>;
export type PlanRegel = Schema<'NazorgplanRegel'>;
export type Kandidaat = Schema<'Nazorgkandidaat'>;
export type Budget = Schema<'Budgetbeheertraject'>;
export type Plan = Schema<'Nazorgplan'>;
export type PlanContact = Schema<'NazorgplanContact'>;

export const ALARM_LABEL: Record<Alarm['soort'], string> = {
  'gemist-contact': 'Gemist contact',
  'nieuw-signaal': 'Nieuw signaal achterstand',
  zorgsignaal: 'Zorgsignaal',
  terugkeer: 'Terugkeer',
};
export const FASE_LABEL: Record<string, string> = {
  gepland: 'Gepland',
  opbouw: 'Opbouwfase',
  afbouw: 'Afbouwfase',
  afgerond: 'Afgerond',
  geannuleerd: 'Geannuleerd',
};
export const VERANTWOORDELIJKEN = [
  ['wijkteam', 'Sociaal wijkteam'],
  ['fact', 'FACT-team'],
  ['ambulant-begeleider', 'Ambulant begeleider'],
] as const;

/** Puts the plan a change returned in the cache and refreshes the worklist. */
export function useZetPlan(planId: string) {
  const qc = useQueryClient();
  return (p: Plan) => {
    qc.setQueryData(['nazorgplan', planId], p);
    void qc.invalidateQueries({ queryKey: ['nazorgplannen'] });
  };
}

/** "Na 3 maanden" / "Extra contact". */
export const contactMoment = (maanden: number | null) =>
  maanden ? `Na ${maanden} ${maanden === 1 ? 'maand' : 'maanden'}` : 'Extra contact';
