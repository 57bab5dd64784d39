import { getDataSourceToken } from '@nestjs/typeorm';
import { TrustIndexService } from '#trust';
import type { DataSource } from 'typeorm';
import { generateScale } from '../seed/generate/generate-scale.js';
import { dataOf } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { ISSUER_TRUST } from './support/trust-fixtures.js';

/** `cli seed generate` makes the scale registry: providers with seals under a generated anchor, some revoked, and DIDs. */
describe('the scale generator', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('registers seals that chain to a generated anchor (every twentieth revoked) and DIDs, and the trust index reads them all', async () => {
    const dataSource = app.nest.get<DataSource>(getDataSourceToken());
    const progress: string[] = [];
    await generateScale(dataSource, { providers: 30, opportunities: 10, certificates: 40, dids: 20, seed: 7 }, (p) => progress.push(`${p.what ?? 'opportunities'} ${p.done}/${p.total}`));
    expect(progress).toEqual(expect.arrayContaining(['certificates 40/40', 'opportunities 10/10']));

    const certificates: { sha256: string; revoked: boolean }[] = await dataSource.query(
      `SELECT c.sha256, EXISTS (SELECT 1 FROM key_status_entries k WHERE k.subject_id = c.id AND k.status = 'REVOKED') AS revoked
         FROM issuer_certificates c ORDER BY c.created_at, c.sha256`,
    );
    expect(certificates).toHaveLength(40);
    expect(certificates.filter((c) => c.revoked)).toHaveLength(2);
    const [{ n: dids }] = await dataSource.query(`SELECT count(*)::int AS n FROM issuer_dids`);
    expect(dids).toBe(20);

    // The bulk load is one 'Registry' change: the index reads everything again.
    await app.nest.get(TrustIndexService).catchUp();
    const ask = async (input: Record<string, unknown>) => dataOf(await app.graphql(ISSUER_TRUST, { input })).issuerTrust;
    const good = await ask({ certificateSha256: certificates.find((c) => !c.revoked)!.sha256 });
    expect(good).toMatchObject({ status: 'TRUSTED', certificate: { registered: true, qualifiedESeal: true } });
    const revoked = await ask({ certificateSha256: certificates.find((c) => c.revoked)!.sha256 });
    expect(revoked.reasons.map((r: { code: string }) => r.code)).toEqual(['CERTIFICATE_REVOKED']);
    const [{ did }] = await dataSource.query(`SELECT did FROM issuer_dids ORDER BY did LIMIT 1`);
    expect((await ask({ did })).organisation).not.toBeNull();
  });
});
