import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { setNodeDependencies } from 'xml-core';
import * as xmldsig from 'xmldsigjs';

/*
 * Trusted lists made in a test: ETSI TS 119 612 v5 XML with the services a test needs, signed
 * (enveloped, exclusive c14n, RSA-SHA256) with a signer made for the test. The real lists are in
 * ../shared/vectors/trusted-lists.
 */

export const VECTORS = '../shared/vectors/trusted-lists';
export const vector = (name: string): string => readFileSync(`${VECTORS}/${name}`, 'utf8');

/** The certificate in a list's own KeyInfo, as PEM: the LOTL signer a test may pin (DESIGN §8.2). */
export function keyInfoCertificatePem(xml: string): string {
  const match = /<(?:\w+:)?KeyInfo[\s\S]*?<(?:\w+:)?X509Certificate>([^<]+)</.exec(xml);
  if (!match) throw new Error('no X509Certificate in KeyInfo');
  return `-----BEGIN CERTIFICATE-----\n${match[1].replace(/\s+/g, '').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;

export interface ListSigner {
  readonly pem: string;
  readonly base64: string;
  readonly privateKey: webcrypto.CryptoKey;
}

/** A self-signed RSA certificate that signs test lists (as a scheme operator's would). */
export async function createListSigner(name = 'Test Scheme Operator', validity = { notBefore: '2015-01-01T00:00:00Z', notAfter: '2040-01-01T00:00:00Z' }): Promise<ListSigner> {
  x509.cryptoProvider.set(globalThis.crypto);
  const keys = (await globalThis.crypto.subtle.generateKey(RSA, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '02',
    name: `CN=${name}, O=Tessera Tests, C=BE`,
    notBefore: new Date(validity.notBefore),
    notAfter: new Date(validity.notAfter),
    signingAlgorithm: RSA,
    keys,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true)],
  });
  return { pem: certificate.toString('pem'), base64: certificate.toString('base64'), privateKey: keys.privateKey };
}

export interface TestService {
  name: string;
  /** PEM certificates of the service's digital identity. */
  certificatesPem: string[];
  /** [status name, starting time], newest first as lists give them: the first is the current status. */
  statuses: [string, string][];
  forESeals?: boolean;
  type?: string;
}

export interface TestList {
  territory: string;
  sequenceNumber: number;
  issuedAt?: string;
  nextUpdate?: string;
  services: TestService[];
}

const TSL = 'http://uri.etsi.org/02231/v2#';
const esc = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const base64Of = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
const statusUri = (name: string) =>
  ['undersupervision', 'accredited', 'setbynationallaw', 'supervisionceased', 'supervisionrevoked'].includes(name)
    ? `http://uri.etsi.org/TrstSvc/Svcstatus/${name}`
    : `http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/${name}`;

/** The list's XML, unsigned. Prefix `tsl:` on purpose: readers must go by namespace. */
export function trustedListXml(list: TestList): string {
  const service = (s: TestService) => {
    const [[status, since], ...history] = s.statuses;
    const extensions = s.forESeals === false ? '' : `<tsl:ServiceInformationExtensions><tsl:Extension Critical="false"><tsl:AdditionalServiceInformation><tsl:URI xml:lang="en">http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals</tsl:URI></tsl:AdditionalServiceInformation></tsl:Extension></tsl:ServiceInformationExtensions>`;
    const type = s.type ?? 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC';
    const identity = s.certificatesPem.map((pem) => `<tsl:DigitalId><tsl:X509Certificate>${base64Of(pem)}</tsl:X509Certificate></tsl:DigitalId>`).join('');
    const instances = history
      .map(([st, at]) => `<tsl:ServiceHistoryInstance><tsl:ServiceTypeIdentifier>${type}</tsl:ServiceTypeIdentifier><tsl:ServiceName><tsl:Name xml:lang="en">${esc(s.name)}</tsl:Name></tsl:ServiceName><tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509SKI>AAAA</tsl:X509SKI></tsl:DigitalId></tsl:ServiceDigitalIdentity><tsl:ServiceStatus>${statusUri(st)}</tsl:ServiceStatus><tsl:StatusStartingTime>${at}</tsl:StatusStartingTime></tsl:ServiceHistoryInstance>`)
      .join('');
    return `<tsl:TSPService><tsl:ServiceInformation><tsl:ServiceTypeIdentifier>${type}</tsl:ServiceTypeIdentifier><tsl:ServiceName><tsl:Name xml:lang="en">${esc(s.name)}</tsl:Name></tsl:ServiceName><tsl:ServiceDigitalIdentity>${identity}</tsl:ServiceDigitalIdentity><tsl:ServiceStatus>${statusUri(status)}</tsl:ServiceStatus><tsl:StatusStartingTime>${since}</tsl:StatusStartingTime>${extensions}</tsl:ServiceInformation>${instances ? `<tsl:ServiceHistory>${instances}</tsl:ServiceHistory>` : ''}</tsl:TSPService>`;
  };
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<tsl:TrustServiceStatusList xmlns:tsl="${TSL}" Id="TSL" TSLTag="http://uri.etsi.org/19612/TSLTag"><tsl:SchemeInformation>` +
    `<tsl:TSLVersionIdentifier>5</tsl:TSLVersionIdentifier><tsl:TSLSequenceNumber>${list.sequenceNumber}</tsl:TSLSequenceNumber>` +
    `<tsl:TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric</tsl:TSLType><tsl:SchemeTerritory>${list.territory}</tsl:SchemeTerritory>` +
    `<tsl:ListIssueDateTime>${list.issuedAt ?? '2026-01-01T00:00:00Z'}</tsl:ListIssueDateTime><tsl:NextUpdate><tsl:dateTime>${list.nextUpdate ?? '2099-01-01T00:00:00Z'}</tsl:dateTime></tsl:NextUpdate>` +
    `</tsl:SchemeInformation><tsl:TrustServiceProviderList><tsl:TrustServiceProvider><tsl:TSPInformation><tsl:TSPName><tsl:Name xml:lang="en">Test Provider</tsl:Name></tsl:TSPName></tsl:TSPInformation><tsl:TSPServices>` +
    list.services.map(service).join('') +
    `</tsl:TSPServices></tsl:TrustServiceProvider></tsl:TrustServiceProviderList></tsl:TrustServiceStatusList>`
  );
}

/** Signs `xml` as trusted lists are signed: enveloped, exclusive c14n, the signer in KeyInfo. */
export async function signTrustedList(xml: string, signer: ListSigner): Promise<string> {
  // The same wiring the adapter does; xpath by a name the type checker does not follow (its typings pull in the browser DOM).
  const xpathModule: string = 'xpath';
  const xpath = (await import(xpathModule)) as { default?: unknown };
  setNodeDependencies({ DOMParser, XMLSerializer, DOMImplementation, xpath: xpath.default ?? xpath });
  xmldsig.Application.setEngine('NodeJS', globalThis.crypto as never);
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const signed = new xmldsig.SignedXml();
  await signed.Sign({ name: 'RSASSA-PKCS1-v1_5' }, signer.privateKey as never, document as never, {
    references: [{ uri: '', hash: 'SHA-256', transforms: ['enveloped', 'exc-c14n'] }],
    x509: [signer.base64],
  });
  document.documentElement!.appendChild(signed.GetXml() as never);
  return new XMLSerializer().serializeToString(document);
}

export async function signedTrustedList(list: TestList, signer: ListSigner): Promise<string> {
  return signTrustedList(trustedListXml(list), signer);
}
