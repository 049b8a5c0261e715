import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Client, type DubbelKandidaat, type Huishoudlid } from '../../api/client';
import { useReferentie } from '../../api/queries';
import { datum, elfproef } from '../../ui/format';
import {
  Alert, Button, ButtonGroup, ErrorSummary, Fieldset, FormErrors, Heading, Loading, Paragraph, SelectField,
  Table, TBody, Td, TextField, Th, THead, Tr,
} from '../../ui/ui';
import { PaginaFout, useTitel } from '../../app/Layout';
import { ClientStatusBadge } from './Clienten';

const HERKOMST_OVERIG = ['Overig Nederland', 'Buitenland', 'Onbekend'] as const;

interface LidRij { sleutel: number; naam: string; geboortedatum: string; relatie: Huishoudlid['relatie'] }

interface Formulier {
  voornaam: string; achternaam: string; geboortedatum: string; bsn: string; herkomst: string;
  aanleiding: string; telefoon: string; email: string;
}
const LEEG: Formulier = { voornaam: '', achternaam: '', geboortedatum: '', bsn: '', herkomst: '', aanleiding: '', telefoon: '', email: '' };

const IDS: Record<string, string> = {
  voornaam: 'client-voornaam', achternaam: 'client-achternaam', geboortedatum: 'client-geboortedatum', bsn: 'client-bsn',
  herkomst: 'client-herkomst', herkomstGemeentecode: 'client-herkomst', aanleiding: 'client-aanleiding',
  telefoon: 'client-telefoon', email: 'client-email', huishoudleden: 'client-huishouden',
};

