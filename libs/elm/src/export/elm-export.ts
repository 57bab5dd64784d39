import type { LearningOpportunityEntity } from '#catalogue';
import type { AccreditationEntity, OrganisationEntity } from '#registry';
import { EDC_AP_CONTEXT_URL } from '../jsonld/contexts.data.js';
import {
  accreditationTypeConcept,
  assessmentTypeConcept,
  concept,
  countryConcept,
  currencyConcept,
  ectsConcept,
  eqfConcept,
  ESCO_SKILL_PREFIX,
  ESCO_SKILL_SCHEME,
  iscedFConcept,
  jurisdictionConcept,
  languageConcept,
  learningSettingConcept,
  modeConcept,
  NQF_CONCEPT_PREFIX,
  NQF_SCHEME,
  opportunityTypeConcept,
} from '../jsonld/elm-terms.js';

/**
 * ELM v3 JSON-LD for what Tessera holds (DESIGN §8.3), shaped for the Commission's AMS and LOQ
 * SHACL profiles. Pure functions of the records; every node that names a concept carries the
 * concept's type and scheme, because the shapes check `sh:class skos:Concept` against the document
 * itself. docs/elm.md lists what maps where and what has no place in ELM.
 */

type Node = Record<string, unknown>;

/** Our records' ELM ids: stable, independent of the host that serves them, and recognised on import. */
export function elmIdOf(uuid: string): string {
  return `urn:uuid:${uuid}`;
}

/** The uuid in one of our own ELM ids, so that importing an export updates the record it came from. */
export function uuidOfElmId(elmId: string): string | undefined {
  return /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(elmId)?.[1].toLowerCase();
}

/** A text our records keep without a language (accreditation titles, outcomes): it is given the document's language. */
function text(value: string, lang: string): Record<string, string> {
  return { [lang]: value };
}

function webResource(url: string): Node {
  return { '@type': 'WebResource', contentURL: url };
}

function note(value: string, lang = 'en'): Node {
  return { '@type': 'Note', noteLiteral: text(value, lang) };
}

const DECISION_NOTE = 'Decision: ';
/** ELM's decision vocabulary is not among the shared vocabularies, so the decision travels as a note (read back on import). */
export function decisionNoteText(decision: AccreditationEntity['decision']): string {
  return `${DECISION_NOTE}${decision}`;
}
export function decisionFromNote(value: string): AccreditationEntity['decision'] | undefined {
  const match = /^Decision: (POSITIVE|POSITIVE_WITH_CONDITIONS|NEGATIVE)$/.exec(value.trim());
  return match?.[1] as AccreditationEntity['decision'] | undefined;
}

export function organisationNode(organisation: OrganisationEntity): Node {
  const vat = organisation.otherIdentifiers.filter((i) => i.scheme === 'VAT');
  const others = organisation.otherIdentifiers.filter((i) => i.scheme !== 'VAT');
  const alternative = organisation.alternativeNames.filter((name) => name !== organisation.legalName);
  return {
    '@id': elmIdOf(organisation.id),
    '@type': 'Organisation',
    legalName: text(organisation.legalName, 'en'),
    ...(alternative.length > 0 ? { altLabel: { en: alternative } } : {}),
    eIDASIdentifier: { '@type': 'LegalIdentifier', notation: organisation.legalIdentifier, spatial: countryConcept(organisation.country) },
    ...(vat.length > 0 ? { vatIdentifier: vat.map((i) => ({ '@type': 'LegalIdentifier', notation: i.value, spatial: countryConcept(organisation.country) })) } : {}),
    ...(others.length > 0 ? { identifier: others.map((i) => ({ '@type': 'Identifier', notation: i.value, schemeName: i.scheme })) } : {}),
    ...(organisation.homepage ? { homepage: webResource(organisation.homepage) } : {}),
    location: { '@type': 'Location', address: { '@type': 'Address', countryCode: countryConcept(organisation.country) } },
  };
}

/** `/elm/v3/organisations/{id}`. */
export function organisationDocument(organisation: OrganisationEntity): Node {
  return { '@context': EDC_AP_CONTEXT_URL, ...organisationNode(organisation) };
}

/**
 * `/elm/v3/accreditations/{id}` (AMS profile). The status history, `supersedes` and
 * `limitOpportunities` have no place in the AMS profile (its shape is closed) and are left out.
 */
