import countries from 'i18n-iso-countries';
import languages from '@cospired/i18n-iso-languages';
import {
  ACCREDITATION_TYPE_IRIS,
  ASSESSMENT_TYPE_IRIS,
  ELM_VOCABULARIES,
  type ElmVocabularyName,
  EQF_LEVEL_IRIS,
  iscedFLabel,
  isCountryCode,
  isIscedFCode,
  isLanguageCode,
  LEARNING_ASSESSMENT_MODE_IRIS,
  LEARNING_OPPORTUNITY_TYPE_IRIS,
  LEARNING_SETTING_IRIS,
} from '#platform';

/** The official ELM namespace, as the Commission's shapes and context use it. */
export const ELM = 'http://data.europa.eu/snb/model/elm/';
/**
 * The Qualification Dataset Register's exports bind the prefix `elm:` to the model's root
 * (`http://data.europa.eu/snb/model/`) instead: `elm:Accreditation` there is
 * `http://data.europa.eu/snb/model/Accreditation`. Import maps such IRIs onto {@link ELM}.
 */
export const QDR_ELM = 'http://data.europa.eu/snb/model/';
const MODEL_SUBSPACES = ['elm/', 'context/', 'ap/', 'w3c/'];

/** The IRI in the official namespace for a class or property named in the QDR's (see {@link QDR_ELM}); others unchanged. */
export function officialElmIri(iri: string): string {
  if (!iri.startsWith(QDR_ELM)) return iri;
  const rest = iri.slice(QDR_ELM.length);
  if (MODEL_SUBSPACES.some((s) => rest.startsWith(s)) || rest.includes('/')) return iri;
  return ELM + rest;
}

export const DC = 'http://purl.org/dc/terms/';
export const SKOS = 'http://www.w3.org/2004/02/skos/core#';
export const RDF_TYPE = '@type';

export const AUTHORITY = 'http://publications.europa.eu/resource/authority/';
export const COUNTRY_SCHEME = `${AUTHORITY}country`;
export const ATU_SCHEME = `${AUTHORITY}atu`;
export const LANGUAGE_SCHEME = `${AUTHORITY}language`;
export const CURRENCY_SCHEME = `${AUTHORITY}currency`;
/** Europass's scheme of national-qualifications-framework levels (the LOQ shapes want NQF concepts from it). */
export const NQF_SCHEME = 'http://data.europa.eu/snb/qdr/25831c2';
/** NQF level concepts are published by the QDR under this namespace. */
export const NQF_CONCEPT_PREFIX = 'http://data.europa.eu/snb/qdr/';
export const ESCO_SKILL_PREFIX = 'http://data.europa.eu/esco/skill/';
export const ESCO_SKILL_SCHEME = 'http://data.europa.eu/esco/concept-scheme/skills';

export function schemeOf(vocabulary: ElmVocabularyName): string {
  return ELM_VOCABULARIES[vocabulary].scheme;
}

function labelOf(vocabulary: ElmVocabularyName, iri: string): string | undefined {
  return (ELM_VOCABULARIES[vocabulary].concepts as readonly { id: string; label: string }[]).find((c) => c.id === iri)?.label;
}

/** A SKOS concept node as the shapes want it: typed, in its scheme (itself typed), with a label. */
export interface ConceptNode {
  '@id': string;
  '@type': 'Concept';
  inScheme: { '@id': string; '@type': 'ConceptScheme' };
  prefLabel?: Record<string, string>;
}

export function concept(iri: string, scheme: string, label?: string): ConceptNode {
  return { '@id': iri, '@type': 'Concept', inScheme: { '@id': scheme, '@type': 'ConceptScheme' }, ...(label ? { prefLabel: { en: label } } : {}) };
}

function vocabularyConcept(vocabulary: ElmVocabularyName, iri: string): ConceptNode {
  return concept(iri, schemeOf(vocabulary), labelOf(vocabulary, iri));
}

