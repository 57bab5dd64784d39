import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  AssessmentType,
  LearningAssessmentMode,
  LearningOpportunityType,
  LearningSetting,
  SupervisionVerification,
} from '#platform';
import { RecordEntity } from '#platform';
import { OrganisationEntity } from '#registry';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import {
  AssessmentTypeEnum,
  LearningAssessmentModeEnum,
  LearningOpportunityTypeEnum,
  LearningSettingEnum,
  type OpportunityStatus,
  OpportunityStatusEnum,
  type QfEheaCycle,
  QfEheaCycleEnum,
  type Stackability,
  StackabilityEnum,
  SupervisionVerificationEnum,
} from './opportunity.enums.js';

/** Text in several languages: ISO 639-1 code → text. */
export type LocalizedTexts = Record<string, string>;

@ObjectType('LocalizedText')
export class LocalizedText {
  @Field({ description: 'ISO 639-1' })
  lang: string;
  @Field()
  text: string;
}

@ObjectType('LearningOutcome')
export class LearningOutcome {
  @Field()
  text: string;
  @Field(() => String, { nullable: true, description: 'The ESCO skill or competence it corresponds to (IRI).' })
  escoSkill: string | null;
}

@ObjectType('Price')
export class Price {
  @Field(() => Float)
  amount: number;
  @Field({ description: 'ISO 4217, e.g. "EUR"' })
  currency: string;
}

@ObjectType('Location')
export class Location {
  @Field({ description: 'ISO 3166-1 alpha-2' })
  country: string;
  @Field(() => String, { nullable: true })
  city: string | null;
  @Field(() => Float, { nullable: true })
  lat: number | null;
  @Field(() => Float, { nullable: true })
  lng: number | null;
}

/** PostgreSQL returns numeric as text, so that no precision is lost on the way; ours fit a double. */
const decimal = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A learning opportunity of a provider (ELM LearningOpportunity with its specification,
 * flattened for the catalogue; DESIGN §2). `title` and `description` are exposed as lists by the
 * resolver; `annexI` is derived there, never stored.
 */
@Entity({ name: 'learning_opportunities' })
@ObjectType('LearningOpportunity')
@Index('learning_opportunities_provider', ['providerId', 'status'])
@Index('learning_opportunities_elm_id', ['elmId'], { unique: true })
export class LearningOpportunityEntity extends RecordEntity {
  @Field(() => ID)
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  providerRelation?: Relation<OrganisationEntity>;

  @Field(() => OpportunityStatusEnum)
  @Column({ type: 'text' })
  status: OpportunityStatus;

  @Column({ type: 'jsonb' })
  title: LocalizedTexts;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  description: LocalizedTexts;

  @Field(() => [LearningOutcome])
  @Column({ name: 'learning_outcomes', type: 'jsonb', default: () => "'[]'" })
  learningOutcomes: LearningOutcome[];

  @Field(() => Int, { nullable: true, description: 'EQF level 1–8' })
  @Column({ name: 'eqf_level', type: 'int', nullable: true })
  eqfLevel: number | null;

  @Field(() => QfEheaCycleEnum, { nullable: true })
  @Column({ name: 'qf_ehea_cycle', type: 'text', nullable: true })
  qfEheaCycle: QfEheaCycle | null;

  @Field(() => String, { nullable: true, description: 'The level in the national qualifications framework, as it names it.' })
  @Column({ name: 'nqf_level', type: 'text', nullable: true })
  nqfLevel: string | null;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'ects_credits', type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: decimal })
  ectsCredits: number | null;

  @Field(() => Int, { nullable: true, description: 'Notional workload in hours.' })
  @Column({ name: 'workload_hours', type: 'int', nullable: true })
  workloadHours: number | null;

  @Field(() => [String], { description: 'ISCED-F 2013 field codes' })
  @Column({ name: 'isced_f_codes', type: 'text', array: true, default: () => "'{}'" })
  iscedFCodes: string[];

  @Field(() => [String], { description: 'ISO 639-1 languages of instruction' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Field(() => LearningAssessmentModeEnum, { nullable: true, description: 'Form of participation' })
  @Column({ type: 'text', nullable: true })
  mode: LearningAssessmentMode | null;

  @Field(() => LearningSettingEnum, { nullable: true })
  @Column({ name: 'learning_setting', type: 'text', nullable: true })
  learningSetting: LearningSetting | null;

  @Field(() => LearningOpportunityTypeEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  type: LearningOpportunityType | null;

  @Field(() => [AssessmentTypeEnum])
  @Column({ name: 'assessment_types', type: 'text', array: true, default: () => "'{}'" })
  assessmentTypes: AssessmentType[];

  @Field(() => SupervisionVerificationEnum, { nullable: true })
  @Column({ name: 'supervision_verification', type: 'text', nullable: true })
  supervisionVerification: SupervisionVerification | null;

  @Field(() => String, { nullable: true, description: 'The type of quality assurance that underpins it.' })
  @Column({ name: 'quality_assurance', type: 'text', nullable: true })
  qualityAssurance: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  prerequisites: string | null;

  @Field(() => StackabilityEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  stackability: Stackability | null;

  @Field(() => String, { nullable: true, description: 'The credential it stacks towards.' })
  @Column({ name: 'stacks_towards', type: 'text', nullable: true })
  stacksTowards: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'grading_scheme', type: 'text', nullable: true })
  gradingScheme: string | null;

  @Field(() => Price, { nullable: true, description: 'None when free or not stated.' })
  @Column({ type: 'jsonb', nullable: true })
  price: Price | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  free: boolean;

  @Field(() => [String], { description: 'e.g. "voucher-eligible"' })
  @Column({ name: 'funding_schemes', type: 'text', array: true, default: () => "'{}'" })
  fundingSchemes: string[];

  @Field(() => Location, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  location: Location | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'start_date', type: 'timestamptz', nullable: true })
  startDate: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'end_date', type: 'timestamptz', nullable: true })
  endDate: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'application_deadline', type: 'timestamptz', nullable: true })
  applicationDeadline: Date | null;

  @Field(() => String, { nullable: true, description: 'e.g. "Tuesdays 18:00–20:00 CET"' })
  @Column({ type: 'text', nullable: true })
  schedule: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'landing_page', type: 'text', nullable: true })
  landingPage: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  /** The ELM `@id` it was imported with (DESIGN §8.3), so that importing the document again updates it; null when typed in. */
  @Column({ name: 'elm_id', type: 'text', nullable: true })
  elmId: string | null;


}
