import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { useLocation } from '../routing/router';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { isLanguage, type Language, type Messages } from './messages';

export { LANGUAGE_NAMES, LANGUAGES, word, type Language, type Messages } from './messages';

const DICTIONARIES: Record<Language, Messages> = { en, de, fr };
const REMEMBERED = 'tessera.language';

/** Everything a component needs to speak the reader's language: messages and formatters. */
export interface I18n {
  lang: Language;
  t: Messages;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  number(n: number, maximumFractionDigits?: number): string;
  price(amount: number, currency: string): string;
  country(code: string): string;
  language(code: string): string;
  list(items: string[]): string;
}

const Context = createContext<I18n | null>(null);

/**
 * The language comes from the address (`?lang=de`), so a shared link opens in the language it was
 * sent in; without one, the last choice in this browser, then the browser's own preference.
 */
export function chooseLanguage(fromUrl: string | null): Language {
  if (isLanguage(fromUrl)) return fromUrl;
  const remembered = safeStorage()?.getItem(REMEMBERED);
  if (isLanguage(remembered)) return remembered;
  for (const preferred of navigator.languages ?? [navigator.language]) {
    const base = preferred.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const { params } = useLocation();
  const lang = chooseLanguage(params.get('lang'));
  useEffect(() => {
    document.documentElement.lang = lang;
    safeStorage()?.setItem(REMEMBERED, lang);
  }, [lang]);
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

function makeI18n(lang: Language): I18n {
  // Dates in the catalogue are calendar days at UTC midnight; showing them in UTC keeps the day.
  const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
  const lists = new Intl.ListFormat(lang, { type: 'conjunction' });
  const safely = (f: () => string, fallback: string) => {
    try {
      return f();
    } catch {
      return fallback;
    }
  };
  return {
    lang,
    t: DICTIONARIES[lang],
    date: (iso) => (iso ? dateFormat.format(new Date(iso)) : ''),
    dateTime: (iso) => (iso ? `${dateTimeFormat.format(new Date(iso))} UTC` : ''),
    number: (n, maximumFractionDigits = 2) => new Intl.NumberFormat(lang, { maximumFractionDigits }).format(n),
    price: (amount, currency) => {
      // Whole amounts without cents ("€480"), as catalogues print them.
      const digits = Number.isInteger(amount) ? 0 : 2;
      return safely(() => new Intl.NumberFormat(lang, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount), `${amount} ${currency}`);
    },
    country: (code) => safely(() => regions.of(code.toUpperCase()) ?? code, code),
    language: (code) => safely(() => languages.of(code) ?? code, code),
    list: (items) => lists.format(items),
  };
}

/** localStorage, or nothing where the browser refuses it (private modes, disabled storage). */
export function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
