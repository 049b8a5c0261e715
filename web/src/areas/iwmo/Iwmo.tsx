// Issue 19 — iWmo 3.2 with the zorgaanbieder: the messages in and out (download the XML, as through the GGK/VECOZO
// portals), reading in a provider's file (305, 307, 315, 317, 323), and for the toegang the worklist: placements
// without a toewijzing (301), requests to answer (301 or 319) and differences to resolve.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, apiGet, apiPad } from '../../api/client';
import { useGebruiker } from '../../api/queries';
import type { Schema } from '../../api/types';
import { datum } from '../../ui/format';
import {
  Alert,
  Bladeren,
  Button,
  ButtonGroup,
  bladzijde,
  ErrorAlert,
  Heading,
  Loading,
  Paragraph,
  SelectField,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';

type Bericht = Schema<'IwmoBericht'>;

const BERICHTNAAM: Record<string, string> = {
  '301': '301 toewijzing',
  '305': '305 start zorg',
  '307': '307 stop zorg',
  '315': '315 verzoek om toewijzing',
  '317': '317 verzoek om wijziging',
  '319': '319 antwoord op verzoek',
  '323': '323 declaratie',
};
const STATUS: Record<string, string> = {
  klaarVoorOphalen: 'Klaar om op te halen',
  opgehaald: 'Opgehaald',
  verwerkt: 'Verwerkt',
  verwerktMetVerschillen: 'Verwerkt, met verschillen',
};
const REDENEN: [string, string][] = [
  ['1', 'Geen wijziging, maar nieuwe aanvraag'],
  ['2', 'Past niet binnen budget'],
  ['3', 'Geen contract'],
  ['4', 'Past niet binnen contract'],
  ['5', 'Andere gemeente'],
  ['6', 'Stapeling'],
  ['7', 'Zorginhoudelijke afkeur'],
  ['8', 'Woonplaatsbeginsel'],
  ['9', 'Leeftijdsgrens is bereikt'],
];
const euro = (cent: number) => (cent / 100).toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' });

export function IwmoPage() {
  useTitel('iWmo-berichten');
  const g = useGebruiker();
  const toegang = g.rol === 'toegang';
  return (
    <div className="onderdak-stack">
      <Heading level={1}>iWmo-berichten</Heading>
      <Paragraph>
        Berichten over opvang tussen gemeente en zorgaanbieder (iWmo 3.2, productcategorie 16 opvang en 17 spoedopvang,
        per etmaal). Download een toewijzing als XML-bestand of lees een bestand van de zorgaanbieder in.
      </Paragraph>
      {toegang && <TeToewijzen />}
      <Inlezen />
      {toegang && <Verzoeken />}
      {toegang && <Verschillen />}
      <Berichten />
    </div>
  );
}

function useVernieuw() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['iwmo'] });
}

/** Issue 16: placements per page in "Plaatsingen zonder toewijzing" (two lists share this page). */
const PLAATSINGEN_PER_PAGINA = 5;

