// Van opvang naar wonen: response types (aliases of the contract), the shared list queries and labels of the sub-pages.
import { apiGet } from '../../../api/client';
import type { Schema } from '../../../api/types';

export type Woonplek = Schema<'Woonplek'>;
export type Kandidaat = Schema<'Woonkandidaat'>;
/** An offer: the full one (toegang) or the one a housing corporation sees (with the candidate's contact details). */
export type Aanbieding = Schema<'Aanbieding'>;

export const kandidatenQuery = { queryKey: ['wonen', 'kandidaten'], queryFn: () => apiGet('/woonkandidaten') };
export const woonplekkenQuery = { queryKey: ['wonen', 'woonplekken'], queryFn: () => apiGet('/woonplekken') };
export const aanbiedingenQuery = { queryKey: ['wonen', 'aanbiedingen'], queryFn: () => apiGet('/aanbiedingen') };

export const euro = (n: number) =>
  `€ ${n.toLocaleString('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
export const STEUN = [
  ['geen', 'Geen begeleiding'],
  ['licht', 'Licht ambulant'],
  ['intensief', 'Intensief ambulant'],
  ['housing-first', 'Housing First'],
];
