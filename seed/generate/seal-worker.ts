import { createHash, type KeyObject } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { openDemoCa, type SealSubject, sealPem } from '../demo/demo-certificates.js';

/**
 * A worker thread of the scale generator: issues the seals it is sent under the run's CA, with what
 * the registry records of each. Issuing is the generator's only CPU-bound step, so it
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
        const der = await ca.issueDer(order.subject, notBefore, notAfter, true, { publicKey: publicKeys[order.serialNumber % publicKeys.length], serialNumber: order.serialNumber });
        seals.push(sealFacts(der, order, issuerDn, { notBefore, notAfter }));
      }
      port.postMessage({ seals });
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}

/**
 * What the registry records of a generated seal, known without reading it back (the full parse
 * costs twenty times as much as issuing): the fingerprint of its DER, and the DNs, serial and dates
 * from what the generator put in, written as the registry's parser writes them. The main thread
 * proves this against that parser.
 */
function sealFacts(der: Uint8Array, order: SealOrder, issuerDn: string, validity: { notBefore: Date; notAfter: Date }): SealFacts {
  const { subject, serialNumber } = order;
  const hex = serialNumber.toString(16);
  // X.509 times have whole seconds.
  const seconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
  return {
    pem: sealPem(der),
    sha256: createHash('sha256').update(der).digest('hex'),
    subject_dn: `CN=${subject.legalName} eSeal, O=${subject.legalName}, organizationIdentifier=${subject.legalIdentifier}, C=${subject.country}`,
    issuer_dn: issuerDn,
    // The serial's octets in hex, less the 00 that DER puts before a first octet of 0x80 or more.
    serial_number: hex.length % 2 === 0 ? hex : `0${hex}`,
    not_before: seconds(validity.notBefore),
    not_after: seconds(validity.notAfter),
    organization_identifier: subject.legalIdentifier,
  };
}
