import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganisationEntity } from '#registry';
import { IssuerCertificateEntity } from './certificates/issuer-certificate.entity.js';
import { IssuerDidEntity } from './dids/issuer-did.entity.js';
import { TrustLoaders } from './trust.loaders.js';

/** An organisation's keys, on the registry's Organisation type. */
@Resolver(() => OrganisationEntity)
export class OrganisationKeysResolver {
  constructor(private readonly loaders: TrustLoaders) {}

  @ResolveField(() => [IssuerCertificateEntity], { description: 'Sealing certificates registered for this organisation.' })
  certificates(@Parent() organisation: OrganisationEntity, @Context() context: object): Promise<IssuerCertificateEntity[]> {
    return this.loaders.certificatesOf(context).load(organisation.id);
  }

  @ResolveField(() => [IssuerDidEntity], { description: 'DIDs registered for this organisation.' })
  dids(@Parent() organisation: OrganisationEntity, @Context() context: object): Promise<IssuerDidEntity[]> {
    return this.loaders.didsOf(context).load(organisation.id);
  }
}
