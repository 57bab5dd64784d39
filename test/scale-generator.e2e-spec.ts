import { getDataSourceToken } from '@nestjs/typeorm';
import { parseCertificatePem, TrustIndexService, verifyChainToAnchors } from '#trust';
import type { DataSource } from 'typeorm';
import { runCli } from './support/cli-process.js';
import { dataOf } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { ISSUER_TRUST } from './support/trust-fixtures.js';

/**
 * `cli seed generate` makes the scale registry: providers with seals under a generated anchor, some
 * revoked, and DIDs. Run as the operator runs it (the compiled CLI, its seals issued in worker threads).
 */
describe('the scale generator', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('registers seals that chain to a generated anchor (every twentieth revoked) and DIDs, and the trust index reads them all', async () => {
    const run = await runCli(app, ['seed', 'generate', '--providers', '30', '--opportunities', '10', '--certificates', '40', '--dids', '20', '--seed', '7', '--no-index']);
    expect(run.code).toBe(0);
    // The progress line: count, rate, and time taken once done.
    for (const what of ['organisations', 'certificates', 'DIDs', 'opportunities']) expect(run.stderr).toMatch(new RegExp(`${what} +\\[#+\\] (\\d+)/\\1 [\\d,]+/s, in \\d+ s`));

    const db = app.nest.get<DataSource>(getDataSourceToken());
    const certificates: { sha256: string; pem: string; subject_dn: string; issuer_dn: string; serial_number: string; not_before: Date; not_after: Date; legal_identifier: string; revoked: boolean }[] = await db.query(
      `SELECT c.*, o.legal_identifier, EXISTS (SELECT 1 FROM key_status_entries k WHERE k.subject_id = c.id AND k.status = 'REVOKED') AS revoked
         FROM issuer_certificates c JOIN organisations o ON o.id = c.organisation_id ORDER BY c.serial_number`,
    );
    const anchors: { pem: string }[] = await db.query(`SELECT pem FROM trust_anchors`);
    expect(certificates).toHaveLength(40);
    expect(anchors).toHaveLength(1);
    // Seal i has serial 0x1000 + i and belongs to provider i mod 30; seals 19 and 39 are revoked.
    expect(certificates.map((c) => c.serial_number)).toEqual(Array.from({ length: 40 }, (_, i) => (0x1000 + i).toString(16)));
    expect(certificates.map((c) => c.legal_identifier.replace(/^.*-/, ''))).toEqual(Array.from({ length: 40 }, (_, i) => `G7P${i % 30}`));
    expect(certificates.flatMap((c, i) => (c.revoked ? [i] : []))).toEqual([19, 39]);

    // Every seal is one the registry's own parser and chain verification accept, and its row says what the parse says.
    const anchor = parseCertificatePem(anchors[0].pem);
    for (const row of certificates) {
      const seal = parseCertificatePem(row.pem);
      expect(await verifyChainToAnchors(seal, [], [anchor])).toMatchObject({ anchored: true });
      expect(seal).toMatchObject({
        pem: row.pem,
        sha256: row.sha256,
        subjectDn: row.subject_dn,
        issuerDn: row.issuer_dn,
        notBefore: row.not_before,
        notAfter: row.not_after,
        organizationIdentifier: row.legal_identifier,
        qualifiedESeal: true,
        keyUsageAllowsSigning: true,
      });
    }
    const [{ n: dids }] = await db.query(`SELECT count(*)::int AS n FROM issuer_dids`);
    expect(dids).toBe(20);

    // The bulk load is one 'Registry' change: the index reads everything again.
    await app.nest.get(TrustIndexService).catchUp();
    const ask = async (input: Record<string, unknown>) => dataOf(await app.graphql(ISSUER_TRUST, { input })).issuerTrust;
    const good = await ask({ certificateSha256: certificates.find((c) => !c.revoked)!.sha256 });
    expect(good).toMatchObject({ status: 'TRUSTED', certificate: { registered: true, qualifiedESeal: true } });
    const revoked = await ask({ certificateSha256: certificates.find((c) => c.revoked)!.sha256 });
    expect(revoked.reasons.map((r: { code: string }) => r.code)).toEqual(['CERTIFICATE_REVOKED']);
    const [{ did }] = await db.query(`SELECT did FROM issuer_dids ORDER BY did LIMIT 1`);
    expect((await ask({ did })).organisation).not.toBeNull();
  });
});