export function accreditationDocument(accreditation: AccreditationEntity, provider: OrganisationEntity, agency: OrganisationEntity): Node {
  return {
    '@context': EDC_AP_CONTEXT_URL,
    '@id': elmIdOf(accreditation.id),
    '@type': 'Accreditation',
    dcType: accreditationTypeConcept(accreditation.type),
    title: text(accreditation.title, 'en'),
    organisation: organisationNode(provider),
    accreditingAgent: organisationNode(agency),
    dateIssued: accreditation.issuedAt.toISOString(),
    valid: accreditation.validFrom.toISOString(),
    ...(accreditation.reviewDate ? { reviewDate: accreditation.reviewDate.toISOString() } : {}),
    expiryDate: accreditation.expiresAt.toISOString(),
    ...(accreditation.reportUrl ? { report: webResource(accreditation.reportUrl) } : {}),
    ...(accreditation.landingPage ? { landingPage: webResource(accreditation.landingPage) } : {}),
    ...(accreditation.limitEqfLevels.length > 0 ? { limitEQFLevel: accreditation.limitEqfLevels.map(eqfConcept) } : {}),
    ...(accreditation.limitFields.length > 0 ? { limitField: accreditation.limitFields.map(iscedFConcept) } : {}),
    ...(accreditation.limitJurisdictions.length > 0 ? { limitJurisdiction: accreditation.limitJurisdictions.map(jurisdictionConcept) } : {}),
    additionalNote: note(decisionNoteText(accreditation.decision)),
  };
}

/**
 * The NQF rule (docs/elm.md): our `nqfLevel` is free text; only a Europass QDR NQF concept IRI
 * can stand as ELM's `NQFLevel`. The LOQ profile's Qualification needs an EQF level, an NQF
 * concept, a field and learning outcomes; an opportunity that has them all is specified by a
 * Qualification, any other by a LearningAchievementSpecification (its EQF level, if any, as
 * `educationLevel`), so that an export always conforms and never carries an invented concept.
 */
export function isNqfConceptIri(value: string | null): value is string {
  return typeof value === 'string' && value.startsWith(NQF_CONCEPT_PREFIX) && /^https?:\/\/\S+$/.test(value);
}

export function specifiedAsQualification(opportunity: LearningOpportunityEntity): boolean {
  return (
    opportunity.eqfLevel !== null &&
    isNqfConceptIri(opportunity.nqfLevel) &&
    opportunity.iscedFCodes.length > 0 &&
    opportunity.learningOutcomes.some((o) => o.text.trim() !== '')
  );
}

/** The language an opportunity is described in first: its first language of instruction, else its title's. */
function defaultLanguageOf(opportunity: LearningOpportunityEntity): string {
  return opportunity.languages[0] ?? Object.keys(opportunity.title).sort()[0] ?? 'en';
}

