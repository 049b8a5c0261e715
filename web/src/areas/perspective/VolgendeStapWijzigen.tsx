// Blockades: "Volgende stap wijzigen" (on the case page and the doorstroomoverleg) and the "next step by" text.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum } from '../../ui/format';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  FormErrors,
  Formulier,
  SelectField,
  TextareaField,
  TextField,
} from '../../ui/ui';
import { type Optie, perspectiefKey } from './perspectiefApi';

/** What the form needs of a blockade (the case view and the doorstroomoverleg both deliver it). */
export type BlokkadeWijzigbaar = Pick<
  Schema<'DoorstroomoverlegBlokkade'>,
  'id' | 'soort' | 'soortLabel' | 'omschrijving' | 'volgendeActor' | 'volgendeStap'
>;

export const VELD_LABEL: Record<string, string> = {
  omschrijving: 'Omschrijving',
  volgendeActorOrganisatie: 'Wie is aan zet',
  volgendeActorNaam: 'Naam',
  volgendeStap: 'Volgende stap',
};
const VELDEN = ['omschrijving', 'volgendeActorOrganisatie', 'volgendeActorNaam', 'volgendeStap'] as const;
type Veld = (typeof VELDEN)[number];

/** "Volgende stap door Woningcorporatie — Woonbron sinds 1 december 2026: Bezichtiging plannen" */
export function volgendeStapDoor(
  actor: { organisatieLabel: string; naam: string | null } | null,
  stap: string | null,
  sinds: string | null,
) {
  if (!actor && !stap) return 'Nog niet vastgelegd wie de volgende stap zet';
  const wie = actor ? `${actor.organisatieLabel}${actor.naam ? ` — ${actor.naam}` : ''}` : 'nog niet vastgelegd';
  return `Volgende stap door ${wie}${sinds ? ` sinds ${datum(sinds)}` : ''}${stap ? `: ${stap}` : ''}`;
}

const huidig = (b: BlokkadeWijzigbaar): Record<Veld, string> => ({
  omschrijving: b.omschrijving ?? '',
  volgendeActorOrganisatie: b.volgendeActor?.organisatie ?? '',
  volgendeActorNaam: b.volgendeActor?.naam ?? '',
  volgendeStap: b.volgendeStap ?? '',
});

interface Props {
  clientId: string;
  blokkade: BlokkadeWijzigbaar;
  eigenaren: Optie[];
  context?: string;
}

/**
 * Button "Volgende stap wijzigen" that opens a small form in place (disclosure: focus moves into the form and back
 * to the button on close). Sends only the fields that changed, as PATCH; the case view and the worklist refresh.
 */
export function VolgendeStapWijzigen(props: Props) {
  const { blokkade, context } = props;
  const [open, setOpen] = useState(false);
  const knopRef = useRef<HTMLButtonElement>(null);
  const eerder = useRef(false);
  useEffect(() => {
    if (!open && eerder.current) knopRef.current?.focus();
    eerder.current = true;
  }, [open]);
  const id = `blokkade-${blokkade.id}`;
  const naam = `${blokkade.soortLabel}${context ? `, ${context}` : ''}`;
  if (!open) {
    return (
      <Button
        ref={knopRef}
        variant="subtle"
        aria-expanded={false}
        aria-controls={`${id}-wijzigen`}
        onClick={() => setOpen(true)}
      >
        Volgende stap wijzigen<span className="onderdak-sr-only"> ({naam})</span>
      </Button>
    );
  }
  return <VolgendeStapForm {...props} id={id} naam={naam} sluit={() => setOpen(false)} />;
}

function VolgendeStapForm({
  clientId,
  blokkade,
  eigenaren,
  id,
  naam,
  sluit,
}: Props & { id: string; naam: string; sluit: () => void }) {
  const [f, setF] = useState(() => huidig(blokkade));
  const titelRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    titelRef.current?.focus();
  }, []);
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (wijziging: Partial<Record<Veld, string | null>>) =>
      apiPad('patch', '/blokkades/{id}', { params: { id: blokkade.id }, body: wijziging }),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: perspectiefKey(clientId) }),
        qc.invalidateQueries({ queryKey: ['doorstroomoverleg'] }),
      ]);
    },
  });
  const ids: Record<Veld, string> = {
    omschrijving: `${id}-omschrijving`,
    volgendeActorOrganisatie: `${id}-actor`,
    volgendeActorNaam: `${id}-naam`,
    volgendeStap: `${id}-stap`,
  };
  const fe = FormErrors.from(m.error, ids);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const was = huidig(blokkade);
    const wijziging: Partial<Record<Veld, string | null>> = {};
    for (const v of VELDEN) if (f[v].trim() !== was[v]) wijziging[v] = f[v].trim() || null;
    if (Object.keys(wijziging).length === 0) {
      sluit();
      return;
    }
    m.mutate(wijziging, { onSuccess: sluit });
  };
  return (
    <Formulier
      concept={`volgende-stap:${id}`}
      id={`${id}-wijzigen`}
      className="onderdak-card onderdak-actie"
      style={{ minWidth: '18rem' }}
      aria-labelledby={`${id}-titel`}
      onSubmit={submit}
      noValidate
    >
      <p id={`${id}-titel`} ref={titelRef} tabIndex={-1} className="utrecht-paragraph">
        <strong>Volgende stap wijzigen: {naam}</strong>
      </p>
      <ErrorSummary errors={fe.summary()} title="De wijziging is niet opgeslagen" />
      <TextField
        id={ids.omschrijving}
        label="Omschrijving van de blokkade"
        optional={blokkade.soort !== 'overig'}
        value={f.omschrijving}
        error={fe.get('omschrijving')}
        onChange={(e) => setF({ ...f, omschrijving: e.target.value })}
      />
      <SelectField
        id={ids.volgendeActorOrganisatie}
        label="Wie zet de volgende stap"
        optional
        value={f.volgendeActorOrganisatie}
        error={fe.get('volgendeActorOrganisatie')}
        onChange={(e) => setF({ ...f, volgendeActorOrganisatie: e.target.value })}
      >
        <option value="">Nog niet bekend</option>
        {eigenaren.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id={ids.volgendeActorNaam}
        label="Naam (persoon of team)"
        optional
        value={f.volgendeActorNaam}
        error={fe.get('volgendeActorNaam')}
        onChange={(e) => setF({ ...f, volgendeActorNaam: e.target.value })}
      />
      <TextareaField
        id={ids.volgendeStap}
        label="Volgende stap"
        optional
        rows={2}
        value={f.volgendeStap}
        error={fe.get('volgendeStap')}
        onChange={(e) => setF({ ...f, volgendeStap: e.target.value })}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={m.isPending}>
          Opslaan
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
    </Formulier>
  );
}
