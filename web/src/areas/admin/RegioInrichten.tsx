// Beheer (issue 11): de regio inrichten — regiogemeenten, locaties wijzigen en sluiten, eenheden in bulk toevoegen,
// hernoemen, sluiten en heropenen (met bevestiging), een locatie koppelen aan haar zorgaanbieder. Closing with an
// open stay is refused by the server with a clear message, shown here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import { useGebruiker, useReferentie } from '../../api/queries';
import { vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  CheckboxField,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  Uitklap,
  useTitel,
} from '../../ui/ui';

const beheerLocatiesQuery = { queryKey: ['beheerlocaties'], queryFn: () => apiGet('/beheerlocaties') };

/** After any change: the beheer list, the bed board and the reference lists (gemeenten) read anew. */
function useVernieuw() {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['beheerlocaties'] }),
      qc.invalidateQueries({ queryKey: ['locaties'] }),
      qc.invalidateQueries({ queryKey: ['bezetting'] }),
      qc.invalidateQueries({ queryKey: ['regiogemeenten'] }),
      qc.invalidateQueries({ queryKey: ['referentie'] }),
    ]);
  };
}

export function RegioInrichtenPage() {
  useTitel('Regio inrichten');
  const m = useGebruiker().mogelijkheden;
  const locaties = useQuery(beheerLocatiesQuery);
  if (!m.locatiesBeheren) {
    return (
      <>
        <Heading level={1}>Regio inrichten</Heading>
        <Alert type="error" role="alert" title="Geen toegang">
          U heeft geen rechten om de regio in te richten.
        </Alert>
      </>
    );
  }
  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/beheer" className="utrecht-link">
          ← Terug naar beheer
        </Link>
      </p>
      <Heading level={1}>Regio inrichten</Heading>
      <Paragraph>
        Gemeenten van de regio, locaties en hun eenheden. Een eenheid of locatie waar nog iemand verblijft, kunt u niet
        sluiten.
      </Paragraph>
      {m.regioBeheren && <Regiogemeenten />}
      <section aria-labelledby="locaties-titel">
        <Heading level={2} id="locaties-titel">
          Locaties en eenheden
        </Heading>
        {locaties.isPending ? (
          <Loading />
        ) : locaties.error ? (
          <PaginaFout error={locaties.error} />
        ) : locaties.data.resultaten.length === 0 ? (
          <Paragraph>Er zijn nog geen locaties. Maak er een aan op de pagina Beheer.</Paragraph>
        ) : (
          locaties.data.resultaten.map((l) => <LocatieBeheer key={l.id} locatie={l} />)
        )}
      </section>
    </>
  );
}

function Regiogemeenten() {
  const vernieuw = useVernieuw();
  const lijst = useQuery({ queryKey: ['regiogemeenten'], queryFn: () => apiGet('/regiogemeenten') });
  const [f, setF] = useState({ code: '', naam: '' });
  const [klaar, setKlaar] = useState<string | null>(null);
  const voegToe = useMutation({
    mutationFn: () => apiPad('post', '/regiogemeenten', { body: { code: f.code.trim(), naam: f.naam.trim() } }),
    onSuccess: async (g) => {
      setKlaar(`${g.naam} (${g.code}) hoort nu bij de regio.`);
      setF({ code: '', naam: '' });
      await vernieuw();
    },
  });
  const ids = { code: 'gemeente-code', naam: 'gemeente-naam' };
  const fouten = FormErrors.from(voegToe.error, ids);
  function submit(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    voegToe.mutate();
  }
  return (
    <section aria-labelledby="gemeenten-titel">
      <Heading level={2} id="gemeenten-titel">
        Regiogemeenten
      </Heading>
      {lijst.data && (
        <Paragraph>
          {lijst.data.resultaten.map((g) => `${g.naam} (${g.code})`).join(', ') || 'Nog geen gemeenten.'}
        </Paragraph>
      )}
      {klaar && (
        <Alert type="ok" role="status">
          {klaar}
        </Alert>
      )}
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-labelledby="gemeenten-titel" className="onderdak-kolommen">
        <TextField
          id={ids.code}
          label="CBS-gemeentecode"
          description="4 cijfers, bijvoorbeeld 0482"
          inputMode="numeric"
          value={f.code}
          onChange={(e) => setF({ ...f, code: e.target.value })}
          error={fouten.get('code')}
        />
        <TextField
          id={ids.naam}
          label="Naam gemeente"
          value={f.naam}
          onChange={(e) => setF({ ...f, naam: e.target.value })}
          error={fouten.get('naam')}
        />
        <div>
          <Button type="submit" busy={voegToe.isPending} disabled={voegToe.isPending}>
            Gemeente toevoegen
          </Button>
        </div>
      </form>
    </section>
  );
}

