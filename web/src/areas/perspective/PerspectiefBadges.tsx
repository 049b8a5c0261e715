// Badges of the perspective pages: the 5-day plan deadline and the three-month signal.
import { StatusBadge } from '../../ui/ui';
import { type Controle, SIGNAAL, TERMIJN, type Termijn } from './perspectiefApi';

export function TermijnBadge({ t }: { t: Termijn }) {
  const status =
    t.status === 'te-laat' || t.status === 'te-laat-opgesteld'
      ? 'danger'
      : t.status === 'op-tijd-opgesteld'
        ? 'success'
        : 'neutral';
  return (
    <StatusBadge status={status}>
      {TERMIJN[t.status]}
      {t.dagenTeLaat > 0 ? ` (${t.dagenTeLaat} ${t.dagenTeLaat === 1 ? 'dag' : 'dagen'})` : ''}
    </StatusBadge>
  );
}

export function SignaalBadge({ c }: { c: Pick<Controle, 'bovenDoel' | 'signaal' | 'doelDagen'> }) {
  if (c.bovenDoel) return <StatusBadge status="danger">Boven {c.doelDagen} dagen</StatusBadge>;
  if (c.signaal)
    return (
      <StatusBadge status={c.signaal === '6-weken' ? 'neutral' : 'warning'}>Signaal {SIGNAAL[c.signaal]}</StatusBadge>
    );
  return <StatusBadge status="success">Binnen termijn</StatusBadge>;
}
