import pg from 'pg';
import { AuditService } from '#audit';
import { ACCREDITATION_CSV_HEADER } from '#elm';
import { agencyAndProvider, dataOf } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const IMPORT_CSV = `mutation($input: ImportAccreditationsCsvInput!) {
  importAccreditationsCsv(input: $input) { dryRun created updated unchanged rejected records { line type action id problems { path message } } }
}`;

/** DESIGN §8.3 "Bulk CSV for agencies": a per-row report with line numbers, through the registry's rules. */
describe('accreditations CSV import', () => {
  let app: TestApp;
  let db: pg.Client;
  beforeAll(async () => {
    app = await startTestApp();
    db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  const row = (provider: string, fields: Partial<Record<string, string>> = {}) => {
    const values: Record<string, string> = {
      provider_legal_identifier: provider,
      type: 'PROGRAMME_QA',
      decision: 'POSITIVE',
      title: 'Programme review',
      issued_at: '2024-03-01',
      valid_from: '',
      review_date: '2029-03-01',
      expires_at: '2030-03-01',
      limit_eqf_levels: '6;7',
      limit_fields: '0613',
      limit_jurisdictions: 'FI',
      report_url: 'https://example.org/report.pdf',
      landing_page: '',
      agency_legal_identifier: '',
      reference: '',
      ...fields,
    };
    return ACCREDITATION_CSV_HEADER.split(',').map((c) => values[c]).join(',');
  };

  async function importCsv(csv: string, token: string, dryRun?: boolean) {
    return dataOf(await app.graphql(IMPORT_CSV, { input: { csv, dryRun } }, token)).importAccreditationsCsv;
  }

  it('names the bad rows by line — unknown provider, EQF 9, dates out of order — and applies the good ones', async () => {
    const { agencyToken, provider } = await agencyAndProvider(app);
    const csv = [
      ACCREDITATION_CSV_HEADER,
      row(provider.legalIdentifier, { reference: 'R-1' }),
      row('VATFI-99999999'),
      row(provider.legalIdentifier, { limit_eqf_levels: '9' }),
      row(provider.legalIdentifier, { issued_at: '2024-03-01', expires_at: '2023-03-01', review_date: '' }),
      '',
    ].join('\n');
    const { rows: [{ count: before }] } = await db.query('SELECT count(*)::int FROM accreditations');
    const report = await importCsv(csv, agencyToken);
    expect(report).toMatchObject({ dryRun: false, created: 1, rejected: 3 });
    expect(report.records.map((r: { line: number; action: string }) => [r.line, r.action])).toEqual([
      [2, 'CREATED'],
      [3, 'REJECTED'],
      [4, 'REJECTED'],
      [5, 'REJECTED'],
    ]);
    expect(report.records[1].problems).toEqual([{ path: 'provider_legal_identifier', message: 'no organisation is registered with legal identifier VATFI-99999999' }]);
    expect(report.records[2].problems).toEqual([{ path: 'limit_eqf_levels', message: expect.stringMatching(/EQF level/) }]);
    expect(report.records[3].problems).toEqual(
      expect.arrayContaining([
        { path: 'expires_at', message: 'must be after validFrom' },
        { path: 'issued_at', message: 'must be before expiresAt' },
      ]),
    );
    const { rows: [{ count: after }] } = await db.query('SELECT count(*)::int FROM accreditations');
    expect(after).toBe(before + 1);
    // Rows are written in bulk: the audit chain still links every event to the one before.
    expect(await app.nest.get(AuditService).verifyChain()).toMatchObject({ ok: true });

    // Rows with a reference are the agency's own records: the same file again leaves them UNCHANGED.
    const again = await importCsv([ACCREDITATION_CSV_HEADER, row(provider.legalIdentifier, { reference: 'R-1' })].join('\n'), agencyToken);
    expect(again.records[0]).toMatchObject({ line: 2, action: 'UNCHANGED', id: report.records[0].id });
  });

  it('a dry run changes nothing; a provider and an anonymous caller are refused; a file with unknown columns is BAD_USER_INPUT', async () => {
    const { agencyToken, provider, providerToken } = await agencyAndProvider(app);
    const csv = [ACCREDITATION_CSV_HEADER, row(provider.legalIdentifier)].join('\n');
    const { rows: [{ count: before }] } = await db.query('SELECT count(*)::int FROM audit_events');
    expect((await importCsv(csv, agencyToken, true)).records[0]).toMatchObject({ action: 'CREATED', id: null });
    expect((await importCsv(csv, providerToken)).records[0]).toMatchObject({ action: 'REJECTED', problems: [{ message: expect.stringMatching(/only a quality agency/) }] });
    const { rows: [{ count: after }] } = await db.query('SELECT count(*)::int FROM audit_events');
    expect(after).toBe(before);
    expect((await app.graphql(IMPORT_CSV, { input: { csv } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await app.graphql(IMPORT_CSV, { input: { csv: 'provider,kind\nx,y' } }, agencyToken);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.csv' }] });
  });

  it('the operator imports on behalf of an agency, naming it per row', async () => {
    const { agency, provider } = await agencyAndProvider(app);
    const report = await importCsv([ACCREDITATION_CSV_HEADER, row(provider.legalIdentifier, { agency_legal_identifier: agency.legalIdentifier }), row(provider.legalIdentifier)].join('\n'), app.adminToken);
    expect(report.records[0]).toMatchObject({ action: 'CREATED' });
    expect(report.records[1]).toMatchObject({ action: 'REJECTED', problems: [{ path: 'agency_legal_identifier', message: expect.stringMatching(/required when the operator/) }] });
  });

  it('accepts a ~3 MiB file (more than the 1 MiB default body) from a key', async () => {
    const { agencyToken, provider } = await agencyAndProvider(app);
    // Rows naming an unregistered provider are refused without touching the database, so the size is cheap to test.
    const filler = Array.from({ length: 19_000 }, (_, i) => row(`VATFI-9${String(i).padStart(7, '0')}`, { title: `Programme review ${i} of a long series of reviews` }));
    const csv = [ACCREDITATION_CSV_HEADER, row(provider.legalIdentifier), ...filler].join('\n');
    const body = JSON.stringify({ query: IMPORT_CSV, variables: { input: { csv } } });
    expect(Buffer.byteLength(body)).toBeGreaterThan(3 * 1024 * 1024);
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agencyToken}` }, body });
    expect(response.status).toBe(200);
    const report = ((await response.json()) as { data: { importAccreditationsCsv: { created: number; rejected: number } } }).data.importAccreditationsCsv;
    expect(report).toMatchObject({ created: 1, rejected: 19_000 });
  });

  it('many rows in one batch: each gets its own decision, status and audit event, in order, and the trust index sees them', async () => {
    const { agency, agencyToken, provider } = await agencyAndProvider(app);
    const { rows: [{ count: before }] } = await db.query('SELECT count(*)::int FROM audit_events');
    const rows = Array.from({ length: 120 }, (_, i) => row(provider.legalIdentifier, { title: `Review ${i}`, reference: `B-${i}`, ...(i === 60 ? { limit_eqf_levels: '0' } : {}) }));
    const report = await importCsv([ACCREDITATION_CSV_HEADER, ...rows].join('\n'), agencyToken);
    expect(report).toMatchObject({ created: 119, rejected: 1 });
    expect(report.records[60]).toMatchObject({ line: 62, action: 'REJECTED', problems: [{ path: 'limit_eqf_levels' }] });
    const { rows: events } = await db.query(`SELECT action, entity_id FROM audit_events ORDER BY id OFFSET $1`, [before]);
    const created = report.records.filter((r: { action: string }) => r.action === 'CREATED').map((r: { id: string }) => r.id);
    expect(events.filter((e) => e.action === 'accreditation.recorded').map((e) => e.entity_id)).toEqual(created);
    const { rows: [{ count: statuses }] } = await db.query(`SELECT count(*)::int FROM accreditation_status_entries WHERE accreditation_id = ANY($1::uuid[])`, [created]);
    expect(statuses).toBe(119);
    expect(await app.nest.get(AuditService).verifyChain()).toMatchObject({ ok: true });
    const trust = (await (await fetch(`${app.url}/trust/v1/issuers/${provider.legalIdentifier}?at=2025-01-01T00:00:00Z&eqfLevel=6`)).json()) as { status: string };
    expect(trust.status).toBe('TRUSTED');
    expect(agency.id).toBeDefined();
  });
});
