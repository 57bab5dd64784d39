import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Jwk, SigningKeyService } from '../signing/signing-key.service.js';
import { TrustListService } from '../trust-list/trust-list.service.js';
import { IssuerTrustInput } from './dto/issuer-trust.input.js';
import type { TrustDecision } from './trust-decision.types.js';
import { TrustDecisionService } from './trust-decision.service.js';

/**
 * REST for verifiers (DESIGN §4): the same decisions as `issuerTrust`, plus the signed list and keys.
 * `GET issuers/{identifier}` is a plain Fastify route (issuer-lookup.route.ts), for speed.
 */
@Controller('trust/v1')
export class TrustController {
  constructor(
    private readonly decisions: TrustDecisionService,
    private readonly trustList: TrustListService,
    private readonly signingKey: SigningKeyService,
  ) {}

  @Post('decisions')
  @HttpCode(200)
  decide(@Body() input: IssuerTrustInput): Promise<TrustDecision> {
    return this.decisions.decide(input);
  }

  /** The list is kept gzipped (TrustListService): sent as it is to clients that take gzip, inflated for the others. */
  @Get('list')
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const { gzipped, bytes } = await this.trustList.current();
    reply.header('content-type', 'application/jose').header('vary', 'accept-encoding');
    if (negotiate(request.headers['accept-encoding'] ?? '', ['gzip']) === 'gzip') return reply.header('content-encoding', 'gzip').header('content-length', bytes).send(gzipped);
    // pipeline, not pipe: a client that goes away ends the read of the file too.
    return reply.send(pipeline(gzipped, createGunzip(), () => undefined));
  }

  @Get('keys')
  keys(): { keys: Jwk[] } {
    return { keys: [this.signingKey.jwk] };
  }
}
