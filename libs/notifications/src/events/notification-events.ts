import type { AuditEventEntity } from '#audit';
import { AccreditationEntity, AgencyRecognitionEntity, OrganisationEntity } from '#registry';
import { IssuerCertificateEntity, IssuerDidEntity } from '#trust';
import { type EntityManager, In } from 'typeorm';
import type { NotificationEventType } from '../notification-event-types.js';

/** The audit action the review-due job appends; announced as REVIEW_DUE. */
export const REVIEW_DUE_ACTION = 'accreditation.review-due';

/** A change as subscribers receive it (DESIGN §8.5), before it is serialised into a delivery's body. */
export interface NotificationEvent {
  id: string;
  /** The audit event it comes from. */
  auditEventId: string;
  type: NotificationEventType;
  occurredAt: string;
  registrySequence: number;
  organisation: { id: string; legalIdentifier: string };
  change: Record<string, unknown>;
  /** Every organisation the change concerns (the provider and the agency of an accreditation); subscriptions match on these. */
  concerns: string[];
}

/** What one audit event announces, before the organisations are looked up. */
interface Draft {
  type: NotificationEventType;
  organisationId: string;
  concerns: string[];
  change: Record<string, unknown>;
}

/**
 * The notification events behind a batch of audit events, in their order. The audit log is the
 * source because every registry and trust change already writes exactly one event in its own
 * transaction (libs/notifications/README.md says why). Events that announce nothing (catalogue
 * changes, API keys, trust anchors, bulk seeding) give none. The change is what the audit event
 * recorded — what was written — not the record as it is when the event is read.
 */
export async function notificationEventsFor(manager: EntityManager, events: readonly AuditEventEntity[]): Promise<NotificationEvent[]> {
  const ids = (entityType: string) => [...new Set(events.filter((e) => e.entityType === entityType).map((e) => e.entityId))];
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const accreditations = byId(await findAll(manager, AccreditationEntity, ids('Accreditation')));
  // A recorded decision that supersedes another changes the other's status too.
  const superseded = events.flatMap((e) => (e.action === 'accreditation.recorded' && typeof e.diff.supersedesId === 'string' ? [e.diff.supersedesId] : []));
  for (const row of await findAll(manager, AccreditationEntity, superseded.filter((id) => !accreditations.has(id)))) accreditations.set(row.id, row);
  const recognitions = byId(await findAll(manager, AgencyRecognitionEntity, ids('AgencyRecognition')));
  const certificates = byId(await findAll(manager, IssuerCertificateEntity, ids('IssuerCertificate')));
  const dids = byId(await findAll(manager, IssuerDidEntity, ids('IssuerDid')));

  const drafts: { event: AuditEventEntity; draft: Draft; index: number }[] = [];
  for (const event of events) {
    const found = draftsOf(event, { accreditations, recognitions, certificates, dids });
    found.forEach((draft, index) => drafts.push({ event, draft, index }));
  }
  const organisations = byId(await findAll(manager, OrganisationEntity, [...new Set(drafts.map((d) => d.draft.organisationId))]));
  return drafts.flatMap(({ event, draft, index }) => {
    const organisation = organisations.get(draft.organisationId);
    if (!organisation) return [];
    return [
      {
        id: `${event.id}-${index}`,
        auditEventId: event.id,
        type: draft.type,
        occurredAt: event.occurredAt.toISOString(),
        registrySequence: Number(event.registrySequence),
        organisation: { id: organisation.id, legalIdentifier: organisation.legalIdentifier },
        change: draft.change,
        concerns: draft.concerns,
      },
    ];
  });
}

function draftsOf(
  event: AuditEventEntity,
  found: {
    accreditations: Map<string, AccreditationEntity>;
    recognitions: Map<string, AgencyRecognitionEntity>;
    certificates: Map<string, IssuerCertificateEntity>;
    dids: Map<string, IssuerDidEntity>;
  },
): Draft[] {
  const diff = event.diff;
  switch (event.entityType) {
    case 'Accreditation': {
      const accreditation = found.accreditations.get(event.entityId);
      if (!accreditation) return [];
      const about = (a: AccreditationEntity) => ({
        organisationId: a.accreditedOrganisationId,
        concerns: [a.accreditedOrganisationId, a.accreditingAgentId],
      });
      const parties = { accreditationId: accreditation.id, accreditingAgentId: accreditation.accreditingAgentId };
      if (event.action === 'accreditation.recorded') {
        const drafts: Draft[] = [{ type: 'ACCREDITATION_RECORDED', ...about(accreditation), change: { ...parties, ...diff } }];
        const predecessor = typeof diff.supersedesId === 'string' ? found.accreditations.get(diff.supersedesId) : undefined;
        if (predecessor) {
          drafts.push({
            type: 'ACCREDITATION_STATUS_CHANGED',
            ...about(predecessor),
            change: {
              accreditationId: predecessor.id,
              accreditingAgentId: predecessor.accreditingAgentId,
              status: 'SUPERSEDED',
              effectiveAt: diff.validFrom,
              reason: `superseded by ${accreditation.id}`,
            },
          });
        }
        return drafts;
      }
      if (event.action === 'accreditation.status-changed') {
        return [{ type: 'ACCREDITATION_STATUS_CHANGED', ...about(accreditation), change: { ...parties, ...diff } }];
      }
      if (event.action === REVIEW_DUE_ACTION) return [{ type: 'REVIEW_DUE', ...about(accreditation), change: { ...parties, ...diff } }];
      return [];
    }
    case 'Organisation':
      if (event.action !== 'organisation.status-changed') return [];
      return [{ type: 'ORGANISATION_STATUS_CHANGED', organisationId: event.entityId, concerns: [event.entityId], change: { ...diff } }];
    case 'AgencyRecognition': {
      const recognition = found.recognitions.get(event.entityId);
      if (!recognition) return [];
      return [
        {
          type: 'AGENCY_RECOGNITION_CHANGED',
          organisationId: recognition.agencyId,
          concerns: [recognition.agencyId],
          change: { action: event.action, recognitionId: recognition.id, ...diff },
        },
      ];
    }
    case 'IssuerCertificate':
    case 'IssuerDid': {
      const key = event.entityType === 'IssuerCertificate' ? found.certificates.get(event.entityId) : found.dids.get(event.entityId);
      if (!key) return [];
      const change: Record<string, unknown> = {
        action: event.action,
        keyType: event.entityType === 'IssuerCertificate' ? 'CERTIFICATE' : 'DID',
        keyId: key.id,
        ...(key instanceof IssuerCertificateEntity ? { sha256: key.sha256 } : { did: (key as IssuerDidEntity).did }),
        ...withoutPem(diff),
      };
      return [{ type: 'ISSUER_KEY_CHANGED', organisationId: key.organisationId, concerns: [key.organisationId], change }];
    }
    default:
      return [];
  }
}

/** A certificate's PEM is in the registry for anyone to read; a notification names it by fingerprint. */
function withoutPem(diff: Record<string, unknown>): Record<string, unknown> {
  const { certificatePem: _pem, intermediatesPem: _intermediates, ...rest } = diff;
  return rest;
}

async function findAll<T extends { id: string }>(manager: EntityManager, entity: new () => T, ids: readonly string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  return manager.getRepository(entity).findBy({ id: In([...ids]) } as never);
}
