// Issue 11: the installatiebeheerder's page — the centrumgemeenten of this installation and adding one with its
// regiogemeenten and first beheerder. No person data.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import {
  Alert,
  Button,
  ErrorSummary,
  Fieldset,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Table,
  TBody,
  Td,
  TextareaField,
  TextField,
  THead,
  Th,
  Tr,
} from '../../../ui/ui';
import { leesGemeenten } from '../accounts/Installatie';

const LEEG = { naam: '', cbsCode: '', gemeenten: '', gebruikersnaam: '', beheerderNaam: '', wachtwoord: '' };
const IDS: Record<string, string> = {
  naam: 'cg-naam',
  cbsCode: 'cg-cbs',
  regiogemeenten: 'cg-gemeenten',
  'beheerder.gebruikersnaam': 'cg-gebruikersnaam',
  'beheerder.naam': 'cg-beheerdernaam',
  'beheerder.wachtwoord': 'cg-wachtwoord',
};

export function CentrumgemeentenBeheer() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['centrumgemeenten'], queryFn: () => apiGet('/centrumgemeenten') });
  const [f, setF] = useState(LEEG);
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: () =>
      apiPad('post', '/centrumgemeenten', {
        body: {
          naam: f.naam.trim(),
          cbsCode: f.cbsCode.trim().replace(/^GM/i, ''),
          regiogemeenten: leesGemeenten(f.gemeenten).lijst,
          beheerder: {
            gebruikersnaam: f.gebruikersnaam.trim(),
            naam: f.beheerderNaam.trim(),
            wachtwoord: f.wachtwoord,
          },
        },
      }),
    onSuccess: async (c) => {
      setKlaar(`${c.naam} is toegevoegd. De beheerder kiest bij de eerste keer inloggen een eigen wachtwoord.`);
      setF(LEEG);
      await qc.invalidateQueries({ queryKey: ['centrumgemeenten'] });
    },
  });
  const server = FormErrors.from(maak.error, IDS, cf);
  const fouten = new Map<string, string>();
  for (const [k, v] of server.byName) fouten.set(k.startsWith('regiogemeenten') ? 'regiogemeenten' : k, v);
  const summary = [
    ...[...fouten].map(([k, message]) => ({ id: IDS[k], message })),
    ...server.general.map((message) => ({ message })),
  ];
  const veld = (k: keyof typeof LEEG) => ({
    value: f[k],
    onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    const c = {
      naam: f.naam.trim() ? undefined : 'Vul de naam van de centrumgemeente in.',
      cbsCode: /^(GM)?\d{4}$/i.test(f.cbsCode.trim()) ? undefined : 'De CBS-gemeentecode heeft 4 cijfers.',
      regiogemeenten: leesGemeenten(f.gemeenten).fout,
      'beheerder.gebruikersnaam': f.gebruikersnaam.trim() ? undefined : 'Vul een gebruikersnaam in.',
      'beheerder.naam': f.beheerderNaam.trim() ? undefined : 'Vul de naam in.',
      'beheerder.wachtwoord': f.wachtwoord ? undefined : 'Kies een voorlopig wachtwoord.',
    };
    setCf(c);
    if (Object.values(c).some(Boolean)) {
      maak.reset();
      return;
    }
    maak.mutate();
  }
  return (
    <section aria-labelledby="centrumgemeenten-titel">
      <Heading level={2} id="centrumgemeenten-titel">
        Centrumgemeenten
      </Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : (
        <Table captionHidden caption="Centrumgemeenten">
          <THead>
            <Tr>
              <Th>Naam</Th>
              <Th>CBS-code</Th>
              <Th>Gemeenten</Th>
            </Tr>
          </THead>
          <TBody>
            {q.data.resultaten.map((c) => (
              <Tr key={c.id}>
                <Th scope="row">{c.naam}</Th>
                <Td>{c.cbsCode}</Td>
                <Td numeric>{c.aantalGemeenten}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <div className="onderdak-card">
        <h3 id="nieuwe-centrumgemeente-titel" className="utrecht-heading-3">
          Centrumgemeente toevoegen
        </h3>
        {klaar && (
          <Alert type="ok" role="status">
            {klaar}
          </Alert>
        )}
        <ErrorSummary errors={summary} />
        <form onSubmit={submit} noValidate aria-labelledby="nieuwe-centrumgemeente-titel">
          <TextField id={IDS.naam} label="Naam" {...veld('naam')} error={fouten.get('naam')} />
          <TextField
            id={IDS.cbsCode}
            label="CBS-gemeentecode"
            description="4 cijfers"
            inputMode="numeric"
            {...veld('cbsCode')}
            error={fouten.get('cbsCode')}
          />
          <TextareaField
            id={IDS.regiogemeenten}
            label="Regiogemeenten"
            optional
            description="Eén gemeente per regel: CBS-code en naam, bijvoorbeeld 0784 Oosterhout"
            rows={4}
            {...veld('gemeenten')}
            error={fouten.get('regiogemeenten')}
          />
          <Fieldset legend="Eerste beheerder">
            <TextField
              id={IDS['beheerder.gebruikersnaam']}
              label="Gebruikersnaam"
              autoComplete="off"
              {...veld('gebruikersnaam')}
              error={fouten.get('beheerder.gebruikersnaam')}
            />
            <TextField
              id={IDS['beheerder.naam']}
              label="Naam"
              autoComplete="off"
              {...veld('beheerderNaam')}
              error={fouten.get('beheerder.naam')}
            />
            <TextField
              id={IDS['beheerder.wachtwoord']}
              label="Voorlopig wachtwoord"
              type="password"
              autoComplete="new-password"
              {...veld('wachtwoord')}
              error={fouten.get('beheerder.wachtwoord')}
            />
          </Fieldset>
          <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>
            Centrumgemeente toevoegen
          </Button>
        </form>
      </div>
    </section>
  );
}
