// The shared cells and status badge of a registration (aanmelding): registration list, start page, case page.
import { Link } from '@tanstack/react-router';
import type { AanmeldingMetClient, AanmeldingStatus } from '../../api/types';
import { datum } from '../../ui/format';
import { StatusBadge, Td } from '../../ui/ui';

/** Cliënt (link to the case), date, source and status of a registration: the shared cells of every registration list. */
export function AanmeldingCellen({ a }: { a: AanmeldingMetClient }) {
  return (
    <>
      <Td>
        <Link to="/clienten/$clientId" params={{ clientId: a.client.id }} className="utrecht-link">
          {a.client.voornaam} {a.client.achternaam}
        </Link>
      </Td>
      <Td>{datum(a.datum)}</Td>
      <Td>{a.bronLabel}</Td>
      <Td>
        <AanmeldingStatusBadge status={a.status} />
      </Td>
    </>
  );
}

export const AANMELDING_STATUS: Record<AanmeldingStatus, string> = {
  aangemeld: 'Aangemeld',
  gescreend: 'Gescreend',
  besloten: 'Besloten',
  ingetrokken: 'Ingetrokken',
};

export function AanmeldingStatusBadge({ status }: { status: AanmeldingStatus }) {
  return (
    <StatusBadge
      status={
        status === 'besloten'
          ? 'success'
          : status === 'gescreend'
            ? 'active'
            : status === 'ingetrokken'
              ? 'neutral'
              : 'warning'
      }
    >
      {AANMELDING_STATUS[status] ?? status}
    </StatusBadge>
  );
}