export const eqfConcept = (level: number) => vocabularyConcept('eqf', EQF_LEVEL_IRIS[level as keyof typeof EQF_LEVEL_IRIS]);
export const iscedFConcept = (code: string) => concept(`http://data.europa.eu/snb/isced-f/${code}`, schemeOf('iscedF'), iscedFLabel(code));
export const accreditationTypeConcept = (type: keyof typeof ACCREDITATION_TYPE_IRIS) => vocabularyConcept('accreditationType', ACCREDITATION_TYPE_IRIS[type]);
export const modeConcept = (mode: keyof typeof LEARNING_ASSESSMENT_MODE_IRIS) => vocabularyConcept('learningAssessmentMode', LEARNING_ASSESSMENT_MODE_IRIS[mode]);
export const learningSettingConcept = (setting: keyof typeof LEARNING_SETTING_IRIS) => vocabularyConcept('learningSetting', LEARNING_SETTING_IRIS[setting]);
export const opportunityTypeConcept = (type: keyof typeof LEARNING_OPPORTUNITY_TYPE_IRIS) =>
  vocabularyConcept('learningOpportunityType', LEARNING_OPPORTUNITY_TYPE_IRIS[type]);
export const assessmentTypeConcept = (type: keyof typeof ASSESSMENT_TYPE_IRIS) => vocabularyConcept('assessmentType', ASSESSMENT_TYPE_IRIS[type]);
export const ectsConcept = () =>
  vocabularyConcept('creditSystem', ELM_VOCABULARIES.creditSystem.concepts.find((c) => c.label === 'European Credit Transfer System')!.id);

/** The EU authority tables name countries by ISO 3166-1 alpha-3 (`.../country/FIN`); we keep alpha-2. */
export function countryIri(alpha2: string, table: 'country' | 'atu' = 'country'): string {
  const alpha3 = countries.alpha2ToAlpha3(alpha2);
  if (!alpha3) throw new Error(`no ISO 3166-1 alpha-3 code for ${alpha2}`);
  return `${AUTHORITY}${table}/${alpha3}`;
}
export const countryConcept = (alpha2: string) => concept(countryIri(alpha2), COUNTRY_SCHEME, countries.getName(alpha2, 'en') ?? undefined);
export const jurisdictionConcept = (alpha2: string) => concept(countryIri(alpha2, 'atu'), ATU_SCHEME, countries.getName(alpha2, 'en') ?? undefined);

/** The EU authority language table names languages by ISO 639-2/T in capitals (`.../language/DEU`). */
export function languageIri(alpha2: string): string {
  const alpha3 = languages.alpha2ToAlpha3T(alpha2);
  if (!alpha3) throw new Error(`no ISO 639-2/T code for ${alpha2}`);
  return `${AUTHORITY}language/${alpha3.toUpperCase()}`;
}
export const languageConcept = (alpha2: string) => concept(languageIri(alpha2), LANGUAGE_SCHEME, languages.getName(alpha2, 'en') ?? undefined);

export const currencyConcept = (code: string) => concept(`${AUTHORITY}currency/${code.toUpperCase()}`, CURRENCY_SCHEME);

// ---------------------------------------------------------------------------------------------
// Reading IRIs back (import)

/** The last path segment of an IRI. */
function lastSegment(iri: string): string {
  return iri.slice(iri.replace(/\/$/, '').lastIndexOf('/') + 1).replace(/\/$/, '');
}

/** ISO alpha-2 from an authority country or ATU IRI (`.../country/FIN`, `.../atu/FIN`), or a bare code. */
export function countryFromIri(iri: string): string | undefined {
  const code = lastSegment(iri).toUpperCase();
  const alpha2 = code.length === 3 ? countries.alpha3ToAlpha2(code) : code;
  return alpha2 && isCountryCode(alpha2) ? alpha2 : undefined;
}

export function languageFromIri(iri: string): string | undefined {
  const code = lastSegment(iri).toLowerCase();
  const alpha2 = code.length === 3 ? languages.alpha3TToAlpha2(code) || languages.alpha3BToAlpha2(code) : code;
  return alpha2 && isLanguageCode(alpha2) ? alpha2 : undefined;
}

export function eqfFromIri(iri: string): number | undefined {
  const match = /^https?:\/\/data\.europa\.eu\/snb\/eqf\/(\d+)$/.exec(iri);
  return match ? Number(match[1]) : undefined;
}

export function iscedFFromIri(iri: string): string | undefined {
  const match = /^https?:\/\/data\.europa\.eu\/snb\/isced-f\/([0-9]+)$/.exec(iri);
  return match && isIscedFCode(match[1]) ? match[1] : undefined;
}

/** Our enum name for an ELM concept IRI, from one of the platform's name → IRI tables. */
export function nameForIri<N extends string>(table: Readonly<Record<N, string>>, iri: string): N | undefined {
  return (Object.keys(table) as N[]).find((name) => table[name] === iri);
}
