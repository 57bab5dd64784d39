import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { type Caller, CurrentCaller, requireAdmin } from '#platform';
import { AuditService } from './audit.service.js';
import { AuditQueryArgs } from './audit-query.args.js';

@ObjectType('AuditEvent', { description: 'One recorded mutation, part of a hash chain.' })
export class AuditEventType {
  @Field(() => ID)
  id: string;
  @Field()
  occurredAt: Date;
  @Field()
  actorKeyId: string;
  @Field()
  actorRole: string;
  @Field(() => ID, { nullable: true })
  actorOrganisationId: string | null;
  @Field()
  action: string;
  @Field()
  entityType: string;
  @Field(() => ID)
  entityId: string;
  @Field(() => GraphQLJSON)
  diff: Record<string, unknown>;
  @Field(() => Int)
  registrySequence: number;
  @Field()
  previousHash: string;
  @Field()
  hash: string;
}

@Resolver(() => AuditEventType)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => [AuditEventType], { description: 'ADMIN. Audit events, newest first; page with `beforeId`.' })
  async auditEvents(@CurrentCaller() caller: Caller, @Args() args: AuditQueryArgs): Promise<AuditEventType[]> {
    requireAdmin(caller);
    const events = await this.audit.list({ ...args, limit: args.first });
    return events.map((e) => ({ ...e, registrySequence: Number(e.registrySequence) }));
  }
}
