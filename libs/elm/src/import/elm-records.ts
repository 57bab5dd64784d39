import {
  ACCREDITATION_TYPE_IRIS,
  type AccreditationType,
  ASSESSMENT_TYPE_IRIS,
  type AssessmentType,
  LEARNING_ASSESSMENT_MODE_IRIS,
  LEARNING_OPPORTUNITY_TYPE_IRIS,
  LEARNING_SETTING_IRIS,
} from '#platform';
import { decisionFromNote } from '../export/elm-export.js';
import {
  countryFromIri,
  DC,
  ELM,
  eqfFromIri,
  iscedFFromIri,
  languageFromIri,
  nameForIri,
  NQF_CONCEPT_PREFIX,
  SKOS,
} from '../jsonld/elm-terms.js';
import type { ElmNode } from './elm-graph.js';
import type { ImportProblem } from './import-report.js';

/**
 * What an ELM node says, in the terms of our inputs (DESIGN §2), with the JSON path of each field
 * so that the registry's and catalogue's refusals can point into the document. Pure: parties are
 * returned as the nodes that name them; the importer matches them to organisations.
 */

const FOAF_HOMEPAGE = 'http://xmlns.com/foaf/0.1/homepage';
const ADMS_IDENTIFIER = 'http://www.w3.org/ns/adms#identifier';
const ROV_REGISTRATION = 'http://www.w3.org/ns/regorg#registration';
const RDF_VALUE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value';

export interface Draft<T> {
  elmId: string;
  type: 'Accreditation' | 'LearningOpportunity';
  /** Where the record is in the document. */
  path: string;
  fields: T;
  /** Input field (as our services name it, `input.expiresAt`) → path in the document. */
  fieldPaths: Record<string, string>;
  problems: ImportProblem[];
}

export interface AccreditationFields {
  type?: AccreditationType;
  title?: string;
  decision: 'POSITIVE' | 'POSITIVE_WITH_CONDITIONS' | 'NEGATIVE';
  issuedAt?: Date;
  validFrom?: Date;
  reviewDate?: Date;
  expiresAt?: Date;
  reportUrl?: string;
  landingPage?: string;
  limitEqfLevels: number[];
  limitFields: string[];
  limitJurisdictions: string[];
  provider?: ElmNode;
  agent?: ElmNode;
}

class Reader {
  readonly problems: ImportProblem[] = [];
  readonly fieldPaths: Record<string, string> = {};
  constructor(readonly node: ElmNode) {}

  at(field: string, property: string, node = this.node): string {
    const path = node.path(property);
    this.fieldPaths[`input.${field}`] = path;
    return path;
  }

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  date(field: string, property: string, required: boolean, node = this.node): Date | undefined {
    const path = this.at(field, property, node);
    const value = node.literal(property);
    if (value === undefined) {
      if (required) this.problem(path, 'is required');
      return undefined;
    }
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
    if (Number.isNaN(date.getTime())) {
      this.problem(path, `is not a date: "${value}"`);
      return undefined;
    }
    return date;
  }

  /** Our names for the concepts a property refers to; an IRI we cannot map is a problem, never dropped. */
  concepts<N>(field: string, property: string, map: (iri: string) => N | undefined, what: string, node = this.node): N[] {
    const path = this.at(field, property, node);
    const names: N[] = [];
    for (const iri of node.refs(property)) {
      const name = map(iri);
      if (name === undefined) this.problem(path, `<${iri}> is not ${what}`);
      else if (!names.includes(name)) names.push(name);
    }
    return names;
  }

  /** The content URL of the first web resource a property refers to. */
  url(field: string, property: string, node = this.node): string | undefined {
    this.at(field, property, node);
    for (const resource of node.nodes(property)) {
      const url = resource.literal(`${ELM}contentUrl`) ?? (resource.id.startsWith('http') && !resource.has(`${ELM}contentUrl`) ? resource.id : undefined);
      if (url) return url;
    }
    return undefined;
  }
}

/** A text in English if there is one, else in the first language given. */
function oneText(texts: Record<string, string>): string | undefined {
  return texts.en ?? Object.values(texts)[0];
}

