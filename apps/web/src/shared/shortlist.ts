import { useSyncExternalStore } from 'react';
import { safeStorage } from '../i18n';

/**
 * The counsellor's shortlist: course ids and the title they had when added (to list them without
 * asking the api), kept in this browser's localStorage only. Other tabs follow through the
 * `storage` event.
 */
export interface ShortlistEntry {
  id: string;
  title: string;
  /** What tells apart courses of the same name, as they were when added (older entries lack them). */
  titleLang?: string;
  provider?: string;
  startDate?: string | null;
  endDate?: string | null;
  free?: boolean;
  price?: { amount: number; currency: string } | null;
}

const KEY = 'tessera.shortlist';
const MAX_ENTRIES = 50;
const listeners = new Set<() => void>();
let cached: { raw: string | null; entries: ShortlistEntry[] } = { raw: null, entries: [] };

function read(): ShortlistEntry[] {
  const raw = safeStorage()?.getItem(KEY) ?? null;
  if (raw === cached.raw) return cached.entries;
  let entries: ShortlistEntry[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) {
      entries = parsed.filter((e): e is ShortlistEntry => typeof e?.id === 'string' && typeof e?.title === 'string');
    }
  } catch {
    // A damaged entry is dropped rather than breaking the page.
  }
  cached = { raw, entries };
  return entries;
}

function write(entries: ShortlistEntry[]): void {
  safeStorage()?.setItem(KEY, JSON.stringify(entries.slice(0, MAX_ENTRIES)));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useShortlist() {
  const entries = useSyncExternalStore(subscribe, read);
  return {
    entries,
    has: (id: string) => entries.some((e) => e.id === id),
    toggle: (entry: ShortlistEntry) =>
      write(entries.some((e) => e.id === entry.id) ? entries.filter((e) => e.id !== entry.id) : [...entries, entry]),
    remove: (id: string) => write(entries.filter((e) => e.id !== id)),
    clear: () => write([]),
  };
}
