import 'reflect-metadata';
import type { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const QC_STATEMENTS = '1.3.6.1.5.5.7.1.3';

export interface DemoCa {
  pem: string;
  /** `publicKey`: the seal's key; a fresh one unless given (the scale generator shares a few). */
  issue(subject: { legalName: string; country: string; legalIdentifier: string }, notBefore: Date, notAfter: Date, qualified: boolean, publicKey?: webcrypto.CryptoKey): Promise<string>;
}

/** A key pair of the kind the demo seals carry. */
export async function sealKeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

/**
 * A demo CA made at seed time, to stand as the trust anchor, and the seals it issues to demo
 * providers: real X.509 with the subject organizationIdentifier (OID 2.5.4.97) and, for
 * qualified ones, the QcStatements of a qualified electronic seal (ETSI EN 319 412-5).
 * Keys are fresh on every seed: certificates differ between runs, the facts in them do not.
 */
export async function createDemoCa(notBefore: Date, notAfter: Date, name = 'Tessera Demo Qualified eSeal CA'): Promise<DemoCa> {
  x509.cryptoProvider.set(globalThis.crypto);
  const keys = await globalThis.crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name}, O=Tessera Demo, C=BE`,
    notBefore,
    notAfter,
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  let serial = 0x1000;
  return {
    pem: ca.toString('pem'),
    async issue(subject, from, until, qualified, publicKey) {
      const leafKey = publicKey ?? (await sealKeyPair()).publicKey;
      const escape = (value: string) => value.replace(/([,+"\\<>;=])/g, '\\$1');
      const extensions: x509.Extension[] = [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true)];
      if (qualified) extensions.push(new x509.Extension(QC_STATEMENTS, false, QUALIFIED_E_SEAL_STATEMENTS));
      const certificate = await x509.X509CertificateGenerator.create({
        serialNumber: (serial++).toString(16),
        subject: `CN=${escape(subject.legalName)} eSeal, O=${escape(subject.legalName)}, 2.5.4.97=${subject.legalIdentifier}, C=${subject.country}`,
        issuer: ca.subject,
        notBefore: from,
        notAfter: until,
        signingAlgorithm: ALGORITHM,
        publicKey: leafKey,
        signingKey: keys.privateKey,
        extensions,
      });
      return certificate.toString('pem');
    },
  };
}

/** QcCompliance and QcType = eseal, as qualified seals carry them. */
const QUALIFIED_E_SEAL_STATEMENTS = qualifiedESealStatements();

function qualifiedESealStatements(): ArrayBuffer {
  const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [oid('0.4.0.1862.1.1')] }),
      new asn1js.Sequence({ value: [oid('0.4.0.1862.1.6'), new asn1js.Sequence({ value: [oid('0.4.0.1862.1.6.2')] })] }),
    ],
  }).toBER(false);
}
