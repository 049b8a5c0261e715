// Beheer: the users of the tenant — unblock, edit (name, role, location, corporatie, zorgaanbieder), deactivate and
// reactivate, a one-time reset link (shown here, nothing is mailed) — and creating a new user, who picks their own
// password at the first login (issue 11).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import { locatiesQuery, useGebruiker, useReferentie } from '../../../api/queries';
import type { GebruikerBeheer } from '../../../api/types';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorAlert,
  ErrorSummary,
  FormErrors,
  Heading,
  Inklapblok,
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
} from '../../../ui/ui';
import { usePagina } from '../../../ui/usePagina';
import { type Fouten, heeftFout } from './fouten';

const gebruikersKey = ['gebruikers'];
const corporatiesQuery = { queryKey: ['corporaties'], queryFn: () => apiGet('/corporaties') };
const zorgaanbiedersQuery = { queryKey: ['zorgaanbieders'], queryFn: () => apiGet('/zorgaanbieders') };

/** The roles a beheerder gives: client accounts come from the dossier, the installation role from set-up. */
function useRollen() {
  const ref = useReferentie();
  return (ref.data?.rollen ?? []).filter((r) => r.code !== 'client' && r.code !== 'installatie');
}

/** The user a row button acts on, for screen readers only: the row already shows the name, and a visible name in
 * every button made each row four lines high (issue 16). The accessible name stays "Wijzig dordrecht.beheer". */
function Wie({ naam, voor }: { naam: string; voor?: boolean }) {
  return <span className="onderdak-sr-only">{` ${voor ? 'voor ' : ''}${naam}`}</span>;
}

export function Gebruikers() {
  return (
    <section aria-labelledby="gebruikers-titel">
      <Heading level={2} id="gebruikers-titel">
        Gebruikers
      </Heading>
      <GebruikersLijst />
      {/* issue 16: the form is closed until needed, so the list of users stays in view */}
      <Inklapblok titel="Nieuwe gebruiker toevoegen">
        <NieuweGebruiker />
      </Inklapblok>
    </section>
  );
}