type BeheerLocatie = Awaited<ReturnType<typeof beheerLocatiesQuery.queryFn>>['resultaten'][number];
type BeheerEenheid = BeheerLocatie['eenheden'][number];

function LocatieBeheer({ locatie: l }: { locatie: BeheerLocatie }) {
  const open = l.eenheden.filter((e) => e.actief);
  const titelId = `locatie-${l.id}-titel`;
  return (
    <section aria-labelledby={titelId} className="onderdak-card">
      <h3 id={titelId} className="utrecht-heading-3">
        {l.naam} {!l.actief && <StatusBadge status="inactive">Gesloten op {l.geslotenOp ?? '—'}</StatusBadge>}
      </h3>
      <Paragraph>
        {l.adres || 'Geen adres'} · {open.length} open {open.length === 1 ? 'eenheid' : 'eenheden'},{' '}
        {open.filter((e) => !e.reserve).reduce((n, e) => n + e.bedden, 0)} bedden en{' '}
        {open.filter((e) => e.reserve).reduce((n, e) => n + e.bedden, 0)} reserveplekken ·{' '}
        {l.zorgaanbiederNaam ? `zorgaanbieder ${l.zorgaanbiederNaam}` : 'geen zorgaanbieder gekoppeld'}
      </Paragraph>
      {l.mogelijkheden.heropenen && (
        <Uitklap knop={`${l.naam} heropenen`} titel={`${l.naam} heropenen`}>
          {(sluit) => <Heropenen wat={l.naam} pad="locatie" id={l.id} sluit={sluit} />}
        </Uitklap>
      )}
      {l.mogelijkheden.wijzigen && (
        <div className="onderdak-kolommen">
          {l.mogelijkheden.eenhedenToevoegen && (
            <Uitklap knop={`Eenheden toevoegen aan ${l.naam}`} titel={`Eenheden toevoegen aan ${l.naam}`}>
              {(sluit) => <EenhedenInBulk locatie={l} sluit={sluit} />}
            </Uitklap>
          )}
          <Uitklap knop={`${l.naam} wijzigen`} titel={`${l.naam} wijzigen`}>
            {(sluit) => <LocatieWijzigen locatie={l} sluit={sluit} />}
          </Uitklap>
          <Uitklap knop={`${l.naam} sluiten`} titel={`${l.naam} sluiten`}>
            {(sluit) => <Sluiten wat={l.naam} pad="locatie" id={l.id} sluit={sluit} />}
          </Uitklap>
        </div>
      )}
      {l.eenheden.length > 0 && (
        <Table caption={`Eenheden van ${l.naam}`}>
          <THead>
            <Tr>
              <Th>Naam</Th>
              <Th>Soort</Th>
              <Th numeric>Bedden</Th>
              <Th numeric>Bezet</Th>
              <Th>Status</Th>
              <Th>Acties</Th>
            </Tr>
          </THead>
          <TBody>
            {l.eenheden.map((e) => (
              <EenheidRij key={e.id} eenheid={e} />
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

function EenheidRij({ eenheid: e }: { eenheid: BeheerEenheid }) {
  const ref = useReferentie();
  const soort = ref.data?.eenheidsoorten.find((s) => s.code === e.soort)?.label ?? e.soort;
  return (
    <Tr>
      <Td>{e.naam}</Td>
      <Td>
        {soort}
        {e.reserve ? ' (reserve)' : ''}
      </Td>
      <Td numeric>{e.bedden}</Td>
      <Td numeric>{e.bezet}</Td>
      <Td>
        {e.actief ? (
          <StatusBadge status="success">Open</StatusBadge>
        ) : (
          <StatusBadge status="inactive">Gesloten {e.geslotenOp ?? ''}</StatusBadge>
        )}
      </Td>
      <Td>
        {e.mogelijkheden.wijzigen && (
          <div className="onderdak-kolommen">
            <Uitklap knop={`${e.naam} wijzigen`} titel={`Eenheid ${e.naam} wijzigen`}>
              {(sluit) => <EenheidWijzigen eenheid={e} sluit={sluit} />}
            </Uitklap>
            {e.mogelijkheden.sluiten ? (
              <Uitklap knop={`${e.naam} sluiten`} titel={`Eenheid ${e.naam} sluiten`}>
                {(sluit) => <Sluiten wat={`eenheid ${e.naam}`} pad="eenheid" id={e.id} sluit={sluit} />}
              </Uitklap>
            ) : (
              <span className="utrecht-paragraph--small">Sluiten kan als niemand er meer verblijft.</span>
            )}
          </div>
        )}
        {e.mogelijkheden.heropenen && (
          <Uitklap knop={`${e.naam} heropenen`} titel={`Eenheid ${e.naam} heropenen`}>
            {(sluit) => <Heropenen wat={`eenheid ${e.naam}`} pad="eenheid" id={e.id} sluit={sluit} />}
          </Uitklap>
        )}
      </Td>
    </Tr>
  );
}

function EenhedenInBulk({ locatie: l, sluit }: { locatie: BeheerLocatie; sluit: () => void }) {
  const vernieuw = useVernieuw();
  const ref = useReferentie();
  const [f, setF] = useState({
    voorvoegsel: 'K',
    van: '1',
    tot: '50',
    soort: 'eenpersoonskamer',
    bedden: '1',
    reserveAantal: '0',
    reserveVoorvoegsel: 'R',
  });
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: () => {
      const reserve = Number(f.reserveAantal);
      return apiPad('post', '/locaties/{id}/eenheidreeksen', {
        params: { id: l.id },
        body: {
          reeksen: [
            {
              voorvoegsel: f.voorvoegsel,
              van: Number(f.van),
              tot: Number(f.tot),
              soort: f.soort,
              bedden: Number(f.bedden),
            },
            ...(reserve > 0
              ? [
                  {
                    voorvoegsel: f.reserveVoorvoegsel,
                    van: 1,
                    tot: reserve,
                    soort: 'reserve',
                    bedden: 1,
                    reserve: true,
                  },
                ]
              : []),
          ],
        },
      });
    },
    onSuccess: async (r) => {
      setKlaar(`${r.aantal} eenheden aangemaakt bij ${l.naam}.`);
      await vernieuw();
    },
  });
  const pre = `bulk-${l.id}`;
  const ids = {
    'reeksen.0.voorvoegsel': `${pre}-voorvoegsel`,
    'reeksen.0.van': `${pre}-van`,
    'reeksen.0.tot': `${pre}-tot`,
    'reeksen.0.soort': `${pre}-soort`,
    'reeksen.0.bedden': `${pre}-bedden`,
    'reeksen.1.tot': `${pre}-reserve`,
    'reeksen.1.voorvoegsel': `${pre}-reserve-voorvoegsel`,
    reeksen: `${pre}-voorvoegsel`,
  };
  const fouten = FormErrors.from(maak.error, ids);
  const n = Math.max(0, Number(f.tot) - Number(f.van) + 1);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setKlaar(null);
        maak.mutate();
      }}
    >
      {klaar && (
        <Alert type="ok" role="status">
          {klaar}
        </Alert>
      )}
      <ErrorSummary errors={fouten.summary()} />
      <div className="onderdak-kolommen">
        <TextField
          id={ids['reeksen.0.voorvoegsel']}
          label="Voorvoegsel"
          description="Bijvoorbeeld K voor K01–K50"
          value={f.voorvoegsel}
          onChange={(e) => setF({ ...f, voorvoegsel: e.target.value })}
          error={fouten.get('reeksen.0.voorvoegsel') ?? fouten.get('reeksen')}
        />
        <TextField
          id={ids['reeksen.0.van']}
          label="Van nummer"
          type="number"
          min={0}
          value={f.van}
          onChange={(e) => setF({ ...f, van: e.target.value })}
          error={fouten.get('reeksen.0.van')}
        />
        <TextField
          id={ids['reeksen.0.tot']}
          label="Tot en met nummer"
          type="number"
          min={0}
          value={f.tot}
          onChange={(e) => setF({ ...f, tot: e.target.value })}
          error={fouten.get('reeksen.0.tot')}
        />
      </div>
      <div className="onderdak-kolommen">
        <SelectField
          id={ids['reeksen.0.soort']}
          label="Soort eenheid"
          value={f.soort}
          onChange={(e) => setF({ ...f, soort: e.target.value })}
          error={fouten.get('reeksen.0.soort')}
        >
          {(ref.data?.eenheidsoorten ?? []).map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids['reeksen.0.bedden']}
          label="Bedden per eenheid"
          type="number"
          min={1}
          value={f.bedden}
          onChange={(e) => setF({ ...f, bedden: e.target.value })}
          error={fouten.get('reeksen.0.bedden')}
        />
      </div>
      <div className="onderdak-kolommen">
        <TextField
          id={ids['reeksen.1.tot']}
          label="Aantal reserveplekken erbij"
          type="number"
          min={0}
          value={f.reserveAantal}
          onChange={(e) => setF({ ...f, reserveAantal: e.target.value })}
          error={fouten.get('reeksen.1.tot')}
        />
        <TextField
          id={ids['reeksen.1.voorvoegsel']}
          label="Voorvoegsel reserveplekken"
          value={f.reserveVoorvoegsel}
          onChange={(e) => setF({ ...f, reserveVoorvoegsel: e.target.value })}
          error={fouten.get('reeksen.1.voorvoegsel')}
        />
      </div>
      <Paragraph>
        Dit maakt {n} {n === 1 ? 'eenheid' : 'eenheden'}
        {Number(f.reserveAantal) > 0 ? ` en ${f.reserveAantal} reserveplekken` : ''}.
      </Paragraph>
      <div className="onderdak-kolommen">
        <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>
          Eenheden aanmaken
        </Button>
        <Button type="button" onClick={sluit}>
          Sluiten
        </Button>
      </div>
    </form>
  );
}

function LocatieWijzigen({ locatie: l, sluit }: { locatie: BeheerLocatie; sluit: () => void }) {
  const vernieuw = useVernieuw();
  const zorgaanbieders = useQuery({ queryKey: ['zorgaanbieders'], queryFn: () => apiGet('/zorgaanbieders') });
  const [f, setF] = useState({
    naam: l.naam,
    adres: l.adres,
    nachtopvang: l.nachtopvang,
    zorgaanbiederId: l.zorgaanbiederId ?? '',
  });
  const wijzig = useMutation({
    mutationFn: () =>
      apiPad('patch', '/locaties/{id}', {
        params: { id: l.id },
        body: {
          naam: f.naam.trim(),
          adres: f.adres.trim(),
          nachtopvang: f.nachtopvang,
          zorgaanbiederId: f.zorgaanbiederId || null,
        },
      }),
    onSuccess: async () => {
      await vernieuw();
      sluit();
    },
  });
  const ids = {
    naam: `locatie-${l.id}-naam`,
    adres: `locatie-${l.id}-adres`,
    nachtopvang: `locatie-${l.id}-nacht`,
    zorgaanbiederId: `locatie-${l.id}-zorgaanbieder`,
  };
  const fouten = FormErrors.from(wijzig.error, ids);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        wijzig.mutate();
      }}
    >
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id={ids.naam}
        label="Naam locatie"
        value={f.naam}
        onChange={(e) => setF({ ...f, naam: e.target.value })}
        error={fouten.get('naam')}
      />
      <TextField
        id={ids.adres}
        label="Adres"
        value={f.adres}
        onChange={(e) => setF({ ...f, adres: e.target.value })}
        error={fouten.get('adres')}
      />
      <CheckboxField
        id={ids.nachtopvang}
        label="Nachtopvang (telt mee in de kerncijfers)"
        checked={f.nachtopvang}
        onChange={(e) => setF({ ...f, nachtopvang: e.target.checked })}
      />
      <SelectField
        id={ids.zorgaanbiederId}
        label="Zorgaanbieder"
        description="De organisatie die de locatie exploiteert. Zorgaanbieders voegt u toe op de pagina Beheer."
        value={f.zorgaanbiederId}
        onChange={(e) => setF({ ...f, zorgaanbiederId: e.target.value })}
        error={fouten.get('zorgaanbiederId')}
      >
        <option value="">Geen zorgaanbieder</option>
        {(zorgaanbieders.data?.resultaten ?? []).map((z) => (
          <option key={z.id} value={z.id}>
            {z.naam}
          </option>
        ))}
      </SelectField>
      <div className="onderdak-kolommen">
        <Button type="submit" variant="primary" busy={wijzig.isPending} disabled={wijzig.isPending}>
          Opslaan
        </Button>
        <Button type="button" onClick={sluit}>
          Annuleren
        </Button>
      </div>
    </form>
  );
}

