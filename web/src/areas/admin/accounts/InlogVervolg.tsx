// Issue 11: the steps after a correct password — a new own password, linking an authenticator app (QR code plus the
// key as text), or the code from it. The session answers nothing else until the last step is taken.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { apiPad } from '../../../api/client';
import { sessieQuery } from '../../../api/queries';
import type { Sessie } from '../../../api/types';
import { Alert, Button, ErrorSummary, FormErrors, Heading, Loading, Paragraph, TextField } from '../../../ui/ui';

export function InlogVervolg({ sessie, klaar }: { sessie: Sessie; klaar: () => void }) {
  const qc = useQueryClient();
  const stap = sessie.gebruiker.vervolgstap;
  const opgeslagen = (s: Sessie) => {
    qc.setQueryData(sessieQuery.queryKey, s);
    if (!s.gebruiker.vervolgstap) klaar();
  };
  const uitloggen = useMutation({
    mutationFn: () => apiPad('delete', '/sessies/huidig'),
    onSettled: () => qc.setQueryData(sessieQuery.queryKey, null),
  });
  return (
    <>
      {stap === 'wachtwoord' && <NieuwWachtwoord opgeslagen={opgeslagen} />}
      {stap === 'totp-koppelen' && <AppKoppelen opgeslagen={opgeslagen} />}
      {stap === 'totp' && <CodeInvullen opgeslagen={opgeslagen} />}
      <Paragraph>
        <Button variant="subtle" onClick={() => uitloggen.mutate()}>
          Stoppen en uitloggen
        </Button>
      </Paragraph>
    </>
  );
}

function NieuwWachtwoord({ opgeslagen }: { opgeslagen: (s: Sessie) => void }) {
  const [huidig, setHuidig] = useState('');
  const [nieuw, setNieuw] = useState('');
  const [herhaal, setHerhaal] = useState('');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const wijzig = useMutation({
    mutationFn: () =>
      apiPad('post', '/sessies/huidig/wachtwoorden', { body: { huidigWachtwoord: huidig, nieuwWachtwoord: nieuw } }),
    onSuccess: opgeslagen,
  });
  const ids = { huidigWachtwoord: 'stap-huidig', nieuwWachtwoord: 'stap-nieuw', herhaal: 'stap-herhaal' };
  const fouten = FormErrors.from(wijzig.error, ids, cf);
  function submit(e: FormEvent) {
    e.preventDefault();
    const c = {
      huidigWachtwoord: huidig ? undefined : 'Vul uw huidige wachtwoord in.',
      nieuwWachtwoord: nieuw ? undefined : 'Kies een nieuw wachtwoord.',
      herhaal: nieuw && herhaal !== nieuw ? 'De twee nieuwe wachtwoorden zijn niet gelijk.' : undefined,
    };
    setCf(c);
    if (Object.values(c).some(Boolean)) {
      wijzig.reset();
      return;
    }
    wijzig.mutate();
  }
  return (
    <>
      <Heading level={1}>Kies een nieuw wachtwoord</Heading>
      <Paragraph>
        De beheerder heeft een wachtwoord voor u gekozen. Kies nu uw eigen wachtwoord: minstens 12 tekens, en niet
        makkelijk te raden. Een zin van een paar woorden werkt goed.
      </Paragraph>
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-label="Nieuw wachtwoord kiezen">
        <TextField
          id={ids.huidigWachtwoord}
          label="Huidig wachtwoord"
          type="password"
          autoComplete="current-password"
          value={huidig}
          onChange={(e) => setHuidig(e.target.value)}
          error={fouten.get('huidigWachtwoord')}
        />
        <TextField
          id={ids.nieuwWachtwoord}
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          value={nieuw}
          onChange={(e) => setNieuw(e.target.value)}
          error={fouten.get('nieuwWachtwoord')}
        />
        <TextField
          id={ids.herhaal}
          label="Nieuw wachtwoord nog een keer"
          type="password"
          autoComplete="new-password"
          value={herhaal}
          onChange={(e) => setHerhaal(e.target.value)}
          error={fouten.get('herhaal')}
        />
        <Button type="submit" variant="primary" busy={wijzig.isPending} disabled={wijzig.isPending}>
          Wachtwoord opslaan
        </Button>
      </form>
    </>
  );
}

function CodeFormulier({ opgeslagen, knop }: { opgeslagen: (s: Sessie) => void; knop: string }) {
  const [code, setCode] = useState('');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const stuur = useMutation({
    mutationFn: () => apiPad('post', '/sessies/huidig/totp-codes', { body: { code: code.replace(/\s/g, '') } }),
    onSuccess: opgeslagen,
  });
  const ids = { code: 'stap-code' };
  const fouten = FormErrors.from(stuur.error, ids, cf);
  function submit(e: FormEvent) {
    e.preventDefault();
    const c = { code: /^\d{6}$/.test(code.replace(/\s/g, '')) ? undefined : 'Vul de 6 cijfers uit de app in.' };
    setCf(c);
    if (c.code) {
      stuur.reset();
      return;
    }
    stuur.mutate();
  }
  return (
    <>
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-label="Code uit de app">
        <TextField
          id={ids.code}
          label="Code uit de app (6 cijfers)"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={fouten.get('code')}
        />
        <Button type="submit" variant="primary" busy={stuur.isPending} disabled={stuur.isPending}>
          {knop}
        </Button>
      </form>
    </>
  );
}

function CodeInvullen({ opgeslagen }: { opgeslagen: (s: Sessie) => void }) {
  return (
    <>
      <Heading level={1}>Code uit uw authenticator-app</Heading>
      <Paragraph>Open de authenticator-app op uw telefoon en vul de code van Onderdak in.</Paragraph>
      <CodeFormulier opgeslagen={opgeslagen} knop="Inloggen" />
    </>
  );
}

function AppKoppelen({ opgeslagen }: { opgeslagen: (s: Sessie) => void }) {
  const koppel = useMutation({ mutationFn: () => apiPad('post', '/sessies/huidig/totp-koppelingen', { body: {} }) });
  const { mutate } = koppel;
  useEffect(() => {
    mutate();
  }, [mutate]);
  return (
    <>
      <Heading level={1}>Tweestapsverificatie instellen</Heading>
      <Paragraph>
        U werkt met persoonsgegevens. Daarom logt u in met uw wachtwoord én een code uit een authenticator-app op uw
        telefoon (bijvoorbeeld Google Authenticator, Microsoft Authenticator of FreeOTP).
      </Paragraph>
      {koppel.isPending && <Loading />}
      {koppel.error && (
        <Alert type="error" role="alert" title="Koppelen lukt niet">
          {koppel.error.message}
        </Alert>
      )}
      {koppel.data && (
        <>
          <Heading level={2}>1. Scan de QR-code</Heading>
          <img
            src={koppel.data.qrCode}
            alt="QR-code om Onderdak aan uw authenticator-app toe te voegen"
            width={200}
            height={200}
          />
          <Paragraph>
            Lukt scannen niet? Voer dan deze sleutel met de hand in:{' '}
            <code className="onderdak-sleutel" data-testid="totp-geheim">
              {koppel.data.geheim}
            </code>
          </Paragraph>
          <Heading level={2}>2. Vul de code in</Heading>
          <CodeFormulier opgeslagen={opgeslagen} knop="Koppeling bevestigen" />
        </>
      )}
    </>
  );
}
