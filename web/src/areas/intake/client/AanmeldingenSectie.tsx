// Case page: the client's registrations with screening and decision, newest first.
import type { Aanmelding, Client } from '../../../api/types';
import { datum } from '../../../ui/format';
import { DataList, Heading, Paragraph, Uitklap } from '../../../ui/ui';
import { AanmeldingStatusBadge } from '../AanmeldingCellen';
import { BedVoorDeNachtForm } from '../acties/BedVoorDeNachtForm';
import { BesluitForm } from '../acties/BesluitForm';
import { BesluitWeergave } from '../acties/BesluitWeergave';
import { NieuweAanmeldingForm } from '../acties/NieuweAanmeldingForm';
import { ScreeningForm } from '../acties/ScreeningForm';

export function AanmeldingenSectie({ c }: { c: Client }) {
  const aanmeldingen = [...c.aanmeldingen].sort((a, b) => b.datum.localeCompare(a.datum));
  return (
    <section aria-labelledby="aanmeldingen-titel">
      <Heading level={2} id="aanmeldingen-titel">
        Aanmeldingen
      </Heading>
      {aanmeldingen.length === 0 ? (
        <Paragraph>Nog geen aanmeldingen.</Paragraph>
      ) : (
        <ul className="onderdak-kaartlijst">
          {aanmeldingen.map((a) => (
            <AanmeldingKaart key={a.id} a={a} />
          ))}
        </ul>
      )}
      {c.mogelijkheden.aanmelden && (
        <Uitklap knop="Nieuwe aanmelding" titel="Nieuwe aanmelding">
          {(sluit, id) => <NieuweAanmeldingForm client={c} sluit={sluit} titelId={id} />}
        </Uitklap>
      )}
    </section>
  );
}

function AanmeldingKaart({ a }: { a: Aanmelding }) {
  const titelId = `aanmelding-${a.id}-titel`;
  return (
    <li className="onderdak-card onderdak-aanmelding">
      <article aria-labelledby={titelId}>
        <div className="onderdak-kaart__kop">
          <h3 id={titelId} className="utrecht-heading-3">
            Aanmelding van {datum(a.datum)}
          </h3>
          <AanmeldingStatusBadge status={a.status} />
        </div>
        <DataList
          items={[
            ['Bron', a.bronLabel],
            ['Toelichting', a.toelichting || '—'],
            [
              'Screening',
              a.screening
                ? `${a.screening}${a.screeningDatum ? ` (${datum(a.screeningDatum)})` : ''}`
                : 'Nog niet gescreend',
            ],
          ]}
        />
        {a.besluit && <BesluitWeergave besluit={a.besluit} />}
        <div className="onderdak-acties">
          {a.mogelijkheden.screenen && (
            <Uitklap knop="Screening vastleggen" titel="Screening vastleggen">
              {(sluit, id) => <ScreeningForm aanmelding={a} sluit={sluit} titelId={id} />}
            </Uitklap>
          )}
          {a.mogelijkheden.bedVoorDeNacht && (
            <Uitklap knop="Bed voor de nacht" titel="Bed voor de nacht geven">
              {(sluit, id) => <BedVoorDeNachtForm aanmelding={a} sluit={sluit} titelId={id} />}
            </Uitklap>
          )}
          {a.mogelijkheden.besluiten && (
            <Uitklap knop="Besluit nemen" titel="Besluit nemen" variant="primary">
              {(sluit, id) => <BesluitForm aanmelding={a} sluit={sluit} titelId={id} />}
            </Uitklap>
          )}
        </div>
      </article>
    </li>
  );
}
