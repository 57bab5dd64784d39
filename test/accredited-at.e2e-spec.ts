import { randomInt, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { type Queryable, readAccreditations, readOrganisations, readRecognitions } from '#registry';
// The rule's forms are read where they are written (the barrel exports only what other libraries use).
import {
  accreditedAt,
  accreditedAtSql,
  accreditedWindows,
  type ProviderAccreditationFacts,
  windowsSayAccredited,
} from '../libs/registry/src/accreditation/accredited-at.js';
import { evaluateTrust, type RegistryFacts } from '../libs/trust/src/evaluation/index.js';
import { dataOf } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * "Accredited at t" is one rule with four readers (DESIGN §6): the SQL behind the registry's
 * accreditationState filter, the TS rule behind Organisation.accredited (read here over GraphQL),
 * the windows the catalogue stores in search documents, and the trust evaluation (no key, no
 * scope). Random registry histories are written straight into PostgreSQL — organisation status
 * changes, decisions with status histories, supersessions, agency recognitions, ties at one
 * instant — and all four must give the same answer at every sampled instant, the boundaries of
 * every window included.
 */

const DAY = 86_400_000;
const BASE = Date.parse('2024-01-01T00:00:00Z');
const LAST_DAY = 24;
/** Every day boundary (where windows open and close) and every midday. */
const INSTANTS = Array.from({ length: LAST_DAY * 2 + 1 }, (_, i) => new Date(BASE + (i * DAY) / 2));
const day = (n: number) => new Date(BASE + n * DAY);

interface Entry {
  status: string;
  day: number;
  /** Order of recording; distinct within a world, as the database's recorded_at is. */
  recorded: number;
}
interface Decision {
  agency: 0 | 1;
  decision: 'POSITIVE' | 'POSITIVE_WITH_CONDITIONS' | 'NEGATIVE';
  from: number;
  length: number;
  history: Entry[];
  /** Superseded by the next decision from the next one's validFrom on. */
  supersededByNext: boolean;
}
interface Recognition {
  from: number;
  length: number | null;
  jurisdictions: string[];
}
interface World {
  country: 'FI' | 'SE';
  providerHistory: Entry[];
  decisions: Decision[];
  recognitions: [Recognition[], Recognition[]];
}

const dayArb = fc.integer({ min: 0, max: LAST_DAY });
/** Mostly ACTIVE, so that every other status shows up against a background of accreditation. */
const entries = (others: string[]) =>
  fc.array(
    fc.record({
      status: fc.oneof({ weight: 2, arbitrary: fc.constant('ACTIVE') }, { weight: 1, arbitrary: fc.constantFrom(...others) }),
      day: dayArb,
      recorded: fc.integer({ min: 0, max: 1_000_000 }),
    }),
    { maxLength: 3 },
  );
const recognitionArb: fc.Arbitrary<Recognition> = fc.record({
  from: fc.integer({ min: 0, max: LAST_DAY / 2 }),
  length: fc.option(fc.integer({ min: 1, max: LAST_DAY }), { nil: null, freq: 2 }),
  jurisdictions: fc.oneof({ weight: 2, arbitrary: fc.constant<string[]>([]) }, { weight: 2, arbitrary: fc.subarray(['FI', 'SE', 'DE']) }),
});
const worldArb: fc.Arbitrary<World> = fc.record({
  country: fc.constantFrom('FI' as const, 'SE' as const),
  providerHistory: entries(['SUSPENDED', 'DEREGISTERED']),
  decisions: fc.array(
    fc.record({
      agency: fc.constantFrom(0 as const, 1 as const),
      decision: fc.constantFrom('POSITIVE' as const, 'POSITIVE' as const, 'POSITIVE_WITH_CONDITIONS' as const, 'NEGATIVE' as const),
      from: fc.integer({ min: 0, max: LAST_DAY / 2 }),
      length: fc.integer({ min: 1, max: LAST_DAY }),
      history: entries(['SUSPENDED', 'WITHDRAWN', 'SUPERSEDED']),
      supersededByNext: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  recognitions: fc.tuple(fc.array(recognitionArb, { minLength: 1, maxLength: 2 }), fc.array(recognitionArb, { maxLength: 2 })),
});

/** The world's histories with supersessions written in, and distinct recording times. */
function histories(world: World): { provider: Entry[]; decisions: Entry[][] } {
  const decisions = world.decisions.map((d) => [...d.history]);
  world.decisions.forEach((d, i) => {
    const next = world.decisions[i + 1];
    if (d.supersededByNext && next) decisions[i].push({ status: 'SUPERSEDED', day: next.from, recorded: 2_000_000 + i });
  });
  let unique = 0;
  const distinct = (list: Entry[]) => list.map((e) => ({ ...e, recorded: e.recorded * 10 + (unique++ % 10) }));
  return { provider: distinct(world.providerHistory), decisions: decisions.map(distinct) };
}

const recordedAt = (e: Entry) => new Date(BASE - DAY + e.recorded);

describe('accredited at t: one rule, four readers that agree', () => {
  let app: TestApp;
  let db: pg.Client;
  beforeAll(async () => {
    app = await startTestApp();
    db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  /** Writes the world as rows, the way the registry's tables hold it; returns the provider's id. */
  async function write(world: World): Promise<{ providerId: string; accreditationIds: string[]; recognitionIds: string[] }> {
    const { provider, decisions } = histories(world);
    const organisation = async (kind: string, country: string) => {
      const id = randomUUID();
      await db.query(
        `INSERT INTO organisations (id, kind, legal_name, country, legal_identifier, version) VALUES ($1, $2, $3, $4, $5, 1)`,
        [id, kind, `${kind} ${id}`, country, `VAT${country}-P${randomInt(1e9)}${randomInt(1e9)}`],
      );
      return id;
    };
    const providerId = await organisation('PROVIDER', world.country);
    const agencyIds: [string, string] = [await organisation('QUALITY_AGENCY', 'DE'), await organisation('QUALITY_AGENCY', 'DE')];
    for (const e of provider) {
      await db.query(
        `INSERT INTO organisation_status_entries (organisation_id, status, effective_at, recorded_at, reason, actor_role, actor_key_id) VALUES ($1, $2, $3, $4, 'generated', 'ADMIN', 'operator')`,
        [providerId, e.status, day(e.day), recordedAt(e)],
      );
    }
    const recognitionIds: string[] = [];
    for (const [agency, recognitions] of world.recognitions.entries()) {
      for (const r of recognitions) {
        const id = randomUUID();
        recognitionIds.push(id);
        await db.query(
          `INSERT INTO agency_recognitions (id, agency_id, valid_from, valid_until, basis, jurisdictions, version) VALUES ($1, $2, $3, $4, 'generated', $5, 1)`,
          [id, agencyIds[agency], day(r.from), r.length === null ? null : day(r.from + r.length), r.jurisdictions],
        );
      }
    }
    const accreditationIds: string[] = [];
    let previous: string | null = null;
    for (const [i, d] of world.decisions.entries()) {
      const id = randomUUID();
      accreditationIds.push(id);
      await db.query(
        `INSERT INTO accreditations (id, accredited_organisation_id, accrediting_agent_id, type, title, decision, issued_at, valid_from, expires_at, supersedes_id, version)
         VALUES ($1, $2, $3, 'INSTITUTIONAL_QA', 'generated', $4, $5, $5, $6, $7, 1)`,
        [id, providerId, agencyIds[d.agency], d.decision, day(d.from), day(d.from + d.length), world.decisions[i - 1]?.supersededByNext ? previous : null],
      );
      for (const e of decisions[i]) {
        await db.query(
          `INSERT INTO accreditation_status_entries (accreditation_id, status, effective_at, recorded_at, reason, actor_role, actor_key_id) VALUES ($1, $2, $3, $4, 'generated', 'ADMIN', 'operator')`,
          [id, e.status, day(e.day), recordedAt(e)],
        );
      }
      previous = id;
    }
    return { providerId, accreditationIds, recognitionIds };
  }

  /** The TS facts, as the catalogue assembles them from the registry's entities (with recording times). */
  function facts(world: World): ProviderAccreditationFacts {
    const { provider, decisions } = histories(world);
    const entry = (e: Entry) => ({ status: e.status, effectiveAt: day(e.day), recordedAt: recordedAt(e) });
    return {
      country: world.country,
      statusHistory: provider.map(entry),
      accreditations: world.decisions.map((d, i) => ({
        decision: d.decision,
        validFrom: day(d.from),
        expiresAt: day(d.from + d.length),
        statusHistory: decisions[i].map(entry),
        agencyRecognitions: world.recognitions[d.agency].map((r) => ({
          validFrom: day(r.from),
          validUntil: r.length === null ? null : day(r.from + r.length),
          jurisdictions: r.jurisdictions,
        })),
      })),
    };
  }

  /** The trust evaluation's facts, read with the registry's own readers as the trust index reads them. */
  async function trustFacts(written: { providerId: string; accreditationIds: string[]; recognitionIds: string[] }): Promise<RegistryFacts> {
    const queryable: Queryable = { query: async (sql, parameters) => (await db.query(sql, parameters as unknown[])).rows };
    const [organisation] = await readOrganisations(queryable, [written.providerId]);
    const accreditations = await readAccreditations(queryable, written.accreditationIds);
    const recognitions = await readRecognitions(queryable, written.recognitionIds);
    return {
      organisation: (id) => (id === organisation.id ? organisation : undefined),
      accreditationsOf: (id) => accreditations.filter((a) => a.accreditedOrganisationId === id),
      recognitionsOf: (id) => recognitions.filter((r) => r.agencyId === id),
      trustAnchor: () => undefined,
      anyAnchorsExist: false,
    };
  }

  it('gives the same answer in SQL, over GraphQL, in the search windows and in the trust evaluation, at every instant of random histories', async () => {
    const fields = INSTANTS.map((at, i) => `a${i}: accredited(at: "${at.toISOString()}")`).join(' ');
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const written = await write(world);
        const { providerId } = written;
        const sql = await db.query(
          `SELECT t.at, (${accreditedAtSql('o', 't.at')}) AS accredited
             FROM organisations o CROSS JOIN unnest($2::timestamptz[]) AS t(at) WHERE o.id = $1 ORDER BY t.at`,
          [providerId, INSTANTS],
        );
        const overGraphQL = dataOf(await app.graphql(`query($id: ID!) { organisation(id: $id) { ${fields} } }`, { id: providerId })).organisation;
        const rule = facts(world);
        const windows = accreditedWindows(rule);
        const registry = await trustFacts(written);

        const answers = INSTANTS.map((at, i) => ({
          at: at.toISOString(),
          sql: sql.rows[i].accredited as boolean,
          graphql: overGraphQL[`a${i}`] as boolean,
          rule: accreditedAt(rule, at),
          windows: windowsSayAccredited(windows, at),
          trust: evaluateTrust({ organisationId: providerId }, registry, at).trusted,
        }));
        const disagreements = answers.filter((a) => new Set([a.sql, a.graphql, a.rule, a.windows, a.trust]).size > 1);
        expect(disagreements).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('generates worlds where the answer varies (so that agreement is not vacuous)', async () => {
    // Over many generated worlds, both answers occur, and a provider that is not active with a decision in force occurs.
    const samples = fc.sample(worldArb, { numRuns: 200, seed: 12 });
    const answers = samples.flatMap((w) => INSTANTS.map((at) => accreditedAt(facts(w), at)));
    expect(answers.filter(Boolean).length).toBeGreaterThan(answers.length / 5);
    expect(answers.filter((a) => !a).length).toBeGreaterThan(answers.length / 5);
    const suspendedWithDecision = samples.some((w) =>
      INSTANTS.some((at) => !accreditedAt(facts(w), at) && accreditedAt({ ...facts(w), statusHistory: [] }, at)),
    );
    expect(suspendedWithDecision).toBe(true);
  });
});
