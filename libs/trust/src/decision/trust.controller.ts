import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
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

  @Get('list')
  @Header('content-type', 'application/jose')
  list(): Promise<string> {
    return this.trustList.current();
  }

  @Get('keys')
  keys(): { keys: Jwk[] } {
    return { keys: [this.signingKey.jwk] };
  }
}
