// Issue 20: veldwerk — record a contact (a known client, a person described before, or a new anonymous person with
// an estimated age), where (a point on the map of the region, drawn here without external tiles, or a place from
// the list for keyboard users), how the person sleeps and what was offered; the contacts of the last 90 days.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MouseEvent, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  CheckboxField,
  ErrorAlert,
  Fieldset,
  FormErrors,
  Heading,
  Loading,
  RadioGroup,
  SelectField,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
} from '../../ui/ui';

type Kader = Schema<'Veldwerkcontacten'>['regio'];
type Contact = Schema<'Veldwerkcontact'>;

const PLEKKEN: [string, number, number][] = [
  ['Station Dordrecht', 51.8075, 4.6684],
  ['Grote Kerk Dordrecht', 51.8118, 4.6605],
  ['Weizigtpark', 51.8046, 4.6625],
  ['Krispijn', 51.8003, 4.6552],
  ['Crabbehof', 51.7951, 4.6733],
  ['Sterrenburg', 51.7905, 4.6902],
  ['Station Zwijndrecht', 51.8155, 4.6395],
  ['Papendrecht centrum', 51.8322, 4.6978],
  ['Sliedrecht station', 51.8216, 4.7751],
  ['Alblasserdam centrum', 51.8655, 4.6605],
  ['Gorinchem centrum', 51.8349, 4.9745],
];
const PLAATSEN: [string, number, number][] = [
  ['Dordrecht', 51.8133, 4.669],
  ['Zwijndrecht', 51.8155, 4.6395],
  ['Papendrecht', 51.8322, 4.6978],
  ['Sliedrecht', 51.8216, 4.7751],
  ['Alblasserdam', 51.8655, 4.6605],
  ['H.-I.-Ambacht', 51.845, 4.63],
  ['Gorinchem', 51.8349, 4.9745],
];
// the rivers Oude Maas, Beneden-Merwede and Merwede, roughly (lat, lon)
const RIVIER: [number, number][] = [
  [51.8, 4.52],
  [51.812, 4.6],
  [51.818, 4.65],
  [51.822, 4.68],
  [51.826, 4.72],
  [51.82, 4.78],
  [51.815, 4.84],
  [51.825, 4.9],
  [51.83, 4.96],
  [51.832, 5.02],
];
const AANBOD: [string, string][] = [
  ['nachtopvang', 'Nachtopvang'],
  ['aanmelding_toegang', 'Aanmelding bij de toegang'],
  ['maaltijd', 'Maaltijd of dagopvang'],
  ['zorg', 'Medische zorg'],
  ['kleding', 'Kleding of slaapzak'],
  ['geweigerd', 'Aanbod geweigerd'],
];
const SLAAPPLEK: [string, string][] = [
  ['buiten', 'Buiten'],
  ['bij_anderen', 'Bij anderen'],
  ['auto', 'In een auto'],
  ['kraakpand', 'Kraakpand'],
  ['tussenvoorziening', 'Tussenvoorziening'],
  ['onbekend', 'Onbekend'],
];

const W = 600;
const H = 300;
const xy = (k: Kader, lat: number, lon: number) => ({
  x: ((lon - k.minLengte) / (k.maxLengte - k.minLengte)) * W,
  y: ((k.maxBreedte - lat) / (k.maxBreedte - k.minBreedte)) * H,
});

function Kaart({
  kader,
  contacten,
  punt,
  kies,
}: {
  kader: Kader;
  contacten: Contact[];
  punt: { lat: number; lon: number } | null;
  kies: (lat: number, lon: number) => void;
}) {
  const klik = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const fx = (e.clientX - r.left) / r.width;
    const fy = (e.clientY - r.top) / r.height;
    const lat = kader.maxBreedte - fy * (kader.maxBreedte - kader.minBreedte);
    const lon = kader.minLengte + fx * (kader.maxLengte - kader.minLengte);
    kies(Math.round(lat * 100000) / 100000, Math.round(lon * 100000) / 100000);
  };
  const rivier = RIVIER.map(([la, lo]) => {
    const p = xy(kader, la, lo);
    return `${p.x.toFixed(1)},${p.y.toFixed(1)}`;
  }).join(' ');
  const gekozen = punt ? xy(kader, punt.lat, punt.lon) : null;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the list of places below is the keyboard alternative to clicking the map
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="onderdak-regiokaart"
      role="img"
      aria-label={`Kaart van de regio met ${contacten.length} veldwerkcontacten. Klik om een plek te kiezen, of kies hieronder een plek uit de lijst.`}
      onClick={klik}
      style={{
        width: '100%',
        maxWidth: 720,
        height: 'auto',
        border: '1px solid #8a8a8a',
        background: '#f4f7f2',
        cursor: 'crosshair',
      }}
    >
      <polyline points={rivier} fill="none" stroke="#6b9bd1" strokeWidth={10} strokeLinejoin="round" />
      {PLAATSEN.map(([naam, la, lo]) => {
        const p = xy(kader, la, lo);
        return (
          <g key={naam}>
            <rect x={p.x - 3} y={p.y - 3} width={6} height={6} fill="#333" />
            <text x={p.x + 6} y={p.y - 6} fontSize={13} fill="#1a1a1a">
              {naam}
            </text>
          </g>
        );
      })}
      {contacten
        .filter((c) => c.breedtegraad !== null && c.lengtegraad !== null)
        .map((c) => {
          const p = xy(kader, c.breedtegraad!, c.lengtegraad!);
          return <circle key={c.id} cx={p.x} cy={p.y} r={4} fill="#b3261e" fillOpacity={0.6} />;
        })}
      {gekozen && (
        <circle
          cx={gekozen.x}
          cy={gekozen.y}
          r={8}
          fill="none"
          stroke="#000"
          strokeWidth={3}
          data-testid="gekozen-punt"
        />
      )}
    </svg>
  );
}