function EenheidWijzigen({ eenheid: e, sluit }: { eenheid: BeheerEenheid; sluit: () => void }) {
  const vernieuw = useVernieuw();
  const [f, setF] = useState({ naam: e.naam, bedden: String(e.bedden) });
  const wijzig = useMutation({
    mutationFn: () =>
      apiPad('patch', '/eenheden/{id}', {
        params: { id: e.id },
        body: { naam: f.naam.trim(), bedden: Number(f.bedden) },
      }),
    onSuccess: async () => {
      await vernieuw();
      sluit();
    },
  });
  const ids = { naam: `eenheid-${e.id}-naam`, bedden: `eenheid-${e.id}-bedden` };
  const fouten = FormErrors.from(wijzig.error, ids);
  return (
    <form
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        wijzig.mutate();
      }}
    >
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id={ids.naam}
        label="Naam"
        value={f.naam}
        onChange={(ev) => setF({ ...f, naam: ev.target.value })}
        error={fouten.get('naam')}
      />
      <TextField
        id={ids.bedden}
        label="Bedden"
        type="number"
        min={1}
        value={f.bedden}
        onChange={(ev) => setF({ ...f, bedden: ev.target.value })}
        error={fouten.get('bedden')}
      />
      <div className="onderdak-kolommen">
        <Button type="submit" variant="primary" busy={wijzig.isPending} disabled={wijzig.isPending}>
          Opslaan
        </Button>
        <Button type="button" onClick={sluit}>
          Annuleren
        </Button>
      </div>
    </form>
  );
}

