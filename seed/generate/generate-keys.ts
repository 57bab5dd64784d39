import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ParsedCertificate, parseCertificatePem, storedValidityOfPath, verifyChainToAnchors } from '#trust';
import type { DataSource } from 'typeorm';
import { createDemoCa, sealKeyPair } from '../demo/demo-certificates.js';
import type { ProgressMeter } from './progress.js';
import type { SealFacts, SealOrder, SealWorkerData } from './seal-worker.js';

const BATCH = 2_000;
/** One in this many generated seals is revoked (and one in this many DIDs), so that answers vary. */
const REVOKED_EVERY = 20;
/** Seals share a few key pairs: nothing signs with them, and each new key costs as much as a seal. */
const KEY_POOL = 16;
/** Seal i has serial FIRST_SERIAL + i: the same in every run of a seed, whichever thread issues it. */
const FIRST_SERIAL = 0x1000;

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
 * with bulk SQL like the rest of the generator, each batch's INSERT running while the next batch
 * is issued. The CA's and the seals' keys are fresh on every run, so signatures and fingerprints
 * differ between runs; which provider holds which seal, serials, names, dates and revocations do not.
 */
export async function generateKeys(
  dataSource: DataSource,
  owners: readonly KeyOwner[],
  counts: { certificates: number; dids: number; tag: string },
  reference: Date,
  meter: ProgressMeter,
): Promise<void> {
  if (owners.length === 0) return;
  if (counts.certificates > 0) {
    const notBefore = new Date(reference.getTime() - 2 * 365 * 86_400_000);
    const notAfter = new Date(reference.getTime() + 3 * 365 * 86_400_000);
    const ca = await createDemoCa(notBefore, new Date(reference.getTime() + 10 * 365 * 86_400_000), `Tessera Scale CA ${counts.tag}`);
    const anchor = parseCertificatePem(ca.pem);
    const [{ id: anchorId }] = await dataSource.query(
      `INSERT INTO trust_anchors (pem, sha256, subject_dn, issuer_dn, not_before, not_after, version) VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
      [anchor.pem, anchor.sha256, anchor.subjectDn, anchor.issuerDn, anchor.notBefore, anchor.notAfter],
    );
    const workers = new SealWorkers({
      caPem: ca.pem,
      caKey: ca.privateKey,
      issuerDn: anchor.subjectDn,
      notBefore,
      notAfter,
      publicKeys: Array.from({ length: KEY_POOL }, () => sealKeyPair().publicKey),
    });
    try {
      const progress = meter('certificates', counts.certificates);
      let inserting: Promise<void> = Promise.resolve();
      for (let start = 0; start < counts.certificates; start += BATCH) {
        const numbers = Array.from({ length: Math.min(BATCH, counts.certificates - start) }, (_, k) => start + k);
        const seals = await workers.issue(numbers.map((i) => ({ subject: owners[i % owners.length], serialNumber: FIRST_SERIAL + i })));
        // Every seal has the same issuer and dates: the chain proven for one stands for the batch.
        let chainValidity = '';
        for (const [k, seal] of seals.entries()) {
          if (k === 0 || !PLAIN_NAME.test(owners[numbers[k] % owners.length].legalName)) chainValidity = await proveSeal(seal, anchor);
        }
        const rows = seals.map((seal, k) => ({ ...seal, organisation_id: owners[numbers[k] % owners.length].id, revoked: numbers[k] % REVOKED_EVERY === REVOKED_EVERY - 1 }));
        await inserting;
        inserting = insertSeals(dataSource, rows, anchorId, chainValidity, reference).then(() => progress.add(rows.length));
        // Awaited at the next batch; until then a failure must not count as unhandled.
        inserting.catch(() => undefined);
      }
      await inserting;
    } finally {
      await workers.close();
    }
  }
  const dids = Math.min(counts.dids, owners.length);
  if (dids > 0) {
    const progress = meter('DIDs', dids);
    const inserted: { id: string }[] = await dataSource.query(
      `INSERT INTO issuer_dids (organisation_id, did, version) SELECT o.id, 'did:web:' || lower(o.legal_identifier) || '.scale.example', 1
         FROM unnest($1::uuid[], $2::text[]) AS o(id, legal_identifier) RETURNING id`,
      [owners.slice(0, dids).map((o) => o.id), owners.slice(0, dids).map((o) => o.legalIdentifier)],
    );
    await revoke(dataSource, 'ISSUER_DID', inserted.filter((_, k) => k % REVOKED_EVERY === REVOKED_EVERY - 1).map((d) => d.id), reference);
    progress.add(dids);
  }
}

/** Worker threads that issue seals (`seal-worker.ts`), one per core; a batch is shared out among them in order. */
class SealWorkers {
  private readonly workers: Worker[];

  constructor(data: SealWorkerData) {
    this.workers = Array.from({ length: availableParallelism() }, () => new Worker(new URL('./seal-worker.js', import.meta.url), { workerData: data }));
  }

  async issue(orders: readonly SealOrder[]): Promise<SealFacts[]> {
    const share = Math.ceil(orders.length / this.workers.length);
    const parts = await Promise.all(this.workers.map((worker, w) => this.ask(worker, orders.slice(w * share, (w + 1) * share))));
    return parts.flat();
  }

  private ask(worker: Worker, orders: readonly SealOrder[]): Promise<SealFacts[]> {
    if (orders.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void) => {
        worker.off('message', answered).off('error', failed).off('exit', exited);
        outcome();
      };
      const answered = (answer: { seals: SealFacts[] } | { error: string }) =>
        settle(() => ('error' in answer ? reject(new Error(`generator: a seal worker failed: ${answer.error}`)) : resolve(answer.seals)));
      const failed = (error: Error) => settle(() => reject(error));
      const exited = (code: number) => settle(() => reject(new Error(`generator: a seal worker exited (${code})`)));
      worker.on('message', answered).on('error', failed).on('exit', exited);
      worker.postMessage(orders);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

interface SealRow extends SealFacts {
  organisation_id: string;
  revoked: boolean;
}

async function insertSeals(dataSource: DataSource, rows: readonly SealRow[], anchorId: string, chainValidity: string, reference: Date): Promise<void> {
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
}

async function revoke(dataSource: DataSource, subjectType: string, ids: readonly string[], reference: Date): Promise<void> {
  if (ids.length === 0) return;
  await dataSource.query(
    `INSERT INTO key_status_entries (subject_type, subject_id, status, effective_at, reason, actor_role, actor_key_id)
     SELECT $1, unnest($2::uuid[]), 'REVOKED', $3, 'scale run: key retired', 'ADMIN', 'seed-generate'`,
    [subjectType, ids, new Date(reference.getTime() - 30 * 86_400_000)],
  );
}

/** Names with no character a distinguished name escapes: their seals' DNs are known without parsing. */
const PLAIN_NAME = /^[A-Za-z0-9 .'&()-]+$/;

/**
 * The registry's own reading of a seal, as registering it would make it: the full parse (which must
 * agree with the worker's facts on everything recorded, and find a qualified signing seal)
 * and the chain to the generated anchor, whose validity the seal's row records. Done for the first
 * seal of each batch and for every name that is not plain, so that those facts and the seals
 * themselves cannot drift unnoticed.
 */
async function proveSeal(seal: SealFacts, anchor: ParsedCertificate): Promise<string> {
  const parsed = parseCertificatePem(seal.pem);
  const recorded: SealFacts = {
    pem: parsed.pem,
    sha256: parsed.sha256,
    subject_dn: parsed.subjectDn,
    issuer_dn: parsed.issuerDn,
    serial_number: parsed.serialNumber,
    not_before: parsed.notBefore.toISOString(),
    not_after: parsed.notAfter.toISOString(),
    organization_identifier: parsed.organizationIdentifier ?? '',
  };
  for (const key of Object.keys(recorded) as (keyof SealFacts)[]) {
    if (recorded[key] !== seal[key]) throw new Error(`generator: the seal's ${key} as the worker wrote it (${seal[key]}) differs from the parsed one (${recorded[key]})`);
  }
  if (!parsed.qualifiedESeal || !parsed.keyUsageAllowsSigning) throw new Error('generator: a seal is not a qualified signing seal');
  const chain = await verifyChainToAnchors(parsed, [], [anchor]);
  if (!chain.anchored) throw new Error(`generator: a seal does not chain to the generated anchor: ${chain.problem}`);
  return JSON.stringify(storedValidityOfPath(chain.path));
}
