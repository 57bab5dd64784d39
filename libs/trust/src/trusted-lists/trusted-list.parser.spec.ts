import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { listedAnchors, statusIsActive } from './listed-anchors.js';
import { CA_QC, type ListedService, type ParsedTrustedList, parseTrustedList, signerCertificatesFor } from './trusted-list.parser.js';
import { parseXml, verifyEnvelopedSignature, XmlInputError } from './xml-signature.js';

const VECTORS = '../shared/vectors/trusted-lists';
const lotlXml = readFileSync(`${VECTORS}/eu-lotl.xml`, 'utf8');
const siXml = readFileSync(`${VECTORS}/TSL_SI.xml`, 'utf8');
const brokenXml = readFileSync(`${VECTORS}/dss-eu-lotl-broken-sig.xml`, 'utf8');
const lotl = parseTrustedList(parseXml(lotlXml));
const si = parseTrustedList(parseXml(siXml));

const der = (base64: string) => Buffer.from(base64, 'base64');
/** The certificate in a list's own KeyInfo: what a test may pin (DESIGN §8.2). */
function keyInfoCertificate(xml: string): Buffer {
  const match = /<(?:\w+:)?KeyInfo[\s\S]*?<(?:\w+:)?X509Certificate>([^<]+)</.exec(xml);
  return der(match![1].replace(/\s+/g, ''));
}
const status = (name: string) => `http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/${name}`;

describe('reading trusted lists by namespace', () => {
  it('reads the LOTL: territory EU, sequence 390, v6, and a pointer to each national list with its signers', () => {
    expect(lotl).toMatchObject({ territory: 'EU', sequenceNumber: 390, versionIdentifier: 6, listOfLists: true, services: [] });
    const slovenia = lotl.pointers.find((p) => p.territory === 'SI' && p.mimeType === 'application/vnd.etsi.tsl+xml');
    expect(slovenia).toMatchObject({ location: 'https://www.tl.gov.si/SI_TL.xml' });
    expect(slovenia!.certificates).toHaveLength(2);
    // The certificate the Slovenian list is signed with is one the LOTL names for SI.
    expect(signerCertificatesFor(lotl, 'SI').map(der)).toContainEqual(keyInfoCertificate(siXml));
    expect(signerCertificatesFor(lotl, 'XX')).toEqual([]);
  });

  it('reads Slovenia: sequence 86, issued 2026-07-07, and the Halcom e-seal CA as CA/QC for eSeals granted since 2023-06-10', () => {
    expect(si).toMatchObject({ territory: 'SI', sequenceNumber: 86, versionIdentifier: 6, listOfLists: false });
    expect(si.issuedAt.toISOString()).toBe('2026-07-07T10:21:12.000Z');
    const halcom = si.services.find((s) => s.name === 'Halcom CA PO e-seal 2')!;
    expect(halcom).toMatchObject({ type: CA_QC, forESeals: true });
    expect(halcom.certificates).toHaveLength(1);
    expect(halcom.statuses).toEqual([{ status: status('granted'), startingTime: new Date('2023-06-10T15:16:00Z') }]);
  });

  it('reads prefixes it has never seen: the namespace decides, not the prefix', () => {
    const renamed = siXml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, '<$1tsl:$2').replace('<tsl:TrustServiceStatusList xmlns="', '<tsl:TrustServiceStatusList xmlns:tsl="');
    expect(renamed).toContain('<tsl:ServiceName>');
    expect(parseTrustedList(parseXml(renamed)).services.map((s) => s.name)).toEqual(si.services.map((s) => s.name));
  });

  it('refuses what is not a trusted list, not XML, or declares a DOCTYPE', () => {
    expect(() => parseTrustedList(parseXml('<a xmlns="urn:x"/>'))).toThrow(/not an ETSI TS 119 612 trusted list/);
    expect(() => parseXml('<a><b></a>')).toThrow(XmlInputError);
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(/DOCTYPE/);
    expect(() => parseXml(`${'<a>'.repeat(101)}${'</a>'.repeat(101)}`)).toThrow(/nests elements more than 100 deep/);
    expect(() => parseXml(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)).not.toThrow();
    // 32 MiB in one comment: more backtracking than V8's regexp stack (64 MB) holds in any mode.
    expect(() => parseXml(`<a><!--${' '.repeat(32 * 1024 * 1024)}--></a>`)).toThrow(/a comment or other markup too long for the XML parser/);
    expect(() => parseTrustedList(parseXml(siXml.replace('<TSLSequenceNumber>86<', '<TSLSequenceNumber>eighty-six<')))).toThrow(/TSLSequenceNumber "eighty-six" is not a whole number/);
  });
});

