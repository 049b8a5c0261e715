// Beheer: users (for user managers) and locations and units (for location managers).
import { Link } from '@tanstack/react-router';
import { useGebruiker } from '../../api/queries';
import { Alert, Heading, Paragraph, useTitel } from '../../ui/ui';
import { EenheidForm } from './beheer/EenheidForm';
import { Gebruikers } from './beheer/Gebruikers';
import { LocatieForm } from './beheer/LocatieForm';
import { RegioBeheer } from './beheer/RegioBeheer';

export function BeheerPage() {
  useTitel('Beheer');
  const g = useGebruiker();
  const m = g.mogelijkheden;
  if (!m.gebruikersBeheren && !m.locatiesBeheren && !m.dossiersImporteren) {
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
      <RegioBeheer />
      {m.gebruikersBeheren && <Gebruikers />}
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
          <div className="onderdak-kolommen">
            <LocatieForm />
            <EenheidForm />
          </div>
        </section>
      )}
    </>
  );
}
