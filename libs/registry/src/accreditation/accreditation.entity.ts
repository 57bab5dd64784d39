import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ACCREDITATION_TYPES, type AccreditationType, RecordEntity } from '#platform';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';

export const AccreditationTypeEnum = Object.fromEntries(ACCREDITATION_TYPES.map((t) => [t, t])) as {
  [K in AccreditationType]: K;
};
registerEnumType(AccreditationTypeEnum, { name: 'AccreditationType', description: 'ELM accreditation types' });

export const ACCREDITATION_DECISIONS = ['POSITIVE', 'POSITIVE_WITH_CONDITIONS', 'NEGATIVE'] as const;
export type AccreditationDecision = (typeof ACCREDITATION_DECISIONS)[number];
export const AccreditationDecisionEnum = Object.fromEntries(ACCREDITATION_DECISIONS.map((d) => [d, d])) as {
  [K in AccreditationDecision]: K;
};
registerEnumType(AccreditationDecisionEnum, { name: 'AccreditationDecision' });

/** A quality agency's decision about a provider (ELM Accreditation). Its status lives in its history. */
@Entity({ name: 'accreditations' })
@ObjectType('Accreditation')
@Index('accreditations_provider', ['accreditedOrganisationId'])
@Index('accreditations_agency', ['accreditingAgentId'])
@Index('accreditations_review', ['reviewDate'])
@Index('accreditations_elm_id', ['elmId'], { unique: true })
export class AccreditationEntity extends RecordEntity {
  @Field(() => ID)
  @Column({ name: 'accredited_organisation_id', type: 'uuid' })
  accreditedOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accredited_organisation_id' })
  accreditedOrganisationRelation?: Relation<OrganisationEntity>;

  @Field(() => ID)
  @Column({ name: 'accrediting_agent_id', type: 'uuid' })
  accreditingAgentId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accrediting_agent_id' })
  accreditingAgentRelation?: Relation<OrganisationEntity>;

  @Field(() => AccreditationTypeEnum)
  @Column({ type: 'text' })
  type: AccreditationType;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => AccreditationDecisionEnum)
  @Column({ type: 'text' })
  decision: AccreditationDecision;

  @Field({ description: 'The decision date.' })
  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Field()
  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'review_date', type: 'timestamptz', nullable: true })
  reviewDate: Date | null;

  @Field({ description: 'Exclusive: the accreditation no longer holds at this instant.' })
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ name: 'report_url', type: 'text', nullable: true })
  reportUrl: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'landing_page', type: 'text', nullable: true })
  landingPage: string | null;

  @Field(() => [Int], { description: 'EQF levels it covers; empty = all.' })
  @Column({ name: 'limit_eqf_levels', type: 'int', array: true, default: () => "'{}'" })
  limitEqfLevels: number[];

  @Field(() => [String], { description: 'ISCED-F codes it covers (a broad or narrow code covers its detailed codes); empty = all.' })
  @Column({ name: 'limit_fields', type: 'text', array: true, default: () => "'{}'" })
  limitFields: string[];

  @Field(() => [String], { description: 'Countries it covers; empty = all.' })
  @Column({ name: 'limit_jurisdictions', type: 'text', array: true, default: () => "'{}'" })
  limitJurisdictions: string[];

  @Field(() => [ID], { description: 'Learning opportunities it covers; empty = all.' })
  @Column({ name: 'limit_opportunities', type: 'uuid', array: true, default: () => "'{}'" })
  limitOpportunities: string[];

  @Field(() => ID, { nullable: true, description: 'The accreditation this one replaces.' })
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => AccreditationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedesRelation?: Relation<AccreditationEntity>;

  /** The ELM `@id` it was imported with (DESIGN §8.3), so that importing the document again updates it; null when typed in. */
  @Column({ name: 'elm_id', type: 'text', nullable: true })
  elmId: string | null;


}
