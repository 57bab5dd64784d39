import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CertificateInputError,
  MAX_CHAIN_CERTIFICATES,
  parseCertificateChainPem,
  parseCertificatePem,
} from './parse-certificate.js';

// Real certificates, copied from the shared vectors (provenance in test/fixtures/certs/README.md).
// Expected values were read with openssl (`x509 -noout -fingerprint -sha256 -serial -dates`).
const fixture = (name: string): string => readFileSync(resolve(process.cwd(), 'test/fixtures/certs', name), 'utf8');

const SAMPLE_SEAL = fixture('eu-sample-seal-organizacion-test-2023.pem');
const ANF_ESEAL_CA = fixture('anf-qualified-eseal-ca-2022.pem');
const EDC_SEAL = fixture('edc-test-seal-2021.pem');
const ANF_ASSURED_ID_CA1 = fixture('anf-assured-id-ca1.pem');
const ANF_ROOT = fixture('anf-global-root-ca.pem');
const VELOCERT_SEAL = fixture('velocert-eseal-2025.pem');
const HALCOM_CA = fixture('halcom-ca-po-eseal-2.pem');

function problemOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof CertificateInputError) return error.problem;
    throw error;
  }
  throw new Error('expected a CertificateInputError, but the input parsed');
}

describe('parseCertificatePem with real qualified eSeal certificates', () => {
  test('the Commission sample seal: identity, dates, fingerprint, key usage and qualified eSeal statements', () => {
    const seal = parseCertificatePem(SAMPLE_SEAL);

    expect(seal.sha256).toBe('c858624a53802dca996625b4f987c372d55c0979bde9b513b63e7137aa6abf04');
    expect(seal.organizationIdentifier).toBe('VATES-A00000000');
    expect(seal.serialNumber).toBe('03378f4d568b289fb8ed0c03');
    expect(seal.notBefore).toEqual(new Date('2023-05-11T14:31:15Z'));
    expect(seal.notAfter).toEqual(new Date('2025-05-10T14:31:15Z'));
    expect(seal.subjectDn).toBe(
      'C=ES, serialNumber=A00000000, CN=TEST SEAL, O=ORGANIZACION TEST, ' +
        'OU=Certificado Cualificado de Sello Electronico, organizationIdentifier=VATES-A00000000, ' +
        'ST=BARCELONA, L=BARCELONA',
    );
    expect(seal.issuerDn).toBe(
      'C=ES, O=ANF Autoridad de Certificacion, organizationIdentifier=VATES-G63287510, ' +
        'OU=Certificados Cualificados de Sello Electronico, CN=ANF AC Qualified Certificates for eSeal',
    );
    expect(seal.keyUsageAllowsSigning).toBe(true);
    expect(seal.keyUsageAllowsCertSign).toBe(false);
    expect(seal.qualifiedESeal).toBe(true);
    expect(seal.isCa).toBe(false);
    expect(seal.pathLength).toBeNull();
    expect(seal.unrecognisedCriticalExtensions).toEqual([]);
  });

  test('keeps the DER as given and re-encodes a normalised PEM that parses to the same certificate', () => {
    const seal = parseCertificatePem(SAMPLE_SEAL);
    const again = parseCertificatePem(seal.pem);

    expect(seal.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
    expect(again.sha256).toBe(seal.sha256);
    expect(Buffer.from(again.der).equals(Buffer.from(seal.der))).toBe(true);
    // Windows line endings and surrounding blank lines change nothing.
    expect(parseCertificatePem(`\r\n${SAMPLE_SEAL.replace(/\n/g, '\r\n')}\r\n`).sha256).toBe(seal.sha256);
  });

  test('the other seals: organizationIdentifier, fingerprint and qualified eSeal statements', () => {
    const velocert = parseCertificatePem(VELOCERT_SEAL);
    expect(velocert.organizationIdentifier).toBe('NTREE-17207834');
    expect(velocert.sha256).toBe('053fc5df8d80018cd0808da2bea6b9e433ee179f4238a394ab0883bbd097bc2b');
    expect(velocert.notBefore).toEqual(new Date('2025-09-11T08:14:12Z'));
    expect(velocert.notAfter).toEqual(new Date('2028-09-11T08:14:12Z'));
    expect(velocert.qualifiedESeal).toBe(true);
    expect(velocert.keyUsageAllowsSigning).toBe(true);

    const edc = parseCertificatePem(EDC_SEAL);
    expect(edc.organizationIdentifier).toBe('VATES-B00000000');
    expect(edc.sha256).toBe('bcbb184dd8e65b0cc4229de6d4e11692ed418022cce0fe1ef8d3ee82b0f99529');
    expect(edc.serialNumber).toBe('53c10e337d392adab6b407');
    expect(edc.qualifiedESeal).toBe(true);
    expect(edc.keyUsageAllowsSigning).toBe(true);
  });

  test('CA certificates parse as CAs that may sign certificates but not seal', () => {
    const esealCa = parseCertificatePem(ANF_ESEAL_CA);
    expect(esealCa.sha256).toBe('3431292a66fb3ea53f8b706ea4d980381cb865df6c99f0524536545b58cf9fff');
    expect(esealCa.isCa).toBe(true);
    expect(esealCa.pathLength).toBeNull();
    expect(esealCa.keyUsageAllowsCertSign).toBe(true);
    // keyCertSign + cRLSign only: a CA key is not a seal key.
    expect(esealCa.keyUsageAllowsSigning).toBe(false);
    expect(esealCa.qualifiedESeal).toBe(false);
    expect(esealCa.organizationIdentifier).toBe('VATES-G63287510');
    expect(esealCa.notBefore).toEqual(new Date('2022-11-11T13:01:36Z'));
    expect(esealCa.notAfter).toEqual(new Date('2035-11-08T13:01:36Z'));

    const halcom = parseCertificatePem(HALCOM_CA);
    expect(halcom.isCa).toBe(true);
    expect(halcom.organizationIdentifier).toBe('VATSI-43353126');

    const root = parseCertificatePem(ANF_ROOT);
    expect(root.isCa).toBe(true);
    expect(root.subjectDn).toBe(root.issuerDn);
    expect(root.organizationIdentifier).toBeNull();
  });

  test('parseCertificatePem wants exactly one certificate', () => {
    expect(problemOf(() => parseCertificatePem(EDC_SEAL + ANF_ASSURED_ID_CA1))).toBe('expected one certificate, found 2');
  });
});

describe('parseCertificateChainPem', () => {
  test('reads concatenated blocks in order, ignoring text between them as openssl writes it', () => {
    const chain = parseCertificateChainPem(
      `subject=CN=Nombre Servicio Sellado TEST\n${EDC_SEAL}\nissuer=CN=ANF Global Root CA\n${ANF_ASSURED_ID_CA1}${ANF_ROOT}`,
    );
    expect(chain.map((certificate) => certificate.sha256)).toEqual([
      'bcbb184dd8e65b0cc4229de6d4e11692ed418022cce0fe1ef8d3ee82b0f99529',
      'fbe0ec01179e8f99cc58bfd2538ab11e757d18c6437a8dc9651910f4453cd4c5',
      'e3268f6106ba8b665a1a962ddea1459d2a46972f1f2440329b390b895749ad45',
    ]);
  });

  test(`accepts ${MAX_CHAIN_CERTIFICATES} certificates`, () => {
    expect(parseCertificateChainPem(SAMPLE_SEAL.repeat(MAX_CHAIN_CERTIFICATES))).toHaveLength(MAX_CHAIN_CERTIFICATES);
  });
});

describe('malformed input gives a CertificateInputError with a problem a user can act on', () => {
  const body = (pem: string): string => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');

  test.each<[string, () => string, string]>([
    ['an empty string', () => '', 'not a PEM certificate (the input is empty)'],
    ['only whitespace', () => ' \n\t\n', 'not a PEM certificate (the input is empty)'],
    ['garbage', () => 'this is not a certificate at all', 'not a PEM certificate'],
    ['base64 DER without PEM armour', () => body(SAMPLE_SEAL), 'not a PEM certificate'],
    ['a PEM cut in the middle', () => SAMPLE_SEAL.slice(0, Math.floor(SAMPLE_SEAL.length / 2)), 'PEM is truncated or corrupt'],
    ['a PEM cut inside its BEGIN line', () => SAMPLE_SEAL.slice(0, 15), 'PEM is truncated or corrupt'],
    [
      'a PEM whose body lost lines but kept its END line',
      () => {
        const lines = SAMPLE_SEAL.trim().split('\n');
        return [...lines.slice(0, 10), lines[lines.length - 1]].join('\n');
      },
      'PEM is truncated or corrupt',
    ],
    [
      'a PEM whose base64 has a stray character',
      () => SAMPLE_SEAL.replace(/\n([A-Za-z0-9+/]{10})/, '\n$1*'),
      'PEM is truncated or corrupt',
    ],
    [
      'a certificate followed by extra bytes inside its block',
      () => {
        const der = Buffer.concat([Buffer.from(body(SAMPLE_SEAL), 'base64'), Buffer.from([0, 0, 0])]);
        return `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
      },
      'PEM is truncated or corrupt',
    ],
    [
      'a certificate block that holds something else',
      () => `-----BEGIN CERTIFICATE-----\n${Buffer.from('not DER at all!!').toString('base64')}\n-----END CERTIFICATE-----\n`,
      'PEM is truncated or corrupt',
    ],
    [
      'a private key',
      () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'not a PEM certificate (found a PRIVATE KEY block)',
    ],
    [
      'a certificate with a private key after it',
      () =>
        SAMPLE_SEAL +
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'not a PEM certificate (found a PRIVATE KEY block)',
    ],
    ['11 certificates', () => SAMPLE_SEAL.repeat(11), 'more than 10 certificates'],
    ['70 KiB of text', () => 'A'.repeat(70 * 1024), 'larger than 64 KiB'],
    ['a certificate padded to 70 KiB', () => SAMPLE_SEAL + '\n'.repeat(70 * 1024), 'larger than 64 KiB'],
  ])('%s', (_name, input, problem) => {
    expect(problemOf(() => parseCertificateChainPem(input()))).toBe(problem);
    expect(problemOf(() => parseCertificatePem(input()))).toBe(problem);
  });

  test.each<[string, string]>([
    ['header-like lines after a BEGIN line', `-----BEGIN CERTIFICATE-----\n${' a: b\n'.repeat(10_000)}!`],
    ['BEGIN markers repeated on one line', '-----BEGIN '.repeat(5_900)],
  ])('%s (which make a backtracking PEM pattern take seconds) are refused at once', (_name, input) => {
    const started = performance.now();
    expect(problemOf(() => parseCertificateChainPem(input))).toBe('PEM is truncated or corrupt');
    // Milliseconds here; a backtracking pattern takes seconds (the first) to minutes (the second).
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test('the error message names the problem and is an Error', () => {
    let caught: unknown;
    try {
      parseCertificatePem('garbage');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toBeInstanceOf(CertificateInputError);
    expect((caught as CertificateInputError).name).toBe('CertificateInputError');
    expect((caught as CertificateInputError).message).toBe('Invalid certificate input: not a PEM certificate');
  });
});

describe('a certificate parsed again', () => {
  test('gives the same facts, and the kept copy is not the caller’s buffer', () => {
    const first = parseCertificatePem(HALCOM_CA);
    const again = parseCertificatePem(HALCOM_CA);
    expect(again).toEqual(first);
    const other = parseCertificatePem(VELOCERT_SEAL);
    expect(other.sha256).not.toBe(first.sha256);
    // The DER handed out is a copy taken when it was first parsed, so it still hashes to its fingerprint.
    expect(createHash('sha256').update(again.der).digest('hex')).toBe(first.sha256);
  });
});
