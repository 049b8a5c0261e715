// The status of a client as a badge (client list, possible duplicates).
import type { ClientStatus } from '../../api/types';
import { type BadgeStatus, StatusBadge } from '../../ui/ui';

export const CLIENT_STATUS: Record<ClientStatus, { label: string; badge: BadgeStatus }> = {
  aangemeld: { label: 'Aangemeld', badge: 'warning' },
  'in-opvang': { label: 'In opvang', badge: 'active' },
  uitgestroomd: { label: 'Uitgestroomd', badge: 'success' },
  'geen-traject': { label: 'Geen traject', badge: 'neutral' },
};
export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  const s = CLIENT_STATUS[status] ?? { label: status, badge: 'neutral' as const };
  return <StatusBadge status={s.badge}>{s.label}</StatusBadge>;
}
