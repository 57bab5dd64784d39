import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, ParseIdPipe } from '#platform';
import { CreateWebhookSubscriptionInput, WebhookDeliveriesArgs, WebhookDeliveryType, WebhookSubscriptionType } from './dto/webhook.types.js';
import { WebhookSubscriptionService } from './webhook-subscription.service.js';

@Resolver(() => WebhookSubscriptionType)
export class WebhookSubscriptionResolver {
  constructor(private readonly subscriptions: WebhookSubscriptionService) {}

  @Mutation(() => WebhookSubscriptionType, {
    description: 'ADMIN for any organisation; a QUALITY_AGENCY or PROVIDER key for its own; a VERIFIER key for any. Hears of changes committed from now on.',
  })
  createWebhookSubscription(@CurrentCaller() caller: Caller, @Args('input') input: CreateWebhookSubscriptionInput): Promise<WebhookSubscriptionType> {
    return this.subscriptions.create(caller, input);
  }

  @Query(() => [WebhookSubscriptionType], { description: "The caller's subscriptions (ADMIN: all), with why one was disabled." })
  webhookSubscriptions(@CurrentCaller() caller: Caller): Promise<WebhookSubscriptionType[]> {
    return this.subscriptions.list(caller);
  }

  @Mutation(() => Boolean, { description: 'Its owner or ADMIN. Nothing more is sent; its deliveries are forgotten.' })
  deleteWebhookSubscription(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<boolean> {
    return this.subscriptions.delete(caller, id);
  }

  @Query(() => [WebhookDeliveryType], { description: 'Its owner or ADMIN: the newest deliveries, each with every attempt (time, status code, error).' })
  webhookDeliveries(@CurrentCaller() caller: Caller, @Args() args: WebhookDeliveriesArgs): Promise<WebhookDeliveryType[]> {
    return this.subscriptions.deliveries(caller, args);
  }
}
