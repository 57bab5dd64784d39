/**
 * The registry's trust-relevant facts as plain, typed records, read with SQL the registry owns.
 * The trust index loads them all once at start and then only the records a change names: each
 * reader takes an optional list of ids, and reads everything without one.
 */
import { groupBy } from '#platform';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner inside a transaction. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface StatusRecord<S extends string> {
  readonly status: S;
  readonly effectiveAt: Date;
  readonly reason: string;
}

export interface OrganisationRecord {
  readonly id: string;
  readonly kind: 'PROVIDER' | 'QUALITY_AGENCY';
  readonly legalName: string;
  readonly legalIdentifier: string;
  readonly otherIdentifiers: readonly { scheme: string; value: string }[];
  readonly country: string;
  /** In effect order (effectiveAt, then recordedAt). */
  readonly statusHistory: readonly StatusRecord<'ACTIVE' | 'SUSPENDED' | 'DEREGISTERED'>[];
}

export interface AccreditationRecord {
  readonly id: string;
  readonly accreditedOrganisationId: string;
  readonly accreditingAgentId: string;
  readonly type: string;
  readonly title: string;
  readonly decision: 'POSITIVE' | 'POSITIVE_WITH_CONDITIONS' | 'NEGATIVE';
  readonly issuedAt: Date;
  readonly validFrom: Date;
  readonly reviewDate: Date | null;
  readonly expiresAt: Date | null;
  readonly reportUrl: string | null;
  readonly supersedesId: string | null;
  readonly limitEqfLevels: readonly number[];
  readonly limitFields: readonly string[];
  readonly limitJurisdictions: readonly string[];
  readonly limitOpportunities: readonly string[];
  /** In effect order (effectiveAt, then recordedAt). */
  readonly statusHistory: readonly StatusRecord<'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' | 'SUPERSEDED'>[];
}

export interface RecognitionRecord {
  readonly id: string;
  readonly agencyId: string;
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly jurisdictions: readonly string[];
}

type Row = Record<string, any>;

/**
 * The trust index keeps every record in memory (DESIGN §7: the api under 400 MB with 100k
 * organisations), so records share what repeats: an empty list is one frozen list, and the short
 * strings many records carry (kinds, countries, types, decisions, statuses, the generator's and
 * agencies' stock reasons and titles) are kept once. Bounded, so that unique strings are not hoarded.
 */
const NONE: readonly never[] = Object.freeze([]);
const SHARED_STRINGS_LIMIT = 50_000;
const sharedStrings = new Map<string, string>();

function shared<S extends string>(value: S): S {
  const known = sharedStrings.get(value);
  if (known !== undefined) return known as S;
  if (sharedStrings.size < SHARED_STRINGS_LIMIT) sharedStrings.set(value, value);
  return value;
}

function list<T>(values: readonly T[] | null | undefined): readonly T[] {
  return values && values.length > 0 ? values : NONE;
}

/** `WHERE <column> = ANY($1)` when ids are given, nothing otherwise: one reader serves the full read and the incremental one. */
export function byIds(column: string, ids: readonly string[] | undefined): { where: string; parameters: unknown[] } {
  return ids === undefined ? { where: '', parameters: [] } : { where: `WHERE ${column} = ANY($1::uuid[])`, parameters: [ids] };
}

export async function readOrganisations(db: Queryable, ids?: readonly string[]): Promise<OrganisationRecord[]> {
  if (ids?.length === 0) return [];
  const filter = byIds('id', ids);
  const rows: Row[] = await db.query(
    `SELECT id, kind, legal_name, legal_identifier, other_identifiers, country FROM organisations ${filter.where}`,
    filter.parameters,
  );
  const statusFilter = byIds('organisation_id', ids);
  const history = groupBy<Row>(
    await db.query(
      `SELECT organisation_id, status, effective_at, reason FROM organisation_status_entries ${statusFilter.where} ORDER BY effective_at, recorded_at`,
      statusFilter.parameters,
    ),
    (r) => r.organisation_id,
  );
  return rows.map((o) => ({
    id: o.id,
    kind: shared(o.kind as OrganisationRecord['kind']),
    legalName: o.legal_name,
    legalIdentifier: o.legal_identifier,
    otherIdentifiers: list(o.other_identifiers),
    country: shared(o.country),
    statusHistory: (history.get(o.id) ?? []).map((e) => statusRecord<OrganisationRecord['statusHistory'][number]['status']>(e)),
  }));
}

export async function readAccreditations(db: Queryable, ids?: readonly string[]): Promise<AccreditationRecord[]> {
  if (ids?.length === 0) return [];
  const filter = byIds('id', ids);
  const rows: Row[] = await db.query(
    `SELECT id, accredited_organisation_id, accrediting_agent_id, type, title, decision, issued_at, valid_from, review_date,
            expires_at, report_url, supersedes_id, limit_eqf_levels, limit_fields, limit_jurisdictions, limit_opportunities
       FROM accreditations ${filter.where}`,
    filter.parameters,
  );
  const statusFilter = byIds('accreditation_id', ids);
  const history = groupBy<Row>(
    await db.query(
      `SELECT accreditation_id, status, effective_at, reason FROM accreditation_status_entries ${statusFilter.where} ORDER BY effective_at, recorded_at`,
      statusFilter.parameters,
    ),
    (r) => r.accreditation_id,
  );
  return rows.map((a) => ({
    id: a.id,
    accreditedOrganisationId: a.accredited_organisation_id,
    accreditingAgentId: a.accrediting_agent_id,
    type: shared(a.type),
    title: shared(a.title),
    decision: shared(a.decision as AccreditationRecord['decision']),
    issuedAt: a.issued_at,
    validFrom: a.valid_from,
    reviewDate: a.review_date,
    expiresAt: a.expires_at,
    reportUrl: a.report_url,
    supersedesId: a.supersedes_id,
    limitEqfLevels: list(a.limit_eqf_levels),
    limitFields: list(a.limit_fields),
    limitJurisdictions: list(a.limit_jurisdictions),
    limitOpportunities: list(a.limit_opportunities),
    statusHistory: (history.get(a.id) ?? []).map((e) => statusRecord<AccreditationRecord['statusHistory'][number]['status']>(e)),
  }));
}

export async function readRecognitions(db: Queryable, ids?: readonly string[]): Promise<RecognitionRecord[]> {
  if (ids?.length === 0) return [];
  const filter = byIds('id', ids);
  const rows: Row[] = await db.query(
    `SELECT id, agency_id, valid_from, valid_until, jurisdictions FROM agency_recognitions ${filter.where}`,
    filter.parameters,
  );
  return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, validFrom: r.valid_from, validUntil: r.valid_until, jurisdictions: list(r.jurisdictions) }));
}

function statusRecord<S extends string>(row: Row): StatusRecord<S> {
  return { status: shared(row.status as S), effectiveAt: row.effective_at as Date, reason: shared(row.reason as string) };
}
