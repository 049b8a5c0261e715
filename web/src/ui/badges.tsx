// Status badges and the occupancy bar.
import type { ReactNode } from 'react';
import { cx } from './cx';

export type BadgeStatus = 'success' | 'warning' | 'danger' | 'neutral' | 'active' | 'inactive';
export function StatusBadge({ status = 'neutral', children }: { status?: BadgeStatus; children: ReactNode }) {
  return <span className={cx('utrecht-status-badge', `utrecht-status-badge--${status}`)}>{children}</span>;
}

/** Horizontal occupancy bar with a text alternative. */
export function BezettingsBalk({ bezet, totaal, label }: { bezet: number; totaal: number; label?: string }) {
  const pct = totaal > 0 ? Math.min(100, Math.round((bezet / totaal) * 100)) : 0;
  return (
    <div className="onderdak-bar" role="img" aria-label={label ?? `${pct}% bezet (${bezet} van ${totaal})`}>
      <div className="onderdak-bar__fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
