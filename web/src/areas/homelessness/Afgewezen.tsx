// Issue 20: the register of requests that found no place, with where each person went. Refusals and referrals of
// the toegang appear from the decision itself; "vastleggen" there links a row to the decision (no copy). A fix link
// of the data-quality page (?verzoek=) opens that request for editing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  ErrorAlert,
  FormErrors,
  Heading,
  Loading,
  Paragraph,
  SelectField,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
} from '../../ui/ui';

type Verzoek = Schema<'AfgewezenVerzoek'>;
type WaarNaartoe = Schema<'AfgewezenVerzoekWijziging'>['waarNaartoe'];
const WAAR: [WaarNaartoe, string][] = [
  ['straat', 'Op straat'],
  ['bij_anderen', 'Bij anderen'],
  ['andere_opvang', 'Andere opvang'],
  ['voorliggend_veld', 'Voorliggend veld'],
  ['andere_regio', 'Andere regio'],
  ['eigen_netwerk', 'Eigen netwerk'],
  ['onbekend', 'Onbekend'],
];
const REDEN: [string, string][] = [
  ['vol', 'Vol'],
  ['past_niet', 'Past niet bij het huishouden'],
  ['regiobinding', 'Regiobinding elders'],
  ['afgewezen', 'Afgewezen'],
  ['doorverwezen', 'Doorverwezen'],
];

function WaarNaartoeForm({ v, open }: { v: Verzoek; open: boolean }) {
  const qc = useQueryClient();
  const [waar, setWaar] = useState<WaarNaartoe | ''>('');
  const id = `waar-${v.id ?? v.toegangsbesluitId}`;
  useEffect(() => {
    if (open) document.getElementById(id)?.focus();
  }, [open, id]);
  const m = useMutation({
    mutationFn: () =>
      v.id
        ? apiPad('patch', '/afgewezen-verzoeken/{id}', {
            params: { id: v.id },
            body: { waarNaartoe: waar as WaarNaartoe },
          })
        : apiPad('post', '/afgewezen-verzoeken', {
            body: { toegangsbesluitId: v.toegangsbesluitId, waarNaartoe: (waar || null) as WaarNaartoe | null },
          }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['hele-beeld'] }),
  });
  const fe = FormErrors.from(m.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <SelectField
        id={id}
        label={`Waar ging ${v.naam ?? 'de persoon'} naartoe?`}
        value={waar}
        error={fe.get('waarNaartoe') ?? fe.general[0]}
        onChange={(e) => setWaar(e.target.value as WaarNaartoe)}
      >
        <option value="">Kies</option>
        {WAAR.map(([c, l]) => (
          <option key={c} value={c}>
            {l}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" busy={m.isPending}>
        Vastleggen
      </Button>
    </form>
  );
}

export function Afgewezen({ verzoek }: { verzoek?: string }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['hele-beeld', 'afgewezen'], queryFn: () => apiGet('/afgewezen-verzoeken') });
  const locaties = useQuery({ queryKey: ['locaties'], queryFn: () => apiGet('/locaties') });
  const [f, setF] = useState({
    datum: vandaag(),
    reden: 'vol',
    locatieId: '',
    waarNaartoe: '',
    huishoudgrootte: '1',
    toelichting: '',
  });
  const [ok, setOk] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/afgewezen-verzoeken', {
        body: {
          datum: f.datum,
          reden: f.reden as 'vol',
          locatieId: f.locatieId || null,
          waarNaartoe: (f.waarNaartoe || null) as WaarNaartoe | null,
          huishoudgrootte: Number(f.huishoudgrootte),
          toelichting: f.toelichting || null,
        },
      }),
    onSuccess: async () => {
      setOk('Het verzoek is vastgelegd.');
      await qc.invalidateQueries({ queryKey: ['hele-beeld'] });
    },
  });
  const fe = FormErrors.from(m.error);
  const rijen = q.data?.resultaten ?? [];
  return (
    <section aria-labelledby="afgewezen-kop">
      <Heading level={2} id="afgewezen-kop">
        Afgewezen verzoeken
      </Heading>
      <Paragraph>
        Elk verzoek dat geen plek vond, met de reden en waar de persoon heen ging. Zo staat de vraag die geen plek vond
        naast de bezetting.
      </Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <Table caption={`Register, laatste 12 maanden (${rijen.length})`}>
          <THead>
            <Tr>
              <Th>Datum</Th>
              <Th>Persoon</Th>
              <Th>Reden</Th>
              <Th>Locatie</Th>
              <Th>Waar naartoe</Th>
            </Tr>
          </THead>
          <TBody>
            {rijen.map((v) => {
              const sleutel = v.id ?? v.toegangsbesluitId ?? '';
              const open = !!verzoek && verzoek === v.id;
              return (
                <Tr key={sleutel}>
                  <Td>{datum(v.datum)}</Td>
                  <Td>{v.naam ?? 'Onbekend'}</Td>
                  <Td>
                    {v.redenLabel}
                    {v.bron === 'toegangsbesluit' && ' (toegangsbesluit)'}
                  </Td>
                  <Td>{v.locatieNaam ?? '—'}</Td>
                  <Td>{v.waarNaartoeLabel ?? <WaarNaartoeForm v={v} open={open} />}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <form
        noValidate
        aria-labelledby="afgewezen-nieuw"
        onSubmit={(e) => {
          e.preventDefault();
          setOk(null);
          m.mutate();
        }}
      >
        <Heading level={3} id="afgewezen-nieuw">
          Verzoek zonder plek vastleggen
        </Heading>
        {ok && (
          <Alert type="ok" role="status">
            {ok}
          </Alert>
        )}
        {fe.general.length > 0 && <ErrorAlert error={m.error} />}
        <TextField
          id="afw-datum"
          label="Datum"
          type="date"
          value={f.datum}
          error={fe.get('datum')}
          onChange={(e) => setF({ ...f, datum: e.target.value })}
        />
        <SelectField
          id="afw-reden"
          label="Reden"
          value={f.reden}
          error={fe.get('reden')}
          onChange={(e) => setF({ ...f, reden: e.target.value })}
        >
          {REDEN.map(([c, l]) => (
            <option key={c} value={c}>
              {l}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="afw-locatie"
          label="Locatie"
          optional
          value={f.locatieId}
          error={fe.get('locatieId')}
          onChange={(e) => setF({ ...f, locatieId: e.target.value })}
        >
          <option value="">Geen locatie</option>
          {(locaties.data?.resultaten ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.naam}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="afw-waar"
          label="Waar ging de persoon naartoe?"
          optional
          value={f.waarNaartoe}
          onChange={(e) => setF({ ...f, waarNaartoe: e.target.value })}
        >
          <option value="">Nog niet bekend</option>
          {WAAR.map(([c, l]) => (
            <option key={c} value={c}>
              {l}
            </option>
          ))}
        </SelectField>
        <TextField
          id="afw-hh"
          label="Huishoudgrootte"
          inputMode="numeric"
          value={f.huishoudgrootte}
          error={fe.get('huishoudgrootte')}
          onChange={(e) => setF({ ...f, huishoudgrootte: e.target.value })}
        />
        <TextField
          id="afw-toelichting"
          label="Toelichting"
          optional
          value={f.toelichting}
          onChange={(e) => setF({ ...f, toelichting: e.target.value })}
        />
        <Button type="submit" variant="primary" busy={m.isPending}>
          Verzoek vastleggen
        </Button>
      </form>
    </section>
  );
}
