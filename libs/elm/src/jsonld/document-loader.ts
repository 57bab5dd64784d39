import type JsonLd from 'jsonld';
import { EDC_AP_CONTEXT, EDC_AP_CONTEXT_URL, W3C_CREDENTIALS_V1_CONTEXT, W3C_CREDENTIALS_V1_CONTEXT_URL } from './contexts.data.js';

/** The contexts we hold, by every URL they are named with (with and without a trailing slash, http and https). */
const CONTEXTS: ReadonlyMap<string, object> = new Map(
  [
    [EDC_AP_CONTEXT_URL, EDC_AP_CONTEXT],
    [W3C_CREDENTIALS_V1_CONTEXT_URL, W3C_CREDENTIALS_V1_CONTEXT],
  ].flatMap(([url, document]) => {
    const bare = (url as string).replace(/^https?:\/\//, '').replace(/\/$/, '');
    return ['http://', 'https://'].flatMap((scheme) => [`${scheme}${bare}`, `${scheme}${bare}/`]).map((u) => [u, document as object] as const);
  }),
);

export class UnknownContextError extends Error {}

let library: Promise<typeof JsonLd> | null = null;
/** jsonld, loaded when the first ELM document is read rather than with the api. */
export function jsonLd(): Promise<typeof JsonLd> {
  library ??= import('jsonld').then((module) => module.default);
  return library;
}

/**
 * The JSON-LD document loader for everything ELM: it answers from the contexts kept in this lib
 * and refuses every other URL, so that reading a document never reaches the network (an import
 * must not fetch what a caller names, and the same input must always mean the same).
 */
export function localDocumentLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: object }> {
  const document = CONTEXTS.get(url);
  if (!document) return Promise.reject(new UnknownContextError(`the JSON-LD context ${url} is not one Tessera holds (${[EDC_AP_CONTEXT_URL, W3C_CREDENTIALS_V1_CONTEXT_URL].join(', ')})`));
  return Promise.resolve({ contextUrl: null, documentUrl: url, document });
}

/** N-Quads of a JSON-LD document, with the local loader only (for SHACL validation). */
export async function toNQuads(document: object): Promise<string> {
  const jsonld = await jsonLd();
  return (await jsonld.toRDF(document as JsonLd.JsonLdDocument, { format: 'application/n-quads', documentLoader: localDocumentLoader as never })) as unknown as string;
}
