import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from '@tanstack/react-router';
import { apiGet } from '../api/client';
import { useGebruiker } from '../api/queries';
import { MijnTakenTellers } from '../areas/casework/MijnTaken';
import { CorporatieStart } from '../areas/housing/CorporatieStart';
import { AanmeldingCellen } from '../areas/intake/AanmeldingCellen';
import { DienstOverzicht } from '../areas/shelter/Dienst';
import { Heading, Loading, PaginaFout, Paragraph, Table, TBody, THead, Th, Tr, useTitel } from '../ui/ui';
import { magBezetting } from './Layout';

function Werkvoorraad() {
  const aangemeld = useQuery({
    queryKey: ['aanmeldingen', { status: 'aangemeld', pagina: 1 }],
    queryFn: () => apiGet('/aanmeldingen', { query: { status: 'aangemeld', pagina: 1 } }),
  });
  const gescreend = useQuery({
    queryKey: ['aanmeldingen', { status: 'gescreend', pagina: 1 }],
    queryFn: () => apiGet('/aanmeldingen', { query: { status: 'gescreend', pagina: 1 } }),
  });
  if (aangemeld.isPending || gescreend.isPending) return <Loading />;
  if (aangemeld.error || gescreend.error) return <PaginaFout error={aangemeld.error ?? gescreend.error} />;
  const rijen = [...aangemeld.data.resultaten, ...gescreend.data.resultaten].sort((a, b) =>
    a.datum.localeCompare(b.datum),
  );
  return (
    <section aria-labelledby="werkvoorraad-titel">
      <Heading level={2} id="werkvoorraad-titel">
        Open aanmeldingen
      </Heading>
      <ul className="onderdak-tellers">
        <li className="onderdak-teller">
          <Link to="/aanmeldingen" search={{ status: 'aangemeld' }} className="utrecht-link">
            <span className="onderdak-teller__getal">{aangemeld.data.totaal}</span> wachten op screening
          </Link>
        </li>
        <li className="onderdak-teller">
          <Link to="/aanmeldingen" search={{ status: 'gescreend' }} className="utrecht-link">
            <span className="onderdak-teller__getal">{gescreend.data.totaal}</span> wachten op een besluit
          </Link>
        </li>
      </ul>
      {rijen.length === 0 ? (
        <Paragraph>Er zijn geen open aanmeldingen.</Paragraph>
      ) : (
        <Table captionHidden caption="Werkvoorraad: open aanmeldingen, oudste eerst">
          <THead>
            <Tr>
              <Th>Cliënt</Th>
              <Th>Datum aanmelding</Th>
              <Th>Bron</Th>
              <Th>Status</Th>
            </Tr>
          </THead>
          <TBody>
            {rijen.map((a) => (
              <Tr key={a.id}>
                <AanmeldingCellen a={a} />
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

// What needs attention today, as counters linking to the worklists (each counter is a live count from the API).
function Aandacht({ preventie }: { preventie: boolean }) {
  const overleg = useQuery({
    queryKey: ['doorstroomoverleg'],
    queryFn: () => apiGet('/werklijsten/doorstroomoverleg'),
  });
  const laat = useQuery({ queryKey: ['te-late-plannen'], queryFn: () => apiGet('/werklijsten/te-late-plannen') });
  const zaken = useQuery({
    queryKey: ['preventiezaken', 'open-teller'],
    enabled: preventie,
    queryFn: () => apiGet('/preventiezaken', { query: { status: 'open', paginaGrootte: 200 } }),
  });
  if (overleg.isPending || laat.isPending) return <Loading />;
  if (overleg.error || laat.error) return <PaginaFout error={overleg.error ?? laat.error} />;
  const t = overleg.data.totalen;
  // the list endpoint pages at 200 and has no total; more than a page reads as "200+"
  const open = zaken.data
    ? zaken.data.resultaten.length >= 200
      ? '200+'
      : String(zaken.data.resultaten.length)
    : null;
  return (
    <section aria-labelledby="aandacht-titel">
      <Heading level={2} id="aandacht-titel">
        Aandacht nodig
      </Heading>
      <ul className="onderdak-tellers">
        <li className="onderdak-teller">
          <Link to="/doorstroomoverleg" className="utrecht-link">
            <span className="onderdak-teller__getal">{t.bovenDoel ?? 0}</span> langer dan {overleg.data.doelDagen} dagen
            in de opvang (van {t.inOpvang ?? 0})
          </Link>
        </li>
        <li className="onderdak-teller">
          <Link to="/doorstroomoverleg" className="utrecht-link">
            <span className="onderdak-teller__getal">{laat.data.resultaten.length}</span> perspectiefplannen te laat
            (norm: 5 dagen)
          </Link>
        </li>
        <li className="onderdak-teller">
          <Link to="/doorstroomoverleg" className="utrecht-link">
            <span className="onderdak-teller__getal">{t.metBlokkade ?? 0}</span> met een blokkade voor uitstroom
          </Link>
        </li>
        {open !== null && (
          <li className="onderdak-teller">
            <Link to="/preventie" className="utrecht-link">
              <span className="onderdak-teller__getal">{open}</span> open preventiezaken (vroegsignalering)
            </Link>
          </li>
        )}
      </ul>
    </section>
  );
}

export function StartPage() {
  useTitel('Start');
  const g = useGebruiker();
  const m = g.mogelijkheden;
  // issue 16: the locatie start page is the shift view of the own location
  if (g.rol === 'locatie' && g.locatieId)
    return <DienstOverzicht locatieId={g.locatieId} begroeting={`Welkom, ${g.naam}`} />;
  // issue 16: a client's start page is Mijn Onderdak
  if (m.eigenDossier) return <Navigate to="/mijn-onderdak" replace />;
  return (
    <>
      <Heading level={1}>Welkom, {g.naam}</Heading>
      <Paragraph lead>
        {g.tenant.naam} · {g.rolLabel}
      </Paragraph>
      {m.taken && <MijnTakenTellers />}
      {m.aanmeldingen && <Werkvoorraad />}
      {m.aanmeldingen && m.perspectief && <Aandacht preventie={!!m.voorkomen} />}
      {g.rol === 'corporatie' && <CorporatieStart />}
      <section aria-labelledby="snel-titel">
        <Heading level={2} id="snel-titel">
          Snel naar
        </Heading>
        <ul className="utrecht-unordered-list">
          {m.clienten && (
            <li className="utrecht-unordered-list__item">
              <Link to="/clienten" className="utrecht-link">
                Cliënten zoeken
              </Link>
            </li>
          )}
          {m.clienten && m.aanmeldingen && (
            <li className="utrecht-unordered-list__item">
              <Link to="/clienten/nieuw" className="utrecht-link">
                Nieuwe cliënt registreren
              </Link>
            </li>
          )}
          {g.locatieId && (
            <li className="utrecht-unordered-list__item">
              <Link to="/locaties/$locatieId" params={{ locatieId: g.locatieId }} className="utrecht-link">
                Bezetting van mijn locatie
              </Link>
            </li>
          )}
          {!g.locatieId && magBezetting(g) && (
            <li className="utrecht-unordered-list__item">
              <Link to="/locaties" className="utrecht-link">
                Bezetting van de locaties
              </Link>
            </li>
          )}
          {m.rapportages && (
            <li className="utrecht-unordered-list__item">
              <Link to="/rapportage" className="utrecht-link">
                Rapportage: kerncijfers van de regio
              </Link>
            </li>
          )}
          {(m.gebruikersBeheren || m.locatiesBeheren) && (
            <li className="utrecht-unordered-list__item">
              <Link to="/beheer" className="utrecht-link">
                Beheer van gebruikers en locaties
              </Link>
            </li>
          )}
          {g.clientId && (
            <li className="utrecht-unordered-list__item">
              <Link to="/clienten/$clientId" params={{ clientId: g.clientId }} className="utrecht-link">
                Mijn dossier
              </Link>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