describe('which services become anchors, with what history (DESIGN §8.2)', () => {
  const { anchors, unknownStatuses } = listedAnchors(si);
  const anchorOf = (name: string) => anchors.find((a) => a.serviceNames.includes(name));
  const history = (name: string) => anchorOf(name)?.history.map((h) => [h.effectiveAt.toISOString(), h.active, h.listed]);

  it('makes one anchor per certificate of every CA/QC service for eSeals, and none of a service only for eSignatures', () => {
    expect(anchors).toHaveLength(19);
    expect(anchorOf('Halcom CA PO e-seal 2')).toBeDefined();
    expect(anchorOf('HALCOM CA PO 3')).toBeUndefined(); // ForeSignatures only
    expect(anchorOf('Halcom CA web 1')).toBeUndefined(); // ForWebSiteAuthentication only
    expect(unknownStatuses).toEqual([]);
  });

  it('keeps the history: SIMoD-CA-Restricted granted in 2017 and withdrawn on 2023-02-14', () => {
    const withdrawn = anchors.find((a) => a.serviceNames.includes('SIMoD-CA-Restricted') && a.history.some((h) => h.effectiveAt.toISOString() === '2023-02-14T17:02:04.000Z'));
    expect(withdrawn!.history.map((h) => [h.effectiveAt.toISOString(), h.active, h.listed])).toEqual([
      ['2017-06-29T22:00:00.000Z', true, 'granted'],
      ['2023-02-14T17:02:04.000Z', false, 'withdrawn'],
    ]);
  });

  it('keeps pre-eIDAS statuses as active, and a re-grant with the same status as one entry', () => {
    expect(history('Halcom Root Certificate Authority')).toEqual([
      ['2016-06-29T22:00:00.000Z', true, 'undersupervision'],
      ['2016-06-30T22:00:00.000Z', true, 'granted'],
    ]);
  });

  it('maps every status of TS 119 612 to active or not, and an unknown one to neither', () => {
    for (const name of ['granted', 'recognisedatnationallevel']) expect(statusIsActive(status(name))).toBe(true);
    for (const name of ['withdrawn', 'deprecatedatnationallevel']) expect(statusIsActive(status(name))).toBe(false);
    for (const name of ['undersupervision', 'accredited', 'setbynationallaw']) expect(statusIsActive(`http://uri.etsi.org/TrstSvc/Svcstatus/${name}`)).toBe(true);
    for (const name of ['supervisionceased', 'supervisionrevoked']) expect(statusIsActive(`http://uri.etsi.org/TrstSvc/Svcstatus/${name}`)).toBe(false);
    expect(statusIsActive(status('suspended'))).toBeNull();
  });

  it('anchors a certificate listed by two services while either is active, and counts an unknown status as not active', () => {
    const service = (name: string, statuses: [string, string][]): ListedService => ({
      providerName: 'P',
      name,
      type: CA_QC,
      forESeals: true,
      certificates: ['AAAA'],
      statuses: statuses.map(([s, t]) => ({ status: status(s), startingTime: new Date(t) })),
    });
    const list = { services: [service('old', [['withdrawn', '2022-01-01T00:00:00Z'], ['granted', '2018-01-01T00:00:00Z']]), service('new', [['granted', '2021-01-01T00:00:00Z'], ['suspended', '2024-01-01T00:00:00Z']])] } as unknown as ParsedTrustedList;
    const [anchor] = listedAnchors(list).anchors;
    expect(anchor.serviceNames).toEqual(['old', 'new']);
    // 2022: the old service is withdrawn, the new one still grants: no change of standing.
    expect(anchor.history.map((h) => [h.effectiveAt.toISOString().slice(0, 4), h.active])).toEqual([
      ['2018', true],
      ['2024', false],
    ]);
    expect(listedAnchors(list).unknownStatuses).toEqual([status('suspended')]);
  });
});

describe('the enveloped XML signature (xmldsigjs)', () => {
  it('verifies the LOTL (RSA-SHA512) with the certificate in its own KeyInfo', async () => {
    const signer = keyInfoCertificate(lotlXml);
    await expect(verifyEnvelopedSignature(parseXml(lotlXml), [signer])).resolves.toEqual({ valid: true, signerDer: signer });
  });

  it('verifies Slovenia (ECDSA-SHA512) with the signers the LOTL names for SI, matched by fingerprint', async () => {
    const result = await verifyEnvelopedSignature(parseXml(siXml), signerCertificatesFor(lotl, 'SI').map(der));
    expect(result).toEqual({ valid: true, signerDer: keyInfoCertificate(siXml) });
  });

  it('refuses the broken LOTL: its content changed after signing', async () => {
    const result = await verifyEnvelopedSignature(parseXml(brokenXml), [keyInfoCertificate(brokenXml)]);
    expect(result).toMatchObject({ valid: false, problem: expect.stringMatching(/does not verify.*digest/i) });
  });

  it('refuses a list edited after signing, and one signed by a certificate not given', async () => {
    const edited = siXml.replace('Halcom CA PO e-seal 2', 'Halcom CA PO e-seal 3');
    await expect(verifyEnvelopedSignature(parseXml(edited), signerCertificatesFor(lotl, 'SI').map(der))).resolves.toMatchObject({ valid: false });
    const result = await verifyEnvelopedSignature(parseXml(siXml), [keyInfoCertificate(lotlXml)]);
    expect(result).toMatchObject({ valid: false, unknownSigner: { der: keyInfoCertificate(siXml) } });
  });

  it('refuses a signature that does not cover the whole document', async () => {
    const partial = lotlXml.replace(/(<ds:Reference Id="ref-enveloped-signature" URI=)""/, '$1"#nowhere"');
    await expect(verifyEnvelopedSignature(parseXml(partial), [keyInfoCertificate(lotlXml)])).resolves.toMatchObject({ valid: false, problem: expect.stringMatching(/"#nowhere"/) });
    const unsigned = lotlXml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
    await expect(verifyEnvelopedSignature(parseXml(unsigned), [keyInfoCertificate(lotlXml)])).resolves.toMatchObject({ valid: false, problem: 'it carries no enveloped XML signature' });
  });
});