export function Veldwerk() {
  const qc = useQueryClient();
  const contacten = useQuery({ queryKey: ['hele-beeld', 'veldwerk'], queryFn: () => apiGet('/veldwerkcontacten') });
  const anoniem = useQuery({ queryKey: ['hele-beeld', 'anoniem'], queryFn: () => apiGet('/anonieme-personen') });
  const [wie, setWie] = useState<'nieuw' | 'eerder' | 'client'>('nieuw');
  const [zoek, setZoek] = useState('');
  const clienten = useQuery({
    queryKey: ['hele-beeld', 'clienten', zoek],
    queryFn: () => apiGet('/clienten', { query: { zoek, paginaGrootte: 20 } }),
    enabled: wie === 'client' && zoek.length >= 2,
  });
  const [f, setF] = useState({
    datum: vandaag(),
    beschrijving: '',
    leeftijd: '',
    anoniemId: '',
    clientId: '',
    slaapplek: 'buiten',
    plek: '',
    aangeboden: [] as string[],
    notitie: '',
  });
  const [punt, setPunt] = useState<{ lat: number; lon: number } | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/veldwerkcontacten', {
        body: {
          datum: f.datum,
          clientId: wie === 'client' ? f.clientId || null : null,
          anoniemId: wie === 'eerder' ? f.anoniemId || null : null,
          anoniem:
            wie === 'nieuw'
              ? { beschrijving: f.beschrijving, geschatteLeeftijd: f.leeftijd ? Number(f.leeftijd) : null }
              : null,
          slaapplek: f.slaapplek as 'buiten',
          breedtegraad: punt?.lat ?? null,
          lengtegraad: punt?.lon ?? null,
          plek: f.plek || null,
          aangeboden: f.aangeboden as 'nachtopvang'[],
          notitie: f.notitie || null,
        },
      }),
    onSuccess: async (c) => {
      setOk(`Contact met ${c.naam} vastgelegd.`);
      setF({ ...f, beschrijving: '', leeftijd: '', notitie: '', aangeboden: [] });
      setPunt(null);
      await qc.invalidateQueries({ queryKey: ['hele-beeld'] });
    },
  });
  const fe = FormErrors.from(m.error);
  const kader = contacten.data?.regio;
  return (
    <section aria-labelledby="veldwerk-kop">
      <Heading level={2} id="veldwerk-kop">
        Veldwerk
      </Heading>
      {contacten.isPending ? (
        <Loading />
      ) : contacten.error ? (
        <ErrorAlert error={contacten.error} />
      ) : (
        kader && (
          <Kaart
            kader={kader}
            contacten={contacten.data.resultaten}
            punt={punt}
            kies={(lat, lon) => setPunt({ lat, lon })}
          />
        )
      )}
      <form
        noValidate
        aria-labelledby="veldwerk-nieuw"
        onSubmit={(e) => {
          e.preventDefault();
          setOk(null);
          m.mutate();
        }}
      >
        <Heading level={3} id="veldwerk-nieuw">
          Contact vastleggen
        </Heading>
        {ok && (
          <Alert type="ok" role="status">
            {ok}
          </Alert>
        )}
        {fe.general.length > 0 && <ErrorAlert error={m.error} />}
        <TextField
          id="vw-datum"
          label="Datum"
          type="date"
          value={f.datum}
          error={fe.get('datum')}
          onChange={(e) => setF({ ...f, datum: e.target.value })}
        />
        <RadioGroup
          idPrefix="vw"
          name="wie"
          legend="Met wie"
          value={wie}
          error={fe.get('clientId')}
          onChange={setWie}
          options={[
            { value: 'nieuw', label: 'Iemand zonder naam (nieuwe beschrijving)' },
            { value: 'eerder', label: 'Iemand die eerder is beschreven' },
            { value: 'client', label: 'Een bekende cliënt' },
          ]}
        />
        {wie === 'nieuw' && (
          <>
            <TextField
              id="vw-beschrijving"
              label="Beschrijving"
              description="Bijvoorbeeld kleding, lengte, hond"
              value={f.beschrijving}
              error={fe.get('anoniem.beschrijving')}
              onChange={(e) => setF({ ...f, beschrijving: e.target.value })}
            />
            <TextField
              id="vw-leeftijd"
              label="Geschatte leeftijd"
              inputMode="numeric"
              optional
              value={f.leeftijd}
              error={fe.get('anoniem.geschatteLeeftijd')}
              onChange={(e) => setF({ ...f, leeftijd: e.target.value })}
            />
          </>
        )}
        {wie === 'eerder' && (
          <SelectField
            id="vw-anoniem"
            label="Persoon"
            value={f.anoniemId}
            onChange={(e) => setF({ ...f, anoniemId: e.target.value })}
          >
            <option value="">Kies een persoon</option>
            {(anoniem.data?.resultaten ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.beschrijving}
                {a.laatsteContact ? ` (laatst ${datum(a.laatsteContact)})` : ''}
              </option>
            ))}
          </SelectField>
        )}
        {wie === 'client' && (
          <>
            <TextField
              id="vw-zoek"
              label="Cliënt zoeken (naam)"
              value={zoek}
              onChange={(e) => setZoek(e.target.value)}
            />
            <SelectField
              id="vw-client"
              label="Cliënt"
              value={f.clientId}
              onChange={(e) => setF({ ...f, clientId: e.target.value })}
            >
              <option value="">Kies een cliënt</option>
              {(clienten.data?.resultaten ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.voornaam} {c.achternaam}
                </option>
              ))}
            </SelectField>
          </>
        )}
        <SelectField
          id="vw-slaapplek"
          label="Waar slaapt de persoon?"
          value={f.slaapplek}
          error={fe.get('slaapplek')}
          onChange={(e) => setF({ ...f, slaapplek: e.target.value })}
        >
          {SLAAPPLEK.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="vw-plekkeuze"
          label="Plek"
          description={
            punt ? `Gekozen punt: ${punt.lat}, ${punt.lon}` : 'Klik op de kaart, of kies een plek uit de lijst'
          }
          value=""
          error={fe.get('breedtegraad') ?? fe.get('lengtegraad')}
          onChange={(e) => {
            const p = PLEKKEN.find(([n]) => n === e.target.value);
            if (p) {
              setPunt({ lat: p[1], lon: p[2] });
              setF({ ...f, plek: p[0] });
            }
          }}
        >
          <option value="">Kies een plek uit de lijst</option>
          {PLEKKEN.map(([n]) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
        <TextField
          id="vw-plek"
          label="Omschrijving van de plek"
          optional
          value={f.plek}
          error={fe.get('plek')}
          onChange={(e) => setF({ ...f, plek: e.target.value })}
        />
        <Fieldset legend="Wat is aangeboden?" error={fe.get('aangeboden')} id="vw-aangeboden">
          {AANBOD.map(([v, l]) => (
            <CheckboxField
              key={v}
              id={`vw-aanbod-${v}`}
              label={l}
              checked={f.aangeboden.includes(v)}
              onChange={(e) =>
                setF({
                  ...f,
                  aangeboden: e.target.checked ? [...f.aangeboden, v] : f.aangeboden.filter((x) => x !== v),
                })
              }
            />
          ))}
        </Fieldset>
        <TextField
          id="vw-notitie"
          label="Notitie"
          optional
          value={f.notitie}
          onChange={(e) => setF({ ...f, notitie: e.target.value })}
        />
        <Button type="submit" variant="primary" busy={m.isPending}>
          Contact vastleggen
        </Button>
      </form>
      {contacten.data && (
        <Table caption="Veldwerkcontacten, laatste 90 dagen">
          <THead>
            <Tr>
              <Th>Datum</Th>
              <Th>Persoon</Th>
              <Th>Slaapplek</Th>
              <Th>Plek</Th>
              <Th>Aangeboden</Th>
            </Tr>
          </THead>
          <TBody>
            {contacten.data.resultaten.map((c) => (
              <Tr key={c.id}>
                <Td>{datum(c.datum)}</Td>
                <Td>{c.naam}</Td>
                <Td>{c.slaapplekLabel}</Td>
                <Td>{c.plek ?? '—'}</Td>
                <Td>{c.aangeboden.map((a) => AANBOD.find(([v]) => v === a)?.[1] ?? a).join(', ') || '—'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
