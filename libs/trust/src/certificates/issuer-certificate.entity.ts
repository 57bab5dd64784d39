import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RecordEntity } from '#platform';
import { OrganisationEntity } from '#registry';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TrustAnchorEntity } from '../anchors/trust-anchor.entity.js';

/** Validity of one certificate of a chain. */
export interface StoredValidity {
  notBefore: string;
  notAfter: string;
}

/**
 * An X.509 certificate an organisation seals credentials with, as parsed at registration. The
 * chain to an anchor is verified then (signatures and CA constraints do not depend on the clock);
 * dates are judged when a question names a time.
 */
@Entity({ name: 'issuer_certificates' })
@ObjectType('IssuerCertificate')
@Index('issuer_certificates_organisation', ['organisationId'])
export class IssuerCertificateEntity extends RecordEntity {
  @Field(() => ID)
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Field()
  @Column({ type: 'text' })
  pem: string;

  @Field(() => String, { nullable: true, description: 'The intermediates given at registration, PEM.' })
  @Column({ name: 'intermediates_pem', type: 'text', nullable: true })
  intermediatesPem: string | null;

  @Field({ description: 'SHA-256 of the DER certificate, lower-case hex without colons.' })
  @Column({ type: 'text', unique: true })
  sha256: string;

  @Field()
  @Column({ name: 'subject_dn', type: 'text' })
  subjectDn: string;

  @Field()
  @Column({ name: 'issuer_dn', type: 'text' })
  issuerDn: string;

  @Field()
  @Column({ name: 'serial_number', type: 'text' })
  serialNumber: string;

  @Field()
  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore: Date;

  @Field()
  @Column({ name: 'not_after', type: 'timestamptz' })
  notAfter: Date;

  @Field(() => String, { nullable: true, description: 'The subject organizationIdentifier (OID 2.5.4.97).' })
  @Column({ name: 'organization_identifier', type: 'text', nullable: true })
  organizationIdentifier: string | null;

  @Field()
  @Column({ name: 'key_usage_allows_signing', type: 'boolean' })
  keyUsageAllowsSigning: boolean;

  @Field({ description: 'Carries the QcStatements of a qualified electronic seal.' })
  @Column({ name: 'qualified_e_seal', type: 'boolean' })
  qualifiedESeal: boolean;

  @Field(() => ID, { nullable: true, description: 'The trust anchor its chain verified to at registration.' })
  @Column({ name: 'anchor_id', type: 'uuid', nullable: true })
  anchorId: string | null;

  @ManyToOne(() => TrustAnchorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'anchor_id' })
  anchor?: Relation<TrustAnchorEntity>;

  /** Validity of every certificate above the leaf, anchor included, for judging the chain at a time. */
  @Column({ name: 'chain_validity', type: 'jsonb', default: () => "'[]'" })
  chainValidity: StoredValidity[];


}
