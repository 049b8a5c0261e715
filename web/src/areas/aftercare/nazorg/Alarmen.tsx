import { StatusBadge } from '../../../ui/ui';
import { ALARM_LABEL, type Alarm } from './nazorgApi';

/** The alarm signals of a plan as badges with their text. */
export function Alarmen({ alarmen }: { alarmen: Alarm[] }) {
  if (!alarmen.length) return <>—</>;
  return (
    <ul className="utrecht-unordered-list onderdak-compact">
      {alarmen.map((a, i) => (
        <li key={i} className="utrecht-unordered-list__item">
          <StatusBadge status={a.soort === 'zorgsignaal' ? 'warning' : 'danger'}>{ALARM_LABEL[a.soort]}</StatusBadge>{' '}
          {a.tekst}
        </li>
      ))}
    </ul>
  );
}
