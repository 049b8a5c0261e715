// Case page: the current stay (move, end), placing a client without one, and earlier stays.
import { Link } from '@tanstack/react-router';
import type { Client, Verblijf } from '../../../api/types';
import { datum, meervoud } from '../../../ui/format';
import { DataList, Heading, Paragraph, StatusBadge, Table, TBody, Td, THead, Th, Tr, Uitklap } from '../../../ui/ui';
import { BeeindigenForm } from '../acties/BeeindigenForm';
import { CorrectieForm, CorrectieGeschiedenis } from '../acties/CorrectieForm';
import { PlaatsenForm } from '../acties/PlaatsenForm';
import { VerhuizenForm } from '../acties/VerhuizenForm';

export function VerblijfSectie({ c }: { c: Client }) {
  const huidig = c.verblijven.find((v) => !v.tot) ?? null;
  const eerdere = c.verblijven.filter((v) => v.tot);
  return (
    <section aria-labelledby="verblijf-titel">
      <Heading level={2} id="verblijf-titel">
        Verblijf
      </Heading>
      {huidig ? (
        <HuidigVerblijf huidig={huidig} />
      ) : (
        <Paragraph>De cliënt verblijft op dit moment niet in de opvang.</Paragraph>
      )}
      {!huidig && c.mogelijkheden.plaatsen && (
        <Uitklap knop="Plaatsen" titel="Cliënt plaatsen" variant="primary">
          {(sluit, id) => <PlaatsenForm client={c} sluit={sluit} titelId={id} />}
        </Uitklap>
      )}
      {eerdere.length > 0 && (
        <Table caption="Eerdere verblijven">
          <THead>
            <Tr>
              <Th>Locatie</Th>
              <Th>Eenheid</Th>
              <Th>Van</Th>
              <Th>Tot</Th>
              <Th numeric>Nachten</Th>
              <Th>Soort</Th>
            </Tr>
          </THead>
          <TBody>
            {eerdere.map((v) => (
              <Tr key={v.id}>
                <Td>{v.locatieNaam}</Td>
                <Td>{v.eenheidNaam}</Td>
                <Td>{datum(v.van)}</Td>
                <Td>{datum(v.tot)}</Td>
                <Td numeric>{v.nachten}</Td>
                <Td>
                  {v.bedVoorDeNacht ? <StatusBadge status="neutral">Bed voor de nacht</StatusBadge> : 'Plaatsing'}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {c.verblijven.some((v) => v.mogelijkheden.corrigeren) && (
        <Uitklap knop="Datums van verblijven corrigeren" titel="Datums van verblijven corrigeren">
          {(sluit) =>
            c.verblijven
              .filter((v) => v.mogelijkheden.corrigeren)
              .map((v) => <VerblijfCorrectie key={v.id} verblijf={v} sluitAlles={sluit} />)
          }
        </Uitklap>
      )}
    </section>
  );
}

function VerblijfCorrectie({ verblijf, sluitAlles }: { verblijf: Verblijf; sluitAlles: () => void }) {
  const titel = `${verblijf.eenheidNaam} (${verblijf.locatieNaam}), ${datum(verblijf.van)} tot ${verblijf.tot ? datum(verblijf.tot) : 'nu'}`;
  return (
    <div className="onderdak-card">
      <Heading level={4}>{titel}</Heading>
      <CorrectieGeschiedenis verblijf={verblijf} />
      <Uitklap knop="Datum corrigeren" titel={`Datum corrigeren: ${titel}`}>
        {(sluit, id) => (
          <CorrectieForm
            verblijf={verblijf}
            sluit={() => {
              sluit();
              sluitAlles();
            }}
            titelId={id}
          />
        )}
      </Uitklap>
    </div>
  );
}

function HuidigVerblijf({ huidig }: { huidig: Verblijf }) {
  return (
    <div className="onderdak-card">
      <Heading level={3}>Huidig verblijf</Heading>
      {/* issue 16: key facts in a grid */}
      <div className="onderdak-datalijst-raster">
        <DataList
          items={[
            [
              'Locatie',
              <Link key="l" to="/locaties/$locatieId" params={{ locatieId: huidig.locatieId }} className="utrecht-link">
                {huidig.locatieNaam}
              </Link>,
            ],
            ['Eenheid', huidig.eenheidNaam],
            ['Sinds', datum(huidig.van)],
            ['Nachten', meervoud(huidig.nachten, 'nacht', 'nachten')],
            ['Huishoudgrootte', String(huidig.huishoudgrootte)],
            ...(huidig.bedVoorDeNacht && !huidig.trajectId
              ? ([['Soort', 'Bed voor de nacht (vóór het toegangsbesluit)']] as [string, string][])
              : []),
          ]}
        />
      </div>
      <div className="onderdak-acties">
        {huidig.mogelijkheden.verhuizen && (
          <Uitklap knop="Verhuizen" titel="Verhuizen naar een andere eenheid">
            {(sluit, id) => <VerhuizenForm verblijf={huidig} sluit={sluit} titelId={id} />}
          </Uitklap>
        )}
        {huidig.mogelijkheden.beeindigen && (
          <Uitklap knop="Verblijf beëindigen" titel="Verblijf beëindigen">
            {(sluit, id) => <BeeindigenForm verblijf={huidig} sluit={sluit} titelId={id} />}
          </Uitklap>
        )}
      </div>
    </div>
  );
}
