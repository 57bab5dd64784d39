import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { actorOf, type Caller, DomainError, requireAnyKey, TESSERA_CONFIG, type TesseraConfig } from '#platform';
import { OrganisationService } from '#registry';
import { type DataSource, In } from 'typeorm';
import { WebhookDeliveryEntity } from '../deliveries/webhook-delivery.entity.js';
import { WebhookDeliveryAttemptEntity } from '../deliveries/webhook-delivery-attempt.entity.js';
import { resolveWebhookTarget, UnsafeTargetError } from '../deliveries/webhook-target.js';
import type { CreateWebhookSubscriptionInput, WebhookDeliveriesArgs, WebhookDeliveryType } from './dto/webhook.types.js';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity.js';

type KeyHolder = Exclude<Caller, { kind: 'anonymous' }>;

/**
 * Subscriptions and what was delivered to them. Who may do what (DESIGN §8.5): ADMIN anything; a
 * QUALITY_AGENCY or PROVIDER key subscribes to its own organisation and manages its
 * organisation's subscriptions; a VERIFIER key subscribes to any organisation and manages only the
 * subscriptions it created.
 */
@Injectable()
export class WebhookSubscriptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationService,
    @Inject(TESSERA_CONFIG) private readonly config: TesseraConfig,
  ) {}

  async create(caller: Caller, input: CreateWebhookSubscriptionInput): Promise<WebhookSubscriptionEntity> {
    const known = requireAnyKey(caller);
    const organisationIds = [...new Set(input.organisationIds ?? (known.kind === 'organisation' ? [known.organisationId] : []))];
    if (known.kind === 'organisation') {
      if (organisationIds.length === 0 || organisationIds.some((id) => id !== known.organisationId)) {
        throw new DomainError('FORBIDDEN', `a ${known.role} key may subscribe only to its own organisation's changes`);
      }
    } else if (organisationIds.length > 0) {
      const found = new Set((await this.organisations.findByIds(organisationIds)).map((o) => o.id));
      const missing = organisationIds.filter((id) => !found.has(id));
      if (missing.length > 0) throw DomainError.badInput([{ field: 'input.organisationIds', message: `no such organisation: ${missing.join(', ')}` }]);
    }
    try {
      // Checked now so that a mistake is answered at once; checked again before every delivery.
      await resolveWebhookTarget(input.url, this.config.webhooksAllowPrivate);
    } catch (error) {
      if (error instanceof UnsafeTargetError) throw DomainError.badInput([{ field: 'input.url', message: error.message }]);
      throw error;
    }
    const actor = actorOf(known);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WebhookSubscriptionEntity);
      const subscription = await repository.save(
        repository.create({
          url: input.url,
          events: [...new Set(input.events)],
          organisationIds,
          ownerKeyId: actor.keyId,
          ownerRole: actor.role,
          ownerOrganisationId: actor.organisationId,
          startsAfterAuditEventId: '0',
          disabledAt: null,
          disabledReason: null,
          leasedUntil: null,
        }),
      );
      const event = await this.audit.append(manager, {
        actor,
        action: 'webhook-subscription.created',
        entityType: 'WebhookSubscription',
        entityId: subscription.id,
        diff: { url: subscription.url, events: subscription.events, organisationIds },
      });
      // It hears of exactly the changes committed after this one (audit ids are in commit order).
      await repository.update({ id: subscription.id }, { startsAfterAuditEventId: event.id });
      return { ...subscription, startsAfterAuditEventId: event.id };
    });
  }

  /** The caller's subscriptions (ADMIN: every one), oldest first. */
  list(caller: Caller): Promise<WebhookSubscriptionEntity[]> {
    const known = requireAnyKey(caller);
    const where =
      known.kind === 'admin' ? {} : known.kind === 'organisation' ? { ownerOrganisationId: known.organisationId } : { ownerKeyId: known.keyId, ownerRole: 'VERIFIER' as const };
    return this.dataSource.getRepository(WebhookSubscriptionEntity).find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Deletes it and what was delivered to it; nothing more is sent. */
  async delete(caller: Caller, id: string): Promise<boolean> {
    const known = requireAnyKey(caller);
    return this.dataSource.transaction(async (manager) => {
      const subscription = await manager.getRepository(WebhookSubscriptionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      assertManages(known, subscription, id);
      await manager.getRepository(WebhookSubscriptionEntity).delete({ id });
      await this.audit.append(manager, { actor: actorOf(known), action: 'webhook-subscription.deleted', entityType: 'WebhookSubscription', entityId: id, diff: {} });
      return true;
    });
  }

  /** The newest deliveries of one of the caller's subscriptions, each with its attempts. */
  async deliveries(caller: Caller, args: WebhookDeliveriesArgs): Promise<WebhookDeliveryType[]> {
    const known = requireAnyKey(caller);
    assertManages(known, await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id: args.subscriptionId }), args.subscriptionId);
    const deliveries = await this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .find({ where: { subscriptionId: args.subscriptionId }, order: { id: 'DESC' }, take: args.first });
    const attempts =
      deliveries.length === 0
        ? []
        : await this.dataSource
            .getRepository(WebhookDeliveryAttemptEntity)
            .find({ where: { deliveryId: In(deliveries.map((d) => d.id)) }, order: { id: 'ASC' } });
    return deliveries.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
      nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt : null,
      attempts: attempts.filter((a) => a.deliveryId === d.id),
    }));
  }
}

function assertManages(known: KeyHolder, subscription: WebhookSubscriptionEntity | null, id: string): asserts subscription is WebhookSubscriptionEntity {
  if (!subscription) throw new DomainError('NOT_FOUND', `no webhook subscription ${id}`);
  const manages =
    known.kind === 'admin' ||
    (known.kind === 'organisation' && subscription.ownerOrganisationId === known.organisationId) ||
    (known.kind === 'verifier' && subscription.ownerRole === 'VERIFIER' && subscription.ownerKeyId === known.keyId);
  if (!manages) throw new DomainError('FORBIDDEN', 'this webhook subscription belongs to someone else');
}
