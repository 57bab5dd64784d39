import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * A router of a few lines: the address bar is the state (a counsellor sends the link, the learner
 * sees the same page), changed with pushState/replaceState and read with useLocation.
 */
const NAVIGATED = 'tessera:navigate';

/**
 * Where each entry of this tab's history was scrolled to when the reader left it, and the link
 * they left by (so that coming back puts the keyboard where it was).
 */
export interface ScrollPlace {
  y: number;
  linkHref: string | null;
}
const scrolls = new Map<string, ScrollPlace>();
let scrollPending: ScrollPlace | undefined;

function onPopState(): void {
  headingFocusPending = true;
  // Back and Forward land where the reader was; the page says when its content is there
  // (takeScrollRestore), since results arrive after the address changes.
  scrollPending = scrolls.get(snapshot());
  if (scrollPending === undefined) window.scrollTo(0, 0);
}

// Once, and before any page listens: the pending focus and scroll are set when pages re-render.
window.addEventListener('popstate', onPopState);
if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  path: string;
  params: URLSearchParams;
  /** path + search, as a link would write it */
  href: string;
}

/** The current location; re-renders when it changes. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, params: url.searchParams, href };
}

/**
 * Set when the reader moves to another page (not when a search refines itself): that page's
 * heading takes the focus once it is shown, as a page load would for a screen reader.
 */
let headingFocusPending = false;

export function takeHeadingFocus(): boolean {
  const pending = headingFocusPending;
  headingFocusPending = false;
  return pending;
}

/**
 * The scroll position to go back to once the page has drawn what it shows, when the reader came
 * back to it (Back, or a link that returns, such as "Back to the results"); once.
 */
export function takeScrollRestore(): ScrollPlace | undefined {
  const pending = scrollPending;
  scrollPending = undefined;
  return pending;
}

export function navigate(href: string, options: { replace?: boolean; restoreScroll?: boolean } = {}): void {
  if (href === snapshot()) return;
  const active = document.activeElement;
  scrolls.set(snapshot(), { y: window.scrollY, linkHref: active instanceof HTMLAnchorElement ? active.getAttribute('href') : null });
  if (new URL(href, window.location.origin).pathname !== window.location.pathname) headingFocusPending = true;
  scrollPending = options.restoreScroll ? scrolls.get(href) : undefined;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATED));
}

/** An ordinary link that navigates without reloading; modified clicks (new tab…) stay the browser's. */
export function Link({ href, onClick, restoreScroll, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; restoreScroll?: boolean }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href, { restoreScroll });
    window.scrollTo(0, 0);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

/** `path?params`, leaving out empty values, so that links stay short and readable. */
export function hrefOf(path: string, params: Record<string, string | number | undefined | null> | URLSearchParams): string {
  const search = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
