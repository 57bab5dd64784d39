import { createHash, webcrypto } from 'node:crypto';
import { DOMImplementation, DOMParser, type Document, type Element, type Node, onErrorStopParsing, XMLSerializer } from '@xmldom/xmldom';
import type * as Xmldsig from 'xmldsigjs';

/*
 * The one place that knows the XML libraries: parsing (xmldom), namespace-aware element access, and
 * enveloped XMLDSig verification (xmldsigjs over WebCrypto: RSA and ECDSA, exclusive and inclusive
 * canonicalisation). Everything else in trusted-lists/ sees elements and plain results.
 */

/**
 * xmldsigjs, with what it needs in Node: xml-core's DOM and XPath, and WebCrypto. Loaded when the
 * first list is verified, not with the api: an operator imports lists now and then, and the three
 * libraries hold about 14 MB of the api's resident memory once loaded. xpath is loaded by a name
 * the type checker does not follow: its typings pull the browser's DOM library into the whole program.
 */
const XPATH_MODULE: string = 'xpath';
let signatureLibrary: Promise<typeof Xmldsig> | null = null;
function xmldsigjs(): Promise<typeof Xmldsig> {
  signatureLibrary ??= Promise.all([import('xmldsigjs'), import('xml-core'), import(XPATH_MODULE)]).then(([xmldsig, xmlCore, xpath]) => {
    xmlCore.setNodeDependencies({ DOMParser, XMLSerializer, DOMImplementation, xpath: (xpath as { default?: unknown }).default ?? xpath });
    xmldsig.Application.setEngine('NodeJS', webcrypto as never);
    return xmldsig;
  });
  return signatureLibrary;
}

export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export type XmlElement = Element;

/** The input is not XML we accept; `message` can be shown to the caller. */
export class XmlInputError extends Error {}

/**
 * Parses a whole document. A DOCTYPE is refused: trusted lists have none, and entity declarations
 * are how XML bombs and external-entity tricks start.
 */
export function parseXml(xml: string): Document {
  if (/<!DOCTYPE/i.test(xml)) throw new XmlInputError('it declares a DOCTYPE, which a trusted list never has');
  let document: Document;
  try {
    document = new DOMParser({ onError: onErrorStopParsing, locator: false }).parseFromString(xml, 'application/xml');
  } catch (error) {
    const message = firstLine((error as Error).message);
    // xmldom matches a comment with one regular expression whose backtracking grows with its
    // length: a comment of several MiB exhausts V8's regexp stack (4–8 MiB here, 3 MiB seen inside jest).
    if (message.includes('Maximum call stack size exceeded')) throw new XmlInputError('it holds a comment or other markup too long for the XML parser (megabytes in one piece; a trusted list has none)');
    throw new XmlInputError(`it is not well-formed XML (${message})`);
  }
  if (!document.documentElement) throw new XmlInputError('it has no root element');
  if (depthExceeds(document.documentElement, MAX_DEPTH)) throw new XmlInputError(`it nests elements more than ${MAX_DEPTH} deep (a trusted list nests about 15)`);
  return document;
}

/** Canonicalisation and the DOM recurse: a document deeper than this is refused before either runs. */
const MAX_DEPTH = 100;

/** Walked without recursion, so that the check itself cannot overflow the stack. */
function depthExceeds(root: Element, limit: number): boolean {
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let next = node.firstChild; next !== null; next = next.nextSibling) if (next.nodeType === 1) stack.push([next, depth + 1]);
  }
  return false;
}

/** Direct children of `parent` with this namespace and local name, whatever prefix the document uses. */
export function children(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === namespace && (node as Element).localName === localName) found.push(node as Element);
  }
  return found;
}

export function child(parent: Element | null | undefined, namespace: string, localName: string): Element | null {
  return parent ? (children(parent, namespace, localName)[0] ?? null) : null;
}

/** Follows a path of child names in one namespace; null as soon as a step is missing. */
export function path(parent: Element | null | undefined, namespace: string, ...localNames: string[]): Element | null {
  let current: Element | null = parent ?? null;
  for (const name of localNames) current = child(current, namespace, name);
  return current;
}

export function text(element: Element | null | undefined): string | null {
  const value = element?.textContent?.trim();
  return value === undefined || value === '' ? null : value;
}

export function descendants(parent: Element, namespace: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(namespace, localName));
}

export type SignatureCheck =
  | { readonly valid: true; readonly signerDer: Uint8Array }
  | { readonly valid: false; readonly problem: string; readonly unknownSigner?: { readonly sha256: string; readonly der: Uint8Array } };

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const CANONICALISATIONS = new Set([
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/2006/12/xml-c14n11',
]);

/**
 * Verifies the document's enveloped signature with one of `trusted` (DER certificates). The
 * signature must be a child of the root and must cover the whole document (a Reference to "" or to
 * the root's Id, transformed only by enveloped-signature and canonicalisation), so that nothing
 * outside what was signed can be read as signed. Any other Reference must point into the signature
 * itself (XAdES SignedProperties). The certificate in KeyInfo is matched against `trusted` by
 * fingerprint first, and the signature checked with the trusted certificate's key.
 */