export function readAccreditation(node: ElmNode): Draft<AccreditationFields> {
  const r = new Reader(node);
  const titlePath = r.at('title', `${DC}title`);
  const title = oneText(node.texts(`${DC}title`));
  if (!title) r.problem(titlePath, 'is required');

  const [type, ...moreTypes] = r.concepts('type', `${DC}type`, (iri) => nameForIri(ACCREDITATION_TYPE_IRIS, iri), 'an ELM accreditation type');
  if (!node.has(`${DC}type`)) r.problem(r.at('type', `${DC}type`), 'is required (an ELM accreditation type)');
  if (moreTypes.length > 0) r.problem(r.at('type', `${DC}type`), 'must name one accreditation type');

  // ELM's decision concepts are not in the shared vocabularies: our own exports carry the decision
  // as a note, and a register that says nothing (the QDR) records a positive decision.
  const notes = node.nodes(`${ELM}additionalNote`).flatMap((n) => Object.values(n.texts(`${ELM}noteLiteral`)));
  const decision = notes.map(decisionFromNote).find((d) => d !== undefined) ?? 'POSITIVE';
  if (node.has(`${ELM}decision`)) r.problem(r.at('decision', `${ELM}decision`), 'is an ELM decision concept Tessera cannot map; leave it out (a positive decision) or give the decision as a note "Decision: POSITIVE | POSITIVE_WITH_CONDITIONS | NEGATIVE"');

  const issuedAt = r.date('issuedAt', `${DC}issued`, !node.has(`${DC}valid`));
  const validFrom = r.date('validFrom', `${DC}valid`, false) ?? issuedAt;
  if (!node.has(`${DC}valid`)) r.at('validFrom', `${DC}issued`);
  const fields: AccreditationFields = {
    type,
    title,
    decision,
    issuedAt: issuedAt ?? validFrom,
    validFrom,
    reviewDate: r.date('reviewDate', `${ELM}reviewDate`, false),
    expiresAt: r.date('expiresAt', `${ELM}expiryDate`, true),
    reportUrl: r.url('reportUrl', `${ELM}report`),
    landingPage: r.url('landingPage', `${ELM}landingPage`),
    limitEqfLevels: r.concepts('limitEqfLevels', `${ELM}limitEQFLevel`, eqfFromIri, 'an EQF level'),
    limitFields: r.concepts('limitFields', `${ELM}limitField`, iscedFFromIri, 'an ISCED-F field'),
    limitJurisdictions: r.concepts('limitJurisdictions', `${ELM}limitJurisdiction`, countryFromIri, 'a country or jurisdiction'),
    provider: node.node(`${ELM}organisation`),
    agent: node.node(`${ELM}accreditingAgent`),
  };
  r.at('accreditedOrganisationId', `${ELM}organisation`);
  r.at('accreditingAgentId', `${ELM}accreditingAgent`);
  if (!fields.provider) r.problem(node.path(`${ELM}organisation`), 'is required: the accredited organisation');
  if (!fields.agent) r.problem(node.path(`${ELM}accreditingAgent`), 'is required: the accrediting agent');
  return { elmId: node.id, type: 'Accreditation', path: node.path(), fields, fieldPaths: r.fieldPaths, problems: r.problems };
}

/** Every identifier an organisation node states (eIDAS, VAT, tax, registration, other), as written. */
export function identifiersOf(organisation: ElmNode): string[] {
  const properties = [`${ELM}eidasLegalIdentifier`, `${ELM}vatIdentifier`, `${ELM}taxIdentifier`, ROV_REGISTRATION, ADMS_IDENTIFIER];
  const values = properties.flatMap((p) => organisation.nodes(p)).flatMap((identifier) => identifier.literals(`${SKOS}notation`).map((l) => l.value.trim()));
  return [...new Set(values.filter((v) => v !== ''))];
}

export interface OpportunityFields {
  title: { lang: string; text: string }[];
  description: { lang: string; text: string }[];
  learningOutcomes: { text: string; escoSkill: string | null }[];
  eqfLevel: number | null;
  nqfLevel: string | null;
  ectsCredits: number | null;
  workloadHours: number | null;
  iscedFCodes: string[];
  languages: string[];
  mode: string | null;
  learningSetting: string | null;
  type: string | null;
  assessmentTypes: AssessmentType[];
  qualityAssurance: string | null;
  prerequisites: string | null;
  schedule: string | null;
  price: { amount: number; currency: string } | null;
  free: boolean;
  location: { country: string; city: string | null; lat: null; lng: null } | null;
  startDate: Date | null;
  endDate: Date | null;
  applicationDeadline: Date | null;
  landingPage: string | null;
  provider?: ElmNode;
}

