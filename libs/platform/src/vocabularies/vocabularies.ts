import { isCountryCode } from './countries.js';
import ELM_VOCABULARIES, { type ElmVocabularyName } from './elm-vocabularies.data.js';

/**
 * The API speaks GraphQL-style enum names; ELM speaks concept IRIs. The names below are ours, the
 * IRIs are looked up in the ELM data by the concept's exact label, so that a renamed or dropped
 * concept fails loudly when this module loads instead of producing a wrong IRI.
 */
function irisByLabel<N extends string | number>(vocabulary: ElmVocabularyName, labels: Record<N, string>): Record<N, string> {
  const concepts: readonly { id: string; label: string }[] = ELM_VOCABULARIES[vocabulary].concepts;
  const iris = {} as Record<N, string>;
  for (const name of Object.keys(labels) as N[]) {
    const concept = concepts.find((c) => c.label === labels[name]);
    if (!concept) throw new Error(`ELM vocabulary ${vocabulary} has no concept labelled "${labels[name]}"`);
    iris[name] = concept.id;
  }
  return iris;
}

// ---------------------------------------------------------------------------------------------
// EQF

const EQF_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
type EqfLevel = (typeof EQF_LEVELS)[number];

export function isEqfLevel(n: number): n is EqfLevel {
  return Number.isInteger(n) && n >= 1 && n <= 8;
}

export const EQF_LEVEL_IRIS: Readonly<Record<EqfLevel, string>> = irisByLabel<EqfLevel>('eqf', {
  1: 'Level 1',
  2: 'Level 2',
  3: 'Level 3',
  4: 'Level 4',
  5: 'Level 5',
  6: 'Level 6',
  7: 'Level 7',
  8: 'Level 8',
});

// ---------------------------------------------------------------------------------------------
// ISCED-F 2013

/** Code → label. The code is the last path segment of the concept IRI (`.../isced-f/0613`). */
const ISCED_F: ReadonlyMap<string, string> = new Map(
  ELM_VOCABULARIES.iscedF.concepts.map((c) => [c.id.slice(c.id.lastIndexOf('/') + 1), c.label]),
);

export function isIscedFCode(code: string): boolean {
  return typeof code === 'string' && ISCED_F.has(code);
}

export function iscedFLabel(code: string): string | undefined {
  return isIscedFCode(code) ? ISCED_F.get(code) : undefined;
}

/** The broad field a valid code belongs to, e.g. `06` for `0613`. */
export function iscedFBroad(code: string): string | undefined {
  return isIscedFCode(code) ? code.slice(0, 2) : undefined;
}

/*
 * ISCED-F prefix matching, written once: broad (2 digits) ⊃ narrow (3) ⊃ detailed (4), each code
 * of ELM's list beneath the codes its prefixes name. It is vocabulary knowledge, not a domain rule,
 * so it lives here where every library may use it: the trust evaluation's field scope
 * (iscedFCovers) and the search documents' prefix filters and facets (iscedFPrefixes, iscedFBroad)
 * ask the same question. A code outside ELM's list covers and is covered by nothing.
 */

/**
 * Whether an accreditation limited to field `limit` covers field `code`: a code covers itself and
 * every finer code under it, never a broader one (`06` covers `0613`; `0613` does not cover `06`).
 */
export function iscedFCovers(limit: string, code: string): boolean {
  return isIscedFCode(limit) && isIscedFCode(code) && code.startsWith(limit);
}

/** Every code that covers `code`, broadest first, itself included: `0613` → `06`, `061`, `0613`. */
export function iscedFPrefixes(code: string): string[] {
  if (!isIscedFCode(code)) return [];
  const prefixes: string[] = [];
  for (let length = 2; length <= code.length; length++) if (iscedFCovers(code.slice(0, length), code)) prefixes.push(code.slice(0, length));
  return prefixes;
}

// ---------------------------------------------------------------------------------------------
// ELM enumerations

export const LEARNING_ASSESSMENT_MODES = [
  'ONLINE',
  'PRESENTIAL',
  'BLENDED',
  'WORK_BASED',
  'PROJECT_BASED',
  'RESEARCH_LAB',
] as const;
export type LearningAssessmentMode = (typeof LEARNING_ASSESSMENT_MODES)[number];
export const LEARNING_ASSESSMENT_MODE_IRIS: Readonly<Record<LearningAssessmentMode, string>> = irisByLabel(
  'learningAssessmentMode',
  {
    ONLINE: 'Online',
    PRESENTIAL: 'Presential',
    BLENDED: 'Blended',
    WORK_BASED: 'Workbased',
    PROJECT_BASED: 'Project based',
    RESEARCH_LAB: 'Research-Lab based',
  },
);

export const LEARNING_SETTINGS = ['FORMAL', 'NON_FORMAL'] as const;
export type LearningSetting = (typeof LEARNING_SETTINGS)[number];
export const LEARNING_SETTING_IRIS: Readonly<Record<LearningSetting, string>> = irisByLabel('learningSetting', {
  FORMAL: 'formal learning',
  NON_FORMAL: 'non-formal learning',
});

export const ACCREDITATION_TYPES = [
  'INSTITUTIONAL_LICENCE',
  'INSTITUTIONAL_QA',
  'PROGRAMME_LICENCE',
  'PROGRAMME_QA',
] as const;
export type AccreditationType = (typeof ACCREDITATION_TYPES)[number];
// ELM's labels use US spelling ("License", "Program"); our names follow the design's British English.
export const ACCREDITATION_TYPE_IRIS: Readonly<Record<AccreditationType, string>> = irisByLabel('accreditationType', {
  INSTITUTIONAL_LICENCE: 'Institutional License',
  INSTITUTIONAL_QA: 'Institutional Quality Assurance',
  PROGRAMME_LICENCE: 'Program License',
  PROGRAMME_QA: 'Program Quality Assurance',
});

