import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import { parseCertificatePem, verifyChainToAnchors } from '#trust';
import { createDemoCa, librarySeal, sealKeyPair } from '../seed/demo/demo-certificates.js';

/**
 * The demo CA issues seals from a template and signs them with node:crypto (the scale generator's
 * hot loop): each must be what `@peculiar/x509`'s own generator makes for the same input, and a
 * seal the registry's parser and chain verification accept.
 */
describe('demo seals', () => {
  const notBefore = new Date('2024-03-01T08:30:15.250Z');
  const notAfter = new Date('2029-03-01T08:30:15.250Z');

  it.each([
    ['plain, qualified', { legalName: 'Scale Provider G7-12', country: 'FI', legalIdentifier: 'VATFI-G7P12' }, true, 0x1000],
    ['escaped and non-ASCII, not qualified, serial with its high bit set', { legalName: 'Ünïversité "Q", + <co>; a\\b', country: 'BE', legalIdentifier: 'VATBE-0123456789' }, false, 0x8123],
  ])('%s: the signed part equals the library generator\'s, and the registry accepts the seal', async (_, subject, qualified, serialNumber) => {
    const ca = await createDemoCa(new Date('2020-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z'), 'Spec eSeal CA');
    const { publicKey } = sealKeyPair();
    const pem = await ca.issue(subject, notBefore, notAfter, qualified, { publicKey, serialNumber });

    // The library's seal for the same input, signed by another key: only the signature may differ.
    const otherKey = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const expected = await librarySeal(new x509.X509Certificate(ca.pem), otherKey.privateKey, { subject, notBefore, notAfter, qualified, publicKey, serialNumber });
    const signedPart = (der: ArrayBuffer) => Buffer.from(AsnConvert.parse(der, Certificate).tbsCertificateRaw!);
    expect(signedPart(x509.PemConverter.decodeFirst(pem)).toString('hex')).toBe(signedPart(expected.rawData).toString('hex'));

    const seal = parseCertificatePem(pem);
    const { subjectDn, issuerDn, notAfter: until } = parseCertificatePem(expected.toString('pem'));
    expect(seal).toMatchObject({
      pem,
      subjectDn,
      issuerDn,
      organizationIdentifier: subject.legalIdentifier,
      serialNumber: serialNumber.toString(16),
      notBefore: new Date('2024-03-01T08:30:15Z'),
      notAfter: until,
      qualifiedESeal: qualified,
      keyUsageAllowsSigning: true,
    });
    expect(subjectDn).toContain(`organizationIdentifier=${subject.legalIdentifier}`);
    const chain = await verifyChainToAnchors(seal, [], [parseCertificatePem(ca.pem)]);
    expect(chain.anchored).toBe(true);
  });

  it('numbers its seals in turn, each with a fresh key unless given one', async () => {
    const ca = await createDemoCa(new Date('2020-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z'));
    const subject = { legalName: 'Counted', country: 'FI', legalIdentifier: 'VATFI-1' };
    const [a, b] = [parseCertificatePem(await ca.issue(subject, notBefore, notAfter, true)), parseCertificatePem(await ca.issue(subject, notBefore, notAfter, true))];
    expect([a.serialNumber, b.serialNumber]).toEqual(['1000', '1001']);
    expect(Buffer.from(a.certificate.publicKey.rawData).equals(Buffer.from(b.certificate.publicKey.rawData))).toBe(false);
  });
});