function specificationNode(opportunity: LearningOpportunityEntity, id: string): Node {
  const lang = defaultLanguageOf(opportunity);
  const qualification = specifiedAsQualification(opportunity);
  const outcomes = opportunity.learningOutcomes.filter((o) => o.text.trim() !== '');
  const notes = [
    opportunity.qualityAssurance ? note(`Quality assurance: ${opportunity.qualityAssurance}`, lang) : null,
    opportunity.gradingScheme ? note(`Grading: ${opportunity.gradingScheme}`, lang) : null,
    opportunity.stackability ? note(`Stackability: ${opportunity.stackability}${opportunity.stacksTowards ? ` towards ${opportunity.stacksTowards}` : ''}`, lang) : null,
    opportunity.supervisionVerification ? note(`Supervision and identity verification: ${opportunity.supervisionVerification}`, lang) : null,
  ].filter((n): n is Node => n !== null);
  return {
    '@id': `${id}#specification`,
    '@type': qualification ? 'Qualification' : 'LearningAchievementSpecification',
    title: opportunity.title,
    ...(Object.keys(opportunity.description).length > 0 ? { description: opportunity.description } : {}),
    ...(qualification
      ? { eqfLevel: eqfConcept(opportunity.eqfLevel!), nqfLevel: concept(opportunity.nqfLevel!, NQF_SCHEME) }
      : opportunity.eqfLevel !== null
        ? { educationLevel: eqfConcept(opportunity.eqfLevel) }
        : {}),
    ...(opportunity.iscedFCodes.length > 0 ? { thematicArea: opportunity.iscedFCodes.map(iscedFConcept) } : {}),
    ...(opportunity.languages.length > 0 ? { language: opportunity.languages.map(languageConcept) } : {}),
    ...(opportunity.mode ? { mode: modeConcept(opportunity.mode) } : {}),
    ...(opportunity.learningSetting ? { learningSetting: learningSettingConcept(opportunity.learningSetting) } : {}),
    ...(outcomes.length > 0
      ? {
          learningOutcome: outcomes.map((o) => ({
            '@type': 'LearningOutcome',
            title: text(o.text, lang),
            ...(o.escoSkill ? { relatedESCOSkill: concept(o.escoSkill, o.escoSkill.startsWith(ESCO_SKILL_PREFIX) ? ESCO_SKILL_SCHEME : o.escoSkill) } : {}),
          })),
        }
      : {}),
    ...(opportunity.ectsCredits !== null ? { creditPoint: { '@type': 'CreditPoint', framework: ectsConcept(), point: String(opportunity.ectsCredits) } } : {}),
    ...(opportunity.workloadHours !== null ? { volumeOfLearning: `PT${opportunity.workloadHours}H` } : {}),
    ...(opportunity.prerequisites ? { entryRequirement: note(opportunity.prerequisites, lang) } : {}),
    ...(opportunity.assessmentTypes.length > 0
      ? {
          provenBy: opportunity.assessmentTypes.map((type) => ({
            '@type': 'LearningAssessmentSpecification',
            title: text(type.toLowerCase().replaceAll('_', ' '), 'en'),
            dcType: assessmentTypeConcept(type),
          })),
        }
      : {}),
    ...(notes.length > 0 ? { additionalNote: notes } : {}),
  };
}

/**
 * `/elm/v3/learning-opportunities/{id}` (LOQ profile): the opportunity with its provider and its
 * specification. The profile requires a homepage; without a landing page of its own, the
 * opportunity's homepage is this document's own address (`selfUrl`).
 */
export function opportunityDocument(opportunity: LearningOpportunityEntity, provider: OrganisationEntity, selfUrl: string): Node {
  const id = elmIdOf(opportunity.id);
  const lang = defaultLanguageOf(opportunity);
  const hasDates = opportunity.startDate !== null || opportunity.endDate !== null;
  return {
    '@context': EDC_AP_CONTEXT_URL,
    '@id': id,
    '@type': 'LearningOpportunity',
    title: opportunity.title,
    ...(Object.keys(opportunity.description).length > 0 ? { description: opportunity.description } : {}),
    ...(opportunity.type ? { dcType: opportunityTypeConcept(opportunity.type) } : {}),
    homepage: webResource(opportunity.landingPage ?? selfUrl),
    'elm:defaultLanguage': languageConcept(lang),
    ...(opportunity.mode ? { mode: modeConcept(opportunity.mode) } : {}),
    ...(hasDates
      ? {
          temporal: {
            '@type': 'PeriodOfTime',
            ...(opportunity.startDate ? { startDate: opportunity.startDate.toISOString() } : {}),
            ...(opportunity.endDate ? { endDate: opportunity.endDate.toISOString() } : {}),
          },
        }
      : {}),
    ...(opportunity.applicationDeadline ? { applicationDeadline: opportunity.applicationDeadline.toISOString() } : {}),
    ...(opportunity.schedule ? { scheduleInformation: note(opportunity.schedule, lang) } : {}),
    ...(opportunity.price || opportunity.free
      ? {
          priceDetail: {
            '@type': 'PriceDetail',
            ...(opportunity.price
              ? { amount: { '@type': 'Amount', 'rdf:value': { '@value': opportunity.price.amount.toFixed(2), '@type': 'xsd:decimal' }, unit: currencyConcept(opportunity.price.currency) } }
              : { prefLabel: { en: 'free' } }),
          },
        }
      : {}),
    providedBy: organisationNode(provider),
    ...(opportunity.location
      ? {
          location: {
            '@type': 'Location',
            ...(opportunity.location.city ? { geographicName: text(opportunity.location.city, lang) } : {}),
            // No geometry: the context binds clv: without its trailing slash, so latitude and longitude would expand to junk IRIs.
            address: { '@type': 'Address', countryCode: countryConcept(opportunity.location.country) },
          },
        }
      : {}),
    learningAchievementSpecification: specificationNode(opportunity, id),
  };
}