export const LEARNING_OPPORTUNITY_TYPES = [
  'APPRENTICESHIP',
  'CLASS',
  'COURSE',
  'EDUCATIONAL_PROGRAMME',
  'INTERNSHIP',
  'MENTORING',
  'MOOC',
  'PROGRAMME_MODULE',
  'SERVICE_LEARNING',
  'SHORT_LEARNING_PROGRAMME',
  'STUDY_VISIT',
  'THESIS',
] as const;
export type LearningOpportunityType = (typeof LEARNING_OPPORTUNITY_TYPES)[number];
export const LEARNING_OPPORTUNITY_TYPE_IRIS: Readonly<Record<LearningOpportunityType, string>> = irisByLabel(
  'learningOpportunityType',
  {
    APPRENTICESHIP: 'Apprenticeship',
    CLASS: 'Class',
    COURSE: 'Course',
    EDUCATIONAL_PROGRAMME: 'Educational programme',
    INTERNSHIP: 'Internship',
    MENTORING: 'Mentoring',
    MOOC: 'MOOC',
    PROGRAMME_MODULE: 'Programme module',
    SERVICE_LEARNING: 'Service learning',
    SHORT_LEARNING_PROGRAMME: 'Short learning programme',
    STUDY_VISIT: 'Study visit',
    THESIS: 'Thesis',
  },
);

export const ASSESSMENT_TYPES = [
  'ARTEFACT_ASSESSMENT',
  'CONTINUOUS_EVALUATION',
  'GROUP_PERFORMANCE',
  'LEVEL_OF_ATTENDANCE',
  'MARKED_ASSIGNMENT',
  'ORAL_EXAMINATION',
  'PEER_ASSESSMENT',
  'PEER_REVIEW',
  'PORTFOLIO',
  'PRACTICAL_ASSESSMENT',
  'PROBLEM_BASED_LEARNING',
  'PROJECT_WORK',
  'QUIZ',
  'WRITTEN_EXAMINATION',
] as const;
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];
export const ASSESSMENT_TYPE_IRIS: Readonly<Record<AssessmentType, string>> = irisByLabel('assessmentType', {
  ARTEFACT_ASSESSMENT: 'artefact assessment',
  CONTINUOUS_EVALUATION: 'continuous evaluation',
  GROUP_PERFORMANCE: 'group performance',
  LEVEL_OF_ATTENDANCE: 'level of attendance',
  MARKED_ASSIGNMENT: 'marked assignment',
  ORAL_EXAMINATION: 'oral examination',
  PEER_ASSESSMENT: 'peer assessment',
  PEER_REVIEW: 'peer review',
  PORTFOLIO: 'portfolio',
  PRACTICAL_ASSESSMENT: 'practical assessment',
  PROBLEM_BASED_LEARNING: 'problem based learning',
  PROJECT_WORK: 'project work',
  QUIZ: 'quiz',
  WRITTEN_EXAMINATION: 'written examination',
});

/** The four supervision and identity-verification options of the Council Recommendation's Annex I. */
export const SUPERVISION_VERIFICATIONS = [
  'UNSUPERVISED_NO_ID_VERIFICATION',
  'SUPERVISED_NO_ID_VERIFICATION',
  'SUPERVISED_ONLINE_WITH_ID_VERIFICATION',
  'ONSITE_WITH_ID_VERIFICATION',
] as const;
export type SupervisionVerification = (typeof SUPERVISION_VERIFICATIONS)[number];

// ---------------------------------------------------------------------------------------------
// eIDAS legal identifiers (ETSI EN 319 412-1 §5.1.4 organizationIdentifier)

const LEGAL_IDENTIFIER_SCHEMES = ['VAT', 'NTR', 'PSD', 'LEI'] as const;
type LegalIdentifierScheme = (typeof LEGAL_IDENTIFIER_SCHEMES)[number];

const LEGAL_IDENTIFIER = /^(VAT|NTR|PSD|LEI)([A-Z]{2})-([A-Za-z0-9./+-]{1,64})$/;
const LEGAL_IDENTIFIER_FORMAT =
  'must look like VATES-A00000000: scheme VAT, NTR, PSD or LEI, a country code, "-" and the identifier';

/**
 * Beyond ISO 3166-1: EU VAT numbers use EL for Greece and XI for Northern Ireland, and an LEI,
 * being global, may use XG. Neither of the VAT prefixes names a business register, so NTR and
 * PSD take plain ISO codes only.
 */
function countryProblem(scheme: LegalIdentifierScheme, country: string): string | undefined {
  if (isCountryCode(country)) return undefined;
  if (scheme === 'VAT' && (country === 'EL' || country === 'XI')) return undefined;
  if (scheme === 'LEI' && country === 'XG') return undefined;
  return `must name a country by its ISO 3166-1 alpha-2 code; "${country}" is not one`;
}

/** Why `value` is not a legal identifier, or undefined when it is one. */
export function legalIdentifierProblem(value: string): string | undefined {
  const match = typeof value === 'string' ? LEGAL_IDENTIFIER.exec(value) : null;
  if (!match) return LEGAL_IDENTIFIER_FORMAT;
  return countryProblem(match[1] as LegalIdentifierScheme, match[2]);
}
