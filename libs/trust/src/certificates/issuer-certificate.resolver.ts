import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type Caller, Clock, CurrentCaller } from '#platform';
import { KeyStatusFields } from '../key-status/key-status-fields.js';
import { RevokeKeyInput } from '../key-status/revoke-key.input.js';
import { TrustLoaders } from '../trust.loaders.js';
import { RegisterIssuerCertificateInput } from './dto/register-issuer-certificate.input.js';
import { IssuerCertificateEntity } from './issuer-certificate.entity.js';
import { IssuerCertificateService } from './issuer-certificate.service.js';

/** Issuer certificates: the seals an organisation signs with. */
@Resolver(() => IssuerCertificateEntity)
export class IssuerCertificateResolver extends KeyStatusFields(IssuerCertificateEntity) {
  constructor(
    private readonly certificates: IssuerCertificateService,
    loaders: TrustLoaders,
    clock: Clock,
  ) {
    super(loaders, clock);
  }

  @Mutation(() => IssuerCertificateEntity, { description: 'The organisation itself or ADMIN.' })
  registerIssuerCertificate(@CurrentCaller() caller: Caller, @Args('input') input: RegisterIssuerCertificateInput): Promise<IssuerCertificateEntity> {
    return this.certificates.register(caller, input);
  }

  @Mutation(() => IssuerCertificateEntity, { description: 'The organisation itself or ADMIN. Final.' })
  revokeIssuerCertificate(@CurrentCaller() caller: Caller, @Args('input') input: RevokeKeyInput): Promise<IssuerCertificateEntity> {
    return this.certificates.revoke(caller, input);
  }
}
