import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, Clock, CurrentCaller } from '#platform';
import { OrganisationEntity, statusAt } from '#registry';
import { AddTrustAnchorInput } from './anchor/dto/add-trust-anchor.input.js';
import { TrustAnchorEntity } from './anchor/trust-anchor.entity.js';
import { TrustAnchorService } from './anchor/trust-anchor.service.js';
import { RegisterIssuerCertificateInput } from './certificate/dto/register-issuer-certificate.input.js';
import { IssuerCertificateEntity } from './certificate/issuer-certificate.entity.js';
import { IssuerCertificateService } from './certificate/issuer-certificate.service.js';
import { RegisterIssuerDidInput } from './did/dto/register-issuer-did.input.js';
import { IssuerDidEntity } from './did/issuer-did.entity.js';
import { IssuerDidService } from './did/issuer-did.service.js';
import { KeyStatusEntryEntity, KeyStatusEnum, type KeyStatus } from './key-status/key-status-entry.entity.js';
import { RevokeKeyInput } from './key-status/revoke-key.input.js';
import { TrustLoaders } from './trust.loaders.js';

/** Trust anchors: who may issue seals. */
@Resolver(() => TrustAnchorEntity)
export class TrustAnchorResolver {
  constructor(
    private readonly anchors: TrustAnchorService,
    private readonly loaders: TrustLoaders,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => TrustAnchorEntity, { description: 'ADMIN. Adds a CA certificate whose seals the registry accepts.' })
  addTrustAnchor(@CurrentCaller() caller: Caller, @Args('input') input: AddTrustAnchorInput): Promise<TrustAnchorEntity> {
    return this.anchors.add(caller, input.certificatePem);
  }

  @Mutation(() => TrustAnchorEntity, { description: 'ADMIN. Final.' })
  revokeTrustAnchor(@CurrentCaller() caller: Caller, @Args('input') input: RevokeKeyInput): Promise<TrustAnchorEntity> {
    return this.anchors.revoke(caller, input);
  }

  @Query(() => [TrustAnchorEntity])
  trustAnchors(): Promise<TrustAnchorEntity[]> {
    return this.anchors.list();
  }

  @ResolveField(() => [KeyStatusEntryEntity])
  statusHistory(@Parent() anchor: TrustAnchorEntity, @Context() context: object): Promise<KeyStatusEntryEntity[]> {
    return this.loaders.keyStatus(context).load(anchor.id);
  }

  @ResolveField(() => KeyStatusEnum, { description: 'The status at `at` (default now).' })
  async status(@Parent() anchor: TrustAnchorEntity, @Context() context: object, @Args('at', { nullable: true, type: () => Date }) at?: Date): Promise<KeyStatus> {
    return statusAt(await this.loaders.keyStatus(context).load(anchor.id), at ?? this.clock.now()) ?? 'ACTIVE';
  }
}

/** Issuer certificates: the seals an organisation signs with. */
@Resolver(() => IssuerCertificateEntity)
export class IssuerCertificateResolver {
  constructor(
    private readonly certificates: IssuerCertificateService,
    private readonly loaders: TrustLoaders,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => IssuerCertificateEntity, { description: 'The organisation itself or ADMIN.' })
  registerIssuerCertificate(@CurrentCaller() caller: Caller, @Args('input') input: RegisterIssuerCertificateInput): Promise<IssuerCertificateEntity> {
    return this.certificates.register(caller, input);
  }

  @Mutation(() => IssuerCertificateEntity, { description: 'The organisation itself or ADMIN. Final.' })
  revokeIssuerCertificate(@CurrentCaller() caller: Caller, @Args('input') input: RevokeKeyInput): Promise<IssuerCertificateEntity> {
    return this.certificates.revoke(caller, input);
  }

  @ResolveField(() => [KeyStatusEntryEntity])
  statusHistory(@Parent() certificate: IssuerCertificateEntity, @Context() context: object): Promise<KeyStatusEntryEntity[]> {
    return this.loaders.keyStatus(context).load(certificate.id);
  }

  @ResolveField(() => KeyStatusEnum, { description: 'The status at `at` (default now).' })
  async status(@Parent() certificate: IssuerCertificateEntity, @Context() context: object, @Args('at', { nullable: true, type: () => Date }) at?: Date): Promise<KeyStatus> {
    return statusAt(await this.loaders.keyStatus(context).load(certificate.id), at ?? this.clock.now()) ?? 'ACTIVE';
  }
}

/** Issuer DIDs. */
@Resolver(() => IssuerDidEntity)
export class IssuerDidResolver {
  constructor(
    private readonly dids: IssuerDidService,
    private readonly loaders: TrustLoaders,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => IssuerDidEntity, { description: 'The organisation itself or ADMIN.' })
  registerIssuerDid(@CurrentCaller() caller: Caller, @Args('input') input: RegisterIssuerDidInput): Promise<IssuerDidEntity> {
    return this.dids.register(caller, input);
  }

  @Mutation(() => IssuerDidEntity, { description: 'The organisation itself or ADMIN. Final.' })
  revokeIssuerDid(@CurrentCaller() caller: Caller, @Args('input') input: RevokeKeyInput): Promise<IssuerDidEntity> {
    return this.dids.revoke(caller, input);
  }

  @ResolveField(() => [KeyStatusEntryEntity])
  statusHistory(@Parent() did: IssuerDidEntity, @Context() context: object): Promise<KeyStatusEntryEntity[]> {
    return this.loaders.keyStatus(context).load(did.id);
  }

  @ResolveField(() => KeyStatusEnum, { description: 'The status at `at` (default now).' })
  async status(@Parent() did: IssuerDidEntity, @Context() context: object, @Args('at', { nullable: true, type: () => Date }) at?: Date): Promise<KeyStatus> {
    return statusAt(await this.loaders.keyStatus(context).load(did.id), at ?? this.clock.now()) ?? 'ACTIVE';
  }
}

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
