import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { MAX_CREDENTIAL_BYTES } from './credential-verification.types.js';

export const VERIFY_PATH = '/trust/v1/credentials/verify';

/**
 * The verify route takes the file as received, up to 4 MiB, whatever its media type
 * (application/json, application/ld+json, application/jwt, text/plain): its body is read as text
 * so that nothing is re-serialised. Nest has no per-route body limit, so the route's Fastify
 * options are set in an onRoute hook — added here, when providers are created, because Nest
 * registers its routes later, in `init()`.
 */
@Injectable()
export class CredentialRouteOptions {
  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    fastify?.addHook('onRoute', (route: RouteOptions) => {
      if (route.url !== VERIFY_PATH || route.method !== 'POST') return;
      route.bodyLimit = MAX_CREDENTIAL_BYTES;
      const asText = async (request: { headers: Record<string, unknown> }) => {
        request.headers['content-type'] = 'text/plain; charset=utf-8';
      };
      route.onRequest = [asText, ...(route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest])] as RouteOptions['onRequest'];
    });
  }
}
