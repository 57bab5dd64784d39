import 'reflect-metadata';
import { generateKeyPairSync, type KeyObject, sign, type webcrypto } from 'node:crypto';
import { AsnSerializer } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const QC_STATEMENTS = '1.3.6.1.5.5.7.1.3';

export interface SealSubject {
  legalName: string;
  country: string;
  legalIdentifier: string;
}

export interface DemoCa {
  pem: string;
  /** The CA's key, for `openDemoCa` in another thread (the scale generator issues in several). */
  privateKey: KeyObject;
  /**
   * A seal for `subject`. `publicKey`: the seal's key, a fresh one unless given (the scale generator
   * shares a few). `serialNumber`: the CA numbers its seals in turn unless given (the scale
   * generator numbers them itself, so that the same seed gives the same serials in any thread).
   */
  issue(subject: SealSubject, notBefore: Date, notAfter: Date, qualified: boolean, options?: SealOptions): Promise<string>;
  /** The same seal as DER (the scale generator fingerprints it without decoding PEM). */
  issueDer(subject: SealSubject, notBefore: Date, notAfter: Date, qualified: boolean, options?: SealOptions): Promise<Uint8Array>;
}

export interface SealOptions {
  publicKey?: KeyObject;
  serialNumber?: number;
}

/** A seal as PEM, with the final newline, as the registry writes PEM. */
export function sealPem(der: Uint8Array): string {
  return `${x509.PemConverter.encode(der, 'CERTIFICATE')}\n`;
}

/** A key pair of the kind the demo seals carry. */
export function sealKeyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: ALGORITHM.namedCurve });
}

/**
 * A demo CA made at seed time, to stand as the trust anchor, and the seals it issues to demo
 * providers: real X.509 with the subject organizationIdentifier (OID 2.5.4.97) and, for
 * qualified ones, the QcStatements of a qualified electronic seal (ETSI EN 319 412-5).
 * Keys are fresh on every seed: certificates differ between runs, the facts in them do not.
 */
