// Beheer (issue 11 part B): links to setting up the region, the inzagelog and moving the caseload in, and the backup.
import { Link } from '@tanstack/react-router';
import { useGebruiker } from '../../../api/queries';
import { Heading, Paragraph, UnorderedList } from '../../../ui/ui';

export function RegioBeheer() {
  const m = useGebruiker().mogelijkheden;
  return (
    <>
      {(m.locatiesBeheren || m.inzagelogDoorzoeken || m.dossiersImporteren) && (
        <section aria-labelledby="regio-beheer-titel">
          <Heading level={2} id="regio-beheer-titel">
            In gebruik nemen
          </Heading>
          <UnorderedList>
            {m.locatiesBeheren && (
              <li className="utrecht-unordered-list__item">
                <Link to="/beheer/regio" className="utrecht-link">
                  Regio inrichten
                </Link>{' '}
                — gemeenten, locaties en eenheden (ook in bulk), wijzigen en sluiten
              </li>
            )}
            {m.dossiersImporteren && (
              <li className="utrecht-unordered-list__item">
                <Link to="/beheer/dossiers-overnemen" className="utrecht-link">
                  Dossiers overnemen
                </Link>{' '}
                — de huidige cliënten uit het vorige systeem (CSV)
              </li>
            )}
            {m.inzagelogDoorzoeken && (
              <li className="utrecht-unordered-list__item">
                <Link to="/beheer/inzagelog" className="utrecht-link">
                  Inzagelog doorzoeken
                </Link>{' '}
                — op cliënt, gebruiker of periode
              </li>
            )}
          </UnorderedList>
        </section>
      )}
      {m.reservekopieMaken && (
        <section aria-labelledby="reservekopie-titel">
          <Heading level={2} id="reservekopie-titel">
            Reservekopie
          </Heading>
          <Paragraph>
            Download een volledige momentopname van de database terwijl Onderdak gewoon doordraait. Bewaar het bestand
            versleuteld en buiten deze server: het bevat alle dossiers.
          </Paragraph>
          <Paragraph>
            <a className="utrecht-link" href="/v1/reservekopie" download>
              Reservekopie downloaden (.tar.gz)
            </a>
          </Paragraph>
          <Paragraph small>
            Terugzetten in een lege map: <code>npm run cli -- restore &lt;bestand&gt; &lt;map&gt;</code>, daarna de
            server starten met <code>DATA_DIR=&lt;map&gt;</code>. Met PostgreSQL gebruikt u pg_dump en pg_restore (zie
            de README).
          </Paragraph>
        </section>
      )}
    </>
  );
}
