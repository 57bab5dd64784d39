import { CA_QC, type ListedService, type ParsedTrustedList } from './trusted-list.parser.js';

/*
 * Which services of a trusted list become trust anchors (DESIGN §8.2) and with what status history.
 * Pure: plain parsed data in, plain anchors out.
 */

/** Statuses in which a service is qualified: the eIDAS ones and, before July 2016, the Directive 1999/93 ones. */
const ACTIVE_STATUSES = new Set(['granted', 'recognisedatnationallevel', 'undersupervision', 'accredited', 'setbynationallaw']);
const INACTIVE_STATUSES = new Set(['withdrawn', 'deprecatedatnationallevel', 'supervisionceased', 'supervisionrevoked']);

/** The last segment of a status URI: `granted`, `withdrawn`, … */
export function statusName(uri: string): string {
  return uri.replace(/\/+$/, '').split('/').pop() ?? uri;
}

/** Whether a listed status lets the service's certificates anchor trust; null for a status this registry does not know. */
export function statusIsActive(uri: string): boolean | null {
  const name = statusName(uri);
  if (ACTIVE_STATUSES.has(name)) return true;
  if (INACTIVE_STATUSES.has(name)) return false;
  return null;
}

export interface AnchorStatusChange {
  readonly active: boolean;
  readonly effectiveAt: Date;
  /** The listed statuses behind it, e.g. "granted" or "withdrawn". */
  readonly listed: string;
}

export interface ListedAnchor {
  /** Base64 DER. */
  readonly certificate: string;
  /** The services that list it (usually one), by name. */
  readonly serviceNames: readonly string[];
  /** Oldest first; only the instants at which the anchor's standing changes. */
  readonly history: readonly AnchorStatusChange[];
}

/**
 * One anchor per certificate of every CA/QC service whose extensions say ForeSeals. When several
 * such services list the same certificate it anchors while any of them is active. Statuses this
 * registry does not know count as not active (and are reported in `unknownStatuses`).
 */
export function listedAnchors(list: ParsedTrustedList): { anchors: ListedAnchor[]; unknownStatuses: string[] } {
  const unknown = new Set<string>();
  const byCertificate = new Map<string, ListedService[]>();
  for (const service of list.services) {
    if (service.type !== CA_QC || !service.forESeals) continue;
    for (const certificate of new Set(service.certificates)) {
      byCertificate.set(certificate, [...(byCertificate.get(certificate) ?? []), service]);
    }
  }
  const anchors = [...byCertificate].map(([certificate, services]) => {
    for (const service of services) for (const s of service.statuses) if (statusIsActive(s.status) === null) unknown.add(s.status);
    return { certificate, serviceNames: [...new Set(services.map((s) => s.name))], history: combinedHistory(services) };
  });
  return { anchors, unknownStatuses: [...unknown] };
}

/** Each service's statuses as a timeline, then merged: active while any service is; entries only where that changes. */
function combinedHistory(services: readonly ListedService[]): AnchorStatusChange[] {
  const timelines = services.map((service) =>
    [...service.statuses].sort((a, b) => a.startingTime.getTime() - b.startingTime.getTime()),
  );
  const instants = [...new Set(timelines.flat().map((s) => s.startingTime.getTime()))].sort((a, b) => a - b);
  const changes: AnchorStatusChange[] = [];
  for (const instant of instants) {
    const inForce = timelines
      .map((timeline) => timeline.filter((s) => s.startingTime.getTime() <= instant).pop())
      .filter((s) => s !== undefined);
    const active = inForce.some((s) => statusIsActive(s.status) === true);
    const listed = [...new Set(inForce.filter((s) => (statusIsActive(s.status) === true) === active).map((s) => statusName(s.status)))].join(', ');
    const previous = changes[changes.length - 1];
    // A new listed status without a change of standing (undersupervision → granted) is still
    // history worth keeping: it is what the list says.
    if (previous && previous.active === active && previous.listed === listed) continue;
    changes.push({ active, effectiveAt: new Date(instant), listed });
  }
  return changes;
}
