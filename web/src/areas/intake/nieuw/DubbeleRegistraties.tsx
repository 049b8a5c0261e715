// New-client page: the possible duplicates the server found, with "create anyway" and "edit details".
import { Link } from '@tanstack/react-router';
import type { DubbelKandidaat } from '../../../api/types';
import { datum } from '../../../ui/format';
import { Button, ButtonGroup, Heading, Paragraph, Table, TBody, Td, THead, Th, Tr } from '../../../ui/ui';
import { ClientStatusBadge } from '../ClientStatusBadge';

export function DubbeleRegistraties({
  kandidaten,
  bezig,
  aanmaken,
  aanpassen,
}: {
  kandidaten: DubbelKandidaat[];
  bezig: boolean;
  aanmaken: () => void;
  aanpassen: () => void;
}) {
  return (
    <section aria-labelledby="dubbelen-titel" className="onderdak-card onderdak-card--warning">
      <Heading level={2} id="dubbelen-titel">
        Mogelijke dubbele registraties
      </Heading>
      <Paragraph>
        Deze cliënten lijken op de cliënt die u wilt registreren. Open het dossier als het dezelfde persoon is.
      </Paragraph>
      <Table captionHidden caption="Mogelijke dubbele registraties">
        <THead>
          <Tr>
            <Th>Naam</Th>
            <Th>Geboortedatum</Th>
            <Th>Reden</Th>
            <Th>Status</Th>
          </Tr>
        </THead>
        <TBody>
          {kandidaten.map((k) => (
            <Tr key={k.id}>
              <Td>
                <Link to="/clienten/$clientId" params={{ clientId: k.id }} className="utrecht-link">
                  {k.voornaam} {k.achternaam}
                </Link>
              </Td>
              <Td>{datum(k.geboortedatum)}</Td>
              <Td>{k.reden}</Td>
              <Td>
                <ClientStatusBadge status={k.status} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <ButtonGroup>
        <Button variant="primary" onClick={aanmaken} busy={bezig} disabled={bezig}>
          Toch nieuwe cliënt aanmaken
        </Button>
        <Button variant="subtle" onClick={aanpassen}>
          Gegevens aanpassen
        </Button>
      </ButtonGroup>
    </section>
  );
}
