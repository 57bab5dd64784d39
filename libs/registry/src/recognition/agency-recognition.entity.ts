import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RecordEntity } from '#platform';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';

/**
 * The operator's statement that a quality agency's decisions count, for a period and optionally
 * only in some jurisdictions: the root of the trust chain (operator → agencies → providers → keys).
 */
@Entity({ name: 'agency_recognitions' })
@ObjectType('AgencyRecognition')
@Index('agency_recognitions_agency', ['agencyId'])
export class AgencyRecognitionEntity extends RecordEntity {
  @Field(() => ID)
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<OrganisationEntity>;

  @Field()
  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive; none = until further notice.' })
  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true })
  validUntil: Date | null;

  @Field({ description: 'Why the agency is recognised, e.g. "EQAR-registered" or a national act.' })
  @Column({ type: 'text' })
  basis: string;

  @Field(() => [String], { description: 'Countries where its decisions count; empty = anywhere.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  jurisdictions: string[];


}
