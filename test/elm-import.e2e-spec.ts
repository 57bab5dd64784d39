import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createPublished } from './support/catalogue-fixtures.js';
import { validateElm } from './support/elm-shacl.js';
import { agencyAndProvider, createApiKey, dataOf, recognise, registerOrganisation, uniqueLegalIdentifier } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const FINEEC = readFileSync(join(process.cwd(), '..', 'shared', 'vectors', 'elm', 'sample-accreditation-fineec.jsonld'), 'utf8');
const FINEEC_ACCREDITATION = 'http://data.europa.eu/snb/data-dev/accreditation/c5f442fc-adcb-4ce0-b698-19b0156a5c26';

const IMPORT_ELM = `mutation($input: ImportElmInput!) {
  importElm(input: $input) { dryRun created updated unchanged rejected records { elmId line type action id problems { path message } } }
}`;

/** DESIGN §8.3 "In": ELM documents imported through the registry's and catalogue's own services. */
describe('ELM import', () => {
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

  async function importElm(document: string | object, token: string, dryRun?: boolean) {
    const result = await app.graphql(IMPORT_ELM, { input: { document: typeof document === 'string' ? document : JSON.stringify(document), dryRun } }, token);
    return dataOf(result).importElm;
  }

  async function counts(): Promise<{ audit: number; history: number; accreditations: number; opportunities: number }> {
    const { rows } = await db.query(`SELECT (SELECT count(*) FROM audit_events)::int AS audit, (SELECT count(*) FROM accreditation_status_entries)::int AS history,
      (SELECT count(*) FROM accreditations)::int AS accreditations, (SELECT count(*) FROM learning_opportunities)::int AS opportunities`);
    return rows[0];
  }

  async function trustOf(legalIdentifier: string, at: string): Promise<{ status: string; reasons: { code: string }[] }> {
    const response = await fetch(`${app.url}/trust/v1/issuers/${legalIdentifier}?at=${at}&eqfLevel=6`);
    return (await response.json()) as { status: string; reasons: { code: string }[] };
  }

  /** FINEEC and JAMK as a registry holds them: the agency recognised, JAMK by its real business id (the export's VAT number). */
  async function fineecAndJamk() {
    const fineec = await registerOrganisation(app, 'QUALITY_AGENCY', { legalName: 'Finnish Education Evaluation Centre (FINEEC)', country: 'FI', legalIdentifier: uniqueLegalIdentifier('FI') });
    await recognise(app, fineec.id, { validFrom: '2015-01-01T00:00:00Z', basis: 'EQAR-registered' });
    const jamk = await registerOrganisation(app, 'PROVIDER', { legalName: 'JAMK University of Applied Sciences', country: 'FI', legalIdentifier: 'VATFI-10065502' });
    return { fineec, jamk, fineecToken: await createApiKey(app, 'QUALITY_AGENCY', fineec.id), jamkToken: await createApiKey(app, 'PROVIDER', jamk.id) };
  }

  describe('the FINEEC → JAMK register export', () => {
    let parties: Awaited<ReturnType<typeof fineecAndJamk>>;
    let accreditationId: string;

    beforeAll(async () => {
      parties = await fineecAndJamk();
    });

    it('a provider importing the agency decision is refused, and nothing changes', async () => {
      const before = await counts();
      const report = await importElm(FINEEC, parties.jamkToken);
      expect(report.records).toEqual([
        expect.objectContaining({ elmId: FINEEC_ACCREDITATION, type: 'Accreditation', action: 'REJECTED', id: null, problems: [expect.objectContaining({ message: expect.stringMatching(/quality agency/) })] }),
      ]);
      expect(await counts()).toEqual(before);
    });

    it('a dry run reports CREATED and changes nothing at all', async () => {
      const before = await counts();
      const report = await importElm(FINEEC, parties.fineecToken, true);
      expect(report).toMatchObject({ dryRun: true, created: 1, rejected: 0 });
      expect(report.records[0]).toMatchObject({ action: 'CREATED', id: null, problems: [] });
      expect(await counts()).toEqual(before);
      expect((await trustOf('VATFI-10065502', '2020-06-01T00:00:00Z')).status).toBe('NOT_TRUSTED');
    });

    it('imported by FINEEC, JAMK is trusted in 2020 and not after the expiry (2025-05-20)', async () => {
      const report = await importElm(FINEEC, parties.fineecToken);
      expect(report).toMatchObject({ dryRun: false, created: 1, updated: 0, unchanged: 0, rejected: 0 });
      accreditationId = report.records[0].id;
      const stored = dataOf(
        await app.graphql(
          `query($id: ID!) { accreditation(id: $id) { type title decision issuedAt validFrom reviewDate expiresAt reportUrl limitEqfLevels limitFields limitJurisdictions accreditedOrganisation { id } accreditingAgent { id } } }`,
          { id: accreditationId },
        ),
      ).accreditation;
      expect(stored).toEqual({
        type: 'INSTITUTIONAL_LICENCE',
        title: 'FINEEC: Institutional audit Audit of Jyväskylä University of Applied Sciences',
        decision: 'POSITIVE',
        issuedAt: '2019-05-20T00:00:00.000Z',
        validFrom: '2019-05-20T00:00:00.000Z',
        reviewDate: '2025-05-20T00:00:00.000Z',
        expiresAt: '2025-05-20T00:00:00.000Z',
        reportUrl: 'https://backend.deqar.eu/reports/FINEEC/20200303_1404_JAMK_auditointi.pdf',
        limitEqfLevels: [6, 7],
        limitFields: ['00'],
        limitJurisdictions: ['FI'],
        accreditedOrganisation: { id: parties.jamk.id },
        accreditingAgent: { id: parties.fineec.id },
      });
      expect((await trustOf('VATFI-10065502', '2020-06-01T00:00:00Z')).status).toBe('TRUSTED');
      const after = await trustOf('VATFI-10065502', '2025-06-01T00:00:00Z');
      expect(after.status).toBe('NOT_TRUSTED');
      expect(after.reasons.map((r) => r.code)).toContain('ACCREDITATION_EXPIRED');
    });

    it('its export conforms to AMS (the round trip)', async () => {
      const response = await fetch(`${app.url}/elm/v3/accreditations/${accreditationId}`);
      const outcome = await validateElm((await response.json()) as object, 'AMS');
      expect(outcome.violations).toEqual([]);
      expect(outcome.focusNodes('Accreditation')).toBe(1);
    });

    it('a second import of the same document is all UNCHANGED and writes no history or audit event; so is importing our own export', async () => {
      const before = await counts();
      const again = await importElm(FINEEC, parties.fineecToken);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
      expect(again.records[0]).toMatchObject({ action: 'UNCHANGED', id: accreditationId });
      const exported = await (await fetch(`${app.url}/elm/v3/accreditations/${accreditationId}`)).text();
      expect((await importElm(exported, parties.fineecToken)).records[0]).toMatchObject({ action: 'UNCHANGED', id: accreditationId });
      expect(await counts()).toEqual(before);
    });

    it('a changed document updates the record it created, as one audit event and no new status', async () => {
      const document = JSON.parse(FINEEC);
      const node = document['@graph'].find((n: { '@id': string }) => n['@id'] === FINEEC_ACCREDITATION);
      node.expiryDate = '2026-05-20T00:00:00Z';
      const before = await counts();
      const report = await importElm(document, parties.fineecToken);
      expect(report.records[0]).toMatchObject({ action: 'UPDATED', id: accreditationId });
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      expect((await trustOf('VATFI-10065502', '2025-06-01T00:00:00Z')).status).toBe('TRUSTED');
    });
  });

  it('a mixed document: the good record applies, the bad one is REJECTED with the JSON path of each problem and changes nothing', async () => {
    const { agency, agencyToken, provider } = await agencyAndProvider(app);
    const party = (id: string, legalIdentifier: string) => ({ '@id': id, '@type': 'Organisation', eIDASIdentifier: { '@type': 'LegalIdentifier', notation: legalIdentifier } });
    const record = (id: string, fields: object) => ({
      '@id': id,
      '@type': 'Accreditation',
      dcType: { '@id': 'http://data.europa.eu/snb/accreditation/bb4618238e' },
      title: { en: 'Institutional review' },
      organisation: party('urn:example:provider', provider.legalIdentifier),
      accreditingAgent: party('urn:example:agency', agency.legalIdentifier),
      dateIssued: '2024-01-01T00:00:00Z',
      expiryDate: '2030-01-01T00:00:00Z',
      ...fields,
    });
    const suffix = Math.random().toString(36).slice(2);
    const document = {
      '@context': 'http://data.europa.eu/snb/model/context/edc-ap',
      '@graph': [record(`urn:example:good:${suffix}`, {}), record(`urn:example:bad:${suffix}`, { expiryDate: '2023-01-01T00:00:00Z', limitEQFLevel: [{ '@id': 'http://data.europa.eu/snb/eqf/6' }] })],
    };
    const before = await counts();
    const report = await importElm(document, agencyToken);
    expect(report).toMatchObject({ created: 1, rejected: 1 });
    expect(report.records[0]).toMatchObject({ elmId: `urn:example:good:${suffix}`, action: 'CREATED', problems: [] });
    expect(report.records[1]).toMatchObject({ elmId: `urn:example:bad:${suffix}`, action: 'REJECTED', id: null });
    expect(report.records[1].problems).toEqual(
      expect.arrayContaining([
        { path: "$['@graph'][1].expiryDate", message: 'must be after validFrom' },
        { path: "$['@graph'][1].dateIssued", message: 'must be before expiresAt' },
      ]),
    );
    // One accreditation, its first status and its audit event: the rejected record left nothing.
    expect(await counts()).toEqual({ ...before, accreditations: before.accreditations + 1, history: before.history + 1, audit: before.audit + 1 });

    const unreadable = await app.graphql(IMPORT_ELM, { input: { document: '{"@context": "https://example.org/unknown", "@id": "urn:x"}' } }, agencyToken);
    expect(unreadable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.document' }] });
    expect((await app.graphql(IMPORT_ELM, { input: { document: JSON.stringify(document) } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('learning opportunities: a provider imports an ELM opportunity (published at once), the same again is UNCHANGED, and its export conforms to LOQ', async () => {
    const { providerToken } = await agencyAndProvider(app);
    const course = await createPublished(app, providerToken, { nqfLevel: 'http://data.europa.eu/snb/qdr/c_7b3ba8c5' });
    const exported = (await (await fetch(`${app.url}/elm/v3/learning-opportunities/${course.id}`)).json()) as Record<string, unknown>;
    // Another register's copy of the course: a new ELM id.
    const copy = { ...exported, '@id': `urn:example:course:${course.id}` };
    const created = await importElm(copy, providerToken);
    expect(created.records[0]).toMatchObject({ type: 'LearningOpportunity', action: 'CREATED', problems: [] });
    const imported = dataOf(
      await app.graphql(`query($id: ID!) { learningOpportunity(id: $id) { status eqfLevel nqfLevel ectsCredits iscedFCodes languages mode assessmentTypes qualityAssurance landingPage annexI { complete } } }`, {
        id: created.records[0].id,
      }),
    ).learningOpportunity;
    expect(imported).toEqual({
      status: 'PUBLISHED',
      eqfLevel: 6,
      nqfLevel: 'http://data.europa.eu/snb/qdr/c_7b3ba8c5',
      ectsCredits: 5,
      iscedFCodes: ['0613'],
      languages: ['en'],
      mode: 'ONLINE',
      assessmentTypes: ['PROJECT_WORK'],
      qualityAssurance: 'Internal quality assurance, institutionally accredited',
      landingPage: 'https://example.org/courses/aml',
      annexI: { complete: true },
    });
    const before = await counts();
    expect((await importElm(copy, providerToken)).records[0]).toMatchObject({ action: 'UNCHANGED', id: created.records[0].id });
    // Our own export, under our own urn:uuid id, is the course it was exported from.
    expect((await importElm(exported, providerToken)).records[0]).toMatchObject({ action: 'UNCHANGED', id: course.id });
    expect(await counts()).toEqual(before);
    const outcome = await validateElm((await (await fetch(`${app.url}/elm/v3/learning-opportunities/${created.records[0].id}`)).json()) as object, 'LOQ');
    expect(outcome.violations).toEqual([]);
    expect(outcome.focusNodes('LearningOpportunity')).toBe(1);

    // Another provider may not import it as its own course's update.
    const other = await agencyAndProvider(app);
    const refused = await importElm(copy, other.providerToken);
    expect(refused.records[0]).toMatchObject({ action: 'REJECTED', problems: [expect.objectContaining({ message: expect.stringMatching(/only the provider/) })] });
  });
});