function Sluiten({ wat, pad, id, sluit }: { wat: string; pad: 'locatie' | 'eenheid'; id: string; sluit: () => void }) {
  const vernieuw = useVernieuw();
  const [datum, setDatum] = useState(vandaag());
  const doe = useMutation({
    mutationFn: async (): Promise<void> => {
      if (pad === 'locatie') await apiPad('post', '/locaties/{id}/sluitingen', { params: { id }, body: { datum } });
      else await apiPad('post', '/eenheden/{id}/sluitingen', { params: { id }, body: { datum } });
    },
    onSuccess: async () => {
      await vernieuw();
    },
  });
  const veldId = `sluiten-${id}-datum`;
  const fouten = FormErrors.from(doe.error, { datum: veldId });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        doe.mutate();
      }}
    >
      <ErrorSummary errors={fouten.summary()} title={`${wat} is niet gesloten`} />
      <TextField
        id={veldId}
        label="Datum van sluiten"
        type="date"
        value={datum}
        onChange={(e) => setDatum(e.target.value)}
        error={fouten.get('datum')}
      />
      <div className="onderdak-kolommen">
        <Button type="submit" danger busy={doe.isPending} disabled={doe.isPending}>
          Definitief sluiten
        </Button>
        <Button type="button" onClick={sluit}>
          Annuleren
        </Button>
      </div>
    </form>
  );
}

