import { createHash, X509Certificate } from 'node:crypto';
import { parseCertificatePem } from '#trust';
import type { DataSource } from 'typeorm';
import { createDemoCa, sealKeyPair } from '../demo/demo-certificates.js';
import type { ScaleProgress } from './generate-scale.js';

const BATCH = 2_000;
/** One in this many generated seals is revoked (and one in this many DIDs), so that answers vary. */
const REVOKED_EVERY = 20;
/** Seals share a few key pairs: nothing signs with them, and a fresh pair per seal was a tenth of the time. */
const KEY_POOL = 16;

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
    const keys = await Promise.all(Array.from({ length: KEY_POOL }, () => sealKeyPair()));
    const started = Date.now();
    for (let start = 0; start < counts.certificates; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(start + BATCH, counts.certificates); i++) {
        const owner = owners[i % owners.length];
        const pem = await ca.issue(owner, notBefore, notAfter, true, keys[i % KEY_POOL].publicKey);
        const seal = i === start || !PLAIN_NAME.test(owner.legalName) ? checked(pem, owner) : { ...sealFacts(pem, owner), issuerDn: issuerDn! };
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

/** Names with no character a distinguished name escapes: their seals' facts can be known without parsing. */
const PLAIN_NAME = /^[A-Za-z0-9 .'&()-]+$/;

type SealFacts = Pick<ReturnType<typeof parseCertificatePem>, 'sha256' | 'subjectDn' | 'issuerDn' | 'serialNumber' | 'notBefore' | 'notAfter' | 'organizationIdentifier'>;

/**
 * What the registry records of a generated seal, read without the full parse (which costs as much
 * as issuing it): the fingerprint and serial from Node's native X.509 reader, the DN from what the
 * generator put in. `checked` proves it against `parseCertificatePem` for the first seal of each
 * batch and for every name that is not plain, so the two cannot drift apart unnoticed.
 */
function sealFacts(pem: string, owner: KeyOwner): SealFacts {
  const native = new X509Certificate(pem);
  const serial = native.serialNumber.toLowerCase();
  // DER integers are positive: a leading byte with its high bit set gets a zero byte before it.
  const even = serial.length % 2 === 0 ? serial : `0${serial}`;
  return {
    sha256: createHash('sha256').update(native.raw).digest('hex'),
    subjectDn: `CN=${owner.legalName} eSeal, O=${owner.legalName}, organizationIdentifier=${owner.legalIdentifier}, C=${owner.country}`,
    issuerDn: '',
    serialNumber: /^[89a-f]/.test(even) ? `00${even}` : even,
    notBefore: new Date(native.validFrom),
    notAfter: new Date(native.validTo),
    organizationIdentifier: owner.legalIdentifier,
  };
}

let issuerDn: string | undefined;

function checked(pem: string, owner: KeyOwner): SealFacts {
  const parsed = parseCertificatePem(pem);
  issuerDn = parsed.issuerDn;
  const fast = { ...sealFacts(pem, owner), issuerDn };
  for (const key of Object.keys(fast) as (keyof SealFacts)[]) {
    if (String(fast[key]) !== String(parsed[key])) throw new Error(`generator: the seal's ${key} read without parsing (${String(fast[key])}) differs from the parsed one (${String(parsed[key])})`);
  }
  return parsed;
}
