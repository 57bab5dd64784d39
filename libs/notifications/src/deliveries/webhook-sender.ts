import { type IncomingMessage, request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveWebhookTarget } from './webhook-target.js';

export interface SendOutcome {
  /** The HTTP status; null when no answer came. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * One POST of exactly `body`. The target is checked first (`resolveWebhookTarget`) and the socket
 * connects only to the addresses that were checked. Redirects are not followed (a 3xx is a
 * failure like any other non-2xx); no answer within `timeoutMs` is a failure; the answer's body is
 * read and dropped, at most 64 KiB of it.
 */
export async function sendWebhook(
  rawUrl: string,
  body: Buffer,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target;
  try {
    target = await resolveWebhookTarget(rawUrl, options.allowPrivate);
  } catch (error) {
    return { statusCode: null, error: messageOf(error), durationMs: elapsed() };
  }
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    const all = target.addresses;
    if ((lookupOptions as { all?: boolean }).all) (callback as (e: null, a: typeof all) => void)(null, all);
    else callback(null, all[0].address, all[0].family);
  };
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(body.length) },
    lookup: pinned,
    // Our own deadline below covers connecting, sending and the answer together.
    agent: false,
  };
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const outgoing = request(target.url, requestOptions, (response: IncomingMessage) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > 65_536) response.destroy();
      });
      response.on('end', () => finish({ statusCode: response.statusCode ?? null, error: null }));
      response.on('close', () => finish({ statusCode: response.statusCode ?? null, error: null }));
      response.on('error', () => finish({ statusCode: response.statusCode ?? null, error: null }));
    });
    const deadline = setTimeout(() => {
      finish({ statusCode: null, error: `no answer within ${options.timeoutMs} ms` });
      outgoing.destroy();
    }, options.timeoutMs);
    outgoing.on('error', (error) => finish({ statusCode: null, error: messageOf(error) }));
    outgoing.end(body);
  });
}

export function isSuccess(outcome: SendOutcome): boolean {
  return outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
