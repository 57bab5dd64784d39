import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REGISTRY_CHANNEL } from '#audit';
import pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { AccreditationStatus, OrganisationStatus, StatusEntry, TrustAnchorStatus } from '../evaluation/trust-facts.js';
import { type SnapshotContents, TrustSnapshot } from './trust-snapshot.js';

/** Even with no notification, check this often whether the registry moved on (a missed NOTIFY, a reconnect). */
const SAFETY_CHECK_MS = 15_000;

/**
 * The in-memory trust index: built from PostgreSQL at start, rebuilt whenever the registry
 * announces a trust-relevant change (LISTEN tessera_registry), so that every api instance on one
 * database answers the same within moments. Answers are served from the current snapshot while the
 * next one is built.
 */
@Injectable()
export class TrustIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TrustIndex');
  private snapshot: TrustSnapshot | null = null;
  private listener: pg.Client | null = null;
  private building: Promise<void> | null = null;
  private rebuildRequested = false;
  private safetyTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    await this.refresh();
    this.safetyTimer = setInterval(() => void this.refreshIfBehind(), SAFETY_CHECK_MS);
    this.safetyTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.safetyTimer) clearInterval(this.safetyTimer);
    await this.listener?.end().catch(() => undefined);
    await this.building?.catch(() => undefined);
  }

  /** The snapshot answers are served from. */
  current(): TrustSnapshot {
    if (!this.snapshot) throw new Error('the trust index is not built yet');
    return this.snapshot;
  }

  /** Rebuilds now (coalescing concurrent requests into one more build). */
  refresh(): Promise<void> {
    if (this.building) {
      this.rebuildRequested = true;
      return this.building;
    }
    this.building = (async () => {
      try {
        do {
          this.rebuildRequested = false;
          const started = Date.now();
          this.snapshot = new TrustSnapshot(await this.load());
          this.logger.debug({ msg: 'trust index built', registrySequence: this.snapshot.registrySequence, ms: Date.now() - started });
        } while (this.rebuildRequested && !this.stopped);
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  private async refreshIfBehind(): Promise<void> {
    try {
      const [row] = await this.dataSource.query('SELECT registry_sequence FROM audit_events ORDER BY id DESC LIMIT 1');
      if (Number(row?.registry_sequence ?? 0) !== this.snapshot?.registrySequence) await this.refresh();
    } catch (error) {
      this.logger.warn({ msg: 'trust index check failed', err: (error as Error).message });
    }
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({ connectionString: url, application_name: 'tessera-trust-index' });
    client.on('notification', () => void this.refresh().catch((error: unknown) => this.logger.error({ msg: 'trust index rebuild failed', err: String(error) })));
    client.on('error', (error) => {
      this.logger.warn({ msg: 'trust index lost its LISTEN connection; reconnecting', err: error.message });
      this.listener = null;
      if (!this.stopped) setTimeout(() => void this.listen().then(() => this.refresh()).catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${REGISTRY_CHANNEL}`);
    this.listener = client;
  }

  /** Reads every fact in one REPEATABLE READ transaction, so the snapshot is consistent. */
  private async load(): Promise<SnapshotContents> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const contents = await readContents(runner);
      await runner.query('COMMIT');
      return contents;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

type Row = Record<string, any>;

async function readContents(runner: QueryRunner): Promise<SnapshotContents> {
  const [sequence] = await runner.query('SELECT registry_sequence FROM audit_events ORDER BY id DESC LIMIT 1');
  const organisationRows: Row[] = await runner.query(
    'SELECT id, kind, legal_name, legal_identifier, other_identifiers, country FROM organisations',
  );
  const organisationStatus = groupBy(
    await runner.query('SELECT organisation_id, status, effective_at FROM organisation_status_entries ORDER BY effective_at, recorded_at'),
    'organisation_id',
  );
  const accreditationRows: Row[] = await runner.query(
    `SELECT id, accredited_organisation_id, accrediting_agent_id, type, title, decision, issued_at, valid_from, review_date,
            expires_at, report_url, supersedes_id, limit_eqf_levels, limit_fields, limit_jurisdictions, limit_opportunities
       FROM accreditations`,
  );
  const accreditationStatus = groupBy(
    await runner.query('SELECT accreditation_id, status, effective_at, reason FROM accreditation_status_entries ORDER BY effective_at, recorded_at'),
    'accreditation_id',
  );
  const recognitionRows: Row[] = await runner.query('SELECT agency_id, valid_from, valid_until, jurisdictions FROM agency_recognitions');
  const keyStatus = groupBy(
    await runner.query('SELECT subject_id, status, effective_at, reason FROM key_status_entries ORDER BY effective_at, recorded_at'),
    'subject_id',
  );
  const anchorRows: Row[] = await runner.query('SELECT id, sha256, pem, subject_dn, not_before, not_after FROM trust_anchors');
  const certificateRows: Row[] = await runner.query(
    `SELECT id, organisation_id, sha256, subject_dn, issuer_dn, serial_number, not_before, not_after, organization_identifier,
            key_usage_allows_signing, qualified_e_seal, anchor_id, chain_validity
       FROM issuer_certificates`,
  );
  const didRows: Row[] = await runner.query('SELECT id, organisation_id, did FROM issuer_dids');

  const revocationsOf = (id: string) =>
    (keyStatus.get(id) ?? []).filter((e) => e.status === 'REVOKED').map((e) => ({ effectiveAt: e.effective_at as Date, reason: e.reason as string }));

  return {
    registrySequence: Number(sequence?.registry_sequence ?? 0),
    organisations: organisationRows.map((o) => ({
      id: o.id,
      kind: o.kind,
      legalName: o.legal_name,
      legalIdentifier: o.legal_identifier,
      otherIdentifiers: o.other_identifiers,
      country: o.country,
      statusHistory: (organisationStatus.get(o.id) ?? []).map((e) => entry<OrganisationStatus>(e)),
    })),
    accreditations: accreditationRows.map((a) => ({
      id: a.id,
      accreditedOrganisationId: a.accredited_organisation_id,
      accreditingAgentId: a.accrediting_agent_id,
      type: a.type,
      title: a.title,
      decision: a.decision,
      issuedAt: a.issued_at,
      validFrom: a.valid_from,
      expiresAt: a.expires_at,
      reviewDate: a.review_date,
      reportUrl: a.report_url,
      supersedesId: a.supersedes_id,
      limitEqfLevels: a.limit_eqf_levels,
      limitFields: a.limit_fields,
      limitJurisdictions: a.limit_jurisdictions,
      limitOpportunities: a.limit_opportunities,
      statusHistory: (accreditationStatus.get(a.id) ?? []).map((e) => ({ ...entry<AccreditationStatus>(e), reason: e.reason as string })),
    })),
    recognitions: recognitionRows.map((r) => ({ agencyId: r.agency_id, validFrom: r.valid_from, validUntil: r.valid_until, jurisdictions: r.jurisdictions })),
    anchors: anchorRows.map((a) => ({
      id: a.id,
      sha256: a.sha256,
      pem: a.pem,
      subjectDn: a.subject_dn,
      notBefore: a.not_before,
      notAfter: a.not_after,
      statusHistory: (keyStatus.get(a.id) ?? []).map((e) => entry<TrustAnchorStatus>(e)),
    })),
    certificates: certificateRows.map((c) => ({
      id: c.id,
      sha256: c.sha256,
      subjectDn: c.subject_dn,
      issuerDn: c.issuer_dn,
      serialNumber: c.serial_number,
      notBefore: c.not_before,
      notAfter: c.not_after,
      organizationIdentifier: c.organization_identifier,
      keyUsageAllowsSigning: c.key_usage_allows_signing,
      qualifiedESeal: c.qualified_e_seal,
      registeredOrganisationId: c.organisation_id,
      revocations: revocationsOf(c.id),
      chain: {
        anchorId: c.anchor_id,
        validity: (c.chain_validity as { notBefore: string; notAfter: string }[]).map((v) => ({ notBefore: new Date(v.notBefore), notAfter: new Date(v.notAfter) })),
      },
    })),
    dids: didRows.map((d) => ({ id: d.id, did: d.did, organisationId: d.organisation_id, revocations: revocationsOf(d.id) })),
  };
}

function entry<S extends string>(row: Row): StatusEntry<S> {
  return { status: row.status as S, effectiveAt: row.effective_at as Date };
}

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const list = groups.get(row[key]);
    if (list) list.push(row);
    else groups.set(row[key], [row]);
  }
  return groups;
}
