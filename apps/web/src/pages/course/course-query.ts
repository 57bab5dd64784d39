import { graphql } from '../../api/graphql';
import type { OpportunityDetail } from '../../api/types';

/** What the course and provider pages show of a provider: its decisions with their history, seals, DIDs. */
export const PROVIDER_FIELDS = `
      id legalName legalIdentifier country homepage accredited status statusHistory { status effectiveAt }
      accreditations {
        id title type decision issuedAt validFrom reviewDate expiresAt status inForce reportUrl landingPage
        limitEqfLevels limitFields limitJurisdictions
        accreditingAgent { legalName country recognitions { validFrom validUntil jurisdictions } }
        statusHistory { status effectiveAt recordedAt reason }
      }
      certificates { sha256 subjectDn notBefore notAfter qualifiedESeal status pem }
      dids { did status createdAt }
`;

export const COURSE = `query Course($id: ID!) {
  learningOpportunity(id: $id) {
    id title { lang text } description { lang text } learningOutcomes { text escoSkill }
    eqfLevel qfEheaCycle nqfLevel ectsCredits workloadHours iscedFCodes languages mode learningSetting type
    assessmentTypes supervisionVerification qualityAssurance prerequisites stackability stacksTowards gradingScheme
    free price { amount currency } fundingSchemes location { country city }
    startDate endDate applicationDeadline schedule landingPage
    annexI { complete missing }
    provider { ${PROVIDER_FIELDS} }
  }
}`;

export async function loadCourse(id: string, signal: AbortSignal): Promise<OpportunityDetail | null> {
  return (await graphql<{ learningOpportunity: OpportunityDetail | null }>(COURSE, { id }, signal)).learningOpportunity;
}

/** The text in `lang`, else English, else the first there is (as the api's search does). */
export function pick(texts: { lang: string; text: string }[], lang: string): { lang: string; text: string } | undefined {
  return texts.find((x) => x.lang === lang) ?? texts.find((x) => x.lang === 'en') ?? texts[0];
}
