import { DomainError, type FieldProblem, isCountryCode, isEqfLevel, isIscedFCode } from '#platform';
import { DID_SYNTAX, type IssuerTrustInput } from '../../decision/dto/issuer-trust.input.js';

/*
 * A TRQP v2 request (the ToIP schemas' fields) read into Tessera's terms. A request that cannot be
 * read is the caller's error (400 problem+json, each field by its wire name), never "not authorized".
 */

export type TrqpQuestion = 'authorization' | 'recognition';

/** The action each question answers (DESIGN §8.4). */
export const TRQP_ACTIONS: Record<TrqpQuestion, string> = { authorization: 'issue', recognition: 'accredit' };

/** The plain words a resource may be, besides scope terms. */
const RESOURCE_WORDS: Record<TrqpQuestion, readonly string[]> = { authorization: ['credential'], recognition: ['accreditation', 'credential'] };

const MAX_IDENTIFIER = 2048;
const MAX_RESOURCE = 512;
/** RFC 3339 date-time; the schemas ask for Z, an explicit offset is read too. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export interface TrqpScope {
  eqfLevel?: number;
  iscedFCode?: string;
  country?: string;
}

export interface TrqpRequest {
  entityId: string;
  authorityId: string;
  action: string;
  resource: string;
  /** The `context` object exactly as sent (the response echoes it); undefined when absent. */
  context: Record<string, string> | undefined;
  /** `context.time`, parsed; undefined = now. */
  at: Date | undefined;
  scope: TrqpScope;
}

export function readTrqpRequest(body: unknown, question: TrqpQuestion): TrqpRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DomainError.badInput([{ field: 'body', message: 'must be a JSON object with entity_id, authority_id, action and resource' }]);
  }
  const fields = body as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const text = (name: string, max: number): string => {
    const value = fields[name];
    if (typeof value !== 'string' || value.trim() === '') problems.push({ field: name, message: 'is required: a non-empty string' });
    else if (value.length > max) problems.push({ field: name, message: `must be at most ${max} characters` });
    else return value;
    return '';
  };
  const entityId = text('entity_id', MAX_IDENTIFIER);
  const authorityId = text('authority_id', MAX_IDENTIFIER);
  const action = text('action', 64);
  const resource = text('resource', MAX_RESOURCE);
  if (entityId.startsWith('did:') && !DID_SYNTAX.test(entityId)) problems.push({ field: 'entity_id', message: 'is not a well-formed DID' });
  if (action && action !== TRQP_ACTIONS[question]) {
    problems.push({ field: 'action', message: `must be "${TRQP_ACTIONS[question]}": the only action this registry answers ${question} questions for` });
  }
  const scope = resource ? readResource(resource, question, problems) : {};
  const { context, at } = readContext(fields.context, problems);
  if (problems.length > 0) throw DomainError.badInput(problems);
  return { entityId, authorityId, action, resource, context, at, scope };
}

/**
 * `credential` (any credential), or `;`-joined scope terms `eqf:<1-8>`, `isced-f:<code>`,
 * `jurisdiction:<CC>` — each dimension at most once. A recognition is limited only by jurisdiction.
 */
export function readResource(resource: string, question: TrqpQuestion, problems: FieldProblem[]): TrqpScope {
  const scope: TrqpScope = {};
  const problem = (message: string) => problems.push({ field: 'resource', message });
  for (const term of resource.split(';').map((t) => t.trim())) {
    if (RESOURCE_WORDS[question].includes(term)) continue;
    const match = /^(eqf|isced-f|jurisdiction):(.+)$/.exec(term);
    if (!match) {
      problem(`"${term}" is not a resource: use ${RESOURCE_WORDS[question].map((w) => `"${w}"`).join(' or ')} or ;-joined terms ${question === 'authorization' ? 'eqf:<1-8>, isced-f:<code>, ' : ''}jurisdiction:<country>`);
      continue;
    }
    const [, dimension, value] = match;
    if (question === 'recognition' && dimension !== 'jurisdiction') {
      problem(`${dimension}: a recognition is limited only by jurisdiction`);
      continue;
    }
    const key = dimension === 'eqf' ? 'eqfLevel' : dimension === 'isced-f' ? 'iscedFCode' : 'country';
    if (scope[key] !== undefined) {
      problem(`names ${dimension} twice`);
      continue;
    }
    if (dimension === 'eqf') {
      if (/^[0-9]$/.test(value) && isEqfLevel(Number(value))) scope.eqfLevel = Number(value);
      else problem(`eqf:${value} is not an EQF level (1 to 8)`);
    } else if (dimension === 'isced-f') {
      if (isIscedFCode(value)) scope.iscedFCode = value;
      else problem(`isced-f:${value} is not an ISCED-F 2013 field code (2, 3 or 4 digits, e.g. 0613)`);
    } else if (isCountryCode(value.toUpperCase())) scope.country = value.toUpperCase();
    else problem(`jurisdiction:${value} is not an ISO 3166-1 alpha-2 country`);
  }
  return scope;
}

function readContext(raw: unknown, problems: FieldProblem[]): { context: Record<string, string> | undefined; at: Date | undefined } {
  if (raw === undefined || raw === null) return { context: undefined, at: undefined };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ field: 'context', message: 'must be an object of strings' });
    return { context: undefined, at: undefined };
  }
  const context = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(context)) {
    if (typeof value !== 'string') problems.push({ field: `context.${key}`, message: 'must be a string' });
  }
  const time = context.time;
  let at: Date | undefined;
  if (typeof time === 'string') {
    at = RFC_3339.test(time) ? new Date(time) : undefined;
    if (at === undefined || Number.isNaN(at.getTime())) {
      problems.push({ field: 'context.time', message: 'must be an RFC 3339 date-time, e.g. 2025-06-19T11:30:00Z' });
      at = undefined;
    }
  }
  return { context: context as Record<string, string>, at };
}

/** Which identity `entity_id` is, as /trust/v1/issuers/{identifier} reads it. */
export function identityOf(entityId: string): Pick<IssuerTrustInput, 'did' | 'certificateSha256' | 'organisationIdentifier'> {
  if (entityId.startsWith('did:')) return { did: entityId };
  if (/^[0-9A-Fa-f]{64}$/.test(entityId)) return { certificateSha256: entityId.toLowerCase() };
  return { organisationIdentifier: entityId };
}
