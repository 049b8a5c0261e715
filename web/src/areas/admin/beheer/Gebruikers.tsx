// Beheer: the users of the tenant (unblock a blocked one) and creating a new user.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import { locatiesQuery, useReferentie } from '../../../api/queries';
import type { GebruikerBeheer } from '../../../api/types';
import {
  Alert,
  Button,
  ErrorAlert,
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
} from '../../../ui/ui';
import { type Fouten, heeftFout } from './fouten';

export function Gebruikers() {
  return (
    <section aria-labelledby="gebruikers-titel">
      <Heading level={2} id="gebruikers-titel">
        Gebruikers
      </Heading>
      <GebruikersLijst />
      <NieuweGebruiker />
    </section>
  );
}

function GebruikersLijst() {
  const qc = useQueryClient();
  const ref = useReferentie();
  const locaties = useQuery(locatiesQuery);
  const lijst = useQuery({
    queryKey: ['gebruikers'],
    queryFn: async (): Promise<GebruikerBeheer[]> => (await apiGet('/gebruikers')).resultaten,
  });
  const deblokkeer = useMutation({
    mutationFn: (id: string) => apiPad('post', '/gebruikers/{id}/deblokkeringen', { params: { id }, body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gebruikers'] }),
  });
  const rolLabel = (code: string) => ref.data?.rollen.find((r) => r.code === code)?.label ?? code;
  return (
    <>
      {deblokkeer.error && <ErrorAlert error={deblokkeer.error} />}
      {lijst.isPending ? (
        <Loading />
      ) : lijst.error ? (
        <PaginaFout error={lijst.error} />
      ) : lijst.data.length === 0 ? (
        <Paragraph>Nog geen gebruikers.</Paragraph>
      ) : (
        <Table captionHidden caption="Gebruikers">
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
            {lijst.data.map((u) => (
              <Tr key={u.id}>
                <Th scope="row">{u.gebruikersnaam}</Th>
                <Td>{u.naam}</Td>
                <Td>{u.rolLabel ?? rolLabel(u.rol)}</Td>
                <Td>
                  {u.locatieId
                    ? (locaties.data?.resultaten.find((l) => l.id === u.locatieId)?.naam ?? u.locatieId)
                    : '—'}
                </Td>
                <Td>
                  {u.geblokkeerd ? (
                    <StatusBadge status="danger">Geblokkeerd</StatusBadge>
                  ) : (
                    <StatusBadge status="success">Actief</StatusBadge>
                  )}
                </Td>
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
    </>
  );
}

const LEEG = { gebruikersnaam: '', naam: '', rol: '', wachtwoord: '', locatieId: '' };
const IDS = {
  gebruikersnaam: 'gebruiker-gebruikersnaam',
  naam: 'gebruiker-naam',
  rol: 'gebruiker-rol',
  wachtwoord: 'gebruiker-wachtwoord',
  locatieId: 'gebruiker-locatie',
};

function NieuweGebruiker() {
  const qc = useQueryClient();
  const ref = useReferentie();
  const locaties = useQuery(locatiesQuery);
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
        },
      }),
    onSuccess: async (g) => {
      setKlaar(`Gebruiker ${g.gebruikersnaam ?? f.gebruikersnaam} is aangemaakt.`);
      setF(LEEG);
      await qc.invalidateQueries({ queryKey: ['gebruikers'] });
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
          value={f.rol}
          onChange={(e) => setF({ ...f, rol: e.target.value })}
          error={fouten.get('rol')}
        >
          <option value="">Kies een rol</option>
          {(ref.data?.rollen ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <TextField
          id={IDS.wachtwoord}
          label="Wachtwoord"
          type="password"
          required
          autoComplete="new-password"
          value={f.wachtwoord}
          onChange={(e) => setF({ ...f, wachtwoord: e.target.value })}
          error={fouten.get('wachtwoord')}
        />
        <SelectField
          id={IDS.locatieId}
          label="Locatie"
          optional
          description="Alleen voor locatiemedewerkers."
          value={f.locatieId}
          onChange={(e) => setF({ ...f, locatieId: e.target.value })}
          error={fouten.get('locatieId')}
        >
          <option value="">Geen locatie</option>
          {(locaties.data?.resultaten ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.naam}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>
          Gebruiker aanmaken
        </Button>
      </form>
    </div>
  );
}
