import { useEffect } from 'react';

/** Sets the document title ("… — Onderdak"). */
export function useTitel(titel: string): void {
  useEffect(() => {
    document.title = titel ? `${titel} — Onderdak` : 'Onderdak';
  }, [titel]);
}
