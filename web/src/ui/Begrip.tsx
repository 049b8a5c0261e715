// Issue 16: a term in running text, linked to its explanation on /begrippen.
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

export function Begrip({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Link to="/begrippen" hash={id} className="utrecht-link onderdak-begrip">
      {children}
    </Link>
  );
}
