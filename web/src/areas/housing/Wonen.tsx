// Issue 5 — van opvang naar wonen: woonplekken registreren (corporatie), cliënten woonklaar melden, gerangschikte
// passende woonplekken met uitleg, aanbieden, de stappen van een aanbieding, het batchvoorstel, Housing First en
// prestatieafspraken. Each sub-page is its own file in ./wonen/.

import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useGebruiker } from '../../api/queries';
import { Heading, useTitel } from '../../ui/ui';
import { Aanbiedingen } from './wonen/Aanbiedingen';
import { HousingFirst, Prestatieafspraken } from './wonen/Afspraken';
import { Kandidaten } from './wonen/Kandidaten';
import { Nieuw } from './wonen/Nieuw';
import { Toewijzing } from './wonen/Toewijzing';
import { WoningForm } from './wonen/WoningForm';
import { WoonklaarForm } from './wonen/WoonklaarForm';
import { Woonplekken } from './wonen/Woonplekken';
import {
  type Aanbieding,
  aanbiedingenQuery,
  type Kandidaat,
  kandidatenQuery,
  type Woonplek,
  woonplekkenQuery,
} from './wonen/wonenApi';

// Each role's sections, as sub-pages addressed by ?onderdeel= so a link or the back button lands on the same one.
type WonenOnderdeel = {
  id: string;
  label: string;
  aantal?: (d: Tellingen) => number | null;
  eenheid?: string;
  inhoud: () => ReactNode;
};
interface Tellingen {
  kandidaten?: Kandidaat[];
  woonplekken?: Woonplek[];
  aanbiedingen?: Aanbieding[];
}
const LOPEND = new Set(['aangeboden', 'geaccepteerd', 'contract-getekend']);
const ONDERDELEN: Record<string, WonenOnderdeel[]> = {
  toegang: [
    {
      id: 'kandidaten',
      label: 'Woonklare cliënten',
      aantal: (d) => d.kandidaten?.length ?? null,
      inhoud: () => (
        <>
          <Nieuw knop="Cliënt woonklaar melden">{(sluit) => <WoonklaarForm sluit={sluit} />}</Nieuw>
          <Kandidaten />
        </>
      ),
    },
    {
      id: 'woonplekken',
      label: 'Woonplekken',
      eenheid: 'vrij',
      aantal: (d) => d.woonplekken?.filter((w) => w.status === 'beschikbaar').length ?? null,
      inhoud: () => <Woonplekken />,
    },
    {
      id: 'aanbiedingen',
      label: 'Aanbiedingen',
      eenheid: 'lopend',
      aantal: (d) => d.aanbiedingen?.filter((a) => LOPEND.has(a.status)).length ?? null,
      inhoud: () => <Aanbiedingen />,
    },
    { id: 'toewijzing', label: 'Beste toewijzing', inhoud: () => <Toewijzing /> },
    {
      id: 'afspraken',
      label: 'Housing First en prestatieafspraken',
      inhoud: () => (
        <>
          <HousingFirst />
          <Prestatieafspraken />
        </>
      ),
    },
  ],
  corporatie: [
    {
      id: 'woonplekken',
      label: 'Woonplekken',
      eenheid: 'vrij',
      aantal: (d) => d.woonplekken?.filter((w) => w.status === 'beschikbaar').length ?? null,
      inhoud: () => (
        <>
          <Nieuw knop="Nieuwe woning registreren">{(sluit) => <WoningForm sluit={sluit} />}</Nieuw>
          <Woonplekken />
        </>
      ),
    },
    {
      id: 'aanbiedingen',
      label: 'Aanbiedingen',
      eenheid: 'lopend',
      aantal: (d) => d.aanbiedingen?.filter((a) => LOPEND.has(a.status)).length ?? null,
      inhoud: () => <Aanbiedingen />,
    },
  ],
};

export function WonenPage() {
  useTitel('Wonen');
  const g = useGebruiker();
  const search = useSearch({ from: '/app/wonen' });
  const onderdelen = ONDERDELEN[g.rol];
  if (!onderdelen) {
    return (
      <>
        <Heading level={1}>Van opvang naar wonen</Heading>
        <HousingFirst />
        <Prestatieafspraken />
      </>
    );
  }
  const actief = onderdelen.find((o) => o.id === search.onderdeel) ?? onderdelen[0]!;
  return (
    <>
      <Heading level={1}>Van opvang naar wonen</Heading>
      <OnderdeelMenu onderdelen={onderdelen} actief={actief.id} kandidaten={g.rol === 'toegang'} />
      {actief.inhoud()}
    </>
  );
}

function OnderdeelMenu({
  onderdelen,
  actief,
  kandidaten,
}: {
  onderdelen: WonenOnderdeel[];
  actief: string;
  kandidaten: boolean;
}) {
  // the same queries as the sections (shared cache), so the counts and the lists never disagree
  const k = useQuery({ ...kandidatenQuery, enabled: kandidaten });
  const w = useQuery(woonplekkenQuery);
  const a = useQuery(aanbiedingenQuery);
  const tellingen: Tellingen = {
    kandidaten: k.data?.resultaten,
    woonplekken: w.data?.resultaten,
    aanbiedingen: a.data?.resultaten,
  };
  return (
    <nav aria-label="Onderdelen van Wonen" className="onderdak-subnav">
      <ul className="onderdak-subnav__list">
        {onderdelen.map((o) => {
          const n = o.aantal?.(tellingen);
          return (
            <li key={o.id}>
              <Link
                to="/wonen"
                search={{ onderdeel: o.id }}
                className="onderdak-subnav__link"
                aria-current={o.id === actief ? 'page' : undefined}
              >
                {o.label}
                {n !== undefined && n !== null && (
                  <span className="onderdak-subnav__aantal">
                    {' '}
                    ({n}
                    {o.eenheid ? ` ${o.eenheid}` : ''})
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
