import type { en } from './en';

/** Every language fills the English dictionary's shape: same keys, same message functions. */
export type Messages = typeof en;

export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The languages' own names, for the switch (each in itself, so a reader finds their own). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/** A vocabulary word for an api code; the code itself when a dictionary lacks it (a newer api). */
export function word(table: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return table[code] ?? code;
}
