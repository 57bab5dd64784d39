import { Field, Float, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Unmetered } from '#platform';
import { type EngineState, HealthService } from './health.service.js';

@ObjectType('Health', { description: 'The state of the api and its engines, as GET /health reports it.' })
export class HealthType {
  @Field(() => String, { description: 'ok, degraded (search unavailable), restarting (an embedded engine is being restarted) or down (database unreachable)' })
  status: string;
  @Field(() => String)
  postgres: EngineState;
  @Field(() => String)
  meilisearch: EngineState;
  @Field(() => Float, { nullable: true, description: 'Seconds since the oldest change not yet searchable.' })
  indexLagSeconds: number | null;
}

@Unmetered()
@Resolver(() => HealthType)
export class HealthResolver {
  constructor(private readonly service: HealthService) {}

  @Query(() => HealthType)
  health(): Promise<HealthType> {
    return this.service.check();
  }
}
