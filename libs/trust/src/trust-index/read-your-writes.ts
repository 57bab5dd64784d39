import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { TrustIndexService } from './trust-index.service.js';

/**
 * Read-your-writes for trust (DESIGN §3, Exactness): a GraphQL mutation returns only after this
 * instance's trust index holds everything committed up to its end, so the very next question —
 * and the fields selected on the mutation's own result — sees the change. Mutations that change
 * nothing trust-relevant pay one indexed query.
 *
 * Each top-level mutation field's resolver is wrapped in the schema, once at start, rather than
 * by a global Nest interceptor: such an interceptor puts every resolver call of every query
 * through an rxjs pipeline (about 30 µs of a trust lookup's ~220) only to let it pass.
 */
@Injectable()
export class ReadYourWrites implements OnApplicationBootstrap {
  private readonly logger = new Logger('TrustIndex');

  constructor(
    private readonly index: TrustIndexService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** After every module's init: the GraphQL module has built the schema by then, and no query has been compiled yet. */
  onApplicationBootstrap(): void {
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
      field.resolve = this.afterCatchingUp(field.resolve ?? defaultFieldResolver);
    }
  }

  private afterCatchingUp(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
    return async (source, args, context, info) => {
      const result: unknown = await resolve(source, args, context, info);
      // The mutation has committed: if the index cannot catch up now (the database just went away),
      // the write still succeeded and is reported so; the index catches up when the database is back.
      await this.index.catchUp().catch((error: unknown) => {
        this.logger.warn({ msg: 'trust index could not catch up after a mutation', err: (error as Error).message });
      });
      return result;
    };
  }
}
