import { groupBy } from '#platform';
import { byIds, type Queryable } from '#registry';
import type { IndexedAnchor, IndexedCertificate, IndexedDid } from './trust-state.js';

/**
 * Trust anchors, issuer certificates and DIDs with their key status histories, as the trust index
 * keeps them. Like the registry's readers: everything without ids, only the named records with.
 */

type Row = Record<string, any>;

async function keyStatus(db: Queryable, ids: readonly string[] | undefined): Promise<Map<string, Row[]>> {
  const filter = byIds('subject_id', ids);
  const rows: Row[] = await db.query(
    `SELECT subject_id, status, effective_at, reason FROM key_status_entries ${filter.where} ORDER BY effective_at, recorded_at`,
    filter.parameters,
  );
  return groupBy(rows, (r) => r.subject_id);
}

function revocations(history: readonly Row[] | undefined): { effectiveAt: Date; reason: string }[] {
  return (history ?? []).filter((e) => e.status === 'REVOKED').map((e) => ({ effectiveAt: e.effective_at as Date, reason: e.reason as string }));
}

export async function readAnchors(db: Queryable, ids?: readonly string[]): Promise<IndexedAnchor[]> {
  if (ids?.length === 0) return [];
  const filter = byIds('id', ids);
  const rows: Row[] = await db.query(
    `SELECT id, sha256, pem, subject_dn, not_before, not_after, source, territory, service_name FROM trust_anchors ${filter.where}`,
    filter.parameters,
  );
  const history = await keyStatus(db, ids);
  return rows.map((a) => ({
    id: a.id,
    sha256: a.sha256,
    pem: a.pem,
    subjectDn: a.subject_dn,
    notBefore: a.not_before,
    notAfter: a.not_after,
    statusHistory: (history.get(a.id) ?? []).map((e) => ({ status: e.status, effectiveAt: e.effective_at })),
    listing: a.source === 'TRUSTED_LIST' ? { territory: a.territory, serviceName: a.service_name } : null,
  }));
}

export async function readCertificates(db: Queryable, ids?: readonly string[]): Promise<IndexedCertificate[]> {
  if (ids?.length === 0) return [];
  const filter = byIds('id', ids);
  const rows: Row[] = await db.query(
    `SELECT id, organisation_id, sha256, subject_dn, issuer_dn, serial_number, not_before, not_after, organization_identifier,
            key_usage_allows_signing, qualified_e_seal, anchor_id, chain_validity
       FROM issuer_certificates ${filter.where}`,
    filter.parameters,
  );
  const history = await keyStatus(db, ids);
  return rows.map((c) => ({
    id: c.id,
    sha256: c.sha256,
    subjectDn: c.subject_dn,
    issuerDn: c.issuer_dn,
    serialNumber: c.serial_number,
    notBefore: c.not_before,
    notAfter: c.not_after,
    organizationIdentifier: c.organization_identifier,
    keyUsageAllowsSigning: c.key_usage_allows_signing,
    qualifiedESeal: c.qualified_e_seal,
    registeredOrganisationId: c.organisation_id,
    revocations: revocations(history.get(c.id)),
    chain: {
      anchorId: c.anchor_id,
      validity: (c.chain_validity as { notBefore: string; notAfter: string }[]).map((v) => ({ notBefore: new Date(v.notBefore), notAfter: new Date(v.notAfter) })),
    },
  }));
}

export async function readDids(db: Queryable, ids?: readonly string[]): Promise<IndexedDid[]> {
  if (ids?.length === 0) return [];
  const filter = byIds('id', ids);
  const rows: Row[] = await db.query(`SELECT id, organisation_id, did FROM issuer_dids ${filter.where}`, filter.parameters);
  const history = await keyStatus(db, ids);
  return rows.map((d) => ({ id: d.id, did: d.did, organisationId: d.organisation_id, revocations: revocations(history.get(d.id)) }));
}
