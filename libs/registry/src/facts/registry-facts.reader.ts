/**
 * The registry's trust-relevant facts as plain, typed records, read with SQL the registry owns.
 * Each reader reads the records with the given ids: the trust index reads the whole registry a
 * page of ids at a time at start, and afterwards only the records a change names.
 */
import { groupBy } from '#platform';
import { compactList, type EpochMs, NONE, shared } from './shared-values.js';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner inside a transaction. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** Times in these records are epoch milliseconds (`EpochMs`): the trust index keeps them all in memory. */
export interface StatusRecord<S extends string> {
  readonly status: S;
  readonly effectiveAt: EpochMs;
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
  readonly issuedAt: EpochMs;
  readonly validFrom: EpochMs;
  readonly reviewDate: EpochMs | null;
  readonly expiresAt: EpochMs | null;
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
  readonly validFrom: EpochMs;
  readonly validUntil: EpochMs | null;
  readonly jurisdictions: readonly string[];
}

type Row = Record<string, any>;

/** A timestamp column as the trust index keeps it. */
function epochMs(value: Date): EpochMs;
function epochMs(value: Date | null): EpochMs | null;
function epochMs(value: Date | null): EpochMs | null {
  return value === null ? null : value.getTime();
}

export async function readOrganisations(db: Queryable, ids: readonly string[]): Promise<OrganisationRecord[]> {
  if (ids.length === 0) return [];
  const rows: Row[] = await db.query(
    `SELECT id, kind, legal_name, legal_identifier, other_identifiers, country FROM organisations WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const history = groupBy<Row>(
    await db.query(
      `SELECT organisation_id, status, effective_at, reason FROM organisation_status_entries
        WHERE organisation_id = ANY($1::uuid[]) ORDER BY effective_at, recorded_at`,
      [ids],
    ),
    (r) => r.organisation_id,
  );
  return rows.map((o) => ({
    id: o.id,
    kind: shared(o.kind as OrganisationRecord['kind']),
    legalName: o.legal_name,
    legalIdentifier: o.legal_identifier,
    otherIdentifiers: compactList(o.other_identifiers),
    country: shared(o.country),
    statusHistory: statusRecords<OrganisationRecord['statusHistory'][number]['status']>(history.get(o.id)),
  }));
}

export async function readAccreditations(db: Queryable, ids: readonly string[]): Promise<AccreditationRecord[]> {
  if (ids.length === 0) return [];
  const rows: Row[] = await db.query(
    `SELECT id, accredited_organisation_id, accrediting_agent_id, type, title, decision, issued_at, valid_from, review_date,
            expires_at, report_url, supersedes_id, limit_eqf_levels, limit_fields, limit_jurisdictions, limit_opportunities
       FROM accreditations WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const history = groupBy<Row>(
    await db.query(
      `SELECT accreditation_id, status, effective_at, reason FROM accreditation_status_entries
        WHERE accreditation_id = ANY($1::uuid[]) ORDER BY effective_at, recorded_at`,
      [ids],
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
    issuedAt: epochMs(a.issued_at),
    validFrom: epochMs(a.valid_from),
    reviewDate: epochMs(a.review_date),
    expiresAt: epochMs(a.expires_at),
    reportUrl: a.report_url,
    supersedesId: a.supersedes_id,
    limitEqfLevels: compactList(a.limit_eqf_levels),
    limitFields: compactList(a.limit_fields),
    limitJurisdictions: compactList(a.limit_jurisdictions),
    limitOpportunities: compactList(a.limit_opportunities),
    statusHistory: statusRecords<AccreditationRecord['statusHistory'][number]['status']>(history.get(a.id)),
  }));
}

export async function readRecognitions(db: Queryable, ids: readonly string[]): Promise<RecognitionRecord[]> {
  if (ids.length === 0) return [];
  const rows: Row[] = await db.query(`SELECT id, agency_id, valid_from, valid_until, jurisdictions FROM agency_recognitions WHERE id = ANY($1::uuid[])`, [ids]);
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    validFrom: epochMs(r.valid_from),
    validUntil: epochMs(r.valid_until),
    jurisdictions: compactList(r.jurisdictions),
  }));
}

function statusRecords<S extends string>(rows: readonly Row[] | undefined): readonly StatusRecord<S>[] {
  if (rows === undefined) return NONE;
  return rows.map((row) => ({ status: shared(row.status as S), effectiveAt: epochMs(row.effective_at as Date), reason: shared(row.reason as string) }));
}
