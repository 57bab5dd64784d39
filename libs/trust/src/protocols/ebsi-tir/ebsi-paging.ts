import { EbsiProblem } from './ebsi-problem.js';

/** EBSI's largest page; its default is 10. */
export const EBSI_MAX_PAGE_SIZE = 50;
export const EBSI_DEFAULT_PAGE_SIZE = 10;

export interface PageRequest {
  /** 1-based page number: EBSI's `page[after]` counts pages, not items. */
  readonly page: number;
  readonly size: number;
}

export interface EbsiPage<T> {
  self: string;
  items: T[];
  total: number;
  pageSize: number;
  links: { first: string; prev: string; next: string; last: string };
}

/** Reads `page[size]` and `page[after]` from the raw query string (the brackets are part of the names). */
export function pageRequestOf(query: Record<string, unknown>): PageRequest {
  const size = positiveInteger(query['page[size]'], 'page[size]') ?? EBSI_DEFAULT_PAGE_SIZE;
  if (size > EBSI_MAX_PAGE_SIZE) throw EbsiProblem.badPaging(`PageSize should not be greater than ${EBSI_MAX_PAGE_SIZE}`);
  const page = positiveInteger(query['page[after]'], 'page[after]') ?? 1;
  return { page, size };
}

function positiveInteger(raw: unknown, name: string): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[0-9]{1,9}$/.test(raw) || Number(raw) < 1) {
    throw EbsiProblem.badPaging(`${name === 'page[size]' ? 'PageSize' : 'PageAfter'} must be a whole number from 1`);
  }
  return Number(raw);
}

/** One page of `all` with EBSI's links; a page past the last is empty, and `next` never passes `last`. */
export function paginate<T>(all: readonly T[], request: PageRequest, url: string): EbsiPage<T> {
  const last = Math.max(1, Math.ceil(all.length / request.size));
  const link = (page: number) => `${url}?page[after]=${page}&page[size]=${request.size}`;
  const start = (request.page - 1) * request.size;
  return {
    self: link(request.page),
    items: all.slice(start, start + request.size),
    total: all.length,
    pageSize: request.size,
    links: { first: link(1), prev: link(Math.min(last, Math.max(1, request.page - 1))), next: link(Math.min(last, request.page + 1)), last: link(last) },
  };
}
