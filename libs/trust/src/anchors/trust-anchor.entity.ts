import { Field, ObjectType } from '@nestjs/graphql';
import { RecordEntity } from '#platform';
import { Column, Entity } from 'typeorm';

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


}
