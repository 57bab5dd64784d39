import { registerEnumType } from '@nestjs/graphql';
import {
  ASSESSMENT_TYPES,
  LEARNING_ASSESSMENT_MODES,
  LEARNING_OPPORTUNITY_TYPES,
  LEARNING_SETTINGS,
  SUPERVISION_VERIFICATIONS,
} from '#platform';

/** A GraphQL enum object (`{ A: 'A', … }`) from a list of names. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const OPPORTUNITY_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const OpportunityStatusEnum = enumOf(OPPORTUNITY_STATUSES);
registerEnumType(OpportunityStatusEnum, {
  name: 'OpportunityStatus',
  description: 'DRAFT → PUBLISHED → ARCHIVED; only PUBLISHED opportunities are public and searchable.',
});

export const STACKABILITIES = ['STANDALONE', 'STACKABLE'] as const;
export type Stackability = (typeof STACKABILITIES)[number];
export const StackabilityEnum = enumOf(STACKABILITIES);
registerEnumType(StackabilityEnum, { name: 'Stackability' });

/** QF-EHEA cycles (Bologna): short, first (bachelor), second (master), third (doctorate). */
export const QF_EHEA_CYCLES = ['SHORT_CYCLE', 'FIRST_CYCLE', 'SECOND_CYCLE', 'THIRD_CYCLE'] as const;
export type QfEheaCycle = (typeof QF_EHEA_CYCLES)[number];
export const QfEheaCycleEnum = enumOf(QF_EHEA_CYCLES);
registerEnumType(QfEheaCycleEnum, { name: 'QfEheaCycle' });

export const LearningAssessmentModeEnum = enumOf(LEARNING_ASSESSMENT_MODES);
registerEnumType(LearningAssessmentModeEnum, { name: 'LearningAssessmentMode', description: 'ELM learning-assessment modes' });

export const LearningSettingEnum = enumOf(LEARNING_SETTINGS);
registerEnumType(LearningSettingEnum, { name: 'LearningSetting', description: 'ELM learning settings' });

export const LearningOpportunityTypeEnum = enumOf(LEARNING_OPPORTUNITY_TYPES);
registerEnumType(LearningOpportunityTypeEnum, { name: 'LearningOpportunityType', description: 'ELM learning-opportunity types' });

export const AssessmentTypeEnum = enumOf(ASSESSMENT_TYPES);
registerEnumType(AssessmentTypeEnum, { name: 'AssessmentType', description: 'ELM assessment types' });

export const SupervisionVerificationEnum = enumOf(SUPERVISION_VERIFICATIONS);
registerEnumType(SupervisionVerificationEnum, {
  name: 'SupervisionVerification',
  description: "The Council Recommendation's Annex I options for supervision and identity verification.",
});
