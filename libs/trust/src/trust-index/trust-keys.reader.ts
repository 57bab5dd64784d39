import { groupBy } from '#platform';
import { NONE, type Queryable, shared, SharedValues } from '#registry';
import type { CertificateChainFacts, Revocation } from '../evaluation/trust-facts.js';
import type { KeySubjectType } from '../key-status/key-status-entry.entity.js';
import type { IndexedAnchor, IndexedCertificate, IndexedDid } from './trust-state.js';

/**
 * Trust anchors, issuer certificates and DIDs with their key status histories, as the trust index
 * keeps them: compact like the registry's records (#registry `shared-values.ts`). Like the
 * registry's readers, each reads the records with the given ids.
 */

type Row = Record<string, any>;

/** Certificates issued under one CA share its chain: one object per distinct chain, not per certificate. */
const sharedChains = new SharedValues<CertificateChainFacts>(10_000);

async function keyStatus(db: Queryable, subjectType: KeySubjectType, ids: readonly string[]): Promise<Map<string, Row[]>> {
  const rows: Row[] = await db.query(
    `SELECT subject_id, status, effective_at, reason FROM key_status_entries
      WHERE subject_type = $1 AND subject_id = ANY($2::uuid[]) ORDER BY effective_at, recorded_at`,
    [subjectType, ids],
  );
  return groupBy(rows, (r) => r.subject_id);
}

function revocations(history: readonly Row[] | undefined): readonly Revocation[] {
  const revoked = (history ?? []).filter((e) => e.status === 'REVOKED');
  return revoked.length === 0 ? NONE : revoked.map((e) => ({ effectiveAt: (e.effective_at as Date).getTime(), reason: shared(e.reason as string) }));
}

/** `chain_validity` as stored (JSON text: ISO instants), with the anchor the chain verified to. */
function chainOf(anchorId: string | null, validityJson: string): CertificateChainFacts {
  return sharedChains.get(`${anchorId}|${validityJson}`, () => ({
    anchorId,
    validity: (JSON.parse(validityJson) as { notBefore: string; notAfter: string }[]).map((v) => ({ notBefore: Date.parse(v.notBefore), notAfter: Date.parse(v.notAfter) })),
  }));
}

export async function readAnchors(db: Queryable, ids: readonly string[]): Promise<IndexedAnchor[]> {
  if (ids.length === 0) return [];
  const rows: Row[] = await db.query(
    `SELECT id, sha256, pem, subject_dn, not_before, not_after, source, territory, service_name FROM trust_anchors WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const history = await keyStatus(db, 'TRUST_ANCHOR', ids);
  return rows.map((a) => ({
    id: a.id,
    sha256: a.sha256,
    pem: a.pem,
    subjectDn: a.subject_dn,
    notBefore: (a.not_before as Date).getTime(),
    notAfter: (a.not_after as Date).getTime(),
    statusHistory: (history.get(a.id) ?? []).map((e) => ({ status: e.status, effectiveAt: (e.effective_at as Date).getTime() })),
    listing: a.source === 'TRUSTED_LIST' ? { territory: a.territory, serviceName: a.service_name } : null,
  }));
}

export async function readCertificates(db: Queryable, ids: readonly string[]): Promise<IndexedCertificate[]> {
  if (ids.length === 0) return [];
  const rows: Row[] = await db.query(
    `SELECT id, organisation_id, sha256, subject_dn, issuer_dn, not_before, not_after, organization_identifier,
            key_usage_allows_signing, qualified_e_seal, anchor_id, chain_validity::text AS chain_validity
       FROM issuer_certificates WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const history = await keyStatus(db, 'ISSUER_CERTIFICATE', ids);
  return rows.map((c) => ({
    id: c.id,
    sha256: c.sha256,
    subjectDn: c.subject_dn,
    // A CA issues many seals: its name is kept once.
    issuerDn: shared(c.issuer_dn as string),
    notBefore: (c.not_before as Date).getTime(),
    notAfter: (c.not_after as Date).getTime(),
    organizationIdentifier: c.organization_identifier,
    keyUsageAllowsSigning: c.key_usage_allows_signing,
    qualifiedESeal: c.qualified_e_seal,
    registeredOrganisationId: c.organisation_id,
    revocations: revocations(history.get(c.id)),
    chain: chainOf(c.anchor_id, c.chain_validity),
  }));
}

export async function readDids(db: Queryable, ids: readonly string[]): Promise<IndexedDid[]> {
  if (ids.length === 0) return [];
  const rows: Row[] = await db.query(`SELECT id, organisation_id, did FROM issuer_dids WHERE id = ANY($1::uuid[])`, [ids]);
  const history = await keyStatus(db, 'ISSUER_DID', ids);
  return rows.map((d) => ({ id: d.id, did: d.did, organisationId: d.organisation_id, revocations: revocations(history.get(d.id)) }));
}