export async function createDemoCa(notBefore: Date, notAfter: Date, name = 'Tessera Demo Qualified eSeal CA'): Promise<DemoCa> {
  x509.cryptoProvider.set(globalThis.crypto);
  const keys = sealKeyPair();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name}, O=Tessera Demo, C=BE`,
    notBefore,
    notAfter,
    signingAlgorithm: ALGORITHM,
    keys: { privateKey: keys.privateKey.toCryptoKey(ALGORITHM, false, ['sign']), publicKey: keys.publicKey.toCryptoKey(ALGORITHM, true, ['verify']) },
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return openDemoCa(ca.toString('pem'), keys.privateKey);
}

/**
 * The CA of `createDemoCa` from its certificate and key, in any thread.
 *
 * Issuing is the scale generator's hot loop (200k seals), so the library's generator
 * (`X509CertificateGenerator`, ~5 ms a seal: it converts every field through the ASN.1 schema,
 * re-parses its own output and signs through WebCrypto) makes one template seal per validity and
 * kind; each seal then reuses that template's encoded fields and changes only serial, subject
 * and key, and node:crypto signs it (~0.05 ms). asn1js encodes both; no DER is written by hand.
 * A test proves the result equals the library generator's, byte for byte.
 */
export function openDemoCa(pem: string, privateKey: KeyObject): DemoCa {
  x509.cryptoProvider.set(globalThis.crypto);
  const ca = new x509.X509Certificate(pem);
  const signingKey = privateKey.toCryptoKey(ALGORITHM, false, ['sign']);
  const templates = new Map<string, Promise<SealTemplate>>();
  const templateFor = (from: Date, until: Date, qualified: boolean): Promise<SealTemplate> => {
    const key = `${from.toISOString()} ${until.toISOString()} ${qualified}`;
    let template = templates.get(key);
    if (!template) {
      const placeholder = { subject: { legalName: 'template', country: 'BE', legalIdentifier: 'template' }, publicKey: sealKeyPair().publicKey, serialNumber: 1 };
      template = librarySeal(ca, signingKey, { ...placeholder, notBefore: from, notAfter: until, qualified }).then(sealTemplate);
      templates.set(key, template);
    }
    return template;
  };
  let serial = 0x1000;
  const issueDer: DemoCa['issueDer'] = async (subject, from, until, qualified, options = {}) => {
    const template = await templateFor(from, until, qualified);
    const fields = [...template.fields];
    fields[TBS.serialNumber] = new asn1js.Integer({ value: options.serialNumber ?? serial++ });
    fields[TBS.subject] = AsnSerializer.toASN(subjectName(subject));
    fields[TBS.subjectPublicKeyInfo] = publicKeyInfo(options.publicKey ?? sealKeyPair().publicKey);
    const tbsCertificate = new asn1js.Sequence({ value: fields });
    const signature = sign('sha256', new Uint8Array(tbsCertificate.toBER()), { key: privateKey, dsaEncoding: 'der' });
    // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } (RFC 5280 §4.1)
    const certificate = new asn1js.Sequence({ value: [tbsCertificate, template.signatureAlgorithm, new asn1js.BitString({ valueHex: signature })] });
    return new Uint8Array(certificate.toBER());
  };
  return {
    pem,
    privateKey,
    issueDer,
    issue: async (...args) => sealPem(await issueDer(...args)),
  };
}

export interface LibrarySealInput {
  subject: SealSubject;
  notBefore: Date;
  notAfter: Date;
  qualified: boolean;
  publicKey: KeyObject;
  serialNumber: number;
}

/** A seal made wholly by `@peculiar/x509`'s generator: the template of the fast path, and what a test compares it with. */
export async function librarySeal(ca: x509.X509Certificate, signingKey: webcrypto.CryptoKey, seal: LibrarySealInput): Promise<x509.X509Certificate> {
  const extensions: x509.Extension[] = [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true)];
  if (seal.qualified) extensions.push(new x509.Extension(QC_STATEMENTS, false, QUALIFIED_E_SEAL_STATEMENTS));
  return x509.X509CertificateGenerator.create({
    serialNumber: evenHex(seal.serialNumber),
    subject: new x509.Name(subjectName(seal.subject)),
    issuer: ca.subject,
    notBefore: seal.notBefore,
    notAfter: seal.notAfter,
    signingAlgorithm: ALGORITHM,
    publicKey: seal.publicKey.toCryptoKey(ALGORITHM, true, ['verify']),
    signingKey,
    extensions,
  });
}

function evenHex(value: number): string {
  const hex = value.toString(16);
  return hex.length % 2 === 0 ? hex : `0${hex}`;
}

/** The TBSCertificate fields a seal changes, by position (RFC 5280 §4.1: version, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, extensions). */
const TBS = { serialNumber: 1, subject: 5, subjectPublicKeyInfo: 6 } as const;

interface SealTemplate {
  /** The template's TBSCertificate fields as asn1js blocks, encoded again as they are for every seal. */
  fields: readonly asn1js.AsnType[];
  signatureAlgorithm: asn1js.AsnType;
}

function sealTemplate(certificate: x509.X509Certificate): SealTemplate {
  const [tbsCertificate, signatureAlgorithm] = (asn1js.fromBER(certificate.rawData).result as asn1js.Sequence).valueBlock.value as [asn1js.Sequence, asn1js.AsnType];
  return { fields: tbsCertificate.valueBlock.value, signatureAlgorithm };
}

/**
 * Built from its parts, not from a DN string, so that no name needs escaping; each value typed as
 * `@peculiar/x509` types a DN string's (PrintableString where it can be, else UTF8String).
 */
function subjectName(subject: SealSubject): Name {
  const attribute = (type: string, text: string) =>
    new RelativeDistinguishedName([
      new AttributeTypeAndValue({ type, value: new AttributeValue(x509.Name.isPrintableString(text) ? { printableString: text } : { utf8String: text }) }),
    ]);
  return new Name([
    attribute(DN.commonName, `${subject.legalName} eSeal`),
    attribute(DN.organizationName, subject.legalName),
    attribute(DN.organizationIdentifier, subject.legalIdentifier),
    attribute(DN.countryName, subject.country),
  ]);
}

const DN = { commonName: '2.5.4.3', organizationName: '2.5.4.10', organizationIdentifier: '2.5.4.97', countryName: '2.5.4.6' } as const;

/** Seals of the scale run share a few keys: their encoded form is made once per key. */
const PUBLIC_KEY_INFO = new WeakMap<KeyObject, asn1js.AsnType>();

function publicKeyInfo(key: KeyObject): asn1js.AsnType {
  let info = PUBLIC_KEY_INFO.get(key);
  if (!info) {
    info = asn1js.fromBER(key.export({ type: 'spki', format: 'der' })).result;
    PUBLIC_KEY_INFO.set(key, info);
  }
  return info;
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
