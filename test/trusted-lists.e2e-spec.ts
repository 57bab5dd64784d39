import { createDemoCa } from '../seed/demo/demo-certificates.js';
import { createApiKey, dataOf, recognise, recordAccreditation, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { addTrustAnchor, certificate, ISSUER_TRUST } from './support/trust-fixtures.js';
import { createListSigner, keyInfoCertificatePem, type ListSigner, signedTrustedList, signTrustedList, type TestList, trustedListXml, vector } from './support/trusted-list-fixtures.js';

const IMPORT = `mutation($input: ImportTrustedListInput!) { importTrustedList(input: $input) {
  territory sequenceNumber issuedAt nextUpdate anchorsAdded anchorsUpdated unchanged warnings
  trustedList { id territory sequenceNumber listOfLists signerSubjectDn anchors { id serviceName } } } }`;
const TRUSTED_LISTS = `{ trustedLists { territory sequenceNumber versionIdentifier listOfLists issuedAt nextUpdate importedAt signerSha256 anchors { serviceName } } }`;
const ANCHORS = `{ trustAnchors { id sha256 subjectDn source territory serviceName statusHistory { status effectiveAt reason } } }`;

async function registrySequence(app: TestApp): Promise<number> {
  const [latest] = dataOf(await app.graphql(`{ auditEvents(first: 1) { registrySequence } }`, {}, app.adminToken)).auditEvents;
  return latest?.registrySequence ?? 0;
}

/** A provider carrying `legalIdentifier`, accredited (unscoped) from 2015 to 2035 by a recognised agency. */
async function accreditedProvider(app: TestApp, legalIdentifier: string, country: string): Promise<void> {
  const agency = await registerOrganisation(app, 'QUALITY_AGENCY', { country });
  await recognise(app, agency.id, { validFrom: '2010-01-01T00:00:00Z' });
  const agencyToken = await createApiKey(app, 'QUALITY_AGENCY', agency.id);
  const provider = await registerOrganisation(app, 'PROVIDER', { country, legalIdentifier });
  await recordAccreditation(app, agencyToken, provider.id, {
    issuedAt: '2015-01-01T00:00:00Z', validFrom: '2015-01-01T00:00:00Z', expiresAt: '2035-01-01T00:00:00Z', reviewDate: null, limitEqfLevels: [], limitFields: [], limitJurisdictions: [],
  });
}

/**
 * "Now" for this file, fixed in the app's Clock: after the real lists were issued (LOTL
 * 2026-08-03, SI 2026-07-07) and before their NextUpdate (SI 2027-01-07, LOTL 2027-01-27), within
 * VELOCERT's seal (2025-09-11 → 2028-09-11), the Halcom CA's and every certificate, list signer and
 * decision made here (to 2032 and later). A NextUpdate "has passed" only against this instant.
 */
const NOW = new Date('2026-09-01T00:00:00Z');

const codes = (answer: { reasons: { code: string }[] }) => answer.reasons.map((r) => r.code);

/** The EU's own lists: the LOTL, then Slovenia through the LOTL's pointer (DESIGN §8.2). */
describe('trusted lists: the LOTL and Slovenia', () => {
  let app: TestApp;
  let lotlImport: Record<string, any>;
  let siImport: Record<string, any>;
  let sequences: { before: number; afterLotl: number; afterSi: number };

  beforeAll(async () => {
    app = await startTestApp({}, { now: NOW });
    const before = await registrySequence(app);
    const lotlXml = vector('eu-lotl.xml');
    lotlImport = dataOf(await app.graphql(IMPORT, { input: { xml: lotlXml, signerCertificatesPem: keyInfoCertificatePem(lotlXml) } }, app.adminToken)).importTrustedList;
    const afterLotl = await registrySequence(app);
    siImport = dataOf(await app.graphql(IMPORT, { input: { xml: vector('TSL_SI.xml') } }, app.adminToken)).importTrustedList;
    sequences = { before, afterLotl, afterSi: await registrySequence(app) };
    await accreditedProvider(app, 'NTREE-17207834', 'EE');
  });
  afterAll(async () => {
    await app.close();
  });

  it('imports the LOTL pinned from its own KeyInfo, then Slovenia verified with the signers the LOTL names for SI, in one registry sequence', async () => {
    expect(lotlImport).toMatchObject({ territory: 'EU', sequenceNumber: 390, anchorsAdded: 0, unchanged: false, trustedList: { listOfLists: true, anchors: [] } });
    expect(siImport).toMatchObject({ territory: 'SI', sequenceNumber: 86, issuedAt: '2026-07-07T10:21:12.000Z', nextUpdate: '2027-01-07T11:21:12.000Z', anchorsAdded: 19, anchorsUpdated: 0, unchanged: false });
    // Both are current at NOW: no NextUpdate has passed.
    expect([...lotlImport.warnings, ...siImport.warnings].join(' ')).not.toContain('NextUpdate');
    expect(siImport.trustedList.anchors.map((a: { serviceName: string }) => a.serviceName)).toContain('Halcom CA PO e-seal 2');
    // The LOTL changes no answer; the Slovenian list moves the registry sequence exactly once.
    expect(sequences.afterLotl).toBe(sequences.before);
    expect(sequences.afterSi).toBe(sequences.afterLotl + 1);
    const lists = dataOf(await app.graphql(TRUSTED_LISTS)).trustedLists;
    expect(lists.map((l: Record<string, unknown>) => [l.territory, l.sequenceNumber, l.versionIdentifier, l.listOfLists])).toEqual([
      ['EU', 390, 6, true],
      ['SI', 86, 6, false],
    ]);
    expect(lists[1].anchors).toHaveLength(19);
    expect(lists[1].importedAt).toEqual(expect.any(String));
  });

  it('trusts the VELOCERT seal through the listed Halcom CA, with the CA as a trusted-list anchor', async () => {
    const answer = dataOf(await app.graphql(ISSUER_TRUST, { input: { certificatePem: certificate('velocert-eseal-2025'), at: '2026-01-12T08:58:28Z' } })).issuerTrust;
    expect(answer).toMatchObject({ status: 'TRUSTED', organisation: { legalIdentifier: 'NTREE-17207834' } });
    const halcom = dataOf(await app.graphql(ANCHORS)).trustAnchors.find((a: { serviceName: string }) => a.serviceName === 'Halcom CA PO e-seal 2');
    expect(halcom).toMatchObject({ source: 'TRUSTED_LIST', territory: 'SI', statusHistory: [{ status: 'ACTIVE', effectiveAt: '2023-06-10T15:16:00.000Z', reason: 'granted in the SI trusted list 86' }] });
  });

  it('keeps each Slovenian service history: SIMoD-CA-Restricted granted from 2017, withdrawn on 2023-02-14', async () => {
    const anchors = dataOf(await app.graphql(ANCHORS)).trustAnchors;
    const simod = anchors.find((a: { serviceName: string; statusHistory: { effectiveAt: string }[] }) => a.serviceName === 'SIMoD-CA-Restricted' && a.statusHistory.some((h) => h.effectiveAt === '2023-02-14T17:02:04.000Z'));
    expect(simod.statusHistory.map((h: Record<string, string>) => [h.status, h.effectiveAt])).toEqual([
      ['ACTIVE', '2017-06-29T22:00:00.000Z'],
      ['REVOKED', '2023-02-14T17:02:04.000Z'],
    ]);
    // status(at:) reads the same history: not listed before 2017 (REVOKED), granted in 2020, withdrawn in 2024.
    const statuses = dataOf(
      await app.graphql(`{ trustAnchors { id before: status(at: "2016-01-01T00:00:00Z") granted: status(at: "2020-01-01T00:00:00Z") withdrawn: status(at: "2024-01-01T00:00:00Z") } }`),
    ).trustAnchors.find((a: { id: string }) => a.id === simod.id);
    expect(statuses).toMatchObject({ before: 'REVOKED', granted: 'ACTIVE', withdrawn: 'REVOKED' });
    const root = anchors.find((a: { serviceName: string }) => a.serviceName === 'Halcom Root Certificate Authority');
    expect(root.statusHistory.map((h: Record<string, string>) => h.reason)).toEqual(['undersupervision in the SI trusted list 86', 'granted in the SI trusted list 86']);
  });

  it('refuses the broken LOTL, naming the signature, and changes nothing', async () => {
    const broken = vector('dss-eu-lotl-broken-sig.xml');
    const before = await registrySequence(app);
    const result = await app.graphql(IMPORT, { input: { xml: broken, signerCertificatesPem: keyInfoCertificatePem(broken) } }, app.adminToken);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.xml', message: expect.stringMatching(/signature of the EU list does not verify.*digest/i) }] });
    expect(await registrySequence(app)).toBe(before);
    expect(dataOf(await app.graphql(TRUSTED_LISTS)).trustedLists).toHaveLength(2);
  });

  it('refuses a Slovenian list edited after signing, and one that no LOTL pointer names the signer of, changing nothing', async () => {
    const anchorsBefore = dataOf(await app.graphql(ANCHORS)).trustAnchors.length;
    const before = await registrySequence(app);
    const edited = vector('TSL_SI.xml').replace('<TSLSequenceNumber>86<', '<TSLSequenceNumber>87<').replace('Halcom CA PO e-seal 2', 'Halcom CA PO e-seal X');
    const refused = await app.graphql(IMPORT, { input: { xml: edited } }, app.adminToken);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.xml', message: expect.stringContaining('the signature of the SI list does not verify') }] });
    // The LOTL's signer is not one the LOTL names for SI.
    const lotlXml = vector('eu-lotl.xml');
    const wrongSigner = await app.graphql(IMPORT, { input: { xml: edited, signerCertificatesPem: keyInfoCertificatePem(lotlXml) } }, app.adminToken);
    expect(wrongSigner.errors?.[0].extensions?.fields?.[0].message).toMatch(/is signed with certificate [0-9a-f]{64} \(.*\), which is not among the 1 certificate/);
    expect(await registrySequence(app)).toBe(before);
    expect(dataOf(await app.graphql(ANCHORS)).trustAnchors).toHaveLength(anchorsBefore);
    expect(dataOf(await app.graphql(TRUSTED_LISTS)).trustedLists.map((l: { sequenceNumber: number }) => l.sequenceNumber)).toEqual([390, 86]);
  });

  it('refuses callers who are not the operator', async () => {
    const provider = await registerOrganisation(app, 'PROVIDER');
    const providerToken = await createApiKey(app, 'PROVIDER', provider.id);
    const input = { xml: vector('TSL_SI.xml') };
    expect((await app.graphql(IMPORT, { input }, providerToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql(IMPORT, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('takes a list of 3 MiB in one request: it reaches the import and fails on its signature, not on its size', async () => {
    // 3 MiB of comments, a KiB each: one comment of megabytes is more than the XML parser reads (xml-signature.ts).
    const padding = `<!--${' '.repeat(1017)}-->`.repeat(3 * 1024);
    const edited = vector('TSL_SI.xml').replace('<SchemeInformation>', `${padding}<SchemeInformation>`).replace('<TSLSequenceNumber>86<', '<TSLSequenceNumber>88<');
    const result = await app.graphql(IMPORT, { input: { xml: edited } }, app.adminToken);
    // The whole answer, so that a failure shows what came instead.
    expect(result).toMatchObject({ status: 200, errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.xml', message: expect.stringContaining('does not verify') }] } }] });
    // Comments are not signed content (exclusive c14n drops them): the same list padded the same way is the one imported, unchanged.
    const padded = vector('TSL_SI.xml').replace('<SchemeInformation>', `${padding}<SchemeInformation>`);
    expect(dataOf(await app.graphql(IMPORT, { input: { xml: padded } }, app.adminToken)).importTrustedList).toMatchObject({ unchanged: true, anchorsAdded: 0 });
  });
});

/** A list made here, so that a chain can be tried at every point of its CA's history. */
describe('trusted lists: a listed CA across its history', () => {
  let app: TestApp;
  let signer: ListSigner;
  let ca: Awaited<ReturnType<typeof createDemoCa>>;
  let sealPem: string;
  const legalIdentifier = 'VATBE-0999999999';
  const service = (statuses: [string, string][]) => ({ name: 'Test eSeal CA', certificatesPem: [ca.pem], statuses });
  const list = (sequenceNumber: number, statuses: [string, string][], extra: Partial<TestList> = {}): TestList => ({ territory: 'BE', sequenceNumber, services: [service(statuses)], ...extra });
  const trustAt = async (at: string) => dataOf(await app.graphql(ISSUER_TRUST, { input: { certificatePem: sealPem, at } })).issuerTrust;

  beforeAll(async () => {
    app = await startTestApp({}, { now: NOW });
    signer = await createListSigner();
    ca = await createDemoCa(new Date('2015-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z'), 'Test eSeal CA');
    sealPem = await ca.issue({ legalName: 'Listed Seal Holder', country: 'BE', legalIdentifier }, new Date('2018-01-01T00:00:00Z'), new Date('2032-01-01T00:00:00Z'), true);
    await accreditedProvider(app, legalIdentifier, 'BE');
    // Granted from 2020, withdrawn from 2024 (newest first, as lists give them).
    const first = await signedTrustedList(list(1, [['withdrawn', '2024-01-01T00:00:00Z'], ['granted', '2020-01-01T00:00:00Z']]), signer);
    dataOf(await app.graphql(IMPORT, { input: { xml: first, signerCertificatesPem: signer.pem } }, app.adminToken));
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers for a seal made while the CA was granted TRUSTED, valid until the withdrawal', async () => {
    const answer = await trustAt('2022-06-01T00:00:00Z');
    expect(answer).toMatchObject({ status: 'TRUSTED', validUntil: '2024-01-01T00:00:00.000Z' });
  });

  it('answers CERTIFICATE_CHAIN_UNTRUSTED before the CA was listed and after it was withdrawn, naming the service and the date', async () => {
    const early = await trustAt('2019-06-01T00:00:00Z');
    expect(codes(early)).toEqual(['CERTIFICATE_CHAIN_UNTRUSTED']);
    expect(early.reasons[0].message).toContain('"Test eSeal CA" (a CA/QC service for eSeals in the BE trusted list), which was not yet listed at 2019-06-01T00:00:00.000Z; it is listed from 2020-01-01T00:00:00.000Z');
    const late = await trustAt('2025-06-01T00:00:00Z');
    expect(codes(late)).toEqual(['CERTIFICATE_CHAIN_UNTRUSTED']);
    expect(late.reasons[0].message).toContain('"Test eSeal CA" (a CA/QC service for eSeals in the BE trusted list), which is withdrawn since 2024-01-01T00:00:00.000Z');
  });

  it('appends the history of a newer list (nothing deleted), leaves the same sequence unchanged and refuses an older one with CONFLICT', async () => {
    const regranted: [string, string][] = [['granted', '2025-01-01T00:00:00Z'], ['withdrawn', '2024-01-01T00:00:00Z'], ['granted', '2020-01-01T00:00:00Z']];
    const second = await signedTrustedList(list(3, regranted), signer);
    const before = await registrySequence(app);
    const imported = dataOf(await app.graphql(IMPORT, { input: { xml: second, signerCertificatesPem: signer.pem } }, app.adminToken)).importTrustedList;
    expect(imported).toMatchObject({ sequenceNumber: 3, anchorsAdded: 0, anchorsUpdated: 1, unchanged: false });
    expect(await registrySequence(app)).toBe(before + 1);
    expect(await trustAt('2025-06-01T00:00:00Z')).toMatchObject({ status: 'TRUSTED' });
    expect(await trustAt('2024-06-01T00:00:00Z')).toMatchObject({ status: 'NOT_TRUSTED' });
    const anchor = dataOf(await app.graphql(ANCHORS)).trustAnchors.find((a: { serviceName: string }) => a.serviceName === 'Test eSeal CA');
    expect(anchor.statusHistory.map((h: Record<string, string>) => [h.status, h.effectiveAt.slice(0, 4), h.reason])).toEqual([
      ['ACTIVE', '2020', 'granted in the BE trusted list 1'],
      ['REVOKED', '2024', 'withdrawn in the BE trusted list 1'],
      ['ACTIVE', '2025', 'granted in the BE trusted list 3'],
    ]);

    const again = dataOf(await app.graphql(IMPORT, { input: { xml: second, signerCertificatesPem: signer.pem } }, app.adminToken)).importTrustedList;
    expect(again).toMatchObject({ unchanged: true, anchorsAdded: 0, anchorsUpdated: 0, warnings: [expect.stringContaining('was imported before; nothing changed')] });
    const older = await app.graphql(IMPORT, { input: { xml: await signedTrustedList(list(2, regranted), signer), signerCertificatesPem: signer.pem } }, app.adminToken);
    expect(older.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await registrySequence(app)).toBe(before + 1);
  });

  it('warns when the NextUpdate has passed, and refuses a LOTL without given signers and a national list no LOTL points to', async () => {
    const stale = await signedTrustedList(list(1, [['granted', '2020-01-01T00:00:00Z']], { territory: 'LU', nextUpdate: '2021-01-01T00:00:00Z' }), signer);
    const imported = dataOf(await app.graphql(IMPORT, { input: { xml: stale, signerCertificatesPem: signer.pem } }, app.adminToken)).importTrustedList;
    expect(imported.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/NextUpdate \(2021-01-01T00:00:00.000Z\) has passed/)]));
    expect(imported.warnings.join(' ')).not.toContain('signer certificate');
    const expiredSigner = await createListSigner('Expired Scheme Operator', { notBefore: '2015-01-01T00:00:00Z', notAfter: '2020-01-01T00:00:00Z' });
    const lateList = await signedTrustedList(list(1, [['granted', '2020-01-01T00:00:00Z']], { territory: 'PT' }), expiredSigner);
    const late = dataOf(await app.graphql(IMPORT, { input: { xml: lateList, signerCertificatesPem: expiredSigner.pem } }, app.adminToken)).importTrustedList;
    expect(late.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/its signer certificate [0-9a-f]{64} was not valid when the list says it was issued \(2026-01-01T00:00:00.000Z; valid 2015-01-01T00:00:00.000Z to 2020-01-01T00:00:00.000Z\)/)]));
    const noLotl = await app.graphql(IMPORT, { input: { xml: stale } }, app.adminToken);
    expect(noLotl.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.signerCertificatesPem', message: expect.stringContaining('no list of trusted lists is imported yet') }] });
    const lotl = await app.graphql(IMPORT, { input: { xml: vector('eu-lotl.xml') } }, app.adminToken);
    expect(lotl.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'input.signerCertificatesPem', message: expect.stringContaining('Official Journal') });
    const notXml = await app.graphql(IMPORT, { input: { xml: 'not a list' } }, app.adminToken);
    expect(notXml.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'input.xml', message: expect.stringContaining('not well-formed XML') });
    // Whatever a list holds is answered, never crashed on: elements nested 20,000 deep are refused before canonicalisation, which recurses.
    const deep = stale.replace('</tsl:SchemeInformation>', `${'<tsl:x>'.repeat(20_000)}${'</tsl:x>'.repeat(20_000)}</tsl:SchemeInformation>`);
    const tooDeep = await app.graphql(IMPORT, { input: { xml: deep, signerCertificatesPem: signer.pem } }, app.adminToken);
    expect(tooDeep.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'input.xml', message: expect.stringContaining('nests elements more than 100 deep') });
  });

  it('keeps operator-added anchors working beside listed ones, and does not take one over', async () => {
    const other = await createDemoCa(new Date('2015-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z'), 'Operator CA');
    const operatorAnchor = dataOf(await app.graphql(`mutation($input: AddTrustAnchorInput!) { addTrustAnchor(input: $input) { id source } }`, { input: { certificatePem: other.pem } }, app.adminToken)).addTrustAnchor;
    expect(operatorAnchor.source).toBe('OPERATOR');
    const identifier = 'VATBE-0888888888';
    await accreditedProvider(app, identifier, 'BE');
    const seal = await other.issue({ legalName: 'Operator Seal Holder', country: 'BE', legalIdentifier: identifier }, new Date('2018-01-01T00:00:00Z'), new Date('2032-01-01T00:00:00Z'), true);
    // Trusted for a time long before the operator added its CA: an operator's anchor has no "not yet listed".
    expect(dataOf(await app.graphql(ISSUER_TRUST, { input: { certificatePem: seal, at: '2019-01-01T00:00:00Z' } })).issuerTrust).toMatchObject({ status: 'TRUSTED' });
    const listing = await signedTrustedList({ territory: 'NL', sequenceNumber: 1, services: [{ name: 'Operator CA listed', certificatesPem: [other.pem], statuses: [['withdrawn', '2018-06-01T00:00:00Z']] }] }, signer);
    const imported = dataOf(await app.graphql(IMPORT, { input: { xml: listing, signerCertificatesPem: signer.pem } }, app.adminToken)).importTrustedList;
    expect(imported).toMatchObject({ anchorsAdded: 0, warnings: [expect.stringContaining('is already an operator-added trust anchor')] });
    expect(dataOf(await app.graphql(ISSUER_TRUST, { input: { certificatePem: seal, at: '2019-01-01T00:00:00Z' } })).issuerTrust).toMatchObject({ status: 'TRUSTED' });
  });

  it('keeps an operator revocation of a listed anchor final: a newer list that grants it again is not applied', async () => {
    const revokedCa = await createDemoCa(new Date('2015-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z'), 'Revoked Listed CA');
    const identifier = 'VATBE-0777777777';
    await accreditedProvider(app, identifier, 'BE');
    const seal = await revokedCa.issue({ legalName: 'Revoked CA Seal Holder', country: 'BE', legalIdentifier: identifier }, new Date('2018-01-01T00:00:00Z'), new Date('2032-01-01T00:00:00Z'), true);
    const listing = (sequenceNumber: number, statuses: [string, string][]) =>
      signedTrustedList({ territory: 'DK', sequenceNumber, services: [{ name: 'Revoked Listed CA', certificatesPem: [revokedCa.pem], statuses }] }, signer);
    const first = dataOf(await app.graphql(IMPORT, { input: { xml: await listing(1, [['granted', '2019-01-01T00:00:00Z']]), signerCertificatesPem: signer.pem } }, app.adminToken)).importTrustedList;
    const [anchor] = first.trustedList.anchors;
    dataOf(await app.graphql(`mutation($input: RevokeKeyInput!) { revokeTrustAnchor(input: $input) { id } }`, { input: { id: anchor.id, reason: 'key compromise', effectiveAt: '2023-01-01T00:00:00Z' } }, app.adminToken));
    const regranted = await listing(2, [['granted', '2024-01-01T00:00:00Z'], ['withdrawn', '2022-06-01T00:00:00Z'], ['granted', '2019-01-01T00:00:00Z']]);
    const second = dataOf(await app.graphql(IMPORT, { input: { xml: regranted, signerCertificatesPem: signer.pem } }, app.adminToken)).importTrustedList;
    expect(second).toMatchObject({ anchorsUpdated: 0, warnings: [expect.stringContaining('was revoked by the operator; revocation is final')] });
    expect(dataOf(await app.graphql(ISSUER_TRUST, { input: { certificatePem: seal, at: '2020-01-01T00:00:00Z' } })).issuerTrust).toMatchObject({ status: 'TRUSTED' });
    expect(codes(dataOf(await app.graphql(ISSUER_TRUST, { input: { certificatePem: seal, at: '2025-01-01T00:00:00Z' } })).issuerTrust)).toEqual(['CERTIFICATE_CHAIN_UNTRUSTED']);
  });

  it('imports a large list (about 3 MB, 600 services with history, 200 anchors) in one transaction, bumping registrySequence once', async () => {
    const cas = await Promise.all(Array.from({ length: 200 }, (_, i) => createDemoCa(new Date('2015-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z'), `Bulk CA ${i}`)));
    // 600 services: 200 distinct CA certificates, each listed by three services (as lists do for re-named services), two of them for eSeals.
    const services = Array.from({ length: 600 }, (_, i) => ({
      name: `Bulk service ${i}`,
      certificatesPem: [cas[i % cas.length].pem],
      statuses: [['granted', '2021-01-01T00:00:00Z'], ['granted', '2016-06-30T22:00:00Z'], ['undersupervision', '2010-01-01T00:00:00Z']] as [string, string][],
      forESeals: i % 3 !== 0,
    }));
    let xml = trustedListXml({ territory: 'ES', sequenceNumber: 184, services });
    // Real lists carry long multilingual texts; pad with them to the Spanish list's size.
    xml = xml.replace('</tsl:SchemeInformation>', `<tsl:PolicyOrLegalNotice><tsl:TSLLegalNotice xml:lang="es">${'Texto legal. '.repeat(Math.max(0, Math.ceil((2_900_000 - xml.length) / 13)))}</tsl:TSLLegalNotice></tsl:PolicyOrLegalNotice></tsl:SchemeInformation>`);
    const signed = await signTrustedList(xml, signer);
    expect(signed.length).toBeGreaterThan(2_900_000);
    // How long it takes is a figure for docs/trusted-lists.md, not an assertion: timing fails on a busy machine.
    const started = performance.now();
    const before = await registrySequence(app);
    const imported = dataOf(await app.graphql(IMPORT, { input: { xml: signed, signerCertificatesPem: signer.pem } }, app.adminToken)).importTrustedList;
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`trusted list of ${(signed.length / 1e6).toFixed(1)} MB imported in ${seconds.toFixed(2)} s\n`);
    expect(imported).toMatchObject({ territory: 'ES', anchorsAdded: 200 });
    expect(await registrySequence(app)).toBe(before + 1);
  }, 120_000);
});
