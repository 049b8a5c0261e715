// Issue 20 — het hele beeld: the by-name list of the region, the monthly flow toward functional zero, veldwerk with
// the map of the region, the register of requests that found no place, and the street counts. Each part is a
// sub-page addressed by ?onderdeel= (a fix link of the data-quality page lands on the right one).

import { Link, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useGebruiker } from '../../api/queries';
import { Heading, Paragraph, useTitel } from '../../ui/ui';
import { Afgewezen } from './Afgewezen';
import { Namenlijst } from './Namenlijst';
import { Stroom } from './Stroom';
import { Tellingen } from './Tellingen';
import { Veldwerk } from './Veldwerk';

export interface HeleBeeldSearch {
  onderdeel?: string;
  verzoek?: string;
}

interface Onderdeel {
  id: string;
  label: string;
  /** Shown when the session has this ability (the rights table, via mogelijkheden). */
  mag: 'aanmeldingen' | 'rapportages';
  inhoud: (s: HeleBeeldSearch) => ReactNode;
}
const ONDERDELEN: Onderdeel[] = [
  { id: 'namenlijst', label: 'Namenlijst', mag: 'aanmeldingen', inhoud: () => <Namenlijst /> },
  { id: 'stroom', label: 'Stroom per maand', mag: 'rapportages', inhoud: () => <Stroom /> },
  { id: 'veldwerk', label: 'Veldwerk', mag: 'aanmeldingen', inhoud: () => <Veldwerk /> },
  {
    id: 'afgewezen',
    label: 'Afgewezen verzoeken',
    mag: 'aanmeldingen',
    inhoud: (s) => <Afgewezen verzoek={s.verzoek} />,
  },
  {
    id: 'tellingen',
    label: 'Telling buitenslapers',
    mag: 'rapportages',
    inhoud: () => <Tellingen />,
  },
];

export function HeleBeeldPage() {
  useTitel('Het hele beeld');
  const g = useGebruiker();
  const search = useSearch({ strict: false }) as HeleBeeldSearch;
  const mijn = ONDERDELEN.filter((o) => g.mogelijkheden[o.mag]);
  if (!mijn.length) {
    return (
      <>
        <Heading level={1}>Het hele beeld</Heading>
        <Paragraph>Uw rol heeft geen toegang tot dit overzicht.</Paragraph>
      </>
    );
  }
  const actief = mijn.find((o) => o.id === search.onderdeel) ?? mijn[0]!;
  return (
    <>
      <Heading level={1}>Het hele beeld</Heading>
      <Paragraph>
        Iedereen die in de regio dakloos bekend is, de stroom per maand, de vraag die geen plek vond, en de tellingen
        van mensen die buiten slapen.
      </Paragraph>
      <nav aria-label="Onderdelen van het hele beeld" className="onderdak-subnav">
        <ul className="onderdak-subnav__list">
          {mijn.map((o) => (
            <li key={o.id}>
              <Link
                to="/hele-beeld"
                search={{ onderdeel: o.id }}
                className="onderdak-subnav__link"
                aria-current={o.id === actief.id ? 'page' : undefined}
              >
                {o.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {actief.inhoud(search)}
    </>
  );
}
