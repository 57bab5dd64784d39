import type { Document } from '@xmldom/xmldom';
import { child, children, descendants, path, text, type XmlElement, XmlInputError } from './xml-signature.js';

/*
 * ETSI TS 119 612 (v5 and v6) read by namespace, whatever prefixes a list uses: the scheme
 * information, the LOTL's pointers to national lists, and every service with its history. Pure:
 * a parsed DOM in, plain data out.
 */

export const TSL_NS = 'http://uri.etsi.org/02231/v2#';
const TSL_ADDITIONAL_NS = 'http://uri.etsi.org/02231/v2/additionaltypes#';
export const CA_QC = 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC';
const FOR_E_SEALS = 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals';
const XML_MIME_TYPE = 'application/vnd.etsi.tsl+xml';

export interface ParsedTrustedList {
  readonly versionIdentifier: number;
  readonly sequenceNumber: number;
  readonly type: string;
  /** A list of trusted lists (the EU LOTL): it lists no services, only pointers. */
  readonly listOfLists: boolean;
  /** SchemeTerritory: ISO 3166-1 alpha-2 (EL for Greece, UK) or EU for the LOTL. */
  readonly territory: string;
  readonly issuedAt: Date;
  /** null: the list is closed (no further update will come). */
  readonly nextUpdate: Date | null;
  readonly pointers: readonly TrustedListPointer[];
  readonly services: readonly ListedService[];
}

export interface TrustedListPointer {
  readonly territory: string;
  readonly location: string;
  readonly mimeType: string | null;
  /** Base64 DER certificates the pointed-to list may be signed with. */
  readonly certificates: readonly string[];
}

export interface ListedService {
  readonly providerName: string;
  readonly name: string;
  readonly type: string;
  readonly forESeals: boolean;
  /** Base64 DER certificates of the service's digital identity. */
  readonly certificates: readonly string[];
  /** The current status first, then each ServiceHistoryInstance as listed. */
  readonly statuses: readonly ListedStatus[];
}

export interface ListedStatus {
  /** e.g. http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted */
  readonly status: string;
  readonly startingTime: Date;
}

export function parseTrustedList(document: Document): ParsedTrustedList {
  const root = document.documentElement!;
  if (root.namespaceURI !== TSL_NS || root.localName !== 'TrustServiceStatusList') {
    throw new XmlInputError(`it is not an ETSI TS 119 612 trusted list (its root is {${root.namespaceURI ?? ''}}${root.localName})`);
  }
  const scheme = child(root, TSL_NS, 'SchemeInformation');
  if (!scheme) throw new XmlInputError('it has no SchemeInformation');
  const type = required(scheme, 'TSLType');
  return {
    versionIdentifier: integer(scheme, 'TSLVersionIdentifier'),
    sequenceNumber: integer(scheme, 'TSLSequenceNumber'),
    type,
    listOfLists: type.toLowerCase().endsWith('listofthelists'),
    territory: required(scheme, 'SchemeTerritory').toUpperCase(),
    issuedAt: dateTime(required(scheme, 'ListIssueDateTime'), 'ListIssueDateTime'),
    nextUpdate: optionalDateTime(text(path(scheme, TSL_NS, 'NextUpdate', 'dateTime')), 'NextUpdate'),
    pointers: children(child(scheme, TSL_NS, 'PointersToOtherTSL') ?? scheme, TSL_NS, 'OtherTSLPointer').map(pointer),
    services: children(child(root, TSL_NS, 'TrustServiceProviderList') ?? root, TSL_NS, 'TrustServiceProvider').flatMap(services),
  };
}

function pointer(element: XmlElement): TrustedListPointer {
  const other = descendants(element, TSL_NS, 'OtherInformation');
  const info = (name: string, namespace = TSL_NS) => other.map((o) => text(child(o, namespace, name))).find((v) => v !== null) ?? null;
  return {
    territory: (info('SchemeTerritory') ?? '').toUpperCase(),
    location: text(child(element, TSL_NS, 'TSLLocation')) ?? '',
    mimeType: info('MimeType', TSL_ADDITIONAL_NS),
    certificates: descendants(element, TSL_NS, 'X509Certificate').map(base64),
  };
}

function services(provider: XmlElement): ListedService[] {
  const providerName = name(path(provider, TSL_NS, 'TSPInformation', 'TSPName'));
  return children(child(provider, TSL_NS, 'TSPServices') ?? provider, TSL_NS, 'TSPService').map((service) => {
    const information = child(service, TSL_NS, 'ServiceInformation');
    if (!information) throw new XmlInputError(`a service of "${providerName}" has no ServiceInformation`);
    const serviceName = name(child(information, TSL_NS, 'ServiceName'));
    const extensions = descendants(information, TSL_NS, 'AdditionalServiceInformation').map((a) => text(child(a, TSL_NS, 'URI')));
    const history = children(child(service, TSL_NS, 'ServiceHistory') ?? service, TSL_NS, 'ServiceHistoryInstance');
    return {
      providerName,
      name: serviceName,
      type: required(information, 'ServiceTypeIdentifier'),
      forESeals: extensions.includes(FOR_E_SEALS),
      certificates: children(child(information, TSL_NS, 'ServiceDigitalIdentity') ?? information, TSL_NS, 'DigitalId')
        .map((id) => child(id, TSL_NS, 'X509Certificate'))
        .filter((c): c is XmlElement => c !== null)
        .map(base64),
      statuses: [information, ...history].map((entry) => ({
        status: required(entry, 'ServiceStatus'),
        startingTime: dateTime(required(entry, 'StatusStartingTime'), `StatusStartingTime of "${serviceName}"`),
      })),
    };
  });
}

/** The English name when there is one, else the first. */
function name(names: XmlElement | null): string {
  const all = names ? children(names, TSL_NS, 'Name') : [];
  const english = all.find((n) => (n.getAttribute('xml:lang') ?? '').toLowerCase().startsWith('en'));
  return text(english ?? all[0]) ?? '(unnamed)';
}

function required(parent: XmlElement, localName: string): string {
  const value = text(child(parent, TSL_NS, localName));
  if (value === null) throw new XmlInputError(`its ${parent.localName} has no ${localName}`);
  return value;
}

function integer(parent: XmlElement, localName: string): number {
  const value = required(parent, localName);
  if (!/^\d{1,9}$/.test(value)) throw new XmlInputError(`its ${localName} "${value.slice(0, 40)}" is not a whole number`);
  return Number(value);
}

function dateTime(value: string, what: string): Date {
  const date = new Date(value);
  // xsd:dateTime; TS 119 612 requires UTC, but a stated offset is read as stated.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new XmlInputError(`its ${what} "${value.slice(0, 40)}" is not a date and time`);
  }
  return date;
}

function optionalDateTime(value: string | null, what: string): Date | null {
  return value === null ? null : dateTime(value, what);
}

function base64(element: XmlElement): string {
  return (element.textContent ?? '').replace(/\s+/g, '');
}

/** The pointers' certificates for a territory's XML list (a pointer without a MIME type counts). */
export function signerCertificatesFor(lotl: { readonly pointers: readonly TrustedListPointer[] }, territory: string): string[] {
  const pointers = lotl.pointers.filter((p) => p.territory === territory.toUpperCase() && (p.mimeType === null || p.mimeType === XML_MIME_TYPE));
  return [...new Set(pointers.flatMap((p) => p.certificates))];
}
