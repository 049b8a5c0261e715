// Issue 12: an exit cleans up. When a trajectory ends, its open blockades close with "uitgestroomd"; after an exit
// to a home (permanent) or a protected/institutional place, the client's open waiting-list entries end too.
import type { Tx } from '../../platform/db/database.js';
import type { ExitGroup } from '../../reference/reference.js';

export async function closeOpenWorkAfterExit(
  db: Tx,
  p: {
    tenantId: string;
    clientId: string;
    trajectoryId: string;
    date: string;
    group: ExitGroup;
    destinationLabel: string;
  },
) {
  await db
    .updateTable('blockers')
    .set((eb) => ({ resolved_on: eb.fn('GREATEST', [eb.ref('since'), eb.val(p.date)]), resolution: 'uitgestroomd' }))
    .where('tenant_id', '=', p.tenantId)
    .where('trajectory_id', '=', p.trajectoryId)
    .where('resolved_on', 'is', null)
    .execute();
  if (p.group === 'permanent' || p.group === 'beschermd' || p.destinationLabel.startsWith('overgedragen'))
    await db
      .updateTable('waiting_list_entries')
      .set((eb) => ({
        removed_on: eb.fn('GREATEST', [eb.ref('listed_on'), eb.val(p.date)]),
        removal_reason: 'elders-geplaatst',
        removal_note: `Uitgestroomd: ${p.destinationLabel}`,
      }))
      .where('tenant_id', '=', p.tenantId)
      .where('client_id', '=', p.clientId)
      .where('removed_on', 'is', null)
      .execute();
}
