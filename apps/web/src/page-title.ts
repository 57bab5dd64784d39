import { useEffect } from 'react';

/** Each page names itself in the tab and in the history list, as a screen reader announces it. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Tessera`;
  }, [title]);
}