export function ClientNieuwPage() {
  useTitel('Nieuwe cliënt');
  const ref = useReferentie();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [f, setF] = useState<Formulier>(LEEG);
  const [leden, setLeden] = useState<LidRij[]>([]);
  const volgende = useRef(1);
  const [clientFouten, setClientFouten] = useState<Record<string, string | undefined>>({});
  const [kandidaten, setKandidaten] = useState<DubbelKandidaat[] | null>(null);

  const set = (k: keyof Formulier) => (e: { target: { value: string } }) => setF((o) => ({ ...o, [k]: e.target.value }));

  function body() {
    const gemeente = f.herkomst.startsWith('gm:') ? ref.data?.gemeenten.find((g) => g.code === f.herkomst.slice(3)) : undefined;
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
      huishoudleden: leden.map((l) => ({ naam: l.naam.trim(), geboortedatum: l.geboortedatum || undefined, relatie: l.relatie })),
    };
  }

  const dubbelen = useMutation({
    mutationFn: (b: { voornaam: string; achternaam: string; geboortedatum?: string; bsn?: string }) =>
      api<{ kandidaten: DubbelKandidaat[] }>('/v1/clienten/_dubbelen', { method: 'POST', body: b }),
  });
  const aanmaken = useMutation({
    mutationFn: () => api<Client>('/v1/clienten', { method: 'POST', body: body() }),
    onSuccess: async (c) => {
      queryClient.setQueryData(['client', c.id], c);
      await queryClient.invalidateQueries({ queryKey: ['clienten'] });
      await navigate({ to: '/clienten/$clientId', params: { clientId: c.id } });
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
      const res = await dubbelen.mutateAsync({ voornaam: b.voornaam, achternaam: b.achternaam, geboortedatum: b.geboortedatum, bsn: b.bsn });
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

  const ids: Record<string, string> = { ...IDS };
  leden.forEach((l, i) => {
    ids[`huishoudleden.${i}.naam`] = `lid-${l.sleutel}-naam`;
    ids[`huishoudleden.${i}.geboortedatum`] = `lid-${l.sleutel}-geboortedatum`;
    ids[`huishoudleden.${i}.relatie`] = `lid-${l.sleutel}-relatie`;
  });
  const fouten = FormErrors.from(aanmaken.error ?? dubbelen.error, ids, clientFouten);
  const bsnHint = f.bsn.trim() && !elfproef(f.bsn.trim())
    ? 'Let op: dit BSN voldoet niet aan de elfproef. Controleer het nummer.'
    : undefined;
  const bezig = dubbelen.isPending || aanmaken.isPending;

  return (
    <>
      <Heading level={1}>Nieuwe cliënt</Heading>
      <Paragraph>Registreer een nieuwe cliënt. Voordat de cliënt wordt aangemaakt, controleren we of deze al bekend is.</Paragraph>
      <ErrorSummary errors={fouten.summary()} />

      {kandidaten && kandidaten.length > 0 && (
        <section aria-labelledby="dubbelen-titel" className="onderdak-card onderdak-card--warning">
          <Heading level={2} id="dubbelen-titel">Mogelijke dubbele registraties</Heading>
          <Paragraph>Deze cliënten lijken op de cliënt die u wilt registreren. Open het dossier als het dezelfde persoon is.</Paragraph>
          <Table captionHidden caption="Mogelijke dubbele registraties">
            <THead>
              <Tr><Th>Naam</Th><Th>Geboortedatum</Th><Th>Reden</Th><Th>Status</Th></Tr>
            </THead>
            <TBody>
              {kandidaten.map((k) => (
                <Tr key={k.id}>
                  <Td>
                    <Link to="/clienten/$clientId" params={{ clientId: k.id }} className="utrecht-link">
                      {k.voornaam} {k.achternaam}
                    </Link>
                  </Td>
                  <Td>{datum(k.geboortedatum)}</Td>
                  <Td>{k.reden}</Td>
                  <Td><ClientStatusBadge status={k.status} /></Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <ButtonGroup>
            <Button variant="primary" onClick={() => aanmaken.mutate()} busy={aanmaken.isPending} disabled={aanmaken.isPending}>
              Toch nieuwe cliënt aanmaken
            </Button>
            <Button variant="subtle" onClick={() => setKandidaten(null)}>Gegevens aanpassen</Button>
          </ButtonGroup>
        </section>
      )}

      <form onSubmit={submit} noValidate aria-label="Nieuwe cliënt registreren" className="onderdak-form">
        <Fieldset legend="Persoonsgegevens">
          <TextField id={IDS.voornaam} label="Voornaam" required autoComplete="off" value={f.voornaam} onChange={set('voornaam')} error={fouten.get('voornaam')} />
          <TextField id={IDS.achternaam} label="Achternaam" required autoComplete="off" value={f.achternaam} onChange={set('achternaam')} error={fouten.get('achternaam')} />
          <TextField id={IDS.geboortedatum} label="Geboortedatum" type="date" optional value={f.geboortedatum} onChange={set('geboortedatum')} error={fouten.get('geboortedatum')} />
          <TextField
            id={IDS.bsn}
            label="BSN"
            optional
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            value={f.bsn}
            onChange={set('bsn')}
            description={bsnHint ?? 'Burgerservicenummer, 9 cijfers.'}
            error={fouten.get('bsn')}
          />
          <SelectField id={IDS.herkomst} label="Herkomst" required value={f.herkomst} onChange={set('herkomst')} error={fouten.get('herkomst') ?? fouten.get('herkomstGemeentecode')}>
            <option value="">Kies de herkomst</option>
            <optgroup label="Gemeenten in de regio">
              {ref.data.gemeenten.map((g) => <option key={g.code} value={`gm:${g.code}`}>{g.naam}</option>)}
            </optgroup>
            <optgroup label="Buiten de regio">
              {HERKOMST_OVERIG.map((h) => <option key={h} value={h}>{h}</option>)}
            </optgroup>
          </SelectField>
          <SelectField id={IDS.aanleiding} label="Aanleiding" optional value={f.aanleiding} onChange={set('aanleiding')} error={fouten.get('aanleiding')}>
            <option value="">Kies de aanleiding</option>
            {ref.data.aanleidingen.map((a) => <option key={a.code} value={a.code}>{a.label}</option>)}
          </SelectField>
        </Fieldset>
        <Fieldset legend="Contact">
          <TextField id={IDS.telefoon} label="Telefoon" type="tel" optional autoComplete="off" value={f.telefoon} onChange={set('telefoon')} error={fouten.get('telefoon')} />
          <TextField id={IDS.email} label="E-mail" type="email" optional autoComplete="off" value={f.email} onChange={set('email')} error={fouten.get('email')} />
        </Fieldset>
        <Fieldset legend="Huishouden" id={IDS.huishoudleden} error={fouten.get('huishoudleden')} description="Voeg partner, kinderen of andere gezinsleden toe die met de cliënt meekomen.">
          {leden.length === 0 && <Paragraph>Geen huishoudleden toegevoegd.</Paragraph>}
          {leden.map((l, i) => (
            <div key={l.sleutel} className="onderdak-lid" role="group" aria-label={`Huishoudlid ${i + 1}`}>
              <TextField
                id={`lid-${l.sleutel}-naam`}
                label="Naam"
                required
                value={l.naam}
                onChange={(e) => setLeden((ls) => ls.map((x) => (x.sleutel === l.sleutel ? { ...x, naam: e.target.value } : x)))}
                error={fouten.get(`huishoudleden.${i}.naam`)}
              />
              <TextField
                id={`lid-${l.sleutel}-geboortedatum`}
                label="Geboortedatum"
                type="date"
                optional
                value={l.geboortedatum}
                onChange={(e) => setLeden((ls) => ls.map((x) => (x.sleutel === l.sleutel ? { ...x, geboortedatum: e.target.value } : x)))}
                error={fouten.get(`huishoudleden.${i}.geboortedatum`)}
              />
              <SelectField
                id={`lid-${l.sleutel}-relatie`}
                label="Relatie"
                value={l.relatie}
                onChange={(e) => setLeden((ls) => ls.map((x) => (x.sleutel === l.sleutel ? { ...x, relatie: e.target.value as LidRij['relatie'] } : x)))}
                error={fouten.get(`huishoudleden.${i}.relatie`)}
              >
                <option value="partner">Partner</option>
                <option value="kind">Kind</option>
                <option value="overig">Overig</option>
              </SelectField>
              <div className="onderdak-lid__actie">
                <Button variant="subtle" onClick={() => setLeden((ls) => ls.filter((x) => x.sleutel !== l.sleutel))}>
                  Verwijder huishoudlid {i + 1}
                </Button>
              </div>
            </div>
          ))}
          <Button
            onClick={() => {
              const sleutel = volgende.current++;
              setLeden((ls) => [...ls, { sleutel, naam: '', geboortedatum: '', relatie: 'kind' }]);
              setTimeout(() => document.getElementById(`lid-${sleutel}-naam`)?.focus(), 0);
            }}
          >
            Huishoudlid toevoegen
          </Button>
        </Fieldset>
        {dubbelen.isPending && <p className="utrecht-paragraph" role="status">Controleren op dubbele registraties…</p>}
        {kandidaten && kandidaten.length > 0 && (
          <Alert type="warning" role="status">Er zijn mogelijke dubbele registraties gevonden (zie boven).</Alert>
        )}
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={bezig} disabled={bezig}>Cliënt registreren</Button>
          <Link to="/clienten" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle">Annuleren</Link>
        </ButtonGroup>
      </form>
    </>
  );
}