function list(texts: Record<string, string>): { lang: string; text: string }[] {
  return Object.keys(texts)
    .sort()
    .map((lang) => ({ lang, text: texts[lang] }));
}

/** `PT60H`, `P2D` (8-hour days are not assumed: only hours and minutes convert) → whole hours. */
function hoursOf(duration: string | undefined): number | null | 'invalid' {
  if (duration === undefined) return null;
  const match = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?$/.exec(duration);
  if (!match || (!match[1] && !match[2])) return 'invalid';
  return Math.round(Number(match[1] ?? 0) + Number(match[2] ?? 0) / 60);
}

export function readOpportunity(node: ElmNode, selfUrlPattern: RegExp): Draft<OpportunityFields> {
  const r = new Reader(node);
  const spec = node.node(`${ELM}learningAchievementSpecification`);
  const titlePath = r.at('title', `${DC}title`);
  const titles = { ...(spec ? spec.texts(`${DC}title`) : {}), ...node.texts(`${DC}title`) };
  if (Object.keys(titles).length === 0) r.problem(titlePath, 'is required');
  r.at('description', `${DC}description`);
  const descriptions = { ...(spec ? spec.texts(`${DC}description`) : {}), ...node.texts(`${DC}description`) };
  const on = spec ?? node;

  const eqfIris = [...on.refs(`${ELM}EQFLevel`), ...on.refs(`${ELM}educationLevel`).filter((iri) => eqfFromIri(iri) !== undefined)];
  const eqfPath = r.at('eqfLevel', on.has(`${ELM}EQFLevel`) ? `${ELM}EQFLevel` : `${ELM}educationLevel`, on);
  const eqfLevels = [...new Set(eqfIris.map(eqfFromIri).filter((n): n is number => n !== undefined))];
  if (eqfLevels.length > 1) r.problem(eqfPath, 'must name one EQF level');
  for (const iri of on.refs(`${ELM}EQFLevel`)) if (eqfFromIri(iri) === undefined) r.problem(eqfPath, `<${iri}> is not an EQF level`);

  const nqfPath = r.at('nqfLevel', `${ELM}NQFLevel`, on);
  const [nqf] = on.refs(`${ELM}NQFLevel`);
  if (nqf !== undefined && !nqf.startsWith(NQF_CONCEPT_PREFIX)) r.problem(nqfPath, `<${nqf}> is not an NQF level of the Qualification Dataset Register`);

  let ectsCredits: number | null = null;
  const creditPath = r.at('ectsCredits', `${ELM}creditPoint`, on);
  for (const credit of on.nodes(`${ELM}creditPoint`)) {
    const point = Number(credit.literal(`${ELM}point`));
    if (!Number.isFinite(point) || point < 0) r.problem(creditPath, `has a point value that is not a number ≥ 0: "${credit.literal(`${ELM}point`)}"`);
    else ectsCredits = point;
  }
  const hoursPath = r.at('workloadHours', `${ELM}volumeOfLearning`, on);
  const hours = hoursOf(on.literal(`${ELM}volumeOfLearning`));
  if (hours === 'invalid') r.problem(hoursPath, `is not a duration in hours (PT60H): "${on.literal(`${ELM}volumeOfLearning`)}"`);

  const outcomes = on.nodes(`${ELM}learningOutcome`).map((outcome) => ({
    text: oneText(outcome.texts(`${DC}title`)) ?? '',
    escoSkill: outcome.refs(`${ELM}relatedESCOSkill`)[0] ?? null,
  }));
  r.at('learningOutcomes', `${ELM}learningOutcome`, on);

  const modes = [...new Set([...r.concepts('mode', `${ELM}mode`, (iri) => nameForIri(LEARNING_ASSESSMENT_MODE_IRIS, iri), 'an ELM learning-assessment mode', node), ...(spec ? r.concepts('mode', `${ELM}mode`, (iri) => nameForIri(LEARNING_ASSESSMENT_MODE_IRIS, iri), 'an ELM learning-assessment mode', spec) : [])])];
  if (modes.length > 1) r.problem(node.path(`${ELM}mode`), 'must name one mode');

  const notes = on.nodes(`${ELM}additionalNote`).map((n) => oneText(n.texts(`${ELM}noteLiteral`)) ?? '');
  const qualityAssurance = notes.find((n) => n.startsWith('Quality assurance: '))?.slice('Quality assurance: '.length) ?? null;

  const temporal = node.node(`${DC}temporal`);
  const price = node.node(`${ELM}priceDetail`);
  const amount = price?.node(`${ELM}amount`);
  const pricePath = r.at('price', `${ELM}priceDetail`);
  let priceValue: OpportunityFields['price'] = null;
  if (amount) {
    const value = Number(amount.literal(RDF_VALUE) ?? amount.literal(`${ELM}value`));
    const currency = amount.refs(`${ELM}unit`)[0]?.split('/').pop();
    if (!Number.isFinite(value) || value < 0 || !currency || !/^[A-Z]{3}$/.test(currency)) r.problem(pricePath, 'needs an amount ≥ 0 and a currency from the EU authority table');
    else priceValue = { amount: value, currency };
  }
  const location = node.node(`${ELM}location`);
  const country = location?.node(`${ELM}address`)?.refs(`${ELM}countryCode`)[0];
  const homepage = r.url('landingPage', FOAF_HOMEPAGE);

  const fields: OpportunityFields = {
    title: list(titles),
    description: list(descriptions),
    learningOutcomes: outcomes,
    eqfLevel: eqfLevels[0] ?? null,
    nqfLevel: nqf ?? null,
    ectsCredits,
    workloadHours: hours === 'invalid' ? null : hours,
    iscedFCodes: r.concepts('iscedFCodes', `${ELM}ISCEDFCode`, iscedFFromIri, 'an ISCED-F field', on),
    languages: r.concepts('languages', `${DC}language`, languageFromIri, 'a language of the EU authority table', on),
    mode: modes[0] ?? null,
    learningSetting: r.concepts('learningSetting', `${ELM}learningSetting`, (iri) => nameForIri(LEARNING_SETTING_IRIS, iri), 'an ELM learning setting', on)[0] ?? null,
    type: r.concepts('type', `${DC}type`, (iri) => nameForIri(LEARNING_OPPORTUNITY_TYPE_IRIS, iri), 'an ELM learning-opportunity type')[0] ?? null,
    assessmentTypes: on
      .nodes(`${ELM}provenBy`)
      .flatMap((assessment) => r.concepts('assessmentTypes', `${DC}type`, (iri) => nameForIri(ASSESSMENT_TYPE_IRIS, iri), 'an ELM assessment type', assessment)),
    qualityAssurance,
    prerequisites: on.node(`${ELM}entryRequirement`) ? (oneText(on.node(`${ELM}entryRequirement`)!.texts(`${ELM}noteLiteral`)) ?? null) : null,
    schedule: node.node(`${ELM}scheduleInformation`) ? (oneText(node.node(`${ELM}scheduleInformation`)!.texts(`${ELM}noteLiteral`)) ?? null) : null,
    price: priceValue,
    free: priceValue === null && price !== undefined && oneText(price.texts(`${SKOS}prefLabel`)) === 'free',
    location: country && countryFromIri(country) ? { country: countryFromIri(country)!, city: location ? (oneText(location.texts(`${ELM}geographicName`)) ?? null) : null, lat: null, lng: null } : null,
    startDate: temporal ? (r.date('startDate', `${ELM}startDate`, false, temporal) ?? null) : null,
    endDate: temporal ? (r.date('endDate', `${ELM}endDate`, false, temporal) ?? null) : null,
    applicationDeadline: r.date('applicationDeadline', `${ELM}applicationDeadline`, false) ?? null,
    // Our own export points the homepage at itself when the course has no landing page: that is not one.
    landingPage: homepage && !selfUrlPattern.test(homepage) ? homepage : null,
    provider: node.node(`${ELM}providedBy`),
  };
  r.at('providerId', `${ELM}providedBy`);
  if (!fields.provider) r.problem(node.path(`${ELM}providedBy`), 'is required: the provider');
  return { elmId: node.id, type: 'LearningOpportunity', path: node.path(), fields, fieldPaths: r.fieldPaths, problems: r.problems };
}
