import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RecordEntity } from '#platform';
import { Column, Entity } from 'typeorm';

export const TRUST_ANCHOR_SOURCES = ['OPERATOR', 'TRUSTED_LIST'] as const;
export type TrustAnchorSource = (typeof TRUST_ANCHOR_SOURCES)[number];
export const TrustAnchorSourceEnum = { OPERATOR: 'OPERATOR', TRUSTED_LIST: 'TRUSTED_LIST' } as const;
registerEnumType(TrustAnchorSourceEnum, {
  name: 'TrustAnchorSource',
  description: 'OPERATOR: added with addTrustAnchor. TRUSTED_LIST: a CA/QC service for eSeals of an imported ETSI trusted list.',
});

/** A CA certificate the operator trusts for issuer seals, as a trusted list lists a qualified CA for eSeals. */
@Entity({ name: 'trust_anchors' })
@ObjectType('TrustAnchor')
export class TrustAnchorEntity extends RecordEntity {
  @Field({ description: 'The CA certificate, PEM.' })
  @Column({ type: 'text' })
  pem: string;

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
  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore: Date;

  @Field()
  @Column({ name: 'not_after', type: 'timestamptz' })
  notAfter: Date;

  @Field(() => TrustAnchorSourceEnum)
  @Column({ type: 'text', default: 'OPERATOR' })
  source: TrustAnchorSource;

  @Field(() => String, { nullable: true, description: 'TRUSTED_LIST: the SchemeTerritory of the list that lists it.' })
  @Column({ type: 'text', nullable: true })
  territory: string | null;

  @Field(() => String, { nullable: true, description: 'TRUSTED_LIST: the name of the service (or services, joined by " / ") that lists it.' })
  @Column({ name: 'service_name', type: 'text', nullable: true })
  serviceName: string | null;
}
