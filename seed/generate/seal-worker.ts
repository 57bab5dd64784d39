import { createHash, type KeyObject, X509Certificate } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { openDemoCa, type SealSubject } from '../demo/demo-certificates.js';

/**
 * A worker thread of the scale generator: issues the seals it is sent under the run's CA and reads
 * back what the registry records of each. Issuing is the generator's only CPU-bound step, so it
 * runs on every core, and the main thread stays free for PostgreSQL (whose pool times out a
 * connection attempt after 2 s of a busy event loop).
 */
export interface SealWorkerData {
  caPem: string;
  caKey: KeyObject;
  /** The CA's subject as the registry writes DNs (every seal's issuer). */
  issuerDn: string;
  notBefore: Date;
  notAfter: Date;
  /** Seals share a few keys: nothing signs with them, and a new key costs as much as a seal. */
  publicKeys: KeyObject[];
}

export interface SealOrder {
  subject: SealSubject;
  serialNumber: number;
}

/** An issuer_certificates row, less what the main thread adds (organisation, anchor, chain). */
export interface SealFacts {
  pem: string;
  sha256: string;
  subject_dn: string;
  issuer_dn: string;
  serial_number: string;
  not_before: string;
  not_after: string;
  organization_identifier: string;
}

if (parentPort && workerData?.caPem) {
  const port = parentPort;
  const { caPem, caKey, issuerDn, notBefore, notAfter, publicKeys } = workerData as SealWorkerData;
  const ca = openDemoCa(caPem, caKey);
  port.on('message', async (orders: SealOrder[]) => {
    try {
      const seals: SealFacts[] = [];
      for (const order of orders) {
        const pem = await ca.issue(order.subject, notBefore, notAfter, true, { publicKey: publicKeys[order.serialNumber % publicKeys.length], serialNumber: order.serialNumber });
        seals.push(sealFacts(pem, order.subject, issuerDn));
      }
      port.postMessage({ seals });
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}

/**
 * What the registry records of a generated seal, read without the full parse (which costs twenty
 * times as much as issuing it): fingerprint, serial and dates from Node's native X.509 reader, the
 * DNs from what the generator put in. The main thread proves this against the registry's parser.
 */
function sealFacts(pem: string, subject: SealSubject, issuerDn: string): SealFacts {
  const native = new X509Certificate(pem);
  return {
    pem,
    sha256: createHash('sha256').update(native.raw).digest('hex'),
    subject_dn: `CN=${subject.legalName} eSeal, O=${subject.legalName}, organizationIdentifier=${subject.legalIdentifier}, C=${subject.country}`,
    issuer_dn: issuerDn,
    serial_number: native.serialNumber.toLowerCase(),
    not_before: new Date(native.validFrom).toISOString(),
    not_after: new Date(native.validTo).toISOString(),
    organization_identifier: subject.legalIdentifier,
  };
}
