// Issue 11: on the dossier — a login for the client (own file and plan), with a one-time invitation code that the
// toegangsmedewerker hands over (nothing is mailed). Shown to roles that may create client accounts.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../../api/client';
import { useGebruiker } from '../../../api/queries';
import { Alert, Button, ErrorSummary, FormErrors, Heading, Paragraph, TextField, Uitklap } from '../../../ui/ui';

export function ClientaccountSectie({ clientId }: { clientId: string }) {
  const g = useGebruiker();
  if (!g.mogelijkheden.clientaccountsAanmaken) return null;
  return (
    <section aria-labelledby="clientaccount-titel">
      <Heading level={2} id="clientaccount-titel">
        Account voor de cliënt
      </Heading>
      <Paragraph>
        Met een eigen account ziet de cliënt het eigen dossier en perspectiefplan, en kan hij of zij reageren.
      </Paragraph>
      <Uitklap knop="Cliëntaccount aanmaken" titel="Cliëntaccount aanmaken">
        {(_sluit, id) => <Formulier clientId={clientId} titelId={id} />}
      </Uitklap>
    </section>
  );
}

function Formulier({ clientId, titelId }: { clientId: string; titelId: string }) {
  const [naam, setNaam] = useState('');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const maak = useMutation({
    mutationFn: () =>
      apiPad('post', '/clienten/{id}/accounts', { params: { id: clientId }, body: { gebruikersnaam: naam.trim() } }),
  });
  const ids = { gebruikersnaam: 'clientaccount-gebruikersnaam' };
  const fouten = FormErrors.from(maak.error, ids, cf);
  function submit(e: FormEvent) {
    e.preventDefault();
    const c = { gebruikersnaam: naam.trim() ? undefined : 'Vul een gebruikersnaam in.' };
    setCf(c);
    if (c.gebruikersnaam) {
      maak.reset();
      return;
    }
    maak.mutate();
  }
  if (maak.data)
    return (
      <Alert type="ok" role="status" title="Het account is aangemaakt">
        <Paragraph>
          Geef de cliënt de gebruikersnaam <strong>{maak.data.gebruikersnaam}</strong> en deze uitnodigingscode:{' '}
          <code className="onderdak-sleutel" data-testid="uitnodigingscode">
            {maak.data.uitnodigingscode}
          </code>
          . Met de code kiest de cliënt een wachtwoord op {window.location.origin}/wachtwoord-instellen. De code werkt
          één keer, tot {new Date(maak.data.verlooptOp).toLocaleDateString('nl-NL')}.
        </Paragraph>
      </Alert>
    );
  return (
    <>
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-labelledby={titelId}>
        <TextField
          id={ids.gebruikersnaam}
          label="Gebruikersnaam voor de cliënt"
          description="3 tot 40 tekens: kleine letters, cijfers, punt of streep."
          autoComplete="off"
          value={naam}
          onChange={(e) => setNaam(e.target.value)}
          error={fouten.get('gebruikersnaam')}
        />
        <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>
          Account aanmaken
        </Button>
      </form>
    </>
  );
}
