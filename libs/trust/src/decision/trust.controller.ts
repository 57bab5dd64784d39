import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { type Jwk } from '../signing/jws.js';
import { SigningKeyService } from '../signing/signing-key.service.js';
import { TrustListService } from '../trust-list/trust-list.service.js';
import { IssuerTrustInput } from './dto/issuer-trust.input.js';
import { IssuerLookupQuery } from './dto/issuer-lookup.query.js';
import type { TrustDecision } from './trust-decision.types.js';
import { TrustDecisionService } from './trust-decision.service.js';

/** REST for verifiers (DESIGN §4): the same decisions as `issuerTrust`, plus the signed list and keys. */
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

  /** `identifier` is a DID, a certificate SHA-256 or a legal (or other registered) identifier. */
  @Get('issuers/:identifier')
  lookup(@Param('identifier') identifier: string, @Query() query: IssuerLookupQuery): Promise<TrustDecision> {
    return this.decisions.decide(Object.assign(new IssuerTrustInput(), query, IssuerLookupQuery.identity(identifier)));
  }

  @Get('list')
  @Header('content-type', 'application/jose')
  list(): string {
    return this.trustList.current();
  }

  @Get('keys')
  keys(): { keys: Jwk[] } {
    return { keys: [this.signingKey.jwk] };
  }
}