function TeToewijzen() {
  const vernieuw = useVernieuw();
  const q = useQuery({ queryKey: ['iwmo', 'kandidaten'], queryFn: () => apiGet('/iwmo-toewijzingskandidaten') });
  const [gevraagd, setPagina] = useState(1);
  const { rijen, pagina } = bladzijde(q.data?.verblijven ?? [], gevraagd, PLAATSINGEN_PER_PAGINA);
  const maak = useMutation({
    mutationFn: (verblijfId: string) => apiPad('post', '/iwmo-toewijzingen', { body: { verblijfId } }),
    onSuccess: vernieuw,
  });
  return (
    <section aria-labelledby="iwmo-kandidaten">
      <Heading level={2} id="iwmo-kandidaten">
        Plaatsingen zonder toewijzing
      </Heading>
      {maak.error && <ErrorAlert error={maak.error} />}
      {maak.data && (
        <Alert type="ok" role="status" title="Toewijzing gemaakt">
          <Paragraph>{maak.data.samenvatting}. Het bericht staat klaar voor de zorgaanbieder.</Paragraph>
        </Alert>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.verblijven.length === 0 ? (
        <Paragraph>Alle plaatsingen met een toegangsbesluit hebben een toewijzing.</Paragraph>
      ) : (
        <>
          <Table caption="Plaatsingen met een toegangsbesluit, nog zonder 301">
            <THead>
              <Tr>
                <Th>Cliënt</Th>
                <Th>Locatie</Th>
                <Th>Sinds</Th>
                <Th>Product</Th>
                <Th>Actie</Th>
              </Tr>
            </THead>
            <TBody>
              {rijen.map((v) => (
                <Tr key={v.verblijfId}>
                  <Th scope="row">{v.naam}</Th>
                  <Td>
                    {v.locatie} ({v.aanbieder}, AGB {v.agbCode})
                  </Td>
                  <Td>{v.sinds}</Td>
                  <Td>{v.productcategorie === '17' ? '17 spoedopvang' : '16 opvang'}</Td>
                  <Td>
                    {v.belemmering ? (
                      v.belemmering
                    ) : (
                      <Button
                        variant="secondary"
                        busy={maak.isPending && maak.variables === v.verblijfId}
                        onClick={() => maak.mutate(v.verblijfId)}
                        aria-label={`Toewijzing maken voor ${v.naam}`}
                      >
                        Toewijzing maken
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Bladeren
            pagina={pagina}
            grootte={PLAATSINGEN_PER_PAGINA}
            totaal={q.data.verblijven.length}
            onPagina={setPagina}
            label="Pagina's van de plaatsingen zonder toewijzing"
            wat="plaatsingen"
          />
        </>
      )}
    </section>
  );
}

function Inlezen() {
  const vernieuw = useVernieuw();
  const [bestand, setBestand] = useState<File | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const uitkomst = useRef<HTMLDivElement>(null);
  const lees = useMutation({
    mutationFn: async (f: File) =>
      apiPad('post', '/iwmo-berichten', { body: { xml: await f.text(), bestandsnaam: f.name } }),
    onSuccess: () => {
      vernieuw();
      // the same file twice is refused as a duplicate: clear the choice so the next upload is a deliberate one
      setBestand(null);
      const input = document.getElementById('iwmo-bestand') as HTMLInputElement | null;
      if (input) input.value = '';
    },
  });
  // after reading in, focus moves to the outcome (ingelezen, or why not), so keyboard and screen-reader users hear it
  useEffect(() => {
    if (lees.data || lees.error) uitkomst.current?.focus();
  }, [lees.data, lees.error]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!bestand) {
      setFout('Kies eerst een XML-bestand van de zorgaanbieder.');
      return;
    }
    setFout(null);
    lees.mutate(bestand);
  };
  return (
    <section aria-labelledby="iwmo-inlezen">
      <Heading level={2} id="iwmo-inlezen">
        Bestand van de zorgaanbieder inlezen
      </Heading>
      <form onSubmit={onSubmit} noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="iwmo-bestand">
            XML-bestand (305, 307, 315, 317 of 323)
          </label>
          <input
            id="iwmo-bestand"
            type="file"
            accept=".xml,application/xml,text/xml"
            className="utrecht-textbox"
            aria-invalid={fout ? true : undefined}
            aria-describedby={fout ? 'iwmo-bestand-fout' : undefined}
            onChange={(e) => setBestand(e.target.files?.[0] ?? null)}
          />
          {fout && (
            <div id="iwmo-bestand-fout" className="utrecht-form-field-error-message" role="alert">
              {fout}
            </div>
          )}
        </div>
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={lees.isPending}>
            Inlezen
          </Button>
        </ButtonGroup>
      </form>
      <div ref={uitkomst} tabIndex={-1} className="onderdak-stack">
        {lees.error && <InleesFout error={lees.error} />}
        {lees.data && <Resultaat b={lees.data} />}
      </div>
    </section>
  );
}

/** Why a file was refused: the reasons per field (not XML, wrong version, unknown sender, BSN), not only "invalid". */
function InleesFout({ error }: { error: unknown }) {
  const redenen = error instanceof ApiError ? error.invalidParams.map((p) => p.reason) : [];
  if (!redenen.length) return <ErrorAlert error={error} title="Het bestand is niet ingelezen" />;
  return (
    <Alert type="error" role="alert" title="Het bestand is niet ingelezen">
      <ul className="utrecht-unordered-list">
        {redenen.map((r) => (
          <li key={r} className="utrecht-unordered-list__item">
            {r}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function Resultaat({ b }: { b: Bericht }) {
  return (
    <div className="onderdak-stack">
      <Alert
        type={b.verschillen.length ? 'warning' : 'ok'}
        role="status"
        title={`${BERICHTNAAM[b.berichtcode]} ingelezen: ${STATUS[b.status] ?? b.status}`}
      >
        <Paragraph>{b.samenvatting}</Paragraph>
        {b.verschillen.length > 0 && (
          <ul className="utrecht-unordered-list">
            {b.verschillen.map((v) => (
              <li key={v.id} className="utrecht-unordered-list__item">
                {v.omschrijving}
              </li>
            ))}
          </ul>
        )}
      </Alert>
      {b.declaratieregels.length > 0 && (
        <Table caption="Declaratieregels tegen de getelde nachten">
          <THead>
            <Tr>
              <Th>Prestatie</Th>
              <Th>Periode</Th>
              <Th numeric>Gedeclareerd</Th>
              <Th numeric>Geteld</Th>
              <Th numeric>Bedrag</Th>
              <Th>Oordeel</Th>
            </Tr>
          </THead>
          <TBody>
            {b.declaratieregels.map((r) => (
              <Tr key={r.referentie}>
                <Th scope="row">
                  {r.referentie} (toewijzing {r.toewijzingNummer})
                </Th>
                <Td>
                  {datum(r.begindatum)} t/m {datum(r.einddatum)}
                </Td>
                <Td numeric>{r.volume}</Td>
                <Td numeric>{r.nachtenGeteld ?? '–'}</Td>
                <Td numeric>{euro(r.bedrag)}</Td>
                <Td>{r.goedgekeurd ? 'Goedgekeurd' : `Afgekeurd: ${r.afkeurreden}`}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}

function Verzoeken() {
  const vernieuw = useVernieuw();
  const q = useQuery({ queryKey: ['iwmo', 'verzoeken'], queryFn: () => apiGet('/iwmo-verzoeken') });
  const [keuze, setKeuze] = useState<Record<string, { antwoord: string; reden: string }>>({});
  const [redenFout, setRedenFout] = useState<string | null>(null);
  const bevestiging = useRef<HTMLDivElement>(null);
  const antwoord = useMutation({
    mutationFn: (p: { id: string; antwoord: 'toewijzen' | 'afwijzen' | 'inOnderzoek'; reden: string }) =>
      apiPad('post', '/iwmo-verzoeken/{id}/antwoorden', {
        params: { id: p.id },
        body: {
          antwoord: p.antwoord,
          redenAfwijzing: p.antwoord === 'afwijzen' ? (p.reden as '1') || null : null,
        },
      }),
    onSuccess: vernieuw,
  });
  // the answered verzoek leaves the list: focus goes to the confirmation instead of being lost
  useEffect(() => {
    if (antwoord.data || antwoord.error) bevestiging.current?.focus();
  }, [antwoord.data, antwoord.error]);
  return (
    <section aria-labelledby="iwmo-verzoeken">
      <Heading level={2} id="iwmo-verzoeken">
        Verzoeken om toewijzing of wijziging
      </Heading>
      <div ref={bevestiging} tabIndex={-1}>
        {antwoord.error && <ErrorAlert error={antwoord.error} title="Het antwoord is niet verstuurd" />}
        {antwoord.data && (
          <Alert type="ok" role="status" title={`Beantwoord met bericht ${antwoord.data.berichtcode}`}>
            <Paragraph>{antwoord.data.samenvatting}. Het bericht staat klaar voor de zorgaanbieder.</Paragraph>
          </Alert>
        )}
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.verzoeken.length === 0 ? (
        <Paragraph>Er zijn geen open verzoeken.</Paragraph>
      ) : (
        <ul className="onderdak-stack utrecht-unordered-list">
          {q.data.verzoeken.map((v) => {
            const k = keuze[v.id] ?? { antwoord: 'toewijzen', reden: '' };
            const zet = (p: Partial<typeof k>) => setKeuze({ ...keuze, [v.id]: { ...k, ...p } });
            return (
              <li key={v.id} className="utrecht-unordered-list__item">
                <Heading level={3}>
                  {BERICHTNAAM[v.berichtcode]}: {v.clientNaam ?? 'cliënt onbekend in Onderdak'}
                </Heading>
                <Paragraph>
                  {v.aanbieder ?? 'Zorgaanbieder'} (AGB {v.agbCode}), referentie {v.referentieAanbieder}; product{' '}
                  {v.productcategorie} vanaf {datum(v.ingangsdatum)}
                  {v.einddatum ? ` tot en met ${datum(v.einddatum)}` : ''}.
                </Paragraph>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (k.antwoord === 'afwijzen' && !k.reden) {
                      setRedenFout(v.id);
                      document.getElementById(`reden-${v.id}`)?.focus();
                      return;
                    }
                    setRedenFout(null);
                    antwoord.mutate({ id: v.id, antwoord: k.antwoord as 'toewijzen', reden: k.reden });
                  }}
                >
                  <SelectField
                    id={`antwoord-${v.id}`}
                    label="Antwoord"
                    value={k.antwoord}
                    onChange={(e) => zet({ antwoord: e.target.value })}
                  >
                    <option value="toewijzen">Toewijzen (301)</option>
                    <option value="afwijzen">Afwijzen (319)</option>
                    <option value="inOnderzoek">In onderzoek (319)</option>
                  </SelectField>
                  {k.antwoord === 'afwijzen' && (
                    <SelectField
                      id={`reden-${v.id}`}
                      label="Reden van afwijzing"
                      error={redenFout === v.id && !k.reden ? 'Kies een reden van afwijzing.' : undefined}
                      value={k.reden}
                      onChange={(e) => zet({ reden: e.target.value })}
                    >
                      <option value="">Kies een reden</option>
                      {REDENEN.map(([code, label]) => (
                        <option key={code} value={code}>
                          {label}
                        </option>
                      ))}
                    </SelectField>
                  )}
                  <ButtonGroup>
                    <Button
                      type="submit"
                      variant="secondary"
                      busy={antwoord.isPending && antwoord.variables?.id === v.id}
                    >
                      Antwoord versturen
                    </Button>
                  </ButtonGroup>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Verschillen() {
  const vernieuw = useVernieuw();
  const q = useQuery({ queryKey: ['iwmo', 'verschillen'], queryFn: () => apiGet('/iwmo-verschillen') });
  const [toelichting, setToelichting] = useState<Record<string, string>>({});
  const handel = useMutation({
    mutationFn: (p: { id: string; toelichting: string }) =>
      apiPad('post', '/iwmo-verschillen/{id}/afhandelingen', {
        params: { id: p.id },
        body: { toelichting: p.toelichting },
      }),
    onSuccess: vernieuw,
  });
  return (
    <section aria-labelledby="iwmo-verschillen">
      <Heading level={2} id="iwmo-verschillen">
        Verschillen om uit te zoeken
      </Heading>
      {handel.error && <ErrorAlert error={handel.error} />}
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.verschillen.length === 0 ? (
        <Paragraph>Er zijn geen open verschillen.</Paragraph>
      ) : (
        <ul className="onderdak-stack utrecht-unordered-list">
          {q.data.verschillen.map((v) => (
            <li key={v.id} className="utrecht-unordered-list__item">
              <Paragraph>
                <strong>{BERICHTNAAM[v.berichtcode]}</strong>
                {v.clientNaam ? ` — ${v.clientNaam}` : ''}: {v.omschrijving}
              </Paragraph>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  handel.mutate({ id: v.id, toelichting: toelichting[v.id] ?? '' });
                }}
              >
                <TextField
                  id={`toelichting-${v.id}`}
                  label="Hoe is het opgelost?"
                  value={toelichting[v.id] ?? ''}
                  onChange={(e) => setToelichting({ ...toelichting, [v.id]: e.target.value })}
                />
                <ButtonGroup>
                  <Button type="submit" variant="secondary" busy={handel.isPending && handel.variables?.id === v.id}>
                    Afhandelen
                  </Button>
                </ButtonGroup>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Issue 16: messages per page in "Alle berichten" (newest first, so the latest are on page 1). */
const BERICHTEN_PER_PAGINA = 10;

function Berichten() {
  const q = useQuery({ queryKey: ['iwmo', 'berichten'], queryFn: () => apiGet('/iwmo-berichten') });
  const [gevraagd, setPagina] = useState(1);
  const { rijen, pagina } = bladzijde(q.data?.berichten ?? [], gevraagd, BERICHTEN_PER_PAGINA);
  return (
    <section aria-labelledby="iwmo-berichten">
      <Heading level={2} id="iwmo-berichten">
        Alle berichten
      </Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.berichten.length === 0 ? (
        <Paragraph>Nog geen berichten.</Paragraph>
      ) : (
        <>
          <Table caption="Berichten in en uit, nieuwste eerst">
            <THead>
              <Tr>
                <Th>Bericht</Th>
                <Th>Richting</Th>
                <Th>Datum</Th>
                <Th>Cliënt</Th>
                <Th>Inhoud</Th>
                <Th>Status</Th>
                <Th>Bestand</Th>
              </Tr>
            </THead>
            <TBody>
              {rijen.map((b) => (
                <Tr key={b.id}>
                  <Th scope="row">{BERICHTNAAM[b.berichtcode]}</Th>
                  <Td>{b.richting === 'uit' ? 'Naar aanbieder' : 'Van aanbieder'}</Td>
                  <Td>{datum(b.dagtekening)}</Td>
                  <Td>{b.clientNaam ?? '–'}</Td>
                  <Td>{b.samenvatting}</Td>
                  <Td>{STATUS[b.status] ?? b.status}</Td>
                  <Td>
                    <a
                      className="utrecht-link"
                      href={`/v1/iwmo-berichten/${encodeURIComponent(b.id)}/bestand`}
                      download={b.bestandsnaam}
                    >
                      Download<span className="onderdak-sr-only"> {b.bestandsnaam}</span>
                    </a>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Bladeren
            pagina={pagina}
            grootte={BERICHTEN_PER_PAGINA}
            totaal={q.data.berichten.length}
            onPagina={setPagina}
            label="Pagina's van alle berichten"
            wat="berichten"
          />
        </>
      )}
    </section>
  );
}