function Heropenen({
  wat,
  pad,
  id,
  sluit,
}: {
  wat: string;
  pad: 'locatie' | 'eenheid';
  id: string;
  sluit: () => void;
}) {
  const vernieuw = useVernieuw();
  const doe = useMutation({
    mutationFn: async (): Promise<void> => {
      if (pad === 'locatie') await apiPad('post', '/locaties/{id}/heropeningen', { params: { id } });
      else await apiPad('post', '/eenheden/{id}/heropeningen', { params: { id } });
    },
    onSuccess: async () => {
      await vernieuw();
    },
  });
  const fouten = FormErrors.from(doe.error, {});
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        doe.mutate();
      }}
    >
      <ErrorSummary errors={fouten.summary()} title={`${wat} is niet heropend`} />
      <Paragraph>
        {pad === 'locatie'
          ? `Weet u zeker dat u ${wat} wilt heropenen? De eenheden die tegelijk met de locatie gesloten zijn, gaan ook weer open en staan dan op het bedbord.`
          : `Weet u zeker dat u ${wat} wilt heropenen? De eenheid staat dan weer op het bedbord en er kan iemand geplaatst worden.`}
      </Paragraph>
      <div className="onderdak-kolommen">
        <Button type="submit" variant="primary" busy={doe.isPending} disabled={doe.isPending}>
          Ja, heropenen
        </Button>
        <Button type="button" onClick={sluit}>
          Annuleren
        </Button>
      </div>
    </form>
  );
}
