import { parseCertificatePem } from '#trust';
import type { DataSource } from 'typeorm';
import { createDemoCa } from '../demo/demo-certificates.js';
import type { ScaleProgress } from './generate-scale.js';

const BATCH = 2_000;
/** One in this many generated seals is revoked (and one in this many DIDs), so that answers vary. */
const REVOKED_EVERY = 20;

export interface KeyOwner {
  id: string;
  legalName: string;
  legalIdentifier: string;
  country: string;
}

/**
 * Seals for the scale registry: a generated CA becomes a trust anchor, and `count` real X.509
 * seals under it (qualified, with the owner's organizationIdentifier) are registered to the
 * providers in turn, every twentieth revoked; then one did:web per provider up to `dids`. Written
 * with bulk SQL like the rest of the generator; the CA's key is fresh on every run.
 */
export async function generateKeys(
  dataSource: DataSource,
  owners: readonly KeyOwner[],
  counts: { certificates: number; dids: number; tag: string },
  reference: Date,
  onProgress: (progress: ScaleProgress) => void,
): Promise<void> {
  if (owners.length === 0) return;
  if (counts.certificates > 0) {
    const notBefore = new Date(reference.getTime() - 2 * 365 * 86_400_000);
    const notAfter = new Date(reference.getTime() + 3 * 365 * 86_400_000);
    const ca = await createDemoCa(notBefore, new Date(reference.getTime() + 10 * 365 * 86_400_000), `Tessera Scale CA ${counts.tag}`);
    const anchor = parseCertificatePem(ca.pem);
    const [{ id: anchorId }] = await dataSource.query(
      `INSERT INTO trust_anchors (pem, sha256, subject_dn, issuer_dn, not_before, not_after, version) VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
      [ca.pem, anchor.sha256, anchor.subjectDn, anchor.issuerDn, anchor.notBefore, anchor.notAfter],
    );
    const chainValidity = JSON.stringify([{ notBefore: anchor.notBefore.toISOString(), notAfter: anchor.notAfter.toISOString() }]);
    const started = Date.now();
    for (let start = 0; start < counts.certificates; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(start + BATCH, counts.certificates); i++) {
        const owner = owners[i % owners.length];
        const pem = await ca.issue(owner, notBefore, notAfter, true);
        const seal = parseCertificatePem(pem);
        rows.push({
          organisation_id: owner.id,
          pem,
          sha256: seal.sha256,
          subject_dn: seal.subjectDn,
          issuer_dn: seal.issuerDn,
          serial_number: seal.serialNumber,
          not_before: seal.notBefore.toISOString(),
          not_after: seal.notAfter.toISOString(),
          organization_identifier: seal.organizationIdentifier,
          revoked: i % REVOKED_EVERY === REVOKED_EVERY - 1,
        });
      }
      const inserted: { id: string; sha256: string }[] = await dataSource.query(
        `INSERT INTO issuer_certificates (organisation_id, pem, sha256, subject_dn, issuer_dn, serial_number, not_before, not_after,
                                          organization_identifier, key_usage_allows_signing, qualified_e_seal, anchor_id, chain_validity, version)
         SELECT r.organisation_id, r.pem, r.sha256, r.subject_dn, r.issuer_dn, r.serial_number, r.not_before, r.not_after,
                r.organization_identifier, true, true, $2, $3::jsonb, 1
           FROM jsonb_to_recordset($1::jsonb) AS r(organisation_id uuid, pem text, sha256 text, subject_dn text, issuer_dn text,
                serial_number text, not_before timestamptz, not_after timestamptz, organization_identifier text)
         RETURNING id, sha256`,
        [JSON.stringify(rows), anchorId, chainValidity],
      );
      const revokedSha = new Set(rows.filter((r) => r.revoked).map((r) => r.sha256));
      await revoke(dataSource, 'ISSUER_CERTIFICATE', inserted.filter((c) => revokedSha.has(c.sha256)).map((c) => c.id), reference);
      const done = Math.min(start + BATCH, counts.certificates);
      onProgress({ done, total: counts.certificates, perSecond: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
    }
  }
  const dids = Math.min(counts.dids, owners.length);
  if (dids > 0) {
    const inserted: { id: string }[] = await dataSource.query(
      `INSERT INTO issuer_dids (organisation_id, did, version) SELECT o.id, 'did:web:' || lower(o.legal_identifier) || '.scale.example', 1
         FROM unnest($1::uuid[], $2::text[]) AS o(id, legal_identifier) RETURNING id`,
      [owners.slice(0, dids).map((o) => o.id), owners.slice(0, dids).map((o) => o.legalIdentifier)],
    );
    await revoke(dataSource, 'ISSUER_DID', inserted.filter((_, k) => k % REVOKED_EVERY === REVOKED_EVERY - 1).map((d) => d.id), reference);
  }
}

async function revoke(dataSource: DataSource, subjectType: string, ids: readonly string[], reference: Date): Promise<void> {
  if (ids.length === 0) return;
  await dataSource.query(
    `INSERT INTO key_status_entries (subject_type, subject_id, status, effective_at, reason, actor_role, actor_key_id)
     SELECT $1, unnest($2::uuid[]), 'REVOKED', $3, 'scale run: key retired', 'ADMIN', 'seed-generate'`,
    [subjectType, ids, new Date(reference.getTime() - 30 * 86_400_000)],
  );
}
