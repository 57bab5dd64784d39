import { Controller, Get, Param, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitGuard } from '#platform';
import { EbsiProblemFilter } from './ebsi-problem.js';
import { pageRequestOf } from './ebsi-paging.js';
import { type Answer, EBSI_TIR_PATH, EbsiTirService } from './ebsi-tir.service.js';

/** The header that names the registry state an answer was built from (EBSI's shapes have no field for it). */
export const REGISTRY_SEQUENCE_HEADER = 'tessera-registry-sequence';

/** EBSI Trusted Issuers Registry v5 (DESIGN §8.4): read-only, anonymous, on the one anonymous budget. */
@Controller(EBSI_TIR_PATH.slice(1))
@UseGuards(RateLimitGuard)
@UseFilters(EbsiProblemFilter)
export class EbsiTirController {
  constructor(private readonly tir: EbsiTirService) {}

  @Get('issuers')
  issuers(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, this.tir.issuers(pageRequestOf(queryOf(request)), baseUrlOf(request)));
  }

  @Get('issuers/:did')
  issuer(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, this.tir.issuer(didCandidates(request)));
  }

  @Get('issuers/:did/attributes')
  attributes(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, this.tir.attributes(didCandidates(request), pageRequestOf(queryOf(request)), baseUrlOf(request)));
  }

  @Get('issuers/:did/attributes/:attributeId')
  attribute(@Req() request: FastifyRequest, @Param('attributeId') attributeId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, this.tir.attributeOf(didCandidates(request), attributeId));
  }

  @Get('issuers/:did/attributes/:attributeId/revisions')
  revisions(@Req() request: FastifyRequest, @Param('attributeId') attributeId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, this.tir.revisions(didCandidates(request), attributeId, pageRequestOf(queryOf(request)), baseUrlOf(request)));
  }
}

function answer<T>(reply: FastifyReply, { body, registrySequence }: Answer<T>): T {
  void reply.header(REGISTRY_SEQUENCE_HEADER, String(registrySequence));
  return body;
}

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

/** Links point back at the address the client used. */
function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * The DID segment of the path as sent, and percent-decoded: the router decodes it, which would
 * turn a did:web's `%3A` into `:` — a different DID.
 */
function didCandidates(request: FastifyRequest): string[] {
  const path = request.url.split('?')[0];
  const raw = path.slice(`${EBSI_TIR_PATH}/issuers/`.length).split('/')[0];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a stray % — only the raw form can match
  }
  return decoded === raw ? [raw] : [raw, decoded];
}
