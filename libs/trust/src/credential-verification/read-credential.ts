import { CREDENTIAL_ANNEX_I_ELEMENTS, type CredentialAnnexIElement } from '#platform';

/** What a verifier and a learner want to see of an ELM / W3C credential, read without interpreting JSON-LD. */
export interface CredentialFacts {
  id: string | null;
  types: string[];
  issuedAt: Date | null;
  title: string | null;
  awardingBody: string | null;
  /** Every identifier the credential gives for its issuer and awarding body. */
  issuerIdentifiers: string[];
  eqfLevel: number | null;
  iscedFCodes: string[];
  annexI: { complete: boolean; missing: CredentialAnnexIElement[] };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** A credential is a JSON object whose `type` includes VerifiableCredential; a presentation is not one. */
export function asCredential(payload: unknown): Json | null {
  if (!isObject(payload)) return null;
  // VC-JWT (VCDM 1.1) carries the credential in `vc`.
  const candidate = isObject(payload.vc) ? payload.vc : payload;
  const types = list(candidate.type).filter((t): t is string => typeof t === 'string');
  return types.includes('VerifiableCredential') ? candidate : null;
}

function text(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (isObject(v)) {
    const preferred = v.en ?? Object.values(v)[0];
    if (typeof preferred === 'string' && preferred.trim() !== '') return preferred;
    if (Array.isArray(preferred) && typeof preferred[0] === 'string') return preferred[0];
  }
  return null;
}

function date(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function identifiersOf(organisation: unknown): string[] {
  if (!isObject(organisation)) return [];
  const found: string[] = [];
  for (const key of ['eIDASIdentifier', 'registration', 'vatIdentifier', 'taxIdentifier', 'identifier']) {
    for (const entry of list(organisation[key])) {
      if (isObject(entry) && typeof entry.notation === 'string') found.push(entry.notation);
      else if (typeof entry === 'string') found.push(entry);
    }
  }
  return found;
}

/** Last path segment of a vocabulary IRI or the notation, e.g. http://data.europa.eu/snb/isced-f/0688 → 0688. */
function conceptCode(v: unknown, scheme: string): string | null {
  const iri = isObject(v) ? v.id : v;
  if (typeof iri === 'string') {
    const match = new RegExp(`/${scheme}/([^/#]+)$`).exec(iri);
    if (match) return match[1];
  }
  return null;
}

export function readCredential(credential: Json): CredentialFacts {
  const subject = list(credential.credentialSubject).find(isObject) ?? {};
  const claim = list(subject.hasClaim).find(isObject) ?? {};
  const spec = list(claim.specifiedBy).find(isObject) ?? {};
  const awarding = list(claim.awardedBy).find(isObject);
  const awardingBody = list(awarding?.awardingBody).find(isObject);
  const issuer = isObject(credential.issuer) ? credential.issuer : null;

  const eqfCode = conceptCode(spec.eqfLevel, 'eqf');
  const eqfLevel = eqfCode !== null && /^[1-8]$/.test(eqfCode) ? Number(eqfCode) : null;
  const iscedFCodes = [...new Set([...list(spec.thematicArea), ...list(spec.ISCEDFCode), ...list(spec.iscedFCode)].map((c) => conceptCode(c, 'isced-f')).filter((c): c is string => c !== null))];
  const title = text(claim.title) ?? text(spec.title) ?? text(isObject(credential.displayParameter) ? credential.displayParameter.title : undefined);
  const awardingName = text(awardingBody?.legalName) ?? text(issuer?.legalName);
  const issuedAt = date(credential.issued) ?? date(credential.issuanceDate) ?? date(credential.validFrom);
  const country = (o: unknown) => isObject(o) && list(o.location).some((l) => isObject(l) && isObject(l.address) && l.address.countryCode !== undefined);

  const present: Record<CredentialAnnexIElement, boolean> = {
    LEARNER: Object.keys(subject).some((k) => k !== 'id' && k !== 'type' && k !== 'hasClaim') || typeof subject.id === 'string',
    TITLE: title !== null,
    ISSUER_COUNTRY: country(awardingBody) || country(issuer),
    AWARDING_BODY: awardingName !== null,
    ISSUED_AT: issuedAt !== null,
    LEARNING_OUTCOMES: list(spec.learningOutcome).length > 0 || list(spec.learningOutcomeSummary).length > 0,
    WORKLOAD: list(spec.creditPoint).length > 0 || typeof spec.volumeOfLearning === 'string',
    LEVEL: spec.eqfLevel !== undefined || spec.qfEheaCycle !== undefined,
    ASSESSMENT_TYPE: list(claim.provenBy).length > 0,
    FORM_OF_PARTICIPATION: spec.mode !== undefined,
    QUALITY_ASSURANCE: list(spec.accreditation).length > 0 || list(credential.accreditation).length > 0,
  };
  const missing = CREDENTIAL_ANNEX_I_ELEMENTS.filter((e) => !present[e]);
  return {
    id: typeof credential.id === 'string' ? credential.id : null,
    types: list(credential.type).filter((t): t is string => typeof t === 'string'),
    issuedAt,
    title,
    awardingBody: awardingName,
    issuerIdentifiers: [...identifiersOf(issuer), ...identifiersOf(awardingBody)],
    eqfLevel,
    iscedFCodes,
    annexI: { complete: missing.length === 0, missing },
  };
}

/** NTREE-17207834, EE17207834 and 17207834 name the same register entry. */
export function normaliseIdentifier(value: string): string {
  const compact = value.toUpperCase().replace(/[\s.]/g, '');
  const eidas = /^(?:VAT|NTR|PSD|LEI)[A-Z]{2}-(.+)$/.exec(compact);
  return (eidas ? eidas[1] : compact).replace(/-/g, '');
}

export function identifiersMatch(a: string, b: string): boolean {
  const x = normaliseIdentifier(a);
  const y = normaliseIdentifier(b);
  return x === y || (/^[A-Z]{2}/.test(x) && x.slice(2) === y) || (/^[A-Z]{2}/.test(y) && y.slice(2) === x);
}
