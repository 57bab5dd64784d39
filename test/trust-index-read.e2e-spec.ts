import pg from 'pg';
import type { Queryable } from '#registry';
import { readWhole } from '../libs/trust/src/trust-index/trust-index.service.js';
import type { TrustState } from '../libs/trust/src/trust-index/trust-state.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The trust index reads the registry whole a page of ids at a time (so that start-up never holds
 * every row and every record at once). Read a few records at a time, the demo registry must give
 * the same state as read in one page.
 */
describe('the trust index read whole', () => {
  let app: TestApp;
  let db: pg.Client;

  beforeAll(async () => {
    app = await startTestApp({}, { demo: true });
    db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
  }, 600_000);

  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  /** Everything an answer can read from the state, in a stable order. */
  function observe(state: TrustState): unknown {
    const organisations = [...state.organisations()].sort((x, y) => x.id.localeCompare(y.id));
    return {
      registrySequence: state.registrySequence,
      size: state.size(),
      organisations: organisations.map((o) => ({
        organisation: o,
        byIdentifier: state.organisationByIdentifier(o.legalIdentifier)?.id,
        accreditations: state.accreditationsOf(o.id),
        recognitions: state.recognitionsOf(o.id),
        certificates: state.certificatesOf(o.id).map((c) => ({ ...c, found: state.certificate(c.sha256)?.id })),
        dids: state.didsOf(o.id).map((d) => ({ ...d, found: state.did(d.did)?.id })),
      })),
      anchors: [...state.anchors()].sort((x, y) => x.id.localeCompare(y.id)),
    };
  }

  it('holds the same records read two at a time as read in one page', async () => {
    const queryable: Queryable = { query: async (sql, parameters) => (await db.query(sql, parameters as unknown[])).rows };
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const whole = await readWhole(queryable, 7, 100_000);
      const paged = await readWhole(queryable, 7, 2);
      const size = whole.size();
      // The demo has several pages of organisations, accreditations and certificates (one anchor).
      expect(size.organisations).toBeGreaterThan(4);
      expect(size.accreditations).toBeGreaterThan(4);
      expect(size.certificates).toBeGreaterThan(2);
      expect(size.anchors).toBeGreaterThan(0);
      expect(observe(paged)).toEqual(observe(whole));
    } finally {
      await db.query('ROLLBACK');
    }
  });
});
