import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RecordEntity } from '#platform';
import { OrganisationEntity } from '#registry';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { DidVerificationMethod } from './dto/did-verification-method.js';

/** A DID an organisation issues credentials under. */
@Entity({ name: 'issuer_dids' })
@ObjectType('IssuerDid')
@Index('issuer_dids_organisation', ['organisationId'])
export class IssuerDidEntity extends RecordEntity {
  @Field(() => ID)
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Field()
  @Column({ type: 'text', unique: true })
  did: string;

  /** The DID's public keys, so that credentials it signs verify (DESIGN §8.1); did:key and did:jwk need none. */
  @Field(() => [DidVerificationMethod])
  @Column({ name: 'verification_methods', type: 'jsonb', default: () => "'[]'" })
  verificationMethods: DidVerificationMethod[];


}
