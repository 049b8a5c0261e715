// Beheer: users (for user managers) and locations and units (for location managers).
import { Link } from '@tanstack/react-router';
import { useGebruiker } from '../../api/queries';
import { Alert, Heading, Inklapblok, Paragraph, useTitel } from '../../ui/ui';
import { CentrumgemeentenBeheer } from './beheer/Centrumgemeenten';
import { EenheidForm } from './beheer/EenheidForm';
import { Gebruikers } from './beheer/Gebruikers';
import { InstellingenBeheer } from './beheer/Instellingen';
import { LocatieForm } from './beheer/LocatieForm';
import { RegioBeheer } from './beheer/RegioBeheer';
import { ZorgaanbiedersBeheer } from './beheer/Zorgaanbieders';

export function BeheerPage() {
  useTitel('Beheer');
  const g = useGebruiker();
  const m = g.mogelijkheden;
  if (
    !m.gebruikersBeheren &&
    !m.locatiesBeheren &&
    !m.centrumgemeentenBeheren &&
    !m.instellingenBeheren &&
    !m.dossiersImporteren
  ) {
    return (
      <>
        <Heading level={1}>Beheer</Heading>
        <Alert type="error" role="alert" title="Geen toegang">
          U heeft geen rechten voor beheer.
        </Alert>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>Beheer</Heading>
      {/* issue 16: what is set once (centrumgemeenten, zorgaanbieders, instellingen) is closed; daily work stays open */}
      {m.centrumgemeentenBeheren && (
        <Inklapblok titel="Centrumgemeenten van de installatie">
          <CentrumgemeentenBeheer />
        </Inklapblok>
      )}
      <RegioBeheer />
      {m.gebruikersBeheren && <Gebruikers />}
      {m.instellingenBeheren && (
        <Inklapblok titel="Zorgaanbieders">
          <ZorgaanbiedersBeheer />
        </Inklapblok>
      )}
      {m.instellingenBeheren && (
        <Inklapblok titel="Instellingen van de centrumgemeente">
          <InstellingenBeheer />
        </Inklapblok>
      )}
      {m.locatiesBeheren && (
        <section aria-labelledby="locaties-beheer-titel">
          <Heading level={2} id="locaties-beheer-titel">
            Locaties en eenheden
          </Heading>
          <Paragraph>
            Bekijk de bestaande locaties op de pagina{' '}
            <Link to="/locaties" className="utrecht-link">
              Bezetting
            </Link>
            .
          </Paragraph>
          <Inklapblok titel="Nieuwe locatie of eenheid toevoegen">
            <div className="onderdak-kolommen">
              <LocatieForm />
              <EenheidForm />
            </div>
          </Inklapblok>
        </section>
      )}
    </>
  );
}
