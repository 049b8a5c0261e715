import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type GebruikerBeheer, type Lijst } from '../../api/client';
import { locatiesQuery, useGebruiker, useReferentie } from '../../api/queries';
import {
  Alert, Button, CheckboxField, ErrorAlert, ErrorSummary, FormErrors, Heading, Loading, Paragraph, SelectField, StatusBadge,
  Table, TBody, Td, TextField, Th, THead, Tr,
} from '../../ui/ui';
import { PaginaFout, useTitel } from '../../app/Layout';

type Fouten = Record<string, string | undefined>;
const heeftFout = (f: Fouten) => Object.values(f).some(Boolean);

function Gebruikers() {
  const qc = useQueryClient();
  const ref = useReferentie();
  const locaties = useQuery(locatiesQuery);
  const lijst = useQuery({
    queryKey: ['gebruikers'],
    queryFn: async () => {
      const r = await api<Lijst<GebruikerBeheer> | GebruikerBeheer[]>('/v1/gebruikers');
      return Array.isArray(r) ? r : r.resultaten;
    },
  });
  const deblokkeer = useMutation({
    mutationFn: (id: string) => api<unknown>(`/v1/gebruikers/${encodeURIComponent(id)}/deblokkeringen`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gebruikers'] }),
  });

  const leeg = { gebruikersnaam: '', naam: '', rol: '', wachtwoord: '', locatieId: '' };
  const [f, setF] = useState(leeg);
  const [cf, setCf] = useState<Fouten>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: () => api<GebruikerBeheer>('/v1/gebruikers', {
      method: 'POST',
      body: { gebruikersnaam: f.gebruikersnaam.trim(), naam: f.naam.trim(), rol: f.rol, wachtwoord: f.wachtwoord, locatieId: f.locatieId || undefined },
    }),
    onSuccess: async (g) => {
      setKlaar(`Gebruiker ${g.gebruikersnaam ?? f.gebruikersnaam} is aangemaakt.`);
      setF(leeg);
      await qc.invalidateQueries({ queryKey: ['gebruikers'] });
    },
  });
  const ids = { gebruikersnaam: 'gebruiker-gebruikersnaam', naam: 'gebruiker-naam', rol: 'gebruiker-rol', wachtwoord: 'gebruiker-wachtwoord', locatieId: 'gebruiker-locatie' };
  const fouten = FormErrors.from(maak.error, ids, cf);
  const rolLabel = (code: string) => ref.data?.rollen.find((r) => r.code === code)?.label ?? code;

  function submit(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    const c: Fouten = {
      gebruikersnaam: f.gebruikersnaam.trim() ? undefined : 'Vul de gebruikersnaam in.',
      naam: f.naam.trim() ? undefined : 'Vul de naam in.',
      rol: f.rol ? undefined : 'Kies een rol.',
      wachtwoord: f.wachtwoord ? undefined : 'Vul een wachtwoord in.',
      locatieId: f.rol === 'locatie' && !f.locatieId ? 'Kies de locatie van deze locatiemedewerker.' : undefined,
    };
    setCf(c);
    if (heeftFout(c)) { maak.reset(); return; }
    maak.mutate();
  }

  return (
    <section aria-labelledby="gebruikers-titel">
      <Heading level={2} id="gebruikers-titel">Gebruikers</Heading>
      {deblokkeer.error && <ErrorAlert error={deblokkeer.error} />}
      {lijst.isPending ? <Loading /> : lijst.error ? <PaginaFout error={lijst.error} /> : lijst.data.length === 0 ? (
        <Paragraph>Nog geen gebruikers.</Paragraph>
      ) : (
        <Table captionHidden caption="Gebruikers">
          <THead><Tr><Th>Gebruikersnaam</Th><Th>Naam</Th><Th>Rol</Th><Th>Locatie</Th><Th>Status</Th><Th>Acties</Th></Tr></THead>
          <TBody>
            {lijst.data.map((u) => (
              <Tr key={u.id}>
                <Th scope="row">{u.gebruikersnaam}</Th>
                <Td>{u.naam}</Td>
                <Td>{u.rolLabel ?? rolLabel(u.rol)}</Td>
                <Td>{u.locatieId ? locaties.data?.resultaten.find((l) => l.id === u.locatieId)?.naam ?? u.locatieId : '—'}</Td>
                <Td>{u.geblokkeerd ? <StatusBadge status="danger">Geblokkeerd</StatusBadge> : <StatusBadge status="success">Actief</StatusBadge>}</Td>
                <Td>
                  {u.geblokkeerd && (
                    <Button variant="subtle" onClick={() => deblokkeer.mutate(u.id)} disabled={deblokkeer.isPending}>
                      Deblokkeer {u.gebruikersnaam}
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      <div className="onderdak-card">
        <h3 id="nieuwe-gebruiker-titel" className="utrecht-heading-3">Nieuwe gebruiker</h3>
        {klaar && <Alert type="ok" role="status">{klaar}</Alert>}
        <ErrorSummary errors={fouten.summary()} />
        <form onSubmit={submit} noValidate aria-labelledby="nieuwe-gebruiker-titel">
          <TextField id={ids.gebruikersnaam} label="Gebruikersnaam" required autoComplete="off" value={f.gebruikersnaam} onChange={(e) => setF({ ...f, gebruikersnaam: e.target.value })} error={fouten.get('gebruikersnaam')} />
          <TextField id={ids.naam} label="Naam" required autoComplete="off" value={f.naam} onChange={(e) => setF({ ...f, naam: e.target.value })} error={fouten.get('naam')} />
          <SelectField id={ids.rol} label="Rol" required value={f.rol} onChange={(e) => setF({ ...f, rol: e.target.value })} error={fouten.get('rol')}>
            <option value="">Kies een rol</option>
            {(ref.data?.rollen ?? []).map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
          </SelectField>
          <TextField id={ids.wachtwoord} label="Wachtwoord" type="password" required autoComplete="new-password" value={f.wachtwoord} onChange={(e) => setF({ ...f, wachtwoord: e.target.value })} error={fouten.get('wachtwoord')} />
          <SelectField id={ids.locatieId} label="Locatie" optional description="Alleen voor locatiemedewerkers." value={f.locatieId} onChange={(e) => setF({ ...f, locatieId: e.target.value })} error={fouten.get('locatieId')}>
            <option value="">Geen locatie</option>
            {(locaties.data?.resultaten ?? []).map((l) => <option key={l.id} value={l.id}>{l.naam}</option>)}
          </SelectField>
          <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>Gebruiker aanmaken</Button>
        </form>
      </div>
    </section>
  );
}

function LocatieForm() {
  const qc = useQueryClient();
  const ref = useReferentie();
  const leeg = { naam: '', type: '', adres: '', postcode: '', gemeentecode: '', wijk: '', nachtopvang: false };
  const [f, setF] = useState(leeg);
  const [cf, setCf] = useState<Fouten>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: () => api<{ id: string; naam: string }>('/v1/locaties', {
      method: 'POST',
      body: {
        naam: f.naam.trim(), type: f.type, adres: f.adres.trim(), postcode: f.postcode.trim() || undefined,
        gemeentecode: f.gemeentecode, wijk: f.wijk.trim() || undefined, nachtopvang: f.nachtopvang,
      },
    }),
    onSuccess: async (l) => {
      setKlaar(`Locatie ${l.naam ?? f.naam} is aangemaakt.`);
      setF(leeg);
      await qc.invalidateQueries({ queryKey: ['locaties'] });
    },
  });
  const ids = { naam: 'locatie-naam', type: 'locatie-type', adres: 'locatie-adres', postcode: 'locatie-postcode', gemeentecode: 'locatie-gemeente', wijk: 'locatie-wijk', nachtopvang: 'locatie-nachtopvang' };
  const fouten = FormErrors.from(maak.error, ids, cf);
  function submit(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    const c: Fouten = {
      naam: f.naam.trim() ? undefined : 'Vul de naam van de locatie in.',
      type: f.type ? undefined : 'Kies het type voorziening.',
      adres: f.adres.trim() ? undefined : 'Vul het adres in.',
      gemeentecode: f.gemeentecode ? undefined : 'Kies de gemeente.',
    };
    setCf(c);
    if (heeftFout(c)) { maak.reset(); return; }
    maak.mutate();
  }
  return (
    <div className="onderdak-card">
      <h3 id="nieuwe-locatie-titel" className="utrecht-heading-3">Nieuwe locatie</h3>
      {klaar && <Alert type="ok" role="status">{klaar}</Alert>}
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-labelledby="nieuwe-locatie-titel">
        <TextField id={ids.naam} label="Naam locatie" required value={f.naam} onChange={(e) => setF({ ...f, naam: e.target.value })} error={fouten.get('naam')} />
        <SelectField id={ids.type} label="Type voorziening" required value={f.type} onChange={(e) => setF({ ...f, type: e.target.value })} error={fouten.get('type')}>
          <option value="">Kies het type</option>
          {(ref.data?.voorzieningtypen ?? []).map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
        </SelectField>
        <TextField id={ids.adres} label="Adres" required value={f.adres} onChange={(e) => setF({ ...f, adres: e.target.value })} error={fouten.get('adres')} />
        <TextField id={ids.postcode} label="Postcode" optional className="utrecht-textbox--postal-code-nl-size" value={f.postcode} onChange={(e) => setF({ ...f, postcode: e.target.value })} error={fouten.get('postcode')} />
        <SelectField id={ids.gemeentecode} label="Gemeente" required value={f.gemeentecode} onChange={(e) => setF({ ...f, gemeentecode: e.target.value })} error={fouten.get('gemeentecode')}>
          <option value="">Kies de gemeente</option>
          {(ref.data?.gemeenten ?? []).map((g) => <option key={g.code} value={g.code}>{g.naam}</option>)}
        </SelectField>
        <TextField id={ids.wijk} label="Wijk" optional value={f.wijk} onChange={(e) => setF({ ...f, wijk: e.target.value })} error={fouten.get('wijk')} />
        <CheckboxField id={ids.nachtopvang} label="Nachtopvang" checked={f.nachtopvang} onChange={(e) => setF({ ...f, nachtopvang: e.target.checked })} error={fouten.get('nachtopvang')} />
        <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>Locatie aanmaken</Button>
      </form>
    </div>
  );
}

function EenheidForm() {
  const qc = useQueryClient();
  const ref = useReferentie();
  const locaties = useQuery(locatiesQuery);
  const leeg = { locatieId: '', naam: '', soort: '', bedden: '1', reserve: false, maxHuishoudens: '', doelgroepen: '' };
  const [f, setF] = useState(leeg);
  const [cf, setCf] = useState<Fouten>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: () => api<{ id: string; naam: string }>(`/v1/locaties/${encodeURIComponent(f.locatieId)}/eenheden`, {
      method: 'POST',
      body: {
        naam: f.naam.trim(), soort: f.soort, bedden: Number(f.bedden), reserve: f.reserve,
        maxHuishoudens: f.maxHuishoudens ? Number(f.maxHuishoudens) : undefined,
        doelgroepen: f.doelgroepen.trim() ? f.doelgroepen.split(',').map((d) => d.trim()).filter(Boolean) : undefined,
      },
    }),
    onSuccess: async (u) => {
      setKlaar(`Eenheid ${u.naam ?? f.naam} is aangemaakt.`);
      setF({ ...leeg, locatieId: f.locatieId });
      await qc.invalidateQueries({ queryKey: ['locaties'] });
      await qc.invalidateQueries({ queryKey: ['bezetting'] });
    },
  });
  const ids = { locatieId: 'eenheid-locatie', naam: 'eenheid-naam', soort: 'eenheid-soort', bedden: 'eenheid-bedden', reserve: 'eenheid-reserve', maxHuishoudens: 'eenheid-max-huishoudens', doelgroepen: 'eenheid-doelgroepen' };
  const fouten = FormErrors.from(maak.error, ids, cf);
  function submit(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    const c: Fouten = {
      locatieId: f.locatieId ? undefined : 'Kies de locatie.',
      naam: f.naam.trim() ? undefined : 'Vul de naam van de eenheid in.',
      soort: f.soort ? undefined : 'Kies de soort eenheid.',
      bedden: Number(f.bedden) >= 1 && Number.isInteger(Number(f.bedden)) ? undefined : 'Vul een aantal bedden van 1 of meer in.',
    };
    setCf(c);
    if (heeftFout(c)) { maak.reset(); return; }
    maak.mutate();
  }
  return (
    <div className="onderdak-card">
      <h3 id="nieuwe-eenheid-titel" className="utrecht-heading-3">Nieuwe eenheid</h3>
      {klaar && <Alert type="ok" role="status">{klaar}</Alert>}
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-labelledby="nieuwe-eenheid-titel">
        <SelectField id={ids.locatieId} label="Bij locatie" required value={f.locatieId} onChange={(e) => setF({ ...f, locatieId: e.target.value })} error={fouten.get('locatieId')}>
          <option value="">Kies de locatie</option>
          {(locaties.data?.resultaten ?? []).map((l) => <option key={l.id} value={l.id}>{l.naam}</option>)}
        </SelectField>
        <TextField id={ids.naam} label="Naam eenheid" required value={f.naam} onChange={(e) => setF({ ...f, naam: e.target.value })} error={fouten.get('naam')} />
        <SelectField id={ids.soort} label="Soort eenheid" required value={f.soort} onChange={(e) => setF({ ...f, soort: e.target.value })} error={fouten.get('soort')}>
          <option value="">Kies de soort</option>
          {(ref.data?.eenheidsoorten ?? []).map((s) => <option key={s.code} value={s.code}>{s.label}</option>)}
        </SelectField>
        <TextField id={ids.bedden} label="Aantal bedden" type="number" min={1} step={1} required value={f.bedden} onChange={(e) => setF({ ...f, bedden: e.target.value })} error={fouten.get('bedden')} />
        <CheckboxField id={ids.reserve} label="Reserveplek" checked={f.reserve} onChange={(e) => setF({ ...f, reserve: e.target.checked })} error={fouten.get('reserve')} />
        <TextField id={ids.maxHuishoudens} label="Maximaal aantal huishoudens" type="number" min={1} step={1} optional value={f.maxHuishoudens} onChange={(e) => setF({ ...f, maxHuishoudens: e.target.value })} error={fouten.get('maxHuishoudens')} />
        <TextField id={ids.doelgroepen} label="Doelgroepen" optional description="Gescheiden door komma's, bijvoorbeeld: jongeren, gezinnen." value={f.doelgroepen} onChange={(e) => setF({ ...f, doelgroepen: e.target.value })} error={fouten.get('doelgroepen')} />
        <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>Eenheid aanmaken</Button>
      </form>
    </div>
  );
}

export function BeheerPage() {
  useTitel('Beheer');
  const g = useGebruiker();
  const m = g.mogelijkheden;
  if (!m.gebruikersBeheren && !m.locatiesBeheren) {
    return (<><Heading level={1}>Beheer</Heading><Alert type="error" role="alert" title="Geen toegang">U heeft geen rechten voor beheer.</Alert></>);
  }
  return (
    <>
      <Heading level={1}>Beheer</Heading>
      {m.gebruikersBeheren && <Gebruikers />}
      {m.locatiesBeheren && (
        <section aria-labelledby="locaties-beheer-titel">
          <Heading level={2} id="locaties-beheer-titel">Locaties en eenheden</Heading>
          <Paragraph>Bekijk de bestaande locaties op de pagina <Link to="/locaties" className="utrecht-link">Bezetting</Link>.</Paragraph>
          <div className="onderdak-kolommen">
            <LocatieForm />
            <EenheidForm />
          </div>
        </section>
      )}
    </>
  );
}
