import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OFFER_ANNEX_I_ELEMENTS, type OfferAnnexIElement } from '#platform';
import type { LearningOpportunityEntity } from './opportunity.entity.js';

/** The mandatory elements of Annex I a catalogue entry can carry (the list is #platform's, in the Annex's order). */
export const ANNEX_I_ELEMENTS = OFFER_ANNEX_I_ELEMENTS;
export type AnnexIElement = OfferAnnexIElement;
export const AnnexIElementEnum = Object.fromEntries(ANNEX_I_ELEMENTS.map((e) => [e, e])) as { [K in AnnexIElement]: K };
registerEnumType(AnnexIElementEnum, {
  name: 'AnnexIElement',
  description: "A mandatory element of the Council Recommendation's Annex I that a catalogue entry carries.",
});

@ObjectType('AnnexICompliance', { description: 'Derived from the opportunity and its provider; never set by hand.' })
export class AnnexICompliance {
  @Field()
  complete: boolean;
  @Field(() => [AnnexIElementEnum])
  missing: AnnexIElement[];
}

type AnnexIFacts = Pick<
  LearningOpportunityEntity,
  'title' | 'learningOutcomes' | 'ectsCredits' | 'workloadHours' | 'eqfLevel' | 'qfEheaCycle' | 'assessmentTypes' | 'mode' | 'qualityAssurance'
>;

/** Which mandatory elements the opportunity (with its provider, the awarding body) carries. */
export function annexICompliance(opportunity: AnnexIFacts, provider: { legalName: string; country: string } | null): AnnexICompliance {
  const present: Record<AnnexIElement, boolean> = {
    TITLE: Object.values(opportunity.title ?? {}).some(hasText),
    AWARDING_BODY: hasText(provider?.legalName),
    ISSUER_COUNTRY: hasText(provider?.country),
    LEARNING_OUTCOMES: opportunity.learningOutcomes.some((outcome) => hasText(outcome.text)),
    // "Notional workload needed to achieve the learning outcomes (in ECTS, wherever possible)".
    WORKLOAD: opportunity.ectsCredits !== null || opportunity.workloadHours !== null,
    // "Level (and cycle, if applicable)": an EQF level or a QF-EHEA cycle.
    LEVEL: opportunity.eqfLevel !== null || opportunity.qfEheaCycle !== null,
    ASSESSMENT_TYPE: opportunity.assessmentTypes.length > 0,
    FORM_OF_PARTICIPATION: opportunity.mode !== null,
    QUALITY_ASSURANCE: hasText(opportunity.qualityAssurance),
  };
  const missing = ANNEX_I_ELEMENTS.filter((element) => !present[element]);
  return { complete: missing.length === 0, missing };
}

function hasText(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
