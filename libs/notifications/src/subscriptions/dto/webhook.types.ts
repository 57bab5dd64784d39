import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { NOTIFICATION_EVENT_TYPES, type NotificationEventType } from '../../notification-event-types.js';

export const WebhookEventTypeEnum = Object.fromEntries(NOTIFICATION_EVENT_TYPES.map((t) => [t, t])) as { [K in NotificationEventType]: K };
registerEnumType(WebhookEventTypeEnum, { name: 'WebhookEventType', description: 'The change notifications (docs/notifications.md).' });

export const WebhookDeliveryStatusEnum = { PENDING: 'PENDING', DELIVERED: 'DELIVERED', ABANDONED: 'ABANDONED' } as const;
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING (not yet answered with a 2xx), DELIVERED, or ABANDONED (retries ran out; the subscription was disabled)',
});

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field({ description: 'Where deliveries are POSTed: https only, to a public address (unless TESSERA_WEBHOOKS_ALLOW_PRIVATE=1).' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @Field(() => [WebhookEventTypeEnum])
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(NOTIFICATION_EVENT_TYPES, { each: true })
  events: NotificationEventType[];

  @Field(() => [ID], {
    nullable: true,
    description: "Whose changes: an agency's or provider's key may name only its own organisation (the default); ADMIN and VERIFIER keys any, none = every organisation.",
  })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organisationIds?: string[];
}

@ObjectType('WebhookSubscription')
export class WebhookSubscriptionType {
  @Field(() => ID)
  id: string;
  @Field()
  url: string;
  @Field(() => [WebhookEventTypeEnum])
  events: NotificationEventType[];
  @Field(() => [ID], { description: 'Empty: every organisation.' })
  organisationIds: string[];
  @Field()
  createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'Set when retries ran out; nothing more is sent.' })
  disabledAt: Date | null;
  @Field(() => String, { nullable: true })
  disabledReason: string | null;
}

@ObjectType('WebhookDeliveryAttempt')
export class WebhookDeliveryAttemptType {
  @Field()
  attemptedAt: Date;
  @Field(() => Int, { nullable: true, description: 'The HTTP status the receiver answered; null when it did not answer.' })
  statusCode: number | null;
  @Field(() => String, { nullable: true })
  error: string | null;
  @Field(() => Int)
  durationMs: number;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryType {
  @Field(() => ID)
  id: string;
  @Field({ description: "The event's id, as in the body." })
  eventId: string;
  @Field(() => WebhookEventTypeEnum)
  eventType: NotificationEventType;
  @Field(() => WebhookDeliveryStatusEnum)
  status: keyof typeof WebhookDeliveryStatusEnum;
  @Field()
  createdAt: Date;
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the next attempt is due, while PENDING.' })
  nextAttemptAt: Date | null;
  @Field(() => [WebhookDeliveryAttemptType], { description: 'Every POST, oldest first.' })
  attempts: WebhookDeliveryAttemptType[];
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID)
  @IsUUID()
  subscriptionId: string;

  @Field(() => Int, { defaultValue: 50, description: 'The newest this many, newest first (at most 100).' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number;
}
