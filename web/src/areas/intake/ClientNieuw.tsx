// Register a new client: check for duplicates first, then create and open the case.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../api/client';
import { useReferentie } from '../../api/queries';
import type { DubbelKandidaat } from '../../api/types';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  useTitel,
} from '../../ui/ui';
import { BrpOpzoeken } from '../integrations/BrpOpzoeken'; // issue 19
import { DubbeleRegistraties } from './nieuw/DubbeleRegistraties';
import { HuishoudenVelden, type LidRij } from './nieuw/HuishoudenVelden';
import { ContactVelden, type Formulier, IDS, LEEG, PersoonVelden } from './nieuw/PersoonVelden';

export function ClientNieuwPage() {
  useTitel('Nieuwe cliënt');
  const ref = useReferentie();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [f, setF] = useState<Formulier>(LEEG);
  const [leden, setLeden] = useState<LidRij[]>([]);
  const [clientFouten, setClientFouten] = useState<Record<string, string | undefined>>({});
  const [kandidaten, setKandidaten] = useState<DubbelKandidaat[] | null>(null);

  const set = (k: keyof Formulier) => (e: { target: { value: string } }) =>
    setF((o) => ({ ...o, [k]: e.target.value }));

  function body() {
    const gemeente = f.herkomst.startsWith('gm:')
      ? ref.data?.gemeenten.find((g) => g.code === f.herkomst.slice(3))
      : undefined;
    return {
      voornaam: f.voornaam.trim(),
      achternaam: f.achternaam.trim(),
      geboortedatum: f.geboortedatum || undefined,
      bsn: f.bsn.trim() || undefined,
      herkomstGemeentecode: gemeente ? gemeente.code : null,
      herkomst: gemeente ? gemeente.naam : f.herkomst || 'Onbekend',
      aanleiding: f.aanleiding || undefined,
      telefoon: f.telefoon.trim() || undefined,
      email: f.email.trim() || undefined,
      huishoudleden: leden.map((l) => ({
        naam: l.naam.trim(),
        geboortedatum: l.geboortedatum || undefined,
        relatie: l.relatie,
      })),
    };
  }

  const dubbelen = useMutation({
    mutationFn: (b: { voornaam: string; achternaam: string; geboortedatum?: string; bsn?: string }) =>
      apiPad('post', '/clienten/_dubbelen', { body: b }),
  });
  const aanmaken = useMutation({
    mutationFn: () => apiPad('post', '/clienten', { body: body() }),
    onSuccess: async (c) => {
      queryClient.setQueryData(['client', c.id], c);
      await queryClient.invalidateQueries({ queryKey: ['clienten'] });
      await navigate({ to: '/clienten/$clientId', params: { clientId: c.id }, search: { tab: 'verblijf' } }); // issue 16: next step, an aanmelding
    },
  });

  function valideer(): boolean {
    const fouten: Record<string, string | undefined> = {};
    if (!f.voornaam.trim()) fouten.voornaam = 'Vul de voornaam in.';
    if (!f.achternaam.trim()) fouten.achternaam = 'Vul de achternaam in.';
    if (!f.herkomst) fouten.herkomst = 'Kies de herkomst.';
    leden.forEach((l, i) => {
      if (!l.naam.trim()) fouten[`huishoudleden.${i}.naam`] = `Vul de naam van huishoudlid ${i + 1} in.`;
    });
    setClientFouten(fouten);
    return !Object.values(fouten).some(Boolean);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    aanmaken.reset();
    if (!valideer()) return;
    const b = body();
    try {
      const res = await dubbelen.mutateAsync({
        voornaam: b.voornaam,
        achternaam: b.achternaam,
        geboortedatum: b.geboortedatum,
        bsn: b.bsn,
      });
      if (res.kandidaten.length > 0) {
        setKandidaten(res.kandidaten);
        return;
      }
    } catch {
      return; // shown via dubbelen.error
    }
    aanmaken.mutate();
  }

  if (ref.isPending) return <Loading />;
  if (ref.error) return <PaginaFout error={ref.error} />;

  const fouten = FormErrors.from(aanmaken.error ?? dubbelen.error, veldIds(leden), clientFouten);
  const bezig = dubbelen.isPending || aanmaken.isPending;

  return (
    <>
      <Heading level={1}>Nieuwe cliënt</Heading>
      <Paragraph>
        Registreer een nieuwe cliënt. Voordat de cliënt wordt aangemaakt, controleren we of deze al bekend is.
      </Paragraph>
      <ErrorSummary errors={fouten.summary()} />

      {kandidaten && kandidaten.length > 0 && (
        <DubbeleRegistraties
          kandidaten={kandidaten}
          bezig={aanmaken.isPending}
          aanmaken={() => aanmaken.mutate()}
          aanpassen={() => setKandidaten(null)}
        />
      )}

      <BrpOpzoeken
        onGevonden={(p) =>
          setF((o) => ({
            ...o,
            voornaam: p.voornamen?.split(' ')[0] ?? o.voornaam,
            achternaam: [p.voorvoegsel, p.geslachtsnaam].filter(Boolean).join(' ') || o.achternaam,
            geboortedatum: p.geboortedatum ?? o.geboortedatum,
            bsn: p.bsn,
          }))
        }
      />
      <form onSubmit={submit} noValidate aria-label="Nieuwe cliënt registreren" className="onderdak-form">
        <PersoonVelden f={f} set={set} fouten={fouten} referentie={ref.data} />
        <ContactVelden f={f} set={set} fouten={fouten} />
        <HuishoudenVelden leden={leden} setLeden={setLeden} fouten={fouten} />
        {dubbelen.isPending && (
          <p className="utrecht-paragraph" role="status">
            Controleren op dubbele registraties…
          </p>
        )}
        {kandidaten && kandidaten.length > 0 && (
          <Alert type="warning" role="status">
            Er zijn mogelijke dubbele registraties gevonden (zie boven).
          </Alert>
        )}
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={bezig} disabled={bezig}>
            Cliënt registreren
          </Button>
          <Link to="/clienten" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle">
            Annuleren
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}

/** Field ids for the error summary, including one set per household member. */
function veldIds(leden: LidRij[]): Record<string, string> {
  const ids: Record<string, string> = { ...IDS };
  leden.forEach((l, i) => {
    ids[`huishoudleden.${i}.naam`] = `lid-${l.sleutel}-naam`;
    ids[`huishoudleden.${i}.geboortedatum`] = `lid-${l.sleutel}-geboortedatum`;
    ids[`huishoudleden.${i}.relatie`] = `lid-${l.sleutel}-relatie`;
  });
  return ids;
}
