import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { AuditService } from '#audit';
import { ReviewDueJob } from '#notifications';
import type { Clock } from '#platform';
import { AccreditationService } from '#registry';
import {
  accreditationInput,
  agencyAndProvider,
  CHANGE_STATUS,
  createApiKey,
  dataOf,
  RECORD_ACCREDITATION,
  recordAccreditation,
  registerOrganisation,
} from './support/registry-fixtures.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/** Short back-off, so that retries happen within a test; everything else as in production. */
const FAST = { app: { notifications: { pollIntervalMs: 50, retryBaseMs: 150 } } };

const SUBSCRIBE = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { id url events organisationIds disabledAt } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(subscriptionId: $id) {
  id eventId eventType status attempts { attemptedAt statusCode error durationMs } } }`;

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A webhook receiver on 127.0.0.1: records what it gets and answers as `answer` says. */
class Receiver {
  readonly received: (Received & { path: string })[] = [];
  inFlight = 0;
  maxInFlight = 0;
  answer: (n: number, response: ServerResponse, path: string) => void = (_n, response) => response.writeHead(204).end();
  private readonly server: Server;

  constructor() {
    this.server = createServer((request, response) => {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks), path: request.url ?? '' });
        response.on('finish', () => this.inFlight--);
        this.answer(this.received.length, response, request.url ?? '');
      });
    });
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  json(): Record<string, any>[] {
    return this.received.map((r) => JSON.parse(r.body.toString('utf8')));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
  }
}

async function subscribe(app: TestApp, token: string, input: Record<string, unknown>): Promise<string> {
  return dataOf(await app.graphql(SUBSCRIBE, { input }, token)).createWebhookSubscription.id;
}

async function deliveries(app: TestApp, token: string, id: string): Promise<Record<string, any>[]> {
  return dataOf(await app.graphql(DELIVERIES, { id }, token)).webhookDeliveries;
}

async function verifierToken(app: TestApp): Promise<string> {
  const created = await app.graphql(`mutation { createApiKey(input: {name: "wallet provider", role: VERIFIER}) { token apiKey { role organisationId } } }`, {}, app.adminToken);
  expect(dataOf(created).createApiKey.apiKey).toEqual({ role: 'VERIFIER', organisationId: null });
  return dataOf(created).createApiKey.token;
}

describe('change notifications (webhooks)', () => {
  let app: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    app = await startTestApp({ webhooksAllowPrivate: true }, FAST);
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(async () => {
    receiver = await new Receiver().start();
  });
  afterEach(async () => {
    await receiver.stop();
  });

  it('delivers one POST per change, with a detached JWS over the exact body that verifies with /trust/v1/keys', async () => {
    const { agencyToken, provider } = await agencyAndProvider(app);
    const token = await verifierToken(app);
    const id = await subscribe(app, token, { url: receiver.url(), events: ['ACCREDITATION_RECORDED', 'ACCREDITATION_STATUS_CHANGED'], organisationIds: [provider.id] });

    const accreditation = await recordAccreditation(app, agencyToken, provider.id);
    dataOf(
      await app.graphql(CHANGE_STATUS, { input: { accreditationId: accreditation.id, status: 'SUSPENDED', reason: 'complaint under investigation', version: accreditation.version } }, agencyToken),
    );

    await eventually(async () => (receiver.received.length >= 2 ? true : undefined));
    const sent = await eventually(async () => {
      const rows = await deliveries(app, token, id);
      return rows.length === 2 && rows.every((d) => d.status === 'DELIVERED') ? rows : undefined;
    });
    expect(sent.map((d) => d.attempts.map((a: { statusCode: number }) => a.statusCode))).toEqual([[204], [204]]);
    expect(receiver.received).toHaveLength(2); // one each, no second send

    const [recorded, suspended] = receiver.json();
    expect(recorded).toMatchObject({
      type: 'ACCREDITATION_RECORDED',
      organisation: { id: provider.id, legalIdentifier: provider.legalIdentifier },
      change: { accreditationId: accreditation.id, decision: 'POSITIVE' },
    });
    expect(suspended).toMatchObject({
      type: 'ACCREDITATION_STATUS_CHANGED',
      organisation: { id: provider.id },
      change: { accreditationId: accreditation.id, status: 'SUSPENDED', reason: 'complaint under investigation' },
    });
    expect(suspended.registrySequence).toBeGreaterThan(recorded.registrySequence);
    expect(new Date(suspended.occurredAt).getTime()).toBeGreaterThanOrEqual(new Date(recorded.occurredAt).getTime());
    expect(sent.map((d) => d.eventId).sort()).toEqual([recorded.id, suspended.id].sort());

    const jwks = createLocalJWKSet((await (await fetch(`${app.url}/trust/v1/keys`)).json()) as JSONWebKeySet);
    for (const { headers, body } of receiver.received) {
      expect(headers['content-type']).toBe('application/json');
      const [header, payload, signature] = String(headers['tessera-signature']).split('.');
      expect(payload).toBe(''); // detached (RFC 7515 Appendix F)
      const { payload: signed, protectedHeader } = await compactVerify(`${header}.${body.toString('base64url')}.${signature}`, jwks);
      expect(protectedHeader.alg).toBe('ES256');
      expect(Buffer.from(signed).equals(body)).toBe(true);
      // A changed byte no longer verifies.
      const tampered = Buffer.from(body.toString('utf8').replace('"type"', '"tipe"'));
      await expect(compactVerify(`${header}.${tampered.toString('base64url')}.${signature}`, jwks)).rejects.toThrow();
    }
  });

  it('retries a receiver that fails three times, backing off, and then delivers the same bytes', async () => {
    receiver.answer = (n, response) => response.writeHead(n <= 3 ? 500 : 200).end();
    const agency = await registerOrganisation(app, 'QUALITY_AGENCY');
    const id = await subscribe(app, app.adminToken, { url: receiver.url(), events: ['AGENCY_RECOGNITION_CHANGED'], organisationIds: [agency.id] });
    dataOf(
      await app.graphql(
        `mutation($input: RecogniseQualityAgencyInput!) { recogniseQualityAgency(input: $input) { id } }`,
        { input: { agencyId: agency.id, validFrom: '2020-01-01T00:00:00Z', basis: 'EQAR-registered' } },
        app.adminToken,
      ),
    );

    const [delivery] = await eventually(async () => {
      const rows = await deliveries(app, app.adminToken, id);
      return rows[0]?.status === 'DELIVERED' ? rows : undefined;
    }, 15_000);
    expect(delivery.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 500, 200]);
    const times = delivery.attempts.map((a: { attemptedAt: string }) => new Date(a.attemptedAt).getTime());
    const gaps = times.slice(1).map((t: number, i: number) => t - times[i]);
    // 150 ms, then 300, then 600: each retry waits at least its doubled delay.
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]).toBeGreaterThanOrEqual(300);
    expect(gaps[2]).toBeGreaterThanOrEqual(600);
    expect(receiver.received).toHaveLength(4);
    expect(new Set(receiver.received.map((r) => r.body.toString('utf8'))).size).toBe(1);
    expect(receiver.json()[0]).toMatchObject({ type: 'AGENCY_RECOGNITION_CHANGED', organisation: { id: agency.id }, change: { basis: 'EQAR-registered' } });
    const [subscription] = dataOf(await app.graphql(`{ webhookSubscriptions { id disabledAt } }`, {}, app.adminToken)).webhookSubscriptions.filter(
      (s: { id: string }) => s.id === id,
    );
    expect(subscription.disabledAt).toBeNull();
  });

  it('delivers a burst of concurrent changes one at a time, in the order they committed', async () => {
    // A slow receiver: a second POST while one is open would show as maxInFlight 2.
    receiver.answer = (_n, response) => setTimeout(() => response.writeHead(200).end(), 40);
    const { agencyToken, provider, providerToken } = await agencyAndProvider(app);
    const id = await subscribe(app, providerToken, { url: receiver.url(), events: ['ACCREDITATION_RECORDED'] });

    const recorded = await Promise.all(
      Array.from({ length: 8 }, (_, i) => app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(provider.id, { title: `Programme ${i}` }) }, agencyToken)),
    );
    const ids = recorded.map((r) => dataOf(r).recordAccreditation.id as string);

    await eventually(async () => (receiver.received.length >= 8 ? true : undefined), 15_000);
    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const committed = (await db.query(`SELECT entity_id FROM audit_events WHERE entity_id = ANY($1::uuid[]) ORDER BY id`, [ids])).rows.map((r) => r.entity_id);
      const announced = receiver.json().map((b) => b.change.accreditationId);
      expect(announced).toEqual(committed);
      const sequences = receiver.json().map((b) => b.registrySequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    } finally {
      await db.end();
    }
    expect(receiver.maxInFlight).toBe(1);
    await eventually(async () => ((await deliveries(app, providerToken, id)).every((d) => d.status === 'DELIVERED') ? true : undefined));
  });

  it('never announces a change that rolled back, even after its audit event was written in the transaction', async () => {
    const { agencyToken, provider, providerToken } = await agencyAndProvider(app);
    await subscribe(app, providerToken, { url: receiver.url(), events: ['ACCREDITATION_RECORDED'] });
    // The recording writes its audit event, then its outbox row: failing the outbox row for this
    // provider makes PostgreSQL roll the whole transaction back after the audit append.
    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      await db.query(`CREATE FUNCTION refuse_outbox_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
      await db.query(`CREATE TRIGGER refuse_outbox_row BEFORE INSERT ON search_outbox FOR EACH ROW
        WHEN (NEW.aggregate_id = '${provider.id}'::uuid) EXECUTE FUNCTION refuse_outbox_row()`);
      const failed = await app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(provider.id, { title: 'Rolled back' }) }, agencyToken);
      expect(failed.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      await db.query(`DROP TRIGGER refuse_outbox_row ON search_outbox`);
      await db.query(`DROP FUNCTION refuse_outbox_row()`);
      const committed = dataOf(await app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(provider.id, { title: 'Committed' }) }, agencyToken)).recordAccreditation.id;

      // The committed change is announced; by then the rolled-back one would have been too.
      await eventually(async () => (receiver.received.length >= 1 ? true : undefined), 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.json().map((b) => b.change.accreditationId)).toEqual([committed]);
      const audited = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE diff::text LIKE '%Rolled back%'`);
      expect(audited.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('keeps pending deliveries across an api restart and delivers them after it', async () => {
    receiver.answer = (_n, response) => response.writeHead(503).end();
    const own = await startTestApp({ webhooksAllowPrivate: true }, FAST);
    let restarted: TestApp | undefined;
    try {
      const provider = await registerOrganisation(own, 'PROVIDER');
      const id = await subscribe(own, own.adminToken, { url: receiver.url(), events: ['ORGANISATION_STATUS_CHANGED'], organisationIds: [provider.id] });
      dataOf(
        await own.graphql(
          `mutation($input: ChangeOrganisationStatusInput!) { changeOrganisationStatus(input: $input) { id } }`,
          { input: { organisationId: provider.id, status: 'SUSPENDED', reason: 'unpaid fees', version: provider.version } },
          own.adminToken,
        ),
      );
      await eventually(async () => ((await deliveries(own, own.adminToken, id))[0]?.attempts.length >= 1 ? true : undefined));
      await own.nest.close();
      const failedBefore = receiver.received.length;

      receiver.answer = (_n, response) => response.writeHead(200).end();
      restarted = await startTestApp({ webhooksAllowPrivate: true }, { ...FAST, sameDatabaseAs: own });
      const [delivery] = await eventually(async () => {
        const rows = await deliveries(restarted!, own.adminToken, id);
        return rows[0]?.status === 'DELIVERED' ? rows : undefined;
      }, 15_000);
      expect(delivery.attempts.slice(0, -1).every((a: { statusCode: number }) => a.statusCode === 503)).toBe(true);
      expect(delivery.attempts.at(-1).statusCode).toBe(200);
      expect(receiver.received.length).toBe(failedBefore + 1);
      expect(receiver.json().at(-1)).toMatchObject({ type: 'ORGANISATION_STATUS_CHANGED', organisation: { id: provider.id }, change: { status: 'SUSPENDED' } });
    } finally {
      await restarted?.close();
      await own.close();
    }
  });

  it('disables a subscription whose receiver still fails when the retries run out, says why, and sends it nothing more', async () => {
    receiver.answer = (_n, response, path) => response.writeHead(path === '/failing' ? 500 : 200).end();
    const short = await startTestApp({ webhooksAllowPrivate: true }, { app: { notifications: { pollIntervalMs: 50, retryBaseMs: 100, giveUpAfterMs: 700 } } });
    try {
      const provider = await registerOrganisation(short, 'PROVIDER');
      const input = { events: ['ORGANISATION_STATUS_CHANGED'], organisationIds: [provider.id] };
      const failing = await subscribe(short, short.adminToken, { ...input, url: receiver.url('/failing') });
      // A healthy subscription to the same changes shows when a change has been fanned out.
      const witness = await subscribe(short, short.adminToken, { ...input, url: receiver.url('/witness') });
      const change = async (status: string, version: number) =>
        dataOf(
          await short.graphql(
            `mutation($input: ChangeOrganisationStatusInput!) { changeOrganisationStatus(input: $input) { version } }`,
            { input: { organisationId: provider.id, status, reason: 'fees', version } },
            short.adminToken,
          ),
        ).changeOrganisationStatus.version as number;
      const version = await change('SUSPENDED', provider.version);

      const disabled = await eventually(async () => {
        const all = dataOf(await short.graphql(`{ webhookSubscriptions { id disabledAt disabledReason } }`, {}, short.adminToken)).webhookSubscriptions;
        const mine = all.find((s: { id: string }) => s.id === failing);
        return mine.disabledAt ? mine : undefined;
      }, 15_000);
      expect(disabled.disabledReason).toMatch(/no 2xx answer to event \S+ in \d+ attempts .*\(last: HTTP 500\)/);
      const [abandoned] = await deliveries(short, short.adminToken, failing);
      expect(abandoned.status).toBe('ABANDONED');
      expect(abandoned.attempts.length).toBeGreaterThanOrEqual(2);
      expect(abandoned.attempts.every((a: { statusCode: number }) => a.statusCode === 500)).toBe(true);

      await change('ACTIVE', version);
      await eventually(async () => (receiver.received.filter((r) => r.path === '/witness').length === 2 ? true : undefined));
      expect(await deliveries(short, short.adminToken, failing)).toHaveLength(1);
      expect((await deliveries(short, short.adminToken, witness)).every((d) => d.status === 'DELIVERED')).toBe(true);
    } finally {
      await short.close();
    }
  });

  it('announces REVIEW_DUE once per accreditation, TESSERA_REVIEW_DUE_DAYS (30) before its review date, to the agency', async () => {
    const { agency, agencyToken, provider } = await agencyAndProvider(app);
    const id = await subscribe(app, agencyToken, { url: receiver.url(), events: ['REVIEW_DUE'] });
    const due = await recordAccreditation(app, agencyToken, provider.id, { reviewDate: '2031-03-01T00:00:00Z', expiresAt: '2032-01-01T00:00:00Z' });
    await recordAccreditation(app, agencyToken, provider.id, { reviewDate: '2031-06-01T00:00:00Z', expiresAt: '2032-01-01T00:00:00Z' });
    // The job as the api runs it, on a clock this test fixes.
    const jobAt = (iso: string) =>
      new ReviewDueJob(app.nest.get<DataSource>(getDataSourceToken()), app.nest.get(AuditService), app.nest.get(AccreditationService), { now: () => new Date(iso) } as Clock, app.config);

    expect(await jobAt('2031-01-29T00:00:00Z').run()).toBe(0); // 31 days before
    expect(await jobAt('2031-01-30T00:00:00Z').run()).toBe(1); // 30 days before
    expect(await jobAt('2031-02-15T00:00:00Z').run()).toBe(0); // already announced

    await eventually(async () => ((await deliveries(app, agencyToken, id))[0]?.status === 'DELIVERED' ? true : undefined));
    expect(receiver.json()).toEqual([
      expect.objectContaining({
        type: 'REVIEW_DUE',
        organisation: { id: provider.id, legalIdentifier: provider.legalIdentifier },
        change: { accreditationId: due.id, accreditingAgentId: agency.id, reviewDate: '2031-03-01T00:00:00.000Z', daysBefore: 30 },
      }),
    ]);
  });

  it('refuses a provider subscribing to another organisation, an ftp: URL, a private address without TESSERA_WEBHOOKS_ALLOW_PRIVATE, and a VERIFIER key anything but its own subscriptions', async () => {
    const { providerToken, agency } = await agencyAndProvider(app);
    const other = await app.graphql(SUBSCRIBE, { input: { url: receiver.url(), events: ['REVIEW_DUE'], organisationIds: [agency.id] } }, providerToken);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const ftp = await app.graphql(SUBSCRIBE, { input: { url: 'ftp://127.0.0.1/hook', events: ['REVIEW_DUE'] } }, providerToken);
    expect(ftp.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.url' }] });

    // A VERIFIER key manages its own subscriptions only, and nothing else.
    const verifier = await verifierToken(app);
    const otherVerifier = await verifierToken(app);
    const own = await subscribe(app, verifier, { url: receiver.url(), events: ['ISSUER_KEY_CHANGED'] });
    expect((await app.graphql(DELIVERIES, { id: own }, otherVerifier)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql(`mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`, { id: own }, providerToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(dataOf(await app.graphql(`{ webhookSubscriptions { id } }`, {}, otherVerifier)).webhookSubscriptions).toEqual([]);
    const recognise = await app.graphql(
      `mutation($input: RecogniseQualityAgencyInput!) { recogniseQualityAgency(input: $input) { id } }`,
      { input: { agencyId: agency.id, validFrom: '2020-01-01T00:00:00Z', basis: 'EQAR-registered' } },
      verifier,
    );
    expect(recognise.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(agency.id) }, verifier)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const strict = await startTestApp({}, FAST);
    try {
      const strictProvider = await registerOrganisation(strict, 'PROVIDER');
      const token = await createApiKey(strict, 'PROVIDER', strictProvider.id);
      for (const url of ['https://127.0.0.1/hook', 'https://10.1.2.3/hook', 'https://[::1]/hook', 'https://169.254.169.254/latest', 'https://localhost/hook', receiver.url()]) {
        const refused = await strict.graphql(SUBSCRIBE, { input: { url, events: ['REVIEW_DUE'] } }, token);
        expect({ url, extensions: refused.errors?.[0].extensions }).toMatchObject({ url, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.url' }] } });
      }
      expect(dataOf(await strict.graphql(`{ webhookSubscriptions { id } }`, {}, token)).webhookSubscriptions).toEqual([]);
    } finally {
      await strict.close();
    }
    // Nothing was created by the refusals here either.
    expect(dataOf(await app.graphql(`{ webhookSubscriptions { id } }`, {}, providerToken)).webhookSubscriptions).toEqual([]);
  });
});
