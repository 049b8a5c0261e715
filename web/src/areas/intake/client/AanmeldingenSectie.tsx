// Case page: the client's registrations with screening and decision, newest first.
import { Link } from '@tanstack/react-router';
import type { Aanmelding, Client, Correctie } from '../../../api/types';
import { datum } from '../../../ui/format';
import { Alert, DataList, Heading, Inklapper, Paragraph, Uitklap } from '../../../ui/ui';
import { AanmeldingStatusBadge } from '../AanmeldingCellen';
import { BedVoorDeNachtForm } from '../acties/BedVoorDeNachtForm';
import { BesluitForm } from '../acties/BesluitForm';
import { BesluitWeergave } from '../acties/BesluitWeergave';
import { AanmeldingCorrigerenForm, BesluitCorrigerenForm, BezwaarForm } from '../acties/CorrectieForms';
import { IntrekkenForm } from '../acties/IntrekkenForm';
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
        <>
          <ul className="onderdak-kaartlijst">
            <AanmeldingKaart a={aanmeldingen[0]!} correcties={c.correcties} />
          </ul>
          {/* issue 16: the newest registration first; earlier ones (with their decisions) on request */}
          {aanmeldingen.length > 1 && (
            <Inklapper
              samenvatting={`Toon ${aanmeldingen.length === 2 ? '1 eerdere aanmelding' : `${aanmeldingen.length - 1} eerdere aanmeldingen`}`}
            >
              <ul className="onderdak-kaartlijst">
                {aanmeldingen.slice(1).map((a) => (
                  <AanmeldingKaart key={a.id} a={a} correcties={c.correcties} />
                ))}
              </ul>
            </Inklapper>
          )}
        </>
      )}
      {c.mogelijkheden.aanmelden && (
        <Uitklap knop="Nieuwe aanmelding" titel="Nieuwe aanmelding">
          {(sluit, id) => <NieuweAanmeldingForm client={c} sluit={sluit} titelId={id} />}
        </Uitklap>
      )}
    </section>
  );
}

function AanmeldingKaart({ a, correcties }: { a: Aanmelding; correcties: Correctie[] }) {
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
        {/* issue 16: key facts in a grid */}
        <div className="onderdak-datalijst-raster">
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
        </div>
        {a.gekoppeldTraject && (
          <Alert type="info">
            Deze aanmelding is gedaan terwijl er een traject liep (sinds {datum(a.gekoppeldTraject.start)}). Zij hoort
            bij dat traject; er start geen nieuw traject.
          </Alert>
        )}
        {a.intrekking && (
          <Alert type="info">
            Ingetrokken op {datum(a.intrekking.datum)}: {a.intrekking.reden}
          </Alert>
        )}
        {a.besluit && <BesluitWeergave besluit={a.besluit} correcties={correcties} ingeklapt />}
        <div className="onderdak-acties">
          {a.besluit && a.mogelijkheden.beschikking && (
            <Link
              to="/toegangsbesluiten/$besluitId/beschikking"
              params={{ besluitId: a.besluit.id }}
              className="utrecht-link"
            >
              Beschikking afdrukken
            </Link>
          )}
          {a.mogelijkheden.corrigeren && (
            <Uitklap knop="Aanmelding corrigeren" titel="Aanmelding corrigeren">
              {(sluit, id) => <AanmeldingCorrigerenForm aanmelding={a} sluit={sluit} titelId={id} />}
            </Uitklap>
          )}
          {a.besluit && a.mogelijkheden.besluitCorrigeren && (
            <Uitklap knop="Besluit corrigeren" titel="Besluit corrigeren">
              {(sluit, id) =>
                a.besluit && (
                  <BesluitCorrigerenForm besluit={a.besluit} clientId={a.clientId} sluit={sluit} titelId={id} />
                )
              }
            </Uitklap>
          )}
          {a.besluit && a.mogelijkheden.bezwaarRegistreren && (
            <Uitklap knop="Bezwaar registreren" titel="Bezwaar registreren">
              {(sluit, id) =>
                a.besluit && <BezwaarForm besluit={a.besluit} clientId={a.clientId} sluit={sluit} titelId={id} />
              }
            </Uitklap>
          )}
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
          {a.mogelijkheden.intrekken && (
            <Uitklap knop="Aanmelding intrekken" titel="Aanmelding intrekken">
              {(sluit, id) => <IntrekkenForm aanmelding={a} sluit={sluit} titelId={id} />}
            </Uitklap>
          )}
        </div>
      </article>
    </li>
  );
}