export async function verifyEnvelopedSignature(document: Document, trusted: readonly Uint8Array[]): Promise<SignatureCheck> {
  const xmldsig = await xmldsigjs();
  const root = document.documentElement!;
  const signatures = children(root, XMLDSIG_NS, 'Signature');
  if (signatures.length !== 1) {
    return { valid: false, problem: signatures.length === 0 ? 'it carries no enveloped XML signature' : 'it carries more than one enveloped XML signature' };
  }
  const [signature] = signatures;
  const coverage = coverageProblem(root, signature);
  if (coverage !== null) return { valid: false, problem: coverage };

  const keyInfoCertificates = descendants(signature, XMLDSIG_NS, 'X509Certificate')
    .filter((element) => isInside(element, child(signature, XMLDSIG_NS, 'KeyInfo')))
    .map((element) => Buffer.from((element.textContent ?? '').replace(/\s+/g, ''), 'base64'));
  const byHash = new Map(trusted.map((der) => [sha256(der), der]));
  let candidates: Uint8Array[];
  if (keyInfoCertificates.length > 0) {
    const matched = keyInfoCertificates.map((der) => byHash.get(sha256(der))).filter((der): der is Uint8Array => der !== undefined);
    if (matched.length === 0) {
      const first = keyInfoCertificates[0];
      return { valid: false, problem: 'it is signed with a certificate that is not among the certificates it may be signed with', unknownSigner: { sha256: sha256(first), der: first } };
    }
    candidates = matched.slice(0, 1);
  } else {
    // Without a certificate in KeyInfo there is nothing to match: try the few trusted ones.
    candidates = trusted.slice(0, 10);
  }

  let signed: Xmldsig.SignedXml;
  try {
    signed = new xmldsig.SignedXml(document as never);
    signed.LoadXml(signature as never);
  } catch (error) {
    return { valid: false, problem: `its XML signature cannot be read (${firstLine((error as Error).message)})` };
  }
  for (const der of candidates) {
    try {
      const algorithm = xmldsig.CryptoConfig.CreateSignatureAlgorithm(signed.XmlSignature.SignedInfo.SignatureMethod).algorithm;
      const key = await new xmldsig.X509Certificate(der as never).exportKey(algorithm as never);
      // xmldsigjs re-imports a given public key with the signature algorithm, which for ECDSA
      // needs the key's curve as well.
      const keyAlgorithm = key.algorithm as { name: string; namedCurve?: string };
      if (keyAlgorithm.namedCurve) signed.Algorithm = { ...(signed.Algorithm as object), namedCurve: keyAlgorithm.namedCurve } as never;
      if (await signed.Verify(key)) return { valid: true, signerDer: der };
    } catch (error) {
      return { valid: false, problem: `its XML signature does not verify (${firstLine((error as Error).message)})` };
    }
  }
  return { valid: false, problem: 'its XML signature does not verify (the signature value does not match the signed content)' };
}

function coverageProblem(root: Element, signature: Element): string | null {
  const signedInfo = child(signature, XMLDSIG_NS, 'SignedInfo');
  if (!signedInfo) return 'its XML signature has no SignedInfo';
  const rootId = root.getAttribute('Id');
  let coversDocument = false;
  for (const reference of children(signedInfo, XMLDSIG_NS, 'Reference')) {
    const uri = reference.getAttribute('URI') ?? '';
    const transforms = children(child(reference, XMLDSIG_NS, 'Transforms') ?? signedInfo, XMLDSIG_NS, 'Transform').map((t) => t.getAttribute('Algorithm') ?? '');
    if (uri === '' || (rootId && uri === `#${rootId}`)) {
      if (!transforms.includes(ENVELOPED) || transforms.some((t) => t !== ENVELOPED && !CANONICALISATIONS.has(t))) {
        return 'its XML signature transforms the document in ways a trusted list signature does not (only enveloped-signature and canonicalisation are accepted)';
      }
      coversDocument = true;
      continue;
    }
    const target = uri.startsWith('#') ? findById(signature, uri.slice(1)) : null;
    if (target === null) return `its XML signature signs "${uri}", which is not part of the signature itself`;
  }
  return coversDocument ? null : 'its XML signature does not cover the whole document';
}

function findById(scope: Element, id: string): Element | null {
  if (scope.getAttribute('Id') === id || scope.getAttribute('id') === id || scope.getAttribute('ID') === id) return scope;
  for (let node = scope.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const found = findById(node as Element, id);
    if (found) return found;
  }
  return null;
}

function isInside(element: Element, ancestor: Element | null): boolean {
  for (let node = element.parentNode; node !== null && ancestor !== null; node = node.parentNode) if (node === ancestor) return true;
  return false;
}

export function sha256(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

function firstLine(message: string): string {
  return message.split('\n')[0].slice(0, 300);
}