function GebruikersLijst() {
  const qc = useQueryClient();
  const ik = useGebruiker();
  const locaties = useQuery(locatiesQuery);
  const [bewerk, setBewerk] = useState<string | null>(null);
  const [link, setLink] = useState<{ gebruikersnaam: string; url: string; code: string; verlooptOp: string } | null>(
    null,
  );
  const lijst = useQuery({
    queryKey: gebruikersKey,
    queryFn: async (): Promise<GebruikerBeheer[]> => (await apiGet('/gebruikers')).resultaten,
  });
  const deblokkeer = useMutation({
    mutationFn: (id: string) => apiPad('post', '/gebruikers/{id}/deblokkeringen', { params: { id }, body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: gebruikersKey }),
  });
  const actief = useMutation({
    mutationFn: (v: { id: string; actief: boolean }) =>
      apiPad('patch', '/gebruikers/{id}', { params: { id: v.id }, body: { actief: v.actief } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: gebruikersKey }),
  });
  const herstel = useMutation({
    mutationFn: (v: { id: string; tweeFactorOpnieuw: boolean }) =>
      apiPad('post', '/gebruikers/{id}/herstellinks', {
        params: { id: v.id },
        body: { tweeFactorOpnieuw: v.tweeFactorOpnieuw },
      }),
    onSuccess: async (r) => {
      setLink({
        gebruikersnaam: r.gebruikersnaam,
        url: `${window.location.origin}${r.link}`,
        code: r.code,
        verlooptOp: r.verlooptOp,
      });
      await qc.invalidateQueries({ queryKey: gebruikersKey });
    },
  });
  // issue 16: the users in pages of 15, so the forms below stay within reach
  const pagina = usePagina(lijst.data ?? [], 15, "Pagina's met gebruikers");
  const locatieNaam = (u: GebruikerBeheer) =>
    u.locatie ?? (u.locatieId ? (locaties.data?.resultaten.find((l) => l.id === u.locatieId)?.naam ?? '') : '');
  return (
    <>
      {[deblokkeer.error, actief.error, herstel.error].map((e, i) => e && <ErrorAlert key={i} error={e} />)}
      {link && (
        <Alert type="ok" role="status" title={`Herstellink voor ${link.gebruikersnaam}`}>
          <Paragraph>
            Geef deze link zelf door aan de gebruiker (er wordt niets gemaild). Hij werkt één keer, tot{' '}
            {new Date(link.verlooptOp).toLocaleString('nl-NL')}.
          </Paragraph>
          <Paragraph>
            <code className="onderdak-sleutel" data-testid="herstellink">
              {link.url}
            </code>
          </Paragraph>
          <Paragraph>
            Of de code: <code className="onderdak-sleutel">{link.code}</code>
          </Paragraph>
        </Alert>
      )}
      {lijst.isPending ? (
        <Loading />
      ) : lijst.error ? (
        <PaginaFout error={lijst.error} />
      ) : lijst.data.length === 0 ? (
        <Paragraph>Nog geen gebruikers.</Paragraph>
      ) : (
        <>
          <Table caption={`Gebruikers${pagina.bereik}`}>
            <THead>
              <Tr>
                <Th>Gebruikersnaam</Th>
                <Th>Naam</Th>
                <Th>Rol</Th>
                <Th>Locatie</Th>
                <Th>Status</Th>
                <Th>Acties</Th>
              </Tr>
            </THead>
            <TBody>
              {pagina.zichtbaar.map((u) => (
                <Tr key={u.id}>
                  <Th scope="row">{u.gebruikersnaam}</Th>
                  <Td>{u.naam}</Td>
                  <Td>{u.rolLabel}</Td>
                  <Td>{u.locatieId ? locatieNaam(u) : '—'}</Td>
                  <Td>
                    {!u.actief ? (
                      <StatusBadge status="inactive">Gedeactiveerd</StatusBadge>
                    ) : u.geblokkeerd ? (
                      <StatusBadge status="danger">Geblokkeerd</StatusBadge>
                    ) : (
                      <StatusBadge status="success">Actief</StatusBadge>
                    )}
                    {u.moetWachtwoordWijzigen && u.actief && <> (kiest nieuw wachtwoord)</>}
                  </Td>
                  <Td>
                    <ButtonGroup>
                      {u.geblokkeerd && (
                        <Button
                          variant="subtle"
                          onClick={() => deblokkeer.mutate(u.id)}
                          disabled={deblokkeer.isPending}
                        >
                          Deblokkeer
                          <Wie naam={u.gebruikersnaam} />
                        </Button>
                      )}
                      <Button
                        variant="subtle"
                        aria-expanded={bewerk === u.id}
                        onClick={() => setBewerk(bewerk === u.id ? null : u.id)}
                      >
                        Wijzig
                        <Wie naam={u.gebruikersnaam} />
                      </Button>
                      {u.id !== ik.id && (
                        <Button
                          variant="subtle"
                          onClick={() => actief.mutate({ id: u.id, actief: !u.actief })}
                          disabled={actief.isPending}
                        >
                          {u.actief ? 'Deactiveer' : 'Activeer'}
                          <Wie naam={u.gebruikersnaam} />
                        </Button>
                      )}
                      {u.actief && (
                        <Button
                          variant="subtle"
                          onClick={() => herstel.mutate({ id: u.id, tweeFactorOpnieuw: false })}
                          disabled={herstel.isPending}
                        >
                          Herstellink
                          <Wie naam={u.gebruikersnaam} voor />
                        </Button>
                      )}
                      {u.actief && u.tweeFactorGekoppeld && (
                        <Button
                          variant="subtle"
                          onClick={() => herstel.mutate({ id: u.id, tweeFactorOpnieuw: true })}
                          disabled={herstel.isPending}
                        >
                          Herstellink en app opnieuw koppelen
                          <Wie naam={u.gebruikersnaam} voor />
                        </Button>
                      )}
                    </ButtonGroup>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {pagina.navigatie}
        </>
      )}
      {bewerk && lijst.data?.find((u) => u.id === bewerk) && (
        <GebruikerWijzigen
          key={bewerk}
          gebruiker={lijst.data.find((u) => u.id === bewerk)!}
          klaar={() => setBewerk(null)}
        />
      )}
    </>
  );
}

function Organisaties({
  f,
  setF,
  fouten,
  ids,
}: {
  f: { rol: string; locatieId: string; corporatieId: string; zorgaanbiederId: string };
  setF: (patch: Partial<{ locatieId: string; corporatieId: string; zorgaanbiederId: string }>) => void;
  fouten: FormErrors;
  ids: Record<string, string>;
}) {
  const locaties = useQuery(locatiesQuery);
  const corporaties = useQuery(corporatiesQuery);
  const zorgaanbieders = useQuery(zorgaanbiedersQuery);
  return (
    <>
      <SelectField
        id={ids.locatieId}
        label="Locatie"
        optional={f.rol !== 'locatie'}
        description="Voor locatiemedewerkers: de locatie waar zij werken."
        value={f.locatieId}
        onChange={(e) => setF({ locatieId: e.target.value })}
        error={fouten.get('locatieId')}
      >
        <option value="">Geen locatie</option>
        {(locaties.data?.resultaten ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {l.naam}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={ids.corporatieId}
        label="Corporatie"
        optional
        description="Voor corporatiemedewerkers: zonder corporatie zien zij geen woonplekken."
        value={f.corporatieId}
        onChange={(e) => setF({ corporatieId: e.target.value })}
        error={fouten.get('corporatieId')}
      >
        <option value="">Geen corporatie</option>
        {(corporaties.data?.resultaten ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.naam}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={ids.zorgaanbiederId}
        label="Zorgaanbieder"
        optional
        value={f.zorgaanbiederId}
        onChange={(e) => setF({ zorgaanbiederId: e.target.value })}
        error={fouten.get('zorgaanbiederId')}
      >
        <option value="">Geen zorgaanbieder</option>
        {(zorgaanbieders.data?.resultaten ?? []).map((z) => (
          <option key={z.id} value={z.id}>
            {z.naam}
          </option>
        ))}
      </SelectField>
    </>
  );
}

function GebruikerWijzigen({ gebruiker, klaar }: { gebruiker: GebruikerBeheer; klaar: () => void }) {
  const qc = useQueryClient();
  const rollen = useRollen();
  const [f, setF] = useState({
    naam: gebruiker.naam,
    rol: gebruiker.rol as string,
    locatieId: gebruiker.locatieId ?? '',
    corporatieId: gebruiker.corporatieId ?? '',
    zorgaanbiederId: gebruiker.zorgaanbiederId ?? '',
  });
  const ids = {
    naam: 'wijzig-naam',
    rol: 'wijzig-rol',
    locatieId: 'wijzig-locatie',
    corporatieId: 'wijzig-corporatie',
    zorgaanbiederId: 'wijzig-zorgaanbieder',
  };
  const opslaan = useMutation({
    mutationFn: () =>
      apiPad('patch', '/gebruikers/{id}', {
        params: { id: gebruiker.id },
        body: {
          naam: f.naam.trim(),
          ...(gebruiker.rol !== 'client' ? { rol: f.rol } : {}),
          locatieId: f.locatieId || null,
          corporatieId: f.corporatieId || null,
          zorgaanbiederId: f.zorgaanbiederId || null,
        },
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: gebruikersKey });
      klaar();
    },
  });
  const fouten = FormErrors.from(opslaan.error, ids);
  function submit(e: FormEvent) {
    e.preventDefault();
    opslaan.mutate();
  }
  return (
    <div className="onderdak-card">
      <h3 id="wijzig-gebruiker-titel" className="utrecht-heading-3">
        {gebruiker.gebruikersnaam} wijzigen
      </h3>
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-labelledby="wijzig-gebruiker-titel">
        <TextField
          id={ids.naam}
          label="Naam"
          value={f.naam}
          onChange={(e) => setF({ ...f, naam: e.target.value })}
          error={fouten.get('naam')}
        />
        {gebruiker.rol !== 'client' && (
          <SelectField
            id={ids.rol}
            label="Rol"
            value={f.rol}
            onChange={(e) => setF({ ...f, rol: e.target.value })}
            error={fouten.get('rol')}
          >
            {rollen.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </SelectField>
        )}
        <Organisaties f={f} setF={(p) => setF({ ...f, ...p })} fouten={fouten} ids={ids} />
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={opslaan.isPending} disabled={opslaan.isPending}>
            Opslaan
          </Button>
          <Button type="button" onClick={klaar}>
            Annuleren
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

const LEEG = {
  gebruikersnaam: '',
  naam: '',
  rol: '',
  wachtwoord: '',
  locatieId: '',
  corporatieId: '',
  zorgaanbiederId: '',
};
const IDS = {
  gebruikersnaam: 'gebruiker-gebruikersnaam',
  naam: 'gebruiker-naam',
  rol: 'gebruiker-rol',
  wachtwoord: 'gebruiker-wachtwoord',
  locatieId: 'gebruiker-locatie',
  corporatieId: 'gebruiker-corporatie',
  zorgaanbiederId: 'gebruiker-zorgaanbieder',
};

function NieuweGebruiker() {
  const qc = useQueryClient();
  const rollen = useRollen();
  const [f, setF] = useState(LEEG);
  const [cf, setCf] = useState<Fouten>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: () =>
      apiPad('post', '/gebruikers', {
        body: {
          gebruikersnaam: f.gebruikersnaam.trim(),
          naam: f.naam.trim(),
          rol: f.rol,
          wachtwoord: f.wachtwoord,
          locatieId: f.locatieId || undefined,
          corporatieId: f.corporatieId || undefined,
          zorgaanbiederId: f.zorgaanbiederId || undefined,
        },
      }),
    onSuccess: async (g) => {
      setKlaar(
        `Gebruiker ${g.gebruikersnaam ?? f.gebruikersnaam} is aangemaakt. Bij de eerste keer inloggen kiest deze een eigen wachtwoord.`,
      );
      setF(LEEG);
      await qc.invalidateQueries({ queryKey: gebruikersKey });
    },
  });
  const fouten = FormErrors.from(maak.error, IDS, cf);

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
    if (heeftFout(c)) {
      maak.reset();
      return;
    }
    maak.mutate();
  }

  return (
    <div className="onderdak-card">
      <h3 id="nieuwe-gebruiker-titel" className="utrecht-heading-3">
        Nieuwe gebruiker
      </h3>
      {klaar && (
        <Alert type="ok" role="status">
          {klaar}
        </Alert>
      )}
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-labelledby="nieuwe-gebruiker-titel">
        <TextField
          id={IDS.gebruikersnaam}
          label="Gebruikersnaam"
          required
          autoComplete="off"
          value={f.gebruikersnaam}
          onChange={(e) => setF({ ...f, gebruikersnaam: e.target.value })}
          error={fouten.get('gebruikersnaam')}
        />
        <TextField
          id={IDS.naam}
          label="Naam"
          required
          autoComplete="off"
          value={f.naam}
          onChange={(e) => setF({ ...f, naam: e.target.value })}
          error={fouten.get('naam')}
        />
        <SelectField
          id={IDS.rol}
          label="Rol"
          required
          description="Een cliëntaccount maakt de toegangsmedewerker aan vanuit het dossier van de cliënt."
          value={f.rol}
          onChange={(e) => setF({ ...f, rol: e.target.value })}
          error={fouten.get('rol')}
        >
          <option value="">Kies een rol</option>
          {rollen.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <TextField
          id={IDS.wachtwoord}
          label="Voorlopig wachtwoord"
          description="De gebruiker kiest bij de eerste keer inloggen een eigen wachtwoord."
          type="password"
          required
          autoComplete="new-password"
          value={f.wachtwoord}
          onChange={(e) => setF({ ...f, wachtwoord: e.target.value })}
          error={fouten.get('wachtwoord')}
        />
        <Organisaties f={f} setF={(p) => setF({ ...f, ...p })} fouten={fouten} ids={IDS} />
        <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>
          Gebruiker aanmaken
        </Button>
      </form>
    </div>
  );
}
