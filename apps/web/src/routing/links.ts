import { useI18n } from '../i18n';
import { hrefOf } from './router';

/** The app's addresses. Every link carries the language, so a shared link opens as it was seen. */
export const PATHS = {
  search: '/',
  course: (id: string) => `/courses/${encodeURIComponent(id)}`,
  compare: '/compare',
  verify: '/verify',
  provider: (id: string) => `/providers/${encodeURIComponent(id)}`,
};

export function useLinks() {
  const { lang } = useI18n();
  return {
    search: (params: URLSearchParams | Record<string, string> = {}) => {
      const search = new URLSearchParams(params instanceof URLSearchParams ? params : Object.entries(params));
      search.set('lang', lang);
      return hrefOf(PATHS.search, search);
    },
    course: (id: string, from?: string) => hrefOf(PATHS.course(id), { lang, from }),
    compare: (ids: string[] = []) => hrefOf(PATHS.compare, { lang, ids: ids.join(',') }),
    /** The verify page, its question filled in (and asked) when one is given. */
    verify: (question: { identifier?: string; did?: string; at?: string } = {}) => hrefOf(PATHS.verify, { lang, ...question }),
    provider: (id: string) => hrefOf(PATHS.provider(id), { lang }),
  };
}

/** The route a path names. */
export type Route =
  | { page: 'search' }
  | { page: 'course'; id: string }
  | { page: 'provider'; id: string }
  | { page: 'compare' }
  | { page: 'verify' }
  | { page: 'not-found' };

export function routeOf(path: string): Route {
  if (path === '/' || path === '') return { page: 'search' };
  if (path === PATHS.compare) return { page: 'compare' };
  if (path === PATHS.verify) return { page: 'verify' };
  const course = /^\/courses\/([^/]+)$/.exec(path);
  if (course) return { page: 'course', id: decodeURIComponent(course[1]) };
  const provider = /^\/providers\/([^/]+)$/.exec(path);
  if (provider) return { page: 'provider', id: decodeURIComponent(provider[1]) };
  return { page: 'not-found' };
}
